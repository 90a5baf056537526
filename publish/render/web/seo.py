"""What search engines and link previews read: JSON-LD, sitemap.xml, robots.txt."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from publish.config import Config
from publish.model import Bulletin, by_constructor

__all__ = ["SitemapEntry", "json_ld", "news_article", "robots_txt", "sitemap_xml"]

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """One page in sitemap.xml."""

    __reduce__ = by_constructor  # loads fast: every reused page unpickles one

    url: str
    """Absolute URL."""
    lastmod: dt.datetime | None = None


def json_ld(data: Mapping[str, Any]) -> Markup:
    """JSON for a <script type="application/ld+json"> that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(text)


def news_article(
    bulletin: Bulletin, *, config: Config, url: str, image: str | None
) -> dict[str, Any]:
    """Schema.org NewsArticle of a bulletin page."""
    publisher = {
        "@type": "Organization",
        "name": config.unit.name,
        "url": config.base_url,
    }
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": bulletin.title,
        "description": bulletin.summary,
        "datePublished": bulletin.date.isoformat(),
        "dateModified": bulletin.modified.isoformat(),
        "inLanguage": config.site.language,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "articleSection": config.categories[bulletin.category].label,
        "publisher": publisher,
        "author": ({"@type": "Person", "name": bulletin.author} if bulletin.author else publisher),
    }
    if bulletin.tags:
        data["keywords"] = ", ".join(bulletin.tags)
    if image:
        data["image"] = [image]
    return data


def sitemap_xml(entries: Iterable[SitemapEntry]) -> bytes:
    """sitemap.xml for the given pages, in the order given (the bytes ElementTree would write
    with `indent`, written as text: building a tree of every page cost a rebuild ~0.2 s)."""
    urls = []
    for entry in entries:
        lastmod = (
            "" if entry.lastmod is None else f"    <lastmod>{entry.lastmod.isoformat()}</lastmod>\n"
        )
        urls.append(f"  <url>\n    <loc>{_xml_text(entry.url)}</loc>\n{lastmod}  </url>\n")
    body = (
        f'<urlset xmlns="{SITEMAP_NS}">\n{"".join(urls)}</urlset>'
        if urls
        else f'<urlset xmlns="{SITEMAP_NS}" />'
    )
    return f"<?xml version='1.0' encoding='utf-8'?>\n{body}\n".encode()


def _xml_text(text: str) -> str:
    """Text escaped for an XML element."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def robots_txt(config: Config) -> str:
    """robots.txt: everything may be crawled; the sitemap is announced."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {config.absolute_url('sitemap.xml')}\n"
