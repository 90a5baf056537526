"""An `<iframe>` pasted into a body: the «Nhúng» (embed) code of a YouTube video, a Facebook
post or a Google map.

The website's sanitiser drops an iframe whole (it could run another site's code on the page),
Zalo and the radio script have no frame either: the bulletin said «Mời bà con xem video:» over
nothing on every channel, and no check said so. Each one is told (a note) with its line and the link
to write instead, a YouTube video's own address when the frame shows one.
"""

from __future__ import annotations

import re

from publish.fields import Collector
from publish.frontmatter import Parsed
from publish.markdown_code import masked
from publish.markdown_comments import uncommented
from publish.text import LineCounter

__all__ = ["check"]

_IFRAME = re.compile(r"<iframe\b[^>]{0,2000}", re.IGNORECASE)
"""An iframe's opening tag, up to its `>` (bounded: linear on any body)."""
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_YOUTUBE = re.compile(r"(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]{6,20})")
"""A YouTube player's address, whose video is at https://www.youtube.com/watch?v=ID."""
_PLAYLIST = re.compile(r"[?&;]list=([\w-]{2,64})")
"""A YouTube player's playlist («embed/videoseries?list=PL…»): at /playlist?list=ID."""


def check(col: Collector, parsed: Parsed) -> None:
    """Warn at each `<iframe>` of the body (not in code or a comment) that no channel shows it."""
    if _IFRAME.search(parsed.body) is None:
        return  # nearly every body: one search, no copy
    text = masked(parsed.body)
    if "<!--" in text:
        text = uncommented(text)
    line = LineCounter(text, parsed.body_line)
    for match in _IFRAME.finditer(text):
        found = _SRC.search(match[0])
        src = next((g for g in found.groups() if g is not None), "") if found else ""
        col.add(
            "khung nhúng <iframe> (mã «Nhúng» của video YouTube, bài Facebook, bản đồ Google) bị "
            "bỏ ở mọi kênh: website, Zalo và đài không hiện gì ở chỗ này",
            line=line(match.start()),
            hint=_link_hint(src)
            + "Website không nhúng trang của nơi khác (có thể chạy mã lạ trên trang của đơn vị).",
            # A note: nothing wrong goes out, and an old bulletin holding a frame (a migrated
            # site's) must not stop every --strict build after an upgrade.
            severity="note",
        )


def _link_hint(src: str) -> str:
    """The link to write instead of a frame showing `src`."""
    if (video := _YOUTUBE.match(src)) and (playlist := _PLAYLIST.search(src)):
        return (
            "Thay khung nhúng bằng một liên kết: [Xem danh sách video trên YouTube]"
            f"(https://www.youtube.com/playlist?list={playlist[1]}). "
        )
    if video and video[1] != "videoseries":
        return (
            "Thay khung nhúng bằng một liên kết: [Xem video trên YouTube]"
            f"(https://www.youtube.com/watch?v={video[1]}). "
        )
    if src.startswith(("https://", "http://")):
        return f"Thay khung nhúng bằng một liên kết: [Xem tại đây]({src}). "
    return "Thay khung nhúng bằng một liên kết tới trang đó: [Xem tại đây](https://…). "
