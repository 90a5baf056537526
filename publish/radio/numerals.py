"""Passes P5 and P6: ordinals, ranks, Roman numerals; ranges, fractions, signs, every other number."""

from __future__ import annotations

import re

from publish.radio.either_case import word_alone
from publish.radio.flags import BLOCKING, WARNING, Context
from publish.radio.grades import names_a_person, words_before_hang
from publish.radio.measures import quantity_follows
from publish.radio.numbers import (
    COUNTED_NOUN,
    NUMBER,
    NUMBER_ALONE,
    RANGE_LEAD,
    cardinal,
    has_digit,
    ordinal,
    rank,
    read_number,
    roman_value,
)
from publish.radio.place_kinds import KINDS_PATTERN, SUB_COMMUNE_PATTERN
from publish.radio.tail import SENTENCE_TAIL, ends_before

__all__ = ["read_ordinals", "read_remaining_numbers", "weekdays_written_short"]

_END = r"(?![\w]|[.,]\d)"
_ORDINAL = re.compile("(" + word_alone("(?i:thứ)") + r")\s+(\d+|[IVXLCDM]+)" + _END)
_DAY = r"(?:[2-7]|(?i:hai|ba|tư|năm|sáu|bảy))"
_WEEKDAY_RANGE = re.compile(
    rf"(?<!\w)(?P<lead>(?i:từ)\s+)?(?P<thu>(?i:thứ))\s+(?P<first>{_DAY})\s*-\s*"
    rf"(?:(?P<last>(?i:thứ)\s+{_DAY}|(?i:chủ nhật)|CN)|(?P<bare>[2-7]))(?![\w]|[.,]\d)"
)
"""`thứ 2-6`, `thứ 2 - thứ 6`, `thứ Hai - Chủ nhật`: a range of weekdays, office hours' usual
form. Read «thứ hai-sáu» or «thứ hai, thứ sáu», the listener heard one day or two, not all
between."""
_SHORT_WEEKDAY_RANGE = re.compile(
    r"T(?<!\wT)([2-7])(?:\s*-\s*|\s+(?i:đến)\s+)(?:T([2-7])|(CN))(?!\w)"
)
"""`T2-T7`, `T2 - CN`, `T2 đến T6`: office hours written short, a range of weekdays."""
_SHORT_WEEKDAY = re.compile(r"T(?<!\wT)([2-7])(?!\w)")
"""`sáng T7`, `vào T2`: one weekday written short, read so only after a word of time."""
_WEEKDAY_SAID = r"(?:thứ\s+(?:[2-7]|hai|ba|tư|năm|sáu|bảy)|CN|chủ nhật)"
_TIME_BEFORE = re.compile(
    r"(?i:(?<!\w)(?:sáng|trưa|chiều|tối|đêm|ngày|các ngày|hôm|vào|từ|làm việc|tiếp dân"
    r"|tiếp công dân|mở cửa|trực|" + _WEEKDAY_SAID + r"\s*(?:,|và|hoặc|đến)))\s*$"
)
"""What makes `T2` a weekday right before it (`sáng T7`, `từ T2`, `thứ 7 và T2`); after
«tòa», «tầng», «khu», «phòng» it is a building's or a floor's name, left for R14.7."""
_OFFICE_HOURS = re.compile(
    r"(?i:(?<!\w)(?:làm việc|tiếp dân|tiếp công dân|mở cửa|tiếp nhận|trực|lịch|giờ hành chính"
    r"|hằng tuần|hàng tuần)(?!\w))"
)
"""Words of office hours earlier in the sentence: `Tiếp dân hằng tuần T2-T6`."""
_SENTENCE_START = re.compile(r"[.!?;]\s|\n")
_PLACE_BEFORE = re.compile(
    r"(?i:(?<!\w)(?:tòa|toà|tòa nhà|toà nhà|nhà|tầng|khu|block|phòng|dãy|lô|căn|căn hộ))\s*$"
)
_RANKED_BEFORE = re.compile(
    r"(?<!\w)(?i:lần|vòng|người|vụ|đợt|kỳ|khóa|khoá|đứng|xếp|hạng|vị trí|giải|bậc|loại|lớp"
    r"|phiên|tập)\s*$"
)
_LISTED_BEFORE = re.compile(r"(?<!\w)T[2-7]\s*(?:,|và|hoặc)\s*$")
"""A weekday written short, then a comma or «và» (`tối T2, T4 và T6`): the next one is of the
same list, a weekday if the list's first is (`tòa T2 và T3` is none)."""
_LIST_DAYS = 6
"""Days of a list looked back over: a week's, and a long run of codes stays linear."""
_SENTENCE_ENDS = ".!?:"
_OPENINGS = "“«\"'‘(["
"""What ends the sentence before a range of weekdays whose capital is the new sentence's."""
_WEEKDAY_WORDS = {"2": "hai", "3": "ba", "4": "tư", "5": "năm", "6": "sáu", "7": "bảy"}


