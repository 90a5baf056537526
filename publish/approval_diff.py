"""What changed in a bulletin since the version approved before, as git recorded it.

An approver approving a bulletin again after an edit («Duyệt lại») was told only that it had
changed, and read the whole of it again to find what. When the project is a git repository and
the approval was committed, the version approved is found in its history (the commit that
wrote the `approved_version` in effect, checked against that approval's file part: the very
bytes approved) and the lines changed since are shown, each with its words removed and added
(`[-cũ-]{+mới+}`, as `git diff --word-diff` writes them). Without git, outside a repository,
or when the approval was never committed, nothing is shown but a line saying so; git's own
failures never stop the approval.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from publish import approval
from publish.gates import shell_word
from publish.text import nfc

__all__ = [
    "SHOWN_LINES",
    "UNICODE_FORM_ONLY",
    "Approved",
    "Deleted",
    "approved_in_git",
    "since_approval",
    "word_diff",
    "written_version",
]

SHOWN_LINES = 8
"""Changed lines shown at most; `git diff` shows the rest."""
LINE_CHARS = 240
"""Characters of one changed line shown at most (a line with many changes far apart may take
more: each change is shown with CONTEXT_CHARS beside it)."""
CONTEXT_CHARS = 60
"""Unchanged characters shown on each side of a change in a line longer than LINE_CHARS."""
SEARCHED = 20
"""Commits that wrote the approval's value looked at at most."""
GIT_SECONDS = 10
UNICODE_FORM_ONLY = (
    "chỉ khác cách mã hóa dấu (NFD: chữ có dấu lưu thành chữ cái và dấu tách rời, như khi chép "
    "chữ từ máy Mac hay từ tệp PDF): chữ hiện ra và nội dung đăng ra vẫn như nhau"
)
"""Said when the version approved and the file now differ only in how their letters are coded."""
_APPROVAL_LINE = re.compile(r"(?:approved_by|approved_version|pii_reviewed_by)[ \t]*:")
"""Lines `publish approve` writes: changed by the approval itself, not by the editor."""
_WORDS = re.compile(r"\s+|[^\s]+")
_APPROVED_VERSION = re.compile(
    r"approved_version[ \t]*:[ \t]*(?P<q>[\"']?)(?P<value>[0-9a-f-]+)(?P=q)[ \t]*(?:#.*)?"
)
"""The line `publish approve` writes into the front matter."""


@dataclass(frozen=True, slots=True)
class Approved:
    """Where git keeps a bulletin's file, and the version of it approved before when found."""

    root: Path
    """The repository's top folder."""
    name: str
    """The file's path in the repository."""
    found: tuple[str, str, bytes] | None
    """The commit that wrote the approval, its time in the unit's time and the file's bytes
    there; None when no commit holds that approval (never committed)."""
    named: str = ""
    """The file's path in the repository in that commit: another than `name` when the file
    was renamed (or moved) since ("" when not found)."""
    shallow: bool = False
    """Whether, not found, the repository holds only part of its history (a shallow clone:
    CI's checkout, `git clone --depth=1`): the approval may be in the commits left out."""


class Deleted:
    """The .md files of the last commit the working tree no longer has, and the approval each
    of those copies writes, asked of git once a repository however many bulletins are looked
    up (a folder moved with `git mv`, not committed yet: every bulletin in it is new to git,
    and each asked again for the same files and searched all their histories)."""

    def __init__(self) -> None:
        self._found: dict[Path, dict[str, str]] = {}

    def writing(self, root: Path, version: str) -> list[str]:
        """The files deleted since the last commit of the repository at `root` whose copy in
        that commit writes approval `version`: where it was committed, if anywhere (a file
        approved again since writes another)."""
        if root not in self._found:
            self._found[root] = _approvals_of(root, _deleted_files(root))
        return [name for name, written in self._found[root].items() if written == version]


