"""Which lines of a front matter may hold a key: the mending of what Word does to pasted text
(publish.frontmatter: mend_keys, straight_quotes) touches those only; the others go on with a
value started above, and their text is the editor's own.

The rule has been mended more than once, and each mending changed how a few valid files read
(curly quotes on a summary's next line left as written instead of made YAML quotes). An
approval is the fingerprint of the values as read (publish.approval), so the rules of earlier
versions are kept as READINGS_BEFORE: a bulletin approved under one stays approved while
nobody edits it (publish.content reads it again under each when its fingerprint no longer
matches). Since session 33 an approval's fingerprint is keyed with the name of the reading it
was taken under, and holds only under that one: an edit of quote marks alone that an earlier
reading would have straightened back withdraws it. Change a rule here only by adding the one it replaces to READINGS_BEFORE, and pin a
file it reads differently in tests/test_approval_pinned.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

__all__ = ["READING", "READINGS_BEFORE", "Reading", "lines_with_keys", "value_typed"]

Lines = Callable[[list[str]], Iterator[int]]
"""The 0-based lines of a front matter's lines that may hold a key."""

_WS = "[ \t\u00a0\u2007\u202f]"
_OWNER = re.compile(
    rf"^(?P<lead> *(?:-{_WS}+)*)"
    rf"(?P<key>(?:[\w.-]+|“[\w.-]+”|‘[\w.-]+’|\"[^\"]*\"|'[^']*'){_WS}*:(?={_WS}|$))?"
    rf"{_WS}*(?P<value>.*)$"
)
"""A line's key (or bare list item) and its value, no-break spaces read as spaces."""
_BLOCK_START = re.compile(r":[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")
"""A key whose value is a block (`summary: |`, `summary: >-`): the lines below are its text."""


@dataclass(frozen=True)
class Reading:
    """The lines mend_keys mends (no-break spaces, curly quotes around a key) and those
    straight_quotes reads a value in Word's curly quotes on."""

    mended: Lines
    straightened: Lines
    spans: bool = False
    """Whether a value in curly quotes over several lines that fails the file unquoted is read
    as quoted (frontmatter._spanning_read, since 6238010): no earlier version read such a
    file, so none approved one."""
    name: str = ""
    """What the fingerprints of approvals taken under it are keyed with (publish.approval):
    an approval holds only under the reading it was taken under. Empty for the readings before
    session 33, whose approvals were not keyed and are tried under each earlier reading."""


def lines_with_keys(lines: list[str], *, text_owns: bool = True) -> Iterator[int]:
    """The 0-based lines that may hold a key: not those that go on with a value started above
    (a `|`/`>` block, a plain value's next lines, a quoted value not yet closed), whose text is
    the value's own («  Hotline:\u00a00912» under `summary: Gọi`).

    `text_owns`: a line of text without a key under a key without a value (`summary:` then
    «  Gọi ngay») starts that key's value, so the lines after it at its indent go on with it;
    False reads them as keys, as the tool did until session 32."""
    owner = -1  # column a line must go beyond to go on with the value above, else -1
    parent = -1  # column of the last key without a value on its line, else -1
    quote = ""  # the quote of a quoted value still open
    for i, line in enumerate(lines):
        if quote:
            quote = "" if _closed(line, quote) is not None else quote
            continue
        indent = len(line) - len(line.lstrip(" "))
        if owner >= 0 and (not line.strip() or indent > owner):
            continue
        yield i
        match = _OWNER.match(line)
        value = match["value"].rstrip() if match is not None else ""
        owner, quote = -1, ""
        if match is None or not value or value.startswith("#"):
            parent = len(match["lead"]) if match is not None and match["key"] else -1
            continue  # the key's value is the lines below: keys or items
        if value[0] in "\"'":
            if _closed(value[1:], value[0]) is None:
                quote = value[0]
            continue
        if match["key"] or match["lead"].strip() or not text_owns:
            owner = len(match["lead"]) if match["key"] else indent
        else:  # a value's first line under its key: the lines after it beyond the key go on
            owner = parent if 0 <= parent < indent else indent - 1


def value_typed(line: str) -> str:
    """The value on a key's line as the editor typed it (`approved_by: yes  # đã duyệt` gives
    «yes», which YAML reads as true), without its comment."""
    match = _OWNER.match(line)
    value = match["value"] if match is not None else line
    return re.sub(rf"(?:^|{_WS})#.*$", "", value).strip(" \t\u00a0\u2007\u202f")


def _lines_outside_blocks(lines: list[str]) -> Iterator[int]:
    """The lines that may hold a key as the tool read them until 9b4c002 (session 31): all but
    the text of a `|`/`>` block (judged on the line as mended, as mend_keys then did)."""
    block_indent = -1  # indentation of the key whose `|`/`>` block the lines are in, else -1
    for i, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent >= 0 and (not line.strip() or indent > block_indent):
            continue
        yield i
        block_indent = indent if _BLOCK_START.search(lines[i]) else -1


def _closed(text: str, quote: str) -> int | None:
    """Where the quoted value in `text` closes (`quote` not escaped), or None."""
    at = 0
    while (at := text.find(quote, at)) >= 0:
        if quote == '"':
            start = at
            while start and text[start - 1] == "\\":  # each backslash is passed once: linear
                start -= 1
            if (at - start) % 2 == 0:
                return at
        elif text[at + 1 : at + 2] != "'":
            return at
        else:
            at += 1  # '' is a quote inside
        at += 1
    return None


READING = Reading(lines_with_keys, lines_with_keys, spans=True, name="key-lines-4")
"""How files are read now. When it changes, move it (name kept) to READINGS_BEFORE and give
the new one a new name."""
_SESSION_31 = partial(lines_with_keys, text_owns=False)
READINGS_BEFORE: tuple[Reading, ...] = (
    Reading(_lines_outside_blocks, _lines_outside_blocks),  # until 9b4c002
    Reading(_SESSION_31, _lines_outside_blocks),  # 9b4c002 until 69f8c33
    Reading(_SESSION_31, _SESSION_31),  # 69f8c33 until the text line owned its value
)
"""How earlier versions of the tool read files, newest last (see the module's text)."""
