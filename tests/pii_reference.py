"""Which bare «TK» names a bank account, for the references of the personal-data property tests
(tests/test_pii_fast.py, tests/test_pii_shortcuts.py): a plain rule of the tests' own, for the
texts those tests make. A reference calling publish.number_words.paid_into_tk, the code it
checks, could not catch that function's mistakes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from publish.pii import _ACCOUNT

__all__ = ["bare_tk_names_account", "paid_accounts"]

_UNKNOWN = re.compile(
    r"nộp|chuyển|kho bạc|KBNN|ngân sách|hạch toán|ghi thu|khoảnh|người", re.IGNORECASE
)
"""Words this rule does not know, and the tests' texts never hold: money paid into a bare TK, a
treasury or a budget (an account), a forest's plot («khoảnh 3, TK 262»: no account), an
account's holder («người nhận»)."""
_PERSON_BEFORE = re.compile(
    r"(?<!\w)(?:anh|chị|ông|bà|em|cô|chú|bác|cháu|đồng chí|đối tượng)\s+$", re.IGNORECASE
)
"""A person's word right before TK: his initials («anh TK 0912…»), which the rule knows only
with no bank on the line (then no account either way)."""
_BANK = re.compile(r"(?<!\w)ngân hàng(?!\w)", re.IGNORECASE)
_BANK_IN_CLAUSE = re.compile(r"(?<!\w)ngân hàng(?!\w)[^.!?;\n]{0,60}$", re.IGNORECASE)
"""A bank named in TK's clause before it: at most 60 characters before it, no sentence's end
between («Tài khoản ngân hàng TK 0071…»)."""
_BANK_AFTER = re.compile(r"\s*,?\s*(?:(?:của|tại|mở tại)\s+)?ngân hàng(?!\w)", re.IGNORECASE)
"""The bank holding the account, named right after its number («TK 0071… tại ngân hàng»)."""
_RIGHT_AFTER = re.compile(r"\s*(?:số(?!\w))?\s*[:/]?\s*(?:\(\s*)?", re.IGNORECASE)
"""All a gap between TK and its number may hold when the number is TK's: spaces, «số», a colon
or a slash, an opening bracket."""
_COUNT_AFTER = re.compile(r"\s*(?:vụ|hộ|tài khoản)(?!\w)", re.IGNORECASE)
"""The nouns of a count the tests' texts put after a number («123456789 vụ», «… hộ chiếu»)."""


def bare_tk_names_account(line: str, match: re.Match[str]) -> bool:
    """Whether `match`, an `_ACCOUNT` match at a bare «TK» in `line`, names an account: only
    with its number right after it and a bank named right after that number or before TK in its
    clause; not, with the bank before, a number that may count (no leading 0, under ten digits)
    before a counted noun. A line this rule does not know fails the test that gave it."""
    before = line[: match.start()]
    unknown = _UNKNOWN.search(line) or (_PERSON_BEFORE.search(before) and _BANK.search(line))
    assert not unknown, f"the bare-TK rule of tests/pii_reference.py does not know {line!r}"
    if not _RIGHT_AFTER.fullmatch(match["gap"]):
        return False
    if _BANK_AFTER.match(line, match.end()):
        return True
    digits = re.findall(r"\d", match["number"])
    counted = digits[0] != "0" and len(digits) < 10
    if counted and _COUNT_AFTER.match(line, match.end()):
        return False
    return _BANK_IN_CLAUSE.search(before) is not None


def paid_accounts(line: str) -> Iterator[re.Match[str]]:
    """`_ACCOUNT`'s matches in `line`, a bare `TK` only where it names an account (session 78,
    `bare_tk_names_account`); after one that names none the search goes on right after its
    letters (a label may follow)."""
    at = 0
    while match := _ACCOUNT.search(line, at):
        if match["paid_tk"] is not None and not bare_tk_names_account(line, match):
            at = match.start() + len("TK")
        else:
            yield match
            at = match.end()
