"""Pass P1: Markdown/HTML structure → spoken paragraphs; non-spoken material dropped (R1)."""

from __future__ import annotations

import dataclasses
import html
import operator
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from publish.addresses import site_host
from publish.frontmatter import FrontMatterError, split
from publish.markdown_angles import (
    BLOCK_ELEMENTS,
    MARKDOWN_TAG,
    TAG_RE,
    angles_quoted,
    raw_blocks,
    raw_html_settled,
)
from publish.markdown_closing import COMMENT, markup
from publish.markdown_code import CODE_SPAN_RE, PM_FENCE_RE, fence_opens, fenced_blocks
from publish.markdown_comments import blanked, hidden_in_raw_blocks, shown_body, tails
from publish.markdown_escapes import ESCAPED
from publish.markdown_held import ends_lazy
from publish.markdown_lists import LIST_START
from publish.markdown_pasted import (
    BULLET_GLYPHS,
    NUMBERED,
    apart_under_runs,
    emoji_run_lines,
    ends_in_link,
    goes_on,
    pasted_item,
)
from publish.number_words import (
    ACCOUNT_DIGITS,
    NUMBER_ALONE,
    PASSPORT_ALONE,
    PRIVATE_LABEL_WORDS,
    STEP_ARROWS,
    label_ends,
    passport_label_ends,
)
from publish.radio.bait import bait_removed, in_scam_warning
from publish.radio.caps import CAPITAL_LETTERS
from publish.radio.clicks import POINTER, calls_to_click
from publish.radio.code_blocks import CODE_INDENT, indented_code_end, inner_pre_blanked
from publish.radio.codes import left_blank_at
from publish.radio.either_case import either_case
from publish.radio.flags import BLOCKING, WARNING, Context, Flag
from publish.radio.given_names import a_full_name, a_given_name, a_place_like_a_name
from publish.radio.lists import (
    ANNOUNCES,
    CONNECTORS,
    ENDS_SENTENCE,
    KEYCAP,
    LIST_LINE,
    NEST,
    SENTENCE_INSIDE,
    TRAILING_PAUSE,
    Entry,
    ends_in_connector,
    indent_of,
    is_ordered,
    mark_of,
    spoken,
)
from publish.radio.marks import Mark, is_marked_heading, opening_marks, short_heading
from publish.radio.measures import CHANGE_ARROWS, quantity_follows
from publish.radio.options import SpeakOptions
from publish.radio.pictographs import NO_PAUSE_AFTER
from publish.radio.place_kinds import FIRST_WORDS, KINDS_PATTERN, LETTERS, places_named
from publish.radio.qa import symbol_message
from publish.radio.tail import ends_before
from publish.radio.titles import FORMS_OF_ADDRESS
from publish.radio.unit_names import UNIT_OPENING, after_units_name
from publish.sanitize import strip_markup
from publish.text import folded_words, title_words

__all__ = [
    "PLACEHOLDER_FIRST",
    "PLACEHOLDER_LAST",
    "PSEUDO_HEADING_LEVEL",
    "Block",
    "Item",
    "byline",
    "marks_removed",
    "split_blocks",
    "strip_inline",
    "unspoken_removed",
]

PLACEHOLDER_FIRST, PLACEHOLDER_LAST = "\ue000", "\ue0ff"
"""Private-use characters that stand for protected spans (pronouncers) during the passes."""

Lines = tuple[tuple[int, str], ...]


@dataclass
class Item:
    """One unit read as a whole: a paragraph or one list item, with its source lines."""

    text: str
    lines: Lines
    list_item: bool = False
    cleaned: bool = False
    """Whether what is not read on air (R1.3, R1.4, tags, images) is already out of the text:
    a list's items are cleaned one by one before they are joined (`unspoken_removed`)."""
    flags: tuple[Flag, ...] = ()
    """What cleaning it found, told when the item is read (publish.radio.normalise)."""
    names: tuple[str, ...] = ()
    """The persons' names its list items open with («H. Thanh Tùng», publish.radio.lists):
    their initials are no place's prefix."""
    quoted: bool = False
    """Whether it is a blockquote's (`> …`): often an older notice quoted, whose dates may be
    another year's than the bulletin's (publish.radio.weekday_flags)."""


@dataclass
class Block:
    """A paragraph-level block: `body` (spoken), `heading`, or `cue` (kept verbatim, not read);
    a heading's level, also kept by a sub-heading read as a body block."""

    kind: str
    items: list[Item] = field(default_factory=list)
    level: int = 0
    repeats_title: bool = False
    """A heading repeating the bulletin's title, which is read from the front matter: never read
    again (`Context.title`)."""


_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*+(.*)$")
"""An ATX heading; `_heading_text` drops its closing `#`s, which a regex would do in cubic time.
No space is needed after the `#`s, as on the website (Python-Markdown); a line of hashtags only
is no heading (see publish.markdown_pasted)."""
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^\s*>\s?")
_TABLE_ROW = re.compile(r"^\s*\|.*\|")
_DEFINITION = re.compile(
    r"^\s*(?:\[\^[^\]]+\]:|\[[^\[\]]*\]:[ ]*\S+[ ]*(?:([\"'])(?:.*)\1[ ]*|\(.*\)[ ]*)?$)"
)
"""A footnote's definition (`[^1]: …`), or a link's (`[1]: https://…`, a title after it in
quotes or brackets allowed), as the website takes one (Python-Markdown), which shows neither
where it is typed. A label in brackets before words (`[Lưu ý]: Người dân …`) is no link's: the
website shows the line, which was dropped unread."""
_FENCE_OPEN = (
    "Khối mã mở bằng «{0}» không có dòng «{0}» nào đóng lại: website hiện dấu này và mọi dòng "
    "sau nó như chữ thường, không phải khung mã. Cách sửa: nếu là mã hay mẫu tin nhắn, thêm "
    "một dòng «{0}» ngay sau dòng cuối của nó; nếu không, xóa «{0}»."
)
_FENCE_WORDS = (
    "Sau dấu «{0}» mở khối mã chỉ được có tên một ngôn ngữ (như «{0}python»): có thêm chữ khác "
    "thì website không coi là khối mã, mà hiện dấu này và mọi dòng sau nó như chữ thường. Cách "
    "sửa: nếu là mã hay mẫu tin nhắn, để dòng này chỉ còn «{0}» và thêm một dòng «{0}» ngay sau "
    "dòng cuối của nó; nếu không, xóa «{0}»."
)
_FENCE_APART = (
    "Dấu «{0}» không sát lề trái (thụt vào, hay trong lời trích dẫn «>») thì không mở khối mã: "
    "website hiện dấu này và các dòng sau nó như chữ thường. Cách sửa: nếu là mã hay mẫu tin "
    "nhắn, viết «{0}» sát lề trái, ngoài lời trích dẫn, và thêm một dòng «{0}» như thế ngay sau "
    "dòng cuối của nó; nếu không, xóa «{0}»."
)
_FENCE_RUN = re.compile(r"\s*(`+|~+)")
"""A fence's marks opening a line, spaces before them."""
_UNDERLINE = re.compile(r"(?:=+|-+)[ ]*$")
"""A heading's underline as Python-Markdown finds one under the line a block opens with: at the
line's start, before it takes that line for a footnote's or a link's definition."""
_UNDERLINED_DEFINITION = (
    "Dòng «{line}» nằm ngay trên dòng «{under}»: website hiện cả dòng thành một tiêu đề mục, "
    "không coi là chú thích hay địa chỉ liên kết, nên chỗ dùng nó trong bài (như «[^1]», "
    "«[…][1]») cũng hiện nguyên văn. Cách sửa: thêm một dòng trống giữa hai dòng này, hoặc xóa "
    "dòng «{under}»."
)
_DEFINITION_OPEN = re.compile(r"^\s*\[[^\[\]]*\]:[ ]*$")
"""A link's label alone on its line (`[1]:`): a definition only when a lone address follows on
the next line (`_DEFINITION_ADDRESS`), as Python-Markdown reads it; `[Lưu ý]:` over a sentence
is the sentence's label, which the website shows."""
_DEFINITION_ADDRESS = re.compile(r"^[ ]*\S+[ ]*(?:([\"'])(?:.*)\1[ ]*|\(.*\)[ ]*)?$")
"""The next line of `_DEFINITION_OPEN` that makes it a definition: one address (a title after
it allowed)."""
_FOOTNOTE = re.compile(r"^ {0,3}\[\^[^\]]*\]:")
"""A footnote's definition, as the website finds one (Python-Markdown's footnotes)."""
_FOOTNOTE_ENDS = re.compile(r"^ {0,3}(?:>|\[\^[^\]]*\]:)")
"""A line that ends a footnote's lazily continued lines on the website besides those that end
any block's (publish.markdown_held.ends_lazy: a heading, a rule, a fence, a raw HTML block): a
quote, the next footnote."""
_FOOTNOTE_INNER_ENDS = re.compile(r"^ {0,3}(?:```|~~~|\[\^[^\]]*\]:)")
"""A line that ends the lazily continued lines of a footnote's later (indented) paragraph on
the website: a fence, the next footnote (a raw HTML block too); a heading, a quote or a rule
there is the footnote's."""
_CUE = re.compile(r"^\s*\[(?!\^)[^\[\]]+\]\s*$")
_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_ITALIC_LINE = re.compile(r"^\s*([*_])(?!\1).+(?<!\1)\1\s*$")
_WHOLE_EMPHASIS = re.compile(r"^\s*(\*\*|__)(?:(?!\1).)+\1\s*$")
_CAPTION = re.compile(r"^\s*+[*_]*+\s*+\(?+\s*+(?i:ảnh(?:\s++minh\s++h(?:oạ|ọa))?|nguồn)\s*+[:)]")
PSEUDO_HEADING_LEVEL = 7
"""Heading level given to an all-bold short paragraph (R1.2), below H1–H6."""
_HASHTAG_LINE = re.compile(r"^\s*(?:#\w+\s*)+$")
_HTML_TABLE = re.compile(r"^\s*<table", re.I)
_HTML_TABLE_END = re.compile(r"</table>", re.I)
_HTML_PRE = re.compile(r"^\s*<pre(?=[\s>]|$)", re.I)
_HTML_PRE_END = re.compile(r"</pre\s*>", re.I)
"""A raw `<pre>` block: code typed in HTML, not read as a fenced block is not (R1.7); its text
was read as a paragraph («<pre>x</pre>» → «X.») with no word to the editor."""
_RAW_BLOCKS = (
    (_HTML_TABLE, _HTML_TABLE_END, "một bảng"),
    (_HTML_PRE, _HTML_PRE_END, "một đoạn mã"),
)
"""Raw HTML blocks never read (R1.7): how each opens, how it ends, what the editor is told."""
_HTML_BLOCK = re.compile(
    r"<(?i:" + "|".join(sorted(BLOCK_ELEMENTS, key=len, reverse=True)) + r")(?=[\s/>]|$)"
)
"""A raw HTML block's opening tag at a line's start (Python-Markdown's block-level elements):
the website ends the paragraph above it, blank line or not (`Đoạn.\n<div>…</div>`)."""
_HTML_BLOCK_CLOSED = re.compile(r"</(?i:[a-z][a-z0-9]*)>\s*$")
"""A closing tag ending the raw block's line: the next line opens a paragraph on the website."""

