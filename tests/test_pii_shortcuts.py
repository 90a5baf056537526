"""The personal-data lint's shortcuts (each pattern tried only where str.find finds a word it
starts with, or only on lines holding a word it needs) never hide a finding: the lint finds
exactly what searching every pattern over the whole text finds, on crafted text and on the
generated corpus."""

from __future__ import annotations

import importlib.util
import os
import re
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from publish import pii, pii_english
from publish.number_words import (
    _LABELLED_CARD,
    ID_LABEL_WORDS,
    accounts_after_codes,
    bare_account_number,
    labelled_number,
    money_follows,
    read_as_code,
)
from publish.pii import (
    _ACCOUNT_WORDS,
    _ANCHOR,
    _BIRTH_DATE,
    _BIRTH_YEAR,
    _CITIZEN_ID,
    _FOOTER,
    _HOUSE,
    _HOUSE_IN_CLAUSE,
    _ID_NEAR,
    _INFORMANT,
    _NAME_YEAR,
    _NAME_YEAR_WORDS,
    _NOT_A_HOME,
    _OFFICE,
    _PASSPORT,
    _RESIDENCE,
    _SENTENCE_REACH,
    _SERVICE,
    _STREET_AFTER,
    _TOLD_REACH,
    _TOLD_WORDS,
    _TRIGGER,
    ADULT_AGE,
    Finding,
    findings,
)
from publish.pii_phones import private_phones
from publish.text import (
    YEAR,
    LineCounter,
    born_after,
    is_citizen_id,
    mask,
    masked_passport,
    nfc,
    one_tone_placement,
    slugify,
)
from tests.helpers import every_character
from tests.pii_reference import paid_accounts

ROOT = Path(__file__).parents[1]


def id_kind(digits: str) -> str:
    """The kind a finding names an ID's number by: CMND (9 digits), CCCD (12), else a mistyped
    one with its count (session 76)."""
    kinds = {9: "số CMND", 12: "số CCCD"}
    return kinds.get(len(digits), f"số CCCD/CMND ({len(digits)} chữ số, có thể gõ sai)")


def _whole_lines(text: str, year: int) -> Iterator[Finding]:
    """The number findings of each line holding a trigger, every pattern searched whole; then
    those of the line read with a label's line before it, the join itself specified in
    tests/test_pii_fast.py (its own reference)."""
    number = start = 0
    own: dict[int, list[Finding]] = {}  # each line's findings, its join's too
    link, linked = None, -1  # the list line `linked` is of, read on by the next
    anchor = _ANCHOR.search(text)
    while anchor is not None:
        at = anchor.start()
        number += text.count("\n", start, at)
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if _TRIGGER.search(line):
            own[number] = list(_whole_line(line, number, year))
            yield from own[number]
        if joined := pii._joined_line(text, None, start, link if linked == number - 1 else None):
            # A list's line after its head's (session 81): only the head's and its own numbers.
            back = range(number - joined.back, number + 1)
            lines = [number - joined.back, number] if joined.listed else back
            apart = [f for at in lines for f in own.get(at, [])]
            if not bisect_left(pii._fenced(text), start) % 2:
                more = list(pii._joined_findings(joined.text, number, year, apart))
                own[number] = own.get(number, []) + more
                yield from more
            link, linked = joined.link, number
        anchor = _ANCHOR.search(text, end)


def searched_whole(text: str, *, year: int) -> Iterator[Finding]:
    """What `findings` finds when every pattern is searched over its whole text (or, for the
    informants, over the windows around the told words): the lint before its shortcuts, kept
    as the specification."""
    text = nfc(text)
    yield from _whole_lines(text, year)
    named: set[int] = set()
    low = text.lower()
    if "tuổi" in text:
        yield from pii._named_minors(text, named)
    if "(19" in text or "(20" in text or any(word in low for word in _NAME_YEAR_WORDS):
        yield from _whole_name_year(text, year, named)
    if any(word in low for word in pii._HOME_WORDS):
        yield from _whole_homes(low, text if len(low) == len(text) else None)
    told = []
    for word in _TOLD_WORDS:
        at = low.find(word)
        while at >= 0:
            if not (low.startswith(_FOOTER, at) and low.endswith("thông tin ", 0, at)):
                told.append(at)
            at = low.find(word, at + len(word))
    if told:
        yield from _whole_informants(text, sorted(told) if len(low) == len(text) else None)
    # The phone rule's own shortcut (a text without «+» searched for numbers starting with «0»)
    # is specified in tests/test_pii_phones.py; here its findings keep the comparison whole.
    counter = LineCounter(text)
    for at, kind, value in private_phones(text, frozenset()):
        yield Finding(counter(at), kind, value)


