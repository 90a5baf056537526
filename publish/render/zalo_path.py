"""Where a bulletin's Zalo payload goes under output/zalo/: one place for the renderer and the
sync, which must agree, that the sync imports without the renderer (~0.1 s of a no-op sync)."""

from __future__ import annotations

from publish.model import Bulletin

__all__ = ["payload_path"]


def payload_path(bulletin: Bulletin) -> str:
    """Where the payload goes under output/zalo/."""
    return f"{bulletin.key}.json"