_TLDS = "vn|com|net|org|info|ly|gl|io|me|co|cc|xyz|top|site|online|link|shop|club|biz|app"
"""Top-level domains of an address written without a scheme: the usual ones, and those of link
shorteners and throwaway scam sites (`bit.ly/abc` was read «bit.ly abc», unflagged)."""
_DATED_PATH = (
    r"(?<![\w/.:%-])(?:/[\w-]+)*?/\d{4}/\d{2}/"
    r"[\w-]*[^\W\d_][\w-]*(?:/(?:index\.html)?)?(?![\w/-])"
)
"""A bulletin's page address on this site without its host («/2020/12/ten-bai/», after the
site's folders «/congan/2020/12/ten-bai/»): an address as much as «https://…» is; read as
words it came out as a year, a month and the slug, a held bulletin's unflagged. Its last part
in any case, with marks or «_» («/2020/12/VU-AN-X», «/2020/12/vụ-án-x/»): the website takes
an address typed in capitals for the page of its slug (`_addresses` leaves out the one that
is no address, «Số: /2020/12/QĐ-UBND»). Under any number of folders (base_url may have four,
«/a/b/c/d/2020/12/ten-bai/» was read out): a path names no host, so it is never another
site's."""
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>()\[\]\"“”]+|(?<![\w@.])(?:[a-z0-9-]+\.)+"
    rf"(?:{_TLDS})(?:/[^\s<>()\[\]\"“”]*)?(?![\w@])|{_DATED_PATH}"
)
_ADDRESS_HOST = re.compile(r"(?i:https?://)?([^/?#:]+)")
"""The host a bare web address (`_URL`) names."""
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
"""An e-mail address, tried from the start of a run only: from each of its characters, each try
scanned to the `@` (quadratic on «a.ba.b…@»)."""
_LINK = re.compile(
    r"(?<!\\)\[([^\[\]]*)\]\(([^()\s]*(?:\([^()]*\))?[^()]*(?:\s(?:\"[^\"]*\"|'[^']*')\s*)?)\)"
    r"|(?<!\\)\[([^\[\]]+)\]\[[^\]]*\]"
)
"""A link or a reference link; `\\[` is a bracket the website shows, no link. A quoted title
may hold brackets of its own («"Mẫu [mới](2024)"»), as the website reads it."""
_CTA_START = re.compile(r"[\s*_]*(?i:xem thêm|xem chi tiết|xem tại)\b(\s*:)?")
"""A sentence that opens so sends the reader elsewhere; `Xem thêm:` heads a related article."""
_WEB_PLACE = re.compile(
    r"(?i:\b(?:website|trang|cổng thông tin|cổng dịch vụ|chuyên mục|mục|đường dẫn|đường link|"
    r"liên kết|link|fanpage|zalo|facebook|ứng dụng|bài viết|video|clip)\b|\b(?:tại|ở) đây\b)"
)
"""Where a `_CTA_START` sentence without a link sends the reader on the web: not on air."""
_PLACE = re.compile(
    r"(?i:\b(?:trụ sở|văn phòng|bộ phận (?:một cửa|tiếp dân)|nhà văn hóa|nhà văn hoá|hội trường|"
    rf"bảng tin|nơi niêm yết|ủy ban|uỷ ban|ubnd|công an (?:{KINDS_PATTERN}))\b)"
)
"""A place the listener can go to: a sentence sending them there is read."""
_THIS_PAGE = re.compile(r"(?i:\b(?:website|trang web|trang) này\b)")
""""This page": on air the listener has no page in front of them."""
_MAY_POINT = re.compile(either_case(("xem", "website", "trang")))
_ASIDE = re.compile(r"(?<!\])\([^()]*\)")
"""A bracketed aside, not the target of a Markdown link."""
"""In every text `_CTA_START` or `_THIS_PAGE` matches a sentence of."""
_CLAUSE_END = re.compile(r"[,;.!?](?=\s|$)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)")
_FEWEST_WORDS = 3
"""A start of sentence this short, with its clause about an address dropped, is no sentence."""
_LEAD_CLAUSE = re.compile(
    r"\W*(?i:trước khi|sau khi|khi|nếu|để|muốn|trong trường hợp|trường hợp|mặc dù|tuy|vì|do|"
    r"nhằm|ngoài ra|bên cạnh đó|đồng thời|theo đó|vì vậy|do đó|tại|theo|qua|trên)\b"
)
"""Words that open a clause leading into the main one: alone, it leaves the sentence unfinished."""
_CONNECTOR = re.compile(r"\s*(?i:hoặc|hay|và|rồi|nhưng|còn|cũng)\b")
"""Words that join a clause to the one before: the sentence cannot start with them."""
_ALTERNATIVE_AFTER = re.compile(r"\s*+,?+\s*+(?i:hoặc|hay|và)\s++(?=\w)")
"""After an address, the next way to reach the unit (`x@y.vn hoặc Zalo 0913…`): the address
goes with the connector, the alternative is read (R1.4)."""
_CHANNEL = re.compile(
    r"(?:(?i:qua)\s+)?(?:(?i:số|zalo|hotline|đường dây nóng|điện thoại|tổng đài)(?!\w)|SĐT|ĐT|\+?\d)"
)
"""Another way to reach the unit, named after the connector (`hoặc Zalo 0913…`, `và số …`):
anything else there (`và làm theo hướng dẫn`) is the next step, not an alternative."""
_IN_PERSON_WORDS = r"(?i:trực tiếp|tại trụ sở|tại cơ quan|tại bộ phận)(?!\w)"
_IN_PERSON = re.compile(_IN_PERSON_WORDS)
"""Going to the unit in person (`hoặc trực tiếp tại trụ sở Công an xã`): an alternative to the
address too, which the verb before the address leads into (`Gửi ý kiến trực tiếp …`)."""
_IN_PERSON_VERB = re.compile(
    r"(?i:nộp|mang|đem|xuất trình|đăng ký|khai báo|làm thủ tục)(?:\s+[^\W\d_]+){0,3}?\s+"
    + _IN_PERSON_WORDS
)
"""Going in person with a verb of its own (`hoặc nộp trực tiếp tại trụ sở`): it replaces the
whole way holding the address, as a contact verb does (`gửi hồ sơ qua email …` goes)."""
_VIA_BEFORE = re.compile(r"(?<!\w)(?i:qua|bằng|theo|về|tới|đến|vào)\s++$")
"""The preposition leading to the address (`gửi qua email …`): it goes with the address when
the alternative is in person (`gửi qua trực tiếp` is no Vietnamese)."""
_ALTERNATIVE_BEFORE = re.compile(r"(?:\s*,)?\s+(?i:hoặc)\s+[^\d,;.!?()]{0,80}$")
"""`Gọi 0913 hoặc gửi thư tới <address>`: the alternative with the address, from its `hoặc`."""
_ADDRESS_LABEL = re.compile(
    r"(?<!\w)(?i:(?:địa chỉ\s+)?(?:e-?mail|thư điện tử|hộp thư(?: điện tử)?|website|trang web|"
    r"địa chỉ))(?:\s+là)?\s*:?\s*$"
)
"""What names the address right before it (`gửi email: x@y.vn`): it goes with the address."""
_REACH = "gọi|liên hệ|liên lạc|nhắn|gửi|báo|trình báo|tố giác|phản ánh|truy cập"
"""Verbs of reaching the unit, shared by `_CONTACT_VERB` and `_ADDRESS_VERB`."""
_CONTACT_VERB = re.compile(rf"(?i:{_REACH}|đến|tới)(?!\w)")
"""A verb opening a way to reach the unit: an alternative starting so replaces the whole one
before it (`liên hệ qua email x@y.vn hoặc gọi 113` → `gọi 113`)."""
_ADDRESS_VERB = re.compile(
    rf"(?<!\w)(?i:{_REACH}|xem|tra cứu|theo dõi|nộp|đăng ký|khai báo|làm thủ tục)(?!\w)"
)
"""The verb of the alternative holding the address: where that alternative starts (`đến`,
`tới` there are prepositions: `gửi thư tới <address>`)."""
_WHERE_BEFORE = re.compile(
    r"(?<!\w)(?i:tại|ở|trên|qua|theo)(?:\s++(?i:địa chỉ|trang(?: web| thông tin điện tử)?|"
    r"website|cổng(?: thông tin)?))?\s*+:?\s*+$"
)
"""Where an address is said to be (`tại địa chỉ`, `trên trang`, `qua`): the phrase goes with it."""
_PURPOSE_AFTER = re.compile(r"\s++(?i:để|nhằm)\s++\w")
"""What the address is for, after it (`… để nộp hồ sơ`): the clause goes on without it."""
_DIGIT = re.compile(r"\d")
_CONTACT_NUMBER = re.compile(
    r"(?<![\d.,])(?:11[1-5]|1[89]00(?:[ .]?\d){4,6}|\+84(?:[ .\-]?\d){9,10}|0\d(?:[ .\-]?\d){7,10})"
    r"(?![\d]|[.,]\d)"
)
"""A number a listener can call (`113`, `1900 0368`, `0277 3610 113`): a sentence holding one is
not dropped with an address in it; a year or a count (`năm 2024`, `1.250 hồ sơ`) is no reason to
keep a fragment."""
_URL_HINT = re.compile(rf"://|www\.|\.(?:{_TLDS})|/\d{{4}}/\d{{2}}/")
"""In every `_URL` match: a scheme, `www.`, one of its top-level domains or a dated path."""
_SENTENCE_GAP = re.compile(r"(?<=[.!?;])\s+")
_UNEVEN_GAP = re.compile(r"[.!?;](?: \s|[^\S ])")
"""A `_SENTENCE_GAP` that is more than one space: without one, joining the sentences changes
nothing (a look-behind opening `_SENTENCE_GAP` is tried at every character)."""
_COMMENT_TYPED = re.compile(r"<!--(?:.*?(-->))?")
"""An HTML comment as typed, closed on its line (group 1) or left open; code and tags blanked."""
_COMMENT_OPENING = re.compile(r"<!--[^\n]{0,40}")
"""A `<!--` no `-->` closes, with what follows it on its line, for a flag's excerpt."""
_AUTOLINK = re.compile(r"<(?:(https?://[^>\s]+)|(?i:mailto:)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+))>")
"""A Markdown autolink, `<https://…>`, `<a@b.vn>` or `<mailto:a@b.vn>`: its address as written
bare, for R1.4 (as a tag, it went unflagged and left «Liên hệ:.»)."""
_BR = re.compile(r"<br\s*/?>", re.I)
_TAG = TAG_RE
_TAG_NAME = re.compile(r"</?[^\s/>]*")
"""A tag's `<` and name, as the browser reads them."""
_NOT_LINE_BREAK = re.compile(r"[^\n]")
_UNSEEN_TEXT = frozenset({"script", "style"})
"""Elements whose text no reader of the page sees (code, a style sheet)."""
_SHOWN_TAG = re.compile(r"""</?[A-Za-z](?>[^<>"']|"[^"]*"|'[^']*')*>""")
"""A `<…>` whose quoted values all close inside it: the page shows it whole as text when
`MARKDOWN_TAG` does not take it."""
_IMAGE = re.compile(r"(?<!\\)!\[[^\]]*\]\([^)]*\)")
_BRACKETED_LABEL = re.compile(r"(?<!\\)\[([^\W\d_][^\[\]\n\\]{0,40})\](?=:)")
"""A label in brackets before its colon (`[Lưu ý]: Người dân …`), which the website shows as
typed: read as the label alone («Lưu ý: …»), the brackets being no words."""
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_PHOTO_NOTE = re.compile(r"\(\s*(?i:ảnh(?:\s+minh\s+h(?:oạ|ọa))?)\s*(?::[^)]*)?\)")
_CODE_SPAN = re.compile(r"`([^`]*)`")
_ESCAPE_OR_CODE_SPAN = re.compile(r"\\[\s\S]|`[^`]*`")
"""A backslash escape or a code span, from the left: `\\`` is a backtick the website shows,
never one opening a code span (`\\`x\\``)."""
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_STAR_EMPHASIS = re.compile(r"\*(?<![\w*]\*)(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_UNDERSCORE_EMPHASIS = re.compile(r"_(?<![\w_]_)(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
"""Emphasis by one mark; the look-behind comes after the mark so that `re` skips to the marks."""
_FIRST_GROUP, _SECOND_GROUP = operator.itemgetter(1), operator.itemgetter(2)
"""`sub`'s replacement by a group, as `r"\\1"` (an unmatched group is None, which `sub` takes as
""): a template made `re` call Python for each text and expand it in Python for each match."""
_ESCAPE_FIRST = 0xE100
"""The first of the private-use characters that stand for escaped characters (`\\*`) while the
marks are taken off, past the pronouncers' placeholders."""
_ESCAPE_HIDDEN = re.compile("[\ue100-\ue17f]")
_TRAILING_HASHTAGS = re.compile(r"(?:\s*#\w+)+\s*$")
_HASHTAG_MARK = re.compile(r"(?<![\w&])#(?=\w)")
_LINE_BREAK = re.compile(r"\s*\n\s*")
_BLANKS = re.compile(r"[ \t]+")
_HARD_BREAK = re.compile(r"[^\s.!?:;,] {2,}$")
"""Two spaces or more ending a line of text: a hard line break (`<br />` on the website), where
it ends a sentence on air (after a stop or a comma it changes nothing a listener hears) when
the next line opens one (see `_broken_before`). Two spaces ending a line are invisible, and
common in text pasted from Word or Zalo: before a small letter the sentence goes on («đã bắt
giữ␠␠⏎đối tượng …»)."""
_LABEL = re.compile(r"[^\W\d_][^\n\d:.!?]{0,30}:(?!\d)")
"""`địa chỉ:`: a line's label; no time (`lúc 14:30`) and no number before its colon."""
_LABEL_WORDS = 5
"""The most words of a label (`số điện thoại liên hệ:`)."""
_NOT_IN_A_LABEL = frozenset({"các", "những", "và", "hoặc", "hay", "với", "cùng", "gồm", "là"})
_NOT_IN_A_LABEL |= {"sau", "như"}
"""Words that open or end a sentence's own words before a list (`các đối tượng gồm:`, `như
sau:`), never a label."""
_LAST_WORD = re.compile(r"(?<!\w)(\w+)[*_]*\s*$")
"""A line's last word; only from a word's start (tried from every letter of one long word, the
search was quadratic)."""
_LINKING_WORDS = frozenset(
    {"và", "hoặc", "hay", "khi", "của", "với", "cho", "để", "mà", "thì", "là", "nhưng", "nếu"}
    | {"vì", "do", "tại", "ở", "các", "những", "một", "rằng", "bởi", "nên", "từ", "đến", "gồm"}
)
"""Words that link to what follows: a line ending in one goes on past a hard line break
(«cho bà H. và␠␠⏎nói với nạn nhân: …»), even before a capital or a label."""
_MARKS_FIRST = re.compile(r"[\W_]*")
"""Marks opening a line (`**`, `“`, `- `) before its first word."""
_HARD_BREAKS = re.compile(r"(?<=[^\s.!?:;,]) {2,}\n")
"""`_HARD_BREAK` inside a text, with its line's end."""
_BREAK_WITHOUT_STOP = re.compile(r"(?<=[^\s.!?:;,])[ \t]*\n")
_BYLINE = re.compile(
    r"(?:^|(?<=[.!?”\"’)*_])(?>\s+)|(?i:<br\s*/?>)(?>\s*))(?P<mark>[*_]{0,2})\s*"
    r"(?P<label>(?:Tin|Bài)(?:(?:,| và|\s*[-–/]\s*)\s*ảnh)?|(?P<person>PV|BTV|CTV|PTV|"
    r"Phóng viên|Biên tập viên|Cộng tác viên|Phát thanh viên|Nhóm PV|Nhóm phóng viên))\s*:\s*"
    r"(?P<name>(?:[A-ZĐÂĂÊÔƠƯ]\.|[^\W\d_][^\s:.!?*_]*)(?: (?:[A-ZĐÂĂÊÔƠƯ]\.|[^\s:.!?*_]+)){0,7})"
    r"\.?\s*(?P=mark)$"
)
"""A byline ending a bulletin: "Tin: Thu Trang.", "*Bài và ảnh: Ngọc Hà*", "Tin: X. Thu Trang"
(a capital and its dot are an initial, not a sentence's end), at most 8 words; or a person's
credit, "PV: X. Thu Trang", "BTV: Hoàng Lan", whose words must all be a name's. The spaces
after a stop are taken whole (atomic): else each split of them with the `\\s*` after was tried
in turn, minutes for a paragraph of 200,000 spaces pasted from a justified PDF."""
_UNIT_AFTER_NAME = re.compile(r"\s[-–]\s|\(")
_BYLINE_TAIL = 200
"""How far from the end of a text a byline can start."""
_QUOTED_THEN_SPEAKER = re.compile(
    r"^(?P<words>[“\"][^“”\"]+[”\"])\s*(?:[—–-]{1,2}\s*)?(?P<who>[^\W\d_][^“”\"]*?)\s*\.?$"
)
"""`“…” Name, position.` or `“…” — Name, position`: a quotation, then who said it."""
_SAID_THEN_SPEAKER = re.compile(r"^(?P<words>.+\S)\s+[—–-]{1,2}\s+(?P<who>[^\W\d_][^—–]*?)\s*\.?$")
"""In a blockquote, `… — Name, position`: the words, then who said them after a dash."""
_SPEAKER_WORDS = 20
_SPEECH_VERB = re.compile(
    r"(?i:\b(?:cho biết|cho hay|nói|khẳng định|nhấn mạnh|chia sẻ|phát biểu|bày tỏ|tâm sự|"
    r"khuyến cáo|nhận định|thông tin|kể|trả lời)\b)"
)
_FIRST_WORD = re.compile(r"[^\W_]")
"""A line's first letter or digit, past its marks and quotes."""
_ADDRESS = re.compile(
    rf"(?:{FORMS_OF_ADDRESS}|Người dân|Đại diện|Trưởng|Phó|Giám đốc|Chủ tịch|Bí thư|"
    r"Đội trưởng|Cán bộ)\b"
)
"""A title or form of address a speaker's name starts with."""


def _flag_removed(ctx: Context, what: str, excerpt: str, line: int) -> None:
    """Report a table/code block that was removed (R1.7, Q8)."""
    ctx.flag(
        "R1.7",
        WARNING,
        f"Đã bỏ {what} khỏi kịch bản đọc; cần chuyển nội dung thành câu văn bằng tay.",
        excerpt,
        line,
    )


def _heading_text(rest: str) -> str:
    """A heading's text without the trailing spaces, closing `#`s and spaces before them."""
    return rest.rstrip().rstrip("#").rstrip()


def _is_pseudo_heading(text: str) -> bool:
    """R1.2: a short all-bold line without a final stop; a bold lead paragraph is still read."""
    if not _WHOLE_EMPHASIS.match(text):
        return False
    inner = text.strip().strip("*_").strip()
    return short_heading(inner)


def _speaker_first(text: str, *, quoted: bool) -> str:
    """A quotation followed by its speaker ("“…” — Đại tá X, Phó Giám đốc…", or in a blockquote
    "… — Ông Y, ấp Tân Hòa") is read speaker first: "Đại tá X, Phó Giám đốc…, cho biết: “…”".
    Read as written, the name came after the words with no verb, and listeners took the
    officer's words for the station's own. Anything else is left as it is."""
    found = _QUOTED_THEN_SPEAKER.match(text)
    if found is None and quoted:
        found = _SAID_THEN_SPEAKER.match(text)
    if found is None or not _is_speaker(found["who"]):
        return text
    words = found["words"].strip()
    if words[:1] in '“"' and words[-1:] in '”"':
        words = words[1:-1].strip()
    return f"{found['who'].strip()}, cho biết: “{words}”"


def _is_speaker(who: str) -> bool:
    """Whether an attribution names a person: a title or form of address first, or a name of
    capitalised words and then, after a comma, a position; never a sentence with a verb."""
    if len(who.split()) > _SPEAKER_WORDS or _SPEECH_VERB.search(who):
        return False
    if _ADDRESS.match(who) is not None:
        return True
    # "Nguyễn Văn Hùng, Trưởng Công an huyện": a name of capitalised words, a comma, a position.
    name, comma, position = who.partition(",")
    words = name.split()
    return (
        bool(comma and position.strip()) and len(words) >= 2 and all(w[0].isupper() for w in words)
    )


def _a_name(credit: str) -> bool:
    """Whether a person's credit names people («X. Thu Trang», «Thu Trang, Hoàng Lan»): every
    word before the unit (`- Công an xã`, `(Công an xã)`) opens with a capital, each name has
    two words or an initial, or is the credit's one word (`PV: Hùng.`), and no word is one a
    name never has (`PV: Xin Cảm Ơn Anh.`, `PTV: Chúc Quý Vị Ngủ Ngon.`, `PV: Vâng.`: last
    words of an interview, read on air)."""
    names = _UNIT_AFTER_NAME.split(credit, maxsplit=1)[0]
    words = names.split()
    if not all(word[0].isupper() for word in words):
        return False
    if any(word.strip(",").lower() in _NEVER_IN_A_NAME for word in words):
        return False
    if len(words) == 1:
        return words[0].isalpha() and words[0].lower() not in _REPLIES
    return all(
        len(name.split()) >= 2 or _INITIAL.match(name.strip())
        for name in names.split(",")
        if name.strip()
    )


_INITIAL = re.compile(r"[A-ZĐÂĂÊÔƠƯ]\.")
_NEVER_IN_A_NAME = frozenset(
    {"vâng", "dạ", "xin", "cảm", "cám", "ơn", "chúc", "chào", "thưa", "mời", "hẹn", "gặp"}
    | {"tạm", "biệt", "ngủ", "ngon", "rất", "nhiều"}
)
"""Words of a greeting, thanks or farewell that no Vietnamese name has."""
_REPLIES = frozenset(
    {"đúng", "không", "có", "rồi", "được", "ừ", "ừm", "à", "ạ", "thế", "vậy", "sao", "nhé"}
    | {"chưa", "xong", "hết", "tốt", "ok", "okay", "phải"}
)
"""One-word replies closing an interview (`PV: Đúng.`), not a reporter's one name; some are
a name's last word (`Nguyễn Văn Thế`), so only a credit of one word is checked against them."""


def _skip_front_matter(lines: list[str]) -> int:
    """Index of the first body line after a YAML front matter block, if any."""
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return i + 1
    return 0


class _Splitter:
    """Line-by-line block splitter keeping source line numbers."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.keycap_steps: frozenset[int] = frozenset()
        """Numbers of the lines opening with a keycap («1️⃣ …») next to another such line: a
        post's steps; one alone («5️⃣ phút nữa …») says its number."""
        self.apart: frozenset[int] = frozenset()
        """Numbers of the lines the website sets on a line of their own under a post's keycap
        steps (publish.markdown_pasted.apart_under_runs): the steps' list ends there."""
        self.step = False
        """Whether the last list item is a keycap step (`keycap_steps`)."""
        self.blocks: list[Block] = []
        self.current: list[tuple[int, str]] = []
        self.list_items: list[list[tuple[int, str]]] = []
        self.indents: list[int] = []
        """How far each list item's mark is indented: its level (publish.radio.lists)."""
        self.marks: list[tuple[str, int | None]] = []
        """Each list item's kind of mark and number (`mark_of`); ("", None) for a paragraph
        indented under an item after a blank line."""
        self.ordered = False
        """Whether the open list is numbered or lettered (`1.`, `a)`), not marked (`-`, `•`)."""
        self.gap = False
        """Whether a blank line follows the open list: the next item still belongs to it (a
        loose list, one list on the website), anything else ends it."""
        self.after_image = False
        self.after_html = False
        """Whether the line before was a raw HTML block closed on its own line (`<div>…</div>`)."""
        self.images: set[int] = set()
        """The lines holding an image alone (not read, R1.5)."""
        self.quoted = False
        """Whether the open paragraph is a blockquote (`> …`)."""
        self.list_quoted = False
        """Whether the open list opened in a blockquote (`> - …`): its items are quoted too."""
        self.pasted = False
        """Whether the last list item was pasted (`•`, `1)`): the website makes a capitalised
        line under it a paragraph unless it is the item wrapped."""
        self.later = ""
        """The line after the one being split (whether a pasted item goes on depends on it)."""
        self.earlier: str | None = None
        """The line before the one being split; None before the body's first."""
        self.underlined_told = False
        """Whether a definition over an underline was told (`_marked`): one flag holds the
        script, a bulletin of them needs no more."""
        self.typed: list[str] = []
        """The text's lines as typed, before comments and code inside a line were blanked out
        into spaces: whether a line is indented, as the website sees it (`<!-- x --># ` is no
        indented code)."""
        self.inner_pre: dict[int, str] = {}
        """The lines whose `<pre>` inside was blanked out (`inner_pre_blanked`), as typed: told
        as the splitter reaches them, in line order with the other code not read (R1.7)."""
        self.tails: dict[int, str] = {}
        """The lines (indices) where text follows a comment opening the line, and that text as
        the website reads it: a block of its own (publish.markdown_comments.tails)."""
        self.footnote = ""
        """Where the splitter is in a footnote (not read, R1.5): "" in none, "lazy" on the lines
        that go on its definition's, "gap" after a blank line in it, "inner" in a later paragraph
        indented under it (`_in_footnote`)."""
        self.definition_address = False
        """Whether the next line is the address of a link's definition whose label was alone on
        its line (`_DEFINITION_OPEN`): the website shows neither."""
        self.fenced: dict[int, int] | None = None
        """The fenced code blocks of the body, each opening line's index and its closing line's
        (publish.markdown_code.fenced_blocks): read once, at the first fence (`_closer`)."""
        self.fence_told = False
        """Whether a fence never closed was told (`_closer`)."""
        self.opening: tuple[Mark, ...] = ()
        """The capital marks the text's paragraphs open with (`opening_marks`): a lone one is a
        person's initial («T. Hùng khai nhận»), not a section's letter."""

    def end_paragraph(self) -> None:
        """Close the open paragraph or list into a block."""
        quoted, self.quoted = self.quoted, False
        if self.current:
            lines = tuple(self.current)
            while not quoted and len(lines) > 1 and self._heading_line(lines[0][1], lines[1][1]):
                # «I. TÌNH HÌNH CHUNG» typed with no blank line before its text: the website
                # joins them, a presenter reads the heading and then the text.
                heading = lines[0][1].strip()
                self.blocks.append(
                    Block("body", [Item(heading, lines[:1])], level=PSEUDO_HEADING_LEVEL)
                )
                lines = lines[1:]
            text = _speaker_first(_joined(lines, runs=not quoted), quoted=quoted)
            if _is_pseudo_heading(text):
                self.blocks.append(
                    Block("heading", [Item(text, lines, quoted=quoted)], level=PSEUDO_HEADING_LEVEL)
                )
            elif (
                not quoted
                and self.ctx.sections
                and is_marked_heading(text, self.opening)
                # «V. Hùng» over its unit's line is a byline, not «Phần năm: Hùng Công an xã»
                and is_marked_heading(lines[0][1].strip(), self.opening)
            ):
                # «I. TÌNH HÌNH CHUNG» pasted from a report: read as a sub-heading, never the
                # title (a section of the bulletin, not its headline).
                level = PSEUDO_HEADING_LEVEL
                self.blocks.append(Block("body", [Item(text, lines)], level=level))
            else:
                self.blocks.append(Block("body", [Item(text, lines, quoted=quoted)]))
        if self.list_items:
            entries: list[Entry] = []
            flags: list[Flag] = []
            for indent, (kind, number), item in zip(
                self.indents, self.marks, self.list_items, strict=True
            ):
                joined = _joined(item, runs=not self.list_quoted)
                text, found = _cleaned(joined, tuple(item), self.ctx)
                entries.append(Entry(indent, text, tuple(item), kind or "-", number, not kind))
                flags += found
            units = spoken(entries)
            items = [
                Item(
                    text,
                    lines,
                    list_item=True,
                    cleaned=True,
                    flags=tuple(flags) * (i == 0),
                    names=names,
                    quoted=self.list_quoted,
                )
                for i, (text, lines, names) in enumerate(units)
            ]
            if items:
                self.blocks.append(Block("body", items))
            elif flags:  # nothing left to read: the flags are told all the same
                self.blocks.append(Block("body", [Item("", (), cleaned=True, flags=tuple(flags))]))
        self.current, self.list_items, self.indents, self.marks = [], [], [], []
        self.gap = self.list_quoted = False

    def _heading_line(self, line: str, after: str) -> bool:
        """Whether a paragraph's first line is a report's section heading (as a line of its
        own would be) with the text after it starting a sentence: a line in capitals («I.
        TÌNH HÌNH CHUNG») before one that is not, or one with no comma before a capital
        («B. Kết quả» / «Trong tuần…»); never a sentence wrapped onto a name («I. Trong
        tuần, Công an xã» / «Tân Bình …»)."""
        if not self.ctx.sections or not is_marked_heading(line.strip(), self.opening):
            return False
        if line.upper() == line:
            return after.upper() != after  # «I. TÌNH HÌNH» / «CHUNG»: the heading goes on
        opening = _FIRST_WORD.search(after)
        return "," not in line and opening is not None and not opening[0].islower()

    def feed(self, lines: list[str], start: int) -> None:
        """Split `lines[start:]` into blocks."""
        self.keycap_steps = _keycap_steps(lines)
        if self.keycap_steps:
            self.apart = frozenset(at + 1 for at in apart_under_runs(lines))
        i = start
        while i < len(lines):
            number, line = i + 1, lines[i]
            i += 1
            if self.inner_pre and number in self.inner_pre:
                _flag_removed(self.ctx, "một đoạn mã", self.inner_pre.pop(number), number)
            apart = bool(self.tails) and (i - 1) in self.tails
            if apart:
                # `Câu.\n<!-- x -->    Hai.`: the comment is a block on the website, and what
                # follows it on its line opens the next one (here code), spaces kept.
                self.end_paragraph()
                line = lines[i - 1] = self.typed[i - 1] = self.tails[i - 1]
            if self.footnote and self._in_footnote(
                lines, i - 1, (self.typed or lines)[i - 1], start
            ):
                continue
            plain = not line or _plain_line(line)  # no fence or table: skip their patterns
            if not plain and (opened := PM_FENCE_RE.match(line)):
                closer = self._closer(lines, i - 1, opened[1], start)
                if closer >= 0:
                    # Code on the website up to the same fence alone on its line (a longer
                    # one, `````, closes no ```` ``` ````): not read (R1.7).
                    self.end_paragraph()
                    i = closer + 1
                    _flag_removed(self.ctx, "một đoạn mã", line.strip(), number)
                    continue
                # Never closed: text on the website, the fence's marks and all; its words are
                # read in their paragraph, the marks not (`~~~` is no «khoảng»).
                line = line[opened.end() :]
                if not line.strip():
                    continue
                plain = _plain_line(line)
            if (
                not plain
                and (indented := _FENCE.match(line))
                and indent_of(line) < CODE_INDENT
                and not self._spanned(lines, i, indented[1])
            ):
                # One to three spaces in: no fence on the website, which shows it and the lines
                # after it as text. The radio dropped them as code to the next fence or to the
                # end of the bulletin, a warning at most: read now, the marks not, and held.
                self._fence_shown(line, number)
                line = _FENCE_RUN.sub("", line, count=1)
                if not line.strip():
                    continue
                plain = _plain_line(line)
            if not plain and _FENCE.match(line):
                # Indented as code, or closed in the paragraph (a code span on the website).
                self.end_paragraph()
                fence = _FENCE.match(line)[1]  # type: ignore[index]
                while i < len(lines) and not lines[i].strip().startswith(fence):
                    i += 1
                i += 1
                _flag_removed(self.ctx, "một đoạn mã", line.strip(), number)
                continue
            if not plain and "<" in line and (raw := _raw_block(line)) is not None:
                end, what = raw
                self.end_paragraph()
                while i < len(lines) and not end.search(lines[i - 1]):
                    i += 1
                _flag_removed(self.ctx, what, line.strip(), number)
                continue
            if not plain and _TABLE_ROW.match(line):
                self.end_paragraph()
                while i < len(lines) and _TABLE_ROW.match(lines[i]):
                    i += 1
                _flag_removed(self.ctx, "một bảng", line.strip(), number)
                continue
            if (
                line.startswith(" ")
                and not self.list_items
                and (past := indented_code_end(self.typed or lines, i - 1, start, apart=apart)) >= i
            ):
                # Indented four spaces after a blank line, outside a list: code on the
                # website, as a fence makes it; it was read as a paragraph.
                self.end_paragraph()
                i = past
                _flag_removed(self.ctx, "một đoạn mã", line.strip(), number)
                continue
            self.later = lines[i] if i < len(lines) else ""
            self.earlier = lines[i - 2] if i - 2 >= start else None
            self.line(number, line)
        self.end_paragraph()
        for number, written in self.inner_pre.items():  # in a block skipped whole (a table)
            _flag_removed(self.ctx, "một đoạn mã", written, number)

    def _closer(self, lines: list[str], at: int, fence: str, start: int) -> int:
        """The line closing the fenced block line `at` opens on the website (`fence` at the
        line's start; the body from `start`), or -1 when it opens none: never closed, or words
        after the fence Python-Markdown takes for no language (`~~~ python thêm`). The website
        then shows the fence and every line after it as text, which the radio dropped as code
        to the end of the bulletin or to the next fence, a warning at most: flagged now (Q2),
        read as the website shows it."""
        closer = self._fenced(lines, start).get(at, -1)
        if closer < 0 and not self.fence_told:  # the first holds the script: the rest follow
            self.fence_told = True
            told = _FENCE_OPEN if fence_opens(lines[at], fence) else _FENCE_WORDS
            self.ctx.flag("Q2", BLOCKING, told.format(fence), lines[at].strip(), at + 1)
        return closer

    def _fenced(self, lines: list[str], start: int) -> dict[int, int]:
        """`fenced`, read at the first fence."""
        if self.fenced is None:
            self.fenced = {
                start + opened: start + closed
                for opened, closed in fenced_blocks(lines[start:]).items()
            }
        return self.fenced

    def _spanned(self, lines: list[str], at: int, fence: str) -> bool:
        """Whether a fence of backticks indented on the line before `at` is closed by the same
        fence opening a later line of its paragraph: a code span on the website (code)."""
        if fence[0] != "`":
            return False
        for later in lines[at:]:
            if not later.strip():
                return False
            if later.strip().startswith(fence):
                return True
        return False

    def _fence_shown(self, line: str, number: int) -> None:
        """Flag (Q2) a fence's marks the website shows as text where it opens no block
        (indented, in a quotation): the first such, which holds the script."""
        if not self.fence_told:
            self.fence_told = True
            fence = _FENCE_RUN.match(line)[1]  # type: ignore[index]
            self.ctx.flag("Q2", BLOCKING, _FENCE_APART.format(fence), line.strip(), number)

    def line(self, number: int, line: str) -> None:
        """Handle one ordinary line."""
        if self.definition_address:
            self.definition_address = False
            return
        was_after_image, self.after_image = self.after_image, False
        if not line.strip():
            if self.list_items and not self.current:
                self.gap = True
            else:
                self.end_paragraph()
            self.after_image = was_after_image
            return
        after_gap, self.gap = self.gap, False
        if after_gap and not self._next_item(line):
            self.end_paragraph()
        after_html, self.after_html = self.after_html, False
        if line.startswith("<") and _HTML_BLOCK.match(line):
            # A raw block right under a paragraph or a list is a block apart on the website,
            # which the radio read on as one paragraph («Đoạn. Khối.»).
            self.end_paragraph()
            self.after_html = bool(_HTML_BLOCK_CLOSED.search(line))
        elif after_html:
            self.end_paragraph()  # `<div>…</div>` then text on the next line: two blocks
        listed: re.Match[str] | None = None
        if not _plain_line(line):  # the usual line of a paragraph, which no line pattern matches
            if self._marked(number, line, was_after_image=was_after_image):
                return
            if not self.list_items and not self.quoted and _QUOTE.match(line):
                # A quotation starts here, right under a paragraph too: the website shows two
                # blocks («Đoạn.\n> Trích.»), which were read as one.
                self.end_paragraph()
                self.quoted = True
            line = _QUOTE.sub("", line)
            if self.quoted and line.lstrip().startswith("~~~"):
                # No fence in a quotation on the website, which shows `~~~` as text: not read
                # («khoảng»), and held, as a fence shown as text is.
                self._fence_shown(line, number)
                line = _FENCE_RUN.sub("", line, count=1)
                if not line.strip():
                    return
            if self.quoted and not line.strip() and not self.list_items:
                # `>` alone: the quotation's paragraphs are two on the website, which were
                # read as one sentence («Trích Đoạn hai»).
                self.end_paragraph()
                self.quoted = True
                return
            listed = LIST_LINE.match(line)
            if listed and number not in self.keycap_steps and KEYCAP.match(line.lstrip()):
                listed = None
        if listed:
            if self.current:
                quoted = self.quoted
                self.end_paragraph()
                self.quoted = quoted  # `> Trích:` then `> - …`: the list is in the quotation
            if not self.list_items:
                self.ordered = is_ordered(listed)
                self.list_quoted = self.quoted
            self.list_items.append([(number, listed[2])])
            self.indents.append(len(listed[1]))
            self.marks.append(mark_of(listed))
            self.pasted = line.lstrip()[0] in BULLET_GLYPHS or bool(NUMBERED.match(line))
            self.step = number in self.keycap_steps
        elif self.list_items and after_gap:
            # A paragraph indented under an item (`_next_item`): in that item, as on the website.
            self.list_items.append([(number, line)])
            self.indents.append(indent_of(line))
            self.marks.append(("", None))
        elif (
            self.list_items
            and self.pasted
            and not goes_on(self.list_items[-1][-1][1], line, self.later)
        ) or (self.list_items and self.step and number in self.apart):
            self.end_paragraph()  # pasted lines are paragraphs, as on the website and Zalo
            self.current.append((number, line))
        elif self.list_items:
            self.list_items[-1].append((number, line))  # continuation of the last item
        else:
            self.current.append((number, line))

    def _marked(self, number: int, line: str, *, was_after_image: bool) -> bool:
        """Handle a line that is a heading, a rule, a cue, an image or its caption, or other
        Markdown no paragraph holds; whether it was one."""
        if (heading := _HEADING.match(line)) and not _HASHTAG_LINE.match(line):
            self.end_paragraph()
            item = Item(_heading_text(heading[2]), ((number, line),))
            self.blocks.append(Block("heading", [item], level=len(heading[1])))
            return True
        if _SETEXT.match(line) and self.current and not short_heading(self.current[0][1].strip()):
            # An intro sentence over a separator typed as `---` is no title: it is read.
            self.end_paragraph()
            return True
        if _SETEXT.match(line) and len(self.current) == 1 and not self.list_items:
            (first_number, first), self.current = self.current[0], []
            level = 1 if line.strip().startswith("=") else 2
            item = Item(first.strip(), ((first_number, first),))
            self.blocks.append(Block("heading", [item], level=level))
            return True
        if (
            _DEFINITION.match(line)
            and _UNDERLINE.match(self.later)
            and not (self.current or self.list_items or self.quoted)
            and self._opens_block()
        ):
            # The website takes `[^1]: Chú.` over `---` for a heading, and shows «[^1]» in the
            # text as typed: no note, which the radio dropped unread as one. Read as the
            # website shows it (a heading, by `_SETEXT` on the next line), and held.
            if not self.underlined_told:
                self.underlined_told = True
                told = _UNDERLINED_DEFINITION.format(line=line.strip(), under=self.later.strip())
                self.ctx.flag("Q2", BLOCKING, told, line.strip(), number)
            return False
        if _RULE.match(line) or _DEFINITION.match(line) or _HASHTAG_LINE.match(line):
            self.end_paragraph()
            self.footnote = "lazy" if _FOOTNOTE.match(line) else ""
            return True
        if _DEFINITION_OPEN.match(line) and _DEFINITION_ADDRESS.match(self.later):
            self.end_paragraph()
            self.definition_address = True
            return True
        if _CUE.match(line) and not _LINK.search(line):
            self.end_paragraph()
            self.blocks.append(Block("cue", [Item(line.strip(), ((number, line),))]))
            return True
        if _IMAGE_LINE.match(line):
            self.end_paragraph()
            self.after_image = True
            self.images.add(number)
            return True
        # R1.5: a photo caption or source line, not read
        return bool((was_after_image and _ITALIC_LINE.match(line)) or _CAPTION.match(line))

    def _opens_block(self) -> bool:
        """Whether the line being split opens a block of Python-Markdown's, the only line it may
        take for a heading's over an underline: the body's first, or one after a blank line, a
        heading (`#`, underlined) or a rule, which the website splits a block at. Under another
        line (`[^1]: A.` over `[^2]: B.`) the rule under it cuts the block, no heading made."""
        earlier = self.earlier
        if earlier is None or not earlier.strip():
            return True
        if _HEADING.match(earlier):
            return not _HASHTAG_LINE.match(earlier)
        return bool(_RULE.match(earlier) or _SETEXT.match(earlier))

    def _in_footnote(self, lines: list[str], at: int, typed: str, start: int) -> bool:
        """Whether line `at` after a footnote's definition is the footnote's, as on the website,
        which shows it under the footnote: the lines right under the definition up to a blank
        line or one that opens a heading, a rule, a quote, a fence, a raw HTML block (at the
        line's start: indented, the footnote takes it in), a list or the next footnote, and
        after a blank line each block that opens indented by four spaces (`    Hai.`, the
        footnote's next paragraph), whose lines up to a blank one (or a fence, a raw HTML
        block, a list, the next footnote) are all the footnote's. Two blank lines in a row end
        it (what follows, indented, is the body's code). Its first paragraph was dropped, these
        were read. A fence that opens no block on the website (never closed, indented, words
        after it) is text there: the footnote goes on over it."""
        line = lines[at]
        if not line.strip():
            if self.footnote == "gap":
                self.footnote = ""
                return False
            self.footnote = "gap"
            return True
        if self.footnote == "gap":
            if indent_of(typed) < CODE_INDENT:
                self.footnote = ""
                return False
            self.footnote = "inner"
            return True
        if _FENCE.match(line) and at not in self._fenced(lines, start):
            return True
        if self.footnote == "inner":
            ends = _FOOTNOTE_INNER_ENDS.match(line) is not None or bool(_HTML_BLOCK.match(line))
        else:
            # A line of hashtags goes on: the website shows it as text, no heading.
            ends = _FOOTNOTE_ENDS.match(line) is not None or ends_lazy(line)
        # The website puts a blank line before a list typed right under text (publish.
        # markdown_lists), a pasted bullet made an item first: the list is the body's, which
        # the radio dropped unread as the footnote's.
        if ends or LIST_START.match(line) or pasted_item(lines, at):
            self.footnote = ""
            return False
        return True

    def _next_item(self, line: str) -> bool:
        """Whether a line after a blank one in a list goes on it, as on the website: an item of
        the same kind (marks or numbers) as the list's first (another kind is another list), or
        a sub-item or paragraph indented NEST columns past the list's items (`    Lưu ý …`)."""
        line = _QUOTE.sub("", line)
        listed = LIST_LINE.match(line)
        nested = indent_of(line) >= self.indents[0] // NEST * NEST + NEST
        return nested or (listed is not None and is_ordered(listed) == self.ordered)


def _keycap_steps(lines: list[str]) -> frozenset[int]:
    """The numbers of the lines opening with a keycap and a space next to another such line,
    blank lines between them or not (see _Splitter.keycap_steps)."""
    text = "".join(lines)
    if "\u20e3" not in text and "\U0001f51f" not in text:
        return frozenset()
    # As the splitter reads them: a quotation's «>» taken off.
    lines = [_QUOTE.sub("", line) if line.lstrip().startswith(">") else line for line in lines]
    written = [at for at, line in enumerate(lines) if line.strip()]
    led = [
        bool(KEYCAP.match(lines[at].lstrip())) and bool(LIST_LINE.match(lines[at]))
        for at in written
    ]
    return frozenset(
        written[n] + 1
        for n, lead in enumerate(led)
        if lead and ((n > 0 and led[n - 1]) or (n + 1 < len(led) and led[n + 1]))
    )


def _plain_line(line: str) -> bool:
    """Whether a line opens with a letter that opens no Markdown (`#`, `>`, `-`, `1.`, `[`…),
    no lettered item (`a)`, `đ.`) and no photo caption («Ảnh:», «Nguồn:»): none of the line
    patterns can match it, and most lines are so."""
    first = line[:1]
    if not first.isalpha() or first in _CAPTION_FIRST:
        return False
    return first not in _ITEM_LETTERS or line[1:2] not in (".", ")")


_CAPTION_FIRST = "ẢảNn"
"""The letters a `_CAPTION` can open with («Ảnh», «nguồn»), in both cases."""
_ITEM_LETTERS = "abcdefghijklmnopqrstuvwxyzđ"
"""The letters that open a lettered list item (`LIST_LINE`: «a) », «đ. »)."""


def _joined(lines: Sequence[tuple[int, str]], *, runs: bool = True) -> str:
    """A paragraph's lines as one text; a Markdown hard line break (two spaces ending a line)
    kept as the `<br>` the website makes of it, which ends a sentence on air as a written
    `<br>` does (R1.8): the two sentences were run together («Câu một Câu hai.»). The line
    breaks the website puts in and under a run of emoji-led lines (publish.markdown_pasted; not
    in a quotation, `runs` false: the website's rule reads no line behind «>») are a pause
    within it, which the dropped emoji left none of before a number («Năm 2024 2025 tăng»),
    and a sentence's end under it."""
    last = len(lines) - 1
    within, ends = emoji_run_lines([text for _, text in lines]) if runs and last else ((), ())
    said: list[str] = []
    for i, (_, text) in enumerate(lines):
        line = text.strip()
        following = lines[i + 1][1] if i < last else ""
        if i < last and _link_before(text, following, said):
            # A stop, not a `<br>` (a newline until the stop is added): the sentence dropped
            # for its link (R1.3) is found by its stop, and took the next line with it.
            line += "."
        elif i < last and (i in ends or _broken_before(text, following)):
            line += "<br>"
        elif i in within and not line.endswith(_RUN_PAUSES):
            line += ","
        said.append(line)
    return " ".join(said)


_RUN_PAUSES = tuple(".,;:!?…")
"""Marks ending a line of an emoji run that already pause there."""


def _link_before(line: str, following: str, said: Sequence[str]) -> bool:
    """Whether `line` ends with a link, no stop after it, above a line that opens a sentence (a
    capital, after any marks): the link's sentence ends with its line. Read on, the sentence
    dropped for its link (R1.3) took the next with it («Xem hướng dẫn tại [đây](…)» / «Mọi
    thắc mắc xin gọi 113.»: the hotline never said), though the website and Zalo show it. Only
    a sentence dropped so: a link read on air («Theo [Báo Công an](…)» / «Công an huyện …»,
    «Liên hệ [Công an xã](…)» / «Tân Hòa …») carries its sentence on past a capital. The
    sentence may begin on a line `said` before («… xem thêm hướng dẫn» / «trên [Cổng …](…)»)."""
    if "](" not in line or not ends_in_link(line):
        return False
    start = _MARKS_FIRST.sub("", following, count=1)
    if not start[:1].isupper():
        return False
    return calls_to_click(_LAST_SENTENCE.split(" ".join([*said, line.strip()]))[-1])


_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+")
"""Where a line's sentences part: the link's own is the last."""


def _broken_before(line: str, following: str) -> bool:
    """Whether `line` ends in a hard line break that ends its sentence before `following`: one
    that opens with a capital, a digit or a label («địa chỉ:»), after any marks."""
    if not line.endswith("  ") or not _HARD_BREAK.search(line):  # `_HARD_BREAK` ends so
        return False
    start = _MARKS_FIRST.sub("", following, count=1)
    last = _LAST_WORD.search(line)
    # Case counts: «Từ», «Do» ending a line are names («Nguyễn Văn Từ»), not «từ», «do».
    if last and last[1] in _LINKING_WORDS and not _fields(line, start):
        return False
    return bool(start) and (start[0].isupper() or start[0].isdigit() or _a_label(start))


def _fields(line: str, start: str) -> bool:
    """Whether a line and the next (`start`, past its marks) are fields of a form: the next
    opens with a label in capitals («Địa chỉ:»), or with one in small letters after a line
    that is a label and its value itself («Số người chết: một»)."""
    if not _a_label(start):
        return False
    return start[0].isupper() or _a_label(_MARKS_FIRST.sub("", line, count=1))


def _a_label(line: str) -> bool:
    """Whether a line opens with a label in small letters (`điện thoại: 0913…`), not with the
    words of a sentence going on (`lúc 14:30`, `các đối tượng gồm: …`)."""
    label = _LABEL.match(line)
    if label is None:
        return False
    words = label[0][:-1].lower().split()
    return (
        0 < len(words) <= _LABEL_WORDS
        and words[0] not in _NOT_IN_A_LABEL
        and words[-1] not in _NOT_IN_A_LABEL
    )


def split_blocks(markdown_text: str, ctx: Context) -> list[Block]:
    """Split a bulletin (front matter allowed) into headings, spoken paragraphs and cue lines."""
    return _split(markdown_text, ctx)[0]


def byline(
    markdown_text: str, *, author: str = "", unit_name: str = "", places: Sequence[str] = ()
) -> str:
    """The byline that ends a bulletin ("Tin: Thu Trang", or the front matter's `author` alone),
    which is not read but shown in the item's header; "" when there is none. The unit's place
    (`unit_name`) and site.toml's `places` alone on the last line are read, no byline."""
    tail = _HARD_BREAKS.sub("<br>", markdown_text[-_BYLINE_TAIL:].rstrip())
    last = tail.rpartition("\n")[2].strip()
    if (
        not _BYLINE.search(tail)
        and not _BARE_NAME.match(last)
        and not _INITIAL_NAME.match(last)
        and not _CREDIT_ALONE.fullmatch(last)
    ):
        return ""  # the usual case, told without splitting the text
    options = SpeakOptions(unit_name=unit_name, places=tuple(places))
    return _credited(markdown_text, Context(options, {}, author=author))[1]


def _split(markdown_text: str, ctx: Context) -> tuple[list[Block], str]:
    """The blocks of `split_blocks`, and the byline taken off the end of the last paragraph."""
    blocks, credit, images = _credited(markdown_text, ctx)
    removed = {f.line for f in ctx.flags if f.code == "R1.7" and f.line is not None}
    blocks = _join_announced(blocks, ctx, removed, images)
    blocks = _without_table_intros(blocks, removed | images)
    blocks = _without_back_pointers(blocks, removed, ctx)
    return _without_empty_sections(blocks, removed), credit


def _credited(markdown_text: str, ctx: Context) -> tuple[list[Block], str, set[int]]:
    """The blocks as split, before what a table or photo not read leaves is tidied (`_split`),
    the byline taken off the end of the last paragraph, and the lines holding an image alone:
    all `byline` needs, which the rest of `_split` never changes."""
    lines = markdown_text.split("\n")
    first = _skip_front_matter(lines)
    splitter = _Splitter(ctx)
    raw: list[tuple[int, int]] | None = None
    """The raw HTML blocks of the body (publish.markdown_angles.raw_blocks), read once."""
    body = "\n".join(lines[first:]) if "<" in markdown_text else ""
    if "<!--" in markdown_text:
        splitter.typed = lines[:]
        splitter.tails = {first + line: tail for line, tail in tails(body).items()}
        body = _without_comments(body)
        raw = raw_blocks(body)
        shown = _hidden_in_raw_blocks(first, body, raw, splitter.typed, ctx)
        if shown != body:
            body, raw = shown, None  # what they hid holds no block: read again
        lines[first:] = body.split("\n")
    if "<" in markdown_text:
        raw = raw_blocks(body) if raw is None else raw
        # A lone «<Em>» in a raw HTML block is a tag on the website: not read as words; nor is
        # any other tag there, which the browser reads as Python-Markdown's inline pass may not.
        settled = _raw_tags_settled(raw_html_settled(body, raw), raw)
        # `<div><pre>…</pre></div>`: code on the website, where no line opens with `<pre>`.
        blanked, inner = inner_pre_blanked(settled)
        if blanked != body:
            splitter.typed = splitter.typed or lines[:]
            lines[first:] = blanked.split("\n")
        splitter.inner_pre = {first + number: written.strip() for number, written in inner}
    # Every line: a heading may open a paragraph or be typed with no blank line before its text.
    splitter.opening = opening_marks([line for line in lines[first:] if line.strip()])
    splitter.feed(lines, first)
    blocks = _title_repeat_marked(splitter.blocks, ctx.title)
    blocks = blocks if ctx.options.read_title else _sub_headings(blocks)
    credit = ""
    last = blocks[-1] if blocks else None
    if last is not None and last.kind == "body" and not last.items[-1].list_item:
        item = last.items[-1]
        found = _BYLINE.search(item.text.rstrip())
        if found is not None and found["person"] and not _a_name(found["name"]):
            found = None  # «PV: Xin cảm ơn anh.» closes an interview: it is read
        if found is not None:
            credit = f"{found['label']}: {found['name']}"
            rest = item.text[: found.start()].rstrip()
            if rest:
                last.items[-1] = Item(rest, item.lines, quoted=item.quoted)
            elif len(last.items) == 1:
                blocks.pop()
            else:
                last.items.pop()
        elif len(blocks) > 1 and len(last.items) == 1:
            author = ctx.author or _front_matter_author(lines, first)
            places = _known_places(markdown_text[len("\n".join(lines[:first])) :], ctx)
            name, guessed = _bare_name(item, author, ctx.options.unit_name, places)
            if name:
                credit = f"{_BARE_NAME_LABEL}: {name}"
                blocks.pop()
            if guessed:
                _flag_guessed_name(ctx, name, item)
    return blocks, credit, splitter.images


_BARE_NAME = re.compile(r"[*_]{0,2}(?P<name>[^\W\d_]+(?: [^\W\d_]+){1,3})\.?[*_]{0,2}")
"""A paragraph of two to four words and nothing else (`Thu Hà`, `*Nguyễn Thu Hà.*`)."""
_INITIAL_NAME = re.compile(
    r"[*_]{0,2}(?P<name>(?P<initial>[A-ZĐ])\. ?(?P<given>[^\W\d_]+(?: [^\W\d_]+)?))\.?[*_]{0,2}"
)
"""An initial and a given name alone (`V. Thanh Tùng`, `X. Thu Trang.`), as a writer signs."""
_SIGNED_WITH_UNIT = re.compile(
    rf"[*_]{{0,2}}(?P<rank>(?:{FORMS_OF_ADDRESS}) )?(?P<name>[^\W\d_]+\.?(?: [^\W\d_]+){{1,3}})"
    r"\s*+(?:[-–—,]|(?P<bracket>\())\s*+"
    rf"(?P<unit>(?:{UNIT_OPENING})(?P<rest>(?>(?:(?: +| *[,–—-] *)[^\W_]++)*)))"
    r"(?(bracket)\s*\))\.?[*_]{0,2}"
)
"""A name, a dash, a comma or a bracket, and the writer's unit, alone on the last line (`Thu Hà
- Công an xã Tân Phú`, `V. Hùng, Công an xã`, `Trần Văn Tú (Công an xã Tân Phú)`), a rank
before the name (`Thượng úy Trần Văn Tú - …`), the unit numbered or placed (`Công an phường 3`,
`Công an xã Tân Phú, huyện Châu Thành`): a signature when the name alone would be one and the
unit's words are a unit's name (`_a_signature_with_unit`)."""
_WRITERS_ROLES = frozenset(
    {"trực ban", "thực hiện", "tổng hợp", "biên tập", "phóng viên", "cộng tác viên"}
    | {"thông tin viên", "PV", "CTV"}
)
"""What a writer signs as after the unit's name («… - Công an xã Tân Phú trực ban»): any other
words after it make a sentence, read on air («… mong người dân hợp tác»)."""


def _a_signature_with_unit(rest: str) -> bool:
    """Whether a last line «Name - Unit …» is the writer's signature, `rest` the words after the
    unit's first word: nothing after the unit's name, or a writer's role («… - Công an xã Tân
    Phú trực ban»); other words after it make a sentence read on air, stop or none
    («Trần Văn Tú - Công an xã Tân Phú mong người dân hợp tác»)."""
    after = after_units_name(rest)
    return not after or " ".join(after) in _WRITERS_ROLES


_BARE_NAME_LABEL = "Tác giả"
_NOT_A_PERSON = frozenset(
    {"Công", "Ủy", "Uỷ", "Ban", "Đội", "Phòng", "Đồn", "Trạm"}
    | {word.capitalize() for word in FIRST_WORDS}  # «Huyện», «Thị», «Đặc»: a place's kind
    | {"Bộ", "Sở", "Cục", "Hội", "Đoàn", "Chi", "Trung", "Mặt", "Tòa", "Toà"}
    | {"Viện", "Trường", "Bệnh", "Ấp", "Thôn", "Xóm", "Khu", "Tổ", "Nhà"}
)
"""First words of a unit, a body or a place in title case («Ban Biên Tập», «Tổ Công Tác»): no
name."""


def _known_places(body: str, ctx: Context) -> frozenset[str]:
    """The places a last line alone may name, folded: those site.toml names (`places`) and those
    the bulletin writes after their kind («huyện Kim Sơn»)."""
    return frozenset(folded_words(p) for p in (*ctx.options.places, *places_named(body)))


_CREDIT_ALONE = re.compile(
    rf"[*_]{{0,2}}(?P<name>(?:[{CAPITAL_LETTERS}]\.){{1,3}}[{CAPITAL_LETTERS}]"
    r"|(?i:ban biên tập|nhóm phóng viên|phóng viên)"
    r"|BBT|PV|Nhóm PV)\.?[*_]{0,2}"
)
"""A credit that names no one, alone on a last line: initials (`N.T.H`, `N.T.H.`), «Ban Biên
tập», «BBT», «PV»: never words for the listener."""


def _bare_name(
    item: Item, author: str = "", unit_name: str = "", places: frozenset[str] = frozenset()
) -> tuple[str, bool]:
    """The person's name a bulletin's last paragraph is and nothing else, on one line of its
    own: with a front matter `author`, that name or its last words alone (`Thu Trang` for
    `Nguyễn Thu Trang`, bold or not); without one, a name opening with a common surname
    (`Nguyễn Thu Hà`) or two words of given name not in bold and with no stop (`Thu Hà`). ""
    for any other paragraph (`Cảnh Giác Lừa Đảo.`, `**Hãy Cảnh Giác.**`, `Cảnh Giác.`, `Sài
    Gòn`, `Văn Hóa Giao Thông.`), which is read. Also whether the name is only guessed, with no
    `author` to go by, which the editor is told (`_flag_guessed_name`). The place of the unit
    (`unit_name`: «Châu Thành» of «Công an huyện Châu Thành») is read as places are; so is two
    words of a given name with a stop only when they are no given name («Thu Hà.» is one)."""
    text = item.text.strip()
    if len(item.lines) == 1 and (credit := _CREDIT_ALONE.fullmatch(text)):
        return credit["name"], False
    if len(item.lines) == 1 and (initialled := _INITIAL_NAME.fullmatch(text)):
        return _initialled_name(initialled, author, places)
    signed = _SIGNED_WITH_UNIT.fullmatch(text) if len(item.lines) == 1 else None
    if signed is not None and _a_signature_with_unit(signed["rest"]):
        # «Thu Hà - Công an xã Tân Phú»: the writer's name and unit, a signature as the name is.
        name, guessed = _bare_name(Item(signed["name"], item.lines), author, unit_name, places)
        rank = signed["rank"] or ""
        return (f"{rank}{name} - {signed['unit']}", guessed) if name else ("", False)
    if author and len(item.lines) == 1 and _is_the_author(text, author):
        # «Tổ công tác số 3», «Phòng PV01»: a unit's name with its number is no person's name
        # `_BARE_NAME` knows, but it is the credit the front matter names (docs: «`author` là
        # tên đơn vị … thì chỉ cả tên ấy là dòng tác giả»).
        return text.strip("*_ ").rstrip("."), False
    found = _BARE_NAME.fullmatch(text)
    if found is None or len(item.lines) != 1:
        return "", False
    name = found["name"]
    if author:
        return (name, False) if _credits_author(name, author) else ("", False)
    words = name.split()
    if words[0] in _NOT_A_PERSON or any(w.lower() in _NEVER_IN_A_NAME for w in words):
        return "", False
    if not all(w[0].isupper() and w[1:].islower() for w in words):
        return "", False
    if a_place_like_a_name(name) or _the_units_place(name, unit_name):
        return "", False
    if folded_words(name) in places:
        return "", False  # «Kim Sơn.» where the bulletin says «huyện Kim Sơn»: the place
    if a_full_name(words):
        return name, True
    # «Cảnh Giác.»: a stop ends a two-word sentence read on air; a credit is written bare,
    # or with a stop after a given name's two words («Thu Hà.»), never to be read on air.
    # Bold words are said with weight, as a slogan is («**Minh Anh**» is read, as before).
    sentence = text.rstrip("*_").endswith(".")
    bold = text.startswith(("**", "__"))
    given = len(words) == 2 and not bold and (a_given_name(words) or not sentence)
    return (name, True) if given else ("", False)


_AREA_WORD = re.compile(rf"(?<!\w)(?i:{KINDS_PATTERN})\s+")


def _the_units_place(name: str, unit_name: str) -> bool:
    """Whether `name` is the place in the unit's name («Châu Thành» of «Công an huyện Châu
    Thành»): a place, read, where two title-case words were taken for a given name."""
    ends = [area.end() for area in _AREA_WORD.finditer(unit_name)]
    place = unit_name[ends[-1] :] if ends else ""
    return bool(place) and folded_words(place) == folded_words(name)


def _initialled_name(
    found: re.Match[str], author: str, places: frozenset[str] = frozenset()
) -> tuple[str, bool]:
    """`_bare_name` of an initial and a given name (`X. Thu Trang`): the writer's when the
    given name is the `author`'s last words or else a common given name (guessed, told);
    «X. Thu Trang» was read «Xã Thu Trang.», a commune, on air. Other words after a place's
    letter are a place's name (`H. Châu Thành`), read; so are given names that are a known
    place (`H. Kim Sơn` where the bulletin says «huyện Kim Sơn», or site.toml does)."""
    given = found["given"]
    if author and _credits_author(given, author):
        return found["name"], False
    if found["initial"] in LETTERS and folded_words(given) in places:
        return "", False
    return (found["name"], True) if a_given_name(given.split()) else ("", False)


def _is_the_author(text: str, author: str) -> bool:
    """Whether a last line, bold or not, with a stop or not, is the whole front matter `author`."""
    line = folded_words(text.strip("*_ ").rstrip(".").strip("*_ "))
    return bool(line) and line == folded_words(strip_markup(author))


def _credits_author(name: str, author: str) -> bool:
    """Whether `name` is the front matter's `author`, whole or by its last words (`Thu Trang`
    for `Nguyễn Thu Trang`): the writer's credit; any other name is words to read. A unit's
    name credits only whole: the last words of «Công an huyện Châu Thành» are its place."""
    written = strip_markup(author).split()
    said, credited = folded_words(name).split(), folded_words(" ".join(written)).split()
    if written and written[0] in _NOT_A_PERSON:
        return said == credited
    return bool(said) and credited[-len(said) :] == said


def _flag_guessed_name(ctx: Context, name: str, item: Item) -> None:
    """Tell the editor a last line taken for the writer's name with no `author` to go by: it
    is not read, and were it words for the listener («Cảnh Giác»), they would be lost unsaid."""
    line = item.lines[0][0] if item.lines else None
    stop = item.text.rstrip("*_ ").endswith(".")
    two = len(name.split()) == 2 and not stop
    to_read = f"thêm dấu chấm cuối dòng («{name}.») hoặc ghi" if two else "ghi"
    place = _PLACE_LETTER_NAME.fullmatch(name)
    if place is not None:
        kind = LETTERS[place[1]]
        to_read = f"viết đủ «{kind} {place[2]}» nếu là địa danh, hoặc ghi"
    ctx.flag(
        "R1.5",
        WARNING,
        f"Dòng cuối «{name}» được hiểu là tên người viết nên không đọc (hiện ở đầu tin: «"
        f"{_BARE_NAME_LABEL} (không đọc): {name}»). Cách sửa: nếu là lời cần đọc, {to_read} "
        "tên người viết ở trường author của bài (dòng cuối khác tên đó thì được "
        "đọc); nếu là tên người viết, ghi tên ấy ở trường author thì không còn cảnh báo này.",
        name,
        line,
    )


_PLACE_LETTER_NAME = re.compile(
    rf"({'|'.join(letter for letter in LETTERS if len(letter) == 1)})\. ?(.+)"
)
"""A place's one letter and a name (`H. Kim Sơn`), as a writer's initial is written."""


def _front_matter_author(lines: list[str], first: int) -> str:
    """The `author` a front matter before line `first` gives, read as the build reads it (YAML:
    quotes, a `# comment`; `tác_giả` is no `author` there either), or ""."""
    if first == 0:
        return ""
    try:
        author = split("\n".join(lines[:first]) + "\n").data.get("author")
    except FrontMatterError:
        return ""  # `publish check` tells the editor; the build reads no author then
    return author.strip() if isinstance(author, str) else ""


def _without_comments(body: str) -> str:
    """`body` with the HTML comments the website hides blanked out, line breaks kept: one that
    runs across a blank line was split into paragraphs and left its `-->` to be read out."""
    return shown_body(body)


def _hidden_in_raw_blocks(
    first: int, body: str, blocks: list[tuple[int, int]], typed: list[str], ctx: Context
) -> str:
    """`body` (the lines from `first`, their hidden comments blanked out) with what a comment
    in one of its raw HTML `blocks` hides on the website blanked out too (publish.
    markdown_comments.hidden_in_raw_blocks): up to its `-->` (in `typed`, the lines as written),
    or to the end of the bulletin, flagged (Q2) then. The radio dropped the rest of the block
    only, and read the paragraphs after it, which no reader of the page sees."""
    spans = hidden_in_raw_blocks(body, "\n".join(typed[first:]), blocks)
    for start, _end, closed in spans:
        if not closed:
            line = first + body.count("\n", 0, start) + 1
            _flag_comment_open(ctx, body[start:], in_block=True, line=line)
    return blanked(body, [(start, end) for start, end, _ in spans]) if spans else body


def _raw_tags_settled(body: str, blocks: list[tuple[int, int]]) -> str:
    """`body` with each tag in its raw HTML `blocks` that Python-Markdown's inline pass would
    not take for one (`<div a="1"b="2">`, attributes run together; `<b title=a<!--b>`) written
    as one it takes (`<div>`, spaces after it; lines kept): the browser reads it as a tag there
    (publish.markdown_closing.markup), so it is no sign the page shows. Elsewhere (a list item,
    a quotation) the page shows it as text, which `_tag_read` holds the script for: a block's
    tags are told apart where the block is found. The text of a `<script>` or a `<style>` there,
    which the page never shows and was read aloud, is blanked out too."""
    pieces: list[str] = []
    done = 0
    for start, end in blocks:
        unseen = -1  # where the text of a `<script>` or `<style>` opens: the page shows none
        for at, tag_end, name in markup(body, max(start, done)):
            if unseen >= 0:
                pieces += [body[done:unseen], _NOT_LINE_BREAK.sub(" ", body[unseen:at])]
                done, unseen = at, -1
            if at >= end or tag_end < 0:
                break
            tag = body[at:tag_end]
            if name != COMMENT and not MARKDOWN_TAG.fullmatch(tag):
                opening = _TAG_NAME.match(tag)[0] + ">"  # type: ignore[index]
                pieces += [body[done:at], opening, _NOT_LINE_BREAK.sub(" ", tag[len(opening) :])]
                done = tag_end
            if name in _UNSEEN_TEXT:
                unseen = tag_end
        if unseen >= 0 and unseen < end:  # never closed: the rest of the block
            pieces += [body[done:unseen], _NOT_LINE_BREAK.sub(" ", body[unseen:end])]
            done = end
    return "".join(pieces) + body[done:] if pieces else body


def _title_repeat_marked(blocks: list[Block], title: str) -> list[Block]:
    """`blocks` with the first heading that repeats `title` marked (`Block.repeats_title`): `#`,
    `##`, `===`/`---` underlined or a short bold line, told apart from the title by case,
    punctuation, marks or Unicode form only, or typed with no diacritic at all. Read first
    from the front matter, it was heard twice wherever it stood after the body's first text."""
    wanted = title_words(title) if title.strip() else ""
    folded_title = folded_words(strip_markup(title))
    for number, block in enumerate(blocks):
        if not wanted or block.kind != "heading":
            continue
        heading = block.items[0].text
        if title_words(heading) == wanted or (
            heading.isascii() and folded_words(strip_markup(heading)) == folded_title
        ):
            blocks = list(blocks)
            blocks[number] = dataclasses.replace(block, repeats_title=True)
            break
    return blocks


def _sub_headings(blocks: list[Block]) -> list[Block]:
    """Headings below the title become sentences read aloud: without them a list under
    "Dấu hiệu nhận biết …" starts cold. The title is an H1, or an H2 or bold line before any
    text (R1.1, R1.2), not one after text; every other heading is kept as a body block of its
    level."""
    result = []
    started = False
    for block in blocks:
        # An H1 after the body's first text is no title: the website shows it as a heading of
        # its section («#Cảnh báo lừa đảo» typed between paragraphs), so it is read as one.
        title = block.kind == "heading" and (
            block.repeats_title or (not started and block.level in (1, 2, PSEUDO_HEADING_LEVEL))
        )
        if block.kind == "heading" and not title:
            block = Block("body", block.items, level=block.level)
        started = started or block.kind != "cue"
        result.append(block)
    return result


def _without_empty_sections(blocks: list[Block], removed: set[int]) -> list[Block]:
    """`blocks` without a sub-heading whose section held only a table or code (not read,
    R1.7, at the `removed` lines): on air «Các chỉ tiêu chính.» was followed at once by «Một
    số kết quả nổi bật.». A sub-heading followed by nothing, or by another, is kept
    otherwise: it may carry what it says («## Đường dây nóng: 113»)."""
    if not removed:
        return blocks
    kept = []
    for number, block in enumerate(blocks):
        after = blocks[number + 1] if number + 1 < len(blocks) else None
        if (
            block.kind == "body"
            and block.level
            and (after is None or (after.kind == "body" and 0 < after.level <= block.level))
            and _any_between(removed, _first_line(block), _first_line(after))
        ):
            continue
        kept.append(block)
    return kept


_POINTS_DOWN = re.compile(
    r"(?i:(?:sau|dưới)\s+đây|như\s+sau|bên\s+dưới|(?:bảng|biểu)\s+(?:sau|dưới)|"
    r"(?<!\w)(?:cụ\s+thể|chi\s+tiết|sau)(?=[\s*_]*:)|(?<!\w)xem\s+(?:bảng|biểu))[\s*_]*[.:]?[\s*_]*$"
)
"""The end of a sentence that points at what follows it on the page («… như sau.», «… như
bảng dưới đây:», «…, cụ thể:», «…, chi tiết xem bảng:», «… các thủ đoạn sau:»). Another sentence ending in a colon says something of its
own («Số vụ giảm mạnh:»): it is read, ending in a full stop."""
_POINTER_LAST = re.compile(r"(?i:[yuiểtg])")
"""The last letters of `_POINTS_DOWN`'s words («đây», «sau», «dưới», «thể», «tiết», «bảng»,
«biểu»), in every case `re` matches them in."""


def _points_down(text: str) -> re.Match[str] | None:
    """`_POINTS_DOWN.search(text)`, searched for only when the text ends with a letter its words
    end with, before its closing spaces, marks and stop: tried at every character, the search
    took most of the time spent on a paragraph before a table."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in "*_"):
        end -= 1
    if end and text[end - 1] in ".:":
        end -= 1
        while end and (text[end - 1].isspace() or text[end - 1] in "*_"):
            end -= 1
    if not end or not _POINTER_LAST.fullmatch(text[end - 1]):
        return None
    return _POINTS_DOWN.search(text)


_POINTER_LEFTOVER = re.compile(
    r"(?:\s|[,:;–-]|(?<!\S)[*_]++|(?<!\w)(?i:cụ\s+thể|chi\s+tiết|như|theo|xem|ở|tại|trong|"
    r"bảng|biểu|(?:được\s+)?(?:thể\s+hiện|nêu|liệt\s+kê)|gồm|là)(?!\w))$"
)
"""What may lead up to a pointer at a sentence's end («… theo từng xã như bảng», «…, cụ thể»),
an emphasis opened before it included: cut with the pointer."""
_LEFTOVER_WINDOW = 40
"""Characters before a sentence's end searched for a leftover: more than any but a run of marks
or spaces (searching the whole sentence for each one made «- - - … như sau:» quadratic)."""
_SUBJECT_WORDS = 6
"""At most this many words and no figure before a pointer only name what it points at («Kết
quả», «Số liệu theo từng xã»): the sentence goes; a longer one or a figure says something."""
_ASIDE_WORDS = 6
"""At most this many words after a sentence's last comma are its pointer alone («…, cụ thể
như sau:»), cut off with the comma; a longer part holds more."""


def _without_table_intros(blocks: list[Block], removed: set[int]) -> list[Block]:
    """`blocks` without the sentence that announced a table or code not read (R1.7, at the
    `removed` lines) — «Kết quả cụ thể như sau.», «Số liệu như bảng dưới đây:» — or, after a
    comma, without that pointer only («Số vụ giảm, cụ thể như sau:» → «Số vụ giảm.»): the
    listener was promised what never came."""
    if not removed:
        return blocks
    kept = []
    for number, block in enumerate(blocks):
        after = blocks[number + 1] if number + 1 < len(blocks) else None
        last = block.items[-1] if block.items else None
        # A sub-heading too: «## Kết quả cụ thể như sau:» over a table not read promised it.
        if (
            block.kind != "body"
            or last is None
            or last.list_item
            or not _any_between(removed, _last_line(block), _first_line(after))
        ):
            kept.append(block)
            continue
        text = _without_pointer(last.text)
        if text == last.text:
            kept.append(block)
        elif text or len(block.items) > 1:
            items = block.items[:-1] + ([dataclasses.replace(last, text=text)] if text else [])
            kept.append(dataclasses.replace(block, items=items))
    return kept


_POINTS_BACK = re.compile(
    r"(?:(?i:như|theo|qua|từ|căn cứ|dựa vào)\s+)?(?i:bảng|biểu|số liệu)(?:\s+(?i:số liệu))?"
    r"\s+(?i:(?:ở\s+)?trên(?:\s+đây)?|nêu trên|vừa nêu)"
    r"(?:\s*[,:]|\s+(?P<shows>(?i:cho thấy))\s*[,:]?)\s*"
)
"""A sentence's opening that points back at a table not read («Như bảng trên, …», «Bảng trên
cho thấy …»): the listener never heard it. Only a pointer ending there: «, », «: » or «cho
thấy» follows it, so «Theo số liệu trên địa bàn huyện, …» keeps its words."""


def _without_back_pointers(blocks: list[Block], removed: set[int], ctx: Context) -> list[Block]:
    """`blocks` with paragraphs after a table or code not read (R1.7, the `removed` lines)
    opening without their pointer back at it: «Như bảng trên, số vụ giảm.» was read as it
    stands; «Số vụ giảm.» is what the listener can follow. A sentence the table is the subject
    of («Số liệu trên đây cho thấy tội phạm giảm.») is not rewritten («Tội phạm giảm.» says
    what the figures did not), nor is one speaking of «the rest» of what the table listed: the
    item is held for the editor (`_hold_for_table`)."""
    if not removed:
        return blocks
    first_removed = min(removed)
    kept = []
    for block in blocks:
        if block.kind != "body" or not block.items or _first_line(block) < first_removed:
            kept.append(block)
            continue
        first = block.items[0]
        found = _POINTS_BACK.match(first.text)
        if found is not None and found["shows"]:
            _hold_for_table(ctx, first, "nói điều bảng cho thấy")
        elif rest := first.text[found.end() :] if found else "":
            said = dataclasses.replace(first, text=rest[:1].upper() + rest[1:])
            block = dataclasses.replace(block, items=[said, *block.items[1:]])
        kept.append(block)
    for line in removed:
        after = next((b for b in blocks if b.items and _first_line(b) > line), None)
        if after is not None and after.kind == "body":
            opening = after.items[0]
            if _THE_REST.search(opening.text):
                _hold_for_table(ctx, opening, "nói tới phần «còn lại» của điều bảng liệt kê")
            elif _THOSE_ABOVE.search(opening.text):
                _hold_for_table(ctx, opening, "nói tới những điều bảng liệt kê («… nêu trên»)")
    return kept


_THE_REST = re.compile(r"(?<!\w)(?i:còn lại)(?!\w)")
"""«Người dân các xã còn lại …» right after a table: the rest of a list the listener never
heard."""


_THOSE_ABOVE = re.compile(
    r"(?<!\w)(?i:các|những|số|toàn bộ)\s++(?:[^\W\d_]++\s++){1,3}?"
    r"(?i:nêu\s+trên|vừa\s+nêu|trên(?:\s+đây)?)"
    r"(?=\s*+[,.:;]|\s++(?i:đã|đều|bị|được|sẽ|là|có|vẫn|đang)(?!\w))"
    r"|(?<!\w)(?i:trên\s+đây\s+là)(?!\w)"
)
"""«Các trường hợp trên đã bị xử phạt.», «Những xe nêu trên …», «Trên đây là kết quả tháng
3.» right after a table: the rows the listener never heard («các vụ trên địa bàn» names a
place, read)."""


def _hold_for_table(ctx: Context, item: Item, what: str) -> None:
    """Hold the item (R1.7, blocking): a table not read is its main content when the text after
    it still leans on it; read without it, the script says what the listener cannot follow."""
    line = item.lines[0][0] if item.lines else None
    ctx.flag(
        "R1.7",
        BLOCKING,
        f"Đã bỏ một bảng khỏi kịch bản đọc, mà câu ngay sau bảng {what}: người nghe không "
        "nghe được bảng, nên bản tin bị giữ lại. Cách sửa: viết nội dung chính của bảng thành "
        "câu văn trong bài (website cũng hiện), hoặc viết lại câu này để nghe hiểu được khi "
        "không có bảng.",
        item.text[:60],
        line,
    )


def _without_pointer(text: str) -> str:
    """`text` without a last sentence that points at what follows (`_POINTS_DOWN`), or
    without that pointer after the sentence's last comma; `text` itself when it points at
    nothing."""
    sentences = _SENTENCE_BREAK.split(text.rstrip())
    last = sentences[-1]
    bracket = _BRACKETED_END.search(last)
    if (
        bracket
        and bracket.start()
        and (kept := _bracket_without_pointer(bracket["inner"])) is not None
    ):
        # «…, thu giữ 2 xe máy (chi tiết tại bảng dưới đây):» was read «…, chi tiết tại bảng
        # dưới đây.»: the bracket only points, what comes before it is said. A bracket that
        # also tells a fact («(1 xe không giấy tờ, xem bảng sau)») keeps it.
        said = last[: bracket.start()].rstrip()
        sentences[-1] = f"{said} ({kept})." if kept else said + "."
        return " ".join(sentences)
    unbracketed = [_BRACKET.sub(_bracket_said, sentence) for sentence in sentences]
    if unbracketed != sentences:
        # «Thu giữ 2 xe máy (xem chi tiết bảng dưới), 1 xe …»: a bracket inside a sentence
        # that only points goes; the sentence is said without it.
        return " ".join(unbracketed)
    if not _points_down(last):
        return text
    # «…, cụ thể như sau:», «…; kết quả như sau:»: the last clause only points.
    mark = max(last.rfind(","), last.rfind(";"))
    head, tail = last[: max(mark, 0)], last[mark + 1 :]
    if mark >= 0 and head.strip() and len(tail.split()) <= _ASIDE_WORDS and _pointer_aside(tail):
        sentences[-1] = head.rstrip() + "."
    elif mark >= 0 and head.strip() and _pointer_stub(tail):
        # «…, thời gian, địa điểm như sau:»: the names before the pointer's clause go with it.
        if names := ends_before(_STUB_NAMES_END, head, len(head)):
            head = head[: names.start()]
        # «Thời gian, địa điểm như sau:», «… lưu ý các số điện thoại, địa chỉ sau đây:»: what
        # is left may only name the rows too.
        sentences[-1] = "" if _STUB_NAMES_ONLY.fullmatch(head) else _without_promise(head.rstrip())
        if not sentences[-1]:
            sentences.pop()
    elif said := _said_before_pointer(last):
        sentences[-1] = _without_promise(said)
        if not sentences[-1]:
            sentences.pop()
    else:
        sentences.pop()
    return " ".join(sentences)


_BRACKETED_END = re.compile(r"\((?P<inner>[^()]*+)\)[\s*_]*+[.:]?[\s*_]*+$")
"""A bracket ending a sentence (`… thu giữ 2 xe máy (chi tiết tại bảng dưới đây):`)."""
_BRACKET_CLAUSE = re.compile(r"\s*[,;]\s*")
"""Where a bracket's clauses part (`1 xe không giấy tờ, xem bảng sau`)."""


