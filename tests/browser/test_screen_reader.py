"""What a screen reader (NVDA, TalkBack) and a keyboard-only reader get from the sample site in
Chromium: names read from Chromium's own accessibility tree (CDP), focus moved by keys."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest

from tests.browser.conftest import Opener, SampleSite
from tests.browser.test_pages import PAGE_TYPES
from tests.browser.test_search import search

pytestmark = pytest.mark.browser


def ax_nodes(page: Any) -> list[dict[str, Any]]:
    """The page's accessibility tree as Chromium exposes it to screen readers, ignored nodes left
    out: each node's role, name and properties."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    return [
        {
            "role": n.get("role", {}).get("value"),
            "name": n.get("name", {}).get("value", ""),
            "properties": {p["name"]: p["value"].get("value") for p in n.get("properties", [])},
        }
        for n in nodes
        if not n.get("ignored")
    ]


LANDMARKS = {"banner", "navigation", "main", "contentinfo", "region", "complementary", "search"}
"""Roles a screen reader lists as landmarks (NVDA's D key, TalkBack's landmark navigation)."""


def landmarks(page: Any) -> list[tuple[str, str, bool]]:
    """Each landmark of the page as (role, name, whether it lies inside <main>)."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    by_id = {n["nodeId"]: n for n in nodes}

    def role(node: dict[str, Any]) -> str:
        """The node's role."""
        return str(node.get("role", {}).get("value"))

    def in_main(node: dict[str, Any]) -> bool:
        """Whether an ancestor of the node is the main landmark."""
        parent = by_id.get(node.get("parentId", ""))
        while parent is not None:
            if role(parent) == "main":
                return True
            parent = by_id.get(parent.get("parentId", ""))
        return False

    return [
        (role(n), n.get("name", {}).get("value", ""), in_main(n))
        for n in nodes
        if not n.get("ignored") and role(n) in LANDMARKS
    ]


def link_names(page: Any) -> list[str]:
    """The name a screen reader reads for each link on the page."""
    return [n["name"] for n in ax_nodes(page) if n["role"] == "link"]


def test_search_announces_how_many_were_found_not_every_card(look_page: Opener) -> None:
    """The live region holds the status line alone: a screen reader says 'Tìm thấy N bản tin…'
    once, not every result card as the cards are added under it."""
    page, _ = look_page("/tim-kiem/")
    assert search(page, "lua").count() > 0
    regions = page.locator("[aria-live], [role=status], [role=alert], [role=log]")
    found = regions.evaluate_all(
        "els => els.map(e => [e.textContent.trim(), e.querySelectorAll('a, li').length])"
    )
    assert len(found) == 1, found
    text, links = found[0]
    assert text.startswith("Tìm thấy ") and links == 0, found
    outside = "document.querySelector('.search-results').closest('[aria-live], [role=status]')"
    assert page.evaluate(outside) is None


SAID = """() => { window.said = [];
  const regions = [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')];
  const last = new Map(regions.map(r => [r, r.textContent.trim()]));
  new MutationObserver(() => regions.forEach(r => { const text = r.textContent.trim();
    if (text && text !== last.get(r)) window.said.push(text); last.set(r, text); }))
    .observe(document.body, {subtree: true, childList: true, characterData: true}); }"""
"""Records in window.said each text a live region of the page changes to: what a screen reader
is given to read out, in order."""


def test_a_query_typed_key_by_key_is_answered_once_the_typing_stops(look_page: Opener) -> None:
    """A blind reader types on a phone, a key every half second (TalkBack or VoiceOver echoes
    each one): the live region said «Từ khóa quá ngắn…» after the first letter, then «Đang
    tìm…» and a count for «lu», «lua», «lua d»…, each over the reader's typing. It now says one
    thing, the count for what was typed, once the typing has stopped."""
    page, _ = look_page("/tim-kiem/", width=375, mobile=True)
    page.evaluate(SAID)
    page.get_by_label("Từ khóa").press_sequentially("lua dao", delay=500)
    page.wait_for_function("/“lua dao”/.test(document.querySelector('.search-status').textContent)")
    page.wait_for_timeout(2000)  # longer than any pause meant before speaking
    said = page.evaluate("window.said")
    assert len(said) == 1 and said[0].startswith("Tìm thấy ") and "“lua dao”" in said[0], said
    assert said[0] == page.locator(".search-status").inner_text().strip()


