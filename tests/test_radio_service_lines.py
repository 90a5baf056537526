"""The numbers to call as a bulletin lists them («Công an: 113; Cứu hỏa: 114; Cấp cứu: 115»):
each service number is said digit by digit (R9.3), the police's too."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Công an: 113; Cứu hỏa: 114; Cấp cứu: 115.", "Công an: một một ba; Cứu hỏa: một một bốn; Cấp cứu: một một năm."),
        ("Số cần nhớ:\n☎️ Công an: 113\n🚒 Cứu hỏa: 114\n", "Số cần nhớ: Công an: một một ba, Cứu hỏa: một một bốn."),
        ("Báo ngay cho Công an : 113.", "Báo ngay cho Công an: một một ba."),
    ],
)  # fmt: skip
def test_the_police_s_number_after_its_name_and_a_colon_is_said_digit_by_digit(
    source: str, expected: str
) -> None:
    """«Công an: 113» was read «một trăm mười ba» beside «Cứu hỏa: một một bốn»: «Công an» was
    no service word, unlike «cứu hỏa», «cấp cứu», «cảnh sát»."""
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Công an huyện bắt 113 đối tượng.", "Công an huyện bắt một trăm mười ba đối tượng."),
        ("Công an xã: 113 vụ việc đã giải quyết.", "Công an xã: một trăm mười ba vụ việc đã giải quyết."),
        ("Công an 113 xã đã ra quân.", "Công an một trăm mười ba xã đã ra quân."),
        ("Trong đó, Công an: 113 đồng chí; Quân sự: 50 đồng chí.", "Trong đó, Công an: một trăm mười ba đồng chí; Quân sự: năm mươi đồng chí."),
        ("Đơn vị Công an: 111 hồ sơ.", "Đơn vị Công an: một trăm mười một hồ sơ."),
    ],
)  # fmt: skip
def test_a_count_after_the_police_is_still_a_count(source: str, expected: str) -> None:
    """Only «Công an» right before the colon, and no word after the number, names the number to
    call: a force broken down («Công an: 113 đồng chí») is counted."""
    assert normalise(source).text == expected
