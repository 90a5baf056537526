"""A folder of content/ (a real one, not a link) that cannot be read stops every command,
naming the folder and why: skipped, its bulletins were taken for deleted and withdrawn."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import FIXTURES, NOW, bulletin_md, install_fake_renderers, make_project, snapshot

RADIO_NOW = "2024-12-12T12:00"
"""A clock in the radio fixture's week."""

Scandir = Callable[[str], Iterator[os.DirEntry[str]]]


def failing(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int) -> None:
    """os.scandir, but `folder` cannot be read (the tests run as root: no chmod)."""
    real_scandir: Scandir = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        """Raise `code` for `folder`, read any other folder."""
        if os.path.abspath(path) == str(folder):
            raise OSError(code, os.strerror(code), str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.fixture
def radio(tmp_path: Path) -> Path:
    """The radio fixture synced once, one of its bulletins in a folder of its own."""
    root = tmp_path / "du-an"
    shutil.copytree(FIXTURES / "radio", root)
    folder = root / "content" / "bai-viet" / "khoa"
    folder.mkdir()
    shutil.move(root / "content" / "bai-viet" / "2024-12-11-triet-pha-o-ma-tuy.md", folder)
    assert main(["sync", "radio", "--root", str(root), "--now", RADIO_NOW]) == 0
    return root


@pytest.mark.parametrize(
    ("folder", "code", "reason"),
    [
        ("content/bai-viet/khoa", errno.EACCES, "không có quyền"),
        ("content", errno.EIO, "lỗi đọc ghi của ổ đĩa"),
    ],
)
def test_a_folder_of_content_that_cannot_be_read_withdraws_nothing(
    radio: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    folder: str,
    code: int,
    reason: str,
) -> None:
    """`check` said «Không có lỗi» and `sync radio` withdrew the bulletins of a folder it could
    not read «as deleted from content/» (every bulletin, when content/ itself failed)."""
    aired = snapshot(radio / "dai-phat-thanh")
    assert any(name.startswith("items/") for name in aired)
    capsys.readouterr()
    failing(monkeypatch, radio / folder, code)
    at = ["--root", str(radio), "--now", RADIO_NOW]
    for command in (["check"], ["build"], ["sync", "radio"]):
        assert main([*command, *at]) == 1, command
        captured = capsys.readouterr()
        assert (
            f"{folder}: lỗi: không đọc được thư mục này ({reason}): không biết trong đó có bản "
            "tin nào, nên không dựng gì và không rút bài nào" in captured.err
        ), command
        assert "Cách sửa: Cho tài khoản chạy publish quyền đọc thư mục này" in captured.err
        assert "rút lại" not in captured.out + captured.err
        assert "Traceback" not in captured.err
    assert snapshot(radio / "dai-phat-thanh") == aired


def test_the_pages_folder_that_cannot_be_read_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """content/pages unreadable: the website was built without its pages, in silence."""
    install_fake_renderers(monkeypatch)
    root = make_project(
        tmp_path,
        {
            "content/a.md": bulletin_md(),
            "content/pages/gioi-thieu.md": '---\ntitle: "Giới thiệu"\n---\nNội dung.\n',
        },
    )
    failing(monkeypatch, root / "content" / "pages", errno.EACCES)
    assert main(["build", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert (
        "content/pages: lỗi: không đọc được thư mục này (không có quyền): không biết trong đó "
        "có trang nào" in err
    )


def test_a_folder_gone_while_walked_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder deleted between being listed and being read holds nothing any more: no error
    (`publish serve` rebuilds while the editor moves folders about)."""
    install_fake_renderers(monkeypatch)
    root = make_project(tmp_path, {"content/a.md": bulletin_md(), "content/cu/.giu": ""})
    failing(monkeypatch, root / "content" / "cu", errno.ENOENT)
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 0
    assert "không đọc được thư mục" not in capsys.readouterr().err


def test_a_build_is_not_replayed_over_a_folder_that_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The stamp of the last build listed no file in a folder empty then: once it could not
    be read, the build was replayed as unchanged, though the folder may hold bulletins now."""
    install_fake_renderers(monkeypatch)
    root = make_project(tmp_path, {"content/a.md": bulletin_md()})
    (root / "content" / "khoa").mkdir()
    at = ["--root", str(root), "--now", NOW.isoformat()]
    assert main(["build", *at]) == 0
    assert main(["build", *at]) == 0
    assert "Không có gì thay đổi kể từ lần dựng trước" in capsys.readouterr().out
    failing(monkeypatch, root / "content" / "khoa", errno.EACCES)
    assert main(["build", *at]) == 1
    assert "content/khoa: lỗi: không đọc được thư mục này (không có quyền)" in (
        capsys.readouterr().err
    )
