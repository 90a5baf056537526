"""Whether the website's follow page («Theo dõi tin mới», /theo-doi/) can take its address.

The page came long after units made their own pages and old addresses: one of theirs already at
/theo-doi/ keeps it, and the website simply has no follow page (its footer and categories keep
the feed links, as a theme without follow.html does). A note tells how to get the page, and
one says so while a scheduled page or bulletin that will take the address still waits: it
goes live by the clock, in a build no one watches.
"""

from __future__ import annotations

from collections.abc import Mapping

from publish.errors import Problem
from publish.gates import SCHEDULED
from publish.model import Bulletin, Page, Site
from publish.render.web.context import FOLLOW, FOLLOW_URL

__all__ = ["follow_owner", "follow_owner_later"]

LEFT_OUT = (
    f"nên website không tạo trang «{FOLLOW}» ở đó; chân trang và các chuyên mục vẫn dẫn tới "
    "nguồn tin Atom như trước"
)
"""What a unit's own page or redirect at FOLLOW_URL means for the website."""
MOVED_AWAY = (
    f"liên kết cũ tới {FOLLOW_URL} khi đó sẽ mở trang «{FOLLOW}». Đừng ghi «{FOLLOW_URL}» vào "
    f"aliases: trang chuyển hướng ở đó lại chiếm chỗ của trang «{FOLLOW}»"
)
"""What giving the address up costs, and why no redirect can stay there."""
TAKEN_LATER = (
    f"từ lúc đó website thôi tạo trang «{FOLLOW}» đang có ở {FOLLOW_URL} (chân trang và các "
    "chuyên mục lại dẫn tới nguồn tin Atom như trước)"
)
"""What a scheduled page or alias at FOLLOW_URL will do to the follow page."""


def follow_owner(site: Site, history: Mapping[str, tuple[str, ...]]) -> Problem | None:
    """A note naming what of the unit's own is at FOLLOW_URL (a page, an alias, an old address
    recorded in state/web-urls.json `history`), or None when the follow page may be made."""
    for page in site.pages:
        if page.url == FOLLOW_URL:
            return Problem(
                page.source,
                f"trang này ở địa chỉ {FOLLOW_URL} {LEFT_OUT}",
                "slug",
                hint=f"Muốn có trang «{FOLLOW}» thì đổi địa chỉ của trang này (ví dụ "
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
                f"địa chỉ cũ «{FOLLOW_URL}» trong aliases là trang chuyển hướng tới đây {LEFT_OUT}",
                "aliases",
                hint=f"Muốn có trang «{FOLLOW}» thì bỏ «{FOLLOW_URL}» khỏi aliases; "
                f"liên kết cũ tới {FOLLOW_URL} khi đó sẽ mở trang «{FOLLOW}».",
                severity="note",
            )
    for bulletin in bulletins:
        if FOLLOW_URL in history.get(bulletin.key, ()):
            return Problem(
                bulletin.source,
                f"địa chỉ cũ «{FOLLOW_URL}» của bài này (ghi trong state/web-urls.json) là trang "
                f"chuyển hướng tới bài {LEFT_OUT}",
                hint=f"Muốn có trang «{FOLLOW}» thì xóa «{FOLLOW_URL}» khỏi danh sách "
                f"«{bulletin.key}» trong state/web-urls.json; {MOVED_AWAY}.",
                severity="note",
            )
    return None


def follow_owner_later(site: Site) -> Problem | None:
    """A note naming a scheduled page at FOLLOW_URL, or a scheduled page or web bulletin with
    FOLLOW_URL in its aliases, that will take the address from the follow page when it goes
    live; None when there is none (see follow_owner for what has it now)."""
    for source, why in site.held_pages.items():
        if not why.startswith(SCHEDULED):
            continue
        if FOLLOW_URL in site.held_aliases.get(source, ()):
            return _alias_later(source, why)
        if site.documents.get(source) == FOLLOW_URL:
            return Problem(
                source,
                f"trang này sẽ ở địa chỉ {FOLLOW_URL} khi được đăng ({why}): {TAKEN_LATER}",
                "slug",
                hint=f"Muốn giữ trang «{FOLLOW}» thì đổi địa chỉ của trang này trước giờ đăng "
                f"(ví dụ slug: theo-doi-vu-viec); muốn trang này thay nó thì không cần làm gì.",
                severity="note",
            )
    for excluded in site.excluded:
        bulletin = excluded.bulletin
        if (
            excluded.code == "scheduled"
            and "web" in bulletin.channels
            and FOLLOW_URL in bulletin.aliases
        ):
            return _alias_later(bulletin.source, excluded.reason, "bài")
    return None


def _alias_later(source: str, why: str, item: str = "trang") -> Problem:
    """The note for a scheduled `item` ("trang" or "bài") of file `source` with FOLLOW_URL in
    its aliases, held back for `why`."""
    return Problem(
        source,
        f"địa chỉ cũ «{FOLLOW_URL}» trong aliases sẽ là trang chuyển hướng tới {item} này "
        f"khi {item} được đăng ({why}): {TAKEN_LATER}",
        "aliases",
        hint=f"Muốn giữ trang «{FOLLOW}» thì bỏ «{FOLLOW_URL}» khỏi aliases trước giờ "
        f"đăng; muốn liên kết cũ tới đó mở {item} này thì không cần làm gì.",
        severity="note",
    )
