"""What to fix when Zalo refuses an article's payload (-201, invalid parameter): the field the
editor knows, and the file it is written in: the bulletin's front matter, or site.toml for what
every article takes from there ([zalo] author, comment, footer; [unit] short_name and name,
[site] default_cover). A refused block is told by where its text comes from: a correction
(front matter `corrections`), the bulletin's body, [zalo] footer, or the closing line built
from [unit] name (or short_name, see `closing_line`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from publish.config import CONFIG_NAME
from publish.frontmatter import parse_file
from publish.locate import CONFIG_FIELD_RE, config_line
from publish.model import Bulletin, Site
from publish.render.zalo.images import public_url
from publish.render.zalo.payload import Fields, closing_line, correction_blocks, footer_blocks
from publish.render.zalo.payload import fields as article_fields
from publish.zalo.errors import ZaloError

__all__ = ["explain_refusal"]

_BLOCK_RE = re.compile(r"body\[(\d+)\]")
"""A refused block of the body, as Zalo names it: «body[7] content is invalid!»."""
BODY_FIELD = "nội dung bài (phần thân)"
CORRECTIONS = "corrections"
UNKNOWN_FIELD = "không rõ"
"""The field of a refusal whose message names no part of the article this tool knows."""


@dataclass(frozen=True, slots=True)
class _Source:
    """Where the refused part of an article is written: a field, what that part of the article
    is (for the message, "" when the field says it), and a line of the bulletin's file."""

    name: str
    part: str = ""
    line: int | None = None
    fix: str = ""


def explain_refusal(
    error: ZaloError, bulletin: Bulletin, site: Site, payload: Mapping[str, Any]
) -> ZaloError:
    """The refusal of `bulletin`'s `payload`, told as the file, line and field to fix."""
    chosen = article_fields(bulletin, site)
    source = _refused(error.api_message or "", bulletin, chosen, payload, site)
    refused = f"Zalo từ chối bài «{chosen.title}»"
    part = f", {source.part}" if source.part else ""
    if CONFIG_FIELD_RE.fullmatch(source.name):
        # Written in site.toml: the bulletin has nothing to fix, it only names the article.
        line = config_line(site.config.root, source.name)
        where = f"{CONFIG_NAME}:{line}" if line else CONFIG_NAME
        said = f"{where}: {refused} ({bulletin.source})"
        fix = source.fix or f"Sửa trường này trong {CONFIG_NAME} rồi chạy lại."
    else:
        line = source.line
        if line is None:
            parsed = parse_file(site.config.root / bulletin.source)
            line = parsed.line_of(source.name) if parsed is not None else None
        where = f"{bulletin.source}:{line}" if line else bulletin.source
        said = f"{where}: {refused}"
        fix = source.fix or "Sửa trường này rồi chạy lại."
    return ZaloError(
        f"{said}, trường '{source.name}'{part} (“{error.api_message}”). {fix}",
        code=error.code,
        api_message=error.api_message,
        operation=error.operation,
        # Zalo refuses the same payload at every run: the last lines say to edit it first.
        closing=_closing(
            where, source.name, fix, config=bool(CONFIG_FIELD_RE.fullmatch(source.name))
        ),
    )


def _closing(where: str, name: str, fix: str, *, config: bool) -> str:
    """The last line of a run Zalo refused an article in: what to edit before a rerun (a field
    of site.toml is named at its line there, not as where the article is)."""
    if name == UNKNOWN_FIELD:
        return (
            f"Zalo từ chối bài ở {where} (xem lời Zalo ở trên): chạy lại mà chưa sửa thì Zalo "
            "vẫn từ chối; sửa phần bài mà lời ấy nêu rồi chạy lại."
        )
    said = f"trường '{name}' ở {where}" if config else f"bài ở {where}, trường '{name}'"
    return (
        f"Zalo từ chối {said} (xem ở trên): chạy lại mà chưa sửa thì Zalo vẫn từ chối; "
        f"{fix[0].lower()}{fix[1:]}"
    )


