"""Names under content/ whose bytes are not UTF-8.

An archive made on a Windows set to Vietnamese names its files in the old code page («tén» as
the bytes 74 E9 6E); unzipped on Linux or in CI, such a name is no text. Python keeps each byte
that is not UTF-8 as a lone surrogate, which no message, cache key, page or JSON can be written
with: the loader tells each such name as an error, with a name to give it, and reads nothing of
that file or folder.
"""

from __future__ import annotations

from collections.abc import Sequence

from publish.errors import ESCAPED_BYTE, Problem, shown_name
from publish.text import quoted, slug_file_name

__all__ = ["is_misencoded", "problem", "told"]

RENAME_RULE = "chỉ dùng chữ thường không dấu (a-z), số (0-9) và dấu gạch ngang"
"""What a new name may hold: what a slug holds (see fields.slug), so the file's name is its
address too."""
LEGACY_CODE_PAGE = "cp1258"
"""Vietnamese Windows' code page: the bytes read so give the example name its letters."""


def is_misencoded(name: str) -> bool:
    """Whether a name read from the disk holds a byte that is not UTF-8."""
    return not name.isascii() and ESCAPED_BYTE.search(name) is not None


def problem(shown: str, *, folder: bool) -> Problem:
    """The error for the file (or `folder`) at `shown`, a path from the project root whose last
    part is misencoded."""
    parts = shown.split("/")
    found = told(parts, folder=folder)
    assert found is not None, shown  # only misencoded names are told
    message, hint = found
    return Problem(shown_name(shown), message, hint=hint)


def told(parts: Sequence[str], *, folder: bool = False) -> tuple[str, str] | None:
    """The message and hint for the path of `parts` when one of them is misencoded (the first
    such tells), else None. `folder`: whether the last part names a folder."""
    for index, part in enumerate(parts):
        if is_misencoded(part):
            return _told(
                part, folder=folder or index < len(parts) - 1, last=index == len(parts) - 1
            )
    return None


def _told(name: str, *, folder: bool, last: bool) -> tuple[str, str]:
    """The message and hint for misencoded `name`: a folder's, or a file's (`last`: the path
    ends with it; else a file in that folder is refused)."""
    codes = " ".join(
        sorted({f"\\x{ord(char) - 0xDC00:02x}" for char in ESCAPED_BYTE.findall(name)})
    )
    kind = "thư mục" if folder else "tệp"
    what = f"tên {kind}" if last else f"tên thư mục {quoted(shown_name(name))}"
    if folder and last:
        effect = "không đọc gì trong thư mục này"
    elif not last or name.endswith(".md"):
        effect = "không đọc tệp này"
    else:
        effect = "không bài nào dẫn tới được tệp này"
    message = (
        f"{what} có ký tự viết theo bảng mã cũ, không phải Unicode ({codes}; thường do giải nén "
        f"tệp .zip làm trên máy Windows): {effect}"
    )
    hint = (
        f"Đổi tên {kind}, {RENAME_RULE}, ví dụ {_example(name, folder=folder)}, rồi chạy lại lệnh."
    )
    if last and not folder and not name.endswith(".md"):
        hint += " Bài nào dẫn tới tệp này thì sửa theo tên mới."
    return message, hint


def _example(name: str, *, folder: bool) -> str:
    """A name to give `name`: its letters as the old code page wrote them, without accents."""
    decoded = ESCAPED_BYTE.sub(
        lambda byte: bytes([ord(byte[0]) - 0xDC00]).decode(LEGACY_CODE_PAGE, "replace"), name
    )
    return slug_file_name(decoded, folder=folder)
