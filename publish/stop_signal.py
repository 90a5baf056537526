"""SIGTERM taken as a Ctrl+C while `publish sync` runs.

CI stops a job with a signal: GitHub Actions sends SIGINT (then SIGTERM ~7.5 s later, then
SIGKILL), GitLab Runner sends SIGTERM to the job's processes (then SIGKILL after its grace
period), as do `timeout`, systemd and `docker stop`. Python ends at once on SIGTERM, so a sync
cancelled on GitLab neither stopped its queue in order nor folded its journal into state/: what
was in flight was only found again by the next run. Raised as `Terminated`, a KeyboardInterrupt,
SIGTERM takes the path Ctrl+C takes: nothing more is queued, what is in flight ends and is
recorded, state/ is written, and the same line is printed.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

__all__ = ["Terminated", "terminate_as_interrupt"]


class Terminated(KeyboardInterrupt):
    """SIGTERM reached the command: stop as after a Ctrl+C."""

    exit_code = 143
    """128 + 15, as a shell reports a command killed by SIGTERM (a Ctrl+C: 130)."""


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises Terminated in the main thread; a SIGTERM after the
    first SIGTERM or SIGINT is ignored, as the stop it asks for is already under way (waiting
    for what is in flight, writing state/) and breaking it off would lose those records (GitHub
    sends SIGTERM ~7.5 s after its SIGINT); SIGKILL still ends it. SIGINT acts as before."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set a handler (an in-process caller's thread)
        return
    previous = signal.getsignal(signal.SIGTERM)
    previous_int = signal.getsignal(signal.SIGINT)

    def stop(_signum: int, _frame: FrameType | None) -> None:
        """Start stopping once; later SIGTERMs change nothing."""
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Terminated

    signal.signal(signal.SIGTERM, stop)
    # Only a Python handler is wrapped: an ignored SIGINT stays ignored, a default one kills.
    if callable(previous_int):
        signal.signal(signal.SIGINT, _ignoring_sigterm(previous_int))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        if callable(previous_int):
            signal.signal(signal.SIGINT, previous_int)


def _ignoring_sigterm(
    handler: Callable[[int, FrameType | None], Any],
) -> Callable[[int, FrameType | None], Any]:
    """SIGINT's `handler`, after which SIGTERM is ignored: the stop a Ctrl+C (or GitHub's first
    signal) starts is not broken off by the SIGTERM that follows it."""

    def interrupt(signum: int, frame: FrameType | None) -> Any:
        """Ignore SIGTERM, then do what SIGINT did."""
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        return handler(signum, frame)

    return interrupt
