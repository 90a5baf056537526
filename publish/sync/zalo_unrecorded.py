"""A state/zalo.json with no record while the OA holds the bulletins: nothing is created.

state/zalo.json is the only memory of which article is which bulletin's. Deleted by hand (or
emptied), it reads as a first run, and the sync would create every bulletin again beside the
articles already on the OA: duplicates the unit's followers see. So a run that finds no record
at all asks the OA for its articles first (one listing, only then) and stops when one of them
bears the title of a bulletin it is about to create; `--reconcile` adopts them instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from publish.errors import PublishError
from publish.sync.zalo_plan import Local, same_title

if TYPE_CHECKING:
    from publish.zalo.client import ZaloClient

__all__ = ["refuse_unrecorded"]

NAMED = 3
"""Titles named in the message; the rest are counted."""


def refuse_unrecorded(client: ZaloClient, state_path: Path, local: Mapping[str, Local]) -> None:
    """Raise a PublishError (nothing sent) when the OA already holds an article titled as one of
    the bulletins about to be created from a state file without records."""
    titles = {item.title: key for key, item in local.items()}
    found = sorted(
        {
            titles[title]
            for article in client.list_articles("normal")
            if (title := same_title(str(article.get("title") or ""))) in titles
        }
    )
    if not found:
        return
    named = "; ".join(f"{key} «{local[key].title}»" for key in found[:NAMED])
    more = f" và {len(found) - NAMED} bản tin khác" if len(found) > NAMED else ""
    shown = f"state/{state_path.name}"
    raise PublishError(
        f"{shown} không có bản ghi nào (tệp bị xóa hoặc làm rỗng?), nhưng OA đã có bài cùng "
        f"tiêu đề với {len(found)} bản tin sắp tạo ({named}{more}): tạo lúc này sẽ đăng trùng. "
        "Không gửi gì lên Zalo. Cách sửa: nếu tệp bị xóa nhầm, lấy lại từ git "
        f"(git checkout -- {shown}, hoặc từ commit trước đó) rồi chạy lại; nếu không còn bản "
        "nào, chạy publish sync zalo --reconcile để nhận lại các bài theo tiêu đề (bài nào "
        "không khớp mới được tạo)."
    )
