"""Benchmark: sync 1,000 bulletins to the Zalo emulator (50 ms per call), then a no-op sync.

    python benchmarks/zalo_sync.py [--count 1000] [--latency 0.05] [--processing 2.0]
    python benchmarks/zalo_sync.py --count 10000 --latency 0 --processing 0 --rate-limit 0 --command \
        [--repeat 5]

Generates a project in a temporary folder (approval off, one default cover, no other images),
builds it, and times `base.run(syncer)` for the Zalo channel with the client's real default waits
(verify first delay 2 s, poll 3 s). The emulator answers every call after `--latency` seconds and
reports an article as processed `--processing` seconds after create (time-based, like Zalo).
Prints wall time and API calls per endpoint for the first sync and for the no-op resync.
With --command, it then times the whole `publish sync` command (a subprocess: start-up, content
loading, build or replay, every channel's plan) right after `publish build`, with nothing changed.
"""

from __future__ import annotations

import argparse
import collections
import compileall
import datetime as dt
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import publish as publish_package
from publish import config as config_module
from publish.commands.sync import SyncOptions
from publish.config import CHANNELS, ZaloConfig
from publish.pipeline import build
from publish.sync.base import run
from publish.sync.zalo import make_syncer
from publish.writer import write
from publish.zalo.emulator import EmulatorConfig, ZaloEmulator

SITE = """\
[unit]
name = "Công an huyện Châu Thành"
short_name = "Công an Châu Thành"

[site]
title = "Công an huyện Châu Thành"
base_url = "https://congan-chauthanh.example.vn/"
default_channels = ["web", "zalo"]
default_cover = "images/bia.jpg"

[policy]
require_approval = false

[categories.canh-bao-toi-pham]
label = "Cảnh báo phương thức, thủ đoạn tội phạm"

[categories.an-ninh-trat-tu]
label = "Tình hình an ninh trật tự"

[zalo]
oa_id = "2463951837402251183"
"""
"""A project whose Zalo OA is the emulator's (Zalo is synced only when oa_id names the OA)."""
TOPICS = [
    "Cảnh báo thủ đoạn giả danh Công an gọi điện lừa đảo",
    "Cấp căn cước công dân lưu động cho người cao tuổi",
    "Ra quân tấn công trấn áp tội phạm dịp cuối năm",
    "Tuyên truyền phòng chống tội phạm ma túy trong trường học",
    "Kết quả tiếp nhận và giải quyết phản ánh của người dân",
]
PLACES = ["xã An Nhơn", "xã Tân Bình", "thị trấn Cái Tàu Hạ", "xã Phú Hựu", "xã An Hiệp"]


def bulletin(index: int) -> str:
    """One generated bulletin with a few paragraphs, a heading and a list."""
    when = dt.datetime(2015, 1, 1, 8, 0) + dt.timedelta(hours=7 * index)  # all in the past
    topic = TOPICS[index % len(TOPICS)]
    place = PLACES[index % len(PLACES)]
    body = "\n\n".join(
        [
            f"Ngày {when:%d/%m/%Y}, Công an {place} triển khai kế hoạch: {topic.lower()}.",
            "## Nội dung chính",
            "- Tăng cường tuần tra, kiểm soát địa bàn;\n- Vận động người dân cung cấp thông tin.",
            f"Người dân cần hỗ trợ xin liên hệ Công an {place} hoặc gọi 113. " * 3,
        ]
    )
    return (
        "---\n"
        f'id: "bt-{index:05d}"\n'
        f'title: "{topic} tại {place} (số {index})"\n'
        f"date: {when:%Y-%m-%d %H:%M}\n"
        f"category: {'canh-bao-toi-pham' if index % 2 else 'an-ninh-trat-tu'}\n"
        f'summary: "Công an {place} thông tin về {topic.lower()}."\n'
        f"---\n\n{body}\n"
    )


def make_project(root: Path, count: int) -> None:
    """Write site.toml, the cover and `count` bulletins."""
    (root / "content" / "bai-viet").mkdir(parents=True)
    (root / "content" / "images").mkdir()
    (root / "site.toml").write_text(SITE, encoding="utf-8")
    cover = io.BytesIO()
    Image.new("RGB", (1200, 630), (20, 60, 160)).save(cover, "JPEG")
    (root / "content" / "images" / "bia.jpg").write_bytes(cover.getvalue())
    for index in range(count):
        path = root / "content" / "bai-viet" / f"ban-tin-{index:05d}.md"
        path.write_text(bulletin(index), encoding="utf-8")


