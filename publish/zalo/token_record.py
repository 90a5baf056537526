"""Reading the token file's JSON: the pair's fields, or an error naming the one field that is
wrong, what it must hold and the smallest fix (a bad `expires_at` needs no new login).

Nothing of the file's content is ever quoted: only the kind of value a field holds.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from publish.errors import PublishError

__all__ = ["pair_fields"]

NEW_LOGIN = (
    "xoá tệp này và đặt refresh token mới vào biến môi trường ZALO_REFRESH_TOKEN (hoặc chạy "
    "`publish zalo-login` để lấy token mới)."
)
FRESH_ACCESS = (
    "mở tệp, xoá hai trường access_token và expires_at (giữ nguyên refresh_token) rồi chạy "
    "lại: lần chạy sau dùng refresh token trong tệp để lấy access token mới, không phải cấp "
    "quyền lại."
)


def _kind(value: object) -> str:
    """What a JSON value is, in words, without quoting it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "một chuỗi rỗng" if not value else "một chuỗi chữ"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN hay Infinity"
    if isinstance(value, int | float):
        return "một số"
    return "một danh sách" if isinstance(value, list) else "một đối tượng JSON"


def _broken(path: Path, what: str, fix: str = NEW_LOGIN) -> PublishError:
    """The error for token file `path`: what is wrong with it and how to fix it."""
    return PublishError(f"Tệp token Zalo {path} bị hỏng: {what}. Cách sửa: {fix}")


def _seconds(raw: dict[str, Any], name: str, meaning: str, fix: str, path: Path) -> float | None:
    """Field `name` as a number of seconds (None when absent or null); a number written as a
    string is taken, as earlier versions took it."""
    value = raw.get(name)
    if value is None:
        return None
    number = None
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        try:
            number = float(value)
        except ValueError:
            number = None
    if number is None or not math.isfinite(number):
        raise _broken(
            path, f"trường {name} phải là một số ({meaning}), tệp lại ghi {_kind(value)}", fix
        )
    return number


def pair_fields(data: bytes, path: Path) -> dict[str, Any]:
    """The TokenPair fields held by the bytes of token file `path` (`sending` as written: see
    Spending.from_json), or a PublishError naming the field that is missing or wrong."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _broken(path, "không phải văn bản UTF-8 (tệp JSON)") from None
    if not text.strip():
        raise _broken(path, "tệp rỗng, không có refresh token nào")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        # Its message is English; its place is all that helps, the text is never quoted.
        where = f"dòng {error.lineno}, cột {error.colno}"
        raise _broken(path, f"không phải JSON hợp lệ (lỗi ở {where})") from None
    if not isinstance(raw, dict):
        what = f"cần một đối tượng JSON {{…}} có trường refresh_token, tệp lại chứa {_kind(raw)}"
        raise _broken(path, what)
    refresh = raw.get("refresh_token")
    if "refresh_token" not in raw:
        raise _broken(path, "thiếu trường refresh_token")
    if not isinstance(refresh, str) or not refresh.strip():
        what = f"trường refresh_token phải là refresh token Zalo cấp, tệp lại ghi {_kind(refresh)}"
        raise _broken(path, what)
    access = raw.get("access_token")
    if access is not None and not isinstance(access, str):
        what = f"trường access_token phải là một chuỗi (hoặc null), tệp lại ghi {_kind(access)}"
        raise _broken(path, what, FRESH_ACCESS)
    oa_id = raw.get("oa_id")
    if oa_id is not None and (isinstance(oa_id, bool) or not isinstance(oa_id, str | int)):
        what = f"trường oa_id phải là mã số OA (một dãy chữ số), tệp lại ghi {_kind(oa_id)}"
        fix = (
            "mở tệp, xoá trường oa_id rồi chạy lại: Zalo được hỏi token là của OA nào và mã OA "
            "được ghi lại."
        )
        raise _broken(path, what, fix)
    expiry = "thời điểm access token hết hạn, tính bằng giây kể từ 01/01/1970, như 1767225600"
    lifetime = "số giây access token có hiệu lực, như 90000"
    drop_lifetime = "mở tệp, xoá trường lifetime rồi chạy lại (không phải cấp quyền lại)."
    return {
        "refresh_token": refresh,
        "access_token": access or None,
        "expires_at": _seconds(raw, "expires_at", expiry, FRESH_ACCESS, path),
        "lifetime": _seconds(raw, "lifetime", lifetime, drop_lifetime, path),
        "oa_id": str(oa_id) if oa_id else None,
        "sending": raw.get("sending"),
    }
