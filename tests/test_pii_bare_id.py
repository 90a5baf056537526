"""Twelve digits with no ID word before them are told as a CCCD only when shaped as one and
not part of a code, an order, a document number or an amount."""

from __future__ import annotations

import pytest

from publish.pii import findings


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
