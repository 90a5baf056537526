"""Every test vector of docs/radio-read-aloud.md §5 (R1–R16), plus the §4.4 worked example.

Vector inputs are sentence fragments unless the spec marks them "(paragraph)" or "(sentence start)"
(§5 conventions), so they go through `normalise_fragment`. Where the spec elides the rest of a
sentence with `…`, the test continues it with real words on both sides instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.radio.normalise import (
    SpeakOptions,
    count_syllables,
    estimate_seconds,
    normalise,
    normalise_fragment,
    tts_text,
)
from publish.radio.readtime import detailed_seconds, format_duration

URL_PHRASE = "trang thông tin điện tử của Công an huyện"

# (spec number, input, expected human-script text)
FRAGMENT_VECTORS = [
    (1, "**Tin nổi bật**", "Tin nổi bật"),
    (3, "theo [Công an tỉnh](https://ca.example.vn/a) cho biết", "theo Công an tỉnh cho biết"),
    (6, "![ảnh](a.jpg)Lực lượng CSGT làm nhiệm vụ", "Lực lượng Cảnh sát giao thông làm nhiệm vụ"),
    (8, "- Bắt 3 đối tượng", "Bắt ba đối tượng."),
    (9, "⚠️ Cảnh báo lừa đảo #ANTT #CongAnHuyen", "Cảnh báo lừa đảo"),
    (11, "có 0 trường hợp", "có không trường hợp"),
    (13, "10", "mười"),
    (14, "11", "mười một"),
    (16, "15", "mười lăm"),
    (17, "20", "hai mươi"),
    (19, "24", "hai mươi tư"),
    (20, "25", "hai mươi lăm"),
    (22, "101", "một trăm linh một"),
    (23, "104", "một trăm linh tư"),
    (25, "110", "một trăm mười"),
    (26, "111", "một trăm mười một"),
    (28, "1.000", "một nghìn"),
    (29, "1.005", "một nghìn không trăm linh năm"),
    (31, "2.024", "hai nghìn không trăm hai mươi tư"),
    (32, "10.000", "mười nghìn"),
    (34, "1.000.005", "một triệu không trăm linh năm"),
    (35, "105.500.000", "một trăm linh năm triệu năm trăm nghìn"),
    (37, "1.500.000.000.000", "một nghìn năm trăm tỷ"),
    (38, "12,5 tấn", "mười hai phẩy năm tấn"),
    (40, "3,14", "ba phẩy mười bốn"),
    (41, "1.234,56", "một nghìn hai trăm ba mươi tư phẩy năm mươi sáu"),
    (43, "1,04", "một phẩy không bốn"),
    (44, "1.5 tấn", "một phẩy năm tấn"),
    (46, "đạt 100%", "đạt một trăm phần trăm"),
    (47, "0,5 %", "không phẩy năm phần trăm"),
    (49, "phạt 500.000 đồng", "phạt năm trăm nghìn đồng"),
    (50, "phạt 500.000đ", "phạt năm trăm nghìn đồng"),
    (52, "thiệt hại 1,2 tỷ đồng", "thiệt hại một phẩy hai tỷ đồng"),
    (53, "thu 3 triệu VNĐ", "thu ba triệu đồng"),
    (55, "$500", "năm trăm đô la Mỹ"),
    (56, "chạy 80 km/h", "chạy tám mươi ki-lô-mét trên giờ"),
    (58, "50 mg/100 ml máu", "năm mươi mi-li-gam trên một trăm mi-li-lít máu"),
    (59, "xe 50cc", "xe năm mươi phân khối"),
    (61, "3,14 ha", "ba phẩy mười bốn héc-ta"),
    (62, "300 m2", "ba trăm mét vuông"),
    (64, "35°C", "ba mươi lăm độ C"),
    (65, "-5°C", "âm năm độ C"),
    (
        67,
        "Ngày 08/12/2020, CAH phối hợp",
        "Ngày tám tháng mười hai năm hai nghìn không trăm hai mươi, Công an huyện phối hợp",
    ),
    (
        68,
        "hôm qua (08/12/2020)",
        "hôm qua, ngày tám tháng mười hai năm hai nghìn không trăm hai mươi,",
    ),
    (70, "ngày 24/4/2024", "ngày hai mươi tư tháng tư năm hai nghìn không trăm hai mươi tư"),
    (71, "từ 01-05-2025", "từ ngày một tháng năm năm hai nghìn không trăm hai mươi lăm"),
    (73, "năm 2005", "năm hai nghìn không trăm linh năm"),
    (74, "tháng 12", "tháng mười hai"),
    (76, "từ 28/5 đến 3/6", "từ ngày hai mươi tám tháng năm đến ngày ba tháng sáu"),
    (
        77,
        "giai đoạn 2021-2025",
        "giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm",
    ),
    (79, "ngày 21/12 âm lịch", "ngày hai mươi mốt tháng chạp âm lịch"),
    (80, "lúc 14h30", "lúc mười bốn giờ ba mươi phút"),
    (82, "khoảng 7h05", "khoảng bảy giờ năm phút"),
    (83, "lúc 22:15", "lúc hai mươi hai giờ mười lăm phút"),
    (85, "ca trực 7h-11h", "ca trực từ bảy giờ đến mười một giờ"),
    (86, "0h30 ngày 2/9", "không giờ ba mươi phút ngày hai tháng chín"),
    (88, "gọi 0912345678", "gọi không chín một hai, ba bốn năm, sáu bảy tám"),
    (89, "+84 912 345 678", "cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám"),
    (91, "gọi số 113", "gọi số một một ba"),
    (92, "đường dây nóng 114", "đường dây nóng một một bốn"),
    (94, "lần thứ 1", "lần thứ nhất"),
    (95, "lần thứ 2", "lần thứ hai"),
    (97, "lần thứ 14", "lần thứ mười bốn"),
    (98, "lần thứ 24", "lần thứ hai mươi tư"),
    (100, "Thứ 4 tuần này", "Thứ tư tuần này"),
    (101, "CN tuần trước", "chủ nhật tuần trước"),
    (103, "xếp hạng 1", "xếp hạng nhất"),
    (104, "Quý IV/2023", "Quý bốn năm hai nghìn không trăm hai mươi ba"),
    (106, "lần thứ I", "lần thứ nhất"),
    (107, "Khóa XV", "Khóa mười lăm"),
    (109, "Đại hội XIII", "Đại hội mười ba"),
    (110, "đối tượng Nguyễn Văn V.", "đối tượng Nguyễn Văn V."),
    (112, "khoảng 10-15 người", "khoảng mười đến mười lăm người"),
    (113, "giảm 1/3 số vụ", "giảm một phần ba số vụ"),
    (115, "ma túy & cờ bạc", "ma túy và cờ bạc"),
    (116, "dịch COVID-19", "dịch COVID mười chín"),
    (118, "trên ĐT 741", "trên đường tỉnh bảy trăm bốn mươi mốt"),
    (119, "tuyến TL 8", "tuyến tỉnh lộ tám"),
    (
        121,
        "Thông tư số 58/2020/TT-BCA",
        "Thông tư số năm mươi tám năm hai nghìn không trăm hai mươi của Bộ Công an",
    ),
    (122, "Quyết định số 15/QĐ-CAH", "Quyết định số mười lăm của Công an huyện"),
    (124, "đảm bảo ANTT", "đảm bảo an ninh trật tự"),
    (125, "đảm bảo TTATGT", "đảm bảo trật tự an toàn giao thông"),
    (127, "BCĐ 138 huyện", "Ban Chỉ đạo một trăm ba mươi tám huyện"),
    (128, "tổ CSGT", "tổ Cảnh sát giao thông"),
    (130, "TP. Hà Nội", "thành phố Hà Nội"),
    (131, "Tp Vinh", "thành phố Vinh"),
    (133, "ma túy, cờ bạc, v.v.", "ma túy, cờ bạc, vân vân."),
    (134, "Nguyễn Văn A (SN 1990)", "Nguyễn Văn A, sinh năm một nghìn chín trăm chín mươi,"),
    (136, "BCH Quân sự xã", "Ban Chỉ huy Quân sự xã"),
    (137, "BCH Đoàn Thanh niên", "Ban Chấp hành Đoàn Thanh niên"),
    (139, "Đội CSĐTTP về ma túy", "Đội CSĐTTP về ma túy"),
    (
        140,
        "đối tượng Trần Văn B (trú tại xã Tân Lập) đã",
        "đối tượng Trần Văn B, trú tại xã Tân Lập, đã",
    ),
    (142, "gồm... 3 đối tượng", "gồm, ba đối tượng"),
]

# (spec number, input, options, expected) — the "Opt:" column of §5
OPTION_VECTORS = [
    (19, "24", SpeakOptions(four_after_tens="bốn"), "hai mươi bốn"),
    (22, "101", SpeakOptions(zero_tens_word="lẻ"), "một trăm lẻ một"),
    (23, "104", SpeakOptions(zero_tens_word="lẻ"), "một trăm lẻ bốn"),
    (28, "1.000", SpeakOptions(thousand_word="ngàn"), "một ngàn"),
]

TTS_VECTORS = [
    (145, "quốc lộ một A", "quốc lộ một a"),
    (146, "ba mươi lăm độ C", "ba mươi lăm độ xê"),
    (147, "VTV", "vê tê vê"),
    (148, "hai mươi lăm ki-lô-mét", "hai mươi lăm ki lô mét"),
    (149, "Facebook (đọc: phây-búc)", "phây búc"),
    (150, "COVID (đọc: cô-vít) mười chín", "cô vít mười chín"),
]


@pytest.mark.parametrize(("number", "source", "expected"), FRAGMENT_VECTORS)
def test_fragment_vector(number: int, source: str, expected: str) -> None:
    assert normalise_fragment(source).text == expected, f"vector #{number}"


@pytest.mark.parametrize(("number", "source", "options", "expected"), OPTION_VECTORS)
def test_option_vector(number: int, source: str, options: SpeakOptions, expected: str) -> None:
    assert normalise_fragment(source, options=options).text == expected, f"vector #{number}"


@pytest.mark.parametrize(("number", "script", "expected"), TTS_VECTORS)
def test_tts_vector(number: int, script: str, expected: str) -> None:
    assert tts_text(script) == expected, f"vector #{number}"


def test_vector_2_heading_read_as_title() -> None:
    spoken = normalise("## Tin 1: TNGT", options=SpeakOptions(read_title=True))
    assert spoken.text == "Tin một: tai nạn giao thông"


def test_vector_2_heading_is_not_read_by_default_but_is_the_title() -> None:
    spoken = normalise("## Tin 1: TNGT\n\nNội dung tin.")
    assert spoken.text == "Nội dung tin."
    assert spoken.title == "Tin 1: TNGT"


def test_vector_1_whole_bold_paragraph_is_a_pseudo_heading_in_a_bulletin() -> None:
    assert normalise("**Tin nổi bật**\n\nNội dung.").text == "Nội dung."


def test_vector_4_call_to_action_sentence_is_removed_and_flagged() -> None:
    spoken = normalise_fragment("Xem chi tiết [tại đây](https://ca.example.vn/a).")
    assert spoken.text == ""
    assert [f.code for f in spoken.flags] == ["R1.3"]


def test_vector_5_url_replaced_by_configured_phrase() -> None:
    spoken = normalise_fragment(
        "chi tiết tại https://ca.example.vn/tin", options=SpeakOptions(url_spoken=URL_PHRASE)
    )
    assert spoken.text == f"chi tiết tại {URL_PHRASE}"
    assert spoken.flags == ()


def test_url_without_phrase_drops_its_clause_and_flags() -> None:
    spoken = normalise(
        "Mọi thông tin xin liên hệ đường dây nóng 0912.345.678 hoặc số 113; xem chi tiết tại "
        "https://congan.example.vn/tin-tuc."
    )
    assert spoken.text == (
        "Mọi thông tin xin liên hệ đường dây nóng không chín một hai, ba bốn năm, sáu bảy tám "
        "hoặc số một một ba."
    )
    assert "R1.3" in {f.code for f in spoken.flags} or "R1.4" in {f.code for f in spoken.flags}


def test_the_wording_a_dropped_address_suggests_names_the_unit_or_none() -> None:
    text = "Người dân theo dõi tin, chi tiết tại https://ca.example.vn/tin."
    [flag] = normalise_fragment(text).flags
    assert "«trên trang thông tin điện tử của đơn vị»" in flag.message
    [flag] = normalise_fragment(text, options=SpeakOptions(unit_name="Công an xã Tân Hòa")).flags
    assert "«trên trang thông tin điện tử của Công an xã Tân Hòa»" in flag.message


def test_the_wording_for_another_site_s_dropped_address_never_calls_it_the_unit_s() -> None:
    """With no url_spoken, the note for dichvucong.gov.vn suggested «trên trang thông tin điện tử
    của …» and url_spoken «for every web address»: url_spoken names the unit's site alone, and
    the other site read as the unit's sends listeners the wrong way."""
    text = "Người dân đăng ký qua Cổng dịch vụ công quốc gia (https://dichvucong.gov.vn) tại nhà."
    options = SpeakOptions(unit_name="Công an xã Tân Hòa", site_hosts=("ca.example.vn",))
    [flag] = normalise_fragment(text, options=options).flags
    assert flag.code == "R1.4" and "«https://dichvucong.gov.vn»" in flag.message
    assert "«trên Cổng dịch vụ công quốc gia»" in flag.message
    assert "chỉ đọc thay địa chỉ website của đơn vị" in flag.message
    assert "trang thông tin điện tử của" not in flag.message
    assert "mọi địa chỉ web" not in flag.message
    # The unit's own address still gets the unit's wording and the url_spoken way.
    [own] = normalise_fragment("Chi tiết tại https://ca.example.vn/tin.", options=options).flags
    assert "«trên trang thông tin điện tử của Công an xã Tân Hòa»" in own.message
    assert "url_spoken" in own.message


