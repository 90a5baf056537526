"""Presenter R's findings (session 42), reading a week of realistic bulletins aloud.

Inputs go through `normalise_fragment` like the spec's own vectors: no sentence-start capital,
no final stop.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise, normalise_fragment

# A range of two bare `Ng` is a time range wherever it stands, not only opening a clause (R8.2,
# R8.3): «tuần tra từ hai mươi gam đến hai mươi ba gam» was read on air.
G_HOUR_RANGES = [
    (
        "tổ chức 12 ca tuần tra từ 20g đến 23g, lập biên bản 57 trường hợp",
        "tổ chức mười hai ca tuần tra từ hai mươi giờ đến hai mươi ba giờ, lập biên bản năm mươi "
        "bảy trường hợp",
    ),
    ("làm việc từ 7g đến 11g hằng ngày", "làm việc từ bảy giờ đến mười một giờ hằng ngày"),
    # The spec's own vector #85 with `g` for `h`.
    ("ca trực 7g-11g", "ca trực từ bảy giờ đến mười một giờ"),
    (
        "ca trực 7g-11g và 13g-17g",
        "ca trực từ bảy giờ đến mười một giờ và từ mười ba giờ đến mười bảy giờ",
    ),
    # One range, one reading: both ends were an hour only when the second said `sáng`.
    (
        "tuần tra từ 22g đến 2g sáng hôm sau",
        "tuần tra từ hai mươi hai giờ đến hai giờ sáng hôm sau",
    ),
    ("kéo dài đến 23g cùng ngày", "kéo dài đến hai mươi ba giờ cùng ngày"),
]
# A weight stays a weight: a noun after the range, or a sentence about what something weighs.
G_WEIGHT_RANGES = [
    ("thu giữ từ 3g đến 5g heroin", "thu giữ từ ba gam đến năm gam heroin"),
    ("mỗi gói chứa 3-5g heroin", "mỗi gói chứa từ ba đến năm gam heroin"),
    ("mỗi gói nặng từ 3g đến 5g", "mỗi gói nặng từ ba gam đến năm gam"),
    ("mỗi gói chứa 3-5g", "mỗi gói chứa từ ba đến năm gam"),
    ("thu 3g đến 5g và 2 gói", "thu ba gam đến năm gam và hai gói"),
]


@pytest.mark.parametrize(("source", "expected"), G_HOUR_RANGES + G_WEIGHT_RANGES)
def test_a_range_of_bare_g_is_hours_unless_it_weighs_something(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "họp lúc 7h00-11h30 tại trụ sở",
            "họp từ bảy giờ đến mười một giờ ba mươi phút tại trụ sở",
        ),
        ("Lúc 7h-11h, đoàn làm việc", "Từ bảy giờ đến mười một giờ, đoàn làm việc"),
        (
            "trực lúc 7h-11h và lúc 13h-17h",
            "trực từ bảy giờ đến mười một giờ và từ mười ba giờ đến mười bảy giờ",
        ),
        ("họp lúc 7h30 tại trụ sở", "họp lúc bảy giờ ba mươi phút tại trụ sở"),
    ],
)
def test_luc_before_a_time_range_is_said_as_tu(source: str, expected: str) -> None:
    """QA (session 75): «họp lúc từ bảy giờ đến mười một giờ …»; «lúc» names one moment, a
    range opens with «từ»; before a single time «lúc» stays."""
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Từ lúc 7h-9h sáng, đoàn làm việc", "Từ bảy giờ đến chín giờ sáng, đoàn làm việc"),
        ("họp từ lúc 7h-9h tại trụ sở", "họp từ bảy giờ đến chín giờ tại trụ sở"),
        (
            "Vào lúc 7h00-11h30, đoàn làm việc",
            "Từ bảy giờ đến mười một giờ ba mươi phút, đoàn làm việc",
        ),
        ("họp vào lúc 7h-9h tại trụ sở", "họp từ bảy giờ đến chín giờ tại trụ sở"),
    ],
)
def test_tu_luc_and_vao_luc_before_a_time_range_say_tu_once(source: str, expected: str) -> None:
    """Session 75 review: «lúc» said as «từ» made «Từ từ bảy giờ …» of «Từ lúc 7h-9h» and
    «Vào từ …» of «Vào lúc 7h00-11h30»: after «từ» «lúc» goes, and «vào lúc» is «từ»."""
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_den_luc_before_a_time_range_is_said_den_tu() -> None:
    """Session 75 review asked whether «đến lúc» should stay: with a range after it, «đến» is
    the verb «come» (no one waits until a range), so «đến từ … đến …» is what a presenter says;
    «đến lúc từ bảy giờ» is no Vietnamese, and «đến lúc bảy giờ đến chín giờ» says «đến» twice
    in two senses."""
    spoken = normalise_fragment("Người dân đến lúc 7h-9h để làm thủ tục")
    assert (spoken.text, spoken.flags) == (
        "Người dân đến từ bảy giờ đến chín giờ để làm thủ tục",
        (),
    )


# The kind written as its abbreviation before the number is said once, as a word (R13.3).
KIND_BEFORE = [
    (
        "theo NĐ 100/2019/NĐ-CP",
        "theo nghị định một trăm, năm hai nghìn không trăm mười chín của Chính phủ",
    ),
    (
        "sửa đổi bởi NĐ 123/2021/NĐ-CP",
        "sửa đổi bởi nghị định một trăm hai mươi ba năm hai nghìn không trăm hai mươi mốt của "
        "Chính phủ",
    ),
    ("theo QĐ 15/QĐ-CAH", "theo quyết định mười lăm của Công an huyện"),
    ("theo QĐ số 15/QĐ-CAH", "theo quyết định số mười lăm của Công an huyện"),
    # `CT` before a number was a road («đường cao tốc»), then held as an unknown code.
    ("theo CT 12/CT-TTg", "theo chỉ thị mười hai của Thủ tướng Chính phủ"),
    ("theo KH 05/KH-CAH", "theo kế hoạch không năm của Công an huyện"),
]


@pytest.mark.parametrize(("source", "expected"), KIND_BEFORE)
def test_a_documents_kind_abbreviated_before_its_number_is_said_once(
    source: str, expected: str
) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    "source",
    [
        "Chị A. có CCCD số 087123456789.",
        "Chị Nguyễn Thị A. có CCCD số 087123456789.",
        "Bà Trần Thị H. có căn cước công dân số 087123456789.",
    ],
)
def test_a_sentence_naming_only_whose_id_goes_whole_after_an_initial(source: str) -> None:
    """The stop of an initial (`A.`) was taken for a sentence's end: the ID's sentence went from
    «có CCCD» on and «Chị Nguyễn Thị A.» stayed on air, a sentence saying nothing (R9.5)."""
    spoken = normalise_fragment(source)
    assert spoken.text == ""
    assert [f.code for f in spoken.flags] == ["R9.5"]


def test_a_real_sentence_before_an_initial_stays() -> None:
    """A capital after the stop still starts a sentence: only the ID's sentence goes."""
    spoken = normalise_fragment("Bị hại là bà Nguyễn Thị H. Bà H. có CCCD số 087123456789.")
    assert spoken.text == "Bị hại là bà Nguyễn Thị H."


