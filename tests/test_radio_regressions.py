"""Misreadings found in review of real bulletins, each pinned as a fragment vector.

Inputs go through `normalise_fragment` like the spec's own vectors (tests/test_radio_normalise.py),
so there is no sentence-start capital and no final stop.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise_fragment

# (input, expected human-script text)
VECTORS = [
    # An amount followed by a currency is money, never an account number (R5.1, R9.5).
    (
        "chuyển vào tài khoản 120.000.000 đồng",
        "chuyển vào tài khoản một trăm hai mươi triệu đồng",
    ),
    ("chuyển vào tài khoản 350.000.000đ", "chuyển vào tài khoản ba trăm năm mươi triệu đồng"),
    ("tài khoản 1.200.000 VNĐ", "tài khoản một triệu hai trăm nghìn đồng"),
    # `g` is an hour only with minutes or after `lúc`/before a time of day; else grams (R8.2).
    ("thu giữ khoảng 5g ma túy đá", "thu giữ khoảng năm gam ma túy đá"),
    ("lên tới 20g ma túy", "lên tới hai mươi gam ma túy"),
    ("từ 5g heroin", "từ năm gam heroin"),
    ("lúc 7g", "lúc bảy giờ"),
    ("khoảng 7g30", "khoảng bảy giờ ba mươi phút"),
    ("khoảng 7g sáng", "khoảng bảy giờ sáng"),
    ("vào 8g ngày 5/3", "vào tám giờ ngày năm tháng ba"),
]


@pytest.mark.parametrize(("source", "expected"), VECTORS)
def test_regression_vector(source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected


def test_account_number_before_other_words_is_still_dropped() -> None:
    spoken = normalise_fragment("chuyển vào tài khoản 0123456789 của đối tượng")
    assert spoken.text == "chuyển vào tài khoản của đối tượng"
    assert [f.code for f in spoken.flags] == ["R9.5"]
