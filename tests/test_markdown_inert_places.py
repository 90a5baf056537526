"""A file name or front-matter key a pull request chooses cannot end the code span it is shown in
and leave an @mention, a link or HTML live in the plan comment or the job summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import ci_report
from publish.cli import main
from publish.errors import Problem
from publish.markdown_inert import inert, problem_item
from tests.helpers import bulletin_md, make_project

SNEAKY = "content/bai-viet/tin` @octocat [bấm](www.lua-dao.vn) `.md"
"""A file name with backticks: in a raw span `…` the mention and the link fall outside it."""


def _live(markdown: str) -> bool:
    """Whether the Markdown holds a live @mention of octocat or a link's bracket outside code."""
    outside = markdown.split("`")[::2]  # the parts not inside a backtick span
    return any("@octocat" in part or "[bấm]" in part for part in outside)


def test_a_finding_s_place_and_field_stay_inside_their_code() -> None:
    problem = Problem(SNEAKY, "thiếu tóm tắt", field="x` @octocat `y", line=3)
    item = problem_item(problem)
    assert not _live(item), item
    assert item.startswith("- <code>content/bai-viet/tin&#96; @\u200doctocat &#91;bấm&#93;")


def test_the_check_summary_keeps_a_field_inside_its_code() -> None:
    problem = Problem("content/bai-viet/tin.md", "thiếu tóm tắt", field="x` @octocat `y", line=3)
    summary = ci_report.github_summary([problem], "")
    assert not _live(summary), summary


def test_the_pull_request_plan_names_a_sneaky_file_inertly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plan CI posts on a pull request, for a bulletin whose file name holds backticks and
    whose front matter has an error: the error's place is escaped text in <code>."""
    root = make_project(tmp_path, {SNEAKY: bulletin_md(drop=["summary"])})
    code = main(["--root", str(root), "sync", "web", "--dry-run", "--format", "markdown"])
    out = capsys.readouterr().out
    assert code == 1
    assert "tin&#96; @\u200doctocat" in out, out
    assert not _live(out), out


@pytest.mark.parametrize("written", ["www.lua-dao.vn", "WWW.Lua-Dao.vn", "(www.lua-dao.vn)"])
def test_an_address_without_a_scheme_is_no_link_in_the_comment(written: str) -> None:
    """GitHub links «www.…» as it links «https://…»: a scam site a warning's title names was one
    click away from the reviewer in the plan's table."""
    shown = inert(f"Cảnh báo trang giả mạo {written}")
    assert "www." not in shown.lower()
    assert shown.replace("\u200d", "").replace("&#40;", "(").replace("&#41;", ")").endswith(written)


def test_words_merely_ending_in_www_are_left_alone() -> None:
    assert inert("awww.x và dichvucong-gov.vn") == "awww.x và dichvucong-gov.vn"


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("thiếu tóm tắt", "thiếu tóm tắt."),
        ("thiếu các trường sau:", "thiếu các trường sau:"),
        ("có phải ý bạn là «tin»?", "có phải ý bạn là «tin»?"),
        ("đã xong. ", "đã xong."),
    ],
)
def test_the_plan_comment_ends_a_message_as_the_check_summary_does(
    message: str, shown: str
) -> None:
    """The plan comment wrote «sau:.» where the job summary wrote «sau:»: one sentence ending."""
    problem = Problem("content/bai-viet/tin.md", message, line=3)
    assert problem_item(problem).endswith(f" {shown}")
    assert f"(lỗi) {shown}\n" in ci_report.github_summary([problem], "")
