"""Reviewer O's findings (session 37) on the unit's numbers held and the writer's signatures."""

from __future__ import annotations

import pytest

from publish.radio.markdown import byline
from publish.radio.normalise import normalise


def _held(source: str) -> bool:
    """Whether `source`'s script is held for a number still to be filled in (Q1), unread."""
    spoken = normalise(source + "\n")
    return "Q1" in [f.code for f in spoken.blocking] and "bắt đầu bằng" not in spoken.text


def _read_by_its_ends(source: str) -> bool:
    """Whether `source`'s masked number is read by its first digits, nothing held."""
    spoken = normalise(source + "\n")
    return "Q1" not in [f.code for f in spoken.flags] and "bắt đầu bằng không chín" in spoken.text


@pytest.mark.parametrize(
    "source",
    [
        "Trước tình hình lừa đảo qua mạng, Công an xã khuyến cáo: “Người dân hãy liên hệ số "
        "0912.xxx.xxx khi cần.”",
        'Để phòng ngừa lừa đảo, Công an xã đề nghị: "Khi nghi ngờ, vui lòng liên hệ số '
        '0912.xxx.xxx".',
        "Trước thủ đoạn của các đối tượng, Công an xã Tân Phú khuyến cáo: «Bà con hãy gọi "
        "ngay số 0912.xxx.xxx».",
    ],
)
def test_the_units_quote_after_a_scam_word_is_still_held(source: str) -> None:
    """«Trước tình hình lừa đảo qua mạng, Công an xã khuyến cáo: “Người dân hãy liên hệ số
    0912.xxx.xxx …”» was read «bắt đầu bằng …» on air: a scam word in an earlier clause made the
    unit's own quote the scammer's. Only the words introducing the quote name its speaker."""
    assert _held(source)


@pytest.mark.parametrize(
    "source",
    [
        'Đối tượng nhắn tin: "Anh vui lòng liên hệ số 0912.xxx.xxx để nhận quà".',
        'Chị B nhận cuộc gọi, đối tượng nói: "Chị vui lòng gọi lại số 0912.xxx.xxx".',
        'Đối tượng gọi điện cho chị B, nói: "Chị vui lòng gọi lại số 0912.xxx.xxx".',
        'Sau khi giả danh cán bộ ngân hàng, đối tượng nhắn: "Hãy liên hệ số 0912.xxx.xxx".',
        'Đối tượng gửi tin nhắn có nội dung "gọi cho Phòng Cảnh sát hình sự, số 0912.xxx.xxx".',
    ],
)
def test_the_scammers_quote_is_still_read_by_its_ends(source: str) -> None:
    """The scammer quoted, named in the words introducing the quote or, when those name no one
    («…, nói:»), in its sentence: the number is the caller's, hidden on purpose."""
    assert _read_by_its_ends(source)


@pytest.mark.parametrize(
    "source",
    [
        "Người dân phát hiện đối tượng khả nghi, liên hệ Công an xã Tân Phú: 0912.xxx.xxx.",
        "Người dân phát hiện đối tượng khả nghi báo ngay cho Công an xã Tân Phú: 0912.xxx.xxx.",
        "Mọi tin báo gửi về Trực ban Công an xã Tân Phú: 0912.xxx.xxx.",
        "Liên hệ Công an xã Tân Phú (0912.xxx.xxx).",
        "Khi bị lừa đảo, bà con báo ngay cho Công an xã Tân Phú, số 0912.xxx.xxx.",
    ],
)
def test_the_units_number_after_a_scam_word_is_held(source: str) -> None:
    """«Người dân phát hiện đối tượng khả nghi, liên hệ Công an xã Tân Phú: 0912.xxx.xxx.» was
    read by its first digits: a scam word before the call, in another clause or told by the
    listener who calls, made it the scammer's; «gửi về Trực ban …», «(0912.xxx.xxx)» named no
    call. The unit's number still to be filled in holds the item (Q1)."""
    assert _held(source)


@pytest.mark.parametrize(
    "source",
    [
        "Đối tượng nhắn tin cho nạn nhân, yêu cầu liên hệ Công an xã Tân Phú: 0912.xxx.xxx.",
        "Nạn nhân đã liên hệ đồng chí Trần Văn Tú, số 0912.xxx.xxx.",
        "Đối tượng giả danh Công an xã Tân Phú, dùng số 0912.xxx.xxx gọi cho nạn nhân.",
    ],
)
def test_someone_elses_call_to_a_unit_is_still_read_by_its_ends(source: str) -> None:
    """A call told of (the scammer's demand, the victim's call): the number is read by its ends."""
    assert _read_by_its_ends(source)


