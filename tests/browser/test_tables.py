"""A bulletin's table as a citizen's QA found it (session 75): a statistics table with a money
column aligned right by `|---:|`, a scam domain in its notes and a total row with no note, read
on a 1280 px screen and as boxes on a 375 px phone; and the «Báo tin cho …» box's e-mail."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from publish import config as config_module
from publish.pipeline import build
from publish.writer import write
from tests.browser.conftest import LONG_WORD, NOW, Opener, copy_sample, looking, serve
from tests.helpers import bulletin_md

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812, "mobile": True}
WIDE = {"width": 1280, "height": 900}
TABLE = (
    "| Xã, thị trấn | Số tin báo | Thiệt hại (đồng) | Ghi chú |\n"
    "|---|---:|---:|---|\n"
    "| Tân Phú | 6 | 850.000.000 | 1 người cao tuổi bị lừa qua ứng dụng giả mạo VNeID cài từ"
    f" đường link {LONG_WORD} |\n"
    "| An Nhơn | 5 | 400.000.000 | Chưa xác định được tài khoản nhận |\n"
    "| Phú Long | 3 | 0 | Người dân phát hiện kịp thời |\n"
    "| **Cộng** | **14** | **1.250.000.000** | |\n"
)
PAGE = "/2027/01/thong-ke/"


@pytest.fixture(scope="module")
def table_server(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the sample site with the QA's bulletin, served on 127.0.0.1."""
    root = copy_sample(tmp_path_factory.mktemp("tables"))
    (root / "content" / "bai-viet" / "2027-01-09-thong-ke.md").write_text(
        bulletin_md(
            {"title": '"Thống kê tin báo lừa đảo"', "date": "2027-01-09 08:00", "slug": "thong-ke"},
            body=f"## Thống kê theo xã\n\n{TABLE}",
        ),
        encoding="utf-8",
    )
    result = build(config_module.load(root), channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    with serve(root / "output" / "web") as base:
        yield base


@pytest.fixture(scope="module")
def look_table(browser: Browser, table_server: str) -> Iterator[Opener]:
    """Opens pages of that site for tests that only read them."""
    with looking(browser, table_server) as opener:
        yield opener


def _lines(element: Locator) -> list[str]:
    """The text of `element` as drawn, one string a line (a line is the letters at one height)."""
    return element.evaluate(
        """e => {
            const lines = new Map(), walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
            for (let text = walker.nextNode(); text; text = walker.nextNode()) {
                for (let i = 0; i < text.data.length; i++) {
                    const range = document.createRange();
                    range.setStart(text, i); range.setEnd(text, i + 1);
                    const rect = range.getClientRects()[0];
                    if (!rect) continue;
                    const top = Math.round(rect.top);
                    lines.set(top, (lines.get(top) || '') + text.data[i]);
                }
            }
            return [...lines.keys()].sort((a, b) => a - b).map(k => lines.get(k).trim());
        }"""
    )


def test_a_long_word_wraps_in_its_cell_and_the_table_fits_a_wide_screen(
    look_table: Opener,
) -> None:
    """The scam domain (60 letters, no space) made the table 744 px wide in its 670 px box: it
    scrolled, the notes cut off mid-word at the edge. The domain now breaks inside its cell, the
    table fits, and no figure or ordinary word is broken to make room."""
    page, _ = look_table(PAGE, **WIDE)
    region = page.get_by_role("region", name="Thống kê theo xã")
    assert region.evaluate("e => e.scrollWidth <= e.clientWidth"), region.evaluate(
        "e => [e.scrollWidth, e.clientWidth]"
    )
    assert region.get_attribute("tabindex") is None  # nothing to scroll: no Tab stop
    cells = region.locator("tbody tr > *")
    for index in range(cells.count()):
        cell = cells.nth(index)
        words = cell.inner_text().split()
        for line in _lines(cell):
            # Each drawn line is whole words of the cell, but for the domain's pieces.
            assert all(w in words or w in LONG_WORD for w in line.split()), (line, words)
    total = region.locator("tbody tr").last.locator("td").nth(1)
    assert _lines(total) == ["1.250.000.000"]


def test_a_column_aligned_right_in_markdown_is_aligned_right(look_table: Opener) -> None:
    """`|---:|` asks for the figures to line up on the right, as amounts are compared: the page
    dropped it (the sanitiser removed the cells' style). The heading and cells of those two
    columns are aligned right, the others left."""
    page, _ = look_table(PAGE, **WIDE)
    region = page.get_by_role("region", name="Thống kê theo xã")
    align = "cs => cs.map(c => getComputedStyle(c).textAlign)"
    assert region.locator("thead th").evaluate_all(align) == ["left", "right", "right", "left"]
    for row in region.locator("tbody tr").all():
        assert row.locator("th, td").evaluate_all(align) == ["left", "right", "right", "left"]


def test_a_phone_s_row_boxes_show_no_label_for_an_empty_cell_and_keep_lines_left(
    look_table: Opener,
) -> None:
    """On a phone each row is a box of «Label: value» lines: the total row's box ended with a
    bare «Ghi chú:». An empty cell now shows nothing, and the right-aligned column's lines stay
    at the left of the box, under the labels of the others."""
    page, _ = look_table(PAGE, **PHONE)
    region = page.get_by_role("region", name="Thống kê theo xã")
    assert region.locator("table").evaluate("t => getComputedStyle(t).display") == "block"
    total = region.locator("tbody tr").last
    drawn = total.locator("td").evaluate_all(
        """cs => cs.map(c => [getComputedStyle(c, '::before').content, c.textContent,
                             c.getBoundingClientRect().height])"""
    )
    # What ::before draws, alone («"Ghi chú: "» as CSS writes it; its alternative text after).
    labels = [(label.split(" / ")[0], text) for label, text, _ in drawn]
    assert labels == [
        ('"Số tin báo: "', "14"),
        ('"Thiệt hại (đồng): "', "1.250.000.000"),
        ("none", ""),
    ]
    assert drawn[-1][2] == 0  # the empty cell takes no line of the box
    lines = region.locator("tbody td").evaluate_all(
        "cs => cs.map(c => getComputedStyle(c).textAlign)"
    )
    assert set(lines) == {"left"}, lines


def test_the_report_box_breaks_its_e_mail_after_the_at_sign(look_table: Opener) -> None:
    """At 375 px the unit's address wrapped as «congan.chauthanh@example.v» / «n»: it now
    breaks where an address may, after «@», or stays whole."""
    page, _ = look_table(PAGE, **PHONE)
    link = page.locator(".report-box a[href^='mailto:']")
    address = (link.get_attribute("href") or "").removeprefix("mailto:")
    lines = _lines(link)
    assert "".join(lines) == address
    assert lines == [address] or (len(lines) == 2 and lines[0].endswith("@")), lines
