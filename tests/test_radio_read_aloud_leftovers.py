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


# R12.4: a count is never below zero: a bare number in brackets after it is its change, with its
# figure before it or not (`số người chết (-1)` was «số người chết, âm một»).
COUNT_CHANGES = [
    (
        "Kết quả: số người chết (-1), số người bị thương (+2).",
        "Kết quả: số người chết, giảm một, số người bị thương, tăng hai.",
    ),
    (
        "Tai nạn giao thông làm 3 người chết (-1), 5 người bị thương (+2).",
        "Tai nạn giao thông làm ba người chết, giảm một, năm người bị thương, tăng hai.",
    ),
    (
        "Tổng số vụ tai nạn giao thông (-2) so với cùng kỳ.",
        "Tổng số vụ tai nạn giao thông, giảm hai, so với cùng kỳ.",
    ),
    ("Số lượng đối tượng bị bắt (+3).", "Số lượng đối tượng bị bắt, tăng ba."),
]


@pytest.mark.parametrize(("source", "expected"), COUNT_CHANGES)
def test_a_bare_change_after_a_named_count_is_a_rise_or_a_fall(source: str, expected: str) -> None:
    assert _read(source) == (expected, [])


def test_a_bare_change_after_a_count_with_no_figure_nor_so_is_held() -> None:
    """`người chết (-1)`: neither `số` nor a figure says it is the deaths' count that fell;
    read as written and held, with the wording to use (R12.4)."""
    spoken = normalise("Tai nạn giao thông: người chết (-1).")
    assert spoken.text == "Tai nạn giao thông: người chết, âm một."
    [flag] = spoken.flags
    assert (flag.code, flag.severity, flag.excerpt) == ("R12.4", BLOCKING, "(-1)")
    assert "«người chết»" in flag.message and "«giảm 1 người»" in flag.message


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A value, no count: the sign as written, as before.
        ("Nhiệt độ (-2) vào ban đêm.", "Nhiệt độ, âm hai, vào ban đêm."),
        ("Chênh lệch (+2).", "Chênh lệch, cộng hai."),
    ],
)
def test_a_bare_number_after_no_count_is_still_the_value(source: str, expected: str) -> None:
    assert _read(source) == (expected, [])


