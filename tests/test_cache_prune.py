"""A new tool version or site.toml leaves no dead cache entries behind once a build succeeds."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from publish.cache import FRAGMENTS, Fragments
from publish.cli import main
from tests.web_fixture import NOW, SITE


def build(root: Path) -> None:
    """`publish build` of the project, quietly."""
    assert main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q"]) == 0


def salts(root: Path) -> dict[str | None, int]:
    """Entries in the cache by the salt they were written under."""
    with sqlite3.connect(root / ".cache" / FRAGMENTS) as db:
        found = dict(db.execute("SELECT salt, COUNT(*) FROM fragment GROUP BY salt"))
    db.close()
    return found


def test_entries_of_an_older_site_toml_are_dropped_after_the_next_build(tmp_path) -> None:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    build(root)
    first = Fragments(root).salt
    assert list(salts(root)) == [first]
    legacy = root / ".cache" / "fragments.sqlite"
    legacy.write_bytes(b"a cache of an earlier version of the tool")
    toml = root / "site.toml"
    original = toml.read_text("utf-8")
    toml.write_text(original + "\n# đổi cấu hình\n", "utf-8")
    build(root)
    second = Fragments(root).salt
    assert second != first
    assert list(salts(root)) == [second]
    assert not legacy.exists()
    before = (root / ".cache" / FRAGMENTS).stat().st_size
    toml.write_text(original, "utf-8")
    build(root)
    assert list(salts(root)) == [first]  # the previous configuration is built cold, as it must
    assert (root / ".cache" / FRAGMENTS).stat().st_size <= before * 1.5


def test_pruning_twice_for_the_same_salt_costs_nothing(tmp_path) -> None:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    build(root)
    fragments = Fragments(root)
    assert fragments.prune() == 0
    assert fragments.get(fragments.key("nothing")) is None
