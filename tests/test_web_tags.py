"""Tag pages: spellings of one tag (case, accents, spacing, a leading #) share a page and a label;
tags whose names differ only by symbols a slug drops ("C", "C++", "C#") get a page each; /the/
lists every tag."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from publish import config as config_module
from publish.config import BUILTIN_THEME
from publish.content import load_site
from publish.pipeline import build
from publish.render import web
from publish.writer import write
from tests.helpers import NOW, SITE_TOML, bulletin_md, make_project


def bulletin(day: int, tags: str) -> str:
    """A bulletin of December `day` with the YAML list `tags`."""
    return bulletin_md({"date": f"2020-12-{day:02d} 08:00", "tags": tags})


def built(root: Path) -> dict[str, bytes]:
    """Build and write the website of the project; its files."""
    result = build(config_module.load(root), channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",), cache=root / ".cache")
    web = root / "output" / "web"
    return {p.relative_to(web).as_posix(): p.read_bytes() for p in web.rglob("*") if p.is_file()}


def tag_links(files: dict[str, bytes], page: str) -> list[tuple[str, str]]:
    """(address, label) of each tag link on a bulletin's page."""
    html = files[f"{page}index.html"].decode()
    tags = html.split('<ul class="tags"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="([^"]*)"><span aria-hidden="true">#</span>([^<]*)</a>', tags)


def tag_pages(files: dict[str, bytes]) -> dict[str, str]:
    """Each tag page's address and the heading it shows."""
    pages: dict[str, str] = {}
    for path, data in files.items():
        if re.fullmatch(r"the/[^/]+/index\.html", path):
            heading = re.search(r"<h1[^>]*>([^<]*)</h1>", data.decode())
            assert heading is not None, path
            pages["/" + path.removesuffix("index.html")] = heading[1]
    return pages


def test_tags_differing_by_symbols_get_a_page_each_and_spellings_still_share_one(
    tmp_path: Path,
) -> None:
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/a.md": bulletin(1, '["C++", "C#", "an ninh", "Tuần Tra"]'),
            "content/bai-viet/b.md": bulletin(2, '["C#", "An Ninh"]'),
            "content/bai-viet/c.md": bulletin(3, '["C", "AN-NINH", "#tuần tra"]'),
        },
    )
    files = built(root)
    assert tag_links(files, "2020/12/a/") == [
        ("/the/c-plus-plus/", "C++"),
        ("/the/c-sharp/", "C#"),
        ("/the/an-ninh/", "an ninh"),
        ("/the/tuan-tra/", "Tuần Tra"),
    ]
    assert tag_links(files, "2020/12/b/") == [("/the/c-sharp/", "C#"), ("/the/an-ninh/", "an ninh")]
    assert tag_pages(files) == {
        "/the/c/": "Thẻ: C",
        "/the/c-plus-plus/": "Thẻ: C++",
        "/the/c-sharp/": "Thẻ: C#",
        "/the/an-ninh/": "Thẻ: an ninh",
        "/the/tuan-tra/": "Thẻ: Tuần Tra",
    }
    listed = files["the/c-sharp/index.html"].decode()
    assert "/2020/12/a/" in listed and "/2020/12/b/" in listed and "/2020/12/c/" not in listed


def test_a_page_follows_its_tag_when_another_tag_takes_the_plain_address(tmp_path: Path) -> None:
    """A "C" added to another bulletin moves "C++" to its own address. Nothing else of the page
    of a bulletin tagged "C++" changes (the other is no neighbour or related bulletin of it),
    yet that page is rebuilt with the new link, as a clean build has it."""
    other = {"category": "an-ninh-trat-tu", "date": "2020-12-20 08:00", "tags": '["D"]'}
    root = make_project(
        tmp_path,
        {
            "site.toml": SITE_TOML + "\n[web]\nrelated = 0\n",
            "content/bai-viet/cu.md": bulletin(1, "[]"),
            "content/bai-viet/a.md": bulletin(2, '["C++"]'),
            "content/bai-viet/moi.md": bulletin(3, "[]"),
            "content/bai-viet/b.md": bulletin_md(other),
        },
    )
    assert tag_links(built(root), "2020/12/a/") == [("/the/c/", "C++")]
    (root / "content/bai-viet/b.md").write_text(bulletin_md({**other, "tags": '["C"]'}), "utf-8")
    files = built(root)
    assert tag_links(files, "2020/12/a/") == [("/the/c-plus-plus/", "C++")]
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "output"))
    assert files == built(clean)


TAGGED = {
    "content/bai-viet/a.md": bulletin(1, '["lừa đảo qua mạng", "Tết", "an ninh"]'),
    "content/bai-viet/b.md": bulletin(2, '["đánh bạc", "an toàn giao thông", "lừa đảo qua mạng"]'),
    "content/bai-viet/c.md": bulletin(3, '["căn cước", "cảnh giác", "chuyển đổi số", "an ninh"]'),
    "content/bai-viet/d.md": bulletin(4, '["cấp đổi giấy tờ", "cư trú", "dịch vụ công"]'),
    "content/bai-viet/e.md": bulletin(5, '["tuần tra"]'),
    "content/bai-viet/nhap.md": bulletin_md(
        {"date": "2020-12-06 08:00", "tags": '["ma túy"]', "draft": "true"}
    ),
}
"""Bulletins whose tags a plain sort puts out of Vietnamese order («căn» before «cảnh», «đánh»
before «dịch»), and a draft whose tag no published bulletin has."""


