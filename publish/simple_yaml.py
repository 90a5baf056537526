"""A reader for the front matter nearly every bulletin has, written as `publish new` writes it:
one `key: value` a line, each value a double-quoted text, a slug or path (lower case, no
space), a date and time without seconds, a date, a whole number, true or false, or a list of
double-quoted texts or of slugs; and blocks of such lines indented by two spaces under a `key:`
alone on its line (a bulletin's `radio:`).

It gives exactly what PyYAML's safe loader gives for such a front matter (tests compare the two
on random texts) and None for anything else, which PyYAML then reads: building YAML's nodes in
Python was ~14 % of loading a bulletin.
"""

from __future__ import annotations

import datetime as dt
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
    r"(?P<indent>  )?(?P<key>[a-z][a-z_]*):(?: (?:"
    + _QUOTED.replace("(", "(?P<text>", 1)
    + r"|(?P<slug>[a-z][a-z0-9._/-]*)"
    + r"|(?P<when>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2})"
    + r"|(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})"
    + r"|(?P<number>0|[1-9][0-9]{0,17})"
    + r"|\[(?P<items>(?:"
    + _QUOTED.replace("(", "(?:", 1)
    + r"(?:, "
    + _QUOTED.replace("(", "(?:", 1)
    + r")*)?)\]"
    + r"|\[(?P<slugs>[a-z][a-z0-9._/-]*(?:, [a-z][a-z0-9._/-]*)*)\]"
    + r"))?"
)
"""One line: a key (indented, in a block), then its value or nothing (a block's key)."""
_ITEM = re.compile(_QUOTED)
_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n"})
"""Plain words YAML reads as true, false or nothing (and y, n, which YAML 1.1 lists too)."""
_TRUTHS = {"true": True, "false": False}
"""Those of _WORDS this reader reads (the others are left to PyYAML)."""


def read(yaml_text: str) -> dict[str, object] | None:
    """The front matter `yaml_text` as PyYAML's safe loader reads it, or None when it is not
    written in the simple form this reader takes (then PyYAML must read it)."""
    if _UNREAD.search(yaml_text) is not None or beyond_bmp(yaml_text):
        return None
    data: dict[str, object] = {}
    block: dict[str, object] | None = None  # the block being read, under a key alone
    for line in yaml_text.split("\n"):
        found = _LINE.fullmatch(line)
        if found is None:
            return None
        key = found["key"]
        if found["indent"] is None:
            if block is not None and not block:
                return None  # a key alone with nothing under it is YAML's null
            target = data
        elif block is None:
            return None  # indented under a key that has a value
        else:
            target = block
        if key in target or key in _WORDS:
            return None  # a key twice is an error of the loader; `on:` is a key of true
        if found.end("key") + 1 == len(line):  # `key:` alone opens a block
            if target is not data:
                return None  # blocks in blocks are PyYAML's
            block = target[key] = {}
            continue
        if target is data:
            block = None
        value = _value(found)
        if value is None:
            return None
        target[key] = value
    if block is not None and not block:
        return None
    return data


def _value(found: re.Match[str]) -> object | None:
    """The value of a line _LINE matched, as PyYAML reads it (None: leave the text to it)."""
    if (text := found["text"]) is not None:
        return text.replace('\\"', '"')
    if (slug := found["slug"]) is not None:
        if slug in _WORDS:
            return _TRUTHS.get(slug)  # `draft: true` as `publish new` writes it
        return slug
    if (when := found["when"]) is not None:
        return when  # no seconds: not a YAML timestamp, a text
    if (day := found["day"]) is not None:
        try:
            return dt.date.fromisoformat(day)
        except ValueError:
            return day  # an impossible date stays a text (publish.frontmatter.Loader)
    if (number := found["number"]) is not None:
        return int(number)
    if (slugs := found["slugs"]) is not None:
        items = slugs.split(", ")
        return None if _WORDS.intersection(items) else items
    return [item.replace('\\"', '"') for item in _ITEM.findall(found["items"])]
