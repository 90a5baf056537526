"""Articles deleted by hand in the OA admin page, found by a sync and created again.

A no-op sync asks Zalo nothing (not even a login: the refresh token is single-use), so an
article an OA admin deleted went unseen for ever while state/zalo.json still called it live.
Listing the OA's articles costs one getslice call per 10 articles (zalo-oa-api.md §2.5): too
much for every run of a large unit (10,000 articles: 1,000 calls, where a no-op sync must take
under 2 s), cheap once a day. So the check rides on the access-token renewal, which the syncing
machine makes about once a day anyway (Zalo's access token lives 25 h; see ZaloSyncer.idle):
the run that renews lists the OA's articles once. Nothing is stored for it, so neither a daily
commit of state/ nor a cache CI might not keep is needed. `publish sync zalo --reconcile` checks
at any time.

An article missing from the list is read once more (getdetail) before it is taken for deleted
(see ArticleLookup.detail): a list cut short by Zalo must not have live articles posted twice.
When most articles, or more than hand deletions ever make (CAP), are missing at once the list
is not trusted at all: one getdetail each would outrun Zalo's rate limit for a large unit.
Only live records are checked: whether getslice lists hidden articles is unconfirmed
(zalo-oa-api.md §2.5), and a hidden article deleted by hand is never created again anyway. A
list whose total counts hidden articles it leaves out is read whole only when [zalo]
list_total_counts_hidden says so (see ZaloClient.list_articles); else no check is made.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from publish.errors import PublishError
from publish.sync.zalo_lookup import Unreadable
from publish.zalo.errors import SETTING, ListShort, ZaloError

if TYPE_CHECKING:
    from publish.sync.zalo import ZaloSyncer

__all__ = ["RECONCILE_READS", "deleted_check_due", "find_deleted", "missing_live"]

RECONCILE_READS = (
    "publish sync zalo --reconcile --dry-run đọc lại từng bài state/zalo.json ghi mà danh sách "
    "không có và cho biết bài nào chỉ bị ẩn, bài nào đã bị xoá, rồi publish sync zalo "
    "--reconcile ghi bài đã bị xoá là đã gỡ và tạo lại bài của bản tin còn đăng (có bản tin chưa "
    "có bài ghi trong state/zalo.json thì lệnh ấy dừng, không đổi gì, và nói vì sao)"
)
"""What --reconcile does with a list short of articles hidden ([zalo] list_total_counts_hidden
on): the daily check and `publish report` take no article for deleted from it, --reconcile
reads each record's missing article again (see zalo_reconcile.reconcile)."""

NAMED = 5
"""Records a report names; the rest are counted."""
SUSPECT = 5
"""More missing articles than this, and more than half of them all, read as a list Zalo cut
short rather than as articles an admin deleted one by one: nothing is created again."""
CAP = 20
"""More missing articles than this are not taken for hand deletions (an admin deletes a few
at a time) whatever their share: a list cut at 60 % of 10,000 would otherwise cost 4,000
getdetail calls, over Zalo's limit per minute, each failure a warning of its own."""


def deleted_check_due(syncer: ZaloSyncer) -> bool:
    """Whether this run lists the OA's articles to find those deleted by hand: a real sync
    (not a dry run, not --reconcile, which lists them anyway) on a machine that keeps a token
    file whose access token must be renewed before its next call (see module docstring)."""
    if syncer.dry_run or syncer.reconcile:
        return False
    if not syncer.renewal_due():
        return False  # the usual no-op run: decided by the token file alone, no record read
    return any(_live(entry) for entry in syncer.records.entries().values())


def _live(entry: Mapping[str, Any]) -> bool:
    """Whether a record holds an article the tool left shown on the OA, with no job in flight
    (a record with one is verified by this run anyway): the records both checks compare with
    the OA's list."""
    return (
        bool(entry.get("article_id"))
        and entry.get("status") == "live"
        and not (entry.get("token") or entry.get("hide_token") or entry.get("pending_create"))
    )


def _distrusted(missing: int, candidates: int) -> bool:
    """Whether `missing` of the `candidates` live records missing from the list read as a list
    Zalo cut short, not as hand deletions (CAP, SUSPECT): the daily check then reads none of
    them again and creates nothing."""
    return missing > CAP or (missing > SUSPECT and 2 * missing > candidates)


