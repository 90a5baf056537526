"""Session 78 (helper radio4), review of the merge of s78-radio3: «Hạng» after a capitalised
word, service numbers listed with dashes."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise, normalise_fragment

# A results list written one line per place: Markdown joins the soft line break, and the
# capitalised word ending the line before («Tân Phú», «Nam») was taken for a person's family or
# middle name, «Hạng hai» instead of «Hạng nhì» (R10.3). A capitalised word in a title-case name
# of no person («Huy chương Vàng», «Việt Nam») was taken so too.
RANKS_AFTER_A_CAPITAL = [
    (
        "Hạng 1: đội Công an xã Tân Phú\nHạng 2: đội Công an xã Bình Minh",
        "Hạng nhất: đội Công an xã Tân Phú Hạng nhì: đội Công an xã Bình Minh.",
    ),
    (
        "Giải thưởng trao cho anh Nguyễn Văn Nam\nHạng 1 thuộc về xã A.",
        "Giải thưởng trao cho anh Nguyễn Văn Nam Hạng nhất thuộc về xã A.",
    ),
    ("Huy chương Vàng Hạng 1.", "Huy chương Vàng Hạng nhất."),
    ("Đội tuyển Việt Nam Hạng 1 bảng B.", "Đội tuyển Việt Nam Hạng nhất bảng B."),
    ("Đội Hà Nội Hạng 1.", "Đội Hà Nội Hạng nhất."),
]


@pytest.mark.parametrize(("source", "expected"), RANKS_AFTER_A_CAPITAL)
def test_a_rank_after_a_capitalised_word_of_no_name_is_a_rank(source: str, expected: str) -> None:
    assert normalise(source).text == expected


# Still a person's name: a common full name, a surname alone, a word addressing a person, at a
# sentence's start too, and bold marks inside the name on its line.
NAMES_ENDING_IN_HANG = [
    ("Bà Nguyễn Thị Thu Hạng 2 lần vi phạm.", "Bà Nguyễn Thị Thu Hạng hai lần vi phạm."),
    ("Chị **Lê Hạng** 2 lần vi phạm.", "Chị Lê Hạng hai lần vi phạm."),
    ("Ông Hạng 2 con.", "Ông Hạng hai con."),
    ("Khen thưởng:\nông Trần Văn Hạng 2 lần.", "Khen thưởng: ông Trần Văn Hạng hai lần."),
]


@pytest.mark.parametrize(("source", "expected"), NAMES_ENDING_IN_HANG)
def test_a_person_named_hang_is_still_no_rank(source: str, expected: str) -> None:
    assert normalise(source).text == expected


def test_hang_in_a_place_s_name_after_its_kind_is_no_rank() -> None:
    """«Xã Tân Hạng 2»: a capital «Hạng» right after a place's kind and its name's word is part
    of the place's name, numbered as places are («ấp Tân Hạng 2»), not a place in a ranking."""
    assert normalise("Xã Tân Hạng 2.").text == "Xã Tân Hạng hai."
    assert normalise_fragment("ấp Tân Hạng 2").text == "ấp Tân Hạng hai"


# Service numbers listed with spaced dashes (R9.3): after the first, each was taken for a range's
# end, «một một ba, từ một trăm mười bốn đến một trăm mười lăm»; the number after a phone
# number and a dash, a count. With commas, slashes, «Gọi» they were read digit by digit already.
SERVICE_LISTS_WITH_DASHES = [
    ("📞 113 - 114 - 115", "Số một một ba, một một bốn, một một năm."),
    ("📞 113 – 114 – 115", "Số một một ba, một một bốn, một một năm."),
    ("Số khẩn cấp: 113 - 114 - 115.", "Số khẩn cấp: một một ba, một một bốn, một một năm."),
    ("☎️ 0277 3610 113 – 113", "Số không hai bảy bảy, ba sáu một không, một một ba, một một ba."),
]


@pytest.mark.parametrize(("source", "expected"), SERVICE_LISTS_WITH_DASHES)
def test_service_numbers_listed_with_dashes_are_each_said_digit_by_digit(
    source: str, expected: str
) -> None:
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("từ 8 - 10 người", "Từ tám đến mười người."),
        ("từ 111 - 115 hộ", "Từ một trăm mười một đến một trăm mười lăm hộ."),
        ("Có 113 - 115 hộ bị ảnh hưởng.", "Có từ một trăm mười ba đến một trăm mười lăm hộ bị ảnh hưởng."),
    ],
)  # fmt: skip
def test_a_range_of_counts_with_a_dash_is_still_a_range(source: str, expected: str) -> None:
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("112 hộ dân", "Một trăm mười hai hộ dân."),
        ("📞 112 hộ dân", "Một trăm mười hai hộ dân."),
        ("📞 113 cuộc gọi", "Một trăm mười ba cuộc gọi."),
        ("Tổng số: 112.", "Tổng số: một trăm mười hai."),
        ("nhà số 112 đường Lê Lợi", "Nhà số một trăm mười hai đường Lê Lợi."),
        ("Cảnh sát: 112 người", "Cảnh sát: một trăm mười hai người."),
    ],
)
def test_a_count_of_the_service_numbers_shape_is_still_a_count(source: str, expected: str) -> None:
    """A phone sign before a count of a service number's shape is no number's «số» (as before
    `📞 40 cuộc gọi`); a total (`Tổng số:`) is no number to call."""
    assert normalise(source).text == expected
