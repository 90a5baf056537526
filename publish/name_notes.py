"""Whether a short text written where a person's name goes names nobody: a tick («Đã duyệt»,
«OK», «x»), a note that nobody has yet («chưa duyệt», «TODO»), a placeholder («xxx», «<họ tên>»).

Apart from publish.person_fields (which reads front matter) so that site.toml's checks can ask
without importing the front-matter readers (a replayed build imports neither).
"""

from __future__ import annotations

import re
from functools import lru_cache

from publish.text import nfc

__all__ = ["APPROVAL_WORDS", "TICKS", "not_a_name", "not_yet", "template_name"]

TICKS = frozenset(
    {
        "approved", "checked", "co", "có", "co duyet", "có duyệt", "da duyet", "đã",
        "đã duyệt", "duyệt", "duyệt rồi", "được", "được duyệt", "đã được duyệt", "da duyet roi", "đã duyệt rồi", "da ky", "đã ký", "da ky duyet",
        "đã ký duyệt", "da xem", "đã xem", "da doc", "đã đọc", "dong y", "đồng ý", "done", "ký",
        "ky duyet", "ký duyệt", "ok", "ok roi", "ok rồi", "oke", "okay", "on", "roi", "rồi",
        "true", "v", "x", "xong", "y", "yes",
    }
)  # fmt: skip
"""What is written to tick a box (NFC, lower-case, accents kept): «có», «Đã duyệt», «OK», «x»,
«yes». Compared with accents, and without the accentless forms that are one-word names: folded,
«Đạt», «Ý», «Kỳ», «Đà» read as ticks and real approvers were refused. «Duyệt» and «Được» alone
stay ticks though they are also given names: written alone they far more often mean «approved»,
and a bulletin published as approved by no one is worse than asking a Duyệt for a full name."""
NOT_YET = frozenset(
    {
        "chưa", "chua", "chờ", "đợi", "sẽ", "todo", "tbd", "fixme", "pending", "nháp", "nhap",
    }
)  # fmt: skip
"""Words of a note that nobody has approved (or reviewed) yet: «chưa duyệt», «Chờ duyệt», «Đợi
anh Hùng duyệt», «Sẽ duyệt sau», «TODO: hỏi anh Hùng», «pending», «nháp». None is in a name."""
_ALSO_GIVEN_NAMES = frozenset({"chờ"})
"""Words of NOT_YET that are given names too: «thương binh Lê Phi Chờ» (Báo Đà Nẵng). One is a
name's in a full name only: capitalised after a capitalised word, and followed by nothing or
by a capitalised word that is no approval word («Nguyễn Văn Chờ, Phó Trưởng Công an xã»);
«Chờ», «Chờ duyệt», «chờ anh Hùng duyệt», «Hùng Chờ Duyệt» stay notes."""
_NOT_YET_PHRASES = re.compile(r"\b(?:dự thảo|du thao)\b|(?:^|\s)n/a(?:\s|$)")
"""Notes of more than one word: «dự thảo» (a draft), «N/A»."""
_NO = frozenset({"không", "khong"})
"""«không» says no one approved («không duyệt», «chưa/không có»), but is a given name too:
«Thượng tá Lê Văn Không» (capitalised after a capitalised word) is a name."""
_PLACEHOLDER = re.compile(r"x{2,}|\.{3,}|\?+")
"""A word standing for a name to write later: «xxx», «xx»."""
_BRACKETED = re.compile(r"\s*[<‹\[«].*[>›\]»]\s*", re.DOTALL)
"""A value in brackets stands for a name to write: «<họ tên người duyệt>», «[tên]»."""
APPROVAL_WORDS = frozenset(word for tick in TICKS for word in tick.split()) | {
    "phê", "phe", "đăng", "dang", "cho", "duyet", "oke", "ổn", "xuất", "bản", "rà", "soát",
}  # fmt: skip
"""Words of the ticks and of «phê duyệt», «cho đăng», «duyệt đăng», «đã rà soát»: two words or
more made of them only say «approved», not who did. One word alone is judged by TICKS: «Ý»,
«Đăng», «Phê» are given names."""
TEMPLATE_NAMES = frozenset(
    {
        "họ tên", "họ và tên", "họ tên chức vụ", "họ và tên chức vụ", "họ tên người duyệt",
        "họ tên chức vụ người duyệt", "họ và tên người duyệt", "tên người duyệt",
        "ho ten", "ho va ten", "ho ten chuc vu", "ho va ten chuc vu", "ho ten nguoi duyet",
        "ho ten chuc vu nguoi duyet", "ho va ten nguoi duyet", "ten nguoi duyet",
    }
)  # fmt: skip
"""The words (lower-case, without punctuation) of the template name the tool prints in its
approve command («--by "Họ tên, chức vụ"») and hints («pii_reviewed_by: "Họ tên người duyệt"»),
with and without accents: pasted as printed, it approved a bulletin as no one. Only the whole
value: «Nguyễn Văn Tên», «Đại úy Họ Thị Duyệt» are names."""
_NON_WORD = re.compile(r"[\W_]+")
"""What separates words («Đã-duyệt!» reads as «đã duyệt»)."""


