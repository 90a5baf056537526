"""Readings an announcer corrected in generated scripts (session 20 review), as fragment vectors.

Inputs go through `normalise_fragment` like the spec's own vectors, so there is no sentence-start
capital and no final stop. Where the announcer's reading departs from a rule of the research spec,
docs/doc-phat-thanh.md records the departure.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import BLOCKING, normalise, normalise_fragment


def _codes(source: str) -> list[str]:
    """The rule codes of the flags raised on a fragment."""
    return [f.code for f in normalise_fragment(source).flags]


# `Tết` is no lunar-calendar mark: dates around it are solar unless `âm lịch`/`AL` says otherwise,
# or the range starts in a lunar month (R7.3, narrowed).
LUNAR = [
    (
        "Dịp Tết, từ ngày 20/12 đến ngày 5/1",
        "Dịp Tết, từ ngày hai mươi tháng mười hai đến ngày năm tháng một",
    ),
    ("Tết năm nay rơi vào ngày 29/1", "Tết năm nay rơi vào ngày hai mươi chín tháng một"),
    (
        "trước, trong và sau Tết (từ 15/12/2024 đến 15/1/2025)",
        "trước, trong và sau Tết, từ ngày mười lăm tháng mười hai năm hai nghìn không trăm hai "
        "mươi tư đến ngày mười lăm tháng một năm hai nghìn không trăm hai mươi lăm,",
    ),
    ("ngày 2/1 (AL)", "ngày hai tháng giêng, âm lịch,"),
    (
        "từ ngày 23 tháng Chạp đến ngày 6/1",
        "từ ngày hai mươi ba tháng Chạp đến ngày sáu tháng giêng",
    ),
]


@pytest.mark.parametrize(("source", "expected"), LUNAR)
def test_only_lunar_marks_give_lunar_month_names(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# An area code in brackets starts a phone number: digit by digit, in groups (R9.1, R9.2).
AREA_CODES = [
    ("Liên hệ (0277) 3610113", "Liên hệ không hai bảy bảy, ba sáu một, không một một ba"),
    (
        "Điện thoại: (028) 3829 7143",
        "Điện thoại: không hai tám, ba tám hai chín, bảy một bốn ba",
    ),
    ("gọi (028) 38297143", "gọi không hai tám, ba tám hai chín, bảy một bốn ba"),
    ("gọi (+84) 912345678", "gọi cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám"),
]


@pytest.mark.parametrize(("source", "expected"), AREA_CODES)
def test_a_phone_number_with_its_area_code_in_brackets_is_read_digit_by_digit(
    source: str, expected: str
) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_short_number_after_a_bracketed_zero_code_is_no_phone() -> None:
    assert normalise_fragment("mã (02) 123").text == "mã, hai, một trăm hai mươi ba"


# `/` after a quantity means per (R6.1 covered only unit/unit such as km/h, still `trên`).
RATES = [
    ("lãi suất 20%/năm", "lãi suất hai mươi phần trăm mỗi năm"),
    (
        "thu nhập 300.000–800.000 đồng/ngày",
        "thu nhập từ ba trăm nghìn đến tám trăm nghìn đồng mỗi ngày",
    ),
    ("giá 25.000 đồng/kg", "giá hai mươi lăm nghìn đồng mỗi ki-lô-gam"),
    ("tập 3 lần/tuần", "tập ba lần mỗi tuần"),
    ("làm 8h/ngày", "làm tám giờ mỗi ngày"),
    ("hỗ trợ 2 triệu đồng/người/tháng", "hỗ trợ hai triệu đồng mỗi người mỗi tháng"),
    ("xả 100 m3/ngày", "xả một trăm mét khối mỗi ngày"),
    ("chạy 80 km/h", "chạy tám mươi ki-lô-mét trên giờ"),
    ("chạy 80 km/giờ", "chạy tám mươi ki-lô-mét trên giờ"),
    # An amount with a scale word but no `đồng` is money too: «một trăm nghìn tép» was heard as
    # a hundred thousand doses.
    ("bán 100 nghìn/tép", "bán một trăm nghìn mỗi tép"),
    ("bán 200 ngàn/tép", "bán hai trăm ngàn mỗi tép"),
    ("giá 150 nghìn/viên thuốc lắc", "giá một trăm năm mươi nghìn mỗi viên thuốc lắc"),
    ("vay 10 triệu/người", "vay mười triệu mỗi người"),
    ("mức phạt 5 triệu/lần", "mức phạt năm triệu mỗi lần"),
    ("giá 1,5 tỷ/lô đất", "giá một phẩy năm tỷ mỗi lô đất"),
    ("giá bán 1,2 triệu/chỉ", "giá bán một phẩy hai triệu mỗi chỉ"),
    ("bán 500 nghìn/tép/ngày", "bán năm trăm nghìn mỗi tép mỗi ngày"),
    # A unit after the slash, its digit included: `km2` was read «ki-lô-mét hai», `km²` left.
    ("mật độ 50 người/km2", "mật độ năm mươi người mỗi ki-lô-mét vuông"),
    ("mật độ 50 người/km²", "mật độ năm mươi người mỗi ki-lô-mét vuông"),
    ("giá 20 triệu/m2 đất", "giá hai mươi triệu mỗi mét vuông đất"),
    ("đền bù 200.000 đồng/m2", "đền bù hai trăm nghìn đồng mỗi mét vuông"),
    # Between two nouns `/` is still `và/hoặc` (R15.3): no `mỗi` without a period after it.
    ("xử lý 3 vụ/việc", "xử lý ba vụ việc"),
    ("10 tổ chức/cá nhân", "mười tổ chức cá nhân"),
]


@pytest.mark.parametrize(("source", "expected"), RATES)
def test_a_slash_after_a_quantity_is_read_per(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# A slash with no quantity before it keeps its own reading: a date, a share, a document or a
# house number is never «mỗi».
SLASHES_NOT_PER = [
    ("từ ngày 5/12, Công an huyện ra quân", "từ ngày năm tháng mười hai, Công an huyện ra quân"),
    ("có 12/15 xã đạt chuẩn", "có mười hai trên mười lăm xã đạt chuẩn"),
    (
        "theo Nghị định 168/2024/NĐ-CP",
        "theo Nghị định một trăm sáu mươi tám năm hai nghìn không trăm hai mươi tư của Chính phủ",
    ),
    ("nhà số 12/3 đường Lê Lợi", "nhà số mười hai trên ba đường Lê Lợi"),
    ("lãi 3 nghìn/1 triệu/ngày", "lãi ba nghìn trên một triệu mỗi ngày"),
]


@pytest.mark.parametrize(("source", "expected"), SLASHES_NOT_PER)
def test_a_slash_after_no_quantity_is_not_read_per(source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected


def test_about_a_matter_after_a_document_number_is_not_read_per() -> None:
    """`v/v` (về việc) after `số 123` has a number and a letter before its slash."""
    assert "mỗi" not in normalise_fragment("Công văn số 123 v/v xử phạt hành chính").text


def test_a_count_of_comrades_is_no_amount_of_money() -> None:
    """`đ/c` (đồng chí, R14.4) after a number was read `đồng` + a stray `c`."""
    assert normalise_fragment("gồm 5 đ/c cán bộ").text == "gồm năm đồng chí cán bộ"


@pytest.mark.parametrize(
    "source",
    [
        "Đ/C Nguyễn Văn A, Trưởng Công an xã, đã có mặt.",
        "Mọi ý kiến gửi về Đ/C: Ban Chỉ huy Quân sự xã Tân Lập.",
    ],
)
def test_comrade_or_address_in_capitals_is_held(source: str) -> None:
    """`Đ/C` is «đồng chí» or «địa chỉ»: it was read «Đ C», unflagged (R14.5)."""
    spoken = normalise(source)
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R14.5", BLOCKING, "Đ/C")]
    assert "đồng chí hay địa chỉ" in spoken.flags[0].message
    assert "viết đầy đủ" in spoken.flags[0].message


def test_comrade_or_address_held_is_shown_as_written() -> None:
    """The R14.5 message says «Đ/C» is kept as written: the script showed «Đ C» to the editor
    comparing them, and its slash was flagged a second time (Q2)."""
    spoken = normalise("Mọi ý kiến gửi về Đ/C: Ban Chỉ huy Quân sự xã Tân Lập.")
    assert spoken.text == "Mọi ý kiến gửi về Đ/C: Ban Chỉ huy Quân sự xã Tân Lập."
    assert "đã giữ nguyên" in spoken.flags[0].message
    assert [f.code for f in spoken.flags] == ["R14.5"]
    assert normalise_fragment("lực lượng Công an/dân quân").text == "lực lượng Công an dân quân"


def test_comrade_or_address_before_an_office_s_seat_is_its_address() -> None:
    """«Đ/c: trụ sở Công an xã …» names where to go, as R14.5's own advice writes it: read
    «địa chỉ», not held as unclear."""
    for written in ("Đ/c", "Đ/C"):
        spoken = normalise(f"Mọi ý kiến gửi về {written}: trụ sở Công an xã Tân Lập.")
        assert spoken.text == "Mọi ý kiến gửi về địa chỉ: trụ sở Công an xã Tân Lập."
        assert not [f for f in spoken.flags if f.code == "R14.5"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Công văn số 123 v/v tăng cường tuần tra dịp Tết",
            "Công văn số một trăm hai mươi ba về việc tăng cường tuần tra dịp Tết",
        ),
        ("Công văn V/v triển khai Đề án", "Công văn về việc triển khai Đề án"),
        # Typed in capitals, as many offices head a letter: it was read «V V», with no flag.
        ("Công văn V/V tăng cường tuần tra", "Công văn về việc tăng cường tuần tra"),
        ("giám đốc Cty TNHH Minh Phát", "giám đốc công ty trách nhiệm hữu hạn Minh Phát"),
        ("nhân viên cty bảo vệ", "nhân viên công ty bảo vệ"),
    ],
)
def test_lower_case_office_abbreviations_are_read_in_words(source: str, expected: str) -> None:
    """«v/v» was read «v v» and «Cty» spelled: the lexicon holds them as written in offices."""
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("thiệt hại 50 trđ", "thiệt hại năm mươi triệu đồng"),
        (
            "thiệt hại 50 tr.đ, thu hồi 1,5 trđ",
            "thiệt hại năm mươi triệu đồng, thu hồi một phẩy năm triệu đồng",
        ),
        ("chiếm đoạt 50 tr.đồng của bị hại", "chiếm đoạt năm mươi triệu đồng của bị hại"),
        ("chiếm đoạt 50 trđ. và bỏ trốn", "chiếm đoạt năm mươi triệu đồng và bỏ trốn"),
    ],
)
def test_million_dong_written_short_is_read_in_words(source: str, expected: str) -> None:
    """«50 trđ» was read «năm mươi trđ», «50 tr.đồng» «năm mươi triệu.đồng» with a stray stop:
    the currency after the informal million is read, and told as `50 tr` is (R5.4)."""
    spoken = normalise_fragment(source)
    assert spoken.text == expected
    assert {f.code for f in spoken.flags} == {"R5.4"}


def test_million_dong_written_short_keeps_the_stop_ending_the_sentence() -> None:
    """`trđ.` before a new sentence: its stop is also the sentence's."""
    spoken = normalise("Thiệt hại 50 trđ. Đối tượng đã bỏ trốn.")
    assert spoken.text == "Thiệt hại năm mươi triệu đồng. Đối tượng đã bỏ trốn."


