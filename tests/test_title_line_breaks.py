"""A title with a line break in it (`title: |`, "\\n" in quotes) is one line everywhere: printed
raw, its second line «::error title=…::…» began a line of the CI log that GitHub reads as a
workflow command (`publish next` and `publish sync` print the next scheduled title there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import bulletin_md, make_project

TITLE = '"Hẹn giờ ra quân\\n::error title=Đã duyệt::mọi thứ ổn\\r\\n::add-mask::x"'
NOW = "2020-12-01T09:00:00+07:00"


@pytest.mark.parametrize("command", [["next"], ["sync", "web", "--dry-run"], ["check"]])
def test_no_printed_line_begins_with_the_title_s_second_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    source = bulletin_md({"title": TITLE})  # dated 2020-12-08: scheduled at NOW
    root = make_project(tmp_path, {"content/bai-viet/2020-12-08-hen.md": source})
    main(["--root", str(root), "--now", NOW, *command])
    captured = capsys.readouterr()
    lines = (captured.out + captured.err).splitlines()
    assert not [line for line in lines if line.lstrip().startswith("::")], lines
    if command == ["next"]:
        assert any(
            "«Hẹn giờ ra quân ::error title=Đã duyệt::mọi thứ ổn ::add-mask::x»" in x for x in lines
        )
