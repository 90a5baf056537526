"""The OA admin's first login (OAuth v4 + PKCE): consent URL, the browser's callback, code exchange.

`publish zalo-login` drives these steps; nothing here prints, and no token or code ever appears
in a message or a repr.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from publish.errors import PublishError
from publish.secret_mask import redact
from publish.transport_errors import transport_failure
from publish.zalo.tokens import (
    OAUTH_TOKEN_PATH,
    AppCredentials,
    TokenPair,
    error_code,
    seconds,
)

__all__ = [
    "CONSENT_PATH",
    "Callback",
    "LoginRequest",
    "exchange_code",
    "listen_for_callback",
    "listener_address",
    "parse_callback",
]

CONSENT_PATH = "/v4/oa/permission"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")
CODE_LIFETIME_NOTE = "mã cấp quyền (code) chỉ dùng được một lần và hết hạn sau khoảng 10 phút"

REQUEST_TIMEOUT = 2.0
"""Seconds a connection to the listener may take to send its request (a browser sends at once)."""
NOT_OURS = (
    "Không dùng địa chỉ này",
    "Địa chỉ này không thuộc lần chạy publish zalo-login đang chờ (thiếu hoặc sai mã “state”), "
    "nên bị bỏ qua. Mở đúng địa chỉ cấp quyền mà lệnh vừa in ra trong cửa sổ dòng lệnh.",
)

DONE_PAGE = """<!doctype html><html lang="vi"><meta charset="utf-8">
<title>{title}</title><body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>{title}</h1><p>{text}</p></body></html>"""


def pkce_challenge(verifier: str) -> str:
    """The S256 code challenge: base64url(sha256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(frozen=True, repr=False)
class LoginRequest:
    """One login attempt: a fresh PKCE verifier (secret) and state, and the URL to consent at."""

    app_id: str
    redirect_uri: str
    oauth_base: str
    verifier: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    """43 characters, the shortest RFC 7636 allows and what most PKCE clients send: the contract
    does not say which lengths Zalo takes, so the common one."""
    state: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    def __repr__(self) -> str:
        """Show the app id and redirect URI only."""
        return f"LoginRequest(app_id={self.app_id!r}, redirect_uri={self.redirect_uri!r})"

    @property
    def consent_url(self) -> str:
        """The page where the OA admin grants the app access (PKCE S256 challenge included)."""
        query = urlencode(
            {
                "app_id": self.app_id,
                "redirect_uri": self.redirect_uri,
                "code_challenge": pkce_challenge(self.verifier),
                "state": self.state,
            }
        )
        return f"{self.oauth_base.rstrip('/')}{CONSENT_PATH}?{query}"


@dataclass(frozen=True, repr=False)
class Callback:
    """What Zalo sent the browser back with: a code (secret), or an error."""

    code: str | None
    state: str | None
    oa_id: str | None = None
    error: str | None = None
    error_description: str | None = None

    def __repr__(self) -> str:
        """Never show the code."""
        return f"Callback(state={self.state!r}, oa_id={self.oa_id!r}, error={self.error!r})"


def parse_callback(query: str) -> Callback:
    """The callback fields of a redirect's query string."""
    values = {k: v[-1] for k, v in parse_qs(query).items()}
    return Callback(
        code=values.get("code") or None,
        state=values.get("state"),
        oa_id=values.get("oa_id") or values.get("oaid") or None,
        error=values.get("error") or None,
        error_description=values.get("error_description") or values.get("message") or None,
    )


def listener_address(redirect_uri: str) -> tuple[str, int] | None:
    """(host, port) to listen on when the redirect URI is http on this machine with a port."""
    parts = urlsplit(redirect_uri)
    try:
        port = parts.port
    except ValueError:
        return None
    if parts.scheme != "http" or parts.hostname not in LOOPBACK_HOSTS or port is None:
        return None
    return "127.0.0.1", port


class _Handler(BaseHTTPRequestHandler):
    """Takes the first request on the callback path that carries this run's state; anything
    else is a 404 (another path) or a 400 (not this run's)."""

    server: _CallbackServer
    # One request at a time: a connection that sends nothing (a browser's spare preconnection,
    # any local program) would otherwise hold the listener, the callback and --timeout with it.
    timeout = REQUEST_TIMEOUT

    def do_GET(self) -> None:
        """Record the callback and answer the browser in Vietnamese."""
        parts = urlsplit(self.path)
        if parts.path != self.server.path or self.server.callback is not None:
            self.send_error(404)
            return
        callback = parse_callback(parts.query)
        if not _ours(callback, self.server.expected_state):
            # Any web page can make the browser fetch this address: only this run's state
            # (printed in the consent URL alone) ends the wait, so such a fetch cannot.
            self._answer(400, NOT_OURS)
            return
        self.server.callback = callback
        if callback.code and callback.state == self.server.expected_state:
            title, text = (
                "Đã xong, đóng trang này",
                "Zalo đã cấp quyền. Đóng trang này và quay lại cửa sổ dòng lệnh: publish đang "
                "lấy token và sẽ báo kết quả ở đó.",
            )
        else:
            title, text = (
                "Chưa xong",
                "Zalo không trả về mã cấp quyền hợp lệ. Xem thông báo trong cửa sổ dòng lệnh.",
            )
        self._answer(200, (title, text))

    def _answer(self, status: int, page: tuple[str, str]) -> None:
        """Send the browser a short Vietnamese page."""
        title, text = page
        body = DONE_PAGE.format(title=html.escape(title), text=html.escape(text)).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing: the request line carries the code."""


def _ours(callback: Callback, expected_state: str) -> bool:
    """Whether a callback ends the wait: it carries this run's state, or is a code or an error
    sent back with no state at all ([U] whether Zalo always returns it): told at once, not
    after --timeout (a code without it is then refused)."""
    if callback.state is None:
        return callback.error is not None or callback.code is not None
    return hmac.compare_digest(callback.state.encode(), expected_state.encode())


class _CallbackServer(HTTPServer):
    """A one-shot HTTP server on the redirect URI's port."""

    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], path: str, expected_state: str) -> None:
        self.path = path
        self.expected_state = expected_state
        self.callback: Callback | None = None
        super().__init__(address, _Handler)


