"""Runs of unclosed '[' or '<tag' that would stall the website and Zalo: refused before a channel parses them.

Python-Markdown reads each '[' by scanning ahead for its ']' (to the end of the paragraph when
there is none), each link's '](' for its ')', and each '<tag' by scanning ahead for its '>' (through the rest of the file):
thousands of unclosed ones (a crafted file, a paste gone wrong) cost minutes per build. What
they cost is measured here in one pass over the brackets, as characters scanned: real bulletins
stay hundreds of times below the limits, so the load stops the file with the line to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from publish.fields import Collector
from publish.frontmatter import Parsed

__all__ = ["MAX_BRACKET_SCAN", "MAX_TAG_SCAN", "too_costly"]

MAX_BRACKET_SCAN = 500_000
"""Characters Python-Markdown may scan looking for the ']' of every '[' (about half a second)."""
MAX_TAG_SCAN = 5_000_000
"""Characters Python's HTML parser may scan looking for the '>' of every '<tag' (the same)."""
_BRACKET = re.compile(r"\\.|\]\(|[\[\]()]|\n[ \t]*(?=\n)")
"""An escaped character (never a bracket to match), a link's '](', a bracket or parenthesis,
or a blank line (a paragraph ends there, and every scan for a closing with it)."""
_TAG = re.compile(r"<[A-Za-z]|>")
"""A tag's start or a '>': escaping does not stop the HTML parser, so '\\<a' counts too."""


def too_costly(col: Collector, parsed: Parsed) -> bool:
    """Whether the body holds so many unclosed '[' or '<tag' that parsing it would stall: one
    error naming the line where the worst run starts (the file is then not checked further)."""
    body = parsed.body
    found = _brackets(body) or _tags(body)
    if found is None:
        return False
    start, what, hint = found
    col.add(
        f"{what}: dựng đoạn này cho website và Zalo mất hàng phút",
        line=parsed.body_line + body.count("\n", 0, start),
        hint=hint,
    )
    return True


def _brackets(body: str) -> tuple[int, str, str] | None:
    """Where the costliest paragraph of unclosed '[' (or of links' '(' without their ')')
    starts and how many it leaves open, when scanning for their closing costs over
    MAX_BRACKET_SCAN; None when it does not."""
    opened = body.count("[") + body.count("](")
    if opened * len(body) <= MAX_BRACKET_SCAN:  # cannot cost more: no pass needed
        return None
    cost = depth = parens = last = 0
    links: list[int] = []  # the paren depth before each link's '(' still scanned for its ')'
    worst = here = _Run()
    for found in _BRACKET.finditer(body):
        pos, text = found.start(), found[0]
        cost += (depth + len(links)) * (pos - last)
        last = pos
        if text == "[" or text == "](":
            if depth == 0 and not links:
                here = _Run(cost, pos)
            if text == "[":
                depth += 1
            else:
                depth = max(depth - 1, 0)
                links.append(parens)
                parens += 1
        elif text == "]":
            depth = max(depth - 1, 0)
        elif text == "(":
            parens += 1
        elif text == ")":
            parens = max(parens - 1, 0)
            while links and links[-1] >= parens:
                links.pop()
        elif text[0] == "\n":
            worst = max(worst, here.ended(cost, depth, len(links)))
            depth = parens = 0
            links.clear()
    cost += (depth + len(links)) * (len(body) - last)
    worst = max(worst, here.ended(cost, depth, len(links)))
    if cost <= MAX_BRACKET_SCAN:
        return None
    if worst.links > worst.brackets:
        what = f"{worst.links:,} liên kết hay ảnh mở '](' không có dấu ')' đóng trong một đoạn"
        hint = (
            "Đóng mỗi liên kết bằng ')': [chữ](địa chỉ), ảnh ![mô tả](ảnh.jpg); muốn in chính "
            "dấu '](' thì viết '\\]('. Thường đây là phần dán nhầm: xóa dãy dấu đó."
        )
    else:
        what = f"{max(worst.brackets, 1):,} dấu '[' không có dấu ']' đóng trong một đoạn"
        hint = (
            "Đóng mỗi '[' bằng ']' (liên kết viết [chữ](địa chỉ)); muốn in chính dấu '[' thì "
            "viết '\\['. Thường đây là phần dán nhầm: xóa dãy dấu đó."
        )
    return worst.start, what.replace(",", "."), hint


@dataclass(frozen=True, order=True)
class _Run:
    """A paragraph's scanning cost (what runs are compared by), where its first open bracket
    is, and what it leaves open at its end."""

    cost: int = 0
    start: int = 0
    brackets: int = 0
    links: int = 0

    def ended(self, cost: int, brackets: int, links: int) -> _Run:
        """This run, started when the body's cost was self.cost, ended at `cost`."""
        return _Run(cost - self.cost, self.start, brackets, links)


def _tags(body: str) -> tuple[int, str, str] | None:
    """Where the costliest run of '<tag' without a '>' starts and how many it holds, when
    scanning for their '>' costs over MAX_TAG_SCAN; None when it does not."""
    opened = body.count("<")
    if opened * len(body) <= MAX_TAG_SCAN:  # cannot cost more: no pass needed
        return None
    cost = pending = last = 0
    worst = (0, -1, 0)  # (cost, start, tags) of the costliest run
    here = (0, -1)
    for found in _TAG.finditer(body):
        pos = found.start()
        cost += pending * (pos - last)
        last = pos
        if found[0] == ">":
            worst = max(worst, (cost - here[0], here[1], pending))
            pending = 0
        else:
            if pending == 0:
                here = (cost, pos)
            pending += 1
    cost += pending * (len(body) - last)
    worst = max(worst, (cost - here[0], here[1], pending))
    if cost <= MAX_TAG_SCAN:
        return None
    hint = (
        "Đóng mỗi thẻ HTML bằng '>'; muốn in chính dấu '<' thì viết '&lt;' (hoặc để một dấu "
        "cách sau '<'). Thường đây là phần dán nhầm: xóa dãy dấu đó."
    )
    what = f"{worst[2]:,} thẻ HTML '<…' không có dấu '>' đóng".replace(",", ".")
    return worst[1], what, hint
