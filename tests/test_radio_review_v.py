"""Presenter V's findings (session 77), reading a district's week of bulletins aloud.

Inputs go through `normalise_fragment` like the spec's own vectors: no sentence-start capital,
no final stop.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise_fragment

# A range of two shares written without spaces (`10%-30%`) is a range like `10% - 30%` (R12.1):
# the dash was read as a minus glued to the first share, «mười phần trămâm ba mươi phần trăm».
SHARE_RANGES = [
    (
        "hứa trả hoa hồng 10%-30% cho mỗi đơn hàng",
        "hứa trả hoa hồng từ mười phần trăm đến ba mươi phần trăm cho mỗi đơn hàng",
    ),
    ("hoa hồng từ 10%-30%", "hoa hồng từ mười phần trăm đến ba mươi phần trăm"),
    (
        "lãi suất 2,5%-3% mỗi ngày",
        "lãi suất từ hai phẩy năm phần trăm đến ba phần trăm mỗi ngày",
    ),
    ("giảm 5‰-7‰", "giảm từ năm phần nghìn đến bảy phần nghìn"),
]


@pytest.mark.parametrize(("source", "expected"), SHARE_RANGES)
def test_a_range_of_shares_written_without_spaces_is_a_range(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# A minus after a comma stays the change it was (the rule this must not widen).
SIGNED_SHARES = [
    (
        "số vụ giảm 3 vụ, -15% so với cùng kỳ",
        "số vụ giảm ba vụ, giảm mười lăm phần trăm so với cùng kỳ",
    ),
    ("tăng trưởng -15%", "tăng trưởng âm mười lăm phần trăm"),
]


@pytest.mark.parametrize(("source", "expected"), SIGNED_SHARES)
def test_a_signed_share_is_still_read_with_its_sign(source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected


# A country code is dialled digit by digit (R9.3) also where the prefix word is described
# (`đầu số lạ như +855`) and where the list goes on after a whole foreign number: it was
# «cộng tám trăm năm mươi lăm hoặc cộng sáu mươi hai», an amount, not a code to recognise.
CODES_IN_A_LIST = [
    (
        "các cuộc gọi có đầu số lạ như +855 hoặc +62",
        "các cuộc gọi có đầu số lạ như cộng tám năm năm hoặc cộng sáu hai",
    ),
    (
        "cảnh giác với đầu số nước ngoài như +855, +62",
        "cảnh giác với đầu số nước ngoài như cộng tám năm năm, cộng sáu hai",
    ),
    ("đầu số lạ như 024, 028", "đầu số lạ như không hai bốn, không hai tám"),
    (
        "không nghe máy các đầu số +1 (213) 555-0123, +855 hoặc +62",
        "không nghe máy các đầu số cộng một, hai một ba, năm năm năm, không một hai ba, "
        "cộng tám năm năm hoặc cộng sáu hai",
    ),
    (
        "gọi từ +1 (213) 555-0123 hoặc +855 rồi yêu cầu chuyển tiền",
        "gọi từ cộng một, hai một ba, năm năm năm, không một hai ba hoặc cộng tám năm năm, "
        "rồi yêu cầu chuyển tiền",
    ),
]


@pytest.mark.parametrize(("source", "expected"), CODES_IN_A_LIST)
def test_a_country_code_in_a_described_or_continued_list_is_dialled(
    source: str, expected: str
) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# What stays as it was: a count after the described prefix, a whole second foreign number, and
# a rise after a foreign number's clause.
NOT_CODES = [
    ("đầu số lạ như vậy có 02 đối tượng", "đầu số lạ như vậy có hai đối tượng"),
    (
        "gọi +1 (213) 555-0123 hoặc +855 12 345 678",
        "gọi cộng một, hai một ba, năm năm năm, không một hai ba hoặc cộng tám năm năm, một "
        "hai, ba bốn năm, sáu bảy tám",
    ),
]


@pytest.mark.parametrize(("source", "expected"), NOT_CODES)
def test_counts_and_whole_numbers_after_codes_are_read_as_before(
    source: str, expected: str
) -> None:
    assert normalise_fragment(source).text == expected


# Office hours with the weekdays written as words (`thứ Hai - thứ Sáu`) are a range like `thứ 2 -
# thứ 6` (R10.1, R12.1): the paragraph had no digit left by then, the dash became a clause's
# comma and the listener heard two days, «từ thứ Hai, thứ Sáu».
WORD_WEEKDAY_RANGES = [
    ("làm việc từ thứ Hai - thứ Sáu hàng tuần", "làm việc từ thứ Hai đến thứ Sáu hàng tuần"),
    ("làm việc thứ Hai - thứ Sáu", "làm việc từ thứ Hai đến thứ Sáu"),
    ("tiếp dân từ thứ Hai – thứ Bảy", "tiếp dân từ thứ Hai đến thứ Bảy"),
    (
        "tiếp dân vào thứ Ba - thứ Năm và sáng thứ Bảy",
        "tiếp dân vào từ thứ Ba đến thứ Năm và sáng thứ Bảy",
    ),
    (
        "thời gian: 7h30-17h00 từ thứ Hai - thứ Sáu",
        "thời gian: từ bảy giờ ba mươi phút đến mười bảy giờ từ thứ Hai đến thứ Sáu",
    ),
    # A capital weekday inside a sentence is no sentence start: «làm việc Từ thứ hai …».
    ("làm việc Thứ 2 - Thứ 7", "làm việc từ thứ hai đến thứ bảy"),
]


@pytest.mark.parametrize(("source", "expected"), WORD_WEEKDAY_RANGES)
def test_a_range_of_weekdays_written_as_words_is_a_range(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_range_of_weekdays_opening_a_sentence_keeps_its_capital() -> None:
    assert normalise_fragment("Thứ 2 - Thứ 6 làm việc cả ngày").text == (
        "Từ thứ hai đến thứ sáu làm việc cả ngày"
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("«Thứ 2 - Thứ 6» làm việc", "“Từ thứ hai đến thứ sáu” làm việc"),
        ("Lịch: “Thứ 2 - Thứ 6 làm việc”", "Lịch: “Từ thứ hai đến thứ sáu làm việc”"),
        ("làm việc “Thứ 2 - Thứ 7”", "làm việc “từ thứ hai đến thứ bảy”"),
    ],
)
def test_a_range_of_weekdays_after_an_opening_quote_keeps_the_sentences_capital(
    source: str, expected: str
) -> None:
    """An opening quote is no word of the sentence: the range after it still opens it (review
    of session 77: «“từ thứ hai …”» after the quote)."""
    assert normalise_fragment(source).text == expected


# A range of informal amounts (`10tr-50tr`) is a range like `10-50 triệu` (R5.4, R12.1): the
# dash stayed between the words, «mười triệu-năm mươi triệu», or became a clause's comma.
INFORMAL_RANGES = [
    ("chuyển từ 10tr-50tr mỗi lần", "chuyển từ mười triệu đến năm mươi triệu mỗi lần"),
    ("chuyển 10tr - 50tr mỗi lần", "chuyển từ mười triệu đến năm mươi triệu mỗi lần"),
    ("chuyển 500k-1tr mỗi lần", "chuyển từ năm trăm nghìn đến một triệu mỗi lần"),
    ("mức phạt từ 4-6tr đồng", "mức phạt từ bốn đến sáu triệu đồng"),
    ("phạt 6-8tr", "phạt từ sáu đến tám triệu"),
]


@pytest.mark.parametrize(("source", "expected"), INFORMAL_RANGES)
def test_a_range_of_informal_amounts_is_a_range(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert spoken.text == expected
    assert {flag.code for flag in spoken.flags} == {"R5.4"}  # still told to write them out


# `củ` is slang for a million (`5 củ`), and also the classifier of roots and bulbs: a seizure of
# `3 củ sâm` was read «ba triệu sâm».
ROOTS_COUNTED = [
    ("thu giữ 3 củ sâm Ngọc Linh giả", "thu giữ ba củ sâm Ngọc Linh giả"),
    ("trộm 20 củ tỏi và 5 củ khoai", "trộm hai mươi củ tỏi và năm củ khoai"),
]


@pytest.mark.parametrize(("source", "expected"), ROOTS_COUNTED)
def test_roots_counted_with_cu_are_no_millions(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_cu_alone_is_still_a_million() -> None:
    spoken = normalise_fragment("đối tượng đòi 5 củ mới trả xe")
    assert spoken.text == "đối tượng đòi năm triệu mới trả xe"
    assert [flag.code for flag in spoken.flags] == ["R5.4"]


def test_cu_before_from_is_still_a_million() -> None:
    assert normalise_fragment("chuyển 5 củ từ tài khoản").text == "chuyển năm triệu từ tài khoản"


# Gold's fineness is said digit by digit: `vàng 9999` was «vàng chín nghìn chín trăm chín mươi
# chín», a number no goldsmith or listener says.
GOLD = [
    (
        "đối tượng trộm 10 chỉ vàng 9999 tại tiệm vàng Kim Phát",
        "đối tượng trộm mười chỉ vàng chín chín chín chín tại tiệm vàng Kim Phát",
    ),
    ("một sợi dây chuyền vàng 999", "một sợi dây chuyền vàng chín chín chín"),
    ("tổng cộng 2 lượng Vàng 9999.", "tổng cộng hai lượng Vàng chín chín chín chín."),
]


@pytest.mark.parametrize(("source", "expected"), GOLD)
def test_golds_fineness_is_said_digit_by_digit(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_count_of_gold_is_still_a_count() -> None:
    assert normalise_fragment("thu giữ 999 chỉ vàng").text == (
        "thu giữ chín trăm chín mươi chín chỉ vàng"
    )


# A list numbered inside a sentence (`1) …; 2) …`) has a pause after each number, like `(1)`:
# the lone bracket was dropped and «một người cao tuổi; hai phụ nữ có thai» heard as counts.
INLINE_ENUMERATIONS = [
    (
        "thứ tự ưu tiên: 1) người cao tuổi; 2) phụ nữ có thai; 3) người khuyết tật",
        "thứ tự ưu tiên: một, người cao tuổi; hai, phụ nữ có thai; ba, người khuyết tật",
    ),
    (
        "có 2 trường hợp: 1) xe không chính chủ, 2) xe không giấy tờ",
        "có hai trường hợp: một, xe không chính chủ, hai, xe không giấy tờ",
    ),
    ("hồ sơ gồm: a) tờ khai; b) giấy tờ tùy thân", "hồ sơ gồm: a, tờ khai; b, giấy tờ tùy thân"),
]


@pytest.mark.parametrize(("source", "expected"), INLINE_ENUMERATIONS)
def test_a_list_numbered_inside_a_sentence_pauses_after_each_number(
    source: str, expected: str
) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_bracket_around_words_is_still_read_as_commas() -> None:
    assert normalise_fragment("đối tượng Trần Văn B (trú tại xã Tân Lập) đã").text == (
        "đối tượng Trần Văn B, trú tại xã Tân Lập, đã"
    )


# `(CN)` right after a date is its day of the week, like `(Thứ Bảy)` (R10.2): the bulletin was
# held, «CN» being «chủ nhật, công nhân hay chi nhánh».
def test_cn_in_brackets_after_a_date_is_sunday() -> None:
    spoken = normalise_fragment("Ngày 6/12/2026 (CN), Công an huyện tổ chức ra quân")
    assert spoken.text == (
        "Ngày sáu tháng mười hai năm hai nghìn không trăm hai mươi sáu, chủ nhật, Công an huyện "
        "tổ chức ra quân"
    )
    assert spoken.flags == ()
    assert normalise_fragment("sáng 6/12 (CN), lực lượng").text == (
        "sáng ngày sáu tháng mười hai, chủ nhật, lực lượng"
    )


def test_cn_in_brackets_after_other_words_is_still_held() -> None:
    spoken = normalise_fragment("báo cáo tháng này (CN) đã gửi")
    assert [flag.code for flag in spoken.blocking] == ["R14.5"]
