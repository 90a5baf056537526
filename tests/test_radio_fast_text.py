"""The radio passes' faster text searches (session 47) find what the searches they replaced
found (hypothesis): each old form is kept here verbatim as the specification, and the script
must not change."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from publish.markdown_pasted import BULLET_GLYPHS
from publish.radio import (
    abbreviations,
    lists,
    markdown,
    marks,
    normalise,
    place_kinds,
    punctuation,
    readtime,
)
from publish.radio.flags import Context
from publish.radio.normalise import load_abbreviations
from publish.radio.options import SpeakOptions
from publish.radio.place_kinds import KINDS, KINDS_PATTERN
from tests.helpers import every_character

PIECES = [
    " ", "  ", "\n", "\n\n", "-", " - ", ".", ". ", "...", "…", ",", ", ", ";", ":", "!", "?",
    "(", ")", "/", "|", "&", "+", "@", "*", "**", "_", "__", "#", "`", "~~", "> ", "- ", "1. ",
    "a) ", "• ", "→", "“", "”", '"', "‘", "«", "»", "x", "9", "đ", "Đ", "á", "İ", "ſ", "K",
    "Công an xã Tân Phú ", "huyện Châu Thành", "Huyện Kim Sơn", "THỊ XÃ Sa Pa", "thị trấn Mỹ Phước",
    "tỉnh Đồng Tháp", "TP. Hồ Chí Minh", "Thành phố Cao Lãnh", "đặc khu Phú Quốc", "xã Tân Bình",
    "quận 1", "phường An Lạc", "Trần Văn Thời", "ngày 08/12/2020 ", "lúc 14h30 ", "gọi 113 ",
    "0912.345.678", "1.500.000 đồng", "CSGT-TT ", "UBND", "v.v. ", "Xem thêm: ", "xem tại ",
    "website", "trang này", "https://bit.ly/abc", "x@y.vn", "[đây](https://a.vn)", "Ảnh: ",
    "Nguồn: ", "Ông ", "Bà ", "Đại tá ", "Nguyễn Văn A", "N.V.A", "(NVH, SN 1990)", "(TP)",
    "tại đây", "lừa đảo ", "Trong tuần, ", "I. ", "V. ", "**Kết quả:** ", "Tin: Thu Trang",
]  # fmt: skip
LEXICON = load_abbreviations(None)
KEYS = sorted(LEXICON)
FILE_TYPES = [".apk", ".APK", ".Apk", ".aPk", ".ipa", "x.exe", ".EXE ", ".Exe", ".exes", "v.v."]
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40).map("".join)


def matched_alone(pattern: re.Pattern[str]) -> set[str]:
    """Every character a one-character `pattern` matches, found in one scan of all of them (a
    fullmatch per character took seconds)."""
    return set(pattern.findall(every_character()))


NAMED_BEFORE = re.compile(
    rf"(?<!\w)(?i:{KINDS_PATTERN})\s++(?=(?P<words>[^\W\d_]++(?: [^\W\d_]++){{0,3}}))"
)
"""`place_kinds._NAMED` before session 47, verbatim."""


def test_a_kind_opens_with_a_character_matched_only_in_its_two_cases() -> None:
    for first in {kind[0] for kind in KINDS}:
        same = re.compile(f"(?i:{re.escape(first)})")
        assert matched_alone(same) == {first, first.upper()}


@settings(max_examples=500, deadline=None, database=None)
@given(TEXTS)
@example("xhuyện A, huyện Kim Sơn, HUYỆN Kim, Thị xã  Sa Pa, _xã An, 1tỉnh B, đặc khu Phú Quốc")
@example("thị xã\nSa Pa thành phố Vinh Hà Tĩnh Mới Nữa, athị xã Tân")
def test_places_are_named_as_they_were(text: str) -> None:
    new = [(m.span(), m["words"]) for m in place_kinds._NAMED.finditer(text)]
    assert new == [(m.span(), m["words"]) for m in NAMED_BEFORE.finditer(text)]


def expand_abbreviations_before(text: str, ctx: Context) -> str:
    """`abbreviations.expand_abbreviations` before session 47, verbatim but for the module's
    names, which it reaches through `abbreviations.`."""
    a = abbreviations
    lexicon = ctx.abbreviations
    hyphenated, plain = ctx.memo("lexicon keys", lambda: a._lexicon_keys(frozenset(lexicon)))
    if "(" in text:
        known = len(ctx.initials)
        text = a._without_repeats(text, lexicon, hyphenated + plain, ctx.initials)
        if len(ctx.initials) > known:  # new initials: «Công an xã TP» may have come before
            written = dict(list(ctx.initials.items())[known:])
            for earlier, lines in ctx.capitals_read:
                a._initials_used_again(earlier, written, ctx, lines)
        a._lone_letters_told(text, ctx)
    if ctx.initials:
        a._initials_used_again(text, ctx.initials, ctx)
    if a._TWO_CAPITALS.search(text):
        ctx.capitals_read.append((text, ctx.lines))
    text = a._etc(text)
    if any(kind in text for kind in a._FILE_TYPE_HINTS):
        text = a._FILE_TYPE.sub(lambda m: m[1].upper(), text)
    text = a._place_prefixes(text, ctx)
    own = ctx.memo("own titles", lambda: a.own_titles(lexicon, dict(a._seed())))
    text = a.read_titles_before_names(text, own)  # after the prefixes, which keep a name's initial
    if "-" in text:
        text = a._replace_keys(text, lexicon, hyphenated)
        # R12.5: `CSGT-TT`, `A-B`; before the context words, whose expansions end the code
        text = a._CODE_HYPHEN.sub(" ", text)
    text = a._context_abbreviations(text, ctx)
    # Written in capitals, a known mixed-case word is still that word (VNEID is VNeID).
    spellings = ctx.memo("caps spellings", lambda: a.caps_spellings(frozenset(lexicon))[0])
    text = a._replace_keys(text, spellings, tuple(sorted(spellings)))
    return a._replace_keys(text, lexicon, plain)


ABBREVIATED = st.lists(
    st.sampled_from(PIECES) | st.sampled_from(KEYS) | st.sampled_from(FILE_TYPES), max_size=30
).map("".join)
UNIT_LEXICONS = st.sampled_from([{}, {"TS": "tài sản"}, {"VNeID": "vê en e ai đi", "ABC": "a bê"}])


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(ABBREVIATED, min_size=1, max_size=4), UNIT_LEXICONS)
@example(["Ủy ban nhân dân xã Tân Phú (TP) họp.", "Công an xã TP, tệp .apk, .Exe, v.v. Hết."], {})
@example(["PGS.TS Nguyễn Văn A, CSGT-TT, VNEID, PV GAS, TP. Hồ Chí Minh, H. Châu Thành"], {})
def test_abbreviations_are_expanded_as_they_were(texts: list[str], unit: dict[str, str]) -> None:
    lexicon = normalise._lexicon(tuple(unit.items()))
    old, new = Context(SpeakOptions(), lexicon), Context(SpeakOptions(), lexicon)
    for text in texts:
        old.lines = new.lines = ((1, text),)
        assert abbreviations.expand_abbreviations(text, new) == expand_abbreviations_before(
            text, old
        )
        assert new.flags == old.flags
        assert new.initials == old.initials and new.capitals_read == old.capitals_read


UNREAD_MARKS_BEFORE = re.compile(r"[*#_|^]+")
NO_SPACE_AFTER_MARK_BEFORE = re.compile(r"([,;:!?])(?=[^\W\d_“\"])")
SENTENCE_START_BEFORE = re.compile(r"([.!?])(\s+[“\"‘]*)([^\W\d_])(?![^\W\d_]*[A-ZĐ])")
"""`punctuation`'s patterns before session 47, verbatim."""


