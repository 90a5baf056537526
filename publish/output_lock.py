"""One writer of a project's output/ and .cache/ at a time, across processes.

`publish serve` rebuilding while `publish build` (or `publish sync`) runs in a second terminal
would interleave their moves into output/ and their records in .cache/ (and `publish check`, a
sync's dry run, which build in memory, prune .cache/images/ to what they used). Each takes the
output lock first; the second one waits, saying which command it waits for, and stops with a
message when that takes too long.

A sync lets go of the output lock once it has written output/, and sends what it wrote to Zalo
and the radio folder under a second lock, on output/zalo and output/radio only: a `publish
build` that writes those waits for it, `publish serve`, which writes only output/web, does not
(a sync sending many articles may take longer than any wait limit).

The lock is the operating system's lock on .cache/output.lock (and .cache/channels.lock), flock
on Linux and macOS, a byte range lock on Windows, never the file's existence: the system lets go
of it when the process holding it ends, however it ends (Ctrl-C, a crash, the power cut), so no
lock is ever left behind to block the editor. The file only says who holds the lock, for the
message. Both kinds of lock work on a file opened read-only, as one that a `sudo publish build`
left to root must be.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from publish.errors import Busy, PublishError, os_reason
from publish.file_lock import release, try_lock, wait_for
from publish.no_follow import open_no_follow

__all__ = [
    "CHANNELS_LOCK_NAME",
    "LOCK_NAME",
    "WAIT_SECONDS",
    "Abandoned",
    "channels_lock",
    "output_lock",
    "output_lock_if_free",
]

LOCK_NAME = "output.lock"
CHANNELS_LOCK_NAME = "channels.lock"
WAIT_SECONDS = 10 * 60
"""How long a command waits for another: a build of 10,000 bulletins takes about a minute, a
sync longer while it sends; ten minutes is more likely a command left hanging than a slow one."""
POLL_SECONDS = 0.2


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
    """Hold the project's output lock as `command` ("build", "sync", "serve", "check"); while
    another command holds it, say so through `echo` (stderr) and wait up to `limit` seconds, then
    raise Busy. `stopping`: when it turns true while waiting, raise Abandoned. `tz`: the site's
    clock, which the other command's start is told on (the machine's may be UTC)."""
    with _hold(root / ".cache" / LOCK_NAME, command, _OUTPUT, echo, limit, stopping, tz):
        yield


@contextmanager
def output_lock_if_free(root: Path, command: str) -> Iterator[bool]:
    """Hold the project's output lock as `command` if no other command holds it (True), else go
    on without it (False), saying nothing: for a small write to .cache/ that may as well not be
    made, where waiting for a preview's rebuild would cost the editor more than it saves."""
    fd = _open(root / ".cache" / LOCK_NAME, lambda _message: None)  # warned when first taken
    if fd is None:
        yield False
        return
    try:
        if not _take(fd):
            yield False
            return
        _write_holder(fd, command)
        try:
            yield True
        finally:
            release(fd)
    finally:
        os.close(fd)


@contextmanager
def channels_lock(
    root: Path,
    command: str,
    *,
    echo: Callable[[str], None] | None = None,
    limit: float = WAIT_SECONDS,
    tz: dt.tzinfo | None = None,
) -> Iterator[None]:
    """Hold the lock on output/zalo and output/radio as `command`: a sync holds it while it sends
    what it built there (after letting go of the output lock, so that `publish serve`, which
    writes only output/web, is not kept waiting), a build that writes them takes it before the
    output lock. Waits and raises Busy as output_lock does."""
    with _hold(root / ".cache" / CHANNELS_LOCK_NAME, command, _SENDING, echo, limit, None, tz):
        yield


@dataclass(frozen=True, slots=True)
class _Words:
    """What a lock guards, in the messages of a command waiting for it."""

    doing: str
    """What the holder does, after its name: "đang ghi vào output/ của dự án này"."""
    then: str
    """What the waiting command does once it has the lock."""
    meanwhile: str
    """What the editor may do instead of waiting (may be empty)."""
    what_to_do: str
    """How to go on after a wait in vain."""


_OUTPUT = _Words(
    "đang ghi vào output/ của dự án này",
    "rồi mới dựng",
    "",
    "xem cửa sổ dòng lệnh đang chạy lệnh kia; nếu nó bị treo, nhấn Ctrl-C ở đó (hoặc đóng cửa "
    "sổ) rồi chạy lại lệnh này",
)
_SENDING = _Words(
    "đang đồng bộ Zalo và đài phát thanh theo output/zalo/ và output/radio/",
    "gửi xong rồi mới ghi vào đó",
    "; chỉ dựng website thì không phải chờ: publish build --channel web",
    "chạy lại lệnh này khi lệnh kia xong (gửi nhiều bài lên Zalo có thể mất lâu: xem cửa sổ "
    "dòng lệnh đang chạy nó), hoặc chỉ dựng website: publish build --channel web",
)


_READING = dataclasses.replace(_OUTPUT, doing="đang đọc dự án này (chỉ ghi vào .cache/)")
"""The same, held by a command that writes nothing in output/ (its words said it did)."""
READERS = frozenset({"check", "zalo-preview"})
"""The commands that hold the output lock only to share .cache/ (loaded bulletins, images)."""
_COMMAND_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")
"""A command's name as a holder writes it ("build", "zalo-preview")."""


