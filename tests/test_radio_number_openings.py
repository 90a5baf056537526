"""The number passes' searches that open with a character now find what they found when they
opened with a look-behind (session 47), and the passes' new early exits change no script: each
old form is kept here verbatim as the specification (hypothesis)."""

from __future__ import annotations

import contextlib
import re
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from publish.number_words import alternation
from publish.radio import callers, codes, datetimes, in_words, masked, measures, numbers, numerals
from publish.radio.either_case import cases
from publish.radio.flags import Context
from publish.radio.normalise import load_abbreviations
from publish.radio.numbers import NUMBER, ordinal, rank, roman_value
from publish.radio.options import SpeakOptions
from publish.radio.tail import ends_before
from tests.helpers import every_character

LEXICON = load_abbreviations(None)

_END = r"(?![\w]|[.,]\d)"
SEARCHES_BEFORE = {
    # Session 76: «0084», «+84 0…» and a bare «84» read as the country code, each before a
    # mobile's nine digits or a landline's ten (publish.contact_numbers.country_lead).
    (callers, "_FULL_NUMBER"): (
        r"(?<![\w.,+])(?:\+84(?:[ .\-]?0)?[ .\-]?(?:[35789](?:[ .\-]?\d){8}|2(?:[ .\-]?\d){9})"
        r"|0084[ .\-]?(?:[35789](?:[ .\-]?\d){8}|2(?:[ .\-]?\d){9})"
        r"|0\d(?:[ .\-]?\d){8,9}"
        r"|84[ \u00a0\u202f.]?[35789](?:[ .\-]?\d){8})(?![\d]|[.,]\d)"
    ),
    (codes, "_COURT_CASE"): (
        rf"(?<![\w/])(\d+)/((?:19|20)\d{{2}})/({'|'.join(codes._CASE_KINDS)})-?"
        rf"({'|'.join(codes._TRIAL_STAGES)})(?!\w)"
    ),
    (codes, "_SPACED_DOCUMENT"): (
        r"(?<![\w/])(\d{1,5})\s*/\s*(?:((?:19|20)\d{2})\s*/\s*)?([A-ZĐ]{1,5}|[a-zđ]{1,5})\s*-\s*"
        r"([A-ZĐ][A-Za-zĐ]*|[a-zđ]+)(?![\w-])"
    ),
    (codes, "_PHONE_TRIGGER"): (
        r"(?<!\w)((?i:điện thoại|hotline|đường dây nóng|gọi|liên hệ|tổng đài)|SĐT|ĐT)"
        r"(\s*+:?+\s*+(?>(?:(?i:ngay|số|tới|đến|vào|qua)\s++){0,2}):?+\s*+)(\+?\d[\d .\-]*\d)"
        r"(?![\w]|[.,]\d)"
    ),
    (codes, "_AREA_CODE_PHONE"): (
        r"(?<![\w+.,/])\(\s*(\+84|0\d{1,3})\s*\)\s*(\d(?:[ .\-]?\d){5,9})(?![\d]|[.,/]\d)"
    ),
    (codes, "_PHONE_PAIR"): (
        r"(?<![\w+.,/])"
        + codes._PHONE_SHAPE
        + r"(?:\s*/\s*|\s+-\s+)"
        + codes._PHONE_SHAPE
        + r"(?![\d]|[.,/]\d)"
    ),
    (codes, "_SERVICE_SLASH"): r"(?<![\w.,])(11[1345])\s*/\s*(?=11[1345](?!\w))",
    (codes, "_PLATE_TRIGGER"): (
        r"(?<!\w)(BKS|(?i:biển kiểm soát|biển số))(\s*+(?>(?:số)?)\s*+:?+\s*+)"
        r"(\d{2}[ -]?[A-ZĐ]{1,2}\d?(?: ?[-.] ?| )?\d{3,5}(?:\.\d{2})?)(?!\w)"
    ),
    (codes, "_PLATE"): (
        r"(?<![\w.])(\d{2}[A-Z]{1,2}\d?-\d{3}\.?\d{2}|\d{2}-?[A-Z]{1,2}\d? \d{3}\.\d{2})"
        r"(?!\w|\.\d)"
    ),
    (codes, "_KM_POST"): r"(?<![\w])[Kk][Mm]\s*(\d+)(?:\s*\+\s*(\d+))?(?![\w]|[.,]\d)",
    (codes, "_ROAD"): r"(?<!\w)(QL|ĐT|TL|ĐH|CT)\.?\s*(\d+)([A-Z]?)(?![\w]|[.,]\d)",
    (codes, "_HYPHEN_CODE"): r"(?<!\w)([A-ZĐ][A-Za-zĐ]*)-(\d+)(?![\w]|[.,]\d)",
    (codes, "_DIGIT_CODE"): r"(?<!\w)([A-ZĐ]{1,6})(\d+)([A-ZĐ]*)(?!\w)",
    (datetimes, "_QUARTER"): r"(?<!\w)((?i:quý))\s+([IVX]+|[1-4])\s*/\s*(\d{4})(?!\d)",
    (datetimes, "_MONTH_RANGE"): (
        r"(?<!\w)((?i:tháng))\s+(\d{1,2})\s*-\s*(\d{1,2})(?:/(\d{4}))?(?![\w/]|[.,:]\d)"
    ),
    (datetimes, "_MONTH_YEAR"): (
        r"(?<!\w)((?i:tháng))\s+(\d{1,2})\s*[/.-]\s*(\d{4})" + datetimes._END
    ),
    (datetimes, "_MONTH"): r"(?<!\w)((?i:tháng))\s+(\d{1,2})(?![\w/]|[.,:]\d)",
    (in_words, "_FIGURES_THEN_WORDS"): (
        r"(?<![\w.,])(?P<figures>\d{1,3}(?:\.\d{3})+|\d+)"
        r"(?P<unit>(?:\s*(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))?(?:\s*(?:đồng|đ|VNĐ|VND)(?!\w))?)"
        r"(?P<words>\s*\(\s*(?P<said>[^\W\d_][^()\d]*?)\s*\))"
    ),
    (masked, "_MASKED"): (
        rf"(?<![\w*#\\.,/+])(?P<head>\+?\d(?:[ .]?\d){{1,8}})[ .]?(?P<hidden>{masked._HIDDEN})"
        rf"(?:(?! \d(?![ .]?\d))[ .]?(?P<tail>\d(?:[ .]?\d){{0,7}}))?(?![\w*]|[.,]\d)"
    ),
    (measures, "_METRES_AND_CENTIMETRES"): r"(?<![\w.,])(\d)m(\d{2})(?!\w|[.,]\d)",
    (measures, "_GLUED_UNIT_WORD"): (
        r"(?<![\w.,])(" + NUMBER + r")(?=(?:mét|tấn|tạ|lít|gam|ki-?lô-?gam|ki-?lô-?mét|héc-?ta)"
        r"(?!\w))"
    ),
    (numerals, "_ORDINAL"): r"(?<!\w)((?i:thứ))\s+(\d+|[IVXLCDM]+)" + _END,
    (numerals, "_SHORT_WEEKDAY_RANGE"): (
        r"(?<!\w)T([2-7])(?:\s*-\s*|\s+(?i:đến)\s+)(?:T([2-7])|(CN))(?!\w)"
    ),
    (numerals, "_SHORT_WEEKDAY"): r"(?<!\w)T([2-7])(?!\w)",
    (numerals, "_RANK"): r"(?<!\w)((?i:giải|hạng|loại))\s+(\d+)" + _END,
    (numerals, "_ROMAN_TRIGGER"): (
        r"(?<!\w)((?i:quý|khóa|khoá|kỳ|thế kỷ|đại hội|hội nghị|phần|chương|mục|tập|giai đoạn|"
        r"quân khu|cấp độ))\s+([IVXLCDM]+)(?!\w)"
    ),
    (codes, "_NUMBERED_IN_YEAR"): (
        r"(?<!\w)((?:(?i:luật|pháp lệnh|nghị định|thông tư(?: liên tịch)?|quyết định|chỉ thị|"
        r"nghị quyết|kế hoạch|công văn|thông báo|hướng dẫn|kết luận|quy định|văn bản|số)|NĐ|QĐ|NQ|KH|CV)"
        r"(?:\s+(?i:số))?\s*:?\s*)(\d{1,5})\s*/\s*((?:19|20)\d{2})(?![\w/-]|[.,]\d)"
        r"((?:\s*(?:,|(?i:và|hoặc))\s*\d{1,5}\s*/\s*(?:19|20)\d{2}(?![\w/-]|[.,]\d))*)"
    ),
    (codes, "_BIRTH_YEAR"): r"(?<!\w)(?:SN|Sn|sn):?\s*(\d{4})(?!\d)",
    (codes, "_KIND_BEFORE"): (
        rf"(?<!\w)({'|'.join(sorted(codes._KINDS, key=len, reverse=True))})(\s+(?:số\s+)?)"
        r"(?=\d+/(?:\d{4}/)?\1-)"
    ),
    (datetimes, "_STREET_BEFORE"): r"(?<!\w)(?i:đường|phố|cầu|công viên|quảng trường)\s*$",
    (datetimes, "_WEAK_DATE_TRIGGER"): r"(?<!\w)(?i:từ|đến|và|hết|tức|nhằm)\s*+,?+\s*+\(?+\s*+$",
    (datetimes, "_DAY_WORD"): r"(?<!\w)(?i:ngày)\s*$",
    (datetimes, "_DAY_NOUN"): r"(?<!\w)(?i:ngày|hôm)\s*$",
    (datetimes, "_FROM_DAY_BEFORE"): r"(?<!\w)(?i:từ)(?:\s+(?i:ngày))?\s*$",
    (datetimes, "_DAY_LIST"): (
        r"(?<!\w)((?i:ngày)(?:\s+|\s*\(\s*))(\d{1,2}(?:\s*,\s*\d{1,2})*)\s*(?:,|(?i:và))\s*"
        r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?" + datetimes._END
    ),
    (datetimes, "_DAY_TRIGGER"): (
        r"(?<!\w)(?i:ngày|sáng|trưa|chiều|tối|đêm|rạng sáng|hôm)\s*+,?+\s*+\(?+\s*+$"
    ),
    (measures, "_RATE"): (
        r"(?<![\w.,])" + NUMBER + r"(?:\s?(?:nghìn|ngàn|triệu|tỷ|tỉ))?\s?"
        r"([%‰]|(?:" + alternation(measures.UNITS) + r")(?=\s?/)|" + measures._WORD + r")"
        r"(\s?/\s?)(" + measures._PER_WORD + r"(?:\s?/\s?" + measures._PER_WORD + r")*)"
        r"(?![\w/]|\s*\d)"
    ),
    (numbers, "RANGE_LEAD"): r"(?<!\w)(?i:từ|khoảng|trong|sau|mất|chừng|tầm)\s*$",
    (numerals, "_HOUSE_WORD"): (
        r"(?<!\w)(?i:nhà|hẻm|ngõ|ngách|kiệt|lô|căn hộ|căn|ki-ốt|kiốt)(?:\s+(?i:số))?\s*+:?\s*+$"
    ),
    (numerals, "_HOUSE_NUMBER_WORD"): r"(?<!\w)(?i:số)\s*+$",
}
"""The searches before session 47, verbatim (a look-behind, or an alternation, opened them)."""
BEFORE = {key: re.compile(pattern) for key, pattern in SEARCHES_BEFORE.items()}
# Session 78: «≥», «≤» read before a number too (measures._SYMBOLS).
SYMBOL_CHAR_BEFORE = re.compile(r"[~≈±><×≥≤]|\d\s*(?:" + measures._SIZE_UNIT + r")?\s*[xX]\s*\d")
"""`measures._SYMBOL_CHAR` before session 47, verbatim: `read_measures` asked whether it matched."""
NUMERAL_WORD_BEFORE = re.compile(r"\s(?:\d|[IVXLCDM]+(?!\w))")
"""`numerals._NUMERAL_WORD` before session 47, verbatim: `read_ordinals` asked whether it matched."""
SPACED_ROMAN = re.compile(r"\s[IVXLCDM]+(?!\w)")
"""In every `numerals._ROMAN_TRIGGER` match: what `numerals._SPACED_ROMAN` looks for."""
ALWAYS = re.compile("")
"""A search that always finds: the code before session 47 had no such check."""

