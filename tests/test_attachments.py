"""A link to a file under content/ that is no bulletin (a form, a notice, a photo to download)
leads to it on the website and in Zalo articles, served under tep/; one that cannot be served
is an error naming the file, the line, the link and the fix."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from publish import config as config_module
from publish import replay
from publish.attachments import refused
from publish.cli import main
from publish.commands import check_links
from publish.errors import ContentError
from publish.pipeline import build
from publish.writer import write
from tests.helpers import NOW, SITE_TOML, TINY_JPEG, bulletin_md, make_project, with_oa

CHANNELS = ("web", "zalo")
PDF = b"%PDF-1.4\n% mau don\n%%EOF\n"
BODY = (
    "Xem [ảnh hiện trường](../images/anh-2.jpg).\n\n"
    "Tải [mẫu đơn](../tep/mau-don.pdf) và [thông báo](thong-bao.docx#trang-2).\n"
)


@pytest.fixture(autouse=True)
def replay_without_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let a build right after another be replayed (see tests/test_incremental.py)."""
    monkeypatch.setattr(replay, "RACY_SECONDS", 0.0)


def project(tmp_path: Path, body: str = BODY, toml: str = SITE_TOML) -> Path:
    """A one-bulletin project (on the website and Zalo) linking to three files of content/."""
    fields = {"id": "a", "slug": "a", "cover": "images/anh-1.jpg", "cover_alt": '"Hiện trường"'}
    return with_oa(
        make_project(
            tmp_path,
            {
                "site.toml": toml,
                "content/images/anh-1.jpg": TINY_JPEG,
                "content/images/anh-2.jpg": TINY_JPEG,
                "content/tep/mau-don.pdf": PDF,
                "content/bai-viet/thong-bao.docx": b"PK docx",
                "content/bai-viet/a.md": bulletin_md(
                    {**fields, "channels": "[web, zalo]"}, body=body
                ),
            },
        )
    )


def built(root: Path) -> Path:
    """Build web and Zalo into root/output; return the output folder."""
    result = build(config_module.load(root), channels=CHANNELS, now=NOW)
    write(result.artifacts, root / "output", CHANNELS, cache=root / ".cache")
    return root / "output"


def test_links_to_files_lead_where_the_website_serves_them_on_the_web_and_on_zalo(
    tmp_path: Path,
) -> None:
    """Written relative to the bulletin's file, each led beside the page's address
    (/2020/12/images/anh-2.jpg) on the website and in Zalo, and the files were never copied."""
    output = built(project(tmp_path))
    page = (output / "web/2020/12/a/index.html").read_text("utf-8")
    photo = re.search(r'href="/(anh/anh-2-\d+\.[0-9a-f]{8}\.jpg)"', page)
    assert photo is not None  # its web variant: the original keeps its GPS position
    assert (output / "web" / photo[1]).is_file()
    assert not (output / "web/tep/images/anh-2.jpg").exists()
    assert 'href="/tep/tep/mau-don.pdf"' in page
    assert 'href="/tep/bai-viet/thong-bao.docx#trang-2"' in page
    assert (output / "web/tep/tep/mau-don.pdf").read_bytes() == PDF
    assert (output / "web/tep/bai-viet/thong-bao.docx").read_bytes() == b"PK docx"
    article = json.dumps(json.loads((output / "zalo/a.json").read_text("utf-8")))
    site = "https://congan-chauthanh.example.vn/"
    assert f"{site}{photo[1]}" in article
    assert f"{site}tep/tep/mau-don.pdf" in article
    assert "2020/12/images" not in article and "2020/12/a/tep" not in article


