"""`publish sync zalo --reconcile`: rebuild lost state records from the OA's own list."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from publish.errors import PublishError
from publish.sync.manifest import Manifest
from publish.sync.zalo_lookup import content_digest, detail_body, utc_stamp
from publish.sync.zalo_plan import Local, same_title, sent_known
from publish.sync.zalo_records import hidden_ids
from publish.sync.zalo_unrecorded import CREATE_ANYWAY, shell_argument
from publish.zalo.errors import SETTING, ListShort, ListUnsettled, ZaloError

if TYPE_CHECKING:
    from publish.zalo.client import ZaloClient

__all__ = ["reconcile", "stopped"]

NAMED = 5
"""Bulletins a refusal names; the rest are counted."""


def reconcile(
    client: ZaloClient,
    records: Manifest,
    local: Mapping[str, Local],
    *,
    dry_run: bool,
    echo: Callable[[str], None],
    create_anyway: frozenset[str] = frozenset(),
    overwrite: frozenset[str] = frozenset(),
    chosen: Mapping[str, str] | None = None,
    typed: Mapping[str, str] | None = None,
) -> None:
    """Rebuild lost records from getslice, matching titles; report what did not match. The
    bulletins of `create_anyway` (--zalo-create-anyway) are matched to no article: the one on
    the OA under their title was posted by hand, and is to be kept as it is. A bulletin whose
    title one article bears without its text is given that article only when `overwrite`
    (--zalo-overwrite) names it: a person said the article is the bulletin's. Of several such
    articles, the one `chosen` names (--zalo-overwrite TỆP=MÃ_BÀI) is taken. `typed`: each
    bulletin of `create_anyway` by the name typed after the option (a key or a file), for a
    refusal to name the option to take out as the command has it."""
    chosen = chosen or {}
    hidden = hidden_ids(records.entries().values())
    short: ListShort | None = None
    reads: dict[str, bool] = {}
    try:
        # Taken as every reading takes it (the hidden articles still there): by count,
        # a stale hidden record covered an article hidden by hand that a bulletin without a
        # record owned, and it was created again beside it.
        remote = client.list_articles("normal", hidden=hidden, detail_reads=reads)
    except ListShort as error:
        if not error.counted:
            raise _unread(error) from None
        # The shortfall is articles hidden (the setting says so): each record's article the
        # list lacks is read again below, so only a bulletin without one needs the list whole.
        remote, short = error.articles, error
    except ListUnsettled as error:
        raise _unread(error) from None
    except ZaloError as error:
        if error.stops_channel:
            raise  # a token, an OA, no connection: told in their own words
        raise stopped(error, "chưa đọc được danh sách bài trên Zalo OA") from None
    by_id = {str(item.get("id")): item for item in remote}
    # A whole list may lack an article still there: a hidden one, when Zalo leaves hidden
    # articles out of list and total alike, or counts them in the total only (a live one
    # hidden by hand whose shortfall a stale hidden record covered). Taken for removed, it
    # would be created again beside itself: getdetail says whether it is still there.
    entries = records.entries()
    lines = [f"zalo: đối chiếu với {len(remote)} bài trên Zalo (--reconcile):"]
    for key, entry in sorted(entries.items()):
        gone = (
            entry.get("article_id")
            and entry["article_id"] not in by_id
            and entry.get("status") != "removed"
        )
        read = reads.get(str(entry.get("article_id")))
        if gone and _still_there(client, str(entry["article_id"]), read):
            if str(entry["article_id"]) not in hidden:
                lines.append(
                    f"  - bài {entry['article_id']} của {key} không có trong danh sách nhưng Zalo "
                    "vẫn đọc được bài (có thể đã bị ẩn trong trang quản trị OA): giữ nguyên"
                )
            continue
        if gone:
            lines.append(
                f"  - bài {entry['article_id']} của {key} không còn trên Zalo: sẽ tạo lại nếu bản tin còn đăng"
            )
            entry.update(status="removed", removed_id=entry.pop("article_id"), gone_at=utc_stamp())
    claimed = {e["article_id"] for e in entries.values() if e.get("article_id")}
    # Before any match: a bulletin sorted earlier, unrecorded and of the same title (weekly
    # titles repeat), took the article posted by hand and overwrote it.
    by_hand = _kept_by_hand(remote, claimed, local, entries, create_anyway)
    claimed |= by_hand
    wanted = []
    for key in sorted(local):
        entry = entries.get(key) or {}
        if entry.get("article_id") or entry.get("token"):
            continue
        if key in create_anyway:
            lines.append(f"  - {key} «{local[key].title}»: {_anyway(entry, local[key])}")
            continue
        wanted.append(key)
    if short is not None:
        blind = [k for k in wanted if (entries.get(k) or {}).get("status") != "removed"]
        if blind:
            raise _unread(short, blind)
        lines.insert(
            1,
            f"  - danh sách thiếu {short.total - len(remote)} bài so với tổng Zalo báo "
            f"({SETTING} là true: bài bị ẩn): mọi bài state/zalo.json ghi mà danh sách không "
            "có đã được đọc lại từng bài",
        )
    details: dict[str, Mapping[str, Any]] = {}

    def detail_of(article_id: str) -> Mapping[str, Any]:
        """getdetail of one article, asked once however many bulletins bear its title."""
        if article_id not in details:
            details[article_id] = client.getdetail(article_id)
        return details[article_id]

    found: dict[str, dict[str, Any]] = {}
    # First the articles holding a bulletin's text exactly: of a title borne by several
    # articles (weekly titles, one posted by hand), the first listed may be another's.
    for key in wanted:
        for candidate in _titled(remote, None, local[key].title):
            article_id = str(candidate["id"])
            takeable = article_id not in claimed or article_id in by_hand
            if takeable and _same_content(detail_of(article_id), local[key].path):
                found[key] = candidate
                claimed.add(article_id)
                by_hand.discard(article_id)
                break
    rest = [key for key in wanted if key not in found]
    missing = []
    unsure: dict[str, list[str]] = {}
    several: dict[str, list[str]] = {}
    lone: dict[str, dict[str, Any]] = {}
    for key in rest:
        title = local[key].title
        free = [r for r in _titled(remote, None, title) if str(r.get("id")) not in claimed]
        rivals = [k for k in rest if local[k].title == title]
        if key in chosen:
            found[key] = _chosen(local[key], chosen[key], free)
            claimed.add(chosen[key])
        elif len(free) == 1 and len(rivals) == 1 and key in overwrite:
            found[key] = free[0]  # a person's word: the bulletin edited since, its article
            claimed.add(str(free[0]["id"]))
        elif len(free) == 1 and len(rivals) == 1:
            # Of the same title but not the bulletin's text: the bulletin edited since it was
            # posted, or an article the OA admin posted by hand, which taking would overwrite.
            lone[key] = free[0]
        elif free:
            # None holds the bulletin's text, and one may be posted by hand: taking it
            # would replace that article's text with the bulletin's.
            several[key] = [str(r["id"]) for r in free]
        elif kept := _titled(remote, by_hand, title):
            unsure[key] = [str(candidate["id"]) for candidate in kept]
        else:
            missing.append(key)
    if several:
        raise PublishError(_several(local, several))
    if lone:
        raise PublishError(_lone(local, lone))
    for key, item in sorted(found.items()):
        entry = entries.get(key) or {}
        article_id = str(item["id"])
        detail = detail_of(article_id)
        same = _same_content(detail, local[key].path)
        entries[key] = {
            # The address sent is known only when the article found is today's payload.
            **{k: v for k, v in entry.items() if k not in ("pending_create", "page")},
            **({"page": local[key].page} if same else {}),
            "article_id": article_id,
            "status": "live" if item.get("status") == "show" else "hidden",
            "digest": local[key].digest if same else "",
            # Matched by a person's request (--reconcile): the article as found is the tool's.
            "content": content_digest(detail),
            "title": local[key].title,
            "source": local[key].source,
            "body_digest": local[key].body_digest,
            "reconciled_at": utc_stamp(),
        }
        lines.append(
            f"  - khớp {key} với bài {article_id}"
            + ("" if same else " (nội dung khác: sẽ cập nhật)")
        )
    if unsure:
        own = _own_creates(unsure, entries, local, create_anyway, detail_of)
        keepers = _keepers(local, entries, create_anyway, typed or {})
        raise PublishError(_unsure(local, unsure, own, keepers))
    for key in missing:
        lines.append(f"  - không tìm thấy trên Zalo: {key} «{local[key].title}» (sẽ tạo mới)")
    for item in remote:
        if str(item.get("id")) not in claimed:
            lines.append(
                f"  - bài trên Zalo không khớp bản tin nào: {item.get('id')} «{item.get('title', '')}» (để nguyên)"
            )
    echo("\n".join(lines))
    for key, entry in entries.items():
        records.put(key, entry, save=False)
    records.meta["reconciled_at"] = utc_stamp()
    if not dry_run:
        records.save()


def _unread(error: ListShort | ListUnsettled, blind: list[str] | None = None) -> ZaloError:
    """--reconcile refused for a list not read whole: matched against it, records would be
    marked removed (their articles created again) and bulletins created beside their own
    articles. `blind`: the bulletins with no article recorded (no record, or a lost create)
    that a list short of articles hidden cannot say are not on the OA."""
    if blind:
        names = ", ".join(blind[:NAMED]) + (
            f" và {len(blind) - NAMED} bản tin khác" if len(blind) > NAMED else ""
        )
        after = (
            f"Bản tin chưa có bài ghi trong state/zalo.json ({names}) chỉ tìm được bài của nó "
            "trong danh sách đủ: bài thiếu có thể là bài của nó bị ẩn tay trong trang quản trị "
            "OA, tạo mới lúc này có thể đăng trùng. Hiện lại các bài bị ẩn tay (không qua công "
            "cụ) trong trang quản trị OA rồi chạy lại lệnh; không thấy bài nào như vậy thì so số "
            "bài trong trang quản trị OA."
        )
    elif isinstance(error, ListShort) and error.maybe_fixable:
        after = error.maybe_fix(then=" rồi chạy lại lệnh")
    elif isinstance(error, ListUnsettled) or not error.fixable:
        after = (
            "Chạy lại lệnh sau ít phút; lặp lại ở nhiều lần chạy thì so số bài trong trang quản "
            "trị OA."
        )
    else:
        after = (
            f"Thiếu đúng như vậy ở mọi lần chạy thì chạy lại không giúp: đặt {SETTING} = true "
            "như nói trên rồi chạy lại lệnh."
        )
    return ZaloError(
        f"--reconcile: chưa đọc trọn danh sách bài trên Zalo OA ({error}), nên chưa đối chiếu "
        "gì, chưa đổi gì trong state/zalo.json, chưa gửi gì lên Zalo. " + after,
        operation="getslice",
    )


def _still_there(client: ZaloClient, article_id: str, read: bool | None = None) -> bool:
    """Whether getdetail still reads an article the OA's list lacks. -201 (as for one deleted:
    zalo_lookup.ArticleLookup.detail) says it is gone only when a second reading says so too:
    any other refusal stops the reconcile before it changes anything, and says so (as a list
    that cannot be read does). `read`: getdetail's answer while the list was read (True: read;
    False: -201, the first of the two), None when it was not asked."""
    # The lookup trusts a lone -201 (a refused id, a passing fault) only for an article a
    # complete list also lacks. This list may lack a live one hidden by hand (a shortfall the
    # setting takes for hidden articles, or Zalo leaving them out of list and total alike):
    # one -201 marked it removed and created it again beside itself.
    if read:
        return True
    for _ in range(1 if read is False else 2):
        try:
            client.getdetail(article_id)
        except ZaloError as error:
            if error.code == -201:
                continue
            if error.stops_channel:
                raise  # a token, an OA, no connection: told in their own words
            unread = (
                f"chưa đọc lại được bài {article_id}, bài mà danh sách bài trên Zalo OA không có"
            )
            raise stopped(error, unread) from None
        return True
    return False


def stopped(error: ZaloError, unread: str) -> ZaloError:
    """--reconcile stopped by a failure no person need mend (HTTP 5xx or 429, a lost
    connection), on a call that reads `unread` in words or on the token refresh inside it:
    the failure without the sync's own next step («lần chạy sau tự làm tiếp (phần đã xong đã
    được lưu)»: a later sync does not reconcile, and nothing was saved), and the command to
    run again. A refresh whose reply was lost may have spent the single-use refresh token:
    the run again then says so (token_spending), and that only a new consent mends it."""
    what = error.what or str(error).rstrip(".")
    refresh = error.operation == "refresh"
    head = "chưa làm mới được access token Zalo" if refresh else unread
    after = (
        " Refresh token chỉ dùng được một lần: nếu Zalo đã nhận nó mà phản hồi không về tới "
        "máy này, lần chạy lại báo refresh token không còn hiệu lực và chỉ cách cấp quyền lại "
        "(chờ thêm không giúp); không thì lần chạy lại làm mới token như thường."
        if refresh
        else ""
    )
    return ZaloError(
        f"--reconcile: {head} ({what}), nên chưa đối chiếu gì, chưa đổi gì trong "
        "state/zalo.json, chưa gửi gì lên Zalo. Chạy lại lệnh sau ít phút (lỗi không gọi được "
        f"Zalo thì kiểm tra kết nối mạng trước).{after}",
        code=error.code,
        api_message=error.api_message,
        operation=error.operation,
        http_status=error.http_status,
    )


def _anyway(entry: Mapping[str, Any], local: Local) -> str:
    """What --reconcile says of a bulletin --zalo-create-anyway names: matched to no article,
    though a lost create of known content is still looked up when the sync applies its plan."""
    if entry.get("pending_create") and sent_known(entry, local):
        return (
            "không nhận bài nào theo tiêu đề (--zalo-create-anyway: bài cùng tiêu đề khác nội "
            "dung để nguyên); lần tạo bài bị ngắt trước đó có ghi nội dung đã gửi, nên bài đúng "
            "nội dung ấy được tìm và nhận, không thấy mới tạo bài mới"
        )
    return "không nhận bài nào trên Zalo (--zalo-create-anyway: sẽ tạo mới, bài cùng tiêu đề để nguyên)"


def _kept_by_hand(
    remote: list[dict[str, Any]],
    claimed: set[str],
    local: Mapping[str, Local],
    entries: Mapping[str, dict[str, Any]],
    create_anyway: frozenset[str],
) -> set[str]:
    """The ids of the unclaimed articles titled as a bulletin of `create_anyway` still to be
    created: posted by hand, and promised to stay as they are."""
    # The article a killed create of that bulletin made (sent, token not saved) is counted too:
    # harmless, since --reconcile matches no article to that bulletin anyway, and applying the
    # plan finds its own article by the content recorded as sent (zalo_plan.sent_known). The count
    # only makes another unrecorded bulletin of the title ask which article is its own
    # (_unsure, which names that article as the killed create's: _own_creates): nothing
    # doubled, nothing lost (tests/test_sync_zalo_create_anyway.py).
    titles = _keeping(local, entries, create_anyway)
    return {
        str(item.get("id"))
        for item in remote
        if str(item.get("id")) not in claimed and same_title(item.get("title", "")) in titles
    }


def _keeping(
    local: Mapping[str, Local],
    entries: Mapping[str, Mapping[str, Any]],
    create_anyway: frozenset[str],
) -> dict[str, list[str]]:
    """Title → the bulletins of `create_anyway` still to be created that bear it (sorted): the
    unclaimed articles of those titles are kept as posted by hand (_kept_by_hand)."""
    titles: dict[str, list[str]] = {}
    for key in sorted(create_anyway & local.keys()):
        if not (entries.get(key, {}).get("article_id") or entries.get(key, {}).get("token")):
            titles.setdefault(local[key].title, []).append(key)
    return titles


def _keepers(
    local: Mapping[str, Local],
    entries: Mapping[str, Mapping[str, Any]],
    create_anyway: frozenset[str],
    typed: Mapping[str, str],
) -> dict[str, str]:
    """Title → the options that keep its articles as posted by hand, as typed, each with the
    bulletin it names: what a refusal tells to take out of the command («bản tin kia» named
    none, and a unit giving the option for several bulletins could not tell which)."""
    return {
        title: "; ".join(_keeper(key, local[key].source, typed.get(key)) for key in keys)
        for title, keys in _keeping(local, entries, create_anyway).items()
    }


def _keeper(key: str, source: str, typed: str | None) -> str:
    """One option of _keepers: «--zalo-create-anyway NAME (bản tin KEY, tệp FILE)», the file
    left out when it is the name typed."""
    name = typed or source
    where = "" if name == source else f", tệp {source}"
    return f"{CREATE_ANYWAY} {shell_argument(name)} (bản tin {key}{where})"


def _titled(remote: list[dict[str, Any]], ids: set[str] | None, title: str) -> list[dict[str, Any]]:
    """The articles of `remote` that bear `title`, among `ids` unless it is None."""
    return [
        r
        for r in remote
        if (ids is None or str(r.get("id")) in ids) and same_title(r.get("title", "")) == title
    ]


def _own_creates(
    unsure: Mapping[str, list[str]],
    entries: Mapping[str, Mapping[str, Any]],
    local: Mapping[str, Local],
    create_anyway: frozenset[str],
    detail_of: Callable[[str], Mapping[str, Any]],
) -> dict[str, str]:
    """Article id → key of the --zalo-create-anyway bulletin whose killed create (sent, its
    token not saved) the article holds the content recorded as sent of: the tool's own article,
    which applying the plan takes for that bulletin (zalo_plan.sent_known), not one posted by
    hand. Only the articles `unsure` names are read (getdetail), once each."""
    sent: dict[str, str] = {}
    for key in sorted(create_anyway & local.keys()):
        entry = entries.get(key) or {}
        if entry.get("pending_create") and sent_known(entry, local[key]):
            content = entry["pending_create"].get("content") or content_digest(
                json.loads(Path(local[key].path).read_bytes())
            )
            sent.setdefault(content, key)
    if not sent:
        return {}
    ids = sorted({i for found in unsure.values() for i in found})
    return {i: sent[c] for i in ids if (c := content_digest(detail_of(i))) in sent}


def _unsure(
    local: Mapping[str, Local],
    unsure: Mapping[str, list[str]],
    own: Mapping[str, str],
    keepers: Mapping[str, str],
) -> str:
    """Why nothing is sent when bulletins not named by --zalo-create-anyway bear the title of
    an article it keeps as posted by hand, whose text is not theirs; the articles of `own`
    (_own_creates) are told apart, as the killed create's, with what to do then. `keepers`:
    the options keeping each title's articles (_keepers)."""
    if own:
        return _unsure_with_own(local, unsure, own, keepers)
    keys = sorted(unsure)
    named = "; ".join(f"{k} «{local[k].title}» (bài {', '.join(unsure[k])})" for k in keys)
    anyway = " ".join(f"{CREATE_ANYWAY} {shell_argument(local[k].source)}" for k in keys)
    return (
        f"OA đã có bài cùng tiêu đề với {len(keys)} bản tin sắp tạo mà state/zalo.json không có "
        f"bản ghi ({named}), và {CREATE_ANYWAY} giữ nguyên các bài ấy làm bài đăng tay cho một bản "
        "tin khác cùng tiêu đề: tạo lúc này có thể đăng trùng, nếu một trong các bài ấy là bài của "
        "chính bản tin mà nội dung đã sửa. Không gửi gì lên Zalo. Cách sửa: mở từng bài kể trên "
        "trong trang quản trị Zalo OA và đối chiếu với bản tin; chỉ khi không bài nào là bài "
        f"của các bản tin này mới thêm {anyway} vào lệnh để vẫn tạo bài mới; nếu có một bài là "
        f"của bản tin, bỏ khỏi lệnh {_taken_out(keys, local, keepers)} để --reconcile nhận "
        "bài ấy theo tiêu đề."
    )


