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
and a correction the station already held, in either layout, is laid out anew with it. Only
where the build puts one: closing an item, right after its words, nothing after it but music
cues before the page ends (an item file's end, script.txt's rule of '='); one anywhere else
(above a paragraph, after the music) is a change.

script.docx has no layout of lines, but its correction items gained the end mark too: a Word
file whose words, paragraph by paragraph, are those of the build but for such end marks is
laid out anew as well (`word_verdict` gives its Relaid), once its episode's script.txt is
(radio._word_follows: the Word copy follows the verdict of the text it is made from).
A Word file whose words, paragraph by paragraph and page by page, are those of the build is
not even that (`word_verdict` is True): only its bytes differ (a python-docx upgrade, the zip's
times or order), so the station keeps the copy it has and nothing is written nor logged. A sync
reads each Word file once for both.

Each file laid out anew says why (`Relaid.causes`): fitted to A4, the end mark added, or both;
the plan and THAY-DOI.txt word it by those causes, never «cho vừa khổ A4» for an end mark.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from xml.etree import ElementTree

from publish.linked_text import BROKEN_XML, BROKEN_ZIP
from publish.render.radio_station import END_MARK, WIDTH, station_plain
from publish.sync.radio_legacy import unmarked

__all__ = [
    "A4",
    "ENDED",
    "RELAID",
    "Relaid",
    "known_causes",
    "notice",
    "reason",
    "relaid",
    "reworded",
    "unchanged",
    "word_verdict",
]

RELAID = "relaid"
"""The change log event (and action data) of a file rewritten in a new layout, words unchanged."""
A4 = "a4"
"""Cause: the station's copy is in the layout of 94 characters, the build fits A4."""
ENDED = "end"
"""Cause: the build closes an item with the end mark the station's copy lacks."""
_MARK = "thêm dòng «— HẾT TIN —» ở cuối tin"
_HOW = {(A4,): "cho vừa khổ A4", (ENDED,): f"để {_MARK}", (A4, ENDED): f"cho vừa khổ A4 và {_MARK}"}
_SAME = {A4: "nội dung không đổi", ENDED: "lời đọc không đổi"}
"""What stays the same, by the last of the causes: an end mark added is a line more, though
not one read."""


def _said(what: str, causes: Iterable[str]) -> str:
    """«Trình bày lại `what` …, … không đổi: không cần in lại», by the `causes` (none, as events
    of versions before causes were recorded: fitted to A4, the only cause those logs told)."""
    known = known_causes(causes)
    head = f"Trình bày lại {what}".rstrip()
    return f"{head} {_HOW[known]}, {unchanged(known)}: không cần in lại"


def known_causes(causes: Iterable[str]) -> tuple[str, ...]:
    """`causes` in their order, unknown ones left out; (A4,) for none (see `_said`): files laid
    out anew for the same known causes are told alike."""
    given = set(causes)
    return tuple(cause for cause in (A4, ENDED) if cause in given) or (A4,)


def unchanged(causes: Iterable[str]) -> str:
    """What stayed the same in files laid out anew for `causes` («nội dung không đổi», «lời đọc
    không đổi» once an end mark was added), as every notice of them says it."""
    return _SAME[known_causes(causes)[-1]]


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


def reason(causes: Iterable[str]) -> str:
    """What the plan says of a file laid out anew for these `causes`."""
    return _said("", causes)


def notice(what: str, causes: Iterable[str] = (A4,)) -> str:
    """The notice of the files `what` («thứ tự phát và 2 tin») laid out anew for `causes`, for
    the episode's change log."""
    return _said(what, causes)


def reworded(causes: Iterable[Iterable[str]]) -> str:
    """The line of a change log that also lists revisions on its files laid out anew for
    these `causes` (one per file, as `known_causes` gives them): they bear no «SỬA LẦN» and
    need no new print."""
    found = known_causes(cause for each in causes for cause in each)
    how = " hay ".join(_HOW[(cause,)] for cause in found)
    return f"Tệp chỉ trình bày lại {how} thì {unchanged(found)}, không có dòng «SỬA LẦN …» mới: không cần in lại."


@dataclass(frozen=True, slots=True)
class Relaid:
    """A station file holding the build's words in an older layout."""

    line: str
    """The line a sync put under its first line, which the rewritten file keeps ("": none)."""
    causes: tuple[str, ...]
    """Why it is laid out anew: A4, ENDED or both."""


