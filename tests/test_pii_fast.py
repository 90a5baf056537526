"""The fast personal-data lint finds exactly what the plain per-line search finds, and its cache
never serves the findings of an older text."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import publish.pii
from publish import config as config_module
from publish.content import load_site
from publish.errors import Problem
from publish.number_words import (
    _LABELLED_CARD,
    DASHES,
    LIST_OPENING,
    TIGHT_GAP,
    account_range,
    accounts_after_codes,
    labelled_number,
    listed_numbers,
    money_follows,
    read_as_code,
    spaced_range,
)
from publish.pii import (
    _ANCHOR,
    _BARE_ACCOUNT,
    _BIRTH_DATE,
    _BIRTH_YEAR,
    _CITIZEN_ID,
    _ID_NEAR,
    _PASSPORT,
    ADULT_AGE,
    PHONE_KIND,
    Finding,
    findings,
    lint,
    mask,
)
from publish.text import is_card, nfc
from tests.helpers import NOW, bulletin_md, make_project
from tests.pii_reference import paid_accounts

ROOT = Path(__file__).parents[1]

_DIGIT = re.compile(r"\d")
_TRIGGER = re.compile(
    r"\d{12}|sn|sinh|tk|tài khoản|cccd|cmnd|cmt|căn cước|chứng minh|định danh|hộ chiếu"
    r"|\d{4}[ .-]\d{4}[ .-]\d{4}"  # a card's number in groups (session 75)
    r"|0\d{2,3}[ .-]\d{3,4}[ .-]\d"  # a CCCD's in groups (session 75)
    r"|thẻ"  # a card's label (session 79)
    r"|passport",  # a passport's English label (session 81 review: «Passport no. AB 1234567»)
    re.IGNORECASE,
)
_CARD = re.compile(
    r"(?<![\w.,/=?&-])(?<!\d[ .-])\d{4}(?P<sep>[ .-]?)\d{4}(?P=sep)\d{4}(?P=sep)\d{4}"
    r"(?:(?P=sep)\d{1,3})?(?![\w/-]|[.,]\d|(?P=sep)\d)"
)
"""A bank card's number, whole or in fours (session 75): 16-19 digits, not listed years, its
check digit right (`is_card`), no money after it, no typed code's words naming no card before it."""
_GROUPED_ID = re.compile(
    r"(?<![\w.,/=?&-])(?<!\d[ .-])0\d{2,3}(?P<sep>[ .-])\d{3,4}(?:(?P=sep)\d{3,4})*"
    r"(?:(?P=sep)\d{1,4})?(?![\w/-]|[.,]\d|(?P=sep)\d)"
)
"""A CCCD's twelve digits in groups of three or four (session 75), no money after them."""

TIGHT = re.compile(TIGHT_GAP)
"""Nothing but spaces, «số», a colon between a label and its number."""


def id_kind(digits: str) -> str:
    """The kind a finding names an ID's number by: CMND (9 digits), CCCD (12), else a mistyped
    one with its count (session 76)."""
    kinds = {9: "số CMND", 12: "số CCCD"}
    return kinds.get(len(digits), f"số CCCD/CMND ({len(digits)} chữ số, có thể gõ sai)")


