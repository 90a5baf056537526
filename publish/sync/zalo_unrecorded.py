"""Bulletins about to be created whose article the OA already holds: nothing is sent.

state/zalo.json is the only memory of which article is which bulletin's. A bulletin with no
record is created; when its record was lost that makes a duplicate the unit's followers see.
Records go missing when the file is deleted or emptied by hand, and when a sync runs on a stale
state/: two CI runs queued one after the other each check out the commit that started them, so
the second does not see the records the first pushed after it. So before creating, a sync reads
the OA's newest articles, down to the newest one its records know (all of them when it knows
none), and stops when one bears the title of a bulletin it would create. Such an article may
also be one the OA admin posted by hand under the same title: --reconcile would take it over
(its text replaced by the bulletin's), so --zalo-create-anyway creates the bulletin's own.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from publish.errors import PublishError
from publish.sync.zalo_plan import Local, same_title

if TYPE_CHECKING:
    from publish.zalo.client import ZaloClient

__all__ = ["CREATE_ANYWAY", "refuse_unrecorded"]

CREATE_ANYWAY = "--zalo-create-anyway"

NAMED = 3
"""Bulletins named in the message; the rest are counted."""


def refuse_unrecorded(
    client: ZaloClient,
    state_path: Path,
    local: Mapping[str, Local],
    records: Mapping[str, Mapping[str, Any]],
    *,
    anyway: frozenset[str] = frozenset(),
) -> None:
    """Raise a PublishError (nothing sent) when an article newer than every one the records
    know is titled as a bulletin of `local` that has no record (and `anyway` does not name)."""
    new = {
        local[key].title: key for key in sorted(local) if key not in records and key not in anyway
    }
    if not new:
        return
    known = {str(e["article_id"]) for e in records.values() if e.get("article_id")}
    # A create Zalo answered but whose id is not known yet: its article is the tool's own, and
    # refusing would stop the very run that verifies it.
    awaiting = {
        same_title(str(e.get("title") or ""))
        for e in records.values()
        if e.get("token") and not e.get("article_id")
    }
    found: dict[str, str] = {}
    for article in _newer_than_known(client, known):
        title = same_title(str(article.get("title") or ""))
        key = new.get(title) if title not in awaiting else None
        if key is not None:
            found.setdefault(key, str(article.get("id")))
    if found:
        raise PublishError(_message(state_path, local, found, bool(records)))


def _newer_than_known(client: ZaloClient, known: set[str]) -> Iterator[dict[str, Any]]:
    """The OA's articles, newest first, until the first one `known` holds (pages are asked
    for only as they are read)."""
    for article in client.iter_articles("normal"):
        if str(article.get("id")) in known:
            return
        yield article


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
            f"tạo mà tệp không có bản ghi ({named}{more}): hoặc quản trị viên OA đã đăng tay một "
            f"bài cùng tiêu đề, hoặc {shown} đã cũ (hai lần đồng bộ trên CI chạy nối nhau, lần "
            "sau lấy mã nguồn trước khi lần trước đẩy state/ lên; hay state/ của lần trước chưa "
            "được đẩy lên)"
        )
        anyway = " ".join(f"{CREATE_ANYWAY} {local[k].source}" for k in keys[:NAMED])
        fix = (
            "nếu đó là bài đăng tay, không phải bài của bản tin: đổi tiêu đề bản tin, hoặc chạy "
            f"publish sync zalo {anyway} để vẫn tạo bài mới (bài đăng tay giữ nguyên); đừng "
            "chạy --reconcile: nó nhận bài đăng tay làm bài của bản tin và thay nội dung bài ấy "
            "bằng bản tin. Nếu state/ đã cũ: lấy state/ mới nhất (git pull) rồi chạy lại; trên "
            "CI, chạy lại job sau khi commit «Cập nhật trạng thái đồng bộ» đã lên nhánh. Nếu "
            f"chắc {shown} là bản mới nhất và bài trên OA đúng là bài của bản tin"
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
