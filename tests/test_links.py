"""Links between content files: `[bài trước](2020-12-08-a.md)` leads to that bulletin's page on
the website and on Zalo; a link to a file that is not there stops the build, naming file, line
and target."""

from __future__ import annotations

import html
import json
import os
import random
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from publish import config as config_module
from publish import links as links_module
from publish.addresses import SiteAddresses
from publish.cli import main
from publish.content import load_site
from publish.errors import ContentError
from publish.links import computer_files, links_in
from publish.pasted import unquote_links
from publish.pipeline import build
from publish.writer import write
from tests.helpers import NOW, OA_ID, SITE_TOML, TINY_JPEG, bulletin_md, make_project
from tests.zalo_project import jpeg

TOML = (
    SITE_TOML.replace(
        'base_url = "https://congan-chauthanh.example.vn/"',
        'base_url = "https://congan-chauthanh.example.vn/"\ndefault_cover = "images/bia.jpg"',
    )
    + f'\n[zalo]\noa_id = "{OA_ID}"\n'
)
"""Zalo needs a cover for every bulletin, and an OA to be built for at all."""
A = "content/bai-viet/2020-12-08-a.md"
B = "content/bai-viet/2020-12-09-ben-kia.md"


def project(tmp_path: Path, body: str, files: Mapping[str, str | bytes] | None = None) -> Path:
    """Bulletin A with `body` (from line 10), bulletin B (with a "Liên hệ" section), `files`."""
    wanted = {
        A: bulletin_md({"id": "a", "title": '"Bài A"'}, body=body),
        B: bulletin_md(
            {"id": "b", "title": '"Bài bên kia"', "date": "2020-12-09 08:00"},
            body="Nội dung bên kia.\n\n## Liên hệ\n\nGọi 113.\n",
        ),
        # 200 px: the share image's least size, so no warning about it mixes with the links'.
        "content/images/bia.jpg": jpeg(200, 200),
        "site.toml": TOML,
        **(files or {}),
    }
    return make_project(tmp_path, wanted)


def built(root: Path, channels: tuple[str, ...] = ("web",)) -> Path:
    """Build and write `channels` of the project; its output folder."""
    result = build(config_module.load(root), channels=channels, now=NOW)
    write(result.artifacts, root / "output", channels, cache=root / ".cache")
    return root / "output"


def hrefs(html: str) -> list[str]:
    """The link targets inside a page's body."""
    prose = html.split('<div class="prose">', 1)[1].split("</div>", 1)[0]
    return re.findall(r'<a href="([^"]*)"', prose)


def load_problems(root: Path) -> list:
    """The problems loading the project raises."""
    with pytest.raises(ContentError) as raised:
        load_site(config_module.load(root), now=NOW)
    return list(raised.value.problems)


def test_links_to_bulletin_files_lead_to_their_pages(tmp_path: Path) -> None:
    body = (
        "Xem [bài bên kia](2020-12-09-ben-kia.md), [mục liên hệ](../bai-viet/2020-12-09-ben-kia.md#lien-he),\n"
        "[từ content](/bai-viet/2020-12-09-ben-kia.md) và [chính bài này](2020-12-08-a.md#top).\n"
    )
    output = built(project(tmp_path, body))
    html = (output / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html) == [
        "/2020/12/ben-kia/",
        "/2020/12/ben-kia/#lien-he",
        "/2020/12/ben-kia/",
        "/2020/12/a/#top",
    ]


def test_links_to_bulletin_files_pass_the_link_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, "Xem [mục liên hệ](2020-12-09-ben-kia.md#lien-he).\n")
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 0
    assert "liên kết" not in capsys.readouterr().err


def test_a_site_under_a_folder_gets_the_folder_in_front(tmp_path: Path) -> None:
    toml = TOML.replace(
        'base_url = "https://congan-chauthanh.example.vn/"',
        'base_url = "https://example.vn/chau-thanh/"',
    )
    root = project(tmp_path, "Xem [bài bên kia](2020-12-09-ben-kia.md#lien-he).\n")
    (root / "site.toml").write_text(toml, "utf-8")
    html = (built(root) / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html) == ["/chau-thanh/2020/12/ben-kia/#lien-he"]


def under_folder(root: Path) -> Path:
    """The project published under https://example.vn/chau-thanh/ instead of its own host."""
    toml = TOML.replace(
        'base_url = "https://congan-chauthanh.example.vn/"',
        'base_url = "https://example.vn/chau-thanh/"',
    )
    (root / "site.toml").write_text(toml, "utf-8")
    return root


LIEN_HE = "---\ntitle: Liên hệ\n---\n\n## Bản đồ\n\nỞ trung tâm xã.\n"


def test_an_address_copied_from_the_browser_gets_the_folder_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Editors copy addresses from the address bar: with the folder, or in full."""
    body = (
        "Xem [liên hệ](/chau-thanh/lien-he/), [bản đồ](https://example.vn/chau-thanh/lien-he/#ban-do),\n"
        "[trang chủ](/chau-thanh), [như trước](/lien-he/) và [nơi khác](https://example.vn/khac/).\n"
    )
    root = under_folder(project(tmp_path, body, {"content/pages/lien-he.md": LIEN_HE}))
    html = (built(root, ("web", "zalo")) / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html) == [
        "/chau-thanh/lien-he/",
        "/chau-thanh/lien-he/#ban-do",
        "/chau-thanh/",
        "/chau-thanh/lien-he/",
        "https://example.vn/khac/",
    ]
    payload = json.loads((root / "output/zalo/a.json").read_text("utf-8"))
    assert payload["body"][0]["content"].startswith(
        "Xem liên hệ (https://example.vn/chau-thanh/lien-he/), bản đồ "
        "(https://example.vn/chau-thanh/lien-he/#ban-do), trang chủ (https://example.vn/chau-thanh/)"
    )
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 0
    assert "liên kết" not in capsys.readouterr().err


def test_an_html_link_to_the_site_with_a_space_before_its_address_leads_where_zalo_does(
    tmp_path: Path,
) -> None:
    """A browser strips the spaces around an href: the page left «<a href=" /lien-he/">»
    without the site's folder (a page not found) and the full address as written, where Zalo
    led to the page here."""
    body = (
        'Xem <a href=" /lien-he/">liên hệ</a>, <a href="\thttps://example.vn/chau-thanh/lien-he/'
        '#ban-do">bản đồ</a> và <a href=" https://example.vn/khac/">nơi khác</a>.\n'
    )
    root = under_folder(project(tmp_path, body, {"content/pages/lien-he.md": LIEN_HE}))
    html = (built(root, ("web", "zalo")) / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html)[:2] == ["/chau-thanh/lien-he/", "/chau-thanh/lien-he/#ban-do"]
    payload = json.loads((root / "output/zalo/a.json").read_text("utf-8"))
    assert payload["body"][0]["content"].startswith(
        "Xem liên hệ (https://example.vn/chau-thanh/lien-he/), bản đồ "
        "(https://example.vn/chau-thanh/lien-he/#ban-do)"
    )


def test_zalo_shows_the_sites_own_address_in_full_as_its_canonical_address(tmp_path: Path) -> None:
    """The website links «https://www.example.vn/chau-thanh/lien-he/» as its own page; Zalo kept
    the «www.» and «http://» forms as written, unlike the protocol-relative and path forms."""
    body = (
        "Xem [liên hệ](https://www.example.vn/chau-thanh/lien-he/#ban-do) và "
        "[cũ](http://Example.vn/chau-thanh/lien-he/).\n"
    )
    root = under_folder(project(tmp_path, body, {"content/pages/lien-he.md": LIEN_HE}))
    html = (built(root, ("web", "zalo")) / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html) == ["/chau-thanh/lien-he/#ban-do", "/chau-thanh/lien-he/"]
    payload = json.loads((root / "output/zalo/a.json").read_text("utf-8"))
    assert payload["body"][0]["content"].startswith(
        "Xem liên hệ (https://example.vn/chau-thanh/lien-he/#ban-do) và cũ "
        "(https://example.vn/chau-thanh/lien-he/)"
    )


