"""What a presenter of «Vì an ninh Tổ quốc» still read wrongly on air (session 68): a bare
change after a count named without its figure, signs read one way up and another down, `Đ/c:`
before an address, a share of a few counted things taken for a date.

Each bulletin goes through `normalise`, as a build reads it.
"""

from __future__ import annotations

import pytest

from publish.radio.flags import BLOCKING
from publish.radio.normalise import normalise


def _read(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The script of `text` and its flags' codes and excerpts."""
    spoken = normalise(text)
    return spoken.text, [(f.code, f.excerpt) for f in spoken.flags]


# R14.4: `Đ/c:` before an address is «địa chỉ» («Đồng chí: số mười hai, ấp ba» went on air);
# before a person's name, «đồng chí» as always.
COMRADE_OR_ADDRESS = [
    (
        "Đ/c: số 12, ấp 3, xã Tân Bình.",
        "Địa chỉ: số mười hai, ấp ba, xã Tân Bình.",
    ),
    ("Đ/c: 25 Nguyễn Huệ, phường 1.", "Địa chỉ: hai mươi lăm Nguyễn Huệ, phường một."),
    (
        "Mọi ý kiến xin gửi về đ/c: Ấp Tân Hòa, xã Tân Bình.",
        "Mọi ý kiến xin gửi về địa chỉ: Ấp Tân Hòa, xã Tân Bình.",
    ),
    ("**Đ/c:** đường 30/4, P.5.", "Địa chỉ: đường ba mươi tháng tư, phường năm."),
    ("Đ/C: số 5 đường Lê Lợi.", "Địa chỉ: số năm đường Lê Lợi."),
    (
        "Đ/c: Nguyễn Văn A, Trưởng Công an xã.",
        "Đồng chí: Nguyễn Văn A, Trưởng Công an xã.",
    ),
    (
        "Chủ trì: đ/c: H. Lan, Phó Trưởng Công an xã.",
        "Chủ trì: đồng chí: H. Lan, Phó Trưởng Công an xã.",
    ),
    ("Đ/C: Nguyễn Văn A.", "Đồng chí: Nguyễn Văn A."),
    ("Đ/c Nguyễn Văn A phát biểu.", "Đồng chí Nguyễn Văn A phát biểu."),
    ("Gồm 5 đ/c cán bộ.", "Gồm năm đồng chí cán bộ."),
]


@pytest.mark.parametrize(("source", "expected"), COMRADE_OR_ADDRESS)
def test_comrade_or_address_before_a_colon_is_told_by_what_follows(
    source: str, expected: str
) -> None:
    assert _read(source) == (expected, [])


@pytest.mark.parametrize(
    "source",
    [
        # A name then a ward: a person, or a street named after one?
        "Đ/c: Nguyễn Văn Cừ, phường 5.",
        # Neither an address's word nor a person's name.
        "Đ/c: trụ sở Công an xã Tân Lập.",
        # A place's name, no person's.
        "Đ/c: Tân Lập, Châu Thành.",
    ],
)
def test_comrade_or_address_before_a_colon_unclear_is_held(source: str) -> None:
    spoken = normalise(source)
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R14.5", BLOCKING, "Đ/c:")]
    message = spoken.flags[0].message
    assert "«địa chỉ» hay «đồng chí»" in message and "Cách sửa" in message


# R12.3, R7.2: a share of a few counted things is so many of a total, «trên», as `42/45 vụ`
# is; no date (`2/3 đối tượng` was «hai phần ba đối tượng», warned as maybe 2 March).
SHARES = [
    ("Công an huyện đã bắt 2/3 đối tượng.", "Công an huyện đã bắt hai trên ba đối tượng."),
    ("Đã xử lý 3/3 vụ.", "Đã xử lý ba trên ba vụ."),
    ("Có 12/15 xã đạt chuẩn.", "Có mười hai trên mười lăm xã đạt chuẩn."),
    ("Có 6/6 xã, thị trấn đạt chuẩn.", "Có sáu trên sáu xã, thị trấn đạt chuẩn."),
]


@pytest.mark.parametrize(("source", "expected"), SHARES)
def test_a_share_of_counted_things_is_read_over_its_total(source: str, expected: str) -> None:
    assert _read(source) == (expected, [])


@pytest.mark.parametrize(
    ("source", "expected", "flags"),
    [
        # «số» before the noun: a share of the whole, which could follow a date.
        (
            "Giảm 2/3 số đối tượng.",
            "Giảm hai phần ba số đối tượng.",
            [("R7.2", "2/3")],
        ),
        # A person or a place named after the noun: `2/3` may be the day.
        (
            "Bắt 2/3 đối tượng Nguyễn Văn A.",
            "Bắt hai phần ba đối tượng Nguyễn Văn A.",
            [("R7.2", "2/3")],
        ),
        ("Có 2/3 xã Tân Bình.", "Có hai phần ba xã Tân Bình.", [("R7.2", "2/3")]),
        # More than the total: a slip.
        ("Làm rõ 45/42 vụ.", "Làm rõ bốn mươi lăm trên bốn mươi hai vụ.", [("R12.3", "45/42")]),
    ],
)
def test_a_share_that_may_be_a_date_or_a_slip_is_still_told(
    source: str, expected: str, flags: list[tuple[str, str]]
) -> None:
    assert _read(source) == (expected, flags)
