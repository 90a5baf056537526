"""Project-wide pytest options."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

from tests.zalo_project import emulator, zalo_env  # noqa: F401  (fixtures: the Zalo tests share them)


def pytest_configure(config: pytest.Config) -> None:
    """Let the commands the tests start feel Ctrl-C even when pytest itself was started in the
    background (CI runners, `pytest &`): such a process inherits an ignored SIGINT, its children
    inherit it too, and the Ctrl-C tests waited for a stop that could never come."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites the expected output under tests/golden/ instead of comparing."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current output instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run refreshes golden files."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def details_hidden() -> Iterator[None]:
    """Each test starts as a command without --debug: one run in-process with --debug left
    publish.errors showing details (Pillow's English reasons) to the tests after it."""
    from publish.errors import show_details

    show_details(False)
    yield
    show_details(False)
