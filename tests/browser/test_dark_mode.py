"""A phone set to dark mode: the site follows it on screen, every page type still passes axe-core
(contrast included), and paper stays white."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, cast

import pytest
from PIL import Image

from publish.render.web.qr import BORDER
from tests.browser.conftest import Opener, SampleSite
from tests.browser.test_pages import PAGE_TYPES, axe_violations

pytestmark = pytest.mark.browser

LUMINANCE = """el => {
  const rgb = getComputedStyle(el).backgroundColor.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lin = rgb.map(c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}"""
"""The relative luminance (WCAG) of an element's own background colour: 0 black, 1 white."""


@pytest.fixture(scope="module")
def open_dark(browser: Any, server: str) -> Iterator[Any]:
    """`open_dark(path, media="screen")` → a page on a 360 × 640 phone set to dark mode (one page
    per medium for the module, loading each path afresh: see conftest.looking)."""
    pages: dict[str, Any] = {}

    def opener(path: str, media: str = "screen") -> Any:
        """The page at `path`, its media emulated as `media`."""
        if media not in pages:
            context = browser.new_context(
                viewport={"width": 360, "height": 640},
                is_mobile=True,
                has_touch=True,
                color_scheme="dark",
                locale="vi-VN",
                service_workers="block",
            )
            pages[media] = context.new_page()
            pages[media].emulate_media(media=media, color_scheme="dark")
        page = pages[media]
        page.goto(server + path, wait_until="load")
        return page

    yield opener
    for page in pages.values():
        page.context.close()


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_a_phone_in_dark_mode_gets_a_dark_page_that_passes_axe(
    kind: str, sample_site: SampleSite, open_dark: Any
) -> None:
    """The page, and the white boxes it draws its text on (cards, the bulletin), turn dark, and
    axe-core finds no text too faint on them."""
    page = open_dark(sample_site.pages[kind])
    assert page.locator("body").evaluate(LUMINANCE) < 0.05
    for box in page.locator("main .card, main .bulletin, main .page").all()[:3]:
        assert box.evaluate(LUMINANCE) < 0.05, box.inner_text()[:80]
    problems = axe_violations(page)
    assert problems == [], "\n".join(problems)


def test_a_bulletin_printed_from_a_phone_in_dark_mode_is_black_on_white(
    sample_site: SampleSite, open_dark: Any
) -> None:
    """Paper is not dark: printing in dark mode would spend a cartridge on the background."""
    page = open_dark(sample_site.pages["bulletin"], media="print")
    for selector in ("body", "main .bulletin"):
        assert page.locator(selector).first.evaluate(LUMINANCE) > 0.9, selector


def test_the_zalo_qr_code_keeps_a_light_quiet_zone_of_four_modules_in_dark_mode(
    sample_site: SampleSite, open_dark: Any
) -> None:
    """A QR code needs 4 light modules around it (ISO/IEC 18004) for a phone to find it; the SVG
    draws only BORDER of them, the white page the rest, which dark mode took away."""
    page = open_dark(sample_site.pages["follow"])
    qr = page.locator(".qr-zalo")
    qr.evaluate("svg => svg.scrollIntoView({block: 'center'})")  # its quiet zone in view too
    # Where the code's modules are drawn, in CSS px of the viewport, and one module's size.
    left, top, size, module = qr.evaluate(
        """(svg, border) => {
          const r = svg.getBoundingClientRect(), s = getComputedStyle(svg);
          const px = name => parseFloat(s[name]);
          const width = r.width - px("paddingLeft") - px("paddingRight")
            - px("borderLeftWidth") - px("borderRightWidth");
          const module = width / svg.viewBox.baseVal.width;
          return [r.left + px("paddingLeft") + px("borderLeftWidth") + border * module,
                  r.top + px("paddingTop") + px("borderTopWidth") + border * module,
                  width - 2 * border * module, module];
        }""",
        BORDER,
    )
    quiet = 4 * module
    shot = Image.open(
        io.BytesIO(
            page.screenshot(
                clip={
                    "x": left - quiet,
                    "y": top - quiet,
                    "width": size + 2 * quiet,
                    "height": size + 2 * quiet,
                },
                scale="css",
            )
        )
    ).convert("L")
    inner = round(quiet) - 1  # a pixel off the code's edge, which anti-aliasing may blur
    ring = [
        cast("int", shot.getpixel((x, y)))  # a greyscale ("L") image's pixel
        for y in range(shot.height)
        for x in range(shot.width)
        if not (inner <= x < shot.width - inner and inner <= y < shot.height - inner)
    ]
    assert len(ring) > 0 and min(ring) > 200, (
        f"darkest pixel within 4 modules ({quiet:.1f} px) of the code: {min(ring)}"
    )


MARKED_AND_NEIGHBOUR = """sel => {
  const marked = document.querySelector(sel + '[aria-current]');
  const other = [...document.querySelectorAll(sel)].find(a => !a.hasAttribute('aria-current'));
  const look = e => { const s = getComputedStyle(e);
    return [s.backgroundColor, s.color, s.borderTopColor, s.borderTopWidth, s.textDecorationLine]; };
  return [look(marked), look(other), getComputedStyle(document.body).backgroundColor];
}"""
"""How the item marked current and one beside it are drawn, and the page's own background."""


@pytest.mark.parametrize(
    ("path", "items"),
    [
        ("/chuyen-muc/ket-qua-cong-tac/", ".cat-nav a"),
        ("/gioi-thieu/", ".site-nav .nav-menu a"),
        ("/trang/2/", ".pagination li a"),
    ],
)
def test_in_a_high_contrast_theme_the_current_item_is_still_marked(
    path: str, items: str, look_page: Opener
) -> None:
    """Windows' contrast themes (a reader with low vision) replace the site's colours with the
    system's: the category chip, the menu item and the page number a reader is on were marked
    by their background alone, and looked like every other one. They are drawn in the system's
    colours for a selected item, which the theme keeps apart from the page and from links."""
    page, _ = look_page(path)
    page.emulate_media(forced_colors="active")
    try:
        marked, other, canvas = page.evaluate(MARKED_AND_NEIGHBOUR, items)
    finally:
        page.emulate_media(forced_colors="none")
    assert marked[0] not in (other[0], canvas, "rgba(0, 0, 0, 0)"), (marked, other, canvas)
    assert marked[1] != other[1], (marked, other)


CALL_NOW = """() => {
  const style = getComputedStyle(document.querySelector(".site-header .call-now"));
  return [style.borderTopStyle, style.borderTopWidth, style.borderTopColor,
          getComputedStyle(document.querySelector(".site-header")).backgroundColor,
          document.documentElement.scrollWidth <= document.documentElement.clientWidth];
}"""
"""The emergency button's border, the header's background behind it, whether the page fits."""


@pytest.mark.parametrize("width", [360, 1280])
def test_in_a_high_contrast_theme_the_emergency_call_is_still_a_button(
    width: int, look_page: Opener
) -> None:
    """«Khẩn cấp 113» is a button by its gold background alone; a contrast theme takes the
    background away and it was two words beside the unit's name. It gets a border there, in a
    colour that is not the header's, and the page still fits a phone; without the theme, none
    (the button is as before)."""
    page, _ = look_page("/", width=width, mobile=width < 1000)
    page.emulate_media(forced_colors="active")
    try:
        style, border, colour, header, fits = page.evaluate(CALL_NOW)
    finally:
        page.emulate_media(forced_colors="none")
    assert (style, border, fits) == ("solid", "2px", True)
    assert colour not in (header, "rgba(0, 0, 0, 0)"), (colour, header)
    assert page.evaluate(CALL_NOW)[:2] == ["none", "0px"]
