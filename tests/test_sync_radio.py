"""The radio folder sync: idempotent, never overwrites staff edits or foreign files, crash-safe."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import importlib.util
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from publish import config as config_module
from publish.cli import main, resolve_now
from publish.commands.sync import SyncOptions, _count_planned
from publish.errors import Problem, PublishError, RemoteError
from publish.pipeline import build
from publish.render import radio as render_radio
from publish.render.radio import HELD_FOR_READING
from publish.render.radio import check as radio_check
from publish.render.radio_station import EDITOR_NOTES
from publish.sync import manifest as manifest_module
from publish.sync import radio as radio_sync
from publish.sync.base import Action, Summary, run
from publish.sync.radio_guide import GUIDE_NAME
from publish.sync.radio_revisions import logged as logged_path
from publish.sync.report import ChannelResult, render_text
from publish.writer import write
from tests import forked
from tests.helpers import FIXTURES, readable, snapshot, stats
from tests.station_log import change_log

NOW = "2024-12-12T12:00"
STATION = "dai-phat-thanh"
FIRST = "content/bai-viet/2024-12-09-ra-quan-ttatgt-cuoi-nam.md"
SECOND = "content/bai-viet/2024-12-10-canh-bao-lua-dao-shipper.md"
ITEM = "items/ra-quan-ttatgt-cuoi-nam.txt"
OTHER_ITEM = "items/canh-bao-lua-dao-shipper.txt"
EPISODE_FILES = [
    f"2024-W50/{n}" for n in ("rundown.json", "rundown.txt", "script.docx", "script.txt")
]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A fresh copy of the radio fixture project."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    return target


def sync(
    root: Path, *, dry_run: bool = False, now: str = NOW, reconcile: bool = False
) -> tuple[list[Action], Summary]:
    """Build the radio channel and sync it, as `publish sync radio` does; return actions, summary."""
    made = syncer(root, dry_run=dry_run, now=now, reconcile=reconcile)
    return run(made, dry_run=dry_run, echo=lambda _line: None)


def syncer(
    root: Path, *, dry_run: bool = False, now: str = NOW, reconcile: bool = False
) -> radio_sync.RadioSyncer:
    """Build the radio channel into output/ and make the syncer `publish sync radio` runs."""
    config = config_module.load(root)
    result = build(config, channels=("radio",), now=resolve_now(now, config.tz))
    write(result.artifacts, root / "output", ("radio",))
    options = SyncOptions(
        dry_run=dry_run, output=root / "output", state=root / "state", reconcile=reconcile
    )
    return radio_sync.make_syncer(config, site=result.site, output=options.output, options=options)


def built(root: Path) -> dict[str, bytes]:
    """What the build put in output/radio/ for the station (it should hold exactly these): all
    but the editors' notes beside each rundown."""
    made = snapshot(root / "output" / "radio")
    return {path: data for path, data in made.items() if not path.endswith("/" + EDITOR_NOTES)}


def unmarked(data: bytes) -> bytes:
    """A station file without the revision line the sync puts under the first line."""
    lines = data.split(b"\r\n")
    if len(lines) > 1 and lines[1].startswith("SỬA LẦN ".encode()):
        del lines[1]
    return b"\r\n".join(lines)


def at_station(station: Path) -> dict[str, bytes]:
    """The station folder as the build made it: revision lines, change logs and the guide
    left out."""
    return {
        path: unmarked(data)
        for path, data in scripts(station).items()
        if not path.endswith("THAY-DOI.txt")
    }


def scripts(station: Path) -> dict[str, bytes]:
    """The station folder without the guide the sync writes for the staff (DOC-TRUOC.txt)."""
    return {path: data for path, data in snapshot(station).items() if path != GUIDE_NAME}


def edit(path: Path, old: str, new: str) -> None:
    """Replace text in a file (must be present)."""
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_first_sync_copies_every_script_and_a_rerun_writes_nothing(root: Path) -> None:
    """Idempotent: the second run plans no action, rewrites no file and does not touch the manifest."""
    _actions, summary = sync(root)
    station = root / STATION
    assert scripts(station) == built(root)
    assert summary.created == len(built(root)) + 1 == 7 and not summary.failed  # and the guide
    manifest = json.loads((root / "state/radio.json").read_text("utf-8"))
    assert set(manifest["entries"]) == set(built(root))
    assert manifest["entries"][ITEM]["bulletins"] == ["ra-quan-ttatgt-cuoi-nam"]
    before = stats(station) | {"state": (root / "state/radio.json").stat().st_mtime_ns}
    actions, summary = sync(root)
    assert all(a.kind == "noop" for a in actions)
    assert summary.unchanged == 7 and summary.created == summary.updated == 0  # and the guide
    assert stats(station) | {"state": (root / "state/radio.json").stat().st_mtime_ns} == before


def test_changed_bulletin_updates_only_its_files(root: Path) -> None:
    """A changed body rewrites its item and the episode files; the other item is left alone."""
    sync(root)
    station = root / STATION
    before = stats(station)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    actions, _summary = sync(root)
    changed = {a.key for a in actions if a.kind == "update"}
    assert ITEM in changed and OTHER_ITEM not in changed
    assert all(a.reason for a in actions)
    assert stats(station)[OTHER_ITEM] == before[OTHER_ITEM]
    assert at_station(station) == built(root)
    assert "một một bốn" in (station / ITEM).read_text("utf-8")


def test_renaming_only_a_bulletins_file_sends_the_station_nothing(root: Path) -> None:
    """A bulletin file renamed (a typo in its name fixed), its `id` and so its item kept: the
    station reads nothing of the file name, so nothing it holds is rewritten, no «SỬA LẦN …»
    asks its staff to reprint, and THAY-DOI.txt logs no change (the flagged bulletin too,
    whose note for the editor in rundown.txt used to name its file)."""
    sync(root)
    station = root / STATION
    before = stats(station), (root / "state/radio.json").read_bytes()
    for old in (FIRST, SECOND):
        (root / old).rename(root / old.replace(".md", "-sua-ten.md"))
    actions, summary = sync(root)
    assert {a.kind for a in actions} == {"noop"}, [(a.kind, a.key, a.reason) for a in actions]
    assert summary.updated == summary.created == 0
    assert (stats(station), (root / "state/radio.json").read_bytes()) == before
    assert not (station / "2024-W50" / "THAY-DOI.txt").exists()
    sent = "".join(
        data.decode("utf-8-sig") for data in scripts(station).values() if data[:1] != b"P"
    )
    assert "content/" not in sent


SOURCES = {"CAH-RA-QUAN-DAM-BAO": FIRST, "CANH-BAO-LUA-DAO-GIA": SECOND}
"""Item slug → its bulletin file, as versions before session 42 wrote it to the station."""


def as_older_versions_wrote(path: str, data: bytes, notes: str = "") -> bytes:
    """A station file as versions before session 42 wrote it: the bulletin's file named in the
    item script's header, in a «Nguồn:» list and the editor's notes of rundown.txt (`notes`:
    ghi-chu-bien-tap.txt, which rundown.txt then ended with), and in each row of rundown.json."""
    if path.endswith(".json"):
        document = json.loads(data)
        for row in document["items"]:
            row["source"] = SOURCES.get(row["slug"])
        return json.dumps(document, ensure_ascii=False, indent=2).encode() + b"\n"
    text = data.decode("utf-8")
    if path.startswith("items/"):
        source = SOURCES[text.removeprefix("\ufeff").split()[0]]
        return text.replace("\r\nPhát sóng: ", f"\r\nNguồn: {source} | Phát sóng: ", 1).encode()
    listed = "".join(
        f"  A{n} {slug}: {SOURCES[slug]}\r\n"
        for n, slug in ((3, "CAH-RA-QUAN-DAM-BAO"), (5, "CANH-BAO-LUA-DAO-GIA"))
    )
    return (text + f"\r\nNguồn:\r\n{listed}" + rundown_notes(notes, f"{SECOND}:")).encode()


def rundown_notes(notes: str, line_word: str) -> str:
    """The «Ghi chú cho biên tập viên» that rundown.txt ended with before session 44, from the
    notes file now beside it: each note by item and `line_word` («dòng » since session 42, the
    bulletin's file and a colon before)."""
    lines = [
        re.sub(r"^(  \S+) \S+\.md dòng ", rf"\1 {line_word}", line)
        for line in notes.removeprefix("\ufeff").splitlines()
        if line.startswith("  ")
    ]
    return "\r\nGhi chú cho biên tập viên:\r\n" + "".join(f"{line}\r\n" for line in lines)


def older_station(root: Path) -> dict[str, bytes]:
    """Turn the station's item scripts and rundowns into what an older version wrote, and
    state/radio.json into what it recorded; return them."""
    station = root / STATION
    state = root / "state/radio.json"
    document = json.loads(state.read_text("utf-8"))
    made = {}
    notes = (root / "output/radio/2024-W50" / EDITOR_NOTES).read_text("utf-8")
    for path, entry in document["entries"].items():
        if not (path.startswith("items/") or "/rundown." in path):
            continue
        made[path] = as_older_versions_wrote(path, (station / path).read_bytes(), notes)
        assert made[path] != (station / path).read_bytes()
        (station / path).write_bytes(made[path])
        old_build = as_older_versions_wrote(path, built(root)[path], notes)
        entry["digest"] = hashlib.sha256(old_build).hexdigest()
        if "station" in entry:  # a revision, with its «SỬA LẦN» line
            entry["station"] = hashlib.sha256(made[path]).hexdigest()
    state.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return made


RUNDOWN = "2024-W50/rundown.txt"


@pytest.mark.parametrize("revised", [False, True], ids=["as-first-sent", "a-revision"])
def test_files_an_older_version_sent_are_not_sent_again_for_the_names_it_wrote(
    root: Path, revised: bool
) -> None:
    """Versions before session 42 wrote the bulletin's file name into item scripts and
    rundowns. The first sync after the upgrade sent every file of the episodes to come again,
    «SỬA LẦN … hãy in lại», for a name the station never reads. They are recorded as holding
    the build, with no write and no THAY-DOI.txt entry; a later change is a revision as ever.
    The rundown alone goes once more: it also ended with the notes for the unit's editors,
    which since session 44 stay in output/radio/ (ghi-chu-bien-tap.txt)."""
    sync(root)
    if revised:
        edit(root / FIRST, "gọi số 113", "gọi số 114")
        sync(root, now="2024-12-12T13:00")
    station = root / STATION
    older = older_station(root)
    before = stats(station), snapshot(station)
    actions, summary = sync(root, now="2024-12-12T14:00")
    kept = {a.key for a in actions if a.kind == "verify"}
    assert kept == set(older) - {RUNDOWN}
    # The rundown, then the change log and the guide written once it is sent (the plan says so
    # since s67 for the guide, since s68 for the change log: created, or updated when an
    # earlier revision made it).
    planned = [(a.kind, a.key) for a in actions if a.kind in ("create", "update")]
    log = ("update" if revised else "create", "2024-W50/THAY-DOI.txt")
    assert planned == [("update", RUNDOWN), log, ("update", GUIDE_NAME)]
    assert {a.kind for a in actions} == {"noop", "verify", "update", log[0]}
    # Counted as printed: the rundown and the guide updated, the change log created (updated
    # when an earlier revision made it), as the «tạo mới»/«cập nhật» lines say.
    assert (summary.created, summary.updated) == ((0, 3) if revised else (1, 2))
    assert at_station(station)[RUNDOWN] == built(root)[RUNDOWN]
    assert "Ghi chú cho biên tập viên" not in (station / RUNDOWN).read_text("utf-8-sig")
    # The guide says the episode was revised after the station got it, as for any revision.
    unchanged = set(before[1]) - {RUNDOWN, "2024-W50/THAY-DOI.txt", GUIDE_NAME}
    assert {p: d for p, d in snapshot(station).items() if p in unchanged} == {
        p: before[1][p] for p in unchanged
    }
    state = (root / "state/radio.json").read_bytes()
    after = stats(station)
    actions, _summary = sync(root, now="2024-12-12T15:00")
    assert {a.kind for a in actions} == {"noop"}
    assert (stats(station), (root / "state/radio.json").read_bytes()) == (after, state)

    edit(root / FIRST, "xe mô tô", "xe máy")
    sync(root, now="2024-12-12T16:00")
    revision = 3 if revised else 2
    item = (station / ITEM).read_text("utf-8-sig")
    assert item.splitlines()[1].startswith(f"SỬA LẦN {revision} ") and "Nguồn" not in item
    assert at_station(station)[ITEM] == built(root)[ITEM]
    assert (station / OTHER_ITEM).read_bytes() == older[OTHER_ITEM]  # still as it was sent
    logged = change_log((station / "2024-W50/THAY-DOI.txt").read_bytes())
    assert f"sửa lần {revision}" in logged
    at_upgrade = logged.split("14:00, Thứ Năm, 12/12/2024:")[1].split("\n\n")[0]
    assert "thứ tự phát" in at_upgrade and "items/" not in at_upgrade


def test_a_file_an_older_version_sent_is_a_revision_when_its_text_changed_too(root: Path) -> None:
    """The file names aside, only a text the same as the build is taken as held: a change to
    the bulletin made together with the upgrade reaches the station as a revision."""
    sync(root)
    older = older_station(root)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    actions, _summary = sync(root, now="2024-12-12T14:00")
    changed = {a.key for a in actions if a.kind == "update"}
    assert ITEM in changed and "2024-W50/script.txt" in changed
    # The number read differently, the durations are the same: their names alone differ (the
    # rundown also loses its notes for the editors, session 44).
    kept = {a.key for a in actions if a.kind == "verify"}
    assert kept == {OTHER_ITEM, "2024-W50/rundown.json"} and RUNDOWN in changed
    station = root / STATION
    assert {p: d for p, d in at_station(station).items() if p in changed} == {
        p: d for p, d in built(root).items() if p in changed
    }
    assert {p: (station / p).read_bytes() for p in kept} == {p: older[p] for p in kept}
    assert "SỬA LẦN 2 " in (station / ITEM).read_text("utf-8-sig")


