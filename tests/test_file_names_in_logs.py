"""A file name a pull request adds is printed with its control characters escaped: a line break
in it began a line of its own in the CI log, which GitHub reads as a workflow command (an
«::error» of the attacker's wording, «::stop-commands::» hiding the real findings), and an
escape sequence recoloured or hid what an editor's terminal showed next."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from publish.errors import shown_name
from tests.helpers import bulletin_md, make_project

INJECTED = "content/bai-viet/a\n::error title=Đã duyệt::mọi thứ ổn\nb.md"


def test_a_name_s_line_break_and_escape_are_shown_as_escapes() -> None:
    assert shown_name("tin\n::x\x1b[8m\t.md") == "tin\\n::x\\x1b[8m\\t.md"
    assert shown_name("content/bai-viet/tin-tức.md") == "content/bai-viet/tin-tức.md"


def test_check_prints_no_line_the_file_name_began(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {INJECTED: bulletin_md()})
    assert main(["--root", str(root), "check"]) == 1
    captured = capsys.readouterr()
    lines = (captured.out + captured.err).splitlines()
    assert not [line for line in lines if line.startswith("::error title=Đã duyệt")], lines
    assert any("content/bai-viet/a\\n::error title=Đã duyệt::mọi thứ ổn\\nb.md" in x for x in lines)
