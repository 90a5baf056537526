"""Pass P4: numbers with attached units — money (R5), percent (R4), measures (R6); symbols (R12.2)."""

from __future__ import annotations

import re
from collections.abc import Callable

from publish.number_words import (
    CURRENCIES,
    SCALE,
    alternation,
    money_follows,
    quantity_follows,
)
from publish.radio.flags import BLOCKING, WARNING, Context
from publish.radio.numbers import (
    COUNTED_NOUN,
    NUMBER,
    NUMBER_ALONE,
    RANGE_LEAD,
    has_digit,
    read_amount,
    read_number,
)
from publish.radio.tail import ends_before

__all__ = [
    "CHANGE_ARROWS",
    "UNITS",
    "money_follows",
    "quantity_follows",
    "read_measures",
    "read_rates",
]

UNITS = {
    "km": "ki-lô-mét",
    "Km": "ki-lô-mét",
    "m": "mét",
    "cm": "xăng-ti-mét",
    "mm": "mi-li-mét",
    "kg": "ki-lô-gam",
    "g": "gam",
    "gr": "gam",  # `500gr ma túy`, as seizure reports often write a gram
    "mg": "mi-li-gam",
    "t": "tấn",
    "l": "lít",
    "ml": "mi-li-lít",
    "m2": "mét vuông",
    "m²": "mét vuông",
    "m3": "mét khối",
    "cm3": "xăng-ti-mét khối",
    "cm³": "xăng-ti-mét khối",
    "m³": "mét khối",
    "km2": "ki-lô-mét vuông",
    "km²": "ki-lô-mét vuông",
    "ha": "héc-ta",
    "cc": "phân khối",
    "°C": "độ C",
    "ºC": "độ C",
    "oC": "độ C",
    "℃": "độ C",  # one character, which NFC keeps: dropped as a pictograph, «ba mươi» alone
    "° C": "độ C",
    "°F": "độ F",
    "℉": "độ F",
    "°": "độ",  # an angle, or a temperature with no scale: «ba mươi°» was left to the reader
    "º": "độ",  # the ordinal sign typed for a degree, as in `ºC`
    "kW": "ki-lô-oát",
    "kWh": "ki-lô-oát giờ",
}
_DENOMINATORS = {**UNITS, "h": "giờ", "s": "giây", "L": "lít"}
_SPELLED_UNIT = r"(?i:mi-?li-?gam|ki-?lô-?gam|kilogam|gam|mi-?li-?lít|lít|ki-?lô-?mét|mét)"
_SPELLED_UNIT_WORD = re.compile(_SPELLED_UNIT)
"""A unit written out (`lít`, `miligam`): after a unit's `/` it is the unit below, never a period."""
_SPELLED_PER = re.compile(
    r"(?<![\w-])(" + _SPELLED_UNIT + r")\s?/\s?(?=(?:\d+\s?)?(?:" + _SPELLED_UNIT + r"|"
    r"(?i:ml|l|giờ))(?!\w))"
)
"""`0,25 miligam/1 lít khí thở`, the decree's own wording: a unit written out over a unit, read
`trên` like `mg/l` (R6.1); the `1`/`100` of the denominator is read."""
_NUM = NUMBER_ALONE
_MONEY = re.compile(_NUM + SCALE + r"\s?(" + alternation(CURRENCIES) + r")(?!\w)(?!/[cC](?!\w))")
"""`(?!/c)`: `5 đ/c` is five comrades (đồng chí, R14.4), no money."""
_MONEY_PREFIX = re.compile(r"(?<!\w)([$€]|USD|EUR)\s?(" + NUMBER + r")" + SCALE)
_INFORMAL = re.compile(_NUM + r"\s?(k|tr|củ)(?!\w)")  # `5K` is a slogan, not money
_ROOT_COUNTED = re.compile(
    r"\s++(?i:sâm|tỏi|hành|khoai|gừng|nghệ|cà rốt|sắn|mì|kiệu|riềng|sả|cải|đậu|năng|dong|mài"
    r"|tam thất)(?!\w)"
)
"""After `củ`, what it counts (`3 củ sâm`, `5 củ tỏi`): the classifier of roots and bulbs, no
slang million; `5 củ` alone or before anything else stays «năm triệu» (R5.4), `5 củ từ …` too
(«từ» is «from» far more often than a yam)."""
_MILLION_DONG = re.compile(_NUM + r"\s?tr\.?\s?(?:đồng|đ)(?!\w)(\.)?")
"""`50 trđ`, `50 tr.đ`, `50 tr.đồng`, `50 trđ.`: an informal million with its currency, read
«triệu đồng» (`_INFORMAL` read «năm mươi trđ», «năm mươi triệu.đồng»)."""
_NEXT_CHARACTER = re.compile(r'[ "“”]*+(.)', re.DOTALL)
_PERCENT = re.compile(_NUM + r"\s?([%‰])")
_MEASURE = re.compile(
    r"(?<![\w.,])(-)?(" + NUMBER + r")\s?(" + alternation(UNITS) + r")"
    r"(?:\s?/\s?(?:(" + NUMBER + r")\s?)?(" + alternation(_DENOMINATORS) + r"|[^\W\d_]+))?(?!\w)"
)
"""`0,4 mg / lít` typed with spaces is the same unit over a unit: the slash went unsaid."""
_UNIT = r"(?:(?:" + alternation(CURRENCIES) + "|" + alternation(UNITS) + r")(?!\w)|[%‰])"
_SCALE_WORD = r"\s?(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)"
_UNIT_RANGE = re.compile(
    _NUM
    + r"((?:"
    + _SCALE_WORD
    + r")?(?:\s?"
    + _UNIT
    + r")?)\s*-\s*(?="
    + NUMBER
    + r"(?:"
    + SCALE
    + r"\s?"
    + _UNIT
    + r"|"
    + _SCALE_WORD
    + r"))"
)
"""`4-6 triệu đồng`, `5-10%`, `800.000 đồng - 1.000.000 đồng`, `100 triệu - 1 tỷ đồng`: the
dash of a range (R12.1); an end with a scale word is an amount even with no unit after it."""
_INFORMAL_RANGE = re.compile(
    _NUM + r"((?:\s?(?:k|tr)(?!\w))?)\s*-\s*(?=" + NUMBER + r"\s?(?:k|tr)(?!\w))"
)
"""`10tr-50tr`, `500k-1tr`, `4-6tr`: a range of informal amounts, its last end written so (R5.4,
R12.1); the dash was left between the words, «mười triệu-năm mươi triệu», «bốn-sáu triệu», or
read as a clause's comma."""
_BARE_CLOSE = r"(?:\s++(?i:so với)(?!\w)[^()\n]*+)?\s*+\)"
"""What closes a bare number's bracket: nothing (`8 (-2)`), or the period it is compared with
(`47 trường hợp (+12 so với tuần trước)`), which makes it no less the result's change: read
«cộng mười hai so với tuần trước», «âm mười hai …», a presenter stumbled on a count below zero."""
_CLAUSE_CLOSE = r"(?:\s++(?i:so với)(?!\w)[^,;.!?()\n]*+)?(?=[^\S\n]*+(?:[,;.!?\n]|$))"
"""What closes a bare number's clause with no bracket (`giảm 5, -2 so với cùng kỳ.`): a comma,
a stop or the paragraph's end, with the period it is compared with or not."""
_MINUS = re.compile(
    r"(?<![\w.,)/%‰-])-(?="
    + NUMBER
    + r"(?:"
    + SCALE
    + r"\s?(?:(?P<share>[%‰])|(?P<amount>"
    + alternation(CURRENCIES)
    + r")(?!\w))|(?P<count>\s*+"
    + COUNTED_NOUN
    + r")|(?P<bare>"
    + _BARE_CLOSE
    + r")|(?P<clause>"
    + _CLAUSE_CLOSE
    + r")))"
)
"""`-15%`, `-500.000 đồng`: a negative amount, `âm` (R12.4), like a measure's sign (R6.4); in a
result's place or compared (`so với`), a fall (`_minus_said`); a count (`-5 vụ`) is a fall
anywhere; a number closing a bracket (`(-2)`) only in a result's place, elsewhere P6 reads it
`âm`. A dash glued to a share (`10%-30%`) is a range's, never a sign: it was «mười phần trămâm
ba mươi phần trăm»."""
_SIGN_AFTER_COMMA = re.compile(r"(?<=[^\W_]),[^\S\n]*+([+-])[^\S\n]*+(?=\d)")
"""`giảm 5,-2`, `giảm 5 vụ, - 2`: a comma after a figure or a word, then a signed figure however
spaced, is a clause's comma (no decimal comma has a sign after it), written `, -2` for the
clause rule of
`_minus_said` and `_plus_said`: it was «giảm năm,-hai» (the minus left for the presenter) and
«giảm năm, hai» (the sign lost, a dash between words)."""
_METRES_AND_CENTIMETRES = re.compile(r"(\d)(?<![\w.,]\d)m(\d{2})(?!\w|[.,]\d)")
"""`cao khoảng 1m65`, as a wanted notice gives a height: «một mét sáu mươi lăm» (it held the
bulletin as digits left unread, Q1)."""


