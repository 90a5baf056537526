"""`publish sync zalo --reconcile`: rebuild lost state records from the OA's own list."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from publish.sync.manifest import Manifest
from publish.sync.zalo_lookup import content_digest, detail_body, utc_stamp
from publish.sync.zalo_plan import Local, same_title

if TYPE_CHECKING:
    from publish.zalo.client import ZaloClient

__all__ = ["reconcile"]


def reconcile(
    client: ZaloClient,
    records: Manifest,
    local: Mapping[str, Local],
    *,
    dry_run: bool,
    echo: Callable[[str], None],
    create_anyway: frozenset[str] = frozenset(),
) -> None:
    """Rebuild lost records from getslice, matching titles; report what did not match. The
    bulletins of `create_anyway` (--zalo-create-anyway) are matched to no article: the one on
    the OA under their title was posted by hand, and is to be kept as it is."""
    remote = client.list_articles("normal")
    by_id = {str(item.get("id")): item for item in remote}
    entries = records.entries()
    lines = [f"zalo: đối chiếu với {len(remote)} bài trên Zalo (--reconcile):"]
    for key, entry in sorted(entries.items()):
        gone = entry.get("article_id") and entry["article_id"] not in by_id
        if gone and entry.get("status") != "removed":
            lines.append(
                f"  - bài {entry['article_id']} của {key} không còn trên Zalo: sẽ tạo lại nếu bản tin còn đăng"
            )
            entry.update(status="removed", removed_id=entry.pop("article_id"))
    claimed = {e["article_id"] for e in entries.values() if e.get("article_id")}
    # Before any match: a bulletin sorted earlier, unrecorded and of the same title (weekly
    # titles repeat), took the article posted by hand and overwrote it.
    claimed |= _kept_by_hand(remote, claimed, local, entries, create_anyway)
    missing = []
    for key in sorted(local):
        entry = entries.get(key) or {}
        if entry.get("article_id") or entry.get("token"):
            continue
        if key in create_anyway:
            lines.append(
                f"  - {key} «{local[key].title}»: không nhận bài nào trên Zalo "
                "(--zalo-create-anyway: sẽ tạo mới, bài cùng tiêu đề để nguyên)"
            )
            continue
        item = next(
            (
                r
                for r in remote
                if same_title(r.get("title", "")) == local[key].title
                and str(r.get("id")) not in claimed
            ),
            None,
        )
        if item is None:
            missing.append(key)
            continue
        article_id = str(item["id"])
        claimed.add(article_id)
        detail = client.getdetail(article_id)
        same = _same_content(detail, local[key].path)
        entries[key] = {
            **{k: v for k, v in entry.items() if k != "pending_create"},
            "article_id": article_id,
            "status": "live" if item.get("status") == "show" else "hidden",
            "digest": local[key].digest if same else "",
            # Matched by a person's request (--reconcile): the article as found is the tool's.
            "content": content_digest(detail),
            "title": local[key].title,
            "source": local[key].source,
            "body_digest": local[key].body_digest,
            "reconciled_at": utc_stamp(),
        }
        lines.append(
            f"  - khớp {key} với bài {article_id}"
            + ("" if same else " (nội dung khác: sẽ cập nhật)")
        )
    for key in missing:
        lines.append(f"  - không tìm thấy trên Zalo: {key} «{local[key].title}» (sẽ tạo mới)")
    for item in remote:
        if str(item.get("id")) not in claimed:
            lines.append(
                f"  - bài trên Zalo không khớp bản tin nào: {item.get('id')} «{item.get('title', '')}» (để nguyên)"
            )
    echo("\n".join(lines))
    for key, entry in entries.items():
        records.put(key, entry, save=False)
    records.meta["reconciled_at"] = utc_stamp()
    if not dry_run:
        records.save()


def _kept_by_hand(
    remote: list[dict[str, Any]],
    claimed: set[str],
    local: Mapping[str, Local],
    entries: Mapping[str, dict[str, Any]],
    create_anyway: frozenset[str],
) -> set[str]:
    """The ids of the unclaimed articles titled as a bulletin of `create_anyway` still to be
    created: posted by hand, and promised to stay as they are."""
    titles = {
        local[key].title
        for key in create_anyway & local.keys()
        if not (entries.get(key, {}).get("article_id") or entries.get(key, {}).get("token"))
    }
    return {
        str(item.get("id"))
        for item in remote
        if str(item.get("id")) not in claimed and same_title(item.get("title", "")) in titles
    }


def _same_content(detail: Mapping[str, Any], path: str) -> bool:
    """Whether the article on Zalo already holds this payload (getdetail mirrors the create body)."""
    return detail_body(detail) == json.loads(Path(path).read_bytes())
