"""The closing lines of a sync that took a live bulletin down only because its edit waits for
re-approval (session 74, QA item 8).

Such a run is no failure: its exit code stays 0 and CI shows it green, so a live notice gone
over a typo would go unnoticed; the sync ends with a CHÚ Ý line naming each, and the command
that puts it back. Named is only what the sync did take down (or, a dry run, would): the
bulletins are read before the sync records what it publishes, and each channel is kept only
when state/ no longer records the bulletin live there afterwards (a dry run: when the plan
withdraws it). A hide Zalo refused (HTTP 503) or an article edited by hand, left alone, is no
withdrawal (review R6 of session 74); nor is an item script withdrawn while the station keeps
its own edited copy of the episode's script, which still reads the bulletin and which state/
goes on recording (review R9 of session 74).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from publish.config import Config
from publish.gates import approve_command
from publish.markdown_inert import code_span, inert
from publish.model import EDITED_CAUSES, Site
from publish.sync.base import STATION_KEEPS, THEIRS
from publish.sync.report import ChannelResult
from publish.withdrawing import EVERY, channel_names

__all__ = [
    "MARKDOWN_HEAD",
    "Awaiting",
    "awaiting_approval",
    "awaiting_lines",
    "awaiting_markdown",
    "taken_down",
]

MARKDOWN_HEAD = "### Bài đang đăng bị rút vì chờ duyệt lại"


class Awaiting(NamedTuple):
    """A published bulletin a sync takes down only because its edit waits for re-approval."""

    key: str
    source: str
    title: str
    leaving: tuple[str, ...]
    """The channels the sync takes it down from."""


def awaiting_approval(
    site: Site, now: dt.datetime, state: Path, channels: Iterable[str] = EVERY
) -> tuple[Awaiting, ...]:
    """The bulletins of `site` held only because they were edited after their approval (the
    mark edited by hand too: EDITED_CAUSES) that `state` (the sync's state/) records published
    now on some of `channels`, each with those: read before the sync records what it
    publishes."""
    from publish.sync.vanished import live_channels

    held = [e for e in site.excluded if e.code == "unapproved" and e.for_approver in EDITED_CAUSES]
    if not held:
        return ()
    keys = (e.bulletin.key for e in held)
    live = live_channels(state, now, site.config, keys)
    wanted = set(channels)
    found = []
    for excluded in held:
        bulletin = excluded.bulletin
        leaving = tuple(c for c in live.get(bulletin.key, ()) if c in wanted)
        if leaving:
            found.append(Awaiting(bulletin.key, bulletin.source, bulletin.title, leaving))
    return tuple(found)


def taken_down(
    awaiting: Sequence[Awaiting],
    results: Sequence[ChannelResult],
    config: Config,
    state: Path,
    now: dt.datetime,
    *,
    dry_run: bool,
) -> tuple[Awaiting, ...]:
    """Those of `awaiting` the sync ending with `results` took down, each with the channels it
    left: those `state` (its state/) no longer records it live on; a dry run, those whose
    plan withdraws it (nothing was recorded)."""
    if not awaiting:
        return ()
    if dry_run:
        by_channel = {r.channel: r for r in results}
        left = [tuple(c for c in a.leaving if _planned(a.key, by_channel.get(c))) for a in awaiting]
    else:
        from publish.sync.vanished import live_channels

        live = live_channels(state, now, config, (a.key for a in awaiting))
        left = [tuple(c for c in a.leaving if c not in live.get(a.key, ())) for a in awaiting]
    return tuple(a._replace(leaving=gone) for a, gone in zip(awaiting, left, strict=True) if gone)


def _planned(key: str, result: ChannelResult | None) -> bool:
    """Whether the plan of a dry run's channel `result` takes bulletin `key` down: the
    website's build left it out; Zalo hides or removes its article; the radio sends the
    episode without its script, unless the station keeps a copy holding it (a conflict or a
    refusal of its item script, or of the episode's script, whose build no longer names it:
    the copy the station keeps still reads it, and state/ goes on recording it)."""
    if result is None or result.error or result.skipped:
        return False
    if result.channel == "web":
        return True
    if result.channel == "zalo":
        return any(a.key == key and a.kind in ("withdraw", "remove") for a in result.actions)
    for action in result.actions:
        if action.kind == "withdraw":
            continue
        if action.kind in ("conflict", "refuse") and key in (action.data.get("bulletins") or ()):
            return False
        if action.data.get(THEIRS) and key in (action.data.get(STATION_KEEPS) or ()):
            return False
    return True


def awaiting_lines(taken: Iterable[Awaiting], *, dry_run: bool, code: int) -> list[str]:
    """The closing lines of a sync (exit code `code`) naming each bulletin of `taken` it took
    down (or, `dry_run`, would) only because its edit waits for re-approval, with the command
    that puts it back; a title is one line (a line of it starting «::» would be a workflow
    command to GitHub Actions)."""
    taken = list(taken)
    if not taken:
        return []
    done = "sẽ bị rút" if dry_run else "đã bị rút"
    lines = [_head(len(taken), done, code)]
    for item in taken:
        title = " ".join(item.title.split())
        lines.append(
            f"  - {item.source} «{title}» ({done} khỏi {channel_names(item.leaving)}): "
            f"{approve_command(item.source)}"
        )
    return lines


def awaiting_markdown(taken: Iterable[Awaiting], *, dry_run: bool, code: int) -> list[str]:
    """awaiting_lines as a section of the pull request's comment: the title inert (no link,
    no @mention), the file and the command as code."""
    taken = list(taken)
    if not taken:
        return []
    done = "sẽ bị rút" if dry_run else "đã bị rút"
    lines = [MARKDOWN_HEAD, "", _head(len(taken), done, code), ""]
    for item in taken:
        lines.append(
            f"- {code_span(item.source)} «{inert(item.title)}» ({done} khỏi "
            f"{channel_names(item.leaving)}): {code_span(approve_command(item.source))}"
        )
    return lines


def _head(count: int, done: str, code: int) -> str:
    """The CHÚ Ý line over `count` bulletins (`done`: «đã bị rút» or «sẽ bị rút») of a sync
    ending with exit code `code`: «vẫn là 0» only when it is."""
    why = (
        "không phải lỗi, mã thoát vẫn là 0"
        if code == 0
        else f"việc rút này không phải lỗi; mã thoát {code} là vì lỗi khác nêu ở trên"
    )
    return (
        f"CHÚ Ý: {count} bài đang đăng {done} chỉ vì bản sửa chưa được duyệt lại ({why}). "
        "Người duyệt đọc lại bản mới rồi chạy lệnh bên cạnh, commit, và lần đồng bộ sau đăng "
        "lại bài:"
    )
