"""Vietnam's provinces by name: after «T.» one of them makes the letter «tỉnh» (R14.3), where a
person's initial comes before a given name («Đối tượng T. Hùng»)."""

from __future__ import annotations

import functools
import re
from importlib import resources

from publish.text import folded_words

__all__ = ["province_at", "province_spelled_at", "provinces"]


@functools.cache
def provinces() -> frozenset[str]:
    """The provinces' names of the packaged list (provinces.txt), in both placements of the tone
    of «oà»/«oá» in use («Thanh Hóa», «Thanh Hoá»)."""
    text = resources.files("publish.radio").joinpath("provinces.txt").read_text("utf-8")
    names = [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]
    return frozenset(names) | {n.replace("Hòa", "Hoà").replace("Hóa", "Hoá") for n in names}


def province_at(text: str, at: int) -> bool:
    """Whether a province's name starts at `at` and ends where a word does."""
    for name in provinces():
        end = at + len(name)
        if text.startswith(name, at) and not text[end : end + 1].isalnum():
            return True
    return False


_WORDS_AFTER = re.compile(r"[^\W\d_]++(?:\s++[^\W\d_]++){0,3}")


@functools.cache
def _folded_provinces() -> frozenset[str]:
    """The provinces' names without tone marks, as `folded_words` writes them."""
    return frozenset(folded_words(name) for name in provinces())


def province_spelled_at(text: str, at: int) -> bool:
    """Whether a province's name starts at `at`, its tones written as the list's or not
    («Đăk Lăk» for «Đắk Lắk»)."""
    if province_at(text, at):
        return True
    found = _WORDS_AFTER.match(text, at)
    words = folded_words(found[0]).split() if found else []
    return any(" ".join(words[:k]) in _folded_provinces() for k in range(2, len(words) + 1))
