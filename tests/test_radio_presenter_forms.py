"""What a presenter says for forms a previous pass left wrong: content beside a web or e-mail
address, national abbreviations, fractions, file extensions, brands in capitals, `hôm 2/9`.

Inputs go through `normalise` (a whole bulletin paragraph: sentence capitals and stops) or
`normalise_fragment` like the spec's vectors.
"""

from __future__ import annotations

import unicodedata

import pytest

from publish.radio.normalise import SpeakOptions, normalise, normalise_fragment, tts_text

# An address goes; the number or other way of reaching the unit in its sentence is read (R1.4).
ADDRESSES = [
    (
        "Người dân có thể gửi email: x@y.vn hoặc Zalo 0913 123 456.",
        "Người dân có thể gửi Zalo không chín một ba, một hai ba, bốn năm sáu.",
    ),
    (
        "Người dân có thể liên hệ qua email x@y.vn hoặc gọi số 0913 123 456.",
        "Người dân có thể gọi số không chín một ba, một hai ba, bốn năm sáu.",
    ),
    (
        "Liên hệ qua email congan@example.vn, hoặc số 0913 123 456.",
        "Liên hệ qua số không chín một ba, một hai ba, bốn năm sáu.",
    ),
    (
        "Gọi 0913 123 456, hoặc gửi email tới x@y.vn.",
        "Gọi không chín một ba, một hai ba, bốn năm sáu.",
    ),
    (
        "Gọi 113 hoặc gửi thư tới x@y.vn để được hướng dẫn.",
        "Gọi một một ba để được hướng dẫn.",
    ),
    (
        "Phản ánh qua website congan.example.vn hoặc đường dây nóng 0277 3610 113.",
        "Phản ánh qua đường dây nóng không hai bảy bảy, ba sáu một không, một một ba.",
    ),
    (
        "Thông tin gửi về hộp thư congan@example.vn và số Zalo 0913 123 456.",
        "Thông tin gửi về số Zalo không chín một ba, một hai ba, bốn năm sáu.",
    ),
    # «Xem tại» a bare address is R1.3's call to action, but the number in it is still read.
    (
        "Người dân có thể xem tại website congan.example.vn hoặc gọi 113.",
        "Người dân có thể gọi một một ba.",
    ),
    # The clause goes, not the sentence, when the rest of it holds a number.
    ("Hotline 113, email x@y.vn.", "Hotline một một ba."),
    ("Gửi thư tới a@b.vn để được hỗ trợ, hoặc gọi 113.", "Gọi một một ba."),
    # Going in person is another way too: the address and the `qua` leading to it go, the
    # verb leads into it. It went with the sentence, the in-person option lost with it.
    (
        "Gửi ý kiến qua thư điện tử congan@example.gov.vn, hoặc trực tiếp tại trụ sở Công an xã.",
        "Gửi ý kiến trực tiếp tại trụ sở Công an xã.",
    ),
    (
        "Gửi hồ sơ qua email congan@example.vn hoặc trực tiếp tại trụ sở Công an xã.",
        "Gửi hồ sơ trực tiếp tại trụ sở Công an xã.",
    ),
    # One of a list: its comma goes, the connector before the last way stays.
    (
        "Gửi ý kiến qua điện thoại 0277.3861.234, thư điện tử congan@example.gov.vn hoặc trực "
        "tiếp tại trụ sở Công an xã.",
        "Gửi ý kiến qua điện thoại không hai bảy bảy, ba tám sáu một, hai ba bốn hoặc trực tiếp "
        "tại trụ sở Công an xã.",
    ),
    (
        "Gọi 0913 123 456, gửi email x@y.vn hoặc nhắn Zalo 0913 123 457.",
        "Gọi không chín một ba, một hai ba, bốn năm sáu hoặc nhắn Zalo không chín một ba, một "
        "hai ba, bốn năm bảy.",
    ),
    # Going in person with its own verb (`nộp`, `đăng ký`) replaces the whole way holding the
    # address, from its verb, as `hoặc gọi 113` does. The whole sentence went.
    (
        "Người dân có thể gửi hồ sơ qua email congan@example.gov.vn hoặc nộp trực tiếp tại trụ sở.",
        "Người dân có thể nộp trực tiếp tại trụ sở.",
    ),
    (
        "Người dân có thể đăng ký qua congan.example.vn hoặc đăng ký trực tiếp tại trụ sở Công "
        "an xã.",
        "Người dân có thể đăng ký trực tiếp tại trụ sở Công an xã.",
    ),
    (
        "Gọi 113, gửi email x@y.vn hoặc nộp hồ sơ trực tiếp tại bộ phận một cửa.",
        "Gọi một một ba hoặc nộp hồ sơ trực tiếp tại bộ phận một cửa.",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSES)
def test_a_dropped_address_takes_nothing_else_of_its_sentence(text: str, expected: str) -> None:
    spoken = normalise(text)
    assert spoken.text == expected
    assert [f.code for f in spoken.flags] == ["R1.4"]
    assert spoken.flags[0].message.startswith("Đã bỏ vế câu chứa địa chỉ")


# National abbreviations of police and administrative writing, in the seed lexicon (R14.1).
ABBREVIATIONS = [
    ("truy cứu TNHS đối tượng", "truy cứu trách nhiệm hình sự đối tượng"),
    (
        "BCH PCTT&TKCN xã",
        "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã",
    ),
    ("công tác PCTT", "công tác phòng, chống thiên tai"),
    ("kiểm tra ATVSTP, VSATTP", "kiểm tra an toàn vệ sinh thực phẩm, vệ sinh an toàn thực phẩm"),
    ("mùa khô, công tác PCCCR", "mùa khô, công tác phòng cháy, chữa cháy rừng"),
    ("Luật GTĐB", "Luật giao thông đường bộ"),
    ("đảm bảo TTGT dịp Tết", "đảm bảo trật tự giao thông dịp Tết"),
    ("Phòng LĐTBXH huyện", "Phòng Lao động, Thương binh và Xã hội huyện"),
    ("Sở LĐ-TB&XH tỉnh", "Sở Lao động, Thương binh và Xã hội tỉnh"),
    ("Ủy viên UBKT Huyện ủy", "Ủy viên Ủy ban Kiểm tra Huyện ủy"),
    ("BTV Huyện ủy chỉ đạo", "Ban Thường vụ Huyện ủy chỉ đạo"),
    ("theo QĐ của UBND huyện", "theo quyết định của Ủy ban nhân dân huyện"),
    ("theo NĐ 100", "theo nghị định một trăm"),
    ("tuyên truyền trên MXH cho HSSV", "tuyên truyền trên mạng xã hội cho học sinh, sinh viên"),
    ("cấp GCN QSDĐ giả", "cấp giấy chứng nhận quyền sử dụng đất giả"),
]


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS)
def test_a_national_abbreviation_is_read_not_blocked(text: str, expected: str) -> None:
    spoken = normalise_fragment(text)
    assert spoken.text == expected
    assert not spoken.flags