# A bare `Ng` opening a clause is a clock time (R8.2's trigger list was too short) …
BARE_G_HOURS = [
    ("Khoảng 7g, tổ công tác phát hiện", "Khoảng bảy giờ, tổ công tác phát hiện"),
    ("Từ 6g đến 8g", "Từ sáu giờ đến tám giờ"),
    ("Từ 6g-8g, lực lượng tuần tra", "Từ sáu giờ đến tám giờ, lực lượng tuần tra"),
    ("Đến 9g thì lực lượng rút về", "Đến chín giờ thì lực lượng rút về"),
    ("sáng nay, sau 7g, đoàn xuất phát", "sáng nay, sau bảy giờ, đoàn xuất phát"),
]
# … but not when a noun follows its range or the quantity weighs something.
BARE_G_GRAMS = [
    ("Từ 3g đến 5g heroin được chia gói", "Từ ba gam đến năm gam heroin được chia gói"),
    ("Khoảng 5g ma túy đá", "Khoảng năm gam ma túy đá"),
    ("thu giữ 5g, 2 điện thoại", "thu giữ năm gam, hai điện thoại"),
]


@pytest.mark.parametrize(("source", "expected"), BARE_G_HOURS + BARE_G_GRAMS)
def test_a_bare_g_opening_a_clause_is_an_hour(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_an_opening_g_in_a_sentence_about_a_weight_is_grams_and_flagged() -> None:
    spoken = normalise_fragment("thu giữ 2 gói ma túy, khoảng 5g, cùng nhiều tang vật")
    assert spoken.text == "thu giữ hai gói ma túy, khoảng năm gam, cùng nhiều tang vật"
    assert [f.code for f in spoken.flags] == ["R8.2"]


# Every service number of a list is read digit by digit, not only the first (R9.3).
SERVICE_LISTS = [
    ("các số 113, 114, 115", "các số một một ba, một một bốn, một một năm"),
    ("gọi 113, 114 hoặc 115", "gọi một một ba, một một bốn hoặc một một năm"),
    ("gọi 113/114/115", "gọi một một ba, một một bốn, một một năm"),
    (
        "tổng đài 1900 1234, 113 và 115",
        "tổng đài một chín không không, một hai ba bốn, một một ba và một một năm",
    ),
    # A count after the list is still a count.
    ("số 113, 114 vụ", "số một một ba, một trăm mười bốn vụ"),
    ("có 113, 114 người", "có một trăm mười ba, một trăm mười bốn người"),
]


@pytest.mark.parametrize(("source", "expected"), SERVICE_LISTS)
def test_every_service_number_of_a_list_is_read_digit_by_digit(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_negative_percentage_is_read_am() -> None:
    """R12.4: `-15%` left `-mười lăm phần trăm` in the script, where no rule flagged the sign."""
    spoken = normalise_fragment("tăng trưởng -15%")
    assert (spoken.text, spoken.flags) == ("tăng trưởng âm mười lăm phần trăm", ())
    assert normalise_fragment("số dư -5 triệu đồng").text == "số dư âm năm triệu đồng"
    assert normalise_fragment("số dư (-5 triệu đồng)").text == "số dư, âm năm triệu đồng,"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("giảm 3 vụ (-15%)", "giảm ba vụ, giảm mười lăm phần trăm,"),
        ("giảm 1 người chết (-16,7%)", "giảm một người chết, giảm mười sáu phẩy bảy phần trăm,"),
        ("tăng 3 vụ (+12%)", "tăng ba vụ, tăng mười hai phần trăm,"),
        # A count or a bare number opening a bracket, a share after `tương ứng` or going on
        # from a fall: the same places in a results table.
        (
            "(giảm 5 vụ, -10% so với năm 2024)",
            "giảm năm vụ, giảm mười phần trăm so với năm hai nghìn không trăm hai mươi tư,",
        ),
        ("phạm pháp hình sự (-5 vụ)", "phạm pháp hình sự, giảm năm vụ,"),
        ("tương ứng -10%", "tương ứng giảm mười phần trăm"),
        ("Số vụ: 8 (-2)", "Số vụ: tám, giảm hai,"),
        # A bare number right after the result it changes, or after `tương ứng`.
        (
            "xảy ra 8 vụ (-2), làm chết 3 người (-1)",
            "xảy ra tám vụ, giảm hai, làm chết ba người, giảm một,",
        ),
        ("tương ứng (-2)", "tương ứng, giảm hai,"),
        # `giảm` right before the sign says the fall already.
        ("số vụ giảm -10%", "số vụ giảm mười phần trăm"),
        ("giảm (-3 vụ)", "giảm, ba vụ,"),
    ],
)
def test_a_bracketed_fall_in_a_results_table_is_read_giam(source: str, expected: str) -> None:
    """«giảm ba vụ, âm mười lăm phần trăm»: «giảm» then «âm» is heard as a double negative, a
    rise; the share a results table brackets after a fall is its fall, said «giảm» as `(+12%)`
    is said «tăng»."""
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("nhiệt độ -2 độ C", "nhiệt độ âm hai độ C"),
        ("nhiệt độ thấp nhất (-2 độ C)", "nhiệt độ thấp nhất, âm hai độ C,"),
        ("số dư (-5 triệu đồng)", "số dư, âm năm triệu đồng,"),
        ("tăng trưởng -15%", "tăng trưởng âm mười lăm phần trăm"),
        ("(2 - 5 vụ)", "từ hai đến năm vụ,"),
        # A bare number with no result before its bracket is the value itself: «nhiệt độ, giảm
        # hai» told the listener it got two degrees colder, not that it is two below zero.
        ("nhiệt độ (-2)", "nhiệt độ, âm hai,"),
        ("chênh lệch (-2)", "chênh lệch, âm hai,"),
        ("(-2)", "âm hai,"),
    ],
)
def test_a_true_negative_or_a_range_is_no_fall(source: str, expected: str) -> None:
    """Out of a result's place a minus is a negative number (R12.4), a temperature or an
    amount owed stays «âm», and a range's dash is no sign at all."""
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Số vụ: 8 (+2)", "Số vụ: tám, tăng hai,"),
        (
            "xảy ra 8 vụ (+2), làm bị thương 3 người (+1)",
            "xảy ra tám vụ, tăng hai, làm bị thương ba người, tăng một,",
        ),
        ("tương ứng (+2)", "tương ứng, tăng hai,"),
        ("phạm pháp hình sự (+2 vụ)", "phạm pháp hình sự, tăng hai vụ,"),
        # No result before the bracket: the sign as written, as `(-2)` is «âm hai».
        ("nhiệt độ (+2)", "nhiệt độ, cộng hai,"),
        ("chênh lệch (+2)", "chênh lệch, cộng hai,"),
        ("(+2)", "cộng hai,"),
    ],
)
def test_a_bracketed_bare_plus_is_a_rise_only_after_its_result(source: str, expected: str) -> None:
    """«nhiệt độ, tăng hai» told the listener it got two degrees warmer; a bare `(+2)` is a
    rise only right after the figure it changes or `tương ứng` (R12.4, as for the minus)."""
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("chênh lệch +2 so với tháng trước", "chênh lệch cộng hai so với tháng trước"),
        ("chênh lệch -2 so với tháng trước", "chênh lệch âm hai so với tháng trước"),
        ("nhiệt độ +2 độ C", "nhiệt độ cộng hai độ C"),
        # A share, a count or an amount after the plus is still the rise a results table marks.
        ("chênh lệch +2 vụ", "chênh lệch tăng hai vụ"),
        ("số vụ tăng +2", "số vụ tăng hai"),
    ],
)
def test_a_plus_before_a_bare_number_is_read_as_its_minus_is(source: str, expected: str) -> None:
    """`chênh lệch +2` was «tăng hai» while `chênh lệch -2` is «âm hai»: out of a result's
    place both signs are read as written (R12.4)."""
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("tăng trưởng +15% so với cùng kỳ", "tăng trưởng mười lăm phần trăm so với cùng kỳ"),
        ("doanh nghiệp lãi +5 triệu đồng", "doanh nghiệp lãi năm triệu đồng"),
        ("số vụ cao hơn +3 vụ", "số vụ cao hơn ba vụ"),
        (
            "số người tham gia nhiều hơn (+120 người)",
            "số người tham gia nhiều hơn, một trăm hai mươi người,",
        ),
        ("vượt +10% chỉ tiêu", "vượt mười phần trăm chỉ tiêu"),
        ("Tăng thêm +2 tổ tuần tra", "Tăng thêm hai tổ tuần tra"),
        ("cửa hàng lỗ -5 triệu đồng", "cửa hàng lỗ năm triệu đồng"),
        ("số vụ thấp hơn -3 vụ", "số vụ thấp hơn ba vụ"),
        ("số cuộc gọi lừa đảo ít hơn -10%", "số cuộc gọi lừa đảo ít hơn mười phần trăm"),
        ("doanh thu lãi ↑ 5 triệu đồng", "doanh thu lãi năm triệu đồng"),
        # The word says the other way: the sign is the figure's own (a negative growth).
        ("tăng trưởng -15%", "tăng trưởng âm mười lăm phần trăm"),
        ("lãi suất +0,5%", "lãi suất tăng không phẩy năm phần trăm"),
    ],
)
def test_a_sign_after_a_word_saying_the_change_is_not_read_again(
    source: str, expected: str
) -> None:
    """«tăng trưởng tăng mười lăm phần trăm», «lãi tăng năm triệu đồng», «lỗ âm năm triệu
    đồng»: after a word that says the rise or the fall the sign said it a second time (a
    double negative heard as a gain), as `giảm -10%` is read «giảm mười phần trăm»."""
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    ("source", "expected", "excerpt"),
    [
        (
            "số vụ phạm pháp hình sự năm 2024 (+2) so với năm 2023",
            "số vụ phạm pháp hình sự năm hai nghìn không trăm hai mươi tư, cộng hai, so với năm "
            "hai nghìn không trăm hai mươi ba",
            "(+2)",
        ),
        (
            "tai nạn giao thông năm 2024 (-2)",
            "tai nạn giao thông năm hai nghìn không trăm hai mươi tư, âm hai,",
            "(-2)",
        ),
        (
            "trong ngày 08/12/2024 (+1)",
            "trong ngày tám tháng mười hai năm hai nghìn không trăm hai mươi tư, cộng một,",
            "(+1)",
        ),
        ("số vụ tháng 12 (-3)", "số vụ tháng mười hai, âm ba,", "(-3)"),
    ],
)
def test_a_bare_change_after_a_year_or_a_date_is_held(
    source: str, expected: str, excerpt: str
) -> None:
    """`năm 2024 (+2)` was «tăng hai» as if 2024 were the figure that rose; a year or a date is
    no result, and what rose is the editor's to say: read as written, held (R12.4)."""
    spoken = normalise_fragment(source)
    assert spoken.text == expected
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R12.4", BLOCKING, excerpt)]
    assert "so với năm 2023" in spoken.flags[0].message


