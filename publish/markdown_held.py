"""The block an indented paragraph goes on, where the website does not show it as code.

After a blank line, Python-Markdown shows a paragraph indented four columns as code, unless it
is the next paragraph of a block above that holds paragraphs: a footnote (`[^1]: …`), a
definition (`:   …`) or, for the callers that ask, a list item. Lines typed under that block's
first without indent go on it (Markdown's lazy continuation), so the block may open a few lines
above: `[^1]: Chú.\\nThêm.\\n\\n    Đoạn hai.` is the footnote's second paragraph on the website.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from publish.markdown_angles import BLOCK_ELEMENTS
from publish.markdown_pasted import HASHTAG

__all__ = ["HOLDS_PARAGRAPHS", "ends_lazy", "holder"]

HOLDS_PARAGRAPHS = re.compile(r" {0,3}(?:\[\^[^\]\s]+\]:|:[ \t])")
"""A footnote (`[^1]: …`) or a definition (`:   …`): an indented paragraph after it is its next
paragraph on the website."""
_ENDS_LAZY = re.compile(
    r"#| {0,3}(?:(?:\*[ \t]*){3,}$|(?:-[ \t]*){3,}$|(?:_[ \t]*){3,}$|```|~~~|<!--)"
    r"|</?(?P<name>[A-Za-z][A-Za-z0-9-]*)"
)
"""A line no lazily continued line goes on past, as the website reads it: a heading (its `#`
first: «  ## Đề» goes on), a rule, a fence, a comment, or a raw HTML block's tag opening the
line (`<span>` goes on: it is no block). Indented one to three spaces, a block's tag goes on too:
Python-Markdown stashes the block where it stands, its indent kept, and the footnote or
definition above takes it in (`[^1]: Chú.\n  <div>…</div>` is the footnote's)."""
_QUOTE = re.compile(r" {0,3}>")


def ends_lazy(line: str) -> bool:
    """Whether `line` is one no lazily continued line goes on past (`_ENDS_LAZY`): a heading, a
    rule, a fence, a raw HTML block or a comment, where the website opens a block of its own. A
    line of hashtags (`#CongAnTinh`) is text there, not a heading (publish.markdown_pasted
    escapes its `#`), so it goes on as any other."""
    ends = _ENDS_LAZY.match(line)
    if ends is None or (ends["name"] is not None and ends["name"].lower() not in BLOCK_ELEMENTS):
        return False
    return not (line.startswith("#") and HASHTAG.match(line))


def holder(
    lines: list[str], last: int, start: int = 0, holds: Callable[[int], bool] | None = None
) -> int:
    """The index of the line opening the block that holds the paragraph ending at `lines[last]`
    (`HOLDS_PARAGRAPHS`, or `holds` of its index), walking up its lazily continued lines to
    `start`; -1 when it is none's (a blank line, or a line that ends such lines, comes first).
    A quotation typed under a footnote ends it, not a definition."""
    quoted = False
    at = last
    while at >= start and lines[at].strip():
        line = lines[at]
        if HOLDS_PARAGRAPHS.match(line) or (holds is not None and holds(at)):
            return -1 if quoted and line.lstrip().startswith("[^") else at
        if ends_lazy(line):
            return -1
        quoted = quoted or _QUOTE.match(line) is not None
        at -= 1
    return -1
