"""Presenter V's findings (session 77), reading a district's week of bulletins aloud.

Inputs go through `normalise_fragment` like the spec's own vectors: no sentence-start capital,
no final stop.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise_fragment

# A range of two shares written without spaces (`10%-30%`) is a range like `10% - 30%` (R12.1):
# the dash was read as a minus glued to the first share, «mười phần trămâm ba mươi phần trăm».
SHARE_RANGES = [
    (
        "hứa trả hoa hồng 10%-30% cho mỗi đơn hàng",
        "hứa trả hoa hồng từ mười phần trăm đến ba mươi phần trăm cho mỗi đơn hàng",
    ),
    ("hoa hồng từ 10%-30%", "hoa hồng từ mười phần trăm đến ba mươi phần trăm"),
    (
        "lãi suất 2,5%-3% mỗi ngày",
        "lãi suất từ hai phẩy năm phần trăm đến ba phần trăm mỗi ngày",
    ),
    ("giảm 5‰-7‰", "giảm từ năm phần nghìn đến bảy phần nghìn"),
]


@pytest.mark.parametrize(("source", "expected"), SHARE_RANGES)
def test_a_range_of_shares_written_without_spaces_is_a_range(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# A minus after a comma stays the change it was (the rule this must not widen).
SIGNED_SHARES = [
    (
        "số vụ giảm 3 vụ, -15% so với cùng kỳ",
        "số vụ giảm ba vụ, giảm mười lăm phần trăm so với cùng kỳ",
    ),
    ("tăng trưởng -15%", "tăng trưởng âm mười lăm phần trăm"),
]


@pytest.mark.parametrize(("source", "expected"), SIGNED_SHARES)
def test_a_signed_share_is_still_read_with_its_sign(source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected
