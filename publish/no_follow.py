"""Open a file never through a symbolic link put at its path, on every system.

Linux and macOS refuse the link in the open itself (O_NOFOLLOW). Windows' Python has no such
flag, and its open follows a link: there the path is looked at (lstat) before and after the
open, and what was opened must be the file the path itself names, so a link planted before the
open, or swapped in while it happens, is refused all the same.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

__all__ = ["open_no_follow"]

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _refused(path: Path) -> OSError:
    """The error an O_NOFOLLOW open of a symbolic link raises (ELOOP)."""
    return OSError(errno.ELOOP, "Too many levels of symbolic links (not followed)", str(path))


def open_no_follow(path: Path, flags: int, mode: int = 0o644) -> int:
    """os.open(path, flags, mode), raising OSError (ELOOP) instead of opening through a
    symbolic link at `path`; other errors as os.open raises them."""
    if NOFOLLOW:
        return os.open(path, flags | NOFOLLOW, mode)
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISLNK(os.lstat(path).st_mode):
            raise _refused(path)
    fd = os.open(path, flags, mode)
    try:
        named = os.lstat(path)
        opened = os.fstat(fd)
        # A link swapped in between the look and the open: the path is a link now, or names
        # another file than the one opened (a file system without file ids gives 0: no proof).
        same = (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino) or not (
            named.st_ino and opened.st_ino
        )
        if stat.S_ISLNK(named.st_mode) or not same:
            raise _refused(path)
    except BaseException:
        os.close(fd)
        raise
    return fd
