"""Page weight, images and print: home and bulletin ≤ 60 KB of HTML+CSS+JS from 127.0.0.1 only;
images sized, lazy below the fold, responsive; a bulletin prints on A4 without navigation, black on
white, ending with its URL and QR code beside the unit's numbers."""

from __future__ import annotations

import functools
import io
import re
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest
import zxingcpp
from PIL import Image, ImageOps

from publish import config as config_module
from publish.config import BUILTIN_THEME
from publish.pipeline import build
from publish.writer import write
from tests.browser.conftest import NOW, REPO, Opener, SampleSite, copy_sample, opening, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ViewportSize

pytestmark = pytest.mark.browser

BUDGET = 60_000
TEXT_TYPES = ("document", "stylesheet", "script")


@pytest.mark.parametrize("kind", ["home", "bulletin"])
@pytest.mark.parametrize("width", [375, 1280])
def test_page_weight_without_images_and_no_other_host(
    kind: str, width: int, sample_site: SampleSite, open_page: Opener
) -> None:
    """HTML + CSS + JS transferred stay within 60 KB; every request goes to our own server."""
    page, recorder = open_page(sample_site.pages[kind], width=width)
    page.wait_for_load_state("networkidle")
    text = [r for r in recorder.responses if r.request.resource_type in TEXT_TYPES]
    assert any(r.request.resource_type == "stylesheet" for r in text)
    weight = sum(len(r.body()) for r in text)
    assert weight <= BUDGET, {r.url: len(r.body()) for r in text}
    assert all(h.startswith("127.0.0.1:") for h in recorder.hosts()), recorder.hosts()
    assert all(r.status == 200 for r in recorder.responses), [
        (r.url, r.status) for r in recorder.responses
    ]


STYLES = """() => Array.from(document.querySelectorAll('*'), e => [e.tagName, e.className,
  ...['', '::before', '::after'].map(p => { const s = getComputedStyle(e, p);
    return Array.from(s).sort().map(k => k + ':' + s.getPropertyValue(k)).join(';'); })])"""
"""Every element's computed style, with its ::before and ::after (properties sorted: Chromium lists
custom properties in the order the stylesheet first declared them)."""


RULES = """() => Array.from(document.styleSheets, s => Array.from(s.cssRules,
  r => r.cssText.replace(/\\s*\\n\\s*/g, ' ')))"""
"""Every rule of the page's stylesheets as the browser parsed it (nested @media rules included).
A value holding var() keeps the line breaks it was written with, which the published sheet
drops with its indentation; a CSS string cannot hold a line break, so none is lost."""


def test_the_published_stylesheet_parses_to_the_rules_written(
    sample_site: SampleSite, open_page: Opener
) -> None:
    """The stylesheet is published without its comments (a quarter of its bytes, paid on every
    first visit) and the browser reads from it exactly the rules of the theme's stylesheet as
    written: every page, on a phone, in dark mode and on paper, is styled the same."""
    published = next((sample_site.web / "assets").glob("style.*.css")).read_bytes()
    written = (BUILTIN_THEME / "assets" / "style.css").read_bytes()
    assert b"/*" not in published and len(published) < 0.8 * len(written)
    served: list[bytes] = []
    url = sample_site.pages["bulletin"]
    rules = [_styles(open_page, url, css, served, RULES)[0] for css in (published, written)]
    assert served == [published, written]
    assert sum(map(len, rules[0])) > 100  # the theme's rules, not an empty sheet
    assert rules[0] == rules[1]