def _said_before(words: tuple[str, ...]) -> re.Pattern[str]:
    """A sign right after one of `words`, with a bracket or not between (`giảm (-15%)`)."""
    alternatives = "|".join(word.replace(" ", r"\s+") for word in words)
    return re.compile(r"(?<!\w)(?i:" + alternatives + r")\s*+\(?+\s*+$")


_FALL_WORDS = ("giảm", "lỗ", "thấp hơn", "ít hơn", "nhỏ hơn")
_FALL_BEFORE = _said_before(_FALL_WORDS)
"""`giảm (-15%)`, `lỗ -5 triệu đồng`, `thấp hơn -3 vụ`: the fall is said already, never «giảm
giảm», «giảm âm» nor «lỗ âm» (a double negative, heard as a gain)."""
_RESULT_BEFORE = re.compile(
    r"(?:\(|(?<!\w)(?i:tương ứng|tương đương)\s*+[:(]?+"
    r"|(?<!\w)(?i:giảm)\s++\d[\d.,]*+(?:\s++[^\W\d_]++){0,3}\s*+[,;])\s*+$"
)
"""Where a results table puts a change: opening a bracket (`giảm 2 vụ (-14,3%)`, `(-5 vụ)`,
`Số vụ: 8 (-2)`), after `tương ứng`, or after a fall it goes on (`giảm 5 vụ, -10%`)."""
_SAME_AS = r"(?i:tương ứng|tương đương)\s*+[:(]?+\s*+"
_CHANGE_BEFORE = re.compile(
    r"(?<!\w)(?i:(?P<rise>tăng(?>(?:\s++thêm)?))|giảm)\s++\d(?>(?:[.,]?\d)*)"
    r"(?P<share>\s?[%‰])?(?P<noun>(?:\s++[^\W\d_]++){0,3})\s*+"
    r"(?P<tail>\(\s*+(?>(?:"
    + _SAME_AS
    + r")?)|[,;]\s*+(?>(?:"
    + _SAME_AS
    + r")?)|"
    + _SAME_AS
    + r")$"
)
"""A change said in words with its figure, right before a bracket, a comma or `tương ứng`
(`tăng 3 vụ (`, `giảm 15% (`, `tăng 3 vụ, `, `tăng 3 vụ (tương ứng `): what follows gives the
same change another way (`tăng 3 vụ (+15%)`, `giảm 5 vụ, -10%`), so a sign the other way
(`tăng 3 vụ (-15%)`, `tăng 3 vụ, tương ứng -15%`) says both «tăng» and «giảm» of one figure
(R12.4)."""
_SHARE_AFTER = re.compile(r"\s?[%‰]")
_BARE_AFTER = re.compile(_BARE_CLOSE)
"""After a sign's number: a share (`-15%`), or nothing before the bracket closes (`(-2)`)."""
_NOUN_AFTER = re.compile(r"\s*+" + COUNTED_NOUN)
_BARE_RESULT_BEFORE = re.compile(
    r"(?:\d[%‰]?+(?:\s++" + COUNTED_NOUN + r")?\s*+\(|(?<!\w)(?i:tương ứng|tương đương)\s*+[:(]?+)"
    r"\s*+$"
)
"""A bare number says what it changes by only right after that result (`Số vụ: 8 (-2)`,
`8 vụ (-2)`) or `tương ứng`: with no result before it (`nhiệt độ (-2)`, `chênh lệch (-2)`) the
number is the value itself, «âm hai», not a fall «giảm hai»."""
_COUNT_NAMED_BEFORE = re.compile(
    r"(?:(?<!\w)(?i:số)|\d[%‰]?+)(?:\s++(?i:lượng))?\s++"
    + COUNTED_NOUN
    + r"(?>(?:\s++[^\W\d_]++){0,5})\s*+\(\s*+$"
)
"""A count named before a bracket, with its figure or without (`3 người chết (-1)`, `số người
chết (-1)`, `tổng số vụ tai nạn giao thông (+2)`): a count is never below zero, so the bare
number is its change, as in `8 vụ (-2)`."""
_COUNTED_BEFORE = re.compile(
    r"(?<!\w)" + COUNTED_NOUN + r"((?>(?:\s++[^\W\d_]++){0,5}))\s*+\(\s*+$"
)
"""A counted noun before a bracket with neither its figure nor `số` (`người chết (-1)`): a
count all the same, but of what (this one person? the deaths?), the reader cannot say."""
_COMPARED_AFTER = re.compile(r"\s*+(?i:so với)(?!\w)")
"""`-15% so với cùng kỳ`: a change against a period, as a results table writes it."""
_DATE_WORD = (
    r"(?i:một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|không|"
    r"linh|lẻ|giêng|chạp)"
)
_WHEN_BEFORE = re.compile(
    r"(?<!\w)(?i:năm|tháng|quý|ngày)(?>(?:\s+(?:\d+|" + _DATE_WORD + r"(?!\w)))+)\s*+\(\s*+$"
)
"""A year or a date right before a bracket (`năm 2024 (+2)`, a date P3 has read, `… tháng mười
hai (-2)`): no figure a change belongs to, so neither «tăng» nor «giảm» can be said (R12.4)."""


