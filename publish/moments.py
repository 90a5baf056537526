"""Dates and times as editors and operators write them (`2020-12-08 08:00`, `08/12/2020 8h00`):
read without the front matter validators, so `--now` costs a build that replays the last one no
YAML parser or content loader."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

__all__ = [
    "DATE_HINT",
    "WRITTEN_DATE_RE",
    "YEARS",
    "parse_datetime",
    "recorded_moment",
    "unlikely_year",
    "when",
    "written_day",
]

_TIME = r"(?P<h{n}>\d{{1,2}})(?::(?P<m{n}>\d{{2}})(?::(?P<s{n}>\d{{2}}))?|\s*(?:h|g|giờ)\s*(?:(?P<hm{n}>\d{{1,2}})(?:\s*phút|p|')?)?)"
_DATE = r"(?:(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>\d{4})|(?P<y2>\d{4})[/.-](?P<mo2>\d{1,2})[/.-](?P<d2>\d{1,2}))"
_APART = r"(?:\s*[,–-]\s*|\s+)"
"""Between the day and the time: spaces, a comma or a dash («08/12/2020 - 20g30»)."""
WRITTEN_DATE_RE = re.compile(
    rf"(?:(?:lúc\s+)?{_TIME.format(n=1)}{_APART})?(?:ngày\s+)?{_DATE}(?:{_APART}(?:lúc\s+)?{_TIME.format(n=2)})?",
    re.IGNORECASE,
)
"""Dates as Vietnamese editors write them: day first (8/12/2020, 08-12-2020, 08.12.2020) or
year first (2020/12/08, 2020-12-08 8h00), with a time before or after (08:00, 8h, 8h30, 8g30,
20g30p, 8 giờ 30 phút)."""
DATE_HINT = (
    "Viết ngày dạng 2020-12-08 08:00 hoặc 08/12/2020 8h00 (giờ Việt Nam nếu không ghi múi giờ)."
)
YEARS = range(1900, 2101)
"""Years a date may fall in. Beyond them a date is a typo (and year 1 or 9999 cannot even be
moved between timezones)."""


def when(moment: dt.datetime) -> str:
    """A moment as front matter writes it, on the clock it is in (the site's, for a moment
    `parse_datetime` reads back as the same one): seconds only when there are some."""
    return f"{moment:%Y-%m-%d %H:%M}" + (f":{moment:%S}" if moment.second else "")


def recorded_moment(value: object) -> dt.datetime | None:
    """A time a state file recorded (ISO 8601 with offset), None when unreadable or naive."""
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def parse_datetime(value: Any, tz: dt.tzinfo) -> dt.datetime | None:
    """Read a YAML date, datetime or string; naive values are in the site timezone."""
    if isinstance(value, dt.datetime):
        result = value
    elif isinstance(value, dt.date):
        result = dt.datetime.combine(value, dt.time())
    elif isinstance(value, str):
        text = value.strip()
        try:
            result = dt.datetime.fromisoformat(text)
        except ValueError:
            written = _written_datetime(text)
            if written is None:
                return None
            result = written
    else:
        return None
    return result.replace(tzinfo=tz) if result.tzinfo is None else result


def _written_datetime(text: str) -> dt.datetime | None:
    """A date written the Vietnamese way (see WRITTEN_DATE_RE), or None."""
    found = WRITTEN_DATE_RE.fullmatch(text)
    if found is None or (found["h1"] and found["h2"]):
        return None
    day, month, year, _ = written_day(found)
    n = "1" if found["h1"] else "2"
    hour, minute, second = found[f"h{n}"], found[f"m{n}"] or found[f"hm{n}"], found[f"s{n}"]
    try:
        return dt.datetime(year, month, day, int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None


def written_day(found: re.Match[str]) -> tuple[int, int, int, tuple[int, int]]:
    """The day, month and year a WRITTEN_DATE_RE match names (day first or year first), and
    where the date is in the text matched: from its first number to its last, no time."""
    if found["d"] is not None:
        span = found.start("d"), found.end("y")
        return int(found["d"]), int(found["mo"]), int(found["y"]), span
    span = found.start("y2"), found.end("d2")
    return int(found["d2"]), int(found["mo2"]), int(found["y2"]), span


def unlikely_year(moment: dt.date) -> str | None:
    """Why `moment`'s year cannot be right, or None when it is within YEARS."""
    if moment.year in YEARS:
        return None
    return f"năm {moment.year} nằm ngoài khoảng {YEARS[0]}–{YEARS[-1]}"
