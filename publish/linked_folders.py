"""Folders of content/ that are symbolic links and hold bulletins: refused, never skipped.

The loader does not enter a linked folder (it could lead anywhere, and loop). Skipping one in
silence cost a unit its bulletins: `content/bai-viet` moved to a shared drive and linked back
was read as empty, and the next `publish sync` withdrew every bulletin it held from Zalo and the
radio folder. A linked folder with no Markdown file in it (a folder of photos) stays allowed;
one that cannot be looked through to the end (too big, or a folder in it unreadable) is refused
as a link to nowhere is: not knowing must not withdraw bulletins either.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from publish.errors import Problem, os_reason
from publish.image_suffixes import IMAGE_SUFFIXES
from publish.model import PAGES_DIR

__all__ = ["FILE_SUFFIXES", "MAX_ENTRIES_LOOKED_AT", "may_be_folder", "problems"]

FILE_SUFFIXES = frozenset(
    {
        *IMAGE_SUFFIXES,
        *(".heic", ".heif", ".svg", ".ico"),
        *(".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".rtf"),
        *(".txt", ".csv", ".json", ".yaml", ".yml", ".toml", ".html", ".htm", ".zip", ".rar"),
        *(".mp3", ".m4a", ".wav", ".ogg", ".mp4", ".mov", ".webm", ".avi"),
        ".md",
    }
)
"""Endings of names that are files (pictures, documents, sound, video, Markdown): a link by such
a name to nothing is a missing file, told where it is used, not a folder on a drive not mounted."""

MAX_ENTRIES_LOOKED_AT = 10_000
"""Entries read under one linked folder looking for a Markdown file: a link to a huge tree (a
whole drive) is looked into this far only, so the check stays short whatever it points at;
past it the link is refused, since what lies beyond is not known."""


@dataclass(frozen=True)
class _CannotTell:
    """Why the look through a linked folder stopped before it could tell whether it holds a
    Markdown file."""

    reason: str


def problems(links: list[str], root: Path) -> list[Problem]:
    """An error for each linked folder (paths as the walk of content/ found them) that holds a
    Markdown file, or that cannot be looked through to tell (gone, an unmounted drive, a folder
    in it unreadable, or more entries than MAX_ENTRIES_LOOKED_AT)."""
    found = []
    for link in links:
        shown = _shown(link, root)
        target = _target(link)
        if not os.path.isdir(link):
            found.append(
                Problem(
                    shown,
                    f"thư mục là liên kết (symlink) tới «{target}», nơi không mở được (không còn, "
                    "hoặc ổ đĩa chưa được gắn): không biết trong đó có bản tin nào, nên không "
                    "dựng gì và không rút bài nào",
                    hint="Gắn lại ổ đĩa đó, hoặc thay liên kết bằng thư mục thật: xóa liên kết "
                    "rồi chép thư mục bản tin vào đúng chỗ này trong content/.",
                )
            )
            continue
        markdown = _first_markdown(link, root)
        if markdown is None:
            continue  # photos only: nothing to publish there
        if isinstance(markdown, _CannotTell):
            found.append(
                Problem(
                    shown,
                    f"thư mục là liên kết (symlink) tới «{target}», nơi không xem hết được "
                    f"({markdown.reason}): không biết trong đó có bản tin nào, nên không dựng gì "
                    "và không rút bài nào",
                    hint=f"Thay liên kết bằng thư mục thật: xóa liên kết {shown} rồi chép vào "
                    "đúng chỗ đó những gì cần dùng (bản tin, ảnh). Nếu chỉ cần ảnh, cho liên kết "
                    "trỏ vào một thư mục nhỏ chỉ chứa ảnh, và bảo đảm đọc được mọi thư mục trong đó.",
                )
            )
            continue
        held = _held(shown)
        found.append(
            Problem(
                shown,
                f"thư mục là liên kết (symlink) tới «{target}» và có {held[0]} "
                f"({_shown(markdown, root)}): publish không đọc {held[0]} qua liên kết, "
                f"{held[1]}; cần một thư mục thật trong content/",
                hint=f"Xóa liên kết {shown} rồi chép thư mục «{target}» vào đúng chỗ đó (một "
                "thư mục thật trong content/). Nếu liên kết trỏ vào chính content/ hay một thư "
                "mục trong đó thì chỉ cần xóa liên kết: các bản tin ấy được đọc ở chỗ thật của "
                "chúng. Thư mục chỉ có ảnh thì được để là liên kết.",
            )
        )
    return found


def may_be_folder(name: str) -> bool:
    """Whether a link by this name to nothing may be a folder (on a drive not mounted): any
    name but a known file's, a dot in it or not («tin-2024.12», «v1.0»)."""
    return os.path.splitext(name)[1].lower() not in FILE_SUFFIXES


def _first_markdown(folder: str, root: Path) -> str | _CannotTell | None:
    """The first file the walk of content/ would read as Markdown under `folder` (breadth
    first, never entering a further link, so a link pointing back above it cannot loop), None
    when it holds none, or why that cannot be told (too many entries, a folder unreadable)."""
    queue = deque([folder])
    looked_at = 0
    while queue:
        current = queue.popleft()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    looked_at += 1
                    if looked_at > MAX_ENTRIES_LOOKED_AT:
                        return _CannotTell(
                            f"hơn {MAX_ENTRIES_LOOKED_AT:,} mục".replace(",", ".")
                            + ", quá nhiều để xem hết"
                        )
                    name = entry.name
                    if name.startswith((".", "_")):
                        continue
                    if name.endswith(".md") and not name.startswith("~$"):
                        return entry.path
                    if entry.is_dir(follow_symlinks=False):
                        queue.append(entry.path)
        except OSError as error:
            return _CannotTell(
                f"không đọc được thư mục {_shown(current, root)}: {os_reason(error)}"
            )
    return None


def _held(shown: str) -> tuple[str, str]:
    """What a linked folder (as messages name it) holds and what not reading it costs: in
    content/pages, the website's pages, which no sync sends to Zalo or the radio."""
    if shown == f"content/{PAGES_DIR}" or shown.startswith(f"content/{PAGES_DIR}/"):
        return "trang", "nên các trang trong đó sẽ không có trên website"
    return (
        "bản tin",
        "nên các bản tin trong đó sẽ không được đăng, và `publish sync` sẽ rút chúng khỏi Zalo "
        "và thư mục đài",
    )


def _target(link: str) -> str:
    """Where a link points, as written in it."""
    try:
        return os.readlink(link)
    except OSError:
        return "?"


def _shown(path: str, root: Path) -> str:
    """A path as messages name files: from the project root, with forward slashes."""
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()