def _weekdays(m: re.Match[str], ctx: Context) -> str:
    """`thứ 2-6` → `từ thứ hai đến thứ sáu` (the `từ` written or not)."""

    def day(word: str) -> str:
        return _WEEKDAY_WORDS.get(word, word)

    if ends_before(_RANKED_BEFORE, m.string, m.start()):
        return _places(m, ctx)  # `lần thứ 2-3`: places in an order, no weekdays
    if m["bare"]:
        last = f"thứ {day(m['bare'])}"
    elif m["last"].lower().startswith("thứ"):
        last = f"thứ {day(m['last'].split()[-1])}"
    else:
        last = "chủ nhật"
    if m["lead"]:
        return f"{m['lead']}{m['thu']} {day(m['first'])} đến {last}"
    # An opening quote or bracket before it («“Thứ 2 - Thứ 6” làm việc») keeps its place at the
    # start of the sentence.
    before = m.string[: m.start()].rstrip().rstrip(_OPENINGS).rstrip()
    opens = m["thu"][0].isupper() and (not before or before[-1] in _SENTENCE_ENDS)
    lead = "Từ" if opens else "từ"  # `Thứ 2-6 nghỉ`: «Từ thứ hai …»; never «làm việc Từ …»
    return f"{lead} thứ {day(m['first'])} đến {last}"


def weekdays_written_short(text: str) -> str:
    """`T2-T7` → `thứ 2-thứ 7`, `sáng T7` → `sáng thứ 7`, for the weekday rules to read (R10.1):
    before, «T hai-T bảy» held the item as an unknown code (R14.7)."""
    if "T" not in text:
        return text

    def day_range(m: re.Match[str]) -> str:
        if not _is_weekday(m):
            return m[0]
        return f"thứ {m[1]}-{'CN' if m[3] else f'thứ {m[2]}'}"

    text = _SHORT_WEEKDAY_RANGE.sub(day_range, text)
    return _SHORT_WEEKDAY.sub(lambda m: f"thứ {m[1]}" if _is_weekday(m) else m[0], text)


def _is_weekday(m: re.Match[str]) -> bool:
    """Whether a `T2` is a weekday: a word of time right before it, or office hours earlier in
    its sentence, and no building, floor or room named right before it (`tòa T2-T5`); in a
    list (`tối T2, T4 và T6`), whether the list's first is."""
    text, at = m.string, m.start()
    for _ in range(_LIST_DAYS):
        listed = ends_before(_LISTED_BEFORE, text, at)
        if listed is None:
            break
        at = listed.start()
    if ends_before(_PLACE_BEFORE, text, at):
        return False
    if ends_before(_TIME_BEFORE, text, at):
        return True
    start = max(0, at - SENTENCE_TAIL)  # bounded: a long timetable stays linear
    for end in _SENTENCE_START.finditer(text, start, at):
        start = end.end()
    return _OFFICE_HOURS.search(text, start, at) is not None


