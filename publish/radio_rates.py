"""The read rates each radio episode was synced with, so that once aired it keeps them.

A reader's rate is calibrated from the real durations editors enter after broadcasts (see
publish/render/radio/calibration.py), and a reading counts for every item aired after it. A
reading entered late (after later episodes aired) would change those episodes, already read on
air. So every `publish sync` records in state/radio-rates.json (committed with the rest of
state/) the rates of each episode still to air, and a build times an episode that has aired at
the rates recorded for it: what the station was last sent. The file is an input of every build,
like state/web-urls.json, so a clean build gives the same bytes as an incremental one. Without a
record (never synced, or the file deleted) an aired episode is timed as any other.

The record also holds the episode's air time, and once that is past it decides, for the build
and for the radio sync alike, that the episode aired: a later change of [radio] air_weekday or
air_time (which would give its folder another time) never makes an aired episode one to come.
It holds the keys of the bulletins the episode was sent with too: a build keeps each of them (if
it has no `radio.air_date`) in that aired episode, where a changed air_weekday would otherwise
move it to another week, perhaps one still to come, and send it to the station a second time.

Per bulletin it holds what the station was sent too: the title, and the stable ids of the
corrections its script carried (publish/correction_text.py, `correction_id`). The corrections a
bulletin has that the aired script did not carry are those its listeners were never told, read
in a later episode (publish/render/radio/on_air_corrections.py), whatever their dates say.

And it holds the slug each item of the episode was sent under (a bulletin's, or an on-air
correction's), and those of items withdrawn since (the station keeps their scripts in _rut-lai/):
radio staff print and annotate the rundown and scripts by slug, so a build gives each such item
its slug again and no other item any of them (render/radio/episode.py, `_unique_slugs`), where the
running order alone would rename an item when a bulletin sorting before it took its slug. A sync
records the slugs its build's rundown.json shows, so the next build lays the episode out the same.

Only the `AIRED_KEPT` most recently aired episodes keep their record (with every one to come): the
file would otherwise grow by an episode a week for ever. An older one stays while an episode to come
holds the on-air correction of one of its bulletins: that item is made from it. What reads an aired
record: the radio sync, to know an episode aired although the settings now put it later (at most a
week later: a weekday moves it by six days, an air time by less than one); and the build, to lay out
an aired episode, in output/radio/, as it was sent. Beyond the window a build lays an old episode
out by today's settings and read rates; the station's copy is never written again either way, and a
bulletin that old cannot move into an episode still to come.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from publish.correction_text import corrected_key
from publish.errors import PublishError, os_reason, unreadable_fix
from publish.git_restore import restore_or_delete
from publish.render.radio_station import SLUG_MAX
from publish.syntax import json_error

__all__ = [
    "AIRED_KEPT",
    "RATES_NAME",
    "KeptRates",
    "SentItem",
    "aired_bulletins",
    "builds_alike",
    "kept_rates_bytes",
    "load_kept_rates",
    "rates_path",
    "read_kept_rates",
    "reader_name",
    "upcoming_rates",
]


RATES_NAME = "radio-rates.json"
"""The file under state/."""
_FORMAT_VERSION = 1
AIRED_KEPT = 13
"""Aired episodes whose record is kept: a quarter of weekly broadcasts (see the module doc)."""
_SLUG = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")
"""The form of a slug the build gives (items.make_slug, episode._unique_slugs), at most SLUG_MAX
characters long: one hand-edited into anything else would be pinned and sent to the station."""


def _is_slug(value: object) -> bool:
    """Whether `value` is a slug a build gives: upper-case words of letters and digits joined by
    «-», at most SLUG_MAX characters."""
    return isinstance(value, str) and len(value) <= SLUG_MAX and _SLUG.fullmatch(value) is not None


def rates_path(root: Path) -> Path:
    """Where the project at `root` keeps the synced rates."""
    return root / "state" / RATES_NAME


def reader_name(name: str) -> str:
    """A reader's name as calibration compares it (spaces tidied)."""
    return " ".join(name.split())


