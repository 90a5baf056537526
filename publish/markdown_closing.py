"""An editor's unclosed inline tag ends with the block it was written in, on every channel.

A browser, and the website's sanitiser (nh3, which parses as a browser does), reopen an unclosed
`<em>`, `<b>`, `<a>`… after the element it was typed in ends: «<div>Chú ý <em>quan trọng</div>»
makes every later paragraph of the bulletin italic (a link: every later paragraph a link), and
Zalo's reader of the same HTML kept a link open, never showing its address. Python-Markdown
copies the editor's HTML as typed, so `inline_closed` writes the missing end tags where the
element holding the tag ends (`</div>`, `</p>`, `</li>`, `</h2>`…, or a `<p>`, `<li>`, `<dt>` or
`<dd>` that ends it implicitly), before the sanitiser reads the page.

Only end tags of inline elements are written: where the model of the page here differs from a
browser's (odd quoting, misnested blocks), an end tag of an element that is not open is ignored
by the parser, so the page is at worst as it was. Nothing is taken out, and what is a tag is
not decided here (publish.markdown_angles decided it before Python-Markdown wrote the HTML), so
the secret gate, the search index and the radio read the body as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import markdown
from markdown.postprocessors import Postprocessor

from publish.markdown_angles import VOID_ELEMENTS

__all__ = ["COMMENT", "INLINE_ELEMENTS", "MAX_OPEN", "ClosedInline", "inline_closed", "markup"]

INLINE_ELEMENTS = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "blink", "cite", "code", "data", "del",
    "dfn", "em", "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small",
    "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
})  # fmt: skip
"""Elements of running text: the ones a browser reopens after the block that held them (`a`,
`b`, `em`, `i`, `u`…) and the others of the kind, closed with them for the same reading."""
_VOID = VOID_ELEMENTS | {"basefont", "bgsound", "frame", "image"}
"""Start tags that open no element: HTML's void elements and the old ones a parser treats alike
(`<image>` is read as `<img>`)."""
_RAW_TEXT = frozenset({
    "iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea",
    "title", "xmp",
})  # fmt: skip
"""Elements whose content a browser reads as text up to their end tag (no tag inside)."""
_CLOSES_P = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "listing", "main", "menu", "nav", "ol", "p", "pre", "search",
    "section", "summary", "ul", "xmp",
})  # fmt: skip
"""Start tags that end an open paragraph (HTML's parsing rules)."""
_ENDS_ITSELF = {"p": _CLOSES_P, "li": frozenset({"li"}), "dt": frozenset({"dt", "dd"})}
_ENDS_ITSELF["dd"] = _ENDS_ITSELF["dt"]
"""An element the start tag of another ends implicitly (`<p>a<p>b`, `<li>a<li>b`)."""
_ENDERS = frozenset().union(*_ENDS_ITSELF.values())
_FOREIGN = frozenset({"math", "svg"})
"""Elements whose content a browser reads as XML-like markup, with no raw-text element."""

MAX_OPEN = 256
"""Elements open at once beyond which the page is left as it is: each tag costs a look at the
open ones, which must not make a crafted page of thousands of unclosed tags cost minutes."""
_SPACE = " \t\n\f\r"
_COMMENT_END = re.compile(r"-->|--!>")
_SHORT_COMMENT = re.compile(r"<!---?>")
COMMENT = "!--"
"""The name `markup` gives a comment."""
_RAW_END: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"</{name}[{_SPACE}/>]", re.IGNORECASE) for name in _RAW_TEXT
}


def inline_closed(html: str) -> str:
    """`html` with an end tag written for each inline element (INLINE_ELEMENTS) left open in an
    element that ends, right before that end (or before the start tag that ends it)."""
    if "<" not in html:
        return html
    pieces: list[str] = []
    done = 0
    open_names: list[str] = []
    for start, name in _tags(html, open_names):
        if len(open_names) > MAX_OPEN:
            break  # no bulletin nests so deep: a crafted page is left to the sanitiser
        if name.startswith("/"):
            closing = _ended(open_names, name[1:])
        else:
            closing = _ended_by(open_names, name)
            if name not in _VOID:
                open_names.append(name)
        if closing:
            pieces += [html[done:start], "".join(f"</{tag}>" for tag in closing)]
            done = start
    return "".join(pieces) + html[done:] if pieces else html


def _tags(html: str, open_names: list[str]) -> Iterator[tuple[int, str]]:
    """Each start or end tag of `html` as a browser's tokenizer reads it (`markup`): where it
    starts, its name in small letters (an end tag's after a `/`)."""
    for start, _end, name in markup(html, 0, open_names):
        if name != COMMENT:
            yield start, name


