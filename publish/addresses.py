"""The website's own addresses: where it is published now (base_url) and every address it was
published at before ([site] old_base_urls), so that a link written with any of them is read as
a link to one of its own pages.

A unit renamed or merged in 2025 may move its website to a new address. Its old bulletins and
what editors paste from old bookmarks still link to the old one
("https://conganchauthanh.example.vn/bai-viet/abc/"): those links are the site's own, checked
against its pages and shown at the new address, never left pointing at a domain the province
may retire. Every part of the tool that asks "is this our own address?" asks `SiteAddresses`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

__all__ = [
    "SiteAddresses",
    "address_as_text",
    "site_folder",
    "site_host",
    "text_is_address",
    "text_spells_address",
]


@dataclass(frozen=True, slots=True)
class SiteAddresses:
    """The website's address now and those it had before (see the module docstring)."""

    base_url: str
    """Where the website is published now."""
    old_base_urls: tuple[str, ...] = ()
    """Where it was published before, oldest first ([site] old_base_urls)."""

    @property
    def folder(self) -> str:
        """The folder the website is served under now (see site_folder)."""
        return site_folder(self.base_url)

    def own_path(
        self, href: str, pages: Container[str] = (), served: Callable[[str], bool] | None = None
    ) -> str | None:
        """The site path of a link written with the site's own address, as editors copy it from
        the browser: in full ("https://example.gov.vn/congan-hoakhanh/lien-he/", also with
        "www." or without the scheme, "//example.gov.vn/…") or as the path the host serves it
        at ("/congan-hoakhanh/lien-he/") → "/lien-he/" (query and #fragment kept); also in full
        with an address the site had before ("https://congan-cu.example.vn/lien-he/"). None for
        any other link, for a path that is one of the site's `pages` as written (a page whose
        address starts with the folder's name), and for one written with an old address whose
        path the website does not serve (`served`, given a path without query or fragment):
        the old site's own files ("…/uploads/2019/qd.pdf") stay links to it, as before the
        address was listed."""
        try:
            link, base = urlsplit(href), urlsplit(self.base_url)
        except ValueError:  # e.g. "http://[oops/"
            return None
        if not link.netloc:
            # Only in full for an old address: a path without a host is one of the host the
            # site is on now.
            return _under(link, base, pages)
        owned = self._in_full(link)
        if owned is None:
            return None
        found, old = owned
        if old and served is not None and not served(urlsplit(found).path):
            return None
        return found

    def hosts(self) -> frozenset[str]:
        """The hosts of its addresses, as own_path compares them ("www." and case aside): a
        link to any other host is no link of the site's."""
        return frozenset(
            site_host(a.netloc) for a, _ in _deepest_first(self.base_url, self.old_base_urls)
        )

    def old_path(self, href: str) -> str | None:
        """The site path of a link written in full with an address the site had before (see
        own_path), None for any other (also one written with base_url)."""
        try:
            link = urlsplit(href)
        except ValueError:
            return None
        owned = self._in_full(link) if link.netloc else None
        return owned[0] if owned is not None and owned[1] else None

    def _in_full(self, link: SplitResult) -> tuple[str, bool] | None:
        """The site path of a link written in full, under the deepest of the site's addresses
        that it is under, and whether that is an old one; None when it is under none."""
        for address, old in _deepest_first(self.base_url, self.old_base_urls):
            found = _under(link, address, ())
            if found is not None:
                return found, old
        return None


@lru_cache(maxsize=16)
def _deepest_first(
    base_url: str, old_base_urls: tuple[str, ...]
) -> tuple[tuple[SplitResult, bool], ...]:
    """The site's addresses split, each with whether it is an old one, the deepest folder
    first: of two addresses on one host, a link under both belongs to the one in the deeper
    folder (a site moved from "https://example.vn/chau-thanh/" to "https://example.vn/" still
    owns its old folder's links). One that does not split is left out (config refuses it)."""
    found = []
    for address, old in ((base_url, False), *((a, True) for a in old_base_urls)):
        try:
            found.append((urlsplit(address), old))
        except ValueError:
            continue
    return tuple(sorted(found, key=lambda pair: -len(pair[0].path.rstrip("/"))))


def _under(link: SplitResult, base: SplitResult, pages: Container[str]) -> str | None:
    """The site path of `link` when it is written with the address `base` (see
    SiteAddresses.own_path), else None."""
    folder, path = base.path.rstrip("/"), link.path or "/"
    if path != folder and not path.startswith(folder + "/"):
        return None
    if link.scheme or link.netloc:
        if link.scheme.lower() not in ("http", "https", "") or not link.netloc:
            return None
        if site_host(link.netloc) != site_host(base.netloc):
            return None
    elif not folder or _is_page(unquote(path), pages):
        return None
    return urlunsplit(("", "", path[len(folder) :] or "/", link.query, link.fragment))


def site_host(netloc: str) -> str:
    """A host as compared with the site's: "www.example.gov.vn" is "example.gov.vn"."""
    return netloc.lower().removeprefix("www.")


def _is_page(path: str, pages: Container[str]) -> bool:
    """Whether a site path, with or without its final slash, is one of `pages`."""
    return path in pages or path + "/" in pages


def site_folder(base_url: str) -> str:
    """The folder the website is served under, as its pages write it before a site path
    ("/chau-thanh"; "" at the root of its host)."""
    return urlsplit(base_url).path.rstrip("/")


_SCHEME_RE = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def text_is_address(text: str, href: str) -> bool:
    """Whether a link's text is the address it was written with, in full ("https://…"),
    with "//" or without the scheme, with or without a last "/" (an autolink
    "<https://…>", or «[https://…](https://…)» pasted from the address bar); not a text that
    only holds it ("xem tại https://…")."""
    if not _SCHEME_RE.match(href):
        return False
    written = text.strip()
    return _SCHEME_RE.sub("", written).rstrip("/") == _SCHEME_RE.sub("", href).rstrip("/")


def text_spells_address(text: str, href: str) -> bool:
    """Whether a web link's text is its address as a reader would copy it down: in full or
    without the scheme, the "www." or the last "/" («tinnhiemmang.vn» for
    https://tinnhiemmang.vn/), the host in any case, the path as the browser shows it
    (percent-decoded); not a text that only holds it ("xem tại tinnhiemmang.vn")."""
    if not _SCHEME_RE.match(href):
        return False
    return _as_read(text.strip()) == _as_read(unquote(href))


_HOST_END_RE = re.compile(r"[/?#]")


def _as_read(address: str) -> str:
    """An address as compared with a link's text: no scheme, "www." or last "/"; host lowered."""
    bare = _SCHEME_RE.sub("", address).rstrip("/")
    host = _HOST_END_RE.split(bare, maxsplit=1)[0]
    return site_host(host) + bare[len(host) :]


def address_as_text(address: str, text: str) -> str:
    """An absolute `address` written as the link text `text` wrote its own: without the
    scheme when the text had none ("example.vn/chau-thanh/lien-he/")."""
    if re.match(r"^https?://", text.strip(), re.IGNORECASE):
        return address
    return _SCHEME_RE.sub("", address)
