"""A weekday written next to a date that falls on another day («thứ Sáu (31/12/2026)»).

Writing the day and the date together is how a notice names a meeting, an office day or a
campaign's start; a slip in one of them sends readers and listeners on the wrong day, and
nothing but a calendar shows it. Both the load of a file (`publish check`, a warning) and the
read-aloud checks (`publish speak --flags`, the radio script) ask here.

Only a day and a date written as one phrase are compared: «thứ Sáu, ngày 31/12/2026»,
«thứ Sáu (31/12)», «T6 31-12», «ngày 31/12/2026 (thứ Sáu)», «thứ Sáu, 31 tháng 12 năm 2026».
A list or range of days before the date («thứ Bảy, Chủ nhật (30/12, 31/12)», «thứ Hai - thứ
Sáu (7/12 - 11/12)»), a lunar date and a range of dates are never compared: the date there is
not that day's.

The radio holds a script for a mismatch (Q5) and nothing lets an editor pass it, so only a day
that is surely one is compared: «thứ hai» after a noun is an ordinal («Vụ thứ hai (8/12)»,
«Kỳ họp thứ Tư, ngày 10/12»), so «thứ …» counts as a day only after a time (`_TIMED`: «sáng»,
«vào», «hôm nay», «8 giờ», «7h30»), where a clause starts (the text's start, a bracket, a
punctuation mark) or after a word that leads to a day (`_LEADS_TO_DAY`), after an event's verb
when written with a capital («khai mạc thứ Sáu»), or after «ngày» with a capital or its full
date right after («ngày Thứ Ba», «Ngày thứ sáu 31/12/2026»). Never after an ordinal that only
counts, however far before («Thứ nhất, …» then «Thứ hai, ngày 8/12», «Vụ đầu tiên … và thứ hai
(8/12)») but after a time, nor when the day is «của» something («Ngày thứ Hai (8/12) của đợt»),
nor in lower case with a comma where a sentence starts («Thứ ba, ngày 9/12, …»: a day's name
is written with a capital, an enumeration's ordinal is not). «CN» and «T6» are abbreviations
of other words too («Agribank CN 3/2», «Agribank – CN 8/12», «số liệu T6 (15/6)»), so they need
a time, a clause's start or a word of office hours. When in doubt, a day is not compared: a
missed warning costs less than a script held for nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from publish.config import weekday_number
from publish.text import WEEKDAYS

__all__ = ["YEAR_WINDOW", "Mismatch", "counts", "mismatches", "weekday_name"]

YEAR_WINDOW = dt.timedelta(days=245)
"""How far from the bulletin's own date a date written without its year may fall: «thứ Sáu
(1/1)» in a bulletin of 28/12/2026 is 1/1/2027. About eight months, so that a date more than
four months away is tried in both years it may be in, and warned of only when neither matches:
«thứ Sáu (25/12)» in a bulletin of 1/6/2026 may be 25/12/2025 (a Thursday, 158 days back) or
25/12/2026 (a Friday, 207 days on), and which one only the editor knows."""

YEARS_BACK = 12
"""How many years back a date written without its year is tried on the day written: a date
falls on every day of the week within eleven years (29/2 within 28, no example then)."""

_DAY = (
    r"(?<![\w/.-])(?P<{0}day>(?i:thứ)\s+(?P<{0}word>(?i:hai|ba|tư|năm|sáu|bảy)|[2-7])"
    r"|(?P<{0}sun>(?i:chủ)\s+(?i:nhật)|CN)|T(?P<{0}short>[2-7]))(?!\w)"
)
"""A day of the week: «thứ Sáu», «thứ 6», «Chủ nhật», «CN», «T6» (group names prefixed by
the place it takes in the phrase)."""
_NUMERIC = (
    r"(?<![\d/.-])(?P<{0}d>\d{{1,2}})(?P<{0}sep>[/.-])(?P<{0}m>\d{{1,2}})(?:(?P={0}sep)(?P<{0}y>\d{{4}}))?"
    r"(?![/.-]?\d)"
)
"""31/12/2026, 31-12, 31.12.2026: one separator throughout; a date followed by more digits
(«31/12/26», a range «7-11/12») is not one this compares."""
_WORDED = (
    r"(?<![\d/.-])(?P<{0}wd>\d{{1,2}})\s+(?i:tháng)\s+(?P<{0}wm>\d{{1,2}})"
    r"(?:(?:\s+(?i:năm)\s+|/)(?P<{0}wy>\d{{4}}))?(?![/.-]?\d)"
)
"""31 tháng 12 năm 2026, 31 tháng 12/2026, 31 tháng 12."""
_DATE = f"(?:{_NUMERIC}|{_WORDED})"
_MARK = r"(?:\*{1,3}|_{1,3})?"
"""Bold or italics closing the day or opening the date («**thứ Sáu**, ngày 31/12»)."""
_DAY_FIRST = (
    _DAY.format("a")
    + _MARK
    + r"\s*,?\s*"
    + _MARK
    + r"(?P<aopen>\(\s*)?(?P<aday_word>(?i:ngày|mùng|mồng)\s+)?"
    + _MARK
    + _DATE.format("a")
    + r"(?(aopen)(?:\s*\))?|)"
)
_DAY_THEN_DATE = re.compile(_DAY_FIRST)
_DAY_CLOSED = re.compile(_DAY.format("b") + r"\s*\)")
_DATE_OPEN = re.compile(_DATE.format("b") + r"\s*\(\s*(?:(?i:ngày|là)\s+)?\Z")
"""A date and the bracket a day written after it is in («31/12/2026 (thứ Sáu)»), up to the day."""
_OPEN_REACH = 48
"""How far before a day in brackets its date may start («31 tháng 12 năm 2026 (ngày »)."""
_SEED = re.compile(r"hứ(?!\w)|HỨ(?!\w)|hủ\s|HỦ\s|C(?=N)|T(?=[2-7])")
"""What every way of writing a day holds, from its second letter («thứ», «Chủ nhật») or its
first («CN», «T6»): a day's start is tried only there (the whole pattern searched at every
character cost ~0.4 s a cold build of 2,000 bulletins; one search of this, whose first letters
`re` skips to, ~0.04 s: flat, each branch opening with its letter, as a group around branches
keeps `re` from skipping and costs five times that)."""

_TIME_WORDS = r"sáng|trưa|chiều|tối|đêm|khuya|vào|hôm|(?:hôm|ngày)\s+(?:nay|mai|kia|qua|sau)"
"""Words of a time a day follows («sáng thứ Sáu», «vào thứ Hai», «hôm nay thứ Sáu»): a day
there even after an ordinal that counts («vụ thứ nhất xảy ra vào thứ Bảy (5/12)»)."""
_CLOCK = r"(?<![\w.,/])\d{1,2}(?:\s*(?:(?i:giờ)|h)(?:\s*\d{1,2}(?:\s*(?i:phút))?)?|[g:]\d{2})"
"""A time of the clock («lúc 8 giờ thứ Sáu», «7h30 thứ Sáu», «8 giờ 30 phút»)."""
_TIMED = re.compile(r"(?:(?<!\w)(?i:" + _TIME_WORDS + r")|" + _CLOCK + r")[\s*_]*$")
"""A time right before a day (bold or italics between allowed)."""
_LEADS_TO_DAY = r"từ|đến|tới|và|các|mỗi"
"""Other words a day follows («từ thứ Hai», «các thứ Bảy»); never a noun that «thứ» may count
(«Vụ thứ hai», «Buổi thứ hai», «xếp thứ 2»). After «và» or «đến» an ordinal goes on as well
(«Vụ thứ nhất (5/12) và thứ hai (8/12)»): not a day after one that counts."""
_CLAUSE_START = re.compile(r"(?:(?P<mark>\A|[^\w\s*_])|(?<!\w)(?i:" + _LEADS_TO_DAY + r"))[\s*_]*$")
"""What may come right before a day written «thứ …» (bold or italics between allowed): the
text's start, a bracket or a punctuation mark (a clause starts), or a word a day follows."""
_EVENT_BEFORE = re.compile(
    r"(?<!\w)(?i:dự\s+kiến|diễn\s+ra|tổ\s+chức|khai\s+mạc|bế\s+mạc|khai\s+giảng)[\s*_]*$"
)
"""Verbs of an event's day («khai mạc thứ Sáu (31/12)»): a day there when written as one, with
a capital («thứ Sáu»), and no counting noun before the verb («lần tổ chức thứ Hai»)."""
_COUNTING = re.compile(r"(?<!\w)(?i:lần|đợt|kỳ|lượt|vòng|buổi|phiên|cuộc|năm)\s*$")
"""A counting noun right before an event's verb («Lần tổ chức thứ Hai»): an ordinal."""
_SCHEDULE_BEFORE = re.compile(
    r"(?<!\w)(?i:nghỉ|trực|họp|làm việc|tiếp dân|tiếp công dân|mở cửa)[\s*_]*$"
)
"""Words of office hours before «CN» or «T6» («Nghỉ T6 31-12», «trực CN 28/12»): a day there,
where «thứ» after «họp» may count («Phiên họp thứ hai»)."""
_DASHED_AFTER_WORD = re.compile(r"\w[ \t]*[-–—][\s*_]*$")
"""A dash after a word on its line, before «CN» or «T6»: a branch's name («Agribank – CN
8/12»), not a list's mark or a clause of a schedule."""
_DAY_AFTER_NGAY = re.compile(r"(?<!\w)(?i:ngày)[\s*_]*$")
"""«ngày» right before: a day only when it is written with a capital («ngày Thứ Ba», «ngày
CN») or with the date and its year right after it («Ngày thứ sáu 31/12/2026») unless a
counting word comes before («bước sang ngày thứ ba 9/12/2026»); «ngày thứ ba»,
«Ngày thứ 3 (9/12) của đợt» count the days of something."""
_COUNTING_NGAY = re.compile(r"(?<!\w)(?i:sang|là|thành)[\s*_]*$")
"""Right before «ngày thứ …»: the days of something counted («bước sang ngày thứ ba»)."""
_OF_AFTER = re.compile(r"[\s*_]*(?i:của)(?!\w)")
"""«của» right after the date («Ngày thứ Hai (8/12) của đợt»): the day counts something."""
_YEAR_RIGHT_AFTER = re.compile(r"[ \t]+\d{1,2}([/.-])\d{1,2}\1\d{4}(?!\d)")
"""A date and its year right after a day, nothing between («ngày thứ sáu 31/12/2026»)."""
_COMMA_AFTER = re.compile(r"[*_]*\s*,")
"""A comma right after a day («Thứ hai, ngày 8/12»)."""
_ORDINAL = re.compile(r"(?<!\w)(?i:thứ\s+(?:nhất|nhì)|đầu\s+tiên)(?!\w)")
"""An ordinal that only counts («thứ nhất», «đầu tiên»): a «thứ hai» anywhere after it may be
the second, not Monday («Vụ thứ nhất (5/12) và thứ hai (8/12)», «Thứ nhất, …» a paragraph
before «Thứ hai, ngày 8/12, …»)."""
_LISTED = re.compile(
    r"(?:" + _DAY.format("l") + r")\s*(?:,|;|-|–|—|/|(?i:và|hoặc|hay|đến|tới|sang))\s*$"
)
"""A day right before, joined to this one: the date after the last of a list or range is not
the last day's alone («thứ Bảy, Chủ nhật (30/12, 31/12)»)."""
_LUNAR_AFTER = re.compile(
    r"\s*,?\s*\(?\s*(?:(?i:âm\s+lịch)|AL(?!\w)|(?i:ÂL)(?!\w)|(?i:tức|nhằm)(?!\w))"
    r"|\s*,?\s*\([^()\n]{0,40}(?i:dương\s+lịch)"
)
"""A lunar date: «âm lịch» after it, or the solar date it is in brackets («ngày 15/12 (tức
ngày 3/2/2027 dương lịch)»)."""
_DAY_WORD_BEFORE = re.compile(r"(?<!\w)(?i:ngày|mùng|mồng)\s+$")
"""«ngày» right before a date a day follows in brackets («ngày 9.10 (thứ Sáu)»)."""
_MORE_DATES = re.compile(r"\s*(?:,|;|-|–|—|(?i:và|hoặc|đến|tới))\s*\d{1,2}(?:[/.-]\d|\s+tháng)")
"""Another date (or day) right after the date: a list or range of dates, whose days are not
the one written before it."""
_DATE_BEFORE = re.compile(r"\d(?:[/.-]\d{1,2})?\s*(?:,|;|-|–|—|(?i:và|hoặc|đến|tới))\s*$")
"""A date (or day) right before the date a day follows in brackets: the end of a list or range
(«7/12 - 11/12 (thứ Sáu)»)."""
_LOOK_BACK = 40
"""How many characters before a day are searched for what makes it an ordinal or a list."""


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A day written with a date that falls on another: where (`start`, `end` of the phrase in
    the text), the phrase, the date as written, the date read, and the two days."""

    start: int
    end: int
    phrase: str
    written: str
    date: dt.date
    day_written: str
    day_of_date: str
    year_given: bool
    weekday: int
    """The day written (0 = Monday)."""

    @property
    def message(self) -> str:
        """«31/12/2026 là thứ Năm, không phải thứ Sáu; sửa thứ hoặc ngày», in Vietnamese."""
        year = "" if self.year_given else f" (năm {self.date.year})"
        return (
            f"«{self.phrase}»: {self.written}{year} là {self.day_of_date}, không phải "
            f"{self.day_written}; sửa thứ hoặc ngày{self.other_year}"
        )

    @property
    def other_year(self) -> str:
        """How to tell a date of another year than the one it was read in (a quoted older
        notice), for a date written without its year; "" for one with it."""
        return "" if self.year_given else ", hoặc ghi năm nếu là ngày của năm khác"

    @property
    def year_it_fits(self) -> int | None:
        """The nearest year before the date's in which the date falls on the day written (a
        quoted older notice's, «thứ Sáu (8/12)» of 2023), within YEARS_BACK; None if none."""
        for year in range(self.date.year - 1, self.date.year - YEARS_BACK - 1, -1):
            try:
                if dt.date(year, self.date.month, self.date.day).weekday() == self.weekday:
                    return year
            except ValueError:
                continue  # 29/2 of a year with none
        return None


