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
    built,
    edit,
    sync,
)
from tests.test_sync_radio_guide import guide
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
