"""Sync the radio scripts in output/radio/ into the station's folder, safely and idempotently.

Rules (what the station can rely on):

* Every write goes to a temporary name in the same folder, is fsynced, then renamed: the station's
  automation never sees half a script. Unchanged files are never rewritten.
* state/radio.json records what we last wrote (sha256 per file), saved after every success. Only
  files recorded there are ever replaced or moved; files the station made are never touched.
* A file the station edited (its hash differs from what we wrote) is never overwritten: our new
  version goes beside it as `<name>.moi.<ext>` and the sync reports the conflict. A .txt staff
  only opened and saved again, no word changed, is no such edit, wherever one is compared
  (`_station_digest`): a script, our .moi copy taken into it, that .moi copy itself (still ours:
  replaced by the next version, removed once settled), THAY-DOI.txt, DOC-TRUOC.txt. When the
  station's copy still holds a bulletin withdrawn since, that conflict needs a person (NeedsPerson,
  exit 1, at every sync until the station settles it) and DOC-TRUOC.txt names the file. An
  episode's script.docx follows the script.txt the station edited: kept, ours beside it, unless
  it carries a bulletin withdrawn since (`_word_follows`).
* A script that is no longer built (bulletin withdrawn, expired, held back, deleted) moves into
  `_rut-lai/` with a note saying why. Sent again later, the copy and note we left there go
  (unless the station changed the copy: then our note says it was sent again), and THAY-DOI.txt
  and DOC-TRUOC.txt say «gửi lại» (radio_resent).
* Only episodes still to air are synced. Once an episode's air time has passed, its files (folder
  and items) are the station's: never written again, updated, withdrawn or put back when deleted.
  A bulletin whose script never reached the station before its episode aired (merged after the
  slot, or no sync ran in time), its item script nor the episode's script.txt/docx carrying it,
  is refused with a reason that tells the editor what to do, by
  the first sync that finds it; state/radio.json remembers that it was told, and later syncs
  leave it unsaid (nothing is wrong with the bulletin: it simply was not aired).
* A `.moi` copy the station deleted is not put back for the same version: it chose its own.
  Ours is recorded as pending before it is written (MOI_PENDING): a run killed right after the
  write leaves it known as ours, so it goes once the conflict is settled or the file withdrawn,
  even by a withdrawal before any rerun; one found holding our version is recorded as ours; one
  never written is forgotten by the first run that leaves its file as it is (`_unwritten_moi`).
  Ours removed once settled is recorded as pending again first: a run killed after removing it
  leaves no record of a copy the station seems to have deleted (`_drop_our_moi`).
* A file an older version wrote that differs from the build only in the bulletin file names
  scripts no longer carry is recorded as holding the build, not sent again (radio_legacy); so
  is a Word file of ours whose words, paragraph by paragraph and page by page, are the build's
  (radio_relaid.word_verdict: only its bytes differ, after a python-docx upgrade say).
* A .txt file the station holds as we sent it, whose words the build keeps in another layout
  (the A4 fit, an item's end mark added), is rewritten without «SỬA LẦN» nor a new revision;
  so is the script.docx of such a script.txt whose words are the build's but for the end marks;
  the episode's THAY-DOI.txt says once, by the cause, that nothing needs printing again
  (radio_relaid).
* The record of an aired file is dropped once nothing can need it: the station deleted it and
  every bulletin it was written for is deleted from content/ (see `RadioSyncer._unneeded`).
* A replaced file's change log event is saved with its record; an episode's THAY-DOI.txt is
  written once, after every file (`RadioSyncer.follow_up`).
* The plan, a dry run's included, lists every file the run writes, THAY-DOI.txt and
  DOC-TRUOC.txt as the records will say once the scripts are sent (`RadioSyncer._foreseen`),
  and each file of ours it leaves as it is; the guide only when its bytes change.
* An episode with no bulletin yet (only scheduled ones to join it) has its rundown and no
  script: one sent before it lost its last bulletin is withdrawn, the rundown stays.
* A crash at any point is repaired by the next run, to the folder and state one uninterrupted run
  leaves: a file that already holds what we were about to write is just recorded, a change log
  that misses events is written, DOC-TRUOC.txt is written again (state/radio.json notes it due
  before the first change to the folder), and temporary files we left behind are removed.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import errno
import hashlib
import json
import os
import re
import stat
import sys
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from publish.cache import fsync_folder
from publish.config import Config
from publish.correction_text import (
    BEFORE_AIR,
    HEADING,
    corrected_key,
    correction_ids,
    on_air_key,
)
from publish.errors import NeedsPerson, PublishError, RemoteError, os_reason
from publish.git_restore import last_good
from publish.model import Bulletin, Exclusion, Site
from publish.moments import recorded_moment
from publish.radio_rates import RATES_NAME, KeptRates, aired_bulletins, load_kept_rates
from publish.render.radio_station import (
    EDITOR_NOTES,
    OTHER,
    air_at,
    next_air,
    station_plain,
    station_read,
    station_text,
)
from publish.render.radio_station import held as file_held
from publish.sync.base import (
    AFTER,
    LABEL,
    STATION_KEEPS,
    SUMMARY_BUCKETS,
    TEST_HOOKS_ENV,
    THEIRS,
    UNSENT,
    Action,
    test_hooks_allowed,
)
from publish.sync.manifest import Manifest, atomic_write_bytes
from publish.sync.radio_guide import GUIDE_NAME, Episode, Withdrawn, guide_bytes, stale_word
from publish.sync.radio_legacy import names_only_differ
from publish.sync.radio_reached import EPISODE_SCRIPTS, Heard, heard
from publish.sync.radio_relaid import RELAID, Relaid, reason, unchanged, word_verdict
from publish.sync.radio_relaid import relaid as text_relaid
from publish.sync.radio_resent import (
    CLEAR,
    COPIES,
    MOVED,
    RESENT,
    WITHDRAWING,
    Moved,
    Withdrawal,
    copies,
    copy_record,
    resend,
    resent_line,
    resent_note,
)
from publish.sync.radio_revisions import (
    BESIDE,
    LOG_NAME,
    event_id,
    is_marked,
    log_bytes,
    logged,
    marked,
    placed,
    revision_line,
    titled,
)
from publish.text import quoted, vn_datetime

__all__ = [
    "ENV_FOLDER",
    "WITHDRAWN_DIR",
    "FileState",
    "Observed",
    "RadioSyncer",
    "make_syncer",
    "moi_name",
    "plan",
    "station_folder",
]

CHANNEL = "radio"
ENV_FOLDER = "PUBLISH_RADIO_DIR"
WINDOWS_PATH_RE = re.compile(r"^[A-Za-z]:|\\")
"""A folder as Windows writes it: a drive ("D:") or a backslash."""
"""Environment variable that overrides [radio] folder (e.g. where the share is mounted on this PC)."""
ENV_PAUSE = "PUBLISH_RADIO_TEST_PAUSE"
"""Seconds to pause around every file step; only for crash-safety tests (see ENV_TEST_HOOKS)."""
ENV_HOLD = "PUBLISH_RADIO_TEST_HOLD"
"""`<n>:<file>`: at the n-th file step, make <file> and wait there to be killed (a test kills
the sync at a chosen step with a real signal); only for crash-safety tests (see ENV_TEST_HOOKS)."""
ENV_TEST_HOOKS = TEST_HOOKS_ENV
"""Set to 1 by the tests (or a run under pytest) for ENV_PAUSE and ENV_HOLD to act: left set
on a production machine they would stall a sync holding the lock."""
CLOCK_SLACK = dt.timedelta(minutes=10)
"""How far a run's clock may be behind the last send before the plan says so (clocks drift)."""
WITHDRAWN_DIR = "_rut-lai"
HELD_FOR_APPROVAL = "tạm rút, chờ duyệt lại nội dung đã sửa"
"""Why a bulletin edited after its approval is off the radio, in the station's note."""
STATION_HOLDS = {
    "approval_note": "tạm rút, chờ đơn vị duyệt: tên người duyệt ghi trong bản tin không hợp lệ",
    "review_note": "tạm rút, chờ đơn vị sửa: tên người rà soát dữ liệu cá nhân ghi trong bản tin "
    "không hợp lệ",
    "unset": "tạm rút, chờ đơn vị duyệt: bản tin chưa có người duyệt",
    "name_only": "tạm rút, chờ người duyệt của đơn vị xác nhận lại việc duyệt",
    "bad_version": "tạm rút, chờ đơn vị duyệt lại: dấu duyệt ghi trong bản tin không hợp lệ",
    "changed": HELD_FOR_APPROVAL,
}
"""Why a bulletin held back for its approval (Exclusion.cause) is off the radio, in
the station's note: the cause as the station can read it, without the field or the command
the unit's editor is told."""
MOI_THERE = "moi_there"
"""Conflict data: our new version already sits beside the station's file (nothing is written)."""
STILL_WITHDRAWN = "still_withdrawn"
"""Conflict data: the withdrawn bulletins the station's edited copy still holds (a person must
see that they are not read on air)."""
MOI_PENDING = "moi_pending"
"""Record of a file the station edited: the digest of the .moi copy a run is about to write
beside it, recorded before the write (`_apply_conflict`): a run killed right after the write
leaves a copy known as ours, which goes with a withdrawal or a settled conflict."""
FOLLOWS = "follows"
"""Conflict data and record of a Word script kept because the station edited its text: that
text's path (FileState.follows), for the guide to tell why."""
STALE_WORD = "stale_word"
"""Action data of a noop: the station's Word script, kept for the script.txt it edited, is not
our latest build and the station deleted ours beside it; what is said of it
(`radio_guide.stale_word`: every plan says so, see `_stale_note`), the noop's FOLLOWS naming
that text. In the record of that Word script, the plan's verdict: the text it follows, kept
for DOC-TRUOC.txt to tell (`RadioSyncer._stale_words`), which reads nothing else of the record
(a FOLLOWS an older version did not record never silences it): one judgement of it, never a
second one of the guide's own. True in a record this session's first version wrote: the
record's FOLLOWS names the text."""
ALONG = "along"
"""Data of a FOLLOWS conflict whose script.txt is a conflict of the same plan: that one is
what staff settle, and the summary counts the two once (`RadioSyncer.summary_bucket`)."""
ALONG_LABEL = "đi kèm xung đột"
"""What the lines of an ALONG conflict say instead of «xung đột» (base.LABEL): the summary
counts it with its script.txt's, so two «✓ xung đột» lines over «1 xung đột» disagreed."""
WITHDRAWN_BY_UNIT = "đơn vị đã rút bản tin"
"""Why a bulletin deleted, made a draft again or marked secret is off the radio, in the station's
note: which of them is the unit's business (a file, a field), and the staff act on none."""
STATION_WORDS = {"draft": WITHDRAWN_BY_UNIT, "secret": WITHDRAWN_BY_UNIT}
"""Exclusion.code → the station's words for it, where its reason names a field or a value of the
unit's files (the others, a publish or expiry time, read as they are)."""
OFF_RADIO = "đơn vị thôi đưa bản tin lên chuyên mục phát thanh"
"""Why a bulletin whose channels no longer list the radio is off it, in the station's note."""
LEFTOVER_LABEL = "dọn"
"""What the lines of a remove action say instead of «gỡ bỏ» (base.LABEL): the radio removes
only the temporary files a killed run left in the station folder, housekeeping rather than a
withdrawal, so the summary does not count it either (`RadioSyncer.summary_bucket`; «1 rút
lại/gỡ» sent staff looking for a withdrawn bulletin)."""
NO_LONGER_SENT = "đơn vị không còn gửi tệp này"
"""Why a file that belongs to no bulletin is withdrawn, in the station's note."""
NOTE_SUFFIX = ".ly-do.txt"
LOCAL_SKIP = ("audio",)
"""Folders of output/radio/ that never go to the station (draft audio is not for air)."""
_TEMP_RE = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.tmp$")
_REPORTED = "missed_reported"
"""state/radio.json meta: item script → the aired episode it was refused from as never sent."""
_GUIDE = "guide"
"""state/radio.json meta: {"digest": of the DOC-TRUOC.txt we wrote, "pending": of the one a
run began to write}."""
_STALE = "stale"
"""state/radio.json meta, in _GUIDE: the Word scripts the guide we wrote names as not our
latest (STALE_WORD); missing in one written before it was kept: none."""
_REVISIONS = "revisions"
"""state/radio.json meta: episode → its change log events and the digest of the log we wrote."""
_FOLDER = "folder"
"""state/radio.json meta: the station folder the last sync wrote to (from the project when
inside it): another one now is a deliberate move, not an empty mount point."""
_MOVES = "moves"
"""state/radio.json meta: each change of station folder, oldest first ({"from": the folder
before, "at": when}): a file sent before one went to the folder it left."""
_MOVING = "moving"
"""state/radio.json meta: the folder a move left, while nothing has landed in the new one yet:
a run killed after recording the new folder leaves it empty, and the rerun must not take it
for an unmounted share."""
_EPISODE_FOLDER = re.compile(r"^(\d{4})-W(\d{2})(?:-(\d{4})-(\d{2})-(\d{2}))?$")
"""An episode folder: its ISO week, and the date of a broadcast off the weekly slot day."""


@dataclass(frozen=True, slots=True)
class FileState:
    """Everything known about one script path: the build, the manifest and the station folder."""

    path: str
    """POSIX path relative to output/radio/ and to the station folder."""
    local: str | None
    """sha256 of the built file, None when the build no longer has it."""
    bulletins: tuple[str, ...] = ()
    """Bulletin keys the file belongs to (from the build, else from the manifest)."""
    written: str | None = None
    """sha256 we last wrote to the station (manifest), None when we never did."""
    present: str | None = None
    """sha256 of the file now in the station folder, None when absent."""
    moi: str | None = None
    """sha256 of `<name>.moi.<ext>` now in the station folder as compared with ours and the
    build (`RadioSyncer._moi_seen`), None when absent."""
    moi_written: str | None = None
    """sha256 of the .moi file we last wrote (manifest)."""
    title: str = ""
    written_bulletins: tuple[str, ...] = ()
    """Bulletin keys of the version we last wrote (manifest)."""
    air: dt.datetime | None = None
    """When the episode the file belongs to airs (None: not known)."""
    episode: str = ""
    """The folder of that episode ("2024-W50")."""
    source: str = ""
    """The bulletin file of an item script ("content/…/x.md"), when the build has it."""
    unsettled: bool = False
    """The station file holds a revision we wrote whose record a killed run did not finish."""
    there: bool = True
    """For a file of an aired episode nothing records: whether the station folder has a file
    of its name (looked up, never read); True when not looked up."""
    same_as: str | None = None
    """sha256 of the station's file when, written by an older version, it holds the built text
    but for the bulletin file names scripts no longer carry (radio_legacy), or, a Word file of
    ours, the build's words in other bytes (radio_relaid.word_verdict): recorded as holding the
    build, never sent again as a revision to reprint."""
    withdrawal: Withdrawal | None = None
    """For a built file of a coming episode withdrawn into _rut-lai/ before: that withdrawal
    (see publish/sync/radio_resent.py)."""
    relaid: dict[str, Any] | None = None
    """When the station holds our last version of the file and the build differs from it only
    in layout (radio_relaid): {"line": the revision line the station's copy bears, kept ("" for
    none), "station": the digest of the rewritten file with that line (None without one),
    "causes": why it is laid out anew (radio_relaid.A4, ENDED)}."""
    follows: str = ""
    """For an episode's script.docx the station holds as we sent it, whose build differs: its
    script.txt, when the station edited that one (see `_word_follows`); "" otherwise."""
    sent: dt.datetime | None = None
    """When we last wrote the file (manifest), in the unit's time zone."""


@dataclass(frozen=True, slots=True)
class LogState:
    """An episode's change log (THAY-DOI.txt): what it should hold and what the station has."""

    path: str
    expected: str
    """sha256 of the log rendered from state/radio.json."""
    present: str | None
    moi: str | None = None
    """sha256 of `THAY-DOI.moi.txt` now in the station folder as compared with `expected`
    (`_station_digest`), None when absent."""
    ours: tuple[str, ...] = ()
    """Digests of logs we wrote, or were about to write when a run was killed: not an edit."""
    settled: bool = True
    """False when the station folder holds the log we would write but state/radio.json does not
    record it as written (a run was killed between writing it and recording it)."""
    rewrapped: bool = False
    """The station holds a log we wrote with the same words, only its lines broken otherwise
    (one written before the log was wrapped at WIDTH)."""


@dataclass(frozen=True, slots=True)
class Observed:
    """The radio sync's view of the world, gathered before planning."""

    files: tuple[FileState, ...]
    temps: tuple[str, ...] = ()
    """Temporary files a killed run left in the station folder (our names only)."""
    reasons: dict[str, str] = field(default_factory=dict)
    """Bulletin key → why it is not on the radio any more (for the plan the editor reads)."""
    now: dt.datetime | None = None
    """The sync's clock: files of an episode aired before it are left alone."""
    since: dt.datetime | None = None
    """Since when state/radio.json records every file sent: an item of an episode aired later
    that it does not hold never reached the station."""
    next_slot: dt.datetime | None = None
    """The next weekly slot after `now`, offered to the editor of a bulletin that missed its own."""
    unneeded: frozenset[str] = frozenset()
    """Recorded files of aired episodes that no record will ever be needed for (see
    `RadioSyncer._unneeded`): forgotten, with the reason."""
    reported: dict[str, str] = field(default_factory=dict)
    """Item scripts already refused as never sent → the aired episode they were told of."""
    awaited: dict[str, str] = field(default_factory=dict)
    """Episode folder → why the scheduled bulletins it was only waiting for will not join it
    (see `RadioSyncer._awaited`), for the withdrawal of its files."""
    told: dict[str, str] = field(default_factory=dict)
    """Bulletin key → why it is not on the radio any more, in the station's words (no key,
    file, folder or field of the unit's): for the notes left beside withdrawn scripts."""
    folder_changed: str = ""
    """The station folder is not the one state/radio.json records the files were sent to:
    "state/radio.json ghi X, nay là Y" (a file missing from it was never deleted there)."""
    standing: frozenset[str] = frozenset()
    """The episodes the build still has (see `_standing`)."""
    elsewhere: dict[str, str] = field(default_factory=dict)
    """Recorded file → the station folder it was sent to, when that is not this one (the
    folder changed since): absent here, it was not deleted by the station."""
    owed: dict[str, str] = field(default_factory=dict)
    """Item script of an on-air correction made before the broadcast it corrects → why it is
    read all the same (`_before_air_reason`), for the line that first sends it."""


_Sent = tuple[dt.datetime, dict[str, dict[str, Any]]]
"""The last send a guide is told as of, with the withdrawals it counts (`_guide_moment`)."""

Revisions = dict[str, dict[str, Any]]
"""Episode → {"events": [...], "digest": of the change log we wrote} (state/radio.json)."""


Logged = list[dict[str, Any]] | None
"""The change log events of one record (see `_logged`): one, several (a script withdrawn from
one episode and sent for another tells both), or none."""


def _logged(
    revisions: Revisions,
    event: Logged,
    dropped: str,
    coming: Callable[[Revisions], Revisions],
) -> Revisions:
    """`revisions` with the change log of episode `dropped` forgotten and each `event` added
    once (then only those of episodes still `coming` kept)."""
    revisions.pop(dropped, None)
    if not event:
        return revisions
    for one in event:
        record = revisions.setdefault(one["episode"], {"events": []})
        if event_id(one) not in {event_id(e) for e in record["events"]}:
            record["events"].append({k: v for k, v in one.items() if k != "episode"})
    return coming(revisions)


class _Book(Protocol):
    """Where the bookkeeping of an action is written: state/radio.json (`_Ledger`) when it is
    applied, `_After` when the plan foresees what the run leaves."""

    def get(self, path: str) -> dict[str, Any] | None:
        """A copy of the record of `path`, or None."""
        ...

    def put(self, path: str, entry: dict[str, Any]) -> None:
        """Record `path` as `entry`, nothing else."""
        ...

    def record(
        self,
        path: str,
        entry: dict[str, Any] | None,
        event: Logged,
        *,
        dropped: str = "",
        copy: dict[str, Any] | None = None,
    ) -> None:
        """Record `path` (None: forget it) with its change log event (see `_logged`), and
        where its withdrawal left its `copy` in _rut-lai/ (see radio_resent)."""
        ...


