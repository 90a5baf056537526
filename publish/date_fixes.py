"""How to fix a date an editor wrote that names no day, with the editor's own value corrected
(«31/11/2026» → «30/11/2026 hoặc 01/12/2026», «8/12/26» → «08/12/2026», «01122026» →
«01/12/2026»): a fix is given only where the value allows one reading, or each of two. Free of
the front matter validators, so `--now` can use it without loading them."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from publish.moments import WRITTEN_DATE_RE, YEARS, parse_datetime

__all__ = ["SHORT_YEAR", "calendar_fix", "date_fix", "run_together_fix", "short_year_fix"]

SHORT_YEAR = "Ghi năm đủ 4 chữ số (2020, không phải 20)."
"""Said of a year written with two digits when the value, so corrected, is still no date."""


def date_fix(text: str) -> str | None:
    """The fix of a date written wrong in a way the value itself corrects, or None."""
    return calendar_fix(text) or short_year_fix(text) or run_together_fix(text)


def _reads(text: str) -> bool:
    """Whether the tool reads `text` as a moment whose year is within YEARS."""
    moment = parse_datetime(text, dt.UTC)
    return moment is not None and moment.year in YEARS


def _either(choices: list[str]) -> str:
    """«A» or «A hoặc B»: the readings of a value, each once, in order."""
    return " hoặc ".join(dict.fromkeys(choices))


def _day_written(found: re.Match[str], text: str, day: dt.date) -> str:
    """`text` with the date `found` in it replaced by `day`, written in the same order and with
    the same separators (zero-padded); the time and anything else as written."""
    first, last = ("d", "y") if found["d"] is not None else ("y2", "d2")
    start, end = found.span(first)[0], found.span(last)[1]
    if first == "d":
        one, two = (
            text[found.end("d") : found.start("mo")],
            text[found.end("mo") : found.start("y")],
        )
        written = f"{day.day:02}{one}{day.month:02}{two}{day.year}"
    else:
        one, two = (
            text[found.end("y2") : found.start("mo2")],
            text[found.end("mo2") : found.start("d2")],
        )
        written = f"{day.year}{one}{day.month:02}{two}{day.day:02}"
    return text[:start] + written + text[end:]


def calendar_fix(text: str) -> str | None:
    """Why a date written as the tool reads them names no day or time (31/11, 11/15 written
    month first as in English, 24h30), with the editor's own numbers and, where one or two
    readings are possible, the value corrected; None for any other."""
    text = text.strip()
    found = WRITTEN_DATE_RE.fullmatch(text)
    if found is None:
        return None
    day_first = found["d"] is not None
    day, month, year = (
        (found["d"], found["mo"], found["y"])
        if day_first
        else (found["d2"], found["mo2"], found["y2"])
    )
    day, month, year = int(day), int(month), int(year)
    if not 1 <= month <= 12:
        if 1 <= day <= 12:
            swapped = f"{month:02}/{day:02}/{year}" if day_first else f"{year}-{day:02}-{month:02}"
            # The time as written stays: the date alone is what to change.
            start, end = (
                found.span("d" if day_first else "y2")[0],
                found.span("y" if day_first else "d2")[1],
            )
            swapped = text[:start] + swapped + text[end:]
            order = "ghi ngày trước tháng (ngày/tháng/năm)" if day_first else "ghi năm-tháng-ngày"
            return f"Không có tháng {month}: {order}: {swapped}."
        return f"Không có tháng {month}: tháng ghi từ 1 đến 12."
    if day < 1:
        return "Không có ngày 0: ngày ghi từ 1."
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if day > days:
        told = f"Tháng {month} năm {year} chỉ có {days} ngày"
        # One day past the month's end: its last day, or the next month's first, typed so.
        # Further past it, the day meant may be any: none is offered.
        last = dt.date(year, month, days) if day == days + 1 and year >= 1 else None
        close = (last, last + dt.timedelta(days=1)) if last and year < 9999 else ()
        readings = [_day_written(found, text, d) for d in close if d.year in YEARS]
        if not readings:
            return f"{told}: ngày ghi từ 1 đến {days}."
        return f"{told}: sửa thành {_either(readings)}."
    for n in ("1", "2"):
        if found[f"h{n}"] is not None:
            hour, minute = int(found[f"h{n}"]), found[f"m{n}"] or found[f"hm{n}"]
            if hour > 23:
                return _past_midnight(text, found, n) if hour == 24 else f"{_NO_HOUR % hour}."
            if minute is not None and int(minute) > 59:
                return f"Không có phút {int(minute)}: phút ghi từ 0 đến 59."
    return None


_NO_HOUR = "Không có %d giờ: giờ ghi từ 0 đến 23 (nửa đêm là 00h00 ngày hôm sau)"


def _past_midnight(text: str, found: re.Match[str], n: str) -> str:
    """Why a time written 24h… names none, and the value with it as the next day's 00h…
    (24h30 is 00h30 the day after), the date written as it was and all else kept."""
    told = _NO_HOUR % 24
    minute = found[f"m{n}"] or found[f"hm{n}"]
    at = found.span(f"h{n}")
    timed = text[: at[0]] + "00" + text[at[1] :]
    later = WRITTEN_DATE_RE.fullmatch(timed)
    year, month, day = (
        (found["y"], found["mo"], found["d"])
        if found["d"]
        else (found["y2"], found["mo2"], found["d2"])
    )
    if later is None or (minute is not None and int(minute) > 59) or int(year) not in YEARS:
        return f"{told}."
    next_day = dt.date(int(year), int(month), int(day)) + dt.timedelta(days=1)
    if next_day.year not in YEARS:
        return f"{told}."
    return f"{told}: sửa thành {_day_written(later, timed, next_day)}."


_SHORT_YEAR_RE = re.compile(
    r"(?P<a>\d{1,2})(?P<s1>[/.-])(?P<b>\d{1,2})(?P<s2>[/.-])(?P<yy>\d{2})(?!\d)"
)
"""A date at the start of a value with its year in two digits: 8/12/26, 08-12-26."""


def _full_year(yy: str) -> int:
    """The year a two-digit year means, as POSIX reads one (00–68: 2000s, 69–99: 1900s)."""
    return int(yy) + (2000 if int(yy) <= 68 else 1900)


def short_year_fix(text: str) -> str | None:
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
    readings = [day_first] if _reads(day_first) else []
    if len(a) == 2 and found["s1"] == found["s2"] == "-":
        year_first = f"{_full_year(a)}-{int(b):02}-{int(yy):02}{rest}"
        if _reads(year_first):
            readings.append(year_first)
    if readings:
        return f"Ghi năm đủ 4 chữ số: {_either(readings)}."
    corrected = calendar_fix(day_first)
    return f"{SHORT_YEAR} {corrected}" if corrected else SHORT_YEAR


_RUN_TOGETHER_RE = re.compile(r"(?P<digits>\d{8})(?P<rest>\s.*)?")
"""Day, month and year typed with no separator: 01122026, 20261201 (a time may follow)."""


def run_together_fix(text: str) -> str | None:
    """A date typed as eight digits without separators, written as the tool reads one: day,
    month, year («01122026» → 01/12/2026) or year, month, day («20261201» → 2026-12-01)."""
    text = text.strip()
    found = _RUN_TOGETHER_RE.fullmatch(text)
    if found is None:
        return None
    d, rest = found["digits"], found["rest"] or ""
    candidates = (f"{d[:2]}/{d[2:4]}/{d[4:]}{rest}", f"{d[:4]}-{d[4:6]}-{d[6:]}{rest}")
    readings = [written for written in candidates if _reads(written)]
    if not readings:
        return None
    return f"Ngăn ngày, tháng, năm bằng dấu / hoặc dấu -: {_either(readings)}."
