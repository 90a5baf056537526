"""`publish build`: render every channel into output/ (nothing changes there unless all succeeded)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from publish import approval
from publish import config as config_module
from publish.cache import Fragments
from publish.carried import carried, zalo_asked_without_oa
from publish.cli import common_options, content_options, resolve_now
from publish.config import parse_channels
from publish.errors import PERSON_HELD, PublishError, render_all
from publish.gates import UNCLEAR, shell_word
from publish.model import EDITED_CAUSES, EXPIRED_LISTED, Build, Bulletin, Site
from publish.output_lock import channels_lock, output_lock
from publish.output_place import kept_lines, refuse_unknown_files, refuse_unsafe
from publish.preview import PREVIEW_SHOWN, in_deployed_output, preview_output
from publish.progress import Status, counted, in_ci
from publish.replay import LastBuild, Outcome
from publish.timings import COMPARING, STARTUP, WRITING, Timings, seconds_vi
from publish.typed_here import root_flag
from publish.withdrawing import Built, withdrawable, withdrawal_lines
from publish.writer import WriteReport, adopt, interrupted_note, write

if TYPE_CHECKING:
    from publish.id_holders import Records
    from publish.sync.vanished import Published

__all__ = ["add_parser", "run"]

_SENT = frozenset({"zalo", "radio"})
"""The channels whose output a sync sends on after it has let go of the output lock."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `build`."""
    parser = subparsers.add_parser(
        "build",
        parents=[common_options(), content_options()],
        help="dựng website, bài Zalo và kịch bản phát thanh vào output/",
        description="Dựng mọi kênh vào output/. Lỗi nội dung: không ghi gì, đầu ra cũ giữ nguyên.",
    )
    parser.add_argument(
        "--drafts",
        action="store_true",
        help="xem trước bản nháp và bài chưa duyệt trên website (có dải «Bản nháp»): chỉ dựng "
        "website, vào .cache/preview/web, không bao giờ vào output/; không dùng để đăng",
    )
    parser.add_argument(
        "--output",
        metavar="THƯ_MỤC",
        help="thư mục đầu ra (mặc định output/; với --drafts: .cache/preview/)",
    )
    parser.add_argument(
        "--audio",
        action="store_true",
        help="tạo thêm âm thanh nháp (WAV, espeak-ng) cho từng tin phát thanh, để nghe thử; không dùng để phát",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="chỉ in lỗi")
    parser.add_argument(
        "--confirm-withdrawal",
        action="store_true",
        help="dựng cả khi content/ không còn bản tin nào trong khi state/ ghi bản tin đã đăng, "
        "hay đã mất từ một nửa số bản tin đã đăng (ít nhất 5), hoặc từ [policy] "
        "confirm_withdrawal_from bản tin (mặc định 20) (không có cờ này thì lệnh từ chối, không "
        "ghi gì: thường là ổ đĩa chưa gắn, liên kết hỏng hay thư mục bản tin bị mất)",
    )
    parser.add_argument(
        "--timings",
        action="store_true",
        help="in thời gian từng giai đoạn (nạp bài, từng kênh, ghi) và CPU đã dùng, để tìm chỗ chậm",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the site and write it (or replay the last build when nothing it read has changed)."""
    timings: Timings = getattr(args, "stopwatch", None) or Timings()
    channels = _preview_channels(args.channel) if args.drafts else parse_channels(args.channel)
    config = config_module.load(args.root, channels=channels)
    now = resolve_now(args.now, config.tz)
    args.output = _output_folder(args, channels)
    if args.audio:
        check_audio(channels)
    if told := zalo_asked_without_oa(channels if args.channel else (), config):
        print(told, file=sys.stderr)
    with ExitStack() as locks:
        if _SENT.intersection(channels):
            # A sync sends from output/zalo and output/radio after it let go of output/.
            locks.enter_context(channels_lock(args.root, "build", tz=config.tz))
        # `publish serve` in another terminal (or a sync) writes output/ and .cache/ too.
        locks.enter_context(output_lock(args.root, "build", tz=config.tz))
        # After the lock: a build waiting for another command says so on its own line.
        status = locks.enter_context(Status("Đang dựng", interactive=False if args.quiet else None))
        timings.on_phase = status.phase
        return _build_and_write(args, config, now, channels, timings, status)


def _build_and_write(
    args: argparse.Namespace,
    config: config_module.Config,
    now: dt.datetime,
    channels: tuple[str, ...],
    timings: Timings,
    status: Status,
) -> int:
    """Build and write (or replay the last build), holding the project's output lock; `status`
    shows the phase until the report."""
    # Under the output lock: another build into the same folder records its files first.
    refuse_unknown_files(args.root, args.output, channels)
    output = args.root / args.output
    # Typed where this build ran: its --root and --output, one word each («ban dung thu»).
    rebuild = f"publish build{root_flag(args.root)}" + (
        "" if args.output == "output" else f" --output {shell_word(str(args.output))}"
    )
    then = "Lần dựng này ghi lại đủ mọi tệp cho khớp."
    if note := interrupted_note(output, then, channels, rebuild):
        print(note, file=sys.stderr)
    options = (channels, args.drafts, args.strict)
    last: LastBuild | None = LastBuild(config, output, options, preview=args.drafts)
    if args.audio and last is not None:
        # It writes output/ too: the last stamp must not outlive that (see LastBuild.drop).
        last.drop()
        last = None
    if last is not None:
        with timings.phase(COMPARING):
            replayed = last.replay(now, channels)
        if replayed is not None:
            status.close()
            if not args.quiet:
                report(
                    replayed,
                    {},
                    args.output,
                    timings,
                    replayed=True,
                    preview=args.drafts,
                    root=args.root,
                    clock=(config, now),
                )
            _print_timings(args, timings)
            return 0
        with timings.phase(COMPARING):
            last.start()
    with timings.phase(STARTUP):
        # Here, not above: a build that replays the last one, and `publish sync` taking this
        # module's report helpers, use neither the content loader nor the renderers (~70 ms).
        from publish.id_holders import Records
        from publish.pipeline import build
        from publish.sync.vanished import Published

    why = "--audio luôn dựng lại" if last is None else last.why_not
    # One reading of state/ for the load's checks, the refusal and the report's withdrawals.
    records = Records(args.root, Published(args.root / "state"))
    published = records.published
    result = build(
        config,
        channels=channels,
        now=now,
        drafts=args.drafts,
        strict=args.strict,
        digests=last.digests if last is not None else None,
        timings=timings,
        output=output,
        records=records,
        every_key=True,
    )
    if not args.drafts:
        _refuse_vanished(args, result.site, published)
    with timings.remainder(WRITING):
        made = counted(result.artifacts, status.tick)
        written = write(made, output, channels, cache=args.root / ".cache")
    if args.audio:
        with timings.phase("âm thanh nháp"):
            spoken = write_audio(result.site, output / "radio" / "audio")
            adopt(args.root / ".cache", output, "radio", spoken)
    outcome = outcome_of(result, written, records)
    with timings.phase("lưu dấu lần dựng, dọn thư mục .cache/"):
        if last is not None:
            last.record(result.site, channels, outcome)
        fragments = Fragments(args.root)
        if not args.drafts:
            # A withdrawn bulletin's text is not kept for a CI cache (a preview's drafts are
            # the next build's to drop).
            fragments.sweep(result.site.published_files())
        # After a new tool or site.toml, the old entries are dead weight.
        fragments.prune()
    status.close()
    if not args.quiet:
        root, folder = args.root, args.output
        changes = {c: (written.written.get(c, 0), written.removed.get(c, 0)) for c in channels}
        for line in kept_lines(written.foreign, lambda c: _from_here(root, f"{folder}/{c}")[0]):
            print(line, file=sys.stderr)
        report(
            outcome,
            changes,
            folder,
            timings,
            preview=args.drafts,
            root=root,
            clock=(config, now),
            records=records,
        )
    _print_timings(args, timings, why)
    return 0


def _refuse_vanished(args: argparse.Namespace, site: Site, published: Published) -> None:
    """Stop before output/ is written when content/ lost its bulletins wholesale: CI deploys
    output/web straight after `publish build`, before a sync could refuse (see vanished)."""
    from publish.sync.vanished import refuse_vanished  # only for a build that renders

    confirmed = args.confirm_withdrawal
    content = args.root / "content"
    refuse_vanished(
        args.root / "state",
        content,
        site,
        confirmed=confirmed,
        output=args.output,
        published=published,
    )


def _preview_channels(asked: list[str] | None) -> tuple[str, ...]:
    """The channels of a --drafts build: the website only. Drafts are never put in a Zalo
    article or a radio script, and output/zalo and output/radio are what a sync sends."""
    others = [c for c in parse_channels(asked) if c != "web"] if asked else []
    if others:
        raise PublishError(
            f"--drafts chỉ xem trước website: bản nháp và bài chưa duyệt không bao giờ vào bài "
            f"Zalo hay kịch bản phát thanh, nên không dựng kênh {', '.join(others)} với --drafts. "
            "Cách sửa: bỏ --drafts để dựng kênh đó (publish build --channel "
            f"{','.join(others)}), hoặc bỏ --channel để chỉ xem trước website. Đọc trước bài "
            "Zalo của một bản nháp: publish zalo-preview TỆP; nghe trước kịch bản đọc trên "
            "sóng: publish speak TỆP (cả hai chỉ in ra, không ghi tệp nào)."
        )
    return ("web",)


def _output_folder(args: argparse.Namespace, channels: tuple[str, ...]) -> str:
    """The output folder (relative to the project unless absolute), as the editor is told it:
    --output, else output/, or .cache/preview/ with --drafts. A preview is refused in output/,
    and any build in the project's own folders, its home or a filesystem root."""
    if args.output is None:
        if args.drafts and in_deployed_output(args.root, args.root / PREVIEW_SHOWN):
            raise PublishError(
                f"{PREVIEW_SHOWN}/web là liên kết tới output/: bản xem trước có bản nháp và bài "
                "chưa duyệt, không bao giờ được dựng vào output/ (thư mục được triển khai lên "
                f"website). Chưa ghi gì. Cách sửa: xóa liên kết {PREVIEW_SHOWN} (thư mục đó "
                "công cụ tự tạo lại), rồi chạy lại."
            )
        return PREVIEW_SHOWN if args.drafts else "output"
    folder = str(args.output).rstrip("/\\") or str(args.output)
    if args.drafts and in_deployed_output(args.root, args.root / folder):
        raise PublishError(
            f"--drafts --output {args.output}: bản xem trước có bản nháp và bài chưa duyệt, "
            "không bao giờ được dựng vào output/ (thư mục được triển khai lên website và được "
            "publish sync đọc). Chưa ghi gì. Cách sửa: bỏ --output (bản xem trước vào "
            f"{PREVIEW_SHOWN}/web), hoặc chọn một thư mục ngoài output/."
        )
    preview = preview_output(args.root) if args.drafts else None
    refuse_unsafe(args.root, str(args.output), channels, allowed=preview)
    return folder


def _preview_note(output: str, root: Path = Path(".")) -> str:
    """Where a --drafts build went and how the editor looks at it."""
    web, option = _from_here(root, f"{output}/web")
    if output == PREVIEW_SHOWN:
        how = (
            f"Để xem: chạy publish serve --drafts{option} rồi mở địa chỉ nó in ra "
            "(mặc định http://127.0.0.1:8000); lệnh đó dựng lại vào cùng thư mục và tự tải lại "
            "trang mỗi khi sửa bài."
        )
    else:
        how = "Đừng triển khai thư mục này."
    return (
        f"Bản xem trước có bản nháp và bài chưa duyệt nằm ở {web} (không phải output/web, "
        f"không dùng để đăng; output/ giữ nguyên). {how}"
    )


def _print_timings(args: argparse.Namespace, timings: Timings, why: str = "") -> None:
    """The phase table, when --timings asked for it (also with --quiet), after `why` a real
    build did not replay the last one (a build slower than expected is often just that)."""
    if args.timings:
        if why:
            print(f"Không dùng lại lần dựng trước: {why}.")
        print("\n".join(timings.lines()))


def outcome_of(result: Build, written: WriteReport, records: Records | None = None) -> Outcome:
    """What a build reports, kept so that a replay of it reports the same (`records`: the
    build's reader of state/, see withdrawable)."""
    return Outcome(
        exclusions=tuple(exclusion_lines(result.site, brief=True)),
        warnings=result.warnings,
        files=tuple(
            (c, written.written.get(c, 0) + written.unchanged.get(c, 0)) for c in result.channels
        ),
        published=published_count(result.site, result.channels),
        held=held_count(result.site),
        advice=tuple(how_to_publish(result.site)),
        # A unit without a Zalo OA builds nothing for it: «zalo: 0 tệp» on every build only
        # raised the question why (the no-OA note answers it where zalo was asked for).
        unsent=() if result.site.config.zalo.oa_id.strip() else ("zalo",),
        withdrawable=withdrawable(result.site, records),
    )


def published_count(site: Site, channels: tuple[str, ...]) -> int:
    """How many bulletins go out on at least one of `channels` (`--channel radio`: those with
    the radio channel, not every bulletin published)."""
    return sum(1 for b in site.bulletins if carried(b.channels & set(channels), site.config))


def report(
    outcome: Outcome,
    changes: dict[str, tuple[int, int]],
    output: str,
    timings: Timings,
    *,
    replayed: bool = False,
    preview: bool = False,
    root: Path = Path("."),
    clock: tuple[config_module.Config, dt.datetime] | None = None,
    records: Records | None = None,
) -> None:
    """What was left out, the warnings, and per channel what changed (written, removed); for a
    --drafts build (`preview`), where the preview went and how to look at it (from the current
    folder, the project being `root`). `clock`: the project's settings and the build's time,
    to tell which bulletins left out are published now (publish.withdrawing), `records` the
    build's reader of state/ (None: a replayed build's report reads it anew)."""
    for line in outcome.exclusions:
        print(line)
    if clock is not None:
        web = "web" in dict(outcome.files) and not preview
        built = Built(_from_here(root, f"{output}/web")[0]) if web else None
        for line in withdrawal_lines(outcome.withdrawable, *clock, records, built):
            print(line)
    for told in render_all(outcome.warnings):
        print(told, file=sys.stderr)
    for channel, files in outcome.files:
        new, removed = changes.get(channel, (0, 0))
        if channel in outcome.unsent and not (files or removed):
            continue
        print(f"{channel}: {new} tệp ghi mới, {files - new} không đổi, {removed} gỡ bỏ")
    if replayed:
        print(
            "Không có gì thay đổi kể từ lần dựng trước (nội dung, giao diện, site.toml, công cụ, "
            "đầu ra): không ghi lại tệp nào. Xóa thư mục .cache/ để buộc dựng lại từ đầu."
        )
    if preview:
        print(
            f"Xong sau {seconds_vi(timings.elapsed())} giây: bản xem trước có "
            f"{outcome.published} bản tin đăng được, cùng bản nháp và bài chưa duyệt."
        )
        print(_preview_note(output, root))
        return
    print(
        f"Xong sau {seconds_vi(timings.elapsed())} giây: "
        f"{outcome.published} bản tin được xuất bản vào {_from_here(root, output)[0]}/"
        + (f"; {outcome.held}." if outcome.held else ".")
    )
    if any(channel == "web" for channel, _ in outcome.files) and not in_ci():
        print(_look_at_it(output, root))
    # Last: when nothing went out, what to do about it matters more than where it went.
    for line in outcome.advice:
        print(line)


def _from_here(root: Path, folder: str) -> tuple[str, str]:
    """`folder` of the project at `root` as the editor names it from the current folder, and the
    --root a command run from there needs ("" in the project itself)."""
    try:
        here = root.resolve() == Path.cwd().resolve()
    except OSError:  # the current folder was removed meanwhile: name the project in full
        here = False
    if here:
        return folder, ""
    # A build run beside the project (--root congan-x) found no output/web from there before.
    return str(root / folder), f" --root {shell_word(str(root))}"


def _look_at_it(output: str, root: Path = Path(".")) -> str:
    """Where the website went and how the editor previews it (once, not per channel)."""
    web, option = _from_here(root, f"{output}/web")
    served, _ = _from_here(root, "output/web")
    serve = f"chạy publish serve{option}" + ("" if output == "output" else f" (dựng vào {served})")
    return (
        f"Website nằm ở {web}/. Để xem trên máy này: {serve} rồi mở địa chỉ lệnh đó in ra "
        "(thường là http://127.0.0.1:8000/); mở thẳng tệp .html thì trang mất định dạng và "
        "liên kết."
    )


CHANGED = "changed"
"""Exclusion.cause of a bulletin held back because it was edited after its approval."""
HELD_AS = {
    "draft": "bản nháp",
    "unapproved": "chưa duyệt",
    CHANGED: "đổi sau khi duyệt",
    "scheduled": "hẹn giờ",
    "expired": "hết hạn",
    "secret": "mật",
    UNCLEAR: "phân loại không rõ",
}
"""How a summary counts the bulletins left out for each reason, in this order (CHANGED: the
approved ones edited since, apart from those never approved)."""


def held_count(site: Site) -> str:
    """The bulletins left out, counted by why ("3 bị giữ lại (2 bản nháp, 1 chưa duyệt)"), or ""."""
    # A bulletin edited after its approval was approved: counted as «chưa duyệt», it read as if
    # the approval had never been written, beside a line saying it was edited since.
    codes = Counter(e.cause if e.cause in (CHANGED, UNCLEAR) else e.code for e in site.excluded)
    if not codes:
        return ""
    parts = [f"{codes[code]} {word}" for code, word in HELD_AS.items() if codes[code]]
    return f"{len(site.excluded)} bị giữ lại ({', '.join(parts)})"


def how_to_publish(site: Site) -> list[str]:
    """When nothing goes out and drafts are held back, how a draft is published: every
    bulletin `publish new` makes is a draft, so a new unit's first builds publish nothing."""
    if site.bulletins or not any(e.code == "draft" for e in site.excluded):
        return []
    if site.config.policy.require_approval:
        how = (
            'người duyệt đọc lại bài rồi chạy publish approve TỆP... --by "Họ tên, chức vụ" '
            "--publish (ghi người duyệt và bỏ draft: true cùng lúc)"
        )
    else:
        how = "bỏ dòng draft: true ở phần đầu bài (hoặc ghi draft: false)"
    return [f"Chưa có bản tin nào được đăng. Muốn đăng một bản nháp: {how}."]


PREVIEWED = "Xem trước (không đăng)"
"""How a left-out bulletin's line starts when a --drafts build shows it: not «Bỏ qua» (skipped)
about a bulletin the preview shows, nor a second bracket after the reason's («… (thiếu
approved_by) (xem trước …)»)."""


QUIET_CODES = frozenset({"draft", "scheduled"})
"""Why a bulletin is left out that a sync's operator can do nothing about: an editor's draft, a
bulletin waiting for its time. A daily sync counts them in one line (see exclusion_lines)."""


def held_channel_lines(site: Site) -> list[str]:
    """One line for each bulletin published but kept from some of its channels (`draft:
    [zalo]`), naming them and where it still goes."""
    lines = []
    for bulletin in site.bulletins:
        held = carried(bulletin.held_from, site.config)
        if held:
            going = carried(bulletin.channels, site.config)
            lines.append(
                f"Giữ khỏi kênh {', '.join(held)}: {bulletin.source} (draft: [{', '.join(held)}])"
                + (f"; vẫn đăng ở {', '.join(going)}" if going else "")
            )
    return lines


def exclusion_lines(
    site: Site, *, counted: frozenset[str] = frozenset(), brief: bool = False
) -> list[str]:
    """One line for each bulletin left out, with the reason, and each page left out that no
    warning tells of already (a draft page: the others are a note or a warning of their field).
    Bulletins left out for a reason in `counted` are counted in one line instead of named (a
    sync's log); with `counted` or `brief`, the note on old approvals names a few bulletins
    and sends to `publish check` for the rest (see _approved_by_name)."""
    # Only a warning about the hold itself: another one (a misspelt key) says nothing of it.
    # A tick in approved_by or pii_reviewed_by («có», yes) has its own warning (an error under
    # --strict) saying the bulletin or page is held, a name is expected and how to write it: a
    # skip line beside it told the same twice («thiếu approved_by» once told the editor the
    # field was not there at all).
    ticked = {p.file for p in site.warnings if p.code == PERSON_HELD}
    told = ticked | {
        p.file
        for p in site.warnings
        if p.field == "classification" or site.held_pages.get(p.file, "\0") in p.message
    }
    long_gone = 0
    quiet: dict[str, int] = {}
    lines = []
    # By key, not `in site.previews`: each test compared whole bulletins with every preview
    # (~80 ms a build with 400 drafts under --drafts). The same answer: keys are unique in a
    # loaded site, and a preview is an exclusion's own bulletin or a published one.
    for e in site.excluded:
        if e.expired_long_ago(site.now):
            long_gone += 1
        elif e.code in counted and not site.is_preview(e.bulletin):
            quiet[e.code] = quiet.get(e.code, 0) + 1
        elif (
            e.code == "unapproved"
            and e.bulletin.source in ticked
            and not site.is_preview(e.bulletin)
        ):
            continue
        else:
            shown = PREVIEWED if site.is_preview(e.bulletin) else "Bỏ qua"
            lines.append(f"{shown} {e.bulletin.source}: {e.reason}")
    if long_gone:
        # Expired bulletins stay held back forever: listed one by one, after a year they buried
        # the lines an editor must act on (a draft due tomorrow, a bulletin awaiting approval).
        lines.append(
            f"Bỏ qua {long_gone} bản tin đã hết hạn hơn {EXPIRED_LISTED.days} ngày "
            "(không liệt kê từng bài)"
        )
    if quiet:
        # A year of daily syncs printed a line per draft each run (thousands of lines) that no
        # one running the sync can act on, burying the ones they can. «chưa đăng», not «chưa
        # tới lúc đăng»: a draft waits for its editor, not for a time.
        kinds = {"draft": "bản nháp", "scheduled": "hẹn giờ đăng sau"}
        parts = ", ".join(f"{n} {kinds.get(code, code)}" for code, n in sorted(quiet.items()))
        lines.append(
            f"Bỏ qua {sum(quiet.values())} bản tin chưa đăng ({parts}); thêm --verbose "
            "để liệt kê từng bản tin"
        )
    return (
        lines
        + held_channel_lines(site)
        + _awaiting_approval(site)
        + _approved_by_name(site, brief=brief or bool(counted), in_sync=bool(counted))
        + [
            f"Bỏ qua {source}: {why}"
            for source, why in sorted(site.held_pages.items())
            if source not in told
        ]
    )


OLD_APPROVALS_NAMED = 5
"""How many bulletins on an old approval the note names before counting the rest: the rest are
in `publish check`'s approve commands (a build's report, a preview or a scheduled sync's log
sends there)."""


def _approved_by_name(site: Site, *, brief: bool = False, in_sync: bool = False) -> list[str]:
    """A note on the bulletins going out (or scheduled) on an approval of an earlier version of
    the tool: by name only (an `approved_by`, no `approved_version`: any edit is published), or
    a one-part `approved_version` (before session 34: an edit the reading of the day ignores,
    or a linked file replaced, is published). An upgrade withdraws neither, and nothing
    re-approves them silently: the note gives each approver the commands that bind their
    bulletins again, after reading them, naming every file. Past OLD_APPROVALS_NAMED bulletins
    the note itself names a few and counts the rest (at 3,000 its line of every name was
    257,000 characters, the same names the commands below it give). `brief` (a build's or
    preview's report, a sync's log): no commands, `publish check` for them; `in_sync`: the note
    is in a sync's log, whose --verbose gives them too."""
    policy = site.config.policy
    if not policy.require_approval or policy.approval != "content":
        return []
    going = [*site.bulletins, *(e.bulletin for e in site.excluded if e.code == "scheduled")]
    by_name = [b for b in going if b.approved_by.strip() and not b.approved_version]
    one_part = [
        b for b in going if b.approved_version and approval.bound(b.approved_version) is None
    ]
    if not by_name and not one_part:
        return []
    # A unit upgrading with hundreds of name-only approvals got every file name, twice, in
    # every scheduled sync's log, and in every build's and preview's report (two lines of
    # 84 KB at 1,000 bulletins): a few names and where the whole list is do there.
    brief = brief and len(by_name) + len(one_part) > OLD_APPROVALS_NAMED

    def listed(bulletins: list[Bulletin]) -> str:
        """The bulletins' files, or past OLD_APPROVALS_NAMED the first few and how many more."""
        files = sorted(b.source for b in bulletins)
        if len(files) <= OLD_APPROVALS_NAMED:
            return ", ".join(files)
        shown = ", ".join(files[:OLD_APPROVALS_NAMED])
        named = f"{shown} và {len(files) - OLD_APPROVALS_NAMED} bản tin khác"
        return named if brief else f"{named} (tên từng tệp có trong các lệnh duyệt lại bên dưới)"

    # «Không bài nào bị rút» alone, just above a «Sẽ rút bài đang đăng» line of a bulletin held
    # for another reason, read as the tool contradicting itself: the old approval withdraws
    # none of *these*.
    lines = [
        f"Ghi chú: {len(by_name) + len(one_part)} bản tin đang đăng (hay hẹn giờ) với việc duyệt "
        "theo cách cũ, chưa gắn với chính tệp bài và tệp đính kèm. Cách duyệt cũ không làm bài "
        "nào trong số này bị rút, nhưng:"
    ]
    if by_name:
        edits = (
            "nội dung sửa sau này vẫn được đăng mà không cần duyệt lại"
            if policy.name_only_approvals == "accept"
            else "sửa nội dung sau lần đồng bộ đã đăng nó thì bài bị giữ lại tới khi duyệt lại"
        )
        lines.append(
            f"  {len(by_name)} bản tin duyệt chỉ bằng tên (có approved_by, chưa có "
            "approved_version): tên ghi tay, công cụ không biết người đó đã đọc bài chưa, và "
            f"{edits}: " + listed(by_name)
        )
    if one_part:
        lines.append(
            f"  {len(one_part)} bản tin duyệt bằng dấu một phần (bản công cụ trước): sửa ghi chú, "
            "dấu ngoặc, khoảng trắng của tệp bài hay thay tệp đính kèm sau khi duyệt vẫn được "
            "đăng: " + listed(one_part)
        )
    if brief:
        lines.append(
            "  Danh sách đủ và lệnh duyệt lại cho từng người duyệt: chạy publish check"
            + (" (hay thêm --verbose vào lệnh đồng bộ này)." if in_sync else ".")
        )
        return lines
    approvers: dict[str, list[str]] = {}
    for bulletin in sorted([*by_name, *one_part], key=lambda b: b.source):
        approvers.setdefault(" ".join(bulletin.approved_by.split()), []).append(bulletin.source)
    lines.append(
        "  Người duyệt đọc lại các bài của mình rồi chạy (thêm --dry-run để xem trước; người "
        "khác duyệt thay thì ghi tên người đó sau --by):"
    )
    for by, files in approvers.items():
        commands = approve_commands(files, by)
        if len(commands) > 1:
            lines.append(
                f"  {by}: {len(files)} bản tin, chia thành {len(commands)} lệnh (mỗi lệnh ngắn "
                "hơn 8.000 ký tự, chạy được cả trong cmd của Windows):"
            )
        lines += [f"    {command}" for command in commands]
    return lines


COMMAND_LIMIT = 8000
"""The longest `publish approve` line check suggests: cmd.exe takes at most 8,191 characters."""


def approve_commands(files: list[str], by: str) -> list[str]:
    """`publish approve` lines binding an approver's bulletins: one naming every file, or when
    that is longer than COMMAND_LIMIT, several under it. Never a folder's pattern: the approver
    runs the command later, in their own checkout, where it would also bind a file a colleague
    added to that folder since, unread."""
    tail = f" --by {shell_word(by)}"
    commands: list[str] = []
    line = ""
    for word in map(shell_word, files):
        if line and len(line) + 1 + len(word) + len(tail) > COMMAND_LIMIT:
            commands.append(line + tail)
            line = ""
        line = f"{line} {word}" if line else f"publish approve {word}"
    return [*commands, line + tail]


def _awaiting_approval(site: Site) -> list[str]:
    """One line counting the bulletins held back for an approval, never given or given to a
    content since changed, and the command that approves them; naming those held for their
    pii_reviewed_by too, whose own line tells that first."""
    # One held for its pii_reviewed_by alone is not approved again: its warning tells the fix.
    # One held for it AND an approval was left out, and its approver heard of it only once the
    # reviewer's name was fixed.
    waiting = [e for e in site.excluded if e.code == "unapproved" and e.for_approver]
    if not waiting:
        return []
    causes = [e.for_approver for e in waiting]
    by_name = causes.count("name_only")
    changed = sum(c in EDITED_CAUSES for c in causes)
    # approved_by «ok» names no approver: its warning sends them to publish approve as well.
    unset = causes.count("unset") + causes.count("approval_note")
    parts = [f"{unset} bản tin chưa có người duyệt"] if unset else []
    parts += (
        [f"{by_name} bản tin chỉ có tên người duyệt, chưa có dấu duyệt (approved_version)"]
        if by_name
        else []
    )
    parts += [f"{changed} bản tin đã đổi sau khi duyệt"] if changed else []
    line = (
        f"Cần duyệt: {', '.join(parts)}. Người duyệt đọc lại từng bài rồi chạy: "
        'publish approve TỆP... --by "Họ tên, chức vụ"'
    )
    if reviewed := sorted(e.bulletin.source for e in waiting if e.cause == "review_note"):
        line += (
            f". Trong số đó, {len(reviewed)} bản tin còn bị giữ vì pii_reviewed_by không phải "
            "họ tên người đã rà soát dữ liệu cá nhân (duyệt xong vẫn phải ghi họ tên người rà "
            "soát vào trường này): " + ", ".join(reviewed)
        )
    return [line]


def print_exclusions(site: Site, *, counted: frozenset[str] = frozenset()) -> None:
    """Print exclusion_lines()."""
    for line in exclusion_lines(site, counted=counted):
        print(line)


def check_audio(channels: tuple[str, ...]) -> None:
    """--audio needs the radio channel and espeak-ng; say so before anything is built."""
    from publish.radio.audio import find_espeak

    if "radio" not in channels:
        raise PublishError("--audio chỉ dùng được khi dựng kênh radio (thêm --channel radio).")
    find_espeak()


def write_audio(site: object, folder: Path) -> list[Path]:
    """Draft WAV per radio item, with its length beside the read-time estimate; the files."""
    from publish.radio.audio import synthesise
    from publish.render.radio import draft_audio_items
    from publish.render.radio.rundown import mss

    clips = synthesise(draft_audio_items(site), folder)  # type: ignore[arg-type]
    for clip in clips:
        print(
            f"âm thanh nháp radio/audio/{clip.path.name}: dài {mss(round(clip.seconds))}, "
            f"ước tính {mss(clip.estimate)}"
        )
    return [clip.path for clip in clips]