def _whole_line(line: str, number: int, year: int) -> Iterator[Finding]:
    """One line's number findings, every pattern searched over the whole line."""
    fresh = pii._Spans()
    for match in paid_accounts(line) if _ACCOUNT_WORDS.search(line) else ():
        named = labelled_number(match["number"], match["gap"], line, match.end(), of_id=False)
        for span, written in pii._with_listed(line, match) if named else ():
            if fresh(span):
                yield Finding(number, "số tài khoản ngân hàng", mask(written))
    for item in accounts_after_codes(line):  # session 78: `STK 1234 và 0123456789`
        if fresh(item.span("number")):
            yield Finding(number, "số tài khoản ngân hàng", mask(item["number"]))
    for match in pii._BARE_ACCOUNT.finditer(line) if _ACCOUNT_WORDS.search(line) else ():
        bare = bare_account_number(match["number"], match["gap"], line, match.end())
        for span, written in pii._with_listed(line, match, bare=True) if bare else ():
            if fresh(span):
                yield Finding(number, "số tài khoản ngân hàng", mask(written))
    for match in _ID_NEAR.finditer(line):
        named = pii._citizen_id(line, match)
        for span, written in pii._with_listed(line, match, of_id=True) if named else ():
            digits = re.sub(r"\D", "", written)
            if fresh(span):
                yield Finding(number, id_kind(digits), mask(digits))
    for match in _PASSPORT.finditer(line):
        if fresh(match.span("number")):
            yield Finding(number, "số hộ chiếu", masked_passport(match["number"]))
    for match in _CITIZEN_ID.finditer(line):
        money = money_follows(line, match.end())
        coded = read_as_code(line, match.start())  # a code the radio reads out
        if not born_after(match[0], year) and not money and not coded and fresh(match.span()):
            yield Finding(number, "số CCCD (12 chữ số)", mask(match[0]))
    for match in pii._GROUPED_CITIZEN_ID.finditer(line):
        digits = match[0].replace(match["sep"], "")
        money = money_follows(line, match.end())
        coded = match["sep"] != "." and read_as_code(line, match.start())
        if is_citizen_id(digits, year) and not money and not coded and fresh(match.span()):
            yield Finding(number, "số CCCD (12 chữ số)", mask(digits))
    for match in _LABELLED_CARD.finditer(line):  # session 79: `Thẻ ATM số 9704 - 1234 - …`
        named = labelled_number(match["number"], match["gap"], line, match.end(), of_id=False)
        years = all(YEAR.fullmatch(g) for g in re.split(r"\D+", match["number"]))
        if named and not years and fresh(match.span("number")):
            yield Finding(number, "số thẻ ngân hàng", mask(match["number"]))
    for match in pii._CARD.finditer(line):
        if pii._is_card(line, match) and fresh(match.span()):
            yield Finding(number, "số thẻ ngân hàng", mask(match[0]))
    for match in _BIRTH_DATE.finditer(line):
        if fresh(match.span("date")):
            who = "của trẻ vị thành niên" if year - int(match["y"]) < ADULT_AGE else ""
            yield Finding(number, f"ngày sinh đầy đủ {who}".strip(), pii._masked_date(match))
    for match in _BIRTH_YEAR.finditer(line):
        age = year - int(match["y"])
        if 0 <= age < ADULT_AGE and fresh(match.span("y")):
            yield Finding(number, f"năm sinh của trẻ vị thành niên ({age} tuổi)", match["y"])


