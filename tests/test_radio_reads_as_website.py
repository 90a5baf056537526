"""The radio reads what the website shows (session 72): Markdown an editor writes that the website
shows one way and the radio script read another — a footnote's next paragraph, text after an
HTML comment on its line, a bracketed label that is no link definition, a quotation's second
paragraph.

Each case checks the website's own HTML (the site's converter) and the radio script.
"""

from __future__ import annotations

import html
import re
import textwrap

import pytest

from publish import markdown_comments
from publish.radio.normalise import normalise
from publish.render.web.markdown import MarkdownRenderer
from tests.hang_guard import run_python_guarded

_RENDERER = MarkdownRenderer()


def _web(text: str) -> str:
    """The website's HTML of a bulletin body."""
    return _RENDERER.convert(text, lookup=lambda src: None)


def _footnotes(html: str) -> str:
    """The footnotes' part of the website's HTML (after the body's last `<hr>`)."""
    return html.rpartition("<hr>")[2]


# Footnotes are not read on air (R1.5): the whole footnote, not only its first paragraph.
FOOTNOTES = [
    # Its second paragraph, indented four spaces: it was read as the body's paragraph.
    "Câu đầu.[^1]\n\n[^1]: Theo báo cáo tháng.\n\n    Số liệu chưa chính thức.\n\nCâu cuối.\n",
    # Indented by a Tab, as Word and many editors indent.
    "Câu đầu.[^1]\n\n[^1]: Theo báo cáo tháng.\n\n\tSố liệu chưa chính thức.\n\nCâu cuối.\n",
    # Its lines right under the definition, not indented (Markdown's lazy continuation).
    "Câu đầu.[^1]\n\n[^1]: Theo báo cáo tháng.\nSố liệu chưa chính thức.\n\nCâu cuối.\n",
    # Two footnotes, the first of three paragraphs.
    "Câu đầu.[^1][^2]\n\n[^1]: Theo báo cáo tháng.\n\n    Số liệu chưa chính thức.\n\n"
    "    Còn chờ tổng hợp.\n[^2]: Theo Công an tỉnh.\n\n    Số liệu chưa chính thức.\n\n"
    "Câu cuối.\n",
]


@pytest.mark.parametrize("source", FOOTNOTES)
def test_a_footnotes_every_paragraph_is_left_out_as_its_first_is(source: str) -> None:
    html = _web(source)
    assert "Số liệu chưa chính thức." in _footnotes(html)  # the website: in the footnote
    assert "Số liệu chưa chính thức." not in html.rpartition("<hr>")[0]
    assert normalise(source).text == "Câu đầu.\n\nCâu cuối."


@pytest.mark.parametrize(
    ("after", "read"),
    [
        ("Câu cuối.", "Câu cuối."),  # the footnote ends at the blank line: the body goes on
        ("## Tiêu đề nhỏ\n\nCâu cuối.", "Tiêu đề nhỏ.\n\nCâu cuối."),
        ("> Lời trích dẫn.", "Lời trích dẫn."),
    ],
)
def test_the_body_after_a_footnote_is_read(after: str, read: str) -> None:
    """What ends the footnote on the website (a blank line then a line not indented, a heading
    or a quotation right under it) is the body's again, read as before."""
    for gap in ("\n\n", "\n"):
        if gap == "\n" and after == "Câu cuối.":
            continue  # a line right under the footnote's is the footnote's (tested above)
        source = f"Câu đầu.[^1]\n\n[^1]: Theo báo cáo tháng.{gap}{after}\n"
        html = _web(source)
        assert "Theo báo cáo tháng." in _footnotes(html)
        assert read.partition(".")[0] in html.rpartition("<hr>")[0]
        assert normalise(source).text == f"Câu đầu.\n\n{read}"


def test_two_blank_lines_end_a_footnote_and_what_follows_indented_is_the_bodys_code() -> None:
    """On the website the footnote ends at two blank lines: `    Số liệu…` is code in the body,
    which the radio dropped silently as the footnote's; now flagged as code is (R1.7)."""
    for before in ("", "\n\n    Theo báo cáo tháng."):
        source = f"Câu đầu.[^1]\n\n[^1]: Chú thích.{before}\n\n\n    Số liệu.\n\nCâu cuối.\n"
        html = _web(source)
        assert "<pre><code>Số liệu." in html.rpartition("<hr>")[0]
        spoken = normalise(source)
        assert spoken.text == "Câu đầu.\n\nCâu cuối."
        line = source.split("\n").index("    Số liệu.") + 1
        assert [(f.code, f.excerpt, f.line) for f in spoken.flags] == [("R1.7", "Số liệu.", line)]


@pytest.mark.parametrize("inside", ["## Tiêu đề nhỏ", "> Lời trích dẫn.", "---", "***"])
def test_a_line_right_under_a_footnotes_indented_paragraph_is_the_footnotes(inside: str) -> None:
    """Under a footnote's later paragraph a heading, a quotation or a rule is the footnote's on
    the website (right under its definition they end it): the radio read it."""
    source = f"Câu đầu.[^1]\n\n[^1]: Chú thích.\n\n    Số liệu.\n{inside}\n\nCâu cuối.\n"
    html = _web(source)
    body, _, notes = html.partition('<li id="fn:1">')  # a rule there is an <hr> too
    words = inside.strip("#>-* ")
    assert "Câu cuối." in body and "Số liệu." in notes
    if words:
        assert words in notes and words not in body
    assert normalise(source).text == "Câu đầu.\n\nCâu cuối."


# A comment opening its line is a block of its own on the website, and the text after it on
# that line opens the next block, its spaces kept: four make it code.
@pytest.mark.parametrize(
    "line",
    [
        "<!-- ghi chú -->    Gọi 0912345678 để mở khóa.",
        "<!-- ghi chú --> <!-- thêm -->   Gọi 0912345678 để mở khóa.",  # four spaces in all
    ],
)
def test_text_indented_after_a_comment_is_code_as_on_the_website(line: str) -> None:
    """It was read as a paragraph with no word to the editor; code is left out and flagged
    (R1.7), as an indented block under a blank line is."""
    for gap in ("\n\n", "\n"):
        source = f"Câu đầu.{gap}{line}\n"
        assert "<pre><code>" in _web(source) and "0912345678" in _web(source)
        spoken = normalise(source)
        assert spoken.text == "Câu đầu."
        assert [(f.code, f.line) for f in spoken.flags] == [("R1.7", len(gap) + 1)]