def test_a_bulletin_page_is_styled_by_the_published_stylesheet_as_written(
    sample_site: SampleSite, open_page: Opener
) -> None:
    """Every element of a bulletin's page, with its ::before and ::after, on a phone in light and
    dark mode and on paper, has the same computed style with either stylesheet."""
    published = next((sample_site.web / "assets").glob("style.*.css")).read_bytes()
    written = (BUILTIN_THEME / "assets" / "style.css").read_bytes()
    url = sample_site.pages["bulletin"]
    seen = [_styles(open_page, url, css, [], DIGEST % STYLES) for css in (published, written)]
    if seen[0] != seen[1]:  # the styles themselves, to show which element differs and how
        styles = [_styles(open_page, url, css, [], STYLES) for css in (published, written)]
        assert styles[0] == styles[1]
    assert seen[0] == seen[1]


DIGEST = """async () => {
  const bytes = new TextEncoder().encode(JSON.stringify((%s)()));
  return [bytes.length, Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))];
}"""
"""The SHA-256 of `script`'s answer (and its length) in place of the answer: a page's styles, 15 MB
per medium, cost CPU carried to Python (the browser's JSON, the driver's, Python's); equal digests
are equal styles."""


def _styles(open_page: Any, url: str, css: bytes, served: list[bytes], script: str) -> list[Any]:
    """`script`'s answer on the page at `url` styled by `css`, on a phone's screen in light and
    dark mode and on paper."""
    page, _ = open_page(url, width=375, javascript=False)
    page.route("**/assets/style.*.css", functools.partial(_fulfil, css, served))
    page.reload(wait_until="load")
    styles = []
    for media, scheme in (("screen", "light"), ("screen", "dark"), ("print", "light")):
        page.emulate_media(media=media, color_scheme=scheme)
        styles.append(page.evaluate(script))
    return styles


def _fulfil(css: bytes, served: list[bytes], route: Any) -> None:
    """Answer a request for the stylesheet with `css` (and note it in `served`)."""
    served.append(css)
    route.fulfill(body=css, content_type="text/css")


@pytest.mark.parametrize("kind", ["home", "long-word", "category", "search", "archive"])
def test_nothing_is_wider_than_a_phone_screen(
    kind: str, sample_site: SampleSite, look_page: Opener
) -> None:
    """At 375 px no page scrolls sideways, even with a scam domain in a title and its body."""
    page, _ = look_page(sample_site.pages[kind], width=375)
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], widths


@pytest.mark.parametrize("kind", ["home", "bulletin", "category"])
def test_images_are_sized_lazy_below_the_fold_and_responsive(
    kind: str, sample_site: SampleSite, look_page: Opener
) -> None:
    """Every image has width and height; those below the first screen load lazily; photos have srcset."""
    page, _ = look_page(sample_site.pages[kind], width=375)
    images = page.locator("main img")
    assert images.count() > 0
    fold = cast("ViewportSize", page.viewport_size)["height"]  # look_page gives every page one
    below = 0
    for i in range(images.count()):
        img = images.nth(i)
        assert img.get_attribute("width") and img.get_attribute("height"), img.evaluate(
            "e => e.outerHTML"
        )
        assert img.get_attribute("srcset"), img.evaluate("e => e.outerHTML")
        top = img.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
        if top > fold:
            below += 1
            assert img.get_attribute("loading") == "lazy", img.evaluate("e => e.outerHTML")
    if kind != "bulletin":
        assert below > 0


@pytest.mark.parametrize(
    ("width", "scale", "variant"), [(360, 2, 240), (412, 2, 240), (1280, 2, 480)]
)
def test_card_thumbnails_load_the_smallest_photo_that_fills_them(
    width: int, scale: int, variant: int, sample_site: SampleSite, browser: Browser, server: str
) -> None:
    """A cheap phone (360 or 412 CSS px at twice the pixels) loads 240 px thumbnails on a list
    page, not the 480 px ones (8 KB more a card); a desktop's 10rem thumbnail still gets 480,
    and the thumbnail is as wide as the `sizes` it announces."""
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        device_scale_factor=scale,
        is_mobile=width < 768,
        has_touch=width < 768,
    )
    try:
        page = context.new_page()
        page.goto(server + sample_site.pages["home"], wait_until="load")
        thumbs = page.locator("main img.thumb")
        assert thumbs.count() > 0
        for i in range(thumbs.count()):
            thumb = thumbs.nth(i)
            thumb.scroll_into_view_if_needed()
            thumb.evaluate("e => e.decode()")
            shown = thumb.evaluate("e => [e.currentSrc, e.getBoundingClientRect().width]")
            assert re.search(rf"-{variant}\.[0-9a-f]{{8}}\.jpg$", shown[0]), shown
            assert shown[1] == (104 if width < 768 else 160), shown
    finally:
        context.close()


