"""The radio build cache under `<root>/.cache/radio/`: episodes' Word files.

Building an episode's script.docx is one of the slow parts of the radio channel, and between two
builds almost every episode is unchanged (finished read items are kept on a shelf of the
fragment cache instead, see episode.py). An entry's key is a hash of everything that decides
it — the episode's paragraphs and settings, and a fingerprint of this tool: its version, the
source of every module of publish/ (as the fragment cache's salt) and the data files the radio
reads, and the Python, Unicode, python-docx and zlib versions — so an entry is never stale, only
unused.
Each file starts with a checksum line, so a damaged entry is rebuilt, never used.

Only the entries of the current episodes are kept: CI keeps `.cache/` between runs, and an
episode's old script.docx would hold the text of a bulletin withdrawn since (one that named a
person by mistake). A small index (`index.json`, episode week → key) says which entry each
episode uses; an episode passed on unchanged keeps its entry by the index's word (its plan is
never laid out again), and `Store.settle` removes at the end of each build the entries the index
no longer names: the one an episode's new document replaced, and those of episodes gone. A
journal (`written.txt`, a key a line) lists the entries written since the index was last saved,
so one a build wrote before it was stopped is removed too. Without an index (a cache written by
an earlier version, or a damaged index) the folder is swept once. The folder is safe to delete
at any time; a cache that cannot be read or written (read-only checkout, full disk) is skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from publish.cache import fingerprint

__all__ = ["Store", "folder"]


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=repr)
INDEX = "index.json"
"""Beside the entries: name (an episode's week) → the key of the entry it uses."""
JOURNAL = "written.txt"
"""Beside the entries: the key of each entry written since the index was last saved."""
_KEY = re.compile(r"[0-9a-f]{64}")
"""What a key looks like (anything else in the index or journal names no entry)."""


def folder(root: Path) -> Path:
    """The radio cache folder of a project."""
    return root / ".cache" / "radio"


class Store:
    """Entries of one kind (e.g. "docx") in a project's radio cache; None: no cache."""

    def __init__(self, root: Path | None, kind: str, suffix: str) -> None:
        """Keep entries under `<root>/.cache/radio/<kind>/`, files ending in `suffix`."""
        self.folder = folder(root) / kind if root is not None else None
        self.suffix = suffix

    @staticmethod
    def key(*parts: object) -> str:
        """The entry key for JSON-serialisable parts (other values, e.g. options, by their repr),
        with the tool fingerprint mixed in."""
        digest = hashlib.sha256(fingerprint().encode())
        for part in parts:
            # A text is hashed as it is; the C JSON encoder is several times faster than repr()
            # on Vietnamese text (an episode's script plan is hundreds of kilobytes).
            text = part if isinstance(part, str) else _JSON.encode(part)
            data = (b"s" if isinstance(part, str) else b"j") + text.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path | None:
        """Where the entry lives (two-character fan-out keeps folders small at 10,000 entries)."""
        return self.folder / key[:2] / f"{key}{self.suffix}" if self.folder else None

    def get(self, key: str) -> bytes | None:
        """The entry's bytes, or None when absent, unreadable, damaged or caching is off."""
        path = self._path(key)
        if path is None:
            return None
        try:
            stored = path.read_bytes()
        except OSError:
            return None
        checksum, _, data = stored.partition(b"\n")
        if checksum != hashlib.sha256(data).hexdigest().encode():
            return None  # cut short or altered on disk: rebuild it
        return data

    def put(self, key: str, data: bytes) -> None:
        """Store an entry atomically, behind a checksum line that `get` verifies."""
        path = self._path(key)
        if path is None:
            return
        temp = _part(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Journaled before it exists: an entry a stopped build wrote is still found by `settle`.
            with open(path.parent.parent / JOURNAL, "a", encoding="ascii") as journal:
                journal.write(key + "\n")
            temp.unlink(missing_ok=True)  # left by a stopped build
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd, "wb") as handle:
                handle.write(hashlib.sha256(data).hexdigest().encode() + b"\n" + data)
            os.replace(temp, path)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)  # no cache this time; the build is unaffected

    def index(self) -> dict[str, str] | None:
        """The entry each name (an episode's week) used when the index was last saved; None when
        there is no readable index (no cache yet, or one an earlier version wrote)."""
        if self.folder is None:
            return None
        try:
            loaded = json.loads((self.folder / INDEX).read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(loaded, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and _KEY.fullmatch(v)
            for k, v in loaded.items()
        ):
            return None
        return loaded

    def settle(self, index: dict[str, str], before: dict[str, str] | None) -> int:
        """Save `index` (name → key of the entries in use) and remove every entry it does not
        name that `before` (the index read at the start of the build) or the journal does, or
        every one in the folder when there was no index (best effort); how many went."""
        if self.folder is None:
            return 0
        journal = self.folder / JOURNAL
        try:
            written = journal.read_text("ascii").split()
        except (OSError, ValueError):
            written = []
        if before is None and not index and not written and not self.folder.is_dir():
            return 0  # no Word file was ever cached: no folder made for an empty index
        if index != before or written:
            try:
                _write_atomic(self.folder / INDEX, _JSON.encode(index).encode())
            except OSError:
                return 0  # the old index still names the entries to remove next time
        used = set(index.values())
        if before is None:
            stale = [p for p in self.folder.glob(f"*/*{self.suffix}") if p.stem not in used]
            parts = list(self.folder.glob("*/.*.part"))
        else:
            names = {*before.values(), *written} - used
            stale = [path for key in names if _KEY.fullmatch(key) and (path := self._path(key))]
            # One a build stopped while writing holds part of a document.
            parts = [
                _part(path) for key in written if _KEY.fullmatch(key) and (path := self._path(key))
            ]
        for part in parts:
            with contextlib.suppress(OSError):
                part.unlink()
        removed = 0
        for path in stale:
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
        with contextlib.suppress(OSError):
            journal.unlink(missing_ok=True)
        return removed


def _part(path: Path) -> Path:
    """Where an entry is written before it replaces `path` whole."""
    return path.with_name(f".{path.name}.part")


def _write_atomic(path: Path, data: bytes) -> None:
    """Replace a file with `data` whole, or leave it as it was (OSError)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
