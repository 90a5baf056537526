"""What a listener misheard, or an editor was not told, in scripts read on air (session 33).

Each test pins a vector that the code before it read wrongly or without a word to the editor.
"""

from __future__ import annotations

import pytest

from publish.radio.flags import WARNING
from publish.radio.markdown import byline
from publish.radio.normalise import normalise


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        (
            "Mọi thông tin xin gọi 1900.xxxx hoặc 0912.xxx.xxx.",
            ["1900.xxxx", "0912.xxx.xxx"],
            "Mọi thông tin xin gọi số chưa điền hoặc số chưa điền.",
        ),
        (
            "Người dân liên hệ đường dây nóng 0277.xxx.xxx để được hỗ trợ.",
            ["0277.xxx.xxx"],
            "Người dân liên hệ đường dây nóng số chưa điền để được hỗ trợ.",
        ),
        ("Hotline: 1900 xxxx.", ["1900 xxxx"], "Hotline: số chưa điền."),
    ],
)
def test_a_number_still_to_be_filled_in_blocks_the_item_and_is_never_read(
    text: str, written: list[str], expected: str
) -> None:
    """«1900.xxxx» was read «một chín không không.xxxx» with no word to the editor, and the
    unit's own line shown by its first digits alone («liên hệ 0912.xxx.xxx») as a scam caller's
    hidden number: a placeholder left in a template must stop the item, not go on air."""
    spoken = normalise(text)
    assert spoken.text == expected
    unfilled = [f for f in spoken.blocking if f.code == "Q1"]
    assert [f.excerpt for f in unfilled] == written
    assert all("số chưa điền" in f.message and "Cách sửa" in f.message for f in unfilled)


def test_a_scam_callers_hidden_number_is_still_read_by_its_ends() -> None:
    """The unit's own line is told apart by the words inviting a call: a caller's number
    hidden in a warning is read as before, with no flag."""
    spoken = normalise("Đối tượng dùng số 0912.xxx.xxx gọi điện tự xưng là công an.")
    assert spoken.text == (
        "Đối tượng dùng số bắt đầu bằng không chín một hai, gọi điện tự xưng là công an."
    )
    assert not spoken.blocking


def test_a_two_word_warning_ending_a_bulletin_is_read_not_taken_for_the_writer() -> None:
    """«Cảnh Giác.» closing a scam warning went to the header as the writer's name and was not
    read, with no word to the editor: a stop makes it a sentence, which is read."""
    spoken = normalise("Người dân cần cảnh giác với cuộc gọi lạ.\n\nCảnh Giác.\n")
    assert spoken.text.endswith("lạ.\n\nCảnh Giác.")
    assert byline("Người dân cần cảnh giác với cuộc gọi lạ.\n\nCảnh Giác.\n") == ""


def test_a_last_line_taken_for_the_writer_from_two_words_alone_is_told() -> None:
    """Without a stop two title-case words are taken for a given name, not read: the editor
    is told so, and how to have them read; the front matter's author is told nothing."""
    source = "Người dân cần cảnh giác.\n\nCảnh Giác\n"
    spoken = normalise(source)
    assert spoken.text == "Người dân cần cảnh giác."
    [told] = [f for f in spoken.flags if f.code == "R1.5"]
    assert told.severity == WARNING and told.line == 3 and "«Cảnh Giác.»" in told.message
    assert byline(source) == "Tác giả: Cảnh Giác"
    named = normalise("Người dân cần cảnh giác.\n\nThu Hà\n", author="Thu Hà")
    assert named.text == "Người dân cần cảnh giác." and not named.flags
