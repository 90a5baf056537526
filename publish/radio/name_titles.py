"""Abbreviated titles before a person's name (`BTV H. Lan`, `TS Nguyễn Văn B`, `PGS.TS …`):
read as the title, whatever else the letters stand for elsewhere (R14.5: context decides)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from publish.radio.caps import CAPITAL_LETTERS
from publish.radio.place_kinds import FIRST_WORDS

__all__ = ["THING_OR_TITLE", "own_titles", "read_titles_before_names"]

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
_CHAIN = re.compile(rf"(?<![\w.])(?:{_TITLE})(?:(?:\.\s*|\s*,\s*|\s+)(?:{_TITLE}))*")
"""One title or several (`PGS.TS`, `ThS. BS`, `TS, BS`), as far as they go: a title may start
inside a run of them only where the run's own start failed, and then it fails too (the run
ends alike), so the run is tried once, from its start (from each title it took time growing
with the square of its length)."""
_TITLES = re.compile(
    rf"((?:{_TITLE})(?:(?:\.\s*|\s*,\s*|\s+)(?:{_TITLE}))*)(?!\w)(\.?)(\s*:\s*|\s+)"
)
"""A run of titles as a whole word, then a space or a byline's colon."""
THING_OR_TITLE = {
    "TS": ("tài sản", "tiến sĩ"),
    "BS": ("biển số", "bác sĩ"),
    "BTV": ("Ban Thường vụ", "biên tập viên"),
}
"""Titles that also name a thing in a police report, with what they read as either way."""
_ALSO_A_THING = frozenset(THING_OR_TITLE)
_A_PERSON_FOLLOWS = frozenset(
    {"của", "với", "cùng", "được", "là", "theo", "do", "bởi", "bị", "cho", "như"}
    | {"ông", "bà", "anh", "chị", "cô", "chú", "bác", "thầy", "đồng chí"}
    | {"gặp", "thăm", "mời", "hỏi", "phỏng vấn", "cảm ơn", "cám ơn", "chúc mừng"}
)
"""Words (one or two) after which a title with a full stop is a person's title (`của TS. Nguyễn
Văn An`), not the thing it also names ending a sentence (see `_ends_a_sentence`). Not «và»,
«hay», «gồm»: «thiệt hại về người và TS. Nguyễn Văn A …» ends with «tài sản»."""
_YEAR_AFTER = frozenset(
    {"trong", "cả", "mỗi", "hằng", "hàng", "từng", "cuối", "đầu", "giữa", "suốt", "sang", "nửa"}
    | {"mười", "mươi", "trăm", "nghìn", "ngàn", "nhiều", "vài", "mấy", "các", "những", "cùng"}
)
"""Words after which «năm» is the year, not five (`trong năm TS. Nguyễn Văn A`): a time word,
or a number whose five would be «lăm», «linh năm» (`mười năm` is ten years)."""
_LOOK_BACK = 40
"""Characters before a title in which its last two words are looked for."""
_TITLE_SPLIT = re.compile(r"[.,\s]+")
_INITIAL_NAME = re.compile(rf"[{CAPITAL_LETTERS}]\.\s*[^\W\d_]")
"""`H. Lan`, `X. Thu Trang`: an initial and the given name (publish.radio.abbreviations keeps
an initial after these titles, never a place's prefix)."""
_TWO_WORDS = re.compile(r"([^\W\d_]+)\s+([^\W\d_]+)")
_NOT_A_SURNAME = frozenset(
    {word.capitalize() for word in FIRST_WORDS}  # «Huyện», «Thị», «Đặc»: a place's kind
    | {"Đảng", "Đoàn", "Hội", "Ban"}
    | {"Chi", "Công", "Liên", "Ủy", "Uỷ", "Trung", "Mặt", "Cục", "Bộ", "Sở", "Phòng", "Đài"}
    | {"Báo", "Bệnh", "Trường", "Viện", "Khoa", "Đại", "Học", "Việt", "Cảnh", "Tòa", "Toà"}
    | {"Trạm", "Đội", "Đồn", "Hợp", "Ngân", "Tổng", "Nhà", "Khu", "Ấp", "Thôn", "Xóm"}
)
"""First words of an organisation or a place in title case (`BTV Huyện Ủy`, `BTV Đoàn Thanh
Niên`, `TS Công Ty …`): then it is no person. A unit's `Đoàn` surname loses to the Youth
Union, as it did before (the lexicon's «Ban Thường vụ»)."""


def own_titles(lexicon: Mapping[str, str], seed: Mapping[str, str]) -> frozenset[str]:
    """The titles a unit's dictionary (`lexicon` over the `seed`) gives a reading of its own."""
    return frozenset(t for t in _TITLE_WORDS if t in lexicon and lexicon[t] != seed.get(t))


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


def _ends_a_sentence(text: str, m: re.Match[str]) -> bool:
    """Whether the one title of `m` is written with a full stop and more likely the last word of
    a sentence (`khởi tố vụ án trộm cắp TS. Nguyễn Văn A khai nhận`: «tài sản»): a title that
    also names a thing, after a word, unless a person follows that word (`của`, `với`, `ông`).
    Taken for a title wrongly, it is read silently as one; left as an end, an unknown «TS» is
    held with a warning, and a known one read as the thing."""
    if not m[2] or m[1] not in _ALSO_A_THING:
        return False
    # Only the last two words count: copying all the text before each title took time growing
    # with the square of its length.
    before = text[max(0, m.start() - _LOOK_BACK) : m.start()].rstrip()
    if not before or not before[-1].isalnum():
        return False  # a sentence's start, or after «,», «:», an opening mark: no end
    words = before.lower().split()[-2:]
    if words[-1] == "năm" and len(words) == 2 and words[0] in _YEAR_AFTER:
        return False  # «trong năm TS. Nguyễn Văn A»: «in the year», no count of things
    return words[-1] not in _A_PERSON_FOLLOWS and " ".join(words) not in _A_PERSON_FOLLOWS


def read_titles_before_names(text: str, own: frozenset[str] = frozenset()) -> str:
    """`BTV H. Lan` → `biên tập viên H. Lan`, `PGS.TS Nguyễn Văn A` → `phó giáo sư, tiến sĩ
    Nguyễn Văn A`; a title not before a name is left to the lexicon (`BTV Huyện ủy`), and so is
    one the unit's dictionary defines (`own`: its `TS<TAB>tài sản` wins)."""
    # Every title but BTV holds a capital S: most paragraphs have none, and one search is
    # cheaper than six (this test ran on every paragraph read aloud).
    if "S" not in text and "BTV" not in text:
        return text
    if not any(title in text for title in ("GS", "TS", "ThS", "BS", "LS", "BTV")):
        return text
    parts = []
    done = 0
    at = 0
    while chain := _CHAIN.search(text, at):
        m = _TITLES.match(text, chain.start())
        at = max(chain.end(), m.end() if m else 0)
        if m is None or not _a_name_at(text, m.end()) or _ends_a_sentence(text, m):
            continue
        titles = _TITLE_SPLIT.split(m[1])
        if own.intersection(titles):
            continue
        said = ", ".join(_TITLE_WORDS[t] for t in titles if t)
        parts += [text[done : m.start()], said, ": " if ":" in m[3] else " "]
        done = m.end()
    return "".join([*parts, text[done:]])
