"""What the presenter of «Vì an ninh Tổ quốc» still stumbled on in traffic and crime bulletins
(session 44): alcohol limits, document numbers, place abbreviations, counts after a date word.

Inputs go through `normalise_fragment` like the spec's vectors: no sentence-start capital, no
final stop. Each vector was read wrongly, or held back, by the code before it.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise, normalise_fragment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "vượt quá 0,4 mg/lít khí thở",
            "vượt quá không phẩy bốn mi-li-gam trên lít khí thở",
        ),
        (
            "chưa vượt quá 0,25 mg/lít khí thở",
            "chưa vượt quá không phẩy hai mươi lăm mi-li-gam trên lít khí thở",
        ),
        (
            "nồng độ cồn 0,4 mg / lít khí thở",
            "nồng độ cồn không phẩy bốn mi-li-gam trên lít khí thở",
        ),
        (
            "mức 0,25 mg/ 1 lít khí thở",
            "mức không phẩy hai mươi lăm mi-li-gam trên một lít khí thở",
        ),
        ("mức 0,25 mg/Lít khí thở", "mức không phẩy hai mươi lăm mi-li-gam trên lít khí thở"),
        # Both written forms of every traffic bulletin, as they were read before and still are.
        ("mức 0,4 mg/l khí thở", "mức không phẩy bốn mi-li-gam trên lít khí thở"),
        (
            "mức 80 mg/100 ml máu",
            "mức tám mươi mi-li-gam trên một trăm mi-li-lít máu",
        ),
        (
            "mức 0,25 miligam/1 lít khí thở",
            "mức không phẩy hai mươi lăm miligam trên một lít khí thở",
        ),
        # A price per litre is still «mỗi lít».
        ("xăng giá 25.000 đồng/lít", "xăng giá hai mươi lăm nghìn đồng mỗi lít"),
    ],
)
def test_an_alcohol_limit_over_a_litre_written_out_is_read_over_not_per(
    text: str, expected: str
) -> None:
    """`0,4 mg/lít` was read «mi-li-gam mỗi lít», as if the driver had drunk per litre of
    something, while `0,4 mg/l` was «trên lít»; spaced, `0,4 mg / lít`, the slash went unsaid
    («mi-li-gam lít»). A unit written out after a unit's slash is the unit below (R6.1)."""
    spoken = normalise_fragment(text)
    assert spoken.text == expected
    assert not spoken.blocking


COUNTED_AFTER_A_DAY_WORD = [
    "người",
    "đối tượng",
    "xe",
    "vụ",
    "thanh niên",
    "thanh thiếu niên",
    "thiếu niên",
    "nhóm",
    "ô tô",
    "mô tô",
    "ghe",
    "căn nhà",
    "công nhân",
    "trẻ em",
]


@pytest.mark.parametrize("noun", COUNTED_AFTER_A_DAY_WORD)
@pytest.mark.parametrize(("lead", "said"), [("tối", "tối từ"), ("khoảng", "khoảng")])
def test_a_range_before_a_counted_noun_is_a_count_not_a_date(
    noun: str, lead: str, said: str
) -> None:
    """`tối 7-8 thanh niên tụ tập` was read «tối ngày bảy tháng tám thanh niên»: after a word for
    a time of day a range is a date unless a counted noun follows, and youths, groups, cars,
    boats, houses were not counted nouns (R7.2, R12.1)."""
    spoken = normalise_fragment(f"{lead} 7-8 {noun} tụ tập")
    assert spoken.text == f"{said} bảy đến tám {noun} tụ tập"


def test_a_date_and_a_count_in_one_sentence_keep_their_own_readings() -> None:
    """`Tối 7-8 và 9-10 người`: the evening of 7 August, then nine or ten people."""
    spoken = normalise_fragment("tối 7-8 và 9-10 thanh niên tụ tập")
    assert spoken.text == "tối ngày bảy tháng tám và từ chín đến mười thanh niên tụ tập"


