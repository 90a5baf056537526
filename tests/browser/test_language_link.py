"""The link to the pages in another language than the site's (the sample's English «About us
and contact», front matter `lang: en`): in the footer's last line, named in English
(«English»), not an item of the Vietnamese menu (tests/browser/test_menu.py holds the menu as it
was, and the header's layout tests its first screen on a phone)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from publish import config as config_module
from publish.pipeline import build
from publish.writer import write
from tests.browser.conftest import NOW, Opener, copy_sample, drawn_box, looking, serve
from tests.browser.test_screen_reader import ax_nodes

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

LINK = ".footer-meta .lang-link"
ENGLISH = "/english/"
"""The sample's English page (content/pages/english.md)."""


def sized(page: Any, percent: int) -> None:
    """Lay the page out again with its text at `percent` (a phone's font size setting)."""
    page.evaluate(f"document.documentElement.style.fontSize = '{percent}%'")


@pytest.mark.parametrize("percent", [100, 200])
@pytest.mark.parametrize(("width", "mobile"), [(360, True), (683, False), (1280, False)])
def test_the_language_link_is_finger_sized_and_within_the_screen_s_width(
    width: int, mobile: bool, percent: int, look_page: Opener
) -> None:
    """A foreign visitor finds «English» at the foot of any page, a finger's size (WCAG 2.5.8),
    within the screen's width, with the text at 200 % too; it says it is English (lang, read
    in an English voice) and leads to a page in English (hreflang)."""
    page, _ = look_page("/", width=width, height=740, mobile=mobile)
    sized(page, percent)
    link = page.locator(LINK)
    assert link.count() == 1
    assert link.inner_text() == "English"
    assert (link.get_attribute("lang"), link.get_attribute("hreflang")) == ("en", "en")
    assert link.get_attribute("href") == ENGLISH
    link.scroll_into_view_if_needed()
    assert link.is_visible()
    box = drawn_box(link)
    assert box["height"] >= 24 and box["width"] >= 24, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_language_link_is_reached_by_keyboard_and_named_in_english(
    look_page: Opener,
) -> None:
    """Tab goes from the officer's e-mail to «English», then to «Theo dõi tin mới»; a screen
    reader lists it as a link named «English»."""
    page, _ = look_page("/gioi-thieu/", width=360, height=740, mobile=True)
    page.locator(".footer-meta a[href^='mailto:']").focus()
    reached = []
    for _ in range(2):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('href')"))
    assert reached == [ENGLISH, "/theo-doi/"]
    links = [n["name"] for n in ax_nodes(page) if n["role"] == "link"]
    assert "English" in links
    menu = page.locator("nav[aria-label='Điều hướng chính'] a").all_text_contents()
    assert "English" not in menu and not any("English" in item for item in menu)


def test_the_language_link_leads_to_the_page_which_it_marks_current(open_page: Opener) -> None:
    """Followed, the link opens the English page (its title in English, lang="en"); there the
    link says it is the page the reader is on, and the breadcrumb ends at the page."""
    page, _ = open_page("/", width=360, height=740)
    page.locator(LINK).click()
    page.wait_for_url(f"**{ENGLISH}")
    title = page.locator("main h1")
    assert title.get_attribute("lang") == "en"
    assert title.inner_text() == "About us and contact (English)"
    assert page.locator(LINK).get_attribute("aria-current") == "page"
    crumb = page.locator(".breadcrumbs [aria-current='page']")
    assert crumb.inner_text() == "About us and contact (English)"
    assert crumb.get_attribute("lang") == "en"


OTHERS = {
    "visitors": "Notice to foreign visitors: declaring where you stay within 12 hours",
    "report-a-crime": "How to report a crime or a scam",
}
"""Two more English pages (slug: title), listed under «More in English» on the first."""


@pytest.fixture(scope="module")
def listing_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site with two more English pages, served on 127.0.0.1."""
    root = copy_sample(tmp_path_factory.mktemp("more-in-english"))
    for order, (slug, title) in enumerate(OTHERS.items(), start=8):
        (root / "content" / "pages" / f"{slug}.md").write_text(
            f'---\ntitle: "{title}"\nsummary: "In English."\nlang: en\norder: {order}\n---\n\n'
            "Call 113.\n",
            encoding="utf-8",
        )
    result = build(config_module.load(root), channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    with serve(root / "output" / "web") as base:
        yield base


@pytest.fixture(scope="module")
def look_listing(browser: Browser, listing_server: str) -> Iterator[Opener]:
    """Reads pages of that site (see conftest.looking)."""
    with looking(browser, listing_server) as opener:
        yield opener


@pytest.mark.parametrize("percent", [100, 200])
@pytest.mark.parametrize(("width", "mobile"), [(360, True), (1280, False)])
def test_more_in_english_is_a_heading_of_the_page_and_finger_sized_links(
    width: int, mobile: bool, percent: int, look_listing: Opener
) -> None:
    """The list under the English page's text: its heading no larger than the page's own
    headings (the browser drew it larger, a title over the page), each link a finger's size
    (WCAG 2.5.8) and apart from the next, within the screen, with the text at 200 % too."""
    page, _ = look_listing(ENGLISH, width=width, height=740, mobile=mobile)
    sized(page, percent)
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    heading = page.locator(".same-language h2")
    assert heading.inner_text() == "More in English"
    assert heading.evaluate(size) == page.locator(".prose h2").first.evaluate(size)
    links = page.locator(".same-language a")
    assert links.all_inner_texts() == list(OTHERS.values())
    boxes = []
    for i in range(links.count()):
        links.nth(i).scroll_into_view_if_needed()
        box = drawn_box(links.nth(i).locator("xpath=.."))  # the item: a title may wrap
        assert drawn_box(links.nth(i))["height"] >= 24, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
        boxes.append(box)
    assert boxes[1]["y"] >= boxes[0]["y"] + boxes[0]["height"] + 4, boxes
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_more_in_english_is_left_off_paper(look_listing: Opener) -> None:
    """Printed, the page is its text: like the other lists of links, not the list."""
    page, _ = look_listing(ENGLISH, width=1280)
    page.emulate_media(media="print")
    try:
        assert not page.locator(".same-language").is_visible()
        assert page.locator(".prose").is_visible()
    finally:
        page.emulate_media(media="screen")
