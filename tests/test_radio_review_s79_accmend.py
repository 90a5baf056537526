"""Session 79 (helper accmend): the review of s79-accounts (merge 83fb893d).

Each case failed before on at least one channel: an account paid into with an amount before its
«đến TK» read on air and told by no check; groups apart by an em dash or a minus dropped on air
while the website told nothing; «anh TK 0912…» named as an officer's told as a citizen's phone.
"""

from __future__ import annotations

import pytest

from publish.radio.flags import BLOCKING
from publish.radio.normalise import normalise
from tests.test_radio_review_tk2 import ACCOUNT, NEAR, held, no_digit, on_air, told


# An amount between the payment's verb and «đến/cho TK», or «qua/về TK»: read on air digit by
# digit, told by no check, while «Chuyển khoản đến TK 0123456789» was told and dropped.
@pytest.mark.parametrize(
    "text",
    [
        "Bị hại đã chuyển khoản số tiền 5.000.000 đồng đến TK 0123456789.",
        "Chuyển 5 triệu đồng đến TK 0123456789.",
        "Chuyển tiền 5 triệu đồng cho TK 0123456789.",
        "Chuyển 500.000đ tới TK 0123456789.",
        "Chuyển khoản qua TK 0123456789.",
        "Chuyển tiền về TK 0123456789.",
    ],
)
def test_tk_after_money_paid_to_it_with_its_amount_is_told_and_dropped(text: str) -> None:
    assert told(text) == [(ACCOUNT, "012*****89")]
    script, codes = on_air(text)
    assert "R9.5" in codes
    assert no_digit(script) and "không một hai ba" not in script


@pytest.mark.parametrize(
    "text",
    [
        "Chuyển khoản đến TK 5.000.000 đồng.",
        "Chuyển về TK 0123456789.",
        "Vận chuyển 5 tấn hàng đến TK 262.",
    ],
)
def test_an_amount_after_tk_or_no_money_before_it_is_no_account(text: str) -> None:
    assert told(text) == []
    assert "R9.5" not in on_air(text)[1]


# An em dash or a minus between a number's groups: the radio reads every dash as a hyphen and
# dropped (or held) the number; the website knew the en dash only and told nothing.
@pytest.mark.parametrize(
    ("text", "finding", "code"),
    [
        ("Thẻ ATM số 9704 — 1234 — 5678 — 9012.", ("số thẻ ngân hàng", "970***********12"), "R9.6"),
        (
            "Thẻ tín dụng 9704−1234−5678−9012 bị khóa.",
            ("số thẻ ngân hàng", "970***********12"),
            "R9.6",
        ),
        ("STK 0071 — 0001 — 2345.", (ACCOUNT, "007*******45"), "R9.5"),
        ("STK 0123456789, 9876 — 5432 — 10.", (ACCOUNT, "987*****10"), "R9.5"),
        ("CCCD 087 − 123 − 456 − 789.", ("số CCCD", "087*******89"), "R9.5"),
        ("Căn cước công dân số 087‒123‒456‒789.", ("số CCCD", "087*******89"), "R9.5"),
    ],
)
def test_em_dashed_or_minus_groups_are_told_and_dropped_or_held(
    text: str, finding: tuple[str, str], code: str
) -> None:
    assert finding in told(text)
    spoken = normalise(text, near=NEAR)
    assert code in [flag.code for flag in spoken.flags]
    if code == "R9.6":
        assert [f.excerpt for f in spoken.flags if f.code == code and f.severity == BLOCKING] == [
            finding[1]
        ]
    else:
        assert no_digit(spoken.text)


def test_an_em_dashed_range_of_years_after_an_account_label_is_no_account() -> None:
    text = "Số tài khoản bị khóa trong giai đoạn 2021 — 2025 tăng mạnh."
    assert told(text) == []
    script, codes = on_air(text)
    assert "R9.5" not in codes and "hai mươi mốt đến" in script


# «anh TK 0912…» after an officer or a unit named in the sentence is published on purpose, as
# «Cán bộ phụ trách là anh Trần Văn Khoa, 0912…» is (README: «khi câu không nêu đơn vị, cán bộ»).
@pytest.mark.parametrize(
    "text",
    [
        "Cán bộ phụ trách là anh TK 0912345678.",
        "Trưởng Công an xã, ông TK 0912345678, cho biết.",
        "Công an xã cử anh TK 0912345678 hỗ trợ người dân.",
        "Cán bộ phụ trách là anh Trần Văn Khoa, 0912345678.",
    ],
)
def test_a_phone_after_initials_tk_named_as_an_officer_is_not_told(text: str) -> None:
    assert told(text) == []
    script, codes = on_air(text)
    assert "R9.5" not in codes and "tài khoản" not in script


@pytest.mark.parametrize(
    ("text", "who", "masked", "said"),
    [
        ("Bị hại là anh TK (0912345678).", "bị hại", "091*****78", "anh TK, không chín"),
        ("Bị hại là chị TK 0987654321.", "bị hại", "098*****21", "chị TK không chín"),
        ("Anh TK (0912345678) đã đến trình báo.", "người dân", "091*****78", "Anh TK, không chín"),
    ],
)
def test_a_phone_in_brackets_after_initials_tk_is_a_private_phone_as_without(
    text: str, who: str, masked: str, said: str
) -> None:
    assert told(text) == [(f"số điện thoại riêng của {who}", masked)]
    script, codes = on_air(text)
    assert "R9.5" not in codes and "tài khoản" not in script and said in script


# An amount right after a card's four groups made one 19-digit number that ended inside the
# amount («…9012 500.000 đồng»): no card found, its groups read on air as amounts, nothing held.
@pytest.mark.parametrize(
    "text",
    [
        "Thẻ ATM 9704 1234 5678 9012 500.000 đồng bị rút.",
        "Số thẻ 9704-1234-5678-9012 5 triệu đồng bị rút.",
    ],
)
def test_a_card_before_an_amount_is_told_and_holds_the_bulletin(text: str) -> None:
    assert told(text) == [("số thẻ ngân hàng", "970***********12")]
    assert held(text) == ["970***********12"]
    assert "nghìn bảy trăm" not in on_air(text)[0]
