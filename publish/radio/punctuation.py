"""Pass P8: punctuation → reading pauses, leftover symbols, capitalisation (R15, R12.6)."""

from __future__ import annotations

import operator
import re

from publish.number_words import STEP_ARROWS
from publish.radio.caps import CAPITAL_LETTERS
from publish.radio.flags import WARNING, Context

__all__ = ["capitalise_first", "punctuate"]

_CLOSERS = '”"’)»'
_INITIAL = re.compile(rf"(?:^|[\s.])[{CAPITAL_LETTERS}]$")
_ELLIPSIS = re.compile(r"\s*(?:\.{3,}|…)(?P<closers>(?>(?:[”’»]|\"(?![^\W\d_]))*))\s*")
"""An ellipsis and the quotes it closes (`phát huy…”`): its stop or comma goes with them."""
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_BRACKETED = re.compile(r"(?<!\s)\s*+\(\s*+([^()]*+)\)")
"""A bracketed aside with the spaces before it (one scan per run); its text is stripped by hand."""
_BRACKET = re.compile(r"[()]")
_ENUMERATOR = re.compile(r"(?:^|(?<=[:;,]))(\s*+[^\W\d_()]++(?:[^\S\n][^\W\d_()]++)?)\)(?=\s)")
"""`ưu tiên: 1) người cao tuổi; 2) …`, `gồm: a) tờ khai; b) …`: a list's number or letter with
its closing bracket alone, inside a sentence (read by now, «một)»); a pause after it, like `(1)`.
The bracket dropped ran it into the item, «một người cao tuổi; hai phụ nữ có thai», a count."""
_NESTED = re.compile(r"\([^()]*+\(")
"""A bracket opened inside another (`(SN 1990, trú xã Mỹ Hòa (cũ), nay là …)`)."""
_CLAUSE_DASH = re.compile(r"(?:^|\s+)-+\s+|\s+-+(?:\s+|$)")
_TWO_PART_PROVINCE = re.compile(r"(?<!\w)(Bà Rịa|Thừa Thiên)\s*-+\s*(Vũng Tàu|Huế)(?!\w)")
"""`Bà Rịa - Vũng Tàu`, `Thừa Thiên - Huế`: one province's name, said without a pause, never
two places «Bà Rịa, Vũng Tàu» (R15.3 is about clauses)."""
_AMPERSAND = re.compile(r"\s*&\s*")
_WORD_PLUS = re.compile(r"(?<=[^\W\d_])\s+\+\s+(?=[^\W\d_])")
"""`Công an xã + dân quân`: a plus between words joins them, `và` like `&` (R12.6)."""
_ARROW = re.compile(rf"\s*(?:[{STEP_ARROWS}]|(?<!-)->|=>)\s*")
"""`gọi điện → yêu cầu chuyển tiền`: the steps of a scam, a pause between each. Not `-->`: a
comment's end the website shows as text, left for QA to flag (R14.6)."""
_BULLET = re.compile(r"\s*[•●▪◦·]\s*")
"""A bullet pasted inside a line (`cần: • Không … • Không …`): each item is said on its own."""
_ARROW_OR_BULLET = re.compile(rf"[{STEP_ARROWS}>•●▪◦·]")
_AT = re.compile(r"\s*@\s*")
_WORD_SLASH = re.compile(r"(?<=[^\W\d_])(?!(?<=(?<![\w/])Đ)/C(?![\w/]))\s*/\s*(?=[^\W\d_])")
"""`Công an/dân quân`: a slash between words, dropped. Not `Đ/C` in capitals: held for the editor
(R14.5) with a message saying it is kept as written, which the script shows, not «Đ C»."""
_DOCUMENT_END = re.compile(r"\.\s*/\s*\.(?!\w)")
"""«./.», the end mark of an official notice («Trân trọng thông báo./.»): read as its stop."""
_PIPE = re.compile(r"(?<=\S)\s*\|+\s*(?=\S)")
"""`☎️ 113 | 📍 Số 5 Lê Lợi | ⏰ 7h30`: a bar between parts of a line (tables are gone by now)
is a pause; dropped, «một một ba Số năm đường Lê Lợi» ran into one phrase."""
_UNREAD_MARKS = re.compile(r"[*#_|^][*#_|^]*")
"""Marks nobody reads, a run at a time; `[…]+` would give `re` no first character to skip to."""
_WHITESPACE = re.compile(r"\s+")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")
_SPACED_MARK = re.compile(r" [,.;:!?]")
_COMMA_THEN_MARK = re.compile(r", ?[.;:!?]")
_REPEATED_COMMAS = re.compile(r",(?:\s*,)+")
_COMMA_BEFORE_MARK = re.compile(r",\s*([.;:!?])")
# `N.T.H., …`, `N.V.Ư., …` keep it
_COMMA_AFTER_STOP = re.compile(rf"(?<![\s.][{CAPITAL_LETTERS}])([.;:!?][”\"’]?)\s*,")
_MAYBE_COMMA_AFTER_STOP = re.compile(r"[.;:!?][”\"’]?\s*,")
_STOP_AFTER_MARK = re.compile(r"([!?])\s*\.")
_REPEATED_STOPS = re.compile(r"\.(?:\s*\.)+")
_NO_SPACE_AFTER_MARK = re.compile(r"([,;:!?])(?=[^\W\d_“\"])")
_LEADING_MARKS = re.compile(r"^[\s,;:.]+")


