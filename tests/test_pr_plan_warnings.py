"""The plan CI posts on a pull request lists the build's warnings (personal data, Zalo limits)
for the approver. Session 77 QA: each warning's «Cách sửa» ran on from its message with no
full stop («… sinh ngày «**/**/1970» Cách sửa: Chỉ ghi năm sinh …», «… cả lần dựng Cách sửa:
Rút gọn tiêu đề …»), while the errors of the same comment read «…. Cách sửa: …»."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import sync, zalo_bulletin, zalo_project

CCCD = "Bà Nguyễn Thị F trình báo.\n\nCCCD của bà: 087123456789.\n"


def test_a_warning_in_the_pull_request_plan_ends_before_its_fix(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 0, files={"content/bai-viet/tin.md": zalo_bulletin(0, body=CCCD)})
    sync(root, "--dry-run", "--format", "markdown")
    lines = html.unescape(capsys.readouterr().out).splitlines()
    section = lines[lines.index("### Cảnh báo khi dựng") :]
    [told] = [x for x in section if "số CCCD «087*******89»" in x]
    assert told.startswith("- `content/bai-viet/tin.md:")
    assert "(cảnh báo)" in told
    assert "«087*******89». Cách sửa: Xóa hoặc che bớt số" in told, told
