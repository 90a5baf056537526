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

from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

__all__ = ["SiteAddresses", "site_folder"]


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

    def own_path(self, href: str, pages: Container[str] = ()) -> str | None:
        """The site path of a link written with the site's own address, as editors copy it from
        the browser: in full ("https://example.gov.vn/congan-hoakhanh/lien-he/", also with
        "www." or without the scheme, "//example.gov.vn/…") or as the path the host serves it
        at ("/congan-hoakhanh/lien-he/") → "/lien-he/" (query and #fragment kept); also in full
        with an address the site had before ("https://congan-cu.example.vn/lien-he/"). None for
        any other link, and for a path that is one of the site's `pages` as written (a page
        whose address starts with the folder's name)."""
        try:
            link, base = urlsplit(href), urlsplit(self.base_url)
        except ValueError:  # e.g. "http://[oops/"
            return None
        found = _under(link, base, pages)
        if found is None and link.netloc:
            # Only in full: a path without a host is one of the host the site is on now.
            olds = _deepest_first(self.old_base_urls)
            found = next((p for old in olds if (p := _under(link, old, ())) is not None), None)
        return found


@lru_cache(maxsize=16)
def _deepest_first(addresses: tuple[str, ...]) -> tuple[SplitResult, ...]:
    """`addresses` split, the deepest folder first: of two old addresses on one host, a link
    under both belongs to the one in the deeper folder."""
    return tuple(sorted(map(urlsplit, addresses), key=lambda base: -len(base.path.rstrip("/"))))


def _under(link: SplitResult, base: SplitResult, pages: Container[str]) -> str | None:
    """The site path of `link` when it is written with the address `base` (see
    SiteAddresses.own_path), else None."""
    folder, path = base.path.rstrip("/"), link.path or "/"
    if path != folder and not path.startswith(folder + "/"):
        return None
    if link.scheme or link.netloc:
        if link.scheme.lower() not in ("http", "https", "") or not link.netloc:
            return None
        if _host(link.netloc) != _host(base.netloc):
            return None
    elif not folder or _is_page(unquote(path), pages):
        return None
    return urlunsplit(("", "", path[len(folder) :] or "/", link.query, link.fragment))


def _host(netloc: str) -> str:
    """A host as compared with the site's: "www.example.gov.vn" is "example.gov.vn"."""
    return netloc.lower().removeprefix("www.")


def _is_page(path: str, pages: Container[str]) -> bool:
    """Whether a site path, with or without its final slash, is one of `pages`."""
    return path in pages or path + "/" in pages


def site_folder(base_url: str) -> str:
    """The folder the website is served under, as its pages write it before a site path
    ("/chau-thanh"; "" at the root of its host)."""
    return urlsplit(base_url).path.rstrip("/")
