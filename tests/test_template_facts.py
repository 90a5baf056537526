"""Which themes let a page be reused when a bulletin is added: only those that show the
categories' counts nowhere but on the search page."""

from __future__ import annotations

import shutil

import pytest

from publish.config import BUILTIN_THEME
from publish.render.web import environment
from publish.render.web.template_facts import theme_facts


def facts_with(tmp_path, name: str, text: str):
    """The facts of the built-in theme with template `name` replaced by `text`."""
    theme = tmp_path / "templates"
    shutil.copytree(BUILTIN_THEME, theme)
    (theme / "web" / name).write_text(text, encoding="utf-8")
    return theme_facts(theme, environment(theme))


def test_the_built_in_theme_shows_counts_only_on_the_search_page() -> None:
    """The menu on every page reads only labels and addresses."""
    facts = theme_facts(BUILTIN_THEME, environment(BUILTIN_THEME))
    assert not facts.counts_everywhere and facts.reusable


@pytest.mark.parametrize(
    ("snippet", "everywhere"),
    [
        ("{% for c in categories %}{{ c.label }} {{ c['url'] }}{{ c.key }}{% endfor %}", False),
        ("{% for c in categories %}{{ c.label }} ({{ c.count }}){% endfor %}", True),
        ("{% for c in categories %}{{ c['count'] }}{% endfor %}", True),
        ("{% for c in categories %}{{ c }}{% endfor %}", True),
        ("{% for c in categories %}{{ c|tojson }}{% endfor %}", True),
        ("{{ categories|tojson }}", True),
        ("{{ categories|map(attribute='count')|sum }}", True),
        ("{% set cs = categories %}{% for c in cs %}{{ c.label }}{% endfor %}", True),
        ("{% for c in categories %}{{ c[field] }}{% endfor %}", True),
        ("{% for key, c in categories %}{{ c.label }}{% endfor %}", True),
        ("{% include 'search.html' %}", True),
        ("{% include name %}", True),
        ("<p>{{ title }}</p>", False),
    ],
)
def test_a_template_that_may_show_counts_makes_every_page_depend_on_them(
    tmp_path, snippet: str, everywhere: bool
) -> None:
    """Any use of the categories but reading a count-free field counts as showing them."""
    assert facts_with(tmp_path, "extra.html", snippet).counts_everywhere is everywhere


def test_the_search_page_may_show_them(tmp_path) -> None:
    """The search page's own inputs hold the counts: it alone may show them freely."""
    search = (BUILTIN_THEME / "web" / "search.html").read_text(encoding="utf-8")
    assert "count" in search
    assert not facts_with(tmp_path, "search.html", search + "{{ categories }}").counts_everywhere


def test_a_broken_template_keeps_nothing(tmp_path) -> None:
    """A template that does not parse is reported when rendered; no page is reused meanwhile."""
    assert not facts_with(tmp_path, "extra.html", "{% for %}").reusable


def test_an_editors_swap_and_thumbnail_files_change_nothing(tmp_path) -> None:
    """vim rewrites .base.html.swp as the designer types: every page was remade, none reused."""
    theme = tmp_path / "templates"
    shutil.copytree(BUILTIN_THEME, theme)
    before = theme_facts(theme, environment(theme))
    (theme / "web" / ".base.html.swp").write_bytes(b"b0VIM 9.0\x00\xff\xfe")
    (theme / "web" / "base.html~").write_text("{{ categories|tojson }}", encoding="utf-8")
    (theme / "web" / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    assert theme_facts(theme, environment(theme)) == before