@pytest.mark.parametrize(
    ("source", "paragraphs"),
    [
        ("Câu đầu\n<!-- ghi chú -->Câu hai", ["<p>Câu đầu</p>", "<p>Câu hai</p>"]),
        ("- Mục một\n<!-- ghi chú -->Câu hai", ["<li>Mục một</li>", "<p>Câu hai</p>"]),
        ("Câu đầu\n<!-- ghi chú\nhai dòng -->Câu hai", ["<p>Câu đầu</p>", "<p>Câu hai</p>"]),
        ("Câu đầu\n<!-- ghi chú -->   Câu hai", ["<p>Câu đầu</p>", "<p>Câu hai</p>"]),
    ],
)
def test_text_after_a_comment_opening_its_line_is_a_paragraph_apart(
    source: str, paragraphs: list[str]
) -> None:
    """Two blocks on the website were read as one sentence («Câu đầu Câu hai.»)."""
    html = _web(source)
    assert all(p in html for p in paragraphs)
    assert normalise(source).text == (
        "Mục một.\n\nCâu hai." if source.startswith("-") else "Câu đầu.\n\nCâu hai."
    )


@pytest.mark.parametrize(
    ("source", "html", "read"),
    [
        # Indented four columns (or a Tab): it goes on the paragraph above, as text after a
        # comment inside a line does; three spaces still open the line.
        ("Câu đầu.\n    <!-- x -->Hai ba.\n", "<p>Câu đầu.\n    Hai ba.</p>", "Câu đầu. Hai ba."),
        ("Câu đầu\n\t<!-- x -->Hai ba.\n", "<p>Câu đầu\n    Hai ba.</p>", "Câu đầu Hai ba."),
        ("Câu đầu.\n   <!-- x -->Hai ba.\n", "<p>Hai ba.</p>", "Câu đầu.\n\nHai ba."),
        # Inside an inline tag that closes after it in the paragraph: the tag's content.
        ("Câu <span>đầu\n<!-- x -->Hai</span>\n", "<p>Câu đầu\nHai</p>", "Câu đầu Hai."),
        (
            "Câu <em>đầu\n<!-- x -->Hai</em> ba\n",
            "<p>Câu <em>đầu\nHai</em> ba</p>",
            "Câu đầu Hai ba.",
        ),
        # Its end tag in any case, spaced; another tag closed inside it on the way.
        ("Câu <span>đầu\n<!-- x -->Hai</SPAN >\n", "<p>Câu đầu\nHai</p>", "Câu đầu Hai."),
        (
            "Câu <i>a</i> <b>đầu\n<!-- x -->Hai <i>b</i></b>\n",
            "<p>Câu <i>a</i> <b>đầu\nHai <i>b</i></b></p>",
            "Câu a đầu Hai b.",
        ),
        # The tag never closed, or closed before it: the comment is a block, as before.
        ("Câu <b>đầu\n<!-- x -->Hai\n", "<p>Hai</p>", "Câu đầu.\n\nHai."),
        ("Câu <span>đầu</span>\n<!-- x -->Hai\n", "<p>Hai</p>", "Câu đầu.\n\nHai."),
    ],
)
def test_a_comment_opens_its_line_only_as_the_website_takes_it(
    source: str, html: str, read: str
) -> None:
    """Indented four columns, or inside an inline tag closed after it, a comment at a line's
    start stays inside the paragraph on the website; the radio split it in two."""
    assert html in _web(source)
    assert normalise(source).text == read


def test_many_tag_names_around_comments_are_judged_in_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review R5: each tag name open at a comment had its own pattern compiled and its own scan
    to the paragraph's end: 16,000 names in a paragraph took 4.3 s. Counted, not timed: no
    pattern per name, the body's end tags read once."""
    compiled: list[str] = []

    class CountingRe:
        """The `re` module, counting the patterns compiled while the body is judged."""

        def __getattr__(self, name: str) -> object:
            return getattr(re, name)

        def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
            compiled.append(pattern)
            return re.compile(pattern, flags)

    monkeypatch.setattr(markdown_comments, "re", CountingRe())
    read: list[int] = []
    end_tags = markdown_comments._end_tags

    def counted_end_tags(text: str) -> dict[str, tuple[list[int], list[int]]]:
        """`_end_tags`, counting the bodies it reads."""
        read.append(len(text))
        return end_tags(text)

    monkeypatch.setattr(markdown_comments, "_end_tags", counted_end_tags)
    closed = "".join(f"<t{n}>Câu\n<!-- x -->Hai</t{n}>\n" for n in range(4_000))
    assert markdown_comments.tails(closed) == {}  # each comment inside its tag
    closed_later = "".join(f"<t{n}>Câu\n<!-- x -->Hai\n\n</t{n}> ba\n\n" for n in range(4_000))
    assert len(markdown_comments.tails(closed_later)) == 4_000  # each a block: tag closed after
    assert compiled == []  # 4,000 per body when one pattern per name
    assert read == [len(closed), len(closed_later)]  # once per body


def test_a_comment_inside_a_line_stays_inside_its_paragraph() -> None:
    source = "Câu đầu <!-- ghi chú -->    còn tiếp.\n"
    assert "<p>Câu đầu" in _web(source) and "<pre>" not in _web(source)
    assert normalise(source).text == "Câu đầu còn tiếp."


@pytest.mark.parametrize(
    "source",
    [
        "[Lưu ý]: Người dân không cung cấp mã OTP cho bất kỳ ai.\n",
        "Câu đầu.\n\n[Lưu ý]: Người dân không cung cấp mã OTP cho bất kỳ ai.\n",
        "**[Lưu ý]:** Người dân không cung cấp mã OTP cho bất kỳ ai.\n",
    ],
)
def test_a_label_in_brackets_before_words_is_read_as_the_website_shows_it(source: str) -> None:
    """`[Lưu ý]: …` is no link's definition (no address after the colon): the website shows the
    line, which the radio dropped unread; the brackets are no words («Lưu ý: …»)."""
    assert "[Lưu ý]:" in _web(source)
    spoken = normalise(source)
    assert spoken.text.endswith("Lưu ý: Người dân không cung cấp mã OTP cho bất kỳ ai.")
    assert not spoken.flags


def test_a_label_alone_over_a_sentence_is_read_as_the_website_shows_it() -> None:
    """`[Lưu ý]:` alone on its line, the sentence under it: no definition (no lone address under
    it) on the website, which shows both lines; the radio dropped the label."""
    source = "Câu đầu.\n\n[Lưu ý]:\nNgười dân không cung cấp mã OTP cho bất kỳ ai.\n"
    assert "<p>[Lưu ý]:\nNgười dân" in _web(source)
    assert normalise(source).text == (
        "Câu đầu.\n\nLưu ý: Người dân không cung cấp mã OTP cho bất kỳ ai."
    )


