"""The shortcuts of publish.markdown_tuning give the stock answer, and skip the stock work.

Each shortcut is compared with the stock Python-Markdown code it stands in for, on generated
text (tests/test_markdown_same_html.py compares whole documents); the "skips" tests fail on
the stock code, which does the work whatever the text holds.
"""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown.extensions import md_in_html
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.inlinepatterns import (
    DelimiterProcessor,
    LinkInlineProcessor,
    SimpleTagInlineProcessor,
)
from markdown.treeprocessors import InlineProcessor, UnescapeTreeprocessor
from packaging.requirements import Requirement

from publish import markdown_pasted
from publish.markdown_angle_text import AngleText
from publish.markdown_closing import ClosedInline
from publish.markdown_escapes import QuoteEscapes
from publish.markdown_lists import ListsAfterText
from publish.markdown_pasted import PastedLists
from publish.markdown_plain import PlainMarkdown
from publish.markdown_tuning import CHECKED_VERSION, NEEDS, QuickInline, bracket_ends, tuned
from publish.render.web.markdown import MarkdownRenderer
from publish.render.zalo import blocks as zalo_blocks
from publish.render.zalo.blocks import to_html

EXTENSIONS = ["extra", "sane_lists"]


def _converter() -> markdown.Markdown:
    """A converter with the website's stock extensions (what the shortcuts are built for)."""
    return markdown.Markdown(
        extensions=[
            *EXTENSIONS,
            PastedLists(),
            ListsAfterText(),
            QuoteEscapes(),
            AngleText(),
            ClosedInline(),
        ],
        output_format="html",
    )


STOCK = _converter()
TUNED = tuned(_converter())

