"""A number right after «trú tại» that counts communes or hamlets («trú tại 2 xã An Hiệp và An
Nhơn») is no house number; a house number before a hamlet («trú tại 45 ấp Tân Hòa») still is."""

from __future__ import annotations

import pytest

from publish.pii import findings

HOUSE = "số nhà nơi ở của người dân"


def houses(text: str) -> list[tuple[int, str]]:
    """(line, masked value) of every house number found."""
    return [(f.line, f.value) for f in findings(text, year=2026) if f.kind == HOUSE]


@pytest.mark.parametrize(
    "text",
    [
        "Hai đối tượng trú tại 2 xã An Hiệp và An Nhơn đã bị bắt giữ.",
        "Các đối tượng trú tại 2 xã An Hiệp, An Nhơn.",
        "Nhóm thanh niên cư trú tại 3 phường trung tâm thường tụ tập đua xe.",
        "Số hộ tạm trú tại 2 thị trấn của huyện tăng mạnh.",
        "Các bị hại trú tại 4 huyện trong tỉnh.",
        "Các đối tượng ngụ tại 3 ấp Tân Hòa, Tân Lợi và Tân Phú, xã An Hiệp.",
        "Hai anh em trú tại 2 ấp Tân Hòa và Tân Lợi.",
        "Người dân trú tại 2 khóm 3 và 4, phường 1.",
        "Nhóm thanh niên trú tại 2 ấp giáp ranh thường tụ tập.",
        "Các hộ thường trú tại 5 tổ thuộc khóm 2.",
    ],
)
def test_a_count_of_communes_or_hamlets_is_no_house_number(text: str) -> None:
    """«2 xã», «3 phường», «2 ấp Tân Hòa và Tân Lợi», «2 ấp giáp ranh» count places: there is
    no door to knock on, and --strict failed such a bulletin until someone signed it off."""
    assert houses(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ông A trú tại số 12 đường Nguyễn Huệ, phường 1.", "số **"),
        ("Bà B trú tại 45/3 ấp Tân Hòa, xã An Hiệp.", "số **/*"),
        ("Anh C trú tại 45 ấp Tân Hòa, xã An Hiệp.", "số **"),
        ("Chị D ngụ tại 2 ấp Tân Hòa, xã An Hiệp.", "số *"),
        ("Anh E trú tại 15 khóm 2, phường 1.", "số **"),
        ("Ông F thường trú tại 45 tổ 3, khu phố 2.", "số **"),
        ("Bà G trú tại 12A ấp Tân Hòa.", "số **a"),
        ("Ông H trú tại số 2 xã An Hiệp.", "số *"),
        ("Ông I trú tại 7 ấp Tân Hòa và làm thuê ở xã bên.", "số *"),
        ("Bà K trú tại 45 khu phố 3, phường 1.", "số **"),
    ],
)
def test_a_house_number_before_a_hamlet_is_still_found(text: str, value: str) -> None:
    """A number before one hamlet or group with its name or number («45 ấp Tân Hòa», «15
    khóm 2»), one written with «số» or a slash, is where someone lives."""
    assert houses(text) == [(0, value)]


@pytest.mark.parametrize(
    "text",
    [
        "Hai anh em trú tại 2 ấp Tân Hòa và Tân Lợi bị bắt giữ.",
        "Các đối tượng trú tại 3 ấp Tân Hòa, Tân Lợi và Tân Phú đã ra đầu thú.",
        "Người dân trú tại 2 khóm 3 và 4 bị mất trộm xe.",
    ],
)
def test_a_count_of_hamlets_named_with_capitals_is_no_house_number_whatever_follows(
    text: str,
) -> None:
    """The names' capitals tell where the list ends, so the sentence may go on after it."""
    assert houses(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Anh L trú tại 2 ấp Tân Hòa Tân Lợi bị bắt.",  # one hamlet's name, however long
        "Anh M trú tại 2 ấp Tân Hòa. Tân Lợi là nơi xảy ra vụ việc.",
        "Anh N trú tại 3 ấp Tân Hòa và Tân Lợi bị bắt.",  # three counted, two named
        "Anh O trú tại 2 khóm 3 4 bị bắt.",
    ],
)
def test_a_house_number_before_a_hamlet_named_with_capitals_is_still_found(text: str) -> None:
    """Only a list of exactly as many names as the number counts makes it a count."""
    assert houses(text) == [(0, "số *")]
