"""A short account code after an account's label (`nộp vào tài khoản số 7111 của Kho bạc`,
`STK: 3511`, `TK 7111`): said digit by digit, as an account's number is named, never as an amount
(«bảy nghìn một trăm mười một»). Too short for anyone's bank account
(publish.number_words.ACCOUNT_DIGITS: from six digits, R9.5 drops the number as personal data),
it is a public budget account's."""

from __future__ import annotations

import re

from publish.radio.either_case import word_alone
from publish.radio.measures import quantity_follows
from publish.radio.numbers import digit_by_digit
from publish.radio.pauses import pause_after
from publish.radio.tail import ends_before

__all__ = ["read_short_accounts"]

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
    r"(?P<digits>\d{3,5})(?![\w/]|[.,]\d)"
)
"""`tài khoản số 7111`, `tài khoản số: 3511`, `Số tài khoản 7111`, `STK 7111`, `số TK 7111`, `TK: 7111`, `TK 7111`:
three to five digits, fewer than a bank account's."""
_SCALE_AFTER = re.compile(r"[^\S\n]*+(?:(?i:nghìn|ngàn|triệu|tỷ|tỉ|tr)(?!\w)|[kK](?!\w))")
"""`tài khoản số 100 triệu`, `500k`: an amount in the account, its currency left unsaid."""
_MONEY_BEFORE = re.compile(
    r"(?<!\w)(?i:nộp|chuyển|hạch toán|ghi thu|kho bạc|ngân sách|ngân hàng|KBNN)(?!\w)"
    r"[^.!?;\n]{0,60}$"
)
_TREASURY_AFTER = re.compile(
    r"[^\S\n]*+,?[^\S\n]*+(?:(?i:của|tại|mở tại)[^\S\n]++)?(?:(?i:kho bạc)(?!\w)|KBNN)"
)
"""Before or after a bare `TK 7111`: money paid in, a treasury, a bank; `TK` alone may be other
words' letters (a forest's «tiểu khu», `TK 262`), left to R14.6 to ask about."""


def read_short_accounts(text: str) -> str:
    """`tài khoản số 7111 của Kho bạc` → `tài khoản số bảy một một một, của Kho bạc`, `nộp vào
    TK 7111` → `nộp vào tài khoản bảy một một một`; a count or an amount after the digits
    (`tài khoản số 100 triệu`) is left to R2, R5."""
    if "khoản" not in text and "KHOẢN" not in text and "Khoản" not in text and "TK" not in text:
        return text

    def account(m: re.Match[str]) -> str:
        end = m.end()
        if quantity_follows(m.string, end) or _SCALE_AFTER.match(m.string, end):
            return m[0]
        if m["tk"] and not (
            m["tk_lead"]
            or m["colon"]
            or ends_before(_MONEY_BEFORE, m.string, m.start())
            or _TREASURY_AFTER.match(m.string, end)
        ):
            return m[0]
        label = m["label"] or f"{m['tk_lead'] or ''}tài khoản"
        return label + m["gap"] + digit_by_digit(m["digits"]) + pause_after(m.string, end)

    return _SHORT_ACCOUNT.sub(account, text)
