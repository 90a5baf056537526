"""A phone whose pictures do not come (slow 3G giving up, images turned off to save data, a host
that blocks them): no broken-image frames, each picture's box where the picture would have been,
a photo's description in it."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from PIL import Image

from publish import config as config_module
from publish.pipeline import build
from publish.writer import write
from tests.browser.conftest import NOW, REPO, SampleSite, serve
from tests.helpers import bulletin_md, make_project

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 640}
FIGURE_PAGE = "/2022/08/ngay-hoi-toan-dan-bao-ve-an-ninh-to-quoc-tan-nhuan-dong/"
"""A sample bulletin with a photo in its body, its description written under it."""


@pytest.fixture(scope="module")
def open_phone(browser: Any, server: str) -> Iterator[Any]:
    """`open_phone(path, images=False, dark=False)` → the page on a 360 × 640 phone (one page
    per kind for the module, loading each path afresh: see conftest.looking)."""
    pages: dict[tuple[bool, bool], Any] = {}

    def opener(path: str, *, images: bool = False, dark: bool = False) -> Any:
        """The page at `path`; every image request fails unless `images`."""
        if (images, dark) not in pages:
            context = browser.new_context(
                viewport=PHONE,
                is_mobile=True,
                has_touch=True,
                color_scheme="dark" if dark else "light",
                locale="vi-VN",
                service_workers="block",
            )
            if not images:
                context.route(
                    "**/*",
                    lambda r: r.abort() if r.request.resource_type == "image" else r.continue_(),
                )
            pages[images, dark] = context.new_page()
        page = pages[images, dark]
        if page.url.split("#")[0] == server + path:
            page.goto("about:blank")  # a new document, as a new page would load
        page.goto(server + path, wait_until="load")
        return page

    yield opener
    for page in pages.values():
        page.context.close()


def colours(element: Any, inset: int = 3) -> Counter[tuple[int, ...]]:
    """How many pixels of each colour the element shows, its outer `inset` px left out (where
    rounded corners blend into what is around)."""
    element.scroll_into_view_if_needed()
    shot = Image.open(io.BytesIO(element.screenshot(scale="css"))).convert("RGB")
    inner = shot.crop((inset, inset, shot.width - inset, shot.height - inset))
    # Asked for as many colours as it has pixels, getcolors never gives up (None).
    counted = cast("list[tuple[int, tuple[int, ...]]]", inner.getcolors(inner.width * inner.height))
    return Counter({colour: n for n, colour in counted})


def boxes(page: Any, selector: str) -> list[tuple[float, float]]:
    """Width and height of every element `selector` finds."""
    return [
        (b["width"], b["height"])
        for b in page.locator(selector).evaluate_all(
            "els => els.map(e => e.getBoundingClientRect())"
        )
    ]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_a_card_whose_thumbnail_failed_shows_a_plain_box_of_the_same_size(
    open_phone: Any, dark: bool
) -> None:
    """The thumbnail is decorative: failed, it is one quiet colour, no frame nor broken icon,
    and every card keeps the size it has with its picture (nothing jumps when it comes late)."""
    page = open_phone("/", dark=dark)
    thumbs = page.locator("main .card .thumb")
    assert thumbs.count() > 0
    assert not thumbs.first.evaluate("img => img.complete && img.naturalWidth > 0")
    seen = colours(thumbs.first)
    assert len(seen) == 1, f"{len(seen)} colours in a failed thumbnail: {seen.most_common(4)}"
    loaded = open_phone("/", images=True, dark=dark)
    assert boxes(page, "main .card") == boxes(loaded, "main .card")


def test_the_emblem_that_failed_leaves_the_header_as_it_was(open_phone: Any) -> None:
    """No empty frame beside the unit's name, and the name stays where it was."""
    page = open_phone("/")
    mark = page.locator(".brand-mark")
    header = page.locator(".site-header").evaluate(
        "el => getComputedStyle(el).backgroundColor.match(/\\d+/g).map(Number)"
    )
    assert set(colours(mark, inset=0)) == {tuple(header)}
    loaded = open_phone("/", images=True)
    assert boxes(page, ".brand-name") == boxes(loaded, ".brand-name")