def written_version(text: str) -> str:
    """The `approved_version` the front matter of a file's `text` writes ("" when none): read
    by its line, whether the file loads or not."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].rstrip() != "---":
        return ""
    for line in lines[1:]:
        if line.rstrip() in ("---", "..."):
            break
        found = _APPROVED_VERSION.fullmatch(line.rstrip())
        if found is not None:
            return found["value"]
    return ""


def approved_in_git(
    path: Path, approved_version: str, tz: dt.tzinfo, deleted: Deleted | None = None
) -> Approved | None:
    """The version of bulletin `path` its `approved_version` was taken of, as found in git (see
    Approved), the commit's time in the unit's `tz`; None without git, outside a repository,
    or for an approval of an earlier kind (no file part to find it by). `deleted`: what git
    told of the files deleted since the last commit, kept across lookups."""
    parts = approval.bound(approved_version)
    if parts is None or shutil.which("git") is None:
        return None
    folder = path.resolve().parent
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top is None:
        return None
    root = Path(os.fsdecode(top).strip())
    try:
        name = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    found = _approved_commit(root, name, approved_version, parts[1], tz, deleted or Deleted())
    if found is None:
        shallow = _git(root, "rev-parse", "--is-shallow-repository") == b"true\n"
        return Approved(root, name, None, shallow=shallow)
    commit, when, data, named = found
    return Approved(root, name, (commit, when, data), named)


def since_approval(approved: Approved, *, before: bytes, besides: Sequence[str] = ()) -> list[str]:
    """Lines telling what changed in the bulletin git keeps as `approved` (approved_in_git's
    answer; its bytes now: `before`) since the version approved, or a line saying that
    version is not in git's history (never committed). `besides`: what changed outside the
    file's words (its address, an image: publish.approval_why), told instead of «không đổi
    chữ nào», which sent the approver looking for an edit that was not there."""
    root, name, found = approved.root, approved.name, approved.found
    if found is None and approved.shallow:
        return [
            "không thấy bản đã duyệt trong lịch sử git: bản sao kho này chỉ có một phần lịch sử "
            "(clone nông, --depth), nên không so được: đọc lại cả bài, hoặc lấy đủ lịch sử bằng "
            "git fetch --unshallow rồi chạy lại lệnh để xem từng chỗ đã sửa"
        ]
    if found is None:
        return [
            "không thấy bản đã duyệt trong lịch sử git (lần duyệt trước chưa được commit), nên "
            "không so được: đọc lại cả bài"
        ]
    commit, when, old = found
    was, now = old.decode("utf-8", "replace"), before.decode("utf-8", "replace")
    # Compared as shown and published (NFC): a letter and its tone mark saved as two characters
    # look the same, and a line marked changed with every word alike tells the reader nothing.
    changed = word_diff(nfc(was), nfc(now))
    if not changed:
        if besides:
            # «chỉ»: the approver then knows there is no edit of the words left to look for.
            return [
                f"so với bản đã duyệt (commit {commit[:8]}, {when}): chỉ {'; '.join(besides)}, chữ không đổi"
            ]
        same = f"so với bản đã duyệt (commit {commit[:8]}, {when}): không đổi chữ nào"
        return [same + (f"; {UNICODE_FORM_ONLY}" if word_diff(was, now) else "")]
    shown = changed[:SHOWN_LINES]
    more = len(changed) - len(shown)
    lines = [f"so với bản đã duyệt (commit {commit[:8]}, {when}): {told}" for told in besides]
    lines.append(
        f"đã sửa so với bản đã duyệt (commit {commit[:8]}, {when}), {len(changed)} dòng "
        "([-bỏ-] {+thêm+}):"
    )
    lines += [f"  {line}" for line in shown]
    see = _diff_command(root, name, commit[:8], approved.named)
    lines.append(f"  … và {more} dòng khác: xem đủ bằng {see}" if more else f"  (xem đủ: {see})")
    return lines


def _diff_command(root: Path, name: str, commit: str, named: str = "") -> str:
    """The `git diff` showing every change, as typed in the current folder (inside the
    repository, or beside it: git then needs to be told where it is); `named`: the file's
    name in `commit` when it was renamed since (git diff then compares the two names)."""
    try:
        inside = Path.cwd().resolve().is_relative_to(root.resolve())
    except OSError:  # the current folder was removed meanwhile
        inside = False
    names = [named, name] if named and named != name else [name]
    if inside:
        typed = " ".join(shell_word(os.path.relpath(root / n)) for n in names)
        return f"git diff {commit} -- {typed}" if len(names) == 1 else _renamed_diff(commit, typed)
    typed = " ".join(shell_word(n) for n in names)
    diff = f"diff {commit} -- {typed}" if len(names) == 1 else _renamed_diff(commit, typed)[4:]
    return f"git -C {shell_word(str(root))} {diff}"


def _renamed_diff(commit: str, typed: str) -> str:
    """`git diff` of a file renamed since `commit` (`typed`: its old name, then its new one):
    with -M, git shows it as one file renamed, not one deleted and one added."""
    return f"git diff -M {commit} -- {typed}"


def word_diff(old: str, new: str) -> list[str]:
    """Each line of `new` changed from `old` («dòng N: …» with its words removed and added
    marked), each line removed («bỏ dòng: …»), the lines `publish approve` writes left out."""
    was = _lines(old)
    now = _lines(new)
    told = []
    matcher = difflib.SequenceMatcher(None, [t for _, t in was], [t for _, t in now], False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = min(a2 - a1, b2 - b1) if op == "replace" else 0
        for i in range(pairs):
            # _words keeps every change of a long line: a blind cut after it took one out.
            told.append(f"dòng {now[b1 + i][0]}: {_words(was[a1 + i][1], now[b1 + i][1])}")
        for _, text in was[a1 + pairs : a2]:
            told.append(f"bỏ dòng: {_cut(text)}")
        for number, text in now[b1 + pairs : b2]:
            told.append(f"dòng {number} (mới): {_cut(text)}")
    return told


def _lines(text: str) -> list[tuple[int, str]]:
    """The lines of `text` with their numbers, blank ones and the approval's own left out."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [
        (number, line.rstrip())
        for number, line in enumerate(lines, start=1)
        if line.strip() and not _APPROVAL_LINE.match(line)
    ]


