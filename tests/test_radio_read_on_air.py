"""Readings an announcer would get wrong on air, or an editor was not told of (session 34).

Each test pins a vector that the code before it read wrongly or without a word to the editor.
"""

from __future__ import annotations

import pytest

from publish.radio.callers import caller_lists_told
from publish.radio.flags import Context
from publish.radio.markdown import byline
from publish.radio.normalise import load_abbreviations, normalise
from publish.radio.options import SpeakOptions

_TABLE = "| Xã | Số vụ |\n|---|---|\n| Tân Bình | 1 |\n"


@pytest.mark.parametrize(
    "heading",
    [
        "## Kết quả thực hiện như sau:",
        "### Kết quả xử lý vi phạm trong tháng 11 như sau",
        "## Số liệu cụ thể như bảng dưới đây:",
    ],
)
def test_a_sub_heading_promising_a_table_not_read_is_not_read(heading: str) -> None:
    """«## Kết quả thực hiện như sau:» over a table was read «Kết quả thực hiện như sau.», the
    rows never read: a paragraph saying so was already left out, a sub-heading was not."""
    spoken = normalise(f"# Báo cáo\n\nMở đầu.\n\n{heading}\n\n{_TABLE}\nHết.\n")
    assert spoken.text == "Mở đầu.\n\nHết."
    assert [f.code for f in spoken.flags] == ["R1.7"]


def test_a_sub_heading_saying_something_before_its_pointer_keeps_it() -> None:
    """What a sub-heading says of its own before the pointer is still read."""
    spoken = normalise(
        f"# Báo cáo\n\nMở đầu.\n\n## Đã xử lý 120 trường hợp vi phạm như sau:\n\n{_TABLE}\nHết.\n"
    )
    assert spoken.text == ("Mở đầu.\n\nĐã xử lý một trăm hai mươi trường hợp vi phạm.\n\nHết.")


@pytest.mark.parametrize(
    "source",
    [
        "# Báo cáo\n\nIX. Kiến nghị\n\nNội dung.\n\nX. Kết Luận Chung\n\nNội dung hai.",
        "# Báo cáo\n\n## IX. Kiến nghị\n\nNội dung.\n\n## X. Kết Luận Chung\n\nNội dung hai.",
        "# Báo cáo\n\n**IX. Kiến nghị:** Nội dung.\n\n**X. Kết Luận Chung:** Nội dung hai.",
    ],
)
def test_the_tenth_part_after_the_ninth_is_not_read_as_a_commune(source: str) -> None:
    """«X. Kết Luận Chung» after «IX. Kiến nghị» was read «Xã Kết Luận Chung»: its title-case
    words were taken for a person's name after an initial, then the initial for a commune's
    prefix. After the ninth part it is the tenth."""
    said = normalise(source).text
    assert "Xã" not in said
    assert "Phần mười" in said and "Phần chín" in said


def test_a_signature_after_the_fourth_part_is_still_no_fifth_part() -> None:
    """An initial and a given name of two words after «IV.» is not taken for «Phần năm»: it
    is the writer's signature, not read on air, and the editor is told it was taken for one."""
    spoken = normalise("# Báo cáo\n\nIV. Kiến nghị\n\nNội dung.\n\nV. Thanh Tùng\n")
    assert "Phần năm" not in spoken.text and "Thanh Tùng" not in spoken.text
    assert spoken.text.endswith("Nội dung.")
    assert any(f.code == "R1.5" and f.excerpt == "V. Thanh Tùng" for f in spoken.flags)


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Gọi 0912 x 456.", "0912 x 456"),
        ("Liên hệ 0912.x.456 để được hỗ trợ.", "0912.x.456"),
        ("Gọi số 0912x45678.", "0912x45678"),
    ],
)
def test_one_x_between_a_phone_numbers_digits_is_told_and_never_read_as_a_letter(
    text: str, excerpt: str
) -> None:
    """«Gọi 0912 x 456» was read «… một hai x bốn trăm năm mươi sáu» with no word to the
    editor: a listener heard a letter and a number of hundreds. One x between a phone number's
    digits is hidden digits or a typing slip; the item is held (Q1) and read digit by digit."""
    spoken = normalise(text)
    assert " x " not in spoken.text and "nhân" not in spoken.text
    assert "trăm" not in spoken.text and "mươi" not in spoken.text
    [told] = [f for f in spoken.blocking if f.code == "Q1"]
    assert told.excerpt == excerpt and "Cách sửa" in told.message


