"""A sync stopped by Ctrl+C, or by CI cancelling or timing out its job (SIGINT first), sends
nothing more, and the next run neither repeats nor loses what was sent.

CI gives a stopped step ~7.5 s between SIGINT and SIGTERM: a sync that kept working through its
queue after SIGINT went on creating articles the person had just cancelled, until the hard kill.
"""

from __future__ import annotations

import collections
import os
import signal
from pathlib import Path

from publish.zalo.emulator import ZaloEmulator
from tests import forked
from tests.zalo_fixtures import env_for
from tests.zalo_project import FAST_ENV, NOW, records, zalo_project

REPO = Path(__file__).resolve().parents[1]
BULLETINS = 10
CONCURRENCY = 2


def test_a_sync_stopped_by_sigint_sends_no_more_and_the_next_run_finishes_without_duplicate(
    tmp_path: Path, emulator: ZaloEmulator
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
        child.send_signal(signal.SIGINT)
        # The main thread's stop is what is tested; the creates held until it has come.
        assert child.poll() is None
        for hold in holds:
            hold.release()
        out, err = child.communicate(60)
    assert child.returncode == 130, out + err
    assert "Đã dừng theo yêu cầu." in err
    assert emulator.count_calls("article/create") == CONCURRENCY
    # The two sent were recorded (with their job token) before the process ended.
    assert sum(1 for entry in records(root).values() if entry.get("token")) == CONCURRENCY

    again = forked.run(command, env=env, text=True, timeout=120)
    assert again.returncode == 0, again.stdout + again.stderr
    titles = collections.Counter(a["title"] for a in emulator.articles.values())
    assert len(titles) == BULLETINS
    assert set(titles.values()) == {1}
    assert emulator.count_calls("article/create") == BULLETINS