@pytest.mark.parametrize("token", ["HU", "TU", "ĐU"])
def test_a_party_committee_is_not_guessed_and_the_editor_is_told_how_to_add_it(
    token: str,
) -> None:
    """`TU` is Tỉnh ủy or Thành ủy: the unit's own file says which; the message tells how."""
    spoken = normalise_fragment(f"đồng chí Bí thư {token} dự")
    assert spoken.text == f"đồng chí Bí thư {token} dự"
    [flag] = spoken.flags
    assert (flag.code, flag.severity) == ("R14.6", "blocking")
    assert "[radio] abbreviations trong site.toml" in flag.message
    assert f"«{token}<TAB>…»" in flag.message and "Tab" in flag.message


@pytest.mark.parametrize(
    ("text", "fraction"),
    [("giảm 1/4 số vụ", "một phần tư"), ("khoảng 3/4 diện tích", "ba phần tư")],
)
def test_a_quarter_is_phan_tu_as_a_presenter_says_it(text: str, fraction: str) -> None:
    """R12.3 reads `1/2` «một phần hai»; the spec is silent on 4, said «tư» here as in «thứ tư»
    and whatever the station's `four_after_tens` (a Southern reader says «một phần tư» too)."""
    expected = text.replace(text.split()[1], fraction)
    spoken = normalise_fragment(text)
    assert spoken.text == expected
    assert normalise_fragment(text, options=SpeakOptions(four_after_tens="bốn")).text == expected
    [flag] = spoken.flags  # a fraction that could be a date (R7.2) says what was read
    assert f"«{fraction}»" in flag.message


@pytest.mark.parametrize(
    "written", ["TP.HCM", "TP. HCM", "TP HCM", "Tp. HCM", "TPHCM", "Tp.HCM", "TP. Hồ Chí Minh"]
)
def test_ho_chi_minh_city_has_one_spelling_however_its_prefix_is_typed(written: str) -> None:
    """§6 reads `TP.HCM` «Thành phố Hồ Chí Minh» (its capital T is the city's name, as in
    Decree 30/2020); `TP. HCM` gave «thành phố …» in the same bulletin."""
    assert normalise_fragment(f"tại {written} có").text == "tại Thành phố Hồ Chí Minh có"
    assert normalise(f"{written} có nhiều vụ.").text == "Thành phố Hồ Chí Minh có nhiều vụ."
    assert normalise_fragment("tại TP. Hà Nội").text == "tại thành phố Hà Nội"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "cài đặt ứng dụng giả mạo (file .apk) từ đường link lạ",
            "cài đặt ứng dụng giả mạo, file APK, từ đường link lạ",
        ),
        ("ứng dụng giả mạo có đuôi .apk", "ứng dụng giả mạo có đuôi APK"),
        ("không cài tệp .APK, .exe lạ", "không cài tệp APK, EXE lạ"),
    ],
)
def test_a_fake_apps_file_type_is_named_by_its_letters(text: str, expected: str) -> None:
    """`.apk` ran into the word before («file.apk»); a presenter says «đuôi a-pê-ca», no «chấm»:
    the script keeps the letters like OTP, the draft audio spells them (R16.4)."""
    spoken = normalise_fragment(text)
    assert spoken.text == expected
    assert not spoken.flags
    assert tts_text("có đuôi APK") == "có đuôi a pê ca"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hôm 2-9, người dân nghỉ lễ.", "Hôm hai tháng chín, người dân nghỉ lễ."),
        ("Hôm 2/9 người dân nghỉ lễ.", "Hôm hai tháng chín người dân nghỉ lễ."),
        (
            "Sáng hôm 2/9/2024, tổ công tác ra quân.",
            "Sáng hôm hai tháng chín năm hai nghìn không trăm hai mươi tư, tổ công tác ra quân.",
        ),
        ("Hôm 15-16/8, đoàn kiểm tra.", "Hôm mười lăm và mười sáu tháng tám, đoàn kiểm tra."),
        # Other day words still take `ngày`, as R7.2 says.
        (
            "Tối 21-9, hai nhóm thanh niên.",
            "Tối ngày hai mươi mốt tháng chín, hai nhóm thanh niên.",
        ),
    ],
)
def test_hom_names_the_day_so_no_ngay_is_added(text: str, expected: str) -> None:
    """R7.2 puts `ngày` before a short date after a trigger; after `hôm`, itself the day,
    that said «hôm ngày hai tháng chín»: R7.1's «do not repeat ngày» covers it."""
    spoken = normalise(text)
    assert spoken.text == expected
    assert not spoken.flags