# A service line listed after a phone number is read digit by digit like the number before it
# (R9.3): «liên hệ số không hai bảy bảy, …, một trăm mười ba hoặc một một bốn» mixed the two.
SERVICE_AFTER_A_PHONE = [
    (
        "liên hệ số 0277.3861.234, 113 hoặc 114",
        "liên hệ số không hai bảy bảy, ba tám sáu một, hai ba bốn, một một ba hoặc một một bốn",
    ),
    (
        "gọi 0912 345 678, 113/114",
        "gọi không chín một hai, ba bốn năm, sáu bảy tám, một một ba, một một bốn",
    ),
    # A count after it is still a count.
    (
        "liên hệ 0912.345.678, 113 trường hợp đã được xử lý",
        "liên hệ không chín một hai, ba bốn năm, sáu bảy tám, một trăm mười ba trường hợp đã "
        "được xử lý",
    ),
]


@pytest.mark.parametrize(("source", "expected"), SERVICE_AFTER_A_PHONE)
def test_a_service_line_listed_after_a_phone_is_read_digit_by_digit(
    source: str, expected: str
) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# A school class or a room is read as written, like a house number and its letter: bulletins
# on students («em Nguyễn Văn A, học sinh lớp 9A») were held for digits left (Q1).
CLASSES = [
    ("em học lớp 9A", "em học lớp chín A"),
    ("học sinh lớp 12A1", "học sinh lớp mười hai A một"),
    ("phòng 10C3", "phòng mười C ba"),
]


