"""Reviewer M's findings (session 36) on what the radio script reads, held and dropped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publish.radio.markdown import byline
from publish.radio.normalise import normalise
from publish.radio.options import SpeakOptions


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (
            "(CAH) – trong tháng 3, Công an huyện bắt giữ 5 đối tượng.",
            "Trong tháng ba, Công an huyện bắt giữ năm đối tượng.",
        ),
        (
            "Châu Thành (CAĐT) – sáng 12/3, Công an huyện Châu Thành ra quân.",
            "Sáng ngày mười hai tháng ba, Công an huyện Châu Thành ra quân.",
        ),
        (
            "Châu Thành (CAH) – ngày 5/11, lực lượng ra quân.",
            "Ngày năm tháng mười một, lực lượng ra quân.",
        ),
        (
            "Trần Văn Thời (CAH) – Sáng 3/3, Công an huyện Trần Văn Thời ra quân.",
            "Sáng ngày ba tháng ba, Công an huyện Trần Văn Thời ra quân.",
        ),
        (
            "Trần Văn Thời (PV) – sáng 3/3, lực lượng ra quân.\n\nTại huyện Trần Văn Thời, …",
            "Sáng ngày ba tháng ba, lực lượng ra quân.",
        ),
        ("Tân Phú (BBT) – tuần qua, xã ra quân.", "Tuần qua, xã ra quân."),
    ],
)
def test_a_units_dateline_before_news_in_lower_case_is_not_read(source: str, said: str) -> None:
    """«(CAH) – trong tháng 3, …» was read «Công an huyện, trong tháng ba», «Châu Thành (CAĐT)
    – sáng …» read and held on «CAĐT», and «Trần Văn Thời (CAH) – Sáng …», a district named
    after a person, taken for a person: a credit in brackets marks a dateline, and a name the
    bulletin gives a place's kind is a place."""
    spoken = normalise(source + "\n")
    assert spoken.text.split("\n\n")[0] == said
    assert not spoken.blocking


def test_a_district_named_after_a_person_in_site_toml_is_a_dateline() -> None:
    """site.toml's places ([unit] name: «Công an huyện Trần Văn Thời») name the district too."""
    source = "Trần Văn Thời (CAH) – sáng 3/3, lực lượng ra quân.\n"
    said = normalise(source, options=SpeakOptions(places=("Trần Văn Thời",))).text
    assert said == "Sáng ngày ba tháng ba, lực lượng ra quân."


@pytest.mark.parametrize(
    ("source", "opening"),
    [
        ("Nguyễn Văn Hải (NVH) – sinh năm 1985 – bị bắt.", "Nguyễn Văn Hải, sinh năm"),
        ("Nguyễn Văn Hải (CAH) – sinh năm 1985 – bị bắt.", "Nguyễn Văn Hải"),
        ("Ông Trần Văn Thời (PV) – sinh năm 1985 – bị bắt.", "Ông Trần Văn Thời"),
    ],
)
def test_a_person_before_a_bracket_stays_a_person(source: str, opening: str) -> None:
    """A person's full name before the bracket keeps the line, whatever the bracket holds."""
    assert normalise(source + "\n").text.startswith(opening)


_UNITS = [
    "Đồn Biên phòng Cửa khẩu Thường Phước",
    "Đội An ninh nhân dân",
    "Đội Tham mưu tổng hợp",
    "Hội Liên hiệp Phụ nữ xã Tân Phú",
    "Đội Cảnh sát quản lý hành chính về trật tự xã hội",
    "Công an xã Tân Phú trực ban",
]


@pytest.mark.parametrize("unit", _UNITS)
@pytest.mark.parametrize("author", ["", "Trần Văn Tú"])
def test_a_writers_signature_with_any_unit_is_not_read(unit: str, author: str) -> None:
    """«Trần Văn Tú - Đội An ninh nhân dân» ending a bulletin was read on air: only units from a
    fixed list of words signed. A last line «Name - Unit …» with no verb after the unit signs."""
    source = f"Mở đầu.\n\nTrần Văn Tú - {unit}\n"
    assert normalise(source, author=author).text == "Mở đầu."
    assert byline(source, author=author) == f"Tác giả: Trần Văn Tú - {unit}"


