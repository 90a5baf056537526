#!/usr/bin/env python3
"""Where a build leaves a core idle: the CPU of the main process and of its workers, inside each
pool of `publish.parallel.run_jobs` and in the gaps between them (when only the main process
works, whatever the number of cores).

Usage (from the repository, with the project venv active; PYTHONPATH picks the tool's copy):
    python benchmarks/idle_cores.py CORPUS [--rounds 3] [--baseline /tmp/main-copy] [-- build args]
    e.g. python benchmarks/idle_cores.py /dev/shm/c1000 --baseline /tmp/P2-main -- --channel web

Each round copies CORPUS afresh (a cold build: no .cache/, no output/) and runs `python -m
publish build … --now "2030-01-01 00:00" -q`, this tree and the baseline alternately (first one,
then the other, then the other way round: the second build of a pair ran slower on a shared
machine). The CPU of each process comes from /proc/<pid>/stat every 20 ms; the pools' start and
end from a sitecustomize hook that wraps run_jobs in the build's process (measurement only).
Printed per build: wall, CPU of the tree, load average, then per pool and gap the wall time and
the CPU of the main process and of the workers; last the medians of the main process's CPU
outside the pools ("serial"), which no second core can help with.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
TICK = os.sysconf("SC_CLK_TCK")
HOOK = textwrap.dedent(
    '''
    """Log the windows of run_jobs pools (start, end, jobs, pooled) to $IDLE_CORES_LOG."""
    import os, time
    _log = os.environ.get("IDLE_CORES_LOG")
    if _log:
        import publish.parallel as _p
        _run = _p.run_jobs
        _pid = os.getpid()

        def run_jobs(jobs, **kw):
            pooled = _p.workers() >= 2 and len(jobs) >= kw.get("min_jobs", _p.MIN_JOBS)

            def gen():
                start = time.monotonic()
                try:
                    yield from _run(jobs, **kw)
                finally:
                    if pooled and os.getpid() == _pid:
                        with open(_log, "a") as f:
                            f.write(f"{start}\\t{time.monotonic()}\\t{len(jobs)}\\n")

            return gen()

        _p.run_jobs = run_jobs
    '''
)


def _tree(root: int) -> dict[int, int]:
    """CPU ticks (user+sys) of `root` and every descendant, by pid."""
    children: dict[int, list[tuple[int, int]]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                rest = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(rest[1]), []).append((int(entry), int(rest[11]) + int(rest[12])))
    found: dict[int, int] = {}
    try:
        with open(f"/proc/{root}/stat", encoding="ascii", errors="replace") as handle:
            rest = handle.read().rsplit(")", 1)[1].split()
        found[root] = int(rest[11]) + int(rest[12])
    except OSError:
        pass
    todo = [root]
    while todo:
        for pid, ticks in children.get(todo.pop(), []):
            found[pid] = ticks
            todo.append(pid)
    return found


@dataclass
class Measured:
    """One sampled build: its exit code, wall and CPU seconds, the load average when it started,
    each pool and gap (label, wall, CPU of the main process, CPU of the workers), and the main
    process's CPU outside the pools."""

    rc: int
    wall: float
    cpu: float
    load: float
    rows: list[tuple[str, float, float, float]]
    serial: float


def one_build(corpus: Path, tree: Path, args: list[str], hook: Path) -> Measured:
    """One cold build of a fresh copy of `corpus` with the tool in `tree`, sampled."""
    work = Path(
        tempfile.mkdtemp(
            prefix="idle-cores-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None
        )
    )
    shutil.rmtree(work)
    shutil.copytree(corpus, work)
    log = work / ".windows.tsv"
    env = dict(os.environ, PYTHONPATH=f"{hook}{os.pathsep}{tree}", IDLE_CORES_LOG=str(log))
    command = [sys.executable, "-m", "publish", "build", *args, "--now", "2030-01-01 00:00", "-q"]
    load = os.getloadavg()[0]
    before = os.times()
    started = time.monotonic()
    process = subprocess.Popen(
        command, cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    samples: list[tuple[float, int, int]] = []  # time, main ticks, worker ticks (cumulative)
    last: dict[int, int] = {}
    while process.poll() is None:
        last.update(_tree(process.pid))
        main = last.get(process.pid, 0)
        samples.append((time.monotonic(), main, sum(last.values()) - main))
        time.sleep(0.02)
    ended = time.monotonic()
    after = os.times()
    windows = []
    if log.exists():
        windows = [tuple(map(float, line.split("\t"))) for line in log.read_text().splitlines()]
    shutil.rmtree(work, ignore_errors=True)

    def at(moment: float) -> tuple[float, float]:
        """CPU seconds (main, workers) by `moment` (the last sample before it)."""
        best = (0.0, 0, 0)
        for sample in samples:
            if sample[0] > moment:
                break
            best = sample
        return best[1] / TICK, best[2] / TICK

    spans: list[tuple[str, float, float]] = []
    mark = started
    for start, end, jobs in windows:
        spans += [("gap", mark, start), (f"pool {int(jobs)}", start, end)]
        mark = end
    spans.append(("tail", mark, ended))
    rows = []
    serial = 0.0
    for label, start, end in spans:
        (m0, w0), (m1, w1) = at(start), at(end)
        rows.append((label, end - start, m1 - m0, w1 - w0))
        if not label.startswith("pool"):
            serial += m1 - m0
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return Measured(process.returncode, ended - started, cpu, load, rows, serial)


def main() -> int:
    """Alternate builds of this tree and the baseline; print each and the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another copy of the tool (e.g. main)")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:cut])
    args.build_args = argv[cut + 1 :]  # after --: arguments of publish build
    trees = {"this": HERE.parent}
    if args.baseline is not None:
        trees["baseline"] = args.baseline.resolve()
    hook = Path(tempfile.mkdtemp(prefix="idle-cores-hook-"))
    (hook / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    results: dict[str, list[Measured]] = {name: [] for name in trees}
    try:
        for round_ in range(args.rounds):
            names = list(trees) if round_ % 2 == 0 else list(reversed(trees))
            for name in names:
                found = one_build(args.corpus, trees[name], args.build_args, hook)
                results[name].append(found)
                print(
                    f"round {round_ + 1} {name}: rc {found.rc} wall {found.wall:.2f} s, CPU "
                    f"{found.cpu:.2f} s, load {found.load:.2f}; main process outside pools "
                    f"{found.serial:.2f} s"
                )
                for label, wall, main_cpu, workers in found.rows:
                    print(
                        f"    {label:10s} {wall:6.2f} s wall  main {main_cpu:5.2f}  workers {workers:5.2f}"
                    )
                sys.stdout.flush()
    finally:
        shutil.rmtree(hook, ignore_errors=True)
    for name, runs in results.items():
        print(
            f"{name}: medians wall {statistics.median(r.wall for r in runs):.2f} s, CPU "
            f"{statistics.median(r.cpu for r in runs):.2f} s, main process outside pools "
            f"{statistics.median(r.serial for r in runs):.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
