"""Vietnam's provinces by name: after «T.» one of them makes the letter «tỉnh» (R14.3), where a
person's initial comes before a given name («Đối tượng T. Hùng»)."""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["province_at", "provinces"]


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
