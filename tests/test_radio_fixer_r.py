"""Session 37, fixer R: names with their initials, phone abbreviations and quoted scam messages
before a hidden number, and what an announcer would stumble on in everyday bulletins."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise_fragment


def _said(text: str) -> tuple[str, list[str]]:
    """What the script says for `text`, and the codes of its flags."""
    spoken = normalise_fragment(text)
    return spoken.text, [f.code for f in spoken.flags]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Hải (NVH) – trú tại ấp 3, xã Tân Phú", "Hải, trú tại ấp ba, xã Tân Phú"),
        ("đối tượng Hải (NVH) bị bắt", "đối tượng Hải bị bắt"),
        ("Ông Hải (N.V.H) cho biết", "Ông Hải cho biết"),
        ("chị Lan (NTL), 30 tuổi", "chị Lan, ba mươi tuổi"),
        ("bị can Thanh Hải (NTH) khai nhận", "bị can Thanh Hải khai nhận"),
        ("đối tượng Tèo (NVT) bị bắt", "đối tượng Tèo bị bắt"),
    ],
)
def test_initials_after_the_given_name_alone_are_not_read(text: str, said: str) -> None:
    """«Hải (NVH)» was read «Hải, NVH» and held as an unknown abbreviation (R14.6), while
    «Nguyễn Văn Hải (NVH)» drops the letters: they end with the given name's initial, the
    surname's and middle name's before it, so they only name the same person again."""
    assert _said(text) == (said, [])


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("đồng chí Hải (CAH) cho biết", "đồng chí Hải, Công an huyện, cho biết"),
        ("ông Dũng (UBND) phát biểu", "ông Dũng, Ủy ban nhân dân, phát biểu"),
        ("anh Phúc (TP) cho biết", "anh Phúc, thành phố, cho biết"),
        ("Hải Phòng (TP) tổ chức hội nghị", "Hải Phòng, thành phố, tổ chức hội nghị"),
    ],
)
def test_a_known_abbreviation_after_a_given_name_is_still_read(text: str, said: str) -> None:
    """A bracket the lexicon knows says where the person works, not their initials, though its
    last letter is the name's («Hải (CAH)», «Dũng (UBND)»): read as before."""
    assert _said(text) == (said, [])


