"""The load refuses runs of unclosed '[', links' '(' or '<tag' that would stall Python-Markdown,
and lets everything a real bulletin holds through."""

from __future__ import annotations

import pytest

from publish.errors import Problem
from publish.fields import Collector
from publish.frontmatter import Parsed
from publish.unclosed import too_costly

LINKS = "".join(
    f"Xem [bài {n}](../bai-{n}.md) và ![ảnh {n}](images/{n}.jpg).\n" for n in range(400)
)


def problems(body: str) -> list[Problem]:
    """What the guard says about `body`, read as starting at line 9."""
    col = Collector("content/a.md", [])
    assert too_costly(col, Parsed({}, body, 9)) is bool(col.problems)
    return col.problems


@pytest.mark.parametrize(
    "body",
    [
        LINKS,
        "[" + "Một đoạn văn dài không đóng ngoặc. " * 3_000,  # one stray '[' in 100 kB
        "".join(f"Đoạn {n} có dấu [ lẻ.\n\n" for n in range(5_000)),
        "\\[" * 50_000,  # escaped: printed as '[', never parsed as a link
        "<b>đậm</b> <a href='x'>liên kết</a> " * 5_000,
        "So sánh: a < b, 3 <5 và 1<2.\n" * 5_000 + "x<y " * 20,
        "[[chữ trong hai ngoặc]] " * 5_000,
        "Xem (mục 1 (điều 2)) [a](b (c)) " * 3_000,
    ],
    ids=["links", "stray", "stray-each", "escaped", "tags", "less-than", "double", "parens"],
)
def test_what_real_bulletins_hold_passes(body: str) -> None:
    assert problems(body) == []


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("Mở đầu.\n\n" + "[" * 20_000, "20.000 dấu '[' không có dấu ']' đóng trong một đoạn"),
        ("Mở đầu.\n\n" + "x [a " * 20_000, "20.000 dấu '['"),
        ("Mở đầu.\n\n" + "[a](" * 20_000, "20.000 liên kết hay ảnh mở '](' không có dấu ')'"),
        ("Mở đầu.\n\n" + "<a " * 20_000, "20.000 thẻ HTML '<…' không có dấu '>' đóng"),
        ("Mở đầu.\n\nx " + "\\<a " * 20_000, "20.000 thẻ HTML"),
    ],
    ids=["brackets", "words-between", "link-parens", "tags", "escaped-tags"],
)
def test_a_run_is_refused_at_its_line(body: str, said: str) -> None:
    (problem,) = problems(body)
    assert problem.line == 11 and said in problem.message, problem
    assert "mất hàng phút" in problem.message and problem.hint
