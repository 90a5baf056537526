"""Dialling prefixes and country codes (`đầu số 024, 028`, `mã vùng +855`, `+1 (213) 555-0123`):
said digit by digit like the phone numbers they open (R9.2, R9.3), never as an amount or a rise."""

from __future__ import annotations

import re
from collections.abc import Callable

from publish.radio.either_case import word_alone
from publish.radio.measures import money_follows
from publish.radio.numbers import COUNTED_NOUN, digit_by_digit
from publish.radio.pauses import pause_after

__all__ = ["read_codes_after_whole_numbers", "read_dialling_codes"]

_JOIN = r"(?:\s*+[,;/]\s*+|\s++(?i:và|hoặc|hay)\s++)"
_CODE_ALONE = r"\+\d{1,3}(?![\d]|[ .,/\-]\d|\s*+\(\d)"
"""A country code that no number goes on after (`+855`, never `+855 12 345 678`)."""
_INTERNATIONAL = re.compile(
    r"\+(?<![\w+.,/]\+)(\d{1,3})(?:[ \-]?\(\d{1,4}\)[ \-]?|[ \-])\d{1,4}(?:[ .\-]\d{1,4}){1,4}"
    r"(?![\d]|[.,/]\d)"
    f"((?>(?:{_JOIN}{_CODE_ALONE})*))"
)
"""`+1 (213) 555-0123`, `+855 12 345 678`, `+84 28 3829 7143`: a country code, a space, a
hyphen or an area code in brackets (never a dot: `+1.500.000` is an amount), then groups of
digits. The numbers `+84` and nine digits are read before, by the phone rules (R9.1). The
country codes listed after it (`…, +855 hoặc +62`) are dialled too: they were read as amounts."""
_WHOLE_THEN_CODES = re.compile(
    r"(\+(?<![\w+.,/]\+)\d(?:[ .\-]?\d){7,14}(?![\d]|[.,/]\d))"
    f"((?>(?:{_JOIN}{_CODE_ALONE})+))"
)
"""A whole number with its country code (`+855 12 345 678`, `+84 28 3829 7143`: 8 to 15 digits,
as E.164 allows, grouped or not) and country codes listed after it (`hoặc +62`, `, +855`)."""
_THOUSANDS = re.compile(r"\+\d{1,3}(?:(?: \d{3})+|(?:\.\d{3})+)")
"""`+12 500 000`, `+12.500.000`: a rise written with its thousands grouped (R3.2), no foreign
number."""
_NATIONAL_DIGITS = range(6, 13)
"""Digits after a country code in a whole number (E.164 allows 15 in all)."""
_PREFIX_WORDS = ("đầu số", "mã vùng", "mã quốc gia", "mã nước", "mã điện thoại")
_STARTS_WORD = "bắt đầu bằng"
_ITEM = r"\+?+\d++"
_LIST = (
    r"(\s*+(?>(?::|(?i:là)(?!\w))?)\s*+)"
    f"({_ITEM}(?>(?:{_JOIN}{_ITEM})*))"
    r"(?![\w/]|[ .,:\-]\d|\s*\(\d)"
)
"""After the word, one number or a list of them (`024, 028`, `089 hoặc 070`); a number that goes
on (`1900 1234`, `+1 (213) …`) is left to the phone rules."""
_DESCRIBED = r"(?:\s++(?i:lạ|nước ngoài|quốc tế)(?!\w))?(?:\s++(?i:như)(?!\w))?"
"""What a warning says of the prefixes before listing them: `đầu số lạ như +855`."""
_PREFIX_LIST = re.compile(
    "(" + word_alone(f"(?i:{'|'.join((*_PREFIX_WORDS, _STARTS_WORD))})") + _DESCRIBED + ")" + _LIST
)
"""A word a dialling prefix or a country code follows (`đầu số`, `mã vùng`, `bắt đầu bằng`,
described or not: `đầu số lạ như`)."""
_PLUS_LIST = re.compile(
    "("
    + word_alone("(?i:điện thoại|gọi|liên hệ|tổng đài|hotline|đường dây nóng|số)", "SĐT|ĐT")
    + ")"
    + _LIST
)
"""A word a phone number follows (`gọi`, `số`): a country code after it (`gọi +84`); the phone
rules read every other number after these words (R9.1, R9.3)."""
_LIST_ITEM = re.compile(r"\+?\d+")
_COUNT_AFTER = re.compile(r"\s*+(?:[%‰]|" + COUNTED_NOUN + ")")
"""After the list: a share or a count (`bắt đầu bằng 01 đối tượng`), no dialling code."""
_SERVICE_PREFIXES = frozenset({"1800", "1900"})
_LONGEST_PREFIX = 5
"""Digits of the longest prefix read here; a longer run is a whole number for the phone rules."""