def tidy_before(text: str) -> str:
    """`punctuation._tidy` before session 47, verbatim but for the module's names."""
    p = punctuation
    if "  " in text or not text.isprintable():
        text = p._WHITESPACE.sub(" ", text)
    if p._SPACED_MARK.search(text):
        text = p._SPACE_BEFORE_MARK.sub(r"\1", text)
    if ",," in text or ", ," in text:
        text = p._REPEATED_COMMAS.sub(",", text)
    if p._COMMA_THEN_MARK.search(text):
        text = p._COMMA_BEFORE_MARK.sub(r"\1", text)
    if "," in text and p._MAYBE_COMMA_AFTER_STOP.search(text):
        text = p._COMMA_AFTER_STOP.sub(r"\1", text)
    if "!" in text or "?" in text:
        text = p._STOP_AFTER_MARK.sub(r"\1", text)
    if ".." in text or ". ." in text:
        text = p._REPEATED_STOPS.sub(".", text)
    text = NO_SPACE_AFTER_MARK_BEFORE.sub(r"\1 ", text)
    text = p._LEADING_MARKS.sub("", text)
    return text.strip()


def capitalise_sentences_before(text: str) -> str:
    """`punctuation._capitalise_sentences` before session 47, verbatim but for the names."""

    def upper(m: re.Match[str]) -> str:
        # `_INITIAL` spans at most 3 characters before the stop (with a final newline).
        if m[1] == "." and punctuation._INITIAL.search(text, max(0, m.start() - 3), m.start()):
            return m[0]
        return m[1] + m[2] + m[3].upper()

    return SENTENCE_START_BEFORE.sub(upper, text)


