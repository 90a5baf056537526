"""A local Zalo OA emulator: a real HTTP server on 127.0.0.1 for tests and `publish zalo-sandbox`.

Serves the v2.0 article endpoints, `oa/getoa`, the OAuth v4 consent page (the OA admin consents
at once: a redirect back with a code) and token endpoint (refresh and PKCE code grants) with the envelope,
error codes and validation of /work/shared/docs/zalo-oa-api.md, plus fault injection (latency,
5xx before or after the change is applied, dropped connections, -32 rate limiting, -214 (also
for a stuck job, until it finishes late), -216/-220, -200, -223, -224).

    with ZaloEmulator(EmulatorConfig(verify_processing_count=2)) as emu:
        emu.base_url       # "http://127.0.0.1:<port>", for both ZALO_API_BASE and ZALO_OAUTH_BASE
        emu.articles       # {article_id: stored article}
        emu.calls          # [Call(method, path, body), ...]
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import hmac
import json
import logging
import random
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from publish.zalo.emulator_saving import StateSaver
from publish.zalo.emulator_state import (
    MSG_BAD_ID,
    MSG_BAD_PROOF,
    MSG_NOT_AUTHORIZED,
    MSG_NOT_SUPPORTED,
    MSG_PROCESSING,
    MSG_RATE_LIMIT,
    MSG_TIER,
    SANDBOX_SERVER,
    ApiFailure,
    EmulatorConfig,
    OAState,
    check_length_unit,
    read_state,
)

__all__ = ["Call", "EmulatorConfig", "Hold", "ZaloEmulator"]

logger = logging.getLogger("publish.zalo.emulator")

OAUTH_PATH = "/v4/oa/access_token"
CONSENT_PATH = "/v4/oa/permission"
WRITE_PATHS = ("/v2.0/article/create", "/v2.0/article/update", "/v2.0/article/remove")
STOP_GRACE = 10.0
"""Seconds `stop` waits at most for the requests still being handled, so that the state file's
last write holds what they change."""


@dataclass(frozen=True)
class Call:
    """One request the emulator received; unpacks as (method, path, body)."""

    method: str
    path: str
    body: Any
    error: int | None = None  # envelope error code, None for dropped/5xx/non-JSON replies
    http_status: int | None = None  # None when the connection was dropped
    arrived: float = 0.0  # time.monotonic() when the request came in
    answered: float = 0.0  # time.monotonic() when its reply was ready (after any latency)

    def __iter__(self) -> Iterator[Any]:
        """Allow `method, path, body = call`."""
        return iter((self.method, self.path, self.body))


@dataclass
class Reply:
    """What the handler writes back; `drop` closes the connection without a response."""

    status: int = 200
    payload: Any = None
    headers: dict[str, str] | None = None
    raw: bytes | None = None
    drop: bool = False


class Hold:
    """One request the emulator keeps unhandled until `release()`: a test acts (kills the
    client, say) at a moment it knows, instead of guessing it from latency."""

    def __init__(self, path_suffix: str, nth: int) -> None:
        self.path_suffix = path_suffix
        self.nth = nth
        self.seen = 0  # requests to the path received so far
        self.reached = threading.Event()  # set when the nth request has come in and waits
        self._released = threading.Event()

    def release(self) -> None:
        """Let the held request be handled (the change applied, the reply sent)."""
        self._released.set()

    def wait_release(self, timeout: float) -> None:
        """Block the handling thread until released, or `timeout` seconds (a failed test)."""
        self._released.wait(timeout)


class _Handler(BaseHTTPRequestHandler):
    """Hands each request to the owning ZaloEmulator."""

    server: _Server
    protocol_version = "HTTP/1.1"
    # Told in every reply's Server header: a sync stopped for articles it has no record of
    # says how to start the sandbox afresh only when the sandbox is what answered.
    server_version = SANDBOX_SERVER
    sys_version = ""
    disable_nagle_algorithm = True  # headers and body go out in two writes; avoid 40 ms stalls

    def do_GET(self) -> None:
        """Serve a GET."""
        self._serve("GET")

    def do_POST(self) -> None:
        """Serve a POST."""
        self._serve("POST")

    def _serve(self, method: str) -> None:
        """Read the request, ask the emulator for a reply, write or drop it."""
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        reply = self.server.emulator.handle(method, self.path, headers, raw)
        if reply.drop:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        data = reply.raw if reply.raw is not None else _encode(reply.payload)
        self.send_response(reply.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (reply.headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        """Log method and path only: query strings may carry a legacy access token. A request
        whose first line could not be read (https sent to the sandbox) has neither."""
        path = getattr(self, "path", "")
        logger.debug("emulator %s %s", getattr(self, "command", None), urlsplit(path).path)


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer that knows its emulator."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], emulator: ZaloEmulator) -> None:
        self.emulator = emulator
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One log line for a client gone before its answer (it timed out, as tests and the
        client's own retries make it do); a traceback for anything else."""
        gone = sys.exc_info()[1]
        if isinstance(gone, ConnectionError | TimeoutError):
            logger.debug(
                "emulator: máy khách %s đã ngắt kết nối trước khi nhận trả lời (%s).",
                client_address[0] if isinstance(client_address, tuple) else client_address,
                type(gone).__name__,
            )
            return
        super().handle_error(request, client_address)


def _encode(payload: Any) -> bytes:
    """JSON bytes as Zalo sends them (UTF-8, not ASCII-escaped)."""
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def _ok(data: Any) -> dict:
    """The success envelope."""
    return {"data": data, "error": 0, "message": "Success"}


class ZaloEmulator:
    """The emulated OA plus its HTTP server; start() runs it in a background thread."""

    def __init__(
        self,
        config: EmulatorConfig | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        state_file: Path | str | None = None,
    ) -> None:
        self.config = config or EmulatorConfig()
        self.host = host
        self.port = port
        self.state_file = Path(state_file) if state_file else None
        self._lock = threading.RLock()
        self._random = random.Random(self.config.seed)
        self._calls: list[Call] = []
        self._window: collections.deque[float] = collections.deque()
        self._pending_5xx = self.config.fail_first_5xx
        self._pending_drops = self.config.drop_first
        self._pending_garbles = self.config.garble_first
        self._pending_busy = self.config.create_busy_first
        self._pending_refusals = dict(self.config.detail_refused_first)
        self._in_flight = 0
        self._holds: list[Hold] = []
        self.max_in_flight = 0  # most requests handled at the same moment
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.ignored_state_fields: tuple[str, ...] = ()  # a later version's, see read_state
        self.state = self._load_state()
        self.saver = (
            StateSaver(self.state_file, self.state, self._lock) if self.state_file else None
        )
        """Writes the state file soon after each change and when the emulator stops."""

    # --- lifecycle ---------------------------------------------------------------------------

    def _load_state(self) -> OAState:
        """Resume from the state file when it exists (noting the fields it held that this version
        left out), else start fresh from the config."""
        if self.state_file and self.state_file.exists():
            state, self.ignored_state_fields = read_state(self.state_file.read_bytes())
            return state
        return OAState.initial(self.config)

    def start(self) -> ZaloEmulator:
        """Bind (port 0 = any free port) and serve in a daemon thread."""
        self._server = _Server((self.host, self.port), self)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="zalo-emulator",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        for hold in self._holds:
            hold.release()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self.saver is not None:
            # Requests still being handled (released holds, injected latency) change the state
            # after the server stopped accepting: the state file's last write waits for them.
            deadline = time.monotonic() + STOP_GRACE
            while self.in_flight and time.monotonic() < deadline:
                time.sleep(0.01)
            self.saver.close()

    def __enter__(self) -> ZaloEmulator:
        """Start on entry."""
        return self.start() if self._server is None else self

    def __exit__(self, *exc: object) -> None:
        """Stop on exit."""
        self.stop()

    # --- inspection and control ----------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """Scheme, host and port; serves both the OpenAPI and the OAuth paths."""
        return f"http://{self.host}:{self.port}"

    @property
    def articles(self) -> dict[str, dict]:
        """A snapshot of the stored articles by id (internal ordering fields removed)."""
        with self._lock:
            return {
                k: {f: v for f, v in a.items() if f != "seq"}
                for k, a in self.state.articles.items()
            }

    @property
    def calls(self) -> list[Call]:
        """A snapshot of every request received, in order."""
        with self._lock:
            return list(self._calls)

    @property
    def in_flight(self) -> int:
        """Requests being handled at this moment (received, not yet answered)."""
        with self._lock:
            return self._in_flight

    def count_calls(self, path_suffix: str, *, method: str | None = None) -> int:
        """How many answered requests had a path ending with `path_suffix` (a call is logged
        once handled, after any injected latency)."""
        return sum(
            1
            for c in self.calls
            if c.path.endswith(path_suffix) and (method is None or c.method == method)
        )

    def write_calls(self) -> list[Call]:
        """Requests to create, update or remove."""
        return [c for c in self.calls if c.path in WRITE_PATHS]

    def hold(self, path_suffix: str, nth: int) -> Hold:
        """Keep the `nth` request (from now) to a path ending with `path_suffix` waiting,
        received and unanswered, until the returned Hold is released (or the emulator stops)."""
        hold = Hold(path_suffix, nth)
        with self._lock:
            self._holds.append(hold)
        return hold

    def clear_calls(self) -> None:
        """Forget the call log."""
        with self._lock:
            self._calls.clear()

    @property
    def refresh_token(self) -> str:
        """The refresh token currently accepted (for seeding a client in tests)."""
        with self._lock:
            return self.state.refresh_tokens[-1]

    @property
    def used_refresh_tokens(self) -> list[str]:
        """Refresh tokens already consumed (rejected if presented again)."""
        with self._lock:
            return list(self.state.used_refresh_tokens)

    @property
    def num_follower(self) -> int:
        """The follower count getoa reports."""
        return self.state.num_follower

    def set_followers(self, count: int) -> None:
        """Set the follower count."""
        with self._lock:
            self.state.num_follower = count
            self._persist()

    def add_followers(self, count: int = 1) -> None:
        """Increase (or with a negative count decrease) the follower count."""
        with self._lock:
            self.state.num_follower += count
            self._persist()

    def expire_access_tokens(self) -> None:
        """Make every issued access token expired: the next call gets -220."""
        with self._lock:
            self.state.expire_access_tokens()
            self._persist()

    def revoke_access_tokens(self) -> None:
        """Make every issued access token unknown: the next call gets -216."""
        with self._lock:
            self.state.revoke_access_tokens()
            self._persist()

    def seed_article(self, body: dict, *, views: int = 0) -> str:
        """Put an article on the OA directly (as if made in the OA admin); returns its id."""
        with self._lock:
            token = self.state.create(body, replace(self.config, create_quota_per_day=None))[
                "token"
            ]
            article_id = self.state.jobs.pop(token).article_id
            self.state.ready_at.pop(article_id, None)  # made long ago in the OA admin
            self.state.articles[article_id]["total_view"] = views
            self._persist()
            return article_id

    def edit_article(self, article_id: str, **changes: Any) -> None:
        """Change an article's fields directly (as an OA admin editing it in the OA admin page)."""
        with self._lock:
            article = self.state.articles[article_id]
            article.update(changes)
            article["update_date"] = max(self.state.now_ms(), article["update_date"])
            self._persist()

    def delete_article(self, article_id: str) -> None:
        """Delete an article directly (as an OA admin deleting it in the OA admin page, behind
        the tool's back: a record that calls it hidden or live is then stale)."""
        with self._lock:
            self.state.remove(article_id)
            self._persist()

    def advance(self, seconds: float) -> None:
        """Move the OA's clock on (jobs finish, tokens expire) without waiting for it."""
        with self._lock:
            self.state.skew += seconds
            self._persist()

    def finish_stuck_jobs(self) -> int:
        """Let every stuck job finish now, however late (see EmulatorConfig.stuck_title_substrings)."""
        with self._lock:
            ended = self.state.finish_stuck_jobs()
            self._persist()
            return ended

    def configure(self, **changes: Any) -> None:
        """Change config fields at run time; re-arms the first-N fault counters when given."""
        known = {f.name for f in fields(EmulatorConfig)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"unknown emulator settings: {sorted(unknown)}")
        if "length_unit" in changes:
            check_length_unit(changes["length_unit"])
        if "hidden_in_list" in changes:
            replace(self.config, hidden_in_list=changes["hidden_in_list"])  # refuses a typo
        with self._lock:
            for key, value in changes.items():
                setattr(self.config, key, value)
            if "fail_first_5xx" in changes:
                self._pending_5xx = changes["fail_first_5xx"]
            if "drop_first" in changes:
                self._pending_drops = changes["drop_first"]
            if "garble_first" in changes:
                self._pending_garbles = changes["garble_first"]
            if "create_busy_first" in changes:
                self._pending_busy = changes["create_busy_first"]
            if "detail_refused_first" in changes:
                self._pending_refusals = dict(changes["detail_refused_first"])
            if "seed" in changes:
                self._random = random.Random(changes["seed"])
            if "rate_limit_per_minute" in changes or "rate_limit_window" in changes:
                self._window.clear()

    # --- request handling ----------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str], raw: bytes) -> Reply:
        """Produce the reply for one request, applying latency and injected faults."""
        split = urlsplit(target)
        path = split.path
        query = {k: v[-1] for k, v in parse_qs(split.query).items()}
        body = self._decode_body(headers, raw)
        arrived = time.monotonic()
        with self._lock:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            self._wait_if_held(path)
            return self._handle(method, path, query, headers, body, arrived)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _wait_if_held(self, path: str) -> None:
        """Keep this request waiting when a Hold is set on it (see `hold`)."""
        with self._lock:
            held = None
            for hold in self._holds:
                if path.endswith(hold.path_suffix):
                    hold.seen += 1
                    if hold.seen == hold.nth:
                        held = hold
        if held is not None:
            held.reached.set()
            held.wait_release(timeout=120)

    def _handle(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        headers: dict[str, str],
        body: Any,
        arrived: float,
    ) -> Reply:
        """Apply latency and faults, then route."""
        faulted = self._fault_applies(path)
        if self.config.latency and faulted:
            time.sleep(self.config.latency)
        with self._lock:
            if faulted and not self.config.drop_after_processing and self._take_drop():
                return self._log(method, path, body, arrived, Reply(drop=True))
            if faulted and not self.config.fail_5xx_after_processing and self._take_5xx():
                return self._log(method, path, body, arrived, self._unavailable())
            if faulted and self.config.garble_before_processing and self._pending_garbles > 0:
                self._pending_garbles -= 1
                return self._log(method, path, body, arrived, self._garbled())
            reply = self._route(method, path, query, headers, body)
            self._persist()
            if faulted and self.config.drop_after_processing and self._take_drop():
                reply = Reply(drop=True)
            elif faulted and self.config.fail_5xx_after_processing and self._take_5xx():
                reply = self._unavailable()
            elif faulted and self._pending_garbles > 0:
                self._pending_garbles -= 1
                reply = self._garbled()
            return self._log(method, path, body, arrived, reply)

    def _unavailable(self) -> Reply:
        """The injected HTTP 5xx (or 429), with a gateway's HTML page rather than Zalo's envelope,
        and the Retry-After the config names."""
        retry_after = self.config.retry_after
        return Reply(
            status=self.config.fail_5xx_status,
            raw=b"<html>Service Unavailable</html>",
            headers={"Retry-After": retry_after} if retry_after is not None else None,
        )

    def _garbled(self) -> Reply:
        """The injected unreadable reply (see EmulatorConfig.garble_first)."""
        body = self.config.garble_body
        status = self.config.garble_status
        if body is None:
            return Reply(status=status, payload={"data": {}, "error": 0, "message": "Success"})
        return Reply(status=status, raw=body.encode())

    def _decode_body(self, headers: dict[str, str], raw: bytes) -> Any:
        """JSON or form body as Python data; undecodable bodies become None."""
        if not raw:
            return None
        text = raw.decode("utf-8", errors="replace")
        if "application/x-www-form-urlencoded" in headers.get("content-type", ""):
            return {k: v[-1] for k, v in parse_qs(text).items()}
        try:
            return json.loads(text)
        except ValueError:
            return None

    def _fault_applies(self, path: str) -> bool:
        """Whether fault injection covers this path."""
        scope = self.config.fault_paths
        return scope is None or any(part in path for part in scope)

    def _take_drop(self) -> bool:
        """Decide whether to drop this connection."""
        if self._pending_drops > 0:
            self._pending_drops -= 1
            return True
        return self.config.drop_rate > 0 and self._random.random() < self.config.drop_rate

    def _take_5xx(self) -> bool:
        """Decide whether to answer this request with an HTTP 5xx."""
        if self._pending_5xx > 0:
            self._pending_5xx -= 1
            return True
        return self.config.fail_5xx_rate > 0 and self._random.random() < self.config.fail_5xx_rate

    def _log(self, method: str, path: str, body: Any, arrived: float, reply: Reply) -> Reply:
        """Record the call with its outcome and return the reply unchanged."""
        error = reply.payload.get("error") if isinstance(reply.payload, dict) else None
        status = None if reply.drop else reply.status
        call = Call(method, path, body, error, status, arrived, time.monotonic())
        self._calls.append(call)
        return reply

    def _create(self, body: Any) -> dict:
        """article/create, answering -214 to the first `create_busy_first` (see EmulatorConfig)."""
        if self._pending_busy <= 0:
            return self.state.create(body, self.config)
        self._pending_busy -= 1
        if self.config.create_busy_made:
            self.state.create(body, self.config)
        raise ApiFailure(-214, MSG_PROCESSING)

    def _persist(self) -> None:
        """Have the state saved soon when a state file is configured (see emulator_saving)."""
        if self.saver is not None:
            self.saver.changed()

    def _rate_limit(self) -> dict[str, str]:
        """Count this call in the sliding window; raise -32 when over the limit."""
        limit = self.config.rate_limit_per_minute
        if limit is None:
            return {}
        now = time.monotonic()
        while self._window and self._window[0] <= now - self.config.rate_limit_window:
            self._window.popleft()
        if len(self._window) >= limit:
            raise ApiFailure(-32, MSG_RATE_LIMIT)
        self._window.append(now)
        return {
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remain": str(limit - len(self._window)),
        }

    def _route(
        self, method: str, path: str, query: dict[str, str], headers: dict[str, str], body: Any
    ) -> Reply:
        """Dispatch to the endpoint handler and wrap results and ApiFailures in the envelope."""
        if path == OAUTH_PATH and method == "POST":
            return self._oauth(headers, body)
        if path == CONSENT_PATH and method == "GET":
            return self._consent(query)
        handler = self._routes().get((method, path))
        if handler is None:
            return Reply(status=404, payload={"error": -209, "message": MSG_NOT_SUPPORTED})
        rate_headers: dict[str, str] = {}
        try:
            rate_headers = self._rate_limit()
            self._authenticate(query, headers)
            data = handler(query, body)
        except ApiFailure as failure:
            payload = {"error": failure.code, "message": failure.message}
            status = self.config.error_http_status
            return Reply(status=status, payload=payload, headers=rate_headers)
        return Reply(payload=_ok(data), headers=rate_headers)

    def _routes(self) -> dict[tuple[str, str], Callable[[dict[str, str], Any], Any]]:
        """Endpoint table: (method, path) → handler(query, body) → data."""
        state, config = self.state, self.config
        return {
            ("POST", "/v2.0/article/create"): lambda q, b: self._writable(lambda: self._create(b)),
            ("POST", "/v2.0/article/update"): lambda q, b: self._writable(
                lambda: state.update(b, config)
            ),
            ("POST", "/v2.0/article/verify"): lambda q, b: state.verify(
                b.get("token") if isinstance(b, dict) else None, config
            ),
            ("POST", "/v2.0/article/remove"): lambda q, b: self._writable(
                lambda: state.remove(b.get("id") if isinstance(b, dict) else None)
            ),
            ("GET", "/v2.0/article/getdetail"): lambda q, b: self._detail(q.get("id")),
            ("GET", "/v2.0/article/getslice"): lambda q, b: state.slice(
                q.get("offset", "0"), q.get("limit", "10"), q.get("type"), config
            ),
            ("GET", "/v2.0/oa/getoa"): lambda q, b: state.oa_profile(config),
        }

    def _detail(self, article_id: str | None) -> Any:
        """getdetail, answering -201 while a passing refusal of the id is armed
        (EmulatorConfig.detail_refused_first)."""
        if self._pending_refusals.get(article_id or "", 0) > 0:
            self._pending_refusals[article_id or ""] -= 1
            raise ApiFailure(-201, MSG_BAD_ID)
        return self.state.detail(article_id, self.config)

    def _writable(self, action: Callable[[], Any]) -> Any:
        """Run an article write unless the OA has not granted the article permission, or its
        package does not include articles."""
        if not self.config.oa_authorized:
            raise ApiFailure(-223, MSG_NOT_AUTHORIZED)
        if self.config.oa_tier_too_low:
            raise ApiFailure(-224, MSG_TIER)
        return action()

    def _authenticate(self, query: dict[str, str], headers: dict[str, str]) -> None:
        """Check the access token (header, or legacy query) and the optional appsecret_proof."""
        token = headers.get("access_token")
        if token is None and self.config.accept_query_access_token:
            token = query.get("access_token")
        self.state.check_access(token, self.config)
        if self.config.require_appsecret_proof:
            expected = hmac.new(
                self.config.app_secret.encode(), (token or "").encode(), hashlib.sha256
            ).hexdigest()
            if not hmac.compare_digest(headers.get("appsecret_proof", ""), expected):
                raise ApiFailure(-242, MSG_BAD_PROOF)

    def _oauth(self, headers: dict[str, str], form: Any) -> Reply:
        """OAuth v4: refresh_token grant with single-use rotation; no envelope on success."""
        form = form if isinstance(form, dict) else {}

        def failure(code: int, name: str, description: str) -> Reply:
            """OAuth error body."""
            payload = {
                "error": code,
                "error_name": name,
                "error_description": description,
                "message": description,
            }
            return Reply(payload=payload)

        if not hmac.compare_digest(headers.get("secret_key", ""), self.config.app_secret):
            return failure(-14003, "Invalid parameter", "secret_key is invalid")
        if form.get("app_id") != self.config.app_id:
            return failure(-14003, "Invalid parameter", "app_id is invalid")
        if form.get("grant_type") == "authorization_code":
            try:
                tokens = self.state.redeem_code(
                    form.get("code", ""), form.get("code_verifier", ""), self.config
                )
            except ApiFailure as error:
                return failure(error.code, "Invalid parameter", error.message)
            return Reply(payload=tokens)
        if form.get("grant_type") != "refresh_token":
            return failure(-14003, "Invalid parameter", "grant_type is not supported")
        refresh = form.get("refresh_token", "")
        try:
            tokens = self.state.refresh(refresh, self.config)
        except ApiFailure:
            if (
                refresh in self.state.used_refresh_tokens
                and self.config.reused_refresh_reply == "empty"
            ):
                return Reply(raw=b"")
            return failure(-14014, "Invalid refresh token", "Invalid refresh token")
        return Reply(payload=tokens)

    def _consent(self, query: dict[str, str]) -> Reply:
        """The OA admin's consent page: consents at once and is sent back with a code.

        A wrong app id or a missing PKCE challenge shows an error at Zalo. A redirect URI other
        than the app's saved one gives -14003, shown at Zalo or sent back ([U], configurable);
        `consent_refused` sends the admin back with `error` instead of a code.
        """
        redirect_uri = query.get("redirect_uri", "")
        state = query.get("state", "")

        def back(params: dict[str, str]) -> Reply:
            """Redirect the browser to the redirect URI with `params` added."""
            joiner = "&" if urlsplit(redirect_uri).query else "?"
            location = redirect_uri + joiner + urlencode({**params, "state": state})
            return Reply(status=302, headers={"Location": location}, raw=b"")

        def page(code: int, message: str) -> Reply:
            """An error shown on Zalo's own page."""
            return Reply(payload={"error": code, "message": message})

        if query.get("app_id") != self.config.app_id:
            return page(-14003, "app_id is invalid")
        parts = urlsplit(redirect_uri)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return page(-14003, "redirect_uri is invalid")
        wanted = self.config.redirect_uri
        if wanted is not None and redirect_uri != wanted:
            message = "redirect_uri is not matched with app setting"
            if self.config.redirect_mismatch_reply == "redirect":
                return back({"error": "-14003", "error_description": message})
            return page(-14003, message)
        challenge = query.get("code_challenge", "")
        if not challenge:
            return page(-14003, "code_challenge is required")
        if self.config.consent_refused:
            return back({"error": "access_denied", "error_description": "User denied"})
        code = self.state.issue_code(challenge, redirect_uri, self.config)
        return back({"oa_id": self.config.oa_id, "code": code, "code_challenge": challenge})

    @property
    def auth_codes(self) -> list[str]:
        """Every authorization code the consent page issued (for secret checks in tests)."""
        with self._lock:
            return list(self.state.auth_codes)
