"""How every channel tells a correction («Đính chính»): its words and its time, from the model
alone (the sync imports this without the loader)."""

from __future__ import annotations

from publish.model import Bulletin, Correction

__all__ = ["HEADING", "told", "updated", "updated_lead", "when"]

HEADING = "Đính chính"
"""What every channel calls a correction."""


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
