"""Pages of the last build that this one can take as they are.

Each page is known by the digest of its inputs (see `PageJob.inputs`). The records of the last
build's pages are kept on a Shelf, a few large cache entries: after one edit nearly every page
is reused, and a lookup per page cost more than checking it.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from publish.cache import Fragments, Shelf, digest
from publish.errors import PublishError
from publish.ledger import Entry, Ledger
from publish.model import Artifact, Kept
from publish.render.web.context import SiteContext
from publish.render.web.images import Picture, Pictures
from publish.render.web.markdown import ImageInfo
from publish.render.web.seo import SitemapEntry

__all__ = ["PageRecord", "PageRecords"]


SHARDS = 128
"""Cache entries the records are spread over (an edit rewrites the few holding its pages)."""


class PageRecord(NamedTuple):
    """What the cache keeps of a rendered page, under the digest of its inputs (a tuple: a
    rebuild loads one per page)."""

    path: str
    digest: str
    source: str | None
    key: str | None
    url: str | None
    """Its absolute URL in sitemap.xml, None when it is not listed there."""
    lastmod: dt.datetime | None
    pictures: tuple[str, ...]
    """Content images the page showed (covers, cards) by path."""
    lookups: tuple[tuple[str, str], ...]
    """Body images it resolved, as (source, src)."""
    links: tuple[tuple[str, str], ...]
    """Links to other content files it resolved, as (source, href)."""
    looks: str
    """Digest of how those images looked (variants, sizes) and where those links led: texts
    load faster than the objects."""

    @property
    def sitemap(self) -> SitemapEntry | None:
        """Its entry in sitemap.xml."""
        return None if self.url is None else SitemapEntry(self.url, self.lastmod)


class PageRecords:
    """The last build's page records, the check that a page can be reused, and this build's."""

    def __init__(
        self, fragments: Fragments, shared: str, context: SiteContext, pictures: Pictures
    ) -> None:
        """Load the last build's records (kept under `shared`: templates, settings, tool)."""
        self.context = context
        self.pictures = pictures
        self.shelf = Shelf(fragments, f"web-pages:{shared}", shards=SHARDS)
        self._looks: dict[object, str] = {}
        """Each image's current look (repr of its Picture or ImageInfo), once per build."""
        self._texts: dict[str, str] = {}
        """One copy of each image path the records name (see `keep`)."""

    def _look(
        self,
        paths: tuple[str, ...],
        lookups: tuple[tuple[str, str], ...],
        links: tuple[tuple[str, str], ...],
        owner: str,
    ) -> str:
        """Digest of how the images `paths` and body `lookups` look, and where the body `links`
        lead, in this build."""
        parts = []
        for path in paths:
            if (found := self._looks.get(path)) is None:
                found = self._looks[path] = repr(self.pictures.picture(path, owner=owner))
            parts.append(found)
        for source, src in lookups:
            folder = (source.rpartition("/")[0], src)  # a lookup depends on the folder only
            if (found := self._looks.get(folder)) is None:
                found = self._looks[folder] = repr(self.context.image_info(src, source))
            parts.append(found)
        for source, href in links:
            link = ("link", source.rpartition("/")[0], href)  # as for images, the folder only
            if (found := self._looks.get(link)) is None:
                found = self._looks[link] = repr(self.context.link_record(href, source))
            parts.append(found)
        return digest(*parts)

    def empty(self) -> bool:
        """Whether the last build left no page at all (the cache was deleted or never made)."""
        return self.shelf.empty()

    def preload(self) -> None:
        """Read every record now, before worker processes fork (each would read them again)."""
        self.shelf.read_all()

    def verdict(self, key: str, ledger: Ledger) -> Entry | bool | None:
        """Whether output/ still holds the page the last build made from the inputs with `key`
        (see Ledger.verdict; None when there is no such page). Pure: runs in the workers."""
        record = self.shelf.get(key, "")
        if not isinstance(record, PageRecord):
            return None
        # Never the bytes, even when they must be read to check them (output/ restored from a
        # CI cache): 17,500 pages of them waited for the writer after one edit, 514 MB at 10,000.
        return ledger.verdict(record.path, record.digest)

    def reuse(
        self, key: str, ledger: Ledger, verdict: Entry | bool | None
    ) -> tuple[Kept, PageRecord] | None:
        """The page made by the last build from the same inputs, when output/ still holds it
        (`verdict`) and its images still look the same (checked here: it may make variants)."""
        record = self.shelf.get(key, "")
        if verdict is None or not isinstance(record, PageRecord):
            return None
        try:
            if (
                self._look(
                    record.pictures, record.lookups, record.links, record.source or "site.toml"
                )
                != record.looks
            ):
                return None
        except (OSError, PublishError):
            return None  # rendering again reports it properly
        return ledger.kept_as(
            record.path, record.digest, verdict, record.source, record.key
        ), record

    def _looked(self, key: object, value: object) -> str:
        """The look remembered under `key`, else `value`'s, remembered now (a picture's repr
        takes ~4.5 µs: not made again for each of the ~10 pages showing it as a card)."""
        if (found := self._looks.get(key)) is None:
            found = self._looks[key] = repr(value)
        return found

    def record(
        self,
        page: Artifact,
        sitemap: SitemapEntry | None,
        used: dict[str, Picture],
        looked: dict[tuple[str, str], ImageInfo | None],
        linked: dict[tuple[str, str], str | None],
    ) -> PageRecord:
        """The record of a page just rendered, which used the images `used` and `looked` and
        led the links `linked` where they say."""
        paths = tuple(sorted(used))
        looks = digest(
            *(self._looked(path, used[path]) for path in paths),
            *(
                self._looked((source.rpartition("/")[0], src), info)
                for (source, src), info in looked.items()
            ),
            *(
                self._looked(("link", source.rpartition("/")[0], href), url)
                for (source, href), url in linked.items()
            ),
        )
        url, lastmod = (sitemap.url, sitemap.lastmod) if sitemap else (None, None)
        return PageRecord(
            page.path,
            page.digest,
            page.source,
            page.key,
            url,
            lastmod,
            paths,
            tuple(looked),
            tuple(linked),
            looks,
        )

    def keep(self, key: str, record: PageRecord, *, fresh: bool = False) -> None:
        """Remember a page of this build; a `fresh` one (just rendered, maybe in a worker) has
        its image paths replaced by the copies the other records hold."""
        if fresh:
            # Each page arrives from a worker with its own copies of the paths of the covers on
            # it: with a photo per bulletin, 100,000 strings (~12 MB) for 7,500 paths.
            texts = self._texts
            record = record._replace(
                pictures=tuple([texts.setdefault(p, p) for p in record.pictures]),
                lookups=tuple([(s, texts.setdefault(src, src)) for s, src in record.lookups]),
            )
        self.shelf.keep(key, "", record)

    def save(self) -> None:
        """Keep this build's records for the next one (only its pages: the rest are stale)."""
        self.shelf.save()
