"""The Markdown editors write, as every channel reads it: one list of Python-Markdown extensions
for the website's and Zalo's converters, so that a reading added for one (words in angle
brackets, lists pasted from Word) cannot be forgotten in the other."""

from __future__ import annotations

import markdown

from publish.markdown_angle_text import AngleText
from publish.markdown_closing import ClosedInline
from publish.markdown_escapes import QuoteEscapes
from publish.markdown_lists import ListsAfterText
from publish.markdown_pasted import PastedLists

__all__ = ["dialect_extensions"]


def dialect_extensions() -> list[str | markdown.Extension]:
    """New instances of the extensions every converter of bulletin bodies uses ("extra",
    "sane_lists", pasted lists, lists right under text, escapable quotes, angle-bracket words,
    unclosed inline tags ended with their block); a converter adds its own after them."""
    return [
        "extra",
        "sane_lists",
        PastedLists(),
        ListsAfterText(),
        QuoteEscapes(),
        AngleText(),
        ClosedInline(),
    ]
