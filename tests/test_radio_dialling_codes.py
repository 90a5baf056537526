"""Dialling prefixes and country codes (session 66 review): said digit by digit like the phone
numbers they open (R9.2, R9.3), never as an amount («hai mươi tư») or a rise («tăng tám mươi tư»).

Inputs go through `normalise_fragment` like the spec's own vectors: no sentence-start capital,
no final stop.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise, normalise_fragment

PREFIXES = [
    ("cuộc gọi từ đầu số +84", "cuộc gọi từ đầu số cộng tám bốn"),
    ("các mã vùng +855, +856", "các mã vùng cộng tám năm năm, cộng tám năm sáu"),
    ("mã quốc gia +1", "mã quốc gia cộng một"),
    ("cuộc gọi từ đầu số 024, 028", "cuộc gọi từ đầu số không hai bốn, không hai tám"),
    ("mã vùng 028", "mã vùng không hai tám"),
    ("đầu số là 024", "đầu số là không hai bốn"),
    (
        "số điện thoại bắt đầu bằng 089 hoặc 070",
        "số điện thoại bắt đầu bằng không tám chín hoặc không bảy không",
    ),
    ("đầu số 1900", "đầu số một chín không không"),
    ("các đầu số 1800 và 1900", "các đầu số một tám không không và một chín không không"),
    # Four digits with a leading zero were read digit by digit already; they still are.
    ("đầu số 0272", "đầu số không hai bảy hai"),
    ("đầu số 0868", "đầu số không tám sáu tám"),
    # After a phone word, a country code alone is dialled too.
    ("gọi +84", "gọi cộng tám bốn"),
]


@pytest.mark.parametrize(("source", "expected"), PREFIXES)
def test_a_dialling_prefix_is_read_digit_by_digit(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_prefix_the_sentence_goes_on_after_gets_a_breath_pause() -> None:
    """As after a whole phone number (R9.2): «không bảy không gọi đến» ran the last digit into
    the next word."""
    spoken = normalise("Người dân cảnh giác với số điện thoại bắt đầu bằng 089 hoặc 070 gọi đến.")
    assert spoken.text == (
        "Người dân cảnh giác với số điện thoại bắt đầu bằng không tám chín hoặc không bảy "
        "không, gọi đến."
    )


FOREIGN_NUMBERS = [
    ("gọi +1 (213) 555-0123", "gọi cộng một, hai một ba, năm năm năm, không một hai ba"),
    (
        "cuộc gọi từ số +855 12 345 678 tự xưng là công an",
        "cuộc gọi từ số cộng tám năm năm, một hai, ba bốn năm, sáu bảy tám, tự xưng là công an",
    ),
    # A landline with the country code, which the rule for +84 and nine digits does not take.
    (
        "liên hệ +84 28 3829 7143 để được hỗ trợ",
        "liên hệ cộng tám bốn, hai tám, ba tám hai chín, bảy một bốn ba, để được hỗ trợ",
    ),
]


@pytest.mark.parametrize(("source", "expected"), FOREIGN_NUMBERS)
def test_a_number_with_a_country_code_is_read_in_its_groups(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# A plus before a share or an amount is still a rise, a leading zero before a count a count.
STILL_AMOUNTS = [
    ("tăng 3 vụ (+10%) so với", "tăng ba vụ, tăng mười phần trăm, so với"),
    ("số vụ tăng +2", "số vụ tăng hai"),
    ("thu ngân sách (+1 500 000 đồng)", "thu ngân sách, tăng một triệu năm trăm nghìn đồng,"),
    ("bắt đầu bằng 01 câu hỏi", "bắt đầu bằng một câu hỏi"),
    ("đầu số này có 02 đối tượng", "đầu số này có hai đối tượng"),
    ("mã vùng 28 tỉnh", "mã vùng hai mươi tám tỉnh"),
]


@pytest.mark.parametrize(("source", "expected"), STILL_AMOUNTS)
def test_rises_and_counts_are_not_dialling_codes(source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected
