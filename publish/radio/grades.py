"""A grade in Roman numerals after `hạng` (`bệnh viện hạng II`, `giáo viên hạng V`) or a town's
class after `loại` (`đô thị loại II`), each of a list (`hạng I và II`): said as a number, «hạng
hai», as R11.2 reads one after its other trigger words; left as written, the presenter had to
turn the letters into a number while reading."""

from __future__ import annotations

import re
from collections.abc import Sequence

from publish.radio.either_case import word_alone
from publish.radio.given_names import SURNAMES, a_full_name, a_place_like_a_name
from publish.radio.numbers import cardinal, has_digit, rank, roman_value
from publish.radio.options import SpeakOptions
from publish.radio.place_kinds import KINDS, KINDS_PATTERN, SUB_COMMUNE_KINDS
from publish.radio.tail import ends_before

__all__ = ["names_a_person", "read_roman_grades", "words_before_hang"]

_NUMERAL = r"(?:I{1,3}|IV|V)"
"""A grade from I to V: a teacher's or an official's (`giáo viên hạng V`) goes down to V, a town's
(`đô thị loại V`) too; higher numerals name no grade these bulletins give."""
_JOIN = (
    r"(?:[^\S\n]*+,(?!\d)[^\S\n]*+|[^\S\n]*+-[^\S\n]*+|[^\S\n]++(?i:và|hoặc|đến|tới|lên)[^\S\n]++)"
)
"""Between two grades of a list or a range: `hạng I và II`, `loại I, II và III`, `hạng I-III`,
`từ loại III lên loại II`."""
_AFTER = r"(?![\w/-]|[.,]\w)"
"""No code goes on after the last grade: `hạng A1` or `hạng I-A`, `hạng V.I.P` stay as written;
nor a decimal, nor a total (`hạng 1/4`, read by numerals)."""
_DIGIT = r"[1-5]"
"""A grade written in figures, `đô thị loại 2`, `giáo viên hạng 3`."""


def _grades(word: str, head: str = "", numeral: str = _NUMERAL) -> re.Pattern[str]:
    """`word` (after `head`) and its grades: one numeral, or several joined (`_JOIN`), each
    maybe with `word` again (`loại III và loại IV`); groups `head` (what comes before the first
    numeral) and `list` (the numerals and their joins)."""
    again = f"(?:{word_alone(word)}[^\\S\\n]++)?"
    return re.compile(
        f"(?P<head>{head}(?P<word>{word_alone(word)})\\s++)"
        f"(?P<list>{numeral}(?:{_JOIN}{again}{numeral})*){_AFTER}"
    )


