"""Numbers read alike by every channel (session 77): the website's personal-data check, the search
index, the page's phone links and the radio script agree on the same text."""

from __future__ import annotations

import datetime as dt

import pytest

from publish.pii import findings
from publish.pii_phones import phone_verdicts
from publish.radio.normalise import normalise
from publish.render.web.search import phone_terms

NEAR = dt.date(2026, 12, 1)
PRIVATE = "số điện thoại riêng của bị hại"


@pytest.mark.parametrize("joint", [",\n", ", \n  ", " và\n", ",\nhoặc "])
def test_a_list_of_phones_broken_after_its_joint_is_one_list_on_every_channel(joint: str) -> None:
    """«0912…,⏎0987…» (a paragraph's soft break after the comma): the radio's caller check read
    one list, the personal-data check two numbers, the second with no owner, so a victim's
    second number went out untold, and a caller's first was told as the victim's."""
    victim = f"Bị hại là ông Nguyễn Văn Bình, trú ấp 3, điện thoại 0912345678{joint}0987654321."
    told = [(f.kind, f.value) for f in findings(victim, year=NEAR.year)]
    assert told == [(PRIVATE, "091*****78"), (PRIVATE, "098*****21")]
    caller = (
        f"Ông Nguyễn Văn Bình (bị hại) cho biết số 0912345678{joint}0987654321 đã gọi điện lừa đảo."
    )
    assert [who for _, _, who in phone_verdicts(caller, frozenset())] == ["", ""]
    flags = normalise(caller, near=NEAR).flags
    assert [f.excerpt for f in flags if f.code == "Q6"] == ["0912345678", "0987654321"]


@pytest.mark.parametrize("joint", ["\n- ", "\n"])
def test_numbers_on_two_lines_without_a_joint_before_the_break_are_no_list(joint: str) -> None:
    """A line break alone, or before a list item's «-», joins nothing: the second number is
    judged by its own words, on both channels."""
    text = f"Bị hại là ông Nguyễn Văn Bình, trú ấp 3, điện thoại 0912345678{joint}0987654321."
    assert [who for _, _, who in phone_verdicts(text, frozenset())] == ["bị hại", None]


@pytest.mark.parametrize("space", ["  ", "\u00a0 ", " \u202f", "\t"])
@pytest.mark.parametrize("word", ["Tổng", "con", "chỉ", "Hệ", "doanh"])
def test_a_count_s_so_after_more_than_one_space_is_no_phone_s_word(word: str, space: str) -> None:
    """«Tổng  số 84.912.345.678» (two spaces, as typed or pasted from Word): the fixed-width
    look-behinds let the «số» through as a phone's, and «84.» was read on air digit by digit as a
    number from abroad and told to the check as a phone."""
    text = f"Báo cáo năm nay nêu {word}{space}số 84.912.345.678, tăng mạnh."
    assert "tám mươi tư tỷ" in normalise(text, near=NEAR).text
    assert list(phone_verdicts(text, frozenset())) == []
    assert [f for f in findings(text, year=NEAR.year) if f.kind.startswith("số điện thoại")] == []
    assert [t for t in phone_terms(text) if t.startswith("0")] == []


def test_a_phone_s_so_after_a_count_s_so_is_still_a_phone_s() -> None:
    """Only the «số» right after the count's word is a count's."""
    text = "Tổng  số: số 84.912.345.678 là của kẻ gian."
    assert [digits for _, digits, _ in phone_verdicts(text, frozenset())] == ["0912345678"]


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        ("1234567890123456", "123***********56"),
        ("1234 5678 9012 3456 789", "123**************89"),
        ("9704-1234-5678-9012", "970***********12"),
    ],
)
def test_an_account_of_16_to_19_digits_after_a_bare_account_word_is_told_as_dropped(
    number: str, shown: str
) -> None:
    """«tài khoản 1234567890123456»: the radio dropped the number (R9.5), the website's check
    said nothing (it took 8 to 15 digits after a bare «tài khoản», 6 to 19 after «số tài
    khoản»)."""
    text = f"Đối tượng yêu cầu chuyển tiền vào tài khoản {number} tại ngân hàng."
    told = [f.value for f in findings(text, year=NEAR.year) if f.kind == "số tài khoản ngân hàng"]
    spoken = normalise(text, near=NEAR)
    assert told == [shown] and [f.excerpt for f in spoken.flags if f.code == "R9.5"] == [shown]
    assert "tài khoản tại ngân hàng" in spoken.text


def test_accounts_of_16_to_19_digits_listed_after_a_bare_account_word_are_each_dropped() -> None:
    """The list after a bare «tài khoản» ended at a second number of 16 digits: read on air."""
    text = "Chuyển vào tài khoản 0071000123456, 1234567890123456 của đối tượng."
    told = [f.value for f in findings(text, year=NEAR.year) if f.kind == "số tài khoản ngân hàng"]
    spoken = normalise(text, near=NEAR)
    assert told == ["007********56", "123***********56"]
    assert [f.excerpt for f in spoken.flags if f.code == "R9.5"] == told


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Đối tượng yêu cầu chuyển vào tài khoản số 123456 của bị hại.", "123*56"),
        ("Số tài khoản 1234567 của bà C đã bị khóa.", "123**67"),
        ("Chuyển vào STK 123456 tại ngân hàng.", "123*56"),
    ],
)
def test_an_account_of_six_or_seven_digits_after_its_label_is_dropped_as_the_website_tells_it(
    text: str, shown: str
) -> None:
    """The website's check takes six digits and more after an account's label; the radio took
    eight characters and more, so a victim's six-digit account was read on air as an amount
    (session 77)."""
    told = [f.value for f in findings(text, year=NEAR.year) if f.kind == "số tài khoản ngân hàng"]
    spoken = normalise(text, near=NEAR)
    assert told == [shown] and [f.excerpt for f in spoken.flags if f.code == "R9.5"] == [shown]
    assert not any(c.isdigit() for c in spoken.text)


@pytest.mark.parametrize(
    "text",
    [
        "Chuyển vào tài khoản 123456 của đối tượng.",  # bare «tài khoản»: eight digits and more
        "Có 123456 tài khoản bị khóa.",
        "Số tài khoản 123456 đồng là tiền phạt.",
        "Kho bạc nhận vào tài khoản số 12345 của đơn vị.",
    ],
)
def test_shorter_or_counted_numbers_near_an_account_stay_on_both_channels(text: str) -> None:
    assert [f for f in findings(text, year=NEAR.year) if "tài khoản" in f.kind] == []
    assert [f for f in normalise(text, near=NEAR).flags if f.code == "R9.5"] == []
