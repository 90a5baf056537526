"""The load's cheap paths find exactly what the plain searches find: a pattern anchored at line
starts found line break by line break (text.LinePattern) against `^` under re.MULTILINE, the
pasted-text leftovers without the mail headers in a body without «@», the secret-stamp check's
one search for hidden and look-alike characters, and a search tried only where its words start
(text.word_starts, text.matches_at) against finditer."""

from __future__ import annotations

import os
import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from publish import gates, nesting, pasted, typed_markdown
from publish.text import LinePattern, matches_at, nfc, word_starts

SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", 40)) * 10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
LINE_PATTERNS = {
    "nesting": nesting._DEEP_PREFIX,
    "indented list items": nesting._INDENTED_ITEM,
    "page numbers": pasted._PAGE,
    "leftovers": pasted._LEFTOVER,
    "leftovers without mail": pasted._LEFTOVER_NO_MAIL,
    "capitals lines": gates._NO_LOWER_LINE,
    "list items without a space": typed_markdown._GLUED_ITEM,
}
PIECES = [
    "\n", "\n", "\r\n", "\r", "\u2028", "\x0b", " ", "   ", "\t", ">", "> " * 30, " " * 52,
    "\t" * 50, "- ", "1. ", "Trang 3/5", "trang 12 trên 40", "PAGE 2 of 9", "- 3 -", "– 12 –",
    "—7—", "Xem thêm", "... Xem thêm", "…See more", "Thu gọn", "Xem bản dịch", "Sent from my iPhone",
    "Gửi từ iPhone của tôi", "-- Original Message --", "---Forwarded message---", "From: a@b.vn",
    "Từ: x@y", "Người gửi: n@m.vn", "On Mon, A <a@b.vn> wrote:", "Lúc 9:00, B đã viết:", "@",
    "wrote:", "MẬT", "TỐI MẬT", "Độ mật: Mật", "KHẨN", "ÂM", "123", "abc", "Công an", "x" * 30,
    "-Không", "1.Gọi", "+84", "2)",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _multiline(found: LinePattern) -> re.Pattern[str]:
    """The pattern as `^` under re.MULTILINE writes it: what LinePattern must find."""
    return re.compile("^" + found.pattern.pattern, found.pattern.flags)


def _matches(found: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    """Each match's span and groups."""
    return [(m.span(), m.groups()) for m in found]


@SETTINGS
@given(st.one_of(TEXTS, st.text(max_size=80)))
@example("Trang 1\nTrang 2\n\nXem thêm")  # a match on the first line, then on the next ones
@example("\n- 3 -\n")
@example("MẬT\r\nKHẨN\n\n")
def test_line_patterns_find_what_a_multiline_caret_finds(text: str) -> None:
    for name, found in LINE_PATTERNS.items():
        multiline = _multiline(found)
        assert _matches(list(found.finditer(text))) == _matches(list(multiline.finditer(text))), (
            name
        )
        first, searched = multiline.search(text), found.search(text)
        assert (searched and searched.span()) == (first and first.span()), name


@SETTINGS
@given(TEXTS)
def test_leftovers_without_mail_headers_are_the_leftovers_of_a_body_without_at(text: str) -> None:
    text = text.replace("@", "")
    found = list(pasted._LEFTOVER.finditer(text))
    assert _matches(list(pasted._LEFTOVER_NO_MAIL.finditer(text))) == _matches(found)


def test_line_patterns_never_match_empty_text_nor_a_line_break() -> None:
    parser = re._parser  # type: ignore[attr-defined]
    for name, found in LINE_PATTERNS.items():
        pattern = found.pattern
        assert parser.parse(pattern.pattern, pattern.flags).getwidth()[0] > 0, name
        for text in ("\n", "\r\n", "Trang 1\n2", "From: a@b\nwrote:", "MẬT\nKHẨN"):
            assert all("\n" not in m[0] for m in pattern.finditer(text)), name


def _visible_one_step_at_a_time(text: str) -> str:
    """gates._visible before its one search for both kinds: each step's own test."""
    text = nfc(text)
    if gates._HIDDEN.search(text):
        text = gates._HIDDEN.sub("", text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if gates._LOOKALIKE.search(text):
        text = nfc(text.translate(gates._LOOKALIKES))
    return text


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                "MẬT", "Mật", "TỐI", " ", "\n", "\u200b", "\u00ad", "\ufe0f", "\U000e0041",
                "\u041c", "\u0422", "\u0391", "\U0001d6a8", "\uff2d", "…", "ﬁ", "e\u0301",
                "\u0301", "Độ mật: ", "thường",
            ]
        ),
        max_size=20,
    ).map("".join)
    | st.text(max_size=40)
)  # fmt: skip
def test_the_visible_text_is_what_each_step_alone_makes(text: str) -> None:
    assert gates._visible(text) == _visible_one_step_at_a_time(text)


WORDS = ("aa", "ab", "bab", "xyz")
WORD_PATTERN = re.compile(r"(?:aa(?=b)|ab|bab|xyz)[ b]*\w?")
"""Words that overlap themselves («aaab»: the match starts at the second «aa») and each other."""


@SETTINGS
@given(st.text(alphabet="abxyz \n", max_size=60))
def test_a_search_tried_where_its_words_start_finds_what_finditer_finds(text: str) -> None:
    starts = word_starts(text, WORDS)
    assert starts == sorted(i for i in range(len(text)) for w in WORDS if text.startswith(w, i))
    assert _matches(list(matches_at(WORD_PATTERN, text, starts))) == _matches(
        list(WORD_PATTERN.finditer(text))
    )


def test_ligatures_found_one_by_one_are_the_characters_of_the_old_class() -> None:
    assert sorted(pasted.LIGATURES) == [chr(c) for c in range(0xFB00, 0xFB07)]
