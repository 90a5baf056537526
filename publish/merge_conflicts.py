"""Git's conflict markers left in a file (a bulletin, a page, site.toml) after two branches
edited the same lines."""

from __future__ import annotations

import re

__all__ = ["HINT", "RESOLVE", "conflict_lines", "message"]

_START = re.compile(r"<{7}(?:[ \t].*)?")
_MIDDLE = re.compile(r"={7}[ \t]*")
_END = re.compile(r">{7}(?:[ \t].*)?")

RESOLVE = (
    "Hai nhánh cùng sửa những dòng này và lần gộp nhánh chưa chọn bản nào. Mở tệp, giữ lại bản "
    "đúng (các dòng giữa «<<<<<<<» và «=======» là bản của một nhánh, giữa «=======» và "
    "«>>>>>>>» là bản của nhánh kia; cần cả hai chỗ sửa thì ghép lại), xóa các dòng dấu rồi lưu."
)
"""How to resolve a conflict, for any file."""
HINT = (
    RESOLVE + " Bản tin đã duyệt: dấu duyệt của mỗi nhánh chỉ đúng với bản của nhánh đó, nên "
    'người duyệt đọc lại bản đã ghép rồi chạy publish approve TỆP --by "Họ tên, chức vụ".'
)
"""How to resolve a conflict in a bulletin or page."""


def conflict_lines(text: str) -> list[int]:
    """The 1-based line of each «<<<<<<<» that opens a whole conflict (with its «=======» and
    «>>>>>>>» below it); none in nearly every file, found by one substring search."""
    if "<<<<<<<" not in text:
        return []
    found: list[int] = []
    start, stage = 0, 0
    for number, line in enumerate(text.split("\n"), start=1):
        if _START.fullmatch(line):
            start, stage = number, 1
        elif stage == 1 and _MIDDLE.fullmatch(line):
            stage = 2
        elif stage == 2 and _END.fullmatch(line):
            found.append(start)
            stage = 0
    return found


def message(lines: list[int]) -> str:
    """What the editor is told of the conflicts at `lines` (the first is the error's line)."""
    where = (
        "" if len(lines) == 1 else f" ({len(lines)} chỗ, ở các dòng {', '.join(map(str, lines))})"
    )
    return f"tệp còn dấu xung đột của git (<<<<<<<, =======, >>>>>>>) sau một lần gộp nhánh{where}"
