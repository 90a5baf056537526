"""Twelve digits with no ID word before them are told as a CCCD only when shaped as one and
not part of a code, an order, a document number or an amount."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from publish.pii import findings
from tests.helpers import bulletin_md, install_fake_renderers, make_project


def kinds(text: str) -> list[tuple[int, str, str]]:
    """(line, kind, masked value) of every finding."""
    return [(f.line, f.kind, f.value) for f in findings(text, year=2026)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Đối tượng Lê Văn B (087123456789) bị bắt.", "087*******89"),
        ("Giấy tờ ghi 001203004567, cấp năm 2021.", "001*******67"),
        ("Bị hại đọc số 096301234567 cho đối tượng.", "096*******67"),
        ("Dòng một.\nMã 079089012345.", "079*******45"),
    ],
)
def test_a_citizen_id_shaped_number_is_found(text: str, value: str) -> None:
    line = text.count("\n")
    assert kinds(text) == [(line, "số CCCD (12 chữ số)", value)]


@pytest.mark.parametrize(
    "text",
    [
        "Mã giao dịch 123456789012 của ngân hàng.",  # no province starts with 1
        "Đơn hàng 099123456789 đã giao.",  # 099 is no province's code
        "Đơn hàng 003123456789 đã giao.",  # nor is 003
        "Mã 087923456789 trên phiếu.",  # century digit 9: born after 2300
        "Mã vận đơn MV087123456789 đã giao.",  # glued to letters: a code
        "Theo văn bản số 087123456789-QĐ ngày 2/1.",  # a document number
        "Theo văn bản số 087123456789/QĐ-UBND.",
        "Thiệt hại 087123456789 đồng.",
    ],
)
def test_twelve_digits_of_something_else_are_not_flagged(text: str) -> None:
    assert kinds(text) == []


def test_after_an_account_word_it_is_told_once_as_an_account() -> None:
    assert kinds("chuyển vào STK 087123456789") == [(0, "số tài khoản ngân hàng", "087*******89")]


CODES = (
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 "
    "035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 "
    "070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096"
)
"""The 63 provinces' codes of Thông tư 07/2016/TT-BCA."""


def test_exactly_the_provinces_codes_start_a_bare_citizen_id() -> None:
    starting = [f"{code:03d}" for code in range(1000) if kinds(f"Mã {code:03d}123456789 ghi.")]
    assert starting == CODES.split()


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Mã đơn hàng 087299123456 đã giao.", 2026),  # «2», «99»: born 2099
        ("Mã vận đơn 001227004567 trên phiếu.", 2026),  # born 2027, the year after
        ("Mã 079351234567 trên phiếu.", 2026),  # «3» (a woman of 2000-2099), «51»: 2051
        ("Mã 087226123456 trên phiếu.", 2025),  # an older bulletin: 2026 is still to come
    ],
)
def test_twelve_digits_whose_holder_is_not_born_yet_are_no_citizen_id(text: str, year: int) -> None:
    """A CCCD's 4th digit is its century (0-1: 1900s, 2-3: 2000s) and the next two its holder's
    birth year: twelve digits saying someone is born after the bulletin's year are a code, an
    order or an amount, and flagging them made --strict fail for nothing."""
    assert [f for f in findings(text, year=year) if f.kind.startswith("số CCCD")] == []


@pytest.mark.parametrize(
    ("text", "year", "value"),
    [
        ("Bị hại đọc số 079201001234 cho đối tượng.", 2026, "079*******34"),  # born 2001
        ("Giấy khai sinh của cháu ghi 087326123456.", 2026, "087*******56"),  # born 2026
        ("Mã 087226123456 trên phiếu.", 2026, "087*******56"),  # born 2026
        ("Ông A đọc số 087099123456.", 2026, "087*******56"),  # born 1999
        ("Ông B đọc số 087199123456.", 2000, "087*******56"),  # born 1999, a year before
    ],
)
def test_a_citizen_id_of_someone_born_by_the_bulletins_year_is_still_found(
    text: str, year: int, value: str
) -> None:
    """Born in the bulletin's year or before (a newborn has a personal number too): an ID."""
    found = [(f.kind, f.value) for f in findings(text, year=year)]
    assert found == [("số CCCD (12 chữ số)", value)]


def test_after_an_id_word_twelve_digits_are_an_id_whatever_year_they_say() -> None:
    """«CCCD số …» says what the number is: reported even when its birth year is to come."""
    found = [(f.kind, f.value) for f in findings("CCCD số 087299123456.", year=2026)]
    assert found == [("số CCCD", "087*******56")]