@contextmanager
def _hold(
    path: Path,
    command: str,
    words: _Words,
    echo: Callable[[str], None] | None,
    limit: float,
    stopping: Callable[[], bool] | None,
    tz: dt.tzinfo | None,
) -> Iterator[None]:
    """Hold the lock on `path` as `command`, waiting for another holder as the callers say."""
    fd = _open(path, echo or _stderr)
    if fd is None:
        # A .cache/ that cannot be written to: the build says so itself when it writes there.
        # Building unlocked is better than an editor who cannot preview at all.
        yield
        return
    try:
        if not _take(fd):
            command, holder = _holder(path, tz)
            if command in READERS:
                words = _READING
            elif command != "sync":
                words = _OUTPUT  # a build holds the channels' lock only to write them
            (echo or _stderr)(
                f"Lệnh {holder} {words.doing}: chờ nó {words.then} (tối đa {_minutes(limit)}; "
                f"nhấn Ctrl-C để thôi{words.meanwhile})…"
            )
            if not wait_for(lambda: _take(fd), limit, POLL_SECONDS, stopping):
                if stopping is not None and stopping():
                    raise Abandoned()
                raise Busy(_busy_message(holder, limit, path, words))
        _write_holder(fd, command)
        try:
            yield
        finally:
            release(fd)
    finally:
        os.close(fd)


def _open(path: Path, echo: Callable[[str], None]) -> int | None:
    """Open (creating) the lock file itself; read-only, with a warning, when it may not be
    written (left by a `sudo publish build`): the lock holds all the same. None when it can
    neither be created nor opened. A symlink or a folder there is refused."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = open_no_follow(path, os.O_RDWR | os.O_CREAT | _BINARY, 0o644)
    except OSError as exc:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise PublishError(_not_a_file(path)) from None
        try:
            fd = open_no_follow(path, os.O_RDONLY | _BINARY)
        except OSError:
            return None
        echo(
            f"Cảnh báo: không ghi được vào tệp khóa {path} ({os_reason(exc)}; thường do một lần "
            "chạy lệnh bằng sudo): khóa vẫn giữ được, nhưng lệnh khác phải chờ lệnh này sẽ không "
            "biết đó là lệnh nào. Cách sửa: trả tệp về cho người dùng này, ví dụ "
            f"sudo chown $USER {path}, hoặc xóa tệp khi không có lệnh publish nào đang chạy."
        )
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise PublishError(_not_a_file(path))
    return fd


def _not_a_file(path: Path) -> str:
    """Why a lock path that is a symlink (or a folder) is refused, and how to fix it."""
    # Another holder could lock the symlink's target while this one locked a new file there:
    # the lock would be no lock, and writing the holder's line through it overwrites that file.
    return (
        f"khóa {path} không phải một tệp thường (là một liên kết tượng trưng hay thư mục…): lệnh "
        "không mở theo nó, vì khi đó hai lệnh có thể cùng ghi vào output/, và ghi qua nó có thể "
        "ghi đè một tệp khác trên máy. Chưa ghi gì. Cách sửa: xóa "
        f"{path} (khi không có lệnh publish nào đang chạy) rồi chạy lại; lệnh tự tạo lại tệp khóa."
    )


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


def _holder(path: Path, tz: dt.tzinfo | None) -> tuple[str, str]:
    """The command holding the lock ("serve"), and as the editor is told it, from its line:
    "'publish serve' (tiến trình số 1234, từ 09:12)"."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            pid, command, since = [*handle.readline().split(), "", "", ""][:3]
        started = dt.datetime.fromisoformat(since).astimezone(tz) if since else None
    except (OSError, ValueError):
        pid, command, started = "", "", None
    # «zalo-preview» was no name to it (isalpha): the approver was told of «'publish' khác».
    name = f"'publish {command}'" if _COMMAND_RE.fullmatch(command) else "'publish' khác"
    details = [f"tiến trình số {pid}"] if pid.isdigit() else []
    if started is not None:
        details.append(f"từ {started:%H:%M}")
    return command, f"{name} ({', '.join(details)})" if details else name


def _busy_message(holder: str, waited: float, path: Path, words: _Words) -> str:
    """What a command that waited in vain tells the editor."""
    return (
        f"đã chờ {_minutes(waited)} mà lệnh {holder} vẫn {words.doing}. "
        f"Lần này không ghi gì: output/ giữ nguyên. Cách xử lý: {words.what_to_do}. "
        f"Khóa .cache/{path.name} tự mở khi lệnh kia kết thúc, kể cả khi nó bị ngắt: không cần "
        "xóa tệp nào."
    )


def _minutes(seconds: float) -> str:
    """A wait in whole minutes (seconds when under one)."""
    return f"{round(seconds / 60)} phút" if seconds >= 60 else f"{seconds:g} giây".replace(".", ",")


def _stderr(message: str) -> None:
    """Print a line to stderr at once."""
    print(message, file=sys.stderr, flush=True)
