"""On a 360 px phone, the way from a bulletin to the unit: the «Báo tin cho …» box after the
text, its numbers a tap to call, and the contact page saying which number is for what."""

from __future__ import annotations

import pytest

from publish import config as config_module
from tests.browser.conftest import Opener, SampleSite, drawn_box

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740, "mobile": True}
WARNING = "/2025/06/canh-bao-lua-dao-viec-nhe-luong-cao/"
"""A scam warning of the sample site, read on Zalo and opened on a phone."""


def test_a_warnings_reader_finds_whom_to_tell_right_after_its_text(
    look_page: Opener, sample_site: SampleSite
) -> None:
    """The box is shown, below the bulletin's last paragraph and above the related bulletins;
    its numbers dial the unit's, each link tall enough for an old thumb (24 px, WCAG 2.5.8)."""
    contact = config_module.load(sample_site.root).contact
    page, _ = look_page(WARNING, **PHONE)
    box = page.locator(".report-box")
    assert box.is_visible()
    prose = drawn_box(page.locator(".bulletin .prose"))
    related = drawn_box(page.locator(".related"))
    shown = drawn_box(box)
    assert prose["y"] + prose["height"] <= shown["y"] < related["y"]
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= 360  # no sideways scroll
    links = box.locator("a[href^='tel:']")
    assert links.evaluate_all("ls => ls.map(l => l.textContent)") == [
        contact.emergency,
        contact.hotline,
    ]
    text = box.inner_text()
    assert "đang xảy ra" in text and "Tin báo, tố giác" in text
    assert contact.secrecy in text
    for link in box.locator("a").all():
        assert drawn_box(link)["height"] >= 24, link.text_content()


def test_the_boxs_guide_link_opens_the_page_saying_how_to_send_a_tip(
    open_page: Opener,
) -> None:
    """From the warning, one tap reaches «Gửi phản ánh», whose card says what 113 is for."""
    page, _ = open_page(WARNING, **PHONE)
    page.locator(".report-box a", has_text="Gửi phản ánh").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/gui-phan-anh/")
    card = page.locator(".contact-card")
    assert card.locator("dd.use").first.is_visible()
    assert "Việc đang xảy ra" in card.inner_text()


def test_on_a_wide_screen_each_numbers_use_stands_under_its_number(look_page: Opener) -> None:
    """The card is two columns from 48rem: the use goes under the number, not under «Khẩn cấp»."""
    page, _ = look_page("/lien-he/", width=1280)
    number = drawn_box(page.locator(".contact-card a[href='tel:113']"))
    use = drawn_box(page.locator(".contact-card dd.use").first)
    assert abs(use["x"] - number["x"]) < 2 and use["y"] > number["y"]


def test_paper_leaves_the_box_to_the_printed_contacts(look_page: Opener) -> None:
    """A warning pinned on a board ends with its QR and numbers block: the box, whose links a
    sheet cannot tap, is not printed twice over it."""
    page, _ = look_page(WARNING)
    page.emulate_media(media="print")
    try:
        assert not page.locator(".report-box").is_visible()
        assert page.locator(".print-source").is_visible()
    finally:
        page.emulate_media(media="screen")
