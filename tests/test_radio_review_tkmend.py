"""Session 78 (helper tkmend): the review of the short account codes after `STK`, `số TK`, `TK`.

A short code is a treasury's budget account, read digit by digit; a long number after the same
labels is someone's account, which the radio drops (R9.5) and the website tells (publish.pii);
`TK` with no money paid into it is other words' letters (a forest's «tiểu khu»), held (R14.6).
"""

from __future__ import annotations

import datetime as dt

import pytest

from publish.pii import findings
from publish.radio.normalise import normalise, normalise_fragment
from tests.test_radio_review_tk2 import no_digit

NEAR = dt.date(2026, 12, 1)
ACCOUNT = "số tài khoản ngân hàng"


def told(text: str) -> list[str]:
    """The masked account numbers the website's personal-data lint tells in `text`."""
    return [f.value for f in findings(text, year=NEAR.year) if f.kind == ACCOUNT]


def on_air(text: str) -> tuple[str, list[str]]:
    """The radio script of `text` and the codes of its flags."""
    spoken = normalise(text, near=NEAR)
    return spoken.text, [flag.code for flag in spoken.flags]


# A private account written in groups after `số TK` went on air digit group by digit group
# («số tài khoản một chín không ba, bốn năm sáu bảy, …») with only R9.6, approval not blocked:
# «1903» was taken for a short code. It is one number, dropped as after «số tài khoản» (R9.5),
# and the website, which knew no `số TK`, now tells it as the same number.
GROUPED_PRIVATE_ACCOUNTS = [
    (
        "Đối tượng yêu cầu chị H. chuyển 50 triệu đồng vào số TK 1903 4567 8901 23 "
        "mang tên Nguyễn Văn A.",
        "Đối tượng yêu cầu chị H. chuyển 50 triệu đồng vào số tài khoản 1903 4567 8901 23 "
        "mang tên Nguyễn Văn A.",
    ),
    (
        "Bị hại chuyển tiền vào STK 1903-4567-8901-23 mang tên Nguyễn Văn A.",
        "Bị hại chuyển tiền vào số tài khoản 1903-4567-8901-23 mang tên Nguyễn Văn A.",
    ),
    (
        "Người vi phạm nộp vào TK 0071-0001-2345 của Kho bạc.",
        "Người vi phạm nộp vào tài khoản số 0071-0001-2345 của Kho bạc.",
    ),
    (
        "Người vi phạm nộp tiền phạt vào TK 0071 0001 2345 của Kho bạc.",
        "Người vi phạm nộp tiền phạt vào tài khoản số 0071 0001 2345 của Kho bạc.",
    ),
]


@pytest.mark.parametrize(("text", "as_named"), GROUPED_PRIVATE_ACCOUNTS)
def test_a_grouped_account_after_tk_or_stk_is_dropped_and_told_as_after_so_tai_khoan(
    text: str, as_named: str
) -> None:
    script, codes = on_air(text)
    assert codes == ["R9.5"] == on_air(as_named)[1]
    assert script == on_air(as_named)[0]
    assert no_digit(script)
    assert told(text) == told(as_named) != []


@pytest.mark.parametrize(
    "text",
    [
        "Anh A chuyển vào số TK 0071000123456 tại Vietcombank.",
        "Nộp tiền vào TK 0071000123456 của Kho bạc.",
    ],
)
def test_a_long_account_after_so_tk_or_a_paid_into_tk_is_dropped_and_told(text: str) -> None:
    assert (told(text), on_air(text)[1]) == (["007********56"], ["R9.5"])


# `TK` in a forest's plot («khoảnh 3, TK 262»: tiểu khu), or after «vận chuyển», «di chuyển»,
# «chuyển hồ sơ», «nộp hồ sơ», was read «tài khoản hai sáu hai» with no flag: «chuyển», «nộp»
# inside other words made a payment of it. As before session 78, `TK` is held for the editor.
TK_OF_NO_ACCOUNT = [
    (
        "vận chuyển 5 m3 gỗ lậu từ khoảnh 3, TK 262 ra ngoài",
        "vận chuyển năm mét khối gỗ lậu từ khoảnh ba, TK hai trăm sáu mươi hai ra ngoài",
    ),
    ("di chuyển đến TK 345", "di chuyển đến TK ba trăm bốn mươi lăm"),
    ("chuyển hồ sơ sang TK 2024", "chuyển hồ sơ sang TK hai nghìn không trăm hai mươi tư"),
    ("nộp hồ sơ tại TK 262", "nộp hồ sơ tại TK hai trăm sáu mươi hai"),
    ("vận chuyển gỗ vào TK 262", "vận chuyển gỗ vào TK hai trăm sáu mươi hai"),
    (
        "nộp phạt xong, vào khoảnh 2, TK 262",
        "nộp phạt xong, vào khoảnh hai, TK hai trăm sáu mươi hai",
    ),
    (
        "ngân hàng hỗ trợ trồng rừng ở khoảnh 4, TK 262",
        "ngân hàng hỗ trợ trồng rừng ở khoảnh bốn, TK hai trăm sáu mươi hai",
    ),
]


@pytest.mark.parametrize(("source", "expected"), TK_OF_NO_ACCOUNT)
def test_tk_moved_to_or_filed_at_is_no_account_and_still_asked_about(
    source: str, expected: str
) -> None:
    spoken = normalise_fragment(source)
    assert spoken.text == expected
    assert [flag.code for flag in spoken.flags] == ["R14.6"]


def test_a_forest_sub_area_with_a_long_number_is_neither_dropped_nor_told() -> None:
    text = "Tổ tuần tra phát hiện ở khoảnh 3, TK 2621234 của ngân hàng có cây đổ."
    assert told(text) == []
    assert "R9.5" not in on_air(text)[1]


PAID_INTO_TK = [
    ("nộp tiền vào TK 7111", "nộp tiền vào tài khoản bảy một một một"),
    ("chuyển khoản vào TK 3511", "chuyển khoản vào tài khoản ba năm một một"),
    (
        "chuyển 5 triệu đồng vào TK 3511",
        "chuyển năm triệu đồng vào tài khoản ba năm một một",
    ),
    ("hạch toán vào TK 7111", "hạch toán vào tài khoản bảy một một một"),
]


@pytest.mark.parametrize(("source", "expected"), PAID_INTO_TK)
def test_tk_money_is_paid_into_is_still_an_account(source: str, expected: str) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


# Codes listed after one label were read unlike: the first digit by digit, the others as amounts
# («năm nghìn sáu trăm bảy mươi tám»). Each is a code of the same list.
LISTED_CODES = [
    (
        "nộp vào STK 1234, 5678 và 9999 của Kho bạc",
        "nộp vào số tài khoản một hai ba bốn, năm sáu bảy tám và chín chín chín chín, của Kho bạc",
    ),
    ("TK: 3511 hoặc 3512", "tài khoản: ba năm một một hoặc ba năm một hai"),
    ("tài khoản số 7111, 7112", "tài khoản số bảy một một một, bảy một một hai"),
]


@pytest.mark.parametrize(("source", "expected"), LISTED_CODES)
def test_every_code_listed_after_one_label_is_read_digit_by_digit(
    source: str, expected: str
) -> None:
    spoken = normalise_fragment(source)
    assert (spoken.text, spoken.flags) == (expected, ())


def test_an_amount_after_a_listed_code_is_still_an_amount() -> None:
    spoken = normalise_fragment("tài khoản số 7111, 500 triệu đồng")
    assert spoken.text == "tài khoản số bảy một một một, năm trăm triệu đồng"
