"""A page's `updated` date (Nghị định 42/2022/NĐ-CP: information on an agency's site says when it
was updated): read as `date` is, shown as «Cập nhật ngày …» and the page's sitemap <lastmod>.
A bulletin still refuses it: its corrections say what changed and when."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError, Problem
from publish.fields import DATE_HINT
from publish.model import Site
from tests.helpers import NOW, bulletin_md, make_project, publish_command
from tests.web_fixture import NOW as WEB_NOW
from tests.web_fixture import BuiltSite, build_site, copy_site

A = "content/bai-viet/a.md"
PAGE = "content/pages/lien-he.md"


def page_md(front: str) -> str:
    """A contact page with the front matter lines `front`."""
    return f'---\ntitle: "Liên hệ"\nlayout: contact\n{front}\n---\nNội dung.\n'


def load(root: Path, now: dt.datetime = NOW) -> Site:
    """Load a project's site at a fixed clock."""
    return load_site(config_module.load(root), now=now)


def problems_loading(tmp_path: Path, front: str) -> tuple[Problem, ...]:
    """The problems of loading a project whose page writes `front` (it must fail)."""
    root = make_project(tmp_path, {A: bulletin_md(), PAGE: page_md(front)})
    with pytest.raises(ContentError) as info:
        load(root)
    return info.value.problems


