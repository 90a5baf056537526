"""A refresh token on its way to Zalo: the note the token file keeps of it until the pair the
refresh gave is saved, so that the run after one killed in between can say what happened.

Zalo spends a refresh token when it answers the refresh; a run killed (SIGKILL, a power cut, a
CI job cancelled) after that answer and before the new pair reached the disk leaves a token file
whose refresh token Zalo refuses (-14014), and no file anywhere holds the pair that replaced it.
The note is kept in the token file itself, as CI caches only that file; it names the token by a
fingerprint (a hash, never the token), with when and which process sent it.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from publish.zalo.errors import LOGIN_COMMAND, SECRET_COMMAND

__all__ = ["Spending", "fingerprint", "interrupted_message"]


@dataclass(frozen=True)
class Spending:
    """A refresh token (by fingerprint) sent to Zalo with no pair saved after it yet."""

    fingerprint: str
    at: float
    pid: int

    @classmethod
    def now(cls, refresh_token: str) -> Spending:
        """`refresh_token` sent at this moment by this process."""
        return cls(fingerprint(refresh_token), time.time(), os.getpid())

    def of(self, refresh_token: str) -> bool:
        """Whether this note is of `refresh_token`."""
        return self.fingerprint == fingerprint(refresh_token)

    def to_json(self) -> dict[str, Any]:
        """The note as the token file holds it."""
        return {"fingerprint": self.fingerprint, "at": self.at, "pid": self.pid}

    @classmethod
    def from_json(cls, raw: Any) -> Spending | None:
        """The note a token file holds, or None when there is none (or it cannot be read:
        only the advice given with a -14014 depends on it)."""
        try:
            return cls(str(raw["fingerprint"]), float(raw["at"]), int(raw["pid"]))
        except (KeyError, TypeError, ValueError):
            return None


def fingerprint(refresh_token: str) -> str:
    """A name for `refresh_token` that does not give it away (enough to tell two apart)."""
    return hashlib.sha256(refresh_token.encode("utf-8")).hexdigest()[:32]


def interrupted_message(token_path: Path, earlier: Spending, *, source: str, in_ci: bool) -> str:
    """What the operator is told when Zalo refuses (-14014) a refresh token an earlier run sent
    and saw no saved pair for: what happened, that no article is lost, and how to recover.
    `source`: where the token came from, in words (the token file, ZALO_REFRESH_TOKEN)."""
    when = datetime.fromtimestamp(earlier.at, UTC).strftime("%H:%M:%S ngày %d/%m/%Y (giờ UTC)")
    login = f"`{LOGIN_COMMAND} --refresh-token-file /tmp/rt`"
    steps = (
        f"(1) trên máy của cán bộ kỹ thuật, đặt ZALO_APP_ID, ZALO_APP_SECRET rồi chạy {login}; "
        "(2) quản trị viên OA mở địa chỉ lệnh in ra (trang cấp quyền của Zalo), đăng nhập Zalo, "
        "chọn đúng OA và bấm đồng ý, gồm quyền «Quản lý bài viết»; (3) đặt refresh token mới "
        f"vào bí mật ZALO_REFRESH_TOKEN của CI: `{SECRET_COMMAND}` (GitLab: dán nội dung tệp "
        "vào biến ZALO_REFRESH_TOKEN, rồi "
        "xóa tệp); (4) chạy lại CI. Không cần xóa tệp token trong cache: lần chạy sau thấy "
        "refresh token trong tệp bị từ chối thì dùng ZALO_REFRESH_TOKEN mới và ghi cặp mới vào "
        "tệp."
        if in_ci
        else f"(1) đặt ZALO_APP_ID, ZALO_APP_SECRET rồi chạy `{LOGIN_COMMAND}` trên máy này (thêm --paste nếu trình duyệt ở máy khác): lệnh ghi cặp token mới vào {token_path}; "
        "(2) quản trị viên OA mở địa chỉ lệnh in ra (trang cấp quyền của Zalo), đăng nhập Zalo, "
        "chọn đúng OA và bấm đồng ý, gồm quyền «Quản lý bài viết»; (3) chạy lại `publish sync`."
    )
    who = (
        f"Một lần làm mới trước trong chính lần chạy này (lúc {when}) đã gửi"
        if earlier.pid == os.getpid()
        else f"Lần chạy trước (tiến trình số {earlier.pid}, lúc {when}) đã gửi"
    )
    return (
        f"{who} refresh token {source} cho Zalo rồi bị dừng đột ngột (bị giết, hủy job CI, mất điện), "
        "mất phản hồi hay không ghi được tệp token (đĩa đầy) trước khi lưu được cặp token mới Zalo "
        "cấp: Zalo đã dùng refresh token "
        "đó (mã lỗi -14014: chỉ dùng được một lần) nên nó không còn hiệu lực, và cặp mới không "
        "còn ở đâu. Không bài nào bị mất hay đăng trùng: state/ ghi mọi bài đã đăng, lần chạy "
        "đầu tiên sau khi có token mới làm tiếp đúng chỗ dừng. Cách khôi phục (cấp quyền lại, "
        f"vài phút): {steps}"
    )
