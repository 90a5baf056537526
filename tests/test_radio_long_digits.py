"""R9.6: a run of ten digits or more that no rule reads (no phone, no label, no «mã …»).

Before it, «8934567890123» was read as an amount on air («tám nghìn chín trăm ba mươi tư tỷ…»)
with no word to the editor, and a card or citizen ID number written bare was read whole.
"""

from __future__ import annotations

import datetime as dt

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
            # «84» before a mobile's nine digits is the country code (tests/test_phone_country_code.py):
            # before a 1 no phone follows it.
            "Đối tượng nhắn tin từ số 84123456789 yêu cầu chuyển tiền.",
            "84123456789",
            "Đối tượng nhắn tin từ số tám bốn một, hai ba bốn năm, sáu bảy tám chín, yêu cầu "
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


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        (
            "Đối tượng yêu cầu chuyển tiền qua tài khoản Techcombank số 1903 4567 8901 23.",
            "1903 4567 8901 23",
            "Đối tượng yêu cầu chuyển tiền qua tài khoản Techcombank số một chín không ba, bốn "
            "năm sáu bảy, tám chín không một, hai ba.",
        ),
        (
            "Tài khoản Vietcombank 0071.0012.3456.7 nhận tiền.",
            "0071.0012.3456.7",
            "Tài khoản Vietcombank không không bảy một, không không một hai, ba bốn năm sáu, "
            "bảy, nhận tiền.",
        ),
    ],
)
def test_a_long_number_written_in_groups_is_read_digit_by_digit_in_its_groups(
    text: str, written: str, expected: str
) -> None:
    """Each group was read as an amount («một nghìn chín trăm linh ba bốn nghìn…») with no word
    to anyone: the number is the one written without spaces, told as R9.6 tells that one."""
    spoken = normalise(text)
    assert spoken.text == expected
    [flag] = spoken.flags
    assert (flag.code, flag.severity, flag.excerpt) == ("R9.6", WARNING, written)
    digits = "".join(c for c in written if c.isdigit())
    assert f"Dãy {len(digits)} chữ số «{written}» viết thành nhóm" in flag.message
    unspaced = normalise(text.replace(written, digits))
    assert [f.code for f in unspaced.flags] == ["R9.6"]


@pytest.mark.parametrize(
    ("text", "written", "shown"),
    [
        ("Số thẻ 9704 1234 5678 1012 đã bị khóa.", "9704 1234 5678 1012", "970***********12"),
        ("Thẻ 9704-1234-5678-1012 đã bị khóa.", "9704-1234-5678-1012", "970***********12"),
        ("Thẻ 4111.1111.1111.1111 của bị hại.", "4111.1111.1111.1111", "411***********11"),
        ("Bà B, 0871 2345 6789, trú tại xã C.", "0871 2345 6789", "087*******89"),
    ],
)
def test_a_card_or_citizen_id_number_in_groups_holds_the_bulletin_as_written_whole(
    text: str, written: str, shown: str
) -> None:
    """The grouped spelling of a card's or a CCCD's number is held as its bare spelling is,
    and shown masked; it is never read as amounts."""
    grouped = normalise(text)
    bare = normalise(text.replace(written, "".join(c for c in written if c.isdigit())))
    for spoken in (grouped, bare):
        [flag] = spoken.flags
        assert (flag.code, flag.severity, flag.excerpt) == ("R9.6", BLOCKING, shown)
        assert written not in flag.message
    assert "nghìn" not in grouped.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thiệt hại 1 234 567 đồng.", "Thiệt hại một triệu hai trăm ba mươi tư nghìn năm trăm "
         "sáu mươi bảy đồng."),
        ("Có 123 456 789 012 lượt.", "Có một trăm hai mươi ba tỷ bốn trăm năm mươi sáu triệu "
         "bảy trăm tám mươi chín nghìn không trăm mười hai lượt."),
        ("Liên hệ 0277 3861 234.", "Liên hệ không hai bảy bảy, ba tám sáu một, hai ba bốn."),
        ("Từ 1000-2000 người.", "Từ một nghìn đến hai nghìn người."),
        ("Ngày 12-05-2024 tại xã.", "Ngày mười hai tháng năm năm hai nghìn không trăm hai mươi "
         "tư tại xã."),
    ],
)  # fmt: skip
def test_thousands_phones_ranges_and_dates_in_groups_read_as_before(
    text: str, expected: str
) -> None:
    """Groups of exactly three digits after a short first one are thousands (R3); a phone
    number (R9.1), a range (R12.1) and a date (R7) keep their readings, with no flag."""
    spoken = normalise(text)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize("written", ["0123456789", "0123 456 789", "0123.456.789", "0123-456-789"])
