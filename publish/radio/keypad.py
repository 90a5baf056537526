"""Keypad codes a listener dials (`*101#`, `*#06#`, `#100#`): said key by key, stars and hashes
included, before the Markdown marks are taken off (R12.6 would drop both symbols)."""

from __future__ import annotations

import re

from publish.radio.numbers import DIGIT_WORDS

__all__ = ["read_keypad_codes"]

_CODE = r"\\?[*#](?:\\?[*#]|\d)*\\?#"
_KEYPAD_CODE = re.compile(
    rf"(?<![\w*#\\/])(?:(?P<mark>\*{{1,3}}|_{{1,3}})(?P<wrapped>{_CODE})(?P=mark)"
    rf"|(?P<code>{_CODE})(?P<closing>\*{{1,3}}|_{{1,3}})?)(?![\w*#])"
)
"""A USSD or phone-setting code: starts with a star or a hash, ends with a hash, keys only (an
escaped `\\*`, `\\#` shows the symbol alone on the website). Not after a word, a slash or a
backslash: `Điều 5#`, a web address's `/#100#`, an escape. Bold or italic marks may wrap it
(`**#100#**`, `_#100#_`) or close right after it (`*bấm \\*101#*`): a mark the same on both
sides is emphasis, not a key (`*#06#` is a code), except single stars around a code that opens
with a hash (`*#06#*`, see `_read`)."""
_KEY_WORDS = {"*": "sao", "#": "thăng", **{str(d): word for d, word in enumerate(DIGIT_WORDS)}}
"""How a Vietnamese presenter or operator's recording says each key: «bấm sao một không một
thăng» (`*101#`); digits one by one, as the listener presses them (R9.2)."""


def _said(code: str) -> str:
    """The keys of `code` in words, one a key, backslash escapes left out."""
    return " ".join(_KEY_WORDS[key] for key in code if key != "\\")


def read_keypad_codes(text: str) -> str:
    """`bấm *101# để kiểm tra` → `bấm sao một không một thăng để kiểm tra`, in a code span too;
    a code without a digit (`#` alone, `**#`) is no code and left to the other passes."""
    if "#" not in text:
        return text
    return _KEYPAD_CODE.sub(_read, text)


def _read(m: re.Match[str]) -> str:
    """A code matched by _KEYPAD_CODE said key by key, its emphasis marks kept for the later
    passes; left as written without a digit."""
    code = m["wrapped"] or m["code"]
    if not any(c.isdigit() for c in code):
        return m[0]
    mark = m["mark"] or ""
    if mark == "*" and code.startswith("#"):
        # `*#06#*`: the phone codes a scam warning names open with a star (`*#06#`, `*#*#…#*#*`),
        # and a star read as italics left «thăng không sáu thăng», a code no phone answers.
        return _said(m[0])
    return f"{mark}{_said(code)}{mark or m['closing'] or ''}"