def test_scam_warning_words_read_as_a_presenter_says_them() -> None:
    """`Hotline`, `app`, `link`, brands stay as written, OTP and QR for the reader to spell
    (R16.4 spells them in draft audio); an app name shouted in capitals is that app, not an
    unknown abbreviation blocking the item (R14.6)."""
    spoken = normalise_fragment(
        "chuyển tiền qua ví MOMO, nhắn qua FACEBOOK, TIKTOK, cung cấp mã OTP, quét mã QR, tải "
        "app qua link trên Messenger, Zalo, Hotline: 113"
    )
    assert spoken.text == (
        "chuyển tiền qua ví MoMo, nhắn qua Facebook, TikTok, cung cấp mã OTP, quét mã QR, tải "
        "app qua link trên Messenger, Zalo, Hotline: một một ba"
    )
    assert not spoken.flags
    assert tts_text("mã OTP, mã QR") == "mã o tê pê, mã quy e rờ"


@pytest.mark.parametrize(
    "text",
    [
        "Người dân có thể truy cập https://dichvucong.gov.vn và làm theo hướng dẫn để nộp hồ sơ.",
        "Tra cứu tại tinnhiemmang.vn hoặc hỏi ý kiến người thân trước khi chuyển tiền.",
        "Đăng nhập vneid.gov.vn và chọn mục thủ tục hành chính.",
        # In person, but no `qua` before the address to go with it: «nộp qua cổng tại bộ phận
        # một cửa» is no sentence.
        "Hồ sơ nộp qua cổng dichvucong.gov.vn hoặc tại bộ phận một cửa.",
        # Its own verb, but no going in person: which way the portal is, is not known.
        "Người dân gửi hồ sơ qua email congan@example.gov.vn hoặc nộp tại Cổng dịch vụ công.",
    ],
)
def test_an_address_before_the_next_step_is_no_alternative_to_drop_alone(text: str) -> None:
    """«và làm theo hướng dẫn» after an address is what to do next, not another way to reach
    the unit: dropping only the address left «truy cập làm theo hướng dẫn» on air. The
    sentence goes whole, as before the alternatives rule (R1.4)."""
    spoken = normalise(text)
    assert spoken.text == ""
    assert spoken.flags[0].message.startswith("Đã bỏ câu chứa địa chỉ")


def test_a_year_or_a_count_does_not_keep_a_fragment_of_a_sentence_with_an_address() -> None:
    """Only a number to call keeps the rest of such a sentence: «Trong năm 2024.» alone, what a
    year kept, is no sentence to read on air; the whole sentence goes, flagged, as before."""
    spoken = normalise(
        "Trong năm 2024, đơn vị tiếp nhận 1.250 hồ sơ qua dichvucong.gov.vn và xử lý đúng hạn. "
        "Gọi 113 khi cần."
    )
    assert spoken.text == "Gọi một một ba khi cần."
    assert [f.code for f in spoken.flags] == ["R1.4"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Người dân nhận cuộc gọi từ số 091*****78.",
            "Người dân nhận cuộc gọi từ số bắt đầu bằng không chín một, kết thúc bằng bảy tám.",
        ),
        (
            "Kẻ gian dùng 0912.xxx.678 để gọi.",
            "Kẻ gian dùng số bắt đầu bằng không chín một hai, kết thúc bằng sáu bảy tám, để gọi.",
        ),
        ("Số 0912.***.678 gọi tới.", "Số bắt đầu bằng không chín một hai, kết thúc bằng sáu bảy tám, gọi tới."),
        ("Không nghe máy lạ 0868.***.***.", "Không nghe máy lạ số bắt đầu bằng không tám sáu tám."),
        # Bold numbers side by side are no masked number.
        ("Gọi **113** **114** ngay.", "Gọi một một ba, một một bốn ngay."),
    ],
)  # fmt: skip
def test_a_number_with_hidden_digits_is_read_as_where_it_starts_and_ends(
    text: str, expected: str
) -> None:
    """`publish check` tells editors to hide a number's middle (087*******89): the script read
    the digits either side as two numbers, «chín mươi mốt bảy mươi tám», with no flag, and the
    listener heard a number that does not exist."""
    spoken = normalise(text)
    assert spoken.text == expected
    assert not spoken.flags


@pytest.mark.parametrize(
    "text", ["Chuyển vào tài khoản 012*****89 tại ngân hàng.", "STK 1903***456 tại ngân hàng."]
)
def test_an_account_number_with_hidden_digits_is_not_read(text: str) -> None:
    """A masked account number was read as two numbers: like a whole one, it goes (R9.5)."""
    spoken = normalise(text)
    assert "tài khoản tại ngân hàng" in spoken.text.lower()
    assert [f.code for f in spoken.flags] == ["R9.5"]
    assert "*" in spoken.flags[0].excerpt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bấm *101# để kiểm tra tài khoản.", "Bấm sao một không một thăng để kiểm tra tài khoản."),
        ("Bấm `*101#` để kiểm tra.", "Bấm sao một không một thăng để kiểm tra."),
        ("Gõ *#06# để xem số máy.", "Gõ sao thăng không sáu thăng để xem số máy."),
        # Single stars around a code opening with a hash are keys, not italics (`*#06#`).
        (
            "Kẻ gian bảo bấm *#06#* để lấy mã.",
            "Kẻ gian bảo bấm sao thăng không sáu thăng sao để lấy mã.",
        ),
        ("Soạn #100# rồi gửi.", "Soạn thăng một không không thăng rồi gửi."),
        (
            "Không bấm *21*0912345678#.",
            "Không bấm sao hai một sao không chín một hai ba bốn năm sáu bảy tám thăng.",
        ),
        ("Bấm \\*101\\# rồi gọi.", "Bấm sao một không một thăng rồi gọi."),
        (
            "*101# và *102# là mã thật.",
            "Sao một không một thăng và sao một không hai thăng là mã thật.",
        ),
    ],
)
def test_a_keypad_code_is_said_key_by_key_with_its_star_and_hash(text: str, expected: str) -> None:
    """«bấm *101#» in a scam warning was read «bấm một trăm linh một»: the star and hash went
    (R12.6, the hash as a hashtag's mark) and the digits made a number, so no listener could
    dial it. A code a listener dials is said key by key, as operators' recordings say it:
    «sao» for the star, «thăng» for the hash, each digit alone."""
    spoken = normalise(text)
    assert spoken.text == expected
    assert not spoken.flags


