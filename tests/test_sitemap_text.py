"""sitemap.xml is written as text: the same bytes ElementTree writes (kept here as the reference)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from publish.render.web.seo import SITEMAP_NS, SitemapEntry, sitemap_files, sitemap_xml

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def reference(entries: list[SitemapEntry]) -> bytes:
    """sitemap.xml as the tool wrote it with ElementTree."""
    ET.register_namespace("", SITEMAP_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in entries:
        node = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(node, f"{{{SITEMAP_NS}}}loc").text = entry.url
        if entry.lastmod is not None:
            ET.SubElement(node, f"{{{SITEMAP_NS}}}lastmod").text = entry.lastmod.isoformat()
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


urls = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).map(lambda s: "https://congan.example.vn/" + s)
dates = st.none() | st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2040, 1, 1)
).map(lambda d: d.replace(tzinfo=TZ))


@given(st.lists(st.builds(SitemapEntry, urls, dates), max_size=8))
def test_sitemap_bytes_equal_elementtree(entries: list[SitemapEntry]) -> None:
    assert sitemap_xml(entries) == reference(entries)


def test_sitemap_escapes_and_parses() -> None:
    entries = [
        SitemapEntry("https://congan.example.vn/tim-kiem/?q=a&b=<c>", None),
        SitemapEntry(
            "https://congan.example.vn/2024/05/an-ninh/", dt.datetime(2024, 5, 1, 7, tzinfo=TZ)
        ),
    ]
    root = ET.fromstring(sitemap_xml(entries))
    locs = [e.text for e in root.iter(f"{{{SITEMAP_NS}}}loc")]
    assert locs == [e.url for e in entries]
    assert [e.text for e in root.iter(f"{{{SITEMAP_NS}}}lastmod")] == ["2024-05-01T07:00:00+07:00"]
    assert sitemap_xml([]) == reference([])


def test_more_pages_than_one_sitemap_holds_go_to_files_an_index_lists() -> None:
    """sitemaps.org: a sitemap lists at most 50,000 URLs (50 MB); a search engine ignores the
    rest. Past that, sitemap.xml (the address robots.txt gives) is an index of sitemap-N.xml."""
    base = "https://example.gov.vn/congan-chauthanh/"
    entries = [
        SitemapEntry(f"{base}2024/0{n}/tin-so-{n}/", dt.datetime(2024, n, 1, 7, tzinfo=TZ))
        for n in range(1, 6)
    ]
    files = dict(sitemap_files(entries, lambda name: base + name, max_urls=2))
    assert list(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{{{SITEMAP_NS}}}sitemapindex"
    listed = [
        (s.findtext(f"{{{SITEMAP_NS}}}loc"), s.findtext(f"{{{SITEMAP_NS}}}lastmod")) for s in index
    ]
    assert listed == [
        (base + "sitemap-1.xml", "2024-02-01T07:00:00+07:00"),
        (base + "sitemap-2.xml", "2024-04-01T07:00:00+07:00"),
        (base + "sitemap-3.xml", "2024-05-01T07:00:00+07:00"),
    ]
    locs = []
    for name in ("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"):
        part = ET.fromstring(files[name])
        assert part.tag == f"{{{SITEMAP_NS}}}urlset" and len(part) <= 2
        locs += [e.text for e in part.iter(f"{{{SITEMAP_NS}}}loc")]
    assert locs == [e.url for e in entries]


def test_a_sitemap_is_split_before_it_passes_the_size_limit() -> None:
    entries = [SitemapEntry(f"https://congan.example.vn/the/the-so-{n}/") for n in range(4)]
    whole = sitemap_xml(entries)
    files = dict(
        sitemap_files(entries, "https://congan.example.vn/".__add__, max_bytes=len(whole) - 1)
    )
    assert "sitemap-2.xml" in files
    assert all(len(data) < len(whole) for name, data in files.items() if name != "sitemap.xml")


def test_a_site_within_the_limits_keeps_its_one_sitemap() -> None:
    entries = [SitemapEntry("https://congan.example.vn/", dt.datetime(2024, 5, 1, 7, tzinfo=TZ))]
    assert list(sitemap_files(entries, "https://congan.example.vn/".__add__)) == [
        ("sitemap.xml", sitemap_xml(entries))
    ]
