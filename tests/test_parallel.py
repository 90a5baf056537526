"""run_jobs: results in order, this process working beside the pool, workers replaced safely;
run_apart: jobs in fresh processes, results in order, this process left single-threaded."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest

from publish import parallel
from publish.errors import ContentError, Problem
from publish.parallel import APART_MIN_JOBS, MIN_JOBS, run_apart, run_jobs


@pytest.fixture(autouse=True)
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two processes, forked even if an earlier test left an idle thread behind."""
    monkeypatch.setenv("PUBLISH_WORKERS", "2")
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)


def _pid_of(number: int) -> tuple[int, int]:
    """The job's number and the process that ran it (slow enough for the pool to lag)."""
    time.sleep(0.002)
    return number, os.getpid()


@pytest.fixture
def unmeasured(monkeypatch: pytest.MonkeyPatch) -> None:
    """As where the memory cannot be read (no /proc): workers replaced by their chunk count."""
    monkeypatch.setattr(parallel, "_SMAPS", "/nonexistent/{pid}/smaps_rollup")


@pytest.mark.usefixtures("unmeasured")
def test_results_come_in_order_from_this_process_and_fresh_workers() -> None:
    count = MIN_JOBS * 4
    results = list(run_jobs([partial(_pid_of, n) for n in range(count)], chunk=4, recycle=2))
    assert [n for n, _ in results] == list(range(count))
    pids = {pid for _, pid in results}
    assert os.getpid() in pids  # this process took chunks while waiting
    assert len(pids - {os.getpid()}) >= 2  # the worker was replaced after 2 chunks


_KEPT: list[bytearray] = []
"""What the memory-hungry jobs keep (in the worker that ran them)."""


def _keeps_memory(number: int) -> tuple[int, int]:
    """A job that makes 1 MB its own and keeps it, as a worker copying the site's pages does."""
    time.sleep(0.002)
    _KEPT.append(bytearray(1 << 20))
    return number, os.getpid()


def _workers_of(
    jobs: Sequence[Callable[[], tuple[int, int]]], monkeypatch: pytest.MonkeyPatch, limit_mb: int
) -> set[int]:
    """The worker processes that ran `jobs` under a memory limit (results checked in order)."""
    monkeypatch.setenv("PUBLISH_MEMORY_MB", str(limit_mb))
    monkeypatch.setattr(parallel, "CHECK_SECONDS", 0)
    try:
        results = list(run_jobs(jobs, chunk=2, recycle=1))
    finally:
        _KEPT.clear()  # what this process ran itself
    assert [n for n, _ in results] == list(range(len(jobs)))
    return {pid for _, pid in results} - {os.getpid()}


needs_smaps = pytest.mark.skipif(
    not Path("/proc/self/smaps_rollup").exists(), reason="memory is read from /proc"
)


@needs_smaps
def test_a_worker_holding_memory_over_the_limit_is_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Over the memory limit, a worker that made enough memory its own (the pages of the site
    it copied) is replaced by a fresh fork; under it, the same worker runs every chunk (each
    fork makes this process fault its pages again), however small `recycle`."""
    jobs = [partial(_keeps_memory, n) for n in range(MIN_JOBS * 2)]
    assert len(_workers_of(jobs, monkeypatch, limit_mb=1)) >= 2
    assert len(_workers_of(jobs, monkeypatch, limit_mb=1 << 20)) == 1


@needs_smaps
def test_a_worker_holding_little_is_kept_even_over_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When this process alone is over the limit, a fresh worker would not bring it down: a
    worker holding less than OWN_MIN of its own is not replaced."""
    # Forked from a pytest worker that ran thousands of tests, a worker doing nothing came to
    # own 16 MB (OWN_MIN) of copied pages in one CI run and was replaced every chunk: the rule
    # is what is tested here, not how much a fork of this test process copies.
    monkeypatch.setattr(parallel, "OWN_MIN", 256 << 20)
    jobs = [partial(_pid_of, n) for n in range(MIN_JOBS * 2)]
    assert len(_workers_of(jobs, monkeypatch, limit_mb=1)) == 1


