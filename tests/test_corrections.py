"""Corrections («Đính chính») of published bulletins: front matter `corrections`, checked with
the other fields in one pass, and an edit of what is published (approved again)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.errors import ContentError
from publish.model import Site
from publish.pii import lint
from tests.helpers import NOW, bulletin_md, make_project

FILE = "content/bai-viet/a.md"
OTHER = "content/bai-viet/b.md"
NOTE = "Sửa số điện thoại lừa đảo: đúng là 0912 345 678, không phải 0912 345 687."
CORRECTION = f'\n  - date: 2020-12-09 14:30\n    note: "{NOTE}"'
"""One correction, as written after `corrections:` (line 8 and 9 of a bulletin_md file)."""


def load(root: Path, now: dt.datetime = NOW) -> Site:
    """A project's site at a fixed clock."""
    return load_site(config_module.load(root), now=now)


def problems_of(tmp_path: Path, corrections: str) -> list[tuple[int | None, str | None, str]]:
    """(line, field, message) of every error loading a bulletin with `corrections: …` gives."""
    root = make_project(tmp_path, {FILE: bulletin_md({"corrections": corrections})})
    with pytest.raises(ContentError) as info:
        load(root)
    errors = [p for p in info.value.problems if p.severity == "error"]
    assert all(p.hint and p.file == FILE for p in errors)
    assert unicodedata.is_normalized("NFC", str(info.value))
    return [(p.line, p.field, p.message) for p in errors]


# Lines: 7 is `corrections:`, 8 its first item.
INVALID = {
    "not-a-list": ('"đã sửa số điện thoại"', [(7, "corrections", "cần một danh sách")]),
    "item-not-a-mapping": (
        '\n  - "đã sửa số điện thoại"',
        [(8, "corrections", "lần đính chính thứ 1 cần có 'date' và 'note'")],
    ),
    "empty-item": ("\n  -", [(8, "corrections", "lần đính chính thứ 1 để trống")]),
    "missing-note": (
        "\n  - date: 2020-12-09 14:30",
        [(8, "corrections.1.note", "lần đính chính thứ 1 thiếu nội dung đính chính")],
    ),
    "empty-note": (
        '\n  - date: 2020-12-09 14:30\n    note: " "',
        [(9, "corrections.1.note", "'note' để trống")],
    ),
    "missing-date": (
        '\n  - note: "Sửa tên xã."',
        [(8, "corrections.1.date", "thiếu ngày giờ đính chính")],
    ),
    "bad-date": (
        '\n  - date: 9/12 lúc 2 giờ\n    note: "Sửa tên xã."',
        [(8, "corrections.1.date", "không đọc được ngày giờ «9/12 lúc 2 giờ»")],
    ),
    "unknown-key": (
        CORRECTION + '\n    by: "Minh Anh"',
        [(10, "corrections.1.by", "khóa 'by' không được hỗ trợ")],
    ),
    "misnamed-key-is-one-problem": (
        '\n  - date: 2020-12-09 14:30\n    noi_dung: "Sửa tên xã."',
        [(9, "corrections.1.noi_dung", "khóa 'noi_dung' không được hỗ trợ")],
    ),
    "before-publication": (
        '\n  - date: 2020-12-07 10:00\n    note: "Sửa tên xã."',
        [(8, "corrections.1.date", "trước thời điểm đăng bài (08:00 08/12/2020)")],
    ),
    "note-too-long": (
        f'\n  - date: 2020-12-09 14:30\n    note: "{"a" * 301}"',
        [(9, "corrections.1.note", "'note' dài 301/300 ký tự")],
    ),
    # Two items of one date and note are one radio item (one id): two files of one name
    # stopped the whole build, naming no correction.
    "duplicate": (
        CORRECTION + CORRECTION.replace('."', ' "'),
        [(10, "corrections.2", "lần đính chính thứ 2 trùng lần thứ 1")],
    ),
    "note-not-text": (
        "\n  - date: 2020-12-09 14:30\n    note: [a, b]",
        [(9, "corrections.1.note", "'note' cần một chuỗi ký tự")],
    ),
}


@pytest.mark.parametrize("name", sorted(INVALID))
def test_a_wrong_correction_is_told_with_its_line_field_and_fix(tmp_path: Path, name: str) -> None:
    written, expected = INVALID[name]
    found = problems_of(tmp_path, written)
    assert [(line, field) for line, field, _ in found] == [(ln, f) for ln, f, _ in expected]
    for (_, _, message), (_, _, text) in zip(found, expected, strict=True):
        assert text in message