@pytest.mark.parametrize("address", ["https://congan.example.vn/a", "congan.example.vn"])
def test_a_definition_over_two_lines_is_not_read(address: str) -> None:
    """`[1]:` over a lone address is a definition on the website, which shows neither line."""
    source = f"Xem [thông báo][1] của Công an xã.\n\n[1]:\n{address}\n\nCâu cuối.\n"
    html = _web(source)
    assert "[1]:" not in html and f">{address}" not in html
    assert normalise(source).text == "Xem thông báo của Công an xã.\n\nCâu cuối."


@pytest.mark.parametrize(
    "definition",
    ['[1]: https://congan.example.vn/a "Trang Công an"', "[1]: https://congan.example.vn/a"],
)
def test_a_links_definition_is_still_not_read(definition: str) -> None:
    source = f"Xem [thông báo][1] của Công an xã.\n\n{definition}\n"
    assert "Trang Công an" not in _web(source).replace('title="Trang Công an"', "")
    assert normalise(source).text == "Xem thông báo của Công an xã."


def test_a_quotations_paragraphs_are_read_apart_as_the_website_shows_them() -> None:
    """`>` alone between a quotation's lines parts two paragraphs on the website; they were
    read as one sentence («… trên mạng Hết lời.», no stop between them)."""
    source = "Câu đầu.\n\n> Không ai được phép\n> bán tài khoản trên mạng\n>\n> Hết lời.\n"
    html = _web(source)
    assert "<p>Không ai được phép\nbán tài khoản trên mạng</p>\n<p>Hết lời.</p>" in html
    assert normalise(source).text.split("\n\n") == [
        "Câu đầu.",
        "Không ai được phép bán tài khoản trên mạng.",
        "Hết lời.",
    ]


@pytest.mark.parametrize(
    ("source", "read"),
    [
        # No change said: R12.4 reads the sign («âm»), as `nhiệt độ -2` is.
        ("Số vụ: 8, -2.", "Số vụ: tám, âm hai."),
        # In a list of changes, each figure after «giảm»/«tăng» and a comma says that change.
        (
            "So với cùng kỳ:\n\n- Số vụ giảm 8, -2.\n- Số người chết tăng 3, +1.\n",
            "So với cùng kỳ: Số vụ giảm tám, giảm hai. Số người chết tăng ba, tăng một.",
        ),
    ],
)
def test_a_signed_figure_after_a_comma_is_read_by_r12_4(source: str, read: str) -> None:
    assert normalise(source).text == read


@pytest.mark.parametrize("indent", ["\t", " \t", "  \t", "    "])
def test_a_comment_indented_to_the_fourth_column_by_a_tab_does_not_open_its_line(
    indent: str,
) -> None:
    """A Tab takes the line to column four, as four spaces do: the website then reads the
    comment inside the paragraph above, which a blank line cuts, and shows «<!-- CẦN BỔ SUNG»
    as text. markdown_comments.hidden() counted the Tab as one column and hid it, so the load
    saw nothing there to warn of."""
    source = f"Câu đầu.\n{indent}<!-- CẦN BỔ SUNG\n\nsố liệu -->Hai ba.\n"
    assert "&lt;!-- CẦN BỔ SUNG" in _web(source)
    assert markdown_comments.hidden(source) == []
    assert "<!-- CẦN BỔ SUNG" in markdown_comments.shown_body(source)


@pytest.mark.parametrize("indent", ["", " ", "   ", "\n"])
def test_a_comment_opening_its_line_is_still_hidden_across_a_blank_line(indent: str) -> None:
    """Up to three spaces (or after a blank line) the comment opens its line: hidden up to its
    `-->` on the website, blank lines and all."""
    source = f"Câu đầu.\n{indent}<!-- CẦN BỔ SUNG\n\nsố liệu -->Hai ba.\n"
    assert "CẦN BỔ SUNG" not in _web(source) and "<p>Hai ba.</p>" in _web(source)
    assert "CẦN BỔ SUNG" not in markdown_comments.shown_body(source)


@pytest.mark.parametrize(
    "tag",
    [
        "<span title='a>b'>",
        '<span title="a>b">',
        "<a href=\"https://congan.example.vn\" title='Công an > xã'>",
        "<b title='x<y'>",
    ],
)
def test_a_bracket_inside_an_attributes_quoted_value_does_not_end_the_tag(tag: str) -> None:
    """A browser (and Python-Markdown) reads a quoted value up to its closing quote: the radio
    ended the tag at the first `>` and read «b'>đầu», then held the script for the sign."""
    name = tag[1:].split()[0]
    source = f"Câu {tag}đầu</{name}> hai.\n"
    assert re.sub(r"<[^>]*>", "", _web(source)).strip() == "Câu đầu hai."  # its `>` escaped
    spoken = normalise(source)
    assert spoken.text == "Câu đầu hai."
    assert not spoken.flags


@pytest.mark.parametrize(
    ("above", "code"),
    [
        # A definition's lines typed on under it (lazy): «Đoạn hai.» is its next paragraph.
        ("Lừa đảo\n:   Dùng thủ đoạn gian dối.\nChiếm đoạt tài sản.\n", False),
        ("Lừa đảo\n:   Dùng thủ đoạn gian dối.\nChiếm đoạt tài sản.\n<span>x</span>\n", False),
        # A heading, a rule or a raw HTML block ends those lines: then it is code.
        ("Lừa đảo\n:   Dùng thủ đoạn gian dối.\nChiếm đoạt tài sản.\n## Lưu ý\n", True),
        ("Lừa đảo\n:   Dùng thủ đoạn gian dối.\n***\n", True),
        ("Lừa đảo\n:   Dùng thủ đoạn gian dối.\n<div>x</div>\n", True),
    ],
)
def test_an_indented_paragraph_after_a_definitions_lazy_lines_is_read_as_on_the_website(
    above: str, code: bool
) -> None:
    """The radio looked for the definition on the line right above the blank one only: after
    a line typed on under it, «Đoạn hai.» was taken for code, flagged and left unread."""
    source = f"Câu đầu.\n\n{above}\n    Đoạn hai của định nghĩa.\n\nCâu cuối.\n"
    html = _web(source)
    assert ("<pre><code>Đoạn hai" in html) is code
    spoken = normalise(source)
    assert ("Đoạn hai của định nghĩa." in spoken.text) is not code
    assert [f.code for f in spoken.flags] == (["R1.7"] if code else [])


