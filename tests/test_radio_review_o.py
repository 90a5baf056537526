"""Reviewer O's findings (session 37) on the unit's numbers held and the writer's signatures."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise


def _held(source: str) -> bool:
    """Whether `source`'s script is held for a number still to be filled in (Q1), unread."""
    spoken = normalise(source + "\n")
    return "Q1" in [f.code for f in spoken.blocking] and "bắt đầu bằng" not in spoken.text


def _read_by_its_ends(source: str) -> bool:
    """Whether `source`'s masked number is read by its first digits, nothing held."""
    spoken = normalise(source + "\n")
    return "Q1" not in [f.code for f in spoken.flags] and "bắt đầu bằng không chín" in spoken.text


@pytest.mark.parametrize(
    "source",
    [
        "Trước tình hình lừa đảo qua mạng, Công an xã khuyến cáo: “Người dân hãy liên hệ số "
        "0912.xxx.xxx khi cần.”",
        'Để phòng ngừa lừa đảo, Công an xã đề nghị: "Khi nghi ngờ, vui lòng liên hệ số '
        '0912.xxx.xxx".',
        "Trước thủ đoạn của các đối tượng, Công an xã Tân Phú khuyến cáo: «Bà con hãy gọi "
        "ngay số 0912.xxx.xxx».",
    ],
)
def test_the_units_quote_after_a_scam_word_is_still_held(source: str) -> None:
    """«Trước tình hình lừa đảo qua mạng, Công an xã khuyến cáo: “Người dân hãy liên hệ số
    0912.xxx.xxx …”» was read «bắt đầu bằng …» on air: a scam word in an earlier clause made the
    unit's own quote the scammer's. Only the words introducing the quote name its speaker."""
    assert _held(source)


@pytest.mark.parametrize(
    "source",
    [
        'Đối tượng nhắn tin: "Anh vui lòng liên hệ số 0912.xxx.xxx để nhận quà".',
        'Chị B nhận cuộc gọi, đối tượng nói: "Chị vui lòng gọi lại số 0912.xxx.xxx".',
        'Đối tượng gọi điện cho chị B, nói: "Chị vui lòng gọi lại số 0912.xxx.xxx".',
        'Sau khi giả danh cán bộ ngân hàng, đối tượng nhắn: "Hãy liên hệ số 0912.xxx.xxx".',
        'Đối tượng gửi tin nhắn có nội dung "gọi cho Phòng Cảnh sát hình sự, số 0912.xxx.xxx".',
    ],
)
def test_the_scammers_quote_is_still_read_by_its_ends(source: str) -> None:
    """The scammer quoted, named in the words introducing the quote or, when those name no one
    («…, nói:»), in its sentence: the number is the caller's, hidden on purpose."""
    assert _read_by_its_ends(source)


@pytest.mark.parametrize(
    "source",
    [
        "Người dân phát hiện đối tượng khả nghi, liên hệ Công an xã Tân Phú: 0912.xxx.xxx.",
        "Người dân phát hiện đối tượng khả nghi báo ngay cho Công an xã Tân Phú: 0912.xxx.xxx.",
        "Mọi tin báo gửi về Trực ban Công an xã Tân Phú: 0912.xxx.xxx.",
        "Liên hệ Công an xã Tân Phú (0912.xxx.xxx).",
        "Khi bị lừa đảo, bà con báo ngay cho Công an xã Tân Phú, số 0912.xxx.xxx.",
    ],
)
def test_the_units_number_after_a_scam_word_is_held(source: str) -> None:
    """«Người dân phát hiện đối tượng khả nghi, liên hệ Công an xã Tân Phú: 0912.xxx.xxx.» was
    read by its first digits: a scam word before the call, in another clause or told by the
    listener who calls, made it the scammer's; «gửi về Trực ban …», «(0912.xxx.xxx)» named no
    call. The unit's number still to be filled in holds the item (Q1)."""
    assert _held(source)


@pytest.mark.parametrize(
    "source",
    [
        "Đối tượng nhắn tin cho nạn nhân, yêu cầu liên hệ Công an xã Tân Phú: 0912.xxx.xxx.",
        "Nạn nhân đã liên hệ đồng chí Trần Văn Tú, số 0912.xxx.xxx.",
        "Đối tượng giả danh Công an xã Tân Phú, dùng số 0912.xxx.xxx gọi cho nạn nhân.",
    ],
)
def test_someone_elses_call_to_a_unit_is_still_read_by_its_ends(source: str) -> None:
    """A call told of (the scammer's demand, the victim's call): the number is read by its ends."""
    assert _read_by_its_ends(source)
