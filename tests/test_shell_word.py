"""The commands the tool prints for an editor to copy (`publish approve <files> --by <name>`)
give each file and name back as one word when a shell reads them."""

from __future__ import annotations

import shlex

from hypothesis import example, given
from hypothesis import strategies as st

from publish.gates import shell_word


@given(st.text())
@example("content/bai-viet/2026-12-01-canh-bao.md")
@example("Nguyễn Văn A")
@example("")
@example("tệp có dấu $HOME và `lệnh`")
@example("a\u0300")
def test_a_printed_word_reads_back_as_itself(text: str) -> None:
    """Whatever it holds (spaces, quotes, $, marks of other scripts), the printed word is read
    by a POSIX shell as exactly that text, one word."""
    assert shlex.split(shell_word(text)) == [text]


@given(st.text(alphabet=st.characters(categories=("L", "N")) | st.sampled_from("-_./:,@+=")))
@example("content/bai-viet/2026-12-01-canh-bao.md")
def test_a_plain_word_is_printed_as_typed(text: str) -> None:
    """A file name or a name of letters, digits and these marks is printed bare, as an editor
    would type it (no quotes to puzzle over); anything else is quoted."""
    plain = bool(text) and all(c.isalnum() or c in "-_./:,@+=" for c in text)
    assert (shell_word(text) == text) is plain
