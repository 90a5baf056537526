"""What an editor is told about an image that is missing or unreadable: where it is written
(file, line, field) and, for a name slightly off, the file they probably meant."""

from __future__ import annotations

import io
import os
import re
import struct
import subprocess
import sys
import unicodedata
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.errors import ContentError, Problem
from tests.helpers import NOW, SITE_TOML, TINY_JPEG, bulletin_md, make_project

COVER = {"cover": "images/anh.jpg", "cover_alt": '"Ảnh minh họa"'}


def load_errors(tmp_path: Path, text: str, images: dict[str, bytes]) -> list[Problem]:
    """The errors of loading a project with one bulletin a.md and `images` in content/images/."""
    files: dict[str, str | bytes] = {f"content/images/{n}": data for n, data in images.items()}
    root = make_project(tmp_path, {**files, "content/bai-viet/a.md": text})
    with pytest.raises(ContentError) as raised:
        load_site(config_module.load(root), now=NOW)
    return [p for p in raised.value.problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("written", "existing", "meant"),
    [
        ("images/hien-truong.jpg", "Hien-Truong.JPG", "images/Hien-Truong.JPG"),
        ("images/hien-truong.jpg", "hien_truong.jpg", "images/hien_truong.jpg"),
        ("../images/hien-truong.jpg", "Hien-Truong.jpg", "../images/Hien-Truong.jpg"),
    ],
)
def test_a_missing_body_image_suggests_the_file_of_the_closest_name(
    tmp_path: Path, written: str, existing: str, meant: str
) -> None:
    body = f"Đoạn đầu.\n\n![Hiện trường]({written})\n"
    [error] = load_errors(tmp_path, bulletin_md(body=body), {existing: TINY_JPEG})
    assert error.message == f"không tìm thấy ảnh «{written}»"
    assert error.line == 11
    assert error.hint is not None and error.hint.startswith(f"Có phải ý bạn là «{meant}»? ")


def test_the_same_name_in_other_case_is_preferred_to_a_closer_spelling(tmp_path: Path) -> None:
    body = "![Hiện trường](images/hien-truong.jpg)\n"
    images = {"hien-truong.jpeg": TINY_JPEG, "HIEN-TRUONG.JPG": TINY_JPEG}
    [error] = load_errors(tmp_path, bulletin_md(body=body), images)
    assert error.hint is not None and "«images/HIEN-TRUONG.JPG»" in error.hint


def test_a_missing_cover_suggests_the_file_of_the_closest_name(tmp_path: Path) -> None:
    text = bulletin_md({"cover": "images/anh-bia.jpg", "cover_alt": '"Ảnh bìa"'})
    [error] = load_errors(tmp_path, text, {"anh_bia.jpg": TINY_JPEG})
    assert (error.field, error.line) == ("cover", 7)
    assert error.hint is not None and error.hint.startswith(
        "Có phải ý bạn là «images/anh_bia.jpg»?"
    )


def test_no_suggestion_when_no_name_is_close(tmp_path: Path) -> None:
    body = "![Hiện trường](images/hien-truong.jpg)\n"
    [error] = load_errors(tmp_path, bulletin_md(body=body), {"bia-tet.png": TINY_JPEG})
    assert error.hint is not None and "Có phải ý bạn là" not in error.hint


@pytest.mark.parametrize("field", ["body", "cover"])
def test_a_photo_not_copied_yet_is_told_where_to_put_it(tmp_path: Path, field: str) -> None:
    """An editor who forgot to copy the photo was told «Sửa đường dẫn (kiểm tra tên tệp…)», as
    if the path were wrong: the file the path points to is named, so it can be copied there."""
    if field == "cover":
        text = bulletin_md({"cover": "images/ra-quan.jpg", "cover_alt": '"Ra quân"'})
    else:
        text = bulletin_md(body="![Tuần tra ban đêm](images/ra-quan.jpg)\n")
    [error] = load_errors(tmp_path, text, {"bia-tet.png": TINY_JPEG})
    assert error.hint is not None and error.hint.startswith(
        "Đường dẫn này chỉ tới tệp content/images/ra-quan.jpg: đặt ảnh vào đúng chỗ đó, hoặc "
        "sửa đường dẫn"
    )


