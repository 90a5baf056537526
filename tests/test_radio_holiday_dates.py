"""Holiday dates without `ngày` (session 66 review): `dịp 30/4`, `Quốc khánh 2/9`, `15/8 âm lịch`
are dates (R7.2), read «ngày … tháng …» like every other date, never a fraction («hai phần chín»)
or a ratio («ba mươi trên bốn»); real fractions stay fractions (R12.3).

Inputs go through `normalise_fragment` like the spec's own vectors: no sentence-start capital,
no final stop.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise, normalise_fragment

HOLIDAY_DATES = [
    (
        "bảo đảm an ninh dịp 30/4 và 1/5",
        "bảo đảm an ninh dịp ngày ba mươi tháng tư và ngày một tháng năm",
    ),
    ("dịp nghỉ lễ 2/9", "dịp nghỉ lễ ngày hai tháng chín"),
    ("chào mừng Quốc khánh 2/9", "chào mừng Quốc khánh ngày hai tháng chín"),
    ("kỷ niệm 8/3", "kỷ niệm ngày tám tháng ba"),
    (
        "chào mừng Nhà giáo Việt Nam 20/11",
        "chào mừng Nhà giáo Việt Nam ngày hai mươi tháng mười một",
    ),
    ("Tết Trung thu 15/8 âm lịch", "Tết Trung thu ngày mười lăm tháng tám âm lịch"),
    # `âm lịch` after a date makes it one whatever comes before; its months are lunar (R7.3).
    ("lễ hội đền Hùng 10/3 âm lịch", "lễ hội đền Hùng ngày mười tháng ba âm lịch"),
    ("cúng rằm 15/7 AL hằng năm", "cúng rằm ngày mười lăm tháng bảy âm lịch hằng năm"),
    ("giỗ ông vào 12/12 âm lịch", "giỗ ông vào ngày mười hai tháng chạp âm lịch"),
    # The police press writes them with a hyphen too (as `ngày 30-4`).
    ("dịp 30-4 và 1-5", "dịp ngày ba mươi tháng tư và ngày một tháng năm"),
    ("Quốc khánh 2-9", "Quốc khánh ngày hai tháng chín"),
    # The day named already before the holiday's name: no second «ngày» (R7.1).
    ("nhân Ngày Quốc tế Phụ nữ 8/3", "nhân Ngày Quốc tế Phụ nữ tám tháng ba"),
    (
        "Ngày truyền thống Công an nhân dân 19/8",
        "Ngày truyền thống Công an nhân dân mười chín tháng tám",
    ),
    ("những ngày nghỉ lễ 30/4", "những ngày nghỉ lễ ba mươi tháng tư"),
    # A day's name with an abbreviation in it (read out in P7) names its date all the same.
    (
        "Ngày truyền thống CAND (19/8)",
        "Ngày truyền thống Công an nhân dân, mười chín tháng tám,",
    ),
    (
        "Ngày hội toàn dân bảo vệ ANTQ (19/8)",
        "Ngày hội toàn dân bảo vệ an ninh Tổ quốc, mười chín tháng tám,",
    ),
    ("Ngày toàn dân PCCC (4/10)", "Ngày toàn dân phòng cháy, chữa cháy, bốn tháng mười,"),
    (
        "Ngày Quốc tế phòng, chống ma túy 26/6",
        "Ngày Quốc tế phòng, chống ma túy hai mươi sáu tháng sáu",
    ),
    (
        "nhân ngày truyền thống CAND 19/8",
        "nhân ngày truyền thống Công an nhân dân mười chín tháng tám",
    ),
    ("Ngày Môi trường thế giới 5/6", "Ngày Môi trường thế giới năm tháng sáu"),
    (
        "Ngày truyền thống lực lượng Công an nhân dân 19/8",
        "Ngày truyền thống lực lượng Công an nhân dân mười chín tháng tám",
    ),
]


@pytest.mark.parametrize(("source", "expected"), HOLIDAY_DATES)
def test_a_holiday_date_is_a_date(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_a_holiday_date_a_count_follows_is_still_a_date() -> None:
    """`dịp 2/9` names the day; what follows it is the sentence's subject, not what 2/9 counts."""
    spoken = normalise("Dịp 2/9 số vụ tai nạn giao thông giảm.")
    assert spoken.text == "Dịp ngày hai tháng chín số vụ tai nạn giao thông giảm."


FRACTIONS = [
    # So many places of a total, counted as cases are: no R12.3 to check (`42/45 vụ`).
    ("12/15 xã đạt chuẩn", "mười hai trên mười lăm xã đạt chuẩn", []),
    ("giảm 3/4 số vụ", "giảm ba phần tư số vụ", ["R7.2"]),
    ("2/3 dân số", "hai phần ba dân số", ["R7.2"]),
    ("tỷ lệ 1/5", "tỷ lệ một phần năm", ["R7.2"]),
    # A «ngày» that names no day: what is counted after it stays a fraction.
    (
        "trong ngày lực lượng CSGT phát hiện 3/4 số vụ",
        "trong ngày lực lượng Cảnh sát giao thông phát hiện ba phần tư số vụ",
        ["R7.2"],
    ),
    ("mỗi ngày trên thế giới 1/3 số vụ", "mỗi ngày trên thế giới một phần ba số vụ", ["R7.2"]),
    # A day's words alone, without «Ngày», make no date.
    (
        "công tác phòng, chống ma túy 6/6 xã đạt",
        "công tác phòng, chống ma túy sáu trên sáu xã đạt",
        [],
    ),
    # How long a holiday lasts is a range, not a date.
    ("nghỉ lễ 4-5 ngày", "nghỉ lễ từ bốn đến năm ngày", []),
    # Solar dates around Tết stay solar: `Tết` alone is no lunar mark (R7.3).
    (
        "dịp Tết, từ ngày 20/12 đến ngày 5/1",
        "dịp Tết, từ ngày hai mươi tháng mười hai đến ngày năm tháng một",
        [],
    ),
]


@pytest.mark.parametrize(("source", "expected", "codes"), FRACTIONS)
def test_fractions_and_ranges_without_a_holiday_stay_as_they_were(
    source: str, expected: str, codes: list[str]
) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, [f.code for f in spoken.flags]) == (expected, codes)
