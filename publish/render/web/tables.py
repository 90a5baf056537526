"""Tables a phone shows row by row: each cell labelled with its column's heading; a first
column that names each row made its row's header.

A table of three columns or more with one header row and no merged cells gets `class="stack"`
and, on each body cell, `data-label` (its column heading as text); style.css then lays such a
table out as one box per row («Năm 2022: 76») where its box is narrow in the reader's text size.
It stays a <table> with its <th> headings (hidden from sight there, not removed), which Chromium
and Firefox keep exposing as a table; ARIA roles on its parts, which would say so to WebKit too,
are invalid HTML on a <table>'s own parts (the Nu checker's error). The label is drawn, not read
(the cell's header says it).

A first column of labels («Số vụ phạm pháp hình sự | 89 | 76») is written as row headers,
`<th scope="row">`: a screen reader then says which row a figure is of, not only its column
(«Năm 2022, 76» told nothing of what was counted). Markdown has no way to say so; a column is
taken for labels when its heading is left empty, when each of its cells is bold, or when it
holds words beside a column of figures. On a phone the row header heads its row's box.

An empty cell (the «Ghi chú» of a total row) gets no label: its box showed a bare «Ghi chú:».
A word too long for a column (a scam domain, a web address: LONG_WORD) may break anywhere
(`class="long-word"`): it made the whole table wider than a wide screen, cut off at its edge,
while a figure or an ordinary word still breaks only between words.
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
CELL_RE = re.compile(r"<(td|th)\b([^>]*)>(.*?)</\1>", re.DOTALL)
TAG_RE = re.compile(r"<[^>]*>")
NOT_STACKED = ("<thead", "<table", "colspan", "rowspan")
"""A second header row, a table inside, merged cells: no one label per cell."""
LEAST_COLUMNS = 3
"""Two columns fit a phone even at 200 % text: such a table stays one."""
BODY_RE = re.compile(r"<tbody>(.*?)</tbody>", re.DOTALL)
BODY_CELL_RE = re.compile(r"<td\b([^>]*)>(.*?)</td>", re.DOTALL)
BOLD_RE = re.compile(r"\s*<strong>.*</strong>\s*", re.DOTALL)
FIGURE_RE = re.compile(r"[-+−]?\d")
"""How a figure starts: «89», «84,3%», «21 vụ / 34 đối tượng», «-5»."""
TAG_OR_TEXT_RE = re.compile(r'<[^>"]*+(?>(?:"[^"]*+"[^>"]*+)*)>|([^<]+)')
"""A tag (its attribute values quoted with «"», as the sanitiser writes them: one may hold «>»),
or a run of text (group 1)."""
RUN_RE = re.compile(r"[^\s<>]+")
"""A run of text without spaces as written, which may still hold an entity read as one
(«1.250.000.000&nbsp;đồng»: pages._body writes Word's no-break spaces back as `&nbsp;`)."""
ENTITY_RE = re.compile(r"(&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")
"""An entity (`&amp;`, `&#160;`), captured: splitting a run on it keeps it, at each odd index."""
LONG_WORD = 20
"""A word of 20 characters or more as the reader sees them (entities read, split at any space,
a no-break one too): a web address, a domain, an e-mail address. The longest figures and words
of a table («1.250.000.000.000», «100/2019/NĐ-CP», a 16-digit card number) are shorter, and keep
breaking only between words."""
LONG_WORD_SPAN = '<span class="long-word">{}</span>'


def _text(cell: str) -> str:
    """A cell's text: tags dropped, entities read, spaces collapsed."""
    return " ".join(htmllib.unescape(TAG_RE.sub("", cell)).split())


def _labels_first(headings: list[str], rows: list[list[str]]) -> bool:
    """Whether the first column of a table (its `headings`, its body `rows` of cells) names
    each row: its heading left empty over others, each of its cells bold, or words in each of
    its cells beside a column of figures. Every row needs a name and another cell."""
    if not rows or any(len(r) < 2 or not _text(r[0]) for r in rows):
        return False
    if headings and not _text(headings[0]) and any(_text(h) for h in headings[1:]):
        return True
    if all(BOLD_RE.fullmatch(r[0]) for r in rows):
        return True
    if any(FIGURE_RE.match(_text(r[0])) for r in rows):
        return False  # a numbered list («1», «2»…) or figures: no names
    width = min(len(r) for r in rows)
    return any(all(FIGURE_RE.match(_text(r[i])) for r in rows) for i in range(1, width))


def _row_headed(match: re.Match[str]) -> str:
    """The table with its first column made row headers when it names the rows; else as it
    was (one with merged cells, a table inside or a header cell of its own in the body too)."""
    table = match[0]
    head, body = HEAD_RE.match(match[1]), BODY_RE.search(match[1])
    if head is None or body is None or any(s in body[1] for s in (*NOT_STACKED, "<th")):
        return table
    rows = [[c[2] for c in BODY_CELL_RE.finditer(r)] for r in ROW_RE.findall(body[1])]
    if not _labels_first(HEADER_CELL_RE.findall(head[1]), rows):
        return table

    def headed(row: re.Match[str]) -> str:
        """A body row whose first cell is its header."""
        first = BODY_CELL_RE.sub(r'<th scope="row"\1>\2</th>', row[1], count=1)
        return f"<tr>{first}</tr>"

    start = match.start(1) + body.start(1) - match.start(0)
    end = match.start(1) + body.end(1) - match.start(0)
    return table[:start] + ROW_RE.sub(headed, body[1]) + table[end:]


def _label(cell: str) -> str:
    """A header cell's text as an attribute value: tags dropped, spaces collapsed."""
    return htmllib.escape(_text(cell), quote=True)


def _stacked(match: re.Match[str]) -> str:
    """The table, its first column made row headers when it names the rows (_row_headed),
    marked to stack on a narrow screen when it has one header row of plain headings and no
    merged cells; else not marked (it keeps scrolling sideways)."""
    table = _row_headed(match)
    inner = table[len("<table>") : -len("</table>")]
    head = HEAD_RE.match(inner)
    if head is None or "<td" in head[1] or "span=" in head[1]:
        return table
    if any(s in head[2] for s in NOT_STACKED):
        return table
    labels = [_label(cell) for cell in HEADER_CELL_RE.findall(head[1])]
    if len(labels) < LEAST_COLUMNS:
        return table

    def row(found: re.Match[str]) -> str:
        """A body row whose cells carry their column's label."""
        column = itertools.count()

        def cell(c: re.Match[str]) -> str:
            """One cell with its column's label (a row header heads the box, an empty cell
            shows nothing: none)."""
            index = next(column)
            label = labels[index] if index < len(labels) and c[1] == "td" else ""
            if not label or (not _text(c[3]) and "<img" not in c[3]):
                return c[0]
            return f'<{c[1]} data-label="{label}"{c[2]}>{c[3]}</{c[1]}>'

        return f"<tr>{CELL_RE.sub(cell, found[1])}</tr>"

    return f'<table class="stack">{inner[: head.start(2)]}{ROW_RE.sub(row, head[2])}</table>'


def _marked(run: re.Match[str]) -> str:
    """A run of text without spaces as written (RUN_RE), each of its words of LONG_WORD
    characters or more, as read, marked; an entity read as a space parts two words."""
    parts = ENTITY_RE.split(run[0])
    out: list[str] = []
    word: list[str] = []

    def close() -> None:
        """The word gathered so far, marked when it is long, added to `out`."""
        written = "".join(word)
        long = len(htmllib.unescape(written)) >= LONG_WORD
        out.append(LONG_WORD_SPAN.format(written) if long else written)
        word.clear()

    for index, part in enumerate(parts):
        if index % 2 and htmllib.unescape(part).isspace():
            close()
            out.append(part)
        else:
            word.append(part)
    close()
    return "".join(out)


def _long_words(table: str) -> str:
    """The table with each word too long for a column (LONG_WORD) marked to break anywhere."""

    def text(found: re.Match[str]) -> str:
        """A tag as it is; a run of text with its long words marked."""
        if found[1] is None:
            return found[0]
        return RUN_RE.sub(_marked, found[1])

    return TAG_OR_TEXT_RE.sub(text, table)


def stacked_tables(html: str) -> str:
    """`html` with each table that has a header row marked to show row by row on a phone, its
    first column made row headers when it names the rows, and its long words free to break."""
    if "<table>" not in html:
        return html
    return TABLE_RE.sub(lambda m: _long_words(_stacked(m)), html)
