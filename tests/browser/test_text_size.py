"""A phone whose text is set larger (Android's font size at 130–200 %, which Zalo's and
Facebook's in-app browsers apply to the text, not to the screen's width): every page still fits
the screen, and a card's title keeps most of its card.

The larger text is given as the root font size, as those browsers do; the screen's width, and
so media queries in the default em, stay as they were (tests/browser/test_mobile.py covers a
page zoomed as a whole, which narrows the layout instead)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import Opener, SampleSite, looking
from tests.browser.test_pages import PAGE_TYPES

pytestmark = pytest.mark.browser

WIDTH = 360


@pytest.fixture(scope="module")
def open_large_text(browser: Any, server: str) -> Iterator[Any]:
    """`open_large_text(path, percent, height=640)` → the page on a 360 px phone, its text at
    `percent` (one page per height for the module, loading each path afresh: see
    conftest.looking)."""
    with looking(browser, server) as look:

        def opener(path: str, percent: int, height: int = 640) -> Any:
            """The page at `path`, laid out again with the root font at `percent`."""
            page, _ = look(path, width=WIDTH, height=height, mobile=True)
            page.evaluate(f"document.documentElement.style.fontSize = '{percent}%'")
            return page

        yield opener


@pytest.mark.parametrize("percent", [130, 200])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_a_page_in_large_text_fits_the_phone_s_width(
    kind: str, percent: int, sample_site: SampleSite, open_large_text: Any
) -> None:
    """Nothing but the category strip (which scrolls in itself) reaches past the screen's edge:
    a card with its thumbnail ran 14 px off a 360 px phone at 200 %, and the phone then showed
    the whole page smaller, or made the reader scroll sideways on every line."""
    page = open_large_text(sample_site.pages[kind], percent)
    wide = page.evaluate(
        """width => [...document.querySelectorAll('body *')]
            .filter(e => !e.closest('.cat-nav ul') && e.getBoundingClientRect().right > width + 0.5)
            .map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 40))""",
        WIDTH,
    )
    assert wide == []
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH


@pytest.mark.parametrize("percent", [130, 150, 200])
def test_a_card_s_title_keeps_most_of_the_card_in_large_text(
    percent: int, sample_site: SampleSite, open_large_text: Any
) -> None:
    """The decorative thumbnail gives way where it would leave the title less than half the card
    (at 100 % it stays, tests/browser/test_mobile.py)."""
    page = open_large_text(sample_site.pages["category"], percent)
    cards = page.locator(".card.has-thumb")
    assert cards.count() > 0
    shares = cards.evaluate_all(
        """cards => cards.map(card => {
            const style = getComputedStyle(card);
            const inner = card.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight);
            return card.querySelector('.card-title').getBoundingClientRect().width / inner;
        })"""
    )
    assert min(shares) >= 0.5, shares


@pytest.mark.parametrize(
    ("path", "selector"),
    [("/gioi-thieu/", ".prose p"), ("/lien-he/", ".contact-card dd"), ("/lien-he/", ".prose p")],
)
def test_large_text_keeps_most_of_the_width_for_the_text(
    path: str, selector: str, open_large_text: Any
) -> None:
    """The paddings of the page, of its white box and of the contact card grew with the text
    (1rem each): at 200 % the contact card's lines were 45 % of the screen, a word or two each."""
    page = open_large_text(path, 200)
    width = page.locator(selector).first.evaluate("e => e.getBoundingClientRect().width")
    assert width >= 0.7 * WIDTH, width


