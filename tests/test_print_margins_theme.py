"""A unit's own theme copied before every printed sheet ended with the unit's numbers: `check`
and `build` say its bulletins print them on the last sheet only, and what to copy."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from publish.cli import main
from publish.config import BUILTIN_THEME
from tests.helpers import NOW, bulletin_md, make_project

FILE = "content/bai-viet/a.md"
PAGE = "output/web/2020/12/bai-a/index.html"
UNFILLED = (
    "templates/web/bulletin.html: cảnh báo: mẫu giao diện riêng bulletin.html không có dòng "
    "cuối mỗi tờ khi in bản tin (tên đơn vị, đường dây nóng, số khẩn cấp, «Trang 1/2»): chỉ tờ "
    "cuối của bản in có số để gọi"
)
UNDECLARED = (
    "templates/web/base.html: cảnh báo: mẫu giao diện riêng base.html không có khối "
    "print_margins: dòng cuối mỗi tờ khi in bản tin (tên đơn vị, đường dây nóng, số khẩn cấp, "
    "«Trang 1/2») mà bulletin.html ghi không được in"
)
FILLED_BLOCK = re.compile(r"\{% block print_margins %\}.*?\{% endblock %\}\n", re.S)
EMPTY_BLOCK = "{% block print_margins %}{% endblock %}\n"


def project(tmp_path: Path) -> Path:
    """One published bulletin, and the unit's own copy of the built-in theme."""
    root = make_project(tmp_path, {FILE: bulletin_md({"slug": "bai-a"})})
    shutil.copytree(BUILTIN_THEME, root / "templates")
    return root


def edit(root: Path, template: str, pattern: re.Pattern[str] | str, new: str) -> None:
    """Replace the one `pattern` in the own theme's `template` with `new`."""
    page = root / "templates" / "web" / template
    found = re.compile(re.escape(pattern)) if isinstance(pattern, str) else pattern
    text, count = found.subn(new.replace("\\", "\\\\"), page.read_text("utf-8"))
    assert count == 1
    page.write_text(text, "utf-8")


def run(command: str, root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """(exit code, stderr) of `publish <command>` on the web channel."""
    code = main([command, "--root", str(root), "--now", NOW.isoformat(), "--channel", "web"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("command", ["check", "build"])
def test_an_own_bulletin_page_without_the_foot_line_is_told_what_to_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """bulletin.html copied before the foot line: the site is built, with one warning naming
    the three files to copy again and where the built-in ones are."""
    root = project(tmp_path)
    edit(root, "bulletin.html", FILLED_BLOCK, "")
    code, err = run(command, root, capsys)
    assert code == 0  # a warning: the site is still built
    assert err.count(UNFILLED) == 1, err
    assert (
        "Chép lại templates/web/bulletin.html, templates/web/base.html và "
        "templates/assets/style.css từ giao diện mặc định"
    ) in err
    assert str(BUILTIN_THEME / "web" / "bulletin.html") in err
    assert "{% block print_margins %}…{% endblock %}" in err
    assert "Traceback" not in err


def test_an_empty_block_in_the_own_bulletin_page_prints_no_foot_line_and_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A block left empty («to fill later») prints nothing on paper, as no block does."""
    root = project(tmp_path)
    edit(root, "bulletin.html", FILLED_BLOCK, "{% block print_margins %}\n\n{% endblock %}\n")
    code, err = run("check", root, capsys)
    assert code == 0 and err.count(UNFILLED) == 1, err


def test_the_new_bulletin_page_over_an_old_base_page_is_told_the_line_is_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """bulletin.html copied again (as the corrections warning asks) over an own base.html older
    than the block: Jinja drops the filled block without a word, and the sheets print no foot
    line; the warning names base.html and the empty block to add."""
    root = project(tmp_path)
    edit(root, "base.html", EMPTY_BLOCK, "")
    code, err = run("build", root, capsys)
    assert code == 0 and err.count(UNDECLARED) == 1, err
    assert UNFILLED not in err
    assert "khối rỗng '{% block print_margins %}{% endblock %}' trong <head>" in err
    assert "@bottom-left" not in (root / PAGE).read_text("utf-8")


@pytest.mark.parametrize("theme", ["built-in", "own copy", "filled in an included template"])
def test_no_warning_when_every_sheet_prints_the_foot_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], theme: str
) -> None:
    """The built-in theme, an up-to-date copy, or an own bulletin.html whose block includes
    the unit's own foot line template: every sheet ends with the numbers, nothing to say."""
    root = project(tmp_path)
    if theme == "built-in":
        shutil.rmtree(root / "templates")
    if theme == "filled in an included template":
        block = FILLED_BLOCK.search((BUILTIN_THEME / "web" / "bulletin.html").read_text("utf-8"))
        assert block is not None
        inner = block[0].split("\n", 1)[1].rsplit("{% endblock %}", 1)[0]
        (root / "templates" / "web" / "cuoi-to.html").write_text(inner, "utf-8")
        included = '{% block print_margins %}{% include "cuoi-to.html" %}{% endblock %}\n'
        edit(root, "bulletin.html", FILLED_BLOCK, included)
    code, err = run("build", root, capsys)
    assert code == 0 and "print_margins" not in err and "dòng cuối mỗi tờ" not in err, err
    assert "@bottom-left { content: " in (root / PAGE).read_text("utf-8")