def test_with_url_spoken_another_site_s_dropped_address_is_told_why_it_stayed_unreplaced() -> None:
    """url_spoken set, another site's address is still dropped: the note says the phrase names
    the unit's site alone and suggests naming the other page in words, never url_spoken."""
    text = "Người dân đăng ký qua Cổng dịch vụ công quốc gia (https://dichvucong.gov.vn) tại nhà."
    options = SpeakOptions(url_spoken=URL_PHRASE, site_hosts=("ca.example.vn",))
    [flag] = normalise_fragment(text, options=options).flags
    assert flag.code == "R1.4" and "«trên Cổng dịch vụ công quốc gia»" in flag.message
    assert "chỉ đọc thay địa chỉ website của đơn vị" in flag.message
    assert "mọi địa chỉ web" not in flag.message


def test_the_wording_a_sentence_about_this_page_suggests_names_the_unit_or_none() -> None:
    """Since 2025 there is no district police: the example must be the unit's own name."""
    text = "Bà con theo dõi trang này để cập nhật tin cảnh báo."
    [flag] = normalise_fragment(text).flags
    assert "«trang thông tin điện tử của đơn vị»" in flag.message
    [flag] = normalise_fragment(text, options=SpeakOptions(unit_name="Công an xã Tân Hòa")).flags
    assert "«trang thông tin điện tử của Công an xã Tân Hòa»" in flag.message
    assert "huyện" not in flag.message


