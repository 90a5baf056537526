"""`publish check`: validate content and config and render everything in memory; write nothing."""

from __future__ import annotations

import argparse
import sys

from publish import config as config_module
from publish.cli import common_options, content_options, resolve_now
from publish.errors import ContentError
from publish.linkcheck import SiteLinks, check_external
from publish.pipeline import build, parse_channels
from publish.writer import claim

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `check`."""
    parser = subparsers.add_parser(
        "check",
        parents=[common_options(), content_options()],
        help="kiểm tra nội dung và cấu hình, không ghi gì",
        description="Kiểm tra toàn bộ bản tin, trang và site.toml trong một lượt; không ghi tệp nào.",
    )
    parser.add_argument(
        "--external",
        action="store_true",
        help="kiểm tra cả liên kết ra trang web khác (cần mạng; lỗi chỉ là cảnh báo)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load, validate and render in memory."""
    config = config_module.load(args.root)
    now = resolve_now(args.now, config.tz)
    result = build(config, channels=parse_channels(args.channel), now=now, strict=args.strict)
    sources: dict[tuple[str, str], str] = {}
    # Same path checks as the writer, so a clash is found by check, not first by build.
    # Named by file too: a link written as the file's name shows here as the page's address.
    withdrawn = {
        e.bulletin.url: f"{e.reason} (tệp {e.bulletin.source})" for e in result.site.excluded
    }
    links = SiteLinks(config.base_url, withdrawn)
    count = 0
    for artifact in result.artifacts:
        claim(artifact, sources)
        links.add(artifact)
        count += 1
    # Broken internal links and #anchors are errors; external ones only ever warn.
    external = check_external(links.external()) if args.external else []
    found = links.problems()
    broken = [p for p in found if p.severity == "error"]
    for warning in (*result.warnings, *(p for p in found if p not in broken), *external):
        print(warning.render(), file=sys.stderr)
    if broken:
        raise ContentError(broken)
    print(
        f"Không có lỗi: {len(result.site.bulletins)} bản tin xuất bản được, "
        f"{len(result.site.excluded)} bị giữ lại, {count} tệp đầu ra."
    )
    return 0