_BRACKET = re.compile(r"\s*+\((?P<inner>[^()]*+)\)")
"""A bracket inside a sentence, the spaces before it included."""


def _bracket_said(found: re.Match[str]) -> str:
    """A `_BRACKET` without its clauses that only point at what follows: gone when nothing else
    is left, as written when none points."""
    kept = _bracket_without_pointer(found["inner"])
    if kept is None:
        return found[0]
    return found[0][: found.start("inner") - found.start()] + kept + ")" if kept else ""


def _bracket_without_pointer(inner: str) -> str | None:
    """A bracket's words without its clauses that only point at what follows (`xem bảng sau`,
    `chi tiết tại bảng dưới đây`): "" when nothing else is left, None when none points."""
    clauses = [c for c in _BRACKET_CLAUSE.split(inner.strip()) if c]
    kept = [c for c in clauses if not _pointer_clause(c)]
    if len(kept) == len(clauses):
        return None
    return ", ".join(kept)


def _pointer_clause(clause: str) -> bool:
    """Whether a clause's words are all a pointer and the words leading to it, with no figure
    (`xem bảng sau`, not `1 xe, xem bảng sau`)."""
    pointer, aside = _points_down(clause), _ASIDE_OPENING.match(clause)
    return (
        pointer is not None
        and aside is not None
        and aside.end() >= pointer.start()
        and not any(ch.isdigit() for ch in clause)
    )


