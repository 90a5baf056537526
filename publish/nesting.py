"""Lists and quotes nested deeper than anyone writes: refused before a channel parses them; and
a sub-list indented too little to be one on the website: noted.

Python-Markdown parses each level of a nested list or quote one call deeper: a few hundred
levels (a crafted file, or a paste gone wrong) end in a RecursionError, an internal error that
stopped the whole build. No reader follows more than a handful of levels, so the load stops at
MAX_DEPTH with the line to fix.
"""

from __future__ import annotations

import re

from publish.fields import Collector
from publish.frontmatter import Parsed
from publish.markdown_comments import prose
from publish.text import LinePattern

__all__ = ["MAX_DEPTH", "SUB_LIST_INDENT", "flat_sub_lists", "too_deep"]

MAX_DEPTH = 50
"""Levels of list and quote one line may sit at (Python-Markdown fails past ~250)."""
_MARK = r"(?:[-*+]|\d{1,9}[.)])"
"""A list item's mark: a bullet, or a number with its dot or bracket."""
_OPENED_ITEM = re.compile(_MARK + r"[ \t]")
"""A list item's mark and its space: «- - - x» opens a list inside a list on one line."""
_DEEP_PREFIX = LinePattern(rf"(?:[ \t>]|{_OPENED_ITEM.pattern}){{{MAX_DEPTH},}}")
"""A line whose indent, quote marks and list marks could put it MAX_DEPTH levels deep (each
level takes at least one of these): the only lines worth measuring."""
_LIST_MARKER = re.compile(_MARK + r"(?:[ \t]|$)")
_THEMATIC_BREAK = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)
"""«- - - - -»: a horizontal rule, however long, no list."""
SUB_LIST_INDENT = 4
"""Columns past its level's items a list item must start to be a sub-item on the website and
Zalo (Python-Markdown's tab length; a Tab counts 4); the radio reads the same levels."""
_INDENTED_ITEM = LinePattern(r"(?: {2}|\t)[ \t]*" + _MARK + r"[ \t]")
"""A list item indented 2 columns or more: the only lines that may be a sub-item too shallow."""
_ITEM = re.compile(r"([ \t]*)" + _MARK + r"[ \t]+\S")
_LISTED = 5
"""Lines named in the note besides the first."""


def too_deep(col: Collector, parsed: Parsed) -> bool:
    """Whether a line is nested over MAX_DEPTH levels: one error at the first such line, naming
    how deep it is (the file is then not checked further). Code and comments are passed over."""
    if not _DEEP_PREFIX.search(parsed.body):
        return False  # nearly every body, told without blanking its code and comments
    body = prose(parsed.body)  # «>» in code or in a comment nests nothing
    for found in _DEEP_PREFIX.finditer(body):
        if _THEMATIC_BREAK.match(body, found.start()):
            continue
        level = _level(found[0], bool(_LIST_MARKER.match(body, found.end())))
        if level > MAX_DEPTH:
            col.add(
                f"danh sách hoặc trích dẫn lồng nhau {level} tầng, quá giới hạn {MAX_DEPTH} "
                "tầng mà publish nhận (đặt ra vì quá khoảng 250 tầng, trình dựng trang web và "
                "Zalo gặp lỗi; không ai đọc được nhiều tầng như vậy)",
                line=parsed.body_line + body.count("\n", 0, found.start()),
                hint="Viết lại cho ít tầng hơn: mỗi tầng danh sách lùi vào 4 dấu cách (hoặc một Tab), "
                "mỗi tầng trích dẫn thêm một dấu '>'; thường chỉ cần một, hai tầng.",
            )
            return True
    return False


def _level(prefix: str, list_item: bool) -> int:
    """Levels of a line: one per quote mark, one per list mark (each opens a list inside the
    one before, as in «- - x»), and one per two columns of indent before a list item (an
    indented line that is no list item is code or a continuation, no level); the outermost list
    counts none, as an item at the left margin always did."""
    quotes = prefix.count(">")
    marks = len(_OPENED_ITEM.findall(prefix)) + list_item
    if not marks:
        return quotes
    indent = sum(4 if c == "\t" else 1 for c in _OPENED_ITEM.sub("", prefix) if c != ">")
    return quotes + indent // 2 + marks - 1


def flat_sub_lists(col: Collector, parsed: Parsed) -> None:
    """A note (no warning: many bulletins were written so) at a list item indented 2 or 3
    columns past the item above it, meant as its sub-item: the website and Zalo show one flat
    list (a sub-list needs SUB_LIST_INDENT), and the radio reads it flat as they do."""
    if not _INDENTED_ITEM.search(parsed.body):
        return  # nearly every body, told without blanking its code and comments
    found = _shallow_items(prose(parsed.body).split("\n"))
    if not found:
        return
    others = ", ".join(str(parsed.body_line + i) for i in found[1 : _LISTED + 1])
    more = f" và {len(found) - _LISTED - 1} dòng khác" if len(found) > _LISTED + 1 else ""
    col.add(
        "mục danh sách chỉ thụt 2–3 dấu cách dưới mục bên trên"
        + (f" (cả ở dòng {others}{more})" if others else "")
        + ": trên website danh sách này hiện phẳng, không lùi cấp; đài cũng đọc phẳng",
        line=parsed.body_line + found[0],
        hint="Muốn là ý con của mục bên trên thì lùi 4 dấu cách (hoặc một Tab); không thì bỏ các "
        "dấu cách ở đầu dòng.",
        severity="note",
    )


def _shallow_items(lines: list[str]) -> list[int]:
    """Indexes of the list items 2–3 columns past the item above them (and of those right under
    one at its indentation) and less than SUB_LIST_INDENT past their level's items: the website
    makes them items of that level."""
    found: list[int] = []
    levels: list[int] = []  # the column each open level's items start at
    above: int | None = None  # the indentation of the item above
    previous = -1  # the index of the item above
    blank = False
    for i, line in enumerate(lines):
        if not line.strip():
            blank = True
            continue
        item = _ITEM.match(line)
        indent = len(line[: len(line) - len(line.lstrip(" \t"))].expandtabs(SUB_LIST_INDENT))
        if item is None:
            if blank and indent < (levels[0] if levels else 0) + SUB_LIST_INDENT:
                levels, above = [], None  # a paragraph after the list ends it
            blank = False
            continue
        blank = False
        while levels and indent < levels[-1]:
            levels.pop()
        if not levels:
            levels.append(indent // SUB_LIST_INDENT * SUB_LIST_INDENT)
        past = indent - levels[-1]
        # The item 2–3 columns in, and the ones under it at its indentation (its siblings).
        deeper = above is not None and 2 <= indent - above <= 3
        if (deeper or (indent == above and found[-1:] == [previous])) and past < SUB_LIST_INDENT:
            found.append(i)
        previous = i
        if past >= SUB_LIST_INDENT:
            levels.append(levels[-1] + past // SUB_LIST_INDENT * SUB_LIST_INDENT)
        above = indent
    return found
