"""The line of a published bulletin whose file is still in content/ but fails to load.

Such a file is no deletion (session 74, QA item 5): the error stops every sync, and what fixing
it leads to depends on what the approval binds. Edited after its approval too (body edited,
then the date broken), fixing the error leaves it held for the edit, and the next sync takes it
down: promising «vẫn đăng như cũ» and «đừng lấy lại tệp bằng git» then sent the editor away
from the one command that kept it up. A file stamped secret is never published: the way out
is the error's own hint, moving it out of the project, not «đừng xóa» (review R6 of session
74). An edit is told as such only when git shows the file changed elsewhere than at its
errors: a typo is itself a change, and «tệp đã sửa sau khi duyệt» of a broken date sent the
editor to the approver for nothing; a file still as approved fails for something outside it
(site.toml, a newer tool), where the fix belongs: fixed in the file, it is held for approval
(review R9 of session 74).
"""

from __future__ import annotations

import difflib
from collections.abc import Collection

from publish import approval, name_only_record
from publish.approval_diff import approved_in_git, written_version
from publish.config import Config
from publish.errors import Problem
from publish.gates import approve_command, shell_word
from publish.git_restore import FROM_MAIN
from publish.model import Site

__all__ = [
    "ANY_FIX",
    "AS_APPROVED",
    "EDITED",
    "IF_RESTORED",
    "SECRET",
    "error_of",
    "unreadable_line",
]

ANY_FIX = "any-fix"
"""No approval is bound to its file's bytes (the policy binds none, or accepts a name alone):
fixing the error in any way puts the bulletin back as it was."""
AS_APPROVED = "as-approved"
"""Its file's bytes are those approved (or those state/ recorded as published on its approval
by name alone): the error comes from outside the file, fixed there it stays up; a fix inside
the file holds it until approved again."""
IF_RESTORED = "if-restored"
"""Its file differs from the one approved, maybe only where the error is (a typo): fixed back
to the approved bytes, it stays up; fixed otherwise, it is held until approved again."""
EDITED = "edited"
"""Git shows its file edited after its approval elsewhere than at its errors: fixed, it is
still held until approved again."""
SECRET = "secret"
"""Its file carries a secret stamp or classification: never published again."""


def error_of(site: Site, source: str, key: str) -> tuple[str, str, str]:
    """The first error the load found in file `source` of bulletin `key` («dòng 5, trường
    'category': …», one line; "" when none), what fixing it leads to (SECRET, ANY_FIX,
    AS_APPROVED, IF_RESTORED, EDITED or "": not known) and the field it is in ("" when none)."""
    from publish.fields import SECRET_HINT  # the validators and YAML: never for a replayed build

    errors = [p for p in site.warnings if p.severity == "error" and p.file == source]
    stamp = next((p for p in errors if p.hint == SECRET_HINT), None)
    problem = stamp or next(iter(errors), None)
    if problem is None:
        return "", _kept_as(site.config, source, key, errors), ""
    line = f"dòng {problem.line}, " if problem.line is not None else ""
    field = f"trường '{problem.field}': " if problem.field else ""
    told = " ".join(f"{line}{field}{problem.message}".split())
    kept = SECRET if stamp is not None else _kept_as(site.config, source, key, errors)
    return told, kept, problem.field or ""


def _kept_as(config: Config, source: str, key: str, errors: Collection[Problem]) -> str:
    """What fixing `errors` (those the load found in file `source` of bulletin `key`) leads
    to: ANY_FIX when the policy binds no approval to the file (a name alone accepted too);
    AS_APPROVED when it holds the bytes its approval was taken of (its file part), or those
    state/ recorded as published on its approval by name alone; EDITED when git holds the
    approved bytes and they differ elsewhere than at `errors`; IF_RESTORED when they differ
    otherwise; "" when that cannot be told (an approval of an earlier kind, the file
    unreadable, a name alone refused)."""
    policy = config.policy
    if not policy.require_approval or policy.approval != "content":
        return ANY_FIX
    try:
        raw = (config.root / source).read_bytes()
    except OSError:
        return ""
    version = written_version(raw.decode("utf-8", "replace"))
    part = approval.file_part(version)
    if part:
        if approval.file_digest(raw, part) == part:
            return AS_APPROVED
        return EDITED if _edited_beyond(config, source, raw, version, errors) else IF_RESTORED
    if version:
        return ""
    if policy.name_only_approvals == "accept":  # by name alone, whatever the file holds
        return ANY_FIX
    if name_only_record.judged(config):
        # What was published is not kept: where the file changed is not known.
        return AS_APPROVED if name_only_record.published_as_is(config, raw, [key]) else IF_RESTORED
    return ""