@pytest.mark.parametrize("between", ["Thêm.\n", "Thêm.\n<span>x</span>\n", "Thêm.\n  ## Ý\n"])
def test_an_indented_paragraph_after_a_footnotes_lazy_lines_is_the_footnotes(between: str) -> None:
    """In the footnote on the website, so not read (R1.5), and no code to flag."""
    source = f"Câu đầu.[^1]\n\n[^1]: Chú thích.\n{between}\n    Số liệu.\n\nCâu cuối.\n"
    assert "Số liệu." in _footnotes(_web(source)) and "<pre>" not in _web(source)
    spoken = normalise(source)
    assert spoken.text == "Câu đầu.\n\nCâu cuối."
    assert not spoken.flags


@pytest.mark.parametrize(
    "tag",
    ['<b title="a>b"c>', "<span title='a>b'x>", '<b title="a>b" "c">'],
)
def test_a_tag_the_website_shows_as_text_is_held_not_dropped(tag: str) -> None:
    """Python-Markdown's inline HTML wants each attribute after a space and a name without
    quotes: else the whole `<…>` is text on the website. The radio took any `<…>` with quoted
    values for a tag and dropped the words in it with no flag; its leftover is now held (Q2)."""
    name = tag[1:].split()[0]
    source = f"Câu {tag}đầu</{name}> hai.\n"
    assert "&lt;" + name in _web(source)  # the website shows the tag's text
    spoken = normalise(source)
    assert [f.code for f in spoken.flags] == ["Q2"]


@pytest.mark.parametrize(
    "tag",
    [
        "<b title = 'a>b' lang=vi>",
        '<a href="https://congan.example.vn" target=_blank >',
        "<b\nclass='x'>",
    ],
)
def test_a_tag_as_python_markdown_reads_it_is_dropped(tag: str) -> None:
    """Spaces around `=`, a value without quotes, a line break: still a tag on both channels."""
    name = tag[1:].split()[0]
    source = f"Câu {tag}đầu</{name}> hai.\n"
    assert "&lt;" not in _web(source)
    spoken = normalise(source)
    assert spoken.text == "Câu đầu hai." and not spoken.flags


@pytest.mark.parametrize(
    "hostile",
    [
        "'<b' + ' a=b' * N",
        "'<b a=\"x ' * N",
        '"<b a=\'x>" * N',
        "'<b' + ' ' * (4 * N)",
        "'<b a' + '=' * (4 * N)",
        "'<a x=\"<a x=\\'' * N",
        "'<b a = ' * N",
        "'<Tết ' * N",
        "'<b' + ' /' * (2 * N)",
    ],
)
def test_a_body_of_hostile_tags_is_read_in_linear_time(hostile: str) -> None:
    """`TAG_INSIDE` reads attributes as Python-Markdown does, with no pattern retrying a run of
    them: 100,000 characters of each within a few seconds of CPU."""
    script = textwrap.dedent(
        f"""
        from publish.markdown_angles import angles_quoted
        from publish.radio.markdown import _TAG
        N = 25_000
        text = ({hostile})[:100_000]
        _TAG.findall(text)
        angles_quoted(text)
        """
    )
    run_python_guarded(script, cpu=10)


@pytest.mark.parametrize("hashtags", ["#CongAnTinh", "#CongAn #AnNinh"])
def test_a_line_of_hashtags_goes_on_a_definition_or_a_footnote_as_on_the_website(
    hashtags: str,
) -> None:
    """A line of hashtags is text on the website, no heading: the definition or footnote goes
    on over it. The radio took it for a heading: the definition's next paragraph was code
    (R1.7, unread), the footnote's next line read aloud as the body's."""
    source = f"Câu đầu.\n\nLừa đảo\n:   Dùng thủ đoạn.\n{hashtags}\n\n    Đoạn hai của nó.\n\nCâu cuối.\n"
    assert "<pre>" not in _web(source)
    spoken = normalise(source)
    assert "Đoạn hai của nó." in spoken.text and not spoken.flags
    source = f"Câu đầu.[^1]\n\n[^1]: Chú.\n{hashtags}\nDòng sau.\n\nCâu cuối.\n"
    assert "Dòng sau." in _footnotes(_web(source))
    assert normalise(source).text == "Câu đầu.\n\nCâu cuối."


@pytest.mark.parametrize(
    ("above", "code"),
    [
        ("#CongAnTinh", False),  # text on the website: the indented line goes on it
        ("## Lưu ý", True),
        ("```\nmã\n```", True),  # a fence's closing line: the block under it opens
        ("Dòng\n===", True),
        ("===", False),  # after a blank line, `===` is text
        ("<div>x</div>", True),  # a raw HTML block ends on its line
        ("<!-- ghi chú -->", True),
    ],
)
def test_an_indented_line_right_under_a_line_is_code_as_on_the_website(
    above: str, code: bool
) -> None:
    source = f"Câu đầu.\n\n{above}\n    Dòng sau.\n\nCâu cuối.\n"
    assert ("<pre><code>Dòng sau." in _web(source)) is code
    assert ("Dòng sau." in normalise(source).text) is not code


@pytest.mark.parametrize(
    ("source", "read"),
    [
        ("Câu đầu.\n\t<!-- CẦN BỔ SUNG\n\nsố liệu\n", "Câu đầu. CẦN BỔ SUNG.\n\nSố liệu."),
        ("Tin <!-- chưa đóng ba.\n\nĐoạn sau.\n", "Tin chưa đóng ba.\n\nĐoạn sau."),
    ],
)
def test_a_comment_never_closed_is_shown_so_the_script_is_held(source: str, read: str) -> None:
    """The website shows an unclosed `<!--` and the words after it as text; the radio stripped
    it as markup with those words, unflagged. Now they are read and the script held (Q2)."""
    assert "&lt;!--" in _web(source)
    spoken = normalise(source)
    assert spoken.text == read
    assert [(f.code, f.severity, f.line) for f in spoken.flags] == [
        ("Q2", "blocking", 2 if "\t" in source else 1)
    ]
    assert "«-->»" in spoken.flags[0].message


