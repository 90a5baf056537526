"""Session 80 (helper piifinal): the final reader's PII seams, on both channels.

A number an arrow, «sang» or «qua» joins to a private one is someone's too: told on the website
and never read on air, with an amount after it, after «từ TK … sang TK …», after a passport, and
when the arrow opens the next line. The radio's flags show a passport masked as the website does.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise
from tests.test_radio_review_tk2 import NEAR, on_air, told

ACCOUNT = "số tài khoản ngân hàng"
TAX = "mã số thuế cá nhân"
PASSPORT = "số hộ chiếu"

# listed_numbers stopped at a listed number with money after it: its digits and the amount were
# one number, the website told only the first, the radio read the second (R9.6 warning only).
MOVED_WITH_AN_AMOUNT = [
    (
        "STK 0123456789 => 9876543210 500.000 đồng.",
        [(ACCOUNT, "012*****89"), (ACCOUNT, "987*****10")],
        "Tài khoản sang tài khoản khác, năm trăm nghìn đồng.",
    ),
    (
        "STK 0123456789 sang 9876543210 5 triệu đồng.",
        [(ACCOUNT, "012*****89"), (ACCOUNT, "987*****10")],
        "Tài khoản sang tài khoản khác, năm triệu đồng.",
    ),
    (
        "Ông A, MST 8012345678 => 8098765432 500.000 đồng.",
        [(TAX, "801*****78"), (TAX, "809*****32")],
        None,
    ),
    # «từ TK» took only a short code's number before «sang TK»: the second was no account.
    (
        "Chuyển từ TK 0123456789 sang TK 9876543210 500.000 đồng.",
        [(ACCOUNT, "012*****89"), (ACCOUNT, "987*****10")],
        "Chuyển từ tài khoản sang tài khoản khác, năm trăm nghìn đồng.",
    ),
]


@pytest.mark.parametrize(("text", "findings", "script"), MOVED_WITH_AN_AMOUNT)
def test_a_number_moved_onto_with_an_amount_after_it_is_told_and_dropped(
    text: str, findings: list[tuple[str, str]], script: str | None
) -> None:
    assert told(text) == findings
    spoken, codes = on_air(text)
    assert "9876" not in spoken and "8098" not in spoken
    assert "chín tám bảy" not in spoken and "tám không chín" not in spoken
    assert "R9.6" not in codes
    assert codes.count("R9.5") == len(findings)
    if script is not None:
        assert spoken == script
    assert "năm" in spoken  # the amount itself is still said


# _LISTED_PASSPORT had no arrow's arm nor a bracket's: the second passport was read on air in
# full (an R14.7 code) and the website told only the first.
PASSPORTS_MOVED_ON = [
    ("Hộ chiếu C1234567 => C7654321.", ["C*****67", "C*****21"]),
    ("Hộ chiếu C1234567; C7654321 sang C1111111.", ["C*****67", "C*****21", "C*****11"]),
    ("Hộ chiếu C1234567 (hoặc C7654321).", ["C*****67", "C*****21"]),
    ("Passport no. C1234567 -> C7654321.", ["C*****67", "C*****21"]),
]


@pytest.mark.parametrize(("text", "masked"), PASSPORTS_MOVED_ON)
def test_every_passport_joined_by_an_arrow_or_bracket_is_told_and_dropped(
    text: str, masked: list[str]
) -> None:
    assert told(text) == [(PASSPORT, value) for value in masked]
    spoken, codes = on_air(text)
    assert "bảy sáu năm" not in spoken and "một một một" not in spoken
    assert "R14.7" not in codes
    assert codes.count("R9.5") == len(masked)


def test_a_passport_moved_on_to_another_says_where_it_went() -> None:
    assert on_air("Hộ chiếu C1234567 => C7654321.")[0] == "Hộ chiếu sang số khác."
    assert on_air("Hộ chiếu C1234567; C7654321 sang C1111111.")[0] == "Hộ chiếu sang số khác."


# rundown.json and CI logs quote the flags: «123**67» showed five of a passport's seven digits.
def test_the_radio_flag_shows_a_passport_masked_as_the_website_does() -> None:
    spoken = normalise("Hộ chiếu C1234567.", near=NEAR)
    excerpts = [flag.excerpt for flag in spoken.flags if flag.code == "R9.5"]
    assert excerpts == ["C*****67"]
    assert all("12345" not in flag.message and "23456" not in flag.message for flag in spoken.flags)


# The arrow opening the next line: Markdown joins the lines, the radio dropped both, the website
# told only the first.
ARROW_ON_THE_NEXT_LINE = [
    ("Mã số thuế\n8012345678\n→ 8098765432", [(TAX, "801*****78"), (TAX, "809*****32")]),
    ("Ông A, MST 8012345678\n→ 8098765432.", [(TAX, "801*****78"), (TAX, "809*****32")]),
    ("STK 0123456789\n=> 9876543210", [(ACCOUNT, "012*****89"), (ACCOUNT, "987*****10")]),
    ("Hộ chiếu C1234567\n=> C7654321.", [(PASSPORT, "C*****67"), (PASSPORT, "C*****21")]),
]


@pytest.mark.parametrize(("text", "findings"), ARROW_ON_THE_NEXT_LINE)
def test_a_number_after_an_arrow_opening_the_next_line_is_told_on_both_channels(
    text: str, findings: list[tuple[str, str]]
) -> None:
    assert told(text) == findings
    spoken, codes = on_air(text)
    assert codes.count("R9.5") == len(findings)
    assert not any(digit in spoken for digit in "0123456789")


def test_a_dashed_list_item_on_the_next_line_is_not_joined_to_the_account() -> None:
    # «- 9876…» opens a Markdown list item: never joined, as number_words.LIST_JOIN says.
    assert told("STK 0123456789\n- Ngày 5/3/2024 có 3 giao dịch.") == [(ACCOUNT, "012*****89")]
