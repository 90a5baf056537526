"""One writer of a project's output/ and .cache/ at a time, across processes.

`publish serve` rebuilding while `publish build` (or `publish sync`) runs in a second terminal
would interleave their moves into output/ and their records in .cache/. Each takes this lock
first; the second one waits, saying which command it waits for, and stops with a message when
that takes too long.

The lock is the operating system's lock on .cache/output.lock (flock on Linux and macOS, a byte
range lock on Windows), never the file's existence: the system lets go of it when the process
holding it ends, however it ends (Ctrl-C, a crash, the power cut), so no lock is ever left behind
to block the editor. The file only says who holds the lock, for the message.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from publish.errors import Busy
from publish.file_lock import release, try_lock

__all__ = ["LOCK_NAME", "WAIT_SECONDS", "Abandoned", "output_lock"]

LOCK_NAME = "output.lock"
WAIT_SECONDS = 10 * 60
"""How long a command waits for another: a build of 10,000 bulletins takes about a minute, a
sync longer while it sends; ten minutes is more likely a command left hanging than a slow one."""
POLL_SECONDS = 0.2


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
"""Never write the holder's line through a symlink put there to another file."""
_BINARY = getattr(os, "O_BINARY", 0)
"""Windows opens in text mode otherwise."""


class Abandoned(Exception):
    """The waiting command was asked to stop (the preview server is closing) before its turn."""


@contextmanager
def output_lock(
    root: Path,
    command: str,
    *,
    echo: Callable[[str], None] | None = None,
    limit: float = WAIT_SECONDS,
    stopping: Callable[[], bool] | None = None,
    tz: dt.tzinfo | None = None,
) -> Iterator[None]:
    """Hold the project's output lock as `command` ("build", "sync", "serve"); while another
    command holds it, say so through `echo` (stderr) and wait up to `limit` seconds, then raise
    Busy. `stopping`: when it turns true while waiting, raise Abandoned. `tz`: the site's clock,
    which the other command's start is told on (the machine's may be UTC)."""
    path = root / ".cache" / LOCK_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _BINARY, 0o644)
    except OSError:
        # A .cache/ that cannot be written to: the build says so itself when it writes there.
        # Building unlocked is better than an editor who cannot preview at all.
        yield
        return
    try:
        if not _take(fd):
            holder = _holder(path, tz)
            (echo or _stderr)(
                f"Lệnh {holder} đang ghi vào output/ của dự án này: chờ nó xong rồi mới dựng "
                f"(tối đa {_minutes(limit)}; nhấn Ctrl-C để thôi)…"
            )
            deadline = time.monotonic() + limit
            while not _take(fd):
                if time.monotonic() >= deadline:
                    raise Busy(_busy_message(holder, limit))
                if stopping is not None and stopping():
                    raise Abandoned()
                time.sleep(POLL_SECONDS)
        _write_holder(fd, command)
        try:
            yield
        finally:
            release(fd)
    finally:
        os.close(fd)


def _take(fd: int) -> bool:
    """Take the lock on `fd` if no process holds it."""
    try:
        return try_lock(fd)
    except OSError:
        # A file system without locks (a network share): build as before.
        return True


def _write_holder(fd: int, command: str) -> None:
    """Write "<pid> <command> <start time>" at the start of the lock file, for a waiting
    command's message (best effort: the lock itself is what counts)."""
    started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()} {command} {started}\n".encode())
    except OSError:
        pass


def _holder(path: Path, tz: dt.tzinfo | None) -> str:
    """The command holding the lock, as its line says: "'publish serve' (tiến trình số 1234,
    từ 09:12)"."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            pid, command, since = [*handle.readline().split(), "", "", ""][:3]
        started = dt.datetime.fromisoformat(since).astimezone(tz) if since else None
    except (OSError, ValueError):
        pid, command, started = "", "", None
    name = f"'publish {command}'" if command.isalpha() else "'publish' khác"
    details = [f"tiến trình số {pid}"] if pid.isdigit() else []
    if started is not None:
        details.append(f"từ {started:%H:%M}")
    return f"{name} ({', '.join(details)})" if details else name


def _busy_message(holder: str, waited: float) -> str:
    """What a command that waited in vain tells the editor."""
    return (
        f"đã chờ {_minutes(waited)} mà lệnh {holder} vẫn đang ghi vào output/ của dự án này. "
        "Lần này không ghi gì: output/ giữ nguyên. Cách xử lý: xem cửa sổ dòng lệnh đang chạy "
        "lệnh kia; nếu nó bị treo, nhấn Ctrl-C ở đó (hoặc đóng cửa sổ) rồi chạy lại lệnh này. "
        "Khóa .cache/output.lock tự mở khi lệnh kia kết thúc, kể cả khi nó bị ngắt: không cần "
        "xóa tệp nào."
    )


def _minutes(seconds: float) -> str:
    """A wait in whole minutes (seconds when under one)."""
    return f"{round(seconds / 60)} phút" if seconds >= 60 else f"{seconds:g} giây".replace(".", ",")


def _stderr(message: str) -> None:
    """Print a line to stderr at once."""
    print(message, file=sys.stderr, flush=True)