def test_a_hidden_comment_is_still_left_out_unflagged() -> None:
    for source in ("Câu đầu <!-- ẩn --> hai.\n", "Câu đầu.\n\n<!-- ẩn\n\nvẫn ẩn -->\n\nHai.\n"):
        assert "ẩn" not in _web(source)
        spoken = normalise(source)
        assert "ẩn" not in spoken.text and not spoken.flags


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("Gõ `<!--` để mở ghi chú.\n", "để mở ghi chú"),
        ("Viết &lt;!-- để mở.\n", "để mở"),
        ("Chữ <b title='<!--'>đậm</b> đây.\n", "Chữ đậm đây."),
        ("<p>Chữ &lt;!-- mở</p>\n", "Chữ"),
    ],
    ids=["code", "entity", "attribute", "entity-in-html"],
)
def test_a_comment_opening_the_website_shows_on_purpose_holds_nothing(
    source: str, kept: str
) -> None:
    """Review R10 B.3: `<!--` in code, as an entity or in an attribute is shown (or kept) on
    purpose by the website, no note left open: the script was held with advice to close it."""
    assert "&lt;!--" in _web(source)
    spoken = normalise(source)
    assert kept in spoken.text
    # The radio cannot say `<!--` (told as a sign it cannot read), but no note is open.
    assert not [f for f in spoken.flags if "ghi chú ẩn" in f.message]


def test_a_comment_typed_as_entities_is_read_as_the_website_shows_it() -> None:
    """Review R10 B.4: `&lt;!-- x --&gt;` is text on the website, not a comment: its words were
    dropped unread and untold."""
    source = "Viết &lt;!-- x --&gt; như thế.\n"
    assert "&lt;!-- x --&gt;" in _web(source)
    spoken = normalise(source)
    assert "x" in spoken.text.split() and "như thế" in spoken.text


def test_a_comment_left_open_in_a_raw_html_block_is_hidden_as_on_the_website() -> None:
    """Review R10 B.3: in a raw `<div>`, an unclosed `<!--` hides its words on the website; the
    radio read them and the flag said the website shows them."""
    source = "<div>\nChữ <!-- chưa đóng\n</div>\n"
    assert "chưa đóng" not in _web(source)
    spoken = normalise(source)
    assert "chưa đóng" not in spoken.text.lower()
    (flag,) = [f for f in spoken.flags if f.code == "Q2"]
    assert "Website hiện nguyên văn" not in flag.message
    assert "website ẩn mọi chữ từ dấu này đến hết bản tin" in flag.message
    assert "«-->»" in flag.message


@pytest.mark.parametrize("mark", ["#", "# "])
def test_a_first_level_heading_after_text_is_read_as_the_website_shows_it(mark: str) -> None:
    """Review R1.1 (R10 B.5): every `#` heading was dropped as the bulletin's title; one typed
    between paragraphs is a heading the website shows, so it is read as a section's."""
    source = f"Câu đầu.\n\n{mark}Cảnh báo lừa đảo\n\nCâu cuối.\n"
    assert ">Cảnh báo lừa đảo</h" in _web(source)
    assert normalise(source).text == "Câu đầu.\n\nCảnh báo lừa đảo.\n\nCâu cuối."
    # Before any text it is the title, as before: not read.
    assert normalise(f"{mark}Cảnh báo lừa đảo\n\nCâu cuối.\n").text == "Câu cuối."


# Session 74: divergences the last session left, each checked against the words the page shows.
_FOOTNOTES_DIV = re.compile(
    r'<div>\s*<hr>\s*<ol>\s*<li id="fn:.*|<sup id="fnref:[^>]*>.*?</sup>', re.S
)
"""The page's footnotes and the marks pointing to them: not read on air (R1.5)."""


def _page_words(source: str) -> list[str]:
    """The words a reader sees in the page's body (its footnotes apart), in small letters."""
    body = _FOOTNOTES_DIV.sub("", _web(source))
    text = html.unescape(re.sub(r"<[^>]*>", " ", body))
    return re.findall(r"[^\W_]+", text.lower())


def _script_words(spoken: str) -> list[str]:
    """The words of a radio script, in small letters."""
    return re.findall(r"[^\W_]+", spoken.lower())


@pytest.mark.parametrize(
    "items",
    [
        "- Mục một\n- Mục hai\n",
        "* Mục một\n* Mục hai\n",
        "1. Mục một\n2. Mục hai\n",
        "• Mục một\n• Mục hai\n",  # pasted from Word: a list on the website
        "– Mục một\n– Mục hai\n",
    ],
)
@pytest.mark.parametrize("lazy", ["", "Thêm.\n"])
def test_a_list_right_under_a_footnote_is_the_bodys_and_read(items: str, lazy: str) -> None:
    """The website puts a blank line before a list typed under text (markdown_lists), which
    ends the footnote: the list is the body's. The radio took it for the footnote's lazy lines
    and dropped it unread, unflagged."""
    source = f"Câu đầu.[^1]\n\n[^1]: Chú thích.\n{lazy}{items}\nCâu cuối.\n"
    assert "Mục một" not in _footnotes(_web(source))
    spoken = normalise(source)
    assert _script_words(spoken.text) == _page_words(source)
    assert "Mục hai" in spoken.text and not spoken.flags


def test_a_list_right_under_a_footnotes_later_paragraph_is_the_bodys() -> None:
    source = "Câu đầu.[^1]\n\n[^1]: Chú.\n\n    Số liệu.\n- Mục một.\n\nCâu cuối.\n"
    assert "Số liệu." in _footnotes(_web(source))
    expected = ["câu", "đầu", "mục", "một", "câu", "cuối"]
    assert _script_words(normalise(source).text) == _page_words(source) == expected


def test_a_line_indented_four_under_a_footnote_is_still_the_footnotes() -> None:
    """No list there on the website (the footnote's lazy line): not read, as before."""
    source = "Câu đầu.[^1]\n\n[^1]: Chú.\nThêm.\n    - a\n\nCâu cuối.\n"
    assert "- a" in _footnotes(_web(source))
    assert normalise(source).text == "Câu đầu.\n\nCâu cuối."


@pytest.mark.parametrize("under", ["---", "===", "---  "])
@pytest.mark.parametrize("above", ["", "## Ý chính\n"])
def test_a_footnote_over_an_underline_is_a_heading_read_and_held(under: str, above: str) -> None:
    """`[^1]: Chú.` right over `---`: the website shows a heading «[^1]: Chú.» and «[^1]» in the
    text, no footnote; the radio dropped the line as a footnote, unflagged. Its words are read
    as the page shows them, and the script held (Q2) for the marks it cannot say."""
    source = f"Câu đầu.[^1]\n\n{above}[^1]: Chú thích riêng.\n{under}\n\nCâu cuối.\n"
    page = _web(source)
    assert re.search(r"<h[12][^>]*>\[\^1\]: Chú thích riêng\.</h[12]>", page)
    spoken = normalise(source)
    shown = [word for word in _page_words(source) if word != "1"]  # the mark, not read
    assert _script_words(spoken.text) == shown
    line = source.split("\n").index("[^1]: Chú thích riêng.") + 1
    assert [(f.code, f.severity, f.line) for f in spoken.flags] == [("Q2", "blocking", line)]
    assert f"«{under.strip()}»" in spoken.flags[0].message


