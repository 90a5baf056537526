"""The breath pause after a number read digit by digit, where the sentence goes on (R9.2)."""

from __future__ import annotations

import re

__all__ = ["pause_after"]

_WORD_AFTER = re.compile(r" +(?!(?i:và|hoặc|hay)(?!\w))[^\W_]")
"""A word or a number after the digits, but «và», «hoặc», «hay» listing another, which mark
their end already."""


def pause_after(text: str, end: int) -> str:
    """A comma when a word follows `text[:end]`: «… sáu bảy tám hỏi thăm» ran the last digits
    into the next word (heard as more of the number, «không» as one more zero)."""
    return "," if _WORD_AFTER.match(text, end) else ""
