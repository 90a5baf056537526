"""A cold build does not ask the cache for what it cannot hold (each body's HTML, each search
document's fields): the next build still finds every one of them, and nothing else changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cache import Fragments, owned_kind
from publish.content import load_site
from publish.model import Site
from publish.render.web import search
from publish.render.web.images import Pictures
from publish.render.web.pages import Views
from publish.render.web.search import Lexicon, SearchDoc
from tests.web_fixture import NOW, SITE


def _site(tmp_path: Path) -> Site:
    """The web fixture's site, in a folder of its own (its own .cache/)."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    return load_site(config_module.load(root), now=NOW)


def _views(site: Site) -> Views:
    """The website's views of `site`, as a build makes them."""
    root = site.config.root
    return Views(site, Pictures(root, (320, 640), url=lambda p: "/" + p))


def test_the_cache_says_which_kinds_it_holds(tmp_path: Path) -> None:
    """No file, or entries of other kinds only: no; an owner's entry of the kind (a build's or
    a preview's, which share keys): yes."""
    cache = Fragments(tmp_path)
    assert not cache.holds_kind("body-html")
    cache.put("k1", "v")  # no owner: no kind
    assert cache.path.exists() and not cache.holds_kind("body-html")
    with cache.batched():
        cache.put("k2", "v", owner="a.md", kind=owned_kind("body-html", True))
    assert cache.holds_kind("body-html")  # a preview's entry is one a build may find too
    assert not cache.holds_kind("search-fields")


def test_a_cache_it_cannot_read_is_asked_as_ever(tmp_path: Path) -> None:
    """A cache file that is no database: lookups go on (and find nothing), as before."""
    cache = Fragments(tmp_path)
    cache.path.parent.mkdir(parents=True)
    cache.path.write_bytes(b"not a database" * 100)
    assert cache.holds_kind("body-html")


def test_bodies_are_converted_unasked_then_found_by_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first build never looks a body up and stores each; the next looks each up and
    converts none, with the same HTML."""
    site = _site(tmp_path)
    first = _views(site)
    asked: list[str] = []
    real_get = Fragments.get

    def getting(self: Fragments, key: str) -> object | None:
        """`Fragments.get`, noting the key asked."""
        asked.append(key)
        return real_get(self, key)

    monkeypatch.setattr(Fragments, "get", getting)
    made = [first.convert(b.body, b.source, eager_first=False) for b in first.bulletins]
    assert made and not asked
    first.fragments.flush()

    second = _views(site)

    def converted(*args: object, **kwargs: object) -> str:
        """A body the cache should have given."""
        raise AssertionError("converted again")

    monkeypatch.setattr(second.markdown, "convert", converted)
    again = [second.convert(b.body, b.source, eager_first=False) for b in second.bulletins]
    assert again == made
    assert len(asked) == len(made)


def test_search_fields_are_indexed_unasked_then_found_by_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first index never looks a document's fields up; the next finds each of them,
    and both make the same files."""
    site = _site(tmp_path)
    asked: list[str] = []
    real_get = Fragments.get

    def getting(self: Fragments, key: str) -> object | None:
        """`Fragments.get`, noting the key asked."""
        asked.append(key)
        return real_get(self, key)

    monkeypatch.setattr(Fragments, "get", getting)
    cache = Fragments(site.config.root)
    with cache.batched():
        first = search._build(site, cache)
    assert not asked

    real_fields = search.doc_fields
    indexed: list[str] = []

    def fields(doc: SearchDoc, *lexicon: Lexicon) -> dict[str, int]:
        """`doc_fields`, noting the document indexed."""
        indexed.append(doc.url)
        return real_fields(doc, *lexicon)

    monkeypatch.setattr(search, "doc_fields", fields)
    cache = Fragments(site.config.root)
    with cache.batched():
        second = search._build(site, cache)
    assert second == first
    assert len(asked) == len(search._numbered(site)) and not indexed