def _page_sized(number: int) -> tuple[int, bytes]:
    """A result as big as a rendered page, different for every job."""
    return number, number.to_bytes(4, "little") * 7_500


@pytest.mark.usefixtures("unmeasured")
def test_workers_send_whole_chunks_of_pages_through_a_widened_pipe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A chunk of pages (~0.5 MB) comes back intact, and on Linux the pipe carrying it is widened
    so the worker need not wait for this process to read it piece by piece."""
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_GETPIPE_SZ"):
        pytest.skip("pipe sizes are a Linux feature")
    sizes: list[int] = []
    widen = parallel._widen_result_pipe

    def widen_and_measure(results: Connection) -> None:
        widen(results)
        sizes.append(fcntl.fcntl(results.fileno(), fcntl.F_GETPIPE_SZ))

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
        from publish import parallel
        from publish.cache import Fragments
        from publish.parallel import run_jobs

        os.environ["PUBLISH_WORKERS"] = "2"
        parallel._SMAPS = "/nonexistent/{{pid}}"  # replaced after every chunk, as without /proc
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


def test_a_worker_killed_mid_chunk_stops_the_run_with_a_message_not_a_hang() -> None:
    """Out of memory, the kernel kills a worker: the run stops at once with a Vietnamese
    message naming the signal and what to do, instead of waiting for ever for the results."""
    script = textwrap.dedent(
        """
        import os, signal
        from functools import partial
        from publish import parallel
        from publish.parallel import MIN_JOBS, WorkerStopped, run_jobs

        os.environ["PUBLISH_WORKERS"] = "2"
        parallel._can_fork = lambda: True
        here = os.getpid()

        def job(n):
            if os.getpid() != here:
                os.kill(os.getpid(), signal.SIGKILL)
            return n

        try:
            list(run_jobs([partial(job, n) for n in range(MIN_JOBS * 4)], chunk=4))
        except WorkerStopped as exc:
            print(exc)
        """
    )
    finished = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert finished.returncode == 0, finished.stderr
    told = finished.stdout
    assert "dừng bất ngờ" in told and "SIGKILL" in told and "hết bộ nhớ" in told, told
    assert "PUBLISH_WORKERS=1" in told


def test_workers_end_with_the_run_and_leave_no_process_behind() -> None:
    """Once the results are all taken, no worker of the run is left running (nor a zombie)."""
    jobs = [partial(_pid_of, n) for n in range(MIN_JOBS * 2)]
    workers = {pid for _, pid in run_jobs(jobs, chunk=4)} - {os.getpid()}
    assert workers
    for pid in workers:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reaped already: not a child of this process any more


def _unpicklable(number: int) -> object:
    """A result no pipe can carry (a bug in a renderer: a job must return plain data)."""
    return lambda: number


def test_a_result_a_worker_cannot_send_is_an_error_here_not_a_dead_worker() -> None:
    """The worker says what went wrong and goes on serving; this process raises it (it is not
    told the worker died, nor asked to look at its memory)."""
    with pytest.raises(RuntimeError, match="tiến trình dựng song song") as raised:
        list(run_jobs([partial(_unpicklable, n) for n in range(MIN_JOBS * 2)], chunk=4))
    assert "dừng bất ngờ" not in str(raised.value)


INHERITED = "as the module sets it"
"""Changed by the test in this process: a forked worker would see the change, a fresh one not."""


def _apart_job(number: int) -> tuple[int, int, str]:
    """The job's number, the process that ran it and what that process sees of INHERITED."""
    time.sleep(0.002)
    return number, os.getpid(), INHERITED


