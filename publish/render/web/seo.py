"""What search engines and link previews read: JSON-LD, sitemap.xml, robots.txt."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from publish.config import Config
from publish.model import Bulletin, by_constructor

__all__ = [
    "SitemapEntry",
    "json_ld",
    "news_article",
    "robots_txt",
    "sitemap_files",
    "sitemap_xml",
]

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_MAX_URLS = 50_000
"""The most URLs one sitemap file may list (sitemaps.org); more go to files an index lists."""
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
"""The largest one sitemap file may be, uncompressed (sitemaps.org)."""


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
        "inLanguage": bulletin.lang or config.site.language,
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
    return _document("urlset", [_url_xml(entry, "url") for entry in entries])


def sitemap_files(
    entries: Sequence[SitemapEntry],
    absolute_url: Callable[[str], str],
    *,
    max_urls: int | None = None,
    max_bytes: int | None = None,
) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) of the site's sitemap: sitemap.xml listing every page, or, for more
    pages than one file may hold (sitemaps.org: 50,000 URLs, 50 MB; a search engine ignores
    the rest or the whole file), sitemap-1.xml, sitemap-2.xml… and sitemap.xml as their index,
    so the address robots.txt and Search Console were given still leads to every page."""
    urls = [_url_xml(entry, "url") for entry in entries]
    parts = _split(
        urls,
        SITEMAP_MAX_URLS if max_urls is None else max_urls,
        SITEMAP_MAX_BYTES if max_bytes is None else max_bytes,
    )
    if len(parts) <= 1:
        yield "sitemap.xml", _document("urlset", urls)
        return
    listed: list[str] = []
    start = 0
    for number, count in enumerate(parts, 1):
        name = f"sitemap-{number}.xml"
        yield name, _document("urlset", urls[start : start + count])
        part = entries[start : start + count]
        newest = max((e.lastmod for e in part if e.lastmod is not None), default=None)
        listed.append(_url_xml(SitemapEntry(absolute_url(name), newest), "sitemap"))
        start += count
    yield "sitemap.xml", _document("sitemapindex", listed)


def _split(urls: Sequence[str], max_urls: int, max_bytes: int) -> list[int]:
    """How many of `urls` (each an element's text) each file takes, in order, so that none
    holds more than `max_urls` or, with its opening and closing lines, `max_bytes`."""
    room = max_bytes - len(_document("urlset", [""]))  # the lines around the elements
    counts: list[int] = []
    count = size = 0
    for url in urls:
        length = len(url.encode())
        if count and (count == max_urls or size + length > room):
            counts.append(count)
            count = size = 0
        count += 1
        size += length
    if count:
        counts.append(count)
    return counts


def _url_xml(entry: SitemapEntry, tag: str) -> str:
    """One <url> (or an index's <sitemap>) element, indented as ElementTree would."""
    lastmod = (
        "" if entry.lastmod is None else f"    <lastmod>{entry.lastmod.isoformat()}</lastmod>\n"
    )
    return f"  <{tag}>\n    <loc>{_xml_text(entry.url)}</loc>\n{lastmod}  </{tag}>\n"


def _document(root: str, children: Sequence[str]) -> bytes:
    """A sitemap or sitemap index document holding the given elements."""
    body = (
        f'<{root} xmlns="{SITEMAP_NS}">\n{"".join(children)}</{root}>'
        if children
        else f'<{root} xmlns="{SITEMAP_NS}" />'
    )
    return f"<?xml version='1.0' encoding='utf-8'?>\n{body}\n".encode()


def _xml_text(text: str) -> str:
    """Text escaped for an XML element."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def robots_txt(config: Config) -> str:
    """robots.txt: everything may be crawled; the sitemap is announced."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {config.absolute_url('sitemap.xml')}\n"
