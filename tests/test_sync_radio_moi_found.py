"""What a radio sync knows of the .moi copy beside each recorded file before it plans
(FileState.moi, RadioSyncer._moi_found): read from the station folder for an episode to come,
staff's saving again aside; for an aired episode, the copy a killed run was writing only if the
folder holds it, else what state/radio.json booked; and only that when the folder cannot be
read (a dry run with the share not mounted)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from publish.sync import radio as radio_sync
from publish.sync.radio import FileState
from tests.helpers import FIXTURES
from tests.test_sync_radio import AFTER_AIR, FIRST, ITEM, LATER, STATION, edit, sync, syncer
from tests.test_sync_radio_word import SAVED_AGAIN

MOI = radio_sync.moi_name(ITEM)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The radio fixture project: the station edited an item script, the bulletin was
    corrected (113 → 114), and our version went beside the station's as a .moi copy."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", project)
    sync(project)
    item = project / STATION / ITEM
    item.write_text(item.read_text("utf-8") + "\nGhi chú.\n", "utf-8")
    edit(project / FIRST, "gọi số 113", "gọi số 114")
    sync(project, now=LATER)
    assert (project / STATION / MOI).exists()
    return project


def observed(root: Path, now: str, *, dry_run: bool = False) -> FileState:
    """What `publish sync radio` observes of the item script (nothing is written)."""
    files = syncer(root, now=now, dry_run=dry_run).observe().files
    return next(state for state in files if state.path == ITEM)


def booked(root: Path) -> str:
    """The digest state/radio.json books for our .moi copy beside the item script."""
    return str(json.loads((root / "state/radio.json").read_text("utf-8"))["entries"][ITEM]["moi"])


def only_pending(root: Path) -> str:
    """Make the item's record as a run killed while writing our copy leaves it: the copy
    pending (MOI_PENDING), not booked; its digest."""
    path = root / "state/radio.json"
    document = json.loads(path.read_text("utf-8"))
    entry = document["entries"][ITEM]
    entry[radio_sync.MOI_PENDING] = digest = entry.pop("moi")
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return str(digest)


def test_a_copy_only_saved_again_is_seen_as_ours_and_an_edited_one_as_it_is(root: Path) -> None:
    """An episode to come: our copy staff saved again (no BOM) is the copy booked; one they
    wrote in is the digest of its bytes, neither ours nor the build."""
    copy = root / STATION / MOI
    copy.write_bytes(SAVED_AGAIN["no-bom"](copy.read_bytes()))
    state = observed(root, LATER)
    assert state.moi == state.moi_written == booked(root) == state.local
    copy.write_bytes(copy.read_bytes() + "Đài ghi thêm.\n".encode())
    state = observed(root, LATER)
    assert state.moi == hashlib.sha256(copy.read_bytes()).hexdigest()
    assert state.moi not in (state.moi_written, state.local)


def test_an_aired_copy_a_killed_run_was_writing_is_ours_only_if_there(root: Path) -> None:
    """An aired episode's files are not read, but for the copy a killed run was writing: the
    folder holding it (as written, or saved again) makes it ours; absent, nothing is."""
    pending = only_pending(root)
    copy = root / STATION / MOI
    copy.write_bytes(SAVED_AGAIN["lf"](copy.read_bytes()))
    state = observed(root, AFTER_AIR)
    assert state.moi == state.moi_written == pending
    copy.unlink()
    state = observed(root, AFTER_AIR)
    assert state.moi is None and state.moi_written is None


def test_an_aired_booked_copy_is_taken_as_booked_without_reading_it(root: Path) -> None:
    """A copy booked beside a file of an aired episode is known from state/radio.json: the
    station may have changed or deleted it since, which an aired episode's sync never asks."""
    moi = booked(root)
    (root / STATION / MOI).write_bytes("Đài tự viết.\n".encode())
    state = observed(root, AFTER_AIR)
    assert state.moi == state.moi_written == moi


def test_a_dry_run_without_the_share_knows_only_the_booked_copy(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dry run with the station's share not mounted plans from state/radio.json alone: the
    copy booked is known, one a killed run was only writing is not (nothing tells whether it
    landed)."""
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(tmp_path / "not-mounted"))
    moi = booked(root)
    state = observed(root, AFTER_AIR, dry_run=True)
    assert state.moi == state.moi_written == moi
    only_pending(root)
    state = observed(root, AFTER_AIR, dry_run=True)
    assert state.moi is None and state.moi_written is None
