"""Markdown → Zalo article body blocks: plain-text paragraphs and image blocks, never HTML.

Zalo's `text` block is one paragraph of text (whether it accepts HTML is unconfirmed), so the
body is converted to HTML with Python-Markdown, then walked: each paragraph, heading, list item,
quote or table row becomes one text block, each image an image block. Tags are dropped, the
content of script/style/iframe-like elements is dropped whole, and a link is followed by the
address it leads to in brackets, as the payload's `LinkTarget` says (an absolute web address,
an e-mail address or a phone number; nothing for a link within the article).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import markdown

from publish.config import zalo_length
from publish.markdown_dialect import dialect_extensions
from publish.markdown_plain import PlainMarkdown, bare_html
from publish.markdown_tuning import tuned
from publish.sanitize import WORD_JOINER, strip_markup
from publish.text import SPACE_AFTER
from publish.titled_names import held_captions_dropped

__all__ = [
    "CaptionHeld",
    "ImageBlock",
    "LinkTarget",
    "LinkText",
    "markdown_blocks",
    "plain_text",
    "to_html",
]

ImageBlock = Callable[[str, str, str], "dict[str, Any] | None"]
"""(src, alt, title) → an image block, or None to leave the image out."""
LinkTarget = Callable[[str], "str | None"]
"""href → the absolute URL to show after the link text, or None to show the text only ("" too,
for a link whose text LinkText may still change: one to a page not published now)."""
LinkText = Callable[[str, str], "str | None"]
"""A link's href and its text → the text to show instead, or None to keep it."""
CaptionHeld = Callable[[str], bool]
"""A figure caption's words → whether they name a file the website has no page of now: then
the article leaves the caption out, as the page does."""

SKIPPED = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"}
PARAGRAPHS = {"p", "div", "pre", "figure", "figcaption", "dt", "dd", "section", "article", "hr"} | {
    "details", "summary", "address", "aside", "header", "footer", "nav", "main", "center"
}  # fmt: skip
"""Tags whose text is a paragraph of its own: raw HTML's blocks too, or «<summary>Xem
thêm</summary>Nội dung» ran together as «Xem thêmNội dung»."""
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
EMPHASIS = {"strong", "b", "em", "i"}
"""Tags whose look Zalo's plain text drops: what ends them must not run into the next word."""
CELL_BREAKS = PARAGRAPHS | HEADINGS | {"ul", "ol", "li", "br", "blockquote"}
"""Tags that end a block everywhere but in a table cell, where they end a phrase of the row."""
QUOTE_MARKS = "“\"'‘«„"
LINE = "\x00"
"""A line break kept inside a paragraph's text (<br>, a line of code) until it is flushed."""
SENTENCE_END_RE = re.compile(r"[.!?…][”\"»’)]*(?=\s+[“\"«(]?[^\W\d_])")
"""The end of a sentence: a stop, any closing marks, then space before a word; the word's case
and the word before the stop are checked by the caller (no cut in «Bà N.T.H. (62 tuổi)»)."""
CLAUSE_END_RE = re.compile(r"[,;:](?=\s)")
"""The end of a clause inside a sentence: a comma, semicolon or colon before a space."""
NOT_AN_END = frozenset(
    {"TP", "Tp", "TX", "TT", "Q", "P", "H", "X", "Ô", "Đ/c", "đ/c", "Đc", "ThS", "TS", "PGS"}
    | {"GS", "BS", "CN", "KS", "LS", "Th.S", "Ths", "NXB", "St", "Mr", "Mrs", "Ms", "Dr"}
)
"""Words a stop follows inside a sentence (`sống tại TP. Hồ Chí Minh`, `Đ/c. Nguyễn Văn A`),
besides a single capital letter (an initial): no block is cut after them."""
ADDRESS_RE = re.compile(
    r"(?:(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://|(?<![\w.-])www\.)\S+|(?<!\S)[^\s@]+@\S+",
    re.IGNORECASE,
)
"""A web or e-mail address in a text: a heading's capitals must leave it as it leads. Each starts
only where one can (not inside a run of letters), so a long unbroken run is scanned once."""


def heading_case(text: str) -> str:
    """A heading in capitals, each address in it as written (a path's case is part of it)."""
    kept = [(m.start(), m.end()) for m in ADDRESS_RE.finditer(text)]
    parts, last = [], 0
    for start, end in kept:
        parts += [text[last:start].upper(), text[start:end]]
        last = end
    return "".join(parts) + text[last:].upper()


