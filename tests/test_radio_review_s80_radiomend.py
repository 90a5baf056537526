"""Session 80 (helper radiomend): the review of s80-radio's arrows, side-by-side numbers, degrees.

An account's number after an arrow, «sang» or «qua» from another is where the money went:
someone's account too, dropped on air (R9.5) and told by the website's check (Q6).
"""

from __future__ import annotations

import pytest

from publish.radio.flags import WARNING
from publish.radio.normalise import normalise
from tests.test_radio_review_tk2 import ACCOUNT, NEAR, held, no_digit, on_air, told

# The second account was read out: in groups after «=>», as an amount after «sang» («chín trăm
# tám mươi bảy triệu …»), digit by digit after «-> TK» with only a warning; the website told
# only the first (or, after «Chuyển từ TK», none).
MONEY_MOVED_ON = [
    (
        "Bị hại chuyển 3 lần vào STK 1903 6789 0123 => 0123 4567 890.",
        ["190*******23", "012******90"],
    ),
    ("Chuyển tiền từ tài khoản 123456789 => 987654321.", ["123****89", "987****21"]),
    ("Chuyển tiền từ tài khoản 1903 6789 0123 => 1903 1234.", ["190*******23", "190***34"]),
    ("Chuyển tiền từ tài khoản 123456789 sang 987654321.", ["123****89", "987****21"]),
    ("Chuyển tiền từ tài khoản 123456789 qua TK 987654321.", ["123****89", "987****21"]),
    ("Chuyển tiền từ tài khoản 123456789 → 987654321.", ["123****89", "987****21"]),
    ("Chuyển từ TK 0123456789 -> TK 9876543210", ["012*****89", "987*****10"]),
    ("Chuyển tiền từ TK 0123456789 = > STK 9876543210.", ["012*****89", "987*****10"]),
]


@pytest.mark.parametrize(("text", "masked"), MONEY_MOVED_ON)
def test_an_account_after_an_arrow_from_an_account_is_dropped_and_told(
    text: str, masked: list[str]
) -> None:
    assert told(text) == [(ACCOUNT, value) for value in masked]
    script, codes = on_air(text)
    assert codes.count("R9.5") == len(masked)
    assert no_digit(script)


def test_an_amount_or_a_count_after_an_accounts_arrow_is_still_read() -> None:
    """The arrow joins only a number as long as an account's with no money or count after it."""
    assert on_air("STK 0123456789 => 5 triệu đồng.")[0] == "Tài khoản, năm triệu đồng."
    assert on_air("STK 0123456789 qua 3 lần.")[0] == "Tài khoản qua ba lần."


# A bare «mã» before a long run of digits names a code: «Mã một trăm hai mươi ba triệu …, chín
# trăm tám mươi bảy triệu …» was read, two amounts; each code digit by digit, as `mã hồ sơ` is.
CODES_AFTER_A_BARE_MA = [
    (
        "Mã 123456789 987654321.",
        "Mã một hai ba, bốn năm sáu, bảy tám chín và chín tám bảy, sáu năm bốn, ba hai một.",
    ),
    ("Mã 1234567.", "Mã một hai ba, bốn năm sáu bảy."),
    (
        "Nhập mã 123456789 987654321.",
        "Nhập mã một hai ba, bốn năm sáu, bảy tám chín và chín tám bảy, sáu năm bốn, ba hai một.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), CODES_AFTER_A_BARE_MA)
def test_a_long_code_after_ma_is_read_digit_by_digit(source: str, expected: str) -> None:
    assert on_air(source) == (expected, [])


def test_a_citizen_id_after_a_bare_ma_is_still_held() -> None:
    """A bare «mã» may name someone's number, as «nhập mã» does: a CCCD's shape holds (R9.6)."""
    assert held("Mã 087203001234.") == ["087*******34"]
    assert told("Mã 087203001234.") == [("số CCCD (12 chữ số)", "087*******34")]


# Numbers with only spaces between them are read as a list since s80-radio: beside a date's or
# a time's word the writer may have meant a date, a time or a span, and nothing asked (Q5).
SPACED_DATES_OR_TIMES = [
    ("Ngày 12 3 2024 xảy ra vụ việc.", "12 3 2024"),
    ("Lúc 7 30 sáng.", "7 30"),
    ("Trong 3 5 ngày.", "3 5"),
]


@pytest.mark.parametrize(("source", "excerpt"), SPACED_DATES_OR_TIMES)
def test_spaced_numbers_beside_a_date_or_time_word_are_flagged(source: str, excerpt: str) -> None:
    spoken = normalise(source, near=NEAR)
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("Q5", WARNING, excerpt)]


def test_a_spaced_span_is_still_read_as_two_numbers() -> None:
    assert on_air("Trong 3 5 ngày.")[0] == "Trong ba, năm ngày."


@pytest.mark.parametrize("source", ["Các năm 2019 2020 2021 đều tăng.", "Tỷ số 2 1."])
def test_spaced_years_or_a_score_are_not_flagged(source: str) -> None:
    assert on_air(source)[1] == []


# «từ … => …» read its «đến» only between short figures: amounts over five digits were taken
# for phones («Từ một triệu, năm triệu đồng»), and a label before each end or «nay» as the
# second end left the arrow a pause («Từ ki-lô-mét năm, ki-lô-mét mười»).
ARROW_RANGES = [
    ("Từ 1000000 => 5000000 đồng.", "Từ một triệu đến năm triệu đồng."),
    ("Từ km 5 => km 10.", "Từ ki-lô-mét năm đến ki-lô-mét mười."),
    ("Từ năm 2019 => nay.", "Từ năm hai nghìn không trăm mười chín đến nay."),
]


@pytest.mark.parametrize(("source", "expected"), ARROW_RANGES)
def test_an_arrow_range_after_tu_reads_den(source: str, expected: str) -> None:
    assert on_air(source) == (expected, [])


def test_phones_before_a_count_open_no_range() -> None:
    """A leading 0 is a phone's: «cuộc gọi» after it makes no amounts of the two numbers."""
    script = on_air("Từ 0912345678 => 0987654321 cuộc gọi.")[0]
    assert "đến" not in script


# A coordinate's minutes: «mười độ hai mươi'.» kept the stray «'» unflagged; unspaced, «°» before
# a digit blocked (Q2). Degrees, minutes and seconds are read.
ANGLES = [
    ("Tọa độ 10° 20'.", "Tọa độ mười độ hai mươi phút."),
    ("Tọa độ 10°20'.", "Tọa độ mười độ hai mươi phút."),
    ("Tọa độ 10°20'30\" vĩ Bắc.", "Tọa độ mười độ hai mươi phút ba mươi giây vĩ Bắc."),
]


@pytest.mark.parametrize(("source", "expected"), ANGLES)
def test_degrees_and_minutes_are_read(source: str, expected: str) -> None:
    assert on_air(source) == (expected, [])


def test_at_least_after_a_dash_pause_is_still_read() -> None:
    """`- >=` between a word and a number is a dash and «không dưới», no arrow («Kết quả, năm
    vụ» dropped the comparison); between two figures it stays the arrow of a range."""
    assert on_air("Kết quả - >= 5 vụ.") == ("Kết quả, không dưới năm vụ.", [])
    assert on_air("Từ 7h - >= 11h.")[0] == "Từ bảy giờ đến mười một giờ."
