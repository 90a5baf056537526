"""`publish sync [web] [zalo] [radio]`: build, then bring each channel in line with the build.

With no target, every configured channel is synced: the website (output/web/, which the CI
deploy step uploads), Zalo OA and the radio folder. A channel that fails does not stop the others.

Exit codes: 0 everything done; 1 a content or configuration error (content errors are found at
build, before anything is sent), or an action refused until a person decides (a Zalo article
that is not the version the tool last posted, a station-edited script of an episode to come
still holding a withdrawn bulletin); 3 a remote step failed or is not finished on
the channel's side (a Zalo job still processing, told as pending, not failed) — what succeeded
is saved in state/, so running again continues where this run stopped — or another sync was
running and this one did nothing. When both 1 and 3 happen, 1 wins: a person must act; the closing message still says
that running again finishes the steps that failed on the channel's side.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from publish import ci_report
from publish import config as config_module
from publish.cache import Fragments, file_sha256
from publish.cli import common_options, resolve_now, typed_path
from publish.commands.build import QUIET_CODES, how_to_publish, outcome_of, print_exclusions
from publish.commands.next import next_scheduled
from publish.config import CHANNELS, Config
from publish.errors import ContentError, Problem, PublishError, render_all
from publish.long_lived import long_lived, release
from publish.model import Build, Site
from publish.output_lock import channels_lock, output_lock, output_lock_if_free
from publish.output_place import kept_lines, refuse_unknown_files, refuse_unsafe
from publish.preview import PREVIEW_SHOWN, in_preview
from publish.progress import Progress, Status, counted, is_interactive
from publish.replay import LastBuild, Outcome
from publish.stop_signal import terminate_as_interrupt
from publish.sync.awaiting import (
    Awaiting,
    awaiting_approval,
    awaiting_lines,
    awaiting_markdown,
    taken_down,
)
from publish.sync.base import (
    BRIEF_SHOWN,
    Action,
    Summary,
    bucket_of,
    monotonic_now,
    record_addresses,
    record_now,
    record_rates,
    run,
    state_snapshot,
    sync_lock,
    time_milestones,
    unconfirmed,
)
from publish.sync.radio_reached import Heard
from publish.sync.report import (
    ChannelResult,
    WebNews,
    closing_message,
    exit_code,
    markdown_problems,
    render_markdown,
    render_text,
    summary_document,
    web_news,
    write_json,
)
from publish.sync.vanished import (
    CONFIRM_FLAG,
    PUBLISHED_NAME,
    Published,
    record_published,
    refuse_vanished,
)
from publish.timings import COMPARING, WRITING, Timings
from publish.writer import WriteReport, interrupted_note, write

if TYPE_CHECKING:
    from publish.id_holders import Records

__all__ = [
    "SYNCERS",
    "TARGETS",
    "ChannelResult",
    "SyncOptions",
    "add_parser",
    "exit_code",
    "render_markdown",
    "run_command",
    "summary_document",
]

SYNCERS = {"zalo": "publish.sync.zalo", "radio": "publish.sync.radio"}
"""Channel → module with `make_syncer(config, *, site, output, options) -> Syncer`."""
TARGETS = ("web", *SYNCERS)
WEB_NOTE = (
    "đếm trong output/web/, không phải số bản tin: một bản tin là trang, ảnh, mục trong nguồn "
    "tin…; bước triển khai của CI tải thư mục này lên"
)
DRY_RUN_NOTES = {
    "zalo": "Kế hoạch lập từ tệp trạng thái state/zalo.json, không hỏi Zalo "
    "(chạy thử không cần thông tin đăng nhập Zalo).",
}

ASKED_OA_NOTE = (
    "Kế hoạch lập từ tệp trạng thái state/zalo.json; chạy thử chỉ đọc danh sách bài trên Zalo OA "
    "(bằng token sẵn có, không gửi gì) để biết bản tin sắp tạo mới đã có bài chưa."
)
"""DRY_RUN_NOTES' Zalo line for a dry run that read the OA (see zalo_unrecorded.dry_check)."""
UNASKED_NOTE = "Kế hoạch lập từ tệp trạng thái state/zalo.json."
"""DRY_RUN_NOTES' Zalo line when the Zalo syncer's own note says why Zalo was not asked."""