def test_a_search_sent_is_answered_at_once(look_page: Opener) -> None:
    """«Tìm» (or the phone keyboard's Go key) is a question asked: its answer is read at once,
    not after the pause kept for typing; a category chosen is answered at once too."""
    page, _ = look_page("/tim-kiem/")
    page.evaluate(SAID)
    page.get_by_label("Từ khóa").fill("lua dao")
    page.get_by_label("Từ khóa").press("Enter")
    page.wait_for_function("window.said.some(t => t.startsWith('Tìm thấy '))", timeout=1000)
    page.get_by_role("combobox", name="Chuyên mục").select_option(label="Kết quả công tác")
    page.wait_for_function("window.said.some(t => t.includes('Kết quả công tác'))", timeout=1000)


def test_more_results_by_keyboard_moves_focus_to_the_first_new_result(look_page: Opener) -> None:
    """'Xem thêm kết quả' pressed with Enter puts focus on the first card it showed, where reading
    goes on; focus is not left on the button, nor lost when the button goes with the last card."""
    page, _ = look_page("/tim-kiem/")
    shown = search(page, "lua").count()
    more = page.get_by_role("button", name="Xem thêm kết quả")
    assert more.is_visible(), "the sample has more results for 'lua' than one page"
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.search-results > li').length > {shown}")
    focused = page.evaluate(
        "n => document.activeElement === document.querySelectorAll('.search-results > li')[n]"
        ".querySelector('a')",
        shown,
    )
    assert focused, page.evaluate("document.activeElement.outerHTML")


@pytest.mark.parametrize("path", ["/", "/lien-he/"])
def test_call_links_say_they_call_and_whom(
    path: str, sample_site: SampleSite, look_page: Opener
) -> None:
    """The unit's tel: links in the footer and the contact card are read 'Gọi khẩn cấp 113',
    'Gọi đường dây nóng …', its posts' 'Gọi Công an xã Tân Phú: …', the officer answering for
    the site's information ([contact.officer]) 'Gọi cán bộ phụ trách thông tin Đại úy …: …':
    in a screen reader's list of links a bare '113' says nothing, and nothing tells that
    activating it dials."""
    contact = tomllib.loads((sample_site.root / "site.toml").read_text("utf-8"))["contact"]
    whom = tuple(f"Gọi {station['name']}: " for station in contact.get("stations", []))
    if "officer" in contact:
        whom += (f"Gọi cán bộ phụ trách thông tin {contact['officer']['name']}: ",)
    page, _ = look_page(path)
    # A number in a bulletin's own sentence ("gọi ngay 113") is read with that sentence.
    page.evaluate("document.querySelectorAll('.prose').forEach(e => e.remove())")
    names = [
        n["name"]
        for n in ax_nodes(page)
        if n["role"] == "link" and str(n["properties"].get("url", "")).startswith("tel:")
    ]
    assert names, "the sample site has an emergency number and a hotline"
    for name in names:
        assert name.startswith(("Gọi khẩn cấp ", "Gọi đường dây nóng ", *whom)), names


def test_the_bolded_emergency_number_in_a_body_dials_when_tapped(look_page: Opener) -> None:
    """The sample's «Gửi phản ánh» says «gọi ngay **113**»: a reader in an emergency taps the
    bold number in that sentence on a phone, and it calls 113 (it was plain text)."""
    page, _ = look_page("/gui-phan-anh/", width=360, height=640, mobile=True)
    sentence = page.locator(".prose p", has_text="Trường hợp khẩn cấp")
    hrefs = [a.get_attribute("href") for a in sentence.get_by_role("link", name="113").all()]
    assert hrefs == ["tel:113"], sentence.inner_html()


