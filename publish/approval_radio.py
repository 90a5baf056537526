"""The radio's verdict on a bulletin being approved, as the build will give it.

`publish approve` printed «kênh: web, radio» for a bulletin whose script the build then kept
off the air (an abbreviation the dictionary lacks, a body with nothing to read…): only
`publish check` said so, and only once it was approved and published. So approve reads aloud
each bulletin it approves now (those only: one body each) and says in its line that the
radio holds it and why. It still approves: what the approver signs is the text, which goes
to the website and Zalo; the radio waits for a reading it can say (a dictionary line needs no
new approval, `draft: [radio]` neither). A `radio:` block the build cannot read is another
matter: it stops the whole build once published, so it refuses the approval.

A bulletin whose episode aired (state/radio-rates.json) stays in it, as the build keeps it: the
aired episode is the station's, never written again, so an edit approved now never reaches
the station; its listeners hear of it only through a correction (`corrections`), read as an
item of its own in the next episode to come. Told so, not judged as if to air again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from publish.config import Config
from publish.errors import Problem
from publish.model import Bulletin
from publish.radio.flags import Flag, rule_note
from publish.radio_rates import KeptRates, aired_bulletins, load_kept_rates, rates_path
from publish.render.radio import on_air_corrections
from publish.render.radio.episode import (
    correction_air,
    correction_expired,
    kept_off,
    read_items,
    slot_of,
)
from publish.render.radio.items import (
    Speaker,
    abbreviation_problems,
    blocking,
    read_block,
)
from publish.text import vn_datetime

__all__ = ["Aired", "OffAir", "block_errors", "off_air"]


@dataclass(frozen=True, slots=True)
class Aired:
    """A bulletin read in an episode that aired: when, the episode's folder, and each
    correction its listeners are still owed, by its number (1 for the first), with when the
    episode that reads it airs (None: never, the bulletin expiring before it), and why it
    cannot be read on air when it cannot."""

    air: dt.datetime
    folder: str
    owed: tuple[tuple[int, dt.datetime | None, str], ...] = ()
    """(number, when, why) of each correction owed; `why` it cannot be read on air as written,
    as the build finds it (a blocking read-aloud flag; "" when it can): the build holds such a
    one out of every episode."""


@dataclass(frozen=True, slots=True)
class OffAir:
    """Why the build keeps a bulletin off the radio: the first reason, and how many read-aloud
    findings block it (`publish speak --flags` lists them; 0 when another reason holds it);
    or, `aired` set, that it aired already (then `first` is ""); or, `missed` set, that the
    broadcast it is set for is over while it never aired (`first` says so)."""

    first: str
    count: int
    aired: Aired | None = None
    missed: dt.datetime | None = None


def block_errors(bulletin: Bulletin, config: Config) -> list[Problem]:
    """The errors of the bulletin's `radio:` block (a date that is none, a key misspelt), which
    stop every build once it is published; none for a bulletin not on the radio."""
    if "radio" not in bulletin.channels:
        return []
    return read_block(bulletin, config)[1]


def off_air(bulletins: Iterable[Bulletin], config: Config, now: dt.datetime) -> dict[str, OffAir]:
    """Each of `bulletins` for the radio that the build keeps off the air at `now`, by file,
    with why, first reason first as the build tells them (publish.render.radio.episode.kept_off):
    a reason the build leaves it out of every episode (nothing to read, expiring before its
    broadcast, a day without one), else a read-aloud finding that blocks it; and each that
    aired already (OffAir.aired). None is told while the unit's abbreviation file is broken:
    the build stops on it, whatever the bulletins say."""
    radio = [b for b in bulletins if "radio" in b.channels]
    if not radio or abbreviation_problems(config):
        return {}
    synced = load_kept_rates(rates_path(config.root))
    sent = aired_bulletins(synced, now)
    aired_items = read_items(synced, sent)
    speaker: Speaker | None = None
    found: dict[str, OffAir] = {}
    for bulletin in radio:
        block, problems = read_block(bulletin, config)
        if problems:
            continue  # refused before: see block_errors
        air, folder, aired = slot_of(bulletin, block, config, synced, sent)
        speaker = speaker or Speaker(config)
        if aired is not None:
            read = aired_items.get(bulletin.key)
            told = _aired(bulletin, folder, aired, read, sent, config, now, speaker)
            found[bulletin.source] = OffAir("", 0, told)
            continue
        if air < now:
            found[bulletin.source] = OffAir(_missed(air, config), 0, missed=air)
            continue
        item = speaker.item(bulletin, block, reader=config.radio.reader)
        off = kept_off(bulletin, air, item, config, aired=False)
        if isinstance(off, tuple):
            found[bulletin.source] = OffAir(off[0].message, 0)
        elif off:
            found[bulletin.source] = OffAir(_flag_told(off[0]), len(off))
    return found


def _missed(air: dt.datetime, config: Config) -> str:
    """Why a bulletin set for broadcast `air`, over and not recorded as read in it, never goes
    to the station: the sync sends no script to an episode that aired (publish.sync.radio)."""
    return (
        f"buổi phát của bài ({vn_datetime(air.astimezone(config.tz))}) đã qua, nên kịch bản "
        "không được gửi sang đài (tập đã phát không được ghi lại, bài không tự chuyển sang buổi "
        "sau)"
    )


def _flag_told(flag: Flag) -> str:
    """A read-aloud finding that keeps an item off the air, in one clause: what, where (when
    its message does not quote it) and its rule, without how to fix it."""
    what = flag.message.partition(" Cách sửa: ")[0].rstrip(" .")
    shown = "" if flag.excerpt in what else f" (đoạn «{flag.excerpt}»)"
    return f"{what}{shown} {rule_note(flag.code)}"


def _aired(
    bulletin: Bulletin,
    folder: str,
    aired: KeptRates,
    read: dict[str, dt.datetime] | None,
    sent: dict[str, str],
    config: Config,
    now: dt.datetime,
    speaker: Speaker,
) -> Aired:
    """What became of `bulletin`, aired in episode `folder` (`aired`: its record; `read`: its
    correction items that aired, `sent`: every aired item, as the build reads them): the
    corrections its listeners are owed, each with the broadcast that reads it, and why any of
    them cannot be read as written (read aloud by `speaker`, as the build reads them)."""
    owed = on_air_corrections.due(bulletin, aired.air, aired.sent.get(bulletin.key), config, read)
    told: list[tuple[int, dt.datetime | None, str]] = []
    for one in owed:
        if one.bulletin.key in sent:
            continue  # its item aired already
        at = correction_air(one, now, config)
        if correction_expired(one, at):
            told.append((one.number, None, ""))
            continue
        # The reader only times the item: its flags are the build's whoever reads it.
        item = on_air_corrections.item(speaker, one, config, config.radio.reader)
        stoppers = blocking(item.flags)
        told.append((one.number, at, _flag_told(stoppers[0]) if stoppers else ""))
    return Aired(aired.air, folder, tuple(told))
