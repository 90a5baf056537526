"""Session 80 (helper radio): degree signs, typed arrows, a service line before a count.

Test vectors in the style of the read-aloud spec (radio-read-aloud.md §5): the Markdown on the
left, the exact script the reader gets on the right.
"""

from __future__ import annotations

import pytest

from publish.radio.flags import BLOCKING
from publish.radio.normalise import normalise

# R6.2 reads `°C` «độ C»; the one character `℃` (which NFC keeps) was dropped as a pictograph,
# «Nhiệt độ ba mươi», and a bare `°` was left to the reader, «ba mươi°», with no flag.
DEGREES = [
    ("Nhiệt độ 30℃ vào buổi trưa.", "Nhiệt độ ba mươi độ C vào buổi trưa."),
    ("Nhiệt độ 30 ℃.", "Nhiệt độ ba mươi độ C."),
    ("Nhiệt độ -5℃.", "Nhiệt độ âm năm độ C."),
    ("Nhiệt độ 30°.", "Nhiệt độ ba mươi độ."),
    ("Nhiệt độ 30 ° C.", "Nhiệt độ ba mươi độ C."),
    ("Nhiệt độ 25°-30°.", "Nhiệt độ từ hai mươi lăm độ đến ba mươi độ."),
    ("Nhiệt độ 25℃ - 30℃.", "Nhiệt độ từ hai mươi lăm độ C đến ba mươi độ C."),
    ("Góc nghiêng 45º.", "Góc nghiêng bốn mươi lăm độ."),
    ("Nhiệt độ 86℉.", "Nhiệt độ tám mươi sáu độ F."),
]


@pytest.mark.parametrize(("source", "expected"), DEGREES)
def test_a_degree_sign_after_a_number_is_read(source: str, expected: str) -> None:
    spoken = normalise(source)
    assert spoken.text == expected
    assert spoken.blocking == ()


# A degree sign with no number before it: no rule can say it, so the editor is told (Q2), as
# for the other symbols; it was left in the script unflagged (`°`) or dropped unsaid (`℃`).
LONE_DEGREE_SIGNS = [
    ("Ký hiệu ° đứng riêng.", "°"),
    ("Đơn vị ℃ là độ C.", "℃"),
]


@pytest.mark.parametrize(("source", "sign"), LONE_DEGREE_SIGNS)
def test_a_lone_degree_sign_is_flagged(source: str, sign: str) -> None:
    spoken = normalise(source)
    q2 = [f for f in spoken.flags if f.code == "Q2" and f.severity == BLOCKING]
    assert [f.excerpt for f in q2] == [sign]
    assert "độ" in q2[0].message


# An arrow typed with a key too many or a space is still an arrow, read as the pause `->` is
# (`- >` already was): `>=` of `- >=` was read «không dưới», the `=` of `= >`, `==>`, `->=`
# left for Q2, a fullwidth `＝＞` and `⟹` left unread with no flag, `➔`, `⇨` dropped with their
# pause.
TYPED_ARROWS = [
    ("Phạt = > 5 triệu đồng.", "Phạt, năm triệu đồng."),
    ("Phạt ==> 5 triệu đồng.", "Phạt, năm triệu đồng."),
    ("Phạt =>> 5 triệu đồng.", "Phạt, năm triệu đồng."),
    ("Phạt ＝＞ 5 triệu đồng.", "Phạt, năm triệu đồng."),
    ("Phạt ⟹ 5 triệu đồng.", "Phạt, năm triệu đồng."),
    ("Phạt ➔ 5 triệu đồng.", "Phạt, năm triệu đồng."),
    ("Phạt ⇨ 5 triệu đồng.", "Phạt, năm triệu đồng."),
    ("Ca trực 7h - >= 11h.", "Ca trực bảy giờ, mười một giờ."),
    ("Ca trực 7h ->= 11h.", "Ca trực bảy giờ, mười một giờ."),
]


@pytest.mark.parametrize(("source", "expected"), TYPED_ARROWS)
def test_a_typed_arrow_is_a_pause(source: str, expected: str) -> None:
    spoken = normalise(source)
    assert spoken.text == expected
    assert spoken.blocking == ()


