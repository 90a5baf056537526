"""The one funnel that writes output: new and changed files are staged, moved in only on success.

Every artifact is staged (or found unchanged) before anything in output/<channel>/ is touched,
so a failed build leaves the previous output exactly as it was. Then the changed files are
renamed into place and withdrawn ones set aside; unchanged files are never rewritten, so their
modification times stay the same and a deploy (rsync, a CDN) uploads nothing for them. The files
replaced or withdrawn are kept aside until every channel is done: when a move fails (a full disk,
a file Windows keeps open), they are moved back, and the output is the previous one again.
A ledger in .cache/ (see publish/ledger.py) lets the next build trust unchanged files by stat,
and names the files earlier writes left: only those are removed when no longer made. A file put
in a channel folder by hand is kept (and told of); without a ledger (.cache/ deleted) the folder
is taken as the tool's own, as the project's output/ is: `publish build --output` refuses a
folder holding files before any write of its own is recorded (see publish.output_place).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Collection, Container, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from publish import output_stamp
from publish.cache import file_sha256, read_file
from publish.config import CHANNELS
from publish.errors import ContentError, Problem, PublishError, full_disk_fix, os_reason
from publish.ledger import Entry, Ledger, file_names, stat_entry
from publish.model import PAGES_DIR, Artifact, Kept

__all__ = [
    "Claimant",
    "WriteReport",
    "adopt",
    "claim",
    "interrupted",
    "interrupted_note",
    "is_work_folder",
    "safe_relative",
    "write",
]

TICK_NS = 20_000_000
"""Longest timestamp tick expected of a local filesystem (ext4, xfs, btrfs, tmpfs: ≤ 10 ms,
the kernel's clock tick), with a margin: every build that writes waits it once."""


@dataclass(slots=True)
class WriteReport:
    """What the writer did, per channel."""

    written: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=dict)
    """Of the files written, those that did not exist before."""
    foreign: dict[str, list[str]] = field(default_factory=dict)
    """Files found in a channel folder that no write recorded and this one does not make (put
    there by hand): left where they are, by relative path."""

    @property
    def total(self) -> int:
        """Number of files in the new output."""
        return sum(self.written.values()) + sum(self.unchanged.values())


def safe_relative(path: str) -> PurePosixPath:
    """Check an artifact path stays inside its channel folder."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or not pure.parts or any(p in ("..", ".", "") for p in pure.parts):
        raise PublishError(f"đường dẫn đầu ra không an toàn: «{path}»")
    return pure


@dataclass(slots=True)
class _Channel:
    """One channel's folder, its staging folder, and what this build found for each file."""

    live: Path
    staging: Path
    ledger: Ledger | None
    mode: int
    """Permissions of a file written here (as the umask makes them)."""
    kept: dict[str, Entry | None] = field(default_factory=dict)
    """Unchanged files → their ledger entry (None when it must be taken again)."""
    fresh: dict[str, str] = field(default_factory=dict)
    """Staged files (new or changed) → digest."""
    written: dict[str, Entry] = field(default_factory=dict)
    """Staged files this write wrote → their ledger entry, taken as they were written (a move
    into place keeps size, modification time and inode)."""
    created: int = 0
    foreign: list[str] = field(default_factory=list)
    """Files in the live folder that no write recorded and this one does not make: kept."""

    @property
    def live_text(self) -> str:
        """The live folder as text."""
        return str(self.live)  # a Path keeps its text once made


