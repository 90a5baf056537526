"""A field typed on a line that YAML reads as the end of the field above it («summary: …» then
«  Ngày: 05/12/2026»): told at that line as what it is, with the line to write, not as a field
missing from the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError
from publish.text import folded_words
from tests.helpers import NOW, bulletin_md, make_project

SOURCE = "content/bai-viet/2026-12-05-tin.md"


def errors_of(tmp_path: Path, summary: str, source: str = SOURCE) -> list:
    """The errors of loading a bulletin without `date` whose summary is written `summary`
    (YAML source from the key's line on), from file `source`."""
    text = bulletin_md(drop=["date", "summary"]).replace("---\n\n", f"{summary}\n---\n\n", 1)
    root = make_project(tmp_path, {source: text})
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


@pytest.mark.parametrize(
    ("summary", "fix", "value"),
    [
        (
            "summary: Cảnh báo tin nhắn giả mạo ngân hàng\n  Ngày 05/12/2026",
            "Viết dòng này sát lề trái (xóa dấu cách ở đầu dòng)",
            "05/12/2026",
        ),
        (
            'summary: "Cảnh báo tin nhắn giả mạo ngân hàng\n  ngày giờ 05/12/2026 8h00"',
            "Chuyển dấu ngoặc kép đóng của 'summary' lên cuối dòng trên",
            "05/12/2026 8h00",
        ),
        (
            "summary: >\n  Cảnh báo tin nhắn giả mạo ngân hàng\n  date 2026-12-05 08:00",
            "Viết dòng này sát lề trái (xóa dấu cách ở đầu dòng)",
            "2026-12-05 08:00",
        ),
    ],
)
def test_a_date_line_without_its_colon_is_told_at_its_line(
    tmp_path: Path, summary: str, fix: str, value: str
) -> None:
    """«  Ngày 05/12/2026» under the summary: YAML reads it as the summary's last words, and
    the editor was told only that `date` was missing, at line 2."""
    [error] = errors_of(tmp_path, summary)
    written = (tmp_path / "project" / SOURCE).read_text(encoding="utf-8").split("\n")
    typed = summary.rsplit("\n", 1)[1].strip().rstrip('"')
    assert error.line == 1 + written.index(next(t for t in written if typed in t))
    assert error.field == "date"
    assert f"dòng «{typed}» không được đọc là trường 'date' mà là phần cuối của 'summary'" in (
        error.message
    )
    assert "thiếu dấu ':'" in error.message
    hint = error.hint or ""
    assert hint.startswith(fix)
    assert f"thành trường riêng: date: {value}" in hint


def test_a_summary_going_on_with_the_word_ngay_is_no_date_line(tmp_path: Path) -> None:
    """«Ngày hội…» and «Ngày 5 tới…» are the summary's own words (no date after the name):
    the missing date is told as before, at the front matter's first line."""
    for words in ("Ngày hội toàn dân bảo vệ an ninh", "Ngày mai trời mưa"):
        [error] = errors_of(
            tmp_path / folded_words(words).replace(" ", "-"), f"summary: Tin mới\n  {words}"
        )
        assert (error.message, error.line) == ("thiếu trường bắt buộc", 2)


def test_the_missing_date_example_is_the_file_name_s_day(tmp_path: Path) -> None:
    """The example to add was a made-up 2020-12-08 whatever the file: copied as it was, the
    bulletin moved to another day than the one its name (and the editor) meant."""
    [error] = errors_of(tmp_path, 'summary: "Tin mới"', "content/bai-viet/2026-11-28-tin.md")
    assert (error.message, error.line) == ("thiếu trường bắt buộc", 2)
    assert (error.hint or "").startswith("Thêm 'date: 2026-11-28 08:00' (ngày trong tên tệp")


def test_an_empty_date_example_is_the_file_name_s_day(tmp_path: Path) -> None:
    """`date:` left empty is told at its line, with the file name's day as the example."""
    text = bulletin_md({"date": ""})
    root = make_project(tmp_path, {"content/bai-viet/2026-11-28-tin.md": text})
    with pytest.raises(ContentError) as raised:
        load_site(config_module.load(root), now=NOW)
    [error] = [p for p in raised.value.problems if p.severity == "error"]
    assert (error.message, error.field) == ("trường bắt buộc để trống", "date")
    assert "'date: 2026-11-28 08:00' (ngày trong tên tệp" in (error.hint or "")


def test_a_file_name_without_a_day_gives_no_day_from_it(tmp_path: Path) -> None:
    """No day in the name (or no real one: 2026-02-30): the example does not claim one."""
    for name in ("tin-moi.md", "2026-02-30-tin.md"):
        [error] = errors_of(tmp_path / name, 'summary: "Tin mới"', f"content/bai-viet/{name}")
        assert "tên tệp" not in (error.hint or "")
        assert "2026-02-30" not in (error.hint or "")
