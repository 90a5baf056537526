"""Compiled theme templates kept for the whole process, in front of those kept in .cache/jinja/."""

from __future__ import annotations

from pathlib import Path

import jinja2

KEPT_MAX = 512
"""Compiled templates kept at most (a theme has ~20; `publish serve` compiles each edit anew)."""

_KEPT: dict[tuple[str, str | None], object] = {}
"""Code objects by Jinja's cache key (template name and file) and source checksum."""


class KeptTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode cache: this process's compiled templates first, then the project's
    .cache/jinja/ folder (absent when it cannot be made).

    Every build makes a new environment, and a project without .cache/ (a fresh checkout, a
    test's project) compiled the whole theme again: ~0.25 s of each build, also in one
    `publish serve` process. Jinja compares each template's source checksum before using
    stored code, so an edited template is compiled again here as on disk."""

    def __init__(self, folder: Path | None) -> None:
        """Keep compiled code in memory and, when `folder` is given, in that folder."""
        self.disk = jinja2.FileSystemBytecodeCache(str(folder)) if folder is not None else None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill `bucket` from this process, else from the folder."""
        code = _KEPT.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code  # type: ignore[assignment]
            return
        if self.disk is not None:
            self.disk.load_bytecode(bucket)
            if bucket.code is not None:
                _keep(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep freshly compiled code in this process and in the folder."""
        _keep(bucket)
        if self.disk is not None:
            self.disk.dump_bytecode(bucket)


def _keep(bucket: jinja2.bccache.Bucket) -> None:
    """Remember `bucket`'s code, forgetting everything once too many are kept."""
    if len(_KEPT) >= KEPT_MAX:
        _KEPT.clear()
    _KEPT[(bucket.key, bucket.checksum)] = bucket.code
