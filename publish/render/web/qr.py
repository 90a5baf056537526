"""QR codes as small inline SVG (one path), made locally with the qrcode library."""

from __future__ import annotations

import qrcode
from markupsafe import Markup, escape

__all__ = ["qr_svg"]


def qr_svg(data: str, *, label: str, css_class: str = "qr") -> Markup:
    """An accessible inline SVG QR code for `data`; runs of dark modules become one path segment."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    segments = []
    for y, row in enumerate(matrix):
        x = 0
        while x < size:
            if row[x]:
                start = x
                while x < size and row[x]:
                    x += 1
                segments.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return Markup(
        f'<svg class="{escape(css_class)}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {size} {size}" role="img" aria-label="{escape(label)}" '
        f'shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(segments)}"/></svg>'
    )
