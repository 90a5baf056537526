"""A name's initials with Vietnamese's own letters (Ư, Ơ, Ă, Â, Ê, Ô, Đ): read as those of any
other name. Initials took A–Z and Đ only: «Nguyễn Văn Ưng (NVƯ)» after a given name was read
«Ưng, NVƯ» and held (R14.6), «N.V.Ư. (2005)» ended a sentence and lost its «sinh năm»."""

from __future__ import annotations

import re

import pytest

from publish.radio.caps import CAPITAL_LETTERS
from publish.radio.normalise import normalise
from publish.radio.tts import LETTER_NAMES, tts_text


def _said(text: str) -> tuple[str, list[str]]:
    spoken = normalise(text)
    return spoken.text, [flag.code for flag in spoken.flags]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Bắt đối tượng Ưng (NVƯ) tại nhà.", "Bắt đối tượng Ưng tại nhà."),
        ("Bắt đối tượng Ân (TTÂ) tại nhà.", "Bắt đối tượng Ân tại nhà."),
        ("Bắt đối tượng Nguyễn Văn Ưng (N.V.Ư.) tại nhà.", "Bắt đối tượng Nguyễn Văn Ưng tại nhà."),
        ("Bà Đỗ Thị Ơn (ĐTƠ) trình báo.", "Bà Đỗ Thị Ơn trình báo."),
        ("Anh Lê Văn Ết (LVÊ) trình báo.", "Anh Lê Văn Ết trình báo."),
        # Without its mark the letter still stands for the name, as `A` does for «Ánh».
        ("Bắt đối tượng Ân (TTA) tại nhà.", "Bắt đối tượng Ân tại nhà."),
        ("Ông Nguyễn Văn Ủy (NVU) trình báo.", "Ông Nguyễn Văn Ủy trình báo."),
    ],
)
def test_initials_with_vietnamese_letters_repeat_the_name_and_are_not_read(
    text: str, said: str
) -> None:
    assert _said(text) == (said, [])


def test_a_letter_with_its_own_mark_stands_only_for_a_name_opening_with_it() -> None:
    """«Ư» is no «Ủ» (U with a tone mark), as in `(BCĐTƯ)`: the letters are not the name's."""
    text, codes = _said("Ông Nguyễn Văn Ủy (NVƯ) trình báo.")
    assert codes == ["R14.6"]
    assert "NVƯ" in text


@pytest.mark.parametrize("letters", ["NVH", "NVƯ"])
def test_a_full_name_s_initials_used_again_are_read_as_the_name(letters: str) -> None:
    """`Nguyễn Văn Hải (NVH)`, then `NVH khai nhận`: the bracket defines the letters as any
    words' first letters do (`Tổ công tác đặc biệt (TCTĐB)`). «NVƯ» was read so, «NVH» held."""
    name = "Nguyễn Văn Hải" if letters == "NVH" else "Nguyễn Văn Ưng"
    spoken = _said(f"Đối tượng {name} ({letters}) đã bị bắt.\n\n{letters} khai nhận hành vi.")
    assert spoken == (f"Đối tượng {name} đã bị bắt.\n\n{name} khai nhận hành vi.", [])


@pytest.mark.parametrize(("given", "letters"), [("Hải", "NVH"), ("Ân", "TTÂ")])
def test_a_given_name_s_initials_used_again_still_block(given: str, letters: str) -> None:
    """After a given name alone the letters are not those words' (`Hải (NVH)`): the listener
    never heard the full name, so used again they are held as any unknown letters (R14.6)."""
    spoken = normalise(f"Bắt đối tượng {given} ({letters}) tại nhà.\n\n{letters} khai nhận.")
    assert [f.code for f in spoken.blocking] == ["R14.6"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Anh N.V.Ư. (2005) bị bắt.",
            "Anh N.V.Ư., sinh năm hai nghìn không trăm linh năm, bị bắt.",
        ),
        ("Anh Đ.T.Ơ (2005) bị bắt.", "Anh Đ.T.Ơ, sinh năm hai nghìn không trăm linh năm, bị bắt."),
        (
            "Nguyễn Văn Ư. (1995) bị bắt.",
            "Nguyễn Văn Ư., sinh năm một nghìn chín trăm chín mươi lăm, bị bắt.",
        ),
    ],
)
def test_a_year_after_dotted_initials_with_vietnamese_letters_is_the_birth_year(
    text: str, said: str
) -> None:
    """As after `N.V.H. (2005)`: the initials' stop ended the sentence, «Hai nghìn…»."""
    assert _said(text) == (said, [])


