"""A published bulletin then marked secret stops every build and sync (nothing half written),
so it stays live until its file leaves the project: the error says where it is live (from
state/), that it stays there until then, and that moving it out then `publish sync` withdraws
it from every channel at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import bulletin_md, make_project

CLOCK = "2021-01-01T09:00"
LIVE = "content/bai-viet/2020-12-08-tuan-tra.md"
NEW = "content/bai-viet/2020-12-09-chua-dang.md"
PAGE = "output/web/2020/12/tuan-tra/index.html"


def run(root: Path, capsys: pytest.CaptureFixture[str], *command: str) -> tuple[int, str]:
    """The exit code and what `publish <command>` prints on stderr."""
    capsys.readouterr()
    code = main(["--root", str(root), "--now", CLOCK, *command])
    return code, capsys.readouterr().err


def published(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project whose bulletin LIVE the last `sync web` published."""
    root = make_project(tmp_path, {LIVE: bulletin_md({"id": "tuan-tra", "title": '"Tuần tra"'})})
    assert run(root, capsys, "sync", "web")[0] == 0
    assert (root / PAGE).is_file()
    return root


def mark_secret(root: Path, file: str) -> None:
    """Mark `file` secret in its front matter."""
    path = root / file
    path.write_text(path.read_text("utf-8").replace("---\n", '---\nclassification: "mật"\n', 1))


@pytest.mark.parametrize("command", [("build",), ("check",), ("sync", "web")])
def test_the_error_says_the_bulletin_is_live_and_how_to_take_it_down(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    root = published(tmp_path, capsys)
    mark_secret(root, LIVE)
    code, err = run(root, capsys, *command)
    assert code == 1
    assert (
        f"{LIVE}:2: lỗi: trường 'classification': tài liệu mật (classification: mật): không bao "
        "giờ được xuất bản. Bản tin này ĐANG ĐĂNG trên website (theo state/) và vẫn đăng ở đó "
        "cho tới khi tệp được chuyển ra khỏi dự án"
    ) in err
    assert (
        "Chuyển tệp ra khỏi dự án ngay rồi chạy publish sync: lần đồng bộ ấy rút bài khỏi "
        "website cùng lúc."
    ) in err
    assert (root / PAGE).is_file()  # the error stops everything: it is still there


def test_a_secret_bulletin_never_published_is_not_said_to_be_live(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = published(tmp_path, capsys)
    (root / NEW).write_text(bulletin_md({"id": "chua-dang", "date": "2020-12-09 08:00"}), "utf-8")
    mark_secret(root, NEW)
    code, err = run(root, capsys, "build")
    assert code == 1
    assert "tài liệu mật (classification: mật): không bao giờ được xuất bản" in err
    assert "ĐANG ĐĂNG" not in err


def test_moving_the_file_out_then_syncing_withdraws_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the error tells the editor to do works."""
    root = published(tmp_path, capsys)
    mark_secret(root, LIVE)
    shutil.move(root / LIVE, tmp_path / "moved-out.md")
    code, _ = run(root, capsys, "sync", "web")
    assert code == 0
    assert not (root / PAGE).exists()
