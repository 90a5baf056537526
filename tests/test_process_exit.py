"""The `publish` command ends without the interpreter's teardown, yet as a normal exit would:
exit code, every line of output, exit handlers run, running threads waited for."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.web_fixture import NOW, SITE

REPO = Path(__file__).resolve().parents[1]


def _python(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`script` run by a fresh Python with stdout a pipe, block-buffered as in CI logs (not
    when PYTHONUNBUFFERED is set, as some shells here do)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )


def test_exit_handlers_run_and_buffered_output_is_written(tmp_path: Path) -> None:
    """The code given, what was printed but not yet flushed, and what atexit handlers do."""
    done = _python(
        """
        import atexit
        from pathlib import Path
        from publish.process_exit import exit_now
        atexit.register(lambda: Path("handled").write_text("yes"))
        print("xong", end="")  # waits in the stream's buffer
        exit_now(3)
        """,
        tmp_path,
    )
    assert done.returncode == 3
    assert done.stdout == "xong"
    assert (tmp_path / "handled").read_text() == "yes"


def test_a_thread_still_running_is_waited_for(tmp_path: Path) -> None:
    """With another thread at work the process exits normally, which lets it finish."""
    done = _python(
        """
        import threading, time
        from pathlib import Path
        from publish.process_exit import exit_now
        def late():
            time.sleep(0.3)
            Path("finished").write_text("yes")
        threading.Thread(target=late).start()
        exit_now(0)
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "finished").read_text() == "yes"


def test_a_build_by_the_command_closes_its_cache(tmp_path: Path) -> None:
    """`python -m publish build`: exit code 0, the whole report, and the cache's database
    closed (no write-ahead log left beside it, as the exit handlers close it)."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    argv = ["build", "--root", str(root), "--now", NOW.isoformat(), "--channel", "web"]
    done = subprocess.run(
        [sys.executable, "-m", "publish", *argv],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Xong sau" in done.stdout
    cache = sorted(p.name for p in (root / ".cache").iterdir())
    assert "fragments-v2.sqlite" in cache
    assert not [name for name in cache if name.endswith(("-wal", "-shm"))], cache
    broken = subprocess.run(
        [sys.executable, "-m", "publish", "build", "--root", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert broken.returncode != 0 and broken.stderr.strip()


def test_a_profiled_or_traced_run_ends_normally_so_the_tool_can_report(tmp_path: Path) -> None:
    """`python -m cProfile -m publish …` prints its table after the command returns: a process
    ended at once printed nothing (found profiling a sync). Exit code and output stay."""
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-s", "cumtime", "-m", "publish", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "publish" in done.stdout.splitlines()[0]
    assert "function calls" in done.stdout
    traced = _python(
        """
        import sys
        from pathlib import Path
        from publish.process_exit import exit_now
        sys.settrace(lambda *args: None)
        try:
            exit_now(4)
        except SystemExit as stop:
            Path("stopped").write_text(str(stop.code))
        """,
        tmp_path,
    )
    assert (tmp_path / "stopped").read_text() == "4", traced.stderr