def test_the_editors_notes_stay_beside_the_rundown_and_never_reach_the_station(
    root: Path,
) -> None:
    """rundown.txt ended with «Ghi chú cho biên tập viên» (a dropped link, by «A5 dòng 24»):
    the station's staff read notes on a file they do not have. The notes are in
    output/radio/<tập>/ghi-chu-bien-tap.txt, with the bulletin's file; sync never copies it."""
    _actions, summary = sync(root)
    notes = (root / "output/radio/2024-W50" / EDITOR_NOTES).read_text("utf-8-sig")
    assert f"  A5 {SECOND} dòng 24: [ghi chú] Đã bỏ câu kêu gọi xem liên kết" in notes
    station = root / STATION
    assert not list(station.rglob(EDITOR_NOTES))
    rundown = (station / RUNDOWN).read_text("utf-8-sig")
    assert "Ghi chú cho biên tập viên" not in rundown and "R1.3" not in rundown
    entries = json.loads((root / "state/radio.json").read_text("utf-8"))["entries"]
    assert not [path for path in entries if EDITOR_NOTES in path]
    assert summary.created == len(built(root)) + 1  # and DOC-TRUOC.txt


@pytest.mark.parametrize("aired", [False, True], ids=["coming", "aired"])
def test_a_rundown_sent_with_the_editors_notes_goes_once_more_only_if_still_to_air(
    root: Path, aired: bool
) -> None:
    """The station holds a rundown.txt a session 42–43 version sent, ending with the editors'
    notes. An episode still to come gets it once more without them (a revision, as any change
    to the rundown), then nothing; an aired episode is the station's and is never sent again."""
    sync(root)
    station = root / STATION
    notes = (root / "output/radio/2024-W50" / EDITOR_NOTES).read_text("utf-8")
    old = (station / RUNDOWN).read_bytes() + rundown_notes(notes, "dòng ").encode()
    (station / RUNDOWN).write_bytes(old)
    state = root / "state/radio.json"
    document = json.loads(state.read_text("utf-8"))
    document["entries"][RUNDOWN]["digest"] = hashlib.sha256(old).hexdigest()
    state.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    when = AFTER_AIR if aired else "2024-12-12T14:00"
    actions, summary = sync(root, now=when)
    if aired:
        assert {a.kind for a in actions} == {"noop"} and summary.updated == 0
        assert (station / RUNDOWN).read_bytes() == old
        return
    planned = [(a.kind, a.key) for a in actions if a.kind != "noop"]
    # The change log and the guide, written once the rundown is sent.
    log = ("create", "2024-W50/THAY-DOI.txt")
    assert planned == [("update", RUNDOWN), log, ("update", GUIDE_NAME)]
    sent = (station / RUNDOWN).read_text("utf-8-sig")
    assert sent.splitlines()[1].startswith("SỬA LẦN 2 ") and "Ghi chú cho biên tập viên" not in sent
    actions, summary = sync(root, now="2024-12-12T15:00")
    assert {a.kind for a in actions} == {"noop"} and summary.updated == 0


def test_staff_edit_is_never_overwritten_and_the_new_version_goes_beside(root: Path) -> None:
    """Edited at the station → kept; ours goes to <name>.moi.txt and the sync reports a conflict."""
    sync(root)
    station = root / STATION
    staff = (station / ITEM).read_text("utf-8") + "\nGhi chú của đài: đọc chậm đoạn cuối.\n"
    (station / ITEM).write_text(staff, "utf-8")
    actions, summary = sync(root)  # the build did not change: nothing to put beside it
    assert (
        summary.conflicts == 0 and not (station / "items/ra-quan-ttatgt-cuoi-nam.moi.txt").exists()
    )
    assert (station / ITEM).read_text("utf-8") == staff

    edit(root / FIRST, "gọi số 113", "gọi số 114")
    actions, summary = sync(root)
    moi = station / "items/ra-quan-ttatgt-cuoi-nam.moi.txt"
    assert (station / ITEM).read_text("utf-8") == staff
    assert moi.read_bytes() == built(root)[ITEM]
    assert summary.conflicts == 1
    conflict = next(a for a in actions if a.kind == "conflict")
    assert conflict.key == ITEM and "đài đã sửa" in conflict.reason and "moi.txt" in conflict.reason
    assert (
        unmarked((station / "2024-W50/script.txt").read_bytes())
        == built(root)["2024-W50/script.txt"]
    )

    before = stats(station)
    _actions, summary = sync(root)  # still unresolved: reported again, nothing rewritten
    assert summary.conflicts == 1 and stats(station) == before

    (station / ITEM).unlink()  # the station settles it by dropping its copy
    sync(root)
    assert unmarked((station / ITEM).read_bytes()) == built(root)[ITEM]
    assert not moi.exists()


def test_a_new_version_the_station_deleted_is_not_put_back_until_the_next_change(
    root: Path,
) -> None:
    """Deleting our .moi keeps the station's edit: the same version is not offered again."""
    sync(root)
    station = root / STATION
    staff = (station / ITEM).read_text("utf-8") + "\nGhi chú của đài.\n"
    (station / ITEM).write_text(staff, "utf-8")
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root)
    moi = station / "items/ra-quan-ttatgt-cuoi-nam.moi.txt"
    moi.unlink()
    actions, summary = sync(root)
    assert not moi.exists() and summary.conflicts == 0
    assert next(a for a in actions if a.key == ITEM).kind == "noop"
    edit(root / FIRST, "gọi số 114", "gọi số 115")
    _actions, summary = sync(root)
    assert summary.conflicts == 1 and "một một năm" in moi.read_text("utf-8")
    assert (station / ITEM).read_text("utf-8") == staff


AFTER_AIR = "2024-12-16T12:00"
"""A clock after the fixture's episode (Saturday 14/12/2024, 17:00) has aired."""


def test_an_aired_episode_deleted_at_the_station_is_not_copied_again(root: Path) -> None:
    sync(root)
    station = root / STATION
    shutil.rmtree(station / "2024-W50")
    (station / ITEM).unlink()
    actions, summary = sync(root, now=AFTER_AIR)
    assert {a.kind for a in actions} == {"noop"} and summary.created == 0
    assert not (station / "2024-W50").exists() and not (station / ITEM).exists()


def test_an_aired_episode_is_neither_updated_nor_withdrawn(root: Path) -> None:
    sync(root)
    station = root / STATION
    before = snapshot(station)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    actions, _summary = sync(root, now=AFTER_AIR)
    assert {a.kind for a in actions} == {"noop"}
    assert snapshot(station) == before and not (station / "_rut-lai").exists()
    # An episode still to come is synced as before.
    edit(root / FIRST, "date: 2024-12-09 08:00", "date: 2024-12-16 08:00")
    _actions, summary = sync(root, now=AFTER_AIR)
    assert summary.created > 0 and (station / "2024-W51/script.txt").exists()
    assert (station / ITEM).read_bytes() == built(root)[ITEM]


def test_a_bulletin_edited_after_approval_is_withdrawn_with_a_plain_note(root: Path) -> None:
    """The note the station reads said how to approve again (a command line for the unit's
    approver, not for the station): it says only that the bulletin waits for approval."""
    plain = "tạm rút, chờ duyệt lại nội dung đã sửa"
    assert main(["approve", "--root", str(root), "--now", NOW, SECOND, "--by", "Thượng tá A"]) == 0
    sync(root)
    edit(root / SECOND, "approved_by:", "author: Phòng Tham mưu\napproved_by:")
    actions, _summary = sync(root)
    note = (root / STATION / "_rut-lai" / (OTHER_ITEM + ".ly-do.txt")).read_text("utf-8")
    assert plain in note
    assert "publish approve" not in note and "--by" not in note
    assert any(a.kind == "withdraw" and plain in a.reason for a in actions)


@pytest.mark.parametrize(
    ("pattern", "new", "told"),
    [
        (
            "approved_by:",
            'pii_reviewed_by: "ok"\napproved_by:',
            "tên người rà soát dữ liệu cá nhân ghi trong bản tin không hợp lệ",
        ),
        (r"approved_by: .*", 'approved_by: "ok"', "tên người duyệt ghi trong bản tin không hợp lệ"),
        (r"approved_version: .*", "approved_version: sua-tay", "dấu duyệt ghi trong bản tin"),
        (r"approved_by: .*", 'approved_by: ""', "bản tin chưa có người duyệt"),
    ],
    ids=["pii-reviewer", "approver", "hand-typed-version", "no-approver"],
)
def test_a_bulletin_held_for_its_approval_fields_tells_the_station_that_cause(
    root: Path, pattern: str, new: str, told: str
) -> None:
    """A bulletin held only for its pii_reviewed_by («ok») was withdrawn with «tạm rút, chờ
    duyệt lại nội dung đã sửa» although nothing was edited: the station's note and the plan's
    line say the cause that holds it, still without the field or the command for the unit."""
    assert main(["approve", "--root", str(root), "--now", NOW, SECOND, "--by", "Thượng tá A"]) == 0
    sync(root)
    text = (root / SECOND).read_text("utf-8")
    edited = re.sub(pattern, new, text, count=1)
    assert edited != text
    (root / SECOND).write_text(edited, "utf-8")
    actions, _summary = sync(root)
    note = (root / STATION / "_rut-lai" / (OTHER_ITEM + ".ly-do.txt")).read_text("utf-8")
    assert told in note and "nội dung đã sửa" not in note
    for said in ("publish approve", "--by", "pii_reviewed_by", "approved_by", "approved_version"):
        assert said not in note
    assert any(a.kind == "withdraw" and told in a.reason for a in actions)


HELD_TEXT = "TQZX"
"""An all-caps word no lexicon knows: a blocking read-aloud flag (R14.6) holds its bulletin."""


def test_a_bulletin_held_by_a_read_aloud_flag_tells_the_station_the_cause_alone(
    root: Path,
) -> None:
    """The station's note said «bị giữ lại vì lỗi đọc thành tiếng: <the editor's message>
    «<excerpt>» (mã quy tắc …)»: the editor's advice, and bulletin text the station was never
    sent, maybe the very text held back. It says the cause as the station reads it; the editor
    is still told the flag, its text and its fix by the build."""
    sync(root)
    edit(root / SECOND, "Đối tượng gọi điện", f"Đối tượng {HELD_TEXT} gọi điện")
    actions, _summary = sync(root)
    held = [p for p in assemble_problems(root) if HELD_TEXT in p.message]
    assert held and "R14.6" in held[0].message  # the editor's detail, in `publish check`
    station = root / STATION
    notes = {p: p.read_text("utf-8-sig") for p in (station / "_rut-lai").rglob("*.ly-do.txt")}
    assert station / "_rut-lai" / (OTHER_ITEM + ".ly-do.txt") in notes
    for note in notes.values():
        assert HELD_FOR_READING in note
        for said in (HELD_TEXT, "mã quy tắc", "R14.6", "Cách sửa", "từ điển"):
            assert said not in note
    withdraw = next(a for a in actions if a.kind == "withdraw")
    assert HELD_FOR_READING in withdraw.reason and HELD_TEXT not in withdraw.reason
    for path, data in snapshot(station).items():
        assert HELD_TEXT.encode() not in data, path


def test_a_held_bulletin_renamed_since_it_was_sent_is_named_as_the_station_knows_it(
    root: Path,
) -> None:
    """The note and the change log named a withdrawn bulletin by its title in content/: one
    the station never had, and for a bulletin held back, maybe the very text held (here a
    word the radio cannot read). They name it by the title it was sent with."""
    sync(root)
    edit(root / SECOND, f'title: "{OTHER_TITLE}"', f'title: "{HELD_TEXT} gọi điện lừa đảo"')
    edit(root / SECOND, "Đối tượng gọi điện", f"Đối tượng {HELD_TEXT} gọi điện")
    sync(root, now=LATER)
    station = root / STATION
    note = (station / "_rut-lai" / (OTHER_ITEM + ".ly-do.txt")).read_text("utf-8-sig")
    assert f"Bản tin: «{OTHER_TITLE}»" in note
    log = change_log((station / "2024-W50/THAY-DOI.txt").read_bytes())
    assert f"Rút tin «{OTHER_TITLE}» ({OTHER_ITEM})" in log
    for path, data in snapshot(station).items():
        assert HELD_TEXT.encode() not in data, path


def assemble_problems(root: Path) -> list[Problem]:
    """What `publish check` says of the radio channel (its warnings) for the project."""
    config = config_module.load(root)
    result = build(config, channels=("radio",), now=resolve_now(NOW, config.tz))
    return radio_check(result.site)


