"""Properties of the read-aloud normaliser on random text and Markdown (hypothesis)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from publish.radio.normalise import normalise, normalise_fragment, tts_text

LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
ALPHABET = (
    LETTERS
    + LETTERS.upper()
    + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    + " .,;:!?/-–—+()[]{}%$€&@#*_<>=~^|'\"“”«»…°²\n\t"
    + "⚠️✅📞▶\u00a0\u200b"
)

PIECES = st.sampled_from(
    [
        "# ", "## ", "- ", "1. ", "> ", "**", "_", "`", "```\n", "| a | b |\n", "\n\n", "\n",
        "![ảnh](a.jpg)", "[tại đây](https://ca.example.vn/a)", "https://x.vn/a ", "a@b.vn",
        "<br>", "&amp;", "(đọc: phây-búc)", "[NHẠC CẮT 0:05]\n", "#ANTT ", "CAH ", "CSĐTTP ",
        "QL1A ", "ĐT 741 ", "Km 25+300 ", "SN 1990 ", "BKS 29A-123.45 ", "58/2020/TT-BCA ",
        "Quý IV/2023 ", "lần thứ ", "thứ ", "ngày ", "tháng ", "lúc ", "gọi ", "từ ", "đến ",
        "08/12/2020", "1/3", "14h30", "7h-11h", "22:15", "0912.345.678", "+84 912 345 678",
        "105.500.000đ", "12,5%", "1.5", "1,000", "$500", "50k", "80 km/h", "-5°C", "v.v.",
        "...", " (", ") ", ", ", ". ", "Tp. ", "BCH ", "TT ", "CN ", "PC06 ", "COVID-19 ",
    ]
)  # fmt: skip

MARKDOWN = st.lists(
    st.one_of(PIECES, st.text(alphabet=ALPHABET, max_size=12), st.integers(0, 10**13).map(str)),
    max_size=30,
).map("".join)
TEXT = st.text(alphabet=ALPHABET, max_size=200)

_CUE_LINE = re.compile(r"^\[[^\]]*\]$", re.M)
_PRONOUNCER = re.compile(r"\(đọc: [^()]*\)")


def _read_aloud_part(text: str) -> str:
    """What the reader says: without cue lines and pronouncers (which are never read)."""
    return _PRONOUNCER.sub(" ", _CUE_LINE.sub(" ", text))


def _assert_digits_flagged(spoken) -> None:  # type: ignore[no-untyped-def]
    excerpts = [f.excerpt for f in spoken.flags if f.code == "Q1"]
    for token in _read_aloud_part(spoken.text).split():
        if re.search(r"[0-9]", token):
            assert any(e and e in token for e in excerpts), (token, spoken.flags)


@settings(max_examples=300, deadline=None)
@given(MARKDOWN)
def test_markdown_never_crashes_and_leftover_digits_are_flagged(source: str) -> None:
    spoken = normalise(source)
    assert unicodedata.is_normalized("NFC", spoken.text)
    assert all(f.severity in ("blocking", "warning") for f in spoken.flags)
    _assert_digits_flagged(spoken)
    tts_text(spoken.text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_random_text_never_crashes_and_leftover_digits_are_flagged(source: str) -> None:
    for spoken in (normalise(source), normalise_fragment(source, sentence_start=True)):
        assert unicodedata.is_normalized("NFC", spoken.text)
        _assert_digits_flagged(spoken)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_every_integer_is_read_without_digits(n: int) -> None:
    grouped = f"{n:,}".replace(",", ".")
    spoken = normalise_fragment(f"có {grouped} người")
    assert not re.search(r"[0-9]", spoken.text)
    assert spoken.flags == ()
