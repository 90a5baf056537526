"""What every page's template gets: URLs, the shared context, pictures, bodies and cards.

`pages.py` decides which pages exist; this module holds what they have in common.
The built-in templates read these dicts with subscripts (`item['url']`): Jinja's `item.url`
first tries an attribute, and on a dict that failed lookup costs about ten times the item.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cached_property, partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from publish.addresses import address_as_text, text_is_address
from publish.attachments import attached, is_file_link, is_image_link
from publish.cache import Encoded, Fragments, owned_kind
from publish.config import Config
from publish.contact_numbers import first_number, tel_uri
from publish.content_images import remote_image, resolve_content_path
from publish.languages import autonym, more_in, og_locale, primary
from publish.links import HELD, content_link, held_address, held_record, linked_file, resolve
from publish.model import Bulletin, ImageRef, Page, Site
from publish.render.web.images import VARIANT_TYPE, Picture, Pictures
from publish.render.web.markdown import ImageInfo, MarkdownRenderer
from publish.render.web.qr import QrCodes
from publish.site_legal import footer_lines
from publish.site_paths import category_path, folder_pages, served_paths
from publish.text import folded_words, vn_short_date

__all__ = [
    "CARD_SIZES",
    "COVER_SIZES",
    "FOLLOW",
    "FOLLOW_TEMPLATE",
    "FOLLOW_URL",
    "HOME",
    "TAGS",
    "TAGS_TEMPLATE",
    "TAGS_URL",
    "SiteContext",
    "pages_by_language",
]

CARD_SIZES = "(min-width: 48rem) 10rem, 6.5rem"
"""The thumbnail's width in style.css (.thumb; hidden below 20em, where it is not loaded)."""
COVER_SIZES = "(min-width: 48rem) 44rem, 100vw"
HOME = "Trang chủ"
FOLLOW = "Theo dõi tin mới"
"""The name of the page that tells a reader how to follow the unit, and of the links to it."""
FOLLOW_URL = "/theo-doi/"
FOLLOW_TEMPLATE = "follow.html"
"""The follow page's template: a project's own theme from before it had one has no such page."""
TAGS = "Thẻ"
"""The name of the page listing every tag, and of the crumb leading to it from a tag's page."""
TAGS_URL = "/the/"
"""The folder of every tag's page, and the page listing them."""
TAGS_TEMPLATE = "tags.html"
"""The tags page's template: a project's own theme from before it had one has no such page."""


def header_area(name: str, area: str) -> str:
    """The area shown under the unit's name in the header, none when the name already ends
    with it: «Phòng Cảnh sát hình sự, Công an tỉnh Đồng Tháp» showed «tỉnh Đồng Tháp» again
    under it. Compared as folded words («Khánh Hoà» is «Khánh Hòa»), whole words only."""
    said = folded_words(area)
    return "" if said and f" {folded_words(name)}".endswith(f" {said}") else area


def pages_by_language(pages: Sequence[Page]) -> dict[str, list[Page]]:
    """The `pages` in each language other than the site's, by its primary tag ("en" for "en"
    and "en-GB"), in their order: the first is the one the footer links (SiteContext.languages),
    which lists the others (SiteContext.same_language)."""
    found: dict[str, list[Page]] = {}
    for page in pages:
        if page.lang:
            found.setdefault(primary(page.lang), []).append(page)
    return found


