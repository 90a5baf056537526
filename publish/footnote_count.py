"""Footnotes past any real use: refused before a channel parses them.

Python-Markdown's footnotes extension does work for each reference that grows with the ones
before it: 4,000 references to one footnote took 16 s of one render, 20,000 footnotes over 90 s
of a `publish check` (each channel renders the body). A real bulletin cites a few, a report a
few dozen, so the load stops at MAX_FOOTNOTES with the line to fix.
"""

from __future__ import annotations

import re

from publish.fields import Collector
from publish.frontmatter import Parsed
from publish.markdown_comments import prose

__all__ = ["MAX_FOOTNOTES", "too_many"]

MAX_FOOTNOTES = 500
"""Footnote references, and footnote definitions, one file may hold (each counted apart)."""
_MARK = re.compile(r"\[\^[^\]\n]+\](:?)")
"""A footnote's «[^nhãn]», its definition when a «:» follows (Python-Markdown's label syntax)."""


def too_many(col: Collector, parsed: Parsed) -> bool:
    """Whether the body holds over MAX_FOOTNOTES footnote references or definitions: one error
    at the line of the first past the limit (the file is then not checked further). Code and
    comments are passed over."""
    if parsed.body.count("[^") <= MAX_FOOTNOTES:
        return False  # nearly every body, told without blanking its code and comments
    body = prose(parsed.body)
    seen = [0, 0]  # references, definitions
    past: list[int | None] = [None, None]  # where the first of each kind past the limit starts
    for found in _MARK.finditer(body):
        kind = int(bool(found[1]) and _starts_line(body, found.start()))
        seen[kind] += 1
        if seen[kind] == MAX_FOOTNOTES + 1:
            past[kind] = found.start()
    kinds = [kind for kind in (0, 1) if past[kind] is not None]
    if not kinds:
        return False
    kind = min(kinds, key=lambda k: past[k] or 0)
    what = ("chỗ dẫn chú thích «[^…]»", "định nghĩa chú thích «[^…]:»")[kind]
    col.add(
        f"{seen[kind]:,}".replace(",", ".")
        + f" {what}, quá giới hạn {MAX_FOOTNOTES} mà publish nhận (đặt ra vì dựng "
        "nhiều chú thích như vậy cho website và Zalo mất hàng phút); dòng này có chỗ thứ "
        f"{MAX_FOOTNOTES + 1}",
        line=parsed.body_line + body.count("\n", 0, past[kind] or 0),
        hint="Bỏ bớt chú thích: gộp các chú thích giống nhau làm một, hoặc viết thẳng vào bài; "
        "bài dài quá thì tách thành nhiều bản tin.",
    )
    return True


def _starts_line(body: str, pos: int) -> bool:
    """Whether only up to 3 spaces stand between the line's start and `pos` (a definition)."""
    start = body.rfind("\n", 0, pos) + 1
    return pos - start <= 3 and not body[start:pos].strip(" ")
