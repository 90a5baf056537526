"""A number written with the country code is one number on every channel (session 76): «+84»,
«0084» (as dialled from abroad) and a bare «84» before a mobile's nine digits (as Zalo copies a
number) are read alike by the search index, the personal-data check, the page links and the
radio, by one rule (publish.contact_numbers.WRITTEN_COUNTRY). Before, only «+84» was: «Bị hại
…, điện thoại 84912345678» went out on every channel with no word to the editor."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from publish.contact_numbers import home_digits
from publish.pii import findings
from publish.pii_phones import phone_numbers, phone_verdicts
from publish.radio.flags import WARNING
from publish.radio.normalise import normalise
from publish.render.web.phones import emergency_linker, own_numbers_linker
from publish.render.web.search import phone_terms

NEAR = dt.date(2026, 12, 1)
VICTIM = "Bị hại là ông Nguyễn Văn Bình, trú ấp 3, điện thoại {}."
PRIVATE = "số điện thoại riêng của bị hại"


@pytest.mark.parametrize(
    ("digits", "home"),
    [
        ("+84912345678", "0912345678"),
        ("+840912345678", "0912345678"),
        ("0084912345678", "0912345678"),
        ("00842773610113", "02773610113"),
        ("84912345678", "0912345678"),
        # No phone after the code: an account, a code, a landline after a bare «84».
        ("84123456789", "84123456789"),
        ("0084123456789", "0084123456789"),
        ("842773610113", "842773610113"),
        ("0912345678", "0912345678"),
    ],
)
def test_the_one_rule_reads_the_country_code_as_the_0_at_home(digits: str, home: str) -> None:
    assert home_digits(digits) == home


WRITTEN = [
    "+84912345678",
    "+84 912 345 678",
    "0084912345678",
    "0084 912 345 678",
    "84912345678",
    "84 912 345 678",
]
"""One victim's number, as bulletins write it with the country code."""


@pytest.mark.parametrize("written", WRITTEN)
def test_every_channel_reads_a_number_with_its_country_code_as_the_same_number(
    written: str,
) -> None:
    """The search finds it by 0912…, the check tells it as the victim's (masked as the number
    at home), the radio reads the country code, then the number in 3-3-3 (R9.2), no warning."""
    text = VICTIM.format(written)
    # «84 912 …» too, since session 77 (a first group of two characters, FIRST_GROUP, but the
    # country code: the search skipped it, as a date's «05.06»).
    assert "0912345678" in phone_terms(text)
    assert [(f.kind, f.value) for f in findings(text, year=NEAR.year)] == [(PRIVATE, "091*****78")]
    assert [digits for _, digits, _ in phone_verdicts(text, frozenset())] == ["0912345678"]
    spoken = normalise(text, near=NEAR)
    assert spoken.text.endswith(", chín một hai, ba bốn năm, sáu bảy tám.")
    code = written.removesuffix("912345678").removesuffix("912 345 678").strip()
    said = {"+84": "cộng tám bốn", "0084": "không không tám bốn", "84": "tám bốn"}[code]
    assert spoken.text.endswith(f"điện thoại {said}, chín một hai, ba bốn năm, sáu bảy tám.")
    assert spoken.flags == ()


def test_a_landline_written_from_abroad_is_read_in_the_writers_groups() -> None:
    """«0084 277 3610 113» with no phone word before it: its first 0 read as a number's start
    made «0084 277 3610» one number and 113 another."""
    spoken = normalise("Trạm: 0084 277 3610 113.", near=NEAR)
    assert spoken.text == "Trạm: không không tám bốn, hai bảy bảy, ba sáu một không, một một ba."
    assert "02773610113" in phone_terms("Trạm: 0084 277 3610 113.")


