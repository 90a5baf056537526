"""Watch content/, templates/ and site.toml; call back once per burst of real edits."""

from __future__ import annotations

import errno
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from publish.editor_files import is_clutter
from publish.errors import PublishError

__all__ = ["WATCHED_DIRS", "Debouncer", "Watcher"]

WATCHED_DIRS = ("content", "templates")
CONFIG_FILE = "site.toml"
INOTIFY_LIMITS = {
    errno.ENOSPC: ("fs.inotify.max_user_watches", "524288", "lượt theo dõi thư mục"),
    errno.EMFILE: ("fs.inotify.max_user_instances", "512", "bộ theo dõi tệp"),
}
"""The limit of Linux's inotify that watchdog reports reached with each errno (not a full disk,
nor too many open files): its sysctl name, a value editors' guides give, what it counts."""
# Only real changes: watchdog also reports opens and closes, and our own build reads every file.
CHANGE_EVENTS = frozenset({"created", "modified", "deleted", "moved"})


class Debouncer:
    """Runs `callback` once after `delay` seconds without a new `poke()`; never twice at a time."""

    def __init__(
        self,
        callback: Callable[[], object],
        delay: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._callback = callback
        self._delay = delay
        self._clock = clock
        self._poked = threading.Event()
        self._stopping = False
        self._last = 0.0
        self._thread = threading.Thread(target=self._run, name="publish-rebuild", daemon=True)

    def start(self) -> None:
        """Start the worker thread."""
        self._thread.start()

    def poke(self) -> None:
        """Note that something changed."""
        self._last = self._clock()
        self._poked.set()

    def stop(self) -> None:
        """Stop the worker, after the callback it may be running."""
        self._stopping = True
        self._poked.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _run(self) -> None:
        """Wait for a poke, then for quiet, then call back; edits during a rebuild start another."""
        while True:
            self._poked.wait()
            while not self._stopping:
                quiet = self._clock() - self._last
                if quiet >= self._delay:
                    break
                time.sleep(self._delay - quiet)
            if self._stopping:
                return
            self._poked.clear()
            self._callback()


class _Relay(FileSystemEventHandler):
    """Passes relevant filesystem events on to a debouncer."""

    def __init__(self, watcher: Watcher) -> None:
        self._watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        """Forward real edits of watched files."""
        self._watcher.handle(event)


class Watcher:
    """A watchdog observer over a project's sources that pokes a debouncer on every real edit."""

    def __init__(self, root: Path, debouncer: Debouncer) -> None:
        self._root = root.resolve()
        self._debouncer = debouncer
        self._observer = Observer()
        self._relay = _Relay(self)
        self._watched: set[str] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start watching (folders that do not exist yet are picked up when they are created)."""
        self._observer.schedule(self._relay, str(self._root), recursive=False)
        for name in WATCHED_DIRS:
            self._watch_dir(name)
        try:
            self._observer.start()
        except OSError as exc:
            if exc.errno not in INOTIFY_LIMITS or "inotify" not in str(exc):
                raise
            raise PublishError(_limit_reached(*INOTIFY_LIMITS[exc.errno])) from exc

    def stop(self) -> None:
        """Stop the observer thread."""
        self._observer.stop()
        if self._observer.is_alive():
            self._observer.join(timeout=5)

    def handle(self, event: FileSystemEvent) -> None:
        """Poke the debouncer when the event touches a watched, non-temporary file."""
        if event.event_type not in CHANGE_EVENTS:
            return
        if event.is_directory and event.event_type == "modified":
            return  # a folder's mtime changes with every file inside it; those files report too
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        relevant = [p for p in paths if p and self.is_watched(_text(p))]
        if not relevant:
            return
        for path in relevant:
            rel = Path(_text(path)).relative_to(self._root)
            if event.is_directory and len(rel.parts) == 1 and rel.parts[0] in WATCHED_DIRS:
                self._watch_dir(rel.parts[0])
        self._debouncer.poke()

    def is_watched(self, path: str) -> bool:
        """Whether a path is site.toml or a file under content/ or templates/ that is neither an
        editor's temporary file nor a folder view's thumbnail cache (Thumbs.db)."""
        try:
            rel = Path(path).relative_to(self._root)
        except ValueError:
            return False
        if not rel.parts:
            return False
        if len(rel.parts) == 1:
            return rel.parts[0] in (CONFIG_FILE, *WATCHED_DIRS)
        return rel.parts[0] in WATCHED_DIRS and not any(is_clutter(p) for p in rel.parts[1:])

    def _watch_dir(self, name: str) -> None:
        """Watch root/name recursively, once, if it exists."""
        folder = self._root / name
        with self._lock:
            if name in self._watched or not folder.is_dir():
                return
            self._observer.schedule(self._relay, str(folder), recursive=True)
            self._watched.add(name)


def _limit_reached(setting: str, value: str, what: str) -> str:
    """Why the preview cannot watch the project's files (Linux's inotify limit `setting`) and how
    to raise it: the system's words, «hết chỗ trên đĩa», sent editors to free disk space."""
    return (
        f"Không theo dõi được các tệp của dự án để tự dựng lại khi sửa: Linux đã hết {what} "
        f"(giới hạn {setting}, dùng chung với các chương trình khác đang theo dõi tệp như VS "
        "Code, Dropbox hay một lệnh publish serve khác); ổ đĩa không đầy. Cách sửa: đóng bớt các "
        f"chương trình đó rồi chạy lại, hoặc tăng giới hạn: sudo sysctl {setting}={value} "
        f"(giữ sau khi khởi động lại máy: thêm dòng {setting}={value} vào /etc/sysctl.conf)."
    )


def _text(path: str | bytes) -> str:
    """Watchdog paths may be bytes; we use str."""
    return path.decode() if isinstance(path, bytes) else path