def _without_promise(said: str) -> str:
    """What a sentence says before its pointer, ended by a full stop: all of it, or without its
    last clause when that only names the rows («…cho bất kỳ ai, đồng thời lưu ý các dấu hiệu»
    → «…cho bất kỳ ai.»); nothing when no clause before says anything of its own."""
    if not _promise_only(said):
        return said + "."
    head, comma, _ = said.rpartition(",")
    if comma and head.strip() and not _promise_only(head):
        return head.rstrip() + "."
    return ""


_ASIDE_OPENING = re.compile(
    r"[\s*_]*(?:(?i:cụ\s+thể|chi\s+tiết|như|theo|xem|bảng|biểu|(?:được\s+)?(?:thể\s+hiện|nêu"
    r"|liệt\s+kê)|gồm|là|số\s+liệu|kết\s+quả|tình\s+hình|diễn\s+biến|nội\s+dung|thời\s+gian"
    r"|(?:mời\s+)?(?:xem|tham\s+khảo)|tại|ở|trong|danh\s+mục|kèm(?:\s+theo)?|thông\s+tin)"
    r"(?!\w)[\s*_]*)*"
)
"""Words of an aside after a comma or semicolon that only lead to its pointer («, cụ thể như
sau:», «, số liệu như bảng dưới đây:», «, thời gian cụ thể như sau:», «, tham khảo bảng
sau:», «; kết quả như sau:», «; danh mục kèm theo bảng dưới đây», «, thông tin chi tiết xem
bảng:»)."""
_TABLE_NOUN_END = re.compile(
    r"(?<!\w)(?i:số\s+điện\s+thoại|đường\s+dây\s+nóng|địa\s+chỉ|những\s+người|các\s+đối\s+tượng"
    r"|thủ\s+đoạn|hướng\s+dẫn|danh\s+sách|các\s+bước|thông\s+tin|lưu\s+ý|dấu\s+hiệu"
    r"|khuyến\s+cáo)[\s*_]*$"
)
"""What a table or list gives, ending what a sentence says before its pointer: alone it
promises the rows («Người dân cần lưu ý các số điện thoại sau đây:» → «… các số điện
thoại.»)."""
_HEADING_OPENING = re.compile(r"[\s*_]*(?i:kết\s+quả|danh\s+sách|lịch|số\s+liệu|thống\s+kê)(?!\w)")
"""A heading's first words: what follows names the table («Kết quả xử lý vi phạm trong tháng
11 như sau:»), it tells nothing of its own without a figure."""
_DATE_NUMBER = re.compile(r"(?i:ngày|tháng|năm|quý|tuần)\s+[\dIVX]+(?:[/.-]\d+)*")
"""A date's number (`tháng 11`, `năm 2024`, `quý IV`): no figure the sentence reports."""


