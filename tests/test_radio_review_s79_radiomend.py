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
    # Session 80: after «từ» an arrow between figures is the «đến» of a range, «từ tám giờ đến
    # mười bảy giờ» (test_radio_review_s80_radio); without «từ» it is still the pause.
    ("Tiếp dân 8h->17h hằng ngày.", "Tiếp dân tám giờ, mười bảy giờ hằng ngày."),
    ("Cấm xe tải 6h->9h.", "Cấm xe tải sáu giờ, chín giờ."),
    ("Ca trực 7h -> 11h.", "Ca trực bảy giờ, mười một giờ."),
    ("Số vụ tăng 5->8 vụ.", "Số vụ tăng năm, tám vụ."),
    ("Số vụ tăng 5 -> 8 vụ.", "Số vụ tăng năm, tám vụ."),
    # Session 79 (radiomend2): `->` typed with a space, `- >`, was «bảy giờ, hơn mười một giờ»,
    # broadcast with no flag. It is the arrow `->` is, a pause, between words too.
    ("Ca trực 7h - > 11h.", "Ca trực bảy giờ, mười một giờ."),
    ("Ca trực 7h- >11h.", "Ca trực bảy giờ, mười một giờ."),
    ("Số vụ tăng 5 - > 8 vụ.", "Số vụ tăng năm, tám vụ."),
    ("Gọi điện - > yêu cầu chuyển tiền.", "Gọi điện, yêu cầu chuyển tiền."),
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
    # Session 79 (radiomend2): a sign typed right after «%», «‰» or «°C» ran into the unit's
    # words, «năm phần trămhơn ba phần trăm», with no flag.
    ("Tỷ lệ tái phạm 5%>3%.", "Tỷ lệ tái phạm năm phần trăm hơn ba phần trăm."),
    ("Tỷ lệ tái phạm 5%<10%.", "Tỷ lệ tái phạm năm phần trăm dưới mười phần trăm."),
    ("Tỷ lệ tái phạm 5%>=3%.", "Tỷ lệ tái phạm năm phần trăm không dưới ba phần trăm."),
    ("Tỷ lệ tái phạm 5%≤10%.", "Tỷ lệ tái phạm năm phần trăm không quá mười phần trăm."),
    ("Tỷ lệ 5 %>3 %.", "Tỷ lệ năm phần trăm hơn ba phần trăm."),
    ("Tỷ lệ 5‰<10‰.", "Tỷ lệ năm phần nghìn dưới mười phần nghìn."),
    ("Nhiệt độ 30°C>25°C.", "Nhiệt độ ba mươi độ C hơn hai mươi lăm độ C."),
]


@pytest.mark.parametrize(("source", "expected"), SIGNS_TYPED_AGAINST_A_WORD)
def test_a_sign_typed_against_a_word_is_read_apart_from_it(source: str, expected: str) -> None:
    result = normalise(source)
    assert result.text == expected
    assert not [f for f in result.flags if f.code == "Q2"]


# Award lists put the rank on the line after the person's name: «Hạng» opening that line is a
# rank (R10.3), «Hạng nhất», however short the name before the break.
RANKS_ON_THE_LINE_AFTER_A_NAME = [
    (
        "Cá nhân xuất sắc nhất: Đồng chí Hùng\nHạng 1 toàn đoàn với 98 điểm.",
        "Cá nhân xuất sắc nhất: Đồng chí Hùng Hạng nhất toàn đoàn với chín mươi tám điểm.",
    ),
    (
        "Khen thưởng anh Sơn\nHạng 1 cá nhân toàn đoàn.",
        "Khen thưởng anh Sơn Hạng nhất cá nhân toàn đoàn.",
    ),
    (
        "Giải cá nhân: đồng chí Nam\nHạng nhất; đồng chí Hùng\nHạng 2.",
        "Giải cá nhân: đồng chí Nam Hạng nhất; đồng chí Hùng Hạng nhì.",
    ),
    (
        "Anh Sơn\nHạng 2 - đội Công an xã Bình Minh.",
        "Anh Sơn Hạng nhì, đội Công an xã Bình Minh.",
    ),
    # «Văn» is a given name too: after a form of address alone it ends a name.
    ("Khen thưởng anh Văn\nHạng 2 toàn đoàn.", "Khen thưởng anh Văn Hạng nhì toàn đoàn."),
]


