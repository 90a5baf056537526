"""Faults injected into a real `publish sync radio` (a child process), then a rerun: nothing
duplicated, nothing lost, no half-written file under its final name, a clear Vietnamese message."""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from publish import config as config_module
from publish.cli import resolve_now
from publish.commands.sync import SyncOptions
from publish.errors import PublishError, RemoteError
from publish.pipeline import build
from publish.render.radio_station import EDITOR_NOTES
from publish.sync import manifest as manifest_module
from publish.sync import radio as radio_sync
from publish.sync.base import run
from publish.sync.radio_guide import GUIDE_NAME
from tests import forked
from tests.helpers import FIXTURES, snapshot, stats
from tests.test_sync_radio import (
    FIRST,
    ITEM,
    LATER,
    NOW,
    STATION,
    change,
    edit,
    state_of,
    sync,
    unmarked,
)

TEMP = re.compile(r"(^|/)\.[^/]+\.tmp$")
"""A temporary name of an atomic write (never a name the station reads)."""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A fresh copy of the radio fixture project."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    return target


def cli(root: Path, env: dict[str, str] | None = None) -> forked.Forked:
    """Start `python -m publish sync radio` on the project as a child process (forked from a
    process that has imported publish: a fresh interpreter cost ~1 s of CPU a run)."""
    full = {**os.environ, radio_sync.ENV_TEST_HOOKS: "1", **(env or {})}
    if not (env or {}).get(radio_sync.ENV_FOLDER):
        full.pop(radio_sync.ENV_FOLDER, None)
    return forked.start(["-m", "publish", "--root", root, "sync", "radio", "--now", NOW], env=full)


def finish(root: Path, env: dict[str, str] | None = None) -> str:
    """Run the sync to the end; return what it printed."""
    process = cli(root, env)
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0, err.decode()
    return out.decode() + err.decode()


def kill_at(root: Path, step: int, tmp: Path) -> None:
    """Run the sync until it reaches file step `step`, then SIGKILL it from here."""
    marker = tmp / f"held-{step}"
    marker.unlink(missing_ok=True)
    process = cli(root, {radio_sync.ENV_HOLD: f"{step}:{marker}"})
    started = time.monotonic()
    while not marker.exists():
        if process.poll() is not None:
            raise AssertionError(f"the sync ended before step {step}: {process.communicate()!r}")
        assert time.monotonic() - started < 120
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL


def visible(station: Path) -> dict[str, bytes]:
    """What staff see in the station folder: every file but our temporary ones, revision lines
    left out (they are the sync's, not the build's)."""
    return {p: unmarked(d) for p, d in snapshot(station).items() if not TEMP.search(p)}


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A project synced, changed and synced again, never killed; and the station folder as
    staff saw it before the change."""
    expected = tmp_path_factory.mktemp("expected") / "project"
    shutil.copytree(FIXTURES / "radio", expected)
    finish(expected)
    before = visible(expected / STATION)
    change(expected)
    finish(expected)
    return expected, before


@pytest.mark.parametrize("step", [2, 10, 12, 15, 17])
def test_a_sync_killed_by_a_real_signal_at_a_chosen_step_is_finished_by_the_rerun(
    tmp_path: Path, step: int, changed: tuple[Path, dict[str, bytes]]
) -> None:
    """Killed (SIGKILL, from another process) at a chosen step of a sync that revises scripts,
    withdraws one and logs the change (2: just after a file is written, before it is recorded;
    10: mid-withdrawal, its note written, the script not moved yet; 12: a revision recorded as
    pending, not written yet; 15: DOC-TRUOC.txt written, not yet recorded; 17: the change log
    written, not yet recorded): no file the station can open under a script's name is
    half-written (each is the old or the new version), and the rerun leaves the folder and
    state/radio.json of a run never killed; one more run writes nothing."""
    expected, before = changed
    root = tmp_path / "killed"
    shutil.copytree(FIXTURES / "radio", root)
    finish(root)
    change(root)
    kill_at(root, step, tmp_path)
    built = snapshot(root / "output" / "radio")
    done = visible(expected / STATION)
    for path, data in visible(root / STATION).items():
        if path.startswith("_rut-lai/") or path.endswith(("THAY-DOI.txt", GUIDE_NAME)):
            # Moved whole, or written whole: as before the run, or as the uninterrupted run.
            assert data in (before.get(path), done[path]), f"step {step}: {path} half-written"
            continue
        assert data in (built.get(path), before.get(path)), f"step {step}: {path} half-written"
    finish(root)
    assert snapshot(root / STATION) == snapshot(expected / STATION), f"step {step}"
    assert state_of(root) == state_of(expected), f"step {step}"
    kept = stats(root / STATION), (root / "state/radio.json").read_bytes()
    assert "radio: không có thay đổi nào" in finish(root)
    assert (stats(root / STATION), (root / "state/radio.json").read_bytes()) == kept


def test_a_share_lost_mid_run_stops_the_sync_and_is_never_made_again_here(
    tmp_path: Path,
) -> None:
    """The station's share goes away while the sync writes (unmounted, renamed at the station):
    the sync stops with exit 3 and a Vietnamese message, never makes the folder again on this
    computer (every script would be recorded as sent while the station has none); once the
    share is back, the rerun writes the rest, and the folder is that of one clean run."""
    expected, root = tmp_path / "expected", tmp_path / "project"
    for project in (expected, root):
        shutil.copytree(FIXTURES / "radio", project)
    (tmp_path / "expected-share").mkdir()
    finish(expected, {radio_sync.ENV_FOLDER: str(tmp_path / "expected-share")})
    share, away = tmp_path / "share", tmp_path / "share-unmounted"
    share.mkdir()
    env = {radio_sync.ENV_FOLDER: str(share), radio_sync.ENV_PAUSE: "0.3"}
    process = cli(root, env)
    started = time.monotonic()
    while not any(p.is_file() for p in share.rglob("*")):
        assert process.poll() is None and time.monotonic() - started < 120
        time.sleep(0.01)
    share.rename(away)
    out, err = process.communicate(timeout=180)
    said = out.decode() + err.decode()
    assert process.returncode == 3, said
    assert "không còn như lúc bắt đầu đồng bộ (ổ mạng mất kết nối" in said
    assert "Traceback" not in said
    assert not share.exists()  # nothing written where the share used to be
    away.rename(share)
    finish(root, {radio_sync.ENV_FOLDER: str(share)})
    assert snapshot(share) == snapshot(tmp_path / "expected-share")
    kept = stats(share)
    assert "radio: không có thay đổi nào" in finish(root, {radio_sync.ENV_FOLDER: str(share)})
    assert stats(share) == kept


def test_a_share_mounted_again_elsewhere_mid_run_is_not_written_to_its_old_mount_point(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unmounted share leaves its empty mount point: same path, another folder. The sync
    stops there too, and writes nothing into the mount point."""
    share = tmp_path / "mnt"
    share.mkdir()
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(share))
    steps = 0

    def unmount(self: radio_sync.RadioSyncer) -> None:
        nonlocal steps
        steps += 1
        if steps == 2:
            share.rename(tmp_path / "mounted")
            share.mkdir()  # the bare mount point left behind

    monkeypatch.setattr(radio_sync.RadioSyncer, "_step", unmount)
    with pytest.raises(RemoteError, match="không còn như lúc bắt đầu đồng bộ"):
        sync(root)
    assert list(share.iterdir()) == []


