"""Front-matter fields that name a person who answers for a bulletin (`approved_by`,
`pii_reviewed_by`): a name is expected, not a tick.

An editor told to «ghi người duyệt» writes `approved_by: có`, `yes`, `x` or `ok`, as on a paper
form's box; YAML reads `yes` as true. Taken for a name, «có» published the bulletin as approved
by no one anyone can ask.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from publish.errors import PERSON_HELD
from publish.fields import Collector, text
from publish.gates import shell_word
from publish.key_lines import value_typed
from publish.text import as_written, nfc, quoted

__all__ = [
    "HELD",
    "ROLES",
    "held_note",
    "held_suffix",
    "nobody",
    "not_a_name",
    "not_yet",
    "person",
]

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
ROLES = {
    "approved_by": "họ tên, chức vụ người duyệt",
    "pii_reviewed_by": "họ tên người đã rà soát dữ liệu cá nhân",
}
"""What each field names, as its message says it."""
_NON_WORD = re.compile(r"[\W_]+")
"""What separates words («Đã-duyệt!» reads as «đã duyệt»)."""
EXAMPLE = '"Thượng tá Nguyễn Văn Hùng, Trưởng Công an xã"'


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
        any(word in NOT_YET for word in words)
        or any(_PLACEHOLDER.fullmatch(word) for word in [*words, *written])
        or _BRACKETED.fullmatch(value) is not None
        or _NOT_YET_PHRASES.search(" ".join(written)) is not None
        or _says_no(nfc(value))
    )


def _says_no(value: str) -> bool:
    """Whether «không» in `value` is a note's word, not a name's: lower-case, or first."""
    words = _NON_WORD.sub(" ", value).split()
    return any(
        word.lower() in _NO
        and (at == 0 or not word[:1].isupper() or not words[at - 1][:1].isupper())
        for at, word in enumerate(words)
    )


def nobody(col: Collector, data: dict[str, Any], key: str) -> str:
    """What field `key` holds, quoted as written, when it names nobody (a tick, a note, a
    placeholder, true, a date); "" when it is a name or empty."""
    value = data.get(key)
    written = str(value).strip() if isinstance(value, str | int | float) else ""
    if isinstance(value, bool | dt.date) or (written and not_a_name(written)):
        return quoted(written) if isinstance(value, str) else _typed(col, key, value)
    return ""


HELD = {"bản tin": "không đăng ở kênh nào", "trang": "không đăng trên website"}
"""What is held for such a field, and where it is then not published."""


def person(col: Collector, data: dict[str, Any], key: str, *, held: str = "") -> str | None:
    """The person a field of ROLES names. A value naming nobody (a tick «có», yes, x, ok, a
    note, a date) is, with `held` (a key of HELD: the gate holds that bulletin or page,
    publish.gates), a warning saying so, which --strict makes an error saying the build stops
    (one such value once stopped the whole build); without `held`, an error."""
    value = data.get(key)
    written = str(value).strip() if isinstance(value, str | int | float) else ""
    if shown := nobody(col, data, key):
        how = (
            "Ghi họ tên đầy đủ, chức vụ người duyệt: người duyệt chạy publish approve "
            f"{shell_word(col.source)} --by {EXAMPLE} (lệnh ghi tên thay cho giá trị này), hoặc ghi "
            f"{key}: {EXAMPLE}"
            if key == "approved_by" and held != "trang"
            # On a page, publish approve records the personal-data review (pii_reviewed_by)
            # and leaves approved_by as it is: sent there, the approver fixed nothing.
            else f"Ghi họ tên đầy đủ: {key}: {EXAMPLE}"
        )
        why = (
            "đây là ghi chú chưa duyệt, không phải tên người duyệt"
            if key == "approved_by"
            else "đây là ghi chú chưa rà soát, không phải tên người rà soát"
        )
        if isinstance(value, dt.date):
            why = "một ngày, không phải họ tên người chịu trách nhiệm"
        elif not (isinstance(value, str) and not_yet(written)):
            why = "một dấu đồng ý không cho biết ai chịu trách nhiệm"
        said = f"cần {ROLES[key]}, nhận được {shown}: {why}"
        col.add(
            said + (held_suffix(held) if held else ""),
            field=key,
            hint=f'{how}. Chưa có thì để trống: {key}: "".' + _replace_below(col, key),
            severity="warning" if held else "error",
            code=PERSON_HELD if held else None,
            strict_message=(
                f"{said}. Với --strict đây là lỗi: lần chạy dừng, không ghi, không đăng gì "
                f"(không có --strict thì chỉ {held} này bị giữ lại, phần còn lại vẫn được đăng)"
            )
            if held
            else None,
        )
        return None
    return text(col, data, key)


def held_suffix(held: str) -> str:
    """How a warning of `person` ends when it holds what `held` names (a key of HELD)."""
    return f": {held} bị giữ lại, {HELD[held]}"


def held_note(col: Collector, data: dict[str, Any]) -> str:
    """«approved_by ghi «ok»» for the first field of ROLES that names nobody (see nobody), or
    "": why a page is held back (publish.gates.page_gate)."""
    for key in ROLES:
        if shown := nobody(col, data, key):
            return f"{key} ghi {shown}"
    return ""


def _typed(col: Collector, key: str, value: Any) -> str:
    """`value` quoted as the editor typed it on its key's line: YAML read `yes` and `on` as
    true, and «nhận được true» named a word nobody wrote (as YAML read it when the line is not
    known)."""
    parsed = col.parsed
    line = parsed.line_of(key) if parsed is not None else None
    lines = parsed.yaml_text.split("\n") if parsed is not None else []
    if line is None or not 2 <= line < len(lines) + 2:
        return quoted(as_written(value))
    typed = value_typed(lines[line - 2])
    if not typed:
        # `approved_by:` with `yes` on the lines below, indented: YAML reads them as its value.
        below = _lines_below(col, key)
        typed = " ".join(word for word in (_COMMENT.sub("", b).strip() for b in below) if word)
    return quoted(typed or as_written(value))


def _lines_below(col: Collector, key: str) -> list[str]:
    """The lines under `key`'s line that hold its value (`approved_by:` with `yes` indented on
    the next line), blank ones between them included; none when the value is on its line."""
    parsed = col.parsed
    line = parsed.line_of(key) if parsed is not None else None
    lines = parsed.yaml_text.split("\n") if parsed is not None else []
    if line is None or not 2 <= line < len(lines) + 2 or value_typed(lines[line - 2]):
        return []
    below: list[str] = []
    for next_line in lines[line - 1 :]:
        if next_line.strip() and next_line[:1] not in (" ", "\t"):
            break
        below.append(next_line)
    while below and not below[-1].strip():
        below.pop()
    return below


def _replace_below(col: Collector, key: str) -> str:
    """When `key`'s value is on the lines below it, that a line typed by hand replaces those
    lines too: the key's line alone replaced, «yes» left below it is a YAML error."""
    below = _lines_below(col, key)
    if not below:
        return ""
    shown = quoted(" ".join(b for b in (_COMMENT.sub("", b).strip() for b in below) if b))
    these = "cả hai dòng" if len(below) == 1 else f"cả {len(below) + 1} dòng"
    return (
        f" {shown} nằm ở dòng dưới dòng '{key}:': dòng ghi tay thay cho {these} (xóa cả dòng "
        f"{shown} bên dưới, nếu không phần đầu sai cú pháp)."
    )


_COMMENT = re.compile(r"(?:^|[ \t])#.*$")
"""A YAML comment at the end of a line."""
