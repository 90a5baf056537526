"""A web page's outline for the link check: the ids its links can point at and the URLs it links to.

`html.parser` reads a page in ~2.2 ms (a 20 KB page of ~400 tags: a Python call per tag, per
text run, per end tag), ~40 s for the 17,750 pages of a 10,000-bulletin site: most of a first
`publish check`. Our pages are well-formed HTML (templates, and Markdown whose HTML the
sanitiser wrote out again), so most pages are read by one regular expression that knows the few
constructs they are made of, in a quarter of the time. A page with anything else (a stray "<", a
tag or attribute spelled outside that grammar, a comment with "--" inside, CDATA, a processing
instruction) is read by `html.parser` as before, so the outline is always the one it gives.
"""

from __future__ import annotations

import re
import sys
from html import unescape
from html.entities import html5
from html.parser import HTMLParser

__all__ = ["LINK_ATTRIBUTES", "Outline", "outline", "parsed_outline"]

LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "form": ("action",),
}

Outline = tuple[frozenset[str], tuple[str, ...]]
"""A page's ids (anchor targets) and the URLs it links to, each once, in page order."""

_WS = r"[ \t\n\r\f]"
_NAME = r"""[^\s"'<>/=]+"""
_VALUE = r"""(?:"[^"<]*+"|'[^'<]*+'|[^\s"'<>=`]++)"""
_ATTRS = rf"(?>(?:{_WS}++{_NAME}(?>(?:{_WS}*+={_WS}*+{_VALUE})?))*){_WS}*+"
# Only ASCII spaces between the parts, names and values without any space (html.parser splits
# on Unicode spaces in some places and not in others), no "<" inside a value: within this
# grammar html.parser reads every tag the same way (tests/test_page_outline.py holds it to that).
# The text of script and style runs to the first "</", which must close it, and has no "<!"
# (newer html.parser versions read "<!--" in a script as browsers do); title and textarea hold
# no "<" (newer versions read them as text, older ones as markup). A self-closed <script/> is
# left to html.parser: whether text follows it depends on the version.
_TOKEN = re.compile(
    rf"""<(?:
        (?!(?i:script|style|title|textarea)[\s/>])
        (?P<tag>[a-zA-Z][-a-zA-Z0-9]*+)(?P<attrs>{_ATTRS})/?>
      | (?P<raw>(?i:script|style))(?P<rawattrs>{_ATTRS})>
        (?P<rawtext>(?>(?:[^<]|<(?![/!]))*))</(?i:(?P=raw)){_WS}*+>
      | (?P<rc>(?i:title|textarea))(?P<rcattrs>{_ATTRS})>[^<]*+</(?i:(?P=rc)){_WS}*+>
      | (?P<comment>!--(?!-?>)(?>(?:[^-]|-(?!-))*)-->)
      | !(?i:doctype)[^<>]*+>
    )""",
    re.VERBOSE,
)
_END_TAG = re.compile(rf"</[a-zA-Z][-a-zA-Z0-9]*+{_WS}*+>")
"""End tags, read by html.parser as what they look like outside script and style, and nothing
to take from them: counted all at once rather than found one by one (half of a page's tags)."""
_ATTRIBUTE = re.compile(rf"({_NAME})(?:{_WS}*={_WS}*({_VALUE}))?")
_REFERENCE = re.compile(r"&(?:#[0-9]+;|#[xX][0-9a-fA-F]+;|([a-zA-Z][a-zA-Z0-9]*;))")
"""A whole character reference; the group holds a named one's name."""


def outline(html: bytes) -> Outline:
    """The ids and the link URLs of one HTML page."""
    text = html.decode("utf-8", errors="replace")
    read = _quick(text)
    return read if read is not None else _parsed(text)


def parsed_outline(html: bytes) -> Outline:
    """The outline of `outline`, always read by `html.parser` (the reference)."""
    return _parsed(html.decode("utf-8", errors="replace"))


class _Reader(HTMLParser):
    """The ids (anchor targets) and link URLs of one HTML page, by html.parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record ids, `<a name>` and every URL-bearing attribute."""
        _note(tag, {k: v for k, v in attrs if v is not None}, self.ids, self.links)


def _parsed(text: str) -> Outline:
    """The outline of a page's text, by html.parser."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return _frozen(reader.ids, reader.links)


def _quick(text: str) -> Outline | None:
    """The outline of a page's text when it is made of the tags `_TOKEN` knows; None otherwise."""
    ids: set[str] = set()
    links: list[str] = []
    tokens = _TOKEN.findall(text)
    # Every "<" of the page must be accounted for (none skipped over by findall): the start of
    # a token, one inside a comment or a script, or the start of an end tag outside comments
    # (the closing tags of raw elements among them).
    seen = len(tokens) + len(_END_TAG.findall(text))
    for tag, attributes, raw, rawattributes, text_of_raw, rc, rcattributes, comment in tokens:
        if attributes:
            tag = tag.lower()
            if tag in LINK_ATTRIBUTES or "id" in attributes.lower():
                values = _values(attributes)
                if values is None:
                    return None
                _note(tag, values, ids, links)
        elif rawattributes or rcattributes:
            values = _values(rawattributes or rcattributes)
            if values is None:
                return None
            _note((raw or rc).lower(), values, ids, links)
        if text_of_raw:
            seen += text_of_raw.count("<")
        elif comment:
            seen += comment.count("<") - len(_END_TAG.findall(comment))
    if seen != text.count("<"):
        return None
    return _frozen(ids, links)


def _values(attributes: str) -> dict[str, str] | None:
    """A tag's attributes with a value, by lower-cased name (the last of a repeated one), as
    html.parser gives them: quotes taken off, character references resolved; None when a value
    holds an "&" that is not a whole reference (html.parser reads "&copy=1" or "&notit;" in a
    value one way up to Python 3.13, as HTML does since)."""
    values = {}
    for name, value in _ATTRIBUTE.findall(attributes):
        if value:
            if value[0] in "\"'":
                value = value[1:-1]
            if "&" in value:
                named = _REFERENCE.findall(value)
                if len(named) != value.count("&") or not all(n in html5 for n in named if n):
                    return None
                value = unescape(value)
            values[name.lower()] = value
    return values


def _note(tag: str, values: dict[str, str], ids: set[str], links: list[str]) -> None:
    """Add a start tag's id, `<a name>` and URL-bearing attributes to a page's outline."""
    if "id" in values:
        ids.add(values["id"])
    if tag == "a" and "name" in values:
        ids.add(values["name"])
    for attribute in LINK_ATTRIBUTES.get(tag, ()):
        value = values.get(attribute, "").strip()
        if not value:
            continue
        if attribute == "srcset":
            links.extend(c.split()[0] for c in value.split(",") if c.strip())
        else:
            links.append(value)


def _frozen(ids: set[str], links: list[str]) -> Outline:
    """The outline as kept: ids frozen, links each once in page order."""
    # Interned: the menu's and footer's links on every page are then one string each, in memory
    # and in the shelf's pickles (~40 % smaller: 1.7 MB for 1,000 bulletins' 2,065 pages).
    return frozenset(ids), tuple(dict.fromkeys(map(sys.intern, links)))
