"""Finding on the OA what a lost reply made: articles by the title and content that were sent."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Any

from publish.sync.zalo_plan import same_title
from publish.sync.zalo_unrecorded import CREATE_ANYWAY, shell_argument
from publish.zalo.errors import SETTING, ListShort, ListUnsettled, ZaloError

if TYPE_CHECKING:
    from publish.zalo.client import ZaloClient

__all__ = ["ArticleLookup", "Unreadable", "age", "content_digest", "detail_body", "utc_stamp"]

CONTENT_FIELDS = ("title", "author", "description", "cover", "body", "video_id", "avatar")
"""What tells one article from another with the same title (getdetail may add or drop others)."""


def utc_stamp() -> str:
    """The current time for the state file (UTC, ISO 8601)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def age(stamp: str | None) -> float:
    """Seconds since an ISO time from the state file (large when unknown; one without a zone,
    only a hand edit writes, is UTC, like every time the tool writes)."""
    try:
        then = dt.datetime.fromisoformat(stamp or "")
    except ValueError:
        return 1e9
    if then.tzinfo is None:
        then = then.replace(tzinfo=dt.UTC)
    return (dt.datetime.now(dt.UTC) - then).total_seconds()


def content_digest(article: Mapping[str, Any]) -> str:
    """A digest of an article's content fields, equal for a payload and getdetail's copy of it
    (a field getdetail adds to the cover or a block counts no more than one on the article)."""
    fields = _contract_parts({name: article.get(name) for name in CONTENT_FIELDS})
    return hashlib.sha256(
        json.dumps(fields, ensure_ascii=False, sort_keys=True).encode()
    ).hexdigest()


SENT_FIELDS = {
    "normal": (
        "type", "title", "author", "description", "cover", "body", "related_medias",
        "tracking_link", "status", "comment",
    ),
    "video": ("type", "title", "description", "video_id", "avatar", "status", "comment"),
}  # fmt: skip
"""The fields of a create or update body the contract lists, by article type
(zalo-oa-api.md §2.1, §2.2)."""
COVER_FIELDS = ("cover_type", "photo_url", "video_id", "cover_view", "status")
BLOCK_FIELDS = {
    "text": ("type", "content"),
    "image": ("type", "url", "caption"),
    "video": ("type", "url", "video_id", "thumb"),
    "product": ("type", "id"),
}
"""The fields of each kind of body block the contract lists (§2.3)."""


def detail_body(detail: Mapping[str, Any]) -> dict[str, Any]:
    """An article as getdetail returns it, as a create or update body: only the fields the
    contract lists, on the article, its cover and each block. getdetail's reply is not
    documented (§2.4 [U]: `cite`, dates, counts…), and an update echoing what Zalo added may be
    refused, or set what the tool never meant to."""
    kind = detail.get("type") if detail.get("type") in SENT_FIELDS else "normal"
    return _contract_parts({k: v for k, v in detail.items() if k in SENT_FIELDS[str(kind)]})


def _contract_parts(fields: dict[str, Any]) -> dict[str, Any]:
    """`fields` with the cover and each body block (when there) cut to the fields the contract
    lists for them."""
    if isinstance(fields.get("cover"), Mapping):
        fields["cover"] = {k: v for k, v in fields["cover"].items() if k in COVER_FIELDS}
    if isinstance(fields.get("body"), list):
        fields["body"] = [_sent_block(block) for block in fields["body"]]
    return fields


def _sent_block(block: Any) -> Any:
    """A body block with only the fields the contract lists for its type (one of no known
    type as it is: the tool sends none, and its fields are not known to leave any out)."""
    if not isinstance(block, Mapping) or str(block.get("type")) not in BLOCK_FIELDS:
        return block
    return {k: v for k, v in block.items() if k in BLOCK_FIELDS[str(block["type"])]}


