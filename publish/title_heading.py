"""A body opening with the title again (`# <the title>`, pasted with it from Word or another
site), told to the editor.

The page already shows the title as its heading (h1) and Zalo as the article's title: the body's
copy showed it twice on both. Nothing is dropped: a warning names the line and says to delete
it (a heading told apart from the title by more than case, punctuation or marks is the editor's
own, and kept unsaid). The radio never reads it twice (publish.radio.markdown marks it).
"""

from __future__ import annotations

import re

from publish.fields import Collector
from publish.frontmatter import Parsed
from publish.markdown_code import masked
from publish.markdown_comments import prose
from publish.text import title_words

__all__ = ["check"]

_ATX = re.compile(r" {0,3}#{1,6}(?!#)")
"""A line opening as a heading («# …», «## …»; no space needed, as on the website)."""
_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
"""The line under a heading written the other way («Tiêu đề» / «=====»)."""
_BOLD_LINE = re.compile(r" {0,3}(\*\*|__)(?=\S).*\S\1[ \t]*")
"""A line all in bold («**Tiêu đề**»), as Word's title pastes."""


def check(col: Collector, parsed: Parsed, title: str | None, *, zalo: bool) -> None:
    """A warning when the body's first line is a heading or a bold line repeating `title`
    (`zalo`: whether the file goes to Zalo too, which then shows it twice as well)."""
    if not title or not _may_open_with_heading(parsed.body):
        return
    lines = masked(prose(parsed.body)).split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return
    line = lines[first]
    under = lines[first + 1] if first + 1 < len(lines) else ""
    underlined = _UNDERLINE.fullmatch(under) is not None
    if not (_ATX.match(line) or underlined or _BOLD_LINE.fullmatch(line)):
        return
    wanted = title_words(title)
    if not wanted or title_words(line) != wanted:
        return
    number = parsed.body_line + first
    where = "website và Zalo" if zalo else "website"
    col.add(
        f"dòng đầu của nội dung, «{line.strip()}», lặp lại tiêu đề: trang đã hiện tiêu đề ở "
        f"trên cùng (thẻ h1), nên {where} hiện tiêu đề hai lần",
        line=number,
        hint=f"Xóa dòng {number}"
        + (f" và dòng gạch dưới nó (dòng {number + 1})" if underlined else "")
        + ": tiêu đề chỉ cần ghi ở trường 'title'.",
        severity="warning",
    )


def _may_open_with_heading(body: str) -> bool:
    """Whether `body`'s first line may be a heading or a bold line (or a comment hides the
    first line shown): not so for nearly every body, whose first line opens with a letter and
    is not underlined."""
    text = body.lstrip()
    if text[:1] in ("#", "*", "_", "<"):
        return True
    end = text.find("\n")
    if end < 0:
        return False
    after = text.find("\n", end + 1)
    return _UNDERLINE.fullmatch(text[end + 1 : after if after >= 0 else None]) is not None
