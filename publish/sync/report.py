"""How a sync ended, for people and machines: the summary lines, --summary-json and the PR comment."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from publish.commands.next import Upcoming, time_left
from publish.config import Config
from publish.errors import ContentError, Problem, PublishError, os_reason, shared_fixes
from publish.markdown_inert import code_span as _code
from publish.markdown_inert import inert as _cell
from publish.markdown_inert import problem_item
from publish.model import Build, Bulletin, Site
from publish.secret_mask import masked
from publish.sync.base import Action, Summary, label_of, unsent_part
from publish.sync.radio_reached import Heard
from publish.sync.vanished import Published, live_channels, web_version
from publish.text import vn_datetime

__all__ = [
    "ChannelResult",
    "WebNews",
    "closing_message",
    "exit_code",
    "markdown_problems",
    "render_markdown",
    "render_text",
    "summary_document",
    "web_news",
    "write_json",
]

TITLES = {"web": "Website", "zalo": "Zalo OA", "radio": "Phát thanh"}

SECRET_TITLE = "(tài liệu mật — không hiện tiêu đề)"

MAX_ROWS = 60
"""Rows per channel in the Markdown plan: a PR comment must stay readable (and under 64 KB)."""

KIND_ORDER = {"refuse": 0, "conflict": 1, "withdraw": 2, "remove": 3}
"""Markdown lists what needs a person first, so it survives the row limit."""


@dataclass(slots=True)
class ChannelResult:
    """How one channel's sync ended: its summary and plan, or why it did not run."""

    summary: Summary
    actions: list[Action] = field(default_factory=list)
    error: str | None = None
    """The channel stopped before or while planning (credentials, folder, network)."""
    exit_code: int = 0
    skipped: str | None = None
    """Not configured (only when no target was named): why."""
    note: str = ""
    """Where the plan came from, e.g. "from the state file alone" (syncer.plan_note)."""
    warning: str = ""
    """Why the plan may be wrong, e.g. the station folder could not be read (syncer.plan_warning)."""
    place: str = ""
    """Where the counted files are, e.g. the station folder (syncer.place)."""
    heard: Heard | None = None
    """Radio, after a real sync: what the station folder holds of each bulletin to come."""

    @property
    def channel(self) -> str:
        """The channel name."""
        return self.summary.channel

    @property
    def status(self) -> str:
        """ok, failed (some actions failed), error (channel stopped) or skipped."""
        if self.skipped:
            return "skipped"
        if self.error:
            return "error"
        return "failed" if self.summary.failed else "ok"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form for --summary-json."""
        return {
            **self.summary.as_dict(),
            "status": self.status,
            "error": self.error,
            "skipped": self.skipped,
            "note": self.note,
            "warning": self.warning,
            "place": self.place,
        }


def markdown_problems(error: ContentError) -> str:
    """A content error as Markdown for the pull-request comment (the CLI prints it on stderr too)."""
    lines = ["## Không dựng được: lỗi nội dung", "", "Chưa có gì được gửi. Sửa các lỗi sau:", ""]
    lines += _items(error.problems, problem_item)
    if error.note:
        lines += ["", error.note]
    return "\n".join(lines) + "\n"


def _items(problems: Iterable[Problem], item: Callable[[Problem], str]) -> list[str]:
    """`problems` as Markdown list items (`item`), a fix several share said once after the last
    of them as its own item, as the terminal says it (publish.errors.render_all)."""
    lines = []
    for problem, shared in shared_fixes(problems):
        lines.append(item(problem))
        if shared:
            lines.append(f"- {_cell(shared)}")
    return lines


def exit_code(results: Sequence[ChannelResult]) -> int:
    """1 when a channel needs a person to fix something, 3 when a remote step failed, else 0."""
    codes = {r.exit_code for r in results if r.error}
    if any(code != 3 for code in codes) or any(r.summary.needs_person for r in results):
        return 1
    unfinished = any(r.summary.pending or r.summary.unverified for r in results)
    if codes or unfinished or any(r.summary.failed for r in results):
        return 3
    return 0


def closing_message(results: Sequence[ChannelResult], dry_run: bool) -> str:
    """The last lines on stderr when the sync did not fully succeed ("" when it did)."""
    code = exit_code(results)
    rerun = (
        "Chạy lại để tiếp tục."
        if dry_run
        else "Phần đã xong đã được lưu trong state/; chạy lại để tiếp tục."
    )
    if code == 3 and not any(r.error or r.summary.failed for r in results):
        return (
            "Kênh chưa xử lý xong một số thao tác (xem ở trên): lần đồng bộ sau làm tiếp trước "
            "mọi việc khác. Không cần làm gì."
        )
    steps = _next_steps(results)
    if code == 3 and steps:
        # A bare «chạy lại» for a refusal a rerun meets again (a list read short every run)
        # left the operator rerunning: each such failure says what to check first.
        others = f"\nCác thao tác thất bại khác: {rerun[0].lower()}{rerun[1:]}"
        return (
            "Một số thao tác đồng bộ thất bại (xem ở trên).\n"
            + steps
            + (others if _rerun_helps(results) else "")
        )
    if code == 3:
        return f"Một số thao tác đồng bộ thất bại (xem ở trên). {rerun}"
    if not code:
        return ""
    # «the other channels were still synced» only when some were: after `publish sync radio`
    # alone it told the operator of channels nobody asked for.
    synced = [
        r.channel for r in results if not r.error and not r.skipped and not r.summary.needs_person
    ]
    fix = "Có kênh gặp lỗi cần sửa (xem ở trên)" + (
        f"; kênh {', '.join(synced)} vẫn được đồng bộ." if synced else "."
    )
    if steps:
        fix += f"\n{steps}"
    if not _rerun_helps(results):
        return fix
    # Exit 1 outranks 3, but the steps that failed on the channel's side still need a rerun:
    # an operator told only "fix this" would leave them undone until the next scheduled run.
    return (
        f"{fix}\nNgoài ra có thao tác thất bại do lỗi phía kênh (mạng, Zalo, thư mục đài; xem ở "
        f"trên): không cần sửa gì cho chúng. {rerun}"
    )


def _rerun_helps(results: Sequence[ChannelResult]) -> bool:
    """Whether some step failed on the channel's side, so that running again would finish it
    (not one whose error says what to check first: see _next_steps)."""
    return any(
        (r.error and r.exit_code == 3)
        or len(r.summary.failed) > r.summary.needs_person + len(r.summary.next_steps)
        for r in results
    )


def _next_steps(results: Sequence[ChannelResult]) -> str:
    """What to check before running again for each failure that says so (Summary.next_steps),
    one line per advice, led by the bulletins it concerns ("" when none)."""
    keys: dict[str, list[str]] = {}
    for result in results:
        for action, step in result.summary.next_steps:
            keys.setdefault(step, []).append(action.key)
    return "\n".join(f"{', '.join(named)}: {step}" for step, named in keys.items())


def _line(result: ChannelResult, dry_run: bool, quote: Callable[[str], str] = str) -> str:
    """One summary line for a channel (`quote`: how to write the text it did not make)."""
    s = result.summary
    if result.skipped:
        return f"{s.channel}: bỏ qua — {quote(result.skipped)}"
    if result.error:
        # Told here only, in full (sync does not print it as well when it happens).
        return f"{s.channel}: LỖI — " + "\n    ".join(quote(x) for x in result.error.splitlines())
    name = f"{s.channel} (dự kiến)" if dry_run else s.channel
    if s.channel == "web":
        # Files, not bulletins (a bulletin is its page, images, feed entries…): «461 tạo mới»
        # read as 461 new bulletins. Said once, at the first count: five «tệp» in a line.
        return (
            f"{name}: {s.created} tệp tạo mới, {s.updated} cập nhật, {s.hidden} gỡ bỏ, "
            f"{s.unchanged} không đổi ({quote(result.note)})"
        )
    line = (
        (
            f"{name}: {s.created} tạo mới, {s.updated} cập nhật, {s.hidden} rút lại/gỡ, "
            f"{s.unchanged} không đổi, {unsent_part(s.unsent)}{s.conflicts} xung đột, "
            f"{s.refused} từ chối, "
            f"{len(s.failed)} thất bại"
        )
        + (
            f", {len(s.pending)} chờ {TITLES.get(s.channel, s.channel)} xử lý xong"
            if s.pending
            else ""
        )
        + (f", {len(s.unverified)} đã gửi, chưa xác minh được" if s.unverified else "")
    )
    if result.place:
        line += f" ({quote(result.place)})"
    return f"{line} — CẢNH BÁO: {quote(result.warning)}." if result.warning else line


def render_text(
    results: Sequence[ChannelResult],
    upcoming: Upcoming | None,
    now: Any,
    config: Config,
    *,
    dry_run: bool,
) -> str:
    """The closing summary: one line per channel, then the next scheduled bulletin."""
    head = "Tóm tắt (chạy thử, chưa gửi gì):" if dry_run else "Tóm tắt đồng bộ:"
    lines = [head]
    for result in results:
        lines.append(f"  {_line(result, dry_run)}")
        if result.summary.pending:
            lines.append(f"  {_pending_line(result)}")
        if result.summary.unverified:
            lines.append(f"  {_unverified_line(result)}")
    lines.append(_next_line(upcoming, now, config))
    return "\n".join(lines)


def _pending_line(result: ChannelResult, quote: Callable[[str], str] = str) -> str:
    """What the channel has not finished, and that nothing needs doing (`quote`: see _line)."""
    s = result.summary
    keys = ", ".join(quote(a.key) for a, _ in s.pending)
    where = TITLES.get(s.channel, s.channel)
    return (
        f"{s.channel}: {len(s.pending)} thao tác chưa được xác nhận vì {where} vẫn đang xử lý "
        f"khi hết thời gian chờ ({keys}). Không phải thất bại: bài có thể vẫn hiện trên {where}; "
        "lần đồng bộ sau xác minh lại các thao tác này trước mọi việc khác, không gửi lại, "
        "không tạo bài lần nữa. Không cần làm gì."
    )


def _unverified_line(result: ChannelResult, quote: Callable[[str], str] = str) -> str:
    """What was sent but not confirmed, and that nothing needs doing (`quote`: see _line)."""
    s = result.summary
    keys = ", ".join(quote(a.key) for a, _ in s.unverified)
    where = TITLES.get(s.channel, s.channel)
    return (
        f"{s.channel}: {len(s.unverified)} thao tác đã gửi lên {where} nhưng chưa hỏi được kết "
        f"quả (mạng, lỗi máy chủ hay giới hạn gọi API; lý do từng mục ở trên: {keys}). Không "
        f"phải thất bại: bài có thể đã hiện trên {where}; lần đồng bộ sau xác minh các thao tác "
        "này trước mọi việc khác, không gửi lại, không tạo bài lần nữa. Không cần làm gì."
    )


def _next_line(
    upcoming: Upcoming | None, now: Any, config: Config, quote: Callable[[str], str] = str
) -> str:
    """The next bulletin waiting for its time, in one sentence (`quote`: see _line)."""
    if upcoming is None:
        return "Không có bản tin hẹn giờ nào đang chờ."
    b = upcoming.bulletin
    channels = ", ".join(upcoming.channels(config)) or "không kênh nào"
    off = f" ({quote(upcoming.radio_note(config.root))})" if upcoming.radio_off is not None else ""
    return (
        f"Bản tin hẹn giờ kế tiếp: «{quote(b.title)}» ({quote(b.source)}) lúc {vn_datetime(upcoming.at)} "
        f"({time_left(upcoming.at, now)}); kênh: {channels}{off}."
    )


def summary_document(
    results: Sequence[ChannelResult],
    site: Site,
    upcoming: Upcoming | None,
    *,
    dry_run: bool,
    code: int,
) -> dict[str, Any]:
    """The --summary-json document: per-channel counts, the next scheduled bulletin
    (`upcoming`: publish.commands.next.next_scheduled's, which reads it aloud), exit code."""
    return {
        "dry_run": dry_run,
        "now": site.now.isoformat(),
        "exit_code": code,
        "channels": [r.as_dict() for r in results],
        "next_scheduled": upcoming.as_dict(site.now, site.config) if upcoming else None,
        "excluded": [
            {
                "source": e.bulletin.source,
                "title": SECRET_TITLE if e.code == "secret" else e.bulletin.title,
                "code": e.code,
                "reason": e.reason,
            }
            for e in site.excluded
        ],
    }


def write_json(path: Path, document: dict[str, Any]) -> None:
    """Write a JSON document for CI (UTF-8, readable), secrets masked: CI keeps it as an
    artifact anyone with access to the repository may download."""
    text = masked(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise PublishError(f"--summary-json: không ghi được {path} ({os_reason(exc)}).") from None


def render_markdown(
    results: Sequence[ChannelResult],
    result: Build,
    upcoming: Upcoming | None,
    *,
    dry_run: bool,
    news: WebNews | None = None,
) -> str:
    """The plan (or what was done) as Markdown for a pull-request comment (`upcoming`: the
    next scheduled bulletin, as summary_document has it; `news`: web_news's, taken before the
    sync recorded what it publishes)."""
    site = result.site
    head = "Kế hoạch đồng bộ (chạy thử, chưa gửi gì)" if dry_run else "Kết quả đồng bộ"
    lines = [
        f"## {head}",
        "",
        f"Tính tại thời điểm {vn_datetime(site.now)} ({site.config.site.timezone}).",
        "",
    ]
    for channel_result in results:
        lines += _markdown_channel(channel_result, dry_run)
        if channel_result.channel == "web" and not (channel_result.error or channel_result.skipped):
            lines += _web_news(news or WebNews(), dry_run)
    lines += _radio_left_out(results, site, dry_run)
    lines += _markdown_excluded(site)
    if result.warnings:
        lines += ["### Cảnh báo khi dựng", ""]
        # As the errors are told (markdown_problems): a warning's fix after its full stop.
        lines += _items(result.warnings, problem_item)
        lines.append("")
    lines += [
        "### Hẹn giờ kế tiếp",
        "",
        _next_line(upcoming, site.now, site.config, _cell),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _markdown_channel(result: ChannelResult, dry_run: bool) -> list[str]:
    """One channel's section: its plan table, or why it did not run."""
    lines = [f"### {TITLES.get(result.channel, result.channel)}", ""]
    if result.note and result.channel != "web":
        lines += [f"_{_cell(result.note)}_", ""]
    if result.warning:
        lines += [f"**Cảnh báo:** {_cell(result.warning)}.", ""]
    if result.skipped:
        return [*lines, f"Bỏ qua: {_cell(result.skipped)}.", ""]
    if result.error:
        return [*lines, "Không lập được kế hoạch:", "", *_fence(result.error), ""]
    lines += [_line(result, dry_run, _cell), ""]
    planned = (a for a in result.actions if a.kind != "noop")
    active = sorted(
        [*planned, *result.summary.followed],
        key=lambda a: KIND_ORDER.get(a.kind, len(KIND_ORDER)),
    )
    if active:
        lines += ["| Thao tác | Mục | Lý do |", "|---|---|---|"]
        for action in active[:MAX_ROWS]:
            key = _code(action.key)
            item = f"{_cell(action.title)} ({key})" if action.title else key
            lines.append(f"| {_cell(label_of(action))} | {item} | {_cell(action.reason)} |")
        if len(active) > MAX_ROWS:
            lines.append(f"| … | và {len(active) - MAX_ROWS} thao tác khác | |")
        lines.append("")
    if result.summary.pending:
        lines += [_pending_line(result, _cell), ""]
        lines += [f"- {_code(a.key)}: {_cell(message)}" for a, message in result.summary.pending]
        lines.append("")
    if result.summary.unverified:
        lines += [_unverified_line(result, _cell), ""]
        lines += [f"- {_code(a.key)}: {_cell(m)}" for a, m in result.summary.unverified]
        lines.append("")
    failures = result.summary.failed
    if failures:
        lines += ["Thất bại:", ""]
        lines += [f"- {_code(a.key)}: {_cell(message)}" for a, message in failures]
        lines.append("")
    return lines


def _radio_left_out(results: Sequence[ChannelResult], site: Site, dry_run: bool) -> list[str]:
    """A section saying the radio is not in this plan, for a dry run without it while bulletins
    go to the radio: CI's pull-request preview plans web and Zalo only (it does not see the
    station's folder), and a plan with no radio section read as «nothing changes on the radio»."""
    if not dry_run or any(r.channel == "radio" for r in results) or not site.for_channel("radio"):
        return []
    return [
        f"### {TITLES['radio']}",
        "",
        "Không có trong kế hoạch này (lần chạy thử không gồm kênh radio: máy xem trước pull request "
        "không thấy thư mục của đài). Bài nào sẽ bị rút khỏi đài: các dòng «Sẽ rút…» của publish "
        "check ở bước kiểm tra; cả kế hoạch của đài: chạy publish sync radio --dry-run trên máy "
        "thấy thư mục của đài.",
        "",
    ]


@dataclass(frozen=True, slots=True)
class WebNews:
    """The bulletins whose page this sync puts on the website, as state/ recorded the website
    before it: the website's line counts files, so a bulletin going out on the website alone
    (`channels: [web]`) was named by no line of the comment an approver reads."""

    first: tuple[Bulletin, ...] = ()
    """Those state/ did not record on the website."""
    edited: tuple[Bulletin, ...] = ()
    """Those on it whose approval covers another page than the one recorded (web_version):
    edited and approved again since the last sync."""


def web_news(site: Site, state: Path) -> WebNews:
    """The WebNews of `site`: read before a sync records what it publishes (after it, state/
    names every one of them as live, in the version published), from the sync's `state`
    folder, its published.json parsed once."""
    from publish.id_holders import Records  # only for a plan that names web pages

    shown = [b for b in site.for_channel("web") if not site.is_preview(b)]
    config = site.config
    published = Published(state)
    records = Records(config.root, published)
    live = live_channels(state, site.now, config, (b.key for b in shown), records)
    first = tuple(b for b in shown if "web" not in live.get(b.key, ()))
    versions = published.web_versions or {}
    edited = tuple(
        b
        for b in shown
        if "web" in live.get(b.key, ()) and versions.get(b.key, web_version(b)) != web_version(b)
    )
    return WebNews(first, edited)


def _web_news(news: WebNews, dry_run: bool) -> list[str]:
    """The bulletins going on the website for the first time, then those whose page an edit
    approved again replaces, each with its file and date."""
    first = "Bản tin sẽ lên website lần đầu" if dry_run else "Bản tin lên website lần đầu"
    edited = "Bản tin đang có trên website, sửa và duyệt lại sau lần đồng bộ trước"
    lines: list[str] = []
    for head, found in ((first, news.first), (edited, news.edited)):
        if not found:
            continue
        lines += [f"{head} ({len(found)}):", ""]
        lines += [
            f"- «{_cell(b.title)}» ({_code(b.source)}), ngày đăng {vn_datetime(b.date)}"
            for b in found[:MAX_ROWS]
        ]
        if len(found) > MAX_ROWS:
            lines.append(f"- … và {len(found) - MAX_ROWS} bản tin khác")
        lines.append("")
    return lines


def _markdown_excluded(site: Site) -> list[str]:
    """Bulletins kept off every channel, with the reason (titles of secret ones withheld)."""
    if not site.excluded:
        return []
    lines = ["### Không xuất bản", "", "| Bản tin | Tệp | Lý do |", "|---|---|---|"]
    for exclusion in site.excluded:
        bulletin = exclusion.bulletin
        title = SECRET_TITLE if exclusion.code == "secret" else bulletin.title
        reason = exclusion.reason
        if exclusion.code == "scheduled":
            reason += f" ({time_left(bulletin.date, site.now)})"
        lines.append(f"| {_cell(title)} | {_code(bulletin.source)} | {_cell(reason)} |")
    return [*lines, ""]


def _fence(text: str) -> list[str]:
    """Text in a fenced block its own backticks cannot close."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, text, fence]
