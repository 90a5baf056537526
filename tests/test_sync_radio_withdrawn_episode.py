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
