"""The Zalo OA channel: one `article/create` body per bulletin in output/zalo/<key>.json.

`check(site)` finds every limit Zalo would reject (title < 150, description < 300, author ≤ 50
characters after NFC; a cover ≤ 1 MB) before anything is rendered, so the editor sees them at
`publish build`, not at sync time. Images are the website's own variants (see images.py), so a
bulletin sent to Zalo must also be on the website.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from publish.cache import Fragments, Shelf, digest
from publish.content_images import image_use
from publish.errors import Problem, PublishError
from publish.ledger import Ledger
from publish.model import Artifact, Bulletin, Kept, Site
from publish.parallel import run_jobs
from publish.render.web.images import decode_error, missing_default_cover, unreadable_image
from publish.render.zalo.images import ZaloImages, refused_format
from publish.render.zalo.limits import ahead, text_limits
from publish.render.zalo.payload import (
    Calls,
    body_blocks,
    build_payload,
    encode,
    fields,
    header,
    payload_path,
    same_calls,
)

__all__ = ["check", "render"]

CHANNEL = "zalo"


_last: list[tuple[Site, ZaloImages]] = []
"""The latest site's image chooser: check() and render() ask about the same images."""


def _images(site: Site) -> ZaloImages:
    """The image chooser for this site's byte limit, every image of its Zalo bulletins chosen."""
    if _last and _last[0][0] is site:
        return _last[0][1]
    images = ZaloImages(
        site.config, max_bytes=site.config.zalo.cover_max_bytes, digests=site.digests
    )
    uses = []
    for bulletin in site.for_channel(CHANNEL):
        cover = fields(bulletin, site).cover
        if cover is not None:
            uses.append((cover.path, bulletin.source))
        uses += [(ref.path, bulletin.source) for ref in bulletin.shown_images]
    images.prepare(uses)
    _last[:] = [(site, images)]
    return images


def render(site: Site) -> Iterator[Artifact | Kept]:
    """One payload file per Zalo bulletin; keyed by the bulletin key for sync.

    Converting a body's Markdown is most of the cost. A payload whose body and other fields
    are those of an earlier build, whose images still give the same blocks and whose links to
    other files still lead to the same pages, and whose file in
    output/zalo/ still holds what was written (the writer's ledger) is kept as it is; the others
    are made on every core.
    """
    root = site.config.root
    images = _images(site)
    shelf = Shelf(Fragments(root), "zalo-payload")
    ledger = Ledger(root / ".cache", root / "output", CHANNEL)
    bulletins = site.for_channel(CHANNEL)
    versions = [_version(b, site, images) for b in bulletins]
    kept: dict[int, Kept] = {}
    for i, bulletin in enumerate(bulletins):
        last = shelf.get(bulletin.source, versions[i])
        path = payload_path(bulletin)
        if (
            isinstance(last, tuple)
            and same_calls(bulletin, site, images, last[0])
            # On the ledger's word, or read and checked (output/ restored from a CI cache).
            and (found := ledger.kept(path, last[1], bulletin.source, bulletin.key)) is not None
        ):
            kept[i] = found
            shelf.keep(bulletin.source, versions[i], last)
    misses = [i for i in range(len(bulletins)) if i not in kept]
    made = iter(run_jobs([partial(_payload, bulletins[i], site, images) for i in misses]))
    for i, bulletin in enumerate(bulletins):
        if i in kept:
            yield kept[i]
            continue
        text, calls = next(made)
        artifact = Artifact.text(
            CHANNEL, payload_path(bulletin), text, source=bulletin.source, key=bulletin.key
        )
        shelf.keep(bulletin.source, versions[i], (calls, artifact.digest))
        yield artifact
    shelf.save()


def _version(bulletin: Bulletin, site: Site, images: ZaloImages) -> str:
    """Digest of what a payload is made of, images aside (see Bulletin.made_of)."""
    return digest(*bulletin.made_of("body", "corrections"), *header(bulletin, site, images))


def _payload(bulletin: Bulletin, site: Site, images: ZaloImages) -> tuple[str, Calls]:
    """One payload as text, and the image and link calls its body made (a job)."""
    blocks = body_blocks(bulletin, site, images)
    return encode(build_payload(bulletin, site, images, blocks)), blocks[1]


