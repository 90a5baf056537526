"""The <img> tags of a text are those the regex `<img\\b[^>]*>` finds, found in linear time."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from publish.html_img import img_tags, with_img_tags

IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
"""The tags as the website, the image checks and WordPress captions once found them (the
specification; quadratic on many «<img» without a «>»)."""
PIECES = [
    "<img", "<IMG", "<Img", "<İmg", "<ımg", "<imgx", "<img_", "<img-", "<img2", "<im", "img",
    "<", ">", " ", "\n", " src='a.jpg'", ' alt="x>y"', "a", "Ảnh", "<p>", "</img>",
]  # fmt: skip


@settings(max_examples=250, deadline=None, database=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join) | st.text(max_size=40))
@example("<img <img src=a>")
@example("<img> <img")
@example("<imgx> <img\n>")
def test_the_tags_are_those_the_regex_finds(text: str) -> None:
    assert list(img_tags(text)) == [m.span() for m in IMG.finditer(text)]
    made = with_img_tags(text, lambda start, end: f"[{text[start:end].upper()}]")
    assert made == IMG.sub(lambda m: f"[{m[0].upper()}]", text)
