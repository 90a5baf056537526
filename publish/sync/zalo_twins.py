"""After a sync created articles: does the OA now hold one of them twice?

state/.sync.lock keeps two syncs of one checkout apart, and the CI templates' concurrency group
keeps two CI runs apart; a sync from another checkout (an operator's laptop while CI runs, two
self-hosted runners) is kept apart by nothing. Both read the OA before creating (see
zalo_unrecorded), neither sees the other's article yet, and both create: the followers see the
bulletin twice. Nothing can take that back unseen, so once the run's creates are verified the
OA's newest articles (down to the newest one the records knew before the run) are read once,
and an article with the title and text of one just created that no record holds is told,
with which one to delete, as an action a person must see to (exit 1). Both syncs name the same article to keep,
the older one, so two operators each following their own run's words delete only one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from publish.errors import NeedsPerson
from publish.sync.base import LABEL, Action
from publish.sync.zalo_plan import same_title
from publish.sync.zalo_records import forget_command, hidden_ids
from publish.zalo.errors import ZaloError

if TYPE_CHECKING:
    from publish.sync.zalo import ZaloSyncer

__all__ = ["find_twins"]

CHECKED = "kiểm tra bài trùng"
"""The words before the key of a twin's line (base.LABEL)."""


def find_twins(syncer: ZaloSyncer) -> list[tuple[Action, NeedsPerson]]:
    """An action and its NeedsPerson for each article this run created that the OA holds
    twice (none when it created nothing, or the list could not be read: a warning then)."""
    before = syncer.observed.entries if syncer.observed is not None else {}
    now = syncer.records.entries()
    made = {
        key: entry
        for key, entry in now.items()
        if key in syncer.sent_creates
        and entry.get("article_id")
        and entry.get("status") == "live"
        and entry["article_id"] != (before.get(key) or {}).get("article_id")
        and key not in (syncer.observed.create_anyway if syncer.observed else ())
    }
    if not made:
        return []
    known = {str(e["article_id"]) for e in before.values() if e.get("article_id")}
    try:
        newest = syncer.client.list_articles(
            "normal",
            until=lambda a: str(a.get("id")) in known,
            hidden=hidden_ids(before.values()),
        )
    except ZaloError as error:
        syncer.echo(
            "zalo: cảnh báo: chưa đọc được danh sách bài trên Zalo OA để kiểm tra bài vừa tạo "
            f"có bị đăng trùng không ({str(error).rstrip('.')}). Muốn kiểm tra: mở trang quản "
            "trị OA, hay chạy publish sync zalo --reconcile --dry-run."
        )
        return []
    held = {str(e["article_id"]) for e in now.values() if e.get("article_id")}
    found = []
    for key, entry in sorted(made.items()):
        title = same_title(entry.get("title", ""))
        ours = str(entry["article_id"])
        # Newest first: the last one listed is the oldest, the one both runs say to keep.
        same = [
            str(a.get("id"))
            for a in newest
            if same_title(str(a.get("title") or "")) == title
            and (str(a.get("id")) == ours or str(a.get("id")) not in held)
        ]
        # Only the same text is a twin: an OA admin's own article of that title is not.
        same = [a for a in same if a == ours or _content(syncer, a) == entry.get("content")]
        if len(same) < 2 or ours not in same:
            continue
        action = Action("verify", key, CHECKED, entry.get("title", ""), {LABEL: CHECKED})
        found.append((action, NeedsPerson(_told(key, entry, ours, same))))
    return found


def _content(syncer: ZaloSyncer, article_id: str) -> str | None:
    """An article's content digest; None when it cannot be read (then it is no twin: the
    sync does not say what it cannot tell)."""
    try:
        return syncer.lookup.content_of(article_id)
    except ZaloError:
        return None


def _told(key: str, entry: Mapping[str, Any], ours: str, same: list[str]) -> str:
    """What the operator reads of an article the OA holds twice, and what to do."""
    source = entry.get("source") or key
    keep, extra = same[-1], same[:-1]
    others = ", ".join(a for a in same if a != ours)
    delete = ", ".join(extra)
    return (
        f"{source}: Zalo OA đang có {len(same)} bài cùng tiêu đề «{entry.get('title', '')}» "
        f"vừa được tạo: bài {ours} do lần đồng bộ này tạo, và bài {others} mà state/zalo.json "
        "không ghi cho bản tin nào. Thường do hai lần publish sync chạy cùng lúc từ hai bản "
        "sao của kho (máy riêng trong lúc CI đang chạy, hay hai máy chạy CI): khoá "
        "state/.sync.lock chỉ ngăn hai lần chạy trên cùng một thư mục. Người quan tâm OA đang "
        f"thấy bản tin này {len(same)} lần. Cách xử lý: giữ bài tạo trước ({keep}), xoá bài "
        f"{delete} trong trang quản trị OA (Quản lý bài viết → mở bài → Xoá); rồi, khi state/ "
        "của cả hai lần chạy đã lên nhánh chính (gộp tay nếu xung đột), chạy "
        f"{forget_command([key])} để state/zalo.json ghi đúng bài còn lại (tìm theo tiêu đề và "
        "nội dung, không tạo bài mới)."
    )
