"""The radio build cache under `<root>/.cache/radio/`: episodes' Word files.

Building an episode's script.docx is one of the slow parts of the radio channel, and between two
builds almost every episode is unchanged (finished read items are kept on a shelf of the
fragment cache instead, see episode.py). An entry's key is a hash of everything that decides
it — the episode's paragraphs and settings, and a fingerprint of this tool: its version, the
source of publish/radio/, publish/render/radio/ and the few modules they read Markdown with, and
the Python, Unicode, python-docx and zlib versions — so an entry is never stale, only unused.
Each file starts with a checksum line, so a damaged entry is rebuilt, never used. A build that
made Word files keeps only the most recently used ones (see `Store.prune`). The folder is safe
to delete at any time; a cache that cannot be read or written (read-only checkout, full disk)
is skipped.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import json
import os
import sys
import tempfile
import unicodedata
import zlib
from pathlib import Path

import publish

__all__ = ["Store", "fingerprint", "folder"]

_CODE_PACKAGES = ("radio", "render/radio")
"""Folders under publish/ whose source decides the output: any edit there invalidates the cache."""
_CODE_FILES = ("markdown_code.py", "markdown_comments.py", "sanitize.py", "shortcodes.py")
"""Modules elsewhere under publish/ that decide what is read aloud (what is code, a hidden
comment, a shortcode or markup): an edit to one invalidates the cache as well."""


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=repr)


def folder(root: Path) -> Path:
    """The radio cache folder of a project."""
    return root / ".cache" / "radio"


def _docx_version() -> str:
    """python-docx's version, read from its metadata: importing the library for its
    `__version__` took a tenth of a second in processes that write no Word file."""
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):
        return importlib.metadata.version("python-docx")
    return ""


@functools.cache
def fingerprint() -> str:
    """A hash of the tool version, the radio code and the libraries its output depends on."""
    digest = hashlib.sha256()
    versions = (
        publish.__version__,
        sys.version_info[:2],
        unicodedata.unidata_version,
        _docx_version(),
        zlib.ZLIB_RUNTIME_VERSION,
    )
    digest.update(repr(versions).encode())
    base = Path(publish.__file__).parent
    for package in _CODE_PACKAGES:
        for path in sorted((base / package).iterdir()):
            if path.suffix in (".py", ".tsv"):
                digest.update(f"\0{package}/{path.name}\0".encode())
                digest.update(path.read_bytes())
    for name in _CODE_FILES:
        digest.update(f"\0{name}\0".encode())
        digest.update((base / name).read_bytes())
    return digest.hexdigest()


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
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: `prune` removes the least recently used first
        return data

    def put(self, key: str, data: bytes) -> None:
        """Store an entry atomically, behind a checksum line that `get` verifies."""
        path = self._path(key)
        if path is None:
            return
        temp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
            with os.fdopen(fd, "wb") as handle:
                handle.write(hashlib.sha256(data).hexdigest().encode() + b"\n" + data)
            os.replace(temp, path)
            temp = None
        except OSError:
            pass  # no cache this time; the build itself is unaffected
        finally:
            if temp is not None:
                with contextlib.suppress(OSError):
                    Path(temp).unlink(missing_ok=True)

    def prune(self, keep: int) -> int:
        """Remove all but the `keep` most recently used entries (best effort); how many went.

        Entries are keyed by content, so each edit adds one and nothing else ever removes the
        old ones: a CI cache kept between runs would grow by a Word file per edited episode.
        """
        if self.folder is None:
            return 0
        entries = []
        for path in self.folder.glob(f"*/*{self.suffix}"):
            with contextlib.suppress(OSError):
                entries.append((path.stat().st_mtime_ns, path))
        entries.sort(reverse=True)
        removed = 0
        for _, path in entries[max(0, keep) :]:
            with contextlib.suppress(OSError):
                os.unlink(path)
                removed += 1
        return removed