def test_the_bulletins_own_date_decides_whether_one_is_born(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`publish check` reads the birth year against each bulletin's date: the same code, born
    2021 if an ID, is no one's in a bulletin of 2020 and a newborn's in one of 2021."""
    install_fake_renderers(monkeypatch)
    # Not after «mã tra cứu hồ sơ»: a code the radio reads out, no one's ID (R9).
    body = "Biên lai nộp phạt 087221004567.\n"
    root = make_project(
        tmp_path,
        {
            "content/a.md": bulletin_md({"date": "2020-12-08 08:00"}, body),
            "content/b.md": bulletin_md({"date": "2021-01-01 08:00", "title": '"Tin B"'}, body),
        },
    )
    assert main(["check", "--root", str(root), "--now", "2021-01-02T09:00"]) == 0
    err = capsys.readouterr().err
    assert "content/b.md:9: cảnh báo: có thể là dữ liệu cá nhân: số CCCD" in err, err
    assert "content/a.md" not in err, err


@pytest.mark.parametrize(
    "written",
    ["9704123456781012", "9704 1234 5678 1012", "9704.1234.5678.1012", "9704-1234-5678-1012"],
)
def test_a_bank_card_number_is_found_however_its_groups_are_written(written: str) -> None:
    """Session 75 QA: a card's 16 digits went on the page with no warning, written whole or in
    fours, while the radio script holds the bulletin for them (R9.6): both spellings are told,
    masked, as the same number."""
    assert kinds(f"Số thẻ {written} của bị hại đã bị lộ.") == [
        (0, "số thẻ ngân hàng", "970***********12")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Các năm 2019 2020 2021 2022 đều tăng.",  # years listed
        "Thiệt hại 1234567890123452 đồng.",  # an amount
        "Mã vận đơn MV1234567890123452 đã giao.",  # glued to letters: a code
        "Dãy 1234 5678 9012 3456 7890 quá dài.",  # twenty digits: no card
        "Có 1.234.567.890.123 lượt.",  # thousands
    ],
)
def test_sixteen_digits_of_something_else_are_no_card(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Thu giữ SIM số seri 8984 0412 3456 7890 123.",  # a SIM's ICCID (89…, passes Luhn)
        "Thu giữ SIM số seri 8984041234567890127.",  # the same, its check digit right
        "Vận đơn 8123 4567 8901 2345 do bưu tá giao.",  # a waybill
        "Vận đơn 8123 4567 8901 2340 do bưu tá giao.",  # its check digit right, an 8 first
        "Dãy 4111 1111 1111 1112 in trên hộp.",  # the check digit of no card
    ],
)
def test_digits_that_are_no_cards_number_are_not_told_as_one(text: str) -> None:
    """Session 75 review: the website told any 16–19 digits as a bank card's number, where the
    radio now reads them out (R9.6 warning): neither 0 nor 8 starts a card's number, and its
    last digit is the Luhn check digit."""
    assert kinds(text) == []


def test_a_napas_cards_nineteen_digits_are_told() -> None:
    assert kinds("Thẻ 9704 1985 2619 1432 198 bị khóa.") == [
        (0, "số thẻ ngân hàng", "970**************98")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mã vận đơn 4123 4567 8901 2349 đã giao.",  # a typed code's words before it
        "Xem facebook.com/profile.php?id=1000123456789013 để biết.",  # a web address's value
        "Trang profile.php?ref=1&x=1000123456789013 giả mạo.",
    ],
)
def test_digits_the_radio_reads_as_a_code_or_a_count_are_no_card(text: str) -> None:
    """Session 75 review: each of these has a card's check digit, yet the radio reads it (a
    code after «mã vận đơn», an address) and holds nothing; the website told it as a bank
    card's number. The README says the website tells what the radio holds. (A bare «mã» handed
    over and a count of cases are told now, as the radio holds them: tests/test_pii_radio_cards.py.)"""
    assert kinds(text) == []


def test_a_card_in_dotted_groups_after_code_words_is_still_told() -> None:
    """The radio reads no code grouped by dots (`50.000` is an amount): it holds this one as a
    card's number, and the website tells it."""
    assert kinds("Mã vận đơn 4123.4567.8901.2349 đã giao.") == [
        (0, "số thẻ ngân hàng", "412***********49")
    ]
