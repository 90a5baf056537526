"""A Zalo article is kept across site.toml edits it does not read (publish.config_reads).

The shelf of payloads is narrow: each entry's version holds the site.toml values an article
declares it reads (payload.ARTICLE_READS), not the whole file. A value read but not declared
would let a rebuild write an article made under another value, so the article is made here on a
Config that notes every value read (tests/config_recording.py), on a bulletin that takes every
branch a body, its corrections and its closing lines have; the test fails on a read the list
misses.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest

import publish.render.zalo as zalo_render
from publish import config as config_module
from publish.cli import main
from publish.config import Config
from publish.content import load_site
from publish.model import Bulletin, Site, pack_text
from publish.render.zalo.images import ZaloImages
from publish.render.zalo.payload import ARTICLE_READS, body_blocks, build_payload
from tests.config_recording import Recording, covered
from tests.web_fixture import NOW, SITE

ZALO = """
[zalo]
oa_id = "1234567890123456789"
author = "Công an xã Tân Phú Đông"
footer = "Đường dây nóng: 0273 3850 113.\\n\\nMọi thông tin được giữ bí mật."
text_block_max = 120
"""

LINKS = """---
title: "Thông báo đổi địa chỉ trang và các đường dây tiếp nhận tin báo"
date: 2024-03-01 08:00
category: an-ninh-trat-tu
summary: "Trang thông tin chuyển sang địa chỉ mới; các liên kết cũ vẫn dùng được."
cover: images/canh-bao.jpg
cover_alt: "Ảnh minh họa"
corrections:
  - date: 2024-03-02 09:00
    note: "Sửa số điện thoại đường dây nóng."
approved_by: "Đại úy Lê Văn Đức, Trưởng Công an xã"
---

