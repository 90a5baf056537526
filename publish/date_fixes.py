"""How to fix a date an editor wrote that names no day, with the editor's own value corrected
(«31/11/2026» → «30/11/2026 hoặc 01/12/2026», «8/12/26» → «08/12/2026», «01122026» →
«01/12/2026»): a value is offered only where the written one allows one reading, or each of
two, and only one the tool reads; else the rule alone. Free of the front matter validators, so
`--now` can use it without loading them."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from publish.moments import WRITTEN_DATE_RE, parse_datetime, unlikely_year, written_day

__all__ = [
    "Fix",
    "calendar_fix",
    "date_fix",
    "fix_or_example",
    "reads",
    "run_together_fix",
    "short_year_fix",
]

SHORT_YEAR = "Ghi năm đủ 4 chữ số (2020, không phải 20)."
"""Said of a year written with two digits when the value, so corrected, is still no date."""


class Fix(NamedTuple):
    """How to fix a date written wrong: what to tell, and whether it offers the value corrected
    (else it names the rule only)."""

    said: str
    offers: bool


def date_fix(text: str) -> Fix | None:
    """The fix of a date written wrong in a way the value itself corrects, or None."""
    return calendar_fix(text) or short_year_fix(text) or run_together_fix(text)


def fix_or_example(text: str, example: str) -> str:
    """How to fix `text`, a date that names no moment: its fix, then `example` (how to write
    one) unless the fix offers the value corrected («sửa thành 30/11/2026. Viết dạng
    2020-12-12.» told two ways to write it); `example` alone when there is no fix."""
    fix = date_fix(text)
    if fix is None:
        return example
    return fix.said if fix.offers else f"{fix.said} {example}"


def reads(text: str) -> bool:
    """Whether the tool reads `text` as a moment it accepts (its year within YEARS)."""
    moment = parse_datetime(text, dt.UTC)
    return moment is not None and unlikely_year(moment) is None


def _either(choices: list[str]) -> str:
    """«A» or «A hoặc B»: the readings of a value, each once, in order."""
    return " hoặc ".join(dict.fromkeys(choices))


def _on_calendar(year: int, month: int, day: int) -> dt.date | None:
    """The day these numbers name, or None when none does (31/02, month 13, year 0)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_SEPARATOR = re.compile(r"[/.-]")


def _day_written(found: re.Match[str], text: str, day: dt.date) -> str:
    """`text` with the date `found` in it replaced by `day`, written in the same order and with
    the same separators (zero-padded); the time and anything else as written."""
    start, end = written_day(found)[3]
    one, two = _SEPARATOR.findall(text, start, end)
    numbers = [f"{day.day:02}", f"{day.month:02}", f"{day.year}"]
    if found["d"] is None:
        numbers.reverse()
    return f"{text[:start]}{numbers[0]}{one}{numbers[1]}{two}{numbers[2]}{text[end:]}"


def calendar_fix(text: str) -> Fix | None:
    """Why a date written as the tool reads them names no day or time (31/11, 11/15 written
    month first as in English, 24h30), with the editor's own numbers and, where one or two
    readings are possible and the tool reads them, the value corrected; None for any other."""
    text = text.strip()
    found = WRITTEN_DATE_RE.fullmatch(text)
    if found is None:
        return None
    day, month, year, _ = written_day(found)
    if not 1 <= month <= 12:
        return _month_fix(found, text)
    if day < 1:
        return _rule("Không có ngày 0: ngày ghi từ 1.", found)
    days = calendar.monthrange(year, month)[1]
    if day > days:
        return _past_month_end(found, text, days)
    for n in ("1", "2"):
        if found[f"h{n}"] is not None and int(found[f"h{n}"]) == 24:
            return _past_midnight(text, found, n)
    said = _time_rule(found)
    return Fix(said, offers=False) if said else None


def _rule(said: str, found: re.Match[str]) -> Fix:
    """The rule the date breaks, and the one its time breaks if any (24h00 with 31/11: no
    corrected value reads, the day and the hour both being wrong)."""
    time = _time_rule(found)
    return Fix(f"{said} {time}" if time else said, offers=False)


def _month_fix(found: re.Match[str], text: str) -> Fix:
    """Why a month past 12 is none: written month first («11/15/2026»), the value with day
    and month swapped when that is a day the tool reads; else the rule."""
    day, month, year, _ = written_day(found)
    order = (
        "ghi ngày trước tháng (ngày/tháng/năm)" if found["d"] is not None else "ghi năm-tháng-ngày"
    )
    swapped = _on_calendar(year, day, month)
    if swapped is None:  # 02/31/2026: no 31 February either way
        return _rule(f"Không có tháng {month}: tháng ghi từ 1 đến 12.", found)
    written = _day_written(found, text, swapped)
    if reads(written):  # the time as written stays: the date alone is what to change
        return Fix(f"Không có tháng {month}: {order}: {written}.", offers=True)
    return _rule(f"Không có tháng {month}: {order}.", found)


