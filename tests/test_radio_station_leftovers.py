"""What the presenter of «Vì an ninh Tổ quốc» still stumbled on in traffic and crime bulletins
(session 44): alcohol limits, document numbers, place abbreviations, counts after a date word.

Inputs go through `normalise_fragment` like the spec's vectors: no sentence-start capital, no
final stop. Each vector was read wrongly, or held back, by the code before it.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise_fragment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "vượt quá 0,4 mg/lít khí thở",
            "vượt quá không phẩy bốn mi-li-gam trên lít khí thở",
        ),
        (
            "chưa vượt quá 0,25 mg/lít khí thở",
            "chưa vượt quá không phẩy hai mươi lăm mi-li-gam trên lít khí thở",
        ),
        (
            "nồng độ cồn 0,4 mg / lít khí thở",
            "nồng độ cồn không phẩy bốn mi-li-gam trên lít khí thở",
        ),
        (
            "mức 0,25 mg/ 1 lít khí thở",
            "mức không phẩy hai mươi lăm mi-li-gam trên một lít khí thở",
        ),
        ("mức 0,25 mg/Lít khí thở", "mức không phẩy hai mươi lăm mi-li-gam trên lít khí thở"),
        # Both written forms of every traffic bulletin, as they were read before and still are.
        ("mức 0,4 mg/l khí thở", "mức không phẩy bốn mi-li-gam trên lít khí thở"),
        (
            "mức 80 mg/100 ml máu",
            "mức tám mươi mi-li-gam trên một trăm mi-li-lít máu",
        ),
        (
            "mức 0,25 miligam/1 lít khí thở",
            "mức không phẩy hai mươi lăm miligam trên một lít khí thở",
        ),
        # A price per litre is still «mỗi lít».
        ("xăng giá 25.000 đồng/lít", "xăng giá hai mươi lăm nghìn đồng mỗi lít"),
    ],
)
def test_an_alcohol_limit_over_a_litre_written_out_is_read_over_not_per(
    text: str, expected: str
) -> None:
    """`0,4 mg/lít` was read «mi-li-gam mỗi lít», as if the driver had drunk per litre of
    something, while `0,4 mg/l` was «trên lít»; spaced, `0,4 mg / lít`, the slash went unsaid
    («mi-li-gam lít»). A unit written out after a unit's slash is the unit below (R6.1)."""
    spoken = normalise_fragment(text)
    assert spoken.text == expected
    assert not spoken.blocking
