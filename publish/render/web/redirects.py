"""Redirect pages at the addresses a bulletin had before its date or slug changed, and at those
of a category before its key changed.

See publish/url_history.py for where a bulletin's old addresses come from; a category's are its
`aliases` in site.toml. A static host cannot answer
301, so each old address gets a page that sends the browser on at once (meta refresh), names the
new address as canonical for search engines, and shows a link for anyone whose browser does not
follow it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from markupsafe import escape

from publish.model import Artifact, Bulletin, Page
from publish.render.web.pages import output_path
from publish.url_history import REDIRECTABLE_RE

__all__ = ["category_redirects", "page_redirects", "redirect_artifacts"]


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
            if old in taken or old in made or not REDIRECTABLE_RE.fullmatch(old):
                continue
            made.add(old)
            page = _page(bulletin.url, bulletin.title, "Bài viết", link, absolute)
            # Its source names the bulletin when an alias lands on another page's address.
            yield Artifact("web", output_path(old), page, source=bulletin.source)


def page_redirects(
    pages: Iterable[Page], link: Callable[[str], str], absolute: Callable[[str], str]
) -> Iterator[Artifact]:
    """A redirect page at each old address (`aliases`) of each page."""
    for page in pages:
        for old in page.aliases:
            if old != page.url:
                data = _page(page.url, page.title, "Trang", link, absolute)
                yield Artifact("web", output_path(old), data, source=page.source)


def category_redirects(
    moved: Mapping[str, tuple[str, str, int]],
    link: Callable[[str], str],
    absolute: Callable[[str], str],
) -> Iterator[Artifact]:
    """A redirect page at each page of a category's old address: `moved` maps the old address
    ("/chuyen-muc/canh-bao/") to the new one, the category's label and its number of pages."""
    for old, (new, label, pages) in sorted(moved.items()):
        for number in range(1, pages + 1):
            suffix = f"trang/{number}/" if number > 1 else ""
            page = _page(new + suffix, label, "Chuyên mục", link, absolute)
            yield Artifact("web", output_path(old + suffix), page)


def _page(
    url: str, title: str, kind: str, link: Callable[[str], str], absolute: Callable[[str], str]
) -> bytes:
    """The redirect page to the site path `url`, a `kind` ("Bài viết") named `title`."""
    href, canonical, title = escape(link(url)), escape(absolute(url)), escape(title)
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{kind} đã chuyển địa chỉ: {title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n"
        f'<p>{kind} đã chuyển sang địa chỉ mới: <a href="{href}">{title}</a></p>\n'
        "</body>\n</html>\n"
    ).encode()
