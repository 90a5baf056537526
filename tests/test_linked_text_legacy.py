"""A linked document typed in an old Vietnamese code page (VNI, TCVN3) is read for stamps as
its reader sees it: «TOÁI MAÄT» in VNI-Times is «TỐI MẬT» on screen."""

from __future__ import annotations

import io
import zipfile

import pytest

from publish import linked_text, pii
from publish.config import Policy
from publish.gates import secret_stamp

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def word(*paragraphs: str) -> bytes:
    """A Word document of the paragraphs given."""
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
    return out.getvalue()


@pytest.mark.parametrize(
    "stamp",
    ["TOÁI MAÄT", "MAÄT", "TUYEÄT MAÄT", "MËT", "TèI MËT"],
    ids=["vni", "vni-mat", "vni-tuyet", "tcvn3-capitals-font", "tcvn3"],
)
def test_a_stamp_typed_in_an_old_code_page_is_found(stamp: str) -> None:
    """Never found before: the stamp read as it is stored, «TOÁI MAÄT», is no grade."""
    text = linked_text.text_of(word("CÔNG AN HUYỆN X", stamp, "Báo cáo"), ".docx")
    assert text is not None
    assert secret_stamp(text, Policy()) is not None, text


def test_a_grade_line_typed_in_vni_is_found() -> None:
    """«Ñoä maät: Toái maät» is «Độ mật: Tối mật» on screen."""
    text = linked_text.text_of(word("Báo cáo", "Ñoä maät: Toái maät"), ".docx")
    assert text is not None
    assert secret_stamp(text, Policy()) is not None, text


def test_a_document_in_unicode_reads_as_it_is() -> None:
    """No line is added to a document typed in Unicode."""
    assert (
        linked_text.text_of(word("CÔNG AN HUYỆN X", "Ở ĐÂY"), ".docx") == "CÔNG AN HUYỆN X\nỞ ĐÂY"
    )


def test_a_number_on_a_line_in_an_old_code_page_is_told_once() -> None:
    """The converted line is not added when it holds digits: the number is read already."""
    text = linked_text.text_of(word("Soá CCCD: 012345678901"), ".docx")
    assert text is not None
    assert [f.kind for f in pii.findings(text, year=2025)] == ["số CCCD"]
