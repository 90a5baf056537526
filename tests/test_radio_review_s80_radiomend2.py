"""Session 80 (helper radiomend2): the review of radiomend's bare «mã», «- >=», arrows between
accounts and Q5 for spaced numbers."""

from __future__ import annotations

import pytest

from publish.radio.flags import WARNING
from publish.radio.normalise import normalise
from tests.test_radio_review_tk2 import NEAR, held, no_digit, on_air

# A bare «mã» before a long number read it digit by digit with no word to the editor: a phone's
# with 84, a longer run, an ID's or account's shape may be someone's (R9.6 told it before).
LONG_OR_PHONE_AFTER_A_BARE_MA = [
    ("Mã 84912345678 của đối tượng.", ["84912345678"]),
    ("Mã 840912345678 của đối tượng.", ["840912345678"]),
    ("Mã 079351234567 trên phiếu.", ["079351234567"]),
    ("Mã 840123456789 là STK.", ["840123456789"]),
    ("Mã 1084912000201 và 840912000201.", ["1084912000201", "840912000201"]),
]


@pytest.mark.parametrize(("source", "excerpts"), LONG_OR_PHONE_AFTER_A_BARE_MA)
def test_a_long_or_phone_shaped_number_after_a_bare_ma_is_still_told(
    source: str, excerpts: list[str]
) -> None:
    spoken = normalise(source, near=NEAR)
    told = [(f.code, f.severity, f.excerpt) for f in spoken.flags]
    assert told == [("R9.6", WARNING, excerpt) for excerpt in excerpts]


def test_a_phone_after_a_bare_ma_is_read_as_a_phone() -> None:
    """Grouped as a mobile's (4-3-3), as on main, not as a code's threes."""
    assert on_air("Mã 0912345678.") == ("Mã không chín một hai, ba bốn năm, sáu bảy tám.", [])


def test_a_card_in_two_halves_after_a_bare_ma_is_held() -> None:
    """Read as two amounts of tens of millions, unflagged: a card's number on air."""
    assert held("Mã 41111111 11111111 của thẻ.") == ["411***********11"]
    assert "triệu" not in on_air("Mã 41111111 11111111 của thẻ.")[0]


# `- >=` after a figure with no «từ» before it is a dash's pause and «không dưới»: the
# comparison was lost («Ngày năm tháng ba, mười vụ.»).
AT_LEAST_AFTER_A_FIGURE = [
    ("Ngày 5/3 - >= 10 vụ.", "Ngày năm tháng ba, không dưới mười vụ."),
    ("Năm 2023 - >= 100 vụ.", "Năm hai nghìn không trăm hai mươi ba, không dưới một trăm vụ."),
]


@pytest.mark.parametrize(("source", "expected"), AT_LEAST_AFTER_A_FIGURE)
def test_at_least_after_a_figure_without_tu_keeps_its_comparison(
    source: str, expected: str
) -> None:
    assert on_air(source) == (expected, [])


# The account money went on to was dropped with its «sang», «qua» or arrow: «Chuyển từ tài
# khoản.» no longer said where it went.
MONEY_MOVED_ON_SAID = [
    ("Chuyển từ TK 0123456789 sang TK 9876543210.", "Chuyển từ tài khoản sang tài khoản khác."),
    (
        "Từ tài khoản 123456789 sang 987654321 ngày 5/3.",
        "Từ tài khoản sang tài khoản khác ngày năm tháng ba.",
    ),
    (
        "Chuyển tiền từ tài khoản 123456789 qua TK 987654321.",
        "Chuyển tiền từ tài khoản qua tài khoản khác.",
    ),
    (
        "Chuyển tiền từ tài khoản 123456789 → 987654321.",
        "Chuyển tiền từ tài khoản sang tài khoản khác.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), MONEY_MOVED_ON_SAID)
def test_the_account_money_went_on_to_is_named_without_its_digits(
    source: str, expected: str
) -> None:
    script, codes = on_air(source)
    assert script == expected
    assert codes == ["R9.5", "R9.5"]
    assert no_digit(script)


def test_two_short_codes_either_side_of_sang_read_alike() -> None:
    """The second was an amount after an unread «TK» (R14.6, blocking)."""
    assert on_air("Chuyển từ TK 1234 sang TK 5678.") == (
        "Chuyển từ tài khoản một hai ba bốn, sang tài khoản năm sáu bảy tám.",
        [],
    )


# Q5 asked about spaced numbers beside any date's or time's word, even one naming a time of
# its own («năm học», «tháng trước», «ngày hôm qua»), a count after «hôm» («Hôm 5 3 đối tượng»)
# or a rough count («Khoảng 20 30 người»).
NO_DATE_NOR_TIME = [
    "Lớp 10 11 12 năm học mới.",
    "Xe 29 30 tháng trước.",
    "Nhà số 12 14 ngày hôm qua.",
    "Hôm 5 3 đối tượng bị bắt.",
    "Khoảng 20 30 người tụ tập.",
]


@pytest.mark.parametrize("source", NO_DATE_NOR_TIME)
def test_spaced_numbers_that_are_no_date_nor_time_are_not_flagged(source: str) -> None:
    assert "Q5" not in on_air(source)[1]


def test_a_spaced_time_before_a_comma_is_flagged() -> None:
    """The comma after `7 30` hid the run from Q5."""
    spoken = normalise("Lúc 7 30, đối tượng bỏ chạy.", near=NEAR)
    assert [(f.code, f.excerpt) for f in spoken.flags] == [("Q5", "7 30")]