def _pointer_stub(tail: str) -> bool:
    """Whether the clause after a sentence's last comma or semicolon, its pointer cut, would
    be a stub: it names only what the table gives («, thời gian làm việc cụ thể như sau:»,
    «; kết quả cụ thể của từng xã như sau:») or asks to look at it («, người dân có thể tham
    khảo bảng sau:»); read, «…, thời gian làm việc.», «…, có thể tham khảo.» told nothing."""
    pointer = _points_down(tail)
    if pointer is None:
        return False
    end = pointer.start()
    while (start := _leftover_start(tail, end)) is not None:
        end = start
    said = tail[:end]
    if any(c.isdigit() for c in _DATE_NUMBER.sub("", said)):
        return False
    return bool(_STUB_OPENING.match(said) or _promise_only(said))


_STUB_NAMES = (
    r"(?i:thời\s+gian|địa\s+điểm|nội\s+dung|chi\s+tiết|tình\s+hình|diễn\s+biến|kết\s+quả"
    r"|danh\s+sách|lịch|số\s+liệu)(?!\w)"
)
_STUB_OPENING = re.compile(rf"[\s*_]*{_STUB_NAMES}")
"""A clause's first words naming what a table gives («thời gian và địa điểm», «kết quả cụ thể
của từng xã»)."""
_STUB_NAMES_END = re.compile(
    rf"(?>(?:\s*+[,;]\s*+{_STUB_NAMES}(?:\s++(?i:và)\s++{_STUB_NAMES})?)+)\s*+$"
)
"""Clauses that are only names of what a table gives, ending what is said before a pointer's
clause («…, thời gian, địa điểm như sau:»)."""
_STUB_NAMES_ONLY = re.compile(rf"[\s*_]*{_STUB_NAMES}(?:\s++(?i:và)\s++{_STUB_NAMES})?[\s*_]*")
_LOOK_AT_END = re.compile(r"(?<!\w)(?i:tham\s+khảo|xem|theo\s+dõi|tra\s+cứu)[\s*_]*$")
"""A verb asking to look at what follows, ending what a sentence says before its pointer: alone
it has nothing to look at («Người dân có thể tham khảo bảng sau:» → «… có thể tham khảo.»)."""