def missing_live(
    entries: Mapping[str, Mapping[str, Any]], listed: Collection[str], *, short: bool = False
) -> str:
    """What `publish report` says of the records the tool calls live whose article the OA's
    list (`listed` ids) lacks ("" when none): what the next renewal's sync does of them (reads
    each again and creates the deleted ones; past CAP or SUSPECT, or from a list `short` of
    articles hidden, nothing: see find_deleted), and what --reconcile does."""
    live = [(key, entry) for key, entry in sorted(entries.items()) if _live(entry)]
    missing = [
        f"{entry.get('source') or key} «{entry.get('title', '')}» (bài {entry['article_id']})"
        for key, entry in live
        if str(entry["article_id"]) not in listed
    ]
    if not missing:
        return ""
    named = "; ".join(missing[:NAMED]) + (
        f" và {len(missing) - NAMED} bài khác" if len(missing) > NAMED else ""
    )
    kept = (
        "bài chỉ bị ẩn trong trang quản trị OA thì Zalo vẫn đọc được nên được giữ nguyên, không "
        "tạo lại"
    )
    next_renewal = (
        "Danh sách thiếu bài so với tổng Zalo báo (xem lưu ý trên), nên lần đồng bộ làm mới "
        "token Zalo không đọc lại bài nào trong số ấy và không tạo lại bài nào (tìm bài bị xoá "
        f"tay trong danh sách thiếu thì không chắc); muốn kiểm tra: {RECONCILE_READS}; {kept}."
        if short
        else "Lần đồng bộ làm mới token Zalo (khoảng mỗi ngày một lần) không đọc lại bài nào trong "
        f"số ấy và không tạo lại bài nào: thiếu nhiều bài cùng lúc như vậy (quá {CAP} bài, hay "
        f"quá {SUSPECT} bài và quá nửa số bài đang đăng) nhiều khả năng là Zalo trả danh sách "
        "chưa đủ, không phải bài bị xoá tay; nếu các bài ấy thật sự đã bị xoá: publish sync "
        "zalo --reconcile --dry-run để xem, rồi publish sync zalo --reconcile (đọc lại từng "
        "bài và tạo lại ngay bài đã bị xoá)."
        if _distrusted(len(missing), len(live))
        else "Lần đồng bộ đầu tiên làm mới token Zalo (khoảng mỗi ngày một lần) đọc lại từng "
        f"bài ấy và tạo lại bài đã bị xoá ({kept}); muốn làm ngay: publish sync zalo "
        "--reconcile --dry-run để xem, rồi publish sync zalo --reconcile."
    )
    return (
        f"Cảnh báo: {len(missing)} bài state/zalo.json ghi là đang đăng không có trong danh "
        f"sách bài của Zalo OA (có thể đã bị xoá{', hay bị ẩn,' if short else ''} trong trang "
        f"quản trị OA): {named}. "
        f"{next_renewal} Bài bị xoá có chủ ý: thêm dòng draft: [zalo] vào phần đầu bản tin để "
        "nó không được tạo lại."
    )


def find_deleted(syncer: ZaloSyncer, local: Collection[str]) -> None:
    """List the OA's articles and mark each record whose article is gone as removed (the plan
    then creates it again, or leaves it be for a withdrawn bulletin), saying so in one line
    each. A failure is a warning: the sync goes on, and the next renewal checks again."""
    try:
        syncer.prepare()
    except PublishError:
        # Told as it is without this check: by idle() in a run with nothing to send, else by
        # the run before it sends anything (prepare raises the same error again).
        return
    try:
        listed = {str(item.get("id")) for item in syncer.lookup.read_all()}
    except ZaloError as error:
        if error.stops_channel:
            raise  # a login only a person can fix: every call of the run would meet it
        after = (
            _after_short(error)
            if isinstance(error, ListShort)
            else "Không cần làm gì: lần làm mới token sau (khoảng một ngày) đọc lại; muốn kiểm "
            "tra ngay: publish sync zalo --reconcile --dry-run."
        )
        syncer.echo(
            "zalo: cảnh báo: chưa đọc được danh sách bài trên Zalo OA để tìm bài bị xoá tay "
            f"({str(error).rstrip('.')}). {after}"
        )
        return
    candidates = {k: e for k, e in syncer.records.entries().items() if _live(e)}
    missing = [(k, e) for k, e in sorted(candidates.items()) if str(e["article_id"]) not in listed]
    if not missing:
        return
    if _distrusted(len(missing), len(candidates)):
        syncer.echo(
            f"zalo: cảnh báo: danh sách bài Zalo trả về thiếu {len(missing)}/{len(candidates)} "
            "bài state/zalo.json ghi là còn trên OA: nhiều khả năng Zalo trả danh sách chưa đủ, "
            "nên không coi bài nào là đã bị xoá, không tạo lại bài nào (tạo lại có thể đăng "
            "trùng). Nếu các bài ấy thật sự đã bị xoá trong trang quản trị OA: chạy publish "
            "sync zalo --reconcile --dry-run để xem, rồi publish sync zalo --reconcile."
        )
        return
    for key, entry in missing:
        if not _gone(syncer, key, entry):
            continue
        article_id = str(entry["article_id"])
        syncer._removed(key, article_id, gone=True)
        syncer.echo(_told(key, entry, article_id, key in local))


