"""Amounts written in figures and then in words in brackets, as decisions and seizure records
write them (`01 (một) xe mô tô`, `5.000.000đ (năm triệu đồng)`): read once, in words."""

from __future__ import annotations

import re

from publish.number_words import SCALE_VALUES
from publish.radio.flags import WARNING, Context
from publish.radio.numbers import cardinal
from publish.radio.options import SpeakOptions

__all__ = ["NUMBER_WORDS", "without_amounts_in_words"]

_FIGURES_THEN_WORDS = re.compile(
    r"(?P<figures>\d(?<![\w.,]\d)(?:\d{0,2}(?:\.\d{3})+|\d*))"
    r"(?P<unit>(?:\s*(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))?(?:\s*(?:đồng|đ|VNĐ|VND)(?!\w))?)"
    r"(?P<words>\s*\(\s*(?P<said>[^\W\d_][^()\d]*?)\s*\))"
)
_CURRENCY_WORDS = re.compile(r"(?i:\s*(?:việt nam đồng|đồng|chẵn)\s*)+$")
_VARIANTS = {"ngàn": "nghìn", "lẻ": "linh", "bốn": "tư", "nhăm": "lăm", "mốt": "một"}
"""Readings of one number that differ only by region or house style (R2, §8)."""
_NO_OPTIONS = SpeakOptions()
_TENS_SHORT = re.compile(r"(?<= )mươi (?=\S)")
"""`21 (hai mốt)`, `35 (ba lăm)`: the everyday short form drops «mươi» before the units."""
NUMBER_WORDS = frozenset(
    [
        "không",
        "một",
        "mốt",
        "hai",
        "ba",
        "bốn",
        "tư",
        "năm",
        "lăm",
        "nhăm",
        "sáu",
        "bảy",
        "tám",
        "chín",
        "mười",
        "mươi",
        "linh",
        "lẻ",
        "trăm",
        "nghìn",
        "ngàn",
        "triệu",
        "tỷ",
        "tỉ",
    ]
)
"""The words a number is said in, in every regional spelling: brackets holding only these say
an amount (and publish.render.radio.told_numbers finds where an amount said ends)."""


def _plain(words: str) -> str:
    """`words` in lower case, one spelling for each regional variant, single spaces."""
    return " ".join(_VARIANTS.get(w, w) for w in words.lower().replace(",", " ").split())


def without_amounts_in_words(text: str, ctx: Context) -> str:
    """`text` without the words in brackets that say again the figures before them: read, the
    listener heard every amount twice, and «một, một, xe» as eleven motorbikes. Words that say
    another amount than the figures (`02 (một) xe`: a typo in one of them) are left and the
    editor is told (Q5): the listener hears both and cannot tell which is right."""
    if "(" not in text:
        return text

    def said_once(m: re.Match[str]) -> str:
        said = _CURRENCY_WORDS.sub("", m["said"])
        figures = int(m["figures"].replace(".", "")) * SCALE_VALUES.get(m["scale"] or "", 1)
        spoken = _plain(cardinal(figures, _NO_OPTIONS))
        if _plain(said) not in (spoken, _TENS_SHORT.sub("", spoken)):
            # `300 triệu đồng (năm)`: a sum a year, no amount said again
            year = bool(m["unit"]) and _plain(said) == "năm"
            if said.strip() and not year and set(_plain(said).split()) <= NUMBER_WORDS:
                _flag_disagreeing(m, ctx)
            return m[0]
        return m["figures"] + (m["unit"] or "")

    return _FIGURES_THEN_WORDS.sub(said_once, text)


def _flag_disagreeing(m: re.Match[str], ctx: Context) -> None:
    """Q5: the figures and the words in brackets after them say two amounts."""
    written = m[0].strip()
    ctx.flag(
        "Q5",
        WARNING,
        f"Số «{m['figures']}{' ' + m['scale'] if m['scale'] else ''}» và chữ trong ngoặc «{m['said'].strip()}» không cùng một số: người "
        f"nghe nghe cả hai («{written}») mà không biết số nào đúng. Cách sửa: sửa cho khớp, hoặc "
        "chỉ viết một cách.",
        written,
    )
