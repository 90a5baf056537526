"""A station folder changed on purpose is a move, not an unmounted share (README «Chuyển thư mục đài»)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from publish.cli import main
from publish.errors import RemoteError
from publish.sync import radio as radio_sync
from publish.sync.radio_guide import GUIDE_NAME
from tests.git_commands import commit_all, git, needs_git, restore_as_told
from tests.helpers import snapshot, stats
from tests.test_sync_radio import (  # noqa: F401
    AFTER_AIR,
    FIRST,
    ITEM,
    LATER,
    OTHER_ITEM,
    SECOND,
    STATION,
    at_station,
    built,
    edit,
    root,
    sync,
)


def test_a_move_to_an_empty_folder_writes_every_coming_script_there(
    root: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The first sync to the real share after the demo folder (or any deliberate move to an
    empty folder, which README says is fine) stopped with exit 3 on every run."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    sync(root)
    demo = snapshot(root / STATION)
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(share))
    # README's step 4 (a dry run) is not refused, and tells the move in one line.
    assert main(["sync", "radio", "--root", str(root), "--now", LATER, "--dry-run"]) == 0
    [told] = [line for line in capsys.readouterr().out.splitlines() if "đã đổi từ" in line]
    assert f"radio: lưu ý: thư mục của đài đã đổi từ {STATION} sang {share}: coi là chuyển" in told
    assert not any(share.iterdir())
    _actions, summary = sync(root, now=LATER)
    assert summary.created >= 6
    assert set(snapshot(share)) >= set(demo)
    assert snapshot(root / STATION) == demo  # the old folder is left alone
    meta = json.loads((root / "state/radio.json").read_text("utf-8"))["meta"]
    assert meta["folder"] == str(share)
    _actions, summary = sync(root, now=LATER)
    assert summary.created == 0


def test_an_emptied_folder_at_the_same_path_is_refused_and_offers_reconcile(
    root: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same folder found empty is still an unmounted share; a deliberate change of folder
    that the records cannot tell (a state/ from before the folder was recorded) is offered
    --reconcile."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    sync(root)
    path = root / "state/radio.json"
    document = json.loads(path.read_text("utf-8"))
    document["meta"].pop("folder", None)  # written by an older version
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    for name in sorted((root / STATION).rglob("*"), reverse=True):
        name.rmdir() if name.is_dir() else name.unlink()
    with pytest.raises(RemoteError) as caught:
        sync(root, now=LATER)
    assert caught.value.exit_code == 3
    assert "đổi thư mục có chủ ý" in str(caught.value) and "--reconcile" in str(caught.value)
    _actions, summary = sync(root, now=LATER, reconcile=True)
    assert summary.created >= 6


@pytest.mark.parametrize("old_share", ["not-mounted", "empty-mount-point"])
def test_an_empty_folder_elsewhere_is_no_move_while_the_old_folder_cannot_be_read(
    root: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    old_share: str,
) -> None:
    """Two machines spelling the share differently (/mnt/dai, /media/dai), not mounted on the
    second: its empty folder was taken for a move, every script written where the station
    never reads, and a withdrawal recorded as done while the real share still held the script."""
    share = tmp_path / "mnt-dai"
    share.mkdir()
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(share))
    sync(root)
    held = tmp_path / "share-on-the-station-pc"
    share.rename(held)  # the first machine's path does not lead to the share here
    if old_share == "empty-mount-point":
        share.mkdir()
    laptop = tmp_path / "media-dai"
    laptop.mkdir()
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(laptop))
    records = (root / "state/radio.json").read_bytes()
    for dry_run in (True, False):
        with pytest.raises(RemoteError) as caught:
            sync(root, now=LATER, dry_run=dry_run)
        assert caught.value.exit_code == 3
        told = str(caught.value)
        assert f"đã đổi từ {share} sang {laptop}" in told
        assert "gắn" in told and "--reconcile" in told
        assert not any(laptop.iterdir())
        assert (root / "state/radio.json").read_bytes() == records
    # The station did move and the old folder is gone: --reconcile writes everything there.
    _actions, summary = sync(root, now=LATER, reconcile=True)
    assert summary.created >= 6
    assert set(snapshot(laptop)) >= set(snapshot(held))
    meta = json.loads((root / "state/radio.json").read_text("utf-8"))["meta"]
    assert meta["folder"] == str(laptop)


def test_a_move_by_copying_everything_records_the_new_folder_at_once(
    root: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """README's move (copy all, change the folder, nothing to do): state/radio.json kept the old
    folder until some script was written, so the new share found empty (not mounted) while the
    old copy was still there passed for a deliberate move and took every script."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    sync(root)
    share = tmp_path / "share"
    shutil.copytree(root / STATION, share)
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(share))
    _actions, summary = sync(root, now=LATER)
    assert summary.created == summary.updated == 0
    meta = json.loads((root / "state/radio.json").read_text("utf-8"))["meta"]
    assert meta["folder"] == str(share)
    for name in sorted(share.rglob("*"), reverse=True):  # the share, unmounted: an empty folder
        name.rmdir() if name.is_dir() else name.unlink()
    with pytest.raises(RemoteError) as caught:
        sync(root, now=LATER)
    assert caught.value.exit_code == 3
    assert not any(share.iterdir())


