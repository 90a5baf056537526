"""Size caps on the files a build reads whole, and how a too-large one is described; and on
the one front matter text every channel puts first (a correction's note)."""

from __future__ import annotations

import os
from typing import BinaryIO

__all__ = [
    "MARKDOWN_HINT",
    "MAX_CONFIG_BYTES",
    "MAX_CORRECTION_NOTE",
    "MAX_IMAGE_BYTES",
    "MAX_SOURCE_BYTES",
    "megabytes",
    "read_capped",
    "read_head",
    "too_large",
]

MAX_SOURCE_BYTES = 2_000_000
"""A Markdown file (bulletin or page): a long bulletin is some 50 KB; 2 MB is an image pasted in
as base64 text, or a file that is no bulletin at all, and every process would hold it whole."""
MAX_CONFIG_BYTES = 1_000_000
"""site.toml: a real one is a few KB."""
MAX_IMAGE_BYTES = 20_000_000
"""An image in content/: a phone photo is 2–8 MB; each is read whole to be resized."""
MAX_CORRECTION_NOTE = 300
"""Characters of a correction's note: one or two sentences saying what was corrected. The note
opens the page, the Zalo article and the radio script, so it is held to the length of a Zalo
description (299) rather than of a summary (600): the corrected text itself is in the bulletin."""
MARKDOWN_HINT = (
    "Tách bài thành nhiều bản tin. Ảnh dán thẳng vào bài (data:image/…;base64,…) hãy lưu thành "
    "tệp trong content/images/ rồi chèn ![Mô tả ảnh](images/ten-anh.jpg)."
)
"""How to fix a Markdown file over MAX_SOURCE_BYTES."""


def read_capped(handle: BinaryIO, limit: int) -> tuple[bytes, int]:
    """The bytes of an open file (b"" when it is over `limit`) and its size: a 200 MB file is
    never loaded to be refused, and one that grew while read counts what was read."""
    size = os.fstat(handle.fileno()).st_size
    # read(limit + 1) sets aside `limit` bytes (2 MB) for every file before shrinking them to
    # its size: ~3 times the time of a bulletin's read. The file's size, and one byte more to
    # see it grew, is enough; if it did, the rest up to the limit, as the one read took it.
    raw = handle.read(size + 1) if size <= limit else b""
    if len(raw) > size:
        raw += handle.read(limit - size)
    return raw, max(size, len(raw))


def read_head(path: str | os.PathLike[str], size: int) -> bytes:
    """The first `size` bytes of a file (none when unreadable): enough to tell what it is."""
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def too_large(size: int, limit: int) -> str:
    """ "nặng 3,2 MB, quá giới hạn 2 MB": a file's size against its cap, in Vietnamese."""
    shown, cap = megabytes(size), megabytes(limit)
    if shown == cap:  # 2.040.000 bytes rounds to «2 MB»: «nặng 2 MB, quá giới hạn 2 MB» reads wrong
        shown = f"{size:,} byte".replace(",", ".")
    return f"nặng {shown}, quá giới hạn {cap}"


def megabytes(size: int) -> str:
    """`size` in MB with one decimal, a comma before it, and none when it is whole."""
    shown = f"{size / 1_000_000:.1f}".replace(".", ",").removesuffix(",0")
    return f"{shown} MB"