def test_a_links_definition_over_an_underline_is_held() -> None:
    source = "Xem [thông báo][1].\n\n[1]: https://congan.example.vn/a\n---\n\nCâu cuối.\n"
    assert "<h2" in _web(source) and "[thông báo][1]" in _web(source)
    spoken = normalise(source)
    assert "Q2" in [f.code for f in spoken.flags]


@pytest.mark.parametrize(
    "source",
    [
        "Câu đầu.[^1]\n\n[^1]: Chú.\n\n---\n\nCâu cuối.\n",
        "Câu đầu.[^1]\n\n[^1]: Chú.\nThêm.\n---\n\nCâu cuối.\n",
        "Câu đầu.[^1]\n\n[^1]: Chú.\n  ---\n\nCâu cuối.\n",
    ],
)
def test_a_footnote_apart_from_its_underline_is_still_a_footnote(source: str) -> None:
    """A blank line between them, a rule under the footnote's second line or indented: a
    footnote and a rule on the website, not read, unflagged, as before."""
    assert "Chú." in _footnotes(_web(source))
    spoken = normalise(source)
    assert spoken.text == "Câu đầu.\n\nCâu cuối." and not spoken.flags


@pytest.mark.parametrize("indent", [" ", "  ", "   "])
@pytest.mark.parametrize("lazy", ["", "Thêm.\n", "\n    Số liệu.\n"])
def test_an_html_block_indented_under_a_footnote_is_the_footnotes(indent: str, lazy: str) -> None:
    """Python-Markdown keeps the block's indent where it stashes it: the footnote takes it in.
    The radio ended the footnote there and read the block as the body's."""
    source = f"Câu đầu.[^1]\n\n[^1]: Chú.\n{lazy}{indent}<div>Chữ trong khối.</div>\n\nCâu cuối.\n"
    assert "Chữ trong khối." in _footnotes(_web(source))
    spoken = normalise(source)
    assert _script_words(spoken.text) == _page_words(source) == ["câu", "đầu", "câu", "cuối"]
    assert not spoken.flags


@pytest.mark.parametrize("indent", ["", " ", "  ", "   "])
def test_an_html_block_under_a_definition_is_read_where_the_page_shows_it(indent: str) -> None:
    """Indented, in the definition on the website (at the line's start, a block after it): the
    words in the order the page shows them either way."""
    source = f"Câu đầu.\n\nLừa đảo\n:   Dùng thủ đoạn.\n{indent}<div>Chữ trong khối.</div>\n\nCâu cuối.\n"
    assert ("<dd>Dùng thủ đoạn.</dd>" in _web(source)) is not bool(indent)
    spoken = normalise(source)
    assert _script_words(spoken.text) == _page_words(source)
    assert not spoken.flags


@pytest.mark.parametrize("indent", [" ", "  ", "   "])
def test_a_definitions_next_paragraph_after_an_indented_html_block_is_read(indent: str) -> None:
    """The block goes on the definition, so the paragraph indented under it after a blank line
    is the definition's next one on the website: the radio took it for code (R1.7, unread)."""
    source = f"Câu đầu.\n\nLừa đảo\n:   Dùng.\n{indent}<div>Chữ khối.</div>\n\n    Đoạn hai.\n\nCâu cuối.\n"
    assert "<pre>" not in _web(source)
    spoken = normalise(source)
    assert _script_words(spoken.text) == _page_words(source)
    assert not spoken.flags


@pytest.mark.parametrize(
    ("fence", "after"),
    [
        ("```", ""),
        ("~~~", ""),
        ("```", "````\n"),  # a longer fence closes no shorter one on the website
        ("~~~", "```\n"),  # nor one of the other kind
        ("```python", ""),
    ],
)
def test_a_fence_never_closed_is_text_as_on_the_website_and_held(fence: str, after: str) -> None:
    """With no closing fence Python-Markdown makes no code: the fence and every line after it
    are text on the page. The radio dropped all of it to the end of the bulletin as code (R1.7,
    a warning): now it reads the words the page shows, not the fence's marks (`~~~` is no
    «khoảng»), and holds the script (Q2)."""
    source = f"Câu đầu.\n\n{fence}\nGọi ngay trụ sở.\n{after}\nCâu cuối.\n"
    page = _web(source)
    assert "<pre>" not in page and "<code>" not in page and "Câu cuối." in page
    spoken = normalise(source)
    shown = [w for w in _page_words(source) if w != "python"]
    assert _script_words(spoken.text.replace("Python", "")) == shown
    assert [(f.code, f.severity, f.line) for f in spoken.flags] == [("Q2", "blocking", 3)]
    assert f"«{fence[:3] if fence.startswith('`') else fence}»" in spoken.flags[0].message


def test_a_fence_closed_is_code_as_before_and_a_longer_fence_is_in_it() -> None:
    """Closed by the same fence alone on its line (spaces after it allowed): code, not read
    (R1.7); a shorter fence inside a longer one's block is the code's."""
    source = "Câu đầu.\n\n````\nGọi 0912345678.\n```\nvẫn là mã\n````  \n\nCâu cuối.\n"
    assert "vẫn là mã" in _web(source).partition("<pre>")[2]
    spoken = normalise(source)
    assert spoken.text == "Câu đầu.\n\nCâu cuối."
    assert [(f.code, f.line) for f in spoken.flags] == [("R1.7", 3)]


@pytest.mark.parametrize(
    "tag", ["<b a='1'b='2'>", '<span title="x"lang="vi">', "<b a='1'b='2' >", "</b x='1'y='2'>"]
)
@pytest.mark.parametrize("opening", ["", "- "])
def test_a_tag_with_attributes_run_together_is_shown_so_held(tag: str, opening: str) -> None:
    """Python-Markdown's inline HTML wants a space before each attribute: the page shows
    `<b a='1'b='2'>` as text. The radio took it for a tag and dropped it, unflagged."""
    source = f"{opening}Câu {tag}đầu hai.\n"
    assert html.escape(tag, quote=False) in _web(source).replace("&#x27;", "'")
    spoken = normalise(source)
    assert [f.code for f in spoken.flags] == ["Q2"]
    assert "đầu hai" in spoken.text


def test_a_tag_with_attributes_run_together_in_a_raw_html_block_is_a_tag() -> None:
    """In a raw block the browser's parser reads it: a tag, not read, as before."""
    source = "<div>Câu <b a='1'b='2'>đầu</b> hai.</div>\n"
    assert "<b>đầu</b>" in _web(source)
    spoken = normalise(source)
    assert spoken.text == "Câu đầu hai." and not spoken.flags


