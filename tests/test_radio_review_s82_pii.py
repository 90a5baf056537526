"""Session 82 (helper pii): three personal-number leaks, on the website's check and on air.

Passports on plain following lines, a list item's account after a continuation line or words
of its own, and a tax code's thirteen digits typed without the branch's dash: the website told
the first or none, the radio read the rest out. Each is told and dropped (R9.5) now.
"""

from __future__ import annotations

import pytest

from tests.test_radio_review_s81_pii import TAX, checked
from tests.test_radio_review_tk2 import held, no_digit, on_air

# Thirteen digits straight after a tax code's label are its ten and the branch's three, as
# «8012345678-001» is: a person's was read out digit by digit and told by no check.
THIRTEEN_DIGIT_TAX_CODES = [
    "Anh A có MST 8012345678001.",
    "Mã số thuế cá nhân của anh A: 8012345678001.",
    "Ông A, mã số thuế là 8012345678001, đã bị xử phạt.",
]


@pytest.mark.parametrize("source", THIRTEEN_DIGIT_TAX_CODES)
def test_a_persons_thirteen_digit_tax_code_is_told_and_dropped(source: str) -> None:
    assert checked(source) == [(TAX, "801********01")]
    script, codes = on_air(source)
    assert no_digit(script), script
    assert "R9.5" in codes and "R14.6" not in codes
    assert held(source) == []


# A named business's thirteen-digit code stays public, and an amount after «là» stays money.
THIRTEEN_DIGITS_READ = [
    ("Chi nhánh Công ty X, MST 0101234567001.", "không một không"),
    ("Mã số thuế của công ty X là 0101234567001.", "không một không"),
    ("Ông A, MST nợ là 1234567890123 đồng.", "một trăm hai mươi ba đồng"),
]


@pytest.mark.parametrize(("source", "read"), THIRTEEN_DIGITS_READ)
def test_a_business_thirteen_digit_code_or_an_amount_is_read_and_not_told(
    source: str, read: str
) -> None:
    assert checked(source) == []
    script, codes = on_air(source)
    assert read in script.lower(), script
    assert "R9.5" not in codes
