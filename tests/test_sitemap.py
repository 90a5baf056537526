"""sitemap.xml and robots.txt of the fixture site."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.web_fixture import BASE, BuiltSite, build_site, copy_site

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def entries(built: BuiltSite) -> dict[str, str | None]:
    """loc → lastmod of every sitemap entry."""
    root = ET.fromstring((built.web / "sitemap.xml").read_bytes())
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_html_page(tmp_path_factory: pytest.TempPathFactory) -> None:
    built = build_site(copy_site(tmp_path_factory.mktemp("sitemap")))
    listed = entries(built)
    assert set(listed) == built.page_urls()
    assert BASE + "404.html" not in listed
    assert listed[BASE + "2024/01/canh-bao-gia-danh-cong-an/"] == "2024-01-15T08:00:00+07:00"
    assert listed[BASE] == "2024-03-05T07:00:00+07:00"
    robots = (built.web / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}sitemap.xml" in robots


def test_sitemap_leaves_out_draft_previews(tmp_path_factory: pytest.TempPathFactory) -> None:
    built = build_site(copy_site(tmp_path_factory.mktemp("drafts")), drafts=True)
    listed = entries(built)
    draft = BASE + "2024/03/ke-hoach-ra-quan/"
    assert draft in built.page_urls()
    assert draft not in listed
    assert set(listed) < built.page_urls()
