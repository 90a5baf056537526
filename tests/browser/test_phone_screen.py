"""The first screen of a 360 × 640 phone, in Debian's Chromium: what a citizen sees before
scrolling, and lines that wrap on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from publish import config as config_module
from publish.pipeline import build
from publish.writer import write
from tests.browser.conftest import (
    NOW,
    Opener,
    copy_sample,
    drawn_box,
    keep_screenshot,
    looking,
    opening,
    serve,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 640, "mobile": True}


@pytest.fixture(scope="module")
def phone_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project's website, as published."""
    root = copy_sample(tmp_path_factory.mktemp("phone"))
    result = build(config_module.load(root), channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    return root / "output" / "web"


@pytest.fixture(scope="module")
def phone_server(phone_site: Path) -> Iterator[str]:
    """Base URL of the published sample site, served as a static host serves it."""
    with serve(phone_site) as base:
        yield base


@pytest.fixture
def open_phone(browser: Browser, phone_server: str) -> Iterator[Opener]:
    """An opener of the sample site's pages, each in a context of its own."""
    with opening(browser, phone_server) as opener:
        yield opener


@pytest.fixture(scope="module")
def look_phone(browser: Browser, phone_server: str) -> Iterator[Opener]:
    """An opener of the sample site's pages for tests that change nothing a new load does not
    undo (see conftest.looking)."""
    with looking(browser, phone_server) as opener:
        yield opener


@pytest.mark.parametrize("path", ["/", "/chuyen-muc/an-ninh-trat-tu/"])
def test_the_first_bulletin_title_is_on_the_first_screen(path: str, look_phone: Opener) -> None:
    """The unit's name, the emergency button on a row of its own, two rows of menu and the
    categories took 265 px of the 640: a category's first bulletin title was below the screen.
    The header and categories now end by 230 px, the button beside the unit's name, and the
    first title starts on the screen (its first two lines at least)."""
    page, _ = look_phone(path, **PHONE)
    bars = page.locator(".cat-nav").bounding_box()
    title = page.locator(".card-title").first.bounding_box()
    assert bars and bars["y"] + bars["height"] <= 230, bars
    assert title and title["y"] + 60 <= 640, title
    box = page.locator(".call-now").bounding_box()
    assert box and box["y"] + box["height"] <= 80 and box["x"] + box["width"] <= 360, box


@pytest.mark.parametrize("width", [360, 375])
def test_a_card_s_date_never_ends_its_line_with_the_dot(width: int, look_phone: Opener) -> None:
    """A long category label went whole to the next line (a block, for a finger-sized link),
    leaving «Thứ Tư, 8/7/2026 ·» hanging alone: the dot now goes with the category, which is on
    the date's line wherever it fits there whole, and its link is still 24 px high."""
    page, _ = look_phone("/", width=width, height=812, mobile=True)
    lines = page.locator(".card .meta").evaluate_all(
        """metas => metas.map(m => {
            const time = m.querySelector('time').getClientRects()[0];
            const link = m.querySelector('a'), label = m.querySelector('.card-category');
            const walker = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
            let text = walker.nextNode();
            while (!text.data.includes('·')) text = walker.nextNode();
            const dot = document.createRange();
            dot.setStart(text, text.data.indexOf('·'));
            dot.setEnd(text, text.data.indexOf('·') + 1);
            // Whole after the date: the date, a space (5 px at most) and the label as wide as
            // it is uncut within the line's end.
            const whole = label.getBoundingClientRect().width + link.scrollWidth - link.clientWidth;
            return {
                time: time.top, link: link.getClientRects()[0].top, dot: dot.getClientRects()[0].top,
                height: link.getBoundingClientRect().height, text: m.textContent,
                fits: time.right + 5 + whole <= m.getBoundingClientRect().right,
            };
        })"""
    )
    assert len(lines) >= 5
    for line in lines:
        assert abs(line["link"] - line["dot"]) < 8, line
        assert line["height"] >= 24, line
        if line["fits"]:
            assert abs(line["link"] - line["time"]) < 8, line
    # At 375 px «· Cải cách hành chính» fits after a date beside no thumbnail.
    assert width == 360 or any(line["fits"] for line in lines), lines


def test_the_editor_s_note_reaches_no_reader_of_the_served_site(
    browser: Browser, phone_site: Path, open_phone: Opener
) -> None:
    """The note on previewing with `publish serve` was hidden by style.css alone: a reader whose
    styles did not load (or turned off, or a reader view) was told about commands and folders.
    Served, it is now in no reader's way even without styles; opened from disk it still shows."""
    page, _ = open_phone("/", **PHONE)
    page.route("**/*.css", lambda route: route.abort())
    page.reload(wait_until="load")
    unstyled = "getComputedStyle(document.querySelector('.skip-link')).position === 'static'"
    assert page.evaluate(unstyled)
    assert page.get_by_role("note").count() == 0
    assert "publish serve" not in page.locator("body").inner_text()
    context = browser.new_context(viewport={"width": 360, "height": 640})
    try:
        disk = context.new_page()
        disk.goto((phone_site / "index.html").as_uri(), wait_until="load")
        note = disk.get_by_role("note")
        assert note.is_visible() and "publish serve" in note.inner_text()
    finally:
        context.close()


def test_a_bulletin_s_date_never_ends_its_line_with_the_dot(look_phone: Opener) -> None:
    """«Thứ Tư, ngày 8 tháng 7 năm 2026 ·» stood alone above the author's name on a phone: the
    dot now goes down with the name's first word."""
    page, _ = look_phone("/2026/07/ket-qua-cong-tac-6-thang-dau-nam-2026/", **PHONE)
    tops = page.locator(".bulletin-header .meta").first.evaluate(
        """meta => {
            const text = meta.querySelector('time').nextSibling, at = text.data.indexOf('·');
            const dot = document.createRange(), name = document.createRange();
            dot.setStart(text, at); dot.setEnd(text, at + 1);
            name.setStart(text, text.data.length - 1); name.setEnd(text, text.data.length);
            return [dot.getClientRects()[0].top, name.getClientRects()[0].top,
                    meta.querySelector('time').getClientRects()[0].top];
        }"""
    )
    dot, name, time = tops
    assert name > time, "the sample's date and author no longer wrap at 360 px"
    assert abs(dot - name) < 8, tops


def test_a_list_s_own_crumb_hidden_on_a_phone_shows_when_focused(look_phone: Opener) -> None:
    """On a phone a category's own crumb (its heading again) is out of sight, but a keyboard
    still reaches it: it must not be a tab stop with nothing on screen."""
    page, _ = look_phone("/chuyen-muc/an-ninh-trat-tu/", **PHONE)
    crumb = page.locator(".breadcrumbs a[aria-current='page']")
    before = crumb.bounding_box()
    assert before and before["width"] <= 1, before
    crumb.focus()
    after = crumb.bounding_box()
    assert after and after["width"] > 24 and after["height"] >= 24, after


def test_a_category_s_follow_link_marks_its_own_feed(look_phone: Opener) -> None:
    """«Theo dõi tin mới của chuyên mục này» opened the follow page at the category's address,
    styled as the five others: the one the reader came for is now marked."""
    page, _ = look_phone("/theo-doi/#nguon-canh-bao-toi-pham", **PHONE)
    shade = "e => getComputedStyle(e).backgroundColor"
    came_for = page.locator("#nguon-canh-bao-toi-pham").evaluate(shade)
    other = page.locator("#nguon-an-ninh-trat-tu").evaluate(shade)
    assert came_for != other
    box = page.locator("#nguon-canh-bao-toi-pham + dd").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, box


def test_a_search_result_s_date_never_ends_its_line_with_the_dot(look_phone: Opener) -> None:
    """The search page's results (built by search.js) left «Thứ Ba, 10/5/2022 ·» alone at a
    line's end above a long category, as the cards did (a 360 px phone with its text at 150 %
    lays the page out 240 px wide)."""
    page, _ = look_phone("/tim-kiem/?q=lua+dao", width=240, height=427, mobile=True)
    page.wait_for_selector(".search-results .meta")
    lines = page.locator(".search-results .meta").evaluate_all(
        """metas => metas.map(m => {
            // The dot: in the text after the date, or in the category's span (as on the cards).
            const walker = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
            let text = walker.nextNode();
            while (text && !text.data.includes('·')) text = walker.nextNode();
            const at = text.data.indexOf('·');
            const dot = document.createRange(), word = document.createRange();
            dot.setStart(text, at); dot.setEnd(text, at + 1);
            // The category: after the dot in the same text, or the link after it.
            const label = text.data.length > at + 2 ? text : text.nextSibling.firstChild;
            const first = label === text ? at + 2 : 0;
            word.setStart(label, first); word.setEnd(label, first + 1);
            return [dot.getClientRects()[0].top, word.getClientRects()[0].top, m.textContent];
        })"""
    )
    assert len(lines) >= 3
    for dot, word, text in lines:
        assert abs(dot - word) < 8, text


def test_the_unit_s_name_beside_the_button_leaves_no_word_alone(look_phone: Opener) -> None:
    """On a 412 px phone the name wrapped beside the emergency button as «Công an huyện Châu /
    Thành»: its lines are balanced, the last one no mere syllable."""
    page, _ = look_phone("/", width=412, height=915, mobile=True)
    widths = page.locator(".brand-name").evaluate(
        """name => {
            const range = document.createRange();
            range.selectNodeContents(name);
            const lines = new Map();
            for (const r of range.getClientRects()) {
                const top = Math.round(r.top);
                lines.set(top, (lines.get(top) || 0) + r.width);
            }
            return [...lines.values()];
        }"""
    )
    assert len(widths) == 2, widths
    assert min(widths) >= 0.6 * max(widths), widths


def test_a_bulletin_names_its_category_once_above_its_title(look_phone: Opener) -> None:
    """The trail «Trang chủ › Cảnh báo phương thức…» above the bulletin repeated the red category
    line over its title, the same link twice: three lines (≈ 100 px) of a 360 × 640 screen before
    the title. The category is named once, above the title, one finger-sized tap away, and the
    title starts that much higher."""
    page, _ = look_phone("/2025/06/canh-bao-lua-dao-viec-nhe-luong-cao/", **PHONE)
    category = "/chuyen-muc/canh-bao-toi-pham/"
    before_title = page.locator("h1").evaluate(
        """(h1, href) => [...document.querySelectorAll(`a[href="${href}"]`)].filter(a =>
            !a.closest('.cat-nav') && a.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING
        ).length""",
        category,
    )
    assert before_title == 1
    link = page.locator(".bulletin-header .kicker a")
    assert link.get_attribute("href") == category
    kicker = link.bounding_box()
    title = drawn_box(page.locator("h1"))
    assert kicker and kicker["height"] >= 24 and kicker["y"] + kicker["height"] <= title["y"]
    assert title and title["y"] <= 320, title


def test_a_related_card_names_its_category_on_one_line(look_phone: Opener) -> None:
    """Beside its thumbnail a related card wrapped «· Cảnh báo phương thức, thủ đoạn tội phạm
    và tệ nạn xã hội» on three lines, under a bulletin whose own page names that category: each
    card took a screen of its own. The category is one line (cut with «…», the link still
    naming it whole), the dot on that line, the date whole, the link 24 px high."""
    page, _ = look_phone("/2025/06/canh-bao-lua-dao-viec-nhe-luong-cao/", **PHONE)
    related = page.locator(".related")
    related.scroll_into_view_if_needed()
    keep_screenshot(related, "related-360.png")
    metas = related.locator(".card .meta").evaluate_all(
        """metas => metas.map(m => {
            const walker = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
            let text = walker.nextNode();
            while (text && !text.data.includes('·')) text = walker.nextNode();
            const dot = document.createRange(), at = text.data.indexOf('·');
            dot.setStart(text, at); dot.setEnd(text, at + 1);
            const link = m.querySelector('a'), time = m.querySelector('time');
            const lines = new Set([...link.getClientRects()].map(r => Math.round(r.top)));
            return {
                lines: lines.size, height: link.getBoundingClientRect().height,
                dot: dot.getClientRects()[0].top, link: link.getBoundingClientRect().top,
                linkBottom: link.getBoundingClientRect().bottom,
                time: time.getClientRects().length, name: link.textContent, meta: m.textContent,
            };
        })"""
    )
    long = "Cảnh báo phương thức, thủ đoạn tội phạm và tệ nạn xã hội"
    assert any(m["name"] == long for m in metas), metas
    for m in metas:
        assert m["lines"] == 1, m
        assert m["link"] - 8 <= m["dot"] <= m["linkBottom"], m
        assert m["height"] >= 24, m
        assert m["time"] == 1, m  # the date on one line, not cut
    # Nothing pushed out of the card (a line held whole once widened its column past the edge).
    boxes = related.locator(".card").evaluate_all(
        """cards => cards.map(c => [c.getBoundingClientRect().height, c.scrollWidth - c.clientWidth,
            c.querySelector('.thumb') ? c.querySelector('.thumb').getBoundingClientRect().width : 1])"""
    )
    assert all(over <= 0 and thumb > 0 for _, over, thumb in boxes), boxes
    assert max(height for height, *_ in boxes) <= 360, boxes


@pytest.mark.parametrize("path", ["/tim-kiem/", "/chuyen-muc/an-ninh-trat-tu/", "/lien-he/"])
def test_a_trail_of_the_home_page_alone_takes_no_line_on_a_phone(
    path: str, look_phone: Opener
) -> None:
    """On a phone a page's own crumb is out of sight, which left «Trang chủ» alone on a line of
    its own, the same link as the menu's «Trang chủ» just above it: on the search page the box
    came 45 px lower. The trail takes no line there; a keyboard still reaches it, and it shows
    while focused."""
    page, _ = look_phone(path, **PHONE)
    home = page.locator(".breadcrumbs a").first
    assert home.inner_text() == "Trang chủ"
    trail = page.locator(".breadcrumbs").bounding_box()
    nav = page.locator(".cat-nav").bounding_box()
    heading = page.locator("main h1").bounding_box()
    assert trail and trail["height"] <= 1, trail
    assert nav and heading and heading["y"] - (nav["y"] + nav["height"]) <= 48, (nav, heading)
    home.focus()
    shown = home.bounding_box()
    assert shown and shown["height"] >= 24 and shown["width"] > 24, shown


PHONE_375 = {"width": 375, "height": 812, "mobile": True}
CARD_BOXES = """cards => cards.map(card => {
    const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const link = card.querySelector('.card-category a'), thumb = card.querySelector('.thumb');
    const style = getComputedStyle(card);
    return {
        name: link.textContent, lines: new Set([...link.getClientRects()].map(r => Math.round(r.top))).size,
        line: parseFloat(getComputedStyle(link).lineHeight), link: box(link),
        label: box(card.querySelector('.card-category')), title: box(card.querySelector('.card-title')),
        meta: box(card.querySelector('.meta')), summary: box(card.querySelector('.summary')),
        thumb: thumb && thumb.getClientRects().length ? box(thumb) : null,
        right: card.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth),
    };
})"""


def _apart(a: list[float], b: list[float]) -> bool:
    """Whether boxes [left, top, right, bottom] `a` and `b` share no area (touching edges do not
    count: a half pixel of rounding either way)."""
    return a[2] <= b[0] + 0.5 or b[2] <= a[0] + 0.5 or a[3] <= b[1] + 0.5 or b[3] <= a[1] + 0.5


@pytest.mark.parametrize("path", ["/", "/the/lua-dao-qua-mang/", "/the/dich-vu-cong/"])
def test_a_card_s_category_keeps_to_one_line_on_a_phone(path: str, look_phone: Opener) -> None:
    """On a 375 px phone the home and tag pages' cards wrapped «Cảnh báo phương thức, thủ đoạn tội
    phạm và tệ nạn xã hội» on three lines beside the thumbnail, and even «Cải cách hành chính» on
    two, each card a screen tall (only the related cards under a bulletin were held to one line).
    Each card's category is one line (cut with «…», the link naming it whole), its link 24 px high
    and never over the title, the summary, the thumbnail or the card's edge."""
    page, _ = look_phone(path, **PHONE_375)
    keep_screenshot(page, f"cards-375{path.replace('/', '-').rstrip('-')}.png", full_page=True)
    cards = page.locator(".card").evaluate_all(CARD_BOXES)
    assert len(cards) >= 3
    assert path != "/" or any(c["name"].startswith("Cảnh báo phương thức") for c in cards)
    for card in cards:
        link = card["link"]
        assert card["lines"] == 1, card
        assert 24 <= link[3] - link[1] <= card["line"] + 8, card  # one line, finger-sized
        assert link[2] <= card["right"] + 0.5 and link[2] <= 375, card
        assert card["title"][3] <= card["meta"][1] + 0.5, card  # the title stays above
        for other in ("title", "summary", "thumb"):
            assert card[other] is None or _apart(link, card[other]), (other, card)
            assert card[other] is None or _apart(card["label"], card[other]), (other, card)


@pytest.mark.parametrize(
    "path",
    [
        "/chuyen-muc/tiep-nhan-phan-anh/",
        "/chuyen-muc/canh-bao-toi-pham/",
        "/2025/10/phan-hoi-phan-anh-dua-xe-an-phu-thuan/",
    ],
)
def test_the_marked_category_chip_is_on_the_phone_s_screen(path: str, look_phone: Opener) -> None:
    """On a 375 px phone the category strip opened at its start: on a category far along it (its
    list, or one of its bulletins) no chip was marked on the screen. The marked chip is whole on
    the screen as the page opens, the page itself not scrolled; without script the strip still
    scrolls to it by hand."""
    page, _ = look_phone(path, **PHONE_375)
    chip = page.locator(".cat-nav a[aria-current]")
    assert chip.count() == 1
    box = chip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    assert page.evaluate("scrollY") == 0
    page, _ = look_phone(path, javascript=False, **PHONE_375)
    chip = page.locator(".cat-nav a[aria-current]")
    chip.evaluate("e => e.scrollIntoView({inline: 'nearest', block: 'nearest'})")  # a swipe
    box = chip.bounding_box()  # scrolled to a whole pixel: its edge a fraction of one past
    assert box and box["x"] > -1 and box["x"] + box["width"] < 376, box


PHONE_320 = {"width": 320, "height": 568, "mobile": True}
CARD_LINES = """cards => cards.map(card => {
    const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const time = card.querySelector('.meta time'), link = card.querySelector('.card-category a');
    const thumb = card.querySelector('.thumb'), meta = card.querySelector('.meta');
    return {
        date: time.textContent, dateLines: time.getClientRects().length,
        cut: link ? link.scrollWidth > link.clientWidth + 1 : false,
        category: link ? box(card.querySelector('.card-category')) : null,
        meta: box(meta), metaWidth: meta.clientWidth,
        title: box(card.querySelector('.card-title')),
        thumb: thumb && thumb.getClientRects().length ? box(thumb) : null,
    };
})"""


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/the/lua-dao-qua-mang/",
        "/chuyen-muc/canh-bao-toi-pham/",
        "/2025/06/canh-bao-lua-dao-viec-nhe-luong-cao/",
    ],
)
def test_a_320_px_phone_shows_each_card_s_date_whole_beside_nothing_sideways(
    path: str, look_phone: Opener
) -> None:
    """On a 320 px phone (an old iPhone SE, a cheap Android) the title's column beside the
    thumbnail was ~140 px: «Thứ Bảy,» and «5/12/2026» fell on two lines and the category after
    them was cut to «Tình hình an ni…». The thumbnail stays beside the title, each card's date is
    on one line, a category is cut only where it is wider than the card, and the page does not
    scroll sideways."""
    page, _ = look_phone(path, **PHONE_320)
    keep_screenshot(page, f"cards-320{path.replace('/', '-').rstrip('-')}.png", full_page=True)
    width, viewport = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width <= viewport == 320
    cards = page.locator(".card").evaluate_all(CARD_LINES)
    assert cards and any(card["thumb"] for card in cards)
    for card in cards:
        assert card["dateLines"] == 1, card
        if card["thumb"]:
            assert _apart(card["thumb"], card["title"]) and _apart(card["thumb"], card["meta"])
        if card["cut"]:
            label = card["category"]
            assert label[2] - label[0] >= card["metaWidth"] - 1, card
