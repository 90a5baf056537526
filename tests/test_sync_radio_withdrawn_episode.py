"""A whole episode withdrawn leaves no change log record behind it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.helpers import FIXTURES
from tests.test_sync_radio import FIRST, LATER, STATION, edit, sync
from tests.test_sync_radio_faults import change


def test_a_withdrawn_episode_keeps_no_change_log_record(tmp_path: Path) -> None:
    """The rundown's withdrawal dropped the episode's change log, and the withdrawal of its item
    (applied after it) recorded it again: a log for an episode the station no longer has."""
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "radio", project)
    sync(project)
    change(project)
    sync(project, now=LATER)
    revisions = json.loads((project / "state/radio.json").read_text("utf-8"))["meta"]
    assert "2024-W50" in revisions["revisions"]  # the change was logged
    edit(project / FIRST, "approved_by:", "draft: true\napproved_by:")
    sync(project, now="2024-12-13T15:00")
    meta = json.loads((project / "state/radio.json").read_text("utf-8"))["meta"]
    assert "2024-W50" not in meta.get("revisions", {})
    assert not (project / STATION / "2024-W50/THAY-DOI.txt").exists()


def test_a_folder_in_place_of_our_new_version_is_not_said_to_move(tmp_path: Path) -> None:
    """Where our .moi copy was, the station put a folder: the withdrawal leaves it (it moves
    only files), and the plan said it would move it to _rut-lai/ all the same."""
    from publish.sync import radio as radio_sync
    from tests.test_sync_radio import OTHER_ITEM, SECOND

    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "radio", project)
    sync(project)
    station = project / STATION
    item = station / OTHER_ITEM
    item.write_bytes(item.read_bytes() + "Ghi chú đài.\r\n".encode())
    edit(project / SECOND, "lừa đảo", "lừa gạt")
    sync(project, now=LATER)
    moi = station / radio_sync.moi_name(OTHER_ITEM)
    moi.unlink()
    moi.mkdir()
    edit(project / SECOND, "approved_by:", "draft: true\napproved_by:")
    planned, _summary = sync(project, now="2024-12-13T15:00", dry_run=True)
    withdraw = next(a for a in planned if a.key == OTHER_ITEM)
    assert withdraw.kind == "withdraw" and "cũng chuyển vào" not in withdraw.reason
    sync(project, now="2024-12-13T15:00")
    assert moi.is_dir()  # as the plan said: left where it is


def test_the_foreseen_guide_forgets_a_withdrawn_episode_the_station_cleared_out(
    tmp_path: Path,
) -> None:
    """Review R7 #4: an episode to come was withdrawn whole, and the station then cleared its
    files out of _rut-lai/. The next withdrawal forgets that record (nothing of it is left to
    tell), so the guide written no longer says «ĐÃ RÚT CẢ TẬP» of it; the guide the plan
    foresees (for the plan's line, and for a guide left as it is) must be the same bytes,
    not one with that episode still listed."""
    from tests.test_sync_radio import (
        SCHEDULED,
        SCHEDULED_BULLETIN,
        SECOND,
        syncer,
    )
    from tests.test_sync_radio_guide import guide

    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "radio", project)
    sync(project)
    scheduled = project / SCHEDULED
    scheduled.write_text(
        SCHEDULED_BULLETIN.replace("date: 2024-12-13 08:00", "date: 2024-12-16 08:00"), "utf-8"
    )
    sync(project, now="2024-12-12T13:00")
    assert (project / STATION / "2024-W51/rundown.txt").exists()
    scheduled.unlink()
    sync(project, now="2024-12-12T14:00")
    assert "2024-W51/ — ĐÃ RÚT CẢ TẬP" in guide(project)
    shutil.rmtree(project / STATION / "_rut-lai/2024-W51")
    edit(project / SECOND, "approved_by:", "draft: true\napproved_by:")
    made = syncer(project, now=LATER)
    observed = made.observe()
    actions = made.plan(observed)
    after = made._after_run(actions, {f.path: f for f in observed.files})
    moment = made._guide_moment(after)
    foreseen = made._guide_data(made._guide_episodes(moment, after), moment)
    sync(project, now=LATER)
    written = guide(project)
    assert "2024-W51" not in written
    assert foreseen.decode("utf-8-sig").replace("\r\n", "\n") == written
