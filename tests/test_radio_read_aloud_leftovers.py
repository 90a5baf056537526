"""What a presenter of «Vì an ninh Tổ quốc» still read wrongly on air (session 68): a bare
change after a count named without its figure, signs read one way up and another down, `Đ/c:`
before an address, a share of a few counted things taken for a date.

Each bulletin goes through `normalise`, as a build reads it.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise


def _read(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The script of `text` and its flags' codes and excerpts."""
    spoken = normalise(text)
    return spoken.text, [(f.code, f.excerpt) for f in spoken.flags]


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
