"""script.docx: the episode script for the station's reader, in large type, one item per page.

Laid out here as plain paragraphs, looked up in the radio cache, and built by `radio_docx` (in a
worker process, which imports that module alone).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass

from publish.config import Config
from publish.render.radio.cache import Store
from publish.render.radio.episode import Episode
from publish.render.radio.items import LEAD_IN_LABEL, TAG_LABEL, is_cue
from publish.render.radio.layout import (
    END_MARK,
    NEWS_TYPES,
    cue_line,
    episode_heading,
    header_fields,
    pages,
    shown_title,
    title_line,
)
from publish.render.radio.rundown import clock, mss
from publish.render.radio_docx import BODY_PT, CUE_PT, ParagraphSpec, build_docx

__all__ = [
    "BODY_PT",
    "CUE_PT",
    "WordPlan",
    "build_docx",
    "docx_index",
    "keep_docx",
    "settle_docx",
    "word_plan",
]


@dataclass(frozen=True, slots=True)
class WordPlan:
    """An episode's Word script as plain data, and its bytes when the radio cache holds them."""

    paragraphs: list[ParagraphSpec]
    properties: dict[str, str]
    key: str
    cached: bytes | None

    def job(self) -> Callable[[], bytes]:
        """The job that builds the document with python-docx, for a worker: what it pickles
        names `radio_docx` alone, so the worker imports none of the radio renderer."""
        return functools.partial(build_docx, self.paragraphs, self.properties)


def word_plan(episode: Episode, config: Config) -> WordPlan:
    """The episode script as a Word document (cover with the running order, then one page per
    item) as plain data, looked up in the radio cache.

    python-docx costs about a tenth of a millisecond per paragraph, so a document is only built
    when its content changed: the bytes are kept in the radio cache keyed on the paragraphs and
    properties that decide them.
    """
    paragraphs, properties = _plan(episode, config)
    store = Store(config.root, "docx", ".docx")
    key = store.key("script.docx", paragraphs, properties)
    return WordPlan(paragraphs, properties, key, store.get(key))


def keep_docx(plan: WordPlan, data: bytes, config: Config) -> None:
    """Put a newly built document in the radio cache."""
    if plan.cached is None:
        Store(config.root, "docx", ".docx").put(plan.key, data)


def docx_index(config: Config) -> dict[str, str] | None:
    """Episode week → key of its Word file in the radio cache, as the last build left it."""
    return Store(config.root, "docx", ".docx").index()


def settle_docx(config: Config, index: dict[str, str], before: dict[str, str] | None) -> None:
    """Keep only the current episodes' Word files (`index`): an old script.docx may hold a
    bulletin withdrawn since, and CI keeps `.cache/` between runs."""
    Store(config.root, "docx", ".docx").settle(index, before)


def _plan(episode: Episode, config: Config) -> tuple[list[ParagraphSpec], dict[str, str]]:
    """Every paragraph of the script and the core properties, as plain data."""
    plan: list[ParagraphSpec] = []

    def paragraph(text: str, size: int, bold: bool = False, page_break: bool = False) -> None:
        plan.append((((text, size, bold),), page_break, False))

    def cue(text: str, page_break: bool = False) -> None:
        """S5: a cue on its own line, in capitals and bold, never read."""
        paragraph(text.upper(), CUE_PT, bold=True, page_break=page_break)

    def labelled(label: str, text: str) -> None:
        plan.append((((label, BODY_PT, True), (text, BODY_PT, False)), False, False))

    for number, line in enumerate(episode_heading(episode, config)):
        paragraph(line, BODY_PT if number == 0 else CUE_PT, bold=True)
    rows = episode.timing.rows
    faded = episode.timing.faded
    segments = episode.segments
    paragraph("THỨ TỰ PHÁT SÓNG", CUE_PT, bold=True)
    for segment, row in zip(segments, rows, strict=True):
        title = f"  {shown_title(segment)}" if segment.bulletin is not None else ""
        paragraph(
            f"{row.number}  {clock(row.on_air)}  {mss(row.seconds)}  {segment.slug}  "
            f"{segment.label.upper()}{title}",
            CUE_PT,
        )
    for page in pages(segments):
        first = True
        for index in page.before:
            cue(cue_line(segments[index], rows[index], faded(index)), page_break=first)
            first = False
        segment, row = segments[page.item], rows[page.item]
        header = f"[{row.number}]  {segment.slug}  |  {header_fields(segment, row).upper()}"
        paragraph(header, CUE_PT, bold=True, page_break=first)
        for line in title_line(segment):
            paragraph(line.upper(), CUE_PT)
        if segment.lead_in:
            labelled(LEAD_IN_LABEL, segment.lead_in)
        for text in segment.paragraphs:
            if is_cue(text):
                cue(text)
            else:
                paragraph(text, BODY_PT)
        if segment.tag:
            labelled(TAG_LABEL, segment.tag)
        if segment.label in NEWS_TYPES:
            plan.append((((END_MARK, CUE_PT, True),), False, True))
        for index in page.after:
            cue(cue_line(segments[index], rows[index], faded(index)))  # after the end mark (S7)
    moment = episode.air.astimezone(dt.UTC).replace(tzinfo=None)
    properties = {
        "title": f"{config.radio.program} — tập {episode.week}",
        "author": config.unit.name,
        "moment": moment.isoformat(),
    }
    return plan, properties