def test_a_change_after_the_years_figure_is_still_read_tang() -> None:
    """The figure itself after the year (`năm 2024 có 15 vụ (+2)`), or a count in the bracket,
    says what changed: no flag."""
    assert normalise_fragment("năm 2024 có 15 vụ (+2)").text == (
        "năm hai nghìn không trăm hai mươi tư có mười lăm vụ, tăng hai,"
    )
    spoken = normalise_fragment("năm 2024 (-2 vụ)")
    assert (spoken.text, spoken.flags) == (
        "năm hai nghìn không trăm hai mươi tư, giảm hai vụ,",
        (),
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("giảm 2 vụ (↓20%)", "giảm hai vụ, giảm hai mươi phần trăm,"),
        ("tăng 3 vụ (⬆️ 15%)", "tăng ba vụ, tăng mười lăm phần trăm,"),
        ("số vụ trộm cắp 20%↓", "số vụ trộm cắp giảm hai mươi phần trăm"),
        ("tai nạn giao thông ▲5 vụ", "tai nạn giao thông tăng năm vụ"),
        ("số người chết ▼ 2 người", "số người chết giảm hai người"),
        # The word said right before: no «giảm giảm», no «tăng tăng».
        ("số vụ giảm ⬇️ 20%", "số vụ giảm hai mươi phần trăm"),
        ("số vụ tăng 5% ↑", "số vụ tăng năm phần trăm"),
    ],
)
def test_an_arrow_beside_a_number_is_read_tang_or_giam(source: str, expected: str) -> None:
    """«↓hai mươi phần trăm» was left in the script, unflagged, and the emoji ⬇️ was dropped:
    the listener heard a change without its direction."""
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_an_arrow_beside_no_number_blocks_the_item() -> None:
    spoken = normalise_fragment("Số vụ ↓ so với cùng kỳ")
    assert [(f.code, f.severity) for f in spoken.flags] == [("Q2", "blocking")]
    assert "mũi tên" in spoken.flags[0].message


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Xem kết quả bên dưới ⬇️", "Xem kết quả bên dưới"),
        ("Kết quả cụ thể như sau ⬇️:", "Kết quả cụ thể như sau:"),
        ("Tai nạn giảm 2 vụ, xem bảng dưới ↓.", "Tai nạn giảm hai vụ, xem bảng dưới."),
    ],
)
def test_an_arrow_pointing_at_what_follows_is_dropped_as_an_emoji(
    source: str, expected: str
) -> None:
    """A pointer drawn for the eye closing a clause holds no change to read: dropped as other
    emoji are (R1.9), never a reason to hold the bulletin."""
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_minus_sign_left_before_a_word_blocks_the_item() -> None:
    spoken = normalise_fragment("giảm 3 vụ (-mười lăm phần trăm)")
    assert [(f.code, f.severity) for f in spoken.flags] == [("Q2", "blocking")]
    assert "«-mười»" in spoken.flags[0].message