def _pointer_aside(tail: str) -> bool:
    """Whether the words after a sentence's last comma are only its pointer and the words
    leading to it («, cụ thể như sau:»), not the last of a list («các xã, thị trấn như sau:»)."""
    pointer, aside = _points_down(tail), _ASIDE_OPENING.match(tail)
    return pointer is not None and aside is not None and aside.end() >= pointer.start()


def _promise_only(said: str) -> bool:
    """Whether what a sentence says before its pointer only names what the table gives: it
    ends in what the rows are («… các số điện thoại», «… những người»), or it opens as a
    heading does with no figure but a date's («Kết quả xử lý vi phạm trong tháng 11»)."""
    if _TABLE_NOUN_END.search(said) or _LOOK_AT_END.search(said):
        return True
    figures = any(c.isdigit() for c in _DATE_NUMBER.sub("", said))
    return bool(_HEADING_OPENING.match(said)) and not figures


def _said_before_pointer(sentence: str) -> str:
    """What `sentence` says before its pointer and the words leading to it («… đã xử lý 120
    trường hợp vi phạm như sau:» → «… đã xử lý 120 trường hợp vi phạm»), or nothing when that is
    only the pointer's subject: a few words and no figure («Kết quả cụ thể như sau.»)."""
    pointer = _points_down(sentence)
    end = pointer.start() if pointer else len(sentence)
    while (start := _leftover_start(sentence, end)) is not None:
        end = start
    said = sentence[:end]
    if len(said.split()) <= _SUBJECT_WORDS and not any(c.isdigit() for c in said):
        return ""
    return said


def _leftover_start(text: str, end: int) -> int | None:
    """Where the leftover (`_POINTER_LEFTOVER`) that ends `text[:end]` starts, None when none
    does: what a search of that slice finds, in time for the leftover's length, not the text's."""
    if end and text[end - 1].isspace():
        start = end - 1
        while start and text[start - 1].isspace():
            start -= 1
        return start  # a run of spaces: each one a leftover
    width = _LEFTOVER_WINDOW
    while True:
        start = max(0, end - width)
        found = _POINTER_LEFTOVER.search(text, start, end)
        # One found at the window's edge, or none, may go on before it (a run of «*»).
        if not start or (found is not None and found.start() > start):
            break
        width *= 2
    if found is None:
        return None
    spaces = found.start()
    while spaces and text[spaces - 1].isspace():
        spaces -= 1
    # «được␠␠␠thể hiện» is one leftover however many spaces part its words.
    shown = spaces - len("được")
    longer = spaces < found.start() and shown >= 0 and text[shown:spaces] == "được"
    return shown if longer and _POINTER_LEFTOVER.match(text, shown, end) else found.start()


def _last_line(block: Block) -> float:
    """The source line a block ends at; before every line for one with none."""
    lines = block.items[-1].lines if block.items else ()
    return lines[-1][0] if lines else float("-inf")


def _any_between(lines: set[int], low: float, high: float) -> bool:
    """Whether one of `lines` is past `low` and before `high` (the bounds found once, where
    finding them for each line of `lines` took most of the time)."""
    return any(low < line < high for line in lines)


def _first_line(block: Block | None) -> float:
    """The source line a block starts at; past every line for none (the text's end)."""
    lines = block.items[0].lines if block is not None and block.items else ()
    return lines[0][0] if lines else float("inf")


def _join_announced(
    blocks: list[Block], ctx: Context, removed: set[int], images: set[int]
) -> list[Block]:
    """A paragraph ending in a colon is read with what it announces (a list or a paragraph):
    apart, the colon would become a full stop and leave "Hồ sơ gồm." on air. A list's items
    are cleaned one by one (`_cleaned`): so is the paragraph joined with them. What it
    announces may be a table or code, not read (the `removed` lines, R1.7), or a photo (the
    `images` lines) when a paragraph, not a list, follows it: then the next paragraph is no
    part of it («Kết quả như sau: Cuối cùng.», «Hình ảnh hiện trường: Sau đó, …» were read). A
    text joined so ends in its list's last item, no lead-in whose colon was forgotten: the next
    list is not read on from it («… gọi video giả: Cách phòng tránh: …»)."""
    joined: list[Block] = []
    lists_read_on: set[int] = set()  # ids of the blocks a list was joined into here
    private: set[int] = set()  # ids of the blocks a private number was joined into here
    for block in blocks:
        last = joined[-1] if joined else None
        between = removed if block.items and block.items[0].list_item else removed | images
        rest: list[Item] = []  # a list's items after those its private numbers' read on with
        joint = _bold_label_joint(last, block)
        if (
            last is not None
            and (
                joint is not None
                or (
                    block.kind == "body"
                    and not block.level  # never into a sub-heading
                    and last.kind == "body"
                    and len(last.items) == 1
                    and not last.items[0].list_item
                    and (
                        ANNOUNCES.search(last.items[0].text)
                        or (id(last) not in lists_read_on and _unfinished_before_list(last, block))
                        or (
                            joint := _private_joint(
                                last.items[0].text, block, listed=id(last) in private
                            )
                        )
                        is not None
                    )
                )
            )
            and not _any_between(between, _last_line(last), _first_line(block))
        ):
            # A bold label and its number are a sentence read on (R9.5 drops the number), no title.
            level = 0 if last.level == PSEUDO_HEADING_LEVEL and joint == " " else last.level
            intro = last.items[0]
            cleaned = block.items[0].cleaned
            said, flags = _cleaned(intro.text, intro.lines, ctx) if cleaned else (intro.text, ())
            said = said.rstrip()
            if joint == "; ":
                listed = _numbers_opening(block.items)
                block, rest = Block(block.kind, block.items[:listed]), block.items[listed:]
            if joint is None and not ANNOUNCES.search(said):
                said += ":"  # «Các trường hợp bị xử lý gồm» left «… gồm.» alone on air
            text = f"{said}{joint or ' '}{_read_on(block.items)}".strip()
            lines = intro.lines + tuple(line for item in block.items for line in item.lines)
            flags += tuple(flag for item in block.items for flag in item.flags)
            names = tuple(name for item in block.items for name in item.names)
            # «Thông báo cũ như sau:» over a quoted list: its dates are the quotation's, which
            # only warn (publish.radio.weekday_flags); one text now, so either part's quoting
            # counts, as a hold no one can lift costs more than a warning.
            quoted = intro.quoted or any(item.quoted for item in block.items)
            item = Item(text, lines, cleaned=cleaned, flags=flags, names=names, quoted=quoted)
            joined[-1] = Block("body", [item], level=level)  # a sub-heading stays one
            if block.items[0].list_item:
                lists_read_on.add(id(joined[-1]))
            if joint is not None or _PRIVATE_LABEL.search(said):
                private.add(id(joined[-1]))  # «Số tài khoản:» announces its number too
            if rest:
                joined.append(Block("body", rest))
            continue
        if last is not None and _item_announces_list(last, block, removed):
            head = last.items[-1]
            last.items[-1] = Item(
                f"{head.text.rstrip()} {_read_on(block.items)}",
                head.lines + tuple(line for item in block.items for line in item.lines),
                list_item=True,
                cleaned=True,
                flags=head.flags + tuple(flag for item in block.items for flag in item.flags),
                names=head.names + tuple(name for item in block.items for name in item.names),
                quoted=head.quoted or any(item.quoted for item in block.items),
            )
            continue
        joined.append(block)
    return joined


_PRIVATE_LABEL = re.compile(rf"(?i:{PRIVATE_LABEL_WORDS})")
"""A private number's label in a paragraph a list of numbers follows."""
_MARKS_AFTER_NUMBER = " \t\n*_"
"""What may follow a paragraph's last number: spaces, bold or italic marks."""
_OPENING_NUMBER = re.compile(rf"\d(?:[ .-]?\d){{{min(ACCOUNT_DIGITS) - 1},}}")
"""A list item opening with a number as long as an account's."""


def _private_joint(text: str, block: Block, *, listed: bool = False) -> str | None:
    """What a paragraph's `text` is read on into the `block` after it with, as the website reads
    their lines (publish.pii), for the radio to drop each private number as on one line (R9.5):
    «; » before a list opening with numbers (`_numbers_opening`) after a text ending in a number
    with a private number's label in it («STK 0123456789⏎- 9876543210»: the account listed was
    read out); « » before a paragraph a number alone opens (`NUMBER_ALONE`) after a text a label
    ends («Số tài khoản⏎⏎0123456789» was read out), or a passport's number alone after its label
    («Hộ chiếu số⏎⏎C1234567»); «; » before a number alone after a text a private number was
    read on into (`listed`: «Số tài khoản:⏎⏎0123…⏎⏎0987…», the second read out). None
    otherwise, as nearly always."""
    if not block.items:
        return None
    if block.items[0].list_item:
        ends = text.rstrip(_MARKS_AFTER_NUMBER)[-1:].isdigit()
        if ends and _numbers_opening(block.items) and _PRIVATE_LABEL.search(text):
            return "; "
        return None
    # Bold or italic round the number or the label: the website reads neither mark.
    first = block.items[0].lines[0][1] if block.items[0].lines else ""
    first = first.replace("*", "").replace("_", "").strip()
    label = text.rstrip(_MARKS_AFTER_NUMBER)
    # A first character first: asked between nearly every two paragraphs, most open with a word.
    if first[:1].isdigit() and NUMBER_ALONE.fullmatch(first):
        # A list's next entry is as long as an account's: «2024» or «113» after it is its own
        # paragraph (the website reads it alone too), and the join then took no item at all.
        if listed and label[-1:].isdigit() and _numbers_opening(block.items):
            return "; "
        return " " if label_ends(label, 0, len(label)) else None
    if first[:1].isalpha() and PASSPORT_ALONE.fullmatch(first):
        return " " if passport_label_ends(label, 0, len(label)) else None
    return None


def _bold_label_joint(last: Block | None, block: Block) -> str | None:
    """« » when a paragraph in bold (read as a sub-heading) or a plain one ends in a private
    number's label and the paragraph after it, in bold or not, is its number alone: one of
    them bold, neither is joined as two plain paragraphs are (`_private_joint`), and the number
    was read out while the website tells it («**Số tài khoản:**⏎⏎0123456789»). None otherwise."""
    if (
        last is None
        or block.kind not in ("body", "heading")
        or last.kind not in ("body", "heading")
        or PSEUDO_HEADING_LEVEL not in (last.level, block.level)
        or last.level not in (0, PSEUDO_HEADING_LEVEL)
        or block.level not in (0, PSEUDO_HEADING_LEVEL)
        or len(last.items) != 1
        or last.items[0].list_item
        or not block.items
        or block.items[0].list_item
    ):
        return None
    return _private_joint(last.items[0].text, block)


