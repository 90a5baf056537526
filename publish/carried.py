"""The channels that will really carry a bulletin for this unit, as the approver and `next` say.

A bulletin's channels come from its front matter or [site] default_channels, which `publish init`
of older versions filled with zalo for every unit: with no [zalo] oa_id nothing goes to Zalo, so
listing it told the approver the bulletin would be on an OA the unit does not have.
"""

from __future__ import annotations

from collections.abc import Iterable

from publish.config import CHANNELS, Config

__all__ = ["carried", "zalo_asked_without_oa"]


def carried(channels: Iterable[str], config: Config) -> list[str]:
    """The channels of `channels` that carry the bulletin, in their usual order (web, zalo,
    radio): Zalo only when [zalo] oa_id names the unit's OA."""
    wanted = set(channels)
    if not config.zalo.oa_id.strip():
        wanted.discard("zalo")
    return [c for c in CHANNELS if c in wanted]


def zalo_asked_without_oa(asked: Iterable[str], config: Config) -> str:
    """What a command given `--channel zalo` (`asked`: the channels named with --channel, none
    when it was not given) on a unit without [zalo] oa_id is told: nothing is built for Zalo,
    which it would otherwise learn only from «zalo: 0 tệp»; "" otherwise."""
    if "zalo" not in asked or config.zalo.oa_id.strip():
        return ""
    return (
        "Ghi chú: --channel zalo: bảng [zalo] của site.toml chưa có oa_id (mã Zalo OA của đơn "
        "vị), nên không dựng bài Zalo nào và không kiểm tra giới hạn của Zalo. Đơn vị sắp có OA "
        'muốn xem trước: ghi tạm oa_id = "1234567890" vào bảng [zalo], chạy lại lệnh, rồi trả '
        "lại site.toml."
    )