def test_a_size_with_the_letter_x_is_still_read_as_times() -> None:
    """Sizes keep their «nhân»; spaced or not."""
    spoken = normalise("Phòng 2 x 3 m, tấm 20x30 cm.")
    assert spoken.text == "Phòng hai nhân ba mét, tấm hai mươi nhân ba mươi xăng-ti-mét."
    assert not spoken.flags


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thửa đất 2x3mét.", "Thửa đất hai nhân ba mét."),
        ("Tường cao 3mét.", "Tường cao ba mét."),
        ("Thu giữ 2tấn hàng.", "Thu giữ hai tấn hàng."),
        (
            "Thu giữ 1,5tấn hàng và 100lít xăng.",
            "Thu giữ một phẩy năm tấn hàng và một trăm lít xăng.",
        ),
    ],
)
def test_a_number_typed_against_a_unit_written_out_is_read(text: str, expected: str) -> None:
    """«2x3mét» held the item (Q1, «3mét» left unread) where «2 x 3 m» was read «hai nhân ba
    mét»: the space a writer forgot before a unit written out is no reason to hold it."""
    spoken = normalise(text)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    "text",
    ["Liên hệ số 0912.xxx.xxx để được hỗ trợ.", "Người dân liên hệ qua số 0277.xxx.xxx."],
)
def test_a_number_still_to_be_filled_in_after_so_is_said_with_one_so(text: str) -> None:
    """The blocked preview read «Liên hệ số số chưa điền»: the editor saw a doubled word."""
    spoken = normalise(text)
    assert "số chưa điền" in spoken.text and "số số" not in spoken.text
    assert [f.code for f in spoken.blocking] == ["Q1"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Liên hệ số điện thoại 0912.xxx.xxx để được hỗ trợ.", "Liên hệ số điện thoại chưa điền"),
        ("Xin gọi số đường dây nóng 1900 xxxx.", "Xin gọi số đường dây nóng chưa điền."),
        ("Gọi số máy 1900.xxxx.", "Gọi số máy chưa điền."),
    ],
)
def test_a_number_still_to_be_filled_in_after_so_dien_thoai_says_so_once(
    text: str, said: str
) -> None:
    """The held script read «số điện thoại số chưa điền»: «số» twice, the kind of number
    between them. The number's «số» is said once, «chưa điền» after its kind."""
    spoken = normalise(text)
    assert spoken.text.startswith(said), spoken.text
    assert [f.code for f in spoken.blocking] == ["Q1"]


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện kế hoạch 12/2024, lực lượng ra quân.",
        "Thực hiện Kế hoạch 12/2024, lực lượng ra quân.",
        "Kế Hoạch 12/2024 đã hoàn thành.",
    ],
)
def test_a_plan_and_a_number_over_a_year_is_told_however_it_is_capitalised(text: str) -> None:
    """«kế hoạch 12/2024» was told (R7.4: plan number 12, or the plan of December?), «Kế hoạch
    12/2024» read as a number with no word to the editor: the capital settles nothing."""
    spoken = normalise(text)
    assert "mười hai năm hai nghìn không trăm hai mươi tư" in spoken.text
    assert [f.code for f in spoken.flags] == ["R7.4"]
    assert normalise("Thực hiện Kế hoạch số 12/2024, lực lượng ra quân.").flags == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tham gia có anh Minh và T. Hà Giang.", "Tham gia có anh Minh và T. Hà Giang."),
        (
            "Nguyễn Văn A cùng T. Thái Bình đã trộm xe.",
            "Nguyễn Văn A cùng T. Thái Bình đã trộm xe.",
        ),
        ("Đối tượng Hùng với T. Nam Định bỏ trốn.", "Đối tượng Hùng với T. Nam Định bỏ trốn."),
    ],
)
def test_an_initial_joined_to_a_persons_name_is_not_read_as_a_province(
    text: str, expected: str
) -> None:
    """«anh Minh và T. Hà Giang» was read «anh Minh và tỉnh Hà Giang»: a conjunction was taken
    for a place's preposition, and a person joined to another became a province."""
    spoken = normalise(text)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Công an tỉnh Đồng Tháp và T. Tiền Giang phối hợp.",
            "Công an tỉnh Đồng Tháp và tỉnh Tiền Giang phối hợp.",
        ),
        ("Long An và T. Tiền Giang phối hợp.", "Long An và tỉnh Tiền Giang phối hợp."),
        ("H. Châu Thành và T. Bến Tre.", "Huyện Châu Thành và tỉnh Bến Tre."),
    ],
)
def test_a_province_joined_to_a_place_is_still_read_tinh(text: str, expected: str) -> None:
    """Joined to a place, `T.` before a province's name is the province's, as before."""
    spoken = normalise(text)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_an_initial_or_a_province_after_a_conjunction_alone_is_told() -> None:
    """«phối hợp với T. Thái Bình»: a person or a province? Kept as written, item held."""
    spoken = normalise("Công an huyện phối hợp với T. Thái Bình.")
    assert spoken.text == "Công an huyện phối hợp với T. Thái Bình."
    [told] = spoken.blocking
    assert (told.code, told.excerpt) == ("R14.5", "T. Thái Bình")
    assert "Cách sửa" in told.message