@dataclass(frozen=True, slots=True)
class SyncOptions:
    """What the user asked of a sync (passed to every syncer)."""

    dry_run: bool = False
    reconcile: bool = False
    output: Path = Path("output")
    state: Path = Path("state")
    cache: Path | None = None
    """The project's .cache/ (None in a dry run, whose output is a throwaway folder)."""
    echo: Callable[[str], None] = print
    """Where a syncer prints extra lines (stderr when stdout carries Markdown; keeps the bar intact)."""
    zalo_overwrite: tuple[str, ...] = ()
    """Bulletins (key or file) whose Zalo article may be changed although it is not the version
    the tool last posted (edited by hand in the OA admin page)."""
    zalo_create_anyway: tuple[str, ...] = ()
    """Bulletins (key or file) created on Zalo although the OA holds an article of their title
    that the records do not know (one the OA admin posted by hand)."""
    zalo_forget: tuple[str, ...] = ()
    """Records of state/zalo.json (key or file) dropped for --reconcile to take their bulletins'
    articles back from the OA (records the tool could not have written, no good copy in git)."""
    confirm_withdrawal: bool = False
    """--confirm-withdrawal: a channel may withdraw most of what it shows at once."""
    zalo_seen: tuple[dict[str, tuple[int, int, int, int]], int] | None = None
    """The stat of each file of output/zalo/ the replay took checking the folder (see
    LastBuild.seen): the Zalo syncer takes them instead of taking them again."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `sync`."""
    parser = subparsers.add_parser(
        "sync",
        parents=[common_options()],
        help="dựng rồi đồng bộ website, Zalo OA và thư mục đài phát thanh",
        description=(
            "Dựng toàn bộ, rồi đưa từng kênh về đúng bản dựng: chạy lại bao nhiêu lần cũng không "
            "đăng trùng. Không nêu kênh: mọi kênh đã cấu hình. Mã thoát: 0 xong; 1 lỗi nội dung "
            "hoặc cấu hình; 3 lỗi phía kênh (phần đã xong đã lưu, chạy lại để tiếp tục) hoặc một "
            "lệnh sync khác đang chạy (lần này không làm gì)."
        ),
    )
    parser.add_argument(
        "targets", nargs="*", metavar="KÊNH", help="web, zalo, radio (mặc định: mọi kênh)"
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="chỉ in kế hoạch: không gửi gì, không ghi state/ hay output/",
    )
    parser.add_argument(
        "--reconcile",
        action="store_true",
        help="dựng lại trạng thái bị mất từ danh sách bài trên kênh (Zalo: getslice)",
    )
    parser.add_argument(
        "--zalo-overwrite",
        action="append",
        default=[],
        metavar="KHÓA_HOẶC_TỆP",
        help="cho phép cập nhật, ẩn hay gỡ bài Zalo của bản tin này (khóa hoặc tệp .md) dù bài "
        "trên Zalo không còn là bản công cụ đăng lần trước (đã bị sửa tay trong trang quản trị "
        "OA), và gửi lại bản trong kho cả khi bản tin không đổi; với --reconcile: nhận bài cùng "
        "tiêu đề trên Zalo làm bài của bản tin dù nội dung khác (TỆP=MÃ_BÀI chọn một bài khi có "
        "nhiều bài cùng tiêu đề) rồi cập nhật nó theo bản tin; lặp lại cho từng bản tin",
    )
    parser.add_argument(
        "--zalo-create-anyway",
        action="append",
        default=[],
        metavar="KHÓA_HOẶC_TỆP",
        help="vẫn tạo bài Zalo mới cho bản tin này (khóa hoặc tệp .md) dù OA đã có bài cùng tiêu "
        "đề mà state/zalo.json không ghi (bài quản trị viên OA đăng tay, được giữ nguyên), hoặc "
        "dù một lần tạo bài trước đó bị ngắt mà không ghi nội dung đã gửi (không nhận bài cùng "
        "tiêu đề trên Zalo làm bài của lần ấy; lần tạo có ghi nội dung thì bài đúng nội dung ấy "
        "vẫn được nhận, không tạo trùng); lặp lại cho từng bản tin",
    )
    parser.add_argument(
        "--zalo-forget",
        action="append",
        default=[],
        metavar="KHÓA_HOẶC_TỆP",
        help="cùng --reconcile: bỏ bản ghi này (khóa như lời báo lỗi nêu, hoặc tệp .md) khỏi "
        "state/zalo.json rồi tìm lại bài của bản tin trên OA theo tiêu đề và nội dung, không tạo "
        "trùng; dùng khi bản ghi hỏng mà git không còn bản đúng; lặp lại cho từng bản ghi",
    )
    parser.add_argument(
        CONFIRM_FLAG,
        action="store_true",
        help="xác nhận rút hàng loạt: cho đồng bộ cả khi content/ không còn bản tin nào mà "
        "state/ ghi đã đăng, hoặc khi từ một nửa số bản tin đã đăng (ít nhất 5), hay từ "
        "[policy] confirm_withdrawal_from bản tin (mặc định 20), không còn trong content/ "
        "(mặc định: từ chối, không làm gì)",
    )
    parser.add_argument(
        "--format",
        choices=["text", "markdown"],
        default="text",
        help="dạng in (markdown: kế hoạch để bình luận vào pull request)",
    )
    parser.add_argument(
        "--summary-json", type=Path, metavar="TỆP", help="ghi bản tóm tắt JSON cho CI"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="coi cảnh báo nội dung và dữ liệu cá nhân chưa được duyệt là lỗi: không gửi gì "
        "(như publish check --strict)",
    )
    parser.add_argument(
        "--wait",
        action="store_true",
        help="một lệnh sync khác đang chạy thì chờ nó xong (tối đa 30 phút) thay vì dừng ngay "
        "với mã 3",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="liệt kê từng bản tin bỏ qua vì là bản nháp hay chưa tới giờ hẹn (mặc định chỉ in "
        "số lượng trong một dòng), và ngoài cửa sổ dòng lệnh (CI, tệp nhật ký) mọi thao tác tạo "
        "mới, cập nhật, xác minh trong kế hoạch và kết quả (mặc định chỉ 20 thao tác đầu, còn "
        "lại được đếm)",
    )
    parser.add_argument(
        "--timings",
        action="store_true",
        help="in thời gian từng giai đoạn (dựng, ghi, rồi từng kênh: quan sát, lập kế hoạch, "
        "thực hiện) và CPU đã dùng, để tìm chỗ chậm",
    )
    parser.add_argument(
        "--output", default="output", metavar="THƯ_MỤC", help="thư mục đầu ra (mặc định output/)"
    )
    parser.set_defaults(run=run_command)


