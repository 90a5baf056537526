"""What the station holds of each bulletin after a radio sync (publish/sync/radio_reached.py)
when its folder cannot be read: a share briefly unreachable is no script deleted."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path
from typing import Any

import pytest

from publish.sync.radio_reached import heard

EPISODE = "2020-W50"
BUILT = {
    "items/a.txt": hashlib.sha256(b"a").hexdigest(),
    f"{EPISODE}/script.txt": hashlib.sha256(b"script").hexdigest(),
}
EPISODES = {EPISODE: ["a"]}


def no_record(path: str) -> dict[str, Any] | None:
    """A sync that recorded nothing of `path` (a write that failed before its record)."""
    return None


def test_scripts_at_the_station_as_built_are_heard(tmp_path: Path) -> None:
    """The station's files are those built: the bulletin is neither unwritten nor earlier."""
    (tmp_path / "items").mkdir()
    (tmp_path / "items/a.txt").write_bytes(b"a")
    result = heard(tmp_path, no_record, BUILT, EPISODES)
    assert (result.unwritten, result.earlier) == (frozenset(), frozenset())


def test_a_bulletin_none_of_whose_scripts_is_at_the_station_is_unwritten(tmp_path: Path) -> None:
    """The folder is there and holds none of its files: not read in its episode."""
    assert heard(tmp_path, no_record, BUILT, EPISODES).unwritten == {"a"}


def test_a_station_folder_gone_after_the_sync_keeps_what_the_record_said(tmp_path: Path) -> None:
    """The share briefly unreachable when the files are looked at: every bulletin counted as
    unwritten, and each correction was owed again."""
    result = heard(tmp_path / "gone", no_record, BUILT, EPISODES)
    assert (result.unwritten, result.earlier) == (frozenset(), {"a"})


def test_files_that_cannot_be_read_keep_what_the_record_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read failing (EIO on a network share) tells nothing of what the file holds."""
    (tmp_path / "items").mkdir()
    (tmp_path / "items/a.txt").write_bytes(b"a")

    def unreadable(path: Path) -> bytes:
        """A read of the share that fails."""
        raise OSError(errno.EIO, "Input/output error", str(path))

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    result = heard(tmp_path, no_record, BUILT, EPISODES)
    assert (result.unwritten, result.earlier) == (frozenset(), {"a"})