@pytest.mark.parametrize("field", ["body", "cover"])
@pytest.mark.parametrize("what", ["folder", "pipe"])
def test_a_folder_or_a_pipe_where_the_photo_should_be_is_told_as_what_it_is(
    tmp_path: Path, field: str, what: str
) -> None:
    """QA, session 77: «không tìm thấy ảnh … đặt ảnh vào đúng chỗ đó», where the editor could
    see something named like the photo already."""
    if field == "cover":
        text = bulletin_md({"cover": "images/ra-quan.jpg", "cover_alt": '"Ra quân"'})
    else:
        text = bulletin_md(body="![Tuần tra ban đêm](images/ra-quan.jpg)\n")
    root = make_project(
        tmp_path, {"content/images/bia-tet.png": TINY_JPEG, "content/bai-viet/a.md": text}
    )
    there = root / "content/images/ra-quan.jpg"
    if what == "folder":
        there.mkdir()
    else:
        os.mkfifo(there)
    with pytest.raises(ContentError) as raised:
        load_site(config_module.load(root), now=NOW)
    [error] = [p for p in raised.value.problems if p.severity == "error"]
    said = "đây là thư mục, không phải tệp" if what == "folder" else "không phải là tệp thường"
    assert error.message.startswith(f"không tìm thấy ảnh «images/ra-quan.jpg»: {said}")
    assert error.hint is not None and error.hint.startswith(
        "Đường dẫn này chỉ tới content/images/ra-quan.jpg, không phải tệp ảnh: sửa đường dẫn"
    )
    assert error.field == "cover" if field == "cover" else error.line == 9


@pytest.mark.parametrize("field", ["body", "cover"])
def test_a_photo_dragged_into_a_browser_is_told_as_a_file_of_this_computer(
    tmp_path: Path, field: str
) -> None:
    """`file:///C:/Users/Minh%20Anh/%E1%BA%A2nh%202.jpg` (a photo dragged into a browser, the
    address copied) was «đường dẫn ảnh không được phép … Chỉ dùng ảnh trong content/images/»:
    it is now told as a file of the editor's computer, as `C:\\…` is, with the photo's own
    name, spaces and letters as the editor sees them, to write once it is copied."""
    ref = "file:///C:/Users/Minh%20Anh/Pictures/%E1%BA%A2nh%202.jpg"
    if field == "cover":
        text = bulletin_md({"cover": ref, "cover_alt": '"Ra quân"'})
    else:
        text = bulletin_md(body=f"![Tuần tra ban đêm]({ref})\n")
    [error] = load_errors(tmp_path, text, {})
    assert f"ảnh «{ref}» là một tệp trên máy tính này" in error.message
    assert error.hint == "Chép ảnh vào thư mục content/images/ rồi ghi «images/Ảnh 2.jpg»."


def test_a_photo_on_this_computer_is_named_without_the_address_fragment(tmp_path: Path) -> None:
    """A browser's address can end in «#…» or «?…», which no file's name holds: the name to write
    once the photo is copied is the file's own, as for a linked form."""
    ref = "file:///C:/Users/Lan/Tuan%20tra.jpg#zoom=2"
    [error] = load_errors(tmp_path, bulletin_md(body=f"![Tuần tra ban đêm]({ref})\n"), {})
    assert error.hint == "Chép ảnh vào thư mục content/images/ rồi ghi «images/Tuan tra.jpg»."


