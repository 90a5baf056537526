"""HTML comments in a Markdown body: exactly those the website and Zalo hide.

Python-Markdown (the website's and Zalo's renderer) hides a comment that opens a line up to
its `-->`, across blank lines; one after other text only when it closes on the same line.
The load's shortcode check and the radio script both skip what it hides and nothing else, so
a note left in a comment is read nowhere, and `<!-- …` shown as text is seen everywhere.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from publish.markdown_angles import BLOCK_ELEMENTS, VOID_ELEMENTS, raw_blocks
from publish.markdown_closing import COMMENT, markup
from publish.markdown_code import masked, without_fences

__all__ = [
    "blanked",
    "hidden",
    "hidden_in_raw_blocks",
    "prose",
    "shown_body",
    "tails",
    "uncommented",
]

COMMENT_CLOSE_RE = re.compile(r"--!?>")
"""How Python-Markdown finds the end of an HTML comment."""
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^<>]*>")
"""A start or an end tag, as Python-Markdown's HTML parser reads one in a paragraph."""
_END_TAG = re.compile(r"</\s*([a-z][a-z0-9-]*)\s*>", re.IGNORECASE)
"""An end tag as Python-Markdown's `inline_close_follows` looks for one: `</em>`, `</EM >`."""
_ASCII_NAME = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The letters a case-blind `[a-z]` takes too («ſ» for s, the Kelvin sign for k), as the
ASCII letter of the tag name they close."""
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
"""What ends a paragraph, and the inline tags open in it."""
_OPENS_LINE = 3
"""Columns of indentation (Tabs as four) a comment opening its line may have, as Python-Markdown
allows: one indented further goes on the paragraph above."""


def hidden(text: str) -> list[tuple[int, int]]:
    """(start, end) of each HTML comment of `text` that the website and Zalo hide, in order;
    one pass, linear on any body. `text` should have its code masked (markdown_code.masked):
    `<!--` in code is shown as typed.

    A comment opening a line (after up to three spaces; a Tab takes it to a stop of four) is
    hidden up to its `-->` however many lines it runs over. One after other text is hidden only
    when it closes on the same line: a blank line, a heading, a list item or a quote line ends
    the paragraph, and the website then shows `<!-- …` as text. An unclosed one is shown.
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
        if not _opens_line(text, at) and closing.start() > line_end:
            at = text.find("<!--", at + 4)
            continue
        found.append((at, closing.end()))
        at = text.find("<!--", closing.end())
    return found


def hidden_in_raw_blocks(
    text: str, typed: str | None = None, blocks: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each comment opening in a raw HTML block of `text` (its hidden
    comments already blanked out, see `shown_body`; its `blocks` when read already) and what the
    website hides with it. There the browser's parser reads the block (publish.markdown_closing.
    `markup`, looking at the body as `typed`: a comment blanked out may close one): a `<!--` in
    a tag's quoted value or in a `<textarea>`'s or a `<script>`'s text is none, `<!-->` closes
    itself, and any other comment runs to the next `-->` wherever it is, blank lines, the block's
    end tag and later paragraphs and all, or to the end of the bulletin when none follows (not
    `closed`). Linear: a body's markup is read once."""
    if "<!--" not in text:
        return []
    source = typed or text
    found: list[tuple[int, int, bool]] = []
    done = 0
    for start, end in raw_blocks(text) if blocks is None else blocks:
        if end <= done:
            continue
        for at, closing, name in markup(source, max(start, done)):
            if at >= end:
                break
            if name != COMMENT:
                continue
            if closing < 0:
                found.append((at, len(text), False))
                return found
            found.append((at, closing, True))
            done = closing
            if done >= end:
                break  # closed past the block, maybe blocks later: read on from there
    return found


def _opens_line(text: str, at: int) -> bool:
    """Whether the `<!--` at `at` in `text` opens its line: after up to three columns of spaces,
    a Tab taking them to its next stop of four (Python-Markdown expands Tabs first)."""
    indent = text[max(0, at - _OPENS_LINE - 1) : at]
    lead = len(indent) - len(indent.rstrip(" \t"))
    if at != lead and text[at - lead - 1] != "\n":
        return False  # text before it on its line, or a longer run of spaces
    return len(indent[len(indent) - lead :].expandtabs(4)) <= _OPENS_LINE


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
    shown = masked(body)
    spans = hidden(shown)
    inline = _InlineTags(shown, spans)
    found: dict[int, str] = {}
    line, counted = 0, 0
    for at, (start, end) in enumerate(spans):
        if not _opens_line(body, start):
            continue  # after text or indented: inside the paragraph (or the tail of one above)
        if inline.encloses(at):
            continue  # «Câu <span>đầu\n<!-- x -->Hai</span>»: inside the tag, one paragraph
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


