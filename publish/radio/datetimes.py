"""Pass P3: dates (R7) and clock times (R8), before any other number rule sees `/`, `:` or `h`."""

from __future__ import annotations

import re
from collections.abc import Callable

from publish.radio.either_case import word_alone
from publish.radio.flags import WARNING, Context
from publish.radio.numbers import (
    COUNTED_NOUN,
    NUMBER,
    cardinal,
    has_digit,
    read_number,
    roman_value,
)
from publish.radio.options import SpeakOptions
from publish.radio.tail import SENTENCE_TAIL, ends_before

__all__ = ["month_name", "read_dates_and_times"]

_NO_OPTIONS = SpeakOptions()  # month numbers (1–12) never depend on house-style options
_LUNAR = re.compile(r"(?i:âm lịch)|(?<!\w)AL(?!\w)")
"""Near a date, these make its months 1 and 12 `giêng` and `chạp` (R7.3). `Tết` does not: dates
around Tết are written in the solar calendar unless marked (`Tết năm nay rơi vào ngày 29/1`)."""
_LUNAR_MONTH_BEFORE = re.compile(r"(?<!\w)(?i:tháng\s+(?:chạp|giêng))(?!\w)")
"""A range that starts in a lunar month (`từ 23 tháng Chạp đến 6/1`) ends in one."""
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)")
"""Between a lunar month and a date: the date is in another sentence or clause, and no part of
a range from that month (`… tháng Chạp. Từ ngày 1/1/2025, …` is the solar New Year)."""
_CONVERTED = re.compile(r"(?<!\w)(?i:tức|nhằm|dương lịch)(?!\w)")
"""Between a lunar month and a date: the date is its solar equivalent (`tháng Chạp, tức ngày
23/1/2025`)."""
_SOLAR = re.compile(r"\s*,?\s*\(?\s*(?i:dương lịch|DL)(?!\w)")
_DATE_TRIGGER = re.compile(
    r"(?:(?<!\w)(?i:ngày|sáng|trưa|chiều|tối|đêm|rạng sáng|hôm|từ|đến|và|hết|tức|nhằm)|"
    r"(?i:thứ)\s+(?:\d|\w+)|(?i:chủ nhật)|(?<!\w)CN)\s*+,?+\s*+\(?+\s*+$"
)
_HOLIDAYS = (
    "lễ|dịp|kỷ niệm|kỉ niệm|Quốc khánh|Tết|Tết Dương lịch|Nguyên đán|Trung thu|Đoan ngọ|"
    "Hàn thực|Thanh minh|Vu Lan|Phật đản|Giỗ Tổ|Hùng Vương|Giáng sinh|Noel|Nhà giáo Việt Nam|"
    "Phụ nữ Việt Nam|Quốc tế Phụ nữ|Quốc tế Lao động|Quốc tế Thiếu nhi|Thương binh - Liệt sĩ|"
    "Thương binh, Liệt sĩ|Thương binh Liệt sĩ|Thương binh - Liệt sỹ|Thương binh, Liệt sỹ|"
    "Thương binh Liệt sỹ|Giải phóng miền Nam|thống nhất đất nước|Công an nhân dân|"
    "Quân đội nhân dân Việt Nam|Biên phòng toàn dân|Thầy thuốc Việt Nam|Cách mạng Tháng Tám|"
    "Toàn dân bảo vệ an ninh Tổ quốc|Gia đình Việt Nam|Pháp luật Việt Nam|Doanh nhân Việt Nam|"
    "Báo chí Cách mạng Việt Nam"
)
"""Holidays and the words that name one: `dịp 30/4`, `Quốc khánh 2/9`, `Nhà giáo Việt Nam 20/11`
are dates, the day the bulletin is about (R7.2), never a fraction."""
_HOLIDAY_BEFORE = re.compile(word_alone(f"(?i:{_HOLIDAYS})") + r"\s*+,?+\s*+\(?+\s*+$")
_DAY_NAMED = re.compile(word_alone("(?i:ngày)") + r"(?:\s++[^\W\d_]++){0,2}\s++$")
"""Before a holiday's name: the day is named already (`Ngày Quốc tế Phụ nữ 8/3`, `những ngày
nghỉ lễ 30/4`), so the date after it is said without a second «ngày» (R7.1)."""
_DAY_NAME_BEFORE = re.compile(
    "(" + word_alone("(?i:ngày)") + r")((?>(?:(?:,|\s+-)?\s++[^\W\d_]++){1,8}))\s*+,?+\s*+\(?+\s*+$"
)
"""`Ngày truyền thống CAND (19/8)`, `Ngày Quốc tế phòng, chống ma túy 26/6`: a day's name, up
to eight words, opened by «Ngày» and its date after it; whether the words name a day is
`_Reader.day_named_before`'s to say."""
_DAY_NAME_WORDS = r"(?i:truyền thống|toàn dân(?: tộc)?|phòng,? chống ma t(?:úy|uý))(?!\w)"
"""Words a day's name is made of (`ngày truyền thống CAND`, `Ngày hội toàn dân bảo vệ ANTQ`,
`Ngày Quốc tế phòng, chống ma túy`), too common alone to make the number after them a date
anywhere (`công tác phòng, chống ma túy 6/6 xã`), as `_HOLIDAYS` do."""
_DAY_NAME_START = re.compile(r"[\s,-]*(?i:hội\s+)?" + _DAY_NAME_WORDS)
"""How a day's name after a small «ngày» opens, if not with a capital (`ngày Quốc tế …`): with
one of its words (`nhân ngày truyền thống CAND`, `ngày hội toàn dân …`); `mỗi ngày trên thế
giới 1/3 số vụ` names no day."""
_DAY_NAME_END = re.compile(r"(?<!\w)(?:" + _DAY_NAME_WORDS + r"|(?i:thế giới))$")
"""How a day's name may end in small letters: `Ngày Môi trường thế giới 5/6`."""
_LUNAR_AFTER = re.compile(r"\s*+,?+\s*+\(?+\s*+(?:(?i:âm lịch)|AL)(?!\w)")
"""`15/8 âm lịch`, `10/3 (AL)`: a day of the lunar calendar, whatever precedes it (R7.2, R7.3)."""
_DURATION_AFTER = re.compile(r"\s*+(?i:ngày|đêm|hôm|buổi|đợt)(?!\w)")
"""After `nghỉ lễ 4-5`: how long the holiday lasts (`4-5 ngày`), a range, no date."""
_STREET_BEFORE = re.compile(word_alone("(?i:đường|phố|cầu|công viên|quảng trường)") + r"\s*$")
"""`đường 30/4`, `đường 3/2`: streets named after a date, said `đường ba mươi tháng tư`."""
_WEAK_DATE_TRIGGER = re.compile(word_alone("(?i:từ|đến|và|hết|tức|nhằm)") + r"\s*+,?+\s*+\(?+\s*+$")
"""Words a date or a fraction follows (`đến hết 13/12`, `tức 12/10 âm lịch`; `hết 1/2 số tiền`)."""
_NOT_DATE_AFTER = re.compile(r"\s*+(?:(?i:số|xuống|lên)(?!\w)|" + COUNTED_NOUN + ")")
"""After `từ/đến/và` only: `có đến 2/3 số vụ`, `giảm từ 1/2 xuống 1/3` hold fractions (R12.3)."""
_MONTH_BEFORE = re.compile(
    r"(?:\d{1,2}/\d{1,2}|(?<!\w)(?i:tháng)(?:\s+(?:không|một|hai|ba|bốn|tư|năm|sáu|bảy|tám|"
    r"chín|mười|mươi|mốt|lăm|trăm|nghìn|ngàn|linh|lẻ|giêng|chạp)){1,12})\s+(?i:đến|tới|và)\s*$"
)
"""A date right before `đến`/`và`: the `N/M` after it is the other end of a date range."""
_DAY_WORD = re.compile(word_alone("(?i:ngày)") + r"\s*$")
_DAY_NOUN = re.compile(word_alone("(?i:ngày|hôm)") + r"\s*$")
"""A word naming the day itself: the date after it is said without its own `ngày` (`hôm 2/9`
is «hôm hai tháng chín», never «hôm ngày …»)."""
_FROM_DAY_BEFORE = re.compile(word_alone("(?i:từ)") + r"(?:\s+(?i:ngày))?\s*$")
_YEAR_RANGE_LEAD = re.compile(
    r"(?<!\w)(?i:giai đoạn|từ|năm|khoảng|năm học|nhiệm kỳ|niên khóa|niên khoá)\s*$"
)
"""Words a year range is said after with no «từ» (R7.5): a period named by its two ends
(«nhiệm kỳ 2020-2025» is no «nhiệm kỳ từ hai nghìn …»)."""
_FROM_LEAD = re.compile(r"(?<!\w)(?i:từ|khoảng)\s*$")
_MONTHS_LEAD = re.compile(r"(?<!\w)(?i:từ|khoảng|trong)\s*$")
_HOUR_WORD = re.compile(r"(?<!\w)(?i:lúc)\s*$")
_AT_HOUR = re.compile(r"(?<!\w)(?:(?i:vào)\s+)?(?i:lúc)\s*$")
"""«lúc», «vào lúc» before a time range: said as the range's «từ» (`_without_at`)."""
_HOUR_AFTER = re.compile(
    r"\s*+,?+\s*+(?i:sáng|trưa|chiều|tối|đêm|khuya|ngày|hôm|cùng ngày|cùng hôm)(?!\w)"
)
_BARE_G = re.compile(r"\d{1,2}\s?g")
_CLAUSE_START = re.compile(
    r"(?:^|[,;:.!?(]\s*)(?:(?i:vào khoảng|khoảng|vào lúc|vào|từ|đến|tới|trước|sau|cho đến)\s*)?$"
)
"""Before an `Ng` that opens a clause, with at most a time preposition (`Khoảng 7g, …`)."""
_CLAUSE_GOES_ON = re.compile(r"\s*(?:[,;)-]|\.(?!\d)|$|(?i:đến|tới|thì|cùng|hằng|hàng)(?!\w))")
"""After an opening `Ng`: what follows a time adverbial, never the noun a weight is of."""
_RANGE_END = re.compile(r"\s*(?:(?i:đến|tới)|-)\s*\d{1,2}\s?g(?!\w)(?:\s+(\w+))?")
"""After an `Ng`: the other end of its range, and the word after that (the noun of a weight)."""
_WORD_AFTER = re.compile(r"(?:\s+(\w+))?")
_G_AS_H = re.compile(r"(?<=\d)\s?g(?!\w)")
_NEXT_TIME = re.compile(r"(?i:và|hoặc)\s+(?i:từ\s+)?\d{1,2}\s?(?:[hg](?!\w)|[hg:]\d)")
"""`7g-11g và 13g-17g`: another time follows the range, which is no weight's noun."""
_TIME_WORDS = frozenset({"sáng", "trưa", "chiều", "tối", "đêm", "khuya", "ngày", "hôm", "thì"})
_TIME_WORDS |= {"cùng", "hằng", "hàng"}
_RANGE_JOIN_BEFORE = re.compile(r"(\d{1,2}\s?g)\s*(?:(?i:đến|tới)|-)\s*$")
_SAID_HOUR_BEFORE = re.compile(r"(?<!\w)(?:giờ|phút)\s*+(?:(?i:đến|tới)|-)\s*+$")
"""`20g30 đến 22g`: the range's start, a clock time already said (`… giờ ba mươi phút đến`)."""
_WEIGHT_WORD = re.compile(
    r"(?<!\w)(?i:ma túy|ma tuý|heroin\w*|ketamin\w*|cần sa|thuốc lắc|MDMA|vàng|thu giữ|tang vật|"
    r"trọng lượng|khối lượng|nặng|gói|liều)(?!\w)"
)
"""In the sentence before an opening `Ng`: it may be a weight after all (`…, khoảng 5g, …`)."""
_AMOUNT_WORD = re.compile(
    _WEIGHT_WORD.pattern + r"|(?<!\w)(?i:uống|liều|sử dụng|chứa|mua|bán|cân|gam|mg|kg)(?!\w)"
)
"""Anywhere in the sentence of a range with a word after it: the range is an amount
(`uống 3-5g mỗi ngày`, `thu 3g đến 5g và 2 gói`)."""
_EVERY_TIME_OF_DAY = re.compile(
    r"\s+(?i:mỗi|hằng|hàng|các|vào|ban)\s+(?i:buổi\s+)?(?i:sáng|trưa|chiều|tối|đêm|khuya)(?!\w)"
)
"""Right after a range: `20g-23g mỗi tối` is of hours whatever else the sentence says."""
_TIME_OF_DAY = re.compile(
    r"(?<!\w)(?:(?i:sáng|trưa|đêm|khuya|giờ)|(?i:tối)(?!\s+(?i:đa|thiểu|ưu))|"
    r"(?i:chiều)(?!\s+(?i:dài|cao|rộng|sâu|ngang|hướng|chuộng)))(?!\w)"
    r"|(?<![\w.,])\d{1,2}\s?h(?:\s?[0-5]\d)?(?!\w)|(?<![\w.,])\d{1,2}:[0-5]\d(?!\d)"
    r"|(?<!\w)(?i:trực|ca trực|tuần tra|tuần tiễu|làm việc|tiếp dân|tiếp công dân|mở cửa)(?!\w)"
)
"""Anywhere in the sentence of a range with a word after it: a time of day, another clock time
or a duty kept by the clock (`7g-11g mỗi ngày, chiều từ 13h30`, `trực 20g-23g mỗi ngày`), so the
range is of hours."""