@pytest.mark.parametrize(
    ("ref", "name"),
    [
        ("C:\\Users\\Mai\\Pictures\\anh #1.jpg", "anh #1.jpg"),
        ("C:\\anh%20x.jpg", "anh%20x.jpg"),
        ("\\\\may-chu\\anh\\so #2.jpg", "so #2.jpg"),
        ("D:/Anh/giam%2050.jpg", "giam%2050.jpg"),
    ],
)
def test_a_windows_photo_keeps_its_hash_and_percent(tmp_path: Path, ref: str, name: str) -> None:
    """Review R4: a Windows file's name may hold # and % (no address cuts or decodes it): the
    name to write once the photo is copied was «anh » for «anh #1.jpg», «anh x.jpg» for
    «anh%20x.jpg»; only a browser's file: address is read as an address."""
    text = bulletin_md({"cover": f"'{ref}'", "cover_alt": '"Ra quân"'})
    [error] = load_errors(tmp_path, text, {})
    assert f"ảnh «{ref}» là một tệp trên máy tính này" in error.message
    assert error.hint == f"Chép ảnh vào thư mục content/images/ rồi ghi «images/{name}»."


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("images/Anh hoi nghi.jpg", "images/Ảnh hội nghị.jpg"),
        ("content/images/Ảnh hội nghị.jpg", "images/Ảnh hội nghị.jpg"),
        ("Ảnh hội nghị.jpg", "images/Ảnh hội nghị.jpg"),
    ],
)
def test_a_path_off_from_a_photo_that_is_there_is_not_told_to_be_filled(
    tmp_path: Path, written: str, meant: str
) -> None:
    """With a photo the path may have meant, the path is what is wrong: «đặt ảnh vào đúng chỗ
    đó» beside «Có phải ý bạn là…» would have the editor copy the photo to content/content/…"""
    body = f"![Hội nghị]({written})\n"
    [error] = load_errors(tmp_path, bulletin_md(body=body), {"Ảnh hội nghị.jpg": TINY_JPEG})
    assert error.hint is not None and error.hint.startswith(f"Có phải ý bạn là «{meant}»? ")
    assert "đặt ảnh vào đúng chỗ đó" not in error.hint


def test_images_written_as_code_are_not_looked_for(tmp_path: Path) -> None:
    """In backticks, a fenced block or a block indented by four spaces, an image is an example
    of the syntax, shown as code; the lines of the others stay right."""
    body = (
        "Chèn ảnh bằng `![mô tả](images/a.png)` hay ``<img src='images/b.png' alt='b'>``.\n\n"
        '```\n![mô tả](images/c.png)\n<img src="images/d.png" alt="d">\n```\n\n'
        "Ví dụ:\n\n    ![mô tả](images/e.png)\n\tvà ![mô tả](images/f.png)\n\n"
        "![Thật](images/thieu.png)\n"
    )
    [error] = load_errors(tmp_path, bulletin_md(body=body), {})
    assert (error.message, error.line) == ("không tìm thấy ảnh «images/thieu.png»", 21)


def test_an_image_written_as_code_is_not_one_the_bulletin_shows(tmp_path: Path) -> None:
    """Not sized for the website nor uploaded to Zalo: the page shows its text."""
    body = "Viết `![mô tả](images/anh.jpg)` để chèn ảnh, như ![Ảnh thật](images/that.jpg).\n"
    files: dict[str, str | bytes] = {
        "content/images/anh.jpg": TINY_JPEG,
        "content/images/that.jpg": TINY_JPEG,
    }
    root = make_project(tmp_path, {**files, "content/bai-viet/a.md": bulletin_md(body=body)})
    [bulletin] = load_site(config_module.load(root), now=NOW).bulletins
    assert [image.path for image in bulletin.images] == ["images/that.jpg"]


