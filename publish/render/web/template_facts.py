"""What page reuse needs to know of the theme's templates, read from their source when they
change."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.utils import internalcode

from publish.cache import Fragments
from publish.config import BUILTIN_THEME
from publish.editor_files import is_clutter
from publish.render.web.escaping import QUICK, QuickEscapeTemplate, css_string
from publish.template_faults import TemplateNameError

__all__ = [
    "SEARCH_TEMPLATE",
    "THEME_FILTERS",
    "WHOLE_SITE",
    "ThemeEnvironment",
    "ThemeFacts",
    "theme_facts",
]

WHOLE_SITE = "site"
"""The template variable holding the whole Site (every bulletin, the clock): a template that
uses it may change with any bulletin, so its pages are never reused."""
CATEGORIES = "categories"
"""The template variable listing the categories, each with its bulletin count."""
SEARCH_TEMPLATE = "search.html"
"""The search page's template: the one built-in page that shows the categories' counts."""
THEME_FILTERS = {"css_string": css_string}
"""The filters a theme's templates have besides Jinja's own."""
COUNTLESS_FIELDS = frozenset({"key", "label", "description", "url"})
"""The fields of a category entry that do not change when a bulletin is added or removed."""


@dataclass(frozen=True, slots=True)
class ThemeFacts:
    """What the build needs to know of the theme's templates to reuse pages safely."""

    digest: str
    """Digest of every template file (which theme, not where it is)."""
    reusable: bool
    """Whether page reuse is safe: no template uses `site`."""
    uses_root: bool
    """Whether a template may show where the project lives (mentions `root`)."""
    counts_everywhere: bool
    """Whether a page other than the search page may show the categories' bulletin counts:
    then adding or removing any bulletin changes every page's inputs."""


class ThemeEnvironment(jinja2.Environment):
    """A Jinja environment that parses the same template source once per process: a cold
    build compiled each template (its check), then parsed it again for theme_facts (~50 ms
    of a 1,000-bulletin build, the theme's nine templates). Jinja's compiler and the walks
    here read a tree and never change it (tests/test_template_facts.py checks it): Jinja's
    optimizer, which folds a constant expression (`'@<wbr>'|safe`, `1 + 2`) into the tree it
    compiles, is off. Its templates escape with `quick_escape`."""

    template_class = QuickEscapeTemplate if QUICK else jinja2.Template

    def __init__(self, **options: Any) -> None:
        """A Jinja environment with `options` and the theme's own filters (THEME_FILTERS)."""
        super().__init__(**options)
        self.filters.update(THEME_FILTERS)
        # A folded constant would change the kept tree the facts are read from, and a filter's
        # value folded for one build would stay in the tree the next one compiles (serve).
        self.optimized = False

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The tree of `source`, parsed by this or another such environment with the same
        syntax (the lexer Jinja shares between environments of one configuration)."""
        key = (source, self.lexer, tuple(self.extensions))
        tree = _PARSED.get(key)
        if tree is None:
            tree = super()._parse(source, name, filename)  # a syntax error is not kept
            # Kept attached to a bare copy of the settings, not to this environment: a build's
            # environment holds the whole site in its globals, which a kept tree would keep.
            tree.set_environment(_bare(self))
            if len(_PARSED) >= PARSED_MAX:
                _PARSED.clear()
            _PARSED[key] = tree
        return tree

    # Each @internalcode, as Jinja's own loading is: left out of a template's traceback, the
    # fault is at the template's line, not in the tool's code.
    @internalcode
    def get_template(
        self,
        name: str | jinja2.Template,
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        """Jinja's, refusing a value that is no single name: what extends, import and from ask
        for (an include of a value comes here only as a text), which take one name, not a
        list (`{% extends [a, b] %}`: «'list' object has no attribute 'split'»)."""
        if not isinstance(name, (str, jinja2.Template, jinja2.Undefined)):
            raise TemplateNameError(name, listed=False)
        return super().get_template(name, parent, globals)

    @internalcode
    def select_template(
        self,
        names: Iterable[str | jinja2.Template],
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        """Jinja's (an include of a value that is no text), refusing one that is no collection
        of names (`{% include 1 %}`: Jinja tried to loop over it, «'int' object is not
        iterable» as a `for` over a number). Nothing (undefined, none) or an empty list is
        still Jinja's: «ignore missing» skips it; a dict is still the list of its keys."""
        if names is None or isinstance(names, jinja2.Undefined):
            return super().select_template(names, parent, globals)
        # Before asking whether it is empty: 0 or false is no name (it was told «trống», and
        # skipped with «ignore missing», while 1 was refused).
        if not isinstance(names, Iterable):
            raise TemplateNameError(names)
        # Names a filter gives one at a time (|map, |select): Jinja's «not found» message reads
        # them again by index, and crashed on them («'generator' object is not subscriptable»),
        # as on a dict's keys (KeyError: -1).
        listed = names if isinstance(names, Sequence) else list(names)
        return super().select_template(listed, parent, globals)

    @internalcode
    def join_path(self, template: str, parent: str) -> str:
        """Jinja's, refusing a name of an include's list that is no text (`{% include [s, 1]
        %}`: «'int' object has no attribute 'split'»); asked of each name only as Jinja comes
        to it, so a list whose first name is found works as before."""
        if not isinstance(template, (str, jinja2.Undefined)):
            raise TemplateNameError(template)
        return super().join_path(template, parent)


