"""Small text helpers shared by every channel: NFC, Vietnamese slugs, Vietnamese dates, and
regex searches tried only where a word or a line starts."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache

from slugify import slugify as _slugify

from publish.sanitize import strip_markup

__all__ = [
    "CAPITALS",
    "CITIZEN_ID_SHAPE",
    "HIDDEN",
    "HIDDEN_ASTRAL",
    "HIDDEN_BMP",
    "SPACE_AFTER",
    "WEEKDAYS",
    "YEAR",
    "CharClass",
    "LineCounter",
    "LinePattern",
    "beyond_bmp",
    "born_after",
    "fold",
    "folded_words",
    "hidden_shown",
    "is_card",
    "is_citizen_id",
    "line_numbers",
    "mask",
    "mask_code",
    "masked_passport",
    "matches_at",
    "nfc",
    "one_tone_placement",
    "quoted",
    "slugify",
    "spoken_clause",
    "title_words",
    "tone_on_second",
    "vn_date",
    "vn_datetime",
    "vn_long_date",
    "vn_long_datetime",
    "vn_month",
    "vn_short_date",
    "vn_sort_key",
    "word_starts",
]

CAPITALS = "".join(
    c for c in map(chr, range(ord("A"), 0x1EFF)) if c.isupper() and c.isalpha() and c.isprintable()
)
"""Every capital letter a name may start with, English's and Vietnamese's (NFC) among them, for
a character class («[" + CAPITALS + "]»): one list for the rules that read names (the website's
phone links, the search index, the English personal-data rule), which had three that differed."""
SPACE_AFTER = ":;,.!?…"
"""Punctuation the next word follows after a space: a word glued to it where bold ends
(«**Giả danh ngân hàng:**Đối tượng») reads «hàng:Đối» once the bold is gone or even with it."""
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VIETNAMESE_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")
"""The combining marks of decomposed Vietnamese letters (tones, breve, circumflex, horn): the
block of combining diacritics, less U+034F (grapheme joiner), which is not a combining mark."""
NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_WORD = re.compile(r"[\W_]+")


class CharClass:
    """A character class searched for as one regex, but without its characters past U+FFFF
    when a text has none (nearly every text): re checks each character of a text against
    every range of such a class in turn, while one of the Basic Multilingual Plane alone it
    looks up in one table, 2-4 times faster on a bulletin's body. Finds what the whole class
    finds, at the same place."""

    def __init__(self, bmp: str, astral: str = "") -> None:
        """`bmp`, `astral`: the class's members and ranges (regex syntax, without brackets)
        below U+10000 and from it."""
        self.whole = re.compile(f"[{bmp}{astral}]")
        self._bmp = re.compile(f"[{bmp}]") if astral else self.whole

    SHORT = 256
    """Texts shorter than this (a title, a tag) are searched with the whole class: telling
    whether they go past U+FFFF would cost more than it saves."""

    def search(self, text: str) -> re.Match[str] | None:
        """The first character of the class in `text`, or None."""
        return self._for(text).search(text)

    def sub(self, replacement: str, text: str) -> str:
        """`text` with each character of the class replaced by `replacement`."""
        return self._for(text).sub(replacement, text)

    def _for(self, text: str) -> re.Pattern[str]:
        """The pattern that finds in `text` what the whole class finds."""
        return self._bmp if len(text) >= self.SHORT and not beyond_bmp(text) else self.whole


def beyond_bmp(text: str) -> bool:
    """Whether `text` holds a character past U+FFFF (an emoji, a tag character), told in C:
    UTF-16 writes each of those, and only those, in four bytes."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def nfc(text: str) -> str:
    """Normalise to Unicode NFC, the form every output uses."""
    return unicodedata.normalize("NFC", text)


