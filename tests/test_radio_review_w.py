"""Session 78 (helper radiow): grades, short account codes and gold read as an announcer says them.

Inputs go through `normalise_fragment` like the spec's own vectors: no sentence-start capital,
no final stop.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise_fragment

# An amount of money right after «vàng» is an amount (R5): `vàng 999,9 nghìn đồng` was said as
# gold's fineness, «vàng chín chín chín chín nghìn đồng», a price no one could follow.
GOLD_PRICES = [
    (
        "bán số vàng 999,9 nghìn đồng một chỉ",
        "bán số vàng chín trăm chín mươi chín phẩy chín nghìn đồng một chỉ",
    ),
    ("mua vàng 9999 đồng", "mua vàng chín nghìn chín trăm chín mươi chín đồng"),
    ("tiền vàng 999 triệu", "tiền vàng chín trăm chín mươi chín triệu"),
    ("khoản vàng 999 VNĐ", "khoản vàng chín trăm chín mươi chín đồng"),
]


@pytest.mark.parametrize(("source", "expected"), GOLD_PRICES)
def test_money_after_the_word_gold_is_an_amount(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


GOLD_FINENESS_KEPT = [
    (
        "trộm 10 chỉ vàng 9999 trị giá 80 triệu đồng",
        "trộm mười chỉ vàng chín chín chín chín trị giá tám mươi triệu đồng",
    ),
    ("vàng 999,9 và vàng 24K", "vàng chín chín chín chín và vàng hai mươi tư K"),
]


@pytest.mark.parametrize(("source", "expected"), GOLD_FINENESS_KEPT)
def test_golds_fineness_before_other_words_is_still_digit_by_digit(
    source: str, expected: str
) -> None:
    assert normalise_fragment(source).text == expected


# A town's or an administrative unit's class and a grade down to V are said as numbers (R11.1):
# `đô thị loại II`, `giáo viên hạng V` were left as letters, for the presenter to turn into a
# number while reading.
TOWN_AND_STAFF_GRADES = [
    ("được công nhận đô thị loại II", "được công nhận đô thị loại hai"),
    ("giáo viên hạng V", "giáo viên hạng năm"),
    ("đơn vị hành chính loại I", "đơn vị hành chính loại một"),
    ("đơn vị hành chính cấp xã loại III", "đơn vị hành chính cấp xã loại ba"),
    ("là đô thị loại đặc biệt hoặc loại I", "là đô thị loại đặc biệt hoặc loại một"),
    ("xã Tân Phú là xã loại I", "xã Tân Phú là xã loại một"),
    (
        "thành phố Vinh là đô thị loại I trực thuộc tỉnh",
        "thành phố Vinh là đô thị loại một trực thuộc tỉnh",
    ),
    ("Đô thị loại IV", "Đô thị loại bốn"),
]


@pytest.mark.parametrize(("source", "expected"), TOWN_AND_STAFF_GRADES)
def test_a_towns_class_and_a_grade_down_to_v_are_said_as_numbers(
    source: str, expected: str
) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# Every grade of a list or a range is said (R11.1): `hạng I và II` was «hạng một và II», the
# second and later left as letters.
GRADE_LISTS = [
    ("bệnh viện hạng I và II", "bệnh viện hạng một và hai"),
    ("đô thị loại I, II và III", "đô thị loại một, hai và ba"),
    ("giáo viên hạng II, III", "giáo viên hạng hai, ba"),
    ("đô thị loại III và loại IV", "đô thị loại ba và loại bốn"),
    ("nâng cấp đô thị loại V lên loại IV", "nâng cấp đô thị loại năm lên loại bốn"),
    ("viên chức hạng I-III", "viên chức hạng một đến ba"),
    ("Huân chương Chiến công hạng I, II và III", "Huân chương Chiến công hạng nhất, nhì và ba"),
]


@pytest.mark.parametrize(("source", "expected"), GRADE_LISTS)
def test_every_grade_of_a_list_is_said_as_a_number(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# `loại I` after anything but a town or an administrative unit may be a code or an English
# «type I»; a name's initial and a code after `hạng` stay as written.
GRADES_LEFT_AS_WRITTEN = [
    ("xe loại I", "xe loại I"),
    ("sai lầm loại I", "sai lầm loại I"),
    ("đối tượng Trần Văn Hạng V", "đối tượng Trần Văn Hạng V"),
    ("khách hạng V.I.P", "khách hạng V.I.P"),
    ("hạng I-A", "hạng I A"),
]


@pytest.mark.parametrize(("source", "expected"), GRADES_LEFT_AS_WRITTEN)
def test_other_roman_letters_after_loai_and_hang_stay_as_written(
    source: str, expected: str
) -> None:
    assert normalise_fragment(source).text == expected


# A short account code after the other labels of an account is named digit by digit, as after
# `tài khoản số` (session 77): `TK 7111`, `STK: 7111` were amounts, «bảy nghìn một trăm mười một»,
# and `TK` held the item as an unknown abbreviation (R14.6).
SHORT_ACCOUNTS_OTHER_LABELS = [
    ("nộp vào TK 7111 của Kho bạc", "nộp vào tài khoản bảy một một một, của Kho bạc"),
    ("nộp tiền phạt vào TK 7111.", "nộp tiền phạt vào tài khoản bảy một một một."),
    (
        "TK 7111 của KBNN huyện",
        "tài khoản bảy một một một, của Kho bạc Nhà nước huyện",
    ),
    ("STK: 7111", "số tài khoản: bảy một một một"),
    (
        "chuyển vào STK 3511 tại Kho bạc",
        "chuyển vào số tài khoản ba năm một một, tại Kho bạc",
    ),
    ("số TK 7111", "số tài khoản bảy một một một"),
    ("Số tài khoản 7111 của Kho bạc", "Số tài khoản bảy một một một, của Kho bạc"),
    ("số tài khoản: 3511", "số tài khoản: ba năm một một"),
    ("TK: 3511", "tài khoản: ba năm một một"),
]


@pytest.mark.parametrize(("source", "expected"), SHORT_ACCOUNTS_OTHER_LABELS)
def test_a_short_account_code_after_stk_or_tk_is_read_digit_by_digit(
    source: str, expected: str
) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# `TK` with no money around it may be other words' letters (a forest's «tiểu khu»): still held
# for the editor (R14.6), and an amount after an account's label is still an amount.
ACCOUNT_LABELS_AS_BEFORE = [
    ("khoảnh 5, TK 262", "khoảnh năm, TK hai trăm sáu mươi hai", ["R14.6"]),
    ("TK 262 thuộc rừng phòng hộ", "TK hai trăm sáu mươi hai thuộc rừng phòng hộ", ["R14.6"]),
    ("STK 100 triệu", "số tài khoản một trăm triệu", []),
]


@pytest.mark.parametrize(("source", "expected", "codes"), ACCOUNT_LABELS_AS_BEFORE)
def test_tk_without_money_around_it_is_still_asked_about(
    source: str, expected: str, codes: list[str]
) -> None:
    spoken = normalise_fragment(source)
    assert spoken.text == expected
    assert [flag.code for flag in spoken.flags] == codes


# The same grades written in figures are said as numbers too: `đô thị loại 2`, `giáo viên hạng 2`
# were «loại nhì», «hạng nhì», a prize's words (R10.3), where the Roman numeral says «hai».
FIGURE_GRADES = [
    ("đô thị loại 2", "đô thị loại hai"),
    ("đô thị loại 1, 2 và 3", "đô thị loại một, hai và ba"),
    ("giáo viên hạng 2 và hạng 3", "giáo viên hạng hai và hạng ba"),
    ("giáo viên tiểu học hạng 2", "giáo viên tiểu học hạng hai"),
    ("bệnh viện hạng 1", "bệnh viện hạng một"),
    ("thương binh hạng 2", "thương binh hạng hai"),
]


@pytest.mark.parametrize(("source", "expected"), FIGURE_GRADES)
def test_a_towns_or_a_teachers_grade_in_figures_is_a_number(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


FIGURE_RANKS_AS_BEFORE = [
    ("bệnh viện được xếp hạng 1", "bệnh viện được xếp hạng nhất"),
    ("Huân chương Lao động hạng 1", "Huân chương Lao động hạng nhất"),
    ("giáo viên dạy giỏi đạt giải 1", "giáo viên dạy giỏi đạt giải nhất"),
    ("hàng loại 1", "hàng loại nhất"),
    ("thương binh hạng 1/4", "thương binh hạng một trên bốn"),
    ("đô thị loại 1,5", "đô thị loại một phẩy năm"),
]


@pytest.mark.parametrize(("source", "expected"), FIGURE_RANKS_AS_BEFORE)
def test_places_prizes_and_medals_in_figures_keep_their_rank(source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected
