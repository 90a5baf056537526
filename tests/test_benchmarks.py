"""The benchmark scripts still run against the tool as it is now (they print figures; nothing
here is timed): a change of behaviour must not leave README's reproduction commands broken."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


def run(script: str, *args: str) -> str:
    """Run one benchmark script; its output."""
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_zalo_sync_benchmark_publishes_every_bulletin_once() -> None:
    out = run("zalo_sync.py", "--count", "3", "--latency", "0", "--processing", "0")
    assert "zalo: 3 tạo mới" in out and "no-op sync" in out
    assert "calls: none" in out  # the resync sends nothing


def test_the_build_benchmark_runs_every_step_and_verifies(tmp_path: Path) -> None:
    out = run(
        "build.py",
        *("--work", str(tmp_path), "--sizes", "30", "--channels", "web", "--peers", ""),
        "--verify",
    )
    assert "identical to a clean build" in out
    for step in ("cold", "no-op", "one edit", "one added", "one edit in CI"):
        assert f"| publish web {step} |" in out, step
