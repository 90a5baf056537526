"""Relative links that name neither a bulletin's file nor a file to download (publish.
relative_links): read from the bulletin's folder, as the README says, they are errors of the
load when they lead out of content/ or to nothing published, so build, check and approve stop
on them with the file, line, link and fix; a page's address written relative keeps working."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from publish import config as config_module
from publish import relative_links as relative_module
from publish.attachments import links_where
from publish.cli import main
from publish.content import load_site
from publish.errors import ContentError
from publish.relative_links import relative_links
from tests.helpers import NOW, bulletin_md
from tests.test_links import A, project

BROKEN = (
    "Tải [giấy mời](../../../../etc/hostname), xem [cấu hình](../../site.toml), "
    "[mã](../../.git/config),\n"
    "[ảnh](../images/khong-co) và [bài bên kia](2020-12-09-ben-kia).\n"
)


def load_problems(root: Path) -> list:
    """The problems loading the project raises."""
    with pytest.raises(ContentError) as raised:
        load_site(config_module.load(root), now=NOW)
    return list(raised.value.problems)


def test_links_out_of_content_or_to_nothing_are_errors_of_the_load_with_line_and_fix(
    tmp_path: Path,
) -> None:
    problems = load_problems(project(tmp_path, BROKEN))
    told = [(p.line, p.message.split("«")[1].split("»")[0]) for p in problems]
    assert told == [
        (10, "../../../../etc/hostname"),
        (10, "../../site.toml"),
        (10, "../../.git/config"),
        (11, "../images/khong-co"),
        (11, "2020-12-09-ben-kia"),
    ]
    assert all(p.file == A and p.severity == "error" for p in problems)
    outside = (
        "trỏ ra ngoài thư mục content/ (đường dẫn tính từ thư mục content/bai-viet/ chứa tệp này)"
    )
    assert all(outside in p.message for p in problems[:3])
    assert "không có content/images/khong-co" in problems[3].message
    assert "Có phải ý bạn là" not in (problems[3].hint or "")  # nothing there is close
    assert "không có content/bai-viet/2020-12-09-ben-kia" in problems[4].message
    assert (problems[4].hint or "").startswith("Có phải ý bạn là «2020-12-09-ben-kia.md»? ")
    assert all("[liên hệ](/lien-he/)" in (p.hint or "") for p in problems)


def test_build_stops_and_check_tells_each_link_once_as_read_from_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, BROKEN)
    assert (
        main(["build", "--root", str(root), "--channel", "web,zalo", "--now", NOW.isoformat()]) == 1
    )
    assert not (root / "output/zalo").exists()
    err = capsys.readouterr().err
    assert f"{A}:10: lỗi: liên kết «../../site.toml» trỏ ra ngoài thư mục content/" in err
    assert main(["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert err.count("«../../site.toml»") == 1
    assert "liên kết hỏng" not in err  # not again, read from the page's address
    assert "Tìm thấy 5 lỗi" in err


def test_approve_refuses_a_bulletin_whose_link_leads_nowhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bulletin_md({"id": "a", "channels": "[web]"}, BROKEN, drop=("approved_by",))
    root = project(tmp_path, "x\n", {A: text})
    before = (root / A).read_bytes()
    argv = ["approve", "--root", str(root), "--now", NOW.isoformat(), A]
    assert main([*argv, "--by", "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"]) == 1
    err = capsys.readouterr().err
    assert f"{A}:11: lỗi: liên kết «2020-12-09-ben-kia» không dẫn tới bản tin" in err
    assert "Có phải ý bạn là «2020-12-09-ben-kia.md»?" in err
    assert "chưa duyệt được" in err
    assert (root / A).read_bytes() == before


def test_a_pages_address_written_relative_still_leads_to_it_on_the_website_and_zalo(
    tmp_path: Path,
) -> None:
    """Relative to the page's address, as the browser reads it: ending with "/", or leading to
    a bulletin or page without its last "/"; anchors, site paths and other schemes too."""
    body = (
        "Xem [bài trước](../ben-kia/), [bài đó nữa](../ben-kia), [đầu bài](#top),\n"
        "[liên hệ](/lien-he/), [thư](mailto:congan@example.vn), [gọi](tel:0277 3610 113) và\n"
        "[trang chủ](../../../).\n"
    )
    page = (
        "---\ntitle: Liên hệ\n---\n\nXem [giới thiệu](../gioi-thieu/) và [bài A](../2020/12/a).\n"
    )
    root = project(
        tmp_path,
        body,
        {
            "content/pages/lien-he.md": page,
            "content/pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n\nx\n",
        },
    )
    now = ["--now", NOW.isoformat()]
    assert main(["check", "--root", str(root), "--channel", "web", *now]) == 0
    assert main(["build", "--root", str(root), "--channel", "web,zalo", *now]) == 0
    payload = json.loads((root / "output/zalo/a.json").read_text("utf-8"))
    site = "https://congan-chauthanh.example.vn"
    assert payload["body"][0]["content"].startswith(
        f"Xem bài trước ({site}/2020/12/ben-kia/), bài đó nữa ({site}/2020/12/ben-kia), "
    )


def test_a_file_not_served_and_a_hidden_folder_inside_content_are_named(tmp_path: Path) -> None:
    body = "Bảng [viết tắt](../tu-viet-tat.tsv), [nháp](../_nhap/bai-sau) và [ảnh](../images).\n"
    problems = load_problems(project(tmp_path, body, {"content/tu-viet-tat.tsv": "CA\tCông an\n"}))
    assert [p.message.split(" (đường dẫn")[0] for p in problems] == [
        "liên kết «../tu-viet-tat.tsv» dẫn tới tệp content/tu-viet-tat.tsv: website không đăng "
        "tệp này",
        "liên kết «../_nhap/bai-sau» dẫn tới content/_nhap/bai-sau, nằm trong «_nhap», phần của "
        "content/ không được đăng (tên bắt đầu bằng «.» hay «_»)",
        "liên kết «../images» dẫn tới thư mục content/images: website không có trang nào cho "
        "một thư mục",
    ]


def test_links_shown_as_code_and_images_are_not_judged_as_links(tmp_path: Path) -> None:
    """An image without its file is the image check's to tell, once."""
    body = "Gõ `[x](khong-co)` là sai.\n\n```\n[y](cung-khong-co)\n```\n\n![Ảnh](../images/anh-1)\n"
    assert relative_links(body, 10) == ()
    [problem] = load_problems(project(tmp_path, body))
    assert problem.line == 16 and "ảnh" in problem.message and "liên kết" not in problem.message


