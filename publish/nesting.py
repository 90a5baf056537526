"""Lists and quotes nested deeper than anyone writes: refused before a channel parses them.

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

__all__ = ["MAX_DEPTH", "too_deep"]

MAX_DEPTH = 50
"""Levels of list and quote one line may sit at (Python-Markdown fails past ~250)."""
_DEEP_PREFIX = LinePattern(rf"[ \t>]{{{MAX_DEPTH},}}")
"""A line whose indent and quote marks could put it MAX_DEPTH levels deep (each level takes at
least one of these characters): the only lines worth measuring."""
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def too_deep(col: Collector, parsed: Parsed) -> bool:
    """Whether a line is nested over MAX_DEPTH levels: one error at the first such line, naming
    how deep it is (the file is then not checked further). Code and comments are passed over."""
    if not _DEEP_PREFIX.search(parsed.body):
        return False  # nearly every body, told without blanking its code and comments
    body = prose(parsed.body)  # «>» in code or in a comment nests nothing
    for found in _DEEP_PREFIX.finditer(body):
        level = _level(found[0], bool(_LIST_MARKER.match(body, found.end())))
        if level > MAX_DEPTH:
            col.add(
                f"danh sách hoặc trích dẫn lồng nhau {level} tầng, quá giới hạn {MAX_DEPTH} "
                "tầng mà publish nhận (đặt ra vì quá khoảng 250 tầng, trình dựng trang web và "
                "Zalo gặp lỗi; không ai đọc được nhiều tầng như vậy)",
                line=parsed.body_line + body.count("\n", 0, found.start()),
                hint="Viết lại cho ít tầng hơn: mỗi tầng danh sách lùi vào 2 đến 4 dấu cách, "
                "mỗi tầng trích dẫn thêm một dấu '>'; thường chỉ cần một, hai tầng.",
            )
            return True
    return False


def _level(prefix: str, list_item: bool) -> int:
    """Levels of a line: one per quote mark, and one per two columns of indent before a list
    item (an indented line that is no list item is code or a continuation, no level)."""
    quotes = prefix.count(">")
    if not list_item:
        return quotes
    indent = sum(4 if c == "\t" else 1 for c in prefix if c != ">")
    return quotes + indent // 2
