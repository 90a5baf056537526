"""`publish check`: validate content and config and render everything in memory; write nothing."""

from __future__ import annotations

import argparse
import sys

from publish import config as config_module
from publish.cli import common_options, resolve_now
from publish.pipeline import build, parse_channels
from publish.writer import claim

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `check`."""
    parser = subparsers.add_parser(
        "check",
        parents=[common_options()],
        help="kiểm tra nội dung và cấu hình, không ghi gì",
        description="Kiểm tra toàn bộ bản tin, trang và site.toml trong một lượt; không ghi tệp nào.",
    )
    parser.add_argument("--channel", action="append", metavar="KÊNH", help="chỉ kiểm tra kênh này")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load, validate and render in memory."""
    config = config_module.load(args.root)
    now = resolve_now(args.now, config.tz)
    result = build(config, channels=parse_channels(args.channel), now=now)
    sources: dict[tuple[str, str], str] = {}
    # Same path checks as the writer, so a clash is found by check, not first by build.
    count = len([claim(artifact, sources) for artifact in result.artifacts])
    for warning in result.warnings:
        print(warning.render(), file=sys.stderr)
    print(
        f"Không có lỗi: {len(result.site.bulletins)} bản tin xuất bản được, "
        f"{len(result.site.excluded)} bị giữ lại, {count} tệp đầu ra."
    )
    return 0
