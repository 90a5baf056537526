"""A heading or line written in capitals (publish.radio.caps): reports write their section
headings so («I. TÌNH HÌNH CHUNG», «AN NINH»). The human script keeps the capitals (R15.4 never
lower-cases the author's text); its words are read, not flagged as unknown abbreviations (R14.6)
nor spelled letter by letter in draft audio (R16.1).
"""

from __future__ import annotations

import pytest

from publish.radio.flags import BLOCKING, WARNING
from publish.radio.normalise import normalise, tts_text


@pytest.mark.parametrize(
    ("heading", "script", "audio"),
    [
        ("**I. AN NINH**", "Phần một: AN NINH.", "Phần một: an ninh."),
        (
            "## II. KẾT QUẢ CÔNG TÁC BẢO ĐẢM AN NINH",
            "Phần hai: KẾT QUẢ CÔNG TÁC BẢO ĐẢM AN NINH.",
            "Phần hai: kết quả công tác bảo đảm an ninh.",
        ),
        ("B. NỘI DUNG", "NỘI DUNG.", "nội dung."),
        ("## TÌNH HÌNH CHUNG", "TÌNH HÌNH CHUNG.", "tình hình chung."),
        # No two ASCII capitals in a row: draft audio took the line for one without capitals.
        ("## LỪA ĐẢO", "LỪA ĐẢO.", "lừa đảo."),
    ],
)
def test_a_heading_in_capitals_is_read_as_words(heading: str, script: str, audio: str) -> None:
    """«AN NINH» was flagged as two unknown abbreviations (blocking the item) and, with «NINH»
    after «AN», «CHUNG», «DUNG» after a word with tone marks, spelled in draft audio («a en-nờ
    en-nờ…»): a word without tone marks is a word of the line when it is a Vietnamese syllable
    beside another."""
    spoken = normalise(f"# Tiêu đề\n\nMở đầu.\n\n{heading}\n\nNội dung.\n")
    assert spoken.text == f"Mở đầu.\n\n{script}\n\nNội dung."
    assert spoken.flags == ()
    assert tts_text(spoken.text) == f"Mở đầu.\n\n{audio}\n\nNội dung."


@pytest.mark.parametrize(
    ("line", "token", "audio"),
    [
        ("ĐỘI CSĐTTP VÀO CUỘC", "CSĐTTP", "ĐỘI xê ét đê tê tê pê vào cuộc."),
        ("ĐỘI CSĐTTP TRIỂN KHAI", "CSĐTTP", "ĐỘI xê ét đê tê tê pê triển khai."),
        (  # EVN itself is in the seed lexicon, read by its letters (abbreviations.tsv)
            "CẢNH BÁO THỦ ĐOẠN GIẢ DANH NHÂN VIÊN EVNHCMC ĐỂ LỪA ĐẢO",
            "EVNHCMC",
            "cảnh báo thủ đoạn giả danh nhân viên e vê en nờ hát xê em mờ xê để lừa đảo.",
        ),
    ],
)
def test_an_unknown_abbreviation_in_a_line_in_capitals_is_a_warning_and_spelled(
    line: str, token: str, audio: str
) -> None:
    """«CSĐTTP», «EVNHCMC» are no Vietnamese syllables, beside a word with tone marks in a line in
    capitals: such lines always passed, so the editor is told (it may need the unit's lexicon
    entry, R14.6) without the bulletin being stopped; draft audio spells it (R16.1)."""
    spoken = normalise(f"{line}\n")
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R14.6", WARNING, token)]
    assert tts_text(spoken.text) == audio


@pytest.mark.parametrize(
    "source",
    ["Cảnh giác: NHÂN VIÊN QWZ THU TIỀN là giả.", "Cảnh giác: KHÔNG QWZ là giả."],
)
def test_an_abbreviation_beside_a_capitals_word_without_tone_mark_is_a_warning(
    source: str,
) -> None:
    """«VIÊN», «KHÔNG» read as words with no tone mark: the abbreviation beside them is in a
    line in capitals, told as before, not a hold that stops a bulletin that always passed."""
    spoken = normalise(source)
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R14.6", WARNING, "QWZ")]


