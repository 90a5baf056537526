"""How a list with levels is read aloud (R1.6): the listener cannot see the indentation, so the
levels are said. Each sub-list runs into the sentence of the item above it, after a colon; a
deeper level is joined with «,» and the level above it with «;», or each sub-item is a sentence
when written as sentences. When a list has levels and two points or more, each top point is a
sentence opened by «thứ nhất, … Thứ hai, …», so the listener hears where the next one starts:
«Kế hoạch gồm: thứ nhất, tuần tra ban đêm: tại các xã, tại thị trấn. Thứ hai, kiểm tra hành
chính.». A flat list is read as before, item by item. A list's lines are told here too
(`LIST_LINE`, `mark_of`, `indent_of`), for publish.radio.markdown's splitter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from publish.markdown_pasted import BULLET_GLYPHS, WORD_SUB_BULLET, sub_bullets
from publish.nesting import SUB_LIST_INDENT
from publish.radio.marks import (
    Mark,
    in_order,
    lettered,
    name_of,
    names_a_person,
    own_mark,
    unmarked,
)

__all__ = [
    "ANNOUNCES",
    "CONNECTORS",
    "ENDS_SENTENCE",
    "LIST_LINE",
    "SENTENCE_INSIDE",
    "TRAILING_PAUSE",
    "Entry",
    "ends_in_connector",
    "indent_of",
    "is_ordered",
    "mark_of",
    "spoken",
    "with_sub_bullets_marked",
]

Lines = tuple[tuple[int, str], ...]

ANNOUNCES = re.compile(r":[\s*_]*$")
"""A text ending in a colon (bold or not): it announces what follows."""
ENDS_SENTENCE = re.compile(r"[.!?][\s*_”\"’)»]*$")
SENTENCE_INSIDE = re.compile(r"[.!?][*_”\"’)»]*\s+\S")
TRAILING_PAUSE = re.compile(r"[\s;,]+$")
_CLOSERS = ' \t\n*_”"’)»'
"""What may follow an item's end mark: closing bold, quotes, brackets."""
_PAUSES = ";,:."
CONNECTORS = frozenset({"và", "hoặc"})
"""Words an item may end in to join the next (`hay` is also «good»: `rất hay` ends a clause)."""
_DOTTED_END = re.compile(r"(?:\w\.\w|\.\.)\.$|…$")
"""`v.v.`, `...`: the stop is part of the word or the ellipsis, never taken off."""
_INNER_PAUSE = re.compile(r";|(?<!\d)[,:]|[,:](?!\d)")
"""A pause inside a sub-item as it is spoken: «7:30», «1,5» are read without one."""
KEYCAP = re.compile(r"(?:[0-9]\ufe0f?\u20e3){1,2}|\U0001f51f")
"""A post's step number written in keycap emoji («1️⃣», «1️⃣0️⃣», «🔟»)."""
LIST_LINE = re.compile(
    rf"^(\s*)(?:[-*+{BULLET_GLYPHS}][\ufe0f\U0001f3fb-\U0001f3ff]?|\d{{1,3}}[.)]|[a-zđ][.)]"
    rf"|{KEYCAP.pattern})\s+(.*)$"
)
"""`-`, `1.`, and `a)` `b.` of a legal-style list (`a) Lừa đảo …;`), a bullet glyph pasted from
Word or a post (`•`, `👉`: see publish.markdown_pasted), or a post's keycap step («1️⃣ Tải ứng
dụng», read as «1) …»: its number ran on after the line before, «… VNeID hai, Chọn …»): the
mark is not read."""
NEST = SUB_LIST_INDENT
"""Columns past its level's items a list line must start to be in the item above it: the
website's (Python-Markdown's) rule, so the radio reads the levels the website shows; a line
indented 2 or 3 is an item of the same level there (publish check notes it)."""
_INSIDE = 2
"""Columns past its level a line of another kind (`a)` or `-` under `1.`) is the item's own
text on the website: it is read in that item."""
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
"""An item that already says its place in words («Bước 1:», «Thứ nhất,», «Một là,»): no
ordinal added. An item's own mark («1)», «**I.**», «a)») is no word: it is taken off
(`_take_marks`) and the list says the places."""
_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")


