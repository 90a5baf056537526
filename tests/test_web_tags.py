"""Tag pages: spellings of one tag (case, accents, spacing, a leading #) share a page and a label;
tags whose names differ only by symbols a slug drops ("C", "C++", "C#") get a page each."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from publish import config as config_module
from publish.pipeline import build
from publish.writer import write
from tests.helpers import NOW, SITE_TOML, bulletin_md, make_project


def bulletin(day: int, tags: str) -> str:
    """A bulletin of December `day` with the YAML list `tags`."""
    return bulletin_md({"date": f"2020-12-{day:02d} 08:00", "tags": tags})


def built(root: Path) -> dict[str, bytes]:
    """Build and write the website of the project; its files."""
    result = build(config_module.load(root), channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",), cache=root / ".cache")
    web = root / "output" / "web"
    return {p.relative_to(web).as_posix(): p.read_bytes() for p in web.rglob("*") if p.is_file()}


def tag_links(files: dict[str, bytes], page: str) -> list[tuple[str, str]]:
    """(address, label) of each tag link on a bulletin's page."""
    html = files[f"{page}index.html"].decode()
    tags = html.split('<ul class="tags"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="([^"]*)"><span aria-hidden="true">#</span>([^<]*)</a>', tags)


def tag_pages(files: dict[str, bytes]) -> dict[str, str]:
    """Each tag page's address and the heading it shows."""
    return {
        "/" + path.removesuffix("index.html"): re.search(r"<h1[^>]*>([^<]*)</h1>", data.decode())[1]
        for path, data in files.items()
        if re.fullmatch(r"the/[^/]+/index\.html", path)
    }


def test_tags_differing_by_symbols_get_a_page_each_and_spellings_still_share_one(
    tmp_path: Path,
) -> None:
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/a.md": bulletin(1, '["C++", "C#", "an ninh", "Tuần Tra"]'),
            "content/bai-viet/b.md": bulletin(2, '["C#", "An Ninh"]'),
            "content/bai-viet/c.md": bulletin(3, '["C", "AN-NINH", "#tuần tra"]'),
        },
    )
    files = built(root)
    assert tag_links(files, "2020/12/a/") == [
        ("/the/c-plus-plus/", "C++"),
        ("/the/c-sharp/", "C#"),
        ("/the/an-ninh/", "an ninh"),
        ("/the/tuan-tra/", "Tuần Tra"),
    ]
    assert tag_links(files, "2020/12/b/") == [("/the/c-sharp/", "C#"), ("/the/an-ninh/", "an ninh")]
    assert tag_pages(files) == {
        "/the/c/": "Thẻ: C",
        "/the/c-plus-plus/": "Thẻ: C++",
        "/the/c-sharp/": "Thẻ: C#",
        "/the/an-ninh/": "Thẻ: an ninh",
        "/the/tuan-tra/": "Thẻ: Tuần Tra",
    }
    listed = files["the/c-sharp/index.html"].decode()
    assert "/2020/12/a/" in listed and "/2020/12/b/" in listed and "/2020/12/c/" not in listed


def test_a_page_follows_its_tag_when_another_tag_takes_the_plain_address(tmp_path: Path) -> None:
    """A "C" added to another bulletin moves "C++" to its own address. Nothing else of the page
    of a bulletin tagged "C++" changes (the other is no neighbour or related bulletin of it),
    yet that page is rebuilt with the new link, as a clean build has it."""
    other = {"category": "an-ninh-trat-tu", "date": "2020-12-20 08:00", "tags": '["D"]'}
    root = make_project(
        tmp_path,
        {
            "site.toml": SITE_TOML + "\n[web]\nrelated = 0\n",
            "content/bai-viet/cu.md": bulletin(1, "[]"),
            "content/bai-viet/a.md": bulletin(2, '["C++"]'),
            "content/bai-viet/moi.md": bulletin(3, "[]"),
            "content/bai-viet/b.md": bulletin_md(other),
        },
    )
    assert tag_links(built(root), "2020/12/a/") == [("/the/c/", "C++")]
    (root / "content/bai-viet/b.md").write_text(bulletin_md({**other, "tags": '["C"]'}), "utf-8")
    files = built(root)
    assert tag_links(files, "2020/12/a/") == [("/the/c-plus-plus/", "C++")]
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "output"))
    assert files == built(clean)
