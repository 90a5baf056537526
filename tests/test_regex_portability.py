"""Every Python 3.11 and later matches the tool's patterns alike: no possessive group.

Python 3.11.0-3.11.4 (Debian 12's python3 is 3.11.2) match a possessive quantifier on a group
with more than one character in it (`(?:…)*+`, `(?:…)++`, `(?:…)?+`, `(?:…){m,n}+`) wrongly
(CPython gh-106052, gh-100061): the tool built, without a word, a different site there — phone
numbers not linked, footnotes' back links kept, tables named wrongly. The same group written
atomic, `(?>(?:…)*)`, means the same and every 3.11 matches it right; a possessive quantifier on
one character or class (`\\s*+`, `[^<]++`) was never wrong.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from types import ModuleType

import publish

PACKAGE = Path(publish.__file__).parent
_SINGLE = {sre.ANY, sre.IN, sre.LITERAL, sre.NOT_LITERAL}
_POSSESSIVE_GROUP_TEXT = re.compile(r"(?<![(\\])\)(?:\*|\+|\?|\{\d*,?\d*\})\+")
"""A group's closing bracket and a possessive quantifier, as written in a pattern's source."""


def one_character(body: sre_parse.SubPattern) -> bool:
    """Whether a repeated body is one character or class, as CPython compiles to REPEAT_ONE."""
    if len(body) != 1:
        return False
    op, av = body[0]
    if op is sre.SUBPATTERN:
        return av[0] is None and one_character(av[-1])
    return op in _SINGLE


def possessive_groups(parsed: sre_parse.SubPattern) -> Iterator[str]:
    """Each possessive repeat of more than one character in a parsed pattern, shown as a range."""
    for op, av in parsed:
        if op is sre.POSSESSIVE_REPEAT and not one_character(av[2]):
            yield f"{{{av[0]},{av[1]}}}+ on {list(av[2])!r:.80}"
        for part in av if isinstance(av, (list, tuple)) else [av]:
            items = part if isinstance(part, (list, tuple)) else [part]
            for item in items:
                if isinstance(item, sre_parse.SubPattern):
                    yield from possessive_groups(item)


def package_modules() -> Iterator[ModuleType]:
    """Every module of the package (not `python -m publish`, which runs the command)."""
    yield publish
    for info in pkgutil.walk_packages(publish.__path__, "publish."):
        if not info.name.endswith("__main__"):
            yield importlib.import_module(info.name)


def patterns_in(value: object, depth: int = 0) -> Iterator[re.Pattern[str] | re.Pattern[bytes]]:
    """The compiled patterns a module-level value is or holds (in lists, tables and classes)."""
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 4 and isinstance(value, dict):
        for item in value.values():
            yield from patterns_in(item, depth + 1)
    elif depth < 4 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from patterns_in(item, depth + 1)
    elif depth < 4 and isinstance(value, type) and value.__module__.startswith("publish"):
        for item in vars(value).values():
            yield from patterns_in(item, depth + 1)


def test_the_check_tells_a_possessive_group_from_an_atomic_one() -> None:
    """The checks below would pass on any pattern if they could not see the faulty form."""
    assert list(possessive_groups(sre_parse.parse(r"a(?:ab?c)*+x")))
    assert list(possessive_groups(sre_parse.parse(r"(?:\s|</?(?:li|p)\b[^>]*+>)*+")))
    assert list(possessive_groups(sre_parse.parse(r"\s*+(?:số)?+\s*+")))
    assert list(possessive_groups(sre_parse.parse(r"(?:\s++\w++){0,2}+")))
    assert not list(possessive_groups(sre_parse.parse(r"a(?>(?:ab?c)*)x\s*+[^<]++(?:\d)++")))
    assert _POSSESSIVE_GROUP_TEXT.search(r'r"(?:\s++" + _FILLER + r")*+"')
    assert _POSSESSIVE_GROUP_TEXT.search(r"(?:x){0,6}+")
    assert not _POSSESSIVE_GROUP_TEXT.search(r"(?>(?:x){0,6})\s*+\)++")


def test_no_compiled_pattern_of_the_package_has_a_possessive_group() -> None:
    """Every pattern a module compiles, parsed as CPython does: none repeats a group possessively."""
    found: dict[str, list[str]] = {}
    count = 0
    for module in package_modules():
        for name, value in vars(module).items():
            for pattern in patterns_in(value):
                count += 1
                faults = list(possessive_groups(sre_parse.parse(pattern.pattern, pattern.flags)))
                if faults:
                    found[f"{module.__name__}.{name}"] = faults
    assert count > 500, "the walk found too few patterns to be looking in the right place"
    assert not found, found


def test_no_pattern_text_in_the_source_has_a_possessive_group() -> None:
    """Patterns built inside functions (a hotline's, the emergency numbers') are compiled only
    when called: their pieces are checked as written, every string of the package but docstrings."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, (str, bytes))
                and id(node) not in docstrings
            ):
                text = node.value if isinstance(node.value, str) else node.value.decode("latin-1")
                if _POSSESSIVE_GROUP_TEXT.search(text):
                    found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {text[:80]}")
    assert not found, "\n".join(found)