def _whole_name_year(text: str, year: int, named: set[int]) -> Iterator[Finding]:
    """Children named with a birth year, `_NAME_YEAR` searched over the whole text."""
    line = LineCounter(text)
    for match in _NAME_YEAR.finditer(text):
        age = year - int(match["bare"] or match["y"])
        if not 0 <= age < ADULT_AGE:
            continue
        name, before, end = pii._name_before(text, match.start())
        if match["bare"] and (before.lower() not in pii._BEFORE_NAME or before.lower() == "em"):
            continue
        if pii._full(name) and end not in named:
            named.add(end)
            yield Finding(
                line(match.start()),
                f"họ tên của trẻ vị thành niên ({age} tuổi)",
                pii._initials(name),
                slugify(" ".join(name)),
            )


def _whole_homes(low: str, text: str | None) -> Iterator[Finding]:
    """House numbers, `_RESIDENCE` and `_HOUSE` searched over the whole lower-cased text, each
    match judged by the lint's own rules (`text`: as written, when at `low`'s offsets)."""
    fresh = pii._Spans()
    line = LineCounter(low)
    for match in _RESIDENCE.finditer(low):
        clause = match["clause"]
        for house in _HOUSE_IN_CLAUSE.finditer(clause):
            group = next(g for g in ("direct", "number", "named", "street") if house[g] is not None)
            number = house[group]
            after = clause[house.end(group) :]
            if _SERVICE.fullmatch(number) and not _STREET_AFTER.match(after):
                continue
            at = match.start("clause") + house.end(group)
            if group == "direct" and (
                pii._counts_places(number, after)
                or (text is not None and pii._counts_named(number, text, at))
            ):
                continue
            if _OFFICE.search(one_tone_placement(clause[: house.start()])):
                continue
            start = match.start("clause") + house.start(group)
            if fresh((start, start + len(number))):
                yield pii._home_finding(line(start), number)
    line = LineCounter(low)
    for house in _HOUSE.finditer(low) if "nhà số" in low or "số nhà" in low else ():
        at = house.start()
        reach = max(0, at - _SENTENCE_REACH)
        sentence = max(reach, *(low.rfind(c, reach, at) + 1 for c in "\n.;!?"))
        end = at + 3 if low.startswith("nhà", at) else at
        if _NOT_A_HOME.search(one_tone_placement(low[sentence:end])):
            continue
        if fresh(house.span("number")):
            yield pii._home_finding(line(house.start("number")), house["number"])


def _whole_informants(text: str, told: list[int] | None) -> Iterator[Finding]:
    """Informants' names, `_INFORMANT` searched over each whole window (or the whole text)."""
    if told is None:
        matches = list(_INFORMANT.finditer(text))
    else:
        windows: list[list[int]] = []
        for at in told:
            start, end = max(0, at - _TOLD_REACH), min(len(text), at + _TOLD_REACH)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], end)
            else:
                windows.append([start, end])
        matches = [m for start, end in windows for m in _INFORMANT.finditer(text, start, end)]
    line = LineCounter(text)
    for match in matches:
        words: list[str] = []
        split = (match["name"] or match["name2"]).split()
        for i, word in enumerate(split):
            if not word[0].isupper() or pii._place(split, i):
                break
            words.append(word)
        if pii._full(words):
            kind = "họ tên người tố giác, báo tin"
            yield Finding(line(match.start()), kind, pii._initials(words), slugify(" ".join(words)))


