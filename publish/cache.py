"""Rendered fragments kept between builds in `<root>/.cache/fragments.sqlite`, safe to delete.

A fragment (a bulletin's body HTML, …) is stored under a digest of everything it is made
from plus `salt(root)`: the tool's version and source code, and site.toml. So an edit to the
tool or to site.toml makes every old entry unreachable, and a stale entry can never be used.
Deleting `.cache/` at any time only costs speed. Worker processes open their own connection;
a cache that cannot be opened or written is skipped silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sqlite3
from functools import cache
from pathlib import Path

import publish

__all__ = ["FRAGMENTS", "Fragments", "digest", "salt"]

FRAGMENTS = "fragments.sqlite"
_PACKAGE = Path(publish.__file__).resolve().parent


@cache
def _tool_digest() -> str:
    """Digest of the tool's version and of every source file, so any code change invalidates."""
    h = hashlib.sha256(publish.__version__.encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        h.update(path.relative_to(_PACKAGE).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def salt(root: Path) -> str:
    """What every key includes: the tool and site.toml."""
    try:
        config = (root / "site.toml").read_bytes()
    except OSError:
        config = b""
    return hashlib.sha256(_tool_digest().encode() + b"\0" + config).hexdigest()


def digest(*parts: object) -> str:
    """A stable key from strings, bytes, numbers, tuples and None."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


class Fragments:
    """A key → value store (values pickled) under `<root>/.cache/`."""

    def __init__(self, root: Path) -> None:
        """Open lazily: nothing is created until the first read or write."""
        self.path = root / ".cache" / FRAGMENTS
        self.salt = salt(root)
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._broken = False

    def _db(self) -> sqlite3.Connection | None:
        """This process's connection (a forked worker opens its own), or None when unusable."""
        if self._broken:
            return None
        if self._connection is None or self._pid != os.getpid():
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=OFF")  # a lost entry is only re-rendered
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS fragment (key TEXT PRIMARY KEY, value BLOB)"
                )
            except (sqlite3.Error, OSError):  # e.g. .cache is a file, or read-only
                self._broken = True
                return None
            self._connection, self._pid = connection, os.getpid()
        return self._connection

    def key(self, kind: str, *parts: object) -> str:
        """The key of a fragment of `kind` made from `parts`."""
        return digest(self.salt, kind, *parts)

    def get(self, key: str) -> object | None:
        """The stored value, or None."""
        db = self._db()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM fragment WHERE key = ?", (key,)).fetchone()
            return None if row is None else pickle.loads(row[0])
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, value: object) -> None:
        """Store a value (best effort)."""
        db = self._db()
        if db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            db.execute(
                "INSERT OR REPLACE INTO fragment (key, value) VALUES (?, ?)",
                (key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)),
            )