def pieces(text: str, limit: int, unit: str = "utf16") -> list[str]:
    """`text` cut into runs of at most `limit` characters counted in `unit` ([zalo]
    length_unit): after the last sentence that fits, else after the last clause (in the run's
    second half), else at the last space, else (a run with no space, such as a pasted share
    link) at the limit itself: a block over [zalo] text_block_max may have Zalo refuse the
    whole article."""
    found: list[str] = []
    while zalo_length(text, unit) > limit:
        room = _room(text, limit, unit)
        window = text[: room + 1]
        ends = [
            m.end()
            for m in SENTENCE_END_RE.finditer(window)
            if window[m.end() :].lstrip()[:2].lstrip('“"«(')[:1].isupper()
            and not _abbreviated(window, m.start())
        ]
        cut = ends[-1] if ends else _clause_end(window) or window.rfind(" ")
        if cut <= 0:
            cut = max(room, 1)
        found.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*found, text]


def _room(text: str, limit: int, unit: str) -> int:
    """How many characters from the start of `text` fit in `limit` counted in `unit`."""
    if unit != "utf16" or zalo_length(text[:limit], unit) == limit:
        return limit  # as many units as characters: none of them counts two
    used = 0
    for at, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            return at
    return len(text)


def _clause_end(window: str) -> int:
    """Where the last clause in `window` ends (after «,», «;» or «:» before a space), when
    that is in its second half; else 0. A cut at any space may part a name or a place
    («Nguyễn Văn | Hùng», «Phú | Thạnh»), which a clause's end does not."""
    found = [m.end() for m in CLAUSE_END_RE.finditer(window)]
    return found[-1] if found and found[-1] >= len(window) // 2 else 0


def _abbreviated(text: str, stop: int) -> bool:
    """Whether the stop at text[stop] ends an abbreviation or an initial, not a sentence."""
    word = text[max(0, stop - 12) : stop].rsplit(None, 1)[-1:] or [""]
    token = word[0].lstrip('(“"«')
    return (len(token) == 1 and token.isupper()) or token in NOT_AN_END


def is_notice(text: str, label: str) -> bool:
    """Whether a quote starting with `text` is a notice, not words someone said: it opens with a
    bold label («**Lưu ý:**», «**Cảnh báo**:», as `publish migrate` writes a notice) or with
    «Lưu ý:» itself."""
    if label and text.startswith(label):
        rest = text[len(label) :].lstrip()
        if label.endswith(":") or rest.startswith(":"):
            return True
    return text.casefold().startswith("lưu ý:")


def already_shown(target: str, shown: str) -> bool:
    """Whether a link's text already gives the address it leads to: the address itself, the
    same without «https://» and a last «/» («tinnhiemmang.vn»), or a phone number's digits
    («0277 3610 113» for tel:02773610113), so it is not written twice."""
    bare = re.sub(r"^https?://", "", target, flags=re.IGNORECASE).rstrip("/")
    # Whole addresses only: «vietcombank.com.vn-xac-thuc.top» does not give vietcombank.com.vn.
    whole = rf"(?<![\w.@/-])(?:https?://)?{re.escape(bare)}/?(?![\w/@-]|\.\w)"
    if bare and re.search(whole, shown, re.IGNORECASE):
        return True
    digits = re.sub(r"\D", "", target)
    return re.fullmatch(r"[\d\s().+-]+", target) is not None and digits in re.sub(r"\D", "", shown)


def table_row(head: list[str], row: list[str | None]) -> str:
    """One table row as a phone shows it: «first cell — Label: cell; Label: cell», each cell
    named by its column's header, empty cells left out (a row as «a | b | c» was a run of
    bars the reader had to match to a header row far above on a narrow screen). None is a
    column the cell to its left spans: that cell is named by both labels; cells under one
    label (a header spanning them) are read together, «Địa điểm: A, B»."""
    lead = (row[0] or "") if row else ""
    labels = [head[i] if i < len(head) else "" for i in range(len(row))]
    rest: list[str] = []
    previous = ""
    for i, cell in enumerate(row):
        if not i or not cell:
            previous = "" if cell == "" else previous
            continue
        spanned = [labels[i]]
        for j in range(i + 1, len(row)):
            if row[j] is not None:
                break
            spanned.append(labels[j])
        label = ", ".join(dict.fromkeys(x for x in spanned if x))
        if label and label == previous:
            rest[-1] += f", {cell}"
        else:
            rest.append(f"{label}: {cell}" if label else cell)
        previous = label
    if lead and rest:
        return f"{lead} — {'; '.join(rest)}"
    return lead or "; ".join(rest)