@pytest.mark.parametrize("pronoun", ["em", "cháu"])
def test_a_pronoun_after_a_date_leaves_it_a_date(pronoun: str) -> None:
    """«em», «cháu» are who speaks as often as children counted: `sáng 2-9 em đi học` is a date."""
    spoken = normalise_fragment(f"sáng 2-9 {pronoun} đi học")
    assert spoken.text == f"sáng ngày hai tháng chín {pronoun} đi học"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "theo Nghị định 100/2019/NĐ-CP",
            "theo Nghị định một trăm, năm hai nghìn không trăm mười chín của Chính phủ",
        ),
        (
            "theo Nghị định số 200/2022",
            "theo Nghị định số hai trăm, năm hai nghìn không trăm hai mươi hai",
        ),
        (
            "theo Nghị định 1000/2020",
            "theo Nghị định một nghìn, năm hai nghìn không trăm hai mươi",
        ),
        (
            "theo Bản án 105/2024/HS-ST",
            "theo Bản án một trăm linh năm, năm hai nghìn không trăm hai mươi tư hình sự sơ thẩm",
        ),
        # The spec's own vectors (R13.3, #121) run on with no pause: nothing to mishear there.
        (
            "Thông tư số 58/2020/TT-BCA",
            "Thông tư số năm mươi tám năm hai nghìn không trăm hai mươi của Bộ Công an",
        ),
        (
            "Nghị định số 168/2024/NĐ-CP",
            "Nghị định số một trăm sáu mươi tám năm hai nghìn không trăm hai mươi tư của Chính phủ",
        ),
    ],
)
def test_a_document_number_that_would_run_into_its_year_gets_a_breath(
    text: str, expected: str
) -> None:
    """«Nghị định một trăm năm hai nghìn không trăm mười chín»: a listener hears «một trăm năm»
    as 150 (as «hai trăm tư» is 240) or a hundred years, and the year after it as more of the
    number. After a number ending in «trăm», «nghìn» or «năm» the presenter pauses before
    «năm <year>» (R13.3's words kept, a comma added)."""
    spoken = normalise_fragment(text)
    assert spoken.text == expected
    assert not spoken.blocking


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vụ trộm tại KP 3, phường 1", "vụ trộm tại khu phố ba, phường một"),
        ("người dân KP. 5 trình báo", "người dân khu phố năm trình báo"),
        ("cháy tại KP. Bình Minh", "cháy tại khu phố Bình Minh"),
        ("tổ tự quản KP2 họp", "tổ tự quản khu phố hai họp"),
        ("cháy tại TDP3 và KV 2", "cháy tại tổ dân phố ba và khu vực hai"),
        # The full form before it, the bracket is not read twice.
        ("Khu phố 2 (KP2) tổ chức họp", "Khu phố hai tổ chức họp"),
        ("tuần tra tại TT Cái Tàu Hạ", "tuần tra tại thị trấn Cái Tàu Hạ"),
        ("tuần tra tại TX Hồng Ngự", "tuần tra tại thị xã Hồng Ngự"),
        (
            "lực lượng CSGT, CSHS, CSKT",
            "lực lượng Cảnh sát giao thông, Cảnh sát hình sự, Cảnh sát kinh tế",
        ),
        ("trên QL 30 và ĐT 849", "trên quốc lộ ba mươi và đường tỉnh tám trăm bốn mươi chín"),
        ("tại TP Cao Lãnh", "tại thành phố Cao Lãnh"),
    ],
)
def test_the_places_of_a_town_written_short_are_read_out(text: str, expected: str) -> None:
    """`KP 3` was kept as «KP ba» and held the bulletin back (R14.6), `KP. 5` ended the
    sentence («KP. Năm»), `KP2` was an unknown code; `TT Cái Tàu Hạ` was «thị trấn, thông tư
    hay trật tự» to the editor and `TX Hồng Ngự` unknown, though with a dot both were read."""
    spoken = normalise_fragment(text)
    assert spoken.text == expected
    assert not spoken.blocking


@pytest.mark.parametrize("text", ["đến TT Y tế huyện", "đến TT Y Tế huyện", "TT họp"])
def test_tt_before_a_centre_or_nothing_is_still_asked(text: str) -> None:
    """«TT Y Tế» is a health centre (Trung tâm), and `TT` alone says nothing: still held (R14.5)."""
    spoken = normalise_fragment(text)
    assert "TT" in spoken.text
    assert [f.code for f in spoken.blocking] == ["R14.5"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Kịch bản gần giống nhau:\n\n1. **Mồi nhử:** Đăng tin tuyển dụng.\n"
            "2. **Tạo lòng tin:** Trả tiền thưởng.\n3. **Chiếm đoạt:** Khóa tài khoản.\n",
            "Kịch bản gần giống nhau: thứ nhất, Mồi nhử: Đăng tin tuyển dụng. Thứ hai, Tạo lòng "
            "tin: Trả tiền thưởng. Thứ ba, Chiếm đoạt: Khóa tài khoản.",
        ),
        # Items that say their place already, bullets, items with no label: as before.
        (
            "Các bước:\n\n1. Bước 1: Mở ứng dụng.\n2. Bước 2: Đăng nhập.\n",
            "Các bước: Bước một: Mở ứng dụng. Bước hai: Đăng nhập.",
        ),
        (
            "Quy trình:\n\n- **Mồi nhử:** Đăng tin.\n- **Lòng tin:** Trả tiền.\n",
            "Quy trình: Mồi nhử: Đăng tin. Lòng tin: Trả tiền.",
        ),
        (
            "Hồ sơ gồm:\n\n1. đơn đề nghị;\n2. giấy khai sinh.\n",
            "Hồ sơ gồm: đơn đề nghị; giấy khai sinh.",
        ),
    ],
)
def test_numbered_steps_opening_with_a_label_are_counted(source: str, expected: str) -> None:
    """`1. **Mồi nhử:** …`, `2. **Tạo lòng tin:** …` (the sample's scam warning) was read
    «… giống nhau: Mồi nhử: Đăng tin …»: two colons run together, no number said, and the
    presenter could not make each step start. The steps the website numbers are counted."""
    assert normalise(source).text == expected
