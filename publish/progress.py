"""Progress of a long step: a bar redrawn in place on a terminal, plain lines in CI logs.

A redrawn bar (carriage returns) turns into one unreadable line in a CI log, so the bar is used
only when standard error is a terminal and the `CI` variable is not set; otherwise a plain line is
printed at every tenth of the way. No dependency: tqdm/rich would add little for one bar.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TextIO, TypeVar

T = TypeVar("T")

__all__ = ["Progress", "Status", "counted", "in_ci", "is_interactive"]

BAR_WIDTH = 24
MIN_TOTAL = 20
"""Fewer steps than this show no progress: they are quick and their own result lines are enough."""
PLAIN_STEPS = 10
"""In plain mode, print a line each time another tenth of the work is done."""
REDRAW_SECONDS = 0.1


def in_ci(env: Mapping[str, str] | None = None) -> bool:
    """Whether this runs as a CI job (the `CI` variable set, and not to a «no»)."""
    env = os.environ if env is None else env
    return env.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def is_interactive(stream: TextIO | None = None, env: Mapping[str, str] | None = None) -> bool:
    """Whether progress may be redrawn in place: a terminal, and not a CI job."""
    stream = sys.stderr if stream is None else stream
    if in_ci(env):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """Counts done/total for one labelled step and shows it; call it as `progress(done, total)`."""

    def __init__(
        self,
        label: str,
        *,
        stream: TextIO | None = None,
        interactive: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        self.interactive = is_interactive(self.stream) if interactive is None else interactive
        self.clock = clock
        self.done = 0
        self.total = 0
        self._shown = False
        self._last_draw = float("-inf")
        self._last_step = 0

    def __call__(self, done: int, total: int) -> None:
        """Record progress and show it (redraw on a terminal, a line per tenth otherwise)."""
        self.done, self.total = done, total
        if total < MIN_TOTAL:
            return
        if self.interactive:
            now = self.clock()
            if done >= total or now - self._last_draw >= REDRAW_SECONDS:
                self._last_draw = now
                self._draw()
            return
        step = done * PLAIN_STEPS // total
        if step > self._last_step or done == total:
            self._last_step = step
            self.stream.write(f"{self.label}: {done}/{total} ({done * 100 // total}%)\n")
            self.stream.flush()

    def echo(self, message: str, *, file: TextIO | None = None) -> None:
        """Print a line without tearing the bar: clear it, print, draw it again."""
        target = sys.stdout if file is None else file
        if self._shown:
            self._clear()
        print(message, file=target, flush=True)
        if self._shown:
            self._draw()

    def close(self) -> None:
        """End the bar's line so later output starts on a fresh one."""
        if self._shown:
            self._clear()
            self._shown = False

    def bar(self) -> str:
        """The bar text: `zalo [#########---------] 12/40 30%`."""
        filled = BAR_WIDTH * self.done // self.total if self.total else 0
        percent = self.done * 100 // self.total if self.total else 0
        body = "#" * filled + "-" * (BAR_WIDTH - filled)
        return f"{self.label} [{body}] {self.done}/{self.total} {percent}%"

    def _draw(self) -> None:
        """Redraw the bar on the current terminal line."""
        self.stream.write("\r\x1b[K" + self.bar())
        self.stream.flush()
        self._shown = True

    def _clear(self) -> None:
        """Erase the bar's line."""
        self.stream.write("\r\x1b[K")
        self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Status:
    """One line saying which phase a long command is in (and how many files it has made), redrawn
    in place on a terminal and erased when the command reports; nothing at all elsewhere (a CI
    log or a pipe gets only the command's own lines). A cold build of 10,000 bulletins took
    20 s to 5 min (photos) without a word before its report."""

    def __init__(
        self,
        prefix: str,
        *,
        stream: TextIO | None = None,
        interactive: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.prefix = prefix
        self.stream = sys.stderr if stream is None else stream
        self.interactive = is_interactive(self.stream) if interactive is None else interactive
        self.clock = clock
        self.label = ""
        self.made = 0
        """Files made so far by the whole command (see tick)."""
        self._made_before = 0
        """`made` when the current phase started: its own count is the difference."""
        self._shown = False
        self._last_draw = float("-inf")
        self._closed = False

    def phase(self, label: str) -> None:
        """Show that the phase `label` runs (counting its own files from now)."""
        self.label, self._made_before = label, self.made
        self._draw()

    def tick(self, made: int) -> None:
        """Show that the command has made `made` files in all (redrawn at most every 0.1 s)."""
        self.made = made
        if self.interactive and self.clock() - self._last_draw >= REDRAW_SECONDS:
            self._draw()

    def line(self) -> str:
        """The status text: `Đang dựng — kênh web: dựng và ghi… 8.412 tệp`."""
        count = self.made - self._made_before
        made = f" {count:,} tệp".replace(",", ".") if count else ""
        return f"{self.prefix} — {self.label}…{made}"

    def close(self) -> None:
        """Erase the line, for good: the command's report follows."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
        self._closed = True

    def _draw(self) -> None:
        """Redraw the line, cut to the terminal's width (a wrapped line is not redrawn in place)."""
        if not self.interactive or self._closed or not self.label:
            return
        self._last_draw = self.clock()
        width = shutil.get_terminal_size().columns - 1
        self.stream.write("\r\x1b[K" + self.line()[: max(width, 10)])
        self.stream.flush()
        self._shown = True

    def __enter__(self) -> Status:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def counted(items: Iterable[T], tick: Callable[[int], None]) -> Iterator[T]:
    """`items`, telling `tick` how many have been taken so far."""
    for number, item in enumerate(items, start=1):
        tick(number)
        yield item
