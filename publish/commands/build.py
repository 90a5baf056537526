"""`publish build`: render every channel into output/, swapping it in only on success."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from publish import config as config_module
from publish.cli import common_options, content_options, resolve_now
from publish.errors import PublishError
from publish.pipeline import build, parse_channels
from publish.writer import write

__all__ = ["add_parser", "run"]


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
        help="xem trước bản nháp và bài chưa duyệt trên website (có dải BẢN NHÁP); không dùng để đăng",
    )
    parser.add_argument("--output", default="output", help="thư mục đầu ra (mặc định output/)")
    parser.add_argument(
        "--audio",
        action="store_true",
        help="tạo thêm âm thanh nháp (WAV, espeak-ng) cho từng tin phát thanh, để nghe thử; không dùng để phát",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="chỉ in lỗi")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the site and write it."""
    config = config_module.load(args.root)
    now = resolve_now(args.now, config.tz)
    channels = parse_channels(args.channel)
    if args.audio:
        check_audio(channels)
    result = build(config, channels=channels, now=now, drafts=args.drafts, strict=args.strict)
    report = write(result.artifacts, args.root / args.output, channels, cache=args.root / ".cache")
    if args.audio:
        write_audio(result.site, args.root / args.output / "radio" / "audio")
    if not args.quiet:
        print_exclusions(result.site)
        for warning in result.warnings:
            print(warning.render(), file=sys.stderr)
        for channel in channels:
            print(
                f"{channel}: {report.written.get(channel, 0)} tệp ghi mới, "
                f"{report.unchanged.get(channel, 0)} không đổi, {report.removed.get(channel, 0)} gỡ bỏ"
            )
        print(f"Xong: {len(result.site.bulletins)} bản tin được xuất bản vào {args.output}/.")
    return 0


def print_exclusions(site: object) -> None:
    """One line for each bulletin left out, with the reason."""
    for exclusion in site.excluded:  # type: ignore[attr-defined]
        preview = (
            " (xem trước trên website vì --drafts)" if exclusion.bulletin in site.previews else ""
        )  # type: ignore[attr-defined]
        print(f"Bỏ qua {exclusion.bulletin.source}: {exclusion.reason}{preview}")


def check_audio(channels: tuple[str, ...]) -> None:
    """--audio needs the radio channel and espeak-ng; say so before anything is built."""
    from publish.radio.audio import find_espeak

    if "radio" not in channels:
        raise PublishError("--audio chỉ dùng được khi dựng kênh radio (thêm --channel radio).")
    find_espeak()


def write_audio(site: object, folder: Path) -> None:
    """Draft WAV per radio item, with its length beside the read-time estimate."""
    from publish.radio.audio import synthesise
    from publish.render.radio import draft_audio_items
    from publish.render.radio.rundown import mss

    for clip in synthesise(draft_audio_items(site), folder):  # type: ignore[arg-type]
        print(
            f"âm thanh nháp radio/audio/{clip.path.name}: dài {mss(round(clip.seconds))}, "
            f"ước tính {mss(clip.estimate)}"
        )