def _numbers_opening(items: list[Item]) -> int:
    """How many of a list's first `items` open with a number as long as an account's."""
    listed = 0
    while listed < len(items) and _OPENING_NUMBER.match(items[listed].text.lstrip()):
        listed += 1
    return listed


def _item_announces_list(last: Block, block: Block, removed: set[int]) -> bool:
    """Whether a list's last item ends in a colon right before another list: the list it
    announces, apart after a blank line (`1. Các dấu hiệu:`, a blank, `   - nhắn tin lạ`, one
    list of each kind on the website). Read apart, the colon became a full stop, «Các dấu hiệu.»."""
    return (
        block.kind == "body"
        and not block.level
        and last.kind == "body"
        and bool(last.items)
        and bool(block.items)
        and last.items[-1].list_item
        and block.items[0].list_item
        and ANNOUNCES.search(last.items[-1].text) is not None
        and not _any_between(removed, _last_line(last), _first_line(block))
    )


_UNFINISHED = re.compile(r"[^\W\d_][\s*_]*$")
"""A text ending in a word, its final mark forgotten (bold or not); not in a number (`Hotline
0912345678` over a list ends a sentence)."""


def _unfinished_before_list(last: Block, block: Block) -> bool:
    """Whether a paragraph (no sub-heading) with no mark at its end comes right before a list:
    it announces it, its colon forgotten («Các trường hợp bị xử lý gồm»)."""
    return (
        not last.level
        and bool(block.items)
        and block.items[0].list_item
        and _ends_unfinished(last.items[0].text)
    )


def _ends_unfinished(text: str) -> bool:
    """Whether `_UNFINISHED` is in `text`: only from its last character but spaces and marks can
    it be, so it is tried there (searched for, it was tried at every character)."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in "*_"):
        end -= 1
    return end > 0 and _UNFINISHED.match(text, end - 1) is not None


def _read_on(items: list[Item]) -> str:
    """The items after a colon as one text: list items written as clauses (no stop of their own)
    joined with ";" into the announcing sentence, else each item a sentence of its own. An item
    ending in a colon keeps it and takes no mark of its own: it announces its sub-items, and
    «Tuần tra ban đêm:; Tại các xã» or «…:. …» is no pause a reader can make."""
    texts = [item.text.strip() for item in items if item.text.strip()]
    if not texts:
        return ""
    if not items[0].list_item:
        return " ".join(texts)
    clauses = not any(SENTENCE_INSIDE.search(t) for t in texts) and not any(
        ENDS_SENTENCE.search(t) for t in texts[:-1]
    )
    parts = []
    for i, text in enumerate(texts):
        if ANNOUNCES.search(text):
            parts.append(text)  # at the very end, R15.6 makes the colon the paragraph's stop
        elif clauses:
            no_pause = i == len(texts) - 1 or ends_in_connector(text)
            parts.append(TRAILING_PAUSE.sub("", text) + ("" if no_pause else ";"))
        else:
            parts.append(text if ENDS_SENTENCE.search(text) else TRAILING_PAUSE.sub("", text) + ".")
    return " ".join(parts)


def _drop_clause(text: str, start: int, end: int) -> tuple[str, bool]:
    """Remove the clause around text[start:end], keeping the punctuation that closes it; and
    whether the whole sentence went instead: when the clause ends it and what would be left
    is a lead clause ("Trước khi giao dịch, …") or a few words, not a sentence."""
    first = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_STOP.search(text, end)
    last = stop.end() if stop else len(text)
    left = max((m.start() for m in _CLAUSE_END.finditer(text, first, start)), default=-1)
    right_match = _CLAUSE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    ends_sentence = right >= last - 1
    connector = _CONNECTOR.match(text, right + 1) if left < 0 else None
    # A number to call elsewhere in the sentence (`Hotline 113, email …`) is never lost with it.
    numbered = _CONTACT_NUMBER.search(text, first, max(left, first)) or _CONTACT_NUMBER.search(
        text, right, last
    )
    if (
        (ends_sentence and (left < 0 or _dangling(text[first:left]))) or connector is not None
    ) and not numbered:
        return (text[:first] + text[last:].lstrip()).strip(), True
    if connector is not None:
        return text[:first] + text[connector.end() :].lstrip(), False
    if left < 0:
        return text[:first] + text[right + 1 :].lstrip(), False
    return text[:left] + text[right:], False


def _drop_alternative(text: str, start: int, end: int) -> str | None:
    """The text without the address text[start:end] when it is one of several ways to reach
    the unit joined by «hoặc», «hay», «và»: that way alone goes, the others are read (R1.4); None
    when it is no such alternative, or when more than the address would go with a number."""
    before = ends_before(_ALTERNATIVE_BEFORE, text, start)
    if before is not None:
        return text[: before.start()] + text[end:]
    after = _ALTERNATIVE_AFTER.match(text, end)
    if after is None:
        return None
    first = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, start)), default=0)
    opening = max((m.end() for m in _CLAUSE_END.finditer(text, first, start)), default=first)
    label = ends_before(_ADDRESS_LABEL, text, start)
    cut = label.start() if label is not None and label.start() >= opening else start
    verb = (
        _CONTACT_VERB.match(text, after.end()) is not None
        or _IN_PERSON_VERB.match(text, after.end()) is not None
    )
    in_person = not verb and _IN_PERSON.match(text, after.end()) is not None
    if verb:
        cut = _verb_start(text, opening, start)
    elif not in_person and not _CHANNEL.match(text, after.end()):
        return None  # `truy cập <address> và làm theo hướng dẫn`: no way of contact follows
    if _DIGIT.search(text, cut, start):
        return None
    if opening > first and not text[opening:cut].strip():
        # One of a list (`qua điện thoại 0277…, thư điện tử <address> hoặc trực tiếp …`): the
        # comma before it goes and the connector stays, as written, «… 0277… hoặc trực tiếp …».
        comma = "," if "," in after[0] else ""
        connector = after[0].strip(" ,")
        return f"{text[: opening - 1].rstrip()}{comma} {connector} {text[after.end() :]}"
    if in_person:
        # Only `qua`, `tới` … right before the address (or its label) go with it: «nộp qua cổng
        # <address> hoặc tại bộ phận một cửa» would leave «nộp qua cổng tại bộ phận …».
        via = ends_before(_VIA_BEFORE, text, cut)
        if via is None or via.start() < opening:
            return None
        cut = via.start()
    return text[:cut] + text[after.end() :]


def _verb_start(text: str, opening: int, start: int) -> int:
    """Where the way of reaching the unit that holds the address at `start` begins: its last
    verb, with the verbs right before it (`Gửi phản ánh qua email …` from «Gửi»: from «phản ánh»
    it was read «Gửi gọi một một ba»); the clause's `opening` when it has none."""
    verbs = list(_ADDRESS_VERB.finditer(text, opening, start))
    if not verbs:
        return opening
    at = len(verbs) - 1
    while at and not text[verbs[at - 1].end() : verbs[at].start()].strip():
        at -= 1
    return verbs[at].start()


def _where_phrase(text: str, start: int, end: int) -> str | None:
    """The text without the address text[start:end] and the words placing it (`tại địa chỉ`),
    when what it is for follows (`Truy cập cổng dịch vụ công tại địa chỉ <address> để nộp hồ
    sơ`): dropping the clause left «Không cần đến trụ sở.», the sentence's point lost; None
    otherwise (R1.4)."""
    before = ends_before(_WHERE_BEFORE, text, start)
    if before is None or not _PURPOSE_AFTER.match(text, end):
        return None
    return text[: before.start()].rstrip() + text[end:]


def _dangling(part: str) -> bool:
    """Whether the start of a sentence, left alone, would not be one (R1.4)."""
    return len(part.split()) <= _FEWEST_WORDS or _LEAD_CLAUSE.match(part) is not None


def _may_hold_url(text: str) -> bool:
    """Cheap necessary condition for `_URL`: a scheme, `www.`, a top-level domain or a dated path."""
    return _URL_HINT.search(text) is not None


def _may_hold_link(text: str) -> bool:
    """Cheap necessary condition for `_LINK`: `](` or `][`."""
    return "](" in text or "][" in text


def _addresses(text: str, ctx: Context | None = None) -> Iterator[re.Match[str]]:
    """`_URL`'s addresses in `text` but a document number left blank right after its label
    («Số: /2020/12/QĐ-UBND», `_left_blank_number`): a dated path ending in a symbol anywhere
    else may be a held slug typed in capitals («/2020/12/HD-CAH», «/a/2020/12/TB-CONG-AN-XA»)."""
    return (m for m in _URL.finditer(text) if not _left_blank_number(m, ctx))


def _left_blank_number(m: re.Match[str], ctx: Context | None = None) -> bool:
    """Whether the `_URL` match `m` is a document number left blank (codes.left_blank_at): with
    the paragraph's `ctx`, not when it names a page held from the website
    (Context.held_addresses): a held slug typed in capitals after «Số:» is that page's address."""
    if not m[0].startswith("/") or not left_blank_at(m.string, m.start(), m.end()):
        return False
    return ctx is None or m[0] not in ctx.held_addresses


def _find_address(text: str, ctx: Context) -> re.Match[str] | None:
    """The first e-mail address, else the first URL (the order R1.4 removes them in)."""
    found = _EMAIL.search(text) if "@" in text else None
    if found is None and _may_hold_url(text):
        found = next(_addresses(text, ctx), None)
    return found


def _urls(text: str, ctx: Context) -> str:
    """Bare URLs and e-mail addresses: the configured phrase, else drop the clause (R1.4)."""
    spoken = ctx.options.url_spoken
    while m := _find_address(text, ctx):
        address = m[0].rstrip(".,;:!?")
        end = m.start() + len(address)
        email = "@" in address
        if (bait := bait_removed(text, m.start(), end, email=email)) is not None:
            text = bait
            ctx.flag("R1.4", WARNING, _bait_note(address, email=email), address)
            continue
        if spoken and not email and _on_site(address, ctx.options.site_hosts):
            text = text[: m.start()] + spoken + text[end:]
            continue
        brackets = _enclosing_brackets(text, m.start(), end)
        whole = False
        if brackets:
            text = text[: brackets[0]].rstrip() + " " + text[brackets[1] :].lstrip()
        elif (where := _where_phrase(text, m.start(), end)) is not None:
            text = where
        elif (alone := _drop_alternative(text, m.start(), end)) is not None:
            text = alone
        else:
            text, whole = _drop_clause(text, m.start(), end)
        what = "câu" if whole else "vế câu"
        ctx.flag("R1.4", WARNING, _dropped_note(what, address, ctx), address)
    return text


def _on_site(address: str, hosts: tuple[str, ...]) -> bool:
    """Whether a web address is on the unit's website, the page `url_spoken` names (any address
    when the site's hosts are unknown): «Cổng dịch vụ công quốc gia tại https://dichvucong…»
    was read as the unit's own site."""
    if not hosts or address.startswith("/"):
        return True  # a path with no host of its own («/2020/12/ten-bai/») is on this site
    host = _ADDRESS_HOST.match(address)
    return host is not None and site_host(host[1]) in hosts


def _bait_note(address: str, *, email: bool) -> str:
    """The R1.4 warning for a scammer's `address` taken out of the warning that names it."""
    kind = "địa chỉ thư điện tử" if email else "địa chỉ web"
    told = (
        "«thư điện tử giả danh ngân hàng»" if email else "«đường link giả mạo trang của ngân hàng»"
    )
    return (
        f"Đã bỏ địa chỉ «{address}» khỏi câu cảnh báo lừa đảo; câu vẫn được đọc (không đọc {kind} "
        "trên sóng, và đây không phải địa chỉ của đơn vị nên cụm từ [radio] url_spoken không "
        f"thay vào). Nếu người nghe cần nhận ra địa chỉ giả, tả nó bằng lời (ví dụ {told})."
    )


def _raw_block(line: str) -> tuple[re.Pattern[str], str] | None:
    """Where the raw `<table>` or `<pre>` block that `line` opens ends, and what the editor is
    told it was; None for any other line."""
    for opening, end, what in _RAW_BLOCKS:
        if opening.match(line):
            return end, what
    return None


def _dropped_note(what: str, address: str, ctx: Context) -> str:
    """The R1.4 warning for the `what` («câu», «vế câu») dropped with `address`: an e-mail is
    no page to look at, so its hint is another way to reach the unit."""
    unit = ctx.options.unit_name or "đơn vị"
    if "@" in address:
        return (
            f"Đã bỏ {what} chứa địa chỉ «{address}» (không đọc địa chỉ thư điện tử trên sóng). "
            "Nếu người nghe cần liên hệ, viết một cách liên hệ đọc được trên sóng (ví dụ số "
            f"điện thoại, hay «tại trụ sở {unit}»)."
        )
    if ctx.options.url_spoken or not _on_site(address, ctx.options.site_hosts):
        # Another site (dichvucong.gov.vn; with url_spoken set, only one is dropped): calling it
        # the unit's page on air, or setting url_spoken (which names the unit's site alone),
        # would send listeners the wrong way.
        return (
            f"Đã bỏ {what} chứa địa chỉ «{address}» (không đọc địa chỉ web trên sóng; đây không "
            "phải website của đơn vị). Nếu người nghe cần biết nơi xem, viết tên trang đó bằng "
            "lời (ví dụ «trên Cổng dịch vụ công quốc gia»); [radio] url_spoken không thay cho "
            "địa chỉ này: cụm từ ấy chỉ đọc thay địa chỉ website của đơn vị."
        )
    return (
        f"Đã bỏ {what} chứa địa chỉ «{address}» (không đọc địa chỉ web trên sóng). Nếu người "
        f"nghe cần biết nơi xem, viết lại bằng lời (ví dụ «trên trang thông tin điện tử của "
        f"{unit}»), hoặc đặt [radio] url_spoken trong site.toml để mọi địa chỉ web được "
        "đọc thành một cụm từ như thế."
    )


def _enclosing_brackets(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The `( … )` around text[start:end], if any: its clause is the bracket, not the sentence."""
    opening = text.rfind("(", 0, start)
    if opening < 0 or ")" in text[opening:start]:
        return None
    closing = text.find(")", end)
    if closing < 0 or "(" in text[end:closing]:
        return None
    return opening, closing + 1


def _has_link(sentence: str, ctx: Context | None = None) -> bool:
    """A Markdown link, URL or e-mail address somewhere in the text (`ctx`: its paragraph's,
    see `_left_blank_number`)."""
    return bool(
        (_may_hold_link(sentence) and _LINK.search(sentence))
        or (_may_hold_url(sentence) and next(_addresses(sentence, ctx), None) is not None)
        or ("@" in sentence and _EMAIL.search(sentence))
    )


def _reads_on(sentence: str, ctx: Context) -> bool:
    """Whether a sentence sending the listener to a bare address also gives a number to call
    (`xem tại x.vn hoặc gọi 113`): it stays, and R1.4 takes only the address. A Markdown link's
    sentence («Xem [tại đây](…)») is the spec's R1.3 and goes whole, flagged."""
    if _may_hold_link(sentence) and _LINK.search(sentence):
        return False
    if "@" in sentence:
        sentence = _EMAIL.sub(" ", sentence)
    return (
        _CONTACT_NUMBER.search(
            _URL.sub(lambda m: m[0] if _left_blank_number(m, ctx) else " ", sentence)
        )
        is not None
    )


_HERE = re.compile(r"\s*+(?i:(?:tại|ở)\s++)?(?i:đây)\s*+")
"""A link's text that only points (`[đây](…)`): a call to click, whatever the sentence."""


def _baits(sentence: str, ctx: Context) -> bool:
    """Whether a sentence holding a link or an address warns of a scam, the address being the
    bait (`Đối tượng gửi đường link https://…`, `Đối tượng gửi [đường link](…)`, `Không bấm
    vào link https://…`): read without the address (R1.4, publish.radio.bait). «xem thêm»,
    «tại đây», a link reading «đây», or a clause asking the listener to go there is a call to
    look at the unit's own page (R1.3)."""
    if POINTER.search(sentence):  # never a scam warning's words
        return False
    if _may_hold_link(sentence) and (link := _LINK.search(sentence)):
        text = link[1] if link[1] is not None else link[3]
        return not _HERE.fullmatch(text) and in_scam_warning(sentence, link.start())
    found = _find_address(sentence, ctx)
    return found is not None and in_scam_warning(sentence, found.start())


def _points_at_web(sentence: str) -> bool:
    """Whether a sentence without a link only sends the reader to a web page (`Xem thêm tại
    trang…`, `Xem thêm: <an article>`), not to a place they can go (`Xem tại trụ sở…`)."""
    start = _CTA_START.match(sentence)
    if start is None:
        return False
    if start[1] is not None:
        return True  # a related article's headline, which may well name a «Công an xã»
    # Whichever is named first is where the reader is sent: «Cổng thông tin điện tử Công an
    # tỉnh» is a web page, «trụ sở Công an xã, hoặc trên trang…» a place.
    web = _WEB_PLACE.search(sentence, start.end())
    place = _PLACE.search(sentence, start.end())
    return web is not None and (place is None or web.start() < place.start())


def _calls_to_action(text: str, ctx: Context) -> str:
    """Drop sentences that only send the listener to a link or another page (R1.3)."""
    if not _has_link(text, ctx) and not _MAY_POINT.search(text):
        # A sentence only holds a link if the whole text does (no pattern looks past the
        # whitespace between sentences), so nothing is dropped: just join as below.
        return _SENTENCE_GAP.sub(" ", text) if _UNEVEN_GAP.search(text) else text
    kept = []
    for sentence in _SENTENCE_GAP.split(text):
        shown = sentence.strip()
        linked = _has_link(sentence, ctx)
        # "(xem tại https://…)" inside a sentence: only the bracket goes, in R1.4.
        outside = _ASIDE.sub(" ", sentence) if linked and "(" in sentence else sentence
        if (
            linked
            and calls_to_click(outside)
            and _has_link(outside, ctx)
            and not _reads_on(outside, ctx)
            and not _baits(outside, ctx)
        ):
            ctx.flag(
                "R1.3",
                WARNING,
                f"Đã bỏ câu kêu gọi xem liên kết: «{shown}». Trên sóng không bấm được "
                "liên kết; nếu cần, viết lại bằng lời.",
                shown,
            )
            continue
        if _points_at_web(sentence):
            ctx.flag(
                "R1.3",
                WARNING,
                f"Đã bỏ câu chỉ người đọc sang xem ở chỗ khác: «{shown}». Người nghe đài không "
                "xem được; nếu cần, viết lại bằng lời (nói rõ xem ở đâu, gọi số nào).",
                shown,
            )
            continue
        page = None if linked else _THIS_PAGE.search(sentence)
        if page is not None:
            unit = ctx.options.unit_name or "đơn vị"
            ctx.flag(
                "R1.3",
                WARNING,
                f"Câu nhắc tới «{page[0]}» (trang web đang đọc): trên "
                "sóng người nghe không biết là trang nào. Nên viết rõ tên trang (ví dụ «trang "
                f"thông tin điện tử của {unit}») hoặc bỏ câu.",
                shown,
            )
        elif not linked and _CTA_START.match(sentence) and not _PLACE.search(sentence):
            ctx.flag(
                "R1.3",
                WARNING,
                f"Câu bảo người nghe đi xem mà không nói xem ở đâu: «{shown}»; đã giữ. Nếu là "
                "trang web thì bỏ câu; nếu là một nơi thì nói rõ (ví dụ «tại trụ sở Công an xã»).",
                shown,
            )
        kept.append(sentence)
    return " ".join(kept)


def _spoken_char(c: str) -> bool:
    """False for emoji, pictographs and their modifiers (R1.9); `°`, `℃`, `℉` stay for P4 to read
    «độ», «độ C», an arrow of a change (`⬇️20%`, `▲5 vụ`) for P4 to read «giảm», «tăng», or Q2
    to flag."""
    if c in "°℃℉" or PLACEHOLDER_FIRST <= c <= PLACEHOLDER_LAST or c in CHANGE_ARROWS:
        return True
    if c in STEP_ARROWS:  # read in P8 as the pause between two steps, which dropping lost
        return True
    if c in "\ufe0f\ufe0e\u200d\u20e3" or "\U0001f3fb" <= c <= "\U0001f3ff":
        return False
    return unicodedata.category(c) not in ("So", "Cs", "Co")


def _unspoken_candidates() -> re.Pattern[str]:
    """Any character outside the scripts bulletins are written in, or one `_spoken_char` drops.

    Checked per character once at import, over Latin, combining marks, Vietnamese letters,
    general punctuation and the placeholders, so clean text skips the per-character pass.
    """
    blocks = ((0x0000, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F))
    spoken = [c for lo, hi in blocks for c in range(lo, hi + 1) if _spoken_char(chr(c))]
    spoken += range(ord(PLACEHOLDER_FIRST), ord(PLACEHOLDER_LAST) + 1)
    ranges: list[list[int]] = []
    for c in spoken:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    members = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)
    return re.compile(f"[^{members}]")


