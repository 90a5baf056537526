"""getdetail answering -201 («invalid parameter», zalo-oa-api.md §5) is not «the article was
deleted»: only an article the OA's list no longer holds is, and created again. Taken alone, a
-201 for an article still there had the record marked removed and the next run post it twice
(or leave a withdrawn bulletin shown, its record saying it was gone)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publish.zalo.emulator import ZaloEmulator
from tests.test_sync_zalo import assert_published_once, edit, state, titles
from tests.zalo_project import TITLES, sync, told, zalo_project

REFUSED = json.dumps({"error": -201, "message": "id is invalid!"})
TITLE = f"{TITLES[0]} (0)"


def refuse_getdetail(emulator: ZaloEmulator, times: int = 100) -> None:
    """getdetail answers -201 for every article, the OA's list (getslice) as it is."""
    emulator.configure(fault_paths=("/article/getdetail",), garble_first=times, garble_body=REFUSED)


def test_an_article_getdetail_refuses_is_not_taken_for_deleted_nor_posted_twice(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    refuse_getdetail(emulator)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 3
    out = told(capsys)
    assert (
        f"Zalo từ chối đọc bài {article_id} (getdetail, mã -201: “id is invalid!”) dù bài vẫn có "
        "trong danh sách bài của OA: công cụ không coi là bài đã bị xoá và không tạo lại"
    ) in out
    assert "không còn trên Zalo" not in out
    assert emulator.write_calls() == []
    entry = state(root)["bt-000"]
    assert entry["article_id"] == article_id and entry["status"] == "live"
    # Still refused at the next run: still not deleted, still nothing created.
    assert sync(root) == 3
    assert titles(emulator)[TITLE] == 1 and emulator.write_calls() == []
    emulator.configure(garble_first=0)
    assert sync(root) == 0
    assert emulator.articles[article_id]["description"] == "Tóm tắt đã sửa."
    assert_published_once(root, emulator)
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []


def test_a_withdrawn_bulletin_whose_article_getdetail_refuses_is_hidden_once_it_can_be_read(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The hide read the article first: a -201 recorded it as «đã không còn trên Zalo» and
    the withdrawn bulletin stayed shown on the OA, the record saying there was nothing left."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    edit(root, 0, draft="true")
    refuse_getdetail(emulator)
    capsys.readouterr()
    assert sync(root) == 3
    assert "đã không còn trên Zalo" not in told(capsys)
    assert state(root)["bt-000"]["article_id"] == article_id
    assert emulator.articles[article_id]["status"] == "show"
    emulator.configure(garble_first=0)
    assert sync(root) == 0
    assert emulator.articles[article_id]["status"] == "hide"
    assert state(root)["bt-000"]["status"] == "hidden"


def test_an_article_deleted_from_the_oa_is_still_created_again_once(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The OA's list no longer holds it: gone, as before, and created again, once."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    del emulator.state.articles[state(root)["bt-000"]["article_id"]]
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    refuse_getdetail(emulator)  # as Zalo is taken to answer for a deleted article
    capsys.readouterr()
    assert sync(root) == 3
    assert "không còn trên Zalo (có thể đã bị xoá trong trang quản trị OA)" in told(capsys)
    emulator.configure(garble_first=0)
    assert sync(root) == 0
    assert_published_once(root, emulator)


def test_a_remove_refused_with_201_while_the_article_is_listed_is_not_recorded_as_done(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """[zalo] on_withdraw = "remove": a remove answered -201 was taken for an article already
    deleted, and the withdrawn bulletin's article stayed on the OA, its record saying removed."""
    root = zalo_project(tmp_path, 1, zalo='on_withdraw = "remove"')
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    edit(root, 0, draft="true")
    emulator.configure(
        fault_paths=("/article/remove",),
        garble_first=100,
        garble_body=REFUSED,
        garble_before_processing=True,  # refused: the article stays
    )
    capsys.readouterr()
    assert sync(root) == 3
    assert (
        f"Zalo từ chối gỡ bài {article_id} (mã -201: “id is invalid!”) dù bài vẫn có trong "
        "danh sách bài của OA: bài vẫn còn trên Zalo và chưa được ghi là đã gỡ"
    ) in told(capsys)
    assert state(root)["bt-000"]["article_id"] == article_id
    assert article_id in emulator.articles
    emulator.configure(garble_first=0)
    assert sync(root) == 0
    assert article_id not in emulator.articles
    assert state(root)["bt-000"]["status"] == "removed"


def test_a_remove_answered_201_once_the_article_is_gone_is_recorded_as_done(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None
) -> None:
    """The remove applied and its answer -201 (as for an article deleted meanwhile): the OA's
    list no longer holds it, so it is removed, as before, and nothing is sent again."""
    root = zalo_project(tmp_path, 1, zalo='on_withdraw = "remove"')
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    edit(root, 0, draft="true")
    emulator.configure(fault_paths=("/article/remove",), garble_first=1, garble_body=REFUSED)
    assert sync(root) == 0
    assert article_id not in emulator.articles
    assert state(root)["bt-000"]["status"] == "removed"
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []
