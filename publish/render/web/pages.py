"""Which pages the website has and what each template is given, computed here so templates stay simple."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from publish.config import Config
from publish.content import resolve_content_path
from publish.model import Bulletin, ImageRef, Page, Site
from publish.render.web.feeds import FeedEntry, entry_id
from publish.render.web.images import Picture, Pictures
from publish.render.web.markdown import ImageInfo, MarkdownRenderer
from publish.render.web.qr import qr_svg
from publish.render.web.seo import json_ld, news_article
from publish.text import slugify, vn_date, vn_month

__all__ = ["View", "Views", "output_path"]

CARD_SIZES = "(min-width: 48rem) 10rem, 30vw"
COVER_SIZES = "(min-width: 48rem) 44rem, 100vw"
HOME = "Trang chủ"


@dataclass(frozen=True, slots=True)
class View:
    """One HTML page: where it goes, which template renders it, and with what."""

    url: str
    """Site path without the base prefix, e.g. "/2020/12/x/" or "/404.html"."""
    template: str
    context: dict[str, Any]
    source: str | None = None
    key: str | None = None
    indexed: bool = True
    """Listed in sitemap.xml (false for 404 and --drafts previews)."""
    lastmod: dt.datetime | None = None


@dataclass(slots=True)
class Listing:
    """A paginated list: its first page's URL, heading, intro, and bulletins newest first."""

    url: str
    title: str
    bulletins: Sequence[Bulletin]
    current: str = ""
    intro: str = ""
    crumbs: list[tuple[str, str]] = field(default_factory=list)
    feed: str | None = None


def output_path(url: str) -> str:
    """The file a site path is written to: "/a/b/" → "a/b/index.html", "/404.html" → "404.html"."""
    rel = url.lstrip("/")
    return rel if rel and not rel.endswith("/") else rel + "index.html"


