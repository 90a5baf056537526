"""The disk fills up while a first sync records what it sent to Zalo."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

import publish.sync.manifest as manifest
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import TITLES, sync, told, zalo_project


@pytest.mark.usefixtures("zalo_env")
def test_a_full_disk_says_what_to_do_and_the_rerun_duplicates_nothing(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = zalo_project(tmp_path, 12)
    real = manifest._append_line
    appended: list[str] = []

    def append(journal: Path, line: str) -> None:
        """Record the first few steps, then find the disk full."""
        if len(appended) >= 5:
            raise OSError(errno.ENOSPC, "No space left on device", str(journal))
        appended.append(line)
        real(journal, line)

    monkeypatch.setattr(manifest, "_append_line", append)
    assert sync(root) == 1
    said = told(capsys)
    assert "hết chỗ trên đĩa" in said and "state/zalo.json" in said
    assert "Cách sửa: giải phóng chỗ trên ổ đĩa" in said and "chạy lại lệnh" in said
    assert "không đăng trùng" in said and "Traceback" not in said
    assert emulator.articles  # some were sent before the disk filled
    monkeypatch.setattr(manifest, "_append_line", real)
    assert sync(root) == 0
    titles = sorted(a["title"] for a in emulator.articles.values())
    assert titles == sorted(f"{TITLES[i % len(TITLES)]} ({i})" for i in range(12))
