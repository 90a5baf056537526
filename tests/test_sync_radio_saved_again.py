"""A station .txt file staff only opened and saved again, no word changed (Notepad drops the
byte order mark, other editors write LF line ends or add or drop the last one), is read as the
file it was before, wherever the sync compares one: our copy taken into script.txt, a revision a
killed run wrote, THAY-DOI.txt and DOC-TRUOC.txt. Read as «đài đã sửa», it kept old or withdrawn
words at the station: a conflict told at every run, a Word script kept with the old number, the
change log and the guide never written again."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from publish.render.radio_station import as_sent, station_text
from publish.sync import radio as radio_sync
from publish.sync.radio_guide import GUIDE_NAME
from tests.helpers import FIXTURES, readable, stats
from tests.station_log import change_log
from tests.test_sync_radio import (
    FIRST,
    ITEM,
    LATER,
    OTHER_ITEM,
    SECOND,
    STATION,
    Killed,
    built,
    edit,
    sync,
)
from tests.test_sync_radio_guide import guide
from tests.test_sync_radio_killed_sends import moments
from tests.test_sync_radio_word import LOG, SAVED_AGAIN, SCRIPT, WORD, WORD_MOI, saved_by_staff

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


def _sha(data: bytes) -> str:
    """The sha256 of `data`, as state/radio.json records a file."""
    return hashlib.sha256(data).hexdigest()


OURS = station_text("VÌ AN NINH TỔ QUỐC\n\nKính thưa quý thính giả.\n")


@pytest.mark.parametrize("saved", sorted(SAVED_AGAIN))
def test_a_file_an_editor_only_saved_again_reads_as_ours(saved: str) -> None:
    """What an editor does to a file it only saves (no BOM, LF, the last line end dropped or one
    more) reads as the file we wrote."""
    data = SAVED_AGAIN[saved](OURS)
    assert data != OURS and as_sent(_sha(data), data, (_sha(OURS),)) == _sha(OURS)


@pytest.mark.parametrize("more", [2, 3, 6])
@pytest.mark.parametrize("form", ["crlf", "lf"])
def test_blank_lines_added_at_the_end_are_no_editors_saving(more: int, form: str) -> None:
    """Blank lines typed after the last line are the station's change, not an editor's saving:
    every trailing line end was stripped, so a file with six more read as ours (a .moi copy so
    changed was then removed or moved into _rut-lai/ as ours, without a note)."""
    data = OURS + b"\r\n" * more
    if form == "lf":
        data = SAVED_AGAIN["lf"](data)
    assert as_sent(_sha(data), data, (_sha(OURS),)) == _sha(data)


def test_a_script_txt_with_blank_lines_added_at_its_end_is_kept_as_the_stations(root: Path) -> None:
    """Staff pressed Enter a few times at the end of script.txt (room to write a note by hand):
    the file is theirs, so a correction (113 → 114) keeps it, ours beside it, as for any edit
    of theirs; read as ours, it was replaced under them."""
    sync(root)
    station = root / STATION
    text = station / SCRIPT
    text.write_bytes(text.read_bytes() + b"\r\n" * 3)
    staff = text.read_bytes()
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    actions, summary = sync(root, now=LATER)
    assert {a.key: a.kind for a in actions}[SCRIPT] == "conflict" and summary.conflicts == 1
    assert text.read_bytes() == staff and reads(station / SCRIPT_MOI, "một một bốn")


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


@pytest.mark.parametrize("saved", sorted(SAVED_AGAIN))
def test_a_change_log_only_saved_again_is_written_on_not_put_beside(root: Path, saved: str) -> None:
    """Staff open THAY-DOI.txt and save it (Notepad: no BOM; other editors: LF, the last line
    end dropped or added), then another bulletin changes: THAY-DOI.txt itself tells the new
    change, no THAY-DOI.moi.txt, no conflict. Read as an edit, every later change went only
    into THAY-DOI.moi.txt, which staff are not told to open, and the log they read missed it."""
    sync(root)
    station = root / STATION
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    log = station / LOG
    log.write_bytes(SAVED_AGAIN[saved](log.read_bytes()))
    quiet, _summary = sync(root, now=LATER)
    assert {a.kind for a in quiet} == {"noop"}  # nothing changed: the log is left as it is
    edit(root / SECOND, "30.000 đồng", "50.000 đồng")
    actions, summary = sync(root, now=LATER)
    assert {a.key: a.kind for a in actions}[LOG] == "update"
    assert summary.conflicts == 0 and not (station / LOG_MOI).exists()
    told = change_log(log.read_bytes())
    assert "(items/canh-bao-lua-dao-shipper.txt): sửa lần 2" in told and "sửa lần 2" in told


@pytest.mark.parametrize("saved", sorted(SAVED_AGAIN))
def test_a_guide_only_saved_again_still_warns_of_a_withdrawn_bulletin(
    root: Path, saved: str
) -> None:
    """Staff read DOC-TRUOC.txt and press Ctrl+S; later they edit script.txt and one of its
    bulletins is withdrawn: the guide is written again and warns («CHÚ Ý») that their
    script.txt still holds it. Read as the station's own guide, it was never written again,
    and nothing in the folder told staff not to read the withdrawn bulletin."""
    sync(root)
    station = root / STATION
    told = station / GUIDE_NAME
    told.write_bytes(SAVED_AGAIN[saved](told.read_bytes()))
    quiet, _summary = sync(root)
    assert {a.kind for a in quiet} == {"noop"}
    saved_by_staff(station / SCRIPT)
    edit(root / FIRST, "approved_by:", "draft: true\napproved_by:")
    actions, summary = sync(root, now=LATER)
    assert {a.key: a.kind for a in actions}[GUIDE_NAME] == "update"
    assert summary.needs_person == 1
    assert f"CHÚ Ý: đài đã tự sửa {SCRIPT} nên tệp đó không được thay và VẪN CÒN tin đã rút" in (
        guide(root)
    )


def test_an_item_script_saved_again_then_withdrawn_goes_from_rut_lai_when_sent_again(
    root: Path,
) -> None:
    """Staff open an item script and save it (LF), then its bulletin is withdrawn and approved
    again: the copy moved into _rut-lai/ is ours (its words are), so it goes when the script is
    sent again, as a copy left as we wrote it does; none stays there with «Xin đừng phát»."""
    sync(root)
    station = root / STATION
    item = station / OTHER_ITEM
    item.write_bytes(SAVED_AGAIN["lf"](item.read_bytes()))
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    sync(root, now=LATER)
    withdrawn = station / radio_sync.WITHDRAWN_DIR / OTHER_ITEM
    assert withdrawn.exists() and not item.exists()
    edit(root / SECOND, "draft: true\napproved_by:", "approved_by:")
    actions, summary = sync(root, now="2024-12-13T15:00")
    assert {a.key: a.kind for a in actions}[OTHER_ITEM] == "create" and not summary.failed
    assert item.exists() and not withdrawn.exists()
    assert not (station / radio_sync.WITHDRAWN_DIR).exists()


ITEM_MOI = "items/ra-quan-ttatgt-cuoi-nam.moi.txt"


@pytest.mark.parametrize("saved", sorted(SAVED_AGAIN))
def test_our_copy_beside_only_saved_again_is_still_ours(root: Path, saved: str) -> None:
    """The station edited an item script and ours (113 → 114) went beside it; staff open the
    .moi copy to read it and save it again, no word changed. It is still our copy: the next
    run tells the same conflict, the next correction (114 → 115) replaces the copy, and once
    the station drops its own file ours is sent and the copy goes. Compared byte for byte it
    read as the station's edit of our copy: every run refused the file «cũng đã bị sửa», the
    correction never reached the station, and the copy stayed after the conflict was settled."""
    sync(root)
    station = root / STATION
    (station / ITEM).write_text((station / ITEM).read_text("utf-8") + "\nGhi chú.\n", "utf-8")
    staff = (station / ITEM).read_bytes()
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    moi = station / ITEM_MOI
    moi.write_bytes(SAVED_AGAIN[saved](moi.read_bytes()))
    resaved = moi.read_bytes()
    quiet, summary = sync(root, now=LATER)
    planned = {a.key: (a.kind, a.reason) for a in quiet}
    assert planned[ITEM] == (
        "conflict",
        f"đài đã sửa tệp này; bản mới đã nằm sẵn ở {ITEM_MOI} (chưa giải quyết)",
    )
    assert summary.conflicts == 1 and not summary.failed
    assert moi.read_bytes() == resaved  # the same words: not written again
    edit(root / FIRST, "gọi số 114", "gọi số 115")
    actions, summary = sync(root, now=LATER)
    assert {a.key: a.kind for a in actions}[ITEM] == "conflict"
    assert summary.conflicts == 1 and not summary.failed
    assert moi.read_bytes() == built(root)[ITEM] and reads(moi, "một một năm")
    assert (station / ITEM).read_bytes() == staff
    moi.write_bytes(SAVED_AGAIN[saved](moi.read_bytes()))
    (station / ITEM).unlink()  # the station settles it: its own copy dropped
    actions, summary = sync(root, now=LATER)
    assert {a.key: a.kind for a in actions}[ITEM] == "create" and not summary.failed
    assert reads(station / ITEM, "một một năm") and not moi.exists()


def test_our_copy_beside_saved_again_goes_with_a_withdrawal_and_back_without_a_note(
    root: Path,
) -> None:
    """Our .moi copy beside the station's edited item script, only saved again (LF, no BOM),
    goes to _rut-lai/ with the script when its bulletin is withdrawn, as ours: no note of its
    own saying «đài đã sửa», and when the bulletin is sent again it is removed from _rut-lai/
    like a copy left as we wrote it. Read as the station's edit it got a note telling staff
    they had changed it, and stayed in _rut-lai/ for good once the bulletin came back."""
    sync(root)
    station = root / STATION
    item = station / OTHER_ITEM
    item.write_bytes(item.read_bytes() + "Ghi chú của người dẫn.\r\n".encode())
    edit(root / SECOND, "30.000 đồng", "50.000 đồng")
    sync(root, now="2024-12-12T13:00")
    moi = station / radio_sync.moi_name(OTHER_ITEM)
    moi.write_bytes(SAVED_AGAIN["lf"](moi.read_bytes()))
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    actions, summary = sync(root, now=LATER)
    withdraw = next(a for a in actions if a.key == OTHER_ITEM)
    assert withdraw.kind == "withdraw" and "(đài đã sửa)" not in withdraw.reason
    withdrawn = station / radio_sync.WITHDRAWN_DIR
    kept = withdrawn / radio_sync.moi_name(OTHER_ITEM)
    assert kept.exists() and not moi.exists() and not summary.failed
    assert not Path(f"{kept}{radio_sync.NOTE_SUFFIX}").exists()
    edit(root / SECOND, "draft: true\napproved_by:", "approved_by:")
    actions, summary = sync(root, now="2024-12-13T15:00")
    back = next(a for a in actions if a.key == OTHER_ITEM)
    copy = f"{radio_sync.WITHDRAWN_DIR}/{radio_sync.moi_name(OTHER_ITEM)}"
    assert back.reason.endswith(f"; xóa cả bản .moi đã rút {copy}") and not summary.failed
    assert not kept.exists()


def test_the_new_change_log_beside_saved_again_is_not_written_at_every_run(root: Path) -> None:
    """The station edited THAY-DOI.txt, so the new log went beside it; staff open
    THAY-DOI.moi.txt and save it (Notepad: no BOM). The rerun says it is there already and
    writes nothing: the plan said so while the run wrote it again, the file staff had open
    replaced under them."""
    sync(root)
    station = root / STATION
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    log = station / LOG
    log.write_bytes(log.read_bytes() + "Đã in lại.\r\n".encode())
    edit(root / FIRST, "gọi số 114", "gọi số 115")
    sync(root, now="2024-12-13T15:00")
    beside = station / LOG_MOI
    beside.write_bytes(SAVED_AGAIN["no-bom"](beside.read_bytes()))
    before = stats(station)
    actions, summary = sync(root, now="2024-12-13T15:30")
    planned = {a.key: (a.kind, a.reason) for a in actions}
    assert planned[LOG] == (
        "conflict",
        f"đài đã sửa tệp này; bản mới đã nằm sẵn ở {LOG_MOI} (chưa giải quyết)",
    )
    assert summary.conflicts == 1 and stats(station) == before