def run_command(args: argparse.Namespace) -> int:
    """Build, write, sync each channel, print the summary; return 0, 1 or 3."""
    try:
        with terminate_as_interrupt():  # CI's cancel stops a sync as a Ctrl+C does
            return _run(args)
    finally:
        release()  # what the replay and the channels' plans loaded (see publish.long_lived)


def _run(args: argparse.Namespace) -> int:
    """run_command's work."""
    timings: Timings = getattr(args, "stopwatch", None) or Timings()
    targets = _targets(args.targets)
    for option, names in (
        ("--zalo-overwrite", args.zalo_overwrite),
        ("--zalo-create-anyway", args.zalo_create_anyway),
        ("--zalo-forget", args.zalo_forget),
    ):
        if names and "zalo" not in targets:
            # Said nothing before: the operator believed the article had been overwritten.
            raise PublishError(
                f"{option} chỉ có tác dụng khi đồng bộ Zalo: lệnh này không đồng bộ Zalo nên "
                f"chưa làm gì. Chạy lại với kênh zalo, ví dụ: publish sync zalo "
                + ("--reconcile " if args.reconcile or option == "--zalo-forget" else "")
                + f"{option} "
                + f" {option} ".join(names)
            )
    _refuse_preview(args)
    refuse_unsafe(args.root, args.output, CHANNELS)
    config = config_module.load(args.root)
    now = resolve_now(args.now, config.tz)
    live = args.root / args.output
    markdown = args.format == "markdown"
    log = _stderr if markdown else print
    with ExitStack() as stack:
        if args.dry_run:
            # The plan is made from a throwaway build: a dry run leaves output/ and state/ as they are.
            output = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="publish-thu-")))
        else:
            output = live
            stack.enter_context(sync_lock(args.root / "state", wait=args.wait, tz=config.tz))
            # The channels below send what this build wrote to output/zalo and output/radio: a
            # `publish build` in another terminal must not rewrite them meanwhile.
            stack.enter_context(channels_lock(args.root, "sync", tz=config.tz))
        # `publish serve` or `publish build` in another terminal writes output/ and .cache/
        # too (a dry run's build writes .cache/ and prunes its images). Held until output/ is
        # written: a serve rebuild then waits seconds, not for every article sent to Zalo.
        writing = stack.enter_context(ExitStack())
        writing.enter_context(output_lock(args.root, "sync", tz=config.tz))
        if not args.dry_run:  # under the lock: another build there records its files first
            refuse_unknown_files(args.root, args.output, CHANNELS)
        # The replay refuses such an output (publish.replay): this sync writes it whole first.
        then = (
            "Lần chạy thử này không sửa gì (chỉ so với đầu ra ấy): chạy publish build trước."
            if args.dry_run
            else "Lần đồng bộ này dựng và ghi lại đủ mọi tệp trước khi gửi."
        )
        if note := interrupted_note(args.root / args.output, then):
            print(note, file=sys.stderr)
        # After the lock (a sync waiting for another command says so on its own line); erased
        # when output/ is written, before the report and the channels' own progress.
        status = writing.enter_context(Status("Đang dựng"))
        timings.on_phase = status.phase
        options = SyncOptions(
            args.dry_run,
            args.reconcile,
            output,
            args.root / "state",
            None if args.dry_run else args.root / ".cache",
            zalo_overwrite=tuple(_typed_overwrite(name, args.root) for name in args.zalo_overwrite),
            zalo_create_anyway=tuple(
                typed_path(name, args.root) for name in args.zalo_create_anyway
            ),
            zalo_forget=tuple(typed_path(name, args.root) for name in args.zalo_forget),
            confirm_withdrawal=args.confirm_withdrawal,
        )
        now, backwards = monotonic_now(options.state, now)
        before = state_snapshot(options.state)
        if backwards:
            _stderr(backwards)
        # A sync right after `publish build` (or after another sync) with nothing changed
        # replays that build: only the content is loaded again, for the channels' plans.
        last = (
            None
            if args.dry_run
            else LastBuild(config, live, (CHANNELS, False, args.strict), noted=("zalo",))
        )
        with timings.phase(COMPARING), long_lived():
            replayed = last.replay(now, CHANNELS) if last is not None else None
        left: list[str] = []  # warnings of files the write found and kept (see kept_lines)
        if replayed is not None and last is not None:  # only a stamp is ever replayed
            with timings.phase("nạp bản tin cho kế hoạch các kênh"):
                with long_lived():
                    site = last.replayed_site(now)
                if site is None:
                    from publish.content import load_site  # only here (see _build)

                    # The replayed build's digests: bulletins come off the cache's shelf unread,
                    # and approved ones' images are not hashed again for their fingerprints.
                    site = load_site(config, now=now, digests=last.replayed_digests())
                    last.keep_site(site)
            _refuse_vanished(args, options, site)
            awaiting = awaiting_approval(site, now, options.state, targets)
            options = replace(options, zalo_seen=last.seen.get("zalo"))
            result = Build(site, CHANNELS, replayed.warnings, ())
            results = [_replayed_output(replayed)]
        else:
            if last is not None:
                with timings.phase(COMPARING):
                    last.start()
            from publish.id_holders import Records  # only for a build that renders

            # One reading of state/ for the load's checks (a wrong id fix of a bulletin on
            # the radio alone too: sync hands its key to the copy), the refusal and the
            # build's record of what the next sync withdraws.
            records = Records(args.root, Published(options.state))
            result = _build(config, now, args, timings, status, records)
            _refuse_vanished(args, options, result.site, records.published)
            # Before this sync records what it publishes: state/ then no longer says it was live.
            awaiting = awaiting_approval(result.site, now, options.state, targets)
            cache = None if args.dry_run else args.root / ".cache"
            with timings.remainder(WRITING):
                web, written = _write_output(result, output, live, cache, status.tick)
            results = [web]
            left = kept_lines(written.foreign, lambda c: f"{args.output}/{c}")
            if last is not None:
                with timings.phase("lưu dấu lần dựng"):
                    last.record(result.site, CHANNELS, outcome_of(result, written, records))
            if not args.dry_run:
                Fragments(args.root).sweep(result.site.published_files())
        # The report's pages new or replaced: before state/ records this run's bulletins as live
        # (published.json, and web-urls.json, which a state/ without the other stands in with).
        news = web_news(result.site, options.state) if markdown and "web" in targets else WebNews()
        # A replayed build whose addresses a sync already found in the file as it is: nothing
        # to record (reading and checking 10,000 of them cost a no-op sync 0.03-0.06 s).
        done = replayed is not None and last is not None and last.addresses_recorded
        if not args.dry_run and not done:
            rewrite = record_addresses(options.state, result.site)
            if rewrite.alike and last is not None:
                # The addresses this build gave its bulletins: the next build would write the
                # same bytes, so it may replay this one (rebuilding took ~3 s at 10,000).
                last.take_rewrite(rewrite.path, rewrite.before, rewrite.after, addresses=True)
        if not args.dry_run:
            # What the next build, preview and sync compare content/ with (refuse_vanished).
            published = options.state / PUBLISHED_NAME
            listed = file_sha256(published)
            record_published(options.state, result.site)
            now_listed = file_sha256(published)
            if last is not None and now_listed != listed:
                # The keys of what this build published: the build reads the list (approvals
                # by name only, publish.replay) and would publish the same from it, so the next
                # one may replay this. (The same list: nothing for the stamp to take.)
                last.take_rewrite(published, listed, now_listed)
        writing.close()  # after the stamp is final: a build waiting for output/ reads it
        _report_build(result, markdown, verbose=args.verbose)
        for line in left:
            _stderr(line)
        if "web" not in targets:
            results = []  # `publish sync radio`: the website was built, but not asked about
        for target in (t for t in targets if t in SYNCERS):
            reason = None if args.targets else _not_configured(target, config)
            if reason:
                results.append(ChannelResult(Summary(target), skipped=reason))
                continue
            synced = _sync_channel(
                target, config, result.site, options, log, markdown, timings, args.verbose
            )
            results.append(synced)
            if target == "radio" and not args.dry_run and _reached(synced):
                # The rates an episode keeps once aired are those the station was sent, and
                # what each script carried, by what the station folder now holds of each
                # bulletin: also when some file failed to write.
                until = last.until if last is not None else None
                station = synced.heard or Heard(frozenset(), frozenset())
                theirs = unconfirmed(synced.actions) | station.earlier
                rates = record_rates(
                    options.state,
                    output,
                    now,
                    until,
                    result.site,
                    theirs,
                    station.unwritten,
                    station.untold,
                )
                if rates.alike and rates.before != rates.after and last is not None:
                    # Records of episodes the build laid out still to come, which no build
                    # reads before they air: the next command may replay this build. Not
                    # worth waiting for a preview's rebuild: the next command then builds.
                    with output_lock_if_free(args.root, "sync") as held:
                        if held:
                            last.take_rewrite(rates.path, rates.before, rates.after)
        if not args.dry_run:
            moments = time_milestones(result.site, options.state)
            record_now(options.state, now, before=before, milestones=moments)
    upcoming = next_scheduled(result.site)
    code = exit_code(results)
    # What this sync did take down (a dry run: would), not what it set out to.
    taken = taken_down(awaiting, results, config, options.state, now, dry_run=args.dry_run)
    told = awaiting_lines(taken, dry_run=args.dry_run, code=code)
    if not markdown:  # Markdown's stdout is the pull request's comment, not the log
        _annotate(told, taken, args.root)
    if markdown:
        print(render_markdown(results, result, upcoming, dry_run=args.dry_run, news=news))
        if taken:
            print("\n".join(awaiting_markdown(taken, dry_run=args.dry_run, code=code)))
    else:
        print(render_text(results, upcoming, now, config, dry_run=args.dry_run))
        # Last, under the summary: CI copies the log from «Tóm tắt» into the job's summary.
        for line in told:
            print(line)
    if args.summary_json:
        document = summary_document(results, result.site, upcoming, dry_run=args.dry_run, code=code)
        write_json(args.summary_json, document)
    if code:
        _stderr(closing_message(results, args.dry_run))
    if args.timings:
        table = "\n".join(timings.lines())
        if last is not None and replayed is None:
            table = f"Không dùng lại lần dựng trước: {last.why_not}.\n{table}"
        (_stderr if markdown else print)(table)  # with Markdown, stdout is the PR comment
    return code


