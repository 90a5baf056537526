"""A number whose digits an editor split across bold, italics or a link: dialled as one link
where one link can wrap it without breaking the page's HTML, left as text where it cannot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from publish.contact_numbers import tel_uri
from publish.render.web.markdown import MarkdownRenderer
from publish.render.web.phones import emergency_linker, hotline_linker
from tests.test_web_phones import MARKUP_PIECES
from tests.web_fixture import build_site, copy_site

HOTLINE = "0277 3610 113"
HREF = tel_uri(HOTLINE)


def shown(markdown: str) -> str:
    """The website's body for `markdown`, its numbers linked as a page links them."""
    html = MarkdownRenderer().convert(markdown, lookup=lambda src: None)
    html = hotline_linker(HOTLINE, HREF)(html)
    return emergency_linker({n: tel_uri(n) for n in ("113", "114", "115")})(html)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "Gọi đường dây nóng **0277** 3610 113.",
            f'Gọi đường dây nóng <a href="{HREF}"><strong>0277</strong> 3610 113</a>.',
        ),
        (
            "Gọi đường dây nóng 0277 *3610 113*.",
            f'Gọi đường dây nóng <a href="{HREF}">0277 <em>3610 113</em></a>.',
        ),
        (
            "Gọi đường dây nóng **0277 3610** 113.",
            f'Gọi đường dây nóng <a href="{HREF}"><strong>0277 3610</strong> 113</a>.',
        ),
        (
            "Gọi đường dây nóng 0277 **3610** 113.",
            f'Gọi đường dây nóng <a href="{HREF}">0277 <strong>3610</strong> 113</a>.',
        ),
        (
            "Gọi đường dây nóng (0277) **3610 113**.",
            f'Gọi đường dây nóng <a href="{HREF}">(0277) <strong>3610 113</strong></a>.',
        ),
        (
            "Gọi đường dây nóng ***0277*** 3610 113.",
            f'Gọi đường dây nóng <a href="{HREF}"><strong><em>0277</em></strong> 3610 113</a>.',
        ),
        (
            "Gọi **0277** *3610* 113.",
            f'Gọi <a href="{HREF}"><strong>0277</strong> <em>3610</em> 113</a>.',
        ),
        (
            "Đường dây nóng: **0277 *3610* 113**.",
            f'Đường dây nóng: <strong><a href="{HREF}">0277 <em>3610</em> 113</a></strong>.',
        ),
        ("Gọi *0277 3610 11*3.", f'Gọi <a href="{HREF}"><em>0277 3610 11</em>3</a>.'),
        ("Khẩn cấp, gọi **11**3.", 'Khẩn cấp, gọi <a href="tel:113"><strong>11</strong>3</a>.'),
    ],
)
def test_a_number_split_by_emphasis_dials_as_one_link(markdown: str, expected: str) -> None:
    """Part of the hotline bolded or in italics (the area code, the last groups) was left as
    text: a reader tapping it on a phone got nothing. One link now wraps the whole number and
    its emphasis, which stays as the editor wrote it."""
    html = shown(markdown)
    assert html == f"<p>{expected}</p>", html


@pytest.mark.parametrize(
    "markdown",
    [
        # Part of the number is already a link to somewhere else: one tap, one target.
        "Gọi [0277](https://example.vn/) 3610 113.",
        "Gọi [0277 3610](https://example.vn/) 113.",
        # Part is shown as typed, in code.
        "Gọi 0277 3610 `113`.",
        # Across a line break, the two lines are not read as one number.
        "Gọi (0277)  \n**3610 113**.",
    ],
)
def test_a_split_number_no_one_link_can_wrap_is_left_as_written(markdown: str) -> None:
    """Where a link around the whole number would cross an element's boundary (a link or code
    over part of it, a line break) the text is left as the editor wrote it, never a broken
    nesting nor a link inside a link."""
    html = MarkdownRenderer().convert(markdown, lookup=lambda src: None)
    assert shown(markdown) == html


