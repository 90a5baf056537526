"""Pass P8: punctuation → reading pauses, leftover symbols, capitalisation (R15, R12.6)."""

from __future__ import annotations

import re

from publish.radio.flags import WARNING, Context

__all__ = ["capitalise_first", "punctuate"]

_CLOSERS = '”"’)»'
_INITIAL = re.compile(r"(?:^|[\s.])[A-ZĐ]$")


def capitalise_first(text: str) -> str:
    """Upper-case the first letter, skipping opening quotes and placeholders."""
    for i, c in enumerate(text):
        if c.isalpha():
            return text[:i] + c.upper() + text[i + 1 :]
        if c.isdigit():
            return text
    return text


def _ellipses(text: str) -> str:
    """`...`/`…` → `,` inside a sentence, `.` where the sentence ends (R15.2)."""

    def pause(m: re.Match[str]) -> str:
        rest = text[m.end() :].lstrip(" " + _CLOSERS)
        return ". " if not rest or rest[0].isupper() else ", "

    return re.sub(r"\s*(?:\.{3,}|…)\s*", pause, text)


def _parentheses(text: str) -> str:
    """`A (B) C` → `A, B, C`; empty, nested or unbalanced brackets are removed (R15.1, R7.6)."""
    text = re.sub(r"\(\s*\)", " ", text)
    text = re.sub(r"\s*\(\s*([^()]*?)\s*\)", lambda m: f", {m[1]}, ", text)
    return re.sub(r"[()]", " ", text)


def _symbols(text: str, ctx: Context) -> str:
    """Clause dashes, `&`, `@`, slashes between words and marks nobody reads (R12.6, R15.3)."""
    text = re.sub(r"(?:^|\s+)-+\s+|\s+-+(?:\s+|$)", ", ", text)
    text = re.sub(r"\s*&\s*", " và ", text)
    if "@" in text:
        ctx.flag(
            "R12.6",
            WARNING,
            "Còn ký hiệu «@» (có thể là địa chỉ thư điện tử); đã đọc là «a còng». Nên bỏ hoặc "
            "viết lại bằng lời.",
            "@",
        )
        text = re.sub(r"\s*@\s*", " a còng ", text)
    text = re.sub(r"(?<=[^\W\d_])\s*/\s*(?=[^\W\d_])", " ", text)
    text = re.sub(r"[*#_|^]+", " ", text)
    return text.replace("«", "“").replace("»", "”")


def _tidy(text: str) -> str:
    """One space between words, none before a mark, no doubled or dangling commas (R15.1)."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",(?:\s*,)+", ",", text)
    text = re.sub(r",\s*([.;:!?])", r"\1", text)
    text = re.sub(r"(?<![\s.][A-ZĐ])([.;:!?][”\"’]?)\s*,", r"\1", text)  # `N.T.H., …` keeps it
    text = re.sub(r"([!?])\s*\.", r"\1", text)
    text = re.sub(r"\.(?:\s*\.)+", ".", text)
    text = re.sub(r"([,;:!?])(?=[^\W\d_“\"])", r"\1 ", text)
    text = re.sub(r"^[\s,;:.]+", "", text)
    return text.strip()


def _final_stop(text: str) -> str:
    """Every spoken paragraph ends with `.`, `!` or `?` (R15.6)."""
    text = re.sub(r"[\s,;:\-]+$", "", text)
    if not text or re.search(r"[.!?][" + _CLOSERS + r"]*$", text):
        return text
    return text + "."


def _capitalise_sentences(text: str) -> str:
    """Capitalise the first letter after `.`, `!`, `?` — not after an initial like `V.` (R15.4)."""

    def upper(m: re.Match[str]) -> str:
        if m[1] == "." and _INITIAL.search(text[: m.start()]):
            return m[0]
        return m[1] + m[2] + m[3].upper()

    return re.sub(r"([.!?])(\s+[“\"‘]*)([^\W\d_])", upper, text)


def punctuate(text: str, ctx: Context, *, final_stop: bool, sentence_start: bool) -> str:
    """Pass P8 over one spoken unit."""
    text = _ellipses(text)
    text = _parentheses(text)
    text = _symbols(text, ctx)
    text = _tidy(text)
    if final_stop:
        text = _final_stop(text)
    if sentence_start:
        text = capitalise_first(text)
    return _capitalise_sentences(text)
