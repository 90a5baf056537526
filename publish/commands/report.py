"""`publish report`: Zalo OA followers and per-article views/shares, kept over time.

Each run appends one snapshot to state/zalo-stats.csv (one `oa` row with the follower count, one
`bai` row per article), prints it as a table, and writes output/report/index.html: a followers
chart (inline SVG, no script, no CDN) and the article table.

An article hidden on the OA (Zalo says `hide`, or state/zalo.json records the bulletin withdrawn)
is marked «đã ẩn» in the table and the page. Its row in the CSV, a committed file appended to at
every run, keeps its counts and article id but neither its title nor its bulletin's key: a
bulletin may be withdrawn because it named a victim or was marked secret.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from publish import config as config_module
from publish.cli import common_options, resolve_now
from publish.config import Config
from publish.errors import PublishError
from publish.output_place import refuse_unsafe
from publish.preview import PREVIEW_SHOWN, in_preview
from publish.sync.manifest import Manifest, atomic_write_bytes
from publish.sync.zalo_deleted import missing_live
from publish.sync.zalo_records import hidden_ids, is_hidden
from publish.zalo import ZaloClient
from publish.zalo.errors import ListShort, ListUnsettled, ZaloError
from publish.zalo.owner import Stakes, confirm_oa

__all__ = ["COLUMNS", "ArticleStat", "add_parser", "followers_chart", "run"]

COLUMNS = (
    "thời điểm",
    "loại",
    "mã bài",
    "bản tin",
    "tiêu đề",
    "người quan tâm",
    "lượt xem",
    "lượt chia sẻ",
)
STATS_NAME = "zalo-stats.csv"
HIDDEN = "đã ẩn"
REPORT_STAKES = Stakes(
    "không đọc số liệu nào, không ghi gì",
    f"để số liệu của OA khác không bị ghi vào state/{STATS_NAME}",
)
"""What a report does not do while the token is not known to be [zalo] oa_id's."""


@dataclass(frozen=True, slots=True)
class ArticleStat:
    """One article's counters at one moment."""

    article_id: str
    key: str
    title: str
    views: int
    shares: int
    hidden: bool = False
    """Hidden on the OA: shown to nobody following it, its bulletin withdrawn."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `report`."""
    parser = subparsers.add_parser(
        "report",
        parents=[common_options()],
        help="thống kê Zalo OA: người quan tâm, lượt xem và chia sẻ từng bài",
        description=(
            "Đọc số người quan tâm OA (getoa) và lượt xem, chia sẻ từng bài (getslice), ghi thêm vào "
            "state/zalo-stats.csv, in bảng và tạo output/report/index.html có biểu đồ."
        ),
    )
    parser.add_argument(
        "--output", default="output", metavar="THƯ_MỤC", help="thư mục đầu ra (mặc định output/)"
    )
    parser.set_defaults(run=run)


