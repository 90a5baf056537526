"""A sync's outcomes are told in the plan's order, whichever action its workers end first.

Told as they ended, two lost Zalo creates refused alike were named «bt-004, bt-003» in some
runs and «bt-003, bt-004» in others (and their ✗ lines swapped): the same state and the same
answers from Zalo must read the same every run, for the operator and for CI's report.
"""

from __future__ import annotations

import _thread
import threading
import time

import pytest

from publish.errors import RemoteError
from publish.sync import base
from publish.sync.base import Action

ADVICE = "chưa tạo lại: đọc lại danh sách rồi chạy lại"


class Refused(RemoteError):
    """A failure with what to do before running again (as Zalo's lookup of a lost create)."""

    def __init__(self, key: str) -> None:
        super().__init__(f"{key}: chưa tạo lại")
        self.closing = ADVICE


class SlowFirst:
    """Two actions at once, each refused: the first ends only once the second is told (or a
    second later, when nothing is told before it ends)."""

    name = "thu"
    concurrency = 2

    def __init__(self) -> None:
        self.second_told = threading.Event()

    def observe(self) -> None:
        """Nothing to look at."""

    def plan(self, observed: object) -> list[Action]:
        """Two bulletins to create."""
        return [Action("create", key, "bản tin mới") for key in ("b1", "b2")]

    def apply(self, action: Action) -> str:
        """Refuse each; the first after the second was told, or a second at most."""
        if action.key == "b1":
            self.second_told.wait(1)
        raise Refused(action.key)


def test_outcomes_are_told_in_the_plans_order_not_as_they_end() -> None:
    syncer = SlowFirst()
    lines: list[str] = []

    def echo(line: str) -> None:
        lines.append(line)
        if "b2: chưa tạo lại" in line:
            syncer.second_told.set()

    _actions, summary = base.run(syncer, echo=echo)
    told = [line.split(":")[0].split()[-1] for line in lines if "✗" in line]
    assert told == ["b1", "b2"]
    assert [a.key for a, _message in summary.failed] == ["b1", "b2"]
    assert [a.key for a, _step in summary.next_steps] == ["b1", "b2"]


class SlowFirstStopped:
    """Three creates at once: the first slow, the other two ending at once, and a Ctrl+C while
    the first is still in flight."""

    name = "thu"
    concurrency = 3

    def __init__(self) -> None:
        self.others_done = threading.Barrier(4)  # the three actions and the stop

    def observe(self) -> None:
        """Nothing to look at."""

    def plan(self, observed: object) -> list[Action]:
        """Three bulletins to create."""
        return [Action("create", key, "bản tin mới") for key in ("b1", "b2", "b3")]

    def apply(self, action: Action) -> str:
        """Create each; the first ends a moment after the others, once the stop was sent."""
        if action.key == "b1":
            self.others_done.wait(5)
            time.sleep(0.3)
        else:
            self.others_done.wait(5)
        return "xong"


def test_a_stop_still_tells_the_actions_that_ended_behind_a_slower_one() -> None:
    """Held back behind the slow first action, b2 and b3 (ended, recorded by the syncer) were
    never told when a Ctrl+C came: no ✓ line, missing from the run's counts."""
    syncer = SlowFirstStopped()
    lines: list[str] = []

    def stop_once_the_others_ended() -> None:
        syncer.others_done.wait(5)
        time.sleep(0.1)
        _thread.interrupt_main()

    threading.Thread(target=stop_once_the_others_ended, daemon=True).start()
    with pytest.raises(KeyboardInterrupt):
        base.run(syncer, echo=lines.append)
    done = [line for line in lines if "✓" in line]
    assert [next(k for k in ("b1", "b2", "b3") if k in line) for line in done] == ["b1", "b2", "b3"]
