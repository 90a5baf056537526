"""Leftovers of text pasted from a PDF, Word, Facebook or an e-mail: mended, or told to the editor.

Three are mended at load, as nothing is lost: a link address Word put between its curly quotes
(`[x](“https://…”)` or `<a href=“https://…”>`, which the website and Zalo made a link to
«“https://…”», a page of our own site that does not exist) is read without them, with a note (see `unquote_links`); without a
word, a PDF's ligatures («ﬁ», «ﬂ», one
character the radio voice cannot read and the search does not match) become their letters, and
the tracking parameters Facebook, Zalo and Google add to a shared link («?fbclid=…»,
«&utm_source=…») are dropped from it (the page is the same; the reader is not tracked).


Each would reach every channel as typed, and none can be mended without guessing what the
editor meant: a word cut at a PDF's line end («lừa đ-» / «ảo»), a PDF's page number or header
(«Trang 3/5», «- 3 -»), a Word table pasted as Tab-separated text (one run-on line everywhere),
a paragraph indented with a Tab (a box of code on the website), Facebook's «Xem thêm» and an
e-mail's signature or quoted header. Each is a warning naming its line and what to change;
a body holding none of them is passed over by cheap searches.
"""

from __future__ import annotations

import re

from publish.fields import Collector
from publish.frontmatter import Parsed
from publish.markdown_code import masked
from publish.markdown_comments import prose
from publish.markdown_held import holder
from publish.markdown_pasted import bullet, sub_bullets
from publish.text import LineCounter, LinePattern, line_numbers

__all__ = ["check", "mend", "unquote_links"]

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
TRACKING = re.compile(r"(?:fbclid|gclid|dclid|msclkid|mibextid|igshid|zarsrc|utm_[a-z]+)=", re.I)
"""A query parameter that only tells a site where its visitor came from."""
_TRACKED = re.compile(r"(?<=[?&;])" + TRACKING.pattern + r"[^&#;\s]*(?:&|;(?=[^\s&#;=]+=))?", re.I)
"""A tracking parameter with its value (up to a «;», which may be the editor's text going on)
and the «&» joining the next, or the «;» when a parameter follows it («;id=3»)."""
_CUT = "\uffff"
"""Marks where a tracking parameter was cut out (a Unicode noncharacter: never in text)."""
_DANGLING = re.compile(rf"[&;]?{_CUT}+(?=;|$)|{_CUT}+")
"""A cut, with the «&» or «;» before it when nothing or a «;» follows it."""
_URL_CHARS = "[^\\s<>()\\[\\]\"'`«»“”‘’]"
_URL = re.compile(rf"https?://{_URL_CHARS}*[^\s<>()\[\]\"'`«»“”‘’.,;:!?]")
"""A link, without the quotes around it or the punctuation ending its sentence (as GitHub's
autolinks): «Trang «https://x.vn/a?utm_source=zalo», và» keeps its «»,»."""

_CURLY = "“”„‘’‚"
_QUOTED_LINK = re.compile(
    rf"(?:\]\(|^ {{0,3}}\[(?!\^)[^\]\n]+\]:)[ \t]*([{_CURLY}])([^\s{_CURLY}()<>]+)[{_CURLY}]"
    rf"(?=[ \t]*\)|[ \t]+[\"'(“‘]|[ \t]*$)",
    re.MULTILINE,
)
"""A link's address (inline, `[x](“https://…”)`, or a reference definition, `[x]: “https://…”`)
between Word's curly quotes, group 2 without them; a Markdown title after it keeps its place."""

_QUOTED_HREF = re.compile(
    rf"<a\s[^<>]*?\bhref[ \t]*=[ \t]*([{_CURLY}])([^\s{_CURLY}<>\"']+)[{_CURLY}](?=[\s/>])",
    re.IGNORECASE,
)
"""The same in a link written in HTML, `<a href=“https://…”>`: an HTML reader takes the curly
quotes for part of an unquoted address (group 2 is the address without them)."""

