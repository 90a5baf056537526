"""A process killed between the token file's fsync and its rename loses no token pair.

Zalo's refresh tokens are single use: once a refresh is answered, the pair in the token file is
spent and the one in the save's temporary file is the only pair Zalo still accepts.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from publish.zalo.emulator import ZaloEmulator
from publish.zalo.tokens import TokenFile, TokenPair
from tests import forked
from tests.zalo_fixtures import env_for
from tests.zalo_project import FAST_ENV, NOW, zalo_bulletin, zalo_project

REPO = Path(__file__).resolve().parents[1]
KILL_BEFORE_RENAME = """\
import os, runpy, signal, sys
real = os.replace
def replace(src, dst, *args, **kwargs):
    name = os.path.basename(str(src))
    # The new pair's save (not the note saved before a refresh that one is on its way).
    if name.startswith(".token.json.") and '"sending"' not in open(src).read():
        os.kill(os.getpid(), signal.SIGKILL)  # fsynced, not yet renamed
    return real(src, dst, *args, **kwargs)
os.replace = replace
sys.argv = ["publish", *sys.argv[1:]]
runpy.run_module("publish", run_name="__main__")
"""
STEPPED_BACK = """\
import time
import publish.zalo.tokens as tokens
class SteppedBack:
    def __getattr__(self, name):
        return getattr(time, name)
    def time(self):
        return time.time() - 3600  # NTP set the clock an hour back since the last save
tokens.time = SteppedBack()
"""


@pytest.fixture
def emulator() -> Iterator[ZaloEmulator]:
    """A running Zalo emulator."""
    with ZaloEmulator() as emu:
        yield emu


def run(
    root: Path, env: dict[str, str], *, killed: bool = False, stepped_back: bool = False
) -> subprocess.CompletedProcess:
    """`publish sync zalo` in a separate process; `killed`: SIGKILLed as it renames the token
    file's temporary file into place; `stepped_back`: on a clock an hour behind the last run's.
    Forked from a process that has imported publish (a fresh interpreter cost ~1 s of CPU a run):
    the patches act at call time, and a run meant to be killed asserts it was."""
    start = ["-c", KILL_BEFORE_RENAME] if killed else ["-m", "publish"]
    if stepped_back:
        start = ["-c", STEPPED_BACK + KILL_BEFORE_RENAME]
    return forked.run(
        [*start, "--root", str(root), "--now", NOW, "sync", "zalo"],
        env={**os.environ, **env, "PYTHONPATH": str(REPO)},
        text=True,
        timeout=120,
    )


def leftovers(token: Path) -> list[str]:
    """Temporary files beside the token file."""
    return sorted(p.name for p in token.parent.iterdir() if p.name.endswith(".tmp"))


def test_a_first_refresh_killed_before_its_rename_is_recovered_by_the_next_sync(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """CI's first run: the environment's refresh token is spent, the pair it became is aside."""
    token = tmp_path / "secrets" / "token.json"
    env = env_for(emulator, token, **FAST_ENV)
    root = zalo_project(tmp_path, 2)
    first = run(root, env, killed=True)
    assert first.returncode == -signal.SIGKILL
    assert "sending" in json.loads(token.read_text("utf-8")) and len(leftovers(token)) == 1
    assert emulator.used_refresh_tokens == [env["ZALO_REFRESH_TOKEN"]]
    again = run(root, env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert leftovers(token) == [] and token.stat().st_mode & 0o777 == 0o600
    assert json.loads(token.read_text("utf-8"))["refresh_token"] == emulator.refresh_token
    assert len(emulator.articles) == 2


def test_a_later_refresh_killed_before_its_rename_is_recovered_by_the_next_sync(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    token = tmp_path / "secrets" / "token.json"
    env = env_for(emulator, token, **FAST_ENV)
    root = zalo_project(tmp_path, 2)
    assert run(root, env).returncode == 0
    spent = json.loads(token.read_text("utf-8"))["refresh_token"]
    emulator.expire_access_tokens()
    (root / "content" / "bai-viet" / "ban-tin-000.md").write_text(
        zalo_bulletin(0, summary='"Tóm tắt đã sửa."'), "utf-8"
    )
    assert run(root, env, killed=True).returncode == -signal.SIGKILL
    assert spent in emulator.used_refresh_tokens and len(leftovers(token)) == 1
    again = run(root, env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert leftovers(token) == []
    assert json.loads(token.read_text("utf-8"))["refresh_token"] == emulator.refresh_token
    assert "Tóm tắt đã sửa." in {a["description"] for a in emulator.articles.values()}


def test_a_refresh_killed_on_a_clock_stepped_back_is_recovered_by_the_next_sync(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """The pair left aside was saved at an earlier clock time than the spent one in the file:
    only the order of the saves tells which one Zalo still accepts."""
    token = tmp_path / "secrets" / "token.json"
    env = env_for(emulator, token, **FAST_ENV)
    root = zalo_project(tmp_path, 2)
    assert run(root, env).returncode == 0
    emulator.expire_access_tokens()
    (root / "content" / "bai-viet" / "ban-tin-000.md").write_text(
        zalo_bulletin(0, summary='"Tóm tắt đã sửa."'), "utf-8"
    )
    assert run(root, env, stepped_back=True).returncode == -signal.SIGKILL
    assert len(leftovers(token)) == 1
    again = run(root, env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert leftovers(token) == []
    assert json.loads(token.read_text("utf-8"))["refresh_token"] == emulator.refresh_token
    assert "Tóm tắt đã sửa." in {a["description"] for a in emulator.articles.values()}


def test_a_cut_short_or_older_leftover_is_deleted_and_the_file_kept(tmp_path: Path) -> None:
    folder = tmp_path / "secrets"
    folder.mkdir(mode=0o700)
    token = TokenFile(folder / "token.json")
    token.save(TokenPair(refresh_token="rt-cu"))
    older = json.loads(token.path.read_text("utf-8"))
    token.save(TokenPair(refresh_token="rt-moi"))
    for name, text in ((".token.json.a.tmp", '{"refresh_tok'), (".token.json.b.tmp", "")):
        (folder / name).write_text(text, "utf-8")
    stale = folder / ".token.json.c.tmp"
    stale.write_text(json.dumps(older), "utf-8")
    for leftover in folder.glob("*.tmp"):
        leftover.chmod(0o600)
    with token.lock():
        pass
    assert leftovers(token.path) == []
    assert token.load() == TokenPair(refresh_token="rt-moi")


def test_leftovers_in_a_folder_others_may_write_to_are_neither_adopted_nor_deleted(
    tmp_path: Path,
) -> None:
    """Someone else could have put them there: reading the token file is refused with why."""
    folder = tmp_path / "chung"
    folder.mkdir()
    token = TokenFile(folder / "token.json")
    token.save(TokenPair(refresh_token="rt-cu"))
    planted = folder / ".token.json.x.tmp"
    planted.write_text(json.dumps({"refresh_token": "rt-la", "saved_at": 9e12}), "utf-8")
    planted.chmod(0o600)
    folder.chmod(0o777)
    try:
        token.recover()
        assert planted.exists()
        assert json.loads(token.path.read_text("utf-8"))["refresh_token"] == "rt-cu"
    finally:
        folder.chmod(0o700)
