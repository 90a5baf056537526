"""`publish approve` shows each line changed since the approval with its words removed and
added marked; a long paragraph is shortened. Session 77 QA: the shortening took the middle of
the line out wherever the change was, so «hơn **250 cán bộ» changed to «280» in the middle of a
long opening paragraph read «… *280+} cán bộ»: the old number and the marks' openings gone,
the approver left guessing what was changed."""

from __future__ import annotations

from publish.approval_diff import LINE_CHARS, word_diff

_BEFORE = (
    "Sáng ngày 5/12/2026, tại sân trụ sở Công an huyện ở thị trấn Cái Tàu Hạ, Công an huyện "
    "Châu Thành tổ chức Lễ ra quân đợt cao điểm tấn công, trấn áp tội phạm. Đợt cao điểm nhằm "
    "bảo đảm an ninh, trật tự dịp Tết Dương lịch và Tết Nguyên đán Đinh Mùi 2027. Tham dự có đại "
    "diện lãnh đạo Huyện ủy, Ủy ban nhân dân huyện cùng hơn **{n} cán bộ, chiến sĩ** Công an "
    "huyện, Công an các xã, thị trấn và lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở. "
    "Buổi lễ kết thúc lúc 10 giờ cùng ngày sau phần diễu hành của các lực lượng tham gia."
)


def _shown(old: str, new: str) -> str:
    """The one line word_diff tells for a one-line change."""
    (line,) = word_diff(old, new)
    return line


def test_a_change_in_the_middle_of_a_long_line_is_shown_whole_with_both_marks() -> None:
    old, new = _BEFORE.format(n=250), _BEFORE.format(n=280)
    assert len(new) > LINE_CHARS
    line = _shown(old, new)
    assert "[-**250-]{+**280+}" in line
    assert "cán bộ, chiến sĩ" in line
    assert len(line) <= LINE_CHARS + len("dòng 1: ") + 20


def test_changes_at_both_ends_of_a_long_line_are_both_shown() -> None:
    old = _BEFORE.format(n=250)
    new = "Sáng " + old.removeprefix("Sáng ngày ").replace("10 giờ", "11 giờ")
    line = _shown(old, new)
    assert "Sáng[- ngày-] 5/12/2026" in line
    assert "[-10-]{+11+} giờ" in line
    assert "…" in line


def test_a_long_added_run_keeps_its_marks_when_shortened() -> None:
    old = "Người dân báo tin qua đường dây nóng."
    new = old + " " + "Đội Cảnh sát hình sự trực 24/24 giờ, số 0912 345 678. " * 8
    line = _shown(old, new)
    assert line.startswith("dòng 1: Người dân báo tin qua đường dây nóng.{+")
    assert line.endswith("+}")


def test_a_short_line_is_shown_as_before() -> None:
    assert _shown("date: 2026-07-08 15:00", "date: 2026-12-10 15:00") == (
        "dòng 1: date: [-2026-07-08-]{+2026-12-10+} 15:00"
    )


def test_three_far_apart_changes_of_a_long_line_are_all_shown() -> None:
    """Review of session 77: a second blind cut to LINE_CHARS after the shortening took the
    middle change out («lúc 8 → 9 giờ» gone, nothing said)."""
    filler = "Công an xã nhắc người dân cảnh giác với các thủ đoạn lừa đảo qua mạng. " * 5
    old = f"Vào ngày 1/12 {filler}lúc 8 giờ {filler}tại xã A cùng ngày."
    new = f"Vào ngày 2/12 {filler}lúc 9 giờ {filler}tại xã B cùng ngày."
    line = _shown(old, new)
    for change in ("[-1/12-]{+2/12+}", "[-8-]{+9+}", "[-A-]{+B+}"):
        assert change in line, line
