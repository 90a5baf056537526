"""Crafted whitespace runs that made the radio normaliser's regexes backtrack for minutes."""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import textwrap
from typing import Any

import pytest

from publish import radio
from publish.radio import flags, tail
from publish.radio.normalise import _prepare, normalise
from tests.hang_guard import run_python_guarded

_RUN = 20_000
_CASES = {
    "heading": "normalise('## Tình hình' + ' ' * N + 'x')",
    "caption": "normalise('\\u00a0' * N + 'x')",
    "private-number": "normalise('số tài khoản' + '\\u1680' * N + 'x, gọi 0912 345 678.')",
    "hour-after": "datetimes._HOUR_AFTER.match(' ' * N + 'x')",
    "address-after": "codes._ADDRESS_AFTER.match(' ' * N + 'x')",
    "date-trigger": "datetimes._DATE_TRIGGER.search('ngày' + ' ' * N + 'x')",
    "weak-date-trigger": "datetimes._WEAK_DATE_TRIGGER.search('từ' + ' ' * N + 'x')",
    "phone-trigger": "codes._PHONE_TRIGGER.search('gọi' + ' ' * N + 'x')",
    "plate-trigger": "codes._PLATE_TRIGGER.search('BKS' + ' ' * N + 'x')",
    "bracketed": "punctuation._parentheses(' ' * N + '(' + ' ' * N + 'x')",
    "service-context": "codes._SERVICE_CONTEXT.search('gọi a' + ' ' * 10 * N + '.')",
    "service-alternative": "codes._SERVICE_CONTEXT.search('gọi hoặc gọi' + ' ' * 10 * N + '.')",
    "listed-digits": "codes._LISTED_AFTER.search('1' * N + ' ' * N + '.')",
    "previous-word": "abbreviations._PREV_WORD.search('a' * 10 * N + '.')",
    "bracketed-abbreviation": "normalise('a' + ' ' * N + '(' + ' ' * N + 'UBND' + ' ' * N)",
    "address-alternative": "normalise('gửi x@y.vn' + ' ' * 2 * N + ',')",
    "letterless-token": "readtime.count_syllables('<' * 2 * N)",
    "address-without-host": "markdown._has_link('a.b' * N + '@')",
    "paragraph-of-brackets": "normalise('<' * N + '.')",
    "run-of-titles": "name_titles.read_titles_before_names('TS, ' * N + 'TSx')",
    "titles-after-words": "name_titles.read_titles_before_names('TS. Nguyễn Văn A nói ' * 4 * N)",
    "marks-before-a-pointer": "markdown._said_before_pointer('12 vụ ' + '- ' * N + 'như sau:')",
    "words-before-a-pointer": "markdown._said_before_pointer('Kết quả ' + 'như ' * N + 'sau:')",
    "long-last-word": "markdown._broken_before('a' * 10 * N + '-  ', 'Xin')",
}
_PARAGRAPH = 20_000
"""Characters of one hostile paragraph of a bulletin: its numbers' context searches are counted
below (`_BODIES`: a rescan from the paragraph's start grows the count some 50 times, not 8); this
guard is for a single pattern stalling on it, which 20 KB shows as well as 100 KB (4-6 s of CPU
each) did."""
_PARAGRAPHS = {
    "service-numbers": "'113, '",
    "digits-then-service": "'1' * 50_000 + ' 113. '",
    "bare-hours": "', 7g '",
    "short-dates": "'ngày 1/2 '",
    "hour-ranges": "'3-5g '",
}


@pytest.mark.parametrize("call", _CASES.values(), ids=_CASES.keys())
def test_crafted_whitespace_does_not_hang(call: str) -> None:
    """Each input, with a run of about 20,000 spaces, is read well within the limit of CPU time."""
    script = textwrap.dedent(
        f"""
        from publish.radio import abbreviations, codes, datetimes, markdown, name_titles
        from publish.radio import punctuation, readtime
        from publish.radio.normalise import normalise
        N = {_RUN}
        {call}
        """
    )
    run_python_guarded(script, cpu=10)


@pytest.mark.parametrize("unit", _PARAGRAPHS.values(), ids=_PARAGRAPHS.keys())
def test_long_paragraph_is_read_in_linear_time(unit: str) -> None:
    """Context looked for before each of thousands of numbers never rescans the paragraph."""
    script = textwrap.dedent(
        f"""
        from publish.radio.normalise import normalise
        unit = {unit}
        normalise(unit * max(1, {_PARAGRAPH} // len(unit)) + '.')
        """
    )
    run_python_guarded(script, cpu=30)


def test_every_unicode_space_but_line_breaks_becomes_a_plain_space() -> None:
    """`\\s` in the passes matches what `str.isspace` does (U+1680 too): P0 leaves one kind."""
    spaces = "".join(
        c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c not in "\r\n"
    )
    assert _prepare(f"a{spaces}b\nc") == f"a{' ' * len(spaces)}b\nc"