CAPITALS = st.characters(min_codepoint=0x41, max_codepoint=0x24F) | st.characters(
    min_codepoint=0x1E00, max_codepoint=0x1EFF
)
PUNCTUATED = st.lists(
    st.sampled_from(PIECES) | CAPITALS | st.sampled_from(["ǅ", "ǈ", "ß", "ŉ", "ǰ", "ΐ", "ﬁ"]),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None, database=None)
@given(PUNCTUATED)
@example("A. b. V. tùng! ǅa? “đi. Đi. ß. ǈx, a;b:c ,, . ? ! x*y ## _a_ |b| ^c")
@example("Ông N.V.A. đi.  «Hết» … a,“b” c?d e!Ê")
def test_punctuation_is_tidied_and_capitalised_as_it_was(text: str) -> None:
    assert punctuation._tidy(text) == tidy_before(text)
    assert punctuation._capitalise_sentences(text) == capitalise_sentences_before(text)
    assert punctuation._UNREAD_MARKS.sub(" ", text) == UNREAD_MARKS_BEFORE.sub(" ", text)


MAY_POINT_BEFORE = re.compile(r"(?i:xem|website|trang)")
STAR_EMPHASIS_BEFORE = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
UNDERSCORE_EMPHASIS_BEFORE = re.compile(r"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
"""`markdown`'s patterns before session 47, verbatim."""


def found(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    """Every match of `pattern` in `text`, where and what it holds."""
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_the_case_blind_words_open_with_characters_matched_only_in_their_two_cases() -> None:
    for word in ("xem", "website", "trang", "ảnh", "nguồn", *KINDS):  # «ảnh», «nguồn»: captions
        same = re.compile(f"(?i:{re.escape(word[0])})")
        two = {word[0].lower(), word[0].upper()}
        assert matched_alone(same) == two, word


@settings(max_examples=500, deadline=None, database=None)
@given(TEXTS)
@example("Xem thêm tại WEBSITE, trang Web; XEM, xEm, ſ, website, weBſite, TRANG")
@example("a*b* *c* **d** *e*f _g_ a_b_ __h__ _i_j *k * * l* \\*m*")
@example("Câu một.  Câu hai!\nCâu ba;\tCâu bốn? Câu năm. \u00a0Câu sáu.")
def test_the_markdown_searches_find_what_they_found(text: str) -> None:
    assert found(markdown._MAY_POINT, text) == found(MAY_POINT_BEFORE, text)
    assert found(markdown._STAR_EMPHASIS, text) == found(STAR_EMPHASIS_BEFORE, text)
    assert found(markdown._UNDERSCORE_EMPHASIS, text) == found(UNDERSCORE_EMPHASIS_BEFORE, text)
    joined = markdown._SENTENCE_GAP.sub(" ", text)
    assert (joined if markdown._UNEVEN_GAP.search(text) else text) == joined
    if lists._SUB_BULLET_LINE.search(text):  # the text holds one of the gaps it needs
        assert any(gap in text for gap in lists._SUB_BULLET_GAPS)


m = markdown
"""The name `SplitterBefore` reaches the module's names through."""


class SplitterBefore(markdown._Splitter):
    """`markdown._Splitter` with its `feed` and `line` before session 47, verbatim but for the
    module's names, which they reach through `m.`, for the quotation that starts right under
    a paragraph, apart since session 69 as on the website, for the block indented four
    spaces after a blank line, code since session 71 as on the website, and for a footnote's
    lines after its definition, the text after a comment opening its line and a quotation's
    line `>` alone, the footnote's, a block apart and a paragraph break since session 72 as on
    the website, and a link's label alone on its line over a lone address, a definition the
    website hides with its address since session 72 (a label over words is read), and for a
    fence at the line's start, code up to the same fence alone on its line or, never closed,
    text (held) since session 74 as on the website, a fence indented one to three spaces, text
    (held) since session 74 as on the website, and a list in a quotation, quoted since
    session 74."""

    def feed(self, lines: list[str], start: int) -> None:
        """Split `lines[start:]` into blocks."""
        i = start
        while i < len(lines):
            number, line = i + 1, lines[i]
            i += 1
            apart = (i - 1) in self.tails
            if apart:  # session 72: a block apart
                self.end_paragraph()
                line = lines[i - 1] = self.typed[i - 1] = self.tails[i - 1]
            typed = (self.typed or lines)[i - 1]
            if self.footnote and self._in_footnote(lines, i - 1, typed, start):
                continue  # session 72: the footnote's, not read
            if opened := m.PM_FENCE_RE.match(line):
                closer = self._closer(lines, i - 1, opened[1], start)
                if closer >= 0:  # session 74: up to the same fence, as on the website
                    self.end_paragraph()
                    i = closer + 1
                    m._flag_removed(self.ctx, "một đoạn mã", line.strip(), number)
                    continue
                line = line[opened.end() :]  # session 74: never closed, text (held)
                if not line.strip():
                    continue
            if (
                (indented := m._FENCE.match(line))
                and m.indent_of(line) < m.CODE_INDENT
                and not self._spanned(lines, i, indented[1])
            ):
                self._fence_shown(line, number)  # session 74: one to three spaces in, text (held)
                line = m._FENCE_RUN.sub("", line, count=1)
                if not line.strip():
                    continue
            if m._FENCE.match(line):
                self.end_paragraph()
                fence = m._FENCE.match(line)[1]  # type: ignore[index]
                while i < len(lines) and not lines[i].strip().startswith(fence):
                    i += 1
                i += 1
                m._flag_removed(self.ctx, "một đoạn mã", line.strip(), number)
                continue
            if "<" in line and m._HTML_TABLE.match(line):
                self.end_paragraph()
                while i < len(lines) and not m._HTML_TABLE_END.search(lines[i - 1]):
                    i += 1
                m._flag_removed(self.ctx, "một bảng", line.strip(), number)
                continue
            if m._TABLE_ROW.match(line):
                self.end_paragraph()
                while i < len(lines) and m._TABLE_ROW.match(lines[i]):
                    i += 1
                m._flag_removed(self.ctx, "một bảng", line.strip(), number)
                continue
            if (
                not self.list_items
                and (past := m.indented_code_end(self.typed or lines, i - 1, start, apart=apart))
                >= i
            ):
                self.end_paragraph()  # session 71: indented code, not read
                i = past
                m._flag_removed(self.ctx, "một đoạn mã", line.strip(), number)
                continue
            self.later = lines[i] if i < len(lines) else ""
            self.line(number, line)
        self.end_paragraph()

    def line(self, number: int, line: str) -> None:
        """Handle one ordinary line."""
        if self.definition_address:  # session 72: a two-line link definition's address
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
        if (heading := m._HEADING.match(line)) and not m._HASHTAG_LINE.match(line):
            self.end_paragraph()
            item = m.Item(m._heading_text(heading[2]), ((number, line),))
            self.blocks.append(m.Block("heading", [item], level=len(heading[1])))
            return
        if (
            m._SETEXT.match(line)
            and self.current
            and not m.short_heading(self.current[0][1].strip())
        ):
            # An intro sentence over a separator typed as `---` is no title: it is read.
            self.end_paragraph()
            return
        if m._SETEXT.match(line) and len(self.current) == 1 and not self.list_items:
            (first_number, first), self.current = self.current[0], []
            level = 1 if line.strip().startswith("=") else 2
            item = m.Item(first.strip(), ((first_number, first),))
            self.blocks.append(m.Block("heading", [item], level=level))
            return
        if m._RULE.match(line) or m._DEFINITION.match(line) or m._HASHTAG_LINE.match(line):
            self.end_paragraph()
            self.footnote = "lazy" if m._FOOTNOTE.match(line) else ""  # session 72
            return
        if m._DEFINITION_OPEN.match(line) and m._DEFINITION_ADDRESS.match(self.later):
            self.end_paragraph()  # session 72: `[1]:` over a lone address, no label alone
            self.definition_address = True
            return
        if m._CUE.match(line) and not m._LINK.search(line):
            self.end_paragraph()
            self.blocks.append(m.Block("cue", [m.Item(line.strip(), ((number, line),))]))
            return
        if m._IMAGE_LINE.match(line):
            self.end_paragraph()
            self.after_image = True
            self.images.add(number)
            return
        if (was_after_image and m._ITALIC_LINE.match(line)) or m._CAPTION.match(line):
            return  # R1.5: photo caption or source line
        if not self.list_items and not self.quoted and m._QUOTE.match(line):
            self.end_paragraph()  # session 69: a quotation right under a paragraph is apart
            self.quoted = True
        line = m._QUOTE.sub("", line)
        if self.quoted and not line.strip() and not self.list_items:
            self.end_paragraph()  # session 72: `>` alone parts a quotation's paragraphs
            self.quoted = True
            return
        if listed := m.LIST_LINE.match(line):
            if self.current:
                quoted = self.quoted
                self.end_paragraph()
                self.quoted = quoted  # session 74: `> Trích:` then `> - …`, quoted
            if not self.list_items:
                self.ordered = m.is_ordered(listed)
                self.list_quoted = self.quoted  # session 74: a quoted list's items are quoted
            self.list_items.append([(number, listed[2])])
            self.indents.append(len(listed[1]))
            self.marks.append(m.mark_of(listed))
            self.pasted = line.lstrip()[0] in m.BULLET_GLYPHS or bool(m.NUMBERED.match(line))
        elif self.list_items and after_gap:
            # A paragraph indented under an item (`_next_item`): in that item, as on the website.
            self.list_items.append([(number, line)])
            self.indents.append(m.indent_of(line))
            self.marks.append(("", None))
        elif (
            self.list_items
            and self.pasted
            and not m.goes_on(self.list_items[-1][-1][1], line, self.later)
        ):
            self.end_paragraph()  # pasted lines are paragraphs, as on the website and Zalo
            self.current.append((number, line))
        elif self.list_items:
            self.list_items[-1].append((number, line))  # continuation of the last item
        else:
            self.current.append((number, line))


LINE_PIECES = [
    "", " ", "  ", "    ", "\t", "# ", "## ", "#tag", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "a) ",
    "đ. ", "• ", "👉 ", "o\t", "---", "===", "***", "___", "| a | b |", "```", "~~~", "<table>",
    "</table>", "[Nhạc nền]", "[^1]: chú thích", "[Lưu ý]:", "![ảnh](a.jpg)", "*Ảnh: Công an xã*", "Ảnh: ",
    "ảnh minh họa", "Nguồn: ", "nguồn: ", "(Ảnh: X)", "Ⅷ", "Ǆ", "ǅ", "Công an xã Tân Phú ",
    "Trong tuần, ", "I. TÌNH HÌNH CHUNG", "V. Hùng", "**Kết quả:** ", "Tin: Thu Trang", "N",
    "Người dân ", "đã bắt giữ  ", "b. ", "x) ", "đ) ", "b.", "n", "ả", "ab", "nguồn", "ảnh:", "Đối tượng ", "Xem thêm [tại đây](https://a.vn)", "x@y.vn",
    "ngày 08/12/2020 ", "gọi 113", "*nhấn mạnh*", "_nghiêng_", "`mã`", "<br>", "<!-- x -->",
]  # fmt: skip
MARKDOWN = st.lists(
    st.lists(st.sampled_from(LINE_PIECES) | CAPITALS, max_size=6).map("".join), max_size=14
).map("\n".join)


@settings(max_examples=400, deadline=None, database=None)
@given(MARKDOWN)
@example("# Tiêu đề\nCâu một\nNguồn: X\n\n- a\n\n  Ⅷ tiếp\nǅa\n> Trích\nẢnh: A\n|a|\n---")
@example("![x](a.jpg)\n*Ảnh: Công an*\nCâu.\n\n1. Một\n2. Hai\n\nSau danh sách.")
@example(" ```o\t")  # an indented fence: text, held (Q2), as on the website
def test_bulletins_are_split_as_they_were(text: str) -> None:
    assert not any(glyph.isalpha() for glyph in BULLET_GLYPHS)  # a list's mark: no plain line
    for line in text.split("\n"):
        if markdown._plain_line(line):  # no line pattern can match it: they are skipped
            for pattern in (
                markdown._FENCE, markdown._HTML_TABLE, markdown._TABLE_ROW, markdown._HEADING,
                markdown._SETEXT, markdown._RULE, markdown._DEFINITION,
                markdown._DEFINITION_OPEN, markdown._HASHTAG_LINE,
                markdown._CUE, markdown._IMAGE_LINE, markdown._ITALIC_LINE, markdown._CAPTION,
                markdown._QUOTE, lists.LIST_LINE,
            ):  # fmt: skip
                assert pattern.match(line) is None, (pattern.pattern, line)
    new_ctx, old_ctx = Context(SpeakOptions(), LEXICON), Context(SpeakOptions(), LEXICON)
    new = markdown.split_blocks(text, new_ctx)
    real = markdown._Splitter
    markdown._Splitter = SplitterBefore  # type: ignore[misc]
    try:
        old = markdown.split_blocks(text, old_ctx)
    finally:
        markdown._Splitter = real  # type: ignore[misc]
    assert new == old
    assert new_ctx.flags == old_ctx.flags


SYLLABLE_TOKEN_BEFORE = re.compile(r"(?<![^\s\-])[^\s\-]*(?!\s)[A-Za-zÀ-ỹĐđ][^\s\-]*")
"""`readtime._SYLLABLE_TOKEN` before session 47, verbatim."""


@settings(max_examples=500, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from([*PIECES, "\u1680", "a\u1680b", "-a-", "1-2", "<<<<", "ỹ", "Ỹ", "\u1ef9"])
        | st.text(max_size=4),
        max_size=40,
    ).map("".join)
)
@example("Công an xã-Tân Phú 12 1a2b -- a\u1680b <<< [Nhạc]\n(đọc: x) ỹ\u1efa Ā")
def test_syllables_are_counted_as_they_were(text: str) -> None:
    before = len(SYLLABLE_TOKEN_BEFORE.findall(readtime.spoken_part(text)))
    assert readtime.count_syllables(text) == before


def marks_removed_before(text: str) -> str:
    """`markdown.marks_removed` before session 47, verbatim but for the module's names (and
    its one-mark emphases, kept above as they were)."""
    escaped = "\\" in text
    if escaped:
        text = m._escapes_hidden(text)
    if "`" in text:
        text = m._CODE_SPAN.sub(r"\1", text).replace("`", "")  # an unpaired one is never read
    if "**" in text or "__" in text:
        text = m._STRONG.sub(r"\2", text)
    if "~~" in text:
        text = m._STRIKE.sub(r"\1", text)
    if "*" in text:
        text = STAR_EMPHASIS_BEFORE.sub(r"\1", text)
    if "_" in text:
        text = UNDERSCORE_EMPHASIS_BEFORE.sub(r"\1", text)
    if "#" in text:
        text = m._TRAILING_HASHTAGS.sub("", text)  # R1.9: trailing hashtag block
        text = m._HASHTAG_MARK.sub("", text)
    if escaped:
        # A backtick, escaped or not, is never read (`\\`x\\`` is «x»).
        text = text.replace(m._hidden("`"), "")
        text = m._ESCAPE_HIDDEN.sub(lambda m_: chr(ord(m_[0]) - m._ESCAPE_FIRST), text)
    text = m._sentence_breaks(m._remove_pictographs(text))
    if "\n" in text:
        text = m._LINE_BREAK.sub(" ", text)
    if "  " in text or "\t" in text:
        text = m._BLANKS.sub(" ", text)
    return text.strip()


def capitalise_first_before(text: str) -> str:
    """`punctuation.capitalise_first` before session 47, verbatim."""
    for i, c in enumerate(text):
        if c.isalpha():
            if text[i + 1 : i + 2].isupper():
                return text  # `iPhone`, `eKYC`: a name written so, never «IPhone»
            return text[:i] + c.upper() + text[i + 1 :]
        if c.isdigit():
            return text
    return text


UNFINISHED_BEFORE = re.compile(r"[^\W\d_][\s*_]*$")
"""`markdown._UNFINISHED` as it was searched for before session 47."""


@settings(max_examples=500, deadline=None, database=None)
@given(MARKDOWN)
@example("**Đậm** __đậm__ ~~gạch~~ `mã` *nghiêng* _nghiêng_ <https://a.vn> \\*sao\\* #tag 🚨 a\nb")
@example("“ǅa” ß 1a ²x ½ Các trường hợp gồm ** \n_ ")
def test_marks_are_removed_and_texts_end_as_they_did(text: str) -> None:
    assert markdown.marks_removed(text) == marks_removed_before(text)
    assert punctuation.capitalise_first(text) == capitalise_first_before(text)
    assert markdown._ends_unfinished(text) == bool(UNFINISHED_BEFORE.search(text))
    autolinked = markdown._AUTOLINK.sub(markdown._FIRST_GROUP, text)
    assert autolinked == markdown._AUTOLINK.sub(r"\1", text)


def long_sentences_before(text: str, limit: int = readtime.LONG_SENTENCE) -> list[str]:
    """`readtime.long_sentences` before session 47, verbatim but for the names."""
    sentences = readtime._SENTENCE_END.split(readtime.spoken_part(text))
    # As in `long_unpaused_runs`: fewer than 2 × limit characters hold at most `limit` syllables.
    return [s.strip() for s in sentences if len(s) >= 2 * limit and count_before(s) > limit]


def long_unpaused_runs_before(text: str, limit: int = 40) -> list[str]:
    """`readtime.long_unpaused_runs` before session 47, verbatim but for the names."""
    runs = readtime._PAUSE.split(readtime.spoken_part(text))
    # A syllable is a letter plus a separator, so a run shorter than 2 × limit cannot exceed it.
    return [run.strip() for run in runs if len(run) >= 2 * limit and count_before(run) > limit]


def count_before(text: str) -> int:
    """`readtime.count_syllables` before session 47."""
    return len(SYLLABLE_TOKEN_BEFORE.findall(readtime.spoken_part(text)))


WORDY = st.lists(
    st.sampled_from(
        [*PIECES, "a-b-c-d-e-f ", "x-", "-", "1 2 3 ", "a\u1680b ", "(đọc:x)", "[Nhạc]"]
    )
    | st.sampled_from(["một ", "hai-ba ", "Công an ", "12 ", "... ", "“a” "]),
    max_size=160,
).map("".join)


@settings(max_examples=500, deadline=None, database=None)
@given(WORDY, st.sampled_from([1, 3, 10, 40, 60]))
@example("Công an xã-Tân-Phú-Hòa " * 12 + "(đọc:a)b " * 20, 40)
@example("a(đọc:x)b " * 50 + "; " + "một hai ba " * 30, 60)
def test_long_stretches_are_found_as_they_were(text: str, limit: int) -> None:
    assert readtime.long_unpaused_runs(text, limit) == long_unpaused_runs_before(text, limit)
    assert readtime.long_sentences(text, limit) == long_sentences_before(text, limit)


@settings(max_examples=500, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from([*LINE_PIECES, "I", "V", "X", "IV", "A", "a", ".", ")", "-", "–", " ", "1"])
        | CAPITALS,
        max_size=8,
    ).map("".join)
)
@example("I. TÌNH HÌNH")
@example("A- x")
def test_marks_are_found_as_they_were(text: str) -> None:
    assert marks.own_mark(text) == own_mark_before(text)