def _int(value: object) -> int:
    """A counter from the API (missing or malformed → 0)."""
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def collect(
    client: ZaloClient,
    keys: dict[str, str],
    oa_id: str,
    withdrawn: frozenset[str] = frozenset(),
    hidden: frozenset[str] = frozenset(),
) -> tuple[int, list[ArticleStat], str, list[ListShort]]:
    """Follower count and every article's counters, most viewed first, what the editor is
    told (the token's OA not confirmed, a list shorter than Zalo's total), and the lists
    that read short (ListShort: from one the setting below does not take for articles hidden,
    none may be called deleted). Refused (see confirm_oa) when
    getoa names another OA than `oa_id` ([zalo] oa_id), or cannot confirm a token from a file
    naming no OA: another OA's counts would go into this unit's history. An article is hidden
    when Zalo lists it so or its id is in `withdrawn` (the ids state/zalo.json records
    withdrawn). `hidden`: the ids it records hidden, which a list of normal articles may
    leave out while its total counts them ([zalo] list_total_counts_hidden)."""
    profile = confirm_oa(client, oa_id, REPORT_STAKES)
    followers = _int(profile.get("num_follower"))
    notes = [_unconfirmed_note(profile, oa_id)]
    listed: list[dict[str, Any]] = []
    shorts: list[ListShort] = []
    for kind in ("normal", "video"):
        # Read as the sync reads it: an article deleted above the page being read no longer
        # hides one below it, which missing_live would call deleted by hand; a short list
        # taken by the hidden articles still there, as the daily check takes it, or the
        # report promised what the next renewal would not do.
        try:
            listed += client.list_articles(kind, hidden=hidden if kind == "normal" else ())
        except ListUnsettled as error:
            raise ZaloError(
                f"Chưa đọc trọn số liệu các bài: {error}. Chưa ghi gì vào state/{STATS_NAME}. "
                "Chạy lại publish report sau ít phút.",
                operation="getslice",
            ) from None
        except ListShort as error:
            # Counts are what a report is for: those read are recorded, and said to be partial.
            listed += error.articles
            shorts.append(error)
            unchecked = (
                ""
                if error.counted
                else "; chưa kiểm tra bài nào bị xoá tay (bài không đọc được không có nghĩa là "
                "đã bị xoá)"
            )
            notes.append(
                f"Lưu ý: {error}. Số liệu của {len(error.articles)} bài đọc được vẫn được ghi"
                f"{unchecked}."
            )
    stats = [
        ArticleStat(
            str(item.get("id")),
            keys.get(str(item.get("id")), ""),
            str(item.get("title") or ""),
            _int(item.get("total_view")),
            _int(item.get("total_share")),
            item.get("status") == "hide" or str(item.get("id")) in withdrawn,
        )
        for item in listed
    ]
    stats.sort(key=lambda s: (-s.views, -s.shares, s.title))
    return followers, stats, "\n".join(n for n in notes if n), shorts


def _unconfirmed_note(profile: dict[str, Any], oa_id: str) -> str:
    """What the editor is told when the counts are recorded without getoa naming `oa_id`:
    as `publish sync` sends, a token from the environment (or from a file naming this OA) is
    used when getoa gives no OA id; with no [zalo] oa_id nothing is checked."""
    if not oa_id:
        return (
            "Lưu ý: site.toml chưa ghi [zalo] oa_id nên không kiểm tra được token là của OA "
            f"nào; số liệu vẫn được ghi vào state/{STATS_NAME}. Ghi mã OA của đơn vị vào "
            "[zalo] oa_id để lần sau được kiểm tra."
        )
    if str(profile.get("oa_id") or "").strip() == oa_id:
        return ""
    return (
        f"Lưu ý: câu trả lời getoa của Zalo không có mã OA nên chưa xác nhận được token là của "
        f"OA {oa_id} ghi ở [zalo] oa_id; số liệu vẫn được ghi (như publish sync vẫn gửi), vì "
        "token lấy từ biến môi trường hoặc từ tệp token đã ghi mã OA này."
    )


def append_csv(path: Path, when: dt.datetime, followers: int, stats: Sequence[ArticleStat]) -> None:
    """Append one snapshot; a new file starts with a BOM so spreadsheet programs read UTF-8."""
    stamp = when.isoformat(timespec="seconds")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    new = not path.exists() or path.stat().st_size == 0
    if new:
        writer.writerow(COLUMNS)
    writer.writerow([stamp, "oa", "", "", "", followers, "", ""])
    for s in stats:
        # A withdrawn bulletin's title would be written again at every run, into git.
        key, title = ("", f"({HIDDEN})") if s.hidden else (s.key, s.title)
        writer.writerow([stamp, "bai", s.article_id, key, title, "", s.views, s.shares])
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8-sig" if new else "utf-8", newline="") as handle:
        handle.write(buffer.getvalue())


def follower_history(path: Path) -> list[tuple[dt.datetime, int]]:
    """Every (time, followers) snapshot recorded in the CSV, oldest first."""
    if not path.exists():
        return []
    points = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("loại") != "oa":
                continue
            try:
                points.append(
                    (dt.datetime.fromisoformat(row["thời điểm"]), int(row["người quan tâm"]))
                )
            except (KeyError, TypeError, ValueError):
                continue
    points.sort()
    return points