def check_errors(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What `publish check` prints to stderr; it must fail."""
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 1
    return capsys.readouterr().err


def test_an_unreadable_body_image_is_told_at_the_line_that_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Đoạn đầu.\n\n![Hiện trường](images/hong.jpg)\n"
    files: dict[str, str | bytes] = {
        "content/images/anh.jpg": TINY_JPEG,
        "content/images/hong.jpg": b"not a picture",
        "content/bai-viet/a.md": bulletin_md(COVER, body),
    }
    err = check_errors(make_project(tmp_path, files), capsys)
    wrong = "content/bai-viet/a.md:13: lỗi: không đọc được ảnh content/images/hong.jpg"
    assert err.count(wrong) == 1, err


def test_an_unreadable_cover_is_told_at_its_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {
        "content/images/hong.jpg": b"not a picture",
        "content/bai-viet/a.md": bulletin_md({"cover": "images/hong.jpg", "cover_alt": '"Ảnh"'}),
    }
    err = check_errors(make_project(tmp_path, files), capsys)
    wrong = (
        "content/bai-viet/a.md:7: lỗi: trường 'cover': không đọc được ảnh content/images/hong.jpg"
    )
    assert err.count(wrong) == 1, err


def test_an_unreadable_default_cover_is_told_at_its_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = SITE_TOML.replace("[site]\n", '[site]\ndefault_cover = "images/hong.jpg"\n')
    files: dict[str, str | bytes] = {
        "site.toml": toml,
        "content/images/hong.jpg": b"not a picture",
        "content/bai-viet/a.md": bulletin_md(),
    }
    err = check_errors(make_project(tmp_path, files), capsys)
    line = toml.splitlines().index('default_cover = "images/hong.jpg"') + 1
    wrong = f"site.toml:{line}: lỗi: trường '[site] default_cover': không đọc được ảnh"
    assert err.count(wrong) == 1, err


def test_an_unreadable_cover_shown_in_the_body_too_is_told_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files: dict[str, str | bytes] = {
        "content/images/hong.jpg": b"not a picture",
        "content/bai-viet/a.md": bulletin_md(
            {"cover": "images/hong.jpg", "cover_alt": '"Ảnh"'}, "![Ảnh](images/hong.jpg)\n"
        ),
    }
    err = check_errors(make_project(tmp_path, files), capsys)
    assert err.count("không đọc được ảnh content/images/hong.jpg") == 1, err
    assert "a.md:7: lỗi: trường 'cover': không đọc được ảnh" in err


@pytest.mark.parametrize("written", ["![Ảnh]({})", '<img src="{}" alt="Ảnh">'])
def test_an_image_name_too_long_for_the_disk_is_a_missing_image(
    tmp_path: Path, written: str
) -> None:
    ref = "images/" + "a" * 5000 + ".jpg"
    [error] = load_errors(tmp_path, bulletin_md(body=written.format(ref) + "\n"), {})
    assert (error.message, error.line) == (f"không tìm thấy ảnh «{ref}»", 9)


def test_a_photo_named_on_a_mac_is_found_by_the_name_the_bulletin_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Copied from a Mac, «hiện-trường.jpg» keeps a decomposed name (NFD); the bulletin writes it
    composed. It was «không tìm thấy ảnh», with «Có phải ý bạn là» the very same-looking name."""
    name = unicodedata.normalize("NFD", "hiện-trường.jpg")
    text = bulletin_md(
        {"cover": '"images/hiện-trường.jpg"', "cover_alt": '"Hiện trường"'},
        body="![Hiện trường vụ việc](images/hiện-trường.jpg)\n",
    )
    root = make_project(
        tmp_path, {f"content/images/{name}": TINY_JPEG, "content/bai-viet/a.md": text}
    )
    args = ["build", "--root", str(root), "--channel", "web", "--now", "2021-01-01T09:00"]
    assert main(args) == 0, capsys.readouterr().err
    page = (root / "output/web/2020/12/a/index.html").read_text("utf-8")
    assert "/anh/hien-truong-" in page


def png_header(width: int, height: int) -> bytes:
    """A PNG of that size in its header and no pixels: Pillow checks the size on opening."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("name", "data", "said", "fix"),
    [
        (
            "IMG_0412.HEIC",
            b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64),
            "là ảnh HEIC (định dạng iPhone chụp): website và Zalo chưa dùng được",
            "Cài đặt › Camera › Định dạng › Tương thích nhất",
        ),
        (
            "so-do.png",
            png_header(20_000, 15_000),
            "quá lớn để đọc (300 triệu điểm ảnh, tối đa 179 triệu)",
            "Thu nhỏ ảnh",
        ),
    ],
    ids=["heic", "too-many-pixels"],
)
def test_an_iphone_photo_or_a_huge_scan_is_told_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, said: str, fix: str
) -> None:
    """Both were «tệp hỏng hoặc không phải ảnh», the second with Pillow's English after it."""
    text = bulletin_md(body=f"![Ảnh hiện trường](images/{name})\n")
    root = make_project(tmp_path, {f"content/images/{name}": data, "content/bai-viet/a.md": text})
    assert main(["check", "--root", str(root), "--channel", "web", "--now", "2021-01-01"]) == 1
    err = capsys.readouterr().err
    assert f"content/bai-viet/a.md:9: lỗi: ảnh content/images/{name} {said}" in err
    assert fix in err and "tệp hỏng" not in err and "pixels" not in err


@pytest.mark.parametrize("brand", [b"heic", b"heix", b"mif1", b"hevc"])
def test_an_iphone_photo_named_jpg_is_told_as_heic_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], brand: bytes
) -> None:
    """Renamed, or sent on by a chat app as «….jpg»: it was «tệp hỏng hoặc không phải ảnh»."""
    data = b"\x00\x00\x00\x18ftyp" + brand + b"\x00\x00\x00\x00mif1heic" + bytes(64)
    text = bulletin_md(body="![Ảnh hiện trường](images/IMG_0412.jpg)\n")
    files: dict[str, str | bytes] = {
        "content/images/IMG_0412.jpg": data,
        "content/bai-viet/a.md": text,
    }
    root = make_project(tmp_path, files)
    assert main(["check", "--root", str(root), "--channel", "web", "--now", "2021-01-01"]) == 1
    err = capsys.readouterr().err
    assert (
        "content/bai-viet/a.md:9: lỗi: ảnh content/images/IMG_0412.jpg là ảnh HEIC (định dạng "
        "iPhone chụp) dù tên có đuôi .jpg" in err
    )
    assert "chép đè lên tệp cũ" in err and "tệp hỏng" not in err