def write(
    artifacts: Iterable[Artifact | Kept],
    output: Path,
    channels: Sequence[str],
    *,
    cache: Path | None = None,
    swapping: AbstractContextManager[object] | None = None,
    by: str = "build",
    retired: Callable[[Path, str], object] | None = None,
) -> WriteReport:
    """Write artifacts into output/<channel>/, changing nothing there unless all succeeded.

    `cache`: the project's .cache/ folder, where each channel's ledger is kept (none: bytes are
    compared with the previous output every time). `swapping`: held while files are moved in
    and out of the channel folders (`publish serve` reads no file meanwhile, so a page never
    comes half from the last build and half from this one). `by`: the command writing
    ("build", "sync", "serve"), recorded in .cache/ for each channel folder this write changed
    (see publish.output_stamp: how a running preview notices another command's build).
    `retired`: called, while `swapping` is held, with the live path of each file this write
    withdraws or replaces and the path it was set aside at (deleted once `swapping` is let go).
    """
    report = WriteReport()
    mode = 0o666 & ~_umask()
    first = not output.exists()  # a build that fails leaves no empty output/ behind
    for channel in channels:
        if os.path.exists(output / channel) and not os.path.isdir(output / channel):
            # Found only at the last move, it was told by the staging folder's name.
            raise PublishError(_not_a_folder(output / channel, output))
    try:
        output.mkdir(parents=True, exist_ok=True)
        markers = _remove_stale(output)
        folders = {
            c: _Channel(
                (output / c).resolve(),
                _work_folder(f".{c}.staging-", output),
                Ledger(cache, output, c) if cache is not None else None,
                mode,
            )
            for c in channels
        }
    except OSError as exc:
        raise PublishError(f"không tạo được thư mục đầu ra {output}: {os_reason(exc)}") from None
    sources: dict[tuple[str, str], Claimant] = {}
    moves = _Moves(output, retired, markers)
    written = False
    try:
        try:
            for artifact in artifacts:
                _stage(artifact, folders[artifact.channel], sources)
        except OSError as exc:
            raise PublishError(_not_written(exc, output)) from None
        for channel, folder in folders.items():
            report.written[channel] = len(folder.fresh)
            report.unchanged[channel] = len(folder.kept)
            report.created[channel] = folder.created
        with swapping or contextlib.nullcontext():
            report.removed.update(_swap_all(folders, moves))
        report.foreign.update({c: f.foreign for c, f in folders.items() if f.foreign})
        for folder in folders.values():
            _record(folder)
        if cache is not None:
            for channel, folder in folders.items():
                if folder.fresh or report.removed.get(channel):
                    output_stamp.leave(cache, output, channel, by)
        written = True
    finally:
        # Deleted only now, once `swapping` is let go: the preview answers pages meanwhile.
        moves.close()
        for folder in folders.values():
            _drop(folder.staging)
        if first and not written:
            with contextlib.suppress(OSError):
                output.rmdir()  # only when empty: nothing of this write is left in it
    for counts in (report.written, report.unchanged, report.created):
        for channel in [c for c, n in counts.items() if not n]:
            del counts[channel]
    return report


_STALE = re.compile(r"\.(?:retired|moving|[a-z]+\.staging)-(?:\d+-)?[a-z0-9_]{8}")
"""The folders a write makes in output/ (the writer's process number in them since it is
recorded; older ones without it), and nothing a person would name a folder."""

MOVING = ".moving-"
"""How the marker folder a write holds while it moves files into place is named."""
_NAMED = ".channel"
"""How a file in a marker naming a channel folder its write moved files into ends."""


def is_work_folder(name: str) -> bool:
    """Whether `name` is of a staging or set-aside folder a write makes in the output folder."""
    return _STALE.fullmatch(name) is not None