def _bracketed(text: str, m: re.Match[str]) -> str:
    """The bracket a bare number at `m` stands in, as written but for spaces around its sign and
    number (`( - 2 )` → `(-2)`; `(+12 so với tuần trước)` keeps its words)."""
    close = text.find(")", m.start())
    inside = re.sub(r"^([+-])\s+", r"\1", text[m.start() : close].strip())
    return f"({inside})"


def _magnitude(excerpt: str) -> str:
    """The number of a bracket `_bracketed` gave, without its sign (`(-2 so với …)` → `2`)."""
    return excerpt.strip("()+-").split()[0]


def _a_result_before(text: str, m: re.Match[str], ctx: Context) -> bool:
    """Whether the bare number in brackets at `m` changes the result right before it (`8 (+2)`);
    after a year or a date it changes no figure the text names: read as written and held, for
    the editor to say what rose or fell (a presenter cannot guess it)."""
    if ends_before(_WHEN_BEFORE, text, m.start()):
        excerpt = _bracketed(text, m)
        change = "giảm" if excerpt.startswith("(-") else "tăng"
        ctx.flag(
            "R12.4",
            BLOCKING,
            f"Số trong ngoặc «{excerpt}» đứng ngay sau một năm hay ngày tháng, không sau con số "
            "nó thay đổi: người nghe không biết cái gì tăng hay giảm, bản đọc chỉ đọc dấu như "
            f"viết («cộng», «âm»). Cách sửa: viết rõ bằng lời, ví dụ «{change} 2 vụ so với năm "
            "2023».",
            excerpt,
        )
        return False
    if ends_before(_BARE_RESULT_BEFORE, text, m.start()) or ends_before(
        _COUNT_NAMED_BEFORE, text, m.start()
    ):
        return True
    if counted := ends_before(_COUNTED_BEFORE, text, m.start()):
        excerpt = _bracketed(text, m)
        change = "giảm" if excerpt.startswith("(-") else "tăng"
        count = counted[0][: counted.start(1) - counted.start()]
        ctx.flag(
            "R12.4",
            BLOCKING,
            f"Số trong ngoặc «{excerpt}» đứng sau «{counted[0].rstrip(' (')}» mà không có con số "
            f"nào trước (không có «số {count}» hay «8 {count}»): người đọc không biết đó là mức "
            "tăng giảm hay một số âm, bản đọc chỉ đọc dấu như viết («cộng», «âm»). Cách sửa: "
            f"viết rõ bằng lời, ví dụ «{change} {_magnitude(excerpt)} {count}».",
            excerpt,
        )
    return False


def _figure_end(m: re.Match[str]) -> int:
    """Where the share or the amount a sign at `m` stands before ends (`-15%|`)."""
    return m.end("share") if m["share"] is not None else m.end("amount")


def _minus_said(text: str, m: re.Match[str], ctx: Context) -> str:
    """`giảm` for a share's or a count's sign in a result's place (`_RESULT_BEFORE`), said as
    `(+12%)` is said `tăng`: «giảm ba vụ, âm mười lăm phần trăm» is heard as a double negative,
    a rise; for a share's or an amount's compared with a period (`-15% so với cùng kỳ`), and for
    a count's anywhere (`chênh lệch -2 vụ`, as `+2 vụ` is «tăng»): no count is below zero.
    Nothing after a word saying the fall (`giảm`, `lỗ`, `thấp hơn`: `_FALL_BEFORE`); after one
    saying the rise the sign is read as written and held, but for a share's or an amount's after
    `tăng trưởng`, `lãi` (a negative growth, `_SIGNED_RISES`). `âm`
    for an amount elsewhere (`số dư -5 triệu đồng`); a temperature (`(-2 độ C)`) and a bare
    number with no result before its bracket (`nhiệt độ (-2)`) are left for P6, `âm`."""
    if ends_before(_FALL_BEFORE, text, m.start()):
        return ""
    # Before a result's place: `tăng (-2 vụ)` opens a bracket as `giảm 2 vụ (-14%)` does, and
    # was read «tăng, giảm hai vụ» with no word to the editor.
    if rise := ends_before(_RISE_BEFORE, text, m.start()):
        word = rise[0].rstrip(" (")
        if m["count"] is None and m["bare"] is None:
            # A share, an amount or a figure closing its clause (`lãi -2.`): «tăng trưởng âm»,
            # «lãi âm» are said; after `tăng`, `cao hơn` the minus goes against the word, as
            # `tăng -2 vụ` does.
            if " ".join(word.casefold().split()) not in _SIGNED_RISES:
                _against_its_word(text, m, word, ctx)
            return "âm "
        _against_its_word(text, m, word, ctx)
        return "-"
    if _against_its_change(text, m, ctx, rise=True):
        return "âm " if m["share"] else "-"
    if (m["share"] or m["count"]) and ends_before(_RESULT_BEFORE, text, m.start()):
        return "giảm "
    if m["bare"] is not None:
        return "giảm " if _a_result_before(text, m, ctx) else "-"
    if m["clause"] is not None:
        return "giảm " if _change_goes_on(text, m, rise=False) else "-"
    if m["count"] is not None or _COMPARED_AFTER.match(text, _figure_end(m)):
        return "giảm "
    return "âm "


