"""Atom feeds (RFC 4287) for the site and each category, built as XML data so everything is escaped."""

from __future__ import annotations

import datetime as dt
import functools
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from markupsafe import escape

from publish.correction_text import HEADING, when
from publish.model import Bulletin
from publish.render.web.feed_urls import absolute_urls

if TYPE_CHECKING:
    from publish.render.web.context import SiteContext

__all__ = ["FeedEntry", "atom_feed", "entry_id", "site_feeds"]

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TAG_PATH_SAFE = "/%:@!$&'()*+,;="
"""What a tag: URI's specific part (RFC 4151: pchar and «/») holds as it is, besides letters,
digits and «-._~»: anything else of a folder's name («/công-an/») is percent-encoded."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One bulletin in a feed, with absolute URLs, also in its sanitised HTML (see feed_urls)."""

    id: str
    title: str
    url: str
    published: dt.datetime
    updated: dt.datetime
    """Its latest correction, else `published`."""
    summary: str
    content_html: str
    category: str
    category_label: str
    author: str
    lang: str = ""
    """The bulletin's language when not the site's (Bulletin.lang): its title, summary and
    content say so (xml:lang), the feed's categories and author stay in the site's."""


def entry_id(first_base_url: str, key: str, date: dt.datetime) -> str:
    """A tag: URI from the bulletin's stable key, so a changed slug is not a new entry, and from
    the site's first address (Config.first_base_url), so a move to a new one is not either:
    `tag:host,2024:key`, and `tag:host,2024:folder/key` for a site in a folder of the domain
    (`https://host/folder/`), as two units sharing one domain may both have a bulletin «key»."""
    parts = urlsplit(first_base_url)
    host = parts.hostname or "localhost"
    # A key is a-z, 0-9 and «-» only: an id of a site at the domain's root never holds a «/»,
    # so it is the same as before folders counted, and no folder's id can equal it.
    folder = quote(parts.path.strip("/"), safe=TAG_PATH_SAFE)
    return f"tag:{host},{date:%Y}:{folder}/{key}" if folder else f"tag:{host},{date:%Y}:{key}"


def atom_feed(
    entries: Sequence[FeedEntry],
    *,
    title: str,
    subtitle: str,
    feed_id: str,
    feed_url: str,
    page_url: str,
    author: str,
    language: str,
    fallback_updated: dt.datetime,
) -> bytes:
    """A complete Atom document; `updated` is the newest entry's (its latest correction's, when
    corrected), so an unchanged site gives equal bytes. `feed_id` is the feed's address at the
    site's first address (see entry_id)."""
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(_q("feed"), {XML_LANG: language})
    _text(feed, "id", feed_id)
    _text(feed, "title", title)
    if subtitle:
        _text(feed, "subtitle", subtitle)
    updated = max((e.updated for e in entries), default=fallback_updated)
    _text(feed, "updated", updated.isoformat())
    ET.SubElement(feed, _q("link"), rel="self", type="application/atom+xml", href=feed_url)
    ET.SubElement(feed, _q("link"), rel="alternate", type="text/html", href=page_url)
    _text(ET.SubElement(feed, _q("author")), "name", author)
    for entry in entries:
        feed.append(_entry(entry, author))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(entry: FeedEntry, site_author: str) -> ET.Element:
    """One <entry>."""
    node = ET.Element(_q("entry"))
    _text(node, "id", entry.id)
    _text(node, "title", entry.title)
    ET.SubElement(node, _q("link"), rel="alternate", type="text/html", href=entry.url)
    _text(node, "published", entry.published.isoformat())
    _text(node, "updated", entry.updated.isoformat())
    _text(ET.SubElement(node, _q("author")), "name", entry.author or site_author)
    ET.SubElement(node, _q("category"), term=entry.category, label=entry.category_label)
    summary = _text(node, "summary", entry.summary)
    content = _text(node, "content", entry.content_html)
    content.set("type", "html")
    content.set("{http://www.w3.org/XML/1998/namespace}base", entry.url)
    if entry.lang:
        for part in (node.find(_q("title")), summary, content):
            if part is not None:
                part.set(XML_LANG, entry.lang)
    return node