def test_an_image_between_pillows_two_limits_prints_no_english_warning(tmp_path: Path) -> None:
    """Pillow warns (DecompressionBombWarning, in English) from 89 million pixels on."""
    text = bulletin_md(body="![Sơ đồ](images/so-do.png)\n")
    files: dict[str, str | bytes] = {
        "content/images/so-do.png": png_header(10_000, 10_000),
        "content/bai-viet/a.md": text,
    }
    root = make_project(tmp_path, files)
    done = subprocess.run(
        [sys.executable, "-m", "publish", "check", "--root", str(root), "--channel", "web"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert "content/images/so-do.png" in done.stderr  # no pixels in it: unreadable
    assert "Warning" not in done.stderr and "pixels" not in done.stderr


def test_a_missing_image_whose_name_has_spaces_is_an_error_of_its_line(tmp_path: Path) -> None:
    """A photo keeps its own name ("Ảnh hội nghị.jpg"): the website shows such an image, so a
    wrong name must be told, not left as a broken picture and a Zalo post without it."""
    body = "Đoạn đầu.\n\n![Hội nghị](images/anh hoi nghi.jpg)\n\n![Hội nghị](images/Ảnh hội nghị.jpg 'Chú thích')\n"
    [error] = load_errors(tmp_path, bulletin_md(body=body), {"Ảnh hội nghị.jpg": TINY_JPEG})
    assert error.message == "không tìm thấy ảnh «images/anh hoi nghi.jpg»"
    assert error.line == 11


def test_an_image_whose_name_has_spaces_is_shown_as_before(tmp_path: Path) -> None:
    """Found, it is shown and not counted in the approval fingerprint (as before: counting it
    would withdraw bulletins approved with such a photo)."""
    body = '![Hội nghị](images/Ảnh hội nghị.jpg "Chú thích")\n'
    files: dict[str, str | bytes] = {"content/images/Ảnh hội nghị.jpg": TINY_JPEG}
    root = make_project(tmp_path, {**files, "content/bai-viet/a.md": bulletin_md(body=body)})
    [bulletin] = load_site(config_module.load(root), now=NOW).bulletins
    assert bulletin.images == ()


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("images\\Ảnh hội nghị.jpg", "images/Ảnh hội nghị.jpg"),
        ("content\\images\\anh.jpg", "images/anh.jpg"),
    ],
)
def test_a_windows_path_is_refused_with_the_path_to_write(
    tmp_path: Path, written: str, shown: str
) -> None:
    """Windows finds "images\\a.jpg" on the editor's computer, the server does not: the
    message shows the path as written (not doubled backslashes) and the one to write."""
    body = f"![Hội nghị]({written})\n"
    images = {"Ảnh hội nghị.jpg": TINY_JPEG, "anh.jpg": TINY_JPEG}
    [error] = load_errors(tmp_path, bulletin_md(body=body), images)
    assert error.message == f"đường dẫn ảnh «{written}» dùng dấu \\ của Windows"
    assert error.hint == f"Viết đường dẫn bằng dấu /: «{shown}»."


def test_a_cover_on_the_editors_own_disk_says_to_copy_it_into_content(tmp_path: Path) -> None:
    text = bulletin_md({"cover": "C:\\Users\\Binh\\Pictures\\anh.jpg", "cover_alt": '"Ảnh"'})
    [error] = load_errors(tmp_path, text, {})
    assert error.field == "cover"
    assert error.message.startswith("ảnh «C:\\Users\\Binh\\Pictures\\anh.jpg» là một tệp trên máy")
    assert error.hint == "Chép ảnh vào thư mục content/images/ rồi ghi «images/anh.jpg»."


