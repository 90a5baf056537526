"""Words in angle brackets that are no HTML tag reach the reader as typed, on every channel.

Vietnamese administrative writing puts a campaign's name in keyboard angle brackets: «Tháng hành
động <<Vì an ninh Tổ quốc>>», «Chủ đề <Tết an toàn>». Python-Markdown takes any `<word …>` for
raw HTML and the sanitiser then drops it, so the words vanished from the website, Zalo and the
radio. Here a `<…>` is HTML only when it names an element (`<b>`, `<br>`, `<a href>`, Word's
`<o:p>`, `<script>`: the sanitiser still decides what survives) with attribute names in ASCII,
or is a comment, `<!…>` or `<?…?>`; the website then shows any other as text (escaped, never
markup), Zalo keeps its words (publish.sanitize), the search index finds them and the radio reads
them as a quotation («…»). A capitalised word that happens to name an element, alone in its
brackets or with capitalised words after it, and never closed after it in the paragraph, list
item, heading or table cell the website reads it in («bài hát <Em>», «<Mark>», «<Mark
Zuckerberg>»), is words too where the text around it is known (`is_markup`'s `text`): HTML
pasted from an editor writes `<em>` or `<EM>`, and a tag such as `<Em>` is closed by its `</em>`.
In a raw HTML block it is a tag, as the page's sanitiser and the secret gate take it
(`raw_html_settled`, for the readers of a whole body: the search index and the radio). Python-Markdown's own inline HTML pattern is kept, with its regex (the
speed-ups of publish.markdown_tuning know it by it): it only declines the words, so code spans,
escapes and autolinks are read exactly as before (publish.markdown_angle_text: apart, so that
what only decides, as the gates do on a build that replays, never imports Python-Markdown).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

__all__ = [
    "BLOCK_ELEMENTS",
    "HTML_ELEMENTS",
    "MARKDOWN_TAG",
    "NEVER_WORDS",
    "TAG_INSIDE",
    "TAG_RE",
    "VOID_ELEMENTS",
    "angles_quoted",
    "is_markup",
    "raw_blocks",
    "raw_html_settled",
    "tags_replaced",
]

HTML_ELEMENTS = frozenset({
    "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base",
    "basefont", "bdi", "bdo", "bgsound", "big", "blink", "blockquote", "body", "br", "button",
    "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd",
    "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset",
    "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
    "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "image", "img", "input",
    "ins", "isindex", "kbd", "keygen", "label", "legend", "li", "link", "listing", "main", "map",
    "mark", "marquee", "math", "menu", "menuitem", "meta", "meter", "multicol", "nav", "nextid",
    "nobr", "noembed", "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p",
    "param", "picture", "plaintext", "pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "s",
    "samp", "script", "search", "section", "select", "slot", "small", "source", "spacer", "span",
    "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template",
    "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var",
    "video", "wbr", "xmp",
    # Inside <svg> and <math> (a pasted drawing or formula: dropped by the sanitiser as before).
    "animate", "animatemotion", "animatetransform", "circle", "clippath", "defs", "desc", "ellipse",
    "filter", "foreignobject", "g", "line", "lineargradient", "marker", "mask", "metadata", "mpath",
    "path", "pattern", "polygon", "polyline", "radialgradient", "rect", "set", "stop", "switch",
    "symbol", "text", "textpath", "tspan", "use", "view", "annotation", "annotation-xml", "maction",
    "malignmark", "menclose", "merror", "mfenced", "mfrac", "mglyph", "mi", "mmultiscripts", "mn",
    "mo", "mover", "mpadded", "mphantom", "mroot", "mrow", "ms", "mspace", "msqrt", "mstyle",
    "msub", "msubsup", "msup", "mtable", "mtd", "mtext", "mtr", "munder", "munderover", "semantics",
})  # fmt: skip
"""The elements of HTML, current and obsolete, and of the SVG and MathML it may hold: what an
editor pasting HTML writes. «<Tết an toàn>», «<Vì an ninh Tổ quốc>», «<An toàn giao thông>»
name none."""

_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
"""A tag's name, read as an HTML parser reads it (up to a space, `/` or `>`)."""
_QUOTED = r"""(?:"[^"]*"|'[^']*')"""
"""An attribute's value in quotes, which may hold any text but its quote (`title='a>b'`)."""
_VALUE = re.compile(rf"""=\s*(?:{_QUOTED}|[^\s"'=<>`]+)""")
"""An attribute's value, which may be any text (`title="Công an xã"`); its name may not."""
_ATTRIBUTES = rf"""[^\s"'<>@]*+(?>(?:\s+[^\s"'=<>]+(?:\s*=\s*(?:{_QUOTED}|[^\s"'=<>]+))?)*)\s*/?"""
"""The rest of a tag's name and its attributes as Python-Markdown's inline HTML reads them
(`markdown.inlinepatterns.HTML_RE`): names without quotes, each after a space, a value maybe."""
MARKDOWN_TAG = re.compile(rf"</?[A-Za-z](?>{_ATTRIBUTES})>")
"""A tag as Python-Markdown's inline HTML reads one, each attribute after a space: its HTML_RE's
grammar, not the pattern itself, whose possessive groups Python 3.11's re may misread
(tests/test_regex_portability.py)."""
TAG_INSIDE = rf"""(?:(?>{_ATTRIBUTES})(?=>)|[^<>]*+)"""
"""What a tag holds after its `<` and first letter, up to its `>`: its attributes, whose quoted
values may hold `>` or `<` (`title='a>b'`), as Python-Markdown reads them; else anything up to
the first `>` (words in angle brackets, or a tag the website shows as text, `<b title="a>b"c>`,
whose leftover the radio then holds for)."""
TAG_RE = re.compile(rf"</?[A-Za-z]{TAG_INSIDE}>")
"""A start or end tag, its quoted values read whole (`TAG_INSIDE`): what the radio, the search
index and the reading of comments take out as a tag."""
_ANGLED = re.compile(rf"<(?P<inner>[^\W\d_]{TAG_INSIDE})>")
"""Words in angle brackets opening with a letter (`<1>` or `< 18 tuổi` are not), or a tag
(`TAG_INSIDE`); whether they are a tag is `is_markup`'s answer."""
_DOUBLED = re.compile(r"<<(?P<inner>[^<>]*+)>>")
"""Words in doubled angle brackets, with spaces inside or not (`<< Vì an ninh >>`): never HTML."""