def weekday_name(day: dt.date) -> str:
    """The day of the week of `day` as a sentence writes it («thứ Năm», «Chủ nhật»)."""
    return _name(day.weekday())


def _name(weekday: int) -> str:
    """The day of the week `weekday` (0 = Monday) as a sentence writes it: «thứ» in lower case."""
    name = WEEKDAYS[weekday]
    return name[0].lower() + name[1:] if name.startswith("Thứ") else name


def mismatches(text: str, near: dt.date | None, *, counted: bool = False) -> list[Mismatch]:
    """Every day written next to a date in `text` that the date does not fall on. A date
    without its year is taken in the year that puts it within YEAR_WINDOW of `near` (the
    bulletin's date); when two years do, it is told only if it matches in neither; with no
    `near` (a text of no bulletin), it is not compared. `counted`: an ordinal that counts
    (`counts`) was written before `text` (an earlier paragraph of the bulletin)."""
    found: list[Mismatch] = []
    counts = _Counts(text, counted)
    for at in _day_starts(text):
        phrase = _phrase_at(text, at, counts)
        if phrase is None:
            continue
        start, end, day, (day_text, month_text, year_text), date_span = phrase
        dates = _dates(int(day_text), int(month_text), year_text, near)
        if not dates or any(date.weekday() == day for date in dates):
            continue
        date = dates[0] if near is None else min(dates, key=lambda d: abs(d - near))
        found.append(
            Mismatch(
                start=start,
                end=end,
                phrase=" ".join(text[start:end].replace("*", "").replace("_", "").split()),
                written=" ".join(text[date_span[0] : date_span[1]].split()),
                date=date,
                day_written=_name(day),
                day_of_date=weekday_name(date),
                year_given=year_text is not None,
                weekday=day,
            )
        )
    return found


