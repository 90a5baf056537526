"""Searches for what ends right before a position, bounded so a long paragraph stays linear."""

from __future__ import annotations

import re

__all__ = ["SENTENCE_TAIL", "TAIL", "ends_before"]

TAIL = 200
"""How far back a `…$` context pattern looks: the longest (`tháng` and twelve number words, a
trigger and 80 characters before `hoặc`) need about 110 characters."""
SENTENCE_TAIL = 1000
"""How far back a word in the same sentence is looked for: some 200 words, longer than any
sentence a bulletin has."""


def ends_before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """`pattern`, anchored with `$`, matched in the last `TAIL` characters of `text[:end]`."""
    # Searching from 0 for every number in a paragraph is quadratic; lookbehinds still see the
    # characters before the window, so `(?<!\w)` stays exact at its edge.
    return pattern.search(text, max(0, end - TAIL), end)