@dataclass
class Entry:
    """One list item as written (its indentation, text and source lines; the kind of its mark,
    «-», a number or a letter, and the number), or a paragraph indented under an item after a
    blank line; once the levels are known, what is under it."""

    indent: int
    text: str
    lines: Lines
    kind: str = "-"
    number: int | None = None
    paragraph: bool = False
    own: int | None = None
    """The number of the item's own mark taken off its text («- 2) …», «- II. …»)."""
    name: str = ""
    """The person's name the item opens with, its list being one of names («H. Thanh Tùng» of
    «- H. Thanh Tùng - Công an xã»): its initial is no place's prefix («huyện», R14.3)."""
    children: list[Entry] = field(default_factory=list)

    def all_lines(self) -> Lines:
        """The source lines of the item and of everything under it, in order."""
        return self.lines + tuple(line for child in self.children for line in child.all_lines())

    def all_names(self) -> tuple[str, ...]:
        """The names the item and everything under it open with."""
        own = (self.name,) if self.name else ()
        return own + tuple(name for child in self.children for name in child.all_names())


@dataclass
class _Level:
    """An open level of the list: the column its items start at, their kind, the last one."""

    base: int
    kind: str
    last: Entry


_SUB_BULLET_LINE = re.compile(r"^[ \t]*o(?:\t|[ \u00a0]{2})", re.MULTILINE)
_SUB_BULLET_GAPS = ("o\t", "o  ", "o \u00a0", "o\u00a0 ", "o\u00a0\u00a0")


def with_sub_bullets_marked(text: str) -> str:
    """`text` with each of Word's second-level «o» items (publish.markdown_pasted.sub_bullets:
    a list on the website) opened by «◦», read as a pasted bullet: the script's one kind of
    space would leave «o Tại các xã», read as the word «o». It is indented as the website's
    sub-list is, so it is read as a sub-item (`spoken`)."""
    # Every item needs an «o» then a Tab or two spaces: the search (`^` of every line, tried at
    # every character) runs only on a text holding one.
    if not any(gap in text for gap in _SUB_BULLET_GAPS) or not _SUB_BULLET_LINE.search(text):
        return text
    lines = text.split("\n")
    for i in sub_bullets(lines):
        lines[i] = WORD_SUB_BULLET.sub("    ◦ ", lines[i], count=1)
    return "\n".join(lines)


def is_ordered(listed: re.Match[str]) -> bool:
    """Whether a `LIST_LINE` line is numbered or lettered (`1.`, `2)`, `a)`) rather than marked."""
    return mark_of(listed)[0] != "-"


def mark_of(listed: re.Match[str]) -> tuple[str, int | None]:
    """A `LIST_LINE` line's kind of mark («-» for any bullet, «1» numbered, «a» lettered) and its
    number."""
    mark = listed[0][len(listed[1]) : listed.start(2)].strip()
    if KEYCAP.fullmatch(mark):
        return "1", int("".join(c for c in mark if c.isdigit()) or "10")  # «🔟»
    if mark[:1].isdigit():
        return "1", int(mark[:-1])
    return ("a", None) if mark[:1].isalpha() else ("-", None)


def indent_of(line: str) -> int:
    """Columns of a line's indentation (Tabs are expanded before the split)."""
    return len(line) - len(line.lstrip(" "))


def spoken(entries: list[Entry]) -> list[tuple[str, Lines, tuple[str, ...]]]:
    """The list's units read aloud, each with its source lines and the names its items open
    with (`Entry.name`): the items as written when the list is flat, else one sentence per top
    point with what is under it in it; an item left empty (its only clause not read on air) is
    no point."""
    top = _levels(entries)
    _take_marks(top)
    levels = any(not child.paragraph for entry in top for child in entry.children)
    top = _grouped(top)
    if not any(entry.children for entry in top):
        flat = [e for e in top if e.text.strip()]
        if _labelled_steps(flat):
            first = flat[0].own or flat[0].number or 1
            return [
                (_counting(n, first=i == 0) + _as_sentence(e.text), e.lines, e.all_names())
                for i, (n, e) in enumerate(enumerate(flat, start=first))
            ]
        return [(e.text, e.lines, e.all_names()) for e in flat]
    said = [(_said(entry), entry) for entry in top]
    said = [(text, entry) for text, entry in said if text]
    counted = levels and len(said) > 1 and not any(_COUNTED.match(e.text) for _, e in said)
    first = top[0].own or (top[0].number if top[0].kind == "1" else None) or 1
    return [
        (
            _counting(n, first=i == 0) * counted + _as_sentence(text),
            entry.all_lines(),
            entry.all_names(),
        )
        for i, (n, (text, entry)) in enumerate(enumerate(said, start=first))
    ]