@pytest.mark.parametrize(
    "text",
    ["Soạn **#100#** rồi gửi.", "Soạn _#100#_ rồi gửi.", "Soạn ***#100#*** rồi gửi."],
)
def test_a_keypad_code_in_bold_or_italic_is_still_said_key_by_key(text: str) -> None:
    """A code in bold or italics, as a warning stresses it, was read «một trăm»: the marks
    beside it were taken for keys or a word, so it was no code."""
    spoken = normalise(text)
    assert spoken.text == "Soạn thăng một không không thăng rồi gửi."
    assert not spoken.flags


def test_a_keypad_code_closing_an_italic_is_still_said_key_by_key() -> None:
    """The italic mark closing right after the code is no key of it."""
    spoken = normalise("*Bấm \\*101#* để kiểm tra.")
    assert spoken.text == "Bấm sao một không một thăng để kiểm tra."


def test_a_hashtag_or_a_hash_after_a_word_is_no_keypad_code() -> None:
    """Only a code that opens with a star or a hash and closes with a hash is dialled."""
    assert normalise("Chiến dịch #AnToan năm nay.").text == "Chiến dịch AnToan năm nay."
    assert normalise_fragment("số 5# cũ").text == "số năm cũ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BTV H. Lan dẫn chương trình.", "Biên tập viên H. Lan dẫn chương trình."),
        ("Thưa quý vị, BTV Hoàng Lan xin chào.", "Thưa quý vị, biên tập viên Hoàng Lan xin chào."),
        ("TS. Nguyễn Văn B cho biết.", "Tiến sĩ Nguyễn Văn B cho biết."),
        ("ThS Nguyễn Văn A cho biết.", "Thạc sĩ Nguyễn Văn A cho biết."),
        ("BS Trần Thị C khuyến cáo.", "Bác sĩ Trần Thị C khuyến cáo."),
        ("PGS.TS Trần Văn C phát biểu.", "Phó giáo sư, tiến sĩ Trần Văn C phát biểu."),
        ("Theo ThS.BS Lê Thị D, trẻ cần ngủ đủ.", "Theo thạc sĩ, bác sĩ Lê Thị D, trẻ cần ngủ đủ."),
        ("LS Phạm Văn E bào chữa.", "Luật sư Phạm Văn E bào chữa."),
    ],
)
def test_a_title_before_a_persons_name_is_read_as_the_title(text: str, expected: str) -> None:
    """«BTV H. Lan» was read «Ban Thường vụ H. Lan»; «TS», «BS» before a name held the item
    as unknown capitals and «ThS» went to the presenter unread. Before a person's name (an
    initial and a given name, or a name in title case) each is the person's title."""
    spoken = normalise(text)
    assert spoken.text == expected
    assert not spoken.flags


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trong năm TS. Nguyễn Văn A đã có nhiều đóng góp.",
            "Trong năm tiến sĩ Nguyễn Văn A đã có nhiều đóng góp.",
        ),
        ("Cuối năm TS. Trần Văn B nghỉ hưu.", "Cuối năm tiến sĩ Trần Văn B nghỉ hưu."),
        ("Sau mười năm BS. Lê Thị C trở về.", "Sau mười năm bác sĩ Lê Thị C trở về."),
    ],
)
def test_a_title_after_the_year_word_is_the_persons(text: str, expected: str) -> None:
    """«năm» counted as the number five before «TS.» («năm TS.» = five assets): «trong năm TS.
    Nguyễn Văn A» ended a sentence and held the bulletin for an unknown «TS». After «trong»,
    «cuối», «mười»… «năm» is the year."""
    spoken = normalise(text)
    assert spoken.text == expected
    assert not spoken.flags


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Công an thu giữ nhiều TS. Nguyễn Văn A khai nhận.", "tiến sĩ"),
        ("Xe không có BS. Nguyễn Văn B khai nhận.", "bác sĩ"),
        ("Huyện ủy kiện toàn BTV. Nguyễn Văn C được bầu.", "biên tập viên"),
        ("Đã thu giữ 2 TS. Nguyễn Văn D khai nhận.", "tiến sĩ"),
        ("Đối tượng lấy trộm BS. Lê Văn E bị bắt.", "bác sĩ"),
    ],
)
def test_a_title_ending_a_sentence_is_no_title_of_the_next_ones_name(text: str, wrong: str) -> None:
    """«TS.» after an ordinary word ends its sentence («tài sản», «biển số», «Ban Thường vụ»):
    it was read as the title of the name opening the next one."""
    assert wrong not in normalise(text).text.lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ý kiến của TS. Nguyễn Văn An về vụ việc.", "của tiến sĩ Nguyễn Văn An về"),
        ("Trao đổi với BS. Trần Thị Bình sáng nay.", "với bác sĩ Trần Thị Bình sáng"),
        ("Bị can được LS. Phạm Văn Dũng bào chữa.", "được luật sư Phạm Văn Dũng bào"),
        ("Đoàn cùng ThS. Lê Văn Cường kiểm tra.", "cùng thạc sĩ Lê Văn Cường kiểm tra"),
        ("Người hướng dẫn là PGS. Hoàng Văn Em.", "là phó giáo sư Hoàng Văn Em."),
        ("Khách mời là TS. Đỗ Thị Phương.", "là tiến sĩ Đỗ Thị Phương."),
    ],
)
def test_a_title_with_a_full_stop_after_a_word_a_person_follows_is_a_title(
    text: str, expected: str
) -> None:
    """«của TS. Nguyễn Văn An» was held as unknown capitals, and «cùng ThS. Lê Văn Cường» read
    «thạc sĩ. Lê Văn Cường»: every title after a word was taken for a sentence's end. Only
    «tài sản», «biển số», «Ban Thường vụ» end one, after a word that takes a noun there."""
    spoken = normalise(text)
    assert expected in spoken.text
    assert not spoken.flags