def _places(m: re.Match[str], ctx: Context) -> str:
    """`lần thứ 2-3` → `thứ hai hoặc thứ ba`, and the editor told (Q5): read «thứ hai-ba», the
    listener heard «thứ hai ba», one place, and nothing asked which the writer meant."""
    last = m["bare"] or (m["last"].split()[-1] if m["last"].lower().startswith("thứ") else "")
    if not last:
        return m[0]
    first, then = (ordinal(int(w), ctx.options) if w.isdigit() else w for w in (m["first"], last))
    ctx.flag(
        "Q5",
        WARNING,
        f"«{m[0].strip()}» được đọc «{m['thu']} {first} hoặc thứ {then}» (hai thứ tự, không "
        "phải một khoảng ngày). Cách sửa: nếu ý khác, viết rõ bằng lời («từ lần thứ hai trở lên»).",
        m[0].strip(),
    )
    return f"{m['lead'] or ''}{m['thu']} {m['first']} hoặc thứ {last}"


_RANK = re.compile("(" + word_alone("(?i:giải|hạng|loại)") + r")\s+(\d+)" + _END)
_PLACE_OUT_OF = re.compile(
    "(" + word_alone("(?i:thứ|hạng)") + r")\s+(\d{1,3})\s*/\s*(\d{1,3})(?![\w/]|[.,]\d)"
)
"""`xếp thứ 3/15 đơn vị`, `hạng 3/15`: a place out of how many are ranked."""
_DISABILITY_BEFORE = re.compile(word_alone("(?i:thương binh|bệnh binh)") + r"[^\S\n]+$")
"""Before `hạng 1/4`: a war invalid's class, said «hạng một trên bốn» (never «hạng nhất»)."""
_ROMAN_TRIGGER = re.compile(
    "("
    + word_alone(
        "(?i:quý|khóa|khoá|kỳ|thế kỷ|đại hội|hội nghị|phần|chương|mục|tập|giai đoạn|quân khu|"
        "cấp độ)"
    )
    + r")\s+([IVXLCDM]+)(?!\w)"
)
_SPACED_ROMAN = re.compile(r"[IVXLCDM](?<=\s[IVXLCDM])[IVXLCDM]*(?!\w)")
r"""`\s[IVXLCDM]+(?!\w)`, in every `_ROMAN_TRIGGER` match and in few paragraphs: checked first,
looked for from its first letter, which far fewer characters are than spaces."""
_NUM = NUMBER_ALONE
_RANGE = re.compile(_NUM + r"\s*-\s*(" + NUMBER + r")" + _END)
_PLUS = re.compile(_NUM + r"\s*\+\s*(" + NUMBER + r")" + _END)
_FRACTION = re.compile(r"(\d(?<![\w.,/]\d)\d*)/(\d{1,3}(?:\.\d{3})+|\d+)(?![\w/]|[.,]\d)")
"""`1/2`, `45/48`, `1/1.000` (its thousands grouped, R3.2)."""
_SLASH_RUN = re.compile(r"\d(?<![\w.,/]\d)\d*(?:/\d+){2,}(?![\w/]|[.,]\d)")
"""`5/12/26`: three numbers or more between slashes that no rule read (no full date, no house
number); its slashes went as word breaks, «năm mười hai hai mươi sáu», and nothing was told."""
_COUNT_SLASH = re.compile(r"(?<=[^\W\d_])[^\S\n]*/[^\S\n]*(?=\d)")
"""`12 vụ/15 đối tượng`, the police tally of cases and people: a pause, «mười hai vụ, mười lăm
đối tượng»; the slash went unsaid and the two counts ran together. By P6 every slash that
means «per» or «trên» (`đồng/kg`, `mg/100 ml`) has been read."""
_NEGATIVE = re.compile(r"(?<![\w.,)])-(?=\d)")
_ANY_NUMBER = re.compile(_NUM + _END)
_NUMBER_NEXT = re.compile(r"[^\S\n]++\d")
_NUMBER_BEFORE = re.compile(r"\d[^\S\n]++$")
"""Another number after one with nothing but a space between them."""
_LETTERED = re.compile(r"(\d(?<![\w.,/]\d)\d{0,3})([A-Z])(\d{1,2})?(?![\w/]|[.,]\d)")
"""`số nhà 45A`, `ấp 3B`: a number and its letter, read `bốn mươi lăm A` like `QL1A`; `lớp
12A1`, `phòng 10C3`: a class or a room, a number after the letter too (`mười hai A một`)."""
_ADDRESS_WORD = re.compile(
    r"(?<!\w)(?i:số|nhà|" + SUB_COMMUNE_PATTERN + r"|khu|tổ|hẻm|ngõ|ngách|kiệt|lô|phòng|căn hộ|"
    r"căn|ki-ốt|kiốt|tầng|dãy|block|vàng|lớp|quốc lộ|tỉnh lộ|hương lộ|đường tỉnh|đường huyện)\s*$"
)
"""Before `45A`: an address, where a lettered number is a house, a hamlet, a plot (and `vàng
24K`, gold's karat, said `hai mươi tư K` like any house letter; `lớp 9A`, a school class;
`Quốc lộ 1A` written out, a road, said as `QL1A` is: it held the bulletin as unread digits).
Elsewhere (`5K`) it may be a code or a slogan, which the lexicon reads or QA flags (R14.7, Q1)."""
_NETWORK = re.compile(
    r"(?<![\w.,/])([2-6])G(?!\w)(?!\s*+(?i:ma túy|ma tuý|heroin|cần sa|thuốc|vàng)(?!\w))"
)
"""`sim 4G`, `mạng 5G`: a mobile network's generation, said `bốn G` as the letters of a code are
(`nâng cấp sim 4G lên 5G` is a scam every police unit warns of); it held the bulletin as a number
left unread (Q1)."""
_CLASS_WORD = re.compile(r"(?<!\w)(?i:lớp|phòng)\s*$")
"""Before `12A1`: a school class or a room; after another word (`biển số 66B1`, a plate not
written whole) a number after the letter is no address's, and QA flags it (Q1)."""
_HOUSE_NUMBER = re.compile(r"(\d(?<![\w.,/]\d)\d{0,4}[A-Z]?)((?:/\d{1,5}[A-Z]?)+)(?![\w/]|[.,]\d)")
"""`123/4A`, `45/2`, `45/2/7`: a house in an alley off a house number, as the South writes an
address; each part a number, with its letter."""
_HOUSE_WORD = re.compile(
    word_alone("(?i:nhà|hẻm|ngõ|ngách|kiệt|lô|căn hộ|căn|ki-ốt|kiốt)")
    + r"(?:\s+(?i:số))?\s*+:?\s*+$"
)
"""Before `45/2`: a house, an alley, a plot, which a slash numbers (`hẻm 45/2`, `nhà số 123/4A`)."""
_HOUSE_NUMBER_WORD = re.compile(word_alone("(?i:số)") + r"\s*+$")
_STREET_AFTER = re.compile(
    r"\s*+,?+\s*+(?:(?i:đường|phố|ngõ|ngách|hẻm|kiệt|"
    + SUB_COMMUNE_PATTERN
    + r"|tổ|quốc lộ|tỉnh lộ)(?!\w)|[A-ZĐ])"
)
"""After `số 45/2`: the street or the place it is in, which makes it a house number."""
_SCORE_LEAD = re.compile(r"(?<!\w)(?i:tỷ số|tỉ số)(?:\s+(?i:là|với))?\s*:?\s*$")
"""`tỷ số 2-1`: a score, said `hai một`, never a range."""
_LETTER_NOT_NUMERAL = frozenset("LCDM")
"""One letter after a lead word that is a letter, not 50, 100, 500, 1,000: `thư mục C` (a drive),
`mục D` (after mục A, B, C); no report has a part 100 (R11.1)."""
_NUMERAL_WORD = re.compile(r"[\dIVXLCDM](?<=\s[\dIVXLCDM])(?:(?<=\d)|[IVXLCDM]*(?!\w))")
r"""In every `_ORDINAL` and `_ROMAN_TRIGGER` match: a digit or a whole Roman numeral after a space
(`\s(?:\d|[IVXLCDM]+(?!\w))`), looked for from the digit or the letter, not from every space."""


