"""`publish check`: validate content and config and render everything in memory; write nothing."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from pathlib import Path

from publish import ci_report, held_by_unpublished, starter_cover
from publish import config as config_module
from publish.cache import Fragments, Shelf
from publish.carried import zalo_asked_without_oa
from publish.cli import common_options, content_options, resolve_now
from publish.commands.build import (
    HELD_AS,
    held_count,
    how_to_publish,
    print_exclusions,
    published_count,
)
from publish.commands.check_links import LinkLines, WrittenLinks, old_site_notes
from publish.config import Config, parse_channels
from publish.content_images import unfound
from publish.errors import STRICT_EXEMPT_AS, ContentError, Problem, PublishError, render_all
from publish.id_holders import Records
from publish.ledger import Entry, Ledger
from publish.linkcheck import OUTLINES, SiteLinks, check_external
from publish.links import broken_addresses
from publish.locate import with_lines
from publish.model import Bulletin, Kept, Page, Site
from publish.output_lock import output_lock
from publish.pipeline import Build, build
from publish.progress import Status
from publish.replay import LastBuild
from publish.sync.vanished import Published
from publish.timings import Timings
from publish.unlinked import held_page_addresses, unlinked_warnings
from publish.withdrawing import withdrawable, withdrawal_notes
from publish.writer import Claimant, claim, interrupted_note

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `check`."""
    parser = subparsers.add_parser(
        "check",
        parents=[common_options(), content_options()],
        help="kiểm tra nội dung và cấu hình, không ghi gì vào output/",
        description="Kiểm tra toàn bộ bản tin, trang và site.toml trong một lượt; không ghi gì "
        "vào output/ (chỉ ghi tệp báo cáo khi có --codequality).",
    )
    parser.add_argument(
        "--external",
        action="store_true",
        help="kiểm tra cả liên kết ra trang web khác (cần mạng; lỗi chỉ là cảnh báo)",
    )
    parser.add_argument(
        "--codequality",
        type=Path,
        metavar="TỆP",
        help="ghi thêm các lỗi và cảnh báo vào TỆP theo dạng báo cáo Code Quality của GitLab "
        "(để merge request hiện chúng)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load, validate and render in memory; report the problems of every stage together (also
    where a CI service shows them: see publish.ci_report)."""
    if args.codequality is not None and (told := ci_report.unwritable(args.codequality)):
        raise PublishError(told)
    try:
        return _run(args)
    except ContentError as exc:
        try:
            ci_report.report(exc.problems, args.root, codequality=args.codequality)
        except PublishError as unwritten:
            # The content's errors are still what the editor must fix: both are told.
            print(unwritten, file=sys.stderr)
        raise


def _run(args: argparse.Namespace) -> int:
    """`run`, its findings not yet shown to a CI service."""
    config = config_module.load(args.root)
    now = resolve_now(args.now, config.tz)
    if told := zalo_asked_without_oa(parse_channels(args.channel) if args.channel else (), config):
        print(told, file=sys.stderr)
    # Rendering in memory still writes .cache/ and, at the end of the stream, prunes
    # .cache/images/ to the variants it used: never under a `publish serve` rebuild whose
    # writer is linking them into output/ (nor a build's).
    with ExitStack() as lock:
        lock.enter_context(output_lock(args.root, "check", tz=config.tz))
        # check writes no output/, but it is what an editor runs: a mixed site must not be
        # deployed meanwhile.
        then = "Chạy publish build: lần dựng ấy ghi lại đủ mọi tệp cho khớp."
        if note := interrupted_note(args.root / "output", then):
            print(note, file=sys.stderr)
        return _check(args, config, now, unlock=lock.close)


def _check(
    args: argparse.Namespace, config: Config, now: dt.datetime, *, unlock: Callable[[], None]
) -> int:
    """Build and render in memory, then `unlock` (the output lock, before the links to other
    websites are fetched); report every stage's problems."""
    # The inputs the last build saw unchanged since are not read again (a build does the same).
    known = LastBuild(config, args.root / "output", ()).check_digests()
    failure = None
    # One reading of state/ for the load's checks and the withdrawals told (published.json
    # parsed once: ~1.6 MB at 10,000 bulletins).
    records = Records(config.root, Published(config.root / "state"))
    # Erased before anything is printed: a first check of 10,000 bulletins takes ~7 s.
    with Status("Đang kiểm tra") as status:
        result = build(
            config,
            channels=parse_channels(args.channel),
            now=now,
            strict=args.strict,
            keep_going=True,
            digests=known,
            timings=Timings(on_phase=status.phase),
            records=records,
            every_key=True,
        )
        found = list(result.warnings)
        # Named by file too: a link written as the file's name shows here as the page's address.
        withdrawn = {
            e.bulletin.url: f"{e.reason} (tệp {e.bulletin.source})" for e in result.site.excluded
        }
        written = WrittenLinks.of(result.site)
        told = written.judged.including(_told(result.site, found))
        held_pages = {
            result.site.documents[source]: f"{why} (tệp {source})"
            for source, why in result.site.held_pages.items()
            if source in result.site.documents
        }
        locate = LinkLines(args.root, config.base_url, written, config.addresses)
        links = SiteLinks(
            config.base_url,
            withdrawn,
            told=told,
            locate=locate,
            typed=locate.typed,
            held_pages=held_pages,
            addresses=config.addresses,
            # Kept in .cache/: at 10,000 bulletins reading every page's HTML took ~90 s of each
            # check, most pages unchanged since the check of the last merge.
            outlines=Shelf(Fragments(config.root), OUTLINES) if "web" in result.channels else None,
        )
        found += old_site_notes(result.site, locate)
        for url, source, href in held_page_addresses(result.site):
            links.add_links(url, source, (href,))
        if {"web", "zalo"} & set(result.channels):
            # Not on the rendered pages, which show such a link's words alone: told from the content.
            found += unlinked_warnings(result.site)
        count, rendered = 0, False
        # An error outside content/ (site.toml, the templates) is one of the whole website.
        if not any(p.severity == "error" and not p.file.startswith("content/") for p in found):
            try:
                count, rendered = _render(result, links, status.tick), True
                links.save_outlines()
            except (PublishError, OSError) as exc:
                # A site with errors may not render whole (e.g. an unreadable image): its links
                # are checked once those are fixed.
                if not _errors(found):
                    raise
                if isinstance(exc, ContentError):
                    found += exc.problems
                elif isinstance(exc, PublishError) and not any(
                    p.message in str(exc) for p in found
                ):
                    failure = str(exc)
    print_exclusions(result.site)
    taken_down = withdrawal_notes(withdrawable(result.site, records), config, now, records)
    for _, line in taken_down:
        print(line)
    if failure is not None:
        print(failure, file=sys.stderr)
    unlock()
    if rendered:
        # Broken internal links and #anchors are errors; external ones only ever warn.
        found += links.problems()
        if args.external:
            found += check_external(links.external())
    else:
        print(NOT_RENDERED, file=sys.stderr)
    # Here, not in every build: telling init's cover by its pixels decodes it, and a build
    # opens no image it does not resize (a rebuild, a fresh checkout).
    found += with_lines(starter_cover.plain_cover(config, strict=args.strict), args.root)
    found = list(dict.fromkeys(found))
    if _errors(found):
        # Not rendered, no link was checked: the bulletins to publish may have errors untold.
        note = held_by_unpublished.note(result.site, found) if rendered else ""
        raise ContentError(found, note)
    for rendered_problem in render_all(found):
        print(rendered_problem, file=sys.stderr)
    checked = len(result.site.bulletins) + len(result.site.excluded)
    held = held_count(result.site)
    closing = (
        f"Không có lỗi: đã kiểm tra {checked} bản tin, "
        f"{published_count(result.site, result.channels)} xuất bản được, "
        + (f"{held}, " if held else "")
        + f"{count} tệp đầu ra{_told_above(found, args.strict, _held_sources(result.site))}."
    )
    print(closing)
    # The approver of a pull request reads the CI service's report, not the log: what merging
    # it takes down is a note there (printed above, once, in the log).
    notes = [
        Problem(file or "state/published.json", line, severity="note") for file, line in taken_down
    ]
    ci_report.report([*found, *notes], args.root, checked=closing, codequality=args.codequality)
    for line in how_to_publish(result.site):
        print(line)
    return 0


