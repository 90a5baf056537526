"""Whether a station .txt file differs from the build only in how its lines are laid out.

Session 70 fitted the station's .txt files to 72 characters (Notepad on A4 portrait): shorter
rules, headers and «|»-joined fields on two lines, long titles wrapped, and the rundown's slug
and title moved from the row onto the line under it. Without this check, the first sync after
the upgrade would send every coming script again with «SỬA LẦN … hãy in lại» and THAY-DOI.txt
would list each as a revision: staff would reprint pages whose words did not change. A file
the station holds as we sent it whose words are those of the build is rewritten in the new
layout, with no revision (see RadioSyncer._revision), and the episode's log says once that
nothing needs printing again.

Only a file the station holds in the old layout qualifies: one of the lines the layout draws
(a rule, a line of a header above a rule, a row of the running order, a line of fields joined
by « | ») is wider than WIDTH there and none is in the build. Every file of the 94-character
layout has its rule or its wide running order; once rewritten, a later change that only moves
a line break is a revision like any other, never "laid out anew" again. A line of one word
alone (a long address in a title, which no layout breaks) counts as wide in neither layout.

The files are compared block by block, a block being the lines between two blank lines or
rules (the A4 layout added and removed no blank line and no rule, only shortened the rules): a
word moved across a paragraph boundary is a change. Within a block, the text is split at any
whitespace; the «|» between header fields is left out (a line break replaces it when the
fields no longer fit on one line) in the blocks of fields alone — a header block, which a rule
ends, or a block of rundown.txt outside its running order —, never in spoken text. In the
running order, each row's slug counts as following its number (where the old layout had it)
and the column headings, fixed labels, are left out. Any other difference — a word, a number,
a time, a «|» or a «---» of the text, a row moved — is no layout change, and the file is sent as
a revision.

A block of the end mark alone («— HẾT TIN —») the build has and the station's copy lacks is no
word of the text either: a correction item gained it when it became news like any other (S7),
and a correction the station already held, in either layout, is laid out anew with it.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from publish.render.radio_station import END_MARK, WIDTH, station_plain
from publish.sync.radio_legacy import unmarked

__all__ = ["NOTICE", "RELAID", "layout_only", "notice"]

RELAID = "relaid"
"""The change log event (and action data) of a file rewritten in a new layout, words unchanged."""
_SAID = "cho vừa khổ A4, nội dung không đổi: không cần in lại"
NOTICE = f"Trình bày lại {_SAID}"
"""What the plan says of such a file (THAY-DOI.txt says `notice` of the files)."""
_WIDE = 94
"""How wide the rules were before the A4 layout."""
_RULE = re.compile(rf"^(?:-{{{WIDTH}}}|={{{WIDTH}}}|-{{{_WIDE}}}|={{{_WIDE}}})$")
"""A rule the layout draws (a line of '-' or '=' alone, of either width): not a «---» of the text."""
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
    its first line, «SỬA LẦN …» or «GỬI LẠI …», if line 2 is one) holds the words of `built` in
    the old layout: that line ("" for none), which the rewritten file keeps; else None."""
    if PurePosixPath(path).suffix != ".txt":
        return None
    try:
        old, new = station_plain(station), station_plain(built)
    except UnicodeDecodeError:
        return None
    line = ""
    if lined:
        old, line = unmarked(old)
    if old == new:
        return None  # the same text in other bytes (line ends, BOM): not this module's case
    rundown = PurePosixPath(path).name == "rundown.txt"
    (was, wide), (now, still) = _read(old, rundown=rundown), _read(new, rundown=rundown)
    if still:
        return None
    if wide and was == now:
        return line
    unended = [block for block in was if block != _END_WORDS]
    ended = [block for block in now if block != _END_WORDS]
    added = len(now) - len(ended) > len(was) - len(unended)
    return line if added and ended == unended else None


_Blocks = list[tuple[str, ...]]
_END_WORDS = tuple(END_MARK.split())
"""The end mark's block, as `_read` gives it."""


def _read(text: str, *, rundown: bool) -> tuple[_Blocks, bool]:
    """The words of a station file block by block (a rule as its one character), as the module
    docstring defines them, and whether a line the layout draws is wider than WIDTH."""
    blocks: _Blocks = []
    wide = False
    lines: list[str] = []
    for line in [*text.split("\n"), ""]:
        rule = _RULE.match(line)
        if rule is None and line.strip():
            lines.append(line)
            continue
        if lines:
            words, drawn = _block(lines, ruled=rule is not None, rundown=rundown)
            blocks.append(tuple(words))
            wide = wide or any(_too_wide(drawn_line) for drawn_line in drawn)
            lines = []
        if rule is not None:
            blocks.append((line[0],))
            wide = wide or len(line) > WIDTH
    return blocks, wide


def _too_wide(line: str) -> bool:
    """Whether a line the layout draws is wider than WIDTH where the layout could have broken
    it: a word longer than a line (an address in a title) stands whole on a line of its own in
    the A4 layout too (layout._wrapped), so such a line tells neither layout from the other."""
    return len(line) > WIDTH and len(line.split()) > 1


def _block(lines: list[str], *, ruled: bool, rundown: bool) -> tuple[list[str], list[str]]:
    """The words of a block of lines (`ruled`: a rule follows it) and the lines of it the
    layout draws."""
    if rundown and any(_HEADINGS.match(line) for line in lines):
        return " ".join(_rows_whole(lines)).split(), lines
    words = " ".join(lines).split()
    if rundown:
        return [word for word in words if word != "|"], [x for x in lines if " | " in x]
    if ruled:
        return [word for word in words if word != "|"], lines
    return words, []


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
