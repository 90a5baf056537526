"""How a list with levels is read aloud (R1.6): the listener cannot see the indentation, so the
levels are said. Each sub-list runs into the sentence of the item above it, after a colon; a
deeper level is joined with «,» and the level above it with «;», or each sub-item is a sentence
when written as sentences. When a list has levels and two points or more, each top point is a
sentence opened by «thứ nhất, … Thứ hai, …», so the listener hears where the next one starts:
«Kế hoạch gồm: thứ nhất, tuần tra ban đêm: tại các xã, tại thị trấn. Thứ hai, kiểm tra hành
chính.». A flat list is read as before, item by item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ANNOUNCES", "ENDS_SENTENCE", "SENTENCE_INSIDE", "TRAILING_PAUSE", "Entry", "spoken"]

Lines = tuple[tuple[int, str], ...]

ANNOUNCES = re.compile(r":[\s*_]*$")
"""A text ending in a colon (bold or not): it announces what follows."""
ENDS_SENTENCE = re.compile(r"[.!?][\s*_”\"’)»]*$")
SENTENCE_INSIDE = re.compile(r"[.!?][*_”\"’)»]*\s+\S")
TRAILING_PAUSE = re.compile(r"[\s;,]+$")
_CLOSERS = ' \t\n*_”"’)»'
"""What may follow an item's end mark: closing bold, quotes, brackets."""
_PAUSES = ";,:."
_DOTTED_END = re.compile(r"(?:\w\.\w|\.\.)\.$|…$")
"""`v.v.`, `...`: the stop is part of the word or the ellipsis, never taken off."""
_INNER_PAUSE = re.compile(r"[,;:]")
_SUB_ITEM_INDENT = 2
"""A list line indented this much more than the item above it is in that item (`  - `, `   a)`)."""
_MAX_LEVELS = 50
"""Levels read as levels, as publish.nesting.MAX_DEPTH lets a bulletin have (`publish speak`
reads any text): a deeper item is read at the last level, and the reading never recurses
deeper than this."""
_COUNTED = re.compile(
    r"[\s*_]*(?i:thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|\d+)\b|"
    r"(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là\b|"
    r"(?:bước|giai đoạn|phần|mục|điều|khoản|nhóm|lần|phương án|nội dung)\s+"
    r"(?:\d+|[IVXLC]+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|thứ)\b)"
)
"""An item that already says its place («Bước 1:», «Thứ nhất,», «Một là,»): no ordinal added."""
_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")


@dataclass
class Entry:
    """One list item as written (its indentation, text and source lines) and, once the levels
    are known, the items under it."""

    indent: int
    text: str
    lines: Lines
    children: list[Entry] = field(default_factory=list)

    def all_lines(self) -> Lines:
        """The source lines of the item and of everything under it, in order."""
        return self.lines + tuple(line for child in self.children for line in child.all_lines())


def spoken(entries: list[Entry]) -> list[tuple[str, Lines]]:
    """The list's units read aloud, each with its source lines: the items as written when the
    list is flat, else one sentence per top point with its sub-items in it."""
    top = _grouped(_levels(entries))
    if not any(entry.children for entry in top):
        return [(entry.text, entry.lines) for entry in top]
    counted = len(top) > 1 and not any(_COUNTED.match(entry.text) for entry in top)
    return [
        (_counting(i) * counted + _as_sentence(_said(entry)), entry.all_lines())
        for i, entry in enumerate(top, start=1)
    ]


def _levels(entries: list[Entry]) -> list[Entry]:
    """The items as a tree by indentation: a line indented two spaces or more past an item's
    mark is in that item (Markdown's `  - `, `   a)`, `    - `, Word's «o» made `    ◦ `)."""
    top: list[Entry] = []
    open_items: list[Entry] = []
    for entry in entries:
        entry.children = []
        while open_items and (
            entry.indent < open_items[-1].indent + _SUB_ITEM_INDENT
            or len(open_items) == _MAX_LEVELS
        ):
            open_items.pop()
        (open_items[-1].children if open_items else top).append(entry)
        open_items.append(entry)
    return top


