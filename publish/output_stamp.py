"""The mark each write leaves of who last changed output/<channel>/, for `publish serve` to notice.

A `publish build` in a second terminal replaces output/web under a running `publish serve`
(one without --drafts, which builds into output/web too): the preview reads this mark to notice
that another process wrote there, and rebuilds its own preview and reloads open pages. The mark lives in .cache/
beside the writer's ledger of the same folder (safe to delete, like the rest of .cache/), never
in output/, which is deployed as it is.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from publish.cache import write_file
from publish.ledger import OUTPUTS_DIR, output_key

__all__ = ["Stamp", "leave", "read"]


@dataclass(frozen=True, slots=True)
class Stamp:
    """One write: the process and command that made it, and a token no other write has."""

    pid: int
    command: str
    """"build", "sync", "serve"."""
    token: str


def _path(cache: Path, output: Path, channel: str) -> Path:
    """Where the mark of output/<channel>/ is kept."""
    return cache / OUTPUTS_DIR / f"{channel}-{output_key(output)}.written"


def leave(cache: Path, output: Path, channel: str, command: str) -> None:
    """Record that this process (running `command`) just changed output/<channel>/ (best effort:
    a .cache/ that cannot be written only means a preview does not notice)."""
    line = f"{os.getpid()} {command} {secrets.token_hex(16)}\n"
    write_file(_path(cache, output, channel), line.encode("ascii"))


def read(cache: Path, output: Path, channel: str) -> Stamp | None:
    """The last write's mark, or None when there is none (or it cannot be read)."""
    try:
        text = _path(cache, output, channel).read_text("ascii")
        pid, command, token = text.split()
        return Stamp(int(pid), command, token)
    except (OSError, ValueError):
        return None
