"""Notes and placeholders written where the approver's name goes are no name: taken for one,
«Sẽ duyệt sau» published a bulletin as approved by nobody."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.person_fields import not_a_name
from tests.helpers import NOW, bulletin_md, make_project

FILE = "content/bai-viet/a.md"

NOTES = [
    "Sẽ duyệt sau",
    "Đợi anh Hùng duyệt",
    "pending",
    "N/A",
    "‹họ tên người duyệt>",
    "<họ tên người duyệt>",
    "[Họ tên]",
    "dự thảo",
    "nháp",
    "Không duyệt",
    "chưa/không có",
    # «Chờ» is a given name too (see the next tests), but not alone, first or lower-case, nor
    # before an approval word.
    "Chờ",
    "Chờ duyệt",
    "CHỜ DUYỆT",
    "Chờ anh Hùng duyệt",
    "anh Hùng chờ duyệt",
    "Hùng Chờ Duyệt",
    "Nguyễn Văn Chờ duyệt",
    # After a name but apart from it (a bracket, a dash, a colon, a comma): a note.
    "Nguyễn Văn Hùng (Chờ)",
    "Nguyễn Văn Hùng - Chờ",
    "Hùng: Chờ",
    "Nguyễn Văn Hùng, Chờ",
    "Nguyễn Văn Hùng,Chờ",
    # Glued to the given name, an approval word after it is still a note.
    "Nguyễn Văn Chờ-duyệt",
    "Nguyễn Văn Chờ: duyệt",
    "Nguyễn Văn Chờ,duyệt",
    "Nguyễn Văn Chờ- duyệt",
]


@pytest.mark.parametrize("written", NOTES)
def test_a_note_or_a_placeholder_is_not_a_name(tmp_path: Path, written: str) -> None:
    """The bulletin is held back, the message saying it is a note, not the approver."""
    assert not_a_name(written)
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": f'"{written}"'})})
    site = load_site(config_module.load(root), now=NOW)
    assert not site.bulletins
    assert [e.code for e in site.excluded] == ["unapproved"]
    [warning] = [p for p in site.warnings if p.field == "approved_by"]
    assert warning.severity == "warning"  # held, not stopping the build (see test_person_fields)
    assert "đây là ghi chú chưa duyệt, không phải tên người duyệt" in warning.message


@pytest.mark.parametrize(
    "name",
    ["Thượng tá Lê Văn Không", "Lê Văn Không, Trưởng Công an xã", "Nguyễn Thị Thảo", "Văn Không"],
)
def test_khong_as_a_given_name_is_a_name(name: str) -> None:
    """«Không» capitalised after a capitalised name word is a given name, not «no»."""
    assert not not_a_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Nguyễn Văn Chờ",
        "Lê Phi Chờ",
        "Thượng tá Nguyễn Văn Chờ, Phó Trưởng Công an xã",
        "NGUYỄN VĂN CHỜ",
        # A colon, a dash, a slash or a semicolon glued after the given name (review R5).
        "Nguyễn Văn Chờ: Trưởng Công an",
        "Nguyễn Văn Chờ-Trưởng CA",
        "Lê Văn Chờ;Nguyễn Văn B",
        "Lê Văn Chờ/Nguyễn B",
        # A comma typed without its space reads as the spaced one.
        "Lê Văn Chờ,Nguyễn Văn B",
        "Thượng tá Nguyễn Văn Chờ,Phó Trưởng Công an xã",
        # A dash or a slash glued to it with a space after, as a colon or a comma is.
        "Nguyễn Văn Chờ- Trưởng Công an xã",
        "Lê Văn Chờ/ Nguyễn Văn B",
    ],
)
def test_cho_as_a_given_name_is_a_name(tmp_path: Path, name: str) -> None:
    """«Chờ» («waiting») is a given name as well («thương binh Lê Phi Chờ», Báo Đà Nẵng): in a
    full name the bulletin of an approver so named was held as «a note, not a name»."""
    assert not not_a_name(name)
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": f'"{name}"'})})
    site = load_site(config_module.load(root), now=NOW)
    assert [b.approved_by for b in site.bulletins] == [name]
    assert not [p for p in site.warnings if p.field == "approved_by"]
