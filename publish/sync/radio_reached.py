"""Which bulletins of the episodes to come the station holds a script of, after a radio sync.

An episode's bulletin is read on air from any of three files: its item script
(`items/<key>.txt`) or the episode's `script.txt` and `script.docx` (the presenter's copies), each
carrying its whole text with any «Đính chính». What the record of the episode says the station
was sent (publish/radio_rates.py) is decided from what these files are at the station after the
sync, not from which actions of it raised: a write that failed after its rename (the record of
state/radio.json not saved) still reached the station, and an item script that failed is read
all the same from a `script.txt` written with it. A .txt staff only opened and saved again holds
what it held (`as_sent`), as the sync itself reads it (`station_read`).
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from publish.render.radio_station import station_read

__all__ = ["EPISODE_SCRIPTS", "Heard", "heard"]

EPISODE_SCRIPTS = ("script.txt", "script.docx")
"""An episode's files that carry the text of every item in it (the rundown only names them)."""
_BUILT = "built"
_EARLIER = "earlier"
_UNTOLD = "untold"
"""The station's file could not be read (a share briefly gone): what it holds is not known."""


@dataclass(frozen=True, slots=True)
class Heard:
    """Bulletins of the episodes to come that the station holds no script of as built."""

    unwritten: frozenset[str]
    """No script carrying it is at the station at all: it is not read in its episode."""
    earlier: frozenset[str]
    """Only an earlier script of ours carrying it is there (a write that failed over it): read
    as it was sent before."""
    untold: frozenset[str] = frozenset()
    """What is there could not be read (the station folder gone, a read that failed): a record
    of the episode that held it is kept as it was, and none is made of it anew."""


def heard(
    folder: Path,
    record: Callable[[str], Mapping[str, Any] | None],
    built: Mapping[str, str],
    episodes: Mapping[str, Sequence[str]],
) -> Heard:
    """What the station `folder` holds of each bulletin of `episodes` (folder → bulletin keys,
    those to come), by the record state/radio.json holds of each file (`record`, as the sync
    left it) and, where that is not the built file (`built`: path → sha256 in output/radio/),
    the station's file itself. A bulletin whose files could not be read (the station folder
    gone, a read that failed) is `untold`: neither known to be there nor known to be missing."""
    if not _is_folder(folder):
        every = frozenset(key for keys in episodes.values() for key in keys)
        return Heard(frozenset(), frozenset(), every)
    items = {PurePosixPath(path).stem: path for path in built if path.startswith("items/")}
    unwritten: set[str] = set()
    earlier: set[str] = set()
    untold: set[str] = set()
    for episode, keys in episodes.items():
        for key in keys:
            paths = (items.get(key), *(f"{episode}/{name}" for name in EPISODE_SCRIPTS))
            found = {
                _copy(folder / path, built[path], record(path) or {}, key, episode)
                for path in paths
                if path is not None and path in built
            }
            if _BUILT in found:
                continue
            if _EARLIER in found:
                earlier.add(key)
            else:
                (untold if _UNTOLD in found else unwritten).add(key)
    return Heard(frozenset(unwritten), frozenset(earlier), frozenset(untold))


def _copy(target: Path, built: str, entry: Mapping[str, Any], key: str, episode: str) -> str:
    """What the station holds at `target` of the bulletin `key` whose built file there has the
    digest `built`: that file (_BUILT), an earlier one we wrote carrying it (_EARLIER), nothing
    (""), or what cannot be told (_UNTOLD)."""
    pending = entry.get("pending") or {}
    # A replaced script bears a revision line: the station's bytes are then those recorded
    # with the digest of the built file (or about to be, by a write not recorded).
    lined = [
        (entry.get("digest"), entry.get("station")),
        ((pending.get("entry") or {}).get("digest"), pending.get("station")),
    ]
    ours = (built, *(station for digest, station in lined if digest == built and station))
    try:
        if entry.get("digest") == built and "pending" not in entry and _is_file(target):
            return _BUILT  # recorded once it was written (a station edit since is the syncer's)
        # Staff only opened a .txt and saved it again: the file of ours it holds, as the sync
        # itself compares it (`station_read`).
        present, _raw, data = station_read(target, ours)
    except OSError:
        return _UNTOLD
    if data is None:
        return ""
    if present in ours:
        return _BUILT
    sent = bool(entry.get("digest")) and key in entry.get("bulletins", ())
    return _EARLIER if sent and entry.get("episode", episode) == episode else ""


def _is_file(path: Path) -> bool:
    """Whether `path` is a regular file, not a link; OSError when that cannot be told."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False


def _is_folder(path: Path) -> bool:
    """Whether the station folder `path` can be reached (False on a share gone)."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False
