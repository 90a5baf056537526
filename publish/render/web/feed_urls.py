"""Absolute URLs in a feed entry's HTML: many feed readers ignore Atom's xml:base (RSS has none),
so a site path such as `/anh/x-480.jpg` or a `#chu-thich` link would be resolved against the
reader's own address and show a broken photo or lead nowhere."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

__all__ = ["absolute_urls"]

# The body is nh3's output (and our own figure and region wrappers): every attribute value is
# double-quoted with `"` escaped, and `<` in text is always escaped, so a tag is found by
# walking its attributes (a `>` can stand inside alt="…").
URL_TAG_RE = re.compile(r'<(?:a|img)(?:\s+[^\s"=<>/]+(?:="[^"]*")?)*\s*/?>')
URL_ATTRIBUTE_RE = re.compile(r'(?P<name>\s(?:href|src|srcset))="(?P<value>[^"]*)"')


def absolute_urls(fragment: str, base: str) -> str:
    """`fragment` with every href, src and srcset URL joined to `base` (the entry's page),
    as a reader honouring xml:base would resolve them; other bytes are left as they are."""

    def attribute(match: re.Match[str]) -> str:
        """One URL attribute with its value made absolute."""
        value = html.unescape(match["value"])
        if match["name"].endswith("srcset"):
            joined = ", ".join(_candidate(part, base) for part in value.split(","))
        else:
            joined = urljoin(base, value.strip())
        if joined == value:
            return match[0]
        return f'{match["name"]}="{html.escape(joined, quote=True)}"'

    return URL_TAG_RE.sub(lambda tag: URL_ATTRIBUTE_RE.sub(attribute, tag[0]), fragment)


def _candidate(part: str, base: str) -> str:
    """One `url 480w` candidate of a srcset with its URL joined to `base`."""
    url, _, descriptor = part.strip().partition(" ")
    return f"{urljoin(base, url)} {descriptor.strip()}".rstrip()