def _held_sources(site: Site) -> dict[str, str]:
    """Why each bulletin left out for now is held (a scheduled one is checked as published)."""
    return {e.bulletin.source: e.code for e in site.excluded if e.code != "scheduled"}


def _told_above(found: list[Problem], strict: bool, held: Mapping[str, str]) -> str:
    """How many warnings and notes were printed, and under --strict why they did not fail it:
    a run that says "cảnh báo" and then "Không có lỗi" must say why (`held`: the bulletins
    left out, by file: their warnings wait for them to be published)."""
    warnings = [p for p in found if p.severity == "warning"]
    notes = sum(1 for p in found if p.severity == "note")
    parts = [f"{len(warnings)} cảnh báo"] if warnings else []
    parts += [f"{notes} ghi chú"] if notes else []
    if not parts:
        return ""
    told = f"; {', '.join(parts)} (xem ở trên)"
    if strict and warnings:
        # Some warnings stay warnings under --strict by their kind, wherever they are.
        exempt = [STRICT_EXEMPT_AS[p.code] for p in warnings if p.code in STRICT_EXEMPT_AS]
        warnings = [p for p in warnings if p.code not in STRICT_EXEMPT_AS]
        waiting = {held[p.file] for p in warnings if p.file in held}
        why = []
        if waiting:
            words = ", ".join(w for code, w in HELD_AS.items() if code in waiting)
            # An expired or secret bulletin is not approved into publication: no "later" for it.
            later = (
                ": thành lỗi khi bài được duyệt để đăng"
                if waiting <= {"draft", "unapproved"}
                else ""
            )
            why.append(f"của bản tin không được đăng lần này — {words}{later}")
        if any(p.file not in held for p in warnings):
            why.append("của một kênh hay một liên kết")
        why += dict.fromkeys(exempt)
        told += (
            ". Với --strict, chỉ cảnh báo về nội dung bản tin và dữ liệu cá nhân chưa duyệt mới "
            f"thành lỗi; các cảnh báo trên ({'; '.join(why)}) không chặn việc đăng"
        )
    return told