def own_mark_before(text: str) -> marks.Mark | None:
    """`marks.own_mark` before session 47, verbatim but for the module's names."""
    found = marks._MARK.match(text)
    if found is None:
        return None
    mark = found["mark"]
    # «C.», «D.», «L.», «M.» open the third, fourth … section of a report lettered «A., B.»:
    # a section numeral is of I, V and X (to XXXIX).
    roman = marks.roman_value(mark) if marks._SECTION_NUMERAL.fullmatch(mark) else None
    if "." in mark:
        kind, value = marks._LEVEL_MARK, None
    elif mark.isdigit():
        kind, value = marks._NUMBER_MARK, int(mark)
    elif roman is not None:
        kind, value = marks._ROMAN_MARK, roman
    elif len(mark) == 1:
        kind, value = marks._LETTER_MARK, None
    else:
        return None  # «IIII.», «VX.»: no numeral
    if found["end"].strip() in marks._DASHES and kind != marks._ROMAN_MARK:
        return None  # «A- », «1- »: a dash after a letter or number is no mark reports write
    # «**1.** Tuần tra»: the emphasis held the mark alone and goes with it.
    keep = "" if found["close"] else found["open"].strip()
    initial = mark.isupper() and len(mark) == 1 and found["end"].strip() in "." + marks._DASHES
    return marks.Mark(kind, value, mark, initial, keep, found.end())


