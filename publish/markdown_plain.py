"""Plain bodies read straight from their text, for the HTML Python-Markdown would write.

Most bulletins are paragraphs, headings, flat lists, one-paragraph quotes and photos, with bold,
italic and links. `PlainMarkdown.parse` reads such a body into blocks, or answers None as soon as
anything in it is outside that subset (a table, a footnote, raw HTML, an escape, an indented
line, a list right under text…), and the channel takes the stock road. From the blocks, the
website (publish.render.web.plain_body) and Zalo (`bare_html`) write, byte for byte, what
Python-Markdown 3.11 with their extensions writes, without building and walking a tree: ~0.09
instead of ~0.48 ms of CPU a body on each channel (~4 s each at 10,000 bulletins).
tests/test_markdown_same_html.py compares both roads with the original converters.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import markdown
from markdown.inlinepatterns import DelimiterProcessor
from markdown.serializers import (  # type: ignore[attr-defined]  # 3.11: the same bytes
    _escape_attrib_html,
)
from markdown.util import INLINE_PLACEHOLDER

from publish.markdown_pasted import suspect
from publish.markdown_tuning import CHECKED_VERSION

__all__ = ["Block", "PlainMarkdown", "bare_html"]


RARE = re.compile(
    r"[\\`<&_|~{\x00-\x09\x0b-\x1f\x7f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
"""A character any body outside the subset holds (or that may put it outside): one search for
them all, at charset speed; most bodies hold none."""
OUTSIDE_CHARACTERS = re.compile(r"[\\`<&_|~{\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029]")
"""Escapes, code, HTML and entities, emphasis by underscores, tables, fences, attribute lists,
tabs, control characters and the line separators Python's splitlines breaks at: anything
holding one takes the stock road."""
EDGE_SPACE = re.compile(r"\n[^\S\n]|[^\S\n]\n")
"""A line opening or ending with white space other than a plain space (a no-break space, an
em space…): indented, or a hard line break."""

BLOCKISH = re.compile(r"[#>\-+=:]|\*(?:[\s*]|$)|\d{1,9}[.)](?:\s|$)")
"""A line opening that may start a block (heading, quote, list, rule, setext underline,
definition) where a paragraph's line is expected (see `_opens_block`)."""
HEADING = re.compile(r"(#{1,6}) ([^#*\[\]>\n]+)")
BULLET = re.compile(r"- (?=\S)")
NUMBER = re.compile(r"\d{1,9}\. (?=\S)")
QUOTE = re.compile(r"> (?=\S)")
FIGURE = re.compile(r'!\[([^\[\]*">\n]*)\]\(([^\s()"\'*\[\]>]+)(?: "((?:[^\s"\'()*\[\]>]| )+)")?\)')
"""An image alone; a title holding white space other than plain spaces or an apostrophe (which
Python-Markdown rewrites or reads as a quote) takes the stock road."""
LINK = re.compile(r"\[([^\[\]*>\n]+)\]\(([^\s()\"'*\[\]>]+)\)")
STARS = re.compile(r"\*+")
EMPHASIS_FIRST = re.compile(r"\*\*?[^\s*]")


class Block(NamedTuple):
    """One top-level block: its `kind` (p, h, ul, ol, quote, figure), its HTML when it needs
    nothing else; a heading's text (plain, stripped) and level; a figure's src, alt and title (None: no title)."""

    kind: str
    html: str
    level: int = 0
    figure: tuple[str, str, str | None] = ("", "", None)


LISTS = {"-": ("ul", BULLET), ">": ("quote", QUOTE)}
"""A list or quote by the character opening its first line (any other: a digit, "ol")."""


