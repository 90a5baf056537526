"""Session 78 (helper radio3): comparison signs, the informal-money hint, and a person named Hạng.

Inputs go through `normalise_fragment` like the spec's own vectors: no sentence-start capital,
no final stop.
"""

from __future__ import annotations

import re

import pytest

from publish.radio.normalise import normalise, normalise_fragment

# `≥`, `≤` before a number read as the words of the comparison (R12.2, as `>` «hơn», `<`
# «dưới»): `≥` is «không dưới», `≤` «không quá»; they held the item as an unread sign (Q2).
AT_LEAST_AT_MOST = [
    ("chỉ tiêu ≥ 85%", "chỉ tiêu không dưới tám mươi lăm phần trăm"),
    ("tỷ lệ ≤ 5%", "tỷ lệ không quá năm phần trăm"),
    ("đạt ≥90 %", "đạt không dưới chín mươi phần trăm"),
    (
        "nồng độ cồn ≤0,25 mg/lít khí thở",
        "nồng độ cồn không quá không phẩy hai mươi lăm mi-li-gam trên lít khí thở",
    ),
    # «từ» already says the lower bound: no «từ không dưới».
    ("vi phạm từ ≥ 3 lần", "vi phạm từ ba lần"),
    ("Từ ≥ 3 lần", "Từ ba lần"),
]


@pytest.mark.parametrize(("source", "expected"), AT_LEAST_AT_MOST)
def test_at_least_and_at_most_before_a_number_are_read(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert spoken.text == expected
    assert [f.code for f in spoken.flags if f.code == "Q2"] == []


def test_at_least_opening_a_sentence_is_read_with_its_capital() -> None:
    spoken = normalise("≥ 3 lần vi phạm thì bị thu hồi giấy phép.")
    assert spoken.text == "Không dưới ba lần vi phạm thì bị thu hồi giấy phép."


@pytest.mark.parametrize("source", ["điểm ≥ A", "x ≥ y", "tỷ lệ ≤ mức trần"])
def test_at_least_before_no_number_is_still_held_as_a_sign(source: str) -> None:
    spoken = normalise_fragment(source)
    assert spoken.text == source
    assert [f.code for f in spoken.flags] == ["Q2"]


# The informal-money warning's example is the editor's own amount written out (R5.4): it said
# «ví dụ «50.000 đồng»» for every amount, for `50tr` a figure a thousand times too small.
INFORMAL_EXAMPLES = [
    ("thiệt hại 50tr", "50tr", "50 triệu đồng"),
    ("giá 200k", "200k", "200.000 đồng"),
    ("giá 200 k", "200 k", "200.000 đồng"),
    ("vay 3 củ", "3 củ", "3 triệu đồng"),
    ("phạt 50 trđ", "50 trđ", "50 triệu đồng"),
    ("thu hồi 1,5tr", "1,5tr", "1,5 triệu đồng"),
    ("vé 1,5k", "1,5k", "1.500 đồng"),
    ("nạp 1.500k", "1.500k", "1.500.000 đồng"),
    ("lãi 12,5 củ", "12,5 củ", "12,5 triệu đồng"),
]


@pytest.mark.parametrize(("source", "written", "example"), INFORMAL_EXAMPLES)
def test_the_informal_money_hint_writes_out_the_editors_own_amount(
    source: str, written: str, example: str
) -> None:
    (flag,) = [f for f in normalise_fragment(source).flags if f.code == "R5.4"]
    assert f"«{written}»" in flag.message
    assert re.findall(r"ví dụ «([^»]+)»", flag.message) == [example]


def test_each_amount_of_an_informal_range_has_its_own_example() -> None:
    flags = [f for f in normalise_fragment("từ 500k-1tr").flags if f.code == "R5.4"]
    assert [re.findall(r"ví dụ «([^»]+)»", f.message) for f in flags] == [
        ["500.000 đồng"],
        ["1 triệu đồng"],
    ]


# A person named Hạng and a number after the name (`Trần Văn Hạng 2`, `ông Hạng 2 con`): the
# number was read as a place in a ranking, «Hạng nhì», as after the word «hạng» (R10.3).
NAMED_HANG = [
    ("giáo viên Trần Văn Hạng 2", "giáo viên Trần Văn Hạng hai"),
    ("ông Hạng 2 con", "ông Hạng hai con"),
    ("bà Nguyễn Thị Hạng 1 lần vi phạm", "bà Nguyễn Thị Hạng một lần vi phạm"),
    ("anh Hạng 2 lần bị xử phạt", "anh Hạng hai lần bị xử phạt"),
    ("chị Hạng 1 mình đi", "chị Hạng một mình đi"),
    ("em Hạng 2 tuổi", "em Hạng hai tuổi"),
]


@pytest.mark.parametrize(("source", "expected"), NAMED_HANG)
def test_a_person_named_hang_before_a_number_is_no_rank(source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("đội bóng xếp hạng 2", "đội bóng xếp hạng nhì"),
        ("đạt hạng 1 toàn huyện", "đạt hạng nhất toàn huyện"),
        ("Hạng 2 thuộc về xã Tân Lập", "Hạng nhì thuộc về xã Tân Lập"),
        ("ông ấy đạt Hạng 1", "ông ấy đạt Hạng nhất"),
    ],
)
def test_a_rank_after_no_name_is_still_a_rank(source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected
