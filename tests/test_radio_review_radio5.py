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
