"""Content files' names written in a link's title, which a browser shows on hover.

«[bài](https://x.vn "2020-12-20-ten-bai.md")», or a title holding «<a href='x.md'>x.md</a>»:
the page and the feeds carry the title as typed. Where it names a held bulletin, its date and
title words (a victim's name, an embargoed fact) must not go out: the website drops the title
(publish.render.web.markdown) and the check warns of it (publish.unlinked). So with a figure's
caption typed as HTML («<figcaption>Xem 2020-12-20-ten-bai.md</figcaption>», `captions`), which
the page, the feeds and Zalo show as its words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from html import unescape
from urllib.parse import unquote

from publish.links import SPELT_SLASH, entities_read, slug_folded
from publish.markdown_code import masked
from publish.text import LineCounter

__all__ = [
    "DATED_PATH",
    "caption_named",
    "caption_spans",
    "caption_words",
    "captions",
    "held_captions_dropped",
    "names_in_title",
    "names_something_held",
    "spellings",
    "titled_names",
]

_MD_END = re.compile(r"\.md(?![\w-])", re.IGNORECASE)
"""Where a content file's name ends: every name is read back from one (linear: a long title
without one is read once, not from each of its characters)."""
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}-")
"""Where a dated file's name starts; it runs to the next «.md» with spaces, not past a line."""
_NOT_IN_DATED = re.compile(r"[\n\"'<>/]")
"""What a dated file's name read with spaces stops at: a line's end, a quote, «<», «>», «/»."""
_RUN = re.compile(r"[^\s\"'<>=]+")
"""A run of characters a name without spaces is made of."""
_DATED_TAIL = re.compile(r"/\d{4}/\d{2}/[^\s\"'<>/]+/?(?:index\.html)?", re.IGNORECASE)
"""The end of a bulletin's page address («/2020/12/ten-bai/»; Bulletin.url_at): its host and
folders are read back from it."""
_IN_ADDRESS = re.compile(r"[^\s\"'<>]+")
"""A run an address is made of: a page path's host and folders are read back to its start."""
DATED_PATH = re.compile(rf"{SPELT_SLASH}\d{{4}}{SPELT_SLASH}\d{{2}}{SPELT_SLASH}", re.IGNORECASE)
"""What a bulletin's page address holds, its «/» maybe escaped («%2F», «&#47;»): a text
without it names no bulletin's page."""
_TITLE = re.compile(
    r"""[ \t](?:"(?P<double>[^"\n]*)"|'(?P<single>[^'\n]*)')[ \t]*(?:\)|$)"""
    r"""|\btitle[ \t]*=[ \t]*(?:"(?P<attribute>[^"]*)"|'(?P<quoted>[^']*)')""",
    re.MULTILINE | re.IGNORECASE,
)
"""A Markdown link's or definition's title, or an HTML tag's title attribute."""


def names_in_title(title: str) -> list[str]:
    """The names a content file's name in `title` may be: each as found, and for one read with
    spaces from a date, its last word too («xem 2020-12-20-a.md» is no name; «2020-12-20-a.md»
    is); and each bulletin's page address in it."""
    names = _file_names(title)
    if DATED_PATH.search(title) is not None:
        # Its slug is the file's title words as much as its name is; read as the browser
        # would follow it («%2F», «&#47;» for «/»).
        names += _page_addresses(unquote(entities_read(title)))
    return names


def names_something_held(title: str, held: Callable[[str], bool]) -> bool:
    """Whether `title` names a file, or a page's address, that `held` says the website holds
    back, as typed or folded (`spellings`): the one test the page and Zalo drop a tag's title,
    or an image's caption, by."""
    return any(held(spelt) for name in names_in_title(title) for spelt in spellings(name))


def spellings(name: str) -> tuple[str, ...]:
    """`name` as typed, and with its last part (a page's slug, a file's name) folded as slugs
    are compared when that differs (links.slug_folded): «/2020/12/vụ_án-x/» shows the words of
    the slug «vu-an-x» as much as «/2020/12/vu-an-x/» does."""
    kept = name.rstrip("/")
    head, slash, last = kept.rpartition("/")
    folded = head + slash + slug_folded(last) + name[len(kept) :]
    return (name,) if folded == name else (name, folded)