# A document or programme numbered with a leading zero is said with it (`Đề án không sáu`).
DOCUMENT_NUMBERS = [
    ("triển khai Đề án 06 của Chính phủ", "triển khai Đề án không sáu của Chính phủ"),
    ("Kế hoạch số 05/KH-CAH", "Kế hoạch số không năm của Công an huyện"),
    (
        "Thông tư số 08/2020/TT-BCA",
        "Thông tư số không tám năm hai nghìn không trăm hai mươi của Bộ Công an",
    ),
    # A count written the administrative way (`02 trường hợp`) is still a count.
    ("đã thông báo 02 trường hợp", "đã thông báo hai trường hợp"),
]


@pytest.mark.parametrize(("source", "expected"), DOCUMENT_NUMBERS)
def test_a_document_number_is_said_with_its_leading_zero(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# Several days of one month, listed or two in a row, are joined with `và` (R7.5).
DAY_LISTS = [
    ("các ngày 5, 6/12", "các ngày năm và sáu tháng mười hai"),
    ("ngày 5, 6, 7/12", "ngày năm, sáu và bảy tháng mười hai"),
    (
        "ngày 5 và 6/12/2024",
        "ngày năm và sáu tháng mười hai năm hai nghìn không trăm hai mươi tư",
    ),
    ("trong 2 ngày 15-16/8", "trong hai ngày mười lăm và mười sáu tháng tám"),
    # A range written with `từ`, or of more than two days, keeps `đến`.
    ("từ 15-16/8", "từ ngày mười lăm đến ngày mười sáu tháng tám"),
    ("ngày 15-17/8", "ngày mười lăm đến ngày mười bảy tháng tám"),
]


@pytest.mark.parametrize(("source", "expected"), DAY_LISTS)
def test_days_of_one_month_are_joined_with_va(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# Districts and wards: `Q.`/`P.` after a comma, and with a number (R14.3).
PLACES = [
    ("Q. Bình Thạnh, P. Tân Định", "quận Bình Thạnh, phường Tân Định"),
    ("Q.1, P.5", "quận một, phường năm"),
    ("số 12 Lê Lợi, P.5, Q.3", "số mười hai Lê Lợi, phường năm, quận ba"),
    ("Nguyễn Văn H. Đồng", "Nguyễn Văn H. Đồng"),  # an initial, no district
]


@pytest.mark.parametrize(("source", "expected"), PLACES)
def test_district_and_ward_prefixes_are_read(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# A one-letter prefix before one given name is a person's initial (R14.3 is about places).
NAME_INITIALS = [
    ("Tin bài:\n\n- H. Lan - Công an xã Tân Bình\n", "Tin bài: H. Lan, Công an xã Tân Bình."),
    # Alone on the last line it is a signature, not read (session 34); here a line between.
    ("Trong tuần có mưa.\n\nH. Lan\n\nHết.\n", "Trong tuần có mưa.\n\nH. Lan.\n\nHết."),
    ("Tin: H. Lan\n\nCảm ơn quý vị.\n", "Tin: H. Lan.\n\nCảm ơn quý vị."),  # the byline ends a text
    ("Khen thưởng đồng chí H. Lan, Đội CSGT.\n", "Khen thưởng đồng chí H. Lan, Đội Cảnh sát giao thông."),
    ("Anh H. Lan, chị X. Mai, Đại úy P. Hùng, Đ/c Q. Tâm.\n", "Anh H. Lan, chị X. Mai, Đại úy P. Hùng, đồng chí Q. Tâm."),
    # A place's name has two syllables or more, and `Tại`, `ở` are no surnames.
    ("Tại H. Châu Thành có mưa.\n", "Tại huyện Châu Thành có mưa."),
    ("Địa bàn:\n\n- H. Châu Thành\n- H. Lấp Vò\n", "Địa bàn: huyện Châu Thành. Huyện Lấp Vò."),
    ("Mưa ở H. Lấp Vò, X. Tân Bình.\n", "Mưa ở huyện Lấp Vò, xã Tân Bình."),
    # A word that may address a person, then a place's two-word name (review).
    ("Anh em X. Tân Bình đã tham gia.\n", "Anh em xã Tân Bình đã tham gia."),
    ("Cán bộ, chiến sĩ H. Châu Thành trực Tết.\n", "Cán bộ, chiến sĩ huyện Châu Thành trực Tết."),
    ("Chị H. Mai cho biết.\n", "Chị H. Mai cho biết."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), NAME_INITIALS)
def test_a_person_s_initial_is_not_read_as_a_district(source: str, expected: str) -> None:
    """«- H. Lan» in a byline was read «huyện Lan», «chị H. Mai» «chị huyện Mai»: a listener
    heard a district where the bulletin named a person. «H. Châu Thành» still reads «huyện»."""
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# A presenter's sign-on, a reporter's byline: an initial and a two-word given name (R14.3).
SIGN_ONS = [
    ("X. Thu Trang xin kính chào quý vị.\n", "X. Thu Trang xin kính chào quý vị."),
    ("Thưa quý vị, X. Thu Trang xin chào.\n", "Thưa quý vị, X. Thu Trang xin chào."),
    ("Mở đầu.\n\nTin: H. Thanh Mai thực hiện.\n\nHết.\n", "Mở đầu.\n\nTin: H. Thanh Mai thực hiện.\n\nHết."),
    ("Mở đầu.\n\nBài và ảnh: X. Thu Trang\n\nHết.\n", "Mở đầu.\n\nBài và ảnh: X. Thu Trang.\n\nHết."),
    # Not the last line: there, a name and its unit are a signature, not read (R1.5).
    ("Mở đầu.\n\nX. Thu Trang - Công an huyện\n\nHết.\n", "Mở đầu.\n\nX. Thu Trang, Công an huyện.\n\nHết."),
    ("Mở đầu.\n\nX. Thu Trang (Công an huyện)\n\nHết.\n", "Mở đầu.\n\nX. Thu Trang, Công an huyện.\n\nHết."),
    # A commune does things and goes on; a dateline has its sentences after the unit.
    ("X. Tân Bình thực hiện tốt phong trào.\n", "Xã Tân Bình thực hiện tốt phong trào."),
    ("X. Tân Bình (Châu Thành) có mưa.\n", "Xã Tân Bình, Châu Thành, có mưa."),
    ("X. Tân Bình - Công an xã ra quân. Trong đợt, bắt 3 người.\n", "Xã Tân Bình, Công an xã ra quân. Trong đợt, bắt ba người."),
    ("Chiều nay, X. Tân Bình ra quân.\n", "Chiều nay, xã Tân Bình ra quân."),
    ("H. Châu Thành - Công an huyện ra quân tổng kiểm tra.\n", "Huyện Châu Thành, Công an huyện ra quân tổng kiểm tra."),
    ("X. Tân Bình (Công an xã) phát hiện 3 vụ.\n", "Xã Tân Bình, Công an xã, phát hiện ba vụ."),
    ("Kết quả thực hiện: X. Tân Bình đạt 100%.\n", "Kết quả thực hiện: xã Tân Bình đạt một trăm phần trăm."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), SIGN_ONS)
def test_a_sign_on_or_a_byline_keeps_the_initial_of_a_two_word_given_name(
    source: str, expected: str
) -> None:
    """«X. Thu Trang xin kính chào quý vị» was read «Xã Thu Trang …», a byline «X. Thu Trang -
    Công an huyện» «xã Thu Trang»: the presenter introduced a commune. A greeting, a credit or
    the unit after a dash says it is a person; a commune that does something is still «xã»."""
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# One person addressed (chị, anh, Đại úy) against the people of a place (anh em, chiến sĩ).
ADDRESSED = [
    ("Theo chị H. Thanh Mai, trộm đã chạy.\n", "Theo chị H. Thanh Mai, trộm đã chạy."),
    ("Khen thưởng anh X. Văn Hùng và Đại úy P. Minh Châu.\n", "Khen thưởng anh X. Văn Hùng và Đại úy P. Minh Châu."),
    ("Trao quà cho bà H. Thị Lan.\n", "Trao quà cho bà H. Thị Lan."),
    ("Anh em X. Tân Bình đã tham gia.\n", "Anh em xã Tân Bình đã tham gia."),
    ("Chị em X. Tân Bình đã tham gia.\n", "Chị em xã Tân Bình đã tham gia."),
    ("Thăm hỏi ông bà H. Châu Thành.\n", "Thăm hỏi ông bà huyện Châu Thành."),
    ("Cảm ơn các anh X. Tân Bình.\n", "Cảm ơn các anh xã Tân Bình."),
    ("Cán bộ, chiến sĩ H. Châu Thành trực Tết.\n", "Cán bộ, chiến sĩ huyện Châu Thành trực Tết."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), ADDRESSED)
def test_one_person_addressed_keeps_a_two_word_given_name_s_initial(
    source: str, expected: str
) -> None:
    """«chị H. Thanh Mai» was read «chị huyện Thanh Mai»: a form of address for one person
    names her; a plural of kinship («anh em», «chị em», «các anh») or «chiến sĩ» is the
    people of a place, and the place is still read."""
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# Who reported or read an item, written with the newsroom's title (R14.1 seed dictionary).
NEWSROOM_TITLES = [
    ("PV H. Thanh Mai cho biết vụ việc.\n", "Phóng viên H. Thanh Mai cho biết vụ việc."),
    ("Theo PV H. Lan, trộm đã chạy.\n", "Theo phóng viên H. Lan, trộm đã chạy."),
    ("CTV X. Hùng ghi lại.\n", "Cộng tác viên X. Hùng ghi lại."),
    ("PTV Hương đọc tin.\n", "Phát thanh viên Hương đọc tin."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), NEWSROOM_TITLES)
def test_a_reporter_s_title_is_read_and_does_not_hold_the_item(source: str, expected: str) -> None:
    """«PV H. Thanh Mai» held its bulletin off the air («PV» was no seed abbreviation, R14.6),
    though the initial rule already knew PV as a person's title: every unit had to add it."""
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# A sentence's first word is capitalised, and no surname: `Từ`, `Giữa`; capitals name a body.
PLACES_AT_A_SENTENCE_START = [
    ("Từ X. Tân Bình đến X. Tân Hòa dài 5 km.\n", "Từ xã Tân Bình đến xã Tân Hòa dài năm ki-lô-mét."),
    ("Giữa X. Tân Bình và X. Tân Hòa có cầu.\n", "Giữa xã Tân Bình và xã Tân Hòa có cầu."),
    ("Trên H. Châu Thành có mưa.\n", "Trên huyện Châu Thành có mưa."),
    ("UBND X. Tân Bình tổ chức họp.\n", "Ủy ban nhân dân xã Tân Bình tổ chức họp."),
    ("Nguyễn Văn H. Đồng bị bắt.\n", "Nguyễn Văn H. Đồng bị bắt."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), PLACES_AT_A_SENTENCE_START)
def test_a_place_after_a_capitalised_preposition_or_body_is_read(
    source: str, expected: str
) -> None:
    """«Từ X. Tân Bình đến X. Tân Hòa» was read «Từ X. Tân Bình đến xã Tân Hòa», «UBND X.
    Tân Bình» «Ủy ban nhân dân X. Tân Bình»: a capitalised word before the letter was taken
    for a surname. A preposition at a sentence's start, or an abbreviation of capitals, is
    none; «Nguyễn Văn H.» still is."""
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_score_is_no_range() -> None:
    spoken = normalise_fragment("thắng với tỷ số 2-1")
    assert (spoken.text, spoken.flags) == ("thắng với tỷ số hai một", ())


def test_a_dash_between_a_larger_and_a_smaller_number_blocks_instead_of_a_range() -> None:
    """R12.1: `từ hai đến một` is no range; the dash may be a score, a code or a house number."""
    spoken = normalise_fragment("kết quả 2-1")
    assert "đến" not in spoken.text
    assert [(f.code, f.severity) for f in spoken.flags] == [("R12.1", "blocking")]


def test_an_increasing_pair_is_still_a_range() -> None:
    assert normalise_fragment("độ tuổi 18-25").text == "độ tuổi từ mười tám đến hai mươi lăm"


# Noticed in review: a range of months left `tháng năm-bảy`, a hyphen no rule flagged (R7.5).
MONTH_RANGES = [
    ("từ tháng 12-2", "từ tháng mười hai đến tháng hai"),
    ("trong tháng 5-7", "trong tháng năm đến tháng bảy"),
    (
        "Tháng 5-7/2024, xã",
        "Từ tháng năm đến tháng bảy năm hai nghìn không trăm hai mươi tư, xã",
    ),
]


@pytest.mark.parametrize(("source", "expected"), MONTH_RANGES)
def test_a_range_of_months_is_read_from_to(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# Gaps of the seed dictionary (§6) and of R13.3.
DICTIONARY = [
    ("thu giữ 3 viên MDMA", "thu giữ ba viên MDMA"),
    ("Chỉ thị 05-CT/TW", "Chỉ thị không năm của Trung ương"),
    ("thực hiện 57-NQ/TW", "thực hiện Nghị quyết số năm mươi bảy của Trung ương"),
    ("Kết luận 01-KL/TW", "Kết luận không một của Trung ương"),
    ("Chỉ thị 12-CT/HU", "Chỉ thị mười hai của Huyện ủy"),
    ("Đội CSGT-TT Công an huyện", "Đội Cảnh sát giao thông trật tự Công an huyện"),
]


@pytest.mark.parametrize(("source", "expected"), DICTIONARY)
def test_police_and_party_abbreviations_are_read(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_mdma_is_spelled_for_draft_audio() -> None:
    from publish.radio.normalise import tts_text

    assert tts_text("ba viên MDMA") == "ba viên em mờ dê em mờ a"


def test_a_party_document_of_an_unknown_issuer_blocks() -> None:
    """`TU` is Tỉnh ủy or Thành ủy: the unit's lexicon has to say which (R13.3)."""
    assert _codes("Chỉ thị 05-CT/TU") == ["R13.3"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("đường dây nóng hoạt động 24/7", "đường dây nóng hoạt động hai mươi tư trên bảy"),
        ("trực 24/24", "trực hai mươi tư trên hai mươi tư"),
        ("sáng 24/7", "sáng ngày hai mươi tư tháng bảy"),  # a date after its trigger (R7.2)
        # `24h` first is still all day long, never «hai mươi tư giờ, hai mươi tư».
        ("trực 24h/24", "trực hai mươi tư trên hai mươi tư giờ"),
        ("trực 24h/24h", "trực hai mươi tư trên hai mươi tư giờ"),
        ("đường dây nóng 24h/7", "đường dây nóng hai mươi tư trên bảy"),
    ],
)
def test_round_the_clock_is_read_without_a_warning(source: str, expected: str) -> None:
    """R12.3 flagged `24/7` in about a hundred corpus items, though it reads fine."""
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    "source",
    [
        # No noun after it that counts what the total is of.
        "đạt 455/473",
        # More than the total: a typing slip, whatever follows (`xã` is counted since s68).
        "đạt 473/455 xã",
    ],
)
def test_other_a_over_b_is_still_flagged(source: str) -> None:
    assert _codes(source) == ["R12.3"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "điều tra làm rõ 42/45 vụ, đạt 93,3%",
            "điều tra làm rõ bốn mươi hai trên bốn mươi lăm vụ, đạt chín mươi ba phẩy ba phần trăm",
        ),
        ("bắt giữ 15/18 đối tượng", "bắt giữ mười lăm trên mười tám đối tượng"),
    ],
)
def test_so_many_cases_of_a_total_is_read_without_a_warning(source: str, expected: str) -> None:
    """«42/45 vụ», a unit's tally of cases solved, can only be «trên»: R12.3 told the editor to
    check it in every results bulletin, noise that hid the warnings that matter."""
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_more_than_the_total_is_still_flagged() -> None:
    """`45/42 vụ` is no share of a total (more solved than happened): a typo to check."""
    assert _codes("làm rõ 45/42 vụ") == ["R12.3"]


def test_an_emoji_between_two_phrases_leaves_a_pause() -> None:
    """R1.9 removed the emoji and the break it made: `Cảnh báo lừa đảo gọi ngay một một ba`."""
    spoken = normalise_fragment("⚠️ Cảnh báo lừa đảo 📞 gọi ngay 113 ✅")
    assert (spoken.text, spoken.flags) == ("Cảnh báo lừa đảo, gọi ngay một một ba", ())


def test_an_emoji_before_a_number_leaves_no_pause() -> None:
    assert normalise_fragment("gọi 📞 113").text == "gọi một một ba"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Đối tượng giả danh công an 👮, ngân hàng 🏦 và 📱.",
            "Đối tượng giả danh công an, ngân hàng.",
        ),
        (
            "Khi bị lừa, người dân cần:\n\n- Giữ bình tĩnh,\n- Báo Công an xã và\n- 📞\n",
            "Khi bị lừa, người dân cần: Giữ bình tĩnh; Báo Công an xã.",
        ),
        (
            "Người dân nhớ:\n\n- Không cung cấp mã OTP ❌\n- Không chuyển tiền và 🚫\n",
            "Người dân nhớ: Không cung cấp mã OTP; Không chuyển tiền.",
        ),
    ],
)
def test_an_emoji_a_connector_led_to_takes_the_connector(source: str, expected: str) -> None:
    """R1.9: an emoji closing a clause after «và», «hoặc» was the last thing joined; with it
    gone, «…, ngân hàng, và.» ended the sentence on a connector."""
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_hay_meaning_good_stays_before_an_emoji_that_goes() -> None:
    """«hay» also means «good»: a clause ending «rất hay 👍» keeps it (lists.CONNECTORS)."""
    assert normalise("Chương trình giao lưu rất hay 👍.").text == "Chương trình giao lưu rất hay."


