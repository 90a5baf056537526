"""What a cold build holds in memory after it is done with it (the 350 MB target of issue 7).

Each was measured at 10,000 bulletins: the bodies as str (~64 MB in every process), the radio paragraphs of every item held as str (~90 MB, all channels), and the
web pages' memos kept alive through the search phase (~27 MB).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
import pickle
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import publish.render.radio as radio
import publish.render.web as web
from publish import config as config_module
from publish import pipeline
from publish.cli import main
from publish.content import load_site
from publish.errors import Problem
from publish.model import Artifact, Kept, Site, pack_text, unpack_text
from publish.render.radio.episode import Assembly
from publish.render.radio.items import Segment, pack, restored, stored
from publish.render.web.context import SiteContext
from publish.render.web.images import Pictures
from publish.render.web.pages import Views
from tests.web_fixture import NOW, SITE


def loaded(tmp_path: Path) -> Site:
    """The fixture site, loaded from a copy (loading writes .cache/)."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    return load_site(config_module.load(root), now=NOW)


def test_a_loaded_bulletin_holds_its_body_packed(tmp_path: Path) -> None:
    """Every process of a build holds every bulletin: the body is kept as packed (Zstandard)
    UTF-8 (as str, 10,000 bodies took ~64 MB; packed ~15 MB), read back whole, and pickles as
    it is."""
    bulletin = max(loaded(tmp_path).bulletins, key=lambda b: len(b.body))
    source = (tmp_path / "site" / bulletin.source).read_text("utf-8")

    assert len(bulletin.body) > 500 and bulletin.body.strip() in source
    assert len(bulletin.packed_body) < sys.getsizeof(bulletin.body) / 2
    assert bulletin.body_utf8 == bulletin.body.encode("utf-8")  # what sync hashes
    again = pickle.loads(pickle.dumps(bulletin, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == bulletin
    assert again.body == bulletin.body


def test_a_body_with_a_lone_surrogate_survives_packing_and_the_shelf(tmp_path: Path) -> None:
    """Bulletins made in code (not read from UTF-8 files) may hold any str."""
    odd = dataclasses.replace(loaded(tmp_path).bulletins[0], packed_body=pack_text("Tin \ud800 lạ"))
    assert odd.body == "Tin \ud800 lạ"
    long = "".join(
        f"Đoạn {i}: người dân trình báo bị lừa {i * 7} triệu đồng. " for i in range(9000)
    )
    assert unpack_text(pack_text(long)) == long  # far longer than the compressor's window
    assert pickle.loads(pickle.dumps(odd)).body == "Tin \ud800 lạ"


def test_page_memos_are_freed_before_the_search_index_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the search phase starts, no page context (its cards, stamps, records) is alive."""
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    site = loaded(tmp_path)
    alive: list[int] = []
    original = web.search_artifacts

    def counting(*args: Any, **kwargs: Any) -> Iterator[Artifact | Kept]:
        gc.collect()
        alive.append(sum(isinstance(o, SiteContext) for o in gc.get_objects()))
        yield from original(*args, **kwargs)

    monkeypatch.setattr(web, "search_artifacts", counting)
    artifacts = list(web.render(site))

    assert alive == [0]
    assert any(a.path.startswith("tim-kiem/") for a in artifacts)


def test_a_radio_item_holds_its_paragraphs_packed_and_gives_them_back(tmp_path: Path) -> None:
    """Every item of the site is held from the check to the end of the build: its paragraphs
    are kept compressed, come back as they were (odd characters too), and survive the shelf."""
    bulletin = loaded(tmp_path).bulletins[0]
    paragraph = "".join(["Công an huyện đề nghị người dân cảnh giác. "] * 30)
    paragraphs = (paragraph, "[NHẠC CẮT 0:05]", "Hết \ud800 tin.")
    item = Segment(kind="read", slug="canh-giac", label="Tin", seconds=40, packed=pack(paragraphs))

    kept = pickle.loads(pickle.dumps(stored(item), protocol=pickle.HIGHEST_PROTOCOL))
    again = restored(kept, bulletin, None)

    assert item.paragraphs == paragraphs
    assert len(item.packed) < len(paragraph.encode("utf-8")) / 4
    assert again == dataclasses.replace(item, bulletin=bulletin)
    assert again.paragraphs == paragraphs
    assert Segment("fixed", "NHAC", "Nhạc hiệu", 5).paragraphs == ()


def test_a_build_leaves_nothing_frozen_for_the_collector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build hides the loaded site from the cyclic collector while it runs; afterwards,
    done or failed, a long-lived process (publish serve) collects everything again."""
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    frozen: list[int] = []
    original = pipeline._render_all

    def watching(*args: Any, **kwargs: Any) -> Iterator[Artifact]:
        frozen.append(gc.get_freeze_count())
        yield from original(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_render_all", watching)
    assert main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q"]) == 0
    assert frozen[0] > 0 and gc.get_freeze_count() == 0

    def failing_check(site: Site, *, strict: bool) -> list[Problem]:
        frozen.append(gc.get_freeze_count())
        return [Problem("content/a.md", "lỗi giả cho bài kiểm thử")]

    monkeypatch.setattr(pipeline, "lint", failing_check)
    shutil.rmtree(root / ".cache")  # else the unchanged project replays the last build
    assert main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q"]) == 1
    assert frozen[1] > 0 and gc.get_freeze_count() == 0


def test_feed_bodies_are_handed_back_once(tmp_path: Path) -> None:
    """A page hands back the body HTML it made for the feeds, once: bodies kept from other pages
    (in the main process, or inherited by a forked worker) are not sent again with every later
    page (in one process at 10,000 bulletins each page's result carried ~0.5 MB of them)."""
    site = loaded(tmp_path)
    views = Views(site, Pictures(site.config.root, site.config.web.image_widths, url=str))
    first, second = [b for b in views.bulletins if b.key in views.feed_keys][:2]

    html = views.body_html(first)
    assert views.take_bodies() == {first.key: str(html)}
    views.keep_bodies({"tin-khac": "<p>Tin khác.</p>"})
    assert views.body_html(first) == html
    views.body_html(second)

    assert views.take_bodies().keys() == {second.key}
    assert views.body_html(first) == html


def test_the_radio_assembly_is_not_carried_into_the_next_channels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Radio renders first: its assembly (every item's read text, ~45 MB at 10,000 bulletins)
    is let go before the web channel renders, and a later question (the radio sync's reasons
    for held items) gets the same answers from a fresh one."""
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    alive: list[int] = []
    original = web.render

    def counting(site: Site) -> Iterator[Artifact | Kept]:
        gc.collect()
        alive.append(sum(isinstance(o, Assembly) for o in gc.get_objects()))
        yield from original(site)

    monkeypatch.setattr(web, "render", counting)
    config = config_module.load(root)
    built = pipeline.build(config, channels=("web", "radio"), now=NOW)
    held = radio.held_reasons(built.site)
    episodes = radio.assemble(built.site).episodes
    files = [a.path for a in built.artifacts]

    assert alive == [0] and episodes
    assert any(p.startswith("tim-kiem/") for p in files) and any(p.endswith(".docx") for p in files)
    assert radio.held_reasons(built.site) == held
    assert radio.assemble(built.site).episodes == episodes


def test_a_ledger_file_is_held_once_however_many_ledgers_read_it(tmp_path: Path) -> None:
    """The writer and the channel's renderer both open the channel's ledger: one copy of its
    entries (~15 MB at 10,000 bulletins with photos), gone with the last ledger holding it;
    a ledger saved or dropped is read again, never the copy from before."""
    import weakref

    from publish.ledger import Ledger

    cache, output = tmp_path / ".cache", tmp_path / "output"
    first = {
        f"bai-viet/{i}/index.html": (100 + i, 10**18 + i, 1000 + i, "ab" * 32) for i in range(50)
    }
    Ledger(cache, output, "web").save(first)
    writer, renderer = Ledger(cache, output, "web"), Ledger(cache, output, "web")
    assert writer.entries == first and renderer.entries is writer.entries
    assert Ledger(cache, output, "zalo").entries == {}  # another channel, another file

    second = {**first, "sitemap.xml": (7, 8, 9, "cd" * 32)}
    writer.save(second)
    assert Ledger(cache, output, "web").entries == second
    Ledger(cache, output, "web").forget()
    assert Ledger(cache, output, "web").entries == {}

    Ledger(cache, output, "web").save(first)
    held = weakref.ref(Ledger(cache, output, "web").entries)
    gc.collect()
    assert held() is None


def _open_under(folder: Path) -> list[str]:
    """The files under `folder` this process holds open (Linux: /proc/self/fd)."""
    held = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the listing's own descriptor, already closed
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith(str(folder)):
                held.append(target)
    return held


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="lists open files through /proc")
def test_builds_one_after_another_do_not_pile_up_open_cache_files(tmp_path: Path) -> None:
    """Each cache a build let go of kept its sqlite connection, and so the database, its -wal and
    -shm files, open until a full garbage collection (Python 3.11's connection refers to
    itself): ~22 more file handles and ~2 MB after every build, in `publish serve` rebuilding
    at every save too. Only the caches still in use stay open."""
    sites = []
    for name in ("a", "b"):
        sites.append(tmp_path / name)
        shutil.copytree(SITE, sites[-1])
    gc.collect()  # whatever tests before left to the collector
    enabled = gc.isenabled()
    gc.disable()  # what a long process does between its rare full collections
    try:
        held = []
        for root in (*sites, sites[0], sites[1]):  # cold builds, then rebuilds after an edit
            post = sorted((root / "content" / "bai-viet").glob("*.md"))[0]
            post.write_text(post.read_text("utf-8") + "\nCập nhật.\n", "utf-8")
            assert main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q"]) == 0
            held.append(len(_open_under(tmp_path)))
        assert max(held) == held[0], held
    finally:
        if enabled:
            gc.enable()


def test_a_finished_build_leaves_no_word_document_to_the_collector(tmp_path: Path) -> None:
    """python-docx's parts and package refer to each other: each Word file made in this process
    (~5 MB of XML trees) stayed until a full garbage collection, ~20 MB per build of the
    fixture site's 4 episodes, held between rebuilds of `publish serve` and forked with it."""
    from docx.opc.part import Part

    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        argv = ["build", "--root", str(root), "--now", NOW.isoformat(), "-q", "--channel", "radio"]
        assert main(argv) == 0
        assert list((root / "output" / "radio").rglob("*.docx"))  # Word files were made here
        assert [o for o in gc.get_objects() if isinstance(o, Part)] == []
    finally:
        if enabled:
            gc.enable()


def test_a_zalo_render_keeps_no_site_alive_after_it(tmp_path: Path) -> None:
    """The Zalo renderer's image chooser and the website's served paths (asked by each article's
    links when [site] old_base_urls is set) were memos of the last site: a long-lived process
    (publish serve) held the previous build's whole site until the next one."""
    import publish.render.zalo as zalo
    from tests.zalo_project import OA_ID, site_toml, zalo_project

    toml = site_toml(f'oa_id = "{OA_ID}"', 'old_base_urls = ["https://ca-cu.example.vn/"]\n')
    root = zalo_project(tmp_path, 2, files={"site.toml": toml})
    site = load_site(config_module.load(root), now=NOW)
    assert site.config.site.old_base_urls and site.for_channel("zalo")
    assert len([a for a in zalo.render(site) if isinstance(a, Artifact)]) == 2
    held = id(site)
    del site
    gc.collect()
    assert not any(id(o) == held and isinstance(o, Site) for o in gc.get_objects())


def test_a_website_build_keeps_no_site_alive_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The website's served paths (its pages' links, with [site] old_base_urls) were a memo of
    the last site that only the Zalo renderer let go of: a website-only build held its Site."""
    from tests.zalo_project import NOW as ZALO_NOW
    from tests.zalo_project import OA_ID, site_toml, zalo_project

    toml = site_toml(f'oa_id = "{OA_ID}"', 'old_base_urls = ["https://ca-cu.example.vn/"]\n')
    root = zalo_project(tmp_path, 2, files={"site.toml": toml})
    built: list[int] = []
    original = pipeline._render_all

    def noting(site: Site, *args: Any) -> Iterator[Artifact]:
        built.append(id(site))
        yield from original(site, *args)

    monkeypatch.setattr(pipeline, "_render_all", noting)
    assert main(["--root", str(root), "--now", ZALO_NOW, "build", "--channel", "web"]) == 0
    gc.collect()
    assert built and not any(id(o) == built[0] and isinstance(o, Site) for o in gc.get_objects())
