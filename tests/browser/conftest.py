"""Browser suite fixtures: the sample site built once, a static server on 127.0.0.1, Chromium.

The browser is Debian's Chromium driven by Playwright (never `playwright install`). Without it
the tests skip with the reason; with PUBLISH_REQUIRE_BROWSER=1 (CI) they fail instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import io
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest

from publish import config as config_module
from publish.pipeline import build
from publish.writer import write
from tests.helpers import accept_names, bulletin_md

if TYPE_CHECKING:  # Playwright is imported only where a browser runs: it may be missing
    from playwright.sync_api import Browser, BrowserContext, FloatRect, Locator, Page, Response

REPO = Path(__file__).resolve().parents[2]
HEADLESS_SHELL = Path("/usr/lib/chromium/chromium-headless-shell")
"""Debian's chromium-headless-shell: the same Blink, V8 and version as its chromium, without the
desktop browser around them (Playwright's own headless default). Each new page cost the full
browser ~1 s of CPU in three renderer processes and its profile's services; the shell starts
one. The browser suite in one process: Chromium and its driver 407 → 150 s of CPU, 275 → 154 s
of wall time, every test passing on both. Preferred when installed (CI installs it)."""
CHROMIUM = Path("/usr/bin/chromium")
"""Debian's launcher: a shell script that sources /etc/chromium.d/* and runs CHROMIUM_BINARY."""
CHROMIUM_BINARY = Path("/usr/lib/chromium/chromium")
"""The browser itself, launched directly when there. Through the launcher, each launch said
«/usr/bin/chromium: 9: [: 23572185088: unexpected operator»: /etc/chromium.d/dev-shm reads
`findmnt -bnr -o avail -T /dev/shm` into an unquoted `[ $shm_avail -lt … ]` (its line 9), and
where /dev/shm is mounted twice findmnt prints two sizes. Nothing the tests need is lost: the
launcher's other flags are a desktop's (extensions, GPU rasterization, media router, pings,
API keys), and Playwright passes --disable-dev-shm-usage, the one that file may add, itself."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NOW = dt.datetime(2027, 1, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
LONG_WORD = "dichvucongbocongangovvnxacthucdinhdanhdientu-capnhat.online"
"""A scam address as bulletins quote it: one word wider than a phone screen."""
WIDTHS = {375: 812, 1280: 900}
"""Viewport width → height of the two screen sizes every page type is checked at."""


def keep_screenshot(target: Any, name: str, **options: object) -> None:
    """Save a screenshot of `target` (a page or an element) as test-artifacts/screenshots/NAME
    when PUBLISH_SCREENSHOTS is set, for a person to look at: no test reads them, and taking
    them (full pages, PNG-encoded by Chromium in software) was a fifth of the browser's CPU in
    the page-type tests."""
    if os.environ.get("PUBLISH_SCREENSHOTS"):
        target.screenshot(path=str(SCREENSHOTS / name), **options)


def drawn_box(element: Locator) -> FloatRect:
    """The element's box on the page; an element that is not drawn (hidden) has none."""
    box = element.bounding_box()
    assert box is not None, element
    return box


def unavailable(reason: str) -> None:
    """Skip with the reason, or fail when PUBLISH_REQUIRE_BROWSER=1 says the tools must be there."""
    if os.environ.get("PUBLISH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"PUBLISH_REQUIRE_BROWSER=1 nhưng {reason}", pytrace=False)
    pytest.skip(reason)


def copy_sample(target: Path) -> Path:
    """A copy of the repository's sample project (content and site.toml; built-in theme) that
    also publishes the bulletins the browser tests add, approved by name (bulletin_md)."""
    root = target / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy2(REPO / "site.toml", root / "site.toml")
    accept_names(root)
    return root


@dataclass
class SampleSite:
    """The built sample site and the URLs of one page of each type."""

    root: Path
    web: Path
    pages: dict[str, str] = field(default_factory=dict)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> SampleSite:
    """The sample project's website, built once for the whole browser suite."""
    root = copy_sample(tmp_path_factory.mktemp("browser"))
    accept_names(root)  # the bulletin below is approved by name only
    # The newest bulletin: on the home page and in its category, with one very long word.
    (root / "content" / "bai-viet" / "2027-01-09-ten-mien-gia.md").write_text(
        bulletin_md(
            {
                "title": f'"Cảnh báo trang giả {LONG_WORD}"',
                "date": "2027-01-09 08:00",
                "category": "canh-bao-toi-pham",
                "slug": "ten-mien-gia",
            },
            body=f"Không truy cập {LONG_WORD} dưới bất kỳ hình thức nào.\n",
        ),
        encoding="utf-8",
    )
    config = config_module.load(root)
    result = build(config, channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    site = result.site
    with_cover = next(b for b in site.bulletins if b.cover is not None)
    category = with_cover.category
    pages = {
        "home": "/",
        "bulletin": with_cover.url,
        "category": f"/chuyen-muc/{category}/",
        "search": "/tim-kiem/",
        "page": f"/{site.pages[0].slug}/",
        "archive": "/luu-tru/",
        "tags": "/the/",
        "follow": "/theo-doi/",
        "404": "/khong-co-trang-nay/",
        "long-word": "/2027/01/ten-mien-gia/",
    }
    return SampleSite(root, root / "output" / "web", pages)


class _StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves output/web like a static host: index.html for folders, 404.html for the rest."""

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        """Answer a missing file with the site's own 404 page and status 404."""
        path = Path(self.translate_path(self.path))
        if path.exists():
            return super().send_head()
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@contextlib.contextmanager
def serve(web: Path) -> Iterator[str]:
    """Base URL of a static server for the folder `web` on 127.0.0.1 (a random free port)."""
    handler = functools.partial(_StaticHandler, directory=str(web))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(sample_site: SampleSite) -> Iterator[str]:
    """Base URL of a static server for the built sample site."""
    with serve(sample_site.web) as base:
        yield base


def chromium_executable() -> Path | None:
    """The Chromium to launch: Debian's headless shell, else its browser binary, else the
    launcher (a layout without the binary there), else None."""
    for path in (HEADLESS_SHELL, CHROMIUM_BINARY, CHROMIUM):
        if os.access(path, os.X_OK):
            return path
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium under Playwright, shared by the whole suite."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("chưa cài gói Python playwright (pip install -e '.[test]')")
    executable = chromium_executable()
    if executable is None:
        unavailable(
            f"không có {HEADLESS_SHELL} hay {CHROMIUM} (apt-get install -y chromium-headless-shell)"
        )
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(
                executable_path=str(executable), args=CHROMIUM_ARGS
            )
        except Exception as exc:  # the reason is shown, whatever Playwright raised
            unavailable(f"không khởi động được Chromium: {exc}")
        yield chromium
        chromium.close()


class Recorder:
    """Every request a page made and every response it got."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.responses: list[Response] = []
        self.errors: list[str] = []

    def hosts(self) -> set[str]:
        """Hosts (host:port) requested, data: and blob: URLs left out."""
        return {
            urlsplit(u).netloc for u in self.requests if urlsplit(u).scheme in ("http", "https")
        }


Opener = Callable[..., tuple["Page", Recorder]]
"""`opener(path, width=1280, javascript=True, height=None, mobile=False)` → (page, recorder)."""


def _new_page(
    browser: Browser, *, width: int, javascript: bool, height: int | None, mobile: bool
) -> tuple[BrowserContext, Page]:
    """A new context (its own cache, cookies and storage) with one page: (context, page)."""
    context = browser.new_context(
        viewport={"width": width, "height": height or WIDTHS.get(width, 900)},
        is_mobile=mobile,
        has_touch=mobile,
        java_script_enabled=javascript,
        locale="vi-VN",
        service_workers="block",
    )
    return context, context.new_page()


def _record(page: Page) -> Recorder:
    """A recorder of what `page` requests, receives and throws from now on."""
    recorder = Recorder()
    page.on("request", lambda r: recorder.requests.append(r.url))
    page.on("response", lambda r: recorder.responses.append(r))
    page.on("pageerror", lambda e: recorder.errors.append(str(e)))
    return recorder


@contextlib.contextmanager
def opening(browser: Browser, base: str) -> Iterator[Opener]:
    """An opener of pages under `base`, in contexts of their own, closed afterwards."""
    contexts = []

    def opener(
        path: str,
        *,
        width: int = 1280,
        javascript: bool = True,
        height: int | None = None,
        mobile: bool = False,
    ) -> tuple[Page, Recorder]:
        """The page at `path` loaded in a viewport `width` CSS px wide (a phone's, honouring
        <meta name="viewport">, when `mobile`), and its recorder."""
        context, page = _new_page(
            browser, width=width, javascript=javascript, height=height, mobile=mobile
        )
        contexts.append(context)
        recorder = _record(page)
        page.goto(base + path, wait_until="load")
        return page, recorder

    try:
        yield opener
    finally:
        for context in contexts:
            context.close()


@contextlib.contextmanager
def looking(browser: Browser, base: str) -> Iterator[Opener]:
    """An opener as `opening`'s for tests that change nothing a new load of the page does not
    undo (clicks, keys and scripts are undone; routes, media emulation, viewport size, cookies
    and storage are not) and do not count requests (the cache is warm): each kind of screen keeps
    one page, which loads each path afresh. A new page costs the browser about twice a
    navigation's CPU (a renderer process and a tab), and most tests open one page to read a few
    values."""
    pages: dict[
        tuple[int, int | None, bool, bool], tuple[BrowserContext, Page, list[Recorder]]
    ] = {}

    def opener(
        path: str,
        *,
        width: int = 1280,
        javascript: bool = True,
        height: int | None = None,
        mobile: bool = False,
    ) -> tuple[Page, Recorder]:
        """The page at `path` loaded in a viewport `width` CSS px wide, and its recorder."""
        key = (width, height, mobile, javascript)
        if key not in pages:
            context, page = _new_page(
                browser, width=width, javascript=javascript, height=height, mobile=mobile
            )
            current: list[Recorder] = [Recorder()]
            page.on("request", lambda r: current[0].requests.append(r.url))
            page.on("response", lambda r: current[0].responses.append(r))
            page.on("pageerror", lambda e: current[0].errors.append(str(e)))
            pages[key] = (context, page, current)
        _, page, current = pages[key]
        current[0] = Recorder()
        if page.url.split("#")[0] == (base + path).split("#")[0]:
            # Not the same document again (a fragment alone would not load it afresh).
            page.goto("about:blank")
        page.goto(base + path, wait_until="load")
        return page, current[0]

    try:
        yield opener
    finally:
        for context, _, _ in pages.values():
            context.close()


@pytest.fixture
def open_page(browser: Browser, server: str) -> Iterator[Opener]:
    """`open_page(path, width=1280, javascript=True)` → (page, recorder); contexts closed after."""
    with opening(browser, server) as opener:
        yield opener


@pytest.fixture(scope="module")
def look_page(browser: Browser, server: str) -> Iterator[Opener]:
    """`look_page(path, width=1280, javascript=True)` → (page, recorder), for a test that only
    reads the page (see `looking`): pages kept for the module."""
    with looking(browser, server) as opener:
        yield opener
