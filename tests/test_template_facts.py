"""Which themes let a page be reused when a bulletin is added: only those that show the
categories' counts nowhere but on the search page."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2.meta
import jinja2.nodes
import pytest

from publish.cache import Fragments
from publish.cli import main
from publish.config import BUILTIN_THEME
from publish.render.web import environment, template_facts
from publish.render.web.template_facts import ThemeFacts, theme_facts, undeclared
from tests.web_fixture import NOW, SITE


def facts_with(tmp_path: Path, name: str, text: str) -> ThemeFacts:
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
    tmp_path: Path, snippet: str, everywhere: bool
) -> None:
    """Any use of the categories but reading a count-free field counts as showing them."""
    assert facts_with(tmp_path, "extra.html", snippet).counts_everywhere is everywhere


def test_the_search_page_may_show_them(tmp_path: Path) -> None:
    """The search page's own inputs hold the counts: it alone may show them freely."""
    search = (BUILTIN_THEME / "web" / "search.html").read_text(encoding="utf-8")
    assert "count" in search
    assert not facts_with(tmp_path, "search.html", search + "{{ categories }}").counts_everywhere


def test_a_broken_template_keeps_nothing(tmp_path: Path) -> None:
    """A template that does not parse is reported when rendered; no page is reused meanwhile."""
    assert not facts_with(tmp_path, "extra.html", "{% for %}").reusable


def test_an_editors_swap_and_thumbnail_files_change_nothing(tmp_path: Path) -> None:
    """vim rewrites .base.html.swp as the designer types: every page was remade, none reused."""
    theme = tmp_path / "templates"
    shutil.copytree(BUILTIN_THEME, theme)
    before = theme_facts(theme, environment(theme))
    (theme / "web" / ".base.html.swp").write_bytes(b"b0VIM 9.0\x00\xff\xfe")
    (theme / "web" / "base.html~").write_text("{{ categories|tojson }}", encoding="utf-8")
    (theme / "web" / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    assert theme_facts(theme, environment(theme)) == before


def test_a_build_with_the_same_templates_does_not_read_them_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parsing every template and walking it for the names it uses took ~60 ms of every build,
    one edit's included: the facts of the same files are kept in .cache/."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    argv = ["build", "--root", str(root), "--now", NOW.isoformat(), "-q", "--channel", "web"]
    assert main(argv) == 0
    walked: list[object] = []
    find = template_facts.undeclared

    def finding(ast: jinja2.nodes.Template) -> set[str]:
        """`undeclared` (jinja2.meta's walk), noting the template walked."""
        walked.append(ast)
        return find(ast)

    monkeypatch.setattr(template_facts, "undeclared", finding)
    post = next((root / "content" / "bai-viet").glob("*.md"))
    post.write_text(post.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    assert main(argv) == 0
    assert walked == []
    shutil.copytree(BUILTIN_THEME, root / "templates")  # the project's own copy of the theme
    (root / "templates" / "web" / "extra.html").write_text("{{ site }}", encoding="utf-8")
    assert main(argv) == 0
    assert walked  # other templates are read


def test_facts_kept_for_other_templates_are_not_taken(tmp_path: Path) -> None:
    """The facts are kept under the templates' bytes: an edit reads them anew."""
    theme = tmp_path / "templates"
    shutil.copytree(BUILTIN_THEME, theme)
    fragments = Fragments(tmp_path)
    assert not theme_facts(theme, environment(theme), fragments).counts_everywhere
    assert not theme_facts(theme, environment(theme), fragments).counts_everywhere  # kept
    (theme / "web" / "extra.html").write_text("{{ categories|tojson }}", encoding="utf-8")
    assert theme_facts(theme, environment(theme), fragments).counts_everywhere
    (theme / "web" / "extra.html").write_text("{{ site.bulletins }}", encoding="utf-8")
    facts = theme_facts(theme, environment(theme), fragments)
    assert not facts.reusable and not facts.counts_everywhere


@pytest.mark.parametrize(
    ("snippet", "uses_root"),
    [
        ("{# links point at the disk's root #}<p>{{ title }}</p>", False),
        ("<p>{{ config.root }}</p>", True),
        ("<p>{{ config['root'] }}</p>", True),
        ("<!-- root --><p>{{ title }}</p>", True),
    ],
)
def test_only_a_template_that_may_show_the_projects_folder_keys_pages_on_it(
    tmp_path: Path, snippet: str, uses_root: bool
) -> None:
    """A comment naming «root» says nothing of where the project lives; anything else might."""
    assert facts_with(tmp_path, "extra.html", snippet).uses_root is uses_root


def test_a_cold_build_parses_each_template_of_the_theme_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiling a template (the build's check) and reading the theme's facts parse its
    source once between them: the second parse cost a cold build ~50 ms."""
    from jinja2.parser import Parser

    from publish.render.web import template_facts

    monkeypatch.setattr(template_facts, "_PARSED", {}, raising=False)  # as in a new process
    monkeypatch.setattr(template_facts, "_READ", {})
    monkeypatch.setattr("publish.render.web.kept_templates._KEPT", {})
    monkeypatch.setattr("publish.render.web.kept_templates._BY_SOURCE", {})
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    parsed: list[str | None] = []
    parse = Parser.parse

    def counted(self: Parser) -> jinja2.nodes.Template:
        """Parser.parse, counted."""
        parsed.append(self.stream.name)
        return parse(self)

    monkeypatch.setattr(Parser, "parse", counted)
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    assert main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q"]) == 0
    templates = sorted(p.name for p in (BUILTIN_THEME / "web").glob("*.html"))
    assert len(parsed) == len(templates), parsed


def test_a_tree_is_the_same_after_jinja_compiled_and_walked_it() -> None:
    """Trees are shared between compiling and reading facts: neither may change one (a
    Jinja release that did would fail here, not give wrong facts)."""
    env = environment(BUILTIN_THEME)
    for path in sorted((BUILTIN_THEME / "web").glob("*.html")):
        source = path.read_text(encoding="utf-8")
        tree = env.parse(source)
        fresh = jinja2.Environment(
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True
        ).parse(source)
        assert tree == fresh
        env.compile(source, path.name, str(path))
        undeclared(tree)
        theme_facts(BUILTIN_THEME, env)
        assert tree == fresh, path.name
        assert tree.environment is not env  # a build's environment holds its whole site


def test_an_own_template_s_constant_expressions_leave_its_tree_as_parsed() -> None:
    """A unit's template may hold expressions Jinja's optimizer folds into the tree it compiles
    (the default theme's mail_link does: '@<wbr>'|safe): the kept tree stays as parsed."""
    env = environment(BUILTIN_THEME)
    source = "{{ 'a'|upper }}{{ 1 + 2 }}{{ x|replace('@', '@<wbr>'|safe) }}{% include 'a' ~ 'b' %}"
    tree = env.parse(source)
    fresh = jinja2.Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.compile(source, "rieng.html")
    assert undeclared(tree) == {"x"}
    assert tree == fresh.parse(source)
