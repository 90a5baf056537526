"""The radio Markdown reader's searches back from a sentence's or a line's end find what a
search of the whole text found (they are guarded for linear time in test_radio_regex_time.py)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from publish.radio import markdown

PIECES = [
    " ", "  ", "\u00a0", "\n", "*", "**", "_", "-", "–", ",", ":", ";", ".", "a", "1", "Kết quả",
    "như", "sau", "được", "thể", "hiện", "thể hiện", "nêu", "liệt kê", "cụ", "cụ thể", "chi tiết",
    "theo", "xem", "ở", "tại", "trong", "bảng", "biểu", "gồm", "là", "vi phạm", "đã được",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join) | st.text(max_size=40)


def said_by_slicing(sentence: str) -> str:
    """What `_said_before_pointer` gave when it cut one leftover a pass, searching the whole
    sentence each time (the specification; quadratic on «- - - … như sau:»)."""
    pointer = markdown._POINTS_DOWN.search(sentence)
    said = sentence[: pointer.start()] if pointer else sentence
    while leftover := markdown._POINTER_LEFTOVER.search(said):
        said = said[: leftover.start()]
    if len(said.split()) <= markdown._SUBJECT_WORDS and not any(c.isdigit() for c in said):
        return ""
    return said


@settings(max_examples=500, deadline=None, database=None)
@given(TEXTS)
@example("Công an xã đã xử lý 12 trường hợp vi phạm được" + " " * 60 + "thể hiện như sau:")
@example("Công an xã đã xử lý 12 trường hợp " + "*" * 60 + " như sau:")
@example("Công an xã đã xử lý 12 trường hợp " + "- " * 60 + "như sau:")
@example("Số liệu của 12 xã cụ" + "\u00a0" * 60 + "thể như sau:")
@example("Kết quả của 12 xã " + "như " * 30 + "sau:")
def test_what_a_sentence_says_before_its_pointer_is_what_it_was(sentence: str) -> None:
    assert markdown._said_before_pointer(sentence) == said_by_slicing(sentence)


LAST_WORD = re.compile(r"(\w+)[*_]*\s*$")
"""A line's last word as it was found (quadratic on one long word not ending its line)."""


@settings(max_examples=300, deadline=None, database=None)
@given(TEXTS)
@example("Nguyễn Văn Từ  ")
@example("đối tượng **và**  ")
@example("a_b__ \t")
def test_a_lines_last_word_is_what_it_was(line: str) -> None:
    found, expected = markdown._LAST_WORD.search(line), LAST_WORD.search(line)
    assert (found and found.span(1)) == (expected and expected.span(1))
