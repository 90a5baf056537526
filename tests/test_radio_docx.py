"""The Word file of an episode: python-docx's package, written once with fixed entry times."""

from __future__ import annotations

import io
import zipfile

from publish.render import radio_docx

PARAGRAPHS: list[radio_docx.ParagraphSpec] = [
    ((("BẢN TIN PHÁT THANH", radio_docx.CUE_PT, True),), False, False),
    ((("Công an xã nhắc bà con khóa cửa\tcẩn thận.", radio_docx.BODY_PT, False),), False, False),
    ((("Hết.", radio_docx.CUE_PT, False),), True, True),
]
PROPERTIES = {"moment": "2026-12-05T17:00:00+07:00", "title": "Tập 49", "author": "Công an xã"}


def test_a_word_file_is_compressed_once_with_fixed_times(monkeypatch) -> None:
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


def test_a_python_docx_without_the_private_writer_steps_gives_the_same_file(monkeypatch) -> None:
    """The package is written through python-docx's private PackageWriter steps; a release
    without them falls back to its public save with the entries re-timed: same bytes."""
    direct = radio_docx.build_docx(PARAGRAPHS, PROPERTIES)
    monkeypatch.setattr(radio_docx, "WRITER_STEPS", ("_write_parts", "_written_elsewhere"))
    assert radio_docx.build_docx(PARAGRAPHS, PROPERTIES) == direct
