"""Every page type in Chromium: loads, no other host contacted, no script errors, axe-core WCAG 2.1 AA
with zero violations, and screenshots at 375 px and 1280 px kept in test-artifacts/screenshots/."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import WIDTHS, Opener, SampleSite, keep_screenshot, unavailable

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PAGE_TYPES = ["home", "bulletin", "category", "search", "page", "archive", "tags", "follow", "404"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_source() -> str:
    """axe.min.js as shipped inside the PyPI package axe-playwright-python."""
    try:
        return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        unavailable("chưa cài gói axe-playwright-python (chứa axe.min.js)")
        raise


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page, one readable line per failing element."""
    page.add_script_tag(content=axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {node['target']}: {node['failureSummary']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_loads_locally_and_passes_axe(
    kind: str, sample_site: SampleSite, open_page: Opener
) -> None:
    """Each page type renders from 127.0.0.1 only, without script errors, and passes axe-core."""
    path = sample_site.pages[kind]
    for width in WIDTHS:
        page, recorder = open_page(path, width=width)
        assert page.locator("h1").first.is_visible()
        keep_screenshot(page, f"{kind}-{width}.png", full_page=True)
        assert recorder.errors == []
        assert len(recorder.hosts()) == 1, recorder.hosts()
        assert all(h.startswith("127.0.0.1:") for h in recorder.hosts())
        problems = axe_violations(page)
        assert problems == [], "\n".join(problems)


def test_missing_page_answers_with_the_404_page(server: str, look_page: Opener) -> None:
    """An unknown address shows the site's own 404 page with a way back home."""
    page, _ = look_page("/khong-co-trang-nay/")
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    page.get_by_role("main").get_by_role("link", name="trang chủ").click()
    page.wait_for_url(server + "/")
    assert page.locator(".card").count() > 0


def test_bulletin_page_shows_its_bulletin(sample_site: SampleSite, look_page: Opener) -> None:
    """A bulletin page has its title as the heading, its body, and a cover with alt text."""
    page, _ = look_page(sample_site.pages["bulletin"])
    assert page.locator("article.bulletin h1").is_visible()
    assert page.locator(".prose p").count() > 0
    cover = page.locator(".cover img")
    assert cover.get_attribute("alt")
    assert cover.evaluate("img => img.complete && img.naturalWidth > 0")


def test_a_warning_s_page_says_the_hour_it_went_out(
    sample_site: SampleSite, look_page: Opener
) -> None:
    """A scam warning is read against when it went out: under its title a phone's reader sees
    the hour before the day, as Vietnamese is said, and the page hands the moment, with Việt
    Nam's offset, to whatever reads it for them."""
    page, _ = look_page(sample_site.pages["long-word"], width=360, height=640, mobile=True)
    when = page.locator(".bulletin-header .meta time")
    assert when.inner_text() == "8:00, Thứ Bảy, ngày 9 tháng 1 năm 2027"
    assert when.get_attribute("datetime") == "2027-01-09T08:00:00+07:00"
    box = when.bounding_box()
    assert box and box["y"] + box["height"] <= 640, box  # on the first screen


def test_a_bulletin_s_category_is_marked_in_the_strip_as_on_its_list(
    sample_site: SampleSite, open_page: Opener
) -> None:
    """On a category's list its chip is filled green; on a bulletin's page of that category
    every chip was white, the reader not shown which section the bulletin is in. Its chip is
    now filled as on the list, the others are not, and a screen reader hears it as current."""
    category = sample_site.pages["category"]
    listing, _ = open_page(category)
    bulletin, _ = open_page(sample_site.pages["bulletin"])

    def look(page: Page, href: str) -> list[str]:
        """The chip's background and text colours."""
        return page.locator(f'.cat-nav a[href="{href}"]').evaluate(
            "a => [getComputedStyle(a).backgroundColor, getComputedStyle(a).color]"
        )

    marked = look(bulletin, category)
    assert marked == look(listing, category)
    others = bulletin.locator(".cat-nav a").evaluate_all(
        """(links, href) => links.filter(a => a.getAttribute('href') !== href)
            .map(a => getComputedStyle(a).backgroundColor)""",
        category,
    )
    assert others and marked[0] not in others
    chip = bulletin.locator(f'.cat-nav a[href="{category}"]')
    assert chip.get_attribute("aria-current") == "true"
    assert bulletin.locator(".cat-nav [aria-current]").count() == 1


def test_category_page_lists_only_its_category(sample_site: SampleSite, look_page: Opener) -> None:
    """A category page lists cards, each of a bulletin of that same category (named above the
    bulletin's title), and does not repeat the category's name on each card."""
    page, _ = look_page(sample_site.pages["category"])
    cards = page.locator(".card")
    assert cards.count() > 0
    assert page.locator(".card .meta a").count() == 0
    urls = [
        cards.nth(i).locator(".card-title a").get_attribute("href") for i in range(cards.count())
    ]
    for url in urls:
        bulletin, _ = look_page(url)
        assert bulletin.locator(".kicker a").get_attribute("href") == sample_site.pages["category"]


def test_a_link_cut_short_in_a_message_offers_its_words_to_the_search(
    server: str, look_page: Opener
) -> None:
    """A bulletin's address cut off in a Zalo message (`…/ket-qua-cong-tac-6-thang-dau-nam-20`)
    lands on the 404 page with its words in a search box: one tap finds the bulletin."""
    page, recorder = look_page("/2026/07/ket-qua-cong-tac-6-thang-dau-nam-20", width=360)
    box = page.get_by_role("main").get_by_role("searchbox")
    assert box.count() == 1 and box.input_value() == "ket qua cong tac 6 thang dau nam 20"
    page.get_by_role("main").get_by_role("button", name="Tìm", exact=True).click()
    page.wait_for_selector(".search-results > li")
    first = page.locator(".search-results > li h2 a").first
    assert first.inner_text().startswith("Kết quả công tác bảo đảm an ninh")
    assert recorder.errors == []


@pytest.mark.parametrize("tail", ["/)", "/%20", "/%E2%80%9D", ").", "/.%E2%80%9D?fbclid=1"])
def test_a_link_copied_with_what_followed_it_opens_the_bulletin(
    tail: str, server: str, sample_site: SampleSite, look_page: Opener
) -> None:
    """A bulletin's address copied out of a message with what came after it (the closing
    bracket or quote, a full stop, a space, then a share tracker) landed on the 404 page with
    «)» or nothing in its search box: the page now opens the bulletin, in its own place."""
    url = sample_site.pages["bulletin"]
    page, recorder = look_page(url.rstrip("/") + tail)
    page.wait_for_url(lambda address: address.split("?")[0] == server + url, timeout=5000)
    assert page.locator("article h1").count() == 1
    assert page.locator("h1").inner_text() != "Không tìm thấy trang"
    assert recorder.errors == []


def test_an_unknown_address_with_a_bracket_after_it_offers_its_words(look_page: Opener) -> None:
    """Where the address without the bracket is no page either, its words (not «)») go to the
    search box, as a link cut short does."""
    page, _ = look_page("/2026/07/ket-qua-cong-tac-6-thang/)", width=360)
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    box = page.get_by_role("main").get_by_role("searchbox")
    assert box.input_value() == "ket qua cong tac 6 thang"


def test_the_404_page_offers_no_search_box_where_the_search_cannot_run(look_page: Opener) -> None:
    """Without JavaScript the search page cannot search: the 404 page then shows no box that
    would lead there, only its ways home, to the archive and to the categories."""
    page, _ = look_page("/2026/07/ket-qua-cong-tac", javascript=False)
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    assert page.get_by_role("searchbox").count() == 0
    assert page.get_by_role("main").get_by_role("link", name="lưu trữ").is_visible()


def test_the_home_page_opened_from_disk_tells_the_editor_how_to_preview(
    sample_site: SampleSite, browser: Browser, look_page: Opener
) -> None:
    """output/web/index.html opened with a double click showed an unstyled page whose links and
    search led nowhere, with no word of why: it now says to run `publish serve`. Served, the
    page never shows the note, nor gives it to a screen reader."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    try:
        page = context.new_page()
        page.goto((sample_site.web / "index.html").as_uri(), wait_until="load")
        note = page.get_by_role("note")
        assert note.is_visible()
        assert "publish serve" in note.inner_text() and "127.0.0.1:8000" in note.inner_text()
    finally:
        context.close()
    served, _ = look_page("/", width=360)
    assert served.locator(".file-preview").count() == 1
    assert not served.locator(".file-preview").is_visible()
    assert "publish serve" not in served.locator("body").inner_text()


def test_a_bulletin_s_address_trimmed_to_its_month_lands_on_that_month_s_archive(
    sample_site: SampleSite, server: str, open_page: Opener
) -> None:
    """A visitor shortens /2022/05/ten-bai/ to /2022/05/ to go «up»: the static server listed
    the folder in English («Directory listing for /2022/05/»). The browser now lands on the
    archive of that month, which lists the bulletin, and /2022/ on that year in the archive."""
    bulletin = sample_site.pages["bulletin"]
    year, month = bulletin.split("/")[1:3]
    page, recorder = open_page(f"/{year}/{month}/")
    page.wait_for_url(f"{server}/luu-tru/{year}/{month}/")
    assert page.locator("h1").inner_text() == f"Lưu trữ tháng {int(month)}/{year}"
    assert page.locator(f'main a[href="{bulletin}"]').count() > 0
    assert recorder.errors == []
    page, _ = open_page(f"/{year}/")
    page.wait_for_url(f"{server}/luu-tru/#nam-{year}")
    assert page.locator(f"#nam-{year}").inner_text() == f"Năm {year}"
    assert page.get_by_role("link", name=f"Tháng {int(month)}/{year}").is_visible()


def test_the_category_folder_typed_alone_lands_on_the_list_of_categories(
    server: str, look_page: Opener
) -> None:
    """/chuyen-muc/ typed alone (the folder of every category's address) showed an English
    folder listing: it now opens the list of every category, scrolled to it."""
    page, _ = look_page("/chuyen-muc/")
    page.wait_for_url(f"{server}/tim-kiem/#duyet-chuyen-muc")
    heading = page.locator("#duyet-chuyen-muc")
    assert heading.is_visible()
    assert heading.evaluate("h => h.getBoundingClientRect().top < innerHeight")
    assert page.locator(".category-list a").count() > 0


def test_a_tag_page_s_address_trimmed_to_the_tag_folder_lists_every_tag(
    sample_site: SampleSite, server: str, look_page: Opener, open_page: Opener
) -> None:
    """/the/lua-dao-qua-mang/ trimmed to /the/ sent the reader to the home page: it is now the
    list of every tag, each with its count, and a tag page's trail leads back to it."""
    page, _ = look_page("/the/")
    assert page.url == f"{server}/the/"
    assert page.locator("h1").inner_text() == "Thẻ"
    tags = page.locator("main .category-list a")
    assert tags.count() == len(list((sample_site.web / "the").glob("*/index.html")))
    page, _ = open_page("/the/lua-dao-qua-mang/")
    page.get_by_role("navigation", name="Đường dẫn").get_by_role("link", name="Thẻ").click()
    page.wait_for_url(f"{server}/the/")
    assert page.get_by_role("link", name="lừa đảo qua mạng").is_visible()
