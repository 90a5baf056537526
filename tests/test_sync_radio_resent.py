"""A bulletin withdrawn from a coming episode and then brought back: the station folder tells
its staff one thing. The copy the sync moved into _rut-lai/ with «Xin đừng phát tệp này» is
removed when the script is sent again (never a copy the station changed, nor a file the sync
cannot tell it moved), THAY-DOI.txt logs «Gửi lại» and DOC-TRUOC.txt names it under its
episode; a rerun changes nothing, and a run killed at any step is finished by the next."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from publish.sync import manifest as manifest_module
from publish.sync import radio as radio_sync
from publish.sync.radio_guide import GUIDE_NAME
from tests.helpers import FIXTURES, snapshot, stats
from tests.station_log import change_log
from tests.test_sync_radio import (
    FIRST,
    LATER,
    OTHER_ITEM,
    OTHER_TITLE,
    SECOND,
    STATION,
    TITLE,
    Killed,
    edit,
    state_of,
    sync,
)
from tests.test_sync_radio_foreseen import dry_then_real

COPY = f"{radio_sync.WITHDRAWN_DIR}/{OTHER_ITEM}"
NOTE = COPY + radio_sync.NOTE_SUFFIX
LOG = "2024-W50/THAY-DOI.txt"
BACK = "2024-12-13T15:00"
"""When the bulletin withdrawn at LATER is sent again (its episode airs on 14/12 at 17:00)."""


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The radio fixture project, synced, then its second bulletin withdrawn (draft again)
    and synced: its item script is in _rut-lai/ with the note, the bulletin approved again."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    sync(target)
    withdraw(target)
    sync(target, now=LATER)
    assert (target / STATION / COPY).exists() and not (target / STATION / OTHER_ITEM).exists()
    assert "Xin đừng phát tệp này" in text(target / STATION / NOTE)
    put_back(target)
    return target


def withdraw(project: Path) -> None:
    """Make the second bulletin a draft again."""
    edit(project / SECOND, "approved_by:", "draft: true\napproved_by:")


def put_back(project: Path) -> None:
    """Approve the second bulletin again (as it was)."""
    edit(project / SECOND, "draft: true\napproved_by:", "approved_by:")


def text(path: Path) -> str:
    """A station text file as Notepad shows it."""
    return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


def without_resent_line(path: Path) -> bytes:
    """A station file without the «GỬI LẠI» line a send again puts under its first line."""
    lines = path.read_bytes().split(b"\r\n")
    if len(lines) > 1 and lines[1].startswith("GỬI LẠI — gửi lúc ".encode()):
        del lines[1]
    return b"\r\n".join(lines)


def unchanged_by_rerun(project: Path, now: str) -> None:
    """A run after it plans nothing and writes nothing, state/radio.json included."""
    before = stats(project / STATION), (project / "state/radio.json").read_bytes()
    actions, _summary = sync(project, now=now)
    assert {a.kind for a in actions} == {"noop"}, [(a.kind, a.key, a.reason) for a in actions]
    assert (stats(project / STATION), (project / "state/radio.json").read_bytes()) == before


def test_a_bulletin_sent_again_takes_its_withdrawn_copy_out_of_rut_lai(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The item script is back in items/, so the copy in _rut-lai/ and its note «Xin đừng phát
    tệp này» are removed; the dry run says so and lists exactly what the real run writes."""
    station = root / STATION
    capsys.readouterr()
    files, real = dry_then_real(root, BACK, capsys)
    assert {OTHER_ITEM, LOG, GUIDE_NAME} <= files and not real["failed"]
    # The build, with one line under its first telling the staff it is back, unchanged.
    head, _, rest = text(root / "output/radio" / OTHER_ITEM).partition("\n")
    assert text(station / OTHER_ITEM) == (
        f"{head}\nGỬI LẠI — gửi lúc 15:00, Thứ Sáu, 13/12/2024; tệp này đã rút lúc 14:05, Thứ "
        "Sáu, 13/12/2024, nay phát lại. Nội dung như bản đã rút (dòng này không đọc)\n" + rest
    )
    assert not (station / COPY).exists() and not (station / NOTE).exists()
    # Nor the folders the withdrawal made: nothing empty for the staff to open.
    assert not (station / radio_sync.WITHDRAWN_DIR).exists()

    log = change_log(text(station / LOG))
    newest = log.split("\n\n")[1]  # the header, then the newest changes first
    # Where it goes back among the pages the presenter printed: after the week's other one.
    assert (
        f"- Gửi lại tin «{OTHER_TITLE}» ({OTHER_ITEM}), đã rút lúc 14:05, Thứ Sáu, 13/12/2024: "
        f"nay phát lại ở mục A5 của thứ tự phát mới, đọc sau tin «{TITLE}» (A3); bản vừa gửi "
        "là bản để phát; bản đã rút đã được xóa khỏi _rut-lai/"
    ) in newest
    assert f"Rút tin «{OTHER_TITLE}»" in log.split("\n\n")[2]  # the withdrawal, below it

    guide = text(station / GUIDE_NAME)
    assert (
        "Đã sửa sau khi đài nhận (" in guide
        and "1 tin gửi lại): xem 2024-W50/THAY-DOI.txt" in guide
    )
    assert (
        f"  GỬI LẠI tin đã rút trước đó: «{OTHER_TITLE}» ({OTHER_ITEM}): nay phát lại như các tin "
        "khác, bản trong items/ là bản để phát.\n"
    ) in guide
    assert "KHÔNG ĐỌC" not in guide and "vẫn còn ở" not in guide
    unchanged_by_rerun(root, "2024-12-13T15:30")


