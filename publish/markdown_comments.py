"""HTML comments in a Markdown body: exactly those the website and Zalo hide.

Python-Markdown (the website's and Zalo's renderer) hides a comment that opens a line up to
its `-->`, across blank lines; one after other text only when it closes on the same line.
The load's shortcode check and the radio script both skip what it hides and nothing else, so
a note left in a comment is read nowhere, and `<!-- …` shown as text is seen everywhere.
"""

from __future__ import annotations

import re

from publish.markdown_code import masked, without_fences

__all__ = ["blanked", "hidden", "prose", "shown_body", "tails", "uncommented"]

COMMENT_CLOSE_RE = re.compile(r"--!?>")
"""How Python-Markdown finds the end of an HTML comment."""


def hidden(text: str) -> list[tuple[int, int]]:
    """(start, end) of each HTML comment of `text` that the website and Zalo hide, in order;
    one pass, linear on any body. `text` should have its code masked (markdown_code.masked):
    `<!--` in code is shown as typed.

    A comment opening a line (after up to three spaces) is hidden up to its `-->` however many
    lines it runs over. One after other text is hidden only when it closes on the same line:
    a blank line, a heading, a list item or a quote line ends the paragraph, and the website
    then shows `<!-- …` as text. An unclosed one is shown.
    """
    found: list[tuple[int, int]] = []
    closing: re.Match[str] | None = None
    line_end = -1
    at = text.find("<!--")
    while at >= 0:
        if closing is None or closing.start() < at + 4:
            closing = COMMENT_CLOSE_RE.search(text, at + 4)
            if closing is None:
                break  # no comment closes after this one, nor after any later one
        if line_end < at:
            line_end = text.find("\n", at)  # found once per line: linear on one long line
            line_end = len(text) if line_end < 0 else line_end
        indent = text[max(0, at - 4) : at]
        lead = len(indent) - len(indent.rstrip(" \t"))
        opens_line = lead <= 3 and (at == lead or text[at - lead - 1] == "\n")
        if not opens_line and closing.start() > line_end:
            at = text.find("<!--", at + 4)
            continue
        found.append((at, closing.end()))
        at = text.find("<!--", closing.end())
    return found


def uncommented(text: str) -> str:
    """`text` with the comments `hidden` finds in it blanked out (see `blanked`)."""
    return blanked(text, hidden(text))


def shown_body(body: str) -> str:
    """A Markdown `body` with the comments the website hides blanked out (code masked first,
    so `<!--` in code is kept), line breaks kept: what a reader of the page sees of it."""
    return blanked(body, hidden(masked(body)))


def tails(body: str) -> dict[int, str]:
    """Where text follows, on its last line, a comment that opens a line: that line's index in
    `body` and the text after `-->` as the website reads it, its spaces kept and any other
    comment on the line taken out (not blanked). The website takes such a comment as a block of
    its own and that text as the start of the next block: `<!-- x -->    Hai.` is code,
    `<!-- x --> <!-- y -->   Hai.` too (four spaces), `<!-- x --># Tiêu đề` a heading,
    `Câu.\n<!-- x -->Hai.` two paragraphs."""
    if "<!--" not in body:
        return {}
    spans = hidden(masked(body))
    found: dict[int, str] = {}
    line, counted = 0, 0
    for at, (start, end) in enumerate(spans):
        line_start = body.rfind("\n", 0, start) + 1
        if body[line_start:start].strip(" \t"):
            continue  # after text on its line: inside the paragraph (or the tail of one above)
        line_end = body.find("\n", end)
        line_end = len(body) if line_end < 0 else line_end
        pieces, done, later = [], end, at + 1
        while later < len(spans) and spans[later][0] < line_end:
            pieces.append(body[done : spans[later][0]])
            done = spans[later][1]
            later += 1
        if done > line_end:
            continue  # the last one runs on over lines: left as the comments' blanks have it
        tail = "".join([*pieces, body[done:line_end]])
        if tail.strip():
            line += body.count("\n", counted, end)  # the spans are in order: counted once
            counted = end
            found[line] = tail
    return found


def prose(body: str) -> str:
    """A Markdown `body` with its hidden comments blanked out and the lines of its fenced code
    emptied, line breaks kept: the text a reader sees as Markdown made it, for the checks
    that must not look into code (shown as typed) or comments (never shown)."""
    if "<!--" in body:
        body = shown_body(body)
    return without_fences(body)


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with its `spans` (in order, apart) blanked out by spaces; line breaks are kept, so
    offsets and line numbers stay right."""
    pieces: list[str] = []
    done = 0
    for start, end in spans:
        pieces += [text[done:start], re.sub(r"[^\n]", " ", text[start:end])]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)