@pytest.mark.parametrize("percent", [130, 150, 200])
@pytest.mark.parametrize(("kind", "first"), [("home", ".card-title"), ("bulletin", "h1")])
def test_the_first_content_is_on_the_first_screen_in_large_text(
    kind: str, first: str, percent: int, sample_site: SampleSite, open_large_text: Any
) -> None:
    """A 60-year-old opening a shared bulletin with the text at 200 % on a 360 × 740 phone saw
    the unit's name, 113 and the menu's six rows, and the bulletin's title began at 1,164 px (the
    home page's first bulletin at 1,059). The menu is now «Danh mục» and «Tìm kiếm», the
    category chips two lines at most: the title begins on the first screen, its first line's
    letters on it, with 113 and the search above it."""
    page = open_large_text(sample_site.pages[kind], percent, height=740)
    title = page.locator(f"main {first}").first.bounding_box()
    assert title is not None and title["y"] + 30 <= 740, title
    call = page.locator("header a[href='tel:113']").bounding_box()
    assert call is not None and call["y"] + call["height"] <= title["y"], call
    search = page.locator("header a[href='/tim-kiem/']").bounding_box()
    assert search is not None and search["y"] + search["height"] <= title["y"], search


@pytest.mark.parametrize("percent", [100, 200])
@pytest.mark.parametrize("kind", ["home", "bulletin", "search", "404"])
def test_the_emergency_number_is_on_the_first_screen(
    kind: str, percent: int, sample_site: SampleSite, open_large_text: Any
) -> None:
    """Someone in trouble who opens any page finds the number to call without scrolling: with
    the text at 200 % the unit's name and menu filled the first screen, and 113 was only in the
    footer, several screens down. It dials, is named as a call, and is a finger high."""
    page = open_large_text(sample_site.pages[kind], percent)
    call = page.locator("header a[href='tel:113']")
    assert call.count() == 1
    assert call.get_attribute("aria-label") == "Gọi khẩn cấp 113"
    box = call.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 640, box
    assert box["height"] >= 24 and box["x"] + box["width"] <= WIDTH, box


@pytest.mark.parametrize("percent", [100, 200])
def test_a_search_sent_from_the_phone_s_keyboard_shows_its_answer(
    percent: int, open_large_text: Any
) -> None:
    """The Go key of a phone's keyboard runs the search in the page, and the box kept the focus:
    the keyboard stayed up over the results, and with the text at 200 % the count and the first
    result were a screen below the box, so nothing seemed to happen. Now the box lets go of the
    focus (the keyboard closes) and the count, then the first result, are on the screen."""
    page = open_large_text("/tim-kiem/", percent)
    box = page.get_by_label("Từ khóa")
    box.fill("lua dao")
    box.press("Enter")
    page.wait_for_function("document.querySelector('.search-results > li') !== null")
    assert "Tìm thấy" in page.get_by_role("status").inner_text()
    assert page.evaluate("document.activeElement.id") != "tu-khoa"
    status = page.locator(".search-status").bounding_box()  # the line shown, not the one read
    first = page.locator(".search-results > li").first.bounding_box()
    assert status is not None and status["y"] >= -1 and status["y"] + status["height"] <= 640, (
        status
    )
    assert first is not None and first["y"] + 60 <= 640, first


REPORT = "/2022/12/tong-ket-cong-tac-cong-an-nam-2022/"
"""The sample's year-end report: a 4-column table of figures with a header row."""
HEADINGS = ["Chỉ tiêu", "Năm 2021", "Năm 2022", "So sánh"]


