"""Python-Markdown, tuned for speed without changing a byte of what it writes.

Both the website and the Zalo payloads convert every body; at 10,000 bulletins the stock
converter's bookkeeping (registries re-sorted on every access, every inline pattern offered every
text) costs seconds. tests/test_markdown_same_html.py compares the output with the stock one.
"""

from __future__ import annotations

from collections.abc import Callable

import markdown
from markdown import inlinepatterns
from markdown.inlinepatterns import InlineProcessor as InlinePattern
from markdown.treeprocessors import InlineProcessor
from markdown.util import AtomicString

__all__ = ["QuickInline", "tuned"]

Search = Callable[[str, int], object]

NEEDS = {
    inlinepatterns.BACKTICK_RE: "`",
    inlinepatterns.LINK_RE: "[",
    inlinepatterns.REFERENCE_RE: "[",
}
"""A character without which a stock pattern cannot match: the backtick pattern's lookbehinds
at every position, and the three link patterns' lookbehind, cost ~0.25 ms a body in searches
that find nothing; `in` answers the same at memchr speed."""


def tuned(md: markdown.Markdown) -> markdown.Markdown:
    """`md`, made faster in place; nothing may register processors or patterns afterwards."""
    # The inline pass indexes its pattern registry a few hundred times per document, the block
    # parser iterates its registry once per block, and a Registry re-sorts and copies or
    # type-checks each time: hand them the same items, in the same (priority) order, as tuples.
    if markdown.__version_info__[:2] == (3, 11):
        quick = QuickInline(md)
        quick.freeze()
        md.treeprocessors.register(quick, "inline", 20)
    else:
        inline = md.treeprocessors["inline"]
        inline.inlinePatterns = tuple(inline.inlinePatterns)
    md.parser.blockprocessors = tuple(md.parser.blockprocessors)
    # is_block_level asks "tag in block_level_elements" ~100 times a body: a set answers
    # the same for every string without walking a list of ~60 names.
    md.block_level_elements = frozenset(md.block_level_elements)
    return md


class QuickInline(InlineProcessor):
    """Python-Markdown's inline pass, skipping patterns whose regex finds nothing in the text.

    Each text is offered to every inline pattern in turn; most find nothing, and an offer costs
    a method call, an ancestor check and a finditer. A failed search is the same answer for less.
    This overrides a private method of markdown 3.11's InlineProcessor (other versions keep the
    stock one); tests/test_markdown_same_html.py compares the output with the stock pass.
    """

    def freeze(self) -> None:
        """Fix the pattern list (as a tuple) and each new-style pattern's regex search."""
        self.inlinePatterns = tuple(self.inlinePatterns)
        self.searches = tuple(
            _search(pattern) if isinstance(pattern, InlinePattern) else None
            for pattern in self.inlinePatterns
        )

    def _InlineProcessor__handleInline(self, data: str, index: int = 0) -> str:
        """The stock loop, with a failed regex search standing in for a failed offer."""
        if not isinstance(data, AtomicString):
            offer = self._InlineProcessor__applyPattern
            patterns = self.inlinePatterns
            searches = self.searches
            start = 0
            while index < len(patterns):
                search = searches[index]
                if search is not None and search(data, start) is None:
                    matched, start = False, 0  # what a failed offer returns
                else:
                    data, matched, start = offer(patterns[index], data, index, start)
                if not matched:
                    index += 1
        return data


def _search(pattern: InlinePattern) -> Search:
    """The pattern's regex search, first checking for a character it cannot match without."""
    regex = pattern.getCompiledRegExp()
    needed = NEEDS.get(regex.pattern)
    if needed is None:
        return regex.search
    search = regex.search

    def guarded(data: str, start: int) -> object:
        """None without the needed character, else the regex's answer."""
        return search(data, start) if needed in data else None

    return guarded
