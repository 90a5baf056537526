"""The unit's own numbers, written in a page body, become links that dial them on a phone.

Only the numbers site.toml gives are linked: the hotline however it is typed (`0277 3610 113`,
`0277.3610.113`, `(0277) 3610113`, `+84 277 3610 113`), the emergency number (`113`) only right
after «gọi», bold or not (`xử lý 113 vụ`, `gọi 113 cuộc` are counts, `kêu gọi` an appeal). A body
also quotes scammers' numbers and account numbers in warnings, and one tap must never call
those. Phones that link numbers on their own (Safari on iOS) are told not to, in the page's head.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

__all__ = ["emergency_linker", "hotline_linker", "linking"]

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_UNLINKED = frozenset({"a", "code", "pre", "kbd"})
"""Inside these a number is already a link, or is shown as typed."""
_EMPHASIS = frozenset({"strong", "b", "em", "i", "u", "mark", "span"})
"""Tags inside a sentence: «gọi» and the number around them are still one sentence."""
_GAP = r"(?:[ .\-]|\)\s?)?"
"""What may separate two digits of a typed number: a space, a dot, a hyphen, an area code's `)`."""
_COUNTED = r"\s*+(?i:người|vụ|cuộc|lượt|lần|trường hợp|đối tượng|hộ|thanh niên|học sinh)(?!\w)"
"""After a number, what it counts (`gọi 113 cuộc`, `kêu gọi 113 người`): no number to dial."""


def hotline_linker(hotline: str, href: str) -> Callable[[str], str]:
    """A function linking every way of typing `hotline` in body HTML to `href` (a tel: URI);
    the identity when the hotline has too few digits to be told from other numbers."""
    digits = "".join(c for c in hotline if c.isdigit())
    if len(digits) < 8 or not href:
        return _unchanged
    if digits.startswith("0") or hotline.lstrip("( ").startswith("+84"):
        national, lead = digits[1 if digits.startswith("0") else 2 :], r"\(?(?:0|\+84" + _GAP + ")"
    else:
        national, lead = digits, ""  # `1900 1234`: a line with no area code, no +84 form
    typed = _GAP.join(national)
    pattern = re.compile(r"()(?<![\w+(])(" + lead + typed + r")(?![\w]|[.,]\d)")
    return linking(pattern, re.compile(typed), href)


def emergency_linker(number: str, href: str) -> Callable[[str], str]:
    """A function linking the emergency `number` (`113`) where a body says to call it."""
    if not number.isdigit() or not href:
        return _unchanged
    # Possessive: a long run of spaces after «gọi» is scanned once, not once per way to split it.
    pattern = re.compile(
        r"((?<!\w)(?<!(?i:kêu)\s)(?i:gọi)"
        r"(?:\s++(?i:ngay|cho|đến|tới|số|điện thoại|đường dây nóng|tổng đài))*+"
        r"(?:\s*+:\s*+|\s++))(" + number + r")(?![\w]|[.,]\d|" + _COUNTED + ")"
    )
    return linking(pattern, re.compile(number), href)


def linking(pattern: re.Pattern[str], quick: re.Pattern[str], href: str) -> Callable[[str], str]:
    """A function making `pattern`'s group 2 a link to `href` in body HTML, outside links and
    code (group 1 is what stays before it); `quick` finds a part of every group 2 and is cheap
    to search for (it starts with a digit): a body, or a run of its text, without it is skipped.
    """

    def linked(html: str) -> str:
        """`html` with each match outside links and code made a link."""
        if quick.search(html) is None:
            return html
        parts = _TAG.split(html)
        runs, linkable = _runs(parts)
        # Matched on runs of text joined across emphasis (`gọi ngay <strong>113</strong>`): an
        # editor bolds the number to call, and its «gọi» is then in another piece of text.
        for run in runs:
            starts, text = [], ""
            for i in run:
                starts.append(len(text))
                text += parts[i]
            if quick.search(text) is None:  # most paragraphs: `pattern` would try every place
                continue
            cuts: dict[int, list[tuple[int, int]]] = {}
            for m in pattern.finditer(text):
                k = bisect.bisect_right(starts, m.start(2)) - 1
                i, start = run[k], m.start(2) - starts[k]
                if i in linkable and start + len(m[2]) <= len(parts[i]):
                    cuts.setdefault(i, []).append((start, start + len(m[2])))
            for i, spans in cuts.items():
                for start, end in reversed(spans):
                    number = parts[i][start:end]
                    parts[i] = f'{parts[i][:start]}<a href="{href}">{number}</a>{parts[i][end:]}'
        return "".join(parts)

    return linked


def _runs(parts: list[str]) -> tuple[list[list[int]], set[int]]:
    """The text pieces of `parts` (tags at odd indexes) grouped into runs read as one (only
    emphasis tags between), and the indexes of those outside links and code."""
    runs: list[list[int]] = [[]]
    linkable, depth = set(), 0
    for i, part in enumerate(parts):
        if i % 2 == 0:
            runs[-1].append(i)
            if depth == 0 and part:
                linkable.add(i)
            continue
        m = _TAG_NAME.match(part)
        closing, name = (m[1], m[2].lower()) if m is not None else ("", "")
        if name in _UNLINKED:
            depth = max(0, depth - 1) if closing else depth + 1
        if name not in _EMPHASIS:
            runs.append([])
    return [run for run in runs if run], linkable


def _unchanged(html: str) -> str:
    """The body as it is."""
    return html