def is_markup(tag: str, text: str | None = None, end: int = 0) -> bool:
    """Whether `tag` (a whole `<…>`) is HTML: a comment, a `<!…>` or `<?…?>`, or a start or end
    tag naming an element (`_names_element`) with its attribute names in ASCII. «<Em bé>» and «<A Lưới>»
    name elements, but «bé» and «Lưới» are no attribute names: they are words. Given the `text`
    the tag was found in and where it `end`s there, a capitalised word never closed after it
    (`_lone_word`: «<Em>», «<Mark>») is words too."""
    if tag.startswith(("<!", "<?")):
        return True
    found = _NAME.match(tag)
    if found is None or not _names_element(found[1].lower()):
        return False
    attributes = tag[found.end() :]
    if not (attributes.isascii() or _VALUE.sub("=", attributes).isascii()):
        return False
    return text is None or not _lone_word(tag, found[1], attributes, text, end)


def tags_replaced(
    pattern: re.Pattern[str], text: str, replacement: str, *, lone_words: bool = True
) -> str:
    """`text` with each match of `pattern` (a `<…>`) that `is_markup` replaced by
    `replacement`; words in angle brackets («<Tết an toàn>») kept as they are, and a lone
    capitalised word («<Em>», see `_lone_word`) too unless not `lone_words`."""
    if lone_words:
        return pattern.sub(lambda m: replacement if is_markup(m[0], text, m.end()) else m[0], text)
    return pattern.sub(lambda m: replacement if is_markup(m[0]) else m[0], text)


BLOCK_ELEMENTS = frozenset({
    "address", "article", "aside", "blockquote", "body", "canvas", "center", "colgroup", "dd",
    "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "group",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "iframe", "legend", "li",
    "main", "map", "math", "menu", "nav", "noscript", "object", "ol", "option", "output", "p",
    "pre", "progress", "script", "section", "style", "summary", "table", "tbody", "td", "textarea",
    "tfoot", "th", "thead", "tr", "ul", "video",
})  # fmt: skip
"""Python-Markdown 3.11's block-level elements (a test keeps them equal): at the start of a line
its HTML block parser takes them for HTML before the inline pass could decline them, so they
stay tags on every channel, as the website shows them."""
VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
})  # fmt: skip
"""Elements never closed, so that «unclosed» says nothing of them (`<Br>` is a line break)."""
NEVER_WORDS = BLOCK_ELEMENTS | VOID_ELEMENTS
"""Element names a capitalised `<…>` holding them stays a tag with (see `_lone_word`)."""
_CAPITALISED = re.compile(r"[A-Z][a-z][A-Za-z]*")
"""A capitalised word, a small letter after its capital («Em», «Mark»): not the capitals of old
HTML («EM», «BR», «P»), nor the small letters of today's."""
_WORDS_AFTER = re.compile(r"(?:\s+[A-Z][A-Za-z]*)*\s*")
"""Capitalised words after a capitalised name («<Mark Zuckerberg>»), where a tag has attributes
(`<em class=…>`, `<audio controls>`)."""


