"""Code the website shows that no fence or line-opening `<pre>` marks: a block indented by four
spaces, and a `<pre>` inside a line (`<div><pre>…</pre></div>`). Neither is read (R1.7)."""

from __future__ import annotations

import re
from functools import lru_cache

from publish.markdown_angles import raw_blocks
from publish.markdown_code import masked
from publish.markdown_held import ends_lazy, holder

__all__ = ["CODE_INDENT", "indented_code_end", "inner_pre_blanked"]

CODE_INDENT = 4
"""Columns a line is indented by to be code after a blank line, as on the website (Tabs were
expanded to four columns before the split)."""
_INNER_PRE = re.compile(r"(?<=\S)[^\S\n]*+<pre(?=[\s>])", re.I)
"""A `<pre>` with text before it on its line; one opening its line is the splitter's."""
_PRE_END = re.compile(r"</pre\s*>", re.I)
_ANY_PRE = re.compile(r"<pre", re.I)
_UNDERLINE = re.compile(r"(?:=+|-+)[ \t]*$")
"""A Setext heading's `===` or `---`, under a line of text."""


def _indent(line: str) -> int:
    """Columns of a line's indentation."""
    return len(line) - len(line.lstrip(" "))


def indented_code_end(lines: list[str], at: int, start: int, *, apart: bool = False) -> int:
    """The index past the indented code block `lines[at]` opens, `at` when it opens none: the
    lines indented four columns or more, and blank lines with more such lines after them, as
    Python-Markdown takes them, after a blank line or the body's `start` (the caller knows no
    list goes on over it), or right under a heading or a rule. Not after a footnote or a
    definition (and the lines typed on under it), whose paragraph it is, nor inside a raw HTML block (`<div>`, a blank line,
    `    <p>…`), which the website shows as it is, no code: left for the HTML rules. A line
    `apart` opens a block whatever is above it (the text after a comment opening its line:
    publish.markdown_comments.tails)."""
    line = lines[at]
    if _indent(line) < CODE_INDENT or not line.strip():
        return at
    if not apart and at > start and lines[at - 1].strip() and not _ends_block(lines, at - 1, start):
        return at  # under a paragraph's line: the paragraph goes on
    if _in_raw_block("\n".join(lines[start:]), sum(len(x) + 1 for x in lines[start:at])):
        return at
    opener = at - 1
    while opener >= start and (not lines[opener].strip() or _indent(lines[opener]) >= CODE_INDENT):
        opener -= 1
    # A footnote or a definition, its lazy lines under it: its next paragraph on the website.
    held = -1 if apart or opener < start else holder(lines, opener, start)
    # Two blank lines in a row end a footnote (not a definition) on the website.
    if held >= 0 and not (lines[held].lstrip().startswith("[^") and _two_blank(lines, held, at)):
        return at
    end = at + 1
    while end < len(lines):
        if lines[end].strip():
            if _indent(lines[end]) < CODE_INDENT:
                break
            end += 1
            continue
        after = end
        while after < len(lines) and not lines[after].strip():
            after += 1
        if after == len(lines) or _indent(lines[after]) < CODE_INDENT:
            break
        end = after
    return end


def _ends_block(lines: list[str], at: int, start: int) -> bool:
    """Whether `lines[at]` is one the block under it never goes on, so that a line indented four
    columns right under it is code on the website: a heading, a rule, a fence, a raw HTML block
    (publish.markdown_held.ends_lazy; a line of hashtags is text, which goes on), or a Setext
    heading's underline under a line of text (after a blank line, `===` is text)."""
    if ends_lazy(lines[at]):
        return True
    return bool(_UNDERLINE.match(lines[at])) and at > start and bool(lines[at - 1].strip())


def _two_blank(lines: list[str], opener: int, at: int) -> bool:
    """Whether two blank lines in a row lie between `lines[opener]` and `lines[at]`."""
    return any(not lines[i].strip() and not lines[i + 1].strip() for i in range(opener + 1, at - 1))


@lru_cache(maxsize=4)
def _raw_spans(body: str) -> tuple[tuple[int, int], ...]:
    """The raw HTML blocks of `body` (a body's indented lines ask of the same one in turn)."""
    return tuple(raw_blocks(body))


def _in_raw_block(body: str, place: int) -> bool:
    """Whether `place` in `body` lies inside a raw HTML block opened before it."""
    return "<" in body and any(start < place < end for start, end in _raw_spans(body))


def inner_pre_blanked(body: str) -> tuple[str, list[tuple[int, str]]]:
    """`body` with each `<pre>…</pre>` that does not open its line blanked out by spaces (line
    breaks kept, so every line keeps its number), and, for each, its line (counted from 1 in
    `body`) and that line as typed: `<div><pre>mã</pre></div>` is code on the website, read
    as words on air. One in a code span or a code block is written code, left alone."""
    if "<" not in body or _ANY_PRE.search(body) is None:
        return body, []
    shown = masked(body)
    found: list[tuple[int, str]] = []
    pieces: list[str] = []
    done = 0
    for opened in _INNER_PRE.finditer(shown):
        if opened.start() < done:
            continue
        closed = _PRE_END.search(shown, opened.end())
        end = closed.end() if closed else len(body)
        line = body.count("\n", 0, opened.start())
        start_of_line = body.rfind("\n", 0, opened.start()) + 1
        end_of_line = body.find("\n", opened.start())
        found.append((line + 1, body[start_of_line : end_of_line if end_of_line >= 0 else None]))
        pieces += [body[done : opened.start()], re.sub(r"[^\n]", " ", body[opened.start() : end])]
        done = end
    return "".join([*pieces, body[done:]]), found
