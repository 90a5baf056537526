"""A bulletin's title written in square brackets where a link to it was meant (publish.
title_links): `publish check` names the file to link with."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError
from tests.helpers import NOW, bulletin_md, make_project
from tests.test_links import A, project


def bracket_warnings(root: Path) -> list:
    """The warnings of the load about bracketed titles."""
    site = load_site(config_module.load(root), now=NOW)
    return [w for w in site.warnings if w.code == "bracketed-title"]


def test_a_bracketed_title_warns_at_its_line_naming_the_file(tmp_path: Path) -> None:
    """QA s77: «Xem thêm bài [Bài bên kia].» showed the brackets on the website and Zalo and
    stopped the radio («[Bài» unreadable), and nothing said it was meant as a link."""
    root = project(tmp_path, "Mở đầu.\n\nXem thêm bài [Bài  bên KIA].\n")
    [warning] = bracket_warnings(root)
    assert (warning.file, warning.line, warning.severity) == (A, 12, "warning")
    assert warning.message.startswith(
        "«[Bài  bên KIA]» là tiêu đề của bài content/bai-viet/2020-12-09-ben-kia.md đặt trong "
        "ngoặc vuông, không phải liên kết"
    )
    assert "[Bài  bên KIA](2020-12-09-ben-kia.md)" in (warning.hint or "")


@pytest.mark.parametrize(
    "body",
    [
        "Xem [Bài bên kia](2020-12-09-ben-kia.md).\n",
        "Xem [Bài bên kia][].\n\n[Bài bên kia]: 2020-12-09-ben-kia.md\n",
        "Xem `[Bài bên kia]` là cách viết sai.\n",
        "Xem [Một chuyên mục khác] của trang.\n",
    ],
)
def test_links_code_and_other_brackets_are_not_told(tmp_path: Path, body: str) -> None:
    assert bracket_warnings(project(tmp_path, body)) == []


def test_a_load_reads_each_title_once_for_bracketed_titles_and_relative_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both checks match words with the loaded titles: the map of them is made once per load,
    not once for each (a title_key of every title twice)."""
    from publish import relative_links, title_links

    root = project(tmp_path, "Xem [Bài bên kia] và [mục](lien-he).\n")
    keyed: list[str] = []
    real = title_links.title_key

    def counted(title: str) -> str:
        keyed.append(title)
        return real(title)

    monkeypatch.setattr(title_links, "title_key", counted)
    monkeypatch.setattr(relative_links, "title_key", counted)
    with pytest.raises(ContentError) as raised:  # «lien-he» leads nowhere
        load_site(config_module.load(root), now=NOW)
    told = [p.code for p in raised.value.problems]
    assert told.count("bracketed-title") == 1, told
    assert keyed.count("Bài bên kia") == 2  # its title once, the bracketed words once


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_large_site_tells_the_same_bracketed_titles_on_both_cores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    """The check runs on both cores at 64 documents or more (run_jobs): each warning is still
    told once, at its file and line, in the files' order, as in one process."""
    monkeypatch.setenv("PUBLISH_WORKERS", workers)
    files = {}
    for i in range(70):
        fields = {"title": f'"Bản tin thứ {i:02d} của tuần này"', "slug": f"ban-tin-{i:02d}"}
        body = (
            f"Mở đầu.\n\nXem thêm [Bản tin thứ {i - 1:02d} của tuần này].\n"
            if i % 9 == 1
            else "Nội dung.\n"
        )
        files[f"content/bai-viet/b{i:02d}.md"] = bulletin_md(fields, body)
    root = make_project(tmp_path, files)
    found = [(w.file, w.line) for w in bracket_warnings(root)]
    told = [i for i in range(70) if i % 9 == 1]
    assert [file for file, _ in found] == [f"content/bai-viet/b{i:02d}.md" for i in told]
    assert {line for _, line in found} == {found[0][1]}  # each at its body's third line
