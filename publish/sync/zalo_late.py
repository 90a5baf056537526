"""The late check of a given-up job no longer asked about: Zalo may still apply it.

A job given up on (see publish.sync.zalo) is asked about for WATCH_TIMES × stuck_job_hours,
then kept in the record's `late_content`. Its article is read once every stuck_job_hours until
`late_check_until`: found as one of those jobs left it, it is put right; found otherwise
changed, an OA admin did it and it is left alone (told once, `late_told`); found deleted, the
record is removed, so the next sync creates it again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from publish.sync.base import Action
from publish.sync.zalo_lookup import age, content_digest, utc_stamp
from publish.sync.zalo_plan import Local
from publish.sync.zalo_records import late_jobs

if TYPE_CHECKING:
    from publish.sync.zalo import ZaloSyncer

__all__ = [
    "KEEP_DELETED",
    "LATE_CHECK_TIMES",
    "changed_by_hand",
    "check_late",
    "late_due",
    "late_until",
]

KEEP_DELETED = (
    "Bài bị xoá có chủ ý, không muốn đăng lại: trước lần đồng bộ sau, rút bản tin khỏi Zalo: "
    "thêm dòng draft: [zalo] vào phần đầu bản tin (bài vẫn đăng ở các kênh khác, không phải "
    "duyệt lại; đừng ghi draft: true, việc đó rút bản tin khỏi mọi kênh)."
)
"""How to keep an article deleted in the OA admin page from being created again."""

LATE_CHECK_TIMES = 21
"""After a given-up job is no longer asked about (WATCH_TIMES), its article is read once every
[zalo] stuck_job_hours for this many times more (three weeks by default), then no more.

Zalo may still apply such a job: a withdrawn bulletin shown again, or a live one hidden or back
to an older text, which no no-op sync would notice. One getdetail a day for each such record
costs one login a day (the access token lives 25 h, so mostly no refresh), only while such a
record exists; the bound keeps a job Zalo never ends from costing that for ever."""


def late_until(stuck_job_hours: float) -> str:
    """When the late checks of a job no longer asked about end (ISO, UTC)."""
    span = dt.timedelta(hours=LATE_CHECK_TIMES * stuck_job_hours)
    return (dt.datetime.now(dt.UTC) + span).isoformat(timespec="seconds")


def late_due(entry: Mapping[str, Any], stuck_job_hours: float) -> bool:
    """Whether a record's article is due to be read for a job Zalo may apply late: it has
    `late_content`, its checks have not ended, and the last one is a period old (a record an
    older version wrote, with no schedule, is due now)."""
    if not entry.get("late_content") or not entry.get("article_id"):
        return False
    until = entry.get("late_check_until")
    if until is not None and age(until) >= 0:
        return False
    return age(entry.get("late_checked_at")) >= stuck_job_hours * 3600


def check_late(syncer: ZaloSyncer, key: str, entry: Mapping[str, Any]) -> str:
    """Read an article whose given-up job is no longer asked about (LATE_CHECK_TIMES): when
    Zalo applied it late, the article shows a withdrawn bulletin, hides a live one or holds
    an older text; the record then says what is there (one write, so a crash leaves it to
    be sent again) and the current version, or the hide, is sent again. Changed otherwise,
    a person did it in the OA admin page: left alone, and told. Deleted, the record is
    removed, so the next sync creates it again."""
    article_id = entry["article_id"]
    detail = syncer._detail(article_id)
    local = syncer.observed.local.get(key) if syncer.observed else None
    if detail is None:
        syncer._removed(key, article_id, gone=True)
        syncer._note(key)
        return f"bài {article_id} không còn trên Zalo (có thể đã bị xoá trong trang quản " + (
            f"trị OA); lần đồng bộ sau sẽ tạo lại bài. {KEEP_DELETED.rstrip('.')}"
            if local is not None
            else "trị OA); bản tin đã rút nên không tạo lại"
        )
    schedule = {
        "late_checked_at": utc_stamp(),
        "late_check_until": entry.get("late_check_until")
        or late_until(syncer.config.zalo.stuck_job_hours),
    }
    found = content_digest(detail)
    shows = detail.get("status") == "show"
    if (found, shows) == (entry.get("content"), entry.get("status") == "live"):
        # Shown again as the tool sent it: the same hand change made again is news again.
        syncer._set(key, **schedule, late_told=None)
        return "đã đọc lại bài trên Zalo: vẫn là bản công cụ gửi lần cuối"
    if (found, shows) not in late_jobs(entry):
        # No job given up on leaves this: an OA admin changed it, and may mean it. Told
        # once: the checks go on for weeks (Zalo may still apply a job), the news does not.
        seen = f"{found} {'show' if shows else 'hide'}"
        if entry.get("late_told") == seen:
            syncer._set(key, **schedule)
            return "đã đọc lại bài trên Zalo: vẫn như lần đọc trước (đã báo), để nguyên bài"
        syncer._set(key, **schedule, late_told=seen)
        syncer._note(key)
        return changed_by_hand(key, entry, article_id, found, shows, local)
    if local is None and not shows:
        syncer._set(key, **schedule, content=found)  # an older text, hidden: nothing shows
        return "đã đọc lại bài trên Zalo: bài vẫn ẩn"
    syncer._set(
        key,
        **schedule,
        content=found,
        status="live" if shows else "hidden",
        # Not the payload the record names: a crash before the resend must not read as done.
        digest=None,
    )
    syncer._crash("after-late-check")
    syncer._count(key, "updated")
    # A brief log names what only this verify says: Zalo undid what the tool had done.
    syncer._note(key)
    told = f"Zalo làm muộn một yêu cầu cũ mà công cụ đã thôi hỏi: bài {article_id} " + (
        "của bản tin đã rút hiện lại"
        if local is None
        else "bị ẩn"
        if not shows
        else "trở về bản cũ hơn"
    )
    if local is None:
        return f"{told}; {syncer._hide(Action('withdraw', key, '', entry.get('title', '')))}"
    syncer._send_update(local, article_id)
    return f"{told}; đã gửi lại bản hiện hành"


def changed_by_hand(
    key: str,
    entry: Mapping[str, Any],
    article_id: str,
    found: str,
    shows: bool,
    local: Local | None,
) -> str:
    """What a late check tells of an article changed in the OA admin page, left as it is."""
    source = entry.get("source") or key
    overwrite = f"publish sync zalo --zalo-overwrite {source}"
    edited = found != entry.get("content")
    if local is None and not shows:
        change, then = "bị sửa tay nhưng vẫn ẩn", "không cần làm gì"
    elif local is None:
        change = "của bản tin đã rút đang hiện" + (", và bị sửa tay" if edited else "")
        then = f"muốn ẩn lại thì chạy {overwrite}"
    elif edited:
        change = "bị sửa tay" + (" và bị ẩn" if not shows else "")
        then = (
            f"muốn thay bằng bản trong kho thì chạy {overwrite} (muốn giữ phần sửa tay thì "
            "chép nó vào tệp bản tin trước)"
        )
    else:
        # Same text and shown would be the record's own version (live), told before this.
        change = "bị ẩn dù bản tin vẫn đăng"
        then = f"muốn hiện lại bài như bản trong kho thì chạy {overwrite}"
    return (
        f"đã đọc lại bài trên Zalo: bài {article_id} «{entry.get('title', '')}» {change} "
        "trong trang quản trị OA (không phải Zalo làm muộn yêu cầu cũ nào của công cụ): để "
        f"nguyên bài; {then}."
    )
