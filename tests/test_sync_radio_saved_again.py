"""A station .txt file staff only opened and saved again, no word changed (Notepad drops the
byte order mark, other editors write LF line ends or add or drop the last one), is read as the
file it was before, wherever the sync compares one: our copy taken into script.txt, a revision a
killed run wrote, THAY-DOI.txt and DOC-TRUOC.txt. Read as «đài đã sửa», it kept old or withdrawn
words at the station: a conflict told at every run, a Word script kept with the old number, the
change log and the guide never written again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from publish.sync import radio as radio_sync
from tests.helpers import FIXTURES, readable, stats
from tests.test_sync_radio import (
    FIRST,
    LATER,
    STATION,
    Killed,
    built,
    edit,
    sync,
)
from tests.test_sync_radio_guide import guide
from tests.test_sync_radio_killed_sends import moments
from tests.test_sync_radio_word import SAVED_AGAIN, SCRIPT, WORD, WORD_MOI, saved_by_staff

SCRIPT_MOI = "2024-W50/script.moi.txt"
LOG_MOI = "2024-W50/THAY-DOI.moi.txt"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the radio fixture project."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    return target


def reads(path: Path, words: str) -> bool:
    """Whether a station file reads `words` as staff see it."""
    return words in readable(path.name, path.read_bytes())


@pytest.mark.parametrize("saved", sorted(SAVED_AGAIN))
def test_our_copy_taken_into_script_txt_by_another_editor_settles_the_conflict(
    root: Path, saved: str
) -> None:
    """The station edited script.txt, a bulletin was corrected (113 → 114): ours went beside it.
    Staff take ours by pasting script.moi.txt into script.txt in an editor that saves it its own
    way: the conflict is settled. script.txt is recorded as ours, script.docx (which followed
    it) is replaced with the new number, our copies go, and a rerun writes nothing. Read as an
    edit, the conflict was told at every run and script.docx kept «113» while both .txt said
    «114»."""
    sync(root)
    station = root / STATION
    saved_by_staff(station / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    _actions, summary = sync(root, now=LATER)
    assert summary.conflicts == 1 and (station / WORD_MOI).exists()
    (station / SCRIPT).write_bytes(SAVED_AGAIN[saved]((station / SCRIPT_MOI).read_bytes()))
    actions, summary = sync(root, now=LATER)
    planned = {a.key: (a.kind, a.reason) for a in actions}
    assert planned[SCRIPT] == (
        "verify",
        f"đài đã dùng bản mới đặt cạnh ({SCRIPT_MOI}) cho tệp này: chỉ ghi nhận, xóa {SCRIPT_MOI}",
    )
    assert planned[WORD][0] == "update"
    assert summary.conflicts == 0 and not summary.failed
    assert (station / WORD).read_bytes() == built(root)[WORD] and reads(
        station / WORD, "một một bốn"
    )
    assert not (station / SCRIPT_MOI).exists() and not (station / WORD_MOI).exists()
    assert "LƯU Ý" not in guide(root)
    before = stats(station), (root / "state/radio.json").read_bytes()
    again, summary = sync(root, now=LATER)
    assert {a.kind for a in again} == {"noop"} and summary.conflicts == 0
    assert (stats(station), (root / "state/radio.json").read_bytes()) == before


def test_a_revision_a_killed_run_wrote_then_saved_again_is_settled_as_ours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bulletin is corrected (113 → 114) and the run sending its scripts is killed at each
    moment; staff open script.txt and save it (LF, no BOM) before the rerun. The next
    correction (114 → 115) replaces script.txt as a revision: the station reads «một một
    năm». Killed after the revision was written and before it was recorded, the rerun's plan
    took the re-saved file for the revision («đã đúng bản sửa») while recording it found the
    write had never landed: the record lost the file's revision line, and the next correction
    was a conflict that left script.txt with «114», script.docx following it."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", project)
    sync(project)
    edit(project / FIRST, "gọi số 113", "gọi số 114")
    counted = moments(monkeypatch, None)
    sync(shutil.copytree(project, tmp_path / "clean"), now=LATER)
    total = counted()
    monkeypatch.undo()
    assert total > 4
    kept = []
    for kill_at in range(1, total + 1):
        trial = shutil.copytree(project, tmp_path / f"kill-{kill_at}")
        moments(monkeypatch, kill_at)
        with pytest.raises(Killed):
            sync(trial, now=LATER)
        monkeypatch.undo()
        text = trial / STATION / SCRIPT
        text.write_bytes(SAVED_AGAIN["lf"](text.read_bytes()))
        sync(trial, now=LATER)
        edit(trial / FIRST, "gọi số 114", "gọi số 115")
        actions, summary = sync(trial, now=LATER)
        kind = {a.key: a.kind for a in actions}[SCRIPT]
        if kind != "update" or summary.conflicts or not reads(text, "một một năm"):
            kept.append((kill_at, kind, summary.conflicts))
        shutil.rmtree(trial)
    assert not kept, f"{total} moments: (kill at, what became of {SCRIPT}, conflicts)"
