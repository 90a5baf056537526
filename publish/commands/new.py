"""`publish new "Tiêu đề" --category KEY`: create a bulletin file with complete front matter."""

from __future__ import annotations

import argparse
import json
import secrets

from publish import config as config_module
from publish.cli import common_options, resolve_now
from publish.config import Config
from publish.content import BODY_PLACEHOLDER, SUMMARY_PLACEHOLDER
from publish.errors import ContentError, Problem, display_path
from publish.fields import category_hint, category_key, new_identifier, unknown_category
from publish.text import nfc, slugify

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `new`."""
    parser = subparsers.add_parser(
        "new",
        parents=[common_options()],
        help="tạo một bản tin mới với phần đầu đầy đủ",
        description="Tạo content/bai-viet/YYYY-MM-DD-<slug>.md với đủ các trường, thời điểm hiện tại theo giờ của đơn vị.",
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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the new file and print its path."""
    config = config_module.load(args.root)
    title = nfc(args.title.strip())
    problems = []
    if not title:
        problems.append(
            Problem(
                "TIÊU_ĐỀ",
                "tiêu đề trống",
                hint=f'Ví dụ: publish new "Cảnh báo lừa đảo qua mạng" --category {_example(config)}',
            )
        )
    category = None
    if args.category is None:
        problems.append(
            Problem(
                "--category",
                "thiếu tham số bắt buộc --category",
                "category",
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
                    "category",
                    hint=category_hint(args.category, config),
                )
            )
    if problems or category is None:
        raise ContentError(problems)
    now = resolve_now(args.now, config.tz).replace(second=0, microsecond=0)
    slug = slugify(title)
    folder = args.root / "content" / "bai-viet"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{now:%Y-%m-%d}-{slug}.md"
    shown = path.relative_to(args.root) if not path.is_absolute() else path
    if path.exists():
        raise ContentError(
            [
                Problem(
                    display_path(path, args.root),
                    "tệp đã tồn tại",
                    hint="Đổi tiêu đề, hoặc mở tệp đó để sửa (publish new không ghi đè tệp có sẵn).",
                )
            ]
        )
    path.write_text(_template(title, slug, category, args.author, now), encoding="utf-8")
    print(shown)
    return 0


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


def _template(title: str, slug: str, category: str, author: str, now: object) -> str:
    """Front matter with every field, plus a body placeholder."""
    q = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731  (YAML accepts JSON strings)
    ident = new_identifier(slug, secrets.token_hex(3))
    return f"""---
id: {ident}
title: {q(title)}
date: {now:%Y-%m-%d %H:%M}
category: {category}
summary: {q(SUMMARY_PLACEHOLDER)}
tags: []
author: {q(author)}
cover: ""
cover_alt: ""
approved_by: ""
draft: true
# expires: 2030-01-01
# channels: [web, zalo, radio]
---

{BODY_PLACEHOLDER}
"""
