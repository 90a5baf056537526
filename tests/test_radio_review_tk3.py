"""Session 78 (helper tk3): the review of merge 268150f3 (s78-tk2).

Groups apart by « - » became one account on the website after any account label, words between
or not: ranges of years, counts and dates after «Số tài khoản …» were told as someone's account
and held back `publish approve`. And «ngân hàng» before a bare «TK» stopped counting at all:
accounts a bank blocked were read on air and told by no check.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import bulletin_md, make_project
from tests.test_approval import APPROVER, FILE
from tests.test_approval_linked import approve
from tests.test_radio_review_tk2 import ACCOUNT, no_digit, on_air, told

# None was told before the merge (d2a3f216); after it each was a «202***25» account on the
# website, and the radio dropped the number as one (R9.5).
RANGES_AFTER_AN_ACCOUNT_LABEL = [
    ("Số tài khoản bị khóa trong giai đoạn 2021 - 2025 tăng mạnh.", "hai mươi mốt đến"),
    ("Số tài khoản ngân hàng bị lợi dụng năm 2023 - 2024 là 1.250.", "hai mươi ba đến"),
    ("Số tài khoản ảo từ 1000 - 2000 cái mỗi tuần.", "một nghìn đến hai nghìn cái"),
    ("Số TK bị khóa: 1200 - 1500 mỗi tháng.", "một nghìn năm trăm mỗi tháng"),
    ("Số tài khoản đăng ký trong năm 2024 - 2025: khoảng 5 triệu.", "hai mươi tư đến"),
    ("Số tài khoản bị khóa ngày 12 - 3 - 2024.", "hai nghìn không trăm hai mươi tư"),
    ("Số tài khoản 2021 - 2025 đã bị khóa.", "hai mươi mốt đến"),
    ("Số tài khoản: 1000 - 2000 tài khoản.", "một nghìn đến hai nghìn tài khoản"),
]


@pytest.mark.parametrize(("text", "said"), RANGES_AFTER_AN_ACCOUNT_LABEL)
def test_a_spaced_range_or_date_after_an_account_label_is_no_account(text: str, said: str) -> None:
    assert told(text) == []
    script, codes = on_air(text)
    assert "R9.5" not in codes
    assert said in script


def test_approve_is_not_held_back_by_a_range_after_an_account_label(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "".join(f"{text}\n\n" for text, _ in RANGES_AFTER_AN_ACCOUNT_LABEL)
    root = make_project(
        tmp_path, {FILE: bulletin_md({"channels": "[web]"}, body, drop=("approved_by",))}
    )
    assert approve(root) == 0
    assert "chưa ai xem xét" not in capsys.readouterr().err
    assert f'approved_by: "{APPROVER}"' in (root / FILE).read_text(encoding="utf-8")


# Clearly an account still: groups of an account's length right after its label.
@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Số tài khoản 0071 - 0001 - 2345 của bị hại.", "007*******45"),
        ("STK: 1903 - 4567 - 8901 - 23.", "190*********23"),
        ("Số tài khoản 190345 - 678901.", "190*******01"),
        ("Số tài khoản của bị hại: 12 - 345678.", "123***78"),
    ],
)
def test_spaced_groups_of_an_account_stay_one_account(text: str, masked: str) -> None:
    assert told(text) == [(ACCOUNT, masked)]
    script, codes = on_air(text)
    assert "R9.5" in codes
    assert no_digit(script)


# Before the merge both channels caught these; after it the website said nothing and the radio
# read the number out («TK không một hai ba, …»).
ACCOUNTS_A_BANK_HOLDS = [
    "Tại ngân hàng Agribank, TK 0123456789 của bị hại bị phong tỏa.",
    "Ngân hàng đã phong tỏa TK 0123456789 của đối tượng.",
    "Ngân hàng Vietcombank xác nhận TK: 0123 4567 89 đã bị khóa.",
]


@pytest.mark.parametrize("text", ACCOUNTS_A_BANK_HOLDS)
def test_an_account_number_after_tk_with_a_bank_before_it_is_told_and_dropped(text: str) -> None:
    assert told(text) == [(ACCOUNT, "012*****89")]
    script, codes = on_air(text)
    assert "R9.5" in codes
    assert no_digit(script)


@pytest.mark.parametrize(
    "text",
    [
        "Tại ngân hàng, ông TK xuất trình giấy tờ rồi ký 12345678 lần.",
        "Ngân hàng hỗ trợ TK 2024 cho 35 hộ.",
        "Nhân viên ngân hàng là anh TK, sinh năm 1990, quê 123456 xã A.",
    ],
)
def test_a_bank_before_initials_or_a_short_number_after_tk_is_still_no_account(text: str) -> None:
    assert [f for f in told(text) if f[0] == ACCOUNT] == []
    assert "R9.5" not in on_air(text)[1]


# A long number listed after a short code was read on air («… và một chín không ba, bốn năm sáu
# bảy, …») and told by no check: the website's pattern wants six digits after the label, the
# radio's short-code reader took the list's short codes only.
@pytest.mark.parametrize(
    ("text", "masked", "said"),
    [
        ("STK 1234 và 1903 4567 8901 23.", "190*********23", "Số tài khoản một hai ba bốn."),
        ("Nộp vào TK 3511 và 0123456789.", "012*****89", "Nộp vào tài khoản ba năm một một."),
        ("STK 1234, 0123 4567 89.", "012*****89", "Số tài khoản một hai ba bốn."),
        ("STK 1234, 5678 và 0123456789.", "012*****89", "Số tài khoản một hai ba bốn, năm sáu"),
    ],
)
def test_an_account_listed_after_a_short_code_is_told_and_dropped(
    text: str, masked: str, said: str
) -> None:
    assert told(text) == [(ACCOUNT, masked)]
    script, codes = on_air(text)
    assert "R9.5" in codes
    assert script.startswith(said)
    assert no_digit(script)


@pytest.mark.parametrize(
    "text",
    [
        "Nộp vào TK 3511, 3512 và 15.03.2024.",
        "Anh TK 3511 và 0912345678 đã báo tin.",
        "STK 1234 và 1.500.000 đồng.",
    ],
)
def test_no_account_after_a_short_code_without_one_listed(text: str) -> None:
    assert [f for f in told(text) if f[0] == ACCOUNT] == []
    assert "R9.5" not in on_air(text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "STK: 1903 - 4567 của đối tượng.",
        "STK 1234 - 5678 của đối tượng.",
        "Số tài khoản: 1903 - 4567 tại Techcombank.",
        "Đối tượng dùng STK 1903 - 4567 để nhận tiền.",
        "STK 125 - 10 - 00 - 123456 (BIDV) của đối tượng.",
        "Số tài khoản 5102 - 205 - 12 - 3456 tại Agribank.",
        "STK 12 - 3456 - 7890 của đối tượng.",
        "STK 1234 - 5678 - 9 của đối tượng.",
    ],
)
def test_short_spaced_groups_after_a_label_are_an_account_not_a_range_or_a_date(text: str) -> None:
    """Review of s78-tk3: two groups of four digits after a label were a range and any short
    group made a «date»: these accounts were read on air as ranges and told by no check. A range
    is years, «từ …» or counted; a date is a day, a month and a year."""
    assert [kind for kind, _ in told(text)] == [ACCOUNT]
    script, codes = on_air(text)
    assert "R9.5" in codes
    assert "đến" not in script


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Ngân hàng cho biết anh TK 0912345678 gọi điện.", "anh TK không chín một hai"),
        ("Tại ngân hàng, đối tượng TK 0912345678 đã rút tiền.", "đối tượng TK không chín một hai"),
        ("Tại ngân hàng, chị TK 02438123456 đã rút tiền.", "chị TK không hai"),
        ("Tại ngân hàng, TK 1234567 lượt giao dịch bị từ chối.", "một triệu hai trăm"),
    ],
)
def test_initials_or_a_count_after_tk_near_a_bank_are_no_account(text: str, said: str) -> None:
    """Review of s78-tk3: «anh TK» is a man's initials and «1234567 lượt» a count, though a bank
    comes before: «anh tài khoản gọi điện» was read on air."""
    assert ACCOUNT not in [kind for kind, _ in told(text)]
    script, _ = on_air(text)
    assert "tài khoản" not in script and said in script


@pytest.mark.parametrize(
    "text",
    [
        "Số tài khoản tăng khoảng 1200 - 1500/tháng.",
        "Số tài khoản bị khóa: 120 - 150.",
    ],
)
def test_a_rate_or_two_short_groups_after_an_account_label_is_a_range_on_both_channels(
    text: str,
) -> None:
    """Review of c12964d2: «1200 - 1500/tháng» is a rate and «120 - 150» too short for an
    account; the radio dropped the sentence as an account's (R9.5), the website told nothing."""
    assert told(text) == []
    script, codes = on_air(text)
    assert "R9.5" not in codes and "đến" in script


@pytest.mark.parametrize(
    "text",
    [
        "Ngân hàng Vietcombank đã phong tỏa TK 1903456789 người nhận Nguyễn Văn A.",
        "Tại ngân hàng, đối tượng TK 0123456789 đã rút tiền.",
        "Ngân hàng cho biết anh TK 0123456789123 đã rút tiền.",
        "Ngân hàng BIDV đã phong tỏa TK 0123456789 người hưởng là Nguyễn Văn A.",
        "Ngân hàng BIDV đã phong tỏa TK 1903456789 người sở hữu là Nguyễn Văn A.",
    ],
)
def test_an_account_after_tk_near_a_bank_stays_one_before_its_holder_or_after_a_person(
    text: str,
) -> None:
    """Review of c12964d2: «người nhận» after the number was taken for a count of people, and a
    person's word before «TK» for initials whatever the number: accounts read on air."""
    assert ACCOUNT in [kind for kind, _ in told(text)]
    _, codes = on_air(text)
    assert "R9.5" in codes
