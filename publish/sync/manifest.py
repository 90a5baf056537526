"""Sync state files (state/<channel>.json): loaded strictly, saved atomically after every success.

A corrupt or truncated state file is never read as empty (that would re-create every Zalo article):
it is copied aside and the sync stops with instructions to reconcile.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from publish.cache import atomic_write_bytes
from publish.errors import PublishError
from publish.git_restore import last_good
from publish.syntax import json_error

__all__ = ["Manifest", "atomic_write_bytes", "journal_path"]

FORMAT_VERSION = 1
LISTED = "published_list"
"""A key of every state file this version writes (and of web-urls.json: url_history): the sync that writes it writes
state/published.json too, so a state/ with such a record and no published.json lost that file
(publish.name_only_record does not fall back on the channels' records then)."""
FULL_WRITE_SECONDS = 2.0
"""Longest time per-step changes live only in the journal before the state file is rewritten."""


class Manifest:
    """Per-key records of what a channel has published; thread-safe; saved whole on every change."""

    def __init__(
        self,
        path: Path,
        channel: str,
        entries: dict[str, dict[str, Any]] | None = None,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.channel = channel
        self._entries: dict[str, dict[str, Any]] = entries or {}
        self.meta: dict[str, Any] = meta or {}
        self._lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._changes = 0
        self._saved = 0
        self._last_full = time.monotonic()
        self.digest: str | None = None
        """The sha256 of the file's bytes when the records are exactly what they say (no
        journal applied over them, nothing changed since loading), else None."""

    @classmethod
    def load(
        cls, path: Path, channel: str, *, recover: bool = False, read_only: bool = False
    ) -> Manifest:
        """Read the state file; a missing file is a first run, a broken one is an error (backed up).

        With `recover` (`publish sync --reconcile`) a broken file is still backed up, then the sync
        starts from an empty manifest that the syncer rebuilds from the channel itself; without it
        the error's advice (--reconcile) would only lead back to the same error. `read_only` (a dry
        run, a report) writes nothing, not even the backup: state/ is committed as it is.
        """
        if not path.exists():
            entries: dict[str, dict[str, Any]] = {}
            _replay(journal_path(path), entries)
            return cls(path, channel, entries)
        raw = path.read_bytes()
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("entries"), dict):
                raise ValueError("thiếu mục 'entries'")
            if data.get("channel", channel) != channel:
                raise ValueError(f"tệp của kênh «{data.get('channel')}»")
        except (UnicodeDecodeError, ValueError) as exc:
            backup = _backup_of(path, raw)
            if not read_only and not backup.exists():
                shutil.copy2(path, backup)
            if recover:
                return cls(path, channel, meta={"recovered_from": backup.name})
            saved = " Không" if read_only else f" Đã sao lưu thành {backup.name}; không"
            raise PublishError(
                f"{path}: tệp trạng thái bị hỏng ({json_error(exc).described()}).{saved} làm gì thêm "
                f"để tránh đăng trùng. Cách sửa: lấy lại bản tốt của tệp từ git "
                f"({last_good(f'state/{path.name}')}) hoặc chạy "
                f"'publish sync {channel} --reconcile' để dựng lại trạng thái từ kênh."
            ) from None
        entries = data["entries"]
        journaled = _replay(journal_path(path), entries)
        manifest = cls(path, channel, entries, data.get("meta") or {})
        if not journaled:
            manifest.digest = hashlib.sha256(raw).hexdigest()
        return manifest

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._entries))

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> dict[str, Any] | None:
        """A copy of the record for `key`, or None."""
        with self._lock:
            entry = self._entries.get(key)
            return dict(entry) if entry is not None else None

    def entries(self) -> dict[str, dict[str, Any]]:
        """A copy of every record."""
        with self._lock:
            return {k: dict(v) for k, v in self._entries.items()}

    def as_read(self) -> dict[str, Any]:
        """Every record as read from the file, uncopied and unchecked (for checking its shape:
        a record that is not an object would fail `entries`)."""
        with self._lock:
            return dict(self._entries)

    def put(self, key: str, entry: dict[str, Any], *, save: bool = True) -> None:
        """Replace the record for `key` and save the file."""
        with self._lock:
            self.digest = None
            self._entries[key] = dict(entry)
        if save:
            self._record(key)

    def update(self, key: str, *, save: bool = True, **fields: Any) -> None:
        """Merge fields into the record for `key` and save the file."""
        with self._lock:
            self.digest = None
            self._entries.setdefault(key, {}).update(fields)
        if save:
            self._record(key)

    def remove(self, key: str, *, save: bool = True) -> None:
        """Forget `key` and save the file."""
        with self._lock:
            self.digest = None
            self._entries.pop(key, None)
        if save:
            self._record(key)

    def move(self, old: str, new: str, entry: dict[str, Any]) -> None:
        """Record `entry` under `new` and forget `old` in one durable step (new key first)."""
        with self._lock:
            self.digest = None
            self._entries[new] = dict(entry)
            self._entries.pop(old, None)
        self._record(new, old)

    def save(self) -> None:
        """Write the whole manifest atomically (sorted, indented: readable in a git diff).

        Concurrent callers share writes: a call returns once a write that began after its change
        has finished, so threads queued behind one fsync do not each rewrite the file.
        """
        with self._lock:
            self._changes += 1
            wanted = self._changes
        with self._write_lock:
            if self._saved >= wanted:
                return
            with self._lock:
                covered = self._changes
                document = {
                    "channel": self.channel,
                    "version": FORMAT_VERSION,
                    LISTED: "published.json",
                    "meta": self.meta,
                    "entries": {k: dict(self._entries[k]) for k in sorted(self._entries)},
                }
            text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            atomic_write_bytes(self.path, text.encode("utf-8"))
            journal_path(self.path).unlink(missing_ok=True)
            self._saved = covered
            self._last_full = time.monotonic()

    def flush(self) -> None:
        """Fold the journal into the state file (at the end of a sync, before state/ is committed)."""
        if journal_path(self.path).exists() or self._changes > self._saved:
            self.save()

    def _record(self, *keys: str) -> None:
        """Make records' changes durable: append them to the journal (cheap), or rewrite the file.

        Rewriting the whole state file after every step costs O(entries) each time, which at a
        thousand articles dominated a sync; a journal line is constant-size. The whole file is
        still rewritten at least every FULL_WRITE_SECONDS and at the end of every sync.
        """
        if time.monotonic() - self._last_full >= FULL_WRITE_SECONDS or not self.path.exists():
            self.save()
            return
        with self._write_lock:
            with self._lock:
                lines = [
                    json.dumps(
                        {"key": key, "entry": self._entries.get(key)},
                        ensure_ascii=False,
                        sort_keys=True,
                    )
                    for key in keys
                ]
            journal = journal_path(self.path)
            journal.parent.mkdir(parents=True, exist_ok=True)
            # One write: a kill can tear it after the first line only, which keeps the new key.
            _append_line(journal, "\n".join(lines))


