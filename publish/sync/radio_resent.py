"""A script withdrawn into _rut-lai/ that the sync sends again: what the station is told.

Staff who remember the withdrawal find the script back in items/ while the copy the sync moved
into _rut-lai/ still sits there with its note «Xin đừng phát tệp này»: two contradictory
instructions. When the file comes back, the copy we moved (and its note) is removed, if the
station folder still holds them as we left them; a copy the station changed is kept, its note
(if ours) saying the bulletin was sent again. THAY-DOI.txt logs «Gửi lại» and DOC-TRUOC.txt
names the bulletin under its episode.

state/radio.json remembers, per withdrawn path, where its copy and note went (meta COPIES):
the withdrawal writes it into the path's record before it moves anything (WITHDRAWING), and
the save that forgets the record keeps it in meta, so a run killed in between still knows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from publish.moments import recorded_moment
from publish.render.radio_station import station_plain, station_text
from publish.text import vn_datetime

__all__ = [
    "CLEAR",
    "COPIES",
    "MOVED",
    "RESENT",
    "WITHDRAWING",
    "Moved",
    "Withdrawal",
    "copies",
    "copy_record",
    "resend",
    "resent_line",
    "resent_note",
]

COPIES = "withdrawn_copies"
"""state/radio.json meta: withdrawn path → where its copy and note went (see `copy_record`)."""
WITHDRAWING = "withdrawing"
"""A record's field while its withdrawal runs: the same as its COPIES entry will be."""
RESENT = "resent"
"""Action data: the withdrawal from this same episode this send undoes, for its change log
event «gửi lại»."""
CLEAR = "clear"
"""Action data: our files in _rut-lai/ to remove ({path: digest}), and our note to rewrite."""
MOVED = "moved"
"""A change log event: a script withdrawn from this episode, sent again for another one; as
action data, that withdrawal (its episode `from`), for that event."""


@dataclass(frozen=True, slots=True)
class Moved:
    """A copy a withdrawal moved into _rut-lai/, with the note it wrote beside it."""

    copy: str = ""
    """Where the copy went ("" when nothing tells)."""
    digest: str | None = None
    """sha256 of the copy as we moved it, when it was ours as we wrote it (None: the station's
    edit, or not known): only that is ever removed."""
    found: str | None = None
    """sha256 of what is at `copy` now, None when nothing."""
    note: str = ""
    note_digest: str | None = None
    """sha256 of the note we wrote beside the copy."""
    note_found: str | None = None

    @classmethod
    def of(cls, record: dict[str, Any], found: Callable[[str], str | None]) -> Moved:
        """The copy and note a well-formed `record` names, `found` hashing what is there now."""
        return cls(
            record["copy"],
            _text(record.get("digest")),
            found(record["copy"]),
            record["note"],
            _text(record.get("note_digest")),
            found(record["note"]),
        )

    @property
    def kept(self) -> bool:
        """Whether the copy is there but not as we moved it: left in _rut-lai/."""
        return self.found is not None and self.found != self.digest


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """The last withdrawal of a path the build has again, and what of it _rut-lai/ holds."""

    at: dt.datetime | None
    """When it was withdrawn (None: not known)."""
    script: Moved = Moved()
    """The withdrawn script's copy and note."""
    gone: bool = True
    """The withdrawal was recorded (the file's record forgotten): sending it is a resend the
    change log tells. False for one a killed run began and never recorded."""
    episode: str = ""
    """The episode it was withdrawn from ("" when not known): sent for another one, it is no
    resend to the station, which never had it in that one."""
    moi: Moved | None = None
    """Our .moi copy that went with it, when the withdrawal moved one: removed with the script
    when still ours."""
    sent: str | None = None
    """sha256 of the built text the withdrawn script was sent with (None: not known)."""

    @classmethod
    def of(
        cls,
        record: dict[str, Any],
        found: Callable[[str], str | None],
        *,
        tz: dt.tzinfo,
        gone: bool,
        episode: str = "",
    ) -> Withdrawal:
        """The withdrawal a well-formed `record` (see `copy_record`) tells, `found` hashing
        what is at a path of the station folder now; `episode`: where it was withdrawn from
        when the record does not say (older records)."""
        at = recorded_moment(record["at"])
        recorded = record.get("episode")
        moi = (
            copy_record({**record["moi"], "at": record["at"]})
            if isinstance(record.get("moi"), dict)
            else None
        )
        return cls(
            at.astimezone(tz) if at is not None else None,
            Moved.of(record, found),
            gone=gone,
            episode=recorded if isinstance(recorded, str) and recorded else episode,
            moi=None if moi is None else Moved.of(moi, found),
            sent=_text(record.get("sent")),
        )

    @property
    def kept(self) -> str:
        """The script's copy left in _rut-lai/ because it is not ours as we moved it ("" when
        none)."""
        return self.script.copy if self.script.kept else ""

    @property
    def kept_moi(self) -> str:
        """Our .moi copy left in _rut-lai/ because the station edited it ("" when none)."""
        return self.moi.copy if self.moi is not None and self.moi.kept else ""

    def _moved(self) -> list[Moved]:
        """Each copy the withdrawal moved with its note: the script's, then our .moi copy's."""
        return [self.script] if self.moi is None else [self.script, self.moi]

    def clear(self) -> dict[str, Any]:
        """What the send does in _rut-lai/: our files removed, our note rewritten beside a
        copy kept."""
        remove: dict[str, str] = {}
        rewrite: dict[str, str] = {}
        for moved in self._moved():
            if moved.found is not None and not moved.kept:
                remove[moved.copy] = moved.found
            # No note, or the station's (not as we wrote it): left as it is.
            if moved.note_found is not None and moved.note_found == moved.note_digest:
                (rewrite if moved.kept else remove)[moved.note] = moved.note_found
        return {"remove": remove, "rewrite": rewrite} if remove or rewrite else {}


