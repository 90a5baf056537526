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