def _past_month_end(found: re.Match[str], text: str, days: int) -> Fix:
    """Why a day past its month's end is none: one day past it, the month's last day or the
    next month's first, typed so, each that the tool reads; else the rule."""
    day, month, year, _ = written_day(found)
    told = f"Tháng {month} năm {year} chỉ có {days} ngày"
    readings: list[str] = []
    # No month has 32 days: 32/12 is a typo, not the 31 days of December mixed up with the 30
    # of another month. Further past the end, the day meant may be any: none is offered.
    if day == days + 1 <= 31:
        close = (
            _on_calendar(year, month, days),
            _on_calendar(year + month // 12, month % 12 + 1, 1),
        )
        written = [_day_written(found, text, d) for d in close if d is not None]
        readings = [w for w in written if reads(w)]
    if readings:
        return Fix(f"{told}: sửa thành {_either(readings)}.", offers=True)
    return _rule(f"{told}: ngày ghi từ 1 đến {days}.", found)


_NO_HOUR = "Không có %d giờ: giờ ghi từ 0 đến 23 (nửa đêm là 00h00 ngày hôm sau)"


def _time_rule(found: re.Match[str]) -> str | None:
    """The rule the time of a date breaks (25h00, 8h75), or None."""
    for n in ("1", "2"):
        if found[f"h{n}"] is not None:
            hour, minute = int(found[f"h{n}"]), found[f"m{n}"] or found[f"hm{n}"]
            if hour > 23:
                return f"{_NO_HOUR % hour}."
            if minute is not None and int(minute) > 59:
                return f"Không có phút {int(minute)}: phút ghi từ 0 đến 59."
    return None


def _past_midnight(text: str, found: re.Match[str], n: str) -> Fix:
    """Why a time written 24h… names none, and the value with it as the next day's 00h…
    (24h30 is 00h30 the day after), the date written as it was and all else kept."""
    told = _NO_HOUR % 24
    at = found.span(f"h{n}")
    # «24» and «00» have one length: `found`'s spans hold in `timed`.
    timed = text[: at[0]] + "00" + text[at[1] :]
    if not reads(timed):  # 8h75, or a year the tool refuses: nothing corrected reads
        return Fix(f"{told}.", offers=False)
    day, month, year, _ = written_day(found)
    written = _day_written(found, timed, dt.date(year, month, day) + dt.timedelta(days=1))
    if not reads(written):  # 31/12/2100 24h00: the next day is past the years read
        return Fix(f"{told}.", offers=False)
    return Fix(f"{told}: sửa thành {written}.", offers=True)


_SHORT_YEAR_RE = re.compile(
    r"(?P<a>\d{1,2})(?P<s1>[/.-])(?P<b>\d{1,2})(?P<s2>[/.-])(?P<yy>\d{2})(?!\d)"
)
"""A date at the start of a value with its year in two digits: 8/12/26, 08-12-26."""


def _full_year(yy: str) -> int:
    """The year a two-digit year means, as POSIX reads one (00–68: 2000s, 69–99: 1900s)."""
    return int(yy) + (2000 if int(yy) <= 68 else 1900)


def short_year_fix(text: str) -> Fix | None:
    """A date written with a two-digit year («8/12/26 8h00»), written with four: day first as
    the editor wrote it; also year first («26-12-08» may be 2026-12-08) when the first number
    has two digits, is separated by '-' and that reading is a day too."""
    text = text.strip()
    found = _SHORT_YEAR_RE.match(text)
    if found is None:
        return None
    rest = text[found.end() :]
    a, b, yy = found["a"], found["b"], found["yy"]
    day_first = f"{int(a):02}{found['s1']}{int(b):02}{found['s2']}{_full_year(yy)}{rest}"
    readings = [day_first] if reads(day_first) else []
    if len(a) == 2 and found["s1"] == found["s2"] == "-":
        year_first = f"{_full_year(a)}-{int(b):02}-{int(yy):02}{rest}"
        if reads(year_first):
            readings.append(year_first)
    if readings:
        return Fix(f"Ghi năm đủ 4 chữ số: {_either(readings)}.", offers=True)
    corrected = calendar_fix(day_first)
    if corrected is None:
        return Fix(SHORT_YEAR, offers=False)
    return Fix(f"{SHORT_YEAR} {corrected.said}", corrected.offers)


_RUN_TOGETHER_RE = re.compile(r"(?P<digits>\d{8})(?P<rest>\s.*)?")
"""Day, month and year typed with no separator: 01122026, 20261201 (a time may follow)."""


def run_together_fix(text: str) -> Fix | None:
    """A date typed as eight digits without separators, written as the tool reads one: day,
    month, year («01122026» → 01/12/2026) or year, month, day («20261201» → 2026-12-01)."""
    text = text.strip()
    found = _RUN_TOGETHER_RE.fullmatch(text)
    if found is None:
        return None
    d, rest = found["digits"], found["rest"] or ""
    candidates = (f"{d[:2]}/{d[2:4]}/{d[4:]}{rest}", f"{d[:4]}-{d[4:6]}-{d[6:]}{rest}")
    readings = [written for written in candidates if reads(written)]
    if not readings:
        return None
    return Fix(
        f"Ngăn cách ngày, tháng, năm bằng dấu / hoặc dấu -: {_either(readings)}.", offers=True
    )