def listen_for_callback(
    request: LoginRequest,
    *,
    timeout: float,
    ready: Callable[[], None] = lambda: None,
) -> Callback:
    """Serve the redirect URI on this machine until the browser comes back (or `timeout`)."""
    address = listener_address(request.redirect_uri)
    if address is None:
        raise ValueError("redirect URI is not a loopback http URL with a port")
    path = urlsplit(request.redirect_uri).path or "/"
    try:
        server = _CallbackServer(address, path, request.state)
    except OSError as exc:
        raise PublishError(
            f"Không mở được cổng {address[1]} trên máy này để nhận kết quả cấp quyền "
            f"({exc.strerror or exc}). Cách sửa: tắt chương trình đang dùng cổng đó, hoặc chạy "
            "lại với --paste để dán địa chỉ trình duyệt dừng lại."
        ) from None
    server.timeout = 0.2
    deadline = time.monotonic() + timeout
    try:
        ready()
        while server.callback is None:
            if time.monotonic() >= deadline:
                raise PublishError(
                    f"Hết {timeout:.0f} giây chờ mà trình duyệt chưa quay về {request.redirect_uri}. "
                    "Nếu trang của Zalo báo lỗi -14003 thì --redirect-uri phải trùng địa chỉ đã khai "
                    "báo trong phần cài đặt ứng dụng (Callback URL trên developers.zalo.me). "
                    "Chạy lại publish zalo-login."
                )
            server.handle_request()
    finally:
        server.server_close()
    return server.callback


def exchange_code(
    app: AppCredentials,
    request: LoginRequest,
    code: str,
    *,
    http: httpx.Client,
    clock: Callable[[], float] = time.time,
) -> TokenPair:
    """POST the authorization_code grant with the PKCE verifier; the new token pair or an error."""
    form = {
        "code": code,
        "app_id": app.app_id,
        "grant_type": "authorization_code",
        "code_verifier": request.verifier,
    }
    url = request.oauth_base.rstrip("/") + OAUTH_TOKEN_PATH
    hidden = (app.app_secret, code, request.verifier)
    try:
        response = http.post(url, data=form, headers={"secret_key": app.app_secret})
    except httpx.TransportError as exc:
        failed = transport_failure(exc, f"máy chủ OAuth của Zalo ({urlsplit(url).netloc})")
        raise PublishError(
            f"{failed[:1].upper()}{failed[1:]}. Kiểm tra kết nối mạng (và ZALO_OAUTH_BASE nếu có đặt) rồi "
            f"chạy lại publish zalo-login; {CODE_LIFETIME_NOTE}."
        ) from None
    data = _reply(response)
    error = error_code(data.get("error"))
    if error or not data.get("access_token") or not data.get("refresh_token"):
        raise _refused(error, data, hidden)
    expires_in = seconds(data.get("expires_in"))
    return TokenPair(
        refresh_token=str(data["refresh_token"]),
        access_token=str(data["access_token"]),
        expires_at=clock() + expires_in if expires_in > 0 else None,
        lifetime=expires_in if expires_in > 0 else None,
    )


def _reply(response: httpx.Response) -> Mapping[str, Any]:
    """The token endpoint's JSON object (no envelope), or a clear error."""
    try:
        data = json.loads(response.text.strip() or "{}")
    except ValueError:
        raise PublishError(
            f"Máy chủ OAuth của Zalo trả về phản hồi không phải JSON (HTTP {response.status_code}) "
            "khi đổi mã cấp quyền lấy token. Kiểm tra ZALO_OAUTH_BASE (nếu có đặt) hoặc thử lại sau."
        ) from None
    return data if isinstance(data, dict) else {}


def _refused(code: int, data: Mapping[str, Any], hidden: tuple[str, ...]) -> PublishError:
    """The Vietnamese error for a refused code exchange, with Zalo's message quoted."""
    message = str(
        data.get("error_description") or data.get("message") or data.get("error_name") or ""
    )
    quoted = redact(message, hidden)
    said = f"mã lỗi {code}: “{quoted}”" if code else "phản hồi không có token"
    lowered = quoted.lower()
    if "secret" in lowered or "app_id" in lowered:
        hint = (
            "Kiểm tra ZALO_APP_ID và ZALO_APP_SECRET (trang Cài đặt của ứng dụng trên "
            "developers.zalo.me) rồi chạy lại publish zalo-login."
        )
    elif "verifier" in lowered:
        hint = (
            "Mã cấp quyền không khớp với lần chạy này (mỗi lần chạy publish zalo-login có mã "
            "PKCE riêng): dán đúng địa chỉ của lần cấp quyền vừa mở từ chính lần chạy này. "
            "Chạy lại publish zalo-login."
        )
    elif "expire" in lowered or "used" in lowered or "code" in lowered:
        hint = (
            f"Mã cấp quyền đã dùng rồi hoặc đã hết hạn: {CODE_LIFETIME_NOTE}. Chạy lại "
            "publish zalo-login, mở địa chỉ mới và làm xong trong vòng 10 phút."
        )
    else:
        hint = f"Chạy lại publish zalo-login; {CODE_LIFETIME_NOTE}."
    return PublishError(f"Zalo từ chối đổi mã cấp quyền lấy token ({said}). {hint}")