class _Counts:
    """Where the first ordinal that counts of a text ends, looked for once and only when a day and its date
    are found (most texts have none: the search of a whole body each time would cost a build)."""

    def __init__(self, text: str, counted: bool) -> None:
        """Looked for in `text`; `counted`, one was written before it."""
        self.text = text
        self.end: int | None = 0 if counted else None

    def before(self, at: int) -> bool:
        """Whether an ordinal that counts is written before `at`."""
        if self.end is None:
            first = _ORDINAL.search(self.text)
            self.end = len(self.text) + 1 if first is None else first.end()
        return self.end <= at


def counts(text: str) -> bool:
    """Whether `text` writes an ordinal that only counts («thứ nhất», «đầu tiên»): a «thứ hai»
    in a paragraph after it is not compared (`mismatches`, `counted`)."""
    # What the two hold («thứ», «đầu») looked for first: the search of the pattern, which `re`
    # tries at every character, costs ten times as much, and most paragraphs hold neither.
    if not ("ứ" in text or "Ứ" in text or "ầu" in text or "ẦU" in text):
        return False
    return _ORDINAL.search(text) is not None


def _day_starts(text: str) -> list[int]:
    """Where a day of the week may start in `text`, in order."""
    return [m.start() - (m[0][0] not in "CT") for m in _SEED.finditer(text)]


