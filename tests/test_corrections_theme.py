"""A unit's own theme copied before corrections existed: `check` and `build` say the website
does not show them, once, and a replayed build says it again."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from publish.cli import main
from publish.config import BUILTIN_THEME
from tests.helpers import NOW, bulletin_md, make_project
from tests.test_corrections import CORRECTION, FILE, OTHER
from tests.test_replay import REPLAYED

WARNING = (
    "templates/web/bulletin.html: cảnh báo: mẫu giao diện riêng bulletin.html không hiện khung "
    "«Đính chính»: người đọc website không thấy đính chính của 1 bản tin đã đăng "
    f"({FILE})"
)


def own_theme(root: Path, *, with_box: bool) -> None:
    """templates/ copied from the built-in theme; without the corrections box when asked, as
    one copied before it existed."""
    shutil.copytree(BUILTIN_THEME, root / "templates")
    if not with_box:
        page = root / "templates" / "web" / "bulletin.html"
        text = page.read_text("utf-8")
        old, count = re.subn(
            r"\{% if corrections %\}.*?</section>\s*\{% endif %\}\n", "", text, flags=re.S
        )
        assert count == 1
        page.write_text(old, "utf-8")


def project(tmp_path: Path, *, corrected: bool = True) -> Path:
    """One corrected bulletin (unless not `corrected`) and one never corrected."""
    fields = {"slug": "bai-a", **({"corrections": CORRECTION} if corrected else {})}
    return make_project(
        tmp_path,
        {FILE: bulletin_md(fields), OTHER: bulletin_md({"slug": "bai-b", "title": '"Tin khác"'})},
    )


def run(command: str, root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `publish <command>` on the web channel."""
    code = main([command, "--root", str(root), "--now", NOW.isoformat(), "--channel", "web"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("command", ["check", "build"])
def test_an_own_theme_without_the_box_is_told_once_what_to_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    root = project(tmp_path)
    own_theme(root, with_box=False)
    code, _, err = run(command, root, capsys)
    assert code == 0  # a warning: the site is still built
    assert err.count(WARNING) == 1, err
    assert "Chép lại templates/web/bulletin.html và templates/assets/style.css" in err
    assert str(BUILTIN_THEME / "web" / "bulletin.html") in err
    assert "Traceback" not in err


def test_a_replayed_build_says_it_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    own_theme(root, with_box=False)
    assert run("build", root, capsys)[0] == 0
    code, out, err = run("build", root, capsys)
    assert code == 0 and REPLAYED in out
    assert err.count(WARNING) == 1, err


@pytest.mark.parametrize(
    ("with_box", "corrected", "own"),
    [(True, True, True), (False, False, True), (True, True, False)],
    ids=["own-theme-with-box", "nothing-corrected", "built-in-theme"],
)
def test_no_warning_when_readers_see_every_correction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], with_box: bool, corrected: bool, own: bool
) -> None:
    root = project(tmp_path, corrected=corrected)
    if own:
        own_theme(root, with_box=with_box)
    code, _, err = run("check", root, capsys)
    assert code == 0 and "Đính chính" not in err, err


def test_the_box_in_an_included_template_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    own_theme(root, with_box=False)
    web = root / "templates" / "web"
    (web / "dinh-chinh.html").write_text(
        "{% for item in corrections %}<p>{{ item['note'] }}</p>{% endfor %}\n", "utf-8"
    )
    page = web / "bulletin.html"
    original = page.read_text("utf-8")
    text = original.replace(
        '<p class="lead"', '{% include "dinh-chinh.html" %}\n    <p class="lead"', 1
    )
    assert text != original, "the theme's lead paragraph moved: the box was not included"
    page.write_text(text, "utf-8")
    code, _, err = run("check", root, capsys)
    assert code == 0 and "Đính chính" not in err, err


def test_an_unknown_filter_is_told_by_the_template_check_without_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review R4: a bulletin.html that sets `corrections` and uses a filter Jinja does not know
    made the corrections note ask Jinja, which raised: `check` ended in a traceback. The
    template check tells the filter; the note, which cannot read the template, says nothing."""
    root = project(tmp_path)
    own_theme(root, with_box=True)
    page = root / "templates" / "web" / "bulletin.html"
    original = page.read_text("utf-8")
    text = original.replace(
        "{% if corrections %}",
        "{% set corrections = corrections or [] %}{{ title|nosuch }}\n{% if corrections %}",
        1,
    )
    assert text != original, "the theme's corrections box moved"
    page.write_text(text, "utf-8")
    code, _, err = run("check", root, capsys)
    assert "Traceback" not in err and "Lỗi nội bộ" not in err, err
    assert code == 1, err
    assert "templates/web/bulletin.html" in err and "nosuch" in err, err
    assert "Đính chính" not in err, err