PIECES = [
    # what each pattern starts with or needs, in several cases, and letters a case-blind regex
    # takes for «i» and «s» that str.lower() does not give (ı, ſ, İ)
    "SN ", "Sn ", "sn ", "sN ", "SN: ", "(SN ", "sinh năm ", "Sinh năm ", "SINH NĂM ", "năm sinh ",
    "Năm sinh: ", "sinh ngày ", "ngày sinh ", "sinh ", "ſinh năm ", "sınh năm ", "SİNH NĂM ",
    "năm ſinh ", "CCCD ", "cmnd: ", "CMT ", "căn cước ", "Chứng minh nhân dân ", "chứng mınh ",
    "định danh ", "hộ chiếu ", "Hộ Chiếu ", "hộ chıếu ", "STK: ", "tk:", "TK ", "tài khoản số ",
    "số tài khoản ", "Số Tàİ Khoản ", "ſTK ", "tuổi", " tuổi", "(", ")", "(20", "(19", "(2012)",
    "(2010)", "(1990)",
    "trú", "trú tại ", "Trú tại ", "thường trú tại ", "thường \t trú ", "tạm  trú ", "cư trú ",
    "lưu trú tại ", "trú ẩn ", "trú mưa ", "ngụ ", "Ngụ tại ", "nơi ở: ", "nơi  ở ", "chỗ ở ",
    "nhà số ", "số nhà ", "nhà  số ", "Nhà Số ", "căn nhà số ", "số ", "tổ ", "đường ", "hẻm ",
    "Công an ", "trụ sở ", "Trụ Sở ", "trụ ſở ", "tòa nhà ", "TÒA  NHÀ ", "dãy\tnhà ", "khu nhà ",
    "tố giác", "tố giác ", "Tố Giác ", "tố gıác ", "tố cáo ", "báo tin ",
    "Báo tin ", "báo tın ", "tin báo ", "tin báo của ", "cung cấp thông tin: ", "phản ánh ",
    "phản ánh của ", "Mọi thông tin tố giác tội phạm ", "thông tin tố giác tội phạm ", "của ",
    "là ", "từ ", ": ", "đã ", "ông ", "Ông ", "ÔNG ", "bà ", "Bà ", "anh ", "Anh ", "chị ",
    "Chị ", "em ", "Em ", "cháu ", "Cháu ", "cô ", "chú ", "bác ", "không ", "công ", "thông ",
    "học sinh ", "Học sinh ", "bé ", "trẻ em ", "ẩn tại ", "mưa ", "hiện nay: ", "tội phạm ",
    "thông tin ", "½", "²", "_",
    # names and other words
    "Lê ", "Văn ", "Tèo ", "Nguyễn ", "Thị ", "Hoa", "Trần ", "Mỹ ", "Duyên", "Đặng ", "Sáu",
    "Bảy ", "Lê Lợi", "Tân Lập", "A ", "B.", "THCS ", "Trường ", "Thành ", "phố ", "An ",
    # numbers
    "45", "12/3", "12A", "113", "1900", "2008", "2010", "2015", "1990", "087123456789",
    "123456789", "123 456 789", "0071 0012 34567", "C1234567", "B 12345678", "12/03/2010",
    "01.01.1980", "15", "9", "16 ", "٢٠١٠", "０８７１２３４５６７８９", "68/2020/QH14",
    "9704 1234 5678 9012", "9704 1234 5678 1012", "4111-1111-1111-1111", "4111111111111111", "2019 2020 2021 2022",
    "mã vận đơn ", "mã thẻ ", "nhập mã ", " vụ", " USD", "?id=",
    # separators and line ends
    " ", "  ", "\t", ", ", ".", ";", "\n", "\n\n", "\r\n", "\u2028", "\u00a0",
    # a run that moves what follows past a told word's window
    "Đối tượng đã khai nhận toàn bộ hành vi phạm tội của mình tại cơ quan điều tra. ",
    "x" * 140, " " * 150,
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
YEARS = st.integers(min_value=2000, max_value=2035)
SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", 40)) * 25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


@SETTINGS
@given(TEXTS, YEARS)
@example("Cháu Trần Thị Mỹ Duyên (ſinh năm 2015) đi lạc", 2020)  # ſ: no «sinh» for str.find
@example("Cháu Trần Thị Mỹ Duyên (SN 2015), em Lê Văn Tèo (sınh năm 2012)", 2020)
@example("chị Lê Thị Hoa đã tố gıác, phản ánh", 2020)  # ı inside a window
@example("chị Lê Thị Hoa đã tố giác; SİNH NĂM", 2020)  # İ: offsets move when lower-cased
@example("ông Đặng Văn Sáu thường \t\t  trú tại 45 Lê Lợi", 2020)  # spaces before «trú»
@example("lưu trú tại số 12 đường Trần Phú, cư trú tại số 7 đường Lê Lợi", 2020)
@example("Mọi thông tin tố giác tội phạm: ông Lê Văn Tèo đã tố giác", 2020)  # footer, then one
@example("báo tin báo tin của ông Lê Văn Bảy", 2020)  # overlapping told words
@example("anh Lê Văn Tư đã báo tin, " + "x" * 140 + " phản ánh", 2020)
@example("Hộ chıếu số C1234567; số tàİ khoản 0071001234567; chứng mınh 123456789", 2020)
@example("SN 12/03/2010, sinh năm 2012, năm sinh 2011, ngày sinh 01.01.2015", 2020)
@example("Học sinh Trần Văn Hậu (2011) và cháu Lê Thị Hoa (2012) bị thương", 2020)  # «(20»
@example("cư trú ẩn tại số 7 đường Lê Lợi; tạm \t trú mưa tại số 3 đường Lê Lợi", 2020)
@example("trú tại ấp 3; nơi  ở hiện nay: số 7 hẻm 3; chỗ\tở số 9 đường Lê Lợi", 2020)
@example("Tiếp nhận phản ánh, ông Lê Văn Bảy thông tin tố giác tội phạm", 2020)  # footer ends it
@example("Anh Nguyễn Văn Tư tố giác tội phạm; ½ông Lê Văn Bảy đã báo tin", 2020)
@example("phản ánh của ông Lê" + " " * 140 + "Văn Bảy", 2020)  # the window cuts the name
@example("phản ánh của ông Lê Văn Bảy đã tố giác", 2020)  # a match inside one: not another
@example("STK: 0071 0012 34567 tại Vietcombank; TK: 19036688888", 2020)
@example("Tài khoản ngân hàng TK 0071001234567, TK 123456789 vụ; TK 0071001234568", 2020)
@example("anh TK 0912345678, em TK 087123456789", 2020)  # initials, no bank: no account
@example("Trụ ſở, nhà số 3; dãy nhà A nhà số 4; khu nhà B, nhà số 5; Tòa nhà C nhà số 9", 2020)
@example("Hộ Chiếu số C1234567; HỘ CHIẾU B 12345678; CĂN CƯỚC 087123456789", 2020)
@example("ngụ đường tài khoản số 123 456 789", 2000)  # a street's name before «số N»
@example("trú tại 2 xã An Hiệp và An Nhơn; ngụ tại toà nhà số 9", 2020)  # a count; «toà»
@example("Bị hại là ông Nguyễn Văn Bình, trú ấp 3, CCCD 087123456789, SĐT 0912 345 678", 2020)
@example("Bà A, 087 123 456 789, trú tại 0871.2345.6789 đồng", 2020)  # a CCCD in groups
@example("CCCD \n０８７１２３４５６７８９", 2020)  # a label's line read with the next
def test_the_shortcuts_find_what_searching_the_whole_text_finds(text: str, year: int) -> None:
    assert list(findings(text, year=year)) == list(searched_whole(text, year=year))


@SETTINGS
@given(st.text(max_size=80), YEARS)
def test_the_shortcuts_find_what_the_whole_search_finds_on_any_text(text: str, year: int) -> None:
    assert list(findings(text, year=year)) == list(searched_whole(text, year=year))


def _corpus_texts(count: int) -> list[tuple[str, int]]:
    """(text, year) of the titles, summaries and bodies of `count` generated bulletins and of
    the repository's sample content."""
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks/make_corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    texts = []
    for i in range(count):
        made = corpus.Bulletin("20250501", i)
        texts += [(t, made.date.year) for t in (made.title, made.summary, made.body)]
    texts += [(p.read_text(encoding="utf-8"), 2024) for p in (ROOT / "content").rglob("*.md")]
    return texts


def test_the_shortcuts_find_what_the_whole_search_finds_on_the_generated_corpus() -> None:
    texts = _corpus_texts(400)
    found = [list(findings(text, year=year)) for text, year in texts]
    assert found == [list(searched_whole(text, year=year)) for text, year in texts]
    assert sum(map(len, found)) > 10  # the corpus names people: the comparison means something


def test_the_odd_cases_are_every_letter_a_case_blind_regex_folds_unlike_str_lower() -> None:
    words = (
        *pii._TRIGGER_WORDS,
        *pii._ID_WORD_STARTS,
        *_NAME_YEAR_WORDS,
        *_TOLD_WORDS,
        *pii._TITLE_WORDS,
        *pii._NOT_A_HOME_STARTS,
    )
    letters = set("".join(words)) - {" "}
    any_letter = re.compile("[" + re.escape("".join(sorted(letters))) + "]", re.IGNORECASE)
    # One scan of every character (a fullmatch per character took most of the test's time).
    odd = [char for char in any_letter.findall(every_character()) if char.lower() not in letters]
    assert sorted(odd) == sorted(pii._ODD_CASES)


def test_a_letter_is_what_the_patterns_take_for_one() -> None:
    letter = re.compile(r"[^\W\d_]")
    every = every_character()
    assert letter.findall(every) == [char for char in every if pii._letter(char)]


def test_no_pattern_tried_only_at_its_words_matches_an_empty_string() -> None:
    parser = re._parser  # type: ignore[attr-defined]
    for pattern in (_NAME_YEAR, _RESIDENCE, _INFORMANT, _BIRTH_DATE, _BIRTH_YEAR):
        assert parser.parse(pattern.pattern, pattern.flags).getwidth()[0] > 0, pattern.pattern


_WORDS_BEFORE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]+\s+){0,4}[^\W\d_]+\s*,?\s*$")
"""The words of a name before an age, searched forwards as the lint once did (most of its time
on a line of many ages or years): the specification of `pii._words_start`."""


