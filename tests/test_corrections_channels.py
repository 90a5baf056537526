"""A corrected bulletin on every channel: the page, feeds and sitemap, the Zalo article as the
emulator receives it, and the radio script."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import feedparser  # type: ignore[import-untyped]
import pytest

from publish import config as config_module
from publish.pipeline import build
from publish.writer import write
from tests.helpers import NOW, bulletin_md, make_project
from tests.test_corrections import CORRECTION, FILE, NOTE, OTHER

BASE = "https://congan-chauthanh.example.vn/"


def build_web(root: Path, now: dt.datetime = NOW) -> Path:
    """Build the website into root/output/web."""
    result = build(config_module.load(root), channels=("web",), now=now)
    write(result.artifacts, root / "output", ("web",))
    return root / "output" / "web"


def corrected_project(tmp_path: Path) -> Path:
    """A (older) bulletin corrected after a newer one was published, and that newer one."""
    return make_project(
        tmp_path,
        {
            FILE: bulletin_md(
                {
                    "slug": "bai-a",
                    "corrections": CORRECTION
                    + '\n  - date: 2020-12-20 09:05\n    note: "Sửa tên xã."',
                }
            ),
            OTHER: bulletin_md(
                {"slug": "bai-b", "date": "2020-12-10 08:00", "title": '"Tin mới hơn"'}
            ),
        },
    )


def test_the_page_says_when_it_was_updated_and_lists_each_correction_before_the_text(
    tmp_path: Path,
) -> None:
    web = build_web(corrected_project(tmp_path))
    html = (web / "2020/12/bai-a/index.html").read_text("utf-8")
    updated = '<time datetime="2020-12-20T09:05:00+07:00">9:05 ngày 20/12/2020</time>'
    assert f'<p class="meta updated">Cập nhật lúc {updated}</p>' in html
    box = re.search(
        r'<section class="corrections" aria-labelledby="dinh-chinh">(.*?)</section>', html, re.S
    )
    assert box is not None
    assert '<h2 id="dinh-chinh">Đính chính</h2>' in box[1]
    items = re.findall(r"<li>(.*?)</li>", box[1])
    assert items == [
        f'<time datetime="2020-12-09T14:30:00+07:00">14:30 ngày 9/12/2020</time>: {NOTE}',
        f"{updated}: Sửa tên xã.",
    ]
    assert html.index("Đính chính</h2>") < html.index('class="lead"') < html.index('class="prose"')
    assert '<meta property="article:published_time" content="2020-12-08T08:00:00+07:00">' in html
    assert '<meta property="article:modified_time" content="2020-12-20T09:05:00+07:00">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])  # type: ignore[index]
    assert (data["datePublished"], data["dateModified"]) == (
        "2020-12-08T08:00:00+07:00",
        "2020-12-20T09:05:00+07:00",
    )


def test_a_page_without_corrections_shows_none_and_is_modified_when_published(
    tmp_path: Path,
) -> None:
    web = build_web(corrected_project(tmp_path))
    html = (web / "2020/12/bai-b/index.html").read_text("utf-8")
    assert "corrections" not in html and "Cập nhật" not in html
    assert "article:modified_time" not in html
    assert '"dateModified": "2020-12-10T08:00:00+07:00"' in html


def test_a_correction_with_a_day_alone_shows_the_day_alone(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        {
            FILE: bulletin_md(
                {"slug": "bai-a", "corrections": '\n  - date: 2020-12-09\n    note: "x"'}
            )
        },
    )
    html = (build_web(root) / "2020/12/bai-a/index.html").read_text("utf-8")
    assert 'Cập nhật <time datetime="2020-12-09T00:00:00+07:00">ngày 9/12/2020</time>' in html


def test_sitemap_and_feeds_date_the_correction_and_lists_keep_the_publication_order(
    tmp_path: Path,
) -> None:
    web = build_web(corrected_project(tmp_path))
    sitemap = (web / "sitemap.xml").read_text("utf-8")
    page = re.search(r"<loc>[^<]*/2020/12/bai-a/</loc>\s*<lastmod>([^<]*)</lastmod>", sitemap)
    assert page is not None and page[1] == "2020-12-20T09:05:00+07:00"
    feed = feedparser.parse((web / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert [e.link for e in feed.entries] == [BASE + "2020/12/bai-b/", BASE + "2020/12/bai-a/"]
    newer, corrected = feed.entries
    assert (corrected.published, corrected.updated) == (
        "2020-12-08T08:00:00+07:00",
        "2020-12-20T09:05:00+07:00",
    )
    assert newer.published == newer.updated == "2020-12-10T08:00:00+07:00"
    assert feed.feed.updated == "2020-12-20T09:05:00+07:00"
    content = corrected.content[0].value
    assert content.startswith("<p><strong>Đính chính (14:30 ngày 9/12/2020):</strong> Sửa số")
    home = (web / "index.html").read_text("utf-8")
    assert home.index("/2020/12/bai-b/") < home.index("/2020/12/bai-a/")


def lastmods(web: Path) -> dict[str, str]:
    """Each sitemap entry's <lastmod>, by site path."""
    sitemap = (web / "sitemap.xml").read_text("utf-8")
    found = re.findall(r"<loc>([^<]*)</loc>\s*<lastmod>([^<]*)</lastmod>", sitemap)
    return {loc.removeprefix(BASE.rstrip("/")): when for loc, when in found}


