"""The one rule for the number a [contact] phone value dials, read alike by site.toml's check
and by every «Gọi» link the website builds from it (footer, contact page, body text).

The number is the first run of 3 digits or more, its digit groups split by spaces or by one dot
or dash each («0277 3610 113», «0912.345.678», «0912–345–678», «+84 277 3610 113»), after an
area code in brackets at its start («(0277) 3610 113»). It never runs on across « (», nor
across a spaced dash (« - », « – ») unless that makes one phone number («0912 – 345 – 678», as
the personal-data check and the radio read it): what follows is the value's note, or a second
number, not more of the first. Office hours and days are notes too, wherever
they are written («7h–17h», «7h30-11h30», «7:00–17:00», «thứ 2–thứ 6»): never part of the
number nor dialled. Digits left over that are not duty hours (such notes, «24/24», «24/7»,
«24h», «24h/24») are a number no link dials, which the check warns about: the second of two
numbers split by «/» («0277.3610.24/0277.3610.25» dials the first, whole).

It also holds the one rule for a number written with the country code, which every channel
reads alike (`home_digits`): the website's search, its personal-data check and page links, and
the radio.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from publish.text import nfc

__all__ = [
    "BARE_GAP",
    "DASH",
    "DASHES",
    "LEAST_DIGITS",
    "SPACED_DASH",
    "WRITTEN_COUNTRY",
    "Dialled",
    "country_lead",
    "dialled",
    "first_number",
    "home_digits",
    "tel_uri",
]

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
"""Every dash the radio turns into a hyphen before reading (publish.radio.normalise): an en dash
«–», an em dash «—», a minus «−» between a number's groups or a range's ends mean on the website
what the hyphen they become means on air («Thẻ ATM số 9704 — 1234 — 5678 — 9012»). Here, not in
publish.number_words (which reads it from here), so the «Gọi» links read the same set."""
DASH = f"[{DASHES}-]"
"""A hyphen or any of `DASHES`: the one dash set both channels read numbers by."""
SPACED_DASH = rf"[^\S\n]?{DASH}[^\S\n]?"
"""A dash between two groups of one number, with or without one space each side («0912 – 345
– 678», «0912-345-678»): the one gap the personal-data check (publish.number_words.GROUP_GAP),
the body's «Gọi» links (publish.render.web.phones) and a [contact] value's read all take. A
doubled space beside it («0912  –  345») ends the number for each of them alike."""

LEAST_DIGITS = 3
"""Fewest digits of a number to dial: 113. A shorter run is a note («Hotline 1», «24/24»)."""
MOST_DIGITS = 11
"""Most digits of a number without +: 0 and 10 more (0277 3610 113); 1900 0368 has fewer."""
MOST_DIGITS_PLUS = 12
"""Most digits of a number written with +: +84 and 10 more (+84 277 3610 113)."""

WRITTEN_COUNTRY = re.compile(
    r"^(?:\+840?|00840?(?=(?:[35789][0-9]{8}|2[0-9]{9})$)|84(?=[35789][0-9]{8}$))"
)
"""The country code starting a written number's digits (ASCII, its + kept): «+84» (maybe then
the 0 some keep: «+84 0912…»); «0084» (as dialled from abroad) before a mobile number's nine
digits or a landline's ten; a bare «84» (as Zalo copies a number: «84912345678») only before a
mobile's nine. «84123456789», «0084123456789» are no phone (an account, a code)."""


def home_digits(digits: str) -> str:
    """A number's digits (ASCII, with its +) as dialled at home, by `WRITTEN_COUNTRY`:
    «+84912345678», «0084912345678», «84912345678» → «0912345678»; others as they are."""
    return WRITTEN_COUNTRY.sub("0", digits, count=1)


BARE_GAP = "[ \u00a0\u202f.]?"
"""What may stand between a bare «84» and the number after it: nothing, a space (or the
non-breaking one a paste keeps) or a dot, never a hyphen. A dot only right after a phone's word
(«điện thoại 84.912.345.678»), which every channel asks of the text around it
(publish.number_words.bare_84_phone): anywhere else «84.912.345.678», «84.9xx.xxx» are how an
amount's thousands are written, and they were read as a phone."""


def country_lead(sep: str, not_after: tuple[str, ...] = ()) -> str:
    """The pattern of a country code written before a number's digits, as `WRITTEN_COUNTRY`
    reads one: «+84» (maybe then the 0 some keep, «+84 0912…») and «0084» then `sep` (what a
    channel allows between a number's digits), «0084» only before a mobile's or a landline's
    first digit; a bare «84» then `BARE_GAP`, only before a mobile's (the channel asks
    bare_84_phone of it). Each branch looks behind after its first character for none of
    `not_after` (fixed-width patterns of what may not come before the number), so `re` skips to
    the next «+», «0» or «8»; the channel's pattern says what digits follow."""

    def alone(first: str) -> str:
        return "".join(f"(?<!{before}{re.escape(first)})" for before in not_after)

    return (
        rf"(?:\+{alone('+')}84(?:{sep}0)?{sep}|00{alone('00')}84{sep}(?=[235789])"
        rf"|8{alone('8')}4{BARE_GAP}(?=[35789]))"
    )


