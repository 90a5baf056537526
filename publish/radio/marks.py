"""A section's or a point's own mark, written as Vietnamese reports write them — sections «I.,
II., III.», points «1.» or «1)», sub-points «a), b)» — as a presenter says it, never as written
(«i i», «một Tuần tra», «a Tuần tra»). A heading says its place: «I. Tình hình» → «Phần I:
Tình hình» (R11 reads «Phần một»), «1. Về công tác» → «Thứ 1, Về công tác» (R10: «Thứ nhất»);
a sub-point's letter is not said (a presenter reads the points; the letter only cites the paper
the listener has not got), nor a multi-level number («1.1.», «2.3)»: read as a decimal, «một
phẩy một», it cites the paper too). A list item's own mark is taken off: the list says the places
(publish.radio.lists). A Roman numeral there needs no trigger word (R11.1 is about running
text): the start of a heading or item is the trigger.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from publish.radio.given_names import a_given_name
from publish.radio.numbers import roman_value

__all__ = [
    "Mark",
    "heading_said",
    "headings_lettered",
    "in_order",
    "is_marked_heading",
    "lead_of",
    "lead_said",
    "lettered",
    "name_of",
    "names_a_person",
    "opening_marks",
    "own_mark",
    "unmarked",
]

_MARK = re.compile(
    r"(?P<open>[ *_]*)"
    r"(?P<mark>\d{1,2}(?:\.\d{1,2}){1,3}|\d{1,3}|[IVX]{1,6}|[a-zđ]|[A-ZĐ])"
    r"(?P<end>[.)]| ?[-–])(?P<close>[*_]*) +(?=\S)"
)
"""A mark opening a text, in emphasis or not («I. », «**1.** », «a) », «I- », «1.1. »), then a
space."""
_NUMERAL_LETTERS = "IVX"
_MARK_ENDS = frozenset(".) -–")
"""What follows a one-letter `_MARK` («a) », «B. », «A- »): a text opening with another letter
than a numeral's and not followed by one of these opens with no mark."""
_DASHES = "-–"
"""Reports also end a section's Roman numeral with a dash («I- TÌNH HÌNH CHUNG»)."""
_BYLINE_END = re.compile(r"[-–(,]")
"""Where a byline's name ends and the unit or a note starts («V. Hùng - Công an xã …»)."""
_UNIT_AFTER = re.compile(r"\s[-–]\s|\(")
"""Where a name's unit (after a dash) or a note (in brackets) starts; after a comma, a place
may go on («H. Châu Thành, X. Tân Bình»)."""
_HEADING_WORDS = 15
"""Words a line of text may have to be a section heading («I. TÌNH HÌNH CHUNG»), as R1.2's
pseudo-heading."""
_GIVEN_NAME_WORDS = 2
"""Words of a given name after an initial («B. Hùng», «N. Thanh Tùng»)."""
_PLACE_LETTERS = frozenset("XHTPQ")
"""The one-letter prefixes of a commune, a district, a province, a ward, an urban district."""
_PLACE_THEN_WORDS = re.compile(r"[A-ZĐ][^\W\d_]* [A-ZĐ][^\W\d_]*(?: [A-ZĐ][^\W\d_]*)? [a-zđ]")
"""A place's name of two or three capitalised words, then the sentence going on in lower case
(«X. Tân Bình khai trương»), where a section's words go on in title case or none follow."""
_LEAD = re.compile(r" *(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
"""A paragraph's emphasised lead-in («**1. Về công tác tuần tra:** Trong tuần …»)."""
_WORD = re.compile(r"[^\W\d_]+")
_CAPITAL = "[" + "".join(c for c in map(chr, range(0x41, 0x2000)) if c.isupper()) + "]"
"""Any capital letter, accented ones too («Ánh», «Ước»): `[A-ZĐ]` left those names out."""
_GIVEN = _CAPITAL + r"[^\W\d_]*"
_NAME_THEN_DEED = re.compile(
    rf"(?:{_GIVEN} ){{1,2}}(?:khai (?:nhận|báo|rằng)|đã|bị|là|cho biết|trú|sinh|thừa nhận|cùng"
    r"|và|đang|được|không|chưa|tự|có|dùng|lấy|điều khiển|mang|nhận|rủ|vẫn|còn|với)\b"
    rf"|{_GIVEN}(?: {_GIVEN})? ?[,(]"
)
"""A given name of one or two capitalised words, then what a person does or is («Hùng khai
nhận», «Thái Bình đã trộm», «Hùng, sinh năm»): a section's heading names a topic instead."""
_SECTION_NUMERAL = re.compile(r"[IVX]+")
_ALPHABET = "ABCDĐEFGHIJKLMNOPQRSTUVWXYZ"
"""Capital letter marks in order, Vietnamese «Đ» after «D»."""
_SKIPPED = frozenset("ĐFJWZ")
"""Letters a lettered list may go past: «Đ» (lists go «D., E.» or «D., Đ., E.») and those
Vietnamese does not use («E., G.»)."""
_ROMAN_MARK = "I"
_NUMBER_MARK = "1"
_LETTER_MARK = "a"
_LEVEL_MARK = "1.1"


@dataclass(frozen=True, slots=True)
class Mark:
    """A text's own mark: its kind («I» Roman, «1» number, «a» letter), its value (a letter
    has none), as written, whether it could be a name's initial («V.», «A.»), and where the
    text after it starts, with the emphasis opened before it kept when it goes on past it."""

    kind: str
    value: int | None
    written: str
    initial: bool
    keep: str
    rest: int


def own_mark(text: str) -> Mark | None:
    """The mark `text` opens with, if any."""
    if text[:1].isalpha() and text[0] not in _NUMERAL_LETTERS and text[1:2] not in _MARK_ENDS:
        return None  # most texts open with a word: only a numeral's letters make a longer mark
    found = _MARK.match(text)
    if found is None:
        return None
    mark = found["mark"]
    # «C.», «D.», «L.», «M.» open the third, fourth … section of a report lettered «A., B.»:
    # a section numeral is of I, V and X (to XXXIX).
    roman = roman_value(mark) if _SECTION_NUMERAL.fullmatch(mark) else None
    if "." in mark:
        kind, value = _LEVEL_MARK, None
    elif mark.isdigit():
        kind, value = _NUMBER_MARK, int(mark)
    elif roman is not None:
        kind, value = _ROMAN_MARK, roman
    elif len(mark) == 1:
        kind, value = _LETTER_MARK, None
    else:
        return None  # «IIII.», «VX.»: no numeral
    if found["end"].strip() in _DASHES and kind != _ROMAN_MARK:
        return None  # «A- », «1- »: a dash after a letter or number is no mark reports write
    # «**1.** Tuần tra»: the emphasis held the mark alone and goes with it.
    keep = "" if found["close"] else found["open"].strip()
    initial = mark.isupper() and len(mark) == 1 and found["end"].strip() in "." + _DASHES
    return Mark(kind, value, mark, initial, keep, found.end())


def in_order(marks: list[Mark]) -> bool:
    """Whether marks run as a list's do, each the next: numerals one up («I., II., III.»), or
    capital letters next in the alphabet («A., B., C.»); initials («V. Hùng», «T. Lan») seldom
    do, even when they happen to rise («C. Tuấn», «V. Hùng»)."""
    return _numerals_in_order(marks) or lettered(marks)


def _numerals_in_order(marks: list[Mark]) -> bool:
    """Whether marks are Roman numerals one up («I., II., III.»)."""
    return all(mark.kind == _ROMAN_MARK for mark in marks) and all(
        (after.value or 0) == (before.value or 0) + 1 for before, after in itertools.pairwise(marks)
    )


def lettered(marks: list[Mark]) -> bool:
    """Whether marks are capital letters next in the alphabet («A., B., C.»), and no numerals
    one up: «V., X.» letter a list that went «U., V., X.», never the fifth and the tenth."""
    return (
        not _numerals_in_order(marks)
        and all(mark.written in _ALPHABET for mark in marks)
        and all(
            _next_letter(before.written, after.written)
            for before, after in itertools.pairwise(marks)
        )
    )


def _next_letter(before: str, after: str) -> bool:
    """Whether capital `after` comes next after `before` in a lettered list."""
    start, end = _ALPHABET.index(before), _ALPHABET.index(after)
    return start < end and all(letter in _SKIPPED for letter in _ALPHABET[start + 1 : end])


def unmarked(text: str, mark: Mark) -> str:
    """`text` without its own mark."""
    return mark.keep + text[mark.rest :]


def names_a_person(text: str, mark: Mark, *, given_name: bool = False) -> bool:
    """Whether `mark` is the initial of a name `text` opens with: a capital and a stop, then
    one word, or capitalised words, before the unit or a note («V. Hùng - Công an xã Tân
    Bình», «T. Lan (Đoàn xã)», «B. Hùng»); with `given_name`, at most a given name's two
    words: «A. Nguyễn Văn Hùng» is a lettered item naming a person in full."""
    if not mark.initial:
        return False
    words = _WORD.findall(_BYLINE_END.split(text[mark.rest :], maxsplit=1)[0])
    if given_name and len(words) > _GIVEN_NAME_WORDS:
        return False
    name = all(w[0].isupper() for w in words) and not all(w.isupper() for w in words)
    return len(words) < 2 or name


def name_of(text: str, mark: Mark) -> str:
    """The name `text` opens with, its initial `mark` and the words after it, when its unit or a
    note follows after a dash or in brackets: «H. Thanh Tùng» of «**H. Thanh Tùng** - Công an
    xã»; "" for a name alone, as a list of places is written too («- H. Châu Thành»)."""
    rest = _UNIT_AFTER.split(text[mark.rest :], maxsplit=1)
    return " ".join([f"{mark.written}.", *_WORD.findall(rest[0])]) if len(rest) > 1 else ""


def _section_mark(text: str, marks: tuple[Mark, ...] | None = None) -> Mark | None:
    """The mark a heading opens with; not a name's initial («V. Hùng», a byline written as a
    heading or a line of its own), nor, given the `marks` every paragraph of the text opens
    with (`opening_marks`), a capital no other mark goes before or after as a list's do:
    «T. Hùng khai nhận» alone is a person's initial, «B. Kết quả» after «A.» a section's."""
    mark = own_mark(text)
    if mark is None:
        return None
    if names_a_person(text, mark) and not _next_numeral(text, mark, marks):
        return None
    if marks is not None and _lone_initial(text, mark, marks):
        return None
    return mark


def _next_numeral(text: str, mark: Mark, marks: tuple[Mark, ...] | None) -> bool:
    """Whether `mark` is a Roman numeral one up from another paragraph's, before words that
    are no given name: «X. Kết Luận» after «IX.» is the tenth part (it was read «Xã Kết
    Luận»), where «V. Thanh Tùng» may still sign a report that went to «IV.»."""
    return (
        marks is not None
        and mark.kind == _ROMAN_MARK
        and any(_numerals_in_order([other, mark]) for other in marks if other.kind == _ROMAN_MARK)
        and not a_given_name(_WORD.findall(_BYLINE_END.split(text[mark.rest :], maxsplit=1)[0]))
    )


def opening_marks(paragraphs: list[str]) -> tuple[Mark, ...]:
    """The capital marks the paragraphs open with, their bold lead-ins' too («**B. Kết
    quả:**»): what tells a section's letter from a person's initial (`_section_mark`)."""
    found = []
    for paragraph in paragraphs:
        text = paragraph.strip().lstrip("#").strip()
        lead = lead_of(text)
        mark = own_mark(lead.strip().strip("*_") if lead is not None else text)
        if mark is not None and mark.written.isupper():
            found.append(mark)
    return tuple(found)


def _lone_initial(text: str, mark: Mark, marks: tuple[Mark, ...]) -> bool:
    """Whether a capital and a stop opening `text` in lower case after its first word («T. Hùng
    khai nhận», «V. Hùng bị bắt») is a person's initial, or a place's prefix before its name
    («X. Tân Bình khai trương …», not «Phần mười»): no other paragraph's mark comes just
    before or after it (`in_order`), and it is no list's first («A.», «I.»)."""
    if not mark.initial or mark.written in (_ALPHABET[0], _ROMAN_MARK):
        return False
    place = mark.written in _PLACE_LETTERS and _PLACE_THEN_WORDS.match(text, mark.rest)
    if not place and not _NAME_THEN_DEED.match(text, mark.rest):
        return False  # «V. Kết quả tuần tra», «C. Kết luận»: a section's own words
    return not any(
        in_order([other, mark]) or in_order([mark, other])
        for other in marks
        if other.written != mark.written
    )


def is_marked_heading(text: str, marks: tuple[Mark, ...] | None = None) -> bool:
    """Whether a paragraph is a report's section heading written as a line of text: a Roman
    numeral, a capital letter or a multi-level number mark, a few words, no full stop («I. TÌNH
    HÌNH CHUNG», «B. Kết quả», «1.1. Tuần tra»). A number or a small letter mark makes a list
    item instead; with the text's `marks` (`opening_marks`), a lone initial is no mark."""
    mark = _section_mark(text, marks)
    if mark is None or mark.kind == _NUMBER_MARK or mark.written.islower():
        return False
    rest = text[mark.rest :].rstrip(" *_")
    return short_heading(rest)


def short_heading(text: str) -> bool:
    """R1.2's measure of a heading written as a line: a few words, no final stop."""
    return len(text.split()) <= _HEADING_WORDS and not text.endswith((".", "!", "?"))


def heading_said(
    text: str, *, lettered_headings: bool = False, marks: tuple[Mark, ...] | None = None
) -> str:
    """A heading with its own mark as a presenter says it: a Roman numeral a part («Phần I:»),
    a number the place («Thứ 1,»), a letter or a multi-level number nothing; with
    `lettered_headings` (`headings_lettered`), «V.» and «X.» are letters too; the text's
    `marks` (`opening_marks`) tell «X. Kết Luận Chung» after «IX.» from a name."""
    mark = _section_mark(text)
    if mark is None and marks is not None:
        found = own_mark(text)
        mark = found if found is not None and _next_numeral(text, found, marks) else None
    if lettered_headings and mark is not None and mark.written in _ALPHABET:
        return unmarked(text, mark)
    return _said(text, mark)


def headings_lettered(headings: list[str]) -> bool:
    """Whether a text's headings marked with a capital («V. Kết quả», later «X. Phương hướng»)
    go as letters do, «V., X.», not as numerals one up: the fifth and the tenth part with none
    between are a list of parts lettered to «X.», as `lettered` reads a list's items. «I., II.,
    III.» are numerals in order, never letters."""
    marks = [mark for text in headings if (mark := _section_mark(text)) is not None]
    capitals = [mark for mark in marks if mark.written.isupper()]
    return len(capitals) > 1 and lettered(capitals)


def lead_of(text: str) -> str | None:
    """A paragraph's emphasised lead-in, marks included («**V. Kết quả:**»), if it has one."""
    lead = _LEAD.match(text) if text[:1] in "*_ " else None
    return None if lead is None else lead[0]


def lead_said(
    text: str, *, lettered_headings: bool = False, marks: tuple[Mark, ...] | None = None
) -> str:
    """A paragraph whose emphasised lead-in is a marked heading run into its text («**1. Về
    công tác tuần tra:** Trong tuần …», «**a) Tuần tra:** …») with the mark said as a
    heading's (`heading_said`, and `lettered_headings` as there); any other paragraph as it is
    (a mark in running text is no heading)."""
    lead = lead_of(text)
    if lead is None:
        return text
    mark = _section_mark(lead.strip().strip("*_"), marks)
    if mark is None:
        return text
    mark = _section_mark(lead) or (own_mark(lead) if marks is not None else None)
    if lettered_headings and mark is not None and mark.written in _ALPHABET:
        return unmarked(text, mark)
    return _said(text, mark)


def _said(text: str, mark: Mark | None) -> str:
    """`text` with its section mark `mark` (if any) said as `heading_said` says it."""
    if mark is None:
        return text
    rest = unmarked(text, mark)
    if mark.kind == _ROMAN_MARK:
        # «Phần một: KẾ HOẠCH: …» would be two colons in a row: the heading's own goes on.
        pause = "," if ":" in rest else ":"
        return f"Phần {mark.written}{pause} {rest}"
    if mark.kind == _NUMBER_MARK:
        return f"Thứ {mark.value}, {rest}"
    return rest
