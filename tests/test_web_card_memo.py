"""A bulletin's card is made once per build and shown on many pages (home, its category, its
tags, related lists): each of those pages must still count its cover image among its inputs,
so a page reused by the next build is refused when the image changed."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from markupsafe import Markup
from PIL import Image

from publish import config as config_module
from publish.config import BUILTIN_THEME
from publish.content import load_site
from publish.render.web import environment, images
from publish.render.web.images import Pictures
from publish.render.web.pages import Views
from tests.test_incremental import clean_build, run_build, tree
from tests.web_fixture import NOW, SITE

COVER = "canh-bao.jpg"
"""The cover of a fixture bulletin, listed on several pages (and no default cover)."""


def test_every_page_listing_a_card_notices_its_cover_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shrink the cover between builds: the rebuild equals a clean build, page by page."""
    monkeypatch.setenv("PUBLISH_WORKERS", "1")  # one process: later pages reuse the first card
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    run_build(root)
    images = root / "content" / "images"
    listed = [
        path
        for path, (data, _, _) in tree(root / "output" / "web").items()
        if path.endswith(".html") and b"/anh/canh-bao-" in data
    ]
    assert len(listed) >= 5, "the cover should appear on several pages"
    with Image.open(images / COVER) as image:
        smaller = image.convert("RGB").resize((image.width // 2, image.height // 3))
    smaller.save(images / COVER, "JPEG")

    run_build(root)
    after = tree(root / "output")
    clean = clean_build(root, tmp_path / "clean")
    assert sorted(after) == sorted(clean)
    differ = [path for path in after if after[path][0] != clean[path][0]]
    assert not differ, f"pages still show the old cover: {differ}"


def test_card_html_is_rendered_once_per_build_and_never_shared(tmp_path: Path) -> None:
    """A card's HTML is made once per build (Views), and two builds in one process never
    share it: the second one's base path shows in its own HTML."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    site = load_site(config_module.load(root), now=NOW)
    first = Views(site, Pictures(root, (320, 640), url=lambda p: "/" + p))
    second = Views(site, Pictures(root, (320, 640), url=lambda p: "/khac/" + p))
    bulletin = next(b for b in first.bulletins if b.cover)
    # A macro is an attribute Jinja gives the template's module as it runs it.
    card = environment(BUILTIN_THEME).get_template("_macros.html").module.card  # type: ignore[attr-defined]
    calls: list[tuple[object, ...]] = []

    def macro(*args: object) -> Markup:
        """The card macro, noting each call."""
        calls.append(args)
        return card(*args)

    html = first.card(bulletin)["html"](macro, 3)
    again = first.card(bulletin)["html"](macro, 3)
    assert again == html
    assert isinstance(again, Markup)  # kept as UTF-8, given back as markup, not escaped again
    assert len(calls) == 1
    assert html == card(first.card(bulletin), 3)
    assert "<h3" in html and 'srcset="/anh/' in html
    assert first.card(bulletin)["html"](macro) != html  # another level is another entry
    other = second.card(bulletin)["html"](macro, 3)
    assert len(calls) == 3
    assert 'srcset="/khac/anh/' in other


def test_a_card_made_again_reuses_its_dates_and_cover_but_still_records_the_cover(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One bulletin is a card on up to ~10 pages: its dates are formatted and its cover's
    srcset spelt once per build, the card the same each time as a fresh build's, and every
    card still records its cover for the page it is on (the first test's reuse check)."""
    from publish.render.web import context

    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    site = load_site(config_module.load(root), now=NOW)
    made: list[str] = []
    views = Views(site, Pictures(root, (320, 640), url=lambda p: "/" + p))
    bulletin = next(b for b in views.bulletins if b.cover)
    assert bulletin.cover is not None
    formatted = context.vn_short_date

    def formatting(d: dt.datetime) -> str:
        """`vn_short_date`, noting a date formatted."""
        made.append("date")
        return formatted(d)

    monkeypatch.setattr(context, "vn_short_date", formatting)
    spelt = views.pictures.srcset

    def spelling(p: images.Picture) -> str:
        """`srcset`, noting a srcset spelt."""
        made.append("srcset")
        return spelt(p)

    monkeypatch.setattr(views.pictures, "srcset", spelling)
    recorded: list[str] = []
    picture = views.pictures.picture

    def picturing(path: str, owner: str) -> images.Picture:
        """`picture`, noting the image asked for."""
        recorded.append(path)
        return picture(path, owner=owner)

    monkeypatch.setattr(views.pictures, "picture", picturing)
    cards = [views.card(bulletin) for _ in range(10)]
    assert sorted(made) == ["date", "srcset"]
    assert recorded == [bulletin.cover.path] * 10
    fresh = Views(site, Pictures(root, (320, 640), url=lambda p: "/" + p)).card(bulletin)
    for card in cards:
        assert {k: v for k, v in card.items() if k != "html"} == {
            k: v for k, v in fresh.items() if k != "html"
        }
        assert list(card) == list(fresh)
