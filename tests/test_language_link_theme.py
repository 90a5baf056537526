"""A unit's own theme copied before a page in another language left the menu for the footer's
language link («English»): `check` and `build` warn that no page links the English page, and say
what to copy; a theme with the link, or a site without such a page, is told nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from publish.config import BUILTIN_THEME
from publish.render.web.theme_notes import LANGUAGE_LINK
from tests.helpers import SITE_TOML, bulletin_md, make_project, web_notes

FOOTER_LINK = "{% for language in languages %}"
ENGLISH = "content/pages/english.md"
ENGLISH_PAGE = (
    "---\ntitle: About us\nslug: english\nsummary: Who we are and how to reach us.\n"
    "order: 4\nlang: en\n---\n\nWe are the district police.\n"
)
WARNING = (
    "templates/web/base.html: cảnh báo: mẫu giao diện riêng base.html không có liên kết tới "
    f"trang viết bằng ngôn ngữ khác ({ENGLISH})"
)


def project(tmp_path: Path, *, english: bool = True, copied_before: bool = True) -> Path:
    """One bulletin, (when asked) an English page, and the unit's own copy of the built-in
    theme, (when asked) as it was before the footer linked pages in another language."""
    files = {"site.toml": SITE_TOML, "content/bai-viet/a.md": bulletin_md({"slug": "bai-a"})}
    if english:
        files[ENGLISH] = ENGLISH_PAGE
    root = make_project(tmp_path, files)
    shutil.copytree(BUILTIN_THEME, root / "templates")
    if copied_before:
        base = root / "templates/web/base.html"
        text = base.read_text("utf-8")
        start = text.index(FOOTER_LINK)
        end = text.index("{% endfor %}", start) + len("{% endfor %}")
        base.write_text(text[:start] + text[end:], "utf-8")
    return root


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_theme_copied_before_the_language_link_is_warned(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The English page is in no menu and in no footer of such a theme: the unit learns it,
    with the line to add, which the built-in base.html writes in its own way."""
    root = project(tmp_path)
    err = web_notes(command, root, capsys)
    assert WARNING in err, err
    assert LANGUAGE_LINK in err and "footer-meta" in err
    if command == "build":
        home = (root / "output/web/index.html").read_text("utf-8")
        assert 'href="/english/"' not in home and "hreflang" not in home


def test_the_line_the_warning_gives_links_the_page_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Following the hint (adding its line to the footer) links the page and silences it."""
    root = project(tmp_path)
    base = root / "templates/web/base.html"
    text = base.read_text("utf-8")
    base.write_text(
        text.replace('<p class="footer-meta">', f'<p class="footer-meta">{LANGUAGE_LINK}', 1),
        "utf-8",
    )
    err = web_notes("build", root, capsys)
    assert "ngôn ngữ khác" not in err, err
    home = (root / "output/web/index.html").read_text("utf-8")
    assert '<a href="/english/" lang="en" hreflang="en">English</a>' in home


@pytest.mark.parametrize(
    ("english", "copied_before"), [(True, False), (False, True)], ids=["up-to-date", "no-page"]
)
def test_no_warning_for_a_theme_with_the_link_or_a_site_without_such_a_page(
    english: bool, copied_before: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An up-to-date copy links the page; a site with no page in another language needs no link."""
    root = project(tmp_path, english=english, copied_before=copied_before)
    err = web_notes("check", root, capsys)
    assert "ngôn ngữ khác" not in err, err
