"""sitemap.xml and robots.txt of the fixture site."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from publish.render.web import seo
from tests.web_fixture import BASE, BuiltSite, build_site, copy_site

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def entries(built: BuiltSite) -> dict[str, str | None]:
    """loc → lastmod of every sitemap entry."""
    root = ET.fromstring((built.web / "sitemap.xml").read_bytes())
    return {
        url.findtext("s:loc", default="", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
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


def test_a_site_past_the_sitemap_limit_is_listed_through_an_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built with a limit of 10 URLs a file (50,000 in real life), every page is still reached
    from robots.txt's Sitemap line; built again within the limit, the extra files are gone."""
    root = copy_site(tmp_path)
    monkeypatch.setattr(seo, "SITEMAP_MAX_URLS", 10)
    built = build_site(root)
    robots = built.text("robots.txt")
    assert f"Sitemap: {BASE}sitemap.xml" in robots
    index = ET.fromstring((built.web / "sitemap.xml").read_bytes())
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    locs = [s.findtext("s:loc", default="", namespaces=NS) for s in index.findall("s:sitemap", NS)]
    assert len(locs) >= 2 and all(loc.startswith(BASE + "sitemap-") for loc in locs)
    listed: list[str] = []
    for loc in locs:
        part = ET.fromstring((built.web / loc.removeprefix(BASE)).read_bytes())
        urls = [u.findtext("s:loc", default="", namespaces=NS) for u in part.findall("s:url", NS)]
        assert len(urls) <= 10
        listed += urls
    assert len(listed) == len(set(listed)) and set(listed) == built.page_urls()
    monkeypatch.undo()
    again = build_site(root)
    assert not [f for f in again.files() if f.startswith("sitemap-")]
    assert set(entries(again)) == again.page_urls()
