"""Front-matter fields that name a person who answers for a bulletin (`approved_by`,
`pii_reviewed_by`): a name is expected, not a tick.

An editor told to «ghi người duyệt» writes `approved_by: có`, `yes`, `x` or `ok`, as on a paper
form's box; YAML reads `yes` as true. Taken for a name, «có» published the bulletin as approved
by no one anyone can ask.
"""

from __future__ import annotations

import re
from typing import Any

from publish.fields import Collector, text
from publish.key_lines import value_typed
from publish.text import as_written, nfc, quoted

__all__ = ["ROLES", "not_a_name", "person"]

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
ROLES = {
    "approved_by": "họ tên, chức vụ người duyệt",
    "pii_reviewed_by": "họ tên người đã rà soát dữ liệu cá nhân",
}
"""What each field names, as its message says it."""
_NON_WORD = re.compile(r"[\W_]+")
"""What separates words («Đã-duyệt!» reads as «đã duyệt»)."""
EXAMPLE = '"Thượng tá Nguyễn Văn Hùng, Trưởng Công an xã"'


def not_a_name(value: str) -> bool:
    """Whether `value` ticks a box instead of naming someone (a word of TICKS, a number, or
    only marks such as «✓»)."""
    words = _NON_WORD.sub(" ", nfc(value).lower()).strip()
    return not words or words in TICKS or words.replace(" ", "").isdigit()


def person(col: Collector, data: dict[str, Any], key: str) -> str | None:
    """The person a field of ROLES names; an error for a tick («có», yes, x, ok) or true."""
    value = data.get(key)
    written = str(value).strip() if isinstance(value, str | int | float) else ""
    if isinstance(value, bool) or (written and not_a_name(written)):
        shown = quoted(written) if isinstance(value, str) else _typed(col, key, value)
        how = (
            f"Người duyệt chạy publish approve {col.source} --by {EXAMPLE} (lệnh ghi tên thay "
            f"cho giá trị này), hoặc ghi {key}: {EXAMPLE}"
            if key == "approved_by"
            else f"Ghi {key}: {EXAMPLE}"
        )
        col.add(
            f"cần {ROLES[key]}, nhận được {shown}: một dấu đồng ý không cho biết ai chịu trách "
            "nhiệm",
            field=key,
            hint=f'{how}. Chưa có thì để trống: {key}: "".',
        )
        return None
    return text(col, data, key)


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
        below = []
        for next_line in lines[line - 1 :]:
            if next_line.strip() and next_line[:1] not in (" ", "\t"):
                break
            below.append(_COMMENT.sub("", next_line).strip())
        typed = " ".join(word for word in below if word)
    return quoted(typed or as_written(value))


_COMMENT = re.compile(r"(?:^|[ \t])#.*$")
"""A YAML comment at the end of a line."""
