"""The unit's own hotline, written in a page body, becomes a link that dials it on a phone.

Only the number site.toml gives as the unit's hotline is linked, however it is typed
(`0277 3610 113`, `0277.3610.113`, `(0277) 3610113`, `+84 277 3610 113`): a body also quotes
scammers' numbers and account numbers in warnings, and one tap must never call those. Phones
that link numbers on their own (Safari on iOS) are told not to, in the page's head.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["hotline_linker"]

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_UNLINKED = frozenset({"a", "code", "pre", "kbd"})
"""Inside these a number is already a link, or is shown as typed."""
_GAP = r"(?:[ .\-]|\)\s?)?"
"""What may separate two digits of a typed number: a space, a dot, a hyphen, an area code's `)`."""


def hotline_linker(hotline: str, href: str) -> Callable[[str], str]:
    """A function linking every way of typing `hotline` in body HTML to `href` (a tel: URI);
    the identity when the hotline has too few digits to be told from other numbers."""
    digits = "".join(c for c in hotline if c.isdigit())
    if len(digits) < 8 or not href:
        return _unchanged
    national = digits[1:] if digits.startswith("0") else digits
    pattern = re.compile(
        r"(?<![\w+(])\(?(?:0|\+84" + _GAP + r")" + _GAP.join(national) + r"(?![\w]|[.,]\d)"
    )
    tail = national[-3:]

    def linked(html: str) -> str:
        """`html` with the hotline outside links and code made a link."""
        if tail not in html or pattern.search(html) is None:
            return html
        parts = _TAG.split(html)
        depth = 0
        for i, part in enumerate(parts):
            if i % 2:
                m = _TAG_NAME.match(part)
                if m is not None and m[2].lower() in _UNLINKED:
                    depth = max(0, depth - 1) if m[1] else depth + 1
            elif depth == 0 and part:
                parts[i] = pattern.sub(lambda m: f'<a href="{href}">{m[0]}</a>', part)
        return "".join(parts)

    return linked


def _unchanged(html: str) -> str:
    """The body as it is."""
    return html
