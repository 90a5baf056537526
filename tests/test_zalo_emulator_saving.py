"""`publish zalo-sandbox --state-file`: the state written in the background stays written when
the sandbox is stopped twice, when requests are still in flight, and when writing fails."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from publish.zalo import emulator_saving
from publish.zalo.emulator import EmulatorConfig, ZaloEmulator
from publish.zalo.emulator_state import ApiFailure, OAState, read_state
from tests.test_zalo_emulator import post, refresh
from tests.zalo_fixtures import sample_body

# The sandbox as `python -m publish zalo-sandbox` runs it, with a second SIGTERM arriving while
# it writes its final state (a supervisor that repeats its signal, a user pressing twice).
SECOND_SIGTERM_DURING_FINAL_SAVE = """
import os, signal, sys, time
from publish.zalo import emulator_saving
real_close = emulator_saving.StateSaver.close

def close(self):
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(0.2)
    real_close(self)

emulator_saving.StateSaver.close = close
from publish.cli import run
sys.argv = ["publish", *sys.argv[1:]]
run()
"""


def test_a_second_sigterm_while_the_final_state_is_written_is_ignored(tmp_path: Path) -> None:
    """The second SIGTERM killed the sandbox in the middle of its last write (over a second for
    a big OA): the last changes were lost and a half-written temporary file was left."""
    state_file = tmp_path / "sandbox.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZALO_")}
    command = ["zalo-sandbox", "--port", "0", "--state-file", str(state_file)]
    process = subprocess.Popen(
        [sys.executable, "-c", SECOND_SIGTERM_DURING_FINAL_SAVE, *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        said = ""
        while "Nhấn Ctrl+C" not in said and process.poll() is None:
            said += process.stdout.readline()  # type: ignore[union-attr]
        base_url = said.split("đang chạy tại ", 1)[1].split()[0]
        with httpx.Client(base_url=base_url, timeout=5) as http:
            access = refresh(http, EmulatorConfig(), "sandbox-refresh-token").json()
            post(http, access["access_token"], "/v2.0/article/create", sample_body())
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        assert "Đã dừng sandbox Zalo OA." in process.stderr.read()  # type: ignore[union-attr]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    state, _ = read_state(state_file.read_bytes())
    assert len(state.articles) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sandbox.json"]


def test_a_request_in_flight_when_the_sandbox_stops_is_in_its_state_file(
    tmp_path: Path,
) -> None:
    """Handled by a daemon thread, a request still running when the emulator stopped changed
    the state after its last write: a restarted sandbox had lost the article it answered."""
    state_file = tmp_path / "oa.json"
    emulator = ZaloEmulator(state_file=state_file).start()
    replies: list[dict] = []
    with httpx.Client(base_url=emulator.base_url, timeout=30) as http:
        access = refresh(http, emulator.config, emulator.refresh_token).json()["access_token"]
        emulator.configure(latency=0.5, fault_paths=("/article/create",))
        hold = emulator.hold("/article/create", 1)
        creating = threading.Thread(
            target=lambda: replies.append(
                post(http, access, "/v2.0/article/create", sample_body(title="Bài cuối"))
            )
        )
        creating.start()
        assert hold.reached.wait(30)
        emulator.stop()
        creating.join(30)
    assert replies and replies[0]["error"] == 0
    state, _ = read_state(state_file.read_bytes())
    assert [a["title"] for a in state.articles.values()] == ["Bài cuối"]


def _wait_for(condition: object, seconds: float = 30) -> None:
    """Wait until `condition()` is true (a loaded machine may take a while)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.02)


def test_a_lasting_write_failure_is_told_once_and_retried_ever_less_often(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A full disk was warned about five times a second for as long as it lasted."""
    state_file = tmp_path / "oa.json"
    tries: list[float] = []
    real_write = emulator_saving.atomic_write_bytes
    full = threading.Event()
    full.set()

    def write(path: Path, data: bytes, *, mode: int = 0o644) -> None:
        """Fail as a full disk does while `full` is set."""
        tries.append(time.monotonic())
        if full.is_set():
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(path, data, mode=mode)

    monkeypatch.setattr(emulator_saving, "atomic_write_bytes", write)
    with (
        caplog.at_level("WARNING", logger="publish.zalo.emulator"),
        ZaloEmulator(state_file=state_file) as emulator,
    ):
        emulator.seed_article(sample_body(title="Bài chưa ghi được"))
        _wait_for(lambda: len(tries) >= 3)
        full.clear()
        _wait_for(state_file.exists)
        assert state_file.exists()  # written again by the background writer, not only on stop
    failing = [r for r in caplog.records if "No space left on device" in r.getMessage()]
    assert len(failing) == 1
    assert "không ghi được tệp trạng thái" in failing[0].getMessage()
    # The pause doubles after each failure: 0.4 s, 0.8 s… (at least; more on a slow run).
    first, second = tries[1] - tries[0], tries[2] - tries[1]
    assert second >= 1.5 * first, tries


def test_a_write_failing_unexpectedly_does_not_stop_the_background_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Any error but an OSError ended the writer thread: nothing more was saved until the
    sandbox stopped (and nothing at all when it was killed)."""
    state_file = tmp_path / "oa.json"
    real_write = emulator_saving.atomic_write_bytes
    failures = [ValueError("lỗi bất ngờ")]

    def write(path: Path, data: bytes, *, mode: int = 0o644) -> None:
        """Fail once with an error no one expected, then write."""
        if failures:
            raise failures.pop()
        real_write(path, data, mode=mode)

    monkeypatch.setattr(emulator_saving, "atomic_write_bytes", write)
    with (
        caplog.at_level("WARNING", logger="publish.zalo.emulator"),
        ZaloEmulator(state_file=state_file) as emulator,
    ):
        emulator.seed_article(sample_body(title="Bài đăng tay"))
        _wait_for(state_file.exists)
        assert state_file.exists()
    assert any("lỗi bất ngờ" in r.getMessage() for r in caplog.records)


def test_a_snapshot_keeps_what_the_state_held_when_it_was_taken() -> None:
    """Records are copied shallowly under the lock (a deep copy took 117 ms at 3,000 jobs):
    what changes them later (a verify, a stuck update ending) leaves a taken snapshot alone."""
    config = EmulatorConfig(stuck_title_substrings=("[kẹt]",), verify_processing_count=5)
    state = OAState.initial(config)
    state.create(sample_body(title="Bài"), config)
    (article_id,) = state.articles
    edit = {**sample_body(title="Bài [kẹt] sửa"), "id": article_id}
    update = state.update(edit, config)["token"]
    taken = state.snapshot()
    state.finish_stuck_jobs()
    with pytest.raises(ApiFailure):
        state.verify(update, config)
    job = taken["jobs"][update]
    assert job["stuck"] is True and job["verifies"] == 0
    assert job["body"]["title"] == "Bài [kẹt] sửa"
    assert state.jobs[update].body is None and state.jobs[update].verifies == 1
    assert state.articles[article_id]["title"] == "Bài [kẹt] sửa"
    assert taken["articles"][article_id]["title"] == "Bài"


class _Hooks:
    """The exit hooks a saver registers, as `atexit` keeps them (one entry a registration)."""

    def __init__(self) -> None:
        """No hook yet."""
        self.hooks: list[Callable[[], None]] = []

    def register(self, hook: Callable[[], None]) -> None:
        """Run `hook` at exit."""
        self.hooks.append(hook)

    def unregister(self, hook: Callable[[], None]) -> None:
        """Run `hook` no more at exit."""
        self.hooks = [h for h in self.hooks if h != hook]


def test_a_change_while_the_saver_closes_is_still_saved_at_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change noted while `close` waited for the old writer started a new one, which
    registered the exit hook again; `close` then took the hook away, and that change was
    never saved when the interpreter exited."""
    hooks = _Hooks()
    monkeypatch.setattr(emulator_saving, "atexit", hooks)
    config = EmulatorConfig()
    state = OAState.initial(config)
    lock = threading.RLock()
    state_file = tmp_path / "oa.json"
    saver = emulator_saving.StateSaver(state_file, state, lock)
    with lock:
        state.create(sample_body(title="Bài đầu"), config)
        saver.changed()
    writer = saver._thread
    assert writer is not None
    real_join = writer.join

    def join(timeout: float | None = None) -> None:
        """The old writer stops; a request changes the state meanwhile."""
        real_join(timeout)
        with lock:
            state.create(sample_body(title="Bài giữa lúc dừng"), config)
            saver.changed()

    monkeypatch.setattr(writer, "join", join)
    saver.close()
    with lock:
        state.create(sample_body(title="Bài sau cùng"), config)
        saver.changed()
    assert hooks.hooks, "no hook left to save at exit"
    for hook in hooks.hooks:
        hook()
    saved, _ = read_state(state_file.read_bytes())
    assert "Bài sau cùng" in [a["title"] for a in saved.articles.values()]
    saver.close()


def test_the_state_file_is_for_its_owner_alone(tmp_path: Path) -> None:
    """It holds the OA's access and refresh tokens: other users of the machine must not read it."""
    state_file = tmp_path / "oa.json"
    with ZaloEmulator(state_file=state_file) as emulator:
        emulator.seed_article(sample_body(title="Bài"))
    assert state_file.exists()
    assert stat.S_IMODE(state_file.stat().st_mode) == 0o600
