"""A stand-in for Config that notes what a step reads, for the tests of publish.config_reads.

A step kept under the site.toml values it declares (a read-aloud item: ITEM_READS) is run on a
`Recording`, and its test fails on a value read that `covered` does not find in the list (a
Zalo article: payload.ARTICLE_READS). Kept
here, not in publish/: any edit to the tool's source empties every cache (tool_digest).
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Iterable
from typing import Any

__all__ = ["Recording", "covered"]


def covered(read: str, declared: Iterable[str]) -> bool:
    """Whether the value at dotted path `read` is one of `declared` or inside one of them."""
    return any(read == path or read.startswith(path + ".") for path in declared)


class Recording:
    """Config (or one of its sections) that notes each value read, as a dotted path, in
    `reads`: a section is handed out as another Recording, anything else as it is (a whole
    list of posts, a method: named as read whole)."""

    def __init__(self, real: object, reads: set[str] | None = None, prefix: str = "") -> None:
        """Wrap `real`; the paths read are added to `reads` (a new set when None)."""
        object.__setattr__(self, "_real", real)
        object.__setattr__(self, "reads", set() if reads is None else reads)
        object.__setattr__(self, "_prefix", prefix)

    def __getattr__(self, name: str) -> Any:
        """The value of `real`'s attribute `name`, noted as read; a method runs on this
        recording, so that what it reads is noted (`absolute_url`: `base_url`), not its name."""
        value = getattr(self._real, name)
        path = f"{self._prefix}{name}"
        if inspect.ismethod(value) and value.__self__ is self._real:
            return value.__func__.__get__(self)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return Recording(value, self.reads, path + ".")
        self.reads.add(path)
        return value

    def _whole(self) -> object:
        """The wrapped value, noted as read whole (compared, printed or hashed)."""
        self.reads.add(self._prefix.rstrip(".") or "*")
        return self._real

    def __repr__(self) -> str:
        """The wrapped value's repr, the whole value noted as read."""
        return repr(self._whole())

    def __eq__(self, other: object) -> bool:
        """Equality of the wrapped value, the whole value noted as read."""
        return self._whole() == other

    def __hash__(self) -> int:
        """The wrapped value's hash, the whole value noted as read."""
        return hash(self._whole())
