"""A link to a bulletin not published now reads as plain words in a real browser: no link to
follow, nothing to reveal its address (its slug, from its title), the other links as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.conftest import opening, serve
from tests.test_held_links import SLUGS, project, run


def test_a_held_bulletins_link_is_words_alone_in_the_browser(tmp_path: Path, browser: Any) -> None:
    root = project(tmp_path)
    assert run(root, "build", "-q", "--channel", "web") == 0
    with serve(root / "output/web") as base, opening(browser, base) as open_page:
        page, _ = open_page("/2021/01/a/")
        prose = page.locator(".prose")
        assert "Xem thêm bài một, bài hai, bài ba và bài bốn." in " ".join(
            prose.inner_text().split()
        )
        links = prose.locator("a").evaluate_all(
            "links => links.map(a => [a.textContent, a.getAttribute('href')])"
        )
        assert links == [["bài đã đăng", "/2020/12/da-dang/"]]
        html = page.content()
        assert not [slug for slug in SLUGS if slug in html]
        prose.get_by_text("bài đã đăng").click()
        page.wait_for_url(base + "/2020/12/da-dang/")
