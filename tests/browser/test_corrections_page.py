"""A corrected bulletin's page in Chromium: the correction is seen, and heard by a screen
reader, before the corrected text."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from publish import config as config_module
from publish.pipeline import build
from publish.writer import write
from tests.browser.conftest import NOW, Opener, copy_sample, opening, serve
from tests.browser.test_html_valid import vnu_command
from tests.browser.test_screen_reader import ax_nodes, landmarks
from tests.helpers import bulletin_md

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

NOTE = "Sửa số điện thoại lừa đảo: đúng là 0912 345 678, không phải 0912 345 687."
URL = "/2027/01/so-dien-thoai-lua-dao/"


@pytest.fixture(scope="module")
def corrected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """output/web of the sample site with one corrected bulletin."""
    root: Path = copy_sample(tmp_path_factory.mktemp("dinh-chinh"))
    (root / "content" / "bai-viet" / "2027-01-08-so-dien-thoai.md").write_text(
        bulletin_md(
            {
                "title": '"Cảnh báo số điện thoại lừa đảo giả danh Công an"',
                "date": "2027-01-08 08:00",
                "category": "canh-bao-toi-pham",
                "slug": "so-dien-thoai-lua-dao",
                "corrections": f'\n  - date: 2027-01-09 14:30\n    note: "{NOTE}"',
            },
            body="Không nghe máy khi số 0912 345 678 gọi tới.\n\n## Cách nhận biết\n\nGiọng đe dọa.\n",
        ),
        encoding="utf-8",
    )
    result = build(config_module.load(root), channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    return root / "output" / "web"


@pytest.fixture(scope="module")
def corrected_server(corrected_site: Path) -> Iterator[str]:
    """That site served on 127.0.0.1."""
    with serve(corrected_site) as base:
        yield base


@pytest.fixture
def open_corrected(browser: Browser, corrected_server: str) -> Iterator[Opener]:
    """Opens pages of the site with the corrected bulletin."""
    with opening(browser, corrected_server) as opener:
        yield opener


@pytest.mark.parametrize("width", [375, 1280])
def test_the_correction_is_seen_above_the_corrected_text(
    open_corrected: Opener, width: int
) -> None:
    page, recorder = open_corrected(URL, width=width, mobile=width == 375)
    assert recorder.errors == []
    box = page.locator(".corrections")
    assert box.is_visible()
    assert NOTE in box.inner_text()
    prose = page.locator(".prose").bounding_box()
    shown = box.bounding_box()
    assert shown is not None and prose is not None
    assert shown["y"] + shown["height"] <= prose["y"]
    if width == 375:
        assert shown["y"] < 812, "on a phone the correction is on the first screen"
    updated = page.locator(".meta.updated")
    assert updated.inner_text() == "Cập nhật lúc 14:30 ngày 9/1/2027"


def test_a_screen_reader_finds_the_correction_as_a_named_region_before_the_text(
    open_corrected: Opener,
) -> None:
    """Named by its heading, listed among the landmarks, and read (in document order, as
    screen readers read) before the corrected text."""
    page, _ = open_corrected(URL)
    assert ("region", "Đính chính", True) in landmarks(page)
    headings = [
        (n["name"], n["properties"].get("level")) for n in ax_nodes(page) if n["role"] == "heading"
    ]
    assert ("Đính chính", 2) in headings
    assert any(NOTE in n["name"] for n in ax_nodes(page))
    before = page.evaluate(
        "document.querySelector('.corrections').compareDocumentPosition("
        "document.querySelector('.prose')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert before


def test_the_corrected_page_is_valid_html(corrected_site: Path) -> None:
    page = corrected_site / URL.strip("/") / "index.html"
    run = subprocess.run(
        vnu_command(page),
        capture_output=True,
        text=True,
        timeout=240,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    assert [m["message"] for m in messages if m.get("type") != "info"] == []
