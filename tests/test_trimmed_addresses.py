"""A visitor who trims a bulletin's address (/2024/01/ten-bai/ → /2024/01/ → /2024/) or types a
list's folder (/the/, /chuyen-muc/, /trang/) lands on the page they meant, from static files:
a static host had nothing there (an English folder listing, a 403, or the 404 page)."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from publish.cli import main
from publish.config import BUILTIN_THEME
from tests.test_sitemap import entries
from tests.web_fixture import BASE, NOW, BuiltSite, build_site, copy_site

BULLETIN_RE = re.compile(r"(\d{4})/(\d{2})/[a-z0-9-]+/index\.html")


def refresh_target(built: BuiltSite, url: str) -> str:
    """Where the page at `url` sends the browser, checked to be the redirect page the tool
    writes for old addresses: meta refresh, the same link for a browser without it, noindex."""
    page = built.html(url)
    found = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', page)
    assert found, f"{url} is not a redirect page"
    target = found[1]
    assert f'<a href="{target}">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert '<html lang="vi">' in page
    return target


def months(built: BuiltSite) -> set[tuple[str, str]]:
    """(year, month) of every bulletin page the build wrote."""
    return {(m[1], m[2]) for f in built.files() if (m := BULLETIN_RE.fullmatch(f))}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture site, built once for the tests that only read it."""
    return build_site(copy_site(tmp_path_factory.mktemp("trimmed")))


def test_a_trimmed_month_and_year_lead_to_the_archive(built: BuiltSite) -> None:
    """/YYYY/MM/ of every bulletin's month opens that month's archive page; /YYYY/ and
    /luu-tru/YYYY/ open the archive at that year's heading."""
    found = months(built)
    assert found
    for year, month in found:
        target = refresh_target(built, f"/{year}/{month}/")
        assert target == f"/luu-tru/{year}/{month}/"
        assert f'<h1 class="page-title">Lưu trữ tháng {int(month)}/{year}</h1>' in built.html(
            target
        )
        for trimmed in (f"/{year}/", f"/luu-tru/{year}/"):
            assert refresh_target(built, trimmed) == f"/luu-tru/#nam-{year}"
        assert f'id="nam-{year}"' in built.html("/luu-tru/")
    # The link check (which follows every internal link and #id) finds nothing to stop at.
    assert main(["check", "--root", str(built.root), "--now", NOW.isoformat(), "--strict"]) == 0


def test_list_folders_lead_to_a_list(built: BuiltSite) -> None:
    """/chuyen-muc/ opens the list of every category; /the/ is the list of every tag itself
    (no redirect); /trang/ opens the home page; a paginated list's trang/ its first page."""
    target = refresh_target(built, "/chuyen-muc/")
    page, anchor = target.split("#")
    assert f'id="{anchor}"' in built.html(page)
    for key in built.result.site.config.categories:
        assert f'href="/chuyen-muc/{key}/"' in built.html(page)
    tags = built.html("/the/")
    assert "http-equiv" not in tags
    for page in (f for f in built.files() if re.fullmatch(r"the/[a-z0-9-]+/index\.html", f)):
        assert f'href="/{page.removesuffix("index.html")}"' in tags
    assert refresh_target(built, "/trang/") == "/"
    # A list of more than one page: its trang/ folder is its first page.
    tag = next(f for f in built.files() if re.fullmatch(r"the/[a-z0-9-]+/trang/2/index\.html", f))
    first = "/" + tag.removesuffix("trang/2/index.html")
    assert refresh_target(built, first + "trang/") == first


def test_trimmed_addresses_are_in_neither_the_sitemap_nor_the_search_index(
    built: BuiltSite,
) -> None:
    """They only send the browser on: search engines and the search box must not offer them."""
    trimmed = built.redirect_urls()
    assert BASE + "chuyen-muc/" in trimmed
    assert not trimmed & set(entries(built))
    indexed = {
        row[0]
        for f in built.files()
        if f.startswith("tim-kiem/chi-muc/d/")
        for row in json.loads(built.text(f))
    }
    assert indexed and not {"/" + u.removeprefix(BASE) for u in trimmed} & indexed


