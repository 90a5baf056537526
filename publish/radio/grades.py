"""A grade in Roman numerals after `hạng` (`bệnh viện hạng II`, `giáo viên hạng III`): said as a
number, «hạng hai», as R11.2 reads one after its other trigger words; left as written, the
presenter had to turn the letters into a number while reading."""

from __future__ import annotations

import re

from publish.radio.either_case import word_alone
from publish.radio.numbers import cardinal, rank, roman_value
from publish.radio.options import SpeakOptions
from publish.radio.tail import ends_before

__all__ = ["read_roman_grades"]

_ROMAN_GRADE = re.compile("(" + word_alone("(?i:hạng)") + r")\s+(I{1,3}|IV)(?![\w/-])")
"""`hạng I` to `hạng IV`, the grades of a hospital, an official, a teacher; a licence's class
(`hạng A1`, `hạng B2`, `hạng C`) and a grade written in figures (`hạng 1`, R10.3) are left to
the rules that read them."""
_WORD_BEFORE = re.compile(r"(?<!\w)([^\W\d_])[^\W\d_]*[^\S\n]+$")
"""The word before `Hạng`: a capital makes it part of a name (`Trần Văn Hạng I.`, an initial)."""


_AWARD_BEFORE = re.compile(
    r"(?<!\w)(?i:huân chương|huy chương)(?:(?!\s(?i:và)\s)[^.!?;,\n]){0,60}$"
)
"""A medal's name before `hạng`, in the same clause (no comma, no «và» between): its grade is
said as R10.3 says «hạng 1» («Huân chương Chiến công hạng I» → «hạng nhất»), not a hospital's
«hạng một»; «xếp hạng II» may be either (a hospital's grade, a place in a ranking), and keeps
the grade's number."""


def read_roman_grades(text: str, opts: SpeakOptions) -> str:
    """`bệnh viện hạng II` → `bệnh viện hạng hai` (R11.1 with `hạng` among its trigger words)."""
    # «hạng» in any case (see `word_alone`); «ạ» alone is in most paragraphs («phạm», «lại»).
    if "ạng" not in text and "ạNG" not in text and "Ạ" not in text:
        return text

    def grade(m: re.Match[str]) -> str:
        before = ends_before(_WORD_BEFORE, text, m.start()) if m[1] == "Hạng" else None
        if before is not None and before[1].isupper():
            return m[0]
        value = roman_value(m[2]) or 0
        if ends_before(_AWARD_BEFORE, text, m.start()) is not None:
            return f"{m[1]} {rank(value, opts)}"
        return f"{m[1]} {cardinal(value, opts)}"

    return _ROMAN_GRADE.sub(grade, text)