def _annotate(told: list[str], awaiting: Sequence[Awaiting], root: Path) -> None:
    """Under GitHub Actions, a warning on the run for each bulletin taken down only because its
    edit waits for re-approval: the run is green (exit code 0), and the annotations are what
    the run's page shows first. Printed before the summary, which CI copies into the job's
    summary as plain text, where a workflow command would show as it is written."""
    if not awaiting or os.environ.get("GITHUB_ACTIONS") != "true":
        return
    top = os.environ.get("GITHUB_WORKSPACE", "")
    problems = [
        Problem(item.source, f"{told[0]} {line.strip()[2:]}", severity="warning")
        for item, line in zip(awaiting, told[1:], strict=True)
    ]
    for command in ci_report.github_commands(problems, root, Path(top) if top else None):
        print(command, flush=True)


def _refuse_vanished(
    args: argparse.Namespace, options: SyncOptions, site: Site, published: Published | None = None
) -> None:
    """Stop before anything is written or sent when content/ lost its bulletins wholesale, or
    when state/published.json, which vouches for approvals by name alone, cannot be read
    (`published`: the sync's reader of it, None for one of its own)."""
    from publish.name_only_record import refuse_unvouched

    confirmed = options.confirm_withdrawal
    content = args.root / "content"
    refuse_vanished(options.state, content, site, confirmed=confirmed, published=published)
    refuse_unvouched(site, options.state)


