"""The printed QR codes scan back to the page's address: decode the SVG we emit, pixel by pixel."""

from __future__ import annotations

import itertools
import re

import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from publish.render.web.qr import BORDER, DATA_MASK, QrCodes, _draw, modules

COMMAND = re.compile(r"([Mmh])(-?\d+(?:\.5)?)(?: (-?\d+(?:\.5)?))?")


def _strokes(svg: str) -> list[tuple[int, int, int]]:
    """(x, y, length) of each dark run the path strokes, read as an SVG renderer reads it: a
    line one module wide centred on y + 0.5, from its start point `length` modules right."""
    found = re.search(r'<path fill="none" stroke="#000" d="([^"]*)"', svg)
    assert found is not None
    path = found.group(1)
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
    viewbox = re.search(r'viewBox="0 0 (\d+) \1"', svg)
    assert viewbox is not None
    size = int(viewbox.group(1))
    scale, margin = 4, 4
    image = Image.new("L", ((size + 2 * margin) * scale,) * 2, 255)
    for x, y, length in _strokes(svg):
        box = ((margin + x) * scale, (margin + y) * scale)
        image.paste(0, (*box, box[0] + length * scale, box[1] + scale))
    # One format is taken as well as a set (its docstring); the stub leaves it out.
    found = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)  # type: ignore[arg-type]
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


def _penalty(grid: list[list[bool]]) -> int:
    """The ISO/IEC 18004 mask penalty of a code (True = dark): runs of 5 or more alike,
    2×2 blocks alike, finder-like 1:1:3:1:1 patterns beside 4 light modules, dark balance."""
    score = 0
    lines = [*grid, *map(list, zip(*grid, strict=True))]
    for line in lines:
        run = 1
        for before, after in itertools.pairwise(line):
            if before == after:
                run += 1
                continue
            score += 3 + run - 5 if run >= 5 else 0
            run = 1
        score += 3 + run - 5 if run >= 5 else 0
        text = "".join("1" if dark else "0" for dark in line)
        score += 40 * sum(
            text.startswith(pattern, i)
            for pattern in ("00001011101", "10111010000")
            for i in range(len(text))
        )
    size = len(grid)
    for y in range(size - 1):
        for x in range(size - 1):
            score += 3 * (grid[y][x] == grid[y][x + 1] == grid[y + 1][x] == grid[y + 1][x + 1])
    dark = sum(map(sum, grid)) * 100 / size**2
    return score + 10 * int(abs(dark - 50) // 5)


def _grid(data: str, mask: int | None = None) -> list[list[bool]]:
    """The modules of the code for `data` (ours, or with the given data mask), True = dark."""
    if mask is None:
        width, cells = modules(data)
    else:
        code = zxingcpp.create_barcode(
            data, zxingcpp.BarcodeFormat.QRCode, ec_level="M", data_mask=mask
        )
        image = code.to_image(scale=1, add_quiet_zones=False)
        width, cells = image.shape[1], bytes(memoryview(image))  # type: ignore[arg-type]  # stubs omit its buffer
    return [[cells[y * width + x] == 0 for x in range(width)] for y in range(width)]


HOSTS = (
    "https://congan-chauthanh.dongthap.gov.vn",
    "https://ca.example.vn",
    "http://localhost:8000",
    "https://ca-xa-tan-phu-dong.tiengiang.gov.vn/ban-tin",
)
SECTIONS = ("tin-tuc", "canh-bao", "cai-cach-hanh-chinh", "ket-qua")
SLUG = "canh-bao-lua-dao-qua-mang-xa-hoi-gia-danh-cong-an-goi-dien-yeu-cau-chuyen-tien"
ADDRESSES = [
    f"{host}/{section}/{2020 + n % 6}/{'-'.join(SLUG.split('-')[n % 7 : n % 7 + 1 + n % 11])}/"
    for n, (host, section) in enumerate((h, s) for h in HOSTS for s in SECTIONS)
] + ["https://zalo.me/1234567890123456789"]
"""Addresses of many lengths (QR versions), as the print pages and the contact page carry."""


def test_the_fixed_mask_draws_codes_about_as_clean_as_the_best_mask() -> None:
    """Every code uses one data mask (choosing among 8 was most of the encoding time): by the
    standard's penalty it stays close to the best mask for addresses of every length."""
    assert len({len(_grid(data)) for data in ADDRESSES}) >= 4, "several QR versions"
    ratios = []
    for data in ADDRESSES:
        best = min(_penalty(_grid(data, mask)) for mask in range(8))
        ratios.append(_penalty(_grid(data)) / best)
        assert _scan(QrCodes().svg(data, label="Mã QR")) == data
    assert max(ratios) <= 1.3, max(ratios)
    assert sum(ratios) / len(ratios) <= 1.1, sum(ratios) / len(ratios)
    assert _grid(ADDRESSES[0]) == _grid(ADDRESSES[0], DATA_MASK), "the encoder takes the mask"


def _two_pass_path(data: str) -> str:
    """The path as _draw spelt it before session 39: runs folded to stand-in bytes (0x90 for
    the longest dark run, light ones from 0xa0), then each stand-in spelt in a second pass."""
    width, cells = modules(data)
    grid = b"\x01".join([cells[i : i + width] for i in range(0, width * width, width)])
    table = [(0, "h1"), (255, "m1 0"), (1, f"m-{width} 1")]
    for code, length in enumerate((32, 16, 8, 4, 2), 0x90):
        grid = grid.replace(b"\x00" * length, bytes([code]))
        grid = grid.replace(b"\xff" * length, bytes([code + 16]))
        table += [(code, f"h{length}"), (code + 16, f"m{length} 0")]
    for code, spelt in table:
        grid = grid.replace(bytes([code]), spelt.encode("ascii"))
    return f"M{BORDER} {BORDER}.5" + grid.decode("ascii")


@settings(max_examples=60)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-/", min_size=1, max_size=200))
def test_runs_spelt_as_they_are_folded_draw_the_same_path(slug: str) -> None:
    """Each run spelt as its command when folded (one pass fewer per run length) draws every
    code, of every size an address gives, with exactly the path of the two-pass drawing."""
    data = f"https://congan-chauthanh.example.vn/{slug}/"
    width, _ = modules(data)
    assert _draw(data) == (width + 2 * BORDER, _two_pass_path(data))
