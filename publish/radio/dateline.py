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
    r"[*_]{0,2}(?:(?P<place>(?:[^\W_]+\.? ){0,4})\(\s*(?P<source>[A-ZĐ][A-ZĐ.]{1,9})\s*\)"
    r"|(?P<bare>CA[A-ZĐ]{1,4}|PV|CTV|TTXVN)(?= *[-–—]))[*_]{0,2}"
    r"\s*(?P<mark>[-–—:])\s*[*_]{0,2}\s*(?=[^\W\d_])"
)
"""A place's name in title case («TP. Mỹ Tho», «Phường 3») or none, a source's capitals in
brackets, then a dash and the news (`(CAH) – Trong tháng`): the two things a dateline holds; or
a source's credit alone before the dash (`CAH – trong tháng`), or in brackets before a colon
(`(CAH): Trong tháng`)."""
_REPORTER = re.compile(r"PV\.?|CTV|NPV|BTV")
"""A reporter's credit: the name before it is the reporter's byline («Nguyễn Văn An (PV) – …»),
unless the letters are that name's initials («Phạm Vinh (PV)»)."""
_DESCRIBES_A_PERSON = re.compile(
    r"(?i:trú|thường trú|tạm trú|ngụ|quê|sinh|SN|nghề nghiệp|làm nghề)(?!\w)"
)
"""Words after the dash telling where one lives or was born: the name before the bracket is a
person's («Văn Hải (CAH) – trú tại ấp 3»), never a dateline's place."""

_ADDRESS = re.compile(
    rf"(?i:{FORMS_OF_ADDRESS}|cậu|dì|mợ|thím|đối tượng|bị can|bị cáo|nghi phạm|nghi can"
    r"|nạn nhân|người|vợ chồng|sư|đại đức|linh mục)\s"
)
"""A form of address (titles.FORMS_OF_ADDRESS, and the words a police report names a person
by) opening the bracket's run: a person («Ông Trần Văn Bình (TVB) – chủ tiệm vàng …») named
with initials, never a place's dateline."""


_CREDIT = re.compile(r"\(\s*(?:CA[A-ZĐ]{1,4}|PV\.?|CTV|NPV|BTV|BBT|TTXVN)\s*\)")
"""A source's credit in brackets: a police unit's (`(CAH)`, `(CAĐT)`), a reporter's (`(PV)`,
`(CTV)`), the editors' (`(BBT)`): a dateline's, never a person's initials."""


def without_dateline(text: str, places: Collection[str] = ()) -> str:
    """`text` without the dateline it opens with, if any: a place's name or none, then news
    opening a sentence after the dash; or, with a source's credit in the brackets, news in lower
    case («Châu Thành (CAĐT) – sáng 12/3, …») unless a person stands before the bracket."""
    found = _DATELINE.match(text)
    if found is None:
        return text
    words = (found["place"] or "").split()
    if words and not (words[0][0].isupper() and all(w[0].isupper() or w.isdigit() for w in words)):
        return text
    credit = bool(found["bare"] or _CREDIT.search(found[0]))
    if found["mark"] == ":" and not credit:
        return text
    known = {*places, *places_named(text)}
    if _ADDRESS.match(found["place"] or "") or (
        _a_person(words, known) and not _a_reporters_byline(words, found["source"])
    ):
        return text
    rest = text[found.end() :]
    if words and _DESCRIBES_A_PERSON.match(rest):
        return text  # «Văn Hải (CAH) – trú tại ấp 3»: a person, described
    if rest[:1].islower():
        if credit:
            return rest[:1].upper() + rest[1:]
        # «Hải (NVH) – trú tại thôn 2 – …»: a dateline's news opens a sentence; words in lower
        # case after initials go on describing what the bracket follows, a person more often
        # than not.
        return text
    return rest


def _a_reporters_byline(words: list[str], source: str | None) -> bool:
    """Whether a person's name before a reporter's credit is the reporter's byline
    («Nguyễn Văn An (PV) – sáng …»), not a person named with their initials («Phạm Vinh (PV)»)."""
    if source is None or not _REPORTER.fullmatch(source):
        return False
    initials = "".join(word[0] for word in words).upper()
    return initials != source.rstrip(".")


def _a_person(words: list[str], places: Collection[str]) -> bool:
    """Whether the words before the bracket are a person's full name («Nguyễn Văn Hải»), not a
    place («Châu Thành», «Hồ Chí Minh», or a district named after a person that the text or
    site.toml names as a place: «huyện Trần Văn Thời»)."""
    name = " ".join(words)
    return a_full_name(words) and not a_place_like_a_name(name) and name not in places