def _edited_beyond(
    config: Config, source: str, raw: bytes, version: str, errors: Collection[Problem]
) -> bool:
    """Whether file `source` (its bytes now: `raw`) still differs from the bytes its approval
    `version` was taken of, as git holds them, once put back as approved where `errors` are
    (their lines, and lines removed beside them). False when git does not hold them, or an
    error is not a field's (a broken front matter is told at its first line, far from the
    typo that broke it)."""
    lines = {p.line for p in errors}
    if not errors or None in lines or not all(p.field for p in errors):
        return False
    found = approved_in_git(config.root / source, version, config.tz)
    if found is None or found.found is None:
        return False
    was = found.found[2].splitlines(keepends=True)
    now = raw.splitlines(keepends=True)
    mended: list[bytes] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, was, now, False).get_opcodes():
        near = range(b1 + 1, b2 + 1) if b2 > b1 else (b1, b1 + 1)  # 1-based lines of `now`
        at_error = op != "equal" and any(n in lines for n in near)
        mended += was[a1:a2] if at_error else now[b1:b2]
    part = approval.file_part(version)
    return approval.file_digest(b"".join(mended), part) != part


def unreadable_line(
    named: str, source: str, channels: str, which: str, error: str, kept: str, field: str = ""
) -> str:
    """The line of a published bulletin (`named`: its file and key; `source`: its file) on
    `channels` («website, Zalo»; `which`: «các kênh ấy» or «kênh ấy») whose file cannot be
    read for `error` ("" when the load named none) of `field`; `kept`: what fixing it leads
    to (error_of)."""
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
    again = f"người duyệt đọc lại rồi chạy {approve_command(source)}"
    withdrawn = f"không thì lần đồng bộ sau đó rút bài khỏi {which}"
    restore = f"hay trả tệp về bản đã duyệt trên {FROM_MAIN.format(file=typed)}"
    if kept == ANY_FIX:
        return (
            f"{head}sửa đúng lỗi đó (cách sửa nêu ở dòng lỗi) thì bài vẫn đăng như cũ, không bị "
            "rút. Đừng xóa hay lấy lại tệp bằng git: tệp không mất."
        )
    if kept == AS_APPROVED:
        # The error's own hint points into the file (another category): followed, the file
        # is no longer the one approved.
        return (
            f"{head}tệp vẫn đúng bản đã duyệt, nên lỗi đến từ ngoài tệp (site.toml, hay công cụ "
            f"đã đổi phiên bản): sửa ở ngoài tệp thì bài vẫn đăng như cũ, không bị rút"
            f"{_OUTSIDE.get(field, '')}. Sửa trong tệp (kể cả theo cách sửa nêu ở dòng lỗi) thì "
            f"tệp không còn là bản đã duyệt: bài bị giữ cho tới khi {again}, {withdrawn}. Đừng "
            "xóa tệp: tệp không mất."
        )
    if kept == EDITED:
        return (
            f"{head}tệp đã sửa sau khi duyệt: sửa lỗi đó xong, bài vẫn bị giữ cho tới khi "
            f"{again}, {withdrawn} ({restore})."
        )
    if kept == IF_RESTORED:
        return (
            f"{head}tệp khác bản đã duyệt: sửa lỗi đó mà tệp trở lại đúng bản đã duyệt thì bài "
            "vẫn đăng, không bị rút; còn sửa khác đi, hay tệp còn sửa chỗ khác sau khi duyệt, "
            f"thì bài bị giữ cho tới khi {again}, {withdrawn} ({restore})."
        )
    return (
        f"{head}sửa đúng lỗi đó (cách sửa nêu ở dòng lỗi) thì bài vẫn đăng như cũ nếu tệp "
        f"không sửa gì khác sau lần đăng ấy; đã sửa thì bài bị giữ cho tới khi {again}. Đừng "
        "xóa tệp: tệp không mất."
    )


_OUTSIDE = {
    "category": (
        " (chuyên mục: trả lại khóa chuyên mục tệp ghi vào site.toml, hay ghi khóa ấy vào "
        'aliases của chuyên mục thay nó, như aliases = ["khóa-cũ"])'
    ),
}
"""Where outside the file the error of a field in a file as approved is fixed."""
