"""Run pure per-item jobs over both cores, results streamed back in order.

Renderers hand over a list of zero-argument jobs (closures over the loaded site). Worker
processes are forked after the jobs exist, so they inherit the site and the jobs as they are:
nothing is pickled on the way in, only each job's result on the way back. Results arrive in job
order, a few chunks ahead at most, so memory stays bounded whatever the site's size.

`PUBLISH_WORKERS` sets the number of processes (1 = everything in this process). This process
is one of them: it runs a chunk itself whenever the next result it needs is not ready yet, so
one core's worth of work never crosses a pipe and one fewer copy of the site is alive (each
worker ends up holding private copies of the memory pages it touched). With fewer than
`MIN_JOBS` jobs, without `fork` (Windows, macOS default) or when other threads are running
(forking a threaded process can deadlock), the jobs run here, one after another.
`PUBLISH_MEMORY_MB` sets the memory above which workers are replaced (see MEMORY_LIMIT_MB).
Each worker has a pipe for its chunks and one for their results, which this thread reads when
it needs them (see _Helper): no thread of this process runs beside it. A worker that dies (the
kernel killing it for memory) stops the run with a message (WorkerStopped), never a hang.

`meanwhile` hands this process work of its own to do while the workers are busy (imports,
compiling templates): what it would otherwise do alone, with the other core idle.

`run_apart` is for the few jobs that allocate much (Word files): they go to new Python
processes (`publish.worker`) that share nothing with this one, pickled both ways.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import multiprocessing
import os
import pickle
import select
import signal
import subprocess
import sys
import threading
import time
import typing
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TypeVar

try:
    import fcntl
except ImportError:  # Windows: no fork either, so no pool
    fcntl = None  # type: ignore[assignment]

from publish.cores import workers
from publish.errors import PublishError
from publish.job_outcome import Failed, call

__all__ = [
    "APART_MIN_JOBS",
    "MIN_JOBS",
    "WorkerStopped",
    "meanwhile",
    "memory_limit",
    "run_apart",
    "run_jobs",
    "workers",
]

T = TypeVar("T")
C = TypeVar("C")
MIN_JOBS = 64
"""Below this many jobs, starting processes costs more than it saves."""
APART_MIN_JOBS = 16
"""Below this many jobs, `run_apart` runs them here: a fresh worker costs ~0.3 s of CPU to start
(Python, python-docx, lxml) while a Word file takes ~50 ms here, so two workers only pay back
their start (in time, never in CPU) from about 16 files. The 17-bulletin sample's 15 Word files
took 4.8 s of CPU cold with two workers, ~4.0 s here."""

MEMORY_LIMIT_MB = 300
"""Memory (proportional set size of this process and its workers, in MB) above which a worker
holding pages of its own is replaced by a fresh fork; PUBLISH_MEMORY_MB sets another. A worker
touching the parent's objects (reference counts) copies the memory pages they live in, so over
a 10,000-bulletin build it came to hold a private copy of much of the site; a fresh fork starts
again from the shared pages. But every fork costs this process too: each page it writes
afterwards faults once more (the pages are shared again), and it touches much of the site
while it renders its own chunks. Replaced every RECYCLE_CHUNKS, as before this limit, the
workers of a 10,000-bulletin cold web build were forked 37 times, this process took ~480,000
page faults and the whole tree ~800,000 (sys time 4.2 s of 40 s CPU); replaced only when the
memory calls for it, the same build forked 6 times, the tree took ~255,000 faults and ~2 s less
(peak PSS 232 → 266 MB).

