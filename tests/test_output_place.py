"""`publish build --output` and `publish sync --output` never write into the project's own
folders, the user's home or a filesystem root, and never delete or overwrite files that no
earlier write into the folder recorded: they refuse, and nothing is written.

Built with test_serve's stand-in web renderer (see test_build_drafts).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from publish.config import CHANNELS
from publish.errors import PublishError
from publish.output_place import refuse_unsafe
from tests.test_build_drafts import PUBLISHED, files, project, publish

__all__ = ["project"]  # the fixture, shared with test_build_drafts


def user_files(folder: Path) -> dict[str, str]:
    """A folder of the user's own: a note and a PDF in a subfolder of its web/."""
    made = {"web/quy-che-tiep-dan.txt": "Quy chế tiếp dân", "web/tai-lieu/x.pdf": "%PDF-1.4"}
    for rel, text in made.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return made


def contents(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its text."""
    return {p.relative_to(folder).as_posix(): p.read_text("utf-8") for p in folder.rglob("*.*")}


@pytest.mark.parametrize(
    ("output", "why"),
    [
        ("content", "thư mục này nằm trong content/ của dự án (nơi chứa bản tin)"),
        ("content/bai-viet/", "thư mục này nằm trong content/ của dự án"),
        ("state", "thư mục này nằm trong state/ của dự án"),
        ("templates", "thư mục này nằm trong templates/ của dự án (giao diện website)"),
        (".git", "thư mục này nằm trong .git/ của dự án"),
        (".cache", "thư mục này nằm trong .cache/ của dự án"),
        ("./.cache/ban-dung", "thư mục này nằm trong .cache/ của dự án"),
        (".", "đây là chính thư mục dự án"),
        ("", "đây là chính thư mục dự án"),
        ("..", "thư mục này chứa thư mục dự án"),
        ("output/web", "thư mục này nằm trong output/web/ của dự án"),
    ],
)
def test_a_build_into_the_projects_own_folders_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], output: str, why: str
) -> None:
    before = files(project)
    assert publish(project, "build", "--output", output) == 1
    err = capsys.readouterr().err
    assert f"--output {output}: {why}" in err
    assert "Chưa ghi gì." in err and "đường dẫn tương đối được tính từ thư mục dự án" in err
    assert files(project) == before
    assert not (project.parent / "web").exists()


def test_the_users_home_and_what_holds_it_are_refused(
    project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = tmp_path / "nha" / "can-bo"
    home.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    assert publish(project, "build", "--output", str(home)) == 1
    assert f"đây là thư mục nhà của người dùng ({home})" in capsys.readouterr().err
    assert publish(project, "build", "--output", str(home.parent)) == 1
    assert "thư mục này chứa thư mục nhà của người dùng" in capsys.readouterr().err
    assert list(home.iterdir()) == [] and sorted(home.parent.iterdir()) == [home]


def test_a_filesystem_root_is_refused(project: Path) -> None:
    """Told apart without writing: a build run as root created /web, /zalo and /radio."""
    with pytest.raises(PublishError, match=r"^--output /: đây là thư mục gốc của ổ đĩa \(/\)"):
        refuse_unsafe(project, "/", CHANNELS)


def test_a_channel_folder_linked_into_content_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "ra").mkdir()
    (project / "ra" / "web").symlink_to(project / "content" / "bai-viet")
    before = files(project / "content")
    assert publish(project, "build", "--output", "ra") == 1
    err = capsys.readouterr().err
    assert "--output ra: thư mục web/ trong đó nằm trong content/ của dự án" in err
    assert files(project / "content") == before


def test_a_folder_of_the_users_files_is_refused_and_kept(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reviewer's case: `build --output DIR` deleted DIR/web's files, exit 0, no word."""
    folder = tmp_path / "dau-ra"
    made = user_files(folder)
    assert publish(project, "build", "--output", str(folder)) == 1
    err = capsys.readouterr().err
    assert (
        f"--output {folder}: thư mục này đã có tệp không do publish ghi ra "
        "(web/quy-che-tiep-dan.txt, web/tai-lieu/x.pdf)."
    ) in err
    assert "chọn một thư mục trống hoặc chưa có" in err and "tự xóa hết" in err
    assert contents(folder) == made
    assert sorted(p.name for p in folder.iterdir()) == ["web"]


def test_a_folder_holding_only_other_files_is_refused_too(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "tai-lieu-cua-toi"
    folder.mkdir()
    (folder / "bao-cao-quy-3.docx").write_bytes(b"PK")
    assert publish(project, "build", "--channel", "web", "--output", str(folder)) == 1
    assert "(bao-cao-quy-3.docx)" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["bao-cao-quy-3.docx"]


def test_a_drafts_preview_may_name_its_own_folder(project: Path) -> None:
    assert publish(project, "build", "--drafts", "-q", "--output", ".cache/preview") == 0
    assert (project / ".cache" / "preview" / "web" / PUBLISHED).is_file()


def test_a_relative_folder_is_taken_from_the_project_not_the_current_folder(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "noi-khac"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert publish(project, "build", "--channel", "web", "-q", "--output", "ban-dung") == 0
    assert (project / "ban-dung" / "web" / PUBLISHED).is_file()
    assert list(elsewhere.iterdir()) == []


def test_a_folder_publish_built_into_is_built_again_keeping_what_was_put_there_by_hand(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "dau-ra"
    assert publish(project, "build", "--output", str(folder), "-q") == 0
    made = user_files(folder)
    (project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md").unlink()
    assert publish(project, "build", "--output", str(folder), "--confirm-withdrawal") == 0
    err = capsys.readouterr().err
    assert not (folder / "web" / PUBLISHED).exists()  # the withdrawn bulletin's page went
    now = contents(folder)
    assert {rel: now.get(rel) for rel in made} == made
    assert (
        f"Cảnh báo: {folder}/web/ có 2 tệp không do publish ghi ra: quy-che-tiep-dan.txt, "
        "tai-lieu/x.pdf. Lệnh dựng để nguyên chúng (vẫn được triển khai cùng website), không xóa"
    ) in err


def test_without_its_record_a_folder_built_before_is_refused(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """.cache/ deleted: nothing tells the build's files from the user's."""
    folder = tmp_path / "dau-ra"
    assert publish(project, "build", "--channel", "web", "--output", str(folder), "-q") == 0
    shutil.rmtree(project / ".cache")
    before = files(folder)
    assert publish(project, "build", "--channel", "web", "--output", str(folder)) == 1
    assert "thư mục này đã có tệp không do publish ghi ra" in capsys.readouterr().err
    assert files(folder) == before


def test_what_a_killed_build_left_does_not_make_a_folder_refused(
    project: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "dau-ra"
    (folder / ".web.staging-999999999-abcdefgh").mkdir(parents=True)
    (folder / ".web.staging-999999999-abcdefgh" / "index.html").write_text("dở dang", "utf-8")
    assert publish(project, "build", "--channel", "web", "--output", str(folder), "-q") == 0
    assert (folder / "web" / PUBLISHED).is_file()
    assert sorted(os.listdir(folder)) == ["web"]


def test_a_sync_refuses_the_same_folders(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for dry in ((), ("--dry-run",)):
        assert publish(project, "sync", "web", *dry, "--output", "state") == 1
        assert "--output state: thư mục này nằm trong state/ của dự án" in capsys.readouterr().err
    folder = tmp_path / "dau-ra"
    made = user_files(folder)
    assert publish(project, "sync", "web", "--output", str(folder)) == 1
    assert "thư mục này đã có tệp không do publish ghi ra" in capsys.readouterr().err
    assert contents(folder) == made
    assert sorted(p.name for p in folder.iterdir()) == ["web"]