_ROMAN_GRADE = _grades("(?i:hạng)")
"""`hạng I` to `hạng V`, the grades of a hospital, an official, a teacher; a licence's class
(`hạng A1`, `hạng B2`, `hạng C`) and a grade written in figures (`hạng 1`, R10.3) are left to
the rules that read them."""
_TOWN = (
    word_alone("(?i:đô thị|đơn vị hành chính|" + KINDS_PATTERN + ")")
    + r"(?:[^\S\n]++(?i:cấp)[^\S\n]++(?i:"
    + KINDS_PATTERN
    + r"))?[^\S\n]++"
    + r"(?:(?i:loại)[^\S\n]++(?i:đặc biệt)"
    + _JOIN
    + r")?"
)
_TOWN_GRADE = _grades("(?i:loại)", _TOWN)
"""`đô thị loại II`, `đơn vị hành chính cấp xã loại I`, `đô thị loại đặc biệt hoặc loại I`: a
town's or an administrative unit's class (Nghị quyết 1210/2016, 1211/2016 of the Standing
Committee). Only after one of those nouns: `loại I` elsewhere may be a code, an English «type I»,
a list's heading."""
_STAFF = (
    word_alone("(?i:giáo viên|viên chức|bệnh viện|thương binh|bệnh binh)")
    + r"(?:[^\S\n]++(?!(?i:xếp|đứng|đạt|giành|được|là|và|hoặc)(?!\w))[^\W\d_]++){0,3}"
    + r"[^\S\n]++"
)
"""A teacher, an official, a hospital, a war invalid, maybe with a few words after
(`giáo viên tiểu học`, `bệnh viện đa khoa`), before the grade: no place in a ranking (`xếp
hạng 1` keeps «hạng nhất», R10.3)."""
_FIGURE_GRADES = (_grades("(?i:loại)", _TOWN, _DIGIT), _grades("(?i:hạng)", _STAFF, _DIGIT))
"""`đô thị loại 2`, `giáo viên hạng 2`: said «loại hai», «hạng hai» as when written in Roman
numerals; R10.3 made them «loại nhì», «hạng nhì», a prize's words."""
_NUMERAL_IN_LIST = re.compile(r"(?<!\w)(?:I{1,3}|IV|V|[1-5])(?!\w)")
_DASH_IN_LIST = re.compile(r"[^\S\n]*+-[^\S\n]*+")
_WORDS_BEFORE = re.compile(r"(?<!\w)((?:[^\W\d_]++[^\S\n]++){1,4})$")
"""Up to four words before `Hạng`, with nothing but spaces between (no comma, colon or stop)."""
_PERSON_WORDS = frozenset({"ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu"})
"""Words addressing a person, in small letters, before `Hạng`: the person's name (`ông Hạng`)."""
_ADDRESS_THEN_NAME = re.compile(
    r"(?<![\w/])(?i:ông|bà|anh|chị|em|cô|chú|bác|cháu|đồng chí|đ/c)"
    r"((?:[^\S\n]++[^\W\d_]++){1,3})[^\S\n]++$"
)
"""A form of address then one to three words before `Hạng` (`ông Đoàn Văn Hạng`, `đồng chí Lý
Hạng`, `đ/c Lý Hạng`): capitalised, they are the person's name whatever the surname."""
_LESS_COMMON_SURNAMES = frozenset({
    "Đoàn", "Lý", "Sơn", "Mã", "Giang", "Lạc", "Ung", "Âu", "Khưu", "Ninh", "Lục", "Danh",
    "Thạch", "Kim", "Hầu", "Doãn", "Tôn", "Nghiêm", "Khúc", "Lã", "Lữ", "Giáp", "Bạch", "Diệp",
})  # fmt: skip
"""Surnames beside the common ones (Khmer `Sơn`, `Danh`, `Thạch`, `Kim` of the Mekong delta):
many are words too (`Đoàn`, `Kim`, `Bạch`), so a name without a form of address only before
«Văn» or «Thị» (`Đoàn Văn Hạng`), not before any middle name: `Đoàn Thanh Niên`, `Bạch Kim`."""
_WORD_BEFORE_HANG = re.compile(r"(?<!\w)([^\W\d_]++)(?=[^\w\n]+Hạng(?!\w))")
"""A word then `Hạng` on one source line, maybe with marks between (`**Văn** Hạng`)."""
_RESULTS_ENTRY = re.compile(r"Hạng[^\S\n]++(?:\d++|[IVX]++)[^\S\n]*+:")
"""`Hạng 2:` opening a line: an entry of a results list («Hạng 1: …» / «Hạng 2: …»), whatever
the line before ends with («Trao giải cho anh Sơn» / «Hạng 2: đội …»)."""
_SURNAMES = SURNAMES | _LESS_COMMON_SURNAMES
"""Every surname a name the line before `Hạng` left unfinished may open with («Đoàn Thị»)."""
_UNFINISHED = frozenset({"Văn", "Thị"})
"""Middle names that end no name: a line ending in one leaves the name for the next line."""
_KINDS = (*KINDS, *SUB_COMMUNE_KINDS)
"""A place's kinds, a commune's and below (`xã`, `ấp`, `khu phố`): a name after one is a place's."""


def words_before_hang(lines: Sequence[tuple[int, str]]) -> frozenset[str] | None:
    """The words that a source line of `lines` holds right before `Hạng`, maybe with marks
    between (`**Văn** Hạng`); None without lines. One pass over the paragraph's lines, once,
    not a search of every line for every `Hạng`, quadratic in a long paragraph."""
    if not lines:
        return None
    return frozenset(word for _, line in lines for word in _WORD_BEFORE_HANG.findall(line))


def names_a_person(text: str, start: int, before_hang: frozenset[str] | None = None) -> bool:
    """Whether `Hạng` at `start` is part of a name, not the word «hạng»: a person's after a word
    addressing one (`ông Hạng`) or as the last word of a common full name (`Trần Văn Hạng`, `Lê
    Hạng`), a place's after its kind (`xã Tân Hạng`); the words before it on its own source line
    (`before_hang`, of `words_before_hang`, for the paragraph's source lines), as a soft line
    break before `Hạng 2:` joins lines that a list of places wrote one apiece («… xã Tân Phú» /
    «Hạng 2: …»); opening its line, only after a name left unfinished (`_name_goes_on`)."""
    if not text.startswith("Hạng", start):
        return False
    found = ends_before(_WORDS_BEFORE, text, start)
    if found is None:
        return False
    words = found[1].split()
    if before_hang is not None and words[-1] not in before_hang:
        return _name_goes_on(text, start, words)
    if words[-1].casefold() in _PERSON_WORDS or _addressed(text, start):
        return True
    named = _capitalised_run(words)
    if not named:
        return False
    return _after_a_kind(words, len(named)) or _ends_a_full_name(named)


