"""A sync that ended with a Zalo step undone said «chạy lại để tiếp tục» even when a rerun
meets the same refusal: an article Zalo refused (its field must be edited first), a create put
off because the OA's list reads short at every run. The last lines now say what to do first
for those, and still say to run again when that is all it takes (a list Zalo did not answer).
Against the loopback emulator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import sync, told, zalo_bulletin, zalo_project

RERUN = "chạy lại để tiếp tục"


def said(capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """What the sync said, on one line: all of it, and what it said after its summary."""
    everything = " ".join(told(capsys).split())
    return everything, everything.split("Không có bản tin hẹn giờ nào đang chờ.")[-1]


def withdraw_all_but_one_new(root: Path) -> None:
    """The project's one bulletin withdrawn (its article hidden) and a new one to create."""
    path = root / "content" / "bai-viet" / "ban-tin-000.md"
    path.write_text(zalo_bulletin(0, draft="true"), encoding="utf-8")
    assert sync(root) == 0
    new = root / "content" / "bai-viet" / "ban-tin-001.md"
    new.write_text(zalo_bulletin(1), encoding="utf-8")


def test_an_article_zalo_refused_ends_with_its_edit_not_a_rerun(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Zalo refusing a block of the body refuses it again at every run until it is edited."""
    root = zalo_project(tmp_path, 1)
    garble = json.dumps({"error": -201, "message": "body[1] content is invalid!"})
    emulator.configure(fault_paths=("/article/create",), garble_first=1, garble_body=garble)
    assert sync(root) == 3
    _, closing = said(capsys)
    assert RERUN not in closing
    assert (
        "Một số thao tác đồng bộ thất bại (xem ở trên). bt-000: Zalo từ chối bài ở "
        "content/bai-viet/ban-tin-000.md, trường 'nội dung bài (phần thân)' (xem ở trên): chạy "
        "lại mà chưa sửa thì Zalo vẫn từ chối; sửa trường này rồi chạy lại."
    ) in closing


def test_a_refusal_naming_no_known_field_sends_the_editor_to_zalos_words(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A message naming no part of the article this tool knows: the last line said «trường
    'không rõ' … sửa trường này», nothing to act on."""
    root = zalo_project(tmp_path, 1)
    garble = json.dumps({"error": -201, "message": "something is invalid!"})
    emulator.configure(fault_paths=("/article/create",), garble_first=1, garble_body=garble)
    assert sync(root) == 3
    _, closing = said(capsys)
    assert RERUN not in closing and "không rõ" not in closing
    assert (
        "bt-000: Zalo từ chối bài ở content/bai-viet/ban-tin-000.md (xem lời Zalo ở trên): chạy "
        "lại mà chưa sửa thì Zalo vẫn từ chối; sửa phần bài mà lời ấy nêu rồi chạy lại."
    ) in closing


def test_a_refused_site_toml_field_is_named_at_its_line_not_as_the_articles_place() -> None:
    """«Zalo từ chối bài ở site.toml:23» said the article was there."""
    from publish.sync.zalo_refusal import _closing

    assert _closing(
        "site.toml:23", "[zalo] comment", "Sửa trường này rồi chạy lại.", config=True
    ) == (
        "Zalo từ chối trường '[zalo] comment' ở site.toml:23 (xem ở trên): chạy lại mà chưa sửa "
        "thì Zalo vẫn từ chối; sửa trường này rồi chạy lại."
    )


def test_a_create_put_off_by_a_list_short_at_every_run_ends_with_the_setting(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The OA's list one short, its one hidden article recorded: the new bulletin's create is
    put off, and a rerun reads the same list."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    withdraw_all_but_one_new(root)
    emulator.configure(hidden_in_list="counted")
    capsys.readouterr()
    assert sync(root) == 3
    out, closing = said(capsys)
    assert "✗ tạo mới bt-001: chưa tạo: chưa đọc được danh sách bài trên Zalo OA" in out
    assert RERUN not in closing
    assert (
        "bt-001: chưa tạo bài mới (chưa đọc trọn danh sách bài trên Zalo OA, tạo lúc này có thể "
        "đăng trùng bài): lần đồng bộ sau đọc lại danh sách, nhưng thiếu đúng như vậy ở mọi lần "
        "chạy thì đọc lại không giúp: đặt list_total_counts_hidden = true như nói trên."
    ) in closing


def test_a_create_put_off_by_a_list_zalo_did_not_answer_still_says_run_again(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A list Zalo did not answer is read at the next run: running again is all it takes."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    withdraw_all_but_one_new(root)
    emulator.configure(fault_paths=("/article/getslice",), fail_first_5xx=99, fail_5xx_status=404)
    capsys.readouterr()
    assert sync(root) == 3
    out, closing = said(capsys)
    assert "✗ tạo mới bt-001: chưa tạo: chưa đọc được danh sách bài trên Zalo OA" in out
    assert (
        f"Một số thao tác đồng bộ thất bại (xem ở trên). Phần đã xong đã được lưu trong state/; {RERUN}."
        in closing
    )
