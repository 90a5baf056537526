"""What `publish sync zalo` tells the operator: each thing once, and a command for every fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import NOW, sync, told, zalo_project


def build(root: Path) -> None:
    """Build the project, as the sync's own build would."""
    assert main(["--root", str(root), "--now", NOW, "build"]) == 0


@pytest.mark.usefixtures("zalo_env")
def test_a_5xx_during_the_token_refresh_is_told_once(
    tmp_path: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    emulator.configure(fail_first_5xx=100, fault_paths=["access_token"])

    assert sync(root) == 3
    out = told(capsys)

    cause = "trả lỗi HTTP 503 khi làm mới access token"
    assert out.count(cause) == 1, out
    summary = next(line for line in out.splitlines() if "zalo: LỖI — " in line)
    assert cause in summary and "lần chạy sau tự làm tiếp" in summary
