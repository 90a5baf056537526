"""Words written in capitals: a line shouted in capitals («TÌNH HÌNH AN NINH», a report's
heading) is words to read, never an unknown abbreviation to flag (R14.6) or to spell in draft
audio (R16.1). A word is of such a line when it has tone marks or is a Vietnamese syllable
(«AN», «NINH», «CHUNG») and stands beside another such word."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "CAPITAL_LETTERS",
    "VIETNAMESE_SYLLABLE",
    "WORD",
    "beside_shouted",
    "has_tone_marks",
    "may_hold_capitals",
    "reads_as_a_word",
    "shouted",
    "without_tone_marks",
]

CAPITAL_LETTERS = "A-ZĐĂÂÊÔƠƯ"
"""The capital letters of the alphabet as a character class's ranges, Vietnamese's own (Ă, Â, Ê,
Ô, Ơ, Ư, Đ) with them: what a name's initial (`N.V.Ư.`, `(NVƯ)`) or an abbreviation's letter
may be. A tone mark makes no letter (`Ánh`'s initial is `A`)."""
WORD = re.compile(r"[^\W\d_]+")
"""A word: letters only, as `shouted` and `beside_shouted` take them."""
_VN_LOWER = "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
_VN_UPPER = _VN_LOWER.upper()
_CAPS_PAIR = re.compile(f"[A-Z{_VN_UPPER}][A-Z{_VN_UPPER}]")
"""Two capitals in a row, ASCII or Vietnamese («NH», «ĐỘ», «ỪA»)."""
_UNUSUAL = re.compile(f"[^\\x00-\\x7f{_VN_LOWER}{_VN_UPPER}“”‘’«»…–—°]")
"""Anything but ASCII, Vietnamese letters and common typography: a letter whose case no short
class lists («Ä»)."""

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
"""The five tone marks (huyền, sắc, ngã, hỏi, nặng) as NFD writes them: a word's, never a letter's
(Ư, Ô, Â are letters of the alphabet, which initials may be)."""


def without_tone_marks(text: str) -> str:
    """`text` without its tone marks, the letters' own marks kept (`Ướ` is `Ư`, `Ấ` is `Â`)."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


VIETNAMESE_SYLLABLE = re.compile(
    r"(?i:(?:ngh|ng|gh|gi|ch|kh|nh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}"
    r"(?:ng|nh|ch|[cmnpt])?)"
)
"""A Vietnamese syllable written without tone marks; English words rarely fit (`Official`)."""


def may_hold_capitals(text: str) -> bool:
    """Whether `text` may hold an upper-case word of two letters or more: two capitals in a row,
    or a character outside ASCII and Vietnamese. Much cheaper than splitting it into words."""
    return bool(_CAPS_PAIR.search(text) or _UNUSUAL.search(text))


def has_tone_marks(token: str) -> bool:
    """Whether `token` carries one of the five tone marks (`ĐÃ`, `CẢNH`), never counting the
    marks that make a letter (the breve, circumflex and horn of Ă Â Ê Ô Ơ Ư, Đ's bar)."""
    # Every combining mark counted made two initials such as «TƯ ĐƯ» a line shouted in capitals.
    return any(c in _TONE_MARKS for c in unicodedata.normalize("NFD", token))


def reads_as_a_word(token: str) -> bool:
    """Whether a token in capitals is a Vietnamese word, not initials: it has a tone mark
    («ĐÃ», «CẢNH»), or is a syllable of three letters or more with a letter such as Ô, Ư, Â
    («KHÔNG», «CHƯA»). Those letters alone make no word: «TƯ», «ĐƯ», «BCHTƯ» are initials, as
    «ĐI» and «UBND» are taken to be."""
    marks = [c for c in unicodedata.normalize("NFD", token) if unicodedata.combining(c)]
    if any(mark in _TONE_MARKS for mark in marks):
        return True
    bare = "".join(c for c in unicodedata.normalize("NFD", token.replace("Đ", "D")) if c.isascii())
    return bool(marks) and len(token) > 2 and bool(VIETNAMESE_SYLLABLE.fullmatch(bare))


def _word_in_capitals(word: str) -> bool:
    """An upper-case word that reads as Vietnamese: with tone marks, a syllable («ĐI»), or one
    of three letters or more with a letter such as Ô, Ư («KHÔNG»; `reads_as_a_word`)."""
    return (
        len(word) > 1
        and word.isupper()
        and (reads_as_a_word(word) or bool(VIETNAMESE_SYLLABLE.fullmatch(word.replace("Đ", "D"))))
    )


def shouted(words: list[str], i: int) -> bool:
    """Whether `words[i]` is a word of a line written in capitals: it reads as Vietnamese and
    so does a word beside it, also in capitals («AN NINH»; never «CSĐTTP» beside «ĐỘI»)."""
    if not _word_in_capitals(words[i]):
        return False
    beside = words[max(0, i - 1) : i] + words[i + 1 : i + 2]
    return any(_word_in_capitals(word) for word in beside)


def beside_shouted(words: list[str], i: int) -> bool:
    """Whether `words[i]` stands beside a capitals word that reads as Vietnamese («EVN» in
    «NHÂN VIÊN EVN ĐỂ», «KHÔNG EVN»; `reads_as_a_word`): in a line written in capitals, where it
    may be the writer's capitals as well as an abbreviation."""
    # Not `has_tone_marks`: «VIÊN», «KHÔNG» carry no tone mark, and the abbreviation beside them
    # went from a warning to a hold when the letters' own marks stopped counting as tone marks.
    beside = words[max(0, i - 1) : i] + words[i + 1 : i + 2]
    return any(word.isupper() and reads_as_a_word(word) for word in beside)
