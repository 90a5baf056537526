"""Lists and hashtags as they arrive in text pasted from Word, a PDF, Zalo or Facebook.

Pasted, a Word list keeps its glyphs as text («• Phát tờ rơi», «\uf0b7<Tab>…» from the Symbol
font, «– Tuần tra» in runs), a Facebook post bullets its lines with «👉», a report numbers steps
«1) … 2) …» and cases «a) … b) …»; Python-Markdown made each run one paragraph, glyphs and all,
on the website and on Zalo. A hashtag line («#luadao #canhbao») became a heading there, though
CommonMark, GitHub's preview and the radio script read it as text. This extension rewrites such
lines before block parsing, as the editor meant them:

- a bullet glyph opening a line becomes `- ` (a list item); «👉», «✓», «✔» only when the line
  before or after is bulleted too (a lone one leads a line for emphasis);
- Word's second-level «o» (followed by a Tab or two spaces) under such an item becomes an item
  of a list in it (`    - `): only there, as «o» is also a word, and after spaces only when the
  item above ends in «:» or «;», another «o» line is next to it or a capital letter follows;
- «– » becomes `- ` when two or more lines in a row open with it (a lone one may be a quote's
  attribution, «– Thượng tá …»), none of them ending in a hard line break (a dialogue);
- «1) 2) …», numbered in order on consecutive lines, becomes «1. 2. …»;
- «a) b) …», lettered in order on consecutive lines, keeps its letters, each on its own line;
- two or more lines in a row opening with an emoji («✅ …», «❌ …» of a post) keep their emoji,
  each on its own line (the emoji may tell a «do» from a «don't»: no list drops them), a list
  item's own line too when the run goes on under it («- ✅ …» / «  ❌ …»); a line of text right
  under them («Mọi thắc mắc xin gọi 113.») is a line of its own only when their last line ends a
  sentence (`ends_sentence`) and it does not go on in small letters: else that line wrapped
  («… gọi ngay» / «114 để được …», «… Công an xã» / «Tân Bình …»);
- `#` opening a line of hashtags only is escaped («#Tiêu đề» stays a heading, as «##Tiêu đề»),
  the line kept under the text above it, as a post has it.

A line of text under an item made so starts a new paragraph (pasted, each line was a
paragraph of its own) unless it is the item wrapped (see `goes_on`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

import markdown
from markdown.preprocessors import Preprocessor

__all__ = [
    "BULLET_GLYPHS",
    "PastedLists",
    "apart_under_runs",
    "bullet",
    "emoji_run_lines",
    "ends_in_link",
    "ends_sentence",
    "pasted_item",
    "rewrite",
    "sub_bullets",
    "suspect",
]

BULLET_GLYPHS = "•●▪■◦◆❖➢➤►▶✓✔∙·\uf0b7\uf0a7\uf0d8\uf076\uf0fc👉"
"""Characters that open a list item in pasted text: Word's list glyphs (the private-use ones are
the Symbol and Wingdings bullets pasted without their font) and the pointing hand of posts."""
_MODIFIERS = "\ufe0f\U0001f3fb-\U0001f3ff"
"""An emoji's presentation selector or skin tone, which may follow the glyph (👉🏻, ✔️)."""
_GAP = "[ \t\u00a0]+"
BULLET = re.compile(rf" {{0,3}}[{BULLET_GLYPHS}][{_MODIFIERS}]?{_GAP}(?=\S)")
_IN_RUNS = "✓✔👉"
"""Glyphs that open an item only in a run of two or more bulleted lines, as «– » does: a post
leads one line with «👉» for emphasis, and a list of one would drop the emoji."""
# `{2}`, not `{2,}`: the gap after it takes the rest, and two unbounded runs of spaces in a row
# tried every split of «o» + 32,000 spaces (38 s in publish check).
WORD_SUB_BULLET = re.compile(r"[ \t]*o(?:\t|[ \u00a0]{2})[ \t\u00a0]*(?=\S)")
"""Word's second-level bullet: the Courier «o» and its Tab (or the spaces a paste made of it).
«o» is a word too («o» for an aunt): it opens an item only under a pasted bullet, and after
spaces only as `sub_bullets` tells."""
DASH = re.compile(rf" {{0,3}}–{_GAP}(?=\S)")
NUMBERED = re.compile(rf" {{0,3}}(\d{{1,3}})\){_GAP}(?=\S)")
LETTERED = re.compile(rf" {{0,3}}([a-zđ])\){_GAP}(?=\S)")
_EMOJI = "[\u2300-\u24ff\u25a0-\u2bff\U0001f000-\U0001faff]"
"""An emoji's (or a pictograph's) first character."""
_EMOJI_LEAD = (
    rf"(?:{_EMOJI}[{_MODIFIERS}\u200d]*"
    rf"|[0-9#*]\ufe0f?\u20e3)"
    rf"{{1,3}}{_GAP}(?=\S)"
)
EMOJI_LED = re.compile(" {0,3}" + _EMOJI_LEAD)
"""A line opening with an emoji (or up to three) and a space: a post's line «✅ Không …», or a
keycap's step «1️⃣ Tải ứng dụng». Not an arrow, a sign of mathematics or a box-drawing piece
(«≥ 5 triệu đồng», «→ Bước một»): lines of a paragraph may open with those."""
_INDENTED_EMOJI_LED = re.compile("[ \t]*" + _EMOJI_LEAD)
"""The same line indented any way: in a list item's text («- Mua vé:» then «    ✅ …» lines),
where the indentation makes no code block."""
_LIST_MARK = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
"""A Markdown list item's mark and the spaces after it."""
_LIST_ITEM = re.compile(_LIST_MARK.pattern + r"\S")
_SENTENCE_END = re.compile(rf"(?:[.!?…\"'”’»)\]]|{_EMOJI}[{_MODIFIERS}]?)[ \t]*\Z")
"""A line's last mark when it ends a sentence: a stop, an emoji («… link lạ 🚫») or a closing
quote or bracket («… (miễn phí)», «… lạ.”»)."""
_CLOSING_MARKS = re.compile(r"[*_`]+[ \t]*\Z")
"""The marks closing an emphasis or code span at a line's end («… link lạ.**»), which the
website and Zalo show no more than the radio reads them."""
_LINK_END = re.compile(r"\]\([^\s()]*(?:\([^\s()]*\)[^\s()]*)*(?:[ \t]+\"[^\"]*\")?\)[ \t]*\Z")
"""A link or an image closing a line («[đây](https://dichvucong.gov.vn)»): its bracket ends
the address, not the sentence."""
HASHTAG = re.compile(r" {0,3}#(?=\w+(?:[ \t]*#\w+)*[ \t]*$)")
"""A line of hashtags only (as the radio script reads it), the tags spaced or joined
(«#CongAn#AnNinh», which the website made a heading «CongAn#AnNinh» the radio skipped):
«#Tiêu đề» stays a heading, as «##Tiêu đề» is on the website."""
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_SUSPECT_LINE = rf" {{0,3}}(?:[{BULLET_GLYPHS}–]|#[^\s#]|\d{{1,3}}\)|[a-zđ]\))"
_SUSPECT = re.compile(_SUSPECT_LINE)
"""Any line one of the rules may rewrite: a body without one is left as it is."""
_SUSPECT_AFTER_FIRST = re.compile("\n" + _SUSPECT_LINE)
"""Such a line after the first: a search opening with a newline skips from one to the next in C,
where a multiline `^` is tried at every character (~40 → ~10 µs a body)."""

