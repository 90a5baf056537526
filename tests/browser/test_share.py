"""The «Chia sẻ bài này» button of a bulletin: a phone's own share sheet (where readers send a
warning on to Zalo), else the page's address copied; no button without script."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import Opener, SampleSite

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

NO_SHARE_SHEET = "Object.defineProperty(Navigator.prototype, 'share', {value: undefined});"
"""A browser without the Web Share API (desktop Chromium on Linux has none; said so, not assumed)."""
SHARE_SHEET = (
    "Object.defineProperty(Navigator.prototype, 'share', {value: function (data) {"
    " window.shared = data; return Promise.resolve(); }});"
)
"""A phone's share sheet, recording what it was handed."""


def reopened(page: Page, script: str) -> None:
    """`page` loaded again with `script` run before the page's own."""
    page.context.add_init_script(script)
    page.reload(wait_until="load")


def test_without_a_share_sheet_the_button_copies_the_address(
    sample_site: SampleSite, open_page: Opener, server: str
) -> None:
    page, recorder = open_page(sample_site.pages["bulletin"])
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    reopened(page, NO_SHARE_SHEET)
    button = page.get_by_role("button", name="Chia sẻ bài này")
    assert button.is_visible()
    button.click()
    status = page.locator(".share-status[role=status]")
    status.filter(has_text="Đã chép địa chỉ bài").wait_for()
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical and canonical.startswith("https://")
    assert page.evaluate("navigator.clipboard.readText()") == canonical
    assert not recorder.errors


def test_on_a_phone_the_share_sheet_gets_the_title_and_address(
    sample_site: SampleSite, open_page: Opener
) -> None:
    page, recorder = open_page(sample_site.pages["bulletin"], width=375, mobile=True)
    reopened(page, SHARE_SHEET)
    page.get_by_role("button", name="Chia sẻ bài này").click()
    page.wait_for_function("window.shared !== undefined")
    shared = page.evaluate("window.shared")
    title = page.locator("article.bulletin h1").inner_text()
    assert shared == {
        "title": title,
        "url": page.locator("link[rel=canonical]").get_attribute("href"),
    }
    assert not recorder.errors


def test_without_script_or_paper_no_share_button_shows(
    sample_site: SampleSite, open_page: Opener
) -> None:

    page, _ = open_page(sample_site.pages["bulletin"], javascript=False)
    assert page.locator(".share").count() == 1 and not page.locator(".share").is_visible()
    page, _ = open_page(sample_site.pages["bulletin"])
    page.emulate_media(media="print")
    assert not page.locator(".share").is_visible()