def test_the_link_check_finds_every_served_file_under_a_folder_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under a folder ("/chau-thanh/") the link leads to the file there too."""
    toml = SITE_TOML.replace("example.vn/", "example.vn/chau-thanh/")
    root = project(tmp_path, toml=toml)
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "không phải bản tin" not in err  # a linked PDF is served, not "published nowhere"
    (root / "content/tep/khong-ai-tro-toi.pdf").write_bytes(PDF)
    assert main(argv) == 0
    assert "content/tep/khong-ai-tro-toi.pdf: cảnh báo: tệp PDF không phải bản tin" in (
        capsys.readouterr().err
    )
    page = (built(root) / "web/2020/12/a/index.html").read_text("utf-8")
    assert 'href="/chau-thanh/tep/tep/mau-don.pdf"' in page


def test_a_link_to_a_missing_outside_or_refused_file_is_told_in_one_pass(
    tmp_path: Path,
) -> None:
    body = (
        "Tải [mẫu đơn](../tep/mau-don-moi.pdf).\n\n"
        "Xem [hồ sơ](../../ho-so.pdf).\n\n"
        "Mở [trang](../tep/trang.html).\n\n"
        "Còn [mẫu cũ](../tep/mau-don.pdf) vẫn đúng.\n"
    )
    root = project(tmp_path, body=body)
    (root / "ho-so.pdf").write_bytes(PDF)
    with pytest.raises(ContentError) as caught:
        built(root)
    told = {(p.file, p.line): p for p in caught.value.problems if "liên kết tới tệp" in p.message}
    written = (root / "content/bai-viet/a.md").read_text("utf-8").split("\n")
    first = written.index("Tải [mẫu đơn](../tep/mau-don-moi.pdf).") + 1
    source = "content/bai-viet/a.md"
    assert sorted(told) == [(source, first), (source, first + 2), (source, first + 4)]
    missing = told[(source, first)]
    assert "«../tep/mau-don-moi.pdf»" in missing.message and "không tìm thấy" in missing.message
    assert "content/tep/mau-don-moi.pdf" in (missing.hint or "")
    assert "ngoài thư mục content/" in told[(source, first + 2)].message
    refused = told[(source, first + 4)]
    assert ".html" in refused.message and "pdf, doc, docx" in (refused.hint or "")
    assert not (root / "output").exists()  # nothing half-written


def test_a_rebuild_copies_a_newly_linked_file_and_removes_one_no_longer_linked(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    assert main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q"]) == 0
    served = root / "output/web/tep/tep/mau-don.pdf"
    assert served.read_bytes() == PDF
    (root / "content/tep/mau-don.pdf").write_bytes(PDF + b"% sua\n")
    assert main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q"]) == 0
    assert served.read_bytes() == PDF + b"% sua\n"
    source = root / "content/bai-viet/a.md"
    source.write_text(source.read_text("utf-8").replace("../tep/mau-don.pdf", "/lien-he/"), "utf-8")
    assert main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q"]) == 0
    assert not served.exists()
    assert (root / "output/web/tep/bai-viet/thong-bao.docx").is_file()  # still linked


def test_a_link_written_as_a_site_path_from_content_is_served(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`[x](/tep/mau-don.pdf)`, the path from content/ as images may be written, led to a 404:
    the file was never copied nor told missing, and `publish check` said a document beside the
    bulletins linked so was published nowhere."""
    body = "Tải [mẫu đơn](/tep/mau-don.pdf) và [thông báo](/bai-viet/thong-bao.docx).\n"
    root = project(tmp_path, body=body)
    output = built(root)
    page = (output / "web/2020/12/a/index.html").read_text("utf-8")
    assert 'href="/tep/tep/mau-don.pdf"' in page
    assert 'href="/tep/bai-viet/thong-bao.docx"' in page
    assert (output / "web/tep/tep/mau-don.pdf").read_bytes() == PDF
    assert (output / "web/tep/bai-viet/thong-bao.docx").read_bytes() == b"PK docx"
    assert main(["check", "--root", str(root)]) == 0
    told = capsys.readouterr()
    assert "không được đăng ở đâu cả" not in told.out + told.err


def test_a_site_path_to_a_missing_file_is_told(tmp_path: Path) -> None:
    root = project(tmp_path, body="Tải [mẫu đơn](/tep/khong-co.pdf) ở đây.\n")
    with pytest.raises(ContentError) as caught:
        built(root)
    [told] = [p for p in caught.value.problems if "liên kết tới tệp" in p.message]
    assert "«/tep/khong-co.pdf»" in told.message and "không tìm thấy" in told.message


def test_a_reference_link_to_a_missing_photo_is_told(tmp_path: Path) -> None:
    """Every definition naming a photo was skipped as an image's: a link `[ảnh thiếu][h]`
    whose definition names a missing photo went out as a 404 unchecked."""
    body = "Xem [ảnh thiếu][h].\n\n[h]: ../images/khong-co.jpg\n"
    with pytest.raises(ContentError) as caught:
        built(project(tmp_path, body=body))
    [told] = [p for p in caught.value.problems if "liên kết tới tệp" in p.message]
    assert "khong-co.jpg" in told.message and "không tìm thấy" in told.message


