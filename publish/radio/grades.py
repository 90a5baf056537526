"""A grade in Roman numerals after `hạng` (`bệnh viện hạng II`, `giáo viên hạng V`) or a town's
class after `loại` (`đô thị loại II`), each of a list (`hạng I và II`): said as a number, «hạng
hai», as R11.2 reads one after its other trigger words; left as written, the presenter had to
turn the letters into a number while reading."""

from __future__ import annotations

import re

from publish.radio.either_case import word_alone
from publish.radio.numbers import cardinal, has_digit, rank, roman_value
from publish.radio.options import SpeakOptions
from publish.radio.place_kinds import KINDS_PATTERN
from publish.radio.tail import ends_before

__all__ = ["names_a_person", "read_roman_grades"]

_NUMERAL = r"(?:I{1,3}|IV|V)"
"""A grade from I to V: a teacher's or an official's (`giáo viên hạng V`) goes down to V, a town's
(`đô thị loại V`) too; higher numerals name no grade these bulletins give."""
_JOIN = (
    r"(?:[^\S\n]*+,(?!\d)[^\S\n]*+|[^\S\n]*+-[^\S\n]*+|[^\S\n]++(?i:và|hoặc|đến|tới|lên)[^\S\n]++)"
)
"""Between two grades of a list or a range: `hạng I và II`, `loại I, II và III`, `hạng I-III`,
`từ loại III lên loại II`."""
_AFTER = r"(?![\w/-]|[.,]\w)"
"""No code goes on after the last grade: `hạng A1` or `hạng I-A`, `hạng V.I.P` stay as written;
nor a decimal, nor a total (`hạng 1/4`, read by numerals)."""
_DIGIT = r"[1-5]"
"""A grade written in figures, `đô thị loại 2`, `giáo viên hạng 3`."""


def _grades(word: str, head: str = "", numeral: str = _NUMERAL) -> re.Pattern[str]:
    """`word` (after `head`) and its grades: one numeral, or several joined (`_JOIN`), each
    maybe with `word` again (`loại III và loại IV`); groups `head` (what comes before the first
    numeral) and `list` (the numerals and their joins)."""
    again = f"(?:{word_alone(word)}[^\\S\\n]++)?"
    return re.compile(
        f"(?P<head>{head}(?P<word>{word_alone(word)})\\s++)"
        f"(?P<list>{numeral}(?:{_JOIN}{again}{numeral})*){_AFTER}"
    )


_ROMAN_GRADE = _grades("(?i:hạng)")
"""`hạng I` to `hạng V`, the grades of a hospital, an official, a teacher; a licence's class
(`hạng A1`, `hạng B2`, `hạng C`) and a grade written in figures (`hạng 1`, R10.3) are left to
the rules that read them."""
_TOWN = (
    word_alone("(?i:đô thị|đơn vị hành chính|" + KINDS_PATTERN + ")")
    + r"(?:[^\S\n]++(?i:cấp)[^\S\n]++(?i:"
    + KINDS_PATTERN
    + r"))?[^\S\n]++"
    + r"(?:(?i:loại)[^\S\n]++(?i:đặc biệt)"
    + _JOIN
    + r")?"
)
_TOWN_GRADE = _grades("(?i:loại)", _TOWN)
"""`đô thị loại II`, `đơn vị hành chính cấp xã loại I`, `đô thị loại đặc biệt hoặc loại I`: a
town's or an administrative unit's class (Nghị quyết 1210/2016, 1211/2016 of the Standing
Committee). Only after one of those nouns: `loại I` elsewhere may be a code, an English «type I»,
a list's heading."""
_STAFF = (
    word_alone("(?i:giáo viên|viên chức|bệnh viện|thương binh|bệnh binh)")
    + r"(?:[^\S\n]++(?!(?i:xếp|đứng|đạt|giành|được|là|và|hoặc)(?!\w))[^\W\d_]++){0,3}"
    + r"[^\S\n]++"
)
"""A teacher, an official, a hospital, a war invalid, maybe with a few words after
(`giáo viên tiểu học`, `bệnh viện đa khoa`), before the grade: no place in a ranking (`xếp
hạng 1` keeps «hạng nhất», R10.3)."""
_FIGURE_GRADES = (_grades("(?i:loại)", _TOWN, _DIGIT), _grades("(?i:hạng)", _STAFF, _DIGIT))
"""`đô thị loại 2`, `giáo viên hạng 2`: said «loại hai», «hạng hai» as when written in Roman
numerals; R10.3 made them «loại nhì», «hạng nhì», a prize's words."""
_NUMERAL_IN_LIST = re.compile(r"(?<!\w)(?:I{1,3}|IV|V|[1-5])(?!\w)")
_DASH_IN_LIST = re.compile(r"[^\S\n]*+-[^\S\n]*+")
_WORD_BEFORE = re.compile(r"(?<!\w)([^\W\d_])[^\W\d_]*[^\S\n]+$")
"""The word before `Hạng`: a capital makes it part of a name (`Trần Văn Hạng I.`, an initial)."""
_PERSON_BEFORE = re.compile(r"(?<!\w)(?:ông|bà|anh|chị|em|cô|chú|bác|cháu)[^\S\n]+$")
"""A word addressing a person, in small letters, before `Hạng`: the person's name (`ông Hạng`)."""