_EDGE = r"(?<![\w.,/:-])"
_EDGED_DAY = r"(\d(?<![\w.,/:-]\d)\d?)"
"""`_EDGE` then a group of one or two digits, looking behind after the first digit: a pattern
opening with a digit lets `re` skip to the next digit, one opening with a look-behind is tried at
every character of the text."""
_EDGED_HOUR = r"(\d(?<![\w.,/:-]\d)(?:(?<=[01])\d||(?<=2)[0-3]))"
r"""`_EDGE` then an hour, `([01]?\d|2[0-3])`, the same way: its three readings tried in the same
order (two digits after a 0 or a 1, the first digit alone, two digits after a 2)."""
_END = r"(?![\w/]|[.,:]\d)"
_TIME = r"(?:[01]?\d|2[0-3])(?:\s?[hg]\s?(?:[0-5]\d)?|:[0-5]\d)"

_ROUND_THE_CLOCK_HOURS = re.compile(r"(?<![\w/])24/24\s?h(?!\w)")
"""`trực 24/24h`: all day long, `hai mươi tư trên hai mươi tư giờ` (R12.3 reads `24/24`)."""
_ROUND_THE_CLOCK_HOURS_FIRST = re.compile(r"(?<![\w/])24\s?h\s?/\s?(24|7)(?:\s?h)?(?![\w/]|[.,]\d)")
"""`trực 24h/24`, `24h/24h`, `24h/7`: all day long, read as `24/24h` and `24/7` are, never
«hai mươi tư giờ, hai mươi tư» (`24h` alone is a count of hours)."""
_RATIO = re.compile(
    r"(?<!\w)((?i:tỷ lệ|tỉ lệ)\s*:?\s*)(" + NUMBER + r")\s*:\s*(" + NUMBER + r")(?![\w:]|[.,]\d)"
)
_MONTH_WORD = "(" + word_alone("(?i:tháng)") + ")"
r"""`(?<!\w)((?i:tháng))`, its first letter first (see `word_alone`)."""
_QUARTER = re.compile("(" + word_alone("(?i:quý)") + r")\s+([IVX]+|[1-4])\s*/\s*(\d{4})(?!\d)")
_HMS = re.compile(_EDGED_HOUR + r":([0-5]\d):([0-5]\d)" + _END)
_TIME_RANGE = re.compile(
    _EDGE + r"(" + _TIME + r"|\d{1,2})\s*-\s*(" + _TIME + r"|\d{2}\s?h)" + _END
)
"""`7h-11h`, `22h-24h`, `24-48h`: an end past 23 is hours counted (`_HOURS_PAST_A_DAY`)."""
_HM_COLON = re.compile(_EDGED_HOUR + r":([0-5]\d)" + _END)
_HM = re.compile(_EDGED_HOUR + r"\s?[hg]\s?([0-5]\d)(\s?(?:['’]|phút(?!\w))|p(?!\w))?(?!\w)")
"""`14h30`, `7g45`, `21h45'`, `21h45’`, `10h15p` (p for phút, as notes are written): the mark
after the minutes is said «phút» or nothing; «10h15p» held the bulletin as unread digits (Q1)
and «21h45’» left a stray quote in the script."""
_H = re.compile(_EDGED_HOUR + r"\s?h(?![\w'])")
_G = re.compile(_EDGED_HOUR + r"\s?g(?!\w)")
_HOURS_PAST_A_DAY = re.compile(r"(\d(?<![\w.,/:-]\d)\d{1,2})\s?h(?![\w'])")
"""`trong 48h`, `trực 24h`, `đến 24h`: no hour of the clock past 23, so a count of hours (or the
day's end), «bốn mươi tám giờ»; it held the bulletin as unread digits (Q1). With minutes
(`25h30`) it is no time at all and stays held."""
_H_WORD_MIN = re.compile(_EDGED_DAY + r" giờ ([0-5]\d)(?!\d| phút)")
_H_WORD_NO_MIN = re.compile(_EDGED_DAY + r" giờ 00 phút(?!\w)")
"""`19 giờ 00 phút`: on the hour, said «mười chín giờ» (R8.1), never «… giờ không phút»."""
_DAY_RANGE = re.compile(_EDGED_DAY + r"\s*-\s*(\d{1,2})([/.])(\d{1,2})(?:\3(\d{4}))?" + _END)
_DATE_RANGE = re.compile(_EDGED_DAY + r"/(\d{1,2})\s*-\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?" + _END)
_FULL_DATE_RANGE = re.compile(
    _EDGED_DAY + r"([/.-])(\d{1,2})\2(\d{4})\s*-\s*(\d{1,2})([/.-])(\d{1,2})\6(\d{4})" + _END
)
_DAY_LIST = re.compile(
    "("
    + word_alone("(?i:ngày)")
    + r"(?:\s+|\s*\(\s*))(\d{1,2}(?:\s*,\s*\d{1,2})*)\s*(?:,|(?i:và))\s*(\d{1,2})/(\d{1,2})"
    r"(?:/(\d{4}))?" + _END
)
"""`ngày 5, 6/12`, `ngày 5 và 6/12/2024`, `2 ngày (5 và 6/12)`: several days of one month."""
_LIST_COMMA = re.compile(r"\s*,\s*")
_FULL_DATE = re.compile(_EDGED_DAY + r"([/.-])(\d{1,2})\2(\d{4})" + _END)
_MONTH_RANGE = re.compile(
    _MONTH_WORD + r"\s+(\d{1,2})\s*-\s*(\d{1,2})(?:/(\d{4}))?(?![\w/]|[.,:]\d)"
)
"""`tháng 5-7`, `tháng 12-2/2025`: a range of months (R7.5)."""
_MONTH_YEAR = re.compile(_MONTH_WORD + r"\s+(\d{1,2})\s*[/.-]\s*(\d{4})" + _END)
_BARE_MONTH_YEAR = re.compile(_EDGED_DAY + r"/((?:19|20)\d\d)" + _END)
_YEAR_RANGE = re.compile(_EDGE + r"((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)" + _END)
_SHORT_DATE = re.compile(_EDGED_DAY + r"/(\d{1,2})" + _END)
_HYPHEN_DATE = re.compile(_EDGED_DAY + r"-(\d{1,2})(?![\w/-]|[.,:]\d|\s*+(?i:tháng|giờ|năm)(?!\w))")
"""`ngày 20-11`: a short date written with a hyphen, as the police press writes it; a date only
right after a word that names a day (`_DAY_TRIGGER`), else a range or a score (R12.1)."""
_DAYS_OF_MONTH = re.compile(_EDGED_DAY + r"\s*-\s*(\d{1,2})(?=\s+(?i:tháng)\s+\d)")
"""`ngày 5-7 tháng 12`: two days of a month written out, after `ngày` (R7.5)."""
_COUNT_AFTER = re.compile(
    r"\s*+(?:" + COUNTED_NOUN + r"|(?i:tiếng|phút|tuần|km|ki-lô-mét|triệu|nghìn|ngàn|tỷ)(?!\w))"
)
"""After `5-7`: what it counts (`mỗi ngày 5-7 người`, `ngày 2-3 lần`), so a range, not a date."""
_AFTER_HYPHEN_DATE = re.compile(r"(?<![\w/-])(\d{1,2}-\d{1,2})\s*+(?:,|(?i:và|hoặc|đến|tới))\s*+$")
"""`ngày 30-4 và 1-5`: after a hyphen date read as one, the next in its list is a date too; it
was read «và từ một đến năm»."""
_DAY_TRIGGER = re.compile(
    word_alone("(?i:ngày|sáng|trưa|chiều|tối|đêm|rạng sáng|hôm)") + r"\s*+,?+\s*+\(?+\s*+$"
)
_MONTH = re.compile(_MONTH_WORD + r"\s+(\d{1,2})(?![\w/]|[.,:]\d)")
_CLOCK_MARK = re.compile(r"\d\s?(?:[hg]\s?[0-5]\d|h(?![\w'])|g(?!\w))")
"""In every `_HM`, `_H` and `_G` match: one search instead of three in the many paragraphs
with none (a paragraph `_HM` leaves unchanged has no `_H` or `_G` match either)."""
_TIME_TOKEN = re.compile(r"(\d{1,2})(?:\s?[hg:]\s?(\d{2})?)?")


