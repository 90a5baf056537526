r"""Case-blind word searches that `re` can skip through: `(?i:xem|trang)` (or `(?<!\w)(?i:…)`)
gives it no character to look for, so it is tried at every character of a text;
`x(?i:em)|X(?i:em)|t(?i:rang)|…` lets it jump from one of those first characters to the next,
and a look-behind checked past the first character keeps that."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["cases", "either_case", "word_alone"]

_ODD_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
"""Characters besides a letter's small and capital that `(?i)` matches for it: a dotted and a
dotless I, the Kelvin sign, a long s."""
ALONE = r"(?<!\w(?s:.))"
"""After a word's first character: nothing of a word before that character."""


def cases(letter: str) -> str:
    """Every character `(?i)` matches for `letter`, small letter first."""
    small = letter.lower()
    return "".join(dict.fromkeys(small + small.upper() + _ODD_CASES.get(small, "")))


def either_case(words: Iterable[str], after_first: str = "") -> str:
    """The source of `(?i:w1|w2|…)` whose branches open with their first character in each case,
    then `after_first` (a look-behind, checked from past that character), then the rest of the
    word case-blind. Words sharing a first character keep their order, which is the order `re`
    tries them in."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0].lower(), []).append(re.escape(word[1:]))
    branches = [
        f"{re.escape(case)}{after_first}(?i:{'|'.join(rests)})"
        for first, rests in groups.items()
        for case in cases(first)
    ]
    return f"(?:{'|'.join(branches)})"


def word_alone(*branches: str) -> str:
    r"""`(?<!\w)(?:branches)` for words written out, `(?i:a|b)` or `A|B`, tried in the order
    given: each word opens with its first letter (once for each case where case-blind) and
    looks behind after it, so `re` skips to the next such letter and tries only the words it
    opens, instead of trying the whole alternation at every character."""
    alternatives = []
    for branch in branches:
        if branch.startswith("(?i:"):
            alternatives.append(either_case(branch[4:-1].split("|"), ALONE))
        else:
            alternatives += [re.escape(w[0]) + ALONE + re.escape(w[1:]) for w in branch.split("|")]
    return f"(?:{'|'.join(alternatives)})"
