"""A token file inside the project is refused: CI commits state/ and publishes output/."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from publish.cli import main
from publish.errors import PublishError
from publish.zalo.emulator import ZaloEmulator
from publish.zalo.token_lock import unplace
from publish.zalo.tokens import TokenFile
from tests.zalo_project import records, sync, told, zalo_project


@pytest.mark.usefixtures("zalo_env")
def test_sync_refuses_a_token_file_in_the_state_folder(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A working token file copied into state/: the next CI commit would push it to git."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    own = tmp_path / "secrets" / "token.json"
    inside = root / "state" / "zalo-token.json"
    shutil.copy2(own, inside)
    monkeypatch.setenv("ZALO_TOKEN_FILE", str(inside))
    (root / "content" / "bai-viet" / "ban-tin-000.md").write_text(
        (root / "content" / "bai-viet" / "ban-tin-000.md").read_text("utf-8") + "\nThêm.\n",
        "utf-8",
    )
    told(capsys)
    before = len(emulator.calls)
    assert sync(root) == 1
    said = told(capsys)
    assert "nằm trong thư mục dự án (state/zalo-token.json)" in said
    assert "ZALO_TOKEN_FILE" in said and "Traceback" not in said
    assert len(emulator.calls) == before
    assert len(records(root)) == 2


@pytest.mark.usefixtures("zalo_env")
def test_zalo_login_refuses_to_write_a_token_into_the_project(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = zalo_project(tmp_path, 1)
    (root / "output").mkdir(exist_ok=True)
    command = ["--root", str(root), "zalo-login", "--paste", "--redirect-uri", "https://x.vn/z"]
    for inside in (root / "rt", root / "output" / "rt"):
        assert main([*command, "--refresh-token-file", str(inside)]) == 1
        said = told(capsys)
        assert "nằm trong thư mục dự án" in said and "--refresh-token-file /tmp/rt" in said
    monkeypatch.setenv("ZALO_TOKEN_FILE", str(root / "state" / "zalo-token.json"))
    assert main(command) == 1
    assert "nằm trong thư mục dự án (state/zalo-token.json)" in told(capsys)
    assert emulator.auth_codes == [] and not (root / "state" / "zalo-token.json").exists()


@pytest.mark.usefixtures("zalo_env")
def test_a_relative_token_file_is_the_one_in_the_current_folder_and_checked_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """ZALO_TOKEN_FILE=state/zalo-token.json is read from the current folder, as every Unix
    tool reads a relative path: run in the project, it is the project's state/ and refused;
    run elsewhere (--root naming the project), it is that folder's, named in full."""
    root = zalo_project(tmp_path / "du-an", 1)
    monkeypatch.setenv("ZALO_TOKEN_FILE", "state/zalo-token.json")
    monkeypatch.chdir(root)
    assert sync(root) == 1
    assert "nằm trong thư mục dự án (state/zalo-token.json)" in told(capsys)
    assert not (root / "state" / "zalo-token.json").exists()
    assert not (root / "state" / "zalo-token.json.lock").exists()
    elsewhere = tmp_path / "noi-khac"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert sync(root) == 0, told(capsys)
    assert (elsewhere / "state" / "zalo-token.json").is_file()
    assert not (root / "state" / "zalo-token.json").exists()