def _targets(named: Sequence[str]) -> tuple[str, ...]:
    """The channels to sync: those named (checked), else all."""
    unknown = [t for t in named if t not in TARGETS]
    if unknown:
        raise PublishError(
            f"kênh đồng bộ không tồn tại: {', '.join(unknown)}. Các kênh: {', '.join(TARGETS)}."
        )
    return tuple(t for t in TARGETS if t in named) if named else TARGETS


def _not_configured(channel: str, config: Config) -> str | None:
    """Why a channel is left out of a sync with no target named, or None when it is configured."""
    # Zalo is synced only for an OA site.toml names (README): credentials in the environment
    # alone (ZALO_APP_ID, often set for the whole CI) do not turn it on.
    if channel == "zalo" and not config.zalo.oa_id.strip():
        if os.environ.get("ZALO_APP_ID"):
            return (
                "chưa cấu hình: có biến môi trường ZALO_APP_ID nhưng site.toml chưa có oa_id; "
                'đặt oa_id = "…" (mã số OA, trong ngoặc kép) trong bảng [zalo] để đồng bộ Zalo OA'
            )
        return "chưa cấu hình: đặt oa_id trong bảng [zalo] của site.toml để đồng bộ Zalo OA"
    if channel == "radio" and not (
        config.radio.folder.strip() or os.environ.get("PUBLISH_RADIO_DIR")
    ):
        return (
            "chưa cấu hình: đặt folder trong bảng [radio] của site.toml "
            "hoặc biến môi trường PUBLISH_RADIO_DIR"
        )
    return None