@pytest.mark.parametrize(
    "text",
    [
        "Bị hại ông Nguyễn Văn Bình, trú ấp 3, mất 84912345678 đồng.",
        "Bị hại ông Nguyễn Văn Bình, trú ấp 3, có 84912345678 người theo dõi.",
        "Bị hại ông Nguyễn Văn Bình, trú ấp 3, có mã đơn 84912345678.",
        "Bị hại ông Nguyễn Văn Bình, trú ấp 3, số hồ sơ 84912345678.",
        "Bị hại ông Nguyễn Văn Bình, trú ấp 3, điện thoại 84123456789.",  # no mobile after 84
    ],
)
def test_a_bare_84_run_that_is_an_amount_a_count_or_a_labelled_code_is_no_phone(
    text: str,
) -> None:
    assert not any(f.kind == PRIVATE for f in findings(text, year=NEAR.year))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Thu giữ 84912345678 đồng.", "tám mươi tư tỷ chín trăm mười hai triệu"),
        ("Mã đơn 84912345678 đã giao.", "tám bốn chín, một hai ba bốn, năm sáu bảy tám"),
        ("Số hồ sơ: 84912345678 đã nhận.", "tám bốn chín, một hai ba bốn, năm sáu bảy tám"),
    ],
)
def test_on_air_a_bare_84_run_that_is_an_amount_or_a_code_stays_what_it_was(
    text: str, said: str
) -> None:
    """An amount is read as one; a code's digits in threes with R9.6 asking what it is."""
    spoken = normalise(text, near=NEAR)
    assert said in spoken.text
    assert all(flag.code == "R9.6" for flag in spoken.flags)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("Đối tượng dùng số 84912345678 gọi điện lừa đảo.", "84912345678"),
        ("Đối tượng dùng số 0084 912 345 678 gọi điện lừa đảo.", "0084 912 345 678"),
        ("Số lạ 0084912345678 tự xưng là Công an, lừa đảo.", "0084912345678"),
    ],
)
def test_a_scammers_number_from_abroad_is_told_as_one_with_plus_84_is(text: str, told: str) -> None:
    """Q6: the caller's number read in full on air is told, whatever its country code."""
    spoken = normalise(text, near=NEAR)
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("Q6", WARNING, told)]


@pytest.mark.parametrize(
    ("masked", "said"),
    [
        ("0084 912 xxx 678", "không không tám bốn, chín một hai, kết thúc bằng sáu bảy tám"),
        ("84912xxx678", "tám bốn, chín một hai, kết thúc bằng sáu bảy tám"),
        ("84 912 xxx 678", "tám bốn, chín một hai, kết thúc bằng sáu bảy tám"),
    ],
)
def test_a_masked_number_from_abroad_is_read_by_its_ends(masked: str, said: str) -> None:
    """«84912xxx678» was held as a number still to be filled in (Q1); «0084 912 xxx 678» lost
    its last digits (its country code's digits counted as the number's)."""
    spoken = normalise(f"Đối tượng gọi từ số {masked} để lừa đảo.", near=NEAR)
    assert spoken.text == f"Đối tượng gọi từ số bắt đầu bằng {said}, để lừa đảo."
    assert spoken.flags == ()


HOTLINE = "tel:02773610113"
MOBILE = "tel:0912000201"


@pytest.mark.parametrize(
    ("typed", "uri"),
    [
        ("0084 277 3610 113", HOTLINE),
        ("0084.277.3610.113", HOTLINE),
        ("0084 912 000 201", MOBILE),
        ("84912000201", MOBILE),
        ("84 912 000 201", MOBILE),
    ],
)
def test_the_units_number_typed_with_its_country_code_is_a_link(typed: str, uri: str) -> None:
    linked = own_numbers_linker({"0277 3610 113": HOTLINE, "0912 000 201": MOBILE})
    assert linked(f"<p>Gọi {typed} ngay.</p>") == f'<p>Gọi <a href="{uri}">{typed}</a> ngay.</p>'


@pytest.mark.parametrize(
    "text",
    [
        "<p>Gọi 84 277 3610 113 ngay.</p>",  # a bare 84 before a landline: no country code
        "<p>Mã 1084912000201 và 840912000201.</p>",
    ],
)
def test_a_bare_84_before_no_mobile_is_no_link(text: str) -> None:
    linked = own_numbers_linker({"0277 3610 113": HOTLINE, "0912 000 201": MOBILE})
    assert linked(text) == text


