"""Markdown typed a little off, which the website and Zalo show as typed, told to the editor.

Each is a warning naming its line and the one change that makes it what the editor meant:

- a list item without the space after its mark («-Không…», «1.Gọi…»): no list, its lines run
  on as one paragraph, and the radio cannot read the «-»;
- a bold mark with a space on its inner side («**Lưu ý: **không», «** 113 **») or never
  closed: no bold, both pairs of asterisks show;
- a table without the line «| --- | --- |» under its first row, or written right under a line
  of text (no blank line between): no table, its rows run on as one line full of «|»;
- a line of text right under a table: the website makes it one more row of the table;
- bold ending on a mark a space follows, a letter right after it («**Giả danh ngân hàng:**Đối
  tượng»): the website shows «hàng:Đối» glued (Zalo, which drops the bold, gets a space from
  its converter).

None is mended: what the editor meant is clear to a reader, not to a program (a «-» may open a
word, «**» may be a pair opened on another line). A body without «-», «+», a digit opening a
line, «**» or «|» is passed over by cheap searches.
"""

from __future__ import annotations

import re

from publish.fields import Collector
from publish.frontmatter import Parsed
from publish.markdown_code import masked
from publish.markdown_comments import prose
from publish.text import SPACE_AFTER, LineCounter, LinePattern, line_numbers

__all__ = ["check"]

LINES_LISTED = 10
"""How many lines one warning names; the count says how many more there are."""
_EXCERPT = 40
"""How many characters of a line a message quotes."""

_GLUED_ITEM = LinePattern(r" {0,3}([-+]|\d{1,2}[.)])(?=[^\W\d_])")
"""A line opening as a list item whose mark has a letter right after it (group 1: the mark).
A digit after it is a number («-3 độ», «+84 …», «1.000 đồng»), «*» opens emphasis."""
_STARS = re.compile(r"(?<!\\)\*{2,}")
"""A run of asterisks that may open or close bold (a single «*» is emphasis, left alone)."""
_PLAIN_PAIR = re.compile(r"\*\*(?<![\\*]\*\*)(?=[^\s*])[^*\n]*+(?<=[^\s*\\])\*\*(?!\*)")
"""A bold pair on one line, with nothing but its words between (no other «*»), a non-space
inside each mark: always bold. Nearly every «**» of a body is one: when taking them out
leaves no «**», there is nothing to pair one by one. (Opening with the literal «**» lets the
search skip to each one: a lookbehind first made it try every character.)"""
_GLUED_BOLD = re.compile(
    rf"\*\*(?<![\\*]\*\*)(?=[^\s*])[^*\n]*+(?<=[{re.escape(SPACE_AFTER)}])\*\*(?=[^\W\d_])"
)
"""A one-line bold pair ending on a mark a space follows (SPACE_AFTER), a letter right after
its closing «**»: «**Lưu ý:**Không»."""
_WORD_AFTER = re.compile(r"[^\s*]*")
"""The word glued after a closing «**»."""
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
"""A heading line: Python-Markdown makes it a block of its own, a table may follow it."""
_SEPARATOR = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
"""The line under a table's first row: «| --- | :--: |»."""
_ROW = re.compile(r" {0,3}\|")
"""A line written as a row of a table (opening with «|»)."""


def check(col: Collector, parsed: Parsed) -> None:
    """A warning for each kind of mistyped Markdown in the shown body (see the module)."""
    body = parsed.body
    if "**" not in body and "|" not in body and _GLUED_ITEM.search(body) is None:
        return  # nearly every body
    shown = masked(prose(body))  # comments are never shown; code shows as typed
    first = parsed.body_line
    lines = shown.split("\n")
    _glued_items(col, shown, first)
    if "**" in shown and "**" in _PLAIN_PAIR.sub("", shown):
        _stray_stars(col, lines, first)
    if "**" in shown:
        _glued_bold(col, shown, first)
    if "|" in shown:
        _tables(col, lines, first)


def _excerpt(line: str) -> str:
    """A line as a message quotes it, cut after _EXCERPT characters."""
    text = line.strip()
    return text if len(text) <= _EXCERPT else text[:_EXCERPT].rstrip() + "…"


def _also(lines: list[int]) -> str:
    """« (cả ở dòng 9, 12)» for the lines after the first, empty when there are none."""
    return f" (cả ở {line_numbers(lines[1:], LINES_LISTED - 1)})" if len(lines) > 1 else ""


def _glued_items(col: Collector, shown: str, first: int) -> None:
    """One warning for the lines opening as list items without the space after the mark."""
    line = LineCounter(shown, first)
    found = [(m[1], line(m.start()), m.start()) for m in _GLUED_ITEM.finditer(shown)]
    if not found:
        return
    mark, number, start = found[0]
    end = shown.find("\n", start)
    text = _excerpt(shown[start : None if end < 0 else end])
    marks = list(dict.fromkeys(f"«{m}»" for m, _, _ in found))
    col.add(
        f"dòng «{text}» mở đầu bằng dấu của mục danh sách ({', '.join(marks[:3])}) mà thiếu "
        f"dấu cách sau dấu đó{_also([n for _, n, _ in found])}: website và Zalo không hiện "
        "danh sách mà nối các dòng ấy vào đoạn văn phía trên, đài không đọc được dấu",
        line=number,
        hint=f"Thêm một dấu cách sau dấu ở đầu mỗi dòng đó: «{mark} {text.strip()[len(mark) :]}».",
        severity="warning",
    )