def read_ordinals(text: str, ctx: Context) -> str:
    """Pass P5: `thứ N` (R10.1, R10.4), `giải/hạng/loại N` (R10.3), Roman numerals (R11)."""
    opts = ctx.options

    def after_thu(m: re.Match[str]) -> str:
        value = int(m[2]) if m[2].isdigit() else roman_value(m[2])
        return m[0] if value is None else f"{m[1]} {ordinal(value, opts)}"

    def roman(m: re.Match[str]) -> str:
        value = None if m[2] in _LETTER_NOT_NUMERAL else roman_value(m[2])
        return m[0] if value is None else f"{m[1]} {cardinal(value, opts)}"

    has_thu = "ứ" in text or "Ứ" in text  # «thứ», in any case (see `word_alone`)
    if has_thu and "-" in text:
        # Before the digit test: `thứ Hai - thứ Sáu` has none, and the dash became a comma.
        text = _WEEKDAY_RANGE.sub(lambda m: _weekdays(m, ctx), text)
    if not _NUMERAL_WORD.search(text):
        return text
    if "/" in text:
        text = _PLACE_OUT_OF.sub(lambda m: _place_out_of(m, ctx), text)
    if has_thu:
        text = _ORDINAL.sub(after_thu, text)
    if has_digit(text):
        before_hang = words_before_hang(ctx.lines) if "Hạng" in text else None
        text = _RANK.sub(lambda m: _ranked(m, ctx, before_hang), text)
    return _ROMAN_TRIGGER.sub(roman, text) if _SPACED_ROMAN.search(text) else text