def _number_pattern(gap: str) -> re.Pattern[str]:
    """One run of digits as a number is typed, its groups split by `gap`."""
    return re.compile(
        r"(?<![\d/])"  # not the middle of a run, nor the second half of «24/24»
        r"(?:\+[ \u00a0]?)?"
        rf"(?:\(\+?\d+\){gap}?)?"  # «(0277) 3610 113», «(+84) 277 3610 113»
        # Spaces doubled by a paste («0277  3610 113») still split groups of one number. A group
        # «24» before «/24», «/7», «h» or «giờ» is duty hours («113 24/24»), not more of the
        # number; before «/» and another number it ends one number of two («0277.3610.24/…»).
        rf"\d+(?:{gap}(?!24\s*(?:/\s*(?:24|7)(?!\d)|h(?!\w)|giờ))\d+)*",
        re.IGNORECASE,
    )


_NUMBER = _number_pattern(rf"(?:[ \u00a0]+|[.{DASHES}-])")
"""One run of digits as a number is typed, its groups split by spaces or one dot or dash."""
_THROUGH_DASHES = _number_pattern(rf"(?:[ \u00a0]+|\.|{SPACED_DASH})")
"""`_NUMBER` read on across a dash with a space beside it (`SPACED_DASH`: «0912 – 345 – 678», as
Word types «0912 - 345 - 678»): taken only as far as it makes one phone number
(`_phone_through_dashes`), for a spaced dash also ends a number before its note or a second
number («(0297) 3846.113 - 0912 345 678»)."""
_COUNTRY_BEFORE = re.compile(rf"(?:\(\+84\)|(?<![\w+])\+84)(?:[ \u00a0]+|\.|{SPACED_DASH})\Z")
"""A country code «+84» or «(+84)» and its gap right before a number's first group («+84 – 912 –
345 – 678»): too short for a run of its own (`LEAST_DIGITS`), the number is read from it, as the
personal-data check reads one (publish.pii_phones._ABROAD)."""
_WHOLE_PHONE = re.compile(r"0(?:[35789]\d{8}|2\d{9})")
"""A whole Vietnamese number's digits as dialled at home, as the personal-data check reads one
(publish.pii_phones): a mobile (03, 05, 07, 08, 09 and eight digits more) or a landline (02, an
area code and the subscriber: eleven digits)."""
_DUTY_HOURS = re.compile(
    r"(?<![\w/])24(?:\s*(?:h|giờ))?(?:\s*/\s*(?:24|7)(?:\s*(?:h|giờ))?|(?<=h|ờ))(?![\w/])",
    re.IGNORECASE,
)
"""Duty hours written beside a number: «24/24», «24/7», «24h», «24/24 giờ», «24 giờ», «24h/24»."""
_OFFICE_HOURS = re.compile(
    r"(?<![\w/.:])(?:"
    r"(?:[01]?\d|2[0-4])[^\S\n]?(?:h|g|giờ)(?:[^\S\n]?[0-5]\d(?:[^\S\n]?(?:p|phút))?)?"
    r"|(?:[01]?\d|2[0-4]):[0-5]\d"
    # The first hour of a range written once with its unit: «7-17h», «từ 7 đến 17 giờ».
    r"|(?:[01]?\d|2[0-4])"
    r"(?=[^\S\n]*+(?:[-–—]|đến|tới)[^\S\n]*+(?:[01]?\d|2[0-4])[^\S\n]?(?:h|g|giờ)(?!\w))"
    r"|thứ[^\S\n]?[2-7]|t[2-7]"
    r")(?!\w)",
    re.IGNORECASE,
)
"""A time or a weekday of office hours written beside a number: «7h», «7h30», «7 giờ 30»,
«7:00», «7-17h», «thứ 2», «T6». Read as a number, «Trực 7h30-11h30: 0277 3610 113» dialled tel:3011
(«30-11» is digits split by a hyphen) and «0277 3610 113 7h-17h» ran on to «…113 7»."""

_HOUR_OR_GROUP = re.compile(
    r"\d(?:[ \u00a0]+|[.-])(?:[01]?\d|2[0-4])"
    r"(?=[^\S\n]*+(?:[-–—]|đến|tới)[^\S\n]*+(?:[01]?\d|2[0-4])[^\S\n]?(?:h|g|giờ)(?!\w))",
    re.IGNORECASE,
)
"""One or two digits right after a digit group, starting a range of hours written once with its
unit («0277 3610 10 - 17h», «0277 3610 20 đến 22h», «113 7-17h»): the number's last group or
the first hour? Read as the hour, the link dialled tel:02773610 with no word: the check warns,
and the hours in brackets («113 (7-17h)») or with their unit («113 7h-17h») say which."""


