"""A short account code after an account's label (`nộp vào tài khoản số 7111 của Kho bạc`,
`STK: 3511`, `TK 7111`): said digit by digit, as an account's number is named, never as an amount
(«bảy nghìn một trăm mười một»). Too short for anyone's bank account
(publish.number_words.ACCOUNT_DIGITS: from six digits, R9.5 drops the number as personal data),
it is a public budget account's."""

from __future__ import annotations

import re

from publish.number_words import (
    LIST_JOIN,
    SHORT_CODE_END,
    paid_into_tk,
    short_codes,
    spaced_range,
)
from publish.radio.measures import quantity_follows
from publish.radio.numbers import digit_by_digit
from publish.radio.pauses import pause_after

__all__ = ["read_short_accounts"]

_SCALE_AFTER = re.compile(r"[^\S\n]*+(?:(?i:nghìn|ngàn|triệu|tỷ|tỉ|tr)(?!\w)|[kK](?!\w))")
"""`tài khoản số 100 triệu`, `500k`: an amount in the account, its currency left unsaid."""
_LISTED_CODE = re.compile(rf"(?P<joint>{LIST_JOIN})(?P<digits>\d{{3,5}}){SHORT_CODE_END}")
"""One more code of a list after the label's first (`STK 1234, 5678 và 9999`): said as it is."""
_LABEL_LETTERS = ("khoản", "KHOẢN", "Khoản", "TK", "tk", "Tk")
"""What a `short_codes` label holds as mostly written: looked for first, far cheaper (a label in
odd case, «kHoản», is left to be read as a number, as before)."""
_TK_LAST = re.compile(r"(?<![^\W\d_])(?i:TK)$")
"""«TK» ending a label alone or after «số» (not «STK»): said «tài khoản»."""


def read_short_accounts(text: str) -> str:
    """`tài khoản số 7111 của Kho bạc` → `tài khoản số bảy một một một, của Kho bạc`, `nộp vào
    TK 7111` → `nộp vào tài khoản bảy một một một`; a count or an amount after the digits
    (`tài khoản số 100 triệu`) is left to R2, R5."""
    if not any(word in text for word in _LABEL_LETTERS):
        return text
    pieces, position = [], 0
    for m in short_codes(text):
        if m.start() < position or not _named(m):
            continue
        label = _TK_LAST.sub("tài khoản", text[m.start() : m.start("gap")])
        said, end = label + m["gap"] + digit_by_digit(m["code"]), m.end()
        while (item := _LISTED_CODE.match(text, end)) is not None and not _amount(item):
            said += item["joint"] + digit_by_digit(item["digits"])
            end = item.end()
        pieces += [text[position : m.start()], said, pause_after(text, end)]
        position = end
    return "".join([*pieces, text[position:]])


_SPACED_END = re.compile(r"(?:[^\S\n]++-[^\S\n]*+|-[^\S\n]++)\d++")
"""After a code: a hyphen with a space beside it and a number, maybe a range's end («2021 - 2025»)."""


def _named(m: re.Match[str]) -> bool:
    """Whether the code of a `short_codes` match is an account's: no count or amount after it, no range's start («Số tài khoản 2021 - 2025 đã bị khóa», `spaced_range`, as the
    website and R9.5 read it); after a bare `TK`, money paid into it (`paid_into_tk`)."""
    if _amount(m):
        return False
    end = _SPACED_END.match(m.string, m.end())
    if end is not None and spaced_range(m["code"] + end[0], m.string, end.end()):
        return False
    return m["paid_tk"] is None or paid_into_tk(m.string, m.start(), m.end(), m["gap"])


def _amount(m: re.Match[str]) -> bool:
    """Whether the digits `m` ends with are a count or an amount (`tài khoản số 100 triệu`)."""
    return quantity_follows(m.string, m.end()) or _SCALE_AFTER.match(m.string, m.end()) is not None