def test_hints_name_what_an_editor_can_set_not_command_line_options() -> None:
    """A build copies these hints into its warnings and rundown.txt: they must point at the
    bulletin or at site.toml, never at `publish speak` options an editor cannot set there."""
    url = normalise_fragment("chi tiết tại https://ca.example.vn/tin").flags[0]
    code = normalise_fragment("Phòng PC99 làm việc").flags[0]
    assert (url.code, code.code) == ("R1.4", "R14.7")
    assert "tùy chọn" not in url.message and "[radio] url_spoken" in url.message
    assert "viết lại" in url.message
    assert "--" not in code.message and "[radio] abbreviations" in code.message


def test_hints_name_the_units_abbreviation_file_and_how_to_add_a_line() -> None:
    """Editors were sent to «tệp khai ở [radio] abbreviations» and had to look the file up in
    site.toml: the hint names the file site.toml names, and what to write in it."""
    named = SpeakOptions(lexicon_file="content/tu-viet-tat.tsv")
    [flag] = normalise_fragment("Đội QWZX đã vào cuộc.", options=named).flags
    assert (
        "thêm vào tệp từ điển viết tắt content/tu-viet-tat.tsv một dòng: chữ viết tắt, một ký "
        "tự Tab, cách đọc (ví dụ «QWZX<TAB>…»)" in flag.message
    )
    assert "khai ở" not in flag.message
    # No file named yet: how to make one, not a file that does not exist.
    [flag] = normalise_fragment("Đội QWZX đã vào cuộc.").flags
    assert "chưa có thì tạo một tệp .tsv, ví dụ content/tu-viet-tat.tsv" in flag.message


