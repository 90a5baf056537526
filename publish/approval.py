"""What an approval covers: the fingerprint of what a bulletin publishes (`approved_version`).

`publish approve` writes `approved_by` and the fingerprint of the bulletin as the approver read
it; the gate holds back a bulletin whose fingerprint no longer matches (see gates.gate), so a
text edited after approval is never published under the old approval.

The fingerprint covers everything that changes what goes out: every front matter key (title,
summary, date, expires, category, tags, author, cover, cover_alt, channels, slug, id, aliases,
classification, the zalo and radio blocks, keys for templates), the body, and the bytes of every
image of the content folder it shows (cover and body: a photo replaced under the same name is a
change). Not covered: the approval itself (`approved_by`, `approved_version`), `pii_reviewed_by`,
`draft` (holding an approved bulletin back and releasing it again changes nothing it shows), and
`radio.aired` (the length measured after the broadcast). Only values count, not how the front
matter is written: quotes, comments, key order and spacing may change freely.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from publish.cache import file_sha256
from publish.model import Bulletin
from publish.text import nfc

__all__ = [
    "UNPUBLISHED_KEYS",
    "VERSION_LENGTH",
    "ImageDigests",
    "content_digest",
    "is_version",
    "version",
]

VERSION_LENGTH = 12
"""Hex digits of `approved_version`: 48 bits, far beyond an edit matching by chance."""
UNPUBLISHED_KEYS = frozenset({"approved_by", "approved_version", "pii_reviewed_by", "draft"})
"""Front matter keys whose change does not change what is published (see the module text)."""
UNPUBLISHED_BLOCK_KEYS = {"radio": frozenset({"aired"})}
"""Keys of a channel block that do not change what that channel publishes."""
_VERSION = re.compile(f"[0-9a-f]{{{VERSION_LENGTH}}}")
_SCHEME = "publish-approval-1"
"""Changes when what the fingerprint covers changes, so no old value matches by accident."""


def is_version(value: str) -> bool:
    """Whether `value` is written as `publish approve` writes a fingerprint."""
    return _VERSION.fullmatch(value) is not None


def content_digest(data: Mapping[str, Any], body: str) -> str:
    """sha256 (hex) of the front matter values that are published and of the body."""
    published = {
        key: _without(value, UNPUBLISHED_BLOCK_KEYS.get(key, frozenset()))
        for key, value in data.items()
        if key not in UNPUBLISHED_KEYS
    }
    text = json.dumps([_SCHEME, _plain(published), body.strip()], ensure_ascii=False)
    return hashlib.sha256(nfc(text).encode("utf-8", "surrogatepass")).hexdigest()


def version(bulletin: Bulletin, image_digest: Callable[[str], str | None]) -> str:
    """The fingerprint of what `bulletin` publishes: its content digest and the bytes of its
    images (`image_digest`: sha256 of a file by its path under content/, None if unreadable)."""
    images = [bulletin.cover, *bulletin.images] if bulletin.cover else list(bulletin.images)
    parts = [bulletin.content_digest] + [
        f"{image.path}:{image_digest(image.path) or '-'}" for image in images
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:VERSION_LENGTH]


class ImageDigests:
    """sha256 of images under content/, each file read once per build (thousands of bulletins
    share a few covers); `known`: digests this build already took, by absolute path."""

    def __init__(self, content: Path, known: Mapping[str, str] | None = None) -> None:
        self.content = content
        self.known = known or {}
        self.memo: dict[str, str | None] = {}

    def __call__(self, path: str) -> str | None:
        """sha256 of content/<path>, or None when it cannot be read."""
        if path not in self.memo:
            where = self.content / path
            self.memo[path] = self.known.get(str(where)) or file_sha256(where)
        return self.memo[path]


def _without(value: Any, keys: frozenset[str]) -> Any:
    """A channel block without its unpublished keys (any other value as it is)."""
    if keys and isinstance(value, Mapping):
        return {k: v for k, v in value.items() if k not in keys}
    return value


def _plain(value: Any) -> Any:
    """A front matter value as JSON can write it the same way every time: mappings as sorted
    [key, value] pairs (YAML keys may be numbers), dates and times in ISO form."""
    if isinstance(value, Mapping):
        return sorted([str(k), _plain(v)] for k, v in value.items())
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return {"date": value.isoformat()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return repr(value)