def test_a_path_from_the_project_folder_says_to_leave_content_out(tmp_path: Path) -> None:
    text = bulletin_md({"cover": "content/images/anh.jpg", "cover_alt": '"Ảnh"'})
    [error] = load_errors(tmp_path, text, {"anh.jpg": TINY_JPEG})
    assert error.hint is not None and error.hint.startswith(
        "Có phải ý bạn là «images/anh.jpg»? Đường dẫn ảnh tính từ thư mục content/, không ghi "
        "«content/» ở đầu."
    )


@pytest.mark.parametrize(
    "written", ["content\\images\\bia.jpg", "content/images/bia.jpg", "images\\bia.jpg"]
)
def test_a_default_cover_written_from_the_project_or_with_backslashes_says_what_to_write(
    tmp_path: Path, written: str
) -> None:
    from publish.render.web.images import missing_default_cover

    quoted = written.replace("\\", "\\\\")  # as TOML writes a backslash in a string
    toml = SITE_TOML.replace("[site]\n", f'[site]\ndefault_cover = "{quoted}"\n')
    root = make_project(tmp_path, {"site.toml": toml, "content/images/bia.jpg": TINY_JPEG})
    problem = missing_default_cover(config_module.load(root))
    assert problem is not None and problem.field == "[site] default_cover"
    assert problem.message == f"đường dẫn ảnh bìa mặc định «{written}» viết sai cách"
    assert problem.hint is not None and problem.hint.startswith(
        'Ghi default_cover = "images/bia.jpg": '
    )


@pytest.mark.parametrize(
    ("written", "existing"),
    [
        ("images/anh hoi nghi.jpg", "Ảnh hội nghị tuyên truyền.jpg"),
        ("images/anh_hoi_nghi_tuyen_truyen.jpg", "Ảnh hội nghị tuyên truyền.jpg"),
        ("images/ANH-HOI-NGHI.JPG", "Ảnh hội nghị.jpg"),
    ],
)
def test_a_missing_image_written_without_accents_suggests_the_accented_file(
    tmp_path: Path, written: str, existing: str
) -> None:
    """Editors type file names as they remember them: no accents, another case, «_» or «-»
    for spaces, or only the first words."""
    body = f"![Hội nghị]({written})\n"
    images = {existing: TINY_JPEG, "anh-bia.jpg": TINY_JPEG}
    [error] = load_errors(tmp_path, bulletin_md(body=body), images)
    assert error.hint is not None and error.hint.startswith(
        f"Có phải ý bạn là «images/{existing}»? "
    )


def test_an_unreadable_image_on_a_page_is_told_with_the_bulletins_in_one_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page's images were checked only for existence: a corrupt one stopped `publish build`
    while resizing (no line), never told by `publish check`."""
    cut_short = TINY_JPEG[:100]  # a JPEG whose header ends early, as a copy broken off
    page = "---\ntitle: Giới thiệu\n---\n\nĐơn vị.\n\n![Trụ sở](../images/tru-so.jpg)\n"
    files: dict[str, str | bytes] = {
        "content/images/anh.jpg": TINY_JPEG,
        "content/images/tru-so.jpg": cut_short,
        "content/images/hong.jpg": cut_short,
        "content/pages/gioi-thieu.md": page,
        "content/bai-viet/a.md": bulletin_md(
            COVER, "Đoạn đầu.\n\n![Hiện trường](images/hong.jpg)\n"
        ),
    }
    root = make_project(tmp_path, files)
    err = check_errors(root, capsys)
    # One fix for both, said once after them (session 76: errors share a fix as warnings do).
    fix = "Cách sửa (chung cho 2 lỗi trên): Chép lại ảnh từ bản gốc"
    assert err.count(fix) == 1 and err.count("Chép lại ảnh") == 1, err
    for told in (
        "content/pages/gioi-thieu.md:7: lỗi: không đọc được ảnh content/images/tru-so.jpg: "
        "tệp ảnh bị cụt",
        "content/bai-viet/a.md:13: lỗi: không đọc được ảnh content/images/hong.jpg: tệp ảnh bị cụt",
    ):
        assert err.count(told) == 1, err
    assert main(["build", "--root", str(root), "--now", NOW.isoformat()]) == 1
    assert not (root / "output").exists()


def test_a_build_stopped_by_an_unreadable_page_image_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It stopped while making the website, the radio scripts already written, at no line."""
    page = "---\ntitle: Giới thiệu\n---\n\nĐơn vị.\n\n![Trụ sở](../images/tru-so.jpg)\n"
    files: dict[str, str | bytes] = {
        "content/images/anh.jpg": TINY_JPEG,
        "content/images/tru-so.jpg": TINY_JPEG[:100],
        "content/pages/gioi-thieu.md": page,
        "content/bai-viet/a.md": bulletin_md(COVER),
    }
    root = make_project(tmp_path, files)
    assert main(["build", "--root", str(root), "--now", NOW.isoformat()]) == 1
    told = "content/pages/gioi-thieu.md:7: lỗi: không đọc được ảnh content/images/tru-so.jpg"
    assert capsys.readouterr().err.count(told) == 1
    assert not (root / "output").exists()