_PLUS_SIGN = re.compile(
    r"(?<![\w.,)/+-])(?<!\d )\+\s?(?=\d)(?!84[\s.)]*\d)(?:(?P<bare>(?="
    + NUMBER
    + _BARE_CLOSE
    + r"))|(?P<change>(?="
    + NUMBER
    + r"(?:"
    + SCALE
    + r"\s?(?:[%‰]|(?:"
    + alternation(CURRENCIES)
    + r")(?!\w))|"
    + _SCALE_WORD
    + r"|\s*+"
    + COUNTED_NOUN
    + r")))|(?P<clause>(?="
    + NUMBER
    + _CLAUSE_CLOSE
    + r")))?"
)
"""`(+10%)`, `(+2 vụ)`, `+5 triệu đồng`: a rise in a results table, said `tăng`; `3 + 2` is a
sum (R12.2); `+84 …` is a phone number the phone rules did not read, left for QA to flag, never
`tăng`. A bare number closing a bracket (`(+2)`) is a rise only where `_BARE_RESULT_BEFORE` says;
any other number (`chênh lệch +2`, `+2 độ C`) is read as written, `cộng`, as its minus is `âm`."""
_RISE_WORDS = ("tăng", "tăng trưởng", "tăng thêm", "lãi", "cao hơn", "nhiều hơn", "lớn hơn", "vượt")
_RISE_BEFORE = _said_before(_RISE_WORDS)
"""`tăng (+0,5%)`, `tăng trưởng +15%`, `lãi +5 triệu đồng`: the rise is said already, never
«tăng, tăng …» nor «tăng trưởng tăng …»."""
_SIGNED_RISES = frozenset({"tăng trưởng", "lãi"})
"""Rise words a negative share or amount may follow as its own sign (`tăng trưởng -15%`, a
negative growth; `lãi -5 triệu đồng`): read «âm», not held (session 69)."""


def _plus_said(text: str, m: re.Match[str], ctx: Context) -> str:
    """`tăng` for a plus before a share, a count or an amount (`(+10%)`, `(+2 vụ)`), nothing
    after a word saying the rise (`tăng`, `tăng trưởng`, `lãi`: `_RISE_BEFORE`); before a bare
    number in brackets, `tăng` only right after the result it changes (`8 (+2)`) or `tương
    ứng`, as `_minus_said` says `giảm`: elsewhere (`nhiệt độ (+2)`, `chênh lệch +2`, `+2 độ
    C`) the sign is read as written, `cộng` (R12.2), as the minus there is `âm`: never a rise
    the text does not say."""
    if ends_before(_RISE_BEFORE, text, m.start()):
        return ""
    signed = m["change"] is not None or m["bare"] is not None or m["clause"] is not None
    if signed and (fall := ends_before(_FALL_BEFORE, text, m.start())):
        _against_its_word(text, m, fall[0].rstrip(" ("), ctx)
        return "cộng "
    if signed and _against_its_change(text, m, ctx, rise=False):
        return "cộng "
    if m["change"] is not None:
        return "tăng "
    if m["bare"] is not None and _a_result_before(text, m, ctx):
        return "tăng "
    if m["clause"] is not None and _change_goes_on(text, m, rise=True):
        return "tăng "
    return "cộng "


def _change_goes_on(text: str, m: re.Match[str], *, rise: bool) -> bool:
    """Whether the bare figure closing its clause at `m` goes on a change said with its figure
    the same way, after a comma or `tương ứng` (`giảm 5, -2 so với cùng kỳ`, `tăng 5 vụ, +2`):
    the same change, «giảm», «tăng», as `giảm 5 (-2)` is; elsewhere (`Số vụ: 8, -2`,
    `nhiệt độ -2,`) the figure is a value, read as written."""
    change = ends_before(_CHANGE_BEFORE, text, m.start())
    return (
        change is not None
        and not change["tail"].startswith("(")
        and (change["rise"] is not None) is rise
    )


_SIGNED = re.compile(r"[+-]\s?[\d.,]*\d[%‰]?")


def _against_its_word(text: str, m: re.Match[str], word: str, ctx: Context) -> None:
    """Hold a sign right after a word saying the other way (`giảm +5%`, `lỗ +5 triệu đồng`,
    `tăng -2 vụ`): a change that way, or a slip of the key? Read as written («cộng», «âm»);
    «giảm tăng năm phần trăm» said both. The caller leaves unheld a share or an amount after
    `tăng trưởng`, `lãi`: `tăng trưởng -15%` is a negative growth, «tăng trưởng âm»."""
    found = _SIGNED.match(text, m.start())
    sign = found[0] if found else text[m.start()]
    plus = sign.startswith("+")
    ctx.flag(
        "R12.4",
        BLOCKING,
        f"Dấu {'cộng' if plus else 'trừ'} trong «{word} {sign}» ngược với chữ «{word}» đứng "
        "ngay trước: người đọc không biết con số tăng hay giảm, bản đọc chỉ đọc dấu như viết "
        f"(«{'cộng' if plus else 'âm'}»). Cách sửa: bỏ dấu («{word} {sign[1:].lstrip()}») hoặc "
        f"viết «{'tăng' if plus else 'giảm'} …» bằng lời.",
        sign,
    )