def _words_searched(segment: str, pos: int) -> int:
    """Where `_WORDS_BEFORE` finds the words ending `segment` from `pos`, or -1."""
    found = _WORDS_BEFORE.search(segment, pos)
    return -1 if found is None else found.start()


WORD_PIECES = [
    "Lê", "Văn", "Tèo", "em", "Cháu", "x" * 30, "A", "²", "½", "_", "5", "٢", "-", "(", ".",
    ",", " ,", ", ", ",,", " ", "  ", "\t", "\u00a0", "\u2028", "\x1c", "\r", "\u3000",
]  # fmt: skip
SEGMENTS = st.lists(st.sampled_from(WORD_PIECES), max_size=30).map("".join)


@SETTINGS
@given(SEGMENTS, st.integers(min_value=0, max_value=200))
@example("Lê Văn Tèo ", 0)
@example("Lê Văn Tèo ", 1)  # «Lê» starts before 1: the words from «Văn»
@example("Lê Văn", 1)
@example("a b c d e f g", 0)  # the last five
@example("Lê Văn Tèo , ", 3)
@example("Lê Văn Tèo,, ", 0)
def test_the_words_before_an_age_are_those_the_forward_search_finds(segment: str, pos: int) -> None:
    assert pii._words_start(segment, pos) == _words_searched(segment, pos)


