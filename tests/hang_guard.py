"""Hang guards: run a command in a fresh process whose CPU time is limited, not its wall time.

A crafted input that once stalled a check for minutes is run in a subprocess that may use at most
`CPU_LIMIT` seconds of CPU: a quadratic regression burns through it wherever it runs. A wall-clock
timeout also fired on the CI machine under a load of 12-14 on two cores, where a run of 3 s of CPU
took over 15 s; the wall backstop left here only ends a child that waits without computing.
"""

from __future__ import annotations

import contextlib
import resource
import signal
import subprocess
import sys
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
    is still running after the wall backstop; its output is captured as text."""
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
            pytest.fail(f"still running after {WALL_BACKSTOP} s (wall time) without using its CPU")
    if process.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        pytest.fail(f"used more than {cpu} s of CPU (a hang or a quadratic search)")
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def run_python_guarded(
    code: str, *, cwd: Path | None = None, cpu: int = CPU_LIMIT
) -> subprocess.CompletedProcess[str]:
    """Run Python `code` in a fresh interpreter as `run_guarded` does, failing the test if it
    raises."""
    done = run_guarded([sys.executable, "-c", code], cwd=cwd, cpu=cpu)
    assert done.returncode == 0, done.stderr[-2000:]
    return done