_EMOJI_AFTER_FIRST = re.compile("\n" + _INDENTED_EMOJI_LED.pattern)
"""An emoji-led line after the first (a run has one)."""
_ITEM_LINE = re.compile(rf" {{0,3}}(?:[{BULLET_GLYPHS}–]|\d{{1,3}}\)|[a-zđ]\))")
"""A line a pasted list's next item may open with."""
_ITEM_INDENT = 4
"""Columns past its item's mark a list item's later paragraph starts at (Python-Markdown's tab
length): twice as many make a code block in the item."""
_BLOCK_START = re.compile(r" {0,3}(?:#|>|[-*+] |\d{1,9}[.)] |\||<)|\s*$")
_LETTERS = "abcdđefghijklmnopqrstuvwxyz"


def suspect(text: str) -> bool:
    """Whether any line of `text` is one the rules may rewrite."""
    if _SUSPECT.match(text) is not None or _SUSPECT_AFTER_FIRST.search(text) is not None:
        return True
    if _EMOJI_AFTER_FIRST.search(text) is None:
        return False
    lines = text.split("\n")
    return _emoji_run(lines, _in_items(lines))


def rewrite(lines: list[str], tabbed: Collection[str] = ()) -> list[str]:
    """`lines` with pasted bullets, numbers, letters and hashtags written as Markdown (`tabbed`:
    see `sub_bullets`)."""
    out = list(lines)
    ends: list[int] = []  # items made here: a capitalised line under one starts a new paragraph
    fence: str | None = None
    subs = sub_bullets(lines, tabbed)
    items = _in_items(lines)
    for i, line in enumerate(lines):
        opened = FENCE.match(line)
        if fence is not None:
            if opened and opened[1][0] == fence[0] and len(opened[1]) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened[1]
        elif i in subs:
            out[i] = WORD_SUB_BULLET.sub("    - ", line, count=1)
            ends.append(i)
        elif (match := bullet(lines, i) or _dash_in_run(lines, i)) is not None:
            out[i] = "- " + line[match.end() :]
            ends.append(i)
        elif (match := NUMBERED.match(line)) and _counted(lines, i, NUMBERED, _number):
            out[i] = f"{match[1]}. " + line[match.end() :]
            ends.append(i)
        elif LETTERED.match(line) and _counted(lines, i, LETTERED, _letter):
            if i and _is_text(lines[i - 1]) and not LETTERED.match(lines[i - 1]):
                out[i - 1] = lines[i - 1].rstrip() + "  "  # the cases start under the text
            if _counted(lines, i + 1, LETTERED, _letter, before=i):
                out[i] = line.rstrip() + "  "  # a hard line break: the next case goes under it
        elif _runs_on(lines, i, items):
            if (
                not _runs_on(lines, i - 1, items)
                and not _LIST_ITEM.match(line)  # the run opens the item: a block of its own
                and ((i and _plain_text(lines[i - 1])) or (i in items and _item_text(lines, i - 1)))
            ):
                out[i - 1] = _broken(out[i - 1])  # the lines start under the text (or item)
            out[i] = _broken(line)
        elif _emoji_run_end(lines, i, items):
            out[i] = _broken(line)  # the text under the run goes on a line of its own
        elif match := HASHTAG.match(line):
            out[i] = line[: match.end() - 1] + "\\" + line[match.end() - 1 :]
            if i and _plain_text(lines[i - 1]):
                out[i - 1] = _broken(out[i - 1])  # a post's tags go under its last line
    for i in reversed(ends):
        after = lines[i + 1] if i + 1 < len(lines) else ""
        later = lines[i + 2] if i + 2 < len(lines) else ""
        if _is_text(after) and not _SUSPECT.match(after) and not goes_on(lines[i], after, later):
            out.insert(i + 1, "")
    return out


