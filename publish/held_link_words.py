"""The words of links to pages not published now, as a channel reading the body as text gets them.

The website shows a link to a held file (links.HELD) by its words alone, and neutral words
(links.HELD_LINK_WORDS) where they spell that file's name or address (links.held_words). The
radio reads a link's words as the body types them: the same words are made neutral in the body
it reads, the link, its address and every line kept where they were.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from publish.links import (
    HELD_LINK_WORDS,
    held_words,
    html_links,
    inline_links,
    reference_definitions,
    reference_label,
)
from publish.markdown_code import masked

__all__ = ["neutral_link_words"]

_INLINE = re.compile(r"(?<![\\!])\[(?P<words>[^\[\]]*)\]\(")
"""An inline link's «[words](» (no image's): its address is read as links.py reads it."""
_REFERENCE = re.compile(
    r"(?<![\\!\]])\[(?P<words>[^\[\]]*)\](?:[ ]?\[(?P<id>[^\[\]]*)\])?(?![(:\[])"
)
"""A reference link «[words][id]», «[words][]» or «[words]» (its id its words)."""


def neutral_link_words(body: str, held: Mapping[str, str]) -> str:
    """`body` with the words of each link whose address is a key of `held` (the links of the
    body to files the website has no page of now, with the address each will have: see
    links.held_address) replaced by HELD_LINK_WORDS where they spell that file's name or
    address, as the page shows them; each line kept where it was."""
    if not held:
        return body
    text = masked(body)
    spans = [
        match.span("words")
        for match, href, _ in inline_links(text, _INLINE)
        if _spelled(held, href, _words(body, match))
    ]
    if "]:" in text:
        defined = reference_definitions(text)
        spans += [
            match.span("words")
            for match in _REFERENCE.finditer(text)
            if _spelled(
                held,
                defined.get(reference_label(match["id"] or match["words"]), ""),
                _words(body, match),
            )
        ]
    if "<" in text:
        spans += [
            match.span("words")
            for match, href in html_links(text)
            if _spelled(held, href, _words(body, match))
        ]
    for start, end in sorted(spans, reverse=True):
        # Its line breaks kept: the radio's notes name the lines of the file.
        body = body[:start] + HELD_LINK_WORDS + "\n" * body.count("\n", start, end) + body[end:]
    return body


def _words(body: str, match: re.Match[str]) -> str:
    """A link's words as the page shows them: found in the masked body, read in `body` (a code
    span in them was blanked) with the code's backticks dropped."""
    return body[match.start("words") : match.end("words")].replace("`", "")


def _spelled(held: Mapping[str, str], href: str, words: str) -> bool:
    """Whether a link to `href` leads to a held file and its `words` spell its name or address."""
    return href in held and held_words(href, words, held[href]) is not None