def _against_its_change(text: str, m: re.Match[str], ctx: Context, *, rise: bool) -> bool:
    """Hold a sign in a bracket right after a change said the other way with its figure (`tăng
    3 vụ (-15%)`, `giảm 3 vụ (+2)`; `rise`: the change the words must say for the sign at `m`
    to go against them), and tell whether it did. Read as written («âm», «cộng»): «tăng ba vụ,
    giảm mười lăm phần trăm» said both of one figure. Only a share, a bare number or a count of
    what the words count (`tăng 3 vụ (-2 vụ)`): `tăng 3 vụ (-2 người)` may count another thing,
    a share after a share (`tăng 12,5% (-1,2%)`) may be the rate against another period's, and
    a bracket with no sign (`(từ 5 lên 8)`, `(15%)`) says no way."""
    change = ends_before(_CHANGE_BEFORE, text, m.start())
    found = _SIGNED.match(text, m.start())
    if change is None or found is None or (change["rise"] is not None) is not rise:
        return False
    if m["clause"] is not None and change["tail"].startswith("("):
        return False  # `tăng 3 (-2, …)`: a bracket that goes on is no figure's change alone
    if found[0].endswith(("%", "‰")) or _SHARE_AFTER.match(text, found.end()):
        if change["share"] is not None:
            return False  # `tăng 12,5% (-1,2%)`: the rate's change against another period's
    elif m["clause"] is None and not _BARE_AFTER.match(text, found.end()):
        noun = _NOUN_AFTER.match(text, found.end())
        words = change["noun"].casefold().split()
        if noun is None or (words and words[: len(noun[0].split())] != noun[0].casefold().split()):
            return False
    if change["tail"].startswith("("):
        close = text.find(")", m.start())
        figure = text[m.start() : close if close >= 0 else found.end()].strip()
    else:
        after = _SHARE_AFTER.match(text, found.end()) or _NOUN_AFTER.match(text, found.end())
        figure = text[m.start() : after.end() if after else found.end()]
    # The excerpt a line is found by: the bracket as written (`(-15%)`), else the signed figure.
    excerpt = "(" + figure + ")" if change["tail"].rstrip() == "(" else figure
    written = text[change.start() : m.start()] + figure
    written += ")" if change["tail"].startswith("(") else ""
    turned = (
        text[change.start() : m.start()]
        + ("+" if rise else "-")
        + written[m.start() - change.start() + 1 :]
    )
    plus = not rise
    ctx.flag(
        "R12.4",
        BLOCKING,
        f"Dấu {'cộng' if plus else 'trừ'} trong «{' '.join(written.split())}» ngược với chữ "
        f"«{change['rise'] or 'giảm'}» đứng trước: người nghe không biết con số tăng hay giảm, "
        f"bản đọc chỉ đọc dấu như viết («{'cộng' if plus else 'âm'}»). Cách sửa: viết dấu cùng "
        f"chiều với chữ («{' '.join(turned.split())}») hoặc sửa chữ cho đúng chiều.",
        excerpt,
    )
    return True


RISE_ARROWS = "↑⬆▲"
FALL_ARROWS = "↓⬇▼"
CHANGE_ARROWS = RISE_ARROWS + FALL_ARROWS
"""Arrows a results table marks a change with (the emoji ⬆️ ⬇️ without their variation mark):
`tăng`, `giảm` beside a number; anywhere else no rule reads them (Q2)."""
_POINTING_ARROWS = re.compile(r"\s*[" + CHANGE_ARROWS + r"]+(?=\s*(?:[.!?:;,)]|$))", re.MULTILINE)
"""Arrows closing a clause with no number before them (`Xem kết quả bên dưới ⬇️`): a pointer
drawn for the eye, dropped as other emoji are (R1.9); one inside a clause (`Số vụ ↓ so với …`)
stays for Q2."""
_ARROW_BEFORE = re.compile(f"[{CHANGE_ARROWS}]" + r"\s?(?=\d)")
_ARROW_AFTER = re.compile(NUMBER_ALONE + r"(\s?[%‰])?\s?([" + CHANGE_ARROWS + "])")
"""`giảm 2 vụ (↓20%)`, `20% ↑`: the change's direction, said before the number."""
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
_PER_WORD = r"(?:(?:" + alternation(UNITS) + r")(?!\w)|" + _WORD + r")"
"""What a quantity is counted per: a word, or a unit (`người/km2`, whose digit ends no word)."""
_RATE = re.compile(
    r"\d(?<![\w.,]\d)\d*(?:[.,]\d+)*(?:\s?(?:nghìn|ngàn|triệu|tỷ|tỉ))?\s?"
    r"([%‰]|(?:" + alternation(UNITS) + r")(?=\s?/)|" + _WORD + r")"
    r"(\s?/\s?)(" + _PER_WORD + r"(?:\s?/\s?" + _PER_WORD + r")*)(?![\w/]|\s*\d)"
)
"""`25.000 đồng/kg`, `20%/năm`, `3 lần/tuần`, `đồng/người/tháng`: a quantity, then `/` and what
it is counted per."""
_RATE_SLASH = re.compile(r"\s?/\s?")
_PER_AMOUNT = re.compile(
    r"(\d\s?(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)\s?(?:(?:đồng|đ|VNĐ|VND)(?!\w))?"
    r"|(?:đồng|đ|VNĐ|VND)(?!\w)))\s?/\s?(?=\d)"
)
"""An amount over an amount (`3.000 đồng/1 triệu/ngày`, a loan shark's rate): `trên`, as
`mg/100 ml` is read (R6.1); the slash was dropped, «ba nghìn đồng một triệu mỗi ngày»."""
_PERIODS = frozenset({"ngày", "tuần", "tháng", "năm", "quý", "giờ", "phút", "giây", "ca", "buổi"})
"""After a percentage or a counted noun only these make `/` mean per (`3 vụ/việc` is `vụ, việc`)."""
_PER_ONE_PERIOD = re.compile(
    r"(\d\s?(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)\s?(?:(?:đồng|đ|VNĐ|VND)(?!\w))?"
    r"|(?:đồng|đ|VNĐ|VND)(?!\w)))\s?/\s?1\s?(" + "|".join(sorted(_PERIODS)) + r")(?!\w)"
)
"""An amount over one period (`10 triệu đồng/1 tháng`): «mỗi tháng», as `/tháng` is read;
«trên một tháng» was read."""
_SCALES = frozenset({"nghìn", "ngàn", "triệu", "tỷ", "tỉ"})
"""An amount with no currency after its scale word (`100 nghìn/tép`) is counted per anything, as
`đồng/tép` is: «một trăm nghìn tép» was heard as a hundred thousand doses."""
_PER_UNITS = frozenset(unit for unit in UNITS if len(unit) > 1)
"""After a counted noun, a unit is what it is counted per (`50 người/km2`); a lone letter after
`/` is more likely an abbreviation than a metre."""
_UNIT_DENOMINATORS = frozenset({"giờ", "phút", "giây"})
"""`80 km/giờ` is a unit over a unit like `km/h`, read `trên` (R6.1)."""
_SIZE = r"\d{1,3}(?:,\d{1,2})?"
"""One side of a size written `2x3m`, `2,5x4 m`: a short number."""
_SIZE_UNIT = r"(?:mm|cm|dm|km|m[23²³]?|mét)(?!\w)"
"""A length closing a size (`2x3m`, `20x30 cm`): what makes the letter `x` mean «nhân»."""
_SIZE_X = re.compile(r"\s?x\s?")
_SIZE_UNIT_AFTER = re.compile(r"\s?" + _SIZE_UNIT)


