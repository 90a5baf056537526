"""Links to files under content/ (a form, a notice, a photo) open in a real browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.conftest import opening, serve
from tests.test_attachments import PDF, built, project


def test_every_link_to_a_file_opens_in_the_browser(tmp_path: Path, browser: Any) -> None:
    """Relative to the bulletin's file, each led beside the page's address: a 404."""
    web = built(project(tmp_path)) / "web"
    with serve(web) as base, opening(browser, base) as open_page:
        page, _ = open_page("/2020/12/a/")
        hrefs = page.locator(".prose a").evaluate_all("links => links.map(a => a.href)")
        files = [h for h in hrefs if "/tep/" in h or "/anh/" in h]
        assert len(files) == 3
        for href in files:
            answer = page.request.get(href)
            assert answer.status == 200, href
        assert page.request.get(base + "/tep/tep/mau-don.pdf").body() == PDF