pieces = st.sampled_from(
    [
        "*", "**", "***", "_", "__", "a", "b c", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r",
        "```", "~~~", "````", "<", ">", "&", "&amp;", "&amp", "<div>", "</div>", "<b>", "</b>",
        "<!-- c -->", "<hr>", "<Tết an toàn>", "`", "\\", "đậm", "Công an", "\x02", "\x03", "   \n", "x_y",
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
            # Markdown 3.11.3 stacks 5-tuples; types-Markdown still says 4.
            delimiter.stack = deque([(0, 1, False, 1, 1)] if opened[token] else [])  # type: ignore[list-item]
        stock = DelimiterProcessor.search(processor, data, start)
        positions = processor.positions  # type: ignore[attr-defined]  # not in the stubs
        stock_positions = positions[:]
        positions.clear()
        quick = processor.search(data, start)
        assert (quick and (quick.span(), quick.lastgroup)) == (
            stock and (stock.span(), stock.lastgroup)
        )
        # The handler anchors the elements it caches on every delimiter its search looked at.
        assert processor.positions == stock_positions  # type: ignore[attr-defined]
    finally:
        processor.reset()


class _Counted(str):
    """A text that counts how often Python code picks out one of its characters."""

    picked = 0

    def __getitem__(self, key: object) -> str:
        """The stock item, counted."""
        type(self).picked += 1
        return str.__getitem__(self, key)  # type: ignore[index]


def test_a_long_bold_paragraph_is_not_read_one_character_at_a_time() -> None:
    processor = _delimiter(TUNED)
    text = _Counted("**" + ("Công an huyện Châu Thành " * 40).strip() + "**")
    _Counted.picked = 0
    processor.delimiters["*"].stack.append((0, 2, False, 2, 2))  # type: ignore[arg-type]  # as above
    try:
        match = processor.search(text, 2)
    finally:
        processor.reset()
    assert match is not None and match.start() == len(text) - 2
    assert _Counted.picked < 10  # the stock search looks at all ~1,000 characters


STOCK_BRACKET_ENDS = LinkInlineProcessor._findBracketEnds  # type: ignore[attr-defined]  # not in the stubs
"""What bracket_ends stands in for: markdown 3.11.4's loop over every character."""

BRACKET_EDGES = [
    "", "a", "[", "]", "[]", "][", "[a]", "[[a]b]c", "[a[b]c]d", "a]b[c", "[a]]b[[c]", "]]a[[",
    "[[[a]]]", "[a][b]", "[a](b)", "![a](b) [c](d)", "[\\]]", "[x\n\n]y", "[đ]ư]",
]  # fmt: skip
"""Bracket texts where each piece of bracket_ends shows: the depth runs nested, closed several at
once (`]]`), left open, dropping below zero, side by side, and a run longer than one index."""

bracket_texts = st.lists(
    st.one_of(
        st.sampled_from(
            ["[", "]", "(", ")", "\\", "<", ">", "!", "[[", "]]", "](", "![", " ", "\n"]
        ),
        st.text(alphabet="[]()\\<>ađ \n", max_size=4),
    ),
    max_size=30,
).map("".join)
"""Texts rich in brackets, parentheses, backslashes and angles: nested, unbalanced, empty."""


@settings(max_examples=2000, deadline=None)
@given(bracket_texts)
def test_the_closing_brackets_are_found_where_the_stock_loop_finds_them(data: str) -> None:
    assert bracket_ends(data) == STOCK_BRACKET_ENDS(data)


@pytest.mark.parametrize("data", BRACKET_EDGES)
def test_the_closing_brackets_are_found_where_the_stock_loop_finds_them_on_edge_cases(
    data: str,
) -> None:
    for context in ("{}", "Công an {} xã", "{}{}"):
        text = context.format(data, data)
        assert bracket_ends(text) == STOCK_BRACKET_ENDS(text)


def test_a_paragraph_with_links_is_not_read_one_character_at_a_time() -> None:
    links = [p for p in TUNED.inlinePatterns if isinstance(p, LinkInlineProcessor)]
    assert links  # links, images, references: each finds its closing bracket with the shortcut
    assert all(vars(p).get("_findBracketEnds") is bracket_ends for p in links)
    text = _Counted("Xem [Công an tỉnh](https://congan.vn) " + "về thủ đoạn lừa đảo. " * 50)
    _Counted.picked = 0
    ends = bracket_ends(text)
    assert ends[5] == text.index("]") + 1
    assert _Counted.picked < 10  # the stock loop picks out all ~1,100 characters


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

    class Extractor(md_in_html.HTMLExtractorExtra):
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


# The inline pass: texts no pattern can change are left alone -----------------------------------

KNOWN_INLINE_PATTERNS = [
    ("backtick", "BacktickInlineProcessor"),
    ("escape", "EscapeInlineProcessor"),
    ("footnote", "FootnoteInlineProcessor"),
    ("reference", "ReferenceInlineProcessor"),
    ("link", "LinkInlineProcessor"),
    ("image_link", "ImageInlineProcessor"),
    ("image_reference", "ImageReferenceInlineProcessor"),
    ("short_reference", "ShortReferenceInlineProcessor"),
    ("short_image_ref", "ShortImageReferenceInlineProcessor"),
    ("autolink", "AutolinkInlineProcessor"),
    ("automail", "AutomailInlineProcessor"),
    ("linebreak", "SubstituteTagInlineProcessor"),
    ("html", "_TagsOnly"),  # publish.markdown_angles: the stock regex, words declined
    ("entity", "HtmlInlineProcessor"),
    ("em_strong", "DelimiterProcessor"),
]
"""The inline patterns the website's and Zalo's converters register (with markdown 3.11), each
with the strings it needs in markdown_tuning.NEEDS. A new one (an extension added to either
converter) fails this list: add its needs to NEEDS, or the inline pass runs every text through
every pattern again (correct, slower)."""

WEB = MarkdownRenderer()


def _web(text: str) -> str:
    """The website's HTML for a body."""
    return WEB.convert(text, lookup=lambda src: None)


def _zalo_md() -> markdown.Markdown:
    """Zalo's converter (the one to_html uses in this thread)."""
    to_html("")
    return zalo_blocks._LOCAL.md


INSTANCES = {"web": (_web, lambda: WEB._md), "zalo": (to_html, _zalo_md)}


def _with_stock_inline(md: markdown.Markdown, convert: Callable[[str], str], text: str) -> str:
    """What `convert` writes with Python-Markdown's own inline pass in place of the tuned one."""
    quick = md.treeprocessors["inline"]
    stock = InlineProcessor(md)
    stock.inlinePatterns = quick.inlinePatterns  # type: ignore[attr-defined]
    md.treeprocessors.register(stock, "inline", 20)
    try:
        return convert(text)
    finally:
        md.treeprocessors.register(quick, "inline", 20)


@pytest.mark.parametrize("name", sorted(INSTANCES))
def test_every_inline_pattern_of_each_converter_is_known(name: str) -> None:
    md = INSTANCES[name][1]()
    registered = [
        (item.name, type(md.inlinePatterns[item.name]).__name__)
        for item in md.inlinePatterns._priority  # type: ignore[attr-defined]
    ]
    assert registered == KNOWN_INLINE_PATTERNS
    inline = md.treeprocessors["inline"]
    assert isinstance(inline, QuickInline)
    assert inline.touched is not None  # every pattern's needs are known


INLINE_EDGES = [
    "a  \nb", "a \nb", "a\t \nb", "\\*", "\\\\", "5\\*2", "&amp", "&amp;", "&#272;", "&#x110;",
    "A & B", "<b>đậm</b>", "<", "a < b", "<https://congan.vn>", "<ai@congan.vn>", "[x](y)",
    "[x]", "[x][]", "![a](b)", "![a]", "`c`", "``c``", "a`b", "**Công**an", "đ*ư*ợc", "*ư*",
    "_đ_", "x_y_z", "Việt__Nam__", "***a***", "**a*", "a\u00a0*b*\u00a0c", "a\u2003_b_",
    "\t*a*\t", "a[^1]\n\n[^1]: b", "Gọi 113", "Số 5 - 7, (a) b: c; d!", "a!b", "!",
    "[^1]", "&amp; A\n\n*[amp]: Ampe",
]  # fmt: skip
"""Texts on which each inline pattern fires, or nearly does. An entity is written the same
whether the entity pattern stashes it or not, except where a later step reads the text: an
abbreviation's word inside it."""

inline_pieces = st.sampled_from(
    [
        "*", "**", "_", "__", "`", "\\", "\\*", "&", "&amp;", "&amp", "&#1;", "&#x1F;", "<", ">",
        "<b>", "</b>", "<a@b.vn>", "<https://a.vn>", "[", "]", "(", ")", "![", "[^1]", "[x]",
        "[x](y)", "!", "  \n", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "đ", "ư", "Công an",
        "x", "1", ".", ":", "#", "- ", "> ", "\n\n", "[^1]: b\n",
    ]
)  # fmt: skip
inline_texts = st.lists(st.one_of(inline_pieces, st.text(max_size=2)), max_size=16).map("".join)


@pytest.mark.parametrize("name", sorted(INSTANCES))
@pytest.mark.parametrize("text", INLINE_EDGES)
def test_the_inline_pass_writes_what_the_stock_one_writes_on_edge_cases(
    name: str, text: str
) -> None:
    convert, md = INSTANCES[name]
    assert convert(text) == _with_stock_inline(md(), convert, text)


@pytest.mark.parametrize("name", sorted(INSTANCES))
@settings(max_examples=100, deadline=None)
@given(text=inline_texts)
def test_the_inline_pass_writes_what_the_stock_one_writes(name: str, text: str) -> None:
    convert, md = INSTANCES[name]
    assert convert(text) == _with_stock_inline(md(), convert, text)


def test_each_needed_string_is_needed_by_some_edge_case(monkeypatch: pytest.MonkeyPatch) -> None:
    stock = [STOCK.reset().convert(text) for text in INLINE_EDGES]
    for regex, needs in list(NEEDS.items()):
        for needed in needs:
            with monkeypatch.context() as patch:  # as if the string were never there
                patch.setitem(NEEDS, regex, tuple("\x00" if s == needed else s for s in needs))
                md = tuned(_converter())
                written = [md.reset().convert(text) for text in INLINE_EDGES]
            assert written != stock, f"no edge case needs {needed!r} for {regex!r}"


def test_an_unknown_inline_pattern_turns_the_shortcut_off() -> None:
    class Police(markdown.Extension):
        def extendMarkdown(self, md: markdown.Markdown) -> None:
            pattern = SimpleTagInlineProcessor(r"()(Công an)", "strong")
            md.inlinePatterns.register(pattern, "police", 65)

    def converter() -> markdown.Markdown:
        return markdown.Markdown(extensions=[*EXTENSIONS, Police()], output_format="html")

    md = tuned(converter())
    inline = md.treeprocessors["inline"]
    assert isinstance(inline, QuickInline)
    assert inline.touched is None
    assert md.convert("Công an xã") == converter().convert("Công an xã")
    assert md.reset().convert("Công an xã") == "<p><strong>Công an</strong> xã</p>"


def test_a_paragraph_without_inline_markup_is_not_searched_for_placeholders(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain = "Công an xã tuyên truyền.\n\nGọi 113 khi cần.\n\n- Cảnh giác\n"
    expected = STOCK.reset().convert(plain)
    searched: list[str] = []
    stock_placeholders = InlineProcessor._InlineProcessor__processPlaceholders  # type: ignore[attr-defined]

    def placeholders(self: InlineProcessor, data: str, *args: object) -> object:
        searched.append(data)
        return stock_placeholders(self, data, *args)

    monkeypatch.setattr(InlineProcessor, "_InlineProcessor__processPlaceholders", placeholders)
    md = tuned(_converter())
    assert md.reset().convert(plain) == expected
    assert searched == []  # the stock pass searches each of the three texts
    md.reset().convert("Công an **xã**.")
    assert searched


EMPHASIS_EDGES = [
    "**a**", "*a*", "__a__", "_a_", "**a*", "*a**", "**a** **b**", "***a***", "**a _b_ c**",
    "a**b**c", "đ*ư*ợc", "**Công**an", "Công**an**", "* a *", "**a **", "** a**", "_a_b", "x_y_z",
    "*a* *b*", "**[x](y)**", "*a\nb*", "** **", "*a _b* c_", "_a *b_ c*", "**a*b**", "*a**b*",
    "__a_", "***a**", "**a***", "a*", "*", "**", "\\**a**", "*a\\*", "**a\u00a0**", "\u00a0*a*",
    "*a*\t", "(*a*)", "*_a_*", "_*a*_", "**a**b**c**", "****a****", "*a*b*", "a* b*", "_* a*",
    "a_  a_", "a** b**", "**_***a*__", "*a***a** ***__", "*a *a", "__a __a__",
    "***a*_****a**", "***.*_***(*", "_a__._", "__a____(__",
]  # fmt: skip
"""Runs of `*` and `_`: lone pairs, and what only looks like one (a run that only closes, then
another; pairs the stock handler found with others and hands out one by one, skipping the text
between them; the rest of a closing run, read by what preceded the run, not by the element)."""

EMPHASIS_PIECES = [
    "*", "**", "***", "_", "__", "a", "đ", "ư", "Công an", " ", "\u00a0", "\t", ".", ",", "(", ")",
    "\n", "x_y", "[x](y)", "`c`", "\\*", "<b>", "&amp;",
]  # fmt: skip
emphasis_texts = st.lists(st.sampled_from(EMPHASIS_PIECES), max_size=14).map("".join)


@settings(max_examples=150, deadline=None)
@given(emphasis_texts)
def test_emphasis_is_paired_as_the_stock_handler_pairs_it(text: str) -> None:
    assert TUNED.reset().convert(text) == STOCK.reset().convert(text)


EMPHASIS_RUNS = ["*", "**", "***", "****", "_", "__", "___"]
emphasis_runs = st.lists(
    st.one_of(
        st.sampled_from(EMPHASIS_RUNS),
        st.tuples(
            st.sampled_from(EMPHASIS_RUNS[:2] + EMPHASIS_RUNS[4:6]), st.sampled_from("ađ.(")
        ).map(lambda pair: pair[0] + pair[1] + pair[0]),  # a lone pair
        st.sampled_from(["", "a", "đ", " ", ".", "(", "\n"]),
    ),
    min_size=2,
    max_size=10,
).map("".join)
"""Runs of `*` and `_` with little between: runs that only close, then another; lone pairs
inside what the stock handler pairs in one go; closing runs longer than what they close."""


@settings(max_examples=300, deadline=None)
@given(emphasis_runs)
@example("**_***a*__")  # a run that only closes, then another: <em>a</em> came out twice
@example("***a*_****a**")  # a lone pair in the text between two elements handed out one by one
@example("_a__._")  # the rest of a closing run, which the `a` before it keeps from opening
def test_runs_of_delimiters_are_paired_as_the_stock_handler_pairs_them(text: str) -> None:
    assert TUNED.reset().convert(text) == STOCK.reset().convert(text)


@pytest.mark.parametrize("text", EMPHASIS_EDGES)
def test_emphasis_is_paired_as_the_stock_handler_pairs_it_on_edge_cases(text: str) -> None:
    for context in ("{}", "Công an {} xã", "{}\n\n{}"):
        body = context.format(text, text)
        assert TUNED.reset().convert(body) == STOCK.reset().convert(body)


def test_a_lone_pair_is_not_paired_on_the_stock_handlers_stacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = "**Công an xã** tuyên truyền *phòng, chống* lừa đảo, __kịp thời__."
    expected = STOCK.reset().convert(body)
    regions: list[tuple[int, ...]] = []
    stock_add_region = DelimiterProcessor.add_region

    def add_region(self: DelimiterProcessor, *args: int) -> None:
        regions.append(args[1:])
        stock_add_region(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(DelimiterProcessor, "add_region", add_region)
    md = tuned(_converter())
    assert md.reset().convert(body) == expected
    assert regions == []  # the stock handler records a region for each of the three pairs
    md.reset().convert("***Công an xã***")
    assert regions


def test_a_text_is_offered_only_to_the_patterns_whose_strings_it_holds() -> None:
    md = tuned(_converter())
    inline = md.treeprocessors["inline"]
    assert isinstance(inline, QuickInline)
    asked: list[str] = []

    def counted(
        name: str, search: Callable[[str, int], object] | None
    ) -> Callable[[str, int], object]:
        def ask(data: str, start: int) -> object:
            asked.append(name)
            assert search is not None, name  # every pattern of this converter has a search
            return search(data, start)

        return ask

    names = [item.name for item in md.inlinePatterns._priority]  # type: ignore[attr-defined]
    inline.searches = tuple(counted(n, s) for n, s in zip(names, inline.searches, strict=True))
    html = md.reset().convert("Công an **xã** tuyên truyền.")
    assert html == "<p>Công an <strong>xã</strong> tuyên truyền.</p>"
    assert set(asked) == {"em_strong"}  # every pattern's search was asked before


def test_the_project_allows_only_the_markdown_release_the_shortcuts_were_checked_against() -> None:
    # pip installs what pyproject.toml allows: an older release lacks classes these modules
    # import (the tool did not start under 3.10 nor 3.11.0), and a newer one, a patch release
    # too, is not known to write the same (3.11.4's emphasis handler doubled text beside the
    # shortcuts written for 3.11.3: «**_***a*__» gave «<em>a</em><em>a</em>»).
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    required = map(Requirement, project["project"]["dependencies"])
    wanted = next(requirement for requirement in required if requirement.name == "markdown")
    major, minor, patch = CHECKED_VERSION
    for version, allowed in (
        (f"{major}.{minor - 1}.9", False),
        (f"{major}.{minor}.{patch - 1}", False),
        (f"{major}.{minor}.{patch}", True),
        (f"{major}.{minor}.{patch + 1}", False),
        (f"{major}.{minor + 1}", False),
    ):
        assert wanted.specifier.contains(version) is allowed, version
    assert wanted.specifier.contains(markdown.__version__)
    assert markdown.__version_info__[:3] == CHECKED_VERSION


def test_under_another_markdown_release_the_stock_code_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Someone installing the package beside another release (pip --no-deps, a distribution's
    # package) gets the stock converter's HTML, slower, never the shortcuts' guess at it.
    major, minor, patch = CHECKED_VERSION
    monkeypatch.setattr(markdown, "__version_info__", (major, minor, patch + 1, "final", 0))
    md = tuned(_converter())
    assert type(md.treeprocessors["inline"]) is InlineProcessor
    emphasis = _delimiter(md)
    assert emphasis.handleMatch.__func__ is DelimiterProcessor.handleMatch  # type: ignore[attr-defined]
    assert emphasis.search.__func__ is DelimiterProcessor.search  # type: ignore[attr-defined]
    links = [p for p in md.inlinePatterns if isinstance(p, LinkInlineProcessor)]
    assert links and all("_findBracketEnds" not in vars(p) for p in links)
    assert not PlainMarkdown(md).on
    for text in ("**_***a*__", "*a***a** ***__", "Công an **xã** tuyên truyền."):
        assert md.reset().convert(text) == STOCK.reset().convert(text)
