"""What the writer last left in output/<channel>/: each file's size, mtime, inode and digest.

Kept in `<root>/.cache/` (safe to delete: the next build compares bytes instead). A file whose
size, mtime and inode still match its entry holds the recorded bytes, so an unchanged page is
neither read back nor hashed; a hand edit changes the mtime and is noticed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

from publish.cache import file_sha256, read_file, write_file
from publish.model import Kept

__all__ = ["OUTPUTS_DIR", "Entry", "Ledger", "ledger_file", "output_key", "scan", "stat_entry"]

Entry = tuple[int, int, int, str]
"""(size, mtime_ns, inode, sha256 hex) of one output file."""

_VERSION = 1
_RACY_NS = 1_000_000_000
"""A folder changed this close to when its stat was taken may change again within the same
timestamp tick without its stat showing it: its stat is not kept (as publish.replay.settled)."""


class _Entries(dict[str, Entry]):
    """A ledger file's entries as loaded, shared while any ledger holds them (never changed in
    place: a ledger that saves takes a new dict)."""

    __slots__ = ("__weakref__",)


_LOADED: weakref.WeakValueDictionary[tuple[str, int, int, int], _Entries] = (
    weakref.WeakValueDictionary()
)
"""Entries loaded and still held, by the ledger file's path and stat: at 10,000 bulletins with
a photo each the web ledger is ~15 MB in memory, and the writer's and the web renderer's
ledgers held a copy each through the web phase."""


def _unshare(path: Path) -> None:
    """Let no later ledger take the shared entries of a file about to change (a new file may
    get the old one's inode, size and, within a clock tick, mtime)."""
    for stamp in [s for s in list(_LOADED.keys()) if s[0] == str(path)]:
        _LOADED.pop(stamp, None)


def _same_stat(st: os.stat_result, entry: Entry) -> bool:
    """Whether a file's stat has the size, mtime and inode recorded in `entry`."""
    return st.st_ino == entry[2] and st.st_mtime_ns == entry[1] and st.st_size == entry[0]


def stat_entry(path: Path, digest: str) -> Entry | None:
    """The entry of a file just written or verified, or None when it cannot be read."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino, digest)


OUTPUTS_DIR = "outputs"
"""The folder of .cache/ that records what was written to each output folder."""


def output_key(output: Path) -> str:
    """A short name for an output folder (`publish build --output` may name another), under
    which .cache/ records what was written there."""
    return hashlib.sha256(str(output.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def ledger_file(cache: Path, output: Path, channel: str) -> Path:
    """Where the ledger of `output`/<channel>/ is kept in `cache`."""
    return cache / OUTPUTS_DIR / f"{channel}-{output_key(output)}.pickle"


def _files(folder: Path) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every file (not folder) under `folder`, by POSIX relative path, with its directory entry."""
    stack = [("", str(folder))]
    while stack:
        prefix, current = stack.pop()
        try:
            entries = os.scandir(current)
        except OSError:
            continue
        with entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    stack.append((rel + "/", entry.path))
                else:
                    yield rel, entry


def scan(folder: Path) -> dict[str, tuple[int, int, int]]:
    """(size, mtime_ns, inode) of every regular file under `folder`, by POSIX relative path."""
    found: dict[str, tuple[int, int, int]] = {}
    for rel, entry in _files(folder):
        st = entry.stat(follow_symlinks=False)
        found[rel] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return found


def file_names(folder: Path) -> list[str]:
    """The POSIX relative path of every file under `folder` (no stat: the names come with the
    folder listing)."""
    return [rel for rel, _ in _files(folder)]


class Ledger:
    """The recorded state of one channel's output folder."""

    def __init__(self, cache: Path, output: Path, channel: str) -> None:
        """The ledger of output/<channel>/, stored under `cache` (keyed by the output's path)."""
        self.path = ledger_file(cache, output, channel)
        self.channel = channel
        self.folder = output.resolve() / channel
        self._folder = str(self.folder)  # joined as text: a Path per file costs more than the stat
        self._prefix = os.path.join(self._folder, "")
        self._file: tuple[int, int, int, int] | None = None
        """(size, mtime_ns, ctime_ns, inode) of the ledger file the entries were loaded from."""
        self.seen: dict[str, tuple[int, int, int, int]] | None = None
        """After first_difference(note=True) found the folder as recorded by the quick look:
        (size, mtime_ns, ctime_ns, inode) of each file, by relative path, taken then."""
        self.seen_since = 0
        """time.time_ns() from before the first of those stats was taken."""
        self.found = False
        """Whether a saved ledger was loaded: its entries then name every file an earlier
        write left in the folder (see publish.writer: only those are ever removed)."""
        self.entries: dict[str, Entry] = self._load()

    def _load(self) -> dict[str, Entry]:
        """The saved entries, or none when missing or unreadable; one copy per file, however
        many ledgers of it are open (the writer's and the renderer's of the same channel)."""
        try:
            st = os.stat(self.path)
            self._file = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            stamp = (str(self.path), st.st_size, st.st_mtime_ns, st.st_ino)
            if (shared := _LOADED.get(stamp)) is not None:
                self.found = True
                return shared
            version, entries = pickle.loads(self.path.read_bytes())
        except Exception:  # any damage only costs a comparison of bytes
            return {}
        if version != _VERSION or not isinstance(entries, dict):
            return {}
        self.found = True
        shared = _LOADED[stamp] = _Entries(entries)
        return shared

    def kept(
        self, rel: str, digest: str, source: str | None = None, key: str | None = None
    ) -> Kept | None:
        """output/<channel>/<rel> as a Kept artifact when it holds exactly the bytes with
        `digest`: on the ledger's word, else read and checked (then carrying its new entry)."""
        verdict = self.verdict(rel, digest)
        return None if verdict is None else self.kept_as(rel, digest, verdict, source, key)

    def verdict(self, rel: str, digest: str) -> Entry | bool | None:
        """Whether output/<channel>/<rel> holds exactly the bytes with `digest`: True on the
        ledger's word, its new entry when read and checked, None when it does not (pure: a
        worker process may decide it, see `kept_as`)."""
        where = self.where(rel)
        try:
            st = os.stat(where, follow_symlinks=False)  # before reading: a later change shows
        except OSError:
            return None
        entry = self.entries.get(rel)
        if entry is not None and entry[3] == digest and _same_stat(st, entry):
            return True
        # Restored, copied or touched: read and hashed. One stat for both checks: in CI, where
        # no stat matches, the second cost ~3 us for each of 17,500 pages at 10,000 bulletins.
        if not stat.S_ISREG(st.st_mode) or file_sha256(where) != digest:
            return None
        return (st.st_size, st.st_mtime_ns, st.st_ino, digest)

    def kept_as(
        self,
        rel: str,
        digest: str,
        verdict: Entry | bool,
        source: str | None = None,
        key: str | None = None,
    ) -> Kept:
        """The Kept artifact of a file `verdict` found holding the bytes with `digest`."""
        verified = verdict if isinstance(verdict, tuple) else None
        return Kept(self.channel, rel, digest, self.where(rel), source, key, verified)

    def where(self, rel: str) -> str:
        """The path of output/<channel>/<rel>, as text."""
        # Not os.path.join: `rel` is always relative, and this runs once per reused page.
        return self._prefix + rel

    def digest_if_unchanged(self, rel: str, st: os.stat_result) -> str | None:
        """The recorded digest of a file whose stat still matches its entry."""
        entry = self.entries.get(rel)
        if entry is not None and (st.st_size, st.st_mtime_ns, st.st_ino) == entry[:3]:
            return entry[3]
        return None

    def first_difference(self, *, note: bool = False) -> str | None:
        """The first file (POSIX relative path) added, removed or changed in the folder since
        recorded, or None when it holds exactly the recorded files with their recorded bytes.

        A file whose stat differs (output/ restored from a CI cache, copied, touched) is read and
        compared by digest; when all match, the ledger is saved with the new stats. `note`:
        keep each file's stat in `seen` (see there), for a reader that would take it again.
        """
        seen: dict[str, tuple[int, int, int, int]] | None = {} if note else None
        since = time.time_ns()
        if self._as_recorded(seen):
            if seen is not None:
                self.seen, self.seen_since = seen, since
            return None
        found = scan(self.folder)
        if found.keys() != self.entries.keys():
            return min(found.keys() ^ self.entries.keys())
        refreshed: dict[str, Entry] = {}
        for rel, st in found.items():
            entry = self.entries[rel]
            if entry[:3] == st:
                continue
            if file_sha256(self.folder / rel) != entry[3]:
                return rel
            refreshed[rel] = (*st, entry[3])
        if refreshed:
            self.save({**self.entries, **refreshed})
        return None

    def _as_recorded(self, seen: dict[str, tuple[int, int, int, int]] | None = None) -> bool:
        """Whether the folder holds exactly the recorded files, each with its recorded size,
        mtime and inode: first_difference's common case (at 10,000 bulletins, ~24,000 files
        that every no-op sync checks), told without building anything. False at the first
        difference, which first_difference then looks for in full.

        Listing the web folder's ~13,000 page folders cost more than the stat of every file in
        them: once a full look found every file as recorded, the stat of each folder is kept
        (see _folders), and while every folder still has it, no file was added, removed or
        renamed in any of them (that changes the folder's mtime and ctime), so only the
        recorded files are looked at. Each file's stat goes into `seen` when given.
        """
        folders = self._kept_folders()
        if folders is None:
            return self._walk_as_recorded(seen)
        prefix = self._prefix
        for rel, kept in folders.items():
            try:
                st = os.lstat(prefix + rel if rel else self._folder)
            except OSError:
                return False
            if (st.st_mtime_ns, st.st_ctime_ns, st.st_ino) != kept or not stat.S_ISDIR(st.st_mode):
                return False
        for rel, recorded in self.entries.items():
            try:
                st = os.lstat(prefix + rel)
            except OSError:
                return False
            if not _same_stat(st, recorded):
                return False
            if seen is not None:
                seen[rel] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        return True

    def _walk_as_recorded(self, seen: dict[str, tuple[int, int, int, int]] | None) -> bool:
        """_as_recorded by listing every folder; when all is as recorded, keep each folder's
        stat for the next look (see _folders)."""
        entries = self.entries
        left = len(entries)
        started = time.time_ns()
        folders: dict[str, tuple[int, int, int]] = {}
        settled = True
        stack = [("", self._folder)]
        while stack:
            prefix, current = stack.pop()
            try:
                listing = os.scandir(current)
                st = os.lstat(current)  # after opening: a later change shows in the next look
            except OSError:
                return False
            # A change within the same timestamp tick as this stat would not show in it.
            settled = settled and max(st.st_mtime_ns, st.st_ctime_ns) < started - _RACY_NS
            folders[prefix[:-1]] = (st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            with listing:
                for entry in listing:
                    rel = prefix + entry.name
                    if entry.is_dir(follow_symlinks=False):
                        stack.append((rel + "/", entry.path))
                        continue
                    recorded = entries.get(rel)
                    if recorded is None:
                        return False
                    try:
                        fst = entry.stat(follow_symlinks=False)
                    except OSError:
                        return False
                    if not _same_stat(fst, recorded):
                        return False
                    if seen is not None:
                        seen[rel] = (fst.st_size, fst.st_mtime_ns, fst.st_ctime_ns, fst.st_ino)
                    left -= 1
        if left:
            return False
        if settled and self._file is not None:
            data = pickle.dumps((_VERSION, self._file, folders), pickle.HIGHEST_PROTOCOL)
            write_file(self._folders, data)
        return True

    @property
    def _folders(self) -> Path:
        """Where the stat of each folder under output/<channel>/ is kept, as _walk_as_recorded
        found them (in .cache/ beside the ledger: safe to delete, the next look lists them)."""
        return self.path.with_suffix(".folders")

    def _kept_folders(self) -> dict[str, tuple[int, int, int]] | None:
        """The kept stat of each folder (by POSIX relative path, "" for the channel's folder),
        when kept for this very ledger file; else None."""
        data = read_file(self._folders)
        if data is None or self._file is None:
            return None
        try:
            version, ledger_file, folders = pickle.loads(data)
        except Exception:  # damaged: list the folders
            return None
        if version != _VERSION or ledger_file != self._file or not isinstance(folders, dict):
            return None
        return folders

    def save(self, entries: dict[str, Entry]) -> None:
        """Replace the ledger (best effort: without it the next build compares bytes)."""
        self.entries = entries
        self.found = True
        _unshare(self.path)
        write_file(self.path, pickle.dumps((_VERSION, entries), pickle.HIGHEST_PROTOCOL))

    def vouch(self, checked: dict[str, Entry], since_ns: int) -> None:
        """Record the new stat of recorded files a check read and found holding their recorded
        bytes (`checked`, by relative path, stats taken after `since_ns`), as the writer would
        have: in CI, where output/ comes back from a cache under new stats, the build after the
        check then reads none of them again. Files changed within a tick of `since_ns` are left
        to be read again (see publish.writer._settle)."""
        fresh = {
            rel: entry
            for rel, entry in checked.items()
            if (old := self.entries.get(rel)) is not None
            and old != entry
            and old[3] == entry[3]
            and entry[1] < since_ns - _RACY_NS
        }
        if fresh:
            self.save({**self.entries, **fresh})

    def forget(self) -> None:
        """Drop the ledger before output changes, so a crash never leaves a stale one."""
        self.entries = {}
        self.found = False
        _unshare(self.path)
        with contextlib.suppress(OSError):
            self.path.unlink()