@dataclass(frozen=True, slots=True)
class SentItem:
    """What the station was sent of one bulletin: its title and the corrections it carried."""

    title: str
    corrections: frozenset[str]
    """Stable ids (correction_text.correction_id) of the corrections in the script sent."""


@dataclass(frozen=True, slots=True)
class KeptRates:
    """The rates an episode was last synced with: the site's, and each reader's it timed."""

    air: dt.datetime
    """The episode's air time, as it was then."""
    rate: int
    readers: Mapping[str, int]
    """Reader name (as `reader_name` gives it) → syllables a minute."""
    bulletins: frozenset[str] = frozenset()
    """Keys of the bulletins it was sent with (none in a record written before they were kept)."""
    sent: Mapping[str, SentItem] = dataclasses.field(default_factory=dict)
    """Bulletin key → what it was sent as (none in a record written before that was kept)."""
    slugs: Mapping[str, str] = dataclasses.field(default_factory=dict)
    """Item key (a bulletin's, or an on-air correction's) → the slug the station knows it by in
    this episode: every keyed row of each rundown sent, and of those since withdrawn (the
    station keeps their scripts in _rut-lai/ and its printed rundowns name them). A build gives
    each item its slug again and no other item any of them (episode._unique_slugs); none in a
    record written before they were kept."""


def load_kept_rates(path: Path) -> dict[str, KeptRates]:
    """Episode folder → the rates it was last synced with ({} when there is no file yet)."""
    return read_kept_rates(path)[0]


def read_kept_rates(path: Path) -> tuple[dict[str, KeptRates], str | None]:
    """The records of load_kept_rates, and the sha256 of the bytes they were read from (None:
    no file yet)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, None
    except OSError as exc:
        if fix := unreadable_fix(exc, f"state/{path.name}"):  # no damage: see url_history
            raise PublishError(
                f"không đọc được {path.name} trong state/ ({os_reason(exc)}). {fix}"
            ) from None
        raise _damaged(path, f" ({os_reason(exc)})") from None
    return _records(raw, path), hashlib.sha256(raw).hexdigest()


def _records(raw: bytes, path: Path) -> dict[str, KeptRates]:
    """The records in the bytes of the file at `path`."""
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise _damaged(path, f" ({json_error(exc).described()})") from None
    episodes = data.get("episodes") if isinstance(data, dict) else None
    if not isinstance(episodes, dict):
        raise _damaged(path, " (không đúng dạng)")
    kept = {}
    for folder, entry in episodes.items():
        try:
            readers = {str(k): _whole(v) for k, v in entry["readers"].items()}
            air = dt.datetime.fromisoformat(entry["air"])
            if air.tzinfo is None:
                raise ValueError(entry["air"])
            bulletins = entry.get("bulletins", [])
            if not isinstance(bulletins, list) or not all(isinstance(k, str) for k in bulletins):
                raise ValueError(bulletins)
            rate = _whole(entry["rate_spm"])
            sent = {str(k): _sent_item(v) for k, v in entry.get("sent", {}).items()}
            slugs = {str(k): v for k, v in entry.get("slugs", {}).items()}
            bad = [k for k, v in slugs.items() if not _is_slug(v)]  # a number, null: no slug
            if bad:
                raise _damaged(path, _bad_slug(bad[0], str(folder)))
            kept[str(folder)] = KeptRates(air, rate, readers, frozenset(bulletins), sent, slugs)
        except (KeyError, TypeError, AttributeError, ValueError):
            raise _damaged(path, " (không đúng dạng)") from None
    return kept


def _bad_slug(key: str, folder: str) -> str:
    """How the damaged-file error names a recorded slug the build could not have given."""
    return (
        f" (slug của tin «{key}» ở tập {folder} không đúng dạng: slug chỉ gồm chữ in hoa không "
        f"dấu, chữ số và dấu gạch ngang (-), tối đa {SLUG_MAX} ký tự, ví dụ CAH-RA-QUAN-DAM-BAO)"
    )


def _sent_item(value: dict[str, object]) -> SentItem:
    """One bulletin's `sent` entry from the file, or ValueError."""
    title, ids = value["title"], value["corrections"]
    if not isinstance(title, str) or not isinstance(ids, list):
        raise ValueError(value)
    if not all(isinstance(i, str) for i in ids):
        raise ValueError(ids)
    return SentItem(title, frozenset(ids))


