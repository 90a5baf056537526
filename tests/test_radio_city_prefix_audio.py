"""The city prefix typed in lower case (`tp.HCM`, `tại tp.Cần Thơ`) is «thành phố», as `TP.`
and `Tp.` are: it stayed «tp.» in the script, unflagged, and the draft audio said «tê pê chấm».
The draft audio (`publish speak --tts`, `build --audio`) reads the script: where the script
says «Thành phố Hồ Chí Minh», so does the audio, never the letters of `TP.HCM`."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise
from publish.radio.tts import tts_text


@pytest.mark.parametrize(
    ("source", "script"),
    [
        ("Đối tượng trú tại tp.HCM bị bắt.", "Đối tượng trú tại Thành phố Hồ Chí Minh bị bắt."),
        ("Đối tượng trú tại tp HCM.", "Đối tượng trú tại Thành phố Hồ Chí Minh."),
        ("tp.HCM đông dân.", "Thành phố Hồ Chí Minh đông dân."),
        ("Tại tp.Cần Thơ.", "Tại thành phố Cần Thơ."),
        ("Tại tp. Vinh, tỉnh Nghệ An.", "Tại thành phố Vinh, tỉnh Nghệ An."),
        # As before: the prefix in capitals.
        ("Đối tượng trú tại TP.HCM bị bắt.", "Đối tượng trú tại Thành phố Hồ Chí Minh bị bắt."),
        ("Tại Tp.Cần Thơ.", "Tại thành phố Cần Thơ."),
    ],
)
def test_the_city_prefix_is_said_and_the_audio_says_the_script(source: str, script: str) -> None:
    spoken = normalise(source)
    assert (spoken.text, list(spoken.flags)) == (script, [])
    assert tts_text(spoken.text) == script
