"""ZaloClient: the Zalo OA article API over httpx, with retries, token refresh and verify polling.

Retries (exponential backoff with jitter): HTTP 5xx/429, connection errors, timeouts and `-32`
(a create only when it surely was not handled: HTTP 429 or a connection never made); waits on
429, Retry-After and -32 share one run-wide budget, past which the run's calls stop. After a
-223 quota refusal no create of the run is sent, even one already backing off.
`-216`/`-220` trigger one token refresh and one retry. `verify` polls through `-214` for a bounded
time. A `create` whose request may have reached Zalo is never re-sent automatically (that could
publish a duplicate); it raises ZaloUncertainError unless `retry_uncertain_creates` is set.
"""

from __future__ import annotations

import collections
import datetime as dt
import email.utils
import functools
import hashlib
import hmac
import json
import logging
import math
import os
import random
import ssl
import sys
import threading
import time
from collections.abc import Callable, Collection, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, NoReturn, TypeVar
from urllib.parse import urlsplit

import httpx

from publish.errors import PublishError
from publish.secret_mask import MASK, redact
from publish.timings import wait_vi
from publish.transport_errors import transport_failure
from publish.zalo.errors import (
    OPERATIONS,
    REAUTHORIZE,
    REFUSALS,
    ListShort,
    ListUnsettled,
    ZaloError,
    ZaloUncertainError,
    api_error,
)
from publish.zalo.tokens import (
    DEFAULT_OAUTH_BASE,
    EMPTY_IN_CI,
    OAUTH_TOKEN_PATH,
    TokenManager,
    error_code,
)

__all__ = [
    "DEFAULT_API_BASE",
    "ClientSettings",
    "Outcome",
    "ZaloClient",
    "map_concurrently",
]

logger = logging.getLogger("publish.zalo.client")


DEFAULT_API_BASE = "https://openapi.zalo.me"
ENV_API_BASE = "ZALO_API_BASE"
ENV_OAUTH_BASE = "ZALO_OAUTH_BASE"
ENV_APPSECRET_PROOF = "ZALO_APPSECRET_PROOF"
ARTICLE_TYPES = ("normal", "video")
PAGE_LIMIT = 10
LIST_ATTEMPTS = 3
"""Listings of the OA's articles tried before giving up on one the list kept changing under."""
ADVICE_READS = 5
"""Most hidden articles getdetail reads, setting off, only to word a short list's advice."""
ADOPTED_MAX = 3
"""Tokens refreshed by other workers one call tries, each refused, before refreshing itself."""

_TOO_MANY = {"HTTP 429": " (gọi quá nhiều)"}
"""What a failure means, said beside it where its code alone would not tell the operator."""

QUOTA_MET = (
    "Zalo vừa từ chối tạo bài vì OA đã dùng hết hạn mức tạo bài viết (mã lỗi -223), nên lần "
    "chạy này không gửi thêm yêu cầu tạo bài nào"
)
"""Why the run's later creates are not sent, once Zalo refused one for the article quota."""

T = TypeVar("T")
R = TypeVar("R")


def _unset(names: list[str]) -> str:
    """The command that removes environment variables `names`, in the shell README gives for
    the system: cmd.exe on Windows, a POSIX shell else."""
    if sys.platform == "win32":
        return " & ".join(f"set {name}=" for name in names)
    return "unset " + " ".join(names)


@dataclass(frozen=True)
class ClientSettings:
    """Endpoints, timeouts, retry/backoff and verify polling; all seconds."""

    api_base: str = DEFAULT_API_BASE
    oauth_base: str = DEFAULT_OAUTH_BASE
    timeout: float = 30.0
    connect_timeout: float = 10.0
    max_retries: int = 4
    backoff_base: float = 0.5
    backoff_max: float = 30.0  # the longest wait between two retries of a call
    unreachable_wait: float = 30.0  # the one wait before the OA check's last try (no connection)
    retry_after_max: float = 120.0  # longest Retry-After waited out in a run; longer: stop, rerun
    retry_after_budget: float = 300.0  # all 429 and Retry-After waits of a run; more: stop, rerun
    rate_limit_backoff: float = 5.0  # first wait after -32 (the limit is per minute)
    verify_first_delay: float = 2.0  # Zalo needs a moment before the first verify
    verify_interval: float = 3.0
    verify_timeout: float = 60.0  # total time to keep polling through -214
    concurrency: int = 8  # requests in flight at once, and workers for map()
    rate_limit_per_minute: int = 4000  # paced below Zalo's documented per-app limit (0: no pacing)
    rate_window: float = 60.0  # seconds the limit counts over
    appsecret_proof: bool = False  # send the appsecret_proof header (if the app requires it)
    retry_uncertain_creates: bool = False  # re-send a create whose reply was lost (may duplicate)
    # [zalo] create_214_made_nothing: a create answered -214 made no article. The contract
    # names -214 «being processed» at verify only (zalo-oa-api.md §3, §5), so by default such a
    # create is uncertain (looked up before it is sent again).
    create_214_made_nothing: bool = False
    # [zalo] list_total_counts_hidden: getslice's total counts hidden articles it does not
    # list (zalo-oa-api.md §2.5 [U]); see list_articles.
    list_total_counts_hidden: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> ClientSettings:
        """Defaults, with ZALO_API_BASE, ZALO_OAUTH_BASE, ZALO_APPSECRET_PROOF from env, then overrides."""
        env = os.environ if env is None else env
        empty = [
            name for name in (ENV_API_BASE, ENV_OAUTH_BASE) if name in env and not env[name].strip()
        ]
        if empty:
            # Unset means Zalo itself; set but empty is most likely a sandbox's address lost.
            raise PublishError(
                f"Biến môi trường {' và '.join(empty)} có đặt nhưng rỗng: không rõ phải gửi tới "
                "Zalo thật hay tới máy chủ thử (publish zalo-sandbox), nên không gửi gì lên "
                "Zalo. Cách sửa: đặt địa chỉ máy chủ thử vào biến, hoặc bỏ hẳn biến để gửi tới "
                f"Zalo thật ({_unset(empty)}). " + EMPTY_IN_CI.strip()
            )
        values: dict[str, Any] = {}
        if env.get(ENV_API_BASE):
            values["api_base"] = env[ENV_API_BASE]
        if env.get(ENV_OAUTH_BASE):
            values["oauth_base"] = env[ENV_OAUTH_BASE]
        if env.get(ENV_APPSECRET_PROOF):
            values["appsecret_proof"] = env[ENV_APPSECRET_PROOF].lower() in ("1", "true", "yes")
        values.update(overrides)
        return cls(**values)