PIECES = [
    " ", "  ", "\n", "-", " - ", ".", ",", ":", "(", ")", " (", "/", " / ", "+", "*", "#", "\\",
    "_", "x", "X", "xx", "***", "0", "1", "2", "7", "9", "12", "113", "2024", "84", "0912",
    "345", "678", "+84", "0084", "84912345678", "1.500.000", "2,5", "đ", "Đ", "ĐT", "SĐT", "BKS", "biển số ",
    "Biển kiểm soát", "BIỂN SỐ", "gọi ", "Gọi", "GỌI", "hotline", "HOTLINE", "Đường dây nóng ",
    "điện thoại", "liên hệ", "tổng đài", "thứ ", "Thứ ", "THỨ", "tháng ", "Tháng", "THÁNG", "quý ",
    "Quý", "giải ", "hạng ", "Loại ", "khóa ", "Khoá ", "kỳ ", "thế kỷ ", "Đại hội ", "hội nghị ",
    "phần ", "chương ", "mục ", "tập ", "giai đoạn ", "quân khu ", "cấp độ ", "I", "IV", "V",
    "XX", "MCM", "L", "T", "T2", "T7", "CN", " đến ", "km", "Km", "KM", "QL", "TL", "ĐH", "CT",
    "PC", "COVID", "UBND", "HS", "ST", "/2024/", "/HS-ST", "NĐ-CP", "nđ-cp", "A", "B1", "30A",
    "-123.45", "59-X1 ", "1m65", "m", "mét", "tấn", "héc-ta", "ki-lô-gam", "~", "≈", "±", ">",
    "<", "×", "cm", "2x3", " x ", "ba trăm", "đồng", "triệu", "\u212a", "\u0131", "\u0130",
    "\u017f", "ứ", "Ứ", "á", "²", "٣", "１２", "0912.345.678", "0277.3861.234", "(0277) 3610113",
    "0912.xxx.678", "087*******89", "**113**", "113/114", "45A", "12/2026/HS-ST",
    "100 / 2019 / NĐ - CP", "300.000 đồng (ba trăm nghìn đồng)",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=50).map("".join)