REFUSED = (
    "chưa tạo lại bài của một lần tạo bị ngắt hay mất phản hồi (tạo lại có thể đăng trùng bài): "
)
"""How the sync's last lines open what a lost create the lookup refused needs (`closing`)."""
AGAIN = "rồi chạy lại publish sync zalo (bài đã có trên OA thì được nhận, không tạo trùng)"


def _list_closing(error: ListShort | ListUnsettled) -> str:
    """What a person is to know and do when a lost create was not looked for in a list not
    read whole: turn the setting on (a shortfall the hidden articles recorded cover; maybe,
    when they cover it by count only), show again what was hidden by hand, or wait for a list
    that moved."""
    if isinstance(error, ListUnsettled):
        return (
            f"{REFUSED}danh sách bài trên Zalo OA thay đổi trong lúc đọc (có bài được thêm hay "
            "xoá), nên chưa biết bài ấy đã có trên OA chưa. Chạy lại publish sync zalo sau ít "
            "phút; lặp lại ở nhiều lần chạy thì tìm bài cùng tiêu đề với bản tin (kể cả bài "
            "ẩn) trong trang quản trị OA."
        )
    if error.fixable:
        return (
            f"{REFUSED}danh sách bài trên Zalo OA thiếu so với tổng Zalo báo, không quá số bài "
            "đã ẩn mà state/zalo.json ghi, nên chưa biết bài ấy đã có trên OA chưa. Thiếu như "
            f"vậy ở mọi lần chạy thì chạy lại không giúp: đặt {SETTING} = true trong bảng "
            f"[zalo] của site.toml, {AGAIN}."
        )
    if error.maybe_fixable:
        return (
            f"{REFUSED}danh sách bài trên Zalo OA thiếu so với tổng Zalo báo, {ListShort.BY_COUNT}"
            ", nên chưa biết bài ấy đã có trên OA chưa. "
        ) + error.maybe_fix(
            where="trong bảng [zalo] của site.toml (công cụ sẽ hỏi Zalo từng bài đã ẩn ấy)",
            then=f", {AGAIN}",
            among=", kể cả bài cùng tiêu đề với bản tin,",
        )
    return (
        f"{REFUSED}danh sách bài trên Zalo OA thiếu so với tổng Zalo báo, và các bài đã ẩn mà "
        "state/zalo.json ghi không cho biết bài thiếu là những bài nào, nên chưa biết bài ấy đã "
        "có trên OA chưa (có thể "
        "chính nó bị ẩn tay). Trong trang quản trị OA, tìm các bài bị ẩn tay (không qua công "
        f"cụ), kể cả bài cùng tiêu đề với bản tin: hiện lại chúng {AGAIN}; không thấy bài nào "
        "như vậy thì so số bài trong trang quản trị OA với tổng Zalo báo."
    )


class Unreadable(ZaloError):
    """getdetail refused an article id (-201) that the OA's list of articles holds: not a
    deleted article, which must not be recorded as gone (and created again: a duplicate)."""


def _unknown_article(error: Unreadable, article_id: str, title: str, source: str) -> Unreadable:
    """Why a lost create is neither found nor made again while getdetail refuses an article of
    its title that no record holds: a person posted it, or the lost create itself did."""
    return Unreadable(
        f"{source}: trên OA có bài {article_id} cùng tiêu đề «{title}» với bản tin này mà "
        "công cụ không ghi là bài của bản tin nào, và Zalo từ chối đọc bài ấy (getdetail, mã "
        f"-201: “{error.api_message}”), nên không so được nội dung: đó có thể là bài quản trị "
        "viên OA đăng tay, hay bài mà lần tạo bị ngắt trước đó của bản tin này đã kịp tạo. "
        "Chưa tạo bài, chưa đổi gì trên Zalo: tạo lúc này có thể đăng trùng. Lần đồng bộ sau "
        f"thử đọc lại (không cần làm gì). Lỗi lặp lại thì mở bài {article_id} trong trang quản "
        "trị OA: là bài đăng tay (không phải bài của bản tin) thì giữ nguyên và chạy publish "
        f"sync zalo {CREATE_ANYWAY} {shell_argument(source)} để tạo bài của bản tin bên cạnh "
        "nó; đúng là bài của bản tin này thì chờ tới khi Zalo đọc được bài (lần đồng bộ đó nhận "
        "bài, không tạo trùng), hoặc xoá bài ấy trong trang quản trị OA để lần sau tạo lại.",
        code=-201,
        api_message=error.api_message,
        operation="getdetail",
        closing=(
            f"{REFUSED}Zalo từ chối đọc bài {article_id} cùng tiêu đề, nên chưa so được nội "
            "dung. Thường lần đồng bộ sau đọc được (không cần làm gì); lặp lại thì mở bài "
            f"{article_id} trong trang quản trị OA: bài đăng tay thì chạy publish sync zalo "
            f"{CREATE_ANYWAY} {shell_argument(source)}; đúng là bài của bản tin thì chờ tới khi "
            "Zalo đọc được, hoặc xoá nó để lần sau tạo lại."
        ),
    )