def test_a_number_from_abroad_is_not_taken_for_an_emergency_line_it_ends_with() -> None:
    """«0084 277 3610 113» read from its first 0 left «113» to be a line to call."""
    linked = emergency_linker({"113": "tel:113"})
    assert linked("<p>Gọi 0084 277 3610 113.</p>") == "<p>Gọi 0084 277 3610 113.</p>"
    assert linked("<p>Gọi 84912345678 hoặc 113.</p>") == (
        '<p>Gọi 84912345678 hoặc <a href="tel:113">113</a>.</p>'
    )


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        ("Bị hại cung cấp CCCD 0872030012 cho đối tượng.", "10 chữ số", "087*****12"),
        ("CCCD: 08720300123 của bị hại đã bị lộ.", "11 chữ số", "087******23"),
        ("CMND số 12345678 của ông A.", "8 chữ số", "123***78"),
    ],
)
def test_a_mistyped_id_right_after_its_label_is_told_where_the_radio_drops_it(
    text: str, kind: str, shown: str
) -> None:
    """Right after an ID's words, the radio drops a number of any length (R9.5); the website
    wanted 9 or 12 digits and told none (or took it for the victim's phone). A digit short or
    too many, it is still someone's ID: told, masked alike, with the count to check."""
    told = [(f.kind, f.value) for f in findings(text, year=NEAR.year)]
    assert told == [(f"số CCCD/CMND ({kind}, có thể gõ sai)", shown)]
    spoken = normalise(text, near=NEAR)
    assert [(f.code, f.excerpt) for f in spoken.flags] == [("R9.5", shown)]
    assert not any(c.isdigit() for c in spoken.text.split("ông A")[0])


@pytest.mark.parametrize(
    "text",
    [
        "Căn cước công dân gắn chip đã cấp cho 1234567890 người.",
        "CCCD gắn chip của ông A là 0872030012.",  # words between: only an ID's length
    ],
)
def test_a_number_after_words_between_must_be_as_long_as_an_id(text: str) -> None:
    assert [f for f in findings(text, year=NEAR.year) if "CCCD" in f.kind] == []
    assert [f for f in normalise(text, near=NEAR).flags if f.code == "R9.5"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Số hồ sơ 84912345678 - 84912345679.",
        "Số hợp đồng 84912345678 và 84912345679.",
        "Số hợp đồng 84912345678, 84912345679 và 84912345670.",
        "Mã đơn 84912345678/84912345679.",
    ],
)
def test_on_air_codes_in_a_pair_or_a_list_stay_codes(text: str) -> None:
    """A label names the whole list, not its first number alone: the next were read as phones
    («… hoặc tám bốn, chín một hai, …»), the country code said first."""
    spoken = normalise(text, near=NEAR)
    assert "tám bốn, chín" not in spoken.text
    assert " hoặc " not in spoken.text


@pytest.mark.parametrize("joint", [", ", " và ", " - "])
def test_codes_listed_after_their_label_are_no_ones_phone(joint: str) -> None:
    """Only the first code after «mã hồ sơ» was judged by its label: the second was told as
    the victim's private phone."""
    text = f"Bị hại là ông Nguyễn Văn Bình, mã hồ sơ 84912345678{joint}84912345679."
    assert list(findings(text, year=NEAR.year)) == []
    assert [who for _, _, who in phone_verdicts(text, frozenset())] == []


def test_a_list_opened_by_a_phone_is_a_list_of_phones() -> None:
    """A list is judged once, by its first number: after a label, one from 0 is a phone as it
    always was, and so are the others."""
    text = "Bị hại là ông Nguyễn Văn Bình, mã hồ sơ 0912345678, 84912345679."
    assert [digits for _, digits, _ in phone_verdicts(text, frozenset())] == [
        "0912345678",
        "0912345679",
    ]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Thiệt hại 84.9xx.xxx đồng.", "84.9xx.xxx"),
        ("Số 84.5xx người.", "84.5xx"),
        ("Có 84 9xx xxx người.", "84 9xx xxx"),
        ("Mã đơn 84912xxx678 đã giao.", "84912xxx678"),
    ],
)
def test_a_masked_amount_or_code_opening_with_84_is_still_to_be_filled_in(
    text: str, masked: str
) -> None:
    """«84.9xx.xxx đồng» was read «số bắt đầu bằng tám bốn, chín, đồng», no word to the editor:
    an amount's thousands, a count and a code are no number from abroad (Q1, as before)."""
    spoken = normalise(text, near=NEAR)
    assert "chưa điền" in spoken.text and "tám bốn" not in spoken.text
    assert [(f.code, f.excerpt) for f in spoken.flags] == [("Q1", masked)]