def test_half_open_emphasis_is_not_wrapped() -> None:
    """Stray tags in an editor's raw HTML (a bold closed and never opened) are never balanced
    by the link: the number stays as text."""
    linked = hotline_linker(HOTLINE, HREF)
    for body in [
        "<p>Gọi x<strong>0277</strong> 3610 113.</p>",
        "<p>Gọi 0277</strong> 3610 113.</p>",
        "<p>Gọi <strong>0277 3610 113x</strong>.</p>",
        "<p>Gọi <em>0277 <strong>3610</em> 113</strong>.</p>",
    ]:
        assert linked(body) == body


def test_a_split_hotline_dials_on_the_built_page(tmp_path: Path) -> None:
    """The fixture unit's hotline (0273 3850 113), its area code bolded in a bulletin, is one
    tel: link on the page the build writes."""
    root = copy_site(tmp_path)
    post = root / "content/bai-viet/2024-02-20-tuan-tra-dem.md"
    post.write_text(
        post.read_text("utf-8") + "\nPhản ánh qua đường dây nóng **0273** 3850 113.\n", "utf-8"
    )
    page = build_site(root).html("/2024/02/tuan-tra-dem/")
    assert 'đường dây nóng <a href="tel:02733850113"><strong>0273</strong> 3850 113</a>.' in page, (
        page
    )


SPLIT_PIECES = [
    *MARKUP_PIECES,
    "gọi ",
    "Cảnh sát ",
    "x",
    " ",
    "(",
    ")",
    "0277",
    "277",
    "3610",
    "36",
    "10",
    "113",
    "11",
    "3",
    ".",
]


@given(st.lists(st.sampled_from(SPLIT_PIECES), max_size=30).map("".join))
@example("<p>gọi <strong>0277</strong> 3610 113 <em>0277 3610 11</em>3</p>")
@example("<p><em>0277</em><em>3610 113</em></p>")
@example("<p><strong>gọi 0277</strong> 3610 113</p>")
@example("<p><em>x<strong>gọi 0277</strong> 3610 113</em> 0277 <em>3610 113 x</em></p>")
@example("Cảnh sát 11<strong><strong>3</a><em></p>")
def test_a_link_added_across_tags_holds_whole_elements(body: str) -> None:
    """Whatever the body, the linkers only add links (the body comes back with them taken
    out, and emphasis they closed and opened again around them joined up), never one inside
    another link, and each added link holds whole elements: every tag opened inside it is
    closed inside it and none closed there was opened before it."""
    html = body
    for linker in [
        hotline_linker(HOTLINE, HREF),
        emergency_linker({"113": "tel:113", "114": "tel:114"}),
    ]:
        html = linker(html)
    opened: list[tuple[str, int]] = []  # (tag name, index in `added`) of each open element
    inside: list[int] = []  # where each added link, open at this point, started in `opened`
    rest, at = [], 0
    for tag in re.finditer(r"<(/?)([a-z]+)[^>]*>", html):
        added = tag[0].startswith('<a href="tel:')
        if added:
            inside.append(len(opened))
            rest.append(html[at : tag.start()])
            at = tag.end()
            continue
        if tag[2] == "a" and tag[1] and inside and len(opened) == inside[-1]:
            inside.pop()  # the added link's close
            rest.append(html[at : tag.start()])
            at = tag.end()
            continue
        assert not (tag[2] == "a" and not tag[1] and inside), html  # no link in a link
        if not tag[1]:
            opened.append((tag[2], 0))
        elif opened and opened[-1][0] == tag[2]:
            assert not inside or len(opened) > inside[-1], html  # opened before the link
            opened.pop()
    assert not inside, html
    rest.append(html[at:])
    assert joined("".join(rest)) == joined(body)


def joined(html: str) -> str:
    """`html` with each element closed and opened again right there («</em><em>», also
    «</em></strong><strong><em>») one."""
    while (shorter := re.sub(r"</([a-z]+)><\1>", "", html)) != html:
        html = shorter
    return html


