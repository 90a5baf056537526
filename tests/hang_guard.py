"""Hang guards: run a command in a fresh process whose CPU time is limited, not its wall time.

A crafted input that once stalled a check for minutes is run in a subprocess that may use at most
`CPU_LIMIT` seconds of CPU: a quadratic regression burns through it wherever it runs. A wall-clock
timeout also fired on the CI machine under a load of 12-14 on two cores, where a run of 3 s of CPU
took over 15 s; the wall backstop left here only ends a child that waits without computing.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import multiprocessing
import multiprocessing.forkserver
import os
import resource
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

__all__ = ["CPU_LIMIT", "run_guarded", "run_python_guarded"]

CPU_LIMIT = 15
"""Seconds of CPU a guarded run may use: each input guarded took from 30 s to forever before its
fix, and from 0.1 to 3 s after it."""
WALL_BACKSTOP = 20 * CPU_LIMIT
"""Seconds of wall time after which a guarded run is ended anyway: a CPU-bound child on a machine
loaded twenty times over its cores still finishes inside it."""


def run_guarded(
    command: list[str], *, cwd: Path | None = None, cpu: int = CPU_LIMIT
) -> subprocess.CompletedProcess[str]:
    """Run `command` with at most `cpu` seconds of CPU, failing the test if it needs more or if it
    is still running after the wall backstop; its output is captured as text. `python -m
    publish …` and `python -c …` start from a process that has already imported publish."""
    if command[:2] == [sys.executable, "-c"] or command[:3] == [sys.executable, "-m", "publish"]:
        return _run_forked(command, cwd, cpu)
    with subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        # Set from here rather than in preexec_fn, which makes subprocess fork a test process
        # that may hold threads; CPU used before the call counts against the limit all the same.
        with contextlib.suppress(ProcessLookupError):  # already ended: nothing to limit
            resource.prlimit(process.pid, resource.RLIMIT_CPU, (cpu, cpu + 5))
        try:
            out, err = process.communicate(timeout=WALL_BACKSTOP)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            _fail_waiting()
    _fail_burning(process.returncode, cpu)
    return subprocess.CompletedProcess(command, process.returncode, out, err)


PRELOADED = [
    "publish.cli",
    "publish.commands.check",
    "publish.commands.init",
    "publish.commands.serve",
    "publish.commands.sync",
    "publish.pipeline",
    "publish.render.radio",
    "publish.render.web",
    "publish.render.zalo",
    "publish.serve",
    "publish.sync.radio",
    "publish.sync.zalo",
    "tests.hang_guard",
    "tests.forked",
    "tests.fork_server_warmup",
]
"""What the parent process of guarded runs and of tests/forked.py's commands imports once: a
fresh interpreter spent ~1 s of CPU importing publish for each of ~150 guarded runs and ~300
`python -m publish` commands in the suite. The channels' renderers, which the pipeline imports
only when a command checks or builds (radio's ~600 patterns, Jinja, Markdown), cost each such
command another ~0.5 s, and compiling the built-in theme ~0.23 s (tests/fork_server_warmup.py).
The browser tests fork `publish serve`, whose command module and server are listed too."""


@functools.cache
def _forks() -> multiprocessing.context.ForkServerContext:
    """The fork server the guarded runs start from: a single-threaded process of its own (not
    this one, whose threads a fork could leave deadlocked), started on first use."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOADED)
    # Python 3.11 leaves the server running past the test process, unreaped: its CPU (and the
    # children's it reaps) then escapes `time pytest …`, which measures the suite.
    # _stop is private (no stub has it), the one way to stop that server.
    atexit.register(multiprocessing.forkserver._forkserver._stop)  # type: ignore[attr-defined]
    return context


def _run_forked(command: list[str], cwd: Path | None, cpu: int) -> subprocess.CompletedProcess[str]:
    """`python -c CODE` or `python -m publish ARGS` in a process forked from the fork server, as
    run_guarded runs a command."""
    with tempfile.TemporaryDirectory(prefix="guarded-") as folder:
        out, err = Path(folder, "out"), Path(folder, "err")
        # The test's folder and environment now, not the fork server's from when it started.
        where = str(cwd) if cwd is not None else os.getcwd()
        arguments = (command[1:], where, dict(os.environ), cpu, out, err)
        process = _forks().Process(target=_guarded, args=arguments)
        process.start()
        process.join(WALL_BACKSTOP)
        if process.is_alive():
            process.kill()
            process.join()
            _fail_waiting()
        code = process.exitcode
        assert code is not None
        _fail_burning(code, cpu)
        texts = [path.read_text(encoding="utf-8") for path in (out, err)]
    return subprocess.CompletedProcess(command, code, *texts)


def _guarded(
    arguments: list[str], cwd: str, env: dict[str, str], cpu: int, out: Path, err: Path
) -> None:
    """In the forked process: limit its CPU, then run the arguments as tests.forked runs a
    command (`-c CODE` or `-m publish ARGS`, output to `out` and `err`)."""
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    from tests.forked import _child  # preloaded; tests.forked imports this module

    _child(arguments, cwd, env, out, err)


def _fail_waiting() -> None:
    """Fail the test: the run outlived the wall backstop."""
    pytest.fail(f"still running after {WALL_BACKSTOP} s (wall time) without using its CPU")


def _fail_burning(returncode: int, cpu: int) -> None:
    """Fail the test when the run was ended for the CPU it used."""
    if returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        pytest.fail(f"used more than {cpu} s of CPU (a hang or a quadratic search)")


def run_python_guarded(
    code: str, *, cwd: Path | None = None, cpu: int = CPU_LIMIT
) -> subprocess.CompletedProcess[str]:
    """Run Python `code` in a fresh interpreter as `run_guarded` does, failing the test if it
    raises."""
    done = run_guarded([sys.executable, "-c", code], cwd=cwd, cpu=cpu)
    assert done.returncode == 0, done.stderr[-2000:]
    return done
