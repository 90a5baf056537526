"""The Zalo OA channel: one `article/create` body per bulletin in output/zalo/<key>.json.

`check(site)` finds every limit Zalo would reject (title < 150, description < 300, author ≤ 50
characters after NFC; a cover ≤ 1 MB; no more blocks than [zalo] max_body_blocks) before
anything is written, so the editor sees them at `publish build`, not at sync time. Images are the website's own variants (see images.py), so a
bulletin sent to Zalo must also be on the website.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any

from publish.cache import Fragments, Shelf, digest
from publish.config import Config
from publish.config_files import DEFAULT_COVER
from publish.config_reads import reads_digest
from publish.content_images import image_use
from publish.correction_text import told
from publish.errors import Problem, PublishError
from publish.ledger import Ledger
from publish.model import Artifact, Bulletin, Exclusion, Kept, Site
from publish.packing import pack_bytes, unpack_bytes
from publish.parallel import run_jobs
from publish.render.web.images import decode_error, missing_default_cover, unreadable_image
from publish.render.zalo.images import ZaloImages, refused_format
from publish.render.zalo.limits import ahead, coming, off_the_web, text_limits, warned
from publish.render.zalo.payload import (
    ARTICLE_READS,
    Calls,
    body_blocks,
    build_payload,
    correction_texts,
    encode,
    fields,
    footer_texts,
    forget_fields,
    header,
    payload_path,
    same_calls,
)
from publish.site_paths import forget_site_paths

__all__ = ["article", "check", "render", "too_many_blocks"]

CHANNEL = "zalo"


_last: list[tuple[Site, ZaloImages]] = []
"""The latest site's image chooser: check() and render() ask about the same images."""
_shelves: list[tuple[Site, Shelf]] = []
"""The latest site's shelf of payloads: check() reads block counts from it, render() the rest."""
_reads: list[tuple[Site, str]] = []
"""The latest site's digest of the site.toml values an article reads (ARTICLE_READS)."""
Made = tuple[bytes, Calls, int]
"""A payload converted ahead: its text packed (pack_bytes of UTF-8), its calls, its blocks."""
_made: list[tuple[Site, dict[str, Made]]] = []
"""Payloads check() converted to count their blocks, by source, for render() to write as they
are: a body is converted once a build (a cold build holds them packed, ~1.5 KB each)."""
_counted: list[tuple[Site, dict[str, tuple[str, tuple[Calls, str, int]]]]] = []
"""The shelf entry of each payload check() counted the blocks of, by source, with its version:
render() keeps them, those of held-back bulletins included ([zalo] max_body_blocks)."""


def _images(site: Site) -> ZaloImages:
    """The image chooser for this site's byte limit, every image of its Zalo bulletins chosen."""
    if _last and _last[0][0] is site:
        return _last[0][1]
    images = ZaloImages(
        site.config, max_bytes=site.config.zalo.cover_max_bytes, digests=site.digests
    )
    images.prepare(_image_uses(site, site.for_channel(CHANNEL)))
    _last[:] = [(site, images)]
    return images


PAYLOAD_SHELF = "zalo-payload"
"""Payloads between builds, under each bulletin's source and `_version`: a narrow shelf, so a
site.toml edit no article reads (a category label, a unit's hotline) converts no body again."""


def _shelf(site: Site) -> Shelf:
    """This site's shelf of payloads ({source: (calls, digest, block count)}), read once."""
    if not _shelves or _shelves[0][0] is not site:
        shelf = Shelf(Fragments(site.config.root), PAYLOAD_SHELF, narrow=True)
        _shelves[:] = [(site, shelf)]
    return _shelves[0][1]


def _reads_digest(site: Site) -> str:
    """Digest of the site.toml values an article reads (ARTICLE_READS), once a site."""
    if not _reads or _reads[0][0] is not site:
        _reads[:] = [(site, reads_digest(site.config, ARTICLE_READS))]
    return _reads[0][1]


Entry = tuple[Calls, str, int]
"""A shelf entry: a payload's calls, its file's digest, its number of body blocks."""