@dataclass(slots=True)
class _After:
    """What state/radio.json records, and which files of ours the station folder holds, once
    a plan is applied (see `RadioSyncer._after_run`): the `_Book` the plan's bookkeeping is
    written in."""

    entries: dict[str, dict[str, Any]]
    revisions: Revisions
    coming: Callable[[Revisions], Revisions]
    """See `RadioSyncer._coming`."""
    touched: set[str] = field(default_factory=set)
    """Episodes given a change log event."""
    written: set[str] = field(default_factory=set)
    """Files written from the build."""
    moi: dict[str, str] = field(default_factory=dict)
    """Recorded file → the digest of our .moi copy that will be beside it."""
    withdrawn: dict[str, dict[str, Any]] = field(default_factory=dict)
    """File → where it goes in _rut-lai/ and when (as COPIES records it once applied)."""

    def get(self, path: str) -> dict[str, Any] | None:
        """See `_Book.get`."""
        entry = self.entries.get(path)
        return dict(entry) if entry is not None else None

    def put(self, path: str, entry: dict[str, Any]) -> None:
        """See `_Book.put`."""
        self.entries[path] = entry

    def record(
        self,
        path: str,
        entry: dict[str, Any] | None,
        event: Logged,
        *,
        dropped: str = "",
        copy: dict[str, Any] | None = None,
    ) -> None:
        """As `RadioSyncer._record` records (the copies in _rut-lai/ aside: nothing the plan
        foresees reads them)."""
        self.revisions = _logged(self.revisions, event, dropped, self.coming)
        self.touched.update(e["episode"] for e in event or () if e["episode"] in self.revisions)
        if entry is None:
            self.entries.pop(path, None)
        else:
            self.entries[path] = entry


@dataclass(frozen=True, slots=True)
class _Ledger:
    """state/radio.json as the `_Book` the apply steps write in."""

    syncer: RadioSyncer

    def get(self, path: str) -> dict[str, Any] | None:
        """See `_Book.get`."""
        return self.syncer.manifest.get(path)

    def put(self, path: str, entry: dict[str, Any]) -> None:
        """See `_Book.put`."""
        self.syncer.manifest.put(path, entry)

    def record(
        self,
        path: str,
        entry: dict[str, Any] | None,
        event: Logged,
        *,
        dropped: str = "",
        copy: dict[str, Any] | None = None,
    ) -> None:
        """See `RadioSyncer._record`."""
        self.syncer._record(path, entry, event, dropped=dropped, copy=copy)


def _guide_noop(why: str) -> Action:
    """The plan's line for a DOC-TRUOC.txt it leaves as it is."""
    return Action("noop", GUIDE_NAME, why, "", {"guide": True})


def moi_name(path: str) -> str:
    """Where our new version goes when the station edited the file: script.txt → script.moi.txt."""
    pure = PurePosixPath(path)
    return str(pure.with_name(f"{pure.stem}.moi{pure.suffix}"))


def plan(observed: Observed) -> list[Action]:
    """Pure: one action per file, each with its Vietnamese reason (noop for files in step)."""
    actions = [
        Action(
            "remove",
            temp,
            "tệp tạm còn sót lại do lần chạy trước bị ngắt giữa chừng: xóa",
            "",
            {LABEL: LEFTOVER_LABEL},
        )
        for temp in observed.temps
    ]
    carried = _carried(observed.files)
    gone = _gone_items(observed.files, observed.now)
    for state in sorted(observed.files, key=lambda s: s.path):
        if state.path in observed.unneeded:
            actions.append(_forget(state, observed.elsewhere.get(state.path)))
        elif (
            _aired(state, observed.now)
            and _never_sent(state, observed.since)
            and not _read_from_episode(state, carried)
        ):
            if observed.reported.get(state.path) == state.episode:
                actions.append(_missed_told(state))
            else:
                actions.append(_missed(state, observed.next_slot, gone.get(state.episode, ())))
        elif _aired(state, observed.now):
            unsent = _unsent(state, observed.since) or _not_there(state)
            actions.append(_leave_aired(state, unsent=unsent))
        else:
            actions.append(_plan_file(state, observed))
    conflicts = {action.key for action in actions if action.kind == "conflict"}
    return [_along(action, conflicts) for action in actions]


def _along(action: Action, conflicts: Collection[str]) -> Action:
    """`action`, told as going along with its script.txt's conflict (ALONG) when it is a Word
    script's FOLLOWS conflict and that text is among `conflicts`. Not when the text has none
    this run (its build unchanged, our copy beside it deleted): the Word script's copy beside
    it is then the one thing left for staff to settle, and counted as no conflict the summary
    said «0 xung đột»."""
    if action.kind != "conflict" or action.data.get(FOLLOWS) not in conflicts:
        return action
    return replace(action, data={**action.data, ALONG: True, LABEL: ALONG_LABEL})


def _stale_note(actions: Sequence[Action]) -> str:
    """What every plan says while a Word script the station prints is not our latest (see
    STALE_WORD): the plan leaves it as it is, so no line of it would tell ("" when none)."""
    stale = sorted(
        (a.key, str(a.data[STALE_WORD]))
        for a in actions
        if a.kind == "noop" and a.data.get(STALE_WORD)
    )
    if not stale:
        return ""
    said = " ".join(f"Bản Word ở đài ({path}) {words}." for path, words in stale)
    return f"{said} DOC-TRUOC.txt cũng nói điều này với đài."


def _stale_verdicts(actions: Sequence[Action], observed: Observed) -> dict[str, str]:
    """The plan's verdict on each Word script of an episode still to air, for its record: the
    station's text it follows when the plan finds it stale (STALE_WORD), else "". The guide
    tells what the plan found. An aired one is left as recorded: its files are not read, and
    the guide tells them as of the last send."""
    coming = {
        state.path
        for state in observed.files
        if PurePosixPath(state.path).name == "script.docx" and not _aired(state, observed.now)
    }
    return {
        a.key: str(a.data[FOLLOWS]) if a.data.get(STALE_WORD) else ""
        for a in actions
        if a.key in coming
    }


def _stale_flagged(entry: Mapping[str, Any] | None, follows: str) -> dict[str, Any] | None:
    """The record `entry` of a Word script with the plan's verdict on it (STALE_WORD: the text
    it `follows`, "" when not stale; see `_stale_verdicts`), or None when it already says so
    (or there is no record). A True an earlier version wrote is replaced by the text."""
    if entry is None or (entry.get(STALE_WORD) or "") == follows:
        return None
    kept = {k: v for k, v in entry.items() if k != STALE_WORD}
    return {**kept, STALE_WORD: follows} if follows else kept


def _log_due(log: LogState) -> bool:
    """Whether an episode's change log needs a write, or the record of one."""
    return log.present != log.expected or not log.settled


REWRAPPED = "nhật ký thay đổi chỉ được trình bày lại cho vừa khổ A4, nội dung không đổi"
"""Why a log we wrote is rewritten with the same words: not «chưa ghi đủ các thay đổi»."""


def _same_words(held: bytes | None, data: bytes) -> bool:
    """Whether the station file of bytes `held` holds the words of the log `data`, however its
    lines break (False when it cannot be read as one, or is no file)."""
    if held is None:
        return False
    try:
        return station_plain(held).split() == station_plain(data).split()
    except UnicodeDecodeError:
        return False


def _plan_log(log: LogState, *, after: bool = False) -> Action:
    """The action for an episode's change log that misses events, or whose write is not
    recorded (a run killed before writing it, or before recording it); `after`: one the
    follow-up writes once this sync's files are sent (see AFTER)."""
    data: dict[str, Any] = {"log": str(PurePosixPath(log.path).parent)}
    if after:
        data[AFTER] = True
    if log.present == log.expected:
        return Action(
            "verify",
            log.path,
            "nhật ký thay đổi đã đủ (lần chạy trước dừng trước khi ghi sổ): chỉ ghi nhận",
            "",
            data,
        )
    if log.present is None:
        return Action(
            "create", log.path, "nhật ký thay đổi của tập chưa có trong thư mục đài", "", data
        )
    if log.present not in log.ours:
        moi = moi_name(log.path)
        there = log.moi == log.expected
        where = (
            f"bản mới đã nằm sẵn ở {moi} (chưa giải quyết)"
            if there
            else f"không ghi đè, bản mới đặt cạnh: {moi}"
        )
        data[MOI_THERE] = there
        return Action("conflict", log.path, f"đài đã sửa tệp này; {where}", "", data)
    if log.rewrapped:
        return Action("update", log.path, REWRAPPED, "", data)
    return Action("update", log.path, "nhật ký thay đổi của tập chưa ghi đủ các thay đổi", "", data)


def _aired(state: FileState, now: dt.datetime | None) -> bool:
    """Whether the file's episode aired before `now` (then it belongs to the station)."""
    return now is not None and state.air is not None and state.air < now


def _ours_changed(state: FileState) -> bool:
    """Whether the station holds the version of the file we last wrote and the build has
    another one: what a file laid out anew is (radio_relaid)."""
    return (
        state.local is not None
        and state.written is not None
        and state.local != state.written
        and state.present == state.written
    )


def _never_sent(state: FileState, since: dt.datetime | None) -> bool:
    """Whether a built item script of an episode that aired while state/radio.json was keeping
    records was never sent (nor put beside a station copy): the station never had it."""
    return PurePosixPath(state.path).parts[0] == "items" and _unsent(state, since)


def _carried(files: Iterable[FileState]) -> set[tuple[str, str]]:
    """(episode, bulletin key) of every bulletin an episode's script.txt or script.docx we
    sent carried: the presenter reads it from there even when its own item script never went."""
    return {
        (state.episode, key)
        for state in files
        if PurePosixPath(state.path).name in EPISODE_SCRIPTS
        and (state.written is not None or state.moi_written is not None)
        for key in state.written_bulletins
    }


def _read_from_episode(state: FileState, carried: set[tuple[str, str]]) -> bool:
    """Whether every bulletin of an item script was in a script of its episode we sent."""
    return bool(state.bulletins) and all((state.episode, key) in carried for key in state.bulletins)


def _gone_items(
    files: Iterable[FileState], now: dt.datetime | None
) -> dict[str, tuple[FileState, ...]]:
    """Episode → the item scripts of one bulletin we sent it that the build no longer has, for
    the aired episodes: a bulletin without `id` renamed since is one of them under its new key."""
    gone: dict[str, list[FileState]] = {}
    for state in files:
        if (
            PurePosixPath(state.path).parts[0] == "items"
            and state.local is None
            and (state.written is not None or state.moi_written is not None)
            and len(state.written_bulletins) == 1
            and _aired(state, now)
        ):
            gone.setdefault(state.episode, []).append(state)
    return {episode: tuple(states) for episode, states in gone.items()}


def _unsent(state: FileState, since: dt.datetime | None) -> bool:
    """Whether a file of an episode aired while state/radio.json was keeping records was never
    sent (nor put beside a station copy): left alone, but not one the station has."""
    return (
        since is not None
        and state.air is not None
        and state.air >= since
        and state.local is not None
        and state.written is None
        and state.moi_written is None
    )


def _not_there(state: FileState) -> bool:
    """Whether a built file of an aired episode that nothing records as sent is absent from the
    station folder: aired before state/radio.json kept records (a first sync), it is no refusal,
    but counted as «không đổi» it would read as a file the station holds."""
    return (
        not state.there
        and state.local is not None
        and state.written is None
        and state.moi_written is None
    )


def _missed(
    state: FileState, next_slot: dt.datetime | None, gone: Sequence[FileState] = ()
) -> Action:
    """The refusal, with what to do, for an item script whose episode aired before it was sent
    (`gone`: the items of bulletins no longer built that the episode did receive)."""
    assert state.air is not None  # only files of a known, aired episode come here
    bulletin = f"bản tin {state.source}" if state.source else "bản tin"
    coming = (
        f"hẹn buổi phát sắp tới, ví dụ buổi kế tiếp ({vn_datetime(next_slot)}): ghi "
        f"radio: {{air_date: {next_slot.date().isoformat()}}} vào phần đầu bản tin"
        if next_slot is not None
        else "hẹn một buổi phát sắp tới: ghi radio: {air_date: …} vào phần đầu bản tin"
    )
    return Action(
        "refuse",
        state.path,
        f"{bulletin} được xếp vào tập {state.episode}, tập này đã phát lúc "
        f"{vn_datetime(state.air)} mà kịch bản chưa từng được gửi sang đài (bản tin được duyệt "
        "hoặc đưa lên sau buổi phát, hay không có lần đồng bộ nào trước buổi phát): tin này sẽ "
        f"không được phát.{_renamed_hint(gone)} Cách sửa: muốn phát thì {coming}; không cần "
        "phát thì không phải làm "
        "gì (hoặc ghi draft: [radio] vào bản tin). Lời báo này chỉ hiện ở lần đồng bộ đầu "
        "tiên thấy việc này; các lần sau không nhắc lại",
        state.title,
        _missed_data(state),
    )


def _renamed_hint(gone: Sequence[FileState]) -> str:
    """What a refusal adds when its episode received the script of a bulletin no longer built:
    a bulletin without `id` whose file or slug was renamed after it aired gets a new key, and
    booked again on the refusal's advice it would be read on air twice."""
    if not gone:
        return ""
    named = "; ".join(
        (f"«{g.title}» ({g.path})" if g.title else g.path)
        + f": dòng «id: {g.written_bulletins[0]}»"
        for g in gone
    )
    return (
        f" Nhưng tập này đã nhận kịch bản của bản tin nay không còn trong bản dựng ({named}): "
        "nếu đó chính là bản tin này trước khi đổi tên tệp hay slug (bản tin không có id), đài "
        "đã đọc nó — đừng hẹn phát lại, mà ghi dòng id ấy vào phần đầu bản tin để mọi kênh "
        "nhận ra nó."
    )


def _missed_data(state: FileState) -> dict[str, Any]:
    """What the actions of a never-sent item carry: its file, and the episode it missed."""
    return {
        "path": state.path,
        "digest": state.local,
        "bulletins": list(state.bulletins),
        "missed": state.episode,
        UNSENT: True,
    }


def _missed_told(state: FileState) -> Action:
    """The action for an item script already refused as never sent: none, and nothing said."""
    assert state.air is not None  # only files of a known, aired episode come here
    return Action(
        "noop",
        state.path,
        f"tập {state.episode} đã phát lúc {vn_datetime(state.air)} không có tin này; đã báo ở "
        "một lần đồng bộ trước",
        state.title,
        _missed_data(state),
    )


def _leave_aired(state: FileState, *, unsent: bool) -> Action:
    """The action for a file of an aired episode: none, whatever the build or the station did
    (`unsent`: the station never had it, which the summary counts apart)."""
    assert state.air is not None  # only files of a known, aired episode come here
    data: dict[str, Any] = {
        "path": state.path,
        "digest": state.local,
        "bulletins": list(state.bulletins),
    }
    if unsent:
        data[UNSENT] = True
    why = (
        "chưa từng gửi sang đài, không gửi nữa" if unsent else "để nguyên, không ghi, không rút lại"
    )
    return Action(
        "noop", state.path, f"tập đã phát lúc {vn_datetime(state.air)}: {why}", state.title, data
    )


def _forget(state: FileState, elsewhere: str | None = None) -> Action:
    """The action that drops the record of an aired file nothing will ever need again
    (`elsewhere`: the station folder it was sent to, when not this one)."""
    assert state.air is not None  # only files of a known, aired episode come here
    keys = ", ".join(state.bulletins)
    gone = (
        f"tệp này được gửi vào thư mục đài cũ {elsewhere} (thư mục đài hiện nay không có nó)"
        if elsewhere is not None
        else "đài đã xóa tệp này"
    )
    return Action(
        "forget",
        state.path,
        f"tập {state.episode} đã phát lúc {vn_datetime(state.air)}, {gone} và bản tin của nó "
        f"({keys}) đã bị xóa khỏi content/: bỏ khỏi state/radio.json, không đụng tới thư mục "
        "đài nào",
        state.title,
        {"path": state.path, "digest": state.local, "bulletins": list(state.bulletins)},
    )


def _standing(files: Iterable[FileState]) -> frozenset[str]:
    """The episodes the build still has (their rundown.txt is built)."""
    return frozenset(
        state.episode
        for state in files
        if state.local is not None and PurePosixPath(state.path).name == "rundown.txt"
    )


def _unscripted(state: FileState, standing: Collection[str]) -> bool:
    """Whether a file no longer built is the script of an episode the build still has: one
    with no bulletin left to read, whose rundown only announces scheduled ones."""
    return PurePosixPath(state.path).name in EPISODE_SCRIPTS and state.episode in standing


def _unscripted_note(told: Sequence[str]) -> str:
    """Why the script of an episode left with no bulletin to read is withdrawn, in the
    station's note (`told`: what became of the bulletins it had, in the station's words); its
    rundown stays, telling of the scheduled bulletins still to join it."""
    gone = f"không còn bản tin nào để đọc ({'; '.join(told)})" if told else "chưa có bản tin nào"
    return (
        f"tập {gone} nên không có kịch bản (chỉ còn lời chào và lời kết): kịch bản cả tập sẽ "
        "được gửi lại khi có tin; xem rundown.txt"
    )


def _plan_file(state: FileState, observed: Observed) -> Action:
    """The action that brings one path in line with the build; one that sends a file withdrawn
    into _rut-lai/ before again also clears what the withdrawal left there, and says so."""
    action = _plan_path(state, observed)
    if state.withdrawal is None or "station" in action.data or THEIRS in action.data:
        return action
    said, extra = resend(state.path, state.withdrawal, state.episode, state.local)
    if not extra and state.withdrawal.gone:
        return action
    kind = action.kind
    if kind == "noop":
        # Our file is in step; only what a killed withdrawal left is cleared, and its record
        # of the withdrawal it began dropped (`_book_verified`), as a clean run leaves it.
        kind = "verify"
    elif kind not in ("create", "update", "verify"):
        return action
    return Action(kind, action.key, action.reason + said, action.title, {**action.data, **extra})


def _plan_path(state: FileState, observed: Observed) -> Action:
    """The action that brings one path in line with the build, _rut-lai/ aside."""
    reasons = observed.reasons
    data = {
        "path": state.path,
        "digest": state.local,
        "bulletins": list(state.bulletins),
        "episode": state.episode,
    }

    def act(kind: str, reason: str, **extra: Any) -> Action:
        theirs = {THEIRS: True} if kind in ("conflict", "refuse") else {}
        found = {**data, **theirs, **extra}
        if found.get(THEIRS):
            found[STATION_KEEPS] = list(state.written_bulletins)
        return Action(kind, state.path, reason, state.title, found)

    if state.local is None:
        why = _withdrawal_reason(state, reasons, observed.awaited)
        note = _station_withdrawal(state, observed.told, observed.awaited)
        if _unscripted(state, observed.standing):
            gone = [_bulletin_reason(key, reasons) for key in state.bulletins]
            why = "tập không còn bản tin nào để đọc" + (f" ({'; '.join(gone)})" if gone else "")
            why += ": không gửi kịch bản chỉ có lời chào và lời kết; thứ tự phát vẫn gửi"
            note = _unscripted_note([_told(key, observed.told) for key in state.bulletins])
        # Our new version the station edited beside its file holds the withdrawn text too;
        # anything but a file there (OTHER) is left alone by _withdraw_moi, so is not named.
        moi = (
            f"; bản đặt cạnh {moi_name(state.path)} (đài đã sửa) cũng chuyển vào "
            f"{WITHDRAWN_DIR}/ kèm ghi chú"
            if state.moi_written is not None and state.moi not in (None, OTHER, state.moi_written)
            else ""
        )
        if state.written is None:
            return act(
                "withdraw",
                f"{why}; tệp cùng tên không do công cụ tạo nên giữ nguyên{moi}",
                why=note,
            )
        if state.present is None and observed.folder_changed:
            return act(
                "withdraw",
                f"{why}; thư mục của đài đã đổi ({observed.folder_changed}) và thư mục mới không có tệp "
                f"này: chỉ xóa khỏi sổ, thư mục cũ để nguyên{moi}",
                why=note,
            )
        if state.present is None:
            return act(
                "withdraw",
                f"{why}; tệp đã không còn trong thư mục đài: chỉ xóa khỏi sổ{moi}",
                why=note,
            )
        return act("withdraw", f"{why}; chuyển vào {WITHDRAWN_DIR}/ kèm ghi chú{moi}", note=note)
    moi = moi_name(state.path)
    if state.present == state.local:
        if state.written == state.local:
            if state.unsettled:
                return act(
                    "verify",
                    "tệp trong thư mục đã đúng bản sửa (lần chạy trước dừng trước khi ghi sổ): "
                    "chỉ ghi nhận",
                )
            if _our_moi_left(state):
                return act("verify", f"xung đột đã được giải quyết: dọn bản cũ {moi}")
            return act("noop", "không đổi")
        if state.moi_written == state.local:
            # Our copy of this very build went beside it: the station took it (or a run killed
            # after writing it over the station's undone edit: recorded the same either way).
            cleared = f", xóa {moi}" if _our_moi_left(state) else ""
            return act(
                "verify", f"đài đã dùng bản mới đặt cạnh ({moi}) cho tệp này: chỉ ghi nhận{cleared}"
            )
        return act(
            "verify",
            "tệp trong thư mục đã đúng bản mới (lần chạy trước dừng trước khi ghi sổ): chỉ ghi nhận",
        )
    if state.present is None:
        if state.written is None:
            owed = observed.owed.get(state.path)
            return act("create", f"kịch bản mới; {owed}" if owed else "kịch bản mới")
        if observed.folder_changed:
            # Not deleted by the station: sent to the old folder, which this run does not write.
            return act(
                "create",
                f"thư mục của đài đã đổi ({observed.folder_changed}): gửi tệp vào thư mục mới",
            )
        return act("create", "tệp đã bị xóa khỏi thư mục đài: ghi lại bản mới")
    if state.written is None:
        return _conflict(state, act, moi, "thư mục đài đã có tệp cùng tên mà công cụ không tạo ra")
    if state.present == state.written:
        if state.same_as is not None:
            cleared = f", xóa {moi}" if _our_moi_left(state) else ""
            return act("verify", _same_as_reason(state.path) + cleared, station=state.same_as)
        if state.follows:
            why = (
                f"đài đã sửa {state.follows} nên bản Word của kịch bản ấy cũng giữ như đài đang có"
            )
            return _conflict(state, act, moi, why, **{FOLLOWS: state.follows})
        if state.relaid is not None:
            return act("update", reason(state.relaid["causes"]), **{RELAID: state.relaid})
        return act("update", "nội dung thay đổi theo bản dựng mới")
    if state.local == state.written:
        if _our_moi_left(state) and state.moi != state.local:
            # The version we put beside theirs is no longer built (a bulletin in it withdrawn):
            # left there, a withdrawn text would sit in the station folder unmentioned.
            return act(
                "verify",
                f"đài đã sửa tệp; bản đặt cạnh {moi} không còn đúng bản dựng: dọn đi",
                **{THEIRS: True},
            )
        return act(
            "noop",
            "đài đã sửa tệp; bản dựng không đổi nên giữ nguyên bản của đài",
            **{THEIRS: True},
        )
    gone = _gone_inside(state)
    why = "đài đã sửa tệp này" + _withdrawn_inside(gone, reasons)
    return _conflict(state, act, moi, why, **({STILL_WITHDRAWN: gone} if gone else {}))


