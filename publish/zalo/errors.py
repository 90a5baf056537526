"""ZaloError: a Zalo OA request that failed, explained in Vietnamese, never carrying a token.

PublishError
└── RemoteError
    └── ZaloError              code = Zalo's error code (None for network/HTTP failures)
        ├── ZaloUncertainError a create whose reply was lost: the article may exist
        ├── ListUnsettled      the OA's article list kept changing while read
        └── ListShort          the OA's article list, read twice alike, ends before its total
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from publish.errors import RemoteError
from publish.secret_mask import redact

__all__ = [
    "LOGIN_COMMAND",
    "REFUSALS",
    "SECRET_COMMAND",
    "SETTING",
    "ListShort",
    "ListUnsettled",
    "NotVerified",
    "StillProcessing",
    "ZaloError",
    "ZaloUncertainError",
    "api_error",
]

OPERATIONS = {
    "create": "tạo bài viết",
    "verify": "lấy mã bài viết (verify)",
    "update": "cập nhật bài viết",
    "remove": "xoá bài viết",
    "getdetail": "đọc chi tiết bài viết",
    "getslice": "liệt kê bài viết",
    "getoa": "đọc thông tin OA",
    "refresh": "làm mới access token",
}

LOGIN_COMMAND = (
    "publish zalo-login --redirect-uri <địa chỉ gọi lại đã khai trong phần cài đặt ứng dụng "
    "trên developers.zalo.me>"
)
"""The command an OA's consent is given again with, as every piece of advice writes it."""
SECRET_COMMAND = "gh secret set ZALO_REFRESH_TOKEN --env publish < /tmp/rt && rm /tmp/rt"
"""Putting the refresh token zalo-login wrote to /tmp/rt into CI's secret (GitHub)."""
REAUTHORIZE = (
    "Quản trị viên OA cần cấp quyền lại cho ứng dụng: trên máy có trình duyệt, đặt ZALO_APP_ID, "
    f"ZALO_APP_SECRET rồi chạy `{LOGIN_COMMAND}` (ghi tệp token mới, ZALO_TOKEN_FILE), quản "
    "trị viên OA mở địa chỉ lệnh in ra, chọn đúng OA và đồng ý; với CI, thêm "
    "`--refresh-token-file /tmp/rt` rồi đặt nội dung tệp đó vào bí mật ZALO_REFRESH_TOKEN "
    f"(`{SECRET_COMMAND}`; xem «Xoay vòng token và bí mật» trong README)."
)

SPENT_CAUSES = (
    "Nguyên nhân thường gặp nhất: hai nơi cùng làm mới token của OA này, mỗi nơi một tệp token "
    "(CI và máy một cán bộ cùng chạy publish sync, hay một bản chép của tệp token): nơi kia đã "
    "dùng refresh token này và giữ cặp token mới. Chỉ để một nơi đồng bộ Zalo (thường là CI): "
    "thôi chạy publish sync zalo ở nơi còn lại và xóa tệp token ở đó. Giữ nơi kia thì nó vẫn "
    "chạy được, không phải làm gì thêm; giữ nơi này thì cấp quyền lại như dưới đây, sau khi nơi "
    "kia đã thôi chạy (không thì lỗi này sẽ quay lại). Nguyên nhân khác: tệp token bị mất giữa "
    "hai lần chạy (cache của CI bị xóa, đổi máy chạy) nên ZALO_REFRESH_TOKEN đã tiêu được dùng "
    "lại: cấp quyền lại."
)
"""Why a refresh token is refused as spent (-14014), most likely first, and what to do for each:
re-authorizing while two places still refresh the same OA only meets the error again (README,
«Đừng để hai nơi cùng làm mới một OA»)."""