Workers are replaced by new ones forked from this thread once the old ones' results are all
taken, never from another thread (as multiprocessing.Pool's `maxtasksperchild` did): that forks
at any moment, and a child forked while this thread was inside sqlite inherited sqlite's lock
held and hung."""

CHECK_SECONDS = 0.5
"""Least time between two looks at the memory (reading a worker's smaps_rollup walks its page
tables: ~2-3 ms at 10,000 bulletins)."""
LOOK_BYTES = 16 << 20
"""Bytes a worker faults in (see `_faulted`) before the memory is looked at again sooner."""
OWN_MIN = 16 << 20
"""Bytes a worker must hold of its own before replacing it is worth a fork: when this process
alone is over the limit, new workers would not bring it down."""
RECYCLE_CHUNKS = 32
"""Where the memory cannot be read (no /proc/<pid>/smaps_rollup), the chunks a worker runs
before a fresh one replaces it."""
_SMAPS = "/proc/{pid}/smaps_rollup"
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

RESULT_PIPE_BYTES = 1 << 20
"""Size asked for the pipe that carries results back (Linux; its default is 64 KB). A chunk of
pages comes back as ~0.5 MB: through 64 KB the worker waited until this process had read it
piece by piece, while this process ran a chunk itself (then through multiprocessing.Pool's
result thread, which needed the GIL this thread held). In the listing pages of a cold build the
worker so waited a third of its time; with the wider pipe a 10,000-bulletin cold build took
~1.2 s less (2 cores). A worker can so be a whole chunk ahead of this process's reading."""

_JOBS: Sequence[Callable[[], object]] = ()
"""The jobs of the current run, inherited by the forked workers."""


def _widen_result_pipe(results: Connection) -> None:
    """Let a worker write a whole chunk's results without waiting for them to be read (best
    effort: Linux only; without it only speed is lost)."""
    setting = getattr(fcntl, "F_SETPIPE_SZ", None)
    if setting is None:
        return
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/sys/fs/pipe-max-size", encoding="ascii") as handle:
            allowed = int(handle.read())
        fcntl.fcntl(results.fileno(), setting, min(RESULT_PIPE_BYTES, allowed))


def memory_limit() -> int:
    """Bytes of memory the build aims to stay under: PUBLISH_MEMORY_MB, else MEMORY_LIMIT_MB."""
    wanted = os.environ.get("PUBLISH_MEMORY_MB", "").strip()
    return (int(wanted) if wanted.isdigit() and int(wanted) > 0 else MEMORY_LIMIT_MB) << 20


def _private(pid: int | str) -> int | None:
    """The private dirty bytes of a process (smaps_rollup), or None where unreadable."""
    try:
        with open(_SMAPS.format(pid=pid), "rb") as handle:
            for line in handle:
                if line.startswith(b"Private_Dirty:"):
                    return int(line.split()[1]) << 10
    except (OSError, ValueError, IndexError):
        return None
    return None


def _resident() -> int | None:
    """This process's resident bytes (/proc/self/statm: cheap), or None where unreadable."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


def _faulted(pids: Sequence[int]) -> int:
    """The most bytes any of the worker processes `pids` faulted in since it was forked (its
    minor page faults, /proc/<pid>/stat: cheap to read, but counting again what it freed and
    took back); 0 where unreadable."""
    most = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as handle:
                most = max(most, int(handle.read().rsplit(b")", 1)[1].split()[7]))
        except (OSError, IndexError, ValueError):
            continue
    return most * _PAGE


class _MemoryWatch:
    """Decides when a pool's workers are to be replaced to keep the memory under a limit."""

    def __init__(self, limit: int) -> None:
        """Nothing read yet; `watching` tells whether the memory can be read here at all."""
        self.limit = limit
        # Whether smaps_rollup is there, not read: reading walks this process's page tables.
        self.watching = _resident() is not None and os.access(_SMAPS.format(pid="self"), os.R_OK)
        self.restart()

    def restart(self) -> None:
        """Start over for a freshly forked pool."""
        self.looked = time.monotonic()
        self.faulted = 0
        self.total: int | None = None

    def over(self, pids: Sequence[int]) -> bool:
        """Whether the memory of this process and its workers `pids` is over the limit, or would
        be by the next look at the pace it grew since the last (a worker finishes the chunks
        it has before it is replaced, and this process copies what it shared meanwhile), with
        a worker holding enough of its own for a fresh one to bring it down.

        Looks every CHECK_SECONDS, and sooner once a worker faulted LOOK_BYTES since the last
        look: rendering list pages, both processes came to hold ~100 MB more in 0.35 s."""
        faulted = _faulted(pids)
        if time.monotonic() - self.looked < CHECK_SECONDS and faulted - self.faulted < LOOK_BYTES:
            return False
        self.looked, self.faulted = time.monotonic(), faulted
        # The pages this process shared with its workers when it forked them are either still
        # shared or now private on both sides (whichever side wrote one, each holds a version):
        # the proportional set size of all is this process's resident size plus what each
        # worker holds privately. Read so, a look walks the page tables of the workers only.
        mine = _resident()
        theirs = [_private(pid) for pid in pids]
        if mine is None or None in theirs:
            return False
        owned = [t for t in theirs if t is not None]
        total = mine + sum(owned)
        growth = max(0, total - self.total) if self.total is not None else 0
        self.total = total
        return total + growth > self.limit and max(owned, default=0) >= OWN_MIN


def _can_fork() -> bool:
    """Whether forking is available and safe here."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


_ASIDE: deque[Callable[[], object]] = deque()
"""Work `meanwhile` handed over, not done yet (see `_aside`)."""
_ASIDE_PID = 0
"""The process that handed it over (a forked worker inherits the queue, never does the work)."""


@contextlib.contextmanager
def meanwhile(tasks: Iterable[Callable[[], object]]) -> Iterator[None]:
    """Within the block, this process does `tasks` (in order, one at a time) whenever a pool of
    `run_jobs` has the next result not ready yet, instead of running a chunk of jobs itself: the
    workers' core is busy meanwhile, where the code after the pool would have done them alone.

    Each task is a warm-up whose effect the code needing it redoes or finds done (an import, a
    template compiled into the process's cache): a task may never run (no pool, or none long
    enough), and one that fails is dropped silently (what needs it fails again, and says why,
    where it always did). Tasks not done are forgotten when the block ends."""
    global _ASIDE_PID
    _ASIDE.extend(tasks)
    _ASIDE_PID = os.getpid()
    try:
        yield
    finally:
        _ASIDE.clear()


def _aside() -> bool:
    """Do the next task `meanwhile` handed over, if any in this process: whether one was done."""
    if not _ASIDE or os.getpid() != _ASIDE_PID:
        return False
    task = _ASIDE.popleft()
    # See meanwhile: what needs the task's work fails again where it always did, and says why.
    with contextlib.suppress(Exception):
        task()
    return True


_AFTER_CHUNK: Callable[[], None] | None = None
"""What the current run calls after each chunk, inherited by the forked workers."""


def _run_chunk(start: int, stop: int) -> list[object]:
    """Results of jobs[start:stop] (runs in a worker); an exception comes back as Failed."""
    results: list[object] = []
    try:
        for i in range(start, stop):
            results.append(call(_JOBS[i]))
            if isinstance(results[-1], Failed):
                break
    finally:
        if _AFTER_CHUNK is not None:
            _AFTER_CHUNK()
    return results


def run_jobs(
    jobs: Sequence[Callable[[], T]],
    *,
    chunk: int = 16,
    after_chunk: Callable[[], None] | None = None,
    recycle: int = RECYCLE_CHUNKS,
    min_jobs: int = MIN_JOBS,
) -> Generator[T, None, None]:
    """Each job's result, in order; in forked worker processes when that pays off.

    `after_chunk` runs in the process that ran a chunk of jobs, after it (also after a failed
    job): e.g. to write what the jobs kept in memory before the worker goes away. Workers are
    replaced when the memory is over `memory_limit()` (see MEMORY_LIMIT_MB); where it cannot be
    read, after `recycle` chunks each (fewer for jobs that each touch much of the site).
    `min_jobs`: below this many, the jobs run here (fewer for long jobs).
    """
    global _JOBS, _AFTER_CHUNK
    count = workers()
    if count < 2 or len(jobs) < min_jobs or not _can_fork():
        for start in range(0, len(jobs), chunk):
            try:
                for job in jobs[start : start + chunk]:
                    yield job()
            finally:
                if after_chunk is not None:
                    after_chunk()
        return
    if after_chunk is not None:
        after_chunk()  # nothing pending is inherited by (and so written twice from) the workers
    previous, _JOBS = _JOBS, jobs
    previous_after, _AFTER_CHUNK = _AFTER_CHUNK, after_chunk
    bounds = deque((i, min(i + chunk, len(jobs))) for i in range(0, len(jobs), chunk))
    # Objects that exist now are never collected in the workers: a collection there would write
    # to every inherited object's header and so copy the parent's pages into each worker.
    gc.freeze()
    helpers = count - 1  # this process is the last of `count`
    team = _Team(helpers)
    window = 2 * helpers + 2
    watch = _MemoryWatch(memory_limit())
    quota = sys.maxsize if watch.watching else max(1, recycle) * helpers
    pending: deque[_Helper | list[object]] = deque()
    queued = 0  # chunks of `pending` given to the workers
    given = 0  # chunks given to this team
    try:
        while bounds or pending:
            if watch.watching and given < quota and watch.over(team.pids()):
                given = quota  # no more chunks for these workers; replaced once idle
            if given >= quota and not queued and bounds:
                team.end()  # every result taken: its workers are idle
                gc.freeze()  # as above, for what this process made since
                team = _Team(helpers)
                given = 0
                watch.restart()
            # Bounded windows of chunks in flight: results never pile up faster than consumed.
            while bounds and queued < window and given < quota:
                pending.append(team.give(bounds.popleft()))
                queued += 1
                given += 1
            head = pending[0]
            if isinstance(head, _Helper) and not head.ready():
                # Rather than wait, do work handed over for busy workers (it must be done here
                # anyway, after them: see meanwhile), else run the next chunk here; its
                # results wait for their turn.
                if _aside():
                    continue
                if bounds and len(pending) - queued < window:
                    pending.append(_run_chunk(*bounds.popleft()))
                    continue
            pending.popleft()
            if isinstance(head, _Helper):
                queued -= 1
                results = head.take()
            else:
                results = head
            for result in results:
                if isinstance(result, Failed):
                    result.reraise()
                yield result  # type: ignore[misc]
        team.end()
    finally:
        team.end(kill=True)
        gc.unfreeze()
        _JOBS, _AFTER_CHUNK = previous, previous_after


_HELD: list[Connection] = []
"""This process's ends of the pipes of its live workers: a worker forked later closes them
(see _serve), so that each worker's pipes have no other holder than this process and it."""


class _Helper:
    """One worker process forked from this one. Chunks of jobs go to it through one pipe and
    their results come back through another, read by this thread when it needs them: no
    thread of this process hands out work or reads results (multiprocessing.Pool's three did:
    its worker handler spun while a result waited unread, ~0.6 s of a cold 10,000-bulletin
    build's busiest process, and a worker killed mid-chunk left the build waiting forever)."""

    def __init__(self) -> None:
        """Fork the worker; it waits for its first chunk."""
        context = multiprocessing.get_context("fork")
        given, self.tasks = context.Pipe(duplex=False)
        self.results, sent = context.Pipe(duplex=False)
        # The worker closes this process's ends of every pipe, its own too: were it to hold
        # the writing end of its own tasks, it would wait for them for ever once this ended.
        others = (*_HELD, self.tasks, self.results)
        self.process: BaseProcess = context.Process(
            target=_serve, args=(given, sent, others), daemon=True
        )
        try:
            self.process.start()
        except BaseException:
            self.tasks.close()
            self.results.close()
            raise
        finally:
            given.close()  # the worker's ends: its death now ends the results pipe
            sent.close()
        _HELD.extend((self.tasks, self.results))
        _widen_result_pipe(self.results)
        # One poll object for all the looks at the results (Connection.poll makes a selector
        # each time); it also says so when the worker ended (POLLHUP).
        self.poller = select.poll()
        self.poller.register(self.results.fileno(), select.POLLIN)
        self.waiting = 0
        """Chunks given whose results are not taken yet."""

    def give(self, chunk: tuple[int, int]) -> None:
        """Send a chunk (jobs[start:stop]) to run after those it has."""
        try:
            self.tasks.send(chunk)
        except OSError:
            self._stopped()
        self.waiting += 1

    def ready(self) -> bool:
        """Whether the result of its oldest chunk has come (or it ended: `take` then says so)."""
        return bool(self.poller.poll(0))

    def take(self) -> list[object]:
        """The results of its oldest chunk not taken yet (waiting for them)."""
        try:
            results: list[object] = self.results.recv()
        except (EOFError, OSError):
            self._stopped()
        self.waiting -= 1
        return results

    def _stopped(self) -> typing.NoReturn:
        """Raise what the user is told when the worker ended before its work was done."""
        self.process.join(timeout=5)
        raise WorkerStopped(self.process.exitcode)

    def end(self, *, kill: bool = False) -> None:
        """Let the worker finish (it is idle) or kill it, and wait for it to end."""
        for connection in (self.tasks, self.results):
            with contextlib.suppress(ValueError):
                _HELD.remove(connection)
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.tasks.send(None)
        self.process.join()
        self.tasks.close()
        self.results.close()


class _Team:
    """The worker processes of a run, each forked from this thread between chunks (never from
    another thread: a child forked while this thread was inside sqlite inherited its lock held
    and hung)."""

    def __init__(self, count: int) -> None:
        """Fork `count` workers."""
        self.helpers: list[_Helper] = []
        try:
            for _ in range(count):
                self.helpers.append(_Helper())
        except BaseException:
            self.end(kill=True)
            raise

    def give(self, chunk: tuple[int, int]) -> _Helper:
        """Give a chunk to the worker with the fewest waiting; that worker."""
        helper = min(self.helpers, key=lambda h: h.waiting)
        helper.give(chunk)
        return helper

    def pids(self) -> list[int]:
        """The workers' process ids."""
        return [h.process.pid for h in self.helpers if h.process.pid is not None]

    def end(self, *, kill: bool = False) -> None:
        """End the workers once they are idle (every result taken), or `kill` them now
        whatever they are doing; nothing when they were ended already."""
        helpers, self.helpers = self.helpers, []
        for helper in helpers:
            helper.end(kill=kill)


def _serve(given: Connection, sent: Connection, inherited: tuple[Connection, ...]) -> None:
    """A worker's loop: run each chunk it is given and send back its results, until told to
    stop (None) or this process's end of its pipe is closed."""
    for connection in inherited:
        connection.close()
    # Ctrl-C reaches every process of the group: the build stops its workers and tells the
    # user, instead of each worker printing a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Forked from a sync that takes SIGTERM as a Ctrl+C (publish.stop_signal): a worker still
    # ends on it at once, as one started fresh does; the sync stops its build itself.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            chunk = given.recv()
        except EOFError:
            return
        if chunk is None:
            return
        results = _run_chunk(*chunk)
        try:
            sent.send(results)
        except OSError:
            return  # this process is gone: nobody reads the results
        except Exception as exc:  # a result that cannot be pickled (a bug): said as one, here
            sent.send([Failed(exc)])


class WorkerStopped(PublishError):
    """A worker process of a build ended before its work was done (killed, out of memory)."""

    def __init__(self, exitcode: int | None) -> None:
        """The message for a worker that ended with `exitcode` (negative: by that signal)."""
        if exitcode is not None and exitcode < 0:
            name = _signal_name(-exitcode)
            why = f"hệ điều hành dừng nó bằng tín hiệu {name}"
            if -exitcode == getattr(signal, "SIGKILL", 9):
                why += ", thường vì máy hết bộ nhớ"
        elif exitcode is None:
            why = "không rõ vì sao"
        else:
            why = f"mã thoát {exitcode}"
        super().__init__(
            f"Một tiến trình dựng song song đã dừng bất ngờ ({why}), nên lần dựng dừng lại; "
            "thư mục đầu ra vẫn giữ nguyên như trước. Cách sửa: chạy lại lệnh. Nếu lỗi lặp "
            "lại, máy có thể thiếu bộ nhớ: chạy với biến môi trường PUBLISH_WORKERS=1 (một "
            "tiến trình, chậm hơn nhưng tốn ít bộ nhớ hơn) hoặc tăng bộ nhớ cho máy hay máy CI."
        )


def _signal_name(number: int) -> str:
    """A signal's name ("SIGKILL"), or its number where it has none here."""
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


class _Fresh:
    """Worker processes started anew (`python -m publish.worker`): jobs go in and results come
    out pickled through their standard input and output, one job at a time each."""

    def __init__(self, count: int, preload: Sequence[str]) -> None:
        """Start `count` workers, each importing `preload` while it waits for its first job."""
        home = str(Path(__file__).resolve().parents[1])  # the folder `publish` is imported from
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (home, env.get("PYTHONPATH")) if p)
        argv = [sys.executable, "-m", "publish.worker", *preload]
        self.processes: list[subprocess.Popen[bytes]] = []
        try:
            for _ in range(count):
                self.processes.append(
                    subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
                )
        except BaseException:
            self.close(failed=True)
            raise
        self.busy = [False] * count

    def send(self, worker: int, job: Callable[[], object]) -> None:
        """Give a worker with no job in flight its next job."""
        stream = self.processes[worker].stdin
        assert stream is not None and not self.busy[worker]
        try:
            pickle.dump(job, stream, protocol=pickle.HIGHEST_PROTOCOL)
            stream.flush()
        except OSError:  # it ended (e.g. failed to start): not a problem of output/
            self._stopped(worker)
        self.busy[worker] = True

    def result(self, worker: int) -> object:
        """The result of a worker's job in flight (waiting for it); its error raised here."""
        stream = self.processes[worker].stdout
        assert stream is not None and self.busy[worker]
        try:
            result = pickle.load(stream)
        except (EOFError, pickle.UnpicklingError):
            self._stopped(worker)
        self.busy[worker] = False
        if isinstance(result, Failed):
            result.reraise()
        return result

    def _stopped(self, worker: int) -> typing.NoReturn:
        """Raise what the user is told when a worker ended before its job was done (killed
        for memory while building a Word file, or unable to start)."""
        process = self.processes[worker]
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)
        raise WorkerStopped(process.returncode)

    def close(self, *, failed: bool = False) -> None:
        """End the workers: their input closed they exit; killed when something failed."""
        for process in self.processes:
            if failed:
                process.kill()
            with contextlib.suppress(OSError):
                if process.stdin is not None:
                    process.stdin.close()
        for process in self.processes:
            process.wait()
            if process.stdout is not None:
                process.stdout.close()


