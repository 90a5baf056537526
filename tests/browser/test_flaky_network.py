"""The search on a flaky 3G connection: a file of the index the network dropped is asked for again
at the next try, and the page says how to try again, instead of failing every search until the
whole page is reloaded."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from publish import config as config_module
from publish.pipeline import build
from publish.writer import write
from tests.browser.conftest import NOW, opening, serve
from tests.helpers import bulletin_md, make_project

pytestmark = pytest.mark.browser

PHONE = 360
RETRY = "Hãy nhấn “Tìm” để thử lại"


class Dropping:
    """A route handler that drops (connection reset) the requests it is told to, and lets the
    others through: `drop` requests from now on, or only the `first` one."""

    def __init__(self, *, first: bool = False, drop: bool = False) -> None:
        self.first = first
        self.drop = drop
        self.dropped: list[str] = []

    def __call__(self, route: Any) -> None:
        """Drop this request or let it go."""
        if self.drop or (self.first and not self.dropped):
            self.dropped.append(route.request.url)
            route.abort("connectionreset")
        else:
            route.continue_()


def status_text(page: Any) -> str:
    """The search's line on screen."""
    return page.locator("#trang-thai-tim").inner_text()


@pytest.mark.parametrize("folder", ["t", "d"])
def test_a_search_file_the_network_dropped_is_asked_for_again(
    folder: str, browser: Any, server: str
) -> None:
    """Opened from a link on a 3G connection that dropped one request (a part of the index, `t/`,
    or the results' cards, `d/`), the search says it could not load and to press «Tìm» again;
    pressed, it finds. Before, the failed request was kept: every search needing that file
    failed at once, «Tìm» too, until the reader reloaded the whole page."""
    with opening(browser, server) as open_page:
        page, recorder = open_page("/tim-kiem/", width=PHONE, mobile=True)
        dropping = Dropping(first=True)
        page.route(re.compile(rf"/chi-muc/{folder}/"), dropping)
        page.goto(f"{server}/tim-kiem/?q=lua+dao", wait_until="load")
        page.wait_for_function(
            "/^Không tải được/.test(document.getElementById('trang-thai-tim').textContent)"
        )
        assert len(dropping.dropped) == 1, dropping.dropped
        assert RETRY in status_text(page)
        assert page.locator(".search-results > li").count() == 0

        page.get_by_role("button", name="Tìm", exact=True).click()
        page.locator(".search-results > li").first.wait_for(timeout=5_000)
        assert status_text(page).startswith("Tìm thấy")
        assert page.locator(".search-results > li").count() >= 3
        assert recorder.errors == []


@pytest.fixture(scope="module")
def many_results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a site of 25 warnings that all match «lua dao» alike (newest first, so the
    second page of results needs a file of cards the first did not)."""
    files = {
        f"content/bai-viet/2026-12-{i:02d}-canh-bao-{i}.md": bulletin_md(
            {
                "title": f'"Cảnh báo lừa đảo qua mạng số {i}"',
                "date": f"2026-12-{i:02d} 08:00",
                "slug": f"canh-bao-{i}",
            }
        )
        for i in range(1, 26)
    }
    root = make_project(tmp_path_factory.mktemp("flaky"), files)
    result = build(config_module.load(root), channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    with serve(root / "output" / "web") as base:
        yield base


def test_more_results_that_did_not_come_can_be_asked_for_again(
    browser: Any, many_results: str
) -> None:
    """«Xem thêm kết quả» whose results the network dropped did nothing and said nothing (the
    reader tapped on and on): it says they did not come, to tap again, and tapped, shows them."""
    with opening(browser, many_results) as open_page:
        page, recorder = open_page("/tim-kiem/?q=lua+dao", width=PHONE, mobile=True)
        results = page.locator(".search-results > li")
        page.wait_for_function("document.querySelectorAll('.search-results > li').length === 10")
        dropping = Dropping(drop=True)
        page.route(re.compile(r"/chi-muc/d/"), dropping)

        page.get_by_role("button", name="Xem thêm kết quả").click()
        again = page.get_by_role("button", name="Chưa tải được, chạm để thử lại")
        again.wait_for(timeout=5_000)
        assert dropping.dropped
        assert results.count() == 10
        assert page.get_by_role("status").inner_text() == "Chưa tải được, chạm để thử lại"

        dropping.drop = False
        again.click()
        page.wait_for_function("document.querySelectorAll('.search-results > li').length === 20")
        assert page.get_by_role("button", name="Xem thêm kết quả").is_visible()
        assert recorder.errors == []


def test_more_results_that_fail_after_a_new_search_say_nothing_of_it(
    browser: Any, many_results: str
) -> None:
    """«Xem thêm kết quả» whose results failed after the reader had searched again told the
    screen reader «Chưa tải được…» over the new search's answer."""
    with opening(browser, many_results) as open_page:
        page, recorder = open_page("/tim-kiem/?q=lua+dao", width=PHONE, mobile=True)
        page.wait_for_function("document.querySelectorAll('.search-results > li').length === 10")
        held: list[Any] = []

        def hold(route: Any) -> None:
            """Keep the request waiting until the test lets it fail."""
            held.append(route)

        page.route(re.compile(r"/chi-muc/d/"), hold)
        page.get_by_role("button", name="Xem thêm kết quả").click()
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(50)
        assert held
        page.get_by_role("searchbox").fill("xyzqw")
        page.get_by_role("button", name="Tìm", exact=True).click()
        page.wait_for_function(
            "/^Không tìm thấy/.test(document.getElementById('trang-thai-doc').textContent)"
        )
        answer = page.locator("#trang-thai-doc").inner_text()
        held[0].abort("connectionreset")
        # The failure reaches the page's promise within a few tasks; 300 ms is ample.
        page.wait_for_timeout(300)
        assert page.locator("#trang-thai-doc").inner_text() == answer
        assert status_text(page) == answer
        assert recorder.errors == []