def _reusable(last: object) -> Entry | None:
    """A shelf entry as this version of the tool keeps it, else None."""
    return last if isinstance(last, tuple) and len(last) == 3 else None


def render(site: Site) -> Iterator[Artifact | Kept]:
    """One payload file per Zalo bulletin; keyed by the bulletin key for sync.

    Converting a body's Markdown is most of the cost. A payload whose body and other fields
    are those of an earlier build, whose images still give the same blocks and whose links to
    other files still lead to the same pages, and whose file in
    output/zalo/ still holds what was written (the writer's ledger) is kept as it is; the others
    are made on every core, or were by check() to count their blocks ([zalo] max_body_blocks).
    """
    root = site.config.root
    images = _images(site)
    shelf = _shelf(site)
    ahead = _made[0][1] if _made and _made[0][0] is site else {}
    _made.clear()
    counted = _counted[0][1] if _counted and _counted[0][0] is site else {}
    _counted.clear()
    for source, (version, entry) in counted.items():
        shelf.keep(source, version, entry)  # a published one's is kept again below, as written
    ledger = Ledger(root / ".cache", root / "output", CHANNEL)
    bulletins = site.for_channel(CHANNEL)
    # check() worked out the version of each one it counted, and the calls of the shelf's
    # entry for those it did not convert again (`ahead`): neither is done a second time.
    versions = [
        counted[b.source][0] if b.source in counted else _version(b, site, images)
        for b in bulletins
    ]
    kept: dict[int, Kept] = {}
    for i, bulletin in enumerate(bulletins):
        last = _reusable(shelf.get(bulletin.source, versions[i]))
        path = payload_path(bulletin)
        if (
            last is not None
            and bulletin.source not in ahead
            and (bulletin.source in counted or same_calls(bulletin, site, images, last[0]))
            # On the ledger's word, or read and checked (output/ restored from a CI cache).
            and (found := ledger.kept(path, last[1], bulletin.source, bulletin.key)) is not None
        ):
            kept[i] = found
            shelf.keep(bulletin.source, versions[i], last)
    misses = [i for i in range(len(bulletins)) if i not in kept]
    todo = [i for i in misses if bulletins[i].source not in ahead]
    made = iter(run_jobs([partial(_payload, bulletins[i], site, images) for i in todo]))
    for i, bulletin in enumerate(bulletins):
        if i in kept:
            yield kept[i]
            continue
        early = ahead.pop(bulletin.source, None)
        if early is not None:
            text, calls, count = unpack_bytes(early[0]).decode("utf-8"), early[1], early[2]
        else:
            text, calls, count = next(made)
        artifact = Artifact.text(
            CHANNEL, payload_path(bulletin), text, source=bulletin.source, key=bulletin.key
        )
        shelf.keep(bulletin.source, versions[i], (calls, artifact.digest, count))
        yield artifact
    shelf.save()
    # Its entries are no use once saved, nor the site's memos: the site is not kept alive
    # until the next build.
    _shelves.clear()
    _reads.clear()
    _last.clear()
    forget_fields()
    forget_site_paths()


def article(bulletin: Bulletin, site: Site) -> dict[str, Any]:
    """The payload of `bulletin`, one of `site`'s Zalo bulletins, as render() would write it,
    for a command that shows it and renders nothing (`publish zalo-preview`): the one check()
    converted to count its blocks when it did ([zalo] max_body_blocks), else converted now,
    with check()'s image choices. Raises PublishError when an image cannot be read."""
    ahead = _made[0][1] if _made and _made[0][0] is site else {}
    early = ahead.get(bulletin.source)
    _made.clear()  # no render follows to write them or keep them
    _counted.clear()
    if early is not None:
        loaded: dict[str, Any] = json.loads(unpack_bytes(early[0]).decode("utf-8"))
        return loaded
    images = _images(site)
    return build_payload(bulletin, site, images, body_blocks(bulletin, site, images))


