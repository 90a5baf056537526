"""A website moved to a new address (a unit renamed or merged in 2025) still owns its old one:
links its bulletins wrote with the old address, years ago or pasted from an old bookmark, are
links to its own pages on every channel, as links written with base_url are."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from publish import config as config_module
from publish.addresses import SiteAddresses
from publish.cli import main
from publish.content import load_site
from publish.linkcheck import page_url
from publish.render import web
from publish.site_paths import served_paths
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


ADDRESS_AS_TEXT = (
    "Một [https://example.vn/chau-thanh/lien-he/](https://example.vn/chau-thanh/lien-he/).\n\n"
    "Hai <https://www.example.vn/chau-thanh/2020/12/ben-kia/#lien-he>.\n\n"
    "Ba [example.vn/chau-thanh/lien-he](http://example.vn/chau-thanh/lien-he).\n\n"
    "Bốn [https://example.vn/chau-thanh/lien-he/](https://example.vn/chau-thanh/lien-he/#ban-do)"
    " và [https://example.vn/chau-thanh/uploads/a.pdf](https://example.vn/chau-thanh/uploads/a.pdf)."
    "\n\nNăm: website cũ https://example.vn/chau-thanh/lien-he/ đã chuyển.\n"
    "\nCông an xã thông báo.\n"
)
"""Links whose text is the old address they were written with (pasted from the address bar,
an autolink, without the scheme); one whose text is another address, one to the old site's own
file and an address that is no link."""


def test_a_link_showing_the_old_address_as_its_text_shows_the_new_one(tmp_path: Path) -> None:
    """The link led to the new address but its text still showed the old one, which a reader
    copies or types (on Zalo «old (new)»): when the text is the address, the new one is shown;
    other text, a link left to the old site and an address that is no link stay as written.
    The radio script, which reads no address, is the same."""
    root = moved(project(tmp_path, ADDRESS_AS_TEXT, {"content/pages/lien-he.md": LIEN_HE}))
    output = built(root, ("web", "zalo", "radio"))
    html = (output / "web/2020/12/a/index.html").read_text("utf-8")
    prose = html.split('<div class="prose">', 1)[1].split("</div>", 1)[0]
    texts = re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', prose)
    old_file = "https://example.vn/chau-thanh/uploads/a.pdf"
    assert texts == [
        ("/lien-he/", f"{NEW}lien-he/"),
        ("/2020/12/ben-kia/#lien-he", f"{NEW}2020/12/ben-kia/#lien-he"),
        ("/lien-he", "congan-tannhuandong.example.vn/lien-he"),
        ("/lien-he/#ban-do", "https://example.vn/chau-thanh/lien-he/"),
        (old_file, old_file),
    ]
    assert "website cũ https://example.vn/chau-thanh/lien-he/ đã chuyển" in prose
    blocks = json.loads((output / "zalo/a.json").read_text("utf-8"))["body"]
    assert [b["content"] for b in blocks[:5]] == [
        f"Một {NEW}lien-he/.",
        f"Hai {NEW}2020/12/ben-kia/#lien-he.",
        "Ba congan-tannhuandong.example.vn/lien-he.",
        f"Bốn https://example.vn/chau-thanh/lien-he/ ({NEW}lien-he/#ban-do) và {old_file}.",
        "Năm: website cũ https://example.vn/chau-thanh/lien-he/ đã chuyển.",
    ]
    script = (output / "radio/items/a.txt").read_text("utf-8")
    assert "Công an xã thông báo." in script
    assert "example.vn" not in script and "congan-tannhuandong" not in script


def test_a_link_to_a_missing_page_at_the_old_address_is_a_note_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The old site may have had that page (its own CMS's): the link stays as written."""
    body = "Dòng một.\n\nXem [thông báo](https://example.vn/chau-thanh/2020/12/ben-kai/).\n"
    root = moved(project(tmp_path, body))
    assert check(root) == 0
    err = capsys.readouterr().err
    assert f"{A}:12: ghi chú: liên kết «https://example.vn/chau-thanh/2020/12/ben-kai/»" in err
    assert "không có trang hay tệp /2020/12/ben-kai/: liên kết được để nguyên" in err