def _whole(value: object) -> int:
    """A whole number from the file, or ValueError."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(value)
    return value


def _damaged(path: Path, detail: str) -> PublishError:
    """The error for a rates file that cannot be read."""
    return PublishError(
        f"không đọc được {path.name} trong state/{detail}. "
        + restore_or_delete(
            f"state/{path.name}",
            "các tập đã phát được tính lại theo tốc độ đọc hiện nay, và slug của các tin lại đặt "
            "theo thứ tự phát như với tập chưa gửi đài",
        )
    )


def kept_rates_bytes(kept: Mapping[str, KeptRates]) -> bytes:
    """The file's bytes: sorted, stable for git diffs."""
    episodes = {
        folder: {
            "air": kept[folder].air.isoformat(),
            "rate_spm": kept[folder].rate,
            "readers": dict(sorted(kept[folder].readers.items())),
            "bulletins": sorted(kept[folder].bulletins),
            **(
                {
                    "sent": {
                        key: {"title": item.title, "corrections": sorted(item.corrections)}
                        for key, item in sorted(kept[folder].sent.items())
                    }
                }
                if kept[folder].sent
                else {}
            ),
            # Only when some are known: a record without them keeps its bytes.
            **({"slugs": dict(sorted(kept[folder].slugs.items()))} if kept[folder].slugs else {}),
        }
        for folder in sorted(kept)
    }
    body = {"version": _FORMAT_VERSION, "episodes": episodes}
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def upcoming_rates(
    radio_output: Path,
    kept: Mapping[str, KeptRates],
    now: dt.datetime,
    carried: Mapping[str, frozenset[str]] | None = None,
    unconfirmed: frozenset[str] = frozenset(),
    unwritten: frozenset[str] = frozenset(),
    untold: frozenset[str] = frozenset(),
) -> dict[str, KeptRates]:
    """`kept` with every episode built in `radio_output` that airs at or after `now` recorded as
    built (its rundown.json), with, per bulletin, its title there and the ids of the corrections
    its script carried (`carried`: bulletin key → ids, of the site the output was built from,
    none when not given; a bulletin among `unconfirmed`, whose script the station kept its own
    copy of or holds only an earlier script of, keeps what its record said, else carried none).
    A bulletin among `unwritten`, none of whose scripts is at the station (the item script and
    the episode's script.txt and script.docx all failed to write, or were deleted there), is
    left out: not in it, it is not taken as read once the episode airs (a correction's item is
    then owed by the next one). A bulletin among `untold`, whose scripts could not be read at
    the station (its share gone part-way through the sync), keeps what the episode's record said
    of it when that listed it, else is left out like one unwritten (a correction's item never
    sent, yet recorded, would never be read). Aired episodes keep their record, and one to come
    that is no longer built loses it. A record is frozen once its air time is past: that
    decides for good that the episode aired, whatever [radio] air_weekday or air_time say
    later. One the settings move into the past before that keeps its record as it is: aired
    while they say so, it is to come again if they are put back (a slip of the keyboard must
    not end an episode for good). Of the aired ones only the `AIRED_KEPT` latest stay (by air
    time, then folder). Each record to come also keeps the slug of every item of its rundown,
    and of those it kept before that are no longer in it (withdrawn since: the station keeps
    their scripts)."""
    result = {folder: rates for folder, rates in kept.items() if rates.air < now}
    as_before = unconfirmed | untold
    for path in sorted(radio_output.glob("*/rundown.json")):
        folder = path.parent.name
        if folder in result:
            continue  # aired: its record never changes
        try:
            document = json.loads(path.read_bytes())
            air = dt.datetime.fromisoformat(document["air_start"])
            if air < now:
                if folder in kept:
                    result[folder] = kept[folder]
                continue
            readers = {
                reader_name(row["reader"]): row["rate_spm"]
                for row in document["items"]
                if row["duration_mode"] == "estimated" and row["rate_spm"]
            }
            listed = kept[folder].bulletins if folder in kept else frozenset()
            rows = [
                row
                for row in document["items"]
                if row.get("key")
                and row["key"] not in unwritten
                and (row["key"] not in untold or row["key"] in listed)
            ]
            keys = frozenset(row["key"] for row in rows)
            before = kept[folder].sent if folder in kept else {}
            sent = (
                {
                    row["key"]: (
                        before.get(row["key"], SentItem(str(row["title"] or ""), frozenset()))
                        if row["key"] in as_before
                        else SentItem(str(row["title"] or ""), carried.get(row["key"], frozenset()))
                    )
                    for row in rows
                    if corrected_key(row["key"]) == row["key"]
                }
                if carried is not None
                else {}
            )
            slugs = {
                # Withdrawn since, an item keeps its slug: the station still has its script.
                **(kept[folder].slugs if folder in kept else {}),
                # Every row, written or not: its rundown names it, and a pinned slug costs
                # nothing (it is the one the build gave).
                # A slug no build gives (a hand-edited rundown.json) is not recorded: read back,
                # it would stop every command (review F1).
                **{
                    row["key"]: row.get("slug")
                    for row in document["items"]
                    if row.get("key") and _is_slug(row.get("slug"))
                },
            }
            result[folder] = KeptRates(air, document["rate_spm"], readers, keys, sent, slugs)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue  # not an episode this build wrote
    return _recent(result, now)