def _version(bulletin: Bulletin, site: Site, images: ZaloImages) -> str:
    """Digest of what a payload is made of, its images and links to other files aside (the
    shelf's calls, checked again at each reuse): the site.toml values it reads (ARTICLE_READS),
    and the bulletin's fields as they are, not its file's digest (Bulletin.made_of), which
    stands for them only together with site.toml (the loader reads the time zone, so the
    address). The body as packed: hashing it costs ~1 µs a bulletin, unpacking it ~10."""
    return digest(
        _reads_digest(site),
        bulletin.packed_body,
        # As told (time to the minute, the note): not the correction's line in the file,
        # which a tag added above it moves.
        tuple(map(told, bulletin.corrections)),
        *header(bulletin, site, images),
    )


def _payload(bulletin: Bulletin, site: Site, images: ZaloImages) -> tuple[str, Calls, int]:
    """One payload as text, the image and link calls its body made, and its number of body
    blocks (a job)."""
    blocks = body_blocks(bulletin, site, images)
    payload = build_payload(bulletin, site, images, blocks)
    return encode(payload), blocks[1], len(payload["body"])


def _payload_ahead(bulletin: Bulletin, site: Site, images: ZaloImages) -> Made | None:
    """`_payload` for check(), its text packed; None when an image cannot be read (the image
    check tells it, and the build stops before any render)."""
    try:
        text, calls, count = _payload(bulletin, site, images)
    except PublishError:
        return None
    return pack_bytes(text.encode("utf-8")), calls, count


def _block_counts(site: Site, images: ZaloImages, bulletins: Sequence[Bulletin]) -> dict[str, int]:
    """The number of body blocks of each bulletin's payload, by source: from the shelf for an
    unchanged one, else converted now and kept for render() (none whose image is unreadable).
    Each count is also left for render() to keep on the shelf (`_counted`): a held-back
    bulletin, which render() writes nothing for, is converted again only once it changes."""
    shelf = _shelf(site)
    counts: dict[str, int] = {}
    counted: dict[str, tuple[str, Entry]] = {}
    misses = []
    for bulletin in bulletins:
        try:
            version = _version(bulletin, site, images)
        except PublishError:
            continue  # an unreadable cover: the image check tells it
        last = _reusable(shelf.get(bulletin.source, version))
        if last is not None and same_calls(bulletin, site, images, last[0]):
            counts[bulletin.source] = last[2]
            counted[bulletin.source] = (version, last)
        else:
            misses.append((bulletin, version))
    made: dict[str, Made] = {}
    jobs = [partial(_payload_ahead, bulletin, site, images) for bulletin, _ in misses]
    for (bulletin, version), result in zip(misses, run_jobs(jobs), strict=True):
        if result is not None:
            made[bulletin.source] = result
            counts[bulletin.source] = result[2]
            # No file of it written yet: one render() writes is kept with its file's digest.
            counted[bulletin.source] = (version, (result[1], "", result[2]))
    _made[:] = [(site, made)]
    _counted[:] = [(site, counted)]
    return counts


def _too_many_blocks(
    site: Site,
    images: ZaloImages,
    bulletins: Sequence[Bulletin],
    held: Sequence[tuple[Exclusion, str]] = (),
) -> list[Problem]:
    """An error for each bulletin whose article has more blocks than [zalo] max_body_blocks:
    Zalo would refuse it whole, at every sync; a warning for each `held` back that will (see
    limits.coming), told now as its title's limit is. Nothing is converted when the setting
    is off."""
    config = site.config
    if not config.zalo.max_body_blocks:
        return []
    waiting = [left.bulletin for left, _when in held]
    images.prepare(_image_uses(site, waiting))
    counts = _block_counts(site, images, [*bulletins, *waiting])
    found = [_over_blocks(b, counts.get(b.source, 0), config) for b in bulletins]
    found += [
        warned(problem, when)
        for left, when in held
        if (problem := _over_blocks(left.bulletin, counts.get(left.bulletin.source, 0), config))
    ]
    return [p for p in found if p is not None]


