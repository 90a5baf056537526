"""`publish sync zalo --reconcile --zalo-forget KHÓA`: drop records of state/zalo.json that the
tool could not have written (and git holds no good copy of), for --reconcile to take each
bulletin's article back from the OA by its title and text.

Operators are not programmers: the way out of a garbled record is a command, never an edit of
the JSON by hand. The records are dropped in memory only; --reconcile writes the file once it
has matched the articles, so a reconcile that stops (an article it cannot tell) leaves the file
as it was, and a dry run changes nothing.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

from publish.errors import PublishError
from publish.sync.manifest import Manifest
from publish.sync.zalo_records import FORGET, forget_command, problems_of
from publish.sync.zalo_unrecorded import shell_argument

__all__ = ["forget_records", "forgotten_lines", "keep_forgetting"]


def forget_records(
    manifest: Manifest, names: Sequence[str], root: Path, *, reconcile: bool
) -> dict[str, str]:
    """Drop the records `names` designate (a key, or a bulletin file from the project root)
    from `manifest`, unsaved; why each was dropped, by key. Nothing is dropped on a refusal."""
    if not names:
        return {}
    if not reconcile:
        # Dropped without a reconcile, the record's bulletin would read as never posted.
        raise PublishError(
            f"{FORGET} chỉ dùng cùng --reconcile: bỏ bản ghi mà không đối chiếu với OA thì bản "
            "tin bị coi là chưa đăng. Không gửi gì lên Zalo, state/zalo.json để nguyên. Chạy "
            f"lại: {forget_command(names)}"
        )
    read = manifest.as_read()
    keys: list[str] = []
    for name in names:
        found = _designated(read, name, root)
        if not found:
            raise PublishError(
                f"{FORGET} {shell_argument(name)}: state/{manifest.path.name} không có bản ghi "
                "nào có khóa hay tệp này. Không gửi gì lên Zalo, tệp để nguyên. Ghi khóa đúng như "
                "lời báo lỗi nêu (trong ngoặc kép sau «bản ghi», ví dụ bt-001) hoặc đường dẫn "
                "tệp tính từ gốc dự án, ví dụ content/bai-viet/ten-bai.md."
            )
        keys += found
    problems: dict[str, list[str]] = {}
    for key, problem in problems_of(read):
        problems.setdefault(key, []).append(problem)
    why = {
        key: "; ".join(problems.get(key, ())) or "bản ghi không có lỗi, bỏ theo yêu cầu"
        for key in dict.fromkeys(keys)
    }
    for key in why:
        manifest.remove(key, save=False)
    return why


def forgotten_lines(why: Mapping[str, str], built: Mapping[str, str], dry_run: bool) -> str:
    """What is told of each dropped record: why, and what becomes of its bulletin's article
    (`built`: the titles of the bulletins this build sends to Zalo, by key)."""
    verb = "sẽ bỏ" if dry_run else "bỏ"
    lines = [f"zalo: {verb} {len(why)} bản ghi khỏi state/zalo.json ({FORGET}):"]
    for key, reason in why.items():
        if key in built:
            then = f"tìm lại bài «{built[key]}» trên OA theo tiêu đề và nội dung"
        else:
            then = (
                "bản tin này không còn đăng lên Zalo nên không tìm lại: bài cũ của nó (nếu còn) "
                "để nguyên trên OA, cần thì ẩn hay xóa trong trang quản trị OA"
            )
        lines.append(f'  - bản ghi "{key}" (lý do: {reason}): {then}')
    return "\n".join(lines)


def keep_forgetting(names: Sequence[str]) -> str:
    """What a reconcile that stopped adds to its ways out: keep the --zalo-forget flags."""
    flags = " ".join(f"{FORGET} {shell_argument(name)}" for name in dict.fromkeys(names))
    return (
        f"Chạy lại lệnh nào ở trên thì giữ cả {flags} của lệnh này: chưa bỏ bản ghi nào, "
        "state/zalo.json để nguyên."
    )


def _designated(read: Mapping[str, object], name: str, root: Path) -> list[str]:
    """The keys of the records `name` designates: its key, or the bulletin file they record."""
    if name in read:
        return [name]
    path = Path(name)
    base = Path(os.path.abspath(root))
    if path.is_absolute() and path.is_relative_to(base):
        path = path.relative_to(base)
    # A record written on a Mac spells «ạ» as two characters (NFD), as its disk did.
    source = unicodedata.normalize("NFC", path.as_posix())
    return [
        key
        for key, entry in read.items()
        if isinstance(entry, dict)
        and isinstance(entry.get("source"), str)
        and unicodedata.normalize("NFC", entry["source"]) == source
    ]
