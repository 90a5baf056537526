"""The warning that a bulletin's `tags`, written as one line of words without commas, may be
several tags run together: `tags: lừa đảo ngân hàng OTP` made one tag page «lừa đảo ngân hàng
OTP» without a word, where the editor meant three or four.

Tags of several words are common and meant («lừa đảo qua mạng», «phòng cháy chữa cháy», «tấn
công trấn áp tội phạm»), so the words alone prove nothing. Told only for a line that is one
string (a list, `tags: ["…"]`, says what was meant, and silences this), whose tag no other
bulletin uses, and that either holds two tags the site already has or has four words or more.
A warning that --strict leaves a warning (errors.STRICT_EXEMPT): nothing wrong goes out.
"""

from __future__ import annotations

from collections import Counter

from publish.errors import TAGS_RUN_TOGETHER, Problem
from publish.model import Bulletin
from publish.tags import tag_key
from publish.text import quoted

__all__ = ["run_together"]

MANY_WORDS = 4
"""Words (Vietnamese syllables) from which one line of tags may be several: «lừa đảo ngân
hàng» is one tag or two, «lừa đảo ngân hàng OTP» more likely two or three."""


def run_together(bulletins: list[Bulletin]) -> list[Problem]:
    """The warning for each bulletin whose tags line may be several tags typed as one."""
    uses = Counter(tag_key(tag) for bulletin in bulletins for tag in set(bulletin.tags))
    problems = []
    for bulletin in bulletins:
        if len(bulletin.tags) != 1 or bulletin.tags_line is None:
            continue  # several tags, or a list: says what was meant
        [tag] = bulletin.tags
        words = tag.split()
        if len(words) < 2 or uses[tag_key(tag)] > 1:
            continue  # one word, or a tag other bulletins use too: meant
        known = _known_parts(words, uses)
        if len(words) < MANY_WORDS and len(known) < 2:
            continue
        problems.append(_told(bulletin.source, tag, words, known, bulletin.tags_line or None))
    return problems


def _known_parts(words: list[str], uses: Counter[str]) -> list[tuple[int, int]]:
    """The (start, end) of each run of `words` that is a tag of the site, longest first from
    the left; never all of them (that tag is the bulletin's own)."""
    found = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            if (i, j) != (0, len(words)) and uses[tag_key(" ".join(words[i:j]))]:
                found.append((i, j))
                i = j
                break
        else:
            i += 1
    return found


def _told(
    source: str, tag: str, words: list[str], known: list[tuple[int, int]], line: int | None
) -> Problem:
    """The warning, with the list the known tags suggest (the words between them kept as one)."""
    listed = ""
    if known:
        parts, at = [], 0
        for start, end in known:
            if start > at:
                parts.append(" ".join(words[at:start]))
            parts.append(" ".join(words[start:end]))
            at = end
        if at < len(words):
            parts.append(" ".join(words[at:]))
        listed = ", ".join(f'"{part}"' for part in parts)
    names = ", ".join(quoted(" ".join(words[s:e])) for s, e in known)
    return Problem(
        source,
        f"thẻ {quoted(tag)} được đọc là một thẻ duy nhất: dòng tags là một dòng chữ, không có "
        "dấu phẩy ngăn các thẻ"
        + (f", mà trong đó có thẻ đã dùng ở bài khác ({names})" if known else ""),
        "tags",
        line,
        "Nếu đây là nhiều thẻ thì ngăn chúng bằng dấu phẩy trong ngoặc vuông, ví dụ tags: ["
        + (listed or '"thẻ thứ nhất", "thẻ thứ hai"')
        + f']. Nếu đúng là một thẻ thì cũng viết trong ngoặc vuông: tags: ["{tag}"] (cảnh báo '
        "này không hiện nữa).",
        "warning",
        code=TAGS_RUN_TOGETHER,
    )
