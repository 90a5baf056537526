"""The escaping of a theme's `{{ … }}` outputs, as markupsafe does it but cheaper per value.

A page prints ~140 values and Jinja escapes each with `markupsafe.escape`, whose Markup
constructor runs in Python (~30 % of a page's template time on the 1,000-bulletin corpus).
`quick_escape` makes the same Markup for text and passes markup through as it is; anything
else goes to markupsafe. Templates a ThemeEnvironment compiles call it instead
(`QuickEscapeTemplate`). `css_string` writes a value into a <style> element instead.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import Any

import jinja2
from markupsafe import Markup, escape

try:  # markupsafe 3: the C part escapes text, a Python function wraps it
    from markupsafe import _escape_inner
except ImportError:  # pragma: no cover - markupsafe 2 escapes all in C: nothing to gain
    QUICK = False
else:
    # Template._from_namespace is Jinja's own: only the 3.1 series is known to call it so.
    # (importlib.metadata would cost a no-op build ~15 ms of imports: see publish.replay)
    QUICK = getattr(jinja2, "__version__", "").startswith("3.1.")

__all__ = ["QuickEscapeTemplate", "css_string", "quick_escape"]

_new_str = str.__new__


def quick_escape(value: Any) -> Markup:
    """`markupsafe.escape(value)`: the same text, as Markup."""
    if type(value) is str:
        # Markup(text) is str.__new__(Markup, text) behind a Python-level __new__.
        return _new_str(Markup, _escape_inner(value))
    if type(value) is Markup:
        return value  # escape() copies it: Markup(value.__html__()), the same text
    return escape(value)


CSS_UNSAFE_RE = re.compile(r"[\x00-\x1f\x7f\"'\\<>&]")
"""What may not stand as itself in a quoted CSS string inside a <style> element: a quote or
backslash ends or bends the string, a line break ends it, `<` starts `</style>` (an HTML
entity is not read there: autoescaping would print «&#34;» on paper)."""


def css_string(value: object) -> Markup:
    """`value` as a double-quoted CSS string (a theme's `{{ x|css_string }}` in a <style>
    element): each character of CSS_UNSAFE_RE written as a six-digit CSS escape, which takes
    no space after it, so a unit's name or number in site.toml is printed as written and can
    end neither the string nor the element."""
    text = CSS_UNSAFE_RE.sub(lambda m: f"\\{ord(m[0]):06x}", str(value))
    return Markup(f'"{text}"')


class QuickEscapeTemplate(jinja2.Template):
    """A template whose compiled code escapes with `quick_escape` (the code is Jinja's, as
    kept by the bytecode cache: only the name it calls is bound to another function)."""

    @classmethod
    def _from_namespace(
        cls,
        environment: jinja2.Environment,
        namespace: MutableMapping[str, Any],
        globals: MutableMapping[str, Any],
    ) -> jinja2.Template:
        """Jinja's template of a module's namespace, its `escape` made `quick_escape`."""
        if QUICK and namespace.get("escape") is escape:
            namespace["escape"] = quick_escape
        return super()._from_namespace(environment, namespace, globals)

    def _get_default_module(self, ctx: jinja2.runtime.Context | None = None) -> Any:
        """Jinja's module of this template for `{% import %}`/`{% from … import %}` in `ctx`.

        Jinja 3.1 first asks which globals of the importing page this template lacks as
        `ctx.globals_keys - self.globals.keys()`: a set minus a ChainMap's keys view runs in
        Python, a containment test through every map per name (~11 µs, on each page that
        imports the macros). `set.difference` gives the same names in C (~2 µs).
        """
        if QUICK and ctx is not None and not ctx.globals_keys.difference(self.globals):
            ctx = None  # no name to add: Jinja's shared module, as it would decide itself
        return super()._get_default_module(ctx)