ELSEWHERE = "vẫn phát nhưng ở tập khác (ngày phát đã đổi)"
"""Why a bulletin still on the radio is no longer in an episode it was sent with."""


def _word_follows(files: list[FileState], ended: Mapping[str, Relaid]) -> None:
    """Each script.docx of `files` that the station holds as we sent it, whose build differs,
    follows the verdict on its script.txt. Laid out anew when the text is and the build only
    adds end marks to its words (`ended`, radio_relaid.word_verdict): the Word copy of a text
    that only changed layout is no revision to print either. Kept, ours beside it (.moi), when
    the station edited the text: replaced, with «sửa lần N» in THAY-DOI.txt, it sent staff to
    print a Word script that both changed their text back and differed from the script.txt
    they had made theirs. Not one that carries a bulletin withdrawn since: that must leave the
    Word script the station did not edit."""
    paths = {state.path: index for index, state in enumerate(files)}
    for index, state in enumerate(files):
        if (
            PurePosixPath(state.path).name != "script.docx"
            or not _ours_changed(state)
            or state.same_as is not None
        ):
            continue
        path = str(PurePosixPath(state.path).with_suffix(".txt"))
        text = files[paths[path]] if path in paths else None
        if text is None:
            continue
        if text.relaid is not None:
            found = ended.get(state.path)
            if found is not None:
                causes = list(found.causes)
                files[index] = replace(
                    state, relaid={"line": "", "station": None, "causes": causes}
                )
        elif _edited(text) and not _gone_inside(state):
            files[index] = replace(state, follows=path)


def _edited(state: FileState) -> bool:
    """Whether the station edited a file we wrote: its copy is neither what we wrote nor the
    build (a copy with our revision line, a revision a killed run wrote, or a .txt saved again
    with its words unchanged counts as what we wrote: `observe` tells it so, `as_sent`)."""
    return (
        state.written is not None
        and state.present is not None
        and state.present not in (OTHER, state.written, state.local)
    )


def _with_moi(entry: Mapping[str, Any] | None, action: Action) -> dict[str, Any]:
    """The record `entry` of a conflict's file once our version is beside it (`moi`), with the
    text a Word script follows, if it does (FOLLOWS): a conflict of its own no longer does."""
    return {**_without_moi(entry or {}), "moi": action.data["digest"], **_followed(action)}


def _moi_pending(entry: Mapping[str, Any] | None, action: Action) -> dict[str, Any]:
    """The record `entry` of a conflict's file just before our version is written beside it:
    that copy pending (MOI_PENDING), with the text a Word script follows as `_with_moi` will
    record it. A copy a killed run left unbooked is told by DOC-TRUOC.txt from this record
    when its episode airs before any rerun: as the copy of a Word script kept for the edited
    script.txt it is, not of a Word script the station edited."""
    kept = {k: v for k, v in (entry or {}).items() if k != FOLLOWS}
    return {**kept, MOI_PENDING: action.data["digest"], **_followed(action)}


def _followed(action: Action) -> dict[str, Any]:
    """The FOLLOWS field of a conflict's record: {} but for a Word script kept for its text."""
    return {FOLLOWS: action.data[FOLLOWS]} if action.data.get(FOLLOWS) else {}


def _book_moi(book: _Book, action: Action, at: str) -> None:
    """Record our copy beside the file of a conflict (`_with_moi`), when already there too: a
    run killed between writing it and this left it unrecorded, or only pending. A copy of a
    version not booked beside it before is told in the episode's THAY-DOI.txt (at `at`, in
    the same write): its change went only into the copy, and the log, where staff look for
    what changed, said nothing of it while the station's older file still bore its own
    «SỬA LẦN» line."""
    entry = book.get(action.key)
    booked = _with_moi(entry, action)
    if booked == entry:
        return
    episode = action.data.get("episode", "")
    if (entry or {}).get("moi") == action.data["digest"] or not episode or not logged(action.key):
        book.put(action.key, booked)
        return
    event = {
        "at": at,
        "path": action.key,
        "title": action.title,
        "digest": action.data["digest"],
        "kind": BESIDE,
        "moi": action.data["moi"],
        **({FOLLOWS: action.data[FOLLOWS]} if action.data.get(FOLLOWS) else {}),
    }
    book.record(action.key, booked, [{**event, "episode": episode}])


def _moi_written(entry: Mapping[str, Any], found: str | None) -> str | None:
    """The digest of the .moi copy of ours beside a recorded file: the one a killed run was
    writing (MOI_PENDING) when the station folder holds it (`found`), else the one recorded."""
    pending = entry.get(MOI_PENDING)
    if pending is not None and found == pending:
        return str(pending)
    moi = entry.get("moi")
    return str(moi) if moi else None


def _moi_ours(entry: Mapping[str, Any]) -> tuple[str, ...]:
    """The digests of the .moi copies of ours a record names beside its file: the one booked
    and the one a killed run was writing (MOI_PENDING)."""
    return tuple(d for d in (entry.get("moi"), entry.get(MOI_PENDING)) if isinstance(d, str))


def _without_moi(entry: Mapping[str, Any]) -> dict[str, Any]:
    """The record `entry` with no .moi copy of ours beside its file: none booked (nor the
    text a Word script followed, nor its staleness, which was of that copy), none being
    written."""
    return {k: v for k, v in entry.items() if k not in ("moi", MOI_PENDING, FOLLOWS, STALE_WORD)}


def _unpending(entry: Mapping[str, Any]) -> dict[str, Any]:
    """The record `entry` once no .moi copy of ours is being written beside its file (no
    MOI_PENDING), with the text a Word script followed only while a copy of ours stays
    booked: FOLLOWS tells why such a copy is there."""
    kept = {k: v for k, v in entry.items() if k != MOI_PENDING}
    return kept if kept.get("moi") else _without_moi(kept)


def _before_air_of(row: Mapping[str, Any]) -> tuple[dt.datetime, dt.datetime] | None:
    """When the correction of an on-air correction item's rundown.json row was made and the
    broadcast it corrects, if the build found it made before it yet owed (BEFORE_AIR)."""
    value = row.get(BEFORE_AIR)
    if not isinstance(value, dict):
        return None
    made, aired = recorded_moment(value.get("made")), recorded_moment(value.get("aired"))
    return None if made is None or aired is None else (made, aired)


def _before_air_reason(
    made: dt.datetime, aired: dt.datetime, tz: dt.tzinfo, *, beside: bool
) -> str:
    """Why a correction made at `made`, before its bulletin's broadcast at `aired`, is read on
    air all the same (on_air_corrections.OnAir.before), for the editor's sync plan: nothing
    else tells why a correction made in time comes back a week later. `beside`: the station
    had edited its copy of a script of the bulletin, kept, ours put beside it (.moi), what
    ours then carried unknown (a .moi written before the correction lacks it); else no
    script with it reached the station before the broadcast."""
    said = (
        f"lần đính chính ghi lúc {vn_datetime(made.astimezone(tz))}, trước buổi phát "
        f"{vn_datetime(aired.astimezone(tz))}"
    )
    if beside:
        return (
            f"{said}, nhưng đài đã tự sửa kịch bản có bản tin này nên bản của đài được giữ (bản "
            "của Công an chỉ được đặt cạnh, .moi): công cụ không biết bản đọc trên sóng có chỗ "
            "sửa này hay không, nên lời đính chính được đọc cho chắc (muốn biết thì hỏi đài đã "
            "đọc bản nào)"
        )
    return (
        f"{said}, nhưng kịch bản đài có lúc phát chưa mang chỗ sửa này (không lần đồng bộ nào "
        "gửi nó sang đài trước buổi phát): người nghe đã nghe bản cũ, nên lời đính chính được đọc"
    )


def _moi_recorded(entry: Mapping[str, Any]) -> bool:
    """Whether a record names a .moi copy of ours beside its file: written, or being written
    by a run killed since (MOI_PENDING), which may have left it there."""
    return bool(_moi_ours(entry))


def _same_as_reason(path: str) -> str:
    """Why a station file that holds the build's words (FileState.same_as) is not sent again."""
    if PurePosixPath(path).suffix == ".docx":
        return (
            "bản Word ở đài có đúng từng chữ, từng đoạn, từng trang như bản dựng, chỉ khác "
            "ở phần mã bên trong tệp: không gửi lại, đài không phải in lại; chỉ ghi nhận"
        )
    return (
        "tệp ở đài chỉ khác bản dựng ở tên tệp bản tin (content/…), mà kịch bản nay không "
        "ghi: không gửi lại, đài không phải in lại; chỉ ghi nhận"
    )


def _bulletin_reason(key: str, reasons: dict[str, str]) -> str:
    """ "<key>: why it is off the radio" (a key with no reason was deleted from content/); a
    correction read on air is off it for its bulletin's reason, or as its note is gone."""
    base = corrected_key(key)
    if base == key or key in reasons:
        return f"{key}: {reasons.get(key, 'đã bị xóa khỏi content/')}"
    why = reasons.get(base)
    if why is None:
        return f"{key}: bản tin đã bị xóa khỏi content/"
    if why == ELSEWHERE:
        return f"{key}: lần đính chính này không còn trong mục corrections của bản tin"
    return f"{key}: bản tin {why}"


def _renamed(
    bulletins: Sequence[Bulletin],
    built: Collection[str],
    reasons: Mapping[str, str],
    *,
    station: bool = False,
) -> dict[str, str]:
    """Why an item an older version keyed otherwise (by the correction's place in the list, or
    by its note untidied) is withdrawn: the same correction, now under its id's key, is sent
    instead. Told as gone from `corrections`, the station would drop a correction still owed.
    Only when that key is `built`: held back itself (a flag) the correction is off the air for
    its own reason in `reasons`, and held with its bulletin (off the radio, a flag) for the
    bulletin's; the station, told of a new name, would wait for an item that never comes.
    `station`: said in the station's words (its file, not the key), from `reasons` in them."""
    found = {}
    for bulletin in bulletins:
        for number, correction in enumerate(bulletin.corrections, start=1):
            now, *before = correction_ids(correction)
            new = on_air_key(bulletin.key, now)
            if new in built and station:
                why = f"cùng lời đính chính nay ở tệp items/{new}.txt: đọc tệp đó"
            elif new in built:
                why = f"nay mang tên {new} (cùng lần đính chính, tên mới)"
            elif new in reasons:
                why = reasons[new]
            else:
                continue  # the bulletin's reason (`_bulletin_reason`)
            for ident in (str(number), *before):
                found[on_air_key(bulletin.key, ident)] = why
    return found


def _gone_inside(state: FileState) -> list[str]:
    """The bulletins our last write of a file carried that the build no longer does: what the
    station's edited copy of it still holds of bulletins withdrawn since."""
    return [k for k in state.written_bulletins if k not in state.bulletins]


def _withdrawn_inside(gone: list[str], reasons: dict[str, str]) -> str:
    """What the station's edited copy still holds of the bulletins `gone` from the build (see
    _gone_inside), if any."""
    if not gone:
        return ""
    why = "; ".join(_bulletin_reason(key, reasons) for key in gone)
    return f"; bản của đài còn nội dung bản tin đã rút ({why}): đài cần bỏ phần đó trước khi phát"


def _conflict(state: FileState, act: Any, moi: str, why: str, **extra: Any) -> Action:
    """Put our version beside the station's file, unless someone else's file already sits there
    or the station deleted this very version from beside it (`extra`: data of the conflict)."""
    if state.moi is None and state.moi_written == state.local:
        if extra.get(FOLLOWS):
            words = stale_word(state.path, extra[FOLLOWS], state.sent)
            return act(
                "noop",
                f"giữ nguyên bản của đài ({moi} đã bị xóa), nhưng bản Word ở đài {words}",
                **{THEIRS: True, STALE_WORD: words, FOLLOWS: extra[FOLLOWS]},
            )
        return act(
            "noop",
            f"{why}; đài đã xóa bản mới đặt cạnh ({moi}): giữ nguyên bản của đài",
            **{THEIRS: True},
        )
    if state.moi is not None and state.moi not in (state.moi_written, state.local):
        return act("refuse", f"{why}, và {moi} cũng đã bị sửa: không ghi đè; hãy xử lý bằng tay")
    if state.moi == state.local:
        return act(
            "conflict",
            f"{why}; bản mới đã nằm sẵn ở {moi} (chưa giải quyết)",
            moi=moi,
            **{MOI_THERE: True},
            **extra,
        )
    return act("conflict", f"{why}; không ghi đè, bản mới đặt cạnh: {moi}", moi=moi, **extra)


def _our_moi_left(state: FileState) -> bool:
    """Whether a .moi file we wrote is still there although the conflict is resolved."""
    return state.moi is not None and state.moi == state.moi_written


def _told(key: str, told: Mapping[str, str]) -> str:
    """Why the bulletin (or correction read on air) `key` is off the radio, in the station's
    words: a key with no reason was deleted from content/, which is the unit's withdrawal."""
    base = corrected_key(key)
    if base == key or key in told:
        return told.get(key, WITHDRAWN_BY_UNIT)
    why = told.get(base, WITHDRAWN_BY_UNIT)
    if why == ELSEWHERE:
        return "đơn vị đã bỏ lời đính chính này"
    if why == WITHDRAWN_BY_UNIT:
        return "đơn vị đã rút bản tin được đính chính"
    return f"bản tin được đính chính: {why}"


def _station_withdrawal(
    state: FileState, told: Mapping[str, str], awaited: Mapping[str, str]
) -> str:
    """Why a file is no longer built, for the note the station's staff read beside it: what
    became of its bulletins, never by the key, file or field of the unit's (the note names a
    bulletin by the title the station received; an episode's only counts them: a bulletin
    withdrawn for naming a person wrongly is not named in one more file than it must be)."""
    if not state.bulletins:
        if state.episode in awaited:
            return f"tập phát sóng không còn ({awaited[state.episode]})"
        return NO_LONGER_SENT
    parts = [_told(key, told) for key in state.bulletins]
    if PurePosixPath(state.path).parts[0] == "items":
        return parts[0]
    counted = Counter(parts)
    if len(parts) == 1:
        gone = f"tin duy nhất của tập: {parts[0]}"
    elif len(counted) == 1:
        gone = f"cả {len(parts)} tin của tập: {parts[0]}"
    else:
        gone = "; ".join(f"{n} tin: {why}" for why, n in counted.items())
    return f"tập phát sóng không còn ({gone})"


def _withdrawal_reason(state: FileState, reasons: dict[str, str], awaited: dict[str, str]) -> str:
    """Why a file is no longer built, from the bulletins it belonged to, or, for an episode
    that only awaited scheduled ones, from what became of them (`awaited`)."""
    if not state.bulletins:
        if state.episode in awaited:
            return f"tập phát sóng không còn ({awaited[state.episode]})"
        return "không còn trong bản dựng"
    parts = [_bulletin_reason(key, reasons) for key in state.bulletins]
    if PurePosixPath(state.path).parts[0] == "items":
        return "bản tin " + parts[0]
    return "tập phát sóng không còn (" + "; ".join(parts) + ")"


def station_folder(config: Config) -> Path:
    """The station folder: $PUBLISH_RADIO_DIR, else [radio] folder; relative paths from the project."""
    raw = os.environ.get(ENV_FOLDER) or config.radio.folder
    if not raw.strip():
        raise PublishError(
            'chưa cấu hình thư mục của đài phát thanh. Cách sửa: đặt folder = "…" trong bảng [radio] '
            f"của site.toml, hoặc đặt biến môi trường {ENV_FOLDER}."
        )
    if os.name != "nt" and WINDOWS_PATH_RE.search(raw):
        # Elsewhere "D:\\Đài\\kịch bản" is one relative name: the scripts would go to a folder
        # of that name inside the project, and the sync would report them sent.
        named = (
            ENV_FOLDER if os.environ.get(ENV_FOLDER) else "folder trong bảng [radio] của site.toml"
        )
        raise PublishError(
            f"thư mục của đài «{raw}» ({named}) là đường dẫn của Windows, máy này không phải "
            "Windows: kịch bản sẽ nằm trong dự án chứ không đến đài. Cách sửa: chạy publish sync "
            "trên máy Windows thấy thư mục đó, hoặc ghi đường dẫn thư mục của đài trên máy này "
            f"(ví dụ /mnt/dai-truyen-thanh/kich-ban), hoặc đặt biến môi trường {ENV_FOLDER} trên "
            "máy này."
        )
    path = Path(raw).expanduser()
    return path if path.is_absolute() else config.root / path


class StationRecord(Manifest):
    """state/radio.json, whose failed writes (the project's disk full, state/ read-only) stop
    the radio sync with what to do, instead of a bare system error after the station folder
    was already written to, or one blamed on the station folder."""

    def save(self) -> None:
        """See `Manifest.save`."""
        try:
            super().save()
        except OSError as exc:
            raise _state_error(self.path, exc) from None

    def _record(self, *keys: str) -> None:
        """See `Manifest._record`."""
        try:
            super()._record(*keys)
        except OSError as exc:
            raise _state_error(self.path, exc) from None


def _state_error(path: Path, exc: OSError) -> PublishError:
    """Why the radio sync stopped when state/radio.json could not be written: writing on to
    the station would leave files nothing records (their revisions and change log unsaid)."""
    error = PublishError(
        f"không ghi được tệp trạng thái {path} ({os_reason(exc)}): dừng đồng bộ kênh phát thanh, "
        "không ghi thêm gì vào thư mục đài (tệp ghi mà không được ghi nhận thì đài không được "
        "báo là tệp đã sửa). Thư mục đài không hỏng: mỗi tệp ở đó là bản cũ hay bản mới trọn "
        "vẹn. Cách sửa: giải phóng chỗ trên ổ đĩa chứa dự án (hoặc cấp quyền ghi cho thư mục "
        "state/) rồi chạy lại: lần sau ghi nhận các tệp đã ghi và ghi nốt, không ghi trùng."
    )
    error.stops_channel = True  # type: ignore[attr-defined]
    return error


