"""Vietnamese number words (R2, R3): cardinals, digit strings, decimals, ordinals, Roman numerals."""

from __future__ import annotations

import functools
import re

from publish.number_words import COUNTED_NOUN
from publish.radio.either_case import word_alone
from publish.radio.flags import BLOCKING, WARNING, Context
from publish.radio.options import SpeakOptions

__all__ = [
    "COUNTED_NOUN",
    "DIGIT_WORDS",
    "NUMBER",
    "RANGE_LEAD",
    "cardinal",
    "digit_by_digit",
    "has_digit",
    "join_spaced_groups",
    "ordinal",
    "rank",
    "read_amount",
    "read_number",
    "roman_value",
]

DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")

NUMBER = r"\d+(?:[.,]\d+)*"
"""A numeric string as written: digits with `.`/`,` groups; `read_number` decides the meaning."""
NUMBER_ALONE = r"(\d(?<![\w.,]\d)\d*(?:[.,]\d+)*)"
"""`NUMBER` as a group, with no letter, digit, `.` or `,` before it. The look-behind comes after
the first digit: a pattern opening with a digit lets `re` skip to the next digit, one opening
with a look-behind is tried at every character of the text (several times slower)."""
RANGE_LEAD = re.compile(
    word_alone("(?i:từ|khoảng|trong|sau|mất|chừng|tầm|trên|dưới|quá)") + r"\s*$"
)
"""Words before a range of amounts that take no «từ» of its own: `trong 2-3 ngày` is «trong hai
đến ba ngày», never «trong từ hai đến ba ngày»; a penalty tier opened by `trên`, `từ trên`,
`dưới`, `vượt quá` (`trên 30 - 40 triệu đồng`) is «trên ba mươi đến …», never «trên từ ba mươi
…» (R12.1)."""

_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_VN_DECIMAL = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+),(\d+)")
_EN_DECIMAL = re.compile(r"(\d+)\.(\d{1,2})")
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}")
_LONE_EN_THOUSAND = re.compile(r"[1-9]\d{0,2},\d{3}")
"""`1,000`: maybe English thousands. `0,312` (a breath test's three decimals) never is."""
_EN_GROUPED_DECIMAL = re.compile(r"(\d{1,3}(?:,\d{3})+)\.(\d+)")
"""`5,000.50`: commas group thousands, a dot marks decimals — only ever the English style."""
_SPACED_GROUPS = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?: \d{3})+(?!\d| \d)")
"""`1 500 000` as pasted from Word/Excel (thin and no-break spaces are plain spaces by now).

The look-behind comes after the first digit, as in `NUMBER_ALONE`."""
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_LONGEST_CARDINAL = 18


def _triple(h: int, t: int, u: int, full: bool, opts: SpeakOptions) -> list[str]:
    """Words for one three-digit group under the triple rule of R2 step 4."""
    words: list[str] = []
    if h > 0 or full:
        words += [DIGIT_WORDS[h], "trăm"]
    if t == 0:
        if u and (h > 0 or full):
            zero = opts.zero_tens_word
            four = "tư" if zero == "linh" else "bốn"
            words += [zero, four if u == 4 else DIGIT_WORDS[u]]
        elif u:
            words.append(DIGIT_WORDS[u])
    elif t == 1:
        words.append("mười")
        if u:
            words.append("lăm" if u == 5 else DIGIT_WORDS[u])
    else:
        words += [DIGIT_WORDS[t], "mươi"]
        special = {1: "mốt", 4: opts.four_after_tens, 5: "lăm"}
        if u:
            words.append(special.get(u, DIGIT_WORDS[u]))
    return words