@dataclass(frozen=True)
class Outcome(Generic[T, R]):
    """The result of one item of `map_concurrently`: a value or the PublishError it raised."""

    item: T
    value: R | None = None
    error: PublishError | None = None

    @property
    def ok(self) -> bool:
        """Whether the call succeeded."""
        return self.error is None


def map_concurrently(
    fn: Callable[[T], R], items: Iterable[T], *, limit: int
) -> list[Outcome[T, R]]:
    """Call `fn` on every item with at most `limit` running at once; results keep item order."""

    def run(item: T) -> Outcome[T, R]:
        """Capture a user-facing failure per item; programming errors still propagate."""
        try:
            return Outcome(item, fn(item))
        except PublishError as error:
            return Outcome(item, error=error)

    with ThreadPoolExecutor(max_workers=max(1, limit), thread_name_prefix="zalo") as pool:
        return list(pool.map(run, items))


def _retry_after(response: httpx.Response, now: Callable[[], float] = time.time) -> float | None:
    """The seconds a 429/5xx reply's Retry-After header asks to wait (a number of seconds or an
    HTTP date), or None when it has none that can be read."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP date is GMT; one written without a zone is read so too
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, when.timestamp() - now())


def _wait_in_words(seconds: float) -> str:
    """A wait as an operator plans a rerun by: whole minutes from two minutes up, else giây."""
    if seconds >= 120:
        return f"{math.ceil(seconds / 60)} phút"
    return f"{math.ceil(seconds)} giây"


def _refused_refresh(response: httpx.Response) -> bool:
    """Whether an OAuth reply refuses the refresh token as spent: -14014, or the empty body one
    team saw for a token already used."""
    text = response.text.strip()
    if not text:
        return True
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and error_code(data.get("error")) == -14014


def _refusal_in_words(response: httpx.Response) -> str:
    """How a refresh refusal came back, as the operator would see it in a log."""
    return "phản hồi rỗng" if not response.text.strip() else "mã lỗi -14014"


def _surely_unsent(exc: httpx.TransportError) -> bool:
    """Whether the request certainly never reached the server (safe to re-send a create)."""
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def _masked_reply(value: Any, secrets: tuple[str, ...]) -> Any:
    """A decoded reply with every secret in its strings (keys too) masked (see redact)."""
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, dict):
        return {_masked_reply(k, secrets): _masked_reply(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked_reply(item, secrets) for item in value]
    return value


RATE_NOTE_EVERY = 60.0
"""Seconds between two log lines of -32 retries: a first sync of hundreds under the rate limit
told each one (800 lines in a CI log); one a minute says the run is alive and why it waits."""


@dataclass
class _Closed:
    """Until when Zalo is not to be called (a Retry-After too long to wait out in a run, or the
    run's waits on 429 and Retry-After used up), shared by the clients one sync makes, so none
    of them calls before then."""

    until: float = 0.0
    wait: str = ""  # the wait before calling again, in words
    reason: str = ""  # why, as told to each call turned away («Zalo vừa trả lời HTTP 429 …»)
    creates: str = ""
    """Why no article is created for the rest of the run (Zalo's -223 «limit quota create
    article»), else empty: every other create would meet the same refusal, and updates and
    reads still go."""
    waited: float = 0.0  # wall-clock seconds the run's 429 and Retry-After waits cover so far
    waits_end: float = float("-inf")  # when the latest counted wait ends (the client's clock)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    """Held to check and count a wait: the run's workers meet 429s at once, and a check made
    before another's count let them all wait past the budget."""

    said_at: float = float("-inf")  # when a -32 retry was last told (the client's clock)
    unsaid: int = 0  # -32 retries since then, not told

    def rate_limit_note(self, now: float) -> int | None:
        """None when a -32 retry at `now` goes untold, one having been told within
        RATE_NOTE_EVERY seconds; else how many went untold since that one."""
        with self.lock:
            if now - self.said_at < RATE_NOTE_EVERY:
                self.unsaid += 1
                return None
            untold, self.unsaid, self.said_at = self.unsaid, 0, now
            return untold

    def spend(self, seconds: float, budget: float, *, now: float, count: bool = True) -> bool:
        """Whether a wait of `seconds` from `now` fits the run's `budget`; counted when it does
        and `count` is set."""
        with self.lock:
            # Workers backing off at once wait side by side: only the time a wait adds to those
            # already counted delays the run (8 workers × 5 s counted 40 s after 5 s).
            added = max(0.0, now + seconds - max(now, self.waits_end))
            if self.waited + added > budget:
                return False
            if count:
                self.waited += added
                self.waits_end = max(self.waits_end, now + seconds)
            return True

    def refuse_creates(self, reason: str) -> bool:
        """Turn every later create of the run away for `reason`; whether this was the first
        refusal (the one told with Zalo's own words)."""
        with self.lock:
            first = not self.creates
            if first:
                self.creates = reason
            return first

    def close(self, until: float, wait: str, reason: str) -> None:
        """Turn every call away until `until` (the later of two closings holds)."""
        with self.lock:
            if until >= self.until:
                self.until, self.wait, self.reason = until, wait, reason


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """The TLS settings httpx would build, made once per process."""
    # Building them reads the whole CA bundle (~50 ms): a sync makes a client per run and
    # per token refresh, and the test suite makes hundreds.
    return httpx.create_ssl_context()


class ZaloClient:
    """The Zalo OA article API: create, verify, update, remove, getdetail, getslice, getoa."""

    def __init__(
        self,
        tokens: TokenManager,
        settings: ClientSettings | None = None,
        *,
        http: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        closed: _Closed | None = None,
    ) -> None:
        self.tokens = tokens
        self.settings = settings or ClientSettings()
        self._owns_http = http is None
        self._http = http or httpx.Client(
            transport=transport,
            verify=_tls_context(),
            timeout=httpx.Timeout(self.settings.timeout, connect=self.settings.connect_timeout),
            limits=httpx.Limits(max_connections=max(1, self.settings.concurrency)),
        )
        self._slots = threading.BoundedSemaphore(max(1, self.settings.concurrency))
        self._sent: collections.deque[float] = collections.deque()
        self._pacing = threading.Lock()
        self._sleep = sleep
        self._clock = clock
        self._random = random.Random()
        self._closed = closed or _Closed()
        self.answered_by = ""
        """The Server header of the last reply (emulator_state.SANDBOX_SERVER from the
        sandbox)."""

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        oa_id: str = "",
        project: Path | None = None,
        http: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        **settings: Any,
    ) -> ZaloClient:
        """A client configured from environment variables (plus setting overrides), with the
        token file of OA `oa_id` ([zalo] oa_id) unless ZALO_TOKEN_FILE names one, outside
        the `project` folder."""
        return cls(
            TokenManager.from_env(env, oa_id=oa_id, project=project),
            ClientSettings.from_env(env, **settings),
            http=http,
            transport=transport,
        )

    def __repr__(self) -> str:
        """Show the endpoints, never a token."""
        return f"ZaloClient(api_base={self.settings.api_base!r}, tokens={self.tokens!r})"

    def close(self) -> None:
        """Close the HTTP client if this object created it."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> ZaloClient:
        """Use as a context manager."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close on exit."""
        self.close()

    def with_settings(self, **changes: Any) -> ZaloClient:
        """A client sharing tokens and the HTTP pool, with some settings changed."""
        return ZaloClient(
            self.tokens,
            replace(self.settings, **changes),
            http=self._http,
            sleep=self._sleep,
            clock=self._clock,
            closed=self._closed,
        )

    def reading(self) -> ZaloClient:
        """A client sharing the HTTP pool whose tokens are only read (TokenManager.reading):
        for a dry run, which must spend no refresh token and write no token file."""
        return ZaloClient(
            self.tokens.reading(),
            self.settings,
            http=self._http,
            sleep=self._sleep,
            clock=self._clock,
            closed=self._closed,
        )

    # --- public API ----------------------------------------------------------------------------

    def login(self) -> None:
        """Make sure a usable access token is at hand, refreshing it now if needed.

        A sync calls this before its concurrent calls: the single-use refresh token is then
        exchanged once, alone, instead of inside the first batch of creates, where being killed
        mid-exchange (CI cancelling a job) would lose both the old token and its replacement.
        """
        self.tokens.access_token(self._send_oauth)

    def create(self, body: Mapping[str, Any]) -> str:
        """POST article/create; returns the job token (not the article id: call verify)."""
        try:
            data = self._call("create", "POST", "/v2.0/article/create", json=dict(body))
            return self._field(data, "token", "create")
        except ZaloUncertainError:
            raise
        except ZaloError as error:
            if error.operation != "create" or error.unsent or error.code in REFUSALS:
                raise  # a refusal, or turned away before sending (a refresh): no article made
            busy = error.code == -214
            if busy and self.settings.create_214_made_nothing:
                raise ZaloError(
                    f"Zalo trả lời yêu cầu tạo bài viết bằng mã -214 «{error.api_message}» (đang "
                    "bận xử lý); theo create_214_made_nothing trong bảng [zalo] của site.toml, bài "
                    "chưa được tạo: lần đồng bộ sau gửi lại (không cần làm gì).",
                    code=-214,
                    api_message=error.api_message,
                    operation="create",
                ) from None
            # Zalo (or a gateway in front of it) answered in a way that does not say "not
            # created": forgetting the request made the next run create the article again.
            reply = error.unread or (
                f"mã lỗi -214 «{error.api_message}», mã mà tài liệu Zalo chỉ nói tới khi xác "
                "minh bài, không nói yêu cầu tạo bài trả mã này thì bài đã được tạo hay chưa"
                if busy
                else f"mã lỗi {error.code} «{error.api_message}», ngoài bảng mã lỗi"
                if error.code is not None
                else f"một phản hồi không rõ ({error})"
            )
            known = (
                " Đã biết chắc mã này nghĩa là bài chưa được tạo thì đặt create_214_made_nothing "
                "= true trong bảng [zalo] của site.toml: bài được gửi lại ngay lần sau."
                if busy
                else ""
            )
            raise ZaloUncertainError(
                f"Zalo trả lời yêu cầu tạo bài viết bằng {reply}, nên không rõ bài đã được tạo "
                "trên Zalo hay chưa. Không tự gửi lại để tránh đăng trùng bài; lần đồng bộ sau "
                "đối chiếu danh sách bài trên Zalo trước khi tạo lại. Lặp lại ở mọi bài thì "
                f"kiểm tra ZALO_API_BASE.{known}",
                code=error.code,
                api_message=error.api_message,
                operation="create",
                http_status=error.http_status,
                unread=error.unread,
            ) from None

    def verify(self, token: str) -> str:
        """POST article/verify, polling through -214 for up to `verify_timeout`; returns the id."""
        started = self._clock()
        if self.settings.verify_first_delay > 0:
            self._sleep(self.settings.verify_first_delay)
        interval = self.settings.verify_interval
        polls = 0
        while True:
            polls += 1
            try:
                data = self._call("verify", "POST", "/v2.0/article/verify", json={"token": token})
                return self._field(data, "id", "verify")
            except ZaloError as error:
                remaining = self.settings.verify_timeout - (self._clock() - started)
                if error.code != -214 or remaining <= 0:
                    if error.code == -214:
                        error.args = (
                            f"{error.args[0]} Đã chờ {self._clock() - started:.0f} giây "
                            f"({polls} lần kiểm tra).",
                        )
                    raise
                logger.debug(
                    "Zalo đang xử lý bài viết (-214), kiểm tra lại sau %s.", wait_vi(interval)
                )
                self._sleep(min(interval, remaining))
                interval = min(interval * 1.5, self.settings.verify_interval * 4)

    def update(self, body: Mapping[str, Any]) -> str:
        """POST article/update with the full body plus `id`; returns a new job token."""
        if not body.get("id"):
            raise ValueError("update body must contain the article 'id'")
        data = self._call("update", "POST", "/v2.0/article/update", json=dict(body))
        return self._field(data, "token", "update")

    def remove(self, article_id: str) -> None:
        """POST article/remove."""
        self._call("remove", "POST", "/v2.0/article/remove", json={"id": article_id})

    def getdetail(self, article_id: str) -> dict[str, Any]:
        """GET article/getdetail: the article (mirrors the create body)."""
        data = self._call("getdetail", "GET", "/v2.0/article/getdetail", params={"id": article_id})
        return data if isinstance(data, dict) else {}

    def getslice(
        self, offset: int = 0, limit: int = PAGE_LIMIT, type: str = "normal"
    ) -> tuple[list[dict[str, Any]], int]:
        """GET article/getslice: one page (limit ≤ 10) of one article type → (medias, total)."""
        if not 1 <= limit <= PAGE_LIMIT:
            raise ValueError(f"limit must be 1..{PAGE_LIMIT}, got {limit}")
        if type not in ARTICLE_TYPES:
            raise ValueError(f"type must be one of {ARTICLE_TYPES}, got {type!r}")
        params = {"offset": offset, "limit": limit, "type": type}
        data = self._call("getslice", "GET", "/v2.0/article/getslice", params=params)
        data = data if isinstance(data, dict) else {}
        medias = data.get("medias") or []
        try:
            total = int(data.get("total") or 0)
        except (TypeError, ValueError, OverflowError):
            raise ZaloError(
                f"Phản hồi của Zalo khi {OPERATIONS['getslice']} có trường 'total' không phải "
                "số. Hãy thử lại sau; lặp lại thì kiểm tra ZALO_API_BASE.",
                operation="getslice",
                unread="phản hồi thành công nhưng trường 'total' không phải số",
            ) from None
        return list(medias), total

    def list_articles(
        self,
        type: str = "normal",
        *,
        until: Callable[[Mapping[str, Any]], bool] | None = None,
        hidden: Collection[str] = (),
        detail_reads: dict[str, bool] | None = None,
    ) -> list[dict[str, Any]]:
        """Every article of one type, newest first, each once, from a listing the OA did not
        change under; read again (up to LIST_ATTEMPTS times) when it did. `until`: stop at the
        first article it holds (left out), asking for no page beyond it. ListUnsettled when
        every reading moved; ListShort when two readings agree on ids and total yet end before
        it (a short list is told from one that moved: reading it again would not help), unless
        the total counts hidden articles it does not list (list_total_counts_hidden) and the
        ids of `hidden` (articles known hidden) the list lacks that getdetail still reads are
        exactly as many as it misses (see _unlisted). With the setting off they are read only
        when at least as many and no more than ADVICE_READS (a reading is repeated at each short
        list of each run), for ListShort.fixable to say what turning it on would do.
        getdetail's answers go into `detail_reads` (id → read, False for -201): a caller need
        not ask again (the OA is rate-limited)."""
        short: tuple[list[str], int] | None = None
        for _ in range(LIST_ATTEMPTS):
            listed, total, complete = self._list_once(type, until)
            if listed is None:
                continue
            if complete:
                return listed
            ids = [str(item.get("id")) for item in listed]
            if short == (ids, total):
                unlisted = set(hidden) - set(ids)
                counted = self.settings.list_total_counts_hidden
                missing, gone = total - len(listed), 0
                if counted:
                    there = self._unlisted(unlisted, detail_reads)
                    gone, unlisted = len(unlisted) - len(there), there
                    if missing == len(unlisted):
                        return listed
                elif missing <= len(unlisted) <= ADVICE_READS:
                    # Read only to word the advice: a bounded few, more than missing too (one
                    # recorded hidden may be deleted by hand, the rest as many as missing). A
                    # failure (429, network) leaves it worded from the count rather than
                    # replacing the short list; a login only a person can fix stops the channel.
                    try:
                        there = self._unlisted(unlisted, detail_reads)
                    except ZaloError as error:
                        if error.stops_channel:
                            raise
                        raise ListShort(
                            listed, total, type, hidden=len(unlisted), asked=True
                        ) from error
                    gone = len(unlisted) - len(there)
                    raise ListShort(listed, total, type, hidden=len(there), gone=gone, read=True)
                raise ListShort(
                    listed, total, type, hidden=len(unlisted), counted=counted, gone=gone
                )
            short = (ids, total)
        raise ListUnsettled(LIST_ATTEMPTS)

    def _unlisted(self, hidden: Collection[str], reads: dict[str, bool] | None = None) -> set[str]:
        """The ids of `hidden` that getdetail still reads: what a total counting hidden articles
        counts of them. A count alone let a record whose hidden article was deleted by hand
        cover an article no record knows (a lost create's, hidden by hand): left out of the
        list, it was taken for not there and created a second time. -201 (as for one deleted:
        zalo-oa-api.md §8) counts it out; any other failure is raised. Each answer is put in
        `reads` (id → read)."""
        there = set()
        for article_id in sorted(hidden):
            try:
                self.getdetail(article_id)
            except ZaloError as error:
                if error.code == -201:
                    if reads is not None:
                        reads[article_id] = False
                    continue
                raise
            there.add(article_id)
            if reads is not None:
                reads[article_id] = True
        return there

    def _list_once(
        self, type: str, until: Callable[[Mapping[str, Any]], bool] | None = None
    ) -> tuple[list[dict[str, Any]] | None, int, bool]:
        """One pass over the getslice pages → (articles, total, whether they reach the total);
        articles None when the list changed in a way that may have hidden an article.

        An article added at the top while paging pushes one already read onto the next page: it
        is read twice (the total grows by as many as are repeated). An article removed above the
        page being read pulls one not yet read onto the page already read: it would be missed,
        and a lost create not found is created again. The total then differs from what the
        repeats explain. An empty page before the total is reached ends a pass that is not
        complete: taken as the end, the articles past it would be created again.
        """
        articles: list[dict[str, Any]] = []
        seen: set[str] = set()
        offset, total = 0, None
        while True:
            medias, listed = self.getslice(offset, PAGE_LIMIT, type)
            ids = [str(item.get("id")) for item in medias]
            repeated = sum(1 for article_id in ids if article_id in seen)
            if total is not None and listed - total != repeated:
                return None, listed, False
            total = listed
            for article_id, item in zip(ids, medias, strict=True):
                if until is not None and until(item):
                    return articles, total, True
                if article_id not in seen:
                    seen.add(article_id)
                    articles.append(item)
            offset += len(medias)
            if not medias and offset < total:
                return articles, total, False  # short, or moved: list_articles reads again
            if offset >= total:
                return articles, total, True

    def getoa(self) -> dict[str, Any]:
        """GET oa/getoa: OA profile incl. `num_follower`; `oa_id` is filled from `oaid` if needed."""
        return self.getoa_with_token()[0]

    def getoa_with_token(self) -> tuple[dict[str, Any], str]:
        """getoa's profile, and the access token Zalo answered it for: the token whose OA the
        profile names (a refresh inside the call may have replaced the one held before)."""
        data, asked = self._answer("getoa", "GET", "/v2.0/oa/getoa")
        data = dict(data) if isinstance(data, dict) else {}
        if "oa_id" not in data and "oaid" in data:
            data["oa_id"] = data["oaid"]
        if "oa_id" in data:
            data["oa_id"] = str(data["oa_id"])
        return data, asked

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[Outcome[T, R]]:
        """`map_concurrently` bounded by this client's `concurrency` setting."""
        return map_concurrently(fn, items, limit=self.settings.concurrency)

    # --- plumbing ------------------------------------------------------------------------------

    def _field(self, data: Any, name: str, operation: str) -> str:
        """Pull a string field out of `data` or explain that the reply was malformed."""
        value = data.get(name) if isinstance(data, dict) else None
        if value in (None, ""):
            raise ZaloError(
                f"Phản hồi của Zalo khi {OPERATIONS.get(operation, operation)} thiếu trường "
                f"'{name}'. Hãy thử lại sau.",
                operation=operation,
                unread=f"phản hồi thành công nhưng thiếu trường '{name}'",
            )
        if MASK in str(value):
            # The reply repeated a secret there (masked in _decode): kept as an article id or
            # job token, it named no article, and the next run took the article for deleted.
            raise ZaloError(
                f"Phản hồi của Zalo khi {OPERATIONS.get(operation, operation)} có trường "
                f"'{name}' chứa token hay khóa bí mật đã gửi đi, không phải giá trị Zalo cấp. "
                "Hãy thử lại sau; lặp lại thì kiểm tra ZALO_API_BASE (máy chủ trả lời có thể "
                "không phải Zalo).",
                operation=operation,
                unread=f"phản hồi thành công nhưng trường '{name}' chứa token đã gửi đi",
            )
        return str(value)

    def _headers(self, access_token: str) -> dict[str, str]:
        """Auth headers: the bare access token, plus appsecret_proof when enabled."""
        headers = {"access_token": access_token}
        if self.settings.appsecret_proof:
            headers["appsecret_proof"] = hmac.new(
                self.tokens.app.app_secret.encode(), access_token.encode(), hashlib.sha256
            ).hexdigest()
        return headers

    def _call(
        self,
        operation: str,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
    ) -> Any:
        """One API call: retries -32, refreshes once on -216/-220, returns `data` or raises."""
        return self._answer(operation, method, path, json=json, params=params)[0]

    def _answer(
        self,
        operation: str,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
    ) -> tuple[Any, str]:
        """_call's `data`, with the access token that got it."""
        refreshed = False
        adopted = 0  # tokens another worker's refresh gave this call, refused in turn
        rate_limited = 0
        while True:
            access_token = self.tokens.access_token(self._send_oauth)
            response = self._send(
                operation,
                method,
                self.settings.api_base.rstrip("/") + path,
                headers=self._headers(access_token),
                json=json,
                params=params,
            )
            envelope = self._decode(operation, response)
            try:
                code = int(envelope.get("error") or 0)
            except (TypeError, ValueError, OverflowError):
                raise self._http_error(
                    operation, response.status_code, what="có mã lỗi không phải số"
                ) from None
            if code == 0 and response.status_code == 200:
                return envelope.get("data"), access_token
            message = str(envelope.get("message") or "")
            if code == -32 and rate_limited < self.settings.max_retries:
                delay = self._backoff(rate_limited, self.settings.rate_limit_backoff)
                # Counted with 429s: the same limit said in Zalo's words, and backing off per
                # call let a run of many bulletins wait many times [zalo] rate_limit_wait.
                if not self._closed.spend(
                    delay, self.settings.retry_after_budget, now=self._clock()
                ):
                    self._stop(
                        operation,
                        OPERATIONS.get(operation, operation),
                        "mã lỗi -32 (gọi quá nhiều)",
                        max(delay, self.settings.rate_window),
                        asked=False,
                        status=response,
                    )
                rate_limited += 1
                untold = self._closed.rate_limit_note(self._clock())
                if untold is not None:
                    logger.warning(
                        "Zalo báo vượt giới hạn gọi API (-32); thử lại sau %s.%s",
                        wait_vi(delay),
                        f" ({untold} lần thử lại như vậy trong phút trước không in ra.)"
                        if untold
                        else "",
                    )
                self._sleep(delay)
                continue
            if code in (-216, -220) and not refreshed:
                logger.info("Access token Zalo bị từ chối (%s); làm mới token rồi thử lại.", code)
                _, exchanged = self.tokens.renew(self._send_oauth, failed=access_token)
                # A token another worker got may be spent or revoked by the time it is tried
                # (a refresh ends the access token before it): only one this call got itself
                # and Zalo refused tells that refreshing does not help, and a person must act.
                adopted += not exchanged
                refreshed = exchanged or adopted > ADOPTED_MAX
                continue
            if code == 0:
                code = -209 if response.status_code == 404 else 0
            if code == 0:
                raise self._http_error(operation, response.status_code)
            error = api_error(
                operation,
                code,
                message,
                secrets=self.tokens.secrets(),
                http_status=response.status_code,
            )
            if (
                operation == "create"
                and code == -223
                and not error.stops_channel
                and not self._closed.refuse_creates(QUOTA_MET)
            ):
                # Sent before another worker's refusal came back: told once, above.
                raise ZaloError(
                    f"Zalo cũng từ chối {OPERATIONS['create']} này vì hết hạn mức tạo bài viết "
                    "(mã lỗi -223, đã báo ở trên): yêu cầu đã gửi đi trước khi biết. Không cần "
                    "làm gì: lần chạy sau khi hạn mức được cấp lại tự tạo tiếp.",
                    code=-223,
                    api_message=message,
                    operation=operation,
                    http_status=response.status_code,
                )
            raise error

    def _decode(self, operation: str, response: httpx.Response) -> dict[str, Any]:
        """The JSON envelope, or a clear error when the reply is not JSON."""
        try:
            envelope = json.loads(response.content or b"{}")
        except ValueError:
            envelope = None
        if not isinstance(envelope, dict):
            raise self._http_error(operation, response.status_code, what="không phải JSON")
        # A server (or a gateway before it) that echoes the token it was sent, in an error
        # message or a field: masked here, as read, nothing after can keep, print or save it.
        return _masked_reply(envelope, self.tokens.secrets())

    def _http_error(
        self, operation: str, status: int, *, what: str = "không có mã lỗi"
    ) -> ZaloError:
        """A ZaloError for a reply without a usable envelope (`what` it is instead)."""
        return ZaloError(
            f"Zalo trả về phản hồi {what} (HTTP {status}) khi {OPERATIONS.get(operation, operation)}. "
            "Kiểm tra ZALO_API_BASE / ZALO_OAUTH_BASE hoặc thử lại sau.",
            operation=operation,
            http_status=status,
            unread=f"phản hồi {what} (HTTP {status})",
        )

    def _send_oauth(self, form: dict[str, str], headers: dict[str, str]) -> httpx.Response:
        """POST the OAuth form with transient-failure retries (a lost reply burns the token
        anyway): a refusal of the token after a lost reply is told as that, not as a token
        someone else used or left to expire."""
        url = self.settings.oauth_base.rstrip("/") + OAUTH_TOKEN_PATH
        lost: list[str] = []
        response = self._send("refresh", "POST", url, lost=lost, headers=headers, data=form)
        if lost and _refused_refresh(response):
            raise ZaloError(
                f"Mất phản hồi khi làm mới access token ({lost[0]}), và lần gửi lại bị Zalo từ "
                f"chối ({_refusal_in_words(response)}): nhiều khả năng Zalo đã nhận refresh token ở lần gửi "
                "trước (mỗi refresh token chỉ dùng được một lần) nhưng cặp token mới không về "
                "tới máy này. Dù vì sao, refresh token cũ không còn dùng được. " + REAUTHORIZE,
                code=-14014,
                operation="refresh",
                http_status=response.status_code,
            )
        return response

    def pause(self, seconds: float) -> None:
        """Wait `seconds` as the client waits between retries (a test's sleep waits none)."""
        self._sleep(seconds)

    def _backoff(self, attempt: int, base: float) -> float:
        """Exponential backoff with jitter: base·2^attempt, capped, scaled by 0.5–1.0."""
        delay = min(self.settings.backoff_max, base * (2**attempt))
        return delay * (0.5 + self._random.random() / 2)

    def _pace(self) -> None:
        """Wait, if needed, so that calls stay under the rate limit (a -32 costs a backoff)."""
        limit = self.settings.rate_limit_per_minute
        if limit <= 0:
            return
        # Requests in flight reach Zalo later than counted here: keep that many in reserve.
        allowed = max(1, limit - self.settings.concurrency)
        window = self.settings.rate_window
        with self._pacing:
            now = self._clock()
            while self._sent and self._sent[0] <= now - window:
                self._sent.popleft()
            if len(self._sent) >= allowed:
                self._sleep(self._sent[0] + window - now)
                self._sent.popleft()
            self._sent.append(self._clock())

    def _send(
        self, operation: str, method: str, url: str, *, lost: list[str] | None = None, **kwargs: Any
    ) -> httpx.Response:
        """Send with retries on transient failures; never re-sends a create that may have landed.
        `lost` gathers each failure after which the request may have been handled."""
        attempt = 0
        reached = False  # whether a failed try may have been handled (a create made)
        # Whether every try so far found no connection at all: timeouts or 5xx and then one
        # refusal are a Zalo that answers at times, not one that cannot be reached.
        unreachable = True
        closed = self._closed
        self._creates_refused(operation)
        while True:
            if self._clock() < closed.until:
                raise ZaloError(
                    f"Chưa gọi Zalo để {OPERATIONS.get(operation, operation)}: {closed.reason}. "
                    f"Chạy lại sau {closed.wait} để làm tiếp.",
                    operation=operation,
                    unsent=True,
                )
            failure: str
            brief: str  # the failure inside a message's own parentheses: no host, no class
            uncertain = False
            asked: float | None = None  # the wait a Retry-After header asks for
            try:
                with self._slots:
                    # Checked again here: a create that waited for a slot, or backed off after
                    # a 429, would otherwise go out into the quota refusal another one met.
                    self._creates_refused(operation)
                    self._pace()
                    response = self._http.request(method, url, **kwargs)
                self.answered_by = response.headers.get("server", "")
            except httpx.TransportError as exc:
                failure = transport_failure(exc, f"Zalo ({urlsplit(url).netloc})")
                brief = transport_failure(exc, "Zalo", named=False)
                uncertain = not _surely_unsent(exc)
                unreachable = unreachable and isinstance(exc, httpx.ConnectError)
            else:
                if response.status_code < 500 and response.status_code != 429:
                    return response
                unreachable = False
                failure = brief = f"HTTP {response.status_code}"
                # 429 is a rate limiter turning the request away before it is handled. A 503 may
                # come from a gateway whose backend handled the request and answered too late
                # (some proxies map an upstream reset or timeout to 503), so a create is looked
                # up before it is sent again, like a lost reply.
                uncertain = response.status_code != 429
                asked = _retry_after(response)
            reached = reached or uncertain
            if uncertain and lost is not None:
                lost.append(brief)
            if operation == "create" and uncertain and not self.settings.retry_uncertain_creates:
                gateway = (
                    ": máy chủ trung gian có thể trả lỗi này cả khi Zalo đã tạo bài"
                    if failure.startswith("HTTP")
                    else ""
                )
                raise ZaloUncertainError(
                    f"Mất phản hồi sau khi đã gửi yêu cầu tạo bài viết ({brief}{gateway}), nên không rõ bài "
                    "đã được tạo trên Zalo hay chưa. Không tự gửi lại để tránh đăng trùng bài; lần "
                    "đồng bộ sau cần đối chiếu danh sách bài trên Zalo trước khi tạo lại.",
                    operation=operation,
                )
            doing = OPERATIONS.get(operation, operation)
            too_many = failure + _TOO_MANY.get(failure, "")
            delay = max(self._backoff(attempt, self.settings.backoff_base), asked or 0.0)
            last = attempt >= self.settings.max_retries
            # A 429 without Retry-After counts too: each worker's own retries of its own calls
            # added up to far more than the budget across a run of many bulletins.
            throttled = asked is not None or failure == "HTTP 429"
            if asked is not None and asked > self.settings.retry_after_max:
                self._stop(operation, doing, too_many, asked, asked=True, status=response)
            if throttled and not closed.spend(
                asked if last and asked is not None else delay,
                self.settings.retry_after_budget,
                now=self._clock(),
                count=not last,
            ):
                # Zalo names when it will answer again, or keeps refusing: waiting it out here
                # would hold the CI job for nothing (one long wait, or short ones that add up
                # across the run's calls), and the next scheduled run carries on from the
                # saved state.
                self._stop(
                    operation,
                    doing,
                    too_many,
                    asked if asked is not None else max(delay, self.settings.rate_window),
                    asked=asked is not None,
                    status=response,
                )
            if attempt >= self.settings.max_retries:
                host = urlsplit(url).netloc
                if failure == "HTTP 429":
                    what = (
                        f"Zalo từ chối vì gọi quá nhiều (HTTP 429) khi {doing} ({host}), đã thử "
                        f"lại {attempt} lần"
                    )
                    raise ZaloError(
                        f"{what}. Không cần làm gì: lần chạy sau tự làm tiếp; lặp lại nhiều lần "
                        "thì giảm [zalo] concurrency hoặc rate_limit_per_minute trong site.toml.",
                        operation=operation,
                        http_status=429,
                        unsent=not reached,
                        what=what,
                    )
                # A 5xx comes from Zalo's server or a gateway between (a 502/504 may be the
                # unit's own proxy): «check the network» alone sent operators the wrong way.
                if failure.startswith("HTTP 5"):
                    what = (
                        f"Máy chủ Zalo ({host}) hoặc máy chủ trung gian trả lỗi {failure} khi "
                        f"{doing}, đã thử lại {attempt} lần: thường là sự cố phía Zalo"
                    )
                    told = (
                        f"{what}, lần chạy sau tự làm tiếp (phần đã xong đã được lưu). Lỗi kéo "
                        "dài nhiều giờ thì kiểm tra proxy của đơn vị (nếu có) và báo quản trị "
                        "viên OA kiểm tra với Zalo."
                    )
                else:
                    what = f"Không gọi được Zalo khi {doing}, đã thử lại {attempt} lần — {failure}"
                    told = f"{what}. Kiểm tra kết nối mạng rồi chạy lại."
                secrets = self.tokens.secrets()
                raise ZaloError(
                    redact(told, secrets),
                    operation=operation,
                    unsent=not reached,
                    unreachable=redact(failure, secrets) if unreachable else "",
                    what=redact(what, secrets),
                ) from None
            attempt += 1
            logger.warning(
                "Gọi Zalo để %s thất bại: %s; thử lại lần %d sau %s.",
                OPERATIONS.get(operation, operation),
                failure,
                attempt,
                wait_vi(delay),
            )
            self._sleep(delay)

    def _creates_refused(self, operation: str) -> None:
        """Raise, without calling Zalo, when `operation` is a create and Zalo has refused one
        for the OA's article quota (-223) in this run."""
        if operation == "create" and self._closed.creates:
            raise ZaloError(
                f"Chưa gọi Zalo để {OPERATIONS['create']}: {self._closed.creates}. Không cần "
                "làm gì: lần chạy sau khi hạn mức được cấp lại tự tạo tiếp.",
                operation=operation,
                unsent=True,
            )

    def _stop(
        self,
        operation: str,
        doing: str,
        too_many: str,
        wait: float,
        *,
        asked: bool,
        status: httpx.Response,
    ) -> NoReturn:
        """Close the run's calls for `wait` seconds and raise why: Zalo asked for that wait
        (`asked`: a 5xx or 429 with Retry-After), or the run has waited on Zalo's «too many
        calls» (HTTP 429, or error -32 in an HTTP 200 body) as long as [zalo] rate_limit_wait
        allows; `too_many` names which it was."""
        words = _wait_in_words(wait)
        if asked:
            reason = f"Zalo vừa trả lời {too_many} và yêu cầu chờ {words} trước khi gọi lại"
            told = f"Zalo trả lời {too_many} khi {doing} và yêu cầu chờ {words} trước khi gọi lại."
        else:
            budget = _wait_in_words(self.settings.retry_after_budget)
            waited = _wait_in_words(self._closed.waited)
            reason = (
                f"Zalo vừa trả lời {too_many} nhiều lần, và lần chạy đã chờ {waited}: chờ thêm "
                f"sẽ quá {budget} ([zalo] rate_limit_wait)"
            )
            told = (
                f"Zalo trả lời {too_many} khi {doing}, và lần chạy này đã chờ {waited} vì Zalo "
                f"báo gọi quá nhiều: chờ thêm sẽ quá {budget} được phép ([zalo] rate_limit_wait "
                "trong site.toml)."
            )
        self._closed.close(self._clock() + wait, words, reason)
        raise ZaloError(
            f"{told} Không chờ thêm trong lần chạy này; phần đã xong đã được lưu trong state/. "
            f"Chạy lại sau {words} để làm tiếp"
            + (
                "."
                if asked
                else "; lặp lại nhiều lần thì giảm [zalo] concurrency hoặc "
                "rate_limit_per_minute trong site.toml."
            ),
            operation=operation,
            http_status=status.status_code,
            # A 429 or -32 turns the call away before it is handled; a 5xx may come after.
            unsent=status.status_code < 500,
        )
