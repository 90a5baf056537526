"""The line of a published bulletin whose file is still in content/ but fails to load.

Such a file is no deletion (session 74, QA item 5): the error stops every sync, and fixing it
keeps the bulletin up, but only when its file is still as approved. Edited after its approval
too (body edited, then the date broken), fixing the error leaves it held for the edit, and the
next sync takes it down: promising «vẫn đăng như cũ» and «đừng lấy lại tệp bằng git» then sent
the editor away from the one command that kept it up. A file stamped secret is never
published: the way out is the error's own hint, moving it out of the project, not «đừng xóa»
(review R6 of session 74).
"""

from __future__ import annotations

import re

from publish import approval, name_only_record
from publish.config import Config
from publish.fields import SECRET_HINT
from publish.gates import shell_word
from publish.git_restore import FROM_MAIN
from publish.model import Site

__all__ = ["AS_APPROVED", "EDITED", "SECRET", "error_of", "unreadable_line"]

AS_APPROVED = "as-approved"
"""Fixing the error puts the bulletin back as it was: its file's bytes are those approved, or
the policy binds no approval to them."""
EDITED = "edited"
"""Its file was edited after its approval: fixed, it is still held until approved again."""
SECRET = "secret"
"""Its file carries a secret stamp or classification: never published again."""

_APPROVED_VERSION = re.compile(
    r"approved_version[ \t]*:[ \t]*(?P<q>[\"']?)(?P<value>[0-9a-f-]+)(?P=q)[ \t]*(?:#.*)?"
)
"""The line `publish approve` writes into the front matter."""


def error_of(site: Site, source: str, key: str) -> tuple[str, str]:
    """The first error the load found in file `source` of bulletin `key` («dòng 5, trường
    'category': …», one line; "" when none), and what fixing it leads to: SECRET,
    AS_APPROVED, EDITED or "" (not known)."""
    errors = [p for p in site.warnings if p.severity == "error" and p.file == source]
    stamp = next((p for p in errors if p.hint == SECRET_HINT), None)
    told = ""
    for problem in [stamp] if stamp is not None else errors[:1]:
        line = f"dòng {problem.line}, " if problem.line is not None else ""
        field = f"trường '{problem.field}': " if problem.field else ""
        told = " ".join(f"{line}{field}{problem.message}".split())
    return told, SECRET if stamp is not None else _kept_as(site.config, source, key)


def _kept_as(config: Config, source: str, key: str) -> str:
    """AS_APPROVED when file `source` (of bulletin `key`) holds the bytes its approval was
    taken of (its file part), or those state/ recorded as published on its approval by name
    alone, or the policy binds no approval to them (a name alone accepted too); EDITED when it
    does not; "" when that cannot be told (an approval of an earlier kind, the file
    unreadable, a name alone refused)."""
    policy = config.policy
    if not policy.require_approval or policy.approval != "content":
        return AS_APPROVED
    try:
        raw = (config.root / source).read_bytes()
    except OSError:
        return ""
    version = _written_version(raw.decode("utf-8", "replace"))
    part = approval.file_part(version)
    if part:
        return AS_APPROVED if approval.file_digest(raw, part) == part else EDITED
    if version:
        return ""
    if policy.name_only_approvals == "accept":  # by name alone, whatever the file holds
        return AS_APPROVED
    if name_only_record.judged(config):
        return AS_APPROVED if name_only_record.published_as_is(config, raw, [key]) else EDITED
    return ""


def _written_version(text: str) -> str:
    """The `approved_version` the front matter of a file's `text` writes ("" when none): read
    by its line, as the file fails to load."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].rstrip() != "---":
        return ""
    for line in lines[1:]:
        if line.rstrip() in ("---", "..."):
            break
        found = _APPROVED_VERSION.fullmatch(line.rstrip())
        if found is not None:
            return found["value"]
    return ""


def unreadable_line(
    named: str, source: str, channels: str, which: str, error: str, kept: str
) -> str:
    """The line of a published bulletin (`named`: its file and key; `source`: its file) on
    `channels` («website, Zalo»; `which`: «các kênh ấy» or «kênh ấy») whose file cannot be
    read for `error` ("" when the load named none); `kept`: what fixing it leads to (error_of)."""
    why = f"({error})" if error else "(xem các dòng lỗi)"
    stopped = "Còn lỗi thì publish sync không chạy (chưa có gì được ghi hay xuất bản); "
    if kept == SECRET:
        return (
            f"Bài đang đăng bị giữ vì lỗi: tệp {named} vẫn còn trong content/ nhưng không được "
            f"nạp vì mang dấu mật {why}, nên không có trong lần dựng này dù đang đăng trên "
            f"{channels}. {stopped}tài liệu mật không bao giờ được đăng: làm theo cách sửa nêu "
            f"ở dòng lỗi (chuyển tệp ra khỏi dự án) thì lần đồng bộ sau đó rút bài khỏi "
            f"{which}; nếu đó không phải dấu mật thì sửa lại dòng đó."
        )
    head = (
        f"Bài đang đăng bị giữ vì lỗi: tệp {named} vẫn còn trong content/ nhưng không đọc được "
        f"vì lỗi ở tệp ấy {why}, nên không có trong lần dựng này dù đang đăng trên {channels}. "
        f"{stopped}"
    )
    typed = shell_word(source)
    again = f'người duyệt đọc lại rồi chạy publish approve {typed} --by "Họ tên, chức vụ"'
    if kept == AS_APPROVED:
        return (
            f"{head}sửa đúng lỗi đó (cách sửa nêu ở dòng lỗi) thì bài vẫn đăng như cũ, không bị "
            "rút. Đừng xóa hay lấy lại tệp bằng git: tệp không mất."
        )
    if kept == EDITED:
        return (
            f"{head}tệp đã sửa sau khi duyệt: sửa lỗi đó xong, bài vẫn bị giữ cho tới khi "
            f"{again}, không thì lần đồng bộ sau đó rút bài khỏi {which} (hay trả tệp về bản "
            f"đã duyệt trên {FROM_MAIN.format(file=typed)})."
        )
    return (
        f"{head}sửa đúng lỗi đó (cách sửa nêu ở dòng lỗi) thì bài vẫn đăng như cũ nếu tệp "
        f"không sửa gì khác sau lần đăng ấy; đã sửa thì bài bị giữ cho tới khi {again}. Đừng "
        "xóa tệp: tệp không mất."
    )
