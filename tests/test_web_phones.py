"""The unit's numbers in a page body become tel: links: what is linked, what never is, and
crafted bodies that must not stall the build."""

from __future__ import annotations

import subprocess
import sys

import pytest

GUARD = 15  # seconds: a guard against a hang, not a measure of speed


def test_a_long_run_of_spaces_after_goi_does_not_stall_the_linker() -> None:
    """`gọi` then 200,000 spaces (a body pasted with padding) is linked in linear time."""
    code = (
        "from publish.render.web.phones import emergency_linker as e; "
        "e('113', 'tel:113')('<p>gọi' + ' ' * 200_000 + 'x 113</p>')"
    )
    try:
        subprocess.run([sys.executable, "-c", code], check=True, timeout=GUARD)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {GUARD} s")
