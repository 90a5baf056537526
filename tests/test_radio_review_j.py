"""Radio follow-ups of session 77 (helper J) to presenter V's review (tests/test_radio_review_v.py).

Inputs go through `normalise_fragment` like the spec's own vectors: no sentence-start capital,
no final stop.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise_fragment

# Country codes listed after a whole number the phone rules read (after `gọi`, `liên hệ`,
# `Hotline`, or a `+84` number anywhere) are dialled (R9.3): the rules took the number first and
# the codes after it were read as amounts, «cộng sáu mươi hai», «cộng tám trăm năm mươi lăm».
CODES_AFTER_A_PHONE = [
    (
        "gọi +855 12 345 678 hoặc +62",
        "gọi cộng tám năm năm, một hai, ba bốn năm, sáu bảy tám hoặc cộng sáu hai",
    ),
    (
        "Hotline +84 28 3829 7143, +855",
        "Hotline cộng tám bốn, hai tám, ba tám hai chín, bảy một bốn ba, cộng tám năm năm",
    ),
    (
        "liên hệ số +855 12 345 678, +62 hoặc +1",
        "liên hệ số cộng tám năm năm, một hai, ba bốn năm, sáu bảy tám, cộng sáu hai hoặc cộng một",
    ),
    (
        "gọi ngay +855 12 345 678 hoặc +62 để được tư vấn",
        "gọi ngay cộng tám năm năm, một hai, ba bốn năm, sáu bảy tám hoặc cộng sáu hai, để được "
        "tư vấn",
    ),
    (
        "các số +84 912 345 678 hoặc +62",
        "các số cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám hoặc cộng sáu hai",
    ),
    (
        "gọi +84912345678 hoặc +855",
        "gọi cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám hoặc cộng tám năm năm",
    ),
]


@pytest.mark.parametrize(("source", "expected"), CODES_AFTER_A_PHONE)
def test_country_codes_listed_after_a_phone_are_dialled(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# What stays as it was: the codes after a number no phone word opens (presenter V's fix), a rise
# counted after the list, a rise in spaced thousands, codes after a domestic number (left alone,
# see docs/doc-phat-thanh.md), a second whole number.
CODES_AS_BEFORE = [
    (
        "số +855 12 345 678 hoặc +62",
        "số cộng tám năm năm, một hai, ba bốn năm, sáu bảy tám hoặc cộng sáu hai",
    ),
    (
        "gọi +855 12 345 678 hoặc +2 vụ",
        "gọi cộng tám năm năm, một hai, ba bốn năm, sáu bảy tám hoặc tăng hai vụ",
    ),
    ("doanh thu +12 500 000, +5", "doanh thu cộng mười hai triệu năm trăm nghìn, cộng năm"),
    (
        "gọi 0912 345 678 hoặc +62",
        "gọi không chín một hai, ba bốn năm, sáu bảy tám hoặc cộng sáu mươi hai",
    ),
    (
        "gọi +1 (213) 555-0123 hoặc +855 12 345 678",
        "gọi cộng một, hai một ba, năm năm năm, không một hai ba hoặc cộng tám năm năm, một "
        "hai, ba bốn năm, sáu bảy tám",
    ),
]


@pytest.mark.parametrize(("source", "expected"), CODES_AS_BEFORE)
def test_rises_and_other_numbers_after_a_phone_are_read_as_before(
    source: str, expected: str
) -> None:
    assert normalise_fragment(source).text == expected


# Four-nines gold is mostly written as the share it is, `vàng 999,9`: it was «chín trăm chín
# mươi chín phẩy chín», no gold anyone names; said as `vàng 9999` is.
GOLD_WITH_A_COMMA = [
    ("vàng 999,9", "vàng chín chín chín chín"),
    (
        "trộm 10 chỉ vàng 999,9 và 5 chỉ vàng 999.9",
        "trộm mười chỉ vàng chín chín chín chín và năm chỉ vàng chín chín chín chín",
    ),
    ("một sợi dây chuyền Vàng 999,9.", "một sợi dây chuyền Vàng chín chín chín chín."),
]


@pytest.mark.parametrize(("source", "expected"), GOLD_WITH_A_COMMA)
def test_four_nines_gold_written_with_a_comma_is_said_as_9999(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert spoken.text == normalise_fragment(source.replace("999,9", "9999")).text
    assert (spoken.text, spoken.flags) == (expected, ())


GOLD_AS_BEFORE = [
    ("vàng 9999", "vàng chín chín chín chín"),
    ("hàm lượng vàng 99,99%", "hàm lượng vàng chín mươi chín phẩy chín mươi chín phần trăm"),
    ("vàng 999,9%", "vàng chín trăm chín mươi chín phẩy chín phần trăm"),
    ("thu giữ 999,9 gam vàng", "thu giữ chín trăm chín mươi chín phẩy chín gam vàng"),
]


@pytest.mark.parametrize(("source", "expected"), GOLD_AS_BEFORE)
def test_shares_and_weights_of_gold_are_read_as_before(source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected


# A grade in Roman numerals after `hạng` (R11.1 had no `hạng`): left as written, «hạng II».
ROMAN_GRADES = [
    ("bệnh viện hạng II", "bệnh viện hạng hai"),
    ("Bệnh viện đa khoa hạng I của tỉnh", "Bệnh viện đa khoa hạng một của tỉnh"),
    ("giáo viên hạng III", "giáo viên hạng ba"),
    ("viên chức hạng IV", "viên chức hạng bốn"),
]


@pytest.mark.parametrize(("source", "expected"), ROMAN_GRADES)
def test_a_roman_grade_after_hang_is_said_as_a_number(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# A war invalid's class (`thương binh hạng 1/4`) is no place in a ranking: it was «hạng nhất trên
# bốn»; a rank out of a total stays «hạng nhất trên mười lăm».
def test_a_war_invalids_class_is_said_with_a_cardinal() -> None:
    assert normalise_fragment("thương binh hạng 1/4 và bệnh binh hạng 2/3").text == (
        "thương binh hạng một trên bốn và bệnh binh hạng hai trên ba"
    )


GRADES_AS_BEFORE = [
    ("giấy phép lái xe hạng A1", "giấy phép lái xe hạng A một"),
    ("GPLX hạng B2, hạng C và hạng D", "giấy phép lái xe hạng B hai, hạng C và hạng D"),
    ("xếp hạng 1", "xếp hạng nhất"),
    ("xếp hạng 1/15 đơn vị", "xếp hạng nhất trên mười lăm đơn vị"),
    ("hạng 2/15", "hạng nhì trên mười lăm"),
    ("Trần Văn Hạng I.", "Trần Văn Hạng I."),  # a name and an initial
]


@pytest.mark.parametrize(("source", "expected"), GRADES_AS_BEFORE)
def test_licence_classes_and_ranks_are_read_as_before(source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected


# A short account code after `tài khoản số` (a budget account of the Treasury: no one's bank
# account, which has six digits or more) is named digit by digit: it was an amount, «bảy nghìn
# một trăm mười một».
SHORT_ACCOUNTS = [
    (
        "nộp vào tài khoản số 7111 của Kho bạc Nhà nước",
        "nộp vào tài khoản số bảy một một một, của Kho bạc Nhà nước",
    ),
    ("nộp vào tài khoản số 7111.", "nộp vào tài khoản số bảy một một một."),
    ("tài khoản số: 3511 tại Kho bạc", "tài khoản số: ba năm một một, tại Kho bạc"),
]


@pytest.mark.parametrize(("source", "expected"), SHORT_ACCOUNTS)
def test_a_short_account_code_is_read_digit_by_digit(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


ACCOUNTS_AS_BEFORE = [
    ("tài khoản số 100 triệu", "tài khoản số một trăm triệu"),
    ("tài khoản số 100 người", "tài khoản số một trăm người"),
    ("tài khoản số 12 của đối tượng", "tài khoản số mười hai của đối tượng"),
]


@pytest.mark.parametrize(("source", "expected"), ACCOUNTS_AS_BEFORE)
def test_amounts_and_other_account_words_are_read_as_before(source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected


def test_a_bank_account_number_is_still_dropped() -> None:
    spoken = normalise_fragment("tài khoản số 0071000123456 tại Vietcombank")
    assert spoken.text == "tài khoản tại Vietcombank"
    assert [flag.code for flag in spoken.flags] == ["R9.5"]


# So many of a total that a meeting's, a campaign's or an office's bulletin counts: «trên» is
# the only reading, nothing for the editor to check (R12.3 warned of `85/90 đại biểu`).
MEMBERS_COUNTED = [
    ("85/90 đại biểu có mặt", "tám mươi lăm trên chín mươi đại biểu có mặt"),
    ("kết nạp 12/15 đảng viên", "kết nạp mười hai trên mười lăm đảng viên"),
    ("đạt 19/19 tiêu chí", "đạt mười chín trên mười chín tiêu chí"),
    ("hoàn thành 15/15 chỉ tiêu", "hoàn thành mười lăm trên mười lăm chỉ tiêu"),
    ("giải quyết 45/50 hồ sơ", "giải quyết bốn mươi lăm trên năm mươi hồ sơ"),
    ("18/20 giáo viên", "mười tám trên hai mươi giáo viên"),
    ("12/15 khu dân cư", "mười hai trên mười lăm khu dân cư"),
]


@pytest.mark.parametrize(("source", "expected"), MEMBERS_COUNTED)
def test_so_many_members_of_a_total_are_not_flagged(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# A small share of delegates is the fraction a vote needs, as before; more than the total, or a
# date-like share before a name, is still told.
MEMBERS_AS_BEFORE = [
    ("2/3 đại biểu tán thành", "hai phần ba đại biểu tán thành", ["R7.2"]),
    ("95/90 đại biểu", "chín mươi lăm trên chín mươi đại biểu", ["R12.3"]),
    (
        "11/12 đại biểu Nguyễn Văn A",
        "mười một trên mười hai đại biểu Nguyễn Văn A",
        ["R12.3"],
    ),
    ("85/90 học sinh", "tám mươi lăm trên chín mươi học sinh", []),
]


@pytest.mark.parametrize(("source", "expected", "codes"), MEMBERS_AS_BEFORE)
def test_fractions_and_odd_totals_of_members_are_read_as_before(
    source: str, expected: str, codes: list[str]
) -> None:
    spoken = normalise_fragment(source)
    assert spoken.text == expected
    assert [flag.code for flag in spoken.flags] == codes


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("được tặng Huân chương Chiến công hạng I", "được tặng Huân chương Chiến công hạng nhất"),
        ("Huy chương Chiến sĩ vẻ vang hạng II", "Huy chương Chiến sĩ vẻ vang hạng nhì"),
        ("Huân chương Bảo vệ Tổ quốc hạng III", "Huân chương Bảo vệ Tổ quốc hạng ba"),
        (
            "Bệnh viện Đa khoa được xếp hạng II từ năm 2020",
            "Bệnh viện Đa khoa được xếp hạng hai từ năm hai nghìn không trăm hai mươi",
        ),
        ("Huy chương vàng và bệnh viện hạng II", "Huy chương vàng và bệnh viện hạng hai"),
        ("bệnh viện hạng I", "bệnh viện hạng một"),  # must stay
        ("viên chức hạng II", "viên chức hạng hai"),  # must stay
    ],
)
def test_a_medals_grade_in_roman_numerals_is_said_as_its_rank(source: str, expected: str) -> None:
    """Review of session 77: «Huân chương Chiến công hạng I» was read «hạng một», while «hạng 1»
    reads «hạng nhất» (R10.3) and medals are said so."""
    assert normalise_fragment(source).text == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "doanh thu 120.500.000 (+12.500.000, +15) so với cùng kỳ",
            "doanh thu một trăm hai mươi triệu năm trăm nghìn, cộng mười hai triệu năm trăm "
            "nghìn, cộng mười lăm, so với cùng kỳ",
        ),
        (
            "tổng số: +12.345.678; +20",
            "tổng số: cộng mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám; "
            "cộng hai mươi",
        ),
    ],
)
def test_a_rise_after_a_rise_in_dotted_thousands_is_no_country_code(
    source: str, expected: str
) -> None:
    """Review of session 77: «+12.500.000» taken for a whole foreign number, the «+15» after it
    was dialled «cộng một năm»."""
    assert normalise_fragment(source).text == expected
