"""The 404 page's «link copied with what followed it» repair never leaves the site: an address
like `//other-host/…)` (or `/%2Fother-host/…)`) is the site's own 404, not a way to send a
reader from the police unit's website to another host."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Route

pytestmark = pytest.mark.browser

OTHER = "lua-dao.test"
"""A host that answers anything with 200 and CORS allowed, as a scammer's server would."""


@pytest.mark.parametrize(
    "path", [f"//{OTHER}/nhan-tien)", f"/%2F{OTHER}/nhan-tien)", f"/%2F%2F{OTHER}/nhan-tien)"]
)
def test_the_404_page_does_not_send_the_reader_to_another_host(
    path: str, browser: Browser, server: str
) -> None:
    """Before, the page trimmed the «)», saw the other host answer its HEAD request and opened
    it in the site's place: a link on the unit's own address led to a scam site."""
    context = browser.new_context(service_workers="block")
    asked: list[str] = []

    def answer(route: Route) -> None:
        """Note the request and answer it as the other host would."""
        asked.append(route.request.method + " " + route.request.url)
        route.fulfill(status=200, headers={"Access-Control-Allow-Origin": "*"}, body="x")

    context.route(f"http://{OTHER}/**", answer)
    try:
        page = context.new_page()
        page.goto(server + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        assert asked == []
        assert page.url.startswith(server + "/")
        assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    finally:
        context.close()
