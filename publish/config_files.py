"""The files site.toml names ([site] default_cover, [radio] abbreviations) and the problem told
when one is not there: told by the build that uses it, and by the config check beside the
schema's errors, so that the IT officer fixes site.toml in one pass."""

from __future__ import annotations

import os
import re
from pathlib import Path

from publish.errors import Problem

__all__ = ["DEFAULT_COVER", "missing_abbreviations", "missing_cover", "written_fix"]

DEFAULT_COVER = "[site] default_cover"
"""How a problem of site.toml's default cover names its key."""

_CONTENT_PREFIX_RE = re.compile(r"^(?:\./)?/?content/")


def written_fix(ref: str) -> str:
    """`ref` as a bulletin or site.toml should write it when the editor wrote a Windows path
    or started it at the project ("content\\images\\a.jpg" → "images/a.jpg")."""
    return _CONTENT_PREFIX_RE.sub("", ref.replace("\\", "/"))


def missing_cover(root: Path, default: str) -> Problem | None:
    """The problem reported when [site] default_cover names no file of content/ (or one
    outside it, through «..» or a link)."""
    # A Windows path ("images\\bia.jpg") is found on the editor's computer only, not on the
    # website's server: refused everywhere.
    if not default:
        return None
    if "\\" not in default and (root / "content" / default).is_file():
        return None if _inside_content(root, default) else _outside(default)
    fixed = written_fix(default)
    if fixed != default and (root / "content" / fixed).is_file():
        return Problem(
            "site.toml",
            f"đường dẫn ảnh bìa mặc định «{default}» viết sai cách",
            field=DEFAULT_COVER,
            hint=f'Ghi default_cover = "{fixed}": đường dẫn tính từ thư mục content/ (không ghi '
            "«content/» ở đầu), viết bằng dấu / (không phải dấu \\ của Windows).",
        )
    return Problem(
        "site.toml",
        f"không tìm thấy ảnh bìa mặc định content/{default}",
        field=DEFAULT_COVER,
        hint="Đặt ảnh vào content/images/ và ghi đường dẫn tính từ content/, ví dụ images/anh-bia.jpg.",
    )


def _inside_content(root: Path, name: str) -> bool:
    """Whether content/<name>, links followed, is a file of content/."""
    content = os.path.realpath(root / "content")
    return os.path.realpath(root / "content" / name).startswith(os.path.join(content, ""))


def _outside(default: str) -> Problem:
    """The problem of a default cover leading out of content/ (by «..», from the root, or a
    link): the website would publish a picture from anywhere on the computer."""
    return Problem(
        "site.toml",
        f"ảnh bìa mặc định «{default}» nằm ngoài thư mục content/",
        field=DEFAULT_COVER,
        hint="Chép ảnh vào content/images/ (chép tệp, không tạo liên kết) và ghi đường dẫn tính "
        "từ content/, ví dụ images/anh-bia.jpg.",
    )


def missing_abbreviations(root: Path, name: str) -> Problem | None:
    """The problem reported when [radio] abbreviations names no file in the project."""
    if not name or (root / name).is_file():
        return None
    return Problem(
        "site.toml",
        f"không tìm thấy tệp từ điển viết tắt {name}",
        field="[radio] abbreviations",
        hint="Đường dẫn tính từ thư mục dự án; tệp TSV: viết tắt<TAB>cách đọc.",
    )
