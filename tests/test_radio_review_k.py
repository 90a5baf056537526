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


@pytest.mark.parametrize(
    "unit",
    [
        "Đội CSGT Công an huyện",
        "Đồn Công an Cửa khẩu",
        "Đội CSHS Công an thị xã",
        "Đội Cảnh sát giao thông Công an huyện Kim Sơn",
    ],
)
def test_a_signature_whose_unit_names_the_police_inside_is_not_read(unit: str) -> None:
    """«Trần Thị Lan - Đội CSGT Công an huyện» as a last line was read on air: «Công an» inside
    the unit's name made it a sentence. It is the writer's signature, as «… - Công an xã» is."""
    spoken = normalise(f"Người dân cần cảnh giác.\n\nTrần Thị Lan - {unit}\n")
    assert spoken.text == "Người dân cần cảnh giác."


def test_a_unit_then_a_verb_after_a_name_is_still_read() -> None:
    """A name, a dash and a unit that goes on with a verb is a sentence: read."""
    spoken = normalise("Mở đầu.\n\nTrần Thị Lan - Đội CSGT Công an huyện đã tiếp nhận.\n")
    assert "Trần Thị Lan" in spoken.text
