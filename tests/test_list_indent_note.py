"""A sub-list indented 2 or 3 spaces is one flat list on the website and Zalo (Python-Markdown
nests at 4 or a Tab), and the radio reads it as they show it: `publish check` says so in a
note, which never fails `check --strict` on bulletins already written that way."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from tests.helpers import NOW, bulletin_md, make_project


def notes_of(tmp_path: Path, body: str) -> list[tuple[int | None, str, str | None]]:
    """(line, message, hint) of each note about a bulletin with `body` (its first line is 9)."""
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md(body=body)})
    site = load_site(config_module.load(root), now=NOW)
    return [(p.line, p.message, p.hint) for p in site.warnings if p.severity == "note"]


def test_a_sub_item_indented_two_spaces_is_noted_with_its_line(tmp_path: Path) -> None:
    body = "Kế hoạch:\n\n- Tuần tra:\n  - ban đêm\n  - ban ngày\n- Kiểm tra\n   - tại chợ\n"
    [(line, message, hint)] = notes_of(tmp_path, body)
    assert line == 12 and "(cả ở dòng 13, 15)" in message
    assert "trên website danh sách này hiện phẳng, không lùi cấp" in message
    assert hint is not None and "lùi 4 dấu cách (hoặc một Tab)" in hint


@pytest.mark.parametrize(
    "body",
    [
        "- Tuần tra:\n    - ban đêm\n\t- ban ngày\n- Kiểm tra\n",  # nested on the website
        "- Tuần tra:\n    - ban đêm\n        - tại xã A\n- Kiểm tra\n",
        "- Tuần tra\n- Kiểm tra\n\n  Đoạn văn.\n",  # not a list item
        "```\n- a\n  - b\n```\n",  # code
    ],
)
def test_lists_the_website_nests_as_written_get_no_note(tmp_path: Path, body: str) -> None:
    assert notes_of(tmp_path, body) == []


def test_a_sub_item_two_columns_past_a_nested_item_is_noted(tmp_path: Path) -> None:
    """Under an item at 4 spaces, one at 6 is its sibling on the website, not its sub-item."""
    body = "- Tuần tra:\n    - ban đêm\n      - tại xã A\n- Kiểm tra\n"
    assert [line for line, _, _ in notes_of(tmp_path, body)] == [11]


def test_the_note_does_not_fail_a_strict_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Kế hoạch:\n\n- Tuần tra:\n  - ban đêm\n- Kiểm tra\n"
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md(body=body)})
    strict = ["check", "--root", str(root), "--now", "2024-01-01T08:00", "--strict"]
    assert main([*strict, "--channel", "web"]) == 0
    assert "a.md:12: ghi chú: mục danh sách chỉ thụt" in capsys.readouterr().err
