"""A job's result, or its error in a form that survives pickling: all a worker process needs of
`parallel`. Imports nothing at start-up, so a fresh worker (`publish.worker`) does not load
multiprocessing, subprocess and the error classes before its first job (~20 ms of each start).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

__all__ = ["Failed", "call"]

T = TypeVar("T")


class Failed:
    """A job's exception, carried back in a form that survives pickling."""

    def __init__(self, exc: BaseException) -> None:
        """Keep what is needed to raise the same error in the parent."""
        # Imported here, on the rare failure, not by every worker at its start.
        import traceback

        from publish.errors import ContentError, PublishError

        self.problems = getattr(exc, "problems", None) if isinstance(exc, ContentError) else None
        self.kind = type(exc) if isinstance(exc, PublishError) else None
        self.message = str(exc)
        self.trace = "".join(traceback.format_exception(exc))

    def reraise(self) -> None:
        """Raise it again in this process."""
        from publish.errors import ContentError

        if self.problems is not None:
            raise ContentError(self.problems)
        if self.kind is not None:
            raise self.kind(self.message)
        raise RuntimeError(f"lỗi trong tiến trình dựng song song:\n{self.trace}")


def call(job: Callable[[], T]) -> T | Failed:
    """A job's result, or its exception in a form that survives pickling (runs in a worker)."""
    try:
        return job()
    except Exception as exc:  # re-raised in the parent
        return Failed(exc)
