"""Cheap Android phones as readers hold them (360 and 412 CSS px, and the same screens with the
system text at 150 % and 130 %, which leaves 240 and 317 CSS px), on what editors really write:
a 200-character title, a licence-plate list and a scam address with no space to break at, an
8-column table, a code block, a title with quotes and &, lists many pages long."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

import pytest
from PIL import Image

from publish import config as config_module
from publish.pipeline import build
from publish.writer import write
from tests.browser.conftest import (
    NOW,
    Opener,
    SampleSite,
    copy_sample,
    looking,
    opening,
    serve,
)
from tests.browser.test_pages import axe_violations
from tests.helpers import bulletin_md

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PHONES = {360: 640, 412: 915, 240: 427, 317: 704, 187: 406}
"""Width → height: two phones, then the same phones with the text at 150 % and 130 %, and a
375 × 812 phone with the page zoomed to 200 % (Chrome's page zoom lays the page out at half the
width)."""
TITLE = (
    "Công an huyện Châu Thành phối hợp với Ủy ban nhân dân các xã, thị trấn tổ chức ra quân "
    "tuyên truyền, vận động quần chúng nhân dân tích cực tham gia phòng, chống tội phạm lừa đảo"
)
PLATES = ",".join(f"66{c}-{n}{n}{n}.{n}{n}" for n, c in enumerate("ABCDEFGHK", 1))
SCAM_URL = (
    "https://dichvucong-bocongan-gov-vn.xacthuc-dinhdanh-dientu-capnhat-thongtin.online/"
    "dang-nhap?ref=zalo&token=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnop"
)
WIDE_TABLE = (
    "| STT | Họ và tên | Năm sinh | Địa chỉ thường trú | Hành vi vi phạm | Hình thức xử lý"
    " | Số tiền phạt (đồng) | Ghi chú |\n"
    "|---|---|---|---|---|---|---|---|\n"
    "| 1 | Nguyễn Văn A | 1990 | Ấp Phú Hòa, xã An Phú Thuận, huyện Châu Thành | Tổ chức đánh"
    " bạc trái phép dưới hình thức đá gà | Phạt hành chính, tịch thu tang vật | 25.000.000 |"
    " Tái phạm lần hai trong năm |\n"
    "| 2 | Trần Thị B | 1985 | Ấp Tân Lập, xã Tân Nhuận Đông | Tham gia đánh bạc | Phạt hành"
    " chính | 1.500.000 | |\n"
)
MERGED_TABLE = (
    '<table><thead><tr><th>Xã</th><th colspan="6">Số tiền phạt theo tháng (đồng)</th></tr>'
    "</thead><tbody><tr><td>An Phú Thuận</td>"
    + "".join(f"<td>{n}5.000.000</td>" for n in range(1, 7))
    + "</tr></tbody></table>"
)
"""Merged cells: no one heading per value, so it keeps scrolling sideways in its box."""
PAGES = {
    "home": "/",
    "list-middle": "/trang/5/",
    "category": "/chuyen-muc/canh-bao-toi-pham/",
    "wide": "/2026/11/ra-quan/",
    "quotes": "/2026/11/dau-ngoac/",
    "contact": "/lien-he/",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> SampleSite:
    """The sample project with two lists per page (long pagers) and two hard bulletins, one
    of them pinned to the home page."""
    root = copy_sample(tmp_path_factory.mktemp("mobile"))
    settings = root / "site.toml"
    settings.write_text(
        settings.read_text("utf-8").replace("per_page = 10", "per_page = 2"), "utf-8"
    )
    posts = root / "content" / "bai-viet"
    (posts / "2026-11-27-ra-quan.md").write_text(
        bulletin_md(
            {
                "title": f'"{TITLE}"',
                "date": "2026-11-27 08:00",
                "category": "phong-trao-toan-dan",
                "slug": "ra-quan",
                "aliases": '["/posts/ra-quan/"]',
            },
            body=(
                f"Biển số xe vi phạm: {PLATES}\n\nTrang giả mạo: {SCAM_URL}\n\n{WIDE_TABLE}\n"
                f"\n{MERGED_TABLE}\n\n"
                "```\nchuoi-lenh-rat-dai-" + "khong-xuong-dong-" * 12 + "\n```\n"
            ),
        ),
        encoding="utf-8",
    )
    (posts / "2026-11-26-dau-ngoac.md").write_text(
        bulletin_md(
            {
                "title": r'"Cảnh báo \"Shop online\" & \"Việc nhẹ lương cao\": không chuyển tiền"',
                "date": "2026-11-26 08:00",
                "slug": "dau-ngoac",
                # Pinned: the home page's block of pinned bulletins, a card with a thumbnail
                # inside a box inside the page, is on every phone the tests here hold.
                "pinned": "true",
                "cover": "images/canh-bao-lua-dao.jpg",
                "cover_alt": '"Cảnh giác lừa đảo"',
            },
            body='Thủ đoạn "đặt cọc" & "hoàn tiền" qua Zalo: không chuyển tiền cho người lạ.\n',
        ),
        encoding="utf-8",
    )
    config = config_module.load(root)
    result = build(config, channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    return SampleSite(root, root / "output" / "web", PAGES)


@pytest.fixture(scope="module")
def hostile_server(hostile_site: SampleSite) -> Iterator[str]:
    """Base URL of the hard site on 127.0.0.1."""
    with serve(hostile_site.web) as base:
        yield base


@pytest.fixture
def open_hostile(browser: Browser, hostile_server: str) -> Iterator[Opener]:
    """Opens pages of the hard site, as `open_page` does the sample's."""
    with opening(browser, hostile_server) as opener:
        yield opener


