"""A website moved to a new address (a unit renamed or merged in 2025) still owns its old one:
links its bulletins wrote with the old address, years ago or pasted from an old bookmark, are
links to its own pages on every channel, as links written with base_url are."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from publish.addresses import SiteAddresses
from publish.cli import main
from tests.helpers import NOW
from tests.test_links import LIEN_HE, TOML, A, built, hrefs, load_problems, project

NEW = "https://congan-tannhuandong.example.vn/"
OLD = "https://example.vn/chau-thanh/"
"""Published under a folder of the province's shared domain before, on its own host now."""
CHECK = ["check", "--root", "", "--channel", "web", "--channel", "zalo", "--now", NOW.isoformat()]


def moved(root: Path, old: str = OLD) -> Path:
    """The project published at NEW, at `old` before."""
    toml = TOML.replace(
        'base_url = "https://congan-chauthanh.example.vn/"',
        f'base_url = "{NEW}"\nold_base_urls = ["{old}"]',
    )
    (root / "site.toml").write_text(toml, "utf-8")
    return root


def check(root: Path) -> int:
    """`publish check` of the web and Zalo channels of the project."""
    argv = list(CHECK)
    argv[2] = str(root)
    return main(argv)


BODY = (
    "Xem [thông báo](https://example.vn/chau-thanh/2020/12/ben-kia/#lien-he),\n"
    "[tệp](https://www.example.vn/chau-thanh/bai-viet/2020-12-09-ben-kia.md),\n"
    "[liên hệ](http://Example.vn/chau-thanh/lien-he/), [không giao thức](//example.vn/chau-thanh/lien-he/)\n"
    "và [nơi khác](https://example.vn/ubnd/).\n"
)
"""Links written with the old address, in the forms the site's own address is read in (a file,
"www.", "http://", no scheme), and one to another site on the old host."""


