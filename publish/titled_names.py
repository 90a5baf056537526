"""Content files' names written in a link's title, which a browser shows on hover.

«[bài](https://x.vn "2020-12-20-ten-bai.md")», or a title holding «<a href='x.md'>x.md</a>»:
the page and the feeds carry the title as typed. Where it names a held bulletin, its date and
title words (a victim's name, an embargoed fact) must not go out: the website drops the title
(publish.render.web.markdown) and the check warns of it (publish.unlinked).
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import unquote

from publish.markdown_code import masked
from publish.text import LineCounter

__all__ = ["DATED_PATH", "names_in_title", "titled_names"]

_FILE = re.compile(
    r"\d{4}-\d{2}-\d{2}-[^\n\"'<>/]*?\.md(?![\w-])|[^\s\"'<>=]+\.md(?![\w-])", re.IGNORECASE
)
"""A content file's name: a dated one read with its spaces, or any run without."""
_PAGE = re.compile(
    r"(?:(?:https?:)?//[^\s\"'<>/]+)?(?:/[^\s\"'<>/]+)*?/\d{4}/\d{2}/[^\s\"'<>/]+/?(?:index\.html)?",
    re.IGNORECASE,
)
"""A bulletin's page address («/2020/12/ten-bai/», in full with a host; Bulletin.url_at)."""
_SLASH = r"(?:/|%2f|&[#\w]*;)"
DATED_PATH = re.compile(rf"{_SLASH}\d{{4}}{_SLASH}\d{{2}}{_SLASH}", re.IGNORECASE)
"""What a bulletin's page address holds, its «/» maybe escaped («%2F», «&#47;»): a text
without it names no bulletin's page."""
_TITLE = re.compile(
    r"""[ \t](?:"(?P<double>[^"\n]*)"|'(?P<single>[^'\n]*)')[ \t]*(?:\)|$)"""
    r"""|\btitle[ \t]*=[ \t]*(?:"(?P<attribute>[^"]*)"|'(?P<quoted>[^']*)')""",
    re.MULTILINE | re.IGNORECASE,
)
"""A Markdown link's or definition's title, or an HTML tag's title attribute."""


def names_in_title(title: str) -> list[str]:
    """The names a content file's name in `title` may be: each as found, and for one read with
    spaces from a date, its last word too («xem 2020-12-20-a.md» is no name; «2020-12-20-a.md»
    is); and each bulletin's page address in it."""
    names = []
    for found in _FILE.finditer(title):
        names.append(found[0])
        if " " in found[0]:
            names.append(found[0].rsplit(None, 1)[-1])
    if DATED_PATH.search(title) is not None:
        # Its slug is the file's title words as much as its name is; read as the browser
        # would follow it («%2F», «&#47;» for «/»).
        names += [found[0] for found in _PAGE.finditer(unquote(unescape(title)))]
    return names


def titled_names(body: str, first_line: int) -> list[tuple[str, int]]:
    """Each name names_in_title finds in a title of a body whose first line is `first_line`,
    with its line; titles shown as code are none."""
    if ".md" not in body and DATED_PATH.search(body) is None:
        return []
    text = masked(body)
    line = LineCounter(text, first_line)
    return [
        (name, line(match.start()))
        for match in _TITLE.finditer(text)
        if ".md" in match[0] or DATED_PATH.search(match[0]) is not None
        for name in names_in_title(next(g for g in match.groups() if g is not None))
    ]
