"""A title or summary over the website's limit that is over Zalo's too, told in one message.

A 341-character title got two: «dài 341/200 ký tự» and, from the Zalo check, «dài 341/149 ký
tự, vượt giới hạn của Zalo OA». Shortened to 200 as the first said, it failed the second on the
next run. One message says both limits and the one length that satisfies both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from publish.config import Config
from publish.text import fold, nfc

__all__ = ["counted_apart", "goes_to_zalo", "zalo_too"]

ZALO_FIELD = {"title": ("tiêu đề", "title"), "summary": ("tóm tắt", "summary")}
"""A bulletin's field, what it is called, and its key in the zalo: block."""


def zalo_too(
    data: dict[str, Any], config: Config, key: str
) -> Callable[[str], tuple[str, str]] | None:
    """The message and hint for the value of `key` over the website's limit when Zalo takes it
    as written and allows fewer; None otherwise (the plain message goes)."""
    what, zalo_key = ZALO_FIELD[key]
    web = config.policy.max_title_length if key == "title" else config.policy.max_summary_length
    zalo = config.zalo.title_max if key == "title" else config.zalo.description_max
    block = data.get("zalo")
    own = (
        isinstance(block, dict) and isinstance(block.get(zalo_key), str) and block[zalo_key].strip()
    )
    if zalo >= web or own or not goes_to_zalo(data, config):
        return None

    # The editor shortening to Zalo's number counts letters: in UTF-16 an emoji counts two.
    counting = (
        " (Zalo đếm mỗi biểu tượng cảm xúc (emoji) và một số ký hiệu hiếm là 2 ký tự)"
        if config.zalo.length_unit == "utf16"
        else ""
    )

    def said(value: str) -> tuple[str, str]:
        """Both limits, each with the length as it counts it, and the two ways to meet them."""
        return (
            f"dài {len(value)} ký tự: website nhận tối đa {web}, Zalo OA tối đa {zalo}"
            + counted_apart(value, config),
            f"Rút gọn {what} còn tối đa {zalo} ký tự để dùng cho cả website và Zalo{counting}; "
            f"hoặc còn tối đa {web} ký tự và thêm {what} riêng cho Zalo (tối đa {zalo} ký tự"
            f"{', đếm như trên' if counting else ''}):\n"
            f'      zalo:\n        {zalo_key}: "…"',
        )

    return said


def counted_apart(text: str, config: Config) -> str:
    """What to add to a length message when Zalo counts `text` longer than its characters
    (length_unit utf16: an emoji is one character, two UTF-16 units), else ""."""
    characters, counted = len(nfc(text)), config.zalo.length(text)
    if counted == characters:
        return ""
    return (
        f"; Zalo đếm mỗi biểu tượng cảm xúc (emoji) hay ký tự đặc biệt là 2 ký tự, nên "
        f"{characters} ký tự được Zalo tính là {counted}"
    )


def goes_to_zalo(data: dict[str, Any], config: Config) -> bool:
    """Whether the front matter `data` sends the bulletin to Zalo, as written (a list, a line
    split by commas, or the site's default channels when none is written), to the unit's OA
    (none without [zalo] oa_id)."""
    if not config.zalo.oa_id.strip():
        return False
    written = data.get("channels")
    if written is None:
        return "zalo" in config.site.default_channels
    items = written.split(",") if isinstance(written, str) else written
    return isinstance(items, list) and any(fold(str(item)).strip() == "zalo" for item in items)