_CAPTION_TAG = re.compile(r"<[^<>]*>")
"""A tag inside a caption: no word of it («Xem <em>2020-12-20-x.md</em>»)."""
_PARTING_TAG = re.compile(
    r"</?(?:address|article|aside|blockquote|br|caption|dd|details|dialog|div|dl|dt|fieldset"
    r"|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table"
    r"|tbody|td|tfoot|th|thead|tr|ul)(?=[\s/>])[^<>]*>",
    re.IGNORECASE,
)
"""A block's start or end tag, or a line break: the reader sees the words on either side of it
apart («…mat.md</p><p>Ảnh» is no «mat.mdẢnh»)."""


def caption_words(inner: str) -> str:
    """A caption's words as a reader sees them run: its tags taken out, a block's or a line
    break's leaving a space, an inline one's none («2020-12-20-<b>x</b>.md» is the name)."""
    if "<" not in inner:
        return inner
    return _CAPTION_TAG.sub("", _PARTING_TAG.sub(" ", inner))


_TAG_AFTER_NAME = re.compile(r"(?<=\.md)<[^<>]*>", re.IGNORECASE)
"""A tag right after a content file's name: bold or italics that set the words after it apart."""


def caption_named(inner: str) -> str:
    """A caption's words as its names are read (`caption_words`), a tag right after «.md»
    parting the name from the words it sets apart: «Xem a.md<b>đậm</b>» shows «a.md»."""
    return caption_words(_TAG_AFTER_NAME.sub(" ", inner))


def held_captions_dropped(html: str, held: Callable[[str], bool]) -> str:
    """`html` without each figure caption whose words (entities read) `held` says name a held
    file: the whole caption, one inside it too (`caption_spans`), as the page, the feeds and
    Zalo leave it out."""
    kept, at = [], 0
    for start, words, words_end, end in caption_spans(html):
        if held(unescape(caption_named(html[words:words_end]))):
            kept.append(html[at:start])
            at = end
    return "".join(kept) + html[at:] if kept else html


_SCOPED = re.compile(
    r"figcaption|figure|table|caption|tbody|thead|tfoot|tr|td|th|address|article|aside"
    r"|blockquote|center|details|dialog|dir|div|dl|dd|dt|fieldset|footer|h[1-6]|header|hgroup"
    r"|li|listing|main|menu|nav|ol|pre|search|section|summary|ul|applet|marquee|object|template"
)
"""What opens or ends a caption, an element a caption may be in whose end ends it (a block, a
list's item, a table's cell), or one past which an end tag does not reach (a table, a cell):
the elements `caption_spans` reads, as the HTML parser's tree builder does."""
_ATTRIBUTES = r"(?:\"[^\"]*\"|'[^']*'|[^'\">])*>"
"""The rest of a tag after its name, read whole: a `>` or tag in a quoted value is the value's."""
_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)"
    rf"|<(?P<raw>script|style|xmp|title|iframe|noembed|noframes|noscript|textarea)\b{_ATTRIBUTES}"
    r".*?(?:</(?P=raw)\s*>|\Z)"
    r"|<plaintext\b.*"
    # The parser ends a select left open where a table's part, or a field, starts or ends.
    rf"|<select\b{_ATTRIBUTES}.*?(?:</select\s*>|(?=</?(?:table|tbody|thead|tfoot|tr|td|th)\b"
    r"|<(?:input|keygen|textarea)\b)|\Z)"
    rf"|<(?P<slash>/?)(?P<name>[a-zA-Z][^\s/>]*){_ATTRIBUTES}",
    re.DOTALL | re.IGNORECASE,
)
"""A comment, or the inside of an element whose text is no markup (script, style, text area, …)
or of a select (to its end or the text's; a select's also to a table's part or a field: the
parser reads no tag in them that could end a caption), or a start or end tag read whole, with
its name: a tag typed in a quoted attribute («alt="</figcaption>"») is the value's."""
_TABLE_PARTS = frozenset({"caption", "tbody", "thead", "tfoot", "tr", "td", "th"})
"""What a table holds: its start tag ends an open cell and all opened in it."""
_CELLS = ("td", "th", "caption")
"""A table's parts whose words a caption may be in: the next part's start tag ends it."""
_SCOPE = ("table", "td", "th", "caption", "applet", "marquee", "object", "template")
"""What an end tag of a block, a figure or a caption does not reach past («has an element in
scope»): «</figcaption>» in a table the caption opened ends nothing."""
_REACH = {
    **dict.fromkeys(_TABLE_PARTS | {"table"}, ("table", "template")),
    "li": (*_SCOPE, "ol", "ul"),
}
"""What an end tag does not reach past, where not `_SCOPE` (a table's own parts: only another
table; a list's item: a list opened in it too)."""