@pytest.fixture(scope="module")
def look_hostile(browser: Browser, hostile_server: str) -> Iterator[Opener]:
    """Opens pages of the hard site for tests that only read them, as `look_page` does."""
    with looking(browser, hostile_server) as opener:
        yield opener


def overflow(page: Page) -> list[int]:
    """[document width, viewport width]: the first larger means the page scrolls sideways."""
    return page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("kind", PAGES)
def test_no_page_scrolls_sideways_on_a_phone_even_with_large_text(
    kind: str, width: int, look_hostile: Opener
) -> None:
    """Nothing pushes a page wider than the phone: not the pager of a long list, not a plate
    list, a scam address, a wide table or a code block in a bulletin."""
    page, _ = look_hostile(PAGES[kind], width=width, height=PHONES[width], mobile=True)
    widths = overflow(page)
    assert widths[0] <= widths[1], (kind, width, widths)


@pytest.mark.parametrize("width", [360, 1280])
def test_a_wide_table_scrolls_in_a_region_the_keyboard_reaches(
    width: int, look_hostile: Opener
) -> None:
    """A table wider than a phone that cannot be shown row by row (merged cells) scrolls in its
    box, not the page; the box is named and takes focus, so arrow keys scroll it, and the page
    passes axe-core at either width. The 8-column table with its header row is a box per row on
    the phone (nothing to scroll), a table on the wide screen."""
    page, _ = look_hostile(
        PAGES["wide"], width=width, height=PHONES.get(width, 900), mobile=width < 1000
    )
    region = page.get_by_role("region", name="Bảng 1")
    assert region.locator("table").count() == 1
    display = region.locator("table").evaluate("t => getComputedStyle(t).display")
    assert display == ("block" if width == 360 else "table")
    assert region.evaluate("e => e.scrollWidth <= e.clientWidth")
    assert region.get_attribute("tabindex") is None  # nothing to scroll: no Tab stop
    merged = page.get_by_role("region", name="Bảng 2")
    assert merged.locator("table").evaluate("t => getComputedStyle(t).display") == "table"
    assert merged.evaluate("e => e.scrollWidth > e.clientWidth")  # at either width
    assert merged.get_attribute("tabindex") == "0"
    if width == 360:
        merged.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.querySelectorAll('.table-scroll')[1].scrollLeft > 0")
    assert page.locator(".prose pre").get_attribute("tabindex") == "0"
    problems = axe_violations(page)
    assert problems == [], "\n".join(problems)


