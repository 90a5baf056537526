"""What an httpx transport error means, in Vietnamese, for the messages operators read.

The class name alone («ConnectError») tells a non-programmer nothing, and an English word amid
Vietnamese reads as the message itself: what happened is said in words, naming the server and
(for a timeout) the seconds waited; why a connection failed (DNS, refused, TLS) is read from the
error's causes; the class name stays only in parentheses at the end, for whoever reports the
fault. Looked up by class name along the exception's MRO, so that a caller need not import httpx
to describe one.
"""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Iterator

__all__ = ["transport_failure"]

WORDS = {
    "ConnectTimeout": "{server} không nhận kết nối {waited}",
    "ReadTimeout": "{server} không trả lời {waited}",
    "WriteTimeout": "gửi yêu cầu tới {server} chưa xong {waited}",
    "PoolTimeout": "chưa có kết nối rảnh tới {server} để gửi yêu cầu {waited}",
    "ConnectError": "không kết nối được tới {server}",
    "ReadError": "mất kết nối tới {server} khi đang nhận trả lời",
    "WriteError": "mất kết nối tới {server} khi đang gửi yêu cầu",
    "CloseError": "lỗi khi đóng kết nối tới {server}",
    "RemoteProtocolError": "{server} đóng kết nối trước khi trả lời",
    "LocalProtocolError": "yêu cầu gửi tới {server} sai giao thức HTTP",
    "ProxyError": "máy chủ proxy từ chối hoặc không chuyển yêu cầu tới {server}",
    "UnsupportedProtocol": "địa chỉ của {server} không dùng giao thức http hay https",
    "TimeoutException": "{server} không trả lời {waited}",
    "NetworkError": "lỗi mạng khi gọi {server}",
    "ProtocolError": "trao đổi với {server} sai giao thức HTTP",
    "TransportError": "không kết nối được tới {server}",
    "TooManyRedirects": "{server} chuyển hướng quá nhiều lần",
}
"""httpx exception class → what happened; a subclass not listed takes its nearest parent's."""

TIMEOUT_KINDS = {
    "ConnectTimeout": "connect",
    "ReadTimeout": "read",
    "WriteTimeout": "write",
    "PoolTimeout": "pool",
}
"""Timeout class → its key in the request's timeout settings (the seconds that ran out)."""

DNS_TEXTS = (
    "name or service not known",
    "temporary failure in name resolution",
    "nodename nor servname",
    "getaddrinfo failed",
    "no address associated",
    "name resolution",
)
"""How a failed name lookup reads when the error carries no socket.gaierror (another platform's
resolver, or an error rebuilt from text)."""

UNREACHABLE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN}


def transport_failure(exc: BaseException, server: str = "máy chủ", *, named: bool = True) -> str:
    """What the transport error `exc` met calling `server` means, with why a connection failed
    and the class name in parentheses; without parentheses when not `named`, for a caller that
    puts the whole in its own: «Zalo không trả lời sau 30 giây (ReadTimeout)»."""
    name = type(exc).__name__
    kinds = [c.__name__ for c in type(exc).__mro__]
    template = next((WORDS[k] for k in kinds if k in WORDS), "lỗi khi gọi {server}")
    said = template.format(server=server, waited=_waited(exc, kinds))
    reason, tag = _why_not_connected(exc) if "ConnectError" in kinds else ("", "")
    if reason:
        said += f": {reason}"
    if not named:
        return f"{said}, {tag}" if tag else said
    return f"{said} ({tag}, {name})" if tag else f"{said} ({name})"


def _waited(exc: BaseException, kinds: list[str]) -> str:
    """«sau 30 giây», the timeout that ran out as the request set it, or «trong thời gian chờ»."""
    kind = next((TIMEOUT_KINDS[k] for k in kinds if k in TIMEOUT_KINDS), "read")
    try:
        limits = exc.request.extensions.get("timeout", {})  # type: ignore[attr-defined]
    except (AttributeError, RuntimeError):  # an error raised without its request
        limits = {}
    seconds = limits.get(kind) if isinstance(limits, dict) else None
    if not isinstance(seconds, int | float) or seconds <= 0:
        return "trong thời gian chờ"
    shown = f"{seconds:g}" if float(seconds).is_integer() else f"{seconds:.1f}"
    return f"sau {shown.replace('.', ',')} giây"


def _why_not_connected(exc: BaseException) -> tuple[str, str]:
    """Why a connection could not be opened, in words, and its technical tag («lỗi DNS», «lỗi TLS»):
    from the OS or ssl error among the causes, else from the error's text; ("", "") unknown."""
    causes = list(_causes(exc))
    text = " ".join(str(c) for c in causes).lower()
    if any(isinstance(c, socket.gaierror) for c in causes) or any(t in text for t in DNS_TEXTS):
        return "không tra được địa chỉ mạng của tên máy chủ", "lỗi DNS"
    if any(isinstance(c, ssl.SSLCertVerificationError) for c in causes) or (
        "certificate_verify_failed" in text
    ):
        return (
            "chứng chỉ bảo mật của máy chủ không được tin cậy hoặc đã hết hạn; cũng có thể "
            "đồng hồ máy này sai, hay mạng của đơn vị chèn proxy vào giữa",
            "lỗi TLS",
        )
    if any(isinstance(c, ssl.SSLError) for c in causes) or "[ssl" in text:
        return "không lập được kết nối bảo mật với máy chủ", "lỗi TLS"
    if any(isinstance(c, ConnectionRefusedError) for c in causes) or "connection refused" in text:
        return (
            "kết nối bị từ chối, thường vì không có chương trình nào nhận kết nối ở địa chỉ "
            "và cổng đó"
        ), ""
    if any(isinstance(c, OSError) and c.errno in UNREACHABLE for c in causes) or (
        "unreachable" in text
    ):
        return "máy này không có đường mạng tới máy chủ", ""
    return "", ""


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and the errors it was raised from or while handling, innermost last."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__
