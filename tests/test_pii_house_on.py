"""«Trên» in a residence clause: a house number around it is found, a count of wards or
hamlets «trên địa bàn» and a numbered street «trên tuyến đường số 12» are not."""

from __future__ import annotations

import pytest

from publish.pii import findings

HOUSE = "số nhà nơi ở của người dân"


def houses(text: str) -> list[tuple[int, str]]:
    """(line, masked value) of every house number found."""
    return [(f.line, f.value) for f in findings(text, year=2026) if f.kind == HOUSE]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Đối tượng ngụ trên đường Lê Lợi số 45, phường 1.", "số **"),
        ("Bà B trú tại đường Nguyễn Huệ số 12, phường 1.", "số **"),
        ("Ông C thường trú trên số 12 đường Nguyễn Huệ.", "số **"),
        ("Anh D tạm trú ở trên số 7/2 hẻm 3, khóm 2.", "số */*"),
        ("Chị E trú tại 45 trên đường Lê Lợi.", "số **"),
        ("Chị E trú tại số 12 trên đường Nguyễn Huệ.", "số **"),
        ("trú trên địa bàn xã, quốc lộ 30 số 15", "số **"),
    ],
)
def test_a_house_number_around_tren_is_found(text: str, value: str) -> None:
    assert houses(text) == [(0, value)]


@pytest.mark.parametrize(
    "text",
    [
        "Có 25 người tạm trú tại 4 ấp trên địa bàn xã.",
        "Số người cư trú tại 3 xã trên địa bàn huyện tăng.",
        "Đối tượng trú tại tuyến đường số 12, ấp 3.",
        "Anh A thường trú trên tuyến đường số 30, xã Tân Bình.",
        "Người dân trú trên địa bàn huyện đã 3 năm.",
        "Ông B ngụ tại nhà trên ấp Tân Hòa.",  # a hamlet, no house: allowed
        "Anh C tạm trú trên tuyến đường Nguyễn Huệ.",
    ],
)
def test_tren_naming_no_house_is_not_flagged(text: str) -> None:
    assert houses(text) == []
