"""A note when the unit's own theme leaves out what a newer built-in theme shows readers."""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.meta

from publish.config import BUILTIN_THEME
from publish.correction_text import HEADING
from publish.errors import Problem
from publish.model import Site

__all__ = ["BULLETIN_TEMPLATE", "LIST_TEMPLATE", "missing_corrections", "missing_pinned"]

BULLETIN_TEMPLATE = "bulletin.html"
CORRECTIONS = "corrections"
"""The template variable listing a bulletin's corrections (see render.web.pages)."""
LIST_TEMPLATE = "list.html"
PINNED = "pinned"
"""The template variable listing the home page's pinned bulletins (see render.web.pages)."""
NAMED_AT_MOST = 3
"""Bulletins named in the note; the others are counted."""


def missing_corrections(site: Site, theme: Path, env: jinja2.Environment) -> list[Problem]:
    """A warning when a published bulletin has corrections and the unit's own bulletin template
    (or what it extends and includes) never uses `corrections`: readers would not see them."""
    if theme == BUILTIN_THEME:
        return []
    corrected = [b.source for b in site.for_channel("web") if b.corrections]
    if not corrected or _uses(env, BULLETIN_TEMPLATE, CORRECTIONS, set()):
        return []
    return [
        _missing(
            BULLETIN_TEMPLATE,
            f"không hiện khung «{HEADING}»: người đọc website không thấy đính chính của "
            f"{len(corrected)} bản tin đã đăng ({_named(corrected)})",
            CORRECTIONS,
            f"khung «{HEADING}», giữa tiêu đề và tóm tắt",
        )
    ]


def missing_pinned(site: Site, theme: Path, env: jinja2.Environment) -> list[Problem]:
    """A warning when a bulletin is pinned now and the unit's own list template (or what it
    extends and includes) never uses `pinned`: the home page shows it in its place, unpinned."""
    if theme == BUILTIN_THEME or site.config.web.pinned_max <= 0:
        return []
    pinned = [b.source for b in site.for_channel("web") if b.pinned and b.pinned_at(site.now)]
    if not pinned or _uses(env, LIST_TEMPLATE, PINNED, set()):
        return []
    return [
        _missing(
            LIST_TEMPLATE,
            f"không hiện khung «Tin cần chú ý»: {len(pinned)} bản tin ghim (pinned) không được "
            f"đưa lên đầu trang chủ ({_named(pinned)})",
            PINNED,
            "khung «Tin cần chú ý» trên danh sách",
        )
    ]


def _named(files: list[str]) -> str:
    """The first NAMED_AT_MOST files, the others counted."""
    more = len(files) - NAMED_AT_MOST
    return ", ".join(files[:NAMED_AT_MOST]) + (f" và {more} bài khác" if more > 0 else "")


def _missing(template: str, what: str, variable: str, block: str) -> Problem:
    """The warning that the unit's own `template` leaves out what the built-in one shows
    (`what`), with how to bring back the `block` reading `variable` and its style."""
    shown = f"templates/web/{template}"
    return Problem(
        shown,
        f"mẫu giao diện riêng {template} {what}",
        hint=f"Chép lại {shown} và templates/assets/style.css từ giao diện mặc định "
        f"({BUILTIN_THEME / 'web' / template} và {BUILTIN_THEME / 'assets' / 'style.css'}), "
        f"hoặc thêm vào bản của đơn vị phần '{{% if {variable} %}}…{{% endif %}}' ({block}) "
        f"và kiểu '.{variable}' của giao diện mặc định.",
        severity="warning",
    )


def _uses(env: jinja2.Environment, name: str, variable: str, seen: set[str]) -> bool:
    """Whether template `name`, or one it extends, includes or imports by a fixed name, reads
    `variable`. A template that is missing or does not compile counts as reading it: the
    template checks report it, and one problem is enough."""
    if name in seen:
        return False
    seen.add(name)
    assert env.loader is not None
    try:
        source, _, _ = env.loader.get_source(env, name)
        parsed = env.parse(source)
    except (jinja2.TemplateNotFound, jinja2.TemplateSyntaxError):
        return True
    if variable in jinja2.meta.find_undeclared_variables(parsed):
        return True
    return any(
        _uses(env, used, variable, seen)
        for used in jinja2.meta.find_referenced_templates(parsed)
        if used is not None
    )
