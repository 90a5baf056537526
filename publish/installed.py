"""Which libraries (distributions) are installed, and their versions, read without
importlib.metadata where the metadata folder's name says it (see `libraries`).

A build keys what it keeps on the versions of the libraries that shape its output (the replay
of a no-op build: all of them; the website's pages: Jinja, Markdown, nh3, Pillow…).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from pathlib import Path

_READ: list[tuple[tuple[tuple[str, int], ...], tuple[tuple[str, str], ...]]] = []
"""The last answer of libraries and the sys.path folders' modification times it was read at."""


def libraries() -> tuple[tuple[str, str], ...]:
    """The (normalised name, version) of every distribution on sys.path, read again only when
    a folder of sys.path changed (an install or upgrade adds or renames a metadata folder in
    it): `publish serve` and the test suite build many times in one process (~25 ms a read)."""
    seen: list[tuple[str, int]] = []
    for folder in sys.path:
        with contextlib.suppress(OSError):
            seen.append((os.path.abspath(folder or "."), os.stat(folder or ".").st_mtime_ns))
    key = tuple(seen)
    if _READ and _READ[0][0] == key:
        return _READ[0][1]
    found = _read_libraries()
    _READ[:] = [(key, found)]
    return found


def _read_libraries() -> tuple[tuple[str, str], ...]:
    """The (normalised name, version) of every distribution installed on sys.path.

    A set: run from the project folder, its publish.egg-info lists the tool a second time, and
    `python -m publish` there must replay a build made by `publish` elsewhere. A wheel's
    metadata folder is named `{name}-{version}.dist-info`, which is read instead of its METADATA
    file: parsing those of ~60 libraries was ~0.05 s of every no-op build and sync.
    """
    found: set[tuple[str, str]] = set()
    for folder in sys.path:
        with contextlib.suppress(OSError), os.scandir(folder or ".") as entries:
            for entry in entries:
                if entry.name.endswith(".dist-info"):
                    name, dash, version = entry.name[: -len(".dist-info")].partition("-")
                    if dash and name and version and "-" not in version:
                        found.add((_normalised(name), version))
                        continue
                if entry.name.endswith((".dist-info", ".egg-info", ".egg")):
                    # Imported here: a wheel's folder name is enough, and loading
                    # importlib.metadata (email, zipfile, csv…) was ~15 ms of every no-op build.
                    import importlib.metadata

                    with contextlib.suppress(Exception):  # unreadable: as importlib skips it
                        meta = importlib.metadata.PathDistribution(_meta_folder(entry.path))
                        found.add((_normalised(meta.metadata["Name"] or ""), meta.version))
    return tuple(sorted(found))


def _meta_folder(path: str) -> Path:
    """Where a distribution's metadata is: an egg keeps it in EGG-INFO."""
    return Path(path, "EGG-INFO") if path.endswith(".egg") else Path(path)


def _normalised(name: str) -> str:
    """A distribution name as PEP 503 compares it (folder names escape it, metadata does not)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def version(name: str) -> str | None:
    """The installed version of the distribution `name` (any spelling PEP 503 matches), None
    when it is not installed. Copies on several folders of sys.path (a user install beside the
    venv's): every version, joined by "+", so that what keys on it changes with any of them
    (which one Python imports is not told by the folder names alone)."""
    wanted = _normalised(name)
    found = [seen for known, seen in libraries() if known == wanted]
    return "+".join(found) if found else None