HINTS = {
    -32: "Đã vượt giới hạn số lần gọi API mỗi phút của Zalo và thử lại vẫn bị chặn. "
    "Hãy chạy lại sau vài phút.",
    -200: "Zalo không tải được ảnh bìa hoặc ảnh trong bài. Kiểm tra ảnh là URL công khai, "
    "định dạng JPG/PNG, dung lượng ≤ 1 MB, rồi chạy lại để tạo lại bài.",
    -201: "Dữ liệu gửi lên không hợp lệ. Sửa trường được nêu trong thông báo rồi chạy lại; "
    "gửi lại nguyên trạng sẽ không có tác dụng.",
    -209: "Zalo không hỗ trợ API này (sai đường dẫn hoặc ứng dụng chưa được kích hoạt API).",
    -214: "Zalo vẫn đang xử lý bài viết sau thời gian chờ. Hãy chạy lại đồng bộ sau vài phút "
    "để lấy mã bài.",
    -216: "Access token không hợp lệ và làm mới token không khắc phục được. " + REAUTHORIZE,
    -220: "Access token đã hết hạn và làm mới token không khắc phục được. " + REAUTHORIZE,
    -224: "Gói dịch vụ của OA không cho đăng bài viết qua API: chạy lại không khắc phục được, nên "
    "công cụ dừng gửi lên Zalo (yêu cầu bị từ chối không tạo hay sửa bài nào). Quản trị viên OA "
    "cần nâng cấp gói dịch vụ của OA trong trang quản trị OA, rồi chạy lại publish sync zalo.",
    -242: "appsecret_proof không đúng: kiểm tra ZALO_APP_SECRET.",
    -14003: "Tham số OAuth không hợp lệ: ZALO_APP_ID hoặc ZALO_APP_SECRET sai (thường là App "
    "Secret chép thiếu hay thừa ký tự, đã được tạo lại, hay của ứng dụng khác). Cách sửa: trên "
    "developers.zalo.me, mở ứng dụng liên kết với OA, trang Cài đặt, chép lại App ID và App "
    "Secret vào bí mật ZALO_APP_ID, ZALO_APP_SECRET của CI (hay biến môi trường trên máy chạy) "
    "rồi chạy lại; token vẫn dùng được, không phải cấp quyền lại.",
    -14014: "Refresh token không còn hiệu lực: Zalo nhận mỗi refresh token một lần, và token này "
    "đã được dùng (hoặc không được dùng quá 3 tháng). " + SPENT_CAUSES + " " + REAUTHORIZE,
}
HINT_QUOTA = "OA đã dùng hết hạn mức tạo bài viết. Hãy chờ hạn mức được cấp lại rồi chạy lại."
HINT_NOT_AUTHORIZED = (
    "OA chưa cấp quyền “Quản lý bài viết” cho ứng dụng: chạy lại không khắc phục được, nên công "
    "cụ dừng gửi lên Zalo (yêu cầu bị từ chối không tạo hay sửa bài nào). Quản trị viên OA cần "
    "cấp quyền lại cho ứng dụng và đồng ý cả quyền “Quản lý bài viết”: chạy `publish "
    "zalo-login` (ghi tệp token mới, ZALO_TOKEN_FILE); với CI, thêm --refresh-token-file để đặt "
    "refresh token mới vào bí mật ZALO_REFRESH_TOKEN, rồi xoá tệp token cũ trong cache của CI. "
    "Sau đó chạy lại publish sync zalo."
)
HINT_DEFAULT = "Xem bảng mã lỗi Zalo OA trong tài liệu dự án."
REFUSALS = frozenset(
    {-32, -200, -201, -202, -204, -205, -207, -208, -209, -210, -211, -212, -213, -215, -216}
    | {-217, -218, -219, -220, -221, -223, -224, -242}
)
"""The error codes of the contract's table (zalo-oa-api.md §5) that refuse a call: a create
they answer made no article. Another code (-214 «being processed», or one no source lists)
says nothing sure, so such a create is looked up before it is sent again."""
NEEDS_A_PERSON = frozenset({-216, -220, -224, -242, -14003, -14014})
"""Failures no rerun fixes and every call would meet (a login, the OA's package, and -223 when
it means a missing permission): the channel stops, exit 1 (a person must act), not 3."""


