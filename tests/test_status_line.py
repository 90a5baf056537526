"""The status line of a long build: which phase runs and how many files it has made, redrawn in
place on a terminal, erased before the report, and never written to a log or a pipe."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from publish import progress
from publish.progress import Status, counted
from publish.timings import Timings
from tests.web_fixture import NOW, copy_site

CLEAR = "\r\x1b[K"


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_line_names_the_phase_and_counts_its_own_files() -> None:
    stream, clock = io.StringIO(), Clock()
    status = Status("Đang dựng", stream=stream, interactive=True, clock=clock)
    status.phase("nạp và kiểm tra bản tin")
    assert stream.getvalue() == CLEAR + "Đang dựng — nạp và kiểm tra bản tin…"
    status.phase("kênh web: dựng và ghi")
    for made in range(1, 4):
        status.tick(made)  # the same instant: not redrawn for each file
    assert stream.getvalue().endswith(CLEAR + "Đang dựng — kênh web: dựng và ghi…")
    clock.now = 0.2
    status.tick(1234)
    assert stream.getvalue().endswith(CLEAR + "Đang dựng — kênh web: dựng và ghi… 1.234 tệp")
    status.phase("kênh zalo: dựng và ghi")
    clock.now = 0.4
    status.tick(1240)
    assert stream.getvalue().endswith(CLEAR + "Đang dựng — kênh zalo: dựng và ghi… 6 tệp")
    status.close()
    assert stream.getvalue().endswith("6 tệp" + CLEAR)
    written = stream.getvalue()
    status.phase("lưu dấu lần dựng, dọn cache")  # after the report began: nothing more
    clock.now = 1.0
    status.tick(1300)
    assert stream.getvalue() == written


def test_the_line_is_cut_to_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line wider than the terminal wraps, and the next redraw then starts on the second
    half: the line is cut to one less than the width instead."""
    monkeypatch.setattr(progress.shutil, "get_terminal_size", lambda: os.terminal_size((30, 24)))
    stream = io.StringIO()
    status = Status("Đang dựng", stream=stream, interactive=True)
    status.phase("dò dữ liệu cá nhân, kiểm tra từng kênh")
    assert stream.getvalue() == CLEAR + "Đang dựng — dò dữ liệu cá nhân, kiểm tra từng kênh"[:29]


def test_nothing_is_written_off_a_terminal() -> None:
    stream = io.StringIO()  # not a terminal: a CI log, a pipe, a file
    with Status("Đang dựng", stream=stream) as status:
        status.phase("kênh web: dựng và ghi")
        list(counted(range(50), status.tick))
    assert stream.getvalue() == ""


def test_timings_tell_each_phase_and_the_enclosing_one_again() -> None:
    told: list[str] = []
    timings = Timings(on_phase=told.append)
    with timings.remainder("ghi output/"):
        with timings.phase("kênh web: dựng và ghi"):
            pass
        with timings.phase("kênh zalo: dựng và ghi"):
            pass
    assert told == [
        "ghi output/",
        "kênh web: dựng và ghi",
        "ghi output/",
        "kênh zalo: dựng và ghi",
        "ghi output/",
    ]


def build_in_a_terminal(root: Path, *extra: str, ci: bool = False) -> str:
    """What `publish build` of the web channel shows on a terminal."""
    return in_a_terminal("build", "--root", str(root), "--channel", "web", *extra, ci=ci)


def in_a_terminal(*command: str, ci: bool = False) -> str:
    """What a `publish` command shows on a terminal (a pseudo-terminal its output and errors
    both go to, as in a shell)."""
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = "true"
    argv = [sys.executable, "-m", "publish", *command, "--now", NOW.isoformat()]
    leader, follower = pty.openpty()
    with subprocess.Popen(argv, stdin=follower, stdout=follower, stderr=follower, env=env) as run:
        os.close(follower)
        chunks = []
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the build ended and closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        assert run.wait() == 0
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


def test_a_build_in_a_terminal_shows_its_phases_then_erases_them_before_the_report(
    tmp_path: Path,
) -> None:
    shown = build_in_a_terminal(copy_site(tmp_path))
    assert CLEAR + "Đang dựng — nạp và kiểm tra bản tin…" in shown
    assert CLEAR + "Đang dựng — kênh web: dựng và ghi…" in shown
    last, report = shown.rindex("Đang dựng — "), shown.index("\nweb: ")
    assert last < report and CLEAR in shown[last:report]
    assert "Xong sau" in shown[report:]


@pytest.mark.parametrize(("extra", "ci"), [(("-q",), False), ((), True)])
def test_a_quiet_build_or_one_in_ci_shows_no_status(
    tmp_path: Path, extra: tuple[str, ...], ci: bool
) -> None:
    shown = build_in_a_terminal(copy_site(tmp_path), *extra, ci=ci)
    assert "Đang dựng" not in shown and "\x1b[K" not in shown


@pytest.mark.parametrize("ci", [False, True])
@pytest.mark.parametrize(
    ("command", "prefix", "report"),
    [
        # A sync builds first (20 s to minutes cold at 10,000 bulletins): the line is gone
        # before the build's report and the plans of the channels.
        (("sync", "--dry-run"), "Đang dựng", "\nzalo: kế hoạch"),
        # A check builds and renders in memory (~7 s the first time at 10,000 bulletins): it
        # does not say it writes.
        (("check",), "Đang kiểm tra", "Không có lỗi: đã kiểm tra"),
    ],
)
def test_a_sync_or_a_check_in_a_terminal_shows_its_phases_then_erases_them_before_the_report(
    tmp_path: Path, ci: bool, command: tuple[str, ...], prefix: str, report: str
) -> None:
    shown = in_a_terminal(command[0], "--root", str(copy_site(tmp_path)), *command[1:], ci=ci)
    reported = shown.index(report)
    if ci:
        assert prefix not in shown and "\x1b[K" not in shown
        return
    doing = "dựng" if command[0] == "check" else "dựng và ghi"
    assert CLEAR + f"{prefix} — kênh web: {doing}…" in shown
    assert (command[0] == "check") == ("ghi…" not in shown)
    last = shown.rindex(f"{prefix} — ")
    assert last < reported and CLEAR in shown[last:reported]
    # Nothing printed afterwards lands on the status line: each line starts clean.
    assert all(not line.startswith(prefix) for line in shown[last:].splitlines()[1:])
