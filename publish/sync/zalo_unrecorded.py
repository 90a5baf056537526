"""Bulletins about to be created whose article the OA already holds: nothing is sent.

state/zalo.json is the only memory of which article is which bulletin's. A bulletin with no
record is created; when its record was lost that makes a duplicate the unit's followers see.
Records go missing when the file is deleted or emptied by hand, and when a sync runs on a stale
state/: two CI runs queued one after the other each check out the commit that started them, so
the second does not see the records the first pushed after it. So before creating, a sync reads
the OA's newest articles, down to the newest one its records know (all of them when it knows
none), and stops when one bears the title of a bulletin it would create.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from publish.errors import PublishError
from publish.sync.zalo_plan import Local, same_title

if TYPE_CHECKING:
    from publish.zalo.client import ZaloClient

__all__ = ["refuse_unrecorded"]

NAMED = 3
"""Bulletins named in the message; the rest are counted."""


def refuse_unrecorded(
    client: ZaloClient,
    state_path: Path,
    local: Mapping[str, Local],
    records: Mapping[str, Mapping[str, Any]],
) -> None:
    """Raise a PublishError (nothing sent) when an article newer than every one the records
    know is titled as a bulletin of `local` that has no record."""
    new = {local[key].title: key for key in sorted(local) if key not in records}
    if not new:
        return
    known = {str(e["article_id"]) for e in records.values() if e.get("article_id")}
    found: dict[str, str] = {}
    for article in _newer_than_known(client, known):
        key = new.get(same_title(str(article.get("title") or "")))
        if key is not None:
            found.setdefault(key, str(article.get("id")))
    if found:
        raise PublishError(_message(state_path, local, found, bool(records)))


def _newer_than_known(client: ZaloClient, known: set[str]) -> Iterator[dict[str, Any]]:
    """The OA's articles, newest first, until the first one `known` holds."""
    from publish.zalo.client import PAGE_LIMIT

    offset = 0
    while True:
        medias, total = client.getslice(offset, PAGE_LIMIT, "normal")
        for article in medias:
            if str(article.get("id")) in known:
                return
            yield article
        offset += len(medias)
        if not medias or offset >= total:
            return


def _message(
    state_path: Path, local: Mapping[str, Local], found: Mapping[str, str], recorded: bool
) -> str:
    """Why nothing is sent, and the ways out."""
    shown = f"state/{state_path.name}"
    keys = sorted(found)
    named = "; ".join(f"{k} «{local[k].title}» (bài {found[k]})" for k in keys[:NAMED])
    more = f" và {len(keys) - NAMED} bản tin khác" if len(keys) > NAMED else ""
    if recorded:
        why = (
            f"OA có bài mới hơn mọi bài {shown} ghi, cùng tiêu đề với {len(keys)} bản tin sắp "
            f"tạo mà tệp không có bản ghi ({named}{more}): {shown} có thể đã cũ (hai lần đồng bộ "
            "trên CI chạy nối nhau, lần sau lấy mã nguồn trước khi lần trước đẩy state/ lên; "
            "hay state/ của lần trước chưa được đẩy lên)"
        )
        fix = (
            f"lấy state/ mới nhất (git pull) rồi chạy lại; trên CI, chạy lại job sau khi commit "
            f"«Cập nhật trạng thái đồng bộ» đã lên nhánh. Nếu chắc {shown} là bản mới nhất"
        )
    else:
        why = (
            f"{shown} không có bản ghi nào (tệp bị xóa hoặc làm rỗng?), nhưng OA đã có bài cùng "
            f"tiêu đề với {len(keys)} bản tin sắp tạo ({named}{more})"
        )
        fix = (
            f"nếu tệp bị xóa nhầm, lấy lại từ git (git checkout -- {shown}, hoặc từ commit "
            "trước đó) rồi chạy lại. Nếu không còn bản nào"
        )
    return (
        f"{why}: tạo lúc này sẽ đăng trùng. Không gửi gì lên Zalo. Cách sửa: {fix}, chạy "
        "publish sync zalo --reconcile để nhận lại các bài theo tiêu đề (bài nào không khớp "
        "mới được tạo)."
    )
