"""Text pasted from Word, Facebook or Zalo: decomposed letters (NFD), invisible characters and
Word's curly quotes around front matter values come out right on every channel."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from tests.helpers import NOW, bulletin_md, make_project

ROOT = Path(__file__).parents[1]
INVISIBLE = ("\u00ad", "\u200b", "\u2060", "\u200c")


def load(root: Path):
    """The site of the project at the fixed clock."""
    return load_site(config_module.load(root), now=NOW)


def test_invisible_characters_from_word_and_facebook_are_removed(tmp_path: Path) -> None:
    family = "👨\u200d👩\u200d👧"  # the joiners make one emoji: kept
    text = bulletin_md(
        {
            "title": '"Cảnh báo lừa đảo qua Face\u00adbook và Za\u200blo"',
            "summary": '"Đối tượng lập nhóm\u2060 giả danh Công\u200d an."',
            "tags": '["lừa\u00ad đảo", "lừa đảo", "an\u200b ninh"]',
        },
        body=f"Nhóm «Gia đình {family}» trên Face\u00adbook.\n",
    )
    site = load(make_project(tmp_path, {"content/bai-viet/a.md": text}))
    [bulletin] = site.bulletins
    assert bulletin.title == "Cảnh báo lừa đảo qua Facebook và Zalo"
    assert bulletin.summary == "Đối tượng lập nhóm giả danh Công an."
    assert bulletin.tags == ("lừa đảo", "an ninh")  # one tag, not two spellings of it
    assert bulletin.body.strip() == f"Nhóm «Gia đình {family}» trên Facebook."
    assert site.warnings == ()


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("“Cảnh báo: lừa đảo mua sắm”", "Cảnh báo: lừa đảo mua sắm"),  # was a syntax error
        ("“Lừa đảo # mua sắm cuối năm”", "Lừa đảo # mua sắm cuối năm"),  # was cut at the #
        ("‘Cảnh báo lừa đảo’", "Cảnh báo lừa đảo"),
        ("Chiêu “việc nhẹ lương cao”", "Chiêu “việc nhẹ lương cao”"),  # quotes inside: kept
        ("“Việc nhẹ lương cao” — cạm bẫy mùa hè", "“Việc nhẹ lương cao” — cạm bẫy mùa hè"),
    ],
)
def test_words_curly_quotes_around_a_value_are_read_as_yaml_quotes(
    tmp_path: Path, written: str, title: str
) -> None:
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md({"title": written})})
    site = load(root)
    [bulletin] = site.bulletins
    assert bulletin.title == title
    notes = [p for p in site.warnings if "ngoặc kép cong" in p.message]
    if title == written:
        assert notes == []
    else:
        [note] = notes
        assert note.severity == "note" and note.line == 2 and "Straight quotes" in note.hint


def test_curly_quoted_list_items_and_block_items_are_read_as_yaml_quotes(tmp_path: Path) -> None:
    text = bulletin_md({"tags": "[“lừa đảo”, ‘an ninh’]", "author": "“Minh Anh”"})
    text = text.replace('approved_by: "Thượng tá Nguyễn Văn Hùng"', "approved_by:\n  “Thượng tá A”")
    site = load(make_project(tmp_path, {"content/bai-viet/a.md": text}))
    [bulletin] = site.bulletins
    assert bulletin.tags == ("lừa đảo", "an ninh") and bulletin.author == "Minh Anh"
    # A value on its own line is not `key: value`: left as written.
    assert bulletin.approved_by == "“Thượng tá A”"


def test_curly_quotes_inside_a_block_value_are_the_editors_own(tmp_path: Path) -> None:
    # Lines of a block that read like `key: value` are text, not keys.
    text = bulletin_md({"summary": "|\n  Nguồn: “Bộ Công an”\n  - ‘cảnh báo’"})
    site = load(make_project(tmp_path, {"content/bai-viet/a.md": text}))
    [bulletin] = site.bulletins
    assert bulletin.summary == "Nguồn: “Bộ Công an”\n- ‘cảnh báo’"
    assert not [p for p in site.warnings if "ngoặc kép cong" in p.message]


def test_decomposed_text_comes_out_composed_on_every_channel(tmp_path: Path) -> None:
    """NFD (from macOS, some web pages and phones) in the file name, title, summary, tags and
    body: the website, its search index, Zalo's JSON and the radio script are all NFC."""
    root = tmp_path / "site"
    root.mkdir()
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "site.toml", root / "site.toml")
    nfd = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
    name = nfd("2026-11-20-cảnh-báo-lừa-đảo-nfd.md")
    text = nfd(
        '---\ntitle: "Công an huyện cảnh báo lừa đảo trên mạng xã hội"\n'
        "date: 2026-11-20 08:00\ncategory: canh-bao-toi-pham\n"
        'summary: "Người dân Đồng Tháp cần cảnh giác với thủ đoạn mới."\n'
        'tags: ["lừa đảo qua mạng", "Bảo vệ an ninh Tổ quốc"]\napproved_by: "Thượng tá A"\n'
        "---\n\nNgày 15 tháng 11, Công an huyện Châu Thành tiếp nhận trình báo của người dân.\n"
    )
    assert not unicodedata.is_normalized("NFC", text)
    (root / "content/bai-viet" / name).write_text(text, encoding="utf-8")
    assert main(["build", "--root", str(root), "--now", "2026-11-29T10:00", "--quiet"]) == 0
    page = root / "output/web/2026/11/canh-bao-lua-dao-nfd/index.html"
    zalo = root / "output/zalo/canh-bao-lua-dao-nfd.json"
    radio = root / "output/radio/2026-W47/script.txt"
    search = "".join(p.read_text(encoding="utf-8") for p in (root / "output/web").rglob("*.json"))
    for output in (page.read_text(encoding="utf-8"), zalo.read_text(encoding="utf-8"), search):
        assert unicodedata.is_normalized("NFC", output)
    assert json.loads(zalo.read_text(encoding="utf-8"))["title"] == (
        "Công an huyện cảnh báo lừa đảo trên mạng xã hội"
    )
    script = radio.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", script) and "cảnh báo lừa đảo trên mạng" in script
    assert "Đồng Tháp" in search and (root / "output/web/the/bao-ve-an-ninh-to-quoc").is_dir()
