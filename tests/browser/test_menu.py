"""The site's menu: on a phone one row, «Danh mục» (a <details> that opens the other pages, no
script needed) and «Tìm kiếm»; on a wide screen the whole menu in the header's row, as before.
Every page of it is reached with the keyboard, with and without JavaScript."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import pytest

from tests.browser.conftest import Opener, drawn_box
from tests.browser.test_screen_reader import ax_nodes

if TYPE_CHECKING:
    from playwright.sync_api import FloatRect

pytestmark = pytest.mark.browser

MENU = ["Trang chủ", "Giới thiệu", "Liên hệ", "Gửi phản ánh", "Lưu trữ", "Tìm kiếm"]
"""The sample site's menu: home, its three pages, the archive, search."""
MENU_LINKS = "nav[aria-label='Điều hướng chính'] a"


def tab_through_menu(page: Any) -> list[str]:
    """The text of each element Tab reaches after the emergency button, up to the first
    category chip; each must be wholly on the screen as it is reached."""
    page.locator("header a[href='tel:113']").focus()
    reached: list[str] = []
    for _ in range(20):
        page.keyboard.press("Tab")
        name, shown = page.evaluate(
            "(() => { const e = document.activeElement, r = e.getBoundingClientRect();"
            " return [e.textContent.trim(), r.width > 1 && r.height > 1 && r.left >= 0"
            " && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight]; })()"
        )
        if page.evaluate("!!document.activeElement.closest('.cat-nav')"):
            return reached
        assert shown, (name, reached)
        reached.append(name)
    raise AssertionError(f"Tab did not leave the menu: {reached}")


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("percent", [100, 200])
def test_on_a_phone_the_menu_is_one_button_and_search(
    percent: int, javascript: bool, look_page: Opener
) -> None:
    """With the text at 200 % the menu's six rows filled a 360 × 740 phone's first screen. It is
    now «Danh mục» beside (at 200 %, over) «Tìm kiếm», a row (two) high; the other pages are out of sight and
    out of the Tab order until the button is opened, with Enter, script or not. Then Tab reaches
    each page, shown on the screen, and the search."""
    page, _ = look_page("/gioi-thieu/", width=360, height=740, mobile=True, javascript=javascript)
    if percent != 100:
        page.evaluate(f"document.documentElement.style.fontSize = '{percent}%'")
    links = page.locator(MENU_LINKS)
    assert links.all_text_contents() == MENU
    assert [link.is_visible() for link in links.all()] == [False] * 5 + [True]
    button = page.locator(".site-nav summary")
    assert button.text_content() == "Danh mục: Giới thiệu"
    nav = page.locator(".site-nav").bounding_box()
    row = button.bounding_box()
    assert nav is not None and row is not None
    assert nav["height"] <= (1.7 if percent == 100 else 2.8) * row["height"], (nav, row)
    assert tab_through_menu(page) == ["Danh mục: Giới thiệu", "Tìm kiếm"]
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator(".nav-menu").evaluate("menu => menu.open")
    assert tab_through_menu(page) == ["Danh mục: Giới thiệu", *MENU]
    current = page.locator(f"{MENU_LINKS}[aria-current='page']")
    assert current.all_text_contents() == ["Giới thiệu"] and current.is_visible()
    button.focus()
    page.keyboard.press("Enter")  # closed again: the pages out of sight
    assert [link.is_visible() for link in links.all()] == [False] * 5 + [True]


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("width", [683, 1280])
def test_on_a_wide_screen_the_whole_menu_is_in_the_header(
    width: int, javascript: bool, look_page: Opener
) -> None:
    """On a 1280 px screen nothing changed, nor on a tablet or a laptop zoomed to 200 % (683 px,
    where the six fit in a row): the six pages in one row of the header, no button, the current
    page marked, and Tab goes from 113 through the six, in their order."""
    page, _ = look_page("/gioi-thieu/", width=width, javascript=javascript)
    assert not page.locator(".site-nav summary").is_visible()
    links = page.locator(MENU_LINKS)
    header = page.locator(".site-header").bounding_box()
    # Every box is there (an element not drawn has none): the next line asserts it.
    boxes = cast("list[FloatRect]", [link.bounding_box() for link in links.all()])
    assert header is not None and all(box is not None for box in boxes), boxes
    tops = {round(box["y"]) for box in boxes}
    assert len(tops) == 1, boxes
    assert all(box["y"] + box["height"] <= header["y"] + header["height"] for box in boxes)
    lefts = [box["x"] for box in boxes]
    assert lefts == sorted(lefts), boxes
    assert tab_through_menu(page) == MENU
    current = page.locator(f"{MENU_LINKS}[aria-current='page']")
    assert current.all_text_contents() == ["Giới thiệu"]


@pytest.mark.parametrize(("width", "opened"), [(1280, True), (360, False)])
def test_a_browser_that_cannot_show_a_closed_menu_opens_it_on_a_wide_screen(
    width: int, opened: bool, open_page: Opener
) -> None:
    """A wide screen shows the closed menu's pages by ::details-content (Chrome 131, Safari 18.4,
    Firefox 143): an older browser, as an office's Windows 7 Chrome 109, would have shown only
    «Danh mục» there. base.html's one line opens it for such a browser on a wide screen (on a
    phone it stays closed), and the button is hidden once it is open."""
    page, _ = open_page("/", width=width)
    page.context.add_init_script("CSS.supports = () => false")
    page.reload(wait_until="load")
    assert page.locator(".nav-menu").evaluate("menu => menu.open") is opened
    assert page.locator(".site-nav summary").is_visible() is not opened
    visible = [link.is_visible() for link in page.locator(MENU_LINKS).all()]
    assert visible == ([True] * 6 if opened else [False] * 5 + [True])


@pytest.mark.parametrize("percent", [100, 130, 200])
@pytest.mark.parametrize(
    ("path", "here", "mark"),
    [("/gioi-thieu/", "Giới thiệu", "page"), ("/luu-tru/", "Lưu trữ", "page"),
     ("/luu-tru/2024/03/", "Lưu trữ", "true")],
)  # fmt: skip
def test_the_closed_menu_shows_which_of_its_pages_the_reader_is_on(
    path: str, here: str, mark: str, percent: int, look_page: Opener
) -> None:
    """With the menu closed nothing said the reader was on «Giới thiệu» or in the archive: the
    button read «Danh mục» on every page. It now shows the page (a month's list is the
    archive's), is read «Danh mục: Lưu trữ», and is no taller, nor the menu's row, than
    «Danh mục» on the home page; in the menu the page stays marked (aria-current)."""
    heights: list[tuple[FloatRect, FloatRect]] = []
    for url in ("/", path):
        page, _ = look_page(url, width=360, height=740, mobile=True)
        page.evaluate(f"document.documentElement.style.fontSize = '{percent}%'")
        button = page.locator(".site-nav summary")
        heights.append((drawn_box(button), drawn_box(page.locator(".site-nav"))))
    shown = page.locator(".nav-here")
    assert shown.inner_text() == here and shown.is_visible()
    box = shown.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 360 and box["y"] + box["height"] <= 740
    names = [n["name"] for n in ax_nodes(page) if n["role"] == "DisclosureTriangle"]
    assert names == [f"Danh mục: {here}"]
    (home_button, home_nav), (button_box, nav_box) = heights
    assert button_box["height"] <= home_button["height"] + 1, heights
    assert nav_box["height"] <= home_nav["height"] + 1, heights
    current = page.locator(f"{MENU_LINKS}[aria-current]")
    assert current.all_text_contents() == [here]
    assert current.get_attribute("aria-current") == mark