def _words(old: str, new: str) -> str:
    """Line `new` with the words of `old` it removed and those it added marked, within
    LINE_CHARS around its changes when longer (_around_changes)."""
    was, now = _WORDS.findall(old), _WORDS.findall(new)
    parts: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, was, now, False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("", "".join(now[b1:b2])))
            continue
        if a2 > a1:
            parts.append(("-", "".join(was[a1:a2])))
        if b2 > b1:
            parts.append(("+", "".join(now[b1:b2])))
    whole = "".join(_marked(kind, text) for kind, text in parts)
    return whole if len(whole) <= LINE_CHARS else _around_changes(parts)


def _marked(kind: str, text: str) -> str:
    """`text` in the marks of its kind: removed `[-…-]`, added `{+…+}`, unchanged bare."""
    return {"-": f"[-{text}-]", "+": f"{{+{text}+}}"}.get(kind, text)


def _around_changes(parts: list[tuple[str, str]]) -> str:
    """A long changed line shortened in its unchanged stretches, CONTEXT_CHARS kept beside each
    change: cutting the line's middle blindly took out the change the approver must read (a
    number changed mid-paragraph showed as «… *280+}»). A long removed or added run keeps its
    marks and both ends."""
    out = []
    last = len(parts) - 1
    for i, (kind, text) in enumerate(parts):
        if kind:
            out.append(_marked(kind, _cut(text, LINE_CHARS // 2)))
        elif i == 0 and len(text) > CONTEXT_CHARS:
            out.append(f"… {text[-CONTEXT_CHARS:].lstrip()}")
        elif i == last and len(text) > CONTEXT_CHARS:
            out.append(f"{text[:CONTEXT_CHARS].rstrip()} …")
        elif 0 < i < last and len(text) > 2 * CONTEXT_CHARS + 3:
            out.append(f"{text[:CONTEXT_CHARS].rstrip()} … {text[-CONTEXT_CHARS:].lstrip()}")
        else:
            out.append(text)
    return "".join(out)


def _cut(text: str, most: int = LINE_CHARS) -> str:
    """`text` within `most` characters, its middle left out when longer."""
    if len(text) <= most:
        return text
    half = most // 2
    return f"{text[:half]} … {text[-half:]}"


def _approved_commit(
    root: Path, name: str, version: str, file_part: str, tz: dt.tzinfo, deleted: Deleted
) -> tuple[str, str, bytes, str] | None:
    """The newest commit that wrote approval `version` into file `name` and holds the very
    bytes it approved (its file part, `file_part`), with its date in `tz`, those bytes and the
    file's name there; None when no commit does. Followed across renames: a file renamed
    after its approval (`git mv`, committed or not) was told «chưa được commit»."""
    # The file's own history, followed across a committed rename.
    found = _written_in(root, name, version, file_part, ["--follow", "--", name])
    if found is None and _new_to_git(root, name):
        # A rename not committed yet: git knows no history of the new name, so the old one is
        # among the files deleted since the last commit, and the one whose last copy writes
        # this approval. Only that one: searching every file's history took ~2.8 s a bulletin
        # on a large repository, one held by an approval never committed too.
        gone = deleted.writing(root, version)
        if gone:
            found = _written_in(root, name, version, file_part, ["--", *gone])
    if found is None:
        return None
    commit, stamp, data, named = found
    when = dt.datetime.fromtimestamp(stamp, tz)
    return commit, f"{when:%H:%M, %d/%m/%Y}", data, named


def _new_to_git(root: Path, name: str) -> bool:
    """Whether the last commit has no file `name` (a file new, or renamed since)."""
    return _git(root, "cat-file", "-e", f"HEAD:{name}") is None


def _deleted_files(root: Path) -> list[str]:
    """The .md files of the last commit that the working tree no longer has (deleted, or
    renamed: `git mv` or not), as git names them."""
    listed = _git(
        root, "diff", "--no-renames", "--name-only", "-z", "--diff-filter=D", "HEAD", "--", "*.md"
    )
    return [n for n in os.fsdecode(listed).split("\0") if n] if listed else []


def _approvals_of(root: Path, names: Sequence[str]) -> dict[str, str]:
    """The approval (written_version) each of files `names` writes in the last commit, read in
    one call of git ({} when it fails)."""
    names = [n for n in names if "\n" not in n]
    if not names:
        return {}
    listed = _git(root, "cat-file", "--batch", data="".join(f"HEAD:{n}\n" for n in names).encode())
    found: dict[str, str] = {}
    at = 0
    for name in names:
        if listed is None:
            break
        end = listed.find(b"\n", at)
        if end < 0:
            break
        header = listed[at:end].split()
        if len(header) != 3 or not header[2].isdigit():
            at = end + 1  # «HEAD:name missing»: nothing follows
            continue
        size = int(header[2])
        copy = listed[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
        found[name] = written_version(copy.decode("utf-8", "replace"))
    return found


def _written_in(
    root: Path, name: str, version: str, file_part: str, where: list[str]
) -> tuple[str, int, bytes, str] | None:
    """_approved_commit's answer among the commits `git log` lists for paths `where` (the
    time as seconds since the epoch), or None."""
    log = _git(
        root,
        "--literal-pathspecs",  # a file name starting with «:» is no pathspec magic
        "log",
        f"-n{SEARCHED}",
        # Seconds since the epoch, shown in the unit's time: git's own date keeps the offset
        # of the machine that committed (UTC on a CI runner or github.com: 15:47 for 22:47).
        "--format=%x00%H %at",
        "--name-only",
        f"-S{version}",
        *where,
    )
    if not log:
        return None
    for entry in os.fsdecode(log).split("\0")[1:]:
        head, *files = entry.split("\n")
        commit, _, stamp = head.partition(" ")
        for named in [f for f in files if f] or [name]:
            data = _git(root, "show", f"{commit}:{named}")
            if data is not None and approval.file_digest(data, file_part) == file_part:
                return commit, int(stamp), data, named
    return None


def _git(folder: Path, *args: str, data: bytes | None = None) -> bytes | None:
    """What git prints for `args` run in `folder` (given `data` on its input), or None when it
    fails (not a repository, no such commit, git missing or too slow)."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=folder,
            input=data,
            capture_output=True,
            timeout=GIT_SECONDS,
            env=env,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def replaced_since(root: Path, commit: str, files: Sequence[Path]) -> list[Path] | None:
    """Those of `files` (paths on disk inside the repository at `root`) whose bytes now are not
    those `commit` holds (one it does not hold counts), or None when git cannot tell: two
    calls of git for all of them, by the ids git gives their bytes, none read here."""
    try:
        names = [f.resolve().relative_to(root.resolve()).as_posix() for f in files]
    except (OSError, ValueError):
        return None
    if not names:
        return []
    listed = _git(root, "ls-tree", "-z", commit, "--", *names)
    hashed = _git(root, "hash-object", "--", *names)
    if listed is None or hashed is None:
        return None
    then = {}
    for entry in os.fsdecode(listed).split("\0"):
        meta, _, path = entry.partition("\t")
        if path:
            then[path] = meta.split()[-1]
    now = os.fsdecode(hashed).split()
    if len(now) != len(names):
        return None
    return [f for f, n, h in zip(files, names, now, strict=True) if then.get(n) != h]
