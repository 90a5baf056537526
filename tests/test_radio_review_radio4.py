"""Session 78 (helper radio4), review of the merge of s78-radio3: «Hạng» after a capitalised
word, service numbers listed with dashes, 112."""

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