def test_the_plan_tells_the_editor_what_the_send_does_in_rut_lai(root: Path) -> None:
    """The plan line of the item sent again says it was withdrawn and when, that the station
    is told, and which withdrawn copy it removes; a dry run touches nothing."""
    before = snapshot(root / STATION)
    planned, _summary = sync(root, now=BACK, dry_run=True)
    [action] = [a for a in planned if a.key == OTHER_ITEM]
    assert action.kind == "create"
    assert action.reason == (
        "kịch bản mới; tệp này đã bị rút lúc 14:05, Thứ Sáu, 13/12/2024, nay gửi lại "
        "(THAY-DOI.txt và DOC-TRUOC.txt ghi «gửi lại»): xóa bản đã rút "
        f"{COPY} và ghi chú cạnh nó"
    )
    assert snapshot(root / STATION) == before


def test_a_withdrawn_copy_the_station_changed_is_kept_and_its_note_says_it_was_sent_again(
    root: Path,
) -> None:
    """Staff wrote in the withdrawn copy: the sync never deletes it. Its note (ours, as we
    wrote it) now starts by saying the bulletin was sent again and that this copy is not to
    be aired; THAY-DOI.txt and DOC-TRUOC.txt say where the old copy still is."""
    station = root / STATION
    copy = station / COPY
    theirs = copy.read_bytes() + "Đài ghi: đã rút, không phát.\r\n".encode()
    copy.write_bytes(theirs)
    sync(root, now=BACK)
    assert copy.read_bytes() == theirs
    note = text(station / NOTE)
    assert note.startswith(
        f"ĐÃ GỬI LẠI lúc 15:00, Thứ Sáu, 13/12/2024: đơn vị đã gửi lại tin này, bản để phát là "
        f"{OTHER_ITEM} trong thư mục đài. Tệp cạnh ghi chú này là bản cũ đã rút"
    )
    assert "Xin đừng phát tệp này" in note  # the note as it was, below
    assert (
        f"bản cũ đã rút vẫn còn ở {COPY} (phần mềm không xóa tệp đó): đừng phát bản đó"
        in change_log(text(station / LOG))
    )
    assert f"Bản cũ đã rút vẫn còn ở {COPY}: đừng phát bản đó." in text(station / GUIDE_NAME)
    unchanged_by_rerun(root, "2024-12-13T15:30")


def test_a_note_the_station_changed_is_left_and_our_copy_still_removed(root: Path) -> None:
    """The note is the station's once it is edited: left as it is; the copy beside it, as
    the sync moved it, still goes (it is the withdrawn text the staff must not air)."""
    station = root / STATION
    note = station / NOTE
    theirs = note.read_bytes() + "Đã báo người dẫn.\r\n".encode()
    note.write_bytes(theirs)
    sync(root, now=BACK)
    assert note.read_bytes() == theirs and not (station / COPY).exists()
    unchanged_by_rerun(root, "2024-12-13T15:30")