def _body_tab_stops(page: Any) -> list[str]:
    """What Tab stops at in the bulletin's text, in order (a region by its name, else its tag)."""
    found: list[str] = []
    inside = "() => !!document.activeElement.closest('.prose')"
    for _ in range(80):  # the header's and menu's links first
        page.keyboard.press("Tab")
        if page.evaluate(inside):
            break
    while page.evaluate(inside) and len(found) < 20:
        found.append(
            page.evaluate(
                "() => document.activeElement.getAttribute('aria-label')"
                " || document.activeElement.tagName"
            )
        )
        page.keyboard.press("Tab")
    return found


def test_a_table_s_tab_stop_follows_whether_it_scrolls(open_hostile: Opener) -> None:
    """Tab reaches the box of a table only while it scrolls: the 8-column table is whole on a
    wide screen and row by row on a phone, and scrolls only between (600 px); widening or
    narrowing the window gives or takes its stop. The merged table scrolls at every width.
    Without JavaScript every box keeps its stop (never a box the keyboard cannot scroll)."""
    page, _ = open_hostile(PAGES["wide"], width=1280, height=900)
    stops = "() => [...document.querySelectorAll('.table-scroll')].map(e => e.tabIndex).join()"
    assert page.evaluate(stops) == "-1,0"
    assert _body_tab_stops(page) == ["Bảng 2", "PRE"]
    page.set_viewport_size({"width": 600, "height": 900})
    page.wait_for_function(f"() => ({stops})() === '0,0'")
    page.evaluate("() => document.activeElement.blur()")
    assert _body_tab_stops(page) == ["Bảng 1", "Bảng 2", "PRE"]
    problems = axe_violations(page)
    assert problems == [], "\n".join(problems)
    page.set_viewport_size({"width": 360, "height": 740})
    page.wait_for_function(f"() => ({stops})() === '-1,0'")
    plain, _ = open_hostile(PAGES["wide"], width=360, height=740, javascript=False)
    assert plain.evaluate(stops) == "0,0"


def test_an_old_address_fits_the_phone_while_it_redirects(open_hostile: Opener) -> None:
    """The page at a bulletin's old address is laid out at the phone's width, not at 980 px
    shrunk to a third (its link unreadable and too small to tap when the refresh is slow or
    blocked)."""
    page, _ = open_hostile("/", width=360, height=640, mobile=True)

    def without_refresh(route: Any) -> None:
        """The redirect page as served, but staying put so it can be measured."""
        response = route.fetch()
        body = response.text().replace('http-equiv="refresh"', 'data-refresh=""')
        route.fulfill(response=response, body=body)

    page.route("**/posts/ra-quan/", without_refresh)
    page.goto(page.url + "posts/ra-quan/")
    assert page.evaluate("() => document.documentElement.clientWidth") == 360
    link = page.get_by_role("link", name=TITLE[:40])
    assert link.get_attribute("href") == PAGES["wide"]
    box = link.bounding_box()
    assert box and box["height"] >= 24


def test_a_short_bulletin_prints_on_one_sheet(open_hostile: Opener) -> None:
    """A few lines under a cover fit one A4 sheet: the unit's contacts print in a few lines beside
    the QR code (the site's footer, saying the same, does not print under them), without the Atom
    link nobody can follow on paper."""
    page, _ = open_hostile(PAGES["quotes"])
    page.emulate_media(media="print")
    assert not page.locator(".footer-meta").is_visible()
    assert page.locator(".print-source").get_by_text("0277 3610 113").is_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1


@pytest.mark.parametrize("width", [360, 1366])
def test_card_thumbnails_show_the_whole_cover(width: int, look_hostile: Opener) -> None:
    """A card's thumbnail has the 16:9 shape of the covers, so the title baked into a cover is
    not cut off at both ends."""
    page, _ = look_hostile(PAGES["category"], width=width, height=640, mobile=width < 1000)
    thumbs = page.locator(".card .thumb")
    assert thumbs.count() > 0
    for i in range(thumbs.count()):
        thumb = thumbs.nth(i)
        thumb.scroll_into_view_if_needed()
        thumb.evaluate("img => img.decode()")
        drawn, natural = thumb.evaluate(
            "img => [img.clientWidth / img.clientHeight, img.naturalWidth / img.naturalHeight]"
        )
        assert abs(drawn - natural) / natural < 0.03, (i, drawn, natural)