def test_reference_and_html_links_are_judged_too() -> None:
    body = "Xem [bài][r] và <a href='khong-co-bai'>đây</a>.\n\n[r]: ../../README\n"
    assert relative_links(body, 10) == (("khong-co-bai", 10), ("../../README", 12))


def test_the_quick_look_finds_every_body_the_parse_finds_a_relative_link_in() -> None:
    """A body is parsed only when the quick look says it may hold a relative link: it must say
    so for every one the parse finds one in."""
    pieces = [
        "[a](", "](", "]: ", "<", ">", "(", ")", "x", "../", "a.pdf", ".md", "#", "/", "?",
        "https:", " ", "    ", "\n", "\t", "!", "[", "]", '<a href="', '"', "`", "```", "~~~",
        "<!--", "-->", "tai-lieu", "\\",
    ]  # fmt: skip
    rng = random.Random(11)
    linking = 0
    for _ in range(40_000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        parsed = links_where(body, 1, relative_module.is_relative_link)
        if parsed:
            linking += 1
            assert relative_module._may_link_relative(body), body
    assert linking > 1000, linking  # the parse finds links in many: the comparison means something


def test_a_link_to_a_file_whose_name_holds_a_space_leads_to_it(tmp_path: Path) -> None:
    """QA s77: `[mẫu đơn](../tep/Mẫu đơn.txt)` (a name as Windows saves it) was an error naming
    «../tep/Mẫu», though the website's link holds the whole name and leads to the file: the
    check read the address up to its first space. It is read up to its `)`, as the website
    reads it, so the file is found and published."""
    body = 'Tải [mẫu đơn](../tep/Mẫu đơn.txt "Mẫu đơn") về điền.\n'
    root = project(tmp_path, body, {"content/tep/Mẫu đơn.txt": "Mẫu đơn tố giác\n"})
    site = load_site(config_module.load(root), now=NOW)
    assert {b.source for b in site.bulletins} == {A, "content/bai-viet/2020-12-09-ben-kia.md"}


def test_a_link_written_with_a_bulletins_title_is_told_the_file_to_name(tmp_path: Path) -> None:
    """QA s77: an editor linked another bulletin by its title, `[xem](Bài bên kia)`; the error
    named «Bài» (the address cut at its first space) and no way to the bulletin. It names what
    was written and the bulletin's file to link with."""
    [problem] = load_problems(project(tmp_path, "Xem [bài trước](Bài  bên kia).\n"))
    assert problem.line == 10
    assert "liên kết «Bài  bên kia» không dẫn tới bản tin, trang hay tệp nào" in problem.message
    assert (problem.hint or "").startswith(
        "Đây là tiêu đề của một bài: liên kết tới bài bằng tên tệp của nó, không phải bằng "
        "tiêu đề, ví dụ [xem bài](2020-12-09-ben-kia.md). "
    )


def test_a_link_written_with_a_title_holding_a_colon_is_told_too(tmp_path: Path) -> None:
    """QA s77: `[họp dân](Thông báo: họp dân)` was taken for an address (a colon) and passed,
    while the website linked the page's own folder «…/Thông báo: họp dân» (a «Không tìm thấy»
    page) and Zalo the same. A colon after words that are no scheme is a path's, told so."""
    root = project(tmp_path, "Xem [họp dân](Thông báo: họp dân).\n")
    bulletin = root / "content/bai-viet/2020-12-09-ben-kia.md"
    bulletin.write_text(
        bulletin.read_text("utf-8").replace('"Bài bên kia"', '"Thông báo: họp dân"'), "utf-8"
    )
    [problem] = load_problems(root)
    assert "liên kết «Thông báo: họp dân» không dẫn tới bản tin, trang hay tệp nào" in (
        problem.message
    )
    assert "ví dụ [xem bài](2020-12-09-ben-kia.md)" in (problem.hint or "")
    assert relative_links("Gọi [113](tel:113), [C](C:\\\\a.docx), [x](https://a.vn).\n", 1) == ()


@pytest.mark.parametrize("title", ["Video: Ra quân cao điểm", "Clip: họp dân", "Hotline: 113"])
def test_a_link_written_with_a_title_whose_first_word_is_plain_letters_is_told_too(
    tmp_path: Path, title: str
) -> None:
    """Review of session 77: «Video:» read as a scheme like «https:» (plain letters, a colon),
    so the link passed the check and the website dropped it to its words. A scheme's colon has
    no space after it."""
    root = project(tmp_path, f"Xem [bài]({title}).\n")
    [problem] = load_problems(root)
    assert f"liên kết «{title}» không dẫn tới bản tin, trang hay tệp nào" in problem.message
    assert relative_links("Gọi [113](tel:113), [x](https://a.vn), [m](mailto:a@b.vn).\n", 1) == ()
    spaced = "Gọi [113](tel: 113), [thư](mailto: a@b.vn), [Zalo](Zalo: 0912345678).\n"
    assert relative_links(spaced, 1) == ()  # Markdown links a known scheme with a space after
