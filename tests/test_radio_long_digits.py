"""R9.6: a run of ten digits or more that no rule reads (no phone, no label, no «mã …»).

Before it, «8934567890123» was read as an amount on air («tám nghìn chín trăm ba mươi tư tỷ…»)
with no word to the editor, and a card or citizen ID number written bare was read whole.
"""

from __future__ import annotations

import pytest

from publish.radio.flags import BLOCKING, WARNING
from publish.radio.normalise import normalise


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (
            "Sản phẩm in dãy số 8934567890123 là hàng giả.",
            "8934567890123",
            "Sản phẩm in dãy số tám chín ba, bốn năm sáu, bảy tám chín, không một hai ba, là "
            "hàng giả.",
        ),
        (
            "Đối tượng nhắn tin từ số 84912345678 yêu cầu chuyển tiền.",
            "84912345678",
            "Đối tượng nhắn tin từ số tám bốn chín, một hai ba bốn, năm sáu bảy tám, yêu cầu "
            "chuyển tiền.",
        ),
        ("Hồ sơ 1234567890.", "1234567890", "Hồ sơ một hai ba, bốn năm sáu, bảy tám chín không."),
    ],
)
def test_a_long_run_of_digits_is_read_digit_by_digit_and_told(
    text: str, number: str, expected: str
) -> None:
    """No scale word («tỷ», «triệu») on air; the editor is told what was found and what to do."""
    spoken = normalise(text)
    assert spoken.text == expected
    [flag] = spoken.flags
    assert (flag.code, flag.severity, flag.excerpt) == ("R9.6", WARNING, number)
    assert f"Dãy {len(number)} chữ số «{number}»" in flag.message
    assert "Cách sửa:" in flag.message and "mã vạch" in flag.message


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Thẻ 4111111111111111 của bị hại đã bị lộ.", "411***********11"),
        ("Bà B, 087123456789, trú tại xã C.", "087*******89"),
    ],
)
def test_a_bare_card_or_citizen_id_number_holds_the_bulletin_and_is_shown_masked(
    text: str, shown: str
) -> None:
    """Shaped like a bank card's number (16 to 19 digits) or a CCCD (12, a 0 first), it is
    personal data R9.5 never reads: blocking, and masked wherever the flag is quoted."""
    spoken = normalise(text)
    [flag] = spoken.flags
    assert (flag.code, flag.severity, flag.excerpt) == ("R9.6", BLOCKING, shown)
    digits = "".join(c for c in text if c.isdigit())
    assert digits not in flag.message and shown in flag.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gọi 0912345678 ngay.", "Gọi không chín một hai, ba bốn năm, sáu bảy tám, ngay."),
        ("Thiệt hại 1900000000 đồng.", "Thiệt hại một tỷ chín trăm triệu đồng."),
        (
            "Mã vạch 8934567890123 là giả.",
            "Mã vạch tám chín ba, bốn năm sáu, bảy tám chín, không một hai ba, là giả.",
        ),
        ("Số tiền 1.500.000.000 đồng.", "Số tiền một tỷ năm trăm triệu đồng."),
    ],
)
def test_phones_amounts_and_named_codes_read_as_before(text: str, expected: str) -> None:
    """A phone (R9.1), an amount and a code after «mã» already had their reading: no flag."""
    spoken = normalise(text)
    assert (spoken.text, spoken.flags) == (expected, ())
