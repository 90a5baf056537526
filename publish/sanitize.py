"""Markup that must end up as plain text (Zalo text blocks, titles, captions): no tag survives.

Zalo's `text` block is documented as text, but whether the app ever reads HTML in it is
unconfirmed, so nothing that an HTML tokenizer would take for markup may reach it. One pass of
"remove <...>" is not enough: `<scr<script>ipt>` leaves `<script>` behind and an unterminated
`<img src=x onerror=…` has no `>` at all. So tags, comments, CDATA and processing instructions are
removed until nothing changes, and any `<` still followed by a letter, `/`, `!` or `?` gets a mark
after it, which no HTML parser reads as the start of a tag: a space («< b»), or for Zalo an
invisible word joiner (U+2060), so that a follower reads the text as typed. `<` in ordinary text
("< 18 tuổi", "a<b" with a space or digit) is left as it is, and so are words in angle brackets
that are no tag («<Tết an toàn>», see publish.markdown_angles), with that mark: «< Tết an toàn>».

An entity (`&lt;`) would defuse it too, but only for a reader of HTML: Zalo's text block is
documented as plain text, HTML in it unconfirmed (zalo-oa-api.md §2.3), and a plain-text reader
shows «&lt;Tết an toàn>». A word joiner is plain text to both: nothing to see, no tag start.
"""

from __future__ import annotations

import re

from publish.markdown_angles import tags_replaced

__all__ = ["WORD_JOINER", "defuse_markup", "strip_markup"]

WORD_JOINER = "\u2060"
"""An invisible character that joins what it stands between (no line break there either)."""

_MARKUP = re.compile(
    r"<!--.*?(?:-->|$)"  # comments, even unterminated ones
    r"|<!\[CDATA\[.*?(?:\]\]>|$)"  # CDATA sections
    r"|<\?.*?(?:\?>|>|$)"  # processing instructions (<?xml ...?>)
    r"|<![A-Za-z][^<>]*>"  # declarations (<!DOCTYPE ...>)
    r"|</?[A-Za-z][^<>]*>",  # tags
    re.DOTALL,
)
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_MAX_PASSES = 20


def strip_markup(text: str, mark: str = " ") -> str:
    """`text` without anything an HTML parser could read as markup (`mark` after a `<` that
    could start a tag)."""
    if "<" not in text:  # every pattern starts with one (most titles and paragraphs: none)
        return text
    for _ in range(_MAX_PASSES):
        stripped = tags_replaced(_MARKUP, text, "")
        if stripped == text:
            break
        text = stripped
    return _TAG_START.sub("<" + mark, text)


def defuse_markup(text: str, mark: str = " ") -> str:
    """`text` that was never markup (a title, a summary) with every character kept and `mark`
    after each `<` an HTML parser would read as a tag's start: «<<Vì an ninh Tổ quốc>>» keeps
    its words, as strip_markup now does too; but a tag in it (`<b>`) keeps its characters."""
    return _TAG_START.sub("<" + mark, text) if "<" in text else text
