"""The radio's net under the website's personal-data check: a number `publish check` tells as
someone's (a citizen ID, bank account, passport, tax code, card or private phone) that the
script still reads aloud is flagged.

The radio finds private numbers with rules of its own (publish.radio.codes, R9.5), written to
match the website's (publish.pii); random bulletins showed them still apart in corners («Tài
khoản 84 0949865173», a list item's continuation line, a 12-digit tax code, «bị hại
0985014775»): the website told the number, the script read it. Here the two are compared on
every script: a kind R9.5 never reads holds the item (the editor hides or removes the number),
a private phone is a Q6 warning (spec §7: personal data is the editor's call).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator

from publish.pii import findings
from publish.pii_phones import PHONE_KIND
from publish.pii_reader import reader_text
from publish.radio.flags import BLOCKING, WARNING, Flag
from publish.radio.normalise import Spoken
from publish.radio.numbers import DIGIT_WORDS, cardinal
from publish.radio.options import SpeakOptions
from publish.text import mask, masked_passport

SHORTEST = 7
"""The fewest digits of a number compared: a passport's (a letter and 7 digits); the website's
IDs, accounts, tax codes, cards and phones are longer."""
LONGEST_AMOUNT = 12
"""The most digits of a number a script may have read as an amount (hundreds of billions)."""
_RUN = re.compile(r"(?<![\w*])(?:[A-Za-z]{1,2}[^\S\n]?)?\d+(?:[ .\-]\d+)*")
"""A run of digit groups, a passport's letters before it: where a told number may be written."""
_GROUP = re.compile(r"\d+")
_SPOKEN_WORD = re.compile(r"\w+|,")
_DIGIT_OF = {word: str(value) for value, word in enumerate(DIGIT_WORDS)}
_MASKED = re.compile(r"(?P<head>[A-Z\d]*)\*+(?P<tail>\d*)")
"""A website finding's masked number: 087*******89, C*****67."""
_NOT_NUMBERS = ("số nhà", "ngày sinh", "năm sinh", "họ tên")
"""Kinds the website tells that are no number read digit by digit (a house number, a date)."""


def with_told_numbers(markdown_text: str, spoken: Spoken, near: dt.date | None) -> Spoken:
    """`spoken` (the script of `markdown_text`) with a flag for each number the website's check
    tells as personal that its text still reads (see the module's docstring)."""
    more = tuple(told_yet_read(markdown_text, spoken.text, spoken.flags, near))
    return dataclasses.replace(spoken, flags=spoken.flags + more) if more else spoken


def told_yet_read(
    markdown_text: str, script: str, flags: tuple[Flag, ...], near: dt.date | None
) -> Iterator[Flag]:
    """The flags of the numbers `publish check` tells in `markdown_text` that `script` reads,
    each once; none for a number an existing flag already names (`flags`' excerpts)."""
    if not _has_long_run(markdown_text):
        return
    year = (near or dt.date.today()).year
    told = [
        f
        for f in findings(reader_text(markdown_text), year=year)
        if "*" in f.value and not f.kind.startswith(_NOT_NUMBERS)
    ]
    if not told:
        return
    named = {flag.excerpt for flag in flags}
    stream = _digits_said(script)
    seen: set[str] = set()
    for finding in told:
        if finding.value in named or finding.value in seen:
            continue
        seen.add(finding.value)
        written = _read_aloud(markdown_text, finding.value, script, stream)
        if written is None:
            continue
        line = markdown_text.count("\n", 0, written) + 1
        yield _flag(finding.kind, finding.value, line)


def _has_long_run(text: str) -> bool:
    """Whether `text` writes a run of at least SHORTEST digits (in groups or not)."""
    return any(sum(map(len, _GROUP.findall(run[0]))) >= SHORTEST for run in _RUN.finditer(text))


def _digits_said(script: str) -> str:
    """The digits `script` says one by one, in order, «|» where anything else is said between
    («không chín một, hai» → "0912"); commas (a breath between groups) are skipped."""
    said = []
    for word in _SPOKEN_WORD.findall(script.lower()):
        if word != ",":
            said.append(_DIGIT_OF.get(word, "|"))
    return "".join(said)


def _read_aloud(markdown_text: str, shown: str, script: str, stream: str) -> int | None:
    """Where in `markdown_text` the number the website masked as `shown` is written, when
    `script` says it (digit by digit, or as an amount); None when it does not."""
    for digits, at in _written(markdown_text, shown):
        tail = digits[-SHORTEST:]
        if tail in stream or _as_amount(digits) in script:
            return at
    return None


def _written(text: str, shown: str) -> Iterator[tuple[str, int]]:
    """The digits and offset of each number in `text` the website's mask `shown` fits: the
    groups of one run, or some of them side by side (a run may hold two numbers, or a
    country code the website joined)."""
    masked = _MASKED.fullmatch(shown)
    if masked is None:
        return
    length = len(shown) - len(masked["head"]) + sum(c.isdigit() for c in masked["head"])
    letters = "".join(c for c in masked["head"] if c.isalpha())
    for run in _RUN.finditer(text):
        groups = list(_GROUP.finditer(run[0]))
        for first in range(len(groups)):
            digits = ""
            for group in groups[first:]:
                digits += group[0]
                if len(digits) > length:
                    break
                at = run.start() + groups[first].start()
                if letters:
                    if masked_passport(run[0][: group.end()]) == shown:
                        yield digits, run.start()
                elif len(digits) == length and mask(digits) == shown:
                    yield digits, at


def _as_amount(digits: str) -> str:
    """`digits` said as an amount («mười hai triệu …»), as a script may read a number it took
    for one."""
    if not digits.lstrip("0") or len(digits) > LONGEST_AMOUNT:
        return "\0"  # no amount a script reads: nothing to look for
    return cardinal(int(digits), SpeakOptions())


def _flag(kind: str, shown: str, line: int) -> Flag:
    """The flag of a told number the script reads: a private phone warns (Q6), any other kind
    holds the item (R9.5: never read)."""
    if kind.startswith(PHONE_KIND):
        return Flag(
            "Q6",
            WARNING,
            f"Kiểm tra dữ liệu cá nhân của trang web coi «{shown}» là {kind}, và kịch bản đọc đủ "
            "số này trên sóng. Cách sửa: nếu người nghe không cần gọi số đó, bỏ số khỏi bản tin "
            "hoặc che bớt các chữ số giữa (ví dụ «0912.xxx.678»).",
            shown,
            line,
        )
    return Flag(
        "R9.5",
        BLOCKING,
        f"Kiểm tra dữ liệu cá nhân của trang web coi «{shown}» là {kind}, nhưng kịch bản vẫn "
        "đọc số này: tin bị giữ, không lên sóng. Cách sửa: bỏ số khỏi bản tin hoặc che bớt các "
        f"chữ số (viết «{shown}»); nếu đó không phải {kind}, ghi rõ trước số đó là số gì "
        "(«mã hồ sơ …», «số hiệu …»).",
        shown,
        line,
    )
