"""What the next sync takes down: bulletins published now that this checkout holds back.

A bulletin set back to `draft: true`, edited after its approval or kept from a channel by
`draft: [zalo]` is left out of the build like any draft, and `publish check` said only «bản
nháp». If it is published now (state/ records it on the website, on Zalo, in an episode still
to air), merging the change withdraws it from those channels at the next sync: told here,
with the file and the channels, before anyone merges (session 68, the approver's week).

The bulletins that may be withdrawn are kept with a build's report (Outcome.withdrawable) and
state/ is read when the report is printed: a build replayed after a sync took them down must
not say they still will be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from publish.config import Config
from publish.model import Site

__all__ = ["CHANNEL_NAMES", "Withdrawable", "channel_names", "withdrawable", "withdrawal_lines"]

CHANNEL_NAMES = {"web": "website", "zalo": "Zalo", "radio": "đài"}
"""Each channel as people of the unit call it."""

Withdrawable = tuple[str, str, str, tuple[str, ...]]
"""A bulletin a sync would take down if published now: its key, its file, why it is held (the
gate's code, or «changed» for one edited after its approval; "" for one published but kept
from some channels) and the channels kept from (all for one held back)."""

HELD_WORDS = {
    "draft": "bản nháp, draft: true",
    "unapproved": "chưa được duyệt",
    "changed": "đã sửa sau khi duyệt",
    "scheduled": "hẹn giờ đăng sau",
    "secret": "mức phân loại không cho đăng",
}
"""Why a bulletin is held, in the note's brackets; the «Bỏ qua» line above says it whole."""

KEEP_IT = {
    "draft": " Chưa muốn rút thì bỏ dòng draft: true trước lần đồng bộ đó (không phải duyệt lại).",
    "unapproved": " Chưa muốn rút thì người duyệt đọc lại bản mới rồi chạy publish approve "
    "trước khi gộp.",
    "changed": " Chưa muốn rút thì người duyệt đọc lại bản mới rồi chạy publish approve trước "
    "khi gộp (hay trả tệp về bản đã duyệt: git checkout -- TỆP).",
    "scheduled": " Tới giờ hẹn, bài được đăng lại.",
}
"""What keeps a bulletin up, by why it is held: a draft needs no new approval."""

EVERY = ("web", "zalo", "radio")


def channel_names(channels: Iterable[str]) -> str:
    """«website, Zalo, đài» for ("web", "zalo", "radio")."""
    return ", ".join(CHANNEL_NAMES.get(c, c) for c in channels)


def withdrawable(site: Site) -> tuple[Withdrawable, ...]:
    """The bulletins of `site` a sync takes down from some channel if they are published now:
    each held back (expiry aside: its end was meant, and said) and each kept from a channel."""
    held = [
        (e.bulletin.key, e.bulletin.source, "changed" if e.cause == "changed" else e.code, EVERY)
        for e in site.excluded
        if e.code != "expired"
    ]
    kept = [
        (b.key, b.source, "", tuple(c for c in EVERY if c in b.held_from))
        for b in site.bulletins
        if b.held_from
    ]
    return tuple(held + kept)


def withdrawal_lines(
    bulletins: tuple[Withdrawable, ...], config: Config, now: dt.datetime
) -> list[str]:
    """One line for each of `bulletins` that state/ records published now on a channel it will
    leave, naming the file and those channels; none when state/ records none of them."""
    if not bulletins:
        return []
    from publish.sync.vanished import live_channels  # read only when a bulletin is held

    live = live_channels(config.root / "state", now, config, (b[0] for b in bulletins))
    lines = []
    for key, source, why, kept_from in bulletins:
        leaving = [c for c in live.get(key, ()) if c in kept_from]
        if not leaving:
            continue
        names = channel_names(leaving)
        which = "các kênh ấy" if len(leaving) > 1 else "kênh ấy"
        if why:
            lines.append(
                f"Sẽ rút bài đang đăng: {source} đang đăng trên {names} nhưng nay bị giữ lại "
                f"({HELD_WORDS.get(why, why)}): lần đồng bộ tới sẽ rút bài khỏi {which}."
                + KEEP_IT.get(why, "")
            )
        else:
            lines.append(
                f"Sẽ rút khỏi {names}: {source} đang đăng trên {names}, mà draft: "
                f"[{', '.join(kept_from)}] giữ bài khỏi đó: lần đồng bộ tới sẽ rút bài khỏi "
                f"{which} (các kênh khác vẫn đăng)."
            )
    return lines