def followers_chart(
    points: Sequence[tuple[dt.datetime, int]], *, width: int = 640, height: int = 260
) -> str:
    """An inline SVG line chart of followers over time, with Vietnamese labels."""
    left, right, top, bottom = 64, 16, 24, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="bieu-do-tieu-de">',
        '<title id="bieu-do-tieu-de">Số người quan tâm OA theo thời gian</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#555"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#555"/>',
    ]
    if not points:
        parts.append(
            f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" font-size="14">Chưa có số liệu</text>'
        )
        return "\n".join([*parts, "</svg>"])
    start, end = points[0][0], points[-1][0]
    span = (end - start).total_seconds() or 1.0
    top_value = max(v for _, v in points)
    scale_max = max(1, int(top_value * 1.1) + 1)

    def xy(when: dt.datetime, value: int) -> tuple[float, float]:
        """Chart coordinates of a point."""
        x = left + (
            plot_w / 2 if len(points) == 1 else plot_w * (when - start).total_seconds() / span
        )
        return round(x, 1), round(top + plot_h - plot_h * value / scale_max, 1)

    coords = [xy(w, v) for w, v in points]
    for fraction in (0, 0.5, 1):
        value = round(scale_max * fraction)
        y = round(top + plot_h - plot_h * fraction, 1)
        parts.append(
            f'<text x="{left - 6}" y="{y + 4}" text-anchor="end" font-size="12">{value:,}</text>'.replace(
                ",", "."
            )
        )
    parts.append(
        '<polyline fill="none" stroke="#0068ff" stroke-width="2" points="'
        + " ".join(f"{x},{y}" for x, y in coords)
        + '"/>'
    )
    for (x, y), (when, value) in zip(coords, points, strict=True):
        label = html.escape(f"{when:%d/%m/%Y %H:%M}: {value} người quan tâm")
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="3" fill="#0068ff"><title>{label}</title></circle>'
        )
    parts.append(
        f'<text x="{left}" y="{height - 12}" font-size="12">{start:%d/%m/%Y}</text>'
        f'<text x="{left + plot_w}" y="{height - 12}" text-anchor="end" font-size="12">{end:%d/%m/%Y}</text>'
    )
    return "\n".join([*parts, "</svg>"])