def _is_quota(api_message: str | None) -> bool:
    """Whether a -223 means the article quota (wait for it) rather than a missing permission."""
    return "quota" in (api_message or "").lower()


def _needs_a_person(code: int | None, api_message: str | None) -> bool:
    """Whether a failure stops the channel (see NEEDS_A_PERSON); -223 is told by its message."""
    return code in NEEDS_A_PERSON or (code == -223 and not _is_quota(api_message))


NOT_REFRESHING = (
    "chạy thử không làm mới token (refresh token chỉ dùng được một lần: cặp token mới có thể "
    "không được giữ lại)"
)
NOT_REFRESHED = f"token truy cập Zalo đã hết hạn hoặc bị từ chối, và {NOT_REFRESHING}"
"""Why a read-only token manager (a dry run's, see TokenManager.reading) gives no access token."""
NO_ACCESS_TOKEN = f"chưa có access token (chưa có tệp token), và {NOT_REFRESHING}"
"""NOT_REFRESHED before any access token was had: a first run, with only ZALO_REFRESH_TOKEN."""


class ZaloError(RemoteError):
    """A Zalo request failed; `code` is Zalo's error code or None for network/HTTP failures."""

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        api_message: str | None = None,
        operation: str | None = None,
        http_status: int | None = None,
        unread: str | None = None,
        unsent: bool = False,
        unreachable: str = "",
        what: str = "",
        closing: str = "",
    ) -> None:
        super().__init__(message)
        self.stops_channel = _needs_a_person(code, api_message)
        if self.stops_channel:
            self.exit_code = 1
        self.code = code
        self.api_message = api_message
        self.operation = operation
        self.http_status = http_status
        self.unread = unread
        """The reply that could not be read, in words, when that was the failure: a create it
        answered may have been made all the same."""
        self.unsent = unsent
        """Whether the call was turned away before anything handled it (not sent, or HTTP 429
        / -32): a create so refused made no article, whatever else is known."""
        self.unreachable = unreachable
        """Why no connection to Zalo could be opened at all, in words («không kết nối được tới
        Zalo (…): kết nối bị từ chối …»), when every retry met that; else empty. A timeout, a
        lost connection or a 5xx is not this: those may pass between two calls."""
        self.what = what
        """The failure alone, in words, without the sync's next step («lần chạy sau tự làm
        tiếp»), for a retried HTTP 429/5xx or a lost connection; else empty: a command a later
        sync does not carry on (--reconcile) tells its own next step (see zalo_reconcile)."""
        self.closing = closing
        """What a person is to know and do before a rerun helps, for the sync's last lines
        (report.closing_message); empty when running again is all it takes."""


class ZaloUnreachable(ZaloError):
    """No connection to Zalo could be opened for the run's first call, retries and all, nor
    once more after a wait: every other call would fail the same way, each after its own
    retries, so the channel stops with this one message (exit 3: nothing is wrong with the
    content, run again later). `unreachable` says why, as ZaloError's does."""

    def __init__(self, message: str, *, unreachable: str = "") -> None:
        super().__init__(message, unreachable=unreachable)
        self.stops_channel = True
        self.unconfirmed = False
        """Whether the token's OA is unconfirmed just after this run renewed it from
        ZALO_REFRESH_TOKEN into a file naming no OA (see OaUnconfirmed): exit 3 even in a run
        with nothing to send."""


class StillProcessing(ZaloError):
    """Zalo still called a job processing (-214) when the verify wait ran out: not a failure,
    as the article may yet appear; its token stays saved and the next sync verifies it first."""

    pending = True


class NotVerified(ZaloError):
    """A job sent and saved whose verify could not be asked (network, HTTP 5xx, -32): the
    article may well be on the OA already; the next sync verifies it first, never sends it again."""

    unverified = True