def _refuse_preview(args: argparse.Namespace) -> None:
    """Refuse an --output that is the drafts preview's folder (or inside it): a sync would
    overwrite the preview, and the CI step deploying that folder would ship it."""
    if in_preview(args.root, args.root / args.output):
        raise PublishError(
            f"--output {args.output}: đây là thư mục bản xem trước ({PREVIEW_SHOWN}), nơi "
            "publish build --drafts và publish serve --drafts dựng cả bản nháp lẫn bài chưa "
            "duyệt; publish sync không bao giờ đọc, ghi hay triển khai thư mục đó. Chưa làm "
            "gì. Cách sửa: bỏ --output (sync dựng vào output/), hoặc chọn một thư mục ngoài "
            f"{PREVIEW_SHOWN}."
        )


def _build(
    config: Config,
    now: Any,
    args: argparse.Namespace,
    timings: Timings,
    status: Status,
    records: Records,
) -> Build:
    """Load, check and start rendering; on a content error still write the JSON summary for CI
    (`status` erased before the problems are printed; `records`: the sync's reader of
    state/)."""
    # Imported here: a sync that replays the last build loads neither the content loader nor
    # the renderers (~0.1 s of a no-op sync at 10,000 bulletins).
    from publish.pipeline import build

    try:
        # Pages are reused from the folder a sync deploys from (a dry run too: it compares).
        live = args.root / args.output
        return build(
            config,
            channels=CHANNELS,
            now=now,
            strict=args.strict,
            timings=timings,
            output=live,
            records=records,
            every_key=True,
        )
    except ContentError as exc:
        status.close()
        if args.format == "markdown":
            print(markdown_problems(exc))
        if args.summary_json:
            document = {
                "dry_run": args.dry_run,
                "now": now.isoformat(),
                "exit_code": exc.exit_code,
                "error": "content",
                "problems": [p.as_dict() for p in exc.problems],
                "channels": [],
            }
            write_json(args.summary_json, document)
        raise


