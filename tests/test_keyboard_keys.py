"""Field names typed wrong: with a Vietnamese keyboard left on (Telex, VNI: `tags` → `tág`),
or a value's second line read as a key."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError
from tests.helpers import NOW, bulletin_md, make_project


def load(root: Path):
    """Load the project at the fixed clock."""
    return load_site(config_module.load(root), now=NOW)


@pytest.mark.parametrize(
    ("key", "meant"),
    [("tág", "tags"), ("authỏ", "author"), ("covẻ", "cover"), ("slùg", "slug")],
)
def test_a_field_name_typed_with_the_keyboard_on_is_a_warning_naming_the_field(
    tmp_path: Path, key: str, meant: str
) -> None:
    """Unikey turns the letter after a vowel into its mark: the marks kept the key too far
    from any field for a misspelling, and its value was dropped without a word."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({key: '"x"'})})
    [warning] = load(root).warnings
    assert (warning.severity, warning.field, warning.line) == ("warning", key, 7)
    assert f"có phải ý bạn là '{meant}'? Giá trị của nó đang bị bỏ qua." in warning.message
    assert (warning.hint or "").startswith(f"Sửa thành '{meant}:' (viết thường, không dấu).")
    assert "tắt bộ gõ tiếng Việt" in (warning.hint or "")
    assert "trường riêng cho giao diện" not in (warning.hint or "")


def test_a_hold_back_field_typed_with_the_keyboard_on_is_an_error(tmp_path: Path) -> None:
    """`dràt: true` unread published what the editor meant to keep as a draft."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({"dràt": "true"})})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert (problem.severity, problem.field) == ("error", "dràt")
    assert "có phải ý bạn là 'draft'? Bản tin không được đăng khi chưa sửa." in problem.message


def test_a_required_field_typed_with_the_keyboard_on_is_told_at_that_line(
    tmp_path: Path,
) -> None:
    """«thiếu trường bắt buộc» at line 2 sent the editor to add a second `summary` line,
    leaving `summảy` unread and unexplained."""
    text = bulletin_md(drop=["summary"]).replace("approved_by:", 'summảy: "x"\napproved_by:')
    root = make_project(tmp_path, {"content/a.md": text})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert (problem.severity, problem.field, problem.line) == ("error", "summary", 5)
    assert problem.message == (
        "thiếu trường bắt buộc: dòng 'summảy:' là trường này gõ khi bộ gõ tiếng Việt đang bật "
        "(chữ cái thành dấu), công cụ chỉ đọc tên 'summary'"
    )
    assert (problem.hint or "").startswith("Đổi 'summảy:' thành 'summary:'")


@pytest.mark.parametrize("key", ["ghi_chú", "đơn_vị", "nguồn"])
def test_a_vietnamese_template_key_far_from_every_field_stays_silent(
    tmp_path: Path, key: str
) -> None:
    """A key of the unit's own theme is not taken for a field typed with marks."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({key: '"x"'})})
    assert not load(root).warnings


def test_the_second_line_of_a_value_read_as_a_key_is_a_warning(tmp_path: Path) -> None:
    """A summary written on two lines whose second line holds a colon: YAML reads that line as
    a key «Địa điểm», its text published nowhere and told nowhere."""
    text = bulletin_md(
        {"summary": "Công an huyện ra quân đợt cao điểm\nĐịa điểm: sân trụ sở Công an huyện"}
    )
    root = make_project(tmp_path, {"content/a.md": text})
    [warning] = load(root).warnings
    assert (warning.severity, warning.field, warning.line) == ("warning", "Địa điểm", 6)
    assert warning.message.startswith("dòng 'Địa điểm: …' được đọc thành một trường tên")
    assert "chữ của dòng này không được đăng ở đâu" in warning.message
    assert "nối nó vào cuối dòng trên và đặt cả giá trị trong ngoặc kép" in (warning.hint or "")
    assert "như dia_diem." in (warning.hint or "")