def test_a_broken_address_copied_from_the_browser_is_named_as_written_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = under_folder(project(tmp_path, "Dòng một.\n\nXem [liên hệ](/chau-thanh/lien-hee/).\n"))
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert f"{A}:12: lỗi: liên kết hỏng «/chau-thanh/lien-hee/»" in err
    assert "chau-thanh/chau-thanh" not in err


def test_an_image_written_with_the_sites_own_full_address_is_its_content_image(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«https://example.vn/chau-thanh/images/bia.jpg» was taken for a remote image: the web page
    and Zalo linked to that address (where the site serves no such file) and a missing file was
    not told. It is content/images/bia.jpg, as a link in full is the site's own page."""
    body = (
        "![Ảnh một](https://example.vn/chau-thanh/images/bia.jpg)\n"
        "\n"
        '<img src="//www.example.vn/chau-thanh/images/bia.jpg" alt="Ảnh hai">\n'
    )
    root = under_folder(project(tmp_path, body))
    argv = ["check", "--root", str(root), "--channel", "web", "--channel", "zalo"]
    assert main([*argv, "--now", NOW.isoformat()]) == 0
    output = built(root, ("web", "zalo"))
    html = (output / "web/2020/12/a/index.html").read_text("utf-8")
    assert len(re.findall(r'<img [^>]*src="/chau-thanh/anh/bia-', html)) == 2
    assert "images/bia.jpg" not in html.split('<div class="prose">', 1)[1]
    blocks = json.loads((output / "zalo/a.json").read_text("utf-8"))["body"]
    urls = [b["url"] for b in blocks if b["type"] == "image"]
    assert len(urls) == 2 and all("/anh/bia-" in url for url in urls), urls

    (root / "content/images/bia.jpg").rename(root / "content/images/bia-cu.jpg")
    (root / "site.toml").write_text(
        (root / "site.toml").read_text("utf-8").replace("images/bia.jpg", "images/bia-cu.jpg"),
        "utf-8",
    )
    capsys.readouterr()
    assert main([*argv, "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert "không tìm thấy ảnh «https://example.vn/chau-thanh/images/bia.jpg»" in err


def test_an_image_address_copied_from_the_browser_with_percent_escapes_is_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The address bar shows content/images/ảnh-hiện-trường.jpg as %E1%BA%A3nh-…: it was "không
    tìm thấy ảnh" (links were decoded, images were not)."""
    encoded = "%E1%BA%A3nh-hi%E1%BB%87n-tr%C6%B0%E1%BB%9Dng.jpg"
    body = f"![Ảnh một](/images/{encoded})\n\n![Ảnh hai](../images/{encoded})\n"
    root = project(tmp_path, body, {"content/images/ảnh-hiện-trường.jpg": TINY_JPEG})
    argv = ["check", "--root", str(root), "--channel", "web", "--channel", "zalo"]
    assert main([*argv, "--now", NOW.isoformat()]) == 0, capsys.readouterr().err
    html = (built(root, ("web",)) / "web/2020/12/a/index.html").read_text("utf-8")
    prose = html.split('<div class="prose">', 1)[1]
    assert len(re.findall(r'<img [^>]*src="/anh/', prose)) == 2
    assert "%E1" not in prose


def test_a_page_whose_address_starts_with_the_folder_name_is_still_linked_as_a_site_path(
    tmp_path: Path,
) -> None:
    """/chau-thanh/ is then a page of the site: a link to it is not the home page."""
    page = "---\ntitle: Công an Châu Thành\n---\n\nGiới thiệu.\n"
    root = under_folder(
        project(
            tmp_path, "Xem [giới thiệu](/chau-thanh/).\n", {"content/pages/chau-thanh.md": page}
        )
    )
    html = (built(root) / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html) == ["/chau-thanh/chau-thanh/"]


def test_a_full_address_of_a_site_at_its_host_root_becomes_a_site_path(tmp_path: Path) -> None:
    """So the link works in the preview and is checked as the site's own."""
    body = (
        "Xem [liên hệ](https://congan-chauthanh.example.vn/lien-he/) và "
        "[cũ](http://CongAn-ChauThanh.example.vn/lien-he/#ban-do).\n"
    )
    root = project(tmp_path, body, {"content/pages/lien-he.md": LIEN_HE})
    html = (built(root) / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html) == ["/lien-he/", "/lien-he/#ban-do"]


def test_a_later_build_reads_addresses_as_a_clean_build_does(tmp_path: Path) -> None:
    """Whether "/chau-thanh/" is the home page or a page depends on the other files: a body
    kept from the build before must not keep the old reading."""
    body = "Xem [giới thiệu](/chau-thanh/).\n"
    root = under_folder(project(tmp_path, body))
    assert hrefs((built(root) / "web/2020/12/a/index.html").read_text("utf-8")) == ["/chau-thanh/"]

    page = "---\ntitle: Công an Châu Thành\n---\n\nGiới thiệu.\n"
    (root / "content/pages").mkdir()
    (root / "content/pages/chau-thanh.md").write_text(page, "utf-8")
    output = built(root, ("web", "zalo", "radio"))
    now = {
        p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()
    }
    assert now == clean_output(root, tmp_path / "clean")
    assert hrefs(now["web/2020/12/a/index.html"].decode()) == ["/chau-thanh/chau-thanh/"]


@pytest.mark.parametrize(
    ("href", "path"),
    [
        ("/chau-thanh/lien-he/", "/lien-he/"),
        ("/chau-thanh/lien-he/?a=1#b", "/lien-he/?a=1#b"),
        ("/chau-thanh", "/"),
        ("https://example.vn/chau-thanh/lien-he/#b", "/lien-he/#b"),
        ("HTTP://Example.VN/chau-thanh/", "/"),
        ("/lien-he/", None),
        ("/chau-thanhx/", None),
        ("https://example.vn/", None),
        ("https://example.vn/khac/chau-thanh/", None),
        ("https://khac.vn/chau-thanh/lien-he/", None),
        ("//example.vn/chau-thanh/lien-he/", "/lien-he/"),
        ("//Example.VN/chau-thanh", "/"),
        ("https://www.example.vn/chau-thanh/lien-he/#b", "/lien-he/#b"),
        ("//www.example.vn/chau-thanh/lien-he/", "/lien-he/"),
        ("//khac.vn/chau-thanh/lien-he/", None),
        ("https://www.khac.vn/chau-thanh/lien-he/", None),
        ("https://wwwexample.vn/chau-thanh/lien-he/", None),
        ("//example.vn/khac/", None),
        ("mailto:a@example.vn", None),
        ("ftp://example.vn/chau-thanh/", None),
        ("chau-thanh/lien-he/", None),
        ("#chau-thanh", None),
        ("http://[hong/", None),
        ("//[hong/chau-thanh/", None),
        ("/chau-thanh/gioi-thieu/", None),
        ("/chau-thanh/gioi-thieu", None),
    ],
)
def test_own_path(href: str, path: str | None) -> None:
    site = SiteAddresses("https://example.vn/chau-thanh/")
    assert site.own_path(href, {"/chau-thanh/gioi-thieu/"}) == path


def test_own_path_of_a_site_at_its_host_root_with_www() -> None:
    site = SiteAddresses("https://www.example.vn/")
    assert site.own_path("//www.example.vn/lien-he/") == "/lien-he/"
    assert site.own_path("https://example.vn/lien-he/") == "/lien-he/"


def test_files_images_and_addresses_written_with_the_folder_are_the_site_s_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the browser shows them: a file or an image path with the folder in front, the full
    address of a file, an address without its scheme or with "www."."""
    body = (
        "Xem [a](/chau-thanh/bai-viet/2020-12-09-ben-kia.md#lien-he),\n"
        "[b](https://example.vn/chau-thanh/bai-viet/2020-12-09-ben-kia.md),\n"
        "[c](//example.vn/chau-thanh/lien-he/), [d](https://www.example.vn/chau-thanh/lien-he/#ban-do)\n"
        "và [e](//khac.vn/chau-thanh/lien-he/).\n"
        "\n"
        "![Ảnh bìa](/chau-thanh/images/bia.jpg)\n"
    )
    root = under_folder(project(tmp_path, body, {"content/pages/lien-he.md": LIEN_HE}))
    argv = ["check", "--root", str(root), "--channel", "web", "--channel", "zalo"]
    assert main([*argv, "--now", NOW.isoformat()]) == 0
    assert "liên kết" not in capsys.readouterr().err
    output = built(root, ("web", "zalo"))
    html = (output / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html) == [
        "/chau-thanh/2020/12/ben-kia/#lien-he",
        "/chau-thanh/2020/12/ben-kia/",
        "/chau-thanh/lien-he/",
        "/chau-thanh/lien-he/#ban-do",
        "//khac.vn/chau-thanh/lien-he/",
    ]
    assert re.search(r'<img [^>]*src="/chau-thanh/anh/bia-', html)
    blocks = json.loads((output / "zalo/a.json").read_text("utf-8"))["body"]
    assert blocks[0]["content"] == (
        "Xem a (https://example.vn/chau-thanh/2020/12/ben-kia/#lien-he), "
        "b (https://example.vn/chau-thanh/2020/12/ben-kia/), "
        "c (https://example.vn/chau-thanh/lien-he/), "
        "d (https://example.vn/chau-thanh/lien-he/#ban-do) và e."
    )
    assert blocks[1]["type"] == "image"


def test_a_malformed_address_naming_a_markdown_file_is_no_link_to_a_file() -> None:
    assert links_in("[a](http://[hong/x.md) và [b](//[hong/x.md)", 1) == ()


def test_a_full_address_of_a_missing_file_of_the_site_is_reported_with_its_line(
    tmp_path: Path,
) -> None:
    body = (
        "Xem [khác](https://khac.vn/chau-thanh/bai-viet/khong-co.md) và\n"
        "[thiếu](https://www.example.vn/chau-thanh/bai-viet/2020-12-09-ben-kai.md).\n"
    )
    [problem] = load_problems(under_folder(project(tmp_path, body)))
    assert (problem.file, problem.line) == (A, 11)
    assert "không có tệp content/bai-viet/2020-12-09-ben-kai.md" in problem.message


def test_a_page_links_to_a_bulletin_and_a_bulletin_to_a_page(tmp_path: Path) -> None:
    page = "---\ntitle: Liên hệ\n---\n\nĐọc [bản tin](../bai-viet/2020-12-09-ben-kia.md).\n"
    root = project(
        tmp_path,
        "Xem [trang liên hệ](../pages/lien-he.md).\n",
        {"content/pages/lien-he.md": page},
    )
    output = built(root)
    assert hrefs((output / "web/2020/12/a/index.html").read_text("utf-8")) == ["/lien-he/"]
    page = (output / "web/lien-he/index.html").read_text("utf-8")
    assert '<a href="/2020/12/ben-kia/"' in page


def test_a_link_to_a_missing_file_names_file_line_target_and_a_close_name(tmp_path: Path) -> None:
    root = project(tmp_path, "Dòng một.\n\nXem [bài bên kia](2020-12-09-ben-kai.md#lien-he).\n")
    [problem] = load_problems(root)
    assert problem.file == A
    assert problem.line == 12
    assert problem.severity == "error"
    assert "2020-12-09-ben-kai.md" in problem.message
    assert "content/bai-viet/2020-12-09-ben-kai.md" in problem.message
    assert "Có phải ý bạn là «2020-12-09-ben-kia.md#lien-he»?" in (problem.hint or "")


def test_a_link_differing_in_case_is_a_typo_on_a_case_insensitive_disk_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, "Dòng một.\n\nXem [bài bên kia](2020-12-09-Ben-Kia.md).\n")
    real_is_file = Path.is_file

    def is_file_ignoring_case(path: Path) -> bool:
        """Path.is_file as Windows and macOS answer it: the name in any case."""
        folder = path.parent
        if folder.is_dir():
            return any(
                name.lower() == path.name.lower() and real_is_file(folder / name)
                for name in os.listdir(folder)
            )
        return False

    monkeypatch.setattr(Path, "is_file", is_file_ignoring_case)
    [problem] = load_problems(root)
    assert "không dẫn tới bản tin hay trang nào" in problem.message
    assert "bị bỏ qua" not in problem.message
    assert "Có phải ý bạn là «2020-12-09-ben-kia.md»?" in (problem.hint or "")


def test_every_missing_target_is_reported_and_reference_links_too(tmp_path: Path) -> None:
    body = (
        "[một](khong-co.md) và [hai][ref] và <a href='/bai-viet/cung-khong-co.md'>ba</a>.\n\n"
        "[ref]: ../../README.md\n"
    )
    problems = load_problems(project(tmp_path, body))
    assert [(p.line, p.message.split("«")[1].split("»")[0]) for p in problems] == [
        (10, "khong-co.md"),
        (10, "/bai-viet/cung-khong-co.md"),
        (12, "../../README.md"),
    ]
    assert "ngoài thư mục content/" in problems[2].message


def test_links_in_code_are_shown_as_code_not_checked(tmp_path: Path) -> None:
    body = (
        "Viết `[chữ](ten-tep.md)` để liên kết tới [bài bên kia](2020-12-09-ben-kia.md).\n\n"
        "```\n[chữ](tep-khac.md)\n```\n"
    )
    html = (built(project(tmp_path, body)) / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html) == ["/2020/12/ben-kia/"]
    assert "<code>[chữ](ten-tep.md)</code>" in html


def test_links_in_an_indented_code_block_are_not_checked(tmp_path: Path) -> None:
    """Four spaces after a blank line make a code block; inside a list they make a paragraph of
    the item, whose links are links."""
    body = (
        "Ví dụ:\n\n    [chữ](ten-tep.md)\n\tvà [chữ](tep-khac.md)\n\n"
        "- Mục một\n\n    Xem [bài](khong-co.md).\n"
    )
    found = load_problems(project(tmp_path, body))
    [problem] = [p for p in found if p.message.startswith("liên kết")]
    assert (problem.line, problem.message.split("«")[1].split("»")[0]) == (17, "khong-co.md")


def test_a_link_to_a_bulletin_not_on_the_website_is_an_error(tmp_path: Path) -> None:
    radio_only = bulletin_md({"date": "2020-12-10 08:00", "channels": "[radio]"})
    root = project(
        tmp_path,
        "Nghe [bài phát thanh](2020-12-10-chi-phat-thanh.md).\n",
        {"content/bai-viet/2020-12-10-chi-phat-thanh.md": radio_only},
    )
    [problem] = load_problems(root)
    assert problem.file == A and problem.line == 10
    assert "không đăng trên website" in problem.message
    assert "channels" in (problem.hint or "")


def test_check_tells_a_link_the_load_judged_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link to a missing file, to a file with errors of its own or to a bulletin not on the
    website is the load's to tell: the link check of the rendered page does not tell it again."""
    root = project(
        tmp_path,
        "Xem [bài hỏng](2020-12-11-hong.md), [bài thiếu](khong-co.md) và\n"
        "[bài phát thanh](2020-12-10-chi-phat-thanh.md).\n",
        {
            "content/bai-viet/2020-12-10-chi-phat-thanh.md": bulletin_md(
                {"date": "2020-12-10 08:00", "channels": "[radio]"}
            ),
            "content/bai-viet/2020-12-11-hong.md": '---\ntitle: "Chưa đóng ngoặc\n---\n\nx\n',
        },
    )
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "content/bai-viet/2020-12-11-hong.md:2, cột 8: lỗi: phần đầu sai cú pháp" in err
    assert f"{A}:10: lỗi: liên kết «khong-co.md» không dẫn tới" in err
    assert f"{A}:11: lỗi: liên kết «2020-12-10-chi-phat-thanh.md» dẫn tới bản tin" in err
    assert "liên kết hỏng" not in err
    assert "Tìm thấy 3 lỗi" in err


def test_a_link_to_a_held_back_bulletin_keeps_its_words_but_not_its_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page a scheduled bulletin will have is not linked before it is published (its
    address, from its title, may carry a name or an embargoed fact); `publish check` warns,
    quoting the link as typed (the file's name), why the other is held and that the address
    comes back, without failing --strict."""
    root = project(
        tmp_path,
        "Xem [bài sắp đăng](2021-06-01-sap-dang.md).\n",
        {"content/bai-viet/2021-06-01-sap-dang.md": bulletin_md({"date": "2021-06-01 08:00"})},
    )
    argv = ["check", "--root", str(root), "--channel", "web", "--strict", "--now", NOW.isoformat()]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert (
        f"{A}:10: cảnh báo: liên kết «2021-06-01-sap-dang.md» trỏ tới bản tin không được đăng "
        "lúc này: hẹn giờ"
    ) in err
    assert (
        "(tệp content/bai-viet/2021-06-01-sap-dang.md); đường dẫn bị bỏ cho tới khi bài kia "
        "được đăng"
    ) in err
    assert "/2021/06/sap-dang/" not in err
    html = (built(root) / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html) == []
    assert "Xem bài sắp đăng.</p>" in html


def test_a_link_to_a_held_back_page_says_why_it_is_not_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page held back (draft, embargo, expiry) exists: a link to it is not "broken", and the
    warning says what holds it back, as for a bulletin."""
    root = project(
        tmp_path,
        "Xem [liên hệ](../pages/lien-he.md) và\n[giới thiệu](/gioi-thieu/).\n",
        {
            "content/pages/lien-he.md": "---\ntitle: Liên hệ\ndraft: true\n---\n\nx\n",
            "content/pages/gioi-thieu.md": "---\ntitle: Giới thiệu\nexpires: 2020-12-01\n---\n\nx\n",
        },
    )
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "liên kết hỏng" not in err
    assert (
        f"{A}:10: cảnh báo: liên kết «../pages/lien-he.md» trỏ tới trang không được đăng lúc "
        "này: bản nháp (draft: true) (tệp content/pages/lien-he.md); đường dẫn bị bỏ cho tới "
        "khi trang kia được đăng"
    ) in err
    assert (
        f"{A}:11: cảnh báo: liên kết «/gioi-thieu/» ở trang /2020/12/a/ trỏ tới trang không được "
        "đăng lúc này: đã hết hạn"
    ) in err
    assert "khi trang kia chưa đăng hoặc đã gỡ" in err


def test_zalo_shows_the_address_of_the_linked_page(tmp_path: Path) -> None:
    body = "Xem [bài bên kia](2020-12-09-ben-kia.md#lien-he) và [từ content](/bai-viet/2020-12-09-ben-kia.md).\n"
    output = built(project(tmp_path, body), ("web", "zalo"))
    payload = json.loads((output / "zalo/a.json").read_text("utf-8"))
    assert payload["body"][0]["content"] == (
        "Xem bài bên kia (https://congan-chauthanh.example.vn/2020/12/ben-kia/#lien-he) và từ "
        "content (https://congan-chauthanh.example.vn/2020/12/ben-kia/)."
    )


def test_zalo_shows_relative_links_as_the_website_resolves_them(tmp_path: Path) -> None:
    output = built(project(tmp_path, "Xem [bài tháng trước](../../11/cu/).\n"), ("web", "zalo"))
    payload = json.loads((output / "zalo/a.json").read_text("utf-8"))
    assert payload["body"][0]["content"] == (
        "Xem bài tháng trước (https://congan-chauthanh.example.vn/2020/11/cu/)."
    )


def clean_output(root: Path, scratch: Path) -> dict[str, bytes]:
    """The files of a build of a copy of the project without .cache/ and output/."""
    shutil.copytree(root, scratch, ignore=shutil.ignore_patterns(".cache", "output"))
    out = built(scratch, ("web", "zalo", "radio"))
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("key", "value", "address"),
    [
        ("date", "2020-11-20 08:00", "/2020/11/dich/"),
        ("slug", "doi-dia-chi", "/2020/12/doi-dia-chi/"),
    ],
)
def test_a_page_linking_to_a_bulletin_follows_it_when_its_address_changes(
    tmp_path: Path, key: str, value: str, address: str
) -> None:
    """Nothing else of A's page changes (the target is no neighbour, related bulletin or list
    mate of A): only the cache keys can tell that its page and payload are stale."""
    toml = TOML + "\n[web]\nrelated = 0\n"
    other = {"category": "an-ninh-trat-tu"}
    files = {
        "site.toml": toml,
        "content/bai-viet/2020-12-07-cu.md": bulletin_md({"date": "2020-12-07 08:00"}),
        "content/bai-viet/2020-12-09-moi.md": bulletin_md({"date": "2020-12-09 08:00"}),
        "content/bai-viet/2020-12-20-dich.md": bulletin_md({**other, "date": "2020-12-20 08:00"}),
    }
    root = project(tmp_path, "Xem [bài đích](2020-12-20-dich.md#lien-he).\n", files)
    built(root, ("web", "zalo", "radio"))
    target = {**other, "date": "2020-12-20 08:00", key: value}
    (root / "content/bai-viet/2020-12-20-dich.md").write_text(bulletin_md(target), "utf-8")
    output = built(root, ("web", "zalo", "radio"))
    now = {
        p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()
    }
    assert now == clean_output(root, tmp_path / "clean")
    assert hrefs(now["web/2020/12/a/index.html"].decode()) == [address + "#lien-he"]
    assert address in json.loads(now["zalo/a.json"])["body"][0]["content"]


def test_a_link_address_word_put_between_curly_quotes_is_read_without_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Word turns `[x]("https://…")` into `[x](“https://…”)`: the website linked to a page
    «“https://…”» under the bulletin's own address, Zalo showed that address, and no one was
    told. The address is read without the quotes, with a note naming file and line; a link
    shown as code is left as typed."""
    body = (
        "Xem [trang Bộ](“https://bocongan.gov.vn/tin”) và [bài kia](‘2020-12-09-ben-kia.md’).\n"
        "\n"
        "Gõ `[x](“https://a.vn”)` là sai, [tham khảo][ref].\n"
        "\n"
        '[ref]: “https://x.vn/a” "Tiêu đề"\n'
    )
    root = project(tmp_path, body)
    argv = ["check", "--root", str(root), "--channel", "web", "--channel", "zalo"]
    assert main([*argv, "--now", NOW.isoformat()]) == 0
    err = capsys.readouterr().err
    for line, address in ((10, "https://bocongan.gov.vn/tin"), (14, "https://x.vn/a")):
        assert (
            f"{A}:{line}: ghi chú: địa chỉ liên kết «{address}» nằm trong dấu ngoặc kép cong"
        ) in err
    output = built(root, ("web", "zalo"))
    html = (output / "web/2020/12/a/index.html").read_text("utf-8")
    assert hrefs(html) == ["https://bocongan.gov.vn/tin", "/2020/12/ben-kia/", "https://x.vn/a"]
    assert "<code>[x](“https://a.vn”)</code>" in html
    blocks = json.loads((output / "zalo/a.json").read_text("utf-8"))["body"]
    text = json.dumps(blocks, ensure_ascii=False)
    assert "(https://bocongan.gov.vn/tin)" in text and "%E2%80%9C" not in text


class _Scanned(str):
    """A body that counts the characters its searches for line breaks pass over."""

    scanned = 0

    def count(self, sub: str, start: Any = None, end: Any = None) -> int:
        """str.count, counted."""
        begin, stop, _ = slice(start, end).indices(len(self))
        _Scanned.scanned += max(0, stop - begin)
        return super().count(sub, begin, stop)


def test_finding_the_lines_of_quoted_link_addresses_grows_with_the_body_only() -> None:
    """Each address Word put between curly quotes had its line counted from the body's start:
    40,000 of them took 12.7 s. Now the lines are counted on from the address before."""
    body = _Scanned("Xem [trang](“https://a.vn”).\n" * 2_000)
    _Scanned.scanned = 0
    unquoted, read = unquote_links(body)
    assert read[-1] == ("https://a.vn", 1_999) and "“" not in unquoted
    assert _Scanned.scanned <= 2 * len(body)


class _ScannedBack(_Scanned):
    """A _Scanned that counts what its backward searches pass over too."""

    def rfind(self, sub: str, start: Any = None, end: Any = None) -> int:
        """str.rfind, counted."""
        begin, stop, _ = slice(start, end).indices(len(self))
        found = super().rfind(sub, begin, stop)
        _Scanned.scanned += stop - max(found, begin)
        return found


@pytest.mark.parametrize("separator", ["\n", " "])
def test_finding_the_lines_of_many_links_grows_with_the_body_only(
    monkeypatch: pytest.MonkeyPatch, separator: str
) -> None:
    """Each link's line was counted from the body's start (and a link to the editor's computer
    searched back to its line's start): 40,000 links took 39.5 s. Now the lines are counted on
    from the link before, on many lines or on one."""
    read = links_module.masked
    monkeypatch.setattr(links_module, "masked", lambda body: _ScannedBack(read(body)))
    body = separator.join(["[a](D:\\x.docx) [b](bai.md) ![c](C:\\y.png)"] * 2_000) + "\n"
    last = 1_999 if separator == "\n" else 0
    _Scanned.scanned = 0
    files = computer_files(body, 1)
    assert len(files) == 2_000 and files[-1] == ("D:\\x.docx", 1 + last)
    assert _Scanned.scanned <= 2 * len(body)
    _Scanned.scanned = 0
    found = links_in(body, 1)
    assert len(found) == 2_000 and found[-1] == ("bai.md", 1 + last)
    assert _Scanned.scanned <= 2 * len(body)


def test_an_image_of_the_editors_computer_is_not_told_as_a_link() -> None:
    """Images are told by the image check; the link check skips them, on any line of a body."""
    body = "x\n![a](C:\\y.png) [b](C:\\z.docx) ![c [d](C:\\w.png)\n![e]\n(C:\\v)[f](file:///g)\n"
    assert computer_files(body, 5) == [("C:\\z.docx", 6), ("file:///g", 8)]


def test_the_quick_look_for_a_file_of_the_computer_finds_what_the_three_forms_find() -> None:
    """computer_files skips a body after one search that opens on a `:` or backslash (the three
    forms in one alternation were tried at every character of every body): it must find one in
    every text the three forms find one in, and in no other, at its start, after a letter, in any
    case (re's own case rules: «fıle:» and «FİLE:» too)."""
    plain = re.compile(r"(?i:file:)|(?<![A-Za-z])[A-Za-z]:[\\/]|\\\\")
    quick = links_module._MAY_NAME_COMPUTER_FILE
    letters = "fFiIıİlLeEſ:\\/cCzZé0 .\n"
    rng = random.Random(7)
    texts = ["".join(rng.choice(letters) for _ in range(rng.randint(0, 8))) for _ in range(60_000)]
    texts += ["".join(rng.choice("fFiIıİlLeE:") for _ in range(5)) for _ in range(20_000)]
    texts += ["C:\\x", "xC:\\", "é:/", "1C:/", "https://a.vn", "\\\\máy", "FiLe:", "profile:x"]
    for text in texts:
        assert (quick.search(text) is None) == (plain.search(text) is None), text


def test_a_link_in_html_whose_address_word_put_between_curly_quotes_is_read_without_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`<a href=“https://…”>` pasted from Word went to a page «“https://…”» of our own site,
    as the Markdown form did before it was mended; now read the same way, with the same note."""
    body = (
        "Xem <a href=“https://dichvucong.gov.vn/p/home”>Cổng dịch vụ công</a> và\n"
        "<A title=“x” HREF = ”https://x.vn/a?b=1” target=“_blank”>đây</a>.\n"
        "\n"
        "Gõ `<a href=“https://a.vn”>` là sai.\n"
    )
    root = project(tmp_path, body)
    argv = ["check", "--root", str(root), "--channel", "web", "--channel", "zalo"]
    assert main([*argv, "--now", NOW.isoformat()]) == 0
    err = capsys.readouterr().err
    for line, address in ((10, "https://dichvucong.gov.vn/p/home"), (11, "https://x.vn/a?b=1")):
        assert (
            f"{A}:{line}: ghi chú: địa chỉ liên kết «{address}» nằm trong dấu ngoặc kép cong"
        ) in err
    output = built(root, ("web", "zalo"))
    html = (output / "web/2020/12/a/index.html").read_text("utf-8")
    prose = html.split('<div class="prose">', 1)[1].split("</div>", 1)[0]
    found = re.findall(r' href="([^"]*)"', prose)
    assert found == ["https://dichvucong.gov.vn/p/home", "https://x.vn/a?b=1"]
    assert "<code>&lt;a href=“https://a.vn”&gt;</code>" in html
    text = json.dumps(json.loads((output / "zalo/a.json").read_text("utf-8"))["body"])
    assert "%E2%80%9C" not in text and "%E2%80%9D" not in text


def test_a_link_to_a_file_on_the_editors_computer_is_told_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A document dragged into Word becomes `file:///C:/Users/…` (or `D:\\tin\\bai.md`): on the
    website and Zalo it opened nothing and showed the editor's folders, and no one was told
    (the link check takes «file:» and «D:» for the scheme of another site's address)."""
    body = (
        "Xem [văn bản](file:///C:/Users/Lan/Desktop/cv.docx) và [bài](D:\\tin\\bai-cu.md).\n"
        "\n"
        "![Ảnh](images/anh-1.jpg) và `[x](C:\\y)` và [web](https://a.vn/C:/x).\n"
    )
    root = project(tmp_path, body)
    (root / "content/images").mkdir(exist_ok=True)
    (root / "content/images/anh-1.jpg").write_bytes(TINY_JPEG)
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 0
    err = capsys.readouterr().err
    for address in ("file:///C:/Users/Lan/Desktop/cv.docx", "D:\\tin\\bai-cu.md"):
        assert f"{A}:10: cảnh báo: liên kết «{address}» trỏ tới một tệp trên máy tính này" in err
    assert err.count("trỏ tới một tệp trên máy tính này") == 2
    assert main([*argv, "--strict"]) == 1


@pytest.mark.parametrize(
    ("written", "name", "kept"),
    [
        (
            "file:///C:/Users/Lan/Desktop/Mau%20don%20to%20giac.docx",
            "Mau don to giac.docx",
            "mau-don-to-giac.docx",
        ),
        ("D:\\tin\\mau-don.PDF", "mau-don.PDF", "mau-don.pdf"),
        # A browser's address to a page of the form: the #page=2 is no part of its name.
        ("file:///C:/Users/Lan/Mau%20don.docx#page=2", "Mau don.docx", "mau-don.docx"),
        # A Windows name may hold # and %: a path is no address, neither cut nor decoded.
        ("<C:\\Users\\Mai\\Tin #3.docx>", "Tin #3.docx", "tin-3.docx"),
        ("D:\\tin\\mau%20don.pdf", "mau%20don.pdf", "mau-20don.pdf"),
    ],
)
def test_a_form_linked_on_the_editors_computer_is_told_how_the_website_offers_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, name: str, kept: str
) -> None:
    """A form linked where it lies on the editor's computer was told to be put on «một trang
    web» elsewhere, while the website offers such a file itself from content/tep/. The hint says
    so, with a name a Markdown link can hold; following it, the check passes without a word."""
    root = project(tmp_path, f"Tải [mẫu đơn]({written}) về điền.\n")
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main([*argv, "--strict"]) == 1
    err = capsys.readouterr().err
    assert f"Website đăng kèm được tệp «{name}»: chép nó vào thư mục content/tep/" in err
    assert f"ghi liên kết (/tep/{kept})" in err
    (root / "content/tep").mkdir()
    (root / "content/tep" / kept).write_bytes(b"%PDF-1.4\n" if kept.endswith(".pdf") else b"PK")
    text = (root / A).read_text("utf-8").replace(written, f"/tep/{kept}")
    (root / A).write_text(text, "utf-8")
    assert main([*argv, "--strict"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    ("written", "path"),
    [
        ("https://congan-chauthanh.example.vn/2025/06/canh-bao/", "/2025/06/canh-bao/"),
        ("https://www.congan-chauthanh.example.vn/2025/06/canh-bao", "/2025/06/canh-bao"),
        ("//congan-chauthanh.example.vn/lien-hee/#ban-do", "/lien-hee/#ban-do"),
    ],
)
def test_a_broken_link_written_as_the_sites_full_address_is_quoted_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, path: str
) -> None:
    """The error named «/2025/06/canh-bao/», a text the editor searched the file for in vain:
    it now quotes the address typed, and the path it means after it."""
    root = project(tmp_path, f"Dòng một.\n\nXem [bài cảnh báo]({written}).\n")
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert (
        f"{A}:12: lỗi: liên kết hỏng «{written}» ở trang /2020/12/a/: không có trang hay tệp "
        f"{path.partition('#')[0]} trong website"
    ) in err
    assert f"Địa chỉ này là của chính website, được kiểm như đường dẫn {path}:" in err


def test_a_broken_full_address_under_a_folder_is_quoted_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page shows the link with the site's folder; the file has the address in full."""
    written = "https://example.vn/chau-thanh/lien-hee/"
    root = under_folder(project(tmp_path, f"Dòng một.\n\nXem [liên hệ]({written}).\n"))
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert f"{A}:12: lỗi: liên kết hỏng «{written}» ở trang /chau-thanh/2020/12/a/" in err
    assert "không có trang hay tệp /chau-thanh/lien-hee/ trong website" in err


def test_a_broken_site_path_without_the_folder_is_quoted_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a site under a folder the page shows «/chau-thanh/lien-hee/»; the editor typed
    «/lien-hee/» and searches the file for that, as on a site at its host's root."""
    root = under_folder(project(tmp_path, "Dòng một.\n\nXem [liên hệ](/lien-hee/).\n"))
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert f"{A}:12: lỗi: liên kết hỏng «/lien-hee/» ở trang /chau-thanh/2020/12/a/" in err
    assert "không có trang hay tệp /chau-thanh/lien-hee/ trong website" in err
    assert "được kiểm như đường dẫn /chau-thanh/lien-hee/:" in err
    assert "«/chau-thanh/lien-hee/»" not in err


def test_a_bad_anchor_after_a_file_name_is_quoted_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«2020-12-09-ben-kia.md#lien-hee» was quoted as «/2020/12/ben-kia/#lien-hee», which the
    editor searched the file for in vain; the hint no longer tells them to link by file name
    (they did) but to mend the part after #."""
    body = (
        "Dòng một.\n\nXem [liên hệ](2020-12-09-ben-kia.md#lien-hee)\n"
        "và [lại](../bai-viet/2020-12-09-ben-kia.md#goi-113).\n"
    )
    root = project(tmp_path, body)
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert (
        f"{A}:12: lỗi: liên kết hỏng «2020-12-09-ben-kia.md#lien-hee» ở trang /2020/12/a/: "
        "trang /2020/12/ben-kia/ không có mục #lien-hee"
    ) in err
    assert f"{A}:13: lỗi: liên kết hỏng «../bai-viet/2020-12-09-ben-kia.md#goi-113»" in err
    assert "được kiểm như đường dẫn /2020/12/ben-kia/#lien-hee. Sửa phần sau dấu #" in err
    assert "«## Liên hệ» là #lien-he" in err
    assert "«/2020/12/ben-kia/#" not in err
    assert "chép lại địa chỉ từ trình duyệt" not in err


def test_a_site_path_of_a_held_bulletin_under_a_folder_is_quoted_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The warning of a link to a bulletin held back quotes the path typed, then the one shown."""
    draft = bulletin_md(
        {"id": "b", "title": '"Bài bên kia"', "date": "2020-12-09 08:00", "draft": "true"}
    )
    body = "Dòng một.\n\nXem [bài bên kia](/2020/12/ben-kia/).\n"
    root = under_folder(project(tmp_path, body, {B: draft}))
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 0
    err = capsys.readouterr().err
    assert (
        f"{A}:12: cảnh báo: liên kết «/2020/12/ben-kia/» (đường dẫn /chau-thanh/2020/12/ben-kia/) "
        "ở trang /chau-thanh/2020/12/a/ trỏ tới bản tin không được đăng lúc này"
    ) in err


def test_an_html_link_to_a_held_bulletins_site_path_with_a_space_before_it_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written in HTML with a space before it, the path led nowhere on the page (no folder)
    and the check said nothing of the held bulletin it names."""
    draft = bulletin_md(
        {"id": "b", "title": '"Bài bên kia"', "date": "2020-12-09 08:00", "draft": "true"}
    )
    body = 'Dòng một.\n\nXem <a href=" /2020/12/ben-kia/">bài bên kia</a>.\n'
    root = under_folder(project(tmp_path, body, {B: draft}))
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 0
    err = capsys.readouterr().err
    assert (
        f"{A}:12: cảnh báo: liên kết «/2020/12/ben-kia/» (đường dẫn /chau-thanh/2020/12/ben-kia/) "
        "ở trang /chau-thanh/2020/12/a/ trỏ tới bản tin không được đăng lúc này"
    ) in err, err


def test_a_reference_definition_with_a_space_between_angle_brackets_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python-Markdown 3.11.4 reads no definition in «[r]: <a b.md>»: the page showed «[bài bên
    kia][r]» and the line as typed, and the check said nothing."""
    body = "Dòng một.\n\nXem [bài bên kia][r].\n\n[r]: <2020-12-09-co cach.md>\n"
    spaced = bulletin_md({"id": "c", "title": '"Bài có cách"', "date": "2020-12-09 09:00"})
    root = project(tmp_path, body, {"content/bai-viet/2020-12-09-co cach.md": spaced})
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 0
    err = capsys.readouterr().err
    assert (
        f"{A}:14: cảnh báo: định nghĩa tham chiếu «[r]: <2020-12-09-co cach.md>» có dấu cách "
        "trong địa chỉ giữa «<…>»: website không đọc đây là định nghĩa mà hiện nguyên dòng, và "
        "mọi liên kết «[…][r]» hiện nguyên văn, cả dấu ngoặc, không dẫn tới đâu\n"
        "    Cách sửa: Viết mỗi dấu cách trong địa chỉ thành %20: "
        "«[r]: <2020-12-09-co%20cach.md>»."
    ) in err, err
    assert "[bài bên kia][r]" in (built(root) / "web/2020/12/a/index.html").read_text("utf-8")


def test_a_spaced_definition_shown_as_code_or_without_angle_brackets_is_not_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "Xem [bài bên kia][r].\n\n[r]: <2020-12-09-ben-kia.md>\n\n"
        "    [x]: <a b.md>\n\n`[y]: <c d.md>`\n"
    )
    root = project(tmp_path, body)
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 0
    assert "định nghĩa tham chiếu" not in capsys.readouterr().err


def test_a_full_address_of_a_held_bulletin_is_quoted_as_typed_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The warning of a link to a bulletin held back quotes what was typed too."""
    written = "https://congan-chauthanh.example.vn/2020/12/ben-kia/"
    draft = bulletin_md(
        {"id": "b", "title": '"Bài bên kia"', "date": "2020-12-09 08:00", "draft": "true"}
    )
    root = project(tmp_path, f"Dòng một.\n\nXem [bài bên kia]({written}).\n", {B: draft})
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 0
    err = capsys.readouterr().err
    assert (
        f"{A}:12: cảnh báo: liên kết «{written}» (đường dẫn /2020/12/ben-kia/) ở trang "
        "/2020/12/a/ trỏ tới bản tin không được đăng lúc này"
    ) in err


@pytest.mark.parametrize(
    ("written", "name", "kept"),
    [
        ("C:\\Users\\Minh Anh\\Tài liệu\\Mẫu đơn.pdf", "Mẫu đơn.pdf", "mau-don.pdf"),
        (
            "\\\\may-chu\\Chung\\Mẫu đơn tố giác.docx",
            "Mẫu đơn tố giác.docx",
            "mau-don-to-giac.docx",
        ),
        # Windows names a second download «… (1)»: the link's «)» is the one after it (R7).
        ("C:\\Users\\Minh Anh\\Downloads\\Mẫu đơn (1).docx", "Mẫu đơn (1).docx", "mau-don-1.docx"),
        # A drive path written with «/» is read whole too (review R2): not «C:/Users/Minh».
        ("C:/Users/Minh Anh/Tài liệu/Mẫu đơn.pdf", "Mẫu đơn.pdf", "mau-don.pdf"),
    ],
)
@pytest.mark.parametrize(
    ("body", "line"),
    [
        ('Tải [mẫu đơn]({} "Mẫu đơn") về điền.\n', 10),
        # By reference: the definition's line, its path read whole as an inline link's.
        ('Tải [mẫu đơn][mẫu] về điền.\n\n[mẫu]: {} "Mẫu đơn"\n', 12),
    ],
)
def test_a_windows_path_with_spaces_in_a_link_is_named_whole(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    name: str,
    kept: str,
    body: str,
    line: int,
) -> None:
    """Markdown ends an address at a space, so the warning quoted «C:\\Users\\Minh» and could
    not name the file (nor, for «\\\\máy\\…», keep from a second, broken-link error). It names
    the path up to the link's `)` (a definition's: up to its title), the file and the name to
    give it; following it, check passes."""
    root = project(tmp_path, body.format(written))
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 0
    err = capsys.readouterr().err
    told = f"{A}:{line}: cảnh báo: liên kết «{written}» trỏ tới một tệp trên máy tính này"
    assert told in err, err
    assert err.count("trỏ tới một tệp trên máy tính này") == 1, err
    assert f"tệp «{name}»: chép nó vào thư mục content/tep/ với tên «{kept}»" in err
    assert "lỗi:" not in err and "Traceback" not in err
    assert main([*argv, "--strict"]) == 1
    (root / "content/tep").mkdir()
    (root / "content/tep" / kept).write_bytes(b"%PDF-1.4\n" if kept.endswith(".pdf") else b"PK")
    text = (root / A).read_text("utf-8").replace(written, f"/tep/{kept}")
    (root / A).write_text(text, "utf-8")
    assert main([*argv, "--strict"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    ("written", "fixed", "why"),
    [
        # To a bulletin by its file: written with «/», it leads to its page.
        ("..\\bai-viet\\2020-12-09-ben-kia.md", "../bai-viet/2020-12-09-ben-kia.md", None),
        (
            "..\\bai-viet\\2020-12-09-khong-co.md",
            "../bai-viet/2020-12-09-khong-co.md",
            "không dẫn tới bản tin hay trang nào: không có tệp content/bai-viet/2020-12-09-khong-co.md",
        ),
        # A plain relative path: Markdown reads «\.» as «.», the page linked «....\lien-he».
        (
            "..\\..\\lien-he",
            "../../lien-he",
            "trỏ ra ngoài thư mục content/ (đường dẫn tính từ thư mục content/bai-viet/",
        ),
        (
            "thu-muc\\trang",
            "thu-muc/trang",
            "không dẫn tới bản tin, trang hay tệp nào: không có content/bai-viet/thu-muc/trang",
        ),
        # «\\-», «\\_» are Markdown escapes, no folder (review R2): one «/» per separator only.
        ("..\\bai-viet\\2020-12-09-ben\\-kia.md", "../bai-viet/2020-12-09-ben-kia.md", None),
        (
            "..\\bai-viet\\ben\\_kia.md",
            "../bai-viet/ben_kia.md",
            "không dẫn tới bản tin hay trang nào: không có tệp content/bai-viet/ben_kia.md",
        ),
        (
            "thu-muc\\trang\\_1",
            "thu-muc/trang_1",
            "không dẫn tới bản tin, trang hay tệp nào: không có content/bai-viet/thu-muc/trang_1",
        ),
    ],
)
def test_a_link_written_with_windows_backslashes_is_told_once_as_windows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, fixed: str, why: str | None
) -> None:
    """A link to a bulletin or a relative path typed with Windows' «\\» was told it named no
    file (plus, for «..\\..\\lien-he», a broken link without its line), where an image so
    written is told it uses Windows' «\\». It is one error saying so, with the path written
    with «/» and, when that leads nowhere either, why; written with «/», a link to a page
    works."""
    root = project(tmp_path, f"Xem [bài bên kia]({written}).\n")
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    told = f"{A}:10: lỗi: liên kết «{written}» dùng dấu \\ của Windows"
    if why is None:
        assert f"{told}\n" in err and f"Viết đường dẫn bằng dấu /: «{fixed}»." in err, err
    else:
        assert f"{told}, và viết bằng dấu / («{fixed}») thì {why}" in err, err
    assert err.count("lỗi:") == 1 and "Traceback" not in err, err
    assert main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q"]) == 1
    assert not (root / "output").exists()
    if why is None:
        (root / A).write_text((root / A).read_text("utf-8").replace(written, fixed), "utf-8")
        assert main(argv) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    "href",
    [
        "https://x.vn/tin\\bai.md",
        "https://x.vn/tep\\mau-don.pdf",
        "//x.vn/tin\\bai.md",
        "http://x.vn/thu-muc\\trang",
    ],
)
def test_a_link_to_another_website_with_a_backslash_is_no_windows_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], href: str
) -> None:
    """Review R2: another website's address holding a «\\» in its path was refused as a link
    written with Windows' «\\» (the «/» path to write was that website's, not a file of
    content/); it is left as written, as an image's address is, and the check passes."""
    root = project(tmp_path, f"Xem [bài ở trang khác]({href}).\n")
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    code = main(argv)
    err = capsys.readouterr().err
    assert "Windows" not in err and "lỗi:" not in err, err
    assert code == 0, err


def test_a_relative_windows_path_leading_to_a_page_only_with_slashes_is_told_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«..\\..\\..\\lien-he» leads to /lien-he/ read with «/», so the load told nothing; but
    Markdown reads «\\.» as «.» and the page links «......\\lien-he»: the link check told a
    broken link with no line and no word of Windows. The load tells it, once, with the «/»
    path, which works."""
    written = "..\\..\\..\\lien-he"
    root = project(tmp_path, f"Xem [liên hệ]({written}).\n", {"content/pages/lien-he.md": LIEN_HE})
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"{A}:10: lỗi: liên kết «{written}» dùng dấu \\ của Windows\n" in err, err
    assert "Viết đường dẫn bằng dấu /: «../../../lien-he»." in err, err
    assert err.count("lỗi:") == 1 and "liên kết hỏng" not in err, err
    text = (root / A).read_text("utf-8").replace(written, "../../../lien-he")
    (root / A).write_text(text, "utf-8")
    assert main(argv) == 0, capsys.readouterr().err


def test_a_link_to_a_chat_app_the_website_drops_is_told_with_the_address_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«[Zalo](zalo:0912345678)» showed «Zalo» and no link on the page (the sanitiser drops a
    scheme it does not know), in Zalo and on air: the number reached no reader, and the check
    said nothing. It is a warning (an error under --strict) naming the file, the line and the
    address to write; a tel:, mailto: or https: link is none. Written so, the page links it."""
    body = (
        "Gọi [113](tel:113) hay gửi [thư](mailto:ca@x.vn) hoặc [trang](https://x.vn/).\n\n"
        "Nhắn [Zalo](zalo:0912345678) hay [Viber](viber://chat?number=0912345678).\n"
    )
    root = project(tmp_path, body)
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 0
    err = capsys.readouterr().err
    told = (
        "dùng địa chỉ {}:, loại website không giữ (chỉ giữ https://, http://, mailto: và tel:): "
        "trên website, Zalo và đài chỉ còn chữ của liên kết, không dẫn tới đâu, và số hay tên chỉ "
        "ghi trong địa chỉ thì người đọc không thấy"
    )
    assert f"2020-12-08-a.md:12: cảnh báo: liên kết «zalo:0912345678» {told.format('zalo')}" in err
    assert (
        "Cách sửa: Ghi địa chỉ Zalo trên web: https://zalo.me/0912345678 (ví dụ "
        "[Zalo](https://zalo.me/0912345678)), mở được Zalo trên điện thoại lẫn máy tính; hoặc "
        "ghi số ngay trong chữ."
    ) in err
    viber = "viber://chat?number=0912345678"
    assert f"2020-12-08-a.md:12: cảnh báo: liên kết «{viber}» {told.format('viber')}" in err
    assert (
        "Cách sửa: Ghi số hay địa chỉ ngay trong chữ (ví dụ «Viber 0912345678»), hoặc dùng "
        "tel:0912345678 để bấm gọi; trang web khác thì ghi đủ địa chỉ https://…"
    ) in err
    assert err.count("liên kết «") == 2, err
    assert main([*argv, "--strict"]) == 1
    capsys.readouterr()
    bulletin = root / A
    written = bulletin.read_text("utf-8")
    written = written.replace("zalo:0912345678", "https://zalo.me/0912345678")
    bulletin.write_text(written.replace(f"[Viber]({viber})", "Viber 0912 345 678"), "utf-8")
    assert main([*argv, "--strict"]) == 0, capsys.readouterr().err
    page = (built(root) / "web/2020/12/a/index.html").read_text("utf-8")
    assert "https://zalo.me/0912345678" in hrefs(page)


def test_a_chat_app_link_with_the_country_code_is_told_with_a_number_a_phone_dials(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«sms:+84912345678» was told «dùng tel:84912345678 để bấm gọi»: the «+» dropped, a phone
    dials that as a local number that does not exist. The number is told as dialled at home."""
    body = "Nhắn [SMS](sms:+84912345678) hay [Zalo](zalo:+84912345678).\n"
    root = project(tmp_path, body)
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "(ví dụ «SMS 0912345678»), hoặc dùng tel:0912345678 để bấm gọi" in err
    assert "https://zalo.me/0912345678" in err
    assert "84912345678" not in err.replace("+84912345678", "")


def test_an_app_link_written_with_a_space_is_told_once_as_an_app_s(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Final read: «[x](whatsapp: 0912345678)» was also an error that no file «whatsapp:» exists
    (the two scheme lists differed): one warning, the app's, as for «zalo: …»."""
    body = "Nhắn [WhatsApp](whatsapp: 0912345678) hay [Skype](skype: ca.xa).\n"
    root = project(tmp_path, body)
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert err.count("liên kết «") == 2, err
    assert "lỗi" not in err.replace("Không có lỗi", ""), err


def test_a_chat_app_link_with_0084_is_told_with_the_number_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Final read: «sms:0084912345678» got a hint with no number (only a bare 84 was read as the
    country code); every way of writing it reads as contact_numbers.home_digits does."""
    root = project(tmp_path, "Nhắn [SMS](sms:0084912345678).\n")
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 0
    assert "hoặc dùng tel:0912345678 để bấm gọi" in capsys.readouterr().err


@pytest.mark.parametrize(
    "body",
    [
        "[Xem](bai cu.md [x](y) )",
        "[Xem](bai cu.md [x](y))",
        '[Xem](bai cu.md [x](y) "Bài cũ")',
        "[Mẫu đơn](../tep/Mau don [moi](2024).pdf) và [khác](b.md)",
    ],
)
def test_an_address_holding_another_links_brackets_is_read_as_the_page_links_it(
    body: str,
) -> None:
    """Python-Markdown reads a spaced address on to the «)» pairing its «(», past another
    link's «](» («[x](y)» is part of the address): the checks read the address the page links,
    not «bai», a file that does not exist."""
    import markdown

    page = markdown.markdown(body)
    assert links_module.hrefs_in(body) == [
        html.unescape(href) for href in re.findall(r'href="([^"]*)"', page)
    ]


def test_a_reference_link_as_another_links_only_words_is_warned_of_with_the_escape_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«[[1]](…)» beside a list of sources «[1]: …»: Python-Markdown makes a link inside a
    link, and the browser ends the outer one at the inner's start, so the page held an empty
    «<a href="https://congan.example.vn/bao-cao"></a>» a reader can neither see nor click,
    and the check said nothing. Written «[\\[1\\]](…)», or without the definition, the page
    links «[1]» as meant."""
    outer = "[[1]](https://congan.example.vn/bao-cao)"
    body = f"Theo báo cáo {outer} của công an tỉnh.\n\n[1]: https://x.vn/nguon\n"
    root = make_project(
        tmp_path,
        {"content/bai-viet/2021-01-01-a.md": bulletin_md({"id": "a", "title": '"A"'}, body=body)},
    )
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main([*argv, "--strict"]) == 1
    err = capsys.readouterr().err
    assert (
        "2021-01-01-a.md:10: lỗi: liên kết «[1]» (dẫn tới «https://x.vn/nguon» theo định "
        "nghĩa tham chiếu) nằm trong chữ của liên kết tới «https://congan.example.vn/bao-cao»: "
        "trên website chữ «1» dẫn tới «https://x.vn/nguon», còn liên kết tới "
        "«https://congan.example.vn/bao-cao» không còn chữ nào: người đọc không thấy, không "
        "bấm được"
    ) in err, err
    assert (
        "Cách sửa: Mỗi chữ chỉ dẫn tới một chỗ: giữ một trong hai liên kết, hoặc viết dấu "
        "ngoặc vuông bằng «\\[» và «\\]» để chúng chỉ là chữ "
        "(«[\\[1\\]](https://congan.example.vn/bao-cao)»)."
    ) in err
    assert main(argv) == 0  # a warning: a bulletin published long ago still builds
    capsys.readouterr()
    bulletin = root / "content/bai-viet/2021-01-01-a.md"
    escaped = "[\\[1\\]](https://congan.example.vn/bao-cao)"
    bulletin.write_text(bulletin.read_text("utf-8").replace(outer, escaped), "utf-8")
    assert main([*argv, "--strict"]) == 0, capsys.readouterr().err
    build_argv = ["build", "-q", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(build_argv) == 0
    page = next((root / "output/web").rglob("a/index.html")).read_text("utf-8")
    assert '<a href="https://congan.example.vn/bao-cao" rel="noopener">[1]</a>' in page


def _tabs_expanded(data: str) -> tuple[str, list[int]]:
    """`data` as Python-Markdown's whitespace preprocessor leaves it (each tab the spaces to the
    next column of 4, str.expandtabs), and where each of its characters, and its end, went."""
    at: list[int] = []
    length = column = 0
    for char in data:
        at.append(length)
        width = 4 - column % 4 if char == "\t" else 1
        length += width
        column = 0 if char == "\n" else column + width
    at.append(length)
    expanded = data.expandtabs(4)
    assert len(expanded) == length
    return expanded, at


def test_inline_addresses_end_where_python_markdown_ends_them() -> None:
    """links.InlineEnds answers from lists made once per text what Python-Markdown's getLink
    reads character by character: the two agree on random addresses of brackets, quotes,
    spaces, tabs and line breaks (Python-Markdown's own slip aside: a title left open whose
    brackets a «(» pairs, which it links to an address cut two characters from the text's end).
    getLink reads the text as Markdown hands it over, each tab expanded to spaces by its
    whitespace preprocessor; InlineEnds reads the source, tabs and all."""
    import markdown
    from markdown.inlinepatterns import LinkInlineProcessor

    getter = LinkInlineProcessor(r"\[", markdown.Markdown())
    getter.unescape = lambda text: text  # type: ignore[method-assign]  # no inline stash here
    shuffled = random.Random(79)
    for _ in range(20_000):
        data = "(" + "".join(
            shuffled.choice("()'\"  ab\t[]\n") for _ in range(shuffled.randint(0, 24))
        )
        opened = getter.RE_LINK.match(data, 0)
        if opened is None or opened[1] or links_module._PARAGRAPH_END.search(data):
            continue  # between «<…>», or past a blank line Python-Markdown never reads across
        expanded, at = _tabs_expanded(data)
        href, _, index, handled = getter.getLink(expanded, 0)
        if handled and index == -1:
            continue
        read = links_module.InlineEnds(data).end(opened.end())
        assert (read is not None) == handled, data
        if read is not None:
            assert (expanded[at[opened.end()] : at[read[0]]].strip(), at[read[1]]) == (
                href,
                index,
            ), data


def test_a_title_with_a_tab_before_its_closing_bracket_is_no_part_of_the_address() -> None:
    """Python-Markdown expands the tab before it reads the link, so the page links the file
    and shows the title; the title was read into the address, and the build told a link to no
    file."""
    import markdown

    for close in ("\t)", " \t )"):
        body = f'[x](2020-12-22-vu an mat.md "Tiêu đề"{close}'
        assert 'href="2020-12-22-vu an mat.md" title="Tiêu đề"' in markdown.markdown(body)
        assert links_module.links_in(body, 3) == (("2020-12-22-vu an mat.md", 3),)


def test_a_nested_reference_whose_definition_is_an_empty_angle_pair_is_read_not_a_crash() -> None:
    """«[1]: <>» defines an empty address: reading «[[1]](…)» beside it stopped `publish check`
    with an internal error (`None.strip()`); the nested link is found, its inner address empty."""
    body = "Xem [[1]](https://congan.dongthap.gov.vn/a) nhé.\n\n[1]: <>\n"
    (nested,) = links_module.nested_references(body, 1)
    assert (nested.inner_href, nested.outer_href) == ("", "https://congan.dongthap.gov.vn/a")
