"""Zalo unreachable (nothing listens at its address): the OA check's retries are the run's
only ones, and the channel stops with one message naming why (exit 3), instead of four more
retries for every article; a failure that may pass between calls keeps the retries."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import records, sync, told, zalo_project

pytestmark = pytest.mark.usefixtures("zalo_env")

RETRY_LINE = "Gọi Zalo để "


def test_zalo_refusing_connections_stops_the_channel_after_the_oa_check(
    tmp_path: Path,
    emulator: ZaloEmulator,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    before = records(root)
    site = root / "site.toml"
    # Every article's payload changes (the unit's name is in each): three updates planned.
    site.write_text(site.read_text("utf-8").replace("Châu Thành", "Châu Thành A"), "utf-8")
    emulator.stop()  # the port now refuses connections
    told(capsys)
    caplog.clear()
    assert sync(root) == 3
    out = told(capsys)
    assert "kế hoạch 3 thao tác" in out
    retries = [r.getMessage() for r in caplog.records if r.getMessage().startswith(RETRY_LINE)]
    assert len(retries) == 4  # the OA check's, none for an article
    assert all("đọc thông tin OA" in line for line in retries)
    assert "kết nối bị từ chối" in retries[0]
    assert "zalo: LỖI — Dừng kênh Zalo: không kết nối được tới Zalo (" in out
    assert "đã thử lại 4 lần. Không gọi Zalo cho từng bài trong lần chạy này" in out
    assert "✗" not in out  # no article told failed one by one
    assert records(root) == before  # nothing sent, nothing recorded as changed