class ZaloUncertainError(ZaloError):
    """A create whose reply was lost: the article may or may not exist on Zalo."""


class ListUnsettled(ZaloError):
    """The OA's list of articles changed under every reading of it (see
    ZaloClient.list_articles): its message says only that; each caller tells what it did not
    do for want of the list."""

    def __init__(self, attempts: int) -> None:
        super().__init__(
            "danh sách bài trên Zalo thay đổi liên tục trong lúc đọc (có bài được thêm hoặc xoá "
            f"cùng lúc; đã đọc {attempts} lần)",
            operation="getslice",
        )


SETTING = "list_total_counts_hidden"
"""The [zalo] key saying that getslice's total counts hidden articles it does not list."""


class ListShort(ZaloError):
    """Two readings of the OA's list of articles agreed, article for article and on the total,
    yet held fewer articles than that total: not a list that moved, so reading it again does
    not help. Whether Zalo's total counts articles it does not list (hidden ones) is
    unconfirmed (zalo-oa-api.md §2.5): no article may be taken for missing from it, unless
    [zalo] list_total_counts_hidden says so and the articles state/zalo.json records hidden
    that the list lacks and getdetail still reads (`hidden`) are as many as it misses.
    `read`: whether getdetail was asked about those articles (always with the setting on;
    off, only a few, for `fixable`): unread, `hidden` counts every one the list lacks, and
    nothing is said of whether Zalo still reads them. `asked`: unread because getdetail failed
    (503, 429), not because they were too many to ask about. `articles`: what was read, for a
    caller that only counts (publish report), or reads each record's article again
    (--reconcile). `counted`: whether that setting is on. `gone`:
    the articles recorded hidden that getdetail no longer reads (not in `hidden`)."""

    def __init__(
        self,
        articles: list[dict[str, Any]],
        total: int,
        type: str,
        *,
        hidden: int = 0,
        counted: bool = False,
        gone: int = 0,
        read: bool = False,
        asked: bool = False,
    ) -> None:
        missing = total - len(articles)
        read = read or counted
        super().__init__(
            f"danh sách bài {'video' if type == 'video' else 'thường'} trên Zalo chỉ có "
            f"{len(articles)} bài trong khi Zalo báo tổng {total} bài, như nhau ở hai lần đọc "
            "liền (danh sách không thay đổi, nên đọc lại ngay cũng vậy; Zalo có thể tính cả bài "
            f"không liệt kê, như bài đã ẩn)"
            + _setting_note(missing, hidden, counted, gone, read, asked),
            operation="getslice",
        )
        self.articles = articles
        self.total = total
        self.counted = counted
        self.fixable = not counted and read and 0 < total - len(articles) == hidden
        """Whether turning list_total_counts_hidden on would have the list taken whole: the
        recorded hidden articles the list lacks that getdetail still reads are exactly as many
        as it misses, the one rule list_articles takes a short list by with the setting on (not
        known when they were not read)."""
        self.maybe_fixable = not read and 0 < missing == hidden
        """Whether turning the setting on may have the list taken whole: as many recorded hidden
        articles the list lacks as it misses, by count only (not read: too many, or getdetail
        failed), so whether Zalo still reads each is not known."""

    BY_COUNT = (
        "bằng số bài đã ẩn mà state/zalo.json ghi (chưa biết Zalo còn đọc được từng bài ấy không)"
    )
    """How a caller that does not show this error tells a `maybe_fixable` shortfall."""

    def maybe_fix(
        self,
        lead: str = "Thiếu đúng như vậy ở mọi lần chạy thì chạy lại không giúp",
        where: str = "như nói trên",
        then: str = "",
        among: str = "",
    ) -> str:
        """The advice for a `maybe_fixable` shortfall: why the setting may mend it, and what to
        do when it does not; `lead` says when reading again does not help, `where` points at
        the setting, `then` follows setting it, `among` narrows the articles to look for."""
        return (
            f"{lead}: có thể Zalo tính cả bài đã ẩn vào tổng, khi ấy đặt {SETTING} = true "
            f"{where}{then}. Đặt rồi mà danh sách vẫn thiếu thì trong trang quản trị OA, tìm các "
            f"bài bị ẩn tay (không qua công cụ){among} và hiện lại chúng, hoặc muốn bài nào ẩn "
            "thì thêm dòng draft: [zalo] vào phần đầu bản tin của nó; không thấy bài nào như "
            "vậy thì so số bài trong trang quản trị OA."
        )

    def next_run(self) -> str:
        """What a caller that waits for the next run's reading tells of it: that reading helps
        only when the shortfall is passing, and the same shortfall at every run has a fix."""
        if self.fixable:
            return (
                "Lần đồng bộ sau đọc lại danh sách, nhưng thiếu đúng như vậy ở mọi lần chạy "
                f"thì đọc lại không giúp: đặt {SETTING} = true như nói trên."
            )
        if self.maybe_fixable:
            return self.maybe_fix(
                "Lần đồng bộ sau đọc lại danh sách, nhưng thiếu đúng như vậy ở mọi lần chạy "
                "thì đọc lại không giúp"
            )
        return (
            "Lần đồng bộ sau đọc lại danh sách; thiếu đúng như vậy ở mọi lần chạy thì đọc lại "
            "không giúp: so số bài trong trang quản trị OA."
        )


