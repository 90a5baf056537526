"""The whole website of the fixture site against reviewed golden files (`pytest --update-golden` refreshes them).

Text files are compared byte for byte; images only by name (their hashed names already
change when their bytes do), listed in `_files.txt`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.web_fixture import build_site, copy_site

GOLDEN = Path(__file__).parent / "golden" / "web"
TEXT_SUFFIXES = (".html", ".xml", ".txt", ".css", ".svg")
LISTING = "_files.txt"


def test_fixture_site_matches_golden(tmp_path: Path, update_golden: bool) -> None:
    built = build_site(copy_site(tmp_path))
    files = built.files()
    texts = [f for f in files if f.endswith(TEXT_SUFFIXES)]
    listing = "\n".join(files) + "\n"
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        GOLDEN.mkdir(parents=True)
        (GOLDEN / LISTING).write_text(listing, encoding="utf-8")
        for rel in texts:
            target = GOLDEN / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((built.web / rel).read_bytes())
        pytest.skip("golden files rewritten; review them with git diff")
    assert (GOLDEN / LISTING).is_file(), "no golden files yet: run pytest --update-golden"
    assert listing == (GOLDEN / LISTING).read_text(encoding="utf-8")
    for rel in texts:
        expected = (GOLDEN / rel).read_text(encoding="utf-8")
        actual = (built.web / rel).read_text(encoding="utf-8")
        assert actual == expected, f"{rel} differs from tests/golden/web/{rel}"