def _capitals() -> str:
    """Ranges of a character class of the Latin and Vietnamese capitals that are their own
    upper case: a sentence opening with one is already capitalised."""
    spans = ((0x41, 0x5A), (0xC0, 0x24F), (0x1E00, 0x1EFF))
    capitals = [c for lo, hi in spans for c in range(lo, hi + 1) if chr(c).isupper()]
    ranges: list[list[int]] = []
    for c in capitals:
        if chr(c).upper() != chr(c):
            continue
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)


_SENTENCE_START = re.compile(rf"([.!?])(\s+[“\"‘]*)([^\W\d_{_capitals()}])(?![^\W\d_]*[A-ZĐ])")
"""A sentence's first letter, unless a capital already: each match costs a call in Python, and
most sentences open with a capital."""
_TRAILING_PAUSES = ",;:-"
_FIRST_GROUP = operator.itemgetter(1)
"""`sub`'s replacement by the first group, as `r"\\1"`: a template made `re` call Python for each
text and expand it in Python for each match."""
"""With whitespace, what `_final_stop` removes from the end before adding the stop."""


def capitalise_first(text: str) -> str:
    """Upper-case the first letter, skipping opening quotes and placeholders."""
    for i, c in enumerate(text):
        if c.isalpha():
            if text[i + 1 : i + 2].isupper():
                return text  # `iPhone`, `eKYC`: a name written so, never «IPhone»
            upper = c.upper()
            return text if upper == c else text[:i] + upper + text[i + 1 :]
        if c.isdigit():
            return text
    return text


_NEXT_AFTER_CLOSERS = re.compile(f"[ {re.escape(_CLOSERS)}]*+(.)", re.DOTALL)
"""The first character after spaces and closing marks, found in place: copying the rest of the
text for each «…» made a long bulletin quadratic."""


def _ellipses(text: str) -> str:
    """`...`/`…` → `,` inside a sentence, `.` where the sentence ends (R15.2)."""

    def pause(m: re.Match[str]) -> str:
        rest = _NEXT_AFTER_CLOSERS.match(text, m.end())
        # «phát huy…”» was «phát huy. ”.»: a stop goes inside the quote, a comma after it.
        if rest is None or rest[1].isupper():
            return f".{m['closers']} "
        return f"{m['closers']}, "

    return _ELLIPSIS.sub(pause, text) if "..." in text or "…" in text else text


def _parentheses(text: str) -> str:
    """`A (B) C` → `A, B, C`; empty, nested or unbalanced brackets are removed (R15.1, R7.6)."""
    if "(" in text:
        if text.count("(") > 1 and _NESTED.search(text):
            text = _inner_brackets_removed(text)
        text = _EMPTY_BRACKETS.sub(" ", text)
        text = _BRACKETED.sub(lambda m: f", {m[1].rstrip()}, ", text)
    if ")" in text:
        text = _ENUMERATOR.sub(r"\1,", text)
    return _BRACKET.sub(" ", text) if "(" in text or ")" in text else text


def _inner_brackets_removed(text: str) -> str:
    """Brackets inside a closed pair lose their marks, their words said in place («xã Mỹ Hòa
    cũ»), so the outer pair still becomes the commas around the note: turned into commas first,
    the inner pair left the outer one to be dropped, «Nguyễn Văn A sinh năm …, nay là xã Tháp
    Mười bị bắt giữ» heard as the commune arrested. Inside a bracket never closed they stay."""
    opened: list[tuple[int, list[int]]] = []  # each open bracket, and the inner marks it holds
    inner: list[int] = []
    for found in _BRACKET.finditer(text):
        if found[0] == "(":
            opened.append((found.start(), []))
        elif opened:
            start, held = opened.pop()
            if opened:
                opened[-1][1].extend((start, found.start(), *held))
            else:
                inner += held
    if not inner:
        return text
    chars = list(text)
    for at in inner:
        chars[at] = " "
    return "".join(chars)


