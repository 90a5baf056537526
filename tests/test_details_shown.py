"""`--debug` of one command run in-process does not reach the tests after it (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from publish.errors import ConfigError, details_shown


def test_a_command_run_with_debug_shows_details(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):  # no site.toml: --debug lets the error out whole
        main(["check", "--root", str(tmp_path), "--debug"])
    assert details_shown()


def test_the_next_test_starts_without_them() -> None:
    """Run after the test above (in file order): its --debug is not shown here."""
    assert not details_shown()
