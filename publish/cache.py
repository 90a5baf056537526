"""Rendered fragments kept between builds in `<root>/.cache/fragments.sqlite`, safe to delete.

A fragment (a bulletin's body HTML, …) is stored under a digest of everything it is made
from plus `salt(root)`: the tool (its source code, data files, and the Python, Unicode and library
versions it runs with: `fingerprint`) and site.toml. So an edit to the tool or to site.toml, or a
.cache/ restored by CI under another Python or Markdown, makes every old entry unreachable, and a
stale entry can never be used.
A kind of entry whose keys hold every site.toml value it is made from is kept under `tool_salt`
instead (`narrow`: the tool alone), so that a site.toml edit it does not read (a category label,
[web] per_page) does not make it again: a read-aloud item and a Zalo article (the values each
declares, see publish.config_reads), the personal data found in a bulletin (the unit's phone
numbers) and a bulletin's search words (the abbreviations).
Deleting `.cache/` at any time only costs speed. Worker processes open their own connection;
a cache that cannot be opened or written is skipped silently. A `Shelf` keeps many small
entries of one kind (each loaded bulletin) in a few rows, each entry under its name and the
version it was made from (the file's digest), so a changed file never gets an old entry.

An entry holding a bulletin's or page's text (body HTML, search words) is recorded as that file's
(`owned`): a new one of the same kind replaces it, and the build drops every entry of a file it
no longer publishes (`sweep`), so a withdrawn bulletin's text does not stay in a CI cache.
Deleted rows are zeroed (secure_delete) and the sweep empties the write-ahead log.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sqlite3
import stat
import sys
import tempfile
import time
import unicodedata
import weakref
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache, partial
from pathlib import Path

import publish
from publish import installed

__all__ = [
    "FRAGMENTS",
    "Encoded",
    "Fragments",
    "Shelf",
    "atomic_write_bytes",
    "digest",
    "file_sha256",
    "fingerprint",
    "owned_kind",
    "read_file",
    "runtime",
    "salt",
    "tool_digest",
    "tool_salt",
    "versions",
    "write_file",
]

FRAGMENTS = "fragments-v2.sqlite"
LEGACY = ("fragments.sqlite",)
"""Cache files of earlier versions of the tool, removed by `Fragments.prune`."""
PRUNED = "fragments.pruned"
"""Holds the salt the cache was last pruned for."""
COMPACT_MIN_PAGES = 2048
"""Free pages (of 4 KB) below which the database is not compacted: not worth a pass."""
_PACKAGE = Path(publish.__file__).resolve().parent


@cache
def tool_digest() -> str:
    """Digest of the tool's version and of every source file, so any code change invalidates."""
    h = hashlib.sha256(publish.__version__.encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        h.update(path.relative_to(_PACKAGE).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


DATA_FOLDERS = ("", "radio", "render/radio")
"""Folders under publish/ whose data files (`DATA_SUFFIXES`: lexicons, lists of provinces) the
tool reads: an edit to one changes `fingerprint`, as an edit to any module does (`tool_digest`:
no hand-kept list of the modules that decide what is read, which missed some)."""
DATA_SUFFIXES = (".tsv", ".txt")


SHAPING = (
    "jinja2",
    "markdown",
    "markupsafe",
    "nh3",
    "pillow",
    "python-docx",
    "python-frontmatter",
    "python-slugify",
    "pyyaml",
    "text-unidecode",
    "tzdata",
    "zstandard",
    "zxing-cpp",
)
"""The libraries whose version can change what the tool makes of the same files: pages and
bodies (Jinja, Markdown, nh3), images and QR codes, Word files, front matter and slugs, time
zones, packed bodies. A test holds it to the dependencies in pyproject.toml."""


def runtime() -> tuple[tuple[int, int], str, str]:
    """The versions of what the tool runs on: Python's, its Unicode's (NFC, letters and word
    breaks) and zlib's."""
    return (
        (sys.version_info[0], sys.version_info[1]),
        unicodedata.unidata_version,
        zlib.ZLIB_RUNTIME_VERSION,
    )


def versions() -> tuple[object, ...]:
    """The versions besides the tool's source that its results depend on: the tool's, those it
    runs on (`runtime`) and those of the `SHAPING` libraries."""
    return (
        publish.__version__,
        *runtime(),
        # From their metadata folders' names: importing python-docx for its __version__ took a
        # tenth of a second in processes that write no Word file.
        *(f"{name}={installed.version(name) or ''}" for name in SHAPING),
    )


@cache
def fingerprint() -> str:
    """A hash of `versions`, the tool's source (`tool_digest`) and its data files: what every
    cached result is made by (in `salt` and `tool_salt`, the radio cache's keys and a replay's
    stamp). Once per process (~7 ms: the data files are read)."""
    h = hashlib.sha256(repr(versions()).encode())
    h.update(tool_digest().encode())
    for package in DATA_FOLDERS:
        for path in sorted((_PACKAGE / package).iterdir()):
            if path.suffix in DATA_SUFFIXES:
                h.update(f"\0{package}/{path.name}\0".encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def read_file(path: Path) -> bytes | None:
    """A cache file's bytes, or None when absent or unreadable."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_file(path: Path, data: bytes) -> None:
    """Store a cache file atomically; one that cannot be written is simply skipped."""
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
        temp = None
    except OSError:
        pass
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Write to a temporary name in the same folder, fsync, then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (best effort on filesystems that do not support it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


WHOLE_READ_LIMIT = 1 << 22
"""Files up to this size (4 MB) are hashed from one read."""
NONBLOCKING = getattr(os, "O_NONBLOCK", 0)
"""Opening a FIFO for reading returns at once instead of waiting for a writer (POSIX; Windows
has no FIFO in a folder)."""


def file_sha256(path: str | Path) -> str | None:
    """sha256 of a regular file's bytes, or None when it cannot be read or is something else
    (a FIFO named like a bulletin kept `publish build` waiting forever for a writer, here)."""
    try:
        fd = os.open(path, os.O_RDONLY | NONBLOCKING)
    except OSError:
        return None
    try:
        with open(fd, "rb", buffering=0, closefd=False) as handle:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return None
            # hashlib.file_digest zeroes a 256 KB buffer per call: for a 16 KB page that was
            # a quarter of the time (a one-edit rebuild in CI hashes every page once).
            if st.st_size <= WHOLE_READ_LIMIT:
                return hashlib.sha256(handle.readall()).hexdigest()
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


def salt(root: Path) -> str:
    """What every key includes: the tool and what it runs on (`fingerprint`: a .cache/ restored
    by CI under another Python, Unicode or Markdown version must not serve its entries), and
    site.toml."""
    try:
        config = (root / "site.toml").read_bytes()
    except OSError:
        config = b""
    return hashlib.sha256(fingerprint().encode() + b"\0" + config).hexdigest()


def tool_salt() -> str:
    """What a narrow key includes (see `Fragments.narrow_key`): the tool and what it runs on
    (`fingerprint`), not site.toml."""
    return hashlib.sha256(b"narrow\0" + fingerprint().encode()).hexdigest()


class Encoded:
    """A `digest` part encoded once, for a value many keys share (a site's page ids are in
    every body's key): it is hashed as the very bytes the value itself would be, without a
    repr for each key, and shows as the value's repr inside another part."""

    __slots__ = ("chunk", "value")

    def __init__(self, value: object) -> None:
        """Encode `value` as `digest` would."""
        self.value = value
        self.chunk = _chunk(value)

    def __repr__(self) -> str:
        """The value's own repr: a tuple holding it is the same part as one holding the value."""
        return repr(self.value)


def _chunk(part: object) -> bytes:
    """What `digest` hashes for one part: its length, then its bytes behind a tag telling its
    kind (written out again in `digest`, which runs for every key)."""
    if isinstance(part, str):
        data = b"s" + part.encode("utf-8", "surrogatepass")
    elif isinstance(part, bytes):
        data = b"b" + part
    else:
        data = b"r" + repr(part).encode("utf-8", "surrogatepass")
    return len(data).to_bytes(8, "little") + data


def digest(*parts: object) -> str:
    """A stable key from strings, bytes, numbers, tuples and None (and `Encoded` ones)."""
    h = hashlib.sha256()
    for part in parts:
        if type(part) is Encoded:
            h.update(part.chunk)
            continue
        # A text or bytes part is hashed as it is: repr() would copy (and escape) a whole body.
        if isinstance(part, str):
            data = b"s" + part.encode("utf-8", "surrogatepass")
        elif isinstance(part, bytes):
            data = b"b" + part
        else:
            data = b"r" + repr(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


INSERT = "INSERT OR REPLACE INTO fragment (key, value, salt) VALUES (?, ?, ?)"
OWN = "INSERT OR REPLACE INTO owned (owner, kind, key) VALUES (?, ?, ?)"
SUPERSEDED = """DELETE FROM fragment WHERE key = (SELECT key FROM owned WHERE owner = ? AND kind = ?)
    AND key IS NOT ? AND (SELECT COUNT(*) FROM owned AS o WHERE o.key = fragment.key) = 1"""
"""Drop the entry an owner's new one of the same kind replaces (an edited body's old HTML),
unless another owner has it too. Plain `?` placeholders, in the order the parameters come:
Python 3.12.1 took numbered ones (?1) given a sequence for named ones, warning on every edit
that 3.14 would refuse them (3.13 knows them); plain ones are read alike by every version."""
DEAD = """DELETE FROM fragment WHERE key IN (SELECT key FROM owned WHERE owner NOT IN live)
    AND key NOT IN (SELECT key FROM owned WHERE owner IN live)"""
"""Drop the entries only owners missing from the temporary table `live` have."""
OPEN_ATTEMPTS = 20
"""Tries to open a cache another process is setting up (about 4 s in all)."""
BATCH_LIMIT = 512
"""Entries a batch holds in memory before it writes them."""


def _close(connection: sqlite3.Connection, pid: int) -> None:
    """Close a connection opened by process `pid`, if this is that process (a forked worker
    must never close the connection it inherited: sqlite's locks belong to its parent)."""
    if os.getpid() == pid:
        with contextlib.suppress(sqlite3.Error):
            connection.close()


def owned_kind(kind: str, preview: bool) -> str:
    """The kind an owner's entry is recorded under: a --drafts preview's apart, so that
    alternating a preview and a build does not make each drop the other's (see `own`)."""
    return f"{kind}:preview" if preview else kind


def _transaction(db: sqlite3.Connection, work: Callable[[], object]) -> None:
    """Run `work` in one transaction, rolled back on a database error (best effort)."""
    try:
        db.execute("BEGIN")
        work()
        db.execute("COMMIT")
    except sqlite3.Error:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")


def _own(db: sqlite3.Connection, owners: Mapping[tuple[str, str], str]) -> None:
    """Record each (owner, kind) → key, dropping the entry it replaces (inside a transaction)."""
    for (owner, kind), key in owners.items():
        db.execute(SUPERSEDED, (owner, kind, key))
        db.execute(OWN, (owner, kind, key))


class Fragments:
    """A key → value store (values pickled) under `<root>/.cache/`."""

    def __init__(self, root: Path) -> None:
        """Open lazily: nothing is created until the first read or write."""
        self.path = root / ".cache" / FRAGMENTS
        self.salt = salt(root)
        self.tool_salt = tool_salt()
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._broken = False
        self._pending: dict[str, tuple[bytes, str]] | None = None
        """Key → (pickled value, salt it is stored under) waiting for `flush`, while `batched()`
        is active."""
        self._owners: dict[tuple[str, str], str] = {}
        """(owner, kind) → key of the owned entries waiting for `flush`, while batched."""

    def _db(self) -> sqlite3.Connection | None:
        """This process's connection (a forked worker opens its own), or None when unusable."""
        if self._broken:
            return None
        if self._connection is None or self._pid != os.getpid():
            for attempt in range(OPEN_ATTEMPTS):
                try:
                    self._connection = self._open()
                    # Closed when this cache is dropped: Python 3.11's connection and its
                    # statement cache refer to each other, so a connection merely let go of kept
                    # its file handles and page cache (~2 MB) until a full garbage collection,
                    # which a long process (publish serve, the test suite) seldom runs: every
                    # build left ~11 of them open (22 file handles, ~21 MB).
                    weakref.finalize(self, _close, self._connection, os.getpid())
                    break
                except sqlite3.OperationalError as exc:
                    # Workers opening a new cache at once: switching it to WAL needs it alone.
                    if "locked" not in str(exc) or attempt == OPEN_ATTEMPTS - 1:
                        self._broken = True
                        return None
                    time.sleep(0.02 * (attempt + 1))
                except (sqlite3.Error, OSError):  # e.g. .cache is a file, or read-only
                    self._broken = True
                    return None
            self._pid = os.getpid()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        """A new connection, the database set up for WAL and the table created."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            # A lost entry is only rendered again. First: switching a new file to WAL syncs it
            # to disk otherwise (four fdatasyncs, 25-130 ms of a cold build on a busy disk).
            connection.execute("PRAGMA synchronous=OFF")
            connection.execute("PRAGMA auto_vacuum=INCREMENTAL")  # takes effect on a new file
            # A deleted entry (a withdrawn bulletin's HTML, a shelf row rewritten without it)
            # is zeroed, not left readable in the file's free pages, which CI caches.
            connection.execute("PRAGMA secure_delete=ON")
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS fragment (key TEXT PRIMARY KEY, value BLOB, salt TEXT)"
            )
            # Which bulletin or page (by its file) an entry holding its text was made for: the
            # entries of one no longer published are dropped at the end of a build (`sweep`).
            connection.execute(
                "CREATE TABLE IF NOT EXISTS owned "
                "(owner TEXT, kind TEXT, key TEXT, PRIMARY KEY (owner, kind))"
            )
            connection.execute("CREATE INDEX IF NOT EXISTS owned_key ON owned (key)")
        except BaseException:
            connection.close()
            raise
        return connection

    def key(self, kind: str, *parts: object) -> str:
        """The key of a fragment of `kind` made from `parts`."""
        return digest(self.salt, kind, *parts)

    def narrow_key(self, kind: str, *parts: object) -> str:
        """The key of a fragment of `kind` made from `parts` and the tool, site.toml left out:
        `parts` must hold every site.toml value the fragment is made from (e.g. a digest by
        publish.config_reads of the fields it declares); `put` it with `narrow=True`."""
        return digest(self.tool_salt, kind, *parts)

    def get(self, key: str) -> object | None:
        """The stored value, or None."""
        try:
            waiting = self._pending.get(key) if self._pending else None
            data = waiting[0] if waiting is not None else None
            if data is None:
                db = self._db()
                row = (
                    db and db.execute("SELECT value FROM fragment WHERE key = ?", (key,)).fetchone()
                )
                if not row:
                    return None
                data = row[0]
            return pickle.loads(data)
        except (
            sqlite3.Error,
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ImportError,
            TypeError,  # a class whose constructor changed (model classes pickle as calls)
        ):
            return None

    def holds_kind(self, kind: str) -> bool:
        """Whether some entry is recorded as an owner's entry of `kind`, a build's or a
        --drafts preview's (see `own`, `owned_kind`: both share keys); True when that cannot be
        read, so that lookups go on as ever.

        Asked before a build's workers start: when it says no, no lookup of those kinds can
        find anything the build did not put itself (on a cold build, each of the 10,000 body
        lookups cost ~45 us, the workers' writes making every read start afresh)."""
        if not self.path.exists():
            return False
        db = self._db()
        if db is None:
            return True
        kinds = (owned_kind(kind, False), owned_kind(kind, True))
        try:
            query = "SELECT 1 FROM owned WHERE kind IN (?, ?) LIMIT 1"
            return db.execute(query, kinds).fetchone() is not None
        except sqlite3.Error:
            return True

    def put(
        self, key: str, value: object, *, owner: str = "", kind: str = "", narrow: bool = False
    ) -> None:
        """Store a value (best effort); inside `batched()`, at the next `flush`. `owner`: the
        file of the bulletin or page whose text it holds, its entry of `kind` (see `own`);
        `narrow`: `key` is a `narrow_key`, kept when site.toml changes (see `prune`)."""
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        salted = self.tool_salt if narrow else self.salt
        if self._pending is not None:
            self._pending[key] = (data, salted)
            if owner:
                self._owners[(owner, kind)] = key
            if len(self._pending) >= BATCH_LIMIT:
                self.flush()
            return
        db = self._db()
        if db is None:
            return
        if not owner:
            with contextlib.suppress(sqlite3.Error):
                db.execute(INSERT, (key, data, salted))
            return

        def write() -> None:
            """The entry and its owner."""
            db.execute(INSERT, (key, data, salted))
            _own(db, {(owner, kind): key})

        _transaction(db, write)

    def own(self, key: str, owner: str, kind: str) -> None:
        """Record that `key` is now `owner`'s entry of `kind` (an entry found again under
        another file, after a rename): its entry of that kind before, if no other owner has
        it, is dropped, and `sweep` keeps `key` while `owner` is published."""
        if self._pending is not None:
            self._owners[(owner, kind)] = key
            return
        db = self._db()
        if db is not None:
            _transaction(db, lambda: _own(db, {(owner, kind): key}))

    def sweep(self, live: Iterable[str]) -> int:
        """Drop the entries of owners not in `live` (the files of the bulletins and pages a
        build published): a withdrawn bulletin's text must not stay in `.cache/`, which CI
        keeps between runs. The number of entries dropped."""
        if not self.path.exists():
            return 0
        db = self._db()
        if db is None:
            return 0
        try:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS live (owner TEXT PRIMARY KEY)")
            db.execute("BEGIN")
            db.execute("DELETE FROM live")
            db.executemany("INSERT OR IGNORE INTO live VALUES (?)", ((o,) for o in live))
            dropped = db.execute(DEAD).rowcount
            db.execute("DELETE FROM owned WHERE owner NOT IN live")
            db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            return 0
        # The write-ahead log still holds the pages as they were before (and before this
        # build's edits): emptied now, not only when the last connection closes.
        with contextlib.suppress(sqlite3.Error):
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        return dropped

    @contextlib.contextmanager
    def batched(self) -> Iterator[None]:
        """Puts wait in memory and are written together, a transaction per `flush` (one
        commit per entry made a cold build's 20,000 entries cost seconds, and two workers
        committing at once wait for each other's lock)."""
        if self._pending is not None:
            yield  # already batching: the outer block flushes
            return
        self._pending = {}
        try:
            yield
        finally:
            self.flush()
            self._pending = None

    def flush(self) -> None:
        """Write the puts waiting in this process, in one short transaction (best effort)."""
        if not self._pending and not self._owners:
            return
        waiting, self._pending = self._pending or {}, {}
        owners, self._owners = self._owners, {}
        db = self._db()
        if db is None:
            return
        try:
            db.execute("BEGIN")
            db.executemany(INSERT, ((key, data, salted) for key, (data, salted) in waiting.items()))
            _own(db, owners)
            db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")

    def prune(self) -> int:
        """Drop the entries written under another salt (another version of the tool or of
        site.toml: no key can reach them again), once per salt, then give the database's
        free pages back to the disk when they are many; the number of entries dropped. Narrow
        entries of this version of the tool stay whatever site.toml holds (see `narrow_key`).

        Without this every upgrade or site.toml edit left a whole build's entries behind
        (~300 MB at 10,000 bulletins), and CI caches .cache/ between runs.
        """
        marker = self.path.parent / PRUNED
        if not self.path.exists():
            return 0
        db = self._db()
        if db is None:
            return 0
        dropped = 0
        if read_file(marker) != self.salt.encode():
            try:
                dropped = db.execute(
                    "DELETE FROM fragment WHERE salt IS NOT ? AND salt IS NOT ?",
                    (self.salt, self.tool_salt),
                ).rowcount
                db.execute("DELETE FROM owned WHERE key NOT IN (SELECT key FROM fragment)")
            except sqlite3.Error:
                return 0
            for name in LEGACY:
                for suffix in ("", "-wal", "-shm"):
                    with contextlib.suppress(OSError):
                        (self.path.parent / (name + suffix)).unlink()
            write_file(marker, self.salt.encode())
        self._compact(db)
        return dropped

    def _compact(self, db: sqlite3.Connection) -> None:
        """Return the free pages to the disk when they are over a quarter of the file.

        Entries dropped by a prune (or rewritten smaller) leave their pages free inside the
        file: after a tool upgrade or a site.toml edit at 10,000 bulletins, half of a 330 MB
        file, which CI uploads and restores with .cache/ on every run.
        """
        try:
            free = db.execute("PRAGMA freelist_count").fetchone()[0]
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            if free * 4 < pages or free < COMPACT_MIN_PAGES:
                return
            # One page per step: through execute() only the first would be freed.
            db.executescript("PRAGMA incremental_vacuum;")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # the file shrinks here
        except sqlite3.Error:
            return


class Shelf:
    """Many small entries of one kind, each under a name and the version it was made from.

    The entries are spread over `shards` fragments by a stable hash of their name, so a build
    reads a few large rows instead of one row per entry (one pickle, its strings and time zones
    shared, is several times faster to load than thousands), and an edit rewrites one row only.
    An entry is returned only for the exact version it was stored with (e.g. a file's digest).
    """

    def __init__(
        self, fragments: Fragments, kind: str, *, shards: int = 64, narrow: bool = False
    ) -> None:
        """Nothing is read until the first `get`. `narrow`: each entry's version holds every
        site.toml value it is made from, so the shelf is kept across site.toml edits (see
        `Fragments.narrow_key`)."""
        self.fragments = fragments
        self.kind = kind
        self.shards = shards
        self.narrow = narrow
        self._read: dict[int, dict[str, tuple[str, object]]] = {}
        self._kept: dict[int, dict[str, tuple[str, object]]] = {}

    def _shard(self, name: str) -> int:
        """The shard holding `name` (crc32: the same in every process, unlike hash())."""
        return zlib.crc32(name.encode("utf-8", "surrogatepass")) % self.shards

    def _entries(self, shard: int) -> dict[str, tuple[str, object]]:
        """The stored entries of one shard (read once)."""
        found = self._read.get(shard)
        if found is None:
            enabled = gc.isenabled()
            # Loading allocates thousands of objects that all stay alive: collecting is wasted.
            gc.disable()
            try:
                value = self.fragments.get(self._key(shard))
                if value:
                    # Nor should later collections walk them again, each full one all of them
                    # (a rebuild after one edit read 10,000 bulletins and 17,500 page records
                    # so). A build unfreezes when it ends (publish.pipeline); shelf entries hold
                    # no cycles. Only when there is something to hide: a freeze also hides the
                    # garbage in flight, and a cold build reads many empty shards mid-render.
                    gc.freeze()
            finally:
                if enabled:
                    gc.enable()
            found = self._read[shard] = value if isinstance(value, dict) else {}
        return found

    def holds(self, name: str) -> bool:
        """Whether some version of `name` is stored."""
        return name in self._entries(self._shard(name))

    def read_all(self) -> None:
        """Read every shard now (e.g. before worker processes fork: each would read them)."""
        for shard in range(self.shards):
            self._entries(shard)

    def empty(self) -> bool:
        """Whether no entry at all is stored."""
        return not any(self._entries(shard) for shard in range(self.shards))

    def get(self, name: str, version: str) -> object | None:
        """The entry stored for `name` made from exactly `version`, or None."""
        entry = self._entries(self._shard(name)).get(name)
        return entry[1] if entry is not None and entry[0] == version else None

    def keep(self, name: str, version: str, value: object) -> None:
        """The entry of `name` after this run (entries not kept are dropped by `save`)."""
        self._kept.setdefault(self._shard(name), {})[name] = (version, value)

    def save(self) -> None:
        """Store exactly the entries kept: rewrite each shard whose entries differ (best effort)."""
        for step in self.save_steps():
            step()

    def save_steps(self) -> list[Callable[[], None]]:
        """`save` as one step per shard, each a few milliseconds: as one step handed to
        `publish.parallel.meanwhile`, a cold 10,000-bulletin build's save took 0.35 s, and the
        worker of the pool it waited beside ran out of chunks after ~0.07 s and sat idle."""
        return [partial(self._save_shard, shard) for shard in range(self.shards)]

    def _save_shard(self, shard: int) -> None:
        """Rewrite one shard if its entries differ from those kept (again: nothing written)."""
        kept = self._kept.get(shard, {})
        read = self._entries(shard)
        if kept.keys() == read.keys() and all(
            read[name][0] == version and read[name][1] is value
            for name, (version, value) in kept.items()
        ):
            return
        self.fragments.put(self._key(shard), kept, narrow=self.narrow)
        self._read[shard] = kept

    def _key(self, shard: int) -> str:
        """The fragment holding one shard."""
        if self.narrow:
            return self.fragments.narrow_key("shelf", self.kind, shard)
        return self.fragments.key("shelf", self.kind, shard)