def _fresh(taken: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    """Whether `span` overlaps no span in `taken` (and remember it): one number reported once."""
    if any(span[0] < end and start < span[1] for start, end in taken):
        return False
    taken.append(span)
    return True


_LABEL_WORD = re.compile(
    r"tk|tài khoản|cccd|cmnd|cmt|căn cước|chứng minh|định danh|hộ chiếu|passport|mst|mã số thuế",
    re.IGNORECASE,
)
"""A private number's label's words: the line holding one is read with the next one too."""


def reference(text: str, *, year: int) -> Iterator[Finding]:
    """The per-line algorithm the fast one replaced, kept verbatim as the specification; and,
    after a line's findings, what it gives only read with the lines before it back to a label's
    (Markdown joins a soft line break: «số tài khoản\n0071…» is published whole), on this line,
    but no value the label's line or this one gives alone."""
    text = nfc(text)
    if not _DIGIT.search(text) or not _TRIGGER.search(text):
        return
    lines = text.split("\n")
    code = False  # inside a fenced block: shown line by line
    told: dict[int, list[str]] = {}  # each line's values, its own and its join's
    heads: dict[int, tuple[int, str]] = {}  # session 81: a list's lines, its head's line and text
    for number, line in enumerate(lines):
        own = list(line_reference(line, number, year))
        yield from own
        told[number] = [f.value for f in own]
        code ^= bool(_FENCE.match(line))
        read = _read_with_lines_before(lines, number, heads) if not code else None
        if read is not None and _DIGIT.search(line):
            first, joined, listed, head = read
            if head is not None and _ANCHOR.search(line):  # a line the lint reads at all
                heads[number] = head
            # Session 81: a list's line is read with its head's only (each told on its line).
            between = {first, number} if listed else range(first, number + 1)
            apart = [value for i in between for value in told[i]]
            for found in line_reference(joined, number, year):
                if found.value in apart:
                    apart.remove(found.value)
                else:
                    told[number].append(found.value)
                    yield found


_FENCE = re.compile(r" {0,3}(?:```|~~~)")
_OWN_BLOCK = re.compile(r" {0,3}(?:#{1,6}(?!\S)|```|~~~)|\s*(?:\||$)")
"""A heading, a fence, a table's row, a blank line: Markdown joins it with no other line."""


def _label_line_before(lines: list[str], number: int) -> int | None:
    """The line, at most 3 before line `number`, of a label with no digit after its last label
    word, only digit-less lines between, all of one paragraph; None if none."""
    if _OWN_BLOCK.match(lines[number]):
        return None
    for first in range(number - 1, max(number - 4, -1), -1):
        line = lines[first]
        if _OWN_BLOCK.match(line):
            return None
        labels = list(_LABEL_WORD.finditer(line))
        if labels and not _DIGIT.search(line, labels[-1].end()):
            return first
        if _DIGIT.search(line):
            return None
    return None


_ALONE = re.compile(
    r"[^\S\n]{0,3}(?:(?:[-*+]|\d{1,3}[.)])[^\S\n]+)?"
    rf"(\d(?:(?:[ .]|[^\S\n]?[{DASHES}-][^\S\n]?)?\d)*)[^\S\n]*[,;.]?[^\S\n]*"
)
"""Session 81: a line holding a number alone, maybe a list item's («- 9876543210»)."""
_ITEM = re.compile(r"[^\S\n]{0,3}(?:[-*+]|\d{1,3}[.)])[^\S\n]+(\d.*)")
"""Session 81: a list item opening with a number, and what follows it."""
_PASSPORT_ALONE = re.compile(r"[^\S\n]{0,3}([A-Za-z]{1,2} ?\d{7,8})[^\S\n]*[,;.]?[^\S\n]*")
"""Session 81 (review): a passport's number alone on its line."""
_PASSPORT_ENDS = re.compile(
    r"(?:hộ chiếu|passport)(?:\s+(?:no|nr|number)\.?(?!\w))?\s*(?:số\s*)?:?\s*$", re.IGNORECASE
)
"""Session 81 (review): a passport's label ending a line, a passport's number alone after a
blank line is its."""
_MARK = re.compile(r"[^\S\n]{0,3}(?:[-*+]|\d{1,3}[.)])[^\S\n]")
"""Session 81: a list item's mark."""
_LABEL_ENDS = re.compile(
    r"(?:" + _LABEL_WORD.pattern + r")(?:\s+(?:công dân|nhân dân|thư|cá nhân|ngân hàng|TNCN)\b)?"
    r"\s*(?:số\s*)?:?\s*$",
    re.IGNORECASE,
)
_ENDS_IN_A_DIGIT = re.compile(r"\d\s*$")


def _read_with_lines_before(
    lines: list[str], number: int, heads: dict[int, tuple[int, str]]
) -> tuple[int, str, bool, tuple[int, str] | None] | None:
    """The first line line `number` is read with, the text so read, whether it is a list's line
    read with its head's only, and (for the next line of a list) its head's line and text: the
    label's line before it (`_label_line_before`). Session 81, for a list's line (a number alone
    or a list item opening with one, `_ALONE`, `_ITEM`; a line opening with a list's joint,
    `LIST_OPENING`): after a line of the list (`heads`) its head's text; after a line ending in a
    number (maybe «,» or «;» after it), that line when a label comes before its last digit, else
    nothing; else the label's line before it; after blank lines (a number alone or a list item)
    the line before them when a label ends it, or, a list item's, when it ends in a number with
    a label before it («Số tài khoản 0123456789⏎⏎- 0987654321»); a passport's number alone
    after blank lines, the line before them when a passport's label ends it."""
    line = lines[number]
    whole = _ALONE.fullmatch(line)
    alone = whole or _ITEM.fullmatch(line)
    listed = alone is not None or LIST_OPENING.match(line) is not None
    passport = _PASSPORT_ALONE.fullmatch(line) if number and not lines[number - 1].strip() else None
    if passport is not None:
        at = number - 1
        while at >= 0 and not lines[at].strip():
            at -= 1
        above = lines[at] if at >= 0 else ""
        if at < 0 or _OWN_BLOCK.match(above) or not _PASSPORT_ENDS.search(above):
            return None
        return at, f"{above} {line[passport.start(1) :]}", False, None
    if not listed:
        first = _label_line_before(lines, number)
        if first is None:
            return None
        joined = " ".join(lines[first : number + 1])
        return first, joined, False, (number, joined) if _ends_in_a_number(line) else None
    part = line if alone is None else line[alone.start(1) :]
    joint = "; " if alone is not None else " "
    if number - 1 in heads:
        first, head = heads[number - 1]
        return first, _after_head(head, joint, part), True, (first, head)
    if number == 0:
        return None
    above = lines[number - 1]
    if _ends_in_a_number(above):
        digits = [m.start() for m in _DIGIT.finditer(above)]
        if _OWN_BLOCK.match(above) or not _LABEL_WORD.search(above, 0, digits[-1]):
            return None
        return number - 1, _after_head(above, joint, part), True, (number - 1, above)
    if not above.strip() and alone is not None:
        first = number - 1
        while first >= 0 and not lines[first].strip():
            first -= 1
        if first < 0 or _OWN_BLOCK.match(lines[first]):
            return None
        above = lines[first]
        if whole is not None and _LABEL_ENDS.search(above):
            joined = f"{above} {part}"
            return first, joined, False, (number, joined)
        digits = [m.start() for m in _DIGIT.finditer(above)]
        if (
            _MARK.match(line)
            and _ends_in_a_number(above)
            and _LABEL_WORD.search(above, 0, digits[-1])
        ):
            return first, _after_head(above, "; ", part), True, (first, above)
        return None
    first = _label_line_before(lines, number)
    if first is None:
        return None
    return (
        first,
        " ".join(lines[first : number + 1]),
        False,
        (number, " ".join(lines[first : number + 1])),
    )


def _ends_in_a_number(line: str) -> bool:
    """Session 81: whether `line` ends in a digit, maybe spaces, «,» or «;» after it."""
    return line.rstrip(" \t,;")[-1:].isdigit()


def _after_head(head: str, joint: str, part: str) -> str:
    """Session 81: a list's line `part` read after its `head`, `joint` between but a space
    when the head ends in «,» or «;» already."""
    return f"{head} {part}" if head.rstrip()[-1:] in (",", ";") else f"{head}{joint}{part}"


def line_reference(line: str, number: int, year: int) -> Iterator[Finding]:
    """The findings of one line (number `number`): the per-line algorithm."""
    if not _DIGIT.search(line) or not _TRIGGER.search(line):
        return
    taken: list[tuple[int, int]] = []
    fresh = partial(_fresh, taken)
    for match in paid_accounts(line):
        # Session 76: no money after it, no count after words between (as the radio reads),
        # and the numbers listed after it too.
        account = labelled_number(match["number"], match["gap"], line, match.end(), of_id=False)
        for found in [match, *listed_numbers(line, match.end(), of_id=False)] if account else ():
            if fresh(found.span("number")):
                yield Finding(number, "số tài khoản ngân hàng", mask(found["number"]))
    # Session 78: an account listed after a short code (`STK 1234 và 0123456789`).
    for found in accounts_after_codes(line):
        if fresh(found.span("number")):
            yield Finding(number, "số tài khoản ngân hàng", mask(found["number"]))
    for match in _BARE_ACCOUNT.finditer(line):  # session 75: as the radio drops it
        gap = match["gap"].replace("(", "")  # session 76: `tài khoản (1000-2000 USDT)`
        ranged = not gap.strip() and account_range(match["number"], line, match.end())
        # Session 78: groups apart by « - » may be a range or a date, colon or not.
        ranged = ranged or spaced_range(match["number"], line, match.end())
        money = money_follows(line, match.end())
        listed = listed_numbers(line, match.end(), of_id=False, bare=True)
        for found in [match, *listed] if not ranged and not money else ():
            if fresh(found.span("number")):
                yield Finding(number, "số tài khoản ngân hàng", mask(found["number"]))
    for match in _ID_NEAR.finditer(line):
        digits = re.sub(r"\D", "", match["number"])
        named = labelled_number(match["number"], match["gap"], line, match.end(), of_id=True)
        listed = listed_numbers(line, match.end(), of_id=True)
        # Session 76: right after the ID's words, a mistyped one too (`CCCD 0872030012`).
        whole = len(digits) in (9, 12) or TIGHT.fullmatch(match["gap"]) is not None
        for found in [match, *listed] if whole and named else ():
            each = re.sub(r"\D", "", found["number"])
            if fresh(found.span("number")):
                yield Finding(number, id_kind(each), mask(each))
    for match in _PASSPORT.finditer(line):
        if fresh(match.span("number")):
            n = match["number"]
            # Session 81 (review): its letters as typed, one or two, «İ» too («İC*****67»).
            letters = n.rstrip("0123456789 ").upper()
            hidden = letters + "*" * (len(re.sub(r"\D", "", n)) - 2) + n[-2:]
            yield Finding(number, "số hộ chiếu", hidden)
    for match in _CITIZEN_ID.finditer(line):
        century, born = int(match[0][3]) // 2, int(match[0][4:6])  # 0-1: 1900s, 2-3: 2000s
        money = money_follows(line, match.end())
        coded = read_as_code(line, match.start())  # session 75: as the radio reads it
        born_by = 1900 + 100 * century + born <= year
        if born_by and not money and not coded and fresh(match.span()):
            yield Finding(number, "số CCCD (12 chữ số)", mask(match[0]))
    for match in _GROUPED_ID.finditer(line):
        digits = match[0].replace(match["sep"], "")
        if not _CITIZEN_ID.fullmatch(digits) or money_follows(line, match.end()):
            continue
        if match["sep"] != "." and read_as_code(line, match.start()):
            continue
        century, born = int(digits[3]) // 2, int(digits[4:6])
        if 1900 + 100 * century + born <= year and fresh(match.span()):
            yield Finding(number, "số CCCD (12 chữ số)", mask(digits))
    # Session 79: a card's number right after its label, its check digit right or not, its
    # groups apart by a space, a dot, a hyphen or an en dash (`Thẻ ATM số 9704 - 1234 - …`).
    for match in _LABELLED_CARD.finditer(line):
        card = labelled_number(match["number"], match["gap"], line, match.end(), of_id=False)
        groups = re.split(r"\D+", match["number"])
        years = all(re.fullmatch(r"(?:19|20)\d\d", g) for g in groups)
        if card and not years and fresh(match.span("number")):
            yield Finding(number, "số thẻ ngân hàng", mask(match["number"]))
    for match in _CARD.finditer(line):
        groups = match[0].split(match["sep"]) if match["sep"] else ["0"]
        years = all(re.fullmatch(r"(?:19|20)\d\d", g) for g in groups)
        coded = match["sep"] != "." and read_as_code(line, match.start())
        money = money_follows(line, match.end())
        card = is_card(re.sub(r"\D", "", match[0])) and not coded and not money
        if not years and card and fresh(match.span()):
            yield Finding(number, "số thẻ ngân hàng", mask(match[0]))
    for match in _BIRTH_DATE.finditer(line):
        if fresh(match.span("date")):
            age = year - int(match["y"])
            who = "của trẻ vị thành niên" if age < ADULT_AGE else ""
            date = re.sub(r"\d", "*", match["date"][:-4]) + match["y"]
            yield Finding(number, f"ngày sinh đầy đủ {who}".strip(), date)
    for match in _BIRTH_YEAR.finditer(line):
        age = year - int(match["y"])
        if 0 <= age < ADULT_AGE and fresh(match.span("y")):
            yield Finding(number, f"năm sinh của trẻ vị thành niên ({age} tuổi)", match["y"])


PIECES = [
    # the words the patterns look for, in several cases, and look-alikes that fold to them
    "CCCD", "cccd", "Cccd ", "CMND: ", "CMT số ", "căn cước công dân ", "CĂN CƯỚC ", "chứng minh thư ",
    "chứng minh nhân dân số ", "định danh cá nhân: ", "ĐỊNH DANH ", "hộ chiếu ", "Hộ Chiếu số ",
    "số tài khoản ", "Số Tài Khoản ", "tài khoản số ", "STK", "STK: ", "stk ", "TK:", "tk :", "TK ",
    "Tài khoản ngân hàng ", "SN", "SN ", "sn ", "SN: ", "sinh", "sinh ngày ", "ngày sinh: ",
    "sinh năm ", "năm sinh ", "Sinh năm ", "SİNH ", "ſn ", "chứng mİnh ", "hộ chıếu ", "số tàİ khoản ", "ſTK ",
    "T\u212a: ", "ᴋ", "İ", "ı", "Thẻ ATM số ", "thẻ ", "THẺ: ",
    # numbers: IDs, accounts, dates, years, amounts, and digits other than ASCII
    "087123456789", "087 123 456 789", "0871234567890", "0872030012", "123456789", "123.456.789", "123-456-789",
    "0071 0012 34567", "9704 1234 5678 9012", "9704 1234 5678 1012", "mã vận đơn ", "mã thẻ ", "nhập mã ", " vụ", " USD", "?id=", "4111.1111.1111.1111", "2019 2020 2021 2022", "19036688888", "1 2 3 4 5 6", "12 34 56", "123-456", "12/03/2010", "01.01.1980", "1-1-2015",
    "C1234567", "b 12345678", "N", "31/12/1999", "2008", "1990", "2020", "2015", "20", "19", "0", "7", "12", "123", "1234",
    "٠٨٧١٢٣٤٥٦٧٨٩", "０８７１２３４５６７８９", "٢٠١٠", "۱۹۹۰",
    " đồng", "đ", " VNĐ", "vnđ", " triệu",
    # separators and line ends, including ones that str.split("\n") keeps inside a line
    " ", "  ", ".", ",", "/", "-", " - ", " – ", ":", "(", ")", "\n", "\n", "\r\n", "\r", "\t", "\x0b", "\x0c",
    "\x85", "\u2028", "\u00a0",
    # ordinary text, and decomposed letters that NFC composes
    "Bà A, ", "trú tại ấp Tân Lập", "em D ", "cháu B ", "Ngày 08/12/2020, ", "s\u0323", "ti\u0300",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
YEARS = st.integers(min_value=1985, max_value=2045)
SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", 40)) * 10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


@SETTINGS
@given(TEXTS, YEARS)
@example("CCCD 087123456789, STK: 0071001234567 và SN 12/03/2010", 2020)  # several on one line
@example("CCCD 087123456789", 2020)  # _ID_NEAR and _CITIZEN_ID overlap: reported once
@example("số tài khoản\n0071001234567\nSN\n12/03/2010", 2020)  # words and numbers split by \n
@example("087123456789\nđồng", 2020)  # the amount word is on the next line: still an ID
@example("CCCD 087123456789\r\nsinh năm 2008\r\n", 2020)  # CRLF
@example("SN 2008\u2028sinh năm 2010\n\nSN 2009", 2020)  # a line separator inside a line
@example("STK: 12 34 56 tại Agribank", 2020)  # six digits, never four in a row
@example("087123456789 123456789012 Mã 1234 5678 9012", 2020)  # numbers, no words
@example("chứng mİnh nhân dân 123456789, số tàİ khoản 123456", 2020)  # İ matches i in re
@example("Ngày 08/12/2020 lúc 10 giờ, 150000000 đồng", 2020)  # digits, no trigger
@example("Mã 087221004567, Mã 087220004567", 2020)  # born 2021: no ID yet; 2020: one
@example("", 2020)
@example("Bà A, 087 123 456 789, 0871.2345.6789 đồng", 2020)  # a CCCD in groups; an amount
@example("Bà A, Cccd SN 2008", 2020)  # a name found with the year: not the number patterns' kind
# A bare TK is an account's with a bank in its clause (not before a count), or after its number.
@example("Tài khoản ngân hàng TK 0071001234567, TK 123456789 vụ; TK 0071001234568", 2020)
@example("Tài khoản ngân hàng trú tại ấp Tân Lập, trú tại ấp Tân Lập, TK 123456789", 2020)
@example("Tài khoản ngân hàng" + " trú tại ấp Tân Lập," * 3 + " TK 0071001234567", 2020)  # far
@example("TK 0071001234567 tại ngân hàng, TK: 123456789", 2020)
# Session 81: a list of numbers alone after an account's line, a label's number after a blank.
@example("STK 123456789\n123456789\n- 0071 0012 34567", 2020)
@example("số tài khoản \n0071001234567\n0071001234567", 2020)
@example("STK\n\n0071001234567\n\nCCCD:\n\n087123456789", 2020)
@example("STK 123456789\n- 0071001234567 vụ\n\nSTK\n\n* 123456789 vụ", 2020)
# Session 81 review: a line opening with «,» goes on a list; a passport's letters as typed; a
# list read on from each line before, past «;», a bank in brackets, blank lines.
@example("CCCD087123456789\n,087123456789", 2020)
@example("Hộ chiếu số\n\nC1234567\n\nTK\n\nB1234567\n\nPassport no.\n\n\nAB 12345678.", 2020)
@example("Hộ chiếu İC1234567", 2020)
@example("STK 123456789\n" + "0071001234567\n" * 12, 2020)
@example("Các TK: 0071001234567;\n123456789;\n0071001234567.", 2020)
@example("STK 123456789\n- 0071001234567 (Vietcombank)\n- 123456789 vụ", 2020)
@example("số tài khoản\n\n\n0071001234567\n\nSTK 123456789\n\n- 0071001234567\n- 12345", 2020)
def test_fast_findings_equal_the_per_line_reference(text: str, year: int) -> None:
    assert number_findings(text, year) == list(reference(text, year=year))


def number_findings(text: str, year: int) -> list[Finding]:
    """The findings of the number patterns `reference` specifies: without names, house numbers
    and private phones, searched in the whole text ("Bà A, Cccd SN 2008" names someone «A Cccd»;
    "Bà A, 0872030012" is her phone, which tests/test_pii_phones.py specifies)."""
    return [
        f
        for f in findings(text, year=year)
        if not f.slug_form and not f.kind.startswith(("số nhà", PHONE_KIND))
    ]


@SETTINGS
@given(st.text(max_size=60), YEARS)
def test_fast_findings_equal_the_reference_on_any_text(text: str, year: int) -> None:
    assert number_findings(text, year) == list(reference(text, year=year))


def test_tricky_lines_give_the_expected_findings() -> None:
    text = (
        "CCCD 087123456789, STK: 0071001234567 và SN 12/03/2010\r\n"
        "số tài khoản\n"
        "0071001234567\n"
        "087123456789\n"
        "đồng\n"
        "Ngày 08/12/2020 không có gì."
    )
    assert [(f.line, f.kind, f.value) for f in findings(text, year=2020)] == [
        (0, "số tài khoản ngân hàng", "007********67"),
        (0, "số CCCD", "087*******89"),
        (0, "ngày sinh đầy đủ của trẻ vị thành niên", "**/**/2010"),
        (2, "số tài khoản ngân hàng", "007********67"),  # its label ends line 1: one paragraph
        (3, "số CCCD (12 chữ số)", "087*******89"),
    ]


def site_problems(root: Path) -> list[Problem]:
    """What lint reports for the project now."""
    return lint(load_site(config_module.load(root), now=NOW))


def test_an_edited_bulletin_is_linted_again_not_served_from_the_cache(tmp_path: Path) -> None:
    path = "content/a.md"
    root = make_project(tmp_path, {path: bulletin_md(body="Bà F trình báo.\n")})
    assert site_problems(root) == []
    (root / path).write_text(bulletin_md(body="Bà F trình báo.\n\nCCCD 087123456789.\n"))
    assert [(p.line, p.message) for p in site_problems(root)] == [
        (11, "có thể là dữ liệu cá nhân: số CCCD «087*******89»")
    ]
    (root / path).write_text(bulletin_md(body="Bà F trình báo.\n"))
    assert site_problems(root) == []


def test_the_bulletin_year_is_part_of_the_cached_answer(tmp_path: Path) -> None:
    body = "Em D (sinh năm 2008) bị dụ dỗ.\n"
    root = make_project(tmp_path, {"content/a.md": bulletin_md(body=body)})
    assert "(12 tuổi)" in site_problems(root)[0].message
    (root / "content/a.md").write_text(bulletin_md({"date": "2019-12-08 08:00"}, body))
    assert "(11 tuổi)" in site_problems(root)[0].message


def test_an_unchanged_bulletin_is_not_searched_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "CCCD của bà: 087123456789.\n"
    root = make_project(tmp_path, {"content/a.md": bulletin_md(body=body)})
    first = site_problems(root)
    assert len(first) == 1
    monkeypatch.setattr(publish.pii, "findings", pytest.fail)
    assert site_problems(root) == first


def test_title_findings_name_the_current_title_line_even_from_the_cache(tmp_path: Path) -> None:
    title = '"Tìm nhân thân cháu SN 02/05/2015"'
    root = make_project(tmp_path, {"content/a.md": bulletin_md({"title": title})})
    assert [p.line for p in site_problems(root)] == [2]
    moved = bulletin_md({"title": title}).replace("---\n", "---\nauthor: Đội Tuyên truyền\n", 1)
    (root / "content/a.md").write_text(moved)
    assert [p.line for p in site_problems(root)] == [3]


def test_the_lint_loads_none_of_the_radios_number_readers() -> None:
    """Session 75 review: the card check imported the radio's measures and typed-code readers,
    nine modules (~45 ms, their patterns compiled on import) on every cold website build; the
    words around a number it asks about are in publish.number_words, which loads no radio."""
    script = "import sys, publish.pii; print(*sorted(m for m in sys.modules if 'radio' in m))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    # pii_english reads a unit's name with the radio's pattern: one small module, no reader.
    assert done.stdout.split() == ["publish.radio", "publish.radio.unit_names"]
