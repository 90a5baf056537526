"""Crafted whitespace runs that made the radio normaliser's regexes backtrack for minutes."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from publish.radio.normalise import _prepare

_RUN = 20_000
_TIMEOUT = 10.0  # seconds: a guard against a hang, not a measure of speed
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
}


@pytest.mark.parametrize("call", _CASES.values(), ids=_CASES.keys())
def test_crafted_whitespace_does_not_hang(call: str) -> None:
    """Each input, with a run of about 20,000 spaces, is read well within the timeout."""
    script = textwrap.dedent(
        f"""
        from publish.radio import codes, datetimes, punctuation
        from publish.radio.normalise import normalise
        N = {_RUN}
        {call}
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=_TIMEOUT
    )
    assert done.returncode == 0, done.stderr


def test_every_unicode_space_but_line_breaks_becomes_a_plain_space() -> None:
    """`\\s` in the passes matches what `str.isspace` does (U+1680 too): P0 leaves one kind."""
    spaces = "".join(
        c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c not in "\r\n"
    )
    assert _prepare(f"a{spaces}b\nc") == f"a{' ' * len(spaces)}b\nc"