def test_bulletin_prints_on_a4_without_navigation_with_url_and_qr(
    sample_site: SampleSite, open_page: Opener
) -> None:
    """Print media hides the navigation and shows the page's address and QR code at a readable size."""
    page, _ = open_page(sample_site.pages["bulletin"])
    qr = page.locator(".print-source svg")
    assert not qr.is_visible()
    page.emulate_media(media="print")
    for selector in (".site-nav", ".cat-nav", ".breadcrumbs", ".prev-next", ".related"):
        located = page.locator(selector)
        assert located.count() == 0 or not located.first.is_visible(), selector
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box and box["width"] >= 90 and box["height"] >= 90  # ≈ 24 mm or more: scannable
    address = page.locator(".print-source .print-url").inner_text()
    assert sample_site.pages["bulletin"] in address and address.startswith(
        "Xem bài trực tuyến: https://"
    )
    assert _decoded(qr) == address.removeprefix("Xem bài trực tuyến: ")
    size = page.locator(".prose p").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 16  # 12 pt: a notice board is read standing, often by older residents
    assert page.locator("article.bulletin h1").is_visible()
    out = REPO / "test-artifacts" / "bulletin-a4.pdf"
    pdf = page.pdf(path=str(out), format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")
    media_boxes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert media_boxes and all(
        abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in media_boxes
    )


def _decoded(qr: Any) -> str | None:
    """The text of the QR code `qr` as the browser draws it (the white page around it completes
    the quiet zone), or None when no reader finds one."""
    drawn = ImageOps.expand(Image.open(io.BytesIO(qr.screenshot())).convert("L"), 40, 255)
    # One format is taken as well as a set (its docstring); the stub leaves it out.
    found = zxingcpp.read_barcode(drawn, formats=zxingcpp.BarcodeFormat.QRCode)  # type: ignore[arg-type]
    return found.text if found is not None else None


MM = 96 / 25.4
"""CSS px in a millimetre."""
A4_TEXT_WIDTH = round((210 - 2 * 16) * MM)
"""An A4 sheet less the print stylesheet's 16 mm side margins, in CSS px: the width Chromium lays
a page out at to print it."""
SCAM_WARNING = "/2022/05/canh-bao-gia-danh-cong-an-goi-dien-lua-dao/"
"""The sample's warning against callers posing as police (600 words, a cover, a quote, the
unit's numbers): what a commune prints for its hamlets' notice boards."""


def _on_a4(open_page: Any, path: str) -> Any:
    """The page at `path` laid out as Chromium prints it on A4."""
    page, _ = open_page(path, width=A4_TEXT_WIDTH)
    page.emulate_media(media="print")
    return page


def test_a_printed_warning_ends_with_its_qr_code_beside_the_units_numbers(
    sample_site: SampleSite, open_page: Opener
) -> None:
    """On A4 the QR code stays 30 mm wide beside the bulletin's long address (it shrank to 19 mm,
    too small to scan on a notice board) and reads back as that address; beside it the unit's
    name, hotline, emergency number, address and Zalo page, printed once: the site's footer,
    saying the same, is not printed below."""
    contact = config_module.load(sample_site.root).contact
    page = _on_a4(open_page, SCAM_WARNING)
    qr = page.locator(".print-source svg")
    box = qr.bounding_box()
    assert box and box["width"] >= 29 * MM and box["height"] >= 29 * MM, box
    assert _decoded(qr) == f"https://congan-chauthanh.example.vn{SCAM_WARNING}"
    printed = page.locator(".print-source").inner_text()
    assert printed.startswith(f"Công an huyện Châu Thành · Đường dây nóng: {contact.hotline}")
    for line in (
        f"Khẩn cấp: {contact.emergency}",
        f"Địa chỉ: {contact.address}",
        "Zalo: https://zalo.me/2463951837402251183",
        f"Xem bài trực tuyến: https://congan-chauthanh.example.vn{SCAM_WARNING}",
    ):
        assert line in printed, line
    hotline = page.locator(".print-unit")
    assert hotline.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 16  # 12 pt
    assert not page.locator(".site-footer").is_visible()


def test_a_scam_warning_prints_on_two_a4_sheets(open_page: Opener) -> None:
    """The sample's scam warning, QR code and contacts included, fills two A4 sheets, not three:
    its 90 mm cover and the site's footer (pushed alone onto a third sheet) made it three."""
    page, _ = open_page(SCAM_WARNING)
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)) == 2


