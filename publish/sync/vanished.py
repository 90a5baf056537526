"""Bulletins that vanished from content/ wholesale: a sync refuses to withdraw them unasked.

A bulletin deleted from content/ is withdrawn from every channel by the next sync, which is how
an editor takes one down. The same reading turns a content/ that lost its bulletins by accident
(a link to a drive not mounted or to an empty folder, a mount point left empty, a checkout that
lost content/bai-viet) into withdrawing every bulletin from the website, Zalo OA and the radio
folder at once. So a sync that finds no bulletin at all while state/ records published ones
does nothing, and the Zalo channel sends nothing when it would take down most of the articles
live on Zalo for bulletins no longer in content/, or MAX_GONE of them or more (a year folder
lost from a large OA is a minority of its articles), until `--confirm-withdrawal` says it is
meant.
`publish build` asks the same before it empties output/: CI deploys output/web from a build
before any sync has a say.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from publish.errors import PublishError
from publish.model import Site

__all__ = [
    "CONFIRM_FLAG",
    "MAX_GONE",
    "MIN_RECORDED",
    "MIN_SHARE_REFUSED",
    "loaded_keys",
    "refuse_many_gone",
    "refuse_vanished",
]

CONFIRM_FLAG = "--confirm-withdrawal"
MIN_SHARE_REFUSED = 5
"""Fewest Zalo articles of deleted bulletins, half or more of those live, that a sync refuses
to take down unconfirmed: a few deleted at once is an editor's everyday withdrawal."""
MAX_GONE = 20
"""Fewest Zalo articles of deleted bulletins a sync refuses to take down unconfirmed, whatever
their share of those live: a unit withdraws a bulletin or a handful at once, and taking down a
year's worth is a decision to confirm, not a folder gone missing to follow."""
MIN_RECORDED = 2
"""Fewest published bulletins state/ records for a content/ without any to be refused: a
unit's only bulletin deleted is its editor's doing, not a folder lost."""
NAMED = 5
"""Keys named in the message; the rest are counted."""


def refuse_vanished(
    state_dir: Path, content: Path, site: Site, *, confirmed: bool, output: str | None = None
) -> None:
    """Raise a PublishError (nothing sent, nothing written) when content/ holds no bulletin
    while state/ records MIN_RECORDED published ones or more. State files are read only then:
    a sync with nothing to send stays as quick as it was. `output`: the folder a `publish
    build` was to write (None: a sync), named in the message."""
    if confirmed or loaded_keys(site):
        return
    recorded = _zalo_live(state_dir) | _web_keys(state_dir) | _radio_keys(state_dir)
    if len(recorded) >= MIN_RECORDED:
        if output is None:
            raise PublishError(_nothing_found(content, len(recorded)))
        raise PublishError(_nothing_built(content, len(recorded), output))


def refuse_many_gone(
    records: Mapping[str, Any], content: Path, site: Site, *, confirmed: bool
) -> None:
    """Raise a PublishError (nothing sent to Zalo) when half or more, and at least
    MIN_SHARE_REFUSED, of the articles `records` (state/zalo.json, as the Zalo sync read it)
    show live belong to bulletins no longer in content/, or MAX_GONE of them or more."""
    if confirmed:
        return
    live = {k for k, v in records.items() if isinstance(v, dict) and v.get("status") == "live"}
    gone = sorted(live - loaded_keys(site))
    most = len(gone) >= MIN_SHARE_REFUSED and 2 * len(gone) >= len(live)
    if most or len(gone) >= MAX_GONE:
        raise PublishError(_many_gone(content, gone, len(live)))


def loaded_keys(site: Site) -> set[str]:
    """The key of every bulletin read from content/, published, held back or previewed."""
    held = (exclusion.bulletin for exclusion in site.excluded)
    return {b.key for b in (*site.bulletins, *held, *site.previews)}


def _zalo_live(state_dir: Path) -> set[str]:
    """Keys of state/zalo.json's records of articles shown on the OA (none when the file is
    missing or unreadable: the Zalo channel tells that itself, and sends nothing)."""
    from publish.sync.manifest import Manifest

    with contextlib.suppress(PublishError, OSError):
        records = Manifest.load(state_dir / "zalo.json", "zalo", read_only=True).as_read()
        return {k for k, v in records.items() if isinstance(v, dict) and v.get("status") == "live"}
    return set()


