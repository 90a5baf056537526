"""Session 83 (helper pii): the second number of a list told on the website and kept off air.

Passports on plain following lines, and a list item whose account has its holder's or bank's
words after it (on its line or on continuation lines): the website told the first only, the
radio read the next item's out. Both channels now read an item's words by one definition
(publish.number_words' `_ITEM_TAIL`), so what neither is an item's holder nor bank («bị khóa»,
a unit's duty phone, an amount, a hotline) stays read on air and untold, as before.
"""

from __future__ import annotations

import pytest

from publish.pii import findings
from publish.pii_reader import reader_text
from tests.test_radio_review_s81_pii import ACCOUNT, checked
from tests.test_radio_review_tk2 import NEAR, held, no_digit, on_air

PASSPORT = "số hộ chiếu"

# A passport's number alone on the line after another's: accounts and IDs so listed were told
# and dropped, a passport's was told only first and the second read on air («B bảy sáu…»).
PASSPORTS_ON_FOLLOWING_LINES = [
    ("Số hộ chiếu:\nC1234567\nB7654321\n", "B*****21"),
    ("Số hộ chiếu: C1234567\nB7654321\n", "B*****21"),
    ("Hộ chiếu số\nC1234567\nAB 7654321", "AB*****21"),
]


@pytest.mark.parametrize(("source", "second"), PASSPORTS_ON_FOLLOWING_LINES)
def test_each_passport_on_following_lines_is_told_and_dropped(source: str, second: str) -> None:
    assert checked(source) == [(PASSPORT, "C*****67"), (PASSPORT, second)]
    script, codes = on_air(source)
    assert no_digit(script), script
    assert "R9.5" in codes and "R14.7" not in codes
    assert held(source) == []


def test_a_listed_passport_is_told_on_its_own_line() -> None:
    found = findings(reader_text("Số hộ chiếu:\nC1234567\nB7654321\n"), year=NEAR.year)
    assert [(f.line, f.value) for f in found] == [(1, "C*****67"), (2, "B*****21")]


# A list item whose account has its holder's or bank's words after it, on its line or on a
# continuation line: the website told only the first, the radio read the next item's out.
LIST_ITEMS_WITH_HOLDER_WORDS = [
    "Số tài khoản:\n- 0123456789\n  của anh A\n- 0987654321\n",
    "Số tài khoản:\n- 0123456789 của anh A,\n  chi nhánh Đồng Tháp\n- 0987654321\n",
    "Số tài khoản:\n* 0123456789\n  của anh A\n  chi nhánh Đồng Tháp\n* 0987654321\n",
    "Số tài khoản:\n1. 0123456789\n   tại Vietcombank\n2. 0987654321\n",
    "STK 0123456789 của anh A; 0987654321.",
    "Số tài khoản:\n1. 0123456789 Vietcombank\n0987654321\n",
    "STK 0123456789 của anh A\n0987654321\n",
]


@pytest.mark.parametrize("source", LIST_ITEMS_WITH_HOLDER_WORDS)
def test_each_account_of_a_list_with_holder_words_is_told_and_dropped(source: str) -> None:
    assert checked(source) == [(ACCOUNT, "012*****89"), (ACCOUNT, "098*****21")]
    script, codes = on_air(source)
    assert no_digit(script), script
    assert "anh A" in script or "Vietcombank" in script
    assert codes.count("R9.5") == 2
    assert held(source) == []


def test_an_account_after_a_continuation_line_is_told_on_its_own_line() -> None:
    text = reader_text("Số tài khoản:\n- 0123456789\n  của anh A\n- 0987654321\n")
    found = findings(text, year=NEAR.year)
    assert [(f.line, f.value) for f in found] == [(1, "012*****89"), (3, "098*****21")]


PASSPORT_ITEMS_WITH_HOLDER_WORDS = [
    "Số hộ chiếu:\n- C1234567\n  của anh A\n- B7654321\n",
    "Số hộ chiếu:\n- C1234567 của anh A\n- B7654321\n",
]


@pytest.mark.parametrize("source", PASSPORT_ITEMS_WITH_HOLDER_WORDS)
def test_a_passport_item_after_holder_words_is_told_and_dropped(source: str) -> None:
    assert checked(source) == [(PASSPORT, "C*****67"), (PASSPORT, "B*****21")]
    script, codes = on_air(source)
    assert no_digit(script), script
    assert "anh A" in script
    assert "R14.7" not in codes


# What stays as it was on main (session 82's attempt broke each): both channels decide an
# item's words alike, so a number after words that are no holder's nor bank's is read on air
# and told by no check; a hotline, a landline, a unit's duty phone, an amount stay read.
READ_AND_UNTOLD = [
    ("Số tài khoản:\n- 0123456789\n  bị khóa\n- 0987654321\n", "không chín tám bảy"),
    ("Tài khoản 0123456789 bị khóa, gọi tổng đài; 1900 1234", "một chín không không"),
    ("STK 0123456789 của anh A; 1900 1234 là tổng đài.", "một chín không không"),
    ("STK 0123456789 của anh A; 1800 599 928 là tổng đài.", "một tám không không"),
    ("STK 0123456789 tại Vietcombank; 02773861234 là số của Công an tỉnh.", "không hai bảy bảy"),
    (
        "- Tài khoản 0123456789 Vietcombank, số tiền\n  150000000\n",
        "số tiền một trăm năm mươi triệu",
    ),
    ("STK 0123456789 của Công an huyện; 0692345678 là số trực ban.", "không sáu chín hai"),
    ("Số tài khoản:\n- 0123456789 của Công an huyện;\n  0692345678\n", "không sáu chín hai"),
    ("Số tài khoản:\n- 0123456789\n  của anh A\n- 2 đối tượng", "hai đối tượng"),
    ("STK 0123456789 của anh A; gọi 113.", "một một ba"),
]


