"""`publish next`: bulletins waiting for their time, those that will not go live by themselves,
those about to expire and those whose pin on the home page ends — all in the site timezone
(like `hugo list future`)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from publish import config as config_module
from publish.carried import carried
from publish.cli import common_options, resolve_now
from publish.config import Config
from publish.model import Bulletin, Site
from publish.nfc_streams import as_on_disk
from publish.text import vn_datetime
from publish.typed_here import root_flag, speak_flags

if TYPE_CHECKING:
    from publish.approval_radio import OffAir

__all__ = [
    "Upcoming",
    "add_parser",
    "blocked",
    "channel_list",
    "expiring",
    "next_scheduled",
    "pin_ending",
    "run",
    "scheduled",
    "stops_the_build",
    "time_left",
    "waiting",
]

BLOCKING_CODES = ("draft", "unapproved")
"""Gate reasons that keep a future-dated bulletin out even after its time has come."""
OFF_THE_WEB = (
    "gửi Zalo mà không có trên website (Zalo lấy ảnh và đường dẫn «xem đầy đủ» từ website): "
    "tới giờ hẹn, lỗi này dừng cả lần dựng và không bài nào được đăng; publish check nêu dòng "
    "và cách sửa"
)
"""Why a scheduled bulletin sent to Zalo but kept off the website (`draft: [web]`, which
needs no new approval) will not go live: the build at its time stops on it
(publish.render.zalo.limits.off_the_web)."""


@dataclass(frozen=True, slots=True)
class Upcoming:
    """A bulletin and the moment something happens to it (goes live or expires), in site time."""

    bulletin: Bulletin
    at: dt.datetime
    note: str = ""
    """Why it will not go live by itself (blocked ones only)."""
    radio_off: OffAir | None = None
    """Why the radio will not read it, the verdict `publish approve` gives (with_radio)."""
    stops_build: bool = False
    """Whether the build at its time stops on it (OFF_THE_WEB): no channel carries it then."""

    def channels(self, config: Config) -> list[str]:
        """The channels that will carry it: without the radio when the radio will not read it,
        as `publish approve` lists them; none when the build at its time stops on it."""
        if self.stops_build:
            return []
        going = channel_list(self.bulletin.channels, config)
        return [c for c in going if c != "radio" or self.radio_off is None]

    def radio_note(self, root: Path) -> str:
        """Why the radio is not among its channels, in words ("" when it is, or never was),
        with the command listing its read-aloud findings when some hold it (`root`: the
        project's, for that command as typed in the current folder)."""
        off = self.radio_off
        if off is None:
            return ""
        if off.aired is not None:
            return "radio: đã phát, không gửi lại cho đài"
        note = f"radio: không phát — {off.first}"
        if off.count:  # held for another reason (expiring before its broadcast…), none to list
            more = f", và {off.count - 1} chỗ khác" if off.count > 1 else ""
            command = speak_flags(root / self.bulletin.source, root_flag(root))
            note += f"{more}; xem từng chỗ: {command}"
        return note

    def as_dict(self, now: dt.datetime, config: Config) -> dict[str, Any]:
        """JSON-ready form (for --format json and sync's --summary-json)."""
        b = self.bulletin
        return {
            "key": b.key,
            "title": b.title,
            "source": b.source,
            "at": self.at.isoformat(),
            "at_text": vn_datetime(self.at),
            "in_seconds": int((self.at - now).total_seconds()),
            "in_text": time_left(self.at, now),
            "channels": self.channels(config),
            **({"note": self.note} if self.note else {}),
            **({"radio_off": self.radio_note(config.root)} if self.radio_off is not None else {}),
        }


def with_radio(items: list[Upcoming], site: Site) -> list[Upcoming]:
    """`items`, each the radio will not read with why (publish.approval_radio.off_air: the
    verdict `publish approve` gives, so that «kênh: …» here says what approve said)."""
    radio = [
        u.bulletin
        for u in items
        if not u.stops_build and "radio" in channel_list(u.bulletin.channels, site.config)
    ]
    if not radio:
        return items
    from publish.approval_radio import off_air  # reads aloud: only when the radio is asked

    off = off_air(radio, site.config, site.now)
    return [replace(u, radio_off=off.get(u.bulletin.source)) for u in items]


def scheduled(site: Site) -> list[Upcoming]:
    """Bulletins that will go live by themselves at their `date`, soonest first (without the
    radio's verdict: see with_radio)."""
    items = [
        Upcoming(e.bulletin, e.bulletin.date.astimezone(site.now.tzinfo))
        for e in site.excluded
        if e.code == "scheduled" and not stops_the_build(e.bulletin, site.config)
    ]
    return sorted(items, key=lambda u: (u.at, u.bulletin.key))


def stops_the_build(bulletin: Bulletin, config: Config) -> bool:
    """Whether `bulletin`, once its time comes, stops the build: sent to Zalo but kept off the
    website (publish.render.zalo.limits.off_the_web; `publish check` warns of it ahead)."""
    return "web" not in bulletin.channels and "zalo" in carried(bulletin.channels, config)


def blocked(site: Site) -> list[Upcoming]:
    """Future-dated bulletins that will NOT go live at their time (still a draft or unapproved,
    or one the build at its time stops on), soonest first (without the radio's verdict: see
    with_radio)."""
    items = [
        Upcoming(e.bulletin, e.bulletin.date.astimezone(site.now.tzinfo), e.reason)
        for e in site.excluded
        if e.code in BLOCKING_CODES and e.bulletin.date > site.now
    ]
    items += [
        Upcoming(e.bulletin, e.bulletin.date.astimezone(site.now.tzinfo), OFF_THE_WEB, None, True)
        for e in site.excluded
        if e.code == "scheduled" and stops_the_build(e.bulletin, site.config)
    ]
    return sorted(items, key=lambda u: (u.at, u.bulletin.key))


def waiting(site: Site) -> tuple[list[Upcoming], list[Upcoming]]:
    """scheduled(site) and blocked(site), each the radio will not read with why: one reading
    aloud for both (with_radio builds a speaker and reads the radio's records each time)."""
    ahead, stuck = scheduled(site), blocked(site)
    both = with_radio(ahead + stuck, site)
    return both[: len(ahead)], both[len(ahead) :]


def expiring(site: Site) -> list[Upcoming]:
    """Published bulletins with an expiry still ahead, soonest first."""
    items = [
        Upcoming(b, b.expires.astimezone(site.now.tzinfo))
        for b in site.bulletins
        if b.expires is not None and b.expires > site.now
    ]
    return sorted(items, key=lambda u: (u.at, u.bulletin.key))


def pin_ending(site: Site) -> list[Upcoming]:
    """Published website bulletins whose pin (`pinned` with a date) ends still ahead, soonest
    first: the next website build after that moment takes them off the home page's block."""
    items = [
        Upcoming(b, b.pinned_until.astimezone(site.now.tzinfo))
        for b in site.bulletins
        if b.pinned_until is not None
        and b.pinned_until > site.now
        and "web" in b.channels
        # One expiring first leaves the block then, and is listed among those expiring.
        and (b.expires is None or b.pinned_until < b.expires)
    ]
    return sorted(items, key=lambda u: (u.at, u.bulletin.key))


def next_scheduled(site: Site) -> Upcoming | None:
    """The next bulletin waiting for its time (with the radio's verdict on it), or None."""
    items = scheduled(site)
    return with_radio(items[:1], site)[0] if items else None  # one read aloud, not every one


def time_left(at: dt.datetime, now: dt.datetime) -> str:
    """How long until `at`, in words: "còn 2 ngày 3 giờ", "còn 45 phút", "còn dưới 1 phút"."""
    seconds = int((at - now).total_seconds())
    if seconds < 60:
        return "còn dưới 1 phút" if seconds >= 0 else "đã qua"
    minutes = seconds // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [(days, "ngày"), (hours, "giờ"), (minutes, "phút")]
    shown = [f"{n} {unit}" for n, unit in parts if n][:2]
    return "còn " + " ".join(shown)


def channel_list(channels: Iterable[str], config: Config) -> list[str]:
    """The channels that carry the bulletin, in their usual order (see publish.carried)."""
    return carried(channels, config)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `next`."""
    parser = subparsers.add_parser(
        "next",
        parents=[common_options()],
        help="liệt kê bản tin hẹn giờ đang chờ đăng, bản tin sắp hết hạn và sắp hết ghim",
        description=(
            "Liệt kê bản tin hẹn giờ (ngày đăng ở tương lai) theo giờ của đơn vị, bản tin hẹn giờ "
            "nhưng chưa thể tự lên (bản nháp, chưa duyệt), bản tin sắp hết hạn và bản tin sắp hết "
            "ghim ở đầu trang chủ website. Bản tin chỉ thực "
            "sự lên khi có một lần 'publish sync' chạy sau giờ hẹn."
        ),
    )
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="dạng in (json: cho CI và công cụ khác)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the schedule."""
    config = config_module.load(args.root)
    now = resolve_now(args.now, config.tz)
    from publish.content import load_site  # not for `publish sync`, which imports this module

    site = load_site(config, now=now)
    if args.format == "json":
        ahead, stuck = waiting(site)
        document = {
            "now": now.isoformat(),
            "timezone": config.site.timezone,
            "scheduled": [u.as_dict(now, config) for u in ahead],
            "blocked": [u.as_dict(now, config) for u in stuck],
            "expiring": [u.as_dict(now, config) for u in expiring(site)],
            "pin_ending": [u.as_dict(now, config) for u in pin_ending(site)],
        }
        # Paths as on disk, for a script to open (a Mac's NFD name too).
        print(json.dumps(document, ensure_ascii=False, indent=2), file=as_on_disk(sys.stdout))
    else:
        print(render_text(site))
    return 0


def render_text(site: Site) -> str:
    """The schedule as text for a terminal or a CI log."""
    now = site.now
    lines = [f"Bây giờ: {vn_datetime(now)} (giờ {site.config.site.timezone})."]
    ahead, stuck = waiting(site)
    if ahead:
        lines += ["", f"Bản tin chờ đến giờ đăng ({len(ahead)}):"]
        lines += [line for u in ahead for line in _entry(u, now, site.config)]
        lines.append(
            "  Bản tin chỉ thực sự lên khi có một lần 'publish sync' chạy sau giờ hẹn "
            "(trong CI: lần chạy theo lịch kế tiếp)."
        )
    else:
        lines += ["", "Không có bản tin nào đang chờ đến giờ đăng."]
    if stuck:
        lines += ["", f"Hẹn giờ nhưng sẽ KHÔNG tự lên ({len(stuck)}) — cần xử lý trước giờ hẹn:"]
        lines += [line for u in stuck for line in _entry(u, now, site.config, note=u.note)]
    ending = expiring(site)
    if ending:
        lines += [
            "",
            f"Bản tin sắp hết hạn ({len(ending)}) — sẽ được gỡ ở lần đồng bộ sau giờ này:",
        ]
        lines += [line for u in ending for line in _entry(u, now, site.config)]
    unpinned = pin_ending(site)
    if unpinned:
        lines += [
            "",
            f"Bản tin sắp hết ghim ({len(unpinned)}) — rời khung «Tin cần chú ý» đầu trang chủ "
            "website ở lần dựng sau giờ này:",
        ]
        lines += [line for u in unpinned for line in _entry(u, now, site.config)]
    return "\n".join(lines)


def _entry(item: Upcoming, now: dt.datetime, config: Config, *, note: str = "") -> list[str]:
    """Two lines for one bulletin: when and title; file and channels (and why it is stuck)."""
    channels = ", ".join(item.channels(config)) or "không kênh nào"
    second = f"      {item.bulletin.source} → {channels}"
    if item.radio_off is not None:
        second += f" ({item.radio_note(config.root)})"
    if note:
        second += f"; lý do: {note}"
    return [
        f"  {vn_datetime(item.at)} ({time_left(item.at, now)})  «{item.bulletin.title}»",
        second,
    ]
