"""Which site paths the website serves, known before it is rendered: whether a link written with
an address the site had before ([site] old_base_urls) leads to one of its own pages now.

A unit that moved from an old CMS kept its bulletins' links to that CMS's files
("https://congan-cu.example.vn/uploads/2019/qd-123.pdf", "…/index.php?option=…"): the new
website has no page there, so such a link stays a link to the old site, as written, and the
check notes it (see publish.commands.check). A link to a page the new website has ("…/lien-he/",
a bulletin, one of its old addresses, a category) is its own and leads there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import unquote

from publish.errors import Problem
from publish.model import Bulletin, Page, Site
from publish.text import YEAR, quoted
from publish.url_history import HISTORY_NAME, history_path, load_history

__all__ = [
    "GENERATED_FILES",
    "GENERATED_SECTIONS",
    "RESERVED_SLUGS",
    "category_path",
    "folder_pages",
    "forget_site_paths",
    "page_slug_problems",
    "served_paths",
]

RESERVED_SLUGS = frozenset({"anh", "assets", "chuyen-muc", "luu-tru", "the", "tim-kiem", "trang"})
"""Top-level folders of the website that a page's slug must not take. Not /theo-doi/: a unit's
own page or old address there came first, and keeps it (see render/web/follow.py)."""
GENERATED_SECTIONS = tuple(f"/{folder}/" for folder in sorted(RESERVED_SLUGS | {"theo-doi"}))
"""Folders whose pages and files the website makes itself (lists, search, follow page, images,
style): a link into one is the site's own, checked like any other (tests compare them with a
build's files)."""
GENERATED_FILES = frozenset({"/", "/feed.xml", "/sitemap.xml", "/robots.txt", "/404.html"})
"""Files at the site's root the website makes itself."""


def page_slug_problems(source: str, slug: str) -> list[Problem]:
    """The error when a page's slug is a folder the website already uses; the note when it is
    a year (the folder of that year's bulletins)."""
    if slug in RESERVED_SLUGS:
        return [
            Problem(
                source,
                f"địa chỉ trang (slug) {quoted(slug)} trùng với thư mục /{slug}/ mà website dùng "
                "sẵn",
                field="slug",
                hint="Chọn địa chỉ khác (slug: …); các tên dành riêng: "
                f"{', '.join(sorted(RESERVED_SLUGS))}.",
            )
        ]
    if YEAR.fullmatch(slug):
        return [
            Problem(
                source,
                f"địa chỉ trang (slug) {quoted(slug)} là một năm: /{slug}/ là thư mục của các bản "
                f"tin năm {slug} (/{slug}/05/…); người xem cắt địa chỉ một bài năm đó còn /{slug}/ "
                "sẽ gặp trang này thay vì được đưa tới các bài của năm trong Lưu trữ",
                field="slug",
                severity="note",
                hint=f"Chọn địa chỉ có chữ, ví dụ slug: tong-ket-{slug}.",
            )
        ]
    return []


def category_path(key: str) -> str:
    """Site path of a category's first page (its list, and the search results' link to it)."""
    return f"/chuyen-muc/{key}/"


_HISTORY: list[tuple[Path, tuple[int, int, int] | None, Mapping[str, tuple[str, ...]]]] = []
"""The last history file asked about, its stat and the history it held."""


def recorded_history(site: Site) -> Mapping[str, tuple[str, ...]]:
    """state/web-urls.json of the project `site` was loaded from (see project_history)."""
    return project_history(site.config.root)


def project_history(root: Path) -> Mapping[str, tuple[str, ...]]:
    """state/web-urls.json of the project at `root` (see url_history.load_history), read once
    while the file stays as it was: the build's redirects, follow page and served paths,
    check's alias and follow notes and the withdrawal notes all ask, ~15 ms a read at 10,000
    bulletins. Read only: the result is shared."""
    return state_history(history_path(root).parent)


def state_history(state_dir: Path) -> Mapping[str, tuple[str, ...]]:
    """web-urls.json of the state folder `state_dir` (a sync's --state may be elsewhere than
    the project's state/), read as project_history reads it: once while the file stays as it
    was, a PublishError naming what to do when it cannot be read."""
    path = state_dir / HISTORY_NAME
    try:
        found = path.stat()
        stamp: tuple[int, int, int] | None = (found.st_ino, found.st_size, found.st_mtime_ns)
    except OSError:
        stamp = None  # load_history says why, or that there is no file yet
    if _HISTORY and _HISTORY[0][0] == path and _HISTORY[0][1] == stamp and stamp is not None:
        return _HISTORY[0][2]
    history = load_history(path)
    _HISTORY[:] = [(path, stamp, history)]
    return history


_LAST: list[tuple[Site, Callable[[str], bool]]] = []
"""The last site asked about and its answer: every bulletin's Zalo article asks again."""


def served_paths(site: Site) -> Callable[[str], bool]:
    """Whether the website serves a site path (no query or #fragment; "/x", "/x/" and
    "/x/index.html" alike): a bulletin's or page's address, one of their old addresses
    (aliases, state/web-urls.json), a page or file the website makes itself, or the year and
    month of a bulletin's address (pages leading to the archive)."""
    if _LAST and _LAST[0][0] is site:
        return _LAST[0][1]
    served = _served_paths(site)
    _LAST[:] = [(site, served)]
    return served


_FOLDER_PAGES: list[tuple[Site, frozenset[str]]] = []
"""The last site asked about and its pages under its folder (see folder_pages)."""


def folder_pages(site: Site) -> frozenset[str]:
    """The site paths of the pages and bulletins that start with the folder the site is served
    under (nearly always none): a link to one is a site path as written, not an address with
    the folder already in (SiteAddresses.own_path). Made once a site: the website asks it, and
    every Zalo article's site path links."""
    folder = site.config.addresses.folder
    if not folder:
        return frozenset()
    if not _FOLDER_PAGES or _FOLDER_PAGES[0][0] is not site:
        pages = frozenset(url for url in site.documents.values() if url.startswith(folder + "/"))
        _FOLDER_PAGES[:] = [(site, pages)]
    return _FOLDER_PAGES[0][1]


def forget_site_paths() -> None:
    """Let go of the last site's folder_pages and served_paths: a rendered site is not kept
    until the next."""
    _FOLDER_PAGES.clear()
    _LAST.clear()


def _served_paths(site: Site) -> Callable[[str], bool]:
    """See served_paths (made afresh)."""
    pages = set(site.documents.values()) | GENERATED_FILES
    items: list[Bulletin | Page] = [*site.bulletins, *(e.bulletin for e in site.excluded)]
    for item in (*items, *site.pages):
        pages.update(item.aliases)
    for paths in recorded_history(site).values():
        pages.update(paths)
    for bulletin in site.for_channel("web"):
        # A trimmed address of a bulletin's (publish.render.web.trimmed): /2022/ and /2022/05/.
        year, month = bulletin.date.year, bulletin.date.month
        pages.update((f"/{year}/", f"/{year}/{month:02d}/"))

    def served(path: str) -> bool:
        """See served_paths."""
        path = unquote(path or "/").removesuffix("index.html")
        return (
            path in pages
            or path + "/" in pages
            or path.startswith(GENERATED_SECTIONS)
            or path + "/" in GENERATED_SECTIONS
        )

    return served