@pytest.mark.parametrize(
    ("body", "told"),
    [
        # A definition keeps the backslash in the name: the path was shown «'images\\\\_1.jpg'».
        ("![Ảnh][h]\n\n[h]: images/anh\\_1.jpg\n", "không tìm thấy ảnh «images/anh\\_1.jpg»"),
        ('<img src="../../anh\\_1.jpg" alt="Ảnh">\n', "ảnh «../../anh\\_1.jpg» nằm ngoài thư mục"),
        # A line break in a tag's src would cut the message in two: shown as an escape.
        ('<img src="images/a\nb.jpg" alt="Ảnh">\n', "không tìm thấy ảnh «images/a\\nb.jpg»"),
    ],
)
def test_an_image_path_is_told_as_the_editor_typed_it(tmp_path: Path, body: str, told: str) -> None:
    [error] = load_errors(tmp_path, bulletin_md(body=body), {})
    assert error.message.startswith(told), error.message


def _photo(kind: str) -> bytes:
    """A real 300×200 photo saved as `kind` (JPEG, PNG) by Pillow."""
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((300, 200), 64).convert("RGB").save(out, kind)
    return out.getvalue()


def _half(data: bytes) -> bytes:
    """The first half of a file, as a copy broken off."""
    return data[: len(data) // 2]


def _broken_png() -> bytes:
    """A PNG whose pixel data is overwritten with zeros: its header reads, its pixels not."""
    data = _photo("PNG")
    start = data.index(b"IDAT") + 20
    return data[:start] + b"\0" * 40 + data[start + 40 :]


@pytest.mark.parametrize(
    ("made", "told"),
    [
        # A copy broken off: Pillow said «(image file is truncated (N bytes not processed))».
        (lambda: _half(_photo("JPEG")), "tệp ảnh bị cụt, thiếu phần cuối"),
        # «(Truncated File Read)»: only the start of the header arrived.
        (lambda: TINY_JPEG[:100], "tệp ảnh bị cụt, thiếu phần cuối"),
        (_broken_png, "dữ liệu ảnh bị hỏng"),
        (lambda: b"<html>not a picture</html>", "tệp hỏng hoặc không phải ảnh"),
    ],
    ids=["truncated", "truncated-header", "broken-data", "not-an-image"],
)
def test_an_unreadable_image_is_told_why_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], made: Callable[[], bytes], told: str
) -> None:
    """Pillow's English («Truncated File Read», «broken data stream when reading image file»)
    was appended to the message: the editor is told the reason in Vietnamese instead."""
    body = "Đoạn đầu.\n\n![Hiện trường](images/hong.jpg)\n"
    files: dict[str, str | bytes] = {
        "content/images/anh.jpg": TINY_JPEG,
        "content/images/hong.jpg": made(),
        "content/bai-viet/a.md": bulletin_md(COVER, body),
    }
    root = make_project(tmp_path, files)
    assert main(["build", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert f"không đọc được ảnh content/images/hong.jpg: {told}" in err, err
    assert not re.search(r"[(«]?(image|file|read|cannot|broken|truncated)\b", err, re.I), err
    assert not (root / "output").exists()


def test_an_unknown_pillow_error_is_told_in_vietnamese_with_its_english_only_under_debug() -> None:
    from publish.errors import show_details
    from publish.render.web.images import pillow_reason

    odd = OSError("unrecognized data stream contents when reading image file")
    try:
        reason, hint = pillow_reason(odd)
        assert reason == "tệp hỏng hoặc định dạng ảnh không đọc được" and "JPEG" in hint
        show_details(True)
        assert pillow_reason(odd)[0] == (
            "tệp hỏng hoặc định dạng ảnh không đọc được (Pillow: unrecognized data stream "
            "contents when reading image file)"
        )
    finally:
        show_details(False)
    assert pillow_reason(PermissionError(13, "Permission denied"))[0] == "không có quyền"


NOT_A_PICTURE = {
    # A photo whose copy went wrong (bytes of nothing), and a text file given an image's name.
    "content/images/hong.jpg": bytes((i * 151 + 7) % 256 for i in range(5000)),
    "content/images/text.png": "Ảnh hiện trường gửi sau.\n".encode(),
}
BROKEN = {"cover": "images/hong.jpg", "cover_alt": '"Lực lượng tuần tra đêm"'}
BROKEN_BODY = "Kế hoạch tuần tra đêm.\n\n![Chữ](images/text.png)\n"


@pytest.mark.parametrize(
    "held",
    [
        {},  # not approved yet (approved_by dropped below)
        {"draft": "true"},
        {"date": "2021-02-01 08:00", "approved_by": '"Thượng tá Nguyễn Văn Hùng"'},  # scheduled
    ],
    ids=["unapproved", "draft", "scheduled"],
)
def test_an_unreadable_image_of_a_held_bulletin_is_told_by_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], held: dict[str, str]
) -> None:
    """As a missing image is: told only once the bulletin was approved (or at its hour), the
    editor who checked the draft learnt of it after sign-off."""
    text = bulletin_md({**BROKEN, **held}, BROKEN_BODY, drop=["approved_by"] if not held else ())
    files: dict[str, str | bytes] = {**NOT_A_PICTURE, "content/bai-viet/a.md": text}
    err = check_errors(make_project(tmp_path, files), capsys)
    cover_line = text.split("\n").index("cover: images/hong.jpg") + 1
    body_line = text.split("\n").index("![Chữ](images/text.png)") + 1
    for told in (
        f"content/bai-viet/a.md:{cover_line}: lỗi: trường 'cover': không đọc được ảnh "
        "content/images/hong.jpg: tệp hỏng hoặc không phải ảnh",
        f"content/bai-viet/a.md:{body_line}: lỗi: không đọc được ảnh content/images/text.png: "
        "tệp hỏng hoặc không phải ảnh",
    ):
        assert err.count(told) == 1, err