def report_html(
    config: Config,
    when: dt.datetime,
    followers: int,
    stats: Sequence[ArticleStat],
    history: Sequence[tuple[dt.datetime, int]],
) -> str:
    """The report page: followers chart and the article table, self-contained."""
    esc = html.escape
    rows = "\n".join(
        f"<tr><td>{esc(s.title)}{f' <em>({HIDDEN})</em>' if s.hidden else ''}</td>"
        f"<td>{esc(s.key)}</td><td class=so>{s.views}</td><td class=so>{s.shares}</td></tr>"
        for s in stats
    )
    hidden = sum(s.hidden for s in stats)
    counted = f"{len(stats)} bài, {hidden} bài {HIDDEN}" if hidden else f"{len(stats)} bài"
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Thống kê Zalo OA — {esc(config.unit.name)}</title>
<style>
body{{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#222}}
table{{border-collapse:collapse;width:100%}}th,td{{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}}
.so{{text-align:right}}svg{{max-width:100%;height:auto}}
</style>
</head>
<body>
<h1>Thống kê Zalo OA — {esc(config.unit.name)}</h1>
<p>Cập nhật lúc {when:%H:%M ngày %d/%m/%Y}. Số người quan tâm hiện tại: <strong>{followers}</strong>.</p>
<h2>Người quan tâm theo thời gian</h2>
{followers_chart(history)}
<h2>Lượt xem và chia sẻ từng bài ({counted})</h2>
<table>
<thead><tr><th>Tiêu đề</th><th>Bản tin</th><th class=so>Lượt xem</th><th class=so>Lượt chia sẻ</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def table(followers: int, stats: Sequence[ArticleStat]) -> str:
    """The snapshot as a plain-text table for the terminal."""
    lines = [f"Người quan tâm OA: {followers}", ""]
    width = min(60, max([len("Tiêu đề"), *(len(s.title) for s in stats)]))
    lines.append(f"{'Tiêu đề':<{width}}  {'Lượt xem':>9}  {'Chia sẻ':>8}")
    lines.append("-" * (width + 21))
    for s in stats:
        title = s.title if len(s.title) <= width else s.title[: width - 1] + "…"
        mark = f"  {HIDDEN}" if s.hidden else ""
        lines.append(f"{title:<{width}}  {s.views:>9}  {s.shares:>8}{mark}")
    if not stats:
        lines.append("(chưa có bài viết nào trên OA)")
    if any(s.hidden for s in stats):
        lines += [
            "",
            f"«{HIDDEN}»: bài bị ẩn trên OA (bản tin đã rút). Số liệu của bài vẫn được ghi vào "
            f"state/{STATS_NAME}, với mã bài, không kèm tiêu đề hay khóa bản tin (tệp đó được "
            "commit).",
        ]
    return "\n".join(lines)


def _refuse_preview(args: argparse.Namespace) -> None:
    """Refuse an --output that is the drafts preview's folder (or inside it, or whose report/
    is linked there), as `publish sync` does: that folder is the tool's own, to be deleted at
    will, never one an operator keeps or deploys."""
    folder = args.root / args.output
    if in_preview(args.root, folder) or in_preview(args.root, folder / "report"):
        raise PublishError(
            f"--output {args.output}: đây là thư mục bản xem trước ({PREVIEW_SHOWN}), nơi "
            "publish build --drafts và publish serve --drafts dựng cả bản nháp lẫn bài chưa "
            "duyệt; publish report không ghi trang thống kê vào đó. Chưa đọc số liệu, chưa ghi "
            "gì. Cách sửa: bỏ --output (trang vào output/report/), hoặc chọn một thư mục ngoài "
            f"{PREVIEW_SHOWN}."
        )


def _withdrawn(entries: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """The ids of the articles state/zalo.json records withdrawn: hidden, or being hidden (as
    the sync's plan tells them), and removed, which Zalo may list a while longer (or refused to
    remove: -201), the id then kept as `removed_id`."""
    found = set()
    for entry in entries:
        if is_hidden(entry):
            found.add(str(entry["article_id"]))
        if entry.get("removed_id"):
            found.add(str(entry["removed_id"]))
    return frozenset(found)


def run(args: argparse.Namespace) -> int:
    """Fetch, append, print and write the report."""
    _refuse_preview(args)
    # content/report/index.html would be a page of the site's sources, state/ a record.
    refuse_unsafe(args.root, args.output, ("report",))
    config = config_module.load(args.root)
    when = resolve_now(args.now, config.tz)
    manifest = Manifest.load(args.root / "state" / "zalo.json", "zalo", read_only=True)
    keys = {e["article_id"]: k for k, e in manifest.entries().items() if e.get("article_id")}
    withdrawn = _withdrawn(manifest.entries().values())
    oa_id = config.zalo.oa_id.strip()
    hidden = hidden_ids(manifest.entries().values())
    with ZaloClient.from_env(
        oa_id=oa_id,
        project=args.root,
        concurrency=max(1, config.zalo.concurrency),
        list_total_counts_hidden=config.zalo.list_total_counts_hidden,
    ) as client:
        followers, stats, note, shorts = collect(client, keys, oa_id, withdrawn, hidden)
    stats_path = args.root / "state" / STATS_NAME
    append_csv(stats_path, when, followers, stats)
    print(table(followers, stats))
    page = args.root / args.output / "report" / "index.html"
    document = report_html(config, when, followers, stats, follower_history(stats_path))
    atomic_write_bytes(page, document.encode("utf-8"))
    print(f"\nĐã ghi thêm vào {stats_path} và tạo {page}.")
    if note:
        print(note)
    # A list short with the setting on lacks articles hidden: one of a live record missing
    # from it is named all the same, told that the daily check will not read it again.
    gone = (
        missing_live(manifest.entries(), {s.article_id for s in stats}, short=bool(shorts))
        if all(error.counted for error in shorts)
        else ""
    )
    if gone:
        print(gone)
    return 0