@pytest.mark.parametrize(
    "text",
    [
        "Mã vận đơn 84912345678 đã giao.",
        "Thu giữ 84912345678 đồng.",
        "Số hồ sơ 84912345678 - 84912345679.",
    ],
)
def test_the_search_does_not_index_a_code_or_an_amount_as_a_phone(text: str) -> None:
    """«Mã vận đơn 84912345678» was found by a search for 0912345678, which the check and the
    radio read as no phone (bare_84_phone)."""
    assert [t for t in phone_terms(text) if t.startswith("0")] == []


def test_a_bare_84_in_groups_is_read_on_air_as_the_check_tells_it() -> None:
    """One rule for the country code (contact_numbers.country_lead): the check told «84 912 345
    678» as the person's phone while the radio read «tám mươi tư tỷ …» with no phone word."""
    text = "Bị hại là ông Nguyễn Văn Bình, trú ấp 3, 84 912 345 678."
    assert [(f.kind, f.value) for f in findings(text, year=NEAR.year)] == [(PRIVATE, "091*****78")]
    assert normalise(text, near=NEAR).text.endswith(
        "trú ấp ba, tám bốn, chín một hai, ba bốn năm, sáu bảy tám."
    )


@pytest.mark.parametrize("written", ["+84 912 345 678", "84 912 345 678"])
def test_a_scammers_number_in_groups_from_abroad_is_told(written: str) -> None:
    """Q6 looked for «+84» with its digits right after it: «+84 912 345 678» was read in full
    with no word to the editor."""
    spoken = normalise(f"Đối tượng dùng số {written} gọi điện lừa đảo.", near=NEAR)
    assert [(f.code, f.excerpt) for f in spoken.flags] == [("Q6", written)]


def test_a_bare_84_before_a_dot_is_an_amount_on_every_channel() -> None:
    """«84.912.345.678» is how an amount's thousands are written: no phone from abroad to tell,
    to read, to index or to link (after a phone's word it is one: see the next test)."""
    text = "Bị hại là ông Nguyễn Văn Bình, trú ấp 3, 84.912.000.201."
    assert [f for f in findings(text, year=NEAR.year) if f.kind == PRIVATE] == []
    assert "tám mươi tư tỷ" in normalise(text, near=NEAR).text
    assert [t for t in phone_terms(text) if t.startswith("0")] == []
    linked = own_numbers_linker({"0912 000 201": MOBILE})
    assert linked(f"<p>{text}</p>") == f"<p>{text}</p>"
    assert linked("<p>Thu 84.912.000.201 đồng.</p>") == "<p>Thu 84.912.000.201 đồng.</p>"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Ông A, điện thoại 84.912.000.201.", "người dân"),
        ("Bị hại là ông Nguyễn Văn Bình, trú ấp 3, SĐT: 84.912.000.201.", "bị hại"),
    ],
)
def test_a_bare_84_before_a_dot_after_a_phones_word_is_a_phone_on_every_channel(
    text: str, who: str
) -> None:
    """The radio reads the digits after «điện thoại» as a phone («tám bốn, chín một hai, …»):
    the check told nothing and the page had no link, a private number went on air with no word
    to the editor. Right after a phone's word, the check, the links and the radio read it alike."""
    told = [(f.kind, f.value) for f in findings(text, year=NEAR.year)]
    assert told == [(f"số điện thoại riêng của {who}", "091*****01")]
    assert (
        "tám bốn, chín một hai, không không không, hai không một."
        in normalise(text, near=NEAR).text
    )
    linked = own_numbers_linker({"0912 000 201": MOBILE})
    html = linked(f"<p>{text}</p>")
    assert f'<a href="{MOBILE}">84.912.000.201</a>' in html


def test_a_scammers_number_with_a_dot_after_84_is_told() -> None:
    """After «dùng số» the radio reads «84.912.345.678» in full: Q6 tells it, as it tells
    «84 912 345 678»."""
    spoken = normalise("Đối tượng dùng số 84.912.345.678 gọi điện lừa đảo.", near=NEAR)
    assert "tám bốn, chín một hai, ba bốn năm, sáu bảy tám" in spoken.text
    assert [(f.code, f.excerpt) for f in spoken.flags] == [("Q6", "84.912.345.678")]


