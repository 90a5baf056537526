"""Reading the built Zalo payloads, and what the sync last read of each, so that a sync with
nothing to send opens none of them.

The memo is kept in `<root>/.cache/zalo-payloads.pickle` (safe to delete: the next sync reads
every payload again): for each payload file under output/zalo/, its stat when it was read
(size, mtime, ctime, inode), the sha256 of its bytes and its title. A payload whose stat is
still the recorded one holds the recorded bytes, the trust git puts in its index: a file
rewritten in place gets a new ctime even when its size and mtime are put back (`cp -p`, a
restore, `os.utime`), which no call can set. A file changed within RACY_SECONDS of being read
is read again every time, as a later change within the same timestamp tick would not show in
its stat. The memo is void for another version of the tool or another output folder.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import pickle
import time
from pathlib import Path

from publish.cache import read_file, tool_digest, write_file
from publish.errors import PublishError, os_reason, unreadable_fix
from publish.replay import Stat, settled
from publish.sync.zalo_plan import same_title
from publish.syntax import json_error

__all__ = ["MEMO_NAME", "PayloadMemo", "read_payload"]

MEMO_NAME = "zalo-payloads.pickle"
_VERSION = 1

Memo = tuple[Stat | None, str, str]
"""A payload's stat when read (None: changed too recently to trust), digest and title."""


def read_payload(path: Path, source: str) -> tuple[bytes, str]:
    """A built payload's bytes and title; a missing, unreadable or damaged file is a PublishError
    (nothing is sent: a payload read wrong could publish garbage or a wrong title)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PublishError(
            f"thiếu tệp {path} của bản tin {source}: hãy dựng lại (publish build) rồi đồng bộ."
        ) from None
    except OSError as exc:
        if exc.errno in (errno.EMFILE, errno.ENFILE):
            # No damage (QA, session 77): deleting the payload and building again would not help.
            raise PublishError(
                f"{path}: không đọc được tệp bài Zalo dựng từ {source} ({os_reason(exc)}). "
                f"Chưa gửi gì lên Zalo. {unreadable_fix(exc, str(path))}"
            ) from None
        raise PublishError(
            _damaged(path, source, f"không đọc được tệp: {os_reason(exc)}")
        ) from None
    try:
        payload = json.loads(data)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError alike
        raise PublishError(_damaged(path, source, json_error(exc).described())) from None
    if not isinstance(payload, dict) or not isinstance(payload.get("title", ""), str):
        what = (
            "tiêu đề không phải chuỗi"
            if isinstance(payload, dict)
            else "không phải một đối tượng JSON"
        )
        raise PublishError(_damaged(path, source, what))
    return data, payload.get("title", "")


def _damaged(path: Path, source: str, why: str) -> str:
    """Why a built payload cannot be synced, and how to fix it."""
    # Deleting the file matters: a build that finds its inputs and outputs' stats unchanged
    # replays the last one and writes nothing, so damage that kept the stat would stay.
    return (
        f"{path}: tệp bài Zalo dựng từ {source} bị hỏng ({why}): thư mục output/ đã bị hỏng "
        "hoặc bị sửa sau lần dựng. Chưa gửi gì lên Zalo. Cách sửa: xoá tệp này (hoặc cả thư mục "
        "output/) rồi chạy lại publish build, sau đó đồng bộ lại."
    )


class PayloadMemo:
    """The payloads of one output/zalo/ folder, read or taken from the memo of the last sync."""

    def __init__(
        self,
        cache: Path | None,
        folder: Path,
        seen: tuple[dict[str, Stat], int] | None = None,
    ) -> None:
        """The memo kept in `cache` (None: none, every payload is read) for `folder`; `seen`:
        the stat of its files by relative path, taken after a time.time_ns() it gives (the
        replay that checked the folder took them: not taken a second time)."""
        self.path = cache / MEMO_NAME if cache is not None else None
        self.folder = folder
        self._prefix = os.path.join(str(folder), "")
        self._key = (_VERSION, tool_digest(), str(folder.resolve())) if cache else None
        self._recorded = self._load()
        self._seen: dict[str, Memo] = {}
        self._stats: dict[str, Stat] = seen[0] if seen is not None else {}
        self._started = min(time.time_ns(), seen[1]) if seen is not None else time.time_ns()
        """Before any stat is taken: a payload changed since then may change again unseen."""
        self.read = 0
        """Payloads read (not taken from the memo) so far."""

    def _load(self) -> dict[str, Memo]:
        """The memo's entries, or none when missing, damaged or not for this tool and folder."""
        data = read_file(self.path) if self.path is not None else None
        if data is None:
            return {}
        try:
            key, entries = pickle.loads(data)
        except Exception:  # any damage only costs reading the payloads again
            return {}
        return entries if key == self._key and isinstance(entries, dict) else {}

    def where(self, rel: str) -> str:
        """The path of output/zalo/<rel>, as text (a Path for each of 10,000 payloads cost a
        no-op sync ~50 ms)."""
        return self._prefix + rel

    def payload(self, rel: str, source: str) -> tuple[str, str]:
        """The digest and title (as compared with Zalo's, see same_title) of the payload at
        output/zalo/<rel>; a missing or damaged one is a PublishError (see read_payload)."""
        where = self.where(rel)
        now: Stat | None = self._stats.get(rel)
        if now is None:
            try:
                st = os.stat(where)  # before reading: a change after it shows in the next stat
            except OSError:
                st = None
            if st is not None:
                now = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        if now is not None:
            known = self._recorded.get(rel)
            if known is not None and known[0] == now:
                self._seen[rel] = known
                return known[1], known[2]
        data, title = read_payload(Path(where), source)
        self.read += 1
        digest = hashlib.sha256(data).hexdigest()
        title = same_title(title)
        self._seen[rel] = (settled(now, self._started) if now else None, digest, title)
        return digest, title

    def save(self) -> None:
        """Keep what this sync read for the next one (only the payloads it looked at; nothing is
        written when that is what the memo already holds)."""
        if self.path is None or self._seen == self._recorded:
            return
        write_file(self.path, pickle.dumps((self._key, self._seen), pickle.HIGHEST_PROTOCOL))
        self._recorded = dict(self._seen)
