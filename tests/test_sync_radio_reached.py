"""What the station holds of each bulletin after a radio sync (publish/sync/radio_reached.py)
when its folder cannot be read: a share briefly unreachable is no script deleted."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from publish.radio_rates import KeptRates, SentItem, upcoming_rates
from publish.render.radio_station import station_text
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


def test_a_station_folder_gone_after_the_sync_tells_nothing_of_its_bulletins(
    tmp_path: Path,
) -> None:
    """The share briefly unreachable when the files are looked at: every bulletin counted as
    unwritten, and each correction was owed again; then counted as an earlier script there, so
    one never sent was recorded as carried. It is neither: what the station holds is untold."""
    result = heard(tmp_path / "gone", no_record, BUILT, EPISODES)
    assert (result.unwritten, result.earlier, result.untold) == (frozenset(), frozenset(), {"a"})


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
    assert (result.unwritten, result.earlier, result.untold) == (frozenset(), frozenset(), {"a"})


COMING = dt.datetime(2020, 12, 12, 17, tzinfo=dt.UTC)
"""The air time of the episode to come in these records."""
SYNCED = COMING - dt.timedelta(days=2)


def built_episode(radio: Path, *keys: str) -> None:
    """An episode folder built in `radio` (output/radio/) with the bulletins `keys`."""
    rows = [
        {
            "key": key,
            "slug": key.upper(),
            "title": key,
            "duration_mode": "estimated",
            "rate_spm": None,
        }
        for key in keys
    ]
    document = {"air_start": COMING.isoformat(), "rate_spm": 200, "items": rows}
    (radio / EPISODE).mkdir(parents=True)
    (radio / EPISODE / "rundown.json").write_text(json.dumps(document), "utf-8")


def test_a_bulletin_never_sent_whose_station_folder_went_is_not_recorded(tmp_path: Path) -> None:
    """The share dropped part-way through the sync, before the new bulletin was written: it was
    recorded as sent with the episode, so once that aired it counted as read (a correction's
    item never told)."""
    built_episode(tmp_path / "radio", "old", "new")
    kept = {
        EPISODE: KeptRates(
            COMING, 200, {}, frozenset({"old"}), {"old": SentItem("old", frozenset({"c1"}))}
        )
    }
    station = heard(tmp_path / "share-gone", no_record, BUILT, {EPISODE: ["old", "new"]})
    result = upcoming_rates(
        tmp_path / "radio",
        kept,
        SYNCED,
        {"old": frozenset({"c1", "c2"}), "new": frozenset()},
        untold=station.untold,
    )
    assert result[EPISODE].bulletins == {"old"}
    assert result[EPISODE].sent == {"old": SentItem("old", frozenset({"c1"}))}


def test_a_bulletin_recorded_before_whose_station_folder_went_keeps_its_record(
    tmp_path: Path,
) -> None:
    """Sent with the episode by an earlier sync, then the share unreachable: it stays recorded
    as it was sent (not owed again, nor taken as carrying what this sync could not send)."""
    built_episode(tmp_path / "radio", "old")
    before = SentItem("old", frozenset({"c1"}))
    kept = {EPISODE: KeptRates(COMING, 200, {}, frozenset({"old"}), {"old": before})}
    result = upcoming_rates(
        tmp_path / "radio",
        kept,
        SYNCED,
        {"old": frozenset({"c1", "c2"})},
        untold=frozenset({"old"}),
    )
    assert (result[EPISODE].bulletins, result[EPISODE].sent) == ({"old"}, {"old": before})


SCRIPT_TEXT = "VÌ AN NINH TỔ QUỐC\nTin a.\n"
"""The words of the episode's script.txt in these records."""
SENT = station_text(SCRIPT_TEXT)
NOTEPAD = SCRIPT_TEXT.encode()
"""SENT as Notepad saves it again, no word changed: no byte order mark, LF line ends."""


def test_a_script_staff_only_saved_again_still_carries_its_bulletins(tmp_path: Path) -> None:
    """The station holds the built script.txt as staff saved it again (no BOM, LF), and the
    sync recorded nothing of it (the run stopped before recording it): the bulletin is read
    from it. Compared byte for byte it was «unwritten»: not sent with its episode, so its
    correction was owed again, although the sync itself takes that file for ours."""
    built = {f"{EPISODE}/script.txt": hashlib.sha256(SENT).hexdigest()}
    (tmp_path / EPISODE).mkdir()
    (tmp_path / EPISODE / "script.txt").write_bytes(NOTEPAD)
    result = heard(tmp_path, no_record, built, EPISODES)
    assert (result.unwritten, result.earlier, result.untold) == (frozenset(), frozenset(), set())


def test_a_revision_a_killed_run_wrote_then_saved_again_is_the_one_heard(tmp_path: Path) -> None:
    """A killed run wrote the new script.txt (its revision line under the first line) and did
    not record it; staff saved it again before the next sync, which failed before settling it:
    the station holds the new version, not the one recorded as sent before («earlier»)."""
    lined = station_text(SCRIPT_TEXT.replace("\n", "\nSỬA LẦN 2\n", 1))
    new = hashlib.sha256(SENT).hexdigest()
    entry = {
        "digest": hashlib.sha256(b"older").hexdigest(),
        "bulletins": ["a"],
        "pending": {
            "station": hashlib.sha256(lined).hexdigest(),
            "entry": {"digest": new, "bulletins": ["a"]},
        },
    }
    (tmp_path / EPISODE).mkdir()
    (tmp_path / EPISODE / "script.txt").write_bytes(lined.removeprefix(b"\xef\xbb\xbf"))
    result = heard(tmp_path, lambda _path: entry, {f"{EPISODE}/script.txt": new}, EPISODES)
    assert (result.unwritten, result.earlier, result.untold) == (frozenset(), frozenset(), set())


def test_a_script_with_other_words_is_not_heard_as_built(tmp_path: Path) -> None:
    """A script.txt whose words differ from the build (the station's own edit) is no copy of
    ours, however it is saved: its bulletin is unwritten when nothing records it."""
    built = {f"{EPISODE}/script.txt": hashlib.sha256(SENT).hexdigest()}
    (tmp_path / EPISODE).mkdir()
    (tmp_path / EPISODE / "script.txt").write_bytes(NOTEPAD + "Ghi chú.\n".encode())
    assert heard(tmp_path, no_record, built, EPISODES).unwritten == {"a"}