_RULE = (
    "từ đó danh sách là đủ khi số bài thiếu đúng bằng số bài đã ẩn mà danh sách không có và "
    "Zalo vẫn đọc được (getdetail)"
)
"""The rule list_articles takes a short list by with the setting on, as the advice tells it."""


def _setting_note(
    missing: int,
    hidden: int,
    counted: bool,
    gone: int = 0,
    read: bool = True,
    asked: bool = False,
) -> str:
    """What ListShort adds about [zalo] list_total_counts_hidden: turn it on when the articles
    state/zalo.json records hidden that the list lacks make up for what it misses; with it on,
    how the shortfall and those articles differ (fewer: some unknown; more: which are missing
    cannot be told), and how many recorded hidden are gone (`gone`); with it off and the
    articles not read (`read`; `asked`: getdetail failed), only what their count tells."""
    where = f"{SETTING} trong bảng [zalo] của site.toml"
    if counted:
        gone_told = (
            f"{gone} bài đã ẩn mà state/zalo.json ghi thì Zalo không còn đọc được (có thể đã bị "
            "xoá trong trang quản trị OA; publish sync zalo --reconcile ghi chúng là đã gỡ)"
        )
        stale = f" (không tính {gone_told})" if gone else ""
        if not hidden:
            known = (
                gone_told
                if gone
                else "state/zalo.json không ghi bài đã ẩn nào mà danh sách không có"
            )
            return (
                f". {where} là true, nhưng {known}, nên không bài nào bù được {missing} bài "
                "thiếu: bài không có trong danh sách là bài công cụ không biết, hay một bài đang "
                "đăng bị ẩn tay trong trang quản trị OA"
            )
        if hidden > missing:
            return (
                f". state/zalo.json ghi {hidden} bài đã ẩn mà danh sách không có và Zalo vẫn "
                f"đọc được{stale}, nhiều hơn {missing} bài thiếu ({where} là true): tổng của "
                "Zalo không tính hết các bài ẩn ấy, nên không biết bài thiếu là những bài nào"
            )
        return (
            f". Đã trừ {hidden} bài đã ẩn mà state/zalo.json ghi và danh sách không có ({where} "
            f"là true){stale} mà vẫn thiếu {missing - hidden} bài"
        )
    if not read and 0 < missing <= hidden:
        return _unread_note(missing, hidden, where, asked)
    stale = (
        f" (không tính {gone} bài đã ẩn mà state/zalo.json ghi thì Zalo không còn đọc được: có "
        "thể đã bị xoá trong trang quản trị OA)"
        if gone
        else ""
    )
    if missing == hidden:
        return (
            f". state/zalo.json ghi {hidden} bài đã ẩn mà danh sách không có, đủ bù {missing} bài "
            f"thiếu{stale}: nếu lần nào cũng thiếu đúng như vậy thì Zalo tính cả bài đã ẩn vào "
            f"tổng mà không liệt kê chúng. Cách sửa: đặt {SETTING} = true trong bảng [zalo] của "
            f"site.toml (docs/cau-hinh.md), {_RULE}"
        )
    if hidden > missing:
        return (
            f". state/zalo.json ghi {hidden} bài đã ẩn mà danh sách không có và Zalo vẫn đọc "
            f"được{stale}, nhiều hơn {missing} bài thiếu: tổng của Zalo không tính hết các bài "
            f"ẩn ấy, nên không biết bài thiếu là những bài nào, và {where} cũng không bù được"
        )
    if gone:
        return (
            f". Số bài thiếu nhiều hơn số bài đã ẩn mà state/zalo.json ghi, danh sách không có "
            f"và Zalo vẫn đọc được ({hidden}; {gone} bài đã ẩn mà state/zalo.json ghi thì Zalo "
            f"không còn đọc được: có thể đã bị xoá trong trang quản trị OA), nên {where} cũng "
            "không bù được"
        )
    return (
        f". Số bài thiếu nhiều hơn số bài đã ẩn mà state/zalo.json ghi và danh sách không có "
        f"({hidden}), nên {where} cũng không bù được"
    )


