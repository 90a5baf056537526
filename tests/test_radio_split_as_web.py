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
