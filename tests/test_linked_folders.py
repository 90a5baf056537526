"""A folder of content/ that is a symbolic link holding bulletins stops every command, naming
the link; one holding photos only is used as before."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from publish import linked_folders
from publish.cli import main
from tests.helpers import FIXTURES, bulletin_md, install_fake_renderers, make_project, snapshot
from tests.helpers import NOW as EARLIER
from tests.web_fixture import NOW, SITE

RADIO_NOW = "2024-12-12T12:00"
"""A clock in the radio fixture's week."""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the fixture site."""
    target = tmp_path / "site"
    shutil.copytree(SITE, target)
    return target


def run(root: Path, *command: str, now: dt.datetime = NOW) -> int:
    """A publish command in this process, at the fixed clock."""
    return main([*command, "--root", str(root), "--now", now.isoformat()])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-bulletin project whose channels render nothing (their checks are not looked at)."""
    install_fake_renderers(monkeypatch)
    return make_project(tmp_path, {"content/a.md": bulletin_md()})


def test_a_bulletin_folder_moved_out_and_linked_back_withdraws_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The folder moved to a shared drive and linked back was read as empty: the sync withdrew
    every bulletin it held from the radio folder (and Zalo)."""
    root = tmp_path / "du-an"
    shutil.copytree(FIXTURES / "radio", root)
    at = ["--root", str(root), "--now", RADIO_NOW]
    assert main(["sync", "radio", *at]) == 0
    aired = snapshot(root / "dai-phat-thanh")
    assert any(name.startswith("items/") for name in aired)
    moved = tmp_path / "o-chung" / "bai-viet"
    moved.parent.mkdir()
    shutil.move(root / "content" / "bai-viet", moved)
    (root / "content" / "bai-viet").symlink_to(moved, target_is_directory=True)
    capsys.readouterr()
    for command in (["check"], ["build"], ["sync", "radio"]):
        assert main([*command, *at]) == 1, command
        err = capsys.readouterr().err
        assert f"content/bai-viet: lỗi: thư mục là liên kết (symlink) tới «{moved}»" in err
        assert "không đọc bản tin qua liên kết" in err and "content/bai-viet/2024-" in err
        assert "Cách sửa: Xóa liên kết content/bai-viet rồi chép thư mục" in err
        assert "Traceback" not in err
    edited = moved / "2024-12-11-triet-pha-o-ma-tuy.md"
    edited.write_text(edited.read_text("utf-8") + "\nCập nhật.\n", "utf-8")
    assert main(["sync", "radio", *at]) == 1  # a real build, not a replay: still refused
    assert snapshot(root / "dai-phat-thanh") == aired


