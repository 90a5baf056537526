"""A scammer's (or a victim's) full phone number in a scam warning (Q6): read as written, told.

R9.1 reads every phone number digit by digit, so «Đối tượng dùng số 0912.345.678 gọi điện lừa
đảo» gives the listener a number to dial: a throwaway SIM, or a real person's number the scammer
borrowed. The spec has no rule to hide it (§7 Q6 warns of other personal data: CCCD numbers,
bank accounts, private plates), and a unit may publish it on purpose so people know it, so it
is read as written and the editor is told, as Q6 does; the unit's own line is never told.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from publish.contact_numbers import country_lead
from publish.number_words import LIST_JOIN, bare_84_phone
from publish.radio.bait import SCAM_WORDS
from publish.radio.flags import WARNING, Context
from publish.radio.numbers import has_digit
from publish.radio.tail import ends_before

__all__ = ["caller_lists_told", "callers_told"]

_FULL_NUMBER = re.compile(
    "(?:"
    + country_lead(r"[ .\-]?", (r"[\w.,+]",))
    + r"(?:[35789](?:[ .\-]?\d){8}|2(?:[ .\-]?\d){9})|0(?<![\w.,+]0)\d(?:[ .\-]?\d){8,9})"
    r"(?![\d]|[.,]\d)"
)
"""A whole phone number, 0 and nine or ten more digits, or its country code for the 0 by the
rule every channel reads one (publish.contact_numbers.country_lead) and a mobile's nine or a
landline's ten (R9.1). «0084» is tried before «0»: from its first 0, «0084 277 3610 113» was
«0084 277 3610»."""
_NUMBER_NOUN = r"(?:số(?:\s++(?:điện thoại|thuê bao|máy))?|SIM(?:\s++rác)?|thuê bao|SĐT)"
_FROM_NUMBER = re.compile(
    r"(?i:(?<!\w)(?:dùng|sử dụng|mượn|mua|từ|của|(?:gắn|liên kết|đăng ký)(?:\s++(?:với|bằng))?)"
    rf"\s++(?:(?:các|một|những)\s++)?{_NUMBER_NOUN}(?:\s++lạ)?"
    r"|(?:số|thuê bao|số điện thoại) lạ"
    r"|(?<!\w)(?:người gọi|người lạ|kẻ gian|kẻ lạ|đối tượng)\s*+(?:\(\s*+)?"
    rf"(?:(?:dùng|sử dụng|có)\s++)?{_NUMBER_NOUN}?)\s*+:?\s*+$"
)
"""Right before the number: a number the caller used or called from (`Đối tượng dùng số`,
`cuộc gọi từ số`, `cuộc gọi của số điện thoại`, `số lạ`, `Zalo gắn với số`), or the caller's
(`Người gọi (số …)`), never one a listener is asked to call (`liên hệ số`, `qua số`)."""
_CALLER_AFTER = re.compile(
    r"\s*+\)?,?\s*+(?:(?:đã|liên tục|thường xuyên|nhiều lần|từng)\s++)?(?i:tự xưng|giả danh"
    r"|mạo danh|giả làm|gọi điện|gọi đến|nhắn tin|liên lạc|(?:là|được xác định là)\s++"
    r"(?:(?:số|thuê bao|SĐT)(?:\s++điện thoại)?\s++(?:của|do)\s++(?:(?:các|những|một|nhóm)\s++)?"
    r"(?:đối tượng|kẻ gian|kẻ xấu|kẻ lừa đảo)|(?:số\s++|thuê bao\s++)?(?:lừa đảo|giả mạo)))(?!\w)"
)
"""Right after a number or a list of them, the caller's deed (`Số điện thoại 0987… tự xưng là
…`, `(số …) giả danh Công an`, `… là số của các đối tượng`): the number is the caller's."""
_INVITED_BEFORE = re.compile(
    r"(?i:(?<!\w)(?:liên hệ|gọi|báo|hotline|đường dây nóng|tổng đài|trực ban|qua)"
    rf"(?:\s++(?:ngay|cho|tới|đến|vào))?(?:\s++{_NUMBER_NOUN})?)\s*+:?\s*+$"
)
"""A number a listener is asked to call (`liên hệ số`, `gọi ngay`): the unit's own, whatever
words follow it."""
_LIST_JOIN = re.compile(LIST_JOIN)
"""Between two numbers of a list (`0912…, 0987…`, `0912… và 0987…`, `0912… - 0987…`, a line
broken after the joint: «0912…,⏎0987…»), as the personal-data check reads one."""
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)")
_LOOK_BACK = 60
"""Characters before a number in which `_FROM_NUMBER` is looked for."""


def callers_told(text: str, ctx: Context) -> None:
    """Q6: tell the editor of each whole phone number a scam warning gives as the caller's by
    the words before it (`caller_lists_told` looks after it, and at lists)."""
    if not has_digit(text):  # `²` is a digit to `str.isdigit`, and in no phone number
        return
    for m in _full_numbers(text):
        if not _FROM_NUMBER.search(text, max(0, m.start() - _LOOK_BACK), m.start()):
            continue
        if _in_a_scam_sentence(text, m.start(), m.end()):
            _tell(m[0], ctx)


def caller_lists_told(text: str, ctx: Context) -> None:
    """Q6 for a caller's number the words after it name (`Số 0987… tự xưng là nhân viên ngân
    hàng`), and for every number of a list the words before or after it name (`Các số
    0912…, 0987… là số của các đối tượng`); a number a listener is asked to call never."""
    if not has_digit(text):
        return
    for numbers in _lists(text):
        start, end = numbers[0].start(), numbers[-1].end()
        if ends_before(_INVITED_BEFORE, text, start):
            continue
        named = _CALLER_AFTER.match(text, end) or (
            len(numbers) > 1 and _FROM_NUMBER.search(text, max(0, start - _LOOK_BACK), start)
        )
        if named and _in_a_scam_sentence(text, start, end):
            for number in numbers:
                _tell(number[0], ctx)


def _lists(text: str) -> list[list[re.Match[str]]]:
    """The whole phone numbers of `text`, those one after another in a list together."""
    found: list[list[re.Match[str]]] = []
    for m in _full_numbers(text):
        if found and _LIST_JOIN.fullmatch(text, found[-1][-1].end(), m.start()):
            found[-1].append(m)
        else:
            found.append([m])
    return found


def _full_numbers(text: str) -> Iterator[re.Match[str]]:
    """The whole phone numbers of `text` as the radio reads them: never a bare «84» and digits
    that are an amount or a code (bare_84_phone: «84.912.345.678» after no phone's word)."""
    return (
        m
        for m in _FULL_NUMBER.finditer(text)
        if m[0][0] != "8" or bare_84_phone(text, m.start(), m.end())
    )


def _in_a_scam_sentence(text: str, start: int, end: int) -> bool:
    """Whether the sentence holding `text[start:end]` warns of a scam (`SCAM_WORDS`)."""
    first = max((s.end() for s in _SENTENCE_BREAK.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_BREAK.search(text, end)
    return bool(SCAM_WORDS.search(text, first, stop.start() if stop else len(text)))


def _tell(number: str, ctx: Context) -> None:
    """The Q6 warning for a caller's `number` read in full."""
    ctx.flag(
        "Q6",
        WARNING,
        f"Số «{number}» trong câu cảnh báo lừa đảo là số kẻ gian đã dùng, được đọc đủ trên "
        "sóng: người nghe có thể gọi vào, và đó có thể là số của người khác bị mượn, bị mạo "
        "danh. Nếu không cần người nghe nhận ra số, bỏ số; nếu cần, che bớt các chữ số giữa "
        "(ví dụ «0912.xxx.678», được đọc «số bắt đầu bằng … kết thúc bằng …»).",
        number,
    )
