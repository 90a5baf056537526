"""Two syncs from separate checkouts at once post an article twice: the sync says so, exit 1.

state/.sync.lock keeps apart two syncs of one checkout only. Here the other checkout's sync is
played by an article of the same title and content put on the OA while this sync is about to
create its own: after its verify, the sync must name both articles, say which one to delete (the
newer: both syncs name the same one), and ask a person to look (exit 1).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from publish.sync.zalo import ZaloSyncer
from publish.sync.zalo_plan import Local
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import records, sync, told, zalo_bulletin, zalo_project

PAYLOAD = ZaloSyncer._payload


def race(monkeypatch: pytest.MonkeyPatch, emulator: ZaloEmulator, key: str) -> dict[str, str]:
    """Have «the other checkout» create `key`'s article just before this sync sends its own
    (after this sync read the OA); the dict gets the other article's id."""
    other: dict[str, str] = {}

    def sent(self: ZaloSyncer, local: Local) -> dict[str, Any]:
        """The payload, and the other sync's article of it made meanwhile."""
        body = PAYLOAD(self, local)
        if local.key == key and not other:
            other["id"] = emulator.seed_article(json.loads(json.dumps(body)))
        return body

    monkeypatch.setattr(ZaloSyncer, "_payload", sent)
    return other


def test_an_article_another_checkout_created_at_the_same_time_is_told_with_what_to_do(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    path = root / "content" / "bai-viet" / "ban-tin-002.md"
    path.write_text(zalo_bulletin(2), "utf-8")
    other = race(monkeypatch, emulator, "bt-002")
    capsys.readouterr()
    assert sync(root) == 1
    said = " ".join(told(capsys).split())
    ours = records(root)["bt-002"]["article_id"]
    title = records(root)["bt-002"]["title"]
    assert ours != other["id"]
    assert sorted(a["title"] for a in emulator.articles.values()).count(title) == 2
    assert (
        f"✗ kiểm tra bài trùng bt-002: content/bai-viet/ban-tin-002.md: Zalo OA đang có 2 bài "
        f"cùng tiêu đề «{title}» vừa được tạo: bài {ours} do lần đồng bộ này tạo, và bài "
        f"{other['id']} mà state/zalo.json không ghi cho bản tin nào." in said
    )
    assert "state/.sync.lock chỉ ngăn hai lần chạy trên cùng một thư mục" in said
    # The other sync, which made the older article, names the same one to delete.
    assert f"giữ bài tạo trước ({other['id']}), xoá bài {ours} trong trang quản trị OA" in said
    assert "publish sync zalo --reconcile --zalo-forget bt-002" in said
    assert "1 tạo mới" in said and "1 thất bại" in said

    # Once a person deleted the extra article and ran the command, all is well again.
    del emulator.state.articles[ours]
    monkeypatch.setattr(ZaloSyncer, "_payload", PAYLOAD)
    assert sync(root, "--reconcile", "--zalo-forget", "bt-002") == 0
    assert records(root)["bt-002"]["article_id"] == other["id"]
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []


def test_bulletins_sharing_a_title_created_in_one_run_are_no_duplicate(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """A weekly bulletin keeps its title: two records, two articles, both the tool's."""
    weekly = '"Bản tin an ninh trật tự hằng tuần"'
    root = zalo_project(
        tmp_path,
        0,
        files={
            "content/bai-viet/tuan-1.md": zalo_bulletin(1, title=weekly, id="tuan-1"),
            "content/bai-viet/tuan-2.md": zalo_bulletin(2, title=weekly, id="tuan-2"),
        },
    )
    assert sync(root) == 0
    assert "kiểm tra bài trùng" not in told(capsys)
    assert len(emulator.articles) == 2
