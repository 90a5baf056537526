"""Radio readings reviewer K found wrong in session 35: facts lost or numbers read by mistake."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise

_TABLE = "| Xe | Biển |\n|---|---|\n| 1 | 29A |\n"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Tổ công tác thu giữ 2 xe máy (1 xe không giấy tờ, xem bảng sau):",
            "Tổ công tác thu giữ hai xe máy, một xe không giấy tờ.",
        ),
        (
            "Thu giữ tang vật (trị giá 50 triệu đồng, chi tiết tại bảng dưới).",
            "Thu giữ tang vật, trị giá năm mươi triệu đồng.",
        ),
        ("Thu giữ 2 xe máy (xem bảng sau):", "Thu giữ hai xe máy."),
    ],
)
def test_a_bracket_before_a_table_not_read_loses_only_its_pointer(
    sentence: str, expected: str
) -> None:
    """«…thu giữ 2 xe máy (1 xe không giấy tờ, xem bảng sau):» before a table not read was read
    «…thu giữ hai xe máy.», the fact in the bracket lost: only the clause pointing at the table
    goes; a bracket that only points still goes whole."""
    spoken = normalise(f"Mở đầu.\n\n{sentence}\n\n{_TABLE}\nHết.\n")
    assert spoken.text == f"Mở đầu.\n\n{expected}\n\nHết."