def goes_on(item: str, after: str, later: str) -> bool:
    """Whether text line `after`, right under the pasted item line `item` (and above `later`),
    is that item wrapped at a PDF's or Word's line end rather than a paragraph of its own
    (pasted lines are whole paragraphs): it goes on in lower case, or the item stops
    mid-sentence and another item follows («• … Công an xã» / «Tân Bình, nhận …» / «• …»)."""
    if after.lstrip()[:1].islower():
        return True
    ended = item.rstrip().rstrip("\"'”’»)").endswith((".", ";", ":", "!", "?", "…"))
    return not ended and bool(_ITEM_LINE.match(later))


def bullet(lines: list[str], i: int) -> re.Match[str] | None:
    """Line `i`'s opening glyph, unless it is one of `_IN_RUNS` on a line with no bulleted
    line next to it."""
    match = BULLET.match(lines[i])
    if match is None or match[0].strip()[0] not in _IN_RUNS:
        return match
    if any(0 <= j < len(lines) and BULLET.match(lines[j]) for j in (i - 1, i + 1)):
        return match
    return None


def pasted_item(lines: list[str], i: int) -> bool:
    """Whether line `i` opens an item of a pasted list that `rewrite` makes a Markdown one
    (`- `): a bullet glyph, or «– » in a run."""
    return bool(bullet(lines, i) or _dash_in_run(lines, i))


