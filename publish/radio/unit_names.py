"""The words a unit's or a body's name opens with («Công an xã Tân Phú», «Đội CSGT», «UBND
xã»), one list: where a masked number is the unit's own line and where a last line signs with
the writer's unit, both read the same names."""

from __future__ import annotations

__all__ = ["UNIT_FIRST_WORDS", "UNIT_OPENING"]

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