HIDDEN_BMP = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
)
HIDDEN_ASTRAL = "\U000e0000-\U000e007f\U000e0100-\U000e01ef"
HIDDEN = re.compile(f"[{HIDDEN_BMP}{HIDDEN_ASTRAL}]")
"""Characters that show as nothing (zero-width spaces and joiners, soft hyphen, direction marks,
variation selectors): one inside "MẬT" would hide the stamp from the checks."""
_UNSHOWABLE = re.compile(HIDDEN.pattern[:-1] + "\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""HIDDEN, and what a terminal would act on or break a message's line at instead of showing
(an escape \\x1b, a line break, a lone surrogate that cannot even be printed)."""


def hidden_shown(text: str) -> str:
    """`text` with each character that shows as nothing, or that a terminal acts on, written as
    its code (\\u200b, \\x1b, \\n), so a message quoting a value shows what a reader of the file
    cannot see."""
    if not _UNSHOWABLE.search(text):
        return text
    return _UNSHOWABLE.sub(_code, text)


def _code(match: re.Match[str]) -> str:
    """The code of one character as a message shows it: \\n, \\x1b (a control), \\u00ad, \\U000e0041."""
    char = match[0]
    if char in "\n\r\t":
        return repr(char)[1:-1]
    number = ord(char)
    return (
        f"\\x{number:02x}"
        if number <= 0x9F
        else f"\\u{number:04x}"
        if number <= 0xFFFF
        else f"\\U{number:08x}"
    )


def quoted(value: object) -> str:
    """A value the editor wrote, quoted as every message quotes one: «8am», not Python's '8am'
    (whose escapes, '\\xa0' for a Word space, an editor cannot read); a character that shows as
    nothing is written as its code, and a list or table as the editor wrote it (["a", "b"])."""
    return f"«{hidden_shown(value if isinstance(value, str) else as_written(value))}»"


def as_written(value: object) -> str:
    """A value read from YAML or TOML as the editor wrote it: true, 2020-12-12, ["a", 1]."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_item_written(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{_item_written(key)}: {_item_written(item)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    return str(value)


def _item_written(value: object) -> str:
    """An item of a list or table as written inside it: a string in double quotes."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return as_written(value) if value is not None else "null"


def fold(text: str) -> str:
    """Lower-case and strip every Vietnamese diacritic (đ → d), for search and slugs."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    # One regex pass removes the Vietnamese marks (a per-character loop made search indexing
    # of 10,000 bodies take seconds); any other combining mark is rarer and checked one by one.
    stripped = VIETNAMESE_MARKS.sub("", decomposed)
    return stripped if stripped.isascii() else NON_ASCII.sub(_unless_combining, stripped)


def spoken_clause(written: str) -> str:
    """A value site.toml gives as part of a sentence: one line, no closing stop of its own."""
    return " ".join(written.split()).rstrip(" .;,")


def folded_words(text: str) -> str:
    """`text` folded, its words joined by single spaces: "Tối-mật (A)" → "toi mat a"."""
    return _NON_WORD.sub(" ", fold(nfc(text))).strip()


VN_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
"""The tones in dictionary order after the level one: huyền, hỏi, ngã, sắc, nặng."""
_SECOND_VOWEL_TONE = re.compile(r"[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?=[uU]?(?![^\W\d_]))")
"""«o» or «u» and a toned vowel ending a word, or before its last «u»: «toà», «khoẻ», «thuỷ»,
«khuỷu» (also written «khủyu»), and pairs _tone_moved leaves (one class, not the alternatives: a
third of the time, and this runs on whole bodies)."""
_MOVABLE = frozenset(("oa", "oe", "uy"))
"""The pairs whose tone may sit on either vowel at a word's end."""


def one_tone_placement(text: str) -> str:
    """NFC `text` with a tone written on the second vowel of a word-final «oa», «oe» or «uy»
    (or one before the word's last «u») moved to the first («toà» → «tòa», «khoẻ» → «khỏe»,
    «thuỷ» → «thủy», «khuỷu» → «khủyu», case kept): both
    placements are in use, and a matcher written with one must find the other. Each word keeps
    its length, so offsets in the result are offsets in `text`."""
    if not _SECOND_VOWEL_TONE.search(text):
        return text
    return _SECOND_VOWEL_TONE.sub(_tone_moved, text)


_TONE = "[" + "".join(VN_TONES) + "]"
_TONE_ON_FIRST = re.compile(f"(?<!q)(o(?={_TONE}[ae]$)|u(?={_TONE}y$))({_TONE})(.)$")
"""The tone of a word's final «oa», «oe», «uy» on the first vowel, decomposed (not «quý»)."""


def tone_on_second(word: str) -> str:
    """A lower-case word with the tone of its final «oa», «oe», «uy» on the second vowel, the
    inverse of `one_tone_placement`: where the longer words it starts have it («hòa», «hoà» →
    «hoà», which starts «hoàng», «hoàn»; «hùy», «huỳ» → «huỳ», «huỳnh»)."""
    return nfc(_TONE_ON_FIRST.sub(r"\1\3\2", unicodedata.normalize("NFD", word)))


def title_words(text: str) -> str:
    """`text`'s words as a title is compared (a body's heading repeating it: the radio does not
    read it again, the loader tells it): case, punctuation, Markdown marks, HTML, Unicode form
    and where «oà»/«òa» puts its tone do not count; tones do, as they tell words apart (a
    heading «Cảnh bào …» is not the title «Cảnh báo …»)."""
    said = one_tone_placement(unicodedata.normalize("NFC", strip_markup(text)))
    return " ".join(_TITLE_WORD.findall(said.casefold()))


_TITLE_WORD = re.compile(r"[^\W_]+")


def _tone_moved(match: re.Match[str]) -> str:
    """The two vowels of a `_SECOND_VOWEL_TONE` match, the tone moved to the first when they
    are «oa», «oe» or «uy» (not «quý», whose «u» is the consonant's)."""
    pair = match.group()
    second = unicodedata.normalize("NFD", pair[1])  # the vowel, then its tone mark
    at = match.start()
    if (pair[0] + second[0]).lower() not in _MOVABLE or match.string[at - 1 : at] in ("q", "Q"):
        return pair
    return unicodedata.normalize("NFC", pair[0] + second[1]) + second[0]


def _unless_combining(match: re.Match[str]) -> str:
    """The matched character, or nothing when it is a combining mark."""
    return "" if unicodedata.combining(match.group()) else match.group()


@lru_cache(maxsize=65_536)  # the same tags are slugged for every bulletin, list and page
def slugify(text: str, *, max_length: int = 80) -> str:
    """Vietnamese-aware slug: "Đường dây nóng" → "duong-day-nong" (đ → d, tone marks dropped)."""
    return _slugify(fold(nfc(text)), max_length=max_length, word_boundary=True) or "bai-viet"


def slug_file_name(name: str, *, folder: bool = False) -> str:
    """A name to give the file (or `folder`) `name` that a link or an address holds as written:
    its stem as a slug, its suffix in lowercase («Mẫu đơn.DOCX» → «mau-don.docx»); a suffix
    that is no word of letters and digits is slugged with the rest."""
    stem, suffix = (name, "") if folder else posixpath.splitext(name)
    if not (suffix[1:].isascii() and suffix[1:].isalnum()):
        stem, suffix = name, ""
    return slugify(stem) + suffix.lower()


def line_numbers(lines: Sequence[int], most: int) -> str:
    """ "dòng 4, 9" for the numbered `lines` of a message, naming at most `most` of them and
    counting the others: "dòng 1, 2 và 3 dòng khác"."""
    listed = ", ".join(str(line) for line in lines[:most])
    more = len(lines) - most
    return f"dòng {listed}" + (f" và {more} dòng khác" if more > 0 else "")


def vn_date(value: dt.date | dt.datetime) -> str:
    """Format as "Thứ Ba, 08/12/2020", the weekday computed, never typed."""
    # Not strftime: cards show a date each, ~200,000 a 10,000-bulletin build, 4× faster so.
    return f"{WEEKDAYS[value.weekday()]}, {value.day:02d}/{value.month:02d}/{value.year}"


def vn_short_date(value: dt.date | dt.datetime) -> str:
    """Format as "Thứ Tư, 8/7/2026": a card's date on the website, without leading zeros, which
    screen readers' Vietnamese voices (eSpeak) read digit by digit ("không tám không bảy")."""
    return f"{WEEKDAYS[value.weekday()]}, {value.day}/{value.month}/{value.year}"


def vn_long_date(value: dt.date | dt.datetime) -> str:
    """Format as "Thứ Tư, ngày 8 tháng 7 năm 2026": a bulletin page's own date, read aloud by
    any voice as it is said."""
    return f"{WEEKDAYS[value.weekday()]}, ngày {value.day} tháng {value.month} năm {value.year}"


def vn_long_datetime(value: dt.datetime, *, timed: bool) -> str:
    """Format as "7:30, Thứ Bảy, ngày 5 tháng 12 năm 2026": a bulletin page's own date with the
    time it was published, the hour without a leading zero as a correction's time is written
    (publish.correction_text.when). The day alone when not `timed`: a date written without a
    time is read as that day's 00:00 (publish.fields.read_moment), and «0:00» would be a time
    nobody wrote; one written «00:00» shows «0:00»."""
    day = vn_long_date(value)
    if not timed:
        return day
    return f"{value.hour}:{value.minute:02d}, {day}"


def vn_datetime(value: dt.datetime) -> str:
    """Format as "08:00, Thứ Ba, 08/12/2020"."""
    return f"{value:%H:%M}, {vn_date(value)}"


def vn_month(year: int, month: int) -> str:
    """Format a month heading: "Tháng 7/2026" (a leading zero is read "không")."""
    return f"Tháng {month}/{year}"


VN_LETTERS = {
    letter: rank for rank, letter in enumerate("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz", start=100)
}
"""The rank of each letter in the Vietnamese alphabet («ă», «â» after «a», «đ» after «d»…); the
letters Vietnamese borrows (f, j, w, z) where English has them. Digits rank below (their code)."""
VN_SHAPES = frozenset("\u0306\u0302\u031b")
"""The marks that make another letter, not a tone: breve (ă), circumflex (â, ê, ô), horn (ơ, ư)."""
_SYLLABLE = re.compile(r"[^\W_]+")


def vn_sort_key(text: str) -> tuple[tuple[tuple[tuple[int, ...], int], ...], str, str]:
    """What sorts Vietnamese as a dictionary does, case aside: syllable by syllable, each by its
    letters in the Vietnamese alphabet («an ninh» < «anh» < «ăn» < «đá»), then by its tone
    (ma, mà, mả, mã, má, mạ); symbols and spacing only break ties."""
    lower = nfc(text).lower()
    return tuple(_syllable_key(s) for s in _SYLLABLE.findall(lower)), lower, text


def _syllable_key(syllable: str) -> tuple[tuple[int, ...], int]:
    """A lower-case syllable's letters as alphabet ranks, and its tone (0: level)."""
    letters: list[str] = []
    tone = 0
    for c in unicodedata.normalize("NFD", syllable):
        if c in VN_TONES:
            tone = VN_TONES[c]
        elif c in VN_SHAPES and letters:
            letters[-1] += c
        elif not unicodedata.combining(c):
            letters.append(c)
    return tuple(_letter_rank(unicodedata.normalize("NFC", c)) for c in letters), tone


def _letter_rank(letter: str) -> int:
    """A letter's place: a digit first, then the Vietnamese alphabet, then any other letter."""
    found = VN_LETTERS.get(letter)
    if found is not None:
        return found
    return ord(letter[0]) + (0 if letter[0] < "a" else 0x1000)


def mask(value: str) -> str:
    """Only the first three and last two digits of a number: 087123456789 → 087*******89."""
    digits = re.sub(r"\D", "", value)
    if len(digits) <= 5:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 5) + digits[-2:]


