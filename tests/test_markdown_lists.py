"""A list typed right under a line of text is a list, on the website and on Zalo."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from publish.render.web.markdown import MarkdownRenderer
from publish.render.zalo.blocks import to_html


def web(text: str) -> str:
    """The website's body HTML for `text`."""
    return MarkdownRenderer().convert(text, lookup=lambda src: None)


@pytest.mark.parametrize("convert", [web, to_html], ids=["web", "zalo"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bà con lưu ý:\n- Không chuyển tiền\n- Không cung cấp OTP\n",
            "<p>Bà con lưu ý:</p>\n<ul>\n<li>Không chuyển tiền</li>\n<li>Không cung cấp OTP</li>\n</ul>",
        ),
        (
            "Các bước:\n1. Mở Zalo\n2. Quét mã\n",
            "<p>Các bước:</p>\n<ol>\n<li>Mở Zalo</li>\n<li>Quét mã</li>\n</ol>",
        ),
        ("Tăng so với năm\n2020. Sau đó giảm.\n", "<p>Tăng so với năm\n2020. Sau đó giảm.</p>"),
        (
            "Ý kiến:\n- một dòng\ntiếp nối của mục\n- mục hai\n",
            "<p>Ý kiến:</p>\n<ul>\n<li>một dòng\ntiếp nối của mục</li>\n<li>mục hai</li>\n</ul>",
        ),
        ("- a\n- b\n", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
    ],
    ids=["bullets", "numbered", "year-opening-a-line", "lazy-continuation", "already-apart"],
)
def test_a_list_right_under_text(convert: Callable[[str], str], text: str, expected: str) -> None:
    assert convert(text).strip() == expected


def test_fenced_code_is_left_as_written() -> None:
    html = web("Lệnh:\n```\nx\n- y\n```\n")
    assert "<pre><code>x\n- y\n</code></pre>" in html and "<li>" not in html
