"""A newspaper's dateline opening a bulletin («(CAH) – Trong tháng …», «**Châu Thành (CAĐT)** –
…»): where the news came from and who wrote it, printed for readers, never said on air (a
presenter reads the news, not its source tag)."""

from __future__ import annotations

import re
from collections.abc import Collection

from publish.radio.given_names import a_full_name, a_place_like_a_name
from publish.radio.place_kinds import places_named
from publish.radio.titles import FORMS_OF_ADDRESS

__all__ = ["without_dateline"]

_DATELINE = re.compile(
    r"[*_]{0,2}(?P<place>(?:[^\W\d_]+ ){0,4})\(\s*[A-ZĐ][A-ZĐ.]{1,9}\s*\)[*_]{0,2}"
    r"\s*[-–—]\s*[*_]{0,2}\s*(?=[^\W\d_])"
)
"""A place's name in title case or none, a source's capitals in brackets, then a dash and the
news (`(CAH) – Trong tháng`): the two things a dateline holds."""

_ADDRESS = re.compile(
    rf"(?i:{FORMS_OF_ADDRESS}|cậu|dì|mợ|thím|đối tượng|bị can|bị cáo|nghi phạm|nghi can"
    r"|nạn nhân|người|vợ chồng|sư|đại đức|linh mục)\s"
)
"""A form of address (titles.FORMS_OF_ADDRESS, and the words a police report names a person
by) opening the bracket's run: a person («Ông Trần Văn Bình (TVB) – chủ tiệm vàng …») named
with initials, never a place's dateline."""


_REPORTER = re.compile(r"\(\s*(?:PV|CTV|PV\.|NPV|BTV)\s*\)")
"""A reporter's credit in brackets (`(PV)`, `(CTV)`): a dateline's, never a person's initials."""


def without_dateline(text: str, places: Collection[str] = ()) -> str:
    """`text` without the dateline it opens with, if any: a place's name or none, then news
    opening a sentence after the dash; or a known place (`places`, one the text names after its
    kind, a province) with a reporter's credit, then news in lower case («Hoàng Mai (PV) – sáng
    nay, …»)."""
    found = _DATELINE.match(text)
    if found is None or not all(w[0].isupper() for w in found["place"].split()):
        return text
    if _ADDRESS.match(found["place"]) or _a_person(found["place"].split()):
        return text
    rest = text[found.end() :]
    if rest[:1].islower():
        if _known_place_credited(found, text, places):
            return rest[:1].upper() + rest[1:]
        # «Nguyễn Văn Hải (NVH) – sinh năm 1985 – …»: a dateline's news opens a sentence; words
        # in lower case go on describing what the bracket follows, a person more often than not.
        return text
    return rest


def _known_place_credited(found: re.Match[str], text: str, places: Collection[str]) -> bool:
    """Whether a dateline's place is a known one and its bracket a reporter's credit («Hoàng Mai
    (PV) – sáng nay, công an quận Hoàng Mai …»): a dateline though the news opens in lower case."""
    place = found["place"].strip()
    if not place or not _REPORTER.search(found[0]):
        return False
    return place in places or a_place_like_a_name(place) or place in places_named(text)


def _a_person(words: list[str]) -> bool:
    """Whether the words before the bracket are a person's full name («Nguyễn Văn Hải»), not a
    place («Châu Thành», «Hồ Chí Minh»)."""
    return a_full_name(words) and not a_place_like_a_name(" ".join(words))
