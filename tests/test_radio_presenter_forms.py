"""What a presenter says for forms a previous pass left wrong: content beside a web or e-mail
address, national abbreviations, fractions, file extensions, brands in capitals, `hôm 2/9`.

Inputs go through `normalise` (a whole bulletin paragraph: sentence capitals and stops) or
`normalise_fragment` like the spec's vectors.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise

# An address goes; the number or other way of reaching the unit in its sentence is read (R1.4).
ADDRESSES = [
    (
        "Người dân có thể gửi email: x@y.vn hoặc Zalo 0913 123 456.",
        "Người dân có thể gửi Zalo không chín một ba, một hai ba, bốn năm sáu.",
    ),
    (
        "Người dân có thể liên hệ qua email x@y.vn hoặc gọi số 0913 123 456.",
        "Người dân có thể gọi số không chín một ba, một hai ba, bốn năm sáu.",
    ),
    (
        "Liên hệ qua email congan@example.vn, hoặc số 0913 123 456.",
        "Liên hệ qua số không chín một ba, một hai ba, bốn năm sáu.",
    ),
    (
        "Gọi 0913 123 456, hoặc gửi email tới x@y.vn.",
        "Gọi không chín một ba, một hai ba, bốn năm sáu.",
    ),
    (
        "Gọi 113 hoặc gửi thư tới x@y.vn để được hướng dẫn.",
        "Gọi một một ba để được hướng dẫn.",
    ),
    (
        "Phản ánh qua website congan.example.vn hoặc đường dây nóng 0277 3610 113.",
        "Phản ánh qua đường dây nóng không hai bảy bảy, ba sáu một không, một một ba.",
    ),
    (
        "Thông tin gửi về hộp thư congan@example.vn và số Zalo 0913 123 456.",
        "Thông tin gửi về số Zalo không chín một ba, một hai ba, bốn năm sáu.",
    ),
    # «Xem tại» a bare address is R1.3's call to action, but the number in it is still read.
    (
        "Người dân có thể xem tại website congan.example.vn hoặc gọi 113.",
        "Người dân có thể gọi một một ba.",
    ),
    # The clause goes, not the sentence, when the rest of it holds a number.
    ("Hotline 113, email x@y.vn.", "Hotline một một ba."),
    ("Gửi thư tới a@b.vn để được hỗ trợ, hoặc gọi 113.", "Gọi một một ba."),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSES)
def test_a_dropped_address_takes_nothing_else_of_its_sentence(text: str, expected: str) -> None:
    spoken = normalise(text)
    assert spoken.text == expected
    assert [f.code for f in spoken.flags] == ["R1.4"]
    assert spoken.flags[0].message.startswith("Đã bỏ vế câu chứa địa chỉ")
