"""Which `<…>` is HTML and which is words (publish.markdown_angles), and the plain text Zalo and
the radio make of the words: the website, Zalo and the radio must agree on it."""

from __future__ import annotations

import re

import pytest

from publish import markdown_angles
from publish.markdown_angles import (
    BLOCK_ELEMENTS,
    NEVER_WORDS,
    VOID_ELEMENTS,
    angles_quoted,
    is_markup,
    raw_html_settled,
    tags_replaced,
)
from publish.sanitize import strip_markup


@pytest.mark.parametrize(
    "tag",
    [
        "<b>", "</B>", "<br>", "<br/>", "<br />", "<!-- ghi chú -->", '<a href="https://x.vn">',
        '<abbr title="Công an nhân dân">', '<img src="images/a.jpg" alt="Ảnh hội nghị">',
        "<img alt=Ảnh src=a.jpg>", "<td colspan=2>", "<details open>", "<script>",
        "<SCRIPT SRC=https://xss.example/xss.js>", "<svg/onload=alert(1)>", "<?xml ?>",
        "<!DOCTYPE html>", "<o:p>", "</o:p>", '<st1:place w:st="on">',
    ],
)  # fmt: skip
def test_html_an_editor_pastes_is_markup(tag: str) -> None:
    assert is_markup(tag)


@pytest.mark.parametrize(
    "words",
    [
        "<Vì an ninh Tổ quốc>", "<Tết an toàn>", "<An toàn giao thông>", "<Em bé>", "<A Lưới>",
        "<Luật Trật tự, an toàn giao thông đường bộ>", "</Tết>", "<Stop-lừa-đảo>",
    ],
)  # fmt: skip
def test_words_in_angle_brackets_are_not_markup(words: str) -> None:
    assert not is_markup(words)


def test_zalo_text_keeps_the_words_and_drops_the_tags() -> None:
    """No tag start stays for an app that might read HTML: a space follows each `<` before a
    letter, as in the Zalo title."""
    assert strip_markup("Tháng <<Vì an ninh Tổ quốc>>, <b>Tết</b> <Tết an toàn><!-- x -->") == (
        "Tháng << Vì an ninh Tổ quốc>>, Tết < Tết an toàn>"
    )
    assert strip_markup("<scr<script>ipt>alert(1)</scr</script>ipt>") == "alert(1)"


def test_the_radio_reads_the_words_as_a_quotation_and_leaves_tags_alone() -> None:
    assert angles_quoted("Tháng <<Vì an ninh Tổ quốc>> và << Chung tay >>, <Tết an toàn>.") == (
        "Tháng «Vì an ninh Tổ quốc» và «Chung tay», «Tết an toàn»."
    )
    assert angles_quoted("<b>Tết</b> và trẻ < 18 tuổi, <Đoàn kết>") == (
        "<b>Tết</b> và trẻ < 18 tuổi, «Đoàn kết»"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Bài hát <Em> của nhóm.", "<Mark> là tên riêng.", "Ông <Mark Zuckerberg> nói.",
        "Chương trình <Audio Book> mới.", "<Em> ở đoạn này.\n\nĐoạn sau có </em> rời.",
    ],
)  # fmt: skip
def test_a_lone_capitalised_word_naming_an_element_is_words_in_its_text(text: str) -> None:
    """«<Em>» and «<Mark>» name HTML elements, but HTML writes `<em>` or `<EM>`, with its end
    tag: a capitalised name, not closed in its paragraph, is a word the page must show."""
    start = text.index("<")
    tag = text[start : text.index(">", start) + 1]
    assert is_markup(tag)  # alone, without its text, it is a tag as it always was
    assert not is_markup(tag, text, start + len(tag))


