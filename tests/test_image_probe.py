"""The size an image is shared at (publish.render.web.images.probe) is read from its header:
a PNG is not decoded to look for an orientation it does not carry."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from publish.render.web.images import probe


def _png(path: Path, *, orientation: int | None = None) -> None:
    """A 300 × 200 PNG, with EXIF telling `orientation` before its pixels if given."""
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 30, 30)).save(out, "PNG", exif=exif)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def _counted_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one each time Pillow decodes a PNG."""
    loads: list[int] = []
    decode = PngImagePlugin.PngImageFile.load

    def load(self: PngImagePlugin.PngImageFile) -> object:
        loads.append(1)
        return decode(self)

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", load)
    return loads


def test_probing_a_png_without_exif_does_not_decode_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pillow's `getexif` decoded a whole PNG to look for EXIF after its pixels: 29 ms for a
    phone screenshot, for every image of every build, where its header takes 0.03 ms."""
    _png(tmp_path / "content" / "images" / "chup.png")
    loads = _counted_loads(monkeypatch)
    assert probe(tmp_path, "images/chup.png", (150, 1200)) == (300, 200)
    assert loads == []


def test_a_png_turned_by_the_exif_of_its_header_is_probed_upright(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _png(tmp_path / "content" / "images" / "xoay.png", orientation=6)
    loads = _counted_loads(monkeypatch)
    assert probe(tmp_path, "images/xoay.png", (1200,)) == (200, 300)
    assert loads == []


def _xmp_png(path: Path, xmp: str) -> None:
    """A 300 × 200 PNG whose header has `xmp` (an iTXt chunk, as a macOS screenshot's) and no
    EXIF."""
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp)
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 30, 30)).save(out, "PNG", pnginfo=info)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


@pytest.mark.parametrize(
    ("xmp", "size"),
    [
        ('<x:xmpmeta><rdf:Description tiff:Orientation="6"/></x:xmpmeta>', (200, 300)),
        ("<x:xmpmeta><rdf:Description exif:PixelXDimension='300'/></x:xmpmeta>", (300, 200)),
    ],
)
def test_a_png_with_xmp_in_its_header_is_probed_without_decoding_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xmp: str, size: tuple[int, int]
) -> None:
    """Pillow's PNG `getexif` decoded the whole image whenever its header had no EXIF entry,
    even when it had XMP, as every macOS screenshot does: 103 ms for 2000 × 3000. The
    orientation the XMP tells is still read."""
    _xmp_png(tmp_path / "content" / "images" / "man-hinh.png", xmp)
    loads = _counted_loads(monkeypatch)
    assert probe(tmp_path, "images/man-hinh.png", (1200,)) == size
    assert loads == []
