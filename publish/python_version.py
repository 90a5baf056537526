"""The oldest Python whose regular expressions give this tool's results.

Python 3.11.0-3.11.4 match a possessive quantifier on a group containing backtracking
(`(?:…)*+`, `(?:…)++`) wrongly (CPython gh-106052 and gh-100061, fixed in 3.11.5): with them the
tool builds, silently, a different site — phone numbers not linked, footnotes' back links kept,
tables named wrongly — and radio readings may differ. Debian 12's python3 is 3.11.2.
"""

from __future__ import annotations

import sys

__all__ = ["OLDEST", "too_old"]

OLDEST = (3, 11, 5)


def too_old(version: tuple[int, ...] = tuple(sys.version_info[:3])) -> str | None:
    """The Vietnamese message refusing a Python older than OLDEST, or None when it will do."""
    if version >= OLDEST:
        return None
    running = ".".join(str(part) for part in version)
    oldest = ".".join(str(part) for part in OLDEST)
    return (
        f"publish cần Python {oldest} trở lên; máy đang chạy Python {running}. Bản này khớp "
        "biểu thức chính quy sai (lỗi của Python, đã sửa ở 3.11.5), nên công cụ sẽ dựng trang và "
        "kịch bản phát thanh sai mà không báo. Chưa làm gì cả. Cách sửa: dùng Python 3.11.5 trở "
        "lên (Debian 13 và Ubuntu 24.04 có sẵn; trên Debian 12 cài bằng uv hay pyenv), rồi tạo "
        "lại môi trường ảo bằng Python ấy, ví dụ: `rm -rf .venv && python3.12 -m venv .venv && "
        ". .venv/bin/activate && pip install -e .`"
    )
