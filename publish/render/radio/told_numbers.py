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
from publish.radio.in_words import NUMBER_WORDS
from publish.radio.normalise import Spoken
from publish.radio.numbers import DIGIT_WORDS, cardinal
from publish.radio.options import SpeakOptions
from publish.text import mask, masked_passport

SHORTEST = 6
"""The fewest digits of a number compared: an account's (the website tells 6 to 19 digits after
an account's label); its IDs, passports, tax codes, cards and phones are longer."""
TAIL = 7
"""The last digits of a number looked for among the digits a script says: a passport's 7."""
LONGEST = 19
"""The most digits of a number the website tells (a card's)."""
LONGEST_AMOUNT = 12
"""The most digits of a number a script may have read as an amount (hundreds of billions)."""
_RUN = re.compile(r"(?<![^\W_])(?:[A-Za-z]{1,2}[^\S\n]?)?\d+(?:(?:[^\S\n]?[-–—][^\S\n]?|[ .])\d+)*")
"""A run of digit groups, a passport's letters before it, after no letter or digit (bold or
italic marks may wrap it, «**0123456789**»): where a told number may be written. Groups are
parted as the website's check parts them: a space, a dot, a dash (-, –, —) spaced or not."""
_GROUP = re.compile(r"\d+")
_SPOKEN_WORD = re.compile(r"\w+|,")
_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")
_DEFAULT_OPTIONS = SpeakOptions()
"""How an amount is said when looked for (the §8 defaults; a unit's variants say it otherwise
only in «linh»/«lẻ», «nghìn»/«ngàn», which a told number's tail digits still find)."""
_DIGIT_OF = {word: str(value) for value, word in enumerate(DIGIT_WORDS)}
_NOT_NUMBERS = ("số nhà", "ngày sinh", "năm sinh", "họ tên")
"""Kinds the website tells that are no number read digit by digit (a house number, a date)."""


def with_told_numbers(
    markdown_text: str,
    spoken: Spoken,
    near: dt.date | None,
    options: SpeakOptions | None = None,
) -> Spoken:
    """`spoken` (the script of `markdown_text`) with a flag for each number the website's check
    tells as personal that its text still reads (see the module's docstring); `options`: the
    script's, whose unit_numbers (the unit's own phones) the check never tells."""
    unit_numbers = frozenset(options.unit_numbers) if options is not None else frozenset()
    more = tuple(told_yet_read(markdown_text, spoken.text, spoken.flags, near, unit_numbers))
    return dataclasses.replace(spoken, flags=spoken.flags + more) if more else spoken


def told_yet_read(
    markdown_text: str,
    script: str,
    flags: tuple[Flag, ...],
    near: dt.date | None,
    unit_numbers: frozenset[str] = frozenset(),
) -> Iterator[Flag]:
    """The flags of the numbers `publish check` tells in `markdown_text` that `script` reads,
    each once; none for a number a blocking flag of `flags` already holds the item for (a
    warning that it was dropped does not count: the same number may be read further on)."""
    written = _written_numbers(markdown_text)
    if not written:
        return
    year = (near or dt.date.today()).year
    told = [
        f
        for f in findings(reader_text(markdown_text), year=year, unit_numbers=unit_numbers)
        if "*" in f.value and not f.kind.startswith(_NOT_NUMBERS)
    ]
    if not told:
        return
    held = {flag.excerpt for flag in flags if flag.severity == BLOCKING}
    # Where the radio told it dropped a number: the same number read elsewhere is flagged there.
    dropped = {(flag.excerpt, flag.line) for flag in flags}
    said = _Said(script)
    seen: set[str] = set()
    for finding in told:
        if finding.value in held or finding.value in seen:
            continue
        seen.add(finding.value)
        places = written.get(finding.value, ())
        lines = [markdown_text.count("\n", 0, at) + 1 for digits, at in places if said(digits)]
        if lines:
            # Not where the radio told it dropped the number; there, where the website told it.
            kept = [n for n in lines if (finding.value, n) not in dropped] or lines
            line = finding.line + 1 if finding.line + 1 in kept else kept[0]
            yield _flag(finding.kind, finding.value, line)


