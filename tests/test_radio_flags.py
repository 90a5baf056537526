"""`Context.flag`: each finding recorded once, in the order found, without rescanning the list."""

from __future__ import annotations

import pytest

from publish.radio.flags import BLOCKING, WARNING, Context, Flag
from publish.radio.normalise import normalise
from publish.radio.options import SpeakOptions

_FEW = 200
_GROWTH = 10


def _compared(monkeypatch: pytest.MonkeyPatch, count: int) -> int:
    """How many times two findings were compared while `count` different ones were flagged,
    each twice."""
    compared = [0]
    equal = Flag.__eq__

    def counted(self: Flag, other: object) -> bool:
        compared[0] += 1
        return equal(self, other)

    monkeypatch.setattr(Flag, "__eq__", counted)
    ctx = Context(SpeakOptions(), {})
    for _ in range(2):
        for number in range(count):
            ctx.flag("Q1", BLOCKING, f"Chữ số «{number}» chưa đọc được.", str(number), line=1)
    assert len(ctx.flags) == count
    return compared[0]


def test_a_long_script_s_findings_are_not_each_compared_with_all_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each new finding was looked for in the whole list (time growing with the square of their
    number). Counted, not timed: ten times the findings may compare about ten times as often."""
    few = _compared(monkeypatch, _FEW)
    many = _compared(monkeypatch, _FEW * _GROWTH)
    assert many <= 1.5 * _GROWTH * max(few, _FEW), (few, many)


def test_a_finding_is_recorded_once_in_the_order_first_found() -> None:
    ctx = Context(SpeakOptions(), {})
    for code, excerpt in [
        ("Q1", "7"),
        ("R14.6", "XYZ"),
        ("Q1", "7"),
        ("Q2", "@"),
        ("R14.6", "XYZ"),
    ]:
        ctx.flag(code, WARNING, f"«{excerpt}»", excerpt, line=3)
    assert [(f.code, f.excerpt) for f in ctx.flags] == [("Q1", "7"), ("R14.6", "XYZ"), ("Q2", "@")]


def test_findings_given_with_the_context_are_not_recorded_again() -> None:
    given = Flag("Q1", BLOCKING, "«7»", "7", 2)
    ctx = Context(SpeakOptions(), {}, flags=[given])
    ctx.flag("Q1", BLOCKING, "«7»", "7", line=2)
    ctx.flag("Q2", WARNING, "«@»", "@", line=2)
    assert ctx.flags == [given, Flag("Q2", WARNING, "«@»", "@", 2)]


def test_findings_given_twice_are_not_looked_up_again_at_each_new_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The set of findings was made again whenever its size differed from the list's: at each
    new finding when the list was given with one twice. Counted: each new finding is hashed a
    few times, not the whole list with it."""
    given = Flag("Q1", BLOCKING, "«7»", "7", 2)
    ctx = Context(SpeakOptions(), {}, flags=[given, given])
    hashed = [0]
    hash_of = Flag.__hash__

    def counted(self: Flag) -> int:
        hashed[0] += 1
        return hash_of(self)

    monkeypatch.setattr(Flag, "__hash__", counted)
    count = 500
    for number in range(count):
        ctx.flag("Q2", WARNING, f"«{number}»", str(number), line=3)
    ctx.flag("Q1", BLOCKING, "«7»", "7", line=2)
    assert len(ctx.flags) == count + 2
    assert hashed[0] <= 3 * (count + 1), hashed[0]


def test_a_bulletin_s_findings_keep_their_order_and_are_told_once() -> None:
    """Through the whole pass (list items bring flags of their own): first found, first told."""
    spoken = normalise("Gặp XQZ tại ấp 3.\n\nGặp KWY rồi XQZ.\n\n- Gặp XQZ lần nữa.\n- Gặp JVW.")
    unknown = [f.excerpt for f in spoken.flags if f.code == "R14.6"]
    assert unknown == ["XQZ", "KWY", "JVW"]


def test_a_finding_repeated_on_several_lines_of_a_paragraph_is_told_at_each() -> None:
    """One paragraph with `tăng -2 vụ` on lines 1, 2 and 4 was told once, at line 1: the
    editor mended that line and the build held the bulletin again for the next."""
    from publish.radio.normalise import normalise

    source = "Anh ta nói tăng -2 vụ.\nSau đó tăng -2 vụ nữa.\nKhông có gì.\nLại tăng -2 vụ."
    flags = normalise(source).flags
    assert [(f.code, f.line) for f in flags] == [("R12.4", 1), ("R12.4", 2), ("R12.4", 4)]


def test_a_finding_twice_on_one_line_is_told_once_there() -> None:
    from publish.radio.normalise import normalise

    flags = normalise("Có tăng -2 vụ, tăng -2 người.\nSau đó tăng -2 vụ nữa.").flags
    assert [(f.code, f.line) for f in flags] == [("R12.4", 1), ("R12.4", 2)]
