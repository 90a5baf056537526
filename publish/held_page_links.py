"""A page held back for a field naming nobody (`approved_by: ok`) that published content links
to: the build stops instead (publish.person_fields).

A held bulletin is withdrawn, and so is a page its editor holds with `draft: true` on purpose.
A tick typed into a page's `approved_by` holds it by accident, and a page is what bulletins
link to («gửi phản ánh», «liên hệ»): held, every such link would lead to a missing page. The
tool keeps no earlier version of a page to serve instead, so the link's owner is told, by an
error naming the page, its field and the links, and the build stops until the page names a
person (or the field is left empty, or the links go).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from publish.errors import PERSON_HELD, Problem
from publish.links import hrefs_in, resolve
from publish.model import Bulletin, Page, Site
from publish.person_fields import held_suffix
from publish.text import nfc

if TYPE_CHECKING:
    from publish.addresses import SiteAddresses

__all__ = ["held_links", "linked_held_pages"]


def linked_held_pages(site: Site, problems: Iterable[Problem]) -> list[Problem]:
    """`problems` with each warning that a page is held for a field naming nobody made an
    error when a bulletin or page going out links to that page (naming the links)."""
    problems = list(problems)
    held = {
        site.documents[p.file]: p.file
        for p in problems
        if p.code == PERSON_HELD and p.file in site.held_pages and p.file in site.documents
    }
    if not held:
        return problems
    for page_file in list(held.values()):
        for alias in site.held_aliases.get(page_file, ()):
            held.setdefault(_path(alias), page_file)
    linking: dict[str, list[str]] = {}
    items: list[Bulletin | Page] = [*site.bulletins, *site.pages]
    for item in items:
        for target, line in _targets(item, site.documents, site.config.addresses):
            page = held.get(target)
            if page is not None and page != item.source:
                linking.setdefault(page, []).append(
                    f"{item.source}:{line}" if line else item.source
                )
    told: set[str] = set()
    for at, problem in enumerate(problems):
        links = linking.get(problem.file)
        if problem.code != PERSON_HELD or not links or problem.file in told:
            continue
        told.add(problem.file)
        problems[at] = dataclasses.replace(
            problem,
            severity="error",
            message=problem.message.removesuffix(held_suffix("trang"))
            + ". Trang không thể bị giữ lại: nội dung đang đăng liên kết tới nó ("
            + ", ".join(dict.fromkeys(links))
            + "); giữ trang lại thì các liên kết đó dẫn tới trang không có, nên lần chạy dừng",
            hint=(problem.hint or "") + " Hoặc bỏ các liên kết tới trang này.",
            strict_message=None,
        )
    return problems


def held_links(
    item: Bulletin, pages: Iterable[Page], addresses: SiteAddresses
) -> dict[str, list[int | None]]:
    """The files of the pages of `pages` (held for a field naming nobody) that `item` links to,
    each with the lines of those links (None: written as its address), as linked_held_pages
    finds them:
    once `item` is published, each stops the build. For `publish approve`, which loads no site."""
    pages = list(pages)
    documents = {nfc(p.source): p.url for p in pages}
    held: dict[str, str] = {}
    for page in pages:
        held[page.url] = page.source
        for alias in page.aliases:
            held.setdefault(_path(alias), page.source)
    found: dict[str, list[int | None]] = {}
    for target, line in _targets(item, documents, addresses):
        source = held.get(target)
        if source is not None:
            found.setdefault(source, []).append(line)
    return found


def _targets(
    item: Bulletin | Page, documents: Mapping[str, str], addresses: SiteAddresses
) -> Iterator[tuple[str, int | None]]:
    """The site paths `item` links to (without #fragment or query), with the line where known:
    links to its .md file (`documents`: see Site.documents), and links written as the page's
    address («/lien-he/»)."""
    for href, line in item.links:
        url = resolve(href, item.source, documents, addresses)
        if url is not None:
            yield _path(url), line
    for href in hrefs_in(item.body):
        if not href.startswith(("/", "http")):
            continue
        # A path of the host is the site's own path when the site is at the host's root
        # (own_path maps one only for a site in a folder).
        bare = not href.startswith(("//", "http")) and not addresses.folder
        path = addresses.own_path(href) or (href if bare else None)
        if path is not None:
            yield _path(path), None


def _path(url: str) -> str:
    """A site path without #fragment or query, ending in / as a page's does."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    return path if path.endswith("/") or path.endswith(".html") else path + "/"
