"""The 34 provinces and centrally-run cities since 1/7/2025 (provinces-2025.txt): which one an
area written by staff names («TP.HCM», «Đà Nẵng», «tỉnh Đắk Lắk»), as its police's name says it."""

from __future__ import annotations

import functools
import re
from importlib import resources

from publish.text import folded_words

__all__ = ["merged_2025", "merged_province", "province_named", "provinces_2025"]

SHORT = {"hcm": "Hồ Chí Minh", "tphcm": "Hồ Chí Minh", "hn": "Hà Nội", "thua thien hue": "Huế"}
"""Short forms staff write (folded): «TP.HCM», «TPHCM», «TP. HN»; the province Huế was until 2025."""
LEVEL = re.compile(r"(?i)^(tỉnh|thành phố|tp\b\.?|t\.)\s*")
"""The level a province's name may start with, spelled out or short («TP.HCM», «Tp Huế», «T. An
Giang»)."""


@functools.cache
def provinces_2025() -> dict[str, tuple[str, str]]:
    """The packaged list by folded place name: (level as written, the name with its level)."""
    text = resources.files("publish").joinpath("provinces-2025.txt").read_text("utf-8")
    found = {}
    for line in text.splitlines():
        level = LEVEL.match(line.strip())
        if level and line[0] != "#":
            found[folded_words(line[level.end() :])] = (level[1].lower(), line.strip())
    return found


def province_named(area: str) -> str | None:
    """The province or centrally-run city `area` ends with, as its police's name writes it
    («tỉnh Đắk Lắk», «thành phố Đà Nẵng», «Thành phố Hồ Chí Minh»), or None when it names none
    of the 34: a city inside a province («thành phố Thủ Đức», «TP. Tây Ninh»), a district, or a
    place the list does not know. «tỉnh …» not in the list is taken as written."""
    last = area.rsplit(",", 1)[-1].strip()
    level = LEVEL.match(last)
    name = last[level.end() :].strip() if level else last
    written = level[1].lower() if level else ""
    place = folded_words(name)
    listed = provinces_2025().get(folded_words(SHORT.get(place, place)))
    if listed and (listed[0] == "thành phố" or written in {"", "tỉnh", "t."}):
        # «TP. Tây Ninh» is the city of that name, not the province.
        return listed[1]
    if merged := merged_province(area):
        return merged  # a commune's police is under the province it is part of since 1/7/2025
    if written == "tỉnh" and place:
        # A province the list does not hold (a typo): as the editor wrote it.
        return f"tỉnh {name}"
    return None


@functools.cache
def merged_2025() -> dict[str, str]:
    """The provinces merged into another on 1/7/2025 (provinces-merged-2025.txt), by folded
    name: the province or city they are part of since, as provinces-2025.txt writes it."""
    text = resources.files("publish").joinpath("provinces-merged-2025.txt").read_text("utf-8")
    found = {}
    for line in text.splitlines():
        old, arrow, new = line.partition(" → ")
        if arrow and line[0] != "#":
            found[folded_words(old)] = new.strip()
    return found


def merged_province(area: str) -> str | None:
    """The province `area` ends with when it is one merged into another on 1/7/2025 («tỉnh
    Tiền Giang», «Bà Rịa - Vũng Tàu»): the one it is part of since, with its level («tỉnh …»);
    None for any other area. A city of that name («thành phố Bến Tre») is no province."""
    last = area.rsplit(",", 1)[-1].strip()
    level = LEVEL.match(last)
    if level and level[1].lower() not in {"tỉnh", "t."}:
        return None
    return merged_2025().get(folded_words(last[level.end() :] if level else last))
