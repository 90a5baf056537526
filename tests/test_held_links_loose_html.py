"""A held bulletin linked by raw HTML the page reads loosely (a tag never closed, «</a >», a
«>» inside a quoted value, spaces inside the quoted href) goes out on no channel: the page,
the feeds, Zalo and the search index all give the neutral words, never its file's name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from publish.cli import main
from publish.render.web.search import plain_text

REPO = Path(__file__).resolve().parent.parent
NEUTRAL = "(bài viết hiện không có trên trang)"
SPACED = "2026-12-02-vu an xuyenhai.md"
DASHED = "2026-12-01-nan-nhan-xuyenmot.md"
B = "content/bai-viet/2026-12-06-bai-b.md"
APPROVER = "Thượng tá Trần Minh Trí, Trưởng Công an huyện"
RUN = ("--now", "2026-12-07T09:00")
LEAKS = ("xuyenhai", "xuyenmot", "vu an", "vu%20an", "nan-nhan")
"""What of the held bulletins' names no public file may hold."""


def held_front(name: str) -> str:
    """A draft bulletin named `name`: held back on every channel."""
    return (
        f'---\nid: "held-{name[8:10]}"\ntitle: "Vụ án"\nsummary: "Tóm tắt."\n'
        "category: an-ninh-trat-tu\ndate: 2026-12-01 08:00\ndraft: true\n---\n\nNội dung.\n"
    )


def sample_with_b(tmp_path: Path, line: str) -> Path:
    """A copy of the sample project, with the two held drafts and a published, approved
    bulletin B whose body holds `line`."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(REPO / "site.toml", root / "site.toml")
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    for name in (SPACED, DASHED):
        (root / "content/bai-viet" / name).write_text(held_front(name), "utf-8")
    (root / B).write_text(
        '---\nid: "bai-b"\ntitle: "Bài B"\nsummary: "Tóm tắt."\ncategory: an-ninh-trat-tu\n'
        'date: 2026-12-06 08:00\ncover: images/an-ninh-trat-tu.jpg\ncover_alt: "Biểu trưng"\n'
        f'approved_by: "{APPROVER}"\n---\n\nCông an huyện thông báo.\n\n{line}\n',
        "utf-8",
    )
    assert main(["approve", "--root", str(root), *RUN, B, "--by", APPROVER]) == 0
    return root


def index_terms(root: Path) -> set[str]:
    """Every term the website's search index holds."""
    return {
        term
        for shard in (root / "output/web/tim-kiem/chi-muc").rglob("*.json")
        if shard.parent.name == "t"
        for term in json.loads(shard.read_text("utf-8"))
    }


LINES = {
    "never closed": f'Câu k7: <a href="{SPACED}">{SPACED}',
    "end tag with a space": f'Câu k7: <a href="{SPACED}">{SPACED}</a > hết',
    "quoted value holding >": f'Câu k7: <a title="a>b" href="{SPACED}">{SPACED}</a> hết',
    "spaces inside the quotes": f'Câu k7: <a href=" {DASHED} ">{DASHED}</a> hết',
}


@pytest.mark.parametrize("line", LINES.values(), ids=LINES.keys())
def test_a_held_bulletin_linked_by_loose_html_goes_out_on_no_channel(
    tmp_path: Path, line: str
) -> None:
    """The page's reader (the sanitiser, then publish.render.web.markdown) links each of these
    to the held file and shows the neutral words; the search index took the spaced name's
    words, and the page and feed.xml kept a link and name with spaces inside the quotes."""
    root = sample_with_b(tmp_path, line)
    assert main(["build", "-q", "--root", str(root), *RUN]) == 0
    out = root / "output"
    page = (out / "web/2026/12/bai-b/index.html").read_text("utf-8")
    assert f"Câu k7: {NEUTRAL}" in page
    assert f"Câu k7: {NEUTRAL}" in (out / "zalo/bai-b.json").read_text("utf-8")
    assert f"Câu k7: {NEUTRAL}" in (out / "web/feed.xml").read_text("utf-8")
    assert {"cau", "k7", "thong", "bao"} <= index_terms(root)
    assert not index_terms(root) & {"xuyenhai", "xuyenmot"}  # «vu», «nhan»: sample words
    for path in out.rglob("*"):
        if path.is_file() and path.name != "ghi-chu-bien-tap.txt":
            text = path.read_bytes().decode("utf-8", "replace")
            for leak in LEAKS:
                assert leak not in text, f"{path.relative_to(out)} names {leak}"


@pytest.mark.parametrize("line", LINES.values(), ids=LINES.keys())
def test_the_index_reads_a_loose_html_links_words_as_the_page(line: str) -> None:
    """The words spelling the linked file's name go; the words around them stay."""
    assert plain_text(line).split()[:2] == ["Câu", "k7:"]
    assert not {"xuyenhai.md", "2026-12-02-vu", "2026-12-01-nan-nhan-xuyenmot.md"} & set(
        plain_text(line).split()
    )


def test_a_loose_html_links_own_words_and_a_link_to_no_file_stay_in_the_index() -> None:
    assert plain_text('x <a href="a.md">bài kia</a > y').split() == ["x", "bài", "kia", "y"]
    assert plain_text('x <a title="a>b" href="https://x.vn">web</a> y').split() == ["x", "web", "y"]
    assert plain_text(f'x <a href="{SPACED}">{SPACED}\n\nĐoạn sau.').split() == [
        "x",
        "Đoạn",
        "sau.",
    ]
