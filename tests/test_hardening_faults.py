"""Faults beyond the per-channel suites: a full disk, read-only folders, broken state, two syncs at
once, a clock that runs backwards and a network cut mid-sync. Each must end with a clear message
and a report of what was done; nothing half-written, nothing published twice, nothing lost.

Full and read-only disks are real: small tmpfs mounts (this needs root, as in the CI container;
the tests are skipped elsewhere).
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from publish.cli import main
from publish.errors import PublishError
from publish.render.radio_station import EDITOR_NOTES
from publish.sync import base as sync_base
from publish.sync.base import CLOCK_NAME, monotonic_now, record_now, sync_lock
from publish.sync.manifest import Manifest
from publish.zalo.emulator import EmulatorConfig, ZaloEmulator
from tests.helpers import (
    FIXTURES,
    bulletin_md,
    install_fake_renderers,
    make_project,
    snapshot,
    stats,
)
from tests.zalo_fixtures import env_for
from tests.zalo_project import FAST_ENV, zalo_bulletin, zalo_project

RADIO_NOW = "2024-12-12T12:00"
EARLIER = "2024-12-08T12:00"
"""Before every radio fixture bulletin's date: a clock this far back would embargo them all."""


@contextmanager
def tmpfs(path: Path, *, size: str = "64k", read_only: bool = False) -> Iterator[Path]:
    """A real, tiny (or read-only) filesystem mounted at `path`; skips the test without root."""
    path.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if read_only else "")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def remount(path: Path, size: str) -> None:
    """Give a tmpfs more room (the disk was cleaned up)."""
    subprocess.run(["mount", "-o", f"remount,size={size}", str(path)], check=True)


def fill(folder: Path) -> Path:
    """Fill a filesystem to the last byte; return the filler file."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


# --- the radio fixture project ---------------------------------------------------------------------


@pytest.fixture
def radio_root(tmp_path: Path) -> Path:
    """A fresh copy of the radio fixture project (station folder dai-phat-thanh/ inside it)."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    return target


def radio_sync(root: Path, *extra: str, now: str = RADIO_NOW) -> int:
    """`publish sync radio` in this process."""
    return main(["sync", "radio", "--root", str(root), "--now", now, *extra])


# --- a full disk -----------------------------------------------------------------------------------


def test_disk_full_during_build_keeps_the_previous_output_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = make_project(tmp_path, {"content/a.md": bulletin_md({"slug": "a"})})
    with tmpfs(root / "output", size="64k") as output:
        assert main(["build", "--root", str(root), "-q"]) == 0
        before = snapshot(output)
        big = bulletin_md({"slug": "b"}, body="Nội dung rất dài. " * 20_000)
        (root / "content/b.md").write_text(big, encoding="utf-8")
        assert main(["build", "--root", str(root), "-q"]) == 1
        err = capsys.readouterr().err
        assert "không ghi được đầu ra" in err and "Đầu ra cũ vẫn giữ nguyên" in err
        assert "Traceback" not in err
        assert snapshot(output) == before
        assert sorted(p.name for p in output.iterdir()) == sorted(before_dirs(before))


def before_dirs(files: dict[str, bytes]) -> set[str]:
    """Top-level folders of a snapshot (no staging folder may be left behind)."""
    return {name.split("/")[0] for name in files}


def test_disk_full_while_saving_state_keeps_the_last_good_state(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "state", size="64k") as state:
        manifest = Manifest(state / "zalo.json", "zalo")
        manifest.put("a", {"article_id": "1", "status": "live"})
        good = (state / "zalo.json").read_bytes()
        filler = fill(state)
        with pytest.raises(OSError) as info:
            manifest.put("b", {"article_id": "2", "note": "x" * 10_000})
        assert info.value.errno == errno.ENOSPC
        assert (state / "zalo.json").read_bytes() == good
        assert sorted(p.name for p in state.iterdir()) == ["filler", "zalo.json"]  # no temp left
        assert set(Manifest.load(state / "zalo.json", "zalo")) == {"a"}
        filler.unlink()
        manifest.save()
        assert set(Manifest.load(state / "zalo.json", "zalo")) == {"a", "b"}


