"""What the station is told when the sync replaces a script it already has for a coming episode.

The build stays pure (the same content gives the same bytes): the sync alone knows what the
station holds and when it got it, so the sync adds the revision line to the file it writes and
keeps the episode's change log (`THAY-DOI.txt`), rendered from the events in state/radio.json.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath
from typing import Any

from publish.render.radio_station import station_plain, station_text, wrapped
from publish.sync.radio_relaid import RELAID, known_causes, notice, reworded, unchanged
from publish.text import vn_datetime

__all__ = [
    "BESIDE",
    "LOG_NAME",
    "MARKED",
    "event_id",
    "log_bytes",
    "logged",
    "marked",
    "placed",
    "revision_line",
    "titled",
]

LOG_NAME = "THAY-DOI.txt"
MARKED = ("rundown.txt", "script.txt")
"""Episode files that carry a revision line (besides every item script); rundown.json is for
machines and script.docx cannot take a line, but its replacement is in the log."""
BESIDE = "beside"
"""A change log event: the new version of a file the station edited went beside it as our
.moi copy (the station's file is not replaced, so bears no new «SỬA LẦN»)."""
_LABELS = {
    "rundown.txt": "thứ tự phát",
    "script.txt": "kịch bản cả tập",
    "script.docx": "kịch bản cả tập (bản Word)",
}


_TOGETHER = re.compile(r"(?:SỬA LẦN|[Ss]ửa lần)(?: (?:\d+|…))?")
"""What the log's wrapping keeps on one line: «SỬA LẦN …» split as «SỬA» / «LẦN …» is no longer
the mark the staff look for at the top of a file, nor «sửa lần» / «2» the revision they print."""


def logged(path: str) -> bool:
    """Whether a replaced file is told of in the change log (not rundown.json, a machine file)."""
    pure = PurePosixPath(path)
    return pure.parts[0] == "items" or pure.name in _LABELS


def is_marked(path: str) -> bool:
    """Whether a replaced file gets a revision line at its top."""
    pure = PurePosixPath(path)
    return (pure.parts[0] == "items" and pure.suffix == ".txt") or pure.name in MARKED


def revision_line(revision: int, at: dt.datetime, previous: dt.datetime | None) -> str:
    """«Sửa lần 2 — cập nhật lúc …; thay bản đã gửi lúc …» (not read on air: it is above the rule)."""
    before = f"thay bản đã gửi lúc {vn_datetime(previous)}" if previous else "thay bản đã gửi trước"
    return (
        f"SỬA LẦN {revision} — cập nhật lúc {vn_datetime(at)}; {before}. "
        "Bản in trước đó không còn đúng: hãy in lại (dòng này không đọc)"
    )


def marked(data: bytes, line: str) -> bytes:
    """A station .txt file with `line` put right under its first line (the slug or heading)."""
    text = station_plain(data)
    first, _, rest = text.partition("\n")
    return station_text(f"{first}\n{line}\n{rest}")


def event_id(event: dict[str, Any]) -> str:
    """What makes a change log event unique: a rerun after a crash never logs it twice."""
    return f"{event['kind']} {event['path']} {event.get('digest', '')} {event['at']}"


def log_bytes(
    episode: str, air: dt.datetime | None, events: list[dict[str, Any]], tz: Any
) -> bytes:
    """THAY-DOI.txt: the changes to an episode the station already had, newest first, its
    lines within WIDTH as the scripts' are (an unbreakable word aside)."""
    when = f" (phát lúc {vn_datetime(air)})" if air is not None else ""
    lines = [
        f"THAY ĐỔI KỊCH BẢN CỦA TẬP {episode}{when}",
        *_what_happened(events),
        "Mới nhất ở trên. Tệp này do phần mềm của Công an ghi, xin đừng sửa.",
    ]
    lines = [fitted for line in lines for fitted in wrapped(line, "", "  ", together=_TOGETHER)]
    # Newest first in the order the changes were made, not by their times: a clock set back
    # (a PC whose battery died, a time server fixed) must not put the latest change below.
    moments: list[tuple[str, list[dict[str, Any]]]] = []
    for event in _relaid_once(events):
        if moments and moments[-1][0] == event["at"]:
            moments[-1][1].append(event)
        else:
            moments.append((event["at"], [event]))
    for at, made in reversed(moments):
        lines += ["", vn_datetime(dt.datetime.fromisoformat(at).astimezone(tz)) + ":"]
        # Staff open it in Notepad and print it as they do the scripts: wrapped as those are,
        # each continuation indented under its entry's text so that every entry reads as one.
        lines += [
            line
            for event in made
            for line in wrapped(_event_text(event, tz), "- ", "  ", together=_TOGETHER)
        ]
    return station_text("\n".join(lines) + "\n")


def _what_happened(events: list[dict[str, Any]]) -> list[str]:
    """The log's lines under its heading, true of the `events` it lists: files only laid out
    anew bear no «SỬA LẦN» and need no new print, which a heading saying every file listed
    was replaced and marked would deny; why they were laid out anew is said as it was."""
    kinds = {event["kind"] for event in events}
    if kinds == {RELAID}:
        same = unchanged(cause for event in events for cause in _causes(event))
        return [
            f"Các tệp dưới đây chỉ được trình bày lại sau khi đài nhận: {same}, không có dòng "
            "«SỬA LẦN …» mới, không cần in lại."
        ]
    lines = []
    if kinds - {RELAID, BESIDE}:
        lines.append(
            "Các tệp dưới đây đã được thay sau khi đài nhận; tệp thay có dòng «SỬA LẦN …» ở đầu."
        )
    if BESIDE in kinds:
        lines.append(
            "Tệp đài đã tự sửa thì không bị thay: bản mới của Công an được đặt cạnh, tên thêm "
            "«.moi» (ghi «Bản mới … đặt cạnh»); tệp của đài thiếu chỗ sửa đó."
        )
    if RELAID in kinds:
        lines.append(reworded([_causes(e) for e in events if e["kind"] == RELAID]))
    return lines


def _causes(event: dict[str, Any]) -> tuple[str, ...]:
    """Why the file of a RELAID event was laid out anew, the causes this version knows:
    fitted to A4 for an event of the versions that recorded no cause (A4 was the only one
    they told)."""
    return known_causes(event.get("causes") or ())


def titled(path: str, title: object) -> str:
    """A script named for the station: «its title» (its file), or the file alone."""
    return f"«{title}» ({path})" if title else path


def _event_text(event: dict[str, Any], tz: Any) -> str:
    """One change, in words: what, which bulletin (by its title) or file, and which version."""
    path = event["path"]
    name = PurePosixPath(path).name
    if PurePosixPath(path).parts[0] == "items":
        what = f"tin {titled(path, event.get('title'))}"
    else:
        what = f"{_LABELS.get(name, name)} ({name})"
    kind = event["kind"]
    if kind == RELAID:
        return notice(_counted(event["files"]), _causes(event))
    if kind == "added":
        return f"Thêm {what}" + _place_text(event.get("place"))
    if kind == "withdrawn":
        return f"Rút {what}: không phát nữa (tệp đã chuyển vào _rut-lai/, có ghi lý do)"
    if kind == "resent":
        return _resent_text(what, event, tz)
    if kind == "moved":
        return _moved_text(what, event, tz)
    if kind == BESIDE:
        return _beside_text(what, event)
    previous = event.get("previous")
    before = (
        f", thay bản đã gửi lúc {vn_datetime(dt.datetime.fromisoformat(previous).astimezone(tz))}"
        if previous
        else ""
    )
    return f"Thay {what}: sửa lần {event['revision']}{before}"


def _beside_text(what: str, event: dict[str, Any]) -> str:
    """A new version put beside the station's edited file, in words: where it is, why the
    station's file was not replaced, and what staff do (as DOC-TRUOC.txt says of it)."""
    follows = event.get("follows")
    why = (
        f"đài đã sửa {follows} nên bản Word cũng giữ như đài đang có"
        if follows
        else "đài đã sửa bản cũ nên phần mềm không ghi đè"
    )
    return (
        f"Bản mới của {what} đặt cạnh: {event['moi']} — {why}; bản của đài thiếu chỗ sửa này: "
        "so hai bản, chọn bản để đọc"
    )


def placed(rundown: dict[str, Any], path: str) -> dict[str, Any] | None:
    """Where the item script `path` stands in an episode's built rundown.json: its number
    («A5») and the bulletin items read before and after it ({"no", "title"} each, absent at
    either end); None when the rundown does not list it."""
    rows = rundown.get("items")
    bulletins = [
        row
        for row in (rows if isinstance(rows, list) else ())
        if isinstance(row, dict) and row.get("key") and isinstance(row.get("no"), str)
    ]
    for index, row in enumerate(bulletins):
        if f"items/{row['key']}.txt" != path:
            continue
        place: dict[str, Any] = {"no": row["no"]}
        for side, near in (("after", bulletins[:index]), ("before", bulletins[index + 1 :])):
            if near:
                other = near[-1] if side == "after" else near[0]
                place[side] = {"no": other["no"], "title": other.get("title") or other["slug"]}
        return place
    return None


def _place_text(place: object, rundown: str = "thứ tự phát mới", lead: str = ": ") -> str:
    """Where an item added, sent again or moved goes, for the presenter slotting its printed
    page among the others: «: mục A5 của thứ tự phát mới, đọc sau tin «…» (A3)» (`rundown`:
    whose running order, `lead`: what comes before); "" when a version before this one logged
    the event without it."""
    if not isinstance(place, dict) or not place.get("no"):
        return ""
    said = f"{lead}mục {place['no']} của {rundown}, "
    after, before = place.get("after"), place.get("before")
    if after:
        return said + f"đọc sau tin «{after['title']}» ({after['no']})"
    if before:
        return said + f"là tin đầu tiên, đọc trước tin «{before['title']}» ({before['no']})"
    return said + "là tin duy nhất của tập"


def _relaid_once(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`events` with the files laid out anew for the same causes told once, at the first of
    them, with how many there were: the station need do nothing about them, one line a cause
    is enough (a rerun after a killed sync, later, adds none)."""
    paths: dict[tuple[str, ...], list[str]] = {}
    for event in events:
        if event["kind"] == RELAID:
            found = paths.setdefault(_causes(event), [])
            if event["path"] not in found:
                found.append(event["path"])
    result = []
    for event in events:
        if event["kind"] != RELAID:
            result.append(event)
        elif _causes(event) in paths:
            result.append({**event, "files": paths.pop(_causes(event))})
    return result


def _counted(paths: list[str]) -> str:
    """The files laid out anew, in words: «thứ tự phát, kịch bản cả tập và 3 tin»."""
    found = {PurePosixPath(p).name for p in paths}
    names = [label for name, label in _LABELS.items() if name in found]
    items = sum(1 for p in paths if PurePosixPath(p).parts[0] == "items")
    parts = [*names, *([f"{items} tin"] if items else [])]
    return ", ".join(parts[:-1]) + " và " + parts[-1] if len(parts) > 1 else parts[0]


def _withdrawn_at(event: dict[str, Any], tz: Any) -> str:
    """When the file of `event` was withdrawn, as words to follow «đã rút» ("" when unknown)."""
    withdrawn = event.get("withdrawn")
    if not withdrawn:
        return ""
    return f" lúc {vn_datetime(dt.datetime.fromisoformat(withdrawn).astimezone(tz))}"


def _copy_fate(event: dict[str, Any]) -> str:
    """What became of the withdrawn copy in _rut-lai/ once the file was sent again."""
    fate = ""
    if event.get("kept"):
        fate = (
            f"; bản cũ đã rút vẫn còn ở {event['kept']} (phần mềm không xóa tệp đó): đừng phát "
            "bản đó, đài có thể xóa"
        )
    elif event.get("removed"):
        fate = "; bản đã rút đã được xóa khỏi _rut-lai/"
    if event.get("kept_moi"):
        fate += (
            f"; bản .moi đã rút vẫn còn ở {event['kept_moi']} (phần mềm không xóa tệp đó vì đài "
            "đã sửa): đừng phát bản đó, đài có thể xóa"
        )
    return fate


def _moved_text(what: str, event: dict[str, Any], tz: Any) -> str:
    """A script withdrawn from this episode and sent for another one, in words: the file back
    in items/ belongs to that episode, not this one (see publish/sync/radio_resent.py)."""
    return (
        f"Chuyển {what} sang tập {event['to']} (đã rút khỏi tập này{_withdrawn_at(event, tz)}): "
        f"tập này vẫn không phát tin đó, tệp {event['path']} nay là kịch bản của tập "
        f"{event['to']}"
        + _place_text(event.get("place"), "thứ tự phát tập ấy", ", ")
        + _copy_fate(event)
    )


def _resent_text(what: str, event: dict[str, Any], tz: Any) -> str:
    """A file withdrawn into _rut-lai/ and sent again, in words: the copy sent is the one to
    air, and what became of the withdrawn copy (see publish/sync/radio_resent.py)."""
    when = f", đã rút{_withdrawn_at(event, tz)}" if event.get("withdrawn") else ""
    item = PurePosixPath(event["path"]).parts[0] == "items"
    place = _place_text(event.get("place"), lead=" ở ")
    said = f"Gửi lại {what}{when}: " + (
        f"nay phát lại{place}{'; ' if place else ', '}bản vừa gửi là bản để phát"
        if item
        else "bản vừa gửi là bản dùng để phát"
    )
    return said + _copy_fate(event)