def read_dialling_codes(text: str) -> str:
    """`đầu số +84` → `đầu số cộng tám bốn`, `từ đầu số 024, 028` → `từ đầu số không hai bốn,
    không hai tám`, `gọi +1 (213) 555-0123` → `gọi cộng một, hai một ba, năm năm năm, không
    một hai ba`: digit by digit, `+` said `cộng` (R9.2)."""
    if "+" in text:
        text = _INTERNATIONAL.sub(_international, text)
        text = _PLUS_LIST.sub(lambda m: _dialling_list(m, "phone"), text)
    return _PREFIX_LIST.sub(lambda m: _dialling_list(m, _kind(m[1])), text)


def read_codes_after_whole_numbers(text: str, is_phone: Callable[[str], bool]) -> str:
    """`gọi +855 12 345 678 hoặc +62` → `gọi +855 12 345 678 hoặc cộng sáu hai`: the codes
    listed after a whole number the phone rules read next (R9.1: after `gọi`, `liên hệ`,
    `Hotline`, or `+84` and its digits), which then left them as amounts («cộng sáu mươi hai»).
    `is_phone`: whether a number is shaped as the phone rules read one wherever it stands."""
    if "+" not in text:
        return text
    return _WHOLE_THEN_CODES.sub(lambda m: _codes_after_whole_number(m, is_phone), text)


def _codes_after_whole_number(m: re.Match[str], is_phone: Callable[[str], bool]) -> str:
    """The number as written, for the phone rules; the codes after it dialled, a pause after
    them where the sentence goes on. A rise (`+12 500 000`, but `+84 912 345 678`, a phone) or a
    count after the list (`hoặc +2 vụ`) is left as written."""
    end = m.end()
    if (
        (_THOUSANDS.fullmatch(m[1]) and not is_phone(m[1]))
        or _COUNT_AFTER.match(m.string, end)
        or money_follows(m.string, end)
    ):
        return m[0]
    listed = _LIST_ITEM.sub(lambda code: _item_said(code[0], "phone"), m[2])
    return m[1] + listed + pause_after(m.string, end)


def _kind(word: str) -> str:
    """`starts` after `bắt đầu bằng`, `prefix` after the other prefix words."""
    return "starts" if word.lower() == _STARTS_WORD else "prefix"


def _international(m: re.Match[str]) -> str:
    """A whole foreign number in its groups, and the country codes listed after it; a pause
    after them where the sentence goes on."""
    codes = m[2]
    number_end = m.end() - len(codes)
    written = m.string[m.start() : number_end]
    national = sum(c.isdigit() for c in written) - len(m[1])
    if (
        national not in _NATIONAL_DIGITS
        or _THOUSANDS.fullmatch(written)
        or _COUNT_AFTER.match(m.string, number_end)
        or money_follows(m.string, number_end)
    ):
        return m[0]
    groups = _LIST_ITEM.findall(written)
    said = [("cộng " if g.startswith("+") else "") + digit_by_digit(g.lstrip("+")) for g in groups]
    if _COUNT_AFTER.match(m.string, m.end()) or money_follows(m.string, m.end()):
        return ", ".join(said) + codes  # `…, +2 vụ`: a rise, for the rules after
    listed = _LIST_ITEM.sub(lambda code: _item_said(code[0], "phone"), codes)
    return ", ".join(said) + listed + pause_after(m.string, m.end())


def _dialling_list(m: re.Match[str], kind: str) -> str:
    """The codes of the list that are dialled, digit by digit; the others as written."""
    end = m.end()
    if _COUNT_AFTER.match(m.string, end) or money_follows(m.string, end):
        return m[0]
    said = _LIST_ITEM.sub(lambda item: _item_said(item[0], kind), m[3])
    if said == m[3]:
        return m[0]
    return m[1] + m[2] + said + pause_after(m.string, end)


def _item_said(item: str, kind: str) -> str:
    """One code of a list: `+84` → `cộng tám bốn`, `024` → `không hai bốn`; a number that is
    no code after this kind of word, as written."""
    digits = item.lstrip("+")
    if len(digits) > _LONGEST_PREFIX:
        return item
    if item.startswith("+"):
        return f"cộng {digit_by_digit(digits)}" if len(digits) <= 3 else item
    if kind == "phone":
        return item  # `gọi 113`, `số 0277 …`: the phone rules' (R9.1, R9.3)
    if digits in _SERVICE_PREFIXES:
        return digit_by_digit(digits)
    shortest = 3 if kind == "starts" else 2  # `bắt đầu bằng 01 câu hỏi` may count something
    return digit_by_digit(digits) if digits[0] == "0" and len(digits) >= shortest else item
