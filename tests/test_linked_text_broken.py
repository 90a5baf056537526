"""A linked document broken in ways a fuzzer finds is told «không đọc được», never a crash
(«Lỗi nội bộ») of check or build."""

from __future__ import annotations

import base64
import io
import zipfile

import pytest

from publish import linked_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BOGUS = b'<?xml version="1.0" encoding="bogus"?><a author="x"/>'
DOCUMENT = (
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>hi</w:t></w:r></w:p></w:body></w:document>'
)

# Reviewer I's fuzzed workbook (crash1.xlsx): its one member, «xl/sharedString/.xml», says its
# local header lies before the file's start: zipfile raised ValueError «negative seek value».
NEGATIVE_SEEK = base64.b64decode(
    "UEsDBBQAAAAIAMN1gV1C+4BfaQAAAH0AACwUAAAAAG1sRY1BAkvClqa7B59vjQePM3MYVLXTW/akzyaa5QeAzpEl"
    "6PnInGpZjyLBYUsNoW6ERt77CcEI4cs/59ru0l+H8XZ37b9B/dIHUEsBAhQDFAAAAAgAw3WBXUL7gF9pAAAAfQAA"
    "ABQAAAAAAAAAAAAAAIABAAAAAHhsL3NoYXJlZFN0cmluZy8ueG1sUEsFBgAAAAABAAEAQgAAAJsAAAAAAA=="
)


def zipped(members: dict[str, bytes | str]) -> bytes:
    """A zip document of the members given."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return out.getvalue()


def test_a_part_in_an_unknown_encoding_is_unreadable_not_a_crash() -> None:
    """encoding="bogus" raised LookupError out of text_of."""
    data = zipped({"word/document.xml": BOGUS})
    with pytest.raises(linked_text.Unreadable, match="bogus"):
        linked_text.text_of(data, ".docx")
    assert linked_text.authors(data, ".docx") == []


@pytest.mark.parametrize(
    "members",
    [
        {"word/document.xml": DOCUMENT, "_rels/x.xml": BOGUS},
        {"word/document.xml": DOCUMENT, "word/_rels/document.xml.rels": BOGUS},
    ],
    ids=["rels-xml", "rels"],
)
def test_authors_reads_the_parts_text_of_reads(members: dict[str, bytes | str]) -> None:
    """A relationships part text_of passes over crashed authors(): the text is read, no name."""
    data = zipped(members)
    assert linked_text.text_of(data, ".docx") == "hi"
    assert linked_text.authors(data, ".docx") == []


def test_a_member_whose_offset_lies_is_no_crash() -> None:
    """«negative seek value» from zipfile came out of authors() as «Lỗi nội bộ»."""
    assert linked_text.authors(NEGATIVE_SEEK, ".xlsx") == []
    linked_text.text_of(NEGATIVE_SEEK, ".xlsx")  # no member of it is a part read


def pdf(content: bytes) -> bytes:
    """A one-page PDF showing `content` (its stream written as it is)."""
    head = b"%PDF-1.4\n1 0 obj <</Type /Page /Contents 2 0 R>> endobj\n"
    stream = b"2 0 obj <</Length " + str(len(content)).encode() + b">> stream\n"
    return head + stream + content + b"\nendstream endobj\n%%EOF"


@pytest.mark.parametrize("code", [rb"\203", rb"\200", rb"\237", rb"\001"])
def test_a_pdf_string_with_control_codes_is_glyph_numbers_not_clean(code: bytes) -> None:
    """«(M\\203T) Tj» (C1 codes, 128–159, are no letters in any text) passed as clean text."""
    with pytest.raises(linked_text.Unreadable, match="mã phông"):
        linked_text.text_of(pdf(b"BT /F1 12 Tf (M" + code + b"T) Tj ET"), ".pdf")


def test_a_pdf_string_in_latin_letters_is_read() -> None:
    """A string of letters (é is 233, above the C1 codes) is read as text."""
    assert linked_text.text_of(pdf(rb"BT /F1 12 Tf (Caf\351) Tj ET"), ".pdf") == "Café"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_text_file_in_utf16_without_its_bom_is_read(encoding: str) -> None:
    """Read as Windows-1258, «TỐI MẬT» in a UTF-16 .csv was NULs between letters: no stamp."""
    data = "Họ tên,Ghi chú\nTỐI MẬT\nSố CCCD: 012345678901\n".encode(encoding)
    assert linked_text.text_of(data, ".csv") == data.decode(encoding)


def test_a_read_part_whose_offset_lies_is_told_a_broken_zip_not_broken_xml() -> None:
    """The central directory says it starts further than it does: zipfile places the document's
    part before the file's start («negative seek value»), which was told «XML hỏng»: the editor
    looked for a mistake in the text, while the file itself is damaged."""
    data = zipped({"word/document.xml": DOCUMENT})
    end = data.rindex(b"PK\x05\x06")
    offset = int.from_bytes(data[end + 16 : end + 20], "little")
    lying = data[: end + 16] + (offset + 1000).to_bytes(4, "little") + data[end + 20 :]
    with pytest.raises(linked_text.Unreadable) as told:
        linked_text.text_of(lying, ".docx")
    assert str(told.value).startswith("tệp nén hỏng"), told.value
    assert linked_text.authors(lying, ".docx") == []