def _work_folder(prefix: str, output: Path) -> Path:
    """A new work folder in `output`, named `prefix`, this process's number and a random part."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=output))


def _drop(path: Path) -> None:
    """Delete a work folder; what cannot be deleted is left as clutter that the next write
    removes. A marker that cannot be deleted is renamed to such clutter: its moves are done or
    undone, so it must not be taken for an interrupted move (only one that cannot even be
    renamed is, until a write settles: see _Moves.settle)."""
    shutil.rmtree(path, ignore_errors=True)
    if path.name.startswith(MOVING) and os.path.lexists(path):
        clutter = path.with_name(f".retired-{path.name[len(MOVING) :]}")
        with contextlib.suppress(OSError):
            os.rename(path, clutter)
            shutil.rmtree(clutter, ignore_errors=True)


def _left(output: Path) -> Iterator[os.DirEntry[str]]:
    """The work folders in `output`, all left behind by writes that have ended: call it under
    the output lock, before this write makes any (every command that writes or reads an output
    folder holds that lock, so a folder numbered as a live process, this one included, was left
    too: pid 1 in a container, a CI job numbered alike each run, an earlier write of this
    `publish serve` that kept its marker)."""
    with os.scandir(output) as entries:
        for entry in entries:
            if _STALE.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
                yield entry


def _remove_stale(output: Path) -> list[Path]:
    """Delete the staging and set-aside folders of writes that have ended (a build killed or cut
    off by the power), which nothing else would ever remove from output/; their markers, left:
    the output stays mixed until a write settles (see _Moves.settle), and one that fails
    first must leave the next command the marker to warn by."""
    for entry in list(_left(output)):
        if not entry.name.startswith(MOVING):
            shutil.rmtree(entry.path, ignore_errors=True)
    return _markers(output)


def _markers(output: Path) -> list[Path]:
    """The markers in `output` of writes cut off while moving files into place (see _left)."""
    return [Path(entry.path) for entry in _left(output) if entry.name.startswith(MOVING)]


def interrupted(output: Path, channels: Collection[str] = CHANNELS) -> bool:
    """Whether a write into `output` was cut off while moving files into the folders of
    `channels` (kill -9, power lost, an old file it could not put back): they may mix new files
    and old. A marker naming no channel (another version's, or made before its first move) may
    have left any folder mixed. Call it under the output lock."""
    try:
        named = [_named(marker) for marker in _markers(output)]
    except OSError:
        return False
    return any(not names or not names.isdisjoint(channels) for names in named)


def interrupted_note(
    output: Path, then: str, writes: Collection[str] = CHANNELS, rebuild: str = "publish build"
) -> str:
    """What a command tells on finding an interrupted move in `output` ("" when none), `then`
    saying what it does about it (call it under the output lock): `writes`, the channels it
    writes, each marker's going once they are written again (_Moves.settle); for the others a
    marker names, the `rebuild` command that writes them."""
    try:
        markers = _markers(output)
    except OSError:
        return ""
    if not markers:
        return ""
    named = [_named(marker) for marker in markers]
    mixed = sorted(set().union(*named), key=CHANNELS.index)
    where = (
        "các trang trong đó"
        if not all(named)
        else f"các tệp trong thư mục {' và '.join(mixed)} của nó"
    )
    left = [channel for channel in mixed if channel not in writes]
    if left:
        # Only the channels it writes are made whole: `then` alone would promise the rest.
        kept = "chúng" if len(left) > 1 else "nó"
        then = (f"{then} " if any(channel in writes for channel in mixed) else "") + (
            f"Lệnh này không ghi thư mục {' và '.join(left)}: chạy {rebuild} --channel "
            f"{','.join(left)} để ghi lại {kept} cho khớp (tới khi ấy lời nhắc này vẫn hiện)."
        )
    return (
        f"Chú ý: lần ghi đầu ra trước vào {output} bị ngắt giữa lúc thay tệp (tiến trình bị dừng "
        f"đột ngột: kill -9, mất điện, máy tắt; hay lỗi ổ đĩa khi trả lại tệp cũ), nên {where} "
        f"có thể lẫn bản mới với bản cũ; đừng đưa thư mục ấy lên mạng trước khi "
        f"dựng lại. {then}"
    )


def _umask() -> int:
    """The process's umask (read back by setting it: no thread is writing files yet)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def _checked(path: str) -> str:
    """`safe_relative(path)` as text, without making a path object for an already clean path."""
    if path and all(part and part not in (".", "..") for part in path.split("/")):
        return path
    return safe_relative(path).as_posix()


def claim(artifact: Artifact | Kept, sources: dict[tuple[str, str], Claimant]) -> str:
    """Check the artifact's path is safe and not taken by another one; record its source; the
    path, normalised."""
    rel = _checked(artifact.path)
    slot = (artifact.channel, rel)
    claimant = _claimant(artifact)
    if slot in sources:
        first = sources[slot]
        raise ContentError(
            [
                Problem(
                    claimant.source,
                    f"hai tệp cùng tạo ra output/{artifact.channel}/{rel}: {first.shown} và "
                    f"{claimant.shown}",
                    hint=_collision_hint(first, claimant),
                )
            ]
        )
    sources[slot] = claimant
    return rel


@dataclass(frozen=True, slots=True)
class Claimant:
    """What made an output file: its source and what kind of file it is there."""

    source: str
    role: str
    """bulletin, page, alias, history, category-alias, tag-alias, asset, image or site (made by the
    website itself: home, category, archive, feed pages)."""

    @property
    def shown(self) -> str:
        """The source with what it made, as a collision message names it."""
        what = ROLES[self.role]
        return f"{self.source} ({what})" if what else self.source


ROLES = {
    "bulletin": "",
    "page": "trang",
    "alias": "trang chuyển hướng từ địa chỉ cũ trong aliases",
    "history": "trang chuyển hướng từ địa chỉ cũ ghi trong state/web-urls.json",
    "category-alias": "trang chuyển hướng từ địa chỉ cũ của một chuyên mục trong site.toml",
    "tag-alias": "trang chuyển hướng từ địa chỉ cũ của một thẻ trong [tag_aliases] của site.toml",
    "asset": "tệp giao diện",
    "image": "ảnh",
    "site": "",
}
"""How a collision message names what each kind of claimant made."""


def _claimant(artifact: Artifact | Kept) -> Claimant:
    """Who made `artifact`, told by its kind or else by its source file."""
    source = artifact.source
    kind = getattr(artifact, "kind", None)  # a Kept file is a page or an image, never a redirect
    if kind is not None:
        return Claimant(source or "(trang tổng hợp)", kind)
    if source is None:
        return Claimant("(trang tổng hợp)", "site")
    if source.startswith("templates/"):
        return Claimant(source, "asset")
    if not source.endswith(".md"):
        return Claimant(source, "image")
    return Claimant(source, "page" if source.startswith(f"content/{PAGES_DIR}/") else "bulletin")


def _collision_hint(first: Claimant, second: Claimant) -> str:
    """What to change so that two claimants no longer make the same file: the side that can be
    changed (a slug, an alias, a recorded address, a file name), never the website's own pages."""
    if first.role == second.role == "bulletin":
        return "Đổi địa chỉ bài (slug: …) của một trong hai bản tin."
    fixes = list(dict.fromkeys(f for c in (first, second) if (f := _fix(c))))
    if not fixes:
        return "Hai trang do website tự tạo trùng nhau: đổi tên tệp trong templates/ rồi dựng lại."
    text = ", hoặc ".join(fixes)
    return text[:1].upper() + text[1:] + "."


def _fix(claimant: Claimant) -> str:
    """How the claimant's file moves elsewhere; "" for the website's own pages."""
    source = claimant.source
    return {
        "bulletin": f"đổi địa chỉ bài (slug: …) của bản tin {source}",
        "page": f"đổi địa chỉ (slug: …) của trang {source}",
        "alias": f"bỏ địa chỉ đó khỏi aliases của {source}",
        "history": f"xóa địa chỉ đó khỏi mục của bài {source} (theo id của bài) trong "
        "state/web-urls.json (liên kết cũ tới bài ấy sẽ không còn được chuyển hướng)",
        "category-alias": "bỏ địa chỉ cũ đó khỏi aliases của chuyên mục trong site.toml",
        "tag-alias": "bỏ dòng của thẻ cũ đó khỏi [tag_aliases] trong site.toml",
        "asset": f"đổi tên tệp giao diện {source}",
        "image": f"đổi tên ảnh {source} (và sửa các chỗ dẫn tới nó)",
    }.get(claimant.role, "")


def _not_a_folder(path: Path, output: Path) -> str:
    """Why a channel's folder that is something else (a file) cannot be written, and what to do."""
    what = "một tệp" if path.is_file() else "một thiết bị hay ống dẫn (pipe)"
    return (
        f"{path} phải là thư mục chứa đầu ra, nhưng đang là {what}. Chưa ghi gì; đầu ra cũ vẫn "
        f"giữ nguyên. Cách sửa: đổi tên {path} hoặc chuyển nó ra khỏi {output} (xóa nếu không "
        "cần), rồi chạy lại lệnh."
    )


def _not_written(exc: OSError, output: Path) -> str:
    """Why the output could not be written, and for a full disk what to do: ENOSPC carries no
    file name, and the message read «hết chỗ trên đĩa: None»."""
    if fix := full_disk_fix(exc, "thư mục đó"):
        # No figures: free space taken before this write's staging folders are deleted, or
        # against a quota, said «còn trống 0 MB» or thousands the user could not use.
        return (
            f"không ghi được đầu ra vào thư mục {output}: {os_reason(exc)}. Đầu ra cũ vẫn giữ "
            f"nguyên. {fix}"
        )
    where = f": {exc.filename}" if exc.filename else f" (thư mục {output})"
    said = f"không ghi được đầu ra ({os_reason(exc)}{where}). Đầu ra cũ vẫn giữ nguyên."
    if exc.errno == errno.EROFS:
        return (
            f"{said} Cách sửa: gắn lại ổ đĩa chứa {output} ở chế độ ghi (hoặc chép dự án sang "
            "ổ ghi được), rồi chạy lại lệnh."
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        # The system's reason alone left the editor with nothing to do. A file read on the way
        # (an image variant in .cache/ a sudo build left private) is fixed where it lies.
        folder, also = _refused_folder(exc.filename, output)
        return (
            f"{said} Cách sửa: cho người dùng này quyền đọc và ghi {folder} (tệp do một lần chạy "
            f"lệnh bằng sudo ghi ra: sudo chown -R $USER {folder}){also}; trên Windows, đóng "
            "chương trình đang mở tệp đó (trình duyệt, trình xem ảnh, cửa sổ thư mục), rồi chạy "
            "lại lệnh."
        )
    return said


def _refused_folder(filename: object, output: Path) -> tuple[Path, str]:
    """The folder whose owner to fix for a file refused to this user (output, else the .cache/
    or the folder holding it), and what else may be done there."""
    if not isinstance(filename, str | os.PathLike):
        return output, ""
    path = Path(filename)
    if path == output or output in path.parents:
        return output, ""
    for folder in path.parents:
        if folder.name == ".cache":
            return folder, f", hoặc xóa thư mục {folder} (xóa lúc nào cũng được)"
    return path.parent, ""


def _stage(
    artifact: Artifact | Kept, folder: _Channel, sources: dict[tuple[str, str], Claimant]
) -> None:
    """Find the artifact unchanged in the live folder, or put its bytes in the staging folder."""
    rel = claim(artifact, sources)
    ledger = folder.ledger
    if (
        isinstance(artifact, Kept)
        and ledger is not None
        and os.fspath(artifact.origin) == os.path.join(folder.live_text, rel)
    ):
        # The renderer checked it against the ledger, or read it when the ledger could not tell.
        folder.kept[rel] = artifact.verified or ledger.entries.get(rel)
        return
    old = folder.live / rel
    if isinstance(artifact, Kept):
        # A file kept elsewhere (a variant in .cache/images/): its digest was taken from its
        # bytes in this build; it is linked into place, not read and copied.
        data = None
        digest = artifact.digest
        origin = artifact.origin
        size = os.stat(origin).st_size
    else:
        data, origin = artifact.data, ""
        digest = artifact.digest  # taken once: where it was made, when it was needed there
        size = len(data)
    try:
        st = os.stat(old, follow_symlinks=False)
    except OSError:
        st = None
    if st is not None and stat.S_ISREG(st.st_mode) and st.st_size == size:
        recorded = ledger.digest_if_unchanged(rel, st) if ledger is not None else None
        if recorded == digest or (
            recorded is None
            and (read_file(old) == data if data is not None else file_sha256(old) == digest)
        ):
            folder.kept[rel] = (st.st_size, st.st_mtime_ns, st.st_ino, digest)
            return
    target = folder.staging / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if data is not None or not _linked(origin, target, folder.mode):
        with open(target, "wb") as handle:
            handle.write(artifact.data if data is None else data)
            handle.flush()
            # Taken here, not from the live folder once all are moved in: at 10,000 bulletins
            # 17,500 stats by path at the end of the build, one core working.
            made = os.fstat(handle.fileno())
        folder.written[rel] = (made.st_size, made.st_mtime_ns, made.st_ino, digest)
    folder.fresh[rel] = digest
    folder.created += st is None


def _linked(origin: str | os.PathLike[str], target: Path, mode: int) -> bool:
    """Hard-link `origin` at `target`, readable as a written file would be; False when the
    filesystem cannot (another device, no hard links), so the caller copies instead.

    The variants in .cache/images/ would otherwise be a second copy of output/web/anh/ on disk
    and in the CI cache that carries both (a photo per bulletin: ~400 MB at 10,000). Neither
    side is ever changed in place (both are replaced by rename), so sharing is safe.
    """
    try:
        if stat.S_IMODE(os.stat(origin).st_mode) != mode:
            os.chmod(origin, mode)  # cache files are made private (mkstemp); output is not
        os.link(origin, target)
    except OSError:
        return False
    return True


def _swap_all(folders: dict[str, _Channel], moves: _Moves) -> dict[str, int]:
    """Move every channel's staged files in and its withdrawn files out, all or none: the
    number of files removed from each channel. Whatever stops it (a full disk, Ctrl+C) first
    puts back what was moved."""
    try:
        removed = {}
        for channel, folder in folders.items():
            removed[channel] = _swap(channel, folder, moves)
    except BaseException as exc:
        stuck = moves.undo()
        if stuck:
            moves.keep()
        else:
            moves.unmark()
        if not isinstance(exc, OSError):
            raise
        failed = exc
    else:
        moves.settle(folders)
        return removed
    if stuck:
        first = stuck[0]
        more = f" và {len(stuck) - 1} chỗ khác" if len(stuck) > 1 else ""
        aside = (
            f" Các tệp cũ chưa trả lại được vẫn nằm trong {moves.aside} (lần dựng sau tự xóa "
            "thư mục này)."
            if moves.aside is not None
            else ""
        )
        raise PublishError(
            f"không ghi xong đầu ra ({os_reason(failed)}: {failed.filename}), và không trả "
            f"lại được đầu ra cũ ({os_reason(first)}: {first.filename}{more}): một phần tệp đã "
            f"được thay.{aside} Sửa lỗi ổ đĩa rồi chạy lại lệnh dựng để hoàn tất."
        ) from None
    raise PublishError(_not_written(failed, moves.output)) from None


class _Moves:
    """The moves of one write, kept so that they can be undone until every channel is done:
    files put in place, the folders made for them, and the files and folders they replaced or
    that were withdrawn, set aside in a folder beside the staging ones."""

    def __init__(
        self, output: Path, retired: Callable[[Path, str], object] | None, earlier: Sequence[Path]
    ) -> None:
        """The moves of a write into `output` (`retired`: see write); `earlier`: the markers of
        writes that ended before it, which it leaves until it settles."""
        self.output = output
        self._earlier = earlier
        self.aside: Path | None = None
        self._marker: Path | None = None
        self._marked: set[str] = set()
        """The channels named in the marker: those this write has moved files into."""
        self._retired = retired
        self._kept = False
        self._steps: list[tuple[str, str | None]] = []
        """(where a file or folder is now, where it was; None for a folder made)."""

    def _begin(self, channel: str) -> None:
        """Before the first move into the folder of `channel`, mark the output as being changed: the marker left by a process
        killed before the last move (or by a move that could not be undone) tells the next
        command the output may be mixed (interrupted). Only then: a write with nothing to move
        makes no folder, and the marker is gone once the moves are done or undone, while the
        set-aside folder may outlive them (a file in it held open on Windows)."""
        if self._marker is None:
            self._marker = _work_folder(MOVING, self.output)
        if channel not in self._marked:
            # Named before its first move: a later write of this channel alone makes it whole.
            (self._marker / f"{channel}{_NAMED}").touch()
            self._marked.add(channel)

    def set_aside(self, channel: str, path: Path) -> None:
        """Move a live file or folder of `channel` out of the way."""
        self._begin(channel)
        if self.aside is None:
            self.aside = _work_folder(".retired-", self.output)
        held = os.path.join(self.aside, str(len(self._steps)))
        os.replace(path, held)
        self._steps.append((held, os.fspath(path)))
        if self._retired is not None and not os.path.isdir(held):
            self._retired(path, held)

    def make_folders(self, channel: str, folder: Path) -> None:
        """Make `folder`, in the folder of `channel`, and the folders above it that are missing."""
        missing = []
        while not os.path.isdir(folder):
            missing.append(folder)
            folder = folder.parent
        for made in reversed(missing):
            self._begin(channel)
            os.mkdir(made)
            self._steps.append((os.fspath(made), None))

    def put(self, channel: str, staged: Path, target: Path) -> None:
        """Move a staged file (or a whole staging folder) of `channel` to its place, where nothing
        is."""
        self._begin(channel)
        os.replace(staged, target)
        self._steps.append((os.fspath(target), os.fspath(staged)))

    def undo(self) -> list[OSError]:
        """Put everything back as it was, the last move first, going on past a move that fails
        (each file put back is one less lost); the errors of those that failed."""
        errors: list[OSError] = []
        for now, was in reversed(self._steps):
            try:
                if was is None:
                    os.rmdir(now)
                else:
                    os.makedirs(os.path.dirname(was), exist_ok=True)  # emptied folders were pruned
                    os.replace(now, was)
            except OSError as exc:
                errors.append(exc)
        self._steps.clear()
        return errors

    def unmark(self) -> None:
        """Every move was undone: the output is as it was before this write."""
        if self._marker is not None:
            _drop(self._marker)
            self._marker = None

    def settle(self, channels: Iterable[str]) -> None:
        """Every move into the folders of `channels` is done: they are whole, even where an
        earlier write left them mixed (killed, or an old file it could not put back). Its
        marker goes once no channel it named is left (`build --channel web` after a full
        build killed mid-move leaves radio/ mixed); one naming none goes with any write, as
        before channels were named in markers."""
        if self._marker is not None:
            _drop(self._marker)
            self._marker = None
        for marker in self._earlier:
            for channel in channels:
                with contextlib.suppress(OSError):  # not named: no move of it went there
                    os.unlink(marker / f"{channel}{_NAMED}")
            if not _named(marker):
                _drop(marker)

    def keep(self) -> None:
        """Keep what was set aside, and the marker: some of it could not be put back, and is
        the only copy; the output is partly this write's."""
        self._kept = True

    def close(self) -> None:
        """Delete what was set aside (the live folders no longer need it), unless kept."""
        if self.aside is not None and not self._kept:
            _drop(self.aside)


def _named(marker: Path) -> set[str]:
    """The channels an earlier write's marker still names, which it may have left mixed. A
    name no channel of the tool has (another version's) is none: no write would ever clear
    it, so any write drops such a marker, as one naming none."""
    try:
        with os.scandir(marker) as entries:
            names = {entry.name[: -len(_NAMED)] for entry in entries if entry.name.endswith(_NAMED)}
    except OSError:
        return set()  # gone, or unreadable: as a marker naming none
    return names.intersection(CHANNELS)


def _swap(channel: str, folder: _Channel, moves: _Moves) -> int:
    """Move the staged files of `channel` in and its withdrawn ones out; the number removed."""
    live = folder.live
    if not live.is_dir():
        folder.staging.chmod(0o755)
        moves.put(channel, folder.staging, live)
        return 0
    wanted = folder.kept.keys() | folder.fresh.keys()
    withdrawn = [rel for rel in file_names(live) if rel not in wanted]
    if withdrawn and folder.ledger is not None and folder.ledger.found:
        withdrawn, folder.foreign = _written_before(withdrawn, folder.ledger.entries, wanted)
    if not folder.fresh and not withdrawn:
        return 0
    if folder.ledger is not None:
        folder.ledger.forget()  # a crash from here on must not leave a ledger that trusts stats
    for rel in withdrawn:
        moves.set_aside(channel, live / rel)
    _prune(live, withdrawn)
    for rel in sorted(folder.fresh):
        target = live / rel
        if os.path.lexists(target):
            moves.set_aside(channel, target)  # the old file, or a folder of withdrawn files
        moves.make_folders(channel, target.parent)
        moves.put(channel, folder.staging / rel, target)
    return len(withdrawn)


def _written_before(
    unwanted: list[str], recorded: Container[str], wanted: Collection[str]
) -> tuple[list[str], list[str]]:
    """Split the files this write does not make into those an earlier write left (recorded in
    the ledger: removed) and those someone else put there (kept, unless one stands where this
    write puts a file or a folder of its files: the place is the website's own)."""
    withdrawn = [rel for rel in unwanted if rel in recorded]
    if len(withdrawn) == len(unwanted):
        return withdrawn, []
    folders = {parent for rel in wanted for parent in _parents(rel)}
    foreign = []
    for rel in unwanted:
        if rel in recorded:
            continue
        if rel in folders or any(parent in wanted for parent in _parents(rel)):
            withdrawn.append(rel)
        else:
            foreign.append(rel)
    return withdrawn, sorted(foreign)


def _parents(rel: str) -> Iterator[str]:
    """The folders `rel` is in, as POSIX relative paths: "a/b/c" → "a/b", "a"."""
    while "/" in rel:
        rel = rel.rpartition("/")[0]
        yield rel


def _prune(live: Path, withdrawn: Sequence[str]) -> None:
    """Remove the folders that removing `withdrawn` left empty (never the channel folder)."""
    parents = {PurePosixPath(rel).parent for rel in withdrawn}
    candidates = {p for parent in parents for p in (parent, *parent.parents) if p.parts}
    for rel in sorted(candidates, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):  # not empty
            (live / rel).rmdir()


def adopt(cache: Path, output: Path, channel: str, files: Iterable[Path]) -> None:
    """Record in the ledger of output/<channel>/ files a build put there itself, beside the
    writer (draft audio), so that the next write removes them once no longer made."""
    ledger = Ledger(cache, output, channel)
    if not ledger.found:
        return  # without a ledger, every file there is taken for the tool's
    live = (output / channel).resolve()
    entries = dict(ledger.entries)
    for path in files:
        digest = file_sha256(path)
        entry = stat_entry(path, digest) if digest is not None else None
        if entry is not None:
            entries[path.resolve().relative_to(live).as_posix()] = entry
    ledger.save(entries)


def _record(folder: _Channel) -> None:
    """Save the ledger of what the live folder now holds."""
    ledger = folder.ledger
    if ledger is None:
        return
    entries: dict[str, Entry] = {}
    for rel, entry in folder.kept.items():
        if entry is None:
            return  # a kept file without an entry: save nothing rather than guess
        entries[rel] = entry
    written = folder.written
    for rel, digest in folder.fresh.items():
        found = written.get(rel) or stat_entry(folder.live / rel, digest)
        if found is None:
            return
        entries[rel] = found
    _settle(folder.live, entries)
    if entries != ledger.entries:
        ledger.save(entries)


def _settle(live: Path, entries: dict[str, Entry]) -> None:
    """Drop entries a same-tick change could hide from their stat (git's "racy" files).

    A file changed again within the filesystem's timestamp tick after it was written keeps the
    recorded mtime; once the tick has passed, its bytes are checked once more, and any later
    change shows in its mtime.
    """
    now = time.time_ns()
    recent = [rel for rel, e in entries.items() if e[1] >= now - TICK_NS]
    if not recent:
        return
    # Only what is left of the tick since the newest of them was written: the whole tick from
    # now waited again the part writing and recording took (a few ms of each build's 20).
    left = max(entries[rel][1] for rel in recent) + TICK_NS - now
    time.sleep(min(max(0, left), TICK_NS) / 1e9)
    for rel in recent:
        entry = entries[rel]
        data = read_file(live / rel)
        fresh = stat_entry(live / rel, entry[3])
        if data is None or fresh != entry or hashlib.sha256(data).hexdigest() != entry[3]:
            del entries[rel]