def markup(
    html: str, at: int = 0, open_names: list[str] | None = None
) -> Iterator[tuple[int, int, str]]:
    """Each start or end tag and each comment of `html` from `at` as a browser's tokenizer
        reads them: where it starts, where it ends, its name in small letters (an end tag's after
        a `/`; COMMENT for a comment). A comment never closed hides the rest of the page: its end is
    -1, the last thing yielded. The
        text of `<script>`, `<textarea>`… holds none; a tag the page ends in is no tag, nor is what
        follows. `open_names`: the elements the caller holds open once it has read each tag
        yielded (in `<svg>` a `<style>` holds tags), or None when it keeps none."""
    at = html.find("<", at)
    while at >= 0:
        after = html[at + 1 : at + 2]
        ending = after == "/"
        name_at = at + 1 + ending
        first = html[name_at : name_at + 1]
        if first.isascii() and first.isalpha():
            name_end = name_at
            while name_end < len(html) and html[name_end] not in _SPACE + "/>":
                name_end += 1
            end = _tag_end(html, name_end)
            if end < 0:
                return
            name = html[name_at:name_end].lower()
            yield at, end, "/" + name if ending else name
            # In SVG or MathML, `<title>`, `<style>`… are elements like any other.
            if name in _RAW_TEXT and not ending and _FOREIGN.isdisjoint(open_names or ()):
                raw_end = _RAW_END[name].search(html, end)
                if raw_end is None or name == "plaintext":
                    return
                end = raw_end.start()
        elif html.startswith("<!--", at):
            # `<!-->` and `<!--->` are whole comments; any other ends at `-->` or `--!>`.
            short = _SHORT_COMMENT.match(html, at)
            closed = short or _COMMENT_END.search(html, at + 4)
            yield at, closed.end() if closed else -1, COMMENT
            if closed is None:
                return
            end = closed.end()
        elif after in ("!", "?") or ending:
            # A declaration, a processing instruction, `</ em>`: a comment to a browser.
            closed_at = html.find(">", at)
            if closed_at < 0:
                return
            end = closed_at + 1
        else:
            end = at + 1  # `<` in text
        at = html.find("<", end)


def _tag_end(html: str, at: int) -> int:
    """Where the tag whose name ends at `at` ends (after its `>`), reading its attributes as a
    browser does (only a value after `=` may be quoted, and `>` inside the quotes is text); -1
    when the page ends first."""
    size = len(html)
    while at < size:
        char = html[at]
        if char == ">":
            return at + 1
        if char in _SPACE or char == "/":
            at += 1
            continue
        at += 1  # an attribute's name, whose first character may be `=`
        while at < size and html[at] not in _SPACE + "/>=":
            at += 1
        value = at
        while value < size and html[value] in _SPACE:
            value += 1
        if value >= size or html[value] != "=":
            at = value
            continue
        value += 1
        while value < size and html[value] in _SPACE:
            value += 1
        if value < size and html[value] in "\"'":
            closed_at = html.find(html[value], value + 1)
            if closed_at < 0:
                return -1
            at = closed_at + 1
        else:
            while value < size and html[value] not in _SPACE + ">":
                value += 1
            at = value
    return -1


def _ended(open_names: list[str], name: str) -> list[str]:
    """The inline elements to close because the end tag of `name` ends a block they were left
    open in; `name` (and, for a block, what it held) taken off `open_names`. An inline element's
    end tag takes off that element alone: a browser reopens any it cut through."""
    if name not in open_names:
        return []  # a stray end tag: the parser ignores it
    where = len(open_names) - 1 - open_names[::-1].index(name)
    if name in INLINE_ELEMENTS:
        del open_names[where]
        return []
    inside = open_names[where + 1 :]
    del open_names[where:]
    return [tag for tag in reversed(inside) if tag in INLINE_ELEMENTS]


def _ended_by(open_names: list[str], name: str) -> list[str]:
    """The inline elements to close because the start tag `name` ends the innermost open block
    (`<p>` in a paragraph: see _ENDS_ITSELF), which is then taken off `open_names`."""
    if name not in _ENDERS:
        return []
    block = len(open_names) - 1
    while block >= 0 and open_names[block] in INLINE_ELEMENTS:
        block -= 1
    if block < 0 or name not in _ENDS_ITSELF.get(open_names[block], ()):
        return []
    inside = open_names[block + 1 :]
    del open_names[block:]
    return [tag for tag in reversed(inside) if tag in INLINE_ELEMENTS]


class _Closing(Postprocessor):
    """Closes unclosed inline tags of the editor's HTML once it is back in the page."""

    def run(self, text: str) -> str:
        """The page with `inline_closed`, when it holds any of the editor's HTML."""
        # HTML Python-Markdown wrote itself is balanced; so is a stashed entity (`&nbsp;`).
        if not any(isinstance(b, str) and "<" in b for b in self.md.htmlStash.rawHtmlBlocks):
            return text
        return inline_closed(text)


class ClosedInline(markdown.Extension):
    """Unclosed inline tags end with their block (the website's and Zalo's converters)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Run right after "raw_html" (30) has put the editor's HTML back."""
        md.postprocessors.register(_Closing(md), "publish_closed_inline", 29)