@pytest.mark.parametrize("moment", ["log moved", "rundown forgotten"])
def test_a_run_killed_while_withdrawing_an_episode_with_a_change_log_is_repaired(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:
    """An episode whose THAY-DOI.txt was written is withdrawn whole; the run dies once its log
    is moved into _rut-lai/, or once state/radio.json forgot the rundown: the rerun leaves the
    folder and the state of a run never killed (the log's record went with a separate save,
    which a kill between the two left for ever)."""

    def prepare(project: Path) -> None:
        shutil.copytree(FIXTURES / "radio", project)
        sync(project)
        change(project)
        sync(project, now=LATER)
        assert (project / STATION / "2024-W50/THAY-DOI.txt").exists()
        edit(project / FIRST, "approved_by:", "draft: true\napproved_by:")

    expected, root = tmp_path / "expected" / "project", tmp_path / "killed" / "project"
    prepare(expected)
    sync(expected, now="2024-12-13T15:00")
    prepare(root)

    state = root / "state"
    left: dict[Path, bytes] = {}

    class Killed(BaseException):
        """The process dying: what state/ holds at that moment is all a rerun finds."""

        def __init__(self) -> None:
            super().__init__()
            left.update({p: p.read_bytes() for p in state.glob("radio.json*")})

    real_move, real_record = radio_sync._move, radio_sync.RadioSyncer._record

    def die_moving(source: Path, target: Path, station: Path) -> None:
        real_move(source, target, station)
        if target.name == "THAY-DOI.txt":
            raise Killed

    def die_recording(self: radio_sync.RadioSyncer, path: str, *args: Any, **kw: Any) -> None:
        real_record(self, path, *args, **kw)
        if path == "2024-W50/rundown.txt":
            raise Killed

    if moment == "log moved":
        monkeypatch.setattr(radio_sync, "_move", die_moving)
    else:
        monkeypatch.setattr(radio_sync.RadioSyncer, "_record", die_recording)
    with pytest.raises(Killed):
        sync(root, now="2024-12-13T15:00")
    for path in state.glob("radio.json*"):  # undo what the unwinding run saved after the kill
        path.unlink()
    for path, data in left.items():
        path.write_bytes(data)
    assert not (root / STATION / "2024-W50/THAY-DOI.txt").exists()
    monkeypatch.undo()
    sync(root, now="2024-12-13T15:00")
    assert snapshot(root / STATION) == snapshot(expected / STATION)
    assert state_of(root) == state_of(expected)


def test_a_script_open_in_word_at_the_station_fails_alone_with_what_to_do(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file Word has open ("access denied"): that file fails with
    a message saying to close it, the station keeps its copy whole and no temporary file is
    left; the other files are written, and the rerun once it is closed replaces it."""
    sync(root)
    station = root / STATION
    old = (station / "2024-W50/script.docx").read_bytes()
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    real = os.replace
    locked = str(station / "2024-W50/script.docx")

    def windows(source: str, target: str, *args: object, **kwargs: object) -> None:
        if str(target) == locked:
            raise PermissionError(errno.EACCES, "Access is denied", locked)
        real(source, target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", windows)
    _actions, summary = sync(root)
    [(action, message)] = summary.failed
    assert action.key == "2024-W50/script.docx"
    assert "có thể đang mở trên máy của đài (Word, Notepad…)" in message
    assert "đóng tệp" in message and "bản đài đang có vẫn nguyên" in message
    assert (station / "2024-W50/script.docx").read_bytes() == old
    assert not [p for p in snapshot(station) if TEMP.search(p)]
    # script.txt, the item script and the guide: only the locked file failed (THAY-DOI.txt,
    # new, is counted as created, as printed)
    assert (summary.created, summary.updated) == (1, 3)
    monkeypatch.setattr(os, "replace", real)
    actions, summary = sync(root)
    assert [(a.kind, a.key) for a in actions if a.kind != "noop"] == [
        ("update", "2024-W50/script.docx"),
        # Written again once the script is sent: its replacement is one more change to log.
        ("update", "2024-W50/THAY-DOI.txt"),
        ("update", GUIDE_NAME),
    ]
    assert not summary.failed


def test_a_guide_the_plan_foresaw_is_counted_unchanged_when_nothing_could_be_sent(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan lists DOC-TRUOC.txt as updated once the scripts are sent; when every script
    fails (the share turned read-only), nothing reached the station, the guide is left as it
    was and counted so: each file at the station is counted once, as failed or unchanged."""
    sync(root)
    station = root / STATION
    guide = (station / GUIDE_NAME).read_bytes()
    edit(root / FIRST, "gọi số 113", "gọi số 114")

    real = os.replace

    def read_only(source: str, target: str, *args: object, **kwargs: object) -> None:
        if Path(target).is_relative_to(station):
            raise PermissionError(errno.EACCES, "Access is denied", str(target))
        real(source, target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", read_only)
    actions, summary = sync(root, now=LATER)
    assert ("update", GUIDE_NAME) in [(a.kind, a.key) for a in actions]
    assert len(summary.failed) == 3 and summary.created == summary.updated == 0
    assert (station / GUIDE_NAME).read_bytes() == guide
    files = [p for p in snapshot(station) if not TEMP.search(p)]
    assert summary.unchanged + len(summary.failed) == len(files)


def test_a_clock_set_back_keeps_the_latest_change_at_the_top_of_the_log(root: Path) -> None:
    """The computer's clock is set back between two syncs (a flat battery, a time server put
    right): THAY-DOI.txt, which says newest first, still puts the latest revision at the top,
    so staff print the right version; a rerun writes nothing, and its plan tells the operator
    to check the clock."""
    sync(root)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now="2024-12-13T14:05")
    edit(root / FIRST, "gọi số 114", "gọi số 115")
    sync(root, now="2024-12-13T09:00")
    log = (root / STATION / "2024-W50/THAY-DOI.txt").read_text("utf-8-sig")
    assert "Mới nhất ở trên" in log
    assert log.index("sửa lần 3") < log.index("sửa lần 2")
    assert log.index("09:00, Thứ Sáu, 13/12/2024:") < log.index("14:05, Thứ Sáu, 13/12/2024:")
    config = config_module.load(root)
    result = build(config, channels=("radio",), now=resolve_now("2024-12-13T09:00", config.tz))
    options = SyncOptions(output=root / "output", state=root / "state")
    syncer = radio_sync.make_syncer(
        config, site=result.site, output=root / "output", options=options
    )
    said: list[str] = []
    actions, _summary = run(syncer, echo=said.append)
    assert {a.kind for a in actions} == {"noop"}
    told = "\n".join(said)
    assert "radio: lưu ý: đồng hồ của lần chạy này (09:00, Thứ Sáu, 13/12/2024) sớm hơn" in told
    assert "lần gửi kịch bản trước (14:05, Thứ Sáu, 13/12/2024): kiểm tra giờ của máy" in told


def test_files_staff_renamed_or_deleted_come_back_under_their_names_once(root: Path) -> None:
    """Staff rename one script of the coming episode and delete another: the rerun puts each
    back under the name the rundown gives it (the station needs it to air), leaves the renamed
    copy alone (it is the station's now), and the run after writes nothing."""
    sync(root)
    station = root / STATION
    (station / ITEM).rename(station / "items/da-in-ra-quan.txt")
    (station / "2024-W50/script.txt").unlink()
    actions, summary = sync(root)
    assert sorted(a.key for a in actions if a.kind == "create") == ["2024-W50/script.txt", ITEM]
    assert not summary.failed
    expected = snapshot(root / "output" / "radio")
    del expected[f"2024-W50/{EDITOR_NOTES}"]  # the editors', never sent
    got = snapshot(station)
    assert got.pop("items/da-in-ra-quan.txt") == expected[ITEM]
    assert got.pop(GUIDE_NAME) and got == expected
    actions, _summary = sync(root)
    assert {a.kind for a in actions} == {"noop"}


def _mount_tmpfs(folder: Path, size: str) -> bool:
    """Mount a small RAM disk on `folder` (root only): a station disk that really fills up."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def test_a_station_disk_that_fills_up_leaves_no_half_script_and_the_rerun_finishes(
    tmp_path: Path,
) -> None:
    """A real full disk (ENOSPC on a 128 KB RAM disk, 96 KB of it taken) while the 38 KB script.docx is written:
    that file fails with «hết chỗ trên đĩa», no half-written file is left under any name,
    the files that fit are whole; once space is freed the rerun writes the rest, and the
    folder is that of one clean run."""
    share = tmp_path / "share"
    share.mkdir()
    if not _mount_tmpfs(share, "128k"):
        pytest.skip("cần quyền root để gắn ổ RAM (tmpfs) làm ổ đĩa đầy thật")
    try:
        expected = tmp_path / "expected"
        shutil.copytree(FIXTURES / "radio", expected)
        finish(expected)
        root = tmp_path / "project"
        shutil.copytree(FIXTURES / "radio", root)
        filler = share / "tep-cua-dai.bin"
        filler.write_bytes(b"\0" * (96 * 1024))
        process = cli(root, {radio_sync.ENV_FOLDER: str(share)})
        out, err = process.communicate(timeout=180)
        said = out.decode() + err.decode()
        assert process.returncode == 3, said
        assert "script.docx" in said and "hết chỗ trên đĩa" in said and "Traceback" not in said
        built = snapshot(root / "output" / "radio")
        got = snapshot(share)
        got.pop(filler.name)
        got.pop(GUIDE_NAME, None)
        assert "2024-W50/script.docx" not in got
        assert got and all(built[path] == data for path, data in got.items())  # whole files only
        filler.unlink()
        finish(root, {radio_sync.ENV_FOLDER: str(share)})
        assert snapshot(share) == snapshot(expected / STATION)
    finally:
        subprocess.run(["umount", str(share)], check=False)


def test_a_full_project_disk_stops_the_radio_sync_with_what_to_do(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk holding state/ fills up mid-sync: the radio sync stops at once with a message
    naming state/radio.json and the fix (not a bare «lỗi hệ thống tệp», nor one blaming the
    station folder), writes nothing more to the station, and every file there is whole; once
    space is freed the rerun records what was written and tells the station of every revision,
    as one clean run does."""
    sync(root)
    change(root)
    clean = tmp_path / "clean"
    shutil.copytree(root, clean)
    sync(clean, now=LATER)
    before = visible(root / STATION)
    writes = 0
    real_write, real_line = manifest_module.atomic_write_bytes, manifest_module._append_line

    def full(*args: object, **kwargs: object) -> None:
        nonlocal writes
        writes += 1
        if writes > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_line(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(manifest_module, "_append_line", full)
    monkeypatch.setattr(manifest_module, "atomic_write_bytes", full)
    with pytest.raises(PublishError) as caught:
        sync(root, now=LATER)
    message = str(caught.value)
    assert "không ghi được tệp trạng thái" in message and "state/radio.json" in message
    assert "hết chỗ trên đĩa" in message and "giải phóng chỗ" in message
    built = snapshot(root / "output" / "radio")
    for path, data in visible(root / STATION).items():
        assert data in (built.get(path), before.get(path)), f"{path} half-written"
    monkeypatch.setattr(manifest_module, "_append_line", real_line)
    monkeypatch.setattr(manifest_module, "atomic_write_bytes", real_write)
    sync(root, now=LATER)
    assert snapshot(root / STATION) == snapshot(clean / STATION)
    actions, _summary = sync(root, now=LATER)
    assert {a.kind for a in actions} == {"noop"}
