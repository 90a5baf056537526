"""`publish sync [zalo] [radio]`: build, then bring each channel in line with the build, idempotently."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from publish import config as config_module
from publish.cli import common_options, resolve_now
from publish.commands.build import print_exclusions
from publish.config import CHANNELS
from publish.errors import PublishError, RemoteError
from publish.pipeline import build
from publish.sync.base import Summary, run, sync_lock
from publish.writer import write

__all__ = ["SYNCERS", "SyncOptions", "add_parser", "run_command"]

SYNCERS = {"zalo": "publish.sync.zalo", "radio": "publish.sync.radio"}
"""Channel → module with `make_syncer(config, *, site, output, options) -> Syncer`."""


@dataclass(frozen=True, slots=True)
class SyncOptions:
    """What the user asked of a sync."""

    dry_run: bool = False
    reconcile: bool = False
    output: Path = Path("output")
    state: Path = Path("state")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `sync`."""
    parser = subparsers.add_parser(
        "sync",
        parents=[common_options()],
        help="dựng rồi đồng bộ lên Zalo OA và thư mục đài phát thanh",
        description="Dựng toàn bộ, rồi đưa từng kênh về đúng bản dựng: chạy lại bao nhiêu lần cũng không đăng trùng.",
    )
    parser.add_argument(
        "targets", nargs="*", metavar="KÊNH", help="zalo, radio (mặc định: mọi kênh)"
    )
    parser.add_argument("--dry-run", action="store_true", help="chỉ in kế hoạch, không gửi gì")
    parser.add_argument(
        "--reconcile",
        action="store_true",
        help="dựng lại trạng thái bị mất từ danh sách bài trên kênh (Zalo: getslice)",
    )
    parser.add_argument(
        "--format",
        choices=["text", "markdown"],
        default="text",
        help="dạng in kế hoạch (markdown: để bình luận vào pull request)",
    )
    parser.add_argument(
        "--summary-json", type=Path, metavar="TỆP", help="ghi bản tóm tắt JSON cho CI"
    )
    parser.add_argument("--wait", action="store_true", help="chờ nếu một lệnh sync khác đang chạy")
    parser.add_argument("--output", default="output", help="thư mục đầu ra (mặc định output/)")
    parser.set_defaults(run=run_command)


def run_command(args: argparse.Namespace) -> int:
    """Build everything, then sync each requested channel; exit 3 when a remote step failed."""
    unknown = [t for t in args.targets if t not in SYNCERS]
    if unknown:
        raise PublishError(
            f"kênh đồng bộ không tồn tại: {', '.join(unknown)}. Các kênh: {', '.join(SYNCERS)}."
        )
    targets = tuple(args.targets or SYNCERS)
    config = config_module.load(args.root)
    now = resolve_now(args.now, config.tz)
    output = args.root / args.output
    options = SyncOptions(args.dry_run, args.reconcile, output, args.root / "state")
    with sync_lock(options.state, wait=args.wait):
        result = build(config, channels=CHANNELS, now=now)
        write(result.artifacts, output, CHANNELS)
        print_exclusions(result.site)
        for warning in result.warnings:
            print(warning.render(), file=sys.stderr)
        summaries: list[Summary] = []
        for target in targets:
            module = importlib.import_module(SYNCERS[target])
            syncer = module.make_syncer(config, site=result.site, output=output, options=options)
            actions, summary = run(syncer, dry_run=args.dry_run, echo=_echo(args.format))
            if args.format == "markdown":
                print(_markdown(target, actions, summary))
            summaries.append(summary)
    for summary in summaries:
        print(summary.line())
    if args.summary_json:
        document = {"dry_run": args.dry_run, "channels": [s.as_dict() for s in summaries]}
        args.summary_json.write_text(
            json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    if any(s.failed for s in summaries):
        raise RemoteError(
            "một số thao tác đồng bộ thất bại (xem ở trên); phần đã xong đã được lưu. Chạy lại để tiếp tục."
        )
    return 0


def _echo(fmt: str):
    """Plain printing, or silence when the plan is printed as Markdown at the end."""
    if fmt == "markdown":
        return lambda message: print(message, file=sys.stderr)
    return print


def _markdown(channel: str, actions: list, summary: Summary) -> str:
    """The plan as a Markdown section for a pull-request comment."""
    from publish.sync.base import KIND_LABELS

    active = [a for a in actions if a.kind != "noop"]
    lines = [f"### {channel}", ""]
    if not active:
        lines.append(f"Không có thay đổi ({summary.unchanged} mục giữ nguyên).")
        return "\n".join(lines)
    lines += ["| Thao tác | Bản tin | Lý do |", "|---|---|---|"]
    for action in active:
        title = (action.title or action.key).replace("|", "\\|")
        reason = action.reason.replace("|", "\\|")
        lines.append(f"| {KIND_LABELS.get(action.kind, action.kind)} | {title} | {reason} |")
    return "\n".join(lines)