def sub_bullets(lines: list[str], tabbed: Collection[str] = ()) -> set[int]:
    """The lines opening with Word's second-level «o» (`WORD_SUB_BULLET`) right under a pasted
    bullet item («•», a run of «– ») or under another such line: items of a list in that item.
    `tabbed`: the `words` after each «o» that had a Tab before Python-Markdown expanded it."""
    found: set[int] = set()
    for i in range(1, len(lines)):
        if not (i - 1 in found or pasted_item(lines, i - 1)):
            continue  # cheap first: most lines are under no item
        if (match := WORD_SUB_BULLET.match(lines[i])) and _word_levels(lines, i, match, tabbed):
            found.add(i)
    return found


def _word_levels(lines: list[str], i: int, match: re.Match[str], tabbed: Collection[str]) -> bool:
    """Whether line `i`, opening with «o» under an item (`match`), is Word's second level
    rather than the word «o» where a justified PDF line broke («dụ dỗ,» / «o  ép bị hại …»):
    Word writes a Tab after it; after spaces, the item above announces a list («:», «;»), another
    such line is next to it, or the text after it opens with a capital letter."""
    line = lines[i]
    if line[line.index("o") + 1] == "\t" or (tabbed and _words(line[match.end() :]) in tabbed):
        return True
    if lines[i - 1].rstrip().endswith((":", ";")) or line[match.end()].isupper():
        return True
    return any(0 <= j < len(lines) and WORD_SUB_BULLET.match(lines[j]) for j in (i - 1, i + 1))


def _dash_in_run(lines: list[str], i: int) -> re.Match[str] | None:
    """Line `i`'s opening «– » when the line before or after it opens with one too; none of
    them ends in a hard line break (two spaces: a dialogue's lines, set apart on purpose)."""
    match = _dash(lines, i)
    if match and any(_dash(lines, j) for j in (i - 1, i + 1)):
        return match
    return None


def _dash(lines: list[str], i: int) -> re.Match[str] | None:
    """Line `i`'s opening «– », unless the line ends in a hard line break (or is no line)."""
    if not 0 <= i < len(lines) or lines[i].endswith(("  ", "\\")):
        return None
    return DASH.match(lines[i])


def _emoji_led(lines: list[str], i: int, items: Collection[int]) -> bool:
    """Whether line `i` opens with an emoji (indented any way when it is in `items`, see
    `_in_items`; after its mark when it opens a list item whose text goes on under it, as the
    radio reads the item's text) and is no pasted list item (`bullet`: «👉», «✓»)."""
    if not 0 <= i < len(lines) or bullet(lines, i):
        return False
    if i + 1 in items and (mark := _LIST_MARK.match(lines[i])):
        return EMOJI_LED.match(lines[i], mark.end()) is not None
    led = _INDENTED_EMOJI_LED if i in items else EMOJI_LED
    return led.match(lines[i]) is not None


def _runs_on(lines: list[str], i: int, items: Collection[int]) -> bool:
    """Whether lines `i` and `i + 1` are two lines of one run: both open with an emoji, and
    line `i + 1` opens no list item (a block of its own, though the run may open it)."""
    return (
        _emoji_led(lines, i, items)
        and _emoji_led(lines, i + 1, items)
        and not _LIST_ITEM.match(lines[i + 1])
    )


def _emoji_run(lines: list[str], items: Collection[int]) -> bool:
    """Whether two lines in a row of `lines` open with an emoji (`_runs_on`)."""
    return any(_runs_on(lines, i, items) for i in range(len(lines) - 1))


def emoji_run_lines(lines: list[str]) -> tuple[set[int], set[int]]:
    """The lines of one paragraph (`lines`, as the radio script gathers them: indented or not)
    that `rewrite` ends in a hard line break: those with a line of a run of emoji-led lines
    under them (the run's lines but its last, and the line it starts under); and the last line
    of a run with a line of text of its own under it (see `_emoji_run_end`)."""
    if len(lines) < 2 or _EMOJI_AFTER_FIRST.search("\n".join(lines)) is None:
        return set(), set()
    every = range(len(lines))
    led = [_emoji_led(lines, i, every) for i in every] + [False]
    within = {i for i in range(len(lines) - 1) if led[i + 1] and (led[i] or led[i + 2])}
    ends = {i for i in range(1, len(lines) - 1) if _emoji_run_end(lines, i, every)}
    return within, ends


