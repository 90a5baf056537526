"""Front-matter fields that name a person who answers for a bulletin (`approved_by`,
`pii_reviewed_by`): a name is expected, not a tick.

An editor told to «ghi người duyệt» writes `approved_by: có`, `yes`, `x` or `ok`, as on a paper
form's box; YAML reads `yes` as true. Taken for a name, «có» published the bulletin as approved
by no one anyone can ask.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from publish.errors import PERSON_HELD
from publish.fields import Collector, text
from publish.gates import shell_word
from publish.key_lines import value_typed
from publish.name_notes import not_a_name, not_yet
from publish.text import as_written, quoted

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

ROLES = {
    "approved_by": "họ tên, chức vụ người duyệt",
    "pii_reviewed_by": "họ tên người đã rà soát dữ liệu cá nhân",
}
"""What each field names, as its message says it."""
EXAMPLE = '"Thượng tá Nguyễn Văn Hùng, Trưởng Công an xã"'


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