def test_a_reference_definition_an_image_shows_is_still_no_file_link(tmp_path: Path) -> None:
    body = "![Hiện trường][h]\n\n[h]: ../images/anh-2.jpg\n"
    output = built(project(tmp_path, body=body))
    assert not (output / "web/tep/images/anh-2.jpg").exists()


@pytest.mark.parametrize(
    "where", ["_nhap/bien-ban.pdf", ".rieng/danh-sach.csv", "bai-viet/.an.txt", "bai-viet/_ds.txt"]
)
def test_a_file_in_a_folder_or_name_the_site_never_publishes_is_refused(
    tmp_path: Path, where: str
) -> None:
    """Folders starting with «_» or «.» hold what is not published (drafts, private lists):
    a live bulletin linking a file there copied it to web/tep/ for anyone to download."""
    root = project(tmp_path, body=f"Tải [tệp](/{where}).\n")
    (root / "content" / where).parent.mkdir(parents=True, exist_ok=True)
    (root / "content" / where).write_bytes(b"ho ten,cccd\n")
    with pytest.raises(ContentError) as caught:
        built(root)
    [told] = [p for p in caught.value.problems if "liên kết tới tệp" in p.message]
    assert told.severity == "error" and f"«/{where}»" in told.message
    assert "không được đăng" in told.message
    assert "content/tep/" in (told.hint or "")
    assert not (root / "output").exists()


def test_a_file_in_the_folder_of_a_draft_is_told_when_a_live_bulletin_links_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = bulletin_md({"id": "b", "slug": "b", "draft": "true"}, body="[ds](ds.csv)\n")
    root = project(tmp_path, body="Tải [danh sách](nhap/ds.csv).\n")
    (root / "content/bai-viet/nhap").mkdir()
    (root / "content/bai-viet/nhap/b.md").write_text(draft, "utf-8")
    (root / "content/bai-viet/nhap/ds.csv").write_bytes(b"ho ten,cccd\n")
    main(["check", "--root", str(root)])
    err = capsys.readouterr().err
    assert "content/bai-viet/a.md" in err and "«nhap/ds.csv»" in err
    assert "thư mục của bản tin chưa đăng «content/bai-viet/nhap/b.md»" in err


@pytest.mark.parametrize(
    # "..\\..\\..\\bien-ban.txt" is told as a Windows path: see the test of those below.
    "href",
    ["..%2F..%2F..%2Fbien-ban.txt", "%2e%2e/bien%20ban.txt"],
)
def test_the_hint_for_a_missing_file_names_the_file_not_the_path_typed(
    tmp_path: Path, href: str
) -> None:
    """The hint said to copy the file to content/tep/..\\..\\..\\bien-ban.txt."""
    with pytest.raises(ContentError) as caught:
        built(project(tmp_path, body=f"Tải [biên bản]({href}).\n"))
    [told] = [p for p in caught.value.problems if "liên kết tới tệp" in p.message]
    assert "content/tep/bien-ban.txt" in (told.hint or ""), told.hint
    assert "content/tep/.." not in (told.hint or "") and "%2" not in (told.hint or "")
    if "%20" in href:  # the file's own name, and the one to give it that a link holds
        assert "Chép tệp «bien ban.txt» vào content/ với tên «bien-ban.txt»" in (told.hint or "")


@pytest.mark.parametrize(
    ("href", "name", "kept"),
    [
        # A link's own address: %20 is the space of the file the website looks for.
        ("tep/mau%20don.pdf", "mau don.pdf", "mau-don.pdf"),
    ],
)
def test_a_missing_files_hint_names_the_file_as_saved_and_a_name_a_link_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], href: str, name: str, kept: str
) -> None:
    """The hint named «mau don.pdf» for a file Windows saved as «mau%20don.pdf» (the path read
    as an address), and its example link [tải về](/tep/mau don.pdf) was no link (a space ends
    one). It names the file as saved and a name to copy it under; following it, the check
    passes."""
    root = project(tmp_path, body=f"Tải [mẫu đơn]({href}).\n")
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"lỗi: liên kết tới tệp «{href}»: không tìm thấy tệp" in err, err
    assert (
        f"Cách sửa: Chép tệp «{name}» vào content/ với tên «{kept}» (ví dụ content/tep/{kept}) "
        f"rồi ghi liên kết tới đó, tính từ content/ (ví dụ [tải về](/tep/{kept})) hay từ thư "
        "mục của bài này; hoặc sửa tên tệp trong liên kết cho đúng."
    ) in err
    (root / "content/tep").mkdir(exist_ok=True)
    (root / "content/tep" / kept).write_bytes(PDF)
    bulletin = next((root / "content/bai-viet").glob("*.md"))
    bulletin.write_text(bulletin.read_text("utf-8").replace(href, f"/tep/{kept}"), "utf-8")
    assert main(argv) == 0, capsys.readouterr().err


