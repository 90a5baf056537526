"""A scammer's (or a victim's) full phone number in a scam warning (Q6): read as written, told.

R9.1 reads every phone number digit by digit, so «Đối tượng dùng số 0912.345.678 gọi điện lừa
đảo» gives the listener a number to dial: a throwaway SIM, or a real person's number the scammer
borrowed. The spec has no rule to hide it (§7 Q6 warns of other personal data: CCCD numbers,
bank accounts, private plates), and a unit may publish it on purpose so people know it, so it
is read as written and the editor is told, as Q6 does; the unit's own line is never told.
"""

from __future__ import annotations

import re

from publish.radio.bait import SCAM_WORDS
from publish.radio.flags import WARNING, Context
from publish.radio.numbers import has_digit

__all__ = ["callers_told"]

_FULL_NUMBER = re.compile(
    r"(?:\+(?<![\w.,+]\+)84|0(?<![\w.,+]0))\d(?:[ .\-]?\d){8,9}(?![\d]|[.,]\d)"
)
"""A whole phone number, 0 and nine or ten more digits, or +84 and nine or ten (R9.1)."""
_FROM_NUMBER = re.compile(
    r"(?i:(?<!\w)(?:dùng|sử dụng|mượn|mua|từ)\s++(?:(?:các|một|những)\s++)?"
    r"(?:số(?:\s++(?:điện thoại|thuê bao|máy))?|SIM(?:\s++rác)?|thuê bao|SĐT)(?:\s++lạ)?"
    r"|(?:số|thuê bao|số điện thoại) lạ)\s*+:?\s*+$"
)
"""Right before the number: a number the caller used or called from (`Đối tượng dùng số`,
`cuộc gọi từ số`, `số lạ`), never one a listener is asked to call (`liên hệ số`, `qua số`)."""
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)")
_LOOK_BACK = 60
"""Characters before a number in which `_FROM_NUMBER` is looked for."""


def callers_told(text: str, ctx: Context) -> None:
    """Q6: tell the editor of each whole phone number a scam warning gives as the caller's."""
    if not has_digit(text):  # `²` is a digit to `str.isdigit`, and in no phone number
        return
    for m in _FULL_NUMBER.finditer(text):
        if not _FROM_NUMBER.search(text, max(0, m.start() - _LOOK_BACK), m.start()):
            continue
        first = max((s.end() for s in _SENTENCE_BREAK.finditer(text, 0, m.start())), default=0)
        stop = _SENTENCE_BREAK.search(text, m.end())
        if not SCAM_WORDS.search(text, first, stop.start() if stop else len(text)):
            continue
        ctx.flag(
            "Q6",
            WARNING,
            f"Số «{m[0]}» trong câu cảnh báo lừa đảo là số kẻ gian đã dùng, được đọc đủ trên "
            "sóng: người nghe có thể gọi vào, và đó có thể là số của người khác bị mượn, bị mạo "
            "danh. Nếu không cần người nghe nhận ra số, bỏ số; nếu cần, che bớt các chữ số giữa "
            "(ví dụ «0912.xxx.678», được đọc «số bắt đầu bằng … kết thúc bằng …»).",
            m[0],
        )