def test_a_misnamed_item_key_is_told_the_key_meant(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        {FILE: bulletin_md({"corrections": '\n  - date: 2020-12-09 14:30\n    ghi_chu: "x"'})},
    )
    with pytest.raises(ContentError) as info:
        load(root)
    assert "Có phải ý bạn là 'note'?" in str(info.value)


def test_a_correction_dated_as_a_day_before_the_hour_of_publication_says_to_add_the_time(
    tmp_path: Path,
) -> None:
    """A day alone is 00:00: on the day of publication that is before it."""
    root = make_project(
        tmp_path, {FILE: bulletin_md({"corrections": '\n  - date: 2020-12-08\n    note: "x"'})}
    )
    with pytest.raises(ContentError) as info:
        load(root)
    assert "thêm giờ" in str(info.value)


def test_every_problem_of_every_correction_is_told_in_one_pass(tmp_path: Path) -> None:
    written = (
        '\n  - "đã sửa"\n  - date: 2020-12-07 10:00\n    note: "x"\n  - date: 2020-12-09'
        '\n  - date: 2020-12-09\n    note: "y"\n    by: "z"'
    )
    root = make_project(tmp_path, {FILE: bulletin_md({"corrections": written}, drop=["title"])})
    with pytest.raises(ContentError) as info:
        load(root)
    fields = [p.field for p in info.value.problems if p.severity == "error"]
    assert fields == [
        "title",
        "corrections",
        "corrections.2.date",
        "corrections.3.note",
        "corrections.4.by",
    ]


def test_markdown_in_a_note_is_warned_about_at_its_line(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        {FILE: bulletin_md({"corrections": '\n  - date: 2020-12-09\n    note: "**Sửa** tên xã"'})},
    )
    [warning] = [w for w in load(root).warnings if w.field == "corrections.1.note"]
    assert warning.line == 9 and "«**Sửa**»" in warning.message


def test_corrections_are_read_oldest_first_on_the_sites_clock(tmp_path: Path) -> None:
    written = (
        '\n  - date: 10/12/2020 9h15\n    note: "Lần hai."'
        '\n  - date: 2020-12-09T07:30:00+00:00\n    note: "Lần một."'
        '\n  - date: 2020-12-11\n    note: "Lần ba."'
    )
    root = make_project(tmp_path, {FILE: bulletin_md({"corrections": written})})
    [bulletin] = load(root).bulletins
    assert [(c.date.strftime("%d/%m %H:%M"), c.note, c.timed) for c in bulletin.corrections] == [
        ("09/12 14:30", "Lần một.", True),
        ("10/12 09:15", "Lần hai.", True),
        ("11/12 00:00", "Lần ba.", False),
    ]
    assert bulletin.modified == bulletin.corrections[-1].date
    assert "corrections" not in bulletin.extra


def test_a_correction_in_the_future_is_an_error_until_its_time_even_from_the_cache(
    tmp_path: Path,
) -> None:
    """A load is cached by the file's bytes: the clock is compared at every load."""
    root = make_project(
        tmp_path,
        {FILE: bulletin_md({"corrections": '\n  - date: 2021-01-02 10:00\n    note: "x"'})},
    )
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert (problem.line, problem.field) == (8, "corrections.1.date")
    assert (
        "lần đính chính thứ 1 ghi lúc 10:00 02/01/2021, sau thời điểm hiện tại (09:00 01/01/2021)"
        in problem.message
    )
    assert "kiểm tra ngày, tháng, năm và múi giờ" in (problem.hint or "")
    later = NOW + dt.timedelta(days=2)
    [bulletin] = load(root, later).bulletins
    assert bulletin.corrections[0].note == "x"


def test_a_future_correction_is_told_in_one_run_with_the_files_other_errors(
    tmp_path: Path,
) -> None:
    """A file with another error (an unknown category) is not loaded whole: its correction
    dated after the clock is told in the same run, at the line of its date, with its number."""
    dated = '\n  - date: 2020-12-09 14:30\n    note: "x"'
    later = '\n  - note: "y"\n    date: 2021-01-02 10:00'
    root = make_project(
        tmp_path,
        {FILE: bulletin_md({"category": "khong-co", "corrections": dated + later})},
    )
    with pytest.raises(ContentError) as info:
        load(root)
    found = {(p.field, p.line) for p in info.value.problems if p.severity == "error"}
    assert found == {("category", 4), ("corrections.2.date", 11)}
    [future] = [p for p in info.value.problems if p.field == "corrections.2.date"]
    assert future.message.startswith("lần đính chính thứ 2 ghi lúc 10:00 02/01/2021, sau")


