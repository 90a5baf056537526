"""What an httpx transport error means, in Vietnamese, for the messages operators read.

The class name alone («RemoteProtocolError») tells a non-programmer nothing; it is kept after the
words as the technical detail, as an HTTP status is («lỗi HTTP 503»), without parentheses of its
own: messages put the failure in theirs. Looked up by class name along the exception's MRO, so
that a caller need not import httpx to describe one.
"""

from __future__ import annotations

__all__ = ["transport_failure"]

WORDS = {
    "ConnectTimeout": "quá thời gian chờ khi mở kết nối tới máy chủ",
    "ReadTimeout": "máy chủ quá thời gian chờ mà chưa trả lời",
    "WriteTimeout": "quá thời gian chờ khi đang gửi yêu cầu",
    "PoolTimeout": "quá thời gian chờ một kết nối rảnh để gửi yêu cầu",
    "ConnectError": "không mở được kết nối tới máy chủ",
    "ReadError": "mất kết nối khi đang nhận trả lời",
    "WriteError": "mất kết nối khi đang gửi yêu cầu",
    "CloseError": "lỗi khi đóng kết nối",
    "RemoteProtocolError": "máy chủ đóng kết nối trước khi trả lời",
    "LocalProtocolError": "yêu cầu gửi đi sai giao thức HTTP",
    "ProxyError": "máy chủ proxy từ chối hoặc không chuyển yêu cầu",
    "UnsupportedProtocol": "địa chỉ không dùng giao thức http hay https",
    "TimeoutException": "quá thời gian chờ",
    "NetworkError": "lỗi mạng",
    "ProtocolError": "trao đổi với máy chủ sai giao thức HTTP",
    "TransportError": "lỗi kết nối tới máy chủ",
    "TooManyRedirects": "máy chủ chuyển hướng quá nhiều lần",
}
"""httpx exception class → what happened; a subclass not listed takes its nearest parent's."""


def transport_failure(exc: BaseException) -> str:
    """What the transport error `exc` means, then its class name: «máy chủ đóng kết nối trước
    khi trả lời, lỗi RemoteProtocolError»."""
    name = type(exc).__name__
    words = next((WORDS[c.__name__] for c in type(exc).__mro__ if c.__name__ in WORDS), "")
    return f"{words}, lỗi {name}" if words else f"lỗi {name}"
