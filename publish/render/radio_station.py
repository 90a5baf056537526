"""What the radio sync shares with the radio renderer, importable without it (the renderer loads
the Word writer, ~0.1 s of a no-op sync): the air slots, and the form of the text files the
station's PC opens (and how one staff only saved again compares with ours, `as_sent`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import stat
import textwrap
from collections.abc import Collection
from pathlib import Path

from publish.config import Config

__all__ = [
    "EDITOR_NOTES",
    "END_MARK",
    "OTHER",
    "SLUG_MAX",
    "WIDTH",
    "air_after",
    "air_at",
    "as_sent",
    "held",
    "next_air",
    "set_for",
    "station_plain",
    "station_read",
    "station_text",
    "wrapped",
]

EDITOR_NOTES = "ghi-chu-bien-tap.txt"
"""The file beside an episode's rundown.txt in output/radio/ with the read-aloud notes for the
unit's editors: never copied to the station, whose staff read rundown.txt and had no use for
them (a rundown sent again for a note fixed, or staff reading «dòng 24» of a file they lack)."""

SLUG_MAX = 24
"""S2: a slug is at most 24 characters (here for the rates record's check of the slugs
it holds, publish/radio_rates.py, as END_MARK is for the sync)."""

END_MARK = "— HẾT TIN —"
"""S7: the end of a bulletin item (here for the sync's layout check, as WIDTH is)."""

OTHER = "khác"
"""The digest `held` gives something that is not a regular file (never equal to a real one)."""

WIDTH = 72
"""The widest line the tool lays out in a station .txt file: staff print them from Notepad on
A4 portrait (Consolas 11 pt, ~19 mm margins: about 78 characters), which breaks a longer rule,
header or running order row across two lines. Spoken paragraphs are not hard-wrapped: Notepad
wraps words, and the text the presenter reads stays one paragraph a line."""


def wrapped(
    text: str, first: str, rest: str, width: int = WIDTH, *, together: re.Pattern[str] | None = None
) -> list[str]:
    """`text` wrapped at words within `width`, `first` before its first line, `rest` before the
    others; a slug's or a code's hyphens are no places to break, nor is the inside of a word
    longer than a line (an address in a title, a file's path, stays whole, on a line of its
    own), nor a space inside what `together` matches («SỬA LẦN 2»)."""
    glued = False
    if together is not None and _GLUE not in text:
        # textwrap breaks at ASCII whitespace only: a placeholder of one character holds the
        # phrase as one word of the same width, and is a space again once the lines are cut.
        text, glued = together.sub(lambda found: found[0].replace(" ", _GLUE), text), True
    lines = textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]
    return [line.replace(_GLUE, " ") for line in lines] if glued else lines


_GLUE = "\ue000"
"""A private-use character, never in a station file: where `wrapped` may not break."""


def station_text(text: str) -> bytes:
    """A .txt file for the station's Windows PC: UTF-8 with a byte order mark and CRLF line
    ends, which Notepad before Windows 10 (1903) and Word need to show Vietnamese on separate
    lines instead of one line of mojibake."""
    return ("\ufeff" + text.replace("\r\n", "\n").replace("\n", "\r\n")).encode("utf-8")


def station_plain(data: bytes) -> str:
    """The text of a station .txt file (`station_text`'s inverse): without its byte order
    mark, with LF line ends; UnicodeDecodeError when it is no UTF-8."""
    return data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")


def as_sent(raw: str | None, data: bytes | None, ours: Collection[str | None]) -> str | None:
    """The digest of a station .txt file (`raw`, of bytes `data`) as we would have written its
    text: the one of `ours` (the digests we wrote it with) when staff only opened it and saved
    it again, no word changed (no byte order mark, LF line ends, its last line end dropped or
    one more added: Notepad or another editor), else `raw`. Such a file is no edit of the
    station's: counted as one, it was kept, our newer version beside it, and its script.docx
    with it, so staff read the old words on air. Blank lines staff added at the end are theirs:
    taken for ours, a .moi copy holding them was removed or moved into _rut-lai/ as ours."""
    if data is None or raw in ours:
        return raw
    try:
        text = station_plain(data)
    except UnicodeDecodeError:
        return raw
    for form in (text, text + "\n", text.removesuffix("\n")):
        digest = hashlib.sha256(station_text(form)).hexdigest()
        if digest in ours:
            return digest
    return raw


def station_read(
    path: Path, ours: Collection[str | None]
) -> tuple[str | None, str | None, bytes | None]:
    """What the station's file `path` holds, in one read: its digest as compared with `ours`
    (the digests of what we wrote there, or were about to: a .txt staff only opened and saved
    again reads as the one of ours it holds, `as_sent`), the digest of its bytes, and those
    bytes (`held`)."""
    raw, data = held(path)
    return (as_sent(raw, data, ours) if path.suffix == ".txt" else raw), raw, data


def held(path: Path) -> tuple[str | None, bytes | None]:
    """The sha256 of the regular file `path` and its bytes; (None, None) when there is none;
    OTHER and no bytes for a folder, a link or a special file. OSError when it cannot be told
    (a share briefly gone, a file staff locked): what it holds is then not known, and no
    caller may take it for absent."""
    try:
        mode = path.lstat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None, None
    if not stat.S_ISREG(mode):
        return OTHER, None
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, None
    return hashlib.sha256(data).hexdigest(), data


def next_air(moment: dt.datetime, config: Config) -> dt.datetime:
    """The first air slot (config air day and time, site timezone) at or after `moment`, past
    the days the segment does not air ([radio] no_broadcast)."""
    local = moment.astimezone(config.tz)
    days = (config.radio.air_weekday - local.isoweekday()) % 7
    slot = air_at(local.date() + dt.timedelta(days=days), config)
    if slot < local:
        slot += dt.timedelta(days=7)
    skipped = config.radio.no_broadcast
    for _ in range(len(skipped)):  # each no-broadcast day can push the slot a week at most
        if slot.date() not in skipped:
            break
        slot += dt.timedelta(days=7)
    return slot


def air_after(published: dt.datetime, config: Config) -> dt.datetime:
    """The first air slot strictly after a bulletin's publication time: one published at the
    very minute of a broadcast reaches the station only after it, so it airs the next week."""
    return next_air(published + dt.timedelta(microseconds=1), config)


def set_for(published: dt.datetime, air_date: dt.date | None, config: Config) -> dt.datetime:
    """The broadcast a bulletin is set for: its `radio.air_date`'s when it has one, else the
    first after its publication."""
    return air_at(air_date, config) if air_date else air_after(published, config)


def air_at(day: dt.date, config: Config) -> dt.datetime:
    """The configured air time on `day`, in the site timezone."""
    hour, minute = (int(part) for part in config.radio.air_time.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=config.tz)
