"""Markdown images `![alt](ref "title")` found in one pass, however the text is crafted.

IMAGE_RE tried at each '![' scans ahead for the ']', the end of the reference and the title's
closing quote: with thousands of unfinished images on a line ("![a](" repeated) every try scans
to the end of the line again, and a 100 kB body took minutes. ImageScan finds the same matches
(tests compare it with IMAGE_RE), but remembers each scan ahead: tries that start later reuse it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

__all__ = [
    "IMAGE_RE",
    "Image",
    "ImageScan",
    "Referenced",
    "Undefined",
    "referenced",
    "spaced",
    "substituted",
    "undefined",
]

IMAGE_RE = re.compile(
    r"""!\[([^\]]*+)\]\(\s*+<?([^)\s>]++)>?(?:\s+(?:"([^\n]*?)"|'([^\n]*?)'))?\s*\)"""
)
"""An image and its title (caption) as Python-Markdown reads them: the title runs to the last
quote before the closing parenthesis, so it may hold the other quote, escaped quotes, or even
its own quote unescaped. Slow on crafted text: search with ImageScan."""
_START = re.compile(r"!\[")
_SPACES = re.compile(r"\s*")
_REF_END = re.compile(r"[)\s>]")
_CLOSING = {'"': re.compile(r'"\s*\)'), "'": re.compile(r"'\s*\)")}
_PAREN = re.compile(r"\s*\)")
_BRACKET = re.compile(r"\]")
_NEWLINE = re.compile(r"\n")
_SPACE = re.compile(r"\s")
"""A character str.isspace() takes for a space: re's class of spaces is that same test."""


class Image(NamedTuple):
    """One image as IMAGE_RE's groups read it (title: the caption's text, still escaped)."""

    start: int
    end: int
    alt: str
    ref: str
    title: str
    ref_start: int
    """Where the reference starts in the text (IMAGE_RE's group 2)."""


