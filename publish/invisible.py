"""Invisible characters a paste leaves in text (Word, Facebook, Zalo), one list for every reader
of a bulletin: the file as loaded, `publish new`'s title and the radio script."""

from __future__ import annotations

import re
from functools import partial

__all__ = ["invisible_removed"]

INVISIBLE = "\u00ad\u200b\u2060\ufeff\u200c\u200d\u180e\u034f\ufe0e\ufe0f\u2800"
INVISIBLE_RE = re.compile(
    "[\u00ad\u200b\u2060\ufeff\u200c\u180e\u034f]"
    "|(?<=[A-Za-z\u00c0-\u024f\u1e00-\u1eff])[\u200d\ufe0e\ufe0f]"
    "|(?<=[0-9])(?:\u200d|[\ufe0e\ufe0f](?!\u20e3))"
    "|\u2800"
)
"""Invisible characters Word, Facebook and Zalo leave in pasted text, removed without a word,
since no reader sees them, yet they split words for the search, tags («lừa\u00adđảo» is
another tag), Zalo's title and the radio script:
- wherever they stand: the soft hyphen, zero-width space, zero-width non-joiner (part of no
  emoji sequence), word joiner, a BOM in the middle, the Mongolian vowel separator and the
  grapheme joiner;
- after a Latin letter: the zero-width joiner and emoji variation selectors (elsewhere they
  make emoji sequences, kept);
- after a digit: the zero-width joiner, and a variation selector with no keycap after it (`3️`,
  a paste that lost the keycap, read «ba, vụ» on air and split `3` from its search); a
  keycap's (`3️⃣`) is kept.
The Braille blank (U+2800), Facebook's «invisible character» for empty lines and padding, shows
as a space: a space takes its place (see _unblanked)."""


def invisible_removed(text: str, *, keep: str = "") -> str:
    """`text` without the invisible characters of INVISIBLE_RE, a Braille blank as a space;
    those of `keep` left in place (the loader keeps the soft hyphen, TCVN3's «ư», for its
    search for old code pages)."""
    if any(c in text for c in INVISIBLE):
        return INVISIBLE_RE.sub(partial(_unblanked, keep=keep), text)
    return text


def _unblanked(found: re.Match[str], keep: str = "") -> str:
    """What an invisible character becomes: a space for the Braille blank, which shows as one
    («Cảnh báo⠀» padded a title), itself when in `keep`, else nothing."""
    if found[0] in keep:
        return found[0]
    return " " if found[0] == "\u2800" else ""
