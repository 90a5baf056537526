"""Compiled theme templates kept for the whole process, in front of those kept in .cache/jinja/."""

from __future__ import annotations

from pathlib import Path
from types import CodeType

import jinja2

KEPT_MAX = 512
"""Compiled templates kept at most (a theme has ~20; `publish serve` compiles each edit anew)."""

_KEPT: dict[tuple[str, str | None], object] = {}
"""Code objects by Jinja's cache key (template name and file) and source checksum."""
_BY_SOURCE: dict[tuple[str, str], CodeType] = {}
"""The same code objects by template name and source checksum, whichever file they came from:
a copy of the same theme elsewhere (another project, each test's project) takes them with its
own file name put in, instead of compiling the theme again (~0.3 s of the sample's build)."""


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
        self.names: dict[str, str] = {}
        """The template name of each bucket key about to be compiled."""

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        """The bucket of a template: from this process or the folder, else the code of the same
        source compiled from another file, with this file's name."""
        bucket = super().get_bucket(environment, name, filename, source)
        if bucket.code is None:
            code = _BY_SOURCE.get((name, bucket.checksum))
            if code is not None:
                # What Jinja compiles with (Environment._compile): tracebacks and the
                # template's own `filename` come from the code objects.
                bucket.code = _moved(code, filename or "<template>")
                _keep(bucket)
                if self.disk is not None:
                    self.disk.dump_bytecode(bucket)
            else:
                self.names[bucket.key] = name
        return bucket

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
        name = self.names.pop(bucket.key, None)
        if name is not None and isinstance(bucket.code, CodeType):
            _BY_SOURCE[(name, bucket.checksum)] = bucket.code
        if self.disk is not None:
            self.disk.dump_bytecode(bucket)


def _keep(bucket: jinja2.bccache.Bucket) -> None:
    """Remember `bucket`'s code, forgetting everything once too many are kept."""
    if len(_KEPT) >= KEPT_MAX:
        _KEPT.clear()
    if len(_BY_SOURCE) >= KEPT_MAX:
        _BY_SOURCE.clear()
    _KEPT[(bucket.key, bucket.checksum)] = bucket.code


def _moved(code: CodeType, filename: str) -> CodeType:
    """`code` and the code objects it holds (blocks, macros) as if compiled from `filename`."""
    consts = tuple(_moved(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)
