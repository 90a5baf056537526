"""A scammer's web address in a scam warning (R1.3, R1.4): the warning is read, the address not.

«Đối tượng gửi đường link https://… để chiếm đoạt tài khoản.» is the point of the bulletin. R1.3
took «link» for a call to click and dropped the sentence; R1.4's `url_spoken` would have said the
unit's own website («gửi đường link trang thông tin điện tử của Công an huyện»), which tells the
listener the police site is the trap. The address alone goes; the words naming it stay.
"""

from __future__ import annotations

import re

__all__ = ["SCAM_WORDS", "bait_removed", "in_scam_warning"]

SCAM_WORDS = re.compile(
    r"(?i:(?<!\w)(?:đối tượng|kẻ gian|kẻ xấu|giả danh|mạo danh|giả mạo|tự xưng|nạn nhân|bị hại"
    r"|lừa|chiếm đoạt|mã độc|độc hại|(?:link|đường link|đường dẫn|trang web|website) (?:lạ|giả))"
    r"(?!\w))"
)
"""Words of a scam warning: an address in the same sentence is the bait, never the unit's site."""
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)")
_NAMED_BEFORE = re.compile(
    r"(?i:(?<!\w)(?:đường link|link|đường dẫn|liên kết|trang web|trang mạng|website|web|trang"
    r"|địa chỉ|tên miền|e-?mail|hộp thư|thư điện tử))"
    r"(?:[^\S\n]++[^\W\d_]++){0,4}?"
    r"(?P<open>[^\S\n]*+\()?"
    r"(?P<intro>[^\S\n]*+(?i:như|là|có dạng|dạng)(?!\w))?"
    r"(?P<pointer>(?:[^\S\n]++(?i:như sau|sau|dưới đây))?[^\S\n]*+:)?[^\S\n]*+$"
)
"""The words naming the address right before it, up to four words back (`đường link giả mạo
ngân hàng https://…`), and a «sau:» pointing at it, which goes with it («truy cập đường link sau:
https://… để nhận quà» would say «đường link sau để nhận quà», «sau» heard as «later»), as does
a word introducing it («link lạ như https://…» said «link lạ như.»), and a bracket holding it
(«link lạ (như https://…)» said «link lạ, như một đường link,»)."""
_CLOSE = re.compile(r"[^\S\n]*+\)")
_LOOK_BACK = 80
"""Characters before an address in which the words naming it are looked for."""


_CLAUSE_BREAK = re.compile(r"[,;](?=\s)")
_INVITATION = re.compile(
    r"[\W_]*+(?i:(?:(?:người dân|bà con|nhân dân|quý vị|bạn đọc|mọi người)\s++)?"
    r"(?:(?:có thể|hãy|nên|cần|vui lòng|xin|mời)\s++)?(?:(?:hãy|vui lòng|xin|mời)\s++)?"
    r"(?:truy cập|bấm|nhấn|click|vào|xem|tra cứu|kiểm tra|tải|đăng ký|theo dõi|tham khảo|"
    r"tìm hiểu))(?!\w)"
)
"""A clause opening by asking the listener to go to the address (`Người dân hãy truy cập …`,
`Truy cập … để xem các thủ đoạn lừa đảo`, `có thể tra cứu các trang lừa đảo tại …`): the
unit's own page or one to look things up on, scam words or not."""
_PLACE_WORD_BEFORE = re.compile(r"[^\S\n]++(?i:tại|ở|qua|trên|là)[^\S\n]*+$")
"""A word that led to the address alone (`lập trang giả tại https://…`): it goes with it, or
«lập trang giả tại.» is left hanging."""


def in_scam_warning(text: str, start: int) -> bool:
    """Whether the sentence holding text[start] warns of a scam (`SCAM_WORDS`) and the clause
    holding it does not ask the listener to go there (`_INVITATION`)."""
    first = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_STOP.search(text, start)
    if SCAM_WORDS.search(text, first, stop.end() if stop else len(text)) is None:
        return False
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, first, start)), default=first)
    return _INVITATION.match(text, clause) is None


def bait_removed(text: str, start: int, end: int, *, email: bool) -> str | None:
    """`text` without the address text[start:end] when its sentence warns of a scam: the words
    naming it stay («gửi đường link để chiếm đoạt tài khoản»), or, named by nothing, it becomes
    «một đường link» («gửi https://… cho nạn nhân» must not lose its object); None otherwise."""
    if not in_scam_warning(text, start):
        return None
    reach = max(0, start - _LOOK_BACK)
    named = _NAMED_BEFORE.search(text[reach:start])
    if named is None:
        noun = "một địa chỉ thư điện tử" if email else "một đường link"
        return text[:start] + noun + text[end:]
    after = text[end:]
    close = _CLOSE.match(after) if named["open"] else None
    if close:
        after = after[close.end() :]  # the bracket goes with what it held, all of it
    groups = ("open", "intro", "pointer") if close else ("intro", "pointer")
    found = next((g for g in groups if named[g]), None)
    cut = reach + (named.start(found) if found else named.end())
    hanging = _PLACE_WORD_BEFORE.search(text, reach, cut)
    if hanging is not None:
        cut = hanging.start()
    gap = " " if after[:1].isalnum() else ""
    return text[:cut].rstrip() + gap + after