@pytest.mark.parametrize(
    "text",
    [
        "a <Em>nghiêng</em> b", "a <Em>nghiêng</EM> b", "a <EM>nghiêng", "a <em>nghiêng",
        'a <Em class="x">nghiêng', "a <Em/> b", "dòng<Br>dòng", "<Div> mở đầu", "a <Table> b",
        "a </Em> b", "a <Mark lang=vi> b", "a <Audio controls> b",
    ],
)  # fmt: skip
def test_html_in_any_case_closed_or_with_attributes_stays_markup(text: str) -> None:
    """Closed in its paragraph, in capitals or small letters as HTML is written, with an
    attribute, self-closing, a line break, or an element the website's Markdown takes for an
    HTML block at the start of a line (NEVER_WORDS): a tag, as before."""
    start = text.index("<")
    tag = text[start : text.index(">", start) + 1]
    assert is_markup(tag, text, start + len(tag))


def test_the_block_elements_kept_as_tags_are_python_markdown_s() -> None:
    """A capitalised block element at the start of a line («<Table>») is an HTML block to
    Python-Markdown before the inline pass could keep it as words: every channel must take it
    for a tag too, or the secret gate, Zalo and the radio would read what the page drops."""
    import markdown

    assert set(markdown.Markdown(extensions=["extra"]).block_level_elements) == BLOCK_ELEMENTS
    assert BLOCK_ELEMENTS | VOID_ELEMENTS == NEVER_WORDS


def test_the_channels_keep_a_lone_em_the_website_shows() -> None:
    """Zalo's text and the search index keep it as typed, the radio reads it as a quotation;
    the secret gate (`lone_words=False`) takes it out as the tag it is in a raw HTML block."""
    text = "Ca khúc <Em> và <Mark>, <b>đậm</b>.\n\nĐoạn <Em>nghiêng</em>."
    assert strip_markup(text) == "Ca khúc < Em> và < Mark>, đậm.\n\nĐoạn nghiêng."
    assert angles_quoted(text) == "Ca khúc «Em» và «Mark», <b>đậm</b>.\n\nĐoạn <Em>nghiêng</em>."
    tag = re.compile(r"<[^<>]+>")
    assert tags_replaced(tag, text, "") == "Ca khúc <Em> và <Mark>, đậm.\n\nĐoạn nghiêng."
    assert tags_replaced(tag, text, "", lone_words=False) == "Ca khúc  và , đậm.\n\nĐoạn nghiêng."


def test_many_lone_words_in_one_text_are_judged_in_linear_time() -> None:
    """Each `<Em>` looks for its end tag after it: scanning the rest of the text for each of
    50,000 took the time of 50,000 scans; the end tags are found once per text."""
    text = "Chữ <Em> " * 50_000 + "</em>"
    # Counted, not timed (a loaded CI machine took 10 s for what takes 0.3 s): the scans of a
    # text for its end tags and for where its inline pieces end, each done once per text.
    for scan in (markdown_angles._end_tags, markdown_angles._breaks):
        scan.cache_clear()
    assert strip_markup(text).count("< Em>") == 0  # all closed by the last </em>
    assert strip_markup(text.removesuffix("</em>")).count("< Em>") == 50_000
    assert markdown_angles._end_tags.cache_info().misses <= 2  # 50,000 per text when per <Em>
    assert markdown_angles._breaks.cache_info().misses <= 2