def _sized(m: re.Match[str]) -> str:
    """A chain `2x3x4` read «hai nhân ba nhân bốn» when a length closes it (`2x3x4m`), else
    left as written; matched whole, once: looking ahead from each x was quadratic."""
    if not _SIZE_UNIT_AFTER.match(m.string, m.end()):
        return m[0]
    return _SIZE_X.sub(" nhân ", m[0])


_HOUR_WORD = r"(?:không|một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|mươi|mốt|lăm)"
_NUMBER_AHEAD = rf"(?=\d|(?:{_HOUR_WORD}[^\S\n]++){{1,3}}giờ(?!\w))"
"""A number after a sign: its digits, or an hour P3 has read already (`≤ 24h`, «hai mươi tư
giờ»), which left the sign before no digit and for Q2 to block."""


_SAID_SIGNS = frozenset("%‰")
"""Signs read as words after the comparison signs are (`5%>3%`, «năm phần trăm hơn …»)."""


def _compared(words: str) -> Callable[[re.Match[str]], str]:
    """A sign's words, spaced from a word the sign was typed against (`12h<=24h`, its hour
    read by now: «mười hai giờ không quá …», not «giờkhông quá»), or from a sign later read as a
    word (`5%>3%`: «năm phần trăm hơn …», not «phần trămhơn»)."""

    def said(m: re.Match[str]) -> str:
        start = m.start()
        if not start:
            return words
        before = m.string[start - 1]
        return f" {words}" if before.isalnum() or before in _SAID_SIGNS else words

    return said


_SYMBOLS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"[~≈]\s*"), "khoảng "),
    (re.compile(r"±\s*"), "cộng trừ "),
    # `>=` and `<=` are `≥` and `≤` typed on a keyboard without them (R12.2); before `>`, `<`.
    # `->` is an arrow, read in P8 as a pause (`8h->17h` «tám giờ, mười bảy giờ»), never «hơn»;
    # `-->` a comment's end, left for Q2 (R14.6). `- >` is `->` typed with a space: an arrow too,
    # made one here before `>` reads «hơn» (`7h - > 11h` «bảy giờ, mười một giờ»).
    (re.compile(r"(?<![-<])-[^\S\n]++>(?![>=])"), "->"),
    (re.compile(r"(?<![<>=-])>=\s*" + _NUMBER_AHEAD), "≥ "),
    (re.compile(r"<=(?![<>=])\s*" + _NUMBER_AHEAD), "≤ "),
    (re.compile(r"(?<![<>=-])>\s*" + _NUMBER_AHEAD), _compared("hơn ")),
    (re.compile(r"<\s*" + _NUMBER_AHEAD), _compared("dưới ")),
    # `≥` is «not below» and `≤` «not above», as `<` is «dưới» and `>` «hơn»; «từ» before `≥`
    # says the lower bound already (`từ ≥ 3 lần`), no «từ không dưới». Before no number (`≥ A`)
    # they stay for Q2.
    (re.compile(r"(?<!\w)([Tt]ừ)[^\S\n]*≥\s*" + _NUMBER_AHEAD), r"\1 "),
    (re.compile(r"≥\s*" + _NUMBER_AHEAD), _compared("không dưới ")),
    (re.compile(r"≤\s*" + _NUMBER_AHEAD), _compared("không quá ")),
    (re.compile(r"(?<=\d)\s*×\s*(?=\d)"), " nhân "),
    # `2 x 3 m`, `2x3m`: the letter typed for ×, read «hai x ba mét» with no flag. Unspaced only
    # between short numbers before a length (`0912x45678` is a phone number mistyped, `29x1` a
    # plate: left for Q1); a capital only between spaces (`29X1` is a plate's series).
    (re.compile(r"(?<=\d)\s+[xX]\s+(?=\d)"), " nhân "),
    # `100m x 200m`: each side with its length; the x was left a letter, with no flag.
    (re.compile(r"(?<=\d)(\s?" + _SIZE_UNIT + r")\s*[xX]\s*(?=\d)"), r"\1 nhân "),
    (
        re.compile(r"(?<![\d.,])" + _SIZE + r"(?>(?:\s?x\s?" + _SIZE + r")+)"),
        _sized,
    ),
)
_GLUED_UNIT_WORD = re.compile(
    NUMBER_ALONE + r"(?=(?:mét|tấn|tạ|lít|gam|ki-?lô-?gam|ki-?lô-?mét|héc-?ta)(?!\w))"
)
"""A number typed against a unit written out (`3mét`, `2tấn`, `2x3mét`): the space missing, the
digits were left unread (Q1)."""
_SIZE_MARK = re.compile(r"\d\s*(?:" + _SIZE_UNIT + r")?\s*[xX]\s*\d")
"""A size's `x` between numbers (`2 x 3`, `2m x 3m`): this or a sign is in every `_SYMBOLS` match."""
_UNIT_AFTER_DIGIT = re.compile(r"\d\s?(?:" + alternation(UNITS) + r")(?!\w)")
"""In every `_MEASURE` match (a `/` after its unit is no letter): checked first, with no
look-behind tried at every character, as few paragraphs hold a unit."""