def test_a_connector_before_words_stays_when_an_emoji_goes() -> None:
    """Only a connector left at a clause's end goes: one an emoji sits before still joins."""
    spoken = normalise("Không chuyển tiền 🚫 và gọi ngay 113 📞.")
    assert spoken.text == "Không chuyển tiền, và gọi ngay một một ba."


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Không 🚫 chuyển tiền cho người lạ.", "Không chuyển tiền cho người lạ."),
        ("❌ KHÔNG cung cấp mã OTP.", "KHÔNG cung cấp mã OTP."),
        ("Tuyệt đối không ✖️ chia sẻ mã OTP.", "Tuyệt đối không chia sẻ mã OTP."),
        ("Gọi ☎️ 113 khi cần giúp đỡ.", "Gọi một một ba khi cần giúp đỡ."),
        ("Hãy ✅ báo ngay cho Công an xã.", "Hãy báo ngay cho Công an xã."),
    ],
)
def test_an_emoji_repeating_a_word_goes_quietly(source: str, expected: str) -> None:
    """A «no» sign beside «không», a phone before its number, a tick: the words say it all.
    The sign after «Không» left a comma, «Không, chuyển tiền cho người lạ.», the opposite."""
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    "source",
    [
        "🚫 Chuyển tiền cho người lạ.",
        "Người dân cần nhớ:\n\n- ❌ Cung cấp mã OTP qua điện thoại\n- ✅ Báo ngay cho Công an xã\n",
        "Nếu chưa xác minh được, ⛔ chuyển tiền.",
    ],
)
def test_a_no_sign_with_no_word_saying_no_holds_the_bulletin(source: str) -> None:
    """Dropped, the sign turned a warning into its advice: «Chuyển tiền cho người lạ.» on air
    (R1.9). Which word it stands for («không», «đừng», «cấm») or whether it is a bullet is the
    editor's call."""
    spoken = normalise(source)
    assert [(f.code, f.severity) for f in spoken.flags] == [("R1.9", BLOCKING)]
    assert "viết «không», «đừng» hay «cấm» bằng lời" in spoken.flags[0].message


