"""Publishing gates: what keeps a bulletin out of every channel, and why."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import itertools
import re
import shlex
import unicodedata
from collections.abc import Container, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from publish.approval import VERSION_LENGTH, is_version
from publish.config import Policy
from publish.markdown_angles import tags_replaced
from publish.model import Bulletin, Exclusion, Page
from publish.name_notes import template_name
from publish.text import (
    HIDDEN,
    HIDDEN_ASTRAL,
    HIDDEN_BMP,
    CharClass,
    LinePattern,
    folded_words,
    nfc,
    one_tone_placement,
    vn_datetime,
)

if TYPE_CHECKING:
    from publish.approval_why import Explained

__all__ = [
    "COMING",
    "HEADLINE_FIELDS",
    "HELD_CAUSES",
    "PUBLIC_CLASSIFICATIONS",
    "SCHEDULED",
    "UNCLEAR",
    "approve_command",
    "changed_since_approval",
    "field_stamp",
    "gate",
    "headline_stamp",
    "is_secret",
    "name_only",
    "note_stamp",
    "page_gate",
    "public_classification",
    "secret_classification",
    "secret_stamp",
    "shell_word",
    "tag_stamp",
]

COMING = frozenset({"draft", "unapproved", "scheduled"})
"""Exclusion codes of the bulletins held back that go when a person or the clock says so (not
expired or secret ones: they never go): their Zalo limits and images are checked ahead."""
SCHEDULED = "hẹn giờ: sẽ xuất bản lúc"
"""How the reason a bulletin or page waits for its date starts (its time follows)."""

STAMPS = ("mật", "tối mật", "tuyệt mật")
"""The state-secret grades (Luật Bảo vệ bí mật nhà nước 2018): always secret, whatever site.toml says."""
PUBLIC_CLASSIFICATIONS = ("công khai", "thường", "bình thường", "không mật", "public")
"""`classification` values that say a bulletin may be published (as does an empty one). Any
other value holds the bulletin back: a classification the tool does not understand ("secret",
"nội bộ") must not be read as public."""
FOREIGN_GRADES = ("secret", "top secret", "confidential", "classified", "restricted")
"""Grades written in English: as secret as the Vietnamese ones."""
_NON_WORD = re.compile(r"[\W_]+")
_ASCII_LOWER = re.compile("[a-z]")
"""A letter _NON_WORD keeps and that is no capital: a text holding one is no capitals stamp."""
_GRADE_LINE = re.compile(r"^\W*(?:mức\s+)?độ\s+mật\s*[:：]\s*(?P<value>.*)$", re.IGNORECASE)
_GRADE_PREFIX = re.compile(r"^\W*(?:mức\s+)?độ\s+mật\s*[:：]?", re.IGNORECASE)
# The stamps are stripped in Python: `\s*` on both sides of a lazy group backtracks without end
# on a long run of spaces with no closing bracket.
_TITLE_STAMP = re.compile(
    r"""^\s*[\[(【«「『〔“‘"'„‚{《〈‹](?P<stamp>[^\])】»」』〕”’“‘"'}》〉›]+)[\])】»」』〕”’“‘"'}》〉›]"""
)
"""A title opening with a grade in brackets or quotes: "[MẬT] …", "(Mật) …", "【MẬT】 …",
"{MẬT} …", "«MẬT» …", "“MẬT” …", "「MẬT」 …", "『MẬT』 …", "《MẬT》 …", "〈MẬT〉 …", "‹MẬT› …",
'"MẬT" …', "'MẬT' …", "„MẬT“ …", "‚MẬT‘ …" (a Word quote closed by an opening one, “MẬT“,
too)."""
_TITLE_LEAD = re.compile(r"^\s*(?P<stamp>[^\W\d_][^:：\-–—]*)[:：\-–—]")
"""A title opening with words and a colon or dash: "MẬT: Kế hoạch …"."""
_PARTS = re.compile(r"[-–—,;:：/|()\[\]]+")
"""What separates the parts of a stamp line: "TỐI MẬT – HỎA TỐC", "TUYỆT MẬT (A)"."""
_URGENCY = frozenset({"khan", "thuong khan", "hoa toc", "hoa toc hen gio"})
"""Urgency marks a grade is stamped with on one line ("MẬT KHẨN"), folded."""
_DOCUMENT = ("tai lieu", "van ban")
"""Words a capitals stamp may name the grade after ("TÀI LIỆU MẬT"), folded."""
_NO_LOWER_LINE = LinePattern(r"[^a-z\n]*[^a-z\s][^a-z\n]*$")
"""A line with something besides spaces and no a-z: the only kind a capitals stamp can be."""
_GRADE_WORDS = re.compile(r"độ\s+mật", re.IGNORECASE)
"""What an "Độ mật: …" stamp line must hold (_GRADE_LINE's words)."""
_GRADE_HEADS = ("độ", "Độ", "đỘ", "ĐỘ")
"""Every way _GRADE_WORDS's first word matches (re.IGNORECASE pairs «đ» with «Đ» alone, and
«ộ» with «Ộ»): found by str.find, not tried by re at every character of a body."""
_GRADE_TAIL = re.compile(r"\s+mật", re.IGNORECASE)
_GRADE_CELL = re.compile(r"\W*(?:mức\s+)?độ\s+mật\W*", re.IGNORECASE)
"""A table cell saying «Độ mật» ("**Độ mật:**"): the header table a Word document is stamped in
("| Độ mật | Mật |"), the grade in the next cell."""
_LINE_REST = re.compile(r"[ \t]*(?:\n|\Z)")
"""What may follow an HTML comment alone on its line."""
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:._-]*(?:(?:[^\S\n]|/)[^<>\n]*)?>")
"""An HTML tag within one line (a line's number must not change). Its name is ASCII, as HTML's
are: «<MẬT>» alone on a line is a stamp in angle brackets, not a tag."""
_HIDDEN = HIDDEN
_LOOKALIKES = str.maketrans(
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0423\u0425\u0406\u0408\u0405\u0430\u0435\u043e\u0440"
    "\u0441\u0443\u0445\u0456\u0458\u0391\u0392\u0395\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u0396",
    "ABEKMHOPCTYXIJSaeopcyxijABEHIKMNOPTYXZ",
)
"""Cyrillic and Greek letters drawn like Latin ones ("МẬТ" with a Cyrillic М and Т)."""
_LOOKALIKE = re.compile("[" + "".join(chr(c) for c in _LOOKALIKES) + "]")
_HIDDEN_OR_LOOKALIKE = CharClass(HIDDEN_BMP + _LOOKALIKE.pattern[1:-1], HIDDEN_ASTRAL)
"""Either kind in one search: a text holding neither is read once."""
HEADLINE_FIELDS = ("title", "summary", "zalo.title", "zalo.summary", "cover_alt")
"""Front matter text shown as a headline somewhere, or with the cover (its alt text, on the
page and in the feeds): a stamp there is one too ("[Mật] …")."""


_PUBLIC = frozenset(folded_words(c) for c in PUBLIC_CLASSIFICATIONS)
_FOREIGN = frozenset(folded_words(c) for c in FOREIGN_GRADES)


def _grades(policy: Policy) -> frozenset[str]:
    """Folded secret grades: the legal ones plus the site's own list."""
    return _folded_grades(tuple(policy.secret_classifications))


@functools.lru_cache(maxsize=16)
def _folded_grades(classifications: tuple[str, ...]) -> frozenset[str]:
    """See _grades (folded once per list: the gate asks for every bulletin)."""
    return frozenset(folded_words(c) for c in (*STAMPS, *classifications) if c.strip())


def _toned(policy: Policy) -> frozenset[str]:
    """The secret grades as _grades has them, but with their tone marks kept."""
    return _toned_grades(tuple(policy.secret_classifications))


@functools.lru_cache(maxsize=16)
def _toned_grades(classifications: tuple[str, ...]) -> frozenset[str]:
    """See _toned (once per list, as _folded_grades)."""
    return frozenset(_toned_words(c) for c in (*STAMPS, *classifications) if c.strip())


def _toned_words(text: str) -> str:
    """`text` in lower case with its tone marks kept, words joined by single spaces: «Mắt» and
    «Mật» stay apart, as folded_words cannot keep them."""
    return _NON_WORD.sub(" ", one_tone_placement(nfc(text)).casefold()).strip()


def _visible(text: str) -> str:
    """`text` as a reader sees it: no hidden characters, full-width and look-alike letters as the
    Latin ones (NFKC also composes, like NFC), so a stamp cannot be disguised from the checks."""
    text = nfc(text)
    # Each step only when needed: every body is scanned, and NFKC or translate on all of them
    # would cost seconds at 10,000 bulletins; the searches are single passes in C.
    if not _HIDDEN_OR_LOOKALIKE.search(text) and unicodedata.is_normalized("NFKC", text):
        return text  # nearly every text: nothing hidden, nothing to change
    if _HIDDEN.search(text):
        text = _HIDDEN.sub("", text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if _LOOKALIKE.search(text):
        text = nfc(text.translate(_LOOKALIKES))
    return text


def _as_shown(text: str) -> str:
    """`text` with its HTML tags as spaces and its character references as the characters a
    page shows (`<p><strong>MẬT</strong></p>`, `M&#7852;T`), each line kept on its own line, so
    a stamp pasted as HTML is the line of capitals the reader sees; a `<MAT>` that is no tag is
    shown as typed (publish.markdown_angles), so it stays. A lone capitalised `<Em>` is taken
    out as a tag, as the website's own HTML (a raw block) shows it: kept, its small letters
    would make a line «<Em>MẬT» no stamp, and «MẬT» may be what the page shows."""
    if "<" in text:
        text = tags_replaced(_HTML_TAG, _without_comments(text), " ", lone_words=False)
    if "&" in text:
        text = "\n".join(
            html.unescape(line).replace("\n", " ") if "&" in line else line
            for line in text.split("\n")
        )
    return text


def _without_comments(text: str) -> str:
    """`text` with each HTML comment closed on its own line as one space, but one alone on its
    line as its words: «<!-- MẬT -->» marks the document, and goes out in the page's HTML.

    A loop of finds, not a regular expression: from each «<!--» with no «-->» after it on its
    line, a lazy pattern scanned to the line's end, so a pasted run of them took minutes."""
    pieces: list[str] = []
    position = 0
    close = -1
    while (start := text.find("<!--", position)) != -1:
        if close < start + 4:
            # The first «-->» after an earlier opening, if it lies past this one, is this one's too.
            close = text.find("-->", start + 4)
            if close == -1:
                break
        line_end = text.find("\n", start, close)
        if line_end != -1:  # not closed on its own line: no comment, as the page shows it
            pieces.append(text[position:line_end])
            position = line_end
            continue
        pieces.append(text[position:start])
        alone = _alone_on_line(text, position, start, close + 3)
        pieces.append(f" {text[start + 4 : close]} " if alone else " ")
        position = close + 3
    pieces.append(text[position:])
    return "".join(pieces)


def _alone_on_line(text: str, position: int, start: int, end: int) -> bool:
    """Whether the comment from `start` to `end` has only spaces beside it on its line, nothing
    before it since `position` (the end of the text already read: looking no further back keeps
    a long line of comments linear)."""
    newline = text.rfind("\n", position, start)
    if newline == -1 and position != 0:
        return False  # another comment ended on this line
    before = text[newline + 1 : start]
    return not before.strip() and _LINE_REST.match(text, end) is not None


def _names_grade(words: str, grades: frozenset[str]) -> bool:
    """Whether folded `words` hold a grade as whole words ("toi mat a", "mat khan")."""
    padded = f" {words} "
    return any(f" {grade} " in padded for grade in grades)


def public_classification(value: str) -> bool:
    """Whether a `classification` value says the bulletin is public ("", "Công khai", "thường")."""
    if not value:
        return True
    words = folded_words(_visible(value))
    return not words or words in _PUBLIC


def secret_classification(value: str, policy: Policy) -> bool:
    """Whether a `classification` value names a secret grade anywhere in it ("Mật.", "Tối mật
    (A)", "Độ mật: Mật", "toi mat", "Secret"): the field exists to say so, so any mention counts
    (except the public values, "không mật"). Read as a reader sees it: a zero-width space or a
    Cyrillic М inside "MẬT" hides nothing."""
    if public_classification(value):
        return False
    words = folded_words(_GRADE_PREFIX.sub("", _visible(value)))
    return _names_grade(words, _grades(policy)) or _names_grade(words, _FOREIGN)


def is_secret(bulletin: Bulletin, policy: Policy, *, stamp_checked: bool = False) -> bool:
    """Whether the bulletin is classified secret or its text carries a secret stamp.

    `stamp_checked`: the text was already scanned for stamps (loading refuses a stamped file),
    so only the cheap classification test is left.
    """
    if secret_classification(bulletin.classification, policy):
        return True
    if stamp_checked:
        return False
    fields = {"title": bulletin.title, "summary": bulletin.summary, "zalo": bulletin.block("zalo")}
    return (
        field_stamp(fields, policy) is not None
        or secret_stamp(bulletin.body, policy) is not None
        or any(note_stamp(c.note, policy) is not None for c in bulletin.corrections)
    )


def secret_stamp(body: str, policy: Policy, *, title: str = "") -> tuple[int, str] | None:
    """(0-based line in `body`, the stamp) of a secret stamp in the text, else None.

    A stamp is a line in capitals whose parts include a grade ("MẬT", "**TỐI MẬT**", "MẬT -
    KHẨN", "TUYỆT MẬT (A)", "TÀI LIỆU MẬT", "M Ậ T", "<!-- MẬT -->"), an "Độ mật: …" line or
    "| Độ mật | Mật |" row naming a grade, or a title opening with a bracketed grade or one in
    capitals before a colon ("[Mật] …", "MẬT: …", line -1), or holding one in capitals apart
    ("Kế hoạch (MẬT)"). Lower-case words ("mật khẩu", "bí mật") are ordinary text, not stamps,
    and so are capitals headings that merely contain the word ("BẢO VỆ BÍ MẬT NHÀ NƯỚC").
    """
    grades = _grades(policy)
    stamp = _headline_stamp(title, grades, _toned(policy))
    if stamp is not None:
        return -1, stamp
    for number, line in _candidate_lines(_visible(_as_shown(body))):
        found = _line_stamp(line, grades)
        if found is not None:
            return number, found
    return None


def _line_stamp(line: str, grades: frozenset[str]) -> str | None:
    """The stamp a line of a body is, else None: capitals (spaced out too: "M Ậ T"), an "Độ
    mật: …" line or a table row "| Độ mật | Mật |" naming a grade (see secret_stamp)."""
    words = _NON_WORD.sub(" ", line).strip()
    if words.isupper() and (_is_stamp_line(line, grades) or _is_spaced_stamp(words, grades)):
        return words
    grade = _GRADE_LINE.match(line.strip())
    if grade and _names_grade(folded_words(grade["value"]), grades):
        return line.strip()
    if "|" in line and _is_grade_row(line, grades):
        return line.strip()
    return None


def _is_grade_row(line: str, grades: frozenset[str]) -> bool:
    """Whether a table row has a cell «Độ mật» followed by one naming a grade, as the colon
    form "Độ mật: Mật" does: "| Độ mật | Mật |", "| **Độ mật:** | Tối mật |"."""
    cells = line.split("|")
    return any(
        _GRADE_CELL.fullmatch(cell) is not None and _names_grade(folded_words(value), grades)
        for cell, value in itertools.pairwise(cells)
    )


def _is_spaced_stamp(words: str, grades: frozenset[str]) -> bool:
    """Whether capitals spaced out letter by letter spell a stamp ("M Ậ T", "T Ố I M Ậ T",
    "M Ậ T - K H Ẩ N"): `words` as secret_stamp has them, single spaces apart."""
    letters = words.split(" ")
    if len(letters) < 2 or any(len(letter) != 1 for letter in letters):
        return False
    return folded_words("".join(letters)) in _spaced_stamps(grades)


@functools.lru_cache(maxsize=16)
def _spaced_stamps(grades: frozenset[str]) -> frozenset[str]:
    """The stamps _is_stamp_line takes (a grade, with an urgency mark, after "TÀI LIỆU"), folded
    and without spaces, as a line spaced out letter by letter reads once joined."""
    phrases = [
        *grades,
        *(f"{grade} {urgency}" for grade in grades for urgency in _URGENCY),
        *(f"{document} {grade}" for grade in grades for document in _DOCUMENT),
    ]
    return frozenset(phrase.replace(" ", "") for phrase in phrases)


def headline_stamp(text: str, policy: Policy) -> str | None:
    """The secret stamp a title, summary or Zalo override opens with, holds in capitals apart
    ("Kế hoạch (MẬT)") or is, else None."""
    return _headline_stamp(text, _grades(policy), _toned(policy))


def note_stamp(note: str, policy: Policy) -> str | None:
    """The secret stamp in a correction's note, else None: read as a summary ("[MẬT] …", "TỐI
    MẬT") and, written over several lines, line by line as a body ("MẬT" alone on a line)."""
    stamp = headline_stamp(note, policy)
    if stamp is None and "\n" in note:
        found = secret_stamp(note, policy)
        stamp = found[1] if found is not None else None
    return stamp


def field_stamp(data: Mapping[str, Any], policy: Policy) -> tuple[str, str] | None:
    """(field, stamp) of the first HEADLINE_FIELDS value ("zalo.title": nested) with a stamp."""
    grades, toned = _grades(policy), _toned(policy)
    for name in HEADLINE_FIELDS:
        value: Any = data
        for key in name.split("."):
            value = value.get(key) if isinstance(value, Mapping) else None
        stamp = _headline_stamp(value, grades, toned) if isinstance(value, str) else None
        if stamp is not None:
            return name, stamp
    return None


def tag_stamp(tags: object, policy: Policy) -> str | None:
    """The first tag that is a secret grade and nothing else («MẬT», «[Tối mật]», «toi mat»),
    as written; tags are shown on the website and its tag pages. A tag merely holding the
    word («bảo mật thông tin», «mật ong») is none, nor one with marks the grade lacks («Mắt»,
    «Tối mặt»): read by the title rule, not folded. `tags`: the front matter's value (a list,
    or one string of tags separated by commas or semicolons)."""
    items = re.split(r"[,;]", tags) if isinstance(tags, str) else tags
    if not isinstance(items, list):
        return None
    grades, toned = _grades(policy), _toned(policy)
    for tag in items:
        if isinstance(tag, str) and _is_bracketed_grade(_visible(tag).strip(), grades, toned):
            return tag.strip()
    return None


def _headline_stamp(text: str, grades: frozenset[str], toned: frozenset[str]) -> str | None:
    """See headline_stamp: "[Mật] …", "MẬT: …", a grade in capitals apart ("Kế hoạch (MẬT)"), or
    the whole text a capitals stamp ("TỐI MẬT")."""
    if not text:
        return None
    text = _visible(text)
    match = _TITLE_STAMP.match(text)
    stamp = match["stamp"].strip() if match else ""
    if stamp and _is_bracketed_grade(stamp, grades, toned):
        return stamp
    match = _TITLE_LEAD.match(text)
    stamp = match["stamp"].rstrip() if match else ""
    if stamp.isupper() and folded_words(stamp) in grades:
        return stamp
    stamp = _capitals_mark(text, toned)
    if stamp is not None:
        return stamp
    if _ASCII_LOWER.search(text):  # nearly every headline: its words cannot all be capitals
        return None
    words = _NON_WORD.sub(" ", text).strip()
    if words.isupper() and "\n" not in text and _is_stamp_line(text, grades):
        return words
    return None


def _capitals_mark(text: str, toned: frozenset[str]) -> str | None:
    """A grade a headline holds in capitals apart from the words around it, as a marking:
    "Kế hoạch (MẬT)", "Kế hoạch [TỐI MẬT]", "Kế hoạch - MẬT", "Kế hoạch TUYỆT MẬT", "Báo cáo
    MẬT - KHẨN". Capitals words run on are one phrase ("BÍ MẬT", "MẬT KHẨU", "MẬT PHỤC" are
    none), and the grade's marks are kept ("MẤT", "MẶT", "TỐI MẮT" are none): a stamp unlike
    the whole-capitals one, so a title stressing a word is not held."""
    run: list[str] = []
    for word in (*text.split(), ""):
        if word.isupper() or (run and word and not _has_case(word)):
            run.append(word)  # a dash or a number inside a run of capitals stays in it
            continue
        stamp = _capitals_stamp(" ".join(run), toned) if run else None
        if stamp is not None:
            return stamp
        run = []
    return None


def _has_case(word: str) -> bool:
    """Whether `word` has a letter with an upper and a lower case («–», «2024» have none)."""
    return word.upper() != word.lower()


def _capitals_stamp(run: str, toned: frozenset[str]) -> str | None:
    """The part of a run of capitals words that is a grade (see _capitals_mark), else None."""
    for part in _PARTS.split(run):
        words = _toned_words(part)
        if not words:
            continue
        if any(_is_toned_stamp(words, grade) for grade in toned):
            return part.strip()
    return None


def _is_toned_stamp(words: str, grade: str) -> bool:
    """Whether toned `words` are `grade` (marks typed in part too: "mat", "mạt"), or it with an
    urgency mark after ("mật khẩn") or "tài liệu" before, as _is_stamp_line reads them."""
    if words == grade or _marks_left_out(words, grade):
        return True
    if words.startswith(grade + " ") and folded_words(words[len(grade) + 1 :]) in _URGENCY:
        return True
    return words.endswith(" " + grade) and folded_words(words[: -len(grade) - 1]) in _DOCUMENT


# Cached: every tag of every bulletin is asked, and a site has a few hundred tags at most.
@functools.lru_cache(maxsize=4096)
def _is_bracketed_grade(stamp: str, grades: frozenset[str], toned: frozenset[str]) -> bool:
    """Whether the words a title opens with in brackets or quotes are a grade: with its own marks
    ("[Mật]", "[tuyệt mật]") or only some of them, typed in part ("[Mât]", "[Toi mật]") or not
    at all ("[Mat]"), or compared without them when in capitals ("[MẠT]"). A quoted word with a
    mark the grade lacks opens many a title ("“Mắt” bão", "“Mặt” trái của…", "“Mát” lòng") and
    is no stamp."""
    words = _toned_words(stamp)
    if words in toned:
        return True
    folded = folded_words(stamp)
    if folded not in grades:
        return False
    if stamp.isupper() or stamp.isascii() or folded in toned:
        # A grade site.toml lists without marks ("noi bo") is compared without them: «[Nội bộ]».
        return True
    return any(_marks_left_out(words, grade) for grade in toned)


def _marks_left_out(words: str, grade: str) -> bool:
    """Whether `words` are `grade` with some of its marks missing and none other: each letter
    the same, its marks among the grade letter's («mât», «mạt», «mat» of «mật»; not «mắt»)."""
    if len(words) != len(grade):
        return False
    for typed, meant in zip(words, grade, strict=True):
        base, marks = _base_and_marks(typed)
        meant_base, meant_marks = _base_and_marks(meant)
        if base != meant_base or not marks <= meant_marks:
            return False
    return True


@functools.lru_cache(maxsize=512)
def _base_and_marks(letter: str) -> tuple[str, frozenset[str]]:
    """A lower-case letter's base letter and the marks on it: «ậ» is «a» with a circumflex and a
    dot below; «đ» is «d» with a stroke (it has no decomposition)."""
    if letter == "đ":
        return "d", frozenset({"̵"})
    decomposed = unicodedata.normalize("NFD", letter)
    return decomposed[:1], frozenset(decomposed[1:])


def _is_stamp_line(line: str, grades: frozenset[str]) -> bool:
    """Whether a line in capitals is a stamp: one of its parts is a grade, alone, with an
    urgency mark, or after "TÀI LIỆU"/"VĂN BẢN"."""
    for part in _PARTS.split(line):
        words = folded_words(part)
        if words in grades:
            return True
        for grade in grades:
            if words.startswith(grade + " ") and words[len(grade) + 1 :] in _URGENCY:
                return True
            if any(words == f"{document} {grade}" for document in _DOCUMENT):
                return True
    return False


def _candidate_lines(text: str) -> Iterator[tuple[int, str]]:
    """(0-based number, line) of the lines that could be a stamp: all of them when the text says
    "độ mật" somewhere, else only those without a-z (a capitals stamp has none) — almost every
    line is skipped unread (reading each was a third of a cold load's work per file)."""
    if _says_grade_words(text):
        yield from enumerate(text.split("\n"))
        return
    number = start = 0
    for match in _NO_LOWER_LINE.finditer(text):
        number += text.count("\n", start, match.start())
        start = match.start()
        yield number, match.group()


def _says_grade_words(text: str) -> bool:
    """Whether _GRADE_WORDS is found in `text`."""
    for head in _GRADE_HEADS:
        at = text.find(head)
        while at != -1:
            if _GRADE_TAIL.match(text, at + len(head)):
                return True
            at = text.find(head, at + 1)
    return False


def gate(
    bulletin: Bulletin,
    *,
    now: dt.datetime,
    policy: Policy,
    stamp_checked: bool = False,
    version: str | None = None,
    changed: str = "",
    explained: Explained | None = None,
    published_before: Container[str] = frozenset(),
    name_only_why: str = "",
) -> Exclusion | None:
    """The first reason the bulletin may not be published at `now`, or None when it may; for
    one held for its pii_reviewed_by, the approval it waits for too (Exclusion.also), which
    the approver must hear of before the reviewer's name is fixed.

    `stamp_checked`: see `is_secret` (set by the loader, which already scanned every text).
    `version`: the fingerprint of its content now (publish.approval.version), which must be
    the `approved_version` it was approved with, when it has one and the policy binds
    approval to content (None, not computed, never matches). `changed`: what changed since,
    when the approval tells it (publish.approval.what_changed), said instead of «nội dung»;
    `explained`: for one whose file is as approved, what its address or images tell of it
    (publish.approval_why), said so, with the way back (Exclusion.said and .restore).
    `published_before`: the keys of the bulletins whose approval by name only state/ vouches
    for (see name_only_held and publish.name_only_record), and `name_only_why` why it does not
    for this one, when it tells more than that it was never published.
    """
    if is_secret(bulletin, policy, stamp_checked=stamp_checked):
        return Exclusion(
            bulletin, f"tài liệu mật ({bulletin.classification}): không bao giờ xuất bản", "secret"
        )
    if not public_classification(bulletin.classification):
        # Reported as secret: its title stays out of reports until a person says it is public.
        return Exclusion(
            bulletin,
            f"mức phân loại không rõ ({bulletin.classification}): không xuất bản cho tới khi ghi rõ",
            "secret",
            UNCLEAR,
        )
    if bulletin.draft:
        return Exclusion(bulletin, f"bản nháp ({bulletin.draft_line})", "draft")
    if bulletin.approval_note:
        return Exclusion(
            bulletin,
            f"approved_by ghi {bulletin.approval_note}, không phải tên người duyệt: không đăng ở "
            f"kênh nào cho tới khi người duyệt đọc bài rồi chạy: {approve_command(bulletin.source)}"
            + (TEMPLATE_FILL if template_name(bulletin.approval_note.strip("«»")) else ""),
            "unapproved",
            "approval_note",
        )
    if explained is not None:
        changed = explained.said
    held = _approval_hold(bulletin, policy, version, changed, published_before, name_only_why)
    if held is not None and explained is not None and held.cause == "changed":
        held = dataclasses.replace(held, said=explained.said, restore=explained.restore)
    if bulletin.review_note:
        reason = (
            f"pii_reviewed_by ghi {bulletin.review_note}, không phải tên người đã rà soát dữ liệu "
            "cá nhân: không đăng ở kênh nào cho tới khi ghi họ tên người đã rà soát (chưa ai rà "
            'soát thì để trống: pii_reviewed_by: "")'
        )
        if held is not None:
            # Told here too: otherwise the approver learns it waits for them only once the
            # reviewer's name is fixed, a build later.
            reason += f". Ngoài ra, bản tin còn chờ người duyệt: {held.reason}"
        return Exclusion(
            bulletin, reason, "unapproved", "review_note", held.cause if held is not None else ""
        )
    if held is not None:
        return held
    if bulletin.date > now:
        local = bulletin.date.astimezone(now.tzinfo)
        return Exclusion(bulletin, f"{SCHEDULED} {vn_datetime(local)}", "scheduled")
    if bulletin.expires is not None and bulletin.expires <= now:
        local = bulletin.expires.astimezone(now.tzinfo)
        return Exclusion(bulletin, f"đã hết hạn lúc {vn_datetime(local)}", "expired")
    return None


def _approval_hold(
    bulletin: Bulletin,
    policy: Policy,
    version: str | None,
    changed: str,
    published_before: Container[str],
    name_only_why: str,
) -> Exclusion | None:
    """The verdict of gate's checks of the approval itself (never given, by name alone, given
    to another content), or None when it holds; the arguments are gate's."""
    if policy.require_approval and not bulletin.approved_by.strip():
        return Exclusion(bulletin, "chưa được duyệt (thiếu approved_by)", "unapproved", "unset")
    if name_only_held(bulletin, policy, published_before):
        reason = _name_only_reason(bulletin, policy, name_only_why)
        return Exclusion(bulletin, reason, "unapproved", "name_only")
    if changed_since_approval(bulletin, policy, version):
        again = f"(người duyệt đọc lại rồi chạy {approve_command(bulletin.source)})"
        if not is_version(bulletin.approved_version):
            return Exclusion(
                bulletin,
                f"approved_version «{bulletin.approved_version}» không phải dấu do publish "
                f"approve ghi (ba nhóm {VERSION_LENGTH} chữ số hệ 16 nối bằng dấu -, ví dụ "
                "3f2a9c0d1e4b-8e1d0c7b6a59-0f4e2d1c3b5a; có thể đã bị sửa tay): không đăng ở kênh "
                "nào cho tới khi được duyệt lại " + again,
                "unapproved",
                "bad_version",
            )
        return Exclusion(
            bulletin,
            (changed or "nội dung đã đổi sau khi duyệt")
            + ": không đăng ở kênh nào cho tới khi được duyệt lại "
            + again,
            "unapproved",
            "changed",
        )
    return None


UNCLEAR = "unclear_classification"
"""Exclusion.cause of a bulletin held as secret for a classification the tool does not know: a
summary counts it apart from those marked secret («1 phân loại không rõ», not «1 mật»)."""
HELD_CAUSES = ("approval_note", "review_note", "unset", "name_only", "bad_version", "changed")
"""The approval checks gate may hold an «unapproved» bulletin for (Exclusion.cause), in its order."""


def name_only(bulletin: Bulletin) -> bool:
    """Whether the bulletin is approved by name alone: an `approved_by` and no
    `approved_version` (an approval given before `publish approve`, or a name typed by hand)."""
    return bool(bulletin.approved_by.strip()) and not bulletin.approved_version


def name_only_held(bulletin: Bulletin, policy: Policy, published_before: Container[str]) -> bool:
    """Whether an approval by name alone is not enough under `policy`: [policy]
    name_only_approvals "refuse", or "published" (the default) for a bulletin whose key is not
    in `published_before` (those state/ recorded as published on a name alone with the content
    they have now: publish.name_only_record). A name typed by hand looks exactly like an
    approval given before `publish approve` existed; only a text already published on it can be
    the latter, so a new or edited one waits for the approver's command instead of going out
    on a name nobody vouched for."""
    if not (policy.require_approval and policy.approval == "content" and name_only(bulletin)):
        return False
    if policy.name_only_approvals == "accept":
        return False
    return policy.name_only_approvals == "refuse" or bulletin.key not in published_before


def _name_only_reason(bulletin: Bulletin, policy: Policy, why: str = "") -> str:
    """Why a bulletin approved by name alone is held (`why`: what state/ says of it, when more
    than that it was never published), and the one command that approves it."""
    if policy.name_only_approvals == "refuse":
        why = 'site.toml không nhận việc duyệt chỉ bằng tên (name_only_approvals = "refuse")'
    elif not why:
        why = "bản tin chưa từng được đăng (state/ không ghi nó), nên tên có thể chỉ là ghi tay"
    name = " ".join(bulletin.approved_by.split())
    return (
        f"chỉ có tên người duyệt «{name}» (approved_by) mà không có dấu nội dung đã duyệt "
        f"(approved_version), và {why}. Không đăng ở kênh nào cho tới khi người duyệt đọc bài "
        f"rồi chạy: publish approve {shell_word(bulletin.source)} --by {shell_word(name)}"
    )


_SHELL_PLAIN = re.compile(r"[\w\-./:,@+=]+")
"""A word no shell reads anything in: letters and digits of any script (\\w: str.isalnum, and
`_`), and these marks (a build's report names every bulletin approved by name only, 10,000 of
them in a corpus that old: a character loop per name was ~0.1 s of each build)."""


TEMPLATE_FILL = ' (thay "Họ tên, chức vụ" bằng họ tên, chức vụ của chính người duyệt)'
"""Said after the approve command where the file already carries that template as its name."""


def approve_command(source: str) -> str:
    """The command a reviewer runs to approve file `source` (again), ready to paste: the
    name as one word, the reviewer's name and title left for them to write."""
    return f'publish approve {shell_word(source)} --by "Họ tên, chức vụ"'


def shell_word(text: str) -> str:
    """`text` as one word of a command typed in a terminal (Linux, macOS or Windows): as it is
    when it holds nothing a shell reads, else in double quotes (in single quotes when it holds
    a character double quotes would not keep)."""
    if _SHELL_PLAIN.fullmatch(text):
        return text
    if any(c in text for c in '"$`\\!'):
        return shlex.quote(text)
    return f'"{text}"'


def changed_since_approval(bulletin: Bulletin, policy: Policy, version: str | None) -> bool:
    """Whether the bulletin carries an approval (`approved_version`) its content `version` no
    longer matches, under a policy that binds approval to content (an approval by name only,
    written before `publish approve` existed, is judged by name_only_held)."""
    return (
        policy.require_approval
        and policy.approval == "content"
        and bool(bulletin.approved_version)
        and version != bulletin.approved_version
    )


def page_gate(page: Page, *, now: dt.datetime, policy: Policy) -> tuple[str, str] | None:
    """(reason, code) the page may not be published at `now`, or None when it may.

    As `gate`, without approval: a page (giới thiệu, liên hệ) is not approved one by one; but
    one whose approved_by or pii_reviewed_by names nobody («ok», «Chờ duyệt») is held as a
    bulletin is. The loader already refused a page classified or stamped secret.
    """
    if secret_classification(page.classification, policy):
        return f"tài liệu mật ({page.classification}): không bao giờ xuất bản", "secret"
    if not public_classification(page.classification):
        return (
            f"mức phân loại không rõ ({page.classification}): không xuất bản cho tới khi ghi rõ",
            "secret",
        )
    if page.draft:
        return "bản nháp (draft: true)", "draft"
    if page.held_note:
        return (
            f"{page.held_note}, không phải họ tên người chịu trách nhiệm: không đăng cho tới khi "
            "ghi họ tên (hoặc để trống)",
            "unapproved",
        )
    if page.date is not None and page.date > now:
        local = page.date.astimezone(now.tzinfo)
        return f"{SCHEDULED} {vn_datetime(local)}", "scheduled"
    if page.expires is not None and page.expires <= now:
        local = page.expires.astimezone(now.tzinfo)
        return f"đã hết hạn lúc {vn_datetime(local)}", "expired"
    return None
