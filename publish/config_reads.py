"""The site.toml values a cached step declares it reads, as one digest for its cache keys.

A step listed here keeps its results under `Fragments.narrow_key` (the tool, not the whole
site.toml): its key holds `reads_digest(config, ITS_READS)` instead, so an edit of site.toml that
the step does not read (a category label, [web] per_page) does not redo it for every bulletin.
A list is a dotted path per value (`"radio.rate_spm"`, a whole section `"contact"`, a property
of Config such as `"tz"`). `Recording` is a stand-in for Config that notes what a step reads:
the tests run each step on one and fail when it reads something its list does not name.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from publish.cache import digest
from publish.config import Config

__all__ = ["Recording", "covered", "reads_digest"]


def reads_digest(config: Config, reads: Iterable[str]) -> str:
    """A digest of the values at the dotted paths `reads` of `config`."""
    values = []
    for path in reads:
        value: Any = config
        for name in path.split("."):
            value = getattr(value, name)
        values.append((path, value))
    return digest(*values)


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
        """The value of `real`'s attribute `name`, noted as read."""
        value = getattr(self._real, name)
        path = f"{self._prefix}{name}"
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