def test_vector_7_italic_caption_under_image_is_removed() -> None:
    source = "![Ảnh](a.jpg)\n*Ảnh: CSGT kiểm tra nồng độ cồn*\n\nTổ công tác làm nhiệm vụ."
    assert normalise(source).text == "Tổ công tác làm nhiệm vụ."


def test_vector_10_br_is_a_sentence_break() -> None:
    assert normalise("Dòng 1<br>Dòng 2").text == "Dòng một. Dòng hai."


def test_words_in_angle_brackets_are_read_as_a_quotation() -> None:
    """«<<Vì an ninh Tổ quốc>>» and «<Tết an toàn>» were taken for tags: the script read «Tháng
    hành động < > năm…» and «Chủ đề của năm nay», held back by two flags for the brackets. The
    name is read as one in «…» is; a tag beside it is still not read."""
    spoken = normalise(
        "Hưởng ứng Tháng hành động <<Vì an ninh Tổ quốc>> năm nay.\n\n"
        "Chủ đề <Tết an toàn> của năm nay, <b>không</b> đốt pháo."
    )
    assert spoken.text == (
        "Hưởng ứng Tháng hành động “Vì an ninh Tổ quốc” năm nay.\n\n"
        "Chủ đề “Tết an toàn” của năm nay, không đốt pháo."
    )
    assert not spoken.flags


