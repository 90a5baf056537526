"""What `publish approve` shows of each bulletin is what goes out: the approver signs the pin
of the home page and the correction readers see, and knows an approval is of an edit made
after an earlier one (session 68, the approver's week)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import bulletin_md, make_project
from tests.test_approval import APPROVER, CLOCK, FILE


def shown(root: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> str:
    """What a dry run of the approval of FILE prints, which the real run prints too."""
    args = ["approve", "--root", str(root), "--now", CLOCK, FILE, "--by", APPROVER, *flags]
    assert main([*args, "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert main(args) == 0
    real = capsys.readouterr().out
    line = next(line for line in dry.splitlines() if "«Cảnh báo lừa đảo qua mạng»" in line)
    assert line in real
    return real


def test_a_pin_with_an_end_is_shown_with_its_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bulletin_md({"pinned": "2021-01-15 17:00"}, drop=("approved_by",))
    root = make_project(tmp_path, {FILE: text})
    out = shown(root, capsys)
    assert "ghim ở đầu trang chủ website tới 17:00, Thứ Sáu, 15/01/2021" in out


def test_a_pin_without_an_end_says_it_lasts_while_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bulletin_md({"pinned": "true"}, drop=("approved_by",))
    root = make_project(tmp_path, {FILE: text})
    assert "ghim ở đầu trang chủ website tới khi bài không còn đăng" in shown(root, capsys)


def test_no_pin_is_told_of_a_bulletin_not_pinned_or_not_on_the_website(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md(drop=("approved_by",))})
    assert "ghim" not in shown(root, capsys)
    text = bulletin_md({"pinned": "true", "channels": "[zalo, radio]"}, drop=("approved_by",))
    (root / FILE).write_text(text, encoding="utf-8")
    out = shown(root, capsys)
    assert "ghim ở đầu trang chủ" not in out  # no home page shows it
    assert "không được ghim" in out  # the build's own warning, told before


def test_the_newest_correction_is_shown_with_its_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrections = (
        '\n  - date: 2020-12-09 10:00\n    note: "Sửa giờ họp."'
        '\n  - date: 2020-12-10 14:30\n    note: "Sửa số điện thoại: đúng là 0912 345 678."'
    )
    text = bulletin_md({"corrections": corrections}, drop=("approved_by",))
    root = make_project(tmp_path, {FILE: text})
    out = shown(root, capsys)
    assert (
        "đính chính lúc 14:30, Thứ Năm, 10/12/2020 (và 1 lần đính chính trước): "
        "«Sửa số điện thoại: đúng là 0912 345 678.»"
    ) in out
    assert "Sửa giờ họp." not in out
    # Approved as it is, named again: nothing new is signed, no line repeats it.
    assert main(["approve", "--root", str(root), "--now", CLOCK, FILE, "--by", APPROVER]) == 0
    again = capsys.readouterr().out
    assert "Đã duyệt đúng nội dung này từ trước" in again and "đính chính" not in again


def test_an_edit_after_an_approval_is_told_as_a_re_approval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The editor changed one word after the approval: the approver approving again is told
    it is an edit of what they (or another) approved, not a new bulletin."""
    root = make_project(tmp_path, {FILE: bulletin_md(drop=("approved_by",))})
    assert "Duyệt: «Cảnh báo lừa đảo qua mạng»" in shown(root, capsys)
    path = root / FILE
    path.write_text(
        path.read_text(encoding="utf-8").replace("Nội dung bản tin.", "Nội dung của bản tin."),
        encoding="utf-8",
    )
    out = shown(root, capsys)
    assert f"Duyệt lại (nội dung đã sửa sau lần duyệt của «{APPROVER}»)" in out
    # Once approved again, naming it again approves nothing new.
    assert main(["approve", "--root", str(root), "--now", CLOCK, FILE, "--by", APPROVER]) == 0
    assert "Duyệt lại" not in capsys.readouterr().out


def test_a_name_written_by_hand_is_not_told_as_an_earlier_approval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """approved_by without approved_version was never bound to a content: nothing was edited
    «after» it."""
    root = make_project(tmp_path, {FILE: bulletin_md()})  # approved_by, by name only
    out = shown(root, capsys)
    assert "Duyệt: «Cảnh báo lừa đảo qua mạng»" in out and "Duyệt lại" not in out
