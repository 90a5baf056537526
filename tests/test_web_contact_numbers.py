"""The number a [contact] value dials, and when the check must warn that it may not be the one
the editor meant."""

from __future__ import annotations

import pytest

from publish.contact_numbers import dialled, tel_uri


@pytest.mark.parametrize("written", ["113 7-17h", "0277 3610 113 7-17h", "113 7 đến 17 giờ"])
def test_a_one_digit_hour_after_the_number_is_warned_about(written: str) -> None:
    """«113 7-17h»: is «7» the number's last group or the first hour? Read as the hour with no
    word, while «0277 3610 10 - 17h» (two digits) was warned about: the check now says which
    number a tap dials, so the editor can write the hours in brackets."""
    found = dialled(written)
    assert found is not None and found.left_over
    assert tel_uri(written) == f"tel:{found.digits}"


@pytest.mark.parametrize(
    "written", ["113 (7-17h)", "113 7h-17h", "0277 3610 113 (từ 7 đến 17 giờ)", "113, 7-17h"]
)
def test_hours_written_apart_from_the_number_are_no_warning(written: str) -> None:
    """Hours in brackets, after a comma or with their unit say they are hours: no warning."""
    found = dialled(written)
    assert found is not None and not found.left_over