def test_a_title_after_a_comma_a_colon_or_theo_is_still_a_title() -> None:
    """Where «. » is no sentence's end: a sentence's start, after «,», «:» or «Theo»."""
    assert normalise("Ông A, TS. Nguyễn Văn B cho biết.").text == (
        "Ông A, tiến sĩ Nguyễn Văn B cho biết."
    )
    assert normalise("Khách mời: BS. Lê Thị D.").text == "Khách mời: bác sĩ Lê Thị D."
    assert normalise("Theo TS. Trần Văn E, trẻ cần ngủ đủ.").text.startswith("Theo tiến sĩ ")


def test_the_units_own_reading_of_a_title_wins_before_a_name() -> None:
    """A unit whose dictionary says `TS<TAB>tài sản` means it: «trả TS Nguyễn Văn A» was read
    «trả tiến sĩ Nguyễn Văn A» whatever the dictionary said."""
    spoken = normalise("Đã trả TS Nguyễn Văn A nhận lại.", abbreviations={"TS": "tài sản"})
    assert spoken.text == "Đã trả tài sản Nguyễn Văn A nhận lại."
    assert normalise(
        "BTV H. Lan dẫn chương trình.", abbreviations={"BTV": "Ban Thường vụ"}
    ).text == ("Biên tập viên H. Lan dẫn chương trình.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BTV Huyện ủy họp.", "Ban Thường vụ Huyện ủy họp."),
        ("Ủy viên BTV Tỉnh đoàn dự.", "Ủy viên Ban Thường vụ Tỉnh đoàn dự."),
        ("BTV Đoàn Thanh niên họp.", "Ban Thường vụ Đoàn Thanh niên họp."),
    ],
)
def test_btv_before_a_committee_is_still_its_standing_committee(text: str, expected: str) -> None:
    """Only a person's name makes «BTV» an editor: before a party or youth committee it stays
    «Ban Thường vụ»."""
    assert normalise(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ông An là ThS kinh tế.", "Ông An là thạc sĩ kinh tế."),
        (
            "Theo các ThS ngành luật, hợp đồng này sai.",
            "Theo các thạc sĩ ngành luật, hợp đồng này sai.",
        ),
        ("Ông An là ThS. Ông công tác ở xã.", "Ông An là thạc sĩ. Ông công tác ở xã."),
    ],
)
def test_ths_away_from_a_name_is_read_as_the_degree(text: str, expected: str) -> None:
    """«ThS» not before a name was neither read nor flagged (the check looks at words in
    capitals only): the presenter met it unread. It means «thạc sĩ» wherever it stands."""
    spoken = normalise(text)
    assert spoken.text == expected
    assert not spoken.flags


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Công ty PV Oil đã nộp thuế.", "Công ty PV Oil đã nộp thuế."),
        ("Nhân viên PV Power bị lừa.", "Nhân viên PV Power bị lừa."),
        ("Trao đổi với PV, anh An cho biết.", "Trao đổi với phóng viên, anh An cho biết."),
        ("PV Hương thực hiện.", "Phóng viên Hương thực hiện."),
    ],
)
def test_pv_opening_a_company_s_name_is_no_reporter(text: str, expected: str) -> None:
    """«PV GAS», «PV Oil» were read «phóng viên GAS», «phóng viên Oil»: a PetroVietnam company,
    whose name the presenter reads as written; a reporter is still «phóng viên»."""
    spoken = normalise(text)
    assert spoken.text == expected
    assert not spoken.flags


def test_pv_gas_keeps_its_letters_and_asks_for_the_reading_of_gas() -> None:
    """«GAS» is no Vietnamese word: it is held for the editor as any unknown capitals, «PV» is not."""
    spoken = normalise("Công ty PV GAS đã nộp thuế.")
    assert spoken.text == "Công ty PV GAS đã nộp thuế."
    assert [f.excerpt for f in spoken.blocking] == ["GAS"]


def test_ts_or_bs_not_before_a_name_is_still_held() -> None:
    """«TS» (tài sản in a police report), «BS» (biển số) are not guessed away from a name."""
    assert [f.excerpt for f in normalise("Trộm TS của gia đình.").blocking] == ["TS"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lưu tệp vào thư mục C của máy tính.", "Lưu tệp vào thư mục C của máy tính."),
        ("Mở ổ D, vào thư mục D rồi chọn tệp.", "Mở ổ D, vào thư mục D rồi chọn tệp."),
        ("Đánh dấu vào mục C của tờ khai.", "Đánh dấu vào mục C của tờ khai."),
        ("Hồ sơ nộp theo phần M.", "Hồ sơ nộp theo phần M."),
        ("Xem mục V của thông báo.", "Xem mục năm của thông báo."),
        ("Phần XII nói về hồ sơ.", "Phần mười hai nói về hồ sơ."),
    ],
)
def test_one_letter_after_a_lead_word_is_a_letter_not_a_large_roman_numeral(
    text: str, expected: str
) -> None:
    """«thư mục C» (a drive) was read «thư mục một trăm», «mục D» «mục năm trăm»: no report
    numbers a part 50, 100, 500 or 1,000 with one letter, a drive or a form's box does."""
    assert normalise(text).text == expected


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Khởi tố vụ án trộm cắp TS. Nguyễn Văn A khai nhận tại cơ quan.", "tiến sĩ"),
        ("Đối tượng có hành vi cưỡng đoạt TS. Nguyễn Văn A bị bắt sau đó.", "tiến sĩ"),
        ("Thu giữ một xe mô tô không BS. Nguyễn Văn A khai nhận.", "bác sĩ"),
        ("Thiệt hại về TS. Nguyễn Văn A khai nhận đã lấy trộm.", "tiến sĩ"),
        ("Không có thiệt hại về người và TS. Nguyễn Văn A bị bắt.", "tiến sĩ"),
        ("Ban Chấp hành đã bầu BTV. Nguyễn Văn A được bầu làm Bí thư.", "biên tập viên"),
    ],
)
def test_a_title_with_a_full_stop_after_an_ordinary_word_still_ends_a_sentence(
    text: str, wrong: str
) -> None:
    """Only a short list of words («nhiều», «trộm», a number…) let «TS.», «BS.», «BTV.» end a
    sentence: after any other word it was read silently as the title of the next sentence's
    name («trộm cắp tiến sĩ Nguyễn Văn A»). They end one after any word a person does not
    follow, held with a warning when the dictionary has no reading for them."""
    spoken = normalise(text)
    assert wrong not in spoken.text.lower()
    assert spoken.flags or "Ban Thường vụ." in spoken.text


