"""A character reference in a body to a character XML forbids (`&#1;`, `&#x0C;`, `&#xFFFE;`) is
dropped from the web HTML, as Zalo and the radio drop it: the sanitiser turned it into the raw
character, and one bulletin made the site's Atom feed and its category's not well-formed, so
feed readers read none of the site's news."""

from __future__ import annotations

import xml.dom.minidom
from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import bulletin_md, make_project

BODY = "Nội dung &#1; văn bản &#x0C; có &#xFFFE; ký tự &#65535; lạ.\n\n<b>Đậm</b> chữ.\n"


@pytest.mark.parametrize("body", [BODY, BODY.replace("<b>Đậm</b>", "Đậm")])
def test_the_feed_stays_well_formed(tmp_path: Path, body: str) -> None:
    root = make_project(tmp_path, {"content/bai-viet/2020-12-08-tin.md": bulletin_md(body=body)})
    assert main(["--root", str(root), "build", "--channel", "web", "--quiet"]) == 0
    feed = (root / "output/web/feed.xml").read_bytes()
    xml.dom.minidom.parseString(feed)  # raises on a character XML 1.0 forbids
    page = next((root / "output/web").glob("2020/12/*/index.html")).read_text(encoding="utf-8")
    assert "Nội dung" in page and "\x01" not in page and "\ufffe" not in page