PRINTED_TEXT = """() => { const seen = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || !parent.checkVisibility()) continue;
    seen.push([getComputedStyle(parent).color, walker.currentNode.textContent.trim().slice(0, 40)]);
  }
  for (const cell of document.querySelectorAll('.prose td, .prose th'))
    seen.push([getComputedStyle(cell).borderTopColor, 'viền bảng: ' + cell.textContent.trim()]);
  return seen; }"""
"""[colour, words] of every text on the printed page, and of every table cell's border."""


@pytest.mark.parametrize(
    "path",
    [
        SCAM_WARNING,  # the category over the title, the date, a quote
        "/2022/12/tong-ket-cong-tac-cong-an-nam-2022/",  # a table of figures
        "/2022/08/ngay-hoi-toan-dan-bao-ve-an-ninh-to-quoc-tan-nhuan-dong/",  # a photo's caption
    ],
)
def test_printed_bulletins_are_black_on_white_for_a_black_and_white_printer(
    path: str, open_page: Opener
) -> None:
    """Every word of a printed bulletin is black (the date, the caption and the quote were grey,
    the category red: a black-and-white printer dithers them into a fuzzy grey), and a table's
    lines are dark enough to see on paper."""
    page = _on_a4(open_page, path)
    seen = page.evaluate(PRINTED_TEXT)
    assert len(seen) > 30  # the page's words, not an empty one
    text = [(colour, words) for colour, words in seen if not words.startswith("viền bảng: ")]
    assert [item for item in text if item[0] != "rgb(0, 0, 0)"] == []
    lines = [_channel(colour) for colour, words in seen if words.startswith("viền bảng: ")]
    assert all(level <= 0x60 for level in lines), lines


def _channel(colour: str) -> int:
    """The brightest of the red, green and blue of a computed `rgb(…)` colour."""
    return max(int(value) for value in re.findall(r"\d+", colour)[:3])


def test_a_page_prints_the_units_contacts_in_its_footer(
    sample_site: SampleSite, open_page: Opener
) -> None:
    """A page that is no bulletin (no QR block) still prints the footer's contacts, and its Zalo
    link as an address to type, not «Quan tâm Trang Zalo …» alone."""
    page = _on_a4(open_page, sample_site.pages["page"])
    footer = page.locator(".site-footer")
    assert footer.is_visible()
    assert "Đường dây nóng: " in footer.inner_text()
    zalo = page.locator(".contact-list a[href^='https://zalo.me/']")
    printed = zalo.evaluate("e => getComputedStyle(e, '::after').content")
    assert printed == f'" ({zalo.get_attribute("href")})"'


