"""`publish check` says a «Cách sửa» shared by several warnings once, after them: a unit of
3,000 bulletins read the same two-line fix after each of 126 personal-data warnings (QA of
session 75). Each warning keeps its own file:line line, and what CI services read keeps every
hint."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from publish.cli import main
from publish.errors import Problem, render_all
from publish.zalo.emulator import ZaloEmulator
from tests.helpers import NOW, bulletin_md, install_fake_renderers, make_project
from tests.zalo_project import sync, zalo_bulletin, zalo_project

CCCD = "Bà Nguyễn Thị F trình báo.\n\nCCCD của bà: 087123456789.\n"
FILES = [f"content/bai-viet/tin-{n}.md" for n in range(3)]


def test_check_says_the_fix_of_three_alike_warnings_once_after_their_own_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = make_project(
        tmp_path, {f: bulletin_md({"id": f"t{n}"}, CCCD) for n, f in enumerate(FILES)}
    )
    report = tmp_path / "codequality.json"
    args = ["check", "--root", str(root), "--now", NOW.isoformat()]
    assert main([*args, "--codequality", str(report)]) == 0
    lines = capsys.readouterr().err.splitlines()
    told = [
        n for n, x in enumerate(lines) if "có thể là dữ liệu cá nhân: số CCCD «087*******89»" in x
    ]
    assert sorted(lines[n].split(":", 1)[0] for n in told) == FILES  # one line each, as before
    assert told == list(range(told[0], told[0] + 3))  # together, not a fix between them
    [fix] = [x for x in lines if "Cách sửa" in x]
    assert lines.index(fix) == told[-1] + 1
    assert fix.startswith("    Cách sửa (chung cho 3 cảnh báo trên): ")
    # The code quality report, read by a machine, still gives each finding its whole fix.
    hint = fix.split(": ", 1)[1]
    found = [e for e in json.loads(report.read_text("utf-8")) if "CCCD" in e["description"]]
    assert len(found) == 3 and all(hint in e["description"] for e in found)


def test_a_fix_said_for_one_warning_only_stays_under_it() -> None:
    """One warning of its kind, or findings of another severity with the same fix: each
    keeps its own «Cách sửa» line right under it, in the order found."""
    warn = Problem("a.md", "một", line=1, hint="Làm A.", severity="warning")
    note = Problem("b.md", "hai", line=2, hint="Làm A.", severity="note")
    other = Problem("c.md", "ba", line=3, hint="Làm B.", severity="warning")
    assert render_all([warn, note, other]) == [warn.render(), note.render(), other.render()]


def test_findings_keep_their_order_and_a_shared_fix_follows_the_last_of_its_group() -> None:
    """Sorted by file and line, findings stay so: a group's fix, said once, comes after the
    last of it, not the group pulled up to where its first member was (review R10: a.md:9
    was told after b.md:4)."""
    first = Problem("a.md", "một", line=3, hint="Làm A.", severity="warning")
    between = Problem("a.md", "hai", line=9, hint="Làm B.", severity="warning")
    last = Problem("b.md", "ba", line=4, hint="Làm A.", severity="warning")
    assert render_all([first, between, last]) == [
        "a.md:3: cảnh báo: một",
        between.render(),
        "b.md:4: cảnh báo: ba",
        "    Cách sửa (chung cho 2 cảnh báo trên): Làm A.",
    ]


def test_two_interleaved_groups_each_end_with_their_fix() -> None:
    """Each shared fix right after the last finding it is for, in the order found."""
    a1, b2, a3, b4 = (
        Problem(f"t{n}.md", "x", line=n, hint=hint, severity="warning")
        for n, hint in ((1, "Làm A."), (2, "Làm B."), (3, "Làm A."), (4, "Làm B."))
    )
    assert render_all([a1, b2, a3, b4]) == [
        "t1.md:1: cảnh báo: x",
        "t2.md:2: cảnh báo: x",
        "t3.md:3: cảnh báo: x",
        "    Cách sửa (chung cho 2 cảnh báo trên): Làm A.",
        "t4.md:4: cảnh báo: x",
        "    Cách sửa (chung cho 2 cảnh báo trên): Làm B.",
    ]


def _cccd_lines(err: str) -> tuple[list[str], list[int], list[str]]:
    """The lines of standard error, which of them tell the CCCD warning, and its fixes said."""
    lines = err.splitlines()
    told = [n for n, x in enumerate(lines) if "số CCCD «087*******89»" in x]
    return lines, told, [x for x in lines if "Cách sửa" in x and "che bớt số" in x]


def test_build_says_the_fix_of_alike_warnings_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build's warnings are check's: each on its line, a shared fix said once after them."""
    install_fake_renderers(monkeypatch)
    root = make_project(
        tmp_path, {f: bulletin_md({"id": f"t{n}"}, CCCD) for n, f in enumerate(FILES)}
    )
    assert main(["build", "--root", str(root), "--now", NOW.isoformat()]) == 0
    lines, told, fixes = _cccd_lines(capsys.readouterr().err)
    assert len(told) == 3
    [fix] = fixes
    assert lines.index(fix) == told[-1] + 1
    assert fix.startswith("    Cách sửa (chung cho 3 cảnh báo trên): ")


