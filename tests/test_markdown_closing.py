"""An editor's unclosed inline tag (`<em>`, `<b>`, `<a>`…) ends with the block it was typed in,
on the website's page and in the Zalo article alike (publish.markdown_closing)."""

from __future__ import annotations

import json
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from publish import config as config_module
from publish.markdown_closing import inline_closed
from publish.pipeline import build
from publish.render.zalo.blocks import to_html
from publish.writer import write
from tests.web_fixture import NOW
from tests.zalo_project import zalo_bulletin, zalo_project

BODY = """\
Mở đầu.

<div>Chú ý <em>quan trọng</div>

Đoạn một sau khối.

<div>Lưu ý <strong>đậm <b>đậm nữa</div>

Đoạn hai sau khối.

<div>Chữ <i>nghiêng <u>gạch <mark>tô</div>

Đoạn ba sau khối.

<div>Xem <a href="https://dichvucong.gov.vn">cổng dịch vụ công</div>

Đoạn bốn sau khối.

<div>
<p>Trong thẻ p <Em>chưa đóng một</p>
<p>Thẻ p sau.</p>
</div>

Trong đoạn <em>chưa đóng hai

Đoạn năm.

- Mục <b>chưa đóng ba
- Mục sau.
"""
STYLED = {"a", "b", "em", "i", "mark", "strong", "u"}


class _Styles(HTMLParser):
    """The inline elements each piece of text of a page's bulletin body is shown in."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.inside = 0  # depth inside the body's «prose» box
        self.shown: dict[str, set[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if (self.inside or ("class", "prose") in attrs) and tag not in ("br", "img", "hr"):
            self.inside += tag == "div"
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.inside and tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]
            self.inside -= tag == "div"

    def handle_data(self, data: str) -> None:
        if self.inside and data.strip():
            self.shown[data.strip()] = STYLED & set(self.open)


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The website and Zalo article of a bulletin holding BODY."""
    root = zalo_project(
        tmp_path_factory.mktemp("closing"),
        0,
        files={"content/bai-viet/2020-12-02-khoi.md": zalo_bulletin(1, body=BODY)},
    )
    result = build(config_module.load(root), channels=("web", "zalo"), now=NOW)
    write(result.artifacts, root / "output", ("web", "zalo"))
    return root / "output"


def test_text_after_a_block_with_an_unclosed_tag_is_not_shown_in_that_tag(output: Path) -> None:
    """«<div>Chú ý <em>quan trọng</div>» made the rest of the bulletin italic on the page (a
    link: every later paragraph a link), as the sanitiser reopened the tag after `</div>`."""
    page = next((output / "web").glob("2020/12/*/index.html")).read_text("utf-8")
    styles = _Styles()
    styles.feed(page)
    shown = styles.shown
    assert shown["quan trọng"] == {"em"}
    assert shown["đậm nữa"] == {"strong", "b"}
    assert shown["tô"] == {"i", "u", "mark"}
    assert shown["cổng dịch vụ công"] == {"a"}
    assert shown["chưa đóng một"] == {"em"}
    assert shown["chưa đóng hai"] == {"em"}
    assert shown["Mục"] == set() and shown["chưa đóng ba"] == {"b"}
    after = [
        "Đoạn một sau khối.",
        "Đoạn hai sau khối.",
        "Đoạn ba sau khối.",
        "Đoạn bốn sau khối.",
        "Thẻ p sau.",
        "Đoạn năm.",
        "Mục sau.",
    ]
    assert [text for text in after if shown[text]] == []


def test_zalo_shows_the_address_of_a_link_left_open_in_a_raw_block(output: Path) -> None:
    """Zalo's reader kept the link open past its block: its address was never shown."""
    article = json.loads(next((output / "zalo").glob("*.json")).read_text("utf-8"))
    texts = [block.get("content") for block in article["body"] if block["type"] == "text"]
    assert "Xem cổng dịch vụ công (https://dichvucong.gov.vn)" in texts
    assert "Đoạn bốn sau khối." in texts