def _write_output(
    result: Build, output: Path, live: Path, cache: Path | None, tick: Callable[[int], None]
) -> tuple[ChannelResult, WriteReport]:
    """Write every channel's output (telling `tick` how many files are made so far); count
    what changed in the website folder the CI uploads."""
    made = counted(result.artifacts, tick)
    report = write(made, output, CHANNELS, cache=cache, by="sync")
    summary = Summary("web")
    if cache is None:  # a dry run: compare the throwaway build with what is published
        counts = _compare(output / "web", live / "web")
        summary.created, summary.updated, summary.hidden, summary.unchanged = counts
        note = "so với output/web/ hiện có; chạy thử nên không ghi gì"
    else:
        summary.created = report.created.get("web", 0)
        summary.updated = report.written.get("web", 0) - summary.created
        summary.hidden = report.removed.get("web", 0)
        summary.unchanged = report.unchanged.get("web", 0)
        note = WEB_NOTE
    return ChannelResult(summary, note=note), report


def _replayed_output(outcome: Outcome) -> ChannelResult:
    """The website summary when the build was replayed: every file unchanged."""
    summary = Summary("web")
    summary.unchanged = dict(outcome.files).get("web", 0)
    return ChannelResult(summary, note=WEB_NOTE)


def _files(folder: Path) -> set[str]:
    """Relative POSIX paths of every file under `folder` (empty when it does not exist)."""
    if not folder.is_dir():
        return set()
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _compare(new: Path, old: Path) -> tuple[int, int, int, int]:
    """(created, updated, removed, unchanged) files going from folder `old` to folder `new`."""
    new_files, old_files = _files(new), _files(old)
    updated = sum(
        1 for f in new_files & old_files if (new / f).read_bytes() != (old / f).read_bytes()
    )
    kept = len(new_files & old_files)
    return len(new_files - old_files), updated, len(old_files - new_files), kept - updated


def _report_build(result: Build, markdown: bool, *, verbose: bool = False) -> None:
    """Left-out bulletins (drafts and scheduled ones counted unless `verbose`) and build
    warnings (to stderr when stdout carries Markdown)."""
    if not markdown:
        print_exclusions(result.site, counted=frozenset() if verbose else QUIET_CODES)
        for line in how_to_publish(result.site):
            print(line)
    for told in render_all(result.warnings):
        _stderr(told)


