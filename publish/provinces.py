"""The 34 provinces and centrally-run cities since 1/7/2025 (provinces-2025.txt): which one an
area written by staff names («TP.HCM», «Đà Nẵng», «tỉnh Đắk Lắk»), as its police's name says it."""

from __future__ import annotations

import functools
import re
from importlib import resources

from publish.text import folded_words

__all__ = ["merged_province", "province_named", "provinces_2025"]

SHORT = {"hcm": "Hồ Chí Minh", "tphcm": "Hồ Chí Minh", "hn": "Hà Nội", "thua thien hue": "Huế"}
"""Short forms staff write (folded): «TP.HCM», «TPHCM», «TP. HN»; the province Huế was until 2025."""
LEVEL = re.compile(r"(?i)^(tỉnh|thành phố|tp\b\.?|t\.)\s*")
"""The level a province's name may start with, spelled out or short («TP.HCM», «Tp Huế», «T. An
Giang»)."""


MERGED_2025 = {
    "ha giang": "Tuyên Quang",
    "yen bai": "Lào Cai",
    "bac kan": "Thái Nguyên",
    "vinh phuc": "Phú Thọ",
    "hoa binh": "Phú Thọ",
    "bac giang": "Bắc Ninh",
    "thai binh": "Hưng Yên",
    "hai duong": "Hải Phòng",
    "ha nam": "Ninh Bình",
    "nam dinh": "Ninh Bình",
    "quang binh": "Quảng Trị",
    "quang nam": "Đà Nẵng",
    "kon tum": "Quảng Ngãi",
    "binh dinh": "Gia Lai",
    "ninh thuan": "Khánh Hòa",
    "dak nong": "Lâm Đồng",
    "binh thuan": "Lâm Đồng",
    "phu yen": "Đắk Lắk",
    "binh duong": "Hồ Chí Minh",
    "ba ria vung tau": "Hồ Chí Minh",
    "binh phuoc": "Đồng Nai",
    "long an": "Tây Ninh",
    "soc trang": "Cần Thơ",
    "hau giang": "Cần Thơ",
    "ben tre": "Vĩnh Long",
    "tra vinh": "Vĩnh Long",
    "tien giang": "Đồng Tháp",
    "bac lieu": "Cà Mau",
    "kien giang": "An Giang",
}
"""The 29 provinces merged into another on 1/7/2025 (Nghị quyết 202/2025/QH15), by folded
name: the province they are part of since (its name in provinces-2025.txt)."""


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
        # A commune's police is under the province it is part of since 1/7/2025.
        return provinces_2025()[folded_words(merged)][1]
    if written == "tỉnh" and place:
        # A province the list does not hold (a typo): as the editor wrote it.
        return f"tỉnh {name}"
    return None


def merged_province(area: str) -> str | None:
    """The province `area` ends with when it is one merged into another on 1/7/2025 («tỉnh
    Tiền Giang», «Bà Rịa - Vũng Tàu»): the name of the one it is part of since («Đồng Tháp»);
    None for any other area. A city of that name («thành phố Bến Tre») is no province."""
    last = area.rsplit(",", 1)[-1].strip()
    level = LEVEL.match(last)
    if level and level[1].lower() != "tỉnh":
        return None
    return MERGED_2025.get(folded_words(last[level.end() :] if level else last))