_BODY = "Người dân cần cảnh giác.\n\n"


def test_a_given_name_with_a_stop_ending_a_bulletin_is_not_read_and_is_told() -> None:
    """«Thu Hà.» with no author was read on air as the bulletin's last sentence: a signature.
    It goes to the header as «Thu Hà» does, and the editor is told the name was guessed."""
    spoken = normalise(f"{_BODY}Thu Hà.\n")
    assert spoken.text == "Người dân cần cảnh giác."
    [told] = spoken.flags
    assert told.code == "R1.5" and told.line == 3 and "trường author" in told.message
    assert "thêm dấu chấm" not in told.message  # it has one: that advice would do nothing
    assert byline(f"{_BODY}Thu Hà.\n") == "Tác giả: Thu Hà"
    assert normalise(f"{_BODY}Cảnh Giác.\n").text == "Người dân cần cảnh giác.\n\nCảnh Giác."


@pytest.mark.parametrize(
    ("unit", "place", "author"),
    [
        ("Công an huyện Châu Thành", "Châu Thành", ""),
        ("Công an huyện Châu Thành", "Châu Thành", "Công an huyện Châu Thành"),
        ("Công an xã Tân Phú", "Tân Phú", ""),
    ],
)
def test_the_units_place_ending_a_bulletin_is_read_as_places_are(
    unit: str, place: str, author: str
) -> None:
    """«Châu Thành» alone on the last line went to the header as the writer's name, «Tác giả:
    Châu Thành», and with the author «Công an huyện Châu Thành» was dropped as the author's
    last words: a place, read as «Hà Nội.» is."""
    source = f"{_BODY}{place}\n"
    spoken = normalise(source, author=author, options=SpeakOptions(unit_name=unit))
    assert (spoken.text, spoken.flags) == (f"Người dân cần cảnh giác.\n\n{place}.", ())
    assert byline(source, author=author, unit_name=unit) == ""


def test_a_persons_given_name_still_credits_the_author() -> None:
    """The last words of a person's author are still the credit («Thu Trang»)."""
    spoken = normalise(f"{_BODY}Thu Trang\n", author="Nguyễn Thu Trang")
    assert (spoken.text, spoken.flags) == ("Người dân cần cảnh giác.", ())


