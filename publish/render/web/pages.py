"""Which pages the website has and what each template is given, computed here so templates stay simple."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property, partial
from typing import Any

from markupsafe import Markup

from publish import correction_text
from publish.cache import digest
from publish.contact_numbers import first_number, tel_uri
from publish.languages import english
from publish.model import Bulletin, Page
from publish.parallel import run_jobs
from publish.render.web.context import (
    COVER_SIZES,
    FOLLOW,
    FOLLOW_TEMPLATE,
    FOLLOW_URL,
    TAGS,
    TAGS_TEMPLATE,
    TAGS_URL,
    SiteContext,
)
from publish.render.web.images import SHARE_MIN_PX, Picture
from publish.render.web.markdown import same_text_marked, scroll_regions
from publish.render.web.phones import (
    EMERGENCY_NUMBERS,
    column_linker,
    emergency_linker,
    english_emergency_linker,
    own_numbers_linker,
)
from publish.render.web.quotes import attributed_quotes
from publish.render.web.seo import json_ld, news_article
from publish.render.web.tables import stacked_tables
from publish.text import vn_long_datetime, vn_month, vn_sort_key

__all__ = ["PageJob", "View", "Views", "output_path"]


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


@dataclass(frozen=True, slots=True)
class PageJob:
    """One page to render: `make` builds its View; `inputs` names everything the page is made of.

    `inputs` is cheap next to `make`: equal inputs (with the same templates, site.toml, tool
    and images) give equal pages, so a rebuild may reuse the page it made last time.
    """

    make: Callable[[], View]
    inputs: Callable[[], tuple[Any, ...]]


_STAMPED = tuple(f.name for f in fields(Bulletin) if f.name != "body")
"""Bulletin fields a page may show; the body is covered by the file digest."""


@dataclass(slots=True)
class Listing:
    """A paginated list: its first page's URL, heading, intro, and bulletins newest first."""

    url: str
    title: str
    bulletins: Sequence[Bulletin]
    current: str = ""
    section: str = ""
    """The menu entry its pages belong to without being it (a month's: «Lưu trữ»); its pages
    after the first belong to `current`'s."""
    intro: str = ""
    crumbs: list[tuple[str, str]] = field(default_factory=list)
    feed: str | None = None
    follow: str | None = None
    """Where the follow page tells how to follow this list (its part of the page)."""
    later_title: str = ""
    """What its pages after the first are called, when not `title`: the home page's title is
    the site's, and «<site title> — trang 2 | <unit>» named the unit twice to a screen reader."""
    pinned: Sequence[Bulletin] = ()
    """Bulletins shown above its first page's cards, in a block of their own (the home page's
    pinned ones): a theme leaves them out of the cards below (list.html), the pages after the
    first are as they would be without them."""


@dataclass(frozen=True, slots=True)
class _Ranks:
    """The web bulletins newest first, each one's rank there, and groups as bitmasks of ranks."""

    order: list[Bulletin]
    rank: dict[str, int]
    tags: dict[str, int]
    """Tag slug → bitmask with bit r set when order[r] has the tag."""
    categories: dict[str, int]
    """Category key → bitmask of its bulletins' ranks."""


def _bitmask(ranks: Iterable[int]) -> int:
    """An integer with bit r set for each r of `ranks` (built in one pass, not bit by bit)."""
    found = list(ranks)
    bits = bytearray((max(found, default=0) >> 3) + 1)
    for r in found:
        bits[r >> 3] |= 1 << (r & 7)
    return int.from_bytes(bits, "little")


PAGER_EDGE = 2
"""Page links kept at each end of a long list's pager."""
PAGER_AROUND = 2
"""Page links kept on each side of the current page."""


