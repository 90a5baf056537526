"""The time at the start of each line `publish serve` prints."""

from __future__ import annotations

import datetime as dt

__all__ = ["clock"]


def clock(tz: dt.tzinfo) -> str:
    """The time on the site's clock for log lines (not the machine's: a server may run UTC)."""
    return dt.datetime.now(tz).strftime("%H:%M:%S")
