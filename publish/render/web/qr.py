"""QR codes as small inline SVG (one path), encoded locally by zxing-cpp.

Every bulletin page carries one (its print version shows it next to the address), so encoding
speed counts on a cold build: zxing-cpp (C++) with a fixed data mask makes one in about 0.04 ms,
against 1.6 ms for the pure-Python qrcode library, so nothing needs caching between builds.
"""

from __future__ import annotations

import zxingcpp
from markupsafe import Markup, escape

__all__ = ["DATA_MASK", "QrCodes", "modules"]

BORDER = 2
"""Light modules around the code; the page's white background adds the rest of the quiet zone."""
DATA_MASK = 2
"""The data mask every code uses. Left to choose, the encoder draws the code with each of the 8
masks and keeps the one with the lowest ISO/IEC 18004 penalty (runs, blocks, finder-like
patterns, dark balance): ~0.3 ms a code inside a 10,000-page build, ~4 CPU-seconds in all.
Measured over addresses of many shapes and QR versions 2-8, mask 2 came within 3 % of the best
penalty on average (23 % at worst), closer than the encoder's own choice (5 %, 42 %);
tests/test_qr.py keeps it so."""
DARK, LIGHT, ROW_END = 0, 255, 1
"""Module bytes as zxing-cpp gives them, and the byte _draw puts after each row."""
RUNS = (32, 16, 8, 4, 2)
"""Run lengths folded into one path command each (a longer run takes several)."""
FOLDS = tuple(
    (bytes([cell]) * length, spelt % length)
    for length in RUNS
    for cell, spelt in ((DARK, b"h%d"), (LIGHT, b"m%d 0"))
)
"""(run of modules, the path command drawing it), longest runs first. A command is ASCII,
which holds no module byte: spelling a run never makes nor splits another, so each is spelt
as it is folded (a fold to a stand-in byte, then a second pass spelling each, took 10 more
passes over the grid)."""


class QrCodes:
    """Makes QR codes as accessible inline SVG."""

    def svg(self, data: str, *, label: str, css_class: str = "qr") -> Markup:
        """An accessible inline SVG QR code for `data`."""
        size, path = _draw(data)
        return Markup(
            f'<svg class="{escape(css_class)}" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {size} {size}" role="img" aria-label="{escape(label)}" '
            f'shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>'
            f'<path fill="none" stroke="#000" d="{escape(path)}"/></svg>'
        )


def modules(data: str) -> tuple[int, bytes]:
    """(width, one byte per module row by row, 0 = dark) of the QR code for `data`, error
    correction level M (readable with up to 15% of the print damaged)."""
    code = zxingcpp.create_barcode(
        data, zxingcpp.BarcodeFormat.QRCode, ec_level="M", data_mask=DATA_MASK
    )
    image = code.to_image(scale=1, add_quiet_zones=False)
    # The image's buffer is untyped in zxing-cpp's stubs as mypy reads them under Python 3.11,
    # typed under 3.13: one ignore for both.
    return image.shape[1], bytes(memoryview(image))  # type: ignore[arg-type, unused-ignore]


def _draw(data: str) -> tuple[int, str]:
    """(size, path data): the code drawn row by row with a one-module-wide stroke.

    Each row is one line at the middle of its modules: `h` draws over dark runs, `m` moves over
    light ones. Runs are spelt, longest first, by bytes.replace, which runs in C: the
    per-run Python loop this replaces cost more than encoding the code itself.
    """
    width, cells = modules(data)
    grid = bytes([ROW_END]).join([cells[i : i + width] for i in range(0, width * width, width)])
    for run, spelt in FOLDS:
        grid = grid.replace(run, spelt)
    # What is left of the modules are single ones.
    grid = grid.replace(bytes([DARK]), b"h1").replace(bytes([LIGHT]), b"m1 0")
    grid = grid.replace(bytes([ROW_END]), b"m-%d 1" % width)
    return width + 2 * BORDER, f"M{BORDER} {BORDER}.5" + grid.decode("ascii")
