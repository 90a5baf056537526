"""Session 78 (helper radiow): grades, short account codes and gold read as an announcer says them.

Inputs go through `normalise_fragment` like the spec's own vectors: no sentence-start capital,
no final stop.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise_fragment

# An amount of money right after «vàng» is an amount (R5): `vàng 999,9 nghìn đồng` was said as
# gold's fineness, «vàng chín chín chín chín nghìn đồng», a price no one could follow.
GOLD_PRICES = [
    (
        "bán số vàng 999,9 nghìn đồng một chỉ",
        "bán số vàng chín trăm chín mươi chín phẩy chín nghìn đồng một chỉ",
    ),
    ("mua vàng 9999 đồng", "mua vàng chín nghìn chín trăm chín mươi chín đồng"),
    ("tiền vàng 999 triệu", "tiền vàng chín trăm chín mươi chín triệu"),
    ("khoản vàng 999 VNĐ", "khoản vàng chín trăm chín mươi chín đồng"),
]


@pytest.mark.parametrize(("source", "expected"), GOLD_PRICES)
def test_money_after_the_word_gold_is_an_amount(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


GOLD_FINENESS_KEPT = [
    (
        "trộm 10 chỉ vàng 9999 trị giá 80 triệu đồng",
        "trộm mười chỉ vàng chín chín chín chín trị giá tám mươi triệu đồng",
    ),
    ("vàng 999,9 và vàng 24K", "vàng chín chín chín chín và vàng hai mươi tư K"),
]


@pytest.mark.parametrize(("source", "expected"), GOLD_FINENESS_KEPT)
def test_golds_fineness_before_other_words_is_still_digit_by_digit(
    source: str, expected: str
) -> None:
    assert normalise_fragment(source).text == expected