def apart_under_runs(lines: list[str]) -> set[int]:
    """The lines of a body (`lines`) that `rewrite` sets on a line of their own under a run of
    emoji-led lines (`_emoji_run_end`): the radio, which reads a post's keycap steps as a list,
    ends the list there."""
    if _EMOJI_AFTER_FIRST.search("\n".join(lines)) is None:
        return set()
    items = _in_items(lines)
    return {i + 1 for i in range(1, len(lines) - 1) if _emoji_run_end(lines, i, items)}


def _emoji_run_end(lines: list[str], i: int, items: Collection[int]) -> bool:
    """Whether line `i` is the last of two or more emoji-led lines in a row, with a line of text
    under it that goes on a line of its own (a post's «Mọi thắc mắc xin gọi 113.»): a line of
    hashtags, or one under a line that ends a sentence (`ends_sentence`: else the line wrapped,
    «… gọi ngay» / «114 để được …», and a post's lines often have no stop, so a capital letter
    under one tells nothing), unless it goes on in small letters; not a list's item or a fence,
    which start a block of their own."""
    if not _runs_on(lines, i - 1, items):
        return False
    if _runs_on(lines, i, items):
        return False  # the run goes on
    after = lines[i + 1] if i + 1 < len(lines) else ""
    if HASHTAG.match(after):
        return True  # «#luadao #canhbao» closing the post: text, not a heading (`rewrite`)
    if not ends_sentence(lines[i]):
        return False  # the line wrapped («… gọi ngay» / «114 để …»), or nothing tells it did not
    if not _is_text(after) or FENCE.match(after) or _LIST_ITEM.match(after):
        return False
    if not after.strip(" \t-*_="):
        return False  # a rule or a heading's underline: a block of its own
    if after.lstrip()[:1].islower() or pasted_item(lines, i + 1):
        return False
    return not (NUMBERED.match(after) and _counted(lines, i + 1, NUMBERED, _number))


def ends_sentence(line: str) -> bool:
    """Whether `line` ends a sentence (`_SENTENCE_END`), so that a capitalised line under it,
    pasted, was a line of its own rather than it wrapped: looked for before the marks closing
    an emphasis or code («**Không bấm link lạ.**»), and never a link's closing bracket («tại
    [đây](https://…)», no stop: the sentence goes on)."""
    if ends_in_link(line):
        return False
    return _SENTENCE_END.search(_CLOSING_MARKS.sub("", line)) is not None


def ends_in_link(line: str) -> bool:
    """Whether `line` ends with a link or an image, no stop after it (past the marks closing an
    emphasis): «Xem hướng dẫn tại [đây](https://…)»."""
    return _LINK_END.search(_CLOSING_MARKS.sub("", line)) is not None


def _item_text(lines: list[str], i: int) -> bool:
    """Whether line `i`, above a line of an item's text, is the item's text too: not a blank
    line or a fence, nor a pasted item («• Mua vé:»), which `rewrite` parts from the lines
    under it."""
    return bool(lines[i].strip()) and not FENCE.match(lines[i]) and not pasted_item(lines, i)


def _in_items(lines: list[str]) -> set[int]:
    """The lines that go on a list item's paragraphs (under «- Mua vé:» before a blank line,
    and those after one indented as the item's paragraphs are), where a run of emoji-led lines
    keeps each on its own line as outside a list."""
    found: set[int] = set()
    inside = False
    open_items: list[int] = []  # the columns of the open items' marks, the innermost last
    for i, line in enumerate(lines):
        column = _column(line)
        if not line.strip():
            inside = False
        elif _LIST_ITEM.match(line) or pasted_item(lines, i):
            while open_items and open_items[-1] >= column:
                open_items.pop()  # the item's siblings and what they held are closed
            open_items.append(column)
            inside = True
        elif inside:
            found.add(i)
        elif _after_blank(lines, i):
            while open_items and column < open_items[-1] + _ITEM_INDENT:
                open_items.pop()  # not indented under it: the paragraph of an outer item
            if open_items and column < open_items[-1] + 2 * _ITEM_INDENT:
                inside = True  # a later paragraph of the item (indented more: code in it)
                found.add(i)
    return found