def _unread_note(missing: int, hidden: int, where: str, asked: bool) -> str:
    """What the setting would do for a shortfall the hidden articles the list lacks may cover
    by count, none of them read (too many to read for advice alone, or getdetail failed:
    `asked`)."""
    unasked = (
        "công cụ đã hỏi Zalo từng bài ấy nhưng chưa đọc được (getdetail lỗi), nên chưa biết Zalo "
        "còn đọc được bài nào"
        if asked
        else "công cụ chưa hỏi Zalo xem từng bài ấy còn đọc được không"
    )
    if missing == hidden:
        return (
            f". state/zalo.json ghi {hidden} bài đã ẩn mà danh sách không có, bằng {missing} bài "
            f"thiếu ({unasked}): nếu lần nào cũng thiếu đúng như vậy thì có thể Zalo tính cả bài "
            f"đã ẩn vào tổng mà không liệt kê chúng. Khi ấy, cách sửa: đặt {SETTING} = true "
            f"trong bảng [zalo] của site.toml (docs/cau-hinh.md), {_RULE}"
        )
    return (
        f". state/zalo.json ghi {hidden} bài đã ẩn mà danh sách không có, nhiều hơn {missing} bài "
        f"thiếu ({unasked}), nên không biết bài thiếu là những bài nào; khi {where} là true, "
        f"mỗi lần đọc công cụ hỏi Zalo từng bài ấy (getdetail), và {_RULE}"
    )


def _hint(code: int, api_message: str) -> str:
    """The Vietnamese advice for an error code (-223 has two meanings, told apart by message)."""
    if code == -223:
        return HINT_QUOTA if _is_quota(api_message) else HINT_NOT_AUTHORIZED
    return HINTS.get(code, HINT_DEFAULT)


def api_error(
    operation: str,
    code: int,
    api_message: str,
    *,
    secrets: Iterable[str | None] = (),
    http_status: int | None = None,
) -> ZaloError:
    """Build the ZaloError for an error reply, with Zalo's own message quoted (tokens masked)."""
    clean = redact(api_message or "", secrets)
    label = OPERATIONS.get(operation, operation)
    text = f"Zalo OA từ chối thao tác {label} (mã lỗi {code}: “{clean}”). {_hint(code, clean)}"
    return ZaloError(
        text, code=code, api_message=clean, operation=operation, http_status=http_status
    )
