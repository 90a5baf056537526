"""Python-Markdown, tuned for speed without changing a byte of what it writes.

Both the website and the Zalo payloads convert every body; at 10,000 bulletins the stock
converter's bookkeeping (registries re-sorted on every access, every inline pattern offered every
text) costs seconds. tests/test_markdown_same_html.py compares the output with the stock one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from functools import partial

import markdown
from markdown import blockprocessors, inlinepatterns, preprocessors
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import md_in_html
from markdown.extensions.abbr import AbbrBlockprocessor
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.extensions.def_list import DefListProcessor
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.footnotes import FootnoteBlockProcessor
from markdown.extensions.md_in_html import MarkdownInHtmlProcessor
from markdown.extensions.tables import TableProcessor
from markdown.inlinepatterns import DelimiterProcessor, LinkInlineProcessor
from markdown.inlinepatterns import InlineProcessor as InlinePattern
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor, UnescapeTreeprocessor
from markdown.util import ETX, INLINE_PLACEHOLDER_PREFIX, STX, AtomicString

__all__ = ["CHECKED_VERSION", "QuickInline", "bracket_ends", "tuned"]

CHECKED_VERSION = (3, 11, 4)
"""The markdown release whose private methods the shortcuts here and in publish.markdown_plain
stand in for, checked byte for byte by the tests: under another release that still has the
classes imported here the stock code runs, but pyproject.toml allows none
(tests/test_markdown_tuning.py keeps the two in step). A patch release counts: 3.11.4 rewrote
the emphasis handler's bookkeeping (a cache of built elements, the positions its own search
records, the rest of a closing run), which shortcuts written for 3.11.3 knew nothing of and
doubled text beside."""

Search = Callable[[str, int], object]
BlockTest = Callable[[ET.Element, str], bool]
Lines = Callable[[list[str]], list[str]]
TreeRun = Callable[[ET.Element], None]
DelimiterMatch = Callable[[re.Match[str], str], tuple[ET.Element | None, int | None, int | None]]

NEEDS = {
    inlinepatterns.BACKTICK_RE: ("`",),
    inlinepatterns.ESCAPE_RE: ("\\",),
    r"\[\^([^\]]*)\]": ("[^",),  # footnote reference
    inlinepatterns.REFERENCE_RE: ("[",),
    inlinepatterns.LINK_RE: ("[",),
    inlinepatterns.IMAGE_LINK_RE: ("![",),
    inlinepatterns.IMAGE_REFERENCE_RE: ("![",),
    inlinepatterns.AUTOLINK_RE: ("<",),
    inlinepatterns.AUTOMAIL_RE: ("<",),
    inlinepatterns.LINE_BREAK_RE: ("  \n",),
    inlinepatterns.HTML_RE: ("<",),
    inlinepatterns.ENTITY_RE: ("&",),
    r"\*|_": ("*", "_"),  # emphasis and strong delimiters
}
"""For each stock inline regex, strings of which any match must contain one. `in` answers at
memchr speed what a failed search answers after trying every position (the backtick and link
patterns' lookbehinds alone cost ~0.25 ms a body); a text holding none of them all is offered
to no pattern at all."""

REMEMBERED_TAGS = 1000
"""Tags whose block-level answer is remembered, at most."""

BLOCK_NEEDS: dict[type[BlockProcessor], tuple[str, ...]] = {
    blockprocessors.BlockQuoteProcessor: (">",),
    blockprocessors.HRProcessor: ("-", "_", "*"),
    blockprocessors.SetextHeaderProcessor: ("\n=", "\n-"),
    blockprocessors.ReferenceProcessor: ("]:",),
    TableProcessor: ("|",),
    DefListProcessor: (":",),
    FootnoteBlockProcessor: ("[^",),
    AbbrBlockprocessor: ("*[",),
    MarkdownInHtmlProcessor: (STX,),
}
"""For each stock block processor of markdown 3.11.4, strings of which a block it claims must
hold one. The parser asks every processor in turn about every block; most answer "no" after
a regex search over the whole block (or, for those whose test always says yes, after their
run() searched it and put it back), which `in` answers for less. (The hash header processor
looks for a line opening with `#` itself since 3.11.4.)"""

PREPROCESSOR_NEEDS: dict[type[Preprocessor], tuple[str, ...]] = {
    FencedBlockPreprocessor: ("```", "~~~"),
    preprocessors.HtmlBlockPreprocessor: ("<", "&"),
    md_in_html.HtmlBlockPreprocessor: ("<", "&"),
}
"""For each stock preprocessor of markdown 3.11 that leaves a text alone unless it holds one of
these strings, the strings (a fence; a tag, comment or entity). Such a text comes back
joined and split on newlines, unchanged: ~0.2 ms a body each for the fence regex and the HTML
parser, and bulletins rarely hold either."""


def tuned(md: markdown.Markdown) -> markdown.Markdown:
    """`md`, made faster in place; nothing may register processors or patterns afterwards."""
    # The inline pass indexes its pattern registry a few hundred times per document, the block
    # parser iterates its registry once per block, and a Registry re-sorts and copies or
    # type-checks each time: hand them the same items, in the same (priority) order, as tuples.
    if markdown.__version_info__[:3] == CHECKED_VERSION:
        quick = QuickInline(md)
        quick.freeze()
        for pattern in quick.inlinePatterns:
            if isinstance(pattern, DelimiterProcessor):
                pattern.search = _delimiter_search(pattern)  # type: ignore[method-assign,assignment]
                pattern.handleMatch = _lone_pairs(pattern)  # type: ignore[method-assign,assignment]
            elif isinstance(pattern, LinkInlineProcessor):
                pattern._findBracketEnds = bracket_ends  # type: ignore[attr-defined]  # 3.11.4, not in the stubs
        md.treeprocessors.register(quick, "inline", 20)
        for processor in md.parser.blockprocessors:
            needs = BLOCK_NEEDS.get(type(processor))
            if needs is not None:
                processor.test = _guarded_test(processor.test, needs)  # type: ignore[method-assign,assignment]
        for preprocessor in md.preprocessors:
            needs = PREPROCESSOR_NEEDS.get(type(preprocessor))
            if needs is not None:
                preprocessor.run = _guarded_run(preprocessor.run, needs)  # type: ignore[method-assign,assignment]
            elif type(preprocessor) is preprocessors.NormalizeWhitespace:
                preprocessor.run = partial(_normalized, md.tab_length)  # type: ignore[method-assign]
        for treeprocessor in md.treeprocessors:
            if type(treeprocessor) is AttrListTreeprocessor:
                treeprocessor.run = _run_if_any_text_holds(treeprocessor.run, "{")  # type: ignore[method-assign,assignment]
            elif type(treeprocessor) is UnescapeTreeprocessor:
                treeprocessor.run = partial(_unescaped, treeprocessor.unescape)  # type: ignore[method-assign]
    else:
        inline = md.treeprocessors["inline"]
        inline.inlinePatterns = tuple(inline.inlinePatterns)  # type: ignore[attr-defined]
    md.parser.blockprocessors = tuple(md.parser.blockprocessors)  # type: ignore[assignment]
    # is_block_level asks "tag in block_level_elements" ~100 times a body: a set answers
    # the same for every string without walking a list of ~60 names.
    md.block_level_elements = frozenset(md.block_level_elements)  # type: ignore[assignment]
    md.is_block_level = _remembered(md.is_block_level)  # type: ignore[method-assign,assignment]
    return md


def _remembered(is_block_level: Callable[[object], bool]) -> Callable[[object], bool]:
    """`is_block_level`, its answer remembered per tag (asked ~110 times a body, for a dozen
    tags; lowercasing and stripping each time cost ~0.05 ms a body)."""
    answers: dict[object, bool] = {}

    def remembered(tag: object) -> bool:
        """The answer for `tag`, computed once."""
        found = answers.get(tag)
        if found is None:
            found = is_block_level(tag)
            if len(answers) < REMEMBERED_TAGS:  # raw HTML may name any number of tags
                answers[tag] = found
        return found

    return remembered


class QuickInline(InlineProcessor):
    """Python-Markdown's inline pass, skipping patterns whose regex finds nothing in the text.

    Each text is offered to every inline pattern in turn; most find nothing, and an offer costs
    a method call, an ancestor check and a finditer. A failed search is the same answer for less.
    This overrides a private method of markdown 3.11's InlineProcessor (other versions keep the
    stock one); tests/test_markdown_same_html.py compares the output with the stock pass.
    """

    def freeze(self) -> None:
        """Fix the pattern list (as a tuple), each pattern's search and the text prefilter."""
        self.inlinePatterns = tuple(self.inlinePatterns)  # type: ignore[assignment]
        self.searches = tuple(
            _search(pattern) if isinstance(pattern, InlinePattern) else None
            for pattern in self.inlinePatterns
        )
        # Shortcuts only when every pattern's needs are known (None: the stock steps).
        every = [_needs(pattern) for pattern in self.inlinePatterns]
        known = all(needs is not None for needs in every)
        self.wanted = tuple(frozenset(needs or ()) for needs in every) if known else None
        self.strings = tuple(sorted(set().union(*self.wanted))) if self.wanted else ()
        self.orders: dict[frozenset[str], tuple[int, ...]] = {}
        # A text no pattern may match: every offer would fail.
        self.prefilter = _any_of(self.strings) if known else None
        # A text the pass may change: one some pattern may match, or one holding an inline
        # placeholder (the pass puts its stashed node in).
        self.touched = _any_of([INLINE_PLACEHOLDER_PREFIX, *self.strings]) if known else None

    def run(self, tree: ET.Element, ancestors: list[str] | None = None) -> ET.Element:
        """The stock pass (markdown 3.11.4's InlineProcessor.run), leaving alone each text and
        tail that no pattern can change and that holds no placeholder: the stock steps for it
        (offer it to the patterns, look for placeholders, put it back, for a tail through a
        scratch element and a search for its element among its siblings) end where they began."""
        touched = self.touched
        if touched is None:
            return super().run(tree, ancestors)
        self.stashed_nodes: dict[str, ET.Element | str] = {}
        tree_parents = [] if ancestors is None else ancestors[:]
        self.parent_map = {c: p for p in tree.iter() for c in p}
        stack = [(tree, tree_parents)]
        self._InlineProcessor__build_ancestors(tree, tree_parents)  # type: ignore[attr-defined]
        offered = self._offered
        placed = self._InlineProcessor__processPlaceholders  # type: ignore[attr-defined]
        parent_map = self.parent_map
        done = 0
        while done < len(stack):  # the stock loop pops the list's head: same order
            current, parents = stack[done]
            done += 1
            self.ancestors = parents
            if current is not tree:
                parents.append(current.tag.lower())
            queued = []
            for child in current:  # children a tail adds after `child` come up too, as in stock
                text = child.text
                if text and not isinstance(text, AtomicString) and touched(text) is not None:
                    parents.append(child.tag.lower())
                    child.text = None
                    found = placed(offered(text), child)
                    for item in found:
                        parent_map[item[0]] = child
                    stack += found
                    queued.append((child, found))
                    parents.pop()
                tail = child.tail
                if tail and touched(tail) is not None:
                    scratch = ET.Element("d")
                    child.tail = None
                    found = placed(offered(tail), scratch, False)
                    if scratch.tail:
                        child.tail = scratch.tail
                    position = list(current).index(child) + 1
                    found.reverse()
                    for item in found:
                        parent_map[item[0]] = current
                        current.insert(position, item[0])
                if len(child):
                    parent_map[child] = current
                    stack.append((child, parents[:]))
            for element, found in queued:
                for index, item in enumerate(found):
                    element.insert(index, item[0])
        # As the stock pass does: the document's elements are not kept until the next one.
        self.parent_map = {}
        self.stashed_nodes = {}
        return tree

    def _offered(self, data: str) -> str:
        """`data` offered to every pattern (the prefilter already found something)."""
        if isinstance(data, AtomicString):
            return data
        return self._offer_all(data, 0)

    def _InlineProcessor__handleInline(self, data: str, index: int = 0) -> str:
        """The stock loop, with a failed regex search standing in for a failed offer."""
        if isinstance(data, AtomicString):
            return data
        if self.prefilter is not None and self.prefilter(data) is None:
            return data  # no pattern can match: every offer would fail
        return self._offer_all(data, index)

    def _offer_all(self, data: str, index: int) -> str:
        """`data` offered to the patterns from `index` on, as the stock loop offers it: each in
        turn, again from past its last match while it matches. A pattern needing a string
        the text lacks is not offered: a match only ever turns text into a placeholder, which
        holds no needed string, so the text never gains one."""
        offer = self._InlineProcessor__applyPattern  # type: ignore[attr-defined]
        patterns = self.inlinePatterns
        searches = self.searches
        for position in self._order(data):
            if position < index:
                continue
            pattern, search = patterns[position], searches[position]
            start = 0
            while search is None or search(data, start) is not None:
                data, matched, start = offer(pattern, data, position, start)
                if not matched:
                    break
        return data

    def _order(self, data: str) -> Iterable[int]:
        """The positions of the patterns that may match `data`, in order (all when a pattern's
        needs are unknown)."""
        wanted = self.wanted
        if wanted is None:
            return range(len(self.inlinePatterns))
        present = frozenset([needed for needed in self.strings if needed in data])
        order = self.orders.get(present)
        if order is None:
            order = tuple(i for i, needs in enumerate(wanted) if not needs or needs & present)
            self.orders[present] = order
        return order