def test_a_scammers_number_with_plus_84_and_its_0_is_told() -> None:
    """«+840912…» (the 0 kept after the code, as WRITTEN_COUNTRY reads it) lost Q6: the radio
    said it as an amount with a stray «+» and the caller's number went out untold."""
    spoken = normalise("Đối tượng dùng số +840912345678 gọi điện lừa đảo.", near=NEAR)
    assert ("Q6", "+840912345678") in [(f.code, f.excerpt) for f in spoken.flags]
    assert "tỷ" not in spoken.text


@pytest.mark.parametrize(
    "text",
    [
        "Thiệt hại mỗi vụ 84 912 345 678 - 84 987 654 321 đồng.",
        "Thiệt hại từ 84 912 345 678 đến 94 987 654 321 đồng.",
        "Thiệt hại từ 84.912.345.678 tới 94.987.654.321 đồng.",
    ],
)
def test_a_range_of_amounts_opening_with_84_is_read_as_amounts(text: str) -> None:
    """The unit after the last number is the first's too: the range was read as two phones
    («tám bốn, chín một hai, … hoặc …») or its first digit by digit."""
    spoken = normalise(text, near=NEAR)
    assert "tám mươi tư tỷ chín trăm mười hai triệu" in spoken.text
    assert "tám bốn," not in spoken.text and " hoặc " not in spoken.text
    assert list(phone_verdicts(f"Bị hại là ông Nguyễn Văn Bình, {text}", frozenset())) == []


def test_a_masked_number_with_a_dot_after_84_after_a_call_is_read_by_its_ends() -> None:
    """«84.912.xxx.678» after «gọi từ số» blocked the build as a number still to be filled in
    (Q1): after a call's words it is a number from abroad, read by its ends."""
    spoken = normalise("Đối tượng gọi từ số 84.912.xxx.678 để lừa đảo.", near=NEAR)
    assert spoken.text == (
        "Đối tượng gọi từ số bắt đầu bằng tám bốn, chín một hai, kết thúc bằng sáu bảy tám,"
        " để lừa đảo."
    )
    assert spoken.flags == ()


def test_a_label_before_a_list_opened_by_no_phone_names_every_number_a_code() -> None:
    """«Số hồ sơ 012, 84912345678»: «012» opens with 0 but is no phone, so the list is one of
    codes, as the label says; the second was read and told as a phone."""
    text = "Bị hại là ông Nguyễn Văn Bình, số hồ sơ 012, 84912345678."
    assert list(findings(text, year=NEAR.year)) == []
    assert "tám bốn, chín" not in normalise(text, near=NEAR).text


def test_a_space_alone_joins_no_list_after_a_label() -> None:
    """«số tiền 500 84987654321»: two numbers a space parts are no list the label names, and
    the second is a phone, as it was before lists after a label were read."""
    text = "Bị hại là ông Nguyễn Văn Bình, số tiền 500 84987654321 là của ông A."
    assert [(f.kind, f.value) for f in findings(text, year=NEAR.year)] == [(PRIVATE, "098*****21")]
    spoken = normalise(text, near=NEAR)
    assert "tám bốn, chín tám bảy, sáu năm bốn, ba hai một" in spoken.text
    assert [f for f in spoken.flags if f.code == "R9.6"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Bị hại là ông Nguyễn Văn Bình, trú ấp 3, điện thoại 84912345678, 2.500.000 đồng đã mất.",
        "Bị hại là ông Nguyễn Văn Bình, SĐT 84912345678 - 15.000.000 đồng bị chiếm đoạt.",
    ],
)
def test_money_after_a_phone_leaves_it_a_phone(text: str) -> None:
    """An amount after a phone was read as the rest of a range of amounts: the check told
    nothing while the radio read the number digit by digit."""
    assert [(f.kind, f.value) for f in findings(text, year=NEAR.year)] == [(PRIVATE, "091*****78")]
    assert "tám bốn, chín một hai, ba bốn năm, sáu bảy tám" in normalise(text, near=NEAR).text


def test_a_phone_after_a_bare_84_phone_is_no_amount() -> None:
    """«84912345678 - 0987654321 người nhà»: two phones (a whole phone ends no range of
    amounts, and «người» counted nothing); the first was lost to the check and the radio."""
    text = "Bị hại là ông Nguyễn Văn Bình, điện thoại 84912345678 - 0987654321 người nhà."
    told = [(f.kind, f.value) for f in findings(text, year=NEAR.year)]
    assert told == [(PRIVATE, "091*****78"), (PRIVATE, "098*****21")]
    assert (
        "tám bốn, chín một hai, ba bốn năm, sáu bảy tám hoặc không chín tám bảy"
        in normalise(text, near=NEAR).text
    )


