"""The search index built in blocks by worker processes is byte for byte the single-process
index, including terms whose postings continue across blocks, and its cached fields serve a
later one-bulletin update."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

import publish.parallel
from publish import config as config_module
from publish.content import load_site
from publish.render.web import search
from tests.helpers import bulletin_md, make_project, search_index_written

WORDS = ["lừa", "đảo", "qua", "mạng", "Công", "an", "huyện", "Châu", "Thành", "ma", "túy", "2020"]
NOW = dt.datetime(2021, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.mark.parametrize("workers", ["1", "2"])
def test_block_index_equals_build_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    """Blocks of 20 bulletins (forked when 2 workers): same files as build_index(), shards split."""
    monkeypatch.setenv("PUBLISH_WORKERS", workers)
    monkeypatch.setattr(publish.parallel, "MIN_JOBS", 2)
    monkeypatch.setattr(search, "MIN_JOBS", 2)
    monkeypatch.setattr(search, "SHARD_LIMIT", 300)
    rng = random.Random(11)
    count = 47  # the last block is short

    def text(i: int) -> str:
        title = json.dumps(" ".join(rng.sample(WORDS, 3)), ensure_ascii=False)
        front = {"title": title, "date": f"2020-12-{1 + i % 28:02d} {i % 24:02d}:00"}
        return bulletin_md(front, " ".join(rng.choices(WORDS, k=rng.randint(3, 40))) + ".\n")

    files = {f"content/b{i:02d}.md": text(i) for i in range(count)}
    root = make_project(tmp_path, files)
    site = load_site(config_module.load(root), now=NOW)
    assert search._block_size(count) == 20  # blocks of 20, 20 and 7
    got, _ = search_index_written(root, site)
    categories = search.site_categories(site)
    full = search.build_index(search.site_docs(site), categories)
    assert got == {f"{search.INDEX_DIR}/{path}": data for path, data in full.items()}
    assert len([p for p in got if "/t/" in p]) > 10  # small shards: groups were split

    # One edit: the fields the blocks cached are what the update starts from.
    (root / "content/b05.md").write_text(text(5), encoding="utf-8")
    site = load_site(config_module.load(root), now=NOW)
    monkeypatch.setattr(search, "_build", None)  # a full rebuild would fail here
    got, kept = search_index_written(root, site)
    full = search.build_index(search.site_docs(site), categories)
    assert got == {f"{search.INDEX_DIR}/{path}": data for path, data in full.items()}
    assert kept  # the shards and cards the edit left alone were not rewritten