def broken_before_before(line: str, following: str) -> bool:
    """`markdown._broken_before` before session 47, verbatim but for the module's names."""
    if not m._HARD_BREAK.search(line):
        return False
    start = m._MARKS_FIRST.sub("", following, count=1)
    last = m._LAST_WORD.search(line)
    # Case counts: «Từ», «Do» ending a line are names («Nguyễn Văn Từ»), not «từ», «do».
    if last and last[1] in m._LINKING_WORDS and not m._fields(line, start):
        return False
    return bool(start) and (start[0].isupper() or start[0].isdigit() or m._a_label(start))


POINTING = st.lists(
    st.sampled_from(
        [*PIECES, "như sau", "NHƯ SAU", "Như ſau", "dưới đây", "bên dưới", "bảng sau", "biểu dưới",
         "cụ thể", "chi tiết", "sau", "xem bảng", "xem biểu", "ĐÂY", "THỂ", "tiết", "bảng",
         "*", "_", ":", ".", " ", "\n", "  ", "**:**", "ı", "İ", "Ʉ", "ǅ"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=800, deadline=None, database=None)
@given(POINTING, MARKDOWN)
@example("Kết quả cụ thể như sau: ** \n", "Địa chỉ: x")
@example("Số liệu chi tiết **:**", "đã bắt  ")
@example("Số vụ giảm, cụ thể.:", "")
@example("-  \n", "A")
def test_pointers_and_hard_breaks_are_found_as_they_were(text: str, following: str) -> None:
    assert found(m._POINTS_DOWN, text)[:1] == [
        (pointer.span(), pointer.groups()) for pointer in [m._points_down(text)] if pointer
    ]
    # A line as `_joined` gives it ends in no line break: `$` of the old search matched before
    # one («-  \n»), the new «ends with two spaces» does not (hypothesis found it at random).
    text = text.rstrip("\n")
    for line in (text, text + "  ", text + " \u00a0 ", following + "   "):
        assert m._broken_before(line, following) == broken_before_before(line, following)


def byline_before(
    markdown_text: str, *, author: str = "", unit_name: str = "", places: tuple[str, ...] = ()
) -> str:
    """`markdown.byline` before session 47, verbatim but for the module's names."""
    tail = m._HARD_BREAKS.sub("<br>", markdown_text[-m._BYLINE_TAIL :].rstrip())
    last = tail.rpartition("\n")[2].strip()
    if (
        not m._BYLINE.search(tail)
        and not m._BARE_NAME.match(last)
        and not m._INITIAL_NAME.match(last)
        and not m._CREDIT_ALONE.fullmatch(last)
    ):
        return ""  # the usual case, told without splitting the text
    options = SpeakOptions(unit_name=unit_name, places=tuple(places))
    return m._split(markdown_text, Context(options, {}, author=author))[1]


SIGNED = st.sampled_from(
    ["", "\n\nTin: Thu Trang", "\n\n*Bài và ảnh: Ngọc Hà*", "\n\nThu Hà", "\n\nV. Thanh Tùng.",
     "\n\nN.T.H", "\n\nBBT", "\n\nThu Hà - Công an xã Tân Phú", "\n\nPV: Xin cảm ơn anh.",
     "\n\nHuyện Châu Thành", "\n\nTrần Văn Tú (Công an xã Tân Phú)", "  \nTin: X. Thu Trang"]
)  # fmt: skip


@settings(max_examples=400, deadline=None, database=None)
@given(MARKDOWN, SIGNED, st.sampled_from(["", "Thu Hà", "Nguyễn Văn A"]))
@example("Câu một.\n\n| a | b |\n|---|---|\n\nKết quả như sau:", "\n\nThu Hà", "")
def test_bylines_are_found_as_they_were(text: str, signed: str, author: str) -> None:
    for places in ((), ("Châu Thành",)):
        new = markdown.byline(text + signed, author=author, unit_name="Công an xã", places=places)
        old = byline_before(text + signed, author=author, unit_name="Công an xã", places=places)
        assert new == old


def test_a_dash_and_an_unread_mark_are_told_by_their_characters() -> None:
    for code in range(0x3000):
        char = f"a{chr(code)}b"
        assert normalise._holds_a_dash(char) == bool(normalise._DASHES.search(char)), code
        held = any(mark in char for mark in "*#_|^")  # the marks `_symbols` looks for
        assert held == bool(punctuation._UNREAD_MARKS.search(char)), code


@settings(max_examples=200, deadline=None, database=None)
@given(TEXTS, st.booleans())
def test_a_first_item_said_as_written_is_kept_as_it_was(text: str, same: bool) -> None:
    items = [markdown.Item("Câu một.", ((1, "Câu một."),)), markdown.Item("Hai", ((2, "Hai"),))]
    said = items[0].text if same else text
    before = [dataclasses.replace(items[0], text=said), *items[1:]]  # as `_run` did
    assert normalise._first_said(items, said) == before
