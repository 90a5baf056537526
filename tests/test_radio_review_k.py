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


@pytest.mark.parametrize(
    "source",
    [
        "Vui lòng gọi cho Công an xã theo số 0912.xxx.xxx.",
        "Mọi thông tin xin liên hệ Công an xã Tân Phú, số điện thoại 0912.xxx.xxx.",
        "Người dân liên hệ Công an xã Tân Phú qua số 0912.xxx.xxx.",
    ],
)
def test_the_units_own_number_still_to_be_filled_after_its_name_is_held(source: str) -> None:
    """«Vui lòng gọi cho Công an xã theo số 0912.xxx.xxx.» was read «… số bắt đầu bằng không
    chín một hai» with no hold: the unit's name between the call and its number hid that the
    number is the unit's own, still to be written."""
    spoken = normalise(source + "\n")
    assert "Q1" in [f.code for f in spoken.flags]
    assert "không chín một hai" not in spoken.text


@pytest.mark.parametrize(
    "source",
    [
        "Đối tượng giả danh Công an xã gọi cho nạn nhân theo số 0912.xxx.xxx.",
        "Nạn nhân đã gọi cho Công an xã theo số 0912.xxx.xxx.",
        "Đối tượng bảo nạn nhân gọi cho Công an xã theo số 0912.xxx.xxx.",
    ],
)
def test_a_number_hidden_on_purpose_near_a_units_name_is_read_by_its_start(source: str) -> None:
    """A scammer's or someone else's number hidden on purpose is still read as where it
    starts, not held."""
    spoken = normalise(source + "\n")
    assert "Q1" not in [f.code for f in spoken.flags]
    assert "số bắt đầu bằng không chín một hai" in spoken.text


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("Các trường hợp trên đã bị xử phạt.", True),
        ("Những xe nêu trên đã bị tạm giữ.", True),
        ("Các đối tượng trên đây đều bị khởi tố.", True),
        ("Các vụ trên địa bàn xã đã được xử lý.", False),
    ],
)
def test_a_sentence_about_the_rows_above_a_table_not_read_holds_the_item(
    sentence: str, held: bool
) -> None:
    """«Các trường hợp trên đã bị xử phạt.» right after a table not read only warned: the
    listener never heard which cases. The item is held (R1.7, blocking), as after «Số liệu trên
    đây cho thấy …»; «các vụ trên địa bàn xã» names a place and is read as before."""
    spoken = normalise(f"Mở đầu.\n\n{_TABLE}\n{sentence}\n")
    blocking = [f for f in spoken.flags if f.code == "R1.7" and f.severity == "blocking"]
    assert bool(blocking) is held


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Hoàng Mai (PV) – sáng nay, công an quận Hoàng Mai bắt 2 đối tượng.",
            "Sáng nay, công an quận Hoàng Mai bắt hai đối tượng.",
        ),
        ("Long An (PV) – sáng nay, mưa lớn.", "Sáng nay, mưa lớn."),
        (
            "Nguyễn Văn Hải (PV) – sinh năm 1985, trú tại xã Tân Phú.",
            "Nguyễn Văn Hải, phóng viên, sinh năm một nghìn chín trăm tám mươi lăm, trú tại xã "
            "Tân Phú.",
        ),
    ],
)
def test_a_known_place_and_a_reporters_credit_are_a_dateline_not_read(
    source: str, expected: str
) -> None:
    """«Hoàng Mai (PV) – sáng nay, công an quận …» was read «Hoàng Mai, phóng viên, sáng nay …»:
    news in lower case after the dash made it no dateline. A place the bulletin names (or a
    province) with a reporter's credit is one; a person's name before «(PV)» is still read."""
    assert normalise(source + "\n").text == expected
