"""Shortcuts of the website's cold build, each compared with the full way it replaces: the
same cache keys (an incremental build finds what the last one stored), the same results."""

from __future__ import annotations

import hashlib
import pickle
import shutil
from pathlib import Path

import jinja2
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from publish import config as config_module
from publish.cache import Encoded, digest
from publish.config import BUILTIN_THEME
from publish.content import load_site
from publish.model import Artifact
from publish.render import web
from publish.render.web import environment
from publish.render.web.escaping import QUICK, quick_escape
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
def test_an_encoded_part_gives_the_key_of_the_value_itself(
    parts: list[tuple[object, bool]],
) -> None:
    """Any part encoded once, alone or inside a tuple, hashes as the value would."""
    plain = [value for value, _ in parts]
    encoded = [Encoded(value) if once else value for value, once in parts]
    assert digest(*encoded) == digest(*plain)
    assert digest(tuple(encoded)) == digest(tuple(plain))


def test_a_text_part_encoded_is_no_repr_of_it() -> None:
    """Text and bytes are hashed as they are, not as their repr (a body's key since ever)."""
    assert digest(Encoded("ảnh")) == digest("ảnh") != digest(repr("ảnh"))
    assert digest(Encoded(b"a")) == digest(b"a") != digest(Encoded("a"))


def test_a_body_is_cached_under_the_key_it_always_had(tmp_path: Path) -> None:
    """`convert` keys each body with the site's pages and reserved ids encoded once per build:
    the same key as the lists written out for each body, so a build after this change finds
    what the last one stored."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    site = load_site(config_module.load(root), now=NOW)
    ids = frozenset({"noi-dung", "tim-kiem", "a"})
    views = Views(site, Pictures(root, (320, 640), url=lambda p: "/" + p), page_ids=ids)
    views.folder_pages = frozenset({"/x/b", "/x/a"})
    stored: list[str] = []
    views.fragments.put = lambda key, value, **_: stored.append(key)  # type: ignore[method-assign]
    bulletin = views.bulletins[0]
    views.convert(bulletin.body, bulletin.source, eager_first=True)
    assert stored == [
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


class _Html:
    """An object that writes its own HTML (as a theme's value may)."""

    def __init__(self, text: str) -> None:
        """Hold `text`."""
        self.text = text

    def __html__(self) -> str:
        """The text, as HTML."""
        return self.text


class _Text(str):
    """A str subclass (not markup)."""


_HTMLISH = st.text(alphabet=st.sampled_from("ab<>&'\"ễ \n\x00"), max_size=12)
_VALUES = st.one_of(
    _HTMLISH,
    _HTMLISH.map(Markup),
    _HTMLISH.map(_Html),
    _HTMLISH.map(_Text),
    st.integers(),
    st.floats(allow_nan=False),
    st.none(),
    st.booleans(),
)


_THEME_ESCAPE = quick_escape if QUICK else escape
"""What a theme's compiled templates call: the quick escape only where escaping.QUICK allows."""


@pytest.mark.skipif(not QUICK, reason="quick_escape is used with Jinja 3.1 and markupsafe 3 only")
@settings(max_examples=150)
@given(_VALUES)
def test_quick_escape_is_markupsafes_escape(value: object) -> None:
    """The same text, as Markup, for text, markup, objects writing HTML and any other value."""
    quick, full = quick_escape(value), escape(value)
    assert type(quick) is Markup
    assert str(quick) == str(full)


@settings(max_examples=40)
@given(_VALUES, _VALUES, _HTMLISH)
def test_theme_templates_escape_as_jinja_does(a: object, b: object, c: str) -> None:
    """A template compiled by the theme's environment writes what Jinja's own writes: outputs,
    joins (~), macros and filters, with the quick escape in its code."""
    source = (
        "{% macro m(x) %}<i>{{ x }}</i>{% endmacro %}"
        "{{ a }}|{{ b ~ c }}|{{ m(a) }}|{{ m(b) | upper }}|{% set t = c ~ a %}{{ t }}|{{ c | e }}"
    )
    theme = environment(BUILTIN_THEME).from_string(source)
    plain = jinja2.Environment(autoescape=True).from_string(source)
    assert theme.root_render_func.__globals__["escape"] is _THEME_ESCAPE
    values = {"a": a, "b": b, "c": c}
    assert theme.render(values) == plain.render(values)


def test_an_imported_macro_sees_the_globals_jinja_would_give_it() -> None:
    """`{% from … import %}` in a theme's template: the macros' module is Jinja's shared one
    when the page has no global the macros' template lacks, and one made with the page's own
    globals when it has (a template loaded with globals=…), as with Jinja's own Template."""
    sources = {
        "m.html": "{% macro shout(x) %}{{ x }}-{{ extra | default('none') }}{% endmacro %}",
        "page.html": '{% from "m.html" import shout %}{{ shout(a) }}',
    }

    def rendered(env: jinja2.Environment) -> list[str]:
        """The page rendered twice without page globals, then with one."""
        page = env.get_template("page.html")
        first, again = page.render(a="<b>"), page.render(a="x")
        shared = env.get_template("m.html").module
        assert page.render(a="y") == again.replace("x", "y")  # the shared module, reused
        assert env.get_template("m.html").module is shared
        own = env.get_template("page.html", globals={"extra": "riêng"})
        return [first, again, own.render(a="z")]

    theme = environment(BUILTIN_THEME)
    theme.loader = jinja2.DictLoader(sources)
    plain = jinja2.Environment(autoescape=True, loader=jinja2.DictLoader(sources))
    assert rendered(theme) == rendered(plain) == ["&lt;b&gt;-none", "x-none", "z-riêng"]


def test_the_themes_templates_use_the_quick_escape() -> None:
    """Each built-in template and the macros they import (else the shortcut is never taken);
    markupsafe's own escape with a Jinja other than 3.1 (pyproject allows any from 3.1 on)."""
    env = environment(BUILTIN_THEME)
    for name in ("base.html", "bulletin.html", "list.html", "_macros.html"):
        assert env.get_template(name).root_render_func.__globals__["escape"] is _THEME_ESCAPE


def test_a_page_s_digest_taken_where_it_was_made_is_the_digest_of_its_bytes(tmp_path: Path) -> None:
    """Pages come with their digest (taken for their reuse record), across processes too: the
    writer records it instead of hashing the page again, so it must be the bytes' own."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    site = load_site(config_module.load(root), now=NOW)
    artifacts = [a for a in web.render(site) if isinstance(a, Artifact)]
    pages = [a for a in artifacts if a.sha256 is not None]
    assert len(pages) > 10 and all(a.path.endswith(".html") for a in pages)
    for artifact in artifacts:
        assert artifact.digest == hashlib.sha256(artifact.data).hexdigest()
        copy = pickle.loads(pickle.dumps(artifact))
        assert copy == artifact and copy.sha256 == artifact.sha256


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aả. -_/", max_size=8), min_size=1, max_size=4))
def test_an_image_s_variant_stem_is_its_file_name_s_as_pathlib_gives_it(
    parts: list[str],
) -> None:
    """Variants are named after the image's file name without its suffix, taken by text for
    speed: the same slug as from PurePosixPath(path).stem, or a rebuild would name (and so
    rewrite) every variant anew."""
    from pathlib import PurePosixPath

    from publish.render.web.images import _stem
    from publish.text import slugify

    path = "/".join(parts)
    last = PurePosixPath(path).name
    # '.' or '..' as the last name: no image file is named so.
    assume(path.strip("/") != "" and path.rstrip("/").rpartition("/")[2] == last)
    assert _stem(path) == slugify(PurePosixPath(path).stem)