def test_an_emoji_where_a_verb_goes_is_told() -> None:
    """`Hãy 📞 cho Công an xã` read «Hãy cho Công an xã»: the emoji was the verb (R1.9)."""
    spoken = normalise("Hãy 📞 cho Công an xã khi phát hiện đối tượng khả nghi.")
    assert spoken.text == "Hãy cho Công an xã khi phát hiện đối tượng khả nghi."
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R1.9", "warning", "📞")]


def test_an_english_phrase_is_flagged_for_a_pronouncer() -> None:
    spoken = normalise_fragment("qua Zalo Official Account của Công an huyện")
    assert spoken.text == "qua Zalo Official Account của Công an huyện"
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [
        ("S6", "warning", "Official Account")
    ]


@pytest.mark.parametrize(
    "source",
    [
        "tài khoản Zalo Official Account (đọc: da-lô ô-phi-xồ ơ-cao) của huyện",  # answered
        "ứng dụng Zalo Pay",  # one foreign word beside a known name
        "xã Long An, tỉnh Ben Tre",  # Vietnamese written without tone marks
        "tham gia giao thong an toan",
    ],
)
def test_no_foreign_phrase_warning_for_readable_words(source: str) -> None:
    assert "S6" not in _codes(source)


def test_a_foreign_drug_or_platform_word_alone_is_flagged_for_a_pronouncer() -> None:
    """`Honda Vision` was told (two capitalised foreign words) and `Methamphetamine`,
    `livestream` not, though a reader trips on them more: the words bulletins keep using are
    listed, and told as a phrase is, once, at the first."""
    spoken = normalise(
        "Thu giữ Methamphetamine và Ketamine.\n\nĐối tượng lừa đầu tư qua sàn Binance, dùng "
        "Deepfake, livestream bán hàng.\n\nSố Methamphetamine trên được niêm phong.\n"
    )
    assert [(f.code, f.severity, f.excerpt, f.line) for f in spoken.flags] == [
        ("S6", "warning", "Methamphetamine", 1),
        ("S6", "warning", "Ketamine", 1),
        ("S6", "warning", "Binance", 3),
        ("S6", "warning", "Deepfake", 3),
        ("S6", "warning", "livestream", 3),
    ]
    assert "«Methamphetamine (đọc: …)»" in spoken.flags[0].message