@pytest.mark.parametrize("path", ["/", "/lien-he/"])
def test_no_link_of_the_site_is_read_as_a_web_address(path: str, open_page: Opener) -> None:
    """The footer's and the contact card's links are named by what they open ('Trang Zalo Công
    an huyện Châu Thành'), not by an address a screen reader spells out character by character
    ('h t t p s hai chấm…', then the OA's nineteen digits); a printed contact page, where no link
    can be followed, shows the address after the link."""
    page, _ = open_page(path)
    # A bulletin's or page's own text is the editor's: an address written there is read as written.
    page.evaluate("document.querySelectorAll('.prose').forEach(e => e.remove())")
    names = link_names(page)
    assert names
    addresses = [n for n in names if re.search(r"https?:|www\.|zalo\.me|\d{9}", n)]
    assert addresses == []
    zalo = [
        n["name"]
        for n in ax_nodes(page)
        if n["role"] == "link" and "zalo.me/" in str(n["properties"].get("url", ""))
    ]
    assert zalo and all("Trang Zalo" in name for name in zalo), zalo
    if path == "/lien-he/":  # on paper, where nothing is tapped, the card prints the address
        page.emulate_media(media="print")
        after = "getComputedStyle(document.querySelector('.zalo-follow a'), '::after').content"
        assert "https://zalo.me/" in page.evaluate(after)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_landmarks_are_the_page_s_parts_once_each(
    kind: str, sample_site: SampleSite, look_page: Opener
) -> None:
    """A screen reader's list of landmarks is the header, the named menus, the content and the
    footer, each once: the footer's contact list is not a second landmark (a region 'CÔNG AN
    HUYỆN…') inside the footer's own."""
    page, _ = look_page(sample_site.pages[kind])
    outside = [(role, name) for role, name, inside in landmarks(page) if not inside]
    roles = [role for role, _ in outside]
    assert [roles.count(r) for r in ("banner", "main", "contentinfo")] == [1, 1, 1], outside
    assert set(roles) <= {"banner", "navigation", "main", "contentinfo"}, outside
    menus = [name for role, name in outside if role == "navigation"]
    assert all(menus) and len(set(menus)) == len(menus), menus


SYMBOLS = ("#", "‹", "›")
"""Read aloud ('thăng', 'nhỏ hơn'…) when they only decorate a tag, a pager step or a crumb."""


@pytest.mark.parametrize("kind", ["home", "bulletin"])
def test_links_and_crumbs_are_read_without_decorating_symbols(
    kind: str, sample_site: SampleSite, look_page: Opener
) -> None:
    """Tags, pager steps, 'Bài trước'/'Bài sau' and breadcrumb separators are read as words:
    '#', '‹' and '›' are drawn but hidden from screen readers; the older/newer label is followed
    by a pause before the title it names."""
    page, _ = look_page(sample_site.pages[kind])
    nodes = ax_nodes(page)
    noisy = [n["name"] for n in nodes if n["name"] and any(s in n["name"] for s in SYMBOLS)]
    assert noisy == []
    names = link_names(page)
    if kind == "home":
        assert "Trang sau" in names
    else:
        # Chromium puts a space before the hidden colon (it is positioned): spoken the same.
        steps = [n.replace(" :", ":") for n in names if n.startswith(("Bài trước", "Bài sau"))]
        assert steps and all(n.startswith(("Bài trước: ", "Bài sau: ")) for n in steps), steps
        tags = page.locator(".tags a").all_inner_texts()
        assert tags and all(t.lstrip("#") in names for t in tags)


def test_card_thumbnails_are_decorative_and_the_cover_is_described(
    sample_site: SampleSite, look_page: Opener
) -> None:
    """A list is read as titles, dates and summaries: the thumbnail beside each title is
    decorative (alt=""), while the bulletin's own page still describes its cover."""
    page, _ = look_page(sample_site.pages["home"])
    assert page.locator(".card .thumb").count() > 0
    assert [n["name"] for n in ax_nodes(page) if n["role"] in ("image", "img")] == []
    page, _ = look_page(sample_site.pages["bulletin"])
    cover = page.locator(".cover img").get_attribute("alt")
    assert cover
    assert cover in [n["name"] for n in ax_nodes(page) if n["role"] in ("image", "img")]


@pytest.mark.parametrize("kind", ["home", "bulletin", "search", "404"])
def test_skip_link_is_first_shows_and_moves_focus_into_main(
    kind: str, sample_site: SampleSite, look_page: Opener
) -> None:
    """The first Tab reaches 'Bỏ qua, đến nội dung chính', shown on screen; Enter puts focus on
    <main>, so the next Tab is the first link or field of the content, not the menu again."""
    page, _ = look_page(sample_site.pages[kind])
    page.keyboard.press("Tab")
    skip = page.evaluate(
        "(() => { const e = document.activeElement, r = e.getBoundingClientRect();"
        " return [e.textContent, r.top >= 0 && r.bottom <= innerHeight && r.width > 1]; })()"
    )
    assert skip == ["Bỏ qua, đến nội dung chính", True]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("width", [375, 683])
