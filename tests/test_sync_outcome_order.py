"""A sync's outcomes are told in the plan's order, whichever action its workers end first.

Told as they ended, two lost Zalo creates refused alike were named «bt-004, bt-003» in some
runs and «bt-003, bt-004» in others (and their ✗ lines swapped): the same state and the same
answers from Zalo must read the same every run, for the operator and for CI's report.
"""

from __future__ import annotations

import threading

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
