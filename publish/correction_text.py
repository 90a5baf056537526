"""How every channel tells a correction («Đính chính»): its words and its time, from the model
alone (the sync imports this without the loader)."""

from __future__ import annotations

import hashlib

from publish.model import Bulletin, Correction

__all__ = [
    "HEADING",
    "ON_AIR_MARK",
    "corrected_key",
    "correction_id",
    "on_air_key",
    "told",
    "updated",
    "updated_lead",
    "when",
]

HEADING = "Đính chính"
"""What every channel calls a correction."""
ON_AIR_MARK = "#dinh-chinh-"
"""What sets the key of a correction read on air apart from its bulletin's (`<key>#dinh-chinh-<id>`,
see publish/render/radio/on_air_corrections.py)."""
_ID_DIGITS = 8
"""Hex digits of a correction's id: enough to tell apart the few corrections of a bulletin."""


def correction_id(correction: Correction) -> str:
    """A correction's stable id, from its date and note: not its place in the list, which
    deleting an earlier one changes (a correction already told would then seem a new one)."""
    text = f"{correction.date.isoformat()}\n{correction.note}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_ID_DIGITS]


def on_air_key(key: str, ident: str) -> str:
    """The key of the radio item telling the correction `ident` (its id) of the bulletin `key`."""
    return f"{key}{ON_AIR_MARK}{ident}"


def corrected_key(key: str) -> str:
    """The bulletin key of a radio item key: a correction item's bulletin, else the key itself."""
    head, mark, ident = key.rpartition(ON_AIR_MARK)
    is_id = bool(ident) and all(c in "0123456789abcdef" for c in ident)
    return head if mark and is_id else key


def when(correction: Correction) -> str:
    """ "14:30 ngày 2/12/2026" (the day alone when written without a time): no leading zero
    in the day and month, which screen readers' voices read digit by digit (see
    publish.text.vn_short_date)."""
    moment = correction.date
    day = f"ngày {moment.day}/{moment.month}/{moment.year}"
    return f"{moment.hour}:{moment.minute:02d} {day}" if correction.timed else day


def updated_lead(correction: Correction) -> str:
    """What comes before `when(correction)` in the line telling readers of the latest one."""
    return "Cập nhật lúc" if correction.timed else "Cập nhật"


def updated(bulletin: Bulletin) -> str:
    """ "Cập nhật lúc 14:30 ngày 2/12/2026": the latest correction, as the date line says it."""
    latest = bulletin.corrections[-1]
    return f"{updated_lead(latest)} {when(latest)}"


def told(correction: Correction) -> str:
    """ "Đính chính (14:30 ngày 2/12/2026): …": one correction as a line of text."""
    return f"{HEADING} ({when(correction)}): {correction.note}"