def test_sync_says_the_fix_of_alike_build_warnings_once(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build a sync runs first tells its warnings as check does."""
    root = zalo_project(
        tmp_path, 0, files={f: zalo_bulletin(n, body=CCCD) for n, f in enumerate(FILES)}
    )
    assert sync(root) == 0
    lines, told, fixes = _cccd_lines(capsys.readouterr().err)
    assert len(told) == 3
    [fix] = fixes
    assert lines.index(fix) == told[-1] + 1
    assert fix.startswith("    Cách sửa (chung cho 3 cảnh báo trên): ")


@pytest.mark.parametrize(
    "command",
    [["check", "--strict"], ["build", "--strict"], ["sync", "--dry-run", "--strict"]],
    ids=["check", "build", "sync"],
)
def test_strict_says_the_fix_of_alike_errors_once(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    """Under --strict the warnings are errors, told by the error that stops the command: each
    still came with the same two-line fix (QA of session 76). Said once, after the last."""
    install_fake_renderers(monkeypatch)
    root = make_project(
        tmp_path, {f: bulletin_md({"id": f"t{n}"}, CCCD) for n, f in enumerate(FILES)}
    )
    assert main([*command, "--root", str(root), "--now", NOW.isoformat()]) == 1
    lines, told, fixes = _cccd_lines(capsys.readouterr().err)
    assert len(told) == 3 and all(": lỗi: " in lines[n] for n in told)
    assert told == list(range(told[0], told[0] + 3))
    [fix] = fixes
    assert lines.index(fix) == told[-1] + 1
    assert fix.startswith("    Cách sửa (chung cho 3 lỗi trên): Xóa hoặc che bớt số")
    assert lines[told[-1] + 2] == "Tìm thấy 3 lỗi. Chưa có gì được ghi hay xuất bản."


def test_the_sync_report_says_a_shared_fix_once(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plan posted on a pull request lists the build's warnings, and under --strict its
    errors, as the terminal does: a fix shared by several once, after the last of them."""
    root = zalo_project(
        tmp_path, 0, files={f: zalo_bulletin(n, body=CCCD) for n, f in enumerate(FILES)}
    )
    for strict, label in (((), "cảnh báo"), (("--strict",), "lỗi")):
        capsys.readouterr()
        sync(root, "--dry-run", "--format", "markdown", *strict)
        # As the comment shows it: the report writes «(», «*» as character references.
        lines = html.unescape(capsys.readouterr().out).splitlines()
        told = [n for n, x in enumerate(lines) if "số CCCD «087*******89»" in x]
        assert len(told) == 3 and all("Cách sửa" not in lines[n] for n in told), lines
        [fix] = [x for x in lines if "che bớt số" in x]
        assert lines.index(fix) == told[-1] + 1
        assert fix.startswith(f"- Cách sửa (chung cho 3 {label} trên): Xóa hoặc che bớt số"), fix
