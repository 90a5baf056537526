"""Site.is_preview: whether a bulletin is shown only by a --drafts preview, by its key, as the
site is built, copied with dataclasses.replace and pickled for a later replay."""

from __future__ import annotations

import dataclasses
import pickle

from publish import config as config_module
from publish.model import Bulletin, Site, pack_text
from tests.web_fixture import NOW, SITE

CONFIG = config_module.load(SITE)


def _bulletin(i: int) -> Bulletin:
    """A web bulletin «tin-i»."""
    return Bulletin(
        key=f"tin-{i}",
        slug=f"tin-{i}",
        title=f"Tin {i}",
        date=NOW,
        category=next(iter(CONFIG.categories)),
        summary="",
        packed_body=pack_text(""),
        source=f"content/bai-viet/tin-{i}.md",
        channels=frozenset({"web"}),
    )


def test_previews_are_told_by_key_and_published_ones_are_not() -> None:
    made = [_bulletin(i) for i in range(300)]
    site = Site(CONFIG, NOW, tuple(made[:100]), previews=tuple(made[100:]))
    assert not any(site.is_preview(b) for b in made[:100])
    assert all(site.is_preview(b) for b in made[100:])
    # A copy of a preview (as the loader makes for `draft: [web]`) is the same bulletin.
    assert site.is_preview(dataclasses.replace(made[150], channels=frozenset({"web", "zalo"})))


def test_a_site_copied_or_pickled_tells_its_own_previews() -> None:
    """The replay keeps the site pickled; `publish zalo-preview` copies it without previews."""
    made = [_bulletin(i) for i in range(4)]
    site = Site(CONFIG, NOW, tuple(made[:2]), previews=tuple(made[2:]))
    again = pickle.loads(pickle.dumps(site, pickle.HIGHEST_PROTOCOL))
    assert again == site
    assert [again.is_preview(b) for b in made] == [False, False, True, True]
    alone = dataclasses.replace(site, bulletins=(made[2],), previews=())
    assert not alone.is_preview(made[2]) and not alone.is_preview(made[3])
    more = dataclasses.replace(site, previews=(made[0],))
    assert [more.is_preview(b) for b in made] == [True, False, False, False]


def test_without_drafts_nothing_is_a_preview() -> None:
    made = [_bulletin(i) for i in range(3)]
    assert not any(Site(CONFIG, NOW, tuple(made)).is_preview(b) for b in made)
