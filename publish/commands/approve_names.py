"""The files named to `publish approve`: each name looked up once (Named), a wildcard the
shell left as typed expanded, a name split at its spaces put back together, and a name
not found matched to the bulletin it most likely meant."""

from __future__ import annotations

import dataclasses
import difflib
import glob
import os
import re
from dataclasses import dataclass
from pathlib import Path

from publish.cli import typed_path
from publish.content import bulletin_files
from publish.errors import Problem, display_path
from publish.gates import shell_word
from publish.text import nfc

__all__ = ["Named", "alike", "expanded", "find", "named", "nearest", "unsplit"]


@dataclass(frozen=True, slots=True)
class Named:
    """A file named on the command line, looked up once (every check of it asks this record,
    not the disk again): the path it names, spelt from the project root when inside it
    (find); that path resolved, which tells two names of one file apart; and the file as
    messages show it."""

    path: Path
    same: Path
    shown: str


def named(name: str, root: Path) -> Named:
    """The record of file `name` as typed, from project `root`."""
    path = find(name, root)
    try:
        same = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: the name itself
        same = path
    return Named(path, same, display_path(path, root))


def unsplit(
    names: list[str], root: Path, by: str, problems: list[Problem], flags: str = ""
) -> list[Named]:
    """`names` less the words of a file name with spaces typed without quotes («content/bai-
    viet/Tin mới.md» read as «…/Tin» and «mới.md»), each such name recorded as a problem: each
    word was «không có tệp», with a guess at another bulletin for the last. Its hint is the
    whole command again, every file and `flags` (« --publish») kept: the one file alone left
    the others unapproved, and a draft's run without --publish refused."""
    kept: list[Named] = []
    typed: list[str] = []  # every file, as the command to run again names it
    told: list[Problem] = []
    at = 0
    while at < len(names):
        joined = None
        record = named(names[at], root)
        if not os.path.lexists(record.path):
            ends = range(at + 2, len(names) + 1)
            joined = next(
                (end for end in ends if os.path.lexists(find(" ".join(names[at:end]), root))),
                None,
            )
        if joined is None:
            kept.append(record)
            typed.append(shell_word(names[at]))
            at += 1
            continue
        name = " ".join(names[at:joined])
        typed.append(f'"{name}"')
        words = ", ".join(f"«{word}»" for word in names[at:joined])
        told.append(
            Problem(
                display_path(find(name, root), root),
                f"tên tệp có dấu cách nên phải đặt trong ngoặc kép: lệnh đã đọc thành "
                f"{joined - at} tệp {words}",
            )
        )
        at = joined
    again = f"publish approve {' '.join(typed)} --by {shell_word(by)}{flags}"
    problems.extend(
        dataclasses.replace(p, hint=f"Chạy lại, tên tệp trong ngoặc kép: {again}") for p in told
    )
    return kept


_WILDCARD = re.compile(r"[*?[]")


def expanded(names: list[str], root: Path) -> tuple[list[str], bool]:
    """`names` with each wildcard pattern that names no file («content/bai-viet/*.md») replaced
    by the files it matches, sorted, as a POSIX shell does: Windows' cmd and PowerShell pass
    the pattern on as typed, and the approver following README's example was told «không có
    tệp». A pattern matching nothing stays, to be told so. Second: whether any pattern matched
    files (a file it matched was not named by its own path, even when it is the only one)."""
    out: list[str] = []
    matched = False
    for name in names:
        if _WILDCARD.search(name) and not os.path.lexists(find(name, root)):
            files = _matching(name, root)
            matched = matched or bool(files)
            out.extend(files or [name])
        else:
            out.append(name)
    return out, matched


def _matching(pattern: str, root: Path) -> list[str]:
    """The files `pattern` matches from the project root, else from the current folder (as
    find looks a name up), its Windows «\\» read as «/» where that is not the separator."""
    spellings = [pattern]
    if "\\" in pattern and os.sep == "/":
        spellings.append(pattern.replace("\\", "/"))
    for spelt in spellings:
        if os.path.isabs(spelt):
            found = glob.glob(spelt)
        else:
            # Spelt from the root, as typed: find looks there first.
            found = glob.glob(spelt, root_dir=root) or glob.glob(spelt)
        if found:
            return sorted(found)
    return []