_GROWTH = 8
"""How many times longer the larger of two texts is: linear work grows 8 times, quadratic 64."""


class _Metered:
    """A compiled pattern that adds to `scanned` the characters each call had to pass over: a
    search's window up to where it matched (all of it when none did), a whole-text `sub` or
    `finditer`, a match's length. A count, not a clock: the same on any machine under any load."""

    def __init__(self, pattern: re.Pattern[str], scanned: list[int]) -> None:
        """Wrap `pattern`, counting into the one-item list `scanned`."""
        self._pattern, self._scanned = pattern, scanned

    def __getattr__(self, name: str) -> Any:
        """`pattern`, `flags`, `groupindex`… of the wrapped pattern."""
        return getattr(self._pattern, name)

    def _window(self, text: str, pos: int, endpos: int | None) -> tuple[int, int]:
        """The characters a call may look at."""
        end = len(text) if endpos is None else min(endpos, len(text))
        return pos, end

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        """`re.Pattern.search`, counted up to its match's end."""
        start, end = self._window(text, pos, endpos)
        found = self._pattern.search(text, start, end)
        self._scanned[0] += (found.end() if found else end) - start
        return found

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        """`re.Pattern.match`, counted by its length (one character when it fails)."""
        start, end = self._window(text, pos, endpos)
        found = self._pattern.match(text, start, end)
        self._scanned[0] += max(1, found.end() - start) if found else 1
        return found

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        """`re.Pattern.fullmatch`, counted by its window."""
        start, end = self._window(text, pos, endpos)
        self._scanned[0] += end - start
        return self._pattern.fullmatch(text, start, end)

    def _whole(self, text: str, pos: int = 0) -> None:
        """Count a call that runs over the rest of `text`."""
        self._scanned[0] += len(text) - pos

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        """`re.Pattern.sub`, counted by the whole text."""
        self._whole(text)
        return self._pattern.sub(repl, text, count)

    def subn(self, repl: Any, text: str, count: int = 0) -> tuple[str, int]:
        """`re.Pattern.subn`, counted by the whole text."""
        self._whole(text)
        return self._pattern.subn(repl, text, count)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        """`re.Pattern.finditer`, counted by its window."""
        start, end = self._window(text, pos, endpos)
        self._scanned[0] += end - start
        return self._pattern.finditer(text, start, end)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        """`re.Pattern.findall`, counted by its window."""
        start, end = self._window(text, pos, endpos)
        self._scanned[0] += end - start
        return self._pattern.findall(text, start, end)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        """`re.Pattern.split`, counted by the whole text."""
        self._whole(text)
        return self._pattern.split(text, maxsplit)


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every module-level pattern of publish.radio metered into the returned one-item list."""
    counter = [0]
    for info in pkgutil.iter_modules(radio.__path__):
        module = importlib.import_module(f"publish.radio.{info.name}")
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, name, _Metered(value, counter))
    return counter


def _scanned_for(counter: list[int], body: str) -> int:
    """Characters the patterns passed over to read `body` as a bulletin."""
    counter[0] = 0
    normalise("Mở đầu.\n\n" + body + "\n\nHết.\n")
    return counter[0]


_BODIES = {
    "tn-per-sentence": "Xe TN gây tai nạn. ",
    "youth-union": "Đoàn TN xã, đoàn viên TN. ",
    "chain-without-a-length": "2x3x4x5x6x7x8x9x",
    "sizes-with-lengths": "2x3x4x5x6x7x8x9m ",
    "spaced-chain": "2 x 3,5x4x",
    "places": "P. x, Q. y, H. Châu Thành, ",
    "short-dates": "ngày 1/2 ",
    "service-numbers": "gọi 113, ",
    "bare-service-numbers": "113, ",
    "bare-hours": ", 7g ",
    "hour-ranges": "3-5g ",
    "rank-after-a-line-break": "ông Văn\nHạng 2 ",
}
_SMALL = 1_000
"""Characters of the smaller body; the larger is `_GROWTH` times longer."""


@pytest.mark.parametrize("unit", _BODIES.values(), ids=_BODIES.keys())
def test_searches_around_each_mark_look_at_a_bounded_window(scanned: list[int], unit: str) -> None:
    """The words before each «TN» were looked for in the whole text before it: 50 KB with a
    «TN» in every sentence took 11 s. Counted rather than timed: a body 8 times longer makes
    the patterns pass over about 8 times as many characters (64 times for a search from the
    paragraph's start at every mark), the same figures on any machine."""
    small = _scanned_for(scanned, (unit * _SMALL)[:_SMALL])
    large = _scanned_for(scanned, (unit * _SMALL * _GROWTH)[: _SMALL * _GROWTH])
    assert large <= 1.5 * _GROWTH * small, (small, large)


def test_the_count_sees_a_search_from_the_paragraphs_start(
    scanned: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above fails on the old quadratic search: with every context pattern looking
    back to the paragraph's start (`ends_before` unbounded, as before its window), the count
    grows far more than 8 times."""
    monkeypatch.setattr(tail, "TAIL", 10**9)
    unit = _BODIES["tn-per-sentence"]
    small = _scanned_for(scanned, (unit * _SMALL)[:_SMALL])
    large = _scanned_for(scanned, (unit * _SMALL * _GROWTH)[: _SMALL * _GROWTH])
    assert large > 3 * _GROWTH * small, (small, large)


_GUARDED_BODIES = {
    "tn-per-sentence": "Xe TN gây tai nạn. ",
    "youth-union": "Đoàn TN xã, đoàn viên TN. ",
    "chain-without-a-length": "2x3x4x5x6x7x8x9x",
    "sizes-with-lengths": "2x3x4x5x6x7x8x9m ",
    "spaced-chain": "2 x 3,5x4x",
}
_GUARDED_BODY = 200_000
"""Characters: read in about 2 s of CPU; the quadratic readings took minutes to hours on it
(10 KB of «2x3x4…» took 6.7 s, 50 KB of «TN» 11 s)."""


@pytest.mark.parametrize("unit", _GUARDED_BODIES.values(), ids=_GUARDED_BODIES.keys())
def test_a_long_body_of_marks_is_read_within_its_cpu_limit(unit: str) -> None:
    """Every «x» of a «2x3x4…» chain looked ahead to the chain's end for its length, inside one
    pattern, where no count sees it: 200 KB of each body must be read within 30 s of CPU (CPU,
    not wall time: load does not stretch it), some fifteen times what a linear reading takes and
    a fraction of a quadratic one. The figures themselves: benchmarks/radio_growth.py."""
    script = textwrap.dedent(
        f"""
        from publish.radio.normalise import normalise
        unit = {unit!r}
        normalise('Mở đầu.\\n\\n' + (unit * {_GUARDED_BODY})[:{_GUARDED_BODY}] + '\\n\\nHết.\\n')
        """
    )
    run_python_guarded(script, cpu=30)


_GUARDED_PASSES = {
    "place-prefixes": (
        "abbreviations._place_prefixes(text, Context(options=SpeakOptions(), abbreviations={}))",
        "P. x, Q. y, ",
    ),
    "etc": ("abbreviations._etc(text)", "v.v. và "),
    "initials": ("tts._initials(text)", "N.T.L. nói "),
    "ellipses": ("punctuation._ellipses(text)", "chờ… rồi "),
}
_GUARDED_TEXT = 2_000_000
"""Characters: a pass reads them in under a second of CPU; copying the rest of the text at each
mark took 47 s for 1 MB."""


@pytest.mark.parametrize(("call", "unit"), _GUARDED_PASSES.values(), ids=_GUARDED_PASSES.keys())
def test_what_follows_each_mark_is_looked_at_in_place(call: str, unit: str) -> None:
    """Each «Q.», «v.v.», «N.T.L.» or «…» copied the whole text after it to look at one
    character: 1 MB took 47 s. 2 MB must pass within 30 s of CPU (a copy is no pattern call,
    so no count sees it)."""
    script = textwrap.dedent(
        f"""
        from publish.radio import abbreviations, punctuation, tts
        from publish.radio.flags import Context
        from publish.radio.options import SpeakOptions
        text = ({unit!r} * {_GUARDED_TEXT})[:{_GUARDED_TEXT}]
        {call}
        """
    )
    run_python_guarded(script, cpu=30)


_REPEATED_MARKS = {
    "country-code-lines": "+84\n",
    "country-code-words": "+84 ",
    "country-code-numbers": "+84 912 ",
}
_MARKS_SMALL = 2_000
_MARKS_GROWTH = 10


def _source_searched(monkeypatch: pytest.MonkeyPatch, body: str) -> int:
    """Characters of source lines searched to place the flags of `body` read as a bulletin."""
    counter = [0]
    search = flags._first_line_holding

    def counted(needle: str, lines: tuple[tuple[int, str], ...]) -> int:
        counter[0] += sum(len(text) for _, text in lines)
        return search(needle, lines)

    monkeypatch.setattr(flags, "_first_line_holding", counted)
    normalise(body)
    return counter[0]


@pytest.mark.parametrize("unit", _REPEATED_MARKS.values(), ids=_REPEATED_MARKS.keys())
def test_a_flag_repeated_through_a_paragraph_is_placed_without_rescanning_it(
    monkeypatch: pytest.MonkeyPatch, unit: str
) -> None:
    """20,000 «+84» each left a «+» unread (Q2, one flag): the paragraph's lines were searched
    for the same excerpt at each, 2.6 s where 2,000 took a few hundredths. Counted, not timed:
    ten times the marks may search about ten times the characters, not a hundred."""
    small = _source_searched(monkeypatch, unit * _MARKS_SMALL)
    large = _source_searched(monkeypatch, unit * _MARKS_SMALL * _MARKS_GROWTH)
    assert 0 < large <= 1.5 * _MARKS_GROWTH * small, (small, large)
