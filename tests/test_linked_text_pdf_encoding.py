"""A PDF string shown in a simple font with a standard encoding is read by that encoding: its
bytes 128–159 are WinAnsi's quotes, dashes and bullets (MacRoman's accented letters), not glyph
numbers; in a font with no standard encoding they still are, and the file is unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import linked_text
from tests.helpers import SITE_TOML, add_toml
from tests.test_attachments_scan import problems, project


def pdf(content: bytes, *fonts: tuple[bytes, bytes]) -> bytes:
    """A one-page PDF whose page shows `content`, its fonts (name, font dictionary) each an
    object of its own."""
    numbers = range(5, 5 + len(fonts))
    resources = b" ".join(
        b"/%s %d 0 R" % (name, n) for (name, _), n in zip(fonts, numbers, strict=True)
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << "
        + resources
        + b" >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *(font for _, font in fonts),
    ]
    out = b"%PDF-1.4\n"
    for number, body in enumerate(objects, start=1):
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    return out + b"trailer << /Root 1 0 R >>\n%%EOF\n"


def helvetica(encoding: bytes) -> bytes:
    """A Helvetica font dictionary with `encoding` (b"" for none)."""
    return b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica " + encoding + b" >>"


WIN_ANSI = helvetica(b"/Encoding /WinAnsiEncoding")


@pytest.mark.parametrize(
    ("shown", "read"),
    [
        (b"(Cong an huyen \x96 thong bao) Tj", "Cong an huyen – thong bao"),
        (b"(\x93Thong bao\x94) Tj", "“Thong bao”"),
        (b"(\x95 Mang theo CCCD\x85) Tj", "• Mang theo CCCD…"),
        (b"(Caf\xe9 \x97 s\xe1ng) Tj", "Café — sáng"),
    ],
    ids=["en-dash", "quotes", "bullet", "em-dash-latin"],
)
def test_winansi_quotes_and_dashes_are_read_as_text(shown: bytes, read: str) -> None:
    """«không đọc được» before: 0x91–0x97 were taken for glyph numbers of the font."""
    data = pdf(b"BT /F1 12 Tf 72 700 Td " + shown + b" ET", (b"F1", WIN_ANSI))
    assert linked_text.text_of(data, ".pdf") == read


def test_macroman_letters_are_read_by_its_encoding() -> None:
    """MacRoman's 0x8E is «é», its 0xD2/0xD3 curly double quotes."""
    font = helvetica(b"/Encoding /MacRomanEncoding")
    data = pdf(b"BT /F1 12 Tf (\xd2Caf\x8e\xd3) Tj ET", (b"F1", font))
    assert linked_text.text_of(data, ".pdf") == "“Café”"


def test_a_winansi_pdf_with_a_dash_does_not_stop_the_build(tmp_path: Path) -> None:
    """Under unreadable_attachments = "error" the dash stopped check; a stamp in the same
    file is still found."""
    toml = add_toml(SITE_TOML, '\n[policy]\nunreadable_attachments = "error"\n')
    clean = pdf(b"BT /F1 12 Tf (Cong an huyen \x96 thong bao) Tj ET", (b"F1", WIN_ANSI))
    assert problems(project(tmp_path / "clean", "tb.pdf", clean, toml)) == []
    stamped = pdf(b"BT /F1 12 Tf (TOI MAT \x96 BAN SO 02) Tj ET", (b"F1", WIN_ANSI))
    [(severity, message)] = problems(project(tmp_path / "stamped", "tb.pdf", stamped, toml))
    assert severity == "error" and "dấu mật" in message


@pytest.mark.parametrize(
    "fonts",
    [
        [(b"F1", b"<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Times >>")],
        [(b"F1", helvetica(b""))],
        [
            (
                b"F1",
                helvetica(b"/Encoding << /BaseEncoding /WinAnsiEncoding /Differences [131 /A] >>"),
            )
        ],
        [(b"F1", helvetica(b"/Encoding /StandardEncoding"))],
        [(b"F1", WIN_ANSI), (b"F1", b"<< /Type /Font /Subtype /TrueType /BaseFont /X+Y >>")],
        [(b"F2", WIN_ANSI)],
    ],
    ids=["subset", "no-encoding", "differences", "standard", "name-used-twice", "other-font"],
)
def test_codes_128_to_159_in_a_font_with_no_standard_encoding_are_still_glyph_numbers(
    fonts: list[tuple[bytes, bytes]],
) -> None:
    """A subset font numbers its glyphs past 128 («M\\203T» is «MẬT»): read by WinAnsi it
    would be «MƒT», no stamp. Its own encoding, Differences naming other glyphs, Standard
    (which has no character there), a name another font of the file also goes by, or another
    font's encoding: unreadable, as before."""
    data = pdf(b"BT /F1 12 Tf (M\x83T) Tj ET", *fonts)
    with pytest.raises(linked_text.Unreadable, match="mã phông"):
        linked_text.text_of(data, ".pdf")


def test_a_code_winansi_leaves_undefined_is_still_glyph_numbers() -> None:
    """0x81 is no character of WinAnsi: a glyph number, not a letter."""
    data = pdf(b"BT /F1 12 Tf (M\x81T) Tj ET", (b"F1", WIN_ANSI))
    with pytest.raises(linked_text.Unreadable, match="mã phông"):
        linked_text.text_of(data, ".pdf")


def test_a_font_object_an_update_redefines_is_still_glyph_numbers() -> None:
    """An incremental update may define object 5 again, as a subset font: which one a viewer
    uses is not guessed, the codes stay glyph numbers."""
    data = pdf(b"BT /F1 12 Tf (M\x83T) Tj ET", (b"F1", WIN_ANSI))
    data += b"5 0 obj\n<< /Type /Font /Subtype /TrueType /BaseFont /X+Y >>\nendobj\n%%EOF\n"
    with pytest.raises(linked_text.Unreadable, match="mã phông"):
        linked_text.text_of(data, ".pdf")
