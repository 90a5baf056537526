"""Session 78 (helper radio5), review of the merge of s78-radio4: 112 taken back as a service
number, names ending in «Hạng» after a form of address or a surname the list lacked."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise

# 112 is no service number (R9.3 lists 111, 113, 114, 115): made one, counts of its shape were
# read digit by digit or as a list of numbers to call, and a sentence holding it lost its
# «number to call» status, so a link's sentence was dropped whole.
COUNTS_OF_112 = [
    (
        "Đã có 112/115 hộ dân ký cam kết.",
        "Đã có một trăm mười hai trên một trăm mười lăm hộ dân ký cam kết.",
    ),
    ("Tổng đài 112; website www.pccc.gov.vn.", "Tổng đài một một hai."),
    (
        "tiếp nhận 112 - 115 cuộc gọi",
        "Tiếp nhận từ một trăm mười hai đến một trăm mười lăm cuộc gọi.",
    ),
    (
        "Tổng đài tiếp nhận 112 - 115 cuộc gọi mỗi ngày.",
        "Tổng đài tiếp nhận từ một trăm mười hai đến một trăm mười lăm cuộc gọi mỗi ngày.",
    ),
    ("Công an: 112; Quân sự: 80.", "Công an: một trăm mười hai; Quân sự: tám mươi."),
]


@pytest.mark.parametrize(("source", "expected"), COUNTS_OF_112)
def test_112_reads_as_before_it_was_made_a_service_number(source: str, expected: str) -> None:
    assert normalise(source).text == expected


# A person named Hạng after a form of address and a surname the common list lacked («Đoàn»,
# «Lý», the Khmer «Sơn», «Danh», «Thạch», «Kim»), or after «đồng chí», was read as a place in a
# ranking, «Hạng nhì» (R10.3); before s78-radio4 any capital before «Hạng» made it a name.
NAMES_AFTER_A_FORM_OF_ADDRESS = [
    ("Ông Đoàn Văn Hạng 2 lần vi phạm.", "Ông Đoàn Văn Hạng hai lần vi phạm."),
    ("Chị Đoàn Thị Hạng 2 lần vi phạm.", "Chị Đoàn Thị Hạng hai lần vi phạm."),
    ("Anh Sơn Hạng 2 năm liền đạt danh hiệu.", "Anh Sơn Hạng hai năm liền đạt danh hiệu."),
    ("Đồng chí Lý Hạng 2 lần được khen.", "Đồng chí Lý Hạng hai lần được khen."),
    ("Đ/c Lý Hạng 2 lần được khen.", "Đồng chí Lý Hạng hai lần được khen."),
    ("Khen thưởng đồng chí Thạch Hạng 2 lần.", "Khen thưởng đồng chí Thạch Hạng hai lần."),
    ("Bà Mã Thị Hạng 2 lần vi phạm.", "Bà Mã Thị Hạng hai lần vi phạm."),
    ("Cháu Danh Thị Kim Hạng 2 tuổi.", "Cháu Danh Thị Kim Hạng hai tuổi."),
]


@pytest.mark.parametrize(("source", "expected"), NAMES_AFTER_A_FORM_OF_ADDRESS)
def test_a_name_after_a_form_of_address_ending_in_hang_is_no_rank(
    source: str, expected: str
) -> None:
    assert normalise(source).text == expected


# Without a form of address, a full name opening with one of those surnames and a middle name.
NAMES_WITH_A_SURNAME_THE_LIST_LACKED = [
    ("Đoàn Văn Hạng 2 lần vi phạm.", "Đoàn Văn Hạng hai lần vi phạm."),
    ("Đối tượng Khưu Văn Hạng 2 lần vi phạm.", "Đối tượng Khưu Văn Hạng hai lần vi phạm."),
    ("Đối tượng Thạch Thị Hạng 2 lần vi phạm.", "Đối tượng Thạch Thị Hạng hai lần vi phạm."),
]


@pytest.mark.parametrize(("source", "expected"), NAMES_WITH_A_SURNAME_THE_LIST_LACKED)
def test_a_full_name_with_a_less_common_surname_ending_in_hang_is_no_rank(
    source: str, expected: str
) -> None:
    assert normalise(source).text == expected


# Still ranks: a form of address on the line before a results line, and a capitalised word of no
# name after a word that only looks like one («anh em», lower case).
STILL_RANKS = [
    ("Trao giải cho anh Sơn\nHạng 2: đội Công an xã Bình Minh", "Trao giải cho anh Sơn Hạng nhì: đội Công an xã Bình Minh."),
    ("Đội bóng Công an Hạng 1.", "Đội bóng Công an Hạng nhất."),
    ("Huy chương Đồng Hạng 2.", "Huy chương Đồng Hạng nhì."),
    ("Đoàn Thanh Niên Hạng 1.", "Đoàn Thanh Niên Hạng nhất."),
    ("Thẻ Bạch Kim Hạng 1.", "Thẻ Bạch Kim Hạng nhất."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), STILL_RANKS)
def test_a_rank_after_a_capitalised_word_of_no_name_is_still_a_rank(
    source: str, expected: str
) -> None:
    assert normalise(source).text == expected
