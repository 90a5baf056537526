"""Field names typed wrong: with a Vietnamese keyboard left on (Telex, VNI: `tags` → `tág`),
or a value's second line read as a key."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError
from publish.model import Site
from tests.helpers import NOW, bulletin_md, make_project


def load(root: Path) -> Site:
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


@pytest.mark.parametrize(
    ("above", "second", "key", "meant"),
    [
        ("summary", "Thời gian: từ ngày 5/12 đến hết ngày 10/12", "Thời gian", "date"),
        ("summary", "Tác giả vụ việc: Nguyễn Văn A", "Tác giả vụ việc", None),
        ("title", "Ngày: 5/12", "Ngày", "date"),
        ("title", "Địa điểm: ấp Tân Phú", "Địa điểm", None),
    ],
)
def test_a_values_second_line_named_like_a_field_is_told_to_be_joined_not_deleted(
    tmp_path: Path, above: str, second: str, key: str, meant: str | None
) -> None:
    """«Thời gian» is the Vietnamese name of `date`: the warning said «Đã có dòng 'date:': xóa
    dòng này», and the editor deleted the second half of the summary."""
    value = {"summary": "Công an huyện ra quân đợt cao điểm", "title": "Họp dân ấp Tân Phú"}
    text = bulletin_md({above: f"{value[above]}\n{second}"})
    root = make_project(tmp_path, {"content/a.md": text})
    [warning] = load(root).warnings
    line = {"title": 3, "summary": 6}[above]
    what = {"title": "tiêu đề", "summary": "tóm tắt"}[above]
    assert (warning.severity, warning.field, warning.line) == ("warning", key, line)
    hint = warning.hint or ""
    assert f'trong ngoặc kép, ví dụ {above}: "… {key}: …"' in hint
    assert "Đã có dòng" not in hint
    if meant is None:
        assert "nối nó vào cuối dòng trên" in hint
    else:
        assert warning.message == (
            f"dòng '{key}: …' ngay dưới dòng '{above}:' được đọc thành một trường riêng (giống "
            f"tên trường '{meant}'), không phải phần tiếp theo của {what}: chữ của nó không "
            "được đăng ở đâu"
        )
        assert hint.startswith(
            f"Nếu dòng này là phần tiếp theo của {what}, đừng xóa nó: nối nó vào cuối dòng "
            f"'{above}:' ở trên"
        )
        assert f"Chỉ khi dòng này là một '{meant}' thứ hai (đã có dòng '{meant}:')" in hint


def test_a_field_named_in_vietnamese_after_a_quoted_summary_is_told_as_before(
    tmp_path: Path,
) -> None:
    """Under a quoted summary the line cannot be its continuation: `thời gian:` is a second
    date written under its Vietnamese name, and deleting it is the fix."""
    text = bulletin_md({"summary": '"Công an huyện ra quân."\nthời gian: 2020-12-08 08:00'})
    root = make_project(tmp_path, {"content/a.md": text})
    [warning] = load(root).warnings
    assert warning.field == "thời gian"
    assert (warning.hint or "").startswith("Đã có dòng 'date:': xóa dòng này")


def test_a_summarys_second_line_named_like_a_hold_back_field_stays_an_error(
    tmp_path: Path,
) -> None:
    """«Thời hạn» may be the expiry's name: unread, the bulletin would stay up past it, so
    the file is still held; the hint still says to join the line, not to rename it."""
    text = bulletin_md({"summary": "Tiếp nhận hồ sơ cấp căn cước\nThời hạn: trước ngày 15/12"})
    root = make_project(tmp_path, {"content/a.md": text})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert (problem.severity, problem.field, problem.line) == ("error", "Thời hạn", 6)
    assert "giống tên trường 'expires'" in problem.message
    assert problem.message.endswith("Bản tin không được đăng khi chưa sửa")
    assert (problem.hint or "").startswith(
        "Nếu dòng này là phần tiếp theo của tóm tắt, đừng xóa nó: nối nó vào cuối dòng "
        "'summary:' ở trên"
    )


@pytest.mark.parametrize("key", ["darft", "tác_giả", "ngày"])
def test_a_key_written_as_a_key_under_an_unquoted_title_is_told_as_a_key(
    tmp_path: Path, key: str
) -> None:
    """`darft`, `tác_giả`, lower-case `ngày` are written as keys, not as a sentence's words:
    under `title: Liên hệ` (no quotes) they are still told as the field they stand for."""
    text = bulletin_md({"title": f'Họp dân ấp Tân Phú\n{key}: "x"'})
    root = make_project(tmp_path, {"content/a.md": text})
    try:
        problems = list(load(root).warnings)
    except ContentError as error:
        problems = list(error.problems)
    [problem] = [p for p in problems if p.field == key]
    assert problem.line == 3
    assert "ngay dưới dòng" not in problem.message
    assert problem.message.startswith("không phải trường đã biết: có phải ý bạn là")
