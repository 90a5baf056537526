"""Where a token file may be: never inside the project, whose state/ CI commits and whose
output/ it publishes, so a token kept there would end up in the git history or on the website."""

from __future__ import annotations

import os
from pathlib import Path

from publish.errors import PublishError

__all__ = ["refuse_inside_project"]


def refuse_inside_project(path: Path, root: Path, *, refresh_out: bool = False) -> None:
    """Raise, saying why and what to do, when token file `path` (`refresh_out`: the file
    `publish zalo-login --refresh-token-file` would write) lies inside project folder `root`."""
    real, project = Path(os.path.realpath(path)), Path(os.path.realpath(root))
    if not real.is_relative_to(project):
        return
    inner = real.relative_to(project).as_posix()
    why = (
        f"nằm trong thư mục dự án ({inner}): tệp ở đó dễ bị commit vào kho git (CI tự commit "
        "cả thư mục state/) hay đưa lên website (output/), làm lộ token."
    )
    if refresh_out:
        raise PublishError(
            f"--refresh-token-file: tệp {path} {why} Chưa lấy token nào. Cách sửa: ghi ra "
            "một tệp ngoài thư mục dự án, ví dụ `--refresh-token-file /tmp/rt` (Windows: "
            "`%TEMP%\\rt`), rồi chạy lại lệnh."
        )
    raise PublishError(
        f"Tệp token Zalo {path} {why} Lệnh không đọc hay ghi token ở đó và không gửi gì lên "
        "Zalo. Cách sửa: chuyển tệp (nếu đã có) ra ngoài thư mục dự án (ví dụ `mkdir -p -m 700 "
        f"~/.config/publish && mv {path} ~/.config/publish/`, hay /srv/publish/ trên máy chạy "
        "riêng) rồi đặt ZALO_TOKEN_FILE theo chỗ mới; xem "
        f"`git log --all --oneline -- {inner}`: nếu tệp đã từng được commit hay đẩy lên, coi "
        "token là đã lộ: quản trị viên OA cấp quyền lại bằng `publish zalo-login` (xem "
        "«Xoay vòng token và bí mật» trong README) rồi xóa tệp khỏi lịch sử git."
    )
