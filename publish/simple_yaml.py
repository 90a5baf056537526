"""A reader for the front matter nearly every bulletin has, written as `publish new` writes it:
one `key: value` a line, each value a double-quoted text, a slug or path (lower case, no
space), a date and time without seconds, or a list of double-quoted texts.

It gives exactly what PyYAML's safe loader gives for such a front matter (tests compare the two
on random texts) and None for anything else, which PyYAML then reads: building YAML's nodes in
Python was ~14 % of loading a bulletin.
"""

from __future__ import annotations

import re

from publish.text import beyond_bmp

__all__ = ["read"]

_QUOTED = r'"((?:[^"\\]|\\")*)"'
"""A double-quoted text, its only escape \\" (a quote); what it may hold, see _UNREAD."""
_UNREAD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
"""Characters this reader leaves to PyYAML, with those past U+FFFF: controls and Tabs, line
breaks YAML folds (U+0085, U+2028, U+2029), the byte order mark, what YAML cannot print. A
class of the printable ones instead took ~20 ms to compile, at every start of the tool."""
_LINE = re.compile(
    r"(?P<key>[a-z][a-z_]*): (?:"
    + _QUOTED
    + r"|(?P<slug>[a-z][a-z0-9._/-]*)"
    + r"|(?P<when>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2})"
    + r"|\[(?P<items>(?:"
    + _QUOTED.replace("(", "(?:", 1)
    + r"(?:, "
    + _QUOTED.replace("(", "(?:", 1)
    + r")*)?)\])"
)
_ITEM = re.compile(_QUOTED)
_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n"})
"""Plain words YAML reads as true, false or nothing (and y, n, which YAML 1.1 lists too)."""


def read(yaml_text: str) -> dict[str, object] | None:
    """The front matter `yaml_text` as PyYAML's safe loader reads it, or None when it is not
    written in the simple form this reader takes (then PyYAML must read it)."""
    if _UNREAD.search(yaml_text) is not None or beyond_bmp(yaml_text):
        return None
    data: dict[str, object] = {}
    for line in yaml_text.split("\n"):
        found = _LINE.fullmatch(line)
        if found is None:
            return None
        key = found["key"]
        if key in data or key in _WORDS:
            return None  # a key twice is an error of the loader; `on:` is a key of true
        if (text := found[2]) is not None:
            data[key] = text.replace('\\"', '"')
        elif (slug := found["slug"]) is not None:
            if slug in _WORDS:
                return None
            data[key] = slug
        elif (when := found["when"]) is not None:
            data[key] = when  # no seconds: not a YAML timestamp, a text
        else:
            data[key] = [item.replace('\\"', '"') for item in _ITEM.findall(found["items"])]
    return data