def _text(value: object) -> str | None:
    """A recorded digest, None when absent or not text (a hand edit)."""
    return value if isinstance(value, str) else None


def copy_record(value: object) -> dict[str, Any] | None:
    """A withdrawal's record (COPIES, WITHDRAWING) when well formed, its paths inside
    _rut-lai/; None otherwise (a hand edit is never followed out of it)."""
    if not isinstance(value, dict):
        return None
    for key in ("copy", "note"):
        path = value.get(key)
        if not isinstance(path, str) or not _inside_withdrawn(path):
            return None
    if not isinstance(value.get("at"), str):
        return None
    return value


def copies(value: object) -> dict[str, dict[str, Any]]:
    """The well-formed withdrawal records of state/radio.json meta ({} when none)."""
    if not isinstance(value, dict):
        return {}
    return {k: r for k, v in value.items() if isinstance(k, str) and (r := copy_record(v))}


def _inside_withdrawn(path: str) -> bool:
    """Whether `path` names a file inside _rut-lai/ (relative, no way out)."""
    pure = PurePosixPath(path)
    return (
        not pure.is_absolute()
        and len(pure.parts) > 1
        and pure.parts[0] == "_rut-lai"
        and ".." not in pure.parts
    )


def resend(
    path: str, withdrawal: Withdrawal, episode: str, digest: str | None
) -> tuple[str, dict[str, Any]]:
    """What the plan adds to the action that sends `path` (of `episode`, built as `digest`)
    again: the words of its reason and the data its apply and its change log events need."""
    data: dict[str, Any] = {}
    if clear := withdrawal.clear():
        data[CLEAR] = clear
    when = f" lúc {vn_datetime(withdrawal.at)}" if withdrawal.at is not None else ""
    if not withdrawal.gone:
        # A withdrawal a killed run began and never recorded: the file is ours again.
        left = ", ".join(sorted([*clear.get("remove", {}), *clear.get("rewrite", {})]))
        if not left:
            return "; lần chạy trước bị ngắt khi vừa bắt đầu rút tệp này, chưa chuyển gì", data
        return f"; dọn tệp rút lại còn sót do lần chạy trước bị ngắt: {left}", data
    undone = {
        "at": withdrawal.at.isoformat() if withdrawal.at is not None else "",
        "kept": withdrawal.kept,
        "removed": bool(withdrawal.script.copy) and not withdrawal.kept,
        # Whether the text sent is the one withdrawn: a copy printed before is still right.
        "same": withdrawal.sent is not None and withdrawal.sent == digest,
    }
    if withdrawal.kept_moi:
        # Its own field: "kept" and "removed" tell of the script's copy.
        undone["kept_moi"] = withdrawal.kept_moi
    if episode and withdrawal.episode == episode:
        data[RESENT] = undone
        said = (
            f"; tệp này đã bị rút{when}, nay gửi lại (THAY-DOI.txt và DOC-TRUOC.txt ghi «gửi lại»)"
        )
    else:
        # Sent for another episode: the station never had it in that one, so nothing there
        # is «sent again»; the log of the episode it left tells it (see radio's `_moved`).
        data[MOVED] = {**undone, "from": withdrawal.episode}
        source = f" khỏi tập {withdrawal.episode}" if withdrawal.episode else ""
        said = f"; tệp này đã bị rút{source}{when}, nay gửi cho tập {episode or 'khác'}"
    script, moi = withdrawal.script, withdrawal.moi
    remove, rewrite = clear.get("remove", {}), clear.get("rewrite", {})
    # Our .moi copy is no note: told on its own below.
    notes = sorted(p for p in remove if moi is None or p != moi.copy)
    if script.copy in remove:
        said += f": xóa bản đã rút {script.copy} và ghi chú cạnh nó"
    elif script.kept and script.note in rewrite:
        said += (
            f": bản đã rút {script.copy} không còn như công cụ chuyển vào nên giữ nguyên, "
            "ghi chú cạnh nó ghi thêm là đã gửi lại"
        )
    elif script.kept:
        said += f": bản đã rút {script.copy} không do công cụ ghi nhận nên giữ nguyên"
    elif notes:
        said += f": xóa ghi chú {', '.join(notes)}"
    if moi is not None and moi.copy in remove:
        said += f"; xóa cả bản .moi đã rút {moi.copy}"
    elif moi is not None and moi.kept:
        said += f"; bản .moi đã rút {moi.copy} không còn như công cụ chuyển vào nên giữ nguyên"
        if moi.note in rewrite:
            said += ", ghi chú cạnh nó ghi thêm là đã gửi lại"
    return said, data


