"""QR codes as small inline SVG (one path), made locally with the qrcode library.

Making a code in pure Python costs a few milliseconds, so the path data is cached in
`<root>/.cache/qr/`, keyed on the encoded text and the settings; the cache is safe to delete.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import qrcode
from markupsafe import Markup, escape

from publish.render.web import cache

__all__ = ["QrCodes"]

# A fixed mask skips the library's trial of all eight masks; any mask gives a valid code.
MASK = 2
VERSION = f"1-m{MASK}-qrcode{getattr(qrcode, '__version__', '')}"


class QrCodes:
    """Makes QR codes, remembering their path data between builds."""

    def __init__(self, folder: Path | None) -> None:
        """Use `folder` for the for path data (None: no cache)."""
        self.folder = folder

    def svg(self, data: str, *, label: str, css_class: str = "qr") -> Markup:
        """An accessible inline SVG QR code for `data`."""
        size, path = self._path(data)
        return Markup(
            f'<svg class="{escape(css_class)}" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {size} {size}" role="img" aria-label="{escape(label)}" '
            f'shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>'
            f'<path fill="#000" d="{escape(path)}"/></svg>'
        )

    def _path(self, data: str) -> tuple[int, str]:
        """(size, path data), from the cache when possible."""
        entry = None
        if self.folder is not None:
            key = hashlib.sha256(f"{VERSION}\n{data}".encode()).hexdigest()[:32]
            entry = self.folder / f"{key}.txt"
            stored = cache.read(entry)
            if stored is not None:
                size, path = stored.decode("ascii").split(" ", 1)
                return int(size), path
        size, path = _draw(data)
        if entry is not None:
            cache.write(entry, f"{size} {path}".encode("ascii"))
        return size, path


def _draw(data: str) -> tuple[int, str]:
    """Encode `data` and turn each run of dark modules in a row into one path segment."""
    code = qrcode.QRCode(
        border=2, error_correction=qrcode.constants.ERROR_CORRECT_M, mask_pattern=MASK
    )
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    segments = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                segments.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return len(matrix), "".join(segments)
