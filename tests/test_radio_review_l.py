"""Presenter L's findings (session 43): leftovers of R's reading and a fresh batch read aloud.

Inputs go through `normalise` or `normalise_fragment` like the spec's own vectors.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise

# A range of `g` with a word after it was grams by its form alone: «tuần tra từ hai mươi gam
# đến hai mươi ba gam mỗi tối» went on air without a word to the editor (R8.2).
G_RANGE_BY_CONTEXT = [
    # A time of day right after the range, or named in the sentence: hours.
    ("Tuần tra 20g-23g mỗi tối.", "Tuần tra từ hai mươi giờ đến hai mươi ba giờ mỗi tối."),
    ("Chốt chặn 20g-23g hằng đêm.", "Chốt chặn từ hai mươi giờ đến hai mươi ba giờ hằng đêm."),
    (
        "Tổ công tác làm nhiệm vụ 20g-23g mỗi tối, thu giữ 2 gói ma túy.",
        "Tổ công tác làm nhiệm vụ từ hai mươi giờ đến hai mươi ba giờ mỗi tối, thu giữ hai gói "
        "ma túy.",
    ),
    (
        "Tiếp nhận hồ sơ 7g-11g mỗi ngày, chiều từ 13h30 đến 17h.",
        "Tiếp nhận hồ sơ từ bảy giờ đến mười một giờ mỗi ngày, chiều từ mười ba giờ ba mươi phút "
        "đến mười bảy giờ.",
    ),
    ("Trực 20g-23g mỗi ngày.", "Trực từ hai mươi giờ đến hai mươi ba giờ mỗi ngày."),
    # An amount: grams, as before.
    ("Uống 3-5g mỗi ngày.", "Uống từ ba đến năm gam mỗi ngày."),
    ("Đối tượng mua 3g đến 5g mỗi lần.", "Đối tượng mua ba gam đến năm gam mỗi lần."),
    (
        "Thu giữ từ 3g đến 5g heroin vào tối 5/12.",
        "Thu giữ từ ba gam đến năm gam heroin vào tối ngày năm tháng mười hai.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), G_RANGE_BY_CONTEXT)
def test_a_g_range_before_a_word_is_read_by_its_sentence(source: str, expected: str) -> None:
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (expected, ())


G_RANGE_UNDECIDED = [
    ("Mỗi người được phát 3-5g mỗi ngày.", "3-5g", "«3-5h»"),
    ("Nhóm hoạt động 20g-23g mỗi ngày trong tháng.", "20g-23g", "«20h-23h»"),
    ("Tổ hoạt động từ 20g đến 23g mỗi ngày.", "20g đến 23g", "«20h đến 23h»"),
]


@pytest.mark.parametrize(("source", "written", "as_hours"), G_RANGE_UNDECIDED)
def test_a_g_range_nothing_decides_is_flagged_for_the_editor(
    source: str, written: str, as_hours: str
) -> None:
    """Neither a time of day nor an amount in the sentence: read as grams, and one warning (not
    one per end of the range) names what was written and how to write it as hours."""
    spoken = normalise(source)
    assert "gam" in spoken.text
    [flag] = spoken.flags
    assert (flag.code, flag.excerpt) == ("R8.2", written)
    assert "được đọc là gam" in flag.message and as_hours in flag.message


# R13.3 reads a document number «<số> năm <năm>»; written with spaces, in lower case or as the
# second of a list, its number and year ran into one number («một trăm hai nghìn không trăm
# mười chín», a hundred and two thousand …) and its kind stayed in writing.
DOCUMENT_NUMBERS = [
    (
        "Nghị định 100 / 2019 / NĐ-CP quy định.",
        "Nghị định một trăm, năm hai nghìn không trăm mười chín của Chính phủ quy định.",
    ),
    (
        "Nghị định 100/2019/NĐ - CP quy định.",
        "Nghị định một trăm, năm hai nghìn không trăm mười chín của Chính phủ quy định.",
    ),
    (
        "Nghị định 100/2019/nđ-cp quy định.",
        "Nghị định một trăm, năm hai nghìn không trăm mười chín của Chính phủ quy định.",
    ),
    (
        "Thông tư số 58/2020/TT - BCA quy định.",
        "Thông tư số năm mươi tám năm hai nghìn không trăm hai mươi của Bộ Công an quy định.",
    ),
    (
        "Nghị định 100 / 2019 quy định.",
        "Nghị định một trăm, năm hai nghìn không trăm mười chín quy định.",
    ),
    (
        "Các nghị định 100/2019, 123/2021 và 168/2024 quy định.",
        "Các nghị định một trăm, năm hai nghìn không trăm mười chín, một trăm hai mươi ba năm hai "
        "nghìn không trăm hai mươi mốt và một trăm sáu mươi tám năm hai nghìn không trăm hai mươi "
        "tư quy định.",
    ),
    # The kind written before «số:» is not said again («Nghị định số: Nghị định số …»).
    (
        "Nghị định số: 100/2019/NĐ-CP quy định.",
        "Nghị định số: một trăm, năm hai nghìn không trăm mười chín của Chính phủ quy định.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), DOCUMENT_NUMBERS)
def test_a_document_number_says_its_year_apart_however_it_is_typed(
    source: str, expected: str
) -> None:
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# The sample's own bulletin: «có thể tra cứu các trang web đã bị cảnh báo lừa đảo tại
# tinnhiemmang.vn» was taken for a scam warning (it says «lừa đảo») and read «… tại một đường
# link.», sending listeners nowhere; with no subject before «có thể» the invitation was missed.
LOOK_UP_SENTENCES = [
    "Trước khi giao dịch, có thể tra cứu các trang web đã bị cảnh báo lừa đảo tại "
    "[tinnhiemmang.vn](https://tinnhiemmang.vn).",
    "Có thể tra cứu các trang lừa đảo tại tinnhiemmang.vn.",
    "Nên kiểm tra các trang web lừa đảo tại tinnhiemmang.vn trước khi chuyển tiền.",
]


@pytest.mark.parametrize("source", LOOK_UP_SENTENCES)
def test_an_invitation_to_look_up_scams_online_goes_with_its_address(source: str) -> None:
    """As R1.4 drops «Trước khi giao dịch, có thể tra cứu tại tinnhiemmang.vn.»: a sentence
    whose rest is an opening clause or a look-up with nowhere to look goes, and the editor is
    told the sentence went."""
    spoken = normalise(f"Gọi 113 khi cần. {source}")
    assert spoken.text == "Gọi một một ba khi cần."
    assert any(f.code == "R1.4" and f.message.startswith("Đã bỏ câu") for f in spoken.flags)


def test_a_scam_address_after_tai_takes_the_word_along() -> None:
    """«Đối tượng lập trang web giả tại https://…» kept «… trang web giả tại để lừa …»: the
    word leading to the address goes with it; the warning itself is read."""
    spoken = normalise(
        "Đối tượng lập trang web giả tại https://vietcombank-vn.top để lừa người dân."
    )
    assert spoken.text == "Đối tượng lập trang web giả để lừa người dân."
    assert (
        normalise("Đối tượng lập trang giả là https://abc.xyz.").text == "Đối tượng lập trang giả."
    )


# A slash typed with spaces between two numbers was dropped unsaid: «có ba bốn số vụ», «đạt bốn
# mươi lăm năm mươi điểm», two numbers run together with no word to the editor.
SPACED_SLASHES = [
    ("Có 3 / 4 số vụ giảm.", "Có ba phần tư số vụ giảm.", "R7.2"),
    # So many of a total that a counted noun follows: no R12.3, as for `45/50 điểm` typed tight.
    ("Đạt 45 / 50 điểm.", "Đạt bốn mươi lăm trên năm mươi điểm.", None),
    ("Tỷ lệ 45 / 50 là cao.", "Tỷ lệ bốn mươi lăm trên năm mươi là cao.", "R12.3"),
    (
        "Sáng ngày 5 / 12, tổ tuần tra ra quân.",
        "Sáng ngày năm tháng mười hai, tổ tuần tra ra quân.",
        None,
    ),
    ("Nhà số 12 / 3 đường Lê Lợi.", "Nhà số mười hai trên ba đường Lê Lợi.", None),
]


@pytest.mark.parametrize(("source", "expected", "code"), SPACED_SLASHES)
def test_a_spaced_slash_between_numbers_reads_as_a_tight_one(
    source: str, expected: str, code: str | None
) -> None:
    spoken = normalise(source)
    assert spoken.text == expected
    assert [f.code for f in spoken.flags] == ([code] if code else [])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Các số điện thoại 0912345678, 0987654321 là số của các đối tượng lừa đảo.",
            "Các số điện thoại không chín một hai, ba bốn năm, sáu bảy tám và không chín tám "
            "bảy, sáu năm bốn, ba hai một, là số của các đối tượng lừa đảo.",
        ),
        (
            "Hotline: 0277.3861.234, 0913.123.456, 0903 111 222.",
            "Hotline: không hai bảy bảy, ba tám sáu một, hai ba bốn; không chín một ba, một hai "
            "ba, bốn năm sáu và không chín không ba, một một một, hai hai hai.",
        ),
        (
            "ĐT: 0912345678, 0987654321 hoặc 0903111222.",
            "Điện thoại: không chín một hai, ba bốn năm, sáu bảy tám; không chín tám bảy, sáu "
            "năm bốn, ba hai một hoặc không chín không ba, một một một, hai hai hai.",
        ),
        (
            "Liên hệ 0912.345.678, 113 hoặc 114.",
            "Liên hệ không chín một hai, ba bốn năm, sáu bảy tám, một một ba hoặc một một bốn.",
        ),
    ],
)
def test_phone_numbers_listed_with_commas_are_told_apart(source: str, expected: str) -> None:
    """«…sáu bảy tám, không chín tám bảy…»: a comma between two numbers is the comma between
    the groups of one, so the listener could not tell where one ended. As `/` and ` - ` say
    «hoặc», a list says «và» (or the writer's «hoặc») before the last number and a «;», a
    longer pause, between the others; a service line after a number keeps its comma."""
    assert normalise(source).text == expected


def test_a_slash_between_two_spaced_phone_numbers_is_still_or() -> None:
    """The groups of a phone number typed with spaces are not joined across the slash."""
    spoken = normalise("Gọi 0912 345 678 / 0913 456 789.")
    assert spoken.text == (
        "Gọi không chín một hai, ba bốn năm, sáu bảy tám hoặc không chín một ba, bốn năm sáu, "
        "bảy tám chín."
    )


# The second of a pair was read differently from the first: «Ngày 30-4 và 1-5» as «… tháng tư
# và từ một đến năm», two hotlines joined by a dash as one run of digits.
SECOND_OF_A_PAIR = [
    (
        "Ngày 30-4 và 1-5 hằng năm, lực lượng tăng cường tuần tra.",
        "Ngày ba mươi tháng tư và ngày một tháng năm hằng năm, lực lượng tăng cường tuần tra.",
    ),
    (
        "Sáng 20-11, 21-11 và 22-11, đoàn làm việc tại xã.",
        "Sáng ngày hai mươi tháng mười một, ngày hai mươi mốt tháng mười một và ngày hai mươi hai "
        "tháng mười một, đoàn làm việc tại xã.",
    ),
    (
        "Hotline: 0277.3861.234 - 0913.123.456.",
        "Hotline: không hai bảy bảy, ba tám sáu một, hai ba bốn hoặc không chín một ba, một hai "
        "ba, bốn năm sáu.",
    ),
    # A range after a hyphen date with no date before it stays a range.
    ("Phạt 2-3 triệu và 5-7 triệu đồng.", "Phạt từ hai đến ba triệu và từ năm đến bảy triệu đồng."),
]


@pytest.mark.parametrize(("source", "expected"), SECOND_OF_A_PAIR)
def test_the_second_of_a_pair_is_read_as_the_first(source: str, expected: str) -> None:
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_mobile_network_generation_is_said_not_held() -> None:
    """«nâng cấp sim 4G lên 5G», the scam every unit warns of, held the bulletin off the air as
    a number left unread (Q1); a weight written with a capital stays for the editor."""
    spoken = normalise("Cảnh giác với thủ đoạn nâng cấp sim 4G lên 5G.")
    assert (spoken.text, spoken.flags) == (
        "Cảnh giác với thủ đoạn nâng cấp sim bốn G lên năm G.",
        (),
    )
    assert [f.code for f in normalise("Thu giữ 3G ma túy.").flags] == ["Q1"]


def test_a_name_written_with_a_small_first_letter_keeps_it() -> None:
    """«iPhone» opening a sentence was printed «IPhone» in the script the presenter reads."""
    spoken = normalise("iPhone 15 bị mất. eKYC là gì? an toàn.")
    assert spoken.text == "iPhone mười lăm bị mất. eKYC là gì? An toàn."


# Forms common in police notes that held a bulletin off the air (Q1) or left a mark in the script.
HELD_FOR_A_COMMON_FORM = [
    (
        "Tai nạn xảy ra trên Quốc lộ 1A, đoạn qua xã Tân Phú.",
        "Tai nạn xảy ra trên Quốc lộ một A, đoạn qua xã Tân Phú.",
    ),
    ("Trên quốc lộ 91B đoạn qua xã.", "Trên quốc lộ chín mươi mốt B đoạn qua xã."),
    (
        "Lúc 10h15p ngày 2/3, tổ tuần tra phát hiện.",
        "Lúc mười giờ mười lăm phút ngày hai tháng ba, tổ tuần tra phát hiện.",
    ),
    ("Vụ việc xảy ra lúc 21h45’.", "Vụ việc xảy ra lúc hai mươi mốt giờ bốn mươi lăm phút."),
]


@pytest.mark.parametrize(("source", "expected"), HELD_FOR_A_COMMON_FORM)
def test_a_common_written_form_is_read(source: str, expected: str) -> None:
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_the_movement_s_own_abbreviations_are_in_the_seed_lexicon() -> None:
    """«Ngày hội toàn dân BVANTQ», the very movement the programme is about, held the bulletin
    off the air (R14.6) until each unit added it to its own lexicon; so did CCB, BĐBP, TDP."""
    spoken = normalise("Ngày hội toàn dân BVANTQ có Hội CCB, BĐBP tỉnh và tổ trưởng TDP tham gia.")
    assert (spoken.text, spoken.flags) == (
        "Ngày hội toàn dân bảo vệ an ninh Tổ quốc có Hội cựu chiến binh, Bộ đội Biên phòng "
        "tỉnh và tổ trưởng tổ dân phố tham gia.",
        (),
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Trong 6 tháng, phát hiện 12 vụ/15 đối tượng.",
            "Trong sáu tháng, phát hiện mười hai vụ, mười lăm đối tượng.",
        ),
        (
            "Xử lý 45 trường hợp/45 phương tiện.",
            "Xử lý bốn mươi lăm trường hợp, bốn mươi lăm phương tiện.",
        ),
        # «per» and «trên» are read before: unchanged.
        ("Nồng độ 80 mg/100 ml máu.", "Nồng độ tám mươi mi-li-gam trên một trăm mi-li-lít máu."),
        ("Giá 3.000 đồng/1 triệu/ngày.", "Giá ba nghìn đồng trên một triệu mỗi ngày."),
    ],
)
def test_a_tally_of_cases_and_people_pauses_between_them(source: str, expected: str) -> None:
    """«12 vụ/15 đối tượng» was read «mười hai vụ mười lăm đối tượng»: the slash went unsaid
    and the two counts ran together; a presenter pauses there."""
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == (expected, ())
