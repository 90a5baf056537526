"""Code in a Markdown body: what the website shows as code is neither an image nor a link.

`![ảnh](a.png)` written in backticks, in a fenced block or in a block indented by four spaces
shows an example of the syntax: the load must not look for that image or check that link.
`masked` blanks code out keeping every other character where it was, so a match in the masked
text has the offset (and the line) it has in the body.
"""

from __future__ import annotations

import functools
import re

__all__ = ["masked", "without_fences"]

FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})")
CODE_SPAN_RE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
ITEM_RE = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
"""A list item's first line."""
INDENTED_RE = re.compile(r"(?: {4}|[ ]{0,3}\t)")
"""The indent of a line of an indented code block (a tab counts as four spaces)."""


PM_FENCE_RE = re.compile(r"(`{3,}|~{3,})")
"""A fence as Python-Markdown (the website's renderer) opens one: at the line's start."""


def without_fences(body: str) -> str:
    """`body` with the lines of each fenced code block emptied, line breaks kept. Only a block
    Python-Markdown makes code counts (its fence at the line's start and closed by the same
    fence): text after a fence never closed is parsed as Markdown, nesting and all."""
    if "```" not in body and "~~~" not in body:
        return body  # most bodies
    lines = body.split("\n")
    fence, opened_at = "", 0
    for i, line in enumerate(lines):
        if not fence:
            if opened := PM_FENCE_RE.match(line):
                fence, opened_at = opened[1], i
        elif line.rstrip(" ") == fence:
            lines[opened_at : i + 1] = [""] * (i + 1 - opened_at)
            fence = ""
    return "\n".join(lines)


# Cached: a bulletin's body is masked by three of the checks its load runs, one after another;
# typed, so that a str subclass is never handed back an equal plain str's answer, or the reverse.
@functools.lru_cache(maxsize=8, typed=True)
def masked(body: str) -> str:
    """`body` with its code blocks and code spans blanked out by spaces; line breaks and every
    other character are kept where they were."""
    if "`" not in body and "~~~" not in body and "    " not in body and "\t" not in body:
        return body  # most bodies: no code at all
    lines = body.split("\n")
    fence: str | None = None
    in_list = in_code = False
    blank = True
    for i, line in enumerate(lines):
        opened = FENCE_RE.match(line)
        if fence is not None:
            if opened and opened[1][0] == fence[0] and len(opened[1]) >= len(fence):
                fence = None
            lines[i] = " " * len(line)
            continue
        if not line.strip():
            blank = True
            continue
        if INDENTED_RE.match(line):
            # After a blank line, outside a list: code. Inside a list the indent is the item's
            # (a paragraph of it); right under text it goes on the paragraph.
            in_code = in_code or (blank and not in_list)
        else:
            in_code = False
            if opened:
                fence = opened[1]
                in_list = False
            elif ITEM_RE.match(line):
                in_list = True
            elif blank:
                in_list = False
        blank = False
        if in_code or fence is not None:
            lines[i] = " " * len(line)
        elif "`" in line:
            lines[i] = CODE_SPAN_RE.sub(lambda m: " " * len(m[0]), line)
    return "\n".join(lines)