def _has_symbol(text: str) -> bool:
    """Whether `text` holds a sign or a size that `_SYMBOLS` reads: the signs looked for as
    strings (`re` checks a class at every character more slowly), a size only where an x is."""
    return (
        "~" in text
        or "≈" in text
        or "±" in text
        or ">" in text
        or "<" in text
        or "≥" in text
        or "≤" in text
        or "×" in text
        or (("x" in text or "X" in text) and _SIZE_MARK.search(text) is not None)
    )


def _spaced(m: re.Match[str]) -> str:
    """The number of a `_GLUED_UNIT_WORD` match and a space: `re` calls no template code for
    every paragraph, as it does for `r"\\1 "`, only this for each match."""
    return f"{m[1]} "


def read_rates(text: str) -> str:
    """`/` after a quantity means per: `25.000 đồng/kg` → `… đồng mỗi ki-lô-gam` (R6.1)."""
    # A unit over a unit stays for `_measures` (`km/h` → `trên giờ`). `mỗi`, not `một`: the
    # listener must not hear one more number.

    def spoken(m: re.Match[str]) -> str:
        counted, pers = m[1], _RATE_SLASH.split(m[3])
        per = pers[0]
        if counted in CURRENCIES or counted in _SCALES:
            if len(per) < 2 and per not in UNITS:
                return m[0]  # `5 đ/c` is five comrades (đồng chí)
        elif counted in UNITS:
            # `0,25 mg/lít khí thở` is a unit over a unit like `mg/l`: «trên lít», never «mỗi lít».
            if (
                per in _DENOMINATORS
                or per in _UNIT_DENOMINATORS
                or _SPELLED_UNIT_WORD.fullmatch(per)
            ):
                return m[0]
        elif per not in _PERIODS and per not in _PER_UNITS:
            return m[0]
        return m[0][: m.start(2) - m.start()] + "".join(f" mỗi {UNITS.get(p, p)}" for p in pers)

    if "/" not in text:
        return text
    text = _PER_ONE_PERIOD.sub(r"\1 mỗi \2", text)
    return _RATE.sub(spoken, _PER_AMOUNT.sub(r"\1 trên ", text))


def _money(text: str, ctx: Context) -> str:
    """Amounts with a currency before or after, informal amounts expanded and flagged."""

    def suffix(m: re.Match[str]) -> str:
        scale = f" {m[2]}" if m[2] else ""
        return f"{read_amount(m[1], ctx, m[2] or '')}{scale} {CURRENCIES[m[3]]}"

    def prefix(m: re.Match[str]) -> str:
        scale = f" {m[3]}" if m[3] else ""
        return f"{read_amount(m[2], ctx, m[3] or '')}{scale} {CURRENCIES[m[1]]}"

    def informal(m: re.Match[str]) -> str:
        if m[2] == "củ" and _ROOT_COUNTED.match(m.string, m.end()):
            return m[0]  # `3 củ sâm`: three roots, for the number rules; no «ba triệu sâm»
        scale = ctx.options.thousand_word if m[2] == "k" else "triệu"
        example = _thousands_written_out(m[1], ctx) if m[2] == "k" else f"{m[1]} triệu đồng"
        return _informal_said(m[0], f"{read_number(m[1], ctx)} {scale}", example, ctx)

    def million_dong(m: re.Match[str]) -> str:
        written = m[0].removesuffix(".") if m[2] else m[0]
        said = f"{read_number(m[1], ctx)} triệu đồng"
        spoken = _informal_said(written, said, f"{m[1]} triệu đồng", ctx)
        return f"{spoken}." if m[2] and _sentence_ends(m.string, m.end()) else spoken

    text = _MONEY.sub(suffix, text)
    if "$" in text or "€" in text or "USD" in text or "EUR" in text:
        text = _MONEY_PREFIX.sub(prefix, text)
    if "tr" in text:
        text = _MILLION_DONG.sub(million_dong, text)
    return _INFORMAL.sub(informal, text)


def _informal_said(written: str, spoken: str, example: str, ctx: Context) -> str:
    """`spoken`, an informal amount read in full, with the editor told (R5.4) and shown the
    amount written out (`example`): one example for all, «50.000 đồng», was a thousandth of
    `50tr`."""
    ctx.flag(
        "R5.4",
        WARNING,
        f"Số tiền viết kiểu khẩu ngữ «{written}»; đã đọc là «{spoken}». Nên viết đầy đủ "
        f"(ví dụ «{example}»).",
        written,
    )
    return spoken


_VIETNAMESE_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,3}))?")
"""A number written the Vietnamese way (`1.500`, `1,5`), whose thousands are whole dong."""


def _thousands_written_out(number: str, ctx: Context) -> str:
    """`200` of `200k` as the amount in dong, `200.000 đồng` (`1,5k` → `1.500 đồng`); a number
    written otherwise (`2.5k`, R3.4) keeps its figures, `2.5 nghìn đồng`."""
    m = _VIETNAMESE_NUMBER.fullmatch(number)
    if m is None:
        return f"{number} {ctx.options.thousand_word} đồng"
    dong = int(m[1].replace(".", "")) * 1000 + int((m[2] or "").ljust(3, "0"))
    return f"{dong:,} đồng".replace(",", ".")


def _sentence_ends(text: str, end: int) -> bool:
    """Whether a stop right before `end` ends the sentence: nothing, or a capital, after it
    (`50 trđ. Sau đó`), where `50 trđ. và` has the abbreviation's stop."""
    after = _NEXT_CHARACTER.match(text, end)
    return after is None or after[1].isupper() or after[1] == "\n"