def month_name(month: int, lunar: bool) -> str:
    """Month word after `tháng` (R7.3): 4 → `tư`; lunar 1 → `giêng`, 12 → `chạp`."""
    if lunar and month in (1, 12):
        return "giêng" if month == 1 else "chạp"
    return "tư" if month == 4 else cardinal(month, _NO_OPTIONS)


def _valid(day: int, month: int) -> bool:
    """A plausible day/month pair."""
    return 1 <= day <= 31 and 1 <= month <= 12


class _Reader:
    """Date and time readings for one paragraph (needs its text for context words)."""

    def __init__(self, text: str, ctx: Context) -> None:
        self.text = text
        self.ctx = ctx
        self.opts = ctx.options

    def num(self, n: int | str) -> str:
        """A cardinal under the current options."""
        return cardinal(int(n), self.opts)

    def lunar(self, m: re.Match[str]) -> bool:
        """`âm lịch`/`AL` near the date, or a lunar month name shortly before it (R7.3)."""
        start = m.start()
        if _SOLAR.match(self.text, m.end()):
            return False
        for mark in _LUNAR.finditer(self.text, max(0, start - 40), m.end() + 40):
            between = (m.end(), mark.start()) if mark.start() >= m.end() else (mark.end(), start)
            if not _CONVERTED.search(self.text, *between):
                return True  # `1/12 (tức 12/10 âm lịch)`: the mark is the other date's
        month = _LUNAR_MONTH_BEFORE.search(self.text, max(0, start - 60), start)
        return (
            month is not None
            and not _CONVERTED.search(self.text, month.end(), start)
            and not _SENTENCE_END.search(self.text, month.end(), start)
        )

    def day(self, day: int) -> str:
        """Day number, with `mùng` for 1–10 when the option is on."""
        words = self.num(day)
        return f"mùng {words}" if self.opts.day_prefix_mung and day <= 10 else words

    def date(self, m: re.Match[str], day: int, month: int, year: str | None) -> str:
        """`ngày <d> tháng <m> [năm <y>]`, without repeating a preceding `ngày`/`hôm` (R7.1)."""
        lead = "" if ends_before(_DAY_NOUN, self.text, m.start()) else "ngày "
        spoken = f"{lead}{self.day(day)} tháng {month_name(month, self.lunar(m))}"
        return spoken + (f" năm {self.num(year)}" if year else "")

    def holiday_date(self, m: re.Match[str], day: int, month: int) -> str | None:
        """A short date after a holiday's name or before `âm lịch` (R7.2), else None."""
        named = ends_before(_HOLIDAY_BEFORE, self.text, m.start())
        if self.day_named_before(m.start(), named is not None) or (
            named is not None and ends_before(_DAY_NAMED, self.text, named.start())
        ):
            return f"{self.day(day)} tháng {month_name(month, self.lunar(m))}"
        if named is None and not _LUNAR_AFTER.match(self.text, m.end()):
            return None
        return self.date(m, day, month, None)

    def day_named_before(self, start: int, holiday: bool) -> bool:
        """Whether a day's name opened by «Ngày» ends right before `start` (R7.2): words after
        a capital «Ngày», or after a small one opening with a capital or `_DAY_NAME_START`,
        ending in a capital (`CAND`, `PCCC`, `Việt Nam`), a `holiday`'s name or `_DAY_NAME_END`;
        `trong ngày lực lượng CSGT phát hiện 3/4 …` names no day."""
        found = ends_before(_DAY_NAME_BEFORE, self.text, start)
        if found is None:
            return False
        words = found[2]
        opened = (
            found[1][0] == "N"
            or words.lstrip(" ,-")[0].isupper()
            or _DAY_NAME_START.match(words) is not None
        )
        closed = holiday or words.rsplit(None, 1)[-1][0].isupper() or _DAY_NAME_END.search(words)
        return bool(opened and closed)

    def clock(self, hour: str, minute: str | None = None, second: str | None = None) -> str:
        """`<H> giờ [<M> phút [<S> giây]]` (R8.1, R8.2); `:00` minutes are not read."""
        spoken = f"{self.num(hour)} giờ"
        if second is not None:
            return f"{spoken} {self.num(minute or 0)} phút {self.num(second)} giây"
        if minute and int(minute):
            spoken += f" {self.num(minute)}" + (" phút" if self.opts.minutes_word else "")
        return spoken

    def ratio(self, first: str, second: str) -> str:
        """`a:b` after `tỷ lệ` is a ratio, `a trên b`, never a clock time."""
        return f"{read_number(first, self.ctx)} trên {read_number(second, self.ctx)}"

    def time_token(self, written: str) -> str:
        """Read one `_TIME` token (`7h`, `7h30`, `7g30`, `22:15`) or a bare hour."""
        m = _TIME_TOKEN.fullmatch(written.strip())
        assert m is not None
        return self.clock(m[1], m[2])