def test_a_list_page_showing_a_corrected_bulletin_is_dated_by_its_correction(
    tmp_path: Path,
) -> None:
    """Its card shows the corrected title and summary: the lists holding it changed then too,
    and search engines learn that from <lastmod>. The archive, listing months only, did not."""
    dated = lastmods(build_web(corrected_project(tmp_path)))
    for listing in ("/", "/chuyen-muc/canh-bao-toi-pham/", "/luu-tru/2020/12/"):
        assert dated[listing] == "2020-12-20T09:05:00+07:00", listing
    assert dated["/luu-tru/"] == "2020-12-10T08:00:00+07:00"


def test_every_page_of_a_list_is_dated_by_the_newest_bulletin_on_it_or_before_it(
    tmp_path: Path,
) -> None:
    """A bulletin published at the head of a list moves every card of its later pages on by
    one: page 2 changed when it was published, not when its own newest card was. A correction
    dates only the page its bulletin is on."""
    root = corrected_project(tmp_path)
    (root / "site.toml").write_text(
        (root / "site.toml").read_text("utf-8") + "\n[web]\nper_page = 1\n", "utf-8"
    )
    third = bulletin_md({"slug": "bai-c", "date": "2020-12-01 08:00", "title": '"Tin cũ"'})
    (root / "content/bai-viet/c.md").write_text(third, "utf-8")
    dated = lastmods(build_web(root))
    assert dated["/"] == "2020-12-10T08:00:00+07:00"  # bai-b
    assert dated["/trang/2/"] == "2020-12-20T09:05:00+07:00"  # bai-a, corrected
    assert dated["/trang/3/"] == "2020-12-10T08:00:00+07:00"  # bai-c, moved on by bai-b


def test_a_note_is_text_on_every_channel_never_markup(tmp_path: Path) -> None:
    note = "<script>alert(1)</script> & <b>đậm</b>"
    root = make_project(
        tmp_path,
        {
            FILE: bulletin_md(
                {
                    "slug": "bai-a",
                    "corrections": f"\n  - date: 2020-12-09 14:30\n    note: '{note}'",
                }
            )
        },
    )
    web = build_web(root)
    html = (web / "2020/12/bai-a/index.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;" in html
    feed = feedparser.parse((web / "feed.xml").read_bytes())
    assert "&lt;script&gt;" in feed.entries[0].content[0].value


# Zalo, as the emulator receives it, and the radio script.


def test_a_correction_updates_the_zalo_article_in_place_and_opens_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from publish.zalo.emulator import EmulatorConfig, ZaloEmulator
    from tests.test_sync_zalo import state, sync
    from tests.zalo_fixtures import env_for
    from tests.zalo_project import FAST_ENV, zalo_bulletin, zalo_project

    with ZaloEmulator(EmulatorConfig()) as emulator:
        for name, value in env_for(emulator, tmp_path / "secrets" / "t.json", **FAST_ENV).items():
            monkeypatch.setenv(name, value)
        root = zalo_project(tmp_path, 2)
        assert sync(root) == 0
        article = state(root)["bt-001"]["article_id"]
        body_before = emulator.articles[article]["body"]
        path = root / "content" / "bai-viet" / "ban-tin-001.md"
        path.write_text(
            zalo_bulletin(1, corrections=CORRECTION.replace("2020-12-09", "2020-12-20")), "utf-8"
        )
        emulator.clear_calls()
        capsys.readouterr()
        assert sync(root, "--dry-run") == 0
        out = capsys.readouterr().out
        assert "nội dung bài viết thay đổi (đính chính lúc 14:30 ngày 20/12/2020" in out
        assert sync(root) == 0
        writes = emulator.write_calls()
        assert [(c.path, c.body["id"]) for c in writes] == [("/v2.0/article/update", article)]
        sent = writes[0].body["body"]
        assert sent[0] == {"type": "text", "content": f"Đính chính (14:30 ngày 20/12/2020): {NOTE}"}
        assert sent[1:] == body_before
        assert emulator.articles[article]["body"] == sent


def test_a_radio_script_not_yet_aired_reads_the_corrected_text_without_a_correction_line(
    tmp_path: Path,
) -> None:
    """Its listeners never heard the earlier text: a «Đính chính» line would correct a story
    they did not hear (an aired episode is never rewritten)."""
    root = make_project(
        tmp_path,
        {
            FILE: bulletin_md(
                {
                    "id": "ct-a",
                    "channels": "[radio]",
                    "radio": "{air_date: 2021-01-09}",
                    "corrections": '\n  - date: 2020-12-09 14:30\n    note: "Sửa tên xã: đúng là xã Phú Hựu."',
                },
                body="Nội dung bản tin.\n",
            )
        },
    )
    result = build(config_module.load(root), channels=("radio",), now=NOW)
    write(result.artifacts, root / "output", ("radio",))
    item = (root / "output" / "radio" / "items" / "ct-a.txt").read_text("utf-8-sig")
    spoken = item.split("-" * 20)[-1].lstrip("-\n").split("\n\n")
    assert spoken[0] == "Nội dung bản tin."
    assert "Đính chính" not in item and "Phú Hựu" not in item