def test_the_advice_for_a_held_title_is_not_to_put_it_in_the_dictionary() -> None:
    """The held «TS.» was told to go into the unit's dictionary as `TS<TAB>…`: a reading there
    wins over «tiến sĩ» before every name, so «TS Nguyễn Văn A» would then be read that way."""
    [flag] = normalise("Thiệt hại về TS. Nguyễn Văn A khai nhận.").flags
    assert flag.code == "R14.6"
    assert "TS<TAB>" not in flag.message
    assert "«tài sản»" in flag.message and "Không nên thêm «TS»" in flag.message


def test_a_capital_letter_alone_in_brackets_is_told() -> None:
    """«xã Tân Phú (H)» was read «xã Tân Phú, H,» with no word to the editor: an abbreviation
    («huyện»?) the reader can only spell. R14.6 holds unknown capitals of two letters or more,
    so one letter, read as written, is a warning that says how to fix it."""
    spoken = normalise("Tại xã Tân Phú (H) xảy ra vụ cháy.")
    assert spoken.text == "Tại xã Tân Phú, H, xảy ra vụ cháy."
    [flag] = spoken.flags
    assert (flag.code, flag.severity) == ("R14.6", "warning")
    assert "«H»" in flag.message and "viết đầy đủ" in flag.message


@pytest.mark.parametrize(
    "source",
    [
        "Tại xã Tân Phú (TP) xảy ra vụ cháy. Công an xã TP đã đến.",
        "Tại xã Tân Phú (TP) xảy ra vụ cháy.\n\nCông an xã TP đã đến.",
    ],
)
def test_initials_written_for_a_name_then_read_as_the_lexicons_word_are_held(source: str) -> None:
    """«xã Tân Phú (TP)» makes «TP» the commune's initials, and the bracket goes unread as a
    name's initials do; but the next «Công an xã TP» was read «Công an xã thành phố» with no
    flag. The spec's R14.5: an abbreviation with two readings the context cannot choose
    between is held (blocking) until written in full."""
    spoken = normalise(source)
    assert spoken.text.startswith("Tại xã Tân Phú xảy ra vụ cháy.")
    [flag] = spoken.blocking
    assert flag.code == "R14.5" and "«Tân Phú»" in flag.message and "«thành phố»" in flag.message


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("Công an xã TP đã đến hiện trường.\n\nTại xã Tân Phú (TP) xảy ra vụ cháy.", 1),
        (
            "Tin từ Công an xã TP.\n\n- Tại xã Tân Phú (TP) xảy ra vụ cháy.\n- Không ai bị thương.",
            1,
        ),
        (
            "Vụ cháy xảy ra lúc 7h.\n\n- Công an xã TP đã đến.\n- Tại xã Tân Phú (TP) có cháy.",
            3,
        ),
    ],
)
def test_initials_used_before_the_bracket_that_writes_them_for_a_name_are_held(
    source: str, line: int
) -> None:
    """«Công an xã TP» in a paragraph (or list item) before «xã Tân Phú (TP)» was read «Công
    an xã thành phố» with no flag: only the uses after the bracket were looked for. The doc
    (doc-phat-thanh.md, chữ viết tắt) holds the bulletin wherever else it uses them alone, «mà
    bản tin lại dùng riêng chúng ở chỗ khác», before or after (R14.5), at the line of that use."""
    [flag] = normalise(source).blocking
    assert flag.code == "R14.5" and "«Tân Phú»" in flag.message and "«thành phố»" in flag.message
    assert flag.line == line


def test_initials_in_brackets_used_once_or_before_a_city_are_read_as_before() -> None:
    """Said once, the initials go unread (no flag); `TP. Hồ Chí Minh` is still the city."""
    once = normalise("Tại xã Tân Phú (TP) xảy ra vụ cháy.")
    assert (once.text, once.flags) == ("Tại xã Tân Phú xảy ra vụ cháy.", ())
    city = normalise("Tại xã Tân Phú (TP) xảy ra vụ cháy. Người dân TP. Hồ Chí Minh đến.")
    assert city.flags == () and "Thành phố Hồ Chí Minh" in city.text
    before = normalise("Người dân TP. Hồ Chí Minh đến.\n\nTại xã Tân Phú (TP) xảy ra vụ cháy.")
    assert before.flags == () and "Thành phố Hồ Chí Minh" in before.text