_CUT_WORD = re.compile(r"[^\W\d_]-\n[ \t]*[^\W\d_]")
_PUNCTUATION = '.,;:!?…)»”’"'
"""A word cut by a hyphen at a line end (told when the line after goes on in lower case)."""
_PAGE = LinePattern(
    r"[ \t]*(?:(?:Trang|Page)[ \t]+\d{1,4}(?:[ \t]*(?:/|trên|của|of)[ \t]*\d{1,4})?"
    r"|[-–—][ \t]*\d{1,4}[ \t]*[-–—])[ \t]*$",
    re.IGNORECASE,
)
"""A line that is only a page number or «Trang 3/5»."""
_LEFTOVERS = (
    r"Xem thêm|Thu gọn|See more|Xem bản dịch|See translation"
    r"|Sent from my \w+|Gửi từ \w+ của tôi|-{2,}[ \t]*(?:Original Message|Forwarded message"
    r"|Thư chuyển tiếp|Thư gốc)[ \t]*-*"
)
_MAIL_HEADERS = r"(?:From|Từ|Người gửi):[ \t]*\S+@\S+|.{0,200}@.{0,200}(?:wrote|đã viết):"
_LEFTOVER_LINE = r"[ \t]*(?:(?:…|\.\.\.)[ \t]*)?({})[ \t]*$"
_LEFTOVER = LinePattern(_LEFTOVER_LINE.format(f"{_LEFTOVERS}|{_MAIL_HEADERS}"), re.IGNORECASE)
"""A line Facebook or an e-mail program adds around the text: kept, readers see it."""
_LEFTOVER_NO_MAIL = LinePattern(_LEFTOVER_LINE.format(_LEFTOVERS), re.IGNORECASE)
"""The same in a body without «@», which each mail header needs: «.{0,200}@» read up to 200
characters of every line looking for one."""
LINES_LISTED = 10
"""How many lines one warning names; the count says how many more there are."""
_SIGNATURE = re.compile(r"^-- $", re.MULTILINE)
"""The line e-mail programs put above a signature."""
_TAB_CELLS = re.compile(r"\S *\t[ \t]*\S")
_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")


def mend(text: str) -> str:
    """`text` with ligatures spelt out and tracking parameters dropped from its links."""
    if "=" in text and TRACKING.search(text):  # few files: both are far cheaper than `_URL`
        text = _URL.sub(_untracked, text)
    if any(ligature in text for ligature in LIGATURES):  # faster than a search for the class
        for ligature, letters in LIGATURES.items():
            text = text.replace(ligature, letters)
    return text


def unquote_links(body: str) -> tuple[str, list[tuple[str, int]]]:
    """`body` with each link address Word put between curly quotes (see _QUOTED_LINK) read
    without them, and each address so read with its line in the body (0-based); code shows as
    typed, so its text is left as it is."""
    if not any(mark in body for mark in _CURLY):  # nearly every body: no curly quote at all
        return body, []
    shown = masked(body)
    found = sorted(
        [*_QUOTED_LINK.finditer(shown), *_QUOTED_HREF.finditer(shown)], key=lambda m: m.start()
    )
    if not found:
        return body, []
    parts, read, start, line_of = [], [], 0, LineCounter(body)
    for match in found:
        # Straight quotes in HTML, as the editor meant: an unquoted address ends at a space.
        address = f'"{match[2]}"' if match.re is _QUOTED_HREF else match[2]
        parts += [body[start : match.start(1)], address]
        read.append((match[2], line_of(match.start())))
        start = match.end()
    return "".join([*parts, body[start:]]), read


def _untracked(match: re.Match[str]) -> str:
    """The matched link without its tracking parameters (and without a «?», «&» or «;» left
    dangling); nothing else of it is dropped, and a link without them is left as typed."""
    url = match[0]
    base, mark, query = url.partition("?")
    if not mark:
        return url
    query, hash_mark, fragment = query.partition("#")
    marked = _TRACKED.sub(_CUT, "?" + query)[1:]
    if marked == query:
        return url
    # Only the «&» or «;» a cut left dangling goes: «?a=1&;b=2» typed so stays so.
    kept = _DANGLING.sub("", marked)
    if kept.startswith(";") and not query.startswith(";") and "=" not in kept:
        # «?fbclid=1;tiếp»: no parameter is left, so the editor's text goes on there (with a
        # parameter, «?fbclid=1;x&id=3», the rest is still the query).
        return base + kept + hash_mark + fragment
    return base + ("?" + kept if kept else "") + hash_mark + fragment