def test_a_vietnamese_name_for_corrections_is_warned_about(tmp_path: Path) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md({"đính_chính": CORRECTION})})
    [warning] = [w for w in load(root).warnings if w.field == "đính_chính"]
    assert "'corrections'" in warning.message


def test_lastmod_written_by_another_tool_points_to_corrections(tmp_path: Path) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md({"lastmod": "2020-12-09"})})
    [warning] = [w for w in load(root).warnings if w.field == "lastmod"]
    assert "corrections" in (warning.hint or "")


# Approval: a correction is an edit of what is published.

APPROVER = "Thượng tá Nguyễn Văn Hùng"
UNCHANGED_FILE = (
    '---\nid: ct-khong-dinh-chinh\ntitle: "Cảnh báo lừa đảo qua mạng"\ndate: 2020-12-08 08:00\n'
    'category: canh-bao-toi-pham\nsummary: "Người dân cần cảnh giác."\n'
    'approved_by: "Thượng tá A"\napproved_version: "1134da731731"\n---\n\nNội dung bản tin.\n'
)
"""A bulletin approved by `publish approve` before corrections existed (the value it wrote)."""


def held(root: Path) -> dict[str, str]:
    """The code each held-back bulletin is held with, by file."""
    return {e.bulletin.source: e.code for e in load(root).excluded}


def test_an_approved_bulletin_gaining_a_correction_is_held_until_approved_again(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md({"id": "ct-a"})})
    approve = ["approve", "--root", str(root), "--now", "2021-01-01T09:00", FILE, "--by", APPROVER]
    assert main(approve) == 0
    assert held(root) == {}
    text = (
        (root / FILE).read_text("utf-8").replace("id: ct-a", f"id: ct-a\ncorrections:{CORRECTION}")
    )
    (root / FILE).write_text(text, "utf-8")
    assert held(root) == {FILE: "unapproved"}
    assert main(approve) == 0
    assert held(root) == {}
    [bulletin] = load(root).bulletins
    assert bulletin.corrections[0].note == NOTE


def test_a_correction_dated_after_the_clock_is_not_approved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Approving it would only make the next build fail: approve refuses it, as it refuses a
    bulletin with any other error, and writes nothing."""
    future = '\n  - date: 2021-01-02 10:00\n    note: "x"'
    written = bulletin_md({"id": "ct-a", "corrections": future})
    root = make_project(tmp_path, {FILE: written})
    approve = ["approve", "--root", str(root), "--now", "2021-01-01T09:00", FILE, "--by", APPROVER]
    assert main(approve) == 1
    err = capsys.readouterr().err
    assert f"{FILE}:9" in err and "corrections.1.date" in err
    assert "sau thời điểm hiện tại (09:00 01/01/2021)" in err
    assert "bản tin còn lỗi (ở trên): chưa duyệt được" in err
    assert (root / FILE).read_text("utf-8") == written
    approve[4] = "2021-01-02T10:00"
    assert main(approve) == 0


def test_a_bulletin_without_corrections_keeps_the_approval_it_had(tmp_path: Path) -> None:
    root = make_project(tmp_path, {FILE: UNCHANGED_FILE})
    assert held(root) == {}


def test_personal_data_in_a_note_is_found_at_its_line(tmp_path: Path) -> None:
    """A note is published on every channel: an ID number put there when correcting one in
    the body is caught as the body's would be."""
    written = CORRECTION + '\n  - date: 2020-12-10 08:00\n    note: "Sửa số CCCD 087123456789."'
    root = make_project(tmp_path, {FILE: bulletin_md({"corrections": written})})
    [found] = [p for p in lint(load(root)) if p.field == "corrections"]
    assert (found.line, found.severity) == (10, "warning")
    assert "số CCCD «087*******89»" in found.message
    [strict] = [p for p in lint(load(root), strict=True) if p.field == "corrections"]
    assert strict.severity == "error"