def caption_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(start, words' start, words' end, end) of each figure caption in `text` not inside
    another, as a browser and the website's sanitiser end it: at its end tag, at the end of its
    figure or of a block, list item or table cell around it, or at the text's end; an inner
    figure's caption is in the outer one's words."""
    spans: list[tuple[int, int, int, int]] = []
    opened: list[tuple[str, int, int]] = []  # kind, start, end of each open element read
    # Where each kind is open in `opened`: each tag finds what it ends in one look (linear).
    where: dict[str, list[int]] = {}

    def top(kinds: tuple[str, ...]) -> int:
        """The position in `opened` of the last open element of one of `kinds`, else -1."""
        return max((where[kind][-1] for kind in kinds if where.get(kind)), default=-1)

    def ended(at: int, tag: re.Match[str], own: bool) -> None:
        """End what is open from the `at`-th on at `tag` (`own`: the end tag of the `at`-th)."""
        for index in range(len(opened) - 1, at - 1, -1):
            kind, start, words = opened[index]
            where[kind].pop()
            if kind == "figcaption":
                spans.append(
                    (start, words, tag.start(), tag.end() if own and index == at else tag.start())
                )
        del opened[at:]

    for tag in _TAG.finditer(text):
        name = (tag["name"] or "").lower()
        if _SCOPED.fullmatch(name) is None:
            continue  # a comment (nothing in it is a tag) or a tag it does not read
        kind = "h" if name[0] == "h" and name[1:].isdigit() else name
        if not tag["slash"]:
            if kind in _TABLE_PARTS:
                if not where.get("table"):
                    continue  # out of a table the parser ignores it
                # A cell's or row's start ends what was opened since the table, its part or
                # the open cell (the open cell too).
                context = top(("table", *_TABLE_PARTS))
                if opened[context][0] in _CELLS:
                    ended(context, tag, own=False)
                elif context + 1 < len(opened):
                    ended(context + 1, tag, own=False)
            opened.append((kind, tag.start(), tag.end()))
            where.setdefault(kind, []).append(len(opened) - 1)
            continue
        at = top((kind,))
        if at >= 0 and at >= top(_REACH.get(kind, _SCOPE)):
            ended(at, tag, own=True)
    spans += [
        (start, words, len(text), len(text))
        for kind, start, words in opened
        if kind == "figcaption"
    ]
    outermost: list[tuple[int, int, int, int]] = []
    for span in sorted(spans):
        if not outermost or span[0] >= outermost[-1][3]:
            outermost.append(span)
    return outermost


def captions(body: str, first_line: int) -> list[tuple[int, int, int, list[str]]]:
    """(start, end, line, names) of each figure caption typed as HTML in a body whose first line
    is `first_line` that names a content file or a page's address (names_in_title of its words,
    `caption_named`);
    captions shown as code are none."""
    if "<" not in body or (".md" not in body and DATED_PATH.search(body) is None):
        return []
    text = masked(body)
    line = LineCounter(text, first_line)
    return [
        (start, end, line(start), names)
        for start, words, words_end, end in caption_spans(text)
        if (names := names_in_title(caption_named(body[words:words_end])))
    ]


def _file_names(title: str) -> list[str]:
    """Each content file's name in `title`, in order, as one pass of a pattern would read them
    (a dated one from its date to its first «.md», spaces and all, else a run without spaces to
    its last «.md»), with a dated one's last word too; each found from the «.md» it ends at."""
    ends = [found.end() for found in _MD_END.finditer(title)]
    if not ends:
        return []
    stops = [stop.start() for stop in _NOT_IN_DATED.finditer(title)]
    dated = []
    for date in _DATE.finditer(title):
        first = bisect_left(ends, date.end() + 3)
        stop = bisect_left(stops, date.end())
        if first < len(ends) and (stop == len(stops) or ends[first] - 3 < stops[stop]):
            dated.append((date.start(), ends[first]))
    runs = [(run.start(), run.end()) for run in _RUN.finditer(title)]
    names: list[str] = []
    at = next_dated = next_run = 0
    while True:
        while next_dated < len(dated) and dated[next_dated][0] < at:
            next_dated += 1
        in_run: tuple[int, int] | None = None
        while next_run < len(runs):
            start, end = max(at, runs[next_run][0]), runs[next_run][1]
            last = bisect_right(ends, end) - 1
            if start < end and last >= 0 and ends[last] - 3 > start:
                in_run = (start, ends[last])
                break
            next_run += 1
        from_date = dated[next_dated] if next_dated < len(dated) else None
        found = (
            from_date
            if from_date is not None and (in_run is None or from_date[0] <= in_run[0])
            else in_run
        )
        if found is None:
            return names
        names.append(title[found[0] : found[1]])
        if " " in names[-1]:
            names.append(names[-1].rsplit(None, 1)[-1])
        at = found[1]


