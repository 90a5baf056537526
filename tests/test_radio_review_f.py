"""Reviewer F's findings (session 66): misreadings a listener hears as another fact.

Paragraphs go through `normalise`, as a bulletin's do.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise, tts_text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Nguyễn Văn A (SN 1990, trú ấp 3, xã Mỹ Hòa (cũ), nay là xã Tháp Mười) bị bắt giữ.",
            "Nguyễn Văn A, sinh năm một nghìn chín trăm chín mươi, trú ấp ba, xã Mỹ Hòa cũ, nay "
            "là xã Tháp Mười, bị bắt giữ.",
        ),
        (
            "Trần Văn B (SN 1985, trú xã Tân Phú (cũ), huyện Châu Thành (cũ)) đã ra đầu thú.",
            "Trần Văn B, sinh năm một nghìn chín trăm tám mươi lăm, trú xã Tân Phú cũ, huyện "
            "Châu Thành cũ, đã ra đầu thú.",
        ),
        # A bracket never closed keeps the brackets inside it as pauses, as before.
        (
            "Đối tượng khai (lúc 22h (giờ địa phương) đã về nhà.",
            "Đối tượng khai lúc hai mươi hai giờ, giờ địa phương, đã về nhà.",
        ),
    ],
)
def test_a_bracket_inside_a_note_keeps_the_notes_pauses(source: str, expected: str) -> None:
    """«(SN 1990, trú …, xã Mỹ Hòa (cũ), nay là xã Tháp Mười) bị bắt giữ»: the inner «(cũ)»
    is said in place and the note is still set off by commas (R15.1); the outer brackets went
    unsaid and «… xã Tháp Mười bị bắt giữ» told the listener the commune was arrested."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert spoken.flags == ()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Va chạm trên đường tỉnh ĐT.849 làm 1 người bị thương.",
            "Va chạm trên đường tỉnh tám trăm bốn mươi chín làm một người bị thương.",
        ),
        ("Quốc lộ QL30 bị ngập sâu.", "Quốc lộ ba mươi bị ngập sâu."),
        ("Tuần tra trên quốc lộ QL1A.", "Tuần tra trên quốc lộ một A."),
        ("Sạt lở trên đường huyện ĐH.65.", "Sạt lở trên đường huyện sáu mươi lăm."),
        ("Thông xe tỉnh lộ TL.8 từ hôm nay.", "Thông xe tỉnh lộ tám từ hôm nay."),
        ("Tai nạn trên cao tốc CT.01 đoạn qua tỉnh.", "Tai nạn trên cao tốc một đoạn qua tỉnh."),
        # No kind before: the code says it, as R13.2 reads it.
        ("Tuần tra trên ĐT 741.", "Tuần tra trên đường tỉnh bảy trăm bốn mươi mốt."),
    ],
)
def test_a_roads_kind_written_before_its_code_is_said_once(source: str, expected: str) -> None:
    """«đường tỉnh ĐT.849» was read «đường tỉnh đường tỉnh tám trăm bốn mươi chín»: with its
    kind written before, the code's number alone is said."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert spoken.flags == ()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Tờ khai thay đổi thông tin cư trú (mẫu CT01).",
            "Tờ khai thay đổi thông tin cư trú, mẫu CT không một.",
        ),
        (
            "Kê khai theo mẫu CT01, CT02 và DC02; tờ khai CC01, mẫu TK01.",
            "Kê khai theo mẫu CT không một, CT không hai và DC không hai; tờ khai CC không một, "
            "mẫu TK không một.",
        ),
        ("Điền biểu mẫu số DC01 tại Công an xã.", "Điền biểu mẫu số DC không một tại Công an xã."),
        # The expressway: after «cao tốc», «tuyến», or written with a dot or a space (R13.2).
        ("Tai nạn trên cao tốc CT01 đoạn qua tỉnh.", "Tai nạn trên cao tốc một đoạn qua tỉnh."),
        ("Ùn tắc trên tuyến CT01.", "Ùn tắc trên tuyến đường cao tốc một."),
        ("Ùn tắc trên CT.01.", "Ùn tắc trên đường cao tốc một."),
    ],
)
def test_a_residence_or_id_form_code_is_read_as_written(source: str, expected: str) -> None:
    """«mẫu CT01» was read «mẫu đường cao tốc một», and «CC01», «DC02», «TK01» held the bulletin
    as a unit's unknown code: a form's code is its letters, then each digit (R14.7)."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert spoken.flags == ()


def test_a_form_codes_letters_are_spelled_in_the_draft_audio() -> None:
    """The human script keeps the letters; the synthesiser gets their names (R16.1)."""
    assert tts_text(normalise("Nộp tờ khai mẫu CT01.").text) == "Nộp tờ khai mẫu xê tê không một."