def test_a_link_to_the_address_the_website_serves_a_file_at_still_leads_to_it(
    tmp_path: Path,
) -> None:
    """A link copied from the page (/tep/tep/mau-don.pdf) leads where it did, now checked."""
    output = built(project(tmp_path, body="Tải [mẫu đơn](/tep/tep/mau-don.pdf).\n"))
    page = (output / "web/2020/12/a/index.html").read_text("utf-8")
    assert 'href="/tep/tep/mau-don.pdf"' in page
    assert (output / "web/tep/tep/mau-don.pdf").read_bytes() == PDF


def test_a_site_path_to_an_old_page_is_no_file_link(tmp_path: Path) -> None:
    """/tin-tuc/bai-cu.html, an old site's address, is a page: not refused as a kind of file."""
    output = built(project(tmp_path, body="Xem [bài cũ](/tin-tuc/bai-cu.html).\n"))
    page = (output / "web/2020/12/a/index.html").read_text("utf-8")
    assert 'href="/tin-tuc/bai-cu.html"' in page


def test_the_file_links_a_bulletin_is_loaded_with_are_those_of_its_body(tmp_path: Path) -> None:
    """The load takes the body's links to files once, where the body is text: the checks that
    ask for them (served files, linked documents, an approval's files) find what reading the
    body again finds, without unpacking and searching it once each."""
    import dataclasses

    from publish import attachments, content

    root = project(tmp_path)
    config = config_module.load(root)
    bulletin, problems, _ = content.load_bulletin(root / "content/bai-viet/a.md", config)
    assert bulletin is not None and not [p for p in problems if p.severity == "error"]
    lines = (root / "content/bai-viet/a.md").read_text("utf-8").split("\n")
    seen, forms = lines.index(BODY.split("\n")[0]) + 1, lines.index(BODY.split("\n")[2]) + 1
    assert bulletin.file_links == (
        ("../images/anh-2.jpg", seen),
        ("../tep/mau-don.pdf", forms),
        ("thong-bao.docx#trang-2", forms),
    )
    untaken = dataclasses.replace(bulletin, file_links=None)  # as a bulletin made elsewhere
    for check in (attachments.served_files, attachments.check):
        assert check([bulletin], config) == check([untaken], config)
    for each in (attachments.document_texts, attachments.linked_paths):
        assert each(bulletin, config) == each(untaken, config)
    assert attachments.linked_paths(bulletin, config)


def test_a_form_linked_from_a_bulletin_with_an_error_is_not_told_published_nowhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A category typed wrong: the bulletin is not read, and its PDF form was then warned about
    as a document «không được đăng ở đâu cả», with the advice to paste it into a new bulletin.
    The bulletin's own error is what to fix; once it is read, its links are checked."""
    root = project(tmp_path)
    source = root / "content/bai-viet/a.md"
    text = source.read_text("utf-8")
    source.write_text(re.sub(r"(?m)^category: .*$", "category: cai-cach-hanh-chanh", text), "utf-8")
    assert main(["check", "--root", str(root)]) == 1
    told = capsys.readouterr()
    assert "cai-cach-hanh-chanh" in told.err
    assert "không được đăng ở đâu cả" not in told.out + told.err
    # A document no bulletin names is still told.
    (root / "content/tep/bo-quen.pdf").write_bytes(PDF)
    assert main(["check", "--root", str(root)]) == 1
    told = capsys.readouterr()
    assert "content/tep/bo-quen.pdf" in told.err and "đăng ở đâu cả" in told.err
    assert "mau-don.pdf: cảnh báo" not in told.err


