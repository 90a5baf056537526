"""`publish approve` shows a re-approved bulletin's changes since the approval git recorded.
Session 77 QA: in a shallow clone (`git clone --depth=1`, as CI checks out, or an approver who
cloned so) the approval's commit is not there, and the line said «lần duyệt trước chưa được
commit» of an approval committed long ago: false, and it sent the approver hunting for an
uncommitted approval instead of fetching the history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from publish.approval_diff import approved_in_git, since_approval, written_version
from tests.git_commands import commit_all, git, needs_git

TZ = dt.timezone(dt.timedelta(hours=7))
VERSION = "3f2a9c0d1e4b-8e1d0c7b6a59-0f4e2d1c3b5a"
APPROVED = f'---\ntitle: "Tin"\napproved_version: "{VERSION}"\n---\n\nHai.\n'
EDITED = APPROVED.replace("Hai.", "Ba.")


def _told(root: Path) -> list[str]:
    """What approve says of the file's changes since its approval."""
    path = root / "tin.md"
    raw = path.read_bytes()
    approved = approved_in_git(path, written_version(raw.decode()), TZ)
    assert approved is not None
    return since_approval(approved, before=raw)


@needs_git
def test_a_shallow_clone_is_told_as_such_not_as_an_uncommitted_approval(tmp_path: Path) -> None:
    origin = tmp_path / "origin"
    origin.mkdir()
    (origin / "tin.md").write_text(APPROVED, "utf-8")
    commit_all(origin, "duyệt")
    (origin / "tin.md").write_text(EDITED, "utf-8")
    commit_all(origin, "sửa")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth=1", f"file://{origin}", str(clone))
    [line] = _told(clone)
    assert "chưa được commit" not in line
    assert "git fetch --unshallow" in line and "đọc lại cả bài" in line


@needs_git
def test_an_approval_never_committed_is_still_told_so(tmp_path: Path) -> None:
    (tmp_path / "tin.md").write_text("---\ntitle: x\n---\n", "utf-8")
    commit_all(tmp_path, "đầu")
    (tmp_path / "tin.md").write_text(EDITED, "utf-8")
    [line] = _told(tmp_path)
    assert "lần duyệt trước chưa được commit" in line
