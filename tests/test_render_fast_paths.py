"""Shortcuts of the website's cold build, each compared with the full way it replaces: the
same cache keys (an incremental build finds what the last one stored), the same results."""

from __future__ import annotations

import shutil

from hypothesis import given, settings
from hypothesis import strategies as st

from publish import config as config_module
from publish.cache import Encoded, digest
from publish.content import load_site
from publish.render.web.images import Pictures
from publish.render.web.pages import Views
from tests.web_fixture import NOW, SITE

_ATOMS = st.one_of(
    st.text(max_size=30),
    st.binary(max_size=30),
    st.integers(),
    st.booleans(),
    st.none(),
)
_PARTS = st.one_of(
    _ATOMS,
    st.lists(st.text(max_size=12), max_size=6),
    st.tuples(st.text(max_size=12), st.integers()),
    st.frozensets(st.text(max_size=8), max_size=4).map(sorted),
)


@settings(max_examples=60)
@given(st.lists(st.tuples(_PARTS, st.booleans()), max_size=6))
def test_an_encoded_part_gives_the_key_of_the_value_itself(parts) -> None:
    """Any part encoded once, alone or inside a tuple, hashes as the value would."""
    plain = [value for value, _ in parts]
    encoded = [Encoded(value) if once else value for value, once in parts]
    assert digest(*encoded) == digest(*plain)
    assert digest(tuple(encoded)) == digest(tuple(plain))


def test_a_text_part_encoded_is_no_repr_of_it() -> None:
    """Text and bytes are hashed as they are, not as their repr (a body's key since ever)."""
    assert digest(Encoded("ảnh")) == digest("ảnh") != digest(repr("ảnh"))
    assert digest(Encoded(b"a")) == digest(b"a") != digest(Encoded("a"))


def test_a_body_is_cached_under_the_key_it_always_had(tmp_path) -> None:
    """`convert` keys each body with the site's pages and reserved ids encoded once per build:
    the same key as the lists written out for each body, so a build after this change finds
    what the last one stored."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    site = load_site(config_module.load(root), now=NOW)
    ids = frozenset({"noi-dung", "tim-kiem", "a"})
    views = Views(site, Pictures(root, (320, 640), url=lambda p: "/" + p), page_ids=ids)
    views.folder_pages = frozenset({"/x/b", "/x/a"})
    asked: list[str] = []
    views.fragments.get = lambda key: asked.append(key)  # type: ignore[method-assign]
    bulletin = views.bulletins[0]
    views.convert(bulletin.body, bulletin.source, eager_first=True)
    assert asked == [
        views.fragments.key(
            "body-html",
            bulletin.body,
            bulletin.source,
            True,
            views.prefix,
            ["/x/a", "/x/b"],
            ["a", "noi-dung", "tim-kiem"],
        )
    ]
