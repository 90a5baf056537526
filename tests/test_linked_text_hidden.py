"""Text a linked document carries but does not show (hidden, deleted, a field's code) is read
for stamps and personal data, on lines of its own: the website serves the file with it."""

from __future__ import annotations

import io
import zipfile

import pytest

from publish import linked_text, pii
from publish.config import Policy
from publish.gates import secret_stamp

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def word(body: str, styles: str = "") -> bytes:
    """A Word document of the body's XML, with word/styles.xml when given."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        )
        if styles:
            archive.writestr("word/styles.xml", f'<w:styles xmlns:w="{W}">{styles}</w:styles>')
    return out.getvalue()


def run(text: str, props: str = "") -> str:
    """A Word run of `text` with run properties."""
    return (
        f"<w:r><w:rPr>{props}</w:rPr><w:t>{text}</w:t></w:r>"
        if props
        else f"<w:r><w:t>{text}</w:t></w:r>"
    )


def unshown(text: str) -> dict[str, tuple[str, bytes]]:
    """`text` in each way a document carries it without showing it."""
    halves = text.split(" ", 1)
    return {
        "vanish": (".docx", word(f"<w:p>{run(text, '<w:vanish/>')}</w:p>")),
        "vanish-split": (
            ".docx",
            word(
                f"<w:p>{run(halves[0] + ' ', '<w:vanish/>')}{run(halves[1], '<w:vanish/>')}</w:p>"
            ),
        ),
        "deleted": (
            ".docx",
            word(f"<w:p><w:del><w:r><w:delText>{text}</w:delText></w:r></w:del></w:p>"),
        ),
        "field-code": (".docx", word(f"<w:p><w:r><w:instrText>{text}</w:instrText></w:r></w:p>")),
        "hidden-style": (
            ".docx",
            word(
                f'<w:p><w:pPr><w:pStyle w:val="An"/></w:pPr>{run(text)}</w:p>',
                '<w:style w:styleId="An"><w:rPr><w:vanish/></w:rPr></w:style>',
            ),
        ),
        "rtf": (".rtf", b"{\\rtf1 {\\v " + text.encode("ascii", "ignore") + b"}\\par ok\\par}"),
    }


STAMPS = unshown("TỐI MẬT")
STAMPS["rtf"] = (".rtf", rb"{\rtf1 {\v T\u7888?I M\u7852?T}\par ok\par}")


@pytest.mark.parametrize("way", list(STAMPS))
def test_a_stamp_in_text_not_shown_is_found(way: str) -> None:
    """«TỐI MẬT» hidden, deleted or in a field's code was read as '' and the file went out."""
    suffix, data = STAMPS[way]
    text = linked_text.text_of(data, suffix)
    assert text is not None
    assert secret_stamp(text, Policy()) is not None, text


NUMBERS = unshown("CCCD 012345678901")


@pytest.mark.parametrize("way", list(NUMBERS))
def test_a_citizen_number_in_text_not_shown_is_found(way: str) -> None:
    """A CCCD number hidden or deleted in a linked file is told as personal data."""
    suffix, data = NUMBERS[way]
    text = linked_text.text_of(data, suffix)
    assert text is not None
    assert "số CCCD" in [f.kind for f in pii.findings(text, year=2025)], text


def test_hidden_text_is_on_lines_of_its_own_and_the_shown_line_stays_whole() -> None:
    """Text hidden in the middle of a shown stamp neither glues onto it nor breaks it."""
    data = word(f"<w:p>{run('TỐI ')}{run('ghi chú', '<w:vanish/>')}{run('MẬT')}</w:p>")
    assert linked_text.text_of(data, ".docx") == "TỐI MẬT\nghi chú"
    rtf = rb"{\rtf1 T\u7888?I {\v ghi\line chu}M\u7852?T\par}"
    assert linked_text.text_of(rtf, ".rtf") == "TỐI MẬT\nghi\nchu"