def test_a_page_or_alias_at_a_trimmed_address_keeps_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A unit's page whose slug is a year, or an old address (aliases) at a month's folder: the
    editor's file is there, not a redirect to the archive, and the build does not stop."""
    root = copy_site(tmp_path_factory.mktemp("kept"))
    (root / "content/pages/nam-2024.md").write_text(
        '---\ntitle: "Tổng kết năm 2024"\nslug: "2024"\n---\n\nNội dung.\n', "utf-8"
    )
    bulletin = root / "content/bai-viet/2024-01-15-canh-bao-gia-danh-cong-an.md"
    text = bulletin.read_text("utf-8")
    bulletin.write_text(text.replace("---\n", '---\naliases: ["/2024/02/"]\n', 1), "utf-8")
    built = build_site(root)
    assert "<h1" in built.html("/2024/") and "http-equiv" not in built.html("/2024/")
    assert refresh_target(built, "/2024/02/") == "/2024/01/canh-bao-gia-danh-cong-an/"
    assert refresh_target(built, "/2024/03/") == "/luu-tru/2024/03/"


def test_a_month_left_without_bulletins_loses_its_trimmed_address(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The next build (reusing the first's output) removes /2024/01/ with the month's last
    bulletin, as it removes the month's archive page."""
    root = copy_site(tmp_path_factory.mktemp("gone"))
    built = build_site(root)
    assert refresh_target(built, "/2024/01/") == "/luu-tru/2024/01/"
    (root / "content/bai-viet/2024-01-15-canh-bao-gia-danh-cong-an.md").unlink()
    built = build_site(root)
    assert not (built.web / "2024/01").exists()
    assert refresh_target(built, "/2024/02/") == "/luu-tru/2024/02/"


def test_a_site_in_a_folder_sends_visitors_inside_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """base_url with a path: the redirect stays inside the site's folder."""
    root = copy_site(tmp_path_factory.mktemp("folder"))
    toml = root / "site.toml"
    toml.write_text(
        toml.read_text("utf-8").replace(
            'base_url = "https://ca-tanphudong.example.vn/"',
            'base_url = "https://ca-tanphudong.example.vn/web/"',
        ),
        "utf-8",
    )
    built = build_site(root)
    page = built.html("/2024/01/")
    assert '<meta http-equiv="refresh" content="0; url=/web/luu-tru/2024/01/">' in page
    assert (
        '<link rel="canonical" href="https://ca-tanphudong.example.vn/web/luu-tru/2024/01/">'
        in (page)
    )


def test_a_theme_without_the_year_headings_is_sent_to_the_top_and_passes_the_link_check(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A unit's own theme whose archive has no heading per year and whose search page has no
    list of categories: a redirect to /luu-tru/#nam-2024 is a link to a missing #id, which
    the link check reports as an error and stops publishing. Such redirects go to the top."""
    root = copy_site(tmp_path_factory.mktemp("theme"))
    shutil.copytree(BUILTIN_THEME, root / "templates")
    edits = [
        ("archive.html", """<h2 id="nam-{{ group['year'] }}">""", "<h2>"),
        ("search.html", '<h2 id="duyet-chuyen-muc">', "<h2>"),
        ("search.html", '<a href="#duyet-chuyen-muc">chuyên mục</a>', "chuyên mục"),
    ]
    for name, old, new in edits:
        template = root / "templates" / "web" / name
        text = template.read_text("utf-8")
        assert old in text
        template.write_text(text.replace(old, new), "utf-8")
    built = build_site(root)
    assert refresh_target(built, "/2024/") == "/luu-tru/"
    assert refresh_target(built, "/chuyen-muc/") == "/tim-kiem/"
    assert main(["check", "--root", str(root), "--now", NOW.isoformat(), "--strict"]) == 0
