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
