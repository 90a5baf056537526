"""What a checkout must not hold for the tool to trust the files it keeps for itself there.

`.cache/` holds pickles (loading one can run code) and `output/` is where every build writes.
Both are git-ignored and made by the tool; a commit that adds them anyway (`git add -f`, or a
symbolic link in their place) is not a content change a reviewer sees as one: a pickle shows as
"binary file", a link as one line. So a cache file tracked by git is never read, and neither
folder may be a symbolic link (it would make the build write outside the project).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from publish.errors import PublishError

__all__ = ["refuse_untrusted"]

CACHE = ".cache"
OUTPUT = "output"


def refuse_untrusted(root: Path, *, default_output: bool) -> None:
    """Raise PublishError when `root` holds a committed cache or a linked cache/output folder
    (`default_output`: the command writes to root/output, not to a folder it was given)."""
    for name in (CACHE, *((OUTPUT,) if default_output else ())):
        if (root / name).is_symlink():
            raise PublishError(
                f"{name}/ trong dự án là một liên kết tượng trưng (tới "
                f"{(root / name).readlink()}): công cụ không ghi qua liên kết, vì nó dẫn ra "
                f"ngoài dự án. Cách sửa: xóa liên kết ({name} sẽ được tạo lại như thư mục "
                "thường)"
                + ("; muốn ghi đầu ra ở chỗ khác thì dùng --output." if name == OUTPUT else ".")
            )
    tracked = _tracked(root, CACHE)
    if tracked:
        shown = ", ".join(tracked[:3]) + (" …" if len(tracked) > 3 else "")
        raise PublishError(
            f"{CACHE}/ có tệp được commit vào git ({shown}): công cụ không đọc cache lấy từ kho "
            "(tệp cache có thể chạy mã khi được đọc). Cách sửa: git rm -r --cached .cache, "
            "commit, và xem lại ai đã thêm các tệp đó."
        )


def _tracked(root: Path, folder: str) -> list[str]:
    """Files under `folder` that git tracks in the repository at `root` (none without git)."""
    if not (root / ".git").exists() or not (root / folder).exists():
        return []
    git = shutil.which("git")
    if git is None:
        return []
    try:
        done = subprocess.run(
            [git, "-C", str(root), "ls-files", "-z", "--", folder],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return [p for p in done.stdout.decode("utf-8", "replace").split("\0") if p]