NOT_RENDERED = (
    "Chưa kiểm tra được liên kết: website chưa dựng được khi còn các lỗi dưới đây. "
    "Sửa chúng rồi chạy lại publish check."
)


def _render(result: Build, links: SiteLinks, tick: Callable[[int], None]) -> int:
    """Render every artifact in memory into `links`, telling `tick` how many so far; how many
    there were. The files of output/ found holding the bytes its ledger recorded get their new
    stats recorded (see Ledger.vouch)."""
    sources: dict[tuple[str, str], Claimant] = {}
    count = 0
    since = time.time_ns()
    config = result.site.config
    output = result.site.output or config.root / "output"  # as the renderers read it
    ledgers = {c: Ledger(config.root / ".cache", output, c) for c in result.channels}
    checked: dict[str, dict[str, Entry]] = {channel: {} for channel in ledgers}
    artifacts = iter(result.artifacts)
    try:
        for artifact in artifacts:
            # Same path checks as the writer, so a clash is found by check, not first by build.
            claim(artifact, sources)
            links.add(artifact)
            count += 1
            tick(count)
            if isinstance(artifact, Kept) and artifact.verified is not None:
                ledger = ledgers.get(artifact.channel)
                if ledger is not None and os.fspath(artifact.origin) == ledger.where(artifact.path):
                    checked[artifact.channel][artifact.path] = artifact.verified
    finally:
        # A clash stops the stream halfway: the build's end (the collector restored) runs now.
        close = getattr(artifacts, "close", None)
        if close is not None:
            close()
    for channel, ledger in ledgers.items():
        ledger.vouch(checked[channel], since)
    return count


def _told(site: Site, found: list[Problem]) -> set[tuple[str, str]]:
    """(file, image) of each image the load found missing in a file it kept despite errors,
    and (file, link) of each link whose address goes on past a line break: its page shows it
    as a broken link, told already."""
    erring = {p.file for p in found if p.severity == "error"}
    items: list[Bulletin | Page] = [*site.for_channel("web"), *site.pages]
    return {
        (item.source, ref)
        for item in items
        if item.source in erring
        for ref in (
            *unfound(item.body, site.config.root / item.source, site.config),
            *(href for href, _ in broken_addresses(item.body, 1)),
        )
    }


def _errors(found: list[Problem]) -> bool:
    """Whether any of `found` is an error."""
    return any(p.severity == "error" for p in found)
