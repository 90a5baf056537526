"""A first sync whose creates went through but whose verifies could not be asked (HTTP 5xx,
network, rate limit): the CI log must not read «0 tạo mới … N thất bại» while N articles are
already on the OA."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import TITLES, records, sync, told, zalo_project


@pytest.mark.usefixtures("zalo_env")
def test_sent_articles_whose_verify_failed_are_told_as_unverified_not_failed(
    tmp_path: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 3)
    emulator.configure(fail_5xx_rate=1.0, fault_paths=("/article/verify",))
    assert sync(root) == 3  # the channel's side: a rerun finishes it
    said = told(capsys)
    assert len(emulator.articles) == 3
    line = next(x for x in said.splitlines() if x.startswith("  zalo: "))
    assert line.startswith("  zalo: 0 tạo mới,") and "0 thất bại" in line
    assert "3 đã gửi, chưa xác minh được" in line
    assert "Không phải thất bại" in said and "Không cần làm gì" in said
    assert "✗" not in said
    emulator.configure(fail_5xx_rate=0.0, fault_paths=None)
    assert sync(root) == 0
    said = told(capsys)
    assert "zalo: 3 tạo mới, 0 cập nhật" in said and "thất bại" in said
    assert sorted(a["title"] for a in emulator.articles.values()) == sorted(
        f"{TITLES[i]} ({i})" for i in range(3)
    )
    assert all(entry.get("article_id") for entry in records(root).values())
