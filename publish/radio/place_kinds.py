"""The kinds of Vietnam's administrative places («tỉnh», «huyện», «thị trấn»…), one list (kept in
publish.place_words, which the lint and the website read too): the words before a place's name
that tell a name is a place's, never a person's (R14.3, R1.5)."""

from __future__ import annotations

import re

from publish.place_words import KINDS, SUB_COMMUNE_KINDS, sub_commune_pattern
from publish.radio.either_case import ALONE, either_case

__all__ = [
    "FIRST_WORDS",
    "HALF_KINDS",
    "KINDS",
    "KINDS_PATTERN",
    "LETTERS",
    "SUB_COMMUNE_KINDS",
    "SUB_COMMUNE_PATTERN",
    "opens_with_a_kind",
    "places_named",
    "site_places",
]

LETTERS = {
    "TX": "thị xã",
    "TT": "thị trấn",
    "TP": "thành phố",
    "Tp": "thành phố",
    "tp": "thành phố",  # `tp.HCM`, `tại tp.Cần Thơ` typed in lower case: left «tp.» in the script
    "Q": "quận",
    "P": "phường",
    "H": "huyện",
    "X": "xã",
    "T": "tỉnh",  # `H. Châu Thành, T. Tiền Giang`: only in an address (abbreviations)
}
"""The kinds written short with a dot (`H. Châu Thành`, `TP. Vinh`; R14.3)."""

KINDS_PATTERN = "|".join(sorted(KINDS, key=len, reverse=True))
"""The kinds as a regular expression's alternatives, the longest first («thị xã» before «xã»)."""

SUB_COMMUNE_PATTERN = sub_commune_pattern()
"""The sub-commune kinds (publish.place_words) as a regular expression's alternatives, the
longest first; «buôn» not in «buôn bán», «buôn lậu»."""

FIRST_WORDS = frozenset(kind.split()[0] for kind in KINDS)
"""First words of a place's kind (`Huyện Châu Thành`, `Thị Xã …`, `Đặc Khu …`)."""

HALF_KINDS = {
    first: frozenset(kind.split()[1] for kind in KINDS if kind.split()[0] == first)
    for first in FIRST_WORDS
    if first not in KINDS
}
"""Kinds whose first word alone is no kind and is also a name («Thị», «Thành»): a kind only with
their second word («Thị Xã», «Thành Phố»)."""


def opens_with_a_kind(words: list[str]) -> bool:
    """Whether title-case `words` open with a place's kind (`Huyện Châu Thành`, `Thị Xã Sa
    Pa`): only the first word, as «Thị», «Thành», «Quận» inside a run are middle names."""
    first = words[0].casefold() if words else ""
    if first in HALF_KINDS:
        return len(words) > 1 and words[1].casefold() in HALF_KINDS[first]
    return first in FIRST_WORDS


_NAMED = re.compile(
    either_case(sorted(KINDS, key=len, reverse=True), after_first=ALONE)
    + r"\s++(?=(?P<words>[^\W\d_]++(?: [^\W\d_]++){0,3}))"
)
"""A place's kind, any case, and the words after it; the look-behind comes after the kind's first
character (`either_case`): as `(?<!\\w)(?i:…)` it was tried at every character of a bulletin."""


def places_named(text: str) -> set[str]:
    """The names `text` writes after a place's kind («huyện Kim Sơn», «Xã Tân Bình»): places
    wherever else they stand in it, as a bulletin's last line alone."""
    names = set()
    for found in _NAMED.finditer(text):
        words = found["words"].split()
        name = []
        for word in words:
            if not word[0].isupper():
                break
            name.append(word)
        if name:
            names.add(" ".join(name))
    return names


def site_places(*texts: str) -> tuple[str, ...]:
    """The places site.toml's `texts` name after their kinds ([unit] name and area, [contact]
    address, each [[contact.stations]] name and address: «Công an huyện Châu Thành», «tỉnh Đồng
    Tháp», «Công an xã Tân Phú»), sorted to keep a digest stable."""
    return tuple(sorted(set().union(*(places_named(text) for text in texts))))