def test_a_lone_capitalised_element_name_is_read_as_a_quotation() -> None:
    """«<Em>» names an HTML element: never closed, it was dropped as a tag, and the script read
    «Ca khúc của nhóm». It is read as the website shows it; a closed one is still a tag."""
    spoken = normalise("Ca khúc <Em> của nhóm được chọn.\n\nChữ <Em>nghiêng</em> là thẻ.")
    assert spoken.text == "Ca khúc “Em” của nhóm được chọn.\n\nChữ nghiêng là thẻ."


def test_vector_143_sentence_start_capitalises_expansion() -> None:
    spoken = normalise_fragment("TP. Hà Nội: BCĐ huyện", sentence_start=True)
    assert spoken.text == "Thành phố Hà Nội: Ban Chỉ đạo huyện"


def test_vector_44_english_decimal_is_flagged() -> None:
    assert [f.code for f in normalise_fragment("1.5 tấn").flags] == ["R3.4"]


@pytest.mark.parametrize(
    ("text", "number", "currency"),
    [
        ("$5,000", "năm nghìn", "đô la Mỹ"),
        ("5,000 USD", "năm nghìn", "đô la Mỹ"),
        ("USD 5,000", "năm nghìn", "đô la Mỹ"),
        ("€1,500", "một nghìn năm trăm", "ơ-rô"),
        ("5,000 đồng", "năm nghìn", "đồng"),
        ("$5,000.50", "năm nghìn phẩy năm mươi", "đô la Mỹ"),
    ],
)
def test_an_amount_with_a_comma_before_three_digits_is_read_in_thousands(
    text: str, number: str, currency: str
) -> None:
    """R3.4/R5: money never has a third decimal, so `$5,000` is five thousand dollars (written
    the foreign way), not `năm phẩy không không không`; still flagged for the editor to fix."""
    spoken = normalise_fragment(f"thiệt hại {text} mỗi vụ")
    assert spoken.text == f"thiệt hại {number} {currency} mỗi vụ"
    [flag] = spoken.flags
    assert (flag.code, flag.severity) == ("R3.4", "warning")
    assert f"đã đọc là «{number}»" in flag.message


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("1,200 tỷ đồng", ("«1,2 tỷ»", "«1.200 tỷ»")),
        ("$2,500 triệu", ("«2,5 triệu»", "«2.500 triệu»")),
    ],
)
def test_an_amount_with_a_scale_word_and_a_comma_before_three_digits_blocks(
    text: str, forms: tuple[str, str]
) -> None:
    """`1,200 tỷ đồng`: 1,2 tỷ (a decimal) or 1.200 tỷ (foreign thousands), a thousandfold
    apart. Neither is guessed: the item waits for the editor, told both ways to write it."""
    [flag] = normalise_fragment(f"thiệt hại {text}").flags
    assert (flag.code, flag.severity) == ("R3.4", "blocking")
    fix = flag.message.split("Cách sửa: ")[1]
    assert all(form in fix for form in forms)