# R12.4: the minus is read as the plus is. A count's (`+2 vụ` was «tăng», `-2 vụ` «âm»), and a
# share's or an amount's compared with a period; a share or an amount alone keeps «âm» (a
# negative growth, a balance owed), where a written plus is only ever a rise, «tăng».
SIGNS = [
    ("Chênh lệch -2 vụ.", "Chênh lệch giảm hai vụ."),
    ("Chênh lệch +2 vụ.", "Chênh lệch tăng hai vụ."),
    (
        "Số vụ trộm cắp -15% so với cùng kỳ, số vụ cướp giật +10% so với cùng kỳ.",
        "Số vụ trộm cắp giảm mười lăm phần trăm so với cùng kỳ, số vụ cướp giật tăng mười phần "
        "trăm so với cùng kỳ.",
    ),
    (
        "Thiệt hại -20 triệu đồng so với năm trước.",
        "Thiệt hại giảm hai mươi triệu đồng so với năm trước.",
    ),
    # Kept: the figure's own sign after a word saying the rise, and a value alone.
    (
        "Tăng trưởng -15% so với cùng kỳ.",
        "Tăng trưởng âm mười lăm phần trăm so với cùng kỳ.",
    ),
    ("Số dư -5 triệu đồng.", "Số dư âm năm triệu đồng."),
    ("Lãi suất +0,5%.", "Lãi suất tăng không phẩy năm phần trăm."),
    # In brackets as without: a share after a rise is a negative growth, not «tăng, giảm».
    (
        "Tăng trưởng (-15%) so với cùng kỳ.",
        "Tăng trưởng, âm mười lăm phần trăm, so với cùng kỳ.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), SIGNS)
def test_a_minus_is_read_where_its_plus_is(source: str, expected: str) -> None:
    assert _read(source) == (expected, [])


@pytest.mark.parametrize(
    ("source", "expected", "excerpt"),
    [
        ("Số vụ giảm +5%.", "Số vụ giảm cộng năm phần trăm.", "+5%"),
        ("Cửa hàng lỗ +5 triệu đồng.", "Cửa hàng lỗ cộng năm triệu đồng.", "+5"),
        ("Số vụ tăng -2 vụ.", "Số vụ tăng âm hai vụ.", "-2"),
        # In brackets too: `tăng (-2 vụ)` was «tăng, giảm hai vụ», `giảm (+2)` «giảm, tăng hai».
        ("Số vụ tăng (-2 vụ) so với cùng kỳ.", "Số vụ tăng, âm hai vụ, so với cùng kỳ.", "-2"),
        ("Số vụ tăng (-2) so với cùng kỳ.", "Số vụ tăng, âm hai, so với cùng kỳ.", "-2"),
        ("Số vụ giảm (+2) so với cùng kỳ.", "Số vụ giảm, cộng hai, so với cùng kỳ.", "+2"),
        ("Số vụ giảm (+2 vụ) so với cùng kỳ.", "Số vụ giảm, cộng hai vụ, so với cùng kỳ.", "+2"),
        ("Số vụ giảm (+15%).", "Số vụ giảm, cộng mười lăm phần trăm.", "+15%"),
        # A share or an amount after a plain rise too: only `tăng trưởng`, `lãi` take a minus
        # of their own (`tăng (-2 triệu đồng)` was «tăng, âm hai triệu đồng», unheld).
        ("Thiệt hại tăng (-2 triệu đồng).", "Thiệt hại tăng, âm hai triệu đồng.", "-2"),
        ("Số vụ tăng (-15%).", "Số vụ tăng, âm mười lăm phần trăm.", "-15%"),
        ("Số vụ tăng -15%.", "Số vụ tăng âm mười lăm phần trăm.", "-15%"),
        ("Thiệt hại tăng thêm -2 triệu đồng.", "Thiệt hại tăng thêm âm hai triệu đồng.", "-2"),
        ("Số vụ cao hơn -15%.", "Số vụ cao hơn âm mười lăm phần trăm.", "-15%"),
    ],
)
def test_a_sign_against_the_word_before_it_is_held(
    source: str, expected: str, excerpt: str
) -> None:
    """`giảm +5%` was «giảm tăng năm phần trăm»: a rise and a fall in one breath. Read as
    written and held: the editor says which (R12.4)."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R12.4", BLOCKING, excerpt)]
    assert "ngược với chữ" in spoken.flags[0].message


@pytest.mark.parametrize(
    ("source", "expected", "excerpt"),
    [
        ("Số vụ tăng 3 vụ (-15%).", "Số vụ tăng ba vụ, âm mười lăm phần trăm.", "(-15%)"),
        ("Số vụ giảm 3 vụ (+15%).", "Số vụ giảm ba vụ, cộng mười lăm phần trăm.", "(+15%)"),
        ("Số vụ tăng 3 vụ (-2 vụ).", "Số vụ tăng ba vụ, âm hai vụ.", "(-2 vụ)"),
        ("Số vụ giảm 5 (+2).", "Số vụ giảm năm, cộng hai.", "(+2)"),
        (
            "Thiệt hại tăng thêm 1,5 tỷ đồng (-10%).",
            "Thiệt hại tăng thêm một phẩy năm tỷ đồng, âm mười phần trăm.",
            "(-10%)",
        ),
        ("Số vụ tăng 15% (-3 vụ).", "Số vụ tăng mười lăm phần trăm, âm ba vụ.", "(-3 vụ)"),
    ],
)
def test_a_sign_against_the_change_its_bracket_follows_is_held(
    source: str, expected: str, excerpt: str
) -> None:
    """`tăng 3 vụ (-15%)` was «tăng ba vụ, giảm mười lăm phần trăm»: the bracket gives the same
    change another way, so both ways of one figure went on air. Held as `tăng (-2 vụ)` is: the
    word before the bracket is the count, and the change's word before that (R12.4)."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R12.4", BLOCKING, excerpt)]
    turned = excerpt[0] + ("+" if excerpt[1] == "-" else "-") + excerpt[2:]
    assert f"{turned}»" in spoken.flags[0].message


@pytest.mark.parametrize(
    ("source", "expected", "excerpt", "turned"),
    [
        (
            "Số vụ tăng 3 vụ, -15%.",
            "Số vụ tăng ba vụ, âm mười lăm phần trăm.",
            "-15%",
            "«tăng 3 vụ, +15%»",
        ),
        (
            "Số vụ giảm 3 vụ, +15%.",
            "Số vụ giảm ba vụ, cộng mười lăm phần trăm.",
            "+15%",
            "«giảm 3 vụ, -15%»",
        ),
        (
            "Số vụ tăng 3 vụ; -2 vụ.",
            "Số vụ tăng ba vụ; âm hai vụ.",
            "-2 vụ",
            "«tăng 3 vụ; +2 vụ»",
        ),
        (
            "Số vụ tăng 3 vụ (tương ứng -15%).",
            "Số vụ tăng ba vụ, tương ứng âm mười lăm phần trăm.",
            "-15%",
            "«tăng 3 vụ (tương ứng +15%)»",
        ),
        (
            "Số vụ tăng 3 vụ, tương ứng -15%.",
            "Số vụ tăng ba vụ, tương ứng âm mười lăm phần trăm.",
            "-15%",
            "«tăng 3 vụ, tương ứng +15%»",
        ),
        (
            "Số vụ giảm 5 (tương đương +2).",
            "Số vụ giảm năm, tương đương cộng hai.",
            "+2",
            "«giảm 5 (tương đương -2)»",
        ),
    ],
)
def test_a_sign_against_the_change_a_comma_or_tuong_ung_follows_is_held(
    source: str, expected: str, excerpt: str, turned: str
) -> None:
    """`tăng 3 vụ, -15%` was «tăng ba vụ, âm …» and `tăng 3 vụ (tương ứng -15%)` «… tương ứng
    giảm mười lăm phần trăm», unheld: a comma or `tương ứng` gives the same change another way,
    as a bracket does (R12.4)."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R12.4", BLOCKING, excerpt)]
    assert turned in spoken.flags[0].message


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Số vụ tăng 3 vụ (+15%).", "Số vụ tăng ba vụ, tăng mười lăm phần trăm."),
        ("Số vụ giảm 3 vụ (-15%).", "Số vụ giảm ba vụ, giảm mười lăm phần trăm."),
        ("Số vụ tăng 3 vụ (từ 5 lên 8).", "Số vụ tăng ba vụ, từ năm lên tám."),
        ("Số vụ tăng 3 vụ (15%).", "Số vụ tăng ba vụ, mười lăm phần trăm."),
        # Another count, or a rate against another period's: not the same figure.
        ("Số vụ tăng 3 vụ (-2 người chết).", "Số vụ tăng ba vụ, giảm hai người chết."),
        (
            "Tỷ lệ tăng 12,5% (-1,2%).",
            "Tỷ lệ tăng mười hai phẩy năm phần trăm, giảm một phẩy hai phần trăm.",
        ),
        # After a comma or `tương ứng` the same: held only against the change.
        ("Số vụ giảm 5 vụ, -10%.", "Số vụ giảm năm vụ, giảm mười phần trăm."),
        ("Số vụ tăng 5 vụ, +10%.", "Số vụ tăng năm vụ, tăng mười phần trăm."),
        (
            "Số vụ giảm 3 vụ (tương ứng -15%).",
            "Số vụ giảm ba vụ, tương ứng giảm mười lăm phần trăm.",
        ),
        ("Số vụ tăng 3 vụ, -2 người chết.", "Số vụ tăng ba vụ, giảm hai người chết."),
        (
            "Tỷ lệ tăng 12,5%, -1,2%.",
            "Tỷ lệ tăng mười hai phẩy năm phần trăm, âm một phẩy hai phần trăm.",
        ),
        # A negative growth, a loss written as a negative gain: the figure's own sign.
        ("Lãi -5 triệu đồng.", "Lãi âm năm triệu đồng."),
        ("Tăng trưởng (-15%).", "Tăng trưởng, âm mười lăm phần trăm."),
    ],
)
def test_a_bracket_the_same_way_or_without_a_sign_is_read(source: str, expected: str) -> None:
    assert _read(source) == (expected, [])


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
        "Đ/c: Ban Chỉ huy Quân sự xã Tân Lập.",
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


@pytest.mark.parametrize("hamlet", ["xóm 3", "tổ dân phố 2", "thôn 3", "khóm 3"])
def test_a_name_then_a_hamlet_after_comrade_or_address_is_held(hamlet: str) -> None:
    """«Đ/c: Nguyễn Văn Cừ, xóm 3» may be a street named after someone, as «…, thôn 3» is:
    «xóm» and «tổ dân phố» were missing, so it was read «Đồng chí» with no flag."""
    spoken = normalise(f"Đ/c: Nguyễn Văn Cừ, {hamlet}, xã Nghi Phú.")
    assert "R14.5" in [f.code for f in spoken.flags]