# After «từ», an arrow between two figures is the «đến» of a range (R8.3, R12.1): «từ bảy giờ,
# mười một giờ» is no Vietnamese, and the second date, with no «đến» before it, was read as a
# fraction, «năm phần sáu».
RANGES_WITH_AN_ARROW = [
    ("Làm việc từ 7h => 11h hằng ngày.", "Làm việc từ bảy giờ đến mười một giờ hằng ngày."),
    ("Làm việc từ 7h -> 11h.", "Làm việc từ bảy giờ đến mười một giờ."),
    ("Làm việc từ 7h30→11h.", "Làm việc từ bảy giờ ba mươi phút đến mười một giờ."),
    ("Ca trực từ 7h - >= 11h.", "Ca trực từ bảy giờ đến mười một giờ."),
    (
        "Cao điểm từ ngày 1/6 => 5/6.",
        "Cao điểm từ ngày một tháng sáu đến ngày năm tháng sáu.",
    ),
    ("Mức phạt từ 5 -> 10 triệu đồng.", "Mức phạt từ năm đến mười triệu đồng."),
    ("Phạt từ 500.000 -> 1.000.000 đồng.", "Phạt từ năm trăm nghìn đến một triệu đồng."),
]


@pytest.mark.parametrize(("source", "expected"), RANGES_WITH_AN_ARROW)
def test_an_arrow_after_tu_and_a_figure_is_den(source: str, expected: str) -> None:
    spoken = normalise(source)
    assert spoken.text == expected
    assert spoken.flags == ()


# Arrows between words stay pauses: no range without figures on both sides, nor between a
# phone's digits («từ không chín một hai …, đến …»).
ARROWS_BETWEEN_NO_FIGURES = [
    ("Từ Facebook => Zalo => chuyển tiền.", "Từ Facebook, Zalo, chuyển tiền."),
    (
        "Chuyển máy từ 0912.345.678 -> 0987.654.321.",
        "Chuyển máy từ không chín một hai, ba bốn năm, sáu bảy tám, không chín tám bảy, sáu năm "
        "bốn, ba hai một.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), ARROWS_BETWEEN_NO_FIGURES)
def test_an_arrow_between_no_figures_stays_a_pause(source: str, expected: str) -> None:
    assert normalise(source).text == expected


# A service's number right after its name, then a smaller count: the line and the calls it took
# («Cấp cứu 115 - 113 cuộc gọi»), no range. The range falls, so it was read «một trăm mười lăm,
# một trăm mười ba cuộc gọi» and held (R12.1), the unspaced one «một một năm-…» with no flag.
LINES_BEFORE_THEIR_COUNT = [
    ("Cấp cứu 115 - 113 cuộc gọi.", "Cấp cứu một một năm, một trăm mười ba cuộc gọi."),
    ("Cấp cứu 115 – 20 cuộc gọi.", "Cấp cứu một một năm, hai mươi cuộc gọi."),
    ("Cấp cứu 115-113 cuộc gọi.", "Cấp cứu một một năm, một trăm mười ba cuộc gọi."),
    ("Cấp cứu: 115 - 113 cuộc gọi.", "Cấp cứu: một một năm, một trăm mười ba cuộc gọi."),
    (
        "- Cấp cứu 115 - 113 cuộc gọi; Cứu hỏa 114 - 12 cuộc gọi.",
        "Cấp cứu một một năm, một trăm mười ba cuộc gọi; Cứu hỏa một một bốn, mười hai cuộc gọi.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), LINES_BEFORE_THEIR_COUNT)
def test_a_service_line_before_a_smaller_count_is_the_line_and_its_count(
    source: str, expected: str
) -> None:
    spoken = normalise(source)
    assert spoken.text == expected
    assert spoken.flags == ()


def test_a_falling_range_with_no_service_name_right_before_is_still_held() -> None:
    """`tiếp nhận` between the name and the number: which was meant is a guess, so R12.1 holds."""
    spoken = normalise("Tổng đài tiếp nhận 115 - 113 cuộc gọi.")
    assert [f.code for f in spoken.blocking] == ["R12.1"]


# Numbers with nothing but a space between them ran together into one long number on air:
# «hai nghìn không trăm mười chín hai nghìn không trăm hai mươi …». A pause between each.
NUMBERS_SIDE_BY_SIDE = [
    (
        "Các năm 2019 2020 2021 đều tăng.",
        "Các năm hai nghìn không trăm mười chín, hai nghìn không trăm hai mươi, hai nghìn không "
        "trăm hai mươi mốt đều tăng.",
    ),
    ("Tỷ số 2 1.", "Tỷ số hai, một."),
]


@pytest.mark.parametrize(("source", "expected"), NUMBERS_SIDE_BY_SIDE)
def test_numbers_side_by_side_are_read_with_a_pause(source: str, expected: str) -> None:
    assert normalise(source).text == expected
