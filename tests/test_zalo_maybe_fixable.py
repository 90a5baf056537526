"""A list short by as many articles as state/zalo.json records hidden, none of them read
(too many, or getdetail failed): the setting list_total_counts_hidden may be the fix, by
count only. Five places told what to do then, each in its own words: one said why (Zalo may
count hidden articles in its total), two did not; three said what to do when the setting does
not mend it, each something else, two nothing. They now give the one advice, each naming only
what differs: how the next reading comes, where the setting is pointed at, what follows it."""

from __future__ import annotations

import pytest

from publish.sync.base import Action
from publish.sync.zalo_deleted import _after_short
from publish.sync.zalo_lookup import _list_closing
from publish.sync.zalo_reconcile import _unread
from publish.sync.zalo_unrecorded import Unlisted
from publish.zalo.errors import ListShort

WHY = "có thể Zalo tính cả bài đã ẩn vào tổng, khi ấy đặt list_total_counts_hidden = true"
STILL_SHORT = (
    "Đặt rồi mà danh sách vẫn thiếu thì trong trang quản trị OA, tìm các bài bị ẩn tay (không "
    "qua công cụ)"
)
SHOWN_AGAIN = "và hiện lại chúng, hoặc muốn bài nào ẩn thì thêm dòng draft: [zalo] vào phần đầu"
COMPARED = "không thấy bài nào như vậy thì so số bài trong trang quản trị OA"


def by_count(asked: bool) -> ListShort:
    """A list two short, two articles recorded hidden, not read (`asked`: getdetail failed)."""
    return ListShort([{"id": "a"}], 3, "normal", hidden=2, asked=asked)


def unlisted_texts(error: ListShort) -> tuple[str, str]:
    """The plan's note and the ✗ line of a create put off by that list."""
    put_off = Unlisted(frozenset({"bt-009"}), error)
    actions = put_off.postpone([Action("create", "bt-009", "", "Bản tin 9", {})])
    return put_off.note(actions), str(put_off.error())


def places(error: ListShort) -> dict[str, str]:
    """What each place tells of the list, by name: next_run() and the five that advise."""
    note, failed = unlisted_texts(error)
    return {
        "next_run": error.next_run(),
        "daily": _after_short(error),
        "closing": _list_closing(error),
        "reconcile": str(_unread(error)),
        "plan_note": note,
        "create_put_off": failed,
    }


@pytest.mark.parametrize("asked", [False, True])
def test_every_place_gives_the_one_advice_for_a_shortfall_told_by_count(asked: bool) -> None:
    """Each says why the setting may help, and what to do when it does not."""
    error = by_count(asked)
    assert error.maybe_fixable and not error.fixable
    for place, text in places(error).items():
        flat = " ".join(text.split())
        assert WHY in flat, place
        assert STILL_SHORT in flat, place
        assert SHOWN_AGAIN in flat, place
        assert COMPARED in flat, place
        assert "có thể cần đặt" not in flat, place  # the setting named without why
        assert ".." not in flat and ". ." not in flat, place


def test_a_rerun_is_said_not_to_help_before_the_setting_in_every_place() -> None:
    """The lost create's closing went straight to «thì có thể Zalo tính…» without saying a
    rerun alone does not help, as the four others and its own fixable branch say."""
    for place, text in places(by_count(False)).items():
        flat = " ".join(text.split())
        assert "lại không giúp" in flat.split(WHY)[0], place


def test_each_place_keeps_what_is_its_own() -> None:
    """What differs is kept: how the next reading comes, where the setting is pointed at, and
    what follows setting it."""
    told = {place: " ".join(text.split()) for place, text in places(by_count(False)).items()}
    assert "ở mọi lần chạy thì đọc lại không giúp" in told["next_run"]
    assert "thiếu đúng như vậy mỗi ngày thì đọc lại không giúp" in told["daily"]
    assert "= true như nói trên. " in told["daily"]
    assert (
        "= true trong bảng [zalo] của site.toml (công cụ sẽ hỏi Zalo từng bài đã ẩn ấy), rồi "
        "chạy lại publish sync zalo"
    ) in told["closing"]
    assert "(không qua công cụ), kể cả bài cùng tiêu đề với bản tin, và hiện" in told["closing"]
    assert "= true như nói trên rồi chạy lại lệnh. " in told["reconcile"]
    assert "(mã thoát 3)." in told["plan_note"]
    assert "= true trong bảng [zalo] của site.toml rồi chạy lại. " in told["create_put_off"]
    for place in ("closing", "create_put_off"):
        assert (
            "bằng số bài đã ẩn mà state/zalo.json ghi (chưa biết Zalo còn đọc được từng bài ấy "
            "không)"
        ) in told[place], place