YEAR = re.compile(r"(?:19|20)\d\d")
"""A year written in four digits, 1900-2099 (with fullmatch): a page slug that is one names its
year's folder (publish.site_paths); groups that are all years (`các năm 2019 2020 2021`) are
years listed, no card's or account's number (publish.pii, R9.6)."""
_CARD_LENGTHS = range(16, 20)
"""How many digits a bank card's number has."""
_NO_CARD_FIRST = "08"
"""First digits no bank card's number has (ISO/IEC 7812): 8 is telecoms' (a SIM's ICCID, 89…,
which passes the Luhn check too), 0 no issuer's; a waybill or a serial may start with either."""


def is_card(digits: str) -> bool:
    """Whether `digits` may be a bank card's number: 16 to 19 digits alone (anything else in
    them, a space or a hyphen, is none), the first not 0 nor 8, the last the Luhn check digit
    every card ends with (9704 1985 2619 1432 198, NAPAS); the radio holds a bulletin for one
    (R9.6), the website tells it (publish.pii)."""
    if len(digits) not in _CARD_LENGTHS or not digits.isdecimal() or digits[0] in _NO_CARD_FIRST:
        return False
    total = 0
    for place, digit in enumerate(map(int, reversed(digits))):
        if place % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


_CITIZEN_ID_PROVINCE = (
    r"0(?:0[12468]|1[0124579]|2[024-7]|3[013-8]|4[024-689]|5[12468]|6[024678]|7[024579]"
    r"|8[0234679]|9[1-6])"
)
"""The place-of-birth codes a CCCD starts with (Thông tư 07/2016/TT-BCA, the 63 provinces:
001 Hà Nội … 087 Đồng Tháp … 096 Cà Mau; tests check the list)."""
CITIZEN_ID_SHAPE = _CITIZEN_ID_PROVINCE + r"[0-3]\d{8}"
"""A CCCD's twelve digits, as a pattern: a province's code, the sex and century digit (0-3:
born 1900-2099) and nine more, the first two of them the birth year (`born_after`)."""
_CITIZEN_ID_SHAPE = re.compile(CITIZEN_ID_SHAPE)


