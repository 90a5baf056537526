"""Every relative link and image of README.md and docs/*.md leads somewhere: to a file of the
repository and, after a «#», to a heading of that file under the anchor GitHub gives it. The
quick guide (docs/huong-dan-nhanh.md) sends editors, approvers and the radio station to
README's sections this way; a renamed heading would otherwise leave them on the top of a
2,000-line page."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_HEADING = re.compile(r"<h[1-6]>(.*?)</h[1-6]>", re.DOTALL)
_TARGET = re.compile(r"<(?:a|img)\b[^>]*?\b(?:href|src)=\"([^\"]*)\"")
_TAG = re.compile(r"<[^>]+>")
_KEPT = ("L", "M", "N", "Pc")  # letters (with their marks), digits, «_»: the rest is dropped


@cache
def rendered(doc: Path) -> str:
    """The doc as GitHub shows it, near enough: code spans and blocks are not links."""
    return markdown.markdown(doc.read_text("utf-8"), extensions=["tables", "fenced_code"])


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading's text: lower case, letters with their marks kept,
    punctuation dropped, each space a «-»."""
    kept = (c for c in heading.lower() if c in " -" or unicodedata.category(c).startswith(_KEPT))
    return "".join(kept).replace(" ", "-")


@cache
def anchors(doc: Path) -> frozenset[str]:
    """The anchors of a doc's headings; a repeated heading's second anchor ends with «-1»."""
    found: list[str] = []
    seen: Counter[str] = Counter()
    for heading in _HEADING.findall(rendered(doc)):
        anchor = github_anchor(html.unescape(_TAG.sub("", heading)).strip())
        found.append(f"{anchor}-{seen[anchor]}" if seen[anchor] else anchor)
        seen[anchor] += 1
    return frozenset(found)


def relative_targets(doc: Path) -> list[str]:
    """The link and image targets of a doc that point inside the repository."""
    targets = (html.unescape(t) for t in _TARGET.findall(rendered(doc)))
    return [t for t in targets if not urlsplit(t).scheme and not t.startswith("//")]


def broken(doc: Path) -> list[str]:
    """Each relative target of a doc that leads to no file, or to no heading of its file."""
    wrong = []
    for target in relative_targets(doc):
        path, _, anchor = target.partition("#")
        place = (doc.parent / unquote(path)).resolve() if path else doc
        if not place.is_file():
            wrong.append(f"{target}: không có tệp {place}")
        elif anchor and place.suffix == ".md" and unquote(anchor) not in anchors(place):
            wrong.append(f"{target}: {place.name} không có mục nào mang địa chỉ #{unquote(anchor)}")
    return wrong


def test_anchors_are_made_as_github_makes_them() -> None:
    """Checked against anchors GitHub gave README's Vietnamese headings."""
    assert github_anchor("Người duyệt duyệt bản tin") == "người-duyệt-duyệt-bản-tin"
    assert github_anchor("Cấu hình site.toml") == "cấu-hình-sitetoml"
    assert github_anchor("Phát thanh: chuyên mục “Vì an ninh Tổ quốc”") == (
        "phát-thanh-chuyên-mục-vì-an-ninh-tổ-quốc"
    )
    assert github_anchor("Phần đầu (front matter)") == "phần-đầu-front-matter"
    assert github_anchor("publish — một nguồn bản tin") == "publish--một-nguồn-bản-tin"


def test_the_check_finds_a_link_to_a_missing_heading_or_file(tmp_path: Path) -> None:
    """The check could fail: a heading renamed, a file moved, and a link in code left alone."""
    (tmp_path / "README.md").write_text("# Hướng dẫn\n\n## Người duyệt duyệt bản tin\n", "utf-8")
    doc = tmp_path / "huong-dan.md"
    doc.write_text(
        "[duyệt](README.md#người-duyệt-duyệt-bản-tin), [cũ](README.md#người-duyệt),\n"
        "[mất](khong-co.md), [mục đầu](#hướng-dẫn-nhanh) và `[mẫu](../tep/mau-don.pdf)`.\n\n"
        "# Hướng dẫn nhanh\n",
        "utf-8",
    )
    assert broken(doc) == [
        "README.md#người-duyệt: README.md không có mục nào mang địa chỉ #người-duyệt",
        f"khong-co.md: không có tệp {tmp_path / 'khong-co.md'}",
    ]


def test_the_quick_guide_links_to_readme_sections() -> None:
    """The guide is short because it sends the reader to README for details."""
    guide = ROOT / "docs" / "huong-dan-nhanh.md"
    sections = [t for t in relative_targets(guide) if t.startswith("../README.md#")]
    assert len(sections) >= 8, sections
    readme = (ROOT / "README.md").read_text("utf-8")
    intro = readme[: readme.index("## Hai lệnh để bắt đầu")]
    assert "(docs/huong-dan-nhanh.md)" in intro


def test_the_quick_guide_is_written_in_composed_vietnamese() -> None:
    """NFC, as every text users read: a decomposed «ệ» breaks search and some fonts."""
    text = (ROOT / "docs" / "huong-dan-nhanh.md").read_text("utf-8")
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_every_relative_link_leads_to_a_file_and_heading(doc: Path) -> None:
    wrong = broken(doc)
    assert not wrong, "\n".join(wrong)