class _BareG:
    """Whether each `Ng` without minutes in one text, taken left to right, is an hour (R8.2)."""

    def __init__(self, text: str, ctx: Context) -> None:
        self.text = text
        self.ctx = ctx
        self.hour_ends: set[int] = set()

    def is_hour(self, start: int, end: int, ranged: bool = False) -> bool:
        """After `lúc`, before a time of day, in an hour range or opening a clause; else grams.

        `ranged`: `start`-`end` is a whole `N-Mg` range, not one `Ng`."""
        text = self.text
        hour = bool(
            ends_before(_HOUR_WORD, text, start)
            or _HOUR_AFTER.match(text, end)
            or self._range_from_hour(start)
            or ends_before(_SAID_HOUR_BEFORE, text, start)
            or self._time_adverbial(start, end, ranged)
        )
        if hour:
            self.hour_ends.add(end)
        return hour

    def _range_from_hour(self, start: int) -> bool:
        """`6g đến 8g` where `6g` was read as an hour."""
        joined = ends_before(_RANGE_JOIN_BEFORE, self.text, start)
        return joined is not None and joined.end(1) in self.hour_ends

    def _time_adverbial(self, start: int, end: int, ranged: bool) -> bool:
        """A time adverbial, not a weight: opening a clause (`Khoảng 7g, …`, `Từ 6g đến 8g`) or
        a range of two `Ng` anywhere (`tổ chức 12 ca tuần tra từ 20g đến 23g, …`)."""
        text = self.text
        opens = False
        if ranged:
            after = _WORD_AFTER.match(text, end)
        else:
            after = _RANGE_END.match(text, end)
            opens = bool(
                ends_before(_CLAUSE_START, text, start) and _CLAUSE_GOES_ON.match(text, end)
            )
            if not (opens or after):
                return False
        noun = after[1] if after else None  # `Từ 3g đến 5g heroin` is a weight
        lo = max(0, start - SENTENCE_TAIL)  # no rescan of a whole paragraph for every `Ng`
        sentence = max(
            text.rfind(". ", lo, start), text.rfind("! ", lo, start), text.rfind("? ", lo, start)
        )
        if (
            after
            and noun
            and noun.islower()
            and noun not in _TIME_WORDS
            and not _NEXT_TIME.match(text, after.start(1))
        ):
            return self._range_before_word(start, end, max(lo, sentence + 1), after.start(1))
        if _WEIGHT_WORD.search(text, max(lo, sentence + 1), start):
            if opens:  # `…, khoảng 5g, …` reads like a time too; `chứa 3-5g` does not
                written = text[start:end]
                self.ctx.flag(
                    "R8.2",
                    WARNING,
                    f"«{written}» được đọc là gam vì câu nói về khối lượng; nếu là giờ, hãy viết "
                    f"«{written[:-1].strip()}h» hoặc «lúc {written}».",
                    written,
                )
            return False
        if not opens and _WEIGHT_WORD.search(text, lo, start):
            # `… mua ma túy về sử dụng. Mỗi lần mua từ 1g đến 2g.`: a range in the middle of a
            # clause is an hour range by its form alone, too little against a paragraph on weights
            written = text[start:end]
            self.ctx.flag(
                "R8.2",
                WARNING,
                f"«{written}» được đọc là gam vì đoạn văn nói về khối lượng; nếu là giờ, hãy viết "
                f"«{written[:-1].strip()}h».",
                written,
            )
            return False
        return True

    def _range_before_word(self, start: int, end: int, sentence: int, range_end: int) -> bool:
        """A range with a lowercase word after it (`20g-23g mỗi tối`, `3-5g mỗi ngày`): grams
        in a sentence on an amount, hours in one that names a time of day; neither or both,
        grams, and the editor is asked, since the form alone cannot tell."""
        text = self.text
        written = text[start:range_end].rstrip()  # `20g-23g`, or `3g đến 5g` seen from `3g`
        if _EVERY_TIME_OF_DAY.match(text, start + len(written)):
            return True
        if _AMOUNT_WORD.match(text, range_end):
            return False
        stop = _SENTENCE_END.search(text, end, min(len(text), end + SENTENCE_TAIL))
        around = (text[sentence:start], text[end : stop.start() if stop else len(text)])
        amount = any(_AMOUNT_WORD.search(part) for part in around)
        hours = any(_TIME_OF_DAY.search(part) for part in around)
        if hours and not amount:
            return True
        if amount and not hours:
            return False
        why = (
            "câu vừa nói về khối lượng vừa nói về giờ"
            if amount
            else "câu không cho biết đó là giờ hay khối lượng"
        )
        self.ctx.flag(
            "R8.2",
            WARNING,
            f"«{written}» được đọc là gam vì {why}; nếu là giờ, hãy viết "
            f"«{_G_AS_H.sub('h', written)}».",
            written,
        )
        return False


