"""Abbreviated titles before a person's name (`BTV H. Lan`, `TS Nguyễn Văn B`, `PGS.TS …`):
read as the title, whatever else the letters stand for elsewhere (R14.5: context decides)."""

from __future__ import annotations

import re

__all__ = ["read_titles_before_names"]

_TITLE_WORDS = {
    "PGS": "phó giáo sư",
    "GS": "giáo sư",
    "ThS": "thạc sĩ",
    "TS": "tiến sĩ",
    "BS": "bác sĩ",
    "LS": "luật sư",
    "BTV": "biên tập viên",
}
"""Before a name, one reading only: `BTV` is «Ban Thường vụ» before a party committee (`BTV
Huyện ủy`), `TS`, `BS` are «tài sản», «biển số» in a police report, never before a name."""
_TITLE = "|".join(sorted(_TITLE_WORDS, key=len, reverse=True))
_TITLES = re.compile(
    rf"(?<![\w.])((?:{_TITLE})(?:(?:\.\s*|\s*,\s*|\s+)(?:{_TITLE}))*)(?!\w)\.?(\s*:\s*|\s+)"
)
"""One title or several (`PGS.TS`, `ThS. BS`, `TS, BS`), then a space or a byline's colon."""
_TITLE_SPLIT = re.compile(r"[.,\s]+")
_INITIAL_NAME = re.compile(r"[A-ZĐ]\.\s*[^\W\d_]")
"""`H. Lan`, `X. Thu Trang`: an initial and the given name (publish.radio.abbreviations keeps
an initial after these titles, never a place's prefix)."""
_TWO_WORDS = re.compile(r"([^\W\d_]+)\s+([^\W\d_]+)")
_NOT_A_SURNAME = frozenset(
    {"Huyện", "Tỉnh", "Thành", "Quận", "Thị", "Xã", "Phường", "Đảng", "Đoàn", "Hội", "Ban"}
    | {"Chi", "Công", "Liên", "Ủy", "Uỷ", "Trung", "Mặt", "Cục", "Bộ", "Sở", "Phòng", "Đài"}
    | {"Báo", "Bệnh", "Trường", "Viện", "Khoa", "Đại", "Học", "Việt", "Cảnh", "Tòa", "Toà"}
    | {"Trạm", "Đội", "Đồn", "Hợp", "Ngân", "Tổng", "Nhà", "Khu", "Ấp", "Thôn", "Xóm"}
)
"""First words of an organisation or a place in title case (`BTV Huyện Ủy`, `BTV Đoàn Thanh
Niên`, `TS Công Ty …`): then it is no person. A unit's `Đoàn` surname loses to the Youth
Union, as it did before (the lexicon's «Ban Thường vụ»)."""


def _title_case(word: str) -> bool:
    """`Nguyễn`, `Văn`, `A`: a capital, then small letters only."""
    return word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _a_name_at(text: str, at: int) -> bool:
    """Whether a person's name starts at `at`: an initial and a given name, or two words in
    title case that open no organisation's or place's name."""
    if _INITIAL_NAME.match(text, at):
        return True
    words = _TWO_WORDS.match(text, at)
    return bool(
        words and _title_case(words[1]) and _title_case(words[2]) and words[1] not in _NOT_A_SURNAME
    )


def read_titles_before_names(text: str) -> str:
    """`BTV H. Lan` → `biên tập viên H. Lan`, `PGS.TS Nguyễn Văn A` → `phó giáo sư, tiến sĩ
    Nguyễn Văn A`; a title not before a name is left to the lexicon (`BTV Huyện ủy`)."""
    if not any(title in text for title in ("GS", "TS", "ThS", "BS", "LS", "BTV")):
        return text

    def said(m: re.Match[str]) -> str:
        if not _a_name_at(text, m.end()):
            return m[0]
        titles = [_TITLE_WORDS[t] for t in _TITLE_SPLIT.split(m[1]) if t]
        return ", ".join(titles) + (": " if ":" in m[2] else " ")

    return _TITLES.sub(said, text)
