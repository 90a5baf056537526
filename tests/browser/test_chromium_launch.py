"""The Chromium the browser tests launch starts without errors of Debian's launcher script."""

from __future__ import annotations

import subprocess

from tests.browser.conftest import chromium_executable, unavailable


def test_the_browser_launched_says_nothing_on_its_error_output() -> None:
    """Through Debian's launcher (/usr/bin/chromium), each launch of the suite's browser said
    «/usr/bin/chromium: 9: [: …: unexpected operator» where /dev/shm is mounted twice (see
    conftest.CHROMIUM_BINARY): the binary itself is launched, and says nothing but its version."""
    executable = chromium_executable()
    if executable is None:
        unavailable("không có Chromium (apt-get install -y chromium-headless-shell)")
    done = subprocess.run(
        [str(executable), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0 and done.stdout.startswith("Chromium "), done
    assert done.stderr == ""
