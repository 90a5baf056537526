#!/usr/bin/env python3
"""How many cores a command keeps busy, moment by moment: the CPU its whole process tree used in
each step of time (from /proc, Linux only), as a bar per step, then the windows where the tree
used less than `--below` cores (a build on 2 cores that leaves one idle there can gain by
overlapping work: session 48 found the shelf save and the cache lookups so).

Usage (from the repository, with the project venv active; the command's own output goes to
--log):
    python benchmarks/cores.py [--step 0.25] [--below 1.6] -- python -m publish --root DIR build -q
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
"""Clock ticks per second: the unit of /proc/<pid>/stat's CPU times."""


def _processes() -> dict[int, list[tuple[int, float, float]]]:
    """Each live process's children: parent → [(pid, own CPU s, reaped children's CPU s)]."""
    children: dict[int, list[tuple[int, float, float]]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            text = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue  # ended meanwhile
        fields = text[text.rindex(")") + 2 :].split()
        user, system, reaped_user, reaped_system = map(int, fields[11:15])
        children.setdefault(int(fields[1]), []).append(
            (int(name), (user + system) / TICK, (reaped_user + reaped_system) / TICK)
        )
    return children


def tree_cpu(root: int) -> float:
    """CPU seconds used so far by `root`, its live descendants and the children it reaped."""
    children = _processes()
    total = 0.0
    for kids in children.values():
        for pid, own, reaped in kids:
            if pid == root:
                total += own + reaped
    stack = [root]
    while stack:
        for pid, own, _ in children.get(stack.pop(), []):
            total += own
            stack.append(pid)
    return total


def main() -> None:
    """Run the command, print a bar of busy cores per step, then the windows below `--below`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=float, default=0.25, help="seconds per line")
    parser.add_argument("--below", type=float, default=1.6, help="cores that count as idle time")
    parser.add_argument("--log", default=os.devnull, help="where the command's output goes")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command, after --")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    with open(args.log, "w") as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        steps: list[tuple[float, float]] = []
        used = 0.0
        while process.poll() is None:
            time.sleep(args.step)
            now = max(used, tree_cpu(process.pid))
            steps.append((time.perf_counter() - started, (now - used) / args.step))
            used = now
        wall = time.perf_counter() - started
    for at, cores in steps:
        print(f"{at:7.2f} s  {cores:4.2f} {'#' * round(cores * 10)}")
    idle = [(at, cores) for at, cores in steps if cores < args.below]
    print(
        f"wall {wall:.2f} s, CPU ~{used:.1f} s, {len(idle)} of {len(steps)} steps below {args.below}"
    )
    for at, cores in idle:
        print(f"  below at {at:7.2f} s: {cores:4.2f} cores")
    sys.exit(process.returncode)


if __name__ == "__main__":
    main()