def test_jobs_apart_run_in_fresh_processes_and_come_back_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every job runs in a process that inherited nothing from this one; each result comes back
    with its own context, in order; a context without a job comes back with None; afterwards
    this process has no thread of it left, so run_jobs may fork."""
    monkeypatch.setattr(sys.modules[__name__], "INHERITED", "changed in the parent")
    jobs = [(f"ep-{n}", partial(_apart_job, n) if n % 5 else None) for n in range(40)]
    threads = threading.active_count()

    results = list(run_apart(iter(jobs), ahead=4))

    assert [context for context, _ in results] == [f"ep-{n}" for n in range(40)]
    assert [r for _, r in results[::5]] == [None] * 8
    built = [r for _, r in results if r is not None]
    assert [n for n, _, _ in built] == [n for n in range(40) if n % 5]
    pids = {pid for _, pid, _ in built}
    assert os.getpid() not in pids and len(pids) == 2
    assert {seen for _, _, seen in built} == {"as the module sets it"}
    assert threading.active_count() == threads


def test_a_failing_job_apart_raises_its_problems_here() -> None:
    jobs = [(n, partial(_fails, n)) for n in range(95, 110)]
    threads = threading.active_count()
    with pytest.raises(ContentError) as raised:
        list(run_apart(jobs, ahead=4, min_jobs=2))
    assert [p.field for p in raised.value.problems] == ["title"]
    assert threading.active_count() == threads


def test_a_fresh_worker_starts_without_the_pool_machinery() -> None:
    """A fresh worker imports what its jobs need, not multiprocessing, subprocess or the error
    classes the parent's side of `parallel` uses (~20 ms of every worker's start)."""
    # eval, not a function of this module: unpickling one would import this test module and,
    # through it, `parallel` itself.
    probe = partial(eval, "(__import__('os').getpid(), list(__import__('sys').modules))")
    loaded: list[Any] = [
        result for _, result in run_apart([(n, probe) for n in range(2)], ahead=2, min_jobs=2)
    ]
    assert len({pid for pid, _ in loaded} - {os.getpid()}) == 2
    for _, modules in loaded:
        unneeded = {"multiprocessing", "subprocess", "publish.parallel", "publish.errors"}
        assert set(modules) & unneeded == set()


def test_a_job_apart_failing_with_any_error_raises_it_here_with_its_trace() -> None:
    """An error from a job importing nothing of the tool still comes back, traceback and all."""
    jobs = [(n, partial(int, text)) for n, text in enumerate(["1", "2", "không phải số"])]
    with pytest.raises(RuntimeError, match=r"(?s)tiến trình dựng song song.*ValueError"):
        list(run_apart(jobs, ahead=4, min_jobs=2))


@pytest.mark.parametrize(
    ("workers", "count", "python"),
    [
        ("1", 40, sys.executable),
        ("2", 1, sys.executable),
        ("2", APART_MIN_JOBS - 1, sys.executable),
        ("2", 40, ""),
    ],
)
def test_with_one_worker_few_jobs_or_no_interpreter_the_jobs_apart_run_here(
    monkeypatch: pytest.MonkeyPatch, workers: str, count: int, python: str
) -> None:
    """Starting workers costs more CPU than a small site's handful of Word files takes here
    (~0.3 s each against ~50 ms a file); an embedded Python has no interpreter to start them."""
    monkeypatch.setenv("PUBLISH_WORKERS", workers)
    monkeypatch.setattr(sys, "executable", python)
    jobs = [(n, partial(_apart_job, n)) for n in range(count)]
    results: list[tuple[int, Any]] = list(run_apart(jobs, ahead=4))
    assert [r[0] for _, r in results] == list(range(count))
    assert {r[1] for _, r in results} == {os.getpid()}


def test_enough_jobs_apart_among_many_without_one_go_to_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Jobs are counted beyond the first `ahead` contexts: a site whose Word files to build are
    spread among kept ones still gets its workers once they are enough to pay."""
    monkeypatch.setenv("PUBLISH_WORKERS", "2")
    jobs = [(n, partial(_apart_job, n) if n % 3 == 0 else None) for n in range(3 * APART_MIN_JOBS)]
    results = [r for _, r in run_apart(jobs, ahead=4)]
    built = [r for r in results if r is not None]
    assert [n for n, _, _ in built] == list(range(0, 3 * APART_MIN_JOBS, 3))
    assert os.getpid() not in {pid for _, pid, _ in built}


