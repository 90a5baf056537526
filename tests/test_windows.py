"""The commands an editor or the OA admin runs on a Windows office PC, in a simulated Windows.

No Windows here: each test runs publish in a Python whose start-up (tests/windows_sim) makes
publish's code see Windows: sys.platform "win32", no fcntl, an msvcrt byte lock (on POSIX
record locks, so two such processes really contend), Windows' os names and mode bits. On the
code before the shared lock, `import fcntl` stopped these commands with a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SIMULATOR = Path(__file__).parent / "windows_sim"
REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="simulates Windows on POSIX")


def _env(**extra: str) -> dict[str, str]:
    """The environment of a simulated-Windows publish."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZALO_", "PUBLISH_"))}
    env["PYTHONPATH"] = os.pathsep.join([str(SIMULATOR), str(REPO)])
    env["PUBLISH_SIMULATE_WINDOWS"] = "1"
    return {**env, **extra}


def _publish(*args: str, cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    """Run `publish ARGS` in the simulated Windows."""
    return subprocess.run(
        [sys.executable, "-m", "publish", *args],
        cwd=cwd,
        env=_env(**extra),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _python(code: str, cwd: Path, **extra: str) -> subprocess.Popen[str]:
    """Start a simulated-Windows Python running `code`, talking through pipes."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        env=_env(**extra),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_the_simulation_is_windows_to_publish(tmp_path: Path) -> None:
    """The simulator really takes the Windows branches (else the tests below prove nothing)."""
    probe = _python(
        """
        import os, sys
        import publish.file_lock as lock
        try:
            import fcntl
        except ImportError:
            fcntl = None
        print(sys.platform, fcntl, hasattr(lock, "msvcrt"), hasattr(os, "fchmod"))
        """,
        tmp_path,
    )
    out, err = probe.communicate(timeout=120)
    assert out.split() == ["win32", "None", "True", "False"], err


def test_zalo_login_starts_on_windows(tmp_path: Path) -> None:
    """`publish zalo-login` shows its help, and without the app id says how to set it in cmd."""
    shown = _publish("zalo-login", "--help", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "--redirect-uri" in shown.stdout
    assert "Traceback" not in shown.stderr

    missing = _publish("zalo-login", "--redirect-uri", "http://127.0.0.1:8787/zalo", cwd=tmp_path)
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr
    assert "`set ZALO_APP_ID=…`" in missing.stderr
    assert "export" not in missing.stderr


def test_check_build_and_sync_dry_run_work_on_windows(tmp_path: Path) -> None:
    """An editor's check and build, and the admin's dry run, on a fresh project."""
    made = _publish("init", "du-an", "--unit", "Công an xã Thử", "--area", "tỉnh Thử", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    project = tmp_path / "du-an"
    for command in (["check"], ["build"], ["sync", "--dry-run"]):
        done = _publish(*command, cwd=project)
        assert done.returncode == 0, (command, done.stderr)
        assert "Traceback" not in done.stderr
    assert (project / "output" / "web" / "index.html").is_file()


def test_a_gone_builds_leftover_folder_is_removed_on_windows(tmp_path: Path) -> None:
    """A build cut off (power cut) left a staging folder: the next build on Windows removes it
    (os.kill(pid, 0) there is no probe: it said every process still ran, kept forever)."""
    made = _publish("init", "du-an", "--unit", "Công an xã Thử", "--area", "tỉnh Thử", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    project = tmp_path / "du-an"
    assert _publish("build", cwd=project).returncode == 0
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    leftover = project / "output" / f".web.staging-{gone.pid}-abcd1234"
    leftover.mkdir()
    (leftover / "index.html").write_text("cũ", encoding="utf-8")

    done = _publish("build", cwd=project)
    assert done.returncode == 0, done.stderr
    assert not leftover.exists()


def test_the_token_file_login_writes_is_read_on_windows(tmp_path: Path) -> None:
    """The token file saved (as zalo-login and every refresh do) is read back by sync: Windows
    keeps no mode bits, so the 0600 check must not refuse every file there."""
    saved = _python(
        """
        import os
        from publish.zalo.tokens import TokenFile, TokenManager, TokenPair
        file = TokenFile(os.environ["ZALO_TOKEN_FILE"])
        with file.lock():
            file.save(TokenPair("refresh-1", "access-1", 2e9, 90000.0))
        manager = TokenManager.from_env()
        print(manager.current().refresh_token == "refresh-1")
        """,
        tmp_path,
        ZALO_TOKEN_FILE=str(tmp_path / "cfg" / "zalo-token.json"),
        ZALO_APP_ID="123",
        ZALO_APP_SECRET="bi-mat",
    )
    out, err = saved.communicate(timeout=120)
    assert saved.returncode == 0, err
    assert out.strip() == "True"


def test_two_windows_processes_take_the_token_lock_in_turn(tmp_path: Path) -> None:
    """While one process refreshes (holds the token lock), another waits and then gives up with
    the message; once the first lets go, the other takes it."""
    path = tmp_path / "zalo-token.json"
    holder = _python(
        f"""
        import sys
        from publish.zalo.tokens import TokenFile
        with TokenFile({str(path)!r}).lock():
            print("held", flush=True)
            sys.stdin.readline()
        print("released", flush=True)
        sys.stdin.readline()
        """,
        tmp_path,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "held"
    waiter_code = f"""
        from publish.errors import PublishError
        from publish.zalo.tokens import TokenFile
        try:
            with TokenFile({str(path)!r}).lock(timeout=0.3):
                print("taken")
        except PublishError as error:
            print("refused:", error)
        """
    try:
        first = _python(waiter_code, tmp_path)
        out, err = first.communicate(timeout=120)
        assert out.startswith("refused:"), err
        assert "đang làm mới token Zalo quá lâu" in out

        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
        second = _python(waiter_code, tmp_path)
        out, err = second.communicate(timeout=120)
        assert out.strip() == "taken", err
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)


def test_a_second_sync_on_windows_says_which_one_runs(tmp_path: Path) -> None:
    """The sync lock on Windows: the second sync stops (exit 3's Busy) naming the first one's
    process, whose line it can read beside the locked byte."""
    holder = _python(
        f"""
        import sys
        from pathlib import Path
        from publish.sync.base import sync_lock
        with sync_lock(Path({str(tmp_path / "state")!r})):
            print("held", flush=True)
            sys.stdin.readline()
        """,
        tmp_path,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        second = _python(
            f"""
            from pathlib import Path
            from publish.errors import Busy
            from publish.sync.base import sync_lock
            try:
                with sync_lock(Path({str(tmp_path / "state")!r})):
                    print("taken")
            except Busy as error:
                print("busy:", error)
            """,
            tmp_path,
        )
        out, err = second.communicate(timeout=120)
        assert out.startswith("busy:"), err
        assert f"tiến trình số {holder.pid}" in out
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)


def test_a_symlink_planted_as_the_token_file_or_its_lock_is_refused_on_windows(
    tmp_path: Path,
) -> None:
    """Windows has no O_NOFOLLOW: the token file was read through a symlink planted at its
    path (another user's token taken for the unit's), and the token lock was created wherever
    its symlink pointed. Both are refused there too, with the message Linux gives."""
    other = tmp_path / "cua-nguoi-khac.json"
    other.write_text('{"refresh_token": "refresh-cua-nguoi-khac"}', encoding="utf-8")
    (tmp_path / "zalo-token.json").symlink_to(other)
    (tmp_path / "khoa.json").write_text('{"refresh_token": "r"}', encoding="utf-8")
    pointed = tmp_path / "khong-duoc-tao"
    (tmp_path / "khoa.json.lock").symlink_to(pointed)
    probe = _python(
        f"""
        from publish.errors import PublishError
        from publish.zalo.tokens import TokenFile
        try:
            print("read:", TokenFile({str(tmp_path / "zalo-token.json")!r}).load())
        except PublishError as error:
            print("refused:", error)
        try:
            with TokenFile({str(tmp_path / "khoa.json")!r}).lock():
                print("locked")
        except PublishError as error:
            print("refused:", error)
        """,
        tmp_path,
    )
    out, err = probe.communicate(timeout=120)
    assert probe.returncode == 0, err
    first, second = out.strip().splitlines()
    assert first.startswith("refused:") and "là một liên kết tượng trưng (symlink)" in first
    assert second.startswith("refused:") and "khoa.json.lock" in second
    assert "liên kết tượng trưng" in second
    assert not pointed.exists()


def test_a_symlink_planted_as_the_sync_lock_is_refused_on_windows(tmp_path: Path) -> None:
    """state/.sync.lock a symlink to another file: on Windows the sync wrote its process line
    through it, over that file. It stops, as on Linux, and the file is left as it was."""
    state_dir = tmp_path / "state"
    state_dir.mkdir()
    victim = tmp_path / "tep-quan-trong.txt"
    victim.write_text("nội dung quan trọng\n", encoding="utf-8")
    (state_dir / ".sync.lock").symlink_to(victim)
    probe = _python(
        f"""
        from pathlib import Path
        from publish.errors import PublishError
        from publish.sync.base import sync_lock
        try:
            with sync_lock(Path({str(state_dir)!r})):
                print("taken")
        except PublishError as error:
            print("refused:", error)
        """,
        tmp_path,
    )
    out, err = probe.communicate(timeout=120)
    assert out.startswith("refused:"), err
    assert "không phải một tệp thường (là một liên kết tượng trưng" in out
    assert victim.read_text(encoding="utf-8") == "nội dung quan trọng\n"


def test_a_symlink_swapped_in_while_opening_is_refused_without_o_nofollow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without O_NOFOLLOW, a look at the path before opening leaves a moment for a symlink to
    be put there: what was opened is checked against what the path names after the open."""
    import errno

    from publish import no_follow

    path = tmp_path / ".sync.lock"
    victim = tmp_path / "tep-quan-trong.txt"
    victim.write_text("nội dung quan trọng\n", encoding="utf-8")
    real_open = os.open

    def swapped(target: Path, flags: int, mode: int = 0o777) -> int:
        """The link lands between the look and the open."""
        if Path(target) == path and not path.is_symlink():
            path.symlink_to(victim)
        return real_open(target, flags, mode)

    monkeypatch.setattr(no_follow, "NOFOLLOW", 0)
    monkeypatch.setattr(no_follow.os, "open", swapped)
    with pytest.raises(OSError) as caught:
        no_follow.open_no_follow(path, os.O_RDWR | os.O_CREAT)
    assert caught.value.errno == errno.ELOOP
    monkeypatch.setattr(no_follow.os, "open", real_open)
    path.unlink()
    fd = no_follow.open_no_follow(path, os.O_RDWR | os.O_CREAT)  # a plain file opens
    os.close(fd)
    assert victim.read_text(encoding="utf-8") == "nội dung quan trọng\n"


@pytest.mark.parametrize("before", ["missing", "a file"])
def test_a_link_to_nowhere_swapped_in_while_opening_makes_no_file_without_o_nofollow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: str
) -> None:
    """Without O_NOFOLLOW, the link put there between the look and the open was refused after
    the open, but the open's O_CREAT had already made an empty file where the link points."""
    import errno

    from publish import no_follow

    path = tmp_path / ".sync.lock"
    if before == "a file":
        path.write_text("", encoding="utf-8")
    pointed = tmp_path / "thu-muc-khac" / "tep-moi.txt"
    pointed.parent.mkdir()
    real_open = os.open

    def swapped(target: Path, flags: int, mode: int = 0o777) -> int:
        """A link to a file that does not exist lands between the look and the open."""
        if Path(target) == path and not path.is_symlink():
            path.unlink(missing_ok=True)
            path.symlink_to(pointed)
        return real_open(target, flags, mode)

    monkeypatch.setattr(no_follow, "NOFOLLOW", 0)
    monkeypatch.setattr(no_follow.os, "open", swapped)
    with pytest.raises(OSError) as caught:
        no_follow.open_no_follow(path, os.O_RDWR | os.O_CREAT, 0o600)
    assert caught.value.errno == errno.ELOOP
    assert not pointed.exists()
