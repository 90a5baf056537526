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
]


@pytest.mark.parametrize(("source", "expected"), VECTORS)
def test_regression_vector(source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected


def test_account_number_before_other_words_is_still_dropped() -> None:
    spoken = normalise_fragment("chuyển vào tài khoản 0123456789 của đối tượng")
    assert spoken.text == "chuyển vào tài khoản của đối tượng"
    assert [f.code for f in spoken.flags] == ["R9.5"]
