"""Code in a Markdown body: what the website shows as code is neither an image nor a link.

`![ảnh](a.png)` written in backticks, in a fenced block or in a block indented by four spaces
shows an example of the syntax: the load must not look for that image or check that link.
`masked` blanks code out keeping every other character where it was, so a match in the masked
text has the offset (and the line) it has in the body.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.fenced_code import FencedBlockPreprocessor

__all__ = ["fence_opens", "fenced_blocks", "masked", "without_fences"]

FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})")
CODE_SPAN_RE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
ITEM_RE = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
"""A list item's first line."""
INDENTED_RE = re.compile(r"(?: {4}|[ ]{0,3}\t)")
"""The indent of a line of an indented code block (a tab counts as four spaces)."""


PM_FENCE_RE = re.compile(r"(`{3,}|~{3,})")
"""A fence as Python-Markdown (the website's renderer) opens one: at the line's start."""
_FENCED_BLOCK_RE = FencedBlockPreprocessor.FENCED_BLOCK_RE
"""Python-Markdown's own pattern of a fenced block, asked whether a line may open one."""


def fence_opens(line: str, fence: str) -> bool:
    """Whether `line`, opening with `fence` (`PM_FENCE_RE`), may open a fenced block as
    Python-Markdown reads it: nothing after the fence but `{attributes}` (braces matched) or a
    language (`python`, `.js`), spaces around; `~~~ python thêm` or `~~~js,x` open none."""
    opened = _FENCED_BLOCK_RE.match(f"{line}\n{fence}")
    if opened is None:
        return False
    return not (opened["attrs"] and get_attrs_and_remainder(opened["attrs"])[1])


def fenced_blocks(lines: list[str]) -> dict[int, int]:
    """The fenced code blocks of a body's `lines` as Python-Markdown makes them: the index of
    each one's opening line (`fence_opens`), and of its closing line, the next holding the same
    fence alone (spaces after it allowed: a longer one closes no shorter one). A fence no line
    closes opens none: the website shows it and what follows as text, nesting and all. Linear:
    the closing lines are found in one pass, each opening line's by bisection."""
    closers: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line[:3] in ("```", "~~~") and PM_FENCE_RE.fullmatch(closing := line.rstrip(" ")):
            closers.setdefault(closing, []).append(index)
    blocks: dict[int, int] = {}
    if not closers:
        return blocks
    at = 0
    while at < len(lines):
        line = lines[at]
        if line[:3] in ("```", "~~~") and (opened := PM_FENCE_RE.match(line)):
            ends = closers.get(opened[1], [])
            after = bisect_right(ends, at)
            if after < len(ends) and fence_opens(line, opened[1]):
                blocks[at] = ends[after]
                at = ends[after]
        at += 1
    return blocks


def without_fences(body: str) -> str:
    """`body` with the lines of each fenced code block emptied, line breaks kept. Only a block
    Python-Markdown makes code counts (`fenced_blocks`): text after a fence never closed is
    parsed as Markdown, nesting and all."""
    if "```" not in body and "~~~" not in body:
        return body  # most bodies
    lines = body.split("\n")
    for opened_at, closed_at in fenced_blocks(lines).items():
        lines[opened_at : closed_at + 1] = [""] * (closed_at + 1 - opened_at)
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