def check(col: Collector, parsed: Parsed) -> None:
    """A warning for each leftover of pasted text in the shown body (see the module)."""
    body = prose(parsed.body)  # comments are never shown; code shows as typed, «--» and all
    first = parsed.body_line
    if "-\n" in body:
        _cut_words(col, body, first)
    line = LineCounter(body, first)
    if pages := [(m[0].strip(), line(m.start())) for m in _PAGE.finditer(body)]:
        col.add(
            f"dòng «{pages[0][0]}» là số trang của văn bản PDF hay Word đã dán{_others(pages)}: "
            "người đọc thấy, người nghe đài nghe dòng này giữa bài",
            line=pages[0][1],
            hint="Xóa dòng này (và các dòng đầu trang, chân trang khác dán theo).",
            severity="warning",
        )
    line = LineCounter(body, first)
    found = (_LEFTOVER if "@" in body else _LEFTOVER_NO_MAIL).finditer(body)
    leftovers = [(m[0].strip(), line(m.start())) for m in found]
    for text, number in leftovers[:LINES_LISTED]:
        col.add(
            f"dòng «{text}» là phần thừa của bài Facebook/Zalo hay thư điện tử đã "
            "dán (nút «Xem thêm», chữ ký, dòng tiêu đề của thư gốc): đăng lên thì người đọc "
            "thấy nguyên dòng này",
            line=number,
            hint="Xóa dòng này; với thư điện tử, chỉ giữ phần nội dung cần đăng.",
            severity="warning",
        )
    _more(col, leftovers, "dòng thừa như vậy", "Xóa các dòng này.")
    if "-- " in body and (signature := _SIGNATURE.search(body)):
        col.add(
            "dòng «-- » mở đầu chữ ký thư điện tử: họ tên, chức vụ, số điện thoại bên dưới sẽ "
            "được đăng như nội dung bài",
            line=LineCounter(body, first)(signature.start()),
            hint="Xóa dòng «-- » và phần chữ ký bên dưới.",
            severity="warning",
        )
    if "\t" in body:
        _tab_tables(col, body, first)
    if "\n\t" in body or "\n    " in body or body.startswith(("\t", "    ")):
        _indented(col, body, first, parsed.body)


def _others(found: list[tuple[str, int]]) -> str:
    """The lines found after the first, which the warning's place names (empty when none)."""
    if len(found) == 1:
        return ""
    return f" (cả ở {line_numbers([line for _, line in found[1:]], LINES_LISTED - 1)})"


def _more(col: Collector, found: list[tuple[str, int]], what: str, hint: str) -> None:
    """One warning for the finds past the first LINES_LISTED (each of those has its own): a
    pasted book must not bury the other problems under thousands of lines."""
    rest = found[LINES_LISTED:]
    if rest:
        col.add(
            f"còn {len(rest):,} {what} nữa".replace(",", ".")
            + f", từ dòng {rest[0][1]}{_others(rest)}",
            line=rest[0][1],
            hint=hint,
            severity="warning",
        )


def _cut_words(col: Collector, body: str, first: int) -> None:
    """A warning for each word cut at a line end by a hyphen, as a PDF's lines are (the first
    LINES_LISTED; one more names the others)."""
    line = LineCounter(body, first)
    cut: list[tuple[str, int]] = []
    for match in _CUT_WORD.finditer(body):
        if not match[0][-1].islower():
            continue  # «Đội Tham mưu -» / «Công an huyện»: a dash, or a list under a line
        cut.append(("", line(match.start())))
        if len(cut) > LINES_LISTED:
            continue
        head = body[max(0, match.start() - 29) : match.start() + 1].split()[-1]
        tail = body[match.end() - 1 : match.end() + 29].split()[0].rstrip(_PUNCTUATION)
        joined = head + tail
        col.add(
            f"chữ bị ngắt ở cuối dòng bằng dấu gạch nối «{head}-» / «{tail}» (thường do "
            f"chép từ PDF): website và Zalo hiện, đài đọc thành «{head}- {tail}»",
            line=cut[-1][1],
            hint=f"Nối lại thành «{joined}»: xóa dấu - ở cuối dòng và chỗ xuống dòng; nếu dấu - "
            "là của từ (như «e-mail») thì chỉ xóa chỗ xuống dòng.",
            severity="warning",
        )
    _more(
        col,
        cut,
        "chữ bị ngắt ở cuối dòng bằng dấu gạch nối",
        "Nối lại từng chữ: xóa dấu - ở cuối dòng và chỗ xuống dòng.",
    )