def test_a_move_tells_each_file_the_folder_changed_and_loses_or_doubles_nothing(
    root: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """After a move to an empty folder, every file was planned as «tệp đã bị xóa khỏi thư mục
    đài» (dozens of alarming lines for the approver), the move told only after the plan. Each
    line now says the folder changed, the note comes first, and the new folder gets every
    script once: a revision, a station's edit and a withdrawal in the old folder included."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    sync(root)
    edit(root / FIRST, "gọi số 113", "gọi số 114")  # a revision: SỬA LẦN 2, THAY-DOI.txt
    sync(root)
    old = root / STATION
    (old / OTHER_ITEM).write_text("Bản đài tự sửa.\n", "utf-8")  # kept at the old folder
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")  # withdrawn while moving
    demo = snapshot(old)
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(share))
    changed = f"thư mục của đài đã đổi (state/radio.json ghi {STATION}, nay là {share})"

    assert main(["sync", "radio", "--root", str(root), "--now", LATER, "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    [note] = [i for i, line in enumerate(out) if line.startswith("radio: lưu ý: thư mục")]
    [head] = [i for i, line in enumerate(out) if line.startswith("radio: kế hoạch")]
    assert note < head
    planned = [line for line in out[head + 1 :] if line.startswith("  - ")]
    assert not [line for line in out if "bị xóa khỏi thư mục đài" in line]
    sent = [line for line in planned if line.startswith("  - tạo mới") and "THAY-DOI" not in line]
    sent = [line for line in sent if GUIDE_NAME not in line]
    assert len(sent) == 5  # rundown ×2, script ×2, the first bulletin's item
    assert all(line.endswith(f"{changed}: gửi tệp vào thư mục mới") for line in sent)
    [withdrawn] = [line for line in planned if OTHER_ITEM in line]
    assert withdrawn.startswith("  - rút lại") and "bản nháp" in withdrawn
    assert f"{changed} và thư mục mới không có tệp này: chỉ xóa khỏi sổ" in withdrawn
    assert not any(share.iterdir())

    sync(root, now=LATER)
    assert snapshot(old) == demo  # the old folder, the station's edit in it, left alone
    assert at_station(share) == built(root)  # every script once: no .moi, no _rut-lai/
    assert set(snapshot(share)) == {*built(root), GUIDE_NAME, "2024-W50/THAY-DOI.txt"}
    state = root / "state/radio.json"
    document = json.loads(state.read_text("utf-8"))
    assert document["meta"]["folder"] == str(share)
    assert set(document["entries"]) == set(built(root))
    before = stats(share) | {"state": state.stat().st_mtime_ns}
    actions, summary = sync(root, now=LATER)
    assert {a.kind for a in actions} == {"noop"} and summary.created == summary.updated == 0
    assert stats(share) | {"state": state.stat().st_mtime_ns} == before


def test_a_file_missing_from_a_copied_folder_is_told_as_the_move_not_a_deletion(
    root: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """README's step 4: a copy that missed a file makes the dry run «ghi lại» it; the line says
    the folder changed (the copy lacks it), not that the station deleted it."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    sync(root)
    share = tmp_path / "share"
    shutil.copytree(root / STATION, share)
    (share / OTHER_ITEM).unlink()
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(share))
    actions, _summary = sync(root, now=LATER, dry_run=True)
    [created] = [a for a in actions if a.kind == "create" and a.key != GUIDE_NAME]
    assert created.key == OTHER_ITEM
    assert created.reason == (
        f"thư mục của đài đã đổi (state/radio.json ghi {STATION}, nay là {share}): gửi tệp vào "
        "thư mục mới"
    )
    sync(root, now=LATER)
    assert (share / OTHER_ITEM).read_bytes() == (root / STATION / OTHER_ITEM).read_bytes()
    actions, _summary = sync(root, now=LATER)
    assert {a.kind for a in actions} == {"noop"}