def test_every_category_tabbed_to_is_wholly_on_screen(width: int, look_page: Opener) -> None:
    """On a phone, or a laptop zoomed to 200 % (683 px), the categories are a strip wider than the
    screen: each one reached with Tab is shown whole, its focus ring with it, not left a few
    pixels wide at the edge; a click still opens the category it was aimed at."""
    page, _ = look_page("/", width=width)
    chips = page.locator(".cat-nav a")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link").last.focus()
    seen = []
    for _ in range(chips.count()):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                "(() => { const e = document.activeElement, r = e.getBoundingClientRect();"
                " return [e.textContent, r.left >= 0 && r.right <= innerWidth]; })()"
            )
        )
    assert [name for name, _ in seen] == chips.all_inner_texts()
    assert [name for name, whole in seen if not whole] == [], seen
    page, _ = look_page("/", width=width)
    chip = page.locator(".cat-nav a").nth(1)
    href = chip.get_attribute("href")
    chip.click()
    page.wait_for_url(f"**{href}")


@pytest.mark.parametrize("path", ["/trang/2/", "/the/zalo/"])
def test_the_heading_of_a_list_page_says_which_page_it_is(path: str, look_page: Opener) -> None:
    """Page 2 of a list has its own h1 ('… — trang 2'), as its title has: a screen reader user
    jumping to the heading is not told the same as on page 1; page 1 has no number."""
    page, _ = look_page(path)
    headings = [n["name"] for n in ax_nodes(page) if n["role"] == "heading"]
    level_one = page.locator("h1").inner_text()
    assert level_one in headings
    if "/trang/" in path:
        assert level_one.endswith(" — trang 2") and page.title().startswith(level_one)
    else:
        assert "trang" not in level_one


def test_the_current_page_of_a_pager_is_said_to_be_current_once(look_page: Opener) -> None:
    """On page 2 the pager's '2' is named 'Trang 2' and marked current by aria-current, which a
    screen reader announces on its own (NVDA: 'current page'): its name no longer says it a second
    time ('Trang 2, trang hiện tại'); the other numbers are 'Trang 1', 'Trang 3'…"""
    page, _ = look_page("/trang/2/")
    pager = page.get_by_role("navigation", name="Phân trang")
    current = pager.locator("[aria-current]")
    assert current.count() == 1
    assert current.get_attribute("aria-current") == "page"
    names = [n["name"] for n in ax_nodes(page) if n["role"] == "link"]
    assert [n for n in names if "hiện tại" in n] == []
    assert pager.get_by_role("link", name="Trang 2", exact=True).get_attribute("aria-current")
    assert pager.get_by_role("link", name="Trang 1", exact=True).get_attribute("href") == "/"


def test_a_table_region_is_named_by_the_heading_above_it(look_page: Opener) -> None:
    """The contact page's emergency numbers table scrolls in a region a screen reader lists by
    the heading right above it, not as 'Bảng 1'."""
    page, _ = look_page("/lien-he/")
    regions = [n["name"] for n in ax_nodes(page) if n["role"] == "region"]
    assert "Số điện thoại khẩn cấp" in regions, regions
    assert not [r for r in regions if r.startswith("Bảng ")], regions


def _spoken_text(page: Any) -> list[str]:
    """The text runs a screen reader reads on the page, as Chromium exposes them."""
    return [n["name"] for n in ax_nodes(page) if n["role"] == "StaticText" and n["name"].strip()]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_text_styled_in_capitals_is_read_as_written(
    kind: str, sample_site: SampleSite, look_page: Opener
) -> None:
    """Chromium hands a screen reader the text after `text-transform: uppercase`: the unit's
    name in the header and the footer and a bulletin's category were read «CÔNG AN HUYỆN…»,
    shouted or spelled letter by letter by some readers. Every text run read is the page's own
    text, in the case the unit wrote it (site.toml, the bulletin)."""
    page, _ = look_page(sample_site.pages[kind])
    # A search box's value is read too: the 404 page fills it with the address's words.
    written = page.evaluate(
        "[document.body.textContent, ...[...document.querySelectorAll('input')].map(i => i.value)]"
        ".join(' ').replace(/\\s+/g, ' ')"
    )
    changed = [t for t in _spoken_text(page) if " ".join(t.split()) not in written]
    assert changed == [], changed
    unit = page.locator(".brand-name").text_content()
    assert unit and unit != unit.upper() and unit in _spoken_text(page)
