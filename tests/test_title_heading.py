"""A body opening with its own title as a heading (`# <the title>`, pasted with it): a warning
naming the line, the heading kept (never dropped silently)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import Problem
from publish.model import Site
from publish.text import title_words
from tests.helpers import NOW, bulletin_md, make_project

FIRST = 9
"""The body's first line in a file `bulletin_md` writes (front matter of 5 fields, a blank)."""
TITLE = "Cảnh báo lừa đảo qua mạng"
"""The title `bulletin_md` writes."""


def load(tmp_path: Path, body: str, **fields: str) -> Site:
    """The site of one bulletin with `body` (and front matter `fields`)."""
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md(fields, body=body)})
    return load_site(config_module.load(root), now=NOW)


def told(site: Site) -> list[Problem]:
    """The warnings that a body repeats the title."""
    return [p for p in site.warnings if "lặp lại tiêu đề" in p.message]


@pytest.mark.parametrize(
    ("body", "shown", "blank"),
    [
        (f"# {TITLE}\n\nNội dung.\n", f"# {TITLE}", 0),
        (f"\n\n## {TITLE.upper()}\n\nNội dung.\n", f"## {TITLE.upper()}", 2),
        (f"**{TITLE}.**\n\nNội dung.\n", f"**{TITLE}.**", 0),
        (f"# {TITLE} #\n\nNội dung.\n", f"# {TITLE} #", 0),
        (f"<!-- dán từ Word -->\n# {TITLE}\n\nNội dung.\n", f"# {TITLE}", 1),
    ],
)
def test_a_body_opening_with_the_title_is_a_warning_naming_the_line(
    tmp_path: Path, body: str, shown: str, blank: int
) -> None:
    """The website showed the title twice (its h1, then the body's heading), Zalo too."""
    site = load(tmp_path, body)
    [warning] = told(site)
    line = FIRST + blank
    assert (warning.file, warning.line, warning.severity) == (
        "content/bai-viet/a.md",
        line,
        "warning",
    )
    assert warning.message == (
        f"dòng đầu của nội dung, «{shown}», lặp lại tiêu đề: trang đã hiện tiêu đề ở trên cùng "
        "(thẻ h1), nên website và Zalo hiện tiêu đề hai lần"
    )
    assert warning.hint == f"Xóa dòng {line}: tiêu đề chỉ cần ghi ở trường 'title'."
    [bulletin] = site.bulletins
    assert shown in bulletin.body  # told, not dropped


def test_a_title_underlined_names_both_lines(tmp_path: Path) -> None:
    """«Tiêu đề» / «=====» is one heading on two lines: both are deleted."""
    [warning] = told(load(tmp_path, f"{TITLE}\n=========\n\nNội dung.\n"))
    assert warning.line == FIRST
    assert warning.hint == (
        f"Xóa dòng {FIRST} và dòng gạch dưới nó (dòng {FIRST + 1}): tiêu đề chỉ cần ghi ở "
        "trường 'title'."
    )


def test_a_bulletin_not_on_zalo_names_the_website_only(tmp_path: Path) -> None:
    [warning] = told(load(tmp_path, f"# {TITLE}\n\nNội dung.\n", channels="[web, radio]"))
    assert warning.message.endswith("nên website hiện tiêu đề hai lần")


@pytest.mark.parametrize(
    "body",
    [
        "# Diễn biến vụ việc\n\nNội dung.\n",  # a heading of its own
        f"Mở đầu.\n\n# {TITLE}\n",  # not where the page's title is
        "# Cảnh bào lừa đảo qua mạng\n\nNội dung.\n",  # another word: a tone tells it
        f"{TITLE}: người dân cần cảnh giác.\n",  # a sentence opening with the title's words
        f"```\n# {TITLE}\n```\n",  # code shows as typed
    ],
)
def test_other_openings_are_not_warned_of(tmp_path: Path, body: str) -> None:
    assert not told(load(tmp_path, body))


def test_a_page_opening_with_its_title_is_told_as_on_the_website(tmp_path: Path) -> None:
    """A page has its title as h1 too, and is not sent to Zalo."""
    page = '---\ntitle: "Liên hệ"\nslug: lien-he\n---\n\n# Liên hệ\n\nĐịa chỉ trụ sở.\n'
    root = make_project(tmp_path, {"content/pages/lien-he.md": page})
    [warning] = told(load_site(config_module.load(root), now=NOW))
    assert (warning.file, warning.line) == ("content/pages/lien-he.md", 6)
    assert warning.message.endswith("nên website hiện tiêu đề hai lần")


def test_title_words_leave_out_case_marks_and_punctuation_but_not_tones() -> None:
    """What the check and the radio compare (the radio never reads the repeat)."""
    assert title_words("# CẢNH BÁO: lừa đảo!") == title_words("Cảnh báo lừa đảo")
    assert title_words("Hòa giải") == title_words("Hoà giải")  # where the tone sits
    assert title_words("Cảnh bào") != title_words("Cảnh báo")