def _without_at(text: str, time_range: Callable[[re.Match[str]], str]) -> str:
    """Time ranges read by `time_range`, a «lúc» or «vào lúc» before one said as its «từ»
    (`họp lúc 7h00-11h30` → «họp từ bảy giờ đến …»): «lúc từ bảy giờ» is no Vietnamese. After
    «từ», «khoảng» (`Từ lúc 7h-9h`), «lúc» is only dropped: «từ từ bảy giờ» is none either."""
    pieces, done = [], 0
    for m in _TIME_RANGE.finditer(text):
        said, start = time_range(m), m.start()
        at = ends_before(_AT_HOUR, text, start) if said.startswith("từ ") else None
        if at is not None and at.start() >= done:
            start = at.start()
            if ends_before(_FROM_LEAD, text, start):
                said = said[len("từ ") :]
            else:
                said = ("Từ" if text[start].isupper() else "từ") + said[len("từ") :]
        pieces += [text[done:start], said]
        done = m.end()
    return "".join(pieces) + text[done:]


def _times(r: _Reader, text: str) -> str:
    """Clock times and time ranges (R8); a rule runs only if the marks it needs are there."""
    if "24" in text and "/" in text:
        text = _ROUND_THE_CLOCK_HOURS.sub("24/24 giờ", text)  # `24h` is no clock time
        text = _ROUND_THE_CLOCK_HOURS_FIRST.sub(
            lambda m: "24/24 giờ" if m[1] == "24" else "24/7", text
        )
    if ":" in text:
        text = _RATIO.sub(lambda m: f"{m[1]}{r.ratio(m[2], m[3])}", text)  # `tỷ lệ 1:10`
        text = _HMS.sub(lambda m: r.clock(m[1], m[2], m[3]), text)

    def time_range(m: re.Match[str]) -> str:
        if _BARE_G.fullmatch(m[2]) and not bare_g.is_hour(m.start(), m.end(), ranged=True):
            return m[0]  # `3-5g heroin`: grams, a range read in P4
        lead = "" if ends_before(_FROM_LEAD, text, m.start()) else "từ "
        first = r.num(m[1]) if m[1].isdigit() else r.time_token(m[1])
        return f"{lead}{first} đến {r.time_token(m[2])}"

    if "-" in text:
        bare_g = _BareG(text, r.ctx)
        text = _without_at(text, time_range)
    if ":" in text:
        text = _HM_COLON.sub(lambda m: r.clock(m[1], m[2]), text)

    def hour_minute(m: re.Match[str]) -> str:
        spoken = r.clock(m[1], m[2])
        if m[3] and m[3].strip() in ("phút", "p") and not r.opts.minutes_word and int(m[2]):
            spoken += " phút"  # the writer wrote it; keep it
        return spoken

    def grams_or_hour(m: re.Match[str]) -> str:
        return r.clock(m[1]) if bare_g.is_hour(m.start(), m.end()) else m[0]

    if _CLOCK_MARK.search(text):
        text = _HM.sub(hour_minute, text)
        if "h" in text:
            text = _H.sub(lambda m: r.clock(m[1]), text)
            text = _HOURS_PAST_A_DAY.sub(lambda m: r.clock(m[1]) if int(m[1]) >= 24 else m[0], text)
        if "g" in text:
            bare_g = _BareG(text, r.ctx)
            text = _G.sub(grams_or_hour, text)

    def written_hour(m: re.Match[str]) -> str:
        if not int(m[2]):
            return f"{m[1]} giờ"
        return f"{m[1]} giờ {m[2]}" + (" phút" if r.opts.minutes_word else "")

    if " giờ " not in text:
        return text
    return _H_WORD_MIN.sub(written_hour, _H_WORD_NO_MIN.sub(r"\1 giờ", text))


