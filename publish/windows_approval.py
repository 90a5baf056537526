"""An approval taken on image paths written with '\\' holds once they are fixed with '/'.

Windows finds "images\\anh.jpg", so a unit that builds there showed such a bulletin and had it
approved; the server and CI do not, and the path is now refused (content_images). Fixed with '/',
the bulletin publishes what the approver saw, yet its text, so its fingerprint, changed: without
this, the upgrade would withdraw it until approved again (README: an upgrade withdraws none).

Asked only of an approved bulletin whose fingerprint no longer matches (a rare case, and it reads
the file again): the text is tried with every '/' of its body's image paths written '\\' (all
those written one way, inline, in a reference definition, in an <img> tag…, or none of them), of
its cover's, and of both. Text approved with both marks mixed within one way must be approved
again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from publish import approval
from publish.config import Config
from publish.content_images import body_windows_written, windows_written
from publish.frontmatter import Parsed, parse_file
from publish.model import Bulletin

__all__ = ["windows_approved"]


def windows_approved(
    bulletin: Bulletin,
    config: Config,
    image_digest: Callable[[str], str | None],
    parsed: Parsed | None = None,
) -> bool:
    """Whether `bulletin`'s approved_version is the fingerprint of its file with its image paths
    written with '\\' (see the module's text). `parsed`: the file as an earlier version of the
    tool read it (key_lines.READINGS_BEFORE), else it is read as now."""
    parsed = parsed or parse_file(config.root / bulletin.source)
    if parsed is None:
        return False
    data, body = parsed.written or (parsed.data, parsed.body)
    for digest in _windows_digests(data, body, bulletin.slug, bulletin.key):
        as_approved = dataclasses.replace(bulletin, content_digest=digest, earlier_digests=())
        found = approval.versions_as_approved(as_approved, digest, image_digest)
        if bulletin.approved_version in found:
            return True
    return False


def _windows_digests(data: Mapping[str, Any], body: str, slug: str, key: str) -> list[str]:
    """The content digest of the bulletin with its body's image paths, its cover's, or both
    written with '\\' (none when no path has a '/')."""
    cover = data.get("cover")
    flipped_cover = windows_written(cover) if isinstance(cover, str) else None
    covers = [cover] if flipped_cover is None else [cover, flipped_cover]
    bodies = [body, *body_windows_written(body)]
    return [
        approval.content_digest(data if c is cover else {**data, "cover": c}, b, slug, key)
        for c in covers
        for b in bodies
        if c is not cover or b is not body
    ]