@pytest.mark.parametrize(
    ("text", "spoken", "other_form"),
    [
        (
            "thiệt hại 3,456 tỷ đồng",
            "thiệt hại ba phẩy bốn trăm năm mươi sáu tỷ đồng",
            "«3.456 tỷ»",
        ),
        (
            "chiếm đoạt 1,235 triệu đồng",
            "chiếm đoạt một phẩy hai trăm ba mươi lăm triệu đồng",
            "«1.235 triệu»",
        ),
    ],
)
def test_an_amount_with_three_decimals_before_a_scale_word_is_read_as_a_decimal(
    text: str, spoken: str, other_form: str
) -> None:
    """`3,456 tỷ đồng` is how Vietnamese writes 3.456 billion (R3.1): it was held with a fix
    telling the editor to write «3,456 tỷ», what was written, so the item could never pass. Read
    as the decimal it is (R3.3), with a warning naming the form for English thousands."""
    result = normalise_fragment(text)
    assert result.text == spoken
    [flag] = result.flags
    assert (flag.code, flag.severity) == ("R3.4", "warning")
    assert other_form in flag.message


def test_vector_139_unknown_abbreviation_is_a_blocking_flag_not_spelled() -> None:
    spoken = normalise("Đội CSĐTTP về ma túy.")
    assert spoken.text == "Đội CSĐTTP về ma túy."
    (flag,) = spoken.flags
    assert (flag.code, flag.severity, flag.excerpt, flag.line) == ("R14.6", "blocking", "CSĐTTP", 1)


def test_unit_lexicon_resolves_unknown_abbreviation() -> None:
    spoken = normalise(
        "Đội CSĐTTP về ma túy.", abbreviations={"CSĐTTP": "Cảnh sát điều tra tội phạm"}
    )
    assert spoken.text == "Đội Cảnh sát điều tra tội phạm về ma túy."
    assert spoken.flags == ()


WORKED_EXAMPLE_MARKDOWN = """\
**Ngày 08/12/2024**, CAH phối hợp với UBND xã Tân Lập tổ chức ra quân đảm bảo TTATGT trên QL1A. Trong 3
giờ (từ 19h đến 22h), tổ công tác phát hiện 21 trường hợp vi phạm nồng độ cồn, tạm giữ 15 xe mô tô, xử
phạt VPHC tổng số tiền 105.500.000đ.

Qua đó, số vụ TNGT trên địa bàn giảm 12,5% so với cùng kỳ. Người dân phát hiện vi phạm xin báo qua đường
dây nóng 0912.345.678 hoặc gọi số 113.
"""