def test_a_link_to_a_missing_file_is_told_the_link_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The hint said to «ghi đường dẫn tính từ thư mục của bài này», leaving the officer to work
    out `../tep/…`; it now gives a link that works from any bulletin: the path from content/."""
    root = project(tmp_path, body="Tải [mẫu đơn](mau-ct01.docx).\n")
    assert main(["check", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "content/tep/mau-ct01.docx" in err and "[tải về](/tep/mau-ct01.docx)" in err


@pytest.mark.parametrize(
    ("href", "fixed", "saved"),
    [
        ("tep\\mau-don.pdf", "tep/mau-don.pdf", "content/bai-viet/tep/mau-don.pdf"),
        ("..\\tep\\mau-don.pdf", "../tep/mau-don.pdf", "content/tep/mau-don.pdf"),
        # Between <…>, a Windows name may hold # and a space: no address cut at the #.
        ("<tep\\Tin #3.docx>", "tep/tin-3.docx", "content/bai-viet/tep/tin-3.docx"),
        # A Windows name may hold %, read by no address here: renamed to a name a link holds.
        ("tep\\mau%20don.pdf", "tep/mau-20don.pdf", "content/bai-viet/tep/mau-20don.pdf"),
        # «\\» escaped the Markdown way is shown «\»: told once (review R7), with one «/».
        ("tep\\\\mau-don.pdf", "tep/mau-don.pdf", "content/bai-viet/tep/mau-don.pdf"),
        # A name with a space, as Explorer shows it: named whole, not cut to «tep\\mau» and
        # told as a broken link (twice: by the load and by the website's link check).
        ("tep\\mau don.pdf", "tep/mau-don.pdf", "content/bai-viet/tep/mau-don.pdf"),
        ("..\\tep\\Mẫu đơn (1).pdf", "../tep/mau-don-1.pdf", "content/tep/mau-don-1.pdf"),
        # Markdown reads «\\.» as «.»: «..\\.\\tep» is «.././tep», not «.../tep».
        ("..\\.\\tep\\mau-don.pdf", ".././tep/mau-don.pdf", "content/tep/mau-don.pdf"),
    ],
)
def test_a_file_link_written_with_windows_backslashes_is_told_once_with_the_path_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], href: str, fixed: str, saved: str
) -> None:
    """A link typed as Explorer shows the path got «không tìm thấy tệp» and a broken-link error
    (or, cut at its #, a link to «tep\\Tin »), where an image so written is told it uses
    Windows' \\. A link is now told so, once, with the path to write; written so, check passes."""
    root = project(tmp_path, body=f"Tải [Mẫu đơn]({href}).\n")
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    written = href.strip("<>")
    assert f"a.md:14: lỗi: liên kết tới tệp «{written}» dùng dấu \\ của Windows" in err, err
    assert f"«{fixed}»." in err and "Traceback" not in err
    name = written.rsplit("\\", 1)[1]
    if "/" + name not in fixed:  # a name no link holds as written: the one to give the file
        assert f"Đổi tên tệp «{name}» thành «{fixed.rsplit('/', 1)[1]}»" in err, err
    assert err.count("lỗi:") == 1, err
    if saved != "content/tep/mau-don.pdf":
        (root / saved).parent.mkdir(parents=True, exist_ok=True)
        (root / saved).write_bytes(PDF)
    bulletin = root / "content/bai-viet/a.md"
    bulletin.write_text(bulletin.read_text("utf-8").replace(href, fixed), "utf-8")
    assert main(argv) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    ("href", "name", "fixed"),
    [
        # Brackets escaped as the README teaches: the name is «Mẫu đơn (1).docx», not «).docx».
        ("tep\\Mẫu đơn \\(1\\).docx", "Mẫu đơn (1).docx", "tep/mau-don-1.docx"),
        # «\\_» is Markdown's «_», no folder: not «tep/mau/don.pdf».
        ("tep\\mau\\_don.pdf", "mau_don.pdf", "tep/mau-don.pdf"),
    ],
)
def test_a_windows_path_with_markdown_escapes_is_told_the_name_the_page_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], href: str, name: str, fixed: str
) -> None:
    """A «\\» before a bracket or «_» is a Markdown escape, not Windows' separator: the hint
    turned every «\\» into «/» and named the file «).docx» (to be written «tep/Mẫu đơn
    /(1/…»). It names the file as the page shows it, and the link it gives works."""
    root = project(tmp_path, body=f"Tải [Mẫu đơn]({href}).\n")
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"a.md:14: lỗi: liên kết tới tệp «{href}» dùng dấu \\ của Windows" in err, err
    assert f"Đổi tên tệp «{name}» thành «{fixed.rsplit('/', 1)[1]}»" in err, err
    assert f"viết đường dẫn bằng dấu /: «{fixed}»." in err, err
    assert err.count("lỗi:") == 1, err
    saved = root / "content/bai-viet" / fixed
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_bytes(PDF)
    bulletin = root / "content/bai-viet/a.md"
    bulletin.write_text(bulletin.read_text("utf-8").replace(href, fixed), "utf-8")
    assert main(argv) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("tep\\mau-don.pdf", "tep/mau-don.pdf"),
        ("tep\\mau don.pdf", "tep/mau-don.pdf"),
        ('tep\\mau don.pdf "Mẫu đơn"', 'tep/mau-don.pdf "Mẫu đơn"'),
    ],
)
def test_a_reference_definition_written_with_windows_backslashes_is_told_as_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, fixed: str
) -> None:
    """`[Tải mẫu][mẫu]` with `[mẫu]: tep\\mau don.pdf` was told «tep\\mau» leads nowhere, with
    no word of Windows' \\; it is told once, at the definition's line, as an inline link is."""
    body = f"Tải [Tải mẫu][mẫu] về điền.\n\n[mẫu]: {written}\n"
    root = project(tmp_path, body=body)
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    path = written.partition(' "')[0]
    assert f"a.md:16: lỗi: liên kết tới tệp «{path}» dùng dấu \\ của Windows" in err, err
    assert f"«{fixed.partition(' ')[0]}»." in err and "Traceback" not in err
    assert err.count("lỗi:") == 1, err
    (root / "content/bai-viet/tep").mkdir(parents=True, exist_ok=True)
    (root / "content/bai-viet/tep/mau-don.pdf").write_bytes(PDF)
    bulletin = root / "content/bai-viet/a.md"
    bulletin.write_text(bulletin.read_text("utf-8").replace(written, fixed), "utf-8")
    assert main(argv) == 0, capsys.readouterr().err
    page = (built(root) / "web/2020/12/a/index.html").read_text("utf-8")
    assert 'href="/tep/bai-viet/tep/mau-don.pdf"' in page


