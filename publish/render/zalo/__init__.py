"""The Zalo OA channel: one `article/create` body per bulletin in output/zalo/<key>.json.

`check(site)` finds every limit Zalo would reject (title < 150, description ≤ 300, author ≤ 50
characters after NFC; a cover ≤ 1 MB) before anything is rendered, so the editor sees them at
`publish build`, not at sync time. Images are the website's own variants (see images.py), so a
bulletin sent to Zalo must also be on the website.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import partial
from typing import Any

from publish.cache import Fragments, Shelf
from publish.errors import Problem, PublishError
from publish.model import Artifact, Bulletin, Site
from publish.parallel import run_jobs
from publish.render.zalo.images import ZaloImages
from publish.render.zalo.payload import (
    Blocks,
    body_blocks,
    build_payload,
    encode,
    fields,
    payload_path,
)

__all__ = ["check", "render"]

CHANNEL = "zalo"


def _images(site: Site) -> ZaloImages:
    """The image chooser for this site's byte limit."""
    return ZaloImages(site.config, max_bytes=site.config.zalo.cover_max_bytes)


def render(site: Site) -> Iterator[Artifact]:
    """One payload file per Zalo bulletin; keyed by the bulletin key for sync.

    Converting a body's Markdown is most of the cost: each body's blocks are kept on a shelf
    in .cache/ under the body's digest, and payloads are made on every core.
    """
    images = _images(site)
    shelf = Shelf(Fragments(site.config.root), "zalo-body")
    bulletins = site.for_channel(CHANNEL)
    jobs = [partial(_payload, bulletin, site, images, shelf) for bulletin in bulletins]
    for bulletin, (text, version, kept) in zip(bulletins, run_jobs(jobs), strict=True):
        shelf.keep(bulletin.source, version, kept)
        yield Artifact.text(
            CHANNEL, payload_path(bulletin), text, source=bulletin.source, key=bulletin.key
        )
    shelf.save()


def _payload(
    bulletin: Bulletin, site: Site, images: ZaloImages, shelf: Shelf
) -> tuple[str, str, tuple[Blocks, dict[str, Any], str]]:
    """One payload as text, with its body's digest and what the shelf keeps of it (a job)."""
    version = hashlib.sha256(bulletin.body.encode("utf-8", "surrogatepass")).hexdigest()
    last = shelf.get(bulletin.source, version)
    last = last if isinstance(last, tuple) and len(last) == 3 else (None, None, "")
    blocks = body_blocks(bulletin, site, images, last[0])
    payload = build_payload(bulletin, site, images, blocks)
    # The JSON encoder is pure Python with an indent: an equal payload keeps its text.
    text = last[2] if payload == last[1] else encode(payload)
    return text, version, (blocks, payload, text)


def _length(
    bulletin: Bulletin, field: str, what: str, value: str, limit: int, hint: str
) -> Problem | None:
    """A problem when `value` is longer than `limit` characters."""
    if len(value) <= limit:
        return None
    return Problem(
        bulletin.source,
        f"{what} dài {len(value)}/{limit} ký tự, vượt giới hạn của Zalo OA",
        field=field,
        hint=hint,
    )


def _image_problem(
    bulletin: Bulletin, site: Site, images: ZaloImages, path: str, field: str | None
) -> Problem | None:
    """A problem when no web variant of the image fits Zalo's byte limit, or it cannot be read."""
    owner = bulletin.source if not field or not field.startswith("[") else "site.toml"
    try:
        chosen = images.image(path, owner=owner)
    except PublishError:
        return None  # the web channel's check reports unreadable images
    if chosen.url is not None:
        return None
    limit = site.config.zalo.cover_max_bytes
    return Problem(
        bulletin.source,
        f"ảnh content/{path} vẫn nặng {chosen.smallest_size / 1_000_000:.1f} MB sau khi thu nhỏ, "
        f"Zalo chỉ nhận ảnh ≤ {limit / 1_000_000:.1f} MB",
        field=field,
        hint="Dùng ảnh JPEG đơn giản hơn hoặc nhỏ hơn, hoặc thêm độ rộng nhỏ vào [web] image_widths.",
    )


def check(site: Site) -> list[Problem]:
    """Every Zalo limit a bulletin breaks, each naming the file and field."""
    config = site.config.zalo
    problems: list[Problem] = []
    bulletins = site.for_channel(CHANNEL)
    if not bulletins:
        return problems
    images = _images(site)
    first = fields(bulletins[0], site)
    if len(first.author) > config.author_max:
        problems.append(
            Problem(
                "site.toml",
                f"tên tác giả trên Zalo dài {len(first.author)}/{config.author_max} ký tự",
                field=first.author_field,
                hint='Đặt [zalo] author là một tên ngắn hơn, ví dụ "Công an Châu Thành".',
            )
        )
    web = {b.key for b in site.for_channel("web")}
    for bulletin in bulletins:
        chosen = fields(bulletin, site)
        found = [
            _length(
                bulletin,
                chosen.title_field,
                "tiêu đề",
                chosen.title,
                config.title_max,
                'Rút gọn tiêu đề, hoặc thêm tiêu đề riêng cho Zalo:\n      zalo:\n        title: "…"',
            ),
            _length(
                bulletin,
                chosen.description_field,
                "tóm tắt",
                chosen.description,
                config.description_max,
                'Rút gọn tóm tắt, hoặc thêm tóm tắt riêng cho Zalo:\n      zalo:\n        summary: "…"',
            ),
        ]
        if bulletin.key not in web:
            found.append(
                Problem(
                    bulletin.source,
                    "bản tin gửi Zalo nhưng không có trên website: Zalo lấy ảnh và đường dẫn "
                    '"xem đầy đủ" từ website',
                    field="channels",
                    hint="Thêm web vào channels, ví dụ channels: [web, zalo].",
                )
            )
        if chosen.cover is None:
            found.append(
                Problem(
                    bulletin.source,
                    "bài viết Zalo bắt buộc có ảnh bìa",
                    field="cover",
                    hint="Thêm cover: images/<ảnh>.jpg và cover_alt, hoặc đặt [site] default_cover trong site.toml.",
                )
            )
        else:
            found.append(
                _image_problem(bulletin, site, images, chosen.cover.path, chosen.cover_field)
            )
        for ref in bulletin.images:
            found.append(_image_problem(bulletin, site, images, ref.path, None))
        problems.extend(p for p in found if p is not None)
    return problems
