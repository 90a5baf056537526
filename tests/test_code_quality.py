"""The team's code standards, checked where CI runs: ruff lint and format, mypy type hints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a Python tool module from the repository root, capturing its report."""
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "args",
    [("ruff", "check", "."), ("ruff", "format", "--check", ".")],
    ids=["lint", "format"],
)
def test_ruff_finds_nothing(args: tuple[str, ...]) -> None:
    result = run_tool(*args)
    assert result.returncode == 0, result.stdout + result.stderr


def test_type_hints_hold() -> None:
    """mypy with the settings in pyproject.toml: every function annotated, every hint true."""
    result = run_tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
