"""Publishing gates: what keeps a bulletin out of every channel, and why."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator

from publish.config import Policy
from publish.model import Bulletin, Exclusion
from publish.text import fold, nfc, vn_datetime

__all__ = ["gate", "is_secret", "secret_classification", "secret_stamp"]

STAMPS = ("mật", "tối mật", "tuyệt mật")
"""The state-secret grades (Luật Bảo vệ bí mật nhà nước 2018): always secret, whatever site.toml says."""
_NON_WORD = re.compile(r"[\W_]+")
_GRADE_LINE = re.compile(r"^\W*độ\s+mật\s*[:：]\s*(?P<value>.*)$", re.IGNORECASE)
_TITLE_STAMP = re.compile(r"^\s*[\[(]\s*(?P<stamp>[^\])]+?)\s*[\])]")
_NO_LOWER_LINE = re.compile(r"^[^a-z\n]*[^a-z\s][^a-z\n]*$", re.MULTILINE)
"""A line with something besides spaces and no a-z: the only kind a capitals stamp can be."""
_GRADE_WORDS = re.compile(r"độ\s+mật", re.IGNORECASE)
"""What an "Độ mật: …" stamp line must hold (_GRADE_LINE's words)."""


def _grades(policy: Policy) -> frozenset[str]:
    """Folded secret grades: the legal ones plus the site's own list."""
    return _folded_grades(tuple(policy.secret_classifications))


@functools.lru_cache(maxsize=16)
def _folded_grades(classifications: tuple[str, ...]) -> frozenset[str]:
    """See _grades (folded once per list: the gate asks for every bulletin)."""
    return frozenset(fold(nfc(c)).strip() for c in (*STAMPS, *classifications) if c.strip())


def secret_classification(value: str, policy: Policy) -> bool:
    """Whether a `classification` value is a secret grade (case, accents and NFD ignored)."""
    return fold(nfc(value)).strip() in _grades(policy)


def is_secret(bulletin: Bulletin, policy: Policy, *, stamp_checked: bool = False) -> bool:
    """Whether the bulletin is classified secret or its text carries a secret stamp.

    `stamp_checked`: the text was already scanned for stamps (loading refuses a stamped file),
    so only the cheap classification test is left.
    """
    if secret_classification(bulletin.classification, policy):
        return True
    return (
        not stamp_checked and secret_stamp(bulletin.body, policy, title=bulletin.title) is not None
    )


def secret_stamp(body: str, policy: Policy, *, title: str = "") -> tuple[int, str] | None:
    """(0-based line in `body`, the stamp) of a secret stamp in the text, else None.

    A stamp is a line holding only a grade in capitals ("MẬT", "**TỐI MẬT**"), an "Độ mật: …"
    line naming a grade, or a title starting with a bracketed grade ("[MẬT] …", line -1).
    Lower-case words ("mật khẩu", "bí mật") are ordinary text, not stamps.
    """
    grades = _grades(policy)
    match = _TITLE_STAMP.match(nfc(title))
    if match and match["stamp"].isupper() and fold(match["stamp"]).strip() in grades:
        return -1, match["stamp"]
    for number, line in _candidate_lines(nfc(body)):
        words = _NON_WORD.sub(" ", line).strip()
        if words and words.isupper() and fold(words) in grades:
            return number, words
        grade = _GRADE_LINE.match(line.strip())
        if grade:
            value = fold(_NON_WORD.sub(" ", grade["value"]).strip())
            if value in grades or any(f" {g} " in f" {value} " for g in grades):
                return number, line.strip()
    return None


def _candidate_lines(text: str) -> Iterator[tuple[int, str]]:
    """(0-based number, line) of the lines that could be a stamp: all of them when the text says
    "độ mật" somewhere, else only those without a-z (a capitals stamp has none) — almost every
    line is skipped unread (reading each was a third of a cold load's work per file)."""
    if _GRADE_WORDS.search(text):
        yield from enumerate(text.split("\n"))
        return
    number = start = 0
    for match in _NO_LOWER_LINE.finditer(text):
        number += text.count("\n", start, match.start())
        start = match.start()
        yield number, match.group()


def gate(
    bulletin: Bulletin, *, now: dt.datetime, policy: Policy, stamp_checked: bool = False
) -> Exclusion | None:
    """The first reason the bulletin may not be published at `now`, or None when it may.

    `stamp_checked`: see `is_secret` (set by the loader, which already scanned every text).
    """
    if is_secret(bulletin, policy, stamp_checked=stamp_checked):
        return Exclusion(
            bulletin, f"tài liệu mật ({bulletin.classification}): không bao giờ xuất bản", "secret"
        )
    if bulletin.draft:
        return Exclusion(bulletin, "bản nháp (draft: true)", "draft")
    if policy.require_approval and not bulletin.approved_by.strip():
        return Exclusion(bulletin, "chưa được duyệt (thiếu approved_by)", "unapproved")
    if bulletin.date > now:
        local = bulletin.date.astimezone(now.tzinfo)
        return Exclusion(bulletin, f"hẹn giờ: sẽ xuất bản lúc {vn_datetime(local)}", "scheduled")
    if bulletin.expires is not None and bulletin.expires <= now:
        local = bulletin.expires.astimezone(now.tzinfo)
        return Exclusion(bulletin, f"đã hết hạn lúc {vn_datetime(local)}", "expired")
    return None