@pytest.mark.parametrize("folder", ["", "chau-thanh/"])
@pytest.mark.parametrize(
    ("href", "why"),
    [
        ("/tep/khong-co.pdf", "không tìm thấy tệp"),
        # Written without its first «/» or «../»: read from the bulletin's folder.
        ("tep/khong-co.pdf", "không tìm thấy tệp"),
        ("../images/khong-co.jpg", "không tìm thấy tệp"),
        ("../../ho-so.pdf", "nằm ngoài thư mục content/"),
    ],
)
def test_a_refused_file_link_is_told_once_not_again_as_a_broken_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], href: str, why: str, folder: str
) -> None:
    """A link to a missing file got the load's «không tìm thấy tệp» and then the link check's
    «liên kết hỏng» for the same mistake (the second one, for a site path under a folder,
    without its line): one error now, the load's, with the fix."""
    toml = SITE_TOML.replace("example.vn/", f"example.vn/{folder}")
    root = project(tmp_path, body=f"Tải [Mẫu đơn]({href}).\n", toml=toml)
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"a.md:14: lỗi: liên kết tới tệp «{href}»" in err and why in err, err
    assert err.count("lỗi:") == 1 and "liên kết hỏng" not in err, err
    assert main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q"]) == 1
    assert not (root / "output").exists()