def _ranked(m: re.Match[str], ctx: Context, before_hang: frozenset[str] | None) -> str:
    """`giải 1` → `giải nhất`, `hạng 2` → `hạng nhì` (R10.3); a person named Hạng (`Trần Văn Hạng
    2`, `ông Hạng 2 con`) is no rank: the number is left for the cardinal rules, «Hạng hai»."""
    if names_a_person(m.string, m.start(1), before_hang):
        return m[0]
    return f"{m[1]} {rank(int(m[2]), ctx.options)}"


def _place_out_of(m: re.Match[str], ctx: Context) -> str:
    """`thứ 3/15` → `thứ ba trên mười lăm`, `hạng 3/15` → `hạng ba trên mười lăm`: the total
    said «trên» as `12/15 xã` is; the slash went as a pause, «thứ ba, mười lăm đơn vị»."""
    place, total = int(m[2]), int(m[3])
    if not 1 <= place <= total:
        return m[0]
    after_thu = m[1].casefold() == "thứ"
    if (
        after_thu
        and m[2] in _WEEKDAY_WORDS
        and not ends_before(_RANKED_BEFORE, m.string, m.start())
    ):
        return m[0]  # `thứ 7/12` may be a weekday and its date: only `xếp`, `đứng` make a place
    if after_thu:
        said = ordinal(place, ctx.options)
    elif ends_before(_DISABILITY_BEFORE, m.string, m.start()):
        said = cardinal(place, ctx.options)  # a class of disability, no place in a ranking
    else:
        said = rank(place, ctx.options)
    return f"{m[1]} {said} trên {cardinal(total, ctx.options)}"


_ROUND_THE_CLOCK = frozenset({("24", "7"), ("24", "24")})
"""`24/7`, `24/24`: everyone reads them `trên`, nothing to check (R12.3 without a flag)."""
_COUNTED_AFTER = re.compile(
    r"[^\S\n]++(?:"
    + COUNTED_NOUN
    + r"|(?i:"
    + KINDS_PATTERN
    + "|"
    + SUB_COMMUNE_PATTERN
    + r"|địa phương|cơ quan|doanh nghiệp|gia đình)(?!\w))"
)
"""`làm rõ 42/45 vụ`, `bắt 2/3 đối tượng`, `12/15 xã`: so many of a total, counted (places
too, which a results bulletin counts as it does cases): «trên» is the only reading, nothing for
the editor to check (R12.3 without a flag), and no date (R7.2)."""
_MEMBERS_AFTER = re.compile(
    r"[^\S\n]++(?i:đại biểu|đảng viên|đoàn viên|hội viên|thành viên|giáo viên|bệnh nhân|"
    r"hồ sơ|tiêu chí|chỉ tiêu|khu dân cư)(?!\w)"
)
"""`85/90 đại biểu`, `đạt 19/19 tiêu chí`, `giải quyết 45/50 hồ sơ`: what a meeting's, a
campaign's or an office's bulletin counts, so many of a total, «trên» (R12.3 without a flag);
kept out of `_COUNTED_AFTER`: a small share of them is a fraction still (`2/3 đại biểu`, the
two thirds a vote needs, «hai phần ba»)."""
_NAME_NEXT = re.compile(r"[^\S\n]++([^\W\d_])")
"""The next word's first letter: a capital names one person or place (`đối tượng Nguyễn Văn A`,
`xã Tân Bình`), no total a share is counted of."""