def _after_short(error: ListShort) -> str:
    """What the daily check adds to a list that read short: the same shortfall every day is
    not mended by reading again; with the setting off, nor by --reconcile, which refuses that
    list too; with it on, --reconcile reads each record's missing article again (RECONCILE_READS).
    A shortfall the recorded hidden articles cover by count only may be mended by the setting."""
    again = "Lần làm mới token sau (khoảng một ngày) đọc lại, nhưng thiếu đúng như vậy mỗi ngày"
    if error.fixable:
        return f"{again} thì đọc lại không giúp: đặt {SETTING} = true như nói trên."
    if error.maybe_fixable:
        return error.maybe_fix(
            f"{again} thì đọc lại không giúp (khi {SETTING} chưa là true, publish sync zalo "
            "--reconcile cũng không đối chiếu được)"
        )
    reconcile = f"; muốn tìm bài bị xoá tay ngay: {RECONCILE_READS}" if error.counted else ""
    refused = "" if error.counted else " (publish sync zalo --reconcile cũng không đối chiếu được)"
    return (
        f"{again} thì đọc lại không giúp{refused}: so số bài trong trang quản trị OA{reconcile}. "
        "Một bài bị ẩn tay trong trang quản trị OA "
        "(không qua công cụ) cũng có thể làm danh sách thiếu như vậy: hiện lại bài ấy, hoặc "
        "muốn nó ẩn thì thêm dòng draft: [zalo] vào phần đầu bản tin của nó để công cụ ghi là "
        "đã ẩn."
    )


def _gone(syncer: ZaloSyncer, key: str, entry: Mapping[str, Any]) -> bool:
    """Whether a record's article, missing from the list, is gone: getdetail no longer has it
    either. Read all the same (a list that dropped it, -201 for one still listed), it stays."""
    try:
        return syncer.lookup.detail(str(entry["article_id"])) is None
    except Unreadable:
        return False
    except ZaloError as error:
        if error.stops_channel:
            raise
        syncer.echo(
            f"zalo: cảnh báo: {entry.get('source') or key}: bài {entry['article_id']} không có "
            f"trong danh sách bài của OA nhưng chưa đọc lại được bài ({str(error).rstrip('.')}): "
            "chưa coi là đã bị xoá; lần làm mới token sau kiểm tra lại."
        )
        return False


def _told(key: str, entry: Mapping[str, Any], article_id: str, local: bool) -> str:
    """The plain line a sync prints for an article it found deleted by hand (`local`: its
    bulletin is still published on Zalo, so it is created again)."""
    source = entry.get("source") or key
    title = entry.get("title", "")
    head = (
        f"zalo: {source}: bài {article_id} «{title}» không còn trên Zalo (có thể đã bị xoá "
        "trong trang quản trị OA)"
    )
    if not local:
        return f"{head}; bản tin đã rút nên không tạo lại, chỉ ghi là đã gỡ."
    return (
        f"{head}: lần đồng bộ này tạo lại bài. Bài bị xoá có chủ ý, không muốn có trên Zalo: "
        "thêm dòng draft: [zalo] vào phần đầu bản tin (bài vẫn đăng ở các kênh khác, không phải "
        "duyệt lại; đừng ghi draft: true, việc đó rút bản tin khỏi mọi kênh), lần đồng bộ sau "
        "gỡ bài vừa tạo lại; đừng xoá bài trên OA."
    )
