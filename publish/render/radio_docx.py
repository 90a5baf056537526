"""Word files of radio scripts made from plain paragraphs with python-docx: what a fresh worker
process (`parallel.run_apart`) imports to build one, without the radio renderer (whose package
loads the read-aloud rules, ~0.2 s of each worker's start-up).

Byte-identical on every rebuild: fixed core-property dates and fixed zip entry times, so sync and
the staging writer see an unchanged episode as unchanged.
"""

from __future__ import annotations

import copy
import datetime as dt
import gc
import html
import io
import re
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.opc.packuri import PackURI
    from docx.oxml.text.paragraph import CT_P
    from docx.oxml.text.run import CT_R
    from docx.text.paragraph import Paragraph

__all__ = ["BODY_PT", "CUE_PT", "ParagraphSpec", "Run", "build_docx"]

BODY_PT = 16
"""Size of the text read aloud: large enough for a non-professional reader."""
CUE_PT = 14
"""Size of everything not read aloud (headers, cues); never below 14 pt."""
FONT = "Arial"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


Run = tuple[str, int, bool]
"""(text, point size, bold) of one run."""
ParagraphSpec = tuple[tuple[Run, ...], bool, bool]
"""One paragraph: its runs, whether it starts a page, whether it is right-aligned."""


def build_docx(paragraphs: list[ParagraphSpec], properties: dict[str, str]) -> bytes:
    """Build the Word file with python-docx: A4, large type, fixed dates and zip times."""
    data = _build_docx(paragraphs, properties)
    # python-docx's parts and their package refer to each other, so a finished document (~5 MB
    # of XML trees) was freed only by a full collection, which a long process seldom runs: a
    # build of the test site's 4 episodes left ~20 MB behind, publish serve as much at each
    # rebuild. Its objects are among the youngest: collecting them here is cheap.
    gc.collect(1)
    return data


def _build_docx(paragraphs: list[ParagraphSpec], properties: dict[str, str]) -> bytes:
    """The Word file's bytes (see build_docx).

    The first paragraph of each shape (runs' sizes and weights, page break, alignment) is made
    through python-docx, without text, and serialised; every paragraph of that shape is then
    spelt as text around it, as lxml would serialise it, and the document's XML is the
    serialised skeleton with those paragraphs spliced in. Copying a paragraph's elements and
    giving each run its text element, as python-docx does, took half of each file's build (an
    episode of ~2,700 paragraphs: ~100 ms, now ~50, most of it compressing the zip).
    """
    # Imported here: python-docx and lxml take a tenth of a second to load, and only the
    # processes that write Word files need them (the build's own process lays out the plans).
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    _set_up(document)
    shapes: dict[tuple[object, ...], _Shape] = {}
    spelt: list[str] = []
    for runs, page_break, right in paragraphs:
        shape = (tuple((size, bold) for _, size, bold in runs), page_break, right)
        made = shapes.get(shape)
        if made is None:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.page_break_before = page_break
            for _text, size, bold in runs:
                _run(paragraph, "", size=size, bold=bold)
            if right:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            made = shapes[shape] = _Shape(paragraph._p)
        spelt.append(made.spell([text for text, _, _ in runs]))
    for made in shapes.values():
        made.element.getparent().remove(made.element)
    _set_properties(document, properties)
    body = "".join(spelt).encode("utf-8")
    return _package_bytes(document, body)


class _Shape:
    """A paragraph shape: the XML of its text-less paragraph, split where each run's text goes."""

    def __init__(self, element: CT_P) -> None:
        """Serialise `element` (a text-less paragraph of the document)."""
        self.element = element
        pieces = _xml(element).split("</w:r>")
        # Each run ends where its text goes; a python-docx writing runs otherwise (an empty
        # run as <w:r/>) gets every paragraph of this shape made as elements instead.
        self.pieces = pieces if len(pieces) == len(element.r_lst) + 1 else None

    def spell(self, texts: list[str]) -> str:
        """The paragraph's XML with these run texts, as python-docx and lxml would write it."""
        if self.pieces is None or not _PLAIN.fullmatch("".join(texts)):
            return self._serialised(texts)
        parts = [self.pieces[0]]
        for text, after in zip(texts, self.pieces[1:], strict=True):
            if text:
                space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
                parts.append(f"<w:t{space}>{html.escape(text, quote=False)}</w:t>")
            parts.append("</w:r>")
            parts.append(after)
        return "".join(parts)

    def _serialised(self, texts: list[str]) -> str:
        """The paragraph made as elements (texts with tabs, breaks or what XML cannot hold:
        python-docx turns the first into their elements and lxml refuses the last)."""
        element = copy.deepcopy(self.element)
        for run, text in zip(element.r_lst, texts, strict=True):
            _set_text(run, text)
        return _xml(element)