class _Ahead:
    """Where `pattern` first matches at or after a position; positions asked in increasing
    order share one scan (what lies between an answer and the position asked holds none)."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        """Search `text` for `pattern`."""
        self._pattern, self._text = pattern, text
        self._asked = len(text) + 1
        self._found: int | None = None

    def __call__(self, pos: int) -> int | None:
        """The start of the first match at or after `pos`, or None."""
        if self._asked <= pos and (self._found is None or pos <= self._found):
            return self._found
        match = self._pattern.search(self._text, pos)
        self._asked, self._found = pos, match.start() if match else None
        return self._found


class ImageScan:
    """The images of one text, found in linear time (see the module's docstring)."""

    def __init__(self, text: str) -> None:
        """Prepare to scan `text`."""
        self.text = text
        self._bracket = _Ahead(_BRACKET, text)
        self._ref_end = _Ahead(_REF_END, text)
        self._newline = _Ahead(_NEWLINE, text)
        self._closing = {quote: _Ahead(pattern, text) for quote, pattern in _CLOSING.items()}
        self._after_alt: dict[int, tuple[int, int, str, int] | None] = {}
        self._tails: dict[int, tuple[str, int] | None] = {}

    def __iter__(self) -> Iterator[Image]:
        """Every image, as IMAGE_RE.finditer finds them."""
        pos = 0
        while found := _START.search(self.text, pos):
            image = self.at(found.start())
            if image is None:
                pos = found.start() + 1
                continue
            yield image
            pos = image.end if image.end > image.start else image.start + 1

    def at(self, start: int) -> Image | None:
        """The image starting at `start`, as IMAGE_RE.match reads it, or None."""
        if not self.text.startswith("![", start):
            return None
        close = self._bracket(start + 2)
        if close is None:
            return None
        if close not in self._after_alt:
            self._after_alt[close] = self._reference(close)
        rest = self._after_alt[close]
        if rest is None:
            return None
        ref_start, ref_end, title, end = rest
        text = self.text
        alt, ref = text[start + 2 : close], text[ref_start:ref_end]
        return Image(start, end, alt, ref, title, ref_start)

    def _reference(self, close: int) -> tuple[int, int, str, int] | None:
        """Where the reference after the ']' at `close` starts and ends, the title, and where
        the image ends; None when no image goes on from there."""
        text = self.text
        if not text.startswith("(", close + 1):
            return None
        ref_start = _SPACES.match(text, close + 2).end()  # type: ignore[union-attr]
        bracketed = text.startswith("<", ref_start)
        ref_end = self._ref_end(ref_start + bracketed)
        if ref_end is None:
            ref_end = len(text)
        if ref_end == ref_start + bracketed:
            if not bracketed:
                return None
            bracketed = False  # as IMAGE_RE backtracks: the '<' is the whole reference
        after = ref_end + 1 if text.startswith(">", ref_end) else ref_end
        if after not in self._tails:
            self._tails[after] = self._tail(after)
        tail = self._tails[after]
        return None if tail is None else (ref_start + bracketed, ref_end, *tail)

    def _tail(self, pos: int) -> tuple[str, int] | None:
        """The title after the reference at `pos` and where the image ends, or None."""
        text = self.text
        quote_at = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
        if quote_at > pos and quote_at < len(text) and text[quote_at] in _CLOSING:
            closing = self._closing[text[quote_at]](quote_at + 1)
            newline = self._newline(quote_at + 1)
            if closing is not None and (newline is None or closing < newline):
                end = _PAREN.match(text, closing + 1).end()  # type: ignore[union-attr]
                return text[quote_at + 1 : closing], end
        paren = _PAREN.match(text, pos)
        return None if paren is None else ("", paren.end())


def substituted(text: str, replacement: Callable[[Image], str]) -> str:
    """`text` with each image replaced by what `replacement` makes of it: IMAGE_RE.sub, in
    linear time."""
    pieces, at = [], 0
    for image in ImageScan(text):
        pieces += [text[at : image.start], replacement(image)]
        at = image.end
    return "".join(pieces) + text[at:]


def spaced(text: str) -> Iterator[Image]:
    """The images whose reference holds a space (a photo keeps its own name, "images/Ảnh hội
    nghị.jpg"): Python-Markdown shows them, IMAGE_RE, like CommonMark, takes them for text.
    One pass: each search starts where the previous one ended, or looks back no further than
    the previous "](" (a line of thousands of "](" stays linear)."""
    close = newline = -1
    pos = 0
    while (mid := text.find("](", pos)) != -1:
        pos = mid + 2
        if newline < pos:
            newline = text.find("\n", pos) % (len(text) + 1)  # none: the text's end
        if close < pos:
            close = text.find(")", pos) % (len(text) + 2)  # none: past the text's end
        if close > newline:
            continue  # no ")" on the line
        bang = text.rfind("![", text.rfind("]", 0, mid) + 1, mid)
        if bang == -1 or "\n" in text[bang:mid]:
            continue
        found = _spaced_reference(text[pos:close])
        if found is not None:
            ref, title = found
            yield Image(bang, close + 1, text[bang + 2 : mid], ref, title, text.find(ref, pos))


def _spaced_reference(inside: str) -> tuple[str, str] | None:
    """(reference, title) of what an image writes between its parentheses, as Python-Markdown
    reads it, when the reference holds a space; None otherwise."""
    written, title = inside.strip(), ""
    if "(" in written:
        return None  # nested parentheses: not guessed at
    if written.startswith("<") and ">" in written:
        written = written[1 : written.index(">")]
    elif written[-1:] in _CLOSING:
        quote = written[-1]
        opening = next(
            (
                i
                for i in range(1, len(written) - 1)
                if written[i] == quote and written[i - 1].isspace()
            ),
            None,
        )
        if opening is not None:
            written, title = written[:opening].strip(), written[opening + 1 : -1]
    if not _SPACE.search(written):  # one search in C, not a generator step per character
        return None
    return written, title


DEFINITION_RE = re.compile(
    r"""^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)[ ]*(?:\n[ ]*)?"""
    r"""(?:(["'])(.*)\3[ ]*|\((.*)\)[ ]*)?$""",
    re.MULTILINE,
)
"""A reference definition `[id]: images/a.jpg "title"`, as Python-Markdown's ReferenceProcessor
reads it."""
_REFERENCE_USE_RE = re.compile(r"!\[([^\[\]]*)\](?:\s?\[([^\]]*)\])?")
"""`![alt][id]`, `![alt][]` or `![alt]`: an image whose file a definition names."""
_ID_SPACES_RE = re.compile(r"\s+")


class Referenced(NamedTuple):
    """An image shown through a reference definition: the first use of one alt text."""

    start: int
    """Where the image is used: the line an editor writes its alt text on."""
    alt: str
    ref: str
    title: str
    defined_at: int
    """Where its definition `[id]: …` starts: the line an editor fixes the path on."""
    ref_start: int
    """Where the path is written in the definition."""
    key: str
    """The id as the use writes it ("h" of `![Ảnh][h]`, "Ảnh" of `![Ảnh]`)."""


class Undefined(NamedTuple):
    """A use `![alt][id]` or `![alt][]` whose id no definition names: Python-Markdown writes it
    as text, or, when `alt` is itself a defined id, that image followed by "[id]" as text."""

    start: int
    written: str
    key: str
    shown: bool
    """Whether the image of `alt` is shown anyway (the "[id]" after it being text)."""


def _definitions(text: str) -> dict[str, tuple[int, int, str, str]]:
    """Where each definition of `text` starts, where its path is written, the path and title,
    by normalised id (the last definition of an id wins, as in Python-Markdown)."""
    definitions = {}
    for found in DEFINITION_RE.finditer(text):
        written = found[2]
        path = written.lstrip("<").rstrip(">")
        definitions[_normalised(found[1].strip())] = (
            found.start() + len(found[0]) - len(found[0].lstrip(" ")),
            found.start(2) + written.index(path) if path else found.start(2),
            path,
            found[4] or found[5] or "",
        )
    return definitions


def _normalised(key: str) -> str:
    """An id as Python-Markdown compares them: case-blind, spaces folded (a definition's id
    is stripped first, a use's is not: `![a][ h ]` is no use of `[h]: …`)."""
    return _ID_SPACES_RE.sub(" ", key.lower())


def _uses(text: str) -> Iterator[re.Match[str]]:
    """Each `![alt][id]`, `![alt][]` or `![alt]` of `text` (inline images and definitions
    left out)."""
    for use in _REFERENCE_USE_RE.finditer(text):
        if use[2] is None and text.startswith(("(", "[", ":"), use.end()):
            continue  # an inline image, or a definition of its own
        yield use


def referenced(text: str) -> Iterator[Referenced]:
    """The reference-style images of `text` (code already blanked) whose id is defined, once per
    definition and alt text, in the order used; inline images (`![a](b)`) are ImageScan's.

    `![a][x]` with no definition of "x" shows the image of `![a]` when "a" is defined, as
    Python-Markdown does (see undefined)."""
    if "]:" not in text:
        return
    definitions = _definitions(text)
    seen = set()
    for use in _uses(text):
        key = use[2] or use[1]
        if _normalised(key) not in definitions:
            key = use[1]  # Python-Markdown tries the shortcut `![a]` next
        defined = definitions.get(_normalised(key))
        if defined is None:
            continue  # shown as text, as Python-Markdown does
        defined_at, ref_start, ref, title = defined
        if (defined_at, use[1]) not in seen:
            seen.add((defined_at, use[1]))
            yield Referenced(use.start(), use[1], ref, title, defined_at, ref_start, key)


def undefined(text: str) -> Iterator[Undefined]:
    """The uses `![alt][id]` and `![alt][]` of `text` (code already blanked) whose id no
    definition names; a bare `![alt]` is left out: it may be meant as text."""
    if "![" not in text:
        return
    definitions = _definitions(text) if "]:" in text else {}
    for use in _uses(text):
        if use[2] is None:
            continue
        key = use[2] or use[1]
        if _normalised(key) not in definitions:
            yield Undefined(use.start(), use[0], key, _normalised(use[1]) in definitions)