_LEFT: list[weakref.ref] = []
"""In a worker: a weak reference to what the job before left behind."""


class _Node:
    """An object that can be part of a reference cycle."""

    def __init__(self) -> None:
        self.other: _Node | None = None
        self.weight = bytearray(1 << 20)


def _leave_a_cycle() -> int:
    """A job that leaves garbage only the cyclic collector frees (as python-docx does)."""
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    _LEFT.append(weakref.ref(first))
    return os.getpid()


def _is_left_alive() -> tuple[int, bool]:
    """Whether the previous job's garbage is still in this worker's memory."""
    return os.getpid(), _LEFT[-1]() is not None


def test_a_fresh_worker_frees_what_a_job_left_in_cycles_before_the_next_job() -> None:
    jobs = [(n, job) for n, job in enumerate([_leave_a_cycle] * 2 + [_is_left_alive] * 2)]
    results: list[Any] = [r for _, r in run_apart(jobs, ahead=4, min_jobs=2)]
    assert {results[0], results[1]} == {pid for pid, _ in results[2:]}  # same two workers
    assert [alive for _, alive in results[2:]] == [False, False]


def test_what_a_job_prints_does_not_disturb_the_results() -> None:
    jobs = [(n, partial(print, "nhiễu", n)) for n in range(6)]
    assert [r for _, r in run_apart(jobs, ahead=4, min_jobs=2)] == [None] * 6


def test_ctrl_c_leaves_a_fresh_worker_to_the_build_that_started_it() -> None:
    """Ctrl-C reaches every process of the group; a worker neither dies nor prints a traceback
    (the build stops it and tells the user), and it still answers its next job."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "publish.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert worker.stdin is not None and worker.stdout is not None
    pickle.dump(partial(_apart_job, 1), worker.stdin)
    worker.stdin.flush()
    assert pickle.load(worker.stdout)[0] == 1  # the worker is serving
    pickle.dump(partial(time.sleep, 0.3), worker.stdin)
    worker.stdin.flush()
    time.sleep(0.1)
    worker.send_signal(signal.SIGINT)
    pickle.dump(partial(_apart_job, 7), worker.stdin)
    worker.stdin.close()
    results = [pickle.load(worker.stdout), pickle.load(worker.stdout)]
    assert worker.wait(timeout=10) == 0
    assert results[0] is None and results[1][0] == 7
    assert worker.stderr is not None and worker.stderr.read() == b""


@pytest.mark.parametrize("preload", [(), ("publish.khong_co_module_nay",)])
def test_a_worker_apart_that_dies_stops_the_run_with_a_message_not_a_hang(
    preload: tuple[str, ...],
) -> None:
    """A fresh worker killed mid-job (out of memory) or unable to start fails the build at once,
    with the message a forked worker's death gives (its exit code; never mistaken for a
    problem of the output folder)."""
    jobs = [(n, partial(os._exit, 3)) for n in range(4)]
    with pytest.raises(parallel.WorkerStopped, match="dừng bất ngờ") as raised:
        list(run_apart(jobs, preload=preload, ahead=2, min_jobs=2))
    assert "mã thoát" in str(raised.value)


def _slow(number: int) -> int:
    """A job slow enough that this process waits for the worker's chunks."""
    time.sleep(0.002)
    return number


