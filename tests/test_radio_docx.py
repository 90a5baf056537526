"""The Word file of an episode: python-docx's package, written once with fixed entry times."""

from __future__ import annotations

import io
import zipfile

import pytest

from publish.render import radio_docx

PARAGRAPHS: list[radio_docx.ParagraphSpec] = [
    ((("BẢN TIN PHÁT THANH", radio_docx.CUE_PT, True),), False, False),
    ((("Công an xã nhắc bà con khóa cửa\tcẩn thận.", radio_docx.BODY_PT, False),), False, False),
    ((("Hết.", radio_docx.CUE_PT, False),), True, True),
]
PROPERTIES = {"moment": "2026-12-05T17:00:00+07:00", "title": "Tập 49", "author": "Công an xã"}


def test_a_word_file_is_compressed_once_with_fixed_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each item of the package is written (and compressed) once, not saved by python-docx and
    then rewritten to fix the times: same items, same order, same bytes as python-docx's."""
    written: list[str] = []
    writestr = zipfile.ZipFile.writestr

    def counting(self, info, data, *args, **kwargs):  # type: ignore[no-untyped-def]
        written.append(info.filename if isinstance(info, zipfile.ZipInfo) else info)
        return writestr(self, info, data, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", counting)
    data = radio_docx.build_docx(PARAGRAPHS, PROPERTIES)
    monkeypatch.setattr(zipfile.ZipFile, "writestr", writestr)
    made = zipfile.ZipFile(io.BytesIO(data))
    assert written == made.namelist()
    assert all(info.date_time == radio_docx.ZIP_TIME for info in made.infolist())
    assert {info.external_attr for info in made.infolist()} == {0o644 << 16}
    assert {info.compress_type for info in made.infolist()} == {zipfile.ZIP_DEFLATED}
    # python-docx's own save of the same document: the same items in the same order.
    from docx import Document

    saved = io.BytesIO()
    Document(io.BytesIO(data)).save(saved)
    theirs = zipfile.ZipFile(saved)
    assert theirs.namelist() == made.namelist()
    assert radio_docx.build_docx(PARAGRAPHS, PROPERTIES) == data  # reproducible
    text = made.read("word/document.xml").decode("utf-8")
    assert "khóa cửa" in text and "Tập 49" in made.read("docProps/core.xml").decode("utf-8")


def test_a_python_docx_without_the_private_writer_steps_gives_the_same_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The package is written through python-docx's private PackageWriter steps; a release
    without them falls back to its public save with the entries re-timed: same bytes."""
    direct = radio_docx.build_docx(PARAGRAPHS, PROPERTIES)
    monkeypatch.setattr(radio_docx, "WRITER_STEPS", ("_write_parts", "_written_elsewhere"))
    assert radio_docx.build_docx(PARAGRAPHS, PROPERTIES) == direct


def _plain_python_docx(paragraphs: list[radio_docx.ParagraphSpec]) -> bytes:
    """document.xml as python-docx's public API writes these paragraphs, one by one."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    radio_docx._set_up(document)
    for runs, page_break, right in paragraphs:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.page_break_before = page_break
        for text, size, bold in runs:
            run = paragraph.add_run(text)
            run.font.size = Pt(size)
            run.font.bold = bold
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    saved = io.BytesIO()
    document.save(saved)
    return zipfile.ZipFile(saved).read("word/document.xml")


RUN_TEXTS = [
    "Công an xã nhắc bà con khóa cửa cẩn thận.",
    "  thụt đầu dòng",
    "dấu cách cuối ",
    "Tôm & cá <tươi> > «ươn» \"nháy\" 'đơn'",
    "cột\tthứ hai",
    "dòng một\ndòng hai\rdòng ba",
    "",
    "ký tự ngoài BMP: 𝔸 và ️emoji 🚓",
]


def test_the_document_is_what_python_docx_writes_paragraph_by_paragraph() -> None:
    """The paragraphs, spelt as text around each shape's serialised paragraph, give the very
    XML python-docx's own API writes: spaces kept, &, < and > escaped, tabs and breaks as their
    elements, several runs, shapes, page breaks and right alignment."""
    paragraphs: list[radio_docx.ParagraphSpec] = []
    for i, text in enumerate(RUN_TEXTS):
        paragraphs.append((((text, radio_docx.BODY_PT, False),), False, False))
        paragraphs.append((((text, radio_docx.CUE_PT, True),), i % 2 == 0, i % 3 == 0))
        paragraphs.append(
            (
                (("Người đọc: ", radio_docx.CUE_PT, True), (text, radio_docx.BODY_PT, False)),
                False,
                True,
            )
        )
    made = zipfile.ZipFile(io.BytesIO(radio_docx.build_docx(paragraphs, PROPERTIES)))
    assert made.read("word/document.xml") == _plain_python_docx(paragraphs)
    assert radio_docx.build_docx([], PROPERTIES) != b""
    empty = zipfile.ZipFile(io.BytesIO(radio_docx.build_docx([], PROPERTIES)))
    assert empty.read("word/document.xml") == _plain_python_docx([])


def test_a_text_xml_cannot_hold_is_refused_as_python_docx_refuses_it() -> None:
    """A control character (a vertical tab pasted from Word) is refused by lxml, as it was
    when every paragraph was made as elements: never a Word file that does not open."""
    with pytest.raises(ValueError, match="XML compatible"):
        radio_docx.build_docx(
            [((("a\x0bb", radio_docx.BODY_PT, False),), False, False)], PROPERTIES
        )


def test_a_shape_whose_runs_cannot_be_split_is_made_as_elements(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should python-docx write a text-less run some other way (no `</w:r>` to put the text
    before), the paragraphs of that shape are made as elements: the same document."""
    paragraphs: list[radio_docx.ParagraphSpec] = [
        ((("Tin thứ nhất & <b>", radio_docx.BODY_PT, False),), False, False),
        ((("  Tin thứ hai", radio_docx.BODY_PT, False),), False, False),
    ]
    made = radio_docx.build_docx(paragraphs, PROPERTIES)
    monkeypatch.setattr(radio_docx, "_xml", lambda p: radio_docx._NAMESPACES.sub("", _bare(p)))
    assert radio_docx.build_docx(paragraphs, PROPERTIES) == made


def _bare(paragraph: object) -> str:
    """A paragraph's XML as if text-less runs had no end tag to split at (`</w:r>` mangled);
    with text, as lxml writes it."""
    from lxml import etree  # type: ignore[import-untyped]  # python-docx's XML library

    xml = etree.tostring(paragraph, encoding="unicode")
    return xml.replace("</w:r>", "<w:r/>") if "<w:t" not in xml else xml