@pytest.mark.parametrize(
    "text",
    [
        "Công an tỉnh Đồng Tháp (CAĐT) tổ chức hội nghị",  # a place, not a person's name
        # A place named like a person (`TPV`, the letters of «thành phố Vinh», now defines
        # its own abbreviation: test_radio_presenter_forms).
        "thành phố Vinh (NTV) tổ chức hội nghị",
        "đối tượng Hải (NVA) bị bắt",  # letters that do not end with the name's
        "đối tượng Hải (NVHT) bị bắt",  # the name's initial not last
    ],
)
def test_capitals_that_are_not_a_given_names_initials_are_still_held(text: str) -> None:
    """Only letters ending with a given name's initial, after a person's name, are dropped:
    anything else stays unknown, kept and held (R14.6) for the editor to write out."""
    spoken = normalise_fragment(text)
    bracket = text[text.index("(") + 1 : text.index(")")]
    assert bracket in spoken.text
    assert [(f.code, f.severity) for f in spoken.flags] == [("R14.6", "blocking")]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("liên hệ số điện thoại 0912.xxx.xxx", "liên hệ số điện thoại chưa điền"),
        ("liên hệ SĐT 0912.xxx.xxx", "liên hệ số điện thoại chưa điền"),
        ("liên hệ SĐT: 0912.xxx.xxx", "liên hệ số điện thoại: chưa điền"),
        ("liên hệ số ĐT 0912.xxx.xxx", "liên hệ số điện thoại chưa điền"),
        (
            "Mọi thông tin xin liên hệ SĐT 0912.xxx.xxx",
            "Mọi thông tin xin liên hệ số điện thoại chưa điền",
        ),
        ("liên hệ ĐT 0912.xxx.xxx", "liên hệ điện thoại số chưa điền"),
        ("liên hệ điện thoại 0912.xxx.xxx", "liên hệ điện thoại số chưa điền"),
        (
            "Liên hệ Công an xã Tân Phú, số ĐT 0912.xxx.xxx",
            "Liên hệ Công an xã Tân Phú, số điện thoại chưa điền",
        ),
        (
            "ĐT của Công an xã Tân Phú: 0912.xxx.xxx",
            "điện thoại của Công an xã Tân Phú: số chưa điền",
        ),
    ],
)
def test_the_units_number_after_a_phone_abbreviation_is_held_as_spelled_out(
    text: str, said: str
) -> None:
    """«liên hệ SĐT 0912.xxx.xxx» went on air as a hidden number («bắt đầu bằng không chín
    một hai») while «liên hệ số điện thoại 0912.xxx.xxx» is held (Q1): SĐT, ĐT and «số ĐT»
    before a number are the words they stand for (R9.1, R14.5), so the unit's line still to be
    filled in is held alike; «ĐT» is no longer held as an unresolved abbreviation either."""
    assert _said(text) == (said, ["Q1"])


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Đối tượng dùng SĐT 0912.xxx.xxx gọi cho nạn nhân",
            "Đối tượng dùng số điện thoại bắt đầu bằng không chín một hai, gọi cho nạn nhân",
        ),
        (
            "Đối tượng dùng ĐT 0912.xxx.xxx gọi cho nạn nhân",
            "Đối tượng dùng điện thoại số bắt đầu bằng không chín một hai, gọi cho nạn nhân",
        ),
        (
            "Đối tượng dùng số ĐT 0912.xxx.xxx gọi cho nạn nhân",
            "Đối tượng dùng số điện thoại bắt đầu bằng không chín một hai, gọi cho nạn nhân",
        ),
    ],
)
def test_a_callers_hidden_number_after_a_phone_abbreviation_is_read_by_its_start(
    text: str, said: str
) -> None:
    """A scammer's number hidden on purpose is read by where it starts, after «ĐT» as after
    «điện thoại»: «ĐT» was kept and held as unresolved, since the number was already words."""
    assert _said(text) == (said, [])


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            'Đối tượng nhắn: "vui lòng liên hệ" số 0912.xxx.xxx',
            'Đối tượng nhắn: "vui lòng liên hệ" số bắt đầu bằng không chín một hai',
        ),
        (
            "Đối tượng nhắn: “Anh vui lòng liên hệ” số 0912.xxx.xxx để nhận quà",
            "Đối tượng nhắn: “Anh vui lòng liên hệ” số bắt đầu bằng không chín một hai, để nhận quà",
        ),
        (
            'Tin nhắn có nội dung "vui lòng liên hệ" số 0912.xxx.xxx để nhận thưởng',
            'Tin nhắn có nội dung "vui lòng liên hệ" số bắt đầu bằng không chín một hai, để nhận thưởng',
        ),
        (
            'Đối tượng nhắn: "vui lòng liên hệ số" 0912.xxx.xxx',
            'Đối tượng nhắn: "vui lòng liên hệ số" bắt đầu bằng không chín một hai',
        ),
        (
            'Kẻ mạo danh nhắn tin: "Anh vui lòng liên hệ số 0912.xxx.xxx"',
            'Kẻ mạo danh nhắn tin: "Anh vui lòng liên hệ số bắt đầu bằng không chín một hai"',
        ),
    ],
)
def test_a_number_after_a_scammers_quoted_message_is_the_scammers(text: str, said: str) -> None:
    """A quoted message that ends before the number («nhắn: "vui lòng liên hệ" số …») is the
    scammer's: its «vui lòng liên hệ» is no unit asking the listener to call, so the number
    is the caller's, hidden on purpose, and read by where it starts (not held as the unit's
    line, Q1). «số» inside the quote is the number's own, not said twice."""
    assert _said(text) == (said, [])


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            'Đối tượng nhắn tin "trúng thưởng", người dân vui lòng liên hệ số 0912.xxx.xxx',
            'Đối tượng nhắn tin "trúng thưởng", người dân vui lòng liên hệ số chưa điền',
        ),
        (
            'Khi nhận tin nhắn "trúng thưởng" xin liên hệ số 0912.xxx.xxx',
            'Khi nhận tin nhắn "trúng thưởng" xin liên hệ số chưa điền',
        ),
    ],
)
def test_the_units_line_after_a_closed_quotation_is_still_held(text: str, said: str) -> None:
    """After the quotation closes, words asking the listener to call are the unit's again: its
    number still to be filled in is held (Q1), as without the quotation."""
    assert _said(text) == (said, ["Q1"])


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Điện thoại trực ban: 0912.xxx.xxx", "Điện thoại trực ban: số chưa điền"),
        ("Số điện thoại đường dây nóng: 0912.xxx.xxx", "Số điện thoại đường dây nóng: chưa điền"),
        ("số máy trực ban 0912.xxx.xxx", "số máy trực ban số chưa điền"),
    ],
)
def test_the_lines_name_after_a_phone_noun_is_the_units_line(text: str, said: str) -> None:
    """«Điện thoại trực ban: 0912.xxx.xxx» went on air as a hidden number («số bắt đầu bằng
    không chín một hai»), the unit's duty line with its digits still to be filled in: only
    the phone's noun before the line's name, it is held (Q1) as «Trực ban: …» is."""
    assert _said(text) == (said, ["Q1"])