def _xml(paragraph: CT_P) -> str:
    """A paragraph's XML as the document's XML holds it."""
    from lxml import etree  # type: ignore[import-untyped]  # python-docx's XML library

    return _NAMESPACES.sub("", etree.tostring(paragraph, encoding="unicode"), count=1)


_NAMESPACES = re.compile(r'(?<=^<w:p)(?: xmlns:\w+="[^"]*")+')
"""The namespace declarations lxml puts on an element it serialises alone: the document's root
declares them, so inside it the paragraph carries none."""
_PLAIN = re.compile(r"[^\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]*")
"""A run text lxml writes as it is, but for &, < and > (escaped as html.escape does)."""


def _set_up(document: WordDocument) -> None:
    """A4 pages, readable margins, a large Normal style that keeps paragraphs whole."""
    from docx.shared import Cm, Pt

    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.left_margin = section.right_margin = Cm(2.5)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    fmt = normal.paragraph_format
    fmt.line_spacing = 1.5
    fmt.space_after = Pt(10)
    fmt.widow_control = True
    # S7: no sentence may cross a page break, so no paragraph is split across pages.
    fmt.keep_together = True


def _set_text(run: CT_R, text: str) -> None:
    """Give an empty run its text, as python-docx's `Run.text` would."""
    if "\t" in text or "\n" in text or "\r" in text:
        run.text = text  # tabs and breaks become their own elements
    elif text:
        run.add_t(text)  # what Run.text does for plain text: one w:t (space="preserve" if needed)


def _run(paragraph: Paragraph, text: str, *, size: int, bold: bool = False) -> None:
    """Append a run with explicit size and weight."""
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold


def _set_properties(document: WordDocument, properties: dict[str, str]) -> None:
    """Core properties from the episode only (no clock), so the file is reproducible."""
    moment = dt.datetime.fromisoformat(properties["moment"])
    core = document.core_properties
    core.title = properties["title"]
    core.subject = "Kịch bản phát thanh"
    core.author = properties["author"]
    core.last_modified_by = properties["author"]
    core.comments = ""
    core.revision = 1
    core.created = moment
    core.modified = moment
    core.last_printed = moment


WRITER_STEPS = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")
"""python-docx's private PackageWriter steps the Word file is written through (1.1, 1.2)."""


class _FixedTimes:
    """Writes a package's items into a zip as python-docx's own writer does, but with fixed
    entry times and permissions (python-docx stamps the current time), and the document's
    paragraphs spliced into its XML."""

    def __init__(self, target: zipfile.ZipFile, main: str, body: bytes) -> None:
        """Write into `target`; `body` goes into the item named `main`."""
        self.target, self.main, self.body = target, main, body

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        """Add one item under its member name (the part name without the leading slash)."""
        self.add(pack_uri.membername, blob)

    def add(self, name: str, blob: bytes) -> None:
        """Add the item `name`, the paragraphs spliced in if it is the document."""
        _add(self.target, name, _spliced(blob, self.body) if name == self.main else blob)


def _spliced(document_xml: bytes, body: bytes) -> bytes:
    """The document's XML with `body` (its paragraphs) where python-docx adds paragraphs:
    before the body's own section properties, the body's last child."""
    end = document_xml.rindex(b"</w:body>")
    section = document_xml.rfind(b"<w:sectPr", 0, end)
    at = section if section >= 0 and document_xml.rfind(b"</w:p>", 0, end) < section else end
    return document_xml[:at] + body + document_xml[at:]


def _add(target: zipfile.ZipFile, name: str, blob: bytes) -> None:
    """Add one entry with the fixed time and permissions."""
    entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    target.writestr(entry, blob)


def _package_bytes(document: WordDocument, body: bytes) -> bytes:
    """The Word file's bytes, its entries with fixed times and `body` in its document: what
    `document.save` writes, in its order, without saving it first and rewriting the zip (which
    compressed everything twice: a fifth of each file's build)."""
    from docx.opc.pkgwriter import PackageWriter

    main = document.part.partname.membername
    if not all(hasattr(PackageWriter, step) for step in WRITER_STEPS):
        # Another python-docx without these private steps: its public save, entries re-timed.
        saved = io.BytesIO()
        document.save(saved)
        return _retimed(saved.getvalue(), main, body)
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        writer = _FixedTimes(target, main, body)
        # The steps of PackageWriter.write, with this writer for its zip writer.
        PackageWriter._write_content_types_stream(writer, parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        PackageWriter._write_parts(writer, parts)  # type: ignore[arg-type]
    return out.getvalue()


def _retimed(data: bytes, main: str, body: bytes) -> bytes:
    """A saved package rewritten with fixed entry times and permissions, `body` spliced into
    the item named `main`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        writer = _FixedTimes(target, main, body)
        for info in source.infolist():
            writer.add(info.filename, source.read(info.filename))
    return out.getvalue()