def test_a_cover_that_failed_keeps_its_place_and_shows_its_description(
    sample_site: SampleSite, open_phone: Any
) -> None:
    """The cover's 16:9 box stays (the text below does not jump up, then down), filled with one
    quiet colour and the alternative text the editor wrote, instead of a white box with a broken
    icon and the text squeezed in its corner."""
    path = sample_site.pages["bulletin"]
    page = open_phone(path)
    cover = page.locator(".cover img")
    loaded = open_phone(path, images=True)
    assert boxes(page, ".cover img") == boxes(loaded, ".cover img")
    seen = colours(cover)
    background, count = seen.most_common(1)[0]
    assert count > 0.8 * sum(seen.values())
    page_colour = page.locator(".bulletin").evaluate(
        "el => getComputedStyle(el).backgroundColor.match(/\\d+/g).map(Number)"
    )
    assert background != tuple(page_colour)  # a box that shows, not an empty hole
    assert len(seen) > 2  # its description is drawn in it


@pytest.mark.parametrize("path", ["bulletin", "figure"])
def test_a_failed_picture_keeps_its_size_with_the_text_at_200_percent(
    sample_site: SampleSite, open_phone: Any, path: str
) -> None:
    """Chromium lays a failed picture's alternative text out inside it: with the phone's text at
    200 % the cover grew from 183 to 272 px, the text below moved, the picture no longer 16:9.
    A failed picture is the size of the photo, or only as tall as its description needs when
    that is longer (the body photo's, at 200 %), never cut off. Scrolled to first: a lazy
    picture far down the page was never requested, so it had not failed (the check compared
    two boxes of a photo on its way, and failed once the page above it got shorter)."""
    url = {"bulletin": sample_site.pages["bulletin"], "figure": FIGURE_PAGE}[path]
    selector = {"bulletin": ".cover img", "figure": ".prose figure img"}[path]
    sizes, needed = [], 0.0
    for images in (True, False):
        page = open_phone(url, images=images)
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        picture = page.locator(selector)
        picture.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete", arg=picture.element_handle(), timeout=10_000)
        assert picture.evaluate("img => img.naturalWidth > 0") == images
        sizes.append(boxes(page, selector))
        needed = picture.evaluate(DESCRIPTION_HEIGHT)
    (loaded,), (failed,) = sizes
    assert failed[0] == loaded[0]
    # Never cut off, and no taller than the description with its padding once more (≤ 1 rem).
    assert max(loaded[1], needed) - 1 <= failed[1] <= max(loaded[1], needed + 32), (
        loaded,
        failed,
        needed,
    )
    if path == "bulletin":
        assert failed == loaded  # a short description fits the photo's box


DESCRIPTION_HEIGHT = """img => {
    const words = document.createElement('div');
    words.textContent = img.alt;
    words.style.cssText = `position:absolute; visibility:hidden; box-sizing:border-box;
        width:${img.getBoundingClientRect().width}px; padding:.25rem .5rem; font-size:.85rem;
        line-height:1.35`;
    img.parentElement.append(words);
    const height = words.getBoundingClientRect().height;
    words.remove();
    return height;
}"""
"""How tall a failed picture's description is, laid out as the picture draws it (style.css)."""