def test_a_link_to_a_missing_file_at_the_old_address_names_the_file_and_a_close_name(
    tmp_path: Path,
) -> None:
    body = "Xem [bài](https://www.example.vn/chau-thanh/bai-viet/2020-12-09-ben-kai.md#lien-he).\n"
    [problem] = load_problems(moved(project(tmp_path, body)))
    assert (problem.file, problem.line, problem.severity) == (A, 10, "error")
    assert "không có tệp content/bai-viet/2020-12-09-ben-kai.md" in problem.message
    assert "Có phải ý bạn là «2020-12-09-ben-kia.md#lien-he»?" in (problem.hint or "")


def test_a_missing_content_file_at_the_old_address_is_one_error_saying_why_it_is_not_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check printed the error and also a note that the same link was «để nguyên như đã
    viết», as a link to the old CMS's files is: no site ever served a .md file, so the error
    stands and says why and what to do."""
    body = "Xem [bài](https://example.vn/chau-thanh/bai-viet/2020-12-09-ben-kai.md).\n"
    assert check(moved(project(tmp_path, body))) == 1
    err = capsys.readouterr().err
    assert (
        f"{A}:10: lỗi: liên kết «https://example.vn/chau-thanh/bai-viet/2020-12-09-ben-kai.md» "
        "không dẫn tới bản tin hay trang nào: không có tệp content/bai-viet/2020-12-09-ben-kai.md"
    ) in err
    assert "Cách sửa: Tên tệp .md viết bằng địa chỉ cũ của website ([site] old_base_urls)" in err
    assert "sửa tên tệp cho đúng, hoặc bỏ liên kết" in err
    assert "Có phải ý bạn là «2020-12-09-ben-kia.md»?" in err
    assert "ghi chú: liên kết" not in err


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


OLD_SITE_FILES = (
    "Xem [quyết định](https://example.vn/chau-thanh/uploads/2019/qd-123.pdf),\n"
    "[bài cũ](https://example.vn/chau-thanh/index.php?option=com_content&id=5) và\n"
    "[liên hệ](https://example.vn/chau-thanh/lien-he/).\n"
    "\n"
    "![Ảnh cũ](https://example.vn/chau-thanh/uploads/anh.jpg)\n"
)
"""Links and an image written with the old address to the old CMS's own files, which the new
website does not have, and one link to a page it has."""


def test_a_link_to_the_old_site_s_own_file_is_left_as_written_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Listing old_base_urls made each one a broken link (an error, the image one even in
    publish build), and the only way out was editing approved bulletins."""
    root = moved(project(tmp_path, OLD_SITE_FILES, {"content/pages/lien-he.md": LIEN_HE}))
    argv = [*CHECK, "--strict"]
    argv[2] = str(root)
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "lỗi:" not in err and "cảnh báo:" not in err
    for line, href, path in (
        (10, "https://example.vn/chau-thanh/uploads/2019/qd-123.pdf", "/uploads/2019/qd-123.pdf"),
        (11, "https://example.vn/chau-thanh/index.php?option=com_content&id=5", "/index.php"),
        (14, "https://example.vn/chau-thanh/uploads/anh.jpg", "/uploads/anh.jpg"),
    ):
        assert (
            f"{A}:{line}: ghi chú: liên kết «{href}» viết bằng địa chỉ cũ của website, nhưng "
            f"website hiện nay không có trang hay tệp {path}: liên kết được để nguyên"
        ) in err
    assert err.count("ghi chú: liên kết") == 3  # not the link to /lien-he/
    output = built(root, ("web", "zalo"))
    html = (output / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html) == [
        "https://example.vn/chau-thanh/uploads/2019/qd-123.pdf",
        "https://example.vn/chau-thanh/index.php?option=com_content&amp;id=5",
        "/lien-he/",
    ]
    assert 'src="https://example.vn/chau-thanh/uploads/anh.jpg"' in html
    text = json.loads((output / "zalo/a.json").read_text("utf-8"))["body"][0]["content"]
    assert "(https://example.vn/chau-thanh/uploads/2019/qd-123.pdf)" in text
    assert f"({NEW}lien-he/)" in text