class _Tracking(jinja2.meta.TrackingCodeGenerator):
    """Jinja's walk for the names a template reads, without its optimizer, which folds constant
    expressions into the tree it walks (jinja2.meta turns it on, whatever the environment)."""

    def __init__(self, environment: jinja2.Environment) -> None:
        """A walk of trees of `environment`'s syntax that leaves them as parsed."""
        CodeGenerator.__init__(
            self, environment, "<introspection>", "<introspection>", optimized=False
        )
        self.undeclared_identifiers: set[str] = set()


def undeclared(tree: nodes.Template) -> set[str]:
    """The names `tree` reads from its context (jinja2.meta.find_undeclared_variables), the
    tree left as parsed: it is kept for the next compile and walk (ThemeEnvironment)."""
    assert tree.environment is not None  # a parsed tree has one (Parser sets it)
    walk = _Tracking(tree.environment)
    walk.visit(tree)
    return walk.undeclared_identifiers


def _bare(env: jinja2.Environment) -> jinja2.Environment:
    """An environment of `env`'s syntax, with no loader nor globals: what a kept tree is read
    with (jinja2.meta walks it with its environment; a compiler uses its own)."""
    found = _BARE.get(env.lexer)
    if found is None:
        if len(_BARE) >= PARSED_MAX:
            _BARE.clear()
        found = _BARE[env.lexer] = jinja2.Environment(
            block_start_string=env.block_start_string,
            block_end_string=env.block_end_string,
            variable_start_string=env.variable_start_string,
            variable_end_string=env.variable_end_string,
            comment_start_string=env.comment_start_string,
            comment_end_string=env.comment_end_string,
            line_statement_prefix=env.line_statement_prefix,
            line_comment_prefix=env.line_comment_prefix,
            trim_blocks=env.trim_blocks,
            lstrip_blocks=env.lstrip_blocks,
            newline_sequence=env.newline_sequence,
            keep_trailing_newline=env.keep_trailing_newline,
        )
        found.filters.update(THEME_FILTERS)  # jinja2.meta's walk fails on a filter unknown
    return found


_PARSED: dict[tuple[str, object, tuple[str, ...]], nodes.Template] = {}
"""Template trees by source (and the syntax they were parsed with)."""
PARSED_MAX = 64
"""Trees kept at most (a theme has ~10 templates; `publish serve` parses each edit anew)."""
_BARE: dict[object, jinja2.Environment] = {}
"""The environment kept trees are attached to, by lexer (Jinja's one for their syntax)."""

_READ: dict[str, ThemeFacts] = {}
"""Facts already read in this process, by digest: `publish serve` rebuilds, and the test suite
builds hundreds of fresh projects (no .cache/), all on the same few themes (~0.25 s a read)."""
READ_THEMES = 8
"""Themes whose facts are remembered at most (the most recently used)."""


