"""Reviewer F's findings (session 66): misreadings a listener hears as another fact.

Paragraphs go through `normalise`, as a bulletin's do.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Nguyễn Văn A (SN 1990, trú ấp 3, xã Mỹ Hòa (cũ), nay là xã Tháp Mười) bị bắt giữ.",
            "Nguyễn Văn A, sinh năm một nghìn chín trăm chín mươi, trú ấp ba, xã Mỹ Hòa cũ, nay "
            "là xã Tháp Mười, bị bắt giữ.",
        ),
        (
            "Trần Văn B (SN 1985, trú xã Tân Phú (cũ), huyện Châu Thành (cũ)) đã ra đầu thú.",
            "Trần Văn B, sinh năm một nghìn chín trăm tám mươi lăm, trú xã Tân Phú cũ, huyện "
            "Châu Thành cũ, đã ra đầu thú.",
        ),
        # A bracket never closed keeps the brackets inside it as pauses, as before.
        (
            "Đối tượng khai (lúc 22h (giờ địa phương) đã về nhà.",
            "Đối tượng khai lúc hai mươi hai giờ, giờ địa phương, đã về nhà.",
        ),
    ],
)
def test_a_bracket_inside_a_note_keeps_the_notes_pauses(source: str, expected: str) -> None:
    """«(SN 1990, trú …, xã Mỹ Hòa (cũ), nay là xã Tháp Mười) bị bắt giữ»: the inner «(cũ)»
    is said in place and the note is still set off by commas (R15.1); the outer brackets went
    unsaid and «… xã Tháp Mười bị bắt giữ» told the listener the commune was arrested."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert spoken.flags == ()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Va chạm trên đường tỉnh ĐT.849 làm 1 người bị thương.",
            "Va chạm trên đường tỉnh tám trăm bốn mươi chín làm một người bị thương.",
        ),
        ("Quốc lộ QL30 bị ngập sâu.", "Quốc lộ ba mươi bị ngập sâu."),
        ("Tuần tra trên quốc lộ QL1A.", "Tuần tra trên quốc lộ một A."),
        ("Sạt lở trên đường huyện ĐH.65.", "Sạt lở trên đường huyện sáu mươi lăm."),
        ("Thông xe tỉnh lộ TL.8 từ hôm nay.", "Thông xe tỉnh lộ tám từ hôm nay."),
        ("Tai nạn trên cao tốc CT.01 đoạn qua tỉnh.", "Tai nạn trên cao tốc một đoạn qua tỉnh."),
        # No kind before: the code says it, as R13.2 reads it.
        ("Tuần tra trên ĐT 741.", "Tuần tra trên đường tỉnh bảy trăm bốn mươi mốt."),
    ],
)
def test_a_roads_kind_written_before_its_code_is_said_once(source: str, expected: str) -> None:
    """«đường tỉnh ĐT.849» was read «đường tỉnh đường tỉnh tám trăm bốn mươi chín»: with its
    kind written before, the code's number alone is said."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert spoken.flags == ()