def resent_line(at: dt.datetime, back: dict[str, Any], episode: str, tz: dt.tzinfo) -> str:
    """The line under the first one of a script sent again after its withdrawal (`back`: its
    RESENT or MOVED data, for `episode`): staff who printed or set aside the withdrawn copy
    see from the file itself that it is back, for which episode, and whether to print again."""
    withdrawn = recorded_moment(back.get("at"))
    when = f" lúc {vn_datetime(withdrawn.astimezone(tz))}" if withdrawn is not None else ""
    source = back.get("from", "")
    if source and source != episode:
        head = (
            f"GỬI LẠI CHO TẬP {episode} — gửi lúc {vn_datetime(at)}; tệp này đã rút khỏi tập "
            f"{source}{when}, nay phát trong tập {episode}, không phát trong tập {source}."
        )
    else:
        head = f"GỬI LẠI — gửi lúc {vn_datetime(at)}; tệp này đã rút{when}, nay phát lại."
    if back.get("same"):
        return f"{head} Nội dung như bản đã rút (dòng này không đọc)"
    return f"{head} Nội dung khác bản đã rút: bản in trước đó không còn đúng, hãy in lại (dòng này không đọc)"


def resent_note(old: bytes, path: str, at: dt.datetime) -> bytes:
    """Our note beside a withdrawn copy the station changed (so kept), once `path` is sent
    again: it says so first, and that the copy is not to be aired."""
    text = station_plain(old)
    head = (
        f"ĐÃ GỬI LẠI lúc {vn_datetime(at)}: đơn vị đã gửi lại tin này, bản để phát là "
        f"{path} trong thư mục đài. Tệp cạnh ghi chú này là bản cũ đã rút, phần mềm không xóa "
        "vì nó không còn như bản phần mềm đã gửi: đừng phát tệp đó.\n\n"
    )
    return station_text(head + text)