@pytest.mark.parametrize(("source", "read"), READ_AND_UNTOLD)
def test_what_is_no_holders_item_is_read_on_air_and_untold(source: str, read: str) -> None:
    assert checked(source) == [(ACCOUNT, "012*****89")]
    script, codes = on_air(source)
    assert read in script.lower(), script
    assert codes.count("R9.5") == 1


def test_an_ordinary_items_next_line_number_is_read_on_without_a_pause() -> None:
    script, codes = on_air("- Liên hệ trực ban 0692345678 hoặc\n  113")
    assert "R9.5" not in codes
    assert script.endswith("hoặc một một ba."), script
    assert ";" not in script
    assert checked("- Liên hệ trực ban 0692345678 hoặc\n  113") == []


def test_a_loose_list_stays_told_and_dropped() -> None:
    source = "Số tài khoản:\n- 0123456789\n\n- 0987654321"
    assert checked(source) == [(ACCOUNT, "012*****89"), (ACCOUNT, "098*****21")]
    script, codes = on_air(source)
    assert no_digit(script)
    assert codes.count("R9.5") == 2


def test_a_list_items_words_stay_said_when_its_number_goes() -> None:
    script, _ = on_air("STK 0123456789 của anh A; 0987654321 của chị B.")
    assert script == "Tài khoản của anh A; của chị B.", script


# Found by the session's fuzz (the branch told these, the radio read them): a code shaped as a
# passport's under an account's label is no passport list's next (the radio reads it, its list
# ends), and a number on the line after a list item's words that are no holder's nor bank's
# («bị khóa», «số tiền») is that item's, read on air, as on its line («… bị khóa 4119…»).
LIST_ENDED_BEFORE = [
    ("STK 0123456789\nC1234567\n- 0987654321\n", [], "không chín tám bảy"),
    ("STK 0123456789\nC1234567\n0987654321123\n", [], "không chín tám, bảy sáu năm"),
    (
        "Số tài khoản:\n- 0123456789\n  của anh A\n- 0987654321 bị khóa\n  4119694108184\n",
        [(ACCOUNT, "098*****21")],
        "bị khóa bốn một một",
    ),
    (
        "Số tài khoản:\n- 0123456789\n  của anh A\n- 0987654321 số tiền\n  4119694108184\n",
        [(ACCOUNT, "098*****21")],
        "số tiền bốn một một",
    ),
]


@pytest.mark.parametrize(("source", "also_told", "read"), LIST_ENDED_BEFORE)
def test_a_number_after_a_lists_end_is_read_on_air_and_untold(
    source: str, also_told: list[tuple[str, str]], read: str
) -> None:
    assert checked(source) == [(ACCOUNT, "012*****89"), *also_told]
    script, codes = on_air(source)
    assert read in script.lower(), script
    assert codes.count("R9.5") == 1 + len(also_told)


def test_a_code_item_under_an_account_label_opens_no_list() -> None:
    source = "STK\n- C1234567 của anh A\n- 0987654321\n"
    assert (ACCOUNT, "098*****21") not in checked(source)
    script, _ = on_air(source)
    assert "không chín tám bảy" in script, script


# «Tiếp theo» (next) before a list's next account, on the line or on a lazy line Markdown joins
# to the item: the website told the first only, the radio read the next out.
NEXT_ITEMS = [
    "Số tài khoản:\n1. 0123456789 Vietcombank\ntiếp theo 0987654321\n",
    "STK 0123456789, tiếp theo 0987654321",
    "STK 0123456789 Vietcombank tiếp theo 0987654321",
    "STK 0123456789 của anh A; tiếp theo 0987654321.",
]


@pytest.mark.parametrize("source", NEXT_ITEMS)
def test_an_account_after_tiep_theo_is_told_and_dropped(source: str) -> None:
    assert checked(source) == [(ACCOUNT, "012*****89"), (ACCOUNT, "098*****21")]
    script, codes = on_air(source)
    assert no_digit(script), script
    assert codes.count("R9.5") == 2
    assert held(source) == []


def test_tiep_theo_after_no_holders_words_stays_read_and_untold() -> None:
    source = "Số tài khoản:\n1. 0123456789 bị khóa\ntiếp theo 0987654321\n"
    assert checked(source) == [(ACCOUNT, "012*****89")]
    script, _ = on_air(source)
    assert "không chín tám bảy" in script, script


def test_tiep_theo_after_a_short_number_opens_no_list() -> None:
    source = "Số tài khoản: 113\n  tiếp theo 02773861234\n9887164341668\n"
    assert checked(source) == []
    script, _ = on_air(source)
    assert "chín tám tám" in script, script


def test_a_code_after_a_code_under_an_account_label_opens_no_list() -> None:
    source = "STK C1209715\nAB 8641579\n2371887406527\n"
    assert (ACCOUNT, "237********27") not in checked(source)
    script, _ = on_air(source)
    assert "hai ba bảy" in script, script


def test_an_item_after_a_continuation_line_of_no_words_reads_on() -> None:
    source = "Số tài khoản:\n- 0123456789\n  ,\n- 02773861234\n6119302249695\n"
    assert checked(source) == [(ACCOUNT, "012*****89")]
    script, _ = on_air(source)
    assert "sáu một một" in script, script