def _pdf_object(pdf: bytes, number: bytes) -> tuple[bytes, bytes]:
    """The dictionary of object `number` of a PDF Chromium wrote, and its stream inflated (b""
    when it has none)."""
    found = re.search(rb"(?<![0-9])%s 0 obj\s*(.*?)(stream\r?\n|endobj)" % number, pdf, re.DOTALL)
    assert found is not None, number
    if found[2] == b"endobj":
        return found[1], b""
    length = re.search(rb"/Length (\d+)", found[1])
    assert length is not None
    data = pdf[found.end() : found.end() + int(length[1])]
    return found[1], zlib.decompress(data) if b"/FlateDecode" in found[1] else data


HEX = rb"<([0-9A-Fa-f]+)>"


def _unicode_of(cmap: bytes) -> dict[int, str]:
    """A font's ToUnicode map: the text each glyph code shows (its bfchar and bfrange lines)."""
    table = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.DOTALL):
        for code, text in re.findall(HEX + rb"\s*" + HEX, block):
            table[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.DOTALL):
        for low, high, first in re.findall(HEX + rb"\s*" + HEX + rb"\s*" + HEX, block):
            start = bytes.fromhex(first.decode()).decode("utf-16-be")
            for offset in range(int(high, 16) - int(low, 16) + 1):
                table[int(low, 16) + offset] = start[:-1] + chr(ord(start[-1]) + offset)
    return table


def _sheets(pdf: bytes) -> list[str]:
    """The text each sheet of a PDF Chromium printed shows, in the order it draws it (no space
    where a line wraps, a no-break space as a space): its glyphs read through their fonts'
    ToUnicode maps, as a PDF reader copies them (no poppler needed)."""
    kids = re.search(rb"/Type /Pages\b.*?/Kids \[([^\]]*)\]", pdf, re.DOTALL)
    assert kids is not None
    sheets = []
    for page in re.findall(rb"(\d+) 0 R", kids[1]):
        head, _ = _pdf_object(pdf, page)
        fonts = {}
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", head):
            font, _ = _pdf_object(pdf, number)
            cmap = re.search(rb"/ToUnicode (\d+) 0 R", font)
            assert cmap is not None, font
            # A composite font (Identity-H) shows two bytes a glyph, a simple one one.
            fonts[name] = (_unicode_of(_pdf_object(pdf, cmap[1])[1]), 2 if b"/Type0" in font else 1)
        contents = re.search(rb"/Contents (\d+) 0 R", head)
        assert contents is not None, head
        shown: list[str] = []
        table: dict[int, str] = {}
        width = 1
        for name, written in re.findall(
            rb"/(F\d+) [\d.]+ Tf|" + HEX + rb"\s*Tj", _pdf_object(pdf, contents[1])[1]
        ):
            if name:
                table, width = fonts[name]
                continue
            codes = bytes.fromhex(written.decode())
            shown += (
                table.get(int.from_bytes(codes[i : i + width], "big"), "\ufffd")
                for i in range(0, len(codes), width)
            )
        sheets.append("".join(shown).replace("\xa0", " "))
    return sheets


def test_every_sheet_of_a_printed_warning_ends_with_the_units_numbers(
    sample_site: SampleSite, open_page: Opener
) -> None:
    """Each sheet of a two-sheet warning carries, in its bottom margin, the unit's short name,
    hotline and emergency number and «Trang 1/2»: the first sheet pinned alone on a notice board
    had no number to call (the QR block says them on the last one only). A page that is no
    bulletin prints as before, without them."""
    config = config_module.load(sample_site.root)
    contact = config.contact
    foot = (
        f"{config.unit.short_name} · Đường dây nóng: {contact.hotline} · "
        f"Khẩn cấp: {contact.emergency}"
    )
    page, _ = open_page(SCAM_WARNING)
    sheets = _sheets(page.pdf(format="A4", print_background=False))
    assert len(sheets) == 2
    for number, sheet in enumerate(sheets, start=1):
        assert foot in sheet and f"Trang {number}/2" in sheet, sheet[:300]
    assert "Cảnh báo thủ đoạn giả danh Công" in sheets[0]  # the sheets' words, read right
    page, _ = open_page(sample_site.pages["page"])
    printed = _sheets(page.pdf(format="A4", print_background=False))
    assert printed and not any(foot in sheet or "Trang 1/" in sheet for sheet in printed)