_MAYBE_UNSPOKEN = _unspoken_candidates()


_PHONE_NUMBER_AHEAD = r"\+?\d(?:[ .\-]?\d){8,11}(?![\w]|[.,]\d)"
"""A phone number, 9 to 12 digits in groups: no count of anything is so long."""
_SERVICE_AHEAD = r"(?:11[1345]|1[89]00(?:[ .]?\d)*)(?![\w]|[.,]\d)"
"""A service number (`113`, `1900 1234`), which a telephone sign makes one."""
_PHONE_SIGN_FIRST = re.compile(
    r"(^\s*|[.!?;|,]\s*)"
    rf"(?:[☎☏📞]\ufe0f?\s*(?=(?:(?P<service>{_SERVICE_AHEAD})|{_PHONE_NUMBER_AHEAD}))"
    rf"|[📱📲]\ufe0f?\s*(?={_PHONE_NUMBER_AHEAD}))"
)
"""A phone sign opening a sentence, a clause or a part of a line (`☎️ 113 | …`, `…, ☎️ 114`: a
line of a post's emoji run, `_joined`) before a service number (a telephone's sign only) or a
phone number: the number's «số», so a service number is read digit by digit («số một một ba»,
R9.3), not as a count («một trăm mười ba»). Before a count it is no number's sign: «📱 12 điện
thoại», «📞 40 cuộc gọi» count phones and calls, read «Số mười hai điện thoại» after a stop. After
a word or a label (`gọi 📞 113`, `Liên hệ: 📞 …`, triggers of their own) it leaves nothing."""


_CONNECTOR_LEFT = re.compile(rf"[,;]?+\s*+(?<!\w)(?i:{'|'.join(sorted(CONNECTORS))})[,;]?+\s*+$")
"""«và», «hoặc» an emoji closing a clause was the last of (`ngân hàng 🏦 và 📱.`, a list's last
item `- 📞`): with the emoji gone it joins nothing, «…, và.» on air. Not «hay»: «Bộ phim rất hay
👍.» ends on it (lists.CONNECTORS)."""
_CLAUSE_MARKS = frozenset(".,;:!?")


def _without_dangling_connector(kept: list[str]) -> list[str]:
    """`kept` without a connector left at its end (`_CONNECTOR_LEFT`), as one string."""
    said = "".join(kept)
    left = ends_before(_CONNECTOR_LEFT, said, len(said))
    return [said[: left.start()]] if left is not None else [said]


def _leads_its_verb(kept: list[str], end: int) -> bool:
    """Whether the word ending at `kept[end]` is one of `NO_PAUSE_AFTER` (`Không 🚫 chuyển
    tiền`): no comma after it, «Không, chuyển tiền» says the opposite."""
    start = end
    while start and kept[start - 1].isalpha():
        start -= 1
    return "".join(kept[start : end + 1]).lower() in NO_PAUSE_AFTER


def _phone_sign_said(sign: re.Match[str]) -> str:
    """A phone sign before a number to call (`_PHONE_SIGN_FIRST`) as the number's «số»; left
    for the pictographs' rule before a count of the service number's shape (`📞 112 hộ dân`)."""
    if sign["service"] and quantity_follows(sign.string, sign.end("service")):
        return sign[0]
    return f"{sign[1]}số "


def _remove_pictographs(text: str) -> str:
    """Emoji and pictographs are not read (R1.9); one between two words leaves a comma, one
    that a connector led to, closing a clause, takes the connector."""
    # It separated two phrases (`lừa đảo 📞 gọi ngay`): the listener needs the pause. Before a
    # digit it leaves nothing: `gọi 📞 113` must stay one phrase for the phone rules (R9).
    if not _MAYBE_UNSPOKEN.search(text):
        return text
    if _PHONE_SIGN_FIRST.search(text):
        text = _PHONE_SIGN_FIRST.sub(_phone_sign_said, text)
    kept: list[str] = []
    last_word = -1  # index in `kept` of the last visible character, if it ends a word
    gap = False
    for c in text:
        if not _spoken_char(c):
            gap = True
            continue
        if c == "\n" and gap:
            # A line break (`<br>`) after it ends the sentence (`_sentence_breaks`): no comma.
            kept, gap = _without_dangling_connector(kept), False
        elif not c.isspace():
            if gap and last_word >= 0 and c.isalpha() and not _leads_its_verb(kept, last_word):
                kept[last_word] += ","
            if gap and c in _CLAUSE_MARKS:
                kept = _without_dangling_connector(kept)
            last_word = len(kept) if c.isalnum() else -1
            gap = False
        kept.append(c)
    return "".join(_without_dangling_connector(kept) if gap else kept)


def _code_untagged(span: re.Match[str]) -> str:
    """A code span without its tags, typed or written with entities: code shows them as text,
    and the radio reads no code's markup."""
    code = html.unescape(span[0]) if "&" in span[0] else span[0]
    return _TAG.sub(" ", code) if "<" in code else span[0]


def _address_untagged(link: re.Match[str]) -> str:
    """A link with no tag in its address (`[trang](https://a.vn/?q=<b>)`): the page shows its
    words alone, and the address is taken out later (R1.4)."""
    if link[2] is None or "<" not in link[2]:
        return link[0]
    return f"[{link[1]}]({_TAG.sub('', link[2])})"


def strip_inline(text: str, ctx: Context) -> str:
    """Inline Markdown/HTML → plain text: links, images, emphasis, tags, hashtags, emoji."""
    return marks_removed(unspoken_removed(text, ctx))


def unspoken_removed(text: str, ctx: Context) -> str:
    """`text` without what is not read on air: tags, images, footnote marks, photo notes,
    calls to look at a link (R1.3), link targets and bare addresses (R1.4); flagged to `ctx`."""
    # Each rule runs only when the characters it needs are present: same result, far fewer scans.
    if "<!--" in text:
        # As typed, before entities are read: `&lt;!--` is text the website shows, not a note.
        text = _comments_typed(text, ctx)
    if "<" in text:
        # Tags as typed, before entities are read: `&lt;b title="x"&gt;` is text the website
        # shows, which was dropped as a tag unflagged.
        text = _AUTOLINK.sub(lambda m: m[1] or m[2], text)
        text = _BR.sub("\n", text)
        text = angles_quoted(text)  # «<<Vì an ninh Tổ quốc>>» is a name the website shows
        if "`" in text:
            # Shown as code: taken out unflagged, as any tag in code is.
            text = CODE_SPAN_RE.sub(_code_untagged, text)
        # A raw HTML block's tags were made ones Python-Markdown reads (`_raw_tags_settled`).
        text = _TAG.sub(lambda m: _tag_read(m, ctx), text)
        if "<!--" in text:
            text = _SHOWN_COMMENT.sub(lambda m: _sign_told(m, ctx), text)
        # One pass leaves "<scr<b>ipt>" as "<script>"; strip_markup repeats until nothing is left.
        text = strip_markup(text)
    if "&" in text:
        if "`" in text:
            # Code as typed (a backtick an entity wrote opens none): the page shows the entity
            # itself there, no tag, so one it writes is taken out unflagged.
            text = CODE_SPAN_RE.sub(_code_untagged, text)
        text = html.unescape(text)
        if "<" in text:
            if "](" in text:
                # A link's address is not read: a tag an entity wrote there holds nothing.
                text = _LINK.sub(_address_untagged, text)
            # What an entity wrote is text the website shows: words in angle brackets, or a
            # tag's or a comment's signs the radio cannot say, told whole (Q2).
            if "<!--" in text:
                text = _SHOWN_COMMENT.sub(lambda m: _sign_told(m, ctx), text)
            text = _TAG.sub(lambda m: _shown_tag_told(m, ctx), angles_quoted(text))
    if "![" in text:
        text = _IMAGE.sub(" ", text)
    if "[^" in text:
        text = _FOOTNOTE_REF.sub("", text)
    if "(" in text:
        text = _PHOTO_NOTE.sub(" ", text)
    text = _calls_to_action(text, ctx)
    if _may_hold_link(text):
        text = _LINK.sub(lambda m: m[1] if m[1] is not None else m[3], text)
    if "]:" in text:
        text = _BRACKETED_LABEL.sub(_FIRST_GROUP, text)
    return _urls(text, ctx)


def _tag_read(tag: re.Match[str], ctx: Context) -> str:
    """A tag in Markdown, as a space. One Python-Markdown's inline HTML reads as no tag, whole
    (`<b a='1'b='2'>`, its attributes with no space between them: `_SHOWN_TAG`), the website
    shows as text, which the radio dropped with no word: flagged (Q2), as a sign it cannot read
    is. One cut at a `>` in a quoted value leaves the rest, which the check of signs holds."""
    if _SHOWN_TAG.fullmatch(tag[0]) and not MARKDOWN_TAG.fullmatch(tag[0]):
        ctx.flag("Q2", BLOCKING, symbol_message(tag[0]), tag[0])
    return " "


def _shown_tag_told(tag: re.Match[str], ctx: Context) -> str:
    """A tag written with entities (`&lt;b&gt;`), which the website shows as text, as a space:
    flagged once, whole (Q2), as a sign the radio cannot read; it was dropped unflagged."""
    ctx.flag("Q2", BLOCKING, symbol_message(tag[0]), tag[0])
    return " "


_SHOWN_COMMENT = re.compile(r"<!--(?:([^\n]*?)-->)?")
"""A «<!--» the website shows as text, with the «-->» closing it on its line, if any."""


def _sign_told(shown: re.Match[str], ctx: Context) -> str:
    """A comment's signs the website shows as text, flagged once (Q2) as qa flags a sign the
    radio cannot read; the words between them, kept."""
    inner = shown[1]
    ctx.flag("Q2", BLOCKING, symbol_message("<!--…-->" if inner is not None else "<!--"), shown[0])
    return f" {inner} " if inner is not None else " "


def _comments_typed(text: str, ctx: Context) -> str:
    """`text` without the HTML comments typed in it: one closed on its line blanked, as the
    website hides it; a `<!--` left open flagged (Q2, blocking) and left as a space, its words
    read as the website shows them. A `<!--` in code or in a tag's attribute is none: kept. In
    a raw HTML block none is left: `_hidden_in_raw_blocks` took each out with what it hides."""
    # Code spans and tags, their quoted values too, blanked, every other character where it was.
    shown = _TAG.sub(_blanks, CODE_SPAN_RE.sub(_blanks, text) if "`" in text else text)
    kept, done = [], 0
    for opened in _COMMENT_TYPED.finditer(shown):
        kept.append(text[done : opened.start()])
        done = opened.end()
        if opened[1] is not None:
            kept.append(" ")  # closed: hidden by the website
            continue
        _flag_comment_open(ctx, text[opened.start() :], in_block=False)
        kept.append(" ")
    kept.append(text[done:])
    return "".join(kept)


def _blanks(m: re.Match[str]) -> str:
    """A match as spaces, line breaks kept: what it holds is no comment."""
    return _NOT_LINE_BREAK.sub(" ", m[0])


def _flag_comment_open(ctx: Context, rest: str, *, in_block: bool, line: int | None = None) -> None:
    """Flag (Q2, blocking) a `<!--` no `-->` closes on its line, `rest` the text from it: the
    website shows it and the words after it as typed, or in a raw HTML block hides them (and
    all that follows) though they are no note the editor closed."""
    excerpt = _COMMENT_OPENING.match(rest)
    typed = excerpt[0] if excerpt is not None else "<!--"
    shown = (
        "Trong khối HTML này, website ẩn mọi chữ từ dấu này đến hết bản tin, kể cả các đoạn "
        "sau khối, nên người xem website không thấy chúng."
        if in_block
        else "Website hiện nguyên văn dấu này và các chữ sau nó, nên ghi chú không được ẩn."
    )
    ctx.flag(
        "Q2",
        BLOCKING,
        f"Còn «<!--» (mở đầu một ghi chú ẩn) mà không có «-->» đóng lại: «{typed}». {shown} "
        "Cách sửa: nếu là ghi chú cho người biên tập, đặt «<!--» ở đầu dòng (không thụt "
        "vào) và thêm «-->» ở cuối ghi chú; ghi chú nằm sau chữ trong dòng thì phải đóng "
        "«-->» trong cùng dòng đó. Nếu không phải ghi chú, xóa «<!--».",
        typed,
        line,
    )


def marks_removed(text: str) -> str:
    """`unspoken_removed`'s text as plain text: code, emphasis and hashtag marks, emoji and
    line breaks gone (R1.2, R1.8, R1.9); a backslash escape (`\\*`, `1\\.`) is the character
    alone, as the website shows it."""
    escaped = "\\" in text
    if escaped:
        text = _escapes_hidden(text)
    if "`" in text:
        text = _CODE_SPAN.sub(_FIRST_GROUP, text).replace("`", "")  # an unpaired one is never read
    if "**" in text or "__" in text:
        text = _STRONG.sub(_SECOND_GROUP, text)
    if "~~" in text:
        text = _STRIKE.sub(_FIRST_GROUP, text)
    if "*" in text:
        text = _STAR_EMPHASIS.sub(_FIRST_GROUP, text)
    if "_" in text:
        text = _UNDERSCORE_EMPHASIS.sub(_FIRST_GROUP, text)
    if "#" in text:
        text = _TRAILING_HASHTAGS.sub("", text)  # R1.9: trailing hashtag block
        text = _HASHTAG_MARK.sub("", text)
    if escaped:
        # A backtick, escaped or not, is never read (`\\`x\\`` is «x»).
        text = text.replace(_hidden("`"), "")
        text = _ESCAPE_HIDDEN.sub(lambda m: chr(ord(m[0]) - _ESCAPE_FIRST), text)
    text = _sentence_breaks(_remove_pictographs(text))
    if "\n" in text:
        text = _LINE_BREAK.sub(" ", text)
    if "  " in text or "\t" in text:
        text = _BLANKS.sub(" ", text)
    return text.strip()


def _escapes_hidden(text: str) -> str:
    """`text` with each backslash escape the website resolves (publish.markdown_escapes) held
    by a private-use character no mark pattern matches, so `\\*không\\*` keeps its stars; in a
    code span a backslash escapes nothing and stays."""
    if "`" in text:
        text = _ESCAPE_OR_CODE_SPAN.sub(_code_backslashes_hidden, text)
    return ESCAPED.sub(lambda m: _hidden(m[1]), text)


def _code_backslashes_hidden(m: re.Match[str]) -> str:
    """A code span of `_ESCAPE_OR_CODE_SPAN` with its backslashes held; an escape as it is."""
    return m[0] if m[0][0] == "\\" else m[0].replace("\\", _hidden("\\"))


def _hidden(char: str) -> str:
    """The private-use character standing for an escaped ASCII `char`."""
    return chr(_ESCAPE_FIRST + ord(char))


def _cleaned(text: str, lines: Lines, ctx: Context) -> tuple[str, tuple[Flag, ...]]:
    """`unspoken_removed` for one list item (or the paragraph announcing a list) before the
    list is joined, so a clause dropped from one item never takes its neighbours, its item
    or the ordinal with it; and the flags it raised, at the item's own lines, to be told when
    the item is read (in reading order)."""
    found = Context(ctx.options, ctx.abbreviations, lines=lines, held_addresses=ctx.held_addresses)
    return unspoken_removed(text, found), tuple(found.flags)


def _sentence_breaks(text: str) -> str:
    """`<br>` (turned into newlines) ends a sentence: add a stop where none is (R1.8)."""
    text = text.strip()
    return _BREAK_WITHOUT_STOP.sub(".\n", text) if "\n" in text else text