def _delimiter_search(processor: DelimiterProcessor) -> Callable[[str, int], re.Match[str] | None]:
    """`processor.search` (emphasis: the next `*` or `_` that may open or close), finding each
    candidate with a regex instead of looking at every character in Python.

    The stock search walks the text one character at a time from `start` to the next delimiter
    that pairs: ~0.5 µs a character, ~0.1 ms for a paragraph in bold. Only single characters
    can be found that way (it asks `data[i] in delimiters`), so only they are looked for here.
    """
    delimiters = processor.delimiters
    singles = sorted(token for token in delimiters if len(token) == 1)
    if not singles:
        return lambda data, start: None
    candidate = re.compile("[" + "".join(re.escape(token) for token in singles) + "]").search

    def search(data: str, start: int) -> re.Match[str] | None:
        """The stock search's answer: the first candidate whose boundary matches, skipping a
        closing run while nothing of its kind is open; each candidate looked at is recorded,
        as the stock search records it (the handler anchors its cached elements on them)."""
        positions = processor.positions  # type: ignore[attr-defined]  # 3.11.4, not in the stubs
        found = candidate(data, start)
        while found is not None:
            at = found.start()
            positions.append(at)
            delimiter = delimiters[data[at]]
            match = delimiter.boundary.match(data, at)
            if match is not None and (delimiter.stack or match.lastgroup[0] != "e"):  # type: ignore[index]
                return match
            found = candidate(data, at + 1)
        return None

    return search


