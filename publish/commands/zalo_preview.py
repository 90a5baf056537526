"""`publish zalo-preview TỆP...`: print the Zalo article of a bulletin as a follower reads it.

The approver saw a draft on the website (`publish serve --drafts`) and heard it for the radio
(`publish speak`), but had nothing to read its Zalo article by: `publish build --drafts`
refuses the zalo channel, as output/zalo is what a sync sends. This command shows it all the
same, draft, unapproved or scheduled (never a secret one): the title, author and description
with their lengths against Zalo's limits, the cover, each block of the body in order, and every
problem the build's Zalo check would tell. It prints to the terminal and writes no file a
sync reads (only the shared image cache of .cache/): the least likely design to publish
anything by mistake, as there is nothing a sync or a deploy could ever pick up.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from publish import config as config_module
from publish.carried import carried
from publish.cli import common_options, resolve_now
from publish.commands.approve_names import named, nearest
from publish.config import Config
from publish.content import load_bulletin, load_site
from publish.errors import ContentError, Problem, PublishError
from publish.gates import public_classification
from publish.locate import with_lines
from publish.model import PAGES_DIR, Bulletin, Site
from publish.output_lock import output_lock
from publish.render import zalo
from publish.render.zalo.payload import fields
from publish.text import nfc, quoted

__all__ = ["add_parser", "run"]

EXAMPLE = "Ví dụ: publish zalo-preview content/bai-viet/ten-bai.md"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `zalo-preview`."""
    parser = subparsers.add_parser(
        "zalo-preview",
        parents=[common_options()],
        help="in bài Zalo của bản tin (cả bản nháp, bài chưa duyệt) đúng như người quan tâm "
        "OA đọc, để đọc trước khi duyệt; không ghi, không gửi gì",
        description="In tiêu đề, tác giả, tóm tắt, ảnh bìa và từng khối của bài viết Zalo OA mà "
        "bản tin sẽ thành, kèm mọi lỗi và cảnh báo giới hạn của Zalo như lần dựng báo. Dùng "
        "được cho bản nháp và bài chưa duyệt (không cho tài liệu mật). Chỉ in ra cửa sổ dòng "
        "lệnh: không ghi vào output/, không gửi gì lên Zalo (publish sync không bao giờ đọc "
        "bản xem trước này).",
    )
    parser.add_argument("files", nargs="+", metavar="TỆP", help="tệp bản tin (.md)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the article of each file named; 1 when a file cannot be shown or the build's Zalo
    check finds an error in it (the article shown would not be accepted as it is)."""
    config = config_module.load(args.root)
    now = resolve_now(args.now, config.tz)
    if not config.zalo.oa_id.strip():
        raise PublishError(
            "site.toml chưa ghi mã Zalo OA của đơn vị ([zalo] oa_id trống): không bài nào được "
            "gửi lên Zalo, nên không có bài Zalo nào để xem trước. Đơn vị có OA thì ghi mã đó "
            'vào oa_id ở bảng [zalo] của site.toml (ví dụ oa_id = "1234567890").'
        )
    with output_lock(args.root, "zalo-preview", tz=config.tz):
        # Loaded once for every file: what each is held for, where its links lead.
        try:
            site = load_site(config, now=now, salvage=True)
        except ContentError as exc:
            raise ContentError(exc.problems) from None  # content/ missing: told as it is
        shown = [_preview(name, config, now, site) for name in args.files]
    print("\n\n".join(text for text, _ in shown))
    return 1 if any(failed for _, failed in shown) else 0


def _preview(name: str, config: Config, now: dt.datetime, site: Site) -> tuple[str, bool]:
    """The preview of file `name` and whether it failed (the file cannot be shown, or the
    build's Zalo check finds an error in it)."""
    found = named(name, config.root)
    path, label = found.path, found.shown
    if not path.is_file() or path.suffix != ".md":
        near = nearest(path, config.root) if not path.exists() else None
        hint = f"Có phải ý bạn là «{near}»? " if near else ""
        return f"{label}: không có tệp bản tin (.md) này. {hint}{EXAMPLE}", True
    try:
        where = found.same.relative_to((config.root / "content").resolve())
    except ValueError:
        return f"{label}: không phải tệp bản tin trong thư mục content/ của dự án.", True
    if where.parts[0] == PAGES_DIR:
        return f"{label}: là trang (content/{PAGES_DIR}/), chỉ đăng trên website.", True
    bulletin, errors = _loaded(f"content/{where.as_posix()}", path, config, now, site)
    if bulletin is None or errors:
        told = "\n".join(p.render() for p in errors)
        return (
            f"{told}\n{label}: bản tin còn lỗi (ở trên): chạy publish check, sửa rồi xem lại.",
            True,
        )
    held = next((e for e in site.excluded if e.bulletin.source == bulletin.source), None)
    if not public_classification(bulletin.classification) or (held and held.code == "secret"):
        # Never shown anywhere, as the build never publishes it.
        return f"{label}: tài liệu mật hay phân loại không cho đăng: không xem trước.", True
    return _article(bulletin, label, config, site, held.reason if held else "")


def _loaded(
    source: str, path: Path, config: Config, now: dt.datetime, site: Site
) -> tuple[Bulletin | None, list[Problem]]:
    """The bulletin of file `path` and its errors, as `site` loaded it (each file was read
    twice, and its errors told only as far as the file alone gives them); read alone only when
    the load took it under another name (a folder of content/ reached through a link)."""
    source = nfc(source)
    errors = [p for p in site.warnings if p.file == source and p.severity == "error"]
    held = (e.bulletin for e in site.excluded)
    found = next((b for b in (*site.bulletins, *held) if b.source == source), None)
    if found is not None or errors:
        return found, errors
    bulletin, problems, _ = load_bulletin(path, config, now=now)
    return bulletin, [p for p in problems if p.severity == "error"]


def _article(
    bulletin: Bulletin, label: str, config: Config, site: Site, held: str
) -> tuple[str, bool]:
    """The article of `bulletin` as text, and whether the Zalo check finds an error in it."""
    going = carried(bulletin.channels, config)
    notes = []
    if "zalo" not in going:
        notes.append(
            "bản tin không gửi lên Zalo ("
            + (
                f"draft: [{', '.join(sorted(bulletin.held_from))}]"
                if "zalo" in bulletin.held_from
                else f"channels: [{', '.join(sorted(bulletin.channels))}]"
            )
            + "): dưới đây là bài nó sẽ thành nếu được gửi"
        )
    # The article made for it as the build makes one for a bulletin that goes to Zalo.
    shown = dataclasses.replace(
        bulletin, channels=bulletin.channels | {"zalo"}, held_from=bulletin.held_from - {"zalo"}
    )
    alone = dataclasses.replace(site, bulletins=(shown,), excluded=(), previews=())
    found = with_lines(zalo.check(alone), config.root)
    found = [p for p in found if p.file in (bulletin.source, "site.toml")]
    try:
        payload = zalo.article(shown, alone)  # converted once: check() may have made it
    except PublishError as exc:  # an image that cannot be read: the check above told it
        payload = None
        if not found:
            found = [Problem(bulletin.source, str(exc))]
    state = f"chưa đăng: {held}" if held else "đăng được (đã duyệt)"
    lines = [
        f"Bài Zalo của {label} — bản xem trước: chỉ in ra đây, không ghi tệp nào, không gửi gì "
        "lên Zalo.",
        f"Trạng thái: {state}.",
        *(f"Lưu ý: {note}." for note in notes),
    ]
    if payload is not None:
        lines += _payload_lines(payload, shown, alone)
    errors = [p for p in found if p.severity == "error"]
    if found:
        lines.append(
            f"Lỗi và cảnh báo của Zalo ({len(errors)} lỗi: bài có lỗi thì lần dựng dừng khi bài "
            "được đăng):"
            if errors
            else "Cảnh báo, ghi chú của Zalo:"
        )
        lines += [p.render() for p in found]
    else:
        lines.append("Không có lỗi hay cảnh báo nào về giới hạn của Zalo.")
    return "\n".join(lines), bool(errors)


def _payload_lines(payload: dict[str, Any], bulletin: Bulletin, site: Site) -> list[str]:
    """The article's fields and blocks, each on its line as a follower meets them."""
    zalo = site.config.zalo
    chosen = fields(bulletin, site)

    def sized(text: str, limit: int) -> str:
        """How long `text` is as Zalo counts, against `limit`."""
        return f"{zalo.length(text)}/{limit} ký tự"

    cover = payload["cover"]
    where = f"{chosen.cover_field}: {chosen.cover.path}" if chosen.cover else ""
    shown_cover = (
        f"{cover['photo_url']} ({where})"
        + ("; không hiện ở đầu bài: thân bài có cùng ảnh" if cover["status"] == "hide" else "")
        if cover["photo_url"]
        else "không có"
    )
    body = payload["body"]
    limit = zalo.max_body_blocks
    lines = [
        f"Tiêu đề ({chosen.title_field}, {sized(payload['title'], zalo.title_max)}): "
        f"{payload['title']}",
        f"Tác giả ({chosen.author_field}, {sized(payload['author'], zalo.author_max)}): "
        f"{payload['author']}",
        f"Tóm tắt ({chosen.description_field}, "
        f"{sized(payload['description'], zalo.description_max)}): {payload['description']}",
        f"Ảnh bìa: {shown_cover}",
        f"Nội dung: {len(body)} khối" + (f" (tối đa {limit})" if limit else "") + ":",
    ]
    for number, block in enumerate(body, start=1):
        if block.get("type") == "image":
            caption = f" — chú thích {quoted(block['caption'])}" if block.get("caption") else ""
            lines.append(f"  {number}. [ảnh] {block['url']}{caption}")
        else:
            lines.append(f"  {number}. {block.get('content', '')}")
    lines.append(f"Bình luận: {'cho phép' if payload['comment'] == 'show' else 'tắt'}.")
    return lines
