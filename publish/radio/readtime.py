"""Syllable count and read-time estimate for Vietnamese scripts (spec §4, T1–T7)."""

from __future__ import annotations

import math
import re

__all__ = [
    "LONG_SENTENCE",
    "count_syllables",
    "detailed_seconds",
    "estimate_seconds",
    "format_duration",
    "long_sentences",
    "long_unpaused_runs",
    "simple_seconds",
    "spoken_part",
]

_CUE_LINE = re.compile(r"^\s*\[[^\]]*\]\s*$", re.M)
_PRONOUNCER = re.compile(r"\(\s*đọc\s*:[^)]*\)")
_SYLLABLE_LETTER = re.compile(r"[A-Za-zÀ-ỹĐđ](?<!\s)[^\s\-]*")
r"""A token (split on whitespace and hyphens) holding a letter in A–ỹ is one syllable (T1): this
is its first such letter and the rest of the token, one match a token.

`(?<!\s)`: U+1680 lies in the letter range but is whitespace, so it separates tokens instead.
Opening with the letter lets `re` skip from letter to letter; a search from each token's start
(a look-behind) was tried at every character."""
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_MINOR_PAUSE = re.compile(r"[,;:]")
_MAJOR_PAUSE = re.compile(r"[.!?]")
_PAUSE = re.compile(r"[,;:.!?]")
_RATE_LIMITS = (60, 600)
_SENTENCE_END = re.compile(r"[.!?;:][”\"’)]*(?=\s|$)")
LONG_SENTENCE = 60
"""T8: syllables a spoken sentence may hold, pauses or not, before a reader runs out of breath
and a listener loses its thread (T7 looks only at stretches without a comma)."""


def spoken_part(text: str) -> str:
    """The text without cue lines and pronouncers, which are never read (T1)."""
    if "[" in text:
        text = _CUE_LINE.sub(" ", text)
    return _PRONOUNCER.sub(" ", text) if "(" in text else text


def count_syllables(text: str) -> int:
    """Tokens containing a letter after splitting on whitespace and hyphens (T1)."""
    return len(_SYLLABLE_LETTER.findall(spoken_part(text)))


def detailed_seconds(text: str) -> float:
    """T4: syllables at 5 syll/s plus pauses for `,;:` (0.3 s), `.!?` (0.6 s) and paragraphs (1 s)."""
    spoken = spoken_part(text)
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(spoken) if p.strip()]
    minor = len(_MINOR_PAUSE.findall(spoken))
    major = len(_MAJOR_PAUSE.findall(spoken))
    return count_syllables(spoken) / 5.0 + 0.3 * minor + 0.6 * major + max(len(paragraphs) - 1, 0)


def estimate_seconds(text: str, *, rate_spm: int = 240, model: str = "simple") -> float:
    """Whole seconds to read `text`: T2 `ceil(syllables × 60 / rate)`, or T4 rounded up."""
    if not _RATE_LIMITS[0] <= rate_spm <= _RATE_LIMITS[1]:
        raise ValueError(f"read rate {rate_spm} outside {_RATE_LIMITS}")
    if model == "detailed":
        return float(math.ceil(round(detailed_seconds(text), 6)))
    return simple_seconds(count_syllables(text), rate_spm)


def simple_seconds(syllables: int, rate_spm: int) -> float:
    """T2 for a known syllable count: `ceil(syllables × 60 / rate)` whole seconds."""
    return float(math.ceil(syllables * 60 / rate_spm))


def format_duration(seconds: float) -> str:
    """`m:ss`, rounded up to the whole second (T6, E6)."""
    total = math.ceil(seconds)
    return f"{total // 60}:{total % 60:02d}"


def long_sentences(text: str, limit: int = LONG_SENTENCE) -> list[str]:
    """Sentences, or parts of one a `;` or `:` divides, of more than `limit` syllables, commas or
    not (T8)."""
    spoken = spoken_part(text)
    if len(spoken) < 2 * limit:
        return []  # no part of it is long enough (below): most paragraphs, with no split
    sentences = _SENTENCE_END.split(spoken)
    # As in `long_unpaused_runs`: fewer than 2 × limit characters hold at most `limit` syllables.
    return [s.strip() for s in sentences if len(s) >= 2 * limit and _more_syllables(s, limit)]


def long_unpaused_runs(text: str, limit: int = 40) -> list[str]:
    """Stretches of more than `limit` syllables without a pause mark (T7)."""
    spoken = spoken_part(text)
    if len(spoken) < 2 * limit:
        return []  # no run of it is long enough (below), with no split
    runs = _PAUSE.split(spoken)
    # A syllable is a letter plus a separator, so a run shorter than 2 × limit cannot exceed it.
    return [run.strip() for run in runs if len(run) >= 2 * limit and _more_syllables(run, limit)]


def _more_syllables(text: str, limit: int) -> bool:
    """Whether `text` holds more than `limit` syllables (`count_syllables`), counted only when
    its words could be so many: a syllable is a token, and a text has at most as many tokens as
    words split on whitespace plus hyphens (cheap to count, where the search is not)."""
    spoken = spoken_part(text)
    if len(spoken.split()) + spoken.count("-") <= limit:
        return False
    return len(_SYLLABLE_LETTER.findall(spoken)) > limit
