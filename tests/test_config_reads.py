"""Steps whose cache is kept across site.toml edits read only the site.toml values they declare.

A read-aloud item is kept under a digest of the site.toml values it declares
(publish.config_reads) instead of the whole file: a value read but not declared would let a
rebuild reuse a result made under another value, so the step is run here on a Config that notes
every value read, and the tests fail on one its list misses. The personal data found in a
bulletin and its search words, also kept across site.toml edits, are made again when a value
their keys hold changes and not for a label.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest

from publish import config as config_module
from publish import pii
from publish.cache import Fragments, Shelf
from publish.config import Config
from publish.config_reads import reads_digest
from publish.content import load_site
from publish.model import Bulletin
from publish.pipeline import build
from publish.render.radio.items import ITEM_LOCATES, ITEM_READS, Speaker, read_block
from publish.render.web import search
from tests.config_recording import Recording, covered
from tests.web_fixture import NOW, SITE

RADIO = """
[radio]
abbreviations = "content/tu-viet-tat.tsv"
contact = "feedback"
feedback_categories = ["an-ninh-trat-tu", "canh-bao-toi-pham"]
url_spoken = "trang thông tin của đơn vị"
reader = "Phát thanh viên Thu Trang"
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with a radio section that takes every branch of the contact line."""
    root = tmp_path_factory.mktemp("reads") / "site"
    shutil.copytree(SITE, root)
    (root / "content" / "tu-viet-tat.tsv").write_text(
        "CAX\tCông an xã\nPC06\tPhòng Cảnh sát quản lý hành chính\n", encoding="utf-8"
    )
    toml = root / "site.toml"
    text = toml.read_text(encoding="utf-8").replace(
        "[contact]\n",
        '[contact]\nhours = "Giờ hành chính"\nsecrecy = "Người báo tin được giữ bí mật"\n',
        1,
    )
    toml.write_text(text + RADIO, encoding="utf-8")
    return root


def undeclared(reads: set[str], declared: tuple[str, ...]) -> list[str]:
    """The values read that no declared path covers."""
    return sorted(r for r in reads if not covered(r, declared))


def test_a_read_item_reads_only_the_values_it_declares(project: Path) -> None:
    """Speaker, each bulletin's radio block and the default reader, run on a recording
    Config, read nothing of site.toml that ITEM_READS (or ITEM_LOCATES) does not name."""
    config = config_module.load(project)
    site = load_site(config, now=NOW)
    recording = Recording(config)
    speaker = Speaker(recording)  # type: ignore[arg-type]
    made = 0
    for bulletin in site.for_channel("radio"):
        block, problems = read_block(bulletin, recording)  # type: ignore[arg-type]
        assert not problems
        speaker.item(bulletin, block, reader=recording.radio.reader)
        made += 1
    assert made >= 3
    assert undeclared(recording.reads, ITEM_READS + ITEM_LOCATES) == []
    # The contact line of a feedback category was read: the test took that branch.
    assert {"contact.secrecy", "radio.feedback_categories"} <= recording.reads


def test_a_declared_list_that_misses_a_value_is_caught(project: Path) -> None:
    """The recording sees a read the list leaves out (the test above can fail)."""
    recording = Recording(config_module.load(project))
    Speaker(recording)  # type: ignore[arg-type]
    declared = tuple(p for p in ITEM_READS if p != "unit.name")
    assert undeclared(recording.reads, declared + ITEM_LOCATES) == ["unit.name"]


def edited(config: Config, **sections: dict[str, object]) -> Config:
    """`config` with some fields of its sections replaced."""
    changes = {
        name: dataclasses.replace(getattr(config, name), **fields)
        for name, fields in sections.items()
    }
    return dataclasses.replace(config, **changes)


def item_versions(config: Config) -> dict[str, str]:
    """Each radio bulletin's item version under `config`."""
    site = load_site(config, now=NOW)
    speaker = Speaker(config)
    versions = {}
    for bulletin in site.for_channel("radio"):
        block, _ = read_block(bulletin, config)
        versions[bulletin.source] = speaker.version(bulletin, block, reader=config.radio.reader)
    return versions


def test_an_item_is_kept_across_a_label_or_page_size_and_made_again_for_a_unit_name(
    project: Path,
) -> None:
    """A category label and [web] per_page leave every item's version as it was; the unit's
    name (read in a byline, a place) and the read rate change them all."""
    config = config_module.load(project)
    before = item_versions(config)
    category = dataclasses.replace(config.categories["an-ninh-trat-tu"], label="An ninh, trật tự")
    relabelled = dataclasses.replace(
        config, categories={**config.categories, "an-ninh-trat-tu": category}
    )
    assert item_versions(relabelled) == before
    assert item_versions(edited(config, web={"per_page": 7})) == before
    renamed = item_versions(edited(config, unit={"name": "Công an xã Mỹ Hiệp"}))
    assert not set(renamed.values()) & set(before.values())
    slower = item_versions(edited(config, radio={"rate_spm": 200}))
    assert not set(slower.values()) & set(before.values())


