"""Session 80 (helper radiomend3): the review of radiomend2's bare «mã» lists, IDs and accounts
money moved on to, and Q5 for spaced dates and spans."""

from __future__ import annotations

import pytest

from publish.radio.flags import WARNING
from publish.radio.normalise import normalise
from tests.test_radio_review_tk2 import NEAR, no_digit, on_air, told


def test_an_84_run_after_a_code_is_still_told() -> None:
    """Read as a phone with no word to the editor (privacy regression; main: R9.6)."""
    spoken = normalise("Mã 1234567 hoặc 84912345678 bị khóa.", near=NEAR)
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [
        ("R9.6", WARNING, "84912345678")
    ]
    assert "không chín một hai" not in spoken.text


# Two numbers after a bare «mã»: each digit by digit, «và» between, a phone's grouped as a
# phone's; they ran together, or the second was an amount («một trăm hai mươi ba triệu …»).
TWO_NUMBERS_AFTER_A_BARE_MA = [
    (
        "Mã 123456789 0912345678.",
        "Mã một hai ba, bốn năm sáu, bảy tám chín và không chín một hai, ba bốn năm, sáu bảy tám.",
    ),
    (
        "Mã 0912345678 123456789.",
        "Mã không chín một hai, ba bốn năm, sáu bảy tám và một hai ba, bốn năm sáu, bảy tám chín.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), TWO_NUMBERS_AFTER_A_BARE_MA)
def test_two_numbers_after_a_bare_ma_are_read_apart_digit_by_digit(
    source: str, expected: str
) -> None:
    assert on_air(source) == (expected, [])


# An ID moved on to another was called an account: «… sang tài khoản khác».
ID_MOVED_ON_TO_ANOTHER = [
    (
        "Đối tượng đổi CCCD 001203001234 sang 001203001235.",
        "Đối tượng đổi căn cước công dân sang số khác.",
    ),
    ("CMND số 123456789 => 001203001234.", "Chứng minh nhân dân sang số khác."),
    (
        "Số CCCD 001203001234 qua 001203001235 đều giả.",
        "Số căn cước công dân qua số khác đều giả.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), ID_MOVED_ON_TO_ANOTHER)
def test_an_id_moved_on_to_another_is_no_account(source: str, expected: str) -> None:
    assert on_air(source) == (expected, ["R9.5", "R9.5"])


# After «chuyển từ TK 1234», the account money went on to lost its «sang» or «khác».
MOVED_ON_FROM_A_SHORT_CODE = [
    "Chuyển từ TK 1234 sang 0123456789.",
    "Chuyển từ TK 1234 sang TK 0123456789.",
]


@pytest.mark.parametrize("source", MOVED_ON_FROM_A_SHORT_CODE)
def test_money_moved_on_from_a_short_code_says_where_it_went(source: str) -> None:
    assert on_air(source) == (
        "Chuyển từ tài khoản một hai ba bốn, sang tài khoản khác.",
        ["R9.5"],
    )
    assert told(source) == [("số tài khoản ngân hàng", "012*****89")]


# «chuyển sang/qua TK» names an account as «chuyển vào TK» does: it was read in full with
# only R14.6's (and R9.6's) warnings, and the website told nothing.
MOVED_INTO_AN_ACCOUNT = [
    ("Chuyển sang TK 0123456789.", "Chuyển sang tài khoản.", ["012*****89"]),
    (
        "Chuyển qua TK 0123456789 sang TK 9876543210.",
        "Chuyển qua tài khoản sang tài khoản khác.",
        ["012*****89", "987*****10"],
    ),
]


@pytest.mark.parametrize(("source", "expected", "masked"), MOVED_INTO_AN_ACCOUNT)
def test_an_account_money_is_moved_sang_or_qua_is_dropped_and_told(
    source: str, expected: str, masked: list[str]
) -> None:
    script, codes = on_air(source)
    assert (script, codes) == (expected, ["R9.5"] * len(masked))
    assert no_digit(script)
    assert told(source) == [("số tài khoản ngân hàng", each) for each in masked]


# Q5: a spaced span or date read as a list with no word to the editor.
SPACED_DATE_OR_SPAN = [
    ("Trong 3 5 ngày tới, trời mưa.", "3 5"),
    ("Khoảng 3 5 ngày sau, đối tượng ra đầu thú.", "3 5"),
    ("Trong 3 5 ngày qua, có nhiều vụ.", "3 5"),
    ("Ngày 15 3 xảy ra vụ cháy.", "15 3"),
    ("Hôm 15 3 vừa qua, có vụ cháy.", "15 3"),
    ("Đêm 30 4 có pháo hoa.", "30 4"),
    ("Sáng 12 3 2024 có vụ cháy.", "12 3 2024"),
    # Pinned as not flagged by radiomend2's own test, which pinned a miss: most likely 5/3.
    ("Ngày 5 3 đối tượng bị bắt.", "5 3"),
]


@pytest.mark.parametrize(("source", "excerpt"), SPACED_DATE_OR_SPAN)
def test_a_spaced_date_or_span_is_flagged(source: str, excerpt: str) -> None:
    spoken = normalise(source, near=NEAR)
    assert [(f.code, f.excerpt) for f in spoken.flags] == [("Q5", excerpt)]