def _counted_share(
    m: re.Match[str], a: int, b: int, counted_after: re.Pattern[str] = _COUNTED_AFTER
) -> bool:
    """Whether `a/b` at `m` is so many of a total, a noun counting it after (`2/3 đối tượng`,
    `42/45 vụ`): «hai trên ba đối tượng», never «hai phần ba» nor 2 March. Not when the noun
    names someone or somewhere (`2/3 đối tượng Nguyễn Văn A`, `2/3 xã Tân Bình`): then `2/3` may
    be the day it happened, which R7.2 asks the editor to write out."""
    counted = counted_after.match(m.string, m.end())
    if counted is None or not 0 < a <= b:
        return False
    if 1 <= a <= 31 and 1 <= b <= 12:
        name = _NAME_NEXT.match(m.string, counted.end())
        return name is None or not name[1].isupper()
    return True


def _fraction(m: re.Match[str], ctx: Context) -> str:
    """`1/2` → `một phần hai`; others (`455/473`) `a trên b` and flagged (R12.3), but for so
    many of a total that a counted noun follows (`42/45 vụ`, `2/3 đối tượng`: `_counted_share`)."""
    a, b = int(m[1]), int(m[2].replace(".", ""))
    opts = ctx.options
    if (m[1], m[2]) in _ROUND_THE_CLOCK:
        return f"{cardinal(a, opts)} trên {cardinal(b, opts)}"
    if _counted_share(m, a, b):
        return f"{read_number(m[1], ctx)} trên {read_number(m[2], ctx)}"
    if 0 < b <= 10 and a < b:  # `24/7` is no fraction: read `trên` below
        # A quarter is «phần tư» everywhere, as «thứ tư» (R10.1), whatever `four_after_tens`.
        spoken = f"{cardinal(a, opts)} phần {'tư' if b == 4 else cardinal(b, opts)}"
        if 1 <= a <= 31 and 1 <= b <= 12:
            ctx.flag(
                "R7.2",
                WARNING,
                f"«{m[0]}» được đọc là phân số «{spoken}»; nếu là ngày tháng, hãy viết "
                f"«ngày {m[0]}».",
                m[0],
            )
        return spoken
    spoken = f"{read_number(m[1], ctx)} trên {read_number(m[2], ctx)}"
    if _counted_share(m, a, b, _MEMBERS_AFTER):
        return spoken
    ctx.flag(
        "R12.3",
        WARNING,
        f"«{m[0]}» được đọc là «{spoken}»; kiểm tra lại ý nghĩa và viết rõ bằng lời nếu cần.",
        m[0],
    )
    return spoken


def _slash_run(written: str, ctx: Context) -> str:
    """Hold `5/12/26` (Q1): a date with its year cut short, or a code; never guess which."""
    spoken = " trên ".join(read_number(part, ctx) for part in written.split("/"))
    ctx.flag(
        "Q1",
        BLOCKING,
        f"«{written}» không rõ cách đọc: tạm đọc «{spoken}». Cách sửa: nếu là ngày tháng, viết năm "
        f"đủ bốn chữ số (như «5/12/2026»); nếu là số nhà, viết «số nhà {written}»; còn lại viết "
        "rõ bằng lời.",
        written,
    )
    return spoken


