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
