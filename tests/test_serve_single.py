"""Two `publish serve` of one project: the second one says where the first one serves (process
number, address) and stops with exit code 1, instead of rebuilding the same folder over it.
Two real processes, as two terminals run them; a drafts preview (another folder) may run beside.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.test_serve import REPO, write_project

LAUNCHER = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from publish import pipeline; "
    "pipeline.RENDERERS['web'] = 'tests.test_serve'; "
    "from publish.cli import main; "
    "sys.exit(main(sys.argv[1:]))"
)
"""`publish` with test_serve's stand-in web renderer; Ctrl-C as a terminal sends it."""
ENV = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}


def serve(root: Path, *extra: str) -> subprocess.Popen[str]:
    """`publish serve --port 0` in another process."""
    return subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, "serve", "--root", str(root), "--port", "0", *extra],
        cwd=REPO,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def address(process: subprocess.Popen[str]) -> str:
    """The address a starting `publish serve` prints (its output read on afterwards)."""
    assert process.stdout is not None
    for line in process.stdout:
        found = re.search(r"http://127\.0\.0\.1:\d+/\S*", line)
        if found:
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return found.group(0)
    pytest.fail(f"publish serve did not start: {process.stderr.read()}")  # type: ignore[union-attr]


def status(url: str) -> int:
    """The status of a GET of `url`."""
    host, port = url.removeprefix("http://").split("/", 1)[0].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        conn.request("GET", "/")
        return conn.getresponse().status
    finally:
        conn.close()


def stop(process: subprocess.Popen[str]) -> None:
    """Ctrl-C a server; kill it if it does not stop."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_a_second_preview_of_the_same_folder_says_where_the_first_is_and_stops(
    tmp_path: Path,
) -> None:
    write_project(tmp_path)
    first = serve(tmp_path)
    try:
        url = address(first)
        second = serve(tmp_path)
        try:
            out, err = second.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            stop(second)
            pytest.fail("the second publish serve ran on beside the first", pytrace=False)
        assert second.returncode == 1, out + err
        assert (
            f"Một 'publish serve' khác (tiến trình số {first.pid}) đang xem trước output/web" in err
        )
        assert f"tại {url}. Mở địa chỉ đó trong trình duyệt" in err
        assert "Traceback" not in err
        assert "Đã dựng website" not in out  # it built nothing over the first one's
        assert status(url) == 200  # the first one serves on
        drafts = serve(tmp_path, "--drafts")  # its own folder, .cache/preview/web: allowed
        try:
            assert status(address(drafts)) == 200
        finally:
            stop(drafts)
    finally:
        stop(first)
    assert first.returncode == 0
    again = serve(tmp_path)  # the first one gone, however it ended: the next one starts
    try:
        assert status(address(again)) == 200
    finally:
        stop(again)