def test_a_scammers_line_after_a_phone_noun_is_still_read_by_its_start() -> None:
    """A scam word in the clause still makes the number the caller's, hidden on purpose."""
    text = "Đối tượng dùng số điện thoại tổng đài 0912.xxx.xxx"
    assert _said(text) == (
        "Đối tượng dùng số điện thoại tổng đài số bắt đầu bằng không chín một hai",
        [],
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Bản án số 12/2026/HS-ST ngày 5/10/2026",
            "Bản án số mười hai năm hai nghìn không trăm hai mươi sáu hình sự sơ thẩm"
            " ngày năm tháng mười năm hai nghìn không trăm hai mươi sáu",
        ),
        (
            "xét xử vụ án số 45/2026/HSST",
            "xét xử vụ án số bốn mươi lăm năm hai nghìn không trăm hai mươi sáu hình sự sơ thẩm",
        ),
        (
            "Bản án số 03/2025/DS-PT",
            "Bản án số không ba năm hai nghìn không trăm hai mươi lăm dân sự phúc thẩm",
        ),
        (
            "Bản án hình sự sơ thẩm số 12/2026/HS-ST của TAND huyện",
            "Bản án hình sự sơ thẩm số mười hai năm hai nghìn không trăm hai mươi sáu"
            " của Tòa án nhân dân huyện",
        ),
    ],
)
def test_a_court_cases_number_is_read_with_its_kind_and_stage(text: str, said: str) -> None:
    """«Bản án số 12/2026/HS-ST» was read «… của ST» and held on an unknown issuer «ST»
    (R13.3), «45/2026/HSST» «bốn mươi lăm hai nghìn … HSST» with no «năm», held as unknown
    (R14.6): a court's number ends with the case's kind and the trial's stage, «hình sự sơ
    thẩm», said once when the words before already name them."""
    assert _said(text) == (said, [])


def test_a_court_cases_kind_is_said_though_the_court_is_named_after_it() -> None:
    """The court named after the number («… của TAND huyện») says who judged, not what kind
    of case nor which trial: «hình sự sơ thẩm» is still said."""
    assert _said("Bản án số 12/2026/HS-ST của TAND huyện") == (
        "Bản án số mười hai năm hai nghìn không trăm hai mươi sáu hình sự sơ thẩm"
        " của Tòa án nhân dân huyện",
        [],
    )