_Phrase = tuple[int, int, int, tuple[str, str, str | None], tuple[int, int]]
"""A day and its date: the phrase's span, the day (0 = Monday), the date's day, month and year
as written, and the date's span."""


def _phrase_at(text: str, at: int, counts: _Counts) -> _Phrase | None:
    """The day starting at `at` and the date written with it, if it is one day and its date."""
    m = _DAY_THEN_DATE.match(text, at)
    if m is not None:
        back = max(0, at - _LOOK_BACK)
        if not _a_day_here(m, text, back, counts) or _LISTED.search(text, back, at):
            return None
        if _dotted_time(m, "a") and not (m["aopen"] or m["aday_word"]):
            return None  # «thứ Bảy, 9.10 sáng»: a time as likely as a date
        date = _date_parts(m, "a")
        start, end = m.span()
        side = "a"
    else:
        closed = _DAY_CLOSED.match(text, at)
        opened = closed and _DATE_OPEN.search(text, max(0, at - _OPEN_REACH), at)
        if not closed or not opened:
            return None
        if _DATE_BEFORE.search(text, max(0, opened.start() - _LOOK_BACK), opened.start()):
            return None  # «7/12 - 11/12 (thứ Sáu)»: the end of a range
        if _dotted_time(opened, "b") and not _DAY_WORD_BEFORE.search(
            text, max(0, opened.start() - _LOOK_BACK), opened.start()
        ):
            return None  # «lúc 9.10 (thứ Bảy)»: a time as likely as a date
        m, date = closed, _date_parts(opened, "b")
        start, end = opened.start(), closed.end()
        side = "b"
    day = weekday_number(m[f"{side}day"])
    after = date[1][1]
    if day is None or _MORE_DATES.match(text, after) or _LUNAR_AFTER.match(text, after):
        return None
    if m[f"{side}short"] is not None and int(m[f"{side}short"]) == int(date[0][1]):
        return None  # «số liệu T6 (15/6)»: «T6» is the date's month, «tháng 6»
    return start, end, day - 1, date[0], date[1]