def test_a_script_the_station_edited_before_the_withdrawal_is_never_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The station had edited the item script when the bulletin was withdrawn: the
    withdrawal moved the station's own version into _rut-lai/, and sending the bulletin
    again must not delete it."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", project)
    sync(project)
    station = project / STATION
    item = station / OTHER_ITEM
    theirs = item.read_bytes() + "Ghi chú của người dẫn.\r\n".encode()
    item.write_bytes(theirs)
    withdraw(project)
    sync(project, now=LATER)
    assert (station / COPY).read_bytes() == theirs
    put_back(project)
    sync(project, now=BACK)
    assert (station / COPY).read_bytes() == theirs
    assert text(station / NOTE).startswith("ĐÃ GỬI LẠI lúc 15:00, Thứ Sáu, 13/12/2024")
    unchanged_by_rerun(project, "2024-12-13T15:30")


def test_a_withdrawal_an_older_version_made_is_told_and_its_copy_left(root: Path) -> None:
    """state/radio.json from before this version does not say which copy in _rut-lai/ the sync
    moved: nothing there is touched, but the episode's change log knows the withdrawal, so the
    station is still told the bulletin was sent again and not to air the old copy."""
    state = root / "state/radio.json"
    data = json.loads(state.read_text("utf-8"))
    assert data["meta"].pop("withdrawn_copies")
    state.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    station = root / STATION
    before = {p: (station / p).read_bytes() for p in (COPY, NOTE)}
    actions, _summary = sync(root, now=BACK)
    [action] = [a for a in actions if a.key == OTHER_ITEM]
    assert f"bản đã rút {COPY} không do công cụ ghi nhận nên giữ nguyên" in action.reason
    assert {p: (station / p).read_bytes() for p in (COPY, NOTE)} == before
    assert f"- Gửi lại tin «{OTHER_TITLE}» ({OTHER_ITEM}), đã rút lúc" in change_log(
        change_log(text(station / LOG))
    )
    assert f"Bản cũ đã rút vẫn còn ở {COPY}: đừng phát bản đó." in text(station / GUIDE_NAME)
    unchanged_by_rerun(root, "2024-12-13T15:30")


def killed_runs(
    root: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    now: str,
    setup: Callable[[Path], object] | None = None,
) -> tuple[tuple[dict[str, bytes], dict], list[Path]]:
    """The station folder and state one uninterrupted run at `now` leaves, and a copy of the
    project for each of its steps, killed there (the state file not flushed, as on a real
    kill) and then, after `setup` (if any), run again at `now`."""
    clean = tmp_path / "clean"
    shutil.copytree(root, clean)
    steps = 0
    real_step = radio_sync.RadioSyncer._step

    def counting(self: radio_sync.RadioSyncer) -> None:
        nonlocal steps
        steps += 1
        real_step(self)

    monkeypatch.setattr(radio_sync.RadioSyncer, "_step", counting)
    sync(clean, now=now)
    monkeypatch.undo()
    assert steps, "the run took no step: no trial would be killed, and every check pass on none"
    expected = snapshot(clean / STATION), state_of(clean)
    trials = []
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
            sync(trial, now=now)
        monkeypatch.undo()
        if setup is not None:
            setup(trial)
        sync(trial, now=now)
        trials.append(trial)
    return expected, trials


