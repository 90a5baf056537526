"""Commands the tool gives an editor to type, spelt for the folder they run it in.

`publish approve`, `publish next` and the sync's line of the next scheduled bulletin each told
`publish speak <file> --flags` for a bulletin the radio will not read: `next` wrote the file as
the project spells it, unquoted and without `--root`, a command that found nothing when run
beside the project (`--root congan-x`) or for a file name with a space. One spelling here.
"""

from __future__ import annotations

import os
from pathlib import Path

from publish.gates import shell_word

__all__ = ["file_here", "root_flag", "speak_flags"]


def root_flag(root: Path) -> str:
    """The « --root X» a command given to the editor needs to be run where they ran this one
    ("" in the project itself): the files it names are spelt from the project root."""
    try:
        here = root.resolve() == Path.cwd().resolve()
    except OSError:  # the current folder was removed meanwhile: name the project in full
        here = False
    # Run beside the project (--root congan-x), the command given without it found no project.
    return "" if here else f" --root {shell_word(str(root))}"


def file_here(path: Path) -> str:
    """File `path` as a command run in the current folder reads it (`publish speak` reads
    files from there, not from the project)."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)


def speak_flags(path: Path, flag: str) -> str:
    """The command listing every read-aloud finding of bulletin file `path` and how to fix
    each, as typed in the current folder (`flag`: root_flag's answer)."""
    return f"publish speak {shell_word(file_here(path))} --flags{flag}"
