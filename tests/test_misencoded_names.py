"""File names whose bytes are not UTF-8 (an archive made on a Vietnamese Windows, unzipped on
Linux): each is an error naming the file readably, never a traceback, and nothing is built."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.errors import ContentError, Problem, shown_name
from tests.helpers import NOW, TINY_JPEG, bulletin_md, make_project, publish_command

LATIN_1_NAME = "content/bai-viet/2026-12-06-t\udce9n.md"
"""«2026-12-06-tén.md» as a Windows archive writes it: é as the byte E9, which is not UTF-8."""
SHOWN = "content/bai-viet/2026-12-06-t\\xe9n.md"
"""How a message names it: the byte as its code."""


def latin_1_project(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """A project holding `files`, some named with bytes that are not UTF-8 (skipped where the
    file system refuses such a name, as macOS's does)."""
    try:
        return make_project(tmp_path, files)
    except OSError as error:
        if error.errno in (errno.EILSEQ, errno.EINVAL):
            pytest.skip("this file system refuses names that are not UTF-8")
        raise


def problems(root: Path) -> list[Problem]:
    """The problems a load raises."""
    with pytest.raises(ContentError) as info:
        load_site(config_module.load(root), now=NOW)
    return list(info.value.problems)


def test_a_bulletin_named_in_latin_1_is_an_error_beside_the_other_files_errors(
    tmp_path: Path,
) -> None:
    root = latin_1_project(
        tmp_path,
        {
            LATIN_1_NAME: bulletin_md(),
            "content/bai-viet/2026-12-07-khong-tieu-de.md": bulletin_md({"title": '""'}),
        },
    )
    found = problems(root)
    [named] = [p for p in found if p.where == SHOWN]
    assert named.severity == "error"
    assert "tên tệp có ký tự viết theo bảng mã cũ, không phải Unicode (\\xe9" in named.message
    assert "không đọc tệp này" in named.message
    assert named.hint is not None
    assert "chữ thường không dấu (a-z), số (0-9) và dấu gạch ngang" in named.hint
    assert "ví dụ 2026-12-06-ten.md" in named.hint
    # The other bulletin's error is told in the same run.
    assert any(p.file.endswith("khong-tieu-de.md") and p.field == "title" for p in found)
    assert all("\udce9" not in p.render() for p in found)


def test_build_reports_the_name_and_writes_nothing(tmp_path: Path) -> None:
    # Approved, it crashed the build in the cache («surrogates not allowed»), in the workers.
    root = latin_1_project(tmp_path, {LATIN_1_NAME: bulletin_md()})
    done = publish_command("build", cwd=root)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "Lỗi nội bộ" not in done.stderr
    assert f"{SHOWN}: lỗi: tên tệp có ký tự viết theo bảng mã cũ" in done.stderr
    assert not (root / "output").exists()


def test_check_prints_no_byte_a_terminal_cannot_show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = latin_1_project(
        tmp_path, {LATIN_1_NAME: bulletin_md({"draft": "true"}, drop=["approved_by"])}
    )
    assert main(["check", "--root", str(root), "--now", "2021-01-01T09:00"]) == 1
    out, err = capsys.readouterr()
    (out + err).encode("utf-8")  # no lone surrogate: a UTF-8 terminal prints every character
    assert SHOWN in err and "Bỏ qua" not in out


def test_an_image_and_a_folder_named_in_latin_1_are_each_one_error(tmp_path: Path) -> None:
    root = latin_1_project(
        tmp_path,
        {
            "content/bai-viet/2026-12-06-anh.md": bulletin_md(
                body="Nội dung.\n\n![Hiện trường](../images/ánh.jpg)\n"
            ),
            "content/images/\udce1nh.jpg": TINY_JPEG,
            "content/bai-viet/th\udce1ng-12/a.md": bulletin_md(),
            "content/bai-viet/th\udce1ng-12/b.md": bulletin_md(),
            "content/pages/gi\udcf3i-thieu.md": "---\ntitle: Giới thiệu\n---\nNội dung.\n",
        },
    )
    found = problems(root)
    told = {p.where: p for p in found if "bảng mã cũ" in p.message}
    assert set(told) == {
        "content/images/\\xe1nh.jpg",
        "content/bai-viet/th\\xe1ng-12",
        "content/pages/gi\\xf3i-thieu.md",
    }
    image = told["content/images/\\xe1nh.jpg"]
    assert image.hint is not None
    assert "ví dụ anh.jpg" in image.hint and "Bài nào dẫn tới tệp này thì sửa" in image.hint
    folder = told["content/bai-viet/th\\xe1ng-12"]
    assert folder.hint is not None
    assert folder.message.startswith("tên thư mục") and "ví dụ thang-12," in folder.hint
    # The image not found names no file its reference cannot spell.
    [missing] = [p for p in found if "không tìm thấy ảnh" in p.message]
    assert "\udce1" not in (missing.hint or "") and "\\xe1" not in (missing.hint or "")


def test_approve_refuses_the_file_with_the_same_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bulletin_md(drop=["approved_by"])
    root = latin_1_project(tmp_path, {LATIN_1_NAME: text})
    by = "Nguyễn Văn An, Trưởng Công an xã"
    assert main(["approve", "--root", str(root), str(root / LATIN_1_NAME), "--by", by]) == 1
    err = capsys.readouterr().err
    assert f"{SHOWN}: lỗi: tên tệp có ký tự viết theo bảng mã cũ" in err
    assert "ví dụ 2026-12-06-ten.md" in err
    assert (root / LATIN_1_NAME).read_text(encoding="utf-8") == text


def test_a_name_not_utf8_is_shown_with_each_byte_as_its_code() -> None:
    name = os.fsdecode(b"content/b\xe0i-vi\xeat/tin-m\xe1\xbb\x9bi.md")  # valid «ớ» kept
    assert shown_name(name) == "content/b\\xe0i-vi\\xeat/tin-mới.md"
    assert Problem(name, "x").render().startswith("content/b\\xe0i-vi\\xeat/tin-mới.md: lỗi")
    assert shown_name("content/tin-mới.md") == "content/tin-mới.md"