def _stray_stars(col: Collector, lines: list[str], first: int) -> None:
    """One warning for the «**» that make no bold: paired in each paragraph as Python-Markdown
    pairs them, a run may open only before a non-space and close only after one."""
    found: list[int] = []
    start = 0
    for end in [*(i for i, line in enumerate(lines) if not line.strip()), len(lines)]:
        if start < end:
            found += _unpaired(lines, start, end)
        start = end + 1
    if not found:
        return
    text = _excerpt(lines[found[0]])
    col.add(
        f"dấu «**» ở dòng «{text}» không làm chữ đậm{_also([first + i for i in found])}: có "
        "dấu cách ngay sau dấu ** mở hay ngay trước dấu ** đóng, hoặc thiếu dấu ** đóng; "
        "website và Zalo hiện nguyên các dấu sao",
        line=first + found[0],
        hint="Viết dấu ** sát chữ cần in đậm, dấu cách để ngoài cặp dấu: «**Lưu ý:** không "
        "cung cấp…», «gọi **113**»; mỗi dấu ** mở cần một dấu ** đóng trong cùng đoạn.",
        severity="warning",
    )


def _glued_bold(col: Collector, shown: str, first: int) -> None:
    """One warning for the bold pairs a word is glued to after their closing mark."""
    found = list(_GLUED_BOLD.finditer(shown))
    if not found:
        return
    line = LineCounter(shown, first)
    numbers = list(dict.fromkeys(line(m.start()) for m in found))
    bold = found[0].group()
    after = _WORD_AFTER.match(shown, found[0].end())
    word = after.group() if after else ""
    col.add(
        f"chữ đậm «{bold}» viết liền chữ sau nó («{word}»){_also(numbers)}: website hiện "
        f"«{bold[2:-2]}{word}» không có dấu cách sau dấu «{bold[-3]}»",
        line=numbers[0],
        hint=f"Thêm một dấu cách sau dấu ** đóng: «{bold} {word}».",
        severity="warning",
    )


def _unpaired(lines: list[str], start: int, end: int) -> list[int]:
    """The lines (indexes) of the paragraph `lines[start:end]` holding a «**» run that stays
    as typed: one that can neither open nor close, or is never paired."""
    text = "\n".join(lines[start:end])
    if "**" not in text:
        return []
    opened: list[int] = []
    stray: list[int] = []
    for run in _STARS.finditer(text):
        before = text[run.start() - 1] if run.start() else " "
        after = text[run.end()] if run.end() < len(text) else " "
        closes = not before.isspace()
        opens = not after.isspace()
        line = start + text.count("\n", 0, run.start())
        if closes and opened:
            opened.pop()
        elif opens:
            opened.append(line)
        else:
            stray.append(line)
    return sorted({*stray, *opened})


def _tables(col: Collector, lines: list[str], first: int) -> None:
    """A warning for each table Python-Markdown does not make, or makes with a row of text."""
    block: list[int] = []
    for i, line in enumerate([*lines, ""]):
        if line.strip() and not _HEADING.match(line):
            block.append(i)
            continue
        if block:
            _table_block(col, lines, block, first)
        block = []


def _table_block(col: Collector, lines: list[str], block: list[int], first: int) -> None:
    """The warning for one block of lines (a paragraph to Markdown) holding table rows."""
    if any(lines[i].lstrip().startswith(">") for i in block):
        return  # a quote: its «>» marks would have to be read first
    rows = [i for i in block if _ROW.match(lines[i])]
    separators = [i for i in block if "-" in lines[i] and _SEPARATOR.fullmatch(lines[i])]
    if len(block) > 1 and block[1] in separators and "|" in lines[block[0]]:
        # A table: a line of text under its rows becomes one more row.
        if text := next((i for i in block[2:] if "|" not in lines[i]), None):
            col.add(
                f"dòng «{_excerpt(lines[text])}» viết ngay dưới bảng, không có dòng trống ở "
                "giữa: website và Zalo hiện nó thành một hàng của bảng",
                line=first + text,
                hint=f"Để một dòng trống giữa hàng cuối của bảng (dòng {first + text - 1}) "
                "và dòng này.",
                severity="warning",
            )
        return
    under = next((i for i in separators if i - 1 in block and "|" in lines[i - 1]), None)
    if under is not None and under - 1 > block[0] and not _ROW.match(lines[under - 2]):
        header, above = under - 1, under - 2
        col.add(
            f"bảng viết ngay dưới dòng «{_excerpt(lines[above])}», không có dòng trống ở giữa: "
            "website và Zalo không hiện bảng mà nối các hàng của nó vào đoạn văn phía trên "
            "thành một dòng chữ có các dấu |",
            line=first + header,
            hint=f"Để một dòng trống giữa dòng {first + above} và hàng đầu của bảng "
            f"(dòng {first + header}).",
            severity="warning",
        )
        return
    if len(rows) < 2:
        return
    cells = max(1, lines[rows[0]].strip().strip("|").count("|") + 1)
    col.add(
        "bảng thiếu dòng kẻ ngay dưới hàng đầu: website và Zalo không hiện bảng mà nối "
        f"{len(rows)} hàng thành một dòng chữ có các dấu |",
        line=first + rows[0],
        hint=f"Thêm ngay dưới dòng {first + rows[0]} một dòng kẻ, mỗi cột một «| --- »: "
        + "«"
        + "| --- " * cells
        + "|».",
        severity="warning",
    )