def found(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    """Where `pattern` matches in `text`, and what each of its groups holds."""
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_a_first_letter_class_holds_every_character_ignore_case_matches() -> None:
    for letter in "abcdeghiklmnopqrstuvxyđáêưểọổứ":
        assert set(re.findall(f"(?i){letter}", every_character())) == set(cases(letter)), letter
    # `read_ordinals` looks for «thứ» by these two characters.
    assert set(re.findall("(?i)ứ", every_character())) == {"ứ", "Ứ"}


def test_the_searches_changed_are_those_kept() -> None:
    for module, name in SEARCHES_BEFORE:
        assert getattr(module, name).pattern != SEARCHES_BEFORE[module, name], name


@settings(max_examples=600, deadline=None, database=None)
@given(TEXTS)
@example("Gọi 0912.345.678, hotline: 1900 1234; ĐT 741; SĐT:0277.3861.234; xgọi 0912345678")
@example("0084 277 3610 113, 0084912345678, 84912345678 / 0084 912 345 678, x84912345678")
@example("BKS 66B1-123.45, biển số: 30A 123.45, Biển kiểm soát 59-X1 123.45; xBKS 30A-123.45")
@example("Km 12+300 km5 QL1A, ĐT 741, TL 12, ĐH 3, CT.01, xQL1, PC06, COVID-19 aPC06 A1B2")
@example("thứ 2, Thứ IV, THỨ 5; tháng 12/2024, Tháng 5-7, tháng 3; Quý IV/2023, quý 2/2024")
@example("giải 1, hạng 2, Loại 3; khóa XIV, Đại hội XIII, thế kỷ XX, mục C; xthứ 2 T2-T7 T2 đến CN")
@example("\u212aHÓA IV, \u0131, \u017f, thứ\u0130 2, gı 2")
@example("1m65, 3mét, 2x3m, ~5, ≈ 2, ±1, >3, <4, 2 × 3, 100m x 200m; a1m65 .3mét")
@example("087*******89, +84 xxx xxx xxx, 0912.xxx.678, **113**, x0912***89")
@example("300.000 đồng (ba trăm nghìn đồng), 01 (một), 12/2026/HS-ST, 100 / 2019 / NĐ - CP")
@example("(0277) 3610113, 0912.345.678/0277.3851.234, 113/114/115, 0912 345 678 - 0913 123 456")
@example("+840277.3861.234 +84020202020 +840912 345 678 84-912345678 84 912 345 678 84.2773610113")
def test_the_number_searches_find_what_they_found(text: str) -> None:
    for (module, name), before in BEFORE.items():
        assert found(getattr(module, name), text) == found(before, text), name
        if before.pattern.endswith("$"):  # searched back from each number (`tail.ends_before`)
            for end in range(len(text) + 1):
                new = ends_before(getattr(module, name), text, end)
                old = ends_before(before, text, end)
                assert (new and new.span()) == (old and old.span()), (name, end)


SAMPLES: dict[str, str | tuple[str, ...]] = {
    "_FULL_NUMBER": ("0912345678", "+84912345678", "0084 277 3610 113", "84912345678"),
    "_COURT_CASE": "12/2026/HS-ST",
    "_SPACED_DOCUMENT": "100 / 2019 / NĐ - CP",
    "_PHONE_TRIGGER": ("gọi 0912345678", "ĐT: 113", "SĐT 113"),
    "_AREA_CODE_PHONE": "(0277) 3610113",
    "_PHONE_PAIR": ("0912.345.678/0277.3851.234", "+84912345678 - 0277.3851.234"),
    "_SERVICE_SLASH": "113/114",
    "_PLATE_TRIGGER": ("BKS 66B1-123.45", "biển số 30A 123.45"),
    "_PLATE": "30A-123.45",
    "_KM_POST": "Km 12+300",
    "_ROAD": ("QL1A", "ĐT 741"),
    "_HYPHEN_CODE": "COVID-19",
    "_DIGIT_CODE": "PC06",
    "_QUARTER": "quý 4/2024",
    "_MONTH_RANGE": "tháng 5-7",
    "_MONTH_YEAR": "tháng 12/2024",
    "_MONTH": "tháng 3",
    "_FIGURES_THEN_WORDS": "300.000 đồng (ba trăm nghìn đồng)",
    "_MASKED": ("0912***678", "+84xxx"),
    "_METRES_AND_CENTIMETRES": "1m65",
    "_GLUED_UNIT_WORD": "3mét",
    "_ORDINAL": "thứ 2",
    "_SHORT_WEEKDAY_RANGE": "T2-T7",
    "_SHORT_WEEKDAY": "T7",
    "_RANK": "giải 1",
    "_ROMAN_TRIGGER": "khóa XIV",
    "_NUMBERED_IN_YEAR": (
        "Nghị định số 100/2019 và 123/2021",
        "thông tư liên tịch 12/2024",
        "QĐ 5/2020",
    ),
    "_BIRTH_YEAR": ("SN 1990", "Sn: 1990", "sn1990"),
    "_KIND_BEFORE": ("NĐ 100/2019/NĐ-CP", "TT số 28/2024/TT-BCA", "TTLT 1/2020/TTLT-BCA"),
    "_STREET_BEFORE": ("đường ", "Quảng trường"),
    "_WEAK_DATE_TRIGGER": ("hết (", "Từ, "),
    "_DAY_WORD": "ngày ",
    "_DAY_NOUN": ("Hôm", "ngày "),
    "_FROM_DAY_BEFORE": ("từ ngày ", "Từ"),
    "_DAY_LIST": ("ngày 5, 6/12", "Ngày (5 và 6/12/2024)"),
    "_DAY_TRIGGER": ("rạng sáng, (", "Tối"),
    "_RATE": ("25.000 đồng/kg", "20%/năm", "3 lần/tuần"),
    "RANGE_LEAD": ("khoảng ", "Trong", "tầm "),
    "_HOUSE_WORD": ("hẻm", "nhà số: ", "Ki-ốt "),
    "_HOUSE_NUMBER_WORD": "số ",
}
"""One text each search finds, to put every kind of character right before."""
EDGES = "a_ĐKı0²٣#*\\.,/+-:( \n"


def test_what_comes_right_before_a_number_or_a_word_counts_as_it_did() -> None:
    assert {name for _, name in SEARCHES_BEFORE} == set(SAMPLES)
    for (module, name), before in BEFORE.items():
        samples = SAMPLES[name]
        for sample in (samples,) if isinstance(samples, str) else samples:
            assert before.match(sample), sample
            for edge in EDGES:
                for text in (edge + sample, edge + edge + sample, "x" + edge + sample):
                    assert found(getattr(module, name), text) == found(before, text), (name, text)


def read_ordinals_before(text: str, ctx: Context) -> str:
    """`numerals.read_ordinals` before session 47, verbatim but for the searches' names, plus
    the later pass that reads a place out of a total (`thứ 113/114` «… trên …», 8a94a1db): a
    change of what is read, not of the early exits this compares."""
    opts = ctx.options

    def after_thu(m: re.Match[str]) -> str:
        value = int(m[2]) if m[2].isdigit() else roman_value(m[2])
        return m[0] if value is None else f"{m[1]} {ordinal(value, opts)}"

    def roman(m: re.Match[str]) -> str:
        value = None if m[2] in numerals._LETTER_NOT_NUMERAL else roman_value(m[2])
        return m[0] if value is None else f"{m[1]} {numbers.cardinal(value, opts)}"

    if not NUMERAL_WORD_BEFORE.search(text):
        return text
    if "/" in text:
        text = numerals._PLACE_OUT_OF.sub(lambda m: numerals._place_out_of(m, ctx), text)
    if "-" in text:
        text = numerals._WEEKDAY_RANGE.sub(lambda m: numerals._weekdays(m, ctx), text)
    text = BEFORE[numerals, "_ORDINAL"].sub(after_thu, text)
    if digit_searched(text):
        text = BEFORE[numerals, "_RANK"].sub(lambda m: f"{m[1]} {rank(int(m[2]), opts)}", text)
    return BEFORE[numerals, "_ROMAN_TRIGGER"].sub(roman, text)


def callers_told_before(text: str, ctx: Context) -> None:
    """`callers.callers_told` before session 47, verbatim but for the search's name."""
    if not any(map(str.isdigit, text)):  # a generator here cost more than the whole pass
        return
    for m in BEFORE[callers, "_FULL_NUMBER"].finditer(text):
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


@settings(max_examples=600, deadline=None, database=None)
@given(TEXTS)
@example("Lần thứ 2-3, thứ 2-6, Thứ Hai - Chủ nhật, khóa XIV, quý IV, mục C, giải 1, hạng 2")
@example("Đại hội XIII ²; phần II; THỨ IV; hạng ٣")
@example("Khóa XIV, thế kỷ\nXX, chương\tV")
@example("xếp thứ 113/114, hạng 3/15, thứ 7/12")
@example("thế kỷ\nXX")
@example("Đối tượng dùng số 0912345678 gọi điện mạo danh Công an để lừa đảo.")
@example("Cảnh báo lừa đảo: cuộc gọi từ số ² lạ, dùng số ١٢٣٤٥٦٧٨٩٠ lừa đảo")
def test_the_passes_with_early_exits_read_as_they_did(text: str) -> None:
    new, old = Context(SpeakOptions(), LEXICON), Context(SpeakOptions(), LEXICON)
    assert numerals.read_ordinals(text, new) == read_ordinals_before(text, old)
    callers.callers_told(text, new)
    callers_told_before(text, old)
    assert new.flags == old.flags


def plates_before(text: str, ctx: Context) -> str:
    """`codes._plates` before session 47, verbatim."""
    text = codes._PLATE_TRIGGER.sub(
        lambda m: (
            f"{m[1]}{m[2]}{codes._plate_words(m[3], ctx)}{codes.pause_after(m.string, m.end())}"
        ),
        text,
    )
    if "-" not in text and "." not in text:
        return text
    return codes._PLATE.sub(
        lambda m: codes._plate_words(m[1], ctx) + codes.pause_after(m.string, m.end()), text
    )


DIGIT = re.compile(r"\d")


def roads_before(text: str, ctx: Context) -> str:
    """`codes._roads` before session 47, verbatim but for the searches' names."""
    opts = ctx.options

    def km_post(m: re.Match[str]) -> str:
        if codes.ends_before(codes._NUMBER_BEFORE, text, m.start()):
            return m[0]  # `25 km 300`: a unit after a number, P4 reads it
        spoken = f"ki-lô-mét {numbers.cardinal(int(m[1]), opts)}"
        return spoken + (f" cộng {numbers.cardinal(int(m[2]), opts)}" if m[2] else "")

    def road(m: re.Match[str]) -> str:
        name = codes._ROADS[m[1]]
        if name.startswith("đường ") and codes.ends_before(
            codes._ROAD_WORD_BEFORE,
            m.string,
            m.start(),  # `text` before «đường» was mended
        ):
            name = name.removeprefix("đường ")  # `tuyến đường ĐT 741`: «đường» said once
        return f"{name} {numbers.cardinal(int(m[2]), opts)}" + (f" {m[3]}" if m[3] else "")

    return BEFORE[codes, "_ROAD"].sub(road, BEFORE[codes, "_KM_POST"].sub(km_post, text))


def digit_searched(text: str) -> bool:
    """Whether `text` holds a digit, searched every time as before session 47."""
    return DIGIT.search(text) is not None


@settings(max_examples=500, deadline=None, database=None)
@given(TEXTS, TEXTS)
@example("abc", "١٢")
@example("²", "")
def test_has_digit_says_what_a_search_says_asked_twice_or_in_turn(first: str, second: str) -> None:
    for text in (first, first, second, first, second, second, "".join([first, ""])):
        assert numbers.has_digit(text) == digit_searched(text)


@settings(max_examples=600, deadline=None, database=None)
@given(TEXTS)
@example("sáng 7h30, 14h, 7g45, 21h45', 10h15p, 5 g, 2 h 05, 7 giờ 30; 5 kg, 3 m/s, 2cm, 60t")
@example("~5 ≈2 ±1 >3 <4 2×3 2 x 3 100m x 200m 2x3x4m 1m65 3mét 2tấn 5 km/h -5°C 0,25 mg/lít")
@example("BKS 66B1-123.45, biển số: 30A 123.45, Biển kiểm soát 59-X1 123.45, BIỂN SỐ 51F-999.99")
@example("lúc 14h,")
@example("lúc 7 h.")
@example("sáng 7g")
@example("5 g.")
@example("7g45")
@example("2 h 05")
@example("3 m/s")
@example("5 kg.")
@example("cao 60t")
@example("1m65")
@example("BIỂN SỐ 51F-999.99")
@example("BIỂN SỐ 51F 12345")
@example("BKS 30A12345")
@example("Km 12+300 tuyến đường ĐT 741")
@example(" IV")
@example("\tXIV.")
@example(" 5")
@example("a IVa 5b")
@example("Công an: 1 IVx")
@example("KM 5, đường QL1A")
@example("kM 7")
@example("Biển số 30A-123.45")
@example("BKS 30A-123.45")
@example("< 5")
@example("> 3")
@example("2×3")
@example("~ 5")
@example("≈2")
@example("≤")
@example("±1")
@example("2 x 3")
@example("2X 3m")
@example("3mét")
@example("dài 2tấn")
def test_the_passes_skip_only_what_finds_nothing(text: str) -> None:
    assert measures._has_symbol(text) == bool(SYMBOL_CHAR_BEFORE.search(text))
    assert bool(numerals._NUMERAL_WORD.search(text)) == bool(NUMERAL_WORD_BEFORE.search(text))
    assert bool(numerals._SPACED_ROMAN.search(text)) == bool(SPACED_ROMAN.search(text))
    if measures._MEASURE.search(text):
        assert measures._UNIT_AFTER_DIGIT.search(text)
    if any(p.search(text) for p in (datetimes._HM, datetimes._H, datetimes._G)):
        assert datetimes._CLOCK_MARK.search(text)
    for m in measures._GLUED_UNIT_WORD.finditer(text):
        assert measures._spaced(m) == m.expand(r"\1 ")
    new, old = Context(SpeakOptions(), LEXICON), Context(SpeakOptions(), LEXICON)
    assert codes._plates(text, new) == plates_before(text, old)
    assert codes._roads(text, new) == roads_before(text, old)
    said = read_numbers(text, new)
    with as_before():
        assert read_numbers(text, old) == said
    assert new.flags == old.flags


def read_numbers(text: str, ctx: Context) -> str:
    """Passes P2 to P6 in the order `normalise` runs them."""
    text = codes.read_codes(numerals.weekdays_written_short(text), ctx)
    text = datetimes.read_dates_and_times(text, ctx)
    text = measures.read_measures(numbers.join_spaced_groups(text), ctx)
    return numerals.read_remaining_numbers(numerals.read_ordinals(text, ctx), ctx)


def as_before() -> contextlib.ExitStack:
    """The checks session 47 put before searches made to pass always, and every digit searched
    for again, as before session 47."""
    stack = contextlib.ExitStack()
    stack.enter_context(mock.patch.object(datetimes, "_CLOCK_MARK", ALWAYS))
    stack.enter_context(mock.patch.object(measures, "_UNIT_AFTER_DIGIT", ALWAYS))
    stack.enter_context(
        mock.patch.object(measures, "_has_symbol", lambda t: bool(SYMBOL_CHAR_BEFORE.search(t)))
    )
    for module in (callers, codes, datetimes, measures, numerals):
        stack.enter_context(mock.patch.object(module, "has_digit", digit_searched))
    return stack
