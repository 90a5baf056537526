"""The words a unit's or a body's name opens with («Công an xã Tân Phú», «Đội CSGT», «UBND
xã») and the words it goes on with, one list: where a masked number is the unit's own line,
where a last line signs with the writer's unit and where a «Tel:» line follows a unit's name
(publish.pii_english), all read the same names."""

from __future__ import annotations

import re

from publish.place_words import KINDS

__all__ = ["UNIT_FIRST_WORDS", "UNIT_OPENING", "after_units_name"]

UNIT_FIRST_WORDS = (
    "Công an",
    "Đội",
    "Đồn",
    "Trạm",
    "Phòng",
    "Ban",
    "Trực ban",
    "Đoàn",
    "Chi đoàn",
    "Hội",
    "UBND",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Ủy ban",
    "Uỷ ban",
)
"""Capitalised as written inside a sentence; a unit adds a word here and every reader sees it."""

UNIT_OPENING = "|".join(sorted(UNIT_FIRST_WORDS, key=len, reverse=True))
"""The words as a regular expression's alternatives, the longest first («Trực ban» before
«Ban», «Ủy ban nhân dân» before «Ủy ban»); match them case-sensitively."""

_KIND_WORDS = frozenset(word for kind in KINDS for word in kind.split())
_BRANCH_LEADS = frozenset(
    {"Cảnh", "An", "Chỉ", "Quân", "Thanh", "Phụ", "Cựu", "Quản", "Cửa", "Tham", "Biên", "Liên"}
    | {"Điều", "Tuần", "Tổ", "Kỹ", "Hậu", "Hồ", "Xây", "Pháp", "Tài", "Nông"}
)
"""Capitalised words a unit's name goes on from in lower case («Cảnh sát giao thông», «An
ninh nhân dân», «Chỉ huy», «Quân sự», «Thanh niên», «Phụ nữ», «Cựu chiến binh», «Quản lý hành
chính», «Cửa khẩu», «Tham mưu tổng hợp», «Biên phòng», «Liên hiệp», «Điều tra tổng hợp»,
«Tuần tra», «Tổ chức cán bộ», «Kỹ thuật hình sự», «Hậu cần», «Hồ sơ», «Xây dựng phong trào»,
«Pháp chế», «Tài chính», «Nông dân»)."""
_BRANCH_WORDS = frozenset(
    {"sát", "ninh", "huy", "niên", "nữ", "chiến", "binh", "lý", "giao", "thông", "hình", "sự"}
    | {"điều", "tra", "tội", "phạm", "về", "ma", "túy", "tuý", "kinh", "tế", "môi", "trường"}
    | {"trật", "tự", "xã", "hội", "cơ", "động", "phòng", "cháy", "chữa", "và", "cứu", "nạn"}
    | {"hộ", "hành", "chính", "đường", "thủy", "thuỷ", "bộ", "quân", "khẩu", "quản", "nhân"}
    | {"dân", "mưu", "tổng", "hợp", "hiệp", "chức", "cán", "thuật", "cần", "sơ", "dựng", "phong"}
    | {"trào", "bảo", "vệ", "an", "quốc", "chế", "công", "tác"}
)
"""Lower-case words of the police's and the mass bodies' branch names, read on from a
`_BRANCH_LEADS` word («Đội Cảnh sát điều tra tội phạm về ma túy»)."""
_UNIT_SEPARATOR = re.compile(r" *[,–—-] *")
"""A comma or a dash inside a unit's name («Công an xã Tân Phú, huyện Châu Thành»)."""


_POLICE_INSIDE = re.compile(r"(?<!\w)Công an(?!\w)")
"""«Công an» anywhere in a unit's name (`Đội CSGT Công an huyện`)."""


def after_units_name(rest: str) -> list[str]:
    """The words after a unit's name, given the words after its first word («Công an», «Phòng»):
    a unit's name holds capitalised words («Tân Phú», «CSHS»), place kinds («xã») and a branch's
    name in lower case («Cảnh sát giao thông»); the first other word and those after it are
    returned («đề nghị người dân …», «trực ban»)."""
    branch = False
    # «Đội CSGT Công an huyện», «Đồn Công an Cửa khẩu»: the police named inside the unit.
    words = _POLICE_INSIDE.sub("CA", _UNIT_SEPARATOR.sub(" ", rest)).split()
    for at, word in enumerate(words):
        before = words[at - 1] if at else ""
        if word[0].isupper():
            branch = word in _BRANCH_LEADS
        elif branch and word in _BRANCH_WORDS:
            continue
        elif word in _KIND_WORDS:
            branch = False
        elif word.isdigit() and (before in _KIND_WORDS or before == "số"):
            continue  # «Công an phường 3», «Đội CSGT số 2»
        elif word == "số" and at + 1 < len(words) and words[at + 1].isdigit():
            continue
        else:
            return words[at:]
    return []
