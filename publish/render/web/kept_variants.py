"""Resized image variants kept for the whole process, in front of those kept in .cache/images/."""

from __future__ import annotations

KEPT_BYTES = 64 << 20
"""Bytes of variants kept at most; the least recently used go first."""

_KEPT: dict[tuple[str, int, int, str], bytes] = {}
"""Encoded variants by (digest of the source bytes, width, height, how they were made)."""
_SIZE = [0]
"""Bytes held in _KEPT."""

# Every build of a project without .cache/ (a fresh checkout, a test's project; `publish serve`
# after the cache is gone) resized the same photos again: ~40 ms of decoding and encoding a
# variant, 0.6 s of the sample's build. The bytes depend only on the source bytes, the size
# and the tool's version of the making (Pillow's included), all in the key.


def kept(key: tuple[str, int, int, str]) -> bytes | None:
    """The variant kept under `key`, now the most recently used, or None."""
    data = _KEPT.pop(key, None)
    if data is not None:
        _KEPT[key] = data
    return data


def keep(key: tuple[str, int, int, str], data: bytes) -> None:
    """Remember a variant, forgetting the least recently used ones beyond KEPT_BYTES."""
    if len(data) > KEPT_BYTES:
        return
    old = _KEPT.pop(key, None)
    _SIZE[0] += len(data) - (len(old) if old is not None else 0)
    _KEPT[key] = data
    while _SIZE[0] > KEPT_BYTES:
        _SIZE[0] -= len(_KEPT.pop(next(iter(_KEPT))))