def _recent(kept: dict[str, KeptRates], now: dt.datetime) -> dict[str, KeptRates]:
    """`kept` without the aired episodes older than the `AIRED_KEPT` latest, but for those with
    a bulletin whose on-air correction an episode to come holds (the item is made from them)."""
    aired = sorted((rates.air, folder) for folder, rates in kept.items() if rates.air < now)
    owed = {
        corrected_key(key)
        for rates in kept.values()
        if rates.air >= now
        for key in rates.bulletins
        if corrected_key(key) != key
    }
    dropped = {
        folder
        for _air, folder in aired[: max(0, len(aired) - AIRED_KEPT)]
        if not kept[folder].bulletins & owed
    }
    return {folder: rates for folder, rates in kept.items() if folder not in dropped}


def builds_alike(
    before: Mapping[str, KeptRates], after: Mapping[str, KeptRates], until: dt.datetime | None
) -> bool:
    """Whether every build before `until` writes and reports the same reading the records
    `after` as `before`: so when each record that differs (added, changed or dropped) is, on
    either side, of an episode that airs at or after `until` (what a sync records for the
    episodes a build laid out still to come, when `until` ends that build's unchanged span).

    A build reads a record's rates and bulletins only for an episode that aired by it
    (aired_bulletins, and its rates in _episode), or for one it lays out to air before the
    build, whose rates the record keeps (a changed air_weekday or air_time put it in the past).
    upcoming_rates takes a record to come from the episode's rundown, so its air time is the one
    the build lays it out at, and one laid out in the past is never changed. A record's slugs
    are read for every episode, to come too: upcoming_rates records those of the rundown the
    build wrote, over the ones it read, and an item given the slug it has keeps it, so the build
    gives the same slugs from either. So does the Q9 note's episode with scheduled bulletins,
    which takes the record's slugs with those the episode gave; and the `radio.slug` warning
    sees the same, as a sync adds only slugs the build gave (an item's `radio.slug`, or it told
    apart by a number). A reader added to the build must keep this true or change it."""
    if until is None:
        return False
    changed = [f for f in before.keys() | after.keys() if before.get(f) != after.get(f)]
    return all(
        kept.air >= until
        for folder in changed
        for kept in (before.get(folder), after.get(folder))
        if kept is not None
    )


def aired_bulletins(kept: Mapping[str, KeptRates], now: dt.datetime) -> dict[str, str]:
    """Bulletin key → the folder of the aired episode it was sent with (the latest, should an
    interrupted move leave it in two)."""
    aired = sorted((rates.air, folder) for folder, rates in kept.items() if rates.air < now)
    return {key: folder for _air, folder in aired for key in kept[folder].bulletins}