def merged_head(head: list[str], row: list[str | None]) -> list[str]:
    """The labels of a table's columns after one more header row: a label under a wider one
    («Địa điểm» over «Xã» and «Ấp») is read with it, «Địa điểm – Xã»."""
    merged = []
    for i in range(max(len(head), len(row))):
        upper = head[i] if i < len(head) else ""
        lower = (row[i] if i < len(row) else "") or ""
        merged.append(" – ".join(dict.fromkeys(x for x in (upper, lower) if x)))
    return merged


def _span(value: str | None) -> int:
    """A cell's colspan or rowspan: a whole number from 1 to 100, else 1."""
    return int(value) if value and value.strip().isdigit() and 0 < int(value) <= 100 else 1


def plain_text(text: str) -> str:
    """One line of NFC text: whitespace collapsed, anything that looks like markup removed (a
    `<` that could start a tag followed by an invisible word joiner: «<Tết an toàn>» reads as
    typed, a space after «<» showed)."""
    # Repeated until stable: one pass leaves "<scr<b>ipt>" as "<script>".
    text = strip_markup(text, WORD_JOINER)
    # split() takes the whitespace that regex \s does (both str.isspace), ~3 times faster.
    return unicodedata.normalize("NFC", " ".join(text.split()))


class _Walker(HTMLParser):
    """Collects text blocks and image blocks from sanitised-or-not HTML."""

    def __init__(
        self,
        image: ImageBlock,
        link: LinkTarget,
        text_max: int,
        shown: LinkText | None = None,
        unit: str = "utf16",
    ) -> None:
        super().__init__(convert_charrefs=True)
        self.image = image
        self.link = link
        self.shown = shown
        self.text_max = text_max  # a longer paragraph is cut between sentences
        self.unit = unit  # what text_max counts ([zalo] length_unit)
        self.blocks: list[dict[str, Any]] = []
        self.buffer: list[str] = []
        self.skipping = 0
        self.lists: list[list[Any]] = []  # [kind, counter] per open list
        self.item_prefix = ""
        self.in_item = False
        self.quotes = 0
        self.notices: list[bool | None] = []  # per open quote: a notice? (None: not yet known)
        self.label_start: int | None = None  # where bold text opening a paragraph starts
        self.label = ""  # that bold text: «Lưu ý:» makes a quote a notice
        self.heading = False
        self.links: list[tuple[str, int, str]] = []  # href, where its text starts, class
        self.footnotes = False  # inside Python-Markdown's list of footnotes
        self.backref = False  # inside a footnote's «↩» link back to its marker
        self.head: list[str] = []  # the table's header cells: each other cell's label
        self.row: list[str | None] = []
        self.cell: int | None = None  # where the open cell's text starts in the buffer
        self.cell_tag = "td"  # the open cell's tag: «th» for a header's label
        self.tables = 0  # tables open: a cell's tag outside one is nothing, as on the page
        self.span = (1, 1)  # the open cell's colspan and rowspan
        # Column → a cell spanning down into the next rows, and how many rows it has left.
        self.above: dict[int, tuple[str | None, int]] = {}
        self.images: list[dict[str, Any]] = []  # a row's images, placed after its text
        self.header_row = False
        self.bullet = ""  # a table row's «• », set before its flush
        self.rows = 0
        self.code = 0  # inside <pre>: each line of code is a line of its own
        self.emphasis_closed = False  # the last tag closed bold or italics: see handle_data

    def flush(self) -> None:
        """Turn the buffered text into text blocks with their list/quote/heading form: one a
        line, since a Zalo text block is a paragraph without line breaks."""
        lines = [line for part in "".join(self.buffer).split(LINE) if (line := plain_text(part))]
        self.buffer, bullet, self.bullet = [], self.bullet, ""
        if not lines:
            return
        if self.heading:
            lines = [heading_case(line) for line in lines]
        label, self.label = self.label, ""
        if self.notices and self.notices[-1] is None:
            self.notices[-1] = is_notice(lines[0], label)
        if self.quotes and not self.notices[-1] and lines[0][0] not in QUOTE_MARKS:
            lines[0] = "“" + lines[0]
            lines[-1] += "”"
        # A table row's bullet goes before the quotation marks, as a list item's: «• “…”».
        lines[0] = bullet + lines[0]
        indent = "   " * max(0, len(self.lists) - 1) if self.in_item else ""
        for line in lines:
            for piece in pieces(line, self.text_max - len(indent) - 5, self.unit):
                if self.in_item:
                    piece = indent + (self.item_prefix or "   ") + piece
                    self.item_prefix = ""
                self.blocks.append({"type": "text", "content": piece})

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a block, a list, a link or a cell; place an image."""
        self.emphasis_closed = False
        if tag in SKIPPED:
            self.skipping += 1
            return
        if self.skipping:
            return
        values = {k: v or "" for k, v in attrs}
        if self.cell is not None and tag in CELL_BREAKS:
            # A paragraph, list or line break in a cell (raw HTML tables) is a space in its row:
            # a block of its own would take the cell out of the row, unlabelled.
            self.buffer.append(LINE)
        elif self.cell is not None and tag == "img":
            block = self.image(
                values.get("src", ""), values.get("alt", ""), values.get("title", "")
            )
            if block is not None:
                self.images.append(block)
        elif tag == "div" and "footnote" in values.get("class", "").split():
            self.flush()
            self.footnotes = True
        elif tag in PARAGRAPHS or tag in HEADINGS:
            self.flush()
            self.heading = tag in HEADINGS
            self.code += tag == "pre"
        elif tag in ("ul", "ol"):
            self.flush()
            start = values.get("start", "1")
            # The footnotes' own list: numbered as their markers are, «[1]».
            kind = "footnote" if self.footnotes and not self.lists else tag
            self.lists.append([kind, int(start) - 1 if start.isdigit() else 0])
        elif tag == "li":
            self.flush()
            self.in_item = True
            if self.lists:
                current = self.lists[-1]
                current[1] += 1
                self.item_prefix = {"ol": f"{current[1]}. ", "footnote": f"[{current[1]}] "}.get(
                    current[0], "• "
                )
            else:
                self.item_prefix = "• "
        elif tag == "blockquote":
            self.flush()
            self.quotes += 1
            self.notices.append(None)
        elif tag in ("strong", "b") and not plain_text("".join(self.buffer)):
            self.label_start = len(self.buffer)
        elif tag == "br":
            self.buffer.append(LINE)
        elif tag == "img":
            self.flush()
            block = self.image(
                values.get("src", ""), values.get("alt", ""), values.get("title", "")
            )
            if block is not None:
                self.blocks.append(block)
        elif tag == "a":
            kind = values.get("class", "")
            if kind == "footnote-backref":
                self.backref = True  # «↩» leads back within the article: nothing to read
            elif kind == "footnote-ref":
                self.buffer.append("[")  # «chú thích[1]», not a bare digit run into the word
            self.links.append((values.get("href", ""), len(self.buffer), kind))
        elif tag == "table":
            self.flush()
            self.tables += 1
            self.head, self.rows, self.above = [], 0, {}
        elif tag == "tr" and self.tables:
            if self.cell is not None:
                # A row never closed ends where the next starts, its open cell with it.
                self.handle_endtag("tr")
            self.flush()
            self.row, self.header_row = [], True
        elif tag in ("td", "th") and self.tables:
            if self.cell is not None:
                # The parser ends a cell never closed where the next starts: its words stay.
                self.handle_endtag(self.cell_tag)
            self.cell, self.cell_tag = len(self.buffer), tag
            self.span = (_span(values.get("colspan")), _span(values.get("rowspan")))
            self.header_row = self.header_row and tag == "th"

    def handle_endtag(self, tag: str) -> None:
        """Close whatever the tag opened."""
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping:
            return
        self.emphasis_closed = tag in EMPHASIS
        if self.cell is not None and tag in CELL_BREAKS:
            self.buffer.append(LINE)
        elif tag in PARAGRAPHS or tag in HEADINGS:
            self.flush()
            self.heading = False
            self.code = max(0, self.code - (tag == "pre"))
        elif tag in ("td", "th") and self.cell is not None:
            text = plain_text("".join(self.buffer[self.cell :]).replace(LINE, " "))
            del self.buffer[self.cell :]
            self.cell = None
            self.place(text, tag == "th")
        elif tag == "tr":
            if self.cell is not None:
                self.handle_endtag(self.cell_tag)  # a cell never closed ends with its row
            self.place_above()
            if self.header_row and not self.rows:
                self.head = merged_head(self.head, self.row)
            elif any(self.row):
                self.buffer, self.bullet = [table_row(self.head, self.row)], "• "
                self.rows += 1
            self.flush()
            self.blocks += self.images
            self.images = []
        elif tag == "table":
            if self.cell is not None:
                self.handle_endtag("tr")  # a row and cell never closed end with their table
            self.tables = max(0, self.tables - 1)
            if not self.rows and any(self.head):  # a header and no rows: still its words
                self.buffer, self.bullet = ["; ".join(c for c in self.head if c)], "• "
            self.flush()
            self.blocks += self.images
            self.images = []
        elif tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
            self.in_item = bool(self.lists)
        elif tag == "li":
            self.flush()
            self.in_item = False
        elif tag == "blockquote":
            self.flush()
            self.quotes = max(0, self.quotes - 1)
            self.notices = self.notices[:-1]
        elif tag in ("strong", "b") and self.label_start is not None:
            self.label = plain_text("".join(self.buffer[self.label_start :]))
            self.label_start = None
        elif tag == "a" and self.links:
            href, start, kind = self.links.pop()
            self.backref = False
            if kind == "footnote-ref":
                self.buffer.append("]")
            target = self.link(href.strip()) if href.strip() else None
            shown = plain_text("".join(self.buffer[start:]))
            # A line break in the words parts two of them (links.held_words): as a space.
            asked = shown.replace(LINE, " ")
            instead = self.shown(href.strip(), asked) if self.shown and target is not None else None
            if instead is not None:
                self.buffer[start:] = [shown := instead]
            if target and not already_shown(target, shown):
                self.buffer.append(f" ({target})")

    def place_above(self) -> None:
        """Put in the row the cells that span down into it from rows above, up to the first
        column still free."""
        while (column := len(self.row)) in self.above:
            text, left = self.above.pop(column)
            self.row.append(text)
            if left > 1:
                self.above[column] = (text, left - 1)

    def place(self, text: str, header: bool) -> None:
        """Put a closed cell in its row: in each column it spans (a header's label names them
        all; a data cell is read once, in its first), and in the rows below it spans."""
        self.place_above()
        columns, rows = self.span
        for offset in range(columns):
            shown = text if header or not offset else None
            self.row.append(shown)
            if rows > 1:
                self.above[len(self.row) - 1] = (shown, rows - 1)

    def handle_data(self, data: str) -> None:
        """Buffer text outside skipped elements; a space where bold or italics ended on a
        mark a space follows and a letter comes right after it («**Lưu ý:**Không»): Zalo's
        plain text drops the bold that told them apart, «Lưu ý:Không» read as one word."""
        glued, self.emphasis_closed = self.emphasis_closed, False
        if self.skipping or self.backref:
            return
        if glued and data[:1].isalpha() and self._ends_with(SPACE_AFTER):
            data = " " + data
        self.buffer.append(data.replace("\n", LINE) if self.code else data)

    def _ends_with(self, marks: str) -> bool:
        """Whether the text buffered so far ends with one of `marks`."""
        last = next((part for part in reversed(self.buffer) if part), "")
        return bool(last) and last[-1] in marks

    def close(self) -> None:
        """Flush the last paragraph."""
        super().close()
        self.flush()


_LOCAL = threading.local()


def _converter() -> markdown.Markdown:
    """This thread's Markdown converter ("extra", "sane_lists", lists under text, escapable
    quotes, words in angle brackets kept), reset between bodies."""
    md = getattr(_LOCAL, "md", None)
    if md is None:
        md = _LOCAL.md = tuned(
            markdown.Markdown(
                extensions=dialect_extensions(),
                output_format="html",
            )
        )
        _LOCAL.plain = PlainMarkdown(md)  # reads plain bodies as this converter does
    return md


def to_html(body: str) -> str:
    """Python-Markdown's HTML for one body, exactly as `markdown.markdown` with the editors'
    dialect (publish.markdown_dialect) writes it (one converter per thread instead of one per
    body; a plain body written straight from its blocks)."""
    md = _converter()
    blocks = _LOCAL.plain.parse(body)
    if blocks is not None:
        return bare_html(blocks)
    return md.reset().convert(body)


def markdown_blocks(
    body: str,
    *,
    image: ImageBlock,
    link: LinkTarget,
    text_max: int = 1000,
    shown: LinkText | None = None,
    unit: str = "utf16",
    caption_held: CaptionHeld | None = None,
) -> list[dict[str, Any]]:
    """The blocks of one Markdown body, in reading order; a paragraph over `text_max` characters
    (counted in `unit`, [zalo] length_unit) is cut between sentences (a run with no space at the
    limit itself); a link with an address to show shows the text `shown` gives instead of its
    own, when it gives one; a figure's caption whose words `caption_held` says name a held file
    is left out."""
    html = to_html(body)
    if caption_held is not None and "<fig" in html.lower():
        # Read as the page and the check read them (titled_names.caption_spans).
        html = held_captions_dropped(html, caption_held)
    walker = _Walker(image, link, text_max, shown, unit)
    walker.feed(html)
    walker.close()
    return walker.blocks