@pytest.mark.parametrize(
    "text",
    [
        "Doanh thu năm nay đạt con số 84.912.345.678, tăng mạnh.",
        "Bị hại là ông Nguyễn Văn Bình, tổng số 84.912.345.678 lượt truy cập.",
        "Bị hại là ông Nguyễn Văn Bình, chỉ số 84.912.345.678.",
        "Hệ thống đã gọi 84.912.345.678 lần.",
        "Hệ số 84.912.345.678 được dùng để tính.",
    ],
)
def test_a_number_or_a_count_in_thousands_after_so_is_an_amount(text: str) -> None:
    """A bare «số» counted as a phone's word: «con số 84.912.345.678» and «gọi 84.912.345.678
    lần» were read digit by digit as a phone from abroad and told to the check as one."""
    assert "tám mươi tư tỷ" in normalise(text, near=NEAR).text
    assert list(phone_verdicts(text, frozenset())) == []
    assert [f for f in findings(text, year=NEAR.year) if f.kind == PRIVATE] == []


@pytest.mark.parametrize(
    "text",
    [
        "Kẻ gian nhắn tin đến số 84.912.345.678 để lừa bị hại.",
        "Zalo số 84.912.345.678 mạo danh công an.",
        "Đối tượng gửi tới số 84.912.345.678 một đường link lạ.",
        "Đối tượng dùng sim số 84.912.345.678 để lừa đảo.",
        "Số 84.912.345.678 là của đối tượng lừa đảo.",
    ],
)
def test_a_number_in_thousands_after_a_bare_so_is_a_phone(text: str) -> None:
    """«số» was a phone's word only after «dùng», «từ», «nhắn»…: «Zalo số 84.912.345.678» was
    read on air as eighty-four billion and the check no longer saw the number as a phone."""
    assert list(phone_numbers(text)) == [("84.912.345.678", "0912345678")]
    assert "tám bốn, chín một hai, ba bốn năm, sáu bảy tám" in normalise(text, near=NEAR).text


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        (
            "Thiệt hại từ 84 500 000 000 đến 1 200 000 000 000 đồng.",
            "từ tám mươi tư tỷ năm trăm triệu đến một nghìn hai trăm tỷ đồng",
        ),
        (
            "Công ty thu 84 500 000 000 - 500 000 000 đồng.",
            "tám mươi tư tỷ năm trăm triệu đến năm trăm triệu đồng",
        ),
    ],
)
def test_a_range_of_amounts_of_unlike_lengths_is_no_phone(text: str, spoken: str) -> None:
    """A range stopped at an amount two digits longer or shorter than its first: «84 500 000
    000 đến 1 200 000 000 000 đồng» was a phone to the check and read digit by digit."""
    assert list(phone_numbers(text)) == []
    assert spoken in normalise(text, near=NEAR).text


def test_a_long_list_of_bare_84_phones_is_read_in_time() -> None:
    """Each number of a list walked the rest of it to find whether a unit ends a range of
    amounts: a 56 KB list of 4,000 numbers took 9 s or more of the check's time."""
    text = "84912345678 - " * 4000
    started = time.process_time()
    told = list(phone_numbers(text))
    assert time.process_time() - started < 3
    assert len(told) == 4000


@pytest.mark.parametrize(
    "text",
    [
        "Doanh số 84.500.000.000 - 90.000.000.000 đồng trong quý.",
        "Doanh số 84.500.000.000, tăng 20% so với năm trước.",
    ],
)
def test_sales_figures_after_doanh_so_are_amounts(text: str) -> None:
    """«doanh số» counts money, as «tổng số» counts: no phone's «số» (final review)."""
    assert list(phone_numbers(text)) == []
    assert "tám bốn, năm" not in normalise(text, near=NEAR).text


def test_money_after_a_phone_written_whole_leaves_it_a_phone() -> None:
    """«84912345678» written whole has a phone's shape: the amount after it is what was taken,
    not the other end of a range (final review: it was read as one and the phone let be)."""
    text = "Bị hại là ông Nguyễn Văn Bình, số 84912345678, 2.500.000 đồng đã mất."
    assert [f.value for f in findings(text, year=2026) if "điện thoại" in f.kind]
