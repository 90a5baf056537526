"""Case-blind alternations that `re` can skip through: `(?i:xem|trang)` gives it no character to
look for, so it is tried at every character of a text; `x(?i:em)|X(?i:em)|t(?i:rang)|…` lets it
jump from one of those first characters to the next."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["either_case"]


def either_case(words: Iterable[str], after_first: str = "") -> str:
    """The source of `(?i:w1|w2|…)` whose branches open with their first character in each case,
    then `after_first` (a look-behind, checked from past that character), then the rest of the
    word case-blind. Words sharing a first character keep their order, which is the order `re`
    tries them in; a first character must match case-blind only its two cases (no `k`, `s`,
    `i`: the Kelvin sign, long s and dotless i match them too), as the tests check."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0].lower(), []).append(re.escape(word[1:]))
    branches = [
        f"{re.escape(case)}{after_first}(?i:{'|'.join(rests)})"
        for first, rests in groups.items()
        for case in sorted({first, first.upper()})
    ]
    return f"(?:{'|'.join(branches)})"
