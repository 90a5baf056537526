"""Forms district police bulletins write every week, read as a presenter would say them on air.

Found by reading realistic bulletin sentences aloud through `publish speak`. Inputs go through
`normalise_fragment` like the spec's vectors: no sentence-start capital, no final stop.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise, normalise_fragment

# (input, expected human-script text)
VECTORS = [
    # The issuer the writer names after the signing date is said once, not twice (R13.3).
    (
        "căn cứ Nghị định số 168/2024/NĐ-CP ngày 26/12/2024 của Chính phủ",
        "căn cứ Nghị định số một trăm sáu mươi tám năm hai nghìn không trăm hai mươi tư ngày "
        "hai mươi sáu tháng mười hai năm hai nghìn không trăm hai mươi tư của Chính phủ",
    ),
    (
        "thực hiện Kế hoạch số 125/KH-CAH ngày 05/3/2024 của Công an huyện",
        "thực hiện Kế hoạch số một trăm hai mươi lăm ngày năm tháng ba năm hai nghìn không trăm "
        "hai mươi tư của Công an huyện",
    ),
    (
        "Quyết định số 1234/QĐ-UBND ngày 15/8/2024 của UBND tỉnh",
        "Quyết định số một nghìn hai trăm ba mươi tư ngày mười lăm tháng tám năm hai nghìn không "
        "trăm hai mươi tư của Ủy ban nhân dân tỉnh",
    ),
    # Nghị định 100's own wording for alcohol limits: the slash between spelled units is `trên`.
    (
        "vượt quá 0,4 miligam/1 lít khí thở",
        "vượt quá không phẩy bốn miligam trên một lít khí thở",
    ),
    (
        "chưa vượt quá 50 miligam/100 mililít máu",
        "chưa vượt quá năm mươi miligam trên một trăm mililít máu",
    ),
    (
        "nồng độ cồn 0,25 mg/L khí thở",
        "nồng độ cồn không phẩy hai mươi lăm mi-li-gam trên lít khí thở",
    ),
    # A short date written with a hyphen, as the police press writes it, after a day word (R7.2).
    ("sáng ngày 20-11, Công an huyện", "sáng ngày hai mươi tháng mười một, Công an huyện"),
    ("tối 21-9, hai nhóm thanh niên", "tối ngày hai mươi mốt tháng chín, hai nhóm thanh niên"),
    ("phạt tù từ 5-7 năm", "phạt tù từ năm đến bảy năm"),
    # …but a count after it makes it a range: `mỗi ngày 5-7 người` is no 5 July.
    ("mỗi ngày 5-7 người đến làm thủ tục", "mỗi ngày từ năm đến bảy người đến làm thủ tục"),
    ("tối 7-8 người tụ tập", "tối từ bảy đến tám người tụ tập"),
    ("trong đêm 2-3 đối tượng đột nhập", "trong đêm từ hai đến ba đối tượng đột nhập"),
    ("uống thuốc ngày 2-3 lần", "uống thuốc ngày từ hai đến ba lần"),
    # Days of a month written out after `ngày` (R7.5): never `ngày từ năm đến bảy tháng …`.
    ("từ ngày 5-7 tháng 12", "từ ngày năm đến ngày bảy tháng mười hai"),
    ("trong hai ngày 15-16 tháng 8", "trong hai ngày mười lăm và mười sáu tháng tám"),
    # Abbreviations every district bulletin uses, in the seed lexicon (R14.1) and R14.3, R14.4.
    ("Công an Tp.HCM", "Công an Thành phố Hồ Chí Minh"),
    ("tại TP. HCM", "tại Thành phố Hồ Chí Minh"),
    (
        "phối hợp với UBMTTQ, ĐTN, Hội LHPN xã",
        "phối hợp với Ủy ban Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Liên hiệp Phụ nữ xã",
    ),
    (
        "lực lượng CSKV và BVANTT ở cơ sở",
        "lực lượng Cảnh sát khu vực và bảo vệ an ninh trật tự ở cơ sở",
    ),
    ("phát triển KT-XH", "phát triển kinh tế, xã hội"),
    ("truy cập Zalo OA", "truy cập Zalo OA"),
    (
        "đối tượng Lê Văn G, Sn 1995, ngụ ấp Phú Hòa",
        "đối tượng Lê Văn G, sinh năm một nghìn chín trăm chín mươi lăm, ngụ ấp Phú Hòa",
    ),
    ("Ô. Trần Văn E và Bà Lê Thị F", "ông Trần Văn E và Bà Lê Thị F"),
    ("ông Nguyễn Văn Ô. Sau đó", "ông Nguyễn Văn Ô. Sau đó"),
    # A plate's two-letter series is read letter by letter, never blocked as an abbreviation.
    ("xe tải biển số 29LD-012.34", "xe tải biển số hai chín LD, không một hai, ba bốn"),
    # A 1900/1800 line is a phone number, trigger word or not (R9.3), in breath groups (R9.2).
    (
        "hoặc 1900.0368 hoặc 19000368",
        "hoặc một chín không không, không ba sáu tám hoặc một chín không không, không ba sáu tám",
    ),
    ("năm 1900 có 1900 người", "năm một nghìn chín trăm có một nghìn chín trăm người"),
    # A round amount typed without dots has a hotline's length, and is still an amount.
    ("diện tích 18000000 m2", "diện tích mười tám triệu mét vuông"),
    ("thiệt hại 1900000000 đồng", "thiệt hại một tỷ chín trăm triệu đồng"),
    # Signs and symbols of results tables and scam warnings, said, never left for the reader.
    ("tăng 3 vụ (+10%) so với", "tăng ba vụ, tăng mười phần trăm, so với"),
    ("số vụ tăng +2", "số vụ tăng hai"),
    # A landline with the country code: +84 and the area code's 10 digits, never `tăng`.
    (
        "Gọi (+84) 277 3861 234 ngay",
        "Gọi cộng tám bốn, hai bảy bảy, ba tám sáu một, hai ba bốn, ngay",
    ),
    ("tổng 3 + 2 vụ", "tổng ba cộng hai vụ"),
    ("Công an xã + dân quân tuần tra", "Công an xã và dân quân tuần tra"),
    (
        "gọi điện → yêu cầu chuyển tiền → chiếm đoạt",
        "gọi điện, yêu cầu chuyển tiền, chiếm đoạt",
    ),
    (
        "người dân cần: • Không cung cấp mã OTP • Không chuyển tiền",
        "người dân cần: Không cung cấp mã OTP. Không chuyển tiền",
    ),
    # A house or hamlet number with its letter, as addresses write it (like `QL1A`, R13.2).
    ("trú tại số nhà 45A, ấp 3B", "trú tại số nhà bốn mươi lăm A, ấp ba B"),
    # Streets named after a date, in every Southern address (R7.2 has no trigger for them).
    ("số nhà 12, đường 30/4, phường 1", "số nhà mười hai, đường ba mươi tháng tư, phường một"),
    ("trên đường 3/2 xảy ra va chạm", "trên đường ba tháng hai xảy ra va chạm"),
    # After a lunar date, `tức` gives its solar equivalent: month 1 is `tháng một` (R7.3).
    (
        "ngày 25 tháng Chạp, tức ngày 23/1/2025",
        "ngày hai mươi lăm tháng Chạp, tức ngày hai mươi ba tháng một năm hai nghìn không trăm "
        "hai mươi lăm",
    ),
    (
        "ngày 29/12 âm lịch, tức ngày 28/1/2025 dương lịch",
        "ngày hai mươi chín tháng chạp âm lịch, tức ngày hai mươi tám tháng một năm hai nghìn "
        "không trăm hai mươi lăm dương lịch",
    ),
    ("từ 23 tháng Chạp đến 6/1", "từ hai mươi ba tháng Chạp đến ngày sáu tháng giêng"),
    # A range of weekdays, as office hours are written: «thứ hai-sáu», «thứ hai, thứ sáu» were read.
    (
        "làm việc thứ 2-6; thứ 2 - thứ 6; từ thứ 2 - thứ 7; thứ Hai - thứ Sáu; thứ 2 - CN",
        "làm việc từ thứ hai đến thứ sáu; từ thứ hai đến thứ sáu; từ thứ hai đến thứ bảy; từ thứ "
        "Hai đến thứ Sáu; từ thứ hai đến chủ nhật",
    ),
    # Figures then the same amount in words in brackets, as decisions write them: read once.
    # «một, một, xe mô tô» was heard as eleven motorbikes, and every amount twice.
    (
        "thu giữ 01 (một) xe mô tô, 24 (hai mươi bốn) viên và 5.000.000đ (năm triệu đồng)",
        "thu giữ một xe mô tô, hai mươi tư viên và năm triệu đồng",
    ),
    ("phạt 7.500.000 đồng (Bảy triệu năm trăm nghìn đồng)", "phạt bảy triệu năm trăm nghìn đồng"),
    ("có 2 (hai) người (anh A và anh B)", "có hai người, anh A và anh B,"),
    # A height as wanted notices give it.
    ("cao khoảng 1m65, nặng 60kg", "cao khoảng một mét sáu mươi lăm, nặng sáu mươi ki-lô-gam"),
    # A range after «trong», «sau», «mất», «chừng» takes no «từ»: «trong từ hai đến ba ngày».
    (
        "trong 2-3 ngày, sau 2-3 ngày, mất 2-3 giờ, chừng 5-7 người, trong 3-5 triệu đồng",
        "trong hai đến ba ngày, sau hai đến ba ngày, mất hai đến ba giờ, chừng năm đến bảy người, "
        "trong ba đến năm triệu đồng",
    ),
    ("thực hiện 5 - 6 vụ", "thực hiện từ năm đến sáu vụ"),
    # The road's own «đường» before ĐT, ĐH, CT is said once: «tuyến đường đường tỉnh» was read.
    (
        "trên tuyến đường ĐT 741 và đường ĐH 12",
        "trên tuyến đường tỉnh bảy trăm bốn mươi mốt và đường huyện mười hai",
    ),
    # So it is after a km post, whose reading moved the text the road looked back in.
    (
        "tại Km 12+300 tuyến đường ĐT 741",
        "tại ki-lô-mét mười hai cộng ba trăm tuyến đường tỉnh bảy trăm bốn mươi mốt",
    ),
    # A document's number and year with no kind or issuer: «trên», or a month, was read.
    (
        "theo NĐ 168/2024, Chỉ thị 12/2024 và Kế hoạch số 25/2024",
        "theo nghị định một trăm sáu mươi tám năm hai nghìn không trăm hai mươi tư, Chỉ thị mười "
        "hai năm hai nghìn không trăm hai mươi tư và Kế hoạch số hai mươi lăm năm hai nghìn không "
        "trăm hai mươi tư",
    ),
    # A bar between parts of a line is a pause, and a phone sign opening a part is the number's
    # «số»: «một trăm mười ba Số năm đường Lê Lợi» was read as one phrase.
    (
        "☎️ 113 | 📍 Số 5 đường Lê Lợi | ⏰ 7h30-17h",
        "số một một ba, Số năm đường Lê Lợi, từ bảy giờ ba mươi phút đến mười bảy giờ",
    ),
    ("xem kỹ. 📞 1900 1234", "xem kỹ. Số một chín không không, một hai ba bốn"),
    ("gọi 📞 113 ngay", "gọi một một ba ngay"),
    # A gram written `gr` in seizure reports, as often as `g`.
    (
        "thu giữ 500gr ma túy, giá 200.000 đồng/gr",
        "thu giữ năm trăm gam ma túy, giá hai trăm nghìn đồng mỗi gam",
    ),
    # A driving licence's class is read as written, never held as a unit's unknown code (R14.7).
    (
        "tước GPLX hạng A1, bằng lái hạng A2 và B2, hạng FB2, hạng C1E",
        "tước giấy phép lái xe hạng A một, bằng lái hạng A hai và B hai, hạng FB hai, hạng C một E",
    ),
    # `T.` is the province in an address, as `H.` is the district: «tê Tiền Giang» was read.
    (
        "trú tại xã Tân Hòa, H. Châu Thành, T. Tiền Giang",
        "trú tại xã Tân Hòa, huyện Châu Thành, tỉnh Tiền Giang",
    ),
    ("Công an T. Bến Tre phối hợp", "Công an tỉnh Bến Tre phối hợp"),
    # … and still a name's initial after a name or a form of address.
    ("bị hại là chị Trần Thị T. Chị T. cho biết", "bị hại là chị Trần Thị T. Chị T. cho biết"),
    ("chị T. Minh Hà cho biết", "chị T. Minh Hà cho biết"),
    # … and everywhere but an address or before a province's name: «Đối tượng tỉnh Hùng» was read.
    ("Đối tượng T. Hùng khai nhận", "Đối tượng T. Hùng khai nhận"),
    ("Bị can T. Hùng khai nhận", "Bị can T. Hùng khai nhận"),
    ("Nạn nhân là T. Hoa, 20 tuổi", "Nạn nhân là T. Hoa, hai mươi tuổi"),
    ("Bị hại (T. Hoa) cho biết", "Bị hại, T. Hoa, cho biết"),
    ("Chữ ký của T. Hùng", "Chữ ký của T. Hùng"),
    ("Nguyễn Văn A, T. Minh Hùng bị bắt", "Nguyễn Văn A, T. Minh Hùng bị bắt"),
    ("Tại trụ sở. T. Hùng khai nhận", "Tại trụ sở. T. Hùng khai nhận"),
    ("H. Châu Thành, T. Tiền Giang", "huyện Châu Thành, tỉnh Tiền Giang"),
    ("H. Krông Pắc, T. Đăk Lăk", "huyện Krông Pắc, tỉnh Đăk Lăk"),  # the address says so
    ("sinh sống ở T. Thanh Hoá", "sinh sống ở tỉnh Thanh Hoá"),
    # A lunar month in the sentence before makes no solar date lunar: «tháng giêng» was read.
    (
        "từ 23 tháng Chạp đến mùng 6 tháng Giêng. Từ ngày 1/1 đến nay, có 5 vụ",
        "từ hai mươi ba tháng Chạp đến mùng sáu tháng Giêng. Từ ngày một tháng một đến nay, có "
        "năm vụ",
    ),
    (
        "ngày 23 tháng Chạp; ngày 1/1/2025 luật có hiệu lực",
        "ngày hai mươi ba tháng Chạp; ngày một tháng một năm hai nghìn không trăm hai mươi lăm luật có hiệu lực",
    ),
    # `QĐ-XPVPHC` names a penalty decision, not an issuer: no «của xử phạt …» (R13.3).
    (
        "Quyết định số 15/QĐ-XPVPHC ngày 3/12/2024",
        "Quyết định số mười lăm ngày ba tháng mười hai năm hai nghìn không trăm hai mươi tư",
    ),
    # Theft reports: gold's karat, and the hospital, treasury and phone abbreviations.
    (
        "thu giữ 02 ĐTDĐ, 3,5 chỉ vàng 24K",
        "thu giữ hai điện thoại di động, ba phẩy năm chỉ vàng hai mươi tư K",
    ),
    ("cấp cứu tại BVĐK tỉnh", "cấp cứu tại bệnh viện đa khoa tỉnh"),
    ("HKTT: ấp Hòa Lợi, nộp KBNN", "hộ khẩu thường trú: ấp Hòa Lợi, nộp Kho bạc Nhà nước"),
    # Administrative-reform and scam notices.
    ("trực 24/24h", "trực hai mươi tư trên hai mươi tư giờ"),
    (
        "theo TT số 28/2024/TT-BCA",
        "theo thông tư số hai mươi tám năm hai nghìn không trăm hai mươi tư của Bộ Công an",
    ),
    (
        "giả danh cán bộ CA, kích hoạt tài khoản ĐDĐT qua Cổng DVCQG",
        "giả danh cán bộ Công an, kích hoạt tài khoản định danh điện tử qua Cổng dịch vụ công "
        "quốc gia",
    ),
    # The law's motorbike classes, and the market-control team of joint inspections.
    (
        "dung tích xi lanh trên 175 cm3",
        "dung tích xi lanh trên một trăm bảy mươi lăm xăng-ti-mét khối",
    ),
    ("gồm Công an, QLTT, Thuế", "gồm Công an, quản lý thị trường, Thuế"),
    # Typed without the space, with a lower-case label, with the subscriber part whole.
    ("Công an TP.Cao Lãnh", "Công an thành phố Cao Lãnh"),
    ("sđt 0913123456", "số điện thoại không chín một ba, một hai ba, bốn năm sáu"),
    ("ĐT: 0277.3861234", "điện thoại: không hai bảy bảy, ba tám sáu, một hai ba bốn"),
]


@pytest.mark.parametrize(("text", "expected"), VECTORS)
def test_bulletin_form_is_read_as_said_on_air(text: str, expected: str) -> None:
    spoken = normalise_fragment(text)
    assert spoken.text == expected
    assert not spoken.blocking


def test_breath_test_reading_with_three_decimals_is_no_english_number() -> None:
    """`0,312 mg/l`: a breathalyser prints three decimals; `0,` starts no English thousands."""
    spoken = normalise_fragment("nồng độ cồn 0,312 mg/l khí thở")
    assert spoken.text == "nồng độ cồn không phẩy ba trăm mười hai mi-li-gam trên lít khí thở"
    assert not spoken.flags


def test_lettered_list_marks_are_not_read() -> None:
    """`a)`, `b)` of a list of offences, like `1.`, `-`: the reader does not say «a», «b» (R1.6)."""
    markdown = (
        "Đối tượng có các hành vi:\n\n"
        "a) Lừa đảo chiếm đoạt tài sản;\n"
        "b) Sử dụng trái phép tài sản;\n"
        "c. Làm giả con dấu.\n"
    )
    assert normalise(markdown).text == (
        "Đối tượng có các hành vi: Lừa đảo chiếm đoạt tài sản; Sử dụng trái phép tài sản; "
        "Làm giả con dấu."
    )


def test_lettered_number_in_the_unit_lexicon_keeps_its_reading() -> None:
    """`5K` of a unit's lexicon (the Covid slogan) is its entry, not `năm K`."""
    spoken = normalise_fragment("số 5K", abbreviations={"5K": "năm ca"})
    assert spoken.text == "số năm ca"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "nhà số 123/4A đường Nguyễn Huệ",
            "nhà số một trăm hai mươi ba trên bốn A đường Nguyễn Huệ",
        ),
        ("tại hẻm 45/2 đường Lê Lợi", "tại hẻm bốn mươi lăm trên hai đường Lê Lợi"),
        ("tại số nhà 45/2 đường Lê Lợi", "tại số nhà bốn mươi lăm trên hai đường Lê Lợi"),
        ("tại số 45/2/7 Lê Lợi", "tại số bốn mươi lăm trên hai trên bảy Lê Lợi"),
        ("ngõ 12/5 phố Huế", "ngõ mười hai trên năm phố Huế"),
    ],
)
def test_a_house_number_in_an_alley_is_read_as_an_address(text: str, expected: str) -> None:
    """«Nhà số 123/4A» was read «một trăm hai mươi ba/4A» (a slash and «4A» left to the
    reader, the bulletin held by Q1, Q2), «hẻm 45/2» flagged as a fraction to check (R12.3).
    After a word of an address the slash numbers a house off an alley: each part is a number
    with its letter (as `số nhà 45A`), the slash «trên», the reading R12.3 gives `a/b`."""
    spoken = normalise_fragment(text)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_ratio_or_a_number_not_in_an_address_is_still_checked() -> None:
    """`tỷ lệ 45/2`, `số 45/2` not followed by a street: R12.3 as before, told to the editor."""
    for text in ("tỷ lệ 45/2 là cao", "tại số 45/2 có hai vụ"):
        spoken = normalise_fragment(text)
        assert "bốn mươi lăm trên hai" in spoken.text
        assert [f.code for f in spoken.flags] == ["R12.3"]