@pytest.mark.parametrize(
    "block",
    [
        "<div>\nChữ <!-- chưa đóng\n</div>\n",
        "<div>Chữ <!-- chưa đóng</div>\n",
        "<div>\n\nChữ <!-- chưa đóng\n\n</div>\n",  # a blank line inside the block
        "<div>\n<!-- chưa đóng\n</div>\n",  # opening its line, never closed
    ],
)
@pytest.mark.parametrize("after", ["\nĐoạn sau.\n", "\nĐoạn sau.\n\n- Mục một.\n", "Đoạn sau.\n"])
def test_a_comment_left_open_in_a_raw_block_hides_the_rest_of_the_bulletin(
    block: str, after: str
) -> None:
    """The page shows nothing from the `<!--` on: the radio read the paragraphs after the block
    (and, a blank line inside it, the block's own words), which no reader of the page sees."""
    source = f"Câu đầu.\n\n{block}{after}"
    assert "chưa đóng" not in _web(source) and "Đoạn sau" not in _web(source)
    spoken = normalise(source)
    assert _script_words(spoken.text) == _page_words(source)
    line = source.split("\n").index(next(x for x in source.split("\n") if "<!--" in x)) + 1
    assert [(f.code, f.line) for f in spoken.flags] == [("Q2", line)]
    assert "website ẩn mọi chữ từ dấu này đến hết bản tin" in spoken.flags[0].message


def test_a_comment_in_a_raw_block_closed_paragraphs_later_hides_up_to_its_close() -> None:
    """The browser's parser reads the comment up to the next `-->`, later paragraphs and all:
    hidden as the page hides it, what follows read (unflagged: a comment closed, as any)."""
    for source in (
        "<div>\nChữ <!-- ẩn\n</div>\n\nĐoạn ẩn -->còn.\n\nCâu cuối.\n",
        "<div>Chữ <!-- ẩn</div>\n\nĐoạn ẩn <!-- b -->còn.\n\nCâu cuối.\n",
    ):
        assert "ẩn" not in _web(source)
        spoken = normalise(source)
        assert _script_words(spoken.text) == _page_words(source) == ["chữ", "còn", "câu", "cuối"]
        assert not spoken.flags


def test_a_comment_opening_in_a_raw_blocks_attribute_hides_nothing() -> None:
    source = "<div>Chữ <b title='<!--'>đậm</b></div>\n\nĐoạn sau.\n"
    assert "Đoạn sau." in _web(source)
    assert "Đoạn sau." in normalise(source).text


# Session 74, review R3: the page's words again, where the last mend read them otherwise.
@pytest.mark.parametrize(
    "source",
    [
        "Câu đầu.[^1][^2]\n\n[^1]: Chú một.\n[^2]: Chú hai.\n---\n\nCâu cuối.\n",
        "Xem [một][1] và [hai][2].\n\n[1]: https://congan.example.vn/a\n"
        "[2]: https://congan.example.vn/b\n---\n\nCâu cuối.\n",
    ],
)
def test_a_definition_under_another_over_a_rule_is_no_heading(source: str) -> None:
    """Python-Markdown takes only a block's first line for a heading over `---`: under another
    definition the `---` is a rule, both definitions stay (footnotes, links). The radio read
    «Chú hai.» as a heading and held the script, or held it for no heading at all."""
    page = _web(source)
    assert re.search(r"<h[1-6]", page) is None and "<hr>" in page
    spoken = normalise(source)
    assert _script_words(spoken.text) == _page_words(source)
    assert not spoken.flags


def test_many_definitions_over_underlines_hold_the_script_with_one_flag() -> None:
    """One flag holds the script: a bulletin of 200 was told 200 times."""
    notes = "".join(f"[^{n}]: Chú thích số {n}.\n---\n\n" for n in range(1, 201))
    source = f"Câu đầu.\n\n{notes}Câu cuối.\n"
    assert _web(source).count("<h2") == 200
    spoken = normalise(source)
    assert [(f.code, f.line) for f in spoken.flags] == [("Q2", 3)]
    assert "chú thích số hai trăm" in spoken.text.lower()


@pytest.mark.parametrize(
    "source",
    [
        '- <div a="1"b="2">Chữ trong mục.</div>\n',
        '> <div a="1"b="2">Chữ trong mục.</div>\n',
        '- Mục đầu.\n\n    <div a="1"b="2">Chữ trong mục.</div>\n',
    ],
)
def test_a_block_tag_in_a_list_or_a_quotation_is_shown_so_held(source: str) -> None:
    """No raw HTML block there on the website (its tag opens no line): Python-Markdown's inline
    pass shows `<div a="1"b="2">` as text. The radio took any text opening with a block's tag
    for a raw block and dropped it, unflagged."""
    assert '&lt;div a="1"b="2"&gt;' in _web(source)
    spoken = normalise(source)
    assert [(f.code, f.excerpt) for f in spoken.flags] == [("Q2", '<div a="1"b="2">')]
    assert "Chữ trong mục." in spoken.text


@pytest.mark.parametrize(
    "source",
    [
        '<div a="1"b="2">Chữ trong khối.</div>\n',
        '  <div a="1"b="2">Chữ trong khối.</div>\n',
        'Câu đầu.\n  <div a="1"b="2">Chữ trong khối.</div>\n',
    ],
)
def test_a_block_tag_opening_its_line_is_a_raw_blocks_and_not_read(source: str) -> None:
    """Up to three spaces in, under text too, the tag opens a raw block: the browser reads it
    as a tag, nothing to hold the script for (a paragraph's second line was held)."""
    assert "&lt;div" not in _web(source)
    spoken = normalise(source)
    assert _script_words(spoken.text) == _page_words(source)
    assert not spoken.flags


def test_a_comment_left_open_in_a_list_items_block_tag_is_shown() -> None:
    """In a list item the `<div>` is inline HTML, the `<!--` text: the page shows «x» and the
    paragraph after it. The radio told the editor the website hides all to the end."""
    source = "- <div>Chữ <!-- x\n\nĐoạn sau.\n"
    spoken = normalise(source)
    assert _script_words(spoken.text) == _page_words(source) == ["chữ", "x", "đoạn", "sau"]
    opened = [f for f in spoken.flags if "«<!--»" in f.message]
    assert len(opened) == 1 and "website ẩn" not in opened[0].message