@SETTINGS
@given(st.text(st.characters(blacklist_characters="\n"), max_size=40), st.integers(0, 45))
def test_the_words_before_an_age_are_those_the_forward_search_finds_in_any_line(
    segment: str, pos: int
) -> None:
    assert pii._words_start(segment, pos) == _words_searched(segment, pos)


@SETTINGS
@given(TEXTS)
@example("Em Lê Văn Tèo " + "x" * 290 + " Lê Văn Tèo (2010)")  # the window cuts a word
def test_a_name_before_any_place_is_the_one_the_forward_search_gives(text: str) -> None:
    """`_name_before` with `_words_start` as the lint has it, and with the forward search."""
    text = nfc(text)
    quick = [pii._name_before(text, at) for at in range(len(text) + 1)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pii, "_words_start", _words_searched)
        assert quick == [pii._name_before(text, at) for at in range(len(text) + 1)]


def test_the_id_shortcut_wants_id_to_start_a_word() -> None:
    # «id» inside a word made every line of «said», «video», «incident» with digits searched.
    for word in ("said", "video", "incident", "covid"):
        line = f"He {word} 1234 more"
        assert not pii._TRIGGER.search(line), word
        assert not pii_english.ID_WORD.search(line.lower()), word
    for line in ("ID card 1234", "the identity number 1234", "citizen ID 1234"):
        assert pii._TRIGGER.search(line) and pii_english.ID_WORD.search(line.lower()), line


def test_every_id_label_word_is_what_both_shortcuts_look_for() -> None:
    """Session 76: the lint's ID words were a hand-kept copy of the radio's label list: one
    added there (publish.number_words) would have been searched on no line. Each word, in the
    lower-cased line and with odd cases (`_TRIGGER`), opens a line to the ID pattern."""
    for word in ID_LABEL_WORDS:
        line = f"Ông A, {word} của ông: 087203001234."
        assert word.lower() in pii._ID_WORD_STARTS, word
        assert pii._TRIGGER.search(line), word
        assert [f.kind for f in findings(line, year=2026)] == ["số CCCD"], word