def _lone_word(tag: str, name: str, attributes: str, text: str, end: int) -> bool:
    """Whether `tag`, naming an element, is a word in prose: a start tag whose name is a
    capitalised word (`_CAPITALISED`) of no element in NEVER_WORDS, followed by nothing but
    capitalised words, and never closed after `end` in the text the website's inline pass reads
    it in (`_inline_end`: no `</em>` after «<Em>» in its paragraph, list item, heading or table
    cell)."""
    if tag.startswith("</") or not _CAPITALISED.fullmatch(name) or name.lower() in NEVER_WORDS:
        return False
    if not _WORDS_AFTER.fullmatch(attributes.removesuffix(">")):
        return False
    closing = _end_tags(text, name.lower())
    first = bisect_left(closing, end)
    return first == len(closing) or closing[first] >= _inline_end(text, end)


def _inline_end(text: str, end: int) -> int:
    """Where the piece of `text` that holds `end` ends for Python-Markdown's inline pass, which
    reads a paragraph, a list item, a heading or a table cell at a time: at a blank line, a `|`,
    a line opening a heading, list item, rule, fence or (outside one) a quotation, or the end of
    a heading's own line. The same rule for a body (the search index, the radio) as for the
    piece the website's inline pass is given (that piece holds none of them but a `|` or a
    line it keeps as text), so that every channel reads a `<Em>` alike."""
    line_start = text.rfind("\n", 0, end) + 1
    line = text[line_start : text.find("\n", end) % (len(text) + 1)]
    if _ATX.match(line):
        return line_start + len(line)
    breaks = _breaks(text, quoted=_QUOTE_LINE.match(line) is not None)
    found = bisect_left(breaks, end)
    return breaks[found] if found < len(breaks) else len(text)


@lru_cache(maxsize=16)
def _end_tags(text: str, name: str) -> list[int]:
    """Where each end tag of element `name` in `text` starts: one scan of a text for each
    name, however many `<Em>` it holds."""
    return [found.start() for found in re.finditer(rf"</{name}\s*>", text, re.IGNORECASE)]


@lru_cache(maxsize=16)
def _breaks(text: str, *, quoted: bool) -> list[int]:
    """Where each piece of `text` the inline pass reads apart ends (see `_inline_end`), for a
    `<Em>` on a line of a quotation (`quoted`: its other lines go on with it) or not."""
    pattern = _BREAK if quoted else _BREAK_OR_QUOTE
    return [found.start() for found in pattern.finditer(text)]


_ATX = re.compile(r" {0,3}#")
"""A line Python-Markdown reads as a heading (no space needed after the `#`)."""
_QUOTE_LINE = re.compile(r"[ \t]*>")
_OPENS = (
    r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)"  # a list item
    r"| {0,3}#"  # a heading
    r"| {0,3}(?:(?:[-*_=][ \t]*)+)$"  # a rule or a heading's underline
    r"| {0,3}(?:`{3,}|~{3,})"  # a fence
)
_BREAK = re.compile(rf"\n[^\S\n]*\n|\||\n(?=(?:{_OPENS}))", re.MULTILINE)
_BREAK_OR_QUOTE = re.compile(rf"\n[^\S\n]*\n|\||\n(?=(?:{_OPENS}|[ \t]*>))", re.MULTILINE)


def raw_html_settled(text: str, blocks: list[tuple[int, int]] | None = None) -> str:
    """Markdown `text` with each capitalised tag name inside a raw HTML block in small letters
    («<Em>» as «<em>»; same length, so lines and places keep): Python-Markdown hands such a
    block to the sanitiser whole, which takes «<Em>» for a tag, as the secret gate does. The
    search index and the radio read a body without Python-Markdown; after this, a lone «<Em>»
    is words (`_lone_word`) only where the website shows it as words. A block opens with a line
    starting with a block-level element's tag and runs to its end tag, or to the end of `text`
    when it has none (taken for HTML then: never words the website may not show); a void one
    (`<hr>`) is a block of its own tag. A block-level tag later on the line a block ends on opens
    another, as in Python-Markdown; one with a `markdown` attribute holds Markdown, read as any
    other. `blocks`, when given, are `raw_blocks(text)`, read already."""
    pieces: list[str] = []
    done = 0
    for start, end in raw_blocks(text) if blocks is None else blocks:
        pieces += [text[done:start], _CAPITAL_NAME.sub(_small_name, text[start:end])]
        done = end
    return "".join(pieces) + text[done:] if pieces else text


