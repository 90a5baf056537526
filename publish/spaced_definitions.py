"""Reference definitions Python-Markdown does not read: «[r]: <a b.md>», a space inside «<…>».

Python-Markdown 3.11.4 reads a definition's address as one run without spaces, «<…>» or not:
«[r]: <a b.md>» is no definition to it, and the page shows the line as written (its «<a b.md>»
a tag) and every «[words][r]» as typed, brackets and all. The tool's own readers take it as a
definition; the editor is told instead, the address to write given.
"""

from __future__ import annotations

import re

from publish.markdown_code import masked
from publish.text import LineCounter

__all__ = ["spaced_definitions"]

_SPACED = re.compile(
    r"^ {0,3}\[(?!\^)(?P<id>[^\]\n]+)\]:[ \t]*<(?P<address>[^<>\n]*\s[^<>\n]*)>", re.MULTILINE
)
"""A reference definition (no footnote's) whose address between «<…>» holds a space or a tab."""


def spaced_definitions(body: str, first_line: int) -> list[tuple[str, str, int]]:
    """(the definition as written, its address with each space «%20», its line) of each such
    definition in a body whose first line is `first_line`; those shown as code are none."""
    if "]:" not in body or not _SPACED.search(body):  # nearly every body: one search
        return []
    text = masked(body)
    line = LineCounter(text, first_line)
    return [
        (match[0].strip(), re.sub(r"\s", "%20", match["address"].strip()), line(match.start()))
        for match in _SPACED.finditer(text)
    ]