Xem [bài cảnh báo](2024-01-15-canh-bao-gia-danh-cong-an.md), [trang liên hệ](/lien-he/), [địa
chỉ đầy đủ](https://ca-tanphudong.example.vn/lien-he/), [trang cũ](https://congan-cu.example.vn/lien-he/),
[mục dưới](#duong-day), [thư](mailto:ca.tanphudong@example.vn), [gọi](tel:02733850113), [trang
khác](https://dichvucong.gov.vn/) và [tương đối](../lien-he/).

<https://congan-cu.example.vn/lien-he/>

![Sơ đồ](../images/so-do.png "Ba bước")

Đoạn này dài hơn một khối chữ của Zalo nên được tách giữa các câu. Câu thứ hai nói thêm về cách
báo tin cho Công an xã. Câu thứ ba nhắc người dân giữ bình tĩnh khi nhận cuộc gọi lạ. Câu thứ tư
khép lại đoạn văn.
"""
"""A bulletin whose article takes every kind of link (another bulletin, a page, the site's own
address now and before, an anchor, mail, telephone, another site, a relative address), an
image, a paragraph cut into blocks, a correction and the footer."""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with an author, a footer, a short text block, an old address, and the
    bulletin of every branch."""
    root = tmp_path_factory.mktemp("zalo-reads") / "site"
    shutil.copytree(SITE, root)
    toml = root / "site.toml"
    text = toml.read_text(encoding="utf-8").replace(
        'base_url = "https://ca-tanphudong.example.vn/"\n',
        'base_url = "https://ca-tanphudong.example.vn/"\n'
        'old_base_urls = ["https://congan-cu.example.vn/"]\n',
        1,
    )
    text = text.replace('[zalo]\noa_id = "1234567890123456789"\n', ZALO.lstrip(), 1)
    toml.write_text(text, encoding="utf-8")
    (root / "content" / "bai-viet" / "2024-03-01-doi-dia-chi.md").write_text(LINKS, "utf-8")
    return root


LOCATES = ("root",)
"""Read to find the files an article shows (its images, the forms it links to), not a value
of site.toml: each image and link to another file a body was made with is asked again before
the article is reused (payload.same_calls)."""


def undeclared(reads: set[str]) -> list[str]:
    """The values read that ARTICLE_READS (or LOCATES) does not cover."""
    return sorted(r for r in reads if not covered(r, ARTICLE_READS + LOCATES))


def articles(site: Site, config: Any) -> dict[str, dict[str, Any]]:
    """The payload of each of `site`'s Zalo bulletins, made with `config` (a Recording) in
    place of its own: the image chooser keeps the real one (its answers are asked again
    before a kept article is reused, and the cover's address is in its version)."""
    images = ZaloImages(site.config, max_bytes=site.config.zalo.cover_max_bytes)
    recorded = dataclasses.replace(site, config=config)
    return {
        bulletin.source: build_payload(
            bulletin, recorded, images, body_blocks(bulletin, recorded, images)
        )
        for bulletin in site.for_channel("zalo")
    }


def test_an_article_reads_only_the_values_it_declares(project: Path) -> None:
    """Every Zalo bulletin's payload, made on a recording Config, reads nothing of site.toml
    that ARTICLE_READS (or LOCATES) does not name; the branches were taken."""
    config = config_module.load(project)
    site = load_site(config, now=NOW)
    recording = Recording(config)
    made = articles(site, recording)
    assert len(made) >= 4
    assert undeclared(recording.reads) == []
    linked = made["content/bai-viet/2024-03-01-doi-dia-chi.md"]
    texts = [block.get("content", "") for block in linked["body"]]
    assert texts[0].startswith("Đính chính") and "Sửa số điện thoại" in texts[0]
    assert "Mọi thông tin được giữ bí mật." in texts
    assert any("(https://ca-tanphudong.example.vn/lien-he/)" in text for text in texts)
    assert "https://ca-tanphudong.example.vn/lien-he/" in texts  # the old address, readdressed
    assert any(block["type"] == "image" for block in linked["body"])
    assert {"zalo.footer", "zalo.text_block_max", "site.old_base_urls"} <= recording.reads


def test_a_declared_list_that_misses_a_value_is_caught(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recording sees a read the list leaves out (the test above can fail)."""
    config = config_module.load(project)
    site = load_site(config, now=NOW)
    short = tuple(path for path in ARTICLE_READS if path != "zalo.footer")
    monkeypatch.setattr(f"{__name__}.ARTICLE_READS", short)
    recording = Recording(config)
    articles(site, recording)
    assert undeclared(recording.reads) == ["zalo.footer"]


def edited(config: Config, **sections: dict[str, object]) -> Config:
    """`config` with some fields of its sections replaced."""
    changes = {
        name: dataclasses.replace(getattr(config, name), **fields)
        for name, fields in sections.items()
    }
    return dataclasses.replace(config, **changes)


def article_versions(config: Config) -> dict[str, str]:
    """Each Zalo bulletin's payload version under `config`."""
    site = load_site(config, now=NOW)
    images = zalo_render._images(site)
    return {b.source: zalo_render._version(b, site, images) for b in site.for_channel("zalo")}


def test_an_article_is_kept_across_a_label_or_hotline_and_made_again_for_a_footer(
    project: Path,
) -> None:
    """A category label, the unit's hotline and [web] per_page leave every article's version
    as it was; the footer and the unit's short name (the author) change them all."""
    config = config_module.load(project)
    before = article_versions(config)
    category = dataclasses.replace(config.categories["an-ninh-trat-tu"], label="An ninh, trật tự")
    relabelled = dataclasses.replace(
        config, categories={**config.categories, "an-ninh-trat-tu": category}
    )
    assert article_versions(relabelled) == before
    assert article_versions(edited(config, contact={"hotline": "0273 3850 999"})) == before
    assert article_versions(edited(config, web={"per_page": 7})) == before
    footer = article_versions(edited(config, zalo={"footer": "Lời cuối mới."}))
    assert not set(footer.values()) & set(before.values())
    closing = article_versions(edited(config, unit={"name": "Công an xã Mỹ Hiệp"}))
    assert not set(closing.values()) & set(before.values())


def zalo_build(root: Path) -> None:
    """`publish build` of the web and Zalo channels of `root` (a kept article is reused only
    while its file in output/zalo/ holds what was written)."""
    channels = ["--channel", "web,zalo", "-q"]
    assert main(["build", "--root", str(root), "--now", NOW.isoformat(), *channels]) == 0


def test_a_label_edit_converts_no_body_again_and_a_footer_edit_every_one(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a build, a category label changed in site.toml reuses every article (no body is
    converted to blocks again); [zalo] footer changed converts them all."""
    root = project.parent / "label"
    shutil.copytree(project, root)
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    zalo_build(root)
    converted: list[str] = []
    blocks = zalo_render.body_blocks

    def converting(bulletin: Bulletin, *args: Any) -> Any:
        """`body_blocks`, noting the bulletin converted."""
        converted.append(bulletin.source)
        return blocks(bulletin, *args)

    monkeypatch.setattr(zalo_render, "body_blocks", converting)
    toml = root / "site.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('label = "An ninh trật tự"', 'label = "An ninh, trật tự"'))
    zalo_build(root)
    assert converted == []
    toml.write_text(text.replace("Mọi thông tin được giữ bí mật.", "Mọi tin báo được giữ kín."))
    zalo_build(root)
    assert len(converted) >= 4


def test_a_line_added_above_a_correction_converts_no_body_again_and_its_note_does(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tag added to a corrected bulletin moves its correction's line in the file, which its
    article does not show: no body is converted again; the correction's note edited converts
    that bulletin's alone."""
    root = project.parent / "corrected"
    shutil.copytree(project, root)
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    zalo_build(root)
    converted: list[str] = []
    blocks = zalo_render.body_blocks

    def converting(bulletin: Bulletin, *args: Any) -> Any:
        """`body_blocks`, noting the bulletin converted."""
        converted.append(bulletin.source)
        return blocks(bulletin, *args)

    monkeypatch.setattr(zalo_render, "body_blocks", converting)
    source = root / "content" / "bai-viet" / "2024-03-01-doi-dia-chi.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("corrections:", 'tags: ["đổi địa chỉ"]\ncorrections:', 1))
    zalo_build(root)
    assert converted == []
    source.write_text(text.replace("Sửa số điện thoại", "Sửa lại số điện thoại", 1))
    zalo_build(root)
    assert converted == ["content/bai-viet/2024-03-01-doi-dia-chi.md"]
    article = (root / "output" / "zalo").glob("*.json")
    assert any("Sửa lại số điện thoại" in path.read_text("utf-8") for path in article)


def asked_again(bulletin: Bulletin, site: Site) -> list[str]:
    """The links of `bulletin`'s article asked again before it is reused (payload.same_calls)."""
    images = ZaloImages(site.config, max_bytes=site.config.zalo.cover_max_bytes)
    _, (_, followed) = body_blocks(bulletin, site, images)
    return [href for href, _ in followed]


def test_a_reused_article_asks_again_only_the_site_paths_pages_can_change(project: Path) -> None:
    """Only a site path under the folder the site is served under leads elsewhere as pages come
    and go: every other one («/lien-he/») was asked again each time an article was reused."""
    config = config_module.load(project)
    site = load_site(config, now=NOW)
    bulletin = next(b for b in site.for_channel("zalo") if b.source.endswith("doi-dia-chi.md"))
    body = (
        "Xem [liên hệ](/lien-he/), [đơn vị](/ca), [giới thiệu](/ca/gioi-thieu/#a) và [khác](/cao/)."
    )
    linked = dataclasses.replace(bulletin, packed_body=pack_text(body))
    assert asked_again(linked, site) == []
    moved = edited(config, site={"base_url": "https://ca-tanphudong.example.vn/ca/"})
    served_under = dataclasses.replace(site, config=moved)
    assert asked_again(linked, served_under) == ["/ca", "/ca/gioi-thieu/#a"]