WORKED_EXAMPLE_SCRIPT = """\
Ngày tám tháng mười hai năm hai nghìn không trăm hai mươi tư, Công an huyện phối hợp với Ủy ban nhân dân
xã Tân Lập tổ chức ra quân đảm bảo trật tự an toàn giao thông trên quốc lộ một A. Trong ba giờ, từ mười
chín giờ đến hai mươi hai giờ, tổ công tác phát hiện hai mươi mốt trường hợp vi phạm nồng độ cồn, tạm giữ
mười lăm xe mô tô, xử phạt vi phạm hành chính tổng số tiền một trăm linh năm triệu năm trăm nghìn đồng.

Qua đó, số vụ tai nạn giao thông trên địa bàn giảm mười hai phẩy năm phần trăm so với cùng kỳ. Người dân
phát hiện vi phạm xin báo qua đường dây nóng không chín một hai, ba bốn năm, sáu bảy tám hoặc gọi số một
một ba.
"""


def _paragraphs(text: str) -> list[str]:
    """Paragraphs with the spec's display line-wrapping undone."""
    return [" ".join(p.split()) for p in text.strip().split("\n\n")]


def test_worked_example_4_4_script() -> None:
    spoken = normalise(WORKED_EXAMPLE_MARKDOWN)
    assert spoken.text.split("\n\n") == _paragraphs(WORKED_EXAMPLE_SCRIPT)
    assert spoken.flags == ()


def test_worked_example_4_4_timing() -> None:
    script = normalise(WORKED_EXAMPLE_MARKDOWN).text
    assert count_syllables(script) == 145
    assert estimate_seconds(script, rate_spm=240) == 37
    assert estimate_seconds(script, rate_spm=210) == 42
    assert estimate_seconds(script, rate_spm=270) == 33
    assert detailed_seconds(script) == pytest.approx(34.8)
    assert format_duration(estimate_seconds(script, rate_spm=240)) == "0:37"


# --- behaviour beyond the vector tables -------------------------------------------------------


def test_bold_lead_paragraph_is_read_not_taken_for_a_heading() -> None:
    source = "**Khoảng 12 giờ ngày 10/5, tổ công tác phát hiện 2 đối tượng.**\n\nNội dung."
    assert normalise(source).text == (
        "Khoảng mười hai giờ ngày mười tháng năm, tổ công tác phát hiện hai đối tượng.\n\nNội dung."
    )


def test_table_and_code_are_removed_and_flagged_at_their_line() -> None:
    source = "Mở đầu.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nx = 1\n```\n\nKết thúc."
    spoken = normalise(source)
    assert spoken.text == "Mở đầu.\n\nKết thúc."
    assert [(f.code, f.line) for f in spoken.flags] == [("R1.7", 3), ("R1.7", 7)]


def test_cue_line_is_kept_verbatim_and_not_counted() -> None:
    spoken = normalise("Tin thứ nhất.\n\n[NHẠC CẮT 0:05]\n\nTin thứ hai.")
    assert spoken.text == "Tin thứ nhất.\n\n[NHẠC CẮT 0:05]\n\nTin thứ hai."
    assert spoken.flags == ()
    assert count_syllables(spoken.text) == 6


def test_citizen_id_number_is_not_read_and_flagged() -> None:
    spoken = normalise("Ông A, CCCD số 087123456789, trú tại xã Tân Lập.")
    assert spoken.text == "Ông A, trú tại xã Tân Lập."  # no bare «căn cước công dân,» clause
    assert [(f.code, f.severity) for f in spoken.flags] == [("R9.5", "warning")]


def test_unresolved_context_abbreviation_is_blocking() -> None:
    spoken = normalise("Họp BCH xã.")
    assert spoken.text == "Họp BCH xã."
    assert [(f.code, f.severity) for f in spoken.flags] == [("R14.5", "blocking")]


def test_leftover_digits_are_a_blocking_flag_with_line() -> None:
    spoken = normalise("Dòng đầu\ntiếp theo thông điệp 5K.")
    assert [(f.code, f.severity, f.excerpt, f.line) for f in spoken.flags] == [
        ("Q1", "blocking", "5K", 2)
    ]


def test_long_sentence_without_pause_is_flagged() -> None:
    sentence = " ".join(["người dân"] * 21) + "."
    assert [f.code for f in normalise(sentence).flags] == ["T7"]


