"""Where `publish build --output` and `publish sync --output` may write, and over what.

A build makes THƯ_MỤC/web, THƯ_MỤC/zalo and THƯ_MỤC/radio hold exactly what it made: pointed at
a folder of the project (content/, state/…), the user's home or a folder of the user's own
files, it wrote among bulletins and records, or deleted files it had never written. Both
commands refuse such a folder before building. A relative --output is taken from the project
folder (--root), like every other path the tool takes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path

from publish import output_stamp
from publish.config import CHANNELS
from publish.errors import PublishError
from publish.ledger import ledger_file
from publish.preview import holds, preview_output, same_folder
from publish.writer import is_work_folder

__all__ = ["kept_lines", "refuse_unknown_files", "refuse_unsafe"]

PROTECTED = {
    "content": "nơi chứa bản tin",
    "state": "hồ sơ những gì đã đăng, được commit vào kho",
    "templates": "giao diện website",
    ".git": "kho git của dự án",
    ".cache": "bộ nhớ đệm của công cụ",
}
"""The project's folders a build must never write into, with what each holds."""

NAMED = 3
"""How many of a folder's files a refusal names."""


def refuse_unsafe(
    root: Path, given: str, channels: Sequence[str], *, allowed: Path | None = None
) -> None:
    """Refuse an --output `given` (from `root` unless absolute) that is a filesystem root, the
    user's home, the project or a folder holding one of them, or whose channel folders would
    be inside one of the project's own folders, however reached (a link, a name differing in
    case only). `allowed`: the one folder of .cache/ the command builds into itself."""
    folder = root / given
    why = _why_unsafe(root, folder, channels, allowed)
    if why:
        raise PublishError(
            f"--output {given}: {why}. Chưa ghi gì. Cách sửa: chọn một thư mục trống hoặc "
            "chưa có, riêng cho đầu ra (ví dụ một thư mục mới ngoài dự án, hay output-thu "
            f"trong dự án); đường dẫn tương đối được tính từ thư mục dự án ({root})."
        )


def _why_unsafe(
    root: Path, folder: Path, channels: Sequence[str], allowed: Path | None
) -> str | None:
    """Why a build into `folder` would write where it must not, or None."""
    target = folder.resolve()
    if target.parent == target:
        return f"đây là thư mục gốc của ổ đĩa ({target})"
    if (home := _home()) is not None and holds(target, home):
        if same_folder(target, home):
            return f"đây là thư mục nhà của người dùng ({home})"
        return f"thư mục này chứa thư mục nhà của người dùng ({home})"
    project = root.resolve()
    if holds(target, project):
        if same_folder(target, project):
            return "đây là chính thư mục dự án"
        return f"thư mục này chứa thư mục dự án ({project})"
    if allowed is not None and same_folder(target, allowed.resolve()):
        return None
    places = {f"{name}/": project / name for name in PROTECTED}
    if not same_folder(target, project / "output"):
        places.update({f"output/{c}/": project / "output" / c for c in CHANNELS})
    for written in (folder, *(folder / c for c in channels)):
        resolved = written.resolve()
        for shown, place in places.items():
            if holds(place, resolved):
                what = PROTECTED.get(shown[:-1], "đầu ra mặc định của lệnh dựng")
                return f"{_named(written, folder)} nằm trong {shown} của dự án ({what})"
    return None


def _named(written: Path, folder: Path) -> str:
    """The written folder as a refusal names it: "thư mục này", or its channel folder."""
    return "thư mục này" if written == folder else f"thư mục {written.name}/ trong đó"


def _home() -> Path | None:
    """The user's home folder, or None when it is not known."""
    try:
        return Path.home().resolve()
    except (OSError, RuntimeError, KeyError):
        return None