def test_an_unknown_abbreviation_warned_of_in_capitals_still_blocks_in_running_text() -> None:
    """The warning in a line in capitals does not let the same abbreviation through elsewhere."""
    spoken = normalise("ĐỘI CSĐTTP TRIỂN KHAI\n\nĐội CSĐTTP về ma túy.\n")
    assert [(f.code, f.severity, f.line) for f in spoken.flags] == [
        ("R14.6", WARNING, 1),
        ("R14.6", BLOCKING, 3),
    ]


@pytest.mark.parametrize(
    ("source", "token"),
    [
        ("Hội nghị Ban Chỉ đạo TƯ về phòng, chống tham nhũng.", "TƯ"),
        ("Đồng chí Bí thư ĐƯ xã dự họp.", "ĐƯ"),
        ("Đại diện BCHTƯ Đoàn thăm hỏi gia đình.", "BCHTƯ"),
        ("Thường trực ĐUQSTƯ làm việc với huyện.", "ĐUQSTƯ"),
    ],
)
def test_initials_with_a_marked_letter_are_an_unknown_abbreviation(source: str, token: str) -> None:
    """Ư, Ô, Â are letters, not tone marks: «TƯ», «BCHTƯ» went on air as written, unflagged,
    for the reader to guess «Trung ương» (R14.6), while «XĐ» or «UBKT» were held."""
    spoken = normalise(source)
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R14.6", BLOCKING, token)]


@pytest.mark.parametrize(
    "source",
    [
        "KHÔNG chuyển tiền cho người lạ.",
        "Đối tượng CHƯA bị bắt.",
        "Người dân ĐÃ được hướng dẫn.",
        "Ban Chỉ đạo BCĐ huyện họp.",
    ],
)
def test_a_word_in_capitals_is_still_read(source: str) -> None:
    """A word stressed in capitals (a tone mark, or a syllable of three letters or more), a
    line in capitals, a known abbreviation: nothing to flag."""
    assert normalise(source).flags == ()


def test_initials_with_a_marked_letter_in_a_shouted_line_are_a_warning() -> None:
    """«TƯ» (Trung ương) in a heading in capitals was taken for a word of the line, its horn
    counted as a tone mark, and went on air unflagged for the reader to say «tư»: it is
    initials beside shouted words, a warning as for «EVN» there (not a hold)."""
    source = "# Tiêu đề\n\nMở đầu.\n\n## BAN CHỈ ĐẠO TƯ HỌP PHIÊN THỨ NHẤT\n\nNội dung."
    spoken = normalise(source)
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R14.6", WARNING, "TƯ")]


@pytest.mark.parametrize("token", ["ĐƯ", "TƯ", "ÂU", "NVƠ", "ĂN", "ÊÔ", "Đ"])
def test_the_marks_that_make_a_letter_are_no_tone_marks(token: str) -> None:
    """Ă Â Ê Ô Ơ Ư and Đ are letters of the alphabet: their marks are no tone marks."""
    from publish.radio.caps import has_tone_marks

    assert not has_tone_marks(token)


@pytest.mark.parametrize("token", ["ĐÃ", "CẢNH", "TỪ", "ỨNG", "ỘI", "HUYỀN"])
def test_each_of_the_five_tone_marks_is_one(token: str) -> None:
    from publish.radio.caps import has_tone_marks

    assert has_tone_marks(token)


@pytest.mark.parametrize(
    ("text", "audio"),
    [
        # Two sets of initials side by side were taken for a line in capitals: «đư tư».
        ("Theo BCHTƯ ĐƯ chỉ đạo.", "Theo bê xê hát tê ư đê ư chỉ đạo."),
        ("Hai đối tượng NVƯ TTÂ bị bắt.", "Hai đối tượng en nờ vê ư tê tê ớ bị bắt."),
    ],
)
def test_initials_with_vietnamese_letters_side_by_side_are_spelled(text: str, audio: str) -> None:
    assert tts_text(text) == audio


def test_a_shouted_word_with_no_tone_mark_is_still_read_beside_one() -> None:
    """«KHÔNG» has no tone mark: still a word of the line, with the letter Ô in a syllable."""
    assert tts_text("KHÔNG CHUYỂN TIỀN CHO NGƯỜI LẠ.") == "không chuyển tiền cho người lạ."