class SiteContext:
    """Indexes the site once and builds the pieces every page context is made of."""

    def __init__(
        self,
        site: Site,
        pictures: Pictures,
        *,
        page_ids: frozenset[str] = frozenset(),
        follow_page: bool = True,
        tags_template: bool = True,
    ) -> None:
        """Index the site once: web bulletins, categories, tags, months. `page_ids`: the ids
        the theme's templates give elements, which a heading in a body must not take;
        `follow_page`: whether the theme has the follow page (FOLLOW_TEMPLATE);
        `tags_template`: whether it has the tags page's (TAGS_TEMPLATE)."""
        self.site = site
        self.page_ids = page_ids
        self.follow_page = follow_page
        self.config: Config = site.config
        self.pictures = pictures
        self.markdown = MarkdownRenderer()
        self.fragments = pictures.fragments or Fragments(self.config.root)
        self._bodies_stored = self.fragments.holds_kind("body-html")
        """Whether the cache held any body's HTML as the build began (here, before the
        workers fork): when not, looking one up can only miss (see Fragments.holds_kind)."""
        self._resolved: dict[tuple[str, str], str | None] = {}
        self.unlinked = site.unlinked()
        """The files whose page the website does not have now: a link to one loses its
        address (links.HELD), and a page reused from the cache is checked for it, as the
        answer changes with a file held or let out (an embargo passing changes no file)."""
        self.qr = QrCodes()
        self.bulletins = site.for_channel("web")
        self.public = tuple(b for b in self.bulletins if not site.is_preview(b))
        self.edited = site.edited_after_approval()
        """Why each preview of a bulletin edited since its approval is held, by key (--drafts)."""
        self.prefix = urlsplit(self.config.base_url).path.rstrip("/")
        self.folder_pages = folder_pages(site)
        """Site paths starting with the folder the site is served under (nearly always none):
        a link to one is a site path as written, not an address with the folder already in."""
        self.by_category: dict[str, list[Bulletin]] = {k: [] for k in self.config.categories}
        self.by_tag: dict[str, list[Bulletin]] = defaultdict(list)
        self.tag_labels: dict[str, str] = {}
        self.by_month: dict[tuple[int, int], list[Bulletin]] = defaultdict(list)
        self.tag_slugs: dict[str, tuple[str, ...]] = {}
        for bulletin in self.bulletins:
            self.by_category[bulletin.category].append(bulletin)
            pairs = [(tag, site.tag_slug(tag)) for tag in bulletin.tags]
            for tag, slug in pairs:
                self.tag_labels.setdefault(slug, tag)
            slugs = self.tag_slugs[bulletin.key] = tuple(dict.fromkeys(s for _, s in pairs))
            for slug in slugs:
                self.by_tag[slug].append(bulletin)
            self.by_month[(bulletin.date.year, bulletin.date.month)].append(bulletin)
        self.tags_page = tags_template and bool(self.by_tag)
        """Whether the website has the page listing every tag (not without a tag to list)."""
        self._bodies: dict[str, str] = {}
        """Body HTML of the feeds' bulletins known here, by key."""
        self._made_bodies: dict[str, str] = {}
        """The part of `_bodies` made here since the last `take_bodies()`."""
        self._related: dict[str, list[Bulletin]] = {}
        self.looked_up: dict[tuple[str, str], ImageInfo | None] = {}
        """Body image lookups (source, src) → result since the last `take_lookups()`."""
        self.linked: dict[tuple[str, str], str | None] = {}
        """Links to content files (source, href) → site path since the last `take_links()`."""
        # Pieces many pages show, made once per build (this object lives for one build).
        self._card_html: dict[tuple[Any, ...], bytes | str] = {}
        self._bulletin_urls: dict[str, str] = {}
        self._card_dates: dict[str, tuple[str, str]] = {}
        self._image_shown: dict[tuple[str, bool], tuple[str, str, int, int]] = {}

    # URLs -----------------------------------------------------------------

    def url(self, path: str) -> str:
        """A site path with the base URL's path in front, for links inside the site."""
        return self.prefix + path

    def own_path(self, href: str) -> str | None:
        """The site path of a link written with one of the site's addresses, now or before
        (see SiteAddresses.own_path; one written with an old address only when the website
        serves that path)."""
        served = served_paths(self.site) if self.config.site.old_base_urls else None
        return self.config.addresses.own_path(href, self.folder_pages, served)

    def absolute(self, path: str) -> str:
        """The public absolute URL of a site path."""
        return self.config.absolute_url(path)

    @staticmethod
    def category_url(key: str) -> str:
        """Site path of a category's first page."""
        return category_path(key)

    @staticmethod
    def tag_url(slug: str) -> str:
        """Site path of a tag's first page."""
        return f"{TAGS_URL}{slug}/"

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
            "unit_area": header_area(config.unit.name, config.unit.area),
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
                {"key": "home", "label": HOME, "url": self.url("/"), "lang": ""},
                *(
                    {
                        "key": f"page:{p.slug}",
                        "label": p.title,
                        "url": self.url(p.url),
                        "lang": p.lang,
                    }
                    for p in self.site.pages
                    if not p.lang
                ),
                {"key": "archive", "label": "Lưu trữ", "url": self.url("/luu-tru/"), "lang": ""},
                {"key": "search", "label": "Tìm kiếm", "url": self.url("/tim-kiem/"), "lang": ""},
            ],
            "languages": self.languages(),
            "home_url": self.url("/"),
            "archive_url": self.url("/luu-tru/"),
            "footer": self.contact(with_qr=False),
            "footer_legal": footer_lines(
                config.site.responsible, config.site.license, config.site.reuse_source
            ),
            "feed_url": self.url("/feed.xml"),
            "follow_url": self.url(FOLLOW_URL) if self.follow_page else "",
            "year": self.site.now.year,
        }

    def languages(self) -> list[dict[str, str]]:
        """The footer's link to the pages in each other language than the site's: named in
        that language (publish.languages.AUTONYMS; a language the table lacks by its first
        page's title), leading to its first page by `order`. Such a page is no menu item: the
        menu is the site's language, and its long English label broke the menu's row."""
        return [
            {
                "key": f"page:{page.slug}",
                "label": autonym(page.lang) or page.title,
                "url": self.url(page.url),
                "lang": page.lang,
            }
            for page, *_others in self._by_language.values()
        ]

    @cached_property
    def _by_language(self) -> dict[str, list[Page]]:
        """The pages in each language other than the site's, in their order (`order`)."""
        return pages_by_language(self.site.pages)

    def same_language(self, page: Page) -> dict[str, Any] | None:
        """The links from the first page of a language other than the site's (the one the
        footer links) to the other pages in that language, which no menu item reaches: a
        heading in that language (publish.languages.MORE_IN, or none) and each page's title.
        None for any other page."""
        if not page.lang:
            return None
        others = self._by_language[primary(page.lang)]
        if others[0] is not page or len(others) < 2:
            return None
        return {
            "title": more_in(page.lang),
            "label": autonym(page.lang),
            "lang": page.lang,
            "pages": [
                {"label": other.title, "url": self.url(other.url), "lang": other.lang}
                for other in others[1:]
            ],
        }

    def base_context(
        self,
        url: str,
        *,
        title: str,
        description: str,
        current: str = "",
        section: str = "",
        crumbs: Sequence[tuple[str, str]] = (),
        image: tuple[Picture, str] | None = None,
        preview: bool = False,
        og_type: str = "website",
        lang: str = "",
    ) -> dict[str, Any]:
        """Context every page has: title, canonical, Open Graph, breadcrumbs, robots (`lang`:
        the language of the page's own text when not the site's, publish.languages)."""
        og_image = self.og_image(image)
        trail = [{"label": HOME, "url": self.url("/"), "lang": ""}] if crumbs else []
        trail += [{"label": label, "url": self.url(path), "lang": lang} for label, path in crumbs]
        return {
            "title": title,
            "description": description or self.config.site.description,
            "canonical": self.absolute(url),
            # Whether the page names its own address (canonical, og:url): the 404 page is shown
            # at every missing address, and is not at /404.html for anyone (pages.not_found).
            "addressed": True,
            "page_url": self.url(url),
            "current": current,
            # The menu or strip entry the page belongs to without being it (a bulletin's category).
            "section": section or current,
            "breadcrumbs": trail,
            "og": {
                "type": og_type,
                "image": og_image,
                "locale": og_locale(lang, self.config.site.language),
            },
            "noindex": preview,
            "preview": preview,
            "edited_after_approval": "",  # a bulletin's page: Site.edited_after_approval
            "jsonld": None,
            "extra": {},
        }

    def og_image(self, image: tuple[Picture, str] | None = None) -> dict[str, Any] | None:
        """The og:image of a page showing `image` (None: the site's default cover, if any)."""
        picture, alt = image or self._default_cover()
        if picture is None:
            return None
        largest = picture.largest
        return {
            "url": self.absolute("/" + largest.path),
            "width": largest.width,
            "height": largest.height,
            "type": VARIANT_TYPE,
            "alt": alt,
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
        # Asked each time: the page records the pictures it used (see _RecordingPictures).
        picture = self.pictures.picture(ref.path, owner=owner)
        found = self._image_shown.get((ref.path, small))
        if found is None:
            # One cover is on a card on up to ~10 pages, and a few photos cover many bulletins.
            shown = picture.smallest if small else picture.largest
            found = self._image_shown[(ref.path, small)] = (
                self.url("/" + shown.path),
                self.pictures.srcset(picture),
                shown.width,
                shown.height,
            )
        src, srcset, width, height = found
        return {
            "src": src,
            "srcset": srcset,
            "sizes": sizes,
            "width": width,
            "height": height,
            "alt": ref.alt,
            "loading": "eager" if eager else "lazy",
            "caption": ref.caption,
        }

    def body_html(self, bulletin: Bulletin) -> Markup:
        """A bulletin's sanitised body; local images become responsive figures, the first one
        loaded eagerly when there is no cover above it (the same HTML for the page and feeds)."""
        found = self._bodies.get(bulletin.key)
        if found is not None:
            return Markup(found)
        html = self.convert(bulletin.body, bulletin.source, eager_first=bulletin.cover is None)
        if bulletin.key in self.feed_keys:
            self._bodies[bulletin.key] = self._made_bodies[bulletin.key] = html
        return Markup(html)

    def take_bodies(self) -> dict[str, str]:
        """The body HTML for the feeds made here since the last call (a worker hands it back;
        what `keep_bodies` was given is not handed back again)."""
        taken, self._made_bodies = self._made_bodies, {}
        return taken

    def keep_bodies(self, bodies: dict[str, str]) -> None:
        """Keep body HTML made elsewhere (in a worker process) for the feeds."""
        self._bodies.update(bodies)

    def image_info(self, src: str, source: str) -> ImageInfo | None:
        """Responsive variants of a local image src in the body of `source`, None for remote ones
        (recorded, so a page reused from the cache can check each image still resolves the same)."""
        info = self.looked_up[(source, src)] = self._image_info(src, source)
        return info

    def take_lookups(self) -> dict[tuple[str, str], ImageInfo | None]:
        """The body image lookups made since the last call."""
        taken, self.looked_up = self.looked_up, {}
        return taken

    def link_target(self, href: str, source: str) -> str | None:
        """The site path a link to a content file in `source` leads to (links.HELD when the
        website has no page of that file now), or one written with an old address of the site
        (see old_link); None for other links (recorded, so a page reused from the cache can
        check each still leads there)."""
        addresses = self.config.addresses
        if is_file_link(href):
            # A form or notice the site serves under tep/: written relative to the bulletin's
            # file, it led beside the page's address, where there is no file.
            found = self.linked[(source, href)] = self._attached(href, source)
            return found
        found = resolve(href, source, self.site.documents, addresses, self.unlinked)
        if content_link(href, addresses) is None:
            if found is None and self.is_page_address(href, source):
                # A published page's address: as written; recorded, as it may be held next time.
                self.linked.setdefault((source, href), None)
            if found != HELD:
                return self.old_link(href, source)
            # A held page's address, typed from the browser: its slug must not go out either.
        # For a held file's link, the address it will have too: words spelling it go neutral.
        held = found == HELD
        self.linked[(source, href)] = (
            held_record(found, self.held_address(href, source)) if held else found
        )
        return found

    def is_page_address(self, href: str, source: str) -> bool:
        """Whether `href` names the page of a loaded content file by its address (links.linked_file:
        «/2020/12/ten-bai/», in full with the site's address, now or before)."""
        return linked_file(href, source, self.site.documents, self.config.addresses) is not None

    def held_address(self, href: str, source: str) -> str:
        """The site path the page a link in `source` names will have once published, when the
        website has no page of that file now (links.held_address), else ""."""
        return held_address(href, source, self.site.documents, self.config.addresses, self.unlinked)

    def link_record(self, href: str, source: str) -> str | None:
        """What a page or body reused from the cache is checked by for one link: where it
        leads (link_target), and for one to a held file the address it will have, which words
        spelling it make neutral (links.held_record), as link_target recorded it."""
        found = self.link_target(href, source)
        return self.linked.get((source, href), found)

    def _attached(self, href: str, source: str) -> str | None:
        """The site path of the file a link in `source` names: a photo's largest web variant
        (whose files the page then writes), else the document under tep/."""
        if not is_image_link(href):
            return attached(href, source, self.config)
        path = self._local_image(href.split("#", 1)[0], source)
        if path is None:
            return None
        return "/" + self.pictures.picture(path, owner=source).largest.path

    def old_link(self, href: str, source: str) -> str | None:
        """The site path a link in `source` written with an old address of the site leads to,
        None when the website serves no page there (it is left as written) and for any other
        link (recorded as link_target's: the answer changes as pages come and go)."""
        if self.config.addresses.old_path(href) is None:
            return None  # the same answer whatever the other files are
        found = self.linked[(source, href)] = self.own_path(href)
        return found

    def take_links(self) -> dict[tuple[str, str], str | None]:
        """The links to content files resolved since the last call."""
        taken, self.linked = self.linked, {}
        return taken

    def _image_info(self, src: str, source: str) -> ImageInfo | None:
        """See `image_info`."""
        if remote_image(src, self.config):
            return None
        path = self._local_image(src, source)
        if path is None:
            return None
        picture = self.pictures.picture(path, owner=source)
        return ImageInfo(
            self.url("/" + picture.largest.path),
            self.pictures.srcset(picture),
            picture.largest.width,
            picture.largest.height,
        )

    def _local_image(self, src: str, source: str) -> str | None:
        """The path under content/ of an image src in `source`, None when it is no file there
        (remembered for this build: every reused page asks again, and resolving costs syscalls)."""
        key = (src, source.rpartition("/")[0])  # resolving depends on the folder only
        if key not in self._resolved:
            resolved = resolve_content_path(src, self.config.root / source, self.config)
            found = None
            if resolved is not None and resolved.is_file():
                found = resolved.relative_to(self._content).as_posix()
            self._resolved[key] = found
        return self._resolved[key]

    @cached_property
    def _content(self) -> Path:
        """content/, resolved."""
        return (self.config.root / "content").resolve()

    def convert(self, body: str, source: str, *, eager_first: bool) -> str:
        """Markdown → sanitised HTML, resolving image paths relative to `source`."""

        def lookup(src: str) -> ImageInfo | None:
            """Responsive variants of a local image src, None for remote ones."""
            return self.image_info(src, source)

        def link(href: str) -> str | None:
            """Where a link to a content file leads, None for other links."""
            return self.link_target(href, source)

        def held_at(href: str) -> str:
            """The address a link to a page not published now will lead to (see held_address)."""
            return self.held_address(href, source)

        def kept(href: str, found: str | None) -> str | None:
            """`found`, where `href` leads, as the cache records it (see link_record)."""
            return self.linked.get((source, href), found)

        # The HTML is cached with the images it used and the links to other files it
        # resolved: it is reused only while each image still resolves to the same variants
        # (the lookup also queues their files for output) and each link leads to the same
        # page (the linked bulletin's date or slug may have changed, this body not), or for
        # one to a page not published now, that page's address will be the same.
        key = self.fragments.key(
            "body-html",
            body,
            source,
            eager_first,
            self.prefix,
            *self._body_key_pages,
        )
        hit = self.fragments.get(key) if self._bodies_stored else None
        if (
            isinstance(hit, tuple)
            and len(hit) == 3
            and all(lookup(src) == info for src, info in hit[1])
            and all(self.link_record(href, source) == url for href, url in hit[2])
        ):
            return hit[0]
        used: dict[str, ImageInfo | None] = {}
        targets: dict[str, str | None] = {}

        def recorded(src: str) -> ImageInfo | None:
            used[src] = lookup(src)
            return used[src]

        def followed(href: str) -> str | None:
            """Where `href` leads when it names a content file, remembered."""
            if content_link(href, self.config.addresses) is None and not is_file_link(href):
                if not self.is_page_address(href, source):
                    return None  # an old address's link is `owned`'s
                # A page's address (/2020/12/ten-bai/): remembered, for its page may be held.
                found = link(href)
                targets[href] = kept(href, found)
                return found if found == HELD else None
            found = link(href)
            targets[href] = kept(href, found)
            return found

        def owned(href: str) -> str | None:
            """The site path of a link written with one of the site's addresses; remembered
            when written with an old one (it depends on the pages the site has)."""
            if self.config.addresses.old_path(href) is None:
                return self.own_path(href)
            found = link(href)
            targets[href] = kept(href, found)
            return found

        def readdressed(href: str, text: str) -> str | None:
            """The website's address now for a link whose text is the old address it was
            written with (a reader would copy it from the page), when it leads to a page here
            (not to a held file's, links.HELD: the markdown renderer words that link)."""
            if not text_is_address(text, href) or self.config.addresses.old_path(href) is None:
                return None
            path = owned(href)
            return address_as_text(self.absolute(path), text) if path else None

        html = self.markdown.convert(
            body,
            lookup=recorded,
            eager_first=eager_first,
            prefix=self.prefix,
            taken_ids=self.page_ids,
            link=followed,
            own=owned,
            shown=readdressed if self.config.site.old_base_urls else None,
            held_at=held_at,
        )
        value = (html, tuple(used.items()), tuple(targets.items()))
        self.fragments.put(key, value, owner=source, kind=owned_kind("body-html", self.site.drafts))
        return html

    @cached_property
    def _body_key_pages(self) -> tuple[Encoded, Encoded]:
        """The last parts of every body's cache key, the same for the whole build: the folder's
        pages and the ids a heading must not take, each sorted and encoded once."""
        return Encoded(sorted(self.folder_pages)), Encoded(sorted(self.page_ids))

    @cached_property
    def feed_keys(self) -> set[str]:
        """Keys of bulletins that some feed includes (their HTML is kept for the feeds)."""
        limit = self.config.web.feed_items
        keys = {b.key for b in self.public[:limit]}
        for key in self.config.categories:
            keys |= {b.key for b in self.public_in(key)[:limit]}
        return keys

    def public_in(self, category: str) -> list[Bulletin]:
        """Published (non-preview) bulletins of a category, newest first."""
        return [b for b in self.by_category[category] if not self.site.is_preview(b)]

    # Cards and lists ------------------------------------------------------

    def card(self, bulletin: Bulletin, *, eager: bool = False) -> dict[str, Any]:
        """A bulletin as a list item; its "html" renders it with a card macro (see `card_html`)."""
        dates = self._card_dates.get(bulletin.key)
        if dates is None:  # one bulletin is a card on up to ~10 pages
            dates = self._card_dates[bulletin.key] = (
                bulletin.date.isoformat(),
                vn_short_date(bulletin.date),
            )
        return {
            "title": bulletin.title,
            "url": self.bulletin_url(bulletin),
            "date_iso": dates[0],
            "date": dates[1],
            "summary": bulletin.summary,
            "lang": bulletin.lang,
            "category": self.config.categories[bulletin.category].label,
            "category_url": self.url(self.category_url(bulletin.category)),
            # The card's badge: «Bản nháp», or for an approved bulletin edited since, what it is.
            "preview": (
                ("Chờ duyệt lại" if bulletin.key in self.edited else "Bản nháp")
                if self.site.is_preview(bulletin)
                else ""
            ),
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
            "html": partial(self.card_html, bulletin, eager),
        }

    def card_html(
        self, bulletin: Bulletin, eager: bool, macro: Callable[..., str], *args: Any
    ) -> str:
        """`macro(<the card>, *args)`, rendered once per process and build: a template writes
        `{{ item['html'](card, 3) }}` for `{{ card(item, 3) }}` and gets the same bytes (one
        bulletin is a card on up to ~10 pages).

        The macro's output depends only on its arguments (macros are imported without
        context), and the key holds the macro itself, so another theme's or template's macro
        never shares an entry. Only the HTML is kept, not the card, to keep workers small, and
        as UTF-8: as str a card is two bytes a character (Vietnamese is outside Latin-1), and
        at 10,000 bulletins the main process held ~30 MB of cards by the last listing page.
        """
        key = (macro, bulletin.key, eager, args)
        found = self._card_html.get(key)
        if found is None:
            html = macro(self.card(bulletin, eager=eager), *args)
            self._card_html[key] = (
                html.encode("utf-8", "surrogatepass") if type(html) is Markup else html
            )
            return html
        if isinstance(found, bytes):
            return Markup(found.decode("utf-8", "surrogatepass"))
        return found

    def link(self, bulletin: Bulletin | None) -> dict[str, str] | None:
        """Title and URL of a neighbouring bulletin."""
        if bulletin is None:
            return None
        return {
            "title": bulletin.title,
            "url": self.bulletin_url(bulletin),
            "date": vn_short_date(bulletin.date),
            "lang": bulletin.lang,
        }

    def bulletin_url(self, bulletin: Bulletin) -> str:
        """A bulletin's page URL with the base path (Bulletin.url formats its date each time)."""
        found = self._bulletin_urls.get(bulletin.key)
        if found is None:
            found = self._bulletin_urls[bulletin.key] = self.url(bulletin.url)
        return found

    def stations(self) -> list[dict[str, Any]]:
        """The unit's [[contact.stations]] for the contact page, in site.toml's order, each
        number with the tel: link it dials ("" when it holds none a phone can dial)."""
        return [
            {
                "name": station.name,
                "address": station.address,
                "phones": [{"number": phone, "tel": tel_uri(phone)} for phone in station.phone],
                "hours": station.hours,
            }
            for station in self.config.contact.stations
        ]

    def officer(self) -> dict[str, str] | None:
        """[contact.officer] as the contact card and the footer show it, its phone with the
        tel: link it dials; None when site.toml names no officer."""
        officer = self.config.contact.officer
        if not officer.shown:
            return None
        return {
            "name": officer.name,
            "position": officer.position,
            "phone": officer.phone,
            "phone_tel": tel_uri(officer.phone),
            "email": officer.email,
        }

    def contact(self, *, with_qr: bool = True) -> dict[str, Any]:
        """Contact details for the contact layout, with the Zalo follow link and its QR code."""
        contact = self.config.contact
        oa = self.config.zalo.oa_id
        zalo = f"https://zalo.me/{oa}" if oa else ""
        return {
            "address": contact.address,
            "hotline": contact.hotline,
            "hotline_tel": tel_uri(contact.hotline),
            "emergency": contact.emergency,
            "emergency_tel": tel_uri(contact.emergency),
            # The header's button shows the number it dials, not the value's notes or a second one.
            "emergency_number": first_number(contact.emergency),
            "fax": contact.fax,
            "email": contact.email,
            "hours": contact.hours,
            "officer": self.officer(),
            "secrecy": contact.secrecy,
            # Where a tipster reads how to send one: the unit's own contact pages, by their titles.
            "pages": [
                {"title": page.title, "url": self.url(page.url), "lang": page.lang}
                for page in self.site.pages
                if page.layout == "contact"
            ],
            "stations": self.stations(),
            "stations_title": contact.stations_title,
            "zalo": zalo,
            "zalo_qr": (
                self.qr.svg(
                    zalo, label=f"Mã QR Trang Zalo {self.config.unit.name}", css_class="qr-zalo"
                )
                if zalo and with_qr
                else None
            ),
        }
