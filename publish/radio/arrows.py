"""Arrows between the steps of a sentence: typed ones made one kind, and «từ A → B» a range.

An arrow is read as a pause in P8 (publish.radio.punctuation), never «hơn» for its `>`; here,
right after P1, the ways editors type one (`= >`, `==>`, `- >=`, fullwidth `＝＞`) become `->`
before P4 reads `>`, `>=` as comparisons, and an arrow after «từ» and a number, date or time,
before another (`từ 7h => 11h`), is the «đến» of a range (R8.3, R12.1): «từ bảy giờ, mười một
giờ» is no Vietnamese, and P3 reads the second date only after «đến» (R7.2).
"""

from __future__ import annotations

import re

from publish.number_words import STEP_ARROWS
from publish.radio.measures import quantity_follows
from publish.radio.tail import ends_before

__all__ = ["arrows_read"]

_TYPED_ARROW = re.compile(
    r"(?<![<>=!-])(?:-[^\S\n]*+>[^\S\n]*+=|-[^\S\n]*+=[^\S\n]*+>|=[^\S\n]++>|={2,}>|=>>++|＝＞|－＞)"
    r"(?![<>=])"
)
"""`- >=`, `->=`, `-=>`, `= >`, `==>`, `=>>`, `＝＞`: an arrow typed with a key too many or a space;
its `>=` was read «không dưới», its `=` left for Q2. `-->` stays for Q2 (R14.6), `<=>` as written."""
_ANY_ARROW = rf"(?:->|=>|[{STEP_ARROWS}])"
_FIGURE = r"(?:[^\W\d_]++[^\S\n]++)?[^\s,;:!?]*?\d[^\s,;:!?]*?"
"""One word holding a digit (`7h`, `1/6`, `5`), after the word naming what it is or not (`ngày`,
`năm`, `km`)."""
_NOW = r"(?:(?i:hiện)[^\S\n]++)?(?i:nay)(?!\w)"
"""«nay», «hiện nay»: the end of a range from a year or a date (`từ năm 2019 => nay`)."""
_ARROW_RANGE = re.compile(
    rf"(?<!\w)([Tt]ừ[^\S\n]++{_FIGURE})[^\S\n]*+{_ANY_ARROW}[^\S\n]*+"
    rf"(?={_FIGURE}(?:[\s,;:!?]|$)|{_NOW})"
)
"""`từ 7h => 11h`, `từ ngày 1/6 → 5/6`, `từ km 5 => km 10`, `từ năm 2019 => nay`: an arrow
between two figures, or a figure and «nay», after «từ»."""
_WORD = re.compile(r"[^\s,;:!?]+")
_AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})+")
"""`5.000.000`: an amount in groups of thousands, a range's end however many digits."""
_MOST_DIGITS = 5
"""More digits than this, not in groups of thousands: a phone's, an account's, no range's end."""


def arrows_read(text: str) -> str:
    """Typed arrows as `->`, and an arrow after «từ» and a figure before another as «đến»."""
    if ">" in text or "＞" in text:
        text = _TYPED_ARROW.sub(_arrow_or_at_least, text)
    if "từ" in text.lower():
        text = _ARROW_RANGE.sub(_range_said, text)
    return text


_FROM_FIGURE_BEFORE = re.compile(rf"(?<!\w)[Tt]ừ[^\S\n]++{_FIGURE}[^\S\n]*+$")
"""«từ» and a figure right before: `từ 7h - >= 11h` is an arrow between the ends of a range."""
_FIGURE_BEFORE = re.compile(r"\d[^\s,;:!?]*+[^\S\n]*+$")
_NUMBER_AFTER = re.compile(r"[^\S\n]*+\d[\d.,]*+")
_DASH_THEN_AT_LEAST = re.compile(r"-[^\S\n]++>[^\S\n]*+=")
"""`- >=`, a space after the dash: a dash's pause, then `>=`, unless figures stand either side."""


def _arrow_or_at_least(m: re.Match[str]) -> str:
    """`->` for a typed arrow; `- >=` before a number is a dash's pause and «không dưới», as
    written (`Kết quả - >= 5 vụ`, `Ngày 5/3 - >= 10 vụ`), but inside «từ … - >= …» or between
    two figures with nothing counted after the second (`7h - >= 11h`)."""
    number = _NUMBER_AFTER.match(m.string, m.end())
    if number is None or not _DASH_THEN_AT_LEAST.fullmatch(m[0]):
        return "->"
    if ends_before(_FROM_FIGURE_BEFORE, m.string, m.start()):
        return "->"
    if ends_before(_FIGURE_BEFORE, m.string, m.start()) and not quantity_follows(
        m.string, number.end()
    ):
        return "->"
    return m[0]


def _range_said(m: re.Match[str]) -> str:
    """The «đến» of `m`'s range; the arrow kept after a phone's or an account's digits, which
    open no range («từ không chín một hai …, đến …»)."""
    after = _WORD.match(m.string, m.end())
    ends = (m[1].split()[-1], after[0].rstrip(".") if after else "")
    # A currency or a counted noun after the second end: amounts however long (`từ 1000000 =>
    # 5000000 đồng`), no phone's or account's digits.
    counted = after is not None and quantity_follows(m.string, after.end())
    counted = counted and not any(end.startswith("0") for end in ends)  # no amount starts so
    if not counted and any(_numbered(end) for end in ends):
        return m[0]
    return f"{m[1]} đến "


def _numbered(word: str) -> bool:
    """Whether `word` holds a phone's or an account's digits rather than a figure."""
    return sum(c.isdigit() for c in word) > _MOST_DIGITS and not _AMOUNT.fullmatch(word)