@pytest.mark.parametrize(
    ("markdown", "typed"),
    [
        ("Gọi đường dây nóng 0277 3610\n113 để báo tin.", "0277 3610\n113"),
        ("Gọi đường dây nóng 0277\n3610 113 để báo tin.", "0277\n3610 113"),
        ("Gọi đường dây nóng (0277)\n3610 113.", "(0277)\n3610 113"),
    ],
)
def test_a_hotline_the_editor_wrapped_across_two_lines_is_one_link(
    markdown: str, typed: str
) -> None:
    """Editors who wrap their lines in Markdown may wrap inside the number: the reader still
    taps it whole."""
    assert f'<a href="{HREF}">{typed}</a>' in shown(markdown)


def test_a_hotline_split_between_two_list_items_is_not_linked() -> None:
    """Two lines of a list are two numbers, whatever their digits make together."""
    assert "<a" not in shown("- 0277\n- 3610 113")
    assert "<li>0277</li>\n<li>3610 113</li>" in shown("- 0277\n- 3610 113")  # as typed


@pytest.mark.parametrize(
    ("markdown", "linked"),
    [
        ("Người dân gọi ngay đường dây nóng 0277 3610 113 hoặc 113 để được hỗ trợ.", ["113"]),
        ("Đường dây nóng **0277 3610 113**, hoặc số 115.", ["115"]),
        ("Gọi 0277 3610 113 hoặc 113, 114.", ["113", "114"]),
    ],
)
def test_an_emergency_number_offered_after_the_hotline_is_linked_too(
    markdown: str, linked: list[str]
) -> None:
    """«đường dây nóng … hoặc 113»: the hotline's link ended the text «gọi» starts, and the
    emergency number after it was left for the reader to type."""
    html = shown(markdown)
    assert f'<a href="{HREF}">' in html
    assert re.findall(r'<a href="tel:(\d{3})">\1</a>', html) == linked


@pytest.mark.parametrize(
    "markdown",
    [
        "Gọi đường dây nóng 0277 3610 113 và 113 cuộc gọi đã được tiếp nhận.",
        "Đường dây nóng 0277 3610 113 hoặc 113 đường Lê Lợi.",
        "Gọi 0277 3610 113 hoặc 113 - 120 ca.",
    ],
)
def test_a_count_or_an_address_after_the_hotline_is_not_linked(markdown: str) -> None:
    """After the hotline, a number that counts, a house on a street, or a range stays text."""
    assert not re.findall(r'<a href="tel:\d{3}">', shown(markdown))
    html = shown(markdown)
    assert f'<a href="{HREF}">0277 3610 113</a>' in html, html  # the hotline is still linked
    assert re.sub(r"<[^>]+>", "", html) == markdown, html  # and what follows it as written


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "**Đường dây nóng: 0277** 3610 113.",
            f'<strong>Đường dây nóng: </strong><a href="{HREF}"><strong>0277</strong> 3610 113</a>.',
        ),
        (
            "Đường dây nóng 0277 **3610 113 (24/24)**.",
            f'Đường dây nóng <a href="{HREF}">0277 <strong>3610 113</strong></a><strong> (24/24)'
            "</strong>.",
        ),
        (
            "*Gọi **đường dây nóng 0277** 3610 113*.",
            f'<em>Gọi <strong>đường dây nóng </strong><a href="{HREF}"><strong>0277</strong> 3610 '
            "113</a></em>.",
        ),
    ],
)
def test_emphasis_holding_other_words_is_closed_around_the_link(
    markdown: str, expected: str
) -> None:
    """Bold over a label and part of the number («**Đường dây nóng: 0277** 3610 113») left the
    number unlinked: the bold now closes where the link opens and opens again inside it, so
    the page looks the same and the whole number dials."""
    assert shown(markdown) == f"<p>{expected}</p>"
