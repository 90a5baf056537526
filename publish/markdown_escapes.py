"""A backslash before a quote makes it a plain quote, as CommonMark says of any punctuation.

Python-Markdown lets a backslash escape only its own syntax characters, so a caption written the
CommonMark way, `![ảnh](images/a.jpg "Chú thích có \\"ngoặc\\"")`, kept both backslashes on the
website and on Zalo. With the quotes escapable too, the inline pass turns `\\"` into a quote that
no longer ends the title, anywhere in the body as in titles.
"""

from __future__ import annotations

import re

import markdown

__all__ = ["QuoteEscapes", "unescape"]

QUOTES = ('"', "'")
ESCAPED = re.compile(r"""\\([\\`*_{}\[\]()>#+\-.!|"'])""")
"""A backslash escape the converter resolves: Python-Markdown's characters (with "extra") and
the quotes."""


def unescape(text: str) -> str:
    """`text` with each backslash escape resolved as the converter resolves it."""
    return ESCAPED.sub(r"\1", text) if "\\" in text else text


class QuoteEscapes(markdown.Extension):
    """Make the quotes escapable (before any block or inline processing)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Add the quotes to the characters a backslash escapes."""
        md.ESCAPED_CHARS.extend(q for q in QUOTES if q not in md.ESCAPED_CHARS)
