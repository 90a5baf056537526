"""Session 78 (helper tk2): the review of a bare `TK` as an account's label (s78-tkmend).

`TK` alone is often someone's initials («anh TK»): it names an account only where money is paid
into it (publish.number_words.paid_into_tk). Such initials must neither hide a real account
label after them from the website's check nor turn the man and his other numbers into an
account on either channel.
"""

from __future__ import annotations

import datetime as dt

import pytest

from publish.pii import findings
from publish.radio.flags import BLOCKING
from publish.radio.normalise import normalise

NEAR = dt.date(2026, 12, 1)
ACCOUNT = "số tài khoản ngân hàng"


def told(text: str) -> list[tuple[str, str]]:
    """The kinds and masked values the website's personal-data lint tells in `text`."""
    return [(f.kind, f.value) for f in findings(text, year=NEAR.year)]


def on_air(text: str) -> tuple[str, list[str]]:
    """The radio script of `text` and the codes of its flags."""
    spoken = normalise(text, near=NEAR)
    return spoken.text, [flag.code for flag in spoken.flags]


def no_digit(script: str) -> bool:
    """Whether the radio script holds no digit (every private number went)."""
    return not any(digit in script for digit in "0123456789")


def held(text: str) -> list[str]:
    """The excerpts of the R9.6 flags that hold `text`'s bulletin back from the radio."""
    spoken = normalise(text, near=NEAR)
    return [f.excerpt for f in spoken.flags if f.code == "R9.6" and f.severity == BLOCKING]


# The initials matched as a label, took the number after «số tài khoản»/«STK» across the words
# between, were found to name no account, and the search went on past the number: the website
# told nothing (it told the account before session 78) while the radio dropped it (R9.5).
INITIALS_BEFORE_AN_ACCOUNT = [
    "Anh TK có số tài khoản Vietcombank 0123456789.",
    "Ông A (thôn 3, TK Hòa Bình) có STK 0123456789 tại Agribank.",
    "Anh TK, chủ STK 0123456789, đã khai nhận.",
    "Đối tượng TK dùng STK 0123456789 để nhận tiền.",
    "Bị hại là chị TK, STK: 0123 4567 89.",
]


@pytest.mark.parametrize("text", INITIALS_BEFORE_AN_ACCOUNT)
def test_an_account_label_after_someones_initials_tk_is_told_and_dropped(text: str) -> None:
    assert told(text) == [(ACCOUNT, "012*****89")]
    script, codes = on_air(text)
    assert "R9.5" in codes
    assert no_digit(script)


# «ngân hàng» anywhere before `TK`, and any words between `TK` and a number, made the man
# an account: «ông tài khoản.» on air, his ID or phone told as his account on the website.
INITIALS_NEAR_A_BANK = [
    ("Tại ngân hàng, ông TK xuất trình CCCD 087203001234.", ("số CCCD", "087*******34")),
    ("Nhân viên ngân hàng là anh TK (SĐT 0912345678) đã báo tin.", None),
    ("Anh A nhờ ngân hàng hỗ trợ TK 2024 gồm 1234567 lượt.", None),
]


@pytest.mark.parametrize(("text", "finding"), INITIALS_NEAR_A_BANK)
def test_initials_tk_near_a_bank_are_no_account(text: str, finding: tuple[str, str] | None) -> None:
    assert [f for f in told(text) if f[0] == ACCOUNT] == []
    if finding is not None:
        assert finding in told(text)
    assert "tài khoản" not in on_air(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Anh TK gửi tiền vào TK 0123456789 tại ngân hàng Agribank.",
        "Đã chuyển vào TK Vietcombank 0123456789.",
        "Nộp phạt tại Kho bạc nhà nước huyện, TK 0123456789.",
    ],
)
def test_tk_paid_into_or_held_by_a_bank_is_still_an_account(text: str) -> None:
    assert told(text) == [(ACCOUNT, "012*****89")]
    assert "R9.5" in on_air(text)[1]


def test_a_short_code_of_a_bank_after_its_number_is_read_as_an_account() -> None:
    spoken = normalise("Tiền gửi vào TK 3511 của ngân hàng.", near=NEAR)
    assert spoken.text.startswith("Tiền gửi vào tài khoản ba năm một một")


# Groups apart by « - » (a hyphen between spaces) were one account on air (R9.5 dropped it) and
# none on the website, whose pattern took one separating character between groups.
@pytest.mark.parametrize(
    "text",
    [
        "Số tài khoản 0071 - 0001 - 2345.",
        "STK 0071 - 0001 - 2345.",
        "Số TK 0071 - 0001 - 2345.",
        "Số tài khoản 0071 -0001- 2345 tại Vietcombank.",
        "Chuyển vào tài khoản 0071 - 0001 - 2345 tại Agribank.",
    ],
)
def test_groups_apart_by_a_spaced_hyphen_are_one_account_on_both_channels(text: str) -> None:
    assert told(text) == [(ACCOUNT, "007*******45")]
    script, codes = on_air(text)
    assert "R9.5" in codes
    assert "0071" not in script


def test_a_spaced_range_after_a_bare_tai_khoan_is_still_no_account() -> None:
    text = "Mua 300 tài khoản 2024 - 2025 trên mạng, giá 1000 - 2000 USDT."
    assert told(text) == []
    assert "R9.5" not in on_air(text)[1]