def _below_billion(n: int, full: bool, opts: SpeakOptions) -> list[str]:
    """Words for 0 < n < 10⁹: millions, thousands, units; zero groups skipped."""
    groups = ((n // 1_000_000, "triệu"), (n // 1000 % 1000, opts.thousand_word), (n % 1000, ""))
    words: list[str] = []
    for value, scale in groups:
        if value == 0:
            continue
        words += _triple(value // 100, value // 10 % 10, value % 10, full, opts)
        if scale:
            words.append(scale)
        full = True
    return words


def _cardinal_words(n: int, opts: SpeakOptions) -> list[str]:
    """Word list for a non-negative integer (R2); billions recurse before `tỷ`."""
    if n == 0:
        return ["không"]
    if n >= 10**9:
        words = [*_cardinal_words(n // 10**9, opts), "tỷ"]
        rest = n % 10**9
        return words + (_below_billion(rest, True, opts) if rest else [])
    return _below_billion(n, False, opts)


def cardinal(n: int, opts: SpeakOptions) -> str:
    """Read a non-negative integer in full: 2024 → `hai nghìn không trăm hai mươi tư`."""
    return " ".join(_cardinal_words(n, opts))


def digit_by_digit(text: str) -> str:
    """Plain digit words for every digit in `text` (R9.2): "113" → `một một ba`."""
    return " ".join(DIGIT_WORDS[int(c)] for c in text if c.isdigit())


def ordinal(n: int, opts: SpeakOptions) -> str:
    """The number after `thứ` (R10.1): 1 → `nhất`, 4 → `tư`, otherwise the cardinal."""
    return {1: "nhất", 4: "tư"}.get(n) or cardinal(n, opts)


def rank(n: int, opts: SpeakOptions) -> str:
    """The number after `giải`/`hạng`/`loại` (R10.3): 1 → `nhất`, 2 → `nhì`."""
    return {1: "nhất", 2: "nhì"}.get(n) or cardinal(n, opts)


def roman_value(token: str) -> int | None:
    """Value of a valid upper-case Roman numeral, else None."""
    if not token or not _ROMAN.fullmatch(token):
        return None
    total = 0
    for here, after in zip(token, [*token[1:], ""], strict=True):
        value = _ROMAN_VALUES[here]
        total += -value if after and _ROMAN_VALUES[after] > value else value
    return total


_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=1)
def has_digit(text: str) -> bool:
    """Whether `text` holds a digit (`\\d`, as every number rule reads): one paragraph goes
    through the passes in turn, most with no digit and unchanged, so the last answer is kept."""
    return _DIGIT.search(text) is not None


def join_spaced_groups(text: str) -> str:
    """`1 500 000` → `1.500.000` when every later group has three digits (R3.2 with spaces)."""
    if " " not in text or not has_digit(text):  # asked by the pass before of the same text
        return text
    return _SPACED_GROUPS.sub(lambda m: m[0].replace(" ", "."), text)


def _integer(digits: str, opts: SpeakOptions) -> str:
    """A plain digit run: cardinal, except code-like runs (leading zero, very long) by digit."""
    if (digits.startswith("0") and len(digits) >= 4) or len(digits) > _LONGEST_CARDINAL:
        return digit_by_digit(digits)
    return cardinal(int(digits), opts)


def _fraction_part(digits: str, opts: SpeakOptions) -> str:
    """Digits after the decimal comma (R3.3): zeros one by one, then ≤ 3 digits as a cardinal."""
    rest = digits.lstrip("0")
    words = ["không"] * (len(digits) - len(rest))
    if rest:
        words.append(cardinal(int(rest), opts) if len(rest) <= 3 else digit_by_digit(rest))
    return " ".join(words)


def _ambiguous(ctx: Context, written: str, spoken: str) -> str:
    """Flag an English-style number (R3.4, Q5) and return the reading chosen."""
    ctx.flag(
        "R3.4",
        WARNING,
        f"Cách viết số «{written}» không theo kiểu Việt Nam (dấu chấm ngăn nghìn, dấu phẩy "
        f"thập phân); đã đọc là «{spoken}». Kiểm tra lại và sửa cách viết trong bản tin.",
        written,
    )
    return spoken


def read_number(written: str, ctx: Context) -> str:
    """Read a numeric string per R3: thousands dot, decimal comma; English styles flagged."""
    opts = ctx.options
    if written.isdigit():
        return _integer(written, opts)
    if _GROUPED.fullmatch(written):
        return cardinal(int(written.replace(".", "")), opts)
    if m := _VN_DECIMAL.fullmatch(written):
        whole = cardinal(int(m[1].replace(".", "")), opts)
        if _LONE_EN_THOUSAND.fullmatch(written):
            if m[2].endswith("0"):  # `1,000`: no Vietnamese decimal ends in zero, likely English
                return _ambiguous(ctx, written, f"{whole} phẩy {_fraction_part(m[2], opts)}")
            return _lone_decimal(ctx, m[1], m[2])
        return f"{whole} phẩy {_fraction_part(m[2], opts)}"
    if m := _EN_DECIMAL.fullmatch(written):
        spoken = f"{_integer(m[1], opts)} phẩy {_fraction_part(m[2], opts)}"
        return _ambiguous(ctx, written, spoken)
    if _EN_THOUSANDS.fullmatch(written):
        return _ambiguous(ctx, written, cardinal(int(written.replace(",", "")), opts))
    if m := _EN_GROUPED_DECIMAL.fullmatch(written):
        whole = cardinal(int(m[1].replace(",", "")), opts)
        return _ambiguous(ctx, written, f"{whole} phẩy {_fraction_part(m[2], opts)}")
    parts = re.split(r"([.,])", written)
    spoken = " ".join(
        {".": "chấm", ",": "phẩy"}.get(part) or _integer(part, opts) for part in parts
    )
    return _ambiguous(ctx, written, spoken)


def _lone_decimal(ctx: Context, whole: str, fraction: str, scale: str = "") -> str:
    """`3,456 tỷ`: a decimal comma, as Vietnamese writes it (R3.1), read so (R3.3) and told, as
    English writes a thousand so too (R3.4): the warning names both, never «not Vietnamese»."""
    opts = ctx.options
    spoken = f"{cardinal(int(whole), opts)} phẩy {_fraction_part(fraction, opts)}"
    unit = f" {scale}" if scale else ""
    ctx.flag(
        "R3.4",
        WARNING,
        f"«{whole},{fraction}{unit}» được đọc là số thập phân «{spoken}{unit}» (dấu phẩy thập "
        f"phân, kiểu Việt Nam). Nếu dấu phẩy ở đây ngăn hàng nghìn kiểu nước ngoài "
        f"(«{cardinal(int(whole + fraction), opts)}{unit}»), viết «{whole}.{fraction}{unit}».",
        f"{whole},{fraction}",
    )
    return spoken


def read_amount(written: str, ctx: Context, scale: str = "") -> str:
    """The number of an amount of money (R5): `5,000` there is five thousand written the foreign
    way (R3.4), as no currency has a third decimal. Before a scale word a decimal is read as one
    (`3,456 tỷ`, R3.3), but one ending in zero (`1,200 tỷ`) is no way Vietnamese writes a decimal
    (`1,2 tỷ`) and may be 1.200 tỷ, a thousandfold more: not read, it blocks the item (Q5)."""
    if not _LONE_EN_THOUSAND.fullmatch(written):
        return read_number(written, ctx)
    whole, _, fraction = written.partition(",")
    if not scale:
        return _ambiguous(ctx, written, cardinal(int(whole + fraction), ctx.options))
    if not fraction.endswith("0"):
        return _lone_decimal(ctx, whole, fraction, scale)
    decimal = f"{whole},{fraction.rstrip('0')}".rstrip(",")
    ctx.flag(
        "R3.4",
        BLOCKING,
        f"Số tiền «{written} {scale}» không rõ nghĩa: dấu phẩy có thể là dấu thập phân "
        f"({decimal} {scale}) hoặc dấu ngăn nghìn kiểu nước ngoài ({whole}.{fraction} {scale}), "
        f"hai số chênh nhau một nghìn lần. Cách sửa: viết theo kiểu Việt Nam, «{decimal} {scale}» "
        f"hoặc «{whole}.{fraction} {scale}».",
        written,
    )
    return f"{cardinal(int(whole), ctx.options)} phẩy {_fraction_part(fraction, ctx.options)}"
