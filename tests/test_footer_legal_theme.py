"""A unit's own theme copied before the footer said who answers for the website's content, what
it was set up under and how to re-use it ([site] responsible, license, reuse_source): `check`
and `build` note that its pages show none of what site.toml writes, and what to copy."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from publish.config import BUILTIN_THEME
from tests.helpers import SITE_TOML, bulletin_md, include_in_footer, make_project, web_notes

FILE = "content/bai-viet/a.md"
PAGE = "output/web/2020/12/bai-a/index.html"
RESPONSIBLE = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"
REUSE = "Trang thông tin điện tử Công an huyện Châu Thành"
LOOP = re.compile(r"\{% for line in footer_legal %\}.*?\{% endfor %\}")
NOTE = "templates/web/base.html: ghi chú: mẫu giao diện riêng base.html không hiện ở chân trang"


def project(tmp_path: Path, legal: str) -> Path:
    """One published bulletin, site.toml's [site] with `legal` lines added, and the unit's own
    copy of the built-in theme from before the footer lines (base.html without the loop)."""
    toml = SITE_TOML.replace("[site]\n", f"[site]\n{legal}", 1)
    root = make_project(tmp_path, {"site.toml": toml, FILE: bulletin_md({"slug": "bai-a"})})
    shutil.copytree(BUILTIN_THEME, root / "templates")
    base = root / "templates/web/base.html"
    old, count = LOOP.subn("", base.read_text("utf-8"))
    assert count == 1
    base.write_text(old, "utf-8")
    return root


@pytest.mark.parametrize("command", ["check", "build"])
def test_an_own_base_page_without_the_footer_lines_is_noted_with_what_to_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """The unit wrote who answers for the content and the source to name: its own base.html
    shows neither, and the note says which keys, their lines, and how to bring them back."""
    root = project(tmp_path, f'responsible = "{RESPONSIBLE}"\nreuse_source = "{REUSE}"\n')
    err = web_notes(command, root, capsys)
    assert err.count(NOTE) == 1, err
    [note] = [line for line in err.splitlines() if line.startswith(NOTE)]
    assert note == (
        f"{NOTE} dòng của [site] responsible và reuse_source trong site.toml («Chịu trách nhiệm "
        f"nội dung: {RESPONSIBLE}», «Ghi rõ nguồn “{REUSE}” khi phát hành lại thông tin từ "
        "website này»): người đọc website không thấy các dòng ấy"
    )
    assert f"Chép lại templates/web/base.html từ giao diện mặc định ({BUILTIN_THEME}" in err
    assert "{% for line in footer_legal %}{{ line }}<br>{% endfor %}" in err
    if command == "build":
        assert RESPONSIBLE not in (root / PAGE).read_text("utf-8")


def test_the_note_is_no_error_even_when_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pages are whole: CI's `check --strict` must not refuse the unit's site for it."""
    root = project(tmp_path, 'license = "Quyết định số 85/QĐ-CAT ngày 15/3/2024"\n')
    err = web_notes("check", root, capsys, "--strict")
    assert err.count(NOTE) == 1 and "[site] license trong site.toml" in err, err


@pytest.mark.parametrize("case", ["built-in", "up to date", "in an included footer", "unset"])
def test_no_note_when_the_footer_shows_the_lines_or_there_are_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    """The built-in theme, a copy made since, an own base.html whose footer comes from a
    template of its own using footer_legal, or no key written (blank counts as unset)."""
    legal = (
        'responsible = "  "\nlicense = ""\n'
        if case == "unset"
        else f'responsible = "{RESPONSIBLE}"\n'
    )
    root = project(tmp_path, legal)
    if case == "built-in":
        shutil.rmtree(root / "templates")
    if case == "up to date":
        shutil.copy(BUILTIN_THEME / "web/base.html", root / "templates/web/base.html")
    if case == "in an included footer":
        include_in_footer(root, "{% for line in footer_legal %}<span>{{ line }}</span>{% endfor %}")
    err = web_notes("build", root, capsys)
    assert "footer_legal" not in err and "chân trang" not in err, err
    if case != "unset":
        assert RESPONSIBLE in (root / PAGE).read_text("utf-8")
