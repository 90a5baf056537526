"""A field typed on a line that YAML reads as the end of the field above it («summary: …» then
«  Ngày: 05/12/2026»): told at that line as what it is, with the line to write, not as a field
missing from the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError
from tests.helpers import NOW, bulletin_md, make_project

SOURCE = "content/bai-viet/2026-12-05-tin.md"


def errors_of(tmp_path: Path, summary: str) -> list:
    """The errors of loading a bulletin without `date` whose summary is written `summary`
    (YAML source from the key's line on)."""
    text = bulletin_md(drop=["date", "summary"]).replace("---\n\n", f"{summary}\n---\n\n", 1)
    root = make_project(tmp_path, {SOURCE: text})
    with pytest.raises(ContentError) as raised:
        load_site(config_module.load(root), now=NOW)
    return [p for p in raised.value.problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("summary", "why", "fix"),
    [
        (
            'summary: "Cảnh báo tin nhắn giả mạo ngân hàng\n  Ngày: 05/12/2026"',
            "vì nó nằm trong dấu ngoặc kép của giá trị đó",
            "Chuyển dấu ngoặc kép đóng của 'summary' lên cuối dòng trên",
        ),
        (
            "summary: >\n  Cảnh báo tin nhắn giả mạo ngân hàng\n  Ngày: 05/12/2026",
            "thuộc khối '>' của giá trị đó",
            "Viết dòng này sát lề trái (xóa dấu cách ở đầu dòng)",
        ),
    ],
)
def test_a_date_line_inside_the_summary_is_told_at_its_line(
    tmp_path: Path, summary: str, why: str, fix: str
) -> None:
    """The editor saw «Ngày: 05/12/2026» in the file and was told only «thiếu trường
    bắt buộc» at line 2, with a made-up date to add."""
    [error] = errors_of(tmp_path, summary)
    written = (tmp_path / "project" / SOURCE).read_text(encoding="utf-8").split("\n")
    assert (error.file, error.field) == (SOURCE, "date")
    assert error.line == 1 + next(i for i, t in enumerate(written) if "Ngày: 05/12/2026" in t)
    assert error.message.startswith(
        "thiếu trường bắt buộc: dòng «Ngày: 05/12/2026» không được đọc là trường 'date' mà là "
        "phần cuối của 'summary'"
    )
    assert why in error.message
    assert (error.hint or "").startswith(fix)
    assert "thành trường riêng: date: 05/12/2026 (tên trường là 'date'" in (error.hint or "")


def test_a_date_line_indented_under_a_plain_summary_is_told_as_a_continuation(
    tmp_path: Path,
) -> None:
    """YAML refuses it («mapping values are not allowed»): the hint was to quote the value,
    which left the line indented and refused the same."""
    summary = "summary: Cảnh báo tin nhắn giả mạo ngân hàng\n  Ngày: 05/12/2026"
    [error] = errors_of(tmp_path, summary)
    assert "dòng này thụt vào đầu dòng nên được đọc là phần nối tiếp của 'summary'" in error.message
    hint = error.hint or ""
    assert hint.startswith("Nếu đây là một trường riêng thì viết sát lề trái: Ngày: 05/12/2026")
    assert "ví dụ date thay cho Ngày" in hint
    assert '"05/12/2026"' not in hint


def test_the_written_fix_loads(tmp_path: Path) -> None:
    """The line the hint gives, written as told, is read as the date."""
    text = bulletin_md(drop=["date", "summary"]).replace(
        "---\n\n", 'summary: "Cảnh báo tin nhắn giả mạo ngân hàng"\ndate: 05/12/2026\n---\n\n', 1
    )
    root = make_project(tmp_path, {SOURCE: text})
    site = load_site(config_module.load(root), now=NOW.replace(year=2027))
    assert [b.date.date().isoformat() for b in site.bulletins] == ["2026-12-05"]


def test_a_colon_in_a_summary_s_own_words_is_no_field(tmp_path: Path) -> None:
    """«Lưu ý: …» going on in a quoted summary is text: the missing date is told as before."""
    [error] = errors_of(tmp_path, 'summary: "Cảnh báo tin nhắn giả mạo\n  Lưu ý: không bấm link"')
    assert (error.message, error.line) == ("thiếu trường bắt buộc", 2)