def test_a_page_s_updated_day_is_read_in_the_site_s_time_zone(tmp_path: Path) -> None:
    root = make_project(tmp_path, {A: bulletin_md(), PAGE: page_md("updated: 2020-12-20")})
    [page] = load(root).pages
    assert page.updated == dt.datetime(2020, 12, 20, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert not page.updated_timed
    assert page.extra == {}  # not left to the theme as an unknown field


def test_a_page_s_updated_moment_keeps_its_time(tmp_path: Path) -> None:
    root = make_project(tmp_path, {A: bulletin_md(), PAGE: page_md("updated: 20/12/2020 14h30")})
    [page] = load(root).pages
    assert page.updated is not None and (page.updated.hour, page.updated.minute) == (14, 30)
    assert page.updated_timed


@pytest.mark.parametrize(
    ("written", "fix"),
    [("31/11/2020", "Tháng 11 năm 2020 chỉ có 30 ngày"), ("hôm qua", "ghi ngày cụ thể bằng số")],
)
def test_an_unread_updated_is_told_as_an_unread_date_is(
    tmp_path: Path, written: str, fix: str
) -> None:
    """The same reading and the same messages as a bulletin's `date`, at the page's line."""
    [problem] = problems_loading(tmp_path, f'updated: "{written}"')
    assert (problem.file, problem.field, problem.line) == (PAGE, "updated", 4)
    assert problem.severity == "error"
    assert fix in (problem.hint or ""), problem.hint
    assert (problem.hint or "").endswith(DATE_HINT)


def test_an_updated_day_still_to_come_is_warned_about(tmp_path: Path) -> None:
    """«Cập nhật ngày 20/12/2021» on 1/1/2021 is a date typed wrong; the page is published."""
    root = make_project(tmp_path, {A: bulletin_md(), PAGE: page_md("updated: 2021-12-20")})
    site = load(root)
    [warning] = [w for w in site.warnings if w.field == "updated"]
    assert (warning.file, warning.line, warning.severity) == (PAGE, 4, "warning")
    assert "chưa tới" in warning.message and "'updated: 2021-01-01'" in (warning.hint or "")
    assert [p.slug for p in site.pages] == ["lien-he"]


def test_an_updated_day_up_to_the_embargo_of_a_page_is_no_warning(tmp_path: Path) -> None:
    """A page scheduled for 20/12 and updated that day says nothing to come once it is out."""
    front = "date: 2021-12-20 08:00\nupdated: 2021-12-20"
    root = make_project(tmp_path, {A: bulletin_md(), PAGE: page_md(front)})
    assert not [w for w in load(root).warnings if w.field == "updated"]


@pytest.mark.parametrize("key", ["lastmod", "modified"])
def test_another_tool_s_name_in_a_page_points_to_updated(tmp_path: Path, key: str) -> None:
    root = make_project(tmp_path, {A: bulletin_md(), PAGE: page_md(f"{key}: 2020-12-20")})
    [warning] = [w for w in load(root).warnings if w.field == key]
    assert "Đổi 'lastmod:' thành 'updated:'".replace("lastmod", key) in (warning.hint or "")
    assert "corrections" not in (warning.hint or "")


def test_a_vietnamese_name_in_a_page_points_to_updated(tmp_path: Path) -> None:
    files = {A: bulletin_md(), PAGE: page_md("ngày_cập_nhật: 2020-12-20")}
    [warning] = [w for w in load(make_project(tmp_path, files)).warnings if w.field]
    assert "'updated'" in warning.message


def test_a_bulletin_still_refuses_updated_and_points_to_corrections(tmp_path: Path) -> None:
    root = make_project(tmp_path, {A: bulletin_md({"updated": "2020-12-09"})})
    site = load(root)
    [warning] = [w for w in site.warnings if w.field == "updated"]
    assert "không được công cụ này đọc" in warning.message
    assert "corrections" in (warning.hint or "")
    assert "updated" in site.bulletins[0].extra  # left unread, as before


# --- the website -------------------------------------------------------------------------------


class Updated(HTMLParser):
    """The page's «Cập nhật …» line: its text and its <time datetime>."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.datetime: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "p" and found.get("class") == "meta updated":
            self._depth = 1
        elif self._depth and tag == "time":
            self.datetime = found.get("datetime")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._depth = 0

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.text += data


def updated_line(page: str) -> Updated:
    """The «Cập nhật …» line of a page."""
    parser = Updated()
    parser.feed(page)
    return parser


def lastmods(site: BuiltSite) -> dict[str, str | None]:
    """Each sitemap address with its <lastmod> (None without one)."""
    xml = (site.web / "sitemap.xml").read_text("utf-8")
    return {
        loc: mod or None
        for loc, mod in re.findall(
            r"<loc>([^<]*)</loc>\s*(?:<lastmod>([^<]*)</lastmod>)?", xml, flags=re.DOTALL
        )
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture site, whose contact page writes `updated: 2024-03-15`."""
    return build_site(copy_site(tmp_path_factory.mktemp("updated")))


def test_the_page_says_when_it_was_updated(built: BuiltSite) -> None:
    line = updated_line(built.html("/lien-he/"))
    assert line.text == "Cập nhật ngày 15/3/2024"
    assert line.datetime == "2024-03-15T00:00:00+07:00"


def test_the_sitemap_dates_the_page_by_its_updated_day(built: BuiltSite) -> None:
    mods = lastmods(built)
    assert mods["https://ca-tanphudong.example.vn/lien-he/"] == "2024-03-15T00:00:00+07:00"


def test_a_page_without_updated_has_no_line_nor_lastmod(tmp_path: Path) -> None:
    root = copy_site(tmp_path)
    page = root / PAGE
    page.write_text(page.read_text("utf-8").replace("updated: 2024-03-15\n", ""), "utf-8")
    site = build_site(root)
    assert updated_line(site.html("/lien-he/")).text == ""
    assert lastmods(site)["https://ca-tanphudong.example.vn/lien-he/"] is None


def test_an_updated_time_is_shown_with_its_hour(tmp_path: Path) -> None:
    root = copy_site(tmp_path)
    page = root / PAGE
    text = page.read_text("utf-8").replace("updated: 2024-03-15", "updated: 2024-03-15 14:30")
    page.write_text(text, "utf-8")
    line = updated_line(build_site(root).html("/lien-he/"))
    assert line.text == "Cập nhật lúc 14:30 ngày 15/3/2024"
    assert line.datetime == "2024-03-15T14:30:00+07:00"


def test_an_unread_updated_stops_the_build_with_exit_1_and_writes_nothing(tmp_path: Path) -> None:
    root = copy_site(tmp_path)
    page = root / PAGE
    page.write_text(
        page.read_text("utf-8").replace("updated: 2024-03-15", 'updated: "31/11/2023"'), "utf-8"
    )
    result = publish_command("build", "--root", root, "--now", WEB_NOW.isoformat())
    assert result.returncode == 1, result.stderr
    assert f"{PAGE}:6: lỗi: trường 'updated'" in result.stderr, result.stderr
    assert not (root / "output").exists()
