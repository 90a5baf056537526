"""Which OA a token belongs to: Zalo's getoa answer against [zalo] oa_id, before a command uses it.

`publish sync` (before sending) and `publish report` (before recording follower counts) both ask
here, so the two cannot drift apart on what makes a token this OA's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from publish.errors import PublishError
from publish.zalo.errors import ZaloError

if TYPE_CHECKING:
    from publish.zalo.client import ZaloClient

__all__ = ["OaUnconfirmed", "Stakes", "confirm_oa"]


class OaUnconfirmed(ZaloError):
    """getoa failed on Zalo's side (5xx, a reply that is no JSON, a timeout) for the token
    this run has just got from ZALO_REFRESH_TOKEN, into a file that names no OA yet: nothing
    is sent, as for any unconfirmed token, but it is a remote fault (exit 3), which the next
    run heals by asking again, not a person's to fix."""


@dataclass(frozen=True, slots=True)
class Stakes:
    """What a command does not do when the token is not confirmed, and what that prevents."""

    nothing: str
    """E.g. "không gửi gì"."""
    guards: str
    """E.g. "để bản tin không lên nhầm OA khác"."""


def confirm_oa(client: ZaloClient, wanted: str, stakes: Stakes) -> dict[str, Any]:
    """The OA profile (getoa) once it is not another OA's than `wanted` ([zalo] oa_id).

    Raises PublishError when getoa names another OA, or when the token comes from a file that
    names no OA (the shared file of older versions may hold another unit's) and Zalo cannot
    confirm it. Once getoa names `wanted`, the token file holding the token it was asked with
    is marked as this OA's, including one this very call's refresh wrote (ZALO_REFRESH_TOKEN
    on CI), so later runs need no confirmation. Other getoa failures are raised as the
    ZaloError: the caller decides whether to go on without the check.
    """
    tokens = client.tokens
    unnamed = bool(wanted) and tokens.names_no_oa()
    try:
        profile, asked = client.getoa_with_token()
    except ZaloError as error:
        if unnamed and tokens.refreshed_from_env() and not error.stops_channel:
            raise OaUnconfirmed(
                _just_refreshed(client, wanted, error, stakes),
                code=error.code,
                api_message=error.api_message,
                operation="getoa",
                http_status=error.http_status,
                unreachable=error.unreachable,
            ) from None
        if unnamed:
            raise PublishError(_unconfirmed(client, wanted, f"Zalo báo: {error}", stakes)) from None
        raise
    found = str(profile.get("oa_id") or "").strip()
    if wanted and found and found != wanted:
        name = str(profile.get("name") or "").strip()
        named = f"OA «{name}» (mã {found})" if name else f"OA mã {found}"
        raise PublishError(
            f"token Zalo trong môi trường thuộc {named}, không phải OA {wanted} ghi ở "
            f"[zalo] oa_id trong site.toml: {stakes.nothing}. Kiểm tra biến môi trường (hoặc "
            "tệp token) có đúng là của OA này không; nếu đơn vị đã đổi OA thì sửa oa_id."
        )
    if wanted and found:
        tokens.record_oa(wanted, asked)
    elif unnamed:
        raise PublishError(_unconfirmed(client, wanted, "câu trả lời getoa không có mã OA", stakes))
    return profile


def _unconfirmed(client: ZaloClient, wanted: str, why: str, stakes: Stakes) -> str:
    """Why a token from a file that names no OA is not used when Zalo cannot confirm it."""
    path = client.tokens.token_file.path
    return (
        f"tệp token Zalo {path} không ghi token thuộc OA nào (tệp do bản publish cũ ghi, "
        "hoặc ghi khi làm mới ZALO_REFRESH_TOKEN mà getoa chưa xác nhận OA; có thể là token "
        "của OA một đơn vị khác trên máy này) và Zalo chưa xác nhận được token là của OA "
        f"{wanted} ghi ở [zalo] oa_id trong site.toml ({why}): {stakes.nothing}, "
        f"{stakes.guards}. Cách sửa: "
        + (_fix_on_ci(path, wanted) if client.tokens.has_env_refresh() else _fix_here(wanted))
    )


def _just_refreshed(client: ZaloClient, wanted: str, error: ZaloError, stakes: Stakes) -> str:
    """Why nothing is sent when getoa fails just after this run refreshed ZALO_REFRESH_TOKEN
    into a new token file: a passing fault, with no older file or other unit to suspect."""
    path = client.tokens.token_file.path
    return (
        f"chưa xác nhận được token Zalo là của OA {wanted} ghi ở [zalo] oa_id trong site.toml: "
        f"lần hỏi Zalo gặp lỗi phía Zalo ({str(error).rstrip('.')}); {stakes.nothing}, "
        f"{stakes.guards}. Lần chạy này vừa làm mới ZALO_REFRESH_TOKEN và lưu cặp token mới "
        f"vào tệp {path}: đừng xóa tệp đó (hay cache chứa nó) và đừng đổi bí mật "
        "ZALO_REFRESH_TOKEN. Không cần làm gì khác: lần chạy sau hỏi lại Zalo."
    )


def _fix_here(wanted: str) -> str:
    """What the admin of a machine without ZALO_REFRESH_TOKEN does."""
    return (
        f"chạy `publish zalo-login` trong thư mục dự án này để lấy token riêng cho OA {wanted} "
        "(làm theo hướng dẫn lệnh in ra), rồi chạy lại."
    )


def _fix_on_ci(path: object, wanted: str) -> str:
    """What the CI operator (ZALO_REFRESH_TOKEN set) does: the file must be kept, since the
    variable's refresh token may already be spent on the pair it holds."""
    return (
        "trên CI (có ZALO_REFRESH_TOKEN), đừng đổi bí mật ZALO_REFRESH_TOKEN và đừng xóa tệp "
        f"token {path} hay cache chứa nó: refresh token mới nằm trong tệp đó (tệp mẫu của CI "
        "cất lại tệp cả khi job lỗi). Chạy lại job sau vài phút (GitHub: Re-run jobs; GitLab: "
        f"Retry) cho tới khi Zalo trả lời getoa có mã OA {wanted}; từ đó tệp ghi mã OA này và "
        "không phải hỏi lại. Nếu lần nào getoa cũng trả lời mà không có mã OA, dùng "
        "máy chạy riêng với ZALO_TOKEN_FILE và chạy `publish zalo-login` trong thư mục dự án trên "
        "máy đó: tệp token khi ấy ghi sẵn mã OA."
    )
