"""The icon a phone puts on its home screen when a visitor adds the site: a 180 px PNG drawn from
the theme's favicon.svg (iOS and many Android browsers take no SVG there, and used a screenshot
of the page instead). Pillow draws no SVG, so the PNG is kept in templates/assets/; this test
draws the SVG in Chromium and compares, and `--update-golden` writes the PNG again."""

from __future__ import annotations

import base64
import io
import re
from typing import TYPE_CHECKING

import pytest
from PIL import Image, ImageChops, ImageStat

from tests.browser.conftest import REPO, Opener, SampleSite

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

ASSETS = REPO / "templates" / "assets"
ICON = ASSETS / "apple-touch-icon.png"
SIZE = 180
MARGIN = 20
"""White around the shield: iOS rounds the icon's corners, and fills a transparent one black."""


def drawn_from_svg(browser: Browser) -> Image.Image:
    """favicon.svg drawn by Chromium on white, as the home-screen icon should look."""
    svg = base64.b64encode((ASSETS / "favicon.svg").read_bytes()).decode("ascii")
    side = SIZE - 2 * MARGIN
    html = (
        '<body style="margin:0;background:#fff"><img alt="" style="display:block;'
        f'margin:{MARGIN}px;width:{side}px;height:{side}px" src="data:image/svg+xml;base64,{svg}">'
    )
    page = browser.new_page(viewport={"width": SIZE, "height": SIZE})
    try:
        page.set_content(html, wait_until="load")
        shot = page.screenshot()
    finally:
        page.close()
    return Image.open(io.BytesIO(shot)).convert("RGB")


def test_the_home_screen_icon_is_the_favicon_drawn_on_white(
    browser: Browser, update_golden: bool
) -> None:
    """The PNG shows what favicon.svg shows (a changed shield is not left with an old icon)."""
    drawn = drawn_from_svg(browser)
    if update_golden:
        out = io.BytesIO()
        drawn.quantize(64).save(out, "PNG", optimize=True)
        ICON.write_bytes(out.getvalue())
        pytest.skip(f"{ICON} rewritten; look at it")
    with Image.open(ICON) as kept:
        assert kept.size == (SIZE, SIZE)
        assert "A" not in kept.getbands() and "transparency" not in kept.info
        difference = ImageStat.Stat(ImageChops.difference(kept.convert("RGB"), drawn)).mean
    assert max(difference) < 2, difference


def test_every_page_names_the_home_screen_icon(
    sample_site: SampleSite, look_page: Opener, server: str
) -> None:
    """A phone asked to add the site to its home screen finds a 180 × 180 PNG to use."""
    for kind in ("home", "bulletin", "404"):
        page, _ = look_page(sample_site.pages[kind], width=375)
        href = page.locator('link[rel="apple-touch-icon"]').get_attribute("href")
        assert href and re.fullmatch(r"/assets/apple-touch-icon\.[0-9a-f]{8}\.png", href), href
        assert page.locator('link[rel="apple-touch-icon"]').get_attribute("sizes") == "180x180"
        response = page.request.get(server + href)
        assert response.status == 200
        with Image.open(io.BytesIO(response.body())) as icon:
            assert (icon.format, icon.size) == ("PNG", (SIZE, SIZE))
