"""The shortcuts of publish.markdown_tuning give the stock answer, and skip the stock work.

Each shortcut is compared with the stock Python-Markdown code it stands in for, on generated
text (tests/test_markdown_same_html.py compares whole documents); the "skips" tests fail on
the stock code, which does the work whatever the text holds.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import deque

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown.extensions import md_in_html
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.inlinepatterns import DelimiterProcessor
from markdown.treeprocessors import UnescapeTreeprocessor

from publish import markdown_pasted
from publish.markdown_escapes import QuoteEscapes
from publish.markdown_lists import ListsAfterText
from publish.markdown_pasted import PastedLists
from publish.markdown_tuning import tuned
from publish.render.zalo.blocks import to_html

EXTENSIONS = ["extra", "sane_lists"]


def _converter() -> markdown.Markdown:
    """A converter with the website's stock extensions (what the shortcuts are built for)."""
    return markdown.Markdown(
        extensions=[*EXTENSIONS, PastedLists(), ListsAfterText(), QuoteEscapes()],
        output_format="html",
    )


STOCK = _converter()
TUNED = tuned(_converter())

pieces = st.sampled_from(
    [
        "*", "**", "***", "_", "__", "a", "b c", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r",
        "```", "~~~", "````", "<", ">", "&", "&amp;", "&amp", "<div>", "</div>", "<b>", "</b>",
        "<!-- c -->", "<hr>", "`", "\\", "đậm", "Công an", "\x02", "\x03", "   \n", "x_y",
        '<div markdown="1">', "~~~ {.py}", "```python", ":", "-", "1.", "~~~\nmã\n~~~",
        "```\n## mã\n```", "~~~~\n~~~\n~~~~", "{", "}", "{: #x }", " {: .lop }", "{#a}", "## A {#b}", "*in*{: .lop }", "**đậm** {#c}",
        "\\*", "\\_", "\\{", "\\`", "\\\\", "![a\\_b](anh\\_1.jpg)", "[x](/a\\_b)", "\n\n",
    ]
)  # fmt: skip
lines = st.lists(st.one_of(pieces, st.text(max_size=3)), max_size=6).map("".join)
texts = st.lists(lines, max_size=12).map("\n".join)
"""Lines of pieces: fences, HTML, entities, delimiters, blank lines, lines of spaces or tabs."""


def _delimiter(md: markdown.Markdown) -> DelimiterProcessor:
    """The emphasis processor of a converter."""
    (found,) = (p for p in md.inlinePatterns if isinstance(p, DelimiterProcessor))
    return found


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 60), st.booleans(), st.booleans())
@example("a_*b*", 0, False, False)  # a closing `_` with none open, an opening `*` next to it
@example("**Công an** xã", 2, True, False)
def test_the_emphasis_search_finds_what_the_stock_one_finds(
    data: str, start: int, star_open: bool, underscore_open: bool
) -> None:
    processor = _delimiter(TUNED)
    opened = {"*": star_open, "_": underscore_open}
    try:
        for token, delimiter in processor.delimiters.items():
            delimiter.stack = deque([(0, 1, False, 1, 1)] if opened[token] else [])
        stock = DelimiterProcessor.search(processor, data, start)
        quick = processor.search(data, start)
        assert (quick and (quick.span(), quick.lastgroup)) == (
            stock and (stock.span(), stock.lastgroup)
        )
    finally:
        processor.reset()


class _Counted(str):
    """A text that counts how often Python code picks out one of its characters."""

    picked = 0

    def __getitem__(self, key: object) -> str:  # type: ignore[override]
        """The stock item, counted."""
        type(self).picked += 1
        return str.__getitem__(self, key)  # type: ignore[index]


def test_a_long_bold_paragraph_is_not_read_one_character_at_a_time() -> None:
    processor = _delimiter(TUNED)
    text = _Counted("**" + ("Công an huyện Châu Thành " * 40).strip() + "**")
    _Counted.picked = 0
    processor.delimiters["*"].stack.append((0, 2, False, 2, 2))
    try:
        match = processor.search(text, 2)
    finally:
        processor.reset()
    assert match is not None and match.start() == len(text) - 2
    assert _Counted.picked < 10  # the stock search looks at all ~1,000 characters


