"""Whether a station file written by an older version holds the text the build now makes.

Versions before session 42 wrote the bulletin's file name into what the station gets: a
«Nguồn: content/….md | » before «Phát sóng:» in each item script, a «Nguồn:» list and file
names in the editor's notes of rundown.txt, a "source" in each row of rundown.json. The
station reads none of it. Without this check, the first sync after the upgrade would send every
file of the episodes to come again, with «SỬA LẦN … hãy in lại»: reprinted for nothing. A
file that differs from the build in those names alone is recorded as holding the build.

Only ever a yes for a text that, those names taken out, is the very text built: any other
difference (or a file that cannot be read as one of ours) is a no, and the file is sent as a
revision, as before.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Any

__all__ = ["names_only_differ", "unmarked"]

_MARKS = ("SỬA LẦN ", "GỬI LẠI")
"""How the line a sync puts under the first line of a file it replaced (radio_revisions) or sent
again after a withdrawal (radio_resent) begins."""
_ITEM_SOURCE = re.compile(r"^Nguồn: .*? \| (?=Phát sóng: )", re.MULTILINE)
_NOTE_SOURCE = re.compile(r"^(  \S+ ).+?\.md(?::(\d+))?: (?=\[)", re.MULTILINE)
_SOURCE_LIST = re.compile(r"\r?\nNguồn:\r?\n(?:  [^\r\n]*\r?\n)*")


def names_only_differ(path: str, station: bytes, built: bytes) -> bool:
    """Whether the station's copy of `path` (as a sync wrote it, perhaps with its revision
    line) is the `built` file but for the bulletin file names older versions wrote into it."""
    try:
        old, new = _text(station), _text(built)
    except UnicodeDecodeError:
        return False
    name = PurePosixPath(path).name
    if name == "rundown.json":
        document = _json(new)
        return document is not None and _without_sources(old) == document
    if PurePosixPath(path).parts[0] == "items":
        return _ITEM_SOURCE.sub("", unmarked(old)[0], count=1) == new
    if name == "rundown.txt":
        old = _SOURCE_LIST.sub("", unmarked(old)[0], count=1)
        return _NOTE_SOURCE.sub(_note_line, old) == new
    return False


def _text(data: bytes) -> str:
    """A station file's text, its BOM and line ends kept: a file of the version that wrote
    neither is rewritten in the new form (RadioSyncer._revision), not recorded as it is."""
    return data.decode("utf-8")


def unmarked(text: str) -> tuple[str, str]:
    """The text without the line a sync put under its first line («SỬA LẦN …», «GỬI LẠI …»),
    and that line ("" when there is none: line 2 is then the file's own, a title or a field)."""
    first, _, rest = text.partition("\n")
    line, _, after = rest.partition("\n")
    return (f"{first}\n{after}", line) if line.startswith(_MARKS) else (text, "")


def _note_line(match: re.Match[str]) -> str:
    """An editor's note of rundown.txt, by its line instead of its file and line."""
    return match[1] + (f"dòng {match[2]}: " if match[2] else "")


def _json(text: str) -> Any:
    """The JSON document in `text`, None when it is none."""
    try:
        return json.loads(text)
    except ValueError:
        return None


def _without_sources(text: str) -> Any:
    """rundown.json as written, without the "source" of its rows (None when unreadable)."""
    document = _json(text)
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        return None
    for row in document["items"]:
        if isinstance(row, dict):
            row.pop("source", None)
    return document