@pytest.mark.parametrize(
    ("last", "author"),
    [
        ("X. Thu Trang", ""),
        ("V. Thanh Tùng", ""),
        ("T. Hùng.", ""),
        ("X. Thu Trang.", "Nguyễn Thu Trang"),
        ("X. Thu Trang", "Lê Văn Hùng"),
    ],
)
def test_an_initial_and_a_given_name_ending_a_bulletin_is_a_signature(
    last: str, author: str
) -> None:
    """«X. Thu Trang» alone on the last line was read «Xã Thu Trang.» on air, a commune, and
    «V. Thanh Tùng» was read too: a signature. It goes to the header; guessed, it is told."""
    spoken = normalise(f"{_BODY}{last}\n", author=author)
    assert spoken.text == "Người dân cần cảnh giác."
    credited = author == "Nguyễn Thu Trang"
    assert [f.code for f in spoken.flags] == ([] if credited else ["R1.5"])
    assert byline(f"{_BODY}{last}\n", author=author) == f"Tác giả: {last.rstrip('.')}"


def test_a_places_letter_before_a_place_ending_a_bulletin_is_still_read() -> None:
    """«H. Châu Thành» is a district, read as places are."""
    spoken = normalise(f"{_BODY}H. Châu Thành\n")
    assert (spoken.text, spoken.flags) == ("Người dân cần cảnh giác.\n\nHuyện Châu Thành.", ())


@pytest.mark.parametrize(
    "source",
    [
        "# Báo cáo\n\nIX. Kiến nghị\n\nNội dung.\n\nX. Kết Luận\n\nNội dung hai.",
        "# Báo cáo\n\nIX. Kiến nghị\n\nNội dung.\n\nX. Kết\n\nNội dung hai.",
    ],
)
def test_the_tenth_part_in_two_title_case_words_is_no_commune(source: str) -> None:
    """«X. Kết Luận» after «IX.» was read «Xã Kết Luận.»: two words are no given name."""
    said = normalise(source).text
    assert "Phần mười" in said and "Xã" not in said


@pytest.mark.parametrize(
    "source",
    [
        "(CAĐT) - Ngày 5/11, Công an huyện ra quân.",
        "**(CAH)** – Ngày 5/11, Công an huyện ra quân.",
        "# Ra quân\n\n**Châu Thành (CAH)** – Ngày 5/11, Công an huyện ra quân.",
        "Hồ Chí Minh (TTXVN) – Ngày 5/11, Công an huyện ra quân.",
    ],
)
def test_a_newspapers_dateline_opening_a_bulletin_is_not_read(source: str) -> None:
    """«(CAH) – Trong tháng …» was read «Công an huyện, Trong tháng …», and «(CAĐT) – …» held
    the item on an unknown «CAĐT»: a source tag printed for readers, never said on air."""
    spoken = normalise(source)
    assert spoken.text == "Ngày năm tháng mười một, Công an huyện ra quân."
    assert spoken.flags == ()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Mở đầu.\n\n(CAH) – Ngày 5/11, lực lượng ra quân.", "Công an huyện, Ngày"),
        ("Công an huyện (CAH) - đơn vị tiêu biểu.", "Công an huyện, đơn vị tiêu biểu."),
        ("Hải (NVH) – trú tại thôn 2, bị bắt.", "Hải, trú tại thôn hai"),
    ],
)
def test_brackets_and_a_dash_elsewhere_are_read_as_before(source: str, expected: str) -> None:
    """Only the first paragraph's opening is a dateline; a name in lower case is none."""
    assert expected in normalise(source).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lãi suất 3.000 đồng/1 triệu/ngày.",
            "Lãi suất ba nghìn đồng trên một triệu mỗi ngày.",
        ),
        (
            "Lãi 5.000 đồng/1.000.000 đồng/ngày.",
            "Lãi năm nghìn đồng trên một triệu đồng mỗi ngày.",
        ),
        ("Lãi 3 nghìn/1 triệu/ngày.", "Lãi ba nghìn trên một triệu mỗi ngày."),
    ],
)
def test_an_amount_over_an_amount_is_read_tren(text: str, expected: str) -> None:
    """«3.000 đồng/1 triệu/ngày», a loan shark's rate in every warning about «tín dụng đen», was
    read «ba nghìn đồng một triệu mỗi ngày»: the slash lost, the listener heard two amounts."""
    spoken = normalise(text)
    assert (spoken.text, spoken.flags) == (expected, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ông Nguyễn Văn Hai, 60t, trú ấp 2.", "Ông Nguyễn Văn Hai, sáu mươi tuổi, trú ấp hai."),
        ("Bà B (72t) bị lừa.", "Bà B, bảy mươi hai tuổi, bị lừa."),
    ],
)
def test_an_age_written_short_is_never_read_as_tonnes(text: str, expected: str) -> None:
    """«Ông Nguyễn Văn Hai, 60t,» was read «sáu mươi tấn»: a man weighed in tonnes on air. A
    note's «60t» is read as an age and held (Q5) for the editor to write it out."""
    spoken = normalise(text)
    assert spoken.text == expected
    [told] = spoken.blocking
    assert told.code == "Q5" and "Cách sửa" in told.message
    assert normalise("Thu giữ 5t hàng, xe tải 2,5t.").text == (
        "Thu giữ năm tấn hàng, xe tải hai phẩy năm tấn."
    )