def test_breadcrumb_links_are_finger_sized(look_hostile: Opener) -> None:
    """Each breadcrumb shown on a phone (the way back to the home page and to the archive from a
    month's list) is at least 24 px high (WCAG 2.5.8)."""
    page, _ = look_hostile("/luu-tru/2026/11/", width=360, height=640, mobile=True)
    # The month's own crumb is out of sight on a phone (test_phone_screen): not a target.
    links = page.locator(".breadcrumbs a:not([aria-current])")
    assert links.count() == 2
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box and box["height"] >= 24 and box["width"] >= 24, (i, box)


@pytest.mark.parametrize("width", [187, 360])
def test_the_footer_s_contact_links_are_finger_sized(width: int, look_hostile: Opener) -> None:
    """The emergency number, the hotline and the e-mail address in the footer are at least 24 px
    high (WCAG 2.5.8): they are what an elderly reader taps to call the unit, and were 18 px."""
    page, _ = look_hostile(PAGES["home"], width=width, height=PHONES[width], mobile=True)
    links = page.locator(".contact-list a")
    assert links.count() >= 3
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box and box["height"] >= 24 and box["width"] >= 24, (links.nth(i).inner_text(), box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (links.nth(i).inner_text(), box)


@pytest.mark.parametrize("width", [187, 360])
def test_the_footer_s_follow_link_is_finger_sized(width: int, look_hostile: Opener) -> None:
    """«Theo dõi tin mới» under the footer's line is at least 24 px high (WCAG 2.5.8): it is how
    a citizen finds the Zalo page and the feeds, and was the 18 px of its letters. So is every
    other link of that line: the phone and e-mail of the officer answering for the site's
    information ([contact.officer]), which a reader taps to call or write."""
    page, _ = look_hostile(PAGES["home"], width=width, height=PHONES[width], mobile=True)
    links = page.locator(".footer-meta a")
    follow = links.get_by_text("Theo dõi tin mới", exact=True)
    assert follow.count() == 1
    hrefs = [link.get_attribute("href") or "" for link in links.all()]
    assert any(h.startswith("tel:") for h in hrefs) and any(h.startswith("mailto:") for h in hrefs)
    for link in links.all():
        box = link.bounding_box()
        assert box and box["height"] >= 24 and box["width"] >= 24, (link.inner_text(), box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (link.inner_text(), box)


SHORT_LINKS = [
    ("/", ".card .meta a"),
    ("/2026/07/ket-qua-cong-tac-6-thang-dau-nam-2026/", ".kicker a"),
    ("/chuyen-muc/canh-bao-toi-pham/", ".feed-link a"),
    ("/luu-tru/", ".months a"),
    ("/tim-kiem/", ".category-list a"),
    ("/lien-he/", ".contact-card dd a"),
    ("/lien-he/", ".station dd a"),
    ("/lien-he/", ".prose td a[href^='tel:']"),
]
"""Links on a line of their own or in a list, not in a sentence: a card's category, a
bulletin's category above its title, a category's «Theo dõi tin mới», the archive's months,
the search page's categories, the contact page's 113 and hotline, its posts' numbers, and its
table of emergency lines (113, 114, 115), each alone in its cell."""


@pytest.mark.parametrize(("path", "selector"), SHORT_LINKS)
def test_links_outside_sentences_are_finger_sized(
    path: str, selector: str, look_hostile: Opener
) -> None:
    """Each is at least 24 px high on a 360 px phone (WCAG 2.5.8): they were the 16 or 20 px
    of their letters, stacked with no gap in the lists, so an elderly reader tapping «Tháng
    6/2025» or 113 could get the month above or nothing."""
    page, _ = look_hostile(path, width=360, height=PHONES[360], mobile=True)
    links = page.locator(selector)
    assert links.count() >= 1
    bottom = 0.0
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box and box["height"] >= 24 and box["width"] >= 24, (links.nth(i).inner_text(), box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, (links.nth(i).inner_text(), box)
        assert box["y"] >= bottom, ("reaches into the one above", links.nth(i).inner_text(), box)
        bottom = box["y"] + box["height"]


@pytest.mark.parametrize("width", [187, 360])
def test_the_contact_page_lists_the_units_posts_one_under_another(
    width: int, look_hostile: Opener
) -> None:
    """The sample's [[contact.stations]] on a phone, also zoomed to 200 %: one box each, the
    whole width, in site.toml's order, under a heading a screen reader lists; each number a
    link named by whom it calls."""
    page, _ = look_hostile("/lien-he/", width=width, height=PHONES[width], mobile=True)
    section = page.get_by_role("region", name="Công an các xã, thị trấn")
    names = section.get_by_role("heading", level=3).all_inner_texts()
    assert names == ["Công an thị trấn Cái Tàu Hạ", "Công an xã Tân Phú"]
    assert section.get_by_role("listitem").count() == 2
    boxes = [page.locator(".station").nth(i).bounding_box() for i in range(2)]
    assert boxes[0] and boxes[1]
    assert boxes[0]["x"] == boxes[1]["x"] and boxes[1]["y"] >= boxes[0]["y"] + boxes[0]["height"]
    assert boxes[0]["x"] >= 0 and boxes[0]["x"] + boxes[0]["width"] <= width
    call = section.get_by_role("link", name="Gọi Công an xã Tân Phú: 0277 3610 212")
    assert call.get_attribute("href") == "tel:02773610212"


@pytest.mark.parametrize("width", [187, 240, 360])
def test_a_card_s_title_keeps_most_of_the_card_on_a_zoomed_phone(
    width: int, look_hostile: Opener
) -> None:
    """With the page zoomed on a phone a card's title still gets at least half of the card, not a
    column a syllable wide beside its thumbnail ('Dươn / g', one word a line); the thumbnail,
    decorative, gives way below 320 px and stays beside the title on a phone at 100 %."""
    page, _ = look_hostile(PAGES["category"], width=width, height=PHONES[width], mobile=True)
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
    assert min(shares) >= 0.5, (width, shares)
    shown = page.locator(".card .thumb").first.is_visible()
    assert shown == (width >= 320)


@pytest.mark.parametrize("width", [187, 240, 360])
def test_the_pinned_block_is_named_and_its_card_keeps_its_title_wide_on_a_phone(
    width: int, look_hostile: Opener
) -> None:
    """The pinned bulletin is told by the words of a heading a screen reader names its region
    with, not by the box's colour alone; the box's own padding leaves its card's title at
    least half the card on a zoomed phone, as on a plain list."""
    page, _ = look_hostile(PAGES["home"], width=width, height=PHONES[width], mobile=True)
    region = page.get_by_role("region", name="Tin cần chú ý (ghim đầu trang)")
    assert region.count() == 1
    assert region.get_by_role("heading", level=2).first.is_visible()
    card = region.locator(".card")
    assert card.count() == 1 and "Shop online" in card.inner_text()
    share = card.evaluate(
        """card => {
            const style = getComputedStyle(card);
            const inner = card.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight);
            return card.querySelector('.card-title').getBoundingClientRect().width / inner;
        }"""
    )
    assert share >= 0.5, (width, share)
    box = card.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (width, box)


@pytest.mark.parametrize("width", [187, 240])
def test_the_skip_link_stays_out_of_sight_until_tabbed_to(width: int, look_hostile: Opener) -> None:
    """On a zoomed phone 'Bỏ qua, đến nội dung chính' wraps to two lines or more: no part of it
    shows over the unit's name until it has the focus; then all of it is on screen."""
    page, _ = look_hostile(PAGES["home"], width=width, height=PHONES[width], mobile=True)
    box = "(() => { const r = document.querySelector('.skip-link').getBoundingClientRect();"
    assert page.evaluate(f"{box} return r.bottom; }})()") <= 0
    page.keyboard.press("Tab")
    inside = f"{box} return r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }})()"
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate(inside)


def test_a_zoomed_phone_gives_the_text_and_the_search_box_most_of_its_width(
    look_hostile: Opener,
) -> None:
    """At 375 px zoomed to 200 % a bulletin's text is not a column a few words wide inside three
    paddings, and the search box is wide enough to read what is typed (the button goes under it);
    at 360 px the button stays beside the box."""
    page, _ = look_hostile(PAGES["quotes"], width=187, height=PHONES[187], mobile=True)
    text = page.locator(".prose").evaluate("e => e.getBoundingClientRect().width")
    assert text >= 0.75 * 187, text
    page, _ = look_hostile("/tim-kiem/", width=187, height=PHONES[187], mobile=True)
    box = page.get_by_label("Từ khóa").bounding_box()
    form = page.locator("form.search-form").bounding_box()
    assert box and form and box["width"] >= 0.9 * form["width"], (box, form)
    page, _ = look_hostile("/tim-kiem/", width=360, height=PHONES[360], mobile=True)
    box = page.get_by_label("Từ khóa").bounding_box()
    button = page.get_by_role("button", name="Tìm", exact=True).bounding_box()
    assert box and button and abs(box["y"] - button["y"]) < 1


def _strip_edge_shade(page: Any, side: str) -> int:
    """How much darker than white the category strip is at its left or right edge, in its top
    padding where no chip is drawn (0: white)."""
    box = page.locator(".cat-nav ul").bounding_box()
    x = box["x"] + 1 if side == "left" else box["x"] + box["width"] - 2
    png = page.screenshot(clip={"x": x, "y": box["y"] + 2, "width": 1, "height": 1})
    pixel = Image.open(io.BytesIO(png)).convert("RGB").getpixel((0, 0))
    red, green, blue = cast("tuple[int, int, int]", pixel)  # an RGB image's pixel
    return 255 - min(red, green, blue)


@pytest.mark.parametrize("width", [187, 360])
def test_the_category_strip_shows_that_it_has_more(width: int, look_page: Opener) -> None:
    """At 187 px (a phone zoomed to 200 %) the strip showed part of one chip, cut at the edge,
    and nothing said more were there (a phone's scrollbar shows only while scrolling): the next
    chip peeks in, and a shadow marks the edge where chips are hidden, on the left once scrolled
    to the end."""
    page, _ = look_page("/", width=width, height=PHONES[width], mobile=True)
    strip = page.locator(".cat-nav ul")
    assert strip.evaluate("e => e.scrollWidth > e.clientWidth")
    second = page.locator(".cat-nav li").nth(1).bounding_box()
    assert second and second["x"] + 24 <= width, second
    assert _strip_edge_shade(page, "right") >= 20 and _strip_edge_shade(page, "left") <= 3
    strip.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    last = page.locator(".cat-nav li").last.bounding_box()
    assert last and last["x"] + last["width"] <= width
    assert _strip_edge_shade(page, "left") >= 20 and _strip_edge_shade(page, "right") <= 3


def test_a_category_s_follow_link_leads_to_its_feed_address_selected_by_one_tap(
    look_page: Opener,
) -> None:
    """On a phone, «Theo dõi tin mới của chuyên mục này» opens the follow page at that category's
    part, on screen, and one tap on its feed address selects the whole address, ready to copy
    into a feed reader app (a long-press on a wrapped address used to pick one word of it)."""
    page, _ = look_page(
        "/chuyen-muc/canh-bao-toi-pham/", width=360, height=PHONES[360], mobile=True
    )
    page.get_by_role("link", name="Theo dõi tin mới của chuyên mục này").tap()
    page.wait_for_url("**/theo-doi/#nguon-canh-bao-toi-pham")
    part = page.locator("#nguon-canh-bao-toi-pham")
    # A page scrolls to a whole pixel: the part may start a fraction of one above the screen.
    assert part.is_visible() and part.evaluate("e => e.getBoundingClientRect().top > -1")
    address = page.locator("#nguon-canh-bao-toi-pham + dd code")
    text = address.inner_text()
    assert text.endswith("/chuyen-muc/canh-bao-toi-pham/feed.xml")
    address.tap()
    assert page.evaluate("getSelection().toString()") == text
