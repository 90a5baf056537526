"""script.docx: the episode script for the station's reader, in large type, one item per page.

Byte-identical on every rebuild: fixed core-property dates and fixed zip entry times, so sync and
the staging writer see an unchanged episode as unchanged.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from publish.config import Config
from publish.render.radio.episode import Episode
from publish.render.radio.items import is_cue
from publish.render.radio.layout import END_MARK, cue_line, episode_heading, header_fields, pages
from publish.render.radio.rundown import clock, mss

__all__ = ["BODY_PT", "CUE_PT", "script_docx"]

BODY_PT = 16
"""Size of the text read aloud: large enough for a non-professional reader."""
CUE_PT = 14
"""Size of everything not read aloud (headers, cues); never below 14 pt."""
FONT = "Arial"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def script_docx(episode: Episode, config: Config) -> bytes:
    """The episode script as a Word document: cover with the running order, then one page per item."""
    document = Document()
    _set_up(document)
    for number, line in enumerate(episode_heading(episode, config)):
        _paragraph(document, line, size=BODY_PT if number == 0 else CUE_PT, bold=True)
    rows = episode.timing.rows
    segments = episode.segments
    _paragraph(document, "THỨ TỰ PHÁT SÓNG", size=CUE_PT, bold=True)
    for segment, row in zip(segments, rows, strict=True):
        _paragraph(
            document,
            f"{row.number}  {clock(row.on_air)}  {mss(row.seconds)}  {segment.slug}  "
            f"{segment.label.upper()}",
            size=CUE_PT,
        )
    for page in pages(segments):
        first = True
        for index in page.before:
            _cue(document, cue_line(segments[index], rows[index]), page_break=first)
            first = False
        segment, row = segments[page.item], rows[page.item]
        header = f"[{row.number}]  {segment.slug}  |  {header_fields(segment, row).upper()}"
        _paragraph(document, header, size=CUE_PT, bold=True, page_break=first)
        if segment.lead_in:
            paragraph = _paragraph(document, "LỜI DẪN: ", size=BODY_PT, bold=True)
            _run(paragraph, segment.lead_in, size=BODY_PT)
        for text in segment.paragraphs:
            if is_cue(text):
                _cue(document, text)
            else:
                _paragraph(document, text, size=BODY_PT)
        if segment.tag:
            paragraph = _paragraph(document, "LỜI KẾT TIN: ", size=BODY_PT, bold=True)
            _run(paragraph, segment.tag, size=BODY_PT)
        for index in page.after:
            _cue(document, cue_line(segments[index], rows[index]))
        if segment.label in ("Tin", "Bài"):
            end = _paragraph(document, END_MARK, size=CUE_PT, bold=True)
            end.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _set_properties(document, episode, config)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _set_up(document: Document) -> None:
    """A4 pages, readable margins, a large Normal style that keeps paragraphs whole."""
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


def _paragraph(
    document: Document, text: str, *, size: int, bold: bool = False, page_break: bool = False
) -> Paragraph:
    """Add a paragraph with one run of text."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.page_break_before = page_break
    _run(paragraph, text, size=size, bold=bold)
    return paragraph


def _run(paragraph: Paragraph, text: str, *, size: int, bold: bool = False) -> None:
    """Append a run with explicit size and weight."""
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold


def _cue(document: Document, text: str, *, page_break: bool = False) -> None:
    """S5: a cue on its own line, in capitals and bold, never read."""
    _paragraph(document, text.upper(), size=CUE_PT, bold=True, page_break=page_break)


def _set_properties(document: Document, episode: Episode, config: Config) -> None:
    """Core properties from the episode only (no clock), so the file is reproducible."""
    moment = episode.air.astimezone(dt.UTC).replace(tzinfo=None)
    core = document.core_properties
    core.title = f"{config.radio.program} — tập {episode.week}"
    core.subject = "Kịch bản phát thanh"
    core.author = config.unit.name
    core.last_modified_by = config.unit.name
    core.comments = ""
    core.revision = 1
    core.created = moment
    core.modified = moment
    core.last_printed = moment


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry times (python-docx stamps the current time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