def _em_shown(body: str) -> dict[str, bool]:
    """Whether each channel shows «<Em>» of `body` as words (the radio: reads «Em»)."""
    from publish.radio.normalise import normalise
    from publish.render.web.markdown import MarkdownRenderer
    from publish.render.web.search import plain_text
    from publish.render.zalo.blocks import markdown_blocks

    zalo = markdown_blocks(body, image=lambda *_: None, link=lambda href: None)
    return {
        "web": "&lt;Em&gt;" in MarkdownRenderer().convert(body, lookup=lambda src: None),
        # Zalo writes a heading in capitals, and a word joiner after a «<» that is text.
        "zalo": any(re.search("<\u2060?em>", str(b.get("content", "")), re.I) for b in zalo),
        "search": "<Em>" in plain_text(body),
        "radio": "Em" in normalise(body).text.replace("Em,", "Em"),
    }


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("Mở đầu.\n\n- Ca khúc <Em> mới\n- Bài hát </em> cũ\n", True),
        ("Mở đầu.\n\n## Ca khúc <Em> mới\nBài hát </em> cũ.\n", True),
        ("Ca khúc <Em> mới\n- Bài hát </em> cũ\n", True),
        ("Ca khúc <Em> mới\n1. Bài hát </em> cũ\n", True),
        ("Mở đầu.\n\n- Ca khúc <Em> mới\n  vẫn mục ấy </em> cũ\n", False),
        ("Ca khúc <Em> mới\nvẫn đoạn ấy </em> cũ.\n", False),
        ("Mở đầu.\n\n<div>\nCa khúc <Em> mới\n</div>\n", False),
        ("Mở đầu.\n\n<div>\n\nCa khúc <Em> mới\n\n</div>\n\nĐoạn sau.\n", False),
        ("Mở đầu.\n\n<div>\nMột\n</div>\n\nCa khúc <Em> mới.\n", True),
        ('Mở đầu.\n\n<div markdown="1">\nCa khúc <Em> mới\n</div>\n', True),
        # A rule is a raw HTML block of its own tag: what follows it is Markdown again.
        ("Mở đầu.\n\n<hr>\n\nBài hát <Em> của ca sĩ Tùng.\n", True),
        ("Mở đầu.\n\n<hr/>\nBài hát <Em> của ca sĩ Tùng.\n", True),
        ("Mở đầu.\n\n<HR> Bài hát <Em> của ca sĩ Tùng.\n", True),
        ("Mở đầu.\n\n<div>Một</div> Bài hát <Em> của ca sĩ Tùng.\n", True),
        # A block-level tag on the rest of that line opens another block, as Python-Markdown reads it.
        ("Mở đầu.\n\n<hr><div>Bài hát <Em> của ca sĩ Tùng.\n", False),
        ("Mở đầu.\n\n<div>Một</div> <p>Bài hát <Em> của ca sĩ Tùng.\n", False),
        # A quotation right under a paragraph is a block of its own on the website.
        ("Ca khúc <Em> mới\n> Bài hát </em> cũ\n", True),
        ("Mở đầu.\n> Ca khúc <Em> mới\n> Bài hát </em> cũ\n", False),
        ("> Ca khúc <Em> mới\nBài hát </em> cũ\n", False),
    ],
)
def test_every_channel_reads_a_lone_em_as_the_website_does(body: str, words: bool) -> None:
    """The website reads a list item, a heading or a table cell apart: «<Em>» closed only on
    the next item or line after a heading is words there, but the search index, reading the
    body a paragraph at a time, dropped it as a tag. In a raw HTML block it is a tag to the
    page's sanitiser (and to the secret gate), but the index kept it and the radio read it."""
    assert _em_shown(body) == dict.fromkeys(("web", "zalo", "search", "radio"), words)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("| Tên | Ghi chú |\n| --- | --- |\n| Ca khúc <Em> | Bài hát </em> cũ |\n", True),
        ("| Tên |\n| --- |\n| Ca khúc <Em> |\n| Bài hát </em> cũ |\n", True),
        ("| Tên |\n| --- |\n| Ca khúc <Em> mới </em> cũ |\n", False),
    ],
)
def test_a_lone_em_in_a_table_cell_is_read_alike_by_the_website_zalo_and_search(
    body: str, words: bool
) -> None:
    """Each cell is read apart by the website (the radio reads no table)."""
    shown = _em_shown(body)
    del shown["radio"]
    assert shown == dict.fromkeys(("web", "zalo", "search"), words)


def test_a_raw_html_block_s_capitalised_tags_are_set_in_small_letters_in_place() -> None:
    """Lines and places keep (the radio's flags name lines); words in angle brackets and the
    text after the block keep their case."""
    text = "Ý <Em> đầu.\n<div>\n<Em>Một</Em> <Tết an toàn>\n</div> Sau <Em>.\n<Section>\n<Mark>"
    settled = raw_html_settled(text)
    assert settled == (
        "Ý <Em> đầu.\n<div>\n<em>Một</em> <Tết an toàn>\n</div> Sau <Em>.\n<section>\n<mark>"
    )
    assert raw_html_settled("Chữ <Em> và <span>\n<Em>") == "Chữ <Em> và <span>\n<Em>"