def _grouped(entries: list[Entry]) -> list[Entry]:
    """An item ending in a colon with nothing indented under it announces the items after it,
    up to the next such item: they are its sub-items (indentation lost in a paste or never
    typed), and «Tuần tra ban đêm:» is not read as a point of its own ending in a full stop."""
    kept: list[Entry] = []
    label: Entry | None = None
    for entry in entries:
        entry.children = _grouped(entry.children)
        announces = bool(ANNOUNCES.search(entry.text))
        if label is not None and not announces:
            label.children.append(entry)
            continue
        label = entry if announces and not entry.children else None
        kept.append(entry)
    return kept


def _said(entry: Entry) -> str:
    """An item with its sub-items as one text: the item, a colon, then the sub-items joined
    with «,» («;» when one holds a pause of its own), or as sentences when written so."""
    head = entry.text.strip()
    if not entry.children:
        return head
    parts = [_said(child) for child in entry.children]
    sentences = any(SENTENCE_INSIDE.search(p) for p in parts) or any(
        ENDS_SENTENCE.search(p) for p in parts[:-1]
    )
    if sentences:
        return f"{_announcing(head, sentences=True)} {' '.join(map(_as_sentence, parts))}"
    opened = [_open(p) for p in parts]
    pause = ";" if any(_INNER_PAUSE.search(p) for p in opened) else ","
    return f"{_announcing(head, sentences=False)} {f'{pause} '.join(opened)}"


def _announcing(head: str, *, sentences: bool) -> str:
    """The item above a sub-list, ending in the colon that announces it; a question or an
    exclamation stays, and so does a full stop before sub-items that are sentences."""
    if ANNOUNCES.search(head) or _asks(head):
        return head
    if ENDS_SENTENCE.search(head) and sentences:
        return head
    if _dotted(head):
        return head + ":"  # the stop of «v.v.» is the abbreviation's: the colon comes after it
    start, end = _end_mark(head)
    if start < end:
        return head[:start] + ":" + head[end:]
    return TRAILING_PAUSE.sub("", head) + ":"


def _open(text: str) -> str:
    """A sub-item that the next one follows after a pause mark: its own end mark taken off."""
    if _dotted(text) or _asks(text):
        return text
    start, end = _end_mark(text)
    return text[:start] + text[end:]


def _as_sentence(text: str) -> str:
    """A text ending in a sentence mark: a colon or pause at its end becomes a full stop."""
    if ENDS_SENTENCE.search(text):
        return text
    start, end = _end_mark(text)
    if start < end:
        return text[:start] + "." + text[end:]
    return text.rstrip() + "."


def _counting(n: int) -> str:
    """What opens the n-th point: «thứ nhất, » (after a lead-in's colon, or capitalised as the
    paragraph's start), «Thứ hai, » … after the point before; from the eleventh, digits that R10
    reads. Capitalised here: the capitaliser takes «… chọn B.» for an initial."""
    place = _ORDINALS[n - 1] if n <= len(_ORDINALS) else str(n)
    return f"{'thứ' if n == 1 else 'Thứ'} {place}, "


def _end_mark(text: str) -> tuple[int, int]:
    """Where the marks ending a text (`;`, `,`, `:`, `.`) start and end, before its closing bold
    or quote; an empty span at the end when there are none. Scanned from the end: a regex
    search retried from every mark of a long run of them."""
    end = len(text.rstrip(_CLOSERS))
    start = end
    while start and text[start - 1] in _PAUSES:
        start -= 1
    return start, end


def _asks(text: str) -> bool:
    """Whether a text ends in `?` or `!`, before its closing bold or quote."""
    return text.rstrip(_CLOSERS)[-1:] in ("?", "!")


def _dotted(text: str) -> bool:
    """Whether a text ends in `v.v.`-like dots or an ellipsis, before its closing bold or quote."""
    return bool(_DOTTED_END.search(text.rstrip(_CLOSERS)[-4:]))