def names_a_person(text: str, start: int) -> bool:
    """Whether `Hạng` at `start` is a person's name, not the word «hạng»: capitalised after a
    name's capitalised word (`Trần Văn Hạng`) or a word addressing a person (`ông Hạng`)."""
    if not text.startswith("Hạng", start):
        return False
    before = ends_before(_WORD_BEFORE, text, start)
    return (before is not None and before[1].isupper()) or bool(
        ends_before(_PERSON_BEFORE, text, start)
    )


_AWARD_BEFORE = re.compile(
    r"(?<!\w)(?i:huân chương|huy chương)(?:(?!\s(?i:và)\s)[^.!?;,\n]){0,60}$"
)
"""A medal's name before `hạng`, in the same clause (no comma, no «và» between): its grade is
said as R10.3 says «hạng 1» («Huân chương Chiến công hạng I» → «hạng nhất»), not a hospital's
«hạng một»; «xếp hạng II» may be either (a hospital's grade, a place in a ranking), and keeps
the grade's number."""


def read_roman_grades(text: str, opts: SpeakOptions) -> str:
    """`bệnh viện hạng II` → `bệnh viện hạng hai`, `đô thị loại I và II` → `đô thị loại một và
    hai` (R11.1 with `hạng`, and `loại` after a town, among its trigger words)."""
    # «hạng» in any case (see `word_alone`); «ạ» alone is in most paragraphs («phạm», «lại»).
    has_hang = "ạng" in text or "ạNG" in text or "Ạ" in text
    has_loai = "oại" in text or "OẠI" in text
    if not has_hang and not has_loai:
        return text

    def grade(m: re.Match[str]) -> str:
        if names_a_person(text, m.start("word")):
            return m[0]
        # A medal's grade is a rank; a teacher's or a town's, named before it, never one.
        award = m["word"].casefold() == "hạng" and m.start("word") == m.start()
        say = rank if award and ends_before(_AWARD_BEFORE, text, m.start()) else cardinal

        def numeral(n: re.Match[str]) -> str:
            return say(int(n[0]) if n[0].isdigit() else roman_value(n[0]) or 0, opts)

        said = _NUMERAL_IN_LIST.sub(numeral, _DASH_IN_LIST.sub(" đến ", m["list"]))
        return m["head"] + said

    if has_hang:
        text = _ROMAN_GRADE.sub(grade, text)
    if has_loai:
        text = _TOWN_GRADE.sub(grade, text)
    if has_digit(text):
        for figures, wanted in zip(_FIGURE_GRADES, (has_loai, has_hang), strict=True):
            text = figures.sub(grade, text) if wanted else text
    return text
