"""Files an editor's programs leave beside the bulletins: swap, backup, lock and thumbnail files
to pass over, and a bulletin saved under a name the tool does not read.

Notepad adds «.txt» to a name it is given without "All files"; Windows Explorer hides it, so the
editor sees «bai.md». TextEdit saves rich text as «.rtf». Word keeps «~$bai.md» beside a file it
has open, vim «.bai.md.swp», many editors «bai.md~». The loader, the preview's watcher and the
theme's asset copy share these rules, so what one ignores the others do too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

__all__ = [
    "Misnamed",
    "is_clutter",
    "is_editor_temp",
    "misnamed_bulletin",
    "misnamed_markdown",
    "not_a_bulletin",
    "renamed_bulletin",
]

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


class Misnamed(NamedTuple):
    """Why a file looks like a bulletin that will not be read, the name it should have, and how
    to give it that name."""

    message: str
    name: str
    hint: str


def misnamed_markdown(name: str) -> Misnamed | None:
    """Why a file looks like a bulletin that will not be read, and how to rename it; None for
    any other name (a real «.md» file included)."""
    lower = name.lower()
    if name.endswith(".md") or is_clutter(name):
        return None
    if lower.endswith(".md"):
        fixed = name[:-3] + ".md"
        return Misnamed(
            f"tệp không được đọc: đuôi «{name[-3:]}» phải viết thường «.md» (máy Linux của CI "
            "phân biệt chữ hoa, chữ thường)",
            fixed,
            f"Đổi tên tệp thành {fixed}.",
        )
    if lower.endswith(".md.txt"):
        return Misnamed(
            "tệp không được đọc: tên kết thúc bằng .txt (Notepad tự thêm khi lưu, và Windows "
            "ẩn phần đuôi nên tệp trông như «.md»)",
            name[:-4],
            f"Đổi tên tệp thành {name[:-4]}. Lần sau, trong hộp Save As của Notepad chọn "
            "Save as type: All files (*.*).",
        )
    if lower.endswith(".rtf"):
        stem = name[:-4].removesuffix(".md").removesuffix(".MD")
        return Misnamed(
            "tệp không được đọc: tệp được lưu dạng văn bản định dạng RTF (TextEdit, WordPad), "
            "không phải Markdown",
            f"{stem}.md",
            "Mở tệp bằng TextEdit, chọn Định dạng › Chuyển thành văn bản thường (Format › Make "
            f"Plain Text), rồi lưu với tên {stem}.md, mã hóa UTF-8.",
        )
    for suffix in OTHER_MARKDOWN:
        if lower.endswith(suffix):
            fixed = f"{name[: -len(suffix)]}.md"
            return Misnamed(
                f"tệp không được đọc: công cụ chỉ đọc bản tin có đuôi .md, không đọc {suffix}",
                fixed,
                f"Đổi tên tệp thành {fixed}.",
            )
    return None


DOCUMENTS = {
    ".docx": "tài liệu Word (.docx)",
    ".doc": "tài liệu Word (.doc)",
    ".odt": "tài liệu LibreOffice (.odt)",
    ".pdf": "tệp PDF",
    ".txt": "tệp văn bản .txt",
}
"""Documents an editor drops into content/ for a bulletin: the tool reads none of them."""
HOW_TO_MAKE_ONE = (
    'Tạo bản tin bằng lệnh publish new "Tiêu đề" --category <khóa chuyên mục>, mở tệp .md vừa '
    "tạo bằng Notepad (hay VS Code), dán chữ chép từ tệp này vào dưới dòng --- thứ hai rồi lưu; "
    "ảnh thì lưu riêng vào content/images/ và chèn bằng ![mô tả ảnh](images/ten-anh.jpg). Rồi "
    "chuyển tệp này ra khỏi thư mục content/ (README, mục «Biên tập viên viết một bản tin»)."
)


def _how_to_make_a_page(name: str) -> str:
    """How to make the page `name` from a document dropped among the pages."""
    return (
        f"Tạo tệp {name} bên cạnh tệp này bằng Notepad (hay VS Code), mở đầu bằng phần đầu "
        'như các trang khác (dòng ---, title: "Tiêu đề trang", slug: dia-chi-trang, dòng ---), '
        "dán chữ chép từ tệp này vào dưới dòng --- thứ hai rồi lưu với mã hóa UTF-8; ảnh thì lưu "
        "riêng vào content/images/ và chèn bằng ![mô tả ảnh](images/ten-anh.jpg). Rồi chuyển tệp "
        "này ra khỏi thư mục content/ (README, mục «Phần đầu (front matter)», đoạn «Trang tĩnh»)."
    )


def not_a_bulletin(name: str, *, page: bool = False) -> Misnamed | None:
    """Why a document dropped among the bulletins (Word, LibreOffice, PDF, plain text) is not
    read, the bulletin to make of it and how (among the pages, with `page`: the page); None for
    any other name («bai.md.txt» is misnamed_markdown's)."""
    lower = name.lower()
    if is_clutter(name) or lower.endswith(".md.txt"):
        return None
    suffix = next((s for s in DOCUMENTS if lower.endswith(s)), None)
    if suffix is None:
        return None
    kind = "trang" if page else "bản tin"
    fixed = f"{name[: -len(suffix)]}.md"
    return Misnamed(
        f"{DOCUMENTS[suffix]} không phải {kind}: công cụ chỉ đọc {kind} viết trong tệp .md, "
        "nên tệp này không được đăng ở đâu cả",
        fixed,
        _how_to_make_a_page(fixed) if page else HOW_TO_MAKE_ONE,
    )


TXT_FRONT_MATTER = re.compile(rb"^(?:\xef\xbb\xbf)?---[ \t]*\r?\n")
"""A .txt that opens as a bulletin does: a bulletin Notepad saved as «bai.txt»."""


def renamed_bulletin(name: str, head: bytes, *, page: bool = False) -> Misnamed | None:
    """A «bai.txt» whose text (`head`: its first bytes) opens with a front matter is a bulletin
    (with `page`: a page) to rename, not a document to copy from."""
    if not name.lower().endswith(".txt") or not TXT_FRONT_MATTER.match(head):
        return None
    fixed = name[:-4] + ".md"
    return Misnamed(
        f"tệp không được đọc: {'trang' if page else 'bản tin'} lưu với đuôi .txt (Notepad tự "
        "đặt khi lưu), công cụ chỉ đọc tệp .md",
        fixed,
        f"Đổi tên tệp thành {fixed}. Lần sau, trong hộp Save As của Notepad chọn Save as type: "
        "All files (*.*) và gõ tên có đuôi .md.",
    )


RTF_FRONT_MATTER = re.compile(
    rb"(?:^|[\s}])---[ \t]*(?:\\\r?\n|\\par\b|\\line\b|\r?\n)"
    rb"(?:\s|\\[a-z]+-?\d* ?|[{}])*(?:title|date|category|slug|summary)[ \t]*:",
    re.I,
)
"""A `---` line followed by a bulletin's field, as TextEdit (a backslash ending each line) or
WordPad (\\par) write them into rich text."""


def misnamed_bulletin(name: str, head: Callable[[], bytes]) -> bool:
    """Whether a file `misnamed_markdown` names is a bulletin: any such name is, but an .rtf
    (a letter, a form) only when it is «….md.rtf» or its text opens with a front matter
    (`head`: the file's first bytes)."""
    lower = name.lower()
    if not lower.endswith(".rtf") or lower.endswith(".md.rtf"):
        return True
    return RTF_FRONT_MATTER.search(head()) is not None