def test_the_link_check_asks_the_loads_verdict_of_broken_file_links_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review R2: asking whether the load refused a file link looks at the disk (~100 µs), and
    every check asked it of every file link of every page, +1 s at 10,000 bulletins. It is
    asked of those the link check finds broken, which are still told once."""
    asked: list[str] = []

    def counted(href: str, source: str, config: config_module.Config) -> bool:
        asked.append(href)
        return refused(href, source, config)

    monkeypatch.setattr(check_links, "refused", counted)
    root = project(tmp_path, body=BODY + "\nTải [bản cũ](../tep/khong-co.pdf).\n")
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "a.md:18: lỗi: liên kết tới tệp «../tep/khong-co.pdf»: không tìm thấy tệp" in err, err
    assert err.count("lỗi:") == 1, err
    assert asked == ["../tep/khong-co.pdf"]


def test_a_link_to_a_file_whose_name_holds_a_hash_is_told_to_rename_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python-Markdown keeps «<tep/Tin #3.docx>» whole in the website's link, which a browser
    reads as «tep/Tin » and a place «3.docx» in it: a broken link. The error said no file
    «tep/Tin » existed and asked «Có phải ý bạn là «tep/Tin #3.docx#3.docx»?»; it names the
    file and the name to give it, and the link so written works."""
    root = project(tmp_path, body="Tải [Tin số 3](<tep/Tin #3.docx>).\n")
    (root / "content/bai-viet/tep").mkdir(parents=True)
    (root / "content/bai-viet/tep/Tin #3.docx").write_bytes(b"PK docx")
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "a.md:14: lỗi: liên kết «tep/Tin #3.docx» dẫn tới «content/bai-viet/tep/Tin »" in err
    assert "Đổi tên tệp «Tin #3.docx» thành «tin-3.docx» rồi ghi liên kết «tep/tin-3.docx»" in err
    assert err.count("lỗi:") == 1 and "#3.docx#" not in err, err
    (root / "content/bai-viet/tep/Tin #3.docx").rename(root / "content/bai-viet/tep/tin-3.docx")
    bulletin = root / "content/bai-viet/a.md"
    text = bulletin.read_text("utf-8").replace("<tep/Tin #3.docx>", "tep/tin-3.docx")
    bulletin.write_text(text, "utf-8")
    assert main(argv) == 0, capsys.readouterr().err


