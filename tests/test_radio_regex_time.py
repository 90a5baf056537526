"""Crafted whitespace runs that made the radio normaliser's regexes backtrack for minutes."""

from __future__ import annotations

import sys
import textwrap
import time
from collections.abc import Callable

import pytest

from publish.radio import abbreviations, punctuation, tts
from publish.radio.flags import Context
from publish.radio.normalise import _prepare, normalise
from publish.radio.options import SpeakOptions
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
_PARAGRAPH = 100_000  # characters: one hostile paragraph of a bulletin
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
        normalise(unit * ({_PARAGRAPH} // len(unit)) + '.')
        """
    )
    run_python_guarded(script, cpu=30)


def test_every_unicode_space_but_line_breaks_becomes_a_plain_space() -> None:
    """`\\s` in the passes matches what `str.isspace` does (U+1680 too): P0 leaves one kind."""
    spaces = "".join(
        c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c not in "\r\n"
    )
    assert _prepare(f"a{spaces}b\nc") == f"a{' ' * len(spaces)}b\nc"


_SMALL = 2_000
"""Characters of the smaller body a growth test reads; the larger is `_GROWTH` times longer."""
_GROWTH = 8
_LONG = 50_000
"""Characters of the smaller text a pass is timed on: copies grow to matter past it."""
"""A linear reading takes about 8 times as long on a body 8 times longer, a quadratic one 64."""


def _cpu_seconds(body: str) -> float:
    """CPU time to read `body` as a bulletin, the least of three runs (others share the CPU)."""
    runs = []
    for _ in range(3):
        started = time.process_time()
        normalise("Mở đầu.\n\n" + body + "\n\nHết.\n")
        runs.append(time.process_time() - started)
    return min(runs)


@pytest.mark.parametrize(
    "unit",
    ["Xe TN gây tai nạn. ", "Đoàn TN xã, đoàn viên TN. "],
    ids=["tn-per-sentence", "youth-union"],
)
def test_context_of_many_abbreviations_grows_linearly(unit: str) -> None:
    """The words before each «TN» were looked for in the whole text before it: 50 KB with a
    «TN» in every sentence took 11 s. A body 8 times longer takes about 8 times as long."""
    small = _cpu_seconds((unit * _SMALL)[:_SMALL])
    large = _cpu_seconds((unit * _SMALL * _GROWTH)[: _SMALL * _GROWTH])
    assert large < 3 * _GROWTH * max(small, 0.01), (small, large)


@pytest.mark.parametrize(
    "unit",
    ["2x3x4x5x6x7x8x9x", "2x3x4x5x6x7x8x9m ", "2 x 3,5x4x"],
    ids=["chain-without-a-length", "sizes-with-lengths", "spaced-chain"],
)
def test_sizes_written_with_x_grow_linearly(unit: str) -> None:
    """Every «x» of a «2x3x4…» chain looked ahead to the chain's end for its length: 10 KB
    took 6.7 s, 200 KB over two minutes. A body 8 times longer takes about 8 times as long."""
    small = _cpu_seconds((unit * _SMALL)[:_SMALL])
    large = _cpu_seconds((unit * _SMALL * _GROWTH)[: _SMALL * _GROWTH])
    assert large < 3 * _GROWTH * max(small, 0.01), (small, large)


def _pass_seconds(call: Callable[[str], str], text: str) -> float:
    """CPU time of one pass over `text`, the least of three runs (others share the CPU)."""
    runs = []
    for _ in range(3):
        started = time.process_time()
        call(text)
        runs.append(time.process_time() - started)
    return min(runs)


def _place_prefixes(text: str) -> str:
    """The place-prefix pass with a default context."""
    ctx = Context(options=SpeakOptions(), abbreviations={})
    return abbreviations._place_prefixes(text, ctx)


@pytest.mark.parametrize(
    ("call", "unit"),
    [
        (_place_prefixes, "P. x, Q. y, "),
        (abbreviations._etc, "v.v. và "),
        (tts._initials, "N.T.L. nói "),
        (punctuation._ellipses, "chờ… rồi "),
    ],
    ids=["place-prefixes", "etc", "initials", "ellipses"],
)
def test_what_follows_each_mark_is_looked_at_in_place(
    call: Callable[[str], str], unit: str
) -> None:
    """Each «Q.», «v.v.», «N.T.L.» or «…» copied the whole text after it to look at one
    character: 1 MB took 47 s. A text 8 times longer takes about 8 times as long."""
    small = _pass_seconds(call, (unit * _LONG)[:_LONG])
    large = _pass_seconds(call, (unit * _LONG * _GROWTH)[: _LONG * _GROWTH])
    assert large < 3 * _GROWTH * max(small, 0.01), (small, large)
