"""One writer of a project's output/ at a time across processes: `publish build` in a second
terminal waits for `publish serve`'s rebuild (and the other way round), says what it waits for,
stops with a message after too long, and a crashed holder never leaves the lock behind.

The other command is a real second process holding the lock (as `publish serve` or `publish
build` does), released when the test closes its standard input or kills it.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from publish import pipeline
from publish.cli import main
from publish.errors import Busy
from publish.output_lock import output_lock
from publish.serve import PreviewSession
from tests.test_serve import BULLETIN, write_project

REPO = Path(__file__).resolve().parents[1]
WAIT = 30.0
"""Upper bound for an event that normally takes well under a second (the suite may be busy)."""

HOLDER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from publish.output_lock import output_lock\n"
    "with output_lock(Path(sys.argv[1]), sys.argv[2]):\n"
    "    print('held', flush=True)\n"
    "    sys.stdin.read()\n"
)


@contextlib.contextmanager
def held_by(root: Path, command: str) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the project's output lock as `command` until the block ends."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root), command],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert process.stdout is not None and process.stdout.readline() == "held\n"
        yield process
    finally:
        if process.poll() is None:
            process.stdin.close()  # type: ignore[union-attr]
            process.wait(WAIT)


class Lines(io.StringIO):
    """A text stream that tells waiting threads when a line containing some text was written."""

    def __init__(self) -> None:
        super().__init__()
        self.changed = threading.Condition()

    def write(self, text: str) -> int:
        """Write and wake the waiters."""
        with self.changed:
            written = super().write(text)
            self.changed.notify_all()
            return written

    def wait_for(self, text: str, times: int = 1) -> bool:
        """Whether `text` was written (`times` times) within WAIT seconds."""
        with self.changed:
            return self.changed.wait_for(lambda: self.getvalue().count(text) >= times, timeout=WAIT)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose web channel is test_serve's stand-in renderer."""
    monkeypatch.setitem(pipeline.RENDERERS, "web", "tests.test_serve")
    write_project(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "command", [["build", "--channel", "web", "--quiet"], ["sync"]], ids=["build", "sync"]
)
def test_a_build_waits_for_the_command_writing_output_and_says_which(
    project: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """`publish build` (or sync) while `publish serve` rebuilds in another terminal: it says it
    waits for 'publish serve' (its process number), writes nothing meanwhile, and builds once
    it is done."""
    for needed in (
        "images/default-cover.jpg",
        "tu-viet-tat.tsv",
    ):  # site.toml's, for Zalo and radio
        (project / "content" / needed).parent.mkdir(exist_ok=True)
        shutil.copy(REPO / "content" / needed, project / "content" / needed)
    err = Lines()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    codes: list[int] = []
    with held_by(project, "serve") as holder:
        building = threading.Thread(
            target=lambda: codes.append(main(["--root", str(project), *command]))
        )
        building.start()
        assert err.wait_for("đang ghi vào output/"), err.getvalue()
        assert f"Lệnh 'publish serve' (tiến trình số {holder.pid}, từ " in err.getvalue()
        assert "nhấn Ctrl-C để thôi" in err.getvalue()
        assert not (project / "output" / "web").exists(), "written while the other one wrote"
    building.join(WAIT)
    # A sync of this tiny project may end on a radio note about the week's slot (exit 1, by
    # the date), its build and write done; never Busy (3).
    assert codes in ([0], [0] if command[0] == "build" else [1]), err.getvalue()
    assert (project / "output" / "web" / "index.html").is_file()


def test_a_command_waiting_too_long_stops_and_says_what_to_do(project: Path) -> None:
    """After the wait limit: exit 3, nothing written, the command named, how to go on."""
    with (
        held_by(project, "sync") as holder,
        pytest.raises(Busy) as info,
        output_lock(project, "build", limit=0.5, echo=print),
    ):
        pytest.fail("the lock was taken while another process held it")
    message = str(info.value)
    assert info.value.exit_code == 3
    assert f"lệnh 'publish sync' (tiến trình số {holder.pid}, từ " in message
    assert "Lần này không ghi gì: output/ giữ nguyên" in message
    assert "nhấn Ctrl-C ở đó" in message and "không cần xóa tệp nào" in message


def test_a_killed_holder_leaves_no_lock_behind(project: Path) -> None:
    """A build killed (power cut, closed window): the next command goes ahead at once, the lock
    file's leftover line notwithstanding."""
    with held_by(project, "build") as holder:
        holder.send_signal(signal.SIGKILL)
        holder.wait(WAIT)
    assert (project / ".cache" / "output.lock").read_text("utf-8").startswith(f"{holder.pid} ")
    told: list[str] = []
    with output_lock(project, "build", limit=0.5, echo=told.append):
        pass
    assert told == []


def test_serve_rebuilds_after_a_build_in_another_terminal_and_closes_while_waiting(
    project: Path,
) -> None:
    """An edit while `publish build` writes: serve says it waits for it, rebuilds once it is
    done; Ctrl-C while it waits stops the server at once, without an error on the page."""
    err = Lines()
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    with PreviewSession(project, port=0, out=io.StringIO(), err=err) as session:
        generation = session.hub.state()[0]
        with held_by(project, "build") as holder:
            bulletin.write_text(
                BULLETIN.format(title="Sửa khi đang dựng", category="an-ninh-trat-tu")
            )
            assert err.wait_for(f"Lệnh 'publish build' (tiến trình số {holder.pid}"), err.getvalue()
            assert session.hub.state()[0] == generation, "rebuilt while the build wrote"
        assert session.hub.wait(generation, timeout=WAIT) is not None
        assert session.hub.state()[1] is None
        assert "Sửa khi đang dựng" in (project / "output/web/index.html").read_text("utf-8")

        with held_by(project, "build"):
            bulletin.write_text(BULLETIN.format(title="Lần nữa", category="an-ninh-trat-tu"))
            assert err.wait_for("Lệnh 'publish build'", times=2), err.getvalue()
            stopping = threading.Thread(target=session.stop)
            stopping.start()
            stopping.join(WAIT)
            assert not stopping.is_alive(), "the server waited for the build before stopping"
        assert session.hub.state()[1] is None
