"""A new tool version or site.toml leaves no dead cache entries behind once a build succeeds."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import sys
import tomllib
import unicodedata
from pathlib import Path

import pytest

from publish import installed
from publish.cache import FRAGMENTS, SHAPING, Fragments, fingerprint
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


def test_entries_of_an_older_site_toml_are_dropped_after_the_next_build(tmp_path: Path) -> None:
    """Entries under an older site.toml go; narrow ones (publish.config_reads), which hold the
    values they read, stay for this version of the tool."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    build(root)
    first, narrow = Fragments(root).salt, Fragments(root).tool_salt
    assert set(salts(root)) == {first, narrow}
    legacy = root / ".cache" / "fragments.sqlite"
    legacy.write_bytes(b"a cache of an earlier version of the tool")
    toml = root / "site.toml"
    original = toml.read_text("utf-8")
    toml.write_text(original + "\n# đổi cấu hình\n", "utf-8")
    build(root)
    second = Fragments(root).salt
    assert second != first
    assert set(salts(root)) == {second, narrow}
    assert not legacy.exists()
    before = (root / ".cache" / FRAGMENTS).stat().st_size
    toml.write_text(original, "utf-8")
    build(root)
    assert set(salts(root)) == {first, narrow}  # the previous configuration: built anew
    assert (root / ".cache" / FRAGMENTS).stat().st_size <= before * 1.5


VERSION_OF = installed.version


def other_markdown(name: str) -> str | None:
    """The installed version of `name`, another one for Markdown."""
    return "3.11.3" if name == "markdown" else VERSION_OF(name)


@pytest.mark.parametrize(
    ("module", "name", "other"),
    [
        (unicodedata, "unidata_version", "99.0.0"),
        (sys, "version_info", (3, 99, 0, "final", 0)),
        (installed, "version", other_markdown),
    ],
    ids=["unicode", "python", "markdown"],
)
def test_no_entry_is_served_under_another_python_unicode_or_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: object, name: str, other: object
) -> None:
    """An entry, narrow (PII findings, search words: kept across site.toml edits) or not (a
    body's HTML), is not read by a build under another Python, Unicode or Markdown version, as
    when CI restores a .cache/ made by another job of a 3.11/3.12/3.13 matrix; it is read again
    under the versions it was made by."""
    fragments = Fragments(tmp_path)
    narrow = fragments.narrow_key("pii-findings", "nội dung bài")
    fragments.put(narrow, ("đã dò",), narrow=True)
    fragments.put(fragments.key("body-html", "nội dung bài"), "<p>nội dung bài</p>")
    fingerprint.cache_clear()
    try:
        monkeypatch.setattr(module, name, other)
        elsewhere = Fragments(tmp_path)
        monkeypatch.undo()
    finally:
        fingerprint.cache_clear()
    assert elsewhere.get(elsewhere.narrow_key("pii-findings", "nội dung bài")) is None
    assert elsewhere.get(elsewhere.key("body-html", "nội dung bài")) is None
    again = Fragments(tmp_path)
    assert again.get(again.narrow_key("pii-findings", "nội dung bài")) == ("đã dò",)
    assert again.get(again.key("body-html", "nội dung bài")) == "<p>nội dung bài</p>"


def test_the_libraries_in_the_fingerprint_are_the_tools_dependencies() -> None:
    """Every library pyproject.toml depends on is either one whose version can change what a
    build makes (in the fingerprint, so a new version empties the cache) or named here as one
    that cannot: a dependency added later is classed, not forgotten."""
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    named = {
        re.split(r"[<>=!~\[; ]", line, maxsplit=1)[0].lower()
        for line in pyproject["project"]["dependencies"]
    }
    shaping_none = {"httpx", "watchdog"}  # talking to Zalo, watching files for publish serve
    assert named - shaping_none <= set(SHAPING)
    assert not shaping_none & set(SHAPING)
    assert {"markdown", "jinja2", "nh3", "python-docx"} <= set(SHAPING)


def test_pruning_twice_for_the_same_salt_costs_nothing(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    build(root)
    fragments = Fragments(root)
    assert fragments.prune() == 0
    assert fragments.get(fragments.key("nothing")) is None


def test_pages_freed_by_rewritten_entries_go_back_to_the_disk(tmp_path: Path) -> None:
    """Rows dropped by a prune or rewritten smaller leave their pages free inside the file
    (half of a 330 MB cache after a site.toml edit at 10,000 bulletins); CI uploads .cache/
    on every run."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    fragments = Fragments(root)
    for round_size in (1_000_000, 10_000):  # sixteen shards, then each rewritten smaller
        for shard in range(16):
            fragments.put(fragments.key("shard", shard), os.urandom(round_size))
    path = root / ".cache" / FRAGMENTS
    fragments.prune()
    assert on_disk(path) < 2_000_000  # not the 16 MB of the first versions
    assert len(fragments.get(fragments.key("shard", 3))) == 10_000  # type: ignore[arg-type]
    fragments.put(fragments.key("shard", 3), b"x")
    before = on_disk(path)
    fragments.prune()  # a few free pages: not worth a pass
    assert on_disk(path) == before


def on_disk(path: Path) -> int:
    """Bytes of the database file and its write-ahead log."""
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
