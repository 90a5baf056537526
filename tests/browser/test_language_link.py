"""The link to the pages in another language than the site's (the sample's English «About us
and contact», front matter `lang: en`): in the header, named in English («English»), over 113,
not an item of the Vietnamese menu (tests/browser/test_menu.py holds the menu as it was)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Opener, drawn_box
from tests.browser.test_screen_reader import ax_nodes

pytestmark = pytest.mark.browser

LINK = "header .lang-link"
ENGLISH = "/english/"
"""The sample's English page (content/pages/english.md)."""


def sized(page: Any, percent: int) -> None:
    """Lay the page out again with its text at `percent` (a phone's font size setting)."""
    page.evaluate(f"document.documentElement.style.fontSize = '{percent}%'")


@pytest.mark.parametrize("percent", [100, 200])
@pytest.mark.parametrize(("width", "mobile"), [(360, True), (683, False), (1280, False)])
def test_the_language_link_is_in_the_header_finger_sized_and_on_the_screen(
    width: int, mobile: bool, percent: int, look_page: Opener
) -> None:
    """A foreign visitor finds «English» on the first screen of any page, a finger's size
    (WCAG 2.5.8), within the screen's width, with the text at 200 % too; it says it is English
    (lang, read in an English voice) and leads to a page in English (hreflang)."""
    page, _ = look_page("/", width=width, height=740, mobile=mobile)
    sized(page, percent)
    link = page.locator(LINK)
    assert link.count() == 1
    assert link.inner_text() == "English"
    assert (link.get_attribute("lang"), link.get_attribute("hreflang")) == ("en", "en")
    assert link.get_attribute("href") == ENGLISH
    box = drawn_box(link)
    assert box["height"] >= 24 and box["width"] >= 24, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert box["y"] >= 0 and box["y"] + box["height"] <= 740, box
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [360, 683, 1280])
def test_113_stays_beside_the_unit_s_name(width: int, look_page: Opener) -> None:
    """Beside 113 «English» pushed 113 under the unit's name on a 360 px phone (the header a
    row taller): it is over 113, which stays in the name's row at 100 %."""
    page, _ = look_page("/", width=width, height=740, mobile=width < 600)
    brand = drawn_box(page.locator("header .brand"))
    call = drawn_box(page.locator("header a[href='tel:113']"))
    assert call["y"] < brand["y"] + brand["height"] and call["x"] > brand["x"] + brand["width"]


def test_the_language_link_is_reached_by_keyboard_and_named_in_english(
    look_page: Opener,
) -> None:
    """Tab goes from the unit's name to «English», then to 113 (and from there the menu, as
    before); a screen reader lists it as a link named «English»."""
    page, _ = look_page("/gioi-thieu/", width=360, height=740, mobile=True)
    page.locator("header .brand").focus()
    reached = []
    for _ in range(2):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('href')"))
    assert reached == [ENGLISH, "tel:113"]
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
