"""T3: each reader's read rate, calibrated from the real durations of the items they have aired.

After a broadcast the editor writes an item's real duration in its bulletin (`radio: aired:
"1:24"`). Each such item is a reading of its reader, `syllables × 60 / (aired − cues)`; a reader's
rate for an item is the exponential moving average (α = 0.3) of their readings aired before it,
kept within [180, 330] syllables a minute, and the site's `[radio] rate_spm` until there is one.
Only earlier readings count; an episode that has aired keeps the rates it was synced with
(publish/radio_rates.py), so a reading entered late never changes it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from publish.radio_rates import reader_name
from publish.render.radio.items import Segment

__all__ = ["ALPHA", "LIMITS", "ReadRates", "reading"]

ALPHA = 0.3
"""Weight of the newest reading in the moving average (T3)."""
LIMITS = (180, 330)
"""Slowest and fastest rate a calibration may give (T3), in syllables a minute."""


def reading(segment: Segment) -> float | None:
    """The rate the item's reader showed on air, or None when it is not a usable reading."""
    speech = segment.seconds - segment.cue_seconds
    if segment.mode != "aired" or segment.syllables <= 0 or speech <= 0:
        return None
    return segment.syllables * 60 / speech


class ReadRates:
    """Each reader's calibrated rate at any moment, from their readings."""

    def __init__(self, default: int, items: Iterable[Segment]) -> None:
        """Rates from the aired items among `items`; `default` for a reader without readings."""
        self.default = default
        found: dict[str, list[tuple[dt.datetime, float]]] = defaultdict(list)
        for item in items:
            rate = reading(item)
            if rate is not None and item.air is not None:
                found[reader_name(item.reader)].append((item.air, rate))
        self._times: dict[str, list[dt.datetime]] = {}
        self._rates: dict[str, list[int]] = {}
        for reader, readings in found.items():
            readings.sort(key=lambda r: r[0])
            average: float | None = None
            rates = []
            for _, rate in readings:
                average = rate if average is None else ALPHA * rate + (1 - ALPHA) * average
                rates.append(round(min(max(average, LIMITS[0]), LIMITS[1])))
            self._times[reader] = [when for when, _ in readings]
            self._rates[reader] = rates

    def at(self, reader: str, moment: dt.datetime) -> int:
        """The rate of `reader` for an item airing at `moment` (readings aired before it)."""
        name = reader_name(reader)
        times = self._times.get(name)
        if not times:
            return self.default
        count = bisect.bisect_left(times, moment)
        return self._rates[name][count - 1] if count else self.default
