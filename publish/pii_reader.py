"""The text of a Markdown field as a reader sees it, for the personal-data lint, line for line.

Editors bold part of a number or a name («CCCD 0871**2345**6789», «em **Lê Văn Tèo** (15
tuổi)»), wrap it in an inline tag («0871<b>2345</b>6789») or a link, or a paragraph's line
wraps inside a number: the page shows one number, one name, while the source holds marks
between their parts, and the lint's patterns missed them. Here the marks are dropped, a link
keeps its text and, after it in brackets, its target when that holds other digits (a «tel:»
or an address goes out in the page too), and a number that a soft line break splits is
joined, its line break moved to just after it. Every line stays where it was: a finding's line
is the source's.
"""

from __future__ import annotations

import re

from publish.links import href_attribute, inline_links
from publish.number_words import ACCOUNT_DIGITS

__all__ = ["reader_text"]

_MARKUP = ("*", "_", "~", "`", "<", "[", "\\", "\n")
"""Characters one of the steps below needs: a text without any is returned as it is."""
_ESCAPED = re.compile(r"\\([*_~`\[\]()<>\\])")
"""A backslash escape: the reader sees the character alone."""
_LINK = re.compile(r"\[(?P<text>[^\[\]\n]*)\]\(")
"""An inline link's or image's `[text](`, its target and title read as links.InlineEnds reads
them («[x](<ho so.md>)», «[x](ho so.md "Tiêu đề")»); an image's «!» stays: a regex starting
with `!?` is tried at every character, several times slower."""
_TAG = re.compile(
    r"</?(?:a|abbr|b|big|cite|code|del|em|font|i|ins|kbd|mark|q|s|small|span|strong|sub|sup|u)"
    r"(?![\w-])[^<>\n]*>",
    re.IGNORECASE,
)
"""An inline HTML tag: the page shows what it wraps, with nothing between."""
_ANCHOR = re.compile(
    r"<a(?![\w-])(?P<attributes>[^<>\n]*)>(?P<text>[^<\n]*(?:<(?!/?a(?![\w-]))[^<\n]*)*)</a>",
    re.IGNORECASE,
)
"""An HTML link on one line: its text, its target (links.href_attribute) in its attributes. Its
text never holds another «<a» (a browser closes a link where the next opens): each try ends
where the next begins, where «<a>» repeated was read from each to the line's end for a «</a>»
(20,000 on one line took 13 s)."""
_STAR_ITEM = re.compile(r"(?m)^(?P<indent>[^\S\n]{0,3})\*(?=[^\S\n])")
"""A list item's «*»: the page shows a bullet as for «-», which the lint reads as a list's
(«STK 0123…⏎* 0987… (Vietcombank)»), not nothing."""
_UNDERSCORE = re.compile(r"(?<![^\W_])_+|_+(?![^\W_])")
"""Emphasis by «_» at a word's edge: «ho_ten» is one word. «*», «~~» and «`» go anywhere."""
_WRAPPED = re.compile(r"\n[ \t]*(?P<rest>\d(?:[ .-]?\d)*)(?![.)][ \t])")
"""A line starting with a number, which may go on the line before (not an ordered list's «2.»
or «2)»): see `_joined`."""
_RUN_BEFORE = re.compile(r"\d(?:[ .-]?\d)*$")
"""The number ending a line, which a line starting with a number may go on."""
_LONGEST = max(ACCOUNT_DIGITS)
"""The digits of the longest number the lint looks for (an account's): two numbers on
following lines that together are longer are two, as a list's («0123456789⏎0987654321»)."""
_RUN_REACH = 4 * _LONGEST
"""How far back a line's last number is looked for: its digits and separators."""
_DIGITS = re.compile(r"\d")
_NUMBER = re.compile(r"\d(?:[ .-]?\d){5}")
"""Six digits with single separators: fewer is no number the lint looks for."""


def reader_text(markdown: str) -> str:
    """`markdown` as a reader sees it (marks dropped, links their text), with the same lines."""
    if not any(mark in markdown for mark in _MARKUP):
        return markdown
    text = _ESCAPED.sub(r"\1", markdown) if "\\" in markdown else markdown
    if "](" in text:
        text = _links_read(text)
    if "<" in text:
        text = _ANCHOR.sub(_anchor, text) if "<a" in text.lower() else text
        text = _TAG.sub("", text)
    if "*" in text:
        text = _STAR_ITEM.sub(r"\g<indent>-", text)
    for mark in ("*", "~~", "`"):
        if mark in text:
            text = text.replace(mark, "")
    text = _UNDERSCORE.sub("", text) if "_" in text else text
    text = _WRAPPED.sub(_joined, text)
    return text


def _links_read(text: str) -> str:
    """`text` with each inline link its text, and its target in brackets after it when that
    holds other digits; a line break in its target kept after it (the lines stay the source's)."""
    parts, done = [], 0
    for match, target, end in inline_links(text, _LINK):
        breaks = "\n" * text.count("\n", match.end(), end)
        parts += [text[done : match.start()], match["text"], _target(target, match["text"]), breaks]
        done = end
    return "".join(parts) + text[done:]


def _anchor(match: re.Match[str]) -> str:
    """An `<a href>` link's text, and its target in brackets after it as for `_link`."""
    href = href_attribute(match["attributes"])
    return match["text"] + ("" if href is None else _target(href, match["text"]))


def _target(target: str, text: str) -> str:
    """` (target)` when `target` holds digits that `text` does not hold in that order, else ""."""
    if _NUMBER.search(target) is None:
        return ""  # no number any pattern needs: most addresses stop here
    digits = "".join(_DIGITS.findall(target))
    if digits not in "".join(_DIGITS.findall(text)):
        return f" ({target})"
    return ""


def _joined(match: re.Match[str]) -> str:
    """A number wrapped after a digit (and one separator) on one line, as the page shows it,
    its line break after it; any other line as it is, and one whose number is too long with
    the one before for both to be one (`_LONGEST`)."""
    text, at = match.string, match.start()
    sep = text[at - 1 : at]
    if sep in (" ", ".", "-"):
        sep, at = "", at - 1  # the separator is already there
    elif sep:
        sep = " "
    if not text[at - 1 : at].isdecimal():
        return match[0]
    run = _RUN_BEFORE.search(text, max(0, at - _RUN_REACH), at)
    before = 0 if run is None else len(_DIGITS.findall(run[0]))
    if before + len(_DIGITS.findall(match["rest"])) > _LONGEST:
        return match[0]  # no one number: the next of a list, on its own line as written
    return sep + match["rest"] + "\n"