def _dates(r: _Reader, text: str) -> str:
    """Dates, date ranges, months and years (R7)."""
    r.text = text

    def quarter(m: re.Match[str]) -> str:
        value = int(m[2]) if m[2].isdigit() else roman_value(m[2])
        return m[0] if value is None else f"{m[1]} {r.num(value)} năm {r.num(m[3])}"

    if "/" in text:
        text = r.text = _QUARTER.sub(quarter, text)

    def day_list(m: re.Match[str]) -> str:
        days = [int(d) for d in _LIST_COMMA.split(m[2])] + [int(m[3])]
        month = int(m[4])
        if not all(_valid(day, month) for day in days) or days != sorted(set(days)):
            return m[0]  # days of one month are listed in order
        spoken = [r.day(day) for day in days]
        said = f"{', '.join(spoken[:-1])} và {spoken[-1]} tháng {month_name(month, r.lunar(m))}"
        return m[1] + said + (f" năm {r.num(m[5])}" if m[5] else "")

    if "/" in text and ("," in text or "và" in text):
        text = r.text = _DAY_LIST.sub(day_list, text)

    def day_range(m: re.Match[str]) -> str:
        d1, d2, month = int(m[1]), int(m[2]), int(m[4])
        if not (_valid(d1, month) and _valid(d2, month)):
            return m[0]
        if m[3] == "." and not m[5] and not ends_before(_DAY_WORD, text, m.start()):
            return m[0]  # `tăng 1-1.5 m`: an English decimal in a range (R3.4), not `d1-d2.m`
        first = r.date(m, d1, month, None).rsplit(" tháng ", 1)[0]
        if d2 == d1 + 1 and not ends_before(_FROM_DAY_BEFORE, text, m.start()):
            second = f"và {r.day(d2)}"  # two days: `ngày mười lăm và mười sáu tháng tám`
        else:
            second = f"đến ngày {r.day(d2)}"
        return f"{first} {second} tháng {month_name(month, r.lunar(m))}" + (
            f" năm {r.num(m[5])}" if m[5] else ""
        )

    if "-" in text:
        text = r.text = _DAY_RANGE.sub(day_range, text)

    def date_range(m: re.Match[str]) -> str:
        d1, m1, d2, m2 = (int(m[i]) for i in range(1, 5))
        if not (_valid(d1, m1) and _valid(d2, m2)):
            return m[0]
        second = f"ngày {r.day(d2)} tháng {month_name(m2, r.lunar(m))}"
        return f"{r.date(m, d1, m1, None)} đến {second}" + (f" năm {r.num(m[5])}" if m[5] else "")

    if "/" in text and "-" in text:
        text = r.text = _DATE_RANGE.sub(date_range, text)

    def full_date(m: re.Match[str]) -> str:
        day, month = int(m[1]), int(m[3])
        return r.date(m, day, month, m[4]) if _valid(day, month) else m[0]

    def full_date_range(m: re.Match[str]) -> str:
        d1, m1, d2, m2 = int(m[1]), int(m[3]), int(m[5]), int(m[7])
        if not (_valid(d1, m1) and _valid(d2, m2)):
            return m[0]
        second = f"ngày {r.day(d2)} tháng {month_name(m2, r.lunar(m))} năm {r.num(m[8])}"
        return f"{r.date(m, d1, m1, m[4])} đến {second}"

    if "-" in text:
        text = r.text = _FULL_DATE_RANGE.sub(full_date_range, text)
    text = r.text = _FULL_DATE.sub(full_date, text)

    def month_year(m: re.Match[str]) -> str:
        month = int(m[2])
        if not 1 <= month <= 12:
            return m[0]
        return f"{m[1]} {month_name(month, r.lunar(m))} năm {r.num(m[3])}"

    def month_range(m: re.Match[str]) -> str:
        first, second = int(m[2]), int(m[3])
        if not (1 <= first <= 12 and 1 <= second <= 12) or first == second:
            return m[0]
        word = m[1]
        if not ends_before(_MONTHS_LEAD, text, m.start()):
            word = "Từ tháng" if word[0].isupper() else "từ tháng"
        lunar = r.lunar(m)
        spoken = f"{word} {month_name(first, lunar)} đến tháng {month_name(second, lunar)}"
        return spoken + (f" năm {r.num(m[4])}" if m[4] else "")

    if "-" in text:
        text = r.text = _MONTH_RANGE.sub(month_range, text)
    text = r.text = _MONTH_YEAR.sub(month_year, text)

    def bare_month_year(m: re.Match[str]) -> str:
        month = int(m[1])
        if not 1 <= month <= 12:
            return m[0]
        spoken = f"tháng {month_name(month, r.lunar(m))} năm {r.num(m[2])}"
        r.ctx.flag(
            "R7.4",
            WARNING,
            f"«{m[0]}» được hiểu là tháng/năm và đọc «{spoken}»; nếu đúng, nên viết "
            f"«tháng {m[0]}».",
            m[0],
        )
        return spoken

    if "/" in text:
        text = r.text = _BARE_MONTH_YEAR.sub(bare_month_year, text)

    def year_range(m: re.Match[str]) -> str:
        lead = "" if ends_before(_YEAR_RANGE_LEAD, text, m.start()) else "từ "
        return f"{lead}{r.num(m[1])} đến {r.num(m[2])}"

    if "-" in text:
        text = r.text = _YEAR_RANGE.sub(year_range, text)

    def short_date(m: re.Match[str]) -> str:
        day, month = int(m[1]), int(m[2])
        if _valid(day, month) and ends_before(_STREET_BEFORE, text, m.start()):
            return f"{r.num(day)} tháng {month_name(month, False)}"
        if not _valid(day, month):
            return m[0]
        holiday = r.holiday_date(m, day, month)
        if holiday is not None:
            return holiday
        if not ends_before(_DATE_TRIGGER, text, m.start()):
            return m[0]  # without a trigger word `a/b` is a fraction (R12.3)
        if (
            ends_before(_WEAK_DATE_TRIGGER, text, m.start())
            and _NOT_DATE_AFTER.match(text, m.end())
            and not ends_before(_MONTH_BEFORE, text, m.start())
        ):
            return m[0]  # read as a fraction in P6, flagged as a possible date (R7.2)
        return r.date(m, day, month, None)

    if "/" in text:
        text = r.text = _SHORT_DATE.sub(short_date, text)

    hyphen_dates: set[int] = set()

    def hyphen_date(m: re.Match[str]) -> str:
        day, month = int(m[1]), int(m[2])
        joined = ends_before(_AFTER_HYPHEN_DATE, text, m.start())
        listed = joined is not None and joined.end(1) in hyphen_dates
        if not _valid(day, month) or _COUNT_AFTER.match(text, m.end()):
            return m[0]  # `tối 7-8 người`: a count after a time of day, read as a range
        holiday = None if _DURATION_AFTER.match(text, m.end()) else r.holiday_date(m, day, month)
        if holiday is not None:
            hyphen_dates.add(m.end())
            return holiday
        if not (listed or ends_before(_DAY_TRIGGER, text, m.start())):
            return m[0]
        hyphen_dates.add(m.end())
        return r.date(m, day, month, None)

    def days_of_month(m: re.Match[str]) -> str:
        d1, d2 = int(m[1]), int(m[2])
        if not (1 <= d1 < d2 <= 31) or not ends_before(_DAY_WORD, text, m.start()):
            return m[0]
        if d2 == d1 + 1 and not ends_before(_FROM_DAY_BEFORE, text, m.start()):
            return f"{r.day(d1)} và {r.day(d2)}"  # as `day_range` says two days
        return f"{r.day(d1)} đến ngày {r.day(d2)}"

    if "-" in text:
        text = r.text = _HYPHEN_DATE.sub(hyphen_date, text)
        text = r.text = _DAYS_OF_MONTH.sub(days_of_month, text)

    def month(m: re.Match[str]) -> str:
        value = int(m[2])
        return f"{m[1]} {month_name(value, r.lunar(m))}" if 1 <= value <= 12 else m[0]

    return _MONTH.sub(month, text)


def read_dates_and_times(text: str, ctx: Context) -> str:
    """Pass P3: dates first (they contain `.` and `-`), then clock times."""
    if not has_digit(text):
        return text  # every date and time rule reads digits
    reader = _Reader(text, ctx)
    text = _dates(reader, text)
    if not has_digit(text):
        return text
    reader.text = text
    return _times(reader, text)