def test_a_broken_link_written_with_base_url_is_still_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = f"Xem [quyết định]({NEW}uploads/2019/qd-123.pdf).\n"
    assert check(moved(project(tmp_path, body))) == 1
    err = capsys.readouterr().err
    # Quoted as typed, the path it means named after it (it named the path alone, which the
    # editor searched the file for in vain).
    assert (
        f"{A}:10: lỗi: liên kết hỏng «{NEW}uploads/2019/qd-123.pdf» ở trang /2020/12/a/: không "
        "có trang hay tệp /uploads/2019/qd-123.pdf trong website"
    ) in err


def test_every_file_a_build_writes_is_a_path_the_site_serves(tmp_path: Path) -> None:
    """What a link at an old address may lead to is decided before the website is rendered
    (publish.site_paths): it must know every page and file the website makes."""
    root = moved(project(tmp_path, "Nội dung.\n", {"content/pages/lien-he.md": LIEN_HE}))
    b = root / "content/bai-viet/2020-12-09-ben-kia.md"
    b.write_text(b.read_text("utf-8").replace("id: b\n", 'id: b\naliases: ["/posts/ben-kia/"]\n'))
    web = built(root) / "web"
    site = load_site(config_module.load(root), now=NOW)
    served = served_paths(site)
    files = [p.relative_to(web).as_posix() for p in web.rglob("*") if p.is_file()]
    assert "posts/ben-kia/index.html" in files and "lien-he/index.html" in files
    assert [f for f in files if not served(page_url(f))] == []
    assert not served("/uploads/2019/qd-123.pdf") and not served("/2019/05/bai-khac/")


THEME_LINKS = (
    '<a href="https://example.vn/chau-thanh/lien-he/#ban-do">Bản đồ</a>'
    '<a href="http://example.vn/chau-thanh/lien-he/#khong-co">Không có mục</a>'
    '<a href="https://www.congan-tannhuandong.example.vn/lien-hee/">Gõ nhầm</a>'
    '<a href="https://example.vn/chau-thanh/uploads/quy-che.pdf">Quy chế</a>'
)
"""Footer links of a project's own theme, written with the old address and with base_url's
"www.": two to a page the website has (one to a section it lacks), a typo, the old site's file."""


def test_a_theme_link_written_with_an_old_or_www_address_is_checked_as_the_site_s_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The link check knew base_url as written alone: these were external links, never
    checked without --external (then probed at the old domain), so a broken one shipped."""
    root = moved(project(tmp_path, "Nội dung.\n", {"content/pages/lien-he.md": LIEN_HE}))
    shutil.copytree(web.BUILTIN_THEME, root / "templates")
    base = root / "templates/web/base.html"
    base.write_text(base.read_text("utf-8").replace("</footer>", THEME_LINKS + "</footer>"))
    assert check(root) == 1
    err = capsys.readouterr().err
    assert (
        "lỗi: liên kết hỏng «http://example.vn/chau-thanh/lien-he/#khong-co» ở trang /, "
    ) in err
    assert "trang /lien-he/ không có mục #khong-co" in err
    assert (
        "lỗi: liên kết hỏng «https://www.congan-tannhuandong.example.vn/lien-hee/» ở trang /, "
    ) in err
    assert "không có trang hay tệp /lien-hee/ trong website" in err
    assert "ban-do" not in err and "quy-che.pdf" not in err