def test_a_send_again_killed_at_any_step_is_finished_by_the_next_run(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed before or after removing the withdrawn copy, its note, or writing the script,
    the next run leaves the folder and state/radio.json of one uninterrupted run: no copy left
    in _rut-lai/ next to the live script, «Gửi lại» logged once."""
    expected, trials = killed_runs(root, tmp_path, monkeypatch, BACK)
    assert "withdrawn_copies" not in expected[1]["meta"]
    assert len(trials) >= 4
    for trial in trials:
        got = snapshot(trial / STATION), state_of(trial)
        assert got == expected, trial.name
        assert change_log(text(trial / STATION / LOG)).count("Gửi lại tin") == 1, trial.name
        unchanged_by_rerun(trial, "2024-12-13T15:30")


def test_a_withdrawal_killed_at_any_step_then_put_back_leaves_nothing_in_rut_lai(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The withdrawal is killed (after its note, after the move…), and the bulletin is
    approved again before the next run: that run leaves no note nor copy in _rut-lai/ telling
    the staff not to air the script that is live in items/."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", project)
    sync(project)
    withdraw(project)
    _expected, trials = killed_runs(project, tmp_path, monkeypatch, LATER, setup=put_back)
    for trial in trials:
        station = trial / STATION
        withdrawn = station / radio_sync.WITHDRAWN_DIR
        left = [p for p in withdrawn.rglob("*") if p.is_file()] if withdrawn.exists() else []
        assert not left, (trial.name, left)
        built = (trial / "output/radio" / OTHER_ITEM).read_bytes()
        # Killed after the script went to _rut-lai/, it is told as sent again in its file.
        assert without_resent_line(station / OTHER_ITEM) == built, trial.name
        assert "withdrawn_copies" not in state_of(trial)["meta"], trial.name
        unchanged_by_rerun(trial, "2024-12-13T15:30")


def test_a_whole_episode_withdrawn_and_put_back_leaves_rut_lai_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every bulletin of the week withdrawn, then all put back: the episode's files and both
    items come back, and none of the copies noted «tập phát sóng không còn» stays behind."""
    from tests.test_sync_radio import EPISODE_FILES, FIRST, ITEM

    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", project)
    sync(project)
    for bulletin in (FIRST, SECOND):
        edit(project / bulletin, "approved_by:", "draft: true\napproved_by:")
    sync(project, now=LATER)
    withdrawn = project / STATION / radio_sync.WITHDRAWN_DIR
    assert (withdrawn / "2024-W50/script.txt.ly-do.txt").exists()
    for bulletin in (FIRST, SECOND):
        edit(project / bulletin, "draft: true\napproved_by:", "approved_by:")
    sync(project, now=BACK)
    assert not [p for p in withdrawn.rglob("*") if p.is_file()]
    for path in [*EPISODE_FILES, ITEM, OTHER_ITEM]:
        assert (project / STATION / path).exists(), path
    log = change_log(text(project / STATION / LOG))
    assert "- Gửi lại kịch bản cả tập (script.txt), đã rút lúc 14:05" in log
    assert "2 tin gửi lại" in text(project / STATION / GUIDE_NAME)
    unchanged_by_rerun(project, "2024-12-13T15:30")


NEXT_WEEK = "2024-W51"


def to_next_week(project: Path) -> None:
    """Move the second bulletin to the episode after its own (air date 21/12/2024)."""
    edit(project / SECOND, "air_date: 2024-12-14", "air_date: 2024-12-21")


def test_a_bulletin_put_back_into_another_week_is_not_told_as_sent_again(root: Path) -> None:
    """Withdrawn from 2024-W50, then approved again for the next week, whose files the
    station never had: nothing in 2024-W51 is «sent again», so it gets no change log; the
    change log and guide of 2024-W50 say the script in items/ now belongs to 2024-W51 and is
    still not read in 2024-W50, and that the withdrawn copy was removed from _rut-lai/."""
    to_next_week(root)
    station = root / STATION
    actions, _summary = sync(root, now=BACK)
    [action] = [a for a in actions if a.key == OTHER_ITEM]
    assert action.reason == (
        "kịch bản mới; tệp này đã bị rút khỏi tập 2024-W50 lúc 14:05, Thứ Sáu, 13/12/2024, "
        f"nay gửi cho tập {NEXT_WEEK}: xóa bản đã rút {COPY} và ghi chú cạnh nó"
    )
    assert (station / f"{NEXT_WEEK}/rundown.txt").exists()
    assert not (station / f"{NEXT_WEEK}/THAY-DOI.txt").exists()
    assert not (station / COPY).exists() and not (station / NOTE).exists()

    newest = change_log(text(station / LOG)).split("\n\n")[1]
    assert newest == (
        "15:00, Thứ Sáu, 13/12/2024:\n"
        f"- Chuyển tin «{OTHER_TITLE}» ({OTHER_ITEM}) sang tập {NEXT_WEEK} (đã rút khỏi tập này "
        f"lúc 14:05, Thứ Sáu, 13/12/2024): tập này vẫn không phát tin đó, tệp {OTHER_ITEM} nay "
        f"là kịch bản của tập {NEXT_WEEK}, mục A3 của thứ tự phát tập ấy, là tin duy nhất của "
        "tập; bản đã rút đã được xóa khỏi _rut-lai/"
    )
    guide = text(station / GUIDE_NAME)
    assert "gửi lại" not in guide.lower()
    assert "(3 lần thay tệp, 1 tin chuyển sang tập khác): xem 2024-W50/THAY-DOI.txt" in guide
    assert (
        f"  CHUYỂN SANG TẬP KHÁC: «{OTHER_TITLE}» ({OTHER_ITEM}) nay phát trong tập {NEXT_WEEK}, "
        "không đọc trong tập này.\n"
    ) in guide
    unchanged_by_rerun(root, "2024-12-13T15:30")


@pytest.fixture
def weeks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The radio fixture with one more bulletin, for 2024-W51: both weeks synced, then the
    second bulletin withdrawn from 2024-W50 (synced) and approved again for 2024-W51."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    project = tmp_path / "weeks"
    shutil.copytree(FIXTURES / "radio", project)
    first = (project / FIRST).read_text("utf-8")
    (project / "content/bai-viet/2024-12-09-tuan-tra-dem.md").write_text(
        first.replace('id: "ra-quan-ttatgt-cuoi-nam"', 'id: "tuan-tra-dem"')
        .replace("Công an huyện ra quân", "Công an huyện tuần tra đêm")
        .replace("radio:\n", "radio:\n  air_date: 2024-12-21\n"),
        "utf-8",
    )
    sync(project)
    assert (project / STATION / f"{NEXT_WEEK}/rundown.txt").exists()
    withdraw(project)
    sync(project, now=LATER)
    put_back(project)
    to_next_week(project)
    return project


def test_a_bulletin_put_back_into_a_week_the_station_has_is_added_there(weeks: Path) -> None:
    """The station has 2024-W51 already: the bulletin is a new one there («Thêm tin»), never a
    «Gửi lại» of a script it never had in that week; 2024-W50's log tells where it went."""
    sync(weeks, now=BACK)
    station = weeks / STATION
    later = change_log(text(station / f"{NEXT_WEEK}/THAY-DOI.txt"))
    # Where it goes among the pages the presenter printed: after the week's own bulletin.
    assert (
        f"- Thêm tin «{OTHER_TITLE}» ({OTHER_ITEM}): mục A5 của thứ tự phát mới, đọc sau tin "
        "«Công an huyện tuần tra đêm đảm bảo trật tự an toàn giao thông cuối năm» (A3)\n"
    ) in later
    rundown = text(station / f"{NEXT_WEEK}/rundown.txt").splitlines()
    named = {
        line.split()[0]: rundown[i + 1].split()[0]
        for i, line in enumerate(rundown[:-1])
        if line[:1] == "A" and rundown[i + 1].strip()
    }
    assert (named["A3"], named["A5"]) == ("CAH-TUAN-TRA-DEM-DAM-BAO", "CANH-BAO-LUA-DAO-GIA")
    assert "Gửi lại" not in later
    moved = change_log(text(station / LOG)).split("\n\n")[1].splitlines()[1]
    assert moved.startswith(f"- Chuyển tin «{OTHER_TITLE}» ({OTHER_ITEM}) sang tập {NEXT_WEEK}")
    assert (
        f"nay là kịch bản của tập {NEXT_WEEK}, mục A5 của thứ tự phát tập ấy, đọc sau tin "
        "«Công an huyện tuần tra đêm đảm bảo trật tự an toàn giao thông cuối năm» (A3); "
    ) in moved
    guide = text(station / GUIDE_NAME)
    assert "gửi lại" not in guide.lower() and "1 tin thêm" in guide
    unchanged_by_rerun(weeks, "2024-12-13T15:30")


def test_a_move_to_another_week_killed_at_any_step_is_finished_by_the_next_run(
    weeks: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The send tells two change logs (2024-W51 and the week it left) in one save: a run killed
    at any step leaves, after the next, what one uninterrupted run leaves, each told once."""
    expected, trials = killed_runs(weeks, tmp_path, monkeypatch, BACK)
    for trial in trials:
        assert (snapshot(trial / STATION), state_of(trial)) == expected, trial.name
        assert change_log(text(trial / STATION / LOG)).count("Chuyển tin") == 1, trial.name
        assert (
            change_log(text(trial / STATION / f"{NEXT_WEEK}/THAY-DOI.txt")).count("Thêm tin") == 1
        )


def test_a_withdrawal_killed_before_its_note_then_put_back_leaves_a_clean_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed once the withdrawal is recorded as begun, before its note is written, and the
    bulletin approved again unchanged: the next run leaves the script's record as a run never
    killed does, with no withdrawal «begun» left in it for a later one to trust."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", project)
    sync(project)
    withdraw(project)
    clean = tmp_path / "clean"
    shutil.copytree(project, clean)
    put_back(clean)
    sync(clean, now=LATER)

    real_write = radio_sync.RadioSyncer._write

    def killed_at_note(self: radio_sync.RadioSyncer, path: Path, data: bytes) -> None:
        if radio_sync.WITHDRAWN_DIR in path.parts:
            raise Killed
        real_write(self, path, data)

    monkeypatch.setattr(radio_sync.RadioSyncer, "_write", killed_at_note)
    monkeypatch.setattr(manifest_module.Manifest, "flush", lambda self: None)
    with pytest.raises(Killed):
        sync(project, now=LATER)
    monkeypatch.undo()
    # The begun withdrawal is in the state's journal; the rest of the folder is untouched.
    assert "withdrawing" in (project / "state/radio.json.journal").read_text("utf-8")
    assert not (project / STATION / radio_sync.WITHDRAWN_DIR).exists()
    put_back(project)
    sync(project, now=LATER)
    # The episode's files went out before the kill (without the bulletin), so only the
    # script's own record and file can match a run never killed.
    assert state_of(project)["entries"][OTHER_ITEM] == state_of(clean)["entries"][OTHER_ITEM]
    assert (project / STATION / OTHER_ITEM).read_bytes() == (
        clean / STATION / OTHER_ITEM
    ).read_bytes()
    assert "withdrawn_copies" not in state_of(project)["meta"]
    unchanged_by_rerun(project, "2024-12-13T15:30")


@pytest.fixture
def with_moi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The station edited the second bulletin's item script, the bulletin was edited (our new
    version went beside theirs as .moi), then withdrawn (both went to _rut-lai/) and approved
    again: ready to be sent again."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    project = tmp_path / "moi"
    shutil.copytree(FIXTURES / "radio", project)
    sync(project)
    item = project / STATION / OTHER_ITEM
    item.write_bytes(item.read_bytes() + "Ghi chú của người dẫn.\r\n".encode())
    edit(project / SECOND, "30.000 đồng", "50.000 đồng")
    sync(project, now="2024-12-12T13:00")
    withdraw(project)
    sync(project, now=LATER)
    assert (project / STATION / radio_sync.WITHDRAWN_DIR / radio_sync.moi_name(OTHER_ITEM)).exists()
    put_back(project)
    return project


def test_our_moi_copy_withdrawn_with_a_script_goes_when_it_is_sent_again(with_moi: Path) -> None:
    """The .moi copy the withdrawal moved beside the station's edited script is our text of a
    bulletin now back in items/: removed with it, while the station's edited copy (never
    deleted) stays with our note saying the bulletin was sent again."""
    station = with_moi / STATION
    actions, _summary = sync(with_moi, now=BACK)
    moi = f"{radio_sync.WITHDRAWN_DIR}/{radio_sync.moi_name(OTHER_ITEM)}"
    [action] = [a for a in actions if a.key == OTHER_ITEM]
    assert action.reason.endswith(f"; xóa cả bản .moi đã rút {moi}")
    left = sorted(
        p.relative_to(station).as_posix()
        for p in (station / radio_sync.WITHDRAWN_DIR).rglob("*")
        if p.is_file()
    )
    assert left == [COPY, NOTE]
    assert text(station / NOTE).startswith("ĐÃ GỬI LẠI lúc 15:00, Thứ Sáu, 13/12/2024")
    # The text changed since the copy printed before: the file says to print it again.
    assert (
        text(station / OTHER_ITEM)
        .split("\n")[1]
        .endswith(
            "Nội dung khác bản đã rút: bản in trước đó không còn đúng, hãy in lại (dòng này không đọc)"
        )
    )
    unchanged_by_rerun(with_moi, "2024-12-13T15:30")


MOI = f"{radio_sync.WITHDRAWN_DIR}/{radio_sync.moi_name(OTHER_ITEM)}"


def test_a_moi_copy_sent_again_after_the_station_deleted_the_script_s_is_no_note(
    with_moi: Path,
) -> None:
    """The station deleted the withdrawn script's copy: what is left to remove is its note and
    our .moi copy. The plan line listed the .moi copy among «ghi chú», then named it again."""
    (with_moi / STATION / COPY).unlink()
    actions, _summary = sync(with_moi, now=BACK, dry_run=True)
    [action] = [a for a in actions if a.key == OTHER_ITEM]
    assert action.reason.endswith(f"«gửi lại»): xóa ghi chú {NOTE}; xóa cả bản .moi đã rút {MOI}")


def test_a_moi_copy_the_station_edited_is_told_apart_from_the_script_s_copy(
    with_moi: Path,
) -> None:
    """The station deleted the withdrawn script's copy and wrote in our .moi copy: THAY-DOI.txt
    said that copy was «bản cũ» still there and never that the script's copy was gone; it now
    tells both, and DOC-TRUOC.txt names the .moi copy left."""
    station = with_moi / STATION
    (station / COPY).unlink()
    moi = station / MOI
    theirs = moi.read_bytes() + "Đài ghi: bản mới, chưa phát.\r\n".encode()
    moi.write_bytes(theirs)
    actions, _summary = sync(with_moi, now=BACK)
    [action] = [a for a in actions if a.key == OTHER_ITEM]
    assert action.reason.endswith(
        f": xóa ghi chú {NOTE}; bản .moi đã rút {MOI} không còn như công cụ chuyển vào nên giữ "
        "nguyên"
    )
    assert moi.read_bytes() == theirs and not (station / NOTE).exists()
    newest = change_log(text(station / LOG)).split("\n\n")[1]
    assert (
        "; bản đã rút đã được xóa khỏi _rut-lai/; bản .moi đã rút vẫn còn ở "
        f"{MOI} (phần mềm không xóa tệp đó vì đài đã sửa): đừng phát bản đó"
    ) in newest
    assert f"Bản cũ đã rút vẫn còn ở {MOI}: đừng phát bản đó." in text(station / GUIDE_NAME)
    unchanged_by_rerun(with_moi, "2024-12-13T15:30")


def test_a_send_again_clearing_a_moi_copy_killed_at_any_step_is_finished_by_the_next_run(
    with_moi: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed before or after removing the .moi copy (or anything else), the next run leaves
    what one uninterrupted run leaves."""
    expected, trials = killed_runs(with_moi, tmp_path, monkeypatch, BACK)
    for trial in trials:
        assert (snapshot(trial / STATION), state_of(trial)) == expected, trial.name


def test_a_script_moved_to_another_week_says_so_at_its_top(root: Path) -> None:
    """Staff who set the withdrawn script of 2024-W50 aside find the file back in items/: its
    line under the first tells them it is for 2024-W51, not 2024-W50."""
    to_next_week(root)
    sync(root, now=BACK)
    second = text(root / STATION / OTHER_ITEM).split("\n")[1]
    assert second.startswith(
        f"GỬI LẠI CHO TẬP {NEXT_WEEK} — gửi lúc 15:00, Thứ Sáu, 13/12/2024; tệp này đã rút khỏi "
        f"tập 2024-W50 lúc 14:05, Thứ Sáu, 13/12/2024, nay phát trong tập {NEXT_WEEK}, không "
        "phát trong tập 2024-W50."
    )


def test_an_edited_week_script_still_holding_a_bulletin_moved_to_another_week_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The station edited 2024-W50/script.txt, so the withdrawal could not take the bulletin
    out of it; sent since for 2024-W51, the bulletin is back in items/, but the station's
    script of 2024-W50 still holds it: DOC-TRUOC.txt keeps the «CHÚ Ý» line (read the .moi,
    or take it out), else the bulletin airs in both weeks."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", project)
    sync(project)
    script = project / STATION / "2024-W50/script.txt"
    script.write_bytes(script.read_bytes() + "Đài thêm một dòng.\r\n".encode())
    withdraw(project)
    sync(project, now=LATER)
    put_back(project)
    to_next_week(project)
    sync(project, now=BACK)
    guide = text(project / STATION / GUIDE_NAME)
    week = guide.split("\n- ")[1]  # 2024-W50's lines, then 2024-W51's
    assert week.startswith("17:00, Thứ Bảy, 14/12/2024: thư mục 2024-W50/")
    assert (
        "  CHÚ Ý: đài đã tự sửa 2024-W50/script.txt nên tệp đó không được thay và VẪN CÒN tin đã "
        f"rút: «{OTHER_TITLE}». Đừng đọc 2024-W50/script.txt như đang có"
    ) in week
    assert f"CHUYỂN SANG TẬP KHÁC: «{OTHER_TITLE}»" in week and "KHÔNG ĐỌC tin" not in week
    # The plan still says a person must settle it (as at every sync until then).
    actions, _summary = sync(project, now="2024-12-13T15:30")
    [conflict] = [a for a in actions if a.kind == "conflict"]
    assert conflict.key == "2024-W50/script.txt" and "bản tin đã rút" in conflict.reason