def _a_day_here(m: re.Match[str], text: str, back: int, counts: _Counts) -> bool:
    """Whether the day `m` opens with is surely one by what is written before it (from `back`)
    and after it: see the module's docstring."""
    at = m.start()
    if m["asun"] is not None and m["asun"] != "CN":
        return True  # «Chủ nhật» is no other word
    word = m["aword"]
    if _TIMED.search(text, back, at):
        return True  # «sáng thứ Hai», «7h30 thứ Sáu», «hôm nay thứ Sáu»
    if word is None:
        if _DASHED_AFTER_WORD.search(text, back, at):
            return False  # «Agribank – CN 8/12»: a branch
        return bool(
            _CLAUSE_START.search(text, back, at)
            or _DAY_AFTER_NGAY.search(text, back, at)
            or _SCHEDULE_BEFORE.search(text, back, at)
        )
    if counts.before(at) or _OF_AFTER.match(text, m.end()):
        return False  # «Thứ nhất, … Thứ hai, ngày 8/12», «Ngày thứ Hai (8/12) của đợt»
    if clause := _CLAUSE_START.search(text, back, at):
        # «Thứ hai, ngày 8/12, …» opening a sentence: an enumeration's, as a day's name is
        # written with a capital («Thứ Hai, ngày 8/12»); in brackets a day.
        listing = clause["mark"] is not None and clause["mark"] != "("
        return not (listing and word[0].islower() and _COMMA_AFTER.match(text, m.end("aday")))
    if (event := _EVENT_BEFORE.search(text, back, at)) is not None:
        return word[0].isupper() and not _COUNTING.search(text, back, event.start())
    if (ngay := _DAY_AFTER_NGAY.search(text, back, at)) is not None:
        # «Bước sang ngày thứ ba 9/12/2026» counts days even with the year after (review R13
        # of session 74); «Hôm nay ngày thứ năm 9/12/2026» names one.
        counting = _COUNTING_NGAY.search(text, back, ngay.start()) is not None
        dated = not counting and _YEAR_RIGHT_AFTER.match(text, m.end("aday")) is not None
        return word[0].isupper() or dated
    return False