def run_apart(
    jobs: Iterable[tuple[C, Callable[[], T] | None]],
    *,
    preload: Sequence[str] = (),
    ahead: int = 8,
    min_jobs: int = APART_MIN_JOBS,
) -> Iterator[tuple[C, T | None]]:
    """Each (context, job) as (context, the job's result), in order (None for no job), the jobs
    run in fresh processes that share no memory with this one, at most `ahead` laid out.

    For jobs that allocate much while this process holds much: a worker forked from here writes
    into the free space of the heap it inherited and so copies its pages (building one Word file
    made each worker copy ~85 MB of a 10,000-bulletin build). These workers are new Python
    processes that import only `preload` and what the jobs need; jobs and results are pickled.
    While they work, this process makes the next jobs (`jobs` is read lazily). With one worker,
    fewer than `min_jobs` jobs in all, or no Python interpreter to start, the jobs run here.
    To know, up to `min_jobs` jobs are looked at first (at most `ahead + 4 * min_jobs` contexts,
    so a large site whose Word files are nearly all kept is not read in whole before starting).
    """
    pending = iter(jobs)
    first: list[tuple[C, Callable[[], T] | None]] = []
    found = 0
    for item in pending:
        first.append(item)
        found += item[1] is not None
        if found >= min_jobs or len(first) >= ahead + 4 * min_jobs:
            break
    few = found < min_jobs
    if workers() < 2 or few or not sys.executable:  # no interpreter to start (embedded Python)
        for context, job in itertools.chain(first, pending):
            yield context, (job() if job is not None else None)
        return
    team = _Fresh(workers(), preload)
    failed = True
    try:
        # In job order; a worker has one job in flight at most, so neither side can block
        # writing to the other while the other is blocked writing back.
        waiting: deque[tuple[C, int | None]] = deque()
        turn = itertools.cycle(range(len(team.processes)))
        for context, job in itertools.chain(first, pending):
            worker = None
            if job is not None:
                worker = next(turn)
                while team.busy[worker]:
                    yield _taken(team, *waiting.popleft())
                team.send(worker, job)
            waiting.append((context, worker))
            while len(waiting) > ahead:
                yield _taken(team, *waiting.popleft())
        while waiting:
            yield _taken(team, *waiting.popleft())
        failed = False
    finally:
        team.close(failed=failed)


def _taken(team: _Fresh, context: C, worker: int | None) -> tuple[C, T | None]:
    """The context and the result of its job (None when it had none)."""
    return context, None if worker is None else team.result(worker)  # type: ignore[return-value]
