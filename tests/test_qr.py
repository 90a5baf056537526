"""The printed QR codes scan back to the page's address: decode the SVG we emit, pixel by pixel."""

from __future__ import annotations

import re

import pytest
import zxingcpp
from PIL import Image

from publish.render.web.qr import BORDER, QrCodes, modules

COMMAND = re.compile(r"([Mmh])(-?\d+(?:\.5)?)(?: (-?\d+(?:\.5)?))?")


def _strokes(svg: str) -> list[tuple[int, int, int]]:
    """(x, y, length) of each dark run the path strokes, read as an SVG renderer reads it: a
    line one module wide centred on y + 0.5, from its start point `length` modules right."""
    path = re.search(r'<path fill="none" stroke="#000" d="([^"]*)"', svg).group(1)
    assert COMMAND.sub("", path) == "", "the path holds only moves and horizontal lines"
    x = y = 0.0
    strokes = []
    for command, a, b in COMMAND.findall(path):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            assert y % 1 == 0.5 and x % 1 == 0, "a line covers whole modules, centred on its row"
            strokes.append((int(x), int(y - 0.5), int(a)))
            x += float(a)
    return strokes


def _scan(svg: str) -> str:
    """Rasterise the SVG's path (4 px per module, wide white margin) and decode it."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    scale, margin = 4, 4
    image = Image.new("L", ((size + 2 * margin) * scale,) * 2, 255)
    for x, y, length in _strokes(svg):
        box = ((margin + x) * scale, (margin + y) * scale)
        image.paste(0, (*box, box[0] + length * scale, box[1] + scale))
    found = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert found is not None, "the code does not scan"
    return found.text


@pytest.mark.parametrize(
    "data",
    [
        "https://congan-chauthanh.example.vn/2024/03/canh-bao-lua-dao-viec-nhe/",
        "https://zalo.me/1234567890123456789",
        "https://congan-chauthanh.example.vn/" + "tin-tuc-an-ninh-trat-tu-" * 8 + "/",
    ],
)
def test_code_scans_back_to_the_address(data: str) -> None:
    """A reader's phone gets exactly the address printed next to the code."""
    assert _scan(QrCodes().svg(data, label="Mã QR")) == data


def test_path_draws_every_dark_module_and_nothing_else() -> None:
    """Error correction would hide a few wrong modules from a scanner; the drawing has none."""
    data = "https://congan-chauthanh.example.vn/2024/02/tuan-tra-dem/"
    width, cells = modules(data)
    svg = QrCodes().svg(data, label="Mã QR")
    drawn = {(x + i - BORDER, y - BORDER) for x, y, n in _strokes(svg) for i in range(n)}
    dark = {(i % width, i // width) for i, cell in enumerate(cells) if cell == 0}
    assert drawn == dark
    assert f'viewBox="0 0 {width + 2 * BORDER} {width + 2 * BORDER}"' in svg


def test_svg_is_accessible_and_sized_by_its_view_box() -> None:
    """The code is an image with a Vietnamese label and scales with its box (no fixed pixels)."""
    svg = QrCodes().svg("https://example.vn/", label="Mã QR của bài <1>", css_class="qr-zalo")
    assert svg.startswith('<svg class="qr-zalo" ')
    assert 'role="img"' in svg and 'aria-label="Mã QR của bài &lt;1&gt;"' in svg
    assert "width=" not in svg.split(">", 1)[0]
