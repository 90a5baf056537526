"""Noticing that another command wrote the folder a `publish serve` serves: a `publish build` or
`publish sync` in a second terminal replaced output/web, and the preview rebuilds its own.

Each write leaves a mark in .cache/ (see publish.output_stamp); the preview remembers the last
one it knows of (its own, or another's it has answered) and looks for a newer one.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import TextIO

from publish import output_stamp
from publish.serve.clock import clock

__all__ = ["OUTSIDE_POLL_SECONDS", "OutsideWrites"]

OUTSIDE_POLL_SECONDS = 0.5
"""How often the preview looks whether another command (a `publish build` in a second terminal)
wrote the folder it serves: a small file read, so the page shows its own preview again within a
second."""


class OutsideWrites:
    """The served folder's last write a preview knows of, and whether another command's came."""

    def __init__(
        self,
        cache: Path,
        output: Path,
        shown: str,
        rebuilding: threading.Lock,
        out: TextIO,
        err: TextIO,
    ) -> None:
        """Watch output/web (`output`'s web/, shown to the editor as `shown`); `rebuilding` is
        held by the preview's rebuilds, which record their own write with own_write()."""
        self._cache = cache
        self._output = output
        self._shown = shown
        self._rebuilding = rebuilding
        self._out = out
        self._err = err
        self._seen = self._stamp()
        """The last write of the served folder this session knows of (its own, or another's it
        has answered), set under `rebuilding`."""
        self._other_previews: set[int] = set()
        """Other `publish serve` processes already reported writing the served folder."""

    def _stamp(self) -> output_stamp.Stamp | None:
        """The mark of the last write of the served folder, whoever made it."""
        return output_stamp.read(self._cache, self._output, "web")

    def own_write(self) -> None:
        """Remember the preview's own write, just made (called holding `rebuilding`)."""
        self._seen = self._stamp()

    def check(self, tz: dt.tzinfo) -> bool:
        """Whether the served folder was written by another command since this session last
        looked (a `publish build` or `publish sync` in a second terminal, into output/web): it
        then holds that command's build and open pages do not know; the caller rebuilds, which
        reloads them. Its own writes never count, or each rebuild would start the next. A
        `--drafts` preview serves .cache/preview/web, which only `publish build --drafts`
        writes besides it."""
        stamp = self._stamp()
        if stamp is None or stamp == self._seen:
            return False
        with self._rebuilding:  # a rebuild of ours in progress records its own write first
            stamp = self._stamp()
            if stamp is None or stamp == self._seen:
                return False
            self._seen = stamp
        if stamp.command == "serve":
            # Answering another preview's writes would make the two rebuild each other for good.
            if stamp.pid not in self._other_previews:
                self._other_previews.add(stamp.pid)
                print(
                    f"[{clock(tz)}] Một 'publish serve' khác (tiến trình số {stamp.pid}) "
                    f"cũng ghi vào {self._shown} của dự án này: hai bản xem trước ghi đè "
                    "lên nhau, "
                    "trang đang mở có thể hiện bản của bên kia. Nên tắt một bản (nhấn Ctrl-C ở "
                    "cửa sổ dòng lệnh của nó).",
                    file=self._err,
                    flush=True,
                )
            return False
        print(
            f"[{clock(tz)}] Lệnh 'publish {stamp.command}' (tiến trình số {stamp.pid}) vừa "
            f"ghi lại {self._shown}: dựng lại bản xem trước…",
            file=self._out,
            flush=True,
        )
        return True