def test_a_masked_number_after_sdt_says_so_once() -> None:
    """«dùng SĐT 0865.xxx.xxx» was read «số điện thoại số bắt đầu bằng …»."""
    spoken = normalise("Đối tượng dùng SĐT 0865.xxx.xxx gọi điện.")
    assert spoken.text == ("Đối tượng dùng số điện thoại bắt đầu bằng không tám sáu năm, gọi điện.")


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("Như bảng trên, số vụ giảm.", "Số vụ giảm."),
        ("Qua số liệu trên, có thể thấy tình hình ổn định.", "Có thể thấy tình hình ổn định."),
    ],
)
def test_a_sentence_pointing_back_at_a_table_not_read_loses_the_pointer(
    after: str, expected: str
) -> None:
    """«Như bảng trên, số vụ giảm.» was read after a table that was not: the listener heard of
    a table above that never came. What the sentence says is still read."""
    spoken = normalise(f"Mở đầu.\n\n{_TABLE}\n{after}\n")
    assert spoken.text == f"Mở đầu.\n\n{expected}"
    assert normalise(after).text == after  # with no table taken out, as written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nhiệm kỳ 2020-2025.",
            "Nhiệm kỳ hai nghìn không trăm hai mươi đến hai nghìn không trăm hai mươi lăm.",
        ),
        (
            "Năm học 2024 - 2025.",
            "Năm học hai nghìn không trăm hai mươi tư đến hai nghìn không trăm hai mươi lăm.",
        ),
    ],
)
def test_a_period_named_by_its_two_years_takes_no_tu(text: str, expected: str) -> None:
    """«Nhiệm kỳ 2020-2025» was read «Nhiệm kỳ từ hai nghìn …»: a term is named by its ends,
    as «giai đoạn 2021-2025» already was (R7.5)."""
    assert normalise(text).text == expected


@pytest.mark.parametrize(
    "text",
    ["Đối tượng gọi từ số 0912 xxx 456 789.", "Đối tượng dùng số 0912.xxx.456.789 gọi."],
)
def test_a_masked_number_shown_to_its_last_group_is_read_digit_by_digit(text: str) -> None:
    """«0912 xxx 456 789» was read «… kết thúc bằng bốn năm sáu bảy trăm tám mươi chín» (its
    last group a number of hundreds), «0912.xxx.456.789» left half in digits (Q1). The
    writer's two groups keep their breath pause (R9.2: «insert `,` between groups»)."""
    spoken = normalise(text)
    assert "kết thúc bằng bốn năm sáu, bảy tám chín" in spoken.text
    assert "trăm" not in spoken.text and not spoken.flags


def test_the_units_other_line_after_hoac_so_is_unfilled_too() -> None:
    """«Liên hệ số 1900.xxxx hoặc số 0912.xxx.xxx» read the second as a caller's number
    («số bắt đầu bằng không chín một hai»): «số» after «hoặc» hid that it is the other line."""
    spoken = normalise("Liên hệ số 1900.xxxx hoặc số 0912.xxx.xxx.")
    assert spoken.text == "Liên hệ số chưa điền hoặc số chưa điền."
    assert [f.excerpt for f in spoken.blocking] == ["1900.xxxx", "0912.xxx.xxx"]