class ArticleLookup:
    """Looks up OA articles for lost creates, never handing one article to two records."""

    def __init__(
        self,
        client: Callable[[], ZaloClient],
        hidden: Callable[[], Collection[str]] = frozenset,
    ) -> None:
        self._client = client
        self._hidden = hidden
        """The ids of the articles the records hold hidden (see ZaloClient.list_articles)."""
        self._remote: list[dict[str, Any]] | None = None
        # Reentrant: find() reads articles (detail) while it holds it.
        self._lock = threading.RLock()
        self._claimed: set[str] = set()
        self._token_ids: dict[str, str | None] = {}
        self._short: ListShort | None = None
        """The run's reading when it was short (`_remote` None then): kept like a whole one."""

    def find(
        self,
        key: str,
        title: str,
        content: str | None,
        entries: Mapping[str, Mapping[str, Any]],
        *,
        fresh: bool = False,
        past_unreadable: bool = False,
    ) -> str | None:
        """The id of an unclaimed OA article with this title and content (newest first), claiming
        it; Unreadable when getdetail refuses one whose content must be compared, unless
        `past_unreadable` (--zalo-create-anyway: a person found it is not this bulletin's)."""
        with self._lock:
            if fresh or (self._remote is None and self._short is None):
                try:
                    self._read()  # short: only a lost create not on it waits (see _read)
                except ListUnsettled as error:
                    raise self._unread(error) from None
            short = self._short
            taken = {e.get("article_id") for k, e in entries.items() if k != key} | self._claimed
            for item in short.articles if short is not None else self._remote or []:
                article_id = str(item.get("id"))
                if same_title(item.get("title", "")) != title or article_id in taken:
                    continue
                try:
                    if content is not None and self.content_of(article_id) != content:
                        continue
                except Unreadable as error:
                    if past_unreadable:
                        continue
                    source = str((entries.get(key) or {}).get("source") or key)
                    raise _unknown_article(error, article_id, title, source) from None
                if article_id in self._resolving(key, title, entries):
                    continue
                self._claimed.add(article_id)
                return article_id
            if short is not None:
                raise self._unread(short)
        return None

    @staticmethod
    def _unread(error: ListShort | ListUnsettled) -> ZaloError:
        """Why a lost create not found on a list not read whole is neither taken nor made again."""
        after = (
            error.next_run()
            if isinstance(error, ListShort)
            else "Lần đồng bộ sau đọc lại danh sách (không cần làm gì); lặp lại ở "
            "nhiều lần chạy thì tìm bài này trong trang quản trị OA."
        )
        return ZaloError(
            f"Chưa đọc trọn danh sách bài trên Zalo OA ({error}), nên chưa biết "
            "bài của bản tin này đã có trên OA chưa: chưa tạo lại (tạo lại có thể "
            f"đăng trùng bài). {after}",
            operation="getslice",
            closing=_list_closing(error),
        )

    def read_all(self) -> list[dict[str, Any]]:
        """Every normal article of the OA, read now and kept for the rest of the run (`listed`,
        `find`): the ids asked about later were recorded before it. A short reading is kept
        too (as `find` keeps it) before it is raised: read again, it said the same."""
        with self._lock:
            self._read()
            if self._short is not None:
                raise self._short
            return self._remote or []

    def _read(self) -> None:
        """Read the OA's list now into `_remote`, or, when short, into `_short`."""
        try:
            self._remote, self._short = self._articles(), None
        except ListShort as error:
            # Two readings agreed on it: each article it lists is on the OA, whatever the
            # ones it lacks are. Kept for the run as a whole reading is: read again (for each
            # lost create, after the daily check), it cost the rate limit and said the same.
            self._remote, self._short = None, error

    def _articles(self) -> list[dict[str, Any]]:
        """Every normal article of the OA, read consistently, a shortfall taken only for the
        hidden articles still there (see ZaloClient.list_articles)."""
        return self._client().list_articles("normal", hidden=self._hidden())

    def content_of(self, article_id: str) -> str | None:
        """The content digest of an OA article, or None when it is gone (see `detail`)."""
        detail = self.detail(article_id)
        return None if detail is None else content_digest(detail)

    def detail(self, article_id: str) -> dict[str, Any] | None:
        """The article as getdetail returns it; None when it is gone from the OA; Unreadable
        when getdetail refuses it while the OA lists it.

        -201 is «invalid parameter» (zalo-oa-api.md §5: `<field> is invalid!`, do not retry);
        what getdetail answers for a deleted article is not documented (§8). Taken alone as
        «deleted», any -201 (a refused id, a passing fault) had the record marked removed and
        the next run create a second article beside the first: the OA's list of articles,
        which the contract documents (§2.5), tells whether it is still there.
        """
        try:
            return self._client().getdetail(article_id)
        except ZaloError as error:
            if error.code != -201:
                raise
            if not self.listed(article_id):
                return None
            raise Unreadable(
                f"Zalo từ chối đọc bài {article_id} (getdetail, mã -201: “{error.api_message}”) "
                "dù bài vẫn có trong danh sách bài của OA: công cụ không coi là bài đã bị xoá "
                "và không tạo lại (tạo lại sẽ đăng trùng bài); chưa đổi gì. Lần đồng bộ sau "
                "thử lại (không cần làm gì); lỗi lặp lại ở nhiều lần chạy thì mở bài này trong "
                "trang quản trị OA xem còn không.",
                code=-201,
                api_message=error.api_message,
                operation="getdetail",
            ) from None

    def listed(self, article_id: str) -> bool:
        """Whether the OA's list of normal articles holds `article_id`: read once a run, and
        shared with `find` (the ids asked about were recorded before the run, so a list read
        earlier in it holds each one not deleted by then)."""
        with self._lock:
            if self._remote is None and self._short is None:
                self._read()
            if self._short is not None:
                if any(str(item.get("id")) == article_id for item in self._short.articles):
                    return True  # a short list's article is there (what it lacks is not known)
                raise self._short  # read again, the run's list said the same
            return any(str(item.get("id")) == article_id for item in self._remote or [])

    def _resolving(
        self, key: str, title: str, entries: Mapping[str, Mapping[str, Any]]
    ) -> set[str]:
        """Articles that other records with this title made but hold only as a token (verified)."""
        found: set[str] = set()
        for other, entry in entries.items():
            token = entry.get("token")
            if other == key or not token or entry.get("article_id"):
                continue
            if same_title(entry.get("title", "")) != title:
                continue
            if token not in self._token_ids:
                self._token_ids[token] = self._token_article(token)
            article_id = self._token_ids[token]
            if article_id:
                found.add(article_id)
        return found

    def _token_article(self, token: str) -> str | None:
        """The article a create token made; None when Zalo made none or forgot the token."""
        try:
            return self._client().verify(token)
        except ZaloError as error:
            if error.code in (-200, -201):
                return None
            raise