def test_an_abbreviation_the_bulletin_defines_is_read_as_its_full_form() -> None:
    """«Tổ công tác đặc biệt (TCTĐB)»: the bracket defines letters no lexicon knows; they held
    the bulletin (R14.6) where a reader says the full form, as the bracket tells him."""
    spoken = normalise(
        "Tổ công tác đặc biệt (TCTĐB) của Công an huyện đã ra quân. TCTĐB đã bắt giữ 3 đối "
        "tượng.\n\nTrong tháng, TCTĐB tiếp tục tuần tra ban đêm."
    )
    assert spoken.text == (
        "Tổ công tác đặc biệt của Công an huyện đã ra quân. Tổ công tác đặc biệt đã bắt giữ ba "
        "đối tượng.\n\nTrong tháng, Tổ công tác đặc biệt tiếp tục tuần tra ban đêm."
    )
    assert spoken.flags == ()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Ban chỉ đạo phòng chống tội phạm (sau đây gọi tắt là BCĐPCTP) họp. BCĐPCTP giao "
            "nhiệm vụ.",
            "Ban chỉ đạo phòng chống tội phạm họp. Ban chỉ đạo phòng chống tội phạm giao nhiệm vụ.",
        ),
        (
            "Hội nghị tại thành phố Vinh (TPV). Đoàn công tác về TPV ngày hôm sau.",
            "Hội nghị tại thành phố Vinh. Đoàn công tác về thành phố Vinh ngày hôm sau.",
        ),
        # Ư, Â, Ô are letters of their own: «ương» opens with Ư (R14.6 held «BCĐTƯ» even so).
        (
            "Ban Chỉ đạo Trung ương (BCĐTƯ) họp phiên thứ nhất.\n\nBCĐTƯ yêu cầu các địa "
            "phương báo cáo.",
            "Ban Chỉ đạo Trung ương họp phiên thứ nhất.\n\nBan Chỉ đạo Trung ương yêu cầu các "
            "địa phương báo cáo.",
        ),
        (
            "Ủy ban Kiểm tra Trung ương (UBKTTƯ) kết luận. Theo UBKTTƯ, sai phạm nghiêm trọng.",
            "Ủy ban Kiểm tra Trung ương kết luận. Theo Ủy ban Kiểm tra Trung ương, sai phạm "
            "nghiêm trọng.",
        ),
        # Without its mark, U still stands for «ương», as before.
        (
            "Ban Chỉ đạo Trung ương (BCĐTU) họp. BCĐTU yêu cầu báo cáo.",
            "Ban Chỉ đạo Trung ương họp. Ban Chỉ đạo Trung ương yêu cầu báo cáo.",
        ),
    ],
)
def test_an_abbreviation_defined_by_its_words_or_called_so(text: str, said: str) -> None:
    """Letters that are the words' first letters, tone marks aside, «Đ», «Ư», «Â», «Ô» letters
    of their own."""
    spoken = normalise(text)
    assert (spoken.text, spoken.flags) == (said, ())


@pytest.mark.parametrize(
    "text",
    [
        # Used before the bracket defining it: the listener has not heard what it stands for.
        "TCTĐB đã bắt giữ 3 đối tượng.\n\nTổ công tác đặc biệt (TCTĐB) được thành lập năm 2024.",
        # Letters that are not the words' before the bracket (`Công an Đồng Tháp`, no `tỉnh`).
        "Công an tỉnh Đồng Tháp (CAĐT) tổ chức hội nghị. CAĐT đề nghị người dân cảnh giác.",
        # Ư stands for a word opening with it, not for «Ủy» (U with a tone mark).
        "Ủy ban nhân dân tỉnh (ƯBNDT) chỉ đạo. ƯBNDT yêu cầu báo cáo.",
        # Used before its definition, with its Ư.
        "BCĐTƯ yêu cầu báo cáo.\n\nBan Chỉ đạo Trung ương (BCĐTƯ) được thành lập năm 2024.",
    ],
)
def test_an_abbreviation_not_defined_before_its_use_still_blocks(text: str) -> None:
    spoken = normalise(text)
    assert [f.code for f in spoken.blocking] == ["R14.6"]


# Names every fraud or economy item holds were held as unknown abbreviations (R14.6): banks,
# companies, coins and gold are read by their letters, as written; company forms and titles are
# said in full; banks and carriers said as one word are that word in capitals too.
HOUSEHOLD_NAMES = [
    (
        "Đối tượng yêu cầu chuyển tiền vào tài khoản BIDV, MB, ACB, VCB rồi đổi sang USDT.",
        "Đối tượng yêu cầu chuyển tiền vào tài khoản BIDV, MB, ACB, VCB rồi đổi sang USDT.",
    ),
    (
        "Giả danh nhân viên EVN, VNPT, dùng AI ghép mặt, mời mua vàng SJC giá rẻ.",
        "Giả danh nhân viên EVN, VNPT, dùng AI ghép mặt, mời mua vàng SJC giá rẻ.",
    ),
    (
        "Đối tượng giả danh tổng đài CSKH, gửi link cài ứng dụng “EVN CSKH” giả mạo.",
        "Đối tượng giả danh tổng đài chăm sóc khách hàng, gửi link cài ứng dụng “EVN chăm sóc "
        "khách hàng” giả mạo.",
    ),
    (
        "Ông B, GĐ Công ty TNHH MTV Hoàng Long, và bà C, Phó GĐ Công ty CP Xây dựng Minh An.",
        "Ông B, giám đốc Công ty trách nhiệm hữu hạn một thành viên Hoàng Long, và bà C, Phó "
        "giám đốc Công ty cổ phần Xây dựng Minh An.",
    ),
    (
        "Thẻ ATM của AGRIBANK, VIETCOMBANK, SIM VIETTEL, ví ZALOPAY, tài khoản ICLOUD.",
        "Thẻ ATM của Agribank, Vietcombank, SIM Viettel, ví ZaloPay, tài khoản iCloud.",
    ),
    (
        "Nhận mã OTP, quét mã QR, cài VNeID, nhắn qua Telegram, Facebook, TikTok, ví MoMo.",
        "Nhận mã OTP, quét mã QR, cài VNeID, nhắn qua Telegram, Facebook, TikTok, ví MoMo.",
    ),
    (
        "Ngân hàng TMCP Sài Gòn, NHCSXH huyện và CTCP Minh An.",
        "Ngân hàng thương mại cổ phần Sài Gòn, Ngân hàng Chính sách xã hội huyện và Công ty cổ "
        "phần Minh An.",
    ),
]


@pytest.mark.parametrize(("text", "expected"), HOUSEHOLD_NAMES)
def test_household_names_of_fraud_items_are_read_not_held(text: str, expected: str) -> None:
    spoken = normalise(text)
    assert spoken.text == expected
    assert spoken.flags == ()