def test_a_size_with_a_length_on_each_side_is_read_nhan() -> None:
    """«100m x 200m» was read «một trăm mét x hai trăm mét», the letter left, no flag."""
    spoken = normalise("Diện tích 100m x 200m, tấm 20cm x 30cm.")
    assert spoken.text == (
        "Diện tích một trăm mét nhân hai trăm mét, tấm hai mươi xăng-ti-mét nhân ba mươi "
        "xăng-ti-mét."
    )
    assert not spoken.flags


@pytest.mark.parametrize("text", ["Phạt gấp 2 x.", "Số vụ tăng gấp 2 x so với cùng kỳ."])
def test_a_small_x_left_alone_in_the_script_holds_the_item(text: str) -> None:
    """«gấp 2 x» went on air as «gấp hai x» with no word to the editor: no rule read the letter
    typed for ×, and Vietnamese has no word «x» for the reader to say."""
    [told] = normalise(text).blocking
    assert told.code == "Q2" and "hai x" in told.message and "Cách sửa" in told.message
    assert not normalise("Đối tượng X khai nhận, xe 2 x 4.").flags


@pytest.mark.parametrize(
    ("source", "opening"),
    [
        (
            "Ông Trần Văn Bình (TVB) – chủ tiệm vàng ở xã Tân Phú – đã trình báo bị lừa.",
            "Ông Trần Văn Bình",
        ),
        ("Bà Lê Thị Hoa (LTH) - trú tại thôn 2 - bị mất xe máy.", "Bà Lê Thị Hoa"),
        ("Nguyễn Văn Hải (NVH) – sinh năm 1985 – bị bắt.", "Nguyễn Văn Hải"),
        ("Nguyễn Văn Hải (NVH) – Sinh năm 1985, bị bắt.", "Nguyễn Văn Hải"),
        ("Cao Văn Lâm (CVL) – Trú tại thôn 2, bị bắt.", "Cao Văn Lâm"),
        ("Hải (NVH) – trú tại thôn 2, bị bắt.", "Hải"),
    ],
)
def test_a_person_named_with_initials_in_brackets_is_no_dateline(source: str, opening: str) -> None:
    """«Ông Trần Văn Bình (TVB) – chủ tiệm vàng …» was read «Chủ tiệm vàng …» as if a
    newspaper's dateline: the person's name was lost. A form of address or a rank opens a
    person's name; so does a surname before two or three words («Nguyễn Văn Hải (NVH) – …»,
    dropped since the dateline rule), and words in lower case after the dash describe what the
    bracket follows: a dateline's news opens a sentence."""
    assert normalise(source).text.startswith(opening)


@pytest.mark.parametrize(
    ("source", "opening"),
    [
        ("Đại Tá Lê Hùng (LH) – Trưởng Công an huyện – phát biểu.", "Đại Tá Lê Hùng"),
        ("Thiếu Úy Minh Tuấn (MT) – Cán bộ Công an xã – cho biết.", "Thiếu Úy Minh Tuấn"),
    ],
)
def test_a_rank_before_bracketed_initials_keeps_the_persons_name(source: str, opening: str) -> None:
    """«Đại Tá Lê Hùng (LH) – Trưởng Công an huyện – …», all in title case, was taken for a
    place's dateline and read from «Trưởng Công an huyện»: a rank (titles.FORMS_OF_ADDRESS)
    opens a person's name as «Ông» does."""
    assert normalise(source).text.startswith(opening)