def refuse_unknown_files(root: Path, given: str, channels: Sequence[str]) -> None:
    """Refuse to build into --output `given` when it holds files no earlier write into it
    recorded (in .cache/): the build would delete or overwrite them. The project's output/ and
    the drafts preview's folder are the tool's own, and are never refused."""
    folder = root / given
    if any(same_folder(folder.resolve(), own.resolve()) for own in _own_folders(root)):
        return
    found = _unrecorded(root / ".cache", folder, channels)
    if not found:
        return
    shown = ", ".join(found[:NAMED]) + (" và các tệp khác" if len(found) > NAMED else "")
    parts = "/, ".join(channels)
    raise PublishError(
        f"--output {given}: thư mục này đã có tệp không do publish ghi ra ({shown}). Mỗi "
        f"lần dựng làm cho {parts}/ trong thư mục đầu ra chỉ còn đúng những tệp nó dựng (tệp khác "
        "bị xóa), nên chỉ dựng vào một thư mục trống, chưa có, hay do chính nó đã dựng vào. "
        "Chưa ghi gì. Cách sửa: chọn một thư mục trống hoặc chưa có; hoặc, nếu không cần các "
        "tệp đó (kể cả khi đó là bản dựng cũ của dự án này mà thư mục .cache/ đã bị xóa), tự "
        "xóa hết những gì trong thư mục đó rồi chạy lại."
    )


def _own_folders(root: Path) -> tuple[Path, ...]:
    """The output folders the tool owns: nothing but its builds is ever put there."""
    return (root / "output", preview_output(root))


def _unrecorded(cache: Path, folder: Path, channels: Sequence[str]) -> list[str]:
    """The first files (NAMED + 1) in `folder` no write recorded, by POSIX path from it: any
    there when no write into it is recorded at all, else those in the channel folders about to
    be written whose own record is missing."""
    recorded = {c for c in CHANNELS if _recorded(cache, folder, c)}
    unknown = [c for c in channels if c not in recorded] if recorded else None
    return list(islice(_files(folder, unknown), NAMED + 1))


def _recorded(cache: Path, folder: Path, channel: str) -> bool:
    """Whether a write into `folder`/<channel> left its ledger or its mark in `cache`."""
    if ledger_file(cache, folder, channel).is_file():
        return True
    return output_stamp.read(cache, folder, channel) is not None


def _files(folder: Path, only: Sequence[str] | None) -> Iterator[str]:
    """Every file under `folder` (a link too, as the writer sees it), or under its subfolders
    `only`, by POSIX path from `folder`, in name order."""
    if only is not None:
        for name in sorted(only):
            yield from _below(folder / name, f"{name}/")
        return
    for name in _names(folder):
        if not (folder / name).is_dir():
            yield name
        elif not is_work_folder(name):
            yield from _below(folder / name, f"{name}/")


def _below(folder: Path, prefix: str) -> Iterator[str]:
    """Every file under `folder` (itself followed when a link, nothing inside it), `prefix`ed."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _below(Path(entry.path), f"{prefix}{entry.name}/")
        else:
            yield prefix + entry.name


def _names(folder: Path) -> list[str]:
    """The names in `folder`, sorted; none when it is missing or cannot be listed."""
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


def kept_lines(foreign: Mapping[str, Sequence[str]], shown: Callable[[str], str]) -> list[str]:
    """A warning for each channel folder (`shown`: as the editor names it) where a write left
    files it did not write (see WriteReport.foreign)."""
    lines = []
    for channel, files in foreign.items():
        named = ", ".join(files[:NAMED]) + (
            f" và {len(files) - NAMED} tệp khác" if len(files) > NAMED else ""
        )
        deployed = " (vẫn được triển khai cùng website)" if channel == "web" else ""
        lines.append(
            f"Cảnh báo: {shown(channel)}/ có {len(files)} tệp không do publish ghi ra: {named}. "
            f"Lệnh dựng để nguyên chúng{deployed}, không xóa; khi còn chúng, mỗi lần dựng đều "
            "dựng lại thật thay vì dùng lại lần trước. Không cần thì tự xóa chúng."
        )
    return lines