def _page_addresses(text: str) -> list[str]:
    """Each bulletin's page address in `text` («/2020/12/ten-bai/»), with the host and folders
    written before it («https://x.vn/congan/…»), each read back from its dated end once."""
    found = []
    starts = [run.start() for run in _IN_ADDRESS.finditer(text)]
    done = 0
    for tail in _DATED_TAIL.finditer(text):
        run_start = starts[bisect_right(starts, tail.start()) - 1] if starts else 0
        start = tail.start()
        floor = max(done, run_start)
        # Folders: each «/name» right before it.
        while True:
            slash = text.rfind("/", floor, start)
            if slash < 0 or slash == start - 1:
                break
            start = slash
        # A host: «//host», maybe after «http:» or «https:».
        if start - 1 >= floor and text[start - 1] == "/" and start < tail.start():
            start -= 1
            for scheme in ("https:", "http:"):
                if (
                    start - len(scheme) >= floor
                    and text[start - len(scheme) : start].lower() == scheme
                ):
                    start -= len(scheme)
                    break
        found.append(text[start : tail.end()])
        done = tail.end()
    return found


def titled_names(body: str, first_line: int) -> list[tuple[str, int, str]]:
    """Each name names_in_title finds in a title of a body whose first line is `first_line`,
    with its line and what has the title (`_titled`); titles shown as code are none."""
    if ".md" not in body and DATED_PATH.search(body) is None:
        return []
    text = masked(body)
    line = LineCounter(text, first_line)
    definitions = [found.start() for found in _DEFINITION.finditer(text)]
    return [
        (name, line(match.start()), _titled(text, match, definitions))
        for match in _TITLE.finditer(text)
        if ".md" in match[0] or DATED_PATH.search(match[0]) is not None
        for name in names_in_title(next(g for g in match.groups() if g is not None))
    ]


_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
"""The name of the HTML tag opening at a «<» («<img …» → img), whose title attribute it is."""
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]*\]:", re.MULTILINE)
"""A reference definition's start, «[r]:» opening a line: a title after it, on its line or the
next, is a link's («[r]: https://x.vn "…"»)."""


def _titled(text: str, match: re.Match[str], definitions: list[int]) -> str:
    """What the editor is told has the title `match` found in `text` (`definitions`: where each
    reference definition starts): «ảnh» for an image («<img title=…>», «![ảnh](a.jpg "…")»),
    «liên kết» for a link or a reference definition, «thẻ <abbr>» for another tag."""
    if match["attribute"] is not None or match["quoted"] is not None:
        tag = _TAG_NAME.match(text, text.rfind("<", 0, match.start()))
        name = tag[1].lower() if tag else "a"
        return {"a": "liên kết", "img": "ảnh"}.get(name, f"thẻ <{name}>")
    opening = text.rfind("](", 0, match.start())
    defined = bisect_left(definitions, match.start()) - 1
    if defined >= 0 and definitions[defined] > opening:
        return "liên kết"  # a definition's: any «](» before it is another link's or image's
    # «[words](» or «![words](» before the title: the «[» that opens the words, brackets paired.
    depth = 0
    for at in range(opening, -1, -1):
        depth += {"]": 1, "[": -1}.get(text[at], 0)
        if depth == 0:
            return "ảnh" if text[at - 1 : at] == "!" else "liên kết"
    return "liên kết"