def born_after(citizen_id: str, year: int) -> bool:
    """Whether the holder of a CCCD-shaped number would be born after `year`: its 4th digit
    is the century (0-1: 1900s, 2-3: 2000s), the next two the birth year's last two digits. In
    a bulletin of `year`, it is a code or an amount, no one's ID («087299…» is born in 2099)."""
    born = 1900 + 100 * (int(citizen_id[3]) // 2) + int(citizen_id[4:6])
    return born > year


def is_citizen_id(digits: str, year: int | None) -> bool:
    """Whether twelve `digits` (digits alone) may be a CCCD's number in a bulletin of `year`
    (None: not compared): a province's code, a century digit, a birth year not after `year`.
    The radio holds a bulletin for one (R9.6), the website tells it (publish.pii)."""
    if _CITIZEN_ID_SHAPE.fullmatch(digits) is None:
        return False
    return year is None or not born_after(digits, year)


def mask_code(code: str) -> str:
    """A code's letters and only its last two digits: C1234567 → C*****67 (a passport number)."""
    return _HIDDEN_DIGIT.sub("*", code)


_HIDDEN_DIGIT = re.compile(r"\d(?=(?:\D*\d){2})")
"""Every digit but the last two."""
_NOT_CODE = re.compile(r"[\W_]")
"""What a passport's number's mask leaves out: its spaces, dashes, dots and underscores. Any
letter stays, as typed («İC…», which a case-blind «[A-Za-z]» takes, is shown «İC*****67», not
«C*****67»)."""


def masked_passport(number: str) -> str:
    """Its letters and last two digits: C1234567 → C*****67, AB 1234567 → AB*****67."""
    return mask_code(_NOT_CODE.sub("", number).upper())


class LineCounter:
    """Line numbers of offsets in `text`, counted on from the offset asked last (finds come in
    order): counting from the start for each of many finds is quadratic on a long text."""

    def __init__(self, text: str, first: int = 0) -> None:
        self.text, self.at, self.line = text, 0, first

    def __call__(self, at: int) -> int:
        """The line of offset `at` (the text's first line is `first`)."""
        if at >= self.at:
            self.line += self.text.count("\n", self.at, at)
        else:
            self.line -= self.text.count("\n", at, self.at)
        self.at = at
        return self.line


def word_starts(
    text: str, words: tuple[str, ...], start: int = 0, end: int | None = None
) -> list[int]:
    """Every offset of `text[start:end]` where one of `words` starts (whole inside), in order:
    str.find passes, several times faster than a regex trying each character."""
    found = []
    for word in words:
        at = text.find(word, start, end)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1, end)
    return sorted(found)


