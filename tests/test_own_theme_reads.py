"""The own-theme notes decide whether a template reads a page variable from its parsed tree,
without compiling it: they must agree with Jinja's own analysis, or a unit's theme showing the
corrections, pinned bulletins or footer lines would be told it does not (or the reverse)."""

from __future__ import annotations

import jinja2.meta
import pytest
from jinja2 import nodes

from publish.config import BUILTIN_THEME
from publish.render.web import environment
from publish.render.web.theme_notes import Parsed, _reads

ASKED = ("corrections", "pinned", "footer_legal", "report_box", "footer", "contact")
"""The variables the notes ask about, and the contact the built-in theme reads."""
SHADOWED = {
    "set": "{% set corrections = [] %}{{ corrections }}",
    "set after the read": "{{ corrections }}{% if x %}{% set corrections = 1 %}{% endif %}",
    "loop": "{% for pinned in x %}{{ pinned }}{% endfor %}{{ pinned }}",
    "macro argument": "{% macro f(footer) %}{{ footer }}{% endmacro %}{{ f(1) }}",
    "call block argument": "{% call(pinned) f() %}{{ pinned }}{% endcall %}",
    "with": "{% with corrections = 1 %}{{ corrections }}{% endwith %}",
    "imported": "{% from 'x.html' import report_box %}{{ report_box }}",
    "imported as": "{% from 'x.html' import box as report_box %}{{ report_box }}",
    "module": "{% import 'x.html' as report_box %}{{ report_box }}",
    "macro": "{% macro report_box() %}{% endmacro %}{{ report_box() }}",
    "only read": "{{ report_box }}{% set other = 1 %}",
    "never named": "{{ other }}",
    "namespace attribute set": "{% set corrections.x = 1 %}",
    "namespace declared": "{% set pinned = namespace() %}{% set pinned.x = 1 %}",
}


def cases() -> list[tuple[str, str]]:
    """(name, source) of each built-in template and of each shadowing form above."""
    built_in = sorted((BUILTIN_THEME / "web").glob("*.html"))
    return [(path.name, path.read_text("utf-8")) for path in built_in] + list(SHADOWED.items())


@pytest.mark.parametrize(("name", "source"), cases(), ids=[name for name, _ in cases()])
def test_a_template_reads_a_variable_as_jinja_says(name: str, source: str) -> None:
    """Every variable the template names, and each one the notes ask about."""
    tree = environment(BUILTIN_THEME).parse(source)
    undeclared = jinja2.meta.find_undeclared_variables(tree)
    named = {found.name for found in tree.find_all(nodes.Name)}
    parsed = Parsed.of(tree)
    for variable in sorted(named | set(ASKED)):
        assert _reads(parsed, variable) == (variable in undeclared), (name, variable)
