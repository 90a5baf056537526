"""A reference definition the page shows as typed («[r]: <a b.md>») that names a held bulletin.

Python-Markdown reads no definition with a space inside «<…>» (publish.spaced_definitions):
the page, its feeds, Zalo and the search index show the line as typed, the held bulletin's
file name with it: its date and title words (a victim's name, an embargoed fact). Neither the
link nor its words can be made neutral, for the page has no link: the load's warning of that
definition is made an error, and the build stops until its address is written with %20 (then a
link to a held file, whose words the channels make neutral) or the definition goes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from publish.errors import SPACED_DEFINITION, Problem
from publish.links import linked_file
from publish.model import Bulletin, Page, Site
from publish.spaced_definitions import escaped, spaced_definitions
from publish.text import nfc

__all__ = ["held_spaced"]


def held_spaced(site: Site, problems: Iterable[Problem]) -> list[Problem]:
    """`problems` with each warning of a spaced definition (SPACED_DEFINITION) in a bulletin or
    page going out made an error when its address names a file the website has no page of now."""
    problems = list(problems)
    spaced = {(p.file, p.line) for p in problems if p.code == SPACED_DEFINITION}
    if not spaced:
        return problems
    unlinked = site.unlinked()
    files = {file for file, _ in spaced}
    held: dict[tuple[str, int | None], str] = {}
    items: list[Bulletin | Page] = [*site.bulletins, *site.pages]
    for item in items:
        if item.source not in files:
            continue
        for found in spaced_definitions(item.body, item.body_line):
            target = linked_file(
                escaped(found.address), item.source, site.documents, site.config.addresses
            )
            if target is not None and nfc(target) in unlinked:
                held[item.source, found.line] = target
    return [
        dataclasses.replace(
            p,
            severity="error",
            message=p.message + f". Địa chỉ ấy là tệp {held[p.file, p.line]}, không được đăng "
            "lúc này: website, Zalo và chỉ mục tìm kiếm sẽ hiện tên tệp ấy (ngày và tiêu đề của "
            "bài), nên lần chạy dừng",
            hint=(p.hint or "") + " Hoặc bỏ định nghĩa này.",
            strict_message=None,
        )
        if p.code == SPACED_DEFINITION and (p.file, p.line) in held
        else p
        for p in problems
    ]
