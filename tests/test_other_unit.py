"""A page still naming another unit (the sample project's, or the unit's own before a merger)
is noted with its lines; the unit's own name, its parent province and plain words are not."""

from __future__ import annotations

from pathlib import Path

from publish import config as config_module
from publish.content import load_site
from publish.errors import Problem
from tests.helpers import NOW, OTHER_UNIT_TOML, make_project

SAMPLE_PAGE = """\
---
title: "Liên hệ"
summary: "Địa chỉ và đường dây nóng của Công an huyện Châu Thành, tỉnh Đồng Tháp."
layout: contact
---

## Trụ sở Công an huyện Châu Thành

Công an huyện tiếp công dân vào ngày 15 hằng tháng.
"""


def page_problems(tmp_path: Path, page: str, toml: str = OTHER_UNIT_TOML) -> list[Problem]:
    """The problems loading a project with one page, content/pages/lien-he.md."""
    root = make_project(tmp_path, {"site.toml": toml, "content/pages/lien-he.md": page})
    return [p for p in load_site(config_module.load(root), now=NOW).warnings if "pages" in p.file]


def test_a_sample_page_left_in_another_units_project_is_noted_with_its_lines(
    tmp_path: Path,
) -> None:
    [note] = page_problems(tmp_path, SAMPLE_PAGE)
    assert note.severity == "note" and note.line == 3
    assert note.message == (
        "trang nhắc đơn vị khác với đơn vị trong site.toml («Công an phường Hòa Khánh, thành "
        "phố Đà Nẵng»): «Công an huyện Châu Thành» (dòng 3, 7)"
    )
    assert note.hint is not None and note.hint.startswith("Trang chép từ dự án mẫu")


def test_the_units_own_name_its_province_and_plain_words_are_not_noted(tmp_path: Path) -> None:
    page = (
        '---\ntitle: "Liên hệ"\n# Công an xã Tân Phú cũ: ghi chú của người sửa\n---\n\n'
        "Công an phường Hòa Khánh trực thuộc Công an thành phố Đà Nẵng và Công an tỉnh Đồng Tháp.\n"
        "Đến Công an phường nơi gần nhất, hoặc Công an xã, thị trấn.\n"
        "<!-- Trang cũ của Công an huyện Châu Thành -->\n"
    )
    assert page_problems(tmp_path, page) == []
