"""The hang guard ends a run by the CPU it burns, not by the wall time a loaded machine adds."""

from __future__ import annotations

import pytest

from tests.hang_guard import run_python_guarded


def test_a_run_burning_cpu_past_its_limit_fails_the_test() -> None:
    with pytest.raises(pytest.fail.Exception, match="more than 1 s of CPU"):
        run_python_guarded("while True: pass", cpu=1)


def test_a_run_waiting_past_its_cpu_limit_in_wall_time_passes() -> None:
    """What a busy machine does to a cheap run: it takes long on the clock, not on the CPU."""
    done = run_python_guarded("import time; time.sleep(2.5); print('done')", cpu=1)
    assert done.stdout == "done\n"


def test_a_run_that_raises_fails_the_test_with_its_error() -> None:
    with pytest.raises(AssertionError, match="ZeroDivisionError"):
        run_python_guarded("1 / 0")


def test_a_forked_publish_serve_imports_none_of_its_modules_again() -> None:
    """The browser tests fork `publish serve`: its command and server come with the fork, not
    imported anew by each child."""
    code = (
        "import sys; before = set(sys.modules); import publish.commands.serve; "
        "print(sorted(set(sys.modules) - before))"
    )
    assert run_python_guarded(code).stdout == "[]\n"
