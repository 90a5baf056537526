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


VISITORS = "content/pages/visitors.md"
VISITORS_PAGE = (
    "---\ntitle: For foreign visitors\nslug: visitors\nsummary: Where to declare your stay.\n"
    "order: 6\nlang: en\n---\n\nDeclare where you stay within 12 hours.\n"
)
LIST_START = "{% if same_language %}"
LIST_WARNING = (
    "templates/web/page.html: cảnh báo: mẫu giao diện riêng page.html không hiện danh sách "
    "«More in English» (các trang khác cùng ngôn ngữ, ở cuối trang đầu tiên viết bằng ngôn ngữ "
    f"ấy): chân trang chỉ liên kết trang đầu, nên người đọc website không tìm thấy 1 trang còn "
    f"lại từ trang nào ({VISITORS})"
)


def the_list(page_html: str) -> str:
    """The built-in page.html's part listing a language's other pages, from its {% if %} to
    the {% endif %} after its </nav>."""
    start = page_html.index(LIST_START)
    return page_html[start : page_html.index("{% endif %}", page_html.index("</nav>", start)) + 11]


def listing_project(tmp_path: Path, *, second: str = VISITORS_PAGE, listed: bool = False) -> Path:
    """Two pages in another language (the English page and `second`), the footer's link to the
    first, and a page.html copied before it listed the others (or, `listed`, after)."""
    root = project(tmp_path, copied_before=False)
    (root / VISITORS).write_text(second, "utf-8")
    if not listed:
        page = root / "templates/web/page.html"
        text = page.read_text("utf-8")
        page.write_text(text.replace(the_list(text), ""), "utf-8")
    return root


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_page_template_copied_before_the_language_s_list_is_warned(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The footer links the first English page only: with no «More in English» list on it, the
    second is linked from no page. The unit learns which, and the part of page.html to add."""
    root = listing_project(tmp_path)
    err = web_notes(command, root, capsys)
    assert LIST_WARNING in err, err
    assert "'{% if same_language %}…{% endif %}'" in err and "'.same-language h2'" in err, err
    assert "templates/web/page.html và templates/assets/style.css" in err, err
    assert err.count("More in English") == 1 and "base.html" not in err, err
    if command == "build":
        first = (root / "output/web/english/index.html").read_text("utf-8")
        assert "/visitors/" not in first and "More in English" not in first


def test_the_part_the_warning_names_lists_the_page_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Adding the built-in page.html's part before </article> lists the page and silences it."""
    root = listing_project(tmp_path)
    page = root / "templates/web/page.html"
    part = the_list((BUILTIN_THEME / "web/page.html").read_text("utf-8"))
    page.write_text(page.read_text("utf-8").replace("</article>", f"{part}\n</article>"), "utf-8")
    err = web_notes("build", root, capsys)
    assert "More in English" not in err and "page.html" not in err, err
    first = (root / "output/web/english/index.html").read_text("utf-8")
    assert '<a href="/visitors/" lang="en" hreflang="en">For foreign visitors</a>' in first


@pytest.mark.parametrize(
    ("second", "listed"),
    [
        (VISITORS_PAGE, True),
        (VISITORS_PAGE.replace("lang: en", "lang: fr"), False),
        (VISITORS_PAGE.replace("lang: en\n", ""), False),
    ],
    ids=["up-to-date", "one-page-each-language", "second-page-vietnamese"],
)
def test_no_list_warning_when_every_page_in_another_language_is_linked(
    second: str, listed: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An up-to-date page.html lists the page; a language with one page (the footer links it)
    and a page in the site's language (a menu item) need no list."""
    root = listing_project(tmp_path, second=second, listed=listed)
    err = web_notes("check", root, capsys)
    assert "page.html" not in err and "danh sách" not in err, err
