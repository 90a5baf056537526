"""Atom feeds of the fixture site, read back with feedparser as a feed reader would."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser  # type: ignore[import-untyped]
import pytest

from tests.helpers import publish_command
from tests.web_fixture import BASE, BuiltSite, build_site, copy_site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture site with --drafts, so the feeds are shown to leave previews out."""
    return build_site(copy_site(tmp_path_factory.mktemp("feeds")), drafts=True)


def parse(built: BuiltSite, rel: str) -> feedparser.FeedParserDict:
    """A feed parsed from its bytes; it must be well-formed."""
    parsed = feedparser.parse((built.web / rel).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_site_feed_lists_published_bulletins_newest_first(built: BuiltSite) -> None:
    feed = parse(built, "feed.xml")
    assert feed.version == "atom10"
    assert feed.feed.title == "Công an xã Tân Phú Đông"
    assert [e.link for e in feed.entries] == [
        BASE + "2024/03/canh-bao-lua-dao-viec-nhe/",
        BASE + "2024/02/dang-ky-thuong-tru/",
        BASE + "2024/02/tuan-tra-dem/",
        BASE + "2024/01/canh-bao-gia-danh-cong-an/",
    ]
    assert "ke-hoach-ra-quan" not in (built.web / "feed.xml").read_text(encoding="utf-8")
    assert feed.feed.updated == "2024-03-05T07:00:00+07:00"


def test_titles_keep_vietnamese_and_markup_stays_text(built: BuiltSite) -> None:
    feed = parse(built, "feed.xml")
    titles = [e.title for e in feed.entries]
    assert "Cảnh báo lừa đảo tuyển cộng tác viên “việc nhẹ lương cao”" in titles
    assert "<script>alert('xss')</script> Tuần tra đêm bảo vệ bình yên ấp Đông Hòa" in titles
    raw = (built.web / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw


def test_entries_have_stable_ids_and_absolute_content_urls(built: BuiltSite) -> None:
    entry = next(e for e in parse(built, "feed.xml").entries if "gia-danh" in e.link)
    assert entry.id == "tag:ca-tanphudong.example.vn,2024:tpd-2024-01-gia-danh"
    assert entry.published == "2024-01-15T08:00:00+07:00"
    assert entry.author == "Ngọc Hân"
    html = entry.content[0].value
    assert 'id="duong-day-nong"' in html
    assert 'src="https://ca-tanphudong.example.vn/anh/so-do-480.' in html
    assert entry.tags[0].label == "Cảnh báo tội phạm"


def test_an_entry_shows_its_cover_where_the_page_does(built: BuiltSite) -> None:
    """A feed reader showed no picture for a bulletin whose only photo is its cover (Feedly and
    Inoreader take the content's first image as the entry's): the cover opens the content,
    absolute and with its description, as above the page's text; no cover, no figure."""
    entries = {e.link: e.content[0].value for e in parse(built, "feed.xml").entries}
    html = entries[BASE + "2024/01/canh-bao-gia-danh-cong-an/"]
    first = re.match(r"<figure><img ([^>]*)/?></figure>\n<p>Thời gian gần đây", html)
    assert first is not None, html[:300]
    cover = dict(re.findall(r'(\w+)="([^"]*)"', first[1]))
    assert cover["src"].startswith(BASE + "anh/canh-bao-640.")
    assert cover["alt"] == "Điện thoại hiển thị cuộc gọi lạ kèm dòng chữ cảnh báo lừa đảo"
    assert (cover["width"], cover["height"]) == ("640", "400")
    assert (built.web / cover["src"].removeprefix(BASE)).is_file()
    assert not entries[BASE + "2024/02/dang-ky-thuong-tru/"].startswith("<figure>")


def test_category_feed_has_only_its_category(built: BuiltSite) -> None:
    feed = parse(built, "chuyen-muc/canh-bao-toi-pham/feed.xml")
    assert feed.feed.links[0].href == BASE + "chuyen-muc/canh-bao-toi-pham/feed.xml"
    assert {e.tags[0].term for e in feed.entries} == {"canh-bao-toi-pham"}
    assert len(feed.entries) == 2
    empty = parse(built, "chuyen-muc/an-ninh-trat-tu/feed.xml")
    assert [e.link for e in empty.entries] == [BASE + "2024/02/tuan-tra-dem/"]


def test_a_site_moved_to_a_new_address_keeps_its_feed_and_entry_ids(
    built: BuiltSite, tmp_path: Path
) -> None:
    """A unit renamed in 2025 moves its website: with the old address in [site] old_base_urls,
    a feed reader that follows the new feed sees no entry a second time."""
    root = copy_site(tmp_path)
    toml = root / "site.toml"
    moved = 'base_url = "https://congan-xa-moi.example.vn/"\nold_base_urls = ["' + BASE + '"]'
    toml.write_text(toml.read_text("utf-8").replace(f'base_url = "{BASE}"', moved), "utf-8")
    after = build_site(root, drafts=True)
    for rel in ("feed.xml", "chuyen-muc/canh-bao-toi-pham/feed.xml"):
        before, now = parse(built, rel), parse(after, rel)
        assert now.feed.id == before.feed.id == BASE + rel
        assert [e.id for e in now.entries] == [e.id for e in before.entries]
        assert now.entries[0].link.startswith("https://congan-xa-moi.example.vn/")
        assert now.feed.links[0].href == "https://congan-xa-moi.example.vn/" + rel


def _ids_at(tmp_path: Path, base_url: str, old: str = "") -> list[str]:
    """The entry ids of the fixture site's feed when published at `base_url` (moved from `old`)."""
    root = copy_site(tmp_path)
    toml = root / "site.toml"
    written = f'base_url = "{base_url}"' + (f'\nold_base_urls = ["{old}"]' if old else "")
    toml.write_text(toml.read_text("utf-8").replace(f'base_url = "{BASE}"', written), "utf-8")
    return [e.id for e in parse(build_site(root), "feed.xml").entries]


def test_units_in_two_folders_of_one_domain_have_entry_ids_of_their_own(tmp_path: Path) -> None:
    """Two units in folders of one shared domain (https://example.gov.vn/congan-a/ and …/congan-b/)
    often have a bulletin of the same key (the same warning, the same title): the ids were made
    of the domain alone and a reader following both feeds took one for the other. The folder is
    in the id; a site at the root of its domain keeps the ids it always had."""
    first = _ids_at(tmp_path / "a", "https://example.gov.vn/congan-a/")
    second = _ids_at(tmp_path / "b", "https://example.gov.vn/congan-b")
    assert first[-1] == "tag:example.gov.vn,2024:congan-a/tpd-2024-01-gia-danh"
    assert second[-1] == "tag:example.gov.vn,2024:congan-b/tpd-2024-01-gia-danh"
    assert not set(first) & set(second)
    root = _ids_at(tmp_path / "root", "https://example.gov.vn/")
    assert root[-1] == "tag:example.gov.vn,2024:tpd-2024-01-gia-danh"
    assert not set(root) & (set(first) | set(second))
    deeper = _ids_at(tmp_path / "deep", "https://example.gov.vn/tinh/công-an-xã/")
    assert deeper[-1] == ("tag:example.gov.vn,2024:tinh/c%C3%B4ng-an-x%C3%A3/tpd-2024-01-gia-danh")


def test_a_unit_moving_out_of_a_folder_keeps_its_folder_ids(tmp_path: Path) -> None:
    """Ids follow the first address (old_base_urls), folder and all: moving from a shared
    domain's folder to a domain of its own shows followers no entry twice."""
    before = _ids_at(tmp_path / "before", "https://example.gov.vn/congan-a/")
    moved = _ids_at(
        tmp_path / "after", "https://congan-a.example.vn/", old="https://example.gov.vn/congan-a/"
    )
    assert moved == before


def test_every_url_in_feed_content_is_absolute_for_readers_ignoring_xml_base(
    tmp_path: Path,
) -> None:
    """Many feed readers ignore xml:base (RSS has none): a photo at /anh/… or a link to another
    bulletin, a heading or a footnote read that way resolves against the reader's address."""
    root = copy_site(tmp_path)
    (root / "content" / "bai-viet" / "2024-03-20-lien-ket.md").write_text(
        "---\ntitle: Bài có liên kết\ndate: 2024-03-20 08:00\ncategory: canh-bao-toi-pham\n"
        'summary: "Liên kết trong bài."\napproved_by: "Đại úy Lê Văn Đức"\n---\n\n'
        "Xem [bài đăng ký](2024-02-28-dang-ky-thuong-tru.md), [mục dưới](#muc-duoi), "
        "[trang liên hệ](/lien-he/) và chú thích[^1].\n\n"
        '![Sơ đồ](../images/so-do.png "Sơ đồ")\n\n## Mục dưới\n\n[^1]: Ghi chú.\n',
        encoding="utf-8",
    )
    built = build_site(root)
    entry_url = BASE + "2024/03/lien-ket/"
    for rel in ("feed.xml", "chuyen-muc/canh-bao-toi-pham/feed.xml"):
        raw = feedparser.parse((built.web / rel).read_bytes(), resolve_relative_uris=False)
        assert not raw.bozo, raw.get("bozo_exception")
        for entry in raw.entries:
            html = entry.content[0].value
            urls = re.findall(r'\s(?:href|src)="([^"]*)"', html)
            urls += [
                part.split()[0]
                for srcset in re.findall(r'\ssrcset="([^"]*)"', html)
                for part in srcset.split(",")
            ]
            relative = [u for u in urls if not urlsplit(u).scheme]
            assert not relative, (rel, entry.link, relative)
        html = next(e for e in raw.entries if e.link == entry_url).content[0].value
        assert f'href="{BASE}2024/02/dang-ky-thuong-tru/"' in html
        assert f'href="{entry_url}#muc-duoi"' in html
        assert f'href="{BASE}lien-he/"' in html
        assert f'href="{entry_url}#fn:1"' in html
        assert f'src="{BASE}anh/so-do-' in html


def test_a_control_character_escaped_in_site_toml_stops_the_build_before_any_feed(
    tmp_path: Path,
) -> None:
    """TOML reads "\\u000B" (Word's line break) or "\\b" as the character itself, and XML forbids
    it: written into <subtitle> or <name>, it made the whole feed unreadable to every reader.
    The build now stops at site.toml's line, in Vietnamese, and the feeds already published
    stay as they were."""
    root = copy_site(tmp_path)
    before = build_site(root)
    feeds = {
        rel: (before.web / rel).read_bytes()
        for rel in ("feed.xml", "chuyen-muc/canh-bao-toi-pham/feed.xml")
    }
    toml = root / "site.toml"
    text = toml.read_text("utf-8")
    text = text.replace('"Nhận diện thủ đoạn lừa đảo', '"Nhận diện\\u000Bthủ đoạn lừa đảo')
    text = text.replace('name = "Công an xã Tân Phú Đông"', 'name = "Công an xã Tân Phú Đông\\b"')
    toml.write_text(text, "utf-8")
    ran = publish_command("build", "--channel", "web", "--root", root)
    assert ran.returncode == 1, ran.stdout + ran.stderr
    assert "site.toml:" in ran.stderr and "ký tự ngắt dòng của Word (U+000B)" in ran.stderr
    assert "ký tự xóa lùi (U+0008)" in ran.stderr and "Traceback" not in ran.stderr
    assert {rel: (before.web / rel).read_bytes() for rel in feeds} == feeds