def _page_window(total: int, current: int) -> list[int]:
    """Page numbers a pager shows, 0 marking a gap: every page of a short list, else both ends
    and the pages around the current one (linking every page would make each page of a
    10,000-bulletin list hold 1,000 links, and the build quadratic).
    """
    shown = sorted(
        {n for n in range(1, total + 1) if n <= PAGER_EDGE or n > total - PAGER_EDGE}
        | set(range(max(1, current - PAGER_AROUND), min(total, current + PAGER_AROUND) + 1))
    )
    result: list[int] = []
    for n in shown:
        if result and n - result[-1] == 2:
            result.append(n - 1)  # a gap of one page is shown as that page
        elif result and n - result[-1] > 2:
            result.append(0)
        result.append(n)
    return result


def _list_lastmods(chunks: Sequence[Sequence[Bulletin]]) -> list[dt.datetime | None]:
    """When each page of a list (newest first) last changed for readers, its sitemap <lastmod>:
    the latest correction of a bulletin on it (its card shows the corrected title and summary,
    as Hugo dates a list by its pages' lastmod), and the newest date on it or on a page before
    it (each bulletin published ahead of a page moves every card of that page on by one)."""
    result: list[dt.datetime | None] = []
    newest: dt.datetime | None = None
    for chunk in chunks:
        for bulletin in chunk:
            if newest is None or bulletin.date > newest:
                newest = bulletin.date
        corrected = max((b.modified for b in chunk), default=None)
        result.append(newest if corrected is None or newest is None else max(newest, corrected))
    return result


def follow_anchor(category: str) -> str:
    """The id of a category's part of the follow page."""
    return f"nguon-{category}"


def output_path(url: str) -> str:
    """The file a site path is written to: "/a/b/" → "a/b/index.html", "/404.html" → "404.html"."""
    rel = url.lstrip("/")
    return rel if rel and not rel.endswith("/") else rel + "index.html"