def _lone_pairs(processor: DelimiterProcessor) -> DelimiterMatch:
    """`processor.handleMatch`, answering at once for a lone pair: a run of one or two `*` (or
    `_`) that may open, then, with no delimiter character between, a run of the same length
    that may close.

    That is most emphasis in bulletins (a bold lead, an italic phrase). The stock handler pushes
    the first run on its stack, pairs the second with it (runs of equal length pair whether or
    not either may also be read the other way), records the pair as a region, builds and caches
    the element, hands it out and resets: one <strong> or <em> holding the text between, spanning
    both runs, and nothing kept (the closing run is whole, so no rest of it to classify later).
    Anything else goes to the stock handler: nested or longer runs, elements still cached from
    the text before (the handler hands them out one call at a time, and skips the text between
    them), or the rest of a closing run the last element left (classified by what preceded it).
    """
    stock = processor.handleMatch
    delimiters = processor.delimiters
    if any(len(token) != 1 for token in delimiters):
        return stock
    candidate = re.compile("[" + "".join(re.escape(token) for token in delimiters) + "]").search

    def handle(match: re.Match[str], data: str) -> tuple[ET.Element | None, int | None, int | None]:
        """The stock answer; an element for a lone pair without asking the stock handler."""
        at = match.start()
        delimiter = delimiters.get(data[at])
        if (
            delimiter is None
            or delimiter.double
            or delimiter.tag_count != 2
            or processor.cache  # type: ignore[attr-defined]  # 3.11.4, not in the stubs
            or processor.remainder is not None  # type: ignore[attr-defined]
            # Never left over with an empty cache (the handler resets), but the pairing reads them.
            or processor.stack
            or any(other.stack for other in delimiters.values())
        ):
            return stock(match, data)
        opening = delimiter.boundary.match(data, at)
        if opening is None or opening.lastgroup == "end":
            return stock(match, data)
        inside = opening.end()
        size = inside - at
        found = candidate(data, inside)
        if size > 2 or found is None:
            return stock(match, data)
        between = found.start()
        closing = delimiter.boundary.match(data, between)  # None for another delimiter's run
        if closing is None or closing.lastgroup == "start" or closing.end() - between != size:
            return stock(match, data)
        element = ET.Element(delimiter.tags[0] if size == 2 else delimiter.tags[1])
        element.text = data[inside:between]
        return element, at, closing.end()

    return handle