def _sync_channel(
    target: str,
    config: Config,
    site: Site,
    options: SyncOptions,
    log: Callable[[str], None],
    markdown: bool,
    timings: Timings,
    verbose: bool = False,
) -> ChannelResult:
    """Run one channel's syncer; a user-facing error stops this channel only (outside a
    terminal, unless `verbose`, its log names BRIEF_SHOWN routine actions, see run)."""
    progress = Progress(target)
    echo = log if markdown else progress.echo
    # A CI log (no terminal) got a plan line and a ✓ line per bulletin: > 6,000 lines for a
    # first sync of 3,000. The summary and --summary-json count them all; --verbose lists them.
    brief = not (verbose or markdown or is_interactive(sys.stdout))
    shown = BRIEF_SHOWN if brief else None
    syncer = None
    try:
        options = replace(options, echo=echo)
        with timings.phase(f"{target}: chuẩn bị"):
            module = _syncer_module(target)
            syncer = module.make_syncer(config, site=site, output=options.output, options=options)
        actions, summary = run(
            syncer,
            dry_run=options.dry_run,
            echo=echo,
            progress=progress,
            timings=timings,
            shown=shown,
        )
    except PublishError as exc:
        progress.close()
        if markdown:  # the Markdown report is on stdout; the text summary tells it in full
            log(f"{target}: {exc}")
        return ChannelResult(Summary(target), error=str(exc), exit_code=exc.exit_code)
    finally:
        progress.close()
        close = getattr(syncer, "close", None)
        if callable(close):
            close()
    if options.dry_run:
        _count_planned(syncer, summary, actions)
    heard = getattr(syncer, "heard", None)
    return ChannelResult(
        summary,
        actions,
        note=_plan_note(syncer, target, options),
        warning=getattr(syncer, "plan_warning", ""),
        place=getattr(syncer, "place", ""),
        heard=heard() if callable(heard) and not options.dry_run else None,
    )


def _reached(result: ChannelResult) -> bool:
    """Whether a channel's sync ran and reached its target: some action of it succeeded (a
    file left unchanged counts), not every one failed."""
    return result.error is None and len(result.summary.failed) < len(result.actions)


def _plan_note(syncer: Any, target: str, options: SyncOptions) -> str:
    """Where the plan came from (what a dry run is known to use), then the syncer's own note."""
    known = DRY_RUN_NOTES.get(target, "") if options.dry_run and not options.reconcile else ""
    if known and getattr(syncer, "asked_oa", False):
        known = ASKED_OA_NOTE
    elif known and getattr(syncer, "unasked", ""):
        known = UNASKED_NOTE  # the syncer's note says why Zalo was not asked, and what it missed
    return " ".join(note for note in (known, getattr(syncer, "plan_note", "")) if note)


def _syncer_module(target: str) -> Any:
    """The syncer module of a channel; a clear message when this version lacks it."""
    name = SYNCERS[target]
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        raise PublishError(
            f"bản publish này chưa có bộ đồng bộ cho kênh {target}. Cập nhật công cụ, hoặc bỏ kênh "
            f"này khỏi lệnh (ví dụ: publish sync {' '.join(t for t in SYNCERS if t != target)})."
        ) from None


def _count_planned(syncer: Any, summary: Summary, actions: Sequence[Action]) -> None:
    """In a dry run, fill the summary's counts with what the plan would do, each action
    counted as the real run counts it once done (the syncer's word: a radio file only recorded
    as holding the build is unchanged)."""
    for action in actions:
        bucket = bucket_of(syncer, action)
        if bucket and bucket != "refused":
            setattr(summary, bucket, getattr(summary, bucket) + 1)


def _stderr(message: str) -> None:
    """Print to standard error."""
    print(message, file=sys.stderr)


def _typed_overwrite(name: str, root: Path) -> str:
    """A --zalo-overwrite value with its file typed as named on disk, and its `=MÃ_BÀI` (the
    article --reconcile is to take) kept as given."""
    head, _, article = name.rpartition("=")
    if not head or not article or any(os.path.lexists(b / name) for b in (Path(), root)):
        return typed_path(name, root)
    return f"{typed_path(head, root)}={article}"
