"""Compiled theme templates are kept for the whole process, and never outlive an edit."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
import pytest

from publish.cli import main
from publish.config import BUILTIN_THEME
from tests.web_fixture import NOW, SITE


def project(tmp_path: Path, name: str, mark: str) -> Path:
    """A copy of the web fixture with its own theme, whose pages end with `mark`."""
    root = tmp_path / name
    shutil.copytree(SITE, root)
    shutil.rmtree(root / "templates", ignore_errors=True)
    shutil.copytree(BUILTIN_THEME, root / "templates")
    mark_pages(root, mark)
    return root


def mark_pages(root: Path, mark: str) -> None:
    """Put `mark` at the end of the theme's base template."""
    base = root / "templates" / "web" / "base.html"
    text = base.read_text(encoding="utf-8").split("<!-- dấu:")[0]
    base.write_text(f"{text}<!-- dấu:{mark} -->\n", encoding="utf-8")


def build(root: Path) -> str:
    """Build the website in this process, without .cache/; the home page's text."""
    shutil.rmtree(root / ".cache", ignore_errors=True)
    assert (
        main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q", "--channel", "web"])
        == 0
    )
    return (root / "output" / "web" / "index.html").read_text(encoding="utf-8")


def test_each_project_and_each_edit_gets_its_own_templates(tmp_path: Path) -> None:
    """Two projects built in one process (publish serve, the tests) each show their own theme,
    and an edit to a template shows in the next build, with .cache/ deleted each time."""
    first, second = project(tmp_path, "a", "MỘT"), project(tmp_path, "b", "HAI")
    assert "dấu:MỘT" in build(first)
    assert "dấu:HAI" in build(second)
    mark_pages(first, "BA")
    home = build(first)
    assert "dấu:BA" in home and "dấu:MỘT" not in home


def test_a_second_project_with_the_built_in_theme_compiles_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiling the theme cost every build of a project without .cache/ ~0.25 s."""
    first, second = tmp_path / "a", tmp_path / "b"
    for root in (first, second):
        shutil.copytree(SITE, root)
        shutil.rmtree(root / "templates", ignore_errors=True)
    build(first)
    compiled: list[str | None] = []
    compile_template = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment,
        source: str | jinja2.nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> str | CodeType:
        """Environment.compile, noting the template compiled."""
        compiled.append(name)
        return compile_template(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    build(second)
    assert compiled == []
    home = Path("output", "web", "index.html")
    assert (second / home).read_bytes() == (first / home).read_bytes()
