"""The team's code standards, checked where CI runs: ruff lint and format, mypy type hints."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a Python tool module from the repository root, capturing its report."""
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "args",
    [("ruff", "check", "."), ("ruff", "format", "--check", ".")],
    ids=["lint", "format"],
)
def test_ruff_finds_nothing(args: tuple[str, ...]) -> None:
    result = run_tool(*args)
    assert result.returncode == 0, result.stdout + result.stderr


def test_type_hints_hold() -> None:
    """mypy with the settings in pyproject.toml: every function annotated, every hint true."""
    result = run_tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_built_in_theme_ships_inside_the_package() -> None:
    """`pip install .` (not only -e) must carry the theme: publish/theme links to templates/,
    and every theme file's kind is listed in the package data (a wheel once held no theme, so
    a project without its own templates/ could not be built)."""
    import fnmatch
    import tomllib

    from publish.config import BUILTIN_THEME

    theme = REPO / "publish" / "theme"
    assert theme.resolve() == (REPO / "templates").resolve() == BUILTIN_THEME.resolve()
    patterns = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["publish"]
    files = [p for p in theme.rglob("*") if p.is_file()]
    assert files
    for path in files:
        # The whole path under publish/: the starter's "starter/ci/*" matches any file's name.
        inside = path.relative_to(REPO / "publish").as_posix()
        assert any(fnmatch.fnmatch(inside, p) for p in patterns), path


SAMPLE_UNIT_WORDS = re.compile(r"Châu Thành|Đồng Tháp|chauthanh|Cái Tàu|canh-bao-toi-pham", re.I)
"""The sample unit's names and its category keys: data of site.toml and content/, never code."""


def test_no_message_in_the_package_names_the_sample_unit() -> None:
    """Every string of the package a user may see (docstrings and comments aside) is shared by
    every unit: a hint "ví dụ «Công an Châu Thành»" is wrong for any other one."""
    found = []
    for path in sorted((REPO / "publish").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        documentation = {
            id(statement.value)
            for node in ast.walk(tree)
            if isinstance(getattr(node, "body", None), list)
            for statement in node.body  # type: ignore[attr-defined]
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
        }
        found += [
            f"{path.relative_to(REPO)}:{node.lineno}: {node.value[:60]!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in documentation
            and SAMPLE_UNIT_WORDS.search(node.value)
        ]
    theme = [
        str(p.relative_to(REPO))
        for p in (REPO / "templates").rglob("*")
        if p.is_file()
        and p.suffix in (".html", ".xml", ".txt", ".css", ".js")
        and SAMPLE_UNIT_WORDS.search(p.read_text(encoding="utf-8"))
    ]
    assert not found and not theme, found + theme
