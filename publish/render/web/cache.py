"""The build cache under `<root>/.cache/`: derived files kept between builds, safe to delete."""

from __future__ import annotations

from pathlib import Path

from publish.cache import read_file as read
from publish.cache import write_file as write

__all__ = ["cache_dir", "read", "write"]


def cache_dir(root: Path, name: str) -> Path:
    """The cache folder for one kind of derived file."""
    return root / ".cache" / name
