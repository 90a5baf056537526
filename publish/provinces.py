"""The 34 provinces and centrally-run cities since 1/7/2025 (Nghị quyết 202/2025/QH15): which
one an area written by staff names («TP.HCM», «Đà Nẵng», «tỉnh Đắk Lắk»), as its police's
name says it."""

from __future__ import annotations

import re

from publish.text import folded_words

__all__ = ["CITIES", "PROVINCES", "province_named"]

CITIES = ("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ")
"""The six centrally-run cities («thành phố trực thuộc trung ương»)."""
PROVINCES = (
    "Tuyên Quang",
    "Cao Bằng",
    "Lai Châu",
    "Lào Cai",
    "Thái Nguyên",
    "Điện Biên",
    "Lạng Sơn",
    "Sơn La",
    "Phú Thọ",
    "Bắc Ninh",
    "Quảng Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
)
"""The 28 provinces."""
SHORT = {"hcm": "Hồ Chí Minh", "tphcm": "Hồ Chí Minh", "hn": "Hà Nội", "thua thien hue": "Huế"}
"""Short forms staff write (folded): «TP.HCM», «TPHCM», «TP. HN»; the province Huế was until 2025."""
LEVEL = re.compile(r"(?i)^(tỉnh|thành phố|tp\b\.?|t\.)\s*")
"""The level a province's name may start with, spelled out or short («TP.HCM», «Tp Huế», «T. An
Giang»)."""


def province_named(area: str) -> str | None:
    """The province or centrally-run city `area` ends with, as its police's name writes it
    («tỉnh Đắk Lắk», «thành phố Đà Nẵng», «Thành phố Hồ Chí Minh», capitalised as a special
    case by Nghị định 30/2020), or None when it names none of the 34: a city inside a province
    («thành phố Thủ Đức», «TP. Tây Ninh»), a district, or a place the list does not know."""
    last = area.rsplit(",", 1)[-1].strip()
    level = LEVEL.match(last)
    name = last[level.end() :].strip() if level else last
    written = level[1].lower() if level else ""
    place = folded_words(name)
    place = folded_words(SHORT.get(place, place))
    for city in CITIES:
        if place == folded_words(city):
            return "Thành phố Hồ Chí Minh" if city == "Hồ Chí Minh" else f"thành phố {city}"
    if written in {"", "tỉnh", "t."}:
        for province in PROVINCES:
            if place == folded_words(province):
                return f"tỉnh {province}"
    if written == "tỉnh" and place:
        # A province the list does not hold (one merged in 2025, a typo): as the editor wrote it.
        return f"tỉnh {name}"
    return None