def test_an_account_number_after_its_label_is_dropped_however_its_groups_are_joined(
    written: str,
) -> None:
    """R9.5 took the number written whole, with spaces or dots; with hyphens, it was read on
    air as a range («từ … đến …»)."""
    spoken = normalise(f"Chị B chuyển tiền vào số tài khoản {written} của đối tượng.")
    assert spoken.text == "Chị B chuyển tiền vào tài khoản của đối tượng."
    [flag] = spoken.flags
    assert (flag.code, flag.excerpt) == ("R9.5", "012*****89")


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        (
            "Thu giữ SIM số seri 8984 0412 3456 7890 123.",
            "8984 0412 3456 7890 123",
            "Thu giữ SIM số seri tám chín tám bốn, không bốn một hai, ba bốn năm sáu, bảy tám "
            "chín không, một hai ba.",
        ),
        (
            "Thu giữ SIM số seri 8984 0412 3456 7890 127.",  # Luhn passes: 89 is a SIM's
            "8984 0412 3456 7890 127",
            "Thu giữ SIM số seri tám chín tám bốn, không bốn một hai, ba bốn năm sáu, bảy tám "
            "chín không, một hai bảy.",
        ),
        (
            "Vận đơn 8123 4567 8901 2345 do bưu tá giao.",
            "8123 4567 8901 2345",
            "Vận đơn tám một hai ba, bốn năm sáu bảy, tám chín không một, hai ba bốn năm, do "
            "bưu tá giao.",
        ),
        (
            "Dãy 4111 1111 1111 1112 in trên hộp.",
            "4111 1111 1111 1112",
            "Dãy bốn một một một, một một một một, một một một một, một một một hai, in trên hộp.",
        ),
    ],
)
def test_sixteen_to_nineteen_digits_no_card_could_have_are_read_and_told_not_held(
    text: str, written: str, expected: str
) -> None:
    """Session 75 review: any 16–19 digits held the bulletin as a bank card's number, a SIM's
    serial (ICCID, 89…) and a waybill among them. A card's number starts with neither 0 nor 8
    and ends with its Luhn check digit: a number failing that is read digit by digit and the
    editor warned, as any other long number is."""
    for spoken in (normalise(text), normalise(text.replace(written, written.replace(" ", "")))):
        [flag] = spoken.flags
        assert (flag.code, flag.severity) == ("R9.6", WARNING)
    assert normalise(text).text == expected


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Thẻ 9704198526191432198 bị khóa.", "970**************98"),  # NAPAS, 19 digits
        ("Thẻ 9704 1985 2619 1432 198 bị khóa.", "970**************98"),
    ],
)
def test_a_number_with_a_cards_check_digit_still_holds_the_bulletin(text: str, shown: str) -> None:
    """The check lets no card through: a NAPAS card's 19 digits still hold the bulletin."""
    [flag] = normalise(text).flags
    assert (flag.code, flag.severity, flag.excerpt) == ("R9.6", BLOCKING, shown)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mỗi tài khoản 1000-2000 USDT.", "Mỗi tài khoản từ một nghìn đến hai nghìn USDT."),
        (
            "Có 35 tài khoản 2024 - 2025 bị khóa.",
            "Có ba mươi lăm tài khoản từ hai nghìn không trăm hai mươi tư đến hai nghìn không "
            "trăm hai mươi lăm bị khóa.",
        ),
        ("Tài khoản 100 - 200 triệu.", "Tài khoản từ một trăm đến hai trăm triệu."),
    ],
)
def test_a_range_after_the_word_account_is_read_not_dropped_as_its_number(
    text: str, expected: str
) -> None:
    """Session 75 review: once a hyphen could group an account number, a range after «tài
    khoản» went as one (R9.5): «Mỗi tài khoản USDT.». A range has one hyphen; an account
    number grouped by hyphens (`0123-456-789`) has two or more, glued to its digits."""
    spoken = normalise(text)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("Biên lai 0012 3456 7890 nộp phạt.", WARNING),  # born in 2034: no one's yet
        ("Biên lai 001234567890 nộp phạt.", WARNING),
        ("Mã 0991 2345 6789 in trên hộp.", WARNING),  # 099: no province's code
        ("Bà B, 0871 2345 6789, trú tại xã C.", BLOCKING),  # Đồng Tháp, born in 1923
        ("Bà B, 001099123456, trú tại xã C.", BLOCKING),  # Hà Nội, born in 1999
    ],
)
def test_twelve_digits_hold_the_bulletin_only_when_the_website_would_tell_a_cccd(
    text: str, severity: str
) -> None:
    """Session 75 review: any twelve digits starting with 0 held the bulletin, though the
    website's lint, which checks the province's code and that the holder is born by the
    bulletin's year, tells none in «Biên lai 0012 3456 7890»: both now ask the same."""
    [flag] = normalise(text, near=dt.date(2026, 12, 1)).flags
    assert (flag.code, flag.severity) == ("R9.6", severity)


@pytest.mark.parametrize(
    ("text", "expected", "shown"),
    [
        ("CCCD số 087-123456789 của bà B.", "Căn cước công dân của bà B.", "087*******89"),
        (
            "Chuyển vào số tài khoản 0071000-123456 của đối tượng.",
            "Chuyển vào tài khoản của đối tượng.",
            "007********56",
        ),
        ("Số tài khoản 19034567-890123 bị phong tỏa.", "Tài khoản bị phong tỏa.", "190*********23"),
        (
            "Chuyển vào tài khoản 1234567-654321 người nhận.",  # a counted noun after it
            "Chuyển vào tài khoản người nhận.",
            "123********21",
        ),
    ],
)
def test_a_number_with_one_hyphen_after_its_label_is_dropped_not_read_as_a_range(
    text: str, expected: str, shown: str
) -> None:
    """Session 75 review: a hyphen grouped an ID or an account number only with two or more, so
    «CCCD số 087-123456789» was read on air as a range («từ tám mươi bảy đến …») with no word,
    and «19034567-890123» lost its first part only. The website tells all three. A range after
    «tài khoản» is a bare «tài khoản» counted or priced, neither end longer than a count."""
    spoken = normalise(text)
    assert spoken.text == expected
    [flag] = spoken.flags
    assert (flag.code, flag.excerpt) == ("R9.5", shown)