def _written_numbers(text: str) -> dict[str, list[tuple[str, int]]]:
    """Each mask the website may give a number written in `text` (087*******89, C*****67) →
    the digits and offset of each number it fits: the groups of one run, or some of them side
    by side (a run may hold two numbers, or a country code the website joined). Made once a
    text: looking each told number up in the whole text again grew with their count squared."""
    found: dict[str, list[tuple[str, int]]] = {}
    for run in _RUN.finditer(text):
        groups = list(_GROUP.finditer(run[0]))
        if sum(len(g[0]) for g in groups) < SHORTEST:
            continue
        letters = run[0][: groups[0].start()]
        if letters.strip():
            found.setdefault(masked_passport(letters + groups[0][0]), []).append(
                (groups[0][0], run.start())
            )
        for first, opening in enumerate(groups):
            digits = ""
            for group in groups[first:]:
                digits += group[0]
                if len(digits) > LONGEST:
                    break
                if len(digits) >= SHORTEST:
                    found.setdefault(mask(digits), []).append(
                        (digits, run.start() + opening.start())
                    )
    return found


class _Said:
    """What a script says, read once for every told number looked for in it."""

    def __init__(self, script: str) -> None:
        low = script.lower()
        # The digits said one by one, in order, «|» where anything else is said between
        # («không chín một, hai» → "0912"); commas (a breath between groups) are skipped.
        self.stream = "".join(_DIGIT_OF.get(w, "|") for w in _SPOKEN_WORD.findall(low) if w != ",")
        self.segments = frozenset(self.stream.split("|"))
        # Its words, a mark of punctuation as a word of its own («tư.» is «tư», «.»), and where
        # each one is: an amount is looked for where its first word is, not along the script.
        self.words = _WORD_OR_MARK.findall(low)
        self.at: dict[str, list[int]] = {}
        for at, word in enumerate(self.words):
            self.at.setdefault(word, []).append(at)

    def __call__(self, digits: str) -> bool:
        """Whether the script says the number `digits`: digit by digit (its last TAIL digits
        in the stream, or a shorter number whole between other words), or as an amount with no
        other number word next to it («hai trăm nghìn» inside «một triệu hai trăm nghìn» is
        not 200000 said)."""
        if digits[-TAIL:] in self.stream if len(digits) >= TAIL else digits in self.segments:
            return True
        amount = _as_amount(digits).split()
        if not amount:
            return False
        words, size = self.words, len(amount)
        return any(
            words[at : at + size] == amount
            and (at == 0 or words[at - 1] not in NUMBER_WORDS)
            and (at + size == len(words) or words[at + size] not in NUMBER_WORDS)
            for at in self.at.get(amount[0], ())
        )


def _as_amount(digits: str) -> str:
    """`digits` said as an amount («mười hai triệu …»), as a script may read a number it took
    for one; "" when no script would."""
    if not digits.lstrip("0") or len(digits) > LONGEST_AMOUNT:
        return ""  # no amount a script reads: nothing to look for
    return cardinal(int(digits), _DEFAULT_OPTIONS)


def _flag(kind: str, shown: str, line: int) -> Flag:
    """The flag of a told number the script reads: a private phone warns (Q6), any other kind
    holds the item (R9.6, as a bare citizen ID's or card's number does: never read, R9.5)."""
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
        "R9.6",
        BLOCKING,
        f"Kiểm tra dữ liệu cá nhân của trang web coi «{shown}» là {kind}, nhưng kịch bản vẫn "
        "đọc số này: tin bị giữ, không lên sóng. Cách sửa: bỏ số khỏi bản tin hoặc che bớt các "
        f"chữ số (viết «{shown}»); nếu đó không phải {kind}, ghi rõ trước số đó là số gì "
        "(«mã hồ sơ …», «số hiệu …»).",
        shown,
        line,
    )