def table_ax(page: Any) -> list[tuple[str, str]]:
    """(role, name) of the report table's nodes in Chromium's accessibility tree, as a screen
    reader is given them: the table, its rows, column headers and cells."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    roles = {"table", "row", "columnheader", "rowheader", "cell"}
    return [
        (n["role"]["value"], n.get("name", {}).get("value", ""))
        for n in nodes
        if not n.get("ignored") and n.get("role", {}).get("value") in roles
    ]


@pytest.mark.parametrize("percent", [100, 200])
def test_a_table_of_figures_shows_each_row_with_its_headings_on_a_phone(
    percent: int, open_large_text: Any
) -> None:
    """On a 360 px phone the year-end report's 4-column table scrolled sideways in its box: at
    200 % a column and a half showed, each figure away from its heading. Each row is now a box
    of its own, headed by what it counts (bold, unlabelled), each figure under the last and
    after its column's name («Năm 2022: 76»), the box scrolls no more; a screen reader still
    gets the table, its column headings, each row's header (what a figure is of: «Năm 2022, 76»
    said nothing of it) and each cell once."""
    page = open_large_text(REPORT, percent, height=740)
    region = page.locator(".table-scroll").first
    assert region.evaluate("e => e.scrollWidth <= e.clientWidth")
    rows = page.locator("main table tbody tr")
    assert rows.count() == 9
    for i in range(rows.count()):
        cells = (
            rows.nth(i)
            .locator("th, td")
            .evaluate_all(
                """cells => cells.map(c => [c.getBoundingClientRect().left,
                c.getBoundingClientRect().top, getComputedStyle(c, '::before').content,
                getComputedStyle(c).fontWeight])"""
            )
        )
        lefts = {round(left) for left, _, _, _ in cells}
        tops = [top for _, top, _, _ in cells]
        assert len(lefts) == 1 and tops == sorted(set(tops)), cells
        labels = [label for _, _, label, _ in cells]
        assert labels == ["none"] + [f'"{h}: " / ""' for h in HEADINGS[1:]]
        assert int(cells[0][3]) >= 700  # the row's name heads its box
    assert page.locator("main table thead").evaluate("e => e.getBoundingClientRect().height <= 1")
    ax = table_ax(page)
    assert [role for role, _ in ax].count("table") == 1
    assert [name for role, name in ax if role == "columnheader"] == HEADINGS
    names = [name for role, name in ax if role == "rowheader"]
    assert names[:2] == ["Số vụ phạm pháp hình sự", "Tỷ lệ điều tra, khám phá"]
    assert len(names) == 9
    cells = [name for role, name in ax if role == "cell"]
    assert cells[:3] == ["89", "76", "giảm 14,6%"]
    assert len(cells) == 27


def test_a_table_of_figures_stays_a_table_on_a_wide_screen(look_page: Opener) -> None:
    """At 1280 px the report's table is the table it was: its header row shown, one row of
    cells per line, no label drawn before a value."""
    page, _ = look_page(REPORT, width=1280)
    table = page.locator("main table").first
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    assert page.locator("main table thead").evaluate("e => e.getBoundingClientRect().height > 20")
    first = (
        page.locator("main table tbody tr")
        .first.locator("td")
        .evaluate_all(
            """cells => cells.map(c => [Math.round(c.getBoundingClientRect().top),
            getComputedStyle(c, '::before').content])"""
        )
    )
    assert len({top for top, _ in first}) == 1 and {label for _, label in first} == {"none"}


@contextlib.contextmanager
def phone_at(browser: Any, percent: int) -> Iterator[Any]:
    """A page of a 360 × 740 phone whose text is at `percent` from the start, as the phone's
    setting makes it (laid out so before any script of the page runs)."""
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 740},
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
        service_workers="block",
    )
    try:
        page = context.new_page()
        page.add_init_script(
            "document.addEventListener('DOMContentLoaded', () =>"
            f" document.documentElement.style.fontSize = '{percent}%')"
        )
        yield page
    finally:
        context.close()


def shown_results(page: Any) -> None:
    """Wait for the first result of the search the page was opened with."""
    page.wait_for_function("document.querySelector('.search-results > li') !== null")
    page.wait_for_function("!!document.getElementById('trang-thai-tim').textContent")


@pytest.mark.parametrize("percent", [100, 200])
def test_a_search_opened_from_a_link_shows_its_count_and_first_result(
    percent: int, browser: Any, server: str
) -> None:
    """A search opened from a link (shared on Zalo, the 404 page's «Tìm») with the text at
    200 %: the count was at 1,142 px and the first result's title at 1,314, under the header and
    the form, on a 740 px screen, and the page seemed to give no answer. Both are now on the
    screen; at 100 %, where they already were, the page does not move."""
    with phone_at(browser, percent) as page:
        page.goto(f"{server}/tim-kiem/?q=lua+dao")
        shown_results(page)
        page.wait_for_timeout(100)  # a scroll, if any, is done
        assert "Tìm thấy" in page.get_by_role("status").inner_text()
        box = page.locator(".search-status").bounding_box()  # the line shown, not the one read
        assert box is not None and box["y"] >= -1 and box["y"] + box["height"] <= 740, box
        title = page.locator(".search-results > li a").first.bounding_box()
        assert title is not None and title["y"] >= 0 and title["y"] + 30 <= 740, title
        if percent == 100:
            assert page.evaluate("scrollY") == 0


def test_a_search_opened_from_a_link_leaves_a_reader_who_went_to_the_box_where_they_are(
    browser: Any, server: str
) -> None:
    """Whoever taps the box while the index is still coming (seconds on 3G) is not moved away
    from it when the results come."""
    with phone_at(browser, 200) as page:
        held: list[Any] = []

        def hold(route: Any) -> None:
            """The index's requests wait until the box has the focus, then go."""
            if held and held[0] is None:
                route.continue_()
            else:
                held.append(route)

        page.route("**/chi-muc/**", hold)
        page.goto(f"{server}/tim-kiem/?q=lua+dao")
        page.wait_for_function("document.getElementById('trang-thai-tim').textContent")
        page.get_by_label("Từ khóa").focus()
        waiting, held[:] = list(held), [None]
        for route in waiting:
            route.continue_()
        shown_results(page)
        page.wait_for_timeout(100)
        assert page.evaluate("document.activeElement.id") == "tu-khoa"
        box = page.get_by_label("Từ khóa").bounding_box()
        assert box is not None and 0 <= box["y"] <= 740, box


NAME_LINES = """() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('.brand-name'));
    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
}"""
"""How many lines the unit's name takes in the header."""


@pytest.mark.parametrize("percent", [100, 130, 150, 175, 200])
def test_the_unit_s_name_takes_two_lines_at_most_in_large_text(
    percent: int, open_large_text: Any
) -> None:
    """With the text at 200 % the name beside its 80 px emblem took three lines of large
    capitals («Công an» / «huyện» / «Châu Thành») on a 360 px phone: it takes two, and the
    emblem, smaller, is still shown whole on the screen, the header no taller than before
    (427 px at 200 %)."""
    page = open_large_text("/", percent, height=740)
    assert page.evaluate(NAME_LINES) <= 2
    mark = page.locator(".brand-mark").bounding_box()
    assert mark is not None and mark["width"] >= 24 and mark["x"] + mark["width"] <= WIDTH, mark
    header = page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] <= 427, header


