"""A short account code after an account's label (`nộp vào tài khoản số 7111 của Kho bạc`,
`STK: 3511`, `TK 7111`): said digit by digit, as an account's number is named, never as an amount
(«bảy nghìn một trăm mười một»). Too short for anyone's bank account
(publish.number_words.ACCOUNT_DIGITS: from six digits, R9.5 drops the number as personal data),
it is a public budget account's."""

from __future__ import annotations

import re

from publish.number_words import LIST_JOIN, paid_into_tk, spaced_range
from publish.radio.either_case import word_alone
from publish.radio.measures import quantity_follows
from publish.radio.numbers import digit_by_digit
from publish.radio.pauses import pause_after

__all__ = ["read_short_accounts"]

_ALONE = r"(?![\w/]|[.,]\d|[ -]\d)"
"""Digits ending a short code: no letter, slash, decimal, nor a group after a space or a hyphen
(`số TK 1903 4567 8901 23`, `TK 0071-0001-2345`: one long number, someone's account, R9.5)."""

_SHORT_ACCOUNT = re.compile(
    r"(?:(?P<label>"
    + word_alone("(?i:tài khoản)")
    + r"[^\S\n]++(?i:số)|"
    + word_alone("(?i:số tài khoản)")
    + "|"
    + word_alone("STK")
    + r")|(?P<tk_lead>"
    + word_alone("(?i:số)")
    + r"[^\S\n]++)?(?P<tk>TK))(?P<gap>[^\S\n]*+(?P<colon>:)?[^\S\n]*+)"
    r"(?P<digits>\d{3,5})" + _ALONE
)
"""`tài khoản số 7111`, `tài khoản số: 3511`, `Số tài khoản 7111`, `STK 7111`, `số TK 7111`, `TK: 7111`, `TK 7111`:
three to five digits, fewer than a bank account's."""
_SCALE_AFTER = re.compile(r"[^\S\n]*+(?:(?i:nghìn|ngàn|triệu|tỷ|tỉ|tr)(?!\w)|[kK](?!\w))")
"""`tài khoản số 100 triệu`, `500k`: an amount in the account, its currency left unsaid."""
_LISTED_CODE = re.compile(rf"(?P<joint>{LIST_JOIN})(?P<digits>\d{{3,5}}){_ALONE}")
"""One more code of a list after the label's first (`STK 1234, 5678 và 9999`): said as it is."""


def read_short_accounts(text: str) -> str:
    """`tài khoản số 7111 của Kho bạc` → `tài khoản số bảy một một một, của Kho bạc`, `nộp vào
    TK 7111` → `nộp vào tài khoản bảy một một một`; a count or an amount after the digits
    (`tài khoản số 100 triệu`) is left to R2, R5."""
    if "khoản" not in text and "KHOẢN" not in text and "Khoản" not in text and "TK" not in text:
        return text

    pieces, position = [], 0
    for m in _SHORT_ACCOUNT.finditer(text):
        if m.start() < position or not _named(m):
            continue
        label = m["label"] or f"{m['tk_lead'] or ''}tài khoản"
        said, end = label + m["gap"] + digit_by_digit(m["digits"]), m.end()
        while (item := _LISTED_CODE.match(text, end)) is not None and not _amount(item):
            said += item["joint"] + digit_by_digit(item["digits"])
            end = item.end()
        pieces += [text[position : m.start()], said, pause_after(text, end)]
        position = end
    return "".join([*pieces, text[position:]])


_SPACED_END = re.compile(r"(?:[^\S\n]++-[^\S\n]*+|-[^\S\n]++)\d++")
"""After a code: a hyphen with a space beside it and a number, maybe a range's end («2021 - 2025»)."""


def _named(m: re.Match[str]) -> bool:
    """Whether the digits of a `_SHORT_ACCOUNT` match are an account's code: no count or amount
    after them, no range's start («Số tài khoản 2021 - 2025 đã bị khóa», `spaced_range`, as the
    website and R9.5 read it); after a bare `TK`, money paid into it (`paid_into_tk`)."""
    if _amount(m):
        return False
    end = _SPACED_END.match(m.string, m.end())
    if end is not None and spaced_range(m["digits"] + end[0], m.string, end.end()):
        return False
    return (
        not m["tk"]
        or bool(m["tk_lead"] or m["colon"])
        or paid_into_tk(m.string, m.start(), m.end(), m["gap"])
    )


def _amount(m: re.Match[str]) -> bool:
    """Whether the digits `m` ends with are a count or an amount (`tài khoản số 100 triệu`)."""
    return quantity_follows(m.string, m.end()) or _SCALE_AFTER.match(m.string, m.end()) is not None