def _append_line(journal: Path, line: str) -> None:
    """Append durable lines in one write; on failure (disk full) put the journal back as it was."""
    try:
        before: int | None = journal.stat().st_size
    except FileNotFoundError:
        before = None
    try:
        with open(journal, "ab+") as handle:
            if before:
                handle.seek(-1, os.SEEK_END)
                if handle.read(1) != b"\n":  # a line torn by a kill: never glue a record onto it
                    handle.write(b"\n")
            handle.write(line.encode("utf-8") + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        if before is None:
            journal.unlink(missing_ok=True)
        else:
            os.truncate(journal, before)
        raise


def journal_path(path: Path) -> Path:
    """Where per-step changes wait until the next whole-file write: state/<channel>.json.journal."""
    return path.with_name(path.name + ".journal")


def _replay(journal: Path, entries: dict[str, dict[str, Any]]) -> bool:
    """Apply a journal left by an interrupted sync (a line torn by a kill mid-write is skipped);
    whether there was one."""
    try:
        lines = journal.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return False
    for line in lines:
        try:
            record = json.loads(line)
            key, entry = record["key"], record["entry"]
        except (ValueError, KeyError, TypeError):
            continue
        if entry is None:
            entries.pop(key, None)
        else:
            entries[key] = entry
    return True


def _backup_of(path: Path, raw: bytes) -> Path:
    """Where a broken state file is copied aside: a backup already holding these very bytes, so
    that every scheduled run finding the same broken file does not add (and CI commit) one more."""
    for earlier in sorted(path.parent.glob(f"{path.name}.hong-*")):
        try:
            if earlier.is_file() and earlier.read_bytes() == raw:
                return earlier
        except OSError:
            continue
    return path.with_name(f"{path.name}.hong-{time.strftime('%Y%m%d-%H%M%S')}")