def test_the_digest_of_reads_follows_each_declared_value(project: Path) -> None:
    """A declared value changed changes the digest; another one does not."""
    config = config_module.load(project)
    reads = ("unit.name", "radio.rate_spm")
    same = reads_digest(edited(config, web={"per_page": 9}), reads)
    assert same == reads_digest(config, reads)
    assert reads_digest(edited(config, radio={"rate_spm": 180}), reads) != same


def test_narrow_entries_outlive_a_site_toml_edit_and_others_do_not(project: Path) -> None:
    """After site.toml changes and the cache is pruned, a narrow shelf still holds its
    entries, a salted one none (its keys could no longer reach them)."""
    root = project.parent / "prune"
    shutil.copytree(project, root)
    fragments = Fragments(root)
    narrow, salted = Shelf(fragments, "n", narrow=True), Shelf(fragments, "s")
    for shelf in (narrow, salted):
        shelf.keep("a.md", "v1", "giá trị")
        shelf.save()
    toml = root / "site.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\n# sửa\n", encoding="utf-8")
    after = Fragments(root)
    assert after.prune() > 0
    assert Shelf(after, "n", narrow=True).get("a.md", "v1") == "giá trị"
    assert Shelf(after, "s").get("a.md", "v1") is None


def radio_build(root: Path) -> None:
    """Load, check and render the radio channel of `root` (cache kept, nothing written)."""
    result = build(config_module.load(root), channels=("radio",), now=NOW)
    for _ in result.artifacts:
        pass


def test_a_label_edit_neither_reads_aloud_nor_searches_a_bulletin_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a build, a category label changed in site.toml reuses every read item and every
    bulletin's personal data findings; the unit's hotline changed searches them again (its
    numbers are not a private person's) and reads them aloud again (the hotline is one of the
    values ITEM_READS declares, which every item's version holds)."""
    root = project.parent / "label"
    shutil.copytree(project, root)
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    radio_build(root)
    made: list[str] = []
    searched: list[str] = []
    item, fresh = Speaker.item, pii._fresh_findings

    def making(self: Speaker, bulletin: Bulletin, *args: Any, **kwargs: Any) -> Any:
        """`Speaker.item`, noting the bulletin read aloud."""
        made.append(bulletin.source)
        return item(self, bulletin, *args, **kwargs)

    def searching(bulletin: Bulletin, numbers: frozenset[str]) -> Any:
        """`pii._fresh_findings`, noting the bulletin searched."""
        searched.append(bulletin.source)
        return fresh(bulletin, numbers)

    monkeypatch.setattr(Speaker, "item", making)
    monkeypatch.setattr(pii, "_fresh_findings", searching)
    toml = root / "site.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('label = "An ninh trật tự"', 'label = "An ninh, trật tự"'))
    radio_build(root)
    assert (made, searched) == ([], [])
    toml.write_text(text.replace('hotline = "0273 3850 113"', 'hotline = "0273 3850 114"'))
    radio_build(root)
    assert searched
    assert made  # the hotline is in the contact line: every item's version has it


def test_a_label_edit_reads_no_bulletin_again_for_the_search_index(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search fields of every bulletin are kept across a category label edit (the index
    itself is made again: it names the categories); an edited body is read again."""
    root = project.parent / "search"
    shutil.copytree(project, root)
    monkeypatch.setenv("PUBLISH_WORKERS", "1")

    def web_build() -> None:
        """Load, check and render the web channel (cache kept, nothing written)."""
        for _ in build(config_module.load(root), channels=("web",), now=NOW).artifacts:
            pass

    web_build()
    read: list[str] = []
    fields = search.doc_fields

    def reading(doc: search.SearchDoc, *args: Any) -> dict[str, int]:
        """`search.doc_fields`, noting the document read."""
        read.append(doc.title)
        return fields(doc, *args)

    monkeypatch.setattr(search, "doc_fields", reading)
    toml = root / "site.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('label = "An ninh trật tự"', 'label = "An ninh, trật tự"'))
    web_build()
    assert read == []
    edited = sorted((root / "content" / "bai-viet").glob("*.md"))[0]
    with edited.open("a", encoding="utf-8") as handle:
        handle.write("\nĐoạn mới về tuần tra ban đêm.\n")
    web_build()
    assert len(read) == 1
