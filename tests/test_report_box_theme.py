"""A unit's own theme whose _macros.html has no `report_box` macro, beside a bulletin.html that
writes the box the build makes from it: every bulletin page lost its «Báo tin cho …» box and
nothing said so (the missing-macro check sees only imported names). `check` and `build` note
it, naming the file and what to copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from publish.cli import main
from publish.config import BUILTIN_THEME
from tests.helpers import NOW, SITE_TOML, bulletin_md, make_project, web_notes

FILE = "content/bai-viet/a.md"
PAGE = "output/web/2020/12/bai-a/index.html"
BOX = "Báo tin cho Công an huyện Châu Thành"
NOTE = (
    "templates/web/_macros.html: ghi chú: bulletin.html ghi {{ report_box }} nhưng _macros.html "
    "của giao diện riêng không có macro report_box: trang bản tin không có khung «Báo tin cho "
    "…» (số khẩn cấp, đường dây nóng, Zalo để người dân báo tin)"
)


def project(tmp_path: Path, contact: str = '[contact]\nhotline = "0277 3 812 345"\n') -> Path:
    """One published bulletin, site.toml with `contact` added, and the unit's own copy of the
    built-in theme whose _macros.html lacks the report_box macro (one from before the box)."""
    root = make_project(
        tmp_path, {"site.toml": SITE_TOML + contact, FILE: bulletin_md({"slug": "bai-a"})}
    )
    shutil.copytree(BUILTIN_THEME, root / "templates")
    macros = root / "templates/web/_macros.html"
    text = macros.read_text("utf-8")
    start = text.index("{% macro report_box(")
    end = text.index("{%- endmacro %}", start) + len("{%- endmacro %}")
    macros.write_text(text[:start] + text[end:], "utf-8")
    return root


@pytest.mark.parametrize("command", ["check", "build"])
def test_an_own_macros_file_without_the_report_box_is_noted_with_what_to_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """The page has no box, and the note says which file and what to copy from where."""
    root = project(tmp_path)
    err = web_notes(command, root, capsys, "--strict")  # a note: CI's strict check still passes
    assert err.count(NOTE) == 1, err
    assert (
        "Chép macro report_box và các macro tel_link, mail_link nó dùng từ _macros.html của giao "
        "diện mặc định "
        f"({BUILTIN_THEME / 'web' / '_macros.html'}) vào templates/web/_macros.html"
    ) in err
    if command == "build":
        assert BOX not in (root / PAGE).read_text("utf-8")


def test_no_own_macros_file_at_all_is_noted_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An own bulletin.html writing the box, importing nothing from _macros.html, and no such
    file: the box is as empty."""
    root = project(tmp_path)
    (root / "templates/web/_macros.html").unlink()
    web = root / "templates/web"
    for name in ("base.html", "bulletin.html", "list.html", "page.html", "archive.html"):
        # Nothing else of theirs is asked about here: only the box.
        (web / name).unlink()
    (web / "base.html").write_text("<main>{% block content %}{% endblock %}</main>\n", "utf-8")
    (web / "bulletin.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ report_box }}{% endblock %}\n', "utf-8"
    )
    for name in ("list.html", "page.html", "archive.html"):
        (web / name).write_text('{% extends "base.html" %}\n', "utf-8")
    capsys.readouterr()
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) in (0, 1)
    err = capsys.readouterr().err
    assert (
        "templates/web/_macros.html: ghi chú: bulletin.html ghi {{ report_box }} nhưng giao "
        "diện riêng không có _macros.html: trang bản tin không có khung «Báo tin cho …»"
    ) in err, err


@pytest.mark.parametrize("case", ["built-in", "up to date", "own box", "no contact"])
def test_no_note_when_the_box_is_made_or_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    """The built-in theme; a _macros.html copied since; a bulletin.html that does not write
    report_box (its own box, or none); no way to report written in site.toml (the built-in
    box is empty then too)."""
    root = project(tmp_path, '[contact]\nemergency = ""\n' if case == "no contact" else "")
    if case == "built-in":
        shutil.rmtree(root / "templates")
    if case == "up to date":
        shutil.copy(BUILTIN_THEME / "web/_macros.html", root / "templates/web/_macros.html")
    if case == "own box":
        page = root / "templates/web/bulletin.html"
        text = page.read_text("utf-8")
        assert text.count("{{ report_box -}}") == 1
        page.write_text(text.replace("{{ report_box -}}", "<aside>Báo tin: 113</aside>"), "utf-8")
    err = web_notes("build", root, capsys)
    assert "report_box" not in err, err
    if case in ("built-in", "up to date"):
        assert BOX in (root / PAGE).read_text("utf-8")