@pytest.mark.parametrize(
    "last",
    [
        "Trần Văn Tú - Công an xã Tân Phú mong người dân hợp tác",
        "Nguyễn Văn Nam - Công an xã Tân Phú nhấn mạnh người dân cần cảnh giác",
        "Nguyễn Văn Nam - Đội Cảnh sát giao thông tuần tra kiểm soát",
        "Trần Văn Tú - Công an xã Tân Phú, mong bà con hợp tác",
    ],
)
@pytest.mark.parametrize("author", ["", "Trần Văn Tú"])
def test_a_last_sentence_with_no_stop_after_a_unit_is_read(last: str, author: str) -> None:
    """«Trần Văn Tú - Công an xã Tân Phú mong người dân hợp tác» ending a bulletin with no stop
    was dropped as a signature, its verb not in a fixed list: words after the unit sign only
    when they are a writer's role («trực ban», «thực hiện») or nothing."""
    source = f"Mở đầu.\n\n{last}\n"
    said = normalise(source, author=author).text
    name = last.partition(" - ")[0]
    assert said.startswith(f"Mở đầu.\n\n{name}, ")
    assert byline(source, author=author) == ""


_SIGNATURES = [
    ("Trần Văn Tú - Công an phường 3", "Trần Văn Tú - Công an phường 3"),
    ("Trần Văn Tú - Đội CSGT số 2", "Trần Văn Tú - Đội CSGT số 2"),
    (
        "Trần Văn Tú - Công an xã Tân Phú, huyện Châu Thành",
        "Trần Văn Tú - Công an xã Tân Phú, huyện Châu Thành",
    ),
    (
        "Trần Văn Tú - Công an huyện Châu Thành - tỉnh Tiền Giang",
        "Trần Văn Tú - Công an huyện Châu Thành - tỉnh Tiền Giang",
    ),
    (
        "Thượng úy Trần Văn Tú - Công an xã Tân Phú",
        "Thượng úy Trần Văn Tú - Công an xã Tân Phú",
    ),
    ("Trần Văn Tú (Công an xã Tân Phú)", "Trần Văn Tú - Công an xã Tân Phú"),
    ("Trần Văn Tú - UBND xã Tân Phú", "Trần Văn Tú - UBND xã Tân Phú"),
    ("Trần Văn Tú - Ủy ban nhân dân xã Tân Phú", "Trần Văn Tú - Ủy ban nhân dân xã Tân Phú"),
    ("Trần Văn Tú - Trực ban Công an xã Tân Phú", "Trần Văn Tú - Trực ban Công an xã Tân Phú"),
    ("Trần Văn Tú - Công an xã Tân Phú thực hiện", "Trần Văn Tú - Công an xã Tân Phú thực hiện"),
]


@pytest.mark.parametrize(("last", "credit"), _SIGNATURES)
@pytest.mark.parametrize("author", ["", "Trần Văn Tú"])
def test_a_signature_with_a_numbered_or_placed_unit_is_not_read(
    last: str, credit: str, author: str
) -> None:
    """«Trần Văn Tú - Công an phường 3», «… (Công an xã Tân Phú)», «Thượng úy Trần Văn Tú - …»,
    «… - UBND xã Tân Phú» were read on air as the last sentence: a number, a comma, a second
    dash, brackets, a rank or «UBND» made no signature. They sign, as «… - Công an xã» does."""
    source = f"Mở đầu.\n\n{last}\n"
    assert normalise(source, author=author).text == "Mở đầu."
    assert byline(source, author=author) == f"Tác giả: {credit}"


_UNITS_IN_LOWER_CASE = [
    "Đội Điều tra tổng hợp",
    "Đội Tuần tra",
    "Phòng Tổ chức cán bộ",
    "Phòng Kỹ thuật hình sự",
    "Đội Cảnh sát giao thông - trật tự",
    "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "Đội Xây dựng phong trào bảo vệ an ninh Tổ quốc",
    "Hội Nông dân xã Tân Phú",
]


