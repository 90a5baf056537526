"""Run in a test's project the git commands a message prints to get a file back
(publish.git_restore), as a user copying them would."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from publish.commands import init

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git không có trên máy này")

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Cán bộ vận hành",
    "GIT_AUTHOR_EMAIL": "vanhanh@example.vn",
    "GIT_COMMITTER_NAME": "Cán bộ vận hành",
    "GIT_COMMITTER_EMAIL": "vanhanh@example.vn",
}


def git(root: Path, *args: str) -> str:
    """Run git in `root` with a clean configuration; return its output."""
    done = subprocess.run(
        ["git", *args],
        cwd=root,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def commit_all(root: Path, message: str) -> str:
    """Commit every file of `root` (a repository on main from the first call) but those a
    unit's repository ignores (publish init's .gitignore); its hash."""
    if not (root / ".git").exists():
        git(root, "init", "-q", "-b", "main")
        shutil.copyfile(init.STARTER / "gitignore", root / ".gitignore")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


def restore_as_told(root: Path, told: str, file: str, spoiled_by: str | None) -> None:
    """Do what `told` says to get `file` back: list the commits by its `git log -- FILE`, take
    for MÃ_COMMIT the newest one before `spoiled_by` (the commit that spoiled the file; None:
    the spoiling is not committed, the newest), and run its `git checkout MÃ_COMMIT -- FILE`."""
    log = f"git log -- {file}"
    checkout = f"git checkout MÃ_COMMIT -- {file}"
    assert log in told and checkout in told, told
    listed = git(root, *shlex.split(log)[1:2], "--format=%H", *shlex.split(log)[2:]).split()
    chosen = listed[listed.index(spoiled_by) + 1] if spoiled_by else listed[0]
    git(root, *shlex.split(checkout.replace("MÃ_COMMIT", chosen))[1:])
