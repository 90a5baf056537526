"""A module's constant is bound once: a second binding further down changes what every function
above it reads too (pii's `_REACH`, a name's 300 characters back, became a label's 3 lines and
no child's full name was told)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import publish

PACKAGE = Path(publish.__file__).parent


def constants_bound_twice(source: str) -> list[str]:
    """The upper-case names a module's top level assigns more than once."""
    bound = Counter(
        target.id
        for node in ast.parse(source).body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name) and target.id.lstrip("_").isupper()
    )
    return sorted(name for name, count in bound.items() if count > 1)


def test_no_module_binds_a_constant_twice() -> None:
    twice = {
        str(path.relative_to(PACKAGE)): names
        for path in sorted(PACKAGE.rglob("*.py"))
        if (names := constants_bound_twice(path.read_text(encoding="utf-8")))
    }
    assert twice == {}