def _house_number(m: re.Match[str], text: str, ctx: Context) -> str:
    """`hẻm 45/2` → `hẻm bốn mươi lăm trên hai`, `nhà số 123/4A` → `… một trăm hai mươi ba trên
    bốn A`: a slash in an address is said «trên», as R12.3 reads `a/b`, but with no flag, the
    address word telling what it is; elsewhere (`tỷ lệ 45/2`) `_fraction` reads it."""
    if not ends_before(_HOUSE_WORD, text, m.start()) and not (
        ends_before(_HOUSE_NUMBER_WORD, text, m.start()) and _STREET_AFTER.match(text, m.end())
    ):
        return m[0]
    parts = [m[1], *m[2].split("/")[1:]]
    said = []
    for part in parts:
        digits, letter = part.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), part.lstrip("0123456789")
        said.append(f"{read_number(digits, ctx)} {letter}".rstrip())
    return " trên ".join(said)


def read_remaining_numbers(text: str, ctx: Context) -> str:
    """Pass P6: ranges (R12.1), `+` (R12.2), fractions (R12.3), signs (R12.4), the rest (R2, R3)."""

    if not has_digit(text):
        return text  # every rule here reads digits

    def number_range(m: re.Match[str]) -> str:
        first, second = read_number(m[1], ctx), read_number(m[2], ctx)
        if ends_before(_SCORE_LEAD, text, m.start()):
            return f"{first} {second}"
        if m[1].isdigit() and m[2].isdigit() and int(m[1]) >= int(m[2]):
            ctx.flag(
                "R12.1",
                BLOCKING,
                f"«{m[0]}» không phải một khoảng (số trước không nhỏ hơn số sau): có thể là tỷ "
                "số, mã số hay số nhà. Cách sửa: viết rõ bằng lời (ví dụ «tỷ số 2-1», «từ 5 đến "
                "7 người»).",
                m[0],
            )
            return f"{first} - {second}"
        lead = "" if ends_before(RANGE_LEAD, text, m.start()) else "từ "
        return f"{lead}{first} đến {second}"

    if "-" in text:
        text = _RANGE.sub(number_range, text)
    if "+" in text:
        text = _PLUS.sub(lambda m: f"{read_number(m[1], ctx)} cộng {read_number(m[2], ctx)}", text)
    if "/" in text:
        text = _COUNT_SLASH.sub(", ", text)
        text = _HOUSE_NUMBER.sub(lambda m: _house_number(m, text, ctx), text)
        text = _SLASH_RUN.sub(lambda m: _slash_run(m[0], ctx), text)
        text = _FRACTION.sub(lambda m: _fraction(m, ctx), text)
    if "-" in text:
        text = _NEGATIVE.sub("âm ", text)

    def lettered(m: re.Match[str]) -> str:
        if m[0] in ctx.abbreviations or not ends_before(_ADDRESS_WORD, text, m.start()):
            return m[0]
        if m[3] and not ends_before(_CLASS_WORD, text, m.start()):
            return m[0]
        after = f" {read_number(m[3], ctx)}" if m[3] else ""
        return f"{read_number(m[1], ctx)} {m[2]}{after}"

    text = _LETTERED.sub(lettered, text)
    if "G" in text:
        text = _NETWORK.sub(lambda m: f"{read_number(m[1], ctx)} G", text)
    return _ANY_NUMBER.sub(lambda m: _said_before_the_next(m, ctx), text)