class _InlineTags:
    """The inline tags open at each comment of a body (its code masked) and whether one closes
    after the comment in its paragraph: Python-Markdown then takes the comment as the tag's
    content, not a block (its `inline_close_follows`). One pass over the body's tags, one over
    its end tags (see _end_tags)."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        """Read the names of the inline tags open at the start of each of `spans` in `text`."""
        self.text = text
        self.spans = spans
        self.open: list[tuple[str, ...]] = [()] * len(spans)
        self.blanks: list[int] = []
        self.closes: dict[str, tuple[list[int], list[int]]] | None = None
        """The body's end tags (`_end_tags`), read at the first comment in a tag that asks."""
        if "<" not in text.replace("<!--", ""):
            return
        self.blanks = [m.start() for m in _BLANK_LINE.finditer(text)]
        events = sorted(
            [(m.start(), m) for m in _TAG.finditer(text)] + [(at, None) for at in self.blanks],
            key=lambda event: event[0],
        )
        stack: list[str] = []
        counts: dict[str, int] = {}  # of each name in `stack`: what is open, in a look
        done = covered = 0
        for index, (start, end) in enumerate(spans):
            while done < len(events) and events[done][0] < start:
                at, tag = events[done]
                done += 1
                if at < covered:
                    continue  # inside an earlier comment
                if tag is None:
                    stack, counts = [], {}
                else:
                    _track(stack, counts, tag)
            if 0 < len(counts) <= _MAX_NAMES:
                self.open[index] = tuple(counts)
            covered = end

    def encloses(self, at: int) -> bool:
        """Whether an inline tag open at the start of comment `at` closes after it in its
        paragraph."""
        if not self.open[at]:
            return False
        end = self.spans[at][1]
        following = bisect_left(self.blanks, end)
        paragraph_end = self.blanks[following] if following < len(self.blanks) else len(self.text)
        if self.closes is None:
            self.closes = _end_tags(self.text)
        closes = self.closes
        for name in self.open[at]:
            starts, ends = closes.get(name, ([], []))
            # End tags never overlap: the first after the comment ends first.
            first = bisect_left(starts, end)
            if first < len(starts) and ends[first] <= paragraph_end:
                return True
        return False


def _end_tags(text: str) -> dict[str, tuple[list[int], list[int]]]:
    """Where each end tag of `text` starts and ends, by lower-case name, in order: read once
    per text by `_InlineTags` (a look per tag name and paragraph made a body of many names
    quadratic)."""
    found: dict[str, tuple[list[int], list[int]]] = {}
    for match in _END_TAG.finditer(text):
        starts, ends = found.setdefault(match[1].translate(_ASCII_NAME).lower(), ([], []))
        starts.append(match.start())
        ends.append(match.end())
    return found


_MAX_NAMES = 64
"""Names of inline tags open at once beyond which a comment is taken as the website takes one
in no tag: no bulletin nests so many kinds, and a crafted body must not cost a look at each."""


def _track(stack: list[str], counts: dict[str, int], tag: re.Match[str]) -> None:
    """Open or close `tag` in the `stack` of open inline tags (`counts` of each name), as
    Python-Markdown does."""
    name = tag[2].lower()
    if name in BLOCK_ELEMENTS:
        return  # a block's tag: a raw block of its own, no inline content
    if not tag[1]:
        if name not in VOID_ELEMENTS and not tag[0].endswith("/>"):
            stack.append(name)
            counts[name] = counts.get(name, 0) + 1
    elif name in counts:
        while (popped := stack.pop()) != name:
            _forget(counts, popped)
        _forget(counts, name)


def _forget(counts: dict[str, int], name: str) -> None:
    """One tag `name` fewer open in `counts`."""
    if counts[name] == 1:
        del counts[name]
    else:
        counts[name] -= 1


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
