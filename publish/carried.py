"""The channels that will really carry a bulletin for this unit, as the approver and `next` say.

A bulletin's channels come from its front matter or [site] default_channels, which `publish init`
of older versions filled with zalo for every unit: with no [zalo] oa_id nothing goes to Zalo, so
listing it told the approver the bulletin would be on an OA the unit does not have.
"""

from __future__ import annotations

from collections.abc import Iterable

from publish.config import CHANNELS, Config

__all__ = ["carried"]


def carried(channels: Iterable[str], config: Config) -> list[str]:
    """The channels of `channels` that carry the bulletin, in their usual order (web, zalo,
    radio): Zalo only when [zalo] oa_id names the unit's OA."""
    wanted = set(channels)
    if not config.zalo.oa_id.strip():
        wanted.discard("zalo")
    return [c for c in CHANNELS if c in wanted]