def _taken_out(keys: list[str], local: Mapping[str, Local], keepers: Mapping[str, str]) -> str:
    """The options keeping as posted by hand the articles of the titles of `keys`, as typed."""
    titles = dict.fromkeys(local[key].title for key in keys)
    return "; ".join(keepers.get(title, CREATE_ANYWAY) for title in titles)


def _unsure_with_own(
    local: Mapping[str, Local],
    unsure: Mapping[str, list[str]],
    own: Mapping[str, str],
    keepers: Mapping[str, str],
) -> str:
    """_unsure when some of those articles hold what a killed create of a --zalo-create-anyway
    bulletin sent: each named as that bulletin's (not posted by hand, not the asking
    bulletin's), and each asking bulletin told its own way out."""
    keys = sorted(unsure)
    makers = sorted(set(own.values()))
    named = []
    ways = []
    for k in keys:
        source = shell_argument(local[k].source)
        hand = [i for i in unsure[k] if i not in own]
        mine = [i for i in unsure[k] if i in own]
        parts = [f"bài {CREATE_ANYWAY} coi là đăng tay: {', '.join(hand)}"] if hand else []
        parts += [f"bài của lần tạo bị ngắt của {own[i]}: {i}" for i in mine]
        named.append(f"{k} «{local[k].title}», tệp {local[k].source} ({'; '.join(parts)})")
        if hand:
            ways.append(
                f"{k}: mở bài {', '.join(hand)} trong trang quản trị Zalo OA và đối chiếu với bản "
                f"tin; không bài nào là của bản tin thì thêm {CREATE_ANYWAY} {source} vào lệnh "
                "để vẫn tạo bài mới; có một bài là của bản tin thì bỏ khỏi lệnh "
                f"{_taken_out([k], local, keepers)} để --reconcile nhận bài ấy theo tiêu đề"
            )
        else:
            ways.append(
                f"{k}: trên OA không còn bài nào khác cùng tiêu đề, nên bản tin chưa có bài: "
                f"thêm {CREATE_ANYWAY} {source} vào lệnh để tạo bài mới cho nó"
            )
    found = "; ".join(
        f"bài {i} có đúng nội dung mà lần tạo bài bị ngắt của {own[i]} (tệp "
        f"{local[own[i]].source}) đã gửi, theo state/zalo.json"
        for i in sorted(own)
    )
    return (
        f"OA đã có bài cùng tiêu đề với {len(keys)} bản tin sắp tạo mà state/zalo.json không có "
        f"bản ghi ({'; '.join(named)}). Không gửi gì lên Zalo, state/zalo.json để nguyên. "
        f"Trong các bài ấy, {found}: nhiều khả năng đó là bài chính công cụ đã tạo cho "
        f"{', '.join(makers)} mà chưa kịp ghi mã bài (lần chạy bị ngắt hoặc mất phản hồi) — không "
        "phải bài "
        f"đăng tay, cũng không phải bài của {', '.join(keys)}. Lần đồng bộ có {CREATE_ANYWAY} "
        f"cho {', '.join(makers)} sẽ nhận bài ấy cho bản tin đó, không tạo trùng: đừng xoá bài "
        "ấy trên OA, và đừng chạy --zalo-forget cho bản tin đó (bỏ bản ghi thì lần tạo bị ngắt "
        "bị quên, bản tin được tạo thêm một bài). Cách sửa, rồi chạy lại publish sync zalo "
        f"--reconcile với các cờ đã có: {'; '.join(ways)}."
    )