def tags_listed(files: dict[str, bytes]) -> list[tuple[str, str, int]]:
    """(address, label, number of bulletins) of each tag on the tags page, in its order."""
    html = files["the/index.html"].decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    found = re.findall(r'<li><a href="([^"]*)">([^<]*)</a> <span class="count">\((\d+)\)', main)
    return [(url, label, int(count)) for url, label, count in found]


def crumbs(files: dict[str, bytes], page: str) -> list[tuple[str, str]]:
    """(address, label) of each crumb of a page's trail."""
    html = files[f"{page}index.html"].decode()
    trail = html.split('<nav class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', trail)


def test_the_tags_page_lists_every_published_tag_in_vietnamese_order(tmp_path: Path) -> None:
    """A reader trimming /the/lua-dao-qua-mang/ to /the/ finds every tag with its number of
    bulletins, in the order of a Vietnamese dictionary (ă, â after a, đ after d), each a link
    to its page; a draft's tag is not there."""
    files = built(make_project(tmp_path, TAGGED))
    assert tags_listed(files) == [
        ("/the/an-ninh/", "an ninh", 2),
        ("/the/an-toan-giao-thong/", "an toàn giao thông", 1),
        ("/the/canh-giac/", "cảnh giác", 1),
        ("/the/can-cuoc/", "căn cước", 1),
        ("/the/cap-doi-giay-to/", "cấp đổi giấy tờ", 1),
        ("/the/chuyen-doi-so/", "chuyển đổi số", 1),
        ("/the/cu-tru/", "cư trú", 1),
        ("/the/dich-vu-cong/", "dịch vụ công", 1),
        ("/the/danh-bac/", "đánh bạc", 1),
        ("/the/lua-dao-qua-mang/", "lừa đảo qua mạng", 2),
        ("/the/tet/", "Tết", 1),
        ("/the/tuan-tra/", "tuần tra", 1),
    ]
    assert all(f"{url.lstrip('/')}index.html" in files for url, _, _ in tags_listed(files))
    page = files["the/index.html"].decode()
    assert '<h1 class="page-title">Thẻ</h1>' in page
    assert "http-equiv" not in page and 'name="robots"' not in page
    assert "ma túy" not in page


def test_a_tag_page_leads_up_to_the_tags_page(tmp_path: Path) -> None:
    """Each page of a tag's list has «Thẻ» in its trail, linking to /the/; page 2 names the
    tag once, not again as «Thẻ: …» after it."""
    root = make_project(tmp_path, {**TAGGED, "site.toml": SITE_TOML + "\n[web]\nper_page = 1\n"})
    files = built(root)
    assert crumbs(files, "the/an-ninh/") == [
        ("/", "Trang chủ"),
        ("/the/", "Thẻ"),
        ("/the/an-ninh/", "an ninh"),
    ]
    assert crumbs(files, "the/an-ninh/trang/2/") == [
        ("/", "Trang chủ"),
        ("/the/", "Thẻ"),
        ("/the/an-ninh/", "an ninh"),
        ("/the/an-ninh/trang/2/", "Trang 2"),
    ]
    assert crumbs(files, "the/") == [("/", "Trang chủ"), ("/the/", "Thẻ")]


def test_the_tags_page_is_in_the_sitemap_dated_by_its_newest_bulletin(tmp_path: Path) -> None:
    """Search engines are told of /the/, last changed with the newest tagged bulletin."""
    files = built(make_project(tmp_path, TAGGED))
    entry = re.search(
        r"<loc>http[^<]*/the/</loc>\s*<lastmod>([^<]+)</lastmod>", files["sitemap.xml"].decode()
    )
    assert entry and entry[1].startswith("2020-12-05T08:00")


def test_without_tags_there_is_no_tags_page(tmp_path: Path) -> None:
    """A site whose bulletins have no tag has no /the/ at all: no empty list, no sitemap entry."""
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin(1, "[]")})
    files = built(root)
    assert not any(path.startswith("the/") for path in files)
    assert "/the/" not in files["sitemap.xml"].decode()


def test_an_own_theme_without_the_tags_template_keeps_the_redirect(tmp_path: Path) -> None:
    """A unit's own templates/ copied before tags.html existed is told of no missing template:
    /the/ still sends a reader to the home page and tag pages keep their trail."""
    root = make_project(tmp_path, TAGGED)
    shutil.copytree(BUILTIN_THEME, root / "templates")
    (root / "templates/web/tags.html").unlink()
    assert web.check(load_site(config_module.load(root), now=NOW)) == []
    files = built(root)
    assert '<meta http-equiv="refresh" content="0; url=/">' in files["the/index.html"].decode()
    assert crumbs(files, "the/an-ninh/") == [("/", "Trang chủ"), ("/the/an-ninh/", "Thẻ: an ninh")]
    assert "/the/</loc>" not in files["sitemap.xml"].decode()


def test_a_tag_added_in_an_edit_reaches_the_tags_page_as_in_a_clean_build(tmp_path: Path) -> None:
    """The tags page is made of every bulletin's tags: a rebuild after one bulletin gains a
    tag lists it and counts it, byte for byte as a clean build does."""
    root = make_project(tmp_path, TAGGED)
    assert ("/the/tuan-tra/", "tuần tra", 1) in tags_listed(built(root))
    (root / "content/bai-viet/a.md").write_text(
        bulletin(1, '["lừa đảo qua mạng", "Tết", "an ninh", "tuần tra", "Zalo"]'), "utf-8"
    )
    files = built(root)
    listed = tags_listed(files)
    assert ("/the/tuan-tra/", "tuần tra", 2) in listed and listed[-1] == ("/the/zalo/", "Zalo", 1)
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "output"))
    assert files == built(clean)