BRACKET_RE = re.compile(r"[\[\]]")


def bracket_ends(data: str) -> list[int | None]:
    """LinkInlineProcessor._findBracketEnds of markdown 3.11.4: for each index of `data`, the
    index just past the `]` that brings the bracket depth below the depth at that index (None
    if none does), found by jumping from bracket to bracket instead of visiting every character.

    The stock loop costs ~0.3 µs a character for every text holding a `[` (a link, an image, a
    footnote), and again each time a link became a placeholder. Between two brackets the depth
    is the same, so every index of that run gets the same answer: the stack holds runs, and
    each run's answer is written with one slice assignment."""
    ends: list[int | None] = [None] * (len(data) + 1)
    depth = 0
    start = 0  # the first index of the current run of equal depth
    stack: list[tuple[int, int, int]] = []  # (first index, last index, depth) of waiting runs
    for found in BRACKET_RE.finditer(data):
        at = found.start()
        stack.append((start, at, depth))  # indexes start..at sit at `depth`
        depth += 1 if data[at] == "[" else -1
        start = at + 1
        # The stock loop settles, before its index `start`, every waiting index deeper than it.
        while stack and depth < stack[-1][2]:
            first, last, _ = stack.pop()
            ends[first : last + 1] = [start] * (last + 1 - first)
    return ends


