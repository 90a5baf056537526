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

from publish import output_lock as locks
from publish import pipeline
from publish.cli import main
from publish.commands import sync as sync_command
from publish.errors import Busy, PublishError
from publish.output_lock import output_lock, output_lock_if_free
from publish.serve import PreviewSession
from publish.sync.base import Summary
from publish.sync.report import ChannelResult
from tests.test_serve import BULLETIN, write_project

REPO = Path(__file__).resolve().parents[1]
WAIT = 30.0
"""Upper bound for an event that normally takes well under a second (the suite may be busy)."""

HOLDER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from publish import output_lock\n"
    "with getattr(output_lock, sys.argv[3])(Path(sys.argv[1]), sys.argv[2]):\n"
    "    print('held', flush=True)\n"
    "    sys.stdin.read()\n"
)


@contextlib.contextmanager
def held_by(root: Path, command: str, lock: str = "output_lock") -> Iterator[subprocess.Popen[str]]:
    """Another process holding the project's output lock (or `lock`) as `command` until the
    block ends."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root), command, lock],
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


def with_channel_files(project: Path) -> Path:
    """`project` with the files site.toml names for Zalo and radio (a full build needs them)."""
    for needed in ("images/default-cover.jpg", "tu-viet-tat.tsv"):
        (project / "content" / needed).parent.mkdir(exist_ok=True)
        shutil.copy(REPO / "content" / needed, project / "content" / needed)
    return project


@pytest.mark.parametrize(
    ("command", "codes", "writes"),
    [
        (["build", "--channel", "web", "--quiet"], (0,), True),
        # A sync of this tiny project may end on a radio note about the week's slot (exit 1, by
        # the date), its build and write done; never Busy (3).
        (["sync"], (0, 1), True),
        (["check"], (0, 1), False),
        (["sync", "--dry-run"], (0, 1), False),  # a radio note may end it with 1 too
    ],
    ids=["build", "sync", "check", "sync-dry-run"],
)
def test_a_command_waits_for_the_command_writing_output_and_says_which(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    codes: tuple[int, ...],
    writes: bool,
) -> None:
    """`publish build` (or sync) while `publish serve` rebuilds in another terminal: it says it
    waits for 'publish serve' (its process number), writes nothing meanwhile, and builds once
    it is done. `publish check` or `publish sync --dry-run` beside `publish serve --drafts`:
    they write .cache/ and prune .cache/images/ to what their build used (not the drafts'
    pictures serve is linking into output/), so they wait for the rebuild as a build does, then
    run."""
    with_channel_files(project)
    err = Lines()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    ended: list[int] = []
    with held_by(project, "serve") as holder:
        running = threading.Thread(
            target=lambda: ended.append(main(["--root", str(project), *command]))
        )
        running.start()
        assert err.wait_for("đang ghi vào output/"), err.getvalue()
        assert f"Lệnh 'publish serve' (tiến trình số {holder.pid}, từ " in err.getvalue()
        assert "nhấn Ctrl-C để thôi" in err.getvalue()
        assert ended == [], "ran while the other command wrote"
        assert not (project / "output" / "web").exists(), "written while the other one wrote"
    running.join(WAIT)
    assert len(ended) == 1 and ended[0] in codes, err.getvalue()
    assert (project / "output" / "web" / "index.html").is_file() == writes


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


def test_a_write_that_may_be_skipped_neither_waits_nor_speaks(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sync's last small write to .cache/ (the build's stamp taking the read rates it just
    recorded) is skipped, without a word, while another command holds the output lock (a
    preview rebuilding): the sync had sent everything and must not wait or stop for it."""
    with held_by(project, "serve"), output_lock_if_free(project, "sync") as held:
        assert held is False
    with output_lock_if_free(project, "sync") as held:
        assert held is True
        line = (project / ".cache" / "output.lock").read_text("utf-8")
        assert line.startswith(f"{os.getpid()} sync ")  # a command waiting is told who it is
    assert capsys.readouterr() == ("", "")
    with output_lock(project, "build", limit=0.5):  # let go of
        pass


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


