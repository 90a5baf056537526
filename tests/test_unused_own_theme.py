"""A unit's own templates/ the website cannot use (web/ renamed, only assets/ copied, a link to
a folder gone): the build quietly took the built-in theme, and the unit's look went with the
next upload. `check` and `build` now warn, naming what is left unused (a warning of a channel,
as the other notes on the unit's own theme: --strict does not stop on it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from publish.cli import main
from publish.config import BUILTIN_THEME
from tests.helpers import NOW, bulletin_md, make_project


def project(tmp_path: Path) -> Path:
    """One published bulletin, and the unit's own copy of the built-in theme."""
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md({"slug": "bai-a"})})
    shutil.copytree(BUILTIN_THEME, root / "templates")
    return root


def run(
    root: Path, capsys: pytest.CaptureFixture[str], command: str = "check", *more: str
) -> tuple[int, str]:
    """(exit code, stderr) of `publish <command>` on the web channel."""
    argv = [command, "--root", str(root), "--now", NOW.isoformat(), "--channel", "web", *more]
    return main(argv), capsys.readouterr().err


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_renamed_web_folder_is_told_with_the_files_left_unused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    root = project(tmp_path)
    (root / "templates/web").rename(root / "templates/giao-dien")
    code, err = run(root, capsys, command)
    assert code == 0
    assert "templates: cảnh báo: thư mục templates/ không có templates/web/" in err, err
    assert "templates/assets/" in err and "tệp khác) không được dùng" in err
    assert "đặt lại tên web" in err


def test_a_link_to_a_theme_gone_is_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md({"slug": "bai-a"})})
    (root / "templates").symlink_to(tmp_path / "giao-dien-cu", target_is_directory=True)
    code, err = run(root, capsys)
    assert code == 0
    assert f"templates là liên kết tới «{tmp_path / 'giao-dien-cu'}», nơi không còn" in err, err


@pytest.mark.parametrize("made", ["full", "empty", "none"])
def test_a_usable_theme_or_none_at_all_is_not_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], made: str
) -> None:
    """The unit's full theme, no templates/ (the built-in one), or an empty folder left behind."""
    root = (
        project(tmp_path)
        if made == "full"
        else make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md({"slug": "bai-a"})})
    )
    if made == "empty":
        (root / "templates/assets").mkdir(parents=True)
    code, err = run(root, capsys, "check", "--strict")
    assert code == 0 and "templates" not in err, err