def _refused(
    api_message: str, bulletin: Bulletin, chosen: Fields, payload: Mapping[str, Any], site: Site
) -> _Source:
    """Where the part of the article a refusal's message names is written."""
    message = api_message.lower()
    body = payload.get("body") or []
    block = _BLOCK_RE.match(message)
    if block:
        index = int(block[1])
        if index == len(body) - 1:
            return _closing_line(body[index], bulletin, site)
        if index in footer_blocks(body, site.config):
            return _Source("[zalo] footer")
        correction = _correction(index, bulletin, site)
        if correction is not None:
            return correction
        return _Source(BODY_FIELD)
    if message.startswith("body") and (too_many := _block_cap(message, body)):
        return too_many
    fields = [
        ("title", chosen.title_field),
        ("description", chosen.description_field),
        ("author", chosen.author_field),
        ("photo_url", chosen.cover_field),
        ("cover", chosen.cover_field),
        ("comment", "[zalo] comment"),
        ("body", BODY_FIELD),
    ]
    name = next((label for word, label in fields if message.startswith(word)), None)
    return _Source(
        name or next((label for word, label in fields if word in message), UNKNOWN_FIELD)
    )


def _closing_line(block: Any, bulletin: Bulletin, site: Site) -> _Source:
    """The last block, «Xem bản tin đầy đủ trên trang thông tin của <[unit] name>: <address>»
    (or of the short name, or with none, to fit [zalo] text_block_max: see `closing_line`):
    the tool writes it for every article from site.toml, never from the bulletin."""
    content = block.get("content") if isinstance(block, Mapping) else None
    shown = f"«{content}»" if isinstance(content, str) else "«Xem bản tin đầy đủ…»"
    page = public_url(site.config.absolute_url(bulletin.url))
    key = closing_line(site.config, page)[1]
    if not key:  # only the address: nothing in it but [site] base_url and the bulletin's path
        return _Source(
            "[site] base_url",
            f"dùng trong dòng cuối mọi bài Zalo, dẫn về website: {shown}",
            fix=(
                f"Kiểm tra [site] base_url trong {CONFIG_NAME} (địa chỉ website của đơn vị, bắt "
                "đầu bằng https://) rồi chạy lại."
            ),
        )
    return _Source(
        key,
        f"dùng trong dòng cuối mọi bài Zalo, dẫn về website: {shown}",
        fix=(
            f"Sửa tên đơn vị trong {CONFIG_NAME} (ngắn gọn, chỉ chữ và dấu câu thường dùng) rồi "
            "chạy lại; dòng này có cả địa chỉ bản tin trên website ([site] base_url)."
        ),
    )


def _correction(index: int, bulletin: Bulletin, site: Site) -> _Source | None:
    """The correction whose text the article's block `index` holds (they open the article,
    oldest first, a long one in several blocks), or None for a block after them."""
    start = 0
    for correction, texts in correction_blocks(bulletin, site.config):
        count = len(texts)
        if start <= index < start + count:
            line = _note_line(bulletin, site, correction.number) or correction.line
            return _Source(
                CORRECTIONS,
                f"lần đính chính thứ {correction.number} (khối «Đính chính…» mở đầu bài trên Zalo)",
                line=line,
                fix="Sửa nội dung (note) của lần đính chính này rồi chạy lại.",
            )
        start += count
    return None


def _note_line(bulletin: Bulletin, site: Site, number: int) -> int | None:
    """The line of the `note` of correction `number` (1 for the first written) in the file."""
    parsed = parse_file(site.config.root / bulletin.source)
    items: Sequence[Mapping[str, int]] = (
        parsed.item_key_lines(CORRECTIONS) if parsed is not None else ()
    )
    if not 0 < number <= len(items):
        return None
    return items[number - 1].get("note") or items[number - 1].get("")


def _block_cap(message: str, body: Sequence[Any]) -> _Source | None:
    """A refusal of the body as a whole naming a number below its count of blocks («body allow
    1 to 50 items»): too many blocks, told with the setting that stops it at the next build.
    The wording of such a refusal is unknown (zalo-oa-api.md §2.3 [U]): the number decides."""
    numbers = [int(n) for n in re.findall(r"\d+", message)]
    if not numbers or not 0 < numbers[-1] < len(body):
        return None
    cap = numbers[-1]
    return _Source(
        BODY_FIELD,
        f"bài có {len(body)} khối, nhiều hơn {cap} khối Zalo nhận",
        fix=(
            "Rút gọn bản tin, hoặc tách thành hai bản tin, mỗi bản tin một tệp. Để publish "
            f"build báo trước những bản tin quá dài như vậy: đặt max_body_blocks = {cap} "
            f"trong mục [zalo] của {CONFIG_NAME}."
        ),
    )
