"""How every channel tells a correction («Đính chính»): its words and its time, from the model
alone (the sync imports this without the loader)."""

from __future__ import annotations

from publish.model import Bulletin, Correction

__all__ = [
    "HEADING",
    "ON_AIR_MARK",
    "corrected_key",
    "on_air_key",
    "told",
    "updated",
    "updated_lead",
    "when",
]

HEADING = "Đính chính"
"""What every channel calls a correction."""
ON_AIR_MARK = "#dinh-chinh-"
"""What sets the key of a correction read on air apart from its bulletin's (`<key>#dinh-chinh-<n>`,
see publish/render/radio/on_air_corrections.py)."""


def on_air_key(key: str, number: int) -> str:
    """The key of the radio item telling correction `number` (from 1) of the bulletin `key`."""
    return f"{key}{ON_AIR_MARK}{number}"


def corrected_key(key: str) -> str:
    """The bulletin key of a radio item key: a correction item's bulletin, else the key itself."""
    head, mark, number = key.rpartition(ON_AIR_MARK)
    return head if mark and number.isdigit() else key


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