@pytest.mark.parametrize(
    ("after", "said"),
    [
        ("Theo số liệu trên địa bàn huyện, năm nay xảy ra vụ việc.", "Theo số liệu trên địa bàn"),
        ("Qua số liệu trên mạng xã hội, đối tượng đã lừa người.", "Qua số liệu trên mạng xã hội"),
        ("Số liệu trên: tội phạm giảm.", "Tội phạm giảm."),
    ],
)
def test_words_after_tren_that_point_nowhere_are_kept(after: str, said: str) -> None:
    """«Theo số liệu trên địa bàn huyện, …» after an unread table was read «Địa bàn huyện, …»:
    only «trên» ending its phrase («,», «:», «cho thấy») points back at the table."""
    assert normalise(f"Mở đầu.\n\n{_TABLE}\n{after}\n").text.split("\n\n")[-1].startswith(said)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Chị Nguyễn Thị Lan và T. Thái Bình đã tới trình báo.", "Lan và T. Thái Bình"),
        ("Anh Trần Văn Thành cùng T. Hà Giang bị bắt giữ.", "Thành cùng T. Hà Giang"),
        ("Huyện Châu Thành và T. Tiền Giang phối hợp.", "và tỉnh Tiền Giang"),
        ("Thị Xã Sa Pa và T. Lào Cai phối hợp.", "và tỉnh Lào Cai"),
    ],
)
def test_a_middle_name_thi_or_thanh_makes_no_place(text: str, said: str) -> None:
    """«Chị Nguyễn Thị Lan và T. Thái Bình» was read «… và tỉnh Thái Bình»: the middle name
    «Thị» was taken for a place's kind. Only a run's first word names a place's kind."""
    assert said in normalise(text).text


def test_a_count_after_a_hidden_number_is_no_last_digit() -> None:
    """«dùng số 0868.xxx.xxx 2 lần gọi» was read «… kết thúc bằng hai, lần gọi»: the count
    was taken for the number's last digit. It is said after the number, as a count."""
    said = normalise("Đối tượng dùng số 0868.xxx.xxx 2 lần gọi cho bị hại.").text
    assert "kết thúc bằng" not in said and ", hai lần gọi" in said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Lãi 10 triệu đồng/1 tháng.", "mười triệu đồng mỗi tháng"),
        ("Lãi 5.000đ/1 ngày.", "năm nghìn đồng mỗi ngày"),
        ("Lãi 3.000 đồng/1 triệu/ngày.", "ba nghìn đồng trên một triệu mỗi ngày"),
    ],
)
def test_an_amount_over_one_period_is_said_per_period(written: str, said: str) -> None:
    """«10 triệu đồng/1 tháng» was read «trên một tháng»: a listener hears «mỗi tháng», as
    «/tháng» is read; an amount over an amount is still «trên»."""
    assert said in normalise(written).text


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (
            "Đối tượng gọi từ số 0912.345.xxx.",
            "Đối tượng gọi từ số bắt đầu bằng không chín một hai, ba bốn năm.",
        ),
        (
            "Đối tượng gọi từ số 0912345xxx.",
            "Đối tượng gọi từ số bắt đầu bằng không chín một hai, ba bốn năm.",
        ),
        (
            "Số lạ +84 912 xxx xxx gọi tới.",
            "Số lạ bắt đầu bằng cộng tám bốn, chín một hai, gọi tới.",
        ),
        (
            "Đối tượng dùng số 0912.xxx.345.678.",
            "Đối tượng dùng số bắt đầu bằng không chín một hai, kết thúc bằng ba bốn năm, sáu bảy"
            " tám.",
        ),
    ],
)
def test_a_hidden_numbers_digits_have_the_breath_pauses_of_a_phone_number(
    source: str, said: str
) -> None:
    """A masked number's shown digits ran on with no pause («bắt đầu bằng không chín một hai
    ba bốn năm»), where R9.2 reads every phone number: «Keep the writer's grouping; insert `,`
    between groups (a breath pause). Without separators: 10 digits → 4-3-3 … 9 digits after
    `+84` → 3-3-3.» The listener must hear the groups to write the number down."""
    assert normalise(source).text == said


@pytest.mark.parametrize(
    "source",
    [
        "Đối tượng dùng số 0912.345.678 gọi điện lừa đảo.",
        "Người dân nhận cuộc gọi từ số 0912345678 tự xưng là công an.",
    ],
)
def test_a_scammers_whole_number_is_read_and_the_editor_told(source: str) -> None:
    """«Đối tượng dùng số 0912.345.678 …» was read digit group by digit group with no word to
    the editor: a number a listener can dial, maybe a real person's the scammer borrowed. The
    spec has no rule hiding it (R9.1 reads every phone number) and a unit may publish it on
    purpose, so it is still read; §7 Q6 warns of personal data an editor should weigh."""
    spoken = normalise(source)
    assert "không chín một hai, ba bốn năm, sáu bảy tám" in spoken.text
    [flag] = spoken.flags
    assert (flag.code, flag.severity) == ("Q6", "warning")
    assert "0912.xxx.678" in flag.message


