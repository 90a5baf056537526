"""run_jobs: results in order, this process working beside the pool, workers replaced safely."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from functools import partial
from pathlib import Path

import pytest

from publish import parallel
from publish.errors import ContentError, Problem
from publish.parallel import MIN_JOBS, run_jobs


@pytest.fixture(autouse=True)
def forking(monkeypatch) -> None:
    """Two processes, forked even if an earlier test left an idle thread behind."""
    monkeypatch.setenv("PUBLISH_WORKERS", "2")
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)


def _pid_of(number: int) -> tuple[int, int]:
    """The job's number and the process that ran it (slow enough for the pool to lag)."""
    time.sleep(0.002)
    return number, os.getpid()


def test_results_come_in_order_from_this_process_and_fresh_workers() -> None:
    count = MIN_JOBS * 4
    results = list(run_jobs([partial(_pid_of, n) for n in range(count)], chunk=4, recycle=2))
    assert [n for n, _ in results] == list(range(count))
    pids = {pid for _, pid in results}
    assert os.getpid() in pids  # this process took chunks while waiting
    assert len(pids - {os.getpid()}) >= 2  # the worker was replaced after 2 chunks


def _page_sized(number: int) -> tuple[int, bytes]:
    """A result as big as a rendered page, different for every job."""
    return number, number.to_bytes(4, "little") * 7_500


def test_workers_send_whole_chunks_of_pages_through_a_widened_pipe(monkeypatch) -> None:
    """A chunk of pages (~0.5 MB) comes back intact, and on Linux the pipe carrying it is widened
    so the worker need not wait for this process to read it piece by piece."""
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_GETPIPE_SZ"):
        pytest.skip("pipe sizes are a Linux feature")
    sizes: list[int] = []
    widen = parallel._widen_result_pipe

    def widen_and_measure(pool) -> None:
        widen(pool)
        sizes.append(fcntl.fcntl(pool._outqueue._writer.fileno(), fcntl.F_GETPIPE_SZ))

    monkeypatch.setattr(parallel, "_widen_result_pipe", widen_and_measure)
    count = MIN_JOBS * 2
    results = list(run_jobs([partial(_page_sized, n) for n in range(count)], chunk=16, recycle=2))
    assert results == [_page_sized(n) for n in range(count)]
    allowed = int(Path("/proc/sys/fs/pipe-max-size").read_text())
    assert len(sizes) >= 2  # the first pool and its replacement
    assert all(size >= min(parallel.RESULT_PIPE_BYTES, allowed) for size in sizes), sizes


def _fails(number: int) -> int:
    """A job whose content is wrong at number 100."""
    if number == 100:
        raise ContentError([Problem("content/a.md", "sai", field="title")])
    return number


def test_a_failing_job_raises_its_problems_here() -> None:
    with pytest.raises(ContentError) as raised:
        list(run_jobs([partial(_fails, n) for n in range(MIN_JOBS * 4)], chunk=8))
    assert [p.field for p in raised.value.problems] == ["title"]


def test_replacing_workers_while_this_process_uses_sqlite_never_hangs(tmp_path: Path) -> None:
    """Workers forked from a pool thread while this one was inside sqlite inherited its lock
    and hung; every fork now happens here, between chunks."""
    script = textwrap.dedent(
        f"""
        import os
        from functools import partial
        from pathlib import Path
        from publish.cache import Fragments
        from publish.parallel import run_jobs

        os.environ["PUBLISH_WORKERS"] = "2"
        fragments = Fragments(Path({str(tmp_path)!r}))

        def job(n):
            for k in range(20):
                fragments.put(f"{{n}}-{{k}}", "x" * 2000)
                fragments.get(f"{{n}}-{{k}}")
            return n

        with fragments.batched():
            jobs = [partial(job, n) for n in range(600)]
            done = list(run_jobs(jobs, chunk=2, after_chunk=fragments.flush, recycle=1))
        assert done == list(range(600)), done[:5]
        print("ok")
        """
    )
    finished = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.strip() == "ok"
