"""Publishing gates: what keeps a bulletin out of every channel, and why."""

from __future__ import annotations

import datetime as dt

from publish.config import Policy
from publish.model import Bulletin, Exclusion
from publish.text import nfc, vn_datetime

__all__ = ["gate", "is_secret"]


def is_secret(bulletin: Bulletin, policy: Policy) -> bool:
    """Whether the bulletin's classification is one the policy never publishes."""
    wanted = {nfc(c).casefold().strip() for c in policy.secret_classifications}
    return nfc(bulletin.classification).casefold().strip() in wanted


def gate(bulletin: Bulletin, *, now: dt.datetime, policy: Policy) -> Exclusion | None:
    """The first reason the bulletin may not be published at `now`, or None when it may."""
    if is_secret(bulletin, policy):
        return Exclusion(
            bulletin, f"tài liệu mật ({bulletin.classification}): không bao giờ xuất bản", "secret"
        )
    if bulletin.draft:
        return Exclusion(bulletin, "bản nháp (draft: true)", "draft")
    if policy.require_approval and not bulletin.approved_by.strip():
        return Exclusion(bulletin, "chưa được duyệt (thiếu approved_by)", "unapproved")
    if bulletin.date > now:
        local = bulletin.date.astimezone(now.tzinfo)
        return Exclusion(bulletin, f"hẹn giờ: sẽ xuất bản lúc {vn_datetime(local)}", "scheduled")
    if bulletin.expires is not None and bulletin.expires <= now:
        local = bulletin.expires.astimezone(now.tzinfo)
        return Exclusion(bulletin, f"đã hết hạn lúc {vn_datetime(local)}", "expired")
    return None
