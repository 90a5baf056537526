"""Readings an announcer would get wrong on air, or an editor was not told of (session 34).

Each test pins a vector that the code before it read wrongly or without a word to the editor.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise

_TABLE = "| Xã | Số vụ |\n|---|---|\n| Tân Bình | 1 |\n"


@pytest.mark.parametrize(
    "heading",
    [
        "## Kết quả thực hiện như sau:",
        "### Kết quả xử lý vi phạm trong tháng 11 như sau",
        "## Số liệu cụ thể như bảng dưới đây:",
    ],
)
def test_a_sub_heading_promising_a_table_not_read_is_not_read(heading: str) -> None:
    """«## Kết quả thực hiện như sau:» over a table was read «Kết quả thực hiện như sau.», the
    rows never read: a paragraph saying so was already left out, a sub-heading was not."""
    spoken = normalise(f"# Báo cáo\n\nMở đầu.\n\n{heading}\n\n{_TABLE}\nHết.\n")
    assert spoken.text == "Mở đầu.\n\nHết."
    assert [f.code for f in spoken.flags] == ["R1.7"]


def test_a_sub_heading_saying_something_before_its_pointer_keeps_it() -> None:
    """What a sub-heading says of its own before the pointer is still read."""
    spoken = normalise(
        f"# Báo cáo\n\nMở đầu.\n\n## Đã xử lý 120 trường hợp vi phạm như sau:\n\n{_TABLE}\nHết.\n"
    )
    assert spoken.text == ("Mở đầu.\n\nĐã xử lý một trăm hai mươi trường hợp vi phạm.\n\nHết.")


@pytest.mark.parametrize(
    "source",
    [
        "# Báo cáo\n\nIX. Kiến nghị\n\nNội dung.\n\nX. Kết Luận Chung\n\nNội dung hai.",
        "# Báo cáo\n\n## IX. Kiến nghị\n\nNội dung.\n\n## X. Kết Luận Chung\n\nNội dung hai.",
        "# Báo cáo\n\n**IX. Kiến nghị:** Nội dung.\n\n**X. Kết Luận Chung:** Nội dung hai.",
    ],
)
def test_the_tenth_part_after_the_ninth_is_not_read_as_a_commune(source: str) -> None:
    """«X. Kết Luận Chung» after «IX. Kiến nghị» was read «Xã Kết Luận Chung»: its title-case
    words were taken for a person's name after an initial, then the initial for a commune's
    prefix. After the ninth part it is the tenth."""
    said = normalise(source).text
    assert "Xã" not in said
    assert "Phần mười" in said and "Phần chín" in said


def test_a_signature_after_the_fourth_part_is_still_no_fifth_part() -> None:
    """An initial and a given name of two words after «IV.» is not taken for «Phần năm»."""
    said = normalise("# Báo cáo\n\nIV. Kiến nghị\n\nNội dung.\n\nV. Thanh Tùng\n").text
    assert "Phần năm" not in said
