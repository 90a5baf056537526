"""Project-wide pytest options."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator

import pytest
from hypothesis import settings

# Some machines (this project's CI image among them) set PYTHONDONTWRITEBYTECODE: every
# `python -m publish` a test starts then compiled the whole package again (~2.7 s of CPU each)
# and each xdist worker rewrote every test module's asserts again. Caching bytecode under
# __pycache__ (git-ignored) changes no behaviour under test. Set before anything below imports
# the package.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
# Run by GitHub Actions or GitLab CI, `publish check` would print annotations into the outputs
# tests read and write into this run's job summary: the tests that want them set them.
for _name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
    os.environ.pop(_name, None)


def _temp_root_in_memory() -> None:
    """Put pytest's temporary folders on /dev/shm (tmpfs) when it has room: every sync test
    fsyncs its state files and hundreds of projects are built and copied, which on CI's disk
    cost wall time in I/O waits. What the tests check does not depend on the disk; an explicit
    --basetemp or PYTEST_DEBUG_TEMPROOT still wins."""
    shm = "/dev/shm"
    if "PYTEST_DEBUG_TEMPROOT" in os.environ or not os.access(shm, os.W_OK):
        return
    try:
        with open("/proc/self/mounts", encoding="utf-8") as mounts:
            in_memory = any(line.split()[1:3] == [shm, "tmpfs"] for line in mounts)
        room = os.statvfs(shm)
    except OSError:
        return
    if in_memory and room.f_bavail * room.f_frsize >= 8 << 30:
        os.environ["PYTEST_DEBUG_TEMPROOT"] = shm


_temp_root_in_memory()

from tests.zalo_project import emulator, zalo_env  # noqa: E402, F401  (fixtures the Zalo tests share)

# No per-example deadline: the suite runs more workers than cores (see below), where a property
# test of a few milliseconds an example sometimes waited past hypothesis' 200 ms for its turn on
# a core and failed with DeadlineExceeded. Speed is the benchmarks' business, not the tests'.
# Derandomized: the same examples every run, so a run of the suite (CI's too) passes or fails
# by the code alone; random examples found a fault of their own at random (test_pii_fast failed
# 2 runs in 6 of an unchanged main). HYPOTHESIS_RANDOM=1 explores new examples on purpose.
settings.register_profile(
    "publish", deadline=None, derandomize=not os.environ.get("HYPOTHESIS_RANDOM")
)
settings.load_profile("publish")


def pytest_configure(config: pytest.Config) -> None:
    """Let the commands the tests start feel Ctrl-C even when pytest itself was started in the
    background (CI runners, `pytest &`): such a process inherits an ignored SIGINT, its children
    inherit it too, and the Ctrl-C tests waited for a stop that could never come."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` starts three workers more than there are cores when they are few: each worker
    also waits on subprocesses, the browser and the Zalo emulator's replies, and with 5 workers on
    2 cores vmstat shows both busy 97-99 % of the run; CI's run took 899 s with 3 workers, 866 s
    with 4, 838 s with 5 (PYTEST_XDIST_AUTO_NUM_WORKERS still wins)."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 3 if (cores or 1) <= 4 else cores


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """Workers started with -n and no --dist steal tests from each other's queues once their
    own is done: with the default split, the last minutes of a run kept one worker busy with
    its long tests (a randomised rebuild test, browser pages) while the others had none."""
    wanted = config.getoption("numprocesses", None) and not config.getoption("distload", False)
    if wanted and config.getoption("dist", "no") == "no":
        config.option.dist = "worksteal"


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