def test_a_picture_sized_by_hand_keeps_the_photos_shape(browser: Any, tmp_path: Path) -> None:
    """`<img width="200" height="200">` written for a 16:9 photo was drawn 200 × 200, the photo
    stretched: the box held at the size written («contain: size», meant for pictures the build
    sized from the photo itself) kept the browser from taking the photo's own shape."""
    photo = "ngay-hoi-toan-dan.jpg"  # 1200 × 675
    body = (
        f'<img src="images/{photo}" width="200" height="200" alt="Bằng tay">\n\n'
        f"![Từ bản tin](images/{photo})\n"
    )
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/2027-01-09-anh.md": bulletin_md(
                {"date": "2027-01-09 08:00", "slug": "anh"}, body=body
            ),
            f"content/images/{photo}": (REPO / "content" / "images" / photo).read_bytes(),
        },
    )
    result = build(config_module.load(root), channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    context = browser.new_context(viewport=PHONE, is_mobile=True, service_workers="block")
    try:
        with serve(root / "output" / "web") as base:
            page = context.new_page()
            page.goto(base + "/2027/01/anh/", wait_until="load")
            (width, height), (full, tall) = boxes(page, ".prose img")
    finally:
        context.close()
    assert width == 200 and height == pytest.approx(200 * 675 / 1200, abs=1)
    assert tall == pytest.approx(full * 675 / 1200, abs=1)


LONG_ALT = (
    "Cán bộ Công an xã hướng dẫn bà con ấp Đông Hòa cách nhận biết cuộc gọi giả danh cơ quan "
    "Công an, không chuyển tiền cho người lạ và gọi ngay 113 khi nghi ngờ bị lừa đảo"
)
NEEDED = """img => { const s = getComputedStyle(img, '::after'), words = document.createElement('div');
  for (const k of ['fontFamily', 'fontSize', 'lineHeight', 'padding', 'overflowWrap'])
    words.style[k] = s[k];
  words.style.width = img.clientWidth + 'px';
  words.textContent = img.alt;
  document.body.append(words);
  const needed = words.getBoundingClientRect().height;
  words.remove();
  return [needed, img.getBoundingClientRect().height]; }"""
"""(height the failed picture's description takes as its ::after draws it, the picture's height)."""


@pytest.mark.parametrize("text", ["100%", "200%"])
def test_a_long_description_of_a_failed_picture_is_shown_whole(
    browser: Any, tmp_path: Path, text: str
) -> None:
    """A cover or body photo described at length, failed on a phone with its text at 200 %: the
    box held at the photo's size cut the description's end off, so an older reader with large
    text never learnt what the picture showed. The box now grows as far as the words need; a
    short description (and any at 100 %) keeps the photo's size."""
    photo = "ngay-hoi-toan-dan.jpg"  # 1200 × 675
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/2027-01-09-anh.md": bulletin_md(
                {
                    "date": "2027-01-09 08:00",
                    "slug": "anh",
                    "cover": f"images/{photo}",
                    "cover_alt": f'"{LONG_ALT}"',
                },
                body=f"![{LONG_ALT}](images/{photo})\n\n![Ngày hội](images/{photo})\n",
            ),
            f"content/images/{photo}": (REPO / "content" / "images" / photo).read_bytes(),
        },
    )
    result = build(config_module.load(root), channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    context = browser.new_context(viewport=PHONE, is_mobile=True, service_workers="block")
    context.route(
        "**/*", lambda r: r.abort() if r.request.resource_type == "image" else r.continue_()
    )
    try:
        with serve(root / "output" / "web") as base:
            page = context.new_page()
            page.goto(base + "/2027/01/anh/", wait_until="load")
            page.evaluate(f"document.documentElement.style.fontSize = '{text}'")
            pictures = page.locator(".cover img, .prose img")
            assert pictures.count() == 3
            measured = [pictures.nth(i).evaluate(NEEDED) for i in range(3)]
            shapes = pictures.evaluate_all(
                "els => els.map(e => e.clientWidth * e.getAttribute('height') / e.getAttribute('width'))"
            )
    finally:
        context.close()
    for (needed, height), shape in zip(measured, shapes, strict=True):
        assert height >= needed - 1, (measured, shapes)
        # Grown, the box also holds the 16 px broken-image icon Chromium puts before the words.
        assert max(shape, needed) - 1 <= height <= max(shape, needed + 16) + 1, (measured, shapes)
    if text == "200%":
        assert measured[0][1] > shapes[0] + 50  # the long description took more room
    assert measured[2][1] == pytest.approx(shapes[2], abs=1)  # the short one did not
