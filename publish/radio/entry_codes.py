"""Codes a person types or is asked for (`mã OTP 123456`, `nhập mã 0071`, `mã giao dịch …`):
read digit by digit with breath pauses (R9, R9.2), never as an amount, their zeros said."""

from __future__ import annotations

import re
from collections.abc import Callable

from publish.number_words import CODE_WORDS, COUNTED_NOUN, money_follows, names_ones_number
from publish.radio.numbers import digit_by_digit
from publish.radio.pauses import pause_after
from publish.text import is_card, is_citizen_id

__all__ = ["digit_groups", "read_entry_codes"]

_BARE_CODE = r"(?!0[35789]\d{8}(?!\d))\d{7,10}(?!\d)"
"""Seven to ten digits not shaped as a mobile phone's: a code after a bare «mã» (`Mã 1234567`);
a shorter one may be a count; a phone (`Mã 0912345678`) is read as a phone, and a longer run or
one with 84 (`Mã 84912345678`) may be someone's phone, account or ID: R9.6 tells the editor."""
_BARE_CODE_WORD = r"(?<!\w)(?i:mã)[^\S\n]*+:?[^\S\n]*+(?=\d{7})"
"""A bare «mã» right before a long run of digits (`Mã 123456789 987654321`): no amount («một
trăm hai mươi ba triệu …» was read); a code's run is read here, any other (a phone's, a longer
one) by the reader `read_codes` gives, so that none of the list is an amount."""
_ENTRY_CODE = re.compile(
    rf"(?:{CODE_WORDS}|{_BARE_CODE_WORD})"
    r"(?<![\w.,/])(\d++(?>(?:[ -]\d{2,})*))(?![\w/]|[.,]\d)"
    r"((?>(?:(?:,[^\S\n]*+|[^\S\n]++(?i:và|hoặc|hay)[^\S\n]++)\d++(?>(?:[ -]\d{2,})*)(?![\w/]|[.,]\d))*))"
)
"""«mã» and what it names, or a verb and «mã», then digits alone: grouped by spaces or hyphens
as written, never by dots (`50.000` is an amount, R3.2) nor before a slash (a document, R13);
then the other codes of a list («123456 và 654321», «482913, 556677 hoặc 998877»)."""
_LISTED = re.compile(r"(,[^\S\n]*+|[^\S\n]++(?i:và|hoặc|hay)[^\S\n]++)(\d++(?>(?:[ -]\d{2,})*))")
"""One more code of the list and what joins it to the one before."""
_COUNT_AFTER = re.compile(
    r"\s*+(?:[%‰]|(?i:chữ số|con số|số|ký tự|kí tự|giây|phút|giờ|tiếng|ngày|tuần|tháng|năm|"
    r"tuổi|nghìn|ngàn|triệu|tỷ|k)(?!\w)|" + COUNTED_NOUN + ")"
)
"""After the digits, what makes them a count or an amount: `mã OTP 6 chữ số`, `mã PIN 3 lần`."""
_SEPARATORS = re.compile(r"[ -]")
_ONE_BREATH = 5
"""Digits read in one breath; a longer run is split in threes (R9.2 splits a phone's so)."""


def digit_groups(written: str) -> list[str]:
    """The writer's groups (spaces, hyphens), each longer than one breath split into threes,
    the last ones taking a digit more: 6 → 3-3, 8 → 4-4, 10 → 3-3-4, like a phone's groups."""
    groups: list[str] = []
    for group in re.split(r"[ -]", written):
        if len(group) <= _ONE_BREATH:
            groups.append(group)
            continue
        count, extra = divmod(len(group), 3)
        start = 0
        for i in range(count):
            size = 3 + (i >= count - extra)
            groups.append(group[start : start + size])
            start += size
    return groups


Uncoded = Callable[[str], str]
"""How `read_codes` reads a run after a bare «mã» that is no code's: a phone's grouped as a
phone's, any other told to the editor (R9.6) and read digit by digit."""