def _chosen(bulletin: Local, article_id: str, free: list[dict[str, Any]]) -> dict[str, Any]:
    """The article --zalo-overwrite TỆP=MÃ_BÀI names, if it bears the bulletin's title."""
    for item in free:
        if str(item.get("id")) == article_id:
            return item
    offered = ", ".join(str(r.get("id")) for r in free) or "không có bài nào"
    raise PublishError(
        f"--zalo-overwrite {shell_argument(bulletin.source)}={article_id}: trên Zalo không có bài "
        f"{article_id} mang tiêu đề «{bulletin.title}» mà chưa thuộc bản tin khác (các bài có thể "
        f"chọn: {offered}). Không gửi gì lên Zalo, state/zalo.json để nguyên. Kiểm tra mã bài "
        "trong trang quản trị Zalo OA rồi chạy lại."
    )


def _same_content(detail: Mapping[str, Any], path: str) -> bool:
    """Whether the article on Zalo already holds this payload (getdetail mirrors the create body)."""
    return detail_body(detail) == json.loads(Path(path).read_bytes())


def _lone(local: Mapping[str, Local], lone: Mapping[str, Mapping[str, Any]]) -> str:
    """Why nothing is sent when a bulletin without a record bears the title of one article on
    the OA that does not hold its text: it may be the bulletin's, edited since, or posted by hand."""
    keys = sorted(lone)
    named = "; ".join(
        f"{k} «{local[k].title}», tệp {local[k].source}: bài {lone[k].get('id')}"
        + (" (đang ẩn)" if lone[k].get("status") not in (None, "show") else "")
        for k in keys
    )
    if len(keys) == 1:
        source = shell_argument(local[keys[0]].source)
        ways = (
            "Là bài đăng tay (không phải của bản tin): chạy lại publish sync zalo --reconcile "
            f"{CREATE_ANYWAY} {source} để tạo bài mới cho bản tin, bài kia để nguyên. Là bài "
            f"của bản tin: chạy lại publish sync zalo --reconcile --zalo-overwrite {source} để "
            "nhận bài ấy và cập nhật nó theo bản tin."
        )
    else:
        # Each bulletin's article is its own question: one flag for all made every bulletin
        # take its article, or none, whatever the comparison found.
        each = "; ".join(
            f"{local[k].source}: {CREATE_ANYWAY} {shell_argument(local[k].source)} nếu bài "
            f"{lone[k].get('id')} là bài đăng tay, --zalo-overwrite "
            f"{shell_argument(local[k].source)} nếu đó là bài của bản tin"
            for k in keys
        )
        ways = (
            "Rồi chạy lại một lệnh publish sync zalo --reconcile, thêm cho mỗi bản tin một "
            f"trong hai cờ theo kết quả đối chiếu bài của nó ({each}). Bài đăng tay được để "
            "nguyên, bản tin của nó được tạo bài mới; bài của bản tin được nhận và cập nhật theo "
            "bản tin."
        )
    return (
        f"--reconcile không nhận bài nào cho {len(keys)} bản tin mà state/zalo.json không có bản "
        "ghi: trên Zalo có một bài cùng tiêu đề nhưng nội dung khác bản tin như đã dựng "
        f"({named}). Bài ấy có thể là bài của bản tin, đã sửa sau khi đăng, cũng có thể là bài "
        "quản trị viên OA đăng tay: nhận nhầm thì nội dung bài đăng tay bị thay bằng bản tin. "
        "Không gửi gì lên Zalo, state/zalo.json để nguyên. Cách sửa: mở bài ấy trong trang quản "
        f"trị Zalo OA và đối chiếu với bản tin. {ways}"
    )