@pytest.mark.parametrize(
    "last",
    [
        "Trần Văn Tú - Đội An ninh nhân dân đề nghị người dân cảnh giác.",
        "Trần Văn Tú - Công an xã Tân Phú thông báo lịch tiếp dân",
        "Trần Văn Tú - Công an xã Tân Phú trực ban và xử lý tin báo.",
    ],
)
def test_a_name_and_unit_a_verb_follows_is_still_read(last: str) -> None:
    """A verb after the unit, or words after it and a stop, make a sentence for the listener."""
    said = normalise(f"Mở đầu.\n\n{last}\n", author="Trần Văn Tú").text
    assert said.startswith("Mở đầu.\n\nTrần Văn Tú, ")


def _codes(source: str) -> list[str]:
    """The codes of what `source`'s script is told."""
    return [f.code for f in normalise(source + "\n").flags]


@pytest.mark.parametrize(
    "source",
    [
        "Liên hệ Công an xã Tân Phú: 0912.xxx.xxx.",
        "Số điện thoại của Công an xã Tân Phú: 0277.3.xxx.xxx",
        "Người dân liên hệ đồng chí Trần Văn Tú, Trưởng Công an xã, số 0912.xxx.xxx.",
        "Đường dây nóng Công an xã Tân Phú: 0912.xxx.xxx.",
    ],
)
def test_the_units_number_still_to_be_filled_in_is_held(source: str) -> None:
    """«Liên hệ Công an xã Tân Phú: 0912.xxx.xxx.» was read «… bắt đầu bằng không chín một
    hai» on air: the unit's own number, its digits still to be written, holds the item (Q1)."""
    spoken = normalise(source + "\n")
    assert "Q1" in [f.code for f in spoken.blocking]
    assert "bắt đầu bằng" not in spoken.text


@pytest.mark.parametrize(
    "source",
    [
        'Đối tượng nhắn tin: "Anh vui lòng liên hệ số 0912.xxx.xxx để nhận quà".',
        "Đối tượng nhắn tin: “Chúc mừng anh. Vui lòng liên hệ số 0912.xxx.xxx để nhận quà”.",
        "Nạn nhân đã liên hệ đồng chí Trần Văn Tú, số 0912.xxx.xxx.",
    ],
)
def test_a_scammers_quoted_number_is_read_by_its_ends(source: str) -> None:
    """«Đối tượng nhắn tin: "Anh vui lòng liên hệ số 0912.xxx.xxx …"» was held as the unit's
    number still to be filled in: the «vui lòng» is the scammer's, quoted; the number hidden on
    purpose, read by where it starts."""
    spoken = normalise(source + "\n")
    assert "Q1" not in [f.code for f in spoken.flags]
    assert "bắt đầu bằng không chín một hai" in spoken.text


def test_the_unit_quoted_asking_to_call_is_still_held() -> None:
    """A quotation with no scam word before it is the unit's own words: its number is held."""
    source = "Công an xã khuyến cáo: “Người dân hãy liên hệ số 0912.xxx.xxx khi cần.”"
    assert "Q1" in _codes(source)


_TABLE = "| Xã | Số vụ |\n|---|---|\n| Tân Phú | 5 |\n"


@pytest.mark.parametrize(
    "after", ["Trên đây là kết quả tháng 3.", "Trên đây là số liệu của các xã."]
)
def test_a_sentence_summing_up_a_dropped_table_holds_the_item(after: str) -> None:
    """«Trên đây là kết quả tháng 3.» right after a table not read went on air, pointing at
    what the listener never heard: the item is held (R1.7), as «Các xã trên …» is."""
    spoken = normalise(f"Mở đầu.\n\n{_TABLE}\n{after}\n")
    assert [(f.code, f.severity) for f in spoken.blocking] == [("R1.7", "blocking")]


def test_a_sentence_above_no_table_is_read() -> None:
    """With no table dropped before it, «Trên đây là …» sums up the words read: no hold."""
    assert not normalise("Mở đầu.\n\nTrên đây là kết quả tháng 3.\n").blocking