@pytest.mark.parametrize(
    "written", ['&lt;b title="x"&gt;', "&lt;b&gt;", '&lt;b a="1"b="2"&gt;', "&lt;/b&gt;"]
)
def test_a_tag_written_with_entities_is_shown_so_held(written: str) -> None:
    """The page shows `&lt;b title="x"&gt;` as the text «<b title="x">»; the radio read the
    entities first and dropped it as a tag, unflagged (one with attributes run together was
    held). Each is held now, told whole once."""
    source = f"Viết {written} để in đậm.\n"
    assert written in _web(source)
    spoken = normalise(source)
    assert [(f.code, f.excerpt) for f in spoken.flags] == [("Q2", html.unescape(written))]
    assert "để in đậm" in spoken.text


@pytest.mark.parametrize("code", ['`<b a="1"b="2">`', "`<b>`", "``<b title='x'>``"])
def test_a_tag_in_a_code_span_is_left_out_unflagged_as_before(code: str) -> None:
    source = f"Gõ {code} để in đậm.\n"
    assert "<code>&lt;b" in _web(source)
    spoken = normalise(source)
    assert spoken.text == "Gõ để in đậm." and not spoken.flags


@pytest.mark.parametrize(
    ("source", "read"),
    [
        ("Gõ `&lt;br&gt;` để xuống dòng.\n", "Gõ để xuống dòng."),
        ("Xem [trang](https://a.vn/?q=&lt;b&gt;) này.\n", "Xem trang này."),
    ],
)
def test_a_tag_written_with_entities_in_code_or_an_address_holds_nothing(
    source: str, read: str
) -> None:
    """Code shows the entities themselves and a link shows its words alone: the page shows no
    «<b>», yet the radio held both scripts (Q2) once entities were read before tags were
    judged (review R10)."""
    shown = html.unescape(re.sub(r"<[^>]*>", "", _web(source)))
    assert "<b" not in shown and "<br" not in shown
    spoken = normalise(source)
    assert spoken.text == read and not spoken.flags


def test_a_tag_between_backticks_written_as_entities_is_shown_so_held() -> None:
    """`&#96;` is a backtick the page shows, opening no code: «`<b>`» is text there. Code spans
    looked for after entities were read dropped it unflagged (final review of session 74)."""
    source = "Gõ &#96;&lt;b&gt;&#96; nhé.\n"
    assert "<code>" not in _web(source)
    assert [f.code for f in normalise(source).flags] == ["Q2"]


@pytest.mark.parametrize(
    "block",
    [
        "<div>Chữ <!--> còn</div>",  # a comment closed by its own `>`
        "<div>Chữ <!---> còn</div>",
        "<div><b title=a<!--b>Chữ</b> còn</div>",  # in a value without quotes
        "<div><script>a<!--b</script>Chữ còn</div>",  # in a script's text
        "<div><style>p{}<!--</style>Chữ còn</div>",
        "<div title='a>b'c=\"<!--\">Chữ còn</div>",
    ],
)
def test_no_comment_the_browser_does_not_read_in_a_raw_block_hides_the_rest(block: str) -> None:
    """The browser's parser reads no comment there (publish.markdown_closing.markup): the page
    shows «còn» and the paragraph after the block. The radio took each `<!--` for a comment
    left open, dropped the rest of the bulletin and told the editor the page hides it."""
    source = f"{block}\n\nĐoạn sau.\n"
    assert "Đoạn sau." in _web(source)
    spoken = normalise(source)
    assert _script_words(spoken.text) == _page_words(source)
    assert not spoken.flags


def test_a_comment_in_a_textareas_text_is_shown_not_hidden() -> None:
    """A `<textarea>` shows its text, `<!--` and all: the paragraph after the block is read, the
    flag (its sign) says the page shows it, not that it hides the rest of the bulletin."""
    source = "<div><textarea><!-- x</textarea></div>\n\nĐoạn sau.\n"
    assert "Đoạn sau." in _web(source) and "&lt;!-- x" in _web(source)
    spoken = normalise(source)
    assert "Đoạn sau." in spoken.text
    assert not [f for f in spoken.flags if "website ẩn" in f.message]


@pytest.mark.parametrize(
    ("source", "why"),
    [
        ("Câu đầu.\n\n~~~ python thêm\nGọi ngay trụ sở.\n~~~\n\nCâu cuối.\n", "ngôn ngữ"),
        ("Câu đầu.\n\n~~~js,vi\nGọi ngay trụ sở.\n~~~\n\nCâu cuối.\n", "ngôn ngữ"),
        ("Câu đầu.\n\n  ~~~\nGọi ngay trụ sở.\n\nCâu cuối.\n", "sát lề trái"),
        ("Câu đầu.\n\n   ```\nGọi ngay trụ sở.\n\nCâu cuối.\n", "sát lề trái"),
        ("Câu đầu.\n\n> ~~~\n> Gọi ngay trụ sở.\n> ~~~\n\nCâu cuối.\n", "sát lề trái"),
    ],
)
def test_a_fence_the_website_opens_no_block_with_is_read_and_held(source: str, why: str) -> None:
    """Python-Markdown opens a fenced block only at a line's start, with a language at most
    after the fence: else the page shows the fence and what follows as text. The radio dropped
    the words as code (R1.7, a warning) to the next fence or to the end, or read `~~~` in a
    quotation as «khoảng» twice, unflagged."""
    page = _web(source)
    assert "<pre>" not in page and "Gọi ngay trụ sở." in page
    spoken = normalise(source)
    assert _script_words(spoken.text) == _page_words(source)
    assert "khoảng" not in spoken.text.lower()
    assert [(f.code, f.line) for f in spoken.flags] == [("Q2", 3)]
    assert why in spoken.flags[0].message


def test_a_fence_never_closed_under_a_footnote_is_the_footnotes() -> None:
    """The page keeps the fence and the line after it in the footnote (text): not read; the
    radio ended the footnote there and read «Gọi ngay» as the body's."""
    source = "Câu đầu.[^1]\n\n[^1]: Chú.\n~~~\nGọi ngay.\n\nCâu cuối.\n"
    assert "Gọi ngay." in _footnotes(_web(source))
    spoken = normalise(source)
    assert spoken.text == "Câu đầu.\n\nCâu cuối." and not spoken.flags


def test_a_fence_inside_a_fence_never_closed_is_code_on_every_reader() -> None:
    """Python-Markdown opens no block at a ``` never closed, then makes `~~~`…`~~~` under it
    code; markdown_code.without_fences kept it as text (the load's checks looked in it)."""
    from publish.markdown_code import without_fences

    source = "Câu đầu.\n\n```\nA\n~~~\nB\n~~~\n\nCâu cuối.\n"
    assert "<pre><code>B" in _web(source)
    assert "B" not in without_fences(source)
    spoken = normalise(source)
    assert "B" not in spoken.text.split() and "A" in spoken.text
