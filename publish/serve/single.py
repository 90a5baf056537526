"""One `publish serve` per preview folder of a project: a second one says where the first one
serves, and stops.

Two previews of one folder (output/web, or .cache/preview/web with --drafts) rebuild it over
each other, and the page open in the browser shows one or the other. The first one takes the
operating system's lock on .cache/serve.lock (serve-drafts.lock) for as long as it runs and
writes its process number and address there; the second one reads them and tells the editor
to open that address instead (it rebuilds and reloads on every edit all the same). The system
lets go of the lock when the first one ends, however it ends: nothing is ever left to delete.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from publish.errors import PublishError
from publish.file_lock import release, try_lock
from publish.no_follow import open_no_follow

__all__ = ["PreviewClaim"]

_BINARY = getattr(os, "O_BINARY", 0)
"""Windows opens in text mode otherwise."""


class PreviewClaim:
    """This process's claim to serve one preview folder of a project, until release()."""

    def __init__(self, cache: Path, *, drafts: bool, shown: str) -> None:
        """Take the claim, or raise PublishError naming the `publish serve` that holds it
        (`shown`: the folder as the editor knows it, output/web or .cache/preview/web)."""
        self._path = cache / ("serve-drafts.lock" if drafts else "serve.lock")
        self._fd = _open(self._path)
        if self._fd is None:
            return  # a .cache/ that cannot be written: preview unclaimed rather than not at all
        try:
            taken = try_lock(self._fd)
        except OSError:
            taken = True  # a file system without locks (a network share): as before
        if not taken:
            os.close(self._fd)
            self._fd = None
            raise PublishError(_busy_message(self._path, drafts, shown))

    def announce(self, url: str) -> None:
        """Write "<pid> <address>" for a second `publish serve` to tell the editor (best effort)."""
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, f"{os.getpid()} {url}\n".encode())
        except OSError:
            pass

    def release(self) -> None:
        """Let another `publish serve` preview this folder."""
        if self._fd is not None:
            release(self._fd)
            os.close(self._fd)
            self._fd = None


def _open(path: Path) -> int | None:
    """The claim file, opened (created) for writing; None when .cache/ cannot hold it. A
    symlink or a folder there counts as none: nothing is written through it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = open_no_follow(path, os.O_RDWR | os.O_CREAT | _BINARY, 0o644)
    except OSError:
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


def _busy_message(path: Path, drafts: bool, shown: str) -> str:
    """What the second `publish serve` tells the editor: which one runs, where to look."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            pid, url = [*handle.readline().split(), "", ""][:2]
    except OSError:
        pid, url = "", ""
    command = "'publish serve --drafts'" if drafts else "'publish serve'"
    who = f"Một {command} khác" + (f" (tiến trình số {pid})" if pid.isdigit() else "")
    where = (
        f"tại {url}. Mở địa chỉ đó trong trình duyệt"
        if url.startswith("http://")
        else "(đang khởi động). Mở địa chỉ nó in ra trong trình duyệt"
    )
    return (
        f"{who} đang xem trước {shown} của dự án này {where}: nó tự dựng lại và tải lại trang "
        "mỗi khi sửa bài. Lần này không làm gì, để hai bản không ghi đè lên nhau. Muốn chạy "
        "lại ở đây thì tắt bản kia trước (nhấn Ctrl-C ở cửa sổ dòng lệnh của nó)."
    )