def test_work_handed_over_is_done_here_while_the_workers_run_the_jobs() -> None:
    done: list[tuple[str, int]] = []

    def fails() -> None:
        raise ValueError("a warm-up that fails is dropped")

    tasks = [partial(lambda n: done.append(("task", n)), n) for n in range(3)]
    with parallel.meanwhile([tasks[0], fails, *tasks[1:]]):
        results = []
        for number in run_jobs([partial(_slow, n) for n in range(MIN_JOBS * 2)], chunk=4):
            results.append(number)
            done.append(("result", number))
    assert results == list(range(MIN_JOBS * 2))
    # Here (this list is this process's), in order, the failing one skipped, before the last
    # result: while the worker still had chunks to run.
    assert [item for item in done if item[0] == "task"] == [("task", n) for n in range(3)]
    assert done.index(("task", 2)) < done.index(("result", MIN_JOBS * 2 - 1))


def test_work_handed_over_without_a_pool_is_left_to_the_code_that_needs_it() -> None:
    done: list[int] = []
    with parallel.meanwhile([partial(done.append, 1)]):
        assert list(run_jobs([partial(_slow, n) for n in range(3)])) == [0, 1, 2]  # no pool
    assert done == []
    assert list(run_jobs([partial(_slow, n) for n in range(MIN_JOBS)], chunk=4)) == list(
        range(MIN_JOBS)
    )
    assert done == []  # forgotten when its block ended, not done by a later pool


def test_a_build_whose_worker_is_killed_fails_with_a_message_and_keeps_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The kernel kills a worker of a real build (out of memory): `publish build` ends with
    exit 1 and the Vietnamese message, no traceback, and output/ is the last build's."""
    from publish.cli import main
    from publish.render.web import qr
    from tests.helpers import snapshot

    root = tmp_path / "site"
    corpus = Path(__file__).parents[1] / "benchmarks" / "make_corpus.py"
    subprocess.run([sys.executable, str(corpus), str(root), "90"], check=True, capture_output=True)
    argv = ["build", "--root", str(root), "--now", "2030-01-01T00:00", "-q", "--channel", "web"]
    assert main(argv) == 0
    before = snapshot(root / "output")
    here, draw = os.getpid(), qr.QrCodes.svg

    def killed_in_a_worker(self: qr.QrCodes, *args: Any, **kwargs: Any) -> Any:
        if os.getpid() != here:
            os.kill(os.getpid(), signal.SIGKILL)
        return draw(self, *args, **kwargs)

    monkeypatch.setattr(qr.QrCodes, "svg", killed_in_a_worker)
    with open(root / "site.toml", "a", encoding="utf-8") as toml:
        toml.write("\n# mọi trang dựng lại\n")
    capsys.readouterr()
    assert main(argv) == 1
    told = capsys.readouterr().err
    assert "dừng bất ngờ" in told and "SIGKILL" in told and "Traceback" not in told, told
    assert snapshot(root / "output") == before


def _sigterm_disposition(number: int) -> tuple[int, int, object]:
    """The job's number, the process that ran it and what SIGTERM does there."""
    time.sleep(0.002)
    return number, os.getpid(), signal.getsignal(signal.SIGTERM)


def test_a_worker_forked_by_a_sync_that_takes_sigterm_as_ctrl_c_still_ends_on_it() -> None:
    """`publish sync` raises SIGTERM as a Ctrl+C in its own process (publish.stop_signal); a
    build worker forked meanwhile would inherit that and, signalled with the whole job by
    GitLab, print a KeyboardInterrupt traceback instead of ending quietly."""
    from publish.stop_signal import terminate_as_interrupt

    count = MIN_JOBS * 4
    with terminate_as_interrupt():
        here = signal.getsignal(signal.SIGTERM)
        results = list(run_jobs([partial(_sigterm_disposition, n) for n in range(count)], chunk=4))
    workers = {(pid, how) for _, pid, how in results if pid != os.getpid()}
    assert workers, "no job ran in a worker"
    assert {how for _, how in workers} == {signal.SIG_DFL}
    assert here not in (signal.SIG_DFL, signal.SIG_IGN)
