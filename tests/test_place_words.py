"""The places below a commune (publish.place_words.SUB_COMMUNE_KINDS) are one list for the
personal-data lint and the website's emergency links too, not only the radio script: each kept
its own, missing «xóm», «bản», «buôn», «làng» or «tổ dân phố». Every case below was told or
linked otherwise before."""

from __future__ import annotations

import pytest

from publish import place_words
from publish.pii import findings
from publish.radio import place_kinds
from publish.render.web.phones import emergency_linker

HOUSE = "số nhà nơi ở của người dân"
CHILD = "họ tên của trẻ vị thành niên"


def _kinds(text: str) -> list[tuple[str, str]]:
    """(kind, masked value) of every personal-data finding in `text`."""
    return [(f.kind, f.value) for f in findings(text, year=2026)]


def test_the_radio_reads_the_same_list() -> None:
    """One list: a kind added to publish.place_words reaches the radio's rules too."""
    assert place_kinds.SUB_COMMUNE_KINDS is place_words.SUB_COMMUNE_KINDS
    assert place_kinds.KINDS is place_words.KINDS


@pytest.mark.parametrize("kind", place_words.SUB_COMMUNE_KINDS)
def test_a_hamlet_s_name_before_an_age_is_no_child_s_name(kind: str) -> None:
    """«em Hùng, xóm Bến Lội (15 tuổi)»: «Bến Lội» is the hamlet, not a child's full name, as
    after «thôn»; «xóm», «bản», «buôn», «làng» made it «B.L.», a child's name to remove."""
    assert _kinds(f"Em Hùng, {kind} Bến Lội (15 tuổi) đã được đưa về nhà.") == []


def test_a_child_s_full_name_before_a_hamlet_is_still_found() -> None:
    """The place word ends the name only where it stands: the child's own name is reported."""
    found = _kinds("Em Lò Văn Hùng (15 tuổi), bản Na Hang, đã được đưa về nhà.")
    assert found == [(f"{CHILD} (15 tuổi)", "L.V.H.")]


@pytest.mark.parametrize("kind", ["bản", "buôn", "làng", "xóm"])
def test_a_house_number_before_a_comma_and_a_hamlet_is_found(kind: str) -> None:
    """«trú tại 45, bản Na Hang» is a door to knock on, as «trú tại 45, thôn Na Hang» was
    already told; «bản», «buôn», «làng» after the comma left it unreported."""
    text = f"Ông A trú tại 45, {kind} Na Hang, xã Tân Phú."
    assert _kinds(text) == [(HOUSE, "số **")]


@pytest.mark.parametrize(
    "text",
    [
        "Các hộ tạm trú tại 4 tổ dân phố trên địa bàn phường.",
        "Các hộ trú tại 2 tổ dân phố giáp ranh.",
    ],
)
def test_a_count_of_residential_groups_is_no_house_number(text: str) -> None:
    """«4 tổ dân phố trên địa bàn» counts groups, as «4 khu phố» does: «tổ dân phố» was read
    as «tổ» and a word, and 4 reported as a house."""
    assert _kinds(text) == []


def test_trading_after_a_number_is_no_hamlet() -> None:
    """«buôn bán» is trading: «trú tại 45, buôn bán tạp hóa» names no place after the number."""
    assert _kinds("Ông A trú tại 45, buôn bán tạp hóa.") == []


LINKS = {number: f"tel:{number}" for number in ("113", "114", "115")}


@pytest.mark.parametrize(
    "body",
    [
        "<p>Trạm cấp cứu 115 Bản 3.</p>",
        "<p>Đội chữa cháy 114 Làng 2.</p>",
        "<p>Đội chữa cháy 114 Buôn 4.</p>",
        "<p>Trạm cấp cứu 115 Thôn 3.</p>",
    ],
)
def test_a_service_number_before_a_hamlet_is_an_address(body: str) -> None:
    """«Đội chữa cháy 114 Làng 2» gives where the team is, as «114 Thôn 3» does: «Bản», «Buôn»,
    «Làng» made it a link, a tap on which is a false emergency call."""
    assert emergency_linker(LINKS)(body) == body


def test_a_service_number_before_trading_is_still_linked() -> None:
    """«Buôn bán» opens the next sentence's words, no village: the line to call stays linked."""
    html = emergency_linker(LINKS)("<p>Cảnh sát 113 Buôn bán ma túy là tội ác.</p>")
    assert '<a href="tel:113">113</a>' in html
