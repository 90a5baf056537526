"""A short account code after `tài khoản số` (`nộp vào tài khoản số 7111 của Kho bạc`): said
digit by digit, as an account's number is named, never as an amount («bảy nghìn một trăm mười
một»). Too short for anyone's bank account (publish.number_words.ACCOUNT_DIGITS: from six
digits, R9.5 drops the number as personal data), it is a public budget account's."""

from __future__ import annotations

import re

from publish.radio.either_case import word_alone
from publish.radio.measures import quantity_follows
from publish.radio.numbers import digit_by_digit
from publish.radio.pauses import pause_after

__all__ = ["read_short_accounts"]

_SHORT_ACCOUNT = re.compile(
    "(" + word_alone("(?i:tài khoản)") + r"[^\S\n]++(?i:số)[^\S\n]*+:?[^\S\n]*+)"
    r"(\d{3,5})(?![\w/]|[.,]\d)"
)
"""`tài khoản số 7111`, `tài khoản số: 3511`: three to five digits, fewer than a bank account's."""
_SCALE_AFTER = re.compile(r"[^\S\n]*+(?:(?i:nghìn|ngàn|triệu|tỷ|tỉ|tr)(?!\w)|[kK](?!\w))")
"""`tài khoản số 100 triệu`, `500k`: an amount in the account, its currency left unsaid."""


def read_short_accounts(text: str) -> str:
    """`tài khoản số 7111 của Kho bạc` → `tài khoản số bảy một một một, của Kho bạc`; a count or
    an amount after the digits (`tài khoản số 100 triệu`) is left to R2, R5."""
    if "khoản" not in text and "KHOẢN" not in text and "Khoản" not in text:
        return text

    def account(m: re.Match[str]) -> str:
        end = m.end()
        if quantity_follows(m.string, end) or _SCALE_AFTER.match(m.string, end):
            return m[0]
        return m[1] + digit_by_digit(m[2]) + pause_after(m.string, end)

    return _SHORT_ACCOUNT.sub(account, text)
