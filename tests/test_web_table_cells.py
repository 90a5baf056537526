"""A bulletin's table cells on the website and in its feed: the alignment the editor wrote
(`|---:|`), no label for an empty cell on a phone, and long words free to break."""

from __future__ import annotations

import html as htmllib
import re

import pytest

from publish.render.web.markdown import MarkdownRenderer
from publish.render.web.tables import stacked_tables
from tests.helpers import bulletin_md
from tests.web_fixture import build_site, copy_site

DOMAIN = "dichvucongbocongangovvnxacthucdinhdanhdientu-capnhat.online"
TABLE = (
    "| Xã | Số tin báo | Thiệt hại (đồng) | Ghi chú |\n"
    "|:---|---:|:---:|---|\n"
    f"| Tân Phú | 6 | 850.000.000 | Bị lừa qua đường link {DOMAIN} |\n"
    "| Phú Hòa | 2 | 1.250.000.000\u00a0đồng | Hỏi đáp Q&A&B&C&D |\n"
    "| **Cộng** | **14** | **1.250.000.000.000** | |\n"
)
"""Its second row as pasted from Word: an amount and its unit joined by a no-break space (which
the page writes `&nbsp;`), a short word with «&» (written `&amp;`)."""


def _convert(text: str) -> str:
    """The sanitised HTML of a body."""
    return MarkdownRenderer().convert(text, lookup=lambda src: None)


def test_a_cell_keeps_the_alignment_written_in_markdown_and_no_other_style() -> None:
    """`|---:|` writes the cells' alignment as their style, which the sanitiser dropped: a
    column of amounts was left-aligned on the page and in the feeds. Their alignment is kept,
    and only that: any other style, and a style anywhere else, is still removed."""
    cells = re.findall(r"<t[hd]\b([^>]*)>", _convert(TABLE))
    assert cells[:4] == [
        ' style="text-align: left;"',
        ' style="text-align: right;"',
        ' style="text-align: center;"',
        "",
    ]
    raw = (
        '<table><tr><td style="TEXT-ALIGN:Right">1</td>'
        '<td style="text-align: right; background: url(https://x.example/a.png)">2</td>'
        '<td style="color: red">3</td><td style="text-align: justify">4</td></tr></table>\n\n'
        '<p style="text-align: center">Đoạn</p>\n'
    )
    written = _convert(raw)
    assert re.findall(r"\bstyle=\"[^\"]*\"", written) == ['style="text-align: right;"']
    assert "<td>2</td>" in written and "<p>Đoạn</p>" in written


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The page and the Atom feed of the fixture site with a bulletin holding TABLE."""
    root = copy_site(tmp_path_factory.mktemp("cells"))
    (root / "content" / "bai-viet" / "2024-03-30-thong-ke.md").write_text(
        bulletin_md(
            {"title": '"Thống kê tin báo"', "date": "2024-03-30 08:00", "slug": "thong-ke"},
            body=TABLE,
        ),
        encoding="utf-8",
    )
    site = build_site(root)
    return site.html("/2024/03/thong-ke/"), site.text("feed.xml")


def test_the_page_and_the_feed_align_the_amounts_right(built: tuple[str, str]) -> None:
    """The page and the feed (whose readers have no stylesheet of the site) carry it alike."""
    page, feed = built
    entry = htmllib.unescape(feed.split("Thống kê tin báo", 1)[1].split("</entry>", 1)[0])
    for shown in (page, entry):
        assert re.search(
            r"<td\b[^>]*\bstyle=\"text-align: right;\"[^>]*><strong>14</strong>", shown
        )


def test_an_empty_cell_has_no_label_to_show_on_a_phone(built: tuple[str, str]) -> None:
    """On a phone the total row's box ended with a bare «Ghi chú:» (its empty cell's label)."""
    page, _ = built
    total = page.split("<strong>Cộng</strong>", 1)[1].split("</tr>", 1)[0]
    assert re.findall(r"<td\b[^>]*>", total)[-1] == "<td>"
    assert total.count("data-label=") == 2


def test_a_long_word_is_marked_to_break_and_a_figure_is_not(built: tuple[str, str]) -> None:
    """The scam domain made the table wider than a wide screen: it may break anywhere; the
    amounts and words beside it break only between words, as before."""
    page, _ = built
    assert f'link <span class="long-word">{DOMAIN}</span></td>' in page
    assert page.count('class="long-word"') == 1


def test_only_text_is_marked_never_a_tag_or_its_attributes() -> None:
    """A long word in an attribute (a title, a link's address) is left as it is; in a link's
    text it is marked inside the link; an entity stays whole."""
    address = "https://example.vn/" + "a" * 30 + "?x=1&amp;y=2"
    table = (
        "<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n<th>C</th>\n</tr>\n</thead>\n<tbody>\n"
        f'<tr>\n<td title="x&gt;{"y" * 30}">1</td>\n<td><a href="{address}">{address}</a></td>\n'
        f'<td title="a>{"b" * 30}">2</td>\n</tr>\n</tbody>\n</table>'
    )
    html = stacked_tables(table)
    assert html.count('class="long-word"') == 1
    assert f'<a href="{address}"><span class="long-word">{address}</span></a>' in html
    assert f'title="a>{"b" * 30}"' in html and f'title="x&gt;{"y" * 30}"' in html


def test_a_word_is_measured_as_the_reader_sees_it(built: tuple[str, str]) -> None:
    """An amount pasted from Word («1.250.000.000&nbsp;đồng», 18 characters as written before
    its unit) was taken for one word of 24 and marked, free to break between its digits; a
    9-letter «Q&A&B&C&D», written with entities, was marked too."""
    page, _ = built
    assert ' style="text-align: center;">1.250.000.000&nbsp;đồng</td>' in page
    assert ">Hỏi đáp Q&amp;A&amp;B&amp;C&amp;D</td>" in page
    assert page.count('class="long-word"') == 1


@pytest.mark.parametrize(
    ("cell", "marked"),
    [
        ("1.250.000.000&nbsp;đồng", "1.250.000.000&nbsp;đồng"),
        ("1.250.000.000&#160;đồng", "1.250.000.000&#160;đồng"),
        ("1.250.000.000\u00a0đồng", "1.250.000.000\u00a0đồng"),
        ("Q&amp;A&amp;B&amp;C&amp;D", "Q&amp;A&amp;B&amp;C&amp;D"),
        (
            f"{DOMAIN}&nbsp;(giả)",
            f'<span class="long-word">{DOMAIN}</span>&nbsp;(giả)',
        ),
        (
            "Q&amp;A&amp;" + "b" * 16,
            '<span class="long-word">Q&amp;A&amp;' + "b" * 16 + "</span>",
        ),
    ],
    ids=["nbsp", "nbsp-number", "nbsp-raw", "entities", "long-before-nbsp", "long-with-entities"],
)
def test_a_word_is_counted_in_the_characters_read(cell: str, marked: str) -> None:
    """A no-break space, however written, parts two words; an entity counts as the one
    character it shows: a word is long at 20 characters read, not 20 written."""
    table = (
        "<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n</thead>\n<tbody>\n"
        f"<tr>\n<td>x</td>\n<td>{cell}</td>\n</tr>\n</tbody>\n</table>"
    )
    assert f"<td>{marked}</td>" in stacked_tables(table)
