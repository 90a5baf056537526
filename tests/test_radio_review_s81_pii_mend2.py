"""Session 81 final review: personal numbers listed in ways the website or the radio missed.

Each is told on the website and dropped on air (R9.5): privacy first, both channels agreeing.
"""

from __future__ import annotations

import pytest

from tests.test_radio_review_s81_pii import ACCOUNT, TAX, checked
from tests.test_radio_review_tk2 import no_digit, on_air

PASSPORT = "số hộ chiếu"
PHONE = "số điện thoại riêng của người dân"  # a mobile listed after a tax code: his phone

# A number after a tax code's «là» with «đồng/tháng» after it may be a rate or the code: main
# told it; the amount rule made the website quiet while the radio dropped it.
# A tax code with its branch's «-001» was no tax code to either channel: read out in full.
# A list item opening with a bank's name and «:», one with a passport, an ordered list's item,
# a number alone after a blank line: the website told only the first, or none, of the list.
LISTED_OR_CODED = [
    ("Ông A, MST là 8012345678 đồng/tháng.", [(TAX, "801*****78")]),
    ("MST là 8012345678-001.", [(TAX, "801********01")]),
    (
        "Mã số thuế:\n- 8012345678-001\n- 0312345678",
        [(TAX, "801********01"), (PHONE, "031*****78")],
    ),
    (
        "Số tài khoản:\n- Vietcombank: 0123456789\n- BIDV: 0987654321",
        [(ACCOUNT, "012*****89"), (ACCOUNT, "098*****21")],
    ),
    ("Số hộ chiếu:\n- C1234567\n- B7654321", [(PASSPORT, "C*****67"), (PASSPORT, "B*****21")]),
    (
        "Số tài khoản:\n1. 0123456789\n2. 0987654321",
        [(ACCOUNT, "012*****89"), (ACCOUNT, "098*****21")],
    ),
    (
        "Số tài khoản:\n\n0123456789\n\n0987654321",
        [(ACCOUNT, "012*****89"), (ACCOUNT, "098*****21")],
    ),
]


@pytest.mark.parametrize(("source", "expected"), LISTED_OR_CODED)
def test_each_listed_or_coded_number_is_told_and_dropped(
    source: str, expected: list[tuple[str, str]]
) -> None:
    assert checked(source) == expected
    script, codes = on_air(source)
    assert no_digit(script)
    assert codes.count("R9.5") >= 1


@pytest.mark.parametrize(
    ("source", "read"),
    [
        ("Số tài khoản:\n\n0123456789\n\n2024", "hai nghìn không trăm hai mươi tư"),
        ("Số tài khoản:\n\n0123456789\n\n113\n\nGọi ngay.", "một trăm mười ba"),
        ("Số tài khoản:\n\n- 0123456789\n\n2024", "hai nghìn không trăm hai mươi tư"),
        ("Số tài khoản:\n\n0123456789\n\n0987654321\n\n2024", "hai nghìn không trăm hai mươi tư"),
    ],
)
def test_a_short_number_after_a_listed_account_is_read_as_its_own_paragraph(
    source: str, read: str
) -> None:
    """Review: once an account was read on, any number alone after it was joined with «; », a
    year or «113» too; no item of it was taken and normalise crashed (IndexError). Only a number
    as long as an account's goes on the list: the short one is read, as main read it."""
    script, codes = on_air(source)
    assert read in script.lower(), script
    assert "0123456789" not in script and "không một hai ba" not in script.lower()
    assert "R9.5" in codes


@pytest.mark.parametrize(
    "source",
    [
        "Mã số thuế: 1900 1234\n8012345678-001 đồng/tháng",
        "MST là 1900 1234 8012345678-001 đồng",
        "Cấp cứu 1900 1234 - 113 cuộc gọi",
    ],
)
def test_a_number_in_groups_before_a_dashed_count_is_read_without_crashing(source: str) -> None:
    """Fuzzing the lists above: a number in groups before « - N <count>» crashed the radio
    (codes._falls: int("1900 1234 8012345678"), ValueError) since session 80 read a service line
    before its count; the script is read, and nothing private in it."""
    script, _ = on_air(source)
    assert script
    assert "8012345678" not in script