class Views:
    """Builds every page's context for one site; pictures and Markdown are shared across pages."""

    def __init__(self, site: Site, pictures: Pictures) -> None:
        """Index the site once: web bulletins, categories, tags, months."""
        self.site = site
        self.config: Config = site.config
        self.pictures = pictures
        self.markdown = MarkdownRenderer()
        self.bulletins = site.for_channel("web")
        self.public = tuple(b for b in self.bulletins if not site.is_preview(b))
        self.prefix = urlsplit(self.config.base_url).path.rstrip("/")
        self.by_category: dict[str, list[Bulletin]] = {k: [] for k in self.config.categories}
        self.by_tag: dict[str, list[Bulletin]] = defaultdict(list)
        self.tag_labels: dict[str, str] = {}
        self.by_month: dict[tuple[int, int], list[Bulletin]] = defaultdict(list)
        for bulletin in self.bulletins:
            self.by_category[bulletin.category].append(bulletin)
            for tag in bulletin.tags:
                slug = slugify(tag)
                self.tag_labels.setdefault(slug, tag)
                tagged = self.by_tag[slug]
                if not tagged or tagged[-1] is not bulletin:
                    tagged.append(bulletin)
            self.by_month[(bulletin.date.year, bulletin.date.month)].append(bulletin)
        self._bodies: dict[str, str] = {}

    # URLs -----------------------------------------------------------------

    def url(self, path: str) -> str:
        """A site path with the base URL's path in front, for links inside the site."""
        return self.prefix + path

    def absolute(self, path: str) -> str:
        """The public absolute URL of a site path."""
        return self.config.absolute_url(path)

    @staticmethod
    def category_url(key: str) -> str:
        """Site path of a category's first page."""
        return f"/chuyen-muc/{key}/"

    @staticmethod
    def tag_url(slug: str) -> str:
        """Site path of a tag's first page."""
        return f"/the/{slug}/"

    @staticmethod
    def month_url(year: int, month: int) -> str:
        """Site path of a month in the archive."""
        return f"/luu-tru/{year}/{month:02d}/"

    # Shared context -------------------------------------------------------

    def common(self) -> dict[str, Any]:
        """What every template gets besides its own view."""
        config = self.config
        return {
            "site": self.site,
            "config": config,
            "unit": config.unit,
            "categories": [
                {
                    "key": key,
                    "label": category.label,
                    "description": category.description,
                    "url": self.url(self.category_url(key)),
                    "count": len(self.by_category[key]),
                }
                for key, category in config.categories.items()
            ],
            "nav": [
                {"key": "home", "label": HOME, "url": self.url("/")},
                *(
                    {"key": f"page:{p.slug}", "label": p.title, "url": self.url(p.url)}
                    for p in self.site.pages
                ),
                {"key": "archive", "label": "Lưu trữ", "url": self.url("/luu-tru/")},
                {"key": "search", "label": "Tìm kiếm", "url": self.url("/tim-kiem/")},
            ],
            "home_url": self.url("/"),
            "archive_url": self.url("/luu-tru/"),
            "footer": self.contact(with_qr=False),
            "feed_url": self.url("/feed.xml"),
            "year": self.site.now.year,
        }

    def _base(
        self,
        url: str,
        *,
        title: str,
        description: str,
        current: str = "",
        crumbs: Sequence[tuple[str, str]] = (),
        image: tuple[Picture, str] | None = None,
        preview: bool = False,
        og_type: str = "website",
    ) -> dict[str, Any]:
        """Context every page has: title, canonical, Open Graph, breadcrumbs, robots."""
        picture, alt = image or self._default_cover()
        og_image = None
        if picture is not None:
            largest = picture.largest
            og_image = {
                "url": self.absolute("/" + largest.path),
                "width": largest.width,
                "height": largest.height,
                "alt": alt,
            }
        trail = [{"label": HOME, "url": self.url("/")}] if crumbs else []
        trail += [{"label": label, "url": self.url(path)} for label, path in crumbs]
        return {
            "title": title,
            "description": description or self.config.site.description,
            "canonical": self.absolute(url),
            "page_url": self.url(url),
            "current": current,
            "breadcrumbs": trail,
            "og": {"type": og_type, "image": og_image},
            "noindex": preview,
            "preview": preview,
            "jsonld": None,
        }

    def _default_cover(self) -> tuple[Picture | None, str]:
        """The site's default cover (for og:image), when configured."""
        path = self.config.site.default_cover
        if not path:
            return None, ""
        return self.pictures.picture(path, owner="site.toml"), self.config.site.title

    # Pictures -------------------------------------------------------------

    def image(
        self, ref: ImageRef, *, owner: str, sizes: str, eager: bool = False, small: bool = False
    ) -> dict[str, Any]:
        """What the `picture` macro needs for one content image."""
        picture = self.pictures.picture(ref.path, owner=owner)
        shown = picture.smallest if small else picture.largest
        return {
            "src": self.url("/" + shown.path),
            "srcset": self.pictures.srcset(picture),
            "sizes": sizes,
            "width": shown.width,
            "height": shown.height,
            "alt": ref.alt,
            "loading": "eager" if eager else "lazy",
            "caption": ref.caption,
        }

    def body_html(self, bulletin: Bulletin, *, eager_first: bool = False) -> Markup:
        """A bulletin's sanitised body; local images become responsive figures."""
        if bulletin.key in self._bodies:
            return Markup(self._bodies[bulletin.key])
        html = self._convert(bulletin.body, bulletin.source, eager_first=eager_first)
        if bulletin.key in self.feed_keys:
            self._bodies[bulletin.key] = html
        return Markup(html)

    def _convert(self, body: str, source: str, *, eager_first: bool) -> str:
        """Markdown → sanitised HTML, resolving image paths relative to `source`."""
        md_path = self.config.root / source
        content = (self.config.root / "content").resolve()

        def lookup(src: str) -> ImageInfo | None:
            """Responsive variants of a local image src, None for remote ones."""
            if "://" in src or src.startswith(("data:", "//")):
                return None
            resolved = resolve_content_path(src, md_path, self.config)
            if resolved is None or not resolved.is_file():
                return None
            picture = self.pictures.picture(resolved.relative_to(content).as_posix(), owner=source)
            return ImageInfo(
                self.url("/" + picture.largest.path),
                self.pictures.srcset(picture),
                picture.largest.width,
                picture.largest.height,
            )

        return self.markdown.convert(body, lookup=lookup, eager_first=eager_first)

    @property
    def feed_keys(self) -> set[str]:
        """Keys of bulletins that some feed includes (their HTML is kept for the feeds)."""
        if not hasattr(self, "_feed_keys"):
            limit = self.config.web.feed_items
            keys = {b.key for b in self.public[:limit]}
            for key in self.config.categories:
                keys |= {b.key for b in self._public_in(key)[:limit]}
            self._feed_keys = keys
        return self._feed_keys

    def _public_in(self, category: str) -> list[Bulletin]:
        """Published (non-preview) bulletins of a category, newest first."""
        return [b for b in self.by_category[category] if not self.site.is_preview(b)]

    # Cards and lists ------------------------------------------------------

    def card(self, bulletin: Bulletin, *, eager: bool = False) -> dict[str, Any]:
        """A bulletin as a list item."""
        return {
            "title": bulletin.title,
            "url": self.url(bulletin.url),
            "date_iso": bulletin.date.isoformat(),
            "date": vn_date(bulletin.date),
            "summary": bulletin.summary,
            "category": self.config.categories[bulletin.category].label,
            "category_url": self.url(self.category_url(bulletin.category)),
            "preview": self.site.is_preview(bulletin),
            "image": (
                self.image(
                    bulletin.cover,
                    owner=bulletin.source,
                    sizes=CARD_SIZES,
                    eager=eager,
                    small=True,
                )
                if bulletin.cover
                else None
            ),
        }

    def listing(self, listing: Listing, *, template: str = "list.html") -> Iterator[View]:
        """Every page of a paginated list: /x/, /x/trang/2/, …"""
        per_page = max(1, self.config.web.per_page)
        chunks = [
            listing.bulletins[i : i + per_page] for i in range(0, len(listing.bulletins), per_page)
        ] or [[]]
        urls = [listing.url] + [f"{listing.url}trang/{n}/" for n in range(2, len(chunks) + 1)]
        for number, (chunk, url) in enumerate(zip(chunks, urls, strict=True), start=1):
            title = listing.title if number == 1 else f"{listing.title} — trang {number}"
            crumbs = list(listing.crumbs)
            if number > 1 and listing.url != "/":
                crumbs.append((listing.title, listing.url))
            context = self._base(
                url,
                title=title,
                description=listing.intro,
                current=listing.current if number == 1 else "",
                crumbs=crumbs + ([(f"Trang {number}", url)] if number > 1 else []),
                preview=any(self.site.is_preview(b) for b in chunk),
            )
            context.update(
                heading=listing.title,
                intro=listing.intro,
                cards=[self.card(b, eager=i == 0) for i, b in enumerate(chunk)],
                pagination=self._pagination(urls, number),
                list_feed=self.url(listing.feed) if listing.feed else None,
            )
            yield View(
                url,
                template,
                context,
                indexed=not context["noindex"],
                lastmod=max((b.date for b in chunk), default=None),
            )

    def _pagination(self, urls: Sequence[str], number: int) -> dict[str, Any] | None:
        """Links to the previous, next and every page of a list (None for a single page)."""
        if len(urls) < 2:
            return None
        return {
            "prev": self.url(urls[number - 2]) if number > 1 else None,
            "next": self.url(urls[number]) if number < len(urls) else None,
            "pages": [
                {"number": n, "url": self.url(u), "current": n == number}
                for n, u in enumerate(urls, start=1)
            ],
        }

    # Every page -----------------------------------------------------------

    def all(self) -> Iterator[View]:
        """Every HTML page of the site, in a stable order."""
        yield from self.listing(
            Listing("/", self.config.site.title, self.bulletins, current="home")
        )
        for index, bulletin in enumerate(self.bulletins):
            yield self.bulletin(bulletin, index)
        for key, category in self.config.categories.items():
            yield from self.listing(
                Listing(
                    self.category_url(key),
                    category.label,
                    self.by_category[key],
                    current=f"category:{key}",
                    intro=category.description,
                    crumbs=[(category.label, self.category_url(key))],
                    feed=f"{self.category_url(key)}feed.xml",
                )
            )
        for slug in sorted(self.by_tag):
            label = self.tag_labels[slug]
            yield from self.listing(
                Listing(
                    self.tag_url(slug),
                    f"Thẻ: {label}",
                    self.by_tag[slug],
                    intro=f"Các bản tin gắn thẻ “{label}”.",
                    crumbs=[(f"Thẻ: {label}", self.tag_url(slug))],
                )
            )
        yield self.archive()
        for (year, month), bulletins in sorted(self.by_month.items(), reverse=True):
            label = vn_month(year, month)
            yield from self.listing(
                Listing(
                    self.month_url(year, month),
                    f"Lưu trữ {label.lower()}",
                    bulletins,
                    crumbs=[("Lưu trữ", "/luu-tru/"), (label, self.month_url(year, month))],
                )
            )
        for page in self.site.pages:
            yield self.page(page)
        yield self.search()
        yield self.not_found()

    def bulletin(self, bulletin: Bulletin, index: int) -> View:
        """One bulletin's page: cover, body, tags, previous/next, related, print QR."""
        category = self.config.categories[bulletin.category]
        preview = self.site.is_preview(bulletin)
        cover = None
        image = None
        if bulletin.cover:
            cover = self.image(bulletin.cover, owner=bulletin.source, sizes=COVER_SIZES, eager=True)
            image = (
                self.pictures.picture(bulletin.cover.path, owner=bulletin.source),
                cover["alt"],
            )
        context = self._base(
            bulletin.url,
            title=bulletin.title,
            description=bulletin.summary,
            crumbs=[(category.label, self.category_url(bulletin.category))],
            image=image,
            preview=preview,
            og_type="article",
        )
        og_image = context["og"]["image"]
        context["jsonld"] = json_ld(
            news_article(
                bulletin,
                config=self.config,
                url=context["canonical"],
                image=og_image["url"] if og_image else None,
            )
        )
        newer = self.bulletins[index - 1] if index > 0 else None
        older = self.bulletins[index + 1] if index + 1 < len(self.bulletins) else None
        context.update(
            bulletin=bulletin,
            extra=bulletin.extra,
            body=self.body_html(bulletin, eager_first=cover is None),
            cover=cover,
            date_iso=bulletin.date.isoformat(),
            date=vn_date(bulletin.date),
            category={
                "label": category.label,
                "url": self.url(self.category_url(bulletin.category)),
            },
            tags=[{"label": t, "url": self.url(self.tag_url(slugify(t)))} for t in bulletin.tags],
            older=self._link(older),
            newer=self._link(newer),
            related=[self.card(b) for b in self.related(bulletin)],
            print_url=context["canonical"],
            print_qr=qr_svg(context["canonical"], label=f"Mã QR của bài: {context['canonical']}"),
            og_published=bulletin.date.isoformat(),
            og_section=category.label,
            og_tags=list(bulletin.tags),
        )
        return View(
            bulletin.url,
            "bulletin.html",
            context,
            source=bulletin.source,
            key=bulletin.key,
            indexed=not preview,
            lastmod=bulletin.date,
        )

    def _link(self, bulletin: Bulletin | None) -> dict[str, str] | None:
        """Title and URL of a neighbouring bulletin."""
        if bulletin is None:
            return None
        return {
            "title": bulletin.title,
            "url": self.url(bulletin.url),
            "date": vn_date(bulletin.date),
        }

    def related(self, bulletin: Bulletin) -> list[Bulletin]:
        """Bulletins sharing the most tags, then the same category, newest first."""
        tags = {slugify(t) for t in bulletin.tags}
        scored = []
        for other in self.bulletins:
            if other.key == bulletin.key:
                continue
            shared = len(tags & {slugify(t) for t in other.tags})
            same = other.category == bulletin.category
            if shared or same:
                scored.append(((shared, same, other.date), other))
        scored.sort(key=lambda pair: pair[0], reverse=True)
        return [other for _, other in scored[: self.config.web.related]]

    def archive(self) -> View:
        """The archive index: every month with bulletins, grouped by year, newest first."""
        years: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for (year, month), bulletins in sorted(self.by_month.items(), reverse=True):
            years[year].append(
                {
                    "label": vn_month(year, month),
                    "url": self.url(self.month_url(year, month)),
                    "count": len(bulletins),
                }
            )
        context = self._base(
            "/luu-tru/",
            title="Lưu trữ bản tin",
            description="Các bản tin theo từng tháng.",
            current="archive",
            crumbs=[("Lưu trữ", "/luu-tru/")],
        )
        context["years"] = [{"year": y, "months": m} for y, m in years.items()]
        newest = self.bulletins[0].date if self.bulletins else None
        return View("/luu-tru/", "archive.html", context, lastmod=newest)

    def page(self, page: Page) -> View:
        """A standalone page; the contact layout adds the unit's contact details and Zalo QR."""
        context = self._base(
            page.url,
            title=page.title,
            description=page.summary,
            current=f"page:{page.slug}",
            crumbs=[(page.title, page.url)],
            preview=page.draft,
        )
        context.update(
            page=page,
            extra=page.extra,
            body=Markup(self._convert(page.body, page.source, eager_first=True)),
            contact=self.contact() if page.layout == "contact" else None,
        )
        return View(page.url, "page.html", context, source=page.source, indexed=not page.draft)

    def contact(self, *, with_qr: bool = True) -> dict[str, Any]:
        """Contact details for the contact layout, with the Zalo follow link and its QR code."""
        contact = self.config.contact
        oa = self.config.zalo.oa_id
        zalo = f"https://zalo.me/{oa}" if oa else ""
        return {
            "address": contact.address,
            "hotline": contact.hotline,
            "hotline_tel": _tel(contact.hotline),
            "emergency": contact.emergency,
            "emergency_tel": _tel(contact.emergency),
            "email": contact.email,
            "zalo": zalo,
            "zalo_qr": (
                qr_svg(zalo, label=f"Mã QR Trang Zalo {self.config.unit.name}", css_class="qr-zalo")
                if zalo and with_qr
                else None
            ),
        }

    def search(self) -> View:
        """The search page shell; the client-side index comes later (see search.py)."""
        context = self._base(
            "/tim-kiem/",
            title="Tìm kiếm",
            description=f"Tìm bản tin của {self.config.unit.name}.",
            current="search",
            crumbs=[("Tìm kiếm", "/tim-kiem/")],
        )
        return View("/tim-kiem/", "search.html", context)

    def not_found(self) -> View:
        """The 404 page (not in the sitemap)."""
        context = self._base(
            "/404.html", title="Không tìm thấy trang", description="Trang bạn tìm không tồn tại."
        )
        context["noindex"] = True
        context["latest"] = [self.card(b) for b in self.public[:5]]
        return View("/404.html", "404.html", context, indexed=False)

    # Feeds ----------------------------------------------------------------

    def feed_entries(self, bulletins: Sequence[Bulletin]) -> list[FeedEntry]:
        """Feed entries for the newest published bulletins given."""
        return [
            FeedEntry(
                id=entry_id(self.config.base_url, b.key, b.date),
                title=b.title,
                url=self.absolute(b.url),
                published=b.date,
                summary=b.summary,
                content_html=str(self.body_html(b)),
                category=b.category,
                category_label=self.config.categories[b.category].label,
                author=b.author,
            )
            for b in bulletins[: self.config.web.feed_items]
        ]

    def feeds(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(site path, atom_feed arguments) for the site feed and each category feed."""
        site = self.config.site
        yield (
            "/feed.xml",
            {
                "entries": self.feed_entries(self.public),
                "title": site.title,
                "subtitle": site.description,
                "page_url": self.absolute("/"),
            },
        )
        for key, category in self.config.categories.items():
            yield (
                f"{self.category_url(key)}feed.xml",
                {
                    "entries": self.feed_entries(self._public_in(key)),
                    "title": f"{category.label} — {self.config.unit.name}",
                    "subtitle": category.description,
                    "page_url": self.absolute(self.category_url(key)),
                },
            )


def _tel(number: str) -> str:
    """A tel: URI from a displayed phone number ("0277 3610 113" → "tel:02773610113")."""
    digits = "".join(c for c in number if c.isdigit() or c == "+")
    return f"tel:{digits}" if digits else ""
