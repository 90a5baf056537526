"""Where a build's time went: wall time of each phase, and the CPU of the whole run (`--timings`).

Like Hugo's `--templateMetrics` or Eleventy's benchmark lines: when a build gets slow on a unit's
own content, the phase that grew is the first thing to know. Phases are measured in this process
(a channel's phase includes its worker processes' share and the writer taking its files); the
CPU total adds every worker process that has ended.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from publish.cores import workers

__all__ = ["COMPARING", "OTHER", "STARTUP", "WRITING", "Timings", "cpu", "seconds_vi", "wait_vi"]


STARTUP = "khởi động, đọc mã chương trình"
"""The phase of getting ready: the interpreter importing modules, channel modules included
(a unit's IT officer reads the table: no «mô-đun»)."""
COMPARING = "so với lần dựng trước"
"""The phase of deciding whether the last build can be replayed (build and sync alike)."""
WRITING = "ghi output/ (chuyển tệp vào chỗ, gỡ tệp cũ)"
"""The writer's own phase, less the channels it takes artifacts from as they render."""
OTHER = "việc khác (đọc site.toml, in báo cáo)"
"""What no phase covered: reading the settings, printing the report."""

_clock = time.perf_counter
"""The wall clock every phase is read from."""


def seconds_vi(seconds: float) -> str:
    """Seconds written the Vietnamese way: a decimal comma, two decimals under 10 s, else one."""
    text = f"{seconds:.2f}" if seconds < 10 else f"{seconds:.1f}"
    return text.replace(".", ",")


def wait_vi(seconds: float) -> str:
    """A wait as a message tells it, in giây: «30 giây», «1,5 giây», «0,02 giây» (one decimal
    from a second up, two under it, no trailing zero: a jittered 1.2345 s is «1,2 giây»)."""
    if 0 < seconds < 0.005:
        return "dưới 0,01 giây"  # «0 giây» of a wait that is one
    text = f"{seconds:.{1 if seconds >= 1 else 2}f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} giây"


def cpu() -> tuple[float, float]:
    """(user, system) CPU seconds of this process and every child process waited for."""
    times = os.times()
    return times.user + times.children_user, times.system + times.children_system


@dataclass(slots=True)
class Timings:
    """The phases of one command, in the order they ended."""

    started: float | None = None
    """perf_counter() when the command started, if before this object was made: what happened
    until then (the interpreter importing modules) is a phase of its own. None: now."""
    phases: list[tuple[str, float]] = field(default_factory=list)
    cpu_started: tuple[float, float] = field(default_factory=cpu)
    """`cpu()` when the command started ((0, 0) from the command line: the process's start)."""
    on_phase: Callable[[str], None] | None = None
    """Told the label of each phase as it starts, and of the enclosing one again when an inner
    one ends (publish.progress.Status shows it)."""
    _origin: float = field(init=False)
    _open: list[str] = field(init=False, default_factory=list)
    """The labels of the phases running, outermost first."""

    def __post_init__(self) -> None:
        """Record the start-up phase when the command started before this object."""
        self._origin = _clock() if self.started is None else self.started
        if self.started is not None:
            self.phases.append((STARTUP, _clock() - self.started))

    @contextlib.contextmanager
    def phase(self, label: str) -> Iterator[None]:
        """Time the block as the phase `label` (recorded also when it fails)."""
        start = _clock()
        with self._told(label):
            try:
                yield
            finally:
                self.add(label, _clock() - start)

    @contextlib.contextmanager
    def remainder(self, label: str) -> Iterator[None]:
        """Time the block as `label`, less the phases recorded while it ran (they ran inside it:
        the writer takes each channel's artifacts as they are rendered)."""
        start, inner = _clock(), self.recorded()
        with self._told(label):
            try:
                yield
            finally:
                self.add(label, _clock() - start - (self.recorded() - inner))

    @contextlib.contextmanager
    def _told(self, label: str) -> Iterator[None]:
        """Tell `on_phase` that the phase `label` runs, and when it ends, which one runs again."""
        self._open.append(label)
        if self.on_phase is not None:
            self.on_phase(label)
        try:
            yield
        finally:
            self._open.pop()
            if self.on_phase is not None and self._open:
                self.on_phase(self._open[-1])

    def add(self, label: str, seconds: float) -> None:
        """Record a phase timed elsewhere; a label seen before adds to that phase."""
        for index, (known, before) in enumerate(self.phases):
            if known == label:
                self.phases[index] = (known, before + seconds)
                return
        self.phases.append((label, seconds))

    def recorded(self) -> float:
        """Wall seconds of every phase recorded so far."""
        return sum(seconds for _, seconds in self.phases)

    def elapsed(self) -> float:
        """Wall seconds since the command started."""
        return _clock() - self._origin

    def lines(self) -> list[str]:
        """The table `--timings` prints: each phase, the rest, the total and its CPU."""

        total = self.elapsed()
        rows = [*self.phases, (OTHER, total - self.recorded())]
        width = max(len(label) for label, _ in rows)
        lines = ["Thời gian từng giai đoạn (giây, theo đồng hồ):"]
        for label, seconds in rows:
            share = 100 * seconds / total if total > 0 else 0.0
            lines.append(f"  {label:<{width}}  {seconds_vi(seconds):>6}  {share:3.0f} %")
        user, system = (now - start for now, start in zip(cpu(), self.cpu_started, strict=True))
        # User and system time in words an IT officer reads: «chạy mã», «trong nhân hệ điều
        # hành» were a programmer's. CPU adds every core, so it may pass the wall time.
        lines.append(
            f"  {'tổng':<{width}}  {seconds_vi(total):>6}  "
            f"(CPU {seconds_vi(user + system)} giây: {seconds_vi(user)} công cụ tự xử lý, "
            f"{seconds_vi(system)} hệ điều hành làm hộ — đọc ghi tệp, mở tiến trình; cộng mọi "
            f"nhân CPU, tối đa {workers()} tiến trình chạy song song)"
        )
        return lines