def raw_blocks(text: str) -> list[tuple[int, int]]:
    """Where each raw HTML block of Markdown `text` starts and ends, in order, as
    `raw_html_settled` tells them."""
    if "<" not in text or (_RAW_OPEN.match(text) is None and _LINE_TAG.search(text) is None):
        return []
    spans: list[tuple[int, int]] = []
    done = 0
    for line_opened in _line_tags(text):
        opened: re.Match[str] | None = line_opened
        if line_opened.start() < done:
            continue
        while opened is not None:
            name = opened["name"].lower()
            if name not in BLOCK_ELEMENTS or _MARKDOWN_INSIDE.match(opened["rest"]):
                break
            end = opened.end()
            if name in VOID_ELEMENTS:
                end += text.startswith(">", end)
            else:
                end = _block_end(text, name, end)
            spans.append((opened.start(), end))
            done = end
            opened = _tail_block(text, end)
    return spans


def _line_tags(text: str) -> Iterator[re.Match[str]]:
    """Each tag opening a line of `text` (`_RAW_OPEN`), found from the line breaks before a `<`
    so that a body is not matched at each of its places."""
    first = _RAW_OPEN.match(text)
    if first is not None:
        yield first
    for line in _LINE_TAG.finditer(text):
        opened = _RAW_OPEN.match(text, line.start() + 1)
        if opened is not None:
            yield opened


def _tail_block(text: str, end: int) -> re.Match[str] | None:
    """The first block-level element's start tag on the rest of the line a raw HTML block ends
    at `end`, which Python-Markdown takes for the start of another block."""
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    for tag in _START_TAG.finditer(text, end, line_end):
        if tag["name"].lower() in BLOCK_ELEMENTS:
            return tag
    return None


def _block_end(text: str, name: str, start: int) -> int:
    """Where the raw HTML block of element `name` whose start tag ends at `start` ends: after
    the end tag matching it (the same element nested inside counted), or at the end of `text`."""
    depth = 1
    for tag in _element_tags(name).finditer(text, start):
        depth += -1 if tag[1] else 0 if tag[0].endswith("/>") else 1
        if depth == 0:
            return tag.end()
    return len(text)


@lru_cache(maxsize=len(BLOCK_ELEMENTS))
def _element_tags(name: str) -> re.Pattern[str]:
    """The start and end tags of element `name`, compiled once per name."""
    return re.compile(rf"<(/?){name}(?=[\s/>])[^>]*>?", re.IGNORECASE)


def _small_name(tag: re.Match[str]) -> str:
    """A tag's start with its element's name in small letters."""
    return tag[1] + tag[2].lower()


_TAG_START = r"<(?P<name>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)(?P<rest>[^\n>]*)"
_START_TAG = re.compile(_TAG_START, re.MULTILINE)
_RAW_OPEN = re.compile(rf"^ {{0,3}}{_TAG_START}", re.MULTILINE)
"""A line opening with a tag, as Python-Markdown's raw HTML blocks do (with a block-level
element's: BLOCK_ELEMENTS)."""
_LINE_TAG = re.compile(r"\n {0,3}<[A-Za-z]")
"""Where a line may open with a tag: a literal line break first, which re finds fast, where
`_RAW_OPEN`'s `^` made it try every place of a body."""
_MARKDOWN_INSIDE = re.compile(r".*\smarkdown\s*=", re.IGNORECASE)
_CAPITAL_NAME = re.compile(r"(</?)([A-Z][a-z][A-Za-z]*)(?=[\s/>])")
"""A tag name `_lone_word` may take for a word (`_CAPITALISED`)."""


def _names_element(name: str) -> bool:
    """Whether `name` (lower case) is an element's: one of HTML's, or an ASCII one with a
    prefix or a hyphen, as Word's `<o:p>` or a custom element (`<st1:place>`, `<my-map>`)."""
    return name in HTML_ELEMENTS or (name.isascii() and (":" in name or "-" in name))


def angles_quoted(text: str) -> str:
    """`text` with the words it holds in angle brackets that are no tag as a quotation: «<<Vì
    an ninh Tổ quốc>>» and «<Tết an toàn>» become «Vì an ninh Tổ quốc» and «Tết an toàn» (read
    aloud as quotation marks are); tags are left for the caller to take out."""
    if "<" not in text:
        return text
    if "<<" in text:
        text = _DOUBLED.sub(_doubled_quoted, text)
    return _ANGLED.sub(_quoted, text) if "<" in text else text


def _doubled_quoted(match: re.Match[str]) -> str:
    """The words of a `_DOUBLED` match in «…», without the spaces around them; `<<>>` as it is."""
    words = match["inner"].strip()
    return f"«{words}»" if words else match[0]


def _quoted(match: re.Match[str]) -> str:
    """The words of a `_ANGLED` match in «…», or the match itself when it is a tag."""
    return match[0] if is_markup(match[0], match.string, match.end()) else f"«{match['inner']}»"
