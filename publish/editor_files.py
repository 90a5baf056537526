"""Files an editor's programs leave beside the bulletins: swap, backup, lock and thumbnail files
to pass over, and a bulletin saved under a name the tool does not read.

Notepad adds «.txt» to a name it is given without "All files"; Windows Explorer hides it, so the
editor sees «bai.md». TextEdit saves rich text as «.rtf». Word keeps «~$bai.md» beside a file it
has open, vim «.bai.md.swp», many editors «bai.md~». The loader, the preview's watcher and the
theme's asset copy share these rules, so what one ignores the others do too.
"""

from __future__ import annotations

__all__ = ["is_clutter", "is_editor_temp", "misnamed_markdown"]

TEMP_SUFFIXES = (
    "~",
    ".swp",
    ".swo",
    ".swx",
    ".swpx",
    ".tmp",
    ".temp",
    ".bak",
    ".part",
    ".crdownload",
    ".kate-swp",
    "___jb_tmp___",
    "___jb_old___",
)
SYSTEM_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"})
"""What Windows Explorer and the macOS Finder write into a folder they show (lower-cased)."""
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkd", ".mkdn")


def is_editor_temp(name: str) -> bool:
    """Whether a file name is an editor's swap, backup, lock or save-in-progress file."""
    return (
        name.startswith((".", "~$"))  # hidden: vim .x.swp, emacs .#x, gedit .goutputstream-*
        or (name.startswith("#") and name.endswith("#"))  # emacs auto-save
        or name.endswith(TEMP_SUFFIXES)
        or name == "4913"  # vim's "can I write here?" probe
    )


def is_clutter(name: str) -> bool:
    """Whether a file is an editor's temporary file or a folder view's thumbnail cache, which
    no website and no rebuild should take for a real file."""
    return is_editor_temp(name) or name.lower() in SYSTEM_FILES


def misnamed_markdown(name: str) -> tuple[str, str] | None:
    """Why a file looks like a bulletin that will not be read, and how to rename it; None for
    any other name (a real «.md» file included)."""
    lower = name.lower()
    if name.endswith(".md") or is_clutter(name):
        return None
    if lower.endswith(".md"):
        fixed = name[:-3] + ".md"
        return (
            f"tệp không được đọc: đuôi «{name[-3:]}» phải viết thường «.md» (máy Linux của CI "
            "phân biệt chữ hoa, chữ thường)",
            f"Đổi tên tệp thành {fixed}.",
        )
    if lower.endswith(".md.txt"):
        return (
            "tệp không được đọc: tên kết thúc bằng .txt (Notepad tự thêm khi lưu, và Windows "
            "ẩn phần đuôi nên tệp trông như «.md»)",
            f"Đổi tên tệp thành {name[:-4]}. Lần sau, trong hộp Save As của Notepad chọn "
            "Save as type: All files (*.*).",
        )
    if lower.endswith(".md.rtf") or lower.endswith(".rtf"):
        stem = name[:-4].removesuffix(".md").removesuffix(".MD")
        return (
            "tệp không được đọc: tệp được lưu dạng văn bản định dạng RTF (TextEdit, WordPad), "
            "không phải Markdown",
            "Mở tệp bằng TextEdit, chọn Định dạng › Chuyển thành văn bản thường (Format › Make "
            f"Plain Text), rồi lưu với tên {stem}.md, mã hóa UTF-8.",
        )
    for suffix in OTHER_MARKDOWN:
        if lower.endswith(suffix):
            return (
                f"tệp không được đọc: công cụ chỉ đọc bản tin có đuôi .md, không đọc {suffix}",
                f"Đổi tên tệp thành {name[: -len(suffix)]}.md.",
            )
    return None
