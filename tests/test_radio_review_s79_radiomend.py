"""Session 79 (helper radiomend): regressions of s79-radio mended — an arrow read as «hơn», a
rank on the line after an award's name read as a plain number, a counted range found in the
middle of a dashed list of service numbers."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise

# An arrow between two numbers is a pause, as P8 reads `->` everywhere (`8h->17h` «tám giờ,
# mười bảy giờ»); the «>» rule read it «hơn» once it also saw an hour P3 had read, «tám
# giờ-hơn mười bảy giờ», broadcast with no flag.
ARROWS_BETWEEN_NUMBERS = [
    ("Tiếp dân từ 8h->17h hằng ngày.", "Tiếp dân từ tám giờ, mười bảy giờ hằng ngày."),
    ("Cấm xe tải 6h->9h.", "Cấm xe tải sáu giờ, chín giờ."),
    ("Ca trực 7h -> 11h.", "Ca trực bảy giờ, mười một giờ."),
    ("Số vụ tăng 5->8 vụ.", "Số vụ tăng năm, tám vụ."),
    ("Số vụ tăng 5 -> 8 vụ.", "Số vụ tăng năm, tám vụ."),
]


@pytest.mark.parametrize(("source", "expected"), ARROWS_BETWEEN_NUMBERS)
def test_an_arrow_between_numbers_is_a_pause_not_a_comparison(source: str, expected: str) -> None:
    result = normalise(source)
    assert result.text == expected
    assert "hơn" not in result.text
    assert not [f for f in result.flags if f.code == "Q2"]


def test_a_comment_end_between_hours_is_still_held() -> None:
    """`-->` is a comment's end the website shows as text (R14.6): held for the editor, as it
    was before s79, not read «bảy giờ--hơn mười một giờ»."""
    result = normalise("Ca trực 7h-->11h.")
    assert "hơn" not in result.text
    assert [f for f in result.flags if f.code == "Q2"]


# A sign typed against the hour before it: the words it is read as are spaced from that hour,
# not «mười hai giờkhông quá …».
SIGNS_TYPED_AGAINST_A_WORD = [
    ("Thời hạn 12h<=24h.", "Thời hạn mười hai giờ không quá hai mươi tư giờ."),
    ("Thời hạn 12h≤24h.", "Thời hạn mười hai giờ không quá hai mươi tư giờ."),
    ("Thời hạn 12h<24h.", "Thời hạn mười hai giờ dưới hai mươi tư giờ."),
    ("Làm việc 12h>8h.", "Làm việc mười hai giờ hơn tám giờ."),
    ("Phạt (>=5 triệu đồng).", "Phạt, không dưới năm triệu đồng."),
]


@pytest.mark.parametrize(("source", "expected"), SIGNS_TYPED_AGAINST_A_WORD)
def test_a_sign_typed_against_a_word_is_read_apart_from_it(source: str, expected: str) -> None:
    result = normalise(source)
    assert result.text == expected
    assert not [f for f in result.flags if f.code == "Q2"]
