"""A sync stopped by Ctrl+C, or by CI cancelling or timing out its job (GitHub: SIGINT first;
GitLab: SIGTERM), sends nothing more, and the next run neither repeats nor loses what was sent.

CI gives a stopped step ~7.5 s between SIGINT and SIGTERM: a sync that kept working through its
queue after SIGINT went on creating articles the person had just cancelled, until the hard kill.
GitLab sends SIGTERM alone, which ended Python at once: the journal of what was in flight was
never folded into state/ and the stop was not said.
"""

from __future__ import annotations

import collections
import json
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from publish.sync import base
from publish.sync.base import Action
from publish.sync.manifest import Manifest, journal_path
from publish.zalo.emulator import ZaloEmulator
from tests import forked
from tests.zalo_fixtures import env_for
from tests.zalo_project import FAST_ENV, NOW, records, zalo_project

REPO = Path(__file__).resolve().parents[1]
BULLETINS = 10
CONCURRENCY = 2


@pytest.mark.parametrize(
    ("stop", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["sigint", "sigterm"]
)
def test_a_sync_stopped_by_sigint_sends_no_more_and_the_next_run_finishes_without_duplicate(
    tmp_path: Path, emulator: ZaloEmulator, stop: signal.Signals, code: int
) -> None:
    root = zalo_project(tmp_path, BULLETINS, zalo=f"concurrency = {CONCURRENCY}")
    env = {
        **os.environ,
        **env_for(emulator, tmp_path / "secrets" / "token.json", **FAST_ENV),
        "PYTHONPATH": str(REPO),
    }
    command = ["-m", "publish", "--root", str(root), "--now", NOW, "sync", "zalo"]
    # Both workers are inside a create when the stop comes: what is in flight, and only that.
    holds = [emulator.hold("article/create", n) for n in (1, 2)]
    with forked.start(command, env=env, text=True) as child:
        for hold in holds:
            assert hold.reached.wait(60)
        child.send_signal(stop)
        # The main thread's stop is what is tested; the creates held until it has come (said
        # at once on standard error: released before, the workers took the next two creates).
        deadline = time.monotonic() + 60
        while base.STOPPING not in child.errors() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert base.STOPPING in child.errors()
        if stop == signal.SIGTERM:
            # GitLab may signal every process of the job: a second SIGTERM while waiting for
            # what is in flight must not end it before those records are written.
            child.send_signal(stop)
            time.sleep(0.2)
        assert child.poll() is None
        for hold in holds:
            hold.release()
        out, err = child.communicate(60)
    assert child.returncode == code, out + err
    assert "Đã dừng theo yêu cầu." in err
    assert "Traceback" not in err
    assert emulator.count_calls("article/create") == CONCURRENCY
    # The two sent were recorded (with their job token) before the process ended, in the state
    # file itself: CI commits state/zalo.json, not the journal a killed run leaves beside it.
    assert not journal_path(root / "state" / "zalo.json").exists()
    assert sum(1 for entry in records(root).values() if entry.get("token")) == CONCURRENCY, (
        err + json.dumps(records(root), ensure_ascii=False, indent=1)
    )

    again = forked.run(command, env=env, text=True, timeout=120)
    assert again.returncode == 0, again.stdout + again.stderr
    titles = collections.Counter(a["title"] for a in emulator.articles.values())
    assert len(titles) == BULLETINS
    assert set(titles.values()) == {1}
    assert emulator.count_calls("article/create") == BULLETINS


FLUSH_HELD = """
import sys, time
from pathlib import Path
from publish.cli import run
from publish.sync.manifest import Manifest

gate = Path(sys.argv[1])
real = Manifest.flush

def flush(self):
    # Once the test arms it: the state file's write waits until the test lets it go.
    if (gate / "armed").exists():
        (gate / "flushing").touch()
        deadline = time.monotonic() + 60
        while not (gate / "go").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
    real(self)

Manifest.flush = flush
sys.argv = ["publish", *sys.argv[2:]]
run()
"""


def test_githubs_sigterm_after_its_sigint_does_not_break_off_the_state_write(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """GitHub cancels a step with SIGINT, then SIGTERM ~7.5 s later. That SIGTERM, come while
    the stop the SIGINT began was writing state/, raised there: the records of what was in
    flight stayed in a journal CI does not commit, and the run ended 143."""
    root = zalo_project(tmp_path, BULLETINS, zalo=f"concurrency = {CONCURRENCY}")
    gate = tmp_path / "gate"
    gate.mkdir()
    env = {
        **os.environ,
        **env_for(emulator, tmp_path / "secrets" / "token.json", **FAST_ENV),
        "PYTHONPATH": str(REPO),
    }
    command = ["-c", FLUSH_HELD, str(gate), "--root", str(root), "--now", NOW, "sync", "zalo"]
    holds = [emulator.hold("article/create", n) for n in (1, 2)]
    with forked.start(command, env=env, text=True) as child:
        for hold in holds:
            assert hold.reached.wait(60)
        child.send_signal(signal.SIGINT)
        deadline = time.monotonic() + 60
        while base.STOPPING not in child.errors() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert base.STOPPING in child.errors()
        (gate / "armed").touch()
        for hold in holds:
            hold.release()
        deadline = time.monotonic() + 60
        while not (gate / "flushing").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert (gate / "flushing").exists()
        child.send_signal(signal.SIGTERM)
        time.sleep(0.2)
        (gate / "go").touch()
        out, err = child.communicate(60)
    assert child.returncode == 130, out + err
    assert "Đã dừng theo yêu cầu." in err and "Traceback" not in err
    assert not journal_path(root / "state" / "zalo.json").exists()
    assert sum(1 for entry in records(root).values() if entry.get("token")) == CONCURRENCY


class Stopping:
    """A syncer of six actions, two at a time: the first two end at once, the next two are held
    until the run has cancelled its queue; its manifest logs its flush."""

    name = "thu"
    concurrency = 2

    def __init__(self, root: Path, log: list[str], released: threading.Event) -> None:
        self.log = log
        self.released = released
        self.held = threading.Semaphore(0)
        self.manifest = LoggedManifest(root / "state" / "thu.json", "thu", log)
        self.manifest.save()  # a state file exists: each step goes to its journal

    def observe(self) -> None:
        """Nothing to look at."""

    def plan(self, observed: object) -> list[Action]:
        """Six bulletins to create."""
        return [Action("create", f"b{n}", "bản tin mới") for n in range(1, 7)]

    def apply(self, action: Action) -> str:
        """Log the start, wait while held, record the bulletin, log the end."""
        self.log.append(f"bắt đầu {action.key}")
        if action.key not in ("b1", "b2"):
            self.held.release()
            assert self.released.wait(30)
        self.manifest.update(action.key, status="live")
        self.log.append(f"xong {action.key}")
        return "đã tạo"


class LoggedManifest(Manifest):
    """A manifest that logs when it is flushed."""

    def __init__(self, path: Path, channel: str, log: list[str]) -> None:
        super().__init__(path, channel)
        self.log = log

    def flush(self) -> None:
        """Log, then fold the journal."""
        self.log.append("flush")
        super().flush()


@pytest.mark.parametrize("second_stop", [False, True], ids=["mot-lan", "hai-lan"])
def test_a_stop_while_a_done_line_is_printed_sends_no_more_and_flushes_after_the_last_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_stop: bool
) -> None:
    """The stop comes while a ✓ line is printed, not while waiting for an outcome: the queue is
    still cancelled, the actions in flight end and are recorded before the state file is
    written, and no journal is left for CI to commit (nor after a second Ctrl+C while waiting
    for them)."""
    log: list[str] = []
    released = threading.Event()
    second = [second_stop]

    class Pool(ThreadPoolExecutor):
        """The sync's pool: lets the held actions go once the queue is cancelled, and takes
        the second Ctrl+C while waiting for those in flight."""

        def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
            super().shutdown(wait=False, cancel_futures=cancel_futures)
            if cancel_futures:
                released.set()
            if wait and second[0]:
                second[0] = False
                log.append("dừng lần hai")
                raise KeyboardInterrupt
            super().shutdown(wait=wait)

    monkeypatch.setattr(base, "ThreadPoolExecutor", Pool)
    syncer = Stopping(tmp_path, log, released)

    def echo(line: str) -> None:
        if "✓" in line:
            # b1 and b2 ended; both workers took the next two: b5 and b6 wait in the queue.
            assert syncer.held.acquire(timeout=30) and syncer.held.acquire(timeout=30)
            log.append("dừng")
            raise KeyboardInterrupt

    try:
        with pytest.raises(KeyboardInterrupt):
            base.run(syncer, echo=echo)
    finally:
        released.set()  # never leave the test's threads held, whatever happened
    stop = log.index("dừng")
    assert not [e for e in log[stop:] if e.startswith("bắt đầu")], log
    begun = sorted(e.split()[-1] for e in log if e.startswith("bắt đầu"))
    assert begun == ["b1", "b2", "b3", "b4"], log
    assert log.count("flush") == 1
    assert all(log.index(f"xong {key}") < log.index("flush") for key in begun), log
    assert ("dừng lần hai" in log) == second_stop
    assert not journal_path(syncer.manifest.path).exists()
    recorded = json.loads(syncer.manifest.path.read_text("utf-8"))["entries"]
    assert sorted(recorded) == begun


class StoppedWhileStarting:
    """A syncer of four actions, two at a time: b1 ends once the stop has come; b2 runs until
    the state file is written (or 2 s pass); its manifest logs its flush."""

    name = "khoi"
    concurrency = 2

    def __init__(self, root: Path, log: list[str]) -> None:
        self.log = log
        self.begun = threading.Semaphore(0)
        self.stopped = threading.Event()
        self.flushed = threading.Event()
        self.ended = threading.Event()
        self.manifest = FlushedManifest(root / "state" / "khoi.json", "khoi", log, self.flushed)
        self.manifest.save()  # a state file exists: each step goes to its journal

    def observe(self) -> None:
        """Nothing to look at."""

    def plan(self, observed: object) -> list[Action]:
        """Four bulletins to create."""
        return [Action("create", f"b{n}", "bản tin mới") for n in range(1, 5)]

    def apply(self, action: Action) -> str:
        """Log the start; b1 lasts until the stop, b2 until the state file is written (or 2 s);
        record, log the end."""
        self.log.append(f"bắt đầu {action.key}")
        self.begun.release()
        if action.key == "b1":
            # Busy until the stop: b2 goes to the second worker, not to this one once idle.
            assert self.stopped.wait(30)
        if action.key == "b2":
            # Bounded: with the stop waiting for b2 (as it must), no flush comes before it ends.
            self.flushed.wait(2)
        self.manifest.update(action.key, status="live")
        self.log.append(f"xong {action.key}")
        if action.key == "b2":
            self.ended.set()
        return "đã tạo"


class FlushedManifest(Manifest):
    """A manifest that logs when it is flushed and says so to whoever waits for it."""

    def __init__(self, path: Path, channel: str, log: list[str], flushed: threading.Event) -> None:
        super().__init__(path, channel)
        self.log = log
        self.flushed = flushed

    def flush(self) -> None:
        """Log, fold the journal, tell."""
        self.log.append("flush")
        super().flush()
        self.flushed.set()


def test_a_stop_while_the_second_worker_is_started_still_waits_for_its_action(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The stop comes while the main thread is still starting the pool's second worker (on a
    loaded CI machine it is slow to come back from it), after that worker took its action:
    the pool did not know that worker yet, so the stop waited only for the first one, wrote
    state/ and ended the run while the second one's create was in flight. Its answer was never
    recorded (CI: the article looked up by title on the next run, the job token lost), or was
    recorded in a journal CI does not commit."""
    log: list[str] = []
    syncer = StoppedWhileStarting(tmp_path, log)
    real_start = threading.Thread.start
    workers: list[threading.Thread] = []

    def start(thread: threading.Thread) -> None:
        real_start(thread)
        if thread.name.startswith(f"sync-{syncer.name}"):
            workers.append(thread)
            if len(workers) == 2:
                # Both workers are inside their action: the stop reaches the main thread here.
                assert syncer.begun.acquire(timeout=30) and syncer.begun.acquire(timeout=30)
                log.append("dừng")
                syncer.stopped.set()
                raise KeyboardInterrupt

    monkeypatch.setattr(threading.Thread, "start", start)
    try:
        with pytest.raises(KeyboardInterrupt):
            base.run(syncer, echo=lambda line: None)
    finally:
        syncer.stopped.set()  # never leave the test's threads held, whatever happened
        monkeypatch.undo()
    assert syncer.ended.wait(30), log  # whatever the run did, b2 has ended before asserting
    assert base.STOPPING in capsys.readouterr().err
    begun = sorted(e.split()[-1] for e in log if e.startswith("bắt đầu"))
    assert begun == ["b1", "b2"], log
    assert log.count("flush") == 1
    assert all(log.index(f"xong {key}") < log.index("flush") for key in begun), log
    assert not journal_path(syncer.manifest.path).exists()
    recorded = json.loads(syncer.manifest.path.read_text("utf-8"))["entries"]
    assert sorted(recorded) == begun