def test_approve_refuses_a_bulletin_whose_image_is_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Refused as one with a missing image is: approved, the build publishing it stopped."""
    text = bulletin_md(BROKEN, BROKEN_BODY, drop=["approved_by"])
    root = make_project(tmp_path, {**NOT_A_PICTURE, "content/bai-viet/a.md": text})
    argv = ["approve", "--root", str(root), "--now", NOW.isoformat(), "content/bai-viet/a.md"]
    assert main([*argv, "--by", "Thượng tá Nguyễn Văn Hùng, Trưởng Công an xã"]) == 1
    err = capsys.readouterr().err
    assert "a.md:6: lỗi: trường 'cover': không đọc được ảnh content/images/hong.jpg" in err
    assert "a.md:12: lỗi: không đọc được ảnh content/images/text.png" in err
    assert "bản tin còn lỗi (ở trên): chưa duyệt được" in err
    assert (root / "content/bai-viet/a.md").read_text("utf-8") == text


def test_a_held_bulletin_with_good_images_checks_clean(tmp_path: Path) -> None:
    """The held bulletins' images are opened as the published ones' are, nothing more told."""
    held = bulletin_md(COVER, "Nội dung.\n\n![Hiện trường](images/anh.jpg)\n", drop=["approved_by"])
    files: dict[str, str | bytes] = {
        "content/images/anh.jpg": TINY_JPEG,
        "content/bai-viet/a.md": held,
    }
    root = make_project(tmp_path, files)
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 0
