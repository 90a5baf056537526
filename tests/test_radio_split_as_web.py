"""The radio reads a bulletin in the blocks the website shows: a quotation, list, heading, code
or rule typed right under a paragraph (no blank line) is a block apart on both."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise
from publish.render.zalo.blocks import to_html


@pytest.mark.parametrize(
    "under",
    [
        "> Lời trích dẫn của người dân.",
        "> Lời trích dẫn\ntiếp tục trên dòng sau.",
        "- Mục một.\n- Mục hai.",
        "1. Mục một.\n2. Mục hai.",
        "## Tiêu đề nhỏ",
        "```\nmã\n```",
        "***",
    ],
)
def test_a_block_right_under_a_paragraph_is_read_apart_as_the_website_shows_it(
    under: str,
) -> None:
    """«Đoạn.\\n> Trích.» is a paragraph and a quotation on the website, but the radio read it
    as one paragraph («Đoạn. Trích.», a presenter's pause and the quotation's form lost)."""
    tight = f"Công an xã thông báo.\n{under}\n\nĐoạn sau.\n"
    loose = f"Công an xã thông báo.\n\n{under}\n\nĐoạn sau.\n"
    assert to_html(tight) == to_html(loose)  # the website: the same blocks
    assert normalise(tight).text == normalise(loose).text


def test_a_quotation_goes_on_over_a_line_without_its_mark_as_on_the_website() -> None:
    """A line under a quotation's line belongs to it (Markdown's lazy continuation), and
    the quotation's lines stay one paragraph."""
    text = normalise("Đoạn đầu.\n> Lời trích dẫn\ncòn tiếp.\n> Hết lời.\n").text
    assert text.split("\n\n") == ["Đoạn đầu.", "Lời trích dẫn còn tiếp. Hết lời."]


@pytest.mark.parametrize(
    "under",
    [
        "<div>Khối HTML riêng.</div>",
        '<div class="ghi-chu">Khối HTML riêng.</div>',
        "<DIV>Khối HTML riêng.</DIV>",
        "<p>Đoạn HTML.</p>",
        "<div>\nKhối trên nhiều dòng.\n</div>",
        "<details><summary>Xem</summary>Nội dung.</details>",
    ],
)
def test_a_raw_html_block_right_under_a_paragraph_is_read_apart(under: str) -> None:
    """«Đoạn.\\n<div>Khối.</div>» is two blocks on the website, and was read as one paragraph
    («Đoạn. Khối.»)."""
    tight = f"Công an xã thông báo.\n{under}\n\nĐoạn sau.\n"
    loose = f"Công an xã thông báo.\n\n{under}\n\nĐoạn sau.\n"
    assert to_html(tight) == to_html(loose)
    said = normalise(tight).text
    assert said == normalise(loose).text
    assert said.startswith("Công an xã thông báo.\n\n")


def test_a_line_after_a_raw_html_block_closed_on_its_line_opens_a_paragraph() -> None:
    source = "Đoạn một.\n<div>Khối.</div>\nChữ sau khối.\n\nĐoạn sau.\n"
    assert "<p>Chữ sau khối.</p>" in to_html(source)
    assert normalise(source).text.split("\n\n") == [
        "Đoạn một.",
        "Khối.",
        "Chữ sau khối.",
        "Đoạn sau.",
    ]


@pytest.mark.parametrize(
    "under",
    ["<span>chữ</span> tiếp", "  <div>Khối thụt vào.</div>", "</div>"],
)
def test_inline_html_or_an_indented_tag_stays_in_the_paragraph_as_on_the_website(
    under: str,
) -> None:
    """An inline tag, a tag indented, a closing tag alone: the website keeps them in the
    paragraph, and so does the radio."""
    source = f"Công an xã thông báo.\n{under}\n\nĐoạn sau.\n"
    assert to_html(source).startswith("<p>Công an xã thông báo.\n")
    assert normalise(source).text.split("\n\n")[0].startswith("Công an xã thông báo.")
    assert len(normalise(source).text.split("\n\n")) == 2


@pytest.mark.parametrize(
    "pre",
    [
        "<pre>x</pre>",
        "<PRE>x</PRE>",
        "<pre><code>mã x</code></pre>",
        '<pre class="lenh">\nmã x\n\nmã y\n</pre>',
    ],
)
def test_a_raw_pre_block_is_code_not_read_as_a_fenced_block_is_not(pre: str) -> None:
    """`<pre>x</pre>` is code on the website (a block apart, as typed): the radio read it as a
    paragraph, «X.», with no word to the editor. Code is never read: dropped and told (R1.7),
    as a fenced block is."""
    source = f"Công an xã thông báo.\n\n{pre}\n\nĐoạn sau.\n"
    assert "<pre" in to_html(source).lower()
    spoken = normalise(source)
    assert spoken.text == "Công an xã thông báo.\n\nĐoạn sau."
    [flag] = spoken.flags
    assert (flag.code, flag.line) == ("R1.7", 3)
    assert "một đoạn mã" in flag.message
