"""`publish new "Tiêu đề" --category KEY`: create a bulletin file with complete front matter."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import secrets
import sys
from pathlib import Path

from publish import config as config_module
from publish.backdated import past_date
from publish.carried import carried
from publish.cli import common_options, resolve_now
from publish.config import CHANNELS, Config
from publish.content import BODY_PLACEHOLDER, SUMMARY_PLACEHOLDER, without_invisible
from publish.errors import ContentError, Problem, PublishError, display_path
from publish.far_date import far_date
from publish.fields import (
    DATE_PREFIX,
    WINDOWS_RESERVED,
    Collector,
    Unread,
    alias_path,
    category_hint,
    category_key,
    day_only,
    new_identifier,
    read_moment,
    unknown_category,
)
from publish.frontmatter import FrontMatterError, decode, split
from publish.lang_field import language
from publish.languages import spoken
from publish.limits import read_head
from publish.locate import with_lines
from publish.no_follow import linked_folder
from publish.text import SLUG_RE, nfc, quoted, slugify, vn_datetime
from publish.url_history import history_path, load_history

__all__ = ["add_parser", "run"]

SLUG_LENGTH = 80
"""Longest slug made from a title (as the loader makes one from a file name)."""
SLUG_LINE = re.compile(rb"^slug:[ \t]*([\"']?)([a-z0-9-]+)\1[ \t]*(?:#[^\r\n]*)?\r?$", re.M)
"""A `slug:` line of a front matter, its value a valid slug (another one is an error anyway)."""
HEAD_BYTES = 8192
"""Bytes of each Markdown file read for its `slug:` line (front matter comes first)."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `new`."""
    parser = subparsers.add_parser(
        "new",
        parents=[common_options()],
        help="tạo một bản tin mới với phần đầu đầy đủ",
        description="Tạo content/bai-viet/YYYY-MM-DD-<tiêu-đề-bỏ-dấu>.md với đủ các trường, thời điểm hiện tại theo giờ của đơn vị.",
    )
    parser.add_argument(
        "title", metavar="TIÊU_ĐỀ", help='tiêu đề bản tin, ví dụ "Cảnh báo lừa đảo qua mạng"'
    )
    # Not required=True: argparse would refuse before site.toml is read, without naming the
    # categories there; run() does, listing them.
    parser.add_argument(
        "--category",
        metavar="CHUYÊN_MỤC",
        help="khóa hoặc nhãn chuyên mục trong site.toml (bắt buộc)",
    )
    parser.add_argument("--author", default="", metavar="TÁC_GIẢ", help="tên tác giả")
    parser.add_argument(
        "--date",
        metavar="NGÀY_GIỜ",
        help='ngày giờ đăng (hẹn giờ), ghi như trường date, ví dụ "30/11/2026 8h30" hay '
        '"2026-11-30 08:30"; tên tệp lấy ngày này; mặc định: bây giờ',
    )
    parser.add_argument(
        "--lang",
        metavar="NGÔN_NGỮ",
        help="mã ngôn ngữ của bài khi không viết bằng tiếng Việt, ghi như trường lang, ví dụ en "
        "(tiếng Anh); mặc định: ngôn ngữ của website",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the new file and print its path."""
    config = config_module.load(args.root)
    # Pasted from Zalo or Facebook, it may hold characters nobody sees: written as read.
    title = nfc(" ".join(without_invisible(args.title).split()))
    problems = []
    if not title:
        problems.append(
            Problem(
                "TIÊU_ĐỀ",
                "tiêu đề trống",
                hint=f'Ví dụ: publish new "Cảnh báo lừa đảo qua mạng" --category {_example(config)}',
            )
        )
    limit = config.policy.max_title_length
    if len(title) > limit:
        # The file would fail `publish check` and the preview at once, before a word is written.
        problems.append(
            Problem(
                "TIÊU_ĐỀ",
                f"tiêu đề dài {len(title)}/{limit} ký tự",
                hint=f"Rút gọn còn tối đa {limit} ký tự (Zalo hiện trọn tiêu đề dưới 150 ký tự); "
                "phần còn lại đưa vào tóm tắt (summary) hay nội dung.",
            )
        )
    category = None
    if args.category is None:
        problems.append(
            Problem(
                "--category",
                # A command-line option, not a front-matter field: no «trường 'category'».
                "thiếu tùy chọn bắt buộc --category (chuyên mục của bản tin mới)",
                hint=_choices(config, title or "Tiêu đề"),
            )
        )
    else:
        category = category_key(args.category, config)
        if category is None:
            problems.append(
                Problem(
                    "--category",
                    unknown_category(args.category, config),
                    hint=category_hint(args.category, config),
                )
            )
    when = _date(args.date, config, problems) if args.date is not None else None
    lang = _lang(args.lang, config, problems) if args.lang is not None else ""
    if problems or category is None:
        raise ContentError(problems)
    now = when or resolve_now(args.now, config.tz).replace(second=0, microsecond=0)
    folder = args.root / "content" / "bai-viet"
    if (linked := linked_folder(folder, args.root / "content")) is not None:
        raise ContentError([_linked_folder(linked, args.root)])
    taken, old = _addresses_taken(args.root, config, f"/{now.year}/{now.month:02d}/")
    path, slug, why = _free_name(args.root, folder, title, f"{now:%Y-%m-%d}-", taken, old)
    if path is None:
        raise ContentError(
            [
                Problem(
                    display_path(folder / f"{now:%Y-%m-%d}-{slug}.md", args.root),
                    "tệp đã tồn tại, cùng tiêu đề",
                    hint="Mở tệp đó để viết tiếp (publish new không ghi đè tệp có sẵn), hoặc đổi "
                    "tiêu đề nếu đây là một bản tin khác.",
                )
            ]
        )
    day_alone = args.date is not None and day_only(args.date)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as handle:  # never over a file made meanwhile
            handle.write(
                _template(
                    title,
                    slug,
                    category,
                    args.author,
                    now,
                    day_alone=day_alone,
                    lang=lang,
                    channels=_offered(config),
                )
            )
    except FileExistsError:
        raise ContentError(
            [
                Problem(
                    display_path(path, args.root),
                    "tệp vừa được một chương trình khác tạo ra",
                    hint="Chạy lại lệnh.",
                )
            ]
        ) from None
    # Flushed now: with `2>&1` into a pipe or a file, stdout is buffered until exit while the
    # notes below (stderr) are not, so the path came out after them instead of first.
    print(_openable(path), flush=True)
    if when is not None:
        clock = resolve_now(args.now, config.tz)  # `now` is the --date given
        if day_alone:
            print(_midnight_note(args.date.strip(), when, clock), file=sys.stderr)
        channels = config.site.default_channels  # the file writes no `channels` line
        shown_path = display_path(path, args.root)
        # The current minute is "now", as the file made without --date is: an urgent bulletin
        # dated the minute it is written is not back-dated.
        this_minute = clock.replace(second=0, microsecond=0)
        past = (
            None
            if when >= this_minute
            else past_date(shown_path, when, clock, config, channels, created=True)
        )
        if past is not None:
            print(with_lines([past], args.root)[0].render(), file=sys.stderr)
        far = far_date(shown_path, when, clock, config.tz, "bản tin", created=True)
        if far is not None:
            print(with_lines([far], args.root)[0].render(), file=sys.stderr)
    if lang and not spoken(lang) and "radio" in config.site.default_channels:
        # Told now, not first by check: the editor may want a Vietnamese bulletin for the radio.
        print(
            f"Ghi chú: bản tin viết bằng ngôn ngữ khác tiếng Việt (lang: {lang}) không đưa vào "
            "kịch bản phát thanh (đài đọc bằng giọng tiếng Việt); website và Zalo vẫn đăng. "
            "Muốn đài đọc tin này thì viết một bản tin tiếng Việt riêng.",
            file=sys.stderr,
        )
    if why is not None:
        print(
            f"Ghi chú: {why}, nên bản tin mới lấy địa chỉ «{slug}». Muốn địa chỉ khác thì đổi "
            "tên tệp (phần sau ngày) trước khi đăng.",
            file=sys.stderr,
        )
    zalo_max = config.zalo.title_max
    if "zalo" in carried(config.site.default_channels, config) and (
        config.zalo.length(title) > zalo_max
    ):
        # Told while the title is being written, not first by check when the draft is done.
        print(
            f"Ghi chú: tiêu đề dài {config.zalo.length(title)} ký tự, Zalo OA chỉ nhận tối đa "
            f"{zalo_max}: rút gọn tiêu đề, hoặc thêm vào phần đầu một tiêu đề ngắn hơn cho "
            "Zalo:\n"
            '  zalo:\n    title: "…"',
            file=sys.stderr,
        )
    return 0


def _openable(path: Path) -> str:
    """The new file's path as the editor opens it from where the command was typed: relative
    to the current folder when inside it (also with `--root /srv/don-vi`), else in full."""
    here = Path.cwd().resolve()
    full = path.resolve()
    return str(full.relative_to(here)) if full.is_relative_to(here) else str(full)


def _linked_folder(folder: Path, root: Path) -> Problem:
    """The problem of a bulletin folder that is a symlink: writing through it could land out of
    the project, and the loader never enters a linked folder, so the bulletin would not show."""
    return Problem(
        display_path(folder.parent, root) + "/" + folder.name,
        "thư mục là liên kết (symlink): publish new không ghi qua liên kết (nó có thể trỏ ra ngoài "
        "dự án, và bản tin trong thư mục liên kết không bao giờ được đọc, không được đăng)",
        hint=f"Xóa liên kết rồi tạo thư mục thật {folder.name} trong content/, chép các bản tin "
        "vào đó, rồi chạy lại lệnh.",
    )


def _date(written: str, config: Config, problems: list[Problem]) -> dt.datetime | None:
    """The moment --date names, read as the `date` field reads it, in the site's time zone (the
    file's name and `date` line are written in it), or None with its problem recorded."""
    moment = read_moment(written, config.tz)
    if isinstance(moment, Unread):
        problems.append(Problem("--date", moment.message, hint=moment.hint))
        return None
    return moment.replace(second=0, microsecond=0)


def _lang(written: str, config: Config, problems: list[Problem]) -> str:
    """The language tag --lang names, read as the `lang` field reads it ("" for the site's
    language); a value that is none is told as the field's error, naming the option."""
    col = Collector("--lang", [])
    tag = language(col, {"lang": written}, config)
    problems += [Problem("--lang", p.message, hint=p.hint) for p in col.problems]
    return tag


def _midnight_note(written: str, when: dt.datetime, now: dt.datetime) -> str:
    """The note telling that a --date without a time was taken as that day's 00:00, as the
    `date` field takes it, and how to give the hour meant (`now`: whether that is past)."""
    said = (
        f"Ghi chú: --date {quoted(written)} không ghi giờ, nên giờ đăng là {vn_datetime(when)} "
        "(đầu ngày, như dòng date chỉ ghi ngày): "
    )
    if when <= now:
        # 07:00 of that day may have passed too: the past-date warning printed next gives an hour to come.
        return (
            said
            + "bài được đăng ngay khi được duyệt (00:00 ngày đó đã qua; xem cảnh báo dưới đây)."
        )
    return (
        f"{said}bài được đăng ngay khi sang ngày đó, nếu đã được duyệt. Muốn giờ khác thì sửa dòng "
        f"date trong tệp, ví dụ date: {when:%Y-%m-%d} 07:00, hoặc chạy lệnh với --date "
        f'"{when:%d/%m/%Y} 7h00".'
    )


def _free_name(
    root: Path,
    folder: Path,
    title: str,
    prefix: str,
    taken: dict[str, str],
    old: dict[str, str],
) -> tuple[Path | None, str, str | None]:
    """The new file's path and slug: the title's own slug unless a file has it (`taken`) or it
    is an old address (`old`): then "-2", "-3"…, with why the title's slug could not be used.
    No path when a file of this day already has this title: most likely the same command run
    twice."""
    whole = slugify(title, max_length=0)
    base = _cut(whole, SLUG_LENGTH)
    why = None
    number = 1
    while True:
        ending = f"-{number}" if number > 1 else ""
        slug = _cut(whole, SLUG_LENGTH - len(ending)) + ending
        path = folder / f"{prefix}{slug}.md"
        if path.exists():
            if _same_title(path, title):
                return None, slug, None
        elif slug not in taken and slug not in old and slug not in WINDOWS_RESERVED:
            return path, slug, why
        if why is None:
            owner = path if path.exists() else taken.get(base)
            if owner is not None:
                why = f"địa chỉ «{base}» (lấy từ tiêu đề) đã thuộc về {display_path(Path(owner), root)}"
            elif base in old:
                why = old[base]
            else:
                why = (
                    f"«{base}» là tên Windows dành riêng, không lưu được thành tệp trên máy Windows"
                )
        number += 1


def _addresses_taken(
    root: Path, config: Config, month: str
) -> tuple[dict[str, str], dict[str, str]]:
    """The slug of every bulletin and page (its `slug:` line, else its file name) with the path
    of the file that has it; and the slugs whose address this month (`month`: "/2025/01/") is an
    old address of a bulletin, in its `aliases` or in state/web-urls.json, with why it stays
    that bulletin's: a new one there would take over its printed QR codes and shared links."""
    taken: dict[str, str] = {}
    old: dict[str, str] = {}
    pattern = re.compile(re.escape(month) + r"([a-z0-9-]+)/")
    marker = month.encode()
    for folder, dirs, names in os.walk(root / "content"):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        for name in names:
            if name.endswith(".md") and not name.startswith((".", "_", "~$")):
                path = os.path.join(folder, name)
                head = read_head(path, HEAD_BYTES)
                taken.setdefault(_slug_of(head, name), path)
                if marker in head:  # rare: a date or an address of this month near the top
                    for slug, address in _aliased(path, config, pattern):
                        old.setdefault(
                            slug,
                            f"địa chỉ {address} là địa chỉ cũ của {display_path(Path(path), root)} "
                            "(trong aliases): mã QR đã in và liên kết đã chia sẻ tới đó phải mở "
                            "đúng bài ấy",
                        )
    try:
        history = load_history(history_path(root))
    except PublishError:
        history = {}  # publish check and build say what is wrong with it
    for addresses in history.values():
        for address in addresses:
            if hit := pattern.fullmatch(address):
                old.setdefault(
                    hit[1],
                    f"địa chỉ {address} là của một bản tin đã đăng trước đây (ghi trong "
                    "state/web-urls.json): mã QR đã in và liên kết đã chia sẻ tới đó phải mở "
                    "đúng bài ấy",
                )
    return taken, old


def _aliased(path: str, config: Config, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """The (slug, address) of each of the file's `aliases` that `pattern` matches."""
    try:
        with open(path, "rb") as handle:
            data = split(decode(handle.read())).data
    except (OSError, FrontMatterError):
        return []
    written = data.get("aliases")
    found = []
    for alias in [written] if isinstance(written, str) else written or ():
        if isinstance(alias, str) and (hit := pattern.fullmatch(alias_path(alias, config))):
            found.append((hit[1], hit[0]))
    return found


def _cut(slug: str, length: int) -> str:
    """`slug` cut to at most `length` characters after a whole word (the first words, none
    skipped: slugify's own cut keeps a short word found after a long one that did not fit)."""
    if len(slug) <= length:
        return slug
    cut = slug[: length + 1].rsplit("-", 1)[0]
    return cut if cut and len(cut) <= length else slug[:length].rstrip("-")


def _slug_of(head: bytes, name: str) -> str:
    """The slug a Markdown file gives its bulletin or page (as publish.fields.slug does), from
    its first bytes and its name."""
    end = head.find(b"\n---", 3)  # the front matter's closing line: a body may say slug: too
    found = SLUG_LINE.search(head, 0, end if end > 0 else len(head))
    if found is not None:
        return found.group(2).decode()
    stem = DATE_PREFIX.sub("", name[:-3])
    # Most names are slugs already (publish new wrote them): python-slugify takes ~0.3 ms each.
    return stem if len(stem) <= SLUG_LENGTH and SLUG_RE.fullmatch(stem) else slugify(stem)


def _same_title(path: Path, title: str) -> bool:
    """Whether the file at `path` has `title` (or cannot be read: then it is not overwritten)."""
    try:
        data = split(decode(path.read_bytes())).data
    except (OSError, FrontMatterError):
        return True
    written = data.get("title")
    return isinstance(written, str) and nfc(" ".join(without_invisible(written).split())) == title


def _example(config: Config) -> str:
    """A category key of this project, for examples."""
    return next(iter(config.categories), "tin-tuc")


def _choices(config: Config, title: str) -> str:
    """The project's categories, key and label, and the command written with the first."""
    listed = "; ".join(f"{key} ({c.label})" for key, c in config.categories.items())
    example = json.dumps(title, ensure_ascii=False)
    return (
        f"Chọn một chuyên mục trong site.toml, ghi bằng khóa hoặc nhãn: {listed}. "
        f"Ví dụ: publish new {example} --category {_example(config)}"
    )


def _offered(config: Config) -> list[str]:
    """The channels this site has, for the `channels` line to uncomment: Zalo only with an OA
    (uncommented, a zalo the unit lacks would be a channel that does not exist), radio only
    when the site uses it (a default channel, or a station folder)."""
    radio = "radio" in config.site.default_channels or bool(config.radio.folder.strip())
    return carried([c for c in CHANNELS if c != "radio" or radio], config)


def _template(
    title: str,
    slug: str,
    category: str,
    author: str,
    now: object,
    *,
    channels: list[str],
    day_alone: bool = False,
    lang: str = "",
) -> str:
    """Front matter with every field, plus a body placeholder; `day_alone`: the date line
    writes the day without a time (--date gave none), so the page shows the day alone and not
    a «0:00» nobody wrote. `lang`: the language --lang named ("" for the site's: no line).
    `channels`: the site's own, offered on a commented line."""
    q = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731  (YAML accepts JSON strings)
    ident = new_identifier(slug, secrets.token_hex(3))
    date_line = f"{now:%Y-%m-%d}" if day_alone else f"{now:%Y-%m-%d %H:%M}"
    return f"""---
id: {ident}
title: {q(title)}
date: {date_line}
category: {category}
summary: {q(SUMMARY_PLACEHOLDER)}
tags: []
author: {q(author)}
cover: ""
cover_alt: ""
approved_by: ""
draft: true
{f"lang: {lang}{chr(10)}" if lang else ""}# expires: 2030-01-01
# channels: [{", ".join(channels)}]
# pinned: true   # ghim ở đầu trang chủ (tin khẩn); ghim tới một lúc thì ghi ngày giờ như date
# corrections: chỉ khi sửa một chỗ sai của bài đã đăng (README, mục «Đính chính»)
---

{BODY_PLACEHOLDER}
"""