def _tab_tables(col: Collector, body: str, first: int) -> None:
    """A warning for each run of two or more lines of Tab-separated cells (a Word table)."""
    lines = body.split("\n")
    subs = sub_bullets(lines)  # «o<Tab>…» under «•<Tab>…»: Word's list, not a table
    run = 0
    for i, line in enumerate([*lines, ""]):
        if (
            _TAB_CELLS.search(line.strip())
            and not _ITEM.match(line)
            and not bullet(lines, i)
            and i not in subs
        ):
            run += 1
            continue
        if run >= 2:
            col.add(
                f"{run} dòng có ô ngăn bằng ký tự Tab (bảng dán từ Word hay Excel): trên website, "
                "Zalo và đài, cả bảng thành một dòng chữ liền nhau",
                line=first + i - run,
                hint="Viết lại thành bảng Markdown, mỗi hàng một dòng, ô ngăn bằng dấu |, dòng "
                "thứ hai là | --- | --- |:\n      | Loại vụ việc | Số vụ |\n      | --- | --- |\n"
                "      | Lừa đảo | 12 |",
                severity="warning",
            )
        run = 0


def _holds(lines: list[str], i: int, subs: set[int]) -> bool:
    """Whether an indented paragraph after line `i` (and a blank line) goes on its block: a
    list item, one the website makes of a pasted bullet («• …», not a lone «👉 …», or Word's
    «o» under one: `subs`), a footnote or a definition, `i` itself or a line above it that the
    lines down to `i` go on (publish.markdown_held)."""

    def opens_item(at: int) -> bool:
        """Whether line `at` opens a list item, or a pasted bullet the website makes one."""
        return bool(_ITEM.match(lines[at]) or bullet(lines, at)) or at in subs

    return holder(lines, i, holds=opens_item) >= 0


def _indented(col: Collector, body: str, first: int, written: str) -> None:
    """A warning for a paragraph indented with a Tab or four spaces, which Markdown shows as
    code (a grey box of fixed-width text on the website), unless it goes on a list item.
    `written`: the body as typed, line for line with `body`, whose comments are blanked out
    (a line opening with a comment is not indented)."""
    found = []
    previous, blank = -1, ""  # the last line with text
    typed = written.split("\n")
    lines = body.split("\n")
    subs = sub_bullets(lines)
    for number, line in enumerate(lines):
        if not line.strip():
            blank = "\n"
            continue
        indented = line.startswith(("\t", "    ")) and typed[number].startswith(("\t", "    "))
        # Not a list item's second paragraph, nor the same indented block going on (asked only
        # of an indented line: `_holds` walks up the lines above).
        if indented and (
            previous < 0
            or (blank and not (lines[previous][:1] in "\t " or _holds(lines, previous, subs)))
        ):
            found.append(("", first + number))
        previous, blank = number, ""
    if found:
        col.add(
            "đoạn văn thụt đầu dòng bằng Tab hoặc 4 dấu cách (như trong Word)"
            f"{_others(found)}: Markdown hiểu là khối mã, website hiện thành khung chữ đơn cách, "
            "không tự xuống dòng",
            line=found[0][1],
            hint="Xóa Tab hoặc các dấu cách ở đầu dòng: đoạn văn trong Markdown không cần thụt "
            "đầu dòng. Muốn hiện đúng như gõ (mẫu tin nhắn, mã) thì đặt đoạn đó giữa hai dòng ```.",
            severity="warning",
        )
