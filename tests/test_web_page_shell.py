"""What every page of the website has around its content, as a screen reader reads it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.web_fixture import BuiltSite, build_site, copy_site

CRUMBS = re.compile(r'<nav class="breadcrumbs[^>]*>(.*?)</nav>', re.S)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture site built once for this module."""
    return build_site(copy_site(tmp_path_factory.mktemp("shell")))


def _current_crumbs(html: str) -> list[str]:
    """The addresses of the crumbs a page marks as the current page."""
    trail = CRUMBS.search(html)
    assert trail is not None
    return re.findall(r'<a href="([^"]*)" aria-current="page">', trail[1])


def test_a_bulletin_links_its_category_once_above_its_title(built: BuiltSite) -> None:
    """On a bulletin the trail «Trang chủ › Cảnh báo tội phạm» repeated the category line above
    its title: the same link twice before the title. It is named once, above the title, and
    no crumb marks a link leaving the bulletin as the current page."""
    bulletin = built.result.site.bulletins[0]
    html = built.html(bulletin.url)
    before_title = html[html.index('<main id="noi-dung"') : html.index("<h1>")]
    assert CRUMBS.search(html) is None
    assert before_title.count(f'<a href="/chuyen-muc/{bulletin.category}/">') == 1


@pytest.mark.parametrize("url", ["/chuyen-muc/canh-bao-toi-pham/", "/luu-tru/2024/03/"])
def test_a_list_s_own_crumb_is_the_current_page(built: BuiltSite, url: str) -> None:
    """A category's or a month's own crumb is the page itself: still marked current."""
    assert _current_crumbs(built.html(url)) == [url]


def test_the_home_page_s_preview_note_is_hidden_but_from_a_file(built: BuiltSite) -> None:
    """The note for an editor who opened output/web/index.html from disk is hidden by the
    page itself, not by style.css, which a reader view or styles turned off never apply."""
    html = built.html("/")
    assert re.search(r'<p class="file-preview" role="note" hidden>', html)
    assert 'if (location.protocol === "file:")' in html
    assert "file-preview" not in built.html("/chuyen-muc/canh-bao-toi-pham/")


def test_no_page_but_the_home_page_carries_the_note(built: BuiltSite) -> None:
    """Only the home page: a served site's other pages hold no editor's text."""
    pages = [Path(f) for f in built.files() if f.endswith(".html") and f != "index.html"]
    assert pages and not any("publish serve" in built.text(p.as_posix()) for p in pages)
