"""What to fix when Zalo refuses an article's payload (-201, invalid parameter): the field the
editor knows, and the file it is written in: the bulletin's front matter, or site.toml for what
every article takes from there ([zalo] author, comment, footer; [unit] short_name,
[site] default_cover)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from publish.config import CONFIG_NAME
from publish.frontmatter import parse_file
from publish.locate import CONFIG_FIELD_RE, config_line
from publish.model import Bulletin, Site
from publish.render.zalo.payload import Fields, footer_blocks
from publish.render.zalo.payload import fields as article_fields
from publish.zalo.errors import ZaloError

__all__ = ["explain_refusal"]

_BLOCK_RE = re.compile(r"body\[(\d+)\]")
"""A refused block of the body, as Zalo names it: «body[7] content is invalid!»."""


def explain_refusal(
    error: ZaloError, bulletin: Bulletin, site: Site, payload: Mapping[str, Any]
) -> ZaloError:
    """The refusal of `bulletin`'s `payload`, told as the file, line and field to fix."""
    chosen = article_fields(bulletin, site)
    name = _refused_field((error.api_message or "").lower(), chosen, payload, site)
    refused = f"Zalo từ chối bài «{chosen.title}»"
    if CONFIG_FIELD_RE.fullmatch(name):
        # Written in site.toml: the bulletin has nothing to fix, it only names the article.
        line = config_line(site.config.root, name)
        where = f"{CONFIG_NAME}:{line}" if line else CONFIG_NAME
        told = f"{where}: {refused} ({bulletin.source})"
        fix = f"Sửa trường này trong {CONFIG_NAME} rồi chạy lại."
    else:
        parsed = parse_file(site.config.root / bulletin.source)
        line = parsed.line_of(name) if parsed is not None else None
        told = f"{bulletin.source}:{line}: {refused}" if line else f"{bulletin.source}: {refused}"
        fix = "Sửa trường này rồi chạy lại."
    return ZaloError(
        f"{told}, trường '{name}' (“{error.api_message}”). {fix}",
        code=error.code,
        api_message=error.api_message,
        operation=error.operation,
    )


def _refused_field(message: str, chosen: Fields, payload: Mapping[str, Any], site: Site) -> str:
    """The field a refusal's (lowercased) message names, as the editor knows it."""
    block = _BLOCK_RE.match(message)
    if block and int(block[1]) in footer_blocks(payload.get("body") or [], site.config):
        return "[zalo] footer"
    fields = [
        ("title", chosen.title_field),
        ("description", chosen.description_field),
        ("author", chosen.author_field),
        ("photo_url", chosen.cover_field),
        ("cover", chosen.cover_field),
        ("comment", "[zalo] comment"),
        ("body", "nội dung bài (phần thân)"),
    ]
    name = next((label for word, label in fields if message.startswith(word)), None)
    return name or next((label for word, label in fields if word in message), "không rõ")