def test_ct01_with_no_form_or_road_word_is_read_as_a_form_and_told() -> None:
    """`nộp CT01` is most likely the residence form, but may be the expressway: read as the
    form, and the editor told how to write either (never a silent guess)."""
    spoken = normalise("Người dân nộp CT01 tại Công an xã.")
    assert spoken.text == "Người dân nộp CT không một tại Công an xã."
    assert [(f.code, f.severity) for f in spoken.flags] == [("R13.2", "warning")]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # The QA run's link text: «mẫu đơn» before the code.
        ("Tải mẫu đơn CT01 tại đây.", "Tải mẫu đơn CT không một tại đây."),
        ("Nộp đơn CT01 tại Công an xã.", "Nộp đơn CT không một tại Công an xã."),
        # The form named earlier in the sentence, not just before the code.
        (
            "Tờ khai thay đổi thông tin cư trú CT01 nộp tại Công an xã.",
            "Tờ khai thay đổi thông tin cư trú CT không một nộp tại Công an xã.",
        ),
        (
            "Làm thủ tục đăng ký thường trú, kê khai CT01 rồi nộp tại Công an xã.",
            "Làm thủ tục đăng ký thường trú, kê khai CT không một rồi nộp tại Công an xã.",
        ),
    ],
)
def test_ct01_in_a_sentence_that_names_a_form_is_not_told(source: str, expected: str) -> None:
    """«mẫu đơn CT01» was told R13.2 («nếu là biểu mẫu, viết mẫu CT01») on every check, build
    and sync, and in ghi-chu-bien-tap.txt, though the text already said it was a form."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert spoken.flags == ()


@pytest.mark.parametrize(
    "source",
    [
        # A form word in another sentence says nothing of this code.
        "Mẫu đơn có ở trang của Công an xã. Người dân nộp CT01 tại trụ sở.",
        # A form word, but a road too: the code may still be the expressway.
        "Phát phiếu khảo sát cho tài xế sau vụ tai nạn trên CT01.",
    ],
)
def test_ct01_is_still_told_where_the_sentence_may_mean_the_expressway(source: str) -> None:
    spoken = normalise(source)
    assert "CT không một" in spoken.text
    assert [(f.code, f.severity) for f in spoken.flags] == [("R13.2", "warning")]


def test_a_units_own_reading_of_a_form_code_wins() -> None:
    """A reading the unit wrote in its dictionary is said instead."""
    spoken = normalise(
        "Nộp mẫu CT01 tại Công an xã.",
        abbreviations={"CT01": "tờ khai thay đổi thông tin cư trú"},
    )
    assert spoken.text == "Nộp mẫu tờ khai thay đổi thông tin cư trú tại Công an xã."


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Đại tá Nguyễn Văn A, P. Giám đốc Công an tỉnh, dự buổi lễ.",
            "Đại tá Nguyễn Văn A, Phó Giám đốc Công an tỉnh, dự buổi lễ.",
        ),
        (
            "Thượng tá B, P.Trưởng CAH, chủ trì cuộc họp.",
            "Thượng tá B, Phó Trưởng Công an huyện, chủ trì cuộc họp.",
        ),
        (
            "Ông C, P.Chủ tịch UBND xã, phát biểu.",
            "Ông C, Phó Chủ tịch Ủy ban nhân dân xã, phát biểu.",
        ),
        (
            "Đại úy D, Q. Trưởng Công an xã Tân Bình, cho biết.",
            "Đại úy D, Quyền Trưởng Công an xã Tân Bình, cho biết.",
        ),
        ("Bà E, P. Chánh Văn phòng, trao quà.", "Bà E, Phó Chánh Văn phòng, trao quà."),
        # A place's name after the letter is still the ward, the district (R14.3).
        (
            "Tuần tra tại P. Chánh Nghĩa và Q. Bình Thạnh.",
            "Tuần tra tại phường Chánh Nghĩa và quận Bình Thạnh.",
        ),
    ],
)
def test_p_and_q_before_a_post_are_deputy_and_acting(source: str, expected: str) -> None:
    """«P. Giám đốc Công an tỉnh» was read «phường Giám đốc», «Q. Trưởng» «quận Trưởng»: before
    a post the letters are «Phó» and «Quyền»."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert spoken.flags == ()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Tạm giữ các xe BKS: 66K1-123.45, 66K1-234.56 và 66K1-345.67 để xử lý.",
            "Tạm giữ các xe biển kiểm soát: sáu sáu K một, một hai ba, bốn năm; sáu sáu K một, "
            "hai ba bốn, năm sáu và sáu sáu K một, ba bốn năm, sáu bảy, để xử lý.",
        ),
        (
            "Truy tìm xe 30A-123.45, 51G-678.90, 59-X1 123.45 hoặc 66B1 234.56.",
            "Truy tìm xe ba không A, một hai ba, bốn năm; năm một G, sáu bảy tám, chín không; "
            "năm chín X một, một hai ba, bốn năm hoặc sáu sáu B một, hai ba bốn, năm sáu.",
        ),
        (
            "Biển số 66K1-123.45, 66K1-234.56 vi phạm nồng độ cồn.",
            "Biển số sáu sáu K một, một hai ba, bốn năm và sáu sáu K một, hai ba bốn, năm sáu, vi "
            "phạm nồng độ cồn.",
        ),
    ],
)
def test_plates_listed_with_commas_are_told_apart(source: str, expected: str) -> None:
    """«… một hai ba, bốn năm, sáu sáu K một, hai ba bốn …»: the comma between two plates was
    the comma between the parts of one. As phone numbers listed so are, the plates are told
    apart by «;» and a «và» (or the writer's «hoặc») before the last; each still flagged Q6."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert {f.code for f in spoken.flags} == {"Q6"}
