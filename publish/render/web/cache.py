"""The build cache under `<root>/.cache/`: derived files kept between builds, safe to delete."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["cache_dir", "read", "write"]


def cache_dir(root: Path, name: str) -> Path:
    """The cache folder for one kind of derived file."""
    return root / ".cache" / name


def read(path: Path) -> bytes | None:
    """A cache entry's bytes, or None when absent or unreadable."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def write(path: Path, data: bytes) -> None:
    """Store a cache entry atomically; a cache that cannot be written is simply skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except OSError:
        pass