def test_a_link_written_as_its_address_prints_it_once(open_page: Opener) -> None:
    """«tinnhiemmang.vn» linked to https://tinnhiemmang.vn printed «tinnhiemmang.vn
    (https://tinnhiemmang.vn)»: now once. A link named in words still prints its address after
    them, for a reader to type."""
    page, _ = open_page("/2025/06/canh-bao-lua-dao-viec-nhe-luong-cao/")
    printed = "".join(_sheets(page.pdf(format="A4", print_background=False)))
    assert "cảnh báo lừa đảo tại tinnhiemmang.vn." in printed
    assert "(https://tinnhiemmang.vn)" not in printed
    page, _ = open_page(SCAM_WARNING)
    printed = "".join("".join(_sheets(page.pdf(format="A4", print_background=False))).split())
    assert "côngnghệcao(https://canhbao.khonggianmang.vn)." in printed


HOSTILE_NAME = 'Công an "Châu Thành" \\ </style><script>document.title = "x"</script>'
"""A short name in site.toml with what would end a CSS string (a quote, a backslash) and the
<style> element, were it written into the bulletin's @page rule as it is."""
HOSTILE_HOTLINE = '0277 3610 113 "; } } body { display: none } @page { @bottom-left { content: "'
"""A hotline whose text would end the rule's string and hide every printed word."""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site's web output, built with HOSTILE_NAME and HOSTILE_HOTLINE in site.toml."""
    root = copy_sample(tmp_path_factory.mktemp("hostile-print"))
    toml = (root / "site.toml").read_text("utf-8")
    toml = toml.replace('short_name = "Công an Châu Thành"', f"short_name = '{HOSTILE_NAME}'")
    toml = toml.replace('hotline = "0277 3610 113"', f"hotline = '{HOSTILE_HOTLINE}'")
    assert HOSTILE_NAME in toml and HOSTILE_HOTLINE in toml
    (root / "site.toml").write_text(toml, "utf-8")
    result = build(config_module.load(root), channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    return root / "output" / "web"


def test_a_quote_or_backslash_in_the_units_name_or_hotline_prints_as_written(
    hostile_site: Path, browser: Browser
) -> None:
    """A name or hotline holding a quote, a backslash or «</style>» prints on every sheet as
    written, and ends neither the margin's CSS string nor the <style> element: no rule or
    element is added, the bulletin's words still print."""
    with serve(hostile_site) as base, opening(browser, base) as open_hostile_page:
        page, _ = open_hostile_page(SCAM_WARNING)
        rules = page.evaluate(
            """() => Array.from(document.querySelectorAll('style'),
                s => [s.parentElement.tagName, Array.from(s.sheet.cssRules, r => r.cssText)])"""
        )
        assert len(rules) == 1 and rules[0][0] == "HEAD" and len(rules[0][1]) == 1, rules
        assert rules[0][1][0].startswith("@page {"), rules
        assert page.title().startswith("Cảnh báo thủ đoạn giả danh")
        sheets = _sheets(page.pdf(format="A4", print_background=False))
    assert len(sheets) >= 2
    # Two lines in the margin now: compared without the spaces where they wrap.
    foot = "".join(f"{HOSTILE_NAME} · Đường dây nóng: {HOSTILE_HOTLINE} · Khẩn cấp: 113".split())
    for number, sheet in enumerate(sheets, start=1):
        assert foot in "".join(sheet.split()) and f"Trang {number}/{len(sheets)}" in sheet
    assert "Cảnh báo thủ đoạn giả danh Công" in sheets[0]
