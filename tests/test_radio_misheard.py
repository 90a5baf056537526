"""What a listener misheard, or an editor was not told, in scripts read on air (session 33).

Each test pins a vector that the code before it read wrongly or without a word to the editor.
"""

from __future__ import annotations

import pytest

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
