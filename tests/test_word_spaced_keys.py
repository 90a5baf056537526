"""Front matter keys behind no-break spaces (pasted from Word, a web page or Zalo): a space to
the eye, a letter of the key to YAML. Each is told at its line as such, not as a misspelling,
a Vietnamese keyboard or a block «cần một bảng» without a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError, Problem
from tests.helpers import NOW, bulletin_md, make_project

A = "content/bai-viet/a.md"
NBSP = "\u00a0"


def problems(tmp_path: Path, text: str) -> list[Problem]:
    """Every problem the project holding bulletin `text` loads with."""
    root = make_project(tmp_path, {A: text})
    try:
        return list(load_site(config_module.load(root), now=NOW).warnings)
    except ContentError as error:
        return list(error.problems)


def line_of(text: str, start: str) -> int:
    """The 1-based line of `text` starting with `start`."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


@pytest.mark.parametrize(("key", "severity"), [("author", "warning"), ("draft", "error")])
def test_a_key_behind_a_no_break_space_is_told_so_at_its_line(
    tmp_path: Path, key: str, severity: str
) -> None:
    """« author: …» (a no-break space first) was «trường ' author': có phải ý bạn là
    'author'?»: the editor sees the same word twice and a space that is one. The line is told
    as starting with a no-break space; a key that keeps a bulletin back is an error still."""
    text = bulletin_md({f"{NBSP}{key}": '"Minh Anh"' if key == "author" else "true"})
    [problem] = problems(tmp_path, text)
    assert problem.severity == severity and problem.line == line_of(text, NBSP)
    assert "cách không ngắt" in problem.message and f"'{key}:'" in problem.message
    assert "có phải ý bạn là" not in problem.message
    assert f"'{key}:' sát lề trái" in (problem.hint or "")


def test_a_required_key_behind_a_no_break_space_is_not_blamed_on_the_keyboard(
    tmp_path: Path,
) -> None:
    """« title: …» was told «gõ khi bộ gõ tiếng Việt đang bật»: the key's letters are right.
    One error, the missing title, says what is on its line."""
    text = bulletin_md({"title": '"Tin"'}, drop=["title"]).replace(
        "date:", f'{NBSP}title: "Cảnh báo lừa đảo"\ndate:'
    )
    [problem] = problems(tmp_path, text)
    assert problem.severity == "error" and problem.field == "title"
    assert problem.line == line_of(text, NBSP)
    assert "cách không ngắt" in problem.message and "bộ gõ" not in problem.message


@pytest.mark.parametrize(("block", "example"), [("radio", "air_date:"), ("zalo", "title:")])
def test_a_block_indented_with_no_break_spaces_says_why_it_is_empty(
    tmp_path: Path, block: str, example: str
) -> None:
    """«radio:» then «\\xa0\\xa0order: 1» was «cần một bảng các thiết lập» with an example the
    editor's lines already looked like. The error names the line below and its no-break
    spaces; the example is one of that block's own settings."""
    setting = "order: 1" if block == "radio" else 'title: "Tin ngắn"'
    text = bulletin_md({block: f"\n{NBSP}{NBSP}{setting}"})
    [error] = [p for p in problems(tmp_path, text) if p.severity == "error"]
    assert error.field == block and error.line == line_of(text, f"{block}:")
    assert "cách không ngắt" in error.message and f"'{setting.split(':')[0]}:'" in error.message
    assert f"{block}:\n        {example}" in (error.hint or "")


@pytest.mark.parametrize("block", ["radio", "zalo"])
def test_an_empty_block_is_not_given_a_spaced_key_further_down(tmp_path: Path, block: str) -> None:
    """An empty «radio:» with an ordinary line below was told «dòng 'author:' bên dưới … không
    thuộc khối này» of a no-break-spaced key lines above it: only its very next line is the
    block's. That key is still told at its own line."""
    text = bulletin_md({f"{NBSP}author": '"Minh Anh"', block: "", "tags": "[lua-dao]"})
    found = problems(tmp_path, text)
    [error] = [p for p in found if p.severity == "error"]
    assert error.field == block and "cách không ngắt" not in error.message
    assert (error.hint or "").startswith("Ví dụ:")
    assert any(p.line == line_of(text, NBSP) and "'author:'" in p.message for p in found)


def test_an_empty_key_below_an_empty_block_is_no_no_break_space(tmp_path: Path) -> None:
    """The key '' (a line «"": 1») opens with no no-break space: «''[:1] in WORD_SPACES» was
    True, so an empty «radio:» above it told «dòng ':' … ký tự cách không ngắt»."""
    text = bulletin_md({"radio": "", '""': "1"})
    [error] = [p for p in problems(tmp_path, text) if p.field == "radio"]
    assert "cách không ngắt" not in error.message and "dòng ':'" not in error.message
