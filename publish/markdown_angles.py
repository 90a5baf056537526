"""Words in angle brackets that are no HTML tag reach the reader as typed, on every channel.

Vietnamese administrative writing puts a campaign's name in keyboard angle brackets: «Tháng hành
động <<Vì an ninh Tổ quốc>>», «Chủ đề <Tết an toàn>». Python-Markdown takes any `<word …>` for
raw HTML and the sanitiser then drops it, so the words vanished from the website, Zalo and the
radio. Here a `<…>` is HTML only when it names an element (`<b>`, `<br>`, `<a href>`, Word's
`<o:p>`, `<script>`: the sanitiser still decides what survives) with attribute names in ASCII,
or is a comment, `<!…>` or `<?…?>`; the website then shows any other as text (escaped, never
markup), Zalo keeps its words (publish.sanitize), the search index finds them and the radio reads
them as a quotation («…»). A capitalised word that happens to name an element, alone in its
brackets or with capitalised words after it, and never closed after it («bài hát <Em>», «<Mark>»,
«<Mark Zuckerberg>»), is words too where the text around it is known (`is_markup`'s `text`): HTML
pasted from an editor writes `<em>` or `<EM>`, and a tag such as `<Em>` is closed by its `</em>`. Python-Markdown's own inline HTML pattern is kept, with its regex (the
speed-ups of publish.markdown_tuning know it by it): it only declines the words, so code spans,
escapes and autolinks are read exactly as before (publish.markdown_angle_text: apart, so that
what only decides, as the gates do on a build that replays, never imports Python-Markdown).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

__all__ = [
    "BLOCK_ELEMENTS",
    "HTML_ELEMENTS",
    "NEVER_WORDS",
    "VOID_ELEMENTS",
    "angles_quoted",
    "is_markup",
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
_VALUE = re.compile(r"""=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)""")
"""An attribute's value, which may be any text (`title="Công an xã"`); its name may not."""
_ANGLED = re.compile(r"<(?P<inner>[^\W\d_][^<>]*)>")
"""Words in angle brackets opening with a letter (`<1>` or `< 18 tuổi` are not); whether they
are a tag is `is_markup`'s answer."""
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
    capitalised words, and never closed after `end` in its paragraph of `text` (no `</em>`
    after «<Em>» before a blank line: the website reads a paragraph at a time)."""
    if tag.startswith("</") or not _CAPITALISED.fullmatch(name) or name.lower() in NEVER_WORDS:
        return False
    if not _WORDS_AFTER.fullmatch(attributes.removesuffix(">")):
        return False
    closing = _end_tags(text, name.lower())
    first = bisect_left(closing, end)
    if first == len(closing):
        return True
    breaks = _blank_lines(text)
    paragraph_end = (
        breaks[found] if (found := bisect_left(breaks, end)) < len(breaks) else len(text)
    )
    return closing[first] >= paragraph_end


@lru_cache(maxsize=16)
def _end_tags(text: str, name: str) -> list[int]:
    """Where each end tag of element `name` in `text` starts: one scan of a text for each
    name, however many `<Em>` it holds."""
    return [found.start() for found in re.finditer(rf"</{name}\s*>", text, re.IGNORECASE)]


@lru_cache(maxsize=16)
def _blank_lines(text: str) -> list[int]:
    """Where each blank line of `text` (the end of a paragraph) starts."""
    return [found.start() for found in _BLANK_LINE.finditer(text)]


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


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
