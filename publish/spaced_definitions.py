"""Reference definitions Python-Markdown does not read: «[r]: <a b.md>», a space inside «<…>».

Python-Markdown 3.11.4 reads a definition's address as one run without spaces, «<…>» or not:
«[r]: <a b.md>» is no definition to it, and the page shows the line as written (its «<a b.md>»
a tag) and every «[words][r]» as typed, brackets and all; so in a quote («> [r]: <a b.md>») and
with the address on the next line («[r]:» then «<a b.md>»). The tool's own readers take it as a
definition; the editor is told instead, the address to write given. One in a comment the page
hides is shown nowhere, and not told.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from publish.markdown_code import masked
from publish.markdown_comments import uncommented
from publish.text import LineCounter

__all__ = ["SpacedDefinition", "escaped", "spaced_definitions"]

_QUOTE = r"(?:[ ]{0,3}>[ ]?)*"
"""The quote marks a line of a quote opens with, any deep."""
_SPACED = re.compile(
    rf"^{_QUOTE}[ ]{{0,3}}(?P<label>\[(?!\^)[^\]\n]+\]):[ \t]*(?:\n{_QUOTE}[ \t]*)?"
    r"<(?P<address>[^<>\n]*[ \t][^<>\n]*)>",
    re.MULTILINE,
)
"""A reference definition (no footnote's) whose address between «<…>» holds a space or a Tab,
in a quote or not, the address on its line or the next."""
_ESCAPED = {" ": "%20", "\t": "%09"}
"""How an address writes a space and a Tab."""


class SpacedDefinition(NamedTuple):
    """One definition Python-Markdown does not read, as spaced_definitions finds it."""

    written: str
    """The definition as typed, on one line («[r]: <a b.md>»)."""
    label: str
    """Its «[r]»."""
    address: str
    """Its address as typed, between «<…>» («a b.md»)."""
    line: int


def spaced_definitions(body: str, first_line: int) -> list[SpacedDefinition]:
    """Each such definition in a body whose first line is `first_line`; those shown as code, or
    in a comment the page hides, are none."""
    if "]:" not in body or not _SPACED.search(body):  # nearly every body: one search
        return []
    text = masked(body)
    text = uncommented(text) if "<!--" in text else text
    line = LineCounter(text, first_line)
    return [
        SpacedDefinition(
            f"{match['label']}: <{match['address']}>",
            match["label"],
            match["address"],
            line(match.start("label")),
        )
        for match in _SPACED.finditer(text)
    ]


def escaped(address: str) -> str:
    """`address` (a definition's, between «<…>») with each space «%20» and each Tab «%09»."""
    return re.sub(r"[ \t]", lambda c: _ESCAPED[c[0]], address.strip())