class Views(SiteContext):
    """Every HTML page of the site, each with its template and context."""

    def listing(self, listing: Listing, *, template: str = "list.html") -> Iterator[View]:
        """Every page of a paginated list: /x/, /x/trang/2/, …"""
        for job in self.listing_jobs(listing, template=template):
            yield job.make()

    def listing_jobs(self, listing: Listing, *, template: str = "list.html") -> list[PageJob]:
        """One job per page of a paginated list, each building that page's View."""
        per_page = max(1, self.config.web.per_page)
        chunks = [
            listing.bulletins[i : i + per_page] for i in range(0, len(listing.bulletins), per_page)
        ] or [[]]
        urls = [listing.url] + [f"{listing.url}trang/{n}/" for n in range(2, len(chunks) + 1)]
        head = (
            "list",
            template,
            listing.url,
            listing.title,
            listing.current,
            listing.intro,
            tuple(listing.crumbs),
            listing.feed,
            len(urls),
        )
        changed = _list_lastmods(chunks)
        # A pin starting or ending (by the clock, too) changes the first page alone.
        pinned = tuple(self.stamp(b) for b in listing.pinned)
        return [
            PageJob(
                partial(self._listing_page, listing, template, urls, number, chunk, lastmod),
                partial(
                    self._stamps, (*head, number, lastmod, pinned if number == 1 else ()), chunk
                ),
            )
            for number, (chunk, lastmod) in enumerate(zip(chunks, changed, strict=True), start=1)
        ]

    def stamp(self, bulletin: Bulletin | None) -> str | None:
        """What a page can show of a bulletin, as a digest: every field but the body (its file
        digest stands in for it), its tags' addresses, and whether it is a --drafts preview.

        Memoised: one bulletin is stamped for its page, its neighbours', its related bulletins'
        and its list pages; a digest keeps each page's inputs short to hash.
        """
        if bulletin is None:
            return None
        found = self._stamp_memo.get(bulletin.key)
        if found is None:
            # The tags' addresses too: another bulletin's tag may move one (see publish.tags).
            found = self._stamp_memo[bulletin.key] = digest(
                *self._shown(bulletin),
                # Its banner's words too when edited after approval (a draft's are fixed).
                self.edited.get(bulletin.key) or self.site.is_preview(bulletin),
                self.tag_slugs.get(bulletin.key),
            )
        return found

    @staticmethod
    def _shown(bulletin: Bulletin) -> tuple[Any, ...]:
        """What decides the fields of a bulletin a page can show (see Bulletin.made_of)."""
        # Sets are sorted: their order (string hashing) differs from one process to the next.
        values = (
            tuple(sorted(v)) if isinstance(v, frozenset) else v for v in bulletin.made_of(*_STAMPED)
        )
        return (
            *values,
            bulletin.source,
            bulletin.key,
            bulletin.tags,
            bulletin.cover,
            bulletin.shown_images,
        )

    @cached_property
    def _link_numbers(self) -> tuple[Callable[[str], str], ...]:
        """Link the unit's hotline, its posts' and its officer's phones and the emergency numbers
        in a body (and nothing else that looks like a phone number)."""
        contact = self.config.contact
        # A bulletin telling a commune's residents to call their post writes its number as the
        # contact page lists it: one tap dials it, as the hotline's does.
        # So does the officer's: never the fax, which a phone would ring as a call.
        own = (
            contact.hotline,
            contact.officer.phone,
            *(phone for station in contact.stations for phone in station.phone),
        )
        return (
            own_numbers_linker({first_number(written): tel_uri(written) for written in own}),
            emergency_linker(self._emergency),
            *(column_linker(number, href) for number, href in self._emergency.items()),
        )

    @cached_property
    def _emergency(self) -> dict[str, str]:
        """The unit's emergency number ([contact] emergency) and the country's, with their
        tel: URIs, in that order."""
        written = (first_number(self.config.contact.emergency), *EMERGENCY_NUMBERS)
        return {number: tel_uri(number) for number in dict.fromkeys(written) if number}

    @cached_property
    def _link_english(self) -> Callable[[str], str]:
        """Link the emergency numbers an English body says to call («call 113», «Ambulance:
        115»): for a body in English only, where the Vietnamese cues never reach them."""
        return english_emergency_linker(self._emergency)

    def _body(self, html: str, lang: str = "") -> Markup:
        """A page body as it is shown: wide tables scroll (or stack on a phone), the unit's
        numbers dial (in a body in English, `lang`, also after English words), a quote's
        attribution stands apart, a link written as its address prints it once."""
        html = same_text_marked(scroll_regions(html, self.page_ids))
        # Text pasted from Word keeps its non-breaking spaces, written &nbsp; in the HTML: read
        # as the spaces they are, «gọi&nbsp;113» says to call 113 as «gọi 113» does.
        spaced = "&nbsp;" in html
        if spaced:
            html = html.replace("&nbsp;", "\u00a0")
        for link in self._link_numbers:
            html = link(html)
        if english(lang):
            html = self._link_english(html)
        if spaced:
            html = html.replace("\u00a0", "&nbsp;")
        return Markup(attributed_quotes(stacked_tables(html)))

    @cached_property
    def _stamp_memo(self) -> dict[str, str]:
        """Each stamped bulletin's stamp, by key (keys are unique within a site)."""
        return {}

    def _stamps(self, head: tuple[Any, ...], bulletins: Sequence[Bulletin]) -> tuple[Any, ...]:
        """`head` followed by the stamps of `bulletins`."""
        return (*head, *(self.stamp(b) for b in bulletins))

    def _listing_page(
        self,
        listing: Listing,
        template: str,
        urls: Sequence[str],
        number: int,
        chunk: Sequence[Bulletin],
        lastmod: dt.datetime | None,
    ) -> View:
        """Page `number` of a paginated list, last changed at `lastmod` (see _list_lastmods)."""
        url = urls[number - 1]
        name = listing.title if number == 1 else listing.later_title or listing.title
        title = name if number == 1 else f"{name} — trang {number}"
        # Every list's trail ends at its first page (a category's, a tag's, a month's): page 2
        # adds «Trang 2» only («Thẻ › lừa đảo › Thẻ: lừa đảo › Trang 2» named it twice).
        crumbs = list(listing.crumbs)
        context = self.base_context(
            url,
            title=title,
            description=listing.intro,
            current=listing.current if number == 1 else "",
            section=listing.section or listing.current,
            crumbs=crumbs + ([(f"Trang {number}", url)] if number > 1 else []),
            preview=any(self.site.is_preview(b) for b in chunk),
        )
        context.update(
            heading=name,
            page_number=number,
            intro=listing.intro,
            pinned=[
                self.card(b, eager=i == 0)
                for i, b in enumerate(listing.pinned if number == 1 else ())
            ],
            cards=[self.card(b, eager=i == 0) for i, b in enumerate(chunk)],
            pagination=self._pagination(urls, number),
            list_feed=self.url(listing.feed) if listing.feed else None,
            list_follow=self.url(listing.follow) if listing.follow and self.follow_page else None,
            # Each card of a category's list would name the category the page is about.
            category_list=listing.current.startswith("category:"),
        )
        return View(
            url,
            template,
            context,
            indexed=not context["noindex"],
            lastmod=lastmod,
        )

    def _pagination(self, urls: Sequence[str], number: int) -> dict[str, Any] | None:
        """Links to the previous, next and every page of a list (None for a single page)."""
        if len(urls) < 2:
            return None
        return {
            "prev": self.url(urls[number - 2]) if number > 1 else None,
            "next": self.url(urls[number]) if number < len(urls) else None,
            "pages": [
                {"number": n, "url": self.url(urls[n - 1]), "current": n == number, "gap": False}
                if n
                else {"gap": True}
                for n in _page_window(len(urls), number)
            ],
        }

    # Every page -----------------------------------------------------------

    def all(self) -> Iterator[View]:
        """Every HTML page of the site, in a stable order."""
        for job in self.jobs():
            yield job.make()

    def jobs(self) -> list[PageJob]:
        """Every HTML page of the site as a job that builds its View, in a stable order.

        Building a View is the costly part (Markdown, QR code, cards), so the jobs are cheap to
        list and can run in any process (see publish.parallel).
        """
        jobs = self.listing_jobs(
            Listing(
                "/",
                self.config.site.title,
                self.bulletins,
                current="home",
                later_title="Tin mới",
                pinned=self.pinned(),
            )
        )
        jobs += [
            PageJob(partial(self.bulletin, b, i), partial(self._bulletin_inputs, b, i))
            for i, b in enumerate(self.bulletins)
        ]
        for key, category in self.config.categories.items():
            jobs += self.listing_jobs(
                Listing(
                    self.category_url(key),
                    category.label,
                    self.by_category[key],
                    current=f"category:{key}",
                    intro=category.description,
                    crumbs=[(category.label, self.category_url(key))],
                    feed=f"{self.category_url(key)}feed.xml",
                    follow=f"{FOLLOW_URL}#{follow_anchor(key)}",
                )
            )
        if self.tags_page:
            jobs.append(PageJob(self.tags, self._tags_inputs))
        for slug in sorted(self.by_tag):
            label = self.tag_labels[slug]
            jobs += self.listing_jobs(
                Listing(
                    self.tag_url(slug),
                    f"Thẻ: {label}",
                    self.by_tag[slug],
                    intro=f"Các bản tin gắn thẻ “{label}”.",
                    crumbs=self._tag_crumbs(slug),
                )
            )
        jobs.append(PageJob(self.archive, self._archive_inputs))
        for (year, month), bulletins in sorted(self.by_month.items(), reverse=True):
            label = vn_month(year, month)
            jobs += self.listing_jobs(
                Listing(
                    self.month_url(year, month),
                    f"Lưu trữ {label.lower()}",
                    bulletins,
                    section="archive",
                    crumbs=[("Lưu trữ", "/luu-tru/"), (label, self.month_url(year, month))],
                )
            )
        jobs += [
            # A page's own fields, and the other pages in its language it lists (its first
            # page's «More in English»): a page added, renamed or reordered there changes it.
            PageJob(
                partial(self.page, page),
                partial(lambda p: ("page", repr(p), repr(self.same_language(p))), page),
            )
            for page in self.site.pages
        ]
        jobs.append(PageJob(self.search, self._search_inputs))
        if self.follow_page:
            # Made of site.toml alone, which every page's key already holds.
            jobs.append(PageJob(self.follow, lambda: ("follow",)))
        jobs.append(PageJob(self.not_found, lambda: ("404", *map(self.stamp, self.public[:5]))))
        return jobs

    def pinned(self) -> tuple[Bulletin, ...]:
        """The bulletins pinned at the build's clock that the home page shows above its list,
        newest first, at most [web] pinned_max."""
        most = self.config.web.pinned_max
        return self.site.pinned_now()[:most] if most > 0 else ()

    def _neighbours(self, index: int) -> tuple[Bulletin | None, Bulletin | None]:
        """The newer and the older bulletin next to bulletins[index]."""
        newer = self.bulletins[index - 1] if index > 0 else None
        older = self.bulletins[index + 1] if index + 1 < len(self.bulletins) else None
        return newer, older

    def _bulletin_inputs(self, bulletin: Bulletin, index: int) -> tuple[Any, ...]:
        """What a bulletin's page is made of: it, its neighbours and its related bulletins."""
        newer, older = self._neighbours(index)
        related = tuple(self.stamp(b) for b in self.related(bulletin))
        return ("bulletin", self.stamp(bulletin), self.stamp(newer), self.stamp(older), related)

    def _search_inputs(self) -> tuple[Any, ...]:
        """What the search page is made of: how many bulletins each category has."""
        return ("search", *(len(self.by_category[key]) for key in self.config.categories))

    def _tag_crumbs(self, slug: str) -> list[tuple[str, str]]:
        """A tag page's trail after «Trang chủ»: up through the tags page when there is one
        («Thẻ › lừa đảo», as a month's is «Lưu trữ › Tháng 5/2022»)."""
        label = self.tag_labels[slug]
        if not self.tags_page:
            return [(f"Thẻ: {label}", self.tag_url(slug))]
        return [(TAGS, TAGS_URL), (label, self.tag_url(slug))]

    def _tags_inputs(self) -> tuple[Any, ...]:
        """What the tags page is made of: each tag's address, label and count, the newest date
        (its sitemap <lastmod>)."""
        return ("tags", *self._tag_rows(), self._newest_tagged())

    def _tag_rows(self) -> list[tuple[str, str, int]]:
        """Each tag's slug, label and number of bulletins, in Vietnamese alphabetical order."""
        rows = [(slug, self.tag_labels[slug], len(found)) for slug, found in self.by_tag.items()]
        return sorted(rows, key=lambda row: (vn_sort_key(row[1]), row[0]))

    def _newest_tagged(self) -> dt.datetime | None:
        """The date of the newest bulletin with a tag."""
        return max((found[0].date for found in self.by_tag.values()), default=None)

    def _archive_inputs(self) -> tuple[Any, ...]:
        """What the archive index is made of: the months and their counts, the newest date."""
        months = tuple((key, len(b)) for key, b in sorted(self.by_month.items(), reverse=True))
        return ("archive", months, self.bulletins[0].date if self.bulletins else None)

    def shared(self, bulletin: Bulletin) -> tuple[str, dict[str, Any] | None]:
        """The description and og:image a link to `bulletin` is previewed with, as on its page."""
        image = self._share_picture(bulletin)
        return bulletin.summary or self.config.site.description, self.og_image(image)

    def _share_picture(self, bulletin: Bulletin) -> tuple[Picture, str] | None:
        """The bulletin's cover, else its first photo, that a share preview can show (None: the
        site's default cover): shared on Zalo or Facebook, it is told from the others. A cover
        under SHARE_MIN_PX (a unit's small logo) is passed over like a small photo: Facebook
        drops it and the preview had no picture at all."""
        refs = [bulletin.cover] if bulletin.cover else []
        for ref in [*refs, *bulletin.images_as_read]:
            picture = self.pictures.picture(ref.path, owner=bulletin.source)
            if min(picture.largest.width, picture.largest.height) >= SHARE_MIN_PX:
                return picture, ref.alt.strip() or bulletin.title
        return None

    def bulletin(self, bulletin: Bulletin, index: int) -> View:
        """One bulletin's page: cover, body, tags, previous/next, related, print QR."""
        category = self.config.categories[bulletin.category]
        preview = self.site.is_preview(bulletin)
        path = bulletin.url  # formats the date: once, not per use
        cover = None
        if bulletin.cover:
            cover = self.image(bulletin.cover, owner=bulletin.source, sizes=COVER_SIZES, eager=True)
        image = self._share_picture(bulletin)
        context = self.base_context(
            path,
            title=bulletin.title,
            description=bulletin.summary,
            # No trail: «Trang chủ › category» repeated the category line above the title (the
            # same link twice, three lines of a phone's first screen); the header links home.
            section=f"category:{bulletin.category}",
            image=image,
            preview=preview,
            og_type="article",
            lang=bulletin.lang,
        )
        context["edited_after_approval"] = self.edited.get(bulletin.key, "")
        og_image = context["og"]["image"]
        context["jsonld"] = json_ld(
            news_article(
                bulletin,
                config=self.config,
                url=context["canonical"],
                image=og_image["url"] if og_image else None,
            )
        )
        newer, older = self._neighbours(index)
        context.update(
            bulletin=bulletin,
            extra=bulletin.extra,
            body=self._body(str(self.body_html(bulletin)), bulletin.lang),
            cover=cover,
            date_iso=bulletin.date.isoformat(),
            date=vn_long_datetime(bulletin.date, timed=bulletin.timed),
            category={
                "label": category.label,
                "url": self.url(self.category_url(bulletin.category)),
            },
            tags=[
                {"label": t, "url": self.url(self.tag_url(self.site.tag_slug(t)))}
                for t in bulletin.tags
            ],
            older=self.link(older),
            newer=self.link(newer),
            related=[self.card(b) for b in self.related(bulletin)],
            print_url=context["canonical"],
            print_qr=self.qr.svg(
                context["canonical"], label=f"Mã QR của bài: {context['canonical']}"
            ),
            og_published=bulletin.date.isoformat(),
            og_modified=bulletin.modified.isoformat() if bulletin.corrections else None,
            corrections=[
                {"iso": c.date.isoformat(), "when": correction_text.when(c), "note": c.note}
                for c in bulletin.corrections
            ],
            updated=(
                {
                    "iso": bulletin.modified.isoformat(),
                    "lead": correction_text.updated_lead(bulletin.corrections[-1]),
                    "when": correction_text.when(bulletin.corrections[-1]),
                }
                if bulletin.corrections
                else None
            ),
            og_section=category.label,
            og_tags=list(bulletin.tags),
        )
        return View(
            path,
            "bulletin.html",
            context,
            source=bulletin.source,
            key=bulletin.key,
            indexed=not preview,
            lastmod=bulletin.modified,
        )

    def related(self, bulletin: Bulletin) -> list[Bulletin]:
        """Bulletins sharing the most tags, then the same category, newest first (memoised:
        a page's inputs and its rendering both need them)."""
        found = self._related.get(bulletin.key)
        if found is None:
            found = self._related[bulletin.key] = self._rank_related(bulletin)
        return found

    @cached_property
    def _ranks(self) -> _Ranks:
        """Bulletins newest first by (date, key), each one's rank there, and each tag's and
        category's bulletins as a bitmask of ranks."""
        order = sorted(self.bulletins, key=lambda b: (b.date, b.key), reverse=True)
        rank = {b.key: i for i, b in enumerate(order)}
        return _Ranks(
            order,
            rank,
            {slug: _bitmask(rank[b.key] for b in found) for slug, found in self.by_tag.items()},
            {key: _bitmask(rank[b.key] for b in found) for key, found in self.by_category.items()},
        )

    def _rank_related(self, bulletin: Bulletin) -> list[Bulletin]:
        """Bulletins sharing the most tags, then the same category, newest first.

        The same order as sorting every candidate by (shared tags, same category, date, key),
        without looking at each candidate: a popular tag makes thousands of them for each of
        10,000 pages. Bulletins are bits of an integer in rank order (newest lowest), so the
        bulletins sharing at least k tags are a few ANDs and ORs of the tags' masks, and the
        lowest set bits of a group are its newest.
        """
        limit = self.config.web.related
        if limit <= 0:
            return self._rank_related_slowly(bulletin)
        ranks = self._ranks
        me = ranks.rank[bulletin.key]
        masks = [ranks.tags[slug] for slug in self.tag_slugs[bulletin.key]]
        # at_least[k]: the bulletins sharing at least k of these tags (a bit-sliced counter).
        at_least = [0] * (len(masks) + 2)
        for j, mask in enumerate(masks):
            for k in range(j + 1, 1, -1):
                at_least[k] |= at_least[k - 1] & mask
            at_least[1] |= mask
        same = ranks.categories[bulletin.category]
        not_me = ~(1 << me)
        chosen: list[int] = []
        for k in range(len(masks), 0, -1):
            level = at_least[k] & ~at_least[k + 1] & not_me
            for group in (level & same, level & ~same):
                while group and len(chosen) < limit:
                    lowest = group & -group
                    chosen.append(lowest.bit_length() - 1)
                    group ^= lowest
            if len(chosen) == limit:
                return [ranks.order[r] for r in chosen]
        # Every bulletin sharing a tag is chosen: the newest of the same category fill the rest.
        rest = {ranks.rank[o.key] for o in self.by_category[bulletin.category][: limit + 1]}
        chosen += sorted(rest - set(chosen) - {me})
        return [ranks.order[r] for r in chosen[:limit]]

    def _rank_related_slowly(self, bulletin: Bulletin) -> list[Bulletin]:
        """Bulletins sharing the most tags, then the same category, newest first."""
        limit = self.config.web.related
        shared: Counter[str] = Counter()
        candidates: dict[str, Bulletin] = {}
        for slug in self.tag_slugs[bulletin.key]:
            for other in self.by_tag[slug]:
                shared[other.key] += 1
                candidates[other.key] = other
        # Lists are newest first, so only the first few of the category can still make the cut.
        for other in self.by_category[bulletin.category][: limit + 1]:
            candidates.setdefault(other.key, other)
        candidates.pop(bulletin.key, None)
        ranked = sorted(
            candidates.values(),
            key=lambda o: (shared[o.key], o.category == bulletin.category, o.date, o.key),
            reverse=True,
        )
        return ranked[:limit]

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
        context = self.base_context(
            "/luu-tru/",
            title="Lưu trữ bản tin",
            description="Các bản tin theo từng tháng.",
            current="archive",
            crumbs=[("Lưu trữ", "/luu-tru/")],
        )
        context["years"] = [{"year": y, "months": m} for y, m in years.items()]
        newest = self.bulletins[0].date if self.bulletins else None
        return View("/luu-tru/", "archive.html", context, lastmod=newest)

    def tags(self) -> View:
        """Every tag with its number of bulletins, in Vietnamese alphabetical order: where a
        reader trimming a tag page's address (/the/lua-dao/ → /the/) expects to land."""
        context = self.base_context(
            TAGS_URL,
            title=TAGS,
            description=f"Các thẻ gắn trên bản tin của {self.config.unit.name}: mỗi thẻ là một "
            "chủ đề, mở ra các bản tin về chủ đề đó.",
            crumbs=[(TAGS, TAGS_URL)],
        )
        context["intro"] = "Mỗi thẻ là một chủ đề; số trong ngoặc là số bản tin gắn thẻ đó."
        context["tags"] = [
            {"label": label, "url": self.url(self.tag_url(slug)), "count": count}
            for slug, label, count in self._tag_rows()
        ]
        return View(TAGS_URL, TAGS_TEMPLATE, context, lastmod=self._newest_tagged())

    def page(self, page: Page) -> View:
        """A standalone page; the contact layout adds the unit's contact details and Zalo QR."""
        context = self.base_context(
            page.url,
            title=page.title,
            description=page.summary,
            current=f"page:{page.slug}",
            crumbs=[(page.title, page.url)],
            preview=page.draft,
            lang=page.lang,
        )
        context.update(
            page=page,
            extra=page.extra,
            body=self._body(self.convert(page.body, page.source, eager_first=True), page.lang),
            contact=self.contact() if page.layout == "contact" else None,
            updated=self._page_updated(page),
            same_language=self.same_language(page),
        )
        return View(
            page.url,
            "page.html",
            context,
            source=page.source,
            indexed=not page.draft,
            lastmod=page.updated,
        )

    def _page_updated(self, page: Page) -> dict[str, str] | None:
        """A page's «Cập nhật ngày …» line (front matter `updated`), None when it has none."""
        if page.updated is None:
            return None
        moment = page.updated.astimezone(self.config.tz)
        lead, when = correction_text.updated_line(moment, timed=page.updated_timed)
        return {"iso": page.updated.isoformat(), "lead": lead, "when": when}

    def search(self) -> View:
        """The search page shell; the client-side index comes later (see search.py)."""
        context = self.base_context(
            "/tim-kiem/",
            title="Tìm kiếm",
            description=f"Tìm bản tin của {self.config.unit.name}.",
            current="search",
            crumbs=[("Tìm kiếm", "/tim-kiem/")],
        )
        return View("/tim-kiem/", "search.html", context)

    def follow(self) -> View:
        """How a reader follows the unit's news: its Zalo OA (when site.toml names one), or a
        feed reader app given the address of the site's feed or of one category's."""
        unit = self.config.unit.name
        ways = "Zalo hoặc ứng dụng đọc tin" if self.config.zalo.oa_id else "ứng dụng đọc tin"
        context = self.base_context(
            FOLLOW_URL,
            title=FOLLOW,
            description=f"Cách nhận bản tin mới của {unit} qua {ways}.",
            current="follow",
            crumbs=[(FOLLOW, FOLLOW_URL)],
        )
        context.update(
            contact=self.contact(),
            site_feed=self.absolute("/feed.xml"),
            category_feeds=[
                {
                    "anchor": follow_anchor(key),
                    "label": category.label,
                    "url": self.url(self.category_url(key)),
                    "feed": self.absolute(f"{self.category_url(key)}feed.xml"),
                }
                for key, category in self.config.categories.items()
            ],
        )
        return View(FOLLOW_URL, FOLLOW_TEMPLATE, context)

    def not_found(self) -> View:
        """The 404 page (not in the sitemap)."""
        context = self.base_context(
            "/404.html", title="Không tìm thấy trang", description="Trang bạn tìm không tồn tại."
        )
        context["noindex"] = True
        context["addressed"] = False
        context["latest"] = [self.card(b) for b in self.public[:5]]
        context["search_url"] = self.url("/tim-kiem/")
        return View("/404.html", "404.html", context, indexed=False)

    def prepare(self) -> None:
        """Do here, before the worker processes fork, what every one of them would otherwise
        redo (and hold a private copy of): each bulletin's stamp and the related-ranking masks."""
        # The stamps on both cores (~0.2 s of digests at 10,000 bulletins, the other core idle).
        jobs = [partial(self.stamp, bulletin) for bulletin in self.bulletins]
        for bulletin, found in zip(self.bulletins, run_jobs(jobs, chunk=256), strict=True):
            if found is not None:
                self._stamp_memo[bulletin.key] = found
        self._ranks  # noqa: B018 - a cached_property, computed once here