class RadioSyncer:
    """Observe, plan and apply the radio folder sync."""

    name = CHANNEL
    concurrency = 1

    def __init__(
        self,
        config: Config,
        *,
        site: Site,
        output: Path,
        state: Path,
        folder: Path,
        dry_run: bool = False,
        reconcile: bool = False,
    ) -> None:
        self.config = config
        self.site = site
        self.local_dir = output / CHANNEL
        self.folder = folder
        self.dry_run = dry_run
        self.reconcile = reconcile
        """--reconcile: take the station folder as it is, even one that holds none of our files."""
        self.plan_warning = ""
        """Set when the plan could not be checked against the station folder (shown with it)."""
        self.plan_note = ""
        """Set when this computer's clock is behind the last send (shown with the plan)."""
        self._reported: dict[str, str] = {}
        """What state/radio.json said was already told of, as `plan` last saw it."""
        self._received: set[str] = set()
        """Episodes whose rundown the station had when this sync began (new items are news)."""
        self._touched: set[str] = set()
        """Episodes this sync logged a change of: their THAY-DOI.txt is written in `follow_up`."""
        self._digests: dict[str, str] = {}
        """Path in output/radio/ → sha256 of the built file, as `observe` found them."""
        self._stale: dict[str, str] = {}
        """Word script of a coming episode → the text it follows if the plan found it stale,
        else "" (STALE_WORD), as `plan` last saw it: recorded by `told`, foreseen by
        `_after_run`."""
        self._built_titles: dict[str, str] = {}
        """Item key → the title the built episodes give it (rundown.json): a correction item
        quotes its bulletin's title as it was read, not as it reads since a rename."""
        self._before_air: dict[str, tuple[dt.datetime, dt.datetime]] = {}
        """On-air correction item key → when the correction was made and the broadcast it
        corrects, which it preceded (BEFORE_AIR on the item's rundown.json row)."""
        # --reconcile on a broken state file starts empty: files that already match the build are
        # just recorded (verify), any other file is never overwritten (conflict, .moi beside it).
        self.manifest = StationRecord.load(
            state / f"{CHANNEL}.json", CHANNEL, recover=reconcile, read_only=self.dry_run
        )
        self.kept = load_kept_rates(state / RATES_NAME)
        self.pause = _test_pause()
        self._steps = 0
        self._guide_failed = False
        """A write of the guide failed this run: the follow-up does not try it a second time."""
        self._foreseen_logs: set[str] = set()
        """Episodes whose THAY-DOI.txt the plan left to the follow-up (see `_plan_logs`)."""
        self._move_note = ""
        """Set when the station folder is not the one the last sync wrote to (a move, told)."""
        self._folder_changed = ""
        """Set when the station folder is not the one state/radio.json records: "state/radio.json
        ghi X, nay là Y", for the reasons of the files the new one lacks (see
        Observed.folder_changed)."""
        self._ledger = _Ledger(self)
        self._moves: list[dict[str, str]] = []
        """The station folder's changes (see _MOVES), this one's too when it is another than
        state/radio.json records."""
        self._listed: dict[str, frozenset[str] | None] = {}
        """Station folder (relative) → the names in it, as `_names` listed them this sync."""
        self._rundowns: dict[str, dict[str, Any]] = {}
        """Episode → the build's rundown.json, as `_built_rundown` read it this run."""
        self._where: tuple[int, int] | None = None
        """(device, inode) of the station folder when the sync began: a folder gone or another
        one since is a share lost mid-run (see `_still_there`)."""

    @property
    def place(self) -> str:
        """Where this sync writes, for the closing summary: the station folder (from the
        project when inside it) and the setting that names it."""
        folder = self.folder
        if _inside(folder, self.config.root):
            shown = folder.resolve().relative_to(self.config.root.resolve()).as_posix() + "/"
        else:
            shown = str(folder)
        named = f"biến {ENV_FOLDER}" if os.environ.get(ENV_FOLDER) else "[radio] folder"
        return f"đếm theo tệp trong thư mục của đài {shown}, đặt ở {named}"

    def observe(self) -> Observed:
        """Hash the build, the manifest's records and the station folder; gather withdrawal reasons."""
        blind = (
            self.dry_run
            and not (self.folder.exists() or self.folder.is_symlink())
            and not _inside(self.folder, self.config.root)
        )
        if blind:
            # A preview where the station's share is not mounted plans from state alone; a
            # mistyped path looks the same, so it is said loudly: the real sync would stop.
            self.plan_warning = (
                f"không tìm thấy thư mục của đài {self.folder} (ổ mạng chưa gắn, hay đường dẫn gõ "
                "sai?): kế hoạch này chỉ lập từ state/radio.json, chưa đối chiếu với thư mục đài, "
                "và lần đồng bộ thật sẽ dừng với lỗi nếu thư mục vẫn không có. Cách sửa: gắn ổ "
                f"mạng, hoặc sửa [radio] folder / biến {ENV_FOLDER}"
            )
        else:
            self._check_folder()
        self._listed.clear()
        local = self._local_files()
        self._digests = {path: digest for path, (digest, _keys) in local.items()}
        entries = self.manifest.entries()
        for path in entries:
            _check_manifest_path(path, self.manifest.path)
        # An item is news only when the station had its episode before: the rundown it holds
        # is not the current one, or it came as a replacement of one it held (a run killed
        # between sending the rundown and the item: the item is news all the same).
        self._received = {
            p.split("/")[0]
            for p, entry in entries.items()
            if p.endswith("/rundown.txt")
            and (
                entry.get("digest") != local.get(p, (None,))[0] or int(entry.get("revision", 1)) > 1
            )
        }
        titles = {e.bulletin.key: e.bulletin.title for e in self.site.excluded}
        titles.update({b.key: b.title for b in self.site.bulletins})
        sources = {b.key: b.source for b in self.site.bulletins}
        airs = self._airs(local, entries)
        now = self.site.now
        # Kept with the records from their first save on: older aired episodes, or any sent
        # before state/radio.json was lost, are not in them and must not look never sent.
        since = recorded_moment(self.manifest.meta.setdefault("since", now.isoformat()))
        withdrawn_copies = copies(self.manifest.meta.get(COPIES))
        revisions = self._revisions()
        files: list[FileState] = []
        ended: dict[str, Relaid] = {}  # Word files of ours the build only adds end marks to
        for path in sorted(set(local) | set(entries)):
            digest, keys = local.get(path, (None, ()))
            entry = entries.get(path, {})
            if digest is None:
                # No longer built: the bulletins it was sent with. A built file of an episode
                # with no bulletin left (its rundown only announces scheduled ones) holds none.
                keys = tuple(entry.get("bulletins", ()))
            episode, air = airs.get(path, ("", None))
            # An aired episode is left alone whatever is there: its files need not be read.
            unread = blind or (air is not None and air < now)
            written = entry.get("digest")
            pending = entry.get("pending") or {}
            held = None
            if unread:
                seen = written
            else:
                # Hashed from the bytes its words or layout are compared from, if need be: one
                # read of the share, not two.
                # The build's own text too: our .moi copy staff took into the file, saved by
                # their editor, settles the conflict rather than reading as an edit.
                seen, _bytes_digest, held = station_read(
                    self.folder / path, (*_sent(entry), digest)
                )
            present = seen
            if present is not None and present == entry.get("station"):
                present = written  # our file with its revision line: what we wrote
            unsettled = not unread and present is not None and present == pending.get("station")
            record = entry
            if unsettled:
                # A revision written by a run killed before recording it: ours, not an edit.
                present = written = pending["entry"]["digest"]
                record = pending["entry"]
            same_as = relaid = None
            ours = not unread and present == written
            if None not in (digest, written) and digest != written and ours:
                # A revision a killed run did not write (pending) does not stop a layout
                # change: the station still has the version recorded, and the rerun must not
                # bump it; it stops the legacy check, whose record has no pending.
                lined = seen is not None and seen == record.get("station")
                if PurePosixPath(path).suffix == ".docx":
                    verdict = self._word_verdict(path, held)
                    same_as = seen if verdict is True else None
                    if isinstance(verdict, Relaid):
                        ended[path] = verdict
                else:
                    same_as, relaid = self._layout(
                        path, seen, held, lined=lined, legacy=not pending
                    )
            moi = self._moi_found(path, entry, digest, unread=unread, blind=blind)
            sent = recorded_moment(entry.get("sent_at"))
            files.append(
                FileState(
                    path=path,
                    local=digest,
                    bulletins=keys,
                    written=written,
                    present=present,
                    moi=moi,
                    moi_written=_moi_written(entry, moi),
                    title=_title(keys, titles, entry, self._built_titles, gone=digest is None),
                    written_bulletins=tuple(entry.get("bulletins", ())),
                    air=air,
                    episode=episode,
                    source=sources.get(keys[0], "") if len(keys) == 1 else "",
                    unsettled=unsettled,
                    there=not unread or blind or written is not None or self._there(path),
                    same_as=same_as,
                    relaid=relaid,
                    withdrawal=None
                    if unread or digest is None
                    else self._withdrawal_of(path, entry, withdrawn_copies.get(path), revisions),
                    sent=sent.astimezone(self.config.tz) if sent is not None else None,
                )
            )
        _word_follows(files, ended)
        self.plan_note = " ".join(n for n in (self._move_note, self._clock_note(now)) if n)
        # Reasons are only for withdrawals (and station copies still holding withdrawn
        # bulletins), and finding the held-back ones reads every bulletin aloud.
        withdrawn = any((f.local is None or _gone_inside(f)) and not _aired(f, now) for f in files)
        reasons, told = self._reasons() if withdrawn else ({}, {})
        standing = _standing(files)
        unneeded = frozenset() if blind else self._unneeded(files, now)
        return Observed(
            tuple(files),
            self._stale_temps(files),
            reasons,
            now,
            since,
            next_air(now, self.config),
            unneeded,
            _reported(self.manifest.meta.get(_REPORTED)),
            {} if blind or not withdrawn else self._awaited(files, told, standing),
            told,
            self._folder_changed,
            standing,
            self._sent_elsewhere(unneeded, entries),
            self._owed_before_air(local, entries),
        )

    def _owed_before_air(
        self,
        local: Mapping[str, tuple[str, tuple[str, ...]]],
        entries: Mapping[str, dict[str, Any]],
    ) -> dict[str, str]:
        """Item script → why its on-air correction, made before the broadcast it corrects, is
        read all the same (see Observed.owed), as the build decided it (BEFORE_AIR)."""
        found = {}
        aired: dict[str, str] | None = None
        for path, (_digest, keys) in sorted(local.items()):
            if not path.startswith("items/") or len(keys) != 1:
                continue
            when = self._before_air.get(keys[0])
            if when is None:
                continue
            if aired is None:
                aired = aired_bulletins(self.kept, self.site.now)
            base = corrected_key(keys[0])
            folder = aired.get(base)
            beside = folder is not None and any(
                base in e.get("bulletins", ())
                and _moi_recorded(e)
                and entry_episode(p, e) in (folder, "")
                for p, e in entries.items()
            )
            found[path] = _before_air_reason(*when, self.config.tz, beside=beside)
        return found

    def _moi_found(
        self,
        path: str,
        entry: Mapping[str, Any],
        built: str | None,
        *,
        unread: bool,
        blind: bool,
    ) -> str | None:
        """`FileState.moi` of a recorded file: the digest of the .moi beside it, as compared
        with ours and the `built` one (`_moi_seen`); of a file left unread, the one recorded,
        or the copy a killed run was writing (MOI_PENDING) if there."""
        if not unread:
            return self._moi_seen(path, entry, built)
        pending = entry.get(MOI_PENDING)
        # An aired episode's files are not read, but for this one: only the folder says whether
        # the killed run wrote that copy, which is ours then (its file sent, DOC-TRUOC.txt names
        # it) however long ago the episode aired.
        if pending is not None and not blind and self._moi_seen(path, entry) == pending:
            return str(pending)
        moi = entry.get("moi")
        return str(moi) if moi else None

    def _moi_seen(self, path: str, entry: Mapping[str, Any], *also: str | None) -> str | None:
        """The digest of the .moi copy beside the recorded file `path`, as compared with the
        copies of ours its record names (and `also`): one staff only opened and saved again
        reads as the copy of ours it holds (`_station_digest`), as the file beside it does."""
        return _station_digest(self.folder / moi_name(path), (*_moi_ours(entry), *also))

    def _withdrawal_of(
        self,
        path: str,
        entry: Mapping[str, Any],
        record: dict[str, Any] | None,
        revisions: Revisions,
    ) -> Withdrawal | None:
        """The last withdrawal of a built file, and what of it _rut-lai/ holds: as recorded
        (`record`, or the WITHDRAWING a killed run left in `entry`), else, for a withdrawal
        state/radio.json kept no record of (older versions), as its episode's change log tells."""
        if set(entry) - {"pending", MOI_PENDING}:
            record, gone = copy_record(entry.get(WITHDRAWING)), False
        else:
            # No record, or only the send again (or the .moi copy) a killed run began.
            gone = True
        if record is None and (not gone or PurePosixPath(path).parts[0] != "items"):
            return None  # most built files: no scan of every change log for them
        tz = self.config.tz
        last = _last_withdrawn(path, revisions)
        # Where it was withdrawn from, for records that do not say (older versions).
        episode = entry_episode(path, {"episode": last[0] if last is not None else ""})
        if record is not None:
            return Withdrawal.of(
                record,
                lambda where: _digest(self.folder / where),
                tz=tz,
                gone=gone,
                episode=episode,
            )
        if last is None:
            return None
        # Nothing says the copy there is the one we moved: told of, never touched.
        copy = f"{WITHDRAWN_DIR}/{path}"
        found = _digest(self.folder / copy)
        at = recorded_moment(last[1].get("at"))
        return Withdrawal(
            at.astimezone(tz) if at is not None else None,
            Moved(copy if found else "", None, found),
            episode=episode,
        )

    def _sent_elsewhere(
        self, paths: Iterable[str], entries: Mapping[str, Mapping[str, Any]]
    ) -> dict[str, str]:
        """Recorded file → the station folder it was sent to, for those of `paths` sent before
        the station folder changed (to the folder it changed from)."""
        found = {}
        for path in paths:
            sent = recorded_moment(entries.get(path, {}).get("sent_at"))
            if sent is None:
                continue
            for move in self._moves:
                at = recorded_moment(move["at"])
                if at is not None and sent < at:  # a send of the run that moved is at `at`
                    found[path] = move["from"]
                    break
        return found

    def _layout(
        self, path: str, seen: str | None, station: bytes | None, *, lined: bool, legacy: bool
    ) -> tuple[str | None, dict[str, Any] | None]:
        """FileState.same_as and FileState.relaid of `path`, the station's copy of which (of
        digest `seen`, as `observe` sees it, its bytes `station`, `lined`: bearing the line a
        sync put under its first line) is recorded as ours and differs from the build: the
        build read only when it may be such."""
        pure = PurePosixPath(path)
        legacy = legacy and (pure.suffix == ".txt" or pure.name == "rundown.json")
        if station is None or (not legacy and pure.suffix != ".txt"):
            return None, None  # rundown.json with a revision pending: nothing to read
        try:
            built = (self.local_dir / path).read_bytes()
        except OSError:
            return None, None
        if legacy and names_only_differ(path, station, built):
            return seen, None
        found = text_relaid(path, station, built, lined=lined)
        if found is None:
            return None, None
        line = found.line
        digest = hashlib.sha256(marked(built, line)).hexdigest() if line else None
        return None, {"line": line, "station": digest, "causes": list(found.causes)}

    def _word_verdict(self, path: str, station: bytes | None) -> Relaid | bool:
        """radio_relaid.word_verdict of the station's Word file `path` (its bytes `station`,
        ours) against the build's: True, it holds the build's words and is kept as the station
        has it, no revision to print; a Relaid, the build only adds end marks (`_word_follows`
        tells whether that counts); False, a change."""
        if station is None:
            return False
        try:
            built = (self.local_dir / path).read_bytes()
        except OSError:
            return False
        return word_verdict(station, built)

    def _built_rundown(self, episode: str) -> dict[str, Any]:
        """The build's rundown.json of `episode` ({} when absent or unreadable), read once a run:
        each item the run sends to the episode asks where it goes."""
        if episode not in self._rundowns:
            self._rundowns[episode] = _station_rundown(self.local_dir / episode / "rundown.json")
        return self._rundowns[episode]

    def _there(self, path: str) -> bool:
        """Whether the station folder has a file (or anything) of this name, or its .moi copy
        (True when its folder cannot be listed: not known to be missing)."""
        pure = PurePosixPath(path)
        names = self._names(str(pure.parent))
        return names is None or bool({pure.name, PurePosixPath(moi_name(path)).name} & names)

    def _names(self, parent: str) -> frozenset[str] | None:
        """The names in a folder of the station's, listed once per sync: one listing of a
        network share's items/ instead of a look-up per aired file (thousands after years);
        an empty set when there is no such folder, None when it cannot be read."""
        if parent not in self._listed:
            try:
                found: frozenset[str] | None = frozenset(os.listdir(self.folder / parent))
            except FileNotFoundError:
                found = frozenset()
            except OSError:
                found = None
            self._listed[parent] = found
        return self._listed[parent]

    def _logs(self, episodes: Collection[str]) -> tuple[LogState, ...]:
        """The change log of each of `episodes` that has changes, against the station's copy."""
        found = []
        for episode, record in sorted(self._revisions().items()):
            data = self._log_data(episode, record) if episode in episodes else None
            if data is not None:
                found.append(self._log_state(episode, record, data))
        return tuple(found)

    def _log_state(self, episode: str, record: dict[str, Any], data: bytes) -> LogState:
        """An episode's change log as the station has it, against the one to write, `data`
        (the .moi beside it hashed only when the station edited the log)."""
        path = f"{episode}/{LOG_NAME}"
        expected = hashlib.sha256(data).hexdigest()
        present, _raw, held = station_read(self.folder / path, (*_ours(record), expected))
        edited = present is not None and present not in _ours(record)
        return LogState(
            path,
            expected,
            present,
            _station_digest(self.folder / moi_name(path), (expected,)) if edited else None,
            _ours(record),
            settled=present != expected
            or (record.get("digest") == expected and "pending" not in record),
            rewrapped=present not in (None, expected) and not edited and _same_words(held, data),
        )

    def _log_data(self, episode: str, record: dict[str, Any]) -> bytes | None:
        """THAY-DOI.txt of an episode from the events state/radio.json holds; None once the
        episode is no longer built or has aired (its log is the station's)."""
        air = self._folder_air(episode, self.site.now)
        if air is None or air < self.site.now:
            return None
        if not (self.local_dir / episode / "rundown.txt").is_file():
            return None
        return log_bytes(episode, air, record["events"], self.config.tz)

    def _revisions(self) -> dict[str, dict[str, Any]]:
        """Episode → {"events": [...], "digest": of the log we wrote} from state/radio.json."""
        value = self.manifest.meta.get(_REVISIONS)
        if not isinstance(value, dict):
            return {}
        return {
            k: v
            for k, v in value.items()
            if isinstance(v, dict) and isinstance(v.get("events"), list)
        }

    def _unneeded(self, files: list[FileState], now: dt.datetime) -> frozenset[str]:
        """Recorded files no sync will need the record of: of an aired episode (never written
        again, recorded or not), no longer built, every bulletin they were written for deleted
        from content/, and deleted at the station with our .moi copy (so a new bulletin that
        reuses the name gets a plain new file, not a conflict with a file the tool no longer
        knows it wrote).

        A file of an episode folder stays recorded while an item recorded in that episode does:
        its record is what says which episode, so that the item is known as aired at all. The
        one thing forgotten that could matter: a deleted bulletin put back from git lands in its
        aired episode unrecorded, and is refused as never sent (nothing is written either way).
        """
        present = {b.key for b in self.site.bulletins}
        present |= {e.bulletin.key for e in self.site.excluded}
        unneeded = {
            f.path
            for f in files
            if _aired(f, now)
            and f.local is None
            and f.written is not None
            and f.bulletins
            and not present.intersection(f.bulletins)
            and not os.path.lexists(self.folder / f.path)
            and not os.path.lexists(self.folder / moi_name(f.path))
        }
        kept_items = {
            f.episode
            for f in files
            if f.path not in unneeded and PurePosixPath(f.path).parts[0] == "items"
        }
        return frozenset(
            path
            for path in unneeded
            if PurePosixPath(path).parts[0] == "items"
            or PurePosixPath(path).parts[0] not in kept_items
        )

    def _airs(
        self, local: dict[str, tuple[str, tuple[str, ...]]], entries: dict[str, dict[str, Any]]
    ) -> dict[str, tuple[str, dt.datetime]]:
        """The episode folder of each file and when it airs, from the folder's name; an item's
        episode is the one whose built (else last written) files list its bulletin, else the
        one recorded with it."""
        listed = [(path, entry.get("bulletins", ())) for path, entry in entries.items()]
        listed += [(path, keys) for path, (_digest, keys) in local.items()]  # the build wins
        folder_of: dict[str, str] = {}
        for path, keys in listed:
            top = PurePosixPath(path).parts[0]
            if top != "items":
                folder_of.update(dict.fromkeys(keys, top))
        airs = {}
        for path in set(local) | set(entries):
            parts = PurePosixPath(path).parts
            folder: str | None = parts[0]
            if parts[0] == "items":
                # The episode recorded with the item when no rundown lists it: a run killed
                # between recording its episode's new rundown and withdrawing it left none.
                recorded = entries.get(path, {}).get("episode")
                folder = folder_of.get(PurePosixPath(path).stem) or recorded
            air = self._folder_air(folder, self.site.now) if folder else None
            if folder and air is not None:
                airs[path] = (folder, air)
        return airs

    def _folder_air(self, folder: str, now: dt.datetime) -> dt.datetime | None:
        """The air time of the episode in `folder` (see folder_air)."""
        return folder_air(folder, now, self.config, self.kept)

    def heard(self) -> Heard:
        """What the station folder holds, once this sync is done, of each bulletin of an
        episode to come (see publish/sync/radio_reached.py)."""
        now = self.site.now
        weeks = sorted({PurePosixPath(p).parts[0] for p in self._digests} - {"items"})
        coming = {
            week: self._episode_keys(week)
            for week in weeks
            if (air := self._folder_air(week, now)) is not None and air >= now
        }
        return heard(self.folder, self.manifest.get, self._digests, coming)

    def plan(self, observed: Observed) -> list[Action]:
        """See `plan`; then the change logs and the station's guide as this plan leaves them
        (`_foreseen`)."""
        self._reported = observed.reported
        actions = plan(observed)
        self._stale = _stale_verdicts(actions, observed)
        stale = _stale_note(actions)
        if stale:
            self.plan_note = " ".join(n for n in (self.plan_note, stale) if n)
        if not self.plan_warning:  # a share not mounted: nothing to compare them with
            actions += self._foreseen(actions, observed.files)
        return actions

    def _foreseen(self, actions: Sequence[Action], files: Sequence[FileState]) -> list[Action]:
        """The actions for each coming episode's THAY-DOI.txt and for DOC-TRUOC.txt, from what
        state/radio.json will record once `actions` are applied (`_after_run`): the plan, a dry
        run's included, lists every file the run writes, and each one it leaves as it is."""
        after = self._after_run(actions, {state.path: state for state in files})
        logs = self._plan_logs(after)
        self._foreseen_logs = {a.data["log"] for a in logs if a.data.get(AFTER)}
        sending = any(map(self._sends, [*actions, *logs]))
        return logs + self._plan_guide(after, sending=sending)

    def _after_run(self, actions: Sequence[Action], files: Mapping[str, FileState]) -> _After:
        """What state/radio.json will record once `actions` are applied without a failure, as
        the `_apply_*` methods record it (read only: nothing is written, nothing recorded)."""
        after = _After(self.manifest.entries(), copy.deepcopy(self._revisions()), self._coming)
        for path, follows in self._stale.items():  # as `told` records them before any step
            if (flagged := _stale_flagged(after.get(path), follows)) is not None:
                after.put(path, flagged)
        for path, entry in after.entries.items():
            if _moi_recorded(entry):
                # Hashed by `observe` unless its episode aired (then its files were not read).
                state = files.get(path)
                found: str | None
                if state is None or _aired(state, self.site.now):
                    found = self._moi_seen(path, entry)
                else:
                    found = state.moi
                if found is not None and found == _moi_written(entry, found):
                    after.moi[path] = found

        def settled(path: str) -> dict[str, Any] | None:
            """See `_settle`: `observe` saw whether the revision landed."""
            return _settled(after, path, path in files and files[path].unsettled)

        for action in actions:
            if action.kind in ("noop", "refuse", "remove") or action.data.get(AFTER):
                continue
            if "log" in action.data or action.data.get("guide"):
                continue  # neither is told in DOC-TRUOC.txt, nor changes a record of a file
            key = action.key
            if action.kind in ("create", "update"):
                old = settled(key)
                unix = None
                if old is not None and old.get("digest") not in (None, action.data["digest"]):
                    # Gone from the build since: `_built` tells it when applied.
                    with contextlib.suppress(OSError):
                        unix = _unix_digest((self.local_dir / key).read_bytes())
                after.record(key, *self._revision(action, old, after, unix))
                after.written.add(key)
                after.moi.pop(key, None)  # `_drop_our_moi`
            elif action.kind == "verify":
                if after.moi.pop(key, None) is not None:  # `_drop_our_moi`
                    after.put(key, _without_moi(after.get(key) or {}))
                if "station" in action.data:
                    self._book_kept(after, action, settled(key))
                else:
                    self._book_verified(after, action, settled(key))
            elif action.kind == "conflict":
                _book_moi(after, action, self.site.now.isoformat())
                after.moi[key] = action.data["digest"]
            elif action.kind == "withdraw":
                after.moi.pop(key, None)  # `_withdraw_moi`
                if action.data.get("note") is not None:  # moved into _rut-lai/
                    after.withdrawn[key] = {
                        "at": self.site.now.isoformat(),
                        "episode": action.data.get("episode", ""),
                        "copy": f"{WITHDRAWN_DIR}/{key}",
                    }
                self._book_withdrawn(after, action, settled(key) or {})
            elif action.kind == "forget":
                after.record(key, None, None)
        return after

    def _plan_logs(self, after: _After) -> list[Action]:
        """The action for the change log of each coming episode with changes, once the plan is
        applied (`after`): written by the follow-up (AFTER) when this sync logs a change of the
        episode, else now when a run killed before it left it short or unrecorded; a log the
        station has as it would be written is kept, and counted so."""
        actions = []
        for episode, record in sorted(after.revisions.items()):
            data = self._log_data(episode, record)
            if data is None:
                continue
            log = self._log_state(episode, record, data)
            if _log_due(log):
                actions.append(_plan_log(log, after=episode in after.touched))
            else:
                actions.append(Action("noop", log.path, "không đổi", "", {"log": episode}))
        return actions

    def _sends(self, action: Action) -> bool:
        """Whether applying `action` writes or moves a file in the station folder, after which
        the follow-up writes DOC-TRUOC.txt again (see `_write`, `_move`)."""
        if action.kind in ("create", "update", "withdraw"):
            return True
        if action.kind == "verify" and any(k in action.data for k in (CLEAR, RESENT, MOVED)):
            return True  # files cleared from _rut-lai/, a resend DOC-TRUOC.txt tells
        # A conflict writes ours beside the station's file, unless it is there already.
        return action.kind == "conflict" and not action.data.get(MOI_THERE)

    def _plan_guide(self, after: _After | None = None, *, sending: bool = False) -> list[Action]:
        """The action for DOC-TRUOC.txt: written when it is missing, when the station was sent
        something since it was written (state/radio.json says so, a killed run included; or
        this plan is `sending` some, then by the follow-up once they are sent), or when a .moi
        file it names went (or came back), and only when its bytes change; never over one the
        station edited or made itself. Nothing else (an episode airing, records forgotten)
        rewrites it: what it tells is the station's files as last sent.

        `after`: the records once the plan is applied (`_after_run`), for the plan, which
        also keeps a guide it leaves as it is (the summary counts the files in the station
        folder); None for the follow-up, which looks at the records as they are then."""
        record = self._guide_record()
        present = _station_digest(self.folder / GUIDE_NAME, _ours(record))
        planning = after is not None
        if present is not None and present not in _ours(record):
            # The station's own (edited) copy: left alone.
            return [_guide_noop("đài đã sửa: giữ nguyên")] if planning else []
        kept = [_guide_noop("không đổi")] if planning and present is not None else []
        sent = self._guide_moment(after)
        # Without a .moi recorded anywhere the guide names none: the episodes (rundowns read
        # back from the share, .moi files hashed) are worked out only when there may be one.
        episodes = self._guide_episodes(sent, after) if self._any_moi(record, after) else None
        told = _moi_named(episodes) if episodes is not None else []
        stale = _stale_named(episodes) if episodes is not None else []
        # The station deleting a .moi the guide names (or one coming back) is no send, yet
        # the guide would send the staff to a file gone, or keep warning of a settled one;
        # so is a Word script the plan finds stale, or no longer (the build back to it).
        moved = told != self._moi_told(record) or stale != record.get(_STALE, [])
        due = sending or record.get("due") or moved or "pending" in record
        if present is not None and not due:
            if (
                ("moi" not in record or _STALE not in record)
                and present == record.get("digest")
                and not self.dry_run
            ):
                self.manifest.meta[_GUIDE] = _guide_entry(present, told, stale)
                self.manifest.save()
            return kept
        if episodes is None:
            episodes = self._guide_episodes(sent, after)
        if present is not None and present == self._guide_digest(episodes, sent):
            # The same bytes: nothing to write. Recorded now unless the follow-up will (a
            # guide a killed run wrote and did not record is ours too).
            if not sending and not self.dry_run:
                self.manifest.meta[_GUIDE] = _guide_entry(present, told, stale)
                self.manifest.save()
            return kept
        kind = "create" if present is None else "update"
        why = "hướng dẫn cho đài: tập sắp phát, tệp nào đọc, tin đã rút không được đọc"
        if not sending:
            return [Action(kind, GUIDE_NAME, why, "", {"guide": True})]
        why = why.replace(
            "hướng dẫn cho đài:", "hướng dẫn cho đài, ghi lại sau khi gửi các tệp trên:"
        )
        return [Action(kind, GUIDE_NAME, why, "", {"guide": True, AFTER: True})]

    def _guide_digest(self, episodes: list[Episode], sent: _Sent) -> str:
        """sha256 of DOC-TRUOC.txt telling `episodes` (see `_guide_data`)."""
        return hashlib.sha256(self._guide_data(episodes, sent)).hexdigest()

    def _guide_due(self) -> None:
        """Note in state/radio.json, before the station folder changes, that the station gets a
        file: the guide is to be written again once the sync is done."""
        record = self._guide_record()
        if not record.get("due"):
            self.manifest.meta[_GUIDE] = {**record, "due": True}
            # Saved now, not with the file's record (a journal line, which holds no meta): a
            # run killed after the change, even before recording it, leaves the next run a
            # guide to write, where the file it finds already written is only recorded.
            self.manifest.save()

    def _guide_record(self) -> dict[str, Any]:
        """What state/radio.json says of the guide we wrote ({} when nothing)."""
        value = self.manifest.meta.get(_GUIDE)
        return value if isinstance(value, dict) else {}

    def _guide_data(self, episodes: list[Episode], sent: _Sent) -> bytes:
        """DOC-TRUOC.txt telling `episodes` (see `_guide_episodes`) as of the last send `sent`
        (`_guide_moment`)."""
        moment, withdrawals = sent
        gone = self._withdrawn_episodes(episodes, moment, withdrawals)
        return guide_bytes(
            self.config.radio.program, episodes, moment.astimezone(self.config.tz), gone
        )

    def _guide_moment(self, after: _After | None = None) -> _Sent:
        """The last send the guide is told as of, with the withdrawals it counts (as the
        records will say once the plan is applied, with `after`): worked out once a guide."""
        withdrawals = self._withdrawals(after)
        return (self._last_sent(after, withdrawals) or self.site.now, withdrawals)

    def _guide_episodes(
        self, moment: _Sent, after: _After | None = None, *, look: bool = True
    ) -> list[Episode]:
        """What DOC-TRUOC.txt tells, from what state/radio.json records the station was sent:
        the episodes still to come when it last got a file, with the change log events held for
        them (and the scheduled bulletins its rundown.json announces, the .moi files of ours
        still beside the station's edited ones).

        Told as of that last send `moment` (`_guide_moment`), never of this run or of the build:
        an episode airing, or a bulletin edited after it aired, is no change the station gets
        a new guide for, and a rerun after a kill leaves the guide of one uninterrupted run.
        What the station did to the files is looked up (a .moi of ours deleted), and a Word
        script is told stale as the plan's verdict recorded it (STALE_WORD). `after`: as the
        records and the station folder will be once the plan is applied (`_after_run`);
        `look`: see `_our_moi_there`."""
        revisions = after.revisions if after is not None else self._revisions()
        sent = moment[0]
        entries = after.entries if after is not None else self.manifest.entries()
        if after is not None:
            beside = {
                path: entries[path]
                for path, moi in after.moi.items()
                if _moi_written(entries.get(path, {}), moi) == moi
            }
        else:
            beside = self._our_moi_there(entries, look=look)
        episodes = []
        for path, entry in sorted(entries.items()):
            week, _, name = path.partition("/")
            air = self._folder_air(week, sent) if name == "rundown.txt" else None
            if air is None or air < sent:
                continue
            events = revisions.get(week, {}).get("events", [])
            sent_now = after is not None and f"{week}/rundown.json" in after.written
            # A rundown.json the plan sends is the built one once it is applied.
            rundown = _station_rundown(
                (self.local_dir if sent_now else self.folder) / week / "rundown.json"
            )
            off = _off_episode(events, entries, week)
            gone = _still_withdrawn(events, off)
            withdrawn = tuple(
                f"«{e['title']}» ({e['path']})" if e.get("title") else str(e["path"]) for e in gone
            )
            episodes.append(
                Episode(
                    week,
                    air,
                    extra=bool((m := _EPISODE_FOLDER.match(week)) and m.group(3)),
                    items=len(entry.get("bulletins") or ()),
                    scheduled=len(_announced(rundown)),
                    replaced=sum(1 for e in events if e.get("kind") == "replaced"),
                    added=sum(1 for e in events if e.get("kind") == "added"),
                    withdrawn=withdrawn,
                    resent=_resent(events, entries),
                    moved=_moved_away(events, entries),
                    kept=(kept := _kept_withdrawn(week, beside, off)),
                    edited=_edited_beside(week, beside, {path for path, _moi, _titles in kept}),
                    followed=_followed_beside(week, beside),
                    stale=self._stale_words(week, entries),
                    listing=_listing(rundown, entries),
                )
            )
        return episodes

    def _stale_words(
        self, week: str, entries: Mapping[str, Any]
    ) -> tuple[tuple[str, str, dt.datetime | None], ...]:
        """The episode's Word script the plan found stale (STALE_WORD in its record: kept
        because the station edited its text, our newer copy beside it deleted): (file, that
        text, when the station's was sent). What staff are told to print lacks what changed
        since, a corrected figure included."""
        path = f"{week}/script.docx"
        entry = entries.get(path) or {}
        follows = entry.get(STALE_WORD)
        if follows is True:  # as this session's first version recorded it
            follows = entry.get(FOLLOWS)
        if not isinstance(follows, str) or not follows:
            return ()
        sent = recorded_moment(entry.get("sent_at"))
        return ((path, str(follows), sent.astimezone(self.config.tz) if sent else None),)

    def _our_moi_there(self, entries: Mapping[str, Any], *, look: bool = True) -> dict[str, Any]:
        """The records of the files the station edited whose .moi of ours is still beside them
        (deleted, the station keeps its own: the guide no longer sends the staff there);
        `look=False`: every one recorded, as guides written before this was looked at."""
        if not look:
            return {path: entry for path, entry in entries.items() if entry.get("moi")}
        there = {}
        for path, entry in entries.items():
            if _moi_recorded(entry):
                found = self._moi_seen(path, entry)
                if found is not None and found == _moi_written(entry, found):
                    there[path] = entry
        return there

    def _any_moi(self, record: dict[str, Any], after: _After | None = None) -> bool:
        """Whether the guide may name a .moi file: the last one written named one, or
        state/radio.json records one of ours beside a file the station edited (or will, once
        the plan is applied, with `after`)."""
        entries = after.entries if after is not None else self.manifest.entries()
        return bool(record.get("moi")) or any(map(_moi_recorded, entries.values()))

    def _moi_told(self, record: dict[str, Any]) -> list[str]:
        """The .moi files the guide last written names; for one written before the record
        kept them, those it named then: every recorded one beside a script with a withdrawn
        bulletin still in it."""
        if isinstance(told := record.get("moi"), list):
            return told
        if not self._any_moi(record):
            return []
        episodes = self._guide_episodes(self._guide_moment(), look=False)
        return sorted(moi for e in episodes for _path, moi, _titles in e.kept)

    def _clock_note(self, now: dt.datetime) -> str:
        """A note when this run's clock is well behind the last send state/radio.json records:
        the clock was set back (or the last run's was ahead), and the times written to the
        station («SỬA LẦN …», THAY-DOI.txt) and which episodes count as aired follow it."""
        last = self._last_sent()
        if last is None or now >= last - CLOCK_SLACK:
            return ""
        tz = self.config.tz
        return (
            f"Đồng hồ của lần chạy này ({vn_datetime(now.astimezone(tz))}) sớm hơn lần gửi kịch "
            f"bản trước ({vn_datetime(last.astimezone(tz))}): kiểm tra giờ của máy chạy lệnh. Giờ "
            "ghi cho đài (dòng «SỬA LẦN …», THAY-DOI.txt) và việc tập nào đã phát đều theo đồng hồ "
            "này; thứ tự các lần sửa trong THAY-DOI.txt vẫn đúng."
        )

    def _last_sent(
        self,
        after: _After | None = None,
        withdrawals: Mapping[str, dict[str, Any]] | None = None,
    ) -> dt.datetime | None:
        """When the station last got a file of ours, as state/radio.json records it (or will
        once the plan is applied, with `after`; `withdrawals`: `_withdrawals(after)`, when
        the caller has them)."""
        entries = after.entries if after is not None else self.manifest.entries()
        revisions = after.revisions if after is not None else self._revisions()
        moments = [recorded_moment(e.get("sent_at")) for e in entries.values()]
        moments += [recorded_moment(e.get("at")) for r in revisions.values() for e in r["events"]]
        # A withdrawal changes the station folder too: an episode withdrawn whole leaves no
        # record or log of its own, and the guide then went back to the send before it.
        if withdrawals is None:
            withdrawals = self._withdrawals(after)
        moments += [recorded_moment(r.get("at")) for r in withdrawals.values()]
        found = [m for m in moments if m is not None]
        return max(found) if found else None

    def _withdrawals(self, after: _After | None = None) -> dict[str, dict[str, Any]]:
        """Withdrawn file → where its copy went in _rut-lai/ and when (COPIES), with those the
        plan withdraws once applied (`after`), as `_record` keeps them: those the station
        cleared out of _rut-lai/ since go when one more is withdrawn."""
        found = copies(self.manifest.meta.get(COPIES))
        if after is not None and after.withdrawn:
            found = self._still_withdrawn(found)
            found.update(after.withdrawn)
        return found

    def _still_withdrawn(self, kept: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """The withdrawal records (COPIES) of `kept` whose files are still in _rut-lai/: one
        the station cleared out is no longer needed."""
        return {
            path: record
            for path, record in kept.items()
            if any(
                os.path.lexists(self.folder / where)
                for where in (record["copy"], record["note"], *_moi_paths(record))
            )
        }

    def _withdrawn_episodes(
        self,
        episodes: Sequence[Episode],
        sent: dt.datetime,
        withdrawals: Mapping[str, dict[str, Any]],
    ) -> list[Withdrawn]:
        """The episodes still to come at the last send that were withdrawn whole (their
        rundown.txt moved into _rut-lai/, as `withdrawals` records) and not sent again since
        (not among `episodes`)."""
        told = {e.folder for e in episodes}
        found = []
        for path, record in withdrawals.items():
            week, _, name = path.partition("/")
            at = recorded_moment(record.get("at"))
            if name != "rundown.txt" or week in told or at is None:
                continue
            air = self._folder_air(week, sent)
            if air is None or air < sent:
                continue
            where = str(PurePosixPath(str(record.get("copy") or f"{WITHDRAWN_DIR}/{path}")).parent)
            tz = self.config.tz
            found.append(Withdrawn(week, air.astimezone(tz), at.astimezone(tz), where))
        return found

    def _write_guide(self) -> str:
        """Write DOC-TRUOC.txt as state/radio.json says it now (recorded before and after the
        write, so that a run killed in between knows it as ours)."""
        sent = self._guide_moment()
        episodes = self._guide_episodes(sent)
        data = self._guide_data(episodes, sent)
        digest = hashlib.sha256(data).hexdigest()
        done = _guide_entry(digest, _moi_named(episodes), _stale_named(episodes))
        record = self._guide_record()
        present = _station_digest(self.folder / GUIDE_NAME, (*_ours(record), digest))
        if present == digest:
            if record == done:
                return f"{GUIDE_NAME} đã đủ"
            self.manifest.meta[_GUIDE] = done
            self.manifest.save()
            return f"đã ghi nhận {GUIDE_NAME}"
        if present is not None and present not in _ours(record):
            return f"đài đã sửa {GUIDE_NAME}: giữ nguyên"
        self.manifest.meta[_GUIDE] = {**record, "pending": digest}
        self.manifest.save()
        self._step()
        try:
            self._write(self.folder / GUIDE_NAME, data)
        except OSError:
            self._guide_failed = True
            raise
        self._step()
        self.manifest.meta[_GUIDE] = done
        self.manifest.save()
        return f"đã ghi {GUIDE_NAME}"

    def told(self, actions: Sequence[Action]) -> None:
        """Remember the never-sent items the printed plan told of, so that the next real syncs
        stay quiet about them (`publish.sync.base.run` calls this once the plan is shown); and
        forget the .moi copies killed runs were about to write beside files the plan leaves as
        they are (`_unwritten_moi`); and record on each Word script of a coming episode whether
        the plan found it stale (STALE_WORD), which the guide tells."""
        changed = self._unwritten_moi(actions)
        for path, follows in self._stale.items():
            if (flagged := _stale_flagged(self.manifest.get(path), follows)) is not None:
                self.manifest.put(path, flagged, save=False)
                changed = True
        told = {a.key: a.data["missed"] for a in actions if "missed" in a.data}
        if told != self._reported:
            if told:
                self.manifest.meta[_REPORTED] = dict(sorted(told.items()))
            else:
                self.manifest.meta.pop(_REPORTED, None)
            changed = True
        if changed:
            self.manifest.save()

    def _unwritten_moi(self, actions: Sequence[Action]) -> bool:
        """Drop MOI_PENDING from the record of each file the plan leaves as it is (noop,
        refuse) when the station folder does not hold that copy: the run killed before
        writing it never did, and this one will not. Kept, a .moi of those bytes the station
        made later read as ours, to be removed or moved into _rut-lai/; every other action
        of the file records it anew (`_book_moi`, `_book_verified`, a new record). Whether a
        record changed: the caller saves them all at once (`told`)."""
        changed = False
        for action in actions:
            if action.kind not in ("noop", "refuse") or "log" in action.data:
                continue
            entry = self.manifest.get(action.key) or {}
            pending = entry.get(MOI_PENDING)
            if pending is not None and self._moi_seen(action.key, entry) != pending:
                self.manifest.put(action.key, _unpending(entry), save=False)
                changed = True
        return changed

    def follow_up(self) -> list[Action]:
        """Once every file is written: the change log of each episode this sync logged a change
        of, written once whatever the number of files changed (`publish.sync.base.run` calls
        this; a run killed before it is repaired by the next one's plan, see `_plan_log`)."""
        touched, self._touched = self._touched, set()
        # The logs the plan left to this step too: one a killed run left short is written
        # even when every file of its episode failed this time.
        touched |= self._foreseen_logs
        logs = [_plan_log(log) for log in self._logs(touched) if _log_due(log)]
        return logs + ([] if self._guide_failed else self._plan_guide())

    def apply(self, action: Action) -> str:
        """Carry out one action; the manifest is saved as soon as it succeeded."""
        self._still_there()
        try:
            self._check_inside(action.key)
            return getattr(self, f"_apply_{action.kind}")(action)
        except OSError as exc:
            # Windows refuses to replace a file Word (or Notepad, a player) has open at the
            # station with "access denied", as it does a read-only one: say what to do about it.
            busy = exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY) and os.path.lexists(
                self.folder / action.key
            )
            hint = (
                f" Tệp {action.key} có thể đang mở trên máy của đài (Word, Notepad…) hoặc bị đặt "
                "chỉ cho đọc: đóng tệp (hay bỏ chỉ đọc) rồi chạy lại; bản đài đang có vẫn nguyên."
                if busy
                else ""
            )
            raise PublishError(
                f"không ghi được vào thư mục đài {self.folder} ({os_reason(exc)}: "
                f"{exc.filename or action.key}). Tệp này chưa được ghi nhận; chạy lại khi thư mục "
                f"ghi được.{hint}"
            ) from None

    def _still_there(self) -> None:
        """Stop the channel when the station folder is gone, or is another folder, since the
        sync began (a share unmounted mid-run, the folder renamed or deleted at the station).

        Writing on would make the folder again on this computer (an unmounted share leaves its
        empty mount point): every script would be recorded as sent while the station has none.
        """
        try:
            found = os.stat(self.folder)
            where = (found.st_dev, found.st_ino) if stat.S_ISDIR(found.st_mode) else None
        except OSError:
            where = None
        if self._where is None:
            self._where = where  # a folder inside the project, made by the first write
            return
        if where == self._where:
            return
        error = RemoteError(
            f"thư mục của đài {self.folder} không còn như lúc bắt đầu đồng bộ (ổ mạng mất kết "
            "nối, hay thư mục bị đổi tên, bị xóa giữa chừng?): dừng lại, không ghi tiếp, để không "
            "tạo lại thư mục ấy trên máy này, nơi đài không đọc. Các tệp ghi xong trước đó đã được "
            "ghi nhận. Cách sửa: gắn lại ổ mạng (hay trả lại thư mục) rồi chạy lại publish sync "
            "radio: lần sau ghi nốt phần còn lại, không ghi trùng."
        )
        error.stops_channel = True  # type: ignore[attr-defined]
        raise error

    def _write(self, path: Path, data: bytes) -> None:
        """Write a file of the station folder atomically, making the folders it needs inside
        it but never the station folder itself (a share lost since `_still_there` looked)."""
        self._still_there()
        if path != self.folder / GUIDE_NAME:
            self._guide_due()
        if self._where is None:
            self.folder.mkdir(parents=True, exist_ok=True)  # inside the project: see _check_folder
        _make_inside(path.parent, self.folder)
        atomic_write_bytes(path, data)
        self._landed()

    def _move(self, source: Path, target: Path) -> None:
        """Move a file inside the station folder, if it is still the one the sync began with."""
        self._still_there()
        self._guide_due()
        _make_inside(target.parent, self.folder)
        _move(source, target, self.folder)
        self._landed()

    def _check_inside(self, path: str) -> None:
        """Refuse a path whose folder is a symlink leading out of the station folder.

        Writes, moves and deletes would follow such a link: a link made at the station (or a
        share mounted oddly) must never let the sync touch files elsewhere on this computer.
        """
        root = self.folder.resolve()
        for candidate in (path, moi_name(path), f"{WITHDRAWN_DIR}/{path}"):
            parent = (self.folder / candidate).parent.resolve()
            if parent != root and root not in parent.parents:
                raise PublishError(
                    f"{(self.folder / candidate).parent} là liên kết (symlink) tới {parent}, nằm ngoài "
                    "thư mục đài: không ghi, không chuyển tệp ra ngoài. Cách sửa: thay liên kết bằng "
                    "một thư mục thật rồi chạy lại."
                )

    def _apply_create(self, action: Action) -> str:
        """Write the built file atomically into the station folder, then record it; a file
        replacing one the station has gets a revision line, and its episode's log the change."""
        if "log" in action.data:
            return self._write_log(action.data["log"])
        if action.data.get("guide"):
            return self._write_guide()
        data = self._built(action)
        old = self._settle(action.key)
        entry, event = self._revision(action, old, self._ledger, _unix_digest(data))
        relaid = action.data.get(RELAID) if old is not None else None
        line = ""
        if relaid is not None:
            line = relaid["line"]  # the station's copy bore it: the words it goes with are kept
        elif entry.get("revision", 1) > 1 and is_marked(action.key):
            previous = recorded_moment(old.get("sent_at")) if old else None
            line = revision_line(entry["revision"], self.site.now, previous)
        elif old is None and is_marked(action.key):
            # Sent again after a withdrawal: its record went with it, so no «SỬA LẦN»; the
            # file itself still tells the staff it is back (and for which episode).
            back = action.data.get(RESENT) or action.data.get(MOVED)
            if back is not None:
                line = resent_line(
                    self.site.now, back, action.data.get("episode", ""), self.config.tz
                )
        if line or relaid is not None:
            if line:
                data = marked(data, line)
                entry["station"] = hashlib.sha256(data).hexdigest()
            # Recorded before the write: a run killed right after it knows the file as ours
            # (a file laid out anew, even without a line: or the rerun would take it for a
            # revision found written, and tell the station to print it again).
            self.manifest.update(
                action.key,
                pending={
                    "station": hashlib.sha256(data).hexdigest(),
                    "entry": entry,
                    "event": event,
                },
            )
        self._step()
        self._write(self.folder / action.key, data)
        self._step()
        self._drop_our_moi(action.key)
        self._clear_withdrawn(action)
        self._record(action.key, entry, event)
        if relaid is not None:
            same = unchanged(relaid.get("causes") or ())
            return f"đã ghi {action.key} (trình bày lại, {same}: không cần in lại)"
        if entry.get("revision", 1) > 1:
            return f"đã ghi {action.key} (sửa lần {entry['revision']}, có ghi ở {LOG_NAME})"
        return f"đã ghi {action.key}"

    _apply_update = _apply_create

    def _apply_verify(self, action: Action) -> str:
        """Record a file that already holds what we were going to write."""
        if "log" in action.data:
            return self._write_log(action.data["log"])
        if "station" in action.data:
            return self._apply_kept(action)
        self._clear_withdrawn(action)
        self._drop_our_moi(action.key)
        self._book_verified(self._ledger, action, self._settle(action.key))
        return f"đã ghi nhận {action.key}"

    def _book_verified(self, book: _Book, action: Action, old: dict[str, Any] | None) -> None:
        """Record a file found holding what we were going to write (`old`: its settled record),
        as a revision when the record says another version."""
        if old is None or old.get("digest") != action.data["digest"]:
            book.record(action.key, *self._revision(action, old, book))
        else:
            # A withdrawal a killed run began, its leftovers cleared: the file stays ours. The
            # .moi copy a killed run was writing beside it is pending no more: removed with the
            # settled conflict (`_drop_our_moi`), or the station's own now.
            tidy = {k: v for k, v in _unpending(old).items() if k != WITHDRAWING}
            if tidy != old:
                book.put(action.key, tidy)

    def _apply_kept(self, action: Action) -> str:
        """Record a station file that holds the build but for the bulletin file names an older
        version wrote: ours for the build (the station's digest beside it, as for a file with
        its revision line), as sent then, with its revision, no log event, nothing written; a
        copy of ours beside it goes, as once any conflict is settled."""
        self._drop_our_moi(action.key)
        self._book_kept(self._ledger, action, self._settle(action.key))
        return f"đã ghi nhận {action.key}, không gửi lại"

    def _book_kept(self, book: _Book, action: Action, old: dict[str, Any] | None) -> None:
        """Record the station's copy that holds the build but for the bulletin file names as
        ours (see `_apply_kept`; `old`: its settled record): a .moi copy a killed run was
        writing beside it is pending no more (removed with the settled conflict, or the
        station's own now), as `_book_verified` has it."""
        entry = {**_unpending(old or {}), **self._entry(action), "station": action.data["station"]}
        if action.data.get("episode"):
            entry["episode"] = action.data["episode"]
        book.record(action.key, entry, None)

    def summary_bucket(self, action: Action) -> str | None:
        """The summary count of a done action: a file recorded as holding the build without a
        write (`_apply_kept`) is one the station has unchanged; a Word script kept along with
        its script.txt's conflict (ALONG) is not a second one; a removal, a killed run's
        temporary file cleared (the only file the radio removes), is no file of the station's."""
        if action.kind == "verify" and "station" in action.data:
            return "unchanged"
        if action.kind == "conflict" and action.data.get(ALONG):
            return None  # kept as its script.txt is: that one's conflict is what staff settle
        if action.kind == "remove":
            return None
        return SUMMARY_BUCKETS.get(action.kind)

    def _settle(self, path: str) -> dict[str, Any] | None:
        """The record of `path`, once a revision a killed run wrote but did not record is
        recorded (its log event with it), or forgotten when it never reached the station."""
        entry = self.manifest.get(path) or {}
        pending = entry.get("pending") or {}
        # Seen as `observe` sees it: a revision the killed run wrote and staff saved again
        # since landed all the same (the plan said so; the record must not lose its line).
        landed = (
            bool(pending)
            and _station_digest(self.folder / path, _sent(entry)) == pending["station"]
        )
        return _settled(self._ledger, path, landed)

    def _revision(
        self, action: Action, old: dict[str, Any] | None, book: _Book, unix: str | None = None
    ) -> tuple[dict[str, Any], Logged]:
        """The record of the version about to be at the station, and the change log events it
        makes (none when the station had no files of the episode yet, or the same version; a
        script withdrawn from another episode the station still has also tells that one;
        `book`: the records to look in; `unix`: the digest of the same text as versions before
        the BOM and CRLF wrote it)."""
        now = self.site.now.isoformat()
        entry = {**self._entry(action), "sent_at": now, "revision": 1}
        if action.data.get("episode"):
            entry["episode"] = action.data["episode"]
        if action.title:
            entry["title"] = action.title
        episode = action.data.get("episode", "")
        if old is not None and old.get("digest") in (action.data["digest"], unix):
            keep: dict[str, Any] = {k: old[k] for k in ("sent_at", "revision") if k in old}
            return {**entry, **keep}, None
        relaid = action.data.get(RELAID)
        if old is not None and relaid is not None:
            # The same words laid out anew (radio_relaid): the version the station printed
            # stands, so does its revision; the log says once that nothing needs printing.
            entry.update({k: old[k] for k in ("sent_at", "revision") if k in old})
            if relaid["station"]:
                entry["station"] = relaid["station"]
            if not episode or not logged(action.key):
                return entry, None
            told = {"at": now, "path": action.key, "title": action.title, "kind": RELAID}
            told["causes"] = relaid.get("causes", [])
            return entry, [{**told, "digest": action.data["digest"], "episode": episode}]
        if not episode or not logged(action.key):
            return entry, None
        event: dict[str, Any] = {
            "at": now,
            "path": action.key,
            "title": action.title,
            "digest": action.data["digest"],
        }
        resent = action.data.get(RESENT) if old is None else None
        moved_from = action.data.get(MOVED) if old is None else None
        # The version it replaces at the station, of the same episode (None: no such version).
        replaced = (
            old if old and old.get("digest") and old.get("episode", episode) == episode else None
        )
        item = PurePosixPath(action.key).parts[0] == "items"
        if item and replaced is None and (resent or moved_from or episode in self._received):
            # An item added, sent again or moved says where it goes in the episode's running
            # order: the presenter slots its printed page among the others.
            place = placed(self._built_rundown(episode), action.key)
            if place is not None:
                event["place"] = place
        moved = _moved(event, moved_from, episode, book)
        # A resend only to the episode it was withdrawn from: the station had it there (even
        # when the whole episode went, so its rundown comes back too), and nowhere else.
        if resent is not None:
            event.update(kind="resent", withdrawn=resent["at"], kept=resent["kept"])
            event["removed"] = resent["removed"]
            if resent.get("kept_moi"):
                event["kept_moi"] = resent["kept_moi"]
        elif replaced is not None:
            entry["revision"] = int(replaced.get("revision", 1)) + 1
            event.update(
                kind="replaced", revision=entry["revision"], previous=replaced.get("sent_at")
            )
        elif item and episode in self._received:
            # Withdrawn from another episode (or one the station had no more), it is news here.
            event["kind"] = "added"
        else:
            return entry, moved or None
        return entry, [{**event, "episode": episode}, *moved]

    def _record(
        self,
        path: str,
        entry: dict[str, Any] | None,
        event: Logged,
        *,
        dropped: str = "",
        copy: dict[str, Any] | None = None,
    ) -> None:
        """Record `path` (None: forget it) with its change log event in one write of the state
        file, forgetting the change log of episode `dropped` with it; the episode's THAY-DOI.txt
        is brought up to date in `follow_up`. A withdrawn `path` keeps where its `copy` went in
        _rut-lai/ (see radio_resent), until it is recorded as sent again."""
        revisions = self._revisions()
        before = copies(self.manifest.meta.get(COPIES))
        kept = dict(before)
        if copy is not None:
            # Those the station has cleared out of _rut-lai/ since are no longer needed.
            kept = self._still_withdrawn(kept)
            kept[path] = copy
        elif entry is not None:
            kept.pop(path, None)
        logs = bool(event) or dropped in revisions
        if not logs and kept == before:
            # A record alone: the journal keeps it (meta changes need the whole file).
            if entry is None:
                self.manifest.remove(path)
            else:
                self.manifest.put(path, entry)
            return
        revisions = _logged(revisions, event, dropped, self._coming)
        if logs or _REVISIONS in self.manifest.meta:
            self.manifest.meta[_REVISIONS] = revisions
        if kept:
            self.manifest.meta[COPIES] = kept
        else:
            self.manifest.meta.pop(COPIES, None)
        if entry is None:
            self.manifest.remove(path, save=False)
        else:
            self.manifest.put(path, entry, save=False)
        self.manifest.save()
        self._touched.update(e["episode"] for e in event or () if e["episode"] in revisions)

    def _coming(self, revisions: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """The change logs worth keeping: those of episodes not aired yet."""
        now = self.site.now
        return {
            episode: record
            for episode, record in sorted(revisions.items())
            if (air := self._folder_air(episode, now)) is not None and air >= now
        }

    def _write_log(self, episode: str) -> str:
        """Write THAY-DOI.txt of a coming episode from the events state/radio.json holds; a log
        the station edited is left alone, the new one goes beside it."""
        record = self._revisions().get(episode)
        path = f"{episode}/{LOG_NAME}"
        data = self._log_data(episode, record) if record is not None else None
        if record is None or data is None:
            return f"không còn thay đổi nào để ghi vào {path}"
        digest = hashlib.sha256(data).hexdigest()
        present = _station_digest(self.folder / path, (*_ours(record), digest))
        if present == digest:
            if record.get("digest") == digest and "pending" not in record:
                return f"{path} đã đủ"
            record.pop("pending", None)
            record["digest"] = digest
            self.manifest.save()
            return f"đã ghi nhận {path}"
        if present is not None and present not in _ours(record):
            moi = moi_name(path)
            if _station_digest(self.folder / moi, (digest,)) == digest:
                return f"đài đã sửa {path}: giữ nguyên; bản mới vẫn ở {moi}"
            self._step()
            self._write(self.folder / moi, data)
            return f"đài đã sửa {path}: giữ nguyên, bản mới ghi vào {moi}"
        # Recorded before the write: a run killed right after it knows the log as ours.
        record["pending"] = digest
        self.manifest.save()
        self._step()
        self._write(self.folder / path, data)
        self._step()
        record["digest"] = record.pop("pending")
        self.manifest.save()
        return f"đã ghi {path}"

    def _apply_conflict(self, action: Action) -> str:
        """Leave the station's file alone and put our version beside it."""
        if "log" in action.data:
            return self._write_log(action.data["log"])
        moi = action.data["moi"]
        data = self._built(action)
        kept = "giữ nguyên tệp của đài" + (
            f" như {action.data[FOLLOWS]} (tính chung một xung đột)"
            if action.data.get(ALONG)
            else ""
        )
        done = f"{kept}; bản mới vẫn ở {moi}"
        entry = self.manifest.get(action.key)
        # One staff only saved again holds this very version: left as they saved it.
        there = self._moi_seen(action.key, entry or {}, action.data["digest"])
        if there != action.data["digest"]:
            # Recorded before the write, as pending: a run killed right after it leaves a copy
            # known as ours, removed with a withdrawal that comes before any rerun. Unrecorded,
            # it read as the station's, and kept the withdrawn text beside their file for good.
            self.manifest.put(action.key, _moi_pending(entry, action))
            self._step()
            self._write(self.folder / moi, data)
            self._step()
            done = f"{kept}; bản mới ghi vào {moi}"
        _book_moi(self._ledger, action, self.site.now.isoformat())
        return self._kept_theirs(action, done)

    def _kept_theirs(self, action: Action, done: str) -> str:
        """`done`, for a conflict whose station copy holds nothing withdrawn; else a person must
        act before the episode airs (NeedsPerson: exit 1, said again by every sync until then)."""
        gone = action.data.get(STILL_WITHDRAWN)
        if not gone:
            return done
        moi = action.data["moi"]
        episode = action.data.get("episode", "")
        air = self._folder_air(episode, self.site.now) if episode else None
        when = f" ({vn_datetime(air.astimezone(self.config.tz))})" if air is not None else ""
        raise NeedsPerson(
            f"{done}; nhưng bản của đài còn nội dung bản tin đã rút ({', '.join(gone)}), có thể "
            f"vẫn được đọc lên sóng. Cần người báo đài trước giờ phát{when}: dùng {moi} thay cho "
            f"{action.key}, hoặc bỏ phần đó khỏi {action.key} rồi xóa {moi}; tới khi đó mỗi lần "
            "đồng bộ đều báo lại"
        )

    def _apply_withdraw(self, action: Action) -> str:
        """Move a script that is no longer built into _rut-lai/ with a note, then forget it."""
        source = self.folder / action.key
        entry = self._settle(action.key) or {}
        done = f"đã xóa {action.key} khỏi sổ"
        moi = self._moi_withdrawal(action, entry)
        if action.data.get("note") is not None and source.exists():
            target = _free_name(self.folder / WITHDRAWN_DIR / action.key)
            note = target.with_name(target.name + NOTE_SUFFIX)
            text = station_text(self._note(action))
            sent = _sent(entry)  # settled: no revision pending in it
            seen, moved, _data = station_read(source, sent)
            entry[WITHDRAWING] = {
                "copy": target.relative_to(self.folder).as_posix(),
                # Only a copy as we wrote it (or only saved again) is ever removed from
                # _rut-lai/, not the station's edit: by its own bytes, which are what move.
                "digest": moved if seen is not None and seen in sent else None,
                "note": note.relative_to(self.folder).as_posix(),
                "note_digest": hashlib.sha256(text).hexdigest(),
                "at": self.site.now.isoformat(),
                "episode": action.data.get("episode", ""),
                "sent": entry.get("digest"),
            }
            if moi is not None:
                entry[WITHDRAWING]["moi"] = {k: v for k, v in moi.items() if k != "text"}
            # Recorded before anything moves: a run killed after the move still knows where.
            self.manifest.update(action.key, **{WITHDRAWING: entry[WITHDRAWING]})
            self._step()
            self._write(note, text)
            self._step()  # a kill here leaves the note without its script: the rerun moves it
            self._move(source, target)
            self._step()
            done = f"đã chuyển vào {target.relative_to(self.folder).as_posix()}"
        self._withdraw_moi(action, moi)
        if PurePosixPath(action.key).name == "rundown.txt":
            self._withdraw_log(PurePosixPath(action.key).parts[0])
        self._book_withdrawn(self._ledger, action, entry)
        return done

    def _clear_withdrawn(self, action: Action) -> None:
        """Once a file withdrawn into _rut-lai/ is sent again: remove the copy and note we left
        there, if they are still as we left them, or, beside a copy the station changed, say in
        our note that the bulletin was sent again (see radio_resent). A send that fails leaves
        them as the withdrawal did; the record of the withdrawal goes with the record of the
        send, so a run killed before it does this again."""
        clear = action.data.get(CLEAR) or {}
        root = self.folder.resolve()
        for path, digest in sorted(clear.get("rewrite", {}).items()):
            note = self.folder / path
            if _digest(note) == digest and _inside(note.parent.resolve(), root):
                self._step()
                self._write(note, resent_note(note.read_bytes(), action.key, self.site.now))
        # The copy before its note: a run killed between them leaves a note the rerun removes.
        removed = sorted(clear.get("remove", {}).items(), key=lambda i: i[0].endswith(NOTE_SUFFIX))
        for path, digest in removed:
            target = self.folder / path
            if _digest(target) == digest and _inside(target.parent.resolve(), root):
                self._still_there()
                self._guide_due()
                self._step()
                target.unlink()
                fsync_folder(target.parent)
                _drop_empty(target.parent, self.folder / WITHDRAWN_DIR)

    def _book_withdrawn(self, book: _Book, action: Action, entry: dict[str, Any]) -> None:
        """Forget a withdrawn file (`entry`: its settled record), with the change log event of
        its episode; a rundown's episode log goes in the same save that forgets it (a run
        killed between the two would leave a record no later run looks at again)."""
        episode = ""
        if PurePosixPath(action.key).name == "rundown.txt":
            episode = PurePosixPath(action.key).parts[0]
        event = self._withdrawal(action, entry, book)
        copy = copy_record(entry.get(WITHDRAWING))
        book.record(action.key, None, event, dropped=episode, copy=copy)

    def _moi_withdrawal(self, action: Action, entry: dict[str, Any]) -> dict[str, Any] | None:
        """Where the .moi copy we wrote beside a withdrawn file goes in _rut-lai/ with it, and
        the note of one the station edited (it still holds the withdrawn text); None when
        there is none of ours: recorded with the withdrawal before anything moves, so that the
        copy is cleared out too when the file is sent again (see radio_resent)."""
        found, raw, _data = station_read(self.folder / moi_name(action.key), _moi_ours(entry))
        ours = _moi_written(entry, found)
        if not ours or found in (None, OTHER):
            return None
        target = _free_name(self.folder / WITHDRAWN_DIR / moi_name(action.key))
        note = target.with_name(target.name + NOTE_SUFFIX)
        text = None
        if found != ours:
            why = action.data.get("note") or action.data.get("why") or NO_LONGER_SENT
            text = station_text(self._note(action, why, moi_name(action.key)))
        return {
            "copy": target.relative_to(self.folder).as_posix(),
            # By its own bytes, which are what move (see `_apply_withdraw`).
            "digest": raw if found == ours else None,
            "note": note.relative_to(self.folder).as_posix(),
            "note_digest": hashlib.sha256(text).hexdigest() if text is not None else None,
            "text": text,
        }

    def _withdraw_moi(self, action: Action, moi: dict[str, Any] | None) -> None:
        """Move the .moi copy we wrote beside a withdrawn file into _rut-lai/ too (`moi`: see
        `_moi_withdrawal`); one the station edited goes with a note of its own."""
        if moi is None:
            return
        if moi["text"] is not None:
            self._step()
            self._write(self.folder / moi["note"], moi["text"])
            self._step()  # a kill here leaves the note without its copy: the rerun moves it
        self._move(self.folder / moi_name(action.key), self.folder / moi["copy"])

    def _withdraw_log(self, episode: str) -> None:
        """With its episode withdrawn, its change log goes to _rut-lai/ too (if as we wrote it);
        its record is dropped by the `_record` that forgets the rundown."""
        record = self._revisions().get(episode)
        if record is None:
            return
        log = self.folder / episode / LOG_NAME
        ours = _ours(record)
        if _station_digest(log, ours) in ours:
            self._move(log, _free_name(self.folder / WITHDRAWN_DIR / episode / LOG_NAME))

    def _withdrawal(self, action: Action, entry: dict[str, Any], book: _Book) -> Logged:
        """The change log event of an item script the station had for a coming episode that
        still airs (None for anything else: a whole episode withdrawn has no log to go in, and
        one whose rundown is withdrawn, or was never recorded, is no episode the station has;
        `book`: the records to look in)."""
        episode = action.data.get("episode", "")
        if not episode or not entry.get("digest") or PurePosixPath(action.key).parts[0] != "items":
            return None
        if book.get(f"{episode}/rundown.txt") is None:
            return None  # else its log, dropped with the rundown, came back in the same run
        return [
            {
                "at": self.site.now.isoformat(),
                "kind": "withdrawn",
                "path": action.key,
                "title": action.title or entry.get("title", ""),
                "digest": entry["digest"],
                "episode": episode,
            }
        ]

    def _apply_forget(self, action: Action) -> str:
        """Drop the record of a file nothing will need again; the station folder is not touched."""
        self.manifest.remove(action.key)
        return f"đã xóa {action.key} khỏi sổ"

    def _apply_remove(self, action: Action) -> str:
        """Delete a temporary file a killed run left behind."""
        (self.folder / action.key).unlink(missing_ok=True)
        return f"đã xóa tệp tạm {action.key}"

    def _built(self, action: Action) -> bytes:
        """The built file's bytes, checked against the digest the plan saw."""
        data = (self.local_dir / action.key).read_bytes()
        if hashlib.sha256(data).hexdigest() != action.data["digest"]:
            raise PublishError(
                f"output/{CHANNEL}/{action.key} đã thay đổi trong lúc đồng bộ; chạy lại lệnh sync."
            )
        return data

    def _entry(self, action: Action) -> dict[str, Any]:
        """The manifest record for a file we wrote (or found already written)."""
        return {"digest": action.data["digest"], "bulletins": action.data["bulletins"]}

    def _drop_our_moi(self, path: str) -> None:
        """Remove the .moi file we wrote earlier once the conflict is resolved (only if ours:
        as we wrote it, or only saved again since). Its record names it first as a copy of
        ours that may still be there (MOI_PENDING alone): a run killed right after removing
        it leaves no record of a copy the station seems to have deleted, for which
        `_conflict` keeps the station's file and never puts that version beside it again."""
        entry = self.manifest.get(path) or {}
        ours = _moi_ours(entry)
        found = self._moi_seen(path, entry) if ours else None
        if found is None or found not in ours:
            return
        self.manifest.put(path, {**_without_moi(entry), MOI_PENDING: found})
        self._step()
        (self.folder / moi_name(path)).unlink()
        self._step()

    def _note(self, action: Action, why: str | None = None, path: str | None = None) -> str:
        """The note left beside a withdrawn script (or `path`, its .moi copy), for the
        station's staff."""
        return (
            f"Tệp: {path or action.key}\n"
            + (f"Bản tin: «{action.title}»\n" if action.title else "")
            + f"Rút lại lúc: {vn_datetime(self.site.now)}\n"
            f"Lý do: {why or action.data['note']}.\n"
            "Tệp này do phần mềm của Công an chuyển vào đây vì không còn được phát. "
            "Xin đừng phát tệp này.\n"
        )

    def _step(self) -> None:
        """Pause, or wait to be killed, for crash-safety tests (PUBLISH_RADIO_TEST_PAUSE,
        PUBLISH_RADIO_TEST_HOLD); no effect otherwise."""
        self._steps += 1
        if self.pause:
            time.sleep(self.pause)
        if not _test_hooks():
            return
        step, _, marker = os.environ.get(ENV_HOLD, "").partition(":")
        if marker and step == str(self._steps):
            Path(marker).touch()
            time.sleep(600)

    def _check_folder(self) -> None:
        """A missing share or a read-only folder stops the sync before anything is done."""
        folder = self.folder
        before = self.manifest.meta.get(_FOLDER)
        self._moves = _moves(self.manifest.meta.get(_MOVES))
        if isinstance(before, str) and before != self._folder_record():
            self._folder_changed = f"state/radio.json ghi {before}, nay là {self._folder_record()}"
            self._moves.append({"from": before, "at": self.site.now.isoformat()})
        if folder.is_dir():
            # Windows keeps only a read-only flag, which it sets on folders that are writable
            # all the same (a customised folder's icon): the access check alone tells there.
            mode = folder.stat().st_mode if sys.platform != "win32" else 0o777
            # Checked in a dry run too: its plan compares against the files in there.
            if not os.access(folder, os.R_OK | os.X_OK) or not mode & 0o444:
                raise PublishError(
                    f"không đọc được thư mục của đài {folder} (không có quyền đọc). Chưa có gì thay "
                    "đổi. Cách sửa: cấp quyền đọc và ghi cho thư mục (hoặc gắn lại ổ mạng) rồi chạy lại."
                )
            if not self.dry_run and (not os.access(folder, os.W_OK) or not mode & 0o222):
                raise PublishError(
                    f"thư mục của đài {folder} chỉ cho đọc, không ghi được. Chưa có gì thay đổi. "
                    "Cách sửa: cấp quyền ghi cho thư mục (hoặc gắn lại ổ mạng ở chế độ ghi) rồi chạy lại."
                )
            found = folder.stat()
            self._where = (found.st_dev, found.st_ino)
            self._check_mounted()
            return
        if folder.exists():
            where = (
                f"biến môi trường {ENV_FOLDER}"
                if os.environ.get(ENV_FOLDER)
                else "[radio] folder trong site.toml"
            )
            raise PublishError(f"{folder} không phải là thư mục. Sửa {where}.")
        if not _inside(folder, self.config.root):
            # Exit 3, as the share's empty mount point (_check_mounted): a share not mounted
            # (on Windows and macOS its path is then gone) is one to try again later.
            raise RemoteError(
                f"không tìm thấy thư mục của đài {folder} (ổ mạng chưa gắn?). Chưa có gì thay đổi. "
                f"Cách sửa: gắn ổ mạng hoặc tạo thư mục, hoặc sửa [radio] folder / biến {ENV_FOLDER}."
            )
        # A folder inside the project (a local demo or export folder) is created on first write.
        self._note_folder()

    def _check_mounted(self) -> None:
        """Stop when state/radio.json says the station holds files of coming episodes (or the
        guide) and the folder, the one the last sync wrote to, holds none of what it records:
        the share's empty mount point.

        Synced into it, every script would be recorded as sent where the station never reads,
        and a withdrawn bulletin's record dropped as «already gone» while the real share still
        holds its script. A station that deleted only some files (or only the guide) is no
        empty mount point: the sync puts them back as before. Another folder than the last
        sync's is a move ([radio] folder or PUBLISH_RADIO_DIR changed on purpose) only while
        the last one can be read and still holds files it records: everything is written to
        the new one, and that is said. Otherwise it is the share not mounted here (or mounted
        at a path spelt otherwise than on the machine of the last sync): stopped the same."""
        current = self._folder_record()
        before = self.manifest.meta.get(_FOLDER)
        moves = self.manifest.meta.get(_MOVES)
        moving = self.manifest.meta.get(_MOVING)
        kept = before  # what state/radio.json records, restored when the sync stops
        self._note_folder()
        if self.reconcile:
            return
        now = self.site.now
        entries = self.manifest.entries()
        coming = [
            path
            for path, entry in entries.items()
            if (air := self._folder_air(entry_episode(path, entry), now)) is not None and air >= now
        ]
        guide = self._guide_record().get("digest")
        if not coming and not guide:
            return
        recorded = [*entries, *(moi_name(path) for path in entries)]
        recorded += [GUIDE_NAME] if guide else []
        moved = isinstance(before, str) and before != current
        if any(os.path.lexists(self.folder / path) for path in recorded):
            # Another folder's records: the same names with other texts are no station's edits.
            unlike = self._unlike_records(coming, entries) if moved else []
            if unlike:
                self._keep_folder(kept, moves, moving)
                error = RemoteError(_not_this_folder(before, current, unlike))
                error.stops_channel = True  # type: ignore[attr-defined]
                raise error
            if not self.dry_run and (before != current or moving is not None):
                # A move by copying: record the new folder now, not at the next write, or the
                # new share found empty meanwhile would pass for a move while the old copy lasts.
                self.manifest.meta.pop(_MOVING, None)
                self.manifest.save()
            return
        if not moved and isinstance(moving, str) and moving != current:
            # A move a killed run recorded before anything landed here: still that move.
            moved, before = True, moving
            self._folder_changed = f"state/radio.json ghi {before}, nay là {current}"
        if moved and _holds_any(self.config.root / str(before), recorded):
            self._move_note = (
                f"thư mục của đài đã đổi từ {before} sang {current}: coi là chuyển thư mục có "
                "chủ ý, ghi mọi kịch bản của các tập sắp phát vào thư mục mới (thư mục cũ để "
                f"nguyên). {_TRIAL_HINT.format(before=before)}"
            )
            return
        self._keep_folder(kept, moves, moving)
        told = f"{len(coming)} tệp của tập sắp phát, ví dụ {min(coming)}" if coming else GUIDE_NAME
        if moved:
            error = RemoteError(_not_moved(before, current, told))
            error.stops_channel = True  # type: ignore[attr-defined]
            raise error
        error = RemoteError(
            f"thư mục của đài {self.folder} không có tệp nào state/radio.json ghi là đã gửi "
            f"({told}): có lẽ ổ mạng của đài chưa gắn và đây chỉ là thư mục trống trên máy này. "
            "Dừng lại, chưa ghi gì: ghi vào đây thì đài không đọc được, và kịch bản đã rút vẫn "
            "nằm trong thư mục thật của đài. Cách sửa: kiểm tra ổ mạng của đài đã gắn chưa (mở "
            "thư mục xem có kịch bản không) và đường dẫn có đúng không, gắn lại rồi chạy lại. "
            "Nếu đúng là đài đã xóa hết các tệp ấy, hay đổi thư mục có chủ ý (sang một thư mục "
            "trống), chạy publish sync radio --reconcile để ghi lại toàn bộ."
        )
        error.stops_channel = True  # type: ignore[attr-defined]
        raise error

    def _note_folder(self) -> None:
        """Record this station folder in state/radio.json's meta, with the changes of folder
        seen (saved with the next write; `_keep_folder` undoes it when the sync stops)."""
        if not self.dry_run:
            before = self.manifest.meta.get(_FOLDER)
            if isinstance(before, str) and before != self._folder_record():
                self.manifest.meta[_MOVING] = before  # until a file lands (see `_landed`)
            self.manifest.meta[_FOLDER] = self._folder_record()
            if self._moves:
                self.manifest.meta[_MOVES] = self._moves

    def _landed(self) -> None:
        """A file was written or moved in the station folder: a move to it is no longer one
        that nothing reached (see _MOVING); saved with the next save."""
        self.manifest.meta.pop(_MOVING, None)

    def _keep_folder(self, before: object, moves: object, moving: object) -> None:
        """Leave state/radio.json's station folder (and its changes) as they were: the sync
        stops, and the folder of the files recorded is still the last one."""
        if self.dry_run:
            return
        for key, value in ((_FOLDER, before), (_MOVES, moves), (_MOVING, moving)):
            self.manifest.meta.pop(key, None)
            if value is not None:
                self.manifest.meta[key] = value

    def _unlike_records(
        self, paths: Iterable[str], entries: Mapping[str, Mapping[str, Any]]
    ) -> list[str]:
        """Those of `paths` the station folder holds with a text other than any state/radio.json
        records as sent (or as about to be)."""
        unlike = []
        for path in sorted(paths):
            ours = _sent(entries[path])
            found = _station_digest(self.folder / path, ours)
            if found is not None and found not in ours:
                unlike.append(path)
        return unlike

    def _folder_record(self) -> str:
        """The station folder as state/radio.json records it: from the project when inside
        it (a CI checkout's path changes every run), else its absolute path."""
        if _inside(self.folder, self.config.root):
            return self.folder.resolve().relative_to(self.config.root.resolve()).as_posix()
        return os.path.abspath(self.folder)

    def _local_files(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Built files: path → (sha256, bulletin keys); draft audio, the editors' notes and
        hidden files are skipped."""
        result: dict[str, tuple[str, tuple[str, ...]]] = {}
        episodes: dict[str, tuple[str, ...]] = {}
        if not self.local_dir.is_dir():
            return result
        for file in sorted(self.local_dir.rglob("*")):
            rel = file.relative_to(self.local_dir)
            if file.is_dir() or rel.parts[0] in LOCAL_SKIP or rel.name.startswith("."):
                continue
            if rel.name == EDITOR_NOTES:
                continue  # the unit's editors', beside the rundown: the station never gets it
            keys = (rel.stem,) if rel.parts[0] == "items" else episodes.get(rel.parts[0])
            if keys is None:
                keys = episodes[rel.parts[0]] = self._episode_keys(rel.parts[0])
            result[rel.as_posix()] = (_digest(file) or "", keys)
        return result

    def _episode_keys(self, week: str) -> tuple[str, ...]:
        """Bulletin keys of an episode folder, from its rundown.json (their titles noted)."""
        try:
            document = json.loads((self.local_dir / week / "rundown.json").read_text("utf-8"))
            items = [i for i in document.get("items", []) if i.get("key")]
            self._built_titles.update(
                {i["key"]: i["title"] for i in items if isinstance(i.get("title"), str)}
            )
            self._before_air.update(
                {i["key"]: when for i in items if (when := _before_air_of(i)) is not None}
            )
            return tuple(i["key"] for i in items)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return ()

    def _stale_temps(self, files: Iterable[FileState]) -> tuple[str, ...]:
        """Temporary files of atomic writes cut short by a kill: named after our files or notes."""
        ours: dict[PurePosixPath, set[str]] = {}
        for state in files:
            for name in (state.path, moi_name(state.path)):
                pure = PurePosixPath(name)
                ours.setdefault(pure.parent, set()).add(pure.name)
            if PurePosixPath(state.path).parts[0] != "items":
                log = PurePosixPath(state.path).with_name(LOG_NAME)
                ours.setdefault(log.parent, set()).update({log.name, moi_name(log.name)})
        ours.setdefault(PurePosixPath("."), set()).add(GUIDE_NAME)
        found = [
            temp
            for parent, names in ours.items()
            for temp, name in self._temps_in(parent)
            if name in names
        ]
        withdrawn = self.folder / WITHDRAWN_DIR
        if withdrawn.is_dir():
            for folder in [withdrawn, *(p for p in withdrawn.rglob("*") if p.is_dir())]:
                parent = PurePosixPath(folder.relative_to(self.folder).as_posix())
                found += [t for t, name in self._temps_in(parent) if name.endswith(NOTE_SUFFIX)]
        return tuple(sorted(found))

    def _temps_in(self, parent: PurePosixPath) -> list[tuple[str, str]]:
        """(path, name it was meant to become) of every temp-named file in one station folder."""
        folder = self.folder / parent
        if not folder.is_dir():
            return []
        result = []
        for child in folder.iterdir():
            match = _TEMP_RE.match(child.name)
            if match and child.is_file():
                result.append(((parent / child.name).as_posix(), match["name"]))
        return result

    def _reasons(self) -> tuple[dict[str, str], dict[str, str]]:
        """Why each bulletin that is not on the radio is off it: for the plan the editor
        reads, and in the station's words (Observed.told)."""
        reasons = {e.bulletin.key: _station_reason(e) for e in self.site.excluded}
        told = {
            e.bulletin.key: STATION_WORDS.get(e.code, reasons[e.bulletin.key])
            for e in self.site.excluded
        }
        for bulletin in self.site.bulletins:
            if CHANNEL not in bulletin.channels:
                reasons[bulletin.key] = "không còn gửi kênh phát thanh (mục channels)"
                told[bulletin.key] = OFF_RADIO
            else:
                reasons[bulletin.key] = told[bulletin.key] = ELSEWHERE
        from publish.render.radio import held_reasons, item_keys  # assembles: only here

        held = held_reasons(self.site)
        reasons.update(held)
        told.update(held)
        built = item_keys(self.site)
        reasons.update(_renamed(self.site.bulletins, built, reasons))
        told.update(_renamed(self.site.bulletins, built, told, station=True))
        return reasons, told

    def _awaited(
        self, files: Sequence[FileState], told: dict[str, str], standing: Collection[str]
    ) -> dict[str, str]:
        """Why each withdrawn episode that listed no bulletin of its own (its rundown only
        announced scheduled ones) gets none of them now, told by the publish times the
        station's rundown.json announced: the station was told nothing else of them, so the
        bulletin is not named either (`told`: Observed.told; `standing`: Observed.standing, an
        episode still built being no withdrawn one)."""
        folders = {
            f.episode
            for f in files
            if f.local is None
            and not f.bulletins
            and f.episode
            and f.episode not in standing
            and not _aired(f, self.site.now)
        }
        if not folders:
            return {}
        from publish.render.radio import unbuilt_extras, withheld_reasons  # assembles: only here

        withheld = withheld_reasons(self.site)
        unbuilt = unbuilt_extras(self.site)
        excluded = {e.bulletin.key: e for e in self.site.excluded}
        by_time = {
            b.date: b.key for b in (*self.site.bulletins, *(e.bulletin for e in excluded.values()))
        }
        found = {}
        for folder in sorted(folders):
            said = []
            for moment in _announced(_station_rundown(self.folder / folder / "rundown.json")):
                key = by_time.get(moment)
                held = excluded.get(key or "")
                if key is None:
                    why = f"{WITHDRAWN_BY_UNIT}, hoặc đã đổi giờ đăng"
                elif unbuilt.get(key or "") == folder:
                    # Still set for this extra broadcast, sent before it was public by an
                    # older version: it comes back with the bulletin, it did not move.
                    why = "chưa đến giờ đăng: tập được gửi lại khi bản tin được đăng"
                elif held and held.code == "scheduled" and CHANNEL in held.bulletin.channels:
                    # Published later, it joins no episode at all: never one it «moved to».
                    why = withheld.get(key, "đã dời sang buổi phát khác")
                else:
                    why = told.get(key, "không còn vào tập này")
                said.append(f"đăng lúc {vn_datetime(moment.astimezone(self.config.tz))}: {why}")
            if len(said) == 1:
                found[folder] = f"chỉ chờ một bản tin hẹn giờ, {said[0]}"
            elif said:
                found[folder] = "chỉ chờ các bản tin hẹn giờ: " + "; ".join(said)
        return found


def _moved(
    event: dict[str, Any], moved: dict[str, Any] | None, episode: str, book: _Book
) -> list[dict[str, Any]]:
    """The event the change log of the episode a script was withdrawn from gets when it is
    sent again for another `episode` (`event`: the send's, `moved`: its MOVED data): the
    station is told the file back in items/ is not for that episode, and what became of the
    copy in _rut-lai/; none for no such send, one from an episode not known, or from one the
    station no longer has (aired, or withdrawn: its rundown is not recorded in `book`)."""
    if moved is None or not moved["from"] or book.get(f"{moved['from']}/rundown.txt") is None:
        return []
    return [
        {
            **event,
            "kind": MOVED,
            "to": episode,
            "withdrawn": moved["at"],
            "kept": moved["kept"],
            "removed": moved["removed"],
            **({"kept_moi": moved["kept_moi"]} if moved.get("kept_moi") else {}),
            "episode": moved["from"],
        }
    ]


def _settled(book: _Book, path: str, landed: bool) -> dict[str, Any] | None:
    """The record of `path` in `book` once the revision a killed run wrote and did not record
    is recorded, its log event with it, when it `landed` in the station folder; else forgotten."""
    old = book.get(path)
    pending = (old or {}).pop("pending", None)
    if not pending:
        return old
    if landed:
        event = pending["event"]
        # Older versions left a single event (a dict) pending.
        book.record(path, pending["entry"], [event] if isinstance(event, dict) else event)
        return dict(pending["entry"])
    if not old:
        # A first send (a script sent again after its withdrawal) that never landed.
        book.record(path, None, None)
        return None
    book.put(path, old)
    return old


def _moi_paths(record: Mapping[str, Any]) -> tuple[str, ...]:
    """Where a withdrawal record says our .moi copy and its note went (none when it moved no
    such copy, or the record is not well formed)."""
    moi = record.get("moi")
    if not isinstance(moi, dict):
        return ()
    return tuple(v for k in ("copy", "note") if isinstance(v := moi.get(k), str))


def _moves(value: object) -> list[dict[str, str]]:
    """The station folder's changes state/radio.json records (see _MOVES); [] when none or
    unreadable (a hand edit)."""
    if not isinstance(value, list):
        return []
    return [
        {"from": move["from"], "at": move["at"]}
        for move in value
        if isinstance(move, dict)
        and isinstance(move.get("from"), str)
        and recorded_moment(move.get("at")) is not None
    ]


def _still_withdrawn(
    events: Sequence[dict[str, Any]], off: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The withdrawal events `off` the episode (see _off_episode) of its log `events` that are
    still so: not sent again for it since (no later event of its path here), so the guide may
    say not to read it. Recorded for another episode, it is still off this one: a later
    «moved» event here tells that one instead."""
    last = {e.get("path"): e for e in events}
    return [e for e in off if last[e.get("path")] is e]


def _off_episode(
    events: Sequence[dict[str, Any]], entries: Mapping[str, Any], week: str
) -> list[dict[str, Any]]:
    """The withdrawal events of episode `week`'s log whose script is not back in it, told
    otherwise since or not (moved to another episode): what a script of the week the station
    edited must not still hold."""
    return [e for e in events if e.get("kind") == "withdrawn" and not _back_in(e, entries, week)]


def _back_in(event: dict[str, Any], entries: Mapping[str, Any], week: str) -> bool:
    """Whether the script of a withdrawal event is recorded as sent for episode `week` again."""
    path = str(event.get("path"))
    return path in entries and entry_episode(path, entries[path]) == week


def _resent(
    events: Sequence[dict[str, Any]], entries: Mapping[str, Any]
) -> tuple[tuple[str, str], ...]:
    """The item scripts of an episode's log sent again after a withdrawal and still there (not
    withdrawn again since): (title and file, the withdrawn copies left in _rut-lai/ or "")."""
    return _still_standing(
        events,
        "resent",
        lambda event: " và ".join(str(event[k]) for k in ("kept", "kept_moi") if event.get(k)),
        lambda path, _event, later: (
            path in entries
            and path.startswith("items/")
            and not any(
                e.get("path") == path and e.get("kind") in ("withdrawn", "resent") for e in later
            )
        ),
    )


def _moved_away(
    events: Sequence[dict[str, Any]], entries: Mapping[str, Any]
) -> tuple[tuple[str, str], ...]:
    """The item scripts of an episode's log withdrawn from it and sent for another episode,
    still there for that one (nothing of theirs logged here since): (title and file, the
    folder of that episode)."""
    return _still_standing(
        events,
        MOVED,
        lambda event: str(event.get("to") or ""),
        lambda path, event, later: (
            bool(event.get("to"))
            and (entries.get(path) or {}).get("episode") == event["to"]
            and not any(e.get("path") == path for e in later)
        ),
    )


def _still_standing(
    events: Sequence[dict[str, Any]],
    kind: str,
    told: Callable[[dict[str, Any]], str],
    standing: Callable[[str, dict[str, Any], Sequence[dict[str, Any]]], bool],
) -> tuple[tuple[str, str], ...]:
    """(title and file, what `told` says of the event) of each `kind` event of an episode's
    log that `standing` (given its path, the event and the events after it) says still holds."""
    found = []
    for index, event in enumerate(events):
        path = str(event.get("path"))
        if event.get("kind") == kind and standing(path, event, events[index + 1 :]):
            found.append((titled(path, event.get("title")), told(event)))
    return tuple(found)


def _kept_withdrawn(
    week: str, beside: Mapping[str, Any], gone: Sequence[dict[str, Any]]
) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The episode's scripts the station edited that still hold bulletins withdrawn from it
    (our version is still `beside` them as .moi): (file, .moi file, titles), for the guide to
    name them."""
    titles = {PurePosixPath(str(e.get("path"))).stem: e.get("title") for e in gone}
    found = []
    for name in EPISODE_SCRIPTS:
        path = f"{week}/{name}"
        entry = beside.get(path) or {}
        keys = [k for k in entry.get("bulletins") or () if k in titles]
        if keys:
            named = tuple(f"«{titles[k]}»" if titles[k] else f"items/{k}.txt" for k in keys)
            found.append((path, moi_name(path), named))
    return tuple(found)


def _edited_beside(
    week: str, beside: Mapping[str, Any], kept: Collection[str]
) -> tuple[tuple[str, str], ...]:
    """The episode's files (its item scripts by the episode their record names) the station
    edited with our newer version still `beside` them, but for those `kept` with a withdrawn
    bulletin in them (the guide tells those apart): (file, .moi file)."""
    return tuple(
        (path, moi_name(path))
        for path, entry in beside.items()
        if entry_episode(path, entry) == week and path not in kept and not entry.get(FOLLOWS)
    )


def _followed_beside(week: str, beside: Mapping[str, Any]) -> tuple[tuple[str, str, str], ...]:
    """The episode's Word script kept because the station edited its text, our newer version
    still `beside` it: (file, .moi file, that text)."""
    return tuple(
        (path, moi_name(path), str(entry[FOLLOWS]))
        for path, entry in beside.items()
        if entry_episode(path, entry) == week and entry.get(FOLLOWS)
    )


def _moi_named(episodes: Sequence[Episode]) -> list[str]:
    """The .moi files the guide telling `episodes` sends the staff to, sorted."""
    kept = [moi for e in episodes for _path, moi, _titles in e.kept]
    followed = [moi for e in episodes for _path, moi, _text in e.followed]
    return sorted(kept + followed + [moi for e in episodes for _path, moi in e.edited])


def _stale_named(episodes: Sequence[Episode]) -> list[str]:
    """The Word scripts the guide telling `episodes` names as not our latest, sorted."""
    return sorted(path for e in episodes for path, _text, _sent in e.stale)


def _guide_entry(digest: str, moi: list[str], stale: list[str]) -> dict[str, Any]:
    """What state/radio.json keeps of the guide written: its digest, the .moi files it names
    and the Word scripts it names stale (_STALE)."""
    return {"digest": digest, "moi": moi, _STALE: stale}


def _test_hooks() -> bool:
    """Whether the crash-safety tests' hooks (ENV_PAUSE, ENV_HOLD) may act (base.test_hooks_allowed)."""
    return test_hooks_allowed(os.environ)


def _test_pause() -> float:
    """The pause ENV_PAUSE asks for around every file step: 0 outside the tests, or when it is
    not a number of seconds from 0 to 60."""
    if not _test_hooks():
        return 0.0
    try:
        pause = float(os.environ.get(ENV_PAUSE) or 0)
    except ValueError:
        return 0.0
    return pause if 0 <= pause <= 60 else 0.0


def folder_air(
    folder: str, now: dt.datetime, config: Config, kept: Mapping[str, KeptRates]
) -> dt.datetime | None:
    """The air time of the episode in `folder` ("2024-W50", "2024-W50-2024-12-11"): once
    past, the one it was last sent with (`kept`, state/radio-rates.json), so that a change of
    [radio] air_weekday or air_time never makes an aired episode one to come; else the
    one the settings give its folder (aired too, when that is already past)."""
    rates = kept.get(folder)
    if rates is not None and rates.air < now:
        return rates.air
    match = _EPISODE_FOLDER.match(folder)
    if match is None:
        return None
    year, week, *date = match.groups()
    try:
        if date[0] is not None:
            day = dt.date(int(date[0]), int(date[1]), int(date[2]))
        else:
            day = dt.date.fromisocalendar(int(year), int(week), config.radio.air_weekday)
    except ValueError:
        return None
    return air_at(day, config)


def _last_withdrawn(path: str, revisions: Revisions) -> tuple[str, dict[str, Any]] | None:
    """The episode and change log event of the last thing the logs tell of `path`, when that
    is its withdrawal (None otherwise)."""
    last = max(
        ((week, e) for week, r in revisions.items() for e in r["events"] if e.get("path") == path),
        key=lambda pair: (
            recorded_moment(pair[1].get("at")) or dt.datetime.min.replace(tzinfo=dt.UTC)
        ),
        default=None,
    )
    return last if last is not None and last[1].get("kind") == "withdrawn" else None


def entry_episode(path: str, entry: dict[str, Any]) -> str:
    """The episode folder a recorded file belongs to: an item's as recorded, else its folder."""
    top = PurePosixPath(path).parts[0]
    if top == "items":
        return str(entry.get("episode") or "")
    return top


def _station_rundown(path: Path) -> dict[str, Any]:
    """An episode's rundown.json for the station at `path`, in the station folder or in the
    build output that sends it ({} when absent or unreadable)."""
    try:
        document = json.loads(path.read_text("utf-8-sig"))
    except (OSError, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


def _announced(rundown: dict[str, Any]) -> list[dt.datetime]:
    """The publish times of the scheduled bulletins a rundown.json announced ([] when it
    announced none or cannot be read)."""
    try:
        return [dt.datetime.fromisoformat(t) for t in rundown["scheduled"]["available_at"]]
    except (ValueError, TypeError, KeyError):
        return []


def _listing(
    rundown: dict[str, Any], entries: Mapping[str, Any]
) -> tuple[tuple[str, str, str], ...]:
    """The items of an episode's rundown.json in air order: (its number such as A3, title,
    item script), for each item whose script state/radio.json records as sent (a withdrawn
    one, gone to _rut-lai/, is never listed)."""
    rows = rundown.get("items")
    found = []
    for row in rows if isinstance(rows, list) else ():
        if not isinstance(row, dict) or not isinstance(row.get("no"), str):
            continue
        path = f"items/{row.get('key')}.txt"
        if row.get("key") and path in entries:
            found.append((row["no"], str(row.get("title") or row.get("slug") or ""), path))
    return tuple(found)


def _station_reason(excluded: Exclusion) -> str:
    """Why a held-back bulletin is off the radio, as the station reads it: what holds an
    approval is the unit's business (its reason names the field and the command the editor
    runs), so the station is told the cause alone (STATION_HOLDS)."""
    if excluded.code == "unapproved":
        return STATION_HOLDS[excluded.cause]
    return excluded.reason


def _title(
    keys: tuple[str, ...],
    titles: dict[str, str],
    entry: dict[str, Any],
    built: dict[str, str],
    *,
    gone: bool = False,
) -> str:
    """The bulletin title of an item script: from content/, else as recorded when it was sent;
    a correction item's as the item says it (the title its listeners heard, the bulletin's
    current one only when nothing else tells it). One no longer built (`gone`) is named as it
    was sent: the station knows it by that title, and a held bulletin's title in content/ may
    be the very text held back, which the station was never sent."""
    if len(keys) != 1:
        return ""
    if gone and entry.get("title"):
        return str(entry["title"])
    key = keys[0]
    base = corrected_key(key)
    if base != key:
        said = built.get(key) or str(entry.get("title") or "")
        if said or base not in titles:
            return said
        return f"{HEADING}: {titles[base]}"
    return titles.get(key) or str(entry.get("title") or "")


def _ours(record: dict[str, Any]) -> tuple[str, ...]:
    """Digests of the change logs we wrote to the station, or began to write."""
    return tuple(d for d in (record.get("digest"), record.get("pending")) if isinstance(d, str))


def _sent(entry: Mapping[str, Any]) -> tuple[str, ...]:
    """Digests of what we wrote to a recorded file: the version recorded, as the station holds
    it (with the line a sync put under its first line), and the revision a killed run wrote
    without recording it (`pending`)."""
    pending = entry.get("pending")
    found = (
        entry.get("digest"),
        entry.get("station"),
        pending.get("station") if isinstance(pending, dict) else None,
    )
    return tuple(d for d in found if isinstance(d, str))


def _reported(value: object) -> dict[str, str]:
    """The never-sent items state/radio.json says were told of ({} when unreadable)."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def _unix_digest(data: bytes) -> str | None:
    """The digest a station .txt file had when versions before the BOM and CRLF wrote it: the
    same text, so its first sync since is no revision to tell the station of. None for any other
    file."""
    if not data.startswith(b"\xef\xbb\xbf"):
        return None
    return hashlib.sha256(data[3:].replace(b"\r\n", b"\n")).hexdigest()


def _check_manifest_path(path: str, manifest: Path) -> None:
    """A state entry must name a file inside the station folder (never `..` or an absolute path)."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or not pure.parts or any(p in ("", ".", "..") for p in pure.parts):
        raise PublishError(
            f"{manifest}: mục {quoted(path)} không phải đường dẫn trong thư mục đài; không làm gì để tránh "
            "đụng tới tệp khác. Cách sửa: khôi phục tệp trạng thái từ git."
        )


def _digest(path: Path) -> str | None:
    """sha256 of a regular file; None when absent; OTHER for a folder or special file."""
    return file_held(path)[0]


def _station_digest(path: Path, ours: Collection[str | None]) -> str | None:
    """The digest of the station's file `path` as compared with `ours` (the digests of what we
    wrote there, or were about to): a .txt staff only opened and saved again reads as the one of
    ours it holds (`as_sent`), wherever it is compared."""
    return station_read(path, ours)[0]


def _move(source: Path, target: Path, station: Path) -> None:
    """Move a file of the station folder to `target` in it, making the folders it needs, so
    that the move outlasts a power cut before the state file forgets `source`."""
    # Unsynced, the rename could be undone by a power cut after state/radio.json forgot the
    # file: the withdrawn script back in place would then read as the station's own, and stay.
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    fsync_folder(source.parent)
    folder = target.parent
    while folder != station and station in folder.parents:
        fsync_folder(folder)  # a folder just made is durable once its parent is synced too
        folder = folder.parent
    fsync_folder(station)


def _make_inside(folder: Path, station: Path) -> None:
    """Make `folder` and its parents up to the station folder, which must exist: mkdir with
    parents would make a lost share's folder again on this computer."""
    missing = []
    while folder != station and not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(exist_ok=True)


def _drop_empty(folder: Path, top: Path) -> None:
    """Remove `folder` and its parents up to `top` (_rut-lai/) included while they are empty:
    a folder the withdrawals made, left empty once what they moved there is sent again, is
    one more place the staff would open to find nothing. A folder with anything in it, the
    station's own files included, stays."""
    while folder == top or top in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return  # not empty (or not ours to remove): left as it is
        fsync_folder(folder.parent)
        folder = folder.parent


def _free_name(path: Path) -> Path:
    """`path`, or `name-2.ext`, `name-3.ext` … when a file of that name was withdrawn before."""
    candidate = path
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def _holds_any(folder: Path, paths: Iterable[str]) -> bool:
    """Whether `folder` can be read and holds one of `paths` (relative to it) or more."""
    try:
        return folder.is_dir() and any(os.path.lexists(folder / path) for path in paths)
    except OSError:
        return False


RECORD = f"state/{CHANNEL}.json"
"""The station record as typed in a shell."""
TRIAL = "lần thử"
"""What spoiled the station record when a real sync ran into a trial folder, for last_good:
the trial's record may be committed already."""
_TRIAL_HINT = (
    "Nếu {before} chỉ là thư mục chạy thử (publish sync với PUBLISH_RADIO_DIR trỏ tới nó) thì "
    "đây không phải chuyển thư mục: state/radio.json còn từ lần thử; trả nó về bản trước lần "
    f"thử ({last_good(RECORD, TRIAL)}) rồi chạy lại."
)
"""What a sync says whenever state/radio.json names another station folder: a real sync into
a trial folder, state/ not restored from git after it, looks like a move."""


def _not_this_folder(before: object, current: str, unlike: Sequence[str]) -> str:
    """The refusal of a sync to a station folder other than the one state/radio.json records,
    that holds files of its names with other texts (`unlike`): the records are not its own."""
    return (
        f"state/radio.json ghi các kịch bản đã gửi vào thư mục đài {before}, nhưng thư mục đài "
        f"nay là {current} và ở đó {len(unlike)} tệp cùng tên mang nội dung khác bản "
        f"state/radio.json ghi là đã gửi (ví dụ {unlike[0]}): sổ này không phải của thư mục "
        "này. Thường là state/ còn nguyên sau một lần publish sync thật vào thư mục chạy thử "
        f"{before} (README, «Lần chạy đầu tiên», bước 1: thử xong thì trả state/ về như trong "
        "git). Dừng lại, chưa ghi gì: đồng bộ tiếp thì mọi tệp ấy bị coi là đài đã sửa. Cách "
        f"sửa: nếu {before} là thư mục chạy thử, trả state/radio.json về bản trước lần thử "
        f"({last_good(RECORD, TRIAL)}) rồi chạy lại. Nếu "
        "đài đã chuyển thư mục có chủ ý: chép lại toàn bộ thư mục cũ sang thư mục mới rồi chạy "
        "lại, hoặc chạy publish sync radio --reconcile để nhận thư mục mới như hiện có (tệp "
        "khác nội dung được giữ nguyên, bản mới đặt cạnh dưới tên .moi)."
    )


def _not_moved(before: object, current: str, told: str) -> str:
    """The refusal of a sync to an empty station folder other than the last one while that
    one cannot be read or holds none of the files recorded (`told`: some of them)."""
    return (
        f"thư mục của đài đã đổi từ {before} sang {current}, nhưng thư mục mới trống và thư "
        f"mục cũ không đọc được hay không còn tệp nào state/radio.json ghi là đã gửi ({told}): "
        "có lẽ ổ mạng của đài chưa gắn trên máy này, hay máy này gắn nó ở đường dẫn khác với "
        "máy chạy lần trước. Dừng lại, chưa ghi gì: ghi vào thư mục trống này thì đài không đọc "
        "được, và kịch bản đã rút vẫn nằm trong thư mục thật của đài. Cách sửa: gắn ổ mạng của "
        f"đài rồi chạy lại, với [radio] folder hay biến {ENV_FOLDER} trỏ tới đúng chỗ nó được "
        "gắn (mở thư mục xem có kịch bản không). Nếu đài thật sự đã chuyển sang thư mục mới và "
        "thư mục cũ không còn, chạy publish sync radio --reconcile để ghi lại toàn bộ vào thư "
        f"mục mới. {_TRIAL_HINT.format(before=before)}"
    )


def _inside(path: Path, root: Path) -> bool:
    """Whether `path` lies inside the project folder."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def make_syncer(config: Config, *, site: Site, output: Path, options: Any) -> RadioSyncer:
    """The radio syncer for `publish sync radio`."""
    return RadioSyncer(
        config,
        site=site,
        output=output,
        state=options.state,
        folder=station_folder(config),
        dry_run=options.dry_run,
        reconcile=getattr(options, "reconcile", False),
    )
