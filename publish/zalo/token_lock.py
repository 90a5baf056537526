"""The token file's lock file and folders are there for a token file: a run that leaves none
(a refresh Zalo refused, with no token file before it) takes them away again.

Removing a lock file others may have open is safe only because every taker checks, once it
holds the lock, that the file it locked is still the one at the lock's path (still_placed), and
starts again otherwise: a waiter on the removed file never believes it holds the lock.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

__all__ = ["missing_folders", "still_placed", "unplace"]


def missing_folders(folder: Path) -> list[Path]:
    """`folder` and those of its parents that do not exist yet, innermost first."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def still_placed(fd: int, path: Path) -> bool:
    """Whether the open file `fd` is still the file at `path` (not removed nor replaced)."""
    if sys.platform == "win32":
        return True  # an open file cannot be removed there: unplace leaves it
    try:
        placed = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (placed.st_dev, placed.st_ino) == (opened.st_dev, opened.st_ino)


def unplace(lock_path: Path, folders: list[Path]) -> None:
    """With the lock held: remove the lock file, then `folders` (innermost first) while empty."""
    with contextlib.suppress(OSError):
        lock_path.unlink()
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return