def _image_problem(
    bulletin: Bulletin, site: Site, images: ZaloImages, path: str, field: str | None
) -> Problem | None:
    """A problem when no web variant of the image fits Zalo's byte limit, or it cannot be read."""
    owner = bulletin.source if not field or not field.startswith("[") else "site.toml"
    try:
        chosen = images.image(path, owner=owner)
    except PublishError:
        # In the web check's very words, so a build of both channels reports it once.
        if field == "[site] default_cover" and (missing := missing_default_cover(site.config)):
            return missing
        # Where the web check says it shows the image, so that both report it once.
        field, line = (
            (field, None) if owner == "site.toml" else image_use(bulletin, path, site.config)
        )
        cause = decode_error(site.config.root, path)
        return unreadable_image(owner, path, cause, field=field, line=line)
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


def _refused_remote_images(bulletin: Bulletin) -> list[Problem | None]:
    """A note for each picture from another website whose format Zalo does not take: the
    article goes without it (sent, it failed the whole article at Zalo, run after run)."""
    found: list[Problem | None] = []
    for address, line in bulletin.remote_images:
        if (shown := refused_format(address)) is not None and address.lower().startswith("http"):
            found.append(
                Problem(
                    bulletin.source,
                    f"ảnh {shown} lấy từ trang khác «{address}» không có trong bài trên Zalo: Zalo "
                    "chỉ nhận ảnh JPG hoặc PNG (gửi ảnh này thì Zalo từ chối cả bài); website vẫn "
                    "hiện ảnh",
                    line=line,
                    severity="note",
                    hint="Muốn Zalo cũng có ảnh: tải ảnh về, chép vào content/images/ rồi ghi "
                    "«images/<tên tệp>» thay cho địa chỉ đó; bản dựng tự làm bản JPEG cho Zalo.",
                )
            )
    return found


def _author_hint(written_in: str, short_name: str, limit: int) -> str:
    """How to shorten the Zalo author, from where it was taken (never a made-up unit's name)."""
    if written_in == "[unit] short_name":
        return (
            f"Rút gọn [unit] short_name, hoặc đặt [zalo] author là một tên ngắn hơn (tối đa {limit} "
            "ký tự) chỉ dùng trên Zalo."
        )
    if len(short_name) <= limit:
        return (
            f"Rút gọn [zalo] author (tối đa {limit} ký tự), hoặc xóa dòng đó để dùng tên ngắn của "
            f"đơn vị «{short_name}»."
        )
    return f"Rút gọn [zalo] author còn tối đa {limit} ký tự."


def check(site: Site) -> list[Problem]:
    """Every Zalo limit a bulletin breaks, each naming the file and field."""
    config = site.config.zalo
    problems = ahead(site.excluded, site.config)
    bulletins = site.for_channel(CHANNEL)
    if not bulletins:
        return problems
    images = _images(site)
    first = fields(bulletins[0], site)
    if config.length(first.author) > config.author_max:
        problems.append(
            Problem(
                "site.toml",
                f"tên tác giả trên Zalo dài {config.length(first.author)}/{config.author_max} ký tự",
                field=first.author_field,
                hint=_author_hint(
                    first.author_field, site.config.unit.short_name, config.author_max
                ),
            )
        )
    web = {b.key for b in site.for_channel("web")}
    for bulletin in bulletins:
        chosen = fields(bulletin, site)
        found: list[Problem | None] = [*text_limits(bulletin, site.config, chosen)]
        if bulletin.key not in web:
            found.append(
                Problem(
                    bulletin.source,
                    "bản tin gửi Zalo nhưng không có trên website: Zalo lấy ảnh và đường dẫn "
                    '"xem đầy đủ" từ website',
                    field="draft" if "web" in bulletin.held_from else "channels",
                    hint=(
                        "Giữ bài khỏi cả Zalo: draft: [web, zalo]; hoặc bỏ web khỏi draft."
                        if "web" in bulletin.held_from
                        else "Thêm web vào channels, ví dụ channels: [web, zalo]."
                    ),
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
        for ref in bulletin.shown_images:
            found.append(_image_problem(bulletin, site, images, ref.path, None))
        found += _refused_remote_images(bulletin)
        problems.extend(p for p in found if p is not None)
    return problems