class PlainMarkdown:
    """Reads plain bodies as `md` (a channel's converter, tuned) would."""

    def __init__(self, md: markdown.Markdown) -> None:
        """Take the emphasis rules from `md` itself; off unless it is the markdown release checked."""
        delimiters = next(
            (
                pattern.delimiters
                for pattern in md.treeprocessors["inline"].inlinePatterns  # type: ignore[attr-defined]
                if isinstance(pattern, DelimiterProcessor)
            ),
            {},
        )
        star = delimiters.get("*")
        self.on = markdown.__version_info__[:3] == CHECKED_VERSION and star is not None
        self.boundary = star.boundary if star is not None else re.compile("(?!)")

    def parse(self, text: str) -> list[Block] | None:
        """The blocks of a plain body, or None when anything in it is outside the subset."""
        text = text.strip("\n")
        if (
            not self.on
            or not text
            or text[0].isspace()
            or text[-1].isspace()
            or " \n" in text  # a hard line break, or a line of spaces (a paragraph's end)
            or "\n " in text  # an indented line: code, or a list item going on
            or (
                RARE.search(text) is not None
                and (OUTSIDE_CHARACTERS.search(text) or EDGE_SPACE.search(text))
            )
            or suspect(text)
        ):
            return None
        blocks: list[Block] = []
        for chunk in text.split("\n\n"):
            chunk = chunk.lstrip("\n")
            if chunk and not self._read(chunk, blocks):
                return None
        return blocks

    def _read(self, chunk: str, blocks: list[Block]) -> bool:
        """Add the blocks of one chunk (text between blank lines); False when not plain."""
        while chunk[0] == "#":  # a heading, maybe with text right under it: a block of its own
            first, _, chunk = chunk.partition("\n")
            heading = HEADING.fullmatch(first)
            if heading is None:
                return False
            blocks.append(Block("h", heading[2].strip(), len(heading[1])))
            if not chunk:
                return True
        opening = chunk[0]
        if opening == "!" and chunk.startswith("!["):
            figure = FIGURE.fullmatch(chunk)
            if figure is None:
                return False
            title = None if figure[3] is None else figure[3].strip()  # as Python-Markdown reads it
            blocks.append(Block("figure", "", 0, (figure[2], figure[1], title)))
            return True
        if opening in "->" or opening.isdigit():
            kind, opener = LISTS.get(opening, ("ol", NUMBER))
            if opener.match(chunk) is not None:
                return self._read_list(kind, opener, chunk, blocks)
        if any(_opens_block(line) for line in chunk.split("\n")):
            return False
        html = self._inline(chunk)
        if html is None:
            return False
        blocks.append(Block("p", f"<p>{html}</p>"))
        return True

    def _read_list(
        self, kind: str, opener: re.Pattern[str], chunk: str, blocks: list[Block]
    ) -> bool:
        """Add a list or quote whose first line `opener` opens; False when not plain."""
        if blocks and blocks[-1].kind == kind:
            return False  # the stock parser merges it into the list or quote above
        if kind == "ol" and not chunk.startswith("1. "):
            return False  # <ol start="…">
        items = []
        for line in chunk.split("\n"):
            opened = opener.match(line)
            if opened is None:
                return False
            item = line[opened.end() :]
            if _opens_block(item):
                return False
            items.append(item)
        if kind == "quote":
            html = self._inline("\n".join(items))  # one paragraph, read as a whole
            if html is None:
                return False
            blocks.append(Block(kind, f"<blockquote>\n<p>{html}</p>\n</blockquote>"))
            return True
        written = []
        for item in items:
            html = self._inline(item)
            if html is None:
                return False
            written.append(f"<li>{html}</li>")
        blocks.append(Block(kind, f"<{kind}>\n" + "\n".join(written) + f"\n</{kind}>"))
        return True

    def _inline(self, text: str) -> str | None:
        """The HTML of a text's links, bold and italic; None for anything else."""
        links: list[str] = []
        if "[" in text:

            def placeholder(match: re.Match[str]) -> str:
                """The stock placeholder for a link, its HTML kept aside; an image as it is."""
                if match.start() and match.string[match.start() - 1] == "!":
                    return match[0]  # an image in the text (no lookbehind: it slows the search)
                href = _escape_attrib_html(match[2])
                links.append(f'<a href="{href}">{match[1]}</a>')
                return INLINE_PLACEHOLDER % (len(links) - 1)

            text = LINK.sub(placeholder, text)
        if "[" in text or "]" in text or ">" in text:
            return None  # a bracket left once the links are read, a quote mark, an image
        if "*" in text:
            emphasised = self._emphasis(text)
            if emphasised is None:
                return None
            text = emphasised
        for index, link in enumerate(links):
            text = text.replace(INLINE_PLACEHOLDER % index, link, 1)
        return text

    def _emphasis(self, text: str) -> str | None:
        """`text` with each lone pair of `*` runs (one or two long, the first able to open, the
        second to close, nothing starred between; links already placeholders, as the stock
        inline pass has them by then) made <em> or <strong>; None otherwise."""
        out: list[str] = []
        done = 0
        runs = list(STARS.finditer(text))
        if len(runs) % 2:
            return None
        boundary = self.boundary.match
        for opening_run, closing_run in zip(runs[::2], runs[1::2], strict=True):
            at, inside = opening_run.span()
            between, end = closing_run.span()
            opening = boundary(text, at)
            closing = boundary(text, between)
            if (
                inside - at > 2
                or end - between != inside - at
                or opening is None
                or opening.lastgroup == "end"
                or closing is None
                or closing.lastgroup == "start"
            ):
                return None
            tag = "strong" if inside - at == 2 else "em"
            out.append(f"{text[done:at]}<{tag}>{text[inside:between]}</{tag}>")
            done = end
        out.append(text[done:])
        return "".join(out)


def _opens_block(line: str) -> bool:
    """Whether a line may open a block of its own (`BLOCKISH`), unless it opens with bold or
    italic text rather than a list or a rule."""
    return BLOCKISH.match(line) is not None and EMPHASIS_FIRST.match(line) is None


def bare_html(blocks: list[Block]) -> str:
    """Python-Markdown's HTML for `blocks` with no extension of the website's: headings at the
    level written, without ids; an image in its paragraph, its title an attribute."""
    out: list[str] = []
    for block in blocks:
        kind = block.kind
        if kind == "h":
            out.append(f"<h{block.level}>{block.html}</h{block.level}>")
        elif kind == "figure":
            src, alt, title = block.figure
            titled = "" if title is None else f' title="{_escape_attrib_html(title)}"'
            out.append(
                f'<p><img alt="{_escape_attrib_html(alt)}" src="{_escape_attrib_html(src)}"'
                f"{titled}></p>"
            )
        else:
            out.append(block.html)
    return "\n".join(out)