def theme_facts(
    theme: Path, env: jinja2.Environment, fragments: Fragments | None = None
) -> ThemeFacts:
    """Read every template of `theme` for what page reuse depends on; with `fragments`, the
    facts of the same template files are kept there and read back instead (parsing the theme
    and walking it for undeclared names took ~60 ms of every build, one edit's included)."""
    # Which theme, not where it is: a project moved (a CI runner's workspace path often
    # changes between jobs) keeps its pages.
    h = hashlib.sha256(b"builtin" if theme == BUILTIN_THEME else b"own")
    templates: list[tuple[str, bytes]] = []
    folder = theme / "web"
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if any(is_clutter(part) for part in name.split("/")):
            continue  # vim's swap file changes with each keystroke: pages would all be remade
        data = path.read_bytes()
        h.update(name.encode() + b"\0")
        h.update(len(data).to_bytes(8, "little") + data)
        templates.append((name, data))
    digest = h.hexdigest()
    # The facts are those of the file names and bytes the digest covers (the key adds the tool).
    key = fragments.key("theme-facts", digest) if fragments is not None else ""
    kept = fragments.get(key) if fragments is not None else None
    if isinstance(kept, ThemeFacts) and kept.digest == digest:
        return kept
    facts = _READ.pop(digest, None) or _read_facts(digest, templates, env)
    # The last READ_THEMES read, not the first: the test suite's one-off themes (a test editing
    # a template) filled the memo early in a worker and the common themes were read every build.
    _READ[digest] = facts
    while len(_READ) > READ_THEMES:
        del _READ[next(iter(_READ))]
    if fragments is not None:
        fragments.put(key, facts)
    return facts


def _read_facts(
    digest: str, templates: list[tuple[str, bytes]], env: jinja2.Environment
) -> ThemeFacts:
    """The facts of the templates (name, source bytes) whose digest is `digest`."""
    reusable = True
    uses_root = False
    counts_everywhere = False
    for name, data in templates:
        try:
            parsed = env.parse(data.decode("utf-8"))
        except (UnicodeDecodeError, jinja2.TemplateSyntaxError):
            reusable = False  # rendering reports it; nothing is kept meanwhile
            continue
        if WHOLE_SITE in undeclared(parsed):
            reusable = False
        uses_root = uses_root or (b"root" in data and _names_root(env, data.decode("utf-8")))
        if name != SEARCH_TEMPLATE and _may_show_counts(parsed):
            counts_everywhere = True
    return ThemeFacts(digest, reusable, uses_root, counts_everywhere)


def _may_show_counts(template: nodes.Template) -> bool:
    """Whether `template` may show a category's count or pull in the search page.

    Safe is only `{% for c in categories %}` whose body reads `c.key`, `c['label']` and the
    like: any other use of either name (a filter, a macro argument, `{{ c }}`) counts as
    showing the counts. A wrong guess costs speed, never a stale page.
    """
    for ref in template.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        target = ref.template  # type: ignore[attr-defined]  # each of the four has one
        if not isinstance(target, nodes.Const) or target.value == SEARCH_TEMPLATE:
            return True
    safe: set[int] = set()
    loop_names: set[str] = set()
    for loop in template.find_all(nodes.For):
        if not (isinstance(loop.iter, nodes.Name) and loop.iter.name == CATEGORIES):
            continue
        if not isinstance(loop.target, nodes.Name):
            return True
        safe.add(id(loop.iter))
        loop_names.add(loop.target.name)
        for access in loop.find_all((nodes.Getattr, nodes.Getitem)):
            assert isinstance(access, (nodes.Getattr, nodes.Getitem))
            inner = access.node
            if isinstance(inner, nodes.Name) and inner.name == loop.target.name:
                field: Any = access.attr if isinstance(access, nodes.Getattr) else access.arg
                if isinstance(field, nodes.Const):
                    field = field.value
                if field in COUNTLESS_FIELDS:
                    safe.add(id(inner))
    return any(
        id(name) not in safe
        for name in template.find_all(nodes.Name)
        if name.ctx != "store" and (name.name == CATEGORIES or name.name in loop_names)
    )


def _names_root(env: jinja2.Environment, source: str) -> bool:
    """Whether «root» is written anywhere in `source` but its comments: a theme's comment
    saying «the disk's root» made every page's key hold where the project lives, so a project
    checked out in another folder (CI) rendered every page again."""
    return any(
        "root" in value
        for _, kind, value in env.lex(source)
        if kind not in ("comment_begin", "comment", "comment_end")
    )
