"""The plan CI posts on a pull request lists the build's warnings (personal data, Zalo limits)
for the approver. Session 77 QA: each warning's «Cách sửa» ran on from its message with no
full stop («… sinh ngày «**/**/1970» Cách sửa: Chỉ ghi năm sinh …», «… cả lần dựng Cách sửa:
Rút gọn tiêu đề …»), while the errors of the same comment read «…. Cách sửa: …»."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from publish.cli import main
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import (
    NOW,
    TITLES,
    plan_section,
    report_section,
    sync,
    sync_report,
    zalo_bulletin,
    zalo_project,
)

CCCD = "Bà Nguyễn Thị F trình báo.\n\nCCCD của bà: 087123456789.\n"


def test_a_warning_in_the_pull_request_plan_ends_before_its_fix(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 0, files={"content/bai-viet/tin.md": zalo_bulletin(0, body=CCCD)})
    section = plan_section(root, capsys, "Cảnh báo khi dựng", "zalo", "--dry-run")
    [told] = [x for x in section if "số CCCD «087*******89»" in x]
    assert told.startswith("- `content/bai-viet/tin.md:")
    assert "(cảnh báo)" in told
    assert "«087*******89». Cách sửa: Xóa hoặc che bớt số" in told, told


def test_the_pull_request_plan_names_a_bulletin_going_on_the_website_alone(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Session 77 QA: a bulletin approved for `channels: [web]` showed only as «1 tệp tạo mới»
    among the files of the Website section; no line of the comment named it, so the approver
    could not see that merging publishes it."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0  # the first bulletin is out (web recorded by the sync's build)
    main(["--root", str(root), "--now", NOW, "sync", "web"])
    new = "content/bai-viet/chi-web.md"
    (root / new).write_text(zalo_bulletin(7, channels="[web]"), encoding="utf-8")
    main(
        [
            "--root",
            str(root),
            "approve",
            new,
            "--by",
            "Thượng tá Nguyễn Văn Hùng, Trưởng Công an xã",
        ]
    )
    section = plan_section(root, capsys, "Website", "web", "zalo", "--dry-run")
    [named] = [x for x in section if new in x]
    assert "«" + TITLES[7 % len(TITLES)] + " (7)»" in named
    assert not [x for x in section if "bt-000" in x or "(0)»" in x]  # the one out already


def test_the_plan_names_no_bulletin_when_the_website_gets_none_new(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    main(["--root", str(root), "--now", NOW, "sync", "web"])
    section = plan_section(root, capsys, "Website", "web", "zalo", "--dry-run")
    assert not [x for x in section if "content/bai-viet/" in x], section


def test_a_plan_without_the_radio_says_so_when_bulletins_go_to_the_radio(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Session 77 QA: the pull-request plan (web and Zalo: CI's preview does not see the
    station's folder) had no word about the radio, so an approver read a plan without a radio
    section as «nothing changes on the radio»."""
    radio = zalo_bulletin(5, channels="[web, zalo, radio]", date="2021-01-01 08:00")
    root = zalo_project(tmp_path, 1, files={"content/bai-viet/dai.md": radio})
    section = plan_section(root, capsys, "Phát thanh", "web", "zalo", "--dry-run")
    said = section[2]
    assert said.startswith("Không có trong kế hoạch này"), said
    assert "publish sync radio --dry-run" in said


def test_a_plan_with_the_radio_has_no_such_line(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = zalo_project(tmp_path, 1)
    capsys.readouterr()
    main(["--root", str(root), "--now", NOW, "sync", "zalo", "--dry-run", "--format", "markdown"])
    assert "Không có trong kế hoạch này" not in capsys.readouterr().out
    # A bulletin going to the radio, in a plan that has the radio: its section is the
    # station's own plan, and no second one says the radio is left out.
    radio = zalo_bulletin(5, channels="[web, zalo, radio]", date="2021-01-01 08:00")
    (root / "content/bai-viet/dai.md").write_text(radio, encoding="utf-8")
    station = tmp_path / "dai"
    station.mkdir()
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(station))
    lines = sync_report(root, capsys, "web", "zalo", "radio", "--dry-run")
    assert lines.count("### Phát thanh") == 1, lines
    assert not [x for x in lines if "Không có trong kế hoạch này" in x], lines
    section = report_section(lines, "Phát thanh")
    assert [x for x in section if x.startswith("radio (dự kiến): ")], section
    assert [x for x in section if "(`items/bt-005.txt`) | kịch bản mới" in x], section


@pytest.mark.parametrize("end", [".", "!", "?", "…"])
def test_a_finding_that_ends_its_own_sentence_gets_no_second_stop(end: str) -> None:
    """Review of session 77: «…tin «Đính chính».. Cách sửa: …» (radio episode warnings end
    with a stop of their own)."""
    from publish.errors import Problem
    from publish.markdown_inert import problem_item

    item = html.unescape(
        problem_item(
            Problem("Tập phát thanh", f"không tự thêm tin «Đính chính»{end}", hint="Báo đài.")
        )
    )
    assert f"«Đính chính»{end} Cách sửa: Báo đài." in item, item
    plain = problem_item(Problem("Tập phát thanh", "thiếu tin", hint="Báo đài."))
    assert "thiếu tin. Cách sửa: Báo đài." in plain