def _long_paragraph_with_a_quote_cut(tail: str) -> str:
    """One paragraph: a quotation, sentences, then `tail`, so long that the 1,000 characters
    before `tail`'s number begin inside the quotation, after its opening mark."""
    opening = 'Bị cáo phạm tội "Lừa đảo chiếm đoạt tài sản của nhiều người dân trong xã". '
    filler = "Tổ tuần tra làm nhiệm vụ trên địa bàn. "
    for count in range(100):
        text = opening + filler * count + tail
        cut = text.index("0912") - 1000
        if opening.index('"') + 10 < cut < opening.rindex('"') - 10:
            return text
    raise AssertionError("no paragraph cuts the quotation")


@pytest.mark.parametrize(
    ("tail", "said"),
    [
        ("Điện thoại trực ban: 0912.xxx.xxx", "Điện thoại trực ban: số chưa điền"),
        ("Người dân vui lòng liên hệ số 0912.xxx.xxx", "Người dân vui lòng liên hệ số chưa điền"),
    ],
)
def test_a_quotation_closed_long_before_does_not_make_the_units_line_a_scammers(
    tail: str, said: str
) -> None:
    """In a paragraph over 1,000 characters the look for a quotation began inside one that
    closed long before, took its closing mark for an opening one, and with «Lừa» in it read
    the unit's line still to be filled in as a scammer's hidden number («số bắt đầu bằng
    không chín một hai»). A straight quote mark opens or closes by what stands either side."""
    spoken = normalise_fragment(_long_paragraph_with_a_quote_cut(tail))
    assert spoken.text.endswith(said)
    assert [f.code for f in spoken.flags] == ["Q1"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Đối tượng gọi từ số 0912.345.xxx",
            "Đối tượng gọi từ số bắt đầu bằng không chín một hai, ba bốn năm",
        ),
        (
            "Đối tượng sử dụng SIM rác 0865.123.xxx gọi điện cho bị hại",
            "Đối tượng sử dụng SIM rác số bắt đầu bằng không tám sáu năm, một hai ba, gọi điện"
            " cho bị hại",
        ),
        (
            "Đối tượng gọi từ số 0912 345 xxx",
            "Đối tượng gọi từ số bắt đầu bằng không chín một hai, ba bốn năm",
        ),
    ],
)
def test_a_number_hiding_only_its_last_digits_is_read_by_its_start(text: str, said: str) -> None:
    """«0912.345.xxx» was read «không chín một hai chấm ba trăm bốn mươi lăm.xxx», the «xxx»
    left in the script with only a warning (R3.4), and «0912 345 xxx» «không chín một hai số
    chưa điền», its «345» taken for a number of its own: only five digits before the hidden
    ones were seen as a masked number's start."""
    assert _said(text) == (said, [])


def test_the_units_line_hiding_its_last_digits_is_held() -> None:
    """«liên hệ số 0912.345.xxx» went on air as «… ba bốn năm.xxx» with no flag at all."""
    assert _said("liên hệ số 0912.345.xxx") == ("liên hệ số chưa điền", ["Q1"])


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Đối tượng Trần Văn Nam (1992), trú ấp Phú Long",
            "Đối tượng Trần Văn Nam, sinh năm một nghìn chín trăm chín mươi hai, trú ấp Phú Long",
        ),
        (
            "bắt giữ Lê Thị Thu Hà (2001, trú tại xã Tân Phú) về hành vi trộm cắp",
            "bắt giữ Lê Thị Thu Hà, sinh năm hai nghìn không trăm linh một, trú tại xã Tân Phú,"
            " về hành vi trộm cắp",
        ),
    ],
)
def test_a_year_in_brackets_after_a_full_name_is_the_year_of_birth(text: str, said: str) -> None:
    """«Trần Văn Nam (1992)» was read «Trần Văn Nam, một nghìn chín trăm chín mươi hai»: a
    year alone after a person's name is when they were born, as `SN 1992` says (R14.4)."""
    assert _said(text) == (said, [])


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Anh N.V.A (2005) bị bắt quả tang",
            "Anh N.V.A, sinh năm hai nghìn không trăm linh năm, bị bắt quả tang",
        ),
        (
            "L.V.T (1990) và N.T.H (1995) bị tạm giữ",
            "L.V.T, sinh năm một nghìn chín trăm chín mươi, và N.T.H, sinh năm một nghìn chín"
            " trăm chín mươi lăm, bị tạm giữ",
        ),
        (
            "đối tượng Đ.V.S. (1998, trú tại xã Tân Phú) khai nhận",
            "đối tượng Đ.V.S., sinh năm một nghìn chín trăm chín mươi tám, trú tại xã Tân Phú,"
            " khai nhận",
        ),
        (
            "Anh Nguyễn Văn A. (1995) bị thương",
            "Anh Nguyễn Văn A., sinh năm một nghìn chín trăm chín mươi lăm, bị thương",
        ),
    ],
)
def test_a_year_in_brackets_after_initials_is_the_year_of_birth(text: str, said: str) -> None:
    """«Anh N.V.A (2005)» lost «sinh năm» though the full name kept it: bulletins name minors
    and suspects by their initials, or cut the given name to one (`Nguyễn Văn A.`); the
    initials are kept as written, for the reader to say the letters' names (R14.4)."""
    assert _said(text) == (said, [])


