"""A checkout that commits the tool's own cache, or links its cache or output folder elsewhere,
is refused before anything is read or written: a committed pickle runs code when loaded, and a
link makes the build write outside the project. Neither shows in a review as what it is."""

from __future__ import annotations

import pickle
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import bulletin_md, make_project

NOW = "2021-01-01T09:00"


class Marker:
    """Unpickling this writes a file: proof that a committed cache was loaded."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Callable[[Path, str], int], tuple[Path, str]]:
        return (Path.write_text, (Path(self.path), "đã chạy"))


def project(tmp_path: Path) -> Path:
    """A git repository with one bulletin."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({"channels": "[web]"})})
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def build(root: Path) -> int:
    """`publish build` of the website."""
    return main(["build", "--root", str(root), "--now", NOW, "--channel", "web", "-q"])


def test_a_cache_committed_to_git_is_never_loaded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    marker = tmp_path / "pwned"
    (root / ".cache").mkdir()
    (root / ".cache" / "last-build.pickle").write_bytes(pickle.dumps(Marker(str(marker))))
    subprocess.run(["git", "-C", str(root), "add", "-f", ".cache"], check=True)
    assert build(root) == 1
    assert "git rm -r --cached .cache" in capsys.readouterr().err
    assert not marker.exists() and not (root / "output").exists()
    subprocess.run(["git", "-C", str(root), "rm", "-rq", "--cached", ".cache"], check=True)
    (root / ".cache" / "last-build.pickle").unlink()
    assert build(root) == 0


@pytest.mark.parametrize("name", ["output", ".cache"])
def test_a_linked_output_or_cache_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    root = project(tmp_path)
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (root / name).symlink_to(outside)
    assert build(root) == 1
    assert "liên kết tượng trưng" in capsys.readouterr().err
    assert list(outside.iterdir()) == []


def test_an_output_folder_given_on_the_command_line_may_be_anywhere(tmp_path: Path) -> None:
    """--output is the operator's own choice, not something a commit slipped in."""
    root = project(tmp_path)
    elsewhere = tmp_path / "dau-ra"
    argv = ["build", "--root", str(root), "--now", NOW, "--channel", "web", "-q"]
    assert main([*argv, "--output", str(elsewhere)]) == 0
    assert (elsewhere / "web" / "index.html").is_file()