def _preprocessed(md: markdown.Markdown, text: str) -> tuple[list[str], list[str]]:
    """The lines the preprocessors hand the block parser, and the HTML they stashed."""
    md.reset()
    lines = text.split("\n")
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    stashed = md.htmlStash.rawHtmlBlocks
    return lines, [b if isinstance(b, str) else ET.tostring(b, encoding="unicode") for b in stashed]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_the_preprocessors_hand_on_what_the_stock_ones_do(text: str) -> None:
    assert _preprocessed(TUNED, text) == _preprocessed(STOCK, text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_tuned_converter_writes_what_the_stock_one_writes(text: str) -> None:
    stock = STOCK.reset().convert(text)
    assert TUNED.reset().convert(text) == stock
    assert to_html(text) == stock  # Zalo's


PLAIN = "## Tin\n\nCông an **xã** tuyên truyền _phòng_ chống lừa đảo.\n\n- Gọi 113\n- Cảnh giác\n"
PLAIN_HTML = STOCK.reset().convert(PLAIN)


ATTR_RES = ("HEADER_RE", "BLOCK_RE", "INLINE_RE")


class _CountedSearch:
    """A compiled regex whose searches and matches are counted."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searches = 0
        self.matches = 0

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        """The regex's search, counted."""
        self.searches += 1
        return self.pattern.search(string, pos)

    def match(self, string: str, pos: int = 0) -> re.Match[str] | None:
        """The regex's match, counted."""
        self.matches += 1
        return self.pattern.match(string, pos)


def test_a_body_without_a_fence_is_not_searched_for_code_blocks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spy = _CountedSearch(FencedBlockPreprocessor.FENCED_BLOCK_RE)
    monkeypatch.setattr(FencedBlockPreprocessor, "FENCED_BLOCK_RE", spy)
    md = tuned(_converter())
    assert md.reset().convert(PLAIN) == PLAIN_HTML
    assert spy.searches == 0
    md.reset().convert("Mã:\n\n```\n## không phải tiêu đề\n```\n")
    assert spy.searches > 0


def test_a_body_without_html_is_not_given_to_the_html_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fed: list[str] = []

    class Extractor(md_in_html.HTMLExtractorExtra):  # type: ignore[misc]
        def feed(self, data: str) -> None:
            fed.append(data)
            super().feed(data)

    monkeypatch.setattr(md_in_html, "HTMLExtractorExtra", Extractor)
    md = tuned(_converter())
    assert md.reset().convert(PLAIN) == PLAIN_HTML
    assert fed == []
    for body in ("Chữ <b>đậm</b>.", "A &amp; B"):
        md.reset().convert(body)
    assert len(fed) == 2


def test_a_body_without_escapes_or_braces_is_not_searched_for_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unescaped: list[str] = []
    stock_unescape = UnescapeTreeprocessor.unescape

    def unescape(self: UnescapeTreeprocessor, text: str) -> str:
        unescaped.append(text)
        return stock_unescape(self, text)

    monkeypatch.setattr(UnescapeTreeprocessor, "unescape", unescape)
    spies = {name: _CountedSearch(getattr(AttrListTreeprocessor, name)) for name in ATTR_RES}
    for name, spy in spies.items():
        monkeypatch.setattr(AttrListTreeprocessor, name, spy)
    md = tuned(_converter())
    assert md.reset().convert(PLAIN) == PLAIN_HTML
    assert unescaped == []
    assert sum(spy.searches + spy.matches for spy in spies.values()) == 0
    html = md.reset().convert("## Tin {#tin}\n\nGiá 5\\*2.\n")
    assert html == '<h2 id="tin">Tin</h2>\n<p>Giá 5*2.</p>'
    assert unescaped and sum(spy.searches + spy.matches for spy in spies.values()) > 0


def test_a_body_without_a_line_of_spaces_is_not_searched_for_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    subs: list[str] = []

    class Re:
        """The re module, its sub counted (the stock preprocessor calls re.sub)."""

        def __getattr__(self, name: str) -> object:
            return getattr(re, name)

        def sub(self, pattern: str, *args: object) -> str:
            subs.append(pattern)
            return re.sub(pattern, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(markdown.preprocessors, "re", Re())
    md = tuned(_converter())
    assert md.reset().convert(PLAIN) == PLAIN_HTML
    assert subs == []


pasted_lines = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "",
                " ",
                "   ",
                "    ",
                "•",
                "● ",
                "\uf0b7",
                "👉",
                "–",
                "-",
                "#",
                "#a",
                "# a",
                "##b",
                "1)",
                "12)",
                "1234)",
                "a)",
                "đ)",
                "A)",
                "x",
                "Chữ",
                "\t",
                "1.",
                ") ",
                "\r",
            ]
        ),
        st.text(max_size=3),
    ),
    max_size=4,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(pasted_lines, max_size=8).map("\n".join))
def test_a_pasted_list_line_is_found_where_a_multiline_search_finds_one(text: str) -> None:
    multiline = re.compile("^" + markdown_pasted._SUSPECT_LINE, re.MULTILINE)
    assert markdown_pasted.suspect(text) == (multiline.search(text) is not None)


def test_a_body_is_not_searched_for_pasted_lists_from_every_character(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spy = _CountedSearch(markdown_pasted._SUSPECT)
    monkeypatch.setattr(markdown_pasted, "_SUSPECT", spy)
    md = tuned(_converter())
    assert md.reset().convert(PLAIN) == PLAIN_HTML
    assert spy.searches == 0  # the first line is matched, the others found by a search for "\n"
    pasted = md.reset().convert("Bà con lưu ý:\n• Không chuyển tiền\n• Gọi 113\n")
    assert "<li>Không chuyển tiền</li>" in pasted
