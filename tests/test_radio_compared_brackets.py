"""A change in brackets with the period it is compared with (`47 trường hợp (+12 so với tuần
trước)`), as a weekly results bulletin writes it: the presenter read «cộng mười hai so với tuần
trước», «âm mười hai …» (a count below zero), where `47 trường hợp (+12)` was already «tăng mười
hai». Each text goes through `normalise`, as a build reads it.
"""

from __future__ import annotations

import pytest

from publish.radio.flags import BLOCKING
from publish.radio.normalise import normalise


def _read(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The script of `text` and its flags' codes and excerpts."""
    spoken = normalise(text)
    return spoken.text, [(f.code, f.excerpt) for f in spoken.flags]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Lập biên bản 47 trường hợp vi phạm nồng độ cồn (+12 so với tuần trước).",
            "Lập biên bản bốn mươi bảy trường hợp vi phạm nồng độ cồn, tăng mười hai so với tuần "
            "trước.",
        ),
        (
            "Có 47 vụ (-12 so với tuần trước).",
            "Có bốn mươi bảy vụ, giảm mười hai so với tuần trước.",
        ),
        (
            "Số người bị thương (+3 so với cùng kỳ năm 2025).",
            "Số người bị thương, tăng ba so với cùng kỳ năm hai nghìn không trăm hai mươi lăm.",
        ),
    ],
)
def test_a_compared_change_after_a_count_is_a_rise_or_a_fall(source: str, expected: str) -> None:
    assert _read(source) == (expected, [])


def test_a_compared_value_after_no_count_is_still_the_value() -> None:
    """No count before the bracket (`nhiệt độ`): the number is the value, as `nhiệt độ (-2)`."""
    assert _read("Nhiệt độ (-2 so với hôm qua).") == ("Nhiệt độ, âm hai so với hôm qua.", [])


def test_a_compared_change_against_the_words_before_it_is_held() -> None:
    """`tăng 3 vụ (-2 so với cùng kỳ)` says both ways of one figure, as `tăng 3 vụ (-2)` does."""
    spoken = normalise("Tăng 3 vụ (-2 so với cùng kỳ).")
    assert spoken.text == "Tăng ba vụ, âm hai so với cùng kỳ."
    [flag] = spoken.flags
    assert (flag.code, flag.severity, flag.excerpt) == ("R12.4", BLOCKING, "(-2 so với cùng kỳ)")
    assert "«Tăng 3 vụ (+2 so với cùng kỳ)»" in flag.message


def test_a_compared_change_after_a_year_is_held_with_its_words() -> None:
    """After a year no figure is named: held as `năm 2024 (+2)` is, quoting the bracket whole."""
    spoken = normalise("Năm 2024 (+2 so với năm 2023).")
    [flag] = spoken.flags
    assert (flag.code, flag.severity, flag.excerpt) == ("R12.4", BLOCKING, "(+2 so với năm 2023)")
    assert "«(+2 so với năm 2023)»" in flag.message


def test_a_compared_change_after_a_count_with_no_figure_suggests_the_number_alone() -> None:
    """The wording offered names the number and the count, not the period's words."""
    spoken = normalise("Tai nạn giao thông: người chết (-1 so với năm trước).")
    [flag] = spoken.flags
    assert (flag.code, flag.severity) == ("R12.4", BLOCKING)
    assert "«giảm 1 người»" in flag.message