def test_records_of_aired_files_left_in_the_old_folder_are_dropped_as_such_not_as_deleted(
    root: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Aired episodes are not sent to a new station folder: once their bulletins were deleted
    from content/, their records were dropped saying «đài đã xóa tệp này», which the station
    never did (the files are in the old folder). Said so, at the move and at any sync after."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    sync(root)
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(share))
    (root / SECOND).unlink()
    demo = snapshot(root / STATION)
    old = f"tệp này được gửi vào thư mục đài cũ {STATION} (thư mục đài hiện nay không có nó)"
    for dry_run in (True, False):
        actions, _summary = sync(root, now=AFTER_AIR, dry_run=dry_run)
        [forget] = [a for a in actions if a.kind == "forget"]
        assert forget.key == OTHER_ITEM
        assert old in forget.reason and "đài đã xóa" not in forget.reason
    assert snapshot(root / STATION) == demo
    entries = json.loads((root / "state/radio.json").read_text("utf-8"))["entries"]
    assert OTHER_ITEM not in entries and ITEM in entries
    # A later sync, the move long recorded: the same for the other bulletin deleted now.
    (root / FIRST).unlink()
    actions, _summary = sync(root, now=AFTER_AIR)
    forgotten = [a for a in actions if a.kind == "forget"]
    assert ITEM in {a.key for a in forgotten}
    assert all(old in a.reason and "đài đã xóa" not in a.reason for a in forgotten)
    assert json.loads((root / "state/radio.json").read_text("utf-8"))["entries"] == {}


@needs_git
def test_the_printed_command_brings_back_the_record_when_the_trial_was_committed(
    root: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The refusal said «git checkout -- state/radio.json», which brings back the trial's
    record once state/ after the trial is committed (as CI's commit of state/ would be). The
    printed command, with the commit before the trial, brings back the real folder's record."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    sync(root)
    commit_all(root, "Cập nhật trạng thái đồng bộ")
    before_trial = (root / "state/radio.json").read_bytes()
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    trial = tmp_path / "dai-thu"
    trial.mkdir()
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(trial))
    sync(root)
    monkeypatch.delenv(radio_sync.ENV_FOLDER)
    spoiled = commit_all(root, "Sửa bản tin, chạy thử")
    with pytest.raises(RemoteError) as caught:
        sync(root, dry_run=True)
    git(root, "checkout", "--", "state/radio.json")  # what it said before
    with pytest.raises(RemoteError):
        sync(root, dry_run=True)  # still the trial's record: the one committed
    restore_as_told(root, str(caught.value), "state/radio.json", spoiled)
    assert (root / "state/radio.json").read_bytes() == before_trial
    actions, _summary = sync(root)
    assert not [a for a in actions if a.kind == "conflict"]
    assert at_station(root / STATION) == built(root)


def test_back_from_a_trial_folder_with_state_kept_stops_and_says_to_restore_state(
    root: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """README's trial (a real sync into a trial folder) without restoring state/ afterwards:
    back at the real folder, every script edited since was taken for the station's edit (a
    .moi beside it, «đài đã sửa tệp này»). The sync now stops, writes nothing, and says what
    happened and what to do; done so, the real folder gets the revision as usual."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    sync(root)
    before_trial = (root / "state/radio.json").read_bytes()
    real = snapshot(root / STATION)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    trial = tmp_path / "dai-thu"
    trial.mkdir()
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(trial))
    sync(root)  # state/ not restored after it
    monkeypatch.delenv(radio_sync.ENV_FOLDER)
    records = (root / "state/radio.json").read_bytes()
    for dry_run in (True, False):
        with pytest.raises(RemoteError) as caught:
            sync(root, dry_run=dry_run)
        assert caught.value.exit_code == 3
        told = str(caught.value)
        assert told.startswith(
            f"state/radio.json ghi các kịch bản đã gửi vào thư mục đài {trial}, nhưng thư mục "
            f"đài nay là {STATION} và ở đó "
        )
        assert "thư mục chạy thử" in told and "git log -- state/radio.json" in told
        assert "git checkout MÃ_COMMIT -- state/radio.json" in told
        assert snapshot(root / STATION) == real
        assert (root / "state/radio.json").read_bytes() == records
    (root / "state/radio.json").write_bytes(before_trial)  # as the message says
    actions, _summary = sync(root)
    assert not [a for a in actions if a.kind == "conflict"]
    assert at_station(root / STATION) == built(root)
    assert not list((root / STATION).rglob("*.moi.*"))