def one_sync(root: Path, emulator: ZaloEmulator, label: str) -> None:
    """Build, then time the Zalo sync and count the API calls it made."""
    config = config_module.load(root)
    started = time.perf_counter()
    result = build(config, channels=CHANNELS, now=dt.datetime.now(config.tz))
    write(result.artifacts, root / "output", CHANNELS, cache=root / ".cache")
    built = time.perf_counter() - started
    emulator.clear_calls()
    options = SyncOptions(output=root / "output", state=root / "state", cache=root / ".cache")
    syncer = make_syncer(config, site=result.site, output=root / "output", options=options)
    started = time.perf_counter()
    _, summary = run(syncer, echo=lambda message: None)
    elapsed = time.perf_counter() - started
    calls = collections.Counter(c.path.rsplit("/", 1)[-1] for c in emulator.calls)
    print(f"{label}: build {built:.1f} s, sync {elapsed:.1f} s, {sum(calls.values())} API calls")
    print(f"  {summary.line()}")
    print("  calls: " + (", ".join(f"{k} {v}" for k, v in sorted(calls.items())) or "none"))


def command_noop(root: Path, emulator: ZaloEmulator, repeat: int = 1) -> None:
    """Time `publish sync` as CI runs it after `publish build`, when nothing has changed:
    wall time and the CPU time of the command's processes, `repeat` times."""
    base = [sys.executable, "-m", "publish"]
    # As an install does: with PYTHONDONTWRITEBYTECODE set (as on some CI images and here) an
    # editable install is compiled from source at every start, ~0.2-1 s of each timed command.
    compileall.compile_dir(Path(publish_package.__file__).parent, quiet=1)
    subprocess.run([*base, "build", "--root", str(root), "-q"], check=True)
    # The syncs above ran in this process, not as the command, and wrote no state/published.json:
    # the first command writes it (as a project's very first `publish sync` does, never a CI run
    # after that). Not timed.
    subprocess.run([*base, "sync", "--root", str(root)], check=True, stdout=subprocess.DEVNULL)
    for _ in range(repeat):
        emulator.clear_calls()
        # CPU as well as wall: on a shared machine the wall time mostly measures the neighbours.
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        command = [*base, "sync", "--root", str(root)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        calls = collections.Counter(c.path.rsplit("/", 1)[-1] for c in emulator.calls)
        print(
            f"no-op `publish sync` command: {elapsed:.2f} s wall, {cpu:.2f} s CPU, "
            f"{sum(calls.values())} API calls"
        )
        print("  calls: " + (", ".join(f"{k} {v}" for k, v in sorted(calls.items())) or "none"))


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--processing", type=float, default=2.0)
    parser.add_argument(
        "--command", action="store_true", help="also time the `publish sync` command"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="time the `publish sync` command this many times"
    )
    parser.add_argument(
        "--rate-limit",
        type=int,
        default=EmulatorConfig().rate_limit_per_minute,
        help="emulator's calls per minute before -32 (0: none, to seed 10,000 articles quickly)",
    )
    args = parser.parse_args()
    config = EmulatorConfig(
        latency=args.latency,
        verify_processing_count=0,
        verify_processing_seconds=args.processing,
        rate_limit_per_minute=args.rate_limit or None,
    )
    with tempfile.TemporaryDirectory() as folder, ZaloEmulator(config) as emulator:
        root = Path(folder) / "du-an"  # the token file lives outside it, as publish requires
        make_project(root, args.count)
        os.environ.update(
            ZALO_APP_ID=emulator.config.app_id,
            ZALO_APP_SECRET=emulator.config.app_secret,
            ZALO_REFRESH_TOKEN=emulator.refresh_token,
            ZALO_TOKEN_FILE=str(Path(folder) / "secrets" / "zalo-token.json"),
            ZALO_API_BASE=emulator.base_url,
            ZALO_OAUTH_BASE=emulator.base_url,
        )
        print(
            f"{args.count} bulletins, {args.latency * 1000:.0f} ms per call, "
            f"Zalo processing {args.processing:.1f} s, concurrency {ZaloConfig().concurrency}, "
            f"rate limit {args.rate_limit or 'off'} calls/min"
        )
        one_sync(root, emulator, "first sync")
        assert len(emulator.articles) == args.count, "every bulletin should be on the OA once"
        one_sync(root, emulator, "no-op sync")
        if args.command:
            command_noop(root, emulator, args.repeat)


if __name__ == "__main__":
    main()