def _needs(pattern: object) -> tuple[str, ...] | None:
    """The strings of which any match of a stock inline pattern holds one; None if unknown."""
    if not isinstance(pattern, InlinePattern):
        return None
    return NEEDS.get(pattern.getCompiledRegExp().pattern)


def _search(pattern: InlinePattern) -> Search:
    """The pattern's regex search, first checking for a string it cannot match without."""
    search = pattern.getCompiledRegExp().search
    needs = _needs(pattern)
    if needs is None:
        return search
    if len(needs) > 1:
        return search  # a search for one of several strings is what the guard would add
    (needed,) = needs

    def guarded(data: str, start: int) -> object:
        """None without the needed string, else the regex's answer."""
        return search(data, start) if needed in data else None

    return guarded


def _guarded_test(test: BlockTest, needs: tuple[str, ...]) -> BlockTest:
    """A block processor's test that says no at once to a block without any needed string."""
    if len(needs) > 1:
        find = _any_of(needs)

        def guarded_any(parent: ET.Element, block: str) -> bool:
            """False without any needed string, else the processor's own answer."""
            return find(block) is not None and test(parent, block)

        return guarded_any
    (needed,) = needs

    def guarded(parent: ET.Element, block: str) -> bool:
        """False without the needed string, else the processor's own answer."""
        return needed in block and test(parent, block)

    return guarded


def _guarded_run(run: Lines, needs: tuple[str, ...]) -> Lines:
    """A preprocessor's run that hands back, joined and split as it would, a text holding
    none of the strings it needs."""

    def guarded(lines: list[str]) -> list[str]:
        """The lines as the stock run returns them when it cannot change them, else its answer."""
        text = "\n".join(lines)
        for needed in needs:  # `in` per string: faster than one regex over the text
            if needed in text:
                return run(lines)
        return text.split("\n")

    return guarded


BLANKED_LINE_RE = re.compile(r"(?<=\n) +\n")


def _normalized(tab_length: int, lines: list[str]) -> list[str]:
    """NormalizeWhitespace.run of markdown 3.11, its search for lines of spaces done only in a
    text that has one (a regex trying every position costs ~0.15 ms a body)."""
    source = "\n".join(lines)
    source = source.replace(STX, "").replace(ETX, "")
    source = source.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
    source = source.expandtabs(tab_length)
    if " \n" in source:
        source = BLANKED_LINE_RE.sub("\n", source)
    return source.split("\n")


def _run_if_any_text_holds(run: TreeRun, needed: str) -> TreeRun:
    """A treeprocessor's run, skipped when no text or tail in the tree holds `needed` (what
    every regex it searches them with starts with: "{" for an attribute list)."""

    def guarded(root: ET.Element) -> None:
        """The stock run when some text or tail holds `needed`; else nothing to do."""
        for element in root.iter():
            text, tail = element.text, element.tail
            if (text and needed in text) or (tail and needed in tail):
                run(root)
                return

    return guarded


def _unescaped(unescape: Callable[[str], str], root: ET.Element) -> None:
    """UnescapeTreeprocessor.run of markdown 3.11: each text, tail and attribute holding an
    escaped character's placeholder (STX, its code, ETX) gets the character back. The stock run
    hands every string to a regex substitution (~85 a body, ~0.1 ms); only one holding STX may
    change."""
    for element in root.iter():
        text = element.text
        if text and STX in text and element.tag != "code":
            element.text = unescape(text)
        tail = element.tail
        if tail and STX in tail:
            element.tail = unescape(tail)
        if element.attrib:
            for key, value in element.items():
                if value is not None and STX in value:
                    element.set(key, unescape(value))


def _any_of(strings: Iterable[str]) -> Callable[[str], object]:
    """A search for the first of `strings` in a text (one pass, in C)."""
    return re.compile("|".join(re.escape(string) for string in sorted(set(strings)))).search