@pytest.mark.parametrize("unit", _UNITS_IN_LOWER_CASE)
def test_a_unit_named_on_in_lower_case_still_signs(unit: str) -> None:
    """Words after the unit read a sentence unless they are a role: a unit's own name going on
    in lower case («Đội Điều tra tổng hợp», «Đội Cảnh sát giao thông - trật tự») still signs."""
    source = f"Mở đầu.\n\nTrần Văn Tú - {unit}\n"
    assert normalise(source, author="Trần Văn Tú").text == "Mở đầu."
    assert byline(source, author="Trần Văn Tú") == f"Tác giả: Trần Văn Tú - {unit}"


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (
            "TP. Mỹ Tho (CAT) – sáng 12/3, Công an tỉnh ra quân.",
            "Sáng ngày mười hai tháng ba, Công an tỉnh ra quân.",
        ),
        (
            "Phường 3 (CAP) – sáng 12/3, lực lượng ra quân.",
            "Sáng ngày mười hai tháng ba, lực lượng ra quân.",
        ),
        (
            "CAH – trong tháng 3, Công an huyện bắt giữ 5 đối tượng.",
            "Trong tháng ba, Công an huyện bắt giữ năm đối tượng.",
        ),
        (
            "(CAH): Trong tháng 3, Công an huyện bắt giữ 5 đối tượng.",
            "Trong tháng ba, Công an huyện bắt giữ năm đối tượng.",
        ),
        (
            "Nguyễn Văn An (PV) – sáng 12/3, Công an xã tiếp nhận tin báo.",
            "Sáng ngày mười hai tháng ba, Công an xã tiếp nhận tin báo.",
        ),
    ],
)
def test_a_dateline_or_byline_of_any_form_is_not_read(source: str, said: str) -> None:
    """«TP. Mỹ Tho (CAT) – sáng 12/3, …» was read «Thành phố Mỹ Tho, Công an tỉnh, sáng …»: a
    place with a dot or a number, a credit with no brackets or with a colon, a reporter's name
    before «(PV)» made no dateline. The news alone is read, opening its sentence."""
    assert normalise(source + "\n").text == said


@pytest.mark.parametrize(
    ("source", "opening"),
    [
        ("Văn Hải (CAH) – trú tại ấp 3, xã Tân Phú, bị bắt.", "Văn Hải, "),
        ("Anh Hùng (CAH) – sinh năm 1990, bị bắt.", "Anh Hùng, "),
        ("Phạm Vinh (PV) – trú tại ấp 3, bị bắt.", "Phạm Vinh, "),
        ("Cao Anh Hùng (CAH) – trú tại ấp 3, xã Tân Phú.", "Cao Anh Hùng, "),
        ("Ông Nguyễn Văn Hải (NVH) – chủ tiệm vàng cho biết.", "Ông Nguyễn Văn Hải, "),
    ],
)
def test_a_person_described_after_initials_keeps_the_name(source: str, opening: str) -> None:
    """«Văn Hải (CAH) – trú tại ấp 3, …» was read «Trú tại ấp ba, …», the person's name left
    out as a dateline's place: words telling where one lives or was born describe a person."""
    assert normalise(source + "\n").text.startswith(opening)


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (
            "Căn cứ Công văn số 12/CV-CAH của huyện.",
            "Căn cứ Công văn số mười hai của Công an huyện.",
        ),
        (
            "Theo Kế hoạch số 20/KH-CAT ngày 5/3/2024 của tỉnh Tiền Giang.",
            "Theo Kế hoạch số hai mươi ngày năm tháng ba năm hai nghìn không trăm hai mươi tư "
            "của Công an tỉnh Tiền Giang.",
        ),
        (
            "Căn cứ Công văn số 12/CV-CAH của Công an huyện.",
            "Căn cứ Công văn số mười hai của Công an huyện.",
        ),
    ],
)
def test_a_police_document_of_a_place_keeps_the_police(source: str, said: str) -> None:
    """«Công văn số 12/CV-CAH của huyện.» was read «… số mười hai của huyện.»: the issuer
    «Công an» was left out as if said, as «UBND» was before (R13.3)."""
    assert normalise(source + "\n").text == said


_TABLE = "| Thủ đoạn | Số vụ |\n|---|---|\n| Giả danh Công an | 5 |\n"


@pytest.mark.parametrize(
    ("before", "said"),
    [
        ("Đối tượng dùng các thủ đoạn sau:", "Mở đầu."),
        ("Công an xã phát hiện 3 thủ đoạn lừa đảo sau:", "Mở đầu.\n\nCông an xã phát hiện ba thủ đoạn lừa đảo."),
    ],
)  # fmt: skip
def test_a_sentence_announcing_a_table_not_read_by_sau_is_not_read(before: str, said: str) -> None:
    """«Đối tượng dùng các thủ đoạn sau:» before a table not read (R1.7) was read «… các thủ
    đoạn sau.»: the listener was promised what never came, as with «… như sau:»."""
    assert normalise(f"Mở đầu.\n\n{before}\n\n{_TABLE}").text == said


def test_a_sentence_announcing_a_list_read_by_sau_is_read() -> None:
    """A list after it is read: the sentence announcing it stays."""
    source = "Mở đầu.\n\nĐối tượng dùng các thủ đoạn sau:\n\n- Giả danh Công an.\n- Gọi video.\n"
    assert "thủ đoạn sau" in normalise(source).text
