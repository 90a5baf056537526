"""R16: adapt the human script for synthetic draft audio (espeak-ng); never used on air."""

from __future__ import annotations

import re
import unicodedata

from publish.radio.abbreviations import KEEP_AS_WORD
from publish.radio.caps import (
    CAPITAL_LETTERS,
    WORD,
    may_hold_capitals,
    reads_as_a_word,
    shouted,
)

__all__ = ["LETTER_NAMES", "tts_text"]

LETTER_NAMES = {
    "A": "a", "B": "bê", "C": "xê", "D": "dê", "Đ": "đê", "E": "e", "F": "ép", "G": "giê",
    "H": "hát", "I": "i", "J": "gi", "K": "ca", "L": "e-lờ", "M": "em-mờ", "N": "en-nờ",
    "O": "o", "P": "pê", "Q": "quy", "R": "e-rờ", "S": "ét", "T": "tê", "U": "u", "V": "vê",
    "W": "vê kép", "X": "ích", "Y": "i dài", "Z": "dét",
    "Ă": "á", "Â": "ớ", "Ê": "ê", "Ô": "ô", "Ơ": "ơ", "Ư": "ư",
}  # fmt: skip
"""Each capital letter's name (caps.CAPITAL_LETTERS, Vietnamese's own with them), as a reader
says a name's initials or an abbreviation: `NVƯ` is «en-nờ vê ư», never the letters' sounds."""

_PRONOUNCED = re.compile(r"(?<![^\s(])[^\s(]+\s*\(\s*đọc\s*:([^()]*)\)")
"""A word and its pronouncer «(đọc: …)», the reading (group 1) still to be stripped. Tried
only where a word starts, and the reading's spaces left to strip(): tried at each character,
or with the spaces around the reading matched apart, a long word or a long run of spaces was
rescanned over and over (1 s of CPU for 5,000 characters, 98 s for 5,000 spaces)."""
_CUE_LINE = re.compile(r"^\s*\[[^\]]*\]\s*$\n?", re.M)
_CAPS = re.compile(rf"(?<!\w)[{CAPITAL_LETTERS}]+(?!\w)")
"""A word of capitals without tone marks: a code or initials to spell (`BCĐTƯ`, `NVƯ`), or a
word written in capitals (`KHÔNG`), which `_spell` leaves to be read."""
_INITIAL = f"[{CAPITAL_LETTERS}]"
_INITIALS = re.compile(rf"(?<![\w.])((?:{_INITIAL}\.)+{_INITIAL}(?![\w.])|(?:{_INITIAL}\.){{2,}})")
"""A person's initials, `N.T.L.` or `N.T.L` with no final dot (the human script keeps them as
written, R11.1): without it the last letter was spelled on its own after a dot, «vê.hát»."""


def _shouted_lowered(text: str) -> str:
    """A line written in capitals («AN NINH», «TÌNH HÌNH CHUNG») in lower case: its words are
    read, not spelled letter by letter below («a en-nờ en-nờ i en-nờ hát»)."""
    if not may_hold_capitals(text):
        return text
    found = list(WORD.finditer(text))
    words = [m[0] for m in found]
    parts: list[str] = []
    last = 0
    for i, m in enumerate(found):
        if shouted(words, i):
            parts += [text[last : m.start()], m[0].lower()]
            last = m.end()
    return "".join(parts) + text[last:] if parts else text


def _spell(m: re.Match[str]) -> str:
    """Letter names for a kept code or single capital (R16.1, R16.4)."""
    token = m[0]
    if token in KEEP_AS_WORD or (not token.isascii() and reads_as_a_word(token)):
        return token  # «KHÔNG», «CHƯA» in a sentence: a word, not «ca hát ô en-nờ giê»
    return " ".join(LETTER_NAMES[c] for c in token)


_NEXT_AFTER_SPACES = re.compile(r"\s*+(\S)")
"""The first character after spaces, found in place: copying the rest of the text for each
match made a long bulletin quadratic."""


def _initials(text: str) -> str:
    """`N.T.L.` → `N T L`, spelled below: dots between letter names would read as sentence ends.
    The last dot stays where it also ends the sentence (end of text, or a capital follows)."""

    def apart(m: re.Match[str]) -> str:
        letters = " ".join(m[1].rstrip(".").split("."))
        if not m[1].endswith("."):
            return letters  # `N.V.H bị bắt`, `N.V.H Trần`: no stop the writer did not put
        after = _NEXT_AFTER_SPACES.match(text, m.end())
        return f"{letters}." if after is None or after[1].isupper() else letters

    return _INITIALS.sub(apart, text)


def tts_text(spoken_text: str) -> str:
    """Pronouncers replace their word (R16.3), letters get names (R16.1), hyphens → spaces (R16.2)."""
    text = unicodedata.normalize("NFC", spoken_text)
    text = _CUE_LINE.sub("", text)
    text = _PRONOUNCED.sub(lambda m: m[1].strip(), text)
    text = _initials(_shouted_lowered(text))
    text = _CAPS.sub(_spell, text)
    text = re.sub(r"(?<=\w)-(?=\w)", " ", text)
    return text.strip()