@pytest.mark.parametrize(("source", "expected"), CLASSES)
def test_a_school_class_is_read_as_written(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_plate_not_written_whole_is_still_held() -> None:
    """Only a class or a room has a number after its letter; `biển số 66B1` is no house."""
    assert "Q1" in [f.code for f in normalise_fragment("xe biển số 66B1").blocking]


def test_capitals_with_a_pronouncer_are_no_unknown_abbreviation() -> None:
    """`Honda Wave RSX (đọc: …)`: the editor did what S6 asks, the reader is told how to say
    it; the bulletin was still held (R14.6) until «RSX» went into the unit's dictionary, which is
    for the unit's abbreviations, not a model's name. Later paragraphs may say it bare."""
    spoken = normalise(
        "Tạm giữ xe Honda Wave RSX (đọc: hôn-đa oe e-rờ-ét-ích) màu đỏ.\n\nXe RSX này bị mất.\n"
    )
    assert spoken.blocking == ()
    assert "RSX (đọc: hôn-đa oe e-rờ-ét-ích)" in spoken.text


def test_capitals_without_a_pronouncer_are_held_and_told_how_to_write_one() -> None:
    spoken = normalise("Tạm giữ xe Honda Wave RSX màu đỏ.\n")
    assert [f.code for f in spoken.blocking] == ["R14.6"]
    assert "«RSX (đọc: …)»" in spoken.blocking[0].message


# A money range whose first end carries its scale word («phạt từ 100 triệu - 1 tỷ đồng») is a
# range (R12.1): the dash became a pause, «từ một trăm triệu, một tỷ đồng», or stayed a hyphen.
MONEY_RANGES = [
    ("phạt từ 100 triệu - 1 tỷ đồng", "phạt từ một trăm triệu đến một tỷ đồng"),
    ("phạt từ 100 triệu-1 tỷ đồng", "phạt từ một trăm triệu đến một tỷ đồng"),
    ("phạt 500 nghìn - 1 triệu đồng", "phạt từ năm trăm nghìn đến một triệu đồng"),
    ("từ 2 triệu – 3 triệu đồng", "từ hai triệu đến ba triệu đồng"),
    ("từ 100 triệu đồng - 1 tỷ đồng", "từ một trăm triệu đồng đến một tỷ đồng"),
    ("thiệt hại từ 100 triệu - 1 tỷ", "thiệt hại từ một trăm triệu đến một tỷ"),
]


@pytest.mark.parametrize(("source", "expected"), MONEY_RANGES)
def test_a_money_range_with_a_scale_word_is_a_range(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_ratio_to_a_grouped_thousand_keeps_its_slash() -> None:
    """`tỷ lệ 1/1.000` was read «một một nghìn» with no flag: the slash went as a word break."""
    spoken = normalise_fragment("tỷ lệ 1/1.000 dân")
    assert spoken.text == "tỷ lệ một trên một nghìn dân"
    assert [f.code for f in spoken.flags] == ["R12.3"]


# A date after `đến hết`, `tức`, `nhằm` is a date (R7.2), and a lunar mark after `tức` belongs
# to the date it follows, not to the solar date before it (R7.3).
DATES = [
    (
        "từ 7/12 đến hết 13/12",
        "từ ngày bảy tháng mười hai đến hết ngày mười ba tháng mười hai",
    ),
    (
        "tối 1/12 (tức 12/10 âm lịch), tổ tuần tra",
        "tối ngày một tháng mười hai, tức ngày mười hai tháng mười âm lịch, tổ tuần tra",
    ),
    (
        "ngày 12/10 âm lịch (tức 1/12), tổ tuần tra",
        "ngày mười hai tháng mười âm lịch, tức ngày một tháng mười hai, tổ tuần tra",
    ),
    # Unchanged: a lunar date marked right after it.
    ("ngày 21/12 âm lịch", "ngày hai mươi mốt tháng chạp âm lịch"),
]


@pytest.mark.parametrize(("source", "expected"), DATES)
def test_dates_after_den_het_and_tuc(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_fraction_after_het_is_still_a_fraction() -> None:
    assert normalise_fragment("tiêu hết 1/2 số tiền").text == "tiêu hết một phần hai số tiền"


def test_three_numbers_between_slashes_are_held_not_run_together() -> None:
    """`ngày 5/12/26` was read «ngày năm mười hai hai mươi sáu» with no flag: the slashes went
    as word breaks. A year cut short is a guess either way, so the editor is asked (Q1)."""
    spoken = normalise_fragment("ngày 5/12/26")
    assert [f.code for f in spoken.blocking] == ["Q1"]
    assert "«5/12/2026»" in spoken.blocking[0].message
    assert "mười hai hai mươi sáu" not in spoken.text


def test_days_of_a_month_listed_in_brackets_after_ngay() -> None:
    """`trong 2 ngày (5 và 6/12)` was read «năm và ngày sáu tháng mười hai»: the bracket hid the
    list from `ngày`, and only the last day was a date (R7.5)."""
    spoken = normalise_fragment("trong 2 ngày (5 và 6/12), tổ công tác làm việc")
    assert spoken.text == "trong hai ngày, năm và sáu tháng mười hai, tổ công tác làm việc"


# National abbreviations a district's bulletins use every week were held as unknown (R14.6).
NATIONAL_ABBREVIATIONS = [
    ("làm sạch CSDLQG về dân cư", "làm sạch cơ sở dữ liệu quốc gia về dân cư"),
    ("cập nhật CSDL", "cập nhật cơ sở dữ liệu"),
    ("theo Luật TTATGTĐB", "theo Luật trật tự, an toàn giao thông đường bộ"),
    ("nhiệm vụ QP-AN", "nhiệm vụ quốc phòng, an ninh"),
    ("Đoàn TNCS Hồ Chí Minh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
]


@pytest.mark.parametrize(("source", "expected"), NATIONAL_ABBREVIATIONS)
def test_national_abbreviations_are_read(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# A scammer's address in brackets after the words naming it goes with its bracket (R1.4): «đường
# link lạ (như https://…)» was read «đường link lạ, như một đường link».
BAIT_IN_BRACKETS = [
    (
        "Không truy cập đường link lạ (như https://hoantien-shopee.xyz); báo ngay cho Công an.",
        "Không truy cập đường link lạ; báo ngay cho Công an.",
    ),
    (
        "Đối tượng gửi đường link lạ (https://abc.xyz) cho nạn nhân.",
        "Đối tượng gửi đường link lạ cho nạn nhân.",
    ),
    (
        "Đối tượng gửi đường link lạ (như https://abc.xyz, giả mạo ngân hàng) cho nạn nhân.",
        "Đối tượng gửi đường link lạ, giả mạo ngân hàng, cho nạn nhân.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), BAIT_IN_BRACKETS)
def test_a_scam_address_in_brackets_goes_with_its_bracket(source: str, expected: str) -> None:
    spoken = normalise(source + "\n")
    assert spoken.text == expected
    assert [f.code for f in spoken.flags] == ["R1.4"]


def test_a_plate_typed_with_a_space_is_read_as_a_plate() -> None:
    """`xe 66A 123.45`, `66B1 234.56` (a space where the hyphen goes) were read «66A một trăm hai
    mươi ba phẩy bốn mươi lăm» and held (Q1) with a message about dates and money (R9.4)."""
    spoken = normalise_fragment("xe mô tô 66B1 234.56 và xe 66A 123.45 bỏ chạy")
    assert spoken.text == (
        "xe mô tô sáu sáu B một, hai ba bốn, năm sáu và xe sáu sáu A, một hai ba, bốn năm, bỏ chạy"
    )
    assert [f.code for f in spoken.flags] == ["Q6", "Q6"]


def test_a_held_number_with_a_decimal_comma_is_shown_whole() -> None:
    """`xe tải 2,5T` was held as two numbers, «2» and «5T»: the editor could not find «2»."""
    flags = normalise_fragment("xe tải trọng 2,5T, chở quá tải").blocking
    assert [(f.code, f.excerpt) for f in flags] == [("Q1", "2,5T")]


# Clock times said the way a presenter says them (R8.1, R8.2).
CLOCK_TIMES = [
    # On the hour, written out with its minutes: «không phút» is said by no one.
    ("khoảng 19 giờ 00 phút", "khoảng mười chín giờ"),
    # The end of a range from a time with minutes is an hour too, never «hai mươi hai gam».
    ("từ 20g30 đến 22g", "từ hai mươi giờ ba mươi phút đến hai mươi hai giờ"),
    ("từ 20 giờ 30 phút đến 22g", "từ hai mươi giờ ba mươi phút đến hai mươi hai giờ"),
]


@pytest.mark.parametrize(("source", "expected"), CLOCK_TIMES)
def test_clock_times_as_a_presenter_says_them(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# `Nh` past 23 with no minutes is hours counted, or the day's end: it held the bulletin as unread
# digits (Q1). `24` is «hai mươi tư», as R2 reads it everywhere.
HOURS_PAST_A_DAY = [
    ("trong vòng 48h", "trong vòng bốn mươi tám giờ"),
    ("trong 72h kể từ khi nhận quyết định", "trong bảy mươi hai giờ kể từ khi nhận quyết định"),
    ("Công an huyện trực 24h", "Công an huyện trực hai mươi tư giờ"),
    ("từ 19h đến 24h", "từ mười chín giờ đến hai mươi tư giờ"),
    ("lúc 24h ngày 31/12", "lúc hai mươi tư giờ ngày ba mươi mốt tháng mười hai"),
    ("tuần tra từ 22h-24h", "tuần tra từ hai mươi hai giờ đến hai mươi tư giờ"),
    ("trong vòng 24-48h", "trong vòng từ hai mươi tư đến bốn mươi tám giờ"),
    ("làm việc 24h/ngày", "làm việc hai mươi tư giờ mỗi ngày"),
    # The hours under a day are read as before.
    ("sau 2h", "sau hai giờ"),
    ("tạm giữ 36 giờ", "tạm giữ ba mươi sáu giờ"),
]


@pytest.mark.parametrize(("source", "expected"), HOURS_PAST_A_DAY)
def test_hours_past_a_day_are_read_as_hours(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_clock_time_past_23_with_minutes_is_still_held() -> None:
    """`25h30` is no time of any day: the editor must say what was meant."""
    flags = normalise_fragment("khoảng 25h30 ngày 3/5").blocking
    assert [(f.code, f.excerpt) for f in flags] == [("Q1", "25h30")]


def test_a_mid_clause_g_range_in_a_paragraph_on_weights_is_grams_and_flagged() -> None:
    """A range's form alone makes it hours in the middle of a clause; after a sentence on drugs
    («Mỗi lần mua từ 1g đến 2g») it stays grams, and the editor is asked, since it is a guess."""
    spoken = normalise_fragment(
        "Đối tượng khai nhận mua ma túy về sử dụng. Mỗi lần mua từ 1g đến 2g"
    )
    assert spoken.text.endswith("Mỗi lần mua từ một gam đến hai gam")
    assert [f.code for f in spoken.flags] == ["R8.2"]


# An address dropped from a sentence (R1.4, no url_spoken) keeps what the sentence is about.
ADDRESS_DROPPED = [
    # The clause went whole: «Không cần đến trụ sở.» was all that was read.
    (
        "Truy cập cổng dịch vụ công tại địa chỉ dichvucong.bocongan.gov.vn để nộp hồ sơ trực "
        "tuyến, không cần đến trụ sở.",
        "Truy cập cổng dịch vụ công để nộp hồ sơ trực tuyến, không cần đến trụ sở.",
    ),
    (
        "Người dân đăng ký qua trang dichvucong.gov.vn để được cấp lại giấy tờ nhanh hơn.",
        "Người dân đăng ký để được cấp lại giấy tờ nhanh hơn.",
    ),
    # The way with the address went from its verb: «Người dân có thể» was lost with it.
    (
        "Người dân có thể nộp hồ sơ tại https://dichvucong.gov.vn hoặc đến trụ sở Công an xã.",
        "Người dân có thể đến trụ sở Công an xã.",
    ),
    # Two verbs in a row open one way: «Gửi gọi một một ba» was read.
    (
        "Gửi phản ánh qua email conganhuyen@gmail.com hoặc gọi 113.",
        "Gọi một một ba.",
    ),
    (
        "Người dân muốn phản ánh thì gửi thư tới conganhuyen@gmail.com hoặc gọi 113.",
        "Người dân muốn phản ánh thì gọi một một ba.",
    ),
    # Nothing follows the address to say what it is for: the call to look goes whole.
    ("Xem chi tiết tại https://ca.example.vn/tin.", ""),
]


@pytest.mark.parametrize(("source", "expected"), ADDRESS_DROPPED)
def test_an_address_dropped_leaves_what_the_sentence_is_about(source: str, expected: str) -> None:
    spoken = normalise(source + "\n")
    assert spoken.text == expected
    assert [f.code for f in spoken.flags] in (["R1.4"], ["R1.3"])