@pytest.mark.parametrize(
    ("before", "said"),
    [
        (
            "Thu giữ tang vật (trị giá 50 triệu đồng; danh mục kèm theo bảng dưới đây):",
            "Thu giữ tang vật, trị giá năm mươi triệu đồng.",
        ),
        (
            "Thu giữ 2 xe máy (xem chi tiết bảng dưới), 1 xe không giấy tờ.",
            "Thu giữ hai xe máy, một xe không giấy tờ.",
        ),
        (
            "Các đối tượng gồm: Nguyễn Văn A (SN 1990), Trần Văn B (SN 1995), thông tin chi "
            "tiết xem bảng:",
            "Trần Văn B, sinh năm một nghìn chín trăm chín mươi lăm.",
        ),
        ("Số vụ giảm, thông tin chi tiết xem bảng.", "Số vụ giảm."),
    ],
)
def test_a_pointer_to_a_dropped_table_is_not_read(before: str, said: str) -> None:
    """«(…; danh mục kèm theo bảng dưới đây)», «(xem chi tiết bảng dưới), 1 xe …», «…, thông
    tin chi tiết xem bảng:» before a table not read were read on air: the listener was sent to
    a table they never hear."""
    spoken = normalise(f"Mở đầu.\n\n{before}\n\n{_TABLE}").text
    assert spoken.endswith(said), spoken
    assert "bảng" not in spoken


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (
            "Theo Quyết định số 123/QĐ-UBND của huyện.",
            "Theo Quyết định số một trăm hai mươi ba của Ủy ban nhân dân huyện.",
        ),
        (
            "Theo Quyết định số 123/QĐ-UBND của tỉnh Đồng Tháp.",
            "Theo Quyết định số một trăm hai mươi ba của Ủy ban nhân dân tỉnh Đồng Tháp.",
        ),
        (
            "Theo Kế hoạch 45/KH-UBND ngày 5/3/2024 của thị xã.",
            "Theo Kế hoạch bốn mươi lăm ngày năm tháng ba năm hai nghìn không trăm hai mươi tư "
            "của Ủy ban nhân dân thị xã.",
        ),
        (
            "Theo Quyết định số 123/QĐ-UBND của UBND huyện.",
            "Theo Quyết định số một trăm hai mươi ba của Ủy ban nhân dân huyện.",
        ),
    ],
)
def test_a_peoples_committees_document_of_a_place_keeps_the_committee(
    source: str, said: str
) -> None:
    """«Theo Quyết định số 123/QĐ-UBND của huyện.» was read «… số một trăm hai mươi ba của
    huyện.»: the writer named only the place, and the issuer «Ủy ban nhân dân» was left out as
    if said (R13.3: «UBND» is the committee, with the place when written)."""
    assert normalise(source + "\n").text == said


_LETTER = "(?:TX|TT|TP|Tp|Q|P|H|X|T|Ô)"
_LETTERS_SPELLED = re.compile(
    rf"(?<![\w|]){_LETTER}(?:\|{_LETTER}){{2,}}(?![\w|])|\[[TQPHXÔp]{{4,}}\]"
)
"""Three place letters or more as a pattern's alternatives (`TX|TT|TP`), or a class of them
(`[TQPHX]`): the letters of place_kinds.LETTERS spelled again."""


def test_the_place_letters_are_written_once() -> None:
    """abbreviations spelled the place letters twice more (`(TX|TT|TP|Tp|Q|P|H|X|T|Ô)\\.`,
    `(?:TP|Tp|TX|TT|T|H|Q|P|X)\\.`) beside place_kinds.LETTERS: a letter added there would be
    read in one rule and not the others. Every reader takes place_kinds'."""
    radio = Path(__file__).parents[1] / "publish" / "radio"
    assert _LETTERS_SPELLED.search("(?:TP|Tp|TX|TT|T|H|Q|P|X)\\.")
    for path in radio.glob("*.py"):
        if path.name != "place_kinds.py":
            found = _LETTERS_SPELLED.search(path.read_text("utf-8"))
            assert found is None, f"{path.name}: {found[0] if found else ''}"
