"""The line of a problem's field, for problems found after loading (a channel's checks: Zalo
limits, the radio block): they know the file and the field, not where the field is written."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path

from publish.config import CONFIG_NAME, line_of_key
from publish.errors import Problem
from publish.frontmatter import Parsed, parse_file

__all__ = ["CONFIG_FIELD_RE", "config_line", "with_lines"]

CONFIG_FIELD_RE = re.compile(r"\[([^\]]+)\] (.+)")
"""How a site.toml problem names its key: `[zalo] author`."""


def with_lines(problems: Iterable[Problem], root: Path) -> list[Problem]:
    """`problems`, each that names a field but no line given the line where that field is written
    (a file is read again only when one of its problems needs it: problems are few)."""
    files: dict[str, Parsed | None] = {}
    config: list[str] = []
    located = []
    for problem in problems:
        line = None
        if problem.line is None and problem.field:
            if problem.file == CONFIG_NAME:
                line = _config_line(root, problem.field, config)
            elif problem.file.endswith(".md"):
                if problem.file not in files:
                    files[problem.file] = parse_file(root / problem.file)
                parsed = files[problem.file]
                line = parsed.line_of(problem.field) if parsed is not None else None
        located.append(problem if line is None else dataclasses.replace(problem, line=line))
    return located


def config_line(root: Path, field: str) -> int | None:
    """The site.toml line of a key named `[table] key`."""
    return _config_line(root, field, [])


def _config_line(root: Path, field: str, text: list[str]) -> int | None:
    """The site.toml line of a key named `[table] key` (`text`: the file, once read)."""
    if not text:
        try:
            text.append((root / CONFIG_NAME).read_text("utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            text.append("")
    found = CONFIG_FIELD_RE.fullmatch(field)
    path = (*found[1].split("."), found[2]) if found else (field,)
    return line_of_key(text[0], path)