def _several(local: Mapping[str, Local], several: Mapping[str, list[str]]) -> str:
    """Why nothing is sent when bulletins without a record bear the title of several articles
    (or share one article with another bulletin), none holding their text as built."""
    keys = sorted(several)
    named = "; ".join(
        f"{k} «{local[k].title}», tệp {local[k].source} (bài {', '.join(several[k])})" for k in keys
    )
    each = "; ".join(
        f"{local[k].source}: {CREATE_ANYWAY} {shell_argument(local[k].source)} nếu không bài "
        f"nào là của bản tin, --zalo-overwrite {shell_argument(local[k].source)}=MÃ_BÀI (ví dụ "
        f"--zalo-overwrite {shell_argument(local[k].source)}={several[k][0]}) nếu bài MÃ_BÀI là "
        "của bản tin"
        for k in keys
    )
    return (
        f"--reconcile không biết bài nào trên Zalo là của {len(keys)} bản tin mà state/zalo.json "
        f"không có bản ghi: mỗi bản tin mang tiêu đề của nhiều bài (hay nhiều bản tin cùng tiêu "
        f"đề chung một bài), và không bài nào có đúng nội dung của bản tin ({named}). Một trong "
        "các bài ấy có thể là bài quản trị viên OA đăng tay: nhận nhầm thì nội dung bài ấy bị "
        "thay bằng bản tin. Không gửi gì lên Zalo, state/zalo.json để nguyên. Cách sửa: mở từng "
        "bài kể trên trong trang quản trị Zalo OA và đối chiếu với bản tin. Rồi chạy lại một "
        "lệnh publish sync zalo --reconcile, thêm cho mỗi bản tin một cờ theo kết quả đối chiếu "
        f"({each}). Bài không ai nhận được để nguyên; bài được chọn được nhận và cập nhật theo "
        "bản tin."
    )
