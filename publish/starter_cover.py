"""The plain default cover `publish init` writes, drawn and recognised.

init writes a cover in the theme's colours with no name on it, for the unit to replace. Left in
place it is the share image and the Zalo cover of every bulletin without its own: readers see
a green block where the unit's name and emblem belong. It is recognised by its pixels, not by
its bytes: a JPEG encoder of another Pillow version writes the same picture as other bytes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

from publish.config import CONFIG_NAME, Config
from publish.config_files import DEFAULT_COVER
from publish.errors import Problem

__all__ = ["COVER_SIZE", "draw", "is_plain", "plain_cover"]

COVER_SIZE = (1200, 630)
"""Zalo's and social networks' share image size."""
COVER_COLOURS = ("#0b4a2e", "#e2b33c")
"""The built-in theme's green and gold."""
_GRID = (60, 30)
"""The size both pictures are averaged down to before they are compared: a logo or a line of
text of any readable size changes a cell, the JPEG's noise does not."""
_MOST_BYTES = 64 * 1024
"""A flat picture of two colours takes 4 KB (PNG) to 18 KB (JPEG at quality 100): a larger
file has detail, and is not decoded to be sure."""
_TOLERANCE = 16
"""How far (0-255, per colour) a cell may differ from the plain cover's and still be it."""


def draw() -> Image.Image:
    """The plain cover: the theme's green with a gold band at the bottom."""
    green, gold = COVER_COLOURS
    image = Image.new("RGB", COVER_SIZE, green)
    width, height = COVER_SIZE
    ImageDraw.Draw(image).rectangle((0, height - 24, width, height), fill=gold)
    return image


def is_plain(path: Path) -> bool:
    """Whether the image at `path` is the plain cover init wrote (False when it cannot be read)."""
    try:
        if path.stat().st_size > _MOST_BYTES:
            return False
        with Image.open(path) as image:
            if image.size != COVER_SIZE:
                return False  # read from the header: a photo of another size is never decoded
            # A JPEG decoded at an eighth of its size: each build asks (75 ms whole, 5 to 30 ms so).
            image.draft("RGB", (COVER_SIZE[0] // 8, COVER_SIZE[1] // 8))
            found = image.convert("RGB").resize(_GRID, Image.Resampling.BOX)
    except (OSError, ValueError, Image.DecompressionBombError):
        return False  # a broken cover is told by the channels that show it
    difference = ImageChops.difference(found, _plain_grid())
    largest = max(band.getextrema()[1] for band in difference.split())
    return isinstance(largest, int) and largest <= _TOLERANCE


@cache
def _plain_grid() -> Image.Image:
    """The plain cover averaged down to _GRID, as is_plain compares a cover with it."""
    return draw().resize(_GRID, Image.Resampling.BOX)


def plain_cover(config: Config, *, strict: bool = False) -> list[Problem]:
    """A warning (an error when `strict`) while [site] default_cover is still init's plain
    cover, naming the file and what to put in its place."""
    cover = config.site.default_cover
    if not cover or not is_plain(config.root / "content" / cover):
        return []
    return [
        Problem(
            CONFIG_NAME,
            f"ảnh bìa mặc định content/{cover} vẫn là ảnh tạm do publish init tạo (nền màu, "
            "không có tên hay biểu trưng của đơn vị): đó là ảnh chia sẻ và ảnh bìa Zalo của mọi "
            "bản tin không có ảnh riêng",
            DEFAULT_COVER,
            hint=f"Thay content/{cover} bằng ảnh bìa của đơn vị (1200 × 630 điểm ảnh, giữ tên "
            "tệp), rồi chạy lại publish check.",
            severity="error" if strict else "warning",
        )
    ]