def test_output_is_nfc_even_for_decomposed_input() -> None:
    import unicodedata

    spoken = normalise(unicodedata.normalize("NFD", "Ngày 8/12, Công an huyện họp."))
    assert spoken.text == "Ngày tám tháng mười hai, Công an huyện họp."
    assert unicodedata.is_normalized("NFC", spoken.text)


def test_date_range_in_parentheses_reads_den() -> None:
    spoken = normalise_fragment("kỷ niệm (19/8/1945 – 19/8/2022) và")
    assert spoken.text == (
        "kỷ niệm, ngày mười chín tháng tám năm một nghìn chín trăm bốn mươi lăm đến ngày mười "
        "chín tháng tám năm hai nghìn không trăm hai mươi hai, và"
    )


def test_invalid_option_is_a_vietnamese_publish_error() -> None:
    from publish.errors import PublishError

    with pytest.raises(PublishError, match="zero_tens_word"):
        SpeakOptions(zero_tens_word="lẽ")


def test_seed_lexicon_and_unit_file_merge(tmp_path: Path) -> None:
    from publish.radio.normalise import load_abbreviations

    seed = load_abbreviations(None)
    assert seed["TTATGT"] == "trật tự an toàn giao thông"
    assert seed["PCCC&CNCH"] == "phòng cháy, chữa cháy và cứu nạn, cứu hộ"
    unit = tmp_path / "don-vi.tsv"
    unit.write_text("PC06\tPhòng Cảnh sát quản lý hành chính\nCAX\tCông an xã nhà\tghi chú\n")
    merged = load_abbreviations(unit)
    assert merged["PC06"] == "Phòng Cảnh sát quản lý hành chính"
    assert merged["CAX"] == "Công an xã nhà"
    assert merged["ANTT"] == "an ninh trật tự"


@pytest.mark.parametrize(
    ("content", "line"),
    [(b"ANTT\tan ninh\n\nSAI\n", 3), (b"# x\nA B\tc\n", 2), (b"OK\tok\n\xff\xfe\tx\n", 2)],
)
def test_bad_lexicon_line_names_file_and_line(tmp_path: Path, content: bytes, line: int) -> None:
    from publish.errors import PublishError
    from publish.radio.normalise import load_abbreviations

    path = tmp_path / "hong.tsv"
    path.write_bytes(content)
    with pytest.raises(PublishError, match=rf"{path.name}:{line}: lỗi: .*\n    Cách sửa: "):
        load_abbreviations(path)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # The Mongolian vowel separator and the grapheme joiner stayed in the script.
        ("Gọi\u180e 113 ngay.", "Gọi một một ba ngay."),
        ("Bảo vệ an\u034f ninh.", "Bảo vệ an ninh."),
        # The Braille blank (Facebook's «invisible character») was read as a pause.
        ("Xem\u2800 tin.", "Xem tin."),
        ("Face\u00adbook, Za\u200blo\u2060.", "Facebook, Zalo."),
        # A joiner pasted between digits (the website shows «123»), now also by the loader.
        ("Có 12\u200c3 vụ.", "Có một trăm hai mươi ba vụ."),
        ("Có 12\u200d3 vụ.", "Có một trăm hai mươi ba vụ."),
        # A digit's variation selector with no keycap after it (a paste lost the keycap) was
        # read as an emoji's pause: «ba, vụ».
        ("Có 3\ufe0f vụ.", "Có ba vụ."),
        ("Có 3\ufe0e vụ.", "Có ba vụ."),
        # A zero-width non-joiner after punctuation or a space stayed in the script.
        ("Cảnh báo:\u200c lừa đảo.", "Cảnh báo: lừa đảo."),
        ("Cảnh báo,\u200c lừa đảo.", "Cảnh báo, lừa đảo."),
        ("Cảnh báo (\u200clừa đảo).", "Cảnh báo, lừa đảo."),
    ],
)
def test_the_script_drops_the_invisible_characters_the_loader_drops(text: str, said: str) -> None:
    """One list of invisible characters (publish.invisible) for the loader and the radio."""
    spoken = normalise(text)
    assert (spoken.text, spoken.flags) == (said, ())
