"""Open a file never through a symbolic link put at its path, on every system.

Linux and macOS refuse the link in the open itself (O_NOFOLLOW). Windows' Python has no such
flag, and its open follows a link: there the path is looked at (lstat) before and after the
open, and what was opened must be the file the path itself names, so a link planted before the
open, or swapped in while it happens, is refused all the same; a file to create is created with
O_EXCL, so a link swapped in cannot make one where it points.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = ["linked_folder", "open_no_follow"]

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
RETRIES = 5
"""Looks at a path that keeps changing between the look and the open before giving up."""


def _refused(path: Path) -> OSError:
    """The error an O_NOFOLLOW open of a symbolic link raises (ELOOP)."""
    return OSError(errno.ELOOP, "Too many levels of symbolic links (not followed)", str(path))


def open_no_follow(path: Path, flags: int, mode: int = 0o644) -> int:
    """os.open(path, flags, mode), raising OSError (ELOOP) instead of opening through a
    symbolic link at `path`; other errors as os.open raises them."""
    if NOFOLLOW:
        return os.open(path, flags | NOFOLLOW, mode)
    creating = bool(flags & os.O_CREAT)
    if creating and flags & os.O_EXCL:
        return os.open(path, flags, mode)  # never follows a link: any name there fails it
    error: OSError = _refused(path)
    for _ in range(RETRIES):
        try:
            named = os.lstat(path)
        except FileNotFoundError as missing:
            if not creating:
                raise
            try:
                # O_EXCL fails on any name there, a link (even to nowhere) put since the look
                # included: the file is made here, never wherever a link points.
                return os.open(path, flags | os.O_EXCL, mode)
            except FileExistsError:
                error = missing
                continue  # made meanwhile: look at what it is
        if stat.S_ISLNK(named.st_mode):
            raise _refused(path)
        try:
            # No O_CREAT: a link swapped in to a missing file must not make that file.
            fd = os.open(path, flags & ~os.O_CREAT, mode)
        except FileNotFoundError as missing:
            if not creating:
                raise
            error = missing
            continue  # removed, or a link to nowhere swapped in: look again
        _check_same(path, fd)
        return fd
    raise error


def _check_same(path: Path, fd: int) -> None:
    """Close `fd` and refuse when the path is a link now or names another file than `fd`."""
    try:
        named = os.lstat(path)
        opened = os.fstat(fd)
        # A link swapped in between the look and the open: the path is a link now, or names
        # another file than the one opened (a file system without file ids gives 0: no proof).
        # Not verified: that lstat (by path) and fstat (by handle) give the same st_ino on
        # ReFS, whose file ids are 128-bit; if they differed, a plain file there would be
        # refused as a link (never a link taken for a file).
        same = (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino) or not (
            named.st_ino and opened.st_ino
        )
        if stat.S_ISLNK(named.st_mode) or not same:
            raise _refused(path)
    except BaseException:
        os.close(fd)
        raise


def linked_folder(folder: Path, top: Path) -> Path | None:
    """The first folder from `top` (not included) down to `folder` that is a symbolic link, else
    None: a file written under it would land where the link points, maybe out of the project."""
    try:
        parts = folder.relative_to(top).parts
    except ValueError:
        return folder
    below = top
    for part in parts:
        below = below / part
        if below.is_symlink():
            return below
    return None