@pytest.mark.parametrize(
    "source",
    [
        'Ông Nguyễn Văn A, Trưởng Công an xã, khuyến cáo: "Thấy lừa đảo thì liên hệ số '
        '0912.345.678".',
        "Người dân liên hệ qua số 0912.345.678 khi phát hiện lừa đảo.",
        "Anh A dùng số 0912.345.678 để đăng ký tài khoản.",
    ],
)
def test_the_units_own_line_in_a_scam_warning_is_read_untold(source: str) -> None:
    """The police's own advice to call them is read group by group (R9.2), with no warning:
    only a number the caller used, in a sentence about a scam, is told."""
    spoken = normalise(source)
    assert "không chín một hai, ba bốn năm, sáu bảy tám" in spoken.text
    assert spoken.flags == ()


@pytest.mark.parametrize(
    ("source", "numbers"),
    [
        (
            "Bà A nhận được cuộc gọi của số điện thoại 0912.345.678, người gọi tự xưng là cán bộ "
            "ngân hàng.",
            ["0912.345.678"],
        ),
        ("Số điện thoại 0987654321 tự xưng là nhân viên ngân hàng để lừa đảo.", ["0987654321"]),
        (
            "Các số điện thoại 0912345678, 0987654321 là số của các đối tượng lừa đảo.",
            ["0912345678", "0987654321"],
        ),
        ("Đối tượng lập tài khoản Zalo gắn với số 0912345678 để lừa đảo.", ["0912345678"]),
        ("Người gọi (số 0912.345.678) giả danh Công an.", ["0912.345.678"]),
        (
            "Đối tượng dùng số 0912345678 và 0987654321 để lừa đảo.",
            ["0912345678", "0987654321"],
        ),
    ],
)
def test_a_scammers_number_in_other_wordings_is_told(source: str, numbers: list[str]) -> None:
    """Q6 told a caller's number only after «dùng số», «từ số», «số lạ»: a number the words
    after it make the caller's (`… tự xưng là …`, `… là số của các đối tượng`), one the call
    came from (`cuộc gọi của số`), the caller's own (`Người gọi (số …)`), and each number of a
    list went on air with no word to the editor."""
    spoken = normalise(source)
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [
        ("Q6", "warning", number) for number in numbers
    ]


@pytest.mark.parametrize(
    "source",
    [
        "Liên hệ số 0912345678, 0987654321 khi phát hiện đối tượng lừa đảo.",
        "Khi nhận cuộc gọi tự xưng là công an, hãy gọi ngay 0297.3846.113 hoặc 113.",
        "Số điện thoại 0297.3846.113 của Công an huyện luôn tiếp nhận tin báo lừa đảo.",
        # a deed of a caller after it, but the listener is asked to call: «liên lạc» with the unit
        "Người dân có thể gọi 0297.3846.113 liên lạc với trực ban khi phát hiện lừa đảo.",
    ],
)
def test_the_units_own_lines_are_still_untold_beside_the_new_wordings(source: str) -> None:
    assert [f.code for f in normalise(source).flags if f.code == "Q6"] == []


def test_a_list_of_scammers_numbers_broken_over_two_lines_is_told_whole() -> None:
    """Q6 read a list after its joint only on one line: «Cảnh giác với 0912345678,⏎0987654321
    là số của các đối tượng» told the second number alone (normalise joins a paragraph's soft
    breaks first; a text handed to the check with its line breaks must read alike)."""
    ctx = Context(SpeakOptions(), load_abbreviations(None))
    text = "Cảnh giác với 0912345678,\n0987654321 là số của các đối tượng lừa đảo."
    caller_lists_told(text, ctx)
    assert [(f.code, f.excerpt) for f in ctx.flags] == [("Q6", "0912345678"), ("Q6", "0987654321")]
