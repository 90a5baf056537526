"""An operating system lock on an open file, the same on Linux, macOS and Windows.

flock on Linux and macOS; on Windows, where there is no fcntl, a lock on one byte (msvcrt). Either
way the system lets go of it when the process holding it ends, however it ends, so no lock is ever
left behind; the lock file's content never counts. The output lock, the sync lock and the Zalo
token file's lock all take theirs here, each with its own waiting and messages.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from collections.abc import Callable

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

__all__ = ["HELD_ERRNOS", "WINDOWS_LOCKED_BYTE", "release", "try_lock", "wait_for"]

HELD_ERRNOS = frozenset(
    {errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)}
)
"""What taking a lock another process holds fails with (flock, Windows' byte locks: "permission
denied" or "deadlock")."""
WINDOWS_LOCKED_BYTE = 1 << 20
"""Windows locks bytes, and no other process may read locked ones: the byte locked lies far past
the holder's line that a lock file may hold, which a waiting command reads for its message."""


def try_lock(fd: int) -> bool:
    """Take the exclusive lock on `fd` without waiting: True when taken, False when another
    process (or another open file of this one) holds it. Raises OSError when the file system
    cannot lock at all (some network shares): each caller decides what that means."""
    try:
        if sys.platform == "win32":
            os.lseek(fd, WINDOWS_LOCKED_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in HELD_ERRNOS:
            return False
        raise
    return True


def release(fd: int) -> None:
    """Let go of the lock on `fd` now (closing the file does too; Windows may take a while
    after a close, so a lock is let go of first)."""
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            os.lseek(fd, WINDOWS_LOCKED_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)


def wait_for(
    take: Callable[[], bool],
    seconds: float,
    poll: float,
    stopping: Callable[[], bool] | None = None,
) -> bool:
    """Call `take` every `poll` seconds until it takes the lock (True), or `seconds` have passed
    or `stopping()` turned true (False): the one wait of the output, sync and token locks."""
    deadline = time.monotonic() + seconds
    while not take():
        if time.monotonic() >= deadline or (stopping is not None and stopping()):
            return False
        time.sleep(max(0.0, min(poll, deadline - time.monotonic())))
    return True