_LABEL = re.compile(r"[\s*_]*[^\W\d_][^\W\d_]*(?:\s[^\W\d_]+){0,5}[*_]*:[*_]*\s")
"""A step's short label opening a numbered item (`**Mồi nhử:** Đăng tin …`)."""


def _labelled_steps(items: list[Entry]) -> bool:
    """Whether a flat list is numbered steps each opening with its label (`1. **Mồi nhử:** …`,
    `2. **Tạo lòng tin:** …`): read «thứ nhất, Mồi nhử: …», as the website shows the numbers;
    said bare after the lead-in's colon, «… giống nhau: Mồi nhử: Đăng tin …» ran two colons
    together and the listener lost where each step began. Items saying their place already
    («Bước 1:») are left as they are."""
    return (
        len(items) > 1
        and all(e.kind == "1" and not e.paragraph for e in items)
        and all(_LABEL.match(e.text) for e in items)
        and not any(_COUNTED.match(e.text) for e in items)
    )


def _levels(entries: list[Entry]) -> list[Entry]:
    """The items as a tree, nested as the website nests them: a line is in the item above it
    when it starts NEST columns past its level (`    - `, a Tab, Word's «o» made `    ◦ `), or
    is of another kind `_INSIDE` columns past it (`   a)` under `1.`); a paragraph indented
    under an item after a blank line goes on the item whose level its indent reaches."""
    top: list[Entry] = []
    open_levels: list[_Level] = []
    for entry in entries:
        entry.children = []
        if entry.paragraph:
            while len(open_levels) > 1 and entry.indent < open_levels[-1].base + NEST:
                open_levels.pop()
            (open_levels[-1].last.children if open_levels else top).append(entry)
            continue
        while open_levels and entry.indent < open_levels[-1].base:
            open_levels.pop()
        if not open_levels:
            top.append(entry)
            open_levels.append(_Level(entry.indent // NEST * NEST, entry.kind, entry))
            continue
        level = open_levels[-1]
        past = entry.indent - level.base
        inside = past >= NEST or (past >= _INSIDE and entry.kind != level.kind)
        if inside and len(open_levels) < _MAX_LEVELS:
            level.last.children.append(entry)
            base = level.base + NEST * max(1, past // NEST)
            open_levels.append(_Level(base, entry.kind, entry))
        else:
            (open_levels[-2].last.children if len(open_levels) > 1 else top).append(entry)
            level.last = entry
    return top


def _take_marks(entries: list[Entry]) -> None:
    """Take each item's own mark off its text («- 1) Tuần tra», «- I. Tuần tra», «- a) …»),
    at every level: written in the item, it was read out («một Tuần tra», «i Tuần tra», «a
    Tuần tra»), where the list's own mark («1.», «a)») never is. A capital and a stop («V.»,
    «A.») may be a name's initial: taken off only when every item beside it has such a mark,
    in order («A., B.», «I., II.»), never «- V. Hùng», «- T. Lan», nor in a list of names
    whose initials happen to follow («- B. Hùng - Công an xã», «- C. Lan»)."""
    items = [entry for entry in entries if not entry.paragraph]
    marks = [own_mark(entry.text) for entry in items]
    present = [mark for mark in marks if mark is not None]
    names = all(
        names_a_person(entry.text, mark, given_name=True)
        for entry, mark in zip(items, marks, strict=True)
        if mark is not None
    ) and not _lettered_from_a(items, marks)
    listed = len(present) == len(items) > 1 and in_order(present) and not names
    letters = listed and lettered(present)
    for entry, mark in zip(items, marks, strict=True):
        if mark is not None and (listed or not mark.initial):
            entry.text = unmarked(entry.text, mark)
            entry.own = None if letters else mark.value
        elif mark is not None and names:
            entry.name = name_of(entry.text, mark)
    for entry in entries:
        _take_marks(entry.children)


def _lettered_from_a(items: list[Entry], marks: list[Mark | None]) -> bool:
    """Whether every item is marked, the marks going «A., B., C.» from «A.», and no item names
    a unit or a note (`name_of`): «- A. Trộm», «- B. Cướp» is a lettered list of points even
    when each point is one word, as a list of names seldom is, a surname starting with «A»
    (Âu, An) being rare; «- A. Tuấn (Đoàn xã)» is a name all the same."""
    if len(items) < 2 or any(mark is None for mark in marks):
        return False
    present = [mark for mark in marks if mark is not None]
    return (
        present[0].written == "A"
        and lettered(present)
        and not any(name_of(e.text, m) for e, m in zip(items, present, strict=True))
    )


def _grouped(entries: list[Entry]) -> list[Entry]:
    """An item ending in a colon with nothing indented under it announces the items after it,
    up to the next such item: they are its sub-items (indentation lost in a paste or never
    typed), and «Tuần tra ban đêm:» is not read as a point of its own ending in a full stop."""
    kept: list[Entry] = []
    label: Entry | None = None
    for entry in entries:
        entry.children = _grouped(entry.children)
        announces = bool(ANNOUNCES.search(entry.text)) and not entry.paragraph
        if label is not None and not announces and not entry.paragraph:
            label.children.append(entry)
            continue
        label = entry if announces and not entry.children else None
        kept.append(entry)
    return kept


def _said(entry: Entry) -> str:
    """An item with what is under it as one text: the item, a colon, then the sub-items joined
    with «,» («;» when one holds a pause of its own), or as sentences when written so; a
    paragraph under the item is a sentence, announcing the sub-items after it. Empty when
    nothing of it is read."""
    runs: list[tuple[str, list[str]]] = [(entry.text.strip(), [])]
    for child in entry.children:
        if child.paragraph:
            runs.append((child.text.strip(), []))
        elif said := _said(child):
            runs[-1][1].append(said)
    texts = [text for text in (_with_parts(head, parts) for head, parts in runs) if text]
    if len(texts) == 1:
        return texts[0]
    return " ".join(map(_as_sentence, texts))


def _with_parts(head: str, parts: list[str]) -> str:
    """`head` announcing the sub-items read as `parts`; the parts alone when `head` is not read."""
    if not parts:
        return head
    sentences = any(SENTENCE_INSIDE.search(p) for p in parts) or any(
        ENDS_SENTENCE.search(p) for p in parts[:-1]
    )
    if sentences:
        said = " ".join(map(_as_sentence, parts))
    else:
        opened = [_open(p) for p in parts]
        pause = ";" if any(_INNER_PAUSE.search(p) for p in opened) else ","
        said = _joined(opened, pause)
    return f"{_announcing(head, sentences=sentences)} {said}" if head else said


def ends_in_connector(text: str) -> bool:
    """Whether a list item ends in «và», «hoặc» (`không tin, và`): the next item goes on its
    clause, with no pause between («không tin, và; không làm theo» was read)."""
    words = text.rstrip(_CLOSERS + ";,").rsplit(None, 1)
    return bool(words) and words[-1].lower() in CONNECTORS


def _joined(parts: list[str], pause: str) -> str:
    """Clauses read one after another with `pause` (and a space) between them, but for one
    ending in a connector («và», «hoặc»), which a space alone joins to the next."""
    said = parts[0]
    for before, part in pairwise(parts):
        said += (" " if ends_in_connector(before) else f"{pause} ") + part
    return said


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


def _counting(n: int, *, first: bool) -> str:
    """What opens the n-th point: «thứ nhất, » for the list's first (after a lead-in's colon,
    or capitalised as the paragraph's start), «Thứ hai, » … after the point before; from the
    eleventh, digits that R10 reads. Capitalised here: the capitaliser takes «… chọn B.» for
    an initial."""
    place = _ORDINALS[n - 1] if 0 < n <= len(_ORDINALS) else str(n)
    return f"{'thứ' if first else 'Thứ'} {place}, "


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
