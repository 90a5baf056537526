"""How every channel tells a correction («Đính chính»): its words and its time, from the model
alone (the sync imports this without the loader)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from publish.model import Bulletin, Correction

__all__ = [
    "BEFORE_AIR",
    "HEADING",
    "ON_AIR_MARK",
    "corrected_key",
    "correction_id",
    "correction_ids",
    "on_air_key",
    "position",
    "told",
    "updated",
    "updated_lead",
    "updated_line",
    "when",
    "when_moment",
]

HEADING = "Đính chính"
"""What every channel calls a correction."""
ON_AIR_MARK = "#dinh-chinh-"
"""What sets the key of a correction read on air apart from its bulletin's (`<key>#dinh-chinh-<id>`,
see publish/render/radio/on_air_corrections.py)."""
BEFORE_AIR = "made_before_air"
"""The rundown.json row of an on-air correction item made before the broadcast it corrects,
yet owed (publish/render/radio/on_air_corrections.py, OnAir.before): {"made": the correction's
time, "aired": the broadcast's}, ISO 8601. The sync's plan tells from it why the item is read,
as the build decided it, never working that out a second time."""
_ID_DIGITS = 8
"""Hex digits of a correction's id: enough to tell apart the few corrections of a bulletin."""


def correction_id(correction: Correction) -> str:
    """A correction's stable id, from its date and note: not its place in the list, which
    deleting an earlier one changes (a correction already told would then seem a new one). The
    note is tidied first (`_tidied`), so a dropped final «.» or a stray space is the same one."""
    return _digest(correction, _tidied(correction.note))


def correction_ids(correction: Correction) -> tuple[str, ...]:
    """Every id a record may name the correction by: its id, then those versions before the
    tidying gave it (the note as written), also of the likely earlier spelling without the
    final «.» (aired so, then the editor added it), each once."""
    tidied = _tidied(correction.note)
    notes = (tidied, tidied.removesuffix("."), correction.note)
    return tuple(dict.fromkeys(_digest(correction, note) for note in notes))


def _digest(correction: Correction, note: str) -> str:
    """The id of a correction with the note `note`."""
    text = f"{correction.date.isoformat()}\n{note}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_ID_DIGITS]


_END = " \t\r\n.…!?;:,"
"""What may end a note without changing what it says."""


def _tidied(note: str) -> str:
    """The note as its id hashes it: NFC, single spaces, ending in one «.». A note already so
    written (most end a sentence) hashes as it always did: its id, perhaps in
    state/radio-rates.json, stays the same."""
    words = " ".join(unicodedata.normalize("NFC", note).split())
    return words.rstrip(_END) + "."


def on_air_key(key: str, ident: str) -> str:
    """The key of the radio item telling the correction `ident` (its id) of the bulletin `key`."""
    return f"{key}{ON_AIR_MARK}{ident}"


_HASH = re.compile(rf"[0-9a-f]{{{_ID_DIGITS}}}")
_POSITION = re.compile(r"[1-9][0-9]{0,2}")
"""An item keyed by the correction's place in the list (1 for the first), as versions before
the ids were: state/radio-rates.json may still hold such a key."""


def corrected_key(key: str) -> str:
    """The bulletin key of a radio item key: a correction item's bulletin, else the key itself."""
    head, mark, ident = key.rpartition(ON_AIR_MARK)
    return head if mark and (_HASH.fullmatch(ident) or _POSITION.fullmatch(ident)) else key


def position(key: str) -> int | None:
    """The place in its bulletin's list (1 for the first) of the correction an item keyed by
    place tells, as versions before the ids keyed it; None for any other key (an id of digits
    alone has all its 8, a place at most 3)."""
    _head, mark, ident = key.rpartition(ON_AIR_MARK)
    return int(ident) if mark and _POSITION.fullmatch(ident) else None


def when(correction: Correction) -> str:
    """ "14:30 ngày 2/12/2026" (the day alone when written without a time): see when_moment."""
    return when_moment(correction.date, timed=correction.timed)


def when_moment(moment: dt.datetime, *, timed: bool) -> str:
    """ "14:30 ngày 2/12/2026", or "ngày 2/12/2026" when not `timed`: no leading zero in the
    day and month, which screen readers' voices read digit by digit (see
    publish.text.vn_short_date)."""
    day = f"ngày {moment.day}/{moment.month}/{moment.year}"
    return f"{moment.hour}:{moment.minute:02d} {day}" if timed else day


def updated_line(moment: dt.datetime, *, timed: bool) -> tuple[str, str]:
    """What a page updated at `moment` says before its date and the date itself: ("Cập nhật",
    "ngày 20/11/2026"), as a corrected bulletin's date line says it."""
    return ("Cập nhật lúc" if timed else "Cập nhật"), when_moment(moment, timed=timed)


def updated_lead(correction: Correction) -> str:
    """What comes before `when(correction)` in the line telling readers of the latest one."""
    return updated_line(correction.date, timed=correction.timed)[0]


def updated(bulletin: Bulletin) -> str:
    """ "Cập nhật lúc 14:30 ngày 2/12/2026": the latest correction, as the date line says it."""
    latest = bulletin.corrections[-1]
    return f"{updated_lead(latest)} {when(latest)}"


def told(correction: Correction) -> str:
    """ "Đính chính (14:30 ngày 2/12/2026): …": one correction as a line of text."""
    return f"{HEADING} ({when(correction)}): {correction.note}"
