"""What `publish check` knows of a link of a rendered page from the file it is written in:
whether the load has judged it already.

The link check works on the website's pages, where a link to a content file ("b.md") shows as
the address of its page and a site path gets the folder the site is served under: neither is
written so in the file. The load found every link to a content file with its line and reported
those that lead to no page of the website (see publish.links).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from urllib.parse import urlsplit

from publish.links import resolve
from publish.model import Site
from publish.text import nfc

__all__ = ["WrittenLinks"]


@dataclass(frozen=True, slots=True)
class WrittenLinks:
    """The links to content files of the website's pages, by (file, address as the page shows
    it)."""

    judged: Set[tuple[str, str]]
    """Those the load reported as leading to no page of the website, or whose target has errors
    of its own (told by the load too): the link check does not tell them again."""

    @classmethod
    def of(cls, site: Site) -> WrittenLinks:
        """The written links of every page of `site` on the website."""
        prefix = site_folder(site.config.base_url)
        # The load reports a link to a bulletin of another channel; a held-back one is the link
        # check's to warn about (it is not on the website now, but will or was).
        loaded = [*site.bulletins, *(e.bulletin for e in site.excluded)]
        off_web = {site.documents.get(nfc(b.source)) for b in loaded if "web" not in b.channels}
        judged: set[tuple[str, str]] = set()
        for item in [*site.for_channel("web"), *site.pages]:
            for href, _ in item.links:
                url = resolve(href, item.source, site.documents)
                shown = (item.source, href if url is None else prefix + url)
                if url is None or url.partition("#")[0] in off_web:
                    judged.add(shown)
        return cls(judged)


def site_folder(base_url: str) -> str:
    """The folder the website is served under, as its pages write it before a site path
    ("/chau-thanh"; "" at the root of its host)."""
    return urlsplit(base_url).path.rstrip("/")