def test_disk_full_in_the_station_folder_then_a_rerun_finishes(
    radio_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with tmpfs(radio_root.parent / "share", size="24k") as share:
        monkeypatch.setenv("PUBLISH_RADIO_DIR", str(share))
        assert radio_sync(radio_root) == 3  # a remote step failed; the rest was done and saved
        out = capsys.readouterr().out
        assert "thất bại" in out and "không ghi được vào thư mục đài" in out
        assert not [p for p in share.rglob("*") if p.name.endswith(".tmp")]
        entries = json.loads((radio_root / "state/radio.json").read_text("utf-8"))["entries"]
        assert entries, "what fitted is recorded"
        for path, entry in entries.items():  # only whole files are recorded, each as written
            assert hashlib.sha256((share / path).read_bytes()).hexdigest() == entry["digest"]
        remount(share, "1m")
        assert radio_sync(radio_root) == 0
        scripts = {p: d for p, d in snapshot(share).items() if p != "DOC-TRUOC.txt"}  # the guide
        built = snapshot(radio_root / "output" / "radio")
        assert scripts == {p: d for p, d in built.items() if not p.endswith("/" + EDITOR_NOTES)}


# --- read-only folders -----------------------------------------------------------------------------


def test_read_only_output_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = make_project(tmp_path, {"content/a.md": bulletin_md()})
    with tmpfs(root / "output", read_only=True):
        assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "không tạo được thư mục đầu ra" in err and "Traceback" not in err


def test_read_only_state_folder_stops_the_sync_before_anything(
    radio_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(radio_root / "state", read_only=True):
        assert radio_sync(radio_root) == 1
    err = capsys.readouterr().err
    assert "không mở được khóa đồng bộ" in err and "Chưa có gì được gửi" in err
    assert not (radio_root / "dai-phat-thanh").exists()


def test_read_only_station_folder_changes_nothing(
    radio_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with tmpfs(radio_root.parent / "share", read_only=True) as share:
        monkeypatch.setenv("PUBLISH_RADIO_DIR", str(share))
        assert radio_sync(radio_root) == 1
        assert list(share.iterdir()) == []
    assert "chỉ cho đọc" in capsys.readouterr().out
    assert not (radio_root / "state/radio.json").exists()


# --- broken state ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated mid-write by a crash or a full disk
        lambda raw: b"",  # emptied
        lambda raw: b"{}",  # valid JSON, not a state file: still never read as "nothing published"
        lambda raw: b"\xff\xfe" + raw[2:],  # binary garbage
    ],
    ids=["truncated", "empty", "not-a-state", "garbage"],
)
def test_broken_radio_state_is_backed_up_then_reconciled_without_rewriting(
    radio_root: Path, capsys: pytest.CaptureFixture[str], damage: Callable[[bytes], bytes]
) -> None:
    assert radio_sync(radio_root) == 0
    station = radio_root / "dai-phat-thanh"
    state = radio_root / "state" / "radio.json"
    good = json.loads(state.read_text("utf-8"))["entries"]
    before = stats(station)
    broken = damage(state.read_bytes())
    state.write_bytes(broken)
    capsys.readouterr()

    assert radio_sync(radio_root) == 1
    assert "tệp trạng thái bị hỏng" in capsys.readouterr().out
    [backup] = (radio_root / "state").glob("radio.json.hong-*")
    assert backup.read_bytes() == broken and stats(station) == before

    assert radio_sync(radio_root, "--reconcile") == 0
    assert stats(station) == before  # matching files are only recorded, never rewritten
    assert json.loads(state.read_text("utf-8"))["entries"] == good
    capsys.readouterr()
    assert radio_sync(radio_root) == 0
    assert "không có thay đổi nào" in capsys.readouterr().out


@pytest.fixture
def emulator() -> Iterator[ZaloEmulator]:
    """A running Zalo emulator."""
    with ZaloEmulator(EmulatorConfig()) as emu:
        yield emu


@pytest.fixture
def zalo_env(emulator: ZaloEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point publish at the emulator through the environment."""
    env = env_for(emulator, tmp_path / "secrets" / "zalo-token.json", **FAST_ENV)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PUBLISH_ZALO_CRASH_AT", raising=False)


def zalo_sync(root: Path, *extra: str, now: str = "2021-01-01T09:00") -> int:
    """`publish sync zalo` in this process."""
    return main(["--root", str(root), "--now", now, "sync", "zalo", *extra])


def zalo_ids(root: Path) -> dict[str, str]:
    """Bulletin key → article id from state/zalo.json."""
    entries = json.loads((root / "state/zalo.json").read_text("utf-8"))["entries"]
    return {key: entry["article_id"] for key, entry in entries.items() if "article_id" in entry}


def test_broken_zalo_state_is_reconciled_from_the_oa_without_a_duplicate(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 3)
    assert zalo_sync(root) == 0
    ids = zalo_ids(root)
    state = root / "state/zalo.json"
    state.write_bytes(state.read_bytes()[:40])
    emulator.clear_calls()
    assert zalo_sync(root) == 1
    assert emulator.write_calls() == []
    assert zalo_sync(root, "--reconcile") == 0
    assert emulator.write_calls() == [] and zalo_ids(root) == ids
    assert len(emulator.articles) == 3
    assert list((root / "state").glob("zalo.json.hong-*"))


# --- two syncs at once -----------------------------------------------------------------------------


def test_a_second_sync_does_nothing_and_exits_3_while_one_runs(
    radio_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 1 would tell a scheduled CI run overlapping another that the content is broken."""
    with sync_lock(radio_root / "state"):
        assert radio_sync(radio_root) == 3
    err = capsys.readouterr().err
    assert (
        f"một lệnh 'publish sync' khác đang chạy (tiến trình số {os.getpid()}, bắt đầu lúc " in err
    )
    assert "Lần này không làm gì" in err and "không phải lỗi nội dung" in err and "--wait" in err
    assert not (radio_root / "dai-phat-thanh").exists()
    assert not (radio_root / "output").exists()


def test_the_other_syncs_start_is_told_on_the_sites_clock(
    radio_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The lock file keeps the machine's time (a CI runner: UTC); the editor reads the site's,
    # named, since the CI log around it shows UTC times.
    path = radio_root / "state" / sync_base.LOCK_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as held:
        held.write("4242 2026-11-29T01:30:00+00:00")
        held.flush()
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert radio_sync(radio_root) == 3
    assert (
        "(tiến trình số 4242, bắt đầu lúc 08:30 (UTC+7) ngày 29/11/2026)" in capsys.readouterr().err
    )


@pytest.mark.parametrize("target", ["file", "missing"])
def test_a_symlink_in_place_of_the_lock_is_refused_and_not_written_through(
    tmp_path: Path, target: str
) -> None:
    """The holder's number was written through it: into any file the sync's user may write."""
    state = tmp_path / "state"
    state.mkdir()
    victim = tmp_path / "khac.txt"
    if target == "file":
        victim.write_text("nội dung quý\n", encoding="utf-8")
    (state / sync_base.LOCK_NAME).symlink_to(victim)
    with pytest.raises(PublishError) as caught, sync_lock(state):
        pytest.fail("the lock was taken through a symlink")
    message = str(caught.value)
    assert "không phải một tệp thường" in message and "Cách sửa: xóa" in message
    if target == "file":
        assert victim.read_text(encoding="utf-8") == "nội dung quý\n"
    else:
        assert not victim.exists()


def test_wait_gives_up_after_its_limit_with_exit_3(
    radio_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--wait used to wait forever behind a sync that hung."""
    monkeypatch.setattr(sync_base, "WAIT_SECONDS", 0.3)
    with sync_lock(radio_root / "state"):
        started = time.monotonic()
        assert radio_sync(radio_root, "--wait") == 3
        assert 0.3 <= time.monotonic() - started < 5
    err = capsys.readouterr().err
    assert "chờ nó xong, tối đa 0,3 giây" in err
    assert "đã chờ 0,3 giây mà lệnh 'publish sync' khác vẫn đang chạy" in err
    assert f"kiểm tra tiến trình số {os.getpid()}" in err
    assert not (radio_root / "dai-phat-thanh").exists()


def test_a_second_sync_with_wait_runs_once_the_first_is_done(radio_root: Path) -> None:
    held = threading.Event()

    def first() -> None:
        with sync_lock(radio_root / "state"):
            held.set()
            time.sleep(0.5)

    thread = threading.Thread(target=first)
    thread.start()
    held.wait(5)
    started = time.monotonic()
    assert radio_sync(radio_root, "--wait") == 0
    assert time.monotonic() - started >= 0.3
    thread.join()


# --- a clock that runs backwards -------------------------------------------------------------------


def test_radio_clock_backwards_withdraws_nothing_and_recreates_nothing(
    radio_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert radio_sync(radio_root) == 0
    station = radio_root / "dai-phat-thanh"
    before = stats(station)
    capsys.readouterr()
    assert radio_sync(radio_root, now=EARLIER) == 0
    captured = capsys.readouterr()
    assert "sớm hơn lần đồng bộ trước" in captured.err
    assert stats(station) == before and not (station / "_rut-lai").exists()
    assert radio_sync(radio_root) == 0
    assert stats(station) == before


def test_a_sync_run_with_a_future_now_does_not_make_later_syncs_run_early(
    radio_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped --now a year ahead must not be remembered as the last sync's time: every
    later sync would then use it and publish embargoed bulletins early."""
    assert radio_sync(radio_root, now="2099-01-01T09:00") == 0
    recorded = json.loads((radio_root / "state" / CLOCK_NAME).read_text("utf-8"))["last_now"]
    assert dt.datetime.fromisoformat(recorded) <= dt.datetime.now(dt.UTC)


def test_a_sync_with_nothing_new_leaves_state_as_it_was(radio_root: Path) -> None:
    """CI commits state/ after every run: a run that sends nothing must not rewrite
    state/dong-ho.json, or every run (two an hour) makes a commit of its own."""
    assert radio_sync(radio_root) == 0
    state = radio_root / "state"
    before = {p.name: p.read_bytes() for p in state.iterdir() if p.name != ".sync.lock"}
    assert radio_sync(radio_root, now="2024-12-12T12:30") == 0
    assert radio_sync(radio_root, now="2024-12-12T13:00") == 0
    after = {p.name: p.read_bytes() for p in state.iterdir() if p.name != ".sync.lock"}
    assert after == before


def test_a_sync_that_changes_state_records_its_time(radio_root: Path) -> None:
    assert radio_sync(radio_root) == 0
    clock_file = radio_root / "state" / CLOCK_NAME
    (radio_root / "state" / "radio.json").unlink()  # the next sync writes it again
    assert radio_sync(radio_root, now="2024-12-12T12:30") == 0
    recorded = json.loads(clock_file.read_text("utf-8"))["last_now"]
    assert recorded.startswith("2024-12-12T12:30")


def test_a_recorded_time_far_ahead_of_the_machine_clock_is_ignored(tmp_path: Path) -> None:
    clock = dt.datetime(2026, 11, 29, 10, 0, tzinfo=dt.UTC)
    now = clock - dt.timedelta(minutes=5)
    record_now(tmp_path, clock + dt.timedelta(days=400), clock=clock + dt.timedelta(days=400))
    used, warning = monotonic_now(tmp_path, now, clock=clock)
    assert used == now and warning and "muộn hơn đồng hồ máy" in warning
    record_now(tmp_path, clock, clock=clock)  # a clock a little behind the last sync: kept
    used, warning = monotonic_now(tmp_path, now, clock=clock)
    assert used == clock and warning and "sớm hơn lần đồng bộ trước" in warning


@pytest.mark.parametrize(
    "damaged",
    ["<<<<<<< HEAD\n", '{"last_now": "hôm qua"}\n', '{"last_now": "2026-11-29T10:00"}\n', ""],
    ids=["merge-conflict", "not-a-time", "no-time-zone", "empty"],
)
def test_a_damaged_clock_file_is_warned_about_not_ignored(tmp_path: Path, damaged: str) -> None:
    """The file only guards against a clock running backwards: the sync goes on, but says the
    guard is off this time, naming the file and what to do."""
    (tmp_path / CLOCK_NAME).write_text(damaged, "utf-8")
    now = dt.datetime(2026, 11, 29, 10, 0, tzinfo=dt.UTC)
    used, warning = monotonic_now(tmp_path, now, clock=now)
    assert used == now
    assert warning and f"không đọc được state/{CLOCK_NAME}" in warning
    assert "Kiểm tra đồng hồ máy" in warning and "ghi lại nó khi xong" in warning
    assert monotonic_now(tmp_path / "chua-co", now, clock=now) == (now, None)  # first sync


def test_a_radio_sync_warns_of_a_damaged_clock_file_and_writes_it_again(
    radio_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert radio_sync(radio_root) == 0
    clock_file = radio_root / "state" / CLOCK_NAME
    clock_file.write_text("<<<<<<< HEAD\n", "utf-8")
    capsys.readouterr()
    assert radio_sync(radio_root) == 0
    assert f"không đọc được state/{CLOCK_NAME} (dòng 1" in capsys.readouterr().err
    assert "last_now" in json.loads(clock_file.read_text("utf-8"))


def test_zalo_clock_backwards_hides_nothing_and_sends_nothing(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 2)
    assert zalo_sync(root) == 0
    ids = zalo_ids(root)
    emulator.clear_calls()
    assert zalo_sync(root, now="2020-11-01T09:00") == 0  # before every bulletin's date
    assert zalo_sync(root) == 0
    assert emulator.write_calls() == [] and zalo_ids(root) == ids


# --- the network cut mid-sync ----------------------------------------------------------------------


def test_lost_replies_are_found_by_title_in_the_same_run(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 4)
    # Every create is processed by Zalo but its reply never arrives (the line drops after sending).
    emulator.configure(fault_paths=("/article/create",), drop_first=40, drop_after_processing=True)
    assert zalo_sync(root) == 0
    assert capsys.readouterr().out.count("tìm theo tiêu đề và nội dung): không tạo lại") == 4
    titles = [a["title"] for a in emulator.articles.values()]
    assert len(titles) == len(set(titles)) == 4, titles


def test_network_down_mid_sync_is_reported_then_the_rerun_publishes_each_once(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 4)
    assert zalo_sync(root) == 0
    for index in range(4, 7):
        (root / "content" / "bai-viet" / f"ban-tin-{index:03d}.md").write_text(
            zalo_bulletin(index), encoding="utf-8"
        )
    emulator.configure(fault_paths=("/",), drop_first=10_000)  # every connection is cut
    capsys.readouterr()
    assert zalo_sync(root) == 3
    out = capsys.readouterr().out
    # The new bulletins are looked for on the OA before they are created (a stale state/ must
    # not post them twice): the channel stops there, saying what Zalo did not answer.
    assert "liệt kê bài viết" in out and "Kiểm tra kết nối mạng rồi chạy lại" in out
    # Nothing was created; the new bulletins are at most marked as attempted, never as published.
    assert len(emulator.articles) == 4 and len(zalo_ids(root)) == 4
    emulator.configure(drop_first=0)
    assert zalo_sync(root) == 0
    titles = [a["title"] for a in emulator.articles.values()]
    assert len(titles) == len(set(titles)) == 7, titles
    assert set(zalo_ids(root).values()) == set(emulator.articles)


def test_an_aired_episode_stays_aired_when_the_clock_runs_back_after_syncs_with_nothing_new(
    radio_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Syncs after an episode aired change no state file (its files are the station's), yet
    they decided it aired: a clock that then runs back to before its air time must not make it
    one to come again, rewriting the station's aired script with a later edit."""
    assert radio_sync(radio_root) == 0  # W50 sent; it airs Saturday 14/12/2024 17:00
    assert radio_sync(radio_root, now="2024-12-14T18:00") == 0  # aired: nothing to send
    station = radio_root / "dai-phat-thanh"
    before = snapshot(station)
    bulletin = radio_root / "content/bai-viet/2024-12-09-ra-quan-ttatgt-cuoi-nam.md"
    text = bulletin.read_text("utf-8")
    bulletin.write_text(text.replace("gọi số 113", "gọi số 114"), "utf-8")
    assert radio_sync(radio_root, now="2024-12-14T19:00") == 0  # aired: left as it is
    assert snapshot(station) == before
    capsys.readouterr()
    assert radio_sync(radio_root, now="2024-12-13T09:00") == 0  # a runner a day behind
    assert "sớm hơn lần đồng bộ trước" in capsys.readouterr().err
    assert snapshot(station) == before


def test_a_recorded_time_ahead_of_the_machine_clock_is_repaired_by_a_sync_with_nothing_new(
    radio_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A clock file written ahead (a merge, a hand edit) is ignored with a warning; the next
    real sync records the time again even when it sends nothing, or every run warns for ever."""
    assert radio_sync(radio_root) == 0
    clock_file = radio_root / "state" / CLOCK_NAME
    clock_file.write_text('{"last_now": "2099-01-01T00:00:00+07:00"}\n', "utf-8")
    capsys.readouterr()
    assert radio_sync(radio_root) == 0
    assert "muộn hơn đồng hồ máy" in capsys.readouterr().err
    assert radio_sync(radio_root) == 0
    assert "muộn hơn đồng hồ máy" not in capsys.readouterr().err