def test_draft_audio_spells_dotted_initials_with_vietnamese_letters_without_their_dots() -> None:
    """`N.V.Ư.` kept its dots between letters in draft audio (read as sentence ends)."""
    said = tts_text(normalise("Anh N.V.Ư. (2005) bị bắt.").text)
    assert said.startswith("Anh en nờ vê ư, sinh năm")


@pytest.mark.parametrize(
    ("script", "audio"),
    [
        ("Ông NVƯ bị bắt.", "Ông en nờ vê ư bị bắt."),
        ("Ban BCĐTƯ họp.", "Ban bê xê đê tê ư họp."),
        ("Anh N.V.Ơ. và chị T.T.Â.", "Anh en nờ vê ơ và chị tê tê ớ."),
        ("Hai người NVĂ và LTÊ cùng ĐVÔ.", "Hai người en nờ vê á và e lờ tê ê cùng đê vê ô."),
    ],
)
def test_draft_audio_names_vietnamese_letters(script: str, audio: str) -> None:
    """Ă, Â, Ê, Ô, Ơ, Ư had no names: espeak said their sounds, or read `BCĐTƯ` as one word,
    where a reader names each letter («ư», «ớ»), as for `NVH`."""
    assert tts_text(script) == audio


def test_every_capital_letter_has_a_name() -> None:
    """Every letter an initial may be (caps.CAPITAL_LETTERS) is spelled by its name."""
    letters = re.findall(f"[{CAPITAL_LETTERS}]", "".join(map(chr, range(0x41, 0x1F00))))
    assert set(letters) == set(LETTER_NAMES)


def test_draft_audio_reads_a_word_in_capitals_as_a_word() -> None:
    """«KHÔNG», «CHƯA» alone in a sentence are words the writer stressed, never spelled."""
    assert tts_text("Tôi KHÔNG biết, CHƯA nghe.") == "Tôi KHÔNG biết, CHƯA nghe."


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Bắt Hải (NVH, SN 1990) về hành vi trộm cắp.",
            "Bắt Hải, sinh năm một nghìn chín trăm chín mươi, về hành vi trộm cắp.",
        ),
        ("Bắt Tèo (NVT) về hành vi trộm cắp.", "Bắt Tèo về hành vi trộm cắp."),
        ("Công an xã bắt giữ Tèo (NVT).", "Công an xã bắt giữ Tèo."),
        (
            "Bắt quả tang Tèo (LVT, SN 1990).",
            "Bắt quả tang Tèo, sinh năm một nghìn chín trăm chín mươi.",
        ),
        ("Triệu tập Tèo (NVT) để làm việc.", "Triệu tập Tèo để làm việc."),
    ],
)
def test_initials_after_a_name_a_police_act_takes_are_the_name_s(text: str, said: str) -> None:
    """`Bắt Hải (NVH, SN 1990)` was read «Bắt Hải, NVH, …» and held (R14.6): «Bắt» opening the
    sentence was taken for a name's first word, as «Thanh» in «Thanh Hải (NTH)»; and a given
    name no list holds (`Tèo`) after «bắt giữ», «triệu tập» was no person's, as it is after
    «đối tượng». The letters end with the name's initial: the same person again."""
    assert _said(text) == (said, [])


@pytest.mark.parametrize(
    "text",
    [
        "Bắt Hải (NVT, SN 1990).",  # the letters end with another initial
        "Triệu tập Đoàn (BCHĐ) họp.",  # a body, its committee's letters
        "Triệu Hải (TVH) đến.",  # «Triệu» is a surname: «Triệu Hải» is one name
    ],
)
def test_other_letters_after_a_police_act_are_still_held(text: str) -> None:
    assert "R14.6" in _said(text)[1]


@pytest.mark.parametrize(
    ("text", "audio"),
    [
        # Without a final dot the last letter was read after a dot: «en nờ vê.hát».
        ("Đối tượng N.V.H bị bắt.", "Đối tượng en nờ vê hát bị bắt."),
        ("Ông N.V.H, 30 tuổi, trình báo.", "Ông en nờ vê hát, 30 tuổi, trình báo."),
        ("Bà Đ.T.Ư trình báo.", "Bà đê tê ư trình báo."),
        ("Bắt đối tượng N.V.H", "Bắt đối tượng en nờ vê hát"),
        # No sentence end the writer did not put, even before a capital.
        ("Anh N.V.H Trần trình báo.", "Anh en nờ vê hát Trần trình báo."),
        # With the final dot, as before.
        ("Đối tượng N.V.H. bị bắt.", "Đối tượng en nờ vê hát bị bắt."),
        ("Bắt N.V.H. Sau đó", "Bắt en nờ vê hát. Sau đó"),
    ],
)
def test_initials_without_a_final_dot_are_spelled_as_letters(text: str, audio: str) -> None:
    assert tts_text(text) == audio