# Pure functions of a short text that every bulletin's `approved_by` repeats (a unit has a few
# approvers): read once per process, not three times per bulletin (~6 % of loading one).
@lru_cache(maxsize=1024)
def not_a_name(value: str) -> bool:
    """Whether `value` ticks a box instead of naming someone (a word of TICKS, approval words
    only, a number, or only marks such as «✓») or says nobody approved yet (see not_yet)."""
    words = _NON_WORD.sub(" ", nfc(value).lower()).strip()
    if not words or words in TICKS or words.replace(" ", "").isdigit() or not_yet(value):
        return True
    split = words.split()
    return len(split) > 1 and all(word in APPROVAL_WORDS for word in split)


@lru_cache(maxsize=1024)
def not_yet(value: str) -> bool:
    """Whether `value` is a note that nobody has approved yet, or a placeholder for a name
    («chưa duyệt», «Chờ duyệt», «Sẽ duyệt sau», «TODO», «N/A», «xxx», «<họ tên>»)."""
    words = _NON_WORD.sub(" ", nfc(value).lower()).split()
    written = nfc(value).lower().split()
    return (
        any(word in NOT_YET and word not in _ALSO_GIVEN_NAMES for word in words)
        or (any(word in _ALSO_GIVEN_NAMES for word in words) and _waits(nfc(value).split()))
        or any(_PLACEHOLDER.fullmatch(word) for word in [*words, *written])
        or _BRACKETED.fullmatch(value) is not None
        or _NOT_YET_PHRASES.search(" ".join(written)) is not None
        or _says_no(nfc(value))
        or template_name(value)
    )


def template_name(value: str) -> bool:
    """Whether `value` is the template name the tool prints («Họ tên, chức vụ»: TEMPLATE_NAMES)."""
    return " ".join(_NON_WORD.sub(" ", nfc(value).lower()).split()) in TEMPLATE_NAMES


def _waits(tokens: list[str]) -> bool:
    """Whether a word of _ALSO_GIVEN_NAMES among the whitespace-separated `tokens` is a note's."""
    return any(
        any(word in _ALSO_GIVEN_NAMES for word in _NON_WORD.sub(" ", token.lower()).split())
        and not _in_a_name(tokens, at)
        for at, token in enumerate(tokens)
    )


_BARE = re.compile(r"[^\W\d_]+")
"""A word of letters only: a name's word has no bracket, dash or colon glued to it."""
_NAME_END = re.compile(r"([^\W\d_]+)(?:\.|[-/;:,](\S*))?")
"""The last word of a name, before a comma and a title («Nguyễn Văn Chờ, Phó Trưởng …»), or
with a colon, a dash, a slash, a semicolon or a comma glued to it and maybe the next words
(«Nguyễn Văn Chờ: Trưởng Công an», «Nguyễn Văn Chờ-Trưởng CA», «Lê Văn Chờ;Nguyễn Văn B»,
«Lê Văn Chờ,Nguyễn Văn B»: a comma typed without its space reads as the spaced one)."""


def _in_a_name(tokens: list[str], at: int) -> bool:
    """Whether `tokens[at]` is a given name of _ALSO_GIVEN_NAMES in a full name: it and the word
    before it bare letters, capitalised («Nguyễn Văn Hùng (Chờ)», «Hùng: Chờ», «Hùng, Chờ»,
    «Hùng - Chờ» are notes after a name), followed by nothing or a capitalised word that is no
    approval word, glued or not («Nguyễn Văn Chờ-duyệt» is a note)."""
    token = tokens[at]
    end = _NAME_END.fullmatch(token)
    if at == 0 or end is None or not token[:1].isupper():
        return False
    if end[1].lower() not in _ALSO_GIVEN_NAMES:
        return False
    before = tokens[at - 1]
    if not _BARE.fullmatch(before) or not before[:1].isupper():
        return False
    glued = end[2] or ""
    following = glued if glued else tokens[at + 1] if at + 1 < len(tokens) else ""
    after = _NON_WORD.sub(" ", following).split()
    return not after or (after[0][:1].isupper() and after[0].lower() not in APPROVAL_WORDS)


def _says_no(value: str) -> bool:
    """Whether «không» in `value` is a note's word, not a name's: lower-case, or first."""
    words = _NON_WORD.sub(" ", value).split()
    return any(
        word.lower() in _NO
        and (at == 0 or not word[:1].isupper() or not words[at - 1][:1].isupper())
        for at, word in enumerate(words)
    )
