"""A quotation's attribution, the line under it that names who said it, set apart from it.

Bulletins quote a resident or an officer and name them on the quote's last line:

    > “Giờ có camera ngay đầu xóm, bà con yên tâm hẳn.”
    > — Bà Lê Thị Sáu, ấp Tân Phú, xã Tân Bình

Markdown joins the two lines into one paragraph, so the name ran on after the closing quote
mark as if it were part of what was said. A last line (or a last paragraph) of a blockquote
that starts with a dash and a space becomes a paragraph of its own, `class="quote-by"`, which
style.css sets apart. A dash line after another dash line is dialogue («— Anh ở đâu?»), not
an attribution: left as written.
"""

from __future__ import annotations

import re

__all__ = ["attributed_quotes"]

LAST_PARAGRAPH_RE = re.compile(r"<p>((?>[^<]*(?:<(?!/?p[\s>])[^<]*)*))</p>(\s*</blockquote>)")
"""A blockquote's last paragraph as the Markdown renderer writes it, and the quote's end. Runs
of text are taken by `[^<]*`, one step in C, not one alternative per character: every
paragraph of every body is read so (a body of 4 kB: 56 → 9 µs)."""
BY_RE = re.compile(r"[—–―-][ \u00a0]")
"""An attribution's start: an em or en dash (or the hyphen typed for one), then a space."""
TRAILING_BREAK_RE = re.compile(r"<br\s*/?>\s*\Z")
TAG_OPEN_RE = re.compile(r"<(?!(?:br|img|wbr)\b)[A-Za-z]")
"""An inline element's start tag; the void ones (a line break, an image) close nothing."""


def attributed_quotes(html: str) -> str:
    """`html` with each blockquote's attribution line a paragraph of class quote-by."""
    if "</blockquote>" not in html:
        return html
    return LAST_PARAGRAPH_RE.sub(_attributed, html)


def _attributed(match: re.Match[str]) -> str:
    """The paragraph with its attribution set apart, or as it was when it holds none."""
    lines = match[1].split("\n")
    last, end = lines[-1], match[2]
    if len(lines) > 1:
        # A line break typed before the name («…”  ⏎— Bà …») would end the quote blank.
        head = TRAILING_BREAK_RE.sub("", "\n".join(lines[:-1]))
        if BY_RE.match(last) and not BY_RE.match(lines[-2]) and _whole(last) and _whole(head):
            return f'<p>{head}</p>\n<p class="quote-by">{last}</p>{end}'
    elif BY_RE.match(last) and _after_a_quote(match.string, match.start()):
        return f'<p class="quote-by">{last}</p>{end}'
    return match[0]


def _whole(part: str) -> bool:
    """Whether every inline element opened in `part` closes in it: a line is cut off whole."""
    return len(TAG_OPEN_RE.findall(part)) == part.count("</")


def _after_a_quote(html: str, start: int) -> bool:
    """Whether the paragraph at `start` follows another of its blockquote that is no dash
    line: a blockquote holding only «— …» is a quote, not an attribution."""
    opened = html.rfind("<blockquote", 0, start)
    before = html.rfind("<p>", opened, start)
    return opened >= 0 and before >= 0 and not BY_RE.match(html, before + len("<p>"))
