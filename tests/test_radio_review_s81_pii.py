"""Session 81 (helper pii81): session 80's personal-number leftovers, on both channels.

«chuyển vào TK» names an account only by an account's number right after `TK`, as «chuyển
sang/qua TK» does; an amount after a tax code's «là» is money; each account of a list typed on
following lines, and one a blank line after its label, is told on the website and kept off air.
"""

from __future__ import annotations

import pytest

from tests.test_radio_review_tk2 import held, no_digit, on_air, told

ACCOUNT = "số tài khoản ngân hàng"

# A bare «chuyển vào TK» was taken as money paid in: any number after it, past other words, was
# an account's — a phone after «anh Nam» and a 1900 line went from the air and were told, a
# file's short number was dropped.
NOT_AN_ACCOUNT_AFTER_CHUYEN_VAO_TK = [
    (
        "Chuyển vào TK rồi anh Nam 0912345678 gọi lại.",
        "không chín một hai, ba bốn năm, sáu bảy tám",
    ),
    ("Chuyển vào TK 1900 1234.", "một chín không không, một hai ba bốn"),
    ("Hồ sơ chuyển vào TK 123456 xử lý.", "một trăm hai mươi ba nghìn bốn trăm năm mươi sáu"),
]


@pytest.mark.parametrize(("source", "read"), NOT_AN_ACCOUNT_AFTER_CHUYEN_VAO_TK)
def test_a_phone_hotline_or_short_number_after_chuyen_vao_tk_is_no_account(
    source: str, read: str
) -> None:
    assert [f for f in told(source) if f[0] == ACCOUNT] == []
    script, codes = on_air(source)
    assert read in script
    assert "tài khoản" not in script
    assert "R9.5" not in codes
    assert held(source) == []


# An account's number right after «chuyển vào TK» stays one: told, and kept off air.
ACCOUNT_AFTER_CHUYEN_VAO_TK = [
    (
        "Chuyển vào TK 0123456789 của bị hại.",
        "Chuyển vào tài khoản của bị hại.",
        "012*****89",
    ),
    ("Đã chuyển vào TK Vietcombank 0123456789.", "Đã chuyển vào tài khoản.", "012*****89"),
    ("Chuyển vào TK: 0071000123456.", "Chuyển vào tài khoản.", "007********56"),
]


@pytest.mark.parametrize(("source", "expected", "masked"), ACCOUNT_AFTER_CHUYEN_VAO_TK)
def test_an_account_right_after_chuyen_vao_tk_is_dropped_and_told(
    source: str, expected: str, masked: str
) -> None:
    script, codes = on_air(source)
    assert (script, codes) == (expected, ["R9.5"])
    assert no_digit(script)
    assert told(source) == [(ACCOUNT, masked)]


TAX = "mã số thuế cá nhân"

# After a tax code's «là», a number with a currency or a scale word after it is what is owed:
# it was told as the code and dropped from the air, the sentence left saying nothing.
AMOUNT_AFTER_A_TAX_CODES_LA = [
    (
        "Ông A, MST nợ là 1234567890 đồng.",
        "một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi đồng",
    ),
    ("Ông A, MST nợ là 1234567890 VNĐ.", "tám trăm chín mươi đồng"),
    ("Ông A, MST nợ là 1234567890đ.", "tám trăm chín mươi đồng"),
    ("Mã số thuế của ông A là 1.234.567.890 đồng.", "tám trăm chín mươi đồng"),
    ("Ông A, MST nợ là 123456789012 đồng.", "không trăm mười hai đồng"),
    # Read out as any ten-digit run before «triệu» is (not dropped), whatever its form.
    ("Ông A, MST nợ là 1234567890 triệu.", "một hai ba"),
]


@pytest.mark.parametrize(("source", "read"), AMOUNT_AFTER_A_TAX_CODES_LA)
def test_an_amount_after_a_tax_codes_la_is_read_and_not_told(source: str, read: str) -> None:
    assert told(source) == []
    script, codes = on_air(source)
    assert read in script
    assert "R9.5" not in codes
    assert held(source) == []


# The code itself after «là», with no money after it, stays a person's: told and dropped.
TAX_CODE_AFTER_LA = [
    ("Ông A, MST là 1234567890.", "123*****90"),
    ("Ông A, MST nợ là 1234567890, đã bị xử phạt.", "123*****90"),
    ("Ông A, MST 1234567890 đồng.", "123*****90"),
]


@pytest.mark.parametrize(("source", "masked"), TAX_CODE_AFTER_LA)
def test_a_tax_code_after_la_with_no_amount_is_still_told_and_dropped(
    source: str, masked: str
) -> None:
    assert told(source) == [(TAX, masked)]
    script, codes = on_air(source)
    assert "R9.5" in codes
    assert no_digit(script)
