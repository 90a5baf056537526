"""Which tags are the same tag, and the address (/the/<slug>/) of each tag's page.

Spellings that differ in case, accents, spaces, punctuation or a leading hashtag mark ("An ninh",
"an-ninh", "#AN NINH") are one tag: one page, one label (see content._canonical_tags). Symbols
that make another name, though a slug drops them ("C", "C++", "C#", "A+"), make another tag. Such
tags would share a slug, so each gets its own: the tag without symbols keeps the plain slug, the
others spell their symbols ("c-plus-plus", "c-sharp"), numbered when even that is taken. A slug
depends only on the set of tag names, never on dates or file order: a rebuild and a clean build
agree, and a tag's address changes only when a tag of a colliding name appears or goes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from publish.text import fold, nfc, slugify

__all__ = ["tag_key", "tag_name", "tag_slugs"]

SPELLED = {"+": "plus", "#": "sharp"}
"""Symbols as slugs spell them; other math symbols by their Unicode name."""


def _naming(folded: str, i: int) -> bool:
    """Whether character `i` of a folded tag names something a slug drops: a math symbol ("C++",
    "A+") or a "#" after a letter or digit ("C#"; a leading or lone "#" only marks a hashtag)."""
    c = folded[i]
    return unicodedata.category(c) == "Sm" or (c == "#" and i > 0 and folded[i - 1].isalnum())


_NOT_WORD = re.compile(r"[^\w\s]")
"""A character that may be a naming symbol: most tags have none, and skip the walk below."""


def _symbols(tag: str) -> str:
    """The characters of a tag that name something a slug drops."""
    if not _NOT_WORD.search(tag):
        return ""
    folded = fold(nfc(tag))
    return "".join(c for i, c in enumerate(folded) if _naming(folded, i))


def tag_name(written: object) -> str:
    """A tag as it is read, from a bulletin's `tags` or site.toml's [tag_aliases]: NFC, spaces
    trimmed; "" when it names no tag (not text, or no letter or digit: such a tag has no page)."""
    if not isinstance(written, str):
        return ""
    tag = nfc(written).strip()
    return tag if any(c.isalnum() for c in tag) else ""


@functools.lru_cache(maxsize=4096)
def tag_key(tag: str) -> str:
    """What makes two tags the same tag: the slug of the whole name and its naming symbols."""
    symbols = _symbols(tag)
    plain = slugify(tag, max_length=0)  # two long names may share their first 80 characters
    return f"{plain} {symbols}" if symbols else plain


def _spelled(tag: str) -> str:
    """A slug that keeps a tag's naming symbols as words: "C++" → "c-plus-plus"."""
    folded = fold(nfc(tag))
    return slugify(
        "".join(
            f" {SPELLED.get(c) or unicodedata.name(c, '')} " if _naming(folded, i) else c
            for i, c in enumerate(folded)
        )
    )


def tag_slugs(labels: Iterable[str]) -> dict[str, str]:
    """The page slug of each tag label (one label per tag: see content._canonical_tags)."""
    groups: dict[str, list[str]] = {}
    for label in sorted(set(labels), key=tag_key):
        groups.setdefault(slugify(label), []).append(label)
    slugs = {group[0]: plain for plain, group in groups.items() if len(group) == 1}
    taken = set(slugs.values())
    for plain, group in sorted(groups.items()):
        if len(group) == 1:
            continue
        # The tag without symbols first: it keeps the plain slug, as before any collision.
        for label in sorted(group, key=lambda t: (bool(_symbols(t)), tag_key(t))):
            wanted = _spelled(label) if _symbols(label) else plain
            slug, number = wanted, 1
            while slug in taken:
                number += 1
                slug = f"{wanted}-{number}"
            slugs[label] = slug
            taken.add(slug)
    return slugs