def test_a_backslash_after_the_files_fragment_is_no_windows_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review R7: «tep/a.pdf#trang\\2» names content/…/tep/a.pdf, written with «/»; the «\\»
    in its fragment made it a Windows path, refused (and no longer served)."""
    root = project(tmp_path, body="Tải [Mẫu đơn](tep/mau-don.pdf#trang\\2).\n")
    (root / "content/bai-viet/tep").mkdir(parents=True, exist_ok=True)
    (root / "content/bai-viet/tep/mau-don.pdf").write_bytes(PDF)
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    code = main(argv)
    err = capsys.readouterr().err
    assert "của Windows" not in err, err
    assert code == 0, err


@pytest.mark.parametrize(
    "link",
    [
        # A title holding a link of its own: the reader stopped at its «](», cut the address
        # to «../tep/mau» and told a second, phantom link «2024».
        '[Mẫu đơn](../tep/mau don.pdf "Mẫu [mới](2024)")',
        # A title on the next line, or going on past one: Python-Markdown reads on.
        '[Mẫu đơn](../tep/mau don.pdf\n"Mẫu mới")',
        '[Mẫu đơn](../tep/mau don.pdf "Mẫu\nmới")',
    ],
    ids=["bracketed-title", "title-next-line", "title-over-lines"],
)
def test_a_spaced_file_link_with_a_title_is_read_whole_on_every_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], link: str
) -> None:
    """The website links «../tep/mau don.pdf» whole (Python-Markdown reads an address up to
    its title, whatever the title holds or wherever it starts); the check told «../tep/mau»
    leads nowhere (and «2024»), the radio could not read the link. Now check passes, the page
    and Zalo lead to the file, the radio reads the link's words and the search index has no
    word of the address or the title."""
    fields = {"id": "a", "slug": "a", "cover": "images/anh-1.jpg", "cover_alt": '"Hiện trường"'}
    root = with_oa(
        make_project(
            tmp_path,
            {
                "site.toml": SITE_TOML,
                "content/images/anh-1.jpg": TINY_JPEG,
                "content/tep/mau don.pdf": PDF,
                "content/bai-viet/a.md": bulletin_md(
                    {**fields, "channels": "[web, zalo, radio]"}, body=f"Xem {link} nhé.\n"
                ),
            },
        )
    )
    argv = ["--root", str(root), "--now", NOW.isoformat()]
    assert main(["check", *argv]) == 0, capsys.readouterr().err
    assert main(["build", "-q", *argv]) == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    assert "Q2" not in err and "../tep/mau»" not in err, err
    output = root / "output"
    page = (output / "web/2020/12/a/index.html").read_text("utf-8")
    assert '<a href="/tep/tep/mau don.pdf" title="Mẫu' in page
    assert (output / "web/tep/tep/mau don.pdf").read_bytes() == PDF
    article = json.dumps(
        json.loads((output / "zalo/a.json").read_text("utf-8")), ensure_ascii=False
    )
    assert "Xem Mẫu đơn (https://congan-chauthanh.example.vn/tep/tep/mau%20don.pdf) nhé." in article
    assert "Xem Mẫu đơn nhé." in (output / "radio/items/a.txt").read_text("utf-8-sig")
    terms = set()
    for shard in (output / "web/tim-kiem/chi-muc/t").glob("*.json"):
        terms.update(json.loads(shard.read_text("utf-8")))
    assert {"mau", "don", "xem"} <= terms
    assert not {"tep", "pdf", "moi", "2024"} & terms, sorted(terms)


@pytest.mark.parametrize(
    ("written", "spaced", "joined", "meant"),
    [
        ("../tep/mau\ndon.pdf", "../tep/mau don.pdf", "../tep/maudon.pdf", "../tep/mau-don.pdf"),
        ("../tep/mau-\ndon.pdf", "../tep/mau- don.pdf", "../tep/mau-don.pdf", "../tep/mau-don.pdf"),
        ("thong-bao.docx\n#trang-2", "thong-bao.docx #trang-2", "thong-bao.docx#trang-2", None),
    ],
)
def test_a_link_address_broken_over_two_lines_is_told_once_with_both_readings(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    spaced: str,
    joined: str,
    meant: str | None,
) -> None:
    """Python-Markdown links «../tep/mau⏎don.pdf» whole, line break and all, and the browser
    drops the break («../tep/maudon.pdf»); the check told «../tep/mau» leads nowhere, then a
    file named over two lines and a broken link. It is told once, at the link's line, with
    both ways to write it on one line; written so, the check passes."""
    root = project(tmp_path, body=f"Tải [mẫu đơn]({written}) về điền.\n")
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    first = written.split("\n")[0]
    assert (
        f"a.md:14: lỗi: địa chỉ của liên kết «{spaced}» bị ngắt xuống dòng sau «{first}»: "
        f"website giữ nguyên chỗ xuống dòng trong địa chỉ, trình duyệt bỏ nó đi và mở «{joined}»"
    ) in err, err
    assert (
        f"Cách sửa: Viết cả địa chỉ trong dấu (…) trên một dòng: «{spaced}» nếu chỗ xuống dòng "
        f"là một dấu cách, «{joined}» nếu không."
    ) in err
    assert err.count("lỗi:") == 1 and "Traceback" not in err, err
    bulletin = root / "content/bai-viet/a.md"
    bulletin.write_text(bulletin.read_text("utf-8").replace(written, meant or joined), "utf-8")
    assert main(argv) == 0, capsys.readouterr().err


def test_a_link_inside_another_links_words_is_told_with_the_two_links_to_keep_instead(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python-Markdown makes no link of «[mẫu đơn](../tep/mau-don.pdf)» inside the words of
    another: the page and Zalo showed it as written, brackets and address, the radio was
    blocked on its brackets, and the check said nothing. It is an error naming the two links
    to keep instead; a photo inside a link («[![ảnh](…)](…)», one a reader can click) is none."""
    photo = "[![Ảnh hiện trường](../images/anh-2.jpg)](../images/anh-2.jpg)"
    nested = "Tải [bản [mẫu đơn](../tep/mau-don.pdf) mới](thong-bao.docx) về."
    root = project(tmp_path, body=f"{photo}\n\n{nested}\n")
    argv = ["check", "--root", str(root), "--channel", "web", "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert (
        "a.md:16: lỗi: liên kết «[mẫu đơn](../tep/mau-don.pdf)» nằm trong chữ của một liên kết "
        "khác (dẫn tới «thong-bao.docx»): website và Zalo không làm liên kết bên trong mà hiện "
        "nguyên «[mẫu đơn](../tep/mau-don.pdf)» trong chữ của liên kết ngoài, đài không đọc được"
    ) in err, err
    assert (
        "Cách sửa: Mỗi chữ chỉ dẫn tới một chỗ: giữ một trong hai liên kết, «[bản mẫu đơn "
        "mới](../tep/mau-don.pdf)» hoặc «[bản mẫu đơn mới](thong-bao.docx)»."
    ) in err
    assert err.count("lỗi:") == 1 and "Traceback" not in err, err
    bulletin = root / "content/bai-viet/a.md"
    fixed = "Tải [bản mẫu đơn mới](thong-bao.docx) về."
    bulletin.write_text(bulletin.read_text("utf-8").replace(nested, fixed), "utf-8")
    assert main(argv) == 0, capsys.readouterr().err