def find(name: str, root: Path) -> Path:
    """The file `name` names: from the project root (`--root`), else from the current folder;
    spelt from the project root when inside it, as the loader names the files it checks."""
    path = Path(typed_path(name, root))
    if not path.is_absolute() and os.path.lexists(root / path):
        return root / path
    # «cd content; publish approve --root .. bai-viet/a.md» crashed the loader (a path under
    # the current folder compared with one under «..»).
    for spelt in (os.path.abspath, os.path.realpath):  # a project reached through a link too
        try:
            inside = os.path.relpath(spelt(path.parent) / Path(path.name), spelt(root))
        except ValueError:  # Windows: «D:\Downloads\tin.md» with the project on C: is outside
            continue
        if inside != ".." and not inside.startswith(".." + os.sep):
            return root / inside
    return path


def nearest(path: Path, root: Path) -> str | None:
    """The bulletin file whose name is closest to the one typed (a name typed from memory, or
    without its folder), from the project root; None when none is close, or several are as
    close (a wrong guess sends the approver to approve another bulletin: see `alike`).

    A path typed with its folder is matched in that folder only («2025/tuan-tra-dem.md» must
    not lead to last year's «2024/tuan-tra-dem.md»), and names are compared without «.md»
    (shared by all, it made «mau.md» look like «ra-quan.md»)."""
    found = _closest(path, root)
    return found[0] if len(found) == 1 else None


def alike(path: Path, root: Path) -> list[str]:
    """The bulletin files as close to the name typed as each other, when there are several
    (at most ALIKE_SHOWN, by name): none is guessed, all are named, and the approver copies
    the one read. Empty when one or none is close."""
    found = _closest(path, root)
    return sorted(found)[:ALIKE_SHOWN] if len(found) > 1 else []


ALIKE_SHOWN = 5
"""How many files as close to a name typed as each other the refusal names."""


def _closest(path: Path, root: Path) -> list[str]:
    """The bulletin files closest to the name typed (see `nearest`): one, several as close,
    or none."""
    typed = nfc(display_path(path, root))
    by_path = "/" in typed
    if by_path and not typed.startswith("content/"):
        typed = "content/" + typed  # typed from content/: «bai-viet/x.md»
    folder, _, name = typed.rpartition("/")
    stem = name.removesuffix(".md")
    candidates: dict[str, list[str]] = {}
    for found in bulletin_files(root / "content"):
        shown = display_path(found, root)
        there, _, its_name = shown.rpartition("/")
        if not by_path or there == folder:
            candidates.setdefault(its_name.removesuffix(".md"), []).append(shown)
    if stem in candidates:  # the right name in another folder, or typed without «.md»
        return _files([stem], candidates)
    # A name cut short (typed from memory) is the start of the real one, if long enough to say
    # which: «2020» starts every bulletin of that year.
    if len(stem) >= MIN_TYPED_START:
        started = [key for key in candidates if key.startswith(stem)]
        if started:
            return _files(started, candidates)
    close = difflib.get_close_matches(stem, list(candidates), n=ALIKE_SHOWN + 1, cutoff=0.6)
    # Every name as close as the closest: two were asked for, and a third as close went unnamed.
    best = [key for key in close if close and _likeness(stem, key) == _likeness(stem, close[0])]
    return _files(best, candidates)


MIN_TYPED_START = 5
"""Characters a name cut short must have (before «.md») to be told as the start of one."""


def _files(keys: list[str], candidates: dict[str, list[str]]) -> list[str]:
    """The files `keys` name."""
    return [shown for key in keys for shown in candidates[key]]


def _likeness(typed: str, other: str) -> float:
    """How alike two names are, as difflib ranks its close matches."""
    return difflib.SequenceMatcher(None, typed, other).ratio()