def _q(tag: str) -> str:
    """An Atom-namespaced tag."""
    return f"{{{ATOM_NS}}}{tag}"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    """Append an Atom child holding text."""
    child = ET.SubElement(parent, _q(tag))
    child.text = text
    return child


def site_feeds(
    context: SiteContext, *, fallback_updated: dt.datetime
) -> Iterator[tuple[str, bytes, str | None]]:
    """(site path, Atom bytes, Artifact kind) of the site feed and of each category's feed, and
    of the feed kept at each old address of a category (its aliases: "category-alias");
    previews never appear. Each address's feed has an id of its own, and keeps it: a category
    renamed kept its followers at the old address but changed its feed's <id> under them (the
    id named the new key), as if it were another feed. Not the oldest key's id for all: a
    category that took in another (aliases hold the other's key) keeps its own id too."""
    config = context.config
    feed = functools.partial(
        atom_feed,
        author=config.unit.name,
        language=config.site.language,
        fallback_updated=fallback_updated,
    )
    yield (
        "/feed.xml",
        feed(
            _entries(context, context.public),
            title=config.site.title,
            subtitle=config.site.description,
            feed_id=config.first_base_url + "feed.xml",
            feed_url=context.absolute("/feed.xml"),
            page_url=context.absolute("/"),
        ),
        None,
    )
    for key, category in config.categories.items():
        entries = _entries(context, context.public_in(key))
        page_url = context.absolute(context.category_url(key))
        for old in (None, *category.aliases):
            path = f"{context.category_url(old or key)}feed.xml"
            data = feed(
                entries,
                title=f"{category.label} — {config.unit.name}",
                subtitle=category.description,
                feed_id=config.first_base_url + path.lstrip("/"),
                feed_url=context.absolute(path),
                page_url=page_url,
            )
            yield path, data, "category-alias" if old else None


def _entries(context: SiteContext, bulletins: Sequence[Bulletin]) -> list[FeedEntry]:
    """Entries for the newest `feed_items` of the given published bulletins."""
    config = context.config
    return [
        FeedEntry(
            id=entry_id(config.first_base_url, b.key, b.date),
            title=b.title,
            url=(url := context.absolute(b.url)),
            published=b.date,
            updated=b.modified,
            summary=b.summary,
            content_html=(
                correction_html(b)
                + cover_html(context, b)
                + absolute_urls(str(context.body_html(b)), url)
            ),
            category=b.category,
            category_label=config.categories[b.category].label,
            author=b.author,
            lang=b.lang,
        )
        for b in bulletins[: config.web.feed_items]
    ]


def cover_html(context: SiteContext, bulletin: Bulletin) -> str:
    """The bulletin's cover as a figure after its corrections, where its page shows it (none:
    ""): a feed reader showed no picture for most entries, and Feedly or Inoreader take the
    content's first image as the entry's."""
    if bulletin.cover is None:
        return ""
    largest = context.pictures.picture(bulletin.cover.path, owner=bulletin.source).largest
    src = escape(context.absolute("/" + largest.path))
    return (
        f'<figure><img src="{src}" alt="{escape(bulletin.cover.alt)}" '
        f'width="{largest.width}" height="{largest.height}"></figure>\n'
    )


def correction_html(bulletin: Bulletin) -> str:
    """The bulletin's corrections as paragraphs opening its feed content (none: ""): a feed
    reader shows the entry's content, not the page's box."""
    # In an entry marked English (xml:lang), the Vietnamese heading and date say they are.
    marked = ' lang="vi"' if bulletin.lang else ""
    return "".join(
        f"<p><strong{marked}>{HEADING} ({escape(when(c))}):</strong> {escape(c.note)}</p>\n"
        for c in bulletin.corrections
    )
