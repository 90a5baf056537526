"""The shape of a state/zalo.json record, checked before a sync reads it.

A record edited by hand (or garbled by a merge) must never be acted on as it reads: one that says
live without an article id would have its bulletin created again, a duplicate; a field of the
wrong type would stop the sync with a traceback half-way. Every problem is told at once, naming
the record and the field, before anything is sent or any token refreshed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from publish.cache import read_file, tool_digest, write_file
from publish.errors import PublishError
from publish.git_restore import last_good

__all__ = [
    "CHECKED_NAME",
    "FORGET",
    "check_records",
    "check_records_once",
    "forget_command",
    "hidden_ids",
    "is_hidden",
    "late_content",
    "late_jobs",
    "problems_of",
]

TEXT_FIELDS = (
    "article_id",
    "title",
    "source",
    "digest",
    "body_digest",
    "page",
    "content",
    "token",
    "token_digest",
    "token_content",
    "token_at",
    "hide_token",
    "hide_token_at",
    "sending_content",
    "removed_id",
    "created_at",
    "synced_at",
    "hidden_at",
    "removed_at",
    "gone_at",
    "late_checked_at",
    "late_check_until",
    "late_told",
)
"""Fields that are text whenever present."""
STATUSES = ("live", "hidden", "removed")
SHOWN = ("live", "hidden")
"""Statuses of a record whose article is on the OA: it names it, or has a create in flight."""
MAX_TOLD = 20
FORGET = "--zalo-forget"
"""The option that drops records from state/zalo.json for --reconcile to rebuild them."""


def is_hidden(entry: Mapping[str, Any]) -> bool:
    """Whether the record's article is hidden on the OA, or being hidden (a hide in flight,
    `hide_token`): what the sync shows again once the bulletin is published again, and what
    the report counts withdrawn."""
    return bool(entry.get("article_id")) and (
        entry.get("status") == "hidden" or bool(entry.get("hide_token"))
    )


def hidden_ids(entries: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """The ids of the articles the records hold hidden (is_hidden): those a list of the OA's
    articles may leave out while its total counts them ([zalo] list_total_counts_hidden)."""
    return frozenset(str(entry["article_id"]) for entry in entries if is_hidden(entry))


def _kind(value: Any) -> str:
    """What a JSON value is, in the words of a message."""
    names = {bool: "true/false", int: "số", float: "số", str: "chuỗi", list: "danh sách"}
    if value is None:
        return "null"
    return names.get(type(value), "đối tượng")


def _not_text(record: Mapping[str, Any], names: Iterable[str]) -> list[str]:
    """Those of `names` that `record` holds with a value other than text (null is as absent)."""
    return [
        name for name in names if record.get(name) is not None and not isinstance(record[name], str)
    ]


def _record_problems(entry: Any) -> list[str]:
    """What is wrong with one record (empty when nothing is)."""
    if not isinstance(entry, dict):
        return [f"cần một đối tượng JSON {{…}}, gặp {_kind(entry)}"]
    problems = [
        f"trường '{name}' cần một chuỗi, gặp {_kind(entry[name])}"
        for name in _not_text(entry, TEXT_FIELDS)
    ]
    status = entry.get("status")
    if status is not None and status not in STATUSES:
        problems.append(f"trường 'status' cần một trong {', '.join(STATUSES)}, gặp «{status}»")
    article_id = entry.get("article_id")
    job = entry.get("token") or entry.get("pending_create")  # looked up or verified first
    if status in SHOWN and not job and not (isinstance(article_id, str) and article_id.strip()):
        problems.append(
            f"trạng thái '{status}' (bài đang có trên Zalo) mà không có 'article_id': đồng bộ "
            "sẽ tạo bài lần nữa, trùng với bài đã có"
        )
    pending = entry.get("pending_create")
    if pending is not None:
        if not isinstance(pending, dict):
            problems.append(
                f"trường 'pending_create' cần một đối tượng {{…}}, gặp {_kind(pending)}"
            )
        else:
            problems += [
                f"trường 'pending_create.{name}' cần một chuỗi, gặp {_kind(pending[name])}"
                for name in _not_text(pending, ("digest", "title", "content", "at"))
            ]
    problems += _given_up_problems(entry.get("given_up"))
    late = entry.get("late_content")
    if late is not None and not (isinstance(late, list) and all(map(_late_job, late))):
        problems.append(
            "trường 'late_content' cần danh sách các đối tượng có 'content' (chuỗi) và 'shows' "
            "(true/false)"
        )
    return problems


def _late_job(item: Any) -> bool:
    """Whether an item of `late_content` is well formed: {content, shows}, or the content
    digest alone that the first version to keep late_content wrote."""
    if isinstance(item, str):
        return True
    return (
        isinstance(item, dict)
        and isinstance(item.get("content"), str)
        and isinstance(item.get("shows"), bool)
    )


def late_jobs(entry: Mapping[str, Any]) -> set[tuple[str, bool]]:
    """What each given-up job no longer asked about leaves on Zalo if applied late: its
    content, and whether it shows the article (an update) or hides it.

    A content digest alone (the first version to keep late_content wrote no more) is read as
    an update: a hidden article is taken for a late hide only when a hide was given up, never
    shown again on a guess, as an OA admin may have hidden it.
    """
    return {
        (item, True) if isinstance(item, str) else (item["content"], item["shows"])
        for item in entry.get("late_content") or ()
    }


def late_content(jobs: set[tuple[str, bool]]) -> list[dict[str, Any]] | None:
    """`late_content` as written for these (content, shows) pairs (None for none)."""
    return [{"content": content, "shows": shows} for content, shows in sorted(jobs)] or None


GIVEN_UP_TEXT = ("content", "digest", "at", "given_up_at")
"""Fields of a given-up job that are text or null (an older record's job may lack its time)."""


def _given_up_problems(jobs: Any) -> list[str]:
    """What is wrong with a record's given-up jobs (empty when nothing is)."""
    if jobs is None:
        return []
    if not isinstance(jobs, list) or not all(
        isinstance(j, dict) and isinstance(j.get("token"), str) for j in jobs
    ):
        return ["trường 'given_up' cần danh sách các đối tượng có 'token' (chuỗi)"]
    problems = []
    for number, job in enumerate(jobs, 1):
        problems += [
            f"trường 'given_up', yêu cầu thứ {number}: '{name}' cần một chuỗi hoặc null, gặp "
            f"{_kind(job[name])}"
            for name in _not_text(job, GIVEN_UP_TEXT)
        ]
        if "shows" in job and not isinstance(job["shows"], bool):
            problems.append(
                f"trường 'given_up', yêu cầu thứ {number}: 'shows' cần true hoặc false, gặp "
                f"{_kind(job['shows'])}"
            )
    return problems


TEXT = frozenset(TEXT_FIELDS)
NESTED = frozenset(("pending_create", "given_up", "late_content"))


def _plain(entry: Any) -> bool:
    """Whether a record is surely well formed, told fast: a no-op sync of 10,000 bulletins
    checks every record (the full check, _record_problems, costs several times more)."""
    if type(entry) is not dict:
        return False
    for name, value in entry.items():
        if name in NESTED or (name in TEXT and value is not None and type(value) is not str):
            return False
    status = entry.get("status")
    if status in SHOWN:
        return bool(entry.get("article_id") or entry.get("token"))
    return status is None or status == "removed"


def _shared_articles(entries: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(key, problem) for each record naming an article another record names too: each
    bulletin has its own article, so a copied record would have one bulletin's update, hide or
    remove land on another's article (whose content the check against the last post passes).
    Every record sharing it is named: which one was copied cannot be told."""
    keys: dict[str, list[str]] = {}
    for key, entry in entries.items():
        if not isinstance(entry, Mapping) or entry.get("status") not in SHOWN:
            continue
        article = entry.get("article_id")
        if isinstance(article, str) and article:
            keys.setdefault(article, []).append(key)
    found = []
    for article, sharing in keys.items():
        for key in sharing if len(sharing) > 1 else ():
            others = ", ".join(f'"{other}"' for other in sharing if other != key)
            found.append((key, f"bài Zalo {article} cũng được ghi cho bản ghi {others}"))
    return found


def problems_of(entries: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(key, problem) for every record that is not one the tool could have written."""
    odd = [key for key, entry in entries.items() if not _plain(entry)]
    found = [(key, p) for key in sorted(odd) for p in _record_problems(entries[key])]
    return found + _shared_articles(entries)


def forget_command(keys: Iterable[str]) -> str:
    """The command that drops these records and takes their articles back from the OA."""
    # Here, not at the top: zalo_unrecorded reads the plan, which asks is_hidden of this module.
    from publish.sync.zalo_unrecorded import shell_argument

    named = " ".join(f"{FORGET} {shell_argument(key)}" for key in dict.fromkeys(keys))
    return f"publish sync zalo --reconcile {named}"


def check_records(state_path: Path, entries: Mapping[str, Any]) -> None:
    """Stop (nothing sent, no login) when a record is not one the tool could have written."""
    found = problems_of(entries)
    if not found:
        return
    name = f"state/{state_path.name}"
    told = [f'  - bản ghi "{key}": {problem}' for key, problem in found[:MAX_TOLD]]
    if len(found) > MAX_TOLD:
        told.append(f"  - … và {len(found) - MAX_TOLD} lỗi nữa")
    command = forget_command(key for key, _ in found)
    # Operators are not programmers: the way out without a good copy is a command, not an
    # edit of the JSON, which a second slip would garble again.
    raise PublishError(
        f"{name}: {len(found)} chỗ trong các bản ghi không phải do công cụ viết (tệp bị sửa tay "
        "hoặc hỏng khi gộp nhánh), nên không gửi gì lên Zalo:\n"
        + "\n".join(told)
        + f"\nCách sửa: lấy lại bản đúng từ git ({last_good(name)}) rồi chạy lại. Không có "
        f"bản đúng thì chạy {command} (thêm --dry-run để xem trước): công cụ bỏ các bản ghi "
        "ấy, tìm lại bài của từng bản tin trên OA theo tiêu đề và nội dung rồi nhận lại, không "
        f"tạo trùng; xong thì commit {name}."
    )


CHECKED_NAME = "zalo-records-checked"
"""The file of .cache/ naming the last state/zalo.json (by the sha256 of its bytes) whose records
check_records found well formed (safe to delete: the next sync checks them again)."""


def check_records_once(
    state_path: Path, entries: Mapping[str, Any], digest: str | None, cache: Path | None
) -> None:
    """check_records, unless the records are the bytes with sha256 `digest` (None: not known to
    be any file's), which this version of the tool already found well formed.

    The check is a function of the records alone, and they of the file's bytes: checking the same
    10,000 records again cost every no-op sync ~0.07 s.
    """
    if digest is None or cache is None:
        check_records(state_path, entries)
        return
    key = f"{tool_digest()} {digest}".encode()
    if read_file(cache / CHECKED_NAME) == key:
        return
    check_records(state_path, entries)
    write_file(cache / CHECKED_NAME, key)
