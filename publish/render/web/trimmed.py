"""Pages at the addresses a visitor gets by trimming one of the website's: /2022/05/ and /2022/
from a bulletin's /2022/05/ten-bai/, the category folder, the tag folder of a theme without the
tags page (the website's own page is there otherwise), and the `trang/` folder of a paginated
list.

A static host has nothing there: Python's http.server listed the folder in English, nginx
answered 403 and GitHub Pages or Netlify showed the 404 page. Each such folder gets a redirect
page (see redirects.redirect_page) to where a visitor going «up» expects to land: the month or
year in the archive, the list of categories, the list's first page. None of them is a page of its
own: they are in neither the sitemap nor the search index, and any other file at the same place
(a page whose slug is a year, an alias, a recorded old address) keeps it (see render).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from publish.model import Artifact
from publish.render.web.context import HOME, TAGS_URL
from publish.render.web.pages import Views, output_path
from publish.render.web.redirects import redirect_page
from publish.text import vn_month

__all__ = ["ANCHORED", "has_id", "trimmed_redirects"]

ARCHIVE = "/luu-tru/"
"""The archive's index page (as pages.py writes it), with a heading per year."""
CATEGORY_LIST = "/tim-kiem/#duyet-chuyen-muc"
"""Where the website lists every category (the search page's section for browsers that cannot
search)."""
ANCHORED = (ARCHIVE, CATEGORY_LIST.partition("#")[0])
"""The pages these redirects point into, at an element: render keeps their HTML to ask."""


def has_id(html: bytes, name: str) -> bool:
    """Whether the page `html` has an element with the id `name`."""
    return re.search(rf"""\bid=["']{re.escape(name)}["']""".encode(), html) is not None


def trimmed_redirects(views: Views, has: Callable[[str, str], bool]) -> Iterator[Artifact]:
    """A redirect page at each trimmed address of the website `views` renders: a month and a
    year of its bulletins, the category folder (and the tag folder of a theme without the tags
    page), each list's `trang/` folder. `has`
    tells whether the page at a site path has an element with an id: a theme of the unit's
    own may have no heading per year or no list of categories, and a link to a missing #id
    stops the link check, so such a redirect goes to the page's top."""

    def at(url: str, name: str) -> str:
        """`url`#`name` when that page has the element, else `url`."""
        return f"{url}#{name}" if has(url, name) else url

    years: set[int] = set()
    for year, month in sorted(views.by_month):
        label = vn_month(year, month).lower()
        page = _leading(
            views,
            views.month_url(year, month),
            f"Lưu trữ {label}",
            f"Các bản tin {label} ở trang lưu trữ: ",
        )
        yield Artifact("web", output_path(f"/{year}/{month:02d}/"), page)
        years.add(year)
    for year in sorted(years):
        page = _leading(
            views,
            at(ARCHIVE, f"nam-{year}"),
            f"Lưu trữ năm {year}",
            f"Các bản tin năm {year} ở trang lưu trữ: ",
        )
        yield Artifact("web", output_path(f"/{year}/"), page)
        yield Artifact("web", output_path(f"{ARCHIVE}{year}/"), page)
    categories = views.category_url("x").removesuffix("x/")
    page = _leading(
        views,
        at(*CATEGORY_LIST.split("#")),
        "Duyệt theo chuyên mục",
        "Danh sách các chuyên mục ở trang tìm kiếm: ",
    )
    yield Artifact("web", output_path(categories), page)
    if views.by_tag and not views.tags_page:  # a theme without the tags page (TAGS_TEMPLATE)
        page = _leading(
            views,
            "/",
            HOME,
            "Website không có trang liệt kê các thẻ. Các bản tin mới nhất ở trang chủ: ",
        )
        yield Artifact("web", output_path(TAGS_URL), page)
    yield from _first_pages(views)


def _first_pages(views: Views) -> Iterator[Artifact]:
    """A redirect page at the `trang/` folder of the home page (always: /trang/2/ is the first
    such address a visitor meets) and of every other list with more than one page."""
    per_page = max(1, views.config.web.per_page)
    categories = views.config.categories
    lists = [
        (views.category_url(key), category.label, views.by_category[key])
        for key, category in categories.items()
    ]
    lists += [
        (views.tag_url(slug), f"Thẻ: {views.tag_labels[slug]}", views.by_tag[slug])
        for slug in sorted(views.by_tag)
    ]
    lists += [
        (views.month_url(y, m), f"Lưu trữ {vn_month(y, m).lower()}", views.by_month[(y, m)])
        for y, m in sorted(views.by_month)
    ]
    # A list's old address (a category's old key, a renamed tag's) has its pages redirected
    # (list_redirects), and its `trang/` folder as well: to the list's first page now.
    moved = {
        views.category_url(alias): views.category_url(key)
        for key, category in categories.items()
        for alias in category.aliases
    }
    moved |= {views.tag_url(old): views.tag_url(new) for old, new in views.site.tag_moves.items()}
    firsts = {url: (title, bulletins) for url, title, bulletins in lists}
    lead = "Trang đầu của danh sách: "
    yield Artifact("web", output_path("/trang/"), _leading(views, "/", HOME, lead))
    for url, title, bulletins in lists:
        if len(bulletins) > per_page:
            page = _leading(views, url, title, lead)
            yield Artifact("web", output_path(f"{url}trang/"), page)
    for old, new in sorted(moved.items()):
        title, bulletins = firsts.get(new, ("", []))
        if len(bulletins) > per_page:
            page = _leading(views, new, title, lead)
            yield Artifact("web", output_path(f"{old}trang/"), page)


def _leading(views: Views, url: str, title: str, lead: str) -> bytes:
    """The redirect page to the site path `url`, named `title`, `lead` before its link."""
    share = (views.config.site.description, views.og_image())
    return redirect_page(url, title, views.url, views.absolute, heading="", lead=lead, share=share)
