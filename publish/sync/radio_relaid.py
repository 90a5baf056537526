"""Whether a station .txt file differs from the build only in how its lines are laid out.

Session 70 fitted the station's .txt files to 72 characters (Notepad on A4 portrait): shorter
rules, headers and «|»-joined fields on two lines, long titles wrapped, and the rundown's slug
and title moved from the row onto the line under it. Without this check, the first sync after
the upgrade would send every coming script again with «SỬA LẦN … hãy in lại» and THAY-DOI.txt
would list each as a revision: staff would reprint pages whose words did not change. A file
the station holds as we sent it whose words are those of the build is rewritten in the new
layout, with no revision (see RadioSyncer._revision), and the episode's log says once that
nothing needs printing again.

"Words" are the file's text split at any whitespace, without the rule lines (made of '-' or '='
only) and the «|» between header fields, which a line break replaces when the fields no longer
fit on one line; in rundown.txt each row's slug counts as following its number (where the old
layout had it) and the column headings, fixed labels, are left out. Any other difference — a
word, a number, a time, a row moved — is no layout change, and the file is sent as a revision.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

__all__ = ["NOTICE", "RELAID", "layout_only", "notice"]

RELAID = "relaid"
"""The change log event (and action data) of a file rewritten in a new layout, words unchanged."""
_SAID = "cho vừa khổ A4, nội dung không đổi: không cần in lại"
NOTICE = f"Trình bày lại {_SAID}"
"""What the plan says of such a file (THAY-DOI.txt says `notice` of the files)."""
_RULE = re.compile(r"^[-=]+$")
_HEADINGS = re.compile(
    r"^Số +(?:Slug +)?Loại +Âm tiết +Thời lượng +Tích lũy +Lên sóng +Hạn bắt đầu(?: +Tiêu đề)?$"
)
"""The rundown's column headings, in the layout of 94 characters (slug and title in the row)
and in that of 72 (the slug and title on a line of their own, `_NAMED_HEADING`)."""
_NAMED_HEADING = re.compile(r"^ +Slug +Tiêu đề \(ghi chú\)$")
_ROW_INDENT = " " * 5
"""How the line under a rundown row that names its slug and title begins (layout.rundown_text)."""


def notice(what: str) -> str:
    """NOTICE of the files `what` («thứ tự phát và 2 tin»), for the episode's change log."""
    return f"Trình bày lại {what} {_SAID}"


def layout_only(path: str, station: bytes, built: bytes, *, lined: bool) -> str | None:
    """When the station's copy of the .txt file `path` (`lined`: with the line a sync put under
    its first line, «SỬA LẦN …» or «GỬI LẠI …») holds the words of `built` in another layout:
    that line ("" for none), which the rewritten file keeps; else None."""
    if PurePosixPath(path).suffix != ".txt":
        return None
    try:
        old, new = _text(station), _text(built)
    except UnicodeDecodeError:
        return None
    line = ""
    if lined:
        first, _, rest = old.partition("\n")
        line, _, after = rest.partition("\n")
        old = f"{first}\n{after}"
    if old == new:
        return None  # the same text in other bytes (line ends, BOM): not this module's case
    rundown = PurePosixPath(path).name == "rundown.txt"
    return line if _words(old, rundown=rundown) == _words(new, rundown=rundown) else None


def _text(data: bytes) -> str:
    """A station file's text, without its BOM, with LF line ends."""
    return data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")


def _words(text: str, *, rundown: bool) -> list[str]:
    """The words of a station file, as the module docstring defines them."""
    lines = text.split("\n")
    if rundown:
        lines = _rows_whole(lines)
    kept = [line for line in lines if not _RULE.match(line.strip())]
    return [word for word in " ".join(kept).split() if word != "|"]


def _rows_whole(lines: list[str]) -> list[str]:
    """rundown.txt's lines without the column headings, each row's slug (first word of the
    indented line under it, when the layout put it there) moved right after the row's number."""
    result: list[str] = []
    named = any(_NAMED_HEADING.match(line) for line in lines)
    row = False
    for line in lines:
        if _HEADINGS.match(line) or _NAMED_HEADING.match(line):
            row = False
            continue
        if named and row and line.startswith(_ROW_INDENT) and line[5:6].strip():
            slug, _, rest = line.strip().partition(" ")
            number, _, cells = result[-1].partition(" ")
            result[-1] = f"{number} {slug} {cells}"
            result.append(rest)
            row = False
            continue
        result.append(line)
        row = named and bool(line[:1].strip())
    return result