@pytest.mark.usefixtures("zalo_env")
def test_a_refused_refresh_leaves_no_folder_nor_lock_where_no_token_was_written(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A refresh Zalo refused (a spent ZALO_REFRESH_TOKEN) left the token file's new folders
    and its `.lock` behind (QA found /tmp/state/zalo-token.json.lock): made for a token file,
    they go again when none is written."""
    root = zalo_project(tmp_path / "du-an", 1)
    place = tmp_path / "chua-co" / "cau-hinh" / "zalo-token.json"
    monkeypatch.setenv("ZALO_TOKEN_FILE", str(place))
    monkeypatch.setenv("ZALO_REFRESH_TOKEN", "token-da-dung-roi")
    assert sync(root) != 0
    assert "-14014" in told(capsys)
    assert not (tmp_path / "chua-co").exists()
    # With the right token the file is written, its lock beside it.
    monkeypatch.setenv("ZALO_REFRESH_TOKEN", emulator.refresh_token)
    assert sync(root) == 0, told(capsys)
    assert place.is_file() and place.with_name("zalo-token.json.lock").is_file()


def test_a_waiter_on_a_lock_file_taken_away_takes_the_one_in_its_place(tmp_path: Path) -> None:
    """The lock file is removed while another process may wait on it: that one must not hold
    a lock on the removed file while a third takes the new one (two refreshes at once)."""
    token_file = TokenFile(tmp_path / "cau-hinh" / "zalo-token.json")
    first_in, first_out, second_in, second_out = (threading.Event() for _ in range(4))

    def first() -> None:
        """Hold the lock until told, leaving no token file: the lock file goes at the end."""
        with token_file.lock():
            first_in.set()
            first_out.wait(10)

    def second() -> None:
        """Wait for the lock (its file opened while the first holds it), then hold it."""
        with token_file.lock(timeout=10):
            second_in.set()
            second_out.wait(10)

    one = threading.Thread(target=first)
    one.start()
    assert first_in.wait(10)
    two = threading.Thread(target=second)
    two.start()
    time.sleep(0.5)  # the second has opened the lock file and waits on it
    assert not second_in.is_set()
    first_out.set()
    one.join(10)
    assert second_in.wait(10)
    try:
        with (
            pytest.raises(PublishError, match="đang làm mới token Zalo quá lâu"),
            token_file.lock(timeout=0.2),
        ):
            pass
    finally:
        second_out.set()
        two.join(10)
    assert not token_file.lock_path.exists()  # no token file: nothing left there


def test_a_lock_folder_taken_away_before_the_lock_file_is_made_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 76 review: between the lock's folder made and its file opened, the holder of
    the lock (saving no token) took both away: the file's opening found no folder and the
    FileNotFoundError came out of lock() as a raw traceback. The waiter makes them again."""
    token_file = TokenFile(tmp_path / "cau-hinh" / "zalo-token.json")
    folder = token_file.lock_path.parent
    real_mkdir = Path.mkdir
    taken: list[Path] = []

    def mkdir_then_taken(self: Path, *args: Any, **kwargs: Any) -> None:
        """The real mkdir, then, once, the holder's removal of what it made."""
        real_mkdir(self, *args, **kwargs)
        if self == folder and not taken:
            taken.append(self)
            unplace(token_file.lock_path, [folder])

    monkeypatch.setattr(Path, "mkdir", mkdir_then_taken)
    with token_file.lock(timeout=1):
        assert token_file.lock_path.is_file()
    assert taken == [folder]
    assert not folder.exists()  # no token file: the lock's own folder goes again


def test_a_lock_folder_that_cannot_be_made_fails_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 76 review: a folder no mkdir can make (`/proc/zz`: FileNotFoundError, as for a
    vanished drive) was retried with no end, at full CPU, past any timeout."""
    token_file = TokenFile(tmp_path / "cau-hinh" / "zalo-token.json")
    tries: list[Path] = []

    def no_such_place(self: Path, *args: Any, **kwargs: Any) -> None:
        """What mkdir does under /proc; a spin past 20 tries is stopped as one."""
        tries.append(self)
        if len(tries) > 20:
            raise RuntimeError("lock() retries a folder that cannot be made")
        raise FileNotFoundError(2, "No such file or directory", str(self))

    monkeypatch.setattr(Path, "mkdir", no_such_place)
    lock = token_file.lock(timeout=0.1)
    with pytest.raises(PublishError, match="Không tạo được thư mục") as told_error, lock:
        pass
    assert len(tries) == 1
    assert str(token_file.lock_path.parent) in str(told_error.value)


def test_a_lock_folder_taken_away_every_time_gives_up_at_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A holder that takes the folder away after every mkdir: the waiter says the lock is
    busy once its time is up, as it does for a lock held too long, and does not spin on."""
    token_file = TokenFile(tmp_path / "cau-hinh" / "zalo-token.json")
    folder = token_file.lock_path.parent
    real_mkdir = Path.mkdir
    started = time.monotonic()

    def mkdir_then_taken(self: Path, *args: Any, **kwargs: Any) -> None:
        """The real mkdir, then the holder's removal of what it made; stopped after 10 s."""
        if time.monotonic() - started > 10:
            raise RuntimeError("lock() retried past its timeout")
        real_mkdir(self, *args, **kwargs)
        if self == folder:
            unplace(token_file.lock_path, [folder])

    monkeypatch.setattr(Path, "mkdir", mkdir_then_taken)
    lock = token_file.lock(timeout=0.2)
    with pytest.raises(PublishError, match="đang làm mới token Zalo quá lâu"), lock:
        pass


@pytest.mark.usefixtures("zalo_env")
def test_a_token_folder_that_cannot_be_made_is_told_in_vietnamese(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ZALO_TOKEN_FILE under a folder no mkdir can make (`/proc/zz/…`): the sync stops with a
    Vietnamese message naming the folder, no traceback, and nothing published."""
    root = zalo_project(tmp_path / "du-an", 1)
    place = tmp_path / "khong-tao-duoc" / "zalo-token.json"
    monkeypatch.setenv("ZALO_TOKEN_FILE", str(place))
    monkeypatch.setenv("ZALO_REFRESH_TOKEN", emulator.refresh_token)
    real_mkdir = Path.mkdir

    def no_such_place(self: Path, *args: Any, **kwargs: Any) -> None:
        """What mkdir does under /proc, for the token's folder alone."""
        if self == place.parent:
            raise FileNotFoundError(2, "No such file or directory", str(self))
        real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", no_such_place)
    assert sync(root) != 0
    said = told(capsys)
    assert f"Không tạo được thư mục {place.parent} để giữ tệp token Zalo" in said
    assert "ZALO_TOKEN_FILE" in said and "Traceback" not in said
    assert not (root / "state" / "zalo.json").exists()