def test_records_of_deleted_bulletins_are_dropped_once_the_station_deleted_their_files(
    root: Path,
) -> None:
    """state/radio.json does not keep forever what no sync can need: an aired file the station
    deleted, all of whose bulletins are deleted from content/. Nothing at the station changes."""
    sync(root)
    station = root / STATION
    (root / SECOND).unlink()
    actions, _summary = sync(root, now=AFTER_AIR)
    assert {a.kind for a in actions} == {"noop"}  # the station still has its item script
    (station / OTHER_ITEM).unlink()
    actions, _summary = sync(root, now=AFTER_AIR)
    [forget] = [a for a in actions if a.kind != "noop"]
    assert (forget.kind, forget.key) == ("forget", OTHER_ITEM)
    assert "tập 2024-W50 đã phát lúc 17:00, Thứ Bảy, 14/12/2024" in forget.reason
    assert "canh-bao-lua-dao-shipper" in forget.reason and "content/" in forget.reason
    entries = json.loads((root / "state/radio.json").read_text("utf-8"))["entries"]
    assert OTHER_ITEM not in entries and ITEM in entries

    # The week's files name the episode of an item still recorded: kept while that item is.
    (root / FIRST).unlink()
    shutil.rmtree(station / "2024-W50")
    actions, _summary = sync(root, now=AFTER_AIR)
    assert {a.kind for a in actions} == {"noop"}
    (station / ITEM).unlink()
    before = snapshot(station)
    actions, _summary = sync(root, now=AFTER_AIR)
    assert {(a.kind, a.key) for a in actions} == {
        ("forget", path) for path in (ITEM, *EPISODE_FILES)
    } | {("noop", GUIDE_NAME)}
    assert json.loads((root / "state/radio.json").read_text("utf-8"))["entries"] == {}
    assert snapshot(station) == before
    actions, _summary = sync(root, now=AFTER_AIR)
    assert [(a.kind, a.key) for a in actions] == [("noop", GUIDE_NAME)]


def sync_command(root: Path, now: str) -> int:
    """`publish sync radio` (which also records the episodes' rates and air times)."""
    return main(["sync", "radio", "--root", str(root), "--now", now])


def test_the_summary_names_the_station_folder_the_scripts_went_to(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An editor reading «radio: 6 tạo mới» must not have to guess where those files are."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    assert sync_command(root, NOW) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("  radio: ")]
    assert line.startswith("  radio: 7 tạo mới, 0 cập nhật, 0 rút lại/gỡ, 0 không đổi")
    assert line.endswith(f"(đếm theo tệp trong thư mục của đài {STATION}/, đặt ở [radio] folder)")
    share = tmp_path / "share"
    shutil.copytree(root / STATION, share)  # the same folder, as the station's share mounted
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(share))
    assert sync_command(root, NOW) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("  radio: ")]
    assert line.endswith(
        f"(đếm theo tệp trong thư mục của đài {share}, đặt ở biến PUBLISH_RADIO_DIR)"
    )