@pytest.mark.parametrize(("source", "expected"), RANKS_ON_THE_LINE_AFTER_A_NAME)
def test_a_rank_on_the_line_after_a_name_is_a_rank(source: str, expected: str) -> None:
    assert normalise(source).text == expected


def test_a_roman_rank_on_the_line_after_a_name_is_read() -> None:
    """«Hạng I» after «Đồng chí Nam» was left unread, with no flag to the editor."""
    result = normalise("Đồng chí Nam\nHạng I toàn đoàn.")
    assert "Hạng I " not in result.text
    assert result.text.startswith("Đồng chí Nam Hạng ")
    # Read as a count, «Hạng một», where «Hạng 1» is «Hạng nhất»: which of the two a roman rank
    # should be is the unit's decision to confirm.
    assert result.text == "Đồng chí Nam Hạng một toàn đoàn."


# A dashed list of service numbers before a noun holds no counted range: a range has two
# numbers. The middle one was read as opening one, «từ một trăm mười bốn đến …».
SERVICE_LISTS_BEFORE_A_NOUN = [
    (
        "Số điện thoại khẩn cấp: 113 - 114 - 115 cuộc gọi miễn phí.",
        "Số điện thoại khẩn cấp: một một ba, một một bốn, một một năm cuộc gọi miễn phí.",
    ),
    (
        "Số điện thoại khẩn cấp: 113 – 114 – 115 cuộc gọi miễn phí.",
        "Số điện thoại khẩn cấp: một một ba, một một bốn, một một năm cuộc gọi miễn phí.",
    ),
    (
        "Gọi 111 - 113 - 114 - 115 miễn phí, 113 - 115 cuộc gọi mỗi ngày.",
        "Gọi một một một, một một ba, một một bốn, một một năm miễn phí, từ một trăm mười ba"
        " đến một trăm mười lăm cuộc gọi mỗi ngày.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), SERVICE_LISTS_BEFORE_A_NOUN)
def test_a_dashed_list_of_service_numbers_holds_no_counted_range(
    source: str, expected: str
) -> None:
    assert normalise(source).text == expected


# Session 79 (helper radiomend2), review of merge b1a588b8. The same list typed without spaces:
# the first number was said digit by digit, the rest became a counted range after a stray hyphen
# («một một ba-từ một trăm mười bốn đến một trăm mười lăm cuộc gọi»), with no flag.
SERVICE_LISTS_TYPED_WITHOUT_SPACES = [
    (
        "Số điện thoại khẩn cấp: 113-114-115 cuộc gọi miễn phí.",
        "Số điện thoại khẩn cấp: một một ba, một một bốn, một một năm cuộc gọi miễn phí.",
    ),
    (
        "Số điện thoại khẩn cấp: 113–114–115 cuộc gọi miễn phí.",
        "Số điện thoại khẩn cấp: một một ba, một một bốn, một một năm cuộc gọi miễn phí.",
    ),
    ("Số điện thoại khẩn cấp: 113-115.", "Số điện thoại khẩn cấp: một một ba, một một năm."),
]


@pytest.mark.parametrize(("source", "expected"), SERVICE_LISTS_TYPED_WITHOUT_SPACES)
def test_a_service_list_typed_without_spaces_is_said_as_the_spaced_one(
    source: str, expected: str
) -> None:
    result = normalise(source)
    assert result.text == expected
    assert "-" not in result.text


# Two numbers and a counted noun stay a range, spaced or not (R12.1), after a trigger too.
COUNTED_RANGES_TYPED_WITHOUT_SPACES = [
    (
        "Tổng đài tiếp nhận 113-115 cuộc gọi mỗi ngày.",
        "Tổng đài tiếp nhận từ một trăm mười ba đến một trăm mười lăm cuộc gọi mỗi ngày.",
    ),
    (
        "Số điện thoại khẩn cấp: 113-115 cuộc gọi.",
        "Số điện thoại khẩn cấp: từ một trăm mười ba đến một trăm mười lăm cuộc gọi.",
    ),
    ("Hỗ trợ 111-115 hộ.", "Hỗ trợ từ một trăm mười một đến một trăm mười lăm hộ."),
]


@pytest.mark.parametrize(("source", "expected"), COUNTED_RANGES_TYPED_WITHOUT_SPACES)
def test_a_counted_range_typed_without_spaces_stays_a_range(source: str, expected: str) -> None:
    assert normalise(source).text == expected
