"""Bytes made from other bytes, kept for the whole process within a bound: the least recently
used go first."""

from __future__ import annotations

from collections.abc import Hashable


class KeptBytes:
    """Made bytes (resized photos, stripped stylesheets) by a key naming what they were made of
    and how, at most `limit` bytes in all."""

    def __init__(self, limit: int) -> None:
        """Keep at most `limit` bytes."""
        self.limit = limit
        self.size = 0
        """Bytes held."""
        self._kept: dict[Hashable, bytes] = {}

    def get(self, key: Hashable) -> bytes | None:
        """The bytes kept under `key`, now the most recently used, or None."""
        data = self._kept.pop(key, None)
        if data is not None:
            self._kept[key] = data
        return data

    def put(self, key: Hashable, data: bytes) -> None:
        """Keep `data` under `key`, forgetting the least recently used beyond the limit."""
        if len(data) > self.limit:
            return
        old = self._kept.pop(key, None)
        self.size += len(data) - (len(old) if old is not None else 0)
        self._kept[key] = data
        while self.size > self.limit:
            self.size -= len(self._kept.pop(next(iter(self._kept))))