_AGE = re.compile(r"\d{1,3}t$")
_AGE_CLOSE = re.compile(r"\s*(?:[,;)]|$)")
"""After `60t`, what ends a note on a person (`Nguyễn Văn A, 60t, trú …`, `(60t)`): an age
written short, where a weight goes on to what weighs it (`5t hàng`)."""


def _age(m: re.Match[str], ctx: Context) -> str:
    """`60t` closing a note: said «sáu mươi tuổi», never «sáu mươi tấn», and held for the
    editor to write out (a weight written so would be misread the other way)."""
    said = f"{read_number(m[2], ctx)} tuổi"
    ctx.flag(
        "Q5",
        BLOCKING,
        f"«{m[0]}» có thể là {said} hoặc {read_number(m[2], ctx)} tấn; tạm đọc «{said}». "
        f"Cách sửa: viết «{m[2]} tuổi» hoặc «{m[2]} tấn».",
        m[0],
    )
    return said


def _holds_an_arrow(text: str) -> bool:
    """Whether `text` holds one of the arrows `_arrows_said` reads (a search for each character
    costs less than one for the class, and most paragraphs hold none)."""
    return any(arrow in text for arrow in CHANGE_ARROWS)


def _arrows_said(text: str) -> str:
    """An arrow beside a number as «tăng» or «giảm» before it (`↓20%`, `20%↓`); none where the
    change is said right before (`tăng ↑5%`, `lỗ ↓5 triệu`), never «giảm giảm»; one pointing
    at what follows, closing a clause, dropped. Others stay for Q2."""

    def said(arrow: str, start: int) -> str:
        rise = arrow in RISE_ARROWS
        if ends_before(_RISE_BEFORE if rise else _FALL_BEFORE, text, start):
            return ""
        return "tăng " if rise else "giảm "

    text = _ARROW_BEFORE.sub(lambda m: said(m[0][0], m.start()), text)
    text = _ARROW_AFTER.sub(lambda m: f"{said(m[3], m.start())}{m[1]}{m[2] or ''}", text)
    return _POINTING_ARROWS.sub("", text) if _holds_an_arrow(text) else text


_ANGLE = re.compile(
    r"(?<![\w.,])(\d++(?:[.,]\d+)?)[^\S\n]?[°º][^\S\n]?(\d{1,2}(?:[.,]\d+)?)[^\S\n]?['′]"
    r"(?:[^\S\n]?(\d{1,2}(?:[.,]\d+)?)[^\S\n]?[\"″])?"
)
"""`10° 20'`, `10°20'30"`: an angle or a coordinate's degrees, minutes and seconds. Its `'` was
left after «hai mươi» on air, and `°` before a digit for Q2 (review of s80-radio)."""


def _angles(text: str, ctx: Context) -> str:
    """`10° 20'` → «mười độ hai mươi phút», seconds after it «giây»."""

    def said(m: re.Match[str]) -> str:
        words = f"{read_number(m[1], ctx)} độ {read_number(m[2], ctx)} phút"
        return f"{words} {read_number(m[3], ctx)} giây" if m[3] else words

    return _ANGLE.sub(said, text) if "°" in text or "º" in text else text


def _measures(text: str, ctx: Context) -> str:
    """Units directly after a number (R6.3), `a/b` units as `A trên B`, minus as `âm`."""
    text = _angles(text, ctx)

    def spoken(m: re.Match[str]) -> str:
        if m[3] == "t" and _AGE.match(m[0]) and _AGE_CLOSE.match(text, m.end()):
            return _age(m, ctx)
        words = f"{read_number(m[2], ctx)} {UNITS[m[3]]}"
        if m[1]:
            words = f"âm {words}"
        if m[5]:
            per = f"{read_number(m[4], ctx)} " if m[4] else ""
            below = m[5].lower() if _SPELLED_UNIT_WORD.fullmatch(m[5]) else m[5]
            words += f" trên {per}{_DENOMINATORS.get(below, below)}"
        return words

    if "m" in text:
        text = _METRES_AND_CENTIMETRES.sub(
            lambda m: f"{read_number(m[1], ctx)} mét {read_number(m[2], ctx)}", text
        )
    return _MEASURE.sub(spoken, text) if _UNIT_AFTER_DIGIT.search(text) else text


def _unit_ranges(text: str) -> str:
    """`a-b <unit>` → `từ a đến b <unit>`, the numbers left for the rules below (R12.1)."""

    def spoken(m: re.Match[str]) -> str:
        lead = "" if ends_before(RANGE_LEAD, text, m.start()) else "từ "
        return f"{lead}{m[1]}{m[2]} đến "

    if "tr" in text or "k" in text:
        text = _INFORMAL_RANGE.sub(spoken, text)
    return _UNIT_RANGE.sub(spoken, text)


def read_measures(text: str, ctx: Context) -> str:
    """Pass P4 (with the R12.2 comparison symbols, which attach to the number that follows)."""
    if _has_symbol(text):
        for pattern, words in _SYMBOLS:
            text = pattern.sub(words, text)
    if not has_digit(text):
        # Money, percentages and measures all start with a number; an arrow then points.
        return _POINTING_ARROWS.sub("", text) if _holds_an_arrow(text) else text
    text = _GLUED_UNIT_WORD.sub(_spaced, text)
    if _holds_an_arrow(text):
        text = _arrows_said(text)
    if "," in text:
        text = _SIGN_AFTER_COMMA.sub(r", \1", text)
    if "-" in text:
        text = _unit_ranges(_MINUS.sub(lambda m: _minus_said(text, m, ctx), text))
    if "+" in text:
        text = _PLUS_SIGN.sub(lambda m: _plus_said(text, m, ctx), text)
    text = _money(text, ctx)
    if "%" in text or "‰" in text:
        text = _PERCENT.sub(
            lambda m: f"{read_number(m[1], ctx)} {'phần trăm' if m[2] == '%' else 'phần nghìn'}",
            text,
        )
    if "/" in text:
        text = _SPELLED_PER.sub(r"\1 trên ", text)
    return _measures(text, ctx)
