"""Whether the website's follow page («Theo dõi tin mới», /theo-doi/) can take its address.

The page came long after units made their own pages and old addresses: one of theirs already at
/theo-doi/ keeps it, and the website simply has no follow page (its footer and categories keep
the feed links, as a theme without follow.html does). A note tells how to get the page.
"""

from __future__ import annotations

from collections.abc import Mapping

from publish.errors import Problem
from publish.model import Bulletin, Page, Site
from publish.render.web.context import FOLLOW, FOLLOW_URL

__all__ = ["follow_owner"]

LEFT_OUT = (
    f"nên website không tạo trang «{FOLLOW}» ở đó; chân trang và các chuyên mục vẫn dẫn tới "
    "nguồn tin Atom như trước"
)
"""What a unit's own page or redirect at FOLLOW_URL means for the website."""
MOVED_AWAY = (
    f"liên kết cũ tới {FOLLOW_URL} khi đó sẽ mở trang «{FOLLOW}». Đừng ghi {FOLLOW_URL!r} vào "
    f"aliases: trang chuyển hướng ở đó lại chiếm chỗ của trang «{FOLLOW}»"
)
"""What giving the address up costs, and why no redirect can stay there."""


def follow_owner(site: Site, history: Mapping[str, tuple[str, ...]]) -> Problem | None:
    """A note naming what of the unit's own is at FOLLOW_URL (a page, an alias, an old address
    recorded in state/web-urls.json `history`), or None when the follow page may be made."""
    for page in site.pages:
        if page.url == FOLLOW_URL:
            return Problem(
                page.source,
                f"trang này ở địa chỉ {FOLLOW_URL} {LEFT_OUT}",
                "slug",
                hint=f"Muốn có trang «{FOLLOW}» thì đổi slug của trang này (ví dụ "
                f"slug: theo-doi-vu-viec); {MOVED_AWAY}.",
                severity="note",
            )
    # Only the bulletins whose redirect pages the build writes: a draft's are not.
    bulletins = [b for b in site.for_channel("web") if not site.is_preview(b)]
    items: list[Bulletin | Page] = [*site.pages, *bulletins]
    for item in items:
        if FOLLOW_URL in item.aliases:
            return Problem(
                item.source,
                f"địa chỉ cũ {FOLLOW_URL!r} trong aliases là trang chuyển hướng tới đây {LEFT_OUT}",
                "aliases",
                hint=f"Muốn có trang «{FOLLOW}» thì bỏ {FOLLOW_URL!r} khỏi aliases; "
                f"liên kết cũ tới {FOLLOW_URL} khi đó sẽ mở trang «{FOLLOW}».",
                severity="note",
            )
    for bulletin in bulletins:
        if FOLLOW_URL in history.get(bulletin.key, ()):
            return Problem(
                bulletin.source,
                f"địa chỉ cũ {FOLLOW_URL!r} của bài này (ghi trong state/web-urls.json) là trang "
                f"chuyển hướng tới bài {LEFT_OUT}",
                hint=f"Muốn có trang «{FOLLOW}» thì xóa {FOLLOW_URL!r} khỏi danh sách "
                f"'{bulletin.key}' trong state/web-urls.json; {MOVED_AWAY}.",
                severity="note",
            )
    return None
