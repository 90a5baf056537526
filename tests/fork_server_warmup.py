"""Imported by the fork server only (tests/hang_guard.py's PRELOADED): compiles the built-in web
theme and reads its facts once, into the process caches a build keeps them in
(publish.render.web.kept_templates, template_facts), so that each forked `publish check` or
`build` of a project on that theme starts as a second build in one process does (~0.23 s of
CPU less each; the first did it all again). An edited or own theme is still compiled anew: the
caches are keyed by the templates' bytes. Not imported by the test process, whose in-process
builds keep filling these caches themselves."""

from __future__ import annotations

from publish.config import BUILTIN_THEME
from publish.render.web import environment
from publish.render.web.template_facts import theme_facts


def warm() -> None:
    """Compile every template of the built-in theme and read its facts, as a build does."""
    env = environment(BUILTIN_THEME)
    for name in env.list_templates():
        env.get_template(name)
    theme_facts(BUILTIN_THEME, env)


warm()