def _symbols(text: str, ctx: Context) -> str:
    """Clause dashes, `&`, `@`, slashes between words and marks nobody reads (R12.6, R15.3)."""
    if "-" in text:
        text = _CLAUSE_DASH.sub(", ", _TWO_PART_PROVINCE.sub(r"\1 \2", text))
    if "&" in text:
        text = _AMPERSAND.sub(" và ", text)
    if "+" in text:
        text = _WORD_PLUS.sub(" và ", text)
    if _ARROW_OR_BULLET.search(text):
        text = _ARROW.sub(", ", text)
        text = _BULLET.sub(lambda m: _bullet_pause(text, m), text)
    if "@" in text:
        ctx.flag(
            "R12.6",
            WARNING,
            "Còn ký hiệu «@» (có thể là địa chỉ thư điện tử); đã đọc là «a còng». Nên bỏ hoặc "
            "viết lại bằng lời.",
            "@",
        )
        text = _AT.sub(" a còng ", text)
    if "/" in text:
        text = _WORD_SLASH.sub(" ", _DOCUMENT_END.sub(".", text))
    if "|" in text:
        text = _PIPE.sub(", ", text)
    # One search for each mark costs less than one for the class, and most texts hold none.
    if "*" in text or "#" in text or "_" in text or "|" in text or "^" in text:
        text = _UNREAD_MARKS.sub(" ", text)
    return text.replace("«", "“").replace("»", "”")


def _bullet_pause(text: str, m: re.Match[str]) -> str:
    """What an inline bullet leaves: nothing first or after `:`, a stop before a capital."""
    before = text[: m.start()].rstrip()
    if not before or before[-1] in ":.;!?,":
        return " "
    after = text[m.end() : m.end() + 1]
    return ". " if after.isupper() else ", "


def _tidy(text: str) -> str:
    """One space between words, none before a mark, no doubled or dangling commas (R15.1)."""
    # Whitespace other than " " is never printable, so a printable text without "  " is tidy.
    if "  " in text or not text.isprintable():
        text = _WHITESPACE.sub(" ", text)
    # From here the only whitespace is single spaces; each rule runs if its marks are there.
    if _SPACED_MARK.search(text):
        text = _SPACE_BEFORE_MARK.sub(_FIRST_GROUP, text)
    if ",," in text or ", ," in text:
        text = _REPEATED_COMMAS.sub(",", text)
    if _COMMA_THEN_MARK.search(text):
        text = _COMMA_BEFORE_MARK.sub(_FIRST_GROUP, text)
    if "," in text and _MAYBE_COMMA_AFTER_STOP.search(text):
        text = _COMMA_AFTER_STOP.sub(_FIRST_GROUP, text)
    if "!" in text or "?" in text:
        text = _STOP_AFTER_MARK.sub(_FIRST_GROUP, text)
    if ".." in text or ". ." in text:
        text = _REPEATED_STOPS.sub(".", text)
    # A function, not r"\1 ": a template made `re` call Python for every text, matched or not.
    text = _NO_SPACE_AFTER_MARK.sub(_spaced, text)
    text = _LEADING_MARKS.sub("", text)
    return text.strip()


def _spaced(m: re.Match[str]) -> str:
    """A mark of `_NO_SPACE_AFTER_MARK` with the space after it."""
    return f"{m[1]} "


def _final_stop(text: str) -> str:
    """Every spoken paragraph ends with `.`, `!` or `?` (R15.6)."""
    end = len(text)
    while end and (text[end - 1] in _TRAILING_PAUSES or text[end - 1].isspace()):
        end -= 1
    text = text[:end]
    if not text or text.rstrip(_CLOSERS)[-1:] in (".", "!", "?"):
        return text
    return text + "."


def _capitalise_sentences(text: str) -> str:
    """Capitalise the first letter after `.`, `!`, `?` — not after an initial like `V.` (R15.4)."""

    def upper(m: re.Match[str]) -> str:
        # `_INITIAL` spans at most 3 characters before the stop (with a final newline).
        if m[1] == "." and _INITIAL.search(text, max(0, m.start() - 3), m.start()):
            return m[0]
        return m[1] + m[2] + m[3].upper()

    return _SENTENCE_START.sub(upper, text)


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
