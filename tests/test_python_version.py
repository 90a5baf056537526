"""Pythons whose regular expressions give other results are refused before anything is done."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from publish import cli
from publish.python_version import OLDEST, too_old
from tests.web_fixture import SITE


def test_a_python_with_the_possessive_quantifier_bug_is_refused_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Debian 12's python3 (3.11.2) built a different site without a word: refused, exit 1,
    nothing written, with the version needed and how to get it."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    monkeypatch.setattr(cli, "too_old", lambda: too_old((3, 11, 2)))
    assert cli.main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "publish cần Python 3.11.5 trở lên; máy đang chạy Python 3.11.2" in err
    assert "python3.12 -m venv .venv" in err
    assert "Traceback" not in err
    assert not (root / "output").exists()


@pytest.mark.parametrize("version", [(3, 11, 5), (3, 11, 7), (3, 12, 0), (3, 13, 1)])
def test_fixed_pythons_are_accepted(version: tuple[int, int, int]) -> None:
    """3.11.5 and every later release match possessive quantifiers as documented."""
    assert too_old(version) is None


def test_the_python_running_the_tests_matches_possessive_groups_as_documented() -> None:
    """The case of CPython gh-106052, and one of the tool's own patterns that 3.11.2 got wrong:
    the version floor holds only if the accepted Pythons match them right."""
    assert tuple(__import__("sys").version_info[:3]) >= OLDEST
    assert re.fullmatch(r"(?:ab?c)*+", "a") is None
    pattern = re.compile(r"(?:\s|</?(?:li|p)\b[^>]*+>)*+x")
    assert pattern.fullmatch(" <p> </p> x") is not None
