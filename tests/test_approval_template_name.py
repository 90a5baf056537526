"""The tool prints its approve command with a template name everywhere an approver is sent to
it: «publish approve TỆP --by "Họ tên, chức vụ"» (check, build, the PR plan's «Bài đang đăng bị rút
vì chờ duyệt lại»). Session 77 QA: an approver pasting that command as printed approved the
bulletin as «Họ tên, chức vụ», and it was published with no one's name in approved_by."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from publish.cli import main
from publish.person_fields import not_a_name
from tests.helpers import NOW, bulletin_md, make_project

FILE = "content/bai-viet/tin.md"
REAL = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an xã"


@pytest.mark.parametrize(
    "template",
    ["Họ tên, chức vụ", "Họ tên", "Họ tên người duyệt", "họ và tên, chức vụ", "Ho ten, chuc vu"],
)
def test_the_printed_template_is_no_name(template: str) -> None:
    assert not_a_name(template)


@pytest.mark.parametrize(
    "name", [REAL, "Nguyễn Văn Tên", "Hồ Văn Tên, Trưởng Công an xã", "Đại úy Họ Thị Duyệt"]
)
def test_names_near_the_template_stay_names(name: str) -> None:
    assert not not_a_name(name)


def test_approve_refuses_the_template_pasted_from_the_command_it_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": '""'})})
    before = (root / FILE).read_bytes()
    args = ["--root", str(root), "--now", NOW.isoformat(), "approve", FILE]
    assert main([*args, "--by", "Họ tên, chức vụ"]) == 1
    err = capsys.readouterr().err
    assert "«Họ tên, chức vụ»" in err and "chữ mẫu" in err, err
    assert (root / FILE).read_bytes() == before
    assert main([*args, "--by", REAL]) == 0


def test_a_bulletin_whose_approved_by_is_the_template_is_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written by hand into the file after a real approval (approved_by is outside the
    fingerprint), the template still names no one: held, told with the file."""
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": '""'})})
    now = ["--root", str(root), "--now", NOW.isoformat()]
    assert main([*now, "approve", FILE, "--by", REAL]) == 0
    path = root / FILE
    path.write_text(path.read_text("utf-8").replace(REAL, "Họ tên, chức vụ"), "utf-8")
    capsys.readouterr()
    assert main([*now, "check"]) == 0
    err = capsys.readouterr().err
    assert f"{FILE}:6: cảnh báo: trường 'approved_by'" in err and "«Họ tên, chức vụ»" in err, err
    assert "bản tin bị giữ lại, không đăng ở kênh nào" in err, err


def test_a_bulletin_held_for_the_template_is_told_to_replace_it_not_to_paste_it_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review of session 77: the hold's reason sent the approver to the same command with the
    same template, which approve now refuses: a wasted round."""
    root = make_project(tmp_path, {FILE: bulletin_md({"approved_by": '""'})})
    now = ["--root", str(root), "--now", NOW.isoformat()]
    assert main([*now, "approve", FILE, "--by", REAL]) == 0
    path = root / FILE
    path.write_text(path.read_text("utf-8").replace(REAL, "Họ tên, chức vụ"), "utf-8")
    capsys.readouterr()
    main([*now, "sync", "web", "--dry-run", "--format", "markdown"])  # the plan CI posts
    told = html.unescape(capsys.readouterr().out)
    assert (
        f'publish approve {FILE} --by "Họ tên, chức vụ" (thay "Họ tên, chức vụ" bằng họ tên' in told
    )