def test_letters_of_a_bank_are_spelled_in_draft_audio() -> None:
    """Kept for the reader, spelled by letter names for the synthetic voice (R16.1, R16.4)."""
    assert tts_text(normalise("Tài khoản BIDV.").text) == "Tài khoản bê i dê vê."


def test_the_app_store_of_scam_warnings_is_read_as_written() -> None:
    """«CH Play» held every warning «không tải ứng dụng trên CH Play» as the unknown «CH»: the
    reader says its letters, as for BIDV, and the draft voice spells them (R14.6, R16.4)."""
    text = "Người dân chỉ tải ứng dụng trên CH Play, không cài ứng dụng từ đường link lạ."
    spoken = normalise(text)
    assert (spoken.text, spoken.flags) == (text, ())
    assert tts_text(spoken.text).startswith("Người dân chỉ tải ứng dụng trên xê hát Play,")


def test_the_app_stores_letters_alone_are_still_unknown() -> None:
    """«CH» alone may be «cửa hàng», «căn hộ»…: only before «Play» is it the store's name."""
    spoken = normalise("Kẻ gian đột nhập CH điện thoại trên đường Nguyễn Huệ.")
    assert [(f.code, f.excerpt) for f in spoken.blocking] == [("R14.6", "CH")]


def test_ch_alone_is_held_with_the_words_it_may_stand_for() -> None:
    """«CH» alone was told as any unknown abbreviation («thêm vào từ điển … CH<TAB>…»), as if
    one reading fitted: a unit writes it for «cửa hàng», «căn hộ» and «câu hỏi», and a reading
    in its file made «CH Play» «cửa hàng Play». The block names the words to write out instead,
    keeps «CH Play», and adds the file only for a unit whose «CH» has one meaning."""
    (flag,) = normalise("Kẻ gian đột nhập CH điện thoại trên đường Nguyễn Huệ.").blocking
    assert flag.code == "R14.6" and unicodedata.is_normalized("NFC", flag.message)
    problem, fix = flag.message.split(" Cách sửa: ")
    assert "«cửa hàng», «căn hộ» hay «câu hỏi»" in problem
    assert "viết đầy đủ chữ muốn đọc" in fix and "«CH Play»" in fix
    assert "mọi chỗ khác" in fix  # the bulletin's other «CH» are held once, at the first


def test_a_units_reading_of_ch_alone_leaves_the_app_store_as_written() -> None:
    """A unit whose «CH» is always a shop writes «CH<TAB>cửa hàng»: «CH Play» stays the store."""
    spoken = normalise(
        "Chủ CH tạp hóa bị lừa cài ứng dụng từ CH Play.", abbreviations={"CH": "cửa hàng"}
    )
    assert (spoken.text, spoken.flags) == (
        "Chủ cửa hàng tạp hóa bị lừa cài ứng dụng từ CH Play.",
        (),
    )


def test_the_app_store_in_capitals_is_its_name() -> None:
    """«CH PLAY» in a warning written in capitals held «PLAY» as an unknown abbreviation."""
    spoken = normalise("Chỉ tải ứng dụng trên CH PLAY, không cài từ đường link lạ.")
    assert spoken.blocking == ()


@pytest.mark.parametrize(
    "paragraph",
    [
        "Bà bị lừa cài ứng dụng từ CH Play,\nrồi mất tiền ở CH tạp hóa.",
        "CHÚ Ý: bà bị lừa,\nrồi mất tiền ở CH tạp hóa.",
    ],
)
def test_the_block_names_the_line_where_ch_stands_alone(paragraph: str) -> None:
    """The flag named the paragraph's first line holding the letters «CH» anywhere, «CH Play»
    or «CHÚ Ý», not the line of the «CH» to write out."""
    spoken = normalise(f"---\ntitle: x\n---\n\n{paragraph}\n")
    assert [(f.code, f.line) for f in spoken.blocking] == [("R14.6", 6)]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Xây dựng GĐ văn hóa ở khu dân cư.", "GĐ"),  # gia đình
        ("Kế hoạch GĐ 2021-2025.", "GĐ"),  # giai đoạn
        ("Thực hiện chỉ đạo của CP về phòng, chống lừa đảo.", "CP"),  # Chính phủ
    ],
)
def test_an_ambiguous_company_or_title_abbreviation_still_blocks(text: str, excerpt: str) -> None:
    """«GĐ» is «giám đốc» only before what a director runs (or after «Phó», «Tổng»), «CP» is
    «cổ phần» only after «Công ty»: elsewhere they may mean something else (R14.5)."""
    assert [(f.code, f.excerpt) for f in normalise(text).blocking] == [("R14.5", excerpt)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Đồng chí A, Ủy viên BCH Trung ương Đảng, dự họp.",
            "Đồng chí A, Ủy viên Ban Chấp hành Trung ương Đảng, dự họp.",
        ),
        (
            "Anh B, Bí thư BCH Huyện Đoàn, phát biểu.",
            "Anh B, Bí thư Ban Chấp hành Huyện Đoàn, phát biểu.",
        ),
        ("Bầu BCH khóa mới.", "Bầu Ban Chấp hành khóa mới."),
        ("Chị C là ủy viên BCH.", "Chị C là ủy viên Ban Chấp hành."),
    ],
)
def test_an_elected_committee_is_ban_chap_hanh(text: str, expected: str) -> None:
    """`BCH` before the Party's or the Youth Union's body at any level, its term, or after
    «Ủy viên» is the elected Ban Chấp hành (R14.5), as `BCH Đảng bộ` was."""
    spoken = normalise(text)
    assert spoken.text == expected
    assert spoken.flags == ()


def test_a_military_command_is_still_ban_chi_huy_or_asked() -> None:
    assert normalise("Ủy viên BCH Quân sự huyện dự họp.").text == (
        "Ủy viên Ban Chỉ huy Quân sự huyện dự họp."
    )
    assert [f.code for f in normalise("Họp BCH Trung đoàn.").blocking] == ["R14.5"]