@dataclass(frozen=True, slots=True)
class Dialled:
    """What a [contact] phone value dials and what else it holds."""

    number: str
    """The number as written: «0277 3610 113» of «Trực 24/24: 0277 3610 113»."""
    digits: str
    """The number's digits (ASCII) with its + (the tel: link's), «02773610113»."""
    left_over: bool
    """Whether the value holds other digits than the number and its duty hours («Hotline 1:»),
    or an hour that may be the number's last group («0277 3610 10 - 17h»)."""

    @property
    def plausible(self) -> bool:
        """Whether the number is short enough to be one phone number, not two written as one."""
        most = MOST_DIGITS_PLUS if self.digits.startswith("+") else MOST_DIGITS
        return len(self.digits.lstrip("+")) <= most


def dialled(written: str) -> Dialled | None:
    """The number `written` dials under the one rule, or None when it holds no run of 3 digits."""
    # Duty hours first: read as office hours, the «24h» of «24h/24» left a stray «24» warned about.
    unhoured = _DUTY_HOURS.sub(_blank, nfc(written))
    text = _OFFICE_HOURS.sub(_blank, unhoured)
    found = _first_run(_NUMBER, text)
    if found is None:
        return None
    start, end = _phone_through_dashes(text, found) or found.span()
    rest = _DUTY_HOURS.sub(" ", f"{text[:start]} {text[end:]}")
    ambiguous = _HOUR_OR_GROUP.search(unhoured) is not None
    return Dialled(
        text[start:end], _dialled_digits(text[start:end]), ambiguous or _holds_digit(rest)
    )


def _first_run(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first run of `pattern` in `text` with at least LEAST_DIGITS digits."""
    return next((m for m in pattern.finditer(text) if _count_digits(m[0]) >= LEAST_DIGITS), None)


def _phone_through_dashes(text: str, found: re.Match[str]) -> tuple[int, int] | None:
    """Where the phone number `found` starts and ends when it goes on across a spaced dash
    («0912 – 345 – 678», «(0277) – 3610 – 113», «+84 – 912 – 345 – 678»), the longest such that
    is one phone number (the personal-data check and the radio read it whole); None when there
    is none past `found`. «113 - 114», «1900 – 0368» stay what `found` dials: no phone number is
    made of them."""
    for start in _starts_before(text, found.start()):
        through = _THROUGH_DASHES.match(text, start)
        if through is None:
            continue
        best = None
        for group in re.finditer(r"\d+", through[0]):
            end = through.start() + group.end()
            if end >= found.end() and _is_phone(text[through.start() : end]):
                best = (through.start(), end)
        if best is not None:
            return best
    return None


def _starts_before(text: str, start: int) -> list[int]:
    """Where a number found at `start` may begin, first the furthest back: at its country code
    («+84 – 912 …», «(+84) – 912 …»), at the bracket of its area code («(0277) – 3610 – 113»),
    or at itself. Never further: a first run found before it («Tổ 1 – 0912 – 345 – 678») is no
    phone and hid this one."""
    starts = [start]
    if text[start - 1 : start] == "(":
        starts.insert(0, start - 1)
    country = _COUNTRY_BEFORE.search(text, 0, start)
    if country is not None:
        starts.insert(0, country.start())
    return starts


def _is_phone(written: str) -> bool:
    """Whether `written` dials one whole mobile or landline number (`_WHOLE_PHONE`)."""
    return _WHOLE_PHONE.fullmatch(home_digits(_dialled_digits(written))) is not None


def _dialled_digits(written: str) -> str:
    """The digits of a number as written, with its +, as tel: takes them: a full-width «１１３»
    (some Asian input methods) dials as 113, «+84 0912 …» and «0084 912 …» as +84912… ."""
    digits = "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() else c
        for c in written
        if c.isdecimal() or c == "+"
    )
    # The home 0 after the country code («+84 0277 3610 113», as units copy it from letterheads)
    # is never dialled from abroad: kept, the landline was 13 digits (no link, «hai số viết liền»).
    if digits.startswith("+840"):
        return "+84" + digits[4:]
    # «0084», as dialled from abroad, is «+84»: kept, «0084 912 345 678» was 13 digits, no link.
    if digits.startswith("0084") and WRITTEN_COUNTRY.match(digits):
        return "+84" + home_digits(digits)[1:]
    return digits


def _count_digits(text: str) -> int:
    """How many digits `text` holds."""
    return sum(c.isdigit() for c in text)


def _holds_digit(text: str) -> bool:
    """Whether `text` holds a digit."""
    return any(c.isdigit() for c in text)


def _blank(note: re.Match[str]) -> str:
    """A note's place kept, its digits gone: what is left is read as the number and the rest."""
    return "_" * len(note[0])


def first_number(written: str) -> str:
    """The number a [contact] value dials, as written («0277 3610 113» of «0277 3610 113 (trực
    24/24)»), or "" when it holds none."""
    found = dialled(written)
    return found.number if found else ""


def tel_uri(written: str) -> str:
    """The tel: URI a «Gọi» link dials for a [contact] value ("0277 3610 113" →
    "tel:02773610113"), or "" (no link) when it holds no number or one too long to be one."""
    found = dialled(written)
    return f"tel:{found.digits}" if found and found.plausible else ""
