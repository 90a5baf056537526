"""Every address each bulletin has been published at, so an old one can redirect to the new one.

A bulletin's address follows its date and slug (/2026/11/<slug>/): correcting either moves it,
and the old address may be printed on a poster as a QR code or shared on Zalo. `publish sync`
records each published bulletin's address by its `id` in state/web-urls.json (committed with the
rest of state/); the website build reads that file and writes a small redirect page at every
old address no page uses now. Bulletins without an `id` are keyed by slug, so a new slug is a new
bulletin to this history: give bulletins an `id` (`publish new` does).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from publish.errors import PublishError, os_reason
from publish.syntax import json_error

__all__ = [
    "HISTORY_NAME",
    "REDIRECTABLE_RE",
    "history_bytes",
    "history_path",
    "load_history",
    "with_addresses",
]

REDIRECTABLE_RE = re.compile(
    r"/(?:[a-z0-9-]+/)+|/(?:[a-z0-9-]+/)*(?!(?:index|404)\.html$)[a-z0-9-]+\.html"
)
"""An old address a static redirect page can answer at: folders of lower-case letters, digits
and '-' ("/posts/ten-bai/"), or a page file in them ("/2019/05/ten-bai.html", as WordPress and
older sites wrote addresses); never the home page or the 404 page."""
HISTORY_NAME = "web-urls.json"
"""The file under state/."""
FORMAT_VERSION = 1


def history_path(root: Path) -> Path:
    """Where the project at `root` keeps its address history."""
    return root / "state" / HISTORY_NAME


def load_history(path: Path) -> dict[str, tuple[str, ...]]:
    """Bulletin key → the site paths it was published at, oldest first ({} when no file yet)."""
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise PublishError(
            f"không đọc được {path.name} trong state/ ({os_reason(exc)}). Khôi phục tệp từ git "
            f"(git checkout -- state/{path.name}) hoặc xóa nó: chỉ mất các trang chuyển hướng "
            "từ địa chỉ cũ."
        ) from None
    except ValueError as exc:
        raise PublishError(
            f"không đọc được {path.name} trong state/ ({json_error(exc).described()}). Khôi phục tệp từ git "
            f"(git checkout -- state/{path.name}) hoặc xóa nó: chỉ mất các trang chuyển hướng "
            "từ địa chỉ cũ."
        ) from None
    urls = data.get("urls") if isinstance(data, dict) else None
    if not isinstance(urls, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(u, str) for u in v)
        for k, v in urls.items()
    ):
        raise PublishError(
            f"{path.name} trong state/ không đúng dạng. Khôi phục tệp từ git hoặc xóa nó: chỉ mất "
            "các trang chuyển hướng từ địa chỉ cũ."
        )
    return {key: tuple(found) for key, found in urls.items()}


def with_addresses(
    history: Mapping[str, tuple[str, ...]], published: Iterable[tuple[str, str]]
) -> dict[str, tuple[str, ...]] | None:
    """`history` with each (key, site path) now published added, or None when nothing is new."""
    updated = dict(history)
    for key, url in published:
        known = updated.get(key, ())
        if url not in known:
            updated[key] = (*known, url)
    return None if updated == dict(history) else updated


def history_bytes(history: Mapping[str, tuple[str, ...]]) -> bytes:
    """The file's bytes: sorted, one address list per key, stable for git diffs."""
    body = {"version": FORMAT_VERSION, "urls": {k: list(history[k]) for k in sorted(history)}}
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