def _column(line: str) -> int:
    """The column `line`'s text starts at (Python-Markdown expanded its Tabs)."""
    return len(line) - len(line.lstrip(" "))


def _after_blank(lines: list[str], i: int) -> bool:
    """Whether the line before line `i` is blank."""
    return i > 0 and not lines[i - 1].strip()


def _plain_text(line: str) -> bool:
    """Whether `line` is paragraph text no rule rewrites (nor a code fence)."""
    return _is_text(line) and not _SUSPECT.match(line) and not FENCE.match(line)


def _broken(line: str) -> str:
    """`line` ending in a hard line break (as it was, if it had one)."""
    return line if line.endswith(("  ", "\\")) else line.rstrip() + "  "


def _is_text(line: str) -> bool:
    """Whether `line` is a line of paragraph text (not blank, a heading, a list item or quote)."""
    return bool(line.strip()) and not _BLOCK_START.match(line)


def _number(match: re.Match[str]) -> int:
    """The number of a «3)» item."""
    return int(match[1])


def _letter(match: re.Match[str]) -> int:
    """The place of a «c)» item's letter in the alphabet (đ after d)."""
    return _LETTERS.index(match[1])


def _counted(
    lines: list[str],
    i: int,
    pattern: re.Pattern[str],
    rank: Callable[[re.Match[str]], int],
    *,
    before: int | None = None,
) -> bool:
    """Whether line `i` matches `pattern` and follows, or is followed by, the item ranked one
    before or after it (with `before`, only whether it follows line `before` so)."""
    if not 0 <= i < len(lines) or not (match := pattern.match(lines[i])):
        return False
    place = rank(match)
    near = (before,) if before is not None else (i - 1, i + 1)
    for j in near:
        other = pattern.match(lines[j]) if 0 <= j < len(lines) else None
        if other and rank(other) == place + (j - i):
            return True
    return False


def _words(text: str) -> str:
    """`text` with each run of whitespace one space (as it reads, Tabs expanded or not)."""
    return " ".join(text.split())


class _WordTabs(Preprocessor):
    """Note the text after each line-opening «o<Tab>» before Python-Markdown expands Tabs to
    spaces, which would hide Word's Tab from `_PastedLines`."""

    def __init__(self, md: markdown.Markdown, tabbed: set[str]) -> None:
        """Note into `tabbed` (shared with `_PastedLines`, emptied for each body)."""
        super().__init__(md)
        self.tabbed = tabbed

    def run(self, lines: list[str]) -> list[str]:
        """The lines unchanged; the text after their «o<Tab>» noted."""
        self.tabbed.clear()
        for line in lines:
            match = WORD_SUB_BULLET.match(line) if "o\t" in line else None
            if match and line[line.index("o") + 1] == "\t":
                self.tabbed.add(_words(line[match.end() :]))
        return lines


class _PastedLines(Preprocessor):
    """Rewrite pasted list lines and hashtags before block parsing."""

    def __init__(self, md: markdown.Markdown, tabbed: set[str]) -> None:
        """Rewrite knowing the «o» lines that had a Tab (`_WordTabs`)."""
        super().__init__(md)
        self.tabbed = tabbed

    def run(self, lines: list[str]) -> list[str]:
        """The lines, rewritten when any may be (see the module)."""
        if not suspect("\n".join(lines)):
            return lines
        return rewrite(lines, self.tabbed)


class PastedLists(markdown.Extension):
    """Register the preprocessor just before ListsAfterText (which then opens the lists)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Hook the preprocessors in: the Tabs are noted before Python-Markdown's first one (30)
        expands them."""
        tabbed: set[str] = set()
        md.preprocessors.register(_WordTabs(md, tabbed), "pasted_word_tabs", 35)
        md.preprocessors.register(_PastedLines(md, tabbed), "pasted_lists", 16)
