"""How `publish zalo-sandbox --state-file` keeps the emulated OA's state on disk, cheaply.

The whole state was written again, and fsynced, under the emulator's lock after every call: at
1,000 articles (a 6.9 MB file) each call cost more than a second, and a sync that takes ~97 s
against the in-memory sandbox ran for over 20 minutes. Now a call only marks the state changed;
a background thread writes it a moment later, so the changes of a burst of calls go out in one
write, and always when the emulator stops (Ctrl+C, SIGTERM, the end of a test's `with` block):
a state restarted from the file is the one the OA had. A sandbox killed outright (kill -9)
loses what changed in its last moment, as any server that buffers its writes would.

Under the lock only a copy of the state is taken (`OAState.snapshot`: a few milliseconds);
the writing happens outside it, one article at a time, since the JSON encoder holds the
interpreter's lock while it runs and a whole state at once kept every request waiting.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import logging
import threading
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from publish.cache import atomic_write_bytes

if TYPE_CHECKING:
    from publish.zalo.emulator_state import OAState

__all__ = ["SAVE_DELAY", "StateSaver", "write_state"]

logger = logging.getLogger("publish.zalo.emulator")

SAVE_DELAY = 0.2
"""Seconds between a change and the write that saves it, at least: the calls of that moment
are saved together."""
SAVE_SHARE = 4
"""After a write that took T seconds, the next waits SAVE_SHARE × T at least: a big state's
writing then takes a fifth of the sandbox's time at most, whatever its size."""
STATE_MODE = 0o600
"""The state file's permissions: it holds the OA's access and refresh tokens, for its owner
alone to read."""
SAVE_RETRY_MAX = 30.0
"""Seconds between two tries at most while the state file cannot be written: the pause doubles
after each failure up to this."""


def write_state(path: Path, snapshot: dict[str, Any]) -> None:
    """Write a state snapshot to `path` atomically: a crash never leaves half a state file."""
    out = io.StringIO()
    _write(out, snapshot)
    atomic_write_bytes(path, out.getvalue().encode("utf-8"), mode=STATE_MODE)


def _write(handle: IO[str], snapshot: dict[str, Any]) -> None:
    """JSON of the snapshot, keys sorted, an article a line (each encoded on its own)."""
    handle.write("{")
    for index, name in enumerate(sorted(snapshot)):
        handle.write(("," if index else "") + f"\n{json.dumps(name)}: ")
        value = snapshot[name]
        if name != "articles" or not value:
            handle.write(json.dumps(value, ensure_ascii=False, sort_keys=True))
            continue
        for place, key in enumerate(sorted(value)):
            item = json.dumps(value[key], ensure_ascii=False, sort_keys=True)
            handle.write(("{" if not place else ",") + f"\n {json.dumps(key)}: {item}")
        handle.write("\n}")
    handle.write("\n}\n")


class StateSaver:
    """Writes an emulator's state to its file in the background, soon after it changes."""

    def __init__(self, path: Path, state: OAState, lock: threading.RLock) -> None:
        """Save `state` to `path`; `lock`: the emulator's, held by whoever changes the state."""
        self.path = path
        self.state = state
        self.lock = lock
        self.writes = 0
        """State files written so far (tests count them)."""
        self._dirty = False
        self._wake = threading.Event()
        self._writing = threading.Lock()
        # The writer thread and the event that stops it, both set and swapped under `lock`:
        # each thread has its own event, so a change noted while `close` stops one thread
        # starts the next instead of leaving a stopped one behind as if it were running.
        self._thread: threading.Thread | None = None
        self._closing = threading.Event()

    def changed(self) -> None:
        """Note that the state changed (the caller holds the lock): it is written soon."""
        self._dirty = True
        if self._thread is None or not self._thread.is_alive():
            self._closing = threading.Event()
            self._thread = threading.Thread(
                target=self._run, args=(self._closing,), name="zalo-emulator-save", daemon=True
            )
            self._thread.start()
            # A test or script that never stops its emulator still leaves its state saved.
            atexit.unregister(self._save_at_exit)
            atexit.register(self._save_at_exit)
        self._wake.set()

    def save(self) -> None:
        """Write the state now when it changed since it was last written."""
        with self._writing:
            with self.lock:
                if not self._dirty:
                    return
                snapshot = self.state.snapshot()
                self._dirty = False
            try:
                write_state(self.path, snapshot)
            except BaseException:
                with self.lock:
                    self._dirty = True
                raise
            self.writes += 1

    def close(self) -> None:
        """Stop writing in the background and write what is left."""
        with self.lock:
            thread, self._thread = self._thread, None
            self._closing.set()
            self._wake.set()
        if thread is not None:
            thread.join()
            with self.lock:
                # A change noted during the join started a new writer, which registered the
                # hook again: it stays, or that change would never be saved at exit.
                if self._thread is None:
                    atexit.unregister(self._save_at_exit)
        self.save()

    def _save_at_exit(self) -> None:
        """`save`, as the interpreter exits: a folder gone by then (a test's) is no error."""
        with contextlib.suppress(OSError):
            self.save()

    def _run(self, closing: threading.Event) -> None:
        """Write the state a moment after each change, until `closing` is set."""
        pause = SAVE_DELAY
        failed = ""  # the last failure told, so that a lasting one is told once
        while True:
            self._wake.wait()
            if closing.wait(pause):
                return
            self._wake.clear()
            started = time.monotonic()
            try:
                self.save()
            except Exception as exc:  # any: a writer thread that died would save nothing more
                reason = _reason(exc)
                if reason != failed:
                    logger.warning(
                        "sandbox Zalo: không ghi được tệp trạng thái %s (%s); sẽ thử lại, "
                        "thưa dần, và ghi lần cuối khi dừng sandbox.",
                        self.path,
                        reason,
                    )
                    failed = reason
                self._wake.set()
                # A lasting failure (folder removed, disk full) is retried ever less often.
                pause = min(SAVE_RETRY_MAX, 2 * pause)
                continue
            if failed:
                logger.warning("sandbox Zalo: đã ghi được tệp trạng thái %s (hết lỗi).", self.path)
                failed = ""
            pause = max(SAVE_DELAY, SAVE_SHARE * (time.monotonic() - started))


def _reason(exc: Exception) -> str:
    """Why a write failed, as the warning tells it."""
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return f"{type(exc).__name__}: {exc}"
