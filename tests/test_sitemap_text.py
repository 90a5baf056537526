"""sitemap.xml is written as text: the same bytes ElementTree writes (kept here as the reference)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from publish.render.web.seo import SITEMAP_NS, SitemapEntry, sitemap_xml

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
