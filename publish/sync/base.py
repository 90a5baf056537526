"""The one sync mechanism every channel shares: observe → pure plan (a reason per action) → apply.

A syncer supplies `observe()`, a pure `plan(observed)`, and `apply(action)`; `run()` prints the
plan, applies it (in parallel where the syncer allows), records progress in the manifest after every
success (the syncer does that inside `apply`), and never stops at the first failure: every action is
tried and the summary says what was done and what was not.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import itertools
import json
import os
import stat
import sys
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any, Protocol

from publish.errors import Busy, PublishError, os_reason
from publish.file_lock import release, try_lock, wait_for
from publish.long_lived import long_lived
from publish.model import Site
from publish.no_follow import open_no_follow
from publish.syntax import json_error
from publish.timings import Timings

__all__ = [
    "AFTER",
    "KIND_LABELS",
    "LABEL",
    "STATION_KEEPS",
    "THEIRS",
    "UNSENT",
    "Action",
    "Rewrite",
    "Summary",
    "Syncer",
    "bucket_of",
    "format_plan",
    "label_of",
    "monotonic_now",
    "record_addresses",
    "record_now",
    "record_rates",
    "run",
    "state_snapshot",
    "sync_lock",
    "time_milestones",
    "unconfirmed",
    "unsent_part",
]

KIND_LABELS = {
    "create": "tạo mới",
    "update": "cập nhật",
    "verify": "xác minh",
    "withdraw": "rút lại",
    "remove": "gỡ bỏ",
    "conflict": "xung đột",
    "refuse": "từ chối",
    "forget": "xóa khỏi sổ",
    "noop": "không đổi",
}
LABEL = "label"
"""Action data: the words a plan line, an outcome line and the Markdown report put before the
key instead of its kind's (KIND_LABELS), for an action the summary does not count as its kind
(radio: a Word script kept along with its script.txt's conflict, counted once with it): the
lines a person reads and the summary's counts must agree."""
SUMMARY_BUCKETS = {
    "create": "created",
    "update": "updated",
    "verify": "created",
    "withdraw": "hidden",
    "remove": "hidden",
    "conflict": "conflicts",
    "refuse": "refused",
}


@dataclass(frozen=True, slots=True)
class Action:
    """One step of a plan: what to do to which key, and why (Vietnamese, shown to the user)."""

    kind: str
    key: str
    reason: str
    title: str = ""
    data: dict[str, Any] = field(default_factory=dict, compare=False)
    """What apply needs (payload path, digest, remote id…); never secrets."""


class Syncer(Protocol):
    """What a channel's syncer provides."""

    name: str
    concurrency: int

    def observe(self) -> Any: ...

    def plan(self, observed: Any) -> list[Action]: ...

    def apply(self, action: Action) -> str: ...


@dataclass(slots=True)
class Summary:
    """Counts per outcome, and the failures with their messages."""

    channel: str
    created: int = 0
    updated: int = 0
    hidden: int = 0
    unchanged: int = 0
    unsent: int = 0
    """Files left alone that the target never had (radio: scripts of an aired episode never
    sent): apart from `unchanged`, which would read as if the target held them."""
    conflicts: int = 0
    refused: int = 0
    failed: list[tuple[Action, str]] = field(default_factory=list)
    needs_person: int = 0
    """Failed actions no rerun fixes (a NeedsPerson error): the sync then ends with exit 1."""
    next_steps: list[tuple[Action, str]] = field(default_factory=list)
    """Failed actions a bare rerun may not fix, each with what to check first (an error's
    `closing`, e.g. a lost create the OA's list cannot yet be searched for): the last lines."""
    done: list[tuple[Action, str]] = field(default_factory=list)
    pending: list[tuple[Action, str]] = field(default_factory=list)
    """Actions the channel has not finished yet, not failed (an error marked `pending`: a Zalo
    job still processing when the verify wait ran out); the next sync takes them up first."""
    unverified: list[tuple[Action, str]] = field(default_factory=list)
    """Jobs sent whose outcome could not be asked (an error marked `unverified`: a Zalo verify
    met a network error or the rate limit); the next sync verifies them first."""
    followed: list[Action] = field(default_factory=list)
    """Follow-up steps the printed plan did not list as a change (it kept the file, or did not
    name it): counted like the plan's actions, and listed with them in the Markdown report. A
    syncer whose plan foresees its follow-up (see AFTER) leaves this empty."""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form for --summary-json."""
        return {
            "channel": self.channel,
            "created": self.created,
            "updated": self.updated,
            "hidden": self.hidden,
            "unchanged": self.unchanged,
            "unsent": self.unsent,
            "conflicts": self.conflicts,
            "refused": self.refused,
            "failed": len(self.failed),
            "needs_person": self.needs_person,
            "failures": [{"key": a.key, "action": a.kind, "error": msg} for a, msg in self.failed],
            "pending": len(self.pending),
            "pendings": [{"key": a.key, "action": a.kind, "note": msg} for a, msg in self.pending],
            "unverified": len(self.unverified),
            "unverifieds": [
                {"key": a.key, "action": a.kind, "note": msg} for a, msg in self.unverified
            ],
        }

    def line(self) -> str:
        """One-line Vietnamese summary."""
        return (
            f"{self.channel}: {self.created} tạo mới, {self.updated} cập nhật, {self.hidden} rút lại/gỡ, "
            f"{self.unchanged} không đổi, {unsent_part(self.unsent)}{self.conflicts} xung đột, "
            f"{len(self.failed)} thất bại"
        )


UNSENT = "unsent"
"""Action data flag of a noop for a file the target never had (see Summary.unsent)."""


AFTER = "after"
"""Action data flag of a step the plan foresees but the syncer's follow-up carries out once the
other actions are applied (radio: an episode's THAY-DOI.txt and DOC-TRUOC.txt rewritten after
the scripts are sent): printed and counted with the plan, a dry run's included, and never
applied on its own. When the follow-up finds nothing to do after all (nothing reached the
target), the file is left as it was: counted unchanged, or not at all when it was to be
created."""


THEIRS = "theirs"
"""Action data flag of a file the target keeps its own copy of after the action (radio: a
station-edited script; ours went beside it as `.moi`, or not at all)."""


STATION_KEEPS = "station_keeps"
"""Action data of a THEIRS action: the bulletins of the version we last wrote there, which the
copy the station keeps still holds, and state/ goes on recording as on the radio (a dry run
tells by it what a sync would not take down)."""


TEST_HOOKS_ENV = "PUBLISH_TEST_HOOKS"
"""Set to 1 by the crash-safety tests' child processes so the kill and pause hooks may act."""


def test_hooks_allowed(env: Any) -> bool:
    """Whether crash-test hooks may act in a process with environment `env`: under pytest, or
    with PUBLISH_TEST_HOOKS=1 (a hook variable left set on a real machine must not kill a sync)."""
    return bool(env.get("PYTEST_CURRENT_TEST")) or env.get(TEST_HOOKS_ENV) == "1"


def unconfirmed(actions: Sequence[Action]) -> frozenset[str]:
    """Bulletins whose script the station kept its own copy of (edited there): ours went beside
    it as `.moi`, or not at all. A rundown the station annotated holds no text read on air."""
    return frozenset(
        key
        for action in actions
        if action.kind != "withdraw" and action.data.get(THEIRS) and not _a_rundown(action.key)
        for key in action.data.get("bulletins", ())
    )


def _a_rundown(key: str) -> bool:
    """Whether a radio file is an episode's rundown (`2024-W50/rundown.txt`), not a script (an
    item script of a bulletin keyed `rundown` is `items/rundown.txt`)."""
    parts = PurePosixPath(key).parts
    return parts[0] != "items" and parts[-1].startswith("rundown.")


def label_of(action: Action) -> str:
    """The words before an action's key in every line that names it (see LABEL)."""
    return str(action.data.get(LABEL) or KIND_LABELS.get(action.kind, action.kind))


def unsent_part(count: int) -> str:
    """The count of files never sent, as a summary line puts it after «không đổi» (none: "")."""
    return f"{count} tệp của tập đã phát không gửi, " if count else ""


def _unsent(action: Action) -> bool:
    """Whether a noop leaves alone a file the target never had."""
    return action.kind == "noop" and bool(action.data.get(UNSENT))


ROUTINE = frozenset({"create", "update", "verify"})
"""Kinds of action a sync's log outside a terminal lists only the first BRIEF_SHOWN of, in the
plan and among the ✓ lines, counting the rest: a first sync of 3,000 bulletins printed more
than 6,000 such lines into a CI log. Failures, withdrawals, actions marked NOTABLE and outcomes
the syncer calls notable (see _Brief) stay listed."""
BRIEF_SHOWN = 20

NOTABLE = "notable"
"""Action data flag of a create, update or verify a brief log names however many came before:
what it is about is no routine step (Zalo: reading again a withdrawn bulletin's article, which
a job Zalo applies late may show again)."""


class _Brief:
    """Which lines a brief log (one outside a terminal) names: past the first `shown` routine
    ones (ROUTINE), each is counted by its label instead; `shown` None names every line."""

    def __init__(self, shown: int | None) -> None:
        self.shown = shown
        self.named = 0
        self.unsaid: dict[str, int] = {}

    def names(self, action: Action, label: str, notable: bool = False) -> bool:
        """Whether the line of `action` (named by `label`) is printed; counted when not.
        `notable`: what it did is news (a hide confirmed), whatever its kind."""
        if self.shown is None or notable or action.kind not in ROUTINE or action.data.get(NOTABLE):
            return True
        if self.named >= self.shown:
            self.unsaid[label] = self.unsaid.get(label, 0) + 1
            return False
        self.named += 1
        return True

    def more(self, done: str) -> str:
        """The line standing for the lines left out, after the words `done` («», «đã xong»);
        "" when none was."""
        if not self.unsaid:
            return ""
        total = sum(self.unsaid.values())
        parts = ", ".join(f"{n} {label}" for label, n in self.unsaid.items())
        return (
            f"  … và {total} thao tác khác{done} ({parts}); thêm --verbose để liệt kê từng thao tác"
        )


class _Successes:
    """Prints the ✓ line of each action done: every one, or with `shown` set (a log outside
    a terminal), those _Brief names, the others counted for `close`."""

    def __init__(self, echo: Callable[[str], None], shown: int | None, syncer: Syncer) -> None:
        self.echo = echo
        self.brief = _Brief(shown)
        # The syncer's word on what an action did (Zalo: a hide confirmed, a late job put
        # right): its kind alone does not tell.
        self.notable: Callable[[Action], bool] | None = getattr(syncer, "notable", None)

    def __call__(self, action: Action, outcome: str, label: str) -> None:
        """Print (or count) the ✓ line of `action`, done with `outcome`, named by `label`."""
        notable = self.notable is not None and self.notable(action)
        if self.brief.names(action, label, notable):
            self.echo(f"  ✓ {label} {action.key}: {outcome}")

    def close(self) -> None:
        """Print the line counting the ✓ lines left out, if any."""
        if more := self.brief.more(" đã xong"):
            self.echo(more)
        self.brief = _Brief(self.brief.shown)


def format_plan(
    channel: str,
    actions: Sequence[Action],
    unchanged: int = 0,
    warning: str = "",
    unsent: int = 0,
    shown: int | None = None,
) -> str:
    """The plan as text: one line per action with its reason, after the `warning` (a plan that
    could not be checked against its target) when there is one; with `shown` set, past that
    many routine actions (see _Brief) one line counts the rest."""
    active = [a for a in actions if a.kind != "noop"]
    kept = f"{unchanged} mục giữ nguyên" + (
        f"; {unsent} tệp của tập đã phát, không gửi" if unsent else ""
    )
    lines = [f"{channel}: CẢNH BÁO: {warning}."] if warning else []
    if not active and warning:
        # Never a bare "no changes": a mistyped folder must not pass for one in step.
        lines.append(
            f"{channel}: kế hoạch không có thay đổi nào ({kept}), nhưng chưa "
            "đối chiếu được với nơi nhận (xem cảnh báo ở trên)."
        )
        return "\n".join(lines)
    if not active:
        return f"{channel}: không có thay đổi nào ({kept})."
    lines.append(f"{channel}: kế hoạch {len(active)} thao tác ({kept}):")
    brief = _Brief(shown)
    for action in active:
        if brief.names(action, label_of(action)):
            title = f" «{action.title}»" if action.title else ""
            lines.append(f"  - {label_of(action)} {action.key}{title}: {action.reason}")
    if more := brief.more(""):
        lines.append(more)
    return "\n".join(lines)


def run(
    syncer: Syncer,
    *,
    dry_run: bool = False,
    echo: Callable[[str], None] = print,
    progress: Callable[[int, int], None] | None = None,
    timings: Timings | None = None,
    shown: int | None = None,
) -> tuple[list[Action], Summary]:
    """Observe, plan, print the plan, and (unless dry-run) apply it; return the plan and summary
    (each step timed as a phase of `timings`, when given; `shown`: how many routine actions
    the plan and the ✓ lines name before counting the rest, None for all)."""
    clock = timings or Timings()
    with clock.phase(f"{syncer.name}: quan sát"):
        observed = syncer.observe()
    with clock.phase(f"{syncer.name}: lập kế hoạch"), long_lived():  # pure: no call, no wait
        actions = syncer.plan(observed)
    unsent = sum(1 for a in actions if _unsent(a))
    noops = sum(1 for a in actions if a.kind == "noop")
    summary = Summary(syncer.name, unchanged=noops - unsent, unsent=unsent)
    warning = getattr(syncer, "plan_warning", "")
    note = getattr(syncer, "plan_note", "")
    if note:
        # Before the plan, as the Markdown report puts it: what it says (the station folder
        # moved, the clock behind) is how to read the plan's lines, not an afterthought.
        echo(f"{syncer.name}: lưu ý: {note[0].lower()}{note[1:]}")
    echo(format_plan(syncer.name, actions, summary.unchanged, warning, summary.unsent, shown))
    todo = [a for a in actions if a.kind not in ("noop", "refuse") and not a.data.get(AFTER)]
    summary.refused = sum(1 for a in actions if a.kind == "refuse")
    try:
        told = getattr(syncer, "told", None)
        if told is not None and not dry_run:
            told(actions)  # e.g. radio: a refusal said once need not be said by every later run
        if dry_run or not todo:
            idle = getattr(syncer, "idle", None)
            if idle is not None and not dry_run:
                idle()  # e.g. Zalo: keep the login alive, and find a dead one before it is needed
            return actions, summary
        prepare = getattr(syncer, "prepare", None)
        if prepare is not None:
            prepare()  # e.g. Zalo: the login from the environment, before anything is sent
        # What the plan said of each key it leaves to no step of its own: kept, or foreseen (AFTER).
        left = {
            a.key: a
            for a in actions
            if (a.kind == "noop" and not _unsent(a)) or (a.data.get(AFTER) and a.kind != "noop")
        }
        with clock.phase(f"{syncer.name}: thực hiện kế hoạch"):
            _apply_plan(syncer, todo, summary, echo, progress, left, shown)
            # Optional, as idle and follow_up are: failures found only once every action is
            # done, each told as the action's.
            closing = getattr(syncer, "closing", None)
            for action, error in closing() if closing is not None else []:
                # e.g. Zalo: the OA now holds twice an article this run created
                _failed(summary, action, error)
                echo(f"  {_mark(error)} {label_of(action)} {action.key}: {error}")
    finally:
        manifest = None if dry_run else getattr(syncer, "manifest", None)
        if manifest is not None:
            # Whatever ended the run (done, nothing to send, a login that stops the channel, a
            # stop): CI commits state/ after it, so a journal, this run's or a killed one's, is
            # folded now. Without a journal and with nothing changed this writes nothing.
            manifest.flush()
    return actions, summary


def _apply_plan(
    syncer: Syncer,
    todo: Sequence[Action],
    summary: Summary,
    echo: Callable[[str], None],
    progress: Callable[[int, int], None] | None,
    left: dict[str, Action],
    shown: int | None = None,
) -> None:
    """Apply every action (those the syncer puts first before the others), then the syncer's
    follow-up steps, recording outcomes in `summary` (`left`: the plan's action for each key
    it applies no step to, a noop counted unchanged or a step foreseen for the follow-up;
    `shown`: see run)."""
    counted: dict[str, str] = {}  # key → the count its done action added to
    first = getattr(syncer, "first", None)
    lead = [a for a in todo if first(a)] if first else []
    rest = [a for a in todo if not any(a is b for b in lead)]
    successes = _Successes(echo, shown, syncer)
    try:
        with _outcomes(syncer, lead, rest) as outcomes:
            _record_plan(syncer, outcomes, len(todo), summary, echo, progress, counted, successes)
        _apply_follow_up(syncer, summary, echo, left, counted, successes)
    finally:
        successes.close()  # a stopped run's log, too, says how much it did


def _record_plan(
    syncer: Syncer,
    outcomes: Iterator[tuple[Action, str, PublishError | None]],
    total: int,
    summary: Summary,
    echo: Callable[[str], None],
    progress: Callable[[int, int], None] | None,
    counted: dict[str, str],
    successes: _Successes,
) -> None:
    """Record and print each outcome of the plan's actions as it ends (`counted`: filled with
    key → the count its done action added to; `successes` prints the ✓ lines)."""
    for done, (action, outcome, error) in enumerate(outcomes, start=1):
        if error is None:
            bucket = bucket_of(syncer, action)
            if bucket:
                setattr(summary, bucket, getattr(summary, bucket) + 1)
                counted[action.key] = bucket
            summary.done.append((action, outcome))
            successes(action, outcome, label_of(action))
        else:
            _failed(summary, action, error)
            echo(f"  {_mark(error)} {label_of(action)} {action.key}: {error}")
        if progress:
            progress(done, total)


def _apply_follow_up(
    syncer: Syncer,
    summary: Summary,
    echo: Callable[[str], None],
    left: dict[str, Action],
    counted: dict[str, str],
    successes: _Successes,
) -> None:
    """Apply the syncer's follow-up steps once every action of the plan was applied, recording
    them in `summary` (`left`: see `_apply_plan`; `counted`: key → the count its done action of
    the plan added to; `successes` prints the ✓ lines)."""
    # A syncer may finish slow steps once every action has been sent (Zalo: verify the create
    # tokens after Zalo had time to process them); successes here are not counted a second time.
    # Any other step (radio: an episode's THAY-DOI.txt, DOC-TRUOC.txt rewritten once the scripts
    # are sent) is counted as it is printed: the summary and the printed lines must agree, for
    # the operator and for CI reading --summary-json. One rule for every such key: what the
    # plan said of it (`left`) is taken back, and a step it did not list is listed in the report.
    follow_up = getattr(syncer, "follow_up", None)
    with _outcomes(syncer, follow_up() if follow_up else []) as outcomes:
        _record_follow_up(syncer, outcomes, summary, echo, left, counted, successes)
    # A foreseen step the follow-up found nothing to do for (nothing reached the target after
    # all): its file was left as it was, or, one to create, is not there.
    summary.unchanged += sum(1 for a in left.values() if a.kind not in ("noop", "create"))


def _record_follow_up(
    syncer: Syncer,
    outcomes: Iterator[tuple[Action, str, PublishError | None]],
    summary: Summary,
    echo: Callable[[str], None],
    left: dict[str, Action],
    counted: dict[str, str],
    successes: _Successes,
) -> None:
    """Record and print each outcome of the follow-up steps as it ends (`left`, `counted`,
    `successes`: see `_apply_follow_up`)."""
    done_before = {a.key for a, _outcome in summary.done}
    for action, outcome, error in outcomes:
        label = label_of(action)
        fresh = action.key not in done_before
        said = left.pop(action.key, None) if fresh else None
        if said is not None and said.kind == "noop":
            summary.unchanged -= 1  # counted below as what was done to it
        if fresh and (said is None or said.kind == "noop"):
            summary.followed.append(action)
        if error is None:
            if fresh and (bucket := bucket_of(syncer, action)):
                setattr(summary, bucket, getattr(summary, bucket) + 1)
            summary.done.append((action, outcome))
            successes(action, outcome, label)
        else:
            # The step that would have made it so failed (Zalo refused the article it was
            # sent): not created or updated after all, only failed.
            if (bucket := counted.pop(action.key, None)) is not None:
                setattr(summary, bucket, getattr(summary, bucket) - 1)
            _failed(summary, action, error)
            echo(f"  {_mark(error)} {label} {action.key}: {error}")


def _mark(error: PublishError) -> str:
    """The sign before an action that did not end: … when the channel is still at it, else ✗."""
    unfinished = getattr(error, "pending", False) or getattr(error, "unverified", False)
    return "…" if unfinished else "✗"


def _failed(summary: Summary, action: Action, error: PublishError) -> None:
    """Record a failed action, counting it as needing a person when its error says so, or as
    pending when the channel is still at it."""
    if getattr(error, "pending", False):
        summary.pending.append((action, str(error)))
        return
    if getattr(error, "unverified", False):
        summary.unverified.append((action, str(error)))
        return
    summary.failed.append((action, str(error)))
    if getattr(error, "needs_person", False):
        summary.needs_person += 1
    elif closing := getattr(error, "closing", ""):
        summary.next_steps.append((action, closing))


def bucket_of(syncer: Syncer, action: Action) -> str | None:
    """The summary count a done action adds to: the syncer's word when it has one, else its kind."""
    told = getattr(syncer, "summary_bucket", None)
    return told(action) if told else SUMMARY_BUCKETS.get(action.kind)


@contextmanager
def _outcomes(
    syncer: Syncer, *batches: Sequence[Action]
) -> Iterator[Iterator[tuple[Action, str, PublishError | None]]]:
    """The outcomes of each batch of actions in turn (see `_apply_all`); on leaving, however
    left, the actions not started are cancelled and those in flight have ended."""
    runs = [_apply_all(syncer, batch) for batch in batches]
    try:
        yield itertools.chain.from_iterable(runs)
    finally:
        # A stop (Ctrl+C) between two outcomes (echoing a line) leaves a generator suspended at
        # its yield, its pool still sending the queue: it would only be closed when the stop's
        # traceback is freed, after run() flushed the manifest, and what it sent then would be
        # recorded in a journal CI does not commit. Closing it here cancels and waits first.
        for run_ in runs:
            run_.close()


def _apply_all(
    syncer: Syncer, actions: Sequence[Action]
) -> Generator[tuple[Action, str, PublishError | None], None, None]:
    """Apply actions (bounded concurrency), yielding each outcome or error in the actions' order."""
    workers = max(1, min(getattr(syncer, "concurrency", 1), len(actions)))
    if workers == 1:
        for action in actions:
            yield _attempt(syncer, action)
        return
    started: list[threading.Thread] = []
    pool = ThreadPoolExecutor(
        max_workers=workers,
        thread_name_prefix=f"sync-{syncer.name}",
        # Each worker is listed before it takes an action: a stop that reaches the main thread
        # while it starts a worker (inside submit) leaves that worker unknown to the pool, whose
        # shutdown then waits for the others only, and the run ended with its action in flight.
        initializer=lambda: started.append(threading.current_thread()),
    )
    futures: list[Future[tuple[Action, str, PublishError | None]]] = []
    told: set[Future[tuple[Action, str, PublishError | None]]] = set()
    try:
        futures = [pool.submit(_attempt, syncer, action) for action in actions]
        for ended in _in_order(futures):
            told.add(ended)
            yield ended.result()
    except BaseException as stopped:
        # Stopped (Ctrl+C, CI cancelling or timing out the job, a login that stops the channel):
        # the actions not started yet are not sent. Those in flight still end and are recorded,
        # so the next run neither repeats nor loses them; waiting for the whole queue instead
        # kept sending after the stop until CI's hard kill came.
        if isinstance(stopped, KeyboardInterrupt):
            # Said at once: the wait for what is in flight can last a request's timeout.
            print(STOPPING, file=sys.stderr, flush=True)
        _stop(pool, started)
        if not isinstance(stopped, GeneratorExit):  # else no one is left to tell (a stop in echo)
            # Told too, in order: those that ended behind a slower one, or in flight at the
            # stop, were applied and recorded; held back for the order, they went untold.
            yield from (f.result() for f in futures if f not in told and _succeeded(f))
        raise
    pool.shutdown(wait=True)


def _succeeded(future: Future[tuple[Action, str, PublishError | None]]) -> bool:
    """Whether `future` ran to an outcome (not cancelled, not raised)."""
    return future.done() and not future.cancelled() and future.exception() is None


def _in_order(
    futures: Sequence[Future[tuple[Action, str, PublishError | None]]],
) -> Iterator[Future[tuple[Action, str, PublishError | None]]]:
    """Each future with an outcome in the order submitted, as soon as it and those before it
    ended; an error (a login that stops the channel) raised as soon as it ends (the caller tells
    the futures that ended, in order, once those in flight are done)."""
    # Told as they ended, the same run read differently from one time to the next: two lost
    # creates refused alike were named «bt-004, bt-003» or «bt-003, bt-004», their ✗ lines too.
    told = 0
    for ended in as_completed(futures):
        if (error := ended.exception()) is not None:
            raise error  # not held back behind a slower action: the queue is cancelled now
        while told < len(futures) and _succeeded(futures[told]):
            yield futures[told]
            told += 1


STOPPING = (
    "Đang dừng theo yêu cầu: không gửi thêm việc nào; chờ các việc đang gửi dở xong để ghi lại…"
)
"""Told when a Ctrl+C (or CI's stop) reaches a sync while actions are in flight."""


def _stop(pool: ThreadPoolExecutor, workers: list[threading.Thread]) -> None:
    """Cancel the pool's actions not started yet and wait for those in flight to end (on every
    one of the pool's `workers`), through any further Ctrl+C."""
    pool.shutdown(wait=False, cancel_futures=True)
    while True:
        try:
            pool.shutdown(wait=True)
            # A worker not listed yet takes no action now: the queue it would take one from
            # holds only the pool's «stop» mark.
            for worker in list(workers):
                worker.join()
            return
        except KeyboardInterrupt:
            # A second Ctrl+C: the process waits for these threads at exit anyway
            # (concurrent.futures joins them), so giving up the wait here gains no time; it
            # would only let run() flush the manifest before their records are written.
            continue


def _attempt(syncer: Syncer, action: Action) -> tuple[Action, str, PublishError | None]:
    """Apply one action, catching a user-facing error; an error marked `stops_channel` (a login
    only a person can fix) stops the channel, as every action would fail."""
    try:
        return action, syncer.apply(action), None
    except PublishError as exc:
        if getattr(exc, "stops_channel", False):
            raise
        return action, "", exc


LOCK_NAME = ".sync.lock"
WAIT_SECONDS = 30 * 60
"""How long `--wait` waits for another sync. The CI runs every 30 minutes: a sync still going
after that is more likely stuck than slow, and the next scheduled run tries again anyway."""


@contextmanager
def sync_lock(
    state_dir: Path,
    *,
    wait: bool = False,
    limit: float | None = None,
    echo: Callable[[str], None] | None = None,
    tz: dt.tzinfo | None = None,
) -> Iterator[None]:
    """Hold state/.sync.lock so two syncs never run at once. While another sync holds it this
    one does nothing and raises Busy (exit 3: nothing is wrong, run again later); with `wait`
    only after waiting up to `limit` seconds (WAIT_SECONDS) for it, saying so through `echo`.
    `tz`: the site's clock, which the other sync's start time is told on."""
    path = state_dir / LOCK_NAME
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        handle = _open_lock(path)
    except OSError as exc:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise PublishError(
                f"khóa đồng bộ {path} không phải một tệp thường (là một liên kết tượng trưng "
                "hay thư mục…): lệnh không mở theo nó, vì ghi qua đó có thể ghi đè một tệp khác "
                f"trên máy. Chưa có gì được gửi. Cách sửa: xóa {path} (khi không có lệnh "
                "'publish sync' nào đang chạy) rồi chạy lại; lệnh tự tạo lại tệp khóa."
            ) from None
        raise PublishError(
            f"không mở được khóa đồng bộ {path} ({os_reason(exc)}): thư mục state/ phải ghi được "
            "để lưu những gì đã đăng. Chưa có gì được gửi. Cách sửa: cấp quyền ghi cho state/ "
            "(hoặc giải phóng dung lượng đĩa) rồi chạy lại."
        ) from None
    try:
        if not _take(handle):
            holder = _holder(path, tz)
            if not wait:
                raise Busy(_busy_message(holder))
            seconds = WAIT_SECONDS if limit is None else limit
            (echo or stderr)(
                f"Một lệnh 'publish sync' khác đang chạy ({holder[1]}): chờ nó xong, tối đa "
                f"{_span(seconds)}…"
            )
            if not wait_for(lambda: _take(handle), seconds, 1.0):
                raise Busy(_busy_message(holder, waited=seconds))
        handle.seek(0)
        handle.truncate()
        started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        handle.write(f"{os.getpid()} {started}\n")
        handle.flush()
        try:
            yield
        finally:
            release(handle.fileno())
    finally:
        handle.close()


def _open_lock(path: Path) -> IO[str]:
    """Open (creating) the lock file itself, never a file a symlink there points to: writing
    the holder's number through one would overwrite any file the sync's user may write."""
    fd = open_no_follow(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return os.fdopen(fd, "r+", encoding="utf-8")
    except BaseException:
        os.close(fd)
        raise


def _take(handle: IO[str]) -> bool:
    """Take the lock on `handle` if no one holds it."""
    return try_lock(handle.fileno())


def _holder(path: Path, tz: dt.tzinfo | None = None) -> tuple[str, str]:
    """Which process holds the lock (its number, "" when unknown) and a description with since
    when, as its lock file says, on the clock `tz` (the site's; the machine's may be UTC)."""
    try:
        pid, _, since = path.read_text("utf-8").strip().partition(" ")
        started = dt.datetime.fromisoformat(since) if since else None
    except (OSError, ValueError):
        pid, started = "", None
    if not pid.isdigit():
        return "", "không rõ tiến trình nào"
    if started is not None and tz is not None and started.tzinfo is not None:
        started = started.astimezone(tz)
    when = (
        f", bắt đầu lúc {started:%H:%M} ({_offset(started)}) ngày {started:%d/%m/%Y}"
        if started
        else ""
    )
    return pid, f"tiến trình số {pid}{when}"


def _offset(moment: dt.datetime) -> str:
    """The clock a time is told on, «UTC+7»: a CI log's own times are UTC, the site's are not."""
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "") if minutes else "UTC"


def _busy_message(holder: tuple[str, str], waited: float | None = None) -> str:
    """What a sync that found another one running tells the person or the CI log."""
    pid, who = holder
    found = (
        f"đã chờ {_span(waited)} mà lệnh 'publish sync' khác vẫn đang chạy ({who})"
        if waited is not None
        else f"một lệnh 'publish sync' khác đang chạy ({who})"
    )
    stuck = (
        " Nếu lệnh kia chạy lâu bất thường, báo cán bộ kỹ thuật kiểm tra "
        + (f"tiến trình số {pid} trên máy này." if pid else "lệnh đó.")
        if waited is not None
        else ""
    )
    return (
        f"{found}, giữ khóa state/{LOCK_NAME}. Lần này không làm gì: chưa dựng, chưa gửi, "
        "state/ không đổi. Đây không phải lỗi nội dung hay cấu hình (mã thoát 3). Cách xử lý: "
        "chạy lại khi lệnh kia xong (trong CI, lần chạy theo lịch sau tự làm tiếp), hoặc thêm "
        f"--wait để tự chờ (tối đa {_span(WAIT_SECONDS)}). Khóa tự mở khi lệnh kia kết thúc, kể "
        f"cả khi nó bị ngắt: đừng xóa tệp khóa.{stuck}"
    )


def _span(seconds: float) -> str:
    """A wait in whole minutes (seconds when under one)."""
    return f"{round(seconds / 60)} phút" if seconds >= 60 else f"{seconds:g} giây".replace(".", ",")


CLOCK_NAME = "dong-ho.json"
"""state/dong-ho.json: the clock of the last real sync, so a clock running backwards is noticed."""


FUTURE_SLACK = dt.timedelta(hours=1)
"""How far a recorded sync time may be ahead of the machine's clock and still be trusted."""


def monotonic_now(
    state_dir: Path, now: dt.datetime, *, clock: dt.datetime | None = None
) -> tuple[dt.datetime, str | None]:
    """`now`, or the last sync's time when `now` is earlier, with a warning saying so (or
    saying that state/dong-ho.json cannot be read).

    A clock that runs backwards (a wrong CMOS clock, a CI runner behind by hours, a mistyped
    --now) would make published bulletins look embargoed again, and the sync would withdraw them
    from Zalo and the radio only to publish them once more later. The sync never goes back in
    time instead: content is withdrawn by `draft`, `expires` or deleting it, never by a clock.
    A recorded time far ahead of the machine's clock (`clock`, the real time) is not trusted:
    it would publish embargoed bulletins early on every later sync.
    """
    last, damaged = _last_now(state_dir / CLOCK_NAME)
    if damaged is not None:
        return now, damaged
    if last is None or now >= last:
        return now, None
    clock = dt.datetime.now(dt.UTC) if clock is None else clock
    if last > clock + FUTURE_SLACK:
        return now, (
            f"cảnh báo: lần đồng bộ trước ghi thời điểm {last.isoformat(timespec='minutes')}, "
            "muộn hơn đồng hồ máy: bỏ qua nó (nếu không, bài hẹn giờ sẽ bị đăng sớm). Kiểm tra "
            "đồng hồ máy và giá trị --now đã dùng."
        )
    return last, (
        f"cảnh báo: giờ hiện tại ({now.isoformat(timespec='minutes')}) sớm hơn lần đồng bộ trước "
        f"({last.isoformat(timespec='minutes')}); dùng giờ của lần trước để không rút lại bài đã "
        "đăng. Kiểm tra đồng hồ máy (hoặc giá trị --now)."
    )


def _last_now(path: Path) -> tuple[dt.datetime | None, str | None]:
    """(the time the last real sync recorded in `path`, None) — (None, None) before the first
    one — or (None, a warning saying why the file cannot be read)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        return None, _unreadable_clock(os_reason(exc))
    try:
        data = json.loads(raw)
    except ValueError as exc:
        return None, _unreadable_clock(json_error(exc).described())
    try:
        last = dt.datetime.fromisoformat(data["last_now"])
    except (KeyError, TypeError, ValueError):
        last = None
    if last is None or last.tzinfo is None:
        return None, _unreadable_clock("không đúng dạng")
    return last, None


def _unreadable_clock(detail: str) -> str:
    """The warning for a state/dong-ho.json that cannot be read: the sync goes on (the file only
    guards against a clock running backwards, and is written again when this sync ends)."""
    return (
        f"cảnh báo: không đọc được state/{CLOCK_NAME} ({detail}): lần này không phát hiện được "
        "đồng hồ máy chạy lùi (khi đó bài đã đăng có thể bị rút rồi đăng lại). Kiểm tra đồng hồ "
        "máy (và giá trị --now nếu có dùng). Không cần sửa tệp: lần đồng bộ thật (không "
        "--dry-run) ghi lại nó khi xong."
    )


def state_snapshot(state_dir: Path) -> dict[str, tuple[int, int, int]]:
    """Inode, size and modification time of every file in state/ but the clock file and the
    lock: compared after a sync to tell whether it changed anything. State files are written
    whole under a new name and renamed over the old one (a new inode), and only when their
    content changes, so their stat tells; reading their bytes (zalo.json: ~6 MB at 10,000
    bulletins) twice cost every no-op sync 0.2 s."""
    found: dict[str, tuple[int, int, int]] = {}
    try:
        for entry in os.scandir(state_dir):
            if entry.name in (CLOCK_NAME, LOCK_NAME) or not entry.is_file():
                continue
            info = entry.stat()
            found[entry.name] = (info.st_ino, info.st_size, info.st_mtime_ns)
    except OSError:
        return {}
    return found


def record_now(
    state_dir: Path,
    now: dt.datetime,
    *,
    clock: dt.datetime | None = None,
    before: dict[str, tuple[int, int, int]] | None = None,
    milestones: Iterable[dt.datetime] = (),
) -> None:
    """Remember the time of this sync (see monotonic_now); never later than the machine's clock
    (`clock`), so a --now set in the future cannot make every later sync run early.

    With `before` (state_snapshot taken when the sync started), the time is written only when
    the sync changed state/, when the clock file is missing, unreadable or ahead of the machine's
    clock, or when one of `milestones` (see time_milestones) lies between the recorded time and
    `now`.
    """
    from publish.sync.manifest import atomic_write_bytes

    clock = dt.datetime.now(dt.UTC) if clock is None else clock
    now = min(now, clock.astimezone(now.tzinfo))
    # A sync that published or withdrew nothing changed no other state file: rewriting the time
    # would give the CI a commit on every run. The guard keeps its worth as long as every
    # decision this sync took by the clock alone is one the recorded time already takes: an
    # episode that aired since, or a bulletin whose time came, changes no file of state/ (the
    # station's aired files are never written again), so their times are written down here.
    if before is not None and state_snapshot(state_dir) == before:
        last, damaged = _last_now(state_dir / CLOCK_NAME)
        if (
            last is not None
            and damaged is None
            and last <= clock + FUTURE_SLACK
            and not any(last < moment <= now for moment in milestones)
        ):
            return
    text = json.dumps({"last_now": now.isoformat()}, ensure_ascii=False) + "\n"
    atomic_write_bytes(state_dir / CLOCK_NAME, text.encode("utf-8"))


def time_milestones(site: Site, state_dir: Path) -> list[dt.datetime]:
    """The moments at which a sync decides differently by the clock alone: each bulletin's and
    page's time and expiry, and the air time of every radio episode recorded in
    state/radio-rates.json (once past, the episode aired and its files are the station's)."""
    from publish.radio_rates import RATES_NAME, load_kept_rates

    bulletins = [*site.bulletins, *(e.bulletin for e in site.excluded)]
    times = [(b.date, b.expires) for b in bulletins] + [(p.date, p.expires) for p in site.pages]
    moments = [m for pair in times for m in pair if m is not None]
    # A rates file the build could not read has been reported; the bulletins' times still count.
    with contextlib.suppress(PublishError):
        moments += [kept.air for kept in load_kept_rates(state_dir / RATES_NAME).values()]
    return moments


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A file of state/ that builds read, as a sync found it and left it: the sha256 of its
    bytes before and after (None: no file; the same: not rewritten), and whether a build gives
    the same output from both."""

    path: Path
    before: str | None
    after: str | None
    alike: bool


def record_addresses(state_dir: Path, site: Site) -> Rewrite:
    """Add the address of every bulletin now on the website to state/web-urls.json, and the
    base_url they are under unless the site moved without saying so (see
    publish/url_history.py); the file is rewritten only when one of them is new."""
    from publish.sync.manifest import atomic_write_bytes
    from publish.url_history import (
        HISTORY_NAME,
        base_urls_of,
        builds_alike,
        history_bytes,
        history_file_bytes,
        history_of,
        with_addresses,
        with_base_url,
    )

    path = state_dir / HISTORY_NAME
    published = [(b.key, b.url) for b in site.for_channel("web") if not site.is_preview(b)]
    old = history_file_bytes(path)
    history = history_of(old, path.name) if old is not None else {}
    updated = with_addresses(history, published)
    recorded = base_urls_of(old) if old is not None else ()
    base_urls = with_base_url(recorded, site.config)
    before = None if old is None else hashlib.sha256(old).hexdigest()
    if updated is None and base_urls == recorded:
        return Rewrite(path, before, before, True)
    updated = history if updated is None else updated
    new = history_bytes(updated, base_urls, listed=True)
    atomic_write_bytes(path, new)
    alike = builds_alike((history, recorded), (updated, base_urls), dict(published), site.config)
    return Rewrite(path, before, hashlib.sha256(new).hexdigest(), alike)


def record_rates(
    state_dir: Path,
    output: Path,
    now: dt.datetime,
    until: dt.datetime | None,
    site: Site,
    unconfirmed: frozenset[str] = frozenset(),
    unwritten: frozenset[str] = frozenset(),
    untold: frozenset[str] = frozenset(),
) -> Rewrite:
    """Record the read rates of every radio episode still to air in state/radio-rates.json, so
    that once aired it keeps them (see publish/radio_rates.py), and which corrections of each
    bulletin of `site` (built into `output`) its script carried; the file is rewritten only when
    a record changed. `until`: the end of the span in which the build that wrote `output` gives
    the same output (see radio_rates.builds_alike). `unconfirmed`: bulletins whose script the
    station does not hold as built (its own edited copy, see `unconfirmed`, or only an earlier
    script of ours), which keep what was recorded before; `unwritten`: bulletins none of whose
    scripts is at the station (publish/sync/radio_reached.py), left out of the record;
    `untold`: bulletins whose scripts could not be read there, which keep what was recorded
    before or, recorded nowhere, are left out too."""
    from publish.radio_rates import (
        RATES_NAME,
        builds_alike,
        kept_rates_bytes,
        read_kept_rates,
        upcoming_rates,
    )
    from publish.sync.manifest import atomic_write_bytes

    path = state_dir / RATES_NAME
    kept, before = read_kept_rates(path)
    from publish.correction_text import correction_id

    carried = {b.key: frozenset(map(correction_id, b.corrections)) for b in site.bulletins}
    updated = upcoming_rates(output / "radio", kept, now, carried, unconfirmed, unwritten, untold)
    if updated == kept:
        return Rewrite(path, before, before, True)
    new = kept_rates_bytes(updated)
    atomic_write_bytes(path, new)
    return Rewrite(
        path, before, hashlib.sha256(new).hexdigest(), builds_alike(kept, updated, until)
    )


def stderr(message: str) -> None:
    """Print to standard error."""
    print(message, file=sys.stderr)