def test_a_linked_folder_of_photos_is_still_used(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Images kept in one folder of content/ and linked where bulletins look for them: no
    Markdown file there, nothing to refuse (and a second build replays the first)."""
    shutil.move(root / "content" / "images", root / "content" / "kho-anh")
    (root / "content" / "images").symlink_to("kho-anh", target_is_directory=True)
    assert run(root, "build") == 0
    assert run(root, "build") == 0
    assert "Không có gì thay đổi kể từ lần dựng trước" in capsys.readouterr().out


def test_a_folder_link_to_nowhere_is_refused(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link to a drive not mounted cannot be looked into: it may hold every bulletin."""
    (project / "content" / "bai-viet").symlink_to(tmp_path / "o-chua-gan" / "bai-viet")
    assert run(project, "check", now=EARLIER) == 1
    err = capsys.readouterr().err
    assert "content/bai-viet: lỗi: thư mục là liên kết (symlink) tới «" in err
    assert "nơi không mở được (không còn, hoặc ổ đĩa chưa được gắn)" in err


def test_every_linked_folder_is_told_in_the_same_run_as_other_errors(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "content" / "x").mkdir()
    (project / "content" / "x" / "b.md").write_text(bulletin_md({"slug": "A B"}), "utf-8")
    elsewhere = tmp_path / "ngoai"
    (elsewhere / "nam-2024" / "thang-1").mkdir(parents=True)
    (elsewhere / "nam-2024" / "thang-1" / "c.md").write_text(bulletin_md(), "utf-8")
    (project / "content" / "cu").symlink_to(elsewhere, target_is_directory=True)
    (project / "content" / "x" / "moi").symlink_to(elsewhere / "nam-2024")
    (project / "content" / "pages").mkdir()
    (project / "content" / "pages" / "gioi-thieu").symlink_to(elsewhere)
    assert run(project, "check", now=EARLIER) == 1
    err = capsys.readouterr().err
    for link, found in [
        ("content/cu", "content/cu/nam-2024/thang-1/c.md"),
        ("content/x/moi", "content/x/moi/thang-1/c.md"),
        ("content/pages/gioi-thieu", "content/pages/gioi-thieu/nam-2024/thang-1/c.md"),
    ]:
        assert f"{link}: lỗi: thư mục là liên kết (symlink) tới" in err, link
        assert f"và có {'trang' if 'pages' in link else 'bản tin'} ({found})" in err, found
    assert "content/x/b.md" in err  # the bad slug, in the same run


def test_content_pages_moved_out_and_linked_back_is_refused_as_other_linked_folders_are(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """content/pages itself was entered through its link while every other linked folder of
    content/ holding Markdown is refused: the same share, the same drive not mounted, read in
    one folder and refused in the next."""
    moved = tmp_path / "o-chung" / "pages"
    moved.parent.mkdir()
    shutil.move(root / "content" / "pages", moved)
    (root / "content" / "pages").symlink_to(moved, target_is_directory=True)
    assert run(root, "check") == 1
    err = capsys.readouterr().err
    assert f"content/pages: lỗi: thư mục là liên kết (symlink) tới «{moved}» và có trang (" in err
    assert "publish không đọc trang qua liên kết, nên các trang trong đó sẽ không có trên" in err
    assert "Cách sửa: Xóa liên kết content/pages rồi chép thư mục" in err
    (root / "content" / "pages").unlink()
    (root / "content" / "pages").symlink_to(tmp_path / "o-chua-gan" / "pages")
    assert run(root, "check") == 1
    assert "content/pages: lỗi: thư mục là liên kết (symlink) tới «" in capsys.readouterr().err


def test_hidden_and_underscore_links_are_skipped_as_their_folders_are(
    project: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "ngoai"
    elsewhere.mkdir()
    (elsewhere / "c.md").write_text(bulletin_md(), "utf-8")
    (project / "content" / "_mau").symlink_to(elsewhere, target_is_directory=True)
    (project / "content" / ".luu").symlink_to(elsewhere, target_is_directory=True)
    assert run(project, "check", now=EARLIER) == 0


def test_a_huge_linked_tree_looked_into_only_so_far_is_refused(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A link to a whole drive: the look for a Markdown file stops after a bounded number of
    entries and nested links are not entered (no loop); stopping short of the bulletins deep in
    it was taken for «photos only», and a sync withdrew them. Not knowing refuses too."""
    monkeypatch.setattr(linked_folders, "MAX_ENTRIES_LOOKED_AT", 50)
    drive = tmp_path / "o"
    (drive / "anh").mkdir(parents=True)
    for number in range(60):
        (drive / "anh" / f"{number}.jpg").write_bytes(b"")
    (drive / "sau" / "nua").mkdir(parents=True)
    (drive / "sau" / "nua" / "b.md").write_text(bulletin_md(), "utf-8")
    (drive / "vong").symlink_to(tmp_path, target_is_directory=True)  # project/content/a.md
    (project / "content" / "o").symlink_to(drive, target_is_directory=True)
    assert run(project, "check", now=EARLIER) == 1
    err = capsys.readouterr().err
    assert "content/o: lỗi: thư mục là liên kết (symlink) tới «" in err
    assert "nơi không xem hết được (hơn 50 mục, quá nhiều để xem hết)" in err
    assert "Cách sửa: Thay liên kết bằng thư mục thật" in err
    monkeypatch.setattr(linked_folders, "MAX_ENTRIES_LOOKED_AT", 100)
    assert run(project, "check", now=EARLIER) == 1
    assert "và có bản tin (content/o/sau/nua/b.md)" in capsys.readouterr().err


def test_a_linked_folder_with_an_unreadable_folder_in_it_is_refused(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A read error inside the linked folder (no permission, a failing drive) was swallowed and
    the folder taken for «photos only»: the bulletins in the part not read were withdrawn."""
    drive = tmp_path / "o"
    (drive / "anh").mkdir(parents=True)
    (drive / "anh" / "1.jpg").write_bytes(b"")
    (drive / "khoa").mkdir()
    (drive / "khoa" / "b.md").write_text(bulletin_md(), "utf-8")
    (project / "content" / "o").symlink_to(drive, target_is_directory=True)
    real_scandir = os.scandir

    def failing_scandir(path: str) -> Iterator[os.DirEntry[str]]:
        """os.scandir, but the locked folder cannot be read (the tests run as root)."""
        if str(path).endswith(os.sep + "khoa"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(linked_folders.os, "scandir", failing_scandir)
    assert run(project, "check", now=EARLIER) == 1
    err = capsys.readouterr().err
    assert "content/o: lỗi: thư mục là liên kết (symlink) tới «" in err
    assert "(không đọc được thư mục content/o/khoa: không có quyền)" in err
    assert "Traceback" not in err


def test_a_link_to_nowhere_with_a_dot_in_its_name_is_refused_as_a_folder(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«tin-2024.12» linked to a drive not mounted: only names with no dot at all counted as
    folders, so it was skipped in silence and the bulletins on that drive were withdrawn. A
    link by a picture's or a document's name to nothing is a missing file, not refused here."""
    gone = tmp_path / "o-chua-gan"
    (project / "content" / "tin-2024.12").symlink_to(gone / "tin-2024.12")
    (project / "content" / "v1.0").symlink_to(gone / "v1.0")
    (project / "content" / "anh.JPG").symlink_to(gone / "anh.jpg")
    (project / "content" / "qd.pdf").symlink_to(gone / "qd.pdf")
    assert run(project, "check", now=EARLIER) == 1
    err = capsys.readouterr().err
    for link in ("content/tin-2024.12", "content/v1.0"):
        assert f"{link}: lỗi: thư mục là liên kết (symlink) tới «" in err, link
    # Not refused as folders (a PDF is told apart as a document that is not a bulletin).
    assert "content/anh.JPG: lỗi" not in err and "content/qd.pdf: lỗi" not in err
    assert (
        "thư mục là liên kết (symlink) tới «"
        not in err.split("content/v1.0", 1)[1].split("\n", 2)[2]
    )