def test_on_a_wide_screen_the_emblem_stays_beside_the_unit_s_name(look_page: Opener) -> None:
    """At 1280 px the header is as it was: the 40 px emblem left of the name, on one line."""
    page, _ = look_page("/", width=1280)
    assert page.evaluate(NAME_LINES) == 1
    mark = page.locator(".brand-mark").bounding_box()
    name = page.locator(".brand-name").bounding_box()
    assert mark is not None and name is not None
    assert round(mark["width"]) == 40 and mark["x"] + mark["width"] < name["x"]
    assert mark["y"] < name["y"] + name["height"] and name["y"] < mark["y"] + mark["height"]


def test_the_contact_table_s_row_names_fit_a_320_px_phone_in_large_text(
    browser: Any, server: str
) -> None:
    """The emergency numbers' table names each row (a row header), and a bold name ran the
    table 11 px off a 320 px phone at 200 %: the numbers sat under the scroll shadow. Row names
    keep the weight they were typed in; the table fits, and a screen reader still gets them."""
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    try:
        page = context.new_page()
        page.add_init_script(
            "document.addEventListener('DOMContentLoaded', () =>"
            " document.documentElement.style.fontSize = '200%')"
        )
        page.goto(f"{server}/lien-he/")
        table = page.locator(".table-scroll").first
        assert table.evaluate("e => e.scrollWidth <= e.clientWidth"), table.evaluate(
            "e => [e.scrollWidth, e.clientWidth]"
        )
        names = table.locator('th[scope="row"]')
        assert names.count() == 3 and "Cảnh sát" in names.first.inner_text()
    finally:
        context.close()