def test_the_summary_json_names_the_station_folder_too(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI reads --summary-json, which says what the summary says: where the scripts went."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    summary = tmp_path / "tom-tat.json"
    assert (
        main(["sync", "radio", "--root", str(root), "--now", NOW, "--summary-json", str(summary)])
        == 0
    )
    [radio] = [
        c for c in json.loads(summary.read_text("utf-8"))["channels"] if c["channel"] == "radio"
    ]
    assert radio["place"] == f"đếm theo tệp trong thư mục của đài {STATION}/, đặt ở [radio] folder"
    assert radio["created"] == 7 and "note" in radio  # the other keys as before


COUNTED_LINE = re.compile(r"^  ✓ (tạo mới|cập nhật|xác minh|rút lại|gỡ bỏ) (\S+):", re.MULTILINE)
BUCKET_OF = {
    "tạo mới": "created",
    "xác minh": "created",
    "cập nhật": "updated",
    "rút lại": "hidden",
    "gỡ bỏ": "hidden",
}


def test_the_summary_counts_each_file_as_its_printed_line_says(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An operator (or CI reading --summary-json) checks the summary against the lines above
    it. DOC-TRUOC.txt rewritten once the scripts were sent printed «✓ cập nhật» yet counted
    «không đổi», and an episode's new THAY-DOI.txt printed «✓ tạo mới» yet was never counted.
    Each file at the station now counts once, as its printed line (or Markdown row) says."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    assert sync_command(root, NOW) == 0
    capsys.readouterr()
    change(root)  # a revision and a withdrawal
    report = tmp_path / "tom-tat.json"
    command = ["sync", "radio", "--root", str(root), "--now", LATER, "--summary-json", str(report)]
    assert main(command) == 0
    out = capsys.readouterr().out
    printed = COUNTED_LINE.findall(out)
    assert ("tạo mới", "2024-W50/THAY-DOI.txt") in printed and ("cập nhật", GUIDE_NAME) in printed
    counts = dict.fromkeys(("created", "updated", "hidden"), 0)
    for label, _path in printed:
        counts[BUCKET_OF[label]] += 1
    [radio] = json.loads(report.read_text("utf-8"))["channels"]
    assert (
        {bucket: radio[bucket] for bucket in counts}
        == counts
        == {
            "created": 1,
            "updated": 6,  # the episode's 4 files, the revised item script and the guide
            "hidden": 1,
        }
    )
    station = {p for p in snapshot(root / STATION) if not p.startswith("_rut-lai/")}
    assert radio["created"] + radio["updated"] + radio["unchanged"] == len(station)
    assert f"  radio: 1 tạo mới, 6 cập nhật, 1 rút lại/gỡ, {radio['unchanged']} không đổi, " in out

    edit(root / FIRST, "gọi số 114", "gọi số 115")
    command = ["sync", "radio", "--root", str(root), "--now", "2024-12-13T15:00"]
    assert main([*command, "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    rows = re.findall(r"^\| (cập nhật|tạo mới) \| [^|\n]*`([^`\n]+)`", markdown, re.MULTILINE)
    assert ("cập nhật", "2024-W50/THAY-DOI.txt") in rows and ("cập nhật", GUIDE_NAME) in rows
    assert f"radio: 0 tạo mới, {len(rows)} cập nhật, 0 rút lại/gỡ, " in markdown


KEPT_LINE = re.compile(r"^radio: (?:kế hoạch \d+ thao tác|không có thay đổi nào) \((\d+) mục giữ")
SUMMARY_LINE = re.compile(
    r"^  radio(?: \(dự kiến\))?: (\d+) tạo mới, (\d+) cập nhật, \d+ rút lại/gỡ, (\d+) không đổi"
)


def plan_and_summary(out: str) -> tuple[int, tuple[int, int, int]]:
    """A radio sync's printed «N mục giữ nguyên», and its summary's created, updated, unchanged."""
    lines = out.splitlines()
    [kept] = [int(m[1]) for line in lines if (m := KEPT_LINE.match(line))]
    [counts] = [
        (int(m[1]), int(m[2]), int(m[3])) for line in lines if (m := SUMMARY_LINE.match(line))
    ]
    return kept, counts


def test_the_plan_counts_the_guide_rewritten_after_the_scripts_as_an_update(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sync that sends the station something writes DOC-TRUOC.txt again once the scripts are
    sent, yet its plan counted the guide among «N mục giữ nguyên», one more than the summary's
    «không đổi», and a dry run left it out of the updates. The plan lists it as an update
    after the scripts, a dry run counts it so, and the real run agrees with both; a sync that
    sends nothing, or a guide the station edited, still keeps it."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    assert sync_command(root, NOW) == 0
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    capsys.readouterr()
    command = ["sync", "radio", "--root", str(root), "--now", LATER]
    assert main([*command, "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert main(command) == 0
    real = capsys.readouterr().out
    foreseen = f"  - cập nhật {GUIDE_NAME}: hướng dẫn cho đài, ghi lại sau khi gửi các tệp trên"
    for out in (dry, real):
        planned = [line for line in out.splitlines() if line.startswith("  - ")]
        # 3 scripts, the episode's new change log (since s68), then it
        assert planned[-1].startswith(foreseen) and len(planned) == 5
        assert planned[-2].startswith("  - tạo mới 2024-W50/THAY-DOI.txt: ")
    dry_kept, (dry_created, dry_updated, dry_unchanged) = plan_and_summary(dry)
    real_kept, (real_created, real_updated, real_unchanged) = plan_and_summary(real)
    assert dry_kept == dry_unchanged == real_kept == real_unchanged == 3
    assert dry_updated == real_updated == 4  # the 3 scripts and the guide
    assert dry_created == real_created == 1  # the change log
    done = [line for line in real.splitlines() if line.startswith("  ✓ ")]
    assert done[-1] == f"  ✓ cập nhật {GUIDE_NAME}: đã ghi {GUIDE_NAME}"  # after the scripts

    assert main([*command[:-1], "2024-12-13T15:00"]) == 0  # nothing to send: the guide stays
    out = capsys.readouterr().out
    # The change log kept too, and counted so since s68 (7 before: one file of the station's
    # folder left out).
    assert f"cập nhật {GUIDE_NAME}" not in out and plan_and_summary(out) == (8, (0, 0, 8))

    guide = root / STATION / GUIDE_NAME
    guide.write_bytes(guide.read_bytes() + "Chị Lan trực phát thanh tuần này.\r\n".encode())
    edit(root / FIRST, "gọi số 114", "gọi số 115")
    assert main([*command[:-1], "2024-12-13T16:00"]) == 0  # the station's own guide: kept
    out = capsys.readouterr().out
    assert f"cập nhật {GUIDE_NAME}" not in out
    kept, (_created, _updated, unchanged) = plan_and_summary(out)
    # rundown.json, rundown.txt, the other item script and the guide
    assert kept == unchanged == 4 and "Chị Lan trực phát thanh" in guide.read_text("utf-8-sig")


def test_a_later_air_time_in_the_settings_does_not_make_an_aired_episode_one_to_come(
    root: Path,
) -> None:
    """The air time an episode was sent with decides once it is past: moved to 19:00 at 18:00,
    the 17:00 broadcast stays aired and the week the station deleted is not written again."""
    assert sync_command(root, NOW) == 0
    station = root / STATION
    shutil.rmtree(station / "2024-W50")
    edit(root / "site.toml", 'air_time = "17:00"', 'air_time = "19:00"')
    assert sync_command(root, "2024-12-14T18:00") == 0
    assert not (station / "2024-W50").exists()
    heading = (root / "output/radio/2024-W50/rundown.txt").read_text("utf-8").splitlines()[1]
    assert heading.startswith("Phát sóng: 17:00, Thứ Bảy, 14/12/2024")  # as it was sent
    rates = json.loads((root / "state/radio-rates.json").read_text("utf-8"))
    assert rates["episodes"]["2024-W50"]["air"] == "2024-12-14T17:00:00+07:00"


def test_an_air_day_set_by_mistake_leaves_the_episode_alone_until_it_is_put_back(
    root: Path,
) -> None:
    """Settings that put an episode to come in the past make it aired (nothing is written to
    it) only while they say so: its record is kept, and put back the week syncs again."""
    assert sync_command(root, NOW) == 0
    station = root / STATION
    edit(root / "site.toml", "air_weekday = 6", "air_weekday = 3")  # Wednesday: yesterday
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    assert sync_command(root, "2024-12-12T13:00") == 0
    assert "một một bốn" not in (station / ITEM).read_text("utf-8")
    rates = json.loads((root / "state/radio-rates.json").read_text("utf-8"))
    assert rates["episodes"]["2024-W50"]["air"] == "2024-12-14T17:00:00+07:00"
    edit(root / "site.toml", "air_weekday = 3", "air_weekday = 6")
    assert sync_command(root, "2024-12-12T14:00") == 0
    assert "một một bốn" in (station / ITEM).read_text("utf-8")


def test_a_changed_air_weekday_leaves_aired_bulletins_in_the_episode_they_aired_in(
    root: Path,
) -> None:
    """Saturday's episode aired with a bulletin of Thursday 12th; moved to Wednesdays, it was
    put in the episode of Wednesday 18th, still to come, and sent to the station again (and
    the one set for Saturday 14th became an extra broadcast of its own). The record of what
    each aired episode was sent with keeps both where they aired."""
    edit(root / FIRST, "date: 2024-12-09 08:00", "date: 2024-12-12 08:00")
    assert sync_command(root, NOW) == 0
    station = root / STATION
    sent = json.loads((root / "output/radio/2024-W50/rundown.json").read_text("utf-8"))
    keys = [row["key"] for row in sent["items"] if row["key"]]
    assert sorted(keys) == ["canh-bao-lua-dao-shipper", "ra-quan-ttatgt-cuoi-nam"]
    edit(root / "site.toml", "air_weekday = 6", "air_weekday = 3")
    assert sync_command(root, "2024-12-15T12:00") == 0
    document = json.loads((root / "output/radio/2024-W50/rundown.json").read_text("utf-8"))
    assert [row["key"] for row in document["items"] if row["key"]] == keys
    assert document["air_start"] == "2024-12-14T17:00:00+07:00"
    assert sorted(p.name for p in (root / "output/radio").iterdir()) == ["2024-W50", "items"]
    assert not (station / "2024-W51").exists()


def test_the_rates_file_keeps_only_the_latest_aired_episodes(tmp_path: Path) -> None:
    """state/radio-rates.json grew by one record a week for ever; only the latest aired
    episodes stay (with those to come), the same ones whatever order they were read in."""
    from publish.radio_rates import KeptRates, upcoming_rates

    tz = dt.timezone(dt.timedelta(hours=7))
    first = dt.datetime(2024, 1, 6, 17, 0, tzinfo=tz)
    kept = {
        f"2024-W{week:02d}": KeptRates(first + dt.timedelta(weeks=week - 1), 240, {})
        for week in range(1, 31)
    }
    now = first + dt.timedelta(weeks=29, days=1)  # after the 30th
    result = upcoming_rates(tmp_path, dict(reversed(kept.items())), now)
    assert sorted(result) == [f"2024-W{week:02d}" for week in range(18, 31)]


LATE = "content/bai-viet/2024-12-14-canh-bao-gia-danh.md"
LATE_ITEM = "items/canh-bao-gia-danh.txt"
LATE_BULLETIN = """---
id: "canh-bao-gia-danh"
title: "Cảnh báo thủ đoạn giả danh công an gọi điện"
date: 2024-12-14 09:00
category: canh-bao-toi-pham
summary: "Đối tượng giả danh công an gọi điện yêu cầu chuyển tiền."
approved_by: "Thượng tá Nguyễn Văn Hùng"
---

Đối tượng giả danh công an gọi điện yêu cầu chuyển tiền. Người dân cần cảnh giác.
"""


def test_a_bulletin_merged_after_its_episode_aired_is_reported_not_skipped_silently(
    root: Path,
) -> None:
    """Dated before the Saturday slot but merged on Monday: placed in the aired episode, whose
    files the sync leaves alone, its script never reaches the station. The sync says so."""
    sync(root)
    (root / LATE).write_text(LATE_BULLETIN, "utf-8")
    actions, summary = sync(root, now=AFTER_AIR)
    missed = [a for a in actions if a.kind != "noop"]
    assert [(a.kind, a.key) for a in missed] == [("refuse", LATE_ITEM)]
    reason = missed[0].reason
    assert LATE in reason and "2024-W50" in reason and "17:00, Thứ Bảy, 14/12/2024" in reason
    assert "radio: {air_date: 2024-12-21}" in reason and "17:00, Thứ Bảy, 21/12/2024" in reason
    assert "ghi draft: [radio] vào bản tin" in reason  # kept from the radio, no new approval
    assert summary.refused == 1 and not (root / STATION / LATE_ITEM).exists()

    edit(root / LATE, "approved_by:", "radio: {air_date: 2024-12-21}\napproved_by:")
    actions, _summary = sync(root, now=AFTER_AIR)
    assert ("create", LATE_ITEM) in {(a.kind, a.key) for a in actions}
    assert (root / STATION / LATE_ITEM).read_bytes() == built(root)[LATE_ITEM]

    # After state/ is lost, aired episodes were not sent by this record: nothing is reported.
    (root / "state/radio.json").unlink()
    edit(root / LATE, "radio: {air_date: 2024-12-21}\n", "")
    actions, _summary = sync(root, now="2024-12-23T12:00")
    assert {a.kind for a in actions} == {"noop"}


def test_an_aired_bulletin_without_id_renamed_is_told_apart_from_one_never_sent(
    root: Path,
) -> None:
    """A bulletin without `id` is known by its slug: renamed after its episode aired (a typo in
    the title), it looked like a bulletin the station never had, and the refusal's advice, book
    the next broadcast, had it read on air twice (session 42). The refusal now names the script
    the episode did receive and the `id` line that keeps the bulletin known on every channel."""
    edit(root / SECOND, 'id: "canh-bao-lua-dao-shipper"\n', "")
    sync(root)  # before the 17:00 slot of 14/12, the episode carries it under its slug
    renamed = root / SECOND.replace("shipper.md", "shipper-qua-mang.md")
    (root / SECOND).rename(renamed)
    actions, _summary = sync(root, dry_run=True, now=AFTER_AIR)
    [refusal] = [a for a in actions if a.kind == "refuse"]
    assert refusal.key == "items/canh-bao-lua-dao-shipper-qua-mang.txt"
    assert f"({OTHER_ITEM}): dòng «id: canh-bao-lua-dao-shipper»" in refusal.reason
    assert "đừng hẹn phát lại" in refusal.reason
    # With that line the bulletin is the one the station read: nothing is refused or sent.
    edit(renamed, "title:", 'id: "canh-bao-lua-dao-shipper"\ntitle:')
    actions, _summary = sync(root, dry_run=True, now=AFTER_AIR)
    assert {a.kind for a in actions} == {"noop"}


def test_a_bulletin_read_from_the_sent_episode_script_is_not_told_it_missed_its_slot(
    root: Path,
) -> None:
    """Its item script never reached the station (the run writing it was killed), but the
    episode's script.txt and script.docx we sent before the slot carried it and the presenter
    read it: «tin này sẽ không được phát» after air time was false, and sent the editor to
    book it again, so it would be read twice."""
    (root / LATE).write_text(LATE_BULLETIN, "utf-8")
    sync(root, now="2024-12-14T12:00")  # published at 09:00, before the 17:00 slot
    record = root / "state/radio.json"
    state = json.loads(record.read_text("utf-8"))
    assert "canh-bao-gia-danh" in state["entries"]["2024-W50/script.txt"]["bulletins"]
    del state["entries"][LATE_ITEM]
    record.write_text(json.dumps(state), "utf-8")
    (root / STATION / LATE_ITEM).unlink()
    actions, summary = sync(root, now=AFTER_AIR)
    assert [a for a in actions if a.kind == "refuse"] == [] and summary.refused == 0
    assert not any("sẽ không được phát" in a.reason for a in actions)


def test_a_bulletin_that_missed_its_episode_is_told_once_not_at_every_sync(root: Path) -> None:
    """The refusal came back at every sync for as long as the bulletin stayed in content/ (it
    may stay for good: its web and Zalo posts are fine). A preview says it every time; the
    first real sync says it and state/radio.json remembers, so later syncs are quiet."""
    sync(root)
    (root / LATE).write_text(LATE_BULLETIN, "utf-8")
    for _ in range(2):
        actions, summary = sync(root, dry_run=True, now=AFTER_AIR)
        assert [a.kind for a in actions if a.kind != "noop"] == ["refuse"]
    actions, summary = sync(root, now=AFTER_AIR)
    [refusal] = [a for a in actions if a.kind != "noop"]
    assert refusal.kind == "refuse" and summary.refused == 1
    assert "chỉ hiện ở lần đồng bộ đầu tiên" in refusal.reason
    for now in (AFTER_AIR, "2024-12-30T12:00"):
        actions, summary = sync(root, now=now)
        assert {a.kind for a in actions} == {"noop"} and summary.refused == 0
        actions, _summary = sync(root, dry_run=True, now=now)
        assert {a.kind for a in actions} == {"noop"}
    # Given a slot to come, it is sent; the memory of the refusal goes with it.
    edit(root / LATE, "approved_by:", "radio: {air_date: 2024-12-21}\napproved_by:")
    actions, _summary = sync(root, now=AFTER_AIR)
    assert ("create", LATE_ITEM) in {(a.kind, a.key) for a in actions}
    meta = json.loads((root / "state/radio.json").read_text("utf-8"))["meta"]
    assert "missed_reported" not in meta


def test_docx_edited_at_the_station_gets_a_moi_docx_beside_it(root: Path) -> None:
    """Word files follow the same rule: script.moi.docx."""
    sync(root)
    station = root / STATION
    (station / "2024-W50/script.docx").write_bytes(b"PK edited by staff")
    edit(root / SECOND, "30.000 đồng", "50.000 đồng")
    sync(root)
    assert (station / "2024-W50/script.docx").read_bytes() == b"PK edited by staff"
    assert (station / "2024-W50/script.moi.docx").read_bytes() == built(root)[
        "2024-W50/script.docx"
    ]


def test_withdrawn_bulletin_moves_to_rut_lai_with_a_note(root: Path) -> None:
    """Draft again, or deleted → its script moves to _rut-lai/ with a note for the station."""
    sync(root)
    station = root / STATION
    synced_item = (station / OTHER_ITEM).read_bytes()
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    actions, summary = sync(root)
    assert not (station / OTHER_ITEM).exists()
    assert (station / "_rut-lai" / OTHER_ITEM).read_bytes() == synced_item
    note = (station / "_rut-lai" / (OTHER_ITEM + ".ly-do.txt")).read_text("utf-8")
    assert "đơn vị đã rút bản tin" in note and OTHER_ITEM in note
    assert summary.hidden == 1
    withdraw = next(a for a in actions if a.kind == "withdraw")
    assert "bản nháp" in withdraw.reason
    assert (
        unmarked((station / "2024-W50/script.txt").read_bytes())
        == built(root)["2024-W50/script.txt"]
    )

    (root / FIRST).unlink()
    sync(root)
    assert not [
        p
        for p in station.rglob("*")
        if p.is_file() and "_rut-lai" not in p.parts and p.name != GUIDE_NAME
    ]
    note = (station / "_rut-lai" / (ITEM + ".ly-do.txt")).read_text("utf-8")
    assert "Lý do: đơn vị đã rút bản tin." in note and "content/" not in note
    episode_note = (station / "_rut-lai/2024-W50/script.txt.ly-do.txt").read_text("utf-8")
    assert "Lý do: tập phát sóng không còn (tin duy nhất của tập: đơn vị đã rút bản tin)." in (
        episode_note
    )
    assert "ra-quan-ttatgt-cuoi-nam" not in episode_note and "content/" not in episode_note
    assert json.loads((root / "state/radio.json").read_text("utf-8"))["entries"] == {}


@pytest.mark.parametrize(
    ("withdraw", "editor_reads"),
    [
        (
            lambda path: edit(path, "approved_by:", "draft: true\napproved_by:"),
            "bản nháp (draft: true)",
        ),
        (lambda path: path.unlink(), "đã bị xóa khỏi content/"),
    ],
    ids=["draft", "deleted"],
)
def test_a_withdrawal_note_tells_the_station_in_its_words(
    root: Path, withdraw: Callable[[Path], object], editor_reads: str
) -> None:
    """The note beside a withdrawn script read «Lý do: bản tin canh-bao-lua-dao-shipper: bản
    nháp (draft: true)» (or «đã bị xóa khỏi content/»): the bulletin's key, a field and a folder
    of the unit's files, nothing the staff can act on. It says which script, by the title they
    received, and that the unit withdrew it; the key (a slug may hold the name of a person
    wrongly named) is only the station's own file name. The editor still reads the cause."""
    sync(root)
    withdraw(root / SECOND)
    actions, _summary = sync(root)
    note = (root / STATION / "_rut-lai" / (OTHER_ITEM + ".ly-do.txt")).read_text("utf-8-sig")
    assert "Bản tin: «Cảnh báo lừa đảo giả danh người giao hàng»" in note
    assert "Lý do: đơn vị đã rút bản tin." in note and "Xin đừng phát tệp này." in note
    assert note.count("canh-bao-lua-dao-shipper") == 1 and f"Tệp: {OTHER_ITEM}" in note
    assert not re.search(r"content/|draft|\.md\b|channels", note), note
    [withdrawn] = [a for a in actions if a.kind == "withdraw"]
    assert editor_reads in withdrawn.reason and "canh-bao-lua-dao-shipper" in withdrawn.reason


@pytest.mark.parametrize(
    ("told", "said"),
    [
        ({}, "cả 2 tin của tập: đơn vị đã rút bản tin"),
        (
            {"canh-bao": "đơn vị thôi đưa bản tin lên chuyên mục phát thanh"},
            "1 tin: đơn vị đã rút bản tin; 1 tin: đơn vị thôi đưa bản tin lên chuyên mục phát thanh",
        ),
    ],
    ids=["both-deleted", "one-deleted-one-off-the-radio"],
)
def test_an_episode_withdrawn_is_told_by_the_count_of_its_bulletins(
    told: dict[str, str], said: str
) -> None:
    """The note beside an episode's script listed «tim-chau-tran-thi-b: đã bị xóa khỏi
    content/; …»: every key, the slug of a bulletin withdrawn for naming a child among them.
    It counts the bulletins and says what became of them; the plan still names each for the
    editor."""
    state = radio_sync.FileState(
        path="2024-W50/script.txt",
        local=None,
        bulletins=("tim-chau-tran-thi-b", "canh-bao"),
        written="a" * 64,
        present="a" * 64,
        episode="2024-W50",
    )
    [action] = radio_sync.plan(radio_sync.Observed((state,), told=told))
    assert action.kind == "withdraw"
    assert action.data["note"] == f"tập phát sóng không còn ({said})"
    assert "tim-chau-tran-thi-b: đã bị xóa khỏi content/" in action.reason


def test_a_new_version_put_beside_is_cleared_when_its_bulletin_is_withdrawn(root: Path) -> None:
    """Station edited the episode; a bulletin added since went into script.moi.txt; that bulletin
    is withdrawn again: the .moi (holding its text) must not stay in the station folder."""
    sync(root)
    station = root / STATION
    script = station / "2024-W50/script.txt"
    script.write_text(script.read_text("utf-8") + "\nGhi chú của đài.\n", "utf-8")
    extra = root / "content/bai-viet/2024-12-11-tin-them.md"
    text = (root / SECOND).read_text("utf-8").replace("shipper", "tin-them")
    head, _, _body = text.partition("\n---\n")
    extra.write_text(head + "\n---\n\nPhà Cao Lãnh tạm dừng hoạt động.\n", "utf-8")
    sync(root)
    moi = station / "2024-W50/script.moi.txt"
    assert "Phà Cao Lãnh" in moi.read_text("utf-8")
    edit(extra, "approved_by:", "draft: true\napproved_by:")
    actions, _summary = sync(root)
    assert not moi.exists()
    left = [p for p in station.rglob("*.*") if "_rut-lai" not in p.parts]
    assert any(p.suffix == ".docx" for p in left)
    assert not [p for p in left if "Phà Cao Lãnh" in readable(p.name, p.read_bytes())]
    cleared = next(a for a in actions if a.key == "2024-W50/script.txt")
    assert "dọn đi" in cleared.reason


def test_a_new_version_the_station_edited_goes_to_rut_lai_with_its_withdrawn_bulletin(
    root: Path,
) -> None:
    """The station edited an item, our new version went beside it, and the station edited that
    copy too; then the bulletin is withdrawn: the copy (holding its text) must not stay in
    items/ where a presenter finds it, it goes to _rut-lai/ with a note of its own."""
    sync(root)
    station = root / STATION
    item = station / OTHER_ITEM
    item.write_bytes(item.read_bytes() + "Ghi chú đài.\r\n".encode())
    edit(root / SECOND, "lừa đảo", "lừa gạt")
    sync(root, now=LATER)
    moi = station / radio_sync.moi_name(OTHER_ITEM)
    edited = moi.read_bytes() + "Đài đã duyệt bản này.\r\n".encode()
    moi.write_bytes(edited)
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    actions, _summary = sync(root, now="2024-12-13T15:00")
    assert not moi.exists() and not item.exists()
    kept = station / "_rut-lai" / radio_sync.moi_name(OTHER_ITEM)
    assert kept.read_bytes() == edited
    note = Path(f"{kept}.ly-do.txt").read_text("utf-8-sig")
    assert radio_sync.moi_name(OTHER_ITEM) in note and "đơn vị đã rút bản tin" in note
    withdraw = next(a for a in actions if a.key == OTHER_ITEM)
    assert f"{radio_sync.moi_name(OTHER_ITEM)} (đài đã sửa) cũng chuyển vào _rut-lai/" in (
        withdraw.reason
    )


def test_a_station_edit_holding_a_withdrawn_bulletin_says_so(root: Path) -> None:
    sync(root)
    station = root / STATION
    script = station / "2024-W50/script.txt"
    script.write_text(script.read_text("utf-8") + "\nGhi chú của đài.\n", "utf-8")
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    actions, _summary = sync(root)
    conflict = next(a for a in actions if a.key == "2024-W50/script.txt")
    assert conflict.kind == "conflict"
    assert "còn nội dung bản tin đã rút" in conflict.reason and "bản nháp" in conflict.reason


def test_a_withdrawn_bulletin_still_in_the_script_the_station_edited_needs_a_person(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Withdrawn, yet still in the station's own script.txt: it can go on air, so the sync ends
    with exit 1 (CI red) and DOC-TRUOC.txt names that file, at every sync until it is settled."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    assert sync_command(root, NOW) == 0
    station = root / STATION
    script = station / "2024-W50/script.txt"
    theirs = script.read_text("utf-8") + "\nĐài thêm: nhắc thính giả nghe lại tối Chủ nhật.\n"
    script.write_text(theirs, "utf-8")
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    summary_path = tmp_path / "tom-tat.json"
    argv = ["sync", "radio", "--root", str(root), "--now", NOW, "--summary-json", str(summary_path)]
    for _run in range(2):  # said again by the next sync, not once and forgotten
        assert main(argv) == 1
        [radio] = json.loads(summary_path.read_text("utf-8"))["channels"]
        assert radio["status"] == "failed" and radio["needs_person"] == 1
        [failure] = radio["failures"]
        assert failure["key"] == "2024-W50/script.txt"
        assert "còn nội dung bản tin đã rút (canh-bao-lua-dao-shipper)" in failure["error"]
        assert "dùng 2024-W50/script.moi.txt thay cho 2024-W50/script.txt" in failure["error"]
    assert script.read_text("utf-8") == theirs  # still never overwritten
    assert not (station / OTHER_ITEM).exists()
    guide = (station / GUIDE_NAME).read_text("utf-8-sig")
    assert (
        "CHÚ Ý: đài đã tự sửa 2024-W50/script.txt nên tệp đó không được thay và VẪN CÒN tin đã "
        "rút: «Cảnh báo lừa đảo giả danh người giao hàng». Đừng đọc 2024-W50/script.txt như "
        "đang có: đọc 2024-W50/script.moi.txt"
    ) in guide
    assert "không còn cùng nội dung với tệp kia" in guide
    (station / "2024-W50/script.moi.txt").replace(script)  # the station takes our version
    assert main(argv) == 0
    assert json.loads(summary_path.read_text("utf-8"))["channels"][0]["needs_person"] == 0


def test_a_station_that_cut_the_withdrawn_bulletin_itself_and_deleted_the_moi_is_left_be(
    root: Path,
) -> None:
    """The other way out the failure names: the station removes the item from its own copy and
    deletes script.moi.txt; the sync then keeps its copy and no longer asks for a person."""
    sync(root)
    station = root / STATION
    script = station / "2024-W50/script.txt"
    script.write_text(script.read_text("utf-8") + "\nGhi chú của đài.\n", "utf-8")
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    _actions, summary = sync(root)
    assert summary.needs_person == 1
    (station / "2024-W50/script.moi.txt").unlink()
    actions, summary = sync(root)
    assert summary.needs_person == 0 and not summary.failed
    assert next(a for a in actions if a.key == "2024-W50/script.txt").kind == "noop"


def test_a_station_edit_holding_no_withdrawn_bulletin_is_an_ordinary_conflict(root: Path) -> None:
    """Only a withdrawal needs a person: an edited script whose bulletin was merely changed is a
    conflict as before (new version beside it, exit 0), and the guide has no «CHÚ Ý»."""
    sync(root)
    station = root / STATION
    script = station / "2024-W50/script.txt"
    script.write_text(script.read_text("utf-8") + "\nGhi chú của đài.\n", "utf-8")
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    _actions, summary = sync(root)
    # script.docx follows the text the station edited (kept, ours beside): not counted again
    assert summary.conflicts == 1 and summary.needs_person == 0 and not summary.failed
    assert "CHÚ Ý" not in (station / GUIDE_NAME).read_text("utf-8-sig")


def test_files_the_tool_did_not_create_are_never_touched(root: Path) -> None:
    """Station files (even at a path we want) stay byte-for-byte, including when we withdraw ours."""
    station = root / STATION
    foreign = {
        "ghi-chu.txt": b"Lich truc tuan nay\n",
        "items/tin-cua-dai.txt": "Tin riêng của đài.\n".encode(),
        "2024-W50/script.txt": "Bản kịch bản đài tự gõ.\n".encode(),
    }
    for rel, data in foreign.items():
        (station / rel).parent.mkdir(parents=True, exist_ok=True)
        (station / rel).write_bytes(data)
    _actions, summary = sync(root)
    assert summary.conflicts == 1
    assert (station / "2024-W50/script.moi.txt").read_bytes() == built(root)["2024-W50/script.txt"]
    (root / FIRST).unlink()
    (root / SECOND).unlink()
    sync(root)
    for rel, data in foreign.items():
        assert (station / rel).read_bytes() == data
    moved = {
        p.relative_to(station / "_rut-lai").as_posix() for p in (station / "_rut-lai").rglob("*")
    }
    assert not any("tin-cua-dai" in m or "ghi-chu" in m for m in moved)
    assert "2024-W50/script.txt" not in moved  # it was never ours


def test_missing_station_folder_is_a_clear_error_and_nothing_changes(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A share that is not mounted: Vietnamese error naming the folder; no state written."""
    missing = tmp_path / "o-mang" / "kich-ban"
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(missing))
    with pytest.raises(PublishError) as caught:
        sync(root)
    message = str(caught.value)
    assert "không tìm thấy thư mục của đài" in message and str(missing) in message
    assert "PUBLISH_RADIO_DIR" in message
    assert not missing.exists() and not (root / "state/radio.json").exists()


def test_a_missing_station_folder_exits_3_as_an_unmounted_share_does(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: a share not mounted (an empty mount point) is exit 3, «run again later»; the
    missing folder, which is how a share not mounted looks on Windows and macOS, was exit 1.
    And only radio was asked for: no «the other channels were still synced»."""
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(tmp_path / "khong-co"))
    assert main(["sync", "radio", "--root", str(root), "--now", NOW]) == 3
    told = capsys.readouterr()
    assert f"radio: LỖI — không tìm thấy thư mục của đài {tmp_path / 'khong-co'}" in told.out
    assert "vẫn được đồng bộ" not in told.out + told.err
    assert not (root / "state/radio.json").exists()


@pytest.mark.parametrize(
    ("asked", "closing"),
    [
        (["radio"], "Có kênh gặp lỗi cần sửa (xem ở trên)."),
        (["web", "radio"], "Có kênh gặp lỗi cần sửa (xem ở trên); kênh web vẫn được đồng bộ."),
    ],
)
def test_the_closing_line_says_other_channels_were_synced_only_when_some_were(
    root: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    asked: list[str],
    closing: str,
) -> None:
    not_a_folder = tmp_path / "dai.txt"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(not_a_folder))
    assert main(["sync", *asked, "--root", str(root), "--now", NOW]) == 1
    told = capsys.readouterr()
    assert f"radio: LỖI — {not_a_folder} không phải là thư mục" in told.out
    assert told.err.rstrip().splitlines()[-1] == closing


def test_the_crash_test_hooks_do_nothing_outside_the_tests(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PUBLISH_RADIO_TEST_HOLD / _PAUSE left set on a production machine: the sync neither
    stalls holding the lock nor stops on a value that is no number; under the tests a bad
    pause is ignored too."""
    marker = tmp_path / "held"
    monkeypatch.delenv("PYTEST_CURRENT_TEST", raising=False)
    monkeypatch.delenv("PUBLISH_TEST_HOOKS", raising=False)
    monkeypatch.setenv(radio_sync.ENV_HOLD, f"1:{marker}")
    monkeypatch.setenv(radio_sync.ENV_PAUSE, "nửa giây")
    _actions, summary = sync(root)
    assert summary.created == 7 and not marker.exists()
    monkeypatch.setenv("PUBLISH_TEST_HOOKS", "1")
    monkeypatch.delenv(radio_sync.ENV_HOLD)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    _actions, summary = sync(root)
    assert summary.updated >= 1


def test_an_unmounted_share_is_refused_and_the_real_one_gets_the_withdrawal_later(
    root: Path, tmp_path: Path
) -> None:
    """The share is not mounted when the run starts (its mount point is an empty folder): the
    sync stops (exit 3) writing nothing and dropping no record, so the withdrawn bulletin's
    script still goes to _rut-lai/ once the real share is back; --reconcile takes an emptied
    folder as it is."""
    sync(root)
    station = root / STATION
    away = tmp_path / "share-away"
    station.rename(away)
    station.mkdir()
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    state = (root / "state/radio.json").read_bytes()
    for dry_run in (True, False):
        with pytest.raises(RemoteError) as caught:
            sync(root, now=LATER, dry_run=dry_run)
        message = str(caught.value)
        assert caught.value.exit_code == 3
        assert str(station) in message and "ổ mạng của đài chưa gắn" in message
        assert "--reconcile" in message
        assert not any(station.iterdir())
        assert (root / "state/radio.json").read_bytes() == state
    station.rmdir()
    away.rename(station)
    sync(root, now=LATER)
    assert not (station / OTHER_ITEM).exists()
    assert (station / "_rut-lai" / OTHER_ITEM).exists()
    assert "KHÔNG ĐỌC tin đã rút" in (station / GUIDE_NAME).read_text("utf-8-sig")

    shutil.rmtree(station)  # the station really emptied its folder
    station.mkdir()
    with pytest.raises(RemoteError):
        sync(root, now=LATER)
    sync(root, now=LATER, reconcile=True)
    assert (station / ITEM).exists() and (station / GUIDE_NAME).exists()


def test_a_station_that_deleted_only_the_guide_is_not_taken_for_an_unmounted_share(
    root: Path,
) -> None:
    """Staff deleted DOC-TRUOC.txt alone: the sync writes it again, as before."""
    sync(root)
    (root / STATION / GUIDE_NAME).unlink()
    actions, _summary = sync(root, now=LATER)
    assert [a.key for a in actions if a.kind == "create"] == [GUIDE_NAME]
    assert (root / STATION / GUIDE_NAME).exists()


@pytest.mark.skipif(os.name == "nt", reason="there a drive path is the station's folder")
@pytest.mark.parametrize("written", ["D:\\Dai truyen thanh\\kich ban", "\\\\may-dai\\kich-ban"])
def test_a_windows_station_folder_on_another_system_is_refused(
    root: Path, monkeypatch: pytest.MonkeyPatch, written: str
) -> None:
    """Copied from the station's Windows PC into site.toml, the folder is one odd name here: the
    scripts went into a folder of that name in the project and the sync said they were sent."""
    toml = root / "site.toml"
    text = toml.read_text(encoding="utf-8")
    quoted = written.replace("\\", "\\\\")
    toml.write_text(
        re.sub(r"(?m)^folder = .*$", lambda _m: f'folder = "{quoted}"', text), encoding="utf-8"
    )
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    with pytest.raises(PublishError) as caught:
        sync(root)
    message = str(caught.value)
    assert f"thư mục của đài «{written}» (folder trong bảng [radio] của site.toml)" in message
    assert "là đường dẫn của Windows" in message and "PUBLISH_RADIO_DIR" in message
    assert not any("\\" in p.name for p in root.iterdir())  # no folder of that odd name


def test_read_only_station_folder_is_a_clear_error_and_nothing_changes(root: Path) -> None:
    """A read-only folder stops the sync before any step; folder and manifest stay as they were."""
    sync(root)
    station = root / STATION
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    before = snapshot(station)
    manifest = (root / "state/radio.json").read_bytes()
    station.chmod(0o555)
    try:
        with pytest.raises(PublishError) as caught:
            sync(root)
    finally:
        station.chmod(0o755)
    assert "chỉ cho đọc" in str(caught.value) and str(station) in str(caught.value)
    assert snapshot(station) == before
    assert (root / "state/radio.json").read_bytes() == manifest


def test_failed_writes_are_not_recorded_and_the_rerun_finishes(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Disk full after two files: those two are recorded, the rest reported failed; rerun completes."""
    real = radio_sync.atomic_write_bytes
    calls: list[Path] = []

    def flaky(path: Path, data: bytes, **kwargs: int) -> None:
        calls.append(path)
        if len(calls) > 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data, **kwargs)

    monkeypatch.setattr(radio_sync, "atomic_write_bytes", flaky)
    _actions, summary = sync(root)
    assert summary.created == 2 and len(summary.failed) == 5  # 4 scripts and the guide
    assert "không ghi được vào thư mục đài" in summary.failed[0][1]
    assert "hết chỗ trên đĩa" in summary.failed[0][1]
    recorded = json.loads((root / "state/radio.json").read_text("utf-8"))["entries"]
    assert set(recorded) == set(scripts(root / STATION)) and len(recorded) == 2
    monkeypatch.setattr(radio_sync, "atomic_write_bytes", real)
    _actions, summary = sync(root)
    assert summary.created == 5 and scripts(root / STATION) == built(root)  # and the guide


def test_leftover_temp_files_of_ours_are_removed_others_kept(root: Path) -> None:
    """A temp name of one of our files (a kill mid-write) is cleaned up; other dotfiles stay."""
    sync(root)
    station = root / STATION
    (station / "2024-W50/.script.txt.ab12cd34.tmp").write_bytes(b"half a scr")
    (station / "2024-W50/.ghi-chu.txt.ab12cd34.tmp").write_bytes(b"not ours")
    actions, _summary = sync(root)
    assert [a.kind for a in actions if a.kind != "noop"] == ["remove"]
    assert not (station / "2024-W50/.script.txt.ab12cd34.tmp").exists()
    assert (station / "2024-W50/.ghi-chu.txt.ab12cd34.tmp").exists()


def test_a_leftover_temp_file_cleared_is_not_counted_as_a_withdrawal(root: Path) -> None:
    """Clearing a killed run's temporary file is housekeeping: the summary (and a dry run's)
    counts no «rút lại/gỡ» for it, and its lines say «dọn», not «gỡ bỏ», so station staff
    do not look for a withdrawn bulletin."""
    sync(root)
    station = root / STATION
    temp = "2024-W50/.script.txt.ab12cd34.tmp"
    (station / temp).write_bytes(b"half a scr")
    for dry_run in (True, False):
        made = syncer(root, dry_run=dry_run)
        lines: list[str] = []
        actions, summary = run(made, dry_run=dry_run, echo=lines.append)
        if dry_run:  # counted as `publish sync --dry-run` counts its plan
            _count_planned(made, summary, actions)
        assert [(a.kind, a.key) for a in actions if a.kind != "noop"] == [("remove", temp)]
        assert (summary.hidden, summary.as_dict()["hidden"]) == (0, 0)
        closing = render_text(
            [ChannelResult(summary, actions)],
            None,
            made.site.now,
            made.site.config,
            dry_run=dry_run,
        )
        assert " 0 rút lại/gỡ," in closing
        told = [line for line in lines if temp in line]
        assert told and all(f" dọn {temp}:" in line for line in told), lines
        assert not any("gỡ bỏ" in line for line in lines)
    assert not (station / temp).exists()


def test_state_entry_outside_the_station_folder_is_refused(root: Path) -> None:
    """A tampered state file naming ../ is an error, never a move outside the station folder."""
    sync(root)
    state = root / "state/radio.json"
    document = json.loads(state.read_text("utf-8"))
    document["entries"]["../site.toml"] = {"digest": "0" * 64, "bulletins": []}
    state.write_text(json.dumps(document), "utf-8")
    with pytest.raises(PublishError, match="không phải đường dẫn trong thư mục đài"):
        sync(root)
    assert (root / "site.toml").is_file()


def test_dry_run_changes_nothing(root: Path) -> None:
    """--dry-run plans every file with a reason and writes neither the folder nor the manifest."""
    actions, _summary = sync(root, dry_run=True)
    assert {a.kind for a in actions} == {"create"} and all(a.reason for a in actions)
    assert not (root / STATION).exists() and not (root / "state/radio.json").exists()


# --- a real SIGKILL in the middle of `python -m publish sync radio` ---------------------------

needs_all_renderers = pytest.mark.skipif(
    importlib.util.find_spec("publish.render.zalo") is None,
    reason="publish sync dựng mọi kênh; chưa có bộ dựng Zalo (publish.render.zalo)",
)


def cli_sync(root: Path, *, pause: float = 0.0) -> forked.Forked:
    """Start `python -m publish sync radio` on the project (optionally slowed around each step),
    forked from a process that has imported publish (a fresh interpreter cost ~1 s of CPU a run)."""
    env = {**os.environ, radio_sync.ENV_PAUSE: str(pause), radio_sync.ENV_TEST_HOOKS: "1"}
    env.pop(radio_sync.ENV_FOLDER, None)
    return forked.start(["-m", "publish", "--root", root, "sync", "radio", "--now", NOW], env=env)


KILL_PAUSE = 0.05
"""Seconds the killed syncs pause around each file step: the window, after the sync reports an
action, in which the kill lands before the next action writes its file (48 kills of 8 runs under
load landed after the action meant, none later)."""
PLAN_LINE = re.compile(r"^radio: kế hoạch \d+ thao tác", re.MULTILINE)
"""The line before the sync's list of actions: printed (flushed) before it changes anything."""
DONE_LINE = re.compile(r"^  [✓✗…] ", re.MULTILINE)
"""The line the sync prints (flushed) as each action ends: done, failed or still at it."""


def steps_done(output: bytes) -> int:
    """How many actions a sync's output reports as ended; -1 before it has printed its plan."""
    text = output.decode("utf-8", "replace")
    return len(DONE_LINE.findall(text)) if PLAN_LINE.search(text) else -1


def kill_after_step(root: Path, step: int) -> int:
    """Run a slowed sync, SIGKILL it right after it reports its `step`-th action ended (0:
    right after its plan), and return how many it had reported when it died.

    A delay from the first write used to pick the moment: on this machine kills then landed
    only after the first one to three of 7-8 actions, never near the end (the withdrawal, the
    change log, DOC-TRUOC.txt)."""
    process = cli_sync(root, pause=KILL_PAUSE)
    started = time.monotonic()
    while steps_done(process.output()) < step:
        if process.poll() is not None or time.monotonic() - started > 60:
            raise AssertionError(process.communicate()[1].decode())
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    # A sync that had already finished would make the rerun below check nothing.
    assert process.returncode == -signal.SIGKILL, f"the sync ended ({process.returncode}) first"
    return steps_done(process.output())


def finish(root: Path) -> int:
    """Run the sync to completion; return how many actions it reported."""
    process = cli_sync(root)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()
    return steps_done(out)


def change(project: Path) -> None:
    """Edit one bulletin and withdraw the other (drives updates and a withdrawal)."""
    edit(project / FIRST, "gọi số 113", "gọi số 114")
    edit(project / SECOND, "approved_by:", "draft: true\napproved_by:")


@needs_all_renderers
def test_sigkill_mid_sync_then_rerun_gives_exactly_the_right_folder(tmp_path: Path) -> None:
    """Killed right after a chosen action while creating, then while updating and withdrawing:
    reruns repair, to the station folder and state/radio.json of a run never killed.

    Each run draws new actions to stop after (one in each third of the run, so early, middle
    and late kills are all tried) from a seed it prints and names on failure: KILL_SEED=<seed>
    draws the same ones again."""
    seed = int(os.environ.get("KILL_SEED") or random.randrange(2**32))
    print(f"KILL_SEED={seed}")
    rng = random.Random(seed)
    created, changed = tmp_path / "expected-created", tmp_path / "expected-changed"
    shutil.copytree(FIXTURES / "radio", created)
    creating = finish(created)
    shutil.copytree(created, changed)  # as synced: a second first sync is the same work again
    change(changed)
    changing = finish(changed)
    for trial in range(3):
        root = tmp_path / f"trial-{trial}"
        shutil.copytree(FIXTURES / "radio", root)
        step = rng.randrange(trial * creating // 3, (trial + 1) * creating // 3)
        landed = kill_after_step(root, step)
        said = f"KILL_SEED={seed}: killed after action {landed} of {creating} (meant {step})"
        finish(root)
        assert snapshot(root / STATION) == snapshot(created / STATION), said
        assert state_of(root) == state_of(created), said
        change(root)
        late = 2 - trial  # late first, then early
        step = rng.randrange(late * changing // 3, (late + 1) * changing // 3)
        landed = kill_after_step(root, step)
        said = f"KILL_SEED={seed}: killed while changing after action {landed} of {changing}"
        said += f" (meant {step})"
        finish(root)
        assert snapshot(root / STATION) == snapshot(changed / STATION), said
        assert state_of(root) == state_of(changed), said
        before = stats(root / STATION), (root / "state/radio.json").read_bytes()
        finish(root)
        assert (stats(root / STATION), (root / "state/radio.json").read_bytes()) == before


def test_dry_run_without_the_station_share_plans_from_state(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PR preview where the share is not mounted plans from state/radio.json and touches nothing."""
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(share))
    sync(root)
    shutil.rmtree(share)
    (root / FIRST).write_text(
        (root / FIRST).read_text(encoding="utf-8").replace("21 trường hợp", "22 trường hợp", 1),
        encoding="utf-8",
    )
    state_before = (root / "state" / "radio.json").read_bytes()
    actions, _summary = sync(root, dry_run=True)
    changed = {a.key for a in actions if a.kind == "update"}
    assert ITEM in changed
    assert OTHER_ITEM not in changed
    assert not share.exists()
    assert (root / "state" / "radio.json").read_bytes() == state_before


def dry_run_cli(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    """`publish sync radio --dry-run` as typed; its exit code and everything it printed."""
    code = main(["--root", str(root), "sync", "radio", "--dry-run", "--now", NOW, *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_dry_run_that_cannot_read_the_station_folder_never_says_all_is_in_step(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """README's folder move relies on the dry run saying "no changes": a mistyped or unmounted
    path must not pass that check, in plain text as in the pull-request Markdown."""
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(share))
    sync(root)
    capsys.readouterr()
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(tmp_path / "shaer"))  # a typo
    code, out = dry_run_cli(root, capsys)
    assert code == 0
    assert "radio: không có thay đổi nào" not in out
    assert f"CẢNH BÁO: không tìm thấy thư mục của đài {tmp_path / 'shaer'}" in out
    summary = out.split("Tóm tắt (chạy thử, chưa gửi gì):", 1)[1]
    assert "CẢNH BÁO: không tìm thấy thư mục của đài" in summary
    _code, markdown = dry_run_cli(root, capsys, "--format", "markdown")
    assert "**Cảnh báo:** không tìm thấy thư mục của đài" in markdown


def test_a_dry_run_stops_where_the_real_sync_would_on_a_folder_it_cannot_read(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path that is a file, or a folder that cannot be read, is an error in a dry run too:
    there is a folder (or file) there, so the share is mounted and the setting is wrong."""
    not_a_folder = tmp_path / "dai.txt"
    not_a_folder.write_text("x", "utf-8")
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(not_a_folder))
    code, out = dry_run_cli(root, capsys)
    assert code == 1 and "không phải là thư mục" in out
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(locked))
    try:
        code, out = dry_run_cli(root, capsys)
    finally:
        locked.chmod(0o755)
    assert code == 1 and f"không đọc được thư mục của đài {locked}" in out


def test_a_bulletin_expiring_before_its_air_time_is_withdrawn_for_that_reason(root: Path) -> None:
    """An editor sets `expires` before the broadcast after the station took the script: the note
    says it expires before air, not that it still airs in another episode (the station would
    look for it in next week's rundown)."""
    sync(root)
    station = root / STATION
    edit(root / SECOND, "approved_by:", "expires: 2024-12-14 10:00\napproved_by:")
    actions, _summary = sync(root)
    raw = (station / "_rut-lai" / (OTHER_ITEM + ".ly-do.txt")).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\n" not in raw.replace(b"\r\n", b"")
    note = raw.decode("utf-8-sig")
    assert "vẫn phát" not in note and "tập khác" not in note
    assert "hết hạn lúc 10:00, Thứ Bảy, 14/12/2024, trước giờ phát 17:00" in note
    withdraw = next(a for a in actions if a.kind == "withdraw" and a.key == OTHER_ITEM)
    assert "hết hạn" in withdraw.reason


TITLE = "Công an huyện ra quân đảm bảo trật tự an toàn giao thông cuối năm"
OTHER_TITLE = "Cảnh báo lừa đảo giả danh người giao hàng"
LATER = "2024-12-13T14:05"


def test_a_script_replaced_before_air_says_so_and_the_episode_logs_it(root: Path) -> None:
    """A presenter holding the first printout can tell: the new file has a revision line and the
    episode's THAY-DOI.txt names the bulletin by its title; a rerun writes nothing more."""
    sync(root)
    station = root / STATION
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    item = (station / ITEM).read_bytes()
    assert item.startswith(b"\xef\xbb\xbf") and b"\r\n" in item
    second_line = item.decode("utf-8-sig").split("\r\n")[1]
    assert second_line.startswith(
        "SỬA LẦN 2 — cập nhật lúc 14:05, Thứ Sáu, 13/12/2024; "
        "thay bản đã gửi lúc 12:00, Thứ Năm, 12/12/2024"
    )
    assert "SỬA LẦN" not in built(root)[ITEM].decode("utf-8-sig")  # the build stays pure
    assert "SỬA LẦN 2" in (station / "2024-W50/script.txt").read_text("utf-8-sig")
    raw = (station / "2024-W50/THAY-DOI.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n\n" not in raw
    log = change_log(raw)
    assert f"Thay tin «{TITLE}» ({ITEM}): sửa lần 2" in log
    assert "13/12/2024" in log and "kịch bản cả tập (script.txt)" in log
    assert OTHER_TITLE not in log

    before = stats(station)
    actions, _summary = sync(root, now="2024-12-13T15:00")
    assert {a.kind for a in actions} == {"noop"} and stats(station) == before

    edit(root / FIRST, "gọi số 114", "gọi số 115")
    sync(root, now="2024-12-13T16:30")
    log = change_log((station / "2024-W50/THAY-DOI.txt").read_bytes())
    assert log.index("sửa lần 3") < log.index("sửa lần 2")  # newest first
    assert "SỬA LẦN 3" in (station / ITEM).read_text("utf-8-sig")
    assert "thay bản đã gửi lúc 14:05, Thứ Sáu, 13/12/2024" in (station / ITEM).read_text(
        "utf-8-sig"
    )


def test_a_run_killed_between_the_script_and_the_log_logs_the_change_once(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The revised item is written, then the run dies before recording it: the rerun records it
    as ours (not a station edit), and the log has the change exactly once."""
    sync(root)
    station = root / STATION
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    real = radio_sync.RadioSyncer._record

    def killed(
        self: radio_sync.RadioSyncer,
        path: str,
        entry: dict[str, Any] | None,
        event: radio_sync.Logged,
    ) -> None:
        if path == ITEM:
            raise OSError(errno.EIO, "killed", path)
        return real(self, path, entry, event)

    monkeypatch.setattr(radio_sync.RadioSyncer, "_record", killed)
    sync(root, now=LATER)
    assert "SỬA LẦN 2" in (station / ITEM).read_text("utf-8-sig")
    monkeypatch.setattr(radio_sync.RadioSyncer, "_record", real)
    actions, summary = sync(root, now="2024-12-13T15:00")
    assert (
        summary.conflicts == 0 and not (station / "items/ra-quan-ttatgt-cuoi-nam.moi.txt").exists()
    )
    assert next(a for a in actions if a.key == ITEM).kind == "verify"
    for rerun in ("2024-12-13T15:30", "2024-12-13T16:00"):
        sync(root, now=rerun)
        log = change_log((station / "2024-W50/THAY-DOI.txt").read_bytes())
        assert log.count(f"Thay tin «{TITLE}»") == 1 and "14:05" in log


def test_a_withdrawn_item_is_named_by_its_title_in_the_note_and_the_log(root: Path) -> None:
    """The station knows a bulletin by its title, not its file name."""
    sync(root)
    station = root / STATION
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    sync(root, now=LATER)
    note = (station / "_rut-lai" / (OTHER_ITEM + ".ly-do.txt")).read_text("utf-8-sig")
    assert f"Bản tin: «{OTHER_TITLE}»" in note
    log = change_log((station / "2024-W50/THAY-DOI.txt").read_bytes())
    assert f"Rút tin «{OTHER_TITLE}» ({OTHER_ITEM})" in log


def test_a_run_killed_after_writing_the_log_never_takes_it_for_a_station_edit(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """THAY-DOI.txt is written, then the run dies before recording its digest: the log is ours,
    so the next change rewrites it in place instead of putting THAY-DOI.moi.txt beside it."""
    sync(root)
    station = root / STATION
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    real = radio_sync.atomic_write_bytes

    def killed(path: Path, data: bytes) -> None:
        real(path, data)
        if path.name == "THAY-DOI.txt":
            raise OSError(errno.EIO, "killed", str(path))

    monkeypatch.setattr(radio_sync, "atomic_write_bytes", killed)
    sync(root, now=LATER)
    monkeypatch.setattr(radio_sync, "atomic_write_bytes", real)
    sync(root, now="2024-12-13T15:00")
    edit(root / FIRST, "gọi số 114", "gọi số 115")
    _actions, summary = sync(root, now="2024-12-13T16:00")
    assert summary.conflicts == 0 and not (station / "2024-W50/THAY-DOI.moi.txt").exists()
    log = change_log((station / "2024-W50/THAY-DOI.txt").read_bytes())
    assert "sửa lần 3" in log and "sửa lần 2" in log


def test_a_log_the_station_edited_is_not_rewritten_beside_it_at_every_run(root: Path) -> None:
    """Once the new log is in THAY-DOI.moi.txt, reruns report the conflict and write nothing."""
    sync(root)
    station = root / STATION
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    log = station / "2024-W50/THAY-DOI.txt"
    log.write_bytes(log.read_bytes() + "Đã in lại.\r\n".encode())
    edit(root / FIRST, "gọi số 114", "gọi số 115")
    sync(root, now="2024-12-13T15:00")
    assert "sửa lần 3" in (station / "2024-W50/THAY-DOI.moi.txt").read_text("utf-8-sig")
    before, state = stats(station), (root / "state/radio.json").read_bytes()
    actions, summary = sync(root, now="2024-12-13T15:30")
    assert {a.kind for a in actions} <= {"noop", "conflict"} and summary.conflicts == 1
    assert stats(station) == before and (root / "state/radio.json").read_bytes() == state
    assert log.read_bytes().endswith("Đã in lại.\r\n".encode())


def test_the_first_sync_after_the_bom_and_crlf_change_tells_the_station_of_no_revision(
    root: Path,
) -> None:
    """State and station files from a version that wrote .txt without a BOM and with LF: the
    text is the same, so the files are rewritten in the new form, quietly (no «SỬA LẦN 2 … hãy
    in lại» on every script of the coming episode, no THAY-DOI.txt listing them all)."""
    sync(root)
    station = root / STATION
    state_path = root / "state/radio.json"
    state = json.loads(state_path.read_text("utf-8"))
    old_form = []
    for path, entry in state["entries"].items():
        if path.endswith(".txt"):
            data = (station / path).read_bytes().removeprefix(b"\xef\xbb\xbf")
            data = data.replace(b"\r\n", b"\n")
            (station / path).write_bytes(data)
            entry["digest"] = hashlib.sha256(data).hexdigest()
            old_form.append(path)
    state_path.write_text(json.dumps(state, ensure_ascii=False, indent=2), "utf-8")
    _actions, summary = sync(root)
    assert summary.updated == len(old_form) >= 3 and not summary.failed
    assert scripts(station) == built(root)  # the new form, with no revision line, no log
    assert all((station / path).read_bytes().startswith(b"\xef\xbb\xbf") for path in old_form)


SCHEDULED = "content/bai-viet/2024-12-13-hen-gio.md"
SCHEDULED_BULLETIN = (
    LATE_BULLETIN.replace("canh-bao-gia-danh", "hen-gio")
    .replace("date: 2024-12-14 09:00", "date: 2024-12-13 08:00")
    .replace("giả danh", "Zquyx")
)


def test_a_scheduled_bulletin_is_announced_by_time_then_sent_as_a_revision(root: Path) -> None:
    """The station's rundown says one more bulletin joins the episode on Friday 08:00, and
    nothing of it; once it is published, it is sent and the rundown comes back revised."""
    (root / SCHEDULED).write_text(SCHEDULED_BULLETIN, "utf-8")
    sync(root)
    station = root / STATION
    rundown = (station / "2024-W50/rundown.txt").read_text("utf-8-sig")
    assert (
        "Tin hẹn giờ: 1 bản tin nữa sẽ vào tập này khi đến giờ đăng, lúc 08:00, Thứ Sáu" in rundown
    )
    assert json.loads((station / "2024-W50/rundown.json").read_text("utf-8"))["scheduled"] == {
        "count": 1,
        "available_at": ["2024-12-13T08:00:00+07:00"],
    }
    assert not (station / "items/hen-gio.txt").exists()
    for path in station.rglob("*"):
        if path.is_file():
            text = readable(path.name, path.read_bytes())
            assert "Zquyx" not in text and "hen-gio" not in text, path
    actions, _summary = sync(root, now="2024-12-13T09:00")
    changed = {(a.kind, a.key) for a in actions if a.kind != "noop"}
    assert {("create", "items/hen-gio.txt"), ("update", "2024-W50/rundown.txt")} <= changed
    rundown = (station / "2024-W50/rundown.txt").read_text("utf-8-sig")
    assert "SỬA LẦN 2" in rundown and "Tin hẹn giờ" not in rundown and "Zquyx" in rundown


def test_a_script_never_sent_is_not_counted_as_unchanged(root: Path) -> None:
    """Once the refusal was told, the never-sent script of the aired episode is left alone, but
    the station does not have it: the summary and the plan count it apart, not as «không đổi»."""
    sync(root)
    (root / LATE).write_text(LATE_BULLETIN, "utf-8")
    sync(root, now=AFTER_AIR)
    made = syncer(root, now=AFTER_AIR)
    lines: list[str] = []
    actions, summary = run(made, echo=lines.append)
    noops = [a for a in actions if a.kind == "noop"]
    assert (summary.unchanged, summary.unsent) == (len(noops) - 1, 1)
    assert summary.as_dict()["unsent"] == 1 and summary.as_dict()["unchanged"] == len(noops) - 1
    assert lines == [
        f"radio: không có thay đổi nào ({len(noops) - 1} mục giữ nguyên; "
        "1 tệp của tập đã phát, không gửi)."
    ]
    assert ", 1 tệp của tập đã phát không gửi," in summary.line()
    closing = render_text(
        [ChannelResult(summary)], None, made.site.now, made.site.config, dry_run=False
    )
    assert f"{len(noops) - 1} không đổi, 1 tệp của tập đã phát không gửi, 0 xung đột" in closing


def test_an_extra_broadcast_put_back_under_embargo_leaves_the_station_until_published(
    root: Path,
) -> None:
    """An extra broadcast (Sunday 15/12) whose only bulletin is set back to a later publish
    time: the station kept an episode folder nothing public was in (its rundown announcing
    the bulletin). Now the folder is withdrawn, its note saying when the bulletin is
    published, and it comes back then."""
    extra = "2024-W50-2024-12-15"
    source = root / "content/bai-viet/2024-12-11-buoi-them.md"
    text = LATE_BULLETIN.replace("canh-bao-gia-danh", "buoi-them").replace(
        "date: 2024-12-14 09:00", "date: 2024-12-11 09:00\nradio: {air_date: 2024-12-15}"
    )
    source.write_text(text, "utf-8")
    sync(root)
    station = root / STATION
    assert (station / extra / "rundown.txt").is_file()
    edit(source, "date: 2024-12-11 09:00", "date: 2024-12-13 08:00")
    _actions, summary = sync(root)
    assert not any((station / extra).iterdir()) and not summary.failed
    notes = [
        p.read_text("utf-8-sig")
        for p in (station / radio_sync.WITHDRAWN_DIR / extra).glob("*" + radio_sync.NOTE_SUFFIX)
    ]
    assert len(notes) == 4
    assert all("hẹn giờ: sẽ xuất bản lúc 08:00, Thứ Sáu, 13/12/2024" in n for n in notes)
    sync(root, now="2024-12-13T09:00")
    assert (station / extra / "rundown.txt").is_file()


def test_an_empty_extra_broadcast_an_older_version_sent_is_withdrawn_until_published(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Versions before this one sent an extra broadcast's folder with only its embargoed
    bulletin announced: now withdrawn, its note says the episode comes back once the bulletin
    is published, not that the bulletin moved to another broadcast."""
    from publish.render.radio import episode

    extra = "2024-W50-2024-12-15"
    text = LATE_BULLETIN.replace("canh-bao-gia-danh", "buoi-them").replace(
        "date: 2024-12-14 09:00", "date: 2024-12-13 08:00\nradio: {air_date: 2024-12-15}"
    )
    (root / "content/bai-viet/2024-12-13-buoi-them.md").write_text(text, "utf-8")
    with monkeypatch.context() as older:
        older.setattr(episode, "_announcing", lambda later, _config: set(later))
        # Nor did they leave out the script of the intro and closing alone (since s68).
        older.setattr(render_radio, "_readable", lambda _episode: True)
        sync(root)
    station = root / STATION
    assert (station / extra / "rundown.txt").is_file()
    _actions, summary = sync(root)
    assert not any((station / extra).iterdir()) and not summary.failed
    notes = [
        p.read_text("utf-8-sig")
        for p in (station / radio_sync.WITHDRAWN_DIR / extra).glob("*" + radio_sync.NOTE_SUFFIX)
    ]
    assert len(notes) == 4
    assert all("chưa đến giờ đăng: tập được gửi lại khi bản tin được đăng" in n for n in notes)
    assert not any("dời sang buổi phát khác" in n for n in notes)
    sync(root, now="2024-12-13T09:00")
    assert (station / extra / "rundown.txt").is_file()


def test_a_first_sync_after_the_air_counts_the_files_the_station_lacks_apart(
    root: Path,
) -> None:
    """A first sync (no state/radio.json) after the episode aired: the station folder holds
    none of its files, so none is «không đổi» (counted by the files in the station folder)
    but «không gửi»; a station that already has them (state/ lost) keeps them as unchanged."""
    _actions, summary = sync(root, now=AFTER_AIR)
    assert (summary.unchanged, summary.unsent) == (0, 6) and not summary.failed
    assert not scripts(root / STATION)
    shutil.rmtree(root / "state")
    shutil.rmtree(root / STATION)
    sync(root)
    shutil.rmtree(root / "state")
    _actions, summary = sync(root, now=AFTER_AIR)
    assert (summary.unchanged, summary.unsent) == (7, 0)  # and the guide


def test_an_aired_bulletin_given_a_no_broadcast_air_date_is_not_put_on_that_day(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bulletin that aired on the 14th and is then set to air again on a day the segment does
    not air ([radio] no_broadcast) is told so and left off air, like one that never aired:
    it made an episode for that day, which the station would have got."""
    assert sync_command(root, NOW) == 0
    edit(
        root / "site.toml", 'air_time = "17:00"', 'air_time = "17:00"\nno_broadcast = [2024-12-21]'
    )
    edit(root / FIRST, "radio:\n", "radio:\n  air_date: 2024-12-21\n")
    capsys.readouterr()
    assert (
        main(["build", "--root", str(root), "--channel", "radio", "--now", "2024-12-16T12:00"]) == 0
    )
    assert not (root / "output/radio/2024-W51").exists()
    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if FIRST in line and "air_date" in line)
    assert "không phát" in line and "no_broadcast" in line


def test_a_script_withdrawn_for_a_no_broadcast_day_tells_the_station_why_in_words(
    root: Path,
) -> None:
    """The note beside a script withdrawn because its air_date became a day the segment does
    not air reads as a sentence («ngày 17:00, Thứ Bảy…» said a day was a time of day)."""
    assert sync_command(root, NOW) == 0  # SECOND has air_date: 2024-12-14
    edit(
        root / "site.toml", 'air_time = "17:00"', 'air_time = "17:00"\nno_broadcast = [2024-12-14]'
    )
    assert sync_command(root, "2024-12-12T13:00") == 0
    note = (root / STATION / "_rut-lai" / (OTHER_ITEM + ".ly-do.txt")).read_text("utf-8-sig")
    assert "chuyên mục không phát buổi 17:00, Thứ Bảy, 14/12/2024" in note
    assert "ngày 17:00" not in note


def test_the_change_log_is_written_once_per_episode_and_the_state_once_per_file(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change that replaces four logged files of one episode and withdraws an item writes
    THAY-DOI.txt once, after the files, and state/radio.json once per logged file (and once
    before the first file, noting DOC-TRUOC.txt is due; for the log and the guide: once before
    each is written, once after)."""
    sync(root)
    station = root / STATION
    change(root)
    writes: list[str] = []
    real = manifest_module.atomic_write_bytes

    def counted(path: Path, data: bytes, **kwargs: int) -> None:
        writes.append(path.relative_to(root).as_posix())
        real(path, data, **kwargs)

    monkeypatch.setattr(manifest_module, "atomic_write_bytes", counted)
    monkeypatch.setattr(radio_sync, "atomic_write_bytes", counted)
    actions, summary = sync(root, now=LATER)
    assert not summary.failed
    logged = [a for a in actions if a.kind in ("update", "withdraw") and logged_path(a.key)]
    assert len(logged) == 5  # the item, rundown.txt, script.txt, script.docx; the withdrawn item
    assert writes.count(f"{STATION}/2024-W50/THAY-DOI.txt") == 1
    assert writes[-5:-3] == [f"{STATION}/2024-W50/THAY-DOI.txt", "state/radio.json"]
    assert writes[-2:] == [f"{STATION}/{GUIDE_NAME}", "state/radio.json"]  # the guide, last
    # Guide due, before the first file; log, guide: before and after.
    assert writes.count("state/radio.json") <= len(logged) + 5
    log = change_log((station / "2024-W50/THAY-DOI.txt").read_bytes())
    assert f"Thay tin «{TITLE}»" in log and f"Rút tin «{OTHER_TITLE}»" in log


class Killed(BaseException):
    """A kill at a step of the sync: nothing catches it, nothing after it runs."""


def test_a_run_killed_at_any_step_then_rerun_leaves_the_folder_and_state_of_one_run(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed before or after any write of a sync that revises, withdraws and logs (the state
    file is not flushed, as on a real kill), the next run leaves the station folder and
    state/radio.json exactly as one uninterrupted run does, and a run after writes nothing."""
    sync(root)
    change(root)
    clean = tmp_path / "clean"
    shutil.copytree(root, clean)
    steps = 0
    real_step = radio_sync.RadioSyncer._step

    def counting(self: radio_sync.RadioSyncer) -> None:
        nonlocal steps
        steps += 1
        real_step(self)

    monkeypatch.setattr(radio_sync.RadioSyncer, "_step", counting)
    sync(clean, now=LATER)
    expected = snapshot(clean / STATION), state_of(clean)
    assert steps > 10
    for kill_at in range(1, steps + 1):
        trial = tmp_path / f"kill-{kill_at}"
        shutil.copytree(root, trial)
        count = 0

        def killing(self: radio_sync.RadioSyncer, kill_at: int = kill_at) -> None:
            nonlocal count
            count += 1
            if count == kill_at:
                raise Killed

        monkeypatch.setattr(radio_sync.RadioSyncer, "_step", killing)
        monkeypatch.setattr(manifest_module.Manifest, "flush", lambda self: None)
        with pytest.raises(Killed):
            sync(trial, now=LATER)
        monkeypatch.undo()
        sync(trial, now=LATER)
        got = snapshot(trial / STATION), state_of(trial)
        assert got == expected, f"killed at {kill_at}"
        before = stats(trial / STATION), (trial / "state/radio.json").read_bytes()
        actions, _summary = sync(trial, now=LATER)
        assert {a.kind for a in actions} == {"noop"}, f"killed at {kill_at}"
        assert (stats(trial / STATION), (trial / "state/radio.json").read_bytes()) == before
        shutil.rmtree(trial)


def state_of(project: Path) -> dict:
    """state/radio.json as data (the journal of a killed run folded in by its rerun)."""
    assert not (project / "state/radio.json.journal").exists()
    return json.loads((project / "state/radio.json").read_text("utf-8"))


def test_a_week_whose_only_bulletin_is_scheduled_reaches_the_station_before_it(
    root: Path,
) -> None:
    """Nothing is published for next week yet: the station gets its rundown announcing the
    scheduled bulletin (and nothing of it); once published, the bulletin follows and the
    rundown comes back revised, the change logged; a rerun writes nothing."""
    later = SCHEDULED_BULLETIN.replace("date: 2024-12-13 08:00", "date: 2024-12-16 08:00")
    (root / SCHEDULED).write_text(later, "utf-8")
    sync(root)
    station = root / STATION
    rundown = (station / "2024-W51/rundown.txt").read_text("utf-8-sig")
    assert "Tin hẹn giờ: 1 bản tin sẽ vào tập này khi đến giờ đăng, lúc 08:00, Thứ Hai" in rundown
    assert not (station / "items/hen-gio.txt").exists()
    # Nothing to read yet: no script of the intro and closing alone (since s68).
    assert {p.name for p in (station / "2024-W51").iterdir()} == {"rundown.txt", "rundown.json"}
    for path in station.rglob("*"):
        if path.is_file():
            assert "Zquyx" not in readable(path.name, path.read_bytes()), path
    actions, _summary = sync(root, now="2024-12-16T09:00")
    changed = {(a.kind, a.key) for a in actions if a.kind != "noop"}
    assert {("create", "items/hen-gio.txt"), ("update", "2024-W51/rundown.txt")} <= changed
    assert {("create", "2024-W51/script.txt"), ("create", "2024-W51/script.docx")} <= changed
    assert "SỬA LẦN 2" in (station / "2024-W51/rundown.txt").read_text("utf-8-sig")
    log = change_log((station / "2024-W51/THAY-DOI.txt").read_bytes()).splitlines()
    [added] = [line for line in log if line.startswith("- Thêm tin")]
    assert added.endswith(
        "(items/hen-gio.txt): mục A3 của thứ tự phát mới, là tin duy nhất của tập"
    )
    before = stats(station), (root / "state/radio.json").read_bytes()
    actions, _summary = sync(root, now="2024-12-16T09:30")
    assert {a.kind for a in actions} == {"noop"}
    assert (stats(station), (root / "state/radio.json").read_bytes()) == before


@pytest.mark.parametrize(
    ("change_it", "said"),
    [
        (
            lambda path: edit(path, "approved_by:", "draft: true\napproved_by:"),
            "đơn vị đã rút bản tin",
        ),
        (lambda path: path.unlink(), "đơn vị đã rút bản tin, hoặc đã đổi giờ đăng"),
        (
            lambda path: edit(path, "Người dân cần", f"Anh {HELD_TEXT} cho biết người dân cần"),
            HELD_FOR_READING,
        ),
        (
            lambda path: edit(path, "approved_by:", "expires: 2024-12-17 08:00\napproved_by:"),
            "bản tin hết hạn lúc 08:00, Thứ Ba, 17/12/2024, trước giờ phát 17:00, Thứ Bảy, 21/12/2024",
        ),
    ],
    ids=["draft", "deleted", "held-by-a-flag", "expiring-before-air"],
)
def test_an_episode_that_only_awaited_a_scheduled_bulletin_says_why_it_is_withdrawn(
    root: Path, change_it: Callable[[Path], object], said: str
) -> None:
    """Its one bulletin, scheduled, became a draft (or was deleted): the station's note said
    only «không còn trong bản dựng». It says what became of the bulletin its rundown announced,
    by the publish time announced, and names it no more than the rundown did. Held by a
    read-aloud flag, or expiring before its air time, it was said «đã dời sang buổi phát
    khác», an episode it will never join."""
    later = SCHEDULED_BULLETIN.replace("date: 2024-12-13 08:00", "date: 2024-12-16 08:00")
    (root / SCHEDULED).write_text(later, "utf-8")
    sync(root)
    change_it(root / SCHEDULED)
    actions, _summary = sync(root)
    why = f"tập phát sóng không còn (chỉ chờ một bản tin hẹn giờ, đăng lúc 08:00, Thứ Hai, 16/12/2024: {said})"
    withdrawn = [a for a in actions if a.kind == "withdraw"]
    # Its rundown alone: an episode with no bulletin yet has no script (since s68).
    assert {a.key for a in withdrawn} == {f"2024-W51/{n}" for n in ("rundown.json", "rundown.txt")}
    assert all(a.reason.startswith(why) for a in withdrawn), withdrawn[0].reason
    note = (root / STATION / "_rut-lai/2024-W51/rundown.txt.ly-do.txt").read_text("utf-8")
    assert f"Lý do: {why}." in note
    assert "hen-gio" not in note and "Zquyx" not in note and HELD_TEXT not in note


# --- withdrawing a script whose new version waits beside the station's edit -------------------


def station_edit_with_a_new_version_beside(root: Path) -> Path:
    """Sync, edit ITEM at the station, change its bulletin: ours waits in the .moi beside it."""
    sync(root)
    station = root / STATION
    (station / ITEM).write_text((station / ITEM).read_text("utf-8") + "\nGhi chú đài.\n", "utf-8")
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root)
    moi = station / "items/ra-quan-ttatgt-cuoi-nam.moi.txt"
    assert "một một bốn" in moi.read_text("utf-8")
    return moi


def test_a_withdrawn_script_takes_the_new_version_beside_it_to_rut_lai(root: Path) -> None:
    """The .moi holds the withdrawn bulletin's text too: it leaves the station's items/ with the
    script, and a rerun has nothing left to do."""
    moi = station_edit_with_a_new_version_beside(root)
    station = root / STATION
    edit(root / FIRST, "approved_by:", "draft: true\napproved_by:")
    _actions, summary = sync(root)
    assert not summary.failed
    assert not moi.exists() and not (station / ITEM).exists()
    withdrawn = station / "_rut-lai/items"
    assert "một một bốn" in (withdrawn / moi.name).read_text("utf-8")
    assert "Ghi chú đài." in (withdrawn / "ra-quan-ttatgt-cuoi-nam.txt").read_text("utf-8")
    records = json.loads((root / "state/radio.json").read_text("utf-8"))["entries"]
    assert ITEM not in records
    actions, summary = sync(root)
    assert all(a.kind == "noop" for a in actions) and not summary.failed


def test_a_new_version_beside_a_script_the_station_deleted_is_withdrawn_too(root: Path) -> None:
    """The station dropped its copy, then the bulletin was withdrawn: no note is written, so
    _rut-lai/items/ did not exist and moving the .moi there failed at every run, leaving the
    withdrawn text in the station's items/."""
    moi = station_edit_with_a_new_version_beside(root)
    station = root / STATION
    (station / ITEM).unlink()
    edit(root / FIRST, "approved_by:", "draft: true\napproved_by:")
    _actions, summary = sync(root)
    assert not summary.failed
    assert not moi.exists() and (station / "_rut-lai/items" / moi.name).exists()
    assert ITEM not in json.loads((root / "state/radio.json").read_text("utf-8"))["entries"]


def test_a_withdrawal_move_is_synced_to_disk_before_the_state_file_forgets_it(
    root: Path, tmp_path: Path
) -> None:
    """A power cut after state/radio.json forgot a script must not undo its move to _rut-lai/:
    back in items/, it would read as the station's own file and stay there. Seen with strace."""
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed")
    sync(root)
    edit(root / FIRST, "approved_by:", "draft: true\napproved_by:")
    log = tmp_path / "strace.txt"
    traced = "trace=rename,renameat,renameat2,fsync,openat"
    command = [sys.executable, "-m", "publish", "--root", str(root), "--now", NOW, "sync", "radio"]
    done = subprocess.run(
        [strace, "-f", "-y", "-e", traced, "-o", str(log), *command],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    if done.returncode != 0 and not log.exists():
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = log.read_text("utf-8").splitlines()
    moved = next(
        i for i, line in enumerate(lines) if "rename(" in line and f'_rut-lai/{ITEM}"' in line
    )
    until = next(i for i in range(moved, len(lines)) if "/state/" in lines[i])
    synced = {
        line.rpartition("<")[2].partition(">")[0] for line in lines[moved:until] if "fsync(" in line
    }
    station = str(root / STATION)
    assert {f"{station}/items", f"{station}/_rut-lai/items", f"{station}/_rut-lai"} <= synced


def test_a_rerun_with_nothing_to_do_folds_the_journal_a_killed_run_left(root: Path) -> None:
    """A run killed after its last step left that step's record in state/radio.json.journal;
    the rerun has nothing to send, and must still leave state/ as one clean run does (CI
    commits state/): the journal folded into the file, not kept until a run that sends."""
    sync(root)
    state = root / "state/radio.json"
    clean = state.read_bytes()
    document = json.loads(clean)
    key = sorted(document["entries"])[0]
    entry = document["entries"].pop(key)
    state.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    journal = root / "state/radio.json.journal"
    journal.write_text(json.dumps({"key": key, "entry": entry}, ensure_ascii=False) + "\n")
    actions, _ = sync(root)
    assert all(a.kind == "noop" for a in actions)
    assert not journal.exists()
    assert state.read_bytes() == clean