def test_a_year_in_brackets_after_a_sentence_is_no_year_of_birth() -> None:
    """A full stop after a whole word ends a sentence: the year after it is no one's birth."""
    said = "Giải bóng đá Cúp Nguyễn Văn Trỗi. Hai nghìn không trăm hai mươi sáu, khai mạc"
    assert _said("Giải bóng đá Cúp Nguyễn Văn Trỗi. (2026) khai mạc") == (said, [])


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Kế hoạch Tân Phú (2026) đã hoàn thành",
            "Kế hoạch Tân Phú, hai nghìn không trăm hai mươi sáu, đã hoàn thành",
        ),
        (
            "giải bóng đá Cúp Nguyễn Văn Trỗi (2026) khai mạc",
            "giải bóng đá Cúp Nguyễn Văn Trỗi, hai nghìn không trăm hai mươi sáu, khai mạc",
        ),
    ],
)
def test_a_year_in_brackets_after_other_words_is_read_as_a_year(text: str, said: str) -> None:
    """Only after a person's full name is a bracketed year a birth year: not after a place's,
    nor after a name that names something else (a cup named after a hero)."""
    assert _said(text) == (said, [])


def test_the_units_duty_desk_in_lower_case_is_the_units_line() -> None:
    """«liên hệ trực ban Công an xã qua số 0912.xxx.xxx» went on air as a caller's hidden
    number: only «Trực ban» with a capital named the unit's line; now held as «Liên hệ Trực
    ban Công an xã …» is (Q1)."""
    assert _said("liên hệ trực ban Công an xã Tân Phú qua số 0277.3xxx.xxx") == (
        "liên hệ trực ban Công an xã Tân Phú qua số chưa điền",
        ["Q1"],
    )


def test_a_scammer_calling_the_duty_desk_is_not_the_units_line() -> None:
    """A scam word before still makes the number the caller's, hidden on purpose."""
    assert _said("Đối tượng gọi cho trực ban Công an xã theo số 0912.xxx.xxx") == (
        "Đối tượng gọi cho trực ban Công an xã theo số bắt đầu bằng không chín một hai",
        [],
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Đối tượng Hải (NVH, SN 1990) bị bắt",
            "Đối tượng Hải, sinh năm một nghìn chín trăm chín mươi, bị bắt",
        ),
        (
            "Nguyễn Văn Hải (NVH, 35 tuổi) bị bắt",
            "Nguyễn Văn Hải, ba mươi lăm tuổi, bị bắt",
        ),
    ],
)
def test_initials_opening_a_bracket_that_adds_more_are_not_read(text: str, said: str) -> None:
    """«Hải (NVH, SN 1990)» kept «NVH» and was held (R14.6): the initials say the name again,
    what follows them in the bracket is read."""
    assert _said(text) == (said, [])