@pytest.fixture
def sending(project: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A `publish sync` of `project` stopped in its first channel (as while it sends articles to
    Zalo one by one) until the block ends; yields its exit code once it is done."""
    with_channel_files(project)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    entered, finish = threading.Event(), threading.Event()

    def slow_channel(target: str, *_: object) -> ChannelResult:
        """Wait in the channel's phase until the test is done."""
        entered.set()
        finish.wait(WAIT)
        return ChannelResult(Summary(target))

    monkeypatch.setattr(sync_command, "_sync_channel", slow_channel)
    codes: list[int] = []
    syncing = threading.Thread(
        target=lambda: codes.append(main(["--root", str(project), "sync", "zalo", "radio"]))
    )
    syncing.start()
    try:
        assert entered.wait(WAIT), "the sync never reached its channels"
        yield codes
    finally:
        finish.set()
        syncing.join(WAIT)
    assert codes == [0]


def test_serve_rebuilds_while_a_sync_sends_to_zalo(project: Path, sending: list[int]) -> None:
    """A sync sending for long (many articles to Zalo) lets go of output/ once written:
    `publish serve`'s rebuild, which writes only output/web, goes ahead instead of failing
    after 10 minutes; the sync goes on and ends well."""
    assert (project / "output" / "zalo").is_dir(), "the channels ran before output/ was written"
    told: list[str] = []
    with output_lock(project, "serve", limit=0.5, echo=told.append):
        pass
    assert told == []


def test_a_build_waits_for_a_sync_sending_what_it_would_rewrite(
    project: Path, sending: list[int]
) -> None:
    """While a sync sends output/zalo and output/radio, a build of those channels waits (and
    says the sync is sending, not stuck, and how to build the website alone); a build of the
    website alone goes ahead."""
    with pytest.raises(Busy) as info, locks.channels_lock(project, "build", limit=0.5, echo=print):
        pytest.fail("a build took output/zalo while the sync sent it")
    message = str(info.value)
    assert f"lệnh 'publish sync' (tiến trình số {os.getpid()}, từ " in message
    assert "vẫn đang đồng bộ Zalo và đài phát thanh" in message
    assert "publish build --channel web" in message and "bị treo" not in message
    code = main(["--root", str(project), "build", "--channel", "web", "--quiet"])
    assert code == 0


def test_a_build_of_zalo_and_radio_waits_for_the_sync_sending_them(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`publish build` (every channel) while a sync sends: it says so and writes nothing until
    the sync is done; a `publish build --channel web` does not wait."""
    with_channel_files(project)
    err = Lines()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    codes: list[int] = []
    with held_by(project, "sync", "channels_lock") as holder:
        assert main(["--root", str(project), "build", "--channel", "web", "--quiet"]) == 0
        building = threading.Thread(
            target=lambda: codes.append(main(["--root", str(project), "build", "--quiet"]))
        )
        building.start()
        assert err.wait_for("đang đồng bộ Zalo và đài phát thanh"), err.getvalue()
        assert f"Lệnh 'publish sync' (tiến trình số {holder.pid}, từ " in err.getvalue()
        assert not (project / "output" / "zalo").exists(), "written while the sync sent"
    building.join(WAIT)
    assert codes == [0], err.getvalue()
    assert (project / "output" / "zalo").is_dir()


def test_a_symlinked_lock_file_is_refused(project: Path) -> None:
    """.cache/output.lock replaced by a symlink: the command refuses (two commands could then
    hold "the lock" on two files), names the file and the fix, and writes nothing through it."""
    elsewhere = project / "khac.txt"
    elsewhere.write_text("giữ nguyên\n", "utf-8")
    (project / ".cache").mkdir()
    (project / ".cache" / "output.lock").symlink_to(elsewhere)
    with pytest.raises(PublishError) as info, output_lock(project, "build"):
        pytest.fail("built under a symlinked lock")
    assert "output.lock không phải một tệp thường" in str(info.value)
    assert "liên kết tượng trưng" in str(info.value) and "Cách sửa: xóa" in str(info.value)
    assert elsewhere.read_text("utf-8") == "giữ nguyên\n"


def test_a_lock_file_that_cannot_be_written_still_locks(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lock file left root-owned by one `sudo publish build`: opened read-only, it still
    keeps a second command out (with a warning saying how to give the file back)."""
    with held_by(project, "build"):
        lock = project / ".cache" / "output.lock"
        real_open = os.open

        def owned_by_root(path: object, flags: int, *args: object) -> int:
            """os.open as for a file of another user, mode 0644 (the tests run as root,
            whom no mode bit stops)."""
            if Path(os.fsdecode(path)) == lock and flags & (os.O_RDWR | os.O_WRONLY):  # type: ignore[arg-type]
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", owned_by_root)
        told: list[str] = []
        with pytest.raises(Busy), output_lock(project, "check", limit=0.5, echo=told.append):
            pytest.fail("the lock was taken while another process held it")
    assert told and told[0].startswith(f"Cảnh báo: không ghi được vào tệp khóa {lock}")
    assert "sudo chown $USER" in told[0]
    assert "đang ghi vào output/" in told[1]


def test_a_sync_waiting_for_a_build_of_the_channels_is_told_it_is_a_build(project: Path) -> None:
    """The channels' lock held by `publish build` (writing output/zalo): the waiting sync is told
    the build writes output/, not that it sends to Zalo."""
    with (
        held_by(project, "build", "channels_lock") as holder,
        pytest.raises(Busy) as info,
        locks.channels_lock(project, "sync", limit=0.5, echo=print),
    ):
        pytest.fail("the lock was taken while another process held it")
    message = str(info.value)
    assert f"lệnh 'publish build' (tiến trình số {holder.pid}, từ " in message
    assert "vẫn đang ghi vào output/ của dự án này" in message and "Zalo" not in message
    assert "Khóa .cache/channels.lock tự mở" in message


@pytest.mark.parametrize("reader", ["zalo-preview", "check"])
def test_a_command_waiting_for_a_reader_names_it_and_what_it_does(
    project: Path, reader: str
) -> None:
    """A build waiting for `publish zalo-preview` was told of «'publish' khác», which «đang ghi
    vào output/»: the command has a name with a hyphen, and writes nothing there."""
    told: list[str] = []
    with (
        held_by(project, reader) as holder,
        pytest.raises(Busy) as info,
        output_lock(project, "build", limit=0.5, echo=told.append),
    ):
        pytest.fail("the lock was taken while another process held it")
    assert told[0].startswith(f"Lệnh 'publish {reader}' (tiến trình số {holder.pid}, từ "), told
    assert "đang đọc dự án này (chỉ ghi vào .cache/)" in told[0]
    assert "output/" not in told[0]
    assert f"lệnh 'publish {reader}' (tiến trình số {holder.pid}" in str(info.value)
