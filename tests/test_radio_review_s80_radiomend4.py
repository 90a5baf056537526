"""Session 80 (helper radiomend4): the review of radiomend3's «chuyển sang/qua TK» rule, its
search for money moved on from an account, and Q5 before a count of culprits."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise
from tests.test_radio_review_tk2 import NEAR, held, no_digit, on_air, told

ACCOUNT = "số tài khoản ngân hàng"

# The rule reached past other words to any number: a phone after «anh Nam» or «SĐT» went from
# the air and was told as an account; a 1900 line the listener needs was dropped.
NOT_RIGHT_AFTER_TK = [
    (
        "Chuyển sang TK rồi anh Nam 0912345678 gọi lại.",
        "không chín một hai, ba bốn năm, sáu bảy tám",
    ),
    ("Chuyển sang TK (SĐT 0912345678).", "không chín một hai, ba bốn năm, sáu bảy tám"),
    ("Chuyển qua TK 1900 1234.", "một chín không không, một hai ba bốn"),
]


@pytest.mark.parametrize(("source", "read"), NOT_RIGHT_AFTER_TK)
def test_a_phone_or_hotline_past_chuyen_sang_tk_is_no_account(source: str, read: str) -> None:
    assert [f for f in told(source) if f[0] == ACCOUNT] == []
    script, codes = on_air(source)
    assert read in script
    assert "tài khoản" not in script
    assert "R9.5" not in codes
    assert held(source) == []


# Files, batches and years move «sang TK» too: they were told as accounts and dropped, or a
# year read digit by digit as an account's short code («tài khoản hai không hai bốn»).
ORDINARY_NUMBERS = [
    ("Hồ sơ chuyển sang TK 123456 xử lý.", "một trăm hai mươi ba nghìn bốn trăm năm mươi sáu"),
    ("Chuyển sang TK 12345678 là mã lô.", "mười hai triệu ba trăm bốn mươi lăm nghìn"),
    ("Chuyển sang TK 2024 để lưu trữ.", "hai nghìn không trăm hai mươi tư"),
]


@pytest.mark.parametrize(("source", "read"), ORDINARY_NUMBERS)
def test_a_number_too_short_for_an_account_after_chuyen_sang_tk_is_not_told(
    source: str, read: str
) -> None:
    assert told(source) == []
    script, codes = on_air(source)
    assert read in script
    assert "tài khoản" not in script
    assert "R9.5" not in codes


# What radiomend3 fixed stays fixed: an account's number right after «TK», its «số», a colon
# or a bank's name between.
ACCOUNTS_RIGHT_AFTER_TK = [
    ("Chuyển sang TK số 0123456789.", "Chuyển sang tài khoản.", "012*****89"),
    ("Chuyển qua TK: 0123 4567 89.", "Chuyển qua tài khoản.", "012*****89"),
    ("Chuyển sang TK Vietcombank 0123456789012.", "Chuyển sang tài khoản.", "012********12"),
    ("Chuyển sang TK 123456789 của bị hại.", "Chuyển sang tài khoản của bị hại.", "123****89"),
]


@pytest.mark.parametrize(("source", "expected", "masked"), ACCOUNTS_RIGHT_AFTER_TK)
def test_an_account_right_after_chuyen_sang_tk_is_still_dropped_and_told(
    source: str, expected: str, masked: str
) -> None:
    script, codes = on_air(source)
    assert (script, codes) == (expected, ["R9.5"])
    assert no_digit(script)
    assert told(source) == [(ACCOUNT, masked)]


@pytest.mark.parametrize("source", ["Trong đêm 2 3 tên cướp bỏ chạy.", "Đêm 2 3 kẻ gian đột nhập."])
def test_culprits_counted_after_a_spaced_run_are_no_date(source: str) -> None:
    assert [f.code for f in normalise(source, near=NEAR).flags] == []