def relaid(path: str, station: bytes, built: bytes, *, lined: bool) -> Relaid | None:
    """When the station's copy of the .txt file `path` (`lined`: with the line a sync put under
    its first line, «SỬA LẦN …» or «GỬI LẠI …», if line 2 is one) holds the words of `built` in
    an older layout: that line and why; else None."""
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
    fitted = (A4,) if wide else ()
    if wide and was == now:
        return Relaid(line, fitted)
    return Relaid(line, (*fitted, ENDED)) if _ended(was, now) else None


def word_verdict(station: bytes, built: bytes) -> Relaid | bool:
    """The station's script.docx against the `built` one, from one read of each: True when it
    holds the build's words, paragraph by paragraph and page by page, whatever else differs in
    their bytes (the zip's times or order, the XML another python-docx writes: what staff read
    and print is the same); a Relaid (ENDED) when it does but for end marks the build closes
    items with (see the module docstring); False for any other difference, or a file that is no
    Word file."""
    was, now = _paragraphs(station), _paragraphs(built)
    if was is None or now is None:
        return False
    if was == now:
        return True
    return Relaid("", (ENDED,)) if _ended(was, now) else False


_Blocks = list[tuple[str, ...]]
_END_WORDS = tuple(END_MARK.split())
"""The end mark's block, as `_read` gives it."""
_PAGE = ("=",)
"""The block of a page's end: script.txt's rule of '=', a page break of script.docx."""
_CUE = re.compile(r"\[[A-Z]\d+ [^\[\]]*\](?: \[[A-Z]\d+ [^\[\]]*\])*")
"""A block of the episode's music cues alone, each with its number in the running order
(«[A5 NHẠC HIỆU KẾT THÚC 0:20]», layout.cue_line): not a cue of an item's text («[NHẠC NỀN]»)."""


def _ended(was: _Blocks, now: _Blocks) -> bool:
    """Whether `now` is `was` with one end-mark block or more added, each where the build
    puts one (`_closing`)."""
    held = iter(was)
    expected = next(held, None)
    added = False
    for at, block in enumerate(now):
        if block == expected:
            expected = next(held, None)
        elif block == _END_WORDS and _closing(now, at):
            added = True
        else:
            return False
    return added and expected is None


def _closing(blocks: _Blocks, at: int) -> bool:
    """Whether the block at `at` ends an item: right after words of its (no music cue, no rule,
    no end mark before it: an item has one), only music cues after it before the page ends
    (layout.script_text and word's plan put the music that follows an item after its end mark,
    S7)."""
    before = blocks[at - 1] if at else _PAGE
    if before in (_PAGE, ("-",), _END_WORDS) or _CUE.fullmatch(" ".join(before)):
        return False
    for block in blocks[at + 1 :]:
        if block == _PAGE:
            return True
        if not _CUE.fullmatch(" ".join(block)):
            return False
    return True


_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCUMENT = "word/document.xml"
_TEXT = f"{_WORD}t"
_SPACES = frozenset({f"{_WORD}tab", f"{_WORD}br", f"{_WORD}cr"})
"""What python-docx writes for a tab or a line break in a run's text: they part words as a
space does («a\\nb» is two words, not «ab»)."""
_OFF = frozenset({"0", "false", "off"})
"""Values of w:val that turn a paragraph property off (python-docx writes «0» for False)."""
_MOST = 64 * 1024 * 1024
"""The most of word/document.xml read (an episode's is ~1 MB): past it, no Word file of ours."""


def _paragraphs(data: bytes) -> _Blocks | None:
    """The words of a Word file paragraph by paragraph, `_PAGE` before each that starts a page;
    None when it is no Word file we could have written."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(_DOCUMENT) as part:
            xml = part.read(_MOST + 1)
        if len(xml) > _MOST or b"<!DOCTYPE" in xml:
            return None
        root = ElementTree.fromstring(xml)
    # No word/document.xml is a KeyError, one of BROKEN_XML's LookupError.
    except BROKEN_ZIP + BROKEN_XML + (ElementTree.ParseError,):
        return None
    blocks: _Blocks = []
    for paragraph in root.iter(f"{_WORD}p"):
        broken = paragraph.find(f"{_WORD}pPr/{_WORD}pageBreakBefore")
        if broken is not None and broken.get(f"{_WORD}val", "1") not in _OFF:
            blocks.append(_PAGE)
        text = "".join(
            (part.text or "") if part.tag == _TEXT else " "
            for part in paragraph.iter()
            if part.tag == _TEXT or part.tag in _SPACES
        )
        blocks.append(tuple(text.split()))
    return blocks


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
