"""Findings are told by file, then line, whichever check found them: a unit's `publish check
--strict` listed the radio's findings newest bulletin first (the radio reads them in that
order), so the files came in reverse, each after the load's findings of every file (QA of
session 77)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publish.cli import main
from publish.errors import Problem, render_all
from tests.helpers import NOW, bulletin_md, make_project

# Each file: an unknown abbreviation the radio flags (its own check, run after the load's);
# the second also personal data, which the load finds (an error under --strict).
BODY = "Công an xã nhắc bà con cảnh giác.\n\nLiên hệ tổ ANXH{n} khi cần.\n"
CCCD = "\nBà Nguyễn Thị F trình báo, CCCD của bà: 087123456789.\n"
FILES = [f"content/bai-viet/tin-{n}.md" for n in range(1, 4)]


def project(tmp_path: Path) -> Path:
    """Three bulletins, the first file the oldest, each with a finding of the radio's."""
    return make_project(
        tmp_path,
        {
            f: bulletin_md(
                {"id": f"tin-{n}", "date": f"2020-12-0{n} 08:00"},
                BODY.format(n=n) + (CCCD if n == 2 else ""),
            )
            for n, f in enumerate(FILES, start=1)
        },
    )


def files_told(text: str) -> list[str]:
    """The files of the finding lines of `text`, in the order told."""
    return [x.split(": ", 1)[0] for x in text.splitlines() if x.startswith("content/")]


@pytest.mark.parametrize("strict", [False, True])
def test_check_tells_findings_in_file_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], strict: bool
) -> None:
    root = project(tmp_path)
    args = ["check", "--root", str(root), "--now", NOW.isoformat(), "--channel", "radio"]
    code = main([*args, *(["--strict"] if strict else [])])
    assert code == (1 if strict else 0)  # the personal data: an error under --strict
    told = files_told(capsys.readouterr().err)
    assert told == [f"{FILES[0]}:12", f"{FILES[1]}:12", f"{FILES[1]}:14", f"{FILES[2]}:12"]


def test_build_tells_findings_in_file_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    args = ["build", "--root", str(root), "--now", NOW.isoformat(), "--channel", "radio"]
    assert main(args) == 0
    told = files_told(capsys.readouterr().err)
    assert told == [f"{FILES[0]}:12", f"{FILES[1]}:12", f"{FILES[1]}:14", f"{FILES[2]}:12"]


def test_findings_of_files_are_ordered_by_file_then_line_and_others_keep_their_place() -> None:
    """site.toml and a radio episode (a place, not a file of content/) stay where found; the
    findings of content files take the places content findings had, by file then line."""
    config = Problem("site.toml", "cấu hình", line=4, severity="warning")
    b9 = Problem("content/bai-viet/b.md", "b9", line=9, severity="warning")
    a7 = Problem("content/bai-viet/a.md", "a7", line=7, severity="warning")
    episode = Problem("Tập phát thanh 17:00", "ngắn", severity="note")
    b2 = Problem("content/bai-viet/b.md", "b2", line=2, severity="warning")
    whole = Problem("content/bai-viet/a.md", "a", severity="warning")
    told = render_all([config, b9, a7, episode, b2, whole])
    assert told == [p.render() for p in (config, a7, whole, episode, b2, b9)]


def test_a_files_finding_without_a_line_keeps_its_place_among_its_others() -> None:
    """A line-less finding is no «line 0»: approve closes a refused file's errors with «bản tin
    còn lỗi (ở trên)», which the sort by line put above the errors it points at."""
    first = Problem("content/bai-viet/a.md", "đầu tệp", severity="error")
    a11 = Problem("content/bai-viet/a.md", "a11", line=11, severity="error")
    a3 = Problem("content/bai-viet/a.md", "a3", line=3, severity="error")
    above = Problem("content/bai-viet/a.md", "còn lỗi (ở trên)", severity="note")
    told = render_all([first, a11, a3, above])
    assert told == [p.render() for p in (first, a3, a11, above)]


def test_approve_closes_a_refused_files_errors_after_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The review's input: a Hugo shortcode on a body line, then approve."""
    root = make_project(
        tmp_path,
        {FILES[0]: bulletin_md({"id": "tin-1"}, "Mở đầu.\n\n{{< youtube abc123 >}}\n")},
    )
    code = main(
        [
            "approve",
            "--root",
            str(root),
            "--now",
            NOW.isoformat(),
            FILES[0],
            "--by",
            "Trần Minh Trí",
        ]
    )
    assert code == 1
    lines = [x for x in capsys.readouterr().err.splitlines() if x.startswith(FILES[0])]
    assert re.match(rf"{re.escape(FILES[0])}:\d+: lỗi: ", lines[0])  # the shortcode's line
    assert "còn lỗi (ở trên)" in lines[-1]