def matches_at(
    pattern: re.Pattern[str], text: str, starts: list[int], end: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text, starts[0], end)` finds, given `starts` (in order)
    holding every offset where a match may start: tried there only, not at every character.
    `pattern` must never match an empty string (finditer goes on differently after one)."""
    end = len(text) if end is None else end
    done = 0  # where the last match ended: finditer's matches do not overlap
    for at in starts:
        if at < done:
            continue
        match = pattern.match(text, at, end)
        if match is not None:
            yield match
            done = match.end()


class LinePattern:
    """A regex whose matches start where a line starts, as after `^` under re.MULTILINE, found
    by looking for each line break first: re tries a `^` pattern at every character, while one
    that opens with a line break skips from one to the next (several times faster on a body).

    The pattern must never match an empty string or a line break: each match then ends on its
    own line, and the next one starts after the break that ends it."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        """`pattern`: what must match from the start of a line (without `^`)."""
        self.pattern = re.compile(pattern, flags | re.MULTILINE)
        self._after_break = re.compile(f"\n(?={pattern})", flags | re.MULTILINE)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches that `^` followed by the pattern finds in `text` under re.MULTILINE."""
        match = self.pattern.match(text)
        if match is not None:
            yield match
        at = 0 if match is None else match.end()
        while (found := self._after_break.search(text, at)) is not None:
            match = self.pattern.match(text, found.end())
            if match is None:  # never: the look-ahead matched there
                return
            yield match
            at = match.end()

    def search(self, text: str) -> re.Match[str] | None:
        """The first match in `text`, or None."""
        return next(self.finditer(text), None)
