"""Reviewer M's findings (session 36) on what the radio script reads, held and dropped."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise
from publish.radio.options import SpeakOptions


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (
            "(CAH) – trong tháng 3, Công an huyện bắt giữ 5 đối tượng.",
            "Trong tháng ba, Công an huyện bắt giữ năm đối tượng.",
        ),
        (
            "Châu Thành (CAĐT) – sáng 12/3, Công an huyện Châu Thành ra quân.",
            "Sáng ngày mười hai tháng ba, Công an huyện Châu Thành ra quân.",
        ),
        (
            "Châu Thành (CAH) – ngày 5/11, lực lượng ra quân.",
            "Ngày năm tháng mười một, lực lượng ra quân.",
        ),
        (
            "Trần Văn Thời (CAH) – Sáng 3/3, Công an huyện Trần Văn Thời ra quân.",
            "Sáng ngày ba tháng ba, Công an huyện Trần Văn Thời ra quân.",
        ),
        (
            "Trần Văn Thời (PV) – sáng 3/3, lực lượng ra quân.\n\nTại huyện Trần Văn Thời, …",
            "Sáng ngày ba tháng ba, lực lượng ra quân.",
        ),
        ("Tân Phú (BBT) – tuần qua, xã ra quân.", "Tuần qua, xã ra quân."),
    ],
)
def test_a_units_dateline_before_news_in_lower_case_is_not_read(source: str, said: str) -> None:
    """«(CAH) – trong tháng 3, …» was read «Công an huyện, trong tháng ba», «Châu Thành (CAĐT)
    – sáng …» read and held on «CAĐT», and «Trần Văn Thời (CAH) – Sáng …», a district named
    after a person, taken for a person: a credit in brackets marks a dateline, and a name the
    bulletin gives a place's kind is a place."""
    spoken = normalise(source + "\n")
    assert spoken.text.split("\n\n")[0] == said
    assert not spoken.blocking


def test_a_district_named_after_a_person_in_site_toml_is_a_dateline() -> None:
    """site.toml's places ([unit] name: «Công an huyện Trần Văn Thời») name the district too."""
    source = "Trần Văn Thời (CAH) – sáng 3/3, lực lượng ra quân.\n"
    said = normalise(source, options=SpeakOptions(places=("Trần Văn Thời",))).text
    assert said == "Sáng ngày ba tháng ba, lực lượng ra quân."


@pytest.mark.parametrize(
    ("source", "opening"),
    [
        ("Nguyễn Văn Hải (NVH) – sinh năm 1985 – bị bắt.", "Nguyễn Văn Hải, sinh năm"),
        ("Nguyễn Văn Hải (CAH) – sinh năm 1985 – bị bắt.", "Nguyễn Văn Hải"),
        ("Ông Trần Văn Thời (PV) – sinh năm 1985 – bị bắt.", "Ông Trần Văn Thời"),
    ],
)
def test_a_person_before_a_bracket_stays_a_person(source: str, opening: str) -> None:
    """A person's full name before the bracket keeps the line, whatever the bracket holds."""
    assert normalise(source + "\n").text.startswith(opening)