def read_entry_codes(text: str, uncoded: Uncoded, year: int | None = None) -> str:
    """`cung cấp mã OTP 123456 cho` → `cung cấp mã OTP một hai ba, bốn năm sáu, cho`; counts,
    amounts and years after «mã» (`mã PIN 4 số`, `mã thẻ 100000 đồng`) are left to R2, R5;
    a CCCD's number is told by the bulletin's `year` (`is_citizen_id`)."""
    if "mã" not in text and "Mã" not in text and "MÃ" not in text:
        return text
    return _ENTRY_CODE.sub(lambda m: _read(m, uncoded, year), text)


def _read(m: re.Match[str], uncoded: Uncoded, year: int | None) -> str:
    """The codes `m` matched, their digits in words and a pause after, each as written from the
    first that a count or an amount follows («và 3 lần», «và 200 nghìn đồng») or that is a
    card's or a CCCD's number asked for (`mã thẻ 4111…`, `nhập mã 4111…`, `mã số thuế 0872…`):
    `read_codes` holds that one (R9.6), as the website tells it; a waybill's (`mã vận đơn
    4123…`) is read. After a bare «mã», a run that is no code's is read by `uncoded`."""
    words = m[0][: m.start(1) - m.start()]
    ones, bare = names_ones_number(words), _BARE_WORD.fullmatch(words) is not None
    codes = _runs_apart(m[1], m.start(1))
    if len(codes) == 1 and " " in m[1] and ones and is_card(_SEPARATORS.sub("", m[1])):
        # A card's two halves joined, so R9.6 holds the card it is (read as two amounts else).
        return words + _SEPARATORS.sub("", m[1]) + m[0][m.end(1) - m.start() :]
    codes += [(j[1], j[2], m.start(2) + j.start(2)) for j in _LISTED.finditer(m[2])]
    said: list[tuple[str, str]] = []
    for joined, (joint, code, start) in enumerate(codes):
        end = start + len(code)
        counted = _COUNT_AFTER.match(m.string, end) or money_follows(m.string, end)
        digits = _SEPARATORS.sub("", code)
        if counted or (ones and (is_card(digits) or is_citizen_id(digits, year))):
            if not joined:
                return m[0]
            rest = m.string[start - len(joint) : m.end()]
            return m[0][: m.start(1) - m.start()] + _listed(said, last=False) + rest
        if bare and not _BARE_CODE_RUN.fullmatch(digits):
            # A phone's or a longer run: R9.1, R9.6 read it, wherever it stands in the list
            # (left in digits after a code read, it was an amount or an unflagged phone).
            said.append((joint, uncoded(digits)))
            continue
        said.append((joint, ", ".join(digit_by_digit(group) for group in digit_groups(code))))
    return m[0][: m.start(1) - m.start()] + _listed(said) + pause_after(m.string, m.end())


_BARE_CODE_RUN = re.compile(_BARE_CODE)
_BARE_WORD = re.compile(r"(?i:mã)[^\S\n]*+:?[^\S\n]*+")
_RUN = re.compile(r"\d{7,}")
_CARD_DIGITS = 16


def _runs_apart(code: str, start: int) -> list[tuple[str, str, int]]:
    """`code` at `start` as the first of the list; two runs or more of seven digits or more with
    only a space between (`Mã 123456789 987654321`) are two codes, no one number's groups: each
    told apart (and checked for a card's or an ID's shape) on its own. A card's sixteen digits
    typed in two halves stay one number, held as a card's."""
    runs = code.split(" ")
    digits = "".join(runs)
    if len(runs) < 2 or not all(_RUN.fullmatch(run) for run in runs):
        return [("", code, start)]
    if len(digits) == _CARD_DIGITS and is_card(digits):
        return [("", code, start)]
    found, at = [], start
    for run in runs:
        found.append(("" if at == start else " ", run, at))
        at += len(run) + 1
    return found


def _listed(codes: list[tuple[str, str]], last: bool = True) -> str:
    """Codes read in words with what joins each to the one before: «;» for a comma, a longer
    pause than the commas inside a code, and «và» before the `last` one if the writer put no
    «và», «hoặc», «hay» there, as a list of phone numbers is read (R9.2): with commas only,
    «một hai ba, bốn năm sáu, sáu năm bốn, ba hai một» could be one code or four."""
    said = codes[0][1]
    for at, (joint, words) in enumerate(codes[1:], start=2):
        if joint.strip() not in (",", ""):
            said += joint + words
        elif last and at == len(codes):
            said += " và " + words
        else:
            said += "; " + words
    return said
