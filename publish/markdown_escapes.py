"""A backslash before a quote makes it a plain quote, as CommonMark says of any punctuation.

Python-Markdown lets a backslash escape only its own syntax characters, so a caption written the
CommonMark way, `![ảnh](images/a.jpg "Chú thích có \\"ngoặc\\"")`, kept both backslashes on the
website and on Zalo. With the quotes escapable too, the inline pass turns `\\"` into a quote that
no longer ends the title, anywhere in the body as in titles. The title of a reference
definition (`[anh]: images/a.jpg "…"`) never goes through the inline pass: its escapes are
resolved here before the definitions are used.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
from markdown.treeprocessors import Treeprocessor

__all__ = ["QuoteEscapes", "unescape"]

QUOTES = ('"', "'")
ESCAPED = re.compile(r"""\\([\\`*_{}\[\]()>#+\-.!|"'])""")
"""A backslash escape the converter resolves: Python-Markdown's characters (with "extra") and
the quotes."""


def unescape(text: str) -> str:
    """`text` with each backslash escape resolved as the converter resolves it."""
    return ESCAPED.sub(r"\1", text) if "\\" in text else text


class _ReferenceTitles(Treeprocessor):
    """Resolve the escapes in reference definitions' titles, as inline titles get theirs."""

    def run(self, root: ET.Element) -> None:
        """Unescape each definition's title (before the inline pass uses them)."""
        references = self.md.references
        for name, (url, title) in list(references.items()):
            if title and "\\" in title:
                references[name] = (url, unescape(title))


class QuoteEscapes(markdown.Extension):
    """Make the quotes escapable, and the escapes in reference titles resolved."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Add the quotes to the characters a backslash escapes; hook in the title pass."""
        md.ESCAPED_CHARS.extend(q for q in QUOTES if q not in md.ESCAPED_CHARS)
        md.treeprocessors.register(_ReferenceTitles(md), "reference_titles", 25)
