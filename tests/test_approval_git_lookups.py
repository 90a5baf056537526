"""How git is asked for the approvals of renamed bulletins (review R9 of session 74): the files
deleted since the last commit are asked for once a build, not once a bulletin, and a file name
git would read as pathspec magic («:…») is found all the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import approval_diff
from publish.zalo.emulator import ZaloEmulator
from tests.git_commands import commit_all, git, needs_git
from tests.test_held_why import BY, FILE, RENAMED, run
from tests.zalo_project import zalo_project


@needs_git
def test_files_renamed_uncommitted_ask_git_for_the_deleted_files_once(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = zalo_project(tmp_path, 3)
    names = [f"content/bai-viet/ban-tin-{i:03d}.md" for i in range(3)]
    assert run(root, capsys, "approve", *names, "--by", BY)[0] == 0
    commit_all(root, "duyệt")
    # Each file renamed (its address changes), not committed: every one new to git.
    for name in names:
        git(root, "mv", name, name.replace("ban-tin-", "tin-moi-"))
    asked: list[tuple[str, ...]] = []
    real = approval_diff._git

    def counted(folder: Path, *args: str, data: bytes | None = None) -> bytes | None:
        asked.append(args)
        return real(folder, *args, data=data)

    monkeypatch.setattr(approval_diff, "_git", counted)
    code, out = run(root, capsys, "check")
    assert code == 0, out
    for i in range(3):
        moved = (
            f"Bỏ qua content/bai-viet/tin-moi-{i:03d}.md: chỉ đổi địa chỉ: "
            f"/2020/12/ban-tin-{i:03d}/ → /2020/12/tin-moi-{i:03d}/ (tên tệp đổi), chữ không đổi"
        )
        assert moved in out, out
    assert sum(1 for a in asked if a[0] == "diff") == 1, asked
    assert sum(1 for a in asked if a[:2] == ("cat-file", "--batch")) == 1, asked
    # Each searched only the history of its own old name.
    searched = [a[a.index("--") + 1 :] for a in asked if "log" in a and "--follow" not in a]
    assert sorted(searched) == [(n,) for n in names], searched


@needs_git
@pytest.mark.parametrize("committed", [False, True], ids=["git-mv", "git-mv-committed"])
def test_a_project_in_a_folder_named_like_pathspec_magic_finds_its_approval(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    committed: bool,
) -> None:
    root = zalo_project(tmp_path / ":kho", 2)  # the repository at tmp_path: «:kho/project/…»
    assert run(root, capsys, "approve", FILE, "--by", BY)[0] == 0
    commit_all(tmp_path, "duyệt")
    git(root, "mv", FILE, RENAMED)
    if committed:
        git(root, "commit", "-q", "-m", "đổi tên tệp")
    code, out = run(root, capsys, "check")
    assert code == 0, out
    assert (
        f"Bỏ qua {RENAMED}: chỉ đổi địa chỉ: /2020/12/ban-tin-000/ → /2020/12/tin-moi/ (tên tệp "
        "đổi), chữ không đổi"
    ) in out, out
