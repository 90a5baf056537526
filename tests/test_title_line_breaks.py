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


def test_a_bulletin_approved_with_a_two_line_title_stays_approved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The title is joined into one line after the approval's fingerprint is taken from the front
    matter as written: a bulletin approved before (or after) that change is not held again."""
    name = "content/bai-viet/2020-12-08-ra-quan.md"
    source = bulletin_md({"title": "|\n  Ra quân\n  trấn áp tội phạm"}, drop=["approved_by"])
    root = make_project(tmp_path, {name: source})
    later = "2020-12-09T09:00:00+07:00"
    approve = ["approve", "--root", str(root), "--now", later, name, "--by", "Đại tá Lê Văn An"]
    assert main(approve) == 0
    approved = (root / name).read_bytes()
    capsys.readouterr()
    assert main(approve) == 0
    assert "từ trước" in capsys.readouterr().out
    assert (root / name).read_bytes() == approved
    assert main(["build", "--root", str(root), "--now", later, "--channel", "web"]) == 0
    page = (root / "output/web/2020/12/ra-quan/index.html").read_text("utf-8")
    assert "<h1>Ra quân trấn áp tội phạm</h1>" in page