def _web_keys(state_dir: Path) -> set[str]:
    """Keys of every bulletin state/web-urls.json records as published on the website."""
    from publish.url_history import HISTORY_NAME, history_file_bytes, history_of

    with contextlib.suppress(PublishError, OSError):
        data = history_file_bytes(state_dir / HISTORY_NAME)
        return set(history_of(data)) if data is not None else set()
    return set()


def _radio_keys(state_dir: Path) -> set[str]:
    """Keys of the bulletins state/radio.json records scripts of in the station folder."""
    from publish.sync.manifest import Manifest

    with contextlib.suppress(PublishError, OSError):
        records = Manifest.load(state_dir / "radio.json", "radio", read_only=True).as_read()
        return set(_strings(v.get("bulletins") for v in records.values() if isinstance(v, dict)))
    return set()


def _strings(lists: Iterable[object]) -> Iterable[str]:
    """Every string in those of `lists` that are lists."""
    for items in lists:
        if isinstance(items, list):
            yield from (item for item in items if isinstance(item, str))


def _where(content: Path) -> str:
    """content/, and where it leads when it is a symbolic link."""
    if content.is_symlink():
        with contextlib.suppress(OSError):
            return f"content/ (liên kết tới «{os.readlink(content)}»)"
    return "content/"


_CAUSE_AND_FIX = (
    "Thường là content/ trỏ tới ổ đĩa chưa gắn hoặc một thư mục trống, bản checkout thiếu thư "
    "mục bản tin (content/bai-viet), hoặc các bản tin mẫu đã được xóa mà state/ còn các tệp "
    ".json của dự án mẫu. Cách sửa: gắn lại ổ đĩa, sửa liên kết hoặc lấy lại các bản tin (git "
    "status, git checkout -- content), rồi chạy lại; nếu là trạng thái của dự án mẫu, xóa các "
    "tệp .json trong state/ (README, «Dùng cho đơn vị của bạn», bước 5) rồi chạy lại."
)


def _nothing_found(content: Path, recorded: int) -> str:
    """The refusal of a sync that found no bulletin at all."""
    return (
        f"{_where(content)} không có bản tin nào, trong khi state/ ghi {recorded} bản tin đã "
        "đăng: đồng bộ lúc này sẽ rút mọi bản tin khỏi website, Zalo OA và thư mục đài phát "
        f"thanh. Chưa làm gì. {_CAUSE_AND_FIX} Nếu thật sự muốn rút mọi bản tin, chạy lại "
        f"với {CONFIRM_FLAG}."
    )


def _nothing_built(content: Path, recorded: int, output: str) -> str:
    """The refusal of a `publish build` that found no bulletin at all."""
    deployed = Path(output) == Path("output")  # the folder CI's templates deploy
    return (
        f"{_where(content)} không có bản tin nào, trong khi state/ ghi {recorded} bản tin đã "
        f"đăng: dựng lúc này sẽ xóa mọi bản tin khỏi {output}/"
        + (" (CI triển khai website từ output/web ngay sau publish build)" if deployed else "")
        + f". Chưa ghi gì, {output}/ giữ nguyên. {_CAUSE_AND_FIX} Nếu thật sự muốn rút mọi bản "
        f"tin, chạy lại với {CONFIRM_FLAG}."
    )


def _many_gone(content: Path, gone: list[str], live: int) -> str:
    """The refusal of a Zalo sync that would take down most, or many, of the OA's articles
    at once."""
    named = ", ".join(gone[:NAMED])
    if len(gone) > NAMED:
        named += f" và {len(gone) - NAMED} bản tin khác"
    return (
        f"{len(gone)} trong {live} bài đang hiện trên Zalo OA thuộc bản tin không còn trong "
        f"{_where(content)} ({named}): không ẩn hay gỡ bài nào, không gửi gì lên Zalo. Nếu các "
        "tệp bị mất do nhầm (ổ đĩa chưa gắn, liên kết hỏng, bản checkout thiếu tệp), lấy lại "
        "chúng rồi chạy lại (website và thư mục đài được đồng bộ theo content/ như hiện có). "
        f"Nếu thật sự muốn rút các bản tin này khỏi Zalo, chạy lại với {CONFIRM_FLAG}."
    )
