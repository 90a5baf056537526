"""Tables a phone shows row by row: each cell labelled with its column's heading.

A table of three columns or more with one header row and no merged cells gets `class="stack"`
and, on each body cell, `data-label` (its column heading as text); style.css then lays such a
table out as one box per row («Năm 2022: 76») where its box is narrow in the reader's text size.
It stays a <table> with its <th> headings (hidden from sight there, not removed), which Chromium
and Firefox keep exposing as a table; ARIA roles on its parts, which would say so to WebKit too,
are invalid HTML on a <table>'s own parts (the Nu checker's error). The label is drawn, not read
(the cell's header says it).
"""

from __future__ import annotations

import html as htmllib
import itertools
import re

__all__ = ["stacked_tables"]

TABLE_RE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
"""A table as the Markdown renderer writes it (no attributes; raw HTML ones lose theirs)."""
HEAD_RE = re.compile(r"\A\s*<thead>\s*<tr>(.*?)</tr>\s*</thead>(.*)\Z", re.DOTALL)
HEADER_CELL_RE = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
ROW_RE = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
CELL_RE = re.compile(r"<(td|th)\b([^>]*)>")
TAG_RE = re.compile(r"<[^>]*>")
NOT_STACKED = ("<thead", "<table", "colspan", "rowspan")
"""A second header row, a table inside, merged cells: no one label per cell."""
LEAST_COLUMNS = 3
"""Two columns fit a phone even at 200 % text: such a table stays one."""


def _label(cell: str) -> str:
    """A header cell's text as an attribute value: tags dropped, spaces collapsed."""
    text = " ".join(htmllib.unescape(TAG_RE.sub("", cell)).split())
    return htmllib.escape(text, quote=True)


def _stacked(match: re.Match[str]) -> str:
    """The table, marked to stack on a narrow screen when it has one header row of plain
    headings and no merged cells; else as it was (it keeps scrolling sideways)."""
    inner = match[1]
    head = HEAD_RE.match(inner)
    if head is None or "<td" in head[1] or "span=" in head[1]:
        return match[0]
    if any(s in head[2] for s in NOT_STACKED):
        return match[0]
    labels = [_label(cell) for cell in HEADER_CELL_RE.findall(head[1])]
    if len(labels) < LEAST_COLUMNS:
        return match[0]

    def row(found: re.Match[str]) -> str:
        """A body row whose cells carry their column's label."""
        column = itertools.count()

        def cell(c: re.Match[str]) -> str:
            """One cell with its column's label."""
            index = next(column)
            label = labels[index] if index < len(labels) else ""
            return f'<{c[1]} data-label="{label}"{c[2]}>' if label else c[0]

        return f"<tr>{CELL_RE.sub(cell, found[1])}</tr>"

    return f'<table class="stack">{inner[: head.start(2)]}{ROW_RE.sub(row, head[2])}</table>'


def stacked_tables(html: str) -> str:
    """`html` with each table that has a header row marked to show row by row on a phone."""
    return TABLE_RE.sub(_stacked, html) if "<table>" in html else html