_SPACED_RUN = re.compile(r"\d++(?>(?:[^\S\n]++\d++)+)(?![\w/:]|[.,]\d)")
"""Numbers with only spaces between them, from the first (`12 3 2024`, `7 30`, `3 5`)."""
_DATE_BEFORE_RUN = re.compile(r"(?<!\w)(?i:(?P<day>ngày)|hôm|sáng|trưa|chiều|tối|đêm)[^\S\n]++$")
"""A day's word right before a date (`Ngày 15 3`, `Đêm 30 4`, `Sáng 12 3 2024`); only «ngày»
names a day so surely that a count after the run does not make it one (`Hôm 5 3 đối tượng`)."""
_CULPRITS_AFTER_RUN = re.compile(r"[^\S\n]++(?i:tên|kẻ)(?!\w)")
"""Culprits counted after a run (`Trong đêm 2 3 tên cướp`): a count, no date. Only here: after
an account's number «tên» names its holder (`tài khoản 0123… tên Nguyễn Văn A`)."""
_TIME_BEFORE_RUN = re.compile(r"(?<!\w)(?i:lúc)[^\S\n]++$")
_PART_OF_DAY_AFTER = re.compile(r"[^\S\n]++(?i:sáng|trưa|chiều|tối|đêm)(?!\w)")
_UNIT_AFTER_RUN = re.compile(
    r"[^\S\n]++(?i:giờ|phút|giây|tiếng|ngày|tuần|tháng|năm)(?!\w)"
    r"(?![^\S\n]++(?i:học|trước|hôm|ngoái|này|đó|kia|rồi)(?!\w))"
)
"""A unit ending a run of spaced numbers: `Trong 3 5 ngày` may be a span «ba đến năm ngày»; not
a word naming a time of its own (`Lớp 10 11 12 năm học`, `Xe 29 30 tháng trước`); «tới»,
«sau», «qua», «nay» only say when the span is (`Trong 3 5 ngày tới`)."""
_YEAR_DIGITS = 4
_LAST_DAY, _LAST_MONTH, _LAST_HOUR, _MINUTES = 31, 12, 24, 60


def _date_or_time_shaped(run: str, before: str, after: str) -> bool:
    """Whether spaced numbers `run` may be a date or a time written without its marks, by the
    words `before` and `after` it: `Ngày 12 3 2024`, `Ngày 5 3` (5/3 more likely than a date and
    a count), `Lúc 7 30`, `7 30 sáng`, `3 5 ngày`; not `Khoảng 20 30 người` (a rough count)."""
    written = run.split()
    numbers = [int(n) for n in written]
    with_year = len(numbers) == 3 and len(written[2]) == _YEAR_DIGITS
    date = (with_year or len(numbers) == 2) and 1 <= numbers[0] <= _LAST_DAY
    date = date and 1 <= numbers[1] <= _LAST_MONTH
    time = len(numbers) == 2 and numbers[0] <= _LAST_HOUR and numbers[1] < _MINUTES
    day_word = _DATE_BEFORE_RUN.search(before) if date else None
    counted = quantity_follows(after, 0) or _CULPRITS_AFTER_RUN.match(after) is not None
    if day_word and (with_year or day_word["day"] or not counted):
        return True
    if time and (_TIME_BEFORE_RUN.search(before) or _PART_OF_DAY_AFTER.match(after)):
        return True
    return _UNIT_AFTER_RUN.match(after) is not None


def _told_if_a_date_or_time(m: re.Match[str], ctx: Context) -> None:
    """Q5 for a run of spaced numbers starting at `m` shaped as a date or a time beside its
    words: read as a list («mười hai, ba, hai nghìn …»), it may have been a date, a time or a
    span."""
    run = _SPACED_RUN.match(m.string, m.start())
    if run is None:
        return
    before = m.string[max(0, run.start() - 12) : run.start()]
    if not _date_or_time_shaped(run[0], before, m.string[run.end() : run.end() + 40]):
        return
    ctx.flag(
        "Q5",
        WARNING,
        f"Các số «{run[0]}» chỉ cách nhau bằng dấu cách, cạnh một chữ chỉ ngày giờ: đã đọc "
        "thành từng số riêng, nhưng có thể là ngày tháng, giờ phút hoặc một khoảng. Cách sửa: "
        "viết rõ («12/3/2024», «7 giờ 30», «3 đến 5 ngày») hoặc ngăn các số bằng dấu phẩy.",
        run[0],
    )


def _said_before_the_next(m: re.Match[str], ctx: Context) -> str:
    """A number in words, and a pause when another number follows it after a space only (`Thẻ
        2019 2020 2021`, `nhóm 12 1234 người`): read together, the listener heard one number. (A
    code's digits after «mã» are read one by one before this: publish.radio.entry_codes.)"""
    said = read_number(m[1], ctx)
    if not _NUMBER_NEXT.match(m.string, m.end()):
        return said
    if not ends_before(_NUMBER_BEFORE, m.string, m.start()):
        _told_if_a_date_or_time(m, ctx)  # once a run, from its first number
    return f"{said},"