def test_a_pronouncer_answers_a_foreign_word_or_phrase_for_the_whole_bulletin() -> None:
    """S6 asks for a pronouncer after the first occurrence; later ones were told again."""
    spoken = normalise(
        "Thu giữ Methamphetamine (đọc: mê-tam-phê-ta-min), xe Honda Vision (đọc: hôn-đa vi-"
        "sần).\n\nSố Methamphetamine và chiếc Honda Vision được niêm phong.\n"
    )
    assert spoken.flags == ()


@pytest.mark.parametrize("source", ["thu giữ heroin", "trên Facebook, Zalo và TikTok", "dùng app"])
def test_no_foreign_word_warning_for_words_every_reader_says(source: str) -> None:
    assert "S6" not in _codes(source)


# A penalty tier already opened by «từ», «trên», «từ trên», «dưới», «vượt quá» takes no «từ» of
# its own (R12.1): «từ trên từ không phẩy hai mươi lăm», «trên từ ba mươi» were read.
PENALTY_TIERS = [
    (
        "từ trên 0,25 mg - 0,4 mg/lít khí thở",
        "từ trên không phẩy hai mươi lăm mi-li-gam đến không phẩy bốn mi-li-gam trên lít khí thở",
    ),
    ("Mức phạt trên 30 - 40 triệu đồng", "Mức phạt trên ba mươi đến bốn mươi triệu đồng"),
    ("phạt tù từ trên 7 - 15 năm", "phạt tù từ trên bảy đến mười lăm năm"),
    ("trẻ em dưới 6 - 10 tuổi", "trẻ em dưới sáu đến mười tuổi"),
    (
        "vượt quá 50 - 80 mg/100 ml máu",
        "vượt quá năm mươi đến tám mươi mi-li-gam trên một trăm mi-li-lít máu",
    ),
    # A range opened by nothing still says its «từ».
    ("phạt 30 - 40 triệu đồng", "phạt từ ba mươi đến bốn mươi triệu đồng"),
]


@pytest.mark.parametrize(("source", "expected"), PENALTY_TIERS)
def test_a_range_opened_already_takes_no_second_tu(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())