def _dotted_time(m: re.Match[str], side: str) -> bool:
    """Whether the date `m` matched is written with dots and no year («9.10»): as likely a
    time («9.10 sáng») as a date."""
    return m[f"{side}sep"] == "." and m[f"{side}y"] is None


def _date_parts(m: re.Match[str], side: str) -> tuple[tuple[str, str, str | None], tuple[int, int]]:
    """A matched date's day, month and year as written, and its span."""
    parts = ("d", "m", "y") if m[f"{side}d"] is not None else ("wd", "wm", "wy")
    day, month, year = (m[f"{side}{part}"] for part in parts)
    last = parts[2] if year is not None else parts[1]
    return (day, month, year), (m.start(f"{side}{parts[0]}"), m.end(f"{side}{last}"))


def _dates(day: int, month: int, year: str | None, near: dt.date | None) -> list[dt.date]:
    """The dates `day`/`month` may be: in `year` when written, else in each year that puts it
    within YEAR_WINDOW of `near` (none without it). Empty when no such date exists (31/2)."""
    if year is not None:
        years = [int(year)]
    elif near is not None:
        years = [near.year - 1, near.year, near.year + 1]
    else:
        return []
    dates = []
    for candidate in years:
        try:
            date = dt.date(candidate, month, day)
        except ValueError:
            continue
        if year is not None or (near is not None and abs(date - near) <= YEAR_WINDOW):
            dates.append(date)
    return dates
