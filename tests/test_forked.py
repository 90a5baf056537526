"""tests/forked.py: commands forked from the preloaded fork server behave as real subprocesses."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests import forked


def test_exit_codes_as_the_interpreter_gives_them() -> None:
    """SystemExit's code, 0 at the end, 1 and a traceback for an exception, 1 and the message
    for SystemExit("text")."""
    assert forked.run(["-c", "raise SystemExit(3)"]).returncode == 3
    assert forked.run(["-c", "pass"]).returncode == 0
    failed = forked.run(["-c", "raise ValueError('hỏng')"], text=True)
    assert failed.returncode == 1
    assert "Traceback" in failed.stderr and "ValueError: hỏng" in failed.stderr
    told = forked.run(["-c", "raise SystemExit('sai rồi')"], text=True)
    assert (told.returncode, told.stderr) == (1, "sai rồi\n")


def test_output_both_ways_as_bytes_or_text() -> None:
    """stdout and stderr are captured apart, UTF-8, as bytes unless text is asked for."""
    code = "import sys; print('ra ngoài'); print('lỗi', file=sys.stderr)"
    raw = forked.run(["-c", code])
    assert (raw.stdout, raw.stderr) == ("ra ngoài\n".encode(), "lỗi\n".encode())
    text = forked.run(["-c", code], text=True)
    assert (text.stdout, text.stderr) == ("ra ngoài\n", "lỗi\n")


def test_environment_is_exactly_the_one_given(tmp_path: Path) -> None:
    """The child's os.environ is `env` and nothing else; without env, the parent's as it is now."""
    code = "import os, json; print(json.dumps(dict(os.environ)))"
    done = forked.run(["-c", code], env={"ONLY": "một"}, text=True)
    assert json.loads(done.stdout) == {"ONLY": "một"}
    os.environ["FORKED_TEST_LATE"] = "muộn"
    try:
        inherited = json.loads(forked.run(["-c", code], text=True).stdout)
    finally:
        del os.environ["FORKED_TEST_LATE"]
    assert inherited["FORKED_TEST_LATE"] == "muộn"


def test_working_folder_argv_and_stdin(tmp_path: Path) -> None:
    """The child runs in `cwd`, sees sys.argv as `python -c` gives it, reads an empty stdin."""
    code = "import os, sys; print(os.getcwd()); print(sys.argv); print(repr(sys.stdin.read()))"
    done = forked.run(["-c", code, "a", "b"], cwd=tmp_path, text=True)
    assert done.stdout.splitlines() == [str(tmp_path), "['-c', 'a', 'b']", "''"]


def test_without_cwd_the_child_runs_in_the_parents_folder_of_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As subprocess: the folder the test is in when it starts the child, not the fork server's."""
    monkeypatch.chdir(tmp_path)
    done = forked.run(["-c", "import os; print(os.getcwd())"], text=True)
    assert done.stdout == f"{tmp_path}\n"


def test_python_m_publish_runs_the_cli(tmp_path: Path) -> None:
    """`-m publish ARGS` runs the CLI with sys.argv[0] the module's file, as the real command."""
    done = forked.run(["-m", "publish", "--version"], cwd=tmp_path, text=True)
    real = subprocess.run(
        [*done.args[:1], "-m", "publish", "--version"], capture_output=True, text=True
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        real.returncode,
        real.stdout,
        real.stderr,
    )


def test_a_sigkilled_child_returns_minus_sigkill() -> None:
    """Killing the child gives returncode -SIGKILL, as subprocess reports it."""
    with forked.start(["-c", "import time; print('up', flush=True); time.sleep(60)"]) as child:
        assert child.poll() is None
        child.kill()
        assert child.wait(timeout=30) == -signal.SIGKILL
        assert child.returncode == -signal.SIGKILL


def test_signal_dispositions_of_a_fresh_interpreter(tmp_path: Path) -> None:
    """SIGINT raises KeyboardInterrupt (and the child then dies of SIGINT), SIGTERM ends it."""
    code = "import time; open('ready', 'w').close(); time.sleep(60)"
    for sig, expected in ((signal.SIGINT, -signal.SIGINT), (signal.SIGTERM, -signal.SIGTERM)):
        with forked.start(["-c", code], cwd=tmp_path, text=True) as child:
            deadline = time.monotonic() + 60
            while not (tmp_path / "ready").exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            (tmp_path / "ready").unlink()
            child.send_signal(sig)
            _out, err = child.communicate(timeout=30)
            assert child.returncode == expected, err
            if sig == signal.SIGINT:
                assert "KeyboardInterrupt" in err


def test_timeout_raises_and_the_context_kills(tmp_path: Path) -> None:
    """wait/communicate/run raise subprocess.TimeoutExpired; leaving the block ends the child."""
    with forked.start(["-c", "import time; time.sleep(60)"]) as child:
        with pytest.raises(subprocess.TimeoutExpired):
            child.communicate(timeout=0.2)
        pid = child.pid
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with pytest.raises(subprocess.TimeoutExpired):
        forked.run(["-c", "import time; time.sleep(60)"], timeout=0.2)


def test_only_python_commands_fork() -> None:
    """Anything but `-m`/`-c` is refused rather than run wrongly."""
    with pytest.raises(ValueError):
        forked.start(["script.py"])


def test_output_gives_what_the_child_printed_while_it_still_runs(tmp_path: Path) -> None:
    """output() reads the child's stdout so far (as a pipe would), before it ends; bytes or text."""
    code = "import time; print('đang chạy', flush=True); open('ready', 'w').close(); time.sleep(60)"
    for text, expected in ((False, "đang chạy\n".encode()), (True, "đang chạy\n")):
        with forked.start(["-c", code], cwd=tmp_path, text=text) as child:
            deadline = time.monotonic() + 60
            while not (tmp_path / "ready").exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            (tmp_path / "ready").unlink()
            assert child.output() == expected
            assert child.poll() is None
