"""Redirect pages at the addresses a bulletin had before its date or slug changed.

See publish/url_history.py for where the old addresses come from. A static host cannot answer
301, so each old address gets a page that sends the browser on at once (meta refresh), names the
new address as canonical for search engines, and shows a link for anyone whose browser does not
follow it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from markupsafe import escape

from publish.model import Artifact, Bulletin
from publish.render.web.pages import output_path

__all__ = ["redirect_artifacts"]

SITE_PATH_RE = re.compile(r"/(?:[a-z0-9-]+/)+")
"""What an address in the history must look like to get a page (the file may be edited)."""


def redirect_artifacts(
    history: Mapping[str, tuple[str, ...]],
    bulletins: Mapping[str, Bulletin],
    link: Callable[[str], str],
    absolute: Callable[[str], str],
) -> Iterator[Artifact]:
    """A redirect page at each old address of each bulletin in `bulletins` (by key) that no
    published bulletin lives at now; `link`/`absolute` turn a site path into an href/URL."""
    taken = {b.url for b in bulletins.values()}
    made: set[str] = set()
    for key in sorted(history):
        bulletin = bulletins.get(key)
        if bulletin is None:
            continue  # withdrawn: its old addresses answer 404, as its page does
        for old in history[key]:
            if old in taken or old in made or not SITE_PATH_RE.fullmatch(old):
                continue
            made.add(old)
            yield Artifact("web", output_path(old), _page(bulletin, link, absolute))


def _page(bulletin: Bulletin, link: Callable[[str], str], absolute: Callable[[str], str]) -> bytes:
    """The redirect page to `bulletin`."""
    href, canonical, title = (
        escape(link(bulletin.url)),
        escape(absolute(bulletin.url)),
        escape(bulletin.title),
    )
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Bài đã chuyển địa chỉ: {title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n"
        f'<p>Bài viết đã chuyển sang địa chỉ mới: <a href="{href}">{title}</a></p>\n'
        "</body>\n</html>\n"
    ).encode()