def _name_goes_on(text: str, start: int, words: list[str]) -> bool:
    """Whether `Hạng` at `start`, opening its own source line, ends a name the line before left
    unfinished: one ending in «Văn» or «Thị», which end no Vietnamese name, after a form of
    address or a surname («ông Trần Văn» / «Hạng 2 lần»). Not a results entry (`Hạng 2:`), nor
    after a name that may be whole, as award lists put the rank on the next line («Đồng chí
    Hùng» / «Hạng 1 toàn đoàn», «anh Nguyễn Văn Nam» / «Hạng 1», «anh Văn» / «Hạng 2»), nor
    after a place («xã Tân Phú» / «Hạng 2»)."""
    if _RESULTS_ENTRY.match(text, start):
        return False
    address = ends_before(_ADDRESS_THEN_NAME, text, start)
    if address is not None:
        name = address[1].split()
        if all(word[0].isupper() for word in name):
            return len(name) > 1 and name[-1] in _UNFINISHED
    named = _capitalised_run(words)
    return len(named) > 1 and named[-1] in _UNFINISHED and any(w in _SURNAMES for w in named[:-1])


def _addressed(text: str, start: int) -> bool:
    """Whether a form of address and capitalised words come right before `Hạng` at `start`."""
    found = ends_before(_ADDRESS_THEN_NAME, text, start)
    return found is not None and all(word[0].isupper() for word in found[1].split())


def _after_a_kind(words: list[str], named: int) -> bool:
    """Whether some of the `named` capitalised words ending `words` follow a place's kind, in
    either case (`xã Tân`, `Xã Tân`, `khu phố Tân`)."""
    for first in range(len(words) - named, len(words)):
        before = " ".join(words[:first]).casefold()
        if before and any(before == kind or before.endswith(" " + kind) for kind in _KINDS):
            return True
    return False


def _capitalised_run(words: list[str]) -> list[str]:
    """The capitalised words that end `words`, as far back as they go."""
    run: list[str] = []
    for word in reversed(words):
        if not word[0].isupper():
            break
        run.insert(0, word)
    return run


def _ends_a_full_name(named: list[str]) -> bool:
    """Whether `named` and `Hạng` after them end a person's full name: a common surname alone
    (`Lê Hạng`), or one and its middle names (`Trần Văn Hạng`, `Nguyễn Thị Thu Hạng`); not a
    place that reads as a name (`Hà Nội`, `Hồ Chí Minh`), nor a title-case name of no person
    (`Huy chương Vàng Hạng 1`, `Đội tuyển Việt Nam Hạng 1`); a less common surname before
    «Văn» or «Thị» (`Đoàn Văn Hạng`, `_LESS_COMMON_SURNAMES`)."""
    for size in range(1, min(3, len(named)) + 1):
        last = named[-size:]
        if a_place_like_a_name(" ".join(last)):
            return False
        if (size == 1 and last[0] in SURNAMES) or a_full_name([*last, "Hạng"]):
            return True
        if size > 1 and last[0] in _LESS_COMMON_SURNAMES and last[1] in ("Văn", "Thị"):
            return True
    return False


_AWARD_BEFORE = re.compile(
    r"(?<!\w)(?i:huân chương|huy chương)(?:(?!\s(?i:và)\s)[^.!?;,\n]){0,60}$"
)
"""A medal's name before `hạng`, in the same clause (no comma, no «và» between): its grade is
said as R10.3 says «hạng 1» («Huân chương Chiến công hạng I» → «hạng nhất»), not a hospital's
«hạng một»; «xếp hạng II» may be either (a hospital's grade, a place in a ranking), and keeps
the grade's number."""


def read_roman_grades(text: str, opts: SpeakOptions, lines: Sequence[tuple[int, str]] = ()) -> str:
    """`bệnh viện hạng II` → `bệnh viện hạng hai`, `đô thị loại I và II` → `đô thị loại một và
    hai` (R11.1 with `hạng`, and `loại` after a town, among its trigger words)."""
    # «hạng» in any case (see `word_alone`); «ạ» alone is in most paragraphs («phạm», «lại»).
    has_hang = "ạng" in text or "ạNG" in text or "Ạ" in text
    has_loai = "oại" in text or "OẠI" in text
    if not has_hang and not has_loai:
        return text

    before_hang = words_before_hang(lines) if "Hạng" in text else None

    def grade(m: re.Match[str]) -> str:
        if names_a_person(text, m.start("word"), before_hang):
            return m[0]
        # A medal's grade is a rank; a teacher's or a town's, named before it, never one.
        award = m["word"].casefold() == "hạng" and m.start("word") == m.start()
        say = rank if award and ends_before(_AWARD_BEFORE, text, m.start()) else cardinal

        def numeral(n: re.Match[str]) -> str:
            return say(int(n[0]) if n[0].isdigit() else roman_value(n[0]) or 0, opts)

        said = _NUMERAL_IN_LIST.sub(numeral, _DASH_IN_LIST.sub(" đến ", m["list"]))
        return m["head"] + said

    if has_hang:
        text = _ROMAN_GRADE.sub(grade, text)
    if has_loai:
        text = _TOWN_GRADE.sub(grade, text)
    if has_digit(text):
        for figures, wanted in zip(_FIGURE_GRADES, (has_loai, has_hang), strict=True):
            text = figures.sub(grade, text) if wanted else text
    return text