def too_many_blocks(bulletin: Bulletin, site: Site) -> list[Problem]:
    """The error of a bulletin about to be approved whose article has more blocks than [zalo]
    max_body_blocks, as the build publishing it would stop (`site`: of the approval, for its
    links' addresses); [] when the setting is off. Counted from the shelf of the last build
    when it holds this version."""
    if not site.config.zalo.max_body_blocks:
        return []
    images = _images(site)
    images.prepare(_image_uses(site, [bulletin]))
    counts = _block_counts(site, images, [bulletin])
    _made.clear()  # no render follows to write them or keep them
    _counted.clear()
    problem = _over_blocks(bulletin, counts.get(bulletin.source, 0), site.config)
    return [problem] if problem is not None else []


def _over_blocks(bulletin: Bulletin, count: int, config: Config) -> Problem | None:
    """The error of a bulletin whose article has `count` blocks, more than [zalo]
    max_body_blocks; None within it."""
    limit = config.zalo.max_body_blocks
    if count <= limit:
        return None
    closing = len(footer_texts(config)) + 1  # the footer's blocks, the link to the website
    block_max = f"{config.zalo.text_block_max:,}".replace(",", ".")  # 1.000, as Vietnamese writes
    corrections = len(correction_texts(bulletin, config))
    own = count - corrections - closing
    added = [f"{own} khối của thân bài"]
    if corrections:
        added.append(f"{corrections} khối đính chính")
    added.append(
        f"{closing} khối lời cuối ([zalo] footer) và dòng dẫn về website"
        if closing > 1
        else "1 khối dòng dẫn về website"
    )
    room = limit - corrections - closing
    if room > 0:
        hint = (
            f"Rút gọn thân bài còn tối đa {room} khối (mỗi đoạn, tiêu đề mục, dòng danh "
            "sách, hàng bảng hay ảnh là một khối; đoạn dài hơn "
            f"{block_max} ký tự thành nhiều khối), hoặc tách thành hai "
            "bản tin, mỗi bản tin một tệp (ví dụ «… (phần 1)» và «… (phần 2)»)."
        )
    else:  # what the tool adds fills the article alone: no body is short enough
        hint = (
            f"Riêng đính chính, lời cuối và dòng dẫn về website đã có {limit - room} khối: "
            "rút gọn [zalo] footer trong site.toml (mỗi đoạn là một khối) hoặc gộp các lần "
            "đính chính."
        )
    return Problem(
        bulletin.source,
        f"bài Zalo của bản tin này có {count} khối ({', '.join(added)}), quá giới hạn "
        f"{limit} khối mỗi bài ([zalo] max_body_blocks trong site.toml): Zalo sẽ từ "
        "chối cả bài",
        line=bulletin.body_line,
        hint=hint,
    )


def _image_uses(site: Site, bulletins: Sequence[Bulletin]) -> list[tuple[str, str]]:
    """(image, owner) of every cover and body image of `bulletins`, for ZaloImages.prepare."""
    uses = []
    for bulletin in bulletins:
        cover = fields(bulletin, site).cover
        if cover is not None:
            uses.append((cover.path, bulletin.source))
        uses += [(ref.path, bulletin.source) for ref in bulletin.shown_images]
    return uses


def _image_problem(
    bulletin: Bulletin, site: Site, images: ZaloImages, path: str, field: str | None
) -> Problem | None:
    """A problem when no web variant of the image fits Zalo's byte limit, or it cannot be read."""
    owner = bulletin.source if not field or not field.startswith("[") else "site.toml"
    try:
        chosen = images.image(path, owner=owner)
    except PublishError:
        # In the web check's very words, so a build of both channels reports it once.
        if field == DEFAULT_COVER and (missing := missing_default_cover(site.config)):
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
    """Every Zalo limit a bulletin breaks, each naming the file and field (a held-back one's
    as a warning, see limits.coming)."""
    config = site.config.zalo
    problems = ahead(site.excluded, site.config)
    bulletins = site.for_channel(CHANNEL)
    # Only the block count needs the held-back bulletins converted: none unless it is set.
    held = coming(site.excluded, site.config) if config.max_body_blocks else []
    if not bulletins and not held:
        return problems
    images = _images(site)
    if not bulletins:
        return problems + _too_many_blocks(site, images, bulletins, held)
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
            found.append(off_the_web(bulletin))
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
    return problems + _too_many_blocks(site, images, bulletins, held)
