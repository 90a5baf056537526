"""Session 79 (helper radio): a name cut by a line break before «Hạng», a counted range opening
with a service number, comparison signs typed «>=», «<=» or before a time, and «./.» closing a
quoted notice mid-text."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise
from publish.radio.options import SpeakOptions

# A name the line before left unfinished, joined to «Hạng» by Markdown's soft line break: one
# ending in «Văn»/«Thị», which end no name. Before s79, «Hạng» opening its own source line
# always ranked, «ông Trần Văn Hạng nhì lần» (R10.3).
NAMES_CUT_BY_A_LINE_BREAK = [
    ("Khen thưởng ông Trần Văn\nHạng 2 lần.", "Khen thưởng ông Trần Văn Hạng hai lần."),
    ("Đối tượng Trần Văn\nHạng 2 lần vi phạm.", "Đối tượng Trần Văn Hạng hai lần vi phạm."),
    ("Bà Đoàn Thị\nHạng 2 lần vi phạm.", "Bà Đoàn Thị Hạng hai lần vi phạm."),
]


@pytest.mark.parametrize(("source", "expected"), NAMES_CUT_BY_A_LINE_BREAK)
def test_a_name_cut_by_a_line_break_before_hang_is_no_rank(source: str, expected: str) -> None:
    assert normalise(source).text == expected


# What an editor writes for a ranking keeps it: a results entry («Hạng 2:») whatever ends the line
# before, a place or a name that may be whole before the break, «anh em» (no name). A form of
# address and one capitalised word («Anh Sơn») was read as a name cut short, «Anh Sơn Hạng hai»,
# until s79-radiomend: award lists write the rank so, on the line after the name.
RANKS_AFTER_A_LINE_BREAK = [
    ("Anh Sơn\nHạng 2 năm liền đạt danh hiệu.", "Anh Sơn Hạng nhì năm liền đạt danh hiệu."),
    ("Anh **Sơn**\nHạng 2 năm liền.", "Anh Sơn Hạng nhì năm liền."),
    ("Anh Sơn\nHạng 2: đội Công an xã Bình Minh.", "Anh Sơn Hạng nhì: đội Công an xã Bình Minh."),
    (
        "Kết quả: đội Công an xã Tân Phú\nHạng 2: đội Công an xã Bình Minh.",
        "Kết quả: đội Công an xã Tân Phú Hạng nhì: đội Công an xã Bình Minh.",
    ),
    ("Đội Công an xã Tân Phú\nHạng 2 toàn huyện.", "Đội Công an xã Tân Phú Hạng nhì toàn huyện."),
    ("Cho các anh em\nHạng 1 thuộc về đội A.", "Cho các anh em Hạng nhất thuộc về đội A."),
    ("Ông Trần Văn\nHạng 2: đội A.", "Ông Trần Văn Hạng nhì: đội A."),
]


@pytest.mark.parametrize(("source", "expected"), RANKS_AFTER_A_LINE_BREAK)
def test_a_rank_after_a_line_break_is_still_a_rank(source: str, expected: str) -> None:
    assert normalise(source).text == expected


# A service number opening a range with a counted noun after it (R12.1): after «Tổng đài» it was
# read digit by digit, «một một ba, một trăm mười lăm cuộc gọi», as 112 was not.
COUNTED_RANGES_FROM_A_SERVICE_NUMBER = [
    (
        "Tổng đài tiếp nhận 113 - 115 cuộc gọi mỗi ngày.",
        "Tổng đài tiếp nhận từ một trăm mười ba đến một trăm mười lăm cuộc gọi mỗi ngày.",
    ),
    (
        "Tổng đài tiếp nhận 113-115 cuộc gọi mỗi ngày.",
        "Tổng đài tiếp nhận từ một trăm mười ba đến một trăm mười lăm cuộc gọi mỗi ngày.",
    ),
    (
        "Đường dây nóng nhận 111 – 1.115 cuộc gọi.",
        "Đường dây nóng nhận từ một trăm mười một đến một nghìn một trăm mười lăm cuộc gọi.",
    ),
    (
        "Tổng đài 113 tiếp nhận 113 - 115 cuộc gọi mỗi ngày.",
        "Tổng đài một một ba tiếp nhận từ một trăm mười ba đến một trăm mười lăm cuộc gọi mỗi ngày.",
    ),
    # Listed service lines, no count after them, stay digit by digit.
    ("Gọi 113 - 114 - 115 khi cần.", "Gọi một một ba, một một bốn, một một năm khi cần."),
]


@pytest.mark.parametrize(("source", "expected"), COUNTED_RANGES_FROM_A_SERVICE_NUMBER)
def test_a_counted_range_opening_with_a_service_number_is_a_range(
    source: str, expected: str
) -> None:
    assert normalise(source).text == expected


# «>=» and «<=» are «≥» and «≤» typed without them; before a time (`24h`, which P3 reads before
# the signs) every sign was left unread. Each blocked the script with Q2.
SIGNS_READ = [
    ("Phạt >= 5 triệu đồng.", "Phạt không dưới năm triệu đồng."),
    ("Phạt >=5 triệu đồng.", "Phạt không dưới năm triệu đồng."),
    (
        "Nồng độ cồn <= 0,25 mg/l khí thở.",
        "Nồng độ cồn không quá không phẩy hai mươi lăm mi-li-gam trên lít khí thở.",
    ),
    ("Từ >= 3 lần vi phạm.", "Từ ba lần vi phạm."),
    ("Thời hạn ≤ 24h.", "Thời hạn không quá hai mươi tư giờ."),
    ("Thời hạn <= 24h.", "Thời hạn không quá hai mươi tư giờ."),
    ("Có mặt ≥ 7h30 sáng.", "Có mặt không dưới bảy giờ ba mươi phút sáng."),
    ("Thời hạn < 24h.", "Thời hạn dưới hai mươi tư giờ."),
    ("Làm việc > 8h mỗi ngày.", "Làm việc hơn tám giờ mỗi ngày."),
]


@pytest.mark.parametrize(("source", "expected"), SIGNS_READ)
def test_comparison_signs_typed_or_before_a_time_are_read(source: str, expected: str) -> None:
    result = normalise(source)
    assert result.text == expected
    assert not [f for f in result.flags if f.code == "Q2"]


def test_a_time_after_a_sign_follows_the_four_option() -> None:
    """«≤ 24h» with `four_after_tens = "bốn"` (§8) is «không quá hai mươi bốn giờ»."""
    options = SpeakOptions(four_after_tens="bốn")
    assert normalise("Thời hạn ≤ 24h.", options=options).text == (
        "Thời hạn không quá hai mươi bốn giờ."
    )


@pytest.mark.parametrize("source", ["Điểm >= A.", "Giá trị x <= y."])
def test_a_typed_sign_before_no_number_still_blocks(source: str) -> None:
    """Before no number, `>=` and `<=` say nothing a listener can follow: Q2 holds the item."""
    assert [f for f in normalise(source).flags if f.code == "Q2"]


# «./.», an official notice's end, quoted inside a sentence that goes on after the quote.
NOTICE_ENDS_IN_QUOTES = [
    (
        "Thực hiện Công văn số 12 “Đề nghị các đơn vị thực hiện./.” Sau đó Công an xã báo cáo.",
        "Thực hiện Công văn số mười hai “Đề nghị các đơn vị thực hiện.” Sau đó Công an xã báo cáo.",
    ),
    (
        'Thực hiện Công văn số 12 "Đề nghị các đơn vị thực hiện./." Sau đó Công an xã báo cáo.',
        'Thực hiện Công văn số mười hai "Đề nghị các đơn vị thực hiện." Sau đó Công an xã báo cáo.',
    ),
    (
        "Thực hiện Công văn số 12 «Đề nghị các đơn vị thực hiện ./.» Sau đó Công an xã báo cáo.",
        "Thực hiện Công văn số mười hai “Đề nghị các đơn vị thực hiện.” Sau đó Công an xã báo cáo.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), NOTICE_ENDS_IN_QUOTES)
def test_a_notice_s_end_mark_inside_a_quote_mid_text_is_its_stop(
    source: str, expected: str
) -> None:
    result = normalise(source)
    assert result.text == expected
    assert not [f for f in result.flags if f.code == "Q2"]