def test_links_written_with_the_old_address_lead_to_the_pages_on_the_website(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Until now the website kept them pointing at the old domain (which the province may
    retire) and the link check never looked whether the page is there."""
    root = moved(project(tmp_path, BODY, {"content/pages/lien-he.md": LIEN_HE}))
    assert check(root) == 0
    assert "liên kết" not in capsys.readouterr().err
    html = (built(root) / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html) == [
        "/2020/12/ben-kia/#lien-he",
        "/2020/12/ben-kia/",
        "/lien-he/",
        "/lien-he/",
        "https://example.vn/ubnd/",
    ]


def test_zalo_shows_links_written_with_the_old_address_at_the_new_one(tmp_path: Path) -> None:
    """Until now the article sent readers to the old domain."""
    root = moved(project(tmp_path, BODY, {"content/pages/lien-he.md": LIEN_HE}))
    payload = json.loads((built(root, ("zalo",)) / "zalo/a.json").read_text("utf-8"))
    assert payload["body"][0]["content"] == (
        f"Xem thông báo ({NEW}2020/12/ben-kia/#lien-he), tệp ({NEW}2020/12/ben-kia/), "
        f"liên hệ ({NEW}lien-he/), không giao thức ({NEW}lien-he/) và nơi khác "
        "(https://example.vn/ubnd/)."
    )


def test_a_link_to_a_missing_page_at_the_old_address_is_an_error_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Dòng một.\n\nXem [thông báo](https://example.vn/chau-thanh/2020/12/ben-kai/).\n"
    root = moved(project(tmp_path, body))
    assert check(root) == 1
    err = capsys.readouterr().err
    assert f"{A}:12: lỗi: liên kết hỏng '/2020/12/ben-kai/'" in err
    assert "không có trang hay tệp /2020/12/ben-kai/ trong website" in err


def test_a_link_to_a_missing_file_at_the_old_address_names_the_file_and_a_close_name(
    tmp_path: Path,
) -> None:
    body = "Xem [bài](https://www.example.vn/chau-thanh/bai-viet/2020-12-09-ben-kai.md#lien-he).\n"
    [problem] = load_problems(moved(project(tmp_path, body)))
    assert (problem.file, problem.line, problem.severity) == (A, 10, "error")
    assert "không có tệp content/bai-viet/2020-12-09-ben-kai.md" in problem.message
    assert "Có phải ý bạn là «2020-12-09-ben-kia.md#lien-he»?" in (problem.hint or "")


def test_a_link_to_a_bulletin_s_old_address_at_the_site_s_old_address_is_its_redirect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As an own link to an alias is: the redirect page there leads on to the bulletin."""
    body = "Xem [bài cũ](https://example.vn/chau-thanh/posts/ben-kia/).\n"
    root = moved(project(tmp_path, body))
    b = root / "content/bai-viet/2020-12-09-ben-kia.md"
    b.write_text(b.read_text("utf-8").replace("id: b\n", 'id: b\naliases: ["/posts/ben-kia/"]\n'))
    assert check(root) == 0, capsys.readouterr().err
    output = built(root)
    assert hrefs((output / "web/2020/12/a/index.html").read_text("utf-8")) == ["/posts/ben-kia/"]
    assert (output / "web/posts/ben-kia/index.html").is_file()


def test_an_image_written_with_the_old_address_is_its_content_image(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was a remote image: the page and Zalo showed it from the old domain."""
    body = (
        "![Ảnh một](https://example.vn/chau-thanh/images/bia.jpg)\n"
        "\n"
        '<img src="//www.example.vn/chau-thanh/images/bia.jpg" alt="Ảnh hai">\n'
    )
    root = moved(project(tmp_path, body))
    assert check(root) == 0, capsys.readouterr().err
    output = built(root, ("web", "zalo"))
    html = (output / "web/2020/12/a/index.html").read_text("utf-8")
    assert len(re.findall(r'<img [^>]*src="/anh/bia-', html)) == 2
    assert "example.vn/chau-thanh" not in html
    blocks = json.loads((output / "zalo/a.json").read_text("utf-8"))["body"]
    urls = [b["url"] for b in blocks if b["type"] == "image"]
    assert len(urls) == 2 and all(url.startswith(f"{NEW}anh/bia-") for url in urls), urls


def test_an_alias_written_with_the_old_address_is_its_path(tmp_path: Path) -> None:
    """Copied from the old site's address bar: it was refused as another website's address."""
    root = moved(project(tmp_path, "Nội dung.\n"))
    b = root / "content/bai-viet/2020-12-09-ben-kia.md"
    alias = "https://www.example.vn/chau-thanh/posts/ben-kia/"
    b.write_text(b.read_text("utf-8").replace("id: b\n", f'id: b\naliases: ["{alias}"]\n'))
    redirect = built(root) / "web/posts/ben-kia/index.html"
    assert "/2020/12/ben-kia/" in redirect.read_text("utf-8")


@pytest.mark.parametrize(
    ("href", "path"),
    [
        ("https://example.vn/chau-thanh/lien-he/?a=1#b", "/lien-he/?a=1#b"),
        ("HTTP://WWW.Example.VN/chau-thanh", "/"),
        ("//example.vn/chau-thanh/lien-he/", "/lien-he/"),
        ("https://congan-tannhuandong.example.vn/lien-he/", "/lien-he/"),
        ("https://example.vn/tan-nhuan-dong/lien-he/", "/lien-he/"),
        ("https://example.vn/chau-thanh-cu/lien-he/", None),
        ("https://example.vn/lien-he/", None),
        ("https://khac.vn/chau-thanh/lien-he/", None),
        ("ftp://example.vn/chau-thanh/lien-he/", None),
        # Without a host, a path is one on the host the site is on now.
        ("/chau-thanh/lien-he/", None),
    ],
)
def test_own_path_knows_the_addresses_the_site_had_before(href: str, path: str | None) -> None:
    site = SiteAddresses(NEW, (OLD, "https://example.vn/tan-nhuan-dong/"))
    assert site.own_path(href) == path


def test_of_two_old_addresses_on_one_host_the_deeper_folder_is_the_link_s() -> None:
    site = SiteAddresses(NEW, ("https://example.vn/", "https://example.vn/chau-thanh/"))
    assert site.own_path("https://example.vn/chau-thanh/lien-he/") == "/lien-he/"
    assert site.own_path("https://example.vn/gioi-thieu/") == "/gioi-thieu/"


def test_a_site_moved_from_a_folder_to_its_host_s_root_owns_the_old_folder_s_links() -> None:
    """base_url is one of the addresses the deepest folder is chosen among: the link was read
    with base_url first and became /chau-thanh/lien-he/, a page the site does not have."""
    site = SiteAddresses("https://example.vn/", ("https://example.vn/chau-thanh/",))
    assert site.own_path("https://example.vn/chau-thanh/lien-he/") == "/lien-he/"
    assert site.own_path("https://www.example.vn/gioi-thieu/") == "/gioi-thieu/"

