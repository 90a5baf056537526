"""Related bulletins: the fast ranking gives exactly the order of sorting every candidate."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from publish import config as config_module
from publish.model import Bulletin, Site, pack_text
from publish.render.web.images import Pictures
from publish.render.web.pages import Views
from tests.web_fixture import NOW, SITE

CONFIG = config_module.load(SITE)
CATEGORIES = tuple(CONFIG.categories)
TAGS = ("Lừa đảo", "lừa đảo", "Ma túy", "Giao thông", "Mạng xã hội", "An ninh", "Thủ tục")
"""A small pool, so tags overlap; the first two share a slug and count as one tag."""
DATES = tuple(NOW - dt.timedelta(days=d // 2, hours=d % 2) for d in range(5))
"""Few dates, so many bulletins tie and their keys decide."""

BULLETINS = st.lists(
    st.tuples(
        st.sampled_from(DATES),
        st.sampled_from(CATEGORIES),
        st.lists(st.sampled_from(TAGS), max_size=4, unique=True),
        st.booleans(),
    ),
    max_size=25,
)


def views_of(items: list, related: int) -> Views:
    """Views of a site holding one bulletin per item (date, category, tags, preview)."""
    made = [
        Bulletin(
            key=f"tin-{i}",
            slug=f"tin-{i}",
            title=f"Tin {i}",
            date=date,
            category=category,
            summary="",
            packed_body=pack_text(""),
            source=f"content/bai-viet/tin-{i}.md",
            tags=tuple(tags),
            channels=frozenset({"web"}),
        )
        for i, (date, category, tags, _) in enumerate(items)
    ]
    previews = tuple(b for b, item in zip(made, items, strict=True) if item[3])
    published = tuple(
        sorted((b for b in made if b not in previews), key=lambda b: (b.date, b.key), reverse=True)
    )
    config = dataclasses.replace(CONFIG, web=dataclasses.replace(CONFIG.web, related=related))
    site = Site(config, NOW, published, previews=previews)
    return Views(site, Pictures(config.root, config.web.image_widths, url=str))


@settings(max_examples=300, deadline=None)
@given(items=BULLETINS, related=st.integers(min_value=0, max_value=8))
def test_fast_related_ranking_equals_sorting_every_candidate(items: list, related: int) -> None:
    views = views_of(items, related)
    for bulletin in views.bulletins:
        fast = [b.key for b in views.related(bulletin)]
        slow = [b.key for b in views._rank_related_slowly(bulletin)]
        assert fast == slow, bulletin.key


def test_related_prefers_more_shared_tags_then_the_same_category_then_newer() -> None:
    cat_a, cat_b = CATEGORIES[:2]
    items = [
        (DATES[0], cat_a, ["Ma túy", "An ninh"], False),  # tin-0: the page
        (DATES[0], cat_b, ["Ma túy", "An ninh"], False),  # tin-1: shares two tags
        (DATES[1], cat_a, ["Ma túy"], False),  # tin-2: one tag, same category
        (DATES[0], cat_b, ["Ma túy"], False),  # tin-3: one tag, newer, other category
        (DATES[0], cat_a, [], False),  # tin-4: no tag, same category, newest
    ]
    views = views_of(items, 4)
    page = next(b for b in views.bulletins if b.key == "tin-0")
    assert [b.key for b in views.related(page)] == ["tin-1", "tin-2", "tin-3", "tin-4"]


def test_a_stamp_changes_with_what_a_page_shows() -> None:
    items = [(DATES[0], CATEGORIES[0], ["Ma túy"], False), (DATES[1], CATEGORIES[0], [], True)]
    views = views_of(items, 4)
    first, second = sorted(views.bulletins, key=lambda b: b.key)
    again = views_of(items, 4)
    assert views.stamp(first) == again.stamp(first)
    retitled = dataclasses.replace(first, title="Tin khác")
    assert views_of(items, 4).stamp(retitled) != views.stamp(first)
    # The same bulletin as a --drafts preview is shown with a banner: another stamp.
    published = views_of([items[0], (*items[1][:3], False)], 4)
    assert published.stamp(second) != views.stamp(second)
