"""Licence plates written with their serial hidden (`66B1-xxx.xx`, `66A-***.**`), as bulletins
hide a citizen's plate, and a plate's start alone said to be hidden (`biển số 66B1 (đã che
số)`), the form the editor is told to write (R9.4)."""

from __future__ import annotations

import re

from publish.radio.flags import BLOCKING, Context
from publish.radio.numbers import cardinal, digit_by_digit
from publish.radio.pauses import pause_after

__all__ = ["MASKED_PLATE_CODE", "masked_plate_stars", "plate_head", "read_masked_plates"]

MASKED_PLATE_CODE = "Q1"
"""A masked plate holds its bulletin as digits left unread do: the reader cannot say it."""

_HEAD = r"(?P<province>\d{2})[ -]?(?P<series>[A-ZĐ]{1,2})(?P<digit>\d?)"
"""A plate's province number and series (`66B1`, `66A`, `29LD`, `59-X1`), as codes._PLATE_PARTS."""
_MASKED = re.compile(
    rf"(?<![\w.]){_HEAD}(?: ?[-.] ?| )(?P<serial>(?=[\d.]*[xX])[\dxX]{{3,5}}(?:\.[\dxX]{{2}})?)"
    r"(?![\w]|\.\w)"
)
"""A plate whose serial has a hidden digit (`66B1-xxx.xx`, `66A-123.xx`, `29A1 xxxxx`)."""
_STARRED = re.compile(
    r"\d(?<![\w.*]\d)(\d[ -]?[A-ZĐ]{1,2}\d?(?: ?[-.] ?| ))"
    r"([\d*]{3}\.[\d*]{2}|[\d*]{3,5}|\*{2}\.\*{2})(?![\w*]|\.\w)"
)
"""The same with stars for some or all of the serial's digits (`66B1-***.**`, `66B1-123.**`,
`66B1-***.45`, `66A-12***`): kept before the Markdown passes take them for emphasis («66B1-.»
was left, and flagged as «66B1-»; «66B1-123.**» was read as a whole plate, its stop ending the
sentence)."""
_ITALIC_AFTER_A_SERIAL = re.compile(r"\d{4}\*")
"""A four-digit serial and one star: a whole plate in italics (`*xe 29A-1234*`) when a star
opened them before it."""
_HIDDEN_SAID = re.compile(r"\s*[(,]?\s*(?i:(?:đã\s+)?(?:được\s+)?che)(?!\w)")
"""After a plate's start: the words saying the rest is hidden («(đã che số)», «, đã che»)."""
_HEAD_ALONE = re.compile(
    rf"(?<!\w)(?P<said>BKS|(?i:biển kiểm soát|biển số))(?P<gap>\s*+(?>(?:số)?)\s*+:?+\s*+)"
    rf"{_HEAD}(?![\w.-])"
)
"""A plate's start alone after the words naming a plate, as codes._PLATE_TRIGGER; elsewhere
`12A1` is a school class, and `biển số 66B1` with nothing saying the rest is hidden is a plate
not written whole (held, Q1)."""
_TYPED = "starred plates"
"""Context memo: each plate `masked_plate_stars` wrote with `x` → as the editor typed it."""


def masked_plate_stars(text: str, ctx: Context) -> str:
    """`text` with the stars hiding a plate's serial written `x`, as masked numbers' are; each
    plate so written remembered as typed, for its flag to show (the editor searches for that)."""
    if "*" not in text:
        return text
    typed: dict[str, str] = ctx.memo(_TYPED, dict)

    def kept(m: re.Match[str]) -> str:
        """The plate with `x` for its stars; a whole plate before a star closing emphasis kept."""
        serial = m[2]
        if "*" not in serial or (
            _ITALIC_AFTER_A_SERIAL.fullmatch(serial) and "*" in m.string[: m.start()]
        ):
            return m[0]
        plate = m.string[m.start() : m.start(2)] + serial.replace("*", "x")
        typed[plate] = m[0]
        return plate

    return _STARRED.sub(kept, text)


def read_masked_plates(text: str, ctx: Context) -> str:
    """Each masked plate flagged (it blocks: the reader has no way to say `xxx.xx`) with how to
    write it so it reads, and read as its start; a plate's start alone followed by words saying
    the rest is hidden read as a plate's start («sáu sáu B một»), never as a house number."""
    if "xx" in text or "XX" in text:  # checked first: two hidden digits at least
        text = _MASKED.sub(lambda m: _flagged(m, ctx), text)
    if "che" in text and ("biển" in text or "Biển" in text or "BKS" in text):
        text = _HEAD_ALONE.sub(
            lambda m: (
                m["said"] + m["gap"] + _head_words(m, ctx)
                if _HIDDEN_SAID.match(m.string, m.end())
                else m[0]
            ),
            text,
        )
    return text


def plate_head(province: str, series: str, digit: str, ctx: Context) -> str:
    """A plate's province and series as said (R9.4): `66B1` → «sáu sáu B một»."""
    said = (
        cardinal(int(province), ctx.options)
        if ctx.options.plate_style == "pairs"
        else digit_by_digit(province)
    )
    ctx.flagged_tokens.add(series)  # a series (`29LD`) is letters to read, no abbreviation
    return f"{said} {series}" + (f" {digit_by_digit(digit)}" if digit else "")


def _head_words(m: re.Match[str], ctx: Context) -> str:
    """The province and series of plate match `m`, as said (plate_head)."""
    return plate_head(m["province"], m["series"], m["digit"], ctx)


def _flagged(m: re.Match[str], ctx: Context) -> str:
    """The flag of masked plate `m`, and what stands for it in the script (its start)."""
    head = f"{m['province']}{m['series']}{m['digit']}"
    said = _head_words(m, ctx)
    starred: dict[str, str] = ctx.memo(_TYPED, dict)
    typed = starred.get(m[0], m[0])
    ctx.flag(
        MASKED_PLATE_CODE,
        BLOCKING,
        f"Biển số xe «{typed}» có phần số bị che: người đọc không đọc được phần che, bản tin "
        "chưa được đưa lên sóng. Cách sửa: ghi phần đọc được rồi nói rõ phần còn lại đã che, "
        f"ví dụ «biển số {head} (đã che số)», được đọc «biển số {said}, đã che số»; hoặc viết "
        f"bằng chữ «biển số {said}»; hoặc bỏ biển số khỏi bản tin.",
        typed,
    )
    return f"{said}, đã che số{pause_after(m.string, m.end())}"
