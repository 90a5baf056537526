"""The radio passes' faster searches find what the searches they replaced found (hypothesis):
each old form is kept here verbatim as the specification, and the script must not change."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from publish.radio import (
    abbreviations,
    callers,
    codes,
    datetimes,
    measures,
    normalise,
    numbers,
    numerals,
)
from publish.radio.flags import Context
from publish.radio.normalise import load_abbreviations
from publish.radio.options import SpeakOptions

LEXICON = load_abbreviations(None)
HYPHENATED, PLAIN = abbreviations._lexicon_keys(frozenset(LEXICON))
KEYS = sorted(LEXICON)
PIECES = [
    " ", "  ", "\n", "-", ".", ",", ":", "(", ")", "/", "x", "_", "9", "đ", "Đ", "á", "PV GAS",
    "Công an xã Tân Phú ", "ngày 08/12/2020 ", "lúc 14h30 ", "gọi 0912.345.678 ", "số tiền ",
    "1 500 000", " 000", "000 ", "1.500 000", "2,5 000", "12 345 678 910", "đồng ", "km ",
    "CSGT-TT ", "TP. Hồ Chí Minh", "v.v. ", "thứ ", "Quý IV/2023 ", "lừa đảo ", "dùng số ",
    "cuộc gọi từ số ", "mạo danh ", "0987654321", "+84 912 345 678", "²", "٣", "１２",
]  # fmt: skip
TEXTS = st.lists(
    st.sampled_from(PIECES) | st.sampled_from(KEYS) | st.text(max_size=4), max_size=40
).map("".join)


def lexicon_pattern_before(keys: tuple[str, ...]) -> re.Pattern[str] | None:
    """`abbreviations._lexicon_pattern` before session 46, verbatim."""
    if not keys:
        return None
    groups: dict[str, list[str]] = {}
    for key in sorted(keys, key=len, reverse=True):
        groups.setdefault(key[0], []).append(re.escape(key[1:]))
    firsts = "".join(re.escape(c) for c in sorted(groups))
    branches = "|".join(
        f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in sorted(groups.items())
    )
    return re.compile(rf"(?<!\w)(?=[{firsts}])(?:{branches})(?!\w)")


def matches(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    """Where `pattern` matches in `text`."""
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None, database=None)
@given(TEXTS)
@example("xCSGT CSGT, (UBND)CSGT_ TP.HCM 1CA ĐCA đTP")
@example("\nTP\nPV GAS PV Oil PV")
def test_the_lexicon_search_finds_what_it_found(text: str) -> None:
    for keys in (PLAIN, HYPHENATED, tuple(KEYS), ("A", "a-b", "Đ", "-x", "ab.")):
        new = abbreviations._lexicon_pattern(keys)
        assert matches(new, text) == matches(lexicon_pattern_before(keys), text), keys
    before = lexicon_pattern_before(PLAIN)
    assert before is not None
    assert abbreviations._replace_keys(text, LEXICON, PLAIN) == before.sub(
        lambda m: m[0] if abbreviations._company_letters(text, m) else LEXICON[m[0]], text
    )


SPACED_GROUPS_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d| \d)")
"""`numbers._SPACED_GROUPS` before session 46, verbatim."""


@settings(max_examples=400, deadline=None, database=None)
@given(TEXTS)
@example("1 500 000 đồng, 12 345 678 910, .1 500, ,2 000, 1.500 000, 3 0000")
@example("1 500")
def test_spaced_groups_are_joined_as_they_were(text: str) -> None:
    before = SPACED_GROUPS_BEFORE.sub(lambda m: m[0].replace(" ", "."), text)
    assert numbers.join_spaced_groups(text) == (before if " " in text else text)


def callers_told_before(text: str, ctx: Context) -> None:
    """`callers.callers_told` before session 46, verbatim."""
    if not any(c.isdigit() for c in text):
        return
    for m in callers._FULL_NUMBER.finditer(text):
        if not callers._FROM_NUMBER.search(text, max(0, m.start() - callers._LOOK_BACK), m.start()):
            continue
        first = max(
            (s.end() for s in callers._SENTENCE_BREAK.finditer(text, 0, m.start())), default=0
        )
        stop = callers._SENTENCE_BREAK.search(text, m.end())
        if not callers.SCAM_WORDS.search(text, first, stop.start() if stop else len(text)):
            continue
        ctx.flag(
            "Q6",
            callers.WARNING,
            f"Số «{m[0]}» trong câu cảnh báo lừa đảo là số kẻ gian đã dùng, được đọc đủ trên "
            "sóng: người nghe có thể gọi vào, và đó có thể là số của người khác bị mượn, bị mạo "
            "danh. Nếu không cần người nghe nhận ra số, bỏ số; nếu cần, che bớt các chữ số giữa "
            "(ví dụ «0912.xxx.678», được đọc «số bắt đầu bằng … kết thúc bằng …»).",
            m[0],
        )
        return None


@settings(max_examples=400, deadline=None, database=None)
@given(TEXTS)
@example("Đối tượng dùng số 0912345678 gọi điện mạo danh Công an để lừa đảo.")
@example("Cảnh báo lừa đảo: cuộc gọi từ số ² lạ")
def test_scam_callers_are_told_as_they_were(text: str) -> None:
    new, old = Context(SpeakOptions(), LEXICON), Context(SpeakOptions(), LEXICON)
    callers.callers_told(text, new)
    callers_told_before(text, old)
    assert new.flags == old.flags


_NUMBER = r"\d+(?:[.,]\d+)*"
_NUM = r"(?<![\w.,])(" + _NUMBER + r")"
_END = r"(?![\w]|[.,]\d)"
NUMBER_SEARCHES_BEFORE = {
    (numerals, "_RANGE"): _NUM + r"\s*-\s*(" + _NUMBER + r")" + _END,
    (numerals, "_PLUS"): _NUM + r"\s*\+\s*(" + _NUMBER + r")" + _END,
    (numerals, "_ANY_NUMBER"): _NUM + _END,
    (numerals, "_FRACTION"): r"(?<![\w.,/])(\d+)/(\d{1,3}(?:\.\d{3})+|\d+)(?![\w/]|[.,]\d)",
    (numerals, "_SLASH_RUN"): r"(?<![\w.,/])\d+(?:/\d+){2,}(?![\w/]|[.,]\d)",
    (numerals, "_LETTERED"): r"(?<![\w.,/])(\d{1,4})([A-Z])(\d{1,2})?(?![\w/]|[.,]\d)",
    (numerals, "_HOUSE_NUMBER"): (
        r"(?<![\w.,/])(\d{1,5}[A-Z]?)((?:/\d{1,5}[A-Z]?)+)(?![\w/]|[.,]\d)"
    ),
    (measures, "_INFORMAL"): _NUM + r"\s?(k|tr|củ)(?!\w)",
    (measures, "_PERCENT"): _NUM + r"\s?([%‰])",
    (codes, "_LONG_RUN"): r"(?<![\w.,/+\-])\d{10,}(?![\w/]|[.,]\d)",
    # Session 76: «0084», «+84 0…» and a bare «84» read as the country code, each before a
    # mobile's nine digits or a landline's ten (publish.contact_numbers.country_lead).
    (codes, "_PHONE"): (
        r"(?<![\w+.,/])(\+84(?:[ .\-]?0)?[ .\-]?(?:[35789](?:[ .\-]?\d){8}|2(?:[ .\-]?\d){9})"
        r"|0084[ .\-]?(?:[35789](?:[ .\-]?\d){8}|2(?:[ .\-]?\d){9})"
        r"|0\d(?:[ .\-]?\d){8,9}"
        r"|84[ \u00a0\u202f.]?[35789](?:[ .\-]?\d){8})(?![\d]|[.,/]\d)"
    ),
}
"""The number searches before session 46, verbatim (their look-behind opened the pattern)."""
for _name in ("_MONEY", "_UNIT_RANGE"):  # long currency and unit alternations, after the number
    _after = getattr(measures, _name).pattern.removeprefix(numbers.NUMBER_ALONE)
    assert _after != getattr(measures, _name).pattern
    NUMBER_SEARCHES_BEFORE[measures, _name] = _NUM + _after
NUMBER_PIECES = [
    "0", "1", "9", "12", "123", "2020", "0912", "345", "678", "84", "+", "+84", "-", "/", ".",
    ",", " ", "  ", "A", "B", "k", "tr", "củ", "%", "‰", "đ", "x", "_", "số ", "ngày ", "1/2",
    "45/2/7", "12A1", "123/4A", "0912 345 678", "+84 912.345.678", "1.500.000", "2,5", "5-7",
    "3+2", "12345678901", "0084", "84912345678", "²", "٣", "đồng", "đ/c", "VNĐ", "USD", "triệu", "tỷ ", "km", "kg",
    "ha", "m", "5 - 7 triệu đồng", "2-3 kg", "10%-15%", "1,5 tỷ đồng",
]  # fmt: skip
NUMBER_TEXTS = st.lists(st.sampled_from(NUMBER_PIECES) | st.text(max_size=3), max_size=40).map(
    "".join
)


def found(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    """Where `pattern` matches in `text`, and what each of its groups holds."""
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=500, deadline=None, database=None)
@given(NUMBER_TEXTS)
@example("Gọi 0912345678, +84912345678 hay a0912345678; 1.500.000đ, 12,5%, 50k, 45/2/7, 12A1")
@example("0084 277 3610 113, 0084912345678, 84912345678, 84 912345678, a84912345678, 184912345678")
@example("x1 triệu đồng, 1 triệu đồng, .5 kg, 5 kg - 7 kg, 2-3 triệu đồng, 10%-15%")
@example("x12 .12 ,12 /12 +12345678901 -12345678901 _12 ٣12 12/5/2026 1/1.000 5-7 3+2")
@example("+84020202020 +840912 345 678 +84 0277 3610 113 84-912345678 84 912 345 678 84.2773610113")
def test_the_number_searches_find_what_they_found(text: str) -> None:
    for (module, name), before in NUMBER_SEARCHES_BEFORE.items():
        assert found(getattr(module, name), text) == found(re.compile(before), text), name


EDGE_BEFORE = r"(?<![\w.,/:-])(\d{1,2})"
r"""`datetimes._EDGE` then `(\d{1,2})`, as ten date and time searches opened before session 46."""
DATE_SEARCHES = [
    name
    for name, value in vars(datetimes).items()
    if isinstance(value, re.Pattern) and value.pattern.startswith(datetimes._EDGED_DAY)
]
HOUR_BEFORE = r"(?<![\w.,/:-])([01]?\d|2[0-3])"
"""`datetimes._EDGE` then an hour, as five clock-time searches opened before session 46."""
HOUR_SEARCHES = [
    name
    for name, value in vars(datetimes).items()
    if isinstance(value, re.Pattern) and value.pattern.startswith(datetimes._EDGED_HOUR)
]
OVERLONG_BEFORE = r"(?:\d(?:[.,]| (?=\d{3}(?!\d)))?){100,}"
"""`normalise._OVERLONG_NUMBER` before session 46, verbatim."""
DATE_PIECES = [
    *NUMBER_PIECES, "7", "20", "31", "/", "-", ":", " giờ ", " giờ 00 phút", "tháng", " tháng 5",
    "08/12/2020", "20-11", "5-7/12", "1/3 - 5/3/2026", "12/2025", "2024-2025", "ngày", "năm",
    "9" * 45, "113 ", "1.000.", "000 ", "١", "h", "g", "p", "'", "’", " phút", "14h30", "7g45",
    "23:59:59", "24h", "2h", "21h45'", "10h15p", "29h", "2 h 5", "0", "3", "4", "5", "6",
]  # fmt: skip
DATE_TEXTS = st.lists(st.sampled_from(DATE_PIECES) | st.text(max_size=3), max_size=60).map("".join)


def test_the_date_searches_changed_are_those_that_opened_with_a_day_or_an_hour() -> None:
    assert len(DATE_SEARCHES) == 10
    assert sorted(HOUR_SEARCHES) == ["_G", "_H", "_HM", "_HMS", "_HM_COLON"]


@settings(max_examples=500, deadline=None, database=None)
@given(DATE_TEXTS)
@example("ngày 08/12/2020, 20-11, 5-7/12, từ 1/3 - 5/3/2026, 12/2025, 19 giờ 00 phút, 7 giờ 30")
@example("x08/12/2020 .20-11 ,5/12 /1/3 :7 giờ 30 -20-11 ١20/11 1.3-5 tháng 6")
@example("lúc 14h30, 7g45, 23:59:59, 24h, 2h, 21h45', 10h15p, 29h, 20h5, 2 h 05, 09:5, 1:30:00")
@example("x14h30 .7g45 ,23:59 /2h :20h -10h15p ١2h 03h 19g 20:30:15 24:00 2h30'")
@example("9" * 99 + " 9" + " 113" * 40 + "1.000." * 40)
def test_the_date_and_overlong_searches_find_what_they_found(text: str) -> None:
    for name in DATE_SEARCHES:
        new = getattr(datetimes, name)
        before = EDGE_BEFORE + new.pattern.removeprefix(datetimes._EDGED_DAY)
        assert found(new, text) == found(re.compile(before), text), name
    for name in HOUR_SEARCHES:
        new = getattr(datetimes, name)
        before = HOUR_BEFORE + new.pattern.removeprefix(datetimes._EDGED_HOUR)
        assert found(new, text) == found(re.compile(before), text), name
    assert found(normalise._OVERLONG_NUMBER, text) == found(re.compile(OVERLONG_BEFORE), text)