@pytest.mark.parametrize(
    ("html", "closed"),
    [
        ("<div>a <em>b</div><p>c</p>", "<div>a <em>b</em></div><p>c</p>"),
        ("<div>a <EM>b <a href=x>c</DIV>", "<div>a <EM>b <a href=x>c</a></em></DIV>"),
        ("<p>a <b>b<p>c</p>", "<p>a <b>b</b><p>c</p>"),
        ("<p>a <b>b<div>c</div>", "<p>a <b>b</b><div>c</div>"),
        ("<ul><li>a <i>b<li>c</ul>", "<ul><li>a <i>b</i><li>c</ul>"),
        ("<dl><dt>a <u>b<dd>c</dl>", "<dl><dt>a <u>b</u><dd>c</dl>"),
        # A browser reopens the <i> that </b> cut through: closed where its block ends.
        ("<div><b><i>a</b> b</div>", "<div><b><i>a</b> b</i></div>"),
        ("<div>a <em/>b</div>", "<div>a <em/>b</em></div>"),
        ('<div title="x > </div>">a <em>b</div>', '<div title="x > </div>">a <em>b</em></div>'),
        ('<div title=x"y>a <em>b</div>', '<div title=x"y>a <em>b</em></div>'),
        ("<div>a <!-- </div> --> <em>b</div>", "<div>a <!-- </div> --> <em>b</em></div>"),
        ("<div>a <!--> <em>b</div>", "<div>a <!--> <em>b</em></div>"),
        # In SVG and MathML `<title>` and `<style>` hold tags: `</svg>` ends them.
        ("<div>a <em>b<svg><title>t</svg></div>", "<div>a <em>b<svg><title>t</svg></em></div>"),
        ("<div>a <i>b<math><style>t</math></div>", "<div>a <i>b<math><style>t</math></i></div>"),
        (
            "<div><svg></svg><textarea><b></textarea>a <em>b</div>",
            "<div><svg></svg><textarea><b></textarea>a <em>b</em></div>",
        ),
    ],
)
def test_an_inline_tag_left_open_is_closed_where_its_block_ends(html: str, closed: str) -> None:
    """At the end tag of the element holding it, or at the start tag that ends that element."""
    assert inline_closed(html) == closed


@pytest.mark.parametrize(
    "html",
    [
        "<p>a <em>b</em> c</p><div>d <a href=x>e</a></div>",
        "<div>a <em>b",  # a block left open to the end of the body holds the rest anyway
        "<p>a</em> b</p>",  # a stray end tag: the parser ignores it
        "<div><textarea><em></textarea>a</div>",  # no tag in a textarea's text
        "<div><script>var s = '<b>';</script>a</div>",
        '<div>a <em>b<p title="x></div>',  # a tag the body ends in: no tag, nor what follows
        "<div>a < b <3 <é> <em>c</em></div>",
        "<div>a <!--></div><em>b</div>",  # `<!-->` is a whole comment: the </div> ends it
    ],
)
def test_html_with_nothing_left_open_in_an_ended_block_is_kept_as_it_is(html: str) -> None:
    """Nothing is taken out or moved: only missing end tags are written."""
    assert inline_closed(html) == html


def test_the_body_python_markdown_writes_itself_is_left_as_it_was() -> None:
    """A body without the editor's HTML is balanced already: not read a second time."""
    body = "Mở *nghiêng* và **đậm**.\n\n- Mục [liên kết](https://x.vn)\n\n> Trích `mã`\n"
    assert to_html(body) == (
        "<p>Mở <em>nghiêng</em> và <strong>đậm</strong>.</p>\n"
        '<ul>\n<li>Mục <a href="https://x.vn">liên kết</a></li>\n</ul>\n'
        "<blockquote>\n<p>Trích <code>mã</code></p>\n</blockquote>"
    )


def test_a_crafted_page_of_thousands_of_open_tags_is_read_in_linear_time() -> None:
    """Each tag looks at the elements still open: past MAX_OPEN the page is left as it is."""
    html = "<div>" + "<b>x" * 50_000 + "<hr>" * 50_000 + "</div>"
    started = time.perf_counter()
    assert inline_closed(html) == html
    assert time.perf_counter() - started < 2


def test_a_body_whose_only_html_is_entities_is_not_read_a_second_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Python-Markdown keeps `&amp;` and `&nbsp;` aside as it keeps the editor's tags: a body
    holding entities alone was read again for tags it cannot hold."""
    import publish.markdown_closing as closing

    read: list[str] = []

    def counted(html: str) -> str:
        read.append(html)
        return inline_closed(html)

    monkeypatch.setattr(closing, "inline_closed", counted)
    assert to_html("Giá 5&nbsp;triệu, A &amp; B.") == "<p>Giá 5&nbsp;triệu, A &amp; B.</p>"
    assert read == []
    assert to_html("<div>a <em>b</div>\n\nsau") == "<div>a <em>b</em></div>\n\n<p>sau</p>"
    assert len(read) == 1
